"""Plain-text labels, the building block of every page (text from cards is never rich text)."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtWidgets import QLabel, QVBoxLayout

from pos_coach.ui.first_paint import soon


def plain_label(text: str = "", name: str | None = None, wrap: bool = True) -> QLabel:
    """A label that shows ``text`` as typed: no HTML, no links, nothing fetched."""
    label = QLabel()
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    soon(lambda: _plain(label))  # before paint only our own words are shown: see first_paint
    label.setText(text)
    return label


def _plain(label: QLabel) -> None:
    label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.NoTextInteraction)


def page_heading(layout: QVBoxLayout, title: str, hint: str | None = None) -> None:
    """The big title (and an optional muted line under it) at the top of a page."""
    layout.addWidget(plain_label(title, "pageTitle"))
    if hint:
        layout.addWidget(plain_label(hint, "muted"))
