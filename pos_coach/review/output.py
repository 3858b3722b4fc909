"""Report rows and raw events as text: an aligned table, CSV or JSON (lines)."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

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


def event_batches(conn: sqlite3.Connection, batch: int = 5000) -> Iterator[list[tuple[Any, ...]]]:
    """Every event, oldest first, as batches of rows in :data:`COLUMNS` order (a million rows
    never sit in memory, and no row is turned into anything it need not be)."""
    cursor = conn.execute(f"SELECT {', '.join(COLUMNS)} FROM events ORDER BY at, rowid")
    while chunk := cursor.fetchmany(batch):
        yield chunk


def iter_events(conn: sqlite3.Connection, batch: int = 5000) -> Iterator[dict[str, Any]]:
    """Every event, oldest first, as a mapping of column to value."""
    for chunk in event_batches(conn, batch):
        for record in chunk:
            yield dict(zip(COLUMNS, record, strict=True))


def events_csv(batches: Iterable[Sequence[Sequence[Any]]], out: TextIO, excel: bool = False) -> int:
    """Batches of event rows (as :func:`event_batches` gives them) to CSV; how many."""
    writer = Rows(out, excel)
    writer.writerow(COLUMNS)
    count = 0
    for chunk in batches:
        writer.writerows(chunk)
        count += len(chunk)
    return count


def events_jsonl(events: Iterator[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for event in events:
        if event.get("detail"):
            event["detail"] = json.loads(event["detail"])
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        count += 1
    return count
