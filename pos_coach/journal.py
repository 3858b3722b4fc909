"""The journal: an append-only SQLite log of what happened at the counter (no Qt).

One row per event in the table ``events``; the schema version lives in ``PRAGMA user_version``
and only moves forward through :data:`MIGRATIONS`. ``append`` returns after the commit, with
``synchronous=FULL`` in WAL mode, so an event whose append returned survives an app crash and a
power cut.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

JOURNAL_FILE = "journal.db"

KINDS = (
    "shift_start",
    "shift_end",
    "shown",
    "said",
    "outcome",
    "dismissed",
    "note",
    "card_edited",  # the owner changed a card: detail says what (the editor's audit trail)
)
SOURCES = ("touch", "hotkey", "search", "trigger", "http")
OUTCOMES = ("upset", "ok", "wow", "escalated")

COLUMNS: dict[str, type] = {
    "id": str,
    "at": str,
    "store": str,
    "register": str,
    "cashier": str,
    "interaction": str,
    "kind": str,
    "situation": str,
    "card_rev": str,
    "lang": str,
    "source": str,
    "phrase": str,
    "outcome": str,
    "detail": str,
}


def utc_now() -> str:
    """The current time as UTC ISO 8601 with milliseconds, e.g. ``2026-11-23T10:15:02.123Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def new_id() -> str:
    import uuid  # on first use: it costs start-up time (it imports platform)

    return str(uuid.uuid4())


@dataclass(frozen=True)
class Event:
    kind: str
    cashier: str | None = None
    store: str | None = None
    register: str | None = None
    interaction: str | None = None
    situation: str | None = None
    card_rev: str | None = None
    lang: str | None = None
    source: str | None = None
    phrase: str | None = None
    outcome: str | None = None
    detail: dict[str, Any] | None = None
    id: str = field(default_factory=new_id)
    at: str = field(default_factory=utc_now)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown event kind {self.kind!r}")
        if self.source is not None and self.source not in SOURCES:
            raise ValueError(f"unknown source {self.source!r}")
        if self.outcome is not None and self.outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {self.outcome!r}")

    def row(self) -> dict[str, Any]:
        data = asdict(self)
        data["detail"] = (
            None if self.detail is None else json.dumps(self.detail, ensure_ascii=False)
        )
        return data

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Event:
        data = dict(row)
        if data.get("detail"):
            data["detail"] = json.loads(data["detail"])
        return cls(**data)


class JournalError(Exception):
    """The journal cannot be used; the message says why and which file."""


# Written out by hand so that `sqlite3 journal.db .schema` explains itself.
_EVENTS = """
CREATE TABLE events (  -- POS Coach journal: one row per thing that happened, never changed
    id TEXT PRIMARY KEY NOT NULL,  -- UUID of the event
    at TEXT NOT NULL,          -- when, UTC, ISO 8601 with milliseconds: 2026-11-23T10:15:02.123Z
    store TEXT,                -- shop name (settings)
    register TEXT,             -- which till
    cashier TEXT,              -- who was at the till (name picked at the start of the shift)
    interaction TEXT,          -- groups the events of one card shown (shown, said, outcome...)
    kind TEXT NOT NULL,        -- shown, said, outcome, dismissed, note, shift_start, card_edited...
    situation TEXT,            -- card id, e.g. gate-alarm (the same in every language)
    card_rev TEXT,             -- hash of the card text shown: tells old wording from new
    lang TEXT,                 -- language of the card shown: ru, en
    source TEXT,               -- how it was opened: touch, hotkey, search, trigger, http
    phrase TEXT,               -- the phrasing shown or said, as written in the card
    outcome TEXT,              -- upset, ok, wow, escalated (called the shift lead)
    detail TEXT                -- JSON for anything else
)
"""


def _v1(conn: sqlite3.Connection) -> None:
    conn.execute(_EVENTS)
    for name, columns in (
        ("events_at", '"at"'),
        ("events_situation_at", '"situation", "at"'),
        ("events_cashier_at", '"cashier", "at"'),
        ("events_kind_at", '"kind", "at"'),
        ("events_interaction", '"interaction"'),
    ):
        conn.execute(f'CREATE INDEX "{name}" ON "events" ({columns})')


# One row per interaction (a card shown), kept by triggers in the same transaction as the events
# it summarises, so that reports read one row per card shown instead of every event. It is
# derived data: it can always be rebuilt from ``events`` (migration 2 does exactly that).
_INTERACTIONS = """
CREATE TABLE interactions (  -- one row per card shown, kept from events by triggers (for reports)
    interaction TEXT PRIMARY KEY,  -- the interaction id of its events
    at TEXT,                   -- when the card was shown, UTC
    store TEXT,
    register TEXT,
    cashier TEXT,
    situation TEXT,            -- card id
    card_rev TEXT,
    lang TEXT,
    source TEXT,               -- touch, hotkey, search, trigger, http
    phrase TEXT,               -- the phrasing on screen when it ended (else the one first shown)
    said INTEGER NOT NULL DEFAULT 0,  -- how many times "said" was tapped
    outcome TEXT,              -- upset, ok, wow, escalated; NULL when none was recorded
    ended_at TEXT,             -- when the outcome (or dismissal) was recorded, UTC
    dismissed INTEGER NOT NULL DEFAULT 0  -- 1 when the card was left without an outcome
)
"""
_INTERACTION_TRIGGERS = (
    """
    CREATE TRIGGER interactions_shown AFTER INSERT ON events
    WHEN NEW.kind = 'shown' AND NEW.interaction IS NOT NULL BEGIN
        INSERT INTO interactions (interaction, at, store, register, cashier, situation, card_rev,
                                  lang, source, phrase)
        VALUES (NEW.interaction, NEW.at, NEW.store, NEW.register, NEW.cashier, NEW.situation,
                NEW.card_rev, NEW.lang, NEW.source, NEW.phrase)
        ON CONFLICT (interaction) DO UPDATE SET
            at = excluded.at, store = excluded.store, register = excluded.register,
            cashier = excluded.cashier, situation = excluded.situation,
            card_rev = excluded.card_rev, lang = excluded.lang, source = excluded.source,
            phrase = coalesce(interactions.phrase, excluded.phrase);
    END
    """,
    """
    CREATE TRIGGER interactions_said AFTER INSERT ON events
    WHEN NEW.kind = 'said' AND NEW.interaction IS NOT NULL BEGIN
        INSERT INTO interactions (interaction, said, phrase) VALUES (NEW.interaction, 1, NEW.phrase)
        ON CONFLICT (interaction) DO UPDATE SET said = interactions.said + 1;
    END
    """,
    """
    CREATE TRIGGER interactions_outcome AFTER INSERT ON events
    WHEN NEW.kind = 'outcome' AND NEW.interaction IS NOT NULL BEGIN
        INSERT INTO interactions (interaction, outcome, ended_at, phrase)
        VALUES (NEW.interaction, NEW.outcome, NEW.at, NEW.phrase)
        ON CONFLICT (interaction) DO UPDATE SET
            outcome = excluded.outcome, ended_at = excluded.ended_at,
            phrase = coalesce(excluded.phrase, interactions.phrase);
    END
    """,
    """
    CREATE TRIGGER interactions_dismissed AFTER INSERT ON events
    WHEN NEW.kind = 'dismissed' AND NEW.interaction IS NOT NULL BEGIN
        INSERT INTO interactions (interaction, dismissed, ended_at)
        VALUES (NEW.interaction, 1, NEW.at)
        ON CONFLICT (interaction) DO UPDATE SET dismissed = 1,
            ended_at = coalesce(interactions.ended_at, excluded.ended_at);
    END
    """,
)


_BACKFILL = (
    """
    INSERT OR IGNORE INTO interactions (interaction, at, store, register, cashier, situation,
                                        card_rev, lang, source, phrase)
    SELECT interaction, at, store, register, cashier, situation, card_rev, lang, source, phrase
    FROM events WHERE kind = 'shown' AND interaction IS NOT NULL ORDER BY at, rowid
    """,
    """
    INSERT OR IGNORE INTO interactions (interaction)
    SELECT DISTINCT interaction FROM events WHERE interaction IS NOT NULL
    """,
    """
    UPDATE interactions SET said = (
        SELECT count(*) FROM events e WHERE e.interaction = interactions.interaction
        AND e.kind = 'said')
    """,
    """
    UPDATE interactions SET (outcome, ended_at, phrase) = (
        SELECT e.outcome, e.at, coalesce(e.phrase, interactions.phrase) FROM events e
        WHERE e.interaction = interactions.interaction AND e.kind = 'outcome'
        ORDER BY e.at DESC, e.rowid DESC LIMIT 1)
    WHERE EXISTS (SELECT 1 FROM events e WHERE e.interaction = interactions.interaction
                  AND e.kind = 'outcome')
    """,
    """
    UPDATE interactions SET dismissed = 1, ended_at = coalesce(ended_at, (
        SELECT min(e.at) FROM events e WHERE e.interaction = interactions.interaction
        AND e.kind = 'dismissed'))
    WHERE EXISTS (SELECT 1 FROM events e WHERE e.interaction = interactions.interaction
                  AND e.kind = 'dismissed')
    """,
)


def _v2(conn: sqlite3.Connection) -> None:
    """Interactions: one row per card shown, with how it ended, for fast reports."""
    conn.execute(_INTERACTIONS)
    for trigger in _INTERACTION_TRIGGERS:
        conn.execute(trigger)
    # build the rows for the events already there; the events themselves are not touched
    for statement in _BACKFILL:
        conn.execute(statement)
    # Reports count interactions by (one column or the hour, outcome) over a time range, with
    # optional filters: one covering index per grouping, in that order, so SQLite streams the
    # groups straight out of the index without sorting (a year of a busy till in ~100 ms).
    for name, columns in _REPORT_INDEXES.items():
        conn.execute(f"CREATE INDEX {name} ON interactions ({columns})")


_REPORT_INDEXES = {
    "interactions_time": "at, outcome, situation, cashier, lang, source",
    "interactions_hour": "substr(at, 1, 13), outcome, at, situation, cashier, lang",
    "interactions_by_outcome": "outcome, at, situation, cashier, lang",
    "interactions_by_situation": "situation, outcome, at, cashier, lang, phrase",
    "interactions_by_cashier": "cashier, outcome, at, situation, lang",
    "interactions_by_lang": "lang, outcome, at, situation, cashier",
    "interactions_by_source": "source, outcome, at, situation, cashier, lang",
}


# The latest use of each phrasing by each cashier, for rebuilding phrase rotation at start-up:
# a few hundred rows however long the journal grows (reading it from ``events`` took seconds
# on a million events). Derived like ``interactions``: kept by a trigger, rebuilt by migration 3.
_PHRASE_USES = """
CREATE TABLE phrase_uses (  -- last time each cashier was shown or said each phrasing (rotation)
    cashier TEXT NOT NULL,
    situation TEXT NOT NULL,   -- card id
    phrase TEXT NOT NULL,      -- the phrasing, as written in the card
    at TEXT NOT NULL,          -- the latest use, UTC
    PRIMARY KEY (cashier, situation, phrase)
) WITHOUT ROWID
"""
_PHRASE_USES_TRIGGER = """
CREATE TRIGGER phrase_uses_kept AFTER INSERT ON events
WHEN NEW.kind IN ('shown', 'said') AND NEW.phrase IS NOT NULL AND NEW.cashier IS NOT NULL
     AND NEW.situation IS NOT NULL BEGIN
    INSERT INTO phrase_uses (cashier, situation, phrase, at)
    VALUES (NEW.cashier, NEW.situation, NEW.phrase, NEW.at)
    ON CONFLICT (cashier, situation, phrase) DO UPDATE SET at = max(at, excluded.at);
END
"""


def _v3(conn: sqlite3.Connection) -> None:
    """Phrase uses: the rotation's memory in a small table instead of a scan of every event."""
    conn.execute(_PHRASE_USES)
    conn.execute(_PHRASE_USES_TRIGGER)
    conn.execute(
        "INSERT INTO phrase_uses (cashier, situation, phrase, at) "
        "SELECT cashier, situation, phrase, max(at) FROM events "
        "WHERE kind IN ('shown', 'said') AND phrase IS NOT NULL AND cashier IS NOT NULL "
        "AND situation IS NOT NULL GROUP BY cashier, situation, phrase"
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3]
SCHEMA_VERSION = len(MIGRATIONS)

# ON CONFLICT: writing an event again (a retry after an error) never makes a duplicate
_INSERT = "INSERT INTO events ({cols}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING".format(
    cols=", ".join(COLUMNS), marks=", ".join("?" for _ in COLUMNS)
)
# how long a write waits for another program's lock before the event is queued instead
BUSY_TIMEOUT_MS = 2  # the UI thread never waits longer on another program (DESIGN: 2 ms)


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as exc:
            raise JournalError(f"{self.path}: cannot open the journal: {exc}") from exc
        self.wal = mode == "wal"
        self.conn = conn
        self._db: Any = None
        self._migrate()

    # set while the journal's folder cannot be written: see :meth:`waiting`
    waiting_for: str | None = None

    @classmethod
    def in_dir(cls, data_dir: Path) -> Journal:
        return cls(Path(data_dir) / JOURNAL_FILE)

    @classmethod
    def waiting(cls, path: Path, reason: str) -> Journal:
        """A journal whose file cannot be opened now (its folder cannot be written): it reads
        as empty, refuses appends with ``reason`` (so the counter keeps them in memory), and
        opens the real file at the first append that finds it writable."""
        journal = cls(Path(":memory:"))
        journal.path = Path(path)
        journal.waiting_for = reason
        return journal

    def retry_open(self) -> bool:
        """For a waiting journal: open the real file if its folder can be written now."""
        if self.waiting_for is not None:
            with contextlib.suppress(sqlite3.Error):
                self._open_for_real()
        return self.waiting_for is None

    def _open_for_real(self) -> None:
        try:
            real = Journal(self.path)
        except (JournalError, OSError, sqlite3.Error) as exc:
            raise sqlite3.OperationalError(self.waiting_for or str(exc)) from exc
        self.conn.close()
        self.conn, self.wal, self._db, self.waiting_for = real.conn, real.wal, None, None

    def _migrate(self) -> None:
        conn = self.conn
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise JournalError(f"{self.path}: not a journal database: {exc}") from exc
        if version > SCHEMA_VERSION:
            raise JournalError(
                f"{self.path}: schema version {version} is newer than this program knows "
                f"({SCHEMA_VERSION}); update POS Coach"
            )
        for number in range(version, SCHEMA_VERSION):
            conn.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[number](conn)
                conn.execute(f"PRAGMA user_version = {number + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

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

    def append(self, event: Event) -> None:
        """Write one event; returns only once it is committed."""
        if self.waiting_for is not None:
            self._open_for_real()  # raises while the folder still cannot be written
        row = event.row()
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(_INSERT, [row[c] for c in COLUMNS])
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise

    def events(self, where: str | None = None, params: list[Any] | None = None) -> Iterator[Event]:
        """Events oldest first, optionally filtered by an SQL ``where`` clause."""
        sql = f"SELECT {', '.join(COLUMNS)} FROM events"
        if where:
            sql += f" WHERE {where}"
        for record in self.conn.execute(f"{sql} ORDER BY at, rowid", params or []):
            yield Event.from_row(dict(zip(COLUMNS, record, strict=True)))

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM events").fetchone()[0])

    def phrase_uses(self) -> list[tuple[str, str, str, str]]:
        """``(cashier, situation, phrase, last used at)`` for rebuilding phrase rotation.

        Read from the small ``phrase_uses`` table (kept by a trigger), not from every event.
        """
        sql = "SELECT cashier, situation, phrase, at FROM phrase_uses"
        return [tuple(row) for row in self.conn.execute(sql)]  # type: ignore[misc]

    def health_check(self) -> None:
        """Read the journal's own pages a start-up cannot do without (the latest events, the
        phrase history, the schema); a damaged file raises ``sqlite3.DatabaseError`` here."""
        self.conn.execute("SELECT max(rowid) FROM events").fetchone()
        self.conn.execute("SELECT count(*) FROM phrase_uses").fetchone()
        self.conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()

    def close(self) -> None:
        self.conn.close()


def set_aside(path: Path) -> Path:
    """Move a damaged journal (and its -wal/-shm files) aside under a name of its own, never
    replacing anything and never deleting (:func:`pos_coach.paths.keep_aside`)."""
    from pos_coach.paths import keep_aside

    return keep_aside(path, "damaged", companions=("-wal", "-shm"))


def _check_length(path: Path) -> None:
    """A journal cut short (a copy that stopped half-way, a disk that lost its end) is shorter
    than its own header says; SQLite would only notice when a report reads the missing part."""
    try:
        with open(path, "rb") as file:
            header = file.read(100)
            size = os.fstat(file.fileno()).st_size
    except FileNotFoundError:
        return
    except OSError as exc:
        raise JournalError(f"{path}: cannot read the journal: {exc.strerror or exc}") from exc
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return  # not a database at all: opening it says so
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[92:96] == header[24:28]  # else the count is stale (old writers)
    if header_valid and size < pages * page_size:
        raise JournalError(
            f"{path}: the file is cut short ({size} bytes; its header says {pages * page_size})"
        )


def open_or_start_fresh(data_dir: Path) -> tuple[Journal, tuple[str, str] | None]:
    """The journal of ``data_dir``; a damaged one is kept aside and a fresh one started.

    Returns the journal and, when that happened, (the name it was kept as, the reason).
    """
    path = Path(data_dir) / JOURNAL_FILE
    from pos_coach.paths import unwritable

    problem = unwritable(Path(data_dir))
    if problem is not None:  # not damaged: out of reach for now (read-only disk, no rights)
        return Journal.waiting(path, problem), None
    journal: Journal | None = None
    try:
        _check_length(path)
        journal = Journal(path)
        journal.health_check()
        return journal, None
    except (JournalError, sqlite3.DatabaseError) as exc:
        reason = str(exc).split(": ", 1)[-1] if isinstance(exc, JournalError) else str(exc)
        if journal is not None:
            with contextlib.suppress(sqlite3.Error):
                journal.close()
    kept = set_aside(path)
    return Journal(path), (kept.name, reason)


RETRY_SECONDS = 2.0  # how often a refused write is tried again
WRITER_CACHE_KIB = 512  # page cache of the writer's connection (SQLite's default is 2,000 KiB)


class Appender:
    """Commits events on a thread of its own, oldest first, each once.

    The caller (the counter, on the UI thread) only hands an event over and goes on: a commit
    with ``synchronous=FULL`` waits for the disk, sometimes for several milliseconds, and the
    UI thread must never wait that long. When the disk refuses (full, read-only, locked by
    another program) the events wait here, in order, and the writer tries again every
    :data:`RETRY_SECONDS` (or at once on :meth:`flush`). ``listeners`` are called from the
    writer's thread after every commit or refusal.
    """

    def __init__(self, journal: Journal, retry_seconds: float = RETRY_SECONDS) -> None:
        self.journal = journal
        self.retry_seconds = retry_seconds
        self.listeners: list[Callable[[], None]] = []
        self.last_error: str | None = None
        self._queue: deque[Event] = deque()  # not yet committed, oldest first
        self._appended = 0  # events handed over so far (the last one's number)
        self._committed = 0  # events committed so far (in order: numbers 1.._committed)
        self._attempts = 0  # failed attempts so far
        self._wake = False
        self._stopping = False
        self._cv = threading.Condition()
        self._thread: threading.Thread | None = None

    # -- the caller's side --------------------------------------------------------------------
    def append(self, event: Event) -> int:
        """Hand ``event`` over for writing; returns its number (see :meth:`state`)."""
        with self._cv:
            self._queue.append(event)
            self._appended += 1
            number = self._appended
            if (self._thread is None or not self._thread.is_alive()) and not self._stopping:
                self._thread = threading.Thread(
                    target=self._run, name="pos-coach-journal-writer", daemon=True
                )
                self._thread.start()
            self._cv.notify_all()
        return number

    @property
    def pending(self) -> list[Event]:
        """Events handed over and not yet committed, oldest first."""
        with self._cv:
            return list(self._queue)

    @property
    def last_number(self) -> int:
        return self._appended

    def state(self, number: int) -> str:
        """``committed``, ``waiting`` (the disk refused the events before it) or ``writing``."""
        with self._cv:
            if number <= self._committed:
                return "committed"
            return "waiting" if self.last_error is not None else "writing"

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every event handed over is committed (True), or the disk refused once
        more, or ``timeout`` passed (False). For tests and for closing, never the UI."""
        with self._cv:
            attempts = self._attempts
            self._wake = True
            self._cv.notify_all()
            self._cv.wait_for(lambda: not self._queue or self._attempts > attempts, timeout)
            return not self._queue

    def close(self, timeout: float = 5.0) -> None:
        """Write what can be written, then stop the writer; what the disk refused stays in
        :attr:`pending` (to be spilled)."""
        with self._cv:
            self._stopping = True
            self._cv.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    # -- the writer's thread ------------------------------------------------------------------
    def _run(self) -> None:
        target: Journal | None = None
        try:
            while True:
                with self._cv:
                    self._cv.wait_for(lambda: bool(self._queue) or self._stopping)
                    if not self._queue:
                        return  # stopping, all written
                    event = self._queue[0]
                try:
                    if target is None:
                        target = self._open()
                    target.append(event)
                except Exception as exc:  # the disk refused (or worse): keep it, try again
                    if not self._refused(exc):
                        return  # stopping: what is left is spilled by the caller
                    continue
                with self._cv:
                    self._queue.popleft()
                    self._committed += 1
                    self.last_error = None
                    self._cv.notify_all()
                self._tell()
        finally:
            if target is not None and target is not self.journal:
                with contextlib.suppress(sqlite3.Error):
                    target.close()

    def _open(self) -> Journal:
        """The writer's own connection (an in-memory journal can only share its one)."""
        if str(self.journal.path) == ":memory:":
            return self.journal
        journal = Journal(self.journal.path)
        # it only appends: the pages it needs are the ends of each index, so a small cache
        journal.conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
        return journal

    def _refused(self, exc: Exception) -> bool:
        """Note the refusal and wait before the next try; False when it is time to stop."""
        with self._cv:
            self.last_error = _reason(exc)
            self._attempts += 1
            self._wake = False
            self._cv.notify_all()
        self._tell()
        with self._cv:
            self._cv.wait_for(lambda: self._wake or self._stopping, self.retry_seconds)
            self._wake = False
            return not self._stopping

    def _tell(self) -> None:
        for listener in list(self.listeners):
            with contextlib.suppress(Exception):  # a listener never stops the writer
                listener()


def _reason(exc: Exception) -> str:
    """Why the disk refused, in a line a shop can act on (``folder: Read-only file system``)."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return str(exc) or type(exc).__name__


SPILL_GLOB = "journal.pending-*.jsonl"


def _spill_places(data_dir: Path) -> list[tuple[Path, str]]:
    """Beside the journal; else the temp folder, under a name that says whose events they are."""
    from pos_coach.inlet.address import data_dir_tag

    tag = data_dir_tag(data_dir)
    return [
        (Path(data_dir), SPILL_GLOB),
        (Path(tempfile.gettempdir()), SPILL_GLOB.replace("*", f"{tag}-*")),
    ]


def spill(events: Iterable[Event], data_dir: Path) -> Path | None:
    """At exit, events still waiting go to a JSON-lines file beside the journal (or, if the
    folder refuses, in the temp folder); the next start writes them in. Returns the file."""
    rows = [json.dumps(e.row(), ensure_ascii=False) for e in events]
    if not rows:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    for folder, pattern in _spill_places(data_dir):
        target = folder / pattern.replace("*", stamp)
        try:
            target.write_text("\n".join(rows) + "\n", "utf-8")
            return target
        except OSError:
            continue
    return None


def take_in_spilled(journal: Journal, data_dir: Path) -> int:
    """Write in events spilled by an earlier run (each once), then mark their files done."""
    taken = 0
    if journal.waiting_for is not None:
        return 0  # the journal cannot be written yet: the files wait for a later start
    for folder, pattern in _spill_places(data_dir):
        for path in sorted(folder.glob(pattern)):
            try:
                lines = path.read_text("utf-8").splitlines()
                for line in lines:
                    if line.strip():
                        journal.append(Event.from_row(json.loads(line)))
                        taken += 1
                path.replace(path.with_suffix(".imported"))
            except (OSError, ValueError, TypeError, sqlite3.Error):
                continue  # left in place: tried again at the next start
    return taken
