"""Auto-lock: a back-office window closes after some idle minutes, back to the counter.

Any key press, click, wheel or touch in the window restarts the count. The PIN is asked again
the next time the window is opened.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from pos_coach.ui import TIMER_MAX_MS

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleLock(QObject):
    def __init__(self, window: QWidget, minutes: float) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(min(max(1, int(minutes * 60_000)), TIMER_MAX_MS))
        self.timer.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in ACTIVITY
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            self.timer.start()
        return False

    def lock(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.window.close()
