"""Demo data: a realistic synthetic journal, for trying reports without a shop (no Qt).

:func:`generate` writes days of plausible events into a journal of its own: two shifts a day,
cards shown at the till (busier at lunch, in the evening and at weekends), phrasings said and
outcomes, with cashiers who each have their habits. Every row carries ``{"demo": true}`` in
``detail``, and a journal holding any other event is refused (:class:`DemoRefused`), so demo
data never mixes with a real journal. Generating again replaces the earlier demo data.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
from bisect import bisect
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from itertools import accumulate
from pathlib import Path
from typing import TypeVar

import platformdirs

from pos_coach.clock import shop_zone, to_utc_text
from pos_coach.journal import DERIVED, OUTCOMES, Journal
from pos_coach.journal.events import time_uuid

DEMO_APP_NAME = "pos-coach-demo"
DEMO_DETAIL = json.dumps({"demo": True})
BATCH_SIZE = 10_000
CACHE_KIB = 131_072  # page cache while writing, so the indexes on random UUIDs stay in memory
_TABLES = ("events", *DERIVED)  # the events, and the rows the journal derives from them

# The order of a row: the same as pos_coach.journal.COLUMNS (a test keeps them equal)
ROW_COLUMNS = (
    "id",
    "at",
    "store",
    "register",
    "cashier",
    "interaction",
    "kind",
    "situation",
    "card_rev",
    "lang",
    "source",
    "phrase",
    "outcome",
    "detail",
)
_REAL_EVENT = (
    "SELECT 1 FROM events WHERE CASE WHEN detail IS NULL OR NOT json_valid(detail) THEN 1 "
    "ELSE json_extract(detail, '$.demo') IS NOT 1 END LIMIT 1"
)

Row = tuple[str | None, ...]
T = TypeVar("T")

# -- the shop's day ---------------------------------------------------------------------------
OPEN_HOUR, HANDOVER_HOUR, CLOSE_HOUR = 8, 15, 22
SHIFTS = ((OPEN_HOUR, HANDOVER_HOUR), (HANDOVER_HOUR, CLOSE_HOUR))
SHIFT_MARGIN = 120  # seconds without cards after a shift starts and before it ends
HOUR_WEIGHTS = {
    8: 0.5,
    9: 0.7,
    10: 0.8,
    11: 1.0,
    12: 1.8,
    13: 1.8,
    14: 1.1,
    15: 0.9,
    16: 1.1,
    17: 1.7,
    18: 2.0,
    19: 1.7,
    20: 1.1,
    21: 0.6,
}
WEEKEND_FACTOR = 1.4
DAY_SPREAD = 0.08  # relative standard deviation of a day's count of interactions

# -- what happens at the till -----------------------------------------------------------------
SOURCE_WEIGHTS = {"touch": 0.55, "hotkey": 0.30, "search": 0.12, "trigger": 0.03}
OUTCOME_WEIGHTS = {"upset": 0.07, "ok": 0.67, "wow": 0.22, "escalated": 0.04}
OUTCOME_SHARE = 0.85  # share of interactions ending with an outcome; the rest are dismissed
SECOND_PHRASE = 0.25  # chance of saying a second phrasing after the first

FREQUENT, FREQUENT_WEIGHT = ("greeting", "farewell", "loyalty"), 10.0
RARE, RARE_WEIGHT = ("gate-alarm", "bad-mood", "counterfeit", "asks-manager"), 0.6
USUAL_WEIGHT = 2.0
UPSET_PRONE = ("declined", "bad-mood", "price", "queue", "defective", "wrong-change")
WOW_PRONE = ("greeting", "farewell", "compliment", "regular-customer")
ESCALATION_PRONE = ("asks-manager", "counterfeit", "refuses-id", "bad-mood", "gate-alarm")


class DemoRefused(Exception):  # noqa: N818 - the name the design uses
    """The journal holds events that are not demo data: demo data is never mixed into it."""


@dataclass(frozen=True)
class Cashier:
    """A demo cashier and their habits (the factors multiply the usual chances)."""

    name: str
    wow: float = 1.0
    escalate: float = 1.0
    says: float = 0.7  # chance of marking a phrasing as said
    first_phrase: float = 0.0  # chance of showing the card's first phrasing, not a random one


_NAMES = {
    "ru": ("Анна", "Дмитрий", "Ольга", "Сергей", "Марина"),
    "en": ("Alice", "Ben", "Chloe", "Dan", "Emma"),
}


def cashiers(lang: str) -> tuple[Cashier, ...]:
    """The five demo cashiers: a WOW star, an escalator, a non-marker, a creature of habit."""
    a, b, c, d, e = _NAMES["ru" if lang == "ru" else "en"]
    return (
        Cashier(a, wow=2.8),
        Cashier(b, escalate=4.0),
        Cashier(c, says=0.1),
        Cashier(d, first_phrase=0.85),
        Cashier(e),
    )


def demo_data_dir() -> Path:
    """The per-user folder of the demo journal, apart from the real one."""
    return Path(platformdirs.user_data_dir(DEMO_APP_NAME, appauthor=False))


def fake_rev(situation: str) -> str:
    """A stand-in card revision: the first 12 hex digits of the id's SHA-256."""
    return hashlib.sha256(situation.encode("utf-8")).hexdigest()[:12]


def situation_weight(situation: str) -> float:
    """How often a card comes up, relative to the others."""
    if any(word in situation for word in FREQUENT):
        return FREQUENT_WEIGHT
    if any(word in situation for word in RARE):
        return RARE_WEIGHT
    return USUAL_WEIGHT


def outcome_weights(situation: str, cashier: Cashier) -> list[float]:
    """Relative chances of each outcome (in :data:`OUTCOMES` order) for one card and cashier."""
    weights = dict(OUTCOME_WEIGHTS)
    if any(word in situation for word in UPSET_PRONE):
        weights["upset"] *= 3.5
        weights["wow"] *= 0.5
    if any(word in situation for word in WOW_PRONE):
        weights["wow"] *= 2.0
        weights["upset"] *= 0.3
    if any(word in situation for word in ESCALATION_PRONE):
        weights["escalated"] *= 4.0
    weights["wow"] *= cashier.wow
    weights["escalated"] *= cashier.escalate
    return [weights[outcome] for outcome in OUTCOMES]


# -- the plan: everything fixed before the first day ------------------------------------------
@dataclass(frozen=True)
class _Situation:
    id: str
    phrasings: tuple[str, ...]
    rev: str


@dataclass(frozen=True)
class _Plan:
    situations: tuple[_Situation, ...]
    situation_cum: tuple[float, ...]
    outcome_cum: dict[tuple[str, str], tuple[float, ...]]  # (situation, cashier) -> cumulative
    crew: tuple[Cashier, ...]
    zone: tzinfo
    end_ms: int
    weekday_mean: float
    store: str
    register: str
    lang: str


def _plan(
    situations: Mapping[str, Sequence[str]],
    per_day: int,
    zone: tzinfo,
    end: datetime,
    lang: str,
    store: str,
    register: str,
) -> _Plan:
    usable = tuple(
        _Situation(sid, tuple(says), fake_rev(sid)) for sid, says in situations.items() if says
    )
    if not usable:
        raise ValueError("no situation with a phrasing to generate demo data from")
    crew = cashiers(lang)
    return _Plan(
        situations=usable,
        situation_cum=tuple(accumulate(situation_weight(s.id) for s in usable)),
        outcome_cum={
            (s.id, c.name): tuple(accumulate(outcome_weights(s.id, c)))
            for s in usable
            for c in crew
        },
        crew=crew,
        zone=zone,
        end_ms=int(end.timestamp() * 1000),
        weekday_mean=per_day * 7 / (5 + 2 * WEEKEND_FACTOR),
        store=store,
        register=register,
        lang=lang,
    )


def _hour_spans() -> tuple[tuple[tuple[int, int], ...], tuple[float, ...]]:
    """Each opening hour as seconds after midnight, less the margins at shift changes."""
    edges = {hour for shift in SHIFTS for hour in shift}
    spans: list[tuple[int, int]] = []
    for hour in range(OPEN_HOUR, CLOSE_HOUR):
        low, high = hour * 3600, (hour + 1) * 3600
        if hour in edges:
            low += SHIFT_MARGIN
        if hour + 1 in edges:
            high -= SHIFT_MARGIN
        spans.append((low, high))
    cum = tuple(accumulate(HOUR_WEIGHTS[hour] for hour in range(OPEN_HOUR, CLOSE_HOUR)))
    return tuple(spans), cum


_SPANS, _SPANS_CUM = _hour_spans()
_SOURCES = tuple(SOURCE_WEIGHTS)
_SOURCES_CUM = tuple(accumulate(SOURCE_WEIGHTS.values()))
_NO_CARD = (None, None, None)


# -- generating -------------------------------------------------------------------------------
def seeded_uuid(rng: random.Random, ms: int) -> str:
    """A time-ordered UUID for the moment ``ms``, as the journal makes them, its random part
    from ``rng``."""
    return time_uuid(ms, rng.getrandbits(80))


class _Stamps:
    """Journal time text of UTC epoch milliseconds; each hour's prefix is formatted once."""

    def __init__(self) -> None:
        self._hours: dict[int, str] = {}

    def text(self, ms: int) -> str:
        hour, rest = divmod(ms, 3_600_000)
        prefix = self._hours.get(hour)
        if prefix is None:  # "2026-11-23T10:"
            prefix = to_utc_text(datetime.fromtimestamp(hour * 3600, UTC))[:14]
            self._hours[hour] = prefix
        minute, rest = divmod(rest, 60_000)
        second, milli = divmod(rest, 1000)
        return f"{prefix}{minute:02d}:{second:02d}.{milli:03d}Z"


def _pick(rng: random.Random, items: Sequence[T], cum: Sequence[float]) -> T:
    """One of ``items`` by cumulative weights (what ``rng.choices`` does, with less overhead)."""
    return items[bisect(cum, rng.random() * cum[-1], 0, len(cum) - 1)]


def _utc_ms(midnight: datetime, seconds: float) -> int:
    """A local wall time (seconds after local midnight) as UTC epoch milliseconds, DST-aware."""
    return int((midnight + timedelta(seconds=seconds)).timestamp() * 1000)


def _interaction_count(rng: random.Random, plan: _Plan, day: date) -> int:
    mean = plan.weekday_mean * (WEEKEND_FACTOR if day.weekday() >= 5 else 1.0)
    return max(0, round(rng.gauss(mean, mean * DAY_SPREAD)))


def _start_seconds(rng: random.Random, count: int) -> list[float]:
    """Sorted moments (seconds after local midnight) at which cards are opened."""
    spans = rng.choices(_SPANS, cum_weights=_SPANS_CUM, k=count)
    return sorted(rng.uniform(low, high) for low, high in spans)


def _offsets(rng: random.Random, said: int, outcome: bool, window_ms: int) -> list[int]:
    """Milliseconds after ``shown`` of each following event, squeezed into ``window_ms``."""
    offsets: list[float] = []
    moment = 0.0
    for number in range(said):
        moment += rng.uniform(2, 15) if number == 0 else rng.uniform(4, 25)
        offsets.append(moment)
    if outcome:
        moment += min(rng.uniform(3, 20) + rng.expovariate(1 / 25), 150)
    else:
        moment += rng.uniform(2, 40)
    offsets.append(moment)
    room = max(window_ms - 500, 0) / 1000
    scale = 1000 * min(1.0, room / moment)
    return [int(offset * scale) for offset in offsets]


def _phrases(rng: random.Random, cashier: Cashier, phrasings: tuple[str, ...]) -> tuple[str, str]:
    """The phrasing shown first, then the one a tap on "another phrasing" brings."""
    first = 0 if rng.random() < cashier.first_phrase else rng.randrange(len(phrasings))
    return phrasings[first], phrasings[(first + 1) % len(phrasings)]


def _said_count(rng: random.Random, cashier: Cashier, situation: _Situation) -> int:
    if rng.random() >= cashier.says:
        return 0
    return 2 if len(situation.phrasings) > 1 and rng.random() < SECOND_PHRASE else 1


def _outcome(
    rng: random.Random, plan: _Plan, situation: _Situation, cashier: Cashier
) -> str | None:
    """How it ended, or None when the card was dismissed."""
    if rng.random() >= OUTCOME_SHARE:
        return None
    return _pick(rng, OUTCOMES, plan.outcome_cum[(situation.id, cashier.name)])


def _interaction(
    rng: random.Random,
    plan: _Plan,
    stamps: _Stamps,
    cashier: Cashier,
    shown_ms: int,
    window_ms: int,
) -> tuple[list[Row], int]:
    """One card shown (``shown``, maybe ``said`` twice, ``outcome`` or ``dismissed``) and when
    its last event happened."""
    situation = _pick(rng, plan.situations, plan.situation_cum)
    source = _pick(rng, _SOURCES, _SOURCES_CUM)
    phrases = _phrases(rng, cashier, situation.phrasings)
    said = _said_count(rng, cashier, situation)
    outcome = _outcome(rng, plan, situation, cashier)
    offsets = _offsets(rng, said, outcome is not None, window_ms)
    who = (plan.store, plan.register, cashier.name, seeded_uuid(rng, shown_ms))
    card = (situation.id, situation.rev, plan.lang, source)

    def row(kind: str, offset: int, phrase: str, result: str | None = None) -> Row:
        at = stamps.text(shown_ms + offset)
        return (
            seeded_uuid(rng, shown_ms + offset),
            at,
            *who,
            kind,
            *card,
            phrase,
            result,
            DEMO_DETAIL,
        )

    rows = [row("shown", 0, phrases[0])]
    rows.extend(row("said", offsets[number], phrases[number]) for number in range(said))
    on_screen = phrases[max(said - 1, 0)]
    if outcome is None:
        rows.append(row("dismissed", offsets[-1], on_screen))
    else:
        rows.append(row("outcome", offsets[-1], on_screen, outcome))
    return rows, shown_ms + offsets[-1]


def _shift_row(
    rng: random.Random, plan: _Plan, stamps: _Stamps, cashier: Cashier, kind: str, at_ms: int
) -> Row:
    at = stamps.text(at_ms)
    who = (plan.store, plan.register, cashier.name)
    # no interaction, situation or card_rev; the language; no source, phrase or outcome
    return (
        seeded_uuid(rng, at_ms),
        at,
        *who,
        None,
        kind,
        None,
        None,
        plan.lang,
        *_NO_CARD,
        DEMO_DETAIL,
    )


def _shift(
    rng: random.Random, plan: _Plan, stamps: _Stamps, cashier: Cashier, moments: list[int]
) -> Iterator[Row]:
    """``shift_start`` at ``moments[0]``, cards opened at the moments between, ``shift_end`` at
    the last; nothing later than the plan's end."""
    if moments[0] > plan.end_ms:
        return
    yield _shift_row(rng, plan, stamps, cashier, "shift_start", moments[0])
    for index in range(1, len(moments) - 1):
        window = moments[index + 1] - moments[index]
        rows, last = _interaction(rng, plan, stamps, cashier, moments[index], window)
        if last > plan.end_ms:
            return
        yield from rows
    if moments[-1] <= plan.end_ms:
        yield _shift_row(rng, plan, stamps, cashier, "shift_end", moments[-1])


def _day(rng: random.Random, plan: _Plan, stamps: _Stamps, day: date) -> Iterator[Row]:
    """The events of one local day: two cashiers, a morning and an evening shift."""
    midnight = datetime(day.year, day.month, day.day, tzinfo=plan.zone)
    crew = rng.sample(plan.crew, len(SHIFTS))
    starts = _start_seconds(rng, _interaction_count(rng, plan, day))
    for cashier, (first, last) in zip(crew, SHIFTS, strict=True):
        begin = first * 3600 + rng.uniform(0, 90)
        end = last * 3600 - rng.uniform(0, 90)
        mine = (s for s in starts if first * 3600 <= s < last * 3600)
        moments = [_utc_ms(midnight, seconds) for seconds in (begin, *mine, end)]
        yield from _shift(rng, plan, stamps, cashier, moments)


def _rows(rng: random.Random, plan: _Plan, last_day: date, days: int) -> Iterator[Row]:
    stamps = _Stamps()
    for back in range(days - 1, -1, -1):
        yield from _day(rng, plan, stamps, last_day - timedelta(days=back))


# -- writing ----------------------------------------------------------------------------------
def _refuse_real(journal: Journal) -> None:
    if journal.db.conn.execute(_REAL_EVENT).fetchone() is not None:
        raise DemoRefused(
            f"{journal.path}: this journal holds events that are not demo data; demo data is "
            "only ever written into a journal of its own (choose another --data-dir)"
        )


def _drop_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the journal's own indexes, returning the SQL that makes them again: building an
    index once after a million rows is much faster than keeping it up to date row by row."""
    found = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' for _ in _TABLES)})",
        _TABLES,
    ).fetchall()
    for name, _ in found:
        conn.execute('DROP INDEX "{}"'.format(name.replace('"', '""')))
    return [sql for _, sql in found]


def _clear(conn: sqlite3.Connection) -> None:
    """Remove earlier demo data: the events and every table derived from them (the rows of
    an earlier run in another language would else stay in the phrase rotation's memory)."""
    present = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    for table in _TABLES:
        if table in present:
            conn.execute(f"DELETE FROM {table}")


@contextmanager
def _large_cache(conn: sqlite3.Connection) -> Iterator[None]:
    before = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {before}")


def generate(
    journal: Journal,
    situations: Mapping[str, Sequence[str]],
    days: int,
    *,
    per_day: int = 120,
    end: datetime | None = None,
    zone: tzinfo | None = None,
    seed: int = 1,
    lang: str = "ru",
    store: str = "Demo",
    register: str = "1",
) -> int:
    """Fill ``journal`` with ``days`` local days of demo events up to ``end``; their number.

    ``situations`` maps each card id to its phrasings (in ``lang``). ``per_day`` is the average
    number of interactions a day, weekends being busier. Nothing later than ``end`` (default:
    now) is written. The same seed gives the same journal. Earlier demo data in the journal is
    replaced, all in one transaction; a journal with any other event raises
    :class:`DemoRefused` and is left untouched.
    """
    if days < 1:
        raise ValueError("days must be at least 1")
    if per_day < 0:
        raise ValueError("per_day must not be negative")
    zone = zone or shop_zone()
    end = datetime.now(zone) if end is None else end
    end = end.replace(tzinfo=zone) if end.tzinfo is None else end
    plan = _plan(situations, per_day, zone, end, lang, store, register)
    rows = _rows(random.Random(seed), plan, end.astimezone(zone).date(), days)
    conn = journal.db.conn
    with _large_cache(conn):
        conn.execute("BEGIN IMMEDIATE")
        try:
            _refuse_real(journal)
            indexes = _drop_indexes(conn)
            _clear(conn)
            written = journal.write_rows(rows, BATCH_SIZE)  # the journal's own insert
            for sql in indexes:
                conn.execute(sql)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return written
