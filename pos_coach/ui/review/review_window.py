"""The shift lead's review: what happened, when, with whom, how it ended. Queries run off-thread."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_coach.journal import COLUMNS, Journal
from pos_coach.journal.store import read_only_uri, readable_text
from pos_coach.library import Library
from pos_coach.review import pictures
from pos_coach.review.events import EventFilter
from pos_coach.review.output import Rows
from pos_coach.review.pictures import ReportJob
from pos_coach.review.reports import MIN_USES_TO_RANK, Reports
from pos_coach.review.snapshot import Request, Snapshot, compute
from pos_coach.settings import Settings
from pos_coach.ui import dialogs, screen_fit, theme
from pos_coach.ui.labels import plain_label
from pos_coach.ui.review.charts_view import ChartLabel, render_charts
from pos_coach.ui.review.filter_bar import FilterBar
from pos_coach.ui.review.glance_panel import GlancePanel
from pos_coach.ui.review.models import AT, HIDDEN_COLUMNS, SORT_ROLE, EventsModel, RowsModel
from pos_coach.ui.review.worker import Worker

REFRESH_DELAY_MS = 150  # filters changed in quick succession give one query
PREFERRED_SIZE = QSize(1366, 768)  # where the screen has room; else as large as it allows


def table_view(model: Any, name: str, sortable: bool = True) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view.setModel(proxy)
        view.setSortingEnabled(True)
    else:
        view.setModel(model)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    return view


class ReviewWindow(QMainWindow):
    def __init__(
        self,
        journal: Journal,
        library: Library,
        settings: Settings,
        zone: tzinfo,
        now: Callable[[], datetime] | None = None,
        on_damage: Callable[[str], None] | None = None,
    ) -> None:
        """``on_damage`` hears when a query found the journal file damaged (the counter's
        writer then checks it and, if SQLite agrees, replaces it)."""
        super().__init__()
        self.setObjectName("review")
        self.setWindowTitle(self.tr("POS Coach — shift review"))
        self.journal_path = journal.path
        self.library = library
        self.settings = settings
        self.zone = zone
        self.now = now
        self.lang = library.lang
        self.titles = {c.id: c.title for c in library.cards}
        self.snapshot: Snapshot | None = None
        self._ticket = 0
        self._phrase_ticket = 0
        self._pdf_ticket = 0
        self._closed = False
        self.worker = Worker(journal.path, self)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        if on_damage is not None:
            self.worker.damaged.connect(on_damage)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 4, 8, 4)
        self.filters = FilterBar()
        self.filters.set_situations(library.categories, library.cards)
        self.filters.changed.connect(self.schedule_refresh)
        top = QHBoxLayout()
        top.addWidget(self.filters, 1)
        self.csv_button = QPushButton(self.tr("Export CSV"))
        self.csv_button.setObjectName("exportCsv")
        self.csv_button.clicked.connect(self.export_csv)
        self.pdf_button = QPushButton(self.tr("PDF report"))
        self.pdf_button.setObjectName("exportPdf")
        self.pdf_button.clicked.connect(self.export_pdf)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeReview")
        self.close_button.setToolTip(self.tr("Close the review (Ctrl+W, Esc)"))
        self.close_button.clicked.connect(self.close)
        top.addWidget(self.csv_button)
        top.addWidget(self.pdf_button)
        top.addWidget(self.close_button)
        layout.addLayout(top)
        close_key = QShortcut(QKeySequence("Ctrl+W"), self)
        close_key.activated.connect(self.close)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_tabs()
        self.status = plain_label(self.tr("Loading…"), "reviewStatus", wrap=False)
        self.statusBar().addWidget(self.status, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self.setStyleSheet(theme.review_stylesheet())
        screen_fit.fit(self, PREFERRED_SIZE)
        self.refresh()

    # -- construction --------------------------------------------------------------------------
    def _build_tabs(self) -> None:
        glance = QWidget()
        glance_layout = QVBoxLayout(glance)
        self.glance = GlancePanel()
        glance_layout.addWidget(self.glance)
        self.situations_chart = ChartLabel("situationsChart")
        glance_layout.addWidget(self.situations_chart, 1)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("reportNotes")
        self.notes.setPlaceholderText(self.tr("Notes for the PDF report (optional)"))
        self.notes.setMaximumHeight(70)
        glance_layout.addWidget(self.notes)
        self.tabs.addTab(self._scroll(glance), self.tr("At a glance"))

        charts = QWidget()
        charts_layout = QGridLayout(charts)
        self.heatmap_chart = ChartLabel("heatmapChart")
        self.daily_chart = ChartLabel("dailyChart")
        self.cashiers_chart = ChartLabel("cashiersChart")
        charts_layout.addWidget(self.heatmap_chart, 0, 0)
        charts_layout.addWidget(self.cashiers_chart, 0, 1)
        charts_layout.addWidget(self.daily_chart, 1, 0)
        charts_layout.setRowStretch(2, 1)
        self.tabs.addTab(self._scroll(charts), self.tr("When and who"))

        self.situation_rows = RowsModel(self.tr("Situation"), lambda key: self.titles.get(key, key))
        self.situations_view = table_view(self.situation_rows, "situationsTable")
        self.tabs.addTab(self.situations_view, self.tr("Situations"))

        self.cashier_rows = RowsModel(self.tr("Cashier"))
        self.cashiers_view = table_view(self.cashier_rows, "cashiersTable")
        self.tabs.addTab(self.cashiers_view, self.tr("Cashiers"))

        phrasings = QWidget()
        phrasings_layout = QVBoxLayout(phrasings)
        self.phrase_situation = QComboBox()
        self.phrase_situation.setObjectName("phraseSituation")
        for card in self.library.cards:
            self.phrase_situation.addItem(card.title, card.id)
        self.phrase_situation.currentIndexChanged.connect(self.refresh_phrasings)
        phrasings_layout.addWidget(self.phrase_situation)
        self.phrase_note = plain_label("", "phraseNote")
        phrasings_layout.addWidget(self.phrase_note)
        self.phrase_rows = RowsModel(self.tr("Phrasing"))
        self.phrases_view = table_view(self.phrase_rows, "phrasingsTable")
        phrasings_layout.addWidget(self.phrases_view, 1)
        self.tabs.addTab(phrasings, self.tr("Phrasings"))

        unused = QWidget()
        unused_layout = QVBoxLayout(unused)
        unused_layout.addWidget(
            plain_label(
                self.tr("Cards never shown in this period: candidates to reword or remove.")
            )
        )
        self.unused_list = QListWidget()
        self.unused_list.setObjectName("unusedList")
        unused_layout.addWidget(self.unused_list, 1)
        self.tabs.addTab(unused, self.tr("Unused cards"))

        events = QWidget()
        events_layout = QVBoxLayout(events)
        self.event_search = QLineEdit()
        self.event_search.setObjectName("eventSearch")
        self.event_search.setPlaceholderText(self.tr("Find in phrasing, situation or cashier…"))
        self.event_search.textChanged.connect(self.schedule_refresh)
        events_layout.addWidget(self.event_search)
        self._events_conn = sqlite3.connect(
            read_only_uri(self.journal_path), uri=True, check_same_thread=False
        )
        self._events_conn.text_factory = readable_text
        self.events_model = EventsModel(self._events_conn, self.zone, self)
        self.events_view = table_view(self.events_model, "eventsTable", sortable=False)
        self.events_view.setSortingEnabled(True)
        self.events_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.events_view.horizontalHeader().setSortIndicator(AT, Qt.SortOrder.DescendingOrder)
        for name in HIDDEN_COLUMNS:
            self.events_view.setColumnHidden(list(COLUMNS).index(name), True)
        self.events_view.setColumnWidth(AT, 170)
        self.events_view.setColumnWidth(list(COLUMNS).index("phrase"), 420)
        events_layout.addWidget(self.events_view, 1)
        self.tabs.addTab(events, self.tr("Events"))
        self.events_tab = events
        # what "Export CSV" writes for the tab on screen (the others: the situations)
        self.tab_models = {
            self.situations_view: self.situation_rows,
            self.cashiers_view: self.cashier_rows,
            phrasings: self.phrase_rows,
        }

    @staticmethod
    def _scroll(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(widget)
        return area

    # -- loading -------------------------------------------------------------------------------
    def schedule_refresh(self) -> None:
        self._timer.start(REFRESH_DELAY_MS)

    def request(self) -> Request:
        request = self.filters.request()
        if self.now is not None:
            request = Request(
                request.period, request.filters, request.first, request.last, self.now()
            )
        return request

    def refresh(self) -> None:
        request = self.request()
        zone, titles, lang = self.zone, dict(self.titles), self.lang
        ids = [c.id for c in self.library.cards]

        def job(conn: sqlite3.Connection) -> tuple[Snapshot, dict[str, bytes]]:
            snapshot = compute(conn, zone, request, ids)
            return snapshot, render_charts(snapshot, titles, lang)

        self.status.setText(self.tr("Loading…"))
        self._ticket = self.worker.submit(job)
        self.refresh_phrasings()

    def refresh_phrasings(self) -> None:
        situation = self.phrase_situation.currentData()
        if situation is None:
            return
        request, zone = self.request(), self.zone

        def job(conn: sqlite3.Connection) -> Any:
            period = request.resolve(conn, zone)
            return Reports(conn, zone).phrasings(situation, period, request.filters)

        self._phrase_ticket = self.worker.submit(job)

    def _finished(self, ticket: int, result: Any) -> None:
        if self._closed:  # an answer posted just before the window closed: nothing to show it in
            return
        if ticket == self._ticket:
            snapshot, images = result
            self._show(snapshot, images)
        elif ticket == self._phrase_ticket:
            self._show_phrasings(result)
        elif ticket == self._pdf_ticket:
            self.status.setText(self.tr("PDF report saved: %1").replace("%1", str(result)))

    def _failed(self, ticket: int, error: str) -> None:
        if self._closed:
            return
        self.status.setText(
            self.tr("Could not read the journal: %1").replace("%1", error.strip().splitlines()[-1])
        )

    def _show(self, snapshot: Snapshot, images: dict[str, bytes]) -> None:
        self.snapshot = snapshot
        self.filters.set_cashiers(snapshot.cashier_names)
        self.glance.show_glance(snapshot.glance, lambda key: self.titles.get(key, key))
        self.situation_rows.set_rows(snapshot.situations)
        self.cashier_rows.set_rows(snapshot.cashiers)
        self.unused_list.clear()
        self.unused_list.addItems([self.titles.get(i, i) for i in snapshot.unused])
        charts = {
            "situations": self.situations_chart,
            "heatmap": self.heatmap_chart,
            "daily": self.daily_chart,
            "cashiers": self.cashiers_chart,
        }
        for key, label in charts.items():
            label.set_png(images[key])
        filters = self.filters.filters()
        self.events_model.set_filter(
            EventFilter(
                start=snapshot.period.start_text,
                end=snapshot.period.end_text,
                cashier=filters.cashier,
                situations=filters.situations,
                lang=filters.lang,
                text=self.event_search.text().strip() or None,
            )
        )
        local = (
            snapshot.period.start.astimezone(self.zone),
            snapshot.period.end.astimezone(self.zone),
        )
        self.status.setText(
            self.tr("%1 – %2 · %3 interactions · %4 events in the journal")
            .replace("%1", local[0].strftime("%Y-%m-%d %H:%M"))
            .replace("%2", local[1].strftime("%Y-%m-%d %H:%M"))
            .replace("%3", str(snapshot.glance.interactions))
            .replace("%4", f"{snapshot.events:,}".replace(",", " "))
        )

    def _show_phrasings(self, stats: list[Any]) -> None:
        few = self.tr("too few uses to compare")
        notes = {s.phrase: few for s in stats if not s.rankable}
        self.phrase_rows.set_rows([s.row for s in stats], notes)
        if stats and not any(s.rankable for s in stats):
            self.phrase_note.setText(
                self.tr("No phrasing has been used often enough yet to say which works better.")
            )
        else:
            self.phrase_note.setText(
                self.tr(
                    "Each figure rests on the uses shown beside it; phrasings with fewer than %1 recorded outcomes are not compared."  # noqa: E501 - one literal for the translators
                ).replace("%1", str(MIN_USES_TO_RANK))
            )

    # -- export --------------------------------------------------------------------------------
    def export_csv(self) -> None:
        path = dialogs.save_path(self, self.tr("Export CSV"), "pos-coach.csv", "CSV (*.csv)")
        if path is None:
            return
        current = self.tabs.currentWidget()
        # for the shift lead's spreadsheet: Excel opens it by double-click with Cyrillic and
        # columns intact (a byte-order mark, ';' between columns: review/output.py says why);
        # `pos-coach export` gives plain CSV for programs
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = Rows(handle, excel=True)
            if current is self.events_tab:
                self._write_events(writer)
            else:
                model = self.tab_models.get(current, self.situation_rows)
                headers, body = model.table()
                writer.writerow(headers)
                writer.writerows(body)
        self.status.setText(self.tr("Saved: %1").replace("%1", str(path)))

    def _write_events(self, writer: Rows) -> None:
        from pos_coach.review.events import EventPager

        writer.writerow(COLUMNS)
        pager = EventPager(
            self._events_conn,
            self.events_model.filter,
            self.events_model.sort_column,
            self.events_model.descending,
        )
        while page := pager.next_page(5000):
            writer.writerows(page)

    def export_pdf(self) -> None:
        if self.snapshot is None:
            return
        suggested = f"shift-report-{self.snapshot.period.start.astimezone(self.zone):%Y-%m-%d}.pdf"
        path = dialogs.save_path(self, self.tr("PDF report"), suggested, "PDF (*.pdf)")
        if path is None:
            return
        request, zone, titles, lang = self.request(), self.zone, dict(self.titles), self.lang
        store, register = str(self.settings["store"]), str(self.settings["register"])
        notes = self.notes.toPlainText()
        ids = [c.id for c in self.library.cards]

        job = ReportJob(
            journal=Path(self.journal_path),
            target=path,
            zone=zone,
            request=request,
            store=store,
            register=register,
            lang=lang,
            titles=titles,
            card_ids=ids,
            notes=notes,
        )

        def write(_conn: sqlite3.Connection) -> Path:
            return pictures.executor().submit(pictures.write_report, job).result()

        self.status.setText(self.tr("Writing the PDF report…"))
        self._pdf_ticket = self.worker.submit(write)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc reaches the window only when the widget in focus has no use for it (an open list
        # of a filter closes first)
        if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # answers still on their way are dropped: the window and its connection are going (an
        # answer already posted to the event loop still arrives: _closed turns it away)
        if self._closed:  # closed before (Esc, then the counter quitting): nothing left to stop
            super().closeEvent(event)
            return
        self._closed = True
        self.worker.finished.disconnect(self._finished)
        self.worker.failed.disconnect(self._failed)
        self.worker.shutdown()
        self._events_conn.close()
        super().closeEvent(event)
