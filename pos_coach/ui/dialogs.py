"""Every file dialog of the app goes through here, so tests and headless runs can answer it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

# Tests replace this with a function returning a path (or None) without showing anything.
SaveAsker = Callable[[QWidget, str, str, str], Path | None]


def _ask_with_qt(parent: QWidget, title: str, suggested: str, name_filter: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
    return Path(chosen) if chosen else None


ask_save_path: SaveAsker = _ask_with_qt


def save_path(parent: QWidget, title: str, suggested: str, name_filter: str) -> Path | None:
    return ask_save_path(parent, title, suggested, name_filter)


def _ask_open_with_qt(parent: QWidget, title: str, name_filter: str) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, "", name_filter)
    return Path(chosen) if chosen else None


OpenAsker = Callable[[QWidget, str, str], Path | None]
ask_open_path: OpenAsker = _ask_open_with_qt


def open_path(parent: QWidget, title: str, name_filter: str) -> Path | None:
    return ask_open_path(parent, title, name_filter)
