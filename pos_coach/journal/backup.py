"""A consistent copy of a journal, also while the app is writing to it (no Qt).

Copying ``journal.db`` with a file manager is not a backup: the latest events may still be in
``journal.db-wal``, and a copy taken while the app writes can be torn. SQLite's online backup
reads one consistent snapshot (the file and its log together) while the app goes on writing;
the copy is made a single self-contained file, checked by SQLite, flushed to the disk, and only
then given its name, which never replaces an existing file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pos_coach.journal.events import JournalError
from pos_coach.journal.store import JOURNAL_FILE, read_only_uri


@dataclass(frozen=True)
class Copy:
    path: Path
    events: int


def backup(data_dir: Path, dest: Path) -> Copy:
    """Copy the journal of ``data_dir`` to ``dest`` (a file name, or a folder to put
    ``journal-<local time>.db`` in). Raises JournalError with a sentence naming the file."""
    source = Path(data_dir) / JOURNAL_FILE
    if not source.is_file():
        raise JournalError(f"{source}: no journal here (give --data-dir?)")
    dest = Path(dest)
    names: Iterator[Path] | None = None  # a folder: the name is this one's to choose
    if dest.is_dir():
        stamp = f"journal-{datetime.now():%Y%m%d-%H%M%S}"
        # two backups in one second (two tills onto one stick): the next free name
        folder = dest  # (the names are made lazily: from the folder, not from a name chosen)
        names = (folder / (f"{stamp}-{n}.db" if n else f"{stamp}.db") for n in range(1000))
        dest = next(d for d in names if not (d.exists() or d.is_symlink()))
    if dest.exists() or dest.is_symlink():
        raise JournalError(f"{dest}: already exists; a backup never replaces a file")
    import shutil
    import tempfile

    try:
        # made in a folder of its own that only this user can enter, beside the destination:
        # nobody else can plant a file or a link under the name the copy is made with
        work = Path(tempfile.mkdtemp(prefix=".pos-coach-backup-", dir=dest.parent))
    except OSError as exc:
        raise JournalError(f"{dest}: cannot write the backup: {exc.strerror or exc}") from exc
    part = work / "journal.db"
    try:
        count = _copy(source, part)
        os.chmod(part, 0o600)  # it holds cashiers' names
        _fsync(part)
        dest = _place(part, dest, names)
        _fsync(dest.parent)
    except OSError as exc:
        raise JournalError(f"{dest}: cannot write the backup: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Copy(dest, count)


def _place(part: Path, dest: Path, names: Iterator[Path] | None) -> Path:
    """Give the finished copy its name, never replacing a file; taken meanwhile (another
    backup, just now): the next of ``names`` if the name was this one's to choose."""
    while True:
        try:
            os.link(part, dest)  # fails, replacing nothing (not even a link), if taken
            return dest
        except FileExistsError:
            pass
        except OSError:  # no hard links on this file system (FAT, some shares)
            if not (dest.exists() or dest.is_symlink()):
                os.rename(part, dest)
                return dest
        following = next(names, None) if names is not None else None
        if following is None:
            raise JournalError(f"{dest}: already exists; a backup never replaces a file")
        dest = following


def _copy(source: Path, part: Path) -> int:
    try:
        src = sqlite3.connect(read_only_uri(source), uri=True)
    except sqlite3.Error as exc:
        raise JournalError(f"{source}: cannot open the journal: {exc}") from exc
    try:
        src.execute("PRAGMA busy_timeout = 5000")
        dst = sqlite3.connect(part)
        try:
            src.backup(dst)  # all pages in one step: one consistent snapshot
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finding = [row[0] for row in dst.execute("PRAGMA quick_check(3)")]
            if finding != ["ok"]:
                raise JournalError(f"{source}: the copy does not pass SQLite's check: {finding}")
            return int(dst.execute("SELECT count(*) FROM events").fetchone()[0])
        finally:
            dst.close()
    except sqlite3.Error as exc:
        # either side may refuse (a full destination, say): the message names both
        raise JournalError(f"cannot copy {source} into {part.parent}: {exc}") from exc
    finally:
        src.close()


def _fsync(path: Path) -> None:
    """Flush a file (or a folder's entries) to the disk; folders cannot be opened on Windows."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        handle = os.open(path, flags)
    except OSError:
        if path.is_dir():
            return
        raise
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
