"""Plain-text labels, the building block of every page (text from cards is never rich text)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout


def plain_label(text: str = "", name: str | None = None, wrap: bool = True) -> QLabel:
    """A label that shows ``text`` as typed: no HTML, no links, nothing fetched."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if name:
        label.setObjectName(name)
    return label


def page_heading(layout: QVBoxLayout, title: str, hint: str | None = None) -> None:
    """The big title (and an optional muted line under it) at the top of a page."""
    layout.addWidget(plain_label(title, "pageTitle"))
    if hint:
        layout.addWidget(plain_label(hint, "muted"))
