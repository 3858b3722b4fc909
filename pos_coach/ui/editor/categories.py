"""Categories of the tile screen: add, rename (per language), recolour, reorder, remove."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pos_coach.cards import writer
from pos_coach.cards.model import FALLBACK_COLOUR, ID_PATTERN, Category
from pos_coach.editing import CardEditor
from pos_coach.ui.labels import plain_label

COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class CategoriesPage(QWidget):
    saved = Signal()

    def __init__(self, editor: CardEditor, ui_lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.ui_lang = ui_lang
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "The order of the rows is the order on the tile screen. Colours are #RRGGBB; dark, calm colours read best with white text."  # noqa: E501 - one literal for the translators
                )
            )
        )
        self.table = QTableWidget()
        self.table.setObjectName("categoriesTable")
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        for name, text, slot in (
            ("addCategory", self.tr("Add"), self.add),
            ("removeCategory", self.tr("Remove"), self.remove),
            ("categoryUp", "↑", lambda: self.move_row(-1)),
            ("categoryDown", "↓", lambda: self.move_row(1)),
            ("saveCategories", self.tr("Save categories"), self.save),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = plain_label("", "categoriesMessage")
        layout.addWidget(self.message)
        self.load()

    def load(self) -> None:
        langs = self.editor.langs
        self.table.clear()
        self.table.setColumnCount(2 + len(langs))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Id"),
                self.tr("Colour"),
                *[self.tr("Label (%1)").replace("%1", lang) for lang in langs],
            ]
        )
        first = self.editor.pack(langs[0]) if langs else None
        ordered = first.ordered_categories() if first else []
        self.table.setRowCount(len(ordered))
        for row, category in enumerate(ordered):
            self._set_row(row, category.id, category.colour)
            for column, lang in enumerate(langs, 2):
                pack = self.editor.pack(lang)
                other = pack.categories.get(category.id) if pack else None
                self.table.setItem(
                    row, column, QTableWidgetItem(other.label if other else category.label)
                )
        # the ids and colours as wide as they are, the labels share the rest: nothing cut to "…"
        header = self.table.horizontalHeader()
        for column in range(self.table.columnCount()):
            mode = (
                QHeaderView.ResizeMode.ResizeToContents
                if column < 2
                else QHeaderView.ResizeMode.Stretch
            )
            header.setSectionResizeMode(column, mode)

    def _set_row(self, row: int, category_id: str, colour: str) -> None:
        ident = QTableWidgetItem(category_id)
        self.table.setItem(row, 0, ident)
        swatch = QTableWidgetItem(colour)
        swatch.setBackground(QColor(colour))
        swatch.setForeground(
            QColor("#FFFFFF") if QColor(colour).lightness() < 140 else QColor("#111418")
        )
        self.table.setItem(row, 1, swatch)

    def _text(self, row: int, column: int) -> str:
        """The cell's text, stripped; "" for a cell without an item."""
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def rows(self) -> list[tuple[str, str, dict[str, str]]]:
        result = []
        for row in range(self.table.rowCount()):
            category_id = self._text(row, 0)
            colour = self._text(row, 1)
            labels = {
                lang: self._text(row, column) for column, lang in enumerate(self.editor.langs, 2)
            }
            result.append((category_id, colour, labels))
        return result

    def add(self) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._set_row(row, f"category-{row + 1}", FALLBACK_COLOUR)
        for column in range(2, self.table.columnCount()):
            self.table.setItem(row, column, QTableWidgetItem(self.tr("New category")))

    def remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        item = self.table.item(row, 0)
        category_id = item.text() if item is not None else ""
        used = [
            c.id
            for p in self.editor.result.packs.values()
            for c in p.cards.values()
            if c.category == category_id
        ]
        if used:
            self.message.setText(
                self.tr("'%1' is used by %2 card(s); move them first.")
                .replace("%1", category_id)
                .replace("%2", str(len(used)))
            )
            return
        self.table.removeRow(row)

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        taken = [self.table.takeItem(row, c) for c in range(self.table.columnCount())]
        self.table.removeRow(row)
        self.table.insertRow(target)
        for column, item in enumerate(taken):
            self.table.setItem(target, column, item)
        self.table.setCurrentCell(target, 0)

    def save(self) -> bool:
        rows = self.rows()
        for category_id, colour, labels in rows:
            if not ID_PATTERN.match(category_id):
                self.message.setText(
                    self.tr(
                        "'%1' is not a valid category id: use lowercase letters a-z, digits and '-'"
                    ).replace("%1", category_id)
                )
                return False
            if not COLOUR.match(colour):
                self.message.setText(
                    self.tr(
                        "'%1' is not a colour: write it as #RRGGBB, for example #2E6B3F"
                    ).replace("%1", colour)
                )
                return False
            if not all(labels.values()):
                self.message.setText(self.tr("Every category needs a label in every language."))
                return False
        for lang in self.editor.langs:
            categories = [
                Category(category_id, labels[lang], colour.upper(), (n + 1) * 10)
                for n, (category_id, colour, labels) in enumerate(rows)
            ]
            writer.save_categories(self.editor.root, lang, categories)
        self.editor.reload()
        self.message.setText(self.tr("Categories saved."))
        self.saved.emit()
        return True
