"""Every report read from the kept counts equals a count over the raw events.

The oracle below knows nothing of the count tables: it replays the events in the journal's order
(what a card shown became: its last ``shown``, its last ``outcome``), turns each time into the
shop's local time with the zone itself and counts. Journals are random, with interactions
crowded around DST changes, in whole-, half- and quarter-hour zones (two with half-hour DST),
events arriving out of order, cards shown again, and periods that start at odd instants.
"""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pos_coach.clock import offset_changes, to_ms
from pos_coach.journal import COLUMNS, OUTCOMES, Event, Journal
from pos_coach.journal import schema as journal_schema
from pos_coach.review import Filters, Reports
from pos_coach.review.filters import NO_OUTCOME
from pos_coach.review.periods import Period, days
from pos_coach.review.reports import GROUPINGS

ZONES = (
    "Europe/Moscow",
    "Europe/Berlin",
    "America/New_York",
    "Asia/Kolkata",  # +5:30
    "Australia/Adelaide",  # +9:30, +10:30 in summer
    "Asia/Kathmandu",  # +5:45
    "Pacific/Chatham",  # +12:45, +13:45 in summer
    "Australia/Lord_Howe",  # +10:30, half an hour more in summer
)
SITUATIONS = ("greeting", "gate-alarm", "card-declined", "age-check", "return")
CASHIERS = ("Анна", "Boris", None)
EVENTS_AT = datetime(2019, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)


def _text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _changes(zone: ZoneInfo) -> list[datetime]:
    """The zone's offset changes in the years of the journal (where local time is tricky)."""
    start, end = to_ms(EVENTS_AT[0]), to_ms(EVENTS_AT[1])
    return [
        EVENTS_AT[0] + timedelta(milliseconds=ms - start)
        for ms, _ in offset_changes(zone, start, end)[1:]
    ]


def random_events(seed: int, zone: ZoneInfo) -> list[Event]:
    rng = random.Random(seed)
    changes = _changes(zone) or [datetime(2024, 6, 1, tzinfo=UTC)]
    span = (EVENTS_AT[1] - EVENTS_AT[0]).total_seconds()
    events: list[Event] = []
    for number in range(700):
        if rng.random() < 0.6:  # within two days of an offset change, to the second
            moment = rng.choice(changes) + timedelta(seconds=rng.uniform(-2 * 86400, 2 * 86400))
        else:
            moment = EVENTS_AT[0] + timedelta(seconds=rng.uniform(0, span))
        moment = moment.replace(microsecond=rng.randrange(1000) * 1000)
        interaction = f"i{number}"
        common = {
            "interaction": interaction,
            "situation": rng.choice(SITUATIONS) if rng.random() > 0.03 else None,
            "cashier": rng.choice(CASHIERS),
            "lang": rng.choice(("ru", "en", None)),
            "source": rng.choice(("touch", "hotkey", "search", "trigger", None)),
        }
        phrase = rng.choice(("p1", "p2", "p3"))
        story = [Event("shown", at=_text(moment), phrase=phrase, **common)]
        for said in range(rng.randrange(3)):
            at = _text(moment + timedelta(seconds=5 + said))
            story.append(Event("said", at=at, phrase=rng.choice(("p1", "p2")), **common))
        ending = rng.random()
        ended = _text(moment + timedelta(seconds=30))
        if ending < 0.75:
            outcome = rng.choice(OUTCOMES)
            story.append(Event("outcome", at=ended, outcome=outcome, phrase=phrase, **common))
            if rng.random() < 0.05:  # changed their mind: the last outcome counts
                story.append(Event("outcome", at=ended, outcome=rng.choice(OUTCOMES), **common))
        elif ending < 0.9:
            story.append(Event("dismissed", at=ended, **common))
        if rng.random() < 0.05:  # the same card shown again later (its time moves)
            later = moment + timedelta(hours=rng.uniform(0, 30))
            again = {**common, "cashier": rng.choice(CASHIERS)}
            story.append(Event("shown", at=_text(later), phrase=phrase, **again))
        if rng.random() < 0.1:  # written out of order (copied from a damaged journal, say)
            rng.shuffle(story)
        events.extend(story)
    events.append(Event("shift_start", at=_text(EVENTS_AT[0] + timedelta(days=3))))
    return events


def oracle(events: list[Event], zone: ZoneInfo) -> list[dict]:
    """What each card shown became, from the events alone, in the order they were written."""
    found: dict[str, dict] = {}
    for event in events:
        if event.interaction is None:
            continue
        new = event.interaction not in found
        row = found.setdefault(
            event.interaction, {"at": None, "situation": None, "outcome": None, "phrase": None}
        )
        # the phrasing: the one on screen when it ended, else the first shown (a "said" written
        # before anything else of its card names it too)
        if event.kind == "shown":
            row.update(
                at=datetime.strptime(event.at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC),
                situation=event.situation,
                cashier=event.cashier,
                lang=event.lang,
                source=event.source,
            )
            if row["phrase"] is None:
                row["phrase"] = event.phrase
        elif event.kind == "said" and new:
            row["phrase"] = event.phrase
        elif event.kind == "outcome":
            row["outcome"] = event.outcome
            if new or event.phrase is not None:
                row["phrase"] = event.phrase
    counted = [r for r in found.values() if r["at"] is not None and r["situation"] is not None]
    for row in counted:
        local = row["at"].astimezone(zone)
        row.update(
            hour=local.hour,
            day=local.date().isoformat(),
            weekday=local.weekday(),
            heat=(local.weekday(), local.hour),
        )
    return counted


def expected(rows: list[dict], by: str, period: Period, filters: Filters) -> dict:
    counts: dict = {}
    for row in rows:
        if not period.start <= row["at"] < period.end:
            continue
        if filters.cashier and row["cashier"] != filters.cashier:
            continue
        if filters.situations is not None and row["situation"] not in filters.situations:
            continue
        if filters.lang and row["lang"] != filters.lang:
            continue
        if filters.outcome == NO_OUTCOME and row["outcome"] is not None:
            continue
        if filters.outcome not in (None, NO_OUTCOME) and row["outcome"] != filters.outcome:
            continue
        key = (row["outcome"] or NO_OUTCOME) if by == "outcome" else row[by]
        counts.setdefault(key, Counter())[row["outcome"]] += 1
    return {key: (sum(c.values()), *(c[o] for o in OUTCOMES)) for key, c in counts.items() if c}


def got(rows) -> dict:
    return {r.key: (r.interactions, *(getattr(r, o) for o in OUTCOMES)) for r in rows}


def periods(rng: random.Random, zone: ZoneInfo, events: list[Event]) -> list[Period]:
    changes = _changes(zone) or [datetime(2024, 6, 1, tzinfo=UTC)]
    chosen = [
        days(date(2019, 1, 1), date(2026, 12, 31), zone),  # everything
        days(date(1970, 1, 1), date(2069, 12, 31), zone),  # a century
        days(date(1926, 1, 1), date(2025, 12, 31), zone),  # a century, with local mean time
    ]
    for _ in range(4):  # a few local days around an offset change
        middle = rng.choice(changes).astimezone(zone).date()
        chosen.append(
            days(
                middle - timedelta(days=rng.randrange(3)),
                middle + timedelta(days=rng.randrange(3)),
                zone,
            )
        )
    for _ in range(3):  # weeks to a year or so from any day: whole months and days either side
        first = EVENTS_AT[0].date() + timedelta(days=rng.randrange(700))
        chosen.append(days(first, first + timedelta(days=rng.randrange(20, 420)), zone))
    for _ in range(3):  # a shift: from an odd instant to another
        start = rng.choice(changes) - timedelta(seconds=rng.uniform(0, 86400))
        chosen.append(
            Period("shift", start, start + timedelta(seconds=rng.uniform(600, 3 * 86400)))
        )
    return chosen


FILTERS = (
    Filters(),
    Filters(cashier="Анна"),
    Filters(outcome="wow"),
    Filters(outcome=NO_OUTCOME),
    Filters(situations=("gate-alarm", "return")),
    Filters(situations=()),
    Filters(lang="en"),
    Filters(cashier="Boris", situations=("greeting",), outcome="ok"),
    Filters(lang="ru", situations=("age-check",)),
)


def _write_v4(path, events: list[Event], version: int = 4) -> None:
    """A journal as an earlier version wrote it (schema 4, or ``version``), events through its
    triggers."""
    conn = sqlite3.connect(path, isolation_level=None)
    for number, step in enumerate(journal_schema.MIGRATIONS[:version]):
        step(conn)
        conn.execute(f"PRAGMA user_version = {number + 1}")
    rows = [[event.row()[c] for c in COLUMNS] for event in events]
    conn.executemany(journal_schema.INSERT, rows)
    conn.close()


@pytest.mark.parametrize("zone_name", ZONES)
@pytest.mark.parametrize("built", ["appended", "migrated", "from schema 1"])
def test_every_report_equals_the_raw_count(tmp_path, zone_name, built):
    zone = ZoneInfo(zone_name)
    seed = ZONES.index(zone_name)
    events = random_events(seed, zone)
    if built == "appended":  # the app's path: events through the journal's own append
        journal = Journal(tmp_path / "journal.db")
        for start in range(0, len(events), 97):
            journal.append_many(events[start : start + 97])
    else:  # a journal of an earlier schema, brought forward on opening
        _write_v4(tmp_path / "journal.db", events, 1 if built == "from schema 1" else 4)
        journal = Journal(tmp_path / "journal.db")
    truth = oracle(events, zone)
    reports = Reports(journal.conn, zone)
    rng = random.Random(seed)
    for period in periods(rng, zone, events):
        for filters in FILTERS:
            for by in GROUPINGS:
                assert got(reports.rows(by, period, filters)) == expected(
                    truth, by, period, filters
                ), (by, period, filters)
            total = reports.total(period, filters)
            if filters not in FILTERS[:3]:
                continue
            whole = expected(truth, "outcome", period, filters).values()
            assert total.interactions == sum(v[0] for v in whole)
            grid = reports.heatmap(period, filters)
            heat = expected(truth, "heat", period, filters)
            assert {(w, h): n for w in range(7) for h in range(24) if (n := grid[w][h])} == {
                k: v[0] for k, v in heat.items()
            }
            daily = {
                r.key: r.interactions for r in reports.daily(period, filters) if r.interactions
            }
            assert daily == {k: v[0] for k, v in expected(truth, "day", period, filters).items()}
        for situation in SITUATIONS[:2]:
            phrasings = {p.phrase: p.row.interactions for p in reports.phrasings(situation, period)}
            want = Counter(
                r["phrase"]
                for r in truth
                if r["situation"] == situation
                and period.start <= r["at"] < period.end
                and r.get("phrase")
            )
            assert phrasings == dict(want)
    journal.close()


def test_counts_follow_a_card_whose_outcome_changes(tmp_path):
    """The counts move with the interaction: shown (no outcome), then an outcome, then another."""
    journal = Journal(tmp_path / "journal.db")
    zone = ZoneInfo("Europe/Moscow")
    period = days(date(2026, 3, 1), date(2026, 3, 1), zone)
    reports = Reports(journal.conn, zone)
    common = {"interaction": "x", "situation": "greeting", "cashier": "Анна"}
    journal.append(Event("shown", at="2026-03-01T10:00:00.000Z", **common))
    assert got(reports.rows("situation", period)) == {"greeting": (1, 0, 0, 0, 0)}
    journal.append(Event("outcome", at="2026-03-01T10:01:00.000Z", outcome="wow", **common))
    assert reports.rows("outcome", period)[0].key == "wow"
    journal.append(Event("outcome", at="2026-03-01T10:02:00.000Z", outcome="upset", **common))
    assert got(reports.rows("hour", period)) == {13: (1, 1, 0, 0, 0)}  # Moscow: UTC+3
    assert reports.total(period).interactions == 1


def test_bringing_a_journal_forward_tells_its_progress_and_gives_back_the_space(tmp_path):
    zone = ZoneInfo("Europe/Moscow")
    events = random_events(3, zone)
    _write_v4(tmp_path / "journal.db", events)
    heard: list[float] = []
    journal = Journal(tmp_path / "journal.db", progress=heard.append)
    assert heard == sorted(heard) and heard[-1] == 1.0 and len(heard) > 2
    assert journal.conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert journal.count() == len({e.id for e in events})
    journal.close()
    heard.clear()
    Journal(tmp_path / "journal.db", progress=heard.append).close()  # nothing left to do
    assert heard == []


def test_the_command_line_says_how_far_the_update_has_got(tmp_path):
    import subprocess
    import sys

    _write_v4(tmp_path / "journal.db", random_events(4, ZoneInfo("Asia/Kolkata")))
    done = subprocess.run(
        [sys.executable, "-m", "pos_coach", "report", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "updating the journal to this version: 100%" in done.stderr
    assert str(tmp_path / "journal.db") in done.stderr
    again = subprocess.run(
        [sys.executable, "-m", "pos_coach", "report", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert again.stderr == ""


def test_two_connections_bringing_one_old_journal_forward_take_each_step_once(tmp_path):
    zone = ZoneInfo("Europe/Berlin")
    events = random_events(5, zone)
    path = tmp_path / "journal.db"
    _write_v4(path, events)
    late = sqlite3.connect(path, isolation_level=None)
    version = late.execute("PRAGMA user_version").fetchone()[0]  # read before the other's update
    Journal(path).close()  # the first one brings it forward
    journal_schema.migrate(late, version)  # the second one, with what it read before
    late.close()
    journal = Journal(path)
    truth = oracle(events, zone)
    period = days(date(2000, 1, 1), date(2100, 1, 1), zone)
    assert got(Reports(journal.conn, zone).rows("situation", period)) == expected(
        truth, "situation", period, Filters()
    )
    journal.close()


def test_the_app_brings_an_old_journal_forward_on_the_writers_thread(tmp_path):
    """The app opens an old journal at once as a waiting one (events wait in memory), and the
    writer updates the file on its own thread before it writes them; then every event is there
    once and every report equals the raw count."""
    from pos_coach.journal import Event, open_or_start_fresh
    from pos_coach.journal.writer import Appender

    zone = ZoneInfo("Australia/Adelaide")
    events = random_events(6, zone)
    _write_v4(tmp_path / "journal.db", events)
    journal, damaged = open_or_start_fresh(tmp_path)
    assert damaged is None and journal.updating and journal.waiting_for
    assert journal.count() == 0  # nothing read yet: the update has not begun
    version = sqlite3.connect(tmp_path / "journal.db").execute("PRAGMA user_version")
    assert version.fetchone()[0] == 4
    writer = Appender(journal)
    assert writer.updating == 0.0
    during = Event("note", at="2026-12-04T10:00:00.000Z", detail={"text": "during the update"})
    number = writer.append(during)  # handed over before the writer has opened the file
    assert writer.flush(60) and writer.state(number) == "committed"
    assert writer.updating is None
    assert journal.retry_open()  # the window's reader now opens the real file
    assert journal.count() == len({e.id for e in events}) + 1
    truth = oracle([*events, during], zone)
    period = days(date(2000, 1, 1), date(2100, 1, 1), zone)
    reports = Reports(journal.conn, zone)
    for by in GROUPINGS:
        assert got(reports.rows(by, period)) == expected(truth, by, period, Filters()), by
    writer.close()
    journal.close()


def test_a_current_or_new_journal_opens_as_before(tmp_path):
    from pos_coach.journal import open_or_start_fresh

    journal, _ = open_or_start_fresh(tmp_path)  # a new one
    assert not journal.updating and journal.waiting_for is None
    journal.close()
    journal, _ = open_or_start_fresh(tmp_path)  # a current one
    assert not journal.updating and journal.waiting_for is None
    journal.close()
