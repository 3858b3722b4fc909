"""Demo data: deterministic, well-formed, realistic, and never mixed into a real journal."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import uuid
from collections import Counter, defaultdict
from datetime import UTC, date, datetime
from pathlib import Path
from statistics import mean
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from pos_coach import paths
from pos_coach.cards import load_pack
from pos_coach.cli import cli
from pos_coach.clock import parse_utc
from pos_coach.demo import (
    DEMO_APP_NAME,
    ROW_COLUMNS,
    DemoRefused,
    cashiers,
    demo_data_dir,
    generate,
    seeded_uuid,
)
from pos_coach.journal import COLUMNS, KINDS, OUTCOMES, SOURCES, Event, Journal
from tests.conftest import SHIPPED_PACK

MOSCOW = ZoneInfo("Europe/Moscow")
END = datetime(2026, 3, 15, 23, 30, tzinfo=MOSCOW)  # a Sunday: 2-15 March, two whole weeks
SITUATIONS = {card.id: card.say for card in load_pack(SHIPPED_PACK).packs["ru"].cards.values()}

Rows = list[dict[str, Any]]


def make(folder: Path, **options: Any) -> tuple[Journal, int]:
    journal = Journal.in_dir(folder)
    settings: dict[str, Any] = {"per_day": 60, "end": END, "zone": MOSCOW, **options}
    days = settings.pop("days", 14)
    return journal, generate(journal, SITUATIONS, days, **settings)


def read(journal: Journal) -> Rows:
    return list(journal.db["events"].rows_where(order_by="rowid"))


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> Rows:
    journal, written = make(tmp_path_factory.mktemp("demo"))
    found = read(journal)
    journal.close()
    assert written == len(found) > 2000
    return found


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Rows:
    """Six weeks, busier: enough interactions per cashier to tell their habits apart."""
    journal, _ = make(tmp_path_factory.mktemp("many"), days=42, per_day=150)
    found = read(journal)
    journal.close()
    return found


def local(row: dict[str, Any], zone: ZoneInfo = MOSCOW) -> datetime:
    return parse_utc(row["at"]).astimezone(zone)


def interactions(rows: Rows) -> dict[str, Rows]:
    grouped: dict[str, Rows] = defaultdict(list)
    for row in rows:
        if row["interaction"] is not None:
            grouped[row["interaction"]].append(row)
    return grouped


def share(rows: Rows, cashier: str, kind: str, test: Any) -> float:
    picked = [r for r in rows if r["cashier"] == cashier and r["kind"] == kind]
    return sum(1 for r in picked if test(r)) / len(picked)


# -- determinism and form ---------------------------------------------------------------------
def test_the_same_seed_gives_the_same_rows(rows, tmp_path):
    journal, _ = make(tmp_path / "again")
    assert read(journal) == rows
    other, _ = make(tmp_path / "other", seed=2)
    assert read(other) != rows


def test_every_row_is_marked_demo(rows):
    assert {row["detail"] for row in rows} == {'{"demo": true}'}


def test_every_row_is_a_valid_event(rows):
    for row in rows:
        event = Event.from_row(row)
        assert event.detail == {"demo": True}
        assert event.kind in KINDS
        assert event.source is None or event.source in SOURCES
        assert event.outcome is None or event.outcome in OUTCOMES
        assert event.store == "Demo" and event.register == "1" and event.lang == "ru"
        assert event.cashier in {c.name for c in cashiers("ru")}
        assert parse_utc(event.at)
    ids = [row["id"] for row in rows]
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 7 for i in ids)
    # time-ordered: an event's id carries its own millisecond
    for row in rows:
        stamp = uuid.UUID(row["id"]).int >> 80
        assert datetime.fromtimestamp(stamp / 1000, UTC) == parse_utc(row["at"])


def test_seeded_uuid_is_a_version_7_uuid_of_its_moment_from_the_generator():
    one, two = random.Random(7), random.Random(7)
    for ms in range(1_700_000_000_000, 1_700_000_001_000):
        made = uuid.UUID(seeded_uuid(one, ms))
        assert made.version == 7 and made.variant == uuid.RFC_4122
        assert made.int >> 80 == ms
        assert seeded_uuid(two, ms) == str(made)


def test_rows_follow_the_journal_columns():
    assert tuple(COLUMNS) == ROW_COLUMNS


def test_every_interaction_is_whole(rows):
    ends = Counter()
    for events in interactions(rows).values():
        kinds = Counter(e["kind"] for e in events)
        assert kinds["shown"] == 1 and events[0]["kind"] == "shown"
        assert kinds["outcome"] + kinds["dismissed"] == 1
        assert kinds["said"] <= 2
        assert [e["at"] for e in events] == sorted(e["at"] for e in events)
        assert (parse_utc(events[-1]["at"]) - parse_utc(events[0]["at"])).total_seconds() < 200
        for field in ("cashier", "situation", "card_rev", "source", "lang"):
            assert len({e[field] for e in events}) == 1
        card = events[0]["situation"]
        assert all(e["phrase"] in SITUATIONS[card] for e in events)
        assert all((e["outcome"] is None) == (e["kind"] != "outcome") for e in events)
        ends.update(kinds)
    assert 0.8 < ends["outcome"] / (ends["outcome"] + ends["dismissed"]) < 0.9


def test_the_interactions_table_follows_and_indexes_are_back(rows, tmp_path):
    journal, _ = make(tmp_path / "again")
    conn = journal.db.conn
    shown = sum(1 for r in rows if r["kind"] == "shown")
    assert conn.execute("SELECT count(*) FROM interactions").fetchone()[0] == shown
    fresh = Journal(tmp_path / "fresh.db").db.conn
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    assert conn.execute(schema).fetchall() == fresh.execute(schema).fetchall()


# -- realistic shape --------------------------------------------------------------------------
def test_cards_are_shown_during_opening_hours_only(rows):
    hours = {local(r).hour for r in rows if r["kind"] == "shown"}
    assert min(hours) == 8 and max(hours) == 21


def test_lunch_and_evening_are_busier(rows):
    per_hour = Counter(local(r).hour for r in rows if r["kind"] == "shown")
    busy = mean(per_hour[h] for h in (12, 13, 17, 18, 19))
    quiet = mean(per_hour[h] for h in (8, 9, 10, 15, 21))
    assert busy > 1.5 * quiet


def test_weekends_are_busier(rows):
    per_day = Counter(local(r).date() for r in rows if r["kind"] == "shown")
    assert len(per_day) == 14
    weekend = mean(n for d, n in per_day.items() if d.weekday() >= 5)
    weekday = mean(n for d, n in per_day.items() if d.weekday() < 5)
    assert 1.2 < weekend / weekday < 1.6


def test_two_shifts_a_day_and_every_card_within_its_shift(rows):
    shifts: dict[tuple[date, str], dict[str, str]] = defaultdict(dict)
    for row in rows:
        if row["kind"] in ("shift_start", "shift_end"):
            shifts[(local(row).date(), row["cashier"])][row["kind"]] = row["at"]
    assert len(shifts) == 28
    for day in {d for d, _ in shifts}:
        assert sum(1 for d, _ in shifts if d == day) == 2
    for marks in shifts.values():
        start, end = local({"at": marks["shift_start"]}), local({"at": marks["shift_end"]})
        assert (start.hour, end.hour) in ((8, 14), (15, 21))
    for row in rows:
        if row["interaction"]:
            marks = shifts[(local(row).date(), row["cashier"])]
            assert marks["shift_start"] < row["at"] < marks["shift_end"]


def test_everyday_situations_are_frequent_and_security_rare(rows):
    shown = Counter(r["situation"] for r in rows if r["kind"] == "shown")
    for common in ("greeting", "farewell", "loyalty-card"):
        for rare in ("gate-alarm", "bad-mood", "counterfeit-note", "asks-manager"):
            assert shown[common] > 4 * shown[rare]


def test_some_situations_upset_more_and_some_delight_more(many):
    ended = [r for r in many if r["kind"] == "outcome"]

    def rate(situations: tuple[str, ...], outcome: str) -> float:
        picked = [r for r in ended if r["situation"] in situations]
        return sum(1 for r in picked if r["outcome"] == outcome) / len(picked)

    touchy = ("card-declined", "bad-mood", "price-mismatch", "long-queue")
    pleasant = ("greeting", "farewell", "compliment", "regular-customer")
    assert rate(touchy, "upset") > 3 * rate(pleasant, "upset")
    assert rate(pleasant, "wow") > 2 * rate(touchy, "wow")


def test_each_cashier_has_their_habits(many):
    star, escalator, silent, habitual, _ = cashiers("ru")
    others = {c.name for c in cashiers("ru")}

    def top(measure: Any) -> str:
        return max(others, key=measure)

    def wow(name: str) -> float:
        return share(many, name, "outcome", lambda r: r["outcome"] == "wow")

    def escalated(name: str) -> float:
        return share(many, name, "outcome", lambda r: r["outcome"] == "escalated")

    def says(name: str) -> float:
        said = {r["interaction"] for r in many if r["kind"] == "said" and r["cashier"] == name}
        return share(many, name, "shown", lambda r: r["interaction"] in said)

    def first(name: str) -> float:
        return share(many, name, "shown", lambda r: r["phrase"] == SITUATIONS[r["situation"]][0])

    assert top(wow) == star.name and wow(star.name) > 1.5 * wow(escalator.name)
    assert top(escalated) == escalator.name
    assert min(others, key=says) == silent.name and says(silent.name) < 0.3
    assert top(first) == habitual.name and first(habitual.name) > 0.7


def test_names_follow_the_language(tmp_path):
    journal, _ = make(tmp_path, days=2, lang="en")
    names = {r["cashier"] for r in read(journal)}
    assert names <= {c.name for c in cashiers("en")} and all(n.isascii() for n in names)


def test_local_hours_hold_across_a_change_of_clocks(tmp_path):
    berlin = ZoneInfo("Europe/Berlin")  # summer time from 29 March 2026
    journal, _ = make(tmp_path, days=4, zone=berlin, end=datetime(2026, 3, 30, 23, tzinfo=berlin))
    found = read(journal)
    starts = [local(r, berlin) for r in found if r["kind"] == "shift_start"]
    assert {(s.hour, s.minute <= 2) for s in starts} == {(8, True), (15, True)}
    assert {local(r, berlin).hour for r in found if r["kind"] == "shown"} <= set(range(8, 22))
    offsets = {parse_utc(r["at"]).astimezone(berlin).utcoffset() for r in found}
    assert len(offsets) == 2


def test_nothing_later_than_the_end(tmp_path):
    noon = datetime(2026, 3, 15, 12, 0, tzinfo=MOSCOW)
    journal, _ = make(tmp_path, days=2, end=noon)
    found = read(journal)
    assert max(r["at"] for r in found) <= "2026-03-15T09:00:00.000Z"
    today = [r["kind"] for r in found if local(r).date() == noon.date()]
    assert today.count("shift_start") == 1 and "shift_end" not in today


# -- never mixed with real data ---------------------------------------------------------------
@pytest.mark.parametrize("detail", [None, '{"demo": false}', '{"note": 1}', "not json", "[]"])
def test_a_journal_with_real_events_is_refused(data_dir, detail):
    journal = Journal.in_dir(data_dir)
    journal.db.conn.execute(
        "INSERT INTO events (id, at, kind, detail) VALUES ('x', '2026-03-01T10:00:00.000Z', "
        "'note', ?)",
        [detail],
    )
    with pytest.raises(DemoRefused, match=str(journal.path)):
        generate(journal, SITUATIONS, 2, end=END, zone=MOSCOW)
    assert journal.count() == 1
    assert not journal.db.conn.in_transaction


def test_generating_again_replaces_the_demo_data(data_dir):
    _, first = make(data_dir, days=3)
    journal, second = make(data_dir, days=2, seed=5)
    assert journal.count() == second < first
    shown = journal.db.conn.execute("SELECT count(*) FROM events WHERE kind = 'shown'")
    interactions_rows = journal.db.conn.execute("SELECT count(*) FROM interactions")
    assert shown.fetchone() == interactions_rows.fetchone()


def test_demo_data_lives_apart_from_the_journal():
    assert demo_data_dir().name == DEMO_APP_NAME
    assert demo_data_dir() != paths.data_dir()
    assert paths.data_dir() not in demo_data_dir().parents


# -- the command ------------------------------------------------------------------------------
def test_cli_demo_writes_a_journal(data_dir):
    result = CliRunner().invoke(
        cli, ["demo", "--days", "3", "--data-dir", str(data_dir), "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    count = sqlite3.connect(data_dir / "journal.db").execute("SELECT count(*) FROM events")
    written = count.fetchone()[0]
    assert written > 0
    assert result.output == (
        f"wrote {written:,} demo events for 3 days into {data_dir / 'journal.db'}\n"
    )


def test_cli_demo_defaults_to_its_own_folder():
    result = CliRunner().invoke(cli, ["demo", "--days", "1", "--lang", "ru"])
    assert result.exit_code == 0, result.output
    assert (demo_data_dir() / "journal.db").is_file()
    assert not (paths.data_dir() / "journal.db").exists()


def test_cli_demo_refuses_a_real_journal(data_dir):
    journal = Journal.in_dir(data_dir)
    journal.append(Event(kind="note", cashier="Anna"))
    journal.close()
    result = CliRunner().invoke(cli, ["demo", "--days", "2", "--data-dir", str(data_dir)])
    assert result.exit_code == 1
    assert "not demo data" in result.stderr and str(data_dir) in result.stderr
    assert Journal.in_dir(data_dir).count() == 1


def test_demo_does_not_import_qt(data_dir):
    code = (
        "import sys; from click.testing import CliRunner; import pos_coach.demo; "
        "from pos_coach.cli import cli; "
        f"r = CliRunner().invoke(cli, ['demo', '--days', '2', '--data-dir', {str(data_dir)!r}]); "
        "assert r.exit_code == 0, r.output; print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_demo_in_another_language_leaves_no_phrasing_of_the_first(data_dir):
    """Demo data replaced in another language: before, the rotation's memory (``phrase_uses``)
    kept every Russian phrasing of the first run beside the English events."""
    for lang in ("ru", "en"):
        args = ["demo", "--days", "2", "--lang", lang, "--data-dir", str(data_dir)]
        assert CliRunner().invoke(cli, args).exit_code == 0
    journal = Journal.in_dir(data_dir)
    kept = {(c, s, p) for c, s, p, _ in journal.phrase_uses()}
    english = set(load_pack(SHIPPED_PACK).packs["en"].cards["greeting"].say)
    rebuilt = {
        (r[0], r[1], r[2])
        for r in journal.conn.execute(
            "SELECT DISTINCT cashier, situation, phrase FROM events WHERE kind IN ('shown', "
            "'said') AND phrase IS NOT NULL AND cashier IS NOT NULL"
        )
    }
    assert kept == rebuilt  # exactly what the events say, nothing of the first run
    assert {p for _, s, p in kept if s == "greeting"} <= english
