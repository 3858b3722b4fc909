"""Start of shift: the cashier picks their name once (or adds it). No password at the counter."""

from __future__ import annotations

from functools import partial

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from pos_coach.settings import MAX_NAME
from pos_coach.ui.first_paint import soon
from pos_coach.ui.labels import page_heading
from pos_coach.ui.touch import scrolled


class ShiftPage(QWidget):
    cashier_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        layout = scrolled(self, (24, 12, 24, 12))  # many names: they scroll, never squeeze
        layout.setSpacing(12)
        page_heading(
            layout, self.tr("Who is at the till?"), self.tr("Tap your name to start the shift.")
        )
        self._names = QGridLayout()
        self._names.setSpacing(10)
        layout.addLayout(self._names)
        self._empty = QLabel(self.tr("No names yet: type yours below."))
        self._empty.setObjectName("muted")
        layout.addWidget(self._empty)
        row = QHBoxLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("newCashier")
        self.name_edit.setPlaceholderText(self.tr("Your name"))
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.returnPressed.connect(self._start_typed)
        self.name_edit.textChanged.connect(self._typed)
        row.addWidget(self.name_edit, 1)
        self.start_button = QPushButton(self.tr("Start shift"))
        self.start_button.setObjectName("primary")
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self._start_typed)
        row.addWidget(self.start_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}

    def set_names(self, names: list[str]) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons = {}
        for n, name in enumerate(names):
            button = QPushButton(name)
            button.setObjectName(f"cashier-{n}")
            soon(partial(button.setFocusPolicy, QtCore.Qt.FocusPolicy.NoFocus))
            button.setMinimumHeight(64)
            button.clicked.connect(lambda _=False, who=name: self.cashier_chosen.emit(who))
            self._names.addWidget(button, n // 3, n % 3)
            self.buttons[name] = button
        self._empty.setVisible(not names)
        self.name_edit.clear()

    def _typed(self, text: str) -> None:
        self.start_button.setEnabled(bool(text.strip()))

    def _start_typed(self) -> None:
        name = self.name_edit.text().strip()
        if name:
            self.cashier_chosen.emit(name)
