"""Phrase rotation (least recently used first) and placeholder filling."""

from __future__ import annotations

from datetime import datetime

from pos_coach.cards import load_pack
from pos_coach.library import PhraseRotation
from pos_coach.library.placeholders import fill, greeting
from tests.conftest import SMALL_PACK


def card():
    return load_pack(SMALL_PACK).packs["en"].cards["loyalty-card"]


def test_never_used_phrasings_come_first_in_card_order():
    rotation = PhraseRotation()
    assert rotation.order("Anna", card()) == [0, 1, 2, 3]


def test_least_recently_used_first():
    rotation = PhraseRotation()
    c = card()
    rotation.remember("Anna", c.id, c.say[2], 7)
    rotation.remember("Anna", c.id, c.say[0], 9)
    # 1 and 3 never used, then 2 (older), then 0 (newest)
    assert rotation.order("Anna", c) == [1, 3, 2, 0]


def test_each_cashier_has_their_own_rotation():
    rotation = PhraseRotation()
    c = card()
    rotation.remember("Anna", c.id, c.say[0])
    assert rotation.order("Oleg", c) == [0, 1, 2, 3]


def test_an_older_record_does_not_overwrite_a_newer_one():
    rotation = PhraseRotation()
    c = card()
    rotation.load(
        [
            ("A", c.id, c.say[0], 30),
            ("A", c.id, c.say[0], 10),
            ("A", c.id, c.say[1], 20),
        ]
    )
    assert rotation.order("A", c) == [2, 3, 1, 0]


def test_uses_in_this_run_come_after_every_use_loaded_from_the_journal():
    rotation = PhraseRotation()
    c = card()
    rotation.load([("A", c.id, c.say[1], 500), ("A", c.id, c.say[2], 900)])
    rotation.remember("A", c.id, c.say[0])  # shown now: the most recent of all
    assert rotation.order("A", c) == [3, 1, 2, 0]


def test_greeting_follows_the_local_time_of_day():
    at = lambda hour: datetime(2026, 11, 23, hour, 30)  # noqa: E731
    assert [greeting("ru", at(h)) for h in (3, 7, 13, 19, 23)] == [
        "Здравствуйте",
        "Доброе утро",
        "Добрый день",
        "Добрый вечер",
        "Здравствуйте",
    ]
    assert [greeting("en", at(h)) for h in (7, 13, 19)] == [
        "Good morning",
        "Good afternoon",
        "Good evening",
    ]


def test_fill_replaces_known_and_leaves_unknown():
    values = {"greeting": "Добрый день", "cashier": "Анна", "store": "Ромашка"}
    assert (
        fill("{greeting}! Я {cashier}, магазин «{store}».", values)
        == "Добрый день! Я Анна, магазин «Ромашка»."
    )
    assert fill("{nope}", values) == "{nope}"
