"""Where the board puts its headings and tiles: the rectangles the grid layouts gave, kept.

Measured at 1024x600, 1280x800 and 1920x1080 (DejaVu Sans: a heading 31, 34 and 38 px tall).
The grid gave a column a few pixels more when a tile's title asked for it (its size hint), and
the columns on its right moved over (up to 10 px at 1920x1080, in a section of long titles); so
below the "Most used" row, where every column had its equal share, a tile's left edge and width
are compared within that; the "Most used" row, rows, headings and the body's height exactly.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from tests.conftest import SHIPPED_PACK

SLACK = 10  # px: what the titles before a tile in its row could add to its columns


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def in_body(widget: QWidget, body: QWidget) -> tuple[int, int, int, int]:
    return QRect(widget.mapTo(body, QPoint(0, 0)), widget.size()).getRect()


def headings(board) -> list[tuple[str, tuple[int, int, int, int]]]:
    body = board.widget()
    shown = [
        label
        for label in body.findChildren(QLabel, "sectionTitle")
        if label.isVisibleTo(board) and label.text()
    ]
    return sorted(((label.text(), in_body(label, body)) for label in shown), key=lambda h: h[1][1])


def near(got: tuple[int, int, int, int], want: tuple[int, int, int, int]) -> bool:
    """The same row (top, height exact), the same column (left, width within SLACK)."""
    return (
        got[1] == want[1]
        and got[3] == want[3]
        and abs(got[0] - want[0]) <= SLACK
        and abs(got[2] - want[2]) <= SLACK
    )


def test_the_small_pack_by_category_at_1024x600(qtbot, make_window):
    window = make_window("en", size=(1024, 600))
    window.start_shift("Anna")
    settle()
    board = window.board
    body = board.widget()
    found = headings(board)
    height = found[0][1][3]  # 31 px with DejaVu Sans
    below = 8 + height + 6 + 92 + 6  # the first section: its heading, one row of tiles
    assert found == [
        ("Everyday", (12, 8, 1000, height)),
        ("Security", (12, below, 1000, height)),
    ]
    assert body.size().toTuple() == (1024, 544)  # the whole viewport, no scroll bar
    first_row, second_row = 8 + height + 6, below + height + 6  # 45 and 180
    share = (1000 - 3 * 10) / 4  # four columns, 10 px apart
    assert in_body(board.tile("greeting"), body)[:2] == (12, first_row)
    assert near(in_body(board.tile("greeting"), body), (12, first_row, round(share), 92))
    assert near(
        in_body(board.tile("loyalty-card"), body), (round(12 + share + 10), first_row, 242, 92)
    )
    assert near(in_body(board.tile("gate-alarm"), body), (12, second_row, round(share), 92))


def test_the_small_pack_searched_and_nothing_found(qtbot, make_window):
    window = make_window("en", size=(1024, 600))
    window.start_shift("Anna")
    window.header.search.setText("loyalti")
    settle()
    board = window.board
    body = board.widget()
    found = headings(board)
    height = found[0][1][3]
    assert found == [("Found", (12, 8, 1000, height))]
    assert near(in_body(board.tile("loyalty-card"), body), (12, 8 + height + 6, 243, 92))
    window.header.search.setText("qqqqzzzz")
    settle()
    assert headings(board) == [("Found", (12, 8, 1000, height))]
    empty = [label for label in body.findChildren(QLabel, "muted") if label.isVisibleTo(board)]
    assert [label.text() for label in empty] == ["Nothing found. Try another word."]
    x, y, width, _ = in_body(empty[0], body)
    assert (x, y, width) == (12, 8 + height + 6, 1000)
    assert empty[0].height() == empty[0].heightForWidth(1000)


SHIPPED = {
    # size: (heading height, tile height, body, columns' left edges, column width or widths,
    #        the headings' tops)
    (1024, 600): (
        31,
        92,
        (998, 2147),
        (12, 258, 504, 750),
        (236, 236, 236, 236),
        (8, 347, 584, 821, 1058, 1295, 1532, 1667, 2006),
    ),
    (1280, 800): (
        34,
        101,
        (1254, 2336),
        (12, 322, 632, 942),
        (300, 300, 300, 300),
        (8, 377, 635, 893, 1151, 1409, 1667, 1814, 2183),
    ),
    (1920, 1080): (
        38,
        124,
        (1894, 2116),
        (12, 325, 639, 952, 1265, 1579),
        (303, 304, 303, 303, 304, 303),  # 1820 px in six: as QGridLayout shares it
        (8, 316, 624, 932, 1106, 1280, 1454, 1628, 1936),
    ),
}


def test_the_shipped_pack_lays_out_as_the_grid_did(qtbot, make_window):
    window = make_window("en", SHIPPED_PACK, size=(1024, 600))
    window.start_shift("Anna")
    for size, (heading, tile, body_size, lefts, widths, tops) in SHIPPED.items():
        window.resize(*size)
        settle()
        board = window.board
        body = board.widget()
        assert body.size().toTuple() == body_size, size
        found = headings(board)
        assert [rect for _, rect in found] == [(12, y, body_size[0] - 24, heading) for y in tops]
        assert found[0][0] == "Most used"
        columns = len(lefts)
        # the "Most used" row: every column its equal share, to the pixel
        for n, card_id in enumerate(board.top_ids()):
            top_tile = board.top_tile(card_id)
            assert top_tile is not None and top_tile.isVisible()
            row, column = divmod(n, columns)
            y = 8 + heading + 6 + row * (tile + 10)
            want = (lefts[column], y, widths[column], tile)
            assert in_body(top_tile, body) == want, (size, card_id)
        # the categories in their order, row by row
        sections = [found[n][1][1] for n in range(1, len(found))]
        ids_by_section: list[list[str]] = []
        library = window.counter.library
        for category in library.categories:
            ids = [cid for cid in board.visible_ids() if library.get(cid).category == category.id]
            if ids:
                ids_by_section.append(ids)
        assert len(ids_by_section) == len(sections)
        for section_top, ids in zip(sections, ids_by_section, strict=True):
            for n, card_id in enumerate(ids):
                row, column = divmod(n, columns)
                y = section_top + heading + 6 + row * (tile + 10)
                got = in_body(board.tile(card_id), body)
                assert near(got, (lefts[column], y, widths[column], tile)), (size, card_id, got)
                assert board.tile(card_id).isVisible()
