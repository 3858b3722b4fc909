"""Raw events, page by page, in any column order: keyset pagination, never OFFSET.

A page continues from the last row of the previous one (``(sort value, at, rowid) > ...``), so
the cost of the next page does not grow with how far the reader has scrolled, even in a journal
of a million events.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from pos_coach.journal import COLUMNS

SORTABLE = ("at", "cashier", "kind", "situation", "source", "outcome", "lang", "register", "phrase")


@dataclass(frozen=True)
class EventFilter:
    """Which events: a period (UTC texts), and optional equality filters."""

    start: str | None = None
    end: str | None = None
    cashier: str | None = None
    kind: str | None = None
    situations: tuple[str, ...] | None = None
    outcome: str | None = None
    lang: str | None = None
    text: str | None = None  # a substring of the phrase, situation or cashier

    def sql(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.start:
            clauses.append("at >= ?")
            params.append(self.start)
        if self.end:
            clauses.append("at < ?")
            params.append(self.end)
        for column in ("cashier", "kind", "outcome", "lang"):
            value = getattr(self, column)
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.situations is not None:
            clauses.append(f"situation IN ({', '.join('?' for _ in self.situations) or 'NULL'})")
            params.extend(self.situations)
        if self.text:
            clauses.append("(instr(phrase, ?) OR instr(situation, ?) OR instr(cashier, ?))")
            params.extend([self.text] * 3)
        return (" AND ".join(clauses) or "1"), params


class EventPager:
    """Counts and pages of events for one filter and one sort order."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        where: EventFilter = EventFilter(),
        sort: str = "at",
        descending: bool = True,
    ) -> None:
        if sort not in SORTABLE:
            raise ValueError(f"cannot sort by {sort!r}")
        self.conn = conn
        self.where, self.params = where.sql()
        self.sort = sort
        self.descending = descending
        self._after: tuple[Any, str, int] | None = None

    def count(self) -> int:
        return int(
            self.conn.execute(
                f"SELECT count(*) FROM events WHERE {self.where}", self.params
            ).fetchone()[0]
        )

    def next_page(self, size: int = 500) -> list[tuple[Any, ...]]:
        """The next ``size`` events (tuples in :data:`COLUMNS` order); empty at the end."""
        sort_key = "at" if self.sort == "at" else f"coalesce({self.sort}, '')"
        keys = ["at", "rowid"] if self.sort == "at" else [sort_key, "at", "rowid"]
        direction = "DESC" if self.descending else "ASC"
        where, params = self.where, list(self.params)
        if self._after is not None:
            compare = "<" if self.descending else ">"
            where += f" AND ({', '.join(keys)}) {compare} ({', '.join('?' for _ in keys)})"
            params.extend(self._after[-len(keys) :])
        sql = (
            f"SELECT {', '.join(COLUMNS)}, {sort_key}, rowid FROM events WHERE {where} "
            f"ORDER BY {', '.join(f'{k} {direction}' for k in keys)} LIMIT ?"
        )
        rows = self.conn.execute(sql, [*params, size]).fetchall()
        if rows:
            last = rows[-1]
            self._after = (last[-2], last[COLUMNS_AT], last[-1])
        return [row[: len(COLUMNS)] for row in rows]


COLUMNS_AT = list(COLUMNS).index("at")
