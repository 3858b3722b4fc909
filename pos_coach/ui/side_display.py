"""Side-display mode: a frameless, always-on-top counter that never takes the keyboard.

The POS program keeps the keyboard focus (Qt's ``WindowDoesNotAcceptFocus``: a touch or a click
on a tile opens the card without activating the window), so the cashier can keep scanning. The
window remembers its screen, position and size; drag its header to move it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

GEOMETRY_KEY = "side_display/geometry"


def settings() -> QSettings:
    return QSettings("POS Coach", "POS Coach")


def apply(window: QMainWindow, handle: QWidget) -> None:
    """Make ``window`` a side display; ``handle`` (its header) moves it when dragged."""
    window.setWindowFlags(
        window.windowFlags()
        | Qt.WindowType.FramelessWindowHint
        | Qt.WindowType.WindowStaysOnTopHint
        | Qt.WindowType.WindowDoesNotAcceptFocus
    )
    window.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    window.setProperty("side_display", True)
    saved = settings().value(GEOMETRY_KEY)
    if isinstance(saved, QByteArray) and not saved.isEmpty():
        window.restoreGeometry(saved)
    mover = _Mover(window)
    handle.installEventFilter(mover)
    window._side_mover = mover  # type: ignore[attr-defined]  # kept alive with the window


def remember(window: QWidget) -> None:
    """Save screen, position and size (called when the window closes)."""
    if window.property("side_display"):
        store = settings()
        store.setValue(GEOMETRY_KEY, window.saveGeometry())
        store.sync()


class _Mover(QObject):
    """Drag the frameless window by its header."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._offset: QPoint | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QMouseEvent):
            if event.type() == QEvent.Type.MouseButtonPress:
                self._offset = (
                    event.globalPosition().toPoint() - self.window.frameGeometry().topLeft()
                )
            elif event.type() == QEvent.Type.MouseMove and self._offset is not None:
                self.window.move(event.globalPosition().toPoint() - self._offset)
            elif event.type() == QEvent.Type.MouseButtonRelease:
                self._offset = None
        return False
