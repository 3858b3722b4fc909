"""A journal of an older version, opened by the real app as a process: the counter is usable at
once while the journal is brought forward on the writer's thread, and nothing is lost or
written twice. The old journal is made with SQLite and the previous schema's own steps."""

from __future__ import annotations

import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from pos_coach.inlet.client import request
from pos_coach.journal import schema as journal_schema
from tests.e2e.journal_files import count_events, note_rows
from tests.e2e.running import start_app

pytestmark = pytest.mark.slow

OLD_EVENTS = 200_000  # about a second to bring forward here: far longer than a card takes


def version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def old_journal_in(data: Path, events: int = 10_000) -> Path:
    """A journal as the version before this one's update wrote it (schema 4), in WAL mode as the
    app writes it, of ``events`` plausible events."""
    data.mkdir(parents=True, exist_ok=True)
    path = data / "journal.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    for number, step in enumerate(journal_schema.MIGRATIONS[:4]):
        step(conn)
        conn.execute(f"PRAGMA user_version = {number + 1}")
    conn.execute("BEGIN")
    for start in range(0, events, 10_000):
        conn.executemany(journal_schema.INSERT, note_rows(min(10_000, events - start), start))
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.fixture(scope="module")
def old_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return old_journal_in(tmp_path_factory.mktemp("v4"), OLD_EVENTS)


def test_the_counter_works_while_an_old_journal_is_brought_forward(tmp_path, old_journal):
    data = tmp_path / "data"
    data.mkdir()
    journal = data / "journal.db"
    journal.write_bytes(old_journal.read_bytes())
    process = start_app(data, stderr=subprocess.PIPE, text=True)
    # the window is up and answers while the file is still old (before, the start waited for
    # the whole update); a card opens (its event is written once the update is done)
    assert version(journal) < journal_schema.SCHEMA_VERSION, "the update held up the start"
    answers = [request(data, {"cmd": "trigger", "id": "greeting"}, timeout=10)]
    assert answers[0]["ok"], answers[0]
    deadline = time.monotonic() + 120
    while version(journal) < journal_schema.SCHEMA_VERSION and time.monotonic() < deadline:
        time.sleep(0.2)
    assert version(journal) == journal_schema.SCHEMA_VERSION
    answers.append(request(data, {"cmd": "trigger", "id": "gate-alarm"}, timeout=10))
    assert answers[1]["ok"] and answers[1]["logged"], answers[1]
    process.terminate()
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "updating the journal to this version, while the counter works" in err
    assert str(journal) in err
    # every old event once, and the cards of this run (their shown events) once each
    before = {
        situation: count_events(old_journal.parent, f"kind = 'shown' AND situation = '{situation}'")
        for situation in ("greeting", "gate-alarm")
    }
    for situation, count in before.items():
        assert count_events(data, f"kind = 'shown' AND situation = '{situation}'") == count + 1
    conn = sqlite3.connect(journal)
    try:
        ids = conn.execute("SELECT count(*), count(DISTINCT id) FROM events").fetchone()
        interactions = conn.execute("SELECT count(*) FROM interactions").fetchone()[0]
        shown = conn.execute("SELECT count(*) FROM events WHERE kind = 'shown'").fetchone()[0]
    finally:
        conn.close()
    assert ids[0] == ids[1] >= OLD_EVENTS + 2
    assert interactions == shown  # the report tables hold every card shown, old and new


def pos_coach(*args: str, **popen: object) -> subprocess.CompletedProcess[str]:
    import sys

    return subprocess.run(
        [sys.executable, "-m", "pos_coach", *args],
        capture_output=True,
        text=True,
        timeout=120,
        **popen,  # type: ignore[arg-type]
    )


def test_a_command_meeting_an_update_under_way_says_so_in_a_line(tmp_path):
    """Another program holds the old journal (the app bringing it forward, or a `sqlite3`
    left in a write): `report` and `export` say what is going on and to try again; before,
    a traceback ("database is locked")."""
    data = tmp_path / "data"
    path = old_journal_in(data)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        for command in ("report", "export"):
            done = pos_coach(command, "--data-dir", str(data))
            assert done.returncode == 1, done
            assert "Traceback" not in done.stderr
            assert "cannot update the journal to this version now" in done.stderr
            assert "another program" in done.stderr and "try again" in done.stderr
            assert str(path) in done.stderr and done.stderr.count("\n") == 1
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert version(path) == 4
    assert pos_coach("report", "--data-dir", str(data)).returncode == 0  # now it can
    assert version(path) == journal_schema.SCHEMA_VERSION


def test_a_full_disk_in_the_middle_of_an_update_keeps_the_journal_as_it_was(tmp_path):
    """No room for the update: one line naming the file and the disk's refusal (before: a
    traceback about a rollback), and the old journal is whole, every event in it."""
    import resource

    data = tmp_path / "disk" / "data"
    path = old_journal_in(data, 20_000)

    def no_room() -> None:  # the kernel lets no file of the command grow past 256 KiB: the
        # log, where the update's pages go first, meets a full disk part-way
        resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, resource.RLIM_INFINITY))

    done = pos_coach("report", "--data-dir", str(data), preexec_fn=no_room)
    assert done.returncode == 1, done
    assert "Traceback" not in done.stderr and "rollback" not in done.stderr
    assert "cannot update the journal to this version" in done.stderr
    assert str(path) in done.stderr and "kept as it was" in done.stderr
    assert version(path) == 4
    assert count_events(data) == 20_000
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        conn.close()


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """A folder on a file system mounted read-only (a locked USB stick), made by the test;
    where it may not mount one and is not root, a folder it may not write."""
    import os

    folder = tmp_path / "stick"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0 and os.geteuid() == 0:
        pytest.skip("root without a way to mount: no folder it cannot write")

    def lock() -> None:
        if mounted.returncode == 0:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        else:
            folder.chmod(0o555)

    try:
        yield folder, lock
    finally:
        if mounted.returncode == 0:
            subprocess.run(["umount", "-l", str(folder)], check=False)
        else:
            folder.chmod(0o755)


def test_a_backup_on_a_read_only_stick_can_be_reported_and_exported(tmp_path, read_only_folder):
    """`report` and `export` read a journal where nothing may be written (before: "attempt to
    write a readonly database"); one of an older version there is said plainly."""
    folder, lock = read_only_folder
    data = tmp_path / "till"
    old_journal_in(data, 3000)
    assert pos_coach("report", "--data-dir", str(data)).returncode == 0  # brought forward
    assert pos_coach("backup", str(folder / "journal.db"), "--data-dir", str(data)).returncode == 0
    old_journal_in(folder / "old", 10)
    lock()
    args = ("report", "--since", "2026-01-01", "--format", "json", "--data-dir")
    report = pos_coach(*args, str(folder))
    assert report.returncode == 0, report.stderr
    here = pos_coach(*args, str(data))
    assert report.stdout == here.stdout
    exported = pos_coach("export", "--data-dir", str(folder))
    assert exported.returncode == 0 and exported.stdout.count("\n") == 3001
    old = pos_coach("report", "--data-dir", str(folder / "old"))
    assert old.returncode == 1 and "older version" in old.stderr and "Traceback" not in old.stderr
