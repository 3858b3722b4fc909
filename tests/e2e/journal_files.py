"""Journal files in the states a bad day leaves them in, made with SQLite and plain file writes.

Only the journal's public shape is used here (its file name, its ``events`` columns, SQLite
itself), so these states do not depend on how the program writes them.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from pos_coach.journal import COLUMNS, Journal

PAGE = 4096


def note_rows(count: int, start: int = 0) -> list[list[object]]:
    """``count`` plausible events, as rows of the journal's columns: every tenth a card shown
    at the till, the others notes (which the journal's report tables leave alone, so a big
    journal is quick to make)."""
    rows = []
    situations = ("greeting", "gate-alarm", "loyalty-card", "farewell")
    for n in range(start, start + count):
        shown = n % 10 == 0
        row = {c: None for c in COLUMNS}
        row.update(
            id=str(uuid.uuid4()),
            at=f"2026-01-{1 + n // 86400 % 28:02d}T{n // 3600 % 24:02d}:{n // 60 % 60:02d}:"
            f"{n % 60:02d}.000Z",
            cashier=f"Cashier {n % 5}",
            kind="shown" if shown else "note",
            interaction=str(uuid.uuid4()) if shown else None,
            situation=situations[n % 4] if shown else None,
            source="touch" if shown else None,
            phrase=f"phrase {n % 3}" if shown else None,
            lang="en",
            detail=f'{{"n": {n}}}',
        )
        rows.append([row[c] for c in COLUMNS])
    return rows


def insert(conn: sqlite3.Connection, rows: list[list[object]], batch: int = 10_000) -> None:
    sql = "INSERT INTO events ({}) VALUES ({})".format(
        ", ".join(COLUMNS), ", ".join("?" for _ in COLUMNS)
    )
    for start in range(0, len(rows), batch):
        conn.execute("BEGIN")
        conn.executemany(sql, rows[start : start + batch])
        conn.execute("COMMIT")


@dataclass(frozen=True)
class Logged:
    """A journal's bytes around one checkpoint: the file before it, the log it copies in, and
    the file once the copy is complete."""

    before: bytes
    log: bytes
    full: bytes

    def place(self, data: Path, file: bytes) -> None:
        """Lay the journal out in ``data``: ``file`` as journal.db, and the whole log."""
        data.mkdir(parents=True, exist_ok=True)
        (data / "journal.db").write_bytes(file)
        (data / "journal.db-wal").write_bytes(self.log)


def journal_with_log(folder: Path, count: int) -> Logged:
    """A journal whose ``count`` events are only in its write-ahead log, as a busy till has it
    between checkpoints (the folder then holds it with the checkpoint done and closed)."""
    folder.mkdir(parents=True, exist_ok=True)
    journal = Journal(folder / "journal.db")  # made, migrated and closed as the app would
    journal.close()
    before = (folder / "journal.db").read_bytes()
    conn = sqlite3.connect(folder / "journal.db", isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("PRAGMA cache_size = -262144")  # quick to make: the indexes stay in memory
    insert(conn, note_rows(count))
    log = (folder / "journal.db-wal").read_bytes()
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    full = (folder / "journal.db").read_bytes()
    conn.close()
    return Logged(before, log, full)


def header_size(path: Path) -> int:
    """The length the journal file's own header says it has (page size x page count)."""
    with open(path, "rb") as file:
        header = file.read(100)
    page_size = int.from_bytes(header[16:18], "big")
    return (65536 if page_size == 1 else page_size) * int.from_bytes(header[28:32], "big")


def count_events(data: Path, where: str = "1") -> int:
    """Events in the journal of ``data`` as SQLite reads it (with its log), from a copy, so the
    files under test stay exactly as they are."""
    copy = data.parent / f"{data.name}-read-copy"
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir()
    for suffix in ("", "-wal"):
        source = data / f"journal.db{suffix}"
        if source.exists():
            shutil.copyfile(source, copy / source.name)
    conn = sqlite3.connect(copy / "journal.db")
    try:
        return int(conn.execute(f"SELECT count(*) FROM events WHERE {where}").fetchone()[0])
    finally:
        conn.close()
        shutil.rmtree(copy, ignore_errors=True)


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def root_page(path: Path, name: str) -> int:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", [name]).fetchone()
        return int(row[0])
    finally:
        conn.close()


def garble(path: Path, page: int) -> None:
    """Overwrite one page in place with noise, as a failing disk sector would."""
    with open(path, "r+b") as file:
        file.seek((page - 1) * PAGE)
        file.write(os.urandom(PAGE))


def pos_coach(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The ``pos-coach`` command as a process."""
    return subprocess.run(
        [sys.executable, "-c", "from pos_coach.launcher import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
