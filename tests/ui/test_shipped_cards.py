"""Every shipped card at the smallest supported screen: summary and phrasing shown whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from tests.conftest import SHIPPED_PACK


def shown_whole(label: QLabel, window: QWidget, above: int) -> bool:
    """The label's whole text fits its box, and the box is on screen above ``above`` (y)."""
    needed = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
    top_left = label.mapTo(window, QPoint(0, 0))
    return (
        label.isVisible()
        and needed <= label.height()
        and top_left.y() >= 0
        and top_left.y() + label.height() <= above
    )


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_card_shows_summary_and_first_phrasing_without_scrolling(qtbot, make_window, lang):
    window = make_window(lang, SHIPPED_PACK, size=(1024, 600))
    window.start_shift("Анна" if lang == "ru" else "Anna")
    bar = window.card_page.outcomes
    cut = []
    for card in window.counter.library.cards:
        window.open_card(card.id, "touch")
        QApplication.processEvents()
        limit = bar.mapTo(window, QPoint(0, 0)).y()
        view = window.card_page.view
        for name, label in (
            ("title", view.title),
            ("summary", view.summary),
            ("phrase", view.phrase),
        ):
            if not shown_whole(label, window, limit):
                cut.append(f"{card.id}: {name}")
        window.go_back()
    assert cut == []


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_tile_title_fits_its_tile(qtbot, make_window, lang):
    window = make_window(lang, SHIPPED_PACK, size=(1024, 600))
    window.start_shift("Анна" if lang == "ru" else "Anna")
    QApplication.processEvents()
    cut = []
    for card in window.counter.library.cards:
        label = window.board.tile(card.id).title
        font = QFont(label.font())
        font.setBold(True)
        font.setPixelSize(label.font_px())
        rect = QFontMetrics(font).boundingRect(
            QRect(0, 0, label.width(), 10_000), int(Qt.TextFlag.TextWordWrap), label.text()
        )
        if rect.height() > label.height() or label.font_px() < 14:
            cut.append(f"{card.id}: {label.font_px()}px")
    assert cut == []
