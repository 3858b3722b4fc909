"""Answers requests from other programs (pos-coach trigger, the HTTP inlet) at the counter.

A trigger shows the card at once — even before a shift starts, or over another open card
(which is then logged as dismissed) — flashes it so a cashier watching the customer notices,
optionally beeps, and answers only after the card is painted and its ``shown`` is committed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from pos_coach.inlet.protocol import BAD_REQUEST, UNAVAILABLE, UNKNOWN

if TYPE_CHECKING:
    from pos_coach.ui.counter_window import CounterWindow

FLASH_MS = 900
SOURCES = ("trigger", "http")


class InletHandler(QObject):
    def __init__(self, window: CounterWindow) -> None:
        super().__init__(window)
        self.window = window
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.timeout.connect(lambda: self._set_flash(False))

    def handle(self, message: dict[str, Any]) -> dict[str, Any]:
        command = message.get("cmd")
        if command == "raise":
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()
            return {"ok": True}
        if command == "situations":
            cards = self.window.counter.library.cards
            return {"ok": True, "situations": [{"id": c.id, "title": c.title} for c in cards]}
        if command == "trigger":
            return self.trigger(message)
        if command == "where":
            return self.where(str(message.get("name", "")))
        return {"ok": False, "error": BAD_REQUEST}

    def trigger(self, message: dict[str, Any]) -> dict[str, Any]:
        card_id = str(message.get("id", ""))
        source = message.get("source") if message.get("source") in SOURCES else "trigger"
        library = self.window.counter.library
        if library.get(card_id) is None:
            return {"ok": False, "error": UNKNOWN, "matches": library.close_matches(card_id)}
        origin = message.get("origin")
        detail = {"from": str(origin)[:80]} if origin else None
        try:
            self.window.open_card(card_id, source, detail, external=True)
        except Exception as exc:  # the counter must stay up; the caller hears why
            return {"ok": False, "error": UNAVAILABLE, "detail": str(exc)}
        counter = self.window.counter
        opened = counter.current
        self.notice()
        self.window.repaint()  # painted before the answer goes out
        interaction = opened.interaction if opened else None
        answer: dict[str, Any] = {"ok": True, "interaction": interaction, "logged": True}
        waiting = [e for e in counter.writer.pending if e.interaction == interaction]
        if interaction is None or waiting:  # shown, but the disk refused its event for now
            answer.update(logged=False, waiting=counter.writer.last_error or "")
        return answer

    def where(self, name: str) -> dict[str, Any]:
        """The screen rectangle of a named widget (for tests that click on a real screen)."""
        widget = self.window.findChild(QWidget, name)
        if widget is None or not widget.isVisible():
            return {"ok": False, "error": UNKNOWN}
        corner = widget.mapToGlobal(QPoint(0, 0))
        return {
            "ok": True,
            "x": corner.x(),
            "y": corner.y(),
            "w": widget.width(),
            "h": widget.height(),
        }

    def notice(self) -> None:
        """A brief flash of the card (and a soft beep when the settings ask for it)."""
        settings = self.window.counter.settings
        if settings["trigger_flash"]:
            self._set_flash(True)
            self._flash.start(FLASH_MS)
        if settings["trigger_sound"]:
            QApplication.beep()

    def _set_flash(self, on: bool) -> None:
        page = self.window.card_page
        page.setProperty("flash", on)
        page.style().unpolish(page)
        page.style().polish(page)
        page.update()

    @property
    def flashing(self) -> bool:
        return bool(self.window.card_page.property("flash"))
