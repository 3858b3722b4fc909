"""The shop's time zone: events are stored in UTC, reports speak the shop's local day and hour."""

from __future__ import annotations

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
    """A time the journal wrote (``2026-11-23T10:15:02.123Z``) as an aware datetime in UTC."""
    moment = datetime.fromisoformat(text.rstrip("Z"))  # not strptime: 1 ms to import, each run
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SAMPLE = timedelta(days=1)  # no zone has kept an offset for less than a day


def to_ms(moment: datetime) -> int:
    """An aware datetime as milliseconds since 1970-01-01 UTC (how the report tables count)."""
    return (moment - EPOCH) // timedelta(milliseconds=1)


def from_ms(ms: int) -> datetime:
    return EPOCH + timedelta(milliseconds=ms)


def offset_changes(zone: tzinfo, start_ms: int, end_ms: int) -> list[tuple[int, int]]:
    """The UTC offsets of ``zone`` from ``start_ms`` to ``end_ms``: ``(from_ms, seconds ahead
    of UTC)`` pairs, the first from ``start_ms``, one more per change (DST, a new standard time).

    Found once per period: the offset is read once a day and, between two days that differ,
    the change is found to the second by halving. A century takes some 37,000 readings (about
    15 ms); reports then turn UTC into local time with whole numbers."""

    def offset(ms: int) -> int:
        delta = from_ms(ms).astimezone(zone).utcoffset() or timedelta(0)
        return int(delta.total_seconds())

    step = _SAMPLE // timedelta(milliseconds=1)
    changes = [(start_ms, offset(start_ms))]
    moment, current = start_ms, changes[0][1]
    while moment < end_ms:
        following = min(moment + step, end_ms)
        after = offset(following)
        if after != current:
            low, high = moment, following  # offset(low) == current, offset(high) != current
            while high - low > 1000:
                middle = (low + high) // 2
                if offset(middle) == current:
                    low = middle
                else:
                    high = middle
            high -= high % 1000  # changes happen on whole seconds
            if offset(high) == current:
                high += 1000
            changes.append((high, offset(high)))
            current = changes[-1][1]
            if after != current:  # a second change within the same day: look again from here
                following = high
        moment = following
    return changes
