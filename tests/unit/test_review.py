"""Report aggregates checked against a small journal whose answers were worked out by hand.

The shop is in Moscow (UTC+3, no daylight saving). Times below are UTC as stored; the comment
gives the shop's local time. 2026-11-20 is a Friday, 2026-11-21 a Saturday.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pos_coach.clock import parse_utc, to_utc_text
from pos_coach.journal import Event, Journal
from pos_coach.review import Filters, Reports, make_period
from pos_coach.review.periods import days

MOSCOW = ZoneInfo("Europe/Moscow")
BERLIN = ZoneInfo("Europe/Berlin")

# (interaction, situation, cashier, lang, shown at UTC, ending, phrase)
INTERACTIONS = [
    ("i1", "greeting", "Anna", "ru", "2026-11-20T20:30:00.000Z", "wow", "p1"),  # Fri 23:30
    ("i2", "greeting", "Anna", "ru", "2026-11-20T21:10:00.000Z", "ok", "p2"),  # Sat 00:10
    ("i3", "gate-alarm", "Oleg", "ru", "2026-11-21T07:00:00.000Z", "upset", "g1"),  # Sat 10:00
    ("i4", "gate-alarm", "Oleg", "ru", "2026-11-21T07:20:00.000Z", "upset", "g2"),  # Sat 10:20
    ("i5", "loyalty-card", "Anna", "ru", "2026-11-21T09:00:00.000Z", "dismissed", "l1"),  # 12:00
    ("i6", "greeting", "Oleg", "en", "2026-11-21T07:40:00.000Z", "upset", "p1"),  # Sat 10:40
    ("i7", "bad-mood", "Oleg", "ru", "2026-11-21T15:00:00.000Z", "escalated", "b1"),  # Sat 18:00
]
CARDS = ["greeting", "gate-alarm", "loyalty-card", "bad-mood", "farewell"]


def fill(journal: Journal, interactions=INTERACTIONS) -> None:
    journal.append(Event("shift_start", cashier="Oleg", at="2026-11-21T06:55:00.000Z"))
    for interaction, situation, cashier, lang, at, ending, phrase in interactions:
        common = dict(interaction=interaction, situation=situation, cashier=cashier, lang=lang)
        journal.append(Event("shown", at=at, source="touch", phrase=phrase, **common))
        later = to_utc_text(parse_utc(at) + timedelta(seconds=30))
        if ending == "dismissed":
            journal.append(Event("dismissed", at=later, phrase=phrase, **common))
        else:
            journal.append(Event("outcome", at=later, outcome=ending, phrase=phrase, **common))


@pytest.fixture
def reports(data_dir) -> Reports:
    journal = Journal.in_dir(data_dir)
    fill(journal)
    return Reports(journal.db.conn, MOSCOW)


SATURDAY = days(date(2026, 11, 21), date(2026, 11, 21), MOSCOW)


def test_a_local_day_starts_at_local_midnight():
    assert SATURDAY.start_text == "2026-11-20T21:00:00.000Z"
    assert SATURDAY.end_text == "2026-11-21T21:00:00.000Z"


def test_totals_for_the_local_day(reports):
    total = reports.total(SATURDAY)
    # i2 (shown 21:10 UTC on Friday) is Saturday 00:10 in the shop; i1 is Friday
    assert (total.interactions, total.ended, total.open) == (6, 5, 1)
    assert (total.wow, total.ok, total.upset, total.escalated) == (0, 1, 3, 1)


def test_at_a_glance_with_the_previous_day(reports):
    glance = reports.glance(SATURDAY)
    assert glance.interactions == 6
    assert (glance.wow_share, glance.ok_share, glance.upset_share) == (0.0, 0.2, 0.6)
    assert glance.escalations == 1
    assert glance.busiest_hour == 10
    assert glance.most_upset == "gate-alarm"
    previous = glance.previous
    assert (previous.interactions, previous.wow_share, previous.busiest_hour) == (1, 1.0, 23)


def test_by_hour_in_local_time(reports):
    assert {r.key: r.interactions for r in reports.rows("hour", SATURDAY)} == {
        10: 3,
        0: 1,
        12: 1,
        18: 1,
    }


def test_by_situation_with_outcome_split(reports):
    rows = {r.key: r for r in reports.rows("situation", SATURDAY)}
    assert list(rows) == ["gate-alarm", "greeting", "bad-mood", "loyalty-card"]
    assert (rows["greeting"].ok, rows["greeting"].upset) == (1, 1)
    assert (rows["gate-alarm"].upset, rows["gate-alarm"].share("upset")) == (2, 1.0)
    assert rows["loyalty-card"].open == 1 and rows["loyalty-card"].share("wow") is None


def test_by_cashier_outcome_and_language(reports):
    assert {r.key: r.interactions for r in reports.rows("cashier", SATURDAY)} == {
        "Oleg": 4,
        "Anna": 2,
    }
    assert {r.key: r.interactions for r in reports.rows("outcome", SATURDAY)} == {
        "upset": 3,
        "ok": 1,
        "escalated": 1,
        "none": 1,
    }
    assert {r.key: r.interactions for r in reports.rows("lang", SATURDAY)} == {"ru": 5, "en": 1}


def test_days_and_weekdays_across_midnight(reports):
    week = days(date(2026, 11, 16), date(2026, 11, 22), MOSCOW)
    daily = {r.key: r.interactions for r in reports.daily(week)}
    assert len(daily) == 7 and daily["2026-11-20"] == 1 and daily["2026-11-21"] == 6
    assert daily["2026-11-22"] == 0
    grid = reports.heatmap(week)
    assert grid[4][23] == 1  # Friday 23:00
    assert grid[5][0] == 1 and grid[5][10] == 3  # Saturday 00:00 and 10:00
    assert sum(map(sum, grid)) == 7


def test_filters(reports):
    assert reports.total(SATURDAY, Filters(cashier="Anna")).interactions == 2
    assert reports.total(SATURDAY, Filters(outcome="none")).interactions == 1
    assert reports.total(SATURDAY, Filters(lang="en")).interactions == 1
    assert reports.total(SATURDAY, Filters(situations=("greeting", "bad-mood"))).interactions == 3
    assert reports.total(SATURDAY, Filters(situations=())).interactions == 0


def test_phrasings_rank_only_with_enough_uses(reports):
    week = days(date(2026, 11, 16), date(2026, 11, 22), MOSCOW)
    stats = {s.phrase: s for s in reports.phrasings("greeting", week, min_uses=2)}
    assert stats["p1"].row.interactions == 2 and stats["p1"].rankable
    assert (stats["p1"].row.wow, stats["p1"].row.upset) == (1, 1)
    assert stats["p2"].row.interactions == 1 and not stats["p2"].rankable


def test_unused_cards(reports):
    assert reports.unused(CARDS, SATURDAY) == ["farewell"]
    assert reports.unused(CARDS, SATURDAY, Filters(cashier="Anna")) == [
        "bad-mood",
        "farewell",
        "gate-alarm",
    ]


def test_named_periods(data_dir):
    journal = Journal.in_dir(data_dir)
    fill(journal)
    now = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)  # Saturday 13:00 in the shop
    today = make_period("today", MOSCOW, now)
    assert (today.start_text, today.end_text) == (SATURDAY.start_text, SATURDAY.end_text)
    yesterday = make_period("yesterday", MOSCOW, now)
    assert yesterday.start_text == "2026-11-19T21:00:00.000Z"
    week = make_period("week", MOSCOW, now)
    assert week.start_text == "2026-11-14T21:00:00.000Z" and week.end_text == SATURDAY.end_text
    assert make_period("month", MOSCOW, now).start_text == "2026-10-22T21:00:00.000Z"
    shift = make_period("shift", MOSCOW, now, conn=journal.db.conn)
    assert shift.start_text == "2026-11-21T06:55:00.000Z"
    assert shift.previous().end == shift.start


def test_daylight_saving_in_berlin(data_dir):
    journal = Journal.in_dir(data_dir)
    fill(
        journal,
        [
            ("b1", "greeting", "Anna", "ru", "2026-03-29T00:30:00.000Z", "ok", "p"),  # 01:30 CET
            ("b2", "greeting", "Anna", "ru", "2026-03-29T01:30:00.000Z", "ok", "p"),  # 03:30 CEST
            ("b3", "greeting", "Anna", "ru", "2026-03-29T21:30:00.000Z", "ok", "p"),  # 23:30 CEST
        ],
    )
    reports = Reports(journal.db.conn, BERLIN)
    sunday = days(date(2026, 3, 29), date(2026, 3, 29), BERLIN)
    assert sunday.length == timedelta(hours=23)
    assert {r.key: r.interactions for r in reports.rows("hour", sunday)} == {1: 1, 3: 1, 23: 1}
    assert [r.key for r in reports.rows("day", sunday)] == ["2026-03-29"]


def test_a_half_hour_time_zone(data_dir):
    kolkata = ZoneInfo("Asia/Kolkata")  # UTC+5:30: UTC hours do not map onto local hours
    journal = Journal.in_dir(data_dir)
    fill(
        journal,
        [
            ("k1", "greeting", "Anna", "ru", "2026-11-21T04:15:00.000Z", "ok", "p"),  # 09:45
            ("k2", "greeting", "Anna", "ru", "2026-11-21T04:45:00.000Z", "wow", "p"),  # 10:15
            (
                "k3",
                "greeting",
                "Anna",
                "ru",
                "2026-11-21T18:40:00.000Z",
                "ok",
                "p",
            ),  # 00:10 on the 22nd
        ],
    )
    reports = Reports(journal.db.conn, kolkata)
    week = days(date(2026, 11, 16), date(2026, 11, 22), kolkata)
    assert {r.key: r.interactions for r in reports.rows("hour", week)} == {9: 1, 10: 1, 0: 1}
    assert {r.key: r.interactions for r in reports.rows("day", week)} == {
        "2026-11-21": 2,
        "2026-11-22": 1,
    }
