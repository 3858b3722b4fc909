"""Aggregates for the shift lead: the same functions feed the review window and the report command.

Everything counts *interactions* (one card shown) from the ``interactions`` table, in the shop's
local time: an interaction belongs to the local hour and day it was shown in, together with how
it ended.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any

from pos_coach.clock import offset_segments
from pos_coach.journal import OUTCOMES
from pos_coach.review.filters import Filters
from pos_coach.review.periods import Period

GROUPINGS = ("situation", "cashier", "hour", "day", "weekday", "outcome", "lang", "source")
COLUMN_GROUPINGS = ("situation", "cashier", "lang", "source")
_TIME_KEYS: dict[str, Callable[[datetime], Any]] = {
    "hour": lambda t: t.hour,
    "day": lambda t: t.date().isoformat(),
    "weekday": lambda t: t.weekday(),  # 0 = Monday
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


class Reports:
    def __init__(self, conn: sqlite3.Connection, zone: tzinfo) -> None:
        self.conn = conn
        self.zone = zone

    # -- groupings ---------------------------------------------------------------------------
    def rows(self, by: str, period: Period, filters: Filters = NO_FILTERS) -> list[Row]:
        """Interactions and outcomes per group, the largest group first."""
        if by in COLUMN_GROUPINGS:
            rows = self._by_column(by, period, filters)
        elif by in ("hour", "day", "weekday"):
            rows = self._fold(period, filters, _TIME_KEYS[by])
        elif by == "outcome":
            rows = self._by_outcome(period, filters)
        else:
            raise ValueError(f"unknown grouping {by!r}; one of {', '.join(GROUPINGS)}")
        return sorted(rows, key=lambda r: (-r.interactions, str(r.key)))

    def _where(self, period: Period, filters: Filters) -> tuple[str, list[Any]]:
        extra, params = filters.sql()
        return (
            f"at >= ? AND at < ? AND situation IS NOT NULL{extra}",
            [period.start_text, period.end_text, *params],
        )

    def _counted(self, sql: str, params: list[Any]) -> list[Row]:
        """Rows from a query selecting ``key, outcome, count(*)``, in the query's key order."""
        rows: dict[Any, Row] = {}
        for key, outcome, count in self.conn.execute(sql, params):
            row = rows.get(key)
            if row is None:
                row = rows[key] = Row(key)
            row.interactions += count
            if outcome in OUTCOMES:
                setattr(row, outcome, getattr(row, outcome) + count)
        return list(rows.values())

    def _by_column(self, column: str, period: Period, filters: Filters) -> list[Row]:
        where, params = self._where(period, filters)
        sql = (
            f"SELECT {column}, outcome, count(*) FROM interactions "
            f"INDEXED BY interactions_by_{column} WHERE {where} GROUP BY 1, 2"
        )
        return self._counted(sql, params)

    def _by_outcome(self, period: Period, filters: Filters) -> list[Row]:
        where, params = self._where(period, filters)
        sql = (
            "SELECT outcome, outcome, count(*) FROM interactions "
            f"INDEXED BY interactions_by_outcome WHERE {where} GROUP BY 1, 2"
        )
        rows = self._counted(sql, params)
        for row in rows:  # "none": no outcome recorded (grouped on the bare column: no sorting)
            row.key = row.key or "none"
        return rows

    def total(self, period: Period, filters: Filters = NO_FILTERS) -> Row:
        total = Row("total")
        for row in self._by_outcome(period, filters):
            total.add(row)
        return total

    def _buckets(self, period: Period, filters: Filters) -> list[tuple[datetime, Row]]:
        """Counts per UTC hour (per minute where the shop's offset is not whole hours)."""
        segments = offset_segments(self.zone, period.start, period.end)
        hourly = all(s.offset_minutes % 60 == 0 for s in segments)
        width = 13 if hourly else 16
        where, params = self._where(period, filters)
        bucket = f"substr(at, 1, {width})"
        if hourly:  # the expression index: buckets stream out in order, no sorting
            index = "INDEXED BY interactions_hour"
            where = f"{bucket} >= substr(?, 1, 13) AND {bucket} <= substr(?, 1, 13) AND {where}"
            params = [period.start_text, period.end_text, *params]
        else:
            index = ""
        sql = (
            f"SELECT {bucket}, outcome, count(*) FROM interactions {index} "
            f"WHERE {where} GROUP BY 1, 2"
        )
        suffix = ":00" if hourly else ""
        return [
            (datetime.fromisoformat(row.key + suffix).replace(tzinfo=UTC), row)
            for row in self._counted(sql, params)
        ]

    def _fold(self, period: Period, filters: Filters, key: Callable[[datetime], Any]) -> list[Row]:
        """Add up the buckets under a key of their local time (hour, day, weekday...)."""
        folded: dict[Any, Row] = {}
        for moment, counts in self._buckets(period, filters):
            name = key(moment.astimezone(self.zone))
            row = folded.setdefault(name, Row(name))
            row.add(counts)
        return list(folded.values())

    def heatmap(self, period: Period, filters: Filters = NO_FILTERS) -> list[list[int]]:
        """Interactions by local weekday (rows, Monday first) and hour (columns)."""
        grid = [[0] * 24 for _ in range(7)]
        for row in self._fold(period, filters, lambda t: (t.weekday(), t.hour)):
            weekday, hour = row.key
            grid[weekday][hour] = row.interactions
        return grid

    def daily(self, period: Period, filters: Filters = NO_FILTERS) -> list[Row]:
        """One row per local day of the period, days without interactions included."""
        found = {row.key: row for row in self._fold(period, filters, _TIME_KEYS["day"])}
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
        where, params = self._where(period, filters)
        sql = (
            f"SELECT phrase, outcome, count(*) FROM interactions WHERE {where} "
            "AND situation = ? AND phrase IS NOT NULL GROUP BY 1, 2"
        )
        rows = sorted(self._counted(sql, [*params, situation]), key=lambda r: -r.interactions)
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
