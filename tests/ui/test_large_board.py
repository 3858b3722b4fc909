"""A board of thousands of cards: only the tiles in sight are made, and scrolling shows the rows
that come into sight at once, each tile where the grid would have put it."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QScroller

from pos_coach.cards.model import Card, Category
from pos_coach.ui import theme, tiles
from pos_coach.ui.tiles import (
    GRID_SPACING,
    MARGINS,
    SECTION_SPACING,
    TILE_PX,
    BoardLayout,
    Tile,
    TileBoard,
    equal_columns,
)

CATEGORIES = [
    Category("everyday", "Everyday", "#2E6B3F"),
    Category("payment", "Payment", "#1F4E79"),
    Category("security", "Security", "#8E2B2B"),
]


def make_cards(count: int, categories=CATEGORIES, hotkeys: int = 0, title: str = "") -> list[Card]:
    """``count`` cards spread over the categories in turn; the first ``hotkeys`` on F1, F2..."""
    return [
        Card(
            id=f"card-{n:04d}",
            lang="en",
            title=f"{n} {title or 'Customer asks about something else'}",
            category=categories[n % len(categories)].id,
            summary="What to do.",
            steps=("Listen.",),
            say=("Of course.",),
            avoid=(),
            wow=(),
            hotkey=f"F{n + 1}" if n < hotkeys else None,
        )
        for n in range(count)
    ]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # tiles let go of


@pytest.fixture
def show_board(qtbot):
    """A board in a window styled like the counter's, 1024x600 (the body 998x544 or so)."""
    windows = []

    def show(cards: list[Card], categories=CATEGORIES, size=(1024, 600)) -> TileBoard:
        window = QMainWindow()
        windows.append(window)
        window.setStyleSheet(theme.stylesheet(1.0, True))
        board = TileBoard()
        window.setCentralWidget(board)
        qtbot.addWidget(window)
        window.resize(*size)
        board.set_cards(cards, categories)
        with qtbot.waitExposed(window):
            window.show()
        board.prepare()
        settle()
        return board

    yield show
    for window in windows:
        window.close()


def made(board: TileBoard) -> list[Tile]:
    return board.widget().findChildren(Tile)


def in_view(board: TileBoard, tile: Tile) -> bool:
    viewport = board.viewport()
    rect = QRect(tile.mapTo(viewport, QPoint(0, 0)), tile.size())
    return tile.isVisible() and QRect(QPoint(0, 0), viewport.size()).contains(rect)


def heading_height(board: TileBoard) -> int:
    return board.widget().findChildren(QLabel, "sectionTitle")[0].height()


def rows_in_sight(board: TileBoard, ids: list[str]) -> list[tuple[str, QRect]]:
    """For a board of one section: each card whose row is in the viewport, and its rectangle
    (in the body) as the grid had it: equal columns, rows 92 + 10 px apart under the heading."""
    width = board.viewport().width()
    columns = max(2, (width - 24) // tiles.TILE_MIN_WIDTH)
    share = (width - 24 - (columns - 1) * GRID_SPACING) / columns
    first_row = MARGINS[1] + heading_height(board) + SECTION_SPACING
    top = board.verticalScrollBar().value()
    bottom = top + board.viewport().height()
    shown = []
    for n, card_id in enumerate(ids):
        row, column = divmod(n, columns)
        y = first_row + row * (TILE_PX + GRID_SPACING)
        if y < bottom and y + TILE_PX > top:
            x = MARGINS[0] + round(column * (share + GRID_SPACING))
            shown.append((card_id, QRect(x, y, round(share), TILE_PX)))
    return shown


def assert_rows_shown(board: TileBoard, ids: list[str]) -> None:
    """Every tile of the rows in sight made, shown, and where it belongs (to a pixel's
    rounding): no blank row, at once (no turn of the event loop)."""
    body = board.widget()
    wanted = rows_in_sight(board, ids)
    assert wanted
    for card_id, rect in wanted:
        tile = body.findChild(Tile, f"tile-{card_id}")
        assert tile is not None and tile.isVisible(), card_id
        got = tile.geometry()
        assert got.top() == rect.top() and got.height() == rect.height(), card_id
        assert abs(got.left() - rect.left()) <= 1 and abs(got.width() - rect.width()) <= 1


def test_thousands_of_cards_make_few_tiles_and_the_last_is_there_at_the_bottom(qtbot, show_board):
    cards = make_cards(3000, hotkeys=12)
    board = show_board(cards)
    assert board.top_ids()[:3] == ["card-0000", "card-0001", "card-0002"]  # the "Most used" row
    assert len(made(board)) < 150  # the first screens' worth, not 3,000
    body, bar = board.widget(), board.verticalScrollBar()
    # the body as tall as every row of every section: the scroll bar reaches the last
    heading = heading_height(board)
    columns = (board.viewport().width() - 24) // tiles.TILE_MIN_WIDTH
    rows = [-(-12 // columns)] + [-(-1000 // columns)] * 3
    tall = sum(
        heading + SECTION_SPACING + r * (TILE_PX + GRID_SPACING) - GRID_SPACING for r in rows
    )
    assert body.height() == MARGINS[1] + tall + 3 * SECTION_SPACING + MARGINS[3]
    assert bar.maximum() == body.height() - board.viewport().height()

    bar.setValue(bar.maximum())
    last = body.findChild(Tile, "tile-card-2999")  # security's 1,000th: made by the scroll
    assert last is not None and in_view(board, last)
    column = (1000 - 1) % columns
    share = (board.viewport().width() - 24 - (columns - 1) * GRID_SPACING) / columns
    assert last.y() == body.height() - MARGINS[3] - TILE_PX
    assert abs(last.x() - (MARGINS[0] + column * (share + GRID_SPACING))) <= 1
    with qtbot.waitSignal(board.card_chosen) as chosen:
        qtbot.mouseClick(last, Qt.MouseButton.LeftButton)
    assert chosen.args == ["card-2999", False]
    settle()
    assert len(made(board)) < 150


def test_any_cards_tile_is_made_on_demand_placed_and_shows_when_scrolled_to(qtbot, show_board):
    board = show_board(make_cards(3000))
    tile = board.tile("card-2100")  # far below the first screens
    assert tile.isVisible() and not in_view(board, tile)
    assert tile.title.text() == "2100 Customer asks about something else"
    board.ensureWidgetVisible(tile)
    settle()
    assert in_view(board, tile) and board.tile("card-2100") is tile
    with qtbot.waitSignal(board.card_chosen) as chosen:
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert chosen.args == ["card-2100", False]


def test_scrolling_by_bar_wheel_and_finger_shows_every_row_in_sight_at_once(qtbot, show_board):
    one = [Category("everyday", "Everyday", "#2E6B3F")]
    cards = make_cards(2000, one)
    ids = [card.id for card in cards]
    board = show_board(cards, one)
    bar = board.verticalScrollBar()
    assert_rows_shown(board, ids)
    for value in (35, 400, 1234, 20_000, bar.maximum() // 2, bar.maximum(), 7):
        bar.setValue(value)  # a drag of the bar, or a jump
        assert_rows_shown(board, ids)
    for _ in range(12):  # the wheel, down
        before = bar.value()
        wheel = QWheelEvent(
            QPointF(200, 200),
            QPointF(board.viewport().mapToGlobal(QPoint(200, 200))),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(board.viewport(), wheel)
        assert bar.value() > before
        assert_rows_shown(board, ids)
    # the finger: a drag up the tiles
    viewport = board.viewport()
    qtbot.waitUntil(lambda: QScroller.hasScroller(viewport), timeout=2000)
    before = bar.value()
    start = QPoint(viewport.width() // 2, viewport.height() - 20)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 16):
        qtbot.mouseMove(viewport, start - QPoint(0, step * 20))
        qtbot.wait(15)
        assert_rows_shown(board, ids)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start - QPoint(0, 300))
    qtbot.waitUntil(lambda: bar.value() > before + 100, timeout=3000)
    assert_rows_shown(board, ids)
    QScroller.scroller(viewport).stop()
    settle()
    assert len(made(board)) <= tiles.POOL


def test_many_searches_and_a_scroll_to_the_end_keep_the_tiles_made_bounded(qtbot, show_board):
    cards = make_cards(3000, hotkeys=12)
    board = show_board(cards)
    rng = random.Random(3)
    for n in range(150):  # every keystroke's results: 24 cards, most never shown before
        found = [card.id for card in rng.sample(cards, 24)]
        board.show_results("Found", found, "Nothing found.")
        shown = {tile.card.id for tile in made(board) if tile.isVisible()}
        assert shown <= set(found) and found[0] in shown
        if n % 10 == 0:
            settle()
    board.show_all()
    bar = board.verticalScrollBar()
    for value in range(0, bar.maximum() + bar.pageStep(), bar.pageStep()):
        bar.setValue(value)
    settle()
    assert len(made(board)) <= 2 * tiles.POOL  # the categories' pool and the "Most used" one
    assert len(made(board)) < len(cards) // 5
    # the tiles in sight are still the cards'; those far away may have been let go of and are
    # made again when asked for
    assert board.tile("card-0000").card.id == "card-0000"


def test_new_cards_leave_no_tile_of_the_old_ones(qtbot, show_board):
    board = show_board(make_cards(1500))
    board.verticalScrollBar().setValue(5000)
    board.show_results("Found", ["card-0005", "card-1400"], "")
    board.show_all()
    settle()
    assert made(board)
    board.set_cards(make_cards(900, title="Renamed"), CATEGORIES)  # a pack edited on disk
    settle()
    tiles_now = made(board)
    assert tiles_now and all(tile.title.text().endswith(" Renamed") for tile in tiles_now)
    assert all(int(tile.card.id[5:]) < 900 for tile in tiles_now)
    assert board.tile("card-0899").title.text() == "899 Renamed"
    bar = board.verticalScrollBar()
    assert bar.maximum() == board.widget().height() - board.viewport().height()


# -- the layout alone, no widgets ----------------------------------------------------------------
def test_columns_share_the_width_as_a_grid_layout_does():
    assert equal_columns(12, 1870, 6, 10) == (
        (12, 303),
        (325, 304),
        (639, 303),
        (952, 303),
        (1265, 304),
        (1579, 303),
    )
    assert equal_columns(12, 974, 4, 10) == ((12, 236), (258, 236), (504, 236), (750, 236))
    assert equal_columns(12, 1000, 4, 10) == ((12, 243), (265, 242), (517, 243), (770, 242))


def test_the_shipped_boards_layout_from_its_counts():
    # 1024x600 with a scroll bar: 998 px wide, four columns, the "Most used" row first
    counts = [12, 8, 8, 6, 5, 6, 4, 10, 3]
    laid = BoardLayout.compute(998, 4, counts, [31] * len(counts), 92)
    assert laid.size == QSize(998, 2147)
    tops = [box.heading.top() for box in laid.sections]
    assert tops == [8, 347, 584, 821, 1058, 1295, 1532, 1667, 2006]
    assert laid.sections[0].heading == QRect(12, 8, 974, 31)
    assert laid.tile_rect(0, 0) == QRect(12, 45, 236, 92)
    assert laid.tile_rect(0, 11) == QRect(750, 249, 236, 92)
    assert laid.tile_rect(8, 2) == QRect(504, 2043, 236, 92)
    # the rows that reach into a band, and no others
    assert list(laid.tiles_between(0, 100)) == [(0, range(0, 4))]
    assert list(laid.tiles_between(340, 400)) == [(0, range(8, 12)), (1, range(0, 4))]
    assert list(laid.tiles_between(2135, 2400)) == []  # below the last row (2043 + 92)
    assert list(laid.tiles_between(2000, 2100)) == [(8, range(0, 3))]


def test_a_search_that_found_nothing_and_an_empty_board():
    laid = BoardLayout.compute(1024, 4, [0], [31], 92, empty_height=19)
    assert laid.sections[0].empty == QRect(12, 45, 1000, 19)
    assert laid.size == QSize(1024, 45 + 19 + 12)
    assert list(laid.tiles_between(0, 1000)) == []
    assert BoardLayout.compute(1024, 4, [0], [31], 92).size == QSize(1024, 8 + 31 + 12)
    assert BoardLayout.compute(1024, 4, [], [], 92).size == QSize(1024, 8 + 12)
