"""The journal's schema: tables, indexes and triggers, and the migrations that build them (no Qt).

The schema version lives in ``PRAGMA user_version`` and only moves forward through
:data:`MIGRATIONS`, one function per version, each run in its own transaction.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable

from pos_coach.journal.events import COLUMNS

Progress = Callable[[float], None]  # told the share of a migration done, 0 to 1

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


def _v2(conn: sqlite3.Connection, progress: Progress | None = None) -> None:
    """Interactions: one row per card shown, with how it ended, for fast reports."""
    conn.execute(_INTERACTIONS)
    for trigger in _INTERACTION_TRIGGERS:
        conn.execute(trigger)
    _replay_interactions(conn, progress)
    # Reports count interactions by (one column or the hour, outcome) over a time range, with
    # optional filters: one covering index per grouping, in that order, so SQLite streams the
    # groups straight out of the index without sorting (a year of a busy till in ~100 ms).
    for name, columns in _REPORT_INDEXES.items():
        conn.execute(f"CREATE INDEX {name} ON interactions ({columns})")


_REPLAYED = (
    "interaction, kind, at, store, register, cashier, situation, card_rev, lang, "
    "source, phrase, outcome"
)


def _replay_interactions(conn: sqlite3.Connection, progress: Progress | None) -> None:
    """Build the rows for the events already there exactly as the triggers would have, had
    they been there when the events were written: the events go, in the order they were
    written, through the same triggers on a scratch table (the events are not touched)."""
    conn.execute(f"CREATE TEMP TABLE replay AS SELECT {_REPLAYED} FROM events WHERE 0")
    for trigger in _INTERACTION_TRIGGERS:
        text = trigger.replace("CREATE TRIGGER interactions_", "CREATE TEMP TRIGGER replay_")
        # (names in a trigger's body are not qualified: ``interactions`` is the main one)
        conn.execute(text.replace("AFTER INSERT ON events", "AFTER INSERT ON replay"))
    last = conn.execute("SELECT coalesce(max(rowid), 0) FROM events").fetchone()[0]
    parts = 20
    for part in range(parts):
        low, high = last * part // parts, last * (part + 1) // parts
        conn.execute(
            f"INSERT INTO temp.replay SELECT {_REPLAYED} FROM events WHERE rowid > ? AND "
            "rowid <= ? AND interaction IS NOT NULL ORDER BY rowid",
            (low, high),
        )
        conn.execute("DELETE FROM temp.replay")
        if progress is not None:
            progress((part + 1) / (parts + 1))
    conn.execute("DROP TABLE temp.replay")  # its triggers go with it


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


def _v3(conn: sqlite3.Connection, progress: Progress | None = None) -> None:
    """Phrase uses: the rotation's memory in a small table instead of a scan of every event."""
    conn.execute(_PHRASE_USES)
    conn.execute(_PHRASE_USES_TRIGGER)
    conn.execute(
        "INSERT INTO phrase_uses (cashier, situation, phrase, at) "
        "SELECT cashier, situation, phrase, max(at) FROM events "
        "WHERE kind IN ('shown', 'said') AND phrase IS NOT NULL AND cashier IS NOT NULL "
        "AND situation IS NOT NULL GROUP BY cashier, situation, phrase"
    )


# Version 4: phrase rotation follows the order in which things were written (the event's rowid),
# never the wall clock, which a till may set back (a corrected clock, a flat CMOS battery); and
# the journal remembers the damaged journals whose readable events were copied into it.
_PHRASE_USES_V4 = """
CREATE TABLE phrase_uses (  -- last time each cashier was shown or said each phrasing (rotation)
    cashier TEXT NOT NULL,
    situation TEXT NOT NULL,   -- card id
    phrase TEXT NOT NULL,      -- the phrasing, as written in the card
    at TEXT NOT NULL,          -- the latest use, UTC, as the till's clock had it
    seq INTEGER NOT NULL,      -- the latest use's place in the journal (its event's rowid)
    PRIMARY KEY (cashier, situation, phrase)
) WITHOUT ROWID
"""
_PHRASE_USES_TRIGGER_V4 = """
CREATE TRIGGER phrase_uses_kept AFTER INSERT ON events
WHEN NEW.kind IN ('shown', 'said') AND NEW.phrase IS NOT NULL AND NEW.cashier IS NOT NULL
     AND NEW.situation IS NOT NULL BEGIN
    INSERT INTO phrase_uses (cashier, situation, phrase, at, seq)
    VALUES (NEW.cashier, NEW.situation, NEW.phrase, NEW.at, NEW.rowid)
    ON CONFLICT (cashier, situation, phrase) DO UPDATE SET
        at = CASE WHEN excluded.seq > seq THEN excluded.at ELSE at END,
        seq = max(seq, excluded.seq);
END
"""
_RECOVERED = """
CREATE TABLE recovered (  -- damaged journals kept aside, whose readable events were copied here
    source TEXT PRIMARY KEY NOT NULL,  -- the damaged file's name, kept beside this journal
    reason TEXT,               -- what SQLite said about it
    found_at TEXT NOT NULL,    -- when the damage was found, UTC
    next_rowid INTEGER NOT NULL DEFAULT 0,  -- copying goes on after this rowid of the source
    last_rowid INTEGER NOT NULL DEFAULT 0,  -- the source's last rowid (or an upper bound)
    copied INTEGER NOT NULL DEFAULT 0,      -- events copied so far
    lost TEXT NOT NULL DEFAULT '[]',        -- rowid ranges of the source that could not be read
    scan_next INTEGER,         -- reading its pages as bytes for the rest: the next one (NULL: no)
    done_at TEXT               -- when copying finished, UTC (NULL: still going on)
)
"""


def _v4(conn: sqlite3.Connection) -> None:
    """Phrase uses ordered by the journal's own sequence; the ``recovered`` table."""
    conn.execute("DROP TRIGGER phrase_uses_kept")
    conn.execute("DROP TABLE phrase_uses")
    conn.execute(_PHRASE_USES_V4)
    conn.execute(_PHRASE_USES_TRIGGER_V4)
    # SQLite takes the bare column ``at`` from the row holding max(rowid)
    conn.execute(
        "INSERT INTO phrase_uses (cashier, situation, phrase, at, seq) "
        "SELECT cashier, situation, phrase, at, max(rowid) FROM events "
        "WHERE kind IN ('shown', 'said') AND phrase IS NOT NULL AND cashier IS NOT NULL "
        "AND situation IS NOT NULL GROUP BY cashier, situation, phrase"
    )
    conn.execute(_RECOVERED)


# Version 5: reports cost what the period costs. The covering indexes of version 2 made every
# report scan a whole index, and the journal ~870 MB per million events. Instead, counts are
# kept as events arrive, per UTC quarter-hour (every whole, half- and quarter-hour zone folds
# them exactly into local hours and days) and per UTC day for each grouping column; reports
# read them for the whole quarter-hours and days of a period and count the interactions of the
# few minutes at its edges. ``interactions`` keeps only what reports read, its time as integer
# milliseconds and its phrasing as a number (``phrases``).
_V5_DROPPED_INDEXES = (
    "events_situation_at",
    "events_cashier_at",
    "events_kind_at",
    "events_interaction",
    "interactions_time",
    "interactions_hour",
    "interactions_by_outcome",
    "interactions_by_situation",
    "interactions_by_cashier",
    "interactions_by_lang",
    "interactions_by_source",
)
_PHRASES = """
CREATE TABLE phrases (  -- every phrasing text once; interactions name it by number
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL UNIQUE
)
"""
_INTERACTIONS_V5 = """
CREATE TABLE interactions (  -- one row per card shown, kept from events by triggers (for reports)
    interaction TEXT PRIMARY KEY,  -- the interaction id of its events
    at INTEGER,                -- when the card was shown: milliseconds since 1970-01-01 UTC
    situation TEXT,            -- card id
    cashier TEXT,
    lang TEXT,
    source TEXT,               -- touch, hotkey, search, trigger, http
    phrase INTEGER,            -- phrases.id: on screen when it ended (else the one first shown)
    outcome TEXT,              -- upset, ok, wow, escalated; NULL when none was recorded
    said INTEGER NOT NULL DEFAULT 0,      -- how many times "said" was tapped
    dismissed INTEGER NOT NULL DEFAULT 0  -- 1 when the card was left without an outcome
)
"""
# ``at`` text to integer milliseconds (NULL when it is not a time SQLite can read)
_MS = "(CAST(strftime('%s', {0}) AS INTEGER) * 1000 + CAST(substr({0}, 21, 3) AS INTEGER))"
_PHRASE_ID = "(SELECT id FROM phrases WHERE text = NEW.phrase)"
_KEEP_PHRASE = (
    "INSERT OR IGNORE INTO phrases (text) SELECT NEW.phrase WHERE NEW.phrase IS NOT NULL;"
)
_INTERACTION_TRIGGERS_V5 = (
    f"""
    CREATE TRIGGER interactions_shown AFTER INSERT ON events
    WHEN NEW.kind = 'shown' AND NEW.interaction IS NOT NULL BEGIN
        {_KEEP_PHRASE}
        INSERT INTO interactions (interaction, at, situation, cashier, lang, source, phrase)
        VALUES (NEW.interaction, {_MS.format("NEW.at")}, NEW.situation, NEW.cashier, NEW.lang,
                NEW.source, {_PHRASE_ID})
        ON CONFLICT (interaction) DO UPDATE SET
            at = excluded.at, situation = excluded.situation, cashier = excluded.cashier,
            lang = excluded.lang, source = excluded.source,
            phrase = coalesce(interactions.phrase, excluded.phrase);
    END
    """,
    f"""
    CREATE TRIGGER interactions_said AFTER INSERT ON events
    WHEN NEW.kind = 'said' AND NEW.interaction IS NOT NULL BEGIN
        {_KEEP_PHRASE}
        INSERT INTO interactions (interaction, said, phrase)
        VALUES (NEW.interaction, 1, {_PHRASE_ID})
        ON CONFLICT (interaction) DO UPDATE SET said = interactions.said + 1;
    END
    """,
    f"""
    CREATE TRIGGER interactions_outcome AFTER INSERT ON events
    WHEN NEW.kind = 'outcome' AND NEW.interaction IS NOT NULL BEGIN
        {_KEEP_PHRASE}
        INSERT INTO interactions (interaction, outcome, phrase)
        VALUES (NEW.interaction, NEW.outcome, {_PHRASE_ID})
        ON CONFLICT (interaction) DO UPDATE SET
            outcome = excluded.outcome, phrase = coalesce(excluded.phrase, interactions.phrase);
    END
    """,
    """
    CREATE TRIGGER interactions_dismissed AFTER INSERT ON events
    WHEN NEW.kind = 'dismissed' AND NEW.interaction IS NOT NULL BEGIN
        INSERT INTO interactions (interaction, dismissed) VALUES (NEW.interaction, 1)
        ON CONFLICT (interaction) DO UPDATE SET dismissed = 1;
    END
    """,
)

# The counts. An interaction is counted once it has a time and a situation (as reports always
# did), under its outcome ('' while none); when its outcome (or anything counted) changes, it
# moves from the old counts to the new. Empty text stands for NULL in the keys.
QUARTER_MS = 900_000
DAY_MS = 86_400_000
TALLY_COLUMNS = ("situation", "cashier", "lang", "source")
_TALLY_QUARTER = """
    CREATE TABLE tally_quarter (  -- interactions per UTC quarter-hour, cashier and outcome
        q INTEGER NOT NULL,        -- quarter-hours since 1970-01-01 UTC
        cashier TEXT NOT NULL,     -- '' for none
        outcome TEXT NOT NULL,     -- '' for none recorded
        n INTEGER NOT NULL,
        PRIMARY KEY (q, cashier, outcome)
    ) WITHOUT ROWID
    """


def _per_column_table(table: str, unit: str, meaning: str) -> str:
    """The DDL of a count table per UTC ``unit`` (day, month) and value of one grouping column."""
    return f"""
    CREATE TABLE {table} (  -- interactions per UTC {unit} and value of one grouping column
        dim TEXT NOT NULL,         -- situation, cashier, lang or source
        {unit} INTEGER NOT NULL,{" " * (9 - len(unit))}-- {meaning}
        value TEXT NOT NULL,       -- the column's value ('' for none)
        cashier TEXT NOT NULL,
        outcome TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (dim, {unit}, value, cashier, outcome)
    ) WITHOUT ROWID
    """


def _floor_div(value: str, size: int) -> str:
    """SQL for ``value`` divided by ``size`` rounded down (SQLite rounds towards zero)."""
    return (
        f"(CASE WHEN {value} >= 0 THEN {value} / {size} ELSE ({value} - {size - 1}) / {size} END)"
    )


def _day_sql(ms: str) -> str:
    """SQL for the UTC day of ``ms`` (milliseconds) as days since 1970-01-01."""
    return _floor_div(ms, DAY_MS)


def _per_column_upsert(
    table: str, unit: str, unit_of: Callable[[str], str], row: str, delta: str
) -> str:
    """The statement adding ``delta`` to interaction ``row``'s counts in per-column ``table``."""
    counted = f"{row}.at IS NOT NULL AND {row}.situation IS NOT NULL"
    cashier, outcome = f"coalesce({row}.cashier, '')", f"coalesce({row}.outcome, '')"
    every = " UNION ALL ".join(
        f"SELECT '{c}', {unit_of(f'{row}.at')}, coalesce({row}.{c}, ''), {cashier}, {outcome},"
        f" {delta} WHERE {counted}"
        for c in TALLY_COLUMNS
    )
    return (
        f"INSERT INTO {table} (dim, {unit}, value, cashier, outcome, n) "
        f"SELECT * FROM ({every}) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n;"
    )


def _tally_sql(row: str, delta: str, months: bool = True) -> str:
    """Statements adding ``delta`` to the counts of interaction ``row`` (NEW or OLD); the
    monthly counts too unless ``months`` is false (schema 5 had none)."""
    counted = f"{row}.at IS NOT NULL AND {row}.situation IS NOT NULL"
    cashier, outcome = f"coalesce({row}.cashier, '')", f"coalesce({row}.outcome, '')"
    statements = [
        f"INSERT INTO tally_quarter (q, cashier, outcome, n) "
        f"SELECT {_floor_div(f'{row}.at', QUARTER_MS)}, {cashier}, {outcome}, {delta} "
        f"WHERE {counted} ON CONFLICT DO UPDATE SET n = n + excluded.n;",
        _per_column_upsert("tally_day", "day", _day_sql, row, delta),
    ]
    if months:
        statements.append(_per_column_upsert("tally_month", "month", _month_sql, row, delta))
    return "\n        ".join(statements)


def _month_sql(ms: str) -> str:
    """SQL for the UTC month of ``ms`` (milliseconds) as months since year 0: year * 12 + m - 1."""
    moment = f"{_floor_div(ms, 1000)}, 'unixepoch'"
    return (
        f"(CAST(strftime('%Y', {moment}) AS INTEGER) * 12 "
        f"+ CAST(strftime('%m', {moment}) AS INTEGER) - 1)"
    )


_CHANGED = " OR ".join(
    f"OLD.{c} IS NOT NEW.{c}" for c in ("at", "situation", "cashier", "lang", "source", "outcome")
)


def _tally_triggers(months: bool) -> tuple[str, str]:
    return (
        f"""
    CREATE TRIGGER tally_added AFTER INSERT ON interactions BEGIN
        {_tally_sql("NEW", "1", months)}
    END
    """,
        f"""
    CREATE TRIGGER tally_moved AFTER UPDATE ON interactions WHEN {_CHANGED} BEGIN
        {_tally_sql("OLD", "-1", months)}
        {_tally_sql("NEW", "1", months)}
    END
    """,
    )


def _v5(conn: sqlite3.Connection, progress: Progress | None = None) -> None:
    """Counts per quarter-hour and day kept as events arrive; a lean ``interactions``."""
    step = _steps(progress, 4)
    for name in _V5_DROPPED_INDEXES:
        conn.execute(f"DROP INDEX IF EXISTS {name}")
    for name in ("shown", "said", "outcome", "dismissed"):
        conn.execute(f"DROP TRIGGER IF EXISTS interactions_{name}")
    conn.execute("ALTER TABLE interactions RENAME TO interactions_v4")
    conn.execute(_PHRASES)
    conn.execute(
        "INSERT OR IGNORE INTO phrases (text) SELECT DISTINCT phrase FROM interactions_v4 "
        "WHERE phrase IS NOT NULL"
    )
    step()
    conn.execute(_INTERACTIONS_V5)
    conn.execute(
        "INSERT INTO interactions (interaction, at, situation, cashier, lang, source, phrase, "
        "outcome, said, dismissed) "
        f"SELECT interaction, {_MS.format('i.at')}, situation, cashier, lang, source, "
        "(SELECT id FROM phrases WHERE text = i.phrase), outcome, said, dismissed "
        "FROM interactions_v4 i ORDER BY i.rowid"
    )
    conn.execute("DROP TABLE interactions_v4")
    step()
    for trigger in _INTERACTION_TRIGGERS_V5:
        conn.execute(trigger)
    _build_tallies(conn)
    step()
    conn.execute("CREATE INDEX interactions_at ON interactions (at)")
    conn.execute("CREATE INDEX interactions_situation_at ON interactions (situation, at)")
    step()


_COUNTED = "FROM interactions WHERE at IS NOT NULL AND situation IS NOT NULL"


def _build_tallies(conn: sqlite3.Connection) -> None:
    """The counts from ``interactions`` as it is, and the triggers that keep them."""
    conn.execute(_TALLY_QUARTER)
    conn.execute(
        "INSERT INTO tally_quarter (q, cashier, outcome, n) "
        f"SELECT {_floor_div('at', QUARTER_MS)}, coalesce(cashier, ''), coalesce(outcome, ''), "
        f"count(*) {_COUNTED} GROUP BY 1, 2, 3"
    )
    _fill_per_column(conn, "tally_day", "day", _day_sql, "days since 1970-01-01 UTC")
    for trigger in _tally_triggers(months=False):
        conn.execute(trigger)


def _fill_per_column(
    conn: sqlite3.Connection, table: str, unit: str, unit_of: Callable[[str], str], meaning: str
) -> None:
    """Create per-column count ``table`` and fill it from ``interactions`` as it is."""
    conn.execute(_per_column_table(table, unit, meaning))
    for column in TALLY_COLUMNS:
        conn.execute(
            f"INSERT INTO {table} (dim, {unit}, value, cashier, outcome, n) "
            f"SELECT '{column}', {unit_of('at')}, coalesce({column}, ''), coalesce(cashier, ''), "
            f"coalesce(outcome, ''), count(*) {_COUNTED} GROUP BY 2, 3, 4, 5"
        )


def _v6(conn: sqlite3.Connection, progress: Progress | None = None) -> None:
    """Counts per UTC month beside the daily ones (a report over years folds months, not
    thousands of days); phrasings per situation read the time index (one index fewer)."""
    step = _steps(progress, 2)
    _fill_per_column(
        conn, "tally_month", "month", _month_sql, "year * 12 + month - 1 (UTC): 2026-11 is 24321"
    )
    step()
    for name in ("added", "moved"):
        conn.execute(f"DROP TRIGGER IF EXISTS tally_{name}")
    for trigger in _tally_triggers(months=True):
        conn.execute(trigger)
    conn.execute("DROP INDEX IF EXISTS interactions_situation_at")
    step()


def _steps(progress: Progress | None, count: int) -> Callable[[], None]:
    """A function to call after each of ``count`` steps: tells ``progress`` the share done."""
    done = [0]

    def step() -> None:
        done[0] += 1
        if progress is not None:
            progress(done[0] / count)

    return step


MIGRATIONS: list[Callable[..., None]] = [_v1, _v2, _v3, _v4, _v5, _v6]
SCHEMA_VERSION = len(MIGRATIONS)
# migrations worth a word to the user (they rewrite tables: seconds on a big journal)
SLOW_MIGRATIONS = {2, 3, 5, 6}
# migrations that rewrite tables, freeing a good part of the file: a VACUUM follows them (the
# few pages other steps free are used again by the next events)
REWRITING_MIGRATIONS = {5}

# Tables kept from ``events`` by triggers: never written directly, emptied with the events.
DERIVED = (
    "interactions",
    "phrase_uses",
    "phrases",
    "tally_quarter",
    "tally_day",
    "tally_month",
)

# ON CONFLICT: writing an event again (a retry after an error) never makes a duplicate
INSERT = "INSERT INTO events ({cols}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING".format(
    cols=", ".join(COLUMNS), marks=", ".join("?" for _ in COLUMNS)
)
# the same with the rowid given (events copied from a damaged journal, or written into places
# kept for them): a place already taken is an error, never a silent skip
INSERT_AT = (
    "INSERT INTO events (rowid, {cols}) VALUES (?, {marks}) ON CONFLICT (id) DO NOTHING".format(
        cols=", ".join(COLUMNS), marks=", ".join("?" for _ in COLUMNS)
    )
)


def migrate(conn: sqlite3.Connection, version: int, progress: Progress | None = None) -> None:
    """Bring a journal at schema ``version`` up to :data:`SCHEMA_VERSION`, one step at a time.

    ``progress`` is told the share of the work done (0 to 1) as the slow steps go on."""
    todo = list(range(version, SCHEMA_VERSION))
    # the last share of the work is giving back the pages a rewrite freed (VACUUM)
    steps = len(todo) + (1 if REWRITING_MIGRATIONS.intersection(n + 1 for n in todo) else 0)
    rewrote = False  # a step this connection took rewrote tables
    for place, number in enumerate(todo):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # another connection (a second process opening the same old journal) may have
            # taken this step while this one waited for the lock: never take it twice
            if conn.execute("PRAGMA user_version").fetchone()[0] > number:
                conn.execute("COMMIT")
                if progress is not None:
                    progress((place + 1) / steps)
                continue
            rewrote = rewrote or number + 1 in REWRITING_MIGRATIONS
            if number + 1 in SLOW_MIGRATIONS:

                def part(share: float, place: int = place) -> None:
                    if progress is not None:
                        progress((place + share) / steps)

                MIGRATIONS[number](conn, part)
            else:
                MIGRATIONS[number](conn)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back by itself (a full disk)
                conn.execute("ROLLBACK")
            raise
        if progress is not None:
            progress((place + 1) / steps)
    if rewrote:
        _give_back_space(conn)
    if progress is not None and steps > len(todo):
        progress(1.0)


def _give_back_space(conn: sqlite3.Connection) -> None:
    """VACUUM after a migration that rewrote tables: the pages it freed would else stay in the
    file for good. Only worth it, never needed: a full disk leaves the journal as it was."""
    if conn.in_transaction:
        return
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("VACUUM")
