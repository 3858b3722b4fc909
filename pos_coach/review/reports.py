"""Aggregates for the shift lead: the same functions feed the review window and the report command.

Everything counts *interactions* (one card shown) from the ``interactions`` table, in the shop's
local time: an interaction belongs to the local hour and day it was shown in, together with how
it ended.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any

from pos_coach.clock import Segment, offset_segments
from pos_coach.journal import OUTCOMES
from pos_coach.review.filters import Filters
from pos_coach.review.periods import Period

GROUPINGS = ("situation", "cashier", "hour", "day", "weekday", "outcome", "lang", "source")
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

    # -- local time in SQL -------------------------------------------------------------------
    def _offset_sql(self, period: Period) -> str:
        """The shop's UTC offset in minutes at ``interactions.at`` as an SQL expression."""
        segments: list[Segment] = offset_segments(self.zone, period.start, period.end)
        if len(segments) == 1:
            return str(segments[0].offset_minutes)
        cases = " ".join(
            f"WHEN at >= '{s.start}' THEN {s.offset_minutes}" for s in reversed(segments[1:])
        )
        return f"(CASE {cases} ELSE {segments[0].offset_minutes} END)"

    def _key_sql(self, by: str, period: Period) -> str:
        offset = self._offset_sql(period)
        minutes = "(CAST(substr(at, 12, 2) AS INTEGER) * 60 + CAST(substr(at, 15, 2) AS INTEGER))"
        if by == "hour":
            return f"(({minutes} + {offset} + 1440) / 60 % 24)"
        if by == "day":
            return f"date(substr(at, 1, 19), {offset} || ' minutes')"
        if by == "weekday":  # 0 = Monday ... 6 = Sunday
            local = f"strftime('%w', substr(at, 1, 19), {offset} || ' minutes')"
            return f"((CAST({local} AS INTEGER) + 6) % 7)"
        if by == "outcome":
            return "coalesce(outcome, 'none')"
        if by in ("situation", "cashier", "lang", "source"):
            return by
        raise ValueError(f"unknown grouping {by!r}; one of {', '.join(GROUPINGS)}")

    def _where(self, period: Period, filters: Filters) -> tuple[str, list[Any]]:
        extra, params = filters.sql()
        return f"at >= ? AND at < ?{extra}", [period.start_text, period.end_text, *params]

    # -- groupings ---------------------------------------------------------------------------
    def rows(self, by: str, period: Period, filters: Filters = NO_FILTERS) -> list[Row]:
        """Interactions and outcomes per group, the largest group first."""
        return self._grouped([by], period, filters, order="interactions DESC, key")

    def _grouped(
        self, keys: list[str], period: Period, filters: Filters, order: str = "key"
    ) -> list[Row]:
        exprs = [self._key_sql(k, period) for k in keys]
        where, params = self._where(period, filters)
        select = ", ".join(f"{e} AS k{n}" for n, e in enumerate(exprs))
        group = ", ".join(f"k{n}" for n in range(len(exprs)))
        counts = ", ".join(f"sum(outcome = '{o}')" for o in OUTCOMES)
        key = "k0" if len(keys) == 1 else group
        sql = (
            f"SELECT {select}, count(*) AS interactions, {counts} FROM interactions "
            f"WHERE {where} AND situation IS NOT NULL GROUP BY {group} "
            f"ORDER BY {order.replace('key', key)}"
        )
        rows = []
        for record in self.conn.execute(sql, params):
            key_value = record[0] if len(keys) == 1 else tuple(record[: len(keys)])
            values = record[len(keys) :]
            rows.append(Row(key_value, values[0], *(v or 0 for v in values[1:])))
        return rows

    def total(self, period: Period, filters: Filters = NO_FILTERS) -> Row:
        where, params = self._where(period, filters)
        counts = ", ".join(f"sum(outcome = '{o}')" for o in OUTCOMES)
        record = self.conn.execute(
            f"SELECT count(*), {counts} FROM interactions WHERE {where} AND situation IS NOT NULL",
            params,
        ).fetchone()
        return Row("total", record[0], *(v or 0 for v in record[1:]))

    def heatmap(self, period: Period, filters: Filters = NO_FILTERS) -> list[list[int]]:
        """Interactions by local weekday (rows, Monday first) and hour (columns)."""
        grid = [[0] * 24 for _ in range(7)]
        for row in self._grouped(["weekday", "hour"], period, filters):
            weekday, hour = row.key
            grid[weekday][hour] = row.interactions
        return grid

    def daily(self, period: Period, filters: Filters = NO_FILTERS) -> list[Row]:
        """One row per local day of the period, days without interactions included."""
        found = {row.key: row for row in self._grouped(["day"], period, filters)}
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
        counts = ", ".join(f"sum(outcome = '{o}')" for o in OUTCOMES)
        sql = (
            f"SELECT phrase, count(*), {counts} FROM interactions WHERE {where} "
            "AND situation = ? AND phrase IS NOT NULL GROUP BY phrase ORDER BY count(*) DESC"
        )
        stats = []
        for record in self.conn.execute(sql, [*params, situation]):
            row = Row(record[0], record[1], *(v or 0 for v in record[2:]))
            stats.append(PhraseStat(record[0], row, rankable=row.ended >= min_uses))
        return stats

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
