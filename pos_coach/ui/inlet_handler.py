"""Answers requests from other programs (pos-coach trigger, the HTTP inlet) at the counter.

A trigger shows the card at once — even before a shift starts, or over another open card
(which is then logged as dismissed) — flashes it so a cashier watching the customer notices,
optionally beeps, and answers only after the card is painted and its ``shown`` is committed.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from pos_coach.inlet.later import Later
from pos_coach.inlet.protocol import BAD_REQUEST, UNAVAILABLE, UNKNOWN

if TYPE_CHECKING:
    from pos_coach.ui.counter_window import CounterWindow

FLASH_MS = 900
SOURCES = ("trigger", "http")
COMMIT_WAIT_MS = 3000  # a trigger's answer waits this long at most for its event's commit


class InletHandler(QObject):
    written = Signal()  # the journal's writer committed or was refused (from its thread)

    def __init__(self, window: CounterWindow) -> None:
        super().__init__(window)
        self.window = window
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.timeout.connect(lambda: self._set_flash(False))
        # answers waiting for their event: its number, the answer so far, the Later to
        # resolve, and when to stop waiting
        self._awaiting: list[tuple[int, dict[str, Any], Later, float]] = []
        self.written.connect(self._settle)
        self._writer = writer = window.counter.writer
        listener = self.written.emit
        writer.listeners.append(listener)
        self.destroyed.connect(lambda *_: _forget(writer.listeners, listener))

    def handle(self, message: dict[str, Any]) -> dict[str, Any] | Later:
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

    def trigger(self, message: dict[str, Any]) -> dict[str, Any] | Later:
        card_id = str(message.get("id", ""))
        given = message.get("source")
        source = given if isinstance(given, str) and given in SOURCES else "trigger"
        library = self.window.counter.library
        if library.get(card_id) is None:
            trouble = self.window.card_trouble(card_id[:100])
            if trouble is not None:  # its file is there but broken: not an unknown card
                why = f"its card cannot be read: {trouble}"
                return {"ok": False, "error": UNAVAILABLE, "detail": why}
            # close matches of the first 100 characters: a 60 KB id would hold the counter
            matches = library.close_matches(card_id[:100])
            return {"ok": False, "error": UNKNOWN, "matches": matches}
        origin = message.get("origin")
        detail = {"from": str(origin)[:80]} if origin else None
        try:
            self.window.open_card(card_id, source, detail, external=True)
        except Exception as exc:  # the counter must stay up; the caller hears why
            return {"ok": False, "error": UNAVAILABLE, "detail": str(exc)}
        writer = self.window.counter.writer
        opened = self.window.counter.current
        number = writer.last_number  # its "shown" event, handed to the journal's writer
        self.notice()
        self.window.repaint()  # painted before the answer goes out
        interaction = opened.interaction if opened else None
        answer: dict[str, Any] = {"ok": True, "interaction": interaction}
        later = Later()
        self._awaiting.append((number, answer, later, time.monotonic() + COMMIT_WAIT_MS / 1000))
        QTimer.singleShot(COMMIT_WAIT_MS, self._settle)
        self._settle()
        return later  # answered once the event is committed, or the disk refused it

    def _settle(self) -> None:
        """Answer the triggers whose event is committed ("logged"), or refused for now."""
        now = time.monotonic()
        still = []
        for number, answer, later, deadline in self._awaiting:
            state = self._writer.state(number)
            if state == "committed":
                later.resolve({**answer, "logged": True})
            elif state in ("waiting", "rejected") or now >= deadline:
                waiting = self._writer.last_error or "not written yet"
                if self._writer.updating is not None:  # the first start after an update
                    share = int(self._writer.updating * 100)
                    waiting = f"the journal is being updated to this version ({share}%)"
                if state == "rejected":
                    waiting = "the journal cannot take this event; it is kept beside the journal"
                later.resolve({**answer, "logged": False, "waiting": waiting})
            else:
                still.append((number, answer, later, deadline))
        self._awaiting = still

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


def _forget(listeners: list[Any], listener: Any) -> None:
    if listener in listeners:
        listeners.remove(listener)
