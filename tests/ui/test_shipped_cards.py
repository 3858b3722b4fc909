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


def block_lines_shown(block, window: QWidget, limit: int, count: int) -> bool:
    """The block's title and its first ``count`` lines whole, above ``limit`` and inside the
    card's scroll area as the card opens (nothing scrolled)."""
    view = window.card_page.view
    viewport = view.details.viewport()
    bottom = min(limit, viewport.mapTo(window, QPoint(0, viewport.height())).y())
    return view.details.verticalScrollBar().value() == 0 and all(
        shown_whole(label, window, bottom) for label in [block.title, *block._lines[:count]]
    )


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_at_1024x600_what_to_do_now_shows_without_scrolling(qtbot, make_window, lang):
    """The first two steps and the first "then" line of every card, whole, as it opens."""
    window = make_window(lang, SHIPPED_PACK, size=(1024, 600))
    window.start_shift("Анна" if lang == "ru" else "Anna")
    bar = window.card_page.outcomes
    cut = []
    for card in window.counter.library.cards:
        window.open_card(card.id, "touch")
        for _ in range(3):  # the scroll area's content is laid out on the next turns
            QApplication.processEvents()
        limit = bar.mapTo(window, QPoint(0, 0)).y()
        view = window.card_page.view
        if card.steps and not block_lines_shown(view.steps, window, limit, 2):
            cut.append(f"{card.id}: first steps")
        if card.then and not block_lines_shown(view.then, window, limit, 1):
            cut.append(f"{card.id}: first 'then' line")
        window.go_back()
    assert cut == []


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_at_1024x600_every_hotkey_tile_is_on_the_first_screen(qtbot, make_window, lang):
    """F1-F12, the busiest cards, can be tapped without scrolling the tiles."""
    window = make_window(lang, SHIPPED_PACK, size=(1024, 600))
    window.start_shift("Анна" if lang == "ru" else "Anna")
    QApplication.processEvents()
    board = window.board
    assert board.verticalScrollBar().value() == 0
    viewport = board.viewport()
    keyed = [card for card in window.counter.library.cards if card.hotkey]
    assert len(keyed) >= 12
    below = []
    for card in keyed:
        tiles = [board.tile(card.id), board.top_tile(card.id)]
        if not any(
            tile is not None
            and tile.isVisible()
            and QRect(QPoint(0, 0), viewport.size()).contains(
                QRect(tile.mapTo(viewport, QPoint(0, 0)), tile.size())
            )
            for tile in tiles
        ):
            below.append(f"{card.hotkey} {card.id}")
    assert below == []
    # in the order of the keys, each tile the card's own
    assert [window.counter.library.get(i).hotkey for i in board.top_ids()][:3] == ["F1", "F2", "F3"]
    qtbot.mouseClick(board.top_tile("gate-alarm"), Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.card_page
    assert window.card_page.view.title.text() == window.counter.library.get("gate-alarm").title
