"""Aggregates for the shift lead: the same functions feed the review window and the report command.

Everything counts *interactions* (one card shown), in the shop's local time: an interaction
belongs to the local hour and day it was shown in, together with how it ended.

The cost follows the period asked for, not the journal. The journal keeps counts as events arrive
(:mod:`pos_coach.journal.schema`, version 5): per UTC quarter-hour, and per UTC day for each
grouping column. A report reads those counts for the whole quarter-hours or days inside the
period, and counts the interactions themselves only at its edges (a shift that started at 9:07,
the hours of a local midnight that are not a whole UTC day) and for filters the counts do not
keep (a language or a category beside another grouping). Local time comes from the zone's UTC
offsets, found once per period (:func:`pos_coach.clock.offset_changes`): every whole-, half- and
quarter-hour offset folds quarter-hours into local hours and days exactly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo
from typing import Any

from pos_coach.clock import from_ms, offset_changes, to_ms
from pos_coach.journal import OUTCOMES
from pos_coach.journal.schema import DAY_MS, QUARTER_MS
from pos_coach.review.filters import NO_OUTCOME, Filters
from pos_coach.review.periods import Period

GROUPINGS = ("situation", "cashier", "hour", "day", "weekday", "outcome", "lang", "source")
COLUMN_GROUPINGS = ("situation", "cashier", "lang", "source")
TIME_GROUPINGS = ("hour", "day", "weekday")
_EPOCH_DAY = date(1970, 1, 1)
# local quarter-hour number ``l`` (quarter-hours since 1970-01-01 local) to the key of a grouping
_TIME_SQL = {
    "hour": "({l} / 4) % 24",
    "day": "{l} / 96",
    "weekday": "({l} / 96 + 3) % 7",  # 1970-01-01 was a Thursday; 0 = Monday
    "heat": "(({l} / 96 + 3) % 7) * 24 + ({l} / 4) % 24",
}
_TIME_KEYS: dict[str, Callable[[int], Any]] = {  # from the SQL's number to the key shown
    "hour": int,
    "day": lambda n: (_EPOCH_DAY + timedelta(days=n)).isoformat(),
    "weekday": int,
    "heat": lambda n: divmod(n, 24),
}
_LOCAL_KEYS: dict[str, Callable[[Any], Any]] = {  # the same from a local datetime (exact path)
    "hour": lambda t: t.hour,
    "day": lambda t: t.date().isoformat(),
    "weekday": lambda t: t.weekday(),
    "heat": lambda t: (t.weekday(), t.hour),
}
MIN_USES_TO_RANK = 10
NO_FILTERS = Filters()  # fewer uses than this and a phrasing's results are not compared


@dataclass
class Row:
    """One group: how many interactions, and how they ended."""

    key: Any
    interactions: int = 0
    upset: int = 0
    ok: int = 0
    wow: int = 0
    escalated: int = 0

    @property
    def ended(self) -> int:
        """Interactions with an outcome recorded."""
        return self.upset + self.ok + self.wow + self.escalated

    @property
    def open(self) -> int:
        """Interactions without an outcome (dismissed or left open)."""
        return self.interactions - self.ended

    def share(self, outcome: str) -> float | None:
        """The share of recorded outcomes that were ``outcome`` (None when none recorded)."""
        return getattr(self, outcome) / self.ended if self.ended else None

    def add(self, other: Row) -> None:
        self.interactions += other.interactions
        for outcome in OUTCOMES:
            setattr(self, outcome, getattr(self, outcome) + getattr(other, outcome))

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "interactions": self.interactions,
            **{o: getattr(self, o) for o in OUTCOMES},
            "no_outcome": self.open,
        }


@dataclass
class Glance:
    """The shift at a glance."""

    interactions: int
    ended: int
    wow_share: float | None
    ok_share: float | None
    upset_share: float | None
    escalations: int
    busiest_hour: int | None  # local hour 0-23
    most_upset: str | None  # the situation most often ending upset
    previous: Glance | None = field(default=None, repr=False)


@dataclass
class PhraseStat:
    phrase: str
    row: Row
    rankable: bool  # enough uses to compare with the others


def _ceil(value: int, size: int) -> int:
    return -(-value // size)


_EPOCH = date(1970, 1, 1)


def _month_start(month: int) -> int:
    """The UTC day number (days since 1970-01-01) a month (year * 12 + month - 1) starts on."""
    return (date(month // 12, month % 12 + 1, 1) - _EPOCH).days


def _days_and_months(first: int, last: int) -> list[tuple[str, str, int, int]]:
    """UTC days [first, last) as the count tables to read: the whole months inside from
    ``tally_month``, the days before and after them from ``tally_day``."""
    start = _EPOCH + timedelta(days=first)
    month = start.year * 12 + start.month - 1
    if start.day != 1:
        month += 1
    end = _EPOCH + timedelta(days=last)
    end_month = end.year * 12 + end.month - 1  # months before this one end by ``last``
    if month >= end_month:
        return [("tally_day", "day", first, last)]
    low, high = _month_start(month), _month_start(end_month)
    parts = [("tally_month", "month", month, end_month)]
    if first < low:
        parts.append(("tally_day", "day", first, low))
    if high < last:
        parts.append(("tally_day", "day", high, last))
    return parts


class Reports:
    def __init__(self, conn: sqlite3.Connection, zone: tzinfo) -> None:
        self.conn = conn
        self.zone = zone
        self._offsets: dict[tuple[int, int], list[tuple[int, int]]] = {}  # by span

    def _offset_changes(self, start: int, end: int) -> list[tuple[int, int]]:
        """The zone's offsets over a span (kept: a window asks several groupings of one period)."""
        found = self._offsets.get((start, end))
        if found is None:
            if len(self._offsets) > 16:
                self._offsets.clear()
            found = self._offsets[(start, end)] = offset_changes(self.zone, start, end)
        return found

    # -- groupings ---------------------------------------------------------------------------
    def rows(self, by: str, period: Period, filters: Filters = NO_FILTERS) -> list[Row]:
        """Interactions and outcomes per group, the largest group first."""
        if by in COLUMN_GROUPINGS or by == "outcome":
            rows = self._grouped(by, period, filters)
        elif by in TIME_GROUPINGS:
            rows = self._folded(by, period, filters)
        else:
            raise ValueError(f"unknown grouping {by!r}; one of {', '.join(GROUPINGS)}")
        return sorted(rows, key=lambda r: (-r.interactions, str(r.key)))

    def total(self, period: Period, filters: Filters = NO_FILTERS) -> Row:
        total = Row("total")
        for row in self._grouped("outcome", period, filters):
            total.add(row)
        return total

    # Counts arrive as (key, outcome, count) triples; '' in the counts stands for NULL.
    @staticmethod
    def _rows(triples: Iterable[tuple[Any, Any, int]], name: Callable[[Any], Any]) -> list[Row]:
        rows: dict[Any, Row] = {}
        for key, outcome, count in triples:
            if not count:
                continue
            key = name(key)
            row = rows.get(key)
            if row is None:
                row = rows[key] = Row(key)
            row.interactions += count
            if outcome in OUTCOMES:
                setattr(row, outcome, getattr(row, outcome) + count)
        return [row for row in rows.values() if row.interactions]

    def _raw(
        self, select: str, start: int, end: int, filters: Filters, extra: str = ""
    ) -> Iterator[tuple[Any, Any, int]]:
        """``select, outcome, count`` over the interactions themselves shown in [start, end)."""
        if start >= end:
            return iter(())
        where, params = filters.sql()
        sql = (
            f"SELECT {select}, outcome, count(*) FROM interactions WHERE at >= ? AND at < ? "
            f"AND situation IS NOT NULL{where}{extra} GROUP BY 1, 2"
        )
        return iter(self.conn.execute(sql, [start, end, *params]).fetchall())

    @staticmethod
    def _tally_filters(filters: Filters) -> tuple[str, list[Any]]:
        """The cashier and outcome filters over a count table."""
        clauses, params = "", []
        if filters.cashier:
            clauses += " AND cashier = ?"
            params.append(filters.cashier)
        if filters.outcome:
            clauses += " AND outcome = ?"
            params.append("" if filters.outcome == NO_OUTCOME else filters.outcome)
        return clauses, params

    def _day_dim(self, by: str, filters: Filters) -> str | None:
        """The daily counts that can answer grouping ``by`` under ``filters`` (None: none can)."""
        limited = {
            c
            for c, v in (("situation", filters.situations is not None), ("lang", filters.lang))
            if v
        }
        if by in COLUMN_GROUPINGS:
            return by if limited <= {by} else None
        if len(limited) > 1:  # by outcome: any column's counts add up to every interaction
            return None
        return limited.pop() if limited else "lang"

    def _grouped(self, by: str, period: Period, filters: Filters) -> list[Row]:
        """A column's values (or the outcomes), from the daily counts where they answer."""
        start, end = to_ms(period.start), to_ms(period.end)
        select = "outcome" if by == "outcome" else by
        dim = self._day_dim(by, filters)
        triples: list[tuple[Any, Any, int]] = []
        first, last = _ceil(start, DAY_MS), end // DAY_MS
        if dim is None or first >= last:
            triples.extend(self._raw(select, start, end, filters))
        else:
            where, params = self._tally_filters(filters)
            value = {
                "situation": filters.situations,
                "lang": (filters.lang,) if filters.lang else None,
            }
            chosen = value.get(dim)
            if chosen is not None:
                where += f" AND value IN ({', '.join('?' for _ in chosen) or 'NULL'})"
                params.extend(chosen)
            key = "outcome" if by == "outcome" else "value"
            for table, unit, low, high in _days_and_months(first, last):
                sql = (
                    f"SELECT {key}, outcome, sum(n) FROM {table} WHERE dim = ? AND {unit} >= ? "
                    f"AND {unit} < ?{where} GROUP BY 1, 2"
                )
                triples.extend(self.conn.execute(sql, [dim, low, high, *params]))
            triples.extend(self._raw(select, start, first * DAY_MS, filters))
            triples.extend(self._raw(select, last * DAY_MS, end, filters))
        if by == "outcome":
            return self._rows(triples, lambda k: k or NO_OUTCOME)
        return self._rows(triples, lambda k: k if k != "" else None)

    def _span(self, start: int, end: int) -> tuple[int, int] | None:
        """The first and just after the last interaction shown in [start, end) (None: none)."""
        sql = "SELECT {} FROM interactions WHERE at >= ? AND at < ? AND situation IS NOT NULL"
        first = self.conn.execute(sql.format("min(at)"), [start, end]).fetchone()[0]
        if first is None:
            return None
        last = self.conn.execute(sql.format("max(at)"), [start, end]).fetchone()[0]
        return int(first), int(last) + 1

    def _folded(self, by: str, period: Period, filters: Filters) -> list[Row]:
        """Local hours, days or weekdays: quarter-hour counts folded in local time."""
        name = _TIME_KEYS[by]
        return self._rows(self._local(by, period, filters), lambda k: k if k is None else name(k))

    def _local(self, by: str, period: Period, filters: Filters) -> Iterator[tuple[Any, Any, int]]:
        """``(local key number, outcome, count)`` for the period, piece by piece of its offsets."""
        span = self._span(to_ms(period.start), to_ms(period.end))
        if span is None:
            return
        start, end = span  # offsets only where there are interactions: a century costs a year
        tally = not (filters.situations is not None or filters.lang)
        changes = self._offset_changes(start, end)
        for place, (piece_start, offset) in enumerate(changes):
            piece_end = changes[place + 1][0] if place + 1 < len(changes) else end
            # an offset off the quarter-hour (local mean time, used by no zone since the 1970s),
            # or local times before 1970: interaction by interaction
            if offset % 900 or piece_start + offset * 1000 < 0:
                yield from self._exact(by, piece_start, piece_end, filters)
                continue
            shift = offset // 900  # an integer of ours: written into the SQL
            key = _TIME_SQL[by].format(l=f"(q + {shift})")
            first, last = _ceil(piece_start, QUARTER_MS), piece_end // QUARTER_MS
            raw_key = _TIME_SQL[by].format(l=f"(at / {QUARTER_MS} + {shift})")
            if not tally or first >= last:
                yield from self._raw_local(raw_key, piece_start, piece_end, filters)
                continue
            where, params = self._tally_filters(filters)
            sql = (
                f"SELECT {key}, outcome, sum(n) FROM tally_quarter WHERE q >= ? AND q < ?"
                f"{where} GROUP BY 1, 2"
            )
            yield from self.conn.execute(sql, [first, last, *params]).fetchall()
            yield from self._raw_local(raw_key, piece_start, first * QUARTER_MS, filters)
            yield from self._raw_local(raw_key, last * QUARTER_MS, piece_end, filters)

    def _raw_local(
        self, key: str, start: int, end: int, filters: Filters
    ) -> Iterator[tuple[Any, Any, int]]:
        return self._raw(key, start, end, filters)

    def _exact(
        self, by: str, start: int, end: int, filters: Filters
    ) -> Iterator[tuple[Any, Any, int]]:
        """Interaction by interaction, through the zone itself: the rare offsets (seconds or
        minutes off the quarter-hour, used in no zone since the 1970s) the counts cannot fold."""
        where, params = filters.sql()
        sql = (
            "SELECT at, outcome FROM interactions WHERE at >= ? AND at < ? "
            f"AND situation IS NOT NULL{where}"
        )
        local = _LOCAL_KEYS[by]
        encode = {"day": lambda d: (date.fromisoformat(d) - _EPOCH_DAY).days}.get(by)
        for at, outcome in self.conn.execute(sql, [start, end, *params]):
            key = local(from_ms(at).astimezone(self.zone))
            if by == "heat":
                key = key[0] * 24 + key[1]
            yield (encode(key) if encode else key), outcome, 1

    def heatmap(self, period: Period, filters: Filters = NO_FILTERS) -> list[list[int]]:
        """Interactions by local weekday (rows, Monday first) and hour (columns)."""
        grid = [[0] * 24 for _ in range(7)]
        for row in self._folded("heat", period, filters):
            weekday, hour = row.key
            grid[weekday][hour] = row.interactions
        return grid

    def daily(self, period: Period, filters: Filters = NO_FILTERS) -> list[Row]:
        """One row per local day of the period, days without interactions included."""
        found = {row.key: row for row in self._folded("day", period, filters)}
        return [found.get(d.isoformat(), Row(d.isoformat())) for d in period.local_days(self.zone)]

    # -- at a glance -------------------------------------------------------------------------
    def glance(self, period: Period, filters: Filters = NO_FILTERS, compare: bool = True) -> Glance:
        total = self.total(period, filters)
        hours = self.rows("hour", period, filters)
        busiest = max(hours, key=lambda r: (r.interactions, -r.key), default=None)
        situations = self.rows("situation", period, filters)
        upset = [r for r in situations if r.upset]
        worst = max(upset, key=lambda r: (r.upset, r.share("upset") or 0, r.key), default=None)
        glance = Glance(
            interactions=total.interactions,
            ended=total.ended,
            wow_share=total.share("wow"),
            ok_share=total.share("ok"),
            upset_share=total.share("upset"),
            escalations=total.escalated,
            busiest_hour=busiest.key if busiest else None,
            most_upset=worst.key if worst else None,
        )
        if compare:
            glance.previous = self.glance(period.previous(), filters, compare=False)
        return glance

    # -- phrasings and unused cards ----------------------------------------------------------
    def phrasings(
        self,
        situation: str,
        period: Period,
        filters: Filters = NO_FILTERS,
        min_uses: int = MIN_USES_TO_RANK,
    ) -> list[PhraseStat]:
        """Per phrasing of one situation: uses and outcomes; ranked only with enough uses."""
        where, params = filters.sql("i")
        sql = (
            "SELECT p.text, i.outcome, count(*) FROM interactions i "
            "JOIN phrases p ON p.id = i.phrase WHERE i.situation = ? AND i.at >= ? AND i.at < ?"
            f"{where} GROUP BY 1, 2"
        )
        found = self.conn.execute(
            sql, [situation, to_ms(period.start), to_ms(period.end), *params]
        ).fetchall()
        rows = sorted(self._rows(found, lambda k: k), key=lambda r: -r.interactions)
        return [PhraseStat(r.key, r, rankable=r.ended >= min_uses) for r in rows]

    def unused(
        self, card_ids: Iterable[str], period: Period, filters: Filters = NO_FILTERS
    ) -> list[str]:
        """Cards never shown in the period (candidates for rewording or removal)."""
        used = {
            row.key
            for row in self.rows(
                "situation", period, Filters(cashier=filters.cashier, lang=filters.lang)
            )
        }
        return sorted(set(card_ids) - used)
