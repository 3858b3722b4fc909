"""The shop's time zone: events are stored in UTC, reports speak the shop's local day and hour."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ISO = "%Y-%m-%dT%H:%M:%S.%f"


def shop_zone(name: str | None = None) -> tzinfo:
    """The zone named in the settings (IANA, e.g. ``Europe/Moscow``), else the system's."""
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # "Europe" is a folder: OSError
            pass
    try:
        import tzlocal

        return tzlocal.get_localzone()
    except Exception:  # an unusual system set-up: fall back to the fixed current offset
        return datetime.now().astimezone().tzinfo or UTC


def to_utc_text(moment: datetime) -> str:
    """An aware datetime as the journal writes it: UTC, milliseconds, ``Z``."""
    return moment.astimezone(UTC).strftime(ISO)[:-3] + "Z"


def parse_utc(text: str) -> datetime:
    return datetime.strptime(text.rstrip("Z"), ISO).replace(tzinfo=UTC)


@dataclass(frozen=True)
class Segment:
    """From ``start`` (UTC text, inclusive) the zone is ``offset_minutes`` ahead of UTC."""

    start: str
    offset_minutes: int


def offset_segments(zone: tzinfo, start: datetime, end: datetime) -> list[Segment]:
    """The UTC offsets of ``zone`` between two instants, one segment per change (DST).

    Found by stepping an hour at a time and bisecting to the minute at each change: a year has
    at most a handful of changes, so reports can turn UTC into local time inside SQL.
    """
    start = start.astimezone(UTC)
    end = end.astimezone(UTC)

    def offset(moment: datetime) -> int:
        delta = moment.astimezone(zone).utcoffset() or timedelta(0)
        return int(delta.total_seconds() // 60)

    segments = [Segment("", offset(start))]
    moment = start
    step = timedelta(hours=1)
    while moment < end:
        following = moment + step
        if offset(following) != offset(moment):
            low, high = moment, following
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                if offset(middle) == offset(low):
                    low = middle
                else:
                    high = middle
            segments.append(
                Segment(to_utc_text(high.replace(second=0, microsecond=0)), offset(high))
            )
        moment = following
    return segments


def local_sql(column: str, segments: list[Segment]) -> str:
    """An SQL expression giving ``column`` (UTC text) as local time text ``YYYY-MM-DD HH:MM:SS``."""
    if len(segments) == 1:
        return f"datetime({column}, '{segments[0].offset_minutes:+d} minutes')"
    parts = ["CASE"]
    for segment in reversed(segments[1:]):
        parts.append(
            f"WHEN {column} >= '{segment.start}' "
            f"THEN datetime({column}, '{segment.offset_minutes:+d} minutes')"
        )
    parts.append(f"ELSE datetime({column}, '{segments[0].offset_minutes:+d} minutes') END")
    return " ".join(parts)
