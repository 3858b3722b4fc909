"""The doors from the counter to the back office: the review and the card editor, behind PINs.

PINs are asked on a page of the counter (never a modal dialog at the till). The review opens
with the shift lead's or the owner's PIN, the editor with the owner's; a PIN not set yet is
chosen on first use. Both windows lock themselves (close) after ``lock_minutes`` idle.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QMainWindow

from pos_coach.pins import PIN_NAMES, Gate, Guard
from pos_coach.settings import Settings
from pos_coach.ui import screen_fit
from pos_coach.ui.idle_lock import IdleLock

if TYPE_CHECKING:
    from pos_coach.ui.counter_window import CounterWindow


class BackOffice(QObject):
    def __init__(self, window: CounterWindow) -> None:
        super().__init__(window)
        self.window = window
        self.review: QMainWindow | None = None
        self.editor: QMainWindow | None = None
        self.pack_root: Path | None = None
        self._then: Callable[[], None] = lambda: None
        # wrong PINs so far, from the settings (a restart does not reset them); kept for the run
        since = self.settings.read_at
        self.guards = {name: Guard(self.settings, name, since=since) for name in PIN_NAMES}
        window.pin_page.unlocked.connect(self._unlocked)
        window.pin_page.cancelled.connect(window.leave_back_office)

    @property
    def settings(self) -> Settings:
        return self.window.counter.settings

    def _ask(self, names: tuple[str, ...], purpose: str, then: Callable[[], None]) -> None:
        """Ask for one of the PINs ``names`` (the first is chosen when none is set yet)."""
        self._then = then
        gate = Gate([self.guards[name] for name in names], self.window.save_settings)
        self.window.show_pin_page()
        self.window.pin_page.ask(gate, self._store(names[0]), purpose)

    def _unlocked(self) -> None:
        self.window.leave_back_office()
        self._then()

    def _store(self, name: str) -> Callable[[str], None]:
        def store(pin: str) -> None:
            self.guards[name].set_pin(pin)
            self.window.save_settings()

        return store

    # -- review ----------------------------------------------------------------------------------
    def ask_review(self) -> None:
        self._ask(("lead_pin", "owner_pin"), "review", self.open_review)

    def open_review(self) -> None:
        from pos_coach.clock import shop_zone
        from pos_coach.ui.review.review_window import PREFERRED_SIZE, ReviewWindow

        updating = self.window.counter.writer.updating
        if updating is not None:  # the file is of the older version until then
            text = self.tr(
                "The journal is being updated to this version (%1%); the review opens once that is done."  # noqa: E501 - one literal for the translators
            )
            self.window.show_toast(text.replace("%1", str(int(updating * 100))))
            return
        if self.review is None:
            counter = self.window.counter
            zone = shop_zone(str(self.settings["timezone"]))
            self.review = ReviewWindow(
                counter.journal,
                counter.library,
                self.settings,
                zone,
                on_damage=counter.writer.report_damage,
            )
            self._manage(self.review, "review", PREFERRED_SIZE)
        # shown on the next turn of the event loop: building and first painting the window are
        # two short pauses for the counter instead of one long one
        QTimer.singleShot(0, lambda: self._show(self.review))

    # -- editor ----------------------------------------------------------------------------------
    def ask_editor(self) -> None:
        self._ask(("owner_pin",), "editor", self.open_editor)

    def open_editor(self) -> None:
        from pos_coach.editing import CardEditor
        from pos_coach.ui.editor.editor_window import PREFERRED_SIZE, EditorWindow

        if self.pack_root is None:
            return
        if self.editor is None:
            counter = self.window.counter
            watcher = self.window.watcher
            self.editor = EditorWindow(
                CardEditor(self.pack_root, counter.journal, writer=counter.writer),
                counter.lang,
                store=counter.store,
                on_saved=watcher.reload_now if watcher is not None else None,
                backups=counter.journal.path.parent / "pack-backups",
            )
            self._manage(self.editor, "editor", PREFERRED_SIZE)
        QTimer.singleShot(0, lambda: self._show(self.editor))

    # -- both --------------------------------------------------------------------------------
    def _manage(self, window: QMainWindow, name: str, preferred: QSize) -> None:
        # on the counter's screen (a till with a second screen), inside its free area
        screen_fit.fit(window, preferred, screen=self.window.screen())
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda *_: setattr(self, name, None))
        IdleLock(window, float(self.settings["lock_minutes"]))

    @staticmethod
    def _show(window: QMainWindow | None) -> None:
        if window is None:
            return
        window.show()
        window.raise_()
        window.activateWindow()
