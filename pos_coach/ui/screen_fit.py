"""Open a window inside the screen it is on: its preferred size when there is room, else as
large as the screen's free area allows (maximised), never with a button beyond the edge."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# Room for a window manager's frame and title bar, until the window has one to measure.
FRAME_ALLOWANCE = QSize(8, 36)


def available(window: QWidget, screen: QScreen | None = None) -> QRect:
    """The free area (without task bars and docks) of ``screen``, the window's or the first."""
    screen = screen or window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)


def frame_allowance(window: QWidget) -> QSize:
    """What the frame adds to the window's size: measured once shown, else an allowance."""
    if window.isVisible():
        frame, inner = window.frameGeometry(), window.geometry()
        return QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return FRAME_ALLOWANCE


def fitted(preferred: QSize, area: QRect, frame: QSize = FRAME_ALLOWANCE) -> QSize:
    """``preferred``, cut down to what ``area`` holds once the frame is counted."""
    return QSize(
        max(1, min(preferred.width(), area.width() - frame.width())),
        max(1, min(preferred.height(), area.height() - frame.height())),
    )


def place(
    window: QWidget,
    preferred: QSize,
    screen: QScreen | None = None,
    area: QRect | None = None,
) -> bool:
    """Size ``window`` to ``preferred`` or what the free area of its screen holds, and centre
    it there. Returns whether it should open maximised (the preferred size does not fit)."""
    area = area if area is not None else available(window, screen)
    frame = frame_allowance(window)
    size = fitted(preferred, area, frame)
    window.resize(size)
    outer = size + frame
    window.move(
        area.x() + max(0, (area.width() - outer.width()) // 2),
        area.y() + max(0, (area.height() - outer.height()) // 2),
    )
    return size != preferred


def fit(
    window: QWidget,
    preferred: QSize,
    screen: QScreen | None = None,
    area: QRect | None = None,
) -> QSize:
    """:func:`place` the window, maximised at once when the preferred size does not fit.
    Returns the size."""
    if place(window, preferred, screen, area):
        # (a window's state is one of Qt's flags: the first use of one costs ~20-50 ms, so the
        # counter, at its start, shows itself maximised instead: see CounterWindow.show_fitted)
        window.setWindowState(window.windowState() | QtCore.Qt.WindowState.WindowMaximized)
    return window.size()
