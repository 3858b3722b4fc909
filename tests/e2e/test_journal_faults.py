"""The journal on a bad day, with the real program: nothing acknowledged is ever lost.

Each test leaves the files in a state a real fault leaves them in (a crash or a full disk in the
middle of a checkpoint, a garbled page, a deleted log), starts the real program as a process on
them, and reads the result with SQLite alone.
"""

from __future__ import annotations

import contextlib
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_coach.inlet.client import request
from tests.conftest import ROOT
from tests.e2e.journal_files import (
    PAGE,
    Logged,
    count_events,
    garble,
    header_size,
    insert,
    integrity,
    journal_with_log,
    note_rows,
    pos_coach,
    root_page,
)
from tests.e2e.running import LAUNCHER, start_app

OLD = "json_extract(detail, '$.n') IS NOT NULL"  # the events made before the program started
IDS = ["greeting", "gate-alarm", "loyalty-card", "bad-mood", "farewell", "card-declined"]


def fire(data: Path, count: int, start: int = 0) -> list[dict]:
    answers = []
    for n in range(start, start + count):
        answer = request(data, {"cmd": "trigger", "id": IDS[n % len(IDS)]}, timeout=10)
        assert answer["ok"], answer
        answers.append(answer)
    return answers


def stop(process: subprocess.Popen) -> str:
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    return err or ""


def shown(data: Path) -> set[str]:
    conn = sqlite3.connect(data / "journal.db")
    try:
        rows = conn.execute("SELECT interaction FROM events WHERE kind = 'shown'").fetchall()
    finally:
        conn.close()
    return {row[0] for row in rows}


@pytest.fixture(scope="module")
def forty_thousand(tmp_path_factory: pytest.TempPathFactory) -> Logged:
    """A journal of 40,000 events all still in its write-ahead log (made once: it takes a few
    seconds)."""
    return journal_with_log(tmp_path_factory.mktemp("made") / "data", 40_000)


def test_a_crash_in_the_middle_of_a_checkpoint_loses_nothing(tmp_path, forty_thousand):
    """A checkpoint copies the log into the file page by page; stopped half-way (a crash, a
    power cut) the file is shorter than its header says and the rest is still in the log. That
    is a state SQLite reads whole. Before, the program set such a journal aside as "cut short"
    and started an empty one: 40,000 events out of sight."""
    data = tmp_path / "data"
    full = forty_thousand.full
    forty_thousand.place(data, full[: (len(full) // 2 // PAGE) * PAGE])  # half copied
    assert (data / "journal.db").stat().st_size < header_size(data / "journal.db")
    assert count_events(data) == 40_000  # SQLite itself reads every event
    process = start_app(data, stderr=subprocess.PIPE, text=True)
    answers = fire(data, 3)
    err = stop(process)
    assert "kept as" not in err
    assert not list(data.glob("journal.damaged-*"))
    assert count_events(data, OLD) == 40_000
    assert {a["interaction"] for a in answers} <= shown(data)
    assert integrity(data / "journal.db") == "ok"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A real, small file system (tmpfs) where the test may mount one; else a folder whose
    writes the kernel limits for the app's process (RLIMIT_FSIZE), which refuses a growing
    file the same way."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)], capture_output=True
    )
    try:
        yield disk, "tmpfs" if mounted.returncode == 0 else "file-size limit"
    finally:
        if mounted.returncode == 0:
            subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path, how: str, pid: int) -> None:
    if how == "tmpfs":
        try:
            with open(disk / "filler", "wb") as filler:
                while True:
                    filler.write(b"\0" * 65536)
                    filler.flush()
        except OSError:
            pass  # the disk is full now
    else:  # no file of the app may grow any more: a full disk, for it
        size = max(p.stat().st_size for p in (disk / "data").glob("journal.db*"))
        resource.prlimit(pid, resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))


def test_a_full_disk_at_closing_time_loses_nothing(small_disk):
    """Acknowledged events are in the log; the disk fills; at closing, SQLite's checkpoint
    stops half-way. Before, the next start called the journal cut short and went on in an
    empty one: 0 of 65 acknowledged events were in the journal it then used."""
    disk, how = small_disk
    data = disk / "data"
    process = start_app(data)
    answers = fire(data, 65)
    assert all(a["logged"] for a in answers)
    fill(disk, how, process.pid)  # at once: before the shop's quiet moment copies the log in
    stop(process)
    print(f"full disk made by: {how}")
    journal = data / "journal.db"
    assert journal.stat().st_size < header_size(journal)  # the checkpoint stopped half-way
    assert (data / "journal.db-wal").exists()
    (disk / "filler").unlink(missing_ok=True)  # space freed (the limit was the process's own)
    process = start_app(data, stderr=subprocess.PIPE, text=True)
    err = stop(process)
    assert "kept as" not in err and not list(data.glob("journal.damaged-*"))
    assert {a["interaction"] for a in answers} <= shown(data)
    assert integrity(journal) == "ok"


def test_a_garbled_page_keeps_the_counter_logging(tmp_path):
    """A page in the middle of the journal garbled by the disk: every new event touches it.
    Before, the writer tried the first event again and again like a full disk, every later
    event waited behind it, and nothing was said. Now the damaged file is kept aside byte for
    byte, a fresh journal goes on at once (every trigger logged), the readable events of the
    old one are copied in, and the next start has nothing to say or import."""
    data = tmp_path / "data"
    journal_with_log(data, 20_000)  # (closing it copies the log in)
    # the id index's root: every insert goes through it; the events themselves stay readable
    garble(data / "journal.db", root_page(data / "journal.db", "sqlite_autoindex_events_1"))
    damaged = (data / "journal.db").read_bytes()
    process = start_app(data, stderr=subprocess.PIPE, text=True)
    answers = fire(data, 30)
    assert all(a["logged"] for a in answers), [a for a in answers if not a["logged"]][:1]
    deadline = time.monotonic() + 60
    while count_events(data, OLD) < 20_000 and time.monotonic() < deadline:
        time.sleep(0.2)  # the old events are copied in a batch at a time, between new ones
    err = stop(process)
    kept = list(data.glob("journal.damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # never changed, never deleted
    assert "malformed" in err and kept[0].name in err  # said, naming the file kept aside
    assert count_events(data, OLD) == 20_000  # every old event was readable: all copied in
    assert {a["interaction"] for a in answers} <= shown(data)
    assert integrity(data / "journal.db") == "ok"
    assert not list(data.glob("journal.pending-*"))  # nothing stuck, nothing spilled
    process = start_app(data, stderr=subprocess.PIPE, text=True)
    answers = fire(data, 2)
    err = stop(process)
    assert "kept as" not in err and len(list(data.glob("journal.damaged-*.db"))) == 1
    assert all(a["logged"] for a in answers)


def test_a_deleted_log_loses_no_acknowledged_event(tmp_path):
    """``journal.db-wal`` deleted while the app runs (a clean-up tool, a hasty hand), then a
    crash. Before, a young journal lived only in its log and every event since the start was
    gone. Now the shop's quiet moments copy the log into the file, and a deleted log is
    noticed at the next commit, copied in and made anew."""
    data = tmp_path / "data"
    process = start_app(data)
    try:
        first = fire(data, 10)
        # a copy of journal.db alone (a careless backup) has them within a quiet moment
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            copy = tmp_path / "db-alone"
            copy.mkdir(exist_ok=True)
            shutil.copyfile(data / "journal.db", copy / "journal.db")
            with contextlib.suppress(sqlite3.Error):  # (no tables there yet, say)
                if count_events(copy, "kind = 'shown'") >= 10:
                    break
            time.sleep(0.3)
        assert count_events(copy, "kind = 'shown'") >= 10, "the log was never copied in"
        (data / "journal.db-wal").unlink()
        second = fire(data, 10, start=10)
    finally:
        process.kill()  # a crash: nothing gets to close cleanly
        process.wait(30)
    assert all(a["logged"] for a in first + second)
    process = start_app(data)
    stop(process)
    assert {a["interaction"] for a in first + second} <= shown(data)
    assert integrity(data / "journal.db") == "ok"


def test_a_backup_of_a_running_journal_is_consistent_and_whole(tmp_path):
    """``pos-coach backup DEST`` while triggers pour in: one self-contained file that SQLite
    finds whole, with every event acknowledged before the backup began."""
    data = tmp_path / "data"
    journal_with_log(data, 5_000)
    process = start_app(data)
    try:
        before = fire(data, 20)
        pouring = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys; from pos_coach.inlet.client import request\n"
                "for n in range(200): request(sys.argv[1], {'cmd': 'trigger', 'id': 'greeting'})",
                str(data),
            ],
            cwd=ROOT,
        )
        copied = pos_coach("backup", str(tmp_path / "copy.db"), "--data-dir", str(data))
        pouring.wait(60)
    finally:
        stop(process)
    assert copied.returncode == 0, copied.stderr
    assert "copy.db" in copied.stdout
    copy = tmp_path / "copy.db"
    assert not Path(f"{copy}-wal").exists()  # one file: nothing left in a log beside it
    assert integrity(copy) == "ok"
    conn = sqlite3.connect(copy)
    interactions = {r[0] for r in conn.execute("SELECT interaction FROM events")}
    total = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    conn.close()
    assert {a["interaction"] for a in before} <= interactions
    assert total >= 5_020
    again = pos_coach("backup", str(copy), "--data-dir", str(data))
    assert again.returncode == 1 and "already exists" in again.stderr  # never replaces


def test_spilled_events_go_in_without_holding_the_counter(tmp_path):
    """20,000 events spilled by an earlier run (a disk full all evening): before, they were
    written on the UI thread one commit each, and the counter answered nothing for seconds. Now
    the writer takes them in first, in batches: the counter answers at once, the first trigger
    is logged after them, in order, and the file is removed."""
    from pos_coach.journal import Event

    baseline = tmp_path / "baseline"
    started = time.monotonic()
    stop(start_app(baseline))
    plain = time.monotonic() - started
    data = tmp_path / "data"
    stop(start_app(data))
    rows = [
        Event("note", cashier="Anna", detail={"n": n}, at=f"2026-01-01T10:00:{n % 60:02d}.000Z")
        for n in range(20_000)
    ]
    spill = data / "journal.pending-20260101-220000-000000.jsonl"
    import json

    spill.write_text("".join(json.dumps(e.row()) + "\n" for e in rows), "utf-8")
    spill.chmod(0o600)
    started = time.monotonic()
    process = start_app(data)
    answering = time.monotonic() - started
    answer = request(data, {"cmd": "trigger", "id": "greeting"}, timeout=10)
    stop(process)
    assert answering < max(3.0, 2 * plain), (answering, plain)
    assert answer["logged"]
    conn = sqlite3.connect(data / "journal.db")
    notes = conn.execute("SELECT count(*) FROM events WHERE kind = 'note'").fetchone()[0]
    last = conn.execute("SELECT kind FROM events ORDER BY rowid DESC LIMIT 1").fetchone()[0]
    conn.close()
    assert notes == 20_000 and last == "shown"  # the spilled ones first, then this run's
    assert not spill.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="making a file another user owns needs root")
def test_a_spill_file_of_another_user_is_never_written_in(tmp_path):
    """Another local user plants a spill file (a ``card_edited`` by "OWNER", an outcome for a
    cashier). Before, it was written into the journal. Now only this user's own files count."""
    from pos_coach.journal import Event

    data = tmp_path / "data"
    stop(start_app(data))
    forged = data / "journal.pending-20260101-000000-000000.jsonl"
    event = Event("card_edited", situation="greeting", detail={"by": "OWNER", "action": "saved"})
    forged.write_text(__import__("json").dumps(event.row()) + "\n", "utf-8")
    os.chown(forged, 65534, 65534)
    process = start_app(data, stderr=subprocess.PIPE, text=True)
    fire(data, 1)
    err = stop(process)
    assert count_events(data, "kind = 'card_edited'") == 0
    assert forged.exists() and "another user" in err and forged.name in err


@pytest.mark.skipif(os.geteuid() != 0, reason="making a file another user owns needs root")
@pytest.mark.parametrize("name", ["journal.db", "settings.json", "journal.db-wal"])
def test_a_journal_or_settings_of_another_user_is_refused(tmp_path, name):
    """Seen from outside: in a data folder others can write to, another user's journal.db and
    settings.json (with her HTTP token) were used silently. Now the app refuses to start and
    names the file; nothing is read from it or written to it."""
    data = tmp_path / "shared"
    data.mkdir()
    data.chmod(0o1777)
    planted = data / name
    planted.write_text(
        '{"http_enabled": true, "http_token": "hers"}' if name.endswith(".json") else "", "utf-8"
    )
    os.chown(planted, 65534, 65534)
    before = planted.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "pos_coach", "run", "--data-dir", str(data), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 1
    assert str(planted) in done.stderr and "another user (uid 65534)" in done.stderr
    assert planted.read_bytes() == before and planted.stat().st_uid == 65534
    assert not (data / "journal.db-shm").exists() or name == "journal.db-shm"


@pytest.mark.slow
def test_sigkill_during_the_writers_checkpoint_of_a_big_log(tmp_path, forty_thousand):
    """A trigger's commit sets the writer copying a large log into the file, and the app is
    killed (SIGKILL) at the worst moment: watched from outside, the instant the file is seen
    shorter than its own header (the copy half-way); else at a moment picked at random. Whatever
    the moment, the next start keeps every event: before, a kill half-way hid all 40,000 behind
    a "cut short" journal."""
    half_way = rounds = 0
    moments = random.Random(11)
    while half_way < 2 and rounds < 16:  # until kills landed half-way through a copy twice
        rounds += 1
        data = tmp_path / f"data-{rounds}"
        forty_thousand.place(data, forty_thousand.before)
        journal = data / "journal.db"
        process = start_app(data)
        trigger = subprocess.Popen(
            [*LAUNCHER, "trigger", "greeting", "--data-dir", str(data)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + moments.uniform(0.1, 2.0)
        while time.monotonic() < deadline and journal.stat().st_size >= header_size(journal):
            pass  # watching the file: the first sight of a copy half-way is the moment
        process.kill()
        process.wait(30)
        trigger.wait(30)
        half_way += journal.stat().st_size < header_size(journal)
        process = start_app(data, stderr=subprocess.PIPE, text=True)
        err = stop(process)
        assert "kept as" not in err and not list(data.glob("journal.damaged-*")), rounds
        assert count_events(data, OLD) == 40_000, rounds
        assert integrity(journal) == "ok"
        if trigger.returncode == 0:  # acknowledged: it must be there
            fired = "kind = 'shown' AND situation = 'greeting' AND detail IS NULL"
            assert count_events(data, fired) == 1, rounds
        shutil.rmtree(data)
    print(f"killed half-way through a checkpoint: {half_way} of {rounds}")
    assert half_way >= 1, "no kill landed in the middle of a checkpoint"


def test_insert_helper_matches_the_journal(tmp_path):
    """The rows these tests write are events the program itself reads back."""
    from pos_coach.journal import Journal

    journal = Journal(tmp_path / "j.db")
    insert(journal.conn, note_rows(12))
    assert [e.kind for e in journal.events()] == ["shown"] + ["note"] * 9 + ["shown", "note"]


@pytest.mark.parametrize("how", ["journal.db", "all three files", "an older backup put over it"])
def test_a_journal_file_deleted_or_replaced_while_running_loses_nothing(tmp_path, how):
    """``journal.db`` deleted (with or without its -wal and -shm) or replaced by an older copy
    while the app runs. SQLite goes on writing into the file it has open, which nobody can see
    any more: before, every event from then on was gone at the next start. Now the writer
    notices after its next commit and puts every event back on disk (a file replaced keeps its
    own events and gets the others copied in)."""
    data = tmp_path / "data"
    process = start_app(data)
    try:
        first = fire(data, 5)
        if how == "an older backup put over it":
            older = tmp_path / "older.db"
            assert pos_coach("backup", str(older), "--data-dir", str(data)).returncode == 0
            second = fire(data, 5, start=5)
            os.replace(older, data / "journal.db")  # "restored" over the running journal
        else:
            second = []
            names = ["journal.db"] if how == "journal.db" else ["journal.db", "-wal", "-shm"]
            for name in names:
                target = data / (name if name.endswith(".db") else f"journal.db{name}")
                target.unlink()
        third = fire(data, 5, start=10)
    finally:
        process.kill()  # and then a crash, for good measure
        process.wait(30)
    assert all(a["logged"] for a in first + second + third)
    process = start_app(data)
    deadline = time.monotonic() + 30
    wanted = {a["interaction"] for a in first + second + third}
    while not wanted <= shown(data) and time.monotonic() < deadline:
        time.sleep(0.2)  # a replaced file gets the other events copied in, in the background
    stop(process)
    assert wanted <= shown(data)
    assert integrity(data / "journal.db") == "ok"


def test_half_a_surrogate_pair_from_outside_never_stops_the_journal(tmp_path):
    """A trigger whose origin holds half of a UTF-16 surrogate pair (``"\\ud800"`` in JSON is
    legal, UTF-8 cannot encode it), and a shop name with one in settings.json. Before, that
    one event was "refused by the disk" for ever, every later one waited behind it, and the
    app crashed spilling them at close: 0 of them reached the journal."""
    import json
    import socket

    from pos_coach.inlet.address import server_name

    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text('{"store": "\\ud800 shop", "register": "7"}', "utf-8")
    process = start_app(data, stderr=subprocess.PIPE, text=True)
    try:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(10)
            sock.connect(server_name(data))
            sock.sendall(b'{"cmd": "trigger", "id": "greeting", "origin": "gate\\ud800"}\n')
            odd = json.loads(sock.makefile("rb").readline())
        after = fire(data, 8)
    finally:
        err = stop(process)
    assert odd["ok"] and odd["logged"], odd
    assert all(a["logged"] for a in after)
    assert "store" in err  # the shop name was not used, and the counter said so
    assert {odd["interaction"]} | {a["interaction"] for a in after} <= shown(data)
    conn = sqlite3.connect(data / "journal.db")
    origin = conn.execute(
        "SELECT json_extract(detail, '$.from') FROM events WHERE interaction = ?",
        [odd["interaction"]],
    ).fetchone()[0]
    conn.close()
    assert origin == "gate\ufffd"
    assert not list(data.glob("journal.pending-*"))


def test_a_damaged_journal_on_a_full_disk_is_replaced_once_there_is_room(small_disk):
    """A journal damaged at start-up on a disk with no room left for a fresh one. Before, the
    damaged file was moved aside, the fresh one could not be made: the counter did not start
    (exit 1, a 0-byte journal.db left) and, with room again, started empty without ever
    copying the old events. Now nothing is moved until the fresh journal exists: the counter
    runs (events wait), and once there is room the journal is replaced and every old event
    copied in."""
    disk, how = small_disk
    if how != "tmpfs":
        pytest.skip("needs a real small file system: a file-size limit cannot hold a disk full")
    data = disk / "data"
    journal_with_log(data, 3_000)
    garble(data / "journal.db", root_page(data / "journal.db", "phrase_uses"))
    damaged = (data / "journal.db").read_bytes()
    fill(disk, how, 0)
    process = start_app(data, stderr=subprocess.PIPE, text=True)
    waiting = fire(data, 2)
    assert not any(a["logged"] for a in waiting)  # shown; their events wait in memory
    assert (data / "journal.db").read_bytes() == damaged  # nothing moved yet
    (disk / "filler").unlink()  # room again
    deadline = time.monotonic() + 30
    while not list(data.glob("journal.damaged-*.db")) and time.monotonic() < deadline:
        time.sleep(0.2)
    later = fire(data, 2, start=2)
    while count_events(data, OLD) < 3_000 and time.monotonic() < deadline:
        time.sleep(0.2)
    stop(process)
    [kept] = data.glob("journal.damaged-*.db")
    assert kept.read_bytes() == damaged
    assert all(a["logged"] for a in later)
    assert count_events(data, OLD) == 3_000
    assert {a["interaction"] for a in waiting + later} <= shown(data)
    assert not list(data.glob(".journal.fresh-*"))


def test_a_journal_that_cannot_be_opened_for_now_is_never_set_aside(tmp_path):
    """Only what SQLite calls damage is set aside. A journal that cannot be opened for now
    (here: a folder where the file should be; likewise no rights, no file handles left) is
    left as it is and the counter runs on with its events waiting. Before, any error at
    opening set a healthy journal aside out of sight."""
    data = tmp_path / "data"
    (data / "journal.db").mkdir(parents=True)
    process = start_app(data, stderr=subprocess.PIPE, text=True)
    answers = fire(data, 2)
    err = stop(process)
    assert not any(a["logged"] for a in answers)  # shown, waiting in memory
    assert not list(data.glob("journal.damaged-*")) and (data / "journal.db").is_dir()
    assert "journal.db" in err and "kept as" not in err
    assert list(data.glob("journal.pending-*.jsonl"))  # spilled at exit, nothing lost


def test_a_disk_remounted_read_only_after_a_crash_still_gives_a_counter(small_disk):
    """A crash, then the disk comes back read-only (ext4 does so by itself on errors). Before,
    the crashed run's lock file, which cannot be removed now, was taken for a running POS
    Coach: "in use by another POS Coach", exit 1, no counter. Then, once the disk is writable
    again, the journal is written while the app runs (before, a connection opened while the
    disk was read-only stayed read-only: events waited until the app closed)."""
    disk, how = small_disk
    if how != "tmpfs":
        pytest.skip("needs a file system the test can remount read-only")
    data = disk / "data"
    process = start_app(data)
    first = fire(data, 3)
    process.kill()
    process.wait(30)
    assert (data / "pos-coach.lock").exists()
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    try:
        process = start_app(data, stderr=subprocess.PIPE, text=True)
        waiting = fire(data, 2, start=3)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
    assert not any(a["logged"] for a in waiting)
    deadline = time.monotonic() + 30
    later = fire(data, 1, start=5)
    while not later[-1]["logged"] and time.monotonic() < deadline:
        time.sleep(0.5)
        later.append(fire(data, 1, start=6)[0])
    stop(process)
    assert later[-1]["logged"], "the journal was never written while the app ran"
    assert {a["interaction"] for a in first + waiting + later} <= shown(data)


@pytest.mark.parametrize("how", ["replaced by a copy", "cut short in place"])
def test_a_log_tampered_with_while_running(tmp_path, how):
    """``journal.db-wal`` replaced by a copy of itself (``cp``, then ``mv`` over it, as sync
    and restore tools do) or cut to nothing in place (``: > journal.db-wal``) while the app
    runs. Before: nothing noticed; a stale copy was replayed over newer pages at the next start
    (20 of 45 events), a log cut short set the journal aside as malformed (0 of 45). Now a
    replaced log is copied in from the real one the writer still holds, and a log cut short is
    damage: the journal is replaced, and the event whose commit met it is written again. A log
    cut short in place loses what it held since the last checkpoint: the writer copies the log
    into the file whenever the shop is quiet for a second, so the test lets it."""
    data = tmp_path / "data"
    process = start_app(data)
    try:
        first = fire(data, 20)
        time.sleep(2.5)  # a quiet moment: the log is copied into the file
        log = data / "journal.db-wal"
        if how == "replaced by a copy":
            shutil.copyfile(log, tmp_path / "copy")
            os.replace(tmp_path / "copy", log)
        else:
            with open(log, "r+b") as file:
                file.truncate(0)
        second = fire(data, 25, start=20)
    finally:
        process.kill()
        process.wait(30)
    assert all(a["logged"] for a in first + second)
    process = start_app(data)
    deadline = time.monotonic() + 30
    wanted = {a["interaction"] for a in first + second}
    while not wanted <= shown(data) and time.monotonic() < deadline:
        time.sleep(0.2)  # a replaced journal gets its old events copied in
    stop(process)
    assert wanted <= shown(data)
    assert integrity(data / "journal.db") == "ok"


def interior_page(path: Path, name: str) -> int:
    """An interior page of a table or index, away from its newest rows."""
    conn = sqlite3.connect(path)
    try:
        pages = [
            r[0]
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'internal' ORDER BY path",
                [name],
            )
        ]
    finally:
        conn.close()
    return pages[len(pages) // 2] if len(pages) > 2 else pages[0]


def test_a_page_garbled_while_the_app_was_closed_is_found_and_said(tmp_path):
    """A page away from the newest events garbled while the app was closed: nothing at the
    start reads it, nor does a new event. Before: no word, the app ran on the damaged file,
    `pos-coach export` died with a traceback part-way. Now `export` says what is wrong and
    what to do, and the app's daily check (every page, read by SQLite on a thread of its own,
    a few seconds after the start) finds it: the journal is replaced and its events copied."""
    data = tmp_path / "data"
    journal_with_log(data, 30_000)
    garble(data / "journal.db", interior_page(data / "journal.db", "events"))
    exported = pos_coach("export", "--data-dir", str(data))
    assert exported.returncode == 1 and "Traceback" not in exported.stderr
    assert "cannot be read to the end" in exported.stderr and "journal.db" in exported.stderr
    process = start_app(data, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(data.glob("journal.damaged-*.db")) and time.monotonic() < deadline:
        time.sleep(0.3)
    answers = fire(data, 2)
    while count_events(data, OLD) < 30_000 and time.monotonic() < deadline:
        time.sleep(0.3)
    err = stop(process)
    assert list(data.glob("journal.damaged-*.db")), "the damage was never found"
    assert "the daily check" in err
    assert all(a["logged"] for a in answers)
    assert count_events(data, OLD) == 30_000  # the pages under it read as bytes: every one
    assert pos_coach("export", "--data-dir", str(data)).returncode == 0


def test_text_that_is_not_utf8_in_the_journal_stops_nothing(tmp_path):
    """A byte that is not UTF-8 in a cashier's name, a situation and a phrasing (another
    program wrote it, or the disk flipped a bit SQLite does not check): before, the app would
    not start (a traceback reading phrase uses) and reports said the journal was damaged. Now
    it starts and answers, reports count it, and the export stays UTF-8."""
    data = tmp_path / "data"
    journal_with_log(data, 100)
    conn = sqlite3.connect(data / "journal.db")
    conn.execute(
        "INSERT INTO events (id, at, kind, situation, cashier, interaction, phrase) VALUES"
        " ('bad', '2026-01-02T10:00:00.000Z', 'shown', CAST(x'67ff' AS TEXT),"
        " CAST(x'41ff' AS TEXT), 'bad-1', CAST(x'ff68' AS TEXT))"
    )
    conn.commit()
    conn.close()
    process = start_app(data, stderr=subprocess.PIPE, text=True)
    assert all(a["logged"] for a in fire(data, 2))
    stop(process)
    for by in ("cashier", "situation"):
        done = pos_coach("report", "--since", "2026-01-01", "--by", by, "--data-dir", str(data))
        assert done.returncode == 0 and "\ufffd" in done.stdout, done.stderr
    for fmt in ("csv", "excel", "jsonl"):
        exported = subprocess.run(
            [*LAUNCHER, "export", "--format", fmt, "--data-dir", str(data)],
            capture_output=True,
            timeout=60,
        )
        assert exported.returncode == 0
        text = exported.stdout.decode("utf-8")  # raises if any byte is not UTF-8
        assert "A\ufffd" in text
