"""One SQLite connection to a journal file: open, migrate, append, read, check (no Qt).

``append_many`` returns after the commit, with ``synchronous=FULL`` in WAL mode, so an event
whose append returned survives an app crash and a power cut. In the app only the journal's
writer thread appends (:mod:`pos_coach.journal.writer`); other connections only read.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pos_coach.journal.events import (
    COLUMNS,
    Event,
    JournalBusyError,
    JournalDamagedError,
    JournalError,
    JournalTooNewError,
)
from pos_coach.journal.schema import (
    INSERT,
    INSERT_AT,
    SCHEMA_VERSION,
    SLOW_MIGRATIONS,
    Progress,
    migrate,
)

JOURNAL_FILE = "journal.db"

# how long a write waits for another program's lock before the event is queued instead
SQLITE_BUSY, SQLITE_LOCKED = 5, 6  # another connection holds the file (primary result codes)
BUSY_TIMEOUT_MS = 2  # the UI thread never waits longer on another program (DESIGN: 2 ms)

# SQLite's primary result codes that mean "the file is damaged", as opposed to "the disk refuses
# for now" (full, read-only, locked, I/O error), which is worth trying again
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26


def read_only_uri(path: Path | str) -> str:
    """The URI SQLite opens ``path`` read-only with (relative paths taken from here)."""
    return f"{Path(path).absolute().as_uri()}?mode=ro"


BUSY = "another program is writing to it, or bringing it up to this version"


def readable_text(raw: bytes) -> str:
    """Text of the journal as Python reads it: a byte that is not UTF-8 (written by another
    program, or flipped on the disk) becomes U+FFFD instead of an error that stops the reader
    (it stopped the app at its start)."""
    return str(raw, "utf-8", "replace")


def is_busy(exc: BaseException) -> bool:
    """Whether another connection held the file (SQLite's "database is locked")."""
    code = getattr(exc, "sqlite_errorcode", None) or 0
    return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)


def is_refusal(exc: BaseException) -> bool:
    """Whether the disk (or another program) refused for now: worth trying again later."""
    return isinstance(exc, (sqlite3.OperationalError, OSError)) and not is_damage(exc)


def is_damage(exc: BaseException) -> bool:
    """Whether SQLite said the journal file itself is damaged (not merely refused a write)."""
    if isinstance(exc, JournalDamagedError):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    return (
        isinstance(exc, sqlite3.DatabaseError)
        and code is not None
        and code & 0xFF
        in (
            SQLITE_CORRUPT,
            SQLITE_NOTADB,
        )
    )


def _open_error(path: Path, exc: sqlite3.DatabaseError) -> JournalError:
    """What to raise when SQLite would not open the journal at ``path``."""
    if is_busy(exc):
        return JournalBusyError(f"{path}: cannot open the journal now ({BUSY})")
    kind = JournalDamagedError if is_damage(exc) else JournalError
    return kind(f"{path}: cannot open the journal: {exc}")


def _too_new(path: Path, version: int) -> JournalTooNewError:
    return JournalTooNewError(
        f"{path}: schema version {version} is newer than this program knows "
        f"({SCHEMA_VERSION}); update POS Coach"
    )


def slow_update(path: Path) -> bool:
    """Whether the journal at ``path`` is of an older version whose update rewrites tables
    (seconds to minutes on a big journal). Only looks: a file that cannot be read says no, and
    opening it the usual way then says what is wrong."""
    if not Path(path).is_file():
        return False
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    if version == 0:  # a file just made: nothing in it to rewrite
        return False
    return any(step + 1 in SLOW_MIGRATIONS for step in range(version, SCHEMA_VERSION))


class Journal:
    def __init__(self, path: Path, progress: Progress | None = None) -> None:
        """Open (or make) the journal at ``path``, bringing an older one up to date first;
        ``progress`` hears how far that is (0 to 1) when it takes a while."""
        self.path = Path(path)
        self._progress = progress
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.reader = False  # see :meth:`read_only`
        self.conn = self._connect()
        self._db: Any = None
        self._reserved: int | None = None  # the last place kept by :meth:`reserve`
        self._recovering: int | None = None  # the last place of events being recovered
        self._migrate()
        self._recovering = self._recovery_floor()

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.reader:
                conn = sqlite3.connect(read_only_uri(self.path), uri=True, check_same_thread=False)
                conn.text_factory = readable_text
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
                self.wal = mode == "wal"
                return conn
            _create_private(self.path)
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.text_factory = readable_text
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as exc:
            raise _open_error(self.path, exc) from exc
        self.wal = mode == "wal"
        # SQLite keeps the log beside the file a symbolic link points to
        self.base = Path(os.path.realpath(self.path))
        self.files = {s: _identity(Path(f"{self.base}{s}")) for s in ("", "-wal", "-shm")}
        self._log_size = 0
        return conn

    # set while the journal's folder cannot be written: see :meth:`waiting`
    waiting_for: str | None = None

    @classmethod
    def in_dir(cls, data_dir: Path, progress: Progress | None = None) -> Journal:
        return cls(Path(data_dir) / JOURNAL_FILE, progress)

    # set when the file is known to be damaged but could not be replaced yet (a full disk)
    damaged_for: str | None = None

    # set when the file is being brought up to this version by the writer (see :meth:`waiting`)
    updating: bool = False

    @classmethod
    def waiting(
        cls, path: Path, reason: str, damaged: str | None = None, updating: bool = False
    ) -> Journal:
        """A journal whose file cannot be opened now (its folder cannot be written): it reads
        as empty, refuses appends with ``reason`` (so the counter keeps them in memory), and
        opens the real file at the first append that finds it writable. ``damaged``: the file
        is damaged and waits to be replaced (the writer does it as soon as it can).
        ``updating``: the file is of an older version and takes a while to bring forward, which
        the writer does on its own thread while the counter works (see :func:`slow_update`)."""
        journal = cls(Path(":memory:"))
        journal.path = Path(path)
        journal.waiting_for = reason
        journal.damaged_for = damaged
        journal.updating = updating
        return journal

    @classmethod
    def on_read_only_disk(cls, path: Path) -> Journal:
        """The journal at ``path`` in a folder that cannot be written (a backup on a locked USB
        stick, a read-only share), only to read: SQLite reads such a file as one that nothing
        changes, which it cannot while that is so. One of an older version cannot be read so
        (it would have to be brought forward first), nor one whose log still holds events."""
        path = Path(path)
        log = Path(f"{path}-wal")
        if log.exists() and log.stat().st_size > 0:
            raise JournalError(
                f"{path}: the folder cannot be written and the journal's log ({log.name}) still"
                " holds events: copy both files to a folder that can be written, or make a"
                " backup (pos-coach backup) where the journal was written"
            )
        try:
            conn = sqlite3.connect(f"{read_only_uri(path)}&immutable=1", uri=True)
            conn.text_factory = readable_text
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise _open_error(path, exc) from exc
        if version != SCHEMA_VERSION:
            conn.close()
            if version > SCHEMA_VERSION:
                raise _too_new(path, version)
            raise JournalError(
                f"{path}: the journal is of an older version of POS Coach and the folder cannot"
                " be written, so it cannot be brought up to this one: copy it to a folder that"
                " can be written and run the command there"
            )
        journal = cls.__new__(cls)
        journal.path, journal.conn, journal.reader, journal.wal = path, conn, True, False
        journal._db, journal._progress = None, None
        journal._reserved = journal._recovering = None
        return journal

    def retry_open(self) -> bool:
        """For a waiting journal: open the real file if its folder can be written now."""
        if self.waiting_for is not None:
            with contextlib.suppress(sqlite3.Error):
                self._open_for_real()
        return self.waiting_for is None

    def _open_for_real(self) -> None:
        from pos_coach.paths import unwritable

        # SQLite would open a journal on a read-only disk read-only without a word, and every
        # connection of this process to it would then share its read-only state for good
        problem = unwritable(self.path.parent)
        if problem is not None:
            raise sqlite3.OperationalError(problem)
        try:
            real = Journal(self.path)
        except (JournalError, OSError, sqlite3.Error) as exc:
            raise sqlite3.OperationalError(self.waiting_for or str(exc)) from exc
        self.conn.close()
        self.conn, self.wal, self._db, self.waiting_for = real.conn, real.wal, None, None
        self._recovering = real._recovering
        if self.reader:
            self.reopen()

    def read_only(self) -> Journal:
        """From now on only read, through a read-only connection: the app's readers (the
        counter's phrase history, the editor's) leave every write to the journal's writer.
        Such a connection never writes the file, not even the checkpoint SQLite makes when
        the last connection closes, so one left on an old log (see :meth:`reopen`) can
        never copy stale pages in."""
        self.reader = True
        if self.waiting_for is None and str(self.path) != ":memory:":
            self.reopen()
        return self

    def reopen(self) -> None:
        """Close this connection and open the file at :attr:`path` again: after the writer
        replaced a damaged journal, or made a new write-ahead log after the old one was deleted,
        a reader's old connection still sees the old files."""
        if self.waiting_for is not None or str(self.path) == ":memory:":
            return
        old = self.conn
        self.conn = self._connect()  # before the old one closes: were that the last connection,
        with contextlib.suppress(sqlite3.Error):  # closing it would copy the whole log in now
            old.close()
        self._db = None
        if not self.reader:
            self._migrate()
        self._recovering = self._recovery_floor()  # places kept by :meth:`reserve` stay kept

    def _migrate(self) -> None:
        conn = self.conn
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            kind = JournalDamagedError if is_damage(exc) else JournalError
            raise kind(f"{self.path}: not a journal database: {exc}") from exc
        if version > SCHEMA_VERSION:
            raise _too_new(self.path, version)
        try:
            migrate(conn, version, self._progress)
        except sqlite3.Error as exc:  # the journal is as it was: each step is one transaction
            if is_damage(exc):
                raise JournalDamagedError(f"{self.path}: {exc}") from exc
            if is_busy(exc):
                raise JournalBusyError(
                    f"{self.path}: cannot update the journal to this version now ({BUSY})"
                ) from exc
            raise JournalError(
                f"{self.path}: cannot update the journal to this version: {exc}"
                " (it is kept as it was)"
            ) from exc

    @property
    def db(self) -> Any:
        """The journal as a sqlite-utils Database (imported on first use: it is slow to load)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # -- writing --------------------------------------------------------------------------------
    def append(self, event: Event) -> None:
        """Write one event; returns only once it is committed."""
        self.append_many([event])

    def append_many(self, events: Sequence[Event], at: int | None = None) -> None:
        """Write ``events`` in one transaction, in order; returns once they are committed.

        An event already in the journal (same id) is left as it is, so writing again after an
        unclear error never makes a duplicate. ``at`` is the place (rowid) of the first event
        for events written into places kept for them (:meth:`reserve`); new events always go
        after every place kept, so the journal's order stays the order things happened.
        """
        if self.waiting_for is not None:
            self._open_for_real()  # raises while the folder still cannot be written
        if not events:
            return
        rows = [event.values() for event in events]
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if at is not None:
                insert_at(conn, [[at + n, *row] for n, row in enumerate(rows)])
            else:
                first = 0
                floor = self._floor()
                if floor is not None:
                    latest = conn.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0
                    if latest <= floor:
                        insert_at(conn, [[floor + 1, *rows[0]]])
                        first = 1
                conn.executemany(INSERT, rows[first:])
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        if at is None:
            self._reserved = self._recovering = None  # new events are past every kept place

    def reserve(self, count: int) -> int:
        """Keep ``count`` places after the last event (and after places kept before) for
        events to be written later with ``append_many(..., at=...)``; returns the first."""
        latest = self.conn.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0
        first = max(latest, self._floor() or 0) + 1
        self._reserved = first + count - 1
        return first

    def write_rows(self, rows: Iterable[Sequence[Any]], batch: int = 10_000) -> int:
        """Write plain rows (the values of :data:`COLUMNS`, in order) in the caller's open
        transaction, ``batch`` at a time; their number. For bulk writers such as the demo."""
        from itertools import islice

        written = 0
        iterator = iter(rows)
        while chunk := list(islice(iterator, batch)):
            self.conn.executemany(INSERT, chunk)
            written += len(chunk)
        return written

    def _floor(self) -> int | None:
        """The last place kept for events still to be written; new events go after it."""
        kept = [p for p in (self._reserved, self._recovering) if p is not None]
        return max(kept) if kept else None

    def _recovery_floor(self) -> int | None:
        """While a damaged journal's events are still being copied in, the last of their
        places; None otherwise."""
        try:
            row = self.conn.execute(
                "SELECT max(last_rowid) FROM recovered WHERE done_at IS NULL"
            ).fetchone()
        except sqlite3.OperationalError:  # an in-memory journal being migrated, say
            return None
        if not row or row[0] is None:
            return None
        latest = self.conn.execute("SELECT max(rowid) FROM events").fetchone()[0] or 0
        return int(row[0]) if latest <= int(row[0]) else None

    def checkpoint(self, mode: str = "PASSIVE") -> None:
        """Copy what the write-ahead log holds into the journal file itself."""
        if self.wal:
            self.conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()

    # -- reading --------------------------------------------------------------------------------
    def events(self, where: str | None = None, params: list[Any] | None = None) -> Iterator[Event]:
        """Events in the order they were written, optionally filtered by an SQL ``where``.

        The order is the journal's own (rowid), never the wall clock, which a till may set
        back."""
        sql = f"SELECT {', '.join(COLUMNS)} FROM events"
        if where:
            sql += f" WHERE {where}"
        for record in self.conn.execute(f"{sql} ORDER BY rowid", params or []):
            yield Event.from_row(dict(zip(COLUMNS, record, strict=True)))

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM events").fetchone()[0])

    def phrase_uses(self) -> list[tuple[str, str, str, int]]:
        """``(cashier, situation, phrase, sequence of the latest use)`` for phrase rotation.

        Read from the small ``phrase_uses`` table (kept by a trigger), not from every event.
        """
        sql = "SELECT cashier, situation, phrase, seq FROM phrase_uses"
        return [tuple(row) for row in self.conn.execute(sql)]

    def health_check(self) -> None:
        """Read the journal's own pages a start-up cannot do without (the latest events, the
        phrase history, the schema); a damaged file raises ``sqlite3.DatabaseError`` here."""
        self.conn.execute("SELECT max(rowid) FROM events").fetchone()
        self.conn.execute("SELECT count(*) FROM phrase_uses").fetchone()
        self.conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()

    def quick_check(self) -> str | None:
        """SQLite's own check of every page, with the write-ahead log: None when it finds
        nothing wrong, else its first finding. Reads the whole file: seconds on a big one."""
        rows = [row[0] for row in self.conn.execute("PRAGMA quick_check(5)")]
        return None if rows == ["ok"] else "; ".join(str(r) for r in rows)

    def log_state(self) -> str:
        """What became of the write-ahead log this connection writes to, since it was opened:
        ``ok``; ``missing`` (deleted while the app runs) or ``replaced`` (another file put in
        its place, say by a sync tool): this connection still holds the real one; ``shrunk``
        (cut short in place): what it held since the last checkpoint is gone from the disk."""
        if not self.wal or not getattr(self, "files", None):
            return "ok"
        try:
            info = os.stat(f"{self.base}-wal")
        except OSError:
            return "missing"
        identity = (info.st_dev, info.st_ino)
        recorded = self.files.get("-wal")
        if recorded is None:  # made after this connection opened
            self.files["-wal"] = identity
        elif identity != recorded:
            return "replaced"
        elif info.st_size < self._log_size or not _log_header_whole(f"{self.base}-wal"):
            return "shrunk"
        self._log_size = info.st_size
        return "ok"

    def file_moved(self) -> bool:
        """Whether the file at :attr:`path` is no longer the one this connection writes to
        (deleted, moved away or replaced while the app runs): SQLite then goes on writing
        into a file nobody else can see."""
        identity = getattr(self, "files", {}).get("")
        return identity is not None and _identity(self.path) != identity

    def own_companions(self) -> list[Path]:
        """This connection's -wal and -shm files still at their names (see :meth:`file_moved`:
        beside a file put back, or another one, they must never be taken for its log)."""
        files = getattr(self, "files", {})
        return [
            Path(f"{self.base}{s}")
            for s in ("-wal", "-shm")
            if files.get(s) is not None and _identity(Path(f"{self.base}{s}")) == files[s]
        ]

    def close(self) -> None:
        self.conn.close()


WAL_MAGIC = (0x377F0682, 0x377F0683)


def _log_header_whole(path: str) -> bool:
    """Whether a write-ahead log still starts with its header (a log cut to nothing in place
    and written again starts with zeros)."""
    try:
        with open(path, "rb") as file:
            head = file.read(4)
    except OSError:
        return True  # gone: told apart by the caller
    return len(head) < 4 or int.from_bytes(head, "big") in WAL_MAGIC


def _create_private(path: Path) -> None:
    """A new journal file is readable by this user only (it holds cashiers' names); SQLite
    gives its -wal and -shm files the same mode."""
    if str(path) == ":memory:" or path.exists():
        return
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _identity(path: Path | str) -> tuple[int, int] | None:
    """Which file is at ``path`` now (device and inode; None when there is none)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if info.st_ino else None


def insert_at(conn: sqlite3.Connection, rows: list[list[Any]]) -> None:
    """Insert events at the places given (each row: rowid, then the columns); an event whose
    place is taken after all goes at the end instead: never lost, never a duplicate."""
    try:
        conn.execute("SAVEPOINT places")
        conn.executemany(INSERT_AT, rows)
        conn.execute("RELEASE places")
    except sqlite3.IntegrityError:
        conn.execute("ROLLBACK TO places")
        conn.execute("RELEASE places")
        for row in rows:
            try:
                conn.execute(INSERT_AT, row)
            except sqlite3.IntegrityError:
                conn.execute(INSERT, row[1:])
