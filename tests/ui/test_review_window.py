"""The review window over a journal whose figures were worked out by hand (see test_review)."""

from __future__ import annotations

import csv
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from pos_coach.cards import load_pack
from pos_coach.journal import Journal
from pos_coach.library import Library
from pos_coach.settings import Settings
from pos_coach.ui import dialogs
from pos_coach.ui.review.review_window import ReviewWindow
from tests.conftest import SHIPPED_PACK
from tests.unit.test_review import MOSCOW, fill

SATURDAY_AFTERNOON = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)  # 15:00 in the shop


def opened_review(qtbot, data_dir, lang: str = "en", exposed: bool = False):
    """The review over the test journal (Saturday 21 November), loaded; closed afterwards.
    ``exposed``: wait until the window is on screen and active (for keys sent to it)."""
    journal = Journal.in_dir(data_dir)
    fill(journal)
    library = Library(load_pack(SHIPPED_PACK).packs[lang])
    window = ReviewWindow(
        journal, library, Settings.in_dir(data_dir), MOSCOW, now=lambda: SATURDAY_AFTERNOON
    )
    qtbot.addWidget(window)
    if exposed:
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
    else:
        window.show()
    wait_loaded(qtbot, window)
    yield window
    window.close()
    journal.close()


@pytest.fixture
def review(qtbot, data_dir):
    yield from opened_review(qtbot, data_dir)


def wait_loaded(qtbot, window):
    qtbot.waitUntil(
        lambda: window.snapshot is not None and window.situations_chart.has_chart(), timeout=30_000
    )
    window.worker.wait()
    qtbot.wait(10)


def reload(qtbot, window):
    window.snapshot = None
    window.refresh()
    wait_loaded(qtbot, window)


def test_today_at_a_glance(review):
    figures = review.glance.figures
    assert figures["interactions"].value.text() == "6"
    assert figures["interactions"].change.text() == "▲ 5 · before: 1"
    assert figures["wow"].value.text() == "0%"
    assert figures["upset"].value.text() == "60%"
    assert figures["escalations"].value.text() == "1"
    assert figures["busiest"].value.text() == "10:00–11:00"
    assert figures["worst"].value.text() == "Security gate alarm"
    assert "6 interactions" in review.status.text()


def test_situations_table_and_unused_cards(review):
    model = review.situation_rows
    rows = {
        model.data(model.index(r, 0)): [model.data(model.index(r, c)) for c in range(9)]
        for r in range(model.rowCount())
    }
    assert rows["Security gate alarm"][1:7] == [2, 0, 0, 2, 0, 0]
    assert rows["Security gate alarm"][8] == "100%"
    unused = [review.unused_list.item(i).text() for i in range(review.unused_list.count())]
    assert "Goodbye and thank you" in unused and "Security gate alarm" not in unused


def test_filters_change_the_figures(qtbot, review):
    review.filters.cashier.setCurrentIndex(review.filters.cashier.findData("Anna"))
    reload(qtbot, review)
    assert review.glance.figures["interactions"].value.text() == "2"
    review.filters.cashier.setCurrentIndex(0)
    review.filters.period.setCurrentIndex(review.filters.period.findData("yesterday"))
    reload(qtbot, review)
    assert review.glance.figures["interactions"].value.text() == "1"
    assert review.glance.figures["wow"].value.text() == "100%"


def test_this_shift_starts_at_the_last_shift_start(qtbot, review):
    review.filters.period.setCurrentIndex(review.filters.period.findData("shift"))
    reload(qtbot, review)
    # the shift started at 09:55 local; i2 (00:10) is before it, i7 (18:00) after "now" (15:00)
    assert review.glance.figures["interactions"].value.text() == "4"


def test_events_tab_pages_lazily(qtbot, review):
    model = review.events_model
    assert model.rowCount() == 13  # today's events: a shift start, 6 shown, 6 endings
    first_at = model.data(model.index(0, 1))
    assert first_at.startswith("2026-11-21 18:00")  # newest first, in the shop's time
    review.event_search.setText("gate")
    reload(qtbot, review)
    assert model.rowCount() == 4


def test_phrasings_say_when_there_is_too_little_to_compare(qtbot, review):
    review.phrase_situation.setCurrentIndex(review.phrase_situation.findData("greeting"))
    qtbot.waitUntil(lambda: review.phrase_rows.rowCount() == 2, timeout=10_000)
    assert "often enough" in review.phrase_note.text()
    model = review.phrase_rows
    assert model.data(model.index(0, 7)) == "too few uses to compare"


def test_export_csv_of_the_table_on_screen(qtbot, review, tmp_path, monkeypatch):
    target = tmp_path / "situations.csv"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: target)
    review.tabs.setCurrentWidget(review.situations_view)
    review.export_csv()
    raw = target.read_bytes()
    assert raw.startswith("\ufeff".encode())  # Excel reads it as UTF-8 only with the mark
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:2] == ["Situation", "Interactions"]
    assert ["Security gate alarm", "2", "0", "0", "2", "0", "0", "0%", "100%"] in rows
    events = tmp_path / "events.csv"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: events)
    review.tabs.setCurrentWidget(review.events_tab)
    review.export_csv()
    assert len(events.read_text("utf-8-sig").splitlines()) == 1 + 13


def test_pdf_report(qtbot, review, tmp_path, monkeypatch):
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: target)
    review.notes.setPlainText("Gate alarm twice at ten: check the tag remover.")
    review.export_pdf()
    qtbot.waitUntil(lambda: "report.pdf" in review.status.text(), timeout=60_000)
    assert target.read_bytes().startswith(b"%PDF")


def test_a_cancelled_export_writes_nothing(review, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: None)
    review.export_csv()
    review.export_pdf()
    assert list(tmp_path.glob("*.csv")) == [] and list(tmp_path.glob("*.pdf")) == []


def test_sorting_the_events_by_situation(qtbot, review):
    view = review.events_view
    column = list(review.events_model.columns).index("situation")
    view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    model = review.events_model
    values = [model.data(model.index(r, column)) for r in range(model.rowCount())]
    assert values == sorted(values)
