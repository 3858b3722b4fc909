"""Report rows and raw events as text: an aligned table, CSV or JSON (lines)."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, BinaryIO, TextIO

from pos_coach.i18n import message
from pos_coach.journal import COLUMNS, OUTCOMES
from pos_coach.review.reports import Row

ROW_FIELDS = ("key", "interactions", *OUTCOMES, "no_outcome")


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def hour_span(hour: int | None) -> str:
    """A local hour as the span it covers: ``10`` -> "10:00–11:00" (the review and the PDF)."""
    return "—" if hour is None else f"{hour:02d}:00–{(hour + 1) % 24:02d}:00"


def table_word(word: str, lang: str) -> str:
    """A word of the report's table ("interactions", "by weekday") in ``lang``."""
    return message("report_" + word.replace(" %", "_share").replace(" ", "_"), lang)


def rows_table(rows: Sequence[Row], key_title: str, lang: str = "en") -> str:
    """An aligned plain-text table with counts and the WOW / upset shares."""
    columns = ("interactions", "wow", "ok", "upset", "escalated", "no outcome", "wow %", "upset %")
    header = [table_word(key_title, lang), *(table_word(c, lang) for c in columns)]
    body = [
        [
            table_word(r.key, lang) if r.key == "total" else str(r.key),
            str(r.interactions),
            str(r.wow),
            str(r.ok),
            str(r.upset),
            str(r.escalated),
            str(r.open),
            percent(r.share("wow")),
            percent(r.share("upset")),
        ]
        for r in rows
    ]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]

    def render(line: list[str]) -> str:
        cells = [line[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(line[1:], widths[1:], strict=True)
        ]
        return "  ".join(cells).rstrip()

    lines = [render(header), "  ".join("-" * w for w in widths)]
    lines.extend(render(line) for line in body)
    return "\n".join(lines)


# Excel opens a CSV by double-click only when it starts with a byte-order mark (else it reads
# Cyrillic as Windows-1251), and splits columns at the list separator of the system's locale:
# ";" wherever the decimal mark is a comma (Russia, most of Europe). ";" also works in Excel set
# up for English. So the "excel" flavour: BOM, ";" and Windows line ends.
EXCEL_BOM = "\ufeff"


# A cell Excel would run as a formula (a cashier named "=HYPERLINK(...)", a phrase starting
# with "@" or "-"): a leading apostrophe makes Excel show it as text (OWASP's advice for CSV).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def excel_safe(value: object) -> object:
    """``value`` as Excel should show it: text that would start a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class Rows:
    """Rows of cells to CSV: plain, for programs; or for Excel (a byte-order mark, ';', Windows
    line ends, and no cell that Excel would run as a formula). The review's export uses it too.
    """

    def __init__(self, out: TextIO, excel: bool = False) -> None:
        self.excel = excel
        if excel:
            out.write(EXCEL_BOM)
            self._writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        else:
            # RFC 4180 line ends: with them the csv module also quotes a lone CR in a cell, which
            # would else end the row for every reader
            self._writer = csv.writer(out, lineterminator="\r\n")

    def writerow(self, row: Iterable[object]) -> None:
        self.writerows((row,))

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        if self.excel:
            rows = ([excel_safe(v) for v in row] for row in rows)
        self._writer.writerows(rows)


def weekday_name(day: int, lang: str) -> str:
    """0 = Monday, as ``datetime.weekday()`` counts."""
    return message("weekday_names", lang).split()[day]


def rows_csv(rows: Sequence[Row], out: TextIO, excel: bool = False) -> None:
    writer = Rows(out, excel)
    writer.writerow(ROW_FIELDS)
    for row in rows:
        fields = row.as_dict()
        writer.writerow([fields[name] for name in ROW_FIELDS])


def rows_json(rows: Sequence[Row]) -> str:
    return json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=2)


def iter_events(conn: sqlite3.Connection, batch: int = 5000) -> Iterator[dict[str, Any]]:
    """Every event, oldest first, as a mapping of column to value."""
    cursor = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM events ORDER BY at, rowid")
    while chunk := cursor.fetchmany(batch):
        for record in chunk:
            yield dict(zip(COLUMNS, record, strict=True))


# The export is made by SQLite, one finished line per event: Python turning the 14 cells of
# each of a million rows into objects and the csv module quoting them cost 3-4 times what the
# sqlite3 shell needs. printf's %w doubles every double quote, so '"%w"' is a CSV cell whatever
# it holds (commas, quotes, line breaks, a lone CR); every cell is quoted, which every CSV
# reader takes. Lines come out of SQLite as UTF-8 bytes and go straight to the output.
_FORMULA_CODES = ", ".join(str(ord(c)) for c in _FORMULA_START)


def _csv_line(excel: bool) -> str:
    cells = []
    for name in COLUMNS:
        cell = f"coalesce({name}, '')"
        if excel:  # excel_safe, in SQL: unicode() is the code of the first character
            cell = f"iif(unicode({name}) IN ({_FORMULA_CODES}), '''' || {name}, {cell})"
        cells.append(cell)
    line = (";" if excel else ",").join('"%w"' for _ in COLUMNS) + "\r\n"
    return f"printf('{line}', {', '.join(cells)})"


def _jsonl_line() -> str:
    fields = [
        f"'{name}', iif(json_valid({name}), json({name}), {name})"
        if name == "detail"
        else f"'{name}', {name}"
        for name in COLUMNS
    ]
    return f"json_object({', '.join(fields)}) || char(10)"


def _export_lines(conn: sqlite3.Connection, line: str, out: BinaryIO) -> int:
    count = 0
    factory = conn.text_factory
    conn.text_factory = bytes
    try:
        cursor = conn.execute(f"SELECT {line} FROM events ORDER BY at, rowid")
        while chunk := cursor.fetchmany(5000):
            block = b"".join([text for (text,) in chunk])
            if not block.isascii():
                try:
                    block.decode("utf-8")  # SQLite hands text over as it was stored
                except UnicodeDecodeError:  # a byte another program wrote, or the disk flipped
                    block = block.decode("utf-8", "replace").encode("utf-8")
            out.write(block)
            count += len(chunk)
    finally:
        conn.text_factory = factory
    return count


def events_csv(conn: sqlite3.Connection, out: BinaryIO, excel: bool = False) -> int:
    """Every event of the journal, oldest first, as UTF-8 CSV with a header and CR LF line
    ends; for Excel with a byte-order mark, ";" and no cell it would run as a formula. How
    many events."""
    header = (";" if excel else ",").join(COLUMNS) + "\r\n"
    out.write(((EXCEL_BOM if excel else "") + header).encode())
    return _export_lines(conn, _csv_line(excel), out)


def events_jsonl(conn: sqlite3.Connection, out: BinaryIO) -> int:
    """Every event, oldest first, one UTF-8 JSON object per line: ``detail`` as the JSON it
    holds (as text if it is not JSON). How many events."""
    return _export_lines(conn, _jsonl_line(), out)
