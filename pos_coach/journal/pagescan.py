"""Events read straight from the pages of a damaged journal file, where SQL cannot reach them.

When a page near the top of the events table (or the schema, or the file header) is garbled,
SQLite cannot find the rows below it even though their own pages are whole. Like the
``.recover`` command of the ``sqlite3`` shell, this reads every page of the file (and every
frame of its write-ahead log) as bytes, takes each table leaf page apart by the documented file
format, and keeps the rows that have exactly the shape of an event (:data:`COLUMNS`, an id, a
time and a known kind). A page it cannot take apart is passed over; nothing here ever raises
for what is in the file.

File format: https://www.sqlite.org/fileformat2.html (b-tree pages, cells, records, overflow).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pos_coach.journal.events import COLUMNS, KINDS

TABLE_LEAF = 0x0D
WAL_HEADER, FRAME_HEADER = 32, 24
_KINDS = frozenset(KINDS)


@dataclass(frozen=True)
class Layout:
    """What a scan needs to know of a file: its page size, usable bytes, and how many pages
    the file and its log hold (log frames are numbered after the file's pages)."""

    page_size: int
    usable: int
    file_pages: int
    log_frames: int

    @property
    def positions(self) -> int:
        return self.file_pages + self.log_frames


def layout(path: Path) -> Layout | None:
    """The layout of ``path`` (and ``path-wal``), from the header when it is whole, else a
    guess: 4096-byte pages (POS Coach's journals never change it)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as file:
            header = file.read(100)
    except OSError:
        return None
    page_size, reserved = 4096, 0
    if len(header) == 100 and header.startswith(b"SQLite format 3\x00"):
        raw = int.from_bytes(header[16:18], "big")
        candidate = 65536 if raw == 1 else raw
        if candidate >= 512 and candidate & (candidate - 1) == 0:
            page_size, reserved = candidate, header[20]
    frames = 0
    with contextlib.suppress(OSError):
        frames = max(0, (os.path.getsize(f"{path}-wal") - WAL_HEADER)) // (FRAME_HEADER + page_size)
    return Layout(page_size, page_size - reserved, size // page_size, frames)


class Scanner:
    """Reads pages of one file (and its log) for event rows."""

    def __init__(self, path: Path, shape: Layout) -> None:
        self.path = path
        self.shape = shape

    def page(self, number: int) -> bytes | None:
        """Page ``number`` (1-based) of the file itself."""
        return self._read(self.path, (number - 1) * self.shape.page_size, self.shape.page_size)

    def position(self, place: int) -> bytes | None:
        """The page at scan position ``place``: the file's pages, then the log's frames."""
        if place <= self.shape.file_pages:
            return self.page(place)
        frame = place - self.shape.file_pages - 1
        offset = WAL_HEADER + frame * (FRAME_HEADER + self.shape.page_size) + FRAME_HEADER
        return self._read(Path(f"{self.path}-wal"), offset, self.shape.page_size)

    @staticmethod
    def _read(path: Path, offset: int, size: int) -> bytes | None:
        try:
            with open(path, "rb") as file:
                file.seek(offset)
                data = file.read(size)
        except OSError:
            return None
        return data if len(data) == size else None

    def rows(self, place: int) -> Iterator[tuple[int, list[object]]]:
        """The event rows on the page at scan position ``place``: (rowid, values)."""
        data = self.position(place)
        if data is None:
            return
        start = 100 if place == 1 else 0  # page 1 begins with the file header
        try:
            yield from self._leaf(data, start)
        except (IndexError, ValueError, UnicodeDecodeError, RecursionError):
            return  # not a page that can be taken apart: passed over

    def _leaf(self, data: bytes, start: int) -> Iterator[tuple[int, list[object]]]:
        if data[start] != TABLE_LEAF:
            return
        cells = int.from_bytes(data[start + 3 : start + 5], "big")
        if cells * 2 + start + 8 > len(data):
            return
        for n in range(cells):
            pointer = int.from_bytes(data[start + 8 + 2 * n : start + 10 + 2 * n], "big")
            if not 0 < pointer < len(data):
                continue
            try:
                found = self._cell(data, pointer)
            except (IndexError, ValueError, UnicodeDecodeError):
                continue
            if found is not None:
                yield found

    def _cell(self, data: bytes, at: int) -> tuple[int, list[object]] | None:
        size, at = varint(data, at)
        rowid, at = varint(data, at)
        usable = self.shape.usable
        most = usable - 35
        if size <= most:
            payload = data[at : at + size]
        else:
            least = (usable - 12) * 32 // 255 - 23
            local = least + (size - least) % (usable - 4)
            local = local if local <= most else least
            payload = data[at : at + local] + self._overflow(
                int.from_bytes(data[at + local : at + local + 4], "big"), size - local
            )
        if len(payload) != size:
            return None
        values = record(payload)
        if values is None or not looks_like_event(values):
            return None
        return rowid, values

    def _overflow(self, page: int, wanted: int) -> bytes:
        """The rest of a payload, from its chain of overflow pages in the file."""
        parts: list[bytes] = []
        seen: set[int] = set()
        while wanted > 0 and 0 < page <= self.shape.file_pages and page not in seen:
            seen.add(page)
            data = self.page(page)
            if data is None:
                break
            chunk = data[4 : 4 + min(wanted, self.shape.usable - 4)]
            parts.append(chunk)
            wanted -= len(chunk)
            page = int.from_bytes(data[:4], "big")
        return b"".join(parts)


def varint(data: bytes, at: int) -> tuple[int, int]:
    """SQLite's variable-length integer at ``at``: (value, the offset after it)."""
    value = 0
    for n in range(9):
        byte = data[at + n]
        if n == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + n + 1
    raise ValueError("varint")  # pragma: no cover - the loop always returns


_INT_SIZES = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}


def record(payload: bytes) -> list[object] | None:
    """The values of one record (SQLite's record format), or None if it is not one."""
    header_size, at = varint(payload, 0)
    if not 0 < header_size <= len(payload):
        return None
    types = []
    while at < header_size:
        kind, at = varint(payload, at)
        types.append(kind)
    if len(types) != len(COLUMNS):
        return None
    values: list[object] = []
    at = header_size
    for kind in types:
        if kind == 0:
            values.append(None)
        elif kind in _INT_SIZES:
            width = _INT_SIZES[kind]
            values.append(int.from_bytes(payload[at : at + width], "big", signed=True))
            at += width
        elif kind in (8, 9):
            values.append(kind - 8)
        elif kind >= 13 and kind % 2:
            width = (kind - 13) // 2
            values.append(payload[at : at + width].decode("utf-8"))
            at += width
        else:
            return None  # floats and blobs: no event column holds one
    return values if at == len(payload) else None


def looks_like_event(values: list[object]) -> bool:
    """A row of the events table: every column text or empty, an id, a UTC time, a kind."""
    if not all(v is None or isinstance(v, str) for v in values):
        return False
    event_id, at, kind = values[0], values[1], values[6]
    return (
        isinstance(event_id, str)
        and 8 <= len(event_id) <= 64
        and isinstance(at, str)
        and len(at) >= 19
        and at[:2] in ("19", "20", "21")
        and at[4] == "-"
        and kind in _KINDS
    )
