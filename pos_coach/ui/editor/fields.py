"""Form fields of the card editor: list editors, hotkey capture, problem labels."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from pos_coach.ui.labels import plain_label


class ListEditor(QWidget):
    """A list of texts: edit in place (double-click), add, remove, move up and down."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.items = QListWidget()
        self.items.setObjectName(f"{name}Items")
        self.items.setWordWrap(True)
        self.items.setMinimumHeight(90)
        self.items.itemChanged.connect(lambda _item: self.changed.emit())
        layout.addWidget(self.items, 1)
        side = QGridLayout()  # two by two: a list of two lines needs no more height than that
        side.setSpacing(4)
        for n, (key, text, tip, slot) in enumerate(
            (
                ("add", "+", self.tr("Add"), self.add_item),
                ("remove", "−", self.tr("Remove"), self.remove_item),
                ("up", "↑", "", lambda: self.move_item(-1)),
                ("down", "↓", "", lambda: self.move_item(1)),
            )
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setFixedWidth(40)
            button.setObjectName(f"{name}-{key}")
            button.clicked.connect(slot)
            side.addWidget(button, n // 2, n % 2)
        side.setRowStretch(2, 1)
        layout.addLayout(side)

    def values(self) -> list[str]:
        return [self.items.item(n).text().strip() for n in range(self.items.count())]

    def set_values(self, values: list[str]) -> None:
        self.items.blockSignals(True)
        self.items.clear()
        for value in values:
            self._append(value)
        self.items.blockSignals(False)

    def _append(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.items.addItem(item)
        return item

    def add_item(self, text: str = "") -> None:
        item = self._append(text or self.tr("New line"))
        self.items.setCurrentItem(item)
        self.items.editItem(item)
        self.changed.emit()

    def remove_item(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.takeItem(row)
            self.changed.emit()

    def move_item(self, step: int) -> None:
        row = self.items.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.items.count():
            return
        item = self.items.takeItem(row)
        self.items.insertItem(target, item)
        self.items.setCurrentRow(target)
        self.changed.emit()


class HotkeyField(QWidget):
    """Press the key to assign it; "Clear" removes it. Shows Qt's portable key text."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QKeySequenceEdit()
        self.edit.setObjectName("hotkeyEdit")
        self.edit.setMaximumSequenceLength(1)
        self.edit.keySequenceChanged.connect(lambda _seq: self.changed.emit())
        layout.addWidget(self.edit, 1)
        clear = QPushButton(self.tr("Clear"))
        clear.setObjectName("hotkeyClear")
        clear.clicked.connect(self.clear)
        layout.addWidget(clear)

    def value(self) -> str:
        return self.edit.keySequence().toString(QKeySequence.SequenceFormat.PortableText)

    def set_value(self, text: str | None) -> None:
        self.edit.blockSignals(True)
        self.edit.setKeySequence(
            QKeySequence.fromString(text or "", QKeySequence.SequenceFormat.PortableText)
        )
        self.edit.blockSignals(False)

    def clear(self) -> None:
        self.edit.clear()
        self.changed.emit()


def problem_label(name: str) -> QLabel:
    label = plain_label("", name)
    label.setObjectName(name)
    label.setStyleSheet("color: #9B2C2C; font-weight: bold;")
    label.setVisible(False)
    return label
