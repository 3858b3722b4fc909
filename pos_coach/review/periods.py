"""Report periods in the shop's local time: this shift, today, yesterday, 7 and 30 days, custom."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from pos_coach.clock import parse_utc, to_utc_text

KINDS = ("shift", "today", "yesterday", "week", "month", "custom")


@dataclass(frozen=True)
class Period:
    kind: str
    start: datetime  # aware, in UTC (so that lengths are real durations); inclusive
    end: datetime  # aware, in UTC; exclusive

    @property
    def start_text(self) -> str:
        return to_utc_text(self.start)

    @property
    def end_text(self) -> str:
        return to_utc_text(self.end)

    @property
    def length(self) -> timedelta:
        return self.end - self.start

    def previous(self) -> Period:
        """The period of the same length just before this one (for comparisons)."""
        return Period(self.kind, self.start - self.length, self.start)

    def local_days(self, zone: tzinfo) -> list[date]:
        """Every local date the period touches, in order."""
        first = self.start.astimezone(zone).date()
        last = (self.end - timedelta(microseconds=1)).astimezone(zone).date()
        return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def local_midnight(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


def days(first: date, last: date, zone: tzinfo, kind: str = "custom") -> Period:
    """From local midnight of ``first`` to local midnight after ``last`` (both included)."""
    if last < first:
        first, last = last, first
    start = local_midnight(first, zone).astimezone(UTC)
    return Period(kind, start, local_midnight(last + timedelta(days=1), zone).astimezone(UTC))


def make_period(
    kind: str,
    zone: tzinfo,
    now: datetime | None = None,
    conn: sqlite3.Connection | None = None,
    first: date | None = None,
    last: date | None = None,
) -> Period:
    now = (now or datetime.now(UTC)).astimezone(zone)
    today = now.date()
    if kind == "today":
        return days(today, today, zone, kind)
    if kind == "yesterday":
        day = today - timedelta(days=1)
        return days(day, day, zone, kind)
    if kind == "week":
        return days(today - timedelta(days=6), today, zone, kind)
    if kind == "month":
        return days(today - timedelta(days=29), today, zone, kind)
    if kind == "custom":
        if first is None:
            raise ValueError("a custom period needs a first day")
        return days(first, last or first, zone, kind)
    if kind == "shift":
        started = None
        if conn is not None:
            # the latest shift start in the journal's order, not the clock's: a till whose
            # clock was set back has later shift starts with earlier times
            row = conn.execute(
                "SELECT at FROM events WHERE kind = 'shift_start' ORDER BY rowid DESC LIMIT 1"
            ).fetchone()
            started = row[0] if row else None
        if started is None:
            return days(today, today, zone, kind)
        end = (now + timedelta(seconds=1)).astimezone(UTC)
        return Period(kind, min(parse_utc(started), end - timedelta(seconds=1)), end)
    raise ValueError(f"unknown period {kind!r}; one of {', '.join(KINDS)}")
