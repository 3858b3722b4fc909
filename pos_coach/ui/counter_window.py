"""The cashier's window: tiles, search, the card, how it ended. Thin: the core does the work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_coach.cards.problems import Problem, Severity
from pos_coach.counter import Counter
from pos_coach.library import Library
from pos_coach.ui import theme
from pos_coach.ui.back_office import BackOffice
from pos_coach.ui.card_view import CardView, plain_label
from pos_coach.ui.header import Header
from pos_coach.ui.live_reload import PackWatcher, Reload, refit_open_card
from pos_coach.ui.outcome_bar import OutcomeBar
from pos_coach.ui.pin_page import PinPage
from pos_coach.ui.settings_page import SettingsPage
from pos_coach.ui.shift_page import ShiftPage
from pos_coach.ui.tiles import TileBoard

SEARCH_RESULTS = 24
RETRY_MS = 2000
TOAST_MS = 1800
KEPT_TITLES = 3  # the banner names at most this many cards kept from before


class CardPage(QWidget):
    """The card view with the outcome bar pinned under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.view = CardView()
        layout.addWidget(self.view, 1)
        self.outcomes = OutcomeBar()
        layout.addWidget(self.outcomes)


class CounterWindow(QMainWindow):
    def __init__(self, counter: Counter, problems: list[Problem] | None = None) -> None:
        super().__init__()
        self.counter = counter
        self.setObjectName("counter")
        self.setMinimumSize(480, 480)  # down to a narrow side screen
        self._scale = 0.0

        central = QWidget()
        central.setObjectName("counter")
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.header = Header()
        root.addWidget(self.header)
        self.banner = self._make_banner(problems or [])
        root.addWidget(self.banner)
        # events the disk refused (full, read-only, locked) wait in memory: say so, retry
        self.waiting = plain_label(name="waitingText")
        self.waiting.setStyleSheet("background: #FBEDED; color: #6B1D1D; padding: 4px 12px;")
        self.waiting.setVisible(False)
        root.addWidget(self.waiting)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.flush_waiting)
        self._retry.start()

        self.stack = QStackedWidget()
        self.shift_page = ShiftPage()
        self.board = TileBoard()
        self.card_page = CardPage()
        self.settings_page = SettingsPage()
        self.pin_page = PinPage()
        pages = (self.shift_page, self.board, self.card_page, self.settings_page, self.pin_page)
        for page in pages:
            self.stack.addWidget(page)
        root.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.toast = QLabel(self)
        self.toast.setObjectName("toast")
        self.toast.hide()
        self.inlet = None  # the InletHandler, when the app listens for triggers
        self._auto_return = QTimer(self)
        self._auto_return.setSingleShot(True)
        self._auto_return.timeout.connect(self._return_untouched)
        self._toast_timer = QTimer(self)
        self._toast_timer.setSingleShot(True)
        self._toast_timer.timeout.connect(self.toast.hide)

        self._wire()
        self._shortcuts: list[QShortcut] = []
        self.watcher: PackWatcher | None = None
        self.reload_library()
        self._refresh_header()
        self.show_shift_page()

    # -- construction --------------------------------------------------------------------------
    def flush_waiting(self) -> None:
        """Write events that wait in memory, and show how many still wait (if any)."""
        writer = self.counter.writer
        if writer.pending:
            writer.flush()
        count = len(writer.pending)
        if count:
            text = self.tr(
                "%n event(s) wait to be written to the journal; the counter works on and they will be written as soon as the disk allows.",  # noqa: E501 - one literal for the translators
                "",
                count,
            )
            self.waiting.setText(f"{text} ({writer.last_error})")
        self.waiting.setVisible(bool(count))

    def _make_banner(self, problems: list[Problem]) -> QWidget:
        banner = QWidget()
        banner.setObjectName("banner")
        banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
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
        """A plain sentence in the discreet banner (e.g. why global hotkeys are off)."""
        current = self.banner_label.text()
        self.banner_label.setText(f"{current}\n{text}" if current else text)
        self.banner.setVisible(True)

    def _show_problems(self, problems: list[Problem], kept: list[str]) -> None:
        """The banner shows while the latest load has problems; hidden when all is clean."""
        self.banner_label.setText(self._banner_text(problems, kept))
        self.banner.setVisible(bool(problems or kept))

    def _wire(self) -> None:
        self.header.search.textChanged.connect(self._search_changed)
        self.header.search.installEventFilter(self)
        self.header.change_cashier.connect(self.show_shift_page)
        self.header.open_settings.connect(self.show_settings)
        self.back_office = BackOffice(self)
        self.header.open_review.connect(self.ask_review_pin)
        self.header.open_editor.connect(self.ask_editor_pin)
        self.settings_page.open_review.connect(self.ask_review_pin)
        self.settings_page.open_editor.connect(self.ask_editor_pin)
        self.board.card_chosen.connect(self._tile_chosen)
        self.card_page.view.another_requested.connect(self.another_phrase)
        self.card_page.view.said_requested.connect(self.mark_said)
        self.card_page.view.back_requested.connect(self.go_back)
        self.card_page.outcomes.outcome_chosen.connect(self.record_outcome)
        self.shift_page.cashier_chosen.connect(self.start_shift)
        self.settings_page.saved.connect(self._settings_saved)
        self.settings_page.cancelled.connect(self._leave_settings)
        find = QShortcut(QKeySequence("Ctrl+F"), self)
        find.activated.connect(self._focus_search)

    def reload_library(self) -> None:
        """(Re)build tiles and hotkeys from the counter's library."""
        library = self.counter.library
        self.board.set_cards(library.cards, library.categories)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self._shortcuts = []
        for card in library.cards:
            if card.hotkey:
                shortcut = QShortcut(QKeySequence(card.hotkey), self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(lambda cid=card.id: self._hotkey(cid))
                self._shortcuts.append(shortcut)

    # -- live reload -----------------------------------------------------------------------------
    def watch(self, root: Path) -> PackWatcher:
        """Follow the pack folder ``root``: its edits reach the counter at once."""
        library = self.counter.library
        self.watcher = PackWatcher(root, library.lang, library.pack, self)
        self.back_office.pack_root = Path(root)
        self.watcher.reloaded.connect(self.apply_reload)
        return self.watcher

    def apply_reload(self, reload: Reload) -> None:
        """Show the cards as they are now: tiles, hotkeys, the open card, search and banner."""
        before = self.counter.library
        self.counter.library = Library(reload.pack)
        self.reload_library()
        self._refresh_open_card(before)
        query = self.header.search.text()
        if query.strip() and self.stack.currentWidget() is self.board:
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
            if self.stack.currentWidget() is self.card_page:
                self.show_tiles()
            return
        category = self.counter.library.category(card.category)
        if card == opened.card and category == before.category(card.category):
            opened.card = card  # unchanged: the cashier keeps the scroll position
            return
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
        return self.back_office.review

    @property
    def editor(self) -> QMainWindow | None:
        return self.back_office.editor

    def ask_review_pin(self) -> None:
        self.back_office.ask_review()

    def ask_editor_pin(self) -> None:
        self.back_office.ask_editor()

    def show_settings(self) -> None:
        self._close_card()
        s = self.counter.settings
        self.settings_page.load(s["store"], self.counter.register, s.cashiers)
        self.header.search.setVisible(False)
        self.stack.setCurrentWidget(self.settings_page)

    def _leave_settings(self) -> None:
        if self.counter.cashier is None:
            self.show_shift_page()
        else:
            self.show_tiles()

    def _settings_saved(self, store: str, register: str, cashiers: list[str]) -> None:
        settings = self.counter.settings
        settings["store"] = store
        settings["register"] = register
        settings["cashiers"] = cashiers
        settings.save()
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
        if name not in settings.cashiers:
            settings["cashiers"] = [*settings.cashiers, name]
            settings.save()
        self._refresh_header()
        self.show_tiles()

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
            self._auto_return.start(seconds * 1000)
        else:
            self._auto_return.stop()

    def _return_untouched(self) -> None:
        """A card left alone goes back to the tiles, logged as dismissed."""
        if self.stack.currentWidget() is self.card_page and self.counter.current is not None:
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
        if self.stack.currentWidget() in (self.board, self.card_page):
            self.open_card(card_id, "hotkey")

    def _focus_search(self) -> None:
        if self.counter.cashier is None:
            return
        if self.stack.currentWidget() is self.card_page:
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
        if self.stack.currentWidget() is not self.board:
            self.stack.setCurrentWidget(self.board)

    def _open_first_result(self) -> None:
        ids = self.board.visible_ids()
        if self.board.searching and ids:
            self.open_card(ids[0], "search")

    # -- keys --------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.header.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.header.search.clear()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_first_result()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        page = self.stack.currentWidget()
        text = event.text()
        if page is self.card_page:
            if event.key() == Qt.Key.Key_Escape:
                self.go_back()
                return
            outcome = OutcomeBar.outcome_for_key(text)
            if outcome is not None:
                self.record_outcome(outcome)
                return
        if (
            page in (self.board, self.card_page)
            and text
            and text.isprintable()
            and not text.isspace()
        ):
            if page is self.card_page:
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
        if scale != self._scale:
            self._scale = scale
            self.setStyleSheet(theme.stylesheet(scale))
            self.board.set_scale(scale)


def _headline(problems: list[Problem], kept_paths: set[Path]) -> Problem:
    """The problem the banner names: one in a card kept from before, else the first error."""
    for problem in problems:
        if problem.path in kept_paths:
            return problem
    errors = [p for p in problems if p.severity == Severity.ERROR]
    return (errors or problems)[0]
