"""Qt item models over report data: thin adapters, no queries of their own but the event pager."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pos_coach.clock import parse_utc
from pos_coach.journal import COLUMNS
from pos_coach.review.events import SORTABLE, EventFilter, EventPager
from pos_coach.review.output import percent
from pos_coach.review.reports import Row

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
AT = list(COLUMNS).index("at")
HIDDEN_COLUMNS = ("id", "interaction", "card_rev", "detail")  # still in the CSV export


class RowsModel(QAbstractTableModel):
    """Report rows (a situation, a cashier, a phrasing ...) with their outcome split."""

    def __init__(
        self, key_title: str, label: Callable[[Any], str] = str, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.key_title = key_title
        self.label = label
        self.rows: list[Row] = []
        self.notes: Mapping[Any, str] = {}
        self.headers = [
            key_title,
            self.tr("Interactions"),
            self.tr("WOW"),
            self.tr("OK"),
            self.tr("Upset"),
            self.tr("Called lead"),
            self.tr("No outcome"),
            self.tr("WOW %"),
            self.tr("Upset %"),
        ]

    def set_rows(self, rows: list[Row], notes: Mapping[Any, str] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.notes = notes or {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def values(self, row: Row) -> list[Any]:
        return [
            self.label(row.key),
            row.interactions,
            row.wow,
            row.ok,
            row.upset,
            row.escalated,
            row.open,
            row.share("wow"),
            row.share("upset"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        value = self.values(row)[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() >= 7:
                note = self.notes.get(row.key)
                return note if note and index.column() == 7 else ("" if note else percent(value))
            return value
        if role == SORT_ROLE:
            return -1.0 if value is None else value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return str(row.key)
        return None

    def table(self) -> tuple[list[str], list[list[str]]]:
        """What is on screen, as text: for CSV export."""
        body = [
            [_text(self.data(self.index(n, column))) for column in range(len(self.headers))]
            for n in range(len(self.rows))
        ]
        return self.headers, body


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class EventsModel(QAbstractTableModel):
    """Raw events, fetched a page at a time as the view scrolls (never all in memory at once)."""

    PAGE = 400

    def __init__(
        self, conn: sqlite3.Connection, zone: tzinfo | None = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.conn = conn
        self.zone = zone
        self.columns = list(COLUMNS)
        self.filter = EventFilter()
        self.sort_column = "at"
        self.descending = True
        self._rows: list[tuple[Any, ...]] = []
        self._pager = EventPager(conn)
        self._done = False

    def set_filter(self, where: EventFilter) -> None:
        self.filter = where
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._pager = EventPager(self.conn, self.filter, self.sort_column, self.descending)
        self._done = False
        self.endResetModel()
        if self.canFetchMore():
            self.fetchMore()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt override
        return not parent.isValid() and not self._done

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt override
        page = self._pager.next_page(self.PAGE)
        if len(page) < self.PAGE:
            self._done = True
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        value = self._rows[index.row()][index.column()]
        if value is None:
            return ""
        if index.column() == AT and self.zone is not None and role == Qt.ItemDataRole.DisplayRole:
            return parse_utc(value).astimezone(self.zone).strftime("%Y-%m-%d %H:%M:%S")
        return str(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        name = self.columns[column]
        if name not in SORTABLE:
            return
        self.sort_column = name
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
