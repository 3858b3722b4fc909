"""The cashier's window: tiles, search, the card, how it ended. Thin: the core does the work."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_coach.counter import Counter
from pos_coach.library import Library
from pos_coach.settings import MAX_CASHIERS, MAX_NAME
from pos_coach.ui import TIMER_MAX_MS, first_paint, theme
from pos_coach.ui.header import Header
from pos_coach.ui.labels import plain_label
from pos_coach.ui.shift_page import ShiftPage

if TYPE_CHECKING:  # the other pages are made (and their modules imported) when first needed
    from pos_coach.cards.model import LoadResult, Pack
    from pos_coach.cards.problems import Problem
    from pos_coach.ui.back_office import BackOffice
    from pos_coach.ui.card_view import CardView
    from pos_coach.ui.inlet_handler import InletHandler
    from pos_coach.ui.live_reload import PackWatcher, Reload
    from pos_coach.ui.outcome_bar import OutcomeBar
    from pos_coach.ui.pin_page import PinPage
    from pos_coach.ui.settings_page import SettingsPage
    from pos_coach.ui.tiles import TileBoard

SEARCH_RESULTS = 24
NOTICE_MS = 2000  # how often the notice of waiting events is brought up to date
TOAST_MS = 1800
KEPT_TITLES = 3  # the banner names at most this many cards kept from before
PAINT_GRACE_MS = 500  # work left for after the first paint starts by then in any case
DEFAULT_SIZE = QSize(1024, 600)  # the window's size where the screen has room for it


class CardPage(QWidget):
    """The card view with the outcome bar pinned under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from pos_coach.ui.card_view import CardView
        from pos_coach.ui.outcome_bar import OutcomeBar

        super().__init__(parent)
        self.setObjectName("page")
        self.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.view: CardView = CardView()
        layout.addWidget(self.view, 1)
        self.outcomes: OutcomeBar = OutcomeBar()
        layout.addWidget(self.outcomes)


class CounterWindow(QMainWindow):
    """The counter. Only the first page (who is at the till) is made before the window shows;
    the tiles, the card page, settings, PIN and back office are made when first needed, or just
    after the first paint (:meth:`after_first_paint`), so the window appears sooner."""

    def __init__(self, counter: Counter, problems: list[Problem] | None = None) -> None:
        super().__init__()
        self.counter = counter
        self._after_paint: list[Callable[[], None]] = []
        self._problems: list[Problem] = []  # of the latest load of the pack
        self._painted = False
        self.settled = False  # the first page's flags are set (just after the first paint)
        with first_paint.collected() as flags:
            self._build(problems)
        self._after_paint.insert(0, lambda: self._settle(flags))

    def _settle(self, flags: list[Callable[[], None]]) -> None:
        for job in flags:
            job()
        if self.stack.currentWidget() is self.shift_page:  # the buttons could hold it till now
            self.shift_page.name_edit.setFocus()
        self.settled = True

    def _build(self, problems: list[Problem] | None) -> None:
        counter = self.counter
        self.setObjectName("counter")
        self.setMinimumSize(480, 480)  # down to a narrow side screen
        self._scale = 0.0
        self._small = False  # a short screen (1024x600): tighter layout, see theme.SMALL_HEIGHT

        central = QWidget()
        central.setObjectName("counter")
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.header = Header()
        root.addWidget(self.header)
        self._notices: list[str] = []  # sentences shown in the banner until the app closes
        self.banner = self._make_banner(problems or [])
        root.addWidget(self.banner)
        # events the disk refused (full, read-only, locked) wait in memory: say so, retry
        self.waiting = plain_label(name="waitingText")
        self.waiting.setVisible(False)
        root.addWidget(self.waiting)
        self._generation = counter.writer.generation  # of the journal file read from
        self._replaced_said = 0  # damaged journals kept aside that the banner named
        self._notice_timer = QTimer(self)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self.show_waiting)
        self._notice_timer.start()
        if counter.journal.waiting_for is not None:
            self.show_waiting()  # say it from the start

        self.stack = QStackedWidget()
        self.shift_page = ShiftPage()
        self.stack.addWidget(self.shift_page)
        self._board: TileBoard | None = None
        self._maximise = False  # opens maximised (see fit_to_screen)
        self._card_page: CardPage | None = None
        self._settings_page: SettingsPage | None = None
        self._pin_page: PinPage | None = None
        self._back_office: BackOffice | None = None
        self.installEventFilter(self)  # until the first paint
        root.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.toast = QLabel(self)
        self.toast.setObjectName("toast")
        self.toast.hide()
        self.inlet: InletHandler | None = None  # when the app listens for triggers
        self._auto_return = QTimer(self)
        self._auto_return.setSingleShot(True)
        self._auto_return.timeout.connect(self._return_untouched)
        self._toast_timer = QTimer(self)
        self._toast_timer.setSingleShot(True)
        self._toast_timer.timeout.connect(self.toast.hide)

        self._wire()
        self._shortcuts: list[QShortcut] = []
        self.watcher: PackWatcher | None = None
        self.pack_root: Path | None = None
        self.reload_library()
        self._refresh_header()
        self.show_shift_page()
        self.after_first_paint(self._prepare_pages)

    # -- pages made on first use -----------------------------------------------------------------
    @property
    def board(self) -> TileBoard:
        if self._board is None:
            from pos_coach.ui.tiles import TileBoard

            board = self._board = TileBoard()
            self._add_page(board)
            board.card_chosen.connect(self._tile_chosen)
            board.set_scale(self._scale or 1.0)
            board.set_cards(self.counter.library.cards, self.counter.library.categories)
        return self._board

    @property
    def card_page(self) -> CardPage:
        if self._card_page is None:
            page = self._card_page = CardPage()
            page.view.set_small(self._small)
            page.outcomes.set_small(self._small)
            self._add_page(page)
            page.view.another_requested.connect(self.another_phrase)
            page.view.said_requested.connect(self.mark_said)
            page.view.back_requested.connect(self.go_back)
            page.outcomes.outcome_chosen.connect(self.record_outcome)
        return self._card_page

    @property
    def settings_page(self) -> SettingsPage:
        if self._settings_page is None:
            from pos_coach.ui.settings_page import SettingsPage

            page = self._settings_page = SettingsPage()
            self._add_page(page)
            page.open_review.connect(self.ask_review_pin)
            page.open_editor.connect(self.ask_editor_pin)
            page.saved.connect(self._settings_saved)
            page.cancelled.connect(self._leave_settings)
        return self._settings_page

    @property
    def pin_page(self) -> PinPage:
        if self._pin_page is None:
            from pos_coach.ui.pin_page import PinPage

            self._pin_page = PinPage()
            self._add_page(self._pin_page)
        return self._pin_page

    @property
    def back_office(self) -> BackOffice:
        if self._back_office is None:
            from pos_coach.ui.back_office import BackOffice

            self._back_office = BackOffice(self)
            self._back_office.pack_root = self.pack_root
        return self._back_office

    def _add_page(self, page: QWidget) -> None:
        """Put a page made on first use into the stack, styled and sized like a page made at
        start: a hidden page filled before it ever had a size kept word-wrapped labels in its
        scroll area squashed to a line (the card page, filled by a trigger, say)."""
        self.stack.addWidget(page)
        page.ensurePolished()
        page.setGeometry(self.stack.contentsRect())

    def _showing(self, page: QWidget | None) -> bool:
        """Whether ``page`` (None when not made yet) is the page on screen."""
        return page is not None and self.stack.currentWidget() is page

    def before_pages(self, job: Callable[[], None]) -> None:
        """Run ``job`` just after the first paint, before the pages are made (see
        :meth:`show_cards`)."""
        if self._painted:
            job()
        else:
            self._after_paint.insert(1, job)  # after the first page's flags, before the pages

    def show_cards(self, load: LoadResult) -> None:
        """The pack, read just after the first paint: its cards in the counter, their tiles
        and hotkeys, the banner of its problems."""
        pack = load.pack_for(self.counter.library.lang)
        if pack is None:
            return
        self._take_cards(pack, load)
        self.reload_library()
        self._show_problems(load.problems, [])

    def _take_cards(self, pack: Pack, result: LoadResult) -> Library:
        """Put ``pack`` (of ``result``, searched with its other languages) in the counter, its
        search index kept where the one before kept it; returns the library it replaces."""
        before = self.counter.library
        self.counter.library = Library(
            pack, result.packs.values(), before.index_file, result.digest
        )
        return before

    def after_first_paint(self, job: Callable[[], None]) -> None:
        """Run ``job`` once the window has been painted for the first time (now, if it has)."""
        if self._painted:
            job()
        else:
            self._after_paint.append(job)

    def _first_paint_done(self) -> None:
        if self._painted:
            return
        self._painted = True
        self.removeEventFilter(self)
        QTimer.singleShot(0, self._run_after_paint)  # once this frame is on screen

    def _run_after_paint(self) -> None:
        """One job per turn of the event loop: a tap in between is answered at once."""
        if self._after_paint:
            job = self._after_paint.pop(0)
            try:
                job()
            finally:  # and the next, one it added included
                if self._after_paint:
                    QTimer.singleShot(0, self._run_after_paint)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._painted:  # a window that is never painted (minimised, covered) starts too
            QTimer.singleShot(PAINT_GRACE_MS, self._first_paint_done)

    @property
    def usable(self) -> bool:
        """Whether all a cashier may reach for is made: the window painted, the tiles and the
        card page, the search index. (What the start leaves for just after, listening for
        triggers and following the pack folder, is :attr:`started`.)"""
        return (
            self._painted
            and self.settled
            and self._board is not None
            and self._card_page is not None
            and self.counter.library.warm
        )

    @property
    def started(self) -> bool:
        """Whether all the start left for after the first paint is done too."""
        return self.usable and not self._after_paint

    def _prepare_pages(self) -> None:
        """Make the pages a cashier needs next (tiles, card), and warm up search."""
        self.header.search.setClearButtonEnabled(True)  # hidden until a shift starts anyway
        self.board.prepare()
        _ = self.card_page
        self.counter.library.warm_up(background=True)
        self._after_paint.append(self.counter.library.ready_for_typos)  # once all else is up

    # -- construction --------------------------------------------------------------------------
    def show_waiting(self) -> None:
        """Show how many events wait for the disk (the writer retries them), or that the data
        folder cannot be written; open the real journal once it can be."""
        writer = self.counter.writer
        journal = self.counter.journal
        self._follow_writer()
        pending = writer.pending  # the writer's thread retries them by itself
        updating = writer.updating  # the writer brings an older journal forward first
        if not pending and journal.waiting_for is not None and updating is None:
            journal.retry_open()
        count = len(pending) if writer.last_error is not None else 0  # not those in flight
        if updating is not None:
            text = self.tr(
                "Updating the journal to this version: %1%. The counter works on; events wait in memory and are written as soon as it is done."  # noqa: E501 - one literal for the translators
            ).replace("%1", str(int(updating * 100)))
            error = f" ({writer.last_error})" if writer.last_error is not None else ""
            self.waiting.setText(text + error)
        elif count:
            text = self.tr(
                "%n event(s) wait to be written to the journal; the counter works on and they will be written as soon as the disk allows.",  # noqa: E501 - one literal for the translators
                "",
                count,
            )
            self.waiting.setText(f"{text} ({writer.last_error})")
        elif journal.waiting_for is not None:
            text = self.tr(
                "The data folder cannot be written; the counter works on, and events will wait in memory until it can be."  # noqa: E501 - one literal for the translators
            )
            self.waiting.setText(f"{text} ({journal.waiting_for})")
        self.waiting.setVisible(
            bool(count) or journal.waiting_for is not None or updating is not None
        )

    def _follow_writer(self) -> None:
        """When the writer replaced the journal file (a damaged one kept aside, a deleted log
        made anew), read from the new file too, and say what was kept aside."""
        writer = self.counter.writer
        if writer.generation == self._generation:
            return
        self._generation = writer.generation
        with contextlib.suppress(sqlite3.Error, OSError):
            self.counter.journal.reopen()
        from pos_coach.i18n import message

        for damage in writer.replaced[self._replaced_said :]:
            args = {"name": damage.kept, "reason": damage.reason}
            self.show_notice(message("journal_set_aside", self.counter.lang, args))
        self._replaced_said = len(writer.replaced)

    def _make_banner(self, problems: list[Problem]) -> QWidget:
        banner = QWidget()
        banner.setObjectName("banner")
        first_paint.soon(lambda: banner.setAttribute(QtCore.Qt.WidgetAttribute.WA_StyledBackground))
        layout = QHBoxLayout(banner)
        layout.setContentsMargins(12, 4, 12, 4)
        self.banner_label = plain_label(name="bannerText")
        layout.addWidget(self.banner_label, 1)
        self.banner_label.setText(self._banner_text(problems, []))
        banner.setVisible(bool(problems))
        return banner

    def _banner_text(self, problems: list[Problem], kept: list[str]) -> str:
        """One line about the first problem, and one naming the cards kept from before."""
        lines = []
        if problems:
            first = _headline(problems, self._kept_paths(kept))
            text = self.tr("%n problem(s) in the situation cards:", "", len(problems))
            where = f"{first.path.parent.name}/{first.path.name}:{first.line}"
            lines.append(f"{text} {where}: {first.message(self.counter.lang)}")
        if kept:
            titles = [card.title for cid in kept if (card := self.counter.library.get(cid))]
            shown = ", ".join(titles[:KEPT_TITLES]) + (", …" if len(titles) > KEPT_TITLES else "")
            kept_text = self.tr("Showing the last good version of:")
            lines.append(f"{kept_text} {shown}")
        return "\n".join(lines)

    def _kept_paths(self, kept: list[str]) -> set[Path]:
        cards = (self.counter.library.get(cid) for cid in kept)
        return {card.path for card in cards if card is not None and card.path is not None}

    def show_notice(self, text: str) -> None:
        """A plain sentence in the discreet banner (e.g. why global hotkeys are off), kept there
        under the pack's problems however often the pack is reloaded."""
        self._notices.append(text)
        current = self.banner_label.text()
        self.banner_label.setText(f"{current}\n{text}" if current else text)
        self.banner.setVisible(True)

    def _show_problems(self, problems: list[Problem], kept: list[str]) -> None:
        """The banner shows while the latest load has problems (or there are notices)."""
        self._problems = list(problems)
        lines = [self._banner_text(problems, kept), *self._notices]
        self.banner_label.setText("\n".join(line for line in lines if line))
        self.banner.setVisible(bool(problems or kept or self._notices))

    def card_trouble(self, card_id: str) -> str | None:
        """Why the card file of ``card_id`` could not be read in the latest load (its first
        error, ``path:line:column: message``); None when no file of that name has errors."""
        from pos_coach.cards.problems import Severity

        for problem in self._problems:
            if problem.severity is Severity.ERROR and problem.path.stem == card_id:
                return problem.format(self.counter.lang)
        return None

    def _wire(self) -> None:
        self.header.search.textChanged.connect(self._search_changed)
        self.header.search.installEventFilter(self)
        self.header.change_cashier.connect(self.show_shift_page)
        self.header.open_settings.connect(self.show_settings)
        self.header.open_review.connect(self.ask_review_pin)
        self.header.open_editor.connect(self.ask_editor_pin)
        self.shift_page.cashier_chosen.connect(self.start_shift)
        find = QShortcut(QKeySequence("Ctrl+F"), self)
        find.activated.connect(self._focus_search)
        quit_key = QShortcut(QKeySequence("Ctrl+Q"), self)  # kept from cards (hotkeys.RESERVED)
        quit_key.activated.connect(self.quit_counter)

    def reload_library(self) -> None:
        """(Re)build tiles and hotkeys from the counter's library."""
        library = self.counter.library
        if self._board is not None:  # else made with the cards of the moment, when first needed
            self._board.set_cards(library.cards, library.categories)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self._shortcuts = []
        for card in library.cards:
            if card.hotkey:
                shortcut = QShortcut(QKeySequence(card.hotkey), self)  # for the whole window
                shortcut.activated.connect(lambda cid=card.id: self._hotkey(cid))
                self._shortcuts.append(shortcut)

    # -- live reload -----------------------------------------------------------------------------
    def watch(self, root: Path, data_dir: Path | None = None) -> PackWatcher:
        """Follow the pack folder ``root``: its edits reach the counter at once (and, with
        ``data_dir``, the pack cache there, so the next start need not check them again)."""
        from pos_coach.ui.live_reload import PackWatcher

        library = self.counter.library
        self.watcher = PackWatcher(root, library.lang, library.pack, self, data_dir=data_dir)
        self.pack_root = Path(root)
        if self._back_office is not None:
            self._back_office.pack_root = self.pack_root
        self.watcher.reloaded.connect(self.apply_reload)
        return self.watcher

    def apply_reload(self, reload: Reload) -> None:
        """Show the cards as they are now: tiles, hotkeys, the open card, search and banner."""
        before = self._take_cards(reload.pack, reload.result)
        self.counter.library.warm_up(background=True)  # the next keystroke searches at once
        self.reload_library()
        self._refresh_open_card(before)
        query = self.header.search.text()
        if query.strip() and self._showing(self._board):
            self._search_changed(query)
        self._show_problems(reload.result.problems, reload.kept)

    def _refresh_open_card(self, before: Library) -> None:
        """Re-show the open card in its new version (same interaction), or leave it if gone."""
        opened = self.counter.current
        if opened is None:
            return
        card = self.counter.library.get(opened.card.id)
        if card is None:
            self.counter.close()  # logged as dismissed
            if self._showing(self._card_page):
                self.show_tiles()
            return
        category = self.counter.library.category(card.category)
        if card == opened.card and category == before.category(card.category):
            opened.card = card  # unchanged: the cashier keeps the scroll position
            return
        from pos_coach.ui.live_reload import refit_open_card

        refit_open_card(opened, card)
        self.card_page.view.show_card(card, category, opened.fill)
        self._show_phrase()

    # -- pages -----------------------------------------------------------------------------------
    def show_shift_page(self) -> None:
        self._close_card()
        self.shift_page.set_names(self.counter.settings.cashiers)
        self.header.search.setVisible(False)
        self.stack.setCurrentWidget(self.shift_page)

    def show_tiles(self) -> None:
        self.header.search.setVisible(True)
        if self.header.search.text():
            self.header.search.clear()
        else:
            self.board.show_all()
        self.stack.setCurrentWidget(self.board)
        self.header.search.setFocus()

    # -- back office -----------------------------------------------------------------------------
    def show_pin_page(self) -> None:
        self._close_card()
        self.header.search.setVisible(False)
        self.stack.setCurrentWidget(self.pin_page)

    def leave_back_office(self) -> None:
        self._leave_settings()

    @property
    def review(self) -> QMainWindow | None:
        return self._back_office.review if self._back_office is not None else None

    @property
    def editor(self) -> QMainWindow | None:
        return self._back_office.editor if self._back_office is not None else None

    def ask_review_pin(self) -> None:
        self.back_office.ask_review()

    def ask_editor_pin(self) -> None:
        self.back_office.ask_editor()

    def show_settings(self) -> None:
        self._close_card()
        s = self.counter.settings
        self.settings_page.load(s["store"], self.counter.register, s.cashiers, s["address"])
        self.header.search.setVisible(False)
        self.stack.setCurrentWidget(self.settings_page)

    def _leave_settings(self) -> None:
        if self.counter.cashier is None:
            self.show_shift_page()
        else:
            self.show_tiles()

    def _settings_saved(self, store: str, address: str, register: str, cashiers: list[str]) -> None:
        settings = self.counter.settings
        settings["store"] = store
        settings["address"] = address
        settings["register"] = register
        settings["cashiers"] = [name[:MAX_NAME] for name in cashiers][:MAX_CASHIERS]
        self.save_settings()
        self.counter.register_override = None
        self._refresh_header()
        self._leave_settings()

    def _refresh_header(self) -> None:
        self.header.show_context(self.counter.store, self.counter.register, self.counter.cashier)
        title = "POS Coach"
        if self.counter.store:
            title += f" — {self.counter.store}"
        self.setWindowTitle(title)

    # -- actions -----------------------------------------------------------------------------------
    def start_shift(self, name: str) -> None:
        self.counter.start_shift(name)
        settings = self.counter.settings
        if name not in settings.cashiers and len(settings.cashiers) < MAX_CASHIERS:
            settings["cashiers"] = [*settings.cashiers, name[:MAX_NAME]]
            self.save_settings()
        self._refresh_header()
        self.show_tiles()

    def save_settings(self) -> bool:
        """Save the settings; when the disk refuses, they apply until the app closes (said)."""
        try:
            self.counter.settings.save()
        except OSError as exc:
            text = self.tr("Settings not saved (%1); they apply until the app closes.")
            self.show_toast(text.replace("%1", exc.strerror or str(exc)))
            return False
        return True

    def open_card(
        self, card_id: str, source: str, detail: dict | None = None, external: bool = False
    ) -> None:
        """Show a card; ``external`` ones (trigger, HTTP) show even before a shift starts."""
        if self.counter.cashier is None and not external:
            return
        opened = self.counter.open(card_id, source, detail, without_cashier=external)
        category = self.counter.library.category(opened.card.category)
        view = self.card_page.view
        view.show_card(opened.card, category, opened.fill)
        self._show_phrase()
        self.header.search.blockSignals(True)
        self.header.search.clear()
        self.header.search.blockSignals(False)
        self.stack.setCurrentWidget(self.card_page)
        self.card_page.setFocus()
        self.touched()

    def touched(self) -> None:
        """Restart the auto-return count of the open card (the settings give its length)."""
        seconds = int(self.counter.settings["auto_return_seconds"])
        if seconds > 0 and self.counter.current is not None:
            self._auto_return.start(min(seconds * 1000, TIMER_MAX_MS))
        else:
            self._auto_return.stop()

    def _return_untouched(self) -> None:
        """A card left alone goes back to the tiles, logged as dismissed."""
        if self._showing(self._card_page) and self.counter.current is not None:
            self.go_back()

    def _show_phrase(self) -> None:
        opened = self.counter.current
        if opened is None:
            return
        self.card_page.view.show_phrase(
            opened.text, opened.position + 1, len(opened.order), opened.is_said
        )

    def another_phrase(self) -> None:
        if self.counter.current is not None:
            self.counter.another_phrase()
            self._show_phrase()
            self.touched()

    def mark_said(self) -> None:
        if self.counter.current is not None:
            self.counter.mark_said()
            self.touched()
        self._show_phrase()

    def record_outcome(self, outcome: str) -> None:
        if self.counter.current is None:
            return
        self.counter.record_outcome(outcome)
        labels = {
            "upset": self.tr("Saved: upset"),
            "ok": self.tr("Saved: OK"),
            "wow": self.tr("Saved: WOW!"),
            "escalated": self.tr("Saved: called the lead"),
        }
        self.show_toast(labels[outcome])
        self.show_tiles()

    def go_back(self) -> None:
        self._close_card()
        self.show_tiles()

    def _close_card(self) -> None:
        if self.counter.current is not None:
            self.counter.close()

    def _tile_chosen(self, card_id: str, from_search: bool) -> None:
        self.open_card(card_id, "search" if from_search else "touch")

    def _hotkey(self, card_id: str) -> None:
        if self._showing(self._board) or self._showing(self._card_page):
            self.open_card(card_id, "hotkey")

    def _focus_search(self) -> None:
        if self.counter.cashier is None:
            return
        if self._showing(self._card_page):
            self.go_back()
        self.header.search.setFocus()
        self.header.search.selectAll()

    def show_toast(self, text: str) -> None:
        self.toast.setText(text)
        self.toast.adjustSize()
        self.toast.move(
            (self.width() - self.toast.width()) // 2, self.height() - self.toast.height() - 90
        )
        self.toast.raise_()
        self.toast.show()
        self._toast_timer.start(TOAST_MS)

    # -- search ------------------------------------------------------------------------------------
    def _search_changed(self, text: str) -> None:
        if self.counter.cashier is None:
            return
        if not text.strip():
            self.board.show_all()
            return
        hits = self.counter.library.search(text, limit=SEARCH_RESULTS)
        self.board.show_results(
            self.tr("Found"),
            [card.id for card in hits],
            self.tr("Nothing found. Try another word."),
        )
        if not self._showing(self._board):
            self.stack.setCurrentWidget(self.board)

    def _open_first_result(self) -> None:
        ids = self.board.visible_ids()
        if self.board.searching and ids:
            self.open_card(ids[0], "search")

    # -- keys --------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint:
            self._first_paint_done()
        if watched is self.header.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == QtCore.Qt.Key.Key_Escape:
                self.header.search.clear()
                return True
            if event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter):
                self._open_first_result()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        on_card = self._showing(self._card_page)
        text = event.text()
        if on_card:
            if event.key() == QtCore.Qt.Key.Key_Escape:
                self.go_back()
                return
            outcome = self.card_page.outcomes.outcome_for_key(text)
            if outcome is not None:
                self.record_outcome(outcome)
                return
        if (
            (on_card or self._showing(self._board))
            and text
            and text.isprintable()
            and not text.isspace()
        ):
            if on_card:
                self._close_card()
                self.stack.setCurrentWidget(self.board)
            self.header.search.setFocus()
            self.header.search.setText(self.header.search.text() + text)
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        from pos_coach.ui import side_display

        side_display.remember(self)
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        scale = round(theme.scale_for(self.height(), self.width()) * 20) / 20
        small = self.height() < theme.SMALL_HEIGHT
        if (scale, small) != (self._scale, self._small):
            self._scale, self._small = scale, small
            self.setStyleSheet(theme.stylesheet(scale, small))
            self.header.set_small(small)
            if self._card_page is not None:
                self._card_page.view.set_small(small)
                self._card_page.outcomes.set_small(small)
            if self._board is not None:
                self._board.set_scale(scale)

    # -- the window on its screen, and the way out -------------------------------------------------
    def fit_to_screen(self, preferred: QSize = DEFAULT_SIZE) -> None:
        """Open at ``preferred`` (1024x600) inside the free area of the screen, or maximised
        when the screen is no larger (a till's own 1024x600 screen, say): see
        :meth:`show_fitted`."""
        from pos_coach.ui import screen_fit

        self._maximise = screen_fit.place(self, preferred)

    def show_fitted(self) -> None:
        """Show the window as :meth:`fit_to_screen` found it should open."""
        if self._maximise:
            self.showMaximized()  # not setWindowState: no Qt flag before the first paint
        else:
            self.show()

    def quit_counter(self) -> None:
        """Ctrl+Q: the open card is left (dismissed), the shift ends (``shift_end``), the review
        and the editor close, and the app quits."""
        self._auto_return.stop()
        self.counter.end_shift()
        for window in (self.review, self.editor):
            if window is not None:
                window.close()
        self.close()
        app = QCoreApplication.instance()
        if app is not None:
            app.quit()


def _headline(problems: list[Problem], kept_paths: set[Path]) -> Problem:
    """The problem the banner names: one in a card kept from before, else the first error."""
    for problem in problems:
        if problem.path in kept_paths:
            return problem
    from pos_coach.cards.problems import Severity

    errors = [p for p in problems if p.severity == Severity.ERROR]
    return (errors or problems)[0]
