"""The counter's steps in plain Python, and the journal rows each one writes."""

from __future__ import annotations

from datetime import datetime

import pytest

from pos_coach.cards import load_pack
from pos_coach.counter import Counter, NoCashierError
from pos_coach.journal import Journal
from pos_coach.library import Library
from pos_coach.settings import Settings
from tests.conftest import SMALL_PACK


def make_counter(data_dir, lang="ru", hour=10) -> Counter:
    settings = Settings.in_dir(data_dir)
    settings["store"] = "Ромашка"
    settings["register"] = "2"
    return Counter(
        Library(load_pack(SMALL_PACK).packs[lang]),
        Journal.in_dir(data_dir),
        settings,
        clock=lambda: datetime(2026, 11, 23, hour, 0),
    )


def rows(counter: Counter) -> list[dict]:
    counter.writer.flush()  # written on the writer's thread: wait for it
    return [dict(r) for r in counter.journal.db["events"].rows_where(order_by="rowid")]


def test_a_card_needs_a_cashier(data_dir):
    counter = make_counter(data_dir)
    with pytest.raises(NoCashierError):
        counter.open("greeting", "touch")


def test_shift_open_say_outcome_rows(data_dir):
    counter = make_counter(data_dir)
    counter.start_shift("Анна")
    opened = counter.open("greeting", "hotkey")
    assert opened.text == "Доброе утро!"
    counter.mark_said()
    counter.record_outcome("wow")
    got = rows(counter)
    assert [r["kind"] for r in got] == ["shift_start", "shown", "said", "outcome"]
    shown, said, outcome = got[1:]
    assert shown["situation"] == "greeting" and shown["source"] == "hotkey"
    assert shown["card_rev"] == opened.card.rev and shown["phrase"] == "{greeting}!"
    assert shown["interaction"] == said["interaction"] == outcome["interaction"]
    assert outcome["outcome"] == "wow" and outcome["phrase"] == "{greeting}!"
    assert {r["cashier"] for r in got} == {"Анна"}
    assert {r["store"] for r in got} == {"Ромашка"}
    assert {r["register"] for r in got} == {"2"}
    assert {r["lang"] for r in got} == {"ru"}
    assert counter.current is None


def test_another_phrase_wraps_and_is_recorded_with_said(data_dir):
    counter = make_counter(data_dir)
    counter.start_shift("Анна")
    counter.open("greeting", "touch")
    texts = [counter.current.text]
    for _ in range(3):
        texts.append(counter.another_phrase())
    assert texts[0] == texts[3]  # three phrasings, then round again
    assert texts[2] == "Доброе утро! Меня зовут Анна, я Вам помогу."
    counter.another_phrase()
    counter.another_phrase()
    counter.mark_said()
    said = rows(counter)[-1]
    assert (said["kind"], said["phrase"]) == (
        "said",
        "{greeting}! Меня зовут {cashier}, я Вам помогу.",
    )


def test_opening_another_card_dismisses_the_first(data_dir):
    counter = make_counter(data_dir)
    counter.start_shift("Анна")
    first = counter.open("greeting", "touch")
    counter.open("gate-alarm", "search")
    kinds = [(r["kind"], r["situation"], r["interaction"]) for r in rows(counter)[1:]]
    assert kinds[0][:2] == ("shown", "greeting")
    assert kinds[1] == ("dismissed", "greeting", first.interaction)
    assert kinds[2][:2] == ("shown", "gate-alarm")


def test_rotation_survives_a_restart(data_dir):
    counter = make_counter(data_dir)
    counter.start_shift("Анна")
    seen = []
    for _ in range(3):
        seen.append(counter.open("greeting", "touch").phrase)
        counter.record_outcome("ok")
    assert len(set(seen)) == 3  # each time the least recently used
    counter.writer.close()  # as the app does when it closes
    counter.journal.close()
    again = make_counter(data_dir)
    again.start_shift("Анна")
    assert again.open("greeting", "touch").phrase == seen[0]
    # another cashier starts from the top of the card
    again.start_shift("Олег")
    assert again.open("greeting", "touch").phrase == "{greeting}!"


def test_change_of_cashier_ends_the_shift(data_dir):
    counter = make_counter(data_dir)
    counter.start_shift("Анна")
    counter.start_shift("Олег")
    assert [(r["kind"], r["cashier"]) for r in rows(counter)] == [
        ("shift_start", "Анна"),
        ("shift_end", "Анна"),
        ("shift_start", "Олег"),
    ]


def test_store_placeholder_falls_back_to_a_phrase(data_dir):
    counter = make_counter(data_dir, lang="en")
    counter.settings["store"] = ""
    counter.start_shift("Anna")
    opened = counter.open("loyalty-card", "touch")
    assert opened.fill("Got your {store} card with you?") == "Got your our shop card with you?"
    counter.settings["store"] = "Daisy"
    assert counter.placeholder_values()["store"] == "Daisy"
