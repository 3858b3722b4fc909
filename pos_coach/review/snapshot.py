"""Everything the review shows for one period and filter, computed in one go (off the UI thread)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from pos_coach.review.filters import Filters
from pos_coach.review.periods import Period, make_period
from pos_coach.review.reports import Glance, Reports, Row


@dataclass(frozen=True)
class Request:
    period: str  # one of review.PERIODS
    filters: Filters
    first: date | None = None  # for a custom period
    last: date | None = None
    now: datetime | None = None

    def resolve(self, conn: sqlite3.Connection, zone: tzinfo) -> Period:
        """The period asked for, in ``zone`` ("this shift" reads the journal for its start)."""
        return make_period(self.period, zone, self.now, conn, self.first, self.last)


@dataclass
class Snapshot:
    period: Period
    glance: Glance
    situations: list[Row]
    cashiers: list[Row]
    daily: list[Row]
    heatmap: list[list[int]]
    unused: list[str]
    events: int  # all events in the journal
    cashier_names: list[str]  # everyone who appears in the journal, for the filter


def compute(
    conn: sqlite3.Connection, zone: tzinfo, request: Request, card_ids: Sequence[str]
) -> Snapshot:
    reports = Reports(conn, zone)
    period = request.resolve(conn, zone)
    filters = request.filters
    names = [
        r[0]
        for r in conn.execute(
            # from the day counts (a few rows a day), not from every interaction
            "SELECT value FROM tally_day WHERE dim = 'cashier' AND value <> '' "
            "GROUP BY value HAVING sum(n) > 0 ORDER BY value"
        )
    ]
    return Snapshot(
        period=period,
        glance=reports.glance(period, filters),
        situations=reports.rows("situation", period, filters),
        cashiers=reports.rows("cashier", period, filters),
        daily=reports.daily(period, filters),
        heatmap=reports.heatmap(period, filters),
        unused=reports.unused(card_ids, period, filters),
        events=int(conn.execute("SELECT count(*) FROM events").fetchone()[0]),
        cashier_names=names,
    )
