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


@pytest.fixture(scope="module")
def old_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal as the version before this one's update wrote it (schema 4)."""
    path = tmp_path_factory.mktemp("v4") / "journal.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for number, step in enumerate(journal_schema.MIGRATIONS[:4]):
        step(conn)
        conn.execute(f"PRAGMA user_version = {number + 1}")
    conn.execute("BEGIN")
    for start in range(0, OLD_EVENTS, 10_000):
        conn.executemany(journal_schema.INSERT, note_rows(10_000, start))
    conn.execute("COMMIT")
    conn.close()
    return path


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
