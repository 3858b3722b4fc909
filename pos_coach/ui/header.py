"""The strip at the top of the counter: who and where, the search field, settings."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from pos_coach.ui.first_paint import soon
from pos_coach.ui.labels import plain_label


class Header(QWidget):
    change_cashier = Signal()
    open_settings = Signal()
    open_review = Signal()
    open_editor = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(10)
        self._layout = layout
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Type to find a situation…"))
        layout.addWidget(self.search, 1)
        layout.addStretch(0)  # takes the room when the search is hidden (shift, settings)
        self.place = plain_label(name="place", wrap=False)
        layout.addWidget(self.place)
        self.cashier_button = QPushButton()
        self.cashier_button.setObjectName("cashierButton")
        self.cashier_button.clicked.connect(self.change_cashier)
        layout.addWidget(self.cashier_button)
        self.review_button = QPushButton(self.tr("Review"))
        self.review_button.setObjectName("reviewButton")
        self.review_button.clicked.connect(self.open_review)
        layout.addWidget(self.review_button)
        self.editor_button = QPushButton(self.tr("Cards"))
        self.editor_button.setObjectName("editorButton")
        self.editor_button.setToolTip(self.tr("The owner's card editor"))
        self.editor_button.clicked.connect(self.open_editor)
        layout.addWidget(self.editor_button)
        self.settings_button = QPushButton(self.tr("Settings"))
        self.settings_button.setObjectName("settingsButton")
        self.settings_button.clicked.connect(self.open_settings)
        layout.addWidget(self.settings_button)
        soon(self._flags)

    def _flags(self) -> None:
        self.setAttribute(QtCore.Qt.WidgetAttribute.WA_StyledBackground)
        for button in (
            self.cashier_button,
            self.review_button,
            self.editor_button,
            self.settings_button,
        ):
            button.setFocusPolicy(QtCore.Qt.FocusPolicy.NoFocus)  # the keyboard stays in search

    def set_small(self, small: bool) -> None:
        """Thinner margins on a short screen: the page below gets the room."""
        self._layout.setContentsMargins(*((10, 4, 10, 4) if small else (12, 8, 12, 8)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # narrow side screens: the cashier's buttons first; the back office is in Settings too
        self.place.setVisible(self.width() >= 1000)
        for button in (self.review_button, self.editor_button):
            button.setVisible(self.width() >= 860)

    def show_context(self, store: str, register: str, cashier: str | None) -> None:
        where = self.tr("Register %1").replace("%1", register)
        place = f"{store} · {where}" if store else where
        soon(lambda: self.place.setText(place))  # the shop's own words: once it is plain text
        self.cashier_button.setText(cashier or self.tr("Pick cashier"))
        self.cashier_button.setToolTip(self.tr("Change cashier"))
