"""A damaged journal: told from a healthy one by SQLite itself, kept aside, its events recovered.

Damage is decided by what SQLite says, never by file arithmetic alone. A journal whose file is
shorter than its header says is normal after a crash or a full disk during a checkpoint: the
rest of its pages are still in the write-ahead log, and SQLite reads them from there. Such a
journal is checked page by page (``PRAGMA quick_check``, with its log) and kept when SQLite finds
nothing wrong.

A damaged journal is moved aside under a name of its own (never deleted, never replacing
anything), a fresh journal takes its place at once, and every event that can still be read from
the damaged file is copied into the fresh one, in its original place (rowid), a batch at a time,
by the journal's writer between new events (:func:`recover_step`). The ``recovered`` table of
the fresh journal records where copying stands, so it goes on after a restart, and which parts
of the damaged file could not be read.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pos_coach.journal.events import (
    COLUMNS,
    KINDS,
    JournalDamagedError,
    JournalError,
    JournalTooNewError,
    utc_now,
)
from pos_coach.journal.store import (
    JOURNAL_FILE,
    Journal,
    insert_at,
    is_damage,
    read_only_uri,
    slow_update,
)


@dataclass(frozen=True)
class Damage:
    """A damaged journal that was kept aside: its new name, and why."""

    kept: str
    reason: str


CHECK_EVERY_SECONDS = 24 * 3600  # a page garbled while the app was closed is looked for daily
_CHECKED = "journal-checked"  # in the cache folder: when SQLite last found the journal whole


def check_due(data_dir: Path) -> bool:
    """Whether the journal's daily check (every page read by SQLite) is due."""
    import time

    try:
        when = (Path(data_dir) / "cache" / _CHECKED).stat().st_mtime
    except OSError:
        return True
    return not 0 <= time.time() - when < CHECK_EVERY_SECONDS


def checked(data_dir: Path) -> None:
    """Note that SQLite found the journal whole just now."""
    folder = Path(data_dir) / "cache"
    with contextlib.suppress(OSError):
        folder.mkdir(mode=0o700, exist_ok=True)
        (folder / _CHECKED).write_text("SQLite's quick_check found the journal whole\n")


def set_aside(path: Path) -> Path:
    """Move a damaged journal (and its -wal/-shm files) aside under a name of its own, never
    replacing anything and never deleting (:func:`pos_coach.paths.keep_aside`)."""
    from pos_coach.paths import keep_aside

    return keep_aside(path, "damaged", companions=("-wal", "-shm"))


def shorter_than_header(path: Path) -> bool:
    """Whether the file is shorter than the page count its header records (its first page as
    it is in the file itself, not in the log). Only ever a reason to ask SQLite."""
    try:
        with open(path, "rb") as file:
            header = file.read(100)
            size = file.seek(0, 2)
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[92:96] == header[24:28]  # else the count is stale (old writers)
    return header_valid and size < pages * page_size


UPDATING = "updating the journal to this version"  # the command line says it the same way


def open_or_start_fresh(data_dir: Path) -> tuple[Journal, Damage | None]:
    """The journal of ``data_dir``; a damaged one is kept aside and a fresh one started, into
    which its readable events are then copied (by the writer).

    Only what SQLite calls damage (and a journal of a newer POS Coach) is kept aside: a
    journal that cannot be opened for now (no rights, too many open files, a disk error) is
    left as it is, and the journal waits (events wait in memory) until it can be opened. So
    does a damaged journal when the fresh one cannot be made yet (a full disk): the writer
    replaces it once it can; and a journal of an older version whose update takes a while:
    the writer brings it forward on its own thread (see :attr:`Appender.updating`). Returns
    the journal and, when one was kept aside, what and why.
    """
    path = Path(data_dir) / JOURNAL_FILE
    from pos_coach.paths import unwritable

    problem = unwritable(Path(data_dir))
    if problem is not None:  # not damaged: out of reach for now (read-only disk, no rights)
        return Journal.waiting(path, problem), None
    if slow_update(path):  # the writer brings it forward on its thread; the counter works on
        return Journal.waiting(path, f"{path}: {UPDATING}", updating=True), None
    journal: Journal | None = None
    short = shorter_than_header(path)
    try:
        journal = Journal(path)
        journal.health_check()
        if short:
            # normal after a crash or a full disk in the middle of a checkpoint: the missing
            # pages are in the write-ahead log. SQLite, reading it with its log, decides.
            finding = journal.quick_check()
            if finding is not None:
                raise JournalDamagedError(f"{path}: {finding}")
        return journal, None
    except (JournalError, sqlite3.Error) as exc:
        if journal is not None:
            with contextlib.suppress(sqlite3.Error):
                journal.close()
        reason = str(exc).split(": ", 1)[-1] if isinstance(exc, JournalError) else str(exc)
        if not (is_damage(exc) or isinstance(exc, JournalTooNewError)):
            return Journal.waiting(path, f"{path}: {reason}"), None
        if short:  # say what a shop can understand first
            reason = f"the file is cut short, and SQLite finds it damaged: {reason}"
    try:
        return replace_damaged(path, reason)
    except (OSError, sqlite3.Error, JournalError) as exc:  # a full disk: the writer goes on
        waiting = f"{path}: {reason}; not yet kept aside: {exc}"
        return Journal.waiting(path, waiting, damaged=reason), None


def replace_damaged(path: Path, reason: str) -> tuple[Journal, Damage]:
    """Keep the journal at ``path`` aside, start a fresh one there and note that the kept
    one's readable events are to be copied in.

    The fresh journal is made first, under a name of its own, with the note already in it;
    only then is the damaged one moved aside and the fresh one moved into its place. A folder
    that refuses (a full disk) raises before anything was moved: the damaged journal is then
    still where it was, to be replaced later."""
    import os
    import secrets

    from pos_coach.paths import free_name, move_aside

    companions = ("-wal", "-shm")
    part = path.with_name(f".{path.stem}.fresh-{os.getpid()}-{secrets.token_hex(4)}{path.suffix}")
    moved = False
    try:
        fresh = Journal(part)
        try:
            last = _last_rowid(path)
            while True:
                kept = free_name(path, "damaged", companions)
                fresh.conn.execute("DELETE FROM recovered")
                fresh.conn.execute(
                    "INSERT INTO recovered (source, reason, found_at, last_rowid) "
                    "VALUES (?, ?, ?, ?)",
                    [kept.name, reason, utc_now(), last],
                )
                fresh.close()  # one whole file: its log is copied in and removed
                try:
                    move_aside(path, kept, companions)
                except FileExistsError:
                    fresh = Journal(part)
                    continue  # the name was taken meanwhile: another one
                moved = True
                break
        finally:
            with contextlib.suppress(sqlite3.Error):
                fresh.close()
        move_aside(part, path)  # into the place of the damaged one, never replacing anything
    finally:
        if not moved:  # nothing changed: the damaged journal is where it was
            for suffix in ("", *companions):
                with contextlib.suppress(OSError):
                    Path(f"{part}{suffix}").unlink()
    return Journal(path), Damage(kept.name, reason)


def note_recovery(journal: Journal, kept: Path, reason: str) -> None:
    """Note in ``journal`` that the events of ``kept`` are to be copied into it (by the
    writer, between new events)."""
    journal.conn.execute(
        "INSERT INTO recovered (source, reason, found_at, last_rowid) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (source) DO NOTHING",
        [kept.name, reason, utc_now(), _last_rowid(kept)],
    )
    journal.reopen()  # so that its new events come after the ones still to be copied


def rescue(journal: Journal) -> tuple[Journal, Damage | None]:
    """The file at ``journal.path`` is no longer the one ``journal`` writes to (deleted, moved
    away or replaced while the app runs). This connection still sees every event: they are
    copied (SQLite's online backup) into a file of their own beside it. If nothing is at the
    path any more, that copy becomes the journal again; if another file is there now, the
    copy is kept aside and its events copied into the journal found there. Returns the
    journal to go on with and, when a copy was kept aside, what and why."""
    import os

    from pos_coach.paths import keep_aside

    path = journal.path
    part = path.with_name(f".{path.name}.rescue-{os.getpid()}")
    copy = sqlite3.connect(part)
    try:
        journal.conn.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # one whole file, no log of its own yet
    finally:
        copy.close()
    stale = journal.own_companions()
    journal.close()
    for companion in stale:  # the old log must never be read as the log of another file
        keep_aside(companion, "stale")  # journal.stale-<time>.db-wal
    try:
        os.link(part, path)  # back where it was, unless something took the name meanwhile
    except FileExistsError:
        reason = "the journal file was replaced while the app was writing to it"
        kept = keep_aside(part, "moved", like=path)
        try:
            found = Journal(path)
        except JournalError as exc:  # not a journal at all: kept aside too, a fresh one
            found, _ = replace_damaged(path, str(exc).split(": ", 1)[-1])
        note_recovery(found, kept, reason)
        return found, Damage(kept.name, reason)
    except OSError:  # no hard links here: a rename, to a name that was free a moment ago
        if path.exists():
            raise
        os.rename(part, path)
    else:
        os.unlink(part)
    return Journal(path), None


def _open_source(path: Path) -> sqlite3.Connection:
    """The damaged file, read-only: its bytes (and its log's) are never changed."""
    conn = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    return conn


def _sane(rowid: int, before: int, last: int) -> bool:
    """A rowid read after ``before`` that a whole file could have given: larger, and not past
    the last one the damaged file had (a garbled page can yield any number)."""
    return before < rowid <= last


def _last_rowid(path: Path) -> int:
    """The damaged journal's last rowid, or, when even that cannot be read, an upper bound
    (no row is smaller than 64 bytes)."""
    try:
        conn = _open_source(path)
        try:
            return int(conn.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0)
        finally:
            conn.close()
    except sqlite3.Error:
        with contextlib.suppress(OSError):
            return max(1, path.stat().st_size // 64)
        return 0


_SELECT = f"SELECT rowid, {', '.join(COLUMNS)} FROM events WHERE rowid > ? ORDER BY rowid"
# a row of _SELECT: the rowid (an integer, as SQLite's rowids always are), then the COLUMNS
SourceRow = tuple[int, *tuple[object, ...]]
_KIND = 1 + list(COLUMNS).index("kind")  # where a SourceRow holds the event's kind


class Recovery:
    """Copies the readable events of one damaged journal into ``target``, a batch per step."""

    def __init__(self, target: Journal, source: str) -> None:
        self.target = target
        self.source = source
        self._conn: sqlite3.Connection | None = None

    @classmethod
    def pending(cls, target: Journal) -> Recovery | None:
        """The first damaged journal whose events are still being copied into ``target``."""
        try:
            row = target.conn.execute(
                "SELECT source FROM recovered WHERE done_at IS NULL ORDER BY found_at LIMIT 1"
            ).fetchone()
        except sqlite3.OperationalError:
            return None
        return cls(target, row[0]) if row else None

    def _state(self) -> tuple[int, int, list[list[int]], int | None]:
        row = self.target.conn.execute(
            "SELECT next_rowid, last_rowid, lost, scan_next FROM recovered WHERE source = ?",
            [self.source],
        ).fetchone()
        return int(row[0]), int(row[1]), json.loads(row[2] or "[]"), row[3]

    def step(self, limit: int = 2000) -> bool:
        """Copy up to ``limit`` more events; False once this journal is done.

        First through SQL, in rowid order, skipping what cannot be read; then, when something
        could not, by reading every page of the file and its log as bytes
        (:mod:`pos_coach.journal.pagescan`) for the rows of the parts SQL could not reach."""
        after, last, lost, scan_next = self._state()
        if scan_next is not None:
            return self._scan_step(int(scan_next), lost)
        conn: sqlite3.Connection | None
        try:
            conn = self._connection()
        except sqlite3.Error:  # the file cannot be opened at all: nothing (more) to copy
            conn = None
        rows: list[SourceRow] = []
        failed = False
        if conn is not None:
            rows, failed = self._read(conn, after, last, limit)
        done = False
        if rows:
            position = int(rows[-1][0])
            done = not failed and len(rows) < limit
        elif failed and conn is not None:
            skipped = self._skip(conn, after, last)
            if skipped is None:
                lost.append([after + 1, max(after + 1, last)])
                position, done = max(after, last), True
            else:
                lost.append([after + 1, skipped])
                position = skipped
        else:
            position, done = after, True
        good = [r for r in rows if r[_KIND] in KINDS]  # a row garbled beyond use is left out
        lost.extend([r[0], r[0]] for r in rows if r[_KIND] not in KINDS)
        scan = 1 if done and lost else None  # the parts SQL could not reach: read as bytes
        self._write(
            [list(row) for row in good],
            "next_rowid = ?, lost = ?, scan_next = ?, done_at = ?",
            [position, json.dumps(lost), scan, utc_now() if done and scan is None else None],
        )
        if done and scan is None:
            self.close()
            return False
        return True

    def _write(self, rows: list[list[object]], changes: str, values: list[object]) -> None:
        """Insert ``rows`` (rowid first) and update this journal's row, in one transaction."""
        target = self.target.conn
        target.execute("BEGIN IMMEDIATE")
        try:
            before = target.total_changes
            insert_at(target, rows)
            copied = target.total_changes - before
            target.execute(
                f"UPDATE recovered SET {changes}, copied = copied + ? WHERE source = ?",
                [*values, copied, self.source],
            )
            target.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                target.execute("ROLLBACK")
            raise

    def _scan_step(self, place: int, lost: list[list[int]], pages: int = 256) -> bool:
        """Read ``pages`` more pages of the damaged file (then its log) as bytes and copy the
        events found there that SQL could not reach."""
        from pos_coach.journal.pagescan import Scanner, layout

        path = self.target.path.with_name(self.source)
        shape = layout(path)
        end = place + pages
        rows: list[list[object]] = []
        if shape is not None:
            scanner = Scanner(path, shape)
            end = min(end, shape.positions + 1)
            for position in range(place, end):
                for rowid, values in scanner.rows(position):
                    if any(low <= rowid <= high for low, high in lost):
                        rows.append([rowid, *values])
        done = shape is None or end > shape.positions
        self._write(
            rows,
            "scan_next = ?, done_at = ?",
            [None if done else end, utc_now() if done else None],
        )
        if done:
            self.close()
        return not done

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = _open_source(self.target.path.with_name(self.source))
        return self._conn

    @staticmethod
    def _read(
        conn: sqlite3.Connection, after: int, last: int, limit: int
    ) -> tuple[list[SourceRow], bool]:
        """Rows after ``after`` in order, as many as can be read before a damaged page, and
        whether reading stopped at one. A garbled page can also yield rowids out of order or
        past the last one the file had: that is damage too (reading must only move forward)."""
        rows: list[SourceRow] = []
        try:
            cursor = conn.execute(_SELECT + " LIMIT ?", [after, limit])
            previous = after
            while chunk := cursor.fetchmany(200):
                for row in chunk:
                    rowid = int(row[0])
                    if not _sane(rowid, previous, last):
                        return rows, True
                    rows.append(row)
                    previous = rowid
        except sqlite3.DatabaseError:
            return rows, True  # keep what was read; the next step starts after it
        return rows, False

    @staticmethod
    def _readable_after(conn: sqlite3.Connection, position: int, last: int) -> bool:
        try:
            row = conn.execute(
                "SELECT rowid FROM events WHERE rowid > ? ORDER BY rowid LIMIT 1", [position]
            ).fetchone()
        except sqlite3.DatabaseError:
            return False
        return row is None or _sane(int(row[0]), position, last)

    def _skip(self, conn: sqlite3.Connection, after: int, last: int) -> int | None:
        """Past an unreadable part: the least position from which reading works again (the
        rows up to it are lost), or None when nothing after ``after`` can be read (or there
        is nothing more)."""
        if self._readable_after(conn, after, last):
            # the rows right after ``after`` read, but not their values: skip one row
            try:
                row = conn.execute(
                    "SELECT rowid FROM events WHERE rowid > ? ORDER BY rowid LIMIT 1", [after]
                ).fetchone()
            except sqlite3.DatabaseError:
                return None
            return int(row[0]) if row else None
        step = 1
        while after + step <= last and not self._readable_after(conn, after + step, last):
            step *= 2
        if after + step > last:
            return last if last > after else None
        low, high = after + step // 2, after + step  # low unreadable (or ``after``), high reads
        while high - low > 1:
            middle = (low + high) // 2
            if self._readable_after(conn, middle, last):
                high = middle
            else:
                low = middle
        return high

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None


@dataclass(frozen=True)
class Recovered:
    """How copying from one damaged journal went (for the window and the review)."""

    source: str
    reason: str
    copied: int
    lost: int  # rowid ranges that could not be read
    done: bool


def recoveries(journal: Journal) -> list[Recovered]:
    try:
        rows = journal.conn.execute(
            "SELECT source, reason, copied, lost, done_at FROM recovered ORDER BY found_at"
        ).fetchall()
    except sqlite3.Error:
        return []
    return [
        Recovered(str(s), str(r or ""), int(c), len(json.loads(lost or "[]")), d is not None)
        for s, r, c, lost, d in rows
    ]
