"""The journal: schema, durability settings, migrations, append-only events."""

from __future__ import annotations

import os
import sqlite3

import pytest

from pos_coach.journal import COLUMNS, SCHEMA_VERSION, Event, Journal, JournalError


def interaction_rows(conn: sqlite3.Connection) -> list[dict[str, object]]:
    """The ``interactions`` table with each phrasing as its text, by interaction id."""
    cursor = conn.execute(
        "SELECT i.*, p.text AS phrase FROM interactions i LEFT JOIN phrases p ON p.id = i.phrase "
        "ORDER BY i.interaction"
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def test_schema_is_the_documented_one(data_dir):
    journal = Journal.in_dir(data_dir)
    path = data_dir / "journal.db"
    assert path.exists()
    conn = sqlite3.connect(path)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(events)")]
    assert columns == list(COLUMNS)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    indexes = {row[1] for row in conn.execute("PRAGMA index_list(events)")}
    assert "events_at" in indexes  # the journal read by time (export, the review's events)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    assert {"interactions", "phrases", "tally_quarter", "tally_day", "tally_month"} <= tables
    assert journal.db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    journal.close()


def test_append_is_committed_before_it_returns(data_dir):
    journal = Journal.in_dir(data_dir)
    event = Event(
        "shown",
        cashier="Анна",
        situation="gate-alarm",
        source="hotkey",
        phrase="Простите",
        detail={"note": "ёж"},
    )
    journal.append(event)
    # a second, independent connection sees it at once: it is on disk, not in a transaction
    other = sqlite3.connect(data_dir / "journal.db")
    row = other.execute(
        "SELECT id, kind, cashier, situation, source, detail FROM events"
    ).fetchone()
    assert row == (event.id, "shown", "Анна", "gate-alarm", "hotkey", '{"note": "ёж"}')
    assert list(journal.events()) == [event]


def test_timestamps_are_utc_with_milliseconds():
    event = Event("note")
    assert event.at.endswith("Z") and len(event.at) == len("2026-11-23T10:15:02.123Z")


def test_bad_values_are_refused():
    with pytest.raises(ValueError):
        Event("exploded")
    with pytest.raises(ValueError):
        Event("outcome", outcome="meh")
    with pytest.raises(ValueError):
        Event("shown", source="carrier-pigeon")


def test_reopening_keeps_events_and_does_not_migrate_twice(data_dir):
    journal = Journal.in_dir(data_dir)
    journal.append(Event("shift_start", cashier="Oleg"))
    journal.close()
    again = Journal.in_dir(data_dir)
    assert again.count() == 1
    assert again.version == SCHEMA_VERSION


def test_newer_schema_is_refused_with_the_file_named(data_dir):
    path = data_dir / "journal.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(JournalError, match=r"journal\.db.*newer"):
        Journal(path)


def test_not_a_database_is_refused_with_the_file_named(data_dir):
    path = data_dir / "journal.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(JournalError, match=r"journal\.db"):
        Journal(path)


def test_phrase_uses_keeps_the_latest_use(data_dir):
    journal = Journal.in_dir(data_dir)
    journal.append(
        Event("shown", cashier="A", situation="s", phrase="p1", at="2026-01-01T10:00:00.000Z")
    )
    journal.append(
        Event("said", cashier="A", situation="s", phrase="p1", at="2026-01-01T11:00:00.000Z")
    )
    journal.append(
        Event(
            "outcome",
            cashier="A",
            situation="s",
            phrase="p2",
            outcome="ok",
            at="2026-01-01T12:00:00.000Z",
        )
    )
    assert journal.phrase_uses() == [("A", "s", "p1", 2)]  # the "said": the second event
    journal.append(  # the till's clock was set back: still the latest use, by the journal's order
        Event("shown", cashier="A", situation="s", phrase="p1", at="2026-01-01T09:00:00.000Z")
    )
    assert journal.phrase_uses() == [("A", "s", "p1", 4)]
    reopened = Journal.in_dir(data_dir)
    assert reopened.phrase_uses() == [("A", "s", "p1", 4)]
    at = reopened.conn.execute("SELECT at FROM phrase_uses").fetchone()[0]
    assert at == "2026-01-01T09:00:00.000Z"  # when it was, as the till's clock had it


def test_interactions_summarise_each_card_shown(data_dir):
    journal = Journal.in_dir(data_dir)
    for kind, extra in [
        ("shown", {"phrase": "a"}),
        ("said", {"phrase": "b"}),
        ("outcome", {"outcome": "wow", "phrase": "b"}),
    ]:
        journal.append(Event(kind, interaction="x", situation="greeting", cashier="A", **extra))
    journal.append(Event("shown", interaction="y", situation="gate-alarm", cashier="A", phrase="g"))
    journal.append(Event("dismissed", interaction="y", situation="gate-alarm", phrase="g"))
    rows = {r["interaction"]: r for r in interaction_rows(journal.conn)}
    assert (
        rows["x"]["situation"],
        rows["x"]["said"],
        rows["x"]["outcome"],
        rows["x"]["phrase"],
    ) == ("greeting", 1, "wow", "b")
    assert (rows["y"]["dismissed"], rows["y"]["outcome"], rows["y"]["phrase"]) == (1, None, "g")


def test_migrating_an_old_journal_builds_the_interactions(data_dir):
    from pos_coach.journal import schema as journal_module

    events = [
        Event(
            "shown",
            interaction="x",
            situation="s",
            cashier="A",
            phrase="a",
            at="2026-01-01T10:00:00.000Z",
        ),
        Event(
            "said",
            interaction="x",
            situation="s",
            cashier="A",
            phrase="b",
            at="2026-01-01T10:00:05.000Z",
        ),
        Event(
            "outcome",
            interaction="x",
            situation="s",
            outcome="ok",
            phrase="b",
            at="2026-01-01T10:00:09.000Z",
        ),
        Event(
            "shown",
            interaction="y",
            situation="t",
            cashier="B",
            phrase="c",
            at="2026-01-01T11:00:00.000Z",
        ),
        Event(
            "dismissed", interaction="y", situation="t", phrase="c", at="2026-01-01T11:00:03.000Z"
        ),
    ]
    # what the triggers build, event by event
    fresh = Journal(data_dir / "fresh.db")
    for event in events:
        fresh.append(event)
    # an old journal (schema 1, no interactions table), then opened by this version
    old_path = data_dir / "old.db"
    conn = sqlite3.connect(old_path)

    journal_module.MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    for event in events:
        row = event.row()
        conn.execute(journal_module.INSERT, [row[c] for c in COLUMNS])
    conn.commit()
    conn.close()
    migrated = Journal(old_path)
    assert migrated.version == SCHEMA_VERSION
    assert interaction_rows(migrated.conn) == interaction_rows(fresh.conn)
    for table in ("tally_quarter", "tally_day", "tally_month"):  # the report counts too
        rows = f"SELECT * FROM {table} WHERE n != 0 ORDER BY 1, 2, 3, 4"
        assert migrated.conn.execute(rows).fetchall() == fresh.conn.execute(rows).fetchall()
    assert migrated.count() == len(events)
    assert sorted(migrated.phrase_uses()) == sorted(fresh.phrase_uses())
    assert ("A", "s", "b", 2) in migrated.phrase_uses()  # the second event written


@pytest.mark.parametrize("damage", ["not a database", "truncated", "newer schema"])
def test_a_damaged_journal_is_kept_aside_and_a_fresh_one_started(data_dir, damage):
    from pos_coach.journal import open_or_start_fresh

    path = data_dir / "journal.db"
    if damage == "not a database":
        path.write_bytes(b"this is not sqlite" * 200)
    else:
        journal = Journal(path)
        for n in range(300):
            journal.append(Event("note", cashier=f"c{n}", detail={"n": n, "pad": "x" * 200}))
        journal.close()
        if damage == "truncated":
            raw = path.read_bytes()
            path.write_bytes(raw[: len(raw) // 3])
        else:
            conn = sqlite3.connect(path)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
            conn.close()
    original = path.read_bytes()
    journal, damaged = open_or_start_fresh(data_dir)
    assert damaged is not None
    kept_name, reason = damaged.kept, damaged.reason
    assert kept_name.startswith("journal.damaged-") and reason
    assert (data_dir / kept_name).read_bytes() == original  # nothing deleted, byte for byte
    assert journal.count() == 0 and journal.version == SCHEMA_VERSION
    journal.append(Event("note"))
    assert journal.count() == 1


def test_a_healthy_journal_is_just_opened(data_dir):
    from pos_coach.journal import open_or_start_fresh

    Journal.in_dir(data_dir).append(Event("note"))
    journal, damaged = open_or_start_fresh(data_dir)
    assert damaged is None and journal.count() == 1
    assert not list(data_dir.glob("journal.damaged-*"))


def test_a_journal_cut_short_is_noticed_before_a_report_reads_it(data_dir):
    from pos_coach.journal import open_or_start_fresh

    journal = Journal.in_dir(data_dir)
    for n in range(400):
        journal.append(Event("note", cashier=f"c{n}", detail={"pad": "x" * 300}))
    journal.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.close()
    path = data_dir / "journal.db"
    raw = path.read_bytes()
    path.write_bytes(raw[:-4096])  # only the last page is missing
    journal, damaged = open_or_start_fresh(data_dir)
    assert damaged is not None and "cut short" in damaged.reason
    assert (data_dir / damaged.kept).read_bytes() == raw[:-4096]


def test_a_busy_journal_with_pages_still_in_its_log_is_healthy(data_dir):
    from pos_coach.journal import open_or_start_fresh

    writer = Journal.in_dir(data_dir)  # stays open: new pages live in the -wal file for now
    for n in range(400):
        writer.append(Event("note", cashier=f"c{n}", detail={"pad": "x" * 300}))
    journal, damaged = open_or_start_fresh(data_dir)
    assert damaged is None and journal.count() == 400


def _garble_page(path, page):
    import os

    with open(path, "r+b") as file:
        file.seek((page - 1) * 4096)
        file.write(os.urandom(4096))


def _events_leaf_in_the_middle(path) -> int:
    """A leaf page of the events table somewhere in the middle of its rows."""
    conn = sqlite3.connect(path)
    try:
        pages = [
            row[0]
            for row in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf' "
                "ORDER BY path"
            )
        ]
    finally:
        conn.close()
    return pages[len(pages) // 2]


def test_the_readable_events_of_a_damaged_journal_are_copied_in_their_places(data_dir):
    from pos_coach.journal import Appender
    from pos_coach.journal.damage import recoveries, replace_damaged

    journal = Journal.in_dir(data_dir)
    journal.append_many([Event("note", cashier="Old", detail={"n": n}) for n in range(5000)])
    journal.checkpoint("TRUNCATE")
    journal.close()
    path = data_dir / "journal.db"
    _garble_page(path, _events_leaf_in_the_middle(path))  # a few dozen events unreadable
    damaged = path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):  # reading every event finds the damage
        list(Journal.in_dir(data_dir).events())
    fresh, damage = replace_damaged(path, "database disk image is malformed")
    writer = Appender(fresh)
    writer.append(Event("note", cashier="New"))  # comes while copying: placed after them all
    assert writer.settle(30)
    assert (data_dir / damage.kept).read_bytes() == damaged  # untouched
    [done] = recoveries(fresh)
    assert done.done and done.lost >= 1
    rows = list(fresh.events())
    old = [e.detail["n"] for e in rows if e.cashier == "Old"]
    assert 4800 < len(old) < 5000  # all but the garbled page's
    assert old == sorted(old)  # in their own order
    assert rows[-1].cashier == "New"
    writer.close()


def test_an_event_no_journal_can_take_never_holds_up_the_others(data_dir, monkeypatch):
    """Defence in depth: should an event ever fail for a reason that is neither the disk nor
    damage, it is kept in a file beside the journal and the events after it are written."""
    from pos_coach.journal import Appender
    from pos_coach.journal import store as store_module

    journal = Journal.in_dir(data_dir)
    real = store_module.Journal.append_many

    def picky(self, events, at=None):
        if any(e.cashier == "bad" for e in events):
            raise ValueError("cannot bind this value")
        return real(self, events, at)

    monkeypatch.setattr(store_module.Journal, "append_many", picky)
    writer = Appender(journal)
    numbers = [writer.append(Event("note", cashier=name)) for name in ("a", "bad", "b", "c")]
    assert writer.flush()
    assert [writer.state(n) for n in numbers] == ["committed", "rejected", "committed", "committed"]
    assert [e.cashier for e in journal.events()] == ["a", "b", "c"]
    [kept] = data_dir.glob("journal.rejected-*.jsonl")
    assert '"cashier": "bad"' in kept.read_text("utf-8")
    writer.close()


def test_text_utf8_cannot_hold_is_made_storable_not_refused():
    event = Event("note", cashier="A\ud800", detail={"from": "gate\udfff"})
    assert event.cashier == "A\ufffd"
    assert event.values()[-1] == '{"from": "gate\ufffd"}'
    assert Event("note", cashier="Анна 😀").cashier == "Анна 😀"  # whole pairs are kept


def test_a_backup_never_follows_a_planted_link_nor_adopts_a_planted_file(data_dir, tmp_path):
    """Another user, in a shared folder, plants files and links under the names a backup
    might use. Before, the copy was made under a predictable name: a planted file became the
    backup (readable and writable by them), a planted link made it overwrite the link's target.
    """
    from pos_coach.journal.backup import backup

    journal = Journal.in_dir(data_dir)
    journal.append(Event("note", cashier="Anna"))
    journal.close()
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    victim = tmp_path / "victim.db"
    victim.write_bytes(b"precious")
    (shared / "taken.db").symlink_to(victim)
    for pid in range(os.getpid() - 50, os.getpid() + 50):  # the old predictable names
        (shared / f".friday.db.part-{pid}").symlink_to(victim)
    with pytest.raises(JournalError, match="already exists"):
        backup(data_dir, shared / "taken.db")
    copy = backup(data_dir, shared / "friday.db")
    assert victim.read_bytes() == b"precious"  # nothing written through any link
    assert copy.events == 1 and not (shared / "friday.db").is_symlink()
    assert (shared / "friday.db").stat().st_mode & 0o777 == 0o600
    assert not list(shared.glob(".pos-coach-backup-*"))  # nothing left behind


def test_backups_into_one_folder_in_the_same_second_each_get_a_name(data_dir, tmp_path):
    """Two tills backed up onto one stick within a second: the second is kept beside the
    first, never refused (before: "already exists") and never over it."""
    from unittest import mock

    from pos_coach.journal import backup as backup_module

    journal = Journal.in_dir(data_dir)
    journal.append(Event("note", cashier="Anna"))
    journal.close()
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "journal-20261204-180000-1.db").write_bytes(b"someone's file")  # left alone
    moment = backup_module.datetime(2026, 12, 4, 18, 0, 0)
    with mock.patch.object(backup_module, "datetime", wraps=backup_module.datetime) as clock:
        clock.now.return_value = moment
        copies = [backup_module.backup(data_dir, stick) for _ in range(3)]
    names = [c.path.name for c in copies]
    assert names == [
        "journal-20261204-180000.db",
        "journal-20261204-180000-2.db",
        "journal-20261204-180000-3.db",
    ]
    assert (stick / "journal-20261204-180000-1.db").read_bytes() == b"someone's file"
    assert all(c.events == 1 for c in copies)


def test_backups_started_at_once_into_one_folder_each_get_a_name(data_dir, tmp_path):
    """Four `pos-coach backup` processes into one folder at the same moment (a script backing
    up every till): four copies, none refused (before: "Not a directory" for all but one)."""
    import subprocess
    import sys

    journal = Journal.in_dir(data_dir)
    # big enough that the copies take a while: each looks for a free name before any has one
    journal.append_many([Event("note", cashier="Anna") for _ in range(60_000)])
    journal.close()
    stick = tmp_path / "stick"
    stick.mkdir()
    argv = [sys.executable, "-m", "pos_coach", "backup", str(stick), "--data-dir", str(data_dir)]
    runs = [subprocess.Popen(argv, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    errors = [run.communicate(timeout=60)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], errors
    copies = sorted(stick.glob("journal-*.db"))
    assert len(copies) == 4
    for copy in copies:
        conn = sqlite3.connect(copy)
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 60_000
        conn.close()


def test_a_new_journal_and_its_folder_are_this_users_only(tmp_path):
    data = tmp_path / "new-data"
    journal = Journal.in_dir(data)
    journal.append(Event("note", cashier="Anna"))
    assert data.stat().st_mode & 0o777 == 0o700
    for name in ("journal.db", "journal.db-wal", "journal.db-shm"):
        assert (data / name).stat().st_mode & 0o777 == 0o600, name
    journal.close()


def test_a_journal_reached_through_a_symbolic_link_is_not_taken_for_a_lost_log(tmp_path):
    """SQLite keeps the log beside the file the link points to; before, the writer looked
    beside the link, found no log after every commit and copied it in each time."""
    from pos_coach.journal import Appender

    elsewhere = tmp_path / "disk"
    elsewhere.mkdir()
    Journal(elsewhere / "journal.db").close()
    data = tmp_path / "data"
    data.mkdir()
    (data / "journal.db").symlink_to(elsewhere / "journal.db")
    writer = Appender(Journal.in_dir(data))
    for n in range(5):
        writer.append(Event("note", detail={"n": n}))
    assert writer.flush()
    assert writer.generation == 0 and not writer.replaced
    assert not list(elsewhere.glob("journal.stale-*")) and not list(data.glob("journal.stale-*"))
    writer.close()


@pytest.mark.parametrize("page", ["the file header", "the schema", "the events table's root"])
def test_events_sql_cannot_reach_are_read_from_their_pages(data_dir, page):
    """A garbled first page (the file header and the schema) or root of the events table
    leaves every event out of SQL's reach, though their own pages are whole. Before, not one
    was copied into the fresh journal; now the damaged file's pages are read as bytes."""
    from pos_coach.journal import Appender
    from pos_coach.journal.damage import recoveries, replace_damaged

    journal = Journal.in_dir(data_dir)
    journal.append_many([Event("note", cashier="Old", detail={"n": n}) for n in range(4000)])
    journal.checkpoint("TRUNCATE")
    root = journal.conn.execute(
        "SELECT rootpage FROM sqlite_schema WHERE name = 'events'"
    ).fetchone()[0]
    journal.close()
    path = data_dir / "journal.db"
    with open(path, "r+b") as file:
        if page == "the file header":
            file.write(os.urandom(16))
        elif page == "the schema":
            file.seek(100)
            file.write(os.urandom(4096 - 100))
        else:
            file.seek((root - 1) * 4096)
            file.write(os.urandom(4096))
    fresh, _ = replace_damaged(path, "database disk image is malformed")
    writer = Appender(fresh)
    assert writer.settle(60)
    old = sorted(e.detail["n"] for e in fresh.events() if e.cashier == "Old")
    assert old == list(range(4000))
    assert recoveries(fresh)[0].done
    writer.close()


def test_two_reports_of_the_same_damage_set_aside_one_file(data_dir, monkeypatch):
    """Two readers meet the same garbled page: the second report's check still sees the damaged
    file while the writer is putting it aside. The fresh journal must not be set aside too."""
    import threading
    import time

    from pos_coach.journal import Appender
    from pos_coach.journal import writer as writer_module

    journal = Journal.in_dir(data_dir)
    journal.append_many([Event("note", detail={"n": n}) for n in range(3000)])
    journal.checkpoint("TRUNCATE")
    journal.close()
    path = data_dir / "journal.db"
    _garble_page(path, _events_leaf_in_the_middle(path))
    entered, gate = threading.Event(), threading.Event()
    real = writer_module.replace_damaged

    def held(*args, **kwargs):
        entered.set()
        assert gate.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(writer_module, "replace_damaged", held)
    writer = Appender(Journal.in_dir(data_dir))
    writer.report_damage("a report")
    assert entered.wait(30)  # the writer is setting the damaged file aside
    writer.report_damage("another report")  # its check reads the same damaged file
    deadline = time.monotonic() + 30
    while writer._found is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert writer._found is not None
    gate.set()
    writer.append(Event("note", cashier="after"))
    assert writer.settle(30)
    assert len(writer.replaced) == 1
    assert len(list(data_dir.glob("journal.damaged-*.db"))) == 1
    assert [e.cashier for e in Journal.in_dir(data_dir).events()][-1] == "after"
    writer.close()


def _set_last_rowid_of_page(path, page: int, rowid: int) -> None:
    """Write a small rowid into the last cell of a table leaf page, as a garbled page can hold
    (the varint keeps its length, so the page still parses)."""
    with open(path, "r+b") as file:
        file.seek((page - 1) * 4096)
        data = bytearray(file.read(4096))
        header = 100 if page == 1 else 0
        assert data[header] == 13  # a table leaf
        cells = int.from_bytes(data[header + 3 : header + 5], "big")
        at = header + 8 + 2 * (cells - 1)
        cell = int.from_bytes(data[at : at + 2], "big")
        while data[cell] & 0x80:  # the payload size varint
            cell += 1
        cell += 1
        assert data[cell] & 0x80 and not data[cell + 1] & 0x80  # a two-byte rowid
        data[cell], data[cell + 1] = 0x80 | (rowid >> 7), rowid & 0x7F
        file.seek((page - 1) * 4096)
        file.write(bytes(data))


def test_a_garbled_rowid_out_of_order_does_not_send_recovery_back(data_dir):
    """Seen from outside: a garbled page gave a rowid smaller than the ones before it, the copy
    went back to it and round again for ever, and the events after it (acknowledged ones among
    them) never reached the fresh journal."""
    from pos_coach.journal import Appender
    from pos_coach.journal.damage import recoveries, replace_damaged

    journal = Journal.in_dir(data_dir)
    journal.append_many([Event("note", detail={"n": n}) for n in range(6000)])
    journal.checkpoint("TRUNCATE")
    journal.close()
    path = data_dir / "journal.db"
    page = _events_leaf_in_the_middle(path)
    _set_last_rowid_of_page(path, page, 67)  # read last before the garbled page after it
    conn = sqlite3.connect(path)
    leaves = [
        row[0]
        for row in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf' ORDER BY path"
        )
    ]
    conn.close()
    _garble_page(path, leaves[leaves.index(page) + 1])
    fresh, _ = replace_damaged(path, "database disk image is malformed")
    writer = Appender(fresh)
    assert writer.settle(60)
    [done] = recoveries(fresh)
    assert done.done
    numbers = [e.detail["n"] for e in fresh.events()]
    assert len(numbers) > 5900 and numbers[-1] == 5999  # all but the garbled page's rows
    assert numbers == sorted(numbers)
    writer.close()


def test_steady_traffic_does_not_keep_events_only_in_the_log(data_dir, tmp_path):
    """Seen from outside: with an event every half second the log was never copied in (the
    checkpoint waited for a quiet second), so a log cut short lost 20-odd seconds of
    acknowledged events. Now the file itself holds all but about the last second."""
    import shutil
    import time

    from pos_coach.journal import Appender

    writer = Appender(Journal.in_dir(data_dir))
    for n in range(16):  # 4 s of traffic, never a quiet second
        writer.append(Event("note", detail={"n": n}))
        assert writer.flush()
        time.sleep(0.25)
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(data_dir / "journal.db", alone / "journal.db")  # the file without its log
    conn = sqlite3.connect(alone / "journal.db")
    count = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    conn.close()
    assert count >= 8  # all but the last ~1-2 s of the 4 s
    writer.close()


def test_new_ids_are_uuids_that_sort_in_the_order_they_were_made():
    import time
    import uuid

    from pos_coach.journal import new_id

    made = []
    for _ in range(20):
        made.append(new_id())
        time.sleep(0.002)  # ids of one millisecond are in random order among themselves
    assert sorted(made) == made
    assert len(set(made)) == len(made)
    for text in made:
        value = uuid.UUID(text)
        assert value.version == 7 and value.variant == uuid.RFC_4122
        assert abs((value.int >> 80) - time.time() * 1000) < 60_000


def test_every_name_of_the_journal_package_is_what_its_module_defines():
    import importlib
    import subprocess
    import sys

    import pos_coach.journal as package

    for name in package.__all__:  # the submodules are all loaded by now: none hides a name
        for module in ("damage", "events", "schema", "spill", "store", "writer"):
            importlib.import_module(f"pos_coach.journal.{module}")
        assert type(getattr(package, name)).__name__ != "module", name
    # and in a fresh process, where a submodule is loaded before the name is asked for
    probe = (
        "import pos_coach.journal.writer, pos_coach.journal.spill\n"
        "from pos_coach.journal import spill, Appender, open_or_start_fresh\n"
        "assert callable(spill) and callable(open_or_start_fresh), spill"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)
