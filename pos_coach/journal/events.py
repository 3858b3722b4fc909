"""What the journal records: one :class:`Event` per thing that happened (no Qt)."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

KINDS = (
    "shift_start",
    "shift_end",
    "shown",
    "said",
    "outcome",
    "dismissed",
    "note",
    "card_edited",  # the owner changed a card: detail says what (the editor's audit trail)
)
SOURCES = ("touch", "hotkey", "search", "trigger", "http")
OUTCOMES = ("upset", "ok", "wow", "escalated")

COLUMNS: dict[str, type] = {
    "id": str,
    "at": str,
    "store": str,
    "register": str,
    "cashier": str,
    "interaction": str,
    "kind": str,
    "situation": str,
    "card_rev": str,
    "lang": str,
    "source": str,
    "phrase": str,
    "outcome": str,
    "detail": str,
}


def utc_now() -> str:
    """The current time as UTC ISO 8601 with milliseconds, e.g. ``2026-11-23T10:15:02.123Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


# A version-7 UUID (RFC 9562): 48 bits of Unix milliseconds, then the version, 12 random bits,
# the variant and 62 random bits. Ids made one after another sort one after another, so each new
# event and interaction lands at the end of the journal's id indexes: their pages stay full and
# an append touches the same few pages, however big the journal grows.
_RANDOM_BITS = ((1 << 12) - 1) << 64 | ((1 << 62) - 1)
_V7 = (7 << 76) | (0b10 << 62)


def time_uuid(ms: int, random_bits: int) -> str:
    """The version-7 UUID text for Unix milliseconds ``ms`` and (74 of) ``random_bits``."""
    value = ((ms & 0xFFFF_FFFF_FFFF) << 80) | _V7 | (random_bits & _RANDOM_BITS)
    digits = f"{value:032x}"
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


def new_id() -> str:
    """A new time-ordered UUID for an event or an interaction."""
    return time_uuid(time.time_ns() // 1_000_000, int.from_bytes(os.urandom(10), "big"))


@dataclass(frozen=True)
class Event:
    kind: str
    cashier: str | None = None
    store: str | None = None
    register: str | None = None
    interaction: str | None = None
    situation: str | None = None
    card_rev: str | None = None
    lang: str | None = None
    source: str | None = None
    phrase: str | None = None
    outcome: str | None = None
    detail: dict[str, Any] | None = None
    id: str = field(default_factory=new_id)
    at: str = field(default_factory=utc_now)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown event kind {self.kind!r}")
        if self.source is not None and self.source not in SOURCES:
            raise ValueError(f"unknown source {self.source!r}")
        if self.outcome is not None and self.outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {self.outcome!r}")
        for name in _TEXT_FIELDS:  # text from outside (a trigger's origin, a settings file)
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise TypeError(f"event field {name!r} must be text, not {type(value).__name__}")
            if value is not None and not _storable(value):
                object.__setattr__(self, name, storable(value))

    def row(self) -> dict[str, Any]:
        """The event as the journal's columns hold it (``detail`` as JSON text)."""
        return dict(zip(COLUMNS, self.values(), strict=True))

    def values(self) -> list[Any]:
        """The values of :data:`COLUMNS`, in order, as written into the journal."""
        detail = None
        if self.detail is not None:
            detail = storable(json.dumps(self.detail, ensure_ascii=False, default=str))
        return [detail if name == "detail" else getattr(self, name) for name in COLUMNS]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Event:
        data = dict(row)
        if data.get("detail"):
            data["detail"] = json.loads(data["detail"])
        return cls(**data)


_TEXT_FIELDS = tuple(name for name in COLUMNS if name != "detail")


def _storable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def storable(text: str) -> str:
    """``text`` as UTF-8 (and so SQLite, and a spill file) can hold it: half of a UTF-16
    surrogate pair, which arrives from outside now and then, becomes U+FFFD."""
    if _storable(text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


class JournalError(Exception):
    """The journal cannot be used; the message says why and which file."""


class JournalTooNewError(JournalError):
    """The journal was written by a newer POS Coach: this one cannot use it (it is kept aside,
    like a damaged one, and a fresh one started)."""


class JournalBusyError(JournalError):
    """Another program held the journal for longer than this one may wait (SQLite's "database
    is locked"): a moment later it may well work."""


class JournalDamagedError(JournalError):
    """SQLite says the journal file is damaged (malformed, not a database): not worth trying
    again, unlike a disk that refuses for now."""
