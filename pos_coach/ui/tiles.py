"""The tile screen: one big button per card, grouped and coloured by category."""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from pos_coach.cards.model import Card, Category
from pos_coach.ui import theme
from pos_coach.ui.touch import finger_scroll

TILE_MIN_WIDTH = 230
TITLE_PX = 19
TILE_PX = 92  # a tile's height at scale 1 (the theme's QPushButton[tile="true"])
GRID_SPACING = 10
SECTION_SPACING = 6
SECTION_TITLE_PX = 34  # a section's heading at scale 1: 18 px bold and its padding
MARGINS = (12, 8, 12, 12)
# the tiles kept made in each pool (categories, "Most used"), unless more are in sight: beyond it
# the least recently shown are deleted (three screens of tiles at 1920x1080 are about 150)
POOL = 400


class FitLabel(QLabel):
    """A word-wrapped title whose font shrinks (down to a floor) until the whole text fits."""

    def __init__(self, text: str, base_px: int = 19, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.base_px = base_px
        self._fitted_for: tuple[int, int, int] | None = None
        self._px = 0

    def set_base_px(self, base_px: int) -> None:
        self.base_px = base_px
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        key = (self.width(), self.height(), self.base_px)
        if key == self._fitted_for or self.width() <= 0:
            return
        self._fitted_for = key
        font = QFont(self.font())
        font.setBold(True)
        floor = max(11, round(self.base_px * 0.7))
        for px in range(self.base_px, floor - 1, -1):
            font.setPixelSize(px)
            rect = QFontMetrics(font).boundingRect(
                QRect(0, 0, self.width(), 10_000), int(Qt.TextFlag.TextWordWrap), self.text()
            )
            if rect.height() <= self.height() and rect.width() <= self.width():
                break
        if px != self._px:
            self._px = px
            # a style sheet, not setFont: the window's style sheet would override the font
            self.setStyleSheet(f"font-size: {px}px; font-weight: bold;")

    def font_px(self) -> int:
        return self._px


class Tile(QPushButton):
    """A card's tile: its title, and its hotkey in a corner badge."""

    def __init__(
        self,
        card: Card,
        category: Category | None,
        parent: QWidget | None = None,
        name: str = "tile",
    ) -> None:
        super().__init__(parent)
        self.card = card
        self.setObjectName(f"{name}-{card.id}")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setProperty("tile", True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # coloured by the board's style sheet, one rule per colour (a sheet of each tile's own
        # was parsed and polished once per tile: half the cost of making the tiles)
        self.setProperty("colour", tile_colour(category).lstrip("#").lower())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(6)
        self.title = FitLabel(card.title)
        self.title.setObjectName("tileTitle")
        self.title.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout.addWidget(self.title, 1)
        self.key: QLabel | None = None
        if card.hotkey:
            self.key = QLabel(card.hotkey)
            self.key.setObjectName("tileKey")
            self.key.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(self.key, 0, Qt.AlignmentFlag.AlignTop)
        self.setAccessibleName(card.title)
        # a tooltip would read markup in the summary: escaped, it shows as written
        self.setToolTip(f"<p>{html.escape(card.summary)}</p>")


def tile_colour(category: Category | None) -> str:
    return category.colour if category else "#4A5560"


def tiles_style(colours: Iterable[str]) -> str:
    """The style sheet of tiles in these colours (``#rrggbb``), for the widget they are in."""
    rules = []
    for colour in sorted(set(colours)):
        ink = theme.text_on(colour)
        tile = f'QPushButton[colour="{colour.lstrip("#").lower()}"]'
        rules += [
            f"{tile} {{ background: {colour}; color: {ink}; border: none; border-radius: 10px;"
            " text-align: left; padding: 0; }",
            f"{tile}:pressed {{ background: {theme.shade(colour, 130)}; }}",
            f"{tile} QLabel {{ color: {ink}; background: transparent; }}",
            f"{tile} #tileKey {{ border: 2px solid {ink}; }}",
        ]
    return "\n".join(rules)


def hotkey_order(card: Card) -> tuple[int, int, str]:
    """F1, F2 ... F12 in the order of the keyboard, then any other key by its text."""
    key = card.hotkey or ""
    if key[:1] == "F" and key[1:].isdigit():
        return (0, int(key[1:]), key)
    return (1, 0, key)


def equal_columns(left: int, width: int, count: int, spacing: int) -> tuple[tuple[int, int], ...]:
    """``count`` columns ``spacing`` apart across ``width`` from ``left``: each (left, width).

    Shared as QGridLayout shares room between columns of the same stretch, to the pixel: each
    column's share in 1/256 px, rounded, what the rounding took or gave carried on to the next
    (1,820 px in six columns: 303, 304, 303, 303, 304, 303).
    """
    share = max(0, width - spacing * (count - 1)) * 256 // count
    columns = []
    carried = 0
    x = left
    for _ in range(count):
        carried += share
        size = carried // 256 + (1 if carried % 256 >= 128 else 0)
        carried -= size * 256
        columns.append((x, size))
        x += size + spacing
    return tuple(columns)


@dataclass(frozen=True)
class SectionBox:
    """A section's place on the board: its heading, then ``count`` tiles in ``rows`` rows from
    ``tiles_top``, or (a search that found nothing) the text that says so in ``empty``."""

    heading: QRect
    tiles_top: int
    count: int
    rows: int
    empty: QRect | None = None


@dataclass(frozen=True)
class BoardLayout:
    """Where everything on the board goes, worked out from the sections' card counts, the
    number of columns and the heights of a tile and of each heading: no widget is needed, so a
    board of 5,000 cards is laid out as fast as one of 50.

    The rectangles a column of grid layouts gave: ``MARGINS`` around, each heading over its
    tiles and the sections ``SECTION_SPACING`` apart, the tiles ``GRID_SPACING`` apart in
    columns of equal width.
    """

    size: QSize  # the body's
    columns: tuple[tuple[int, int], ...]  # each column's left edge and width
    tile_height: int
    sections: tuple[SectionBox, ...]

    @classmethod
    def compute(
        cls,
        width: int,
        columns: int,
        counts: Sequence[int],
        heading_heights: Sequence[int],
        tile_height: int,
        empty_height: int = 0,
    ) -> BoardLayout:
        """The board ``width`` wide; ``empty_height``: the text shown in a section with no
        tiles (none when 0)."""
        left, top, right, bottom = MARGINS
        inner = width - left - right
        stride = tile_height + GRID_SPACING
        boxes = []
        y = top
        for count, heading_height in zip(counts, heading_heights, strict=True):
            heading = QRect(left, y, inner, heading_height)
            tiles_top = y + heading_height + SECTION_SPACING
            rows = -(-count // columns)
            empty = None
            if rows:
                y = tiles_top + rows * stride - GRID_SPACING
            elif empty_height:
                empty = QRect(left, tiles_top, inner, empty_height)
                y = tiles_top + empty_height
            else:
                y = heading.bottom() + 1
            boxes.append(SectionBox(heading, tiles_top, count, rows, empty))
            y += SECTION_SPACING
        height = (y - SECTION_SPACING if boxes else y) + bottom
        grid = equal_columns(left, inner, columns, GRID_SPACING)
        return cls(QSize(width, height), grid, tile_height, tuple(boxes))

    def tile_rect(self, section: int, index: int) -> QRect:
        """Where the ``index``-th tile of the ``section``-th section goes."""
        row, column = divmod(index, len(self.columns))
        x, width = self.columns[column]
        y = self.sections[section].tiles_top + row * (self.tile_height + GRID_SPACING)
        return QRect(x, y, width, self.tile_height)

    def tiles_between(self, top: int, bottom: int) -> Iterator[tuple[int, range]]:
        """The tiles in the rows that reach into the band from ``top`` down to ``bottom``
        (excluded): each section that has some, with the indices of its tiles there."""
        stride = self.tile_height + GRID_SPACING
        columns = len(self.columns)
        for section, box in enumerate(self.sections):
            if not box.rows or bottom <= box.tiles_top:
                continue
            first = max(0, (top - box.tiles_top - self.tile_height) // stride + 1)
            last = min(box.rows - 1, (bottom - 1 - box.tiles_top) // stride)
            if first <= last:
                yield section, range(first * columns, min(box.count, (last + 1) * columns))


TileKey = tuple[bool, str]  # (in the "Most used" row, card id)


class TileBoard(QScrollArea):
    """All tiles by category, or the search results in rank order.

    When the categories do not all fit the first screen (1024x600 with the shipped pack), the
    cards with a hotkey (the busiest, F1-F12) come first as well, in a "Most used" row in the
    order of their keys: the cashier finds them without scrolling.

    Only the tiles in sight are made, and those a screen above and below it: the body is as
    tall as the whole board (:class:`BoardLayout`, arithmetic on the card counts), so the
    scroll bar is right, and as the board scrolls the tiles of the rows that come into that
    band are placed (setGeometry), made if they were not or taken back from those made before
    (a few hundred are kept, by card id), and those of the rows that leave it hidden.
    """

    card_chosen = Signal(str, bool)  # card id, chosen from search results

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tileBoard")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        finger_scroll(self)
        # the tiles made, by card id, the least recently shown first: a card's tile in its
        # category (or among the results), and in the "Most used" row a tile of its own
        self._tiles: dict[str, Tile] = {}
        self._top_tiles: dict[str, Tile] = {}
        self._shown: dict[TileKey, Tile] = {}  # placed and shown now
        self._asked: set[TileKey] = set()  # by tile() and top_tile(): kept placed until new cards
        self._cards: dict[str, Card] = {}
        self._top_ids: list[str] = []
        self._with_top = False
        self._categories: dict[str, Category] = {}
        self._stale = False  # laid out for other cards or another size: redo when shown
        self._sections: list[tuple[str, str, list[str]]] = []  # (title, colour, ids)
        self._last_keyed: list[int] = []  # in each section, the index of its last hotkey card
        self._searching = False
        self._columns = 0
        self._scale = 1.0
        self._category_sections: list[tuple[str, str, list[str]]] = []
        self._category_keyed: list[int] = []
        self._empty_text = ""
        self._laid: BoardLayout | None = None  # as the board is laid out now
        self._laid_ids: list[list[str]] = []  # its sections' cards, the "Most used" row first
        self._where: dict[TileKey, tuple[int, int]] | None = None  # (section, index), when asked
        self._building = False
        self._again = False
        self._body = QWidget()
        self._body.setObjectName("page")
        self._headings: list[QLabel] = []  # one per section, reused
        self._empty = QLabel(self._body)
        self._empty.setObjectName("muted")
        self._empty.setWordWrap(True)
        self._empty.hide()
        self.setWidget(self._body)
        self.verticalScrollBar().valueChanged.connect(self._fill)

    def set_scale(self, scale: float) -> None:
        """Follow the window's font scale: wider tiles, larger titles."""
        if scale == self._scale:
            return
        self._scale = scale
        for tile in [*self._tiles.values(), *self._top_tiles.values()]:
            tile.title.set_base_px(round(TITLE_PX * scale))
        if self._sections:
            self._rebuild()

    def set_cards(self, cards: list[Card], categories: list[Category]) -> None:
        """Show these cards. Their tiles are made when first in sight (see :meth:`prepare`)."""
        for tile in [*self._tiles.values(), *self._top_tiles.values()]:
            tile.hide()
            tile.deleteLater()  # owned by the body: Qt deletes it, no Python wrapper is left
        self._tiles = {}
        self._top_tiles = {}
        self._shown = {}
        self._asked = set()
        self._cards = {card.id: card for card in cards}
        self._top_ids = [c.id for c in sorted((c for c in cards if c.hotkey), key=hotkey_order)]
        self._categories = {c.id: c for c in categories}
        colours = [tile_colour(self._categories.get(c.category)) for c in cards]
        self._body.setStyleSheet(tiles_style(colours))
        by_category: dict[str, list[str]] = {}
        keyed: dict[str, int] = {}
        for card in cards:
            ids = by_category.setdefault(card.category, [])
            if card.hotkey:
                keyed[card.category] = len(ids)
            ids.append(card.id)
        self._category_sections = [
            (cat.label, cat.colour, list(by_category.get(cat.id, []))) for cat in categories
        ]
        self._category_keyed = [keyed.get(cat.id, -1) for cat in categories]
        self.show_all()

    def prepare(self) -> None:
        """Make the tiles of the first screen now (the window calls this just after its first
        paint, while the board is hidden), so that it shows at once; the others are made as it
        scrolls to them."""
        if self._tiles or not self._cards:
            return
        if self.isVisible():
            self._rebuild()
            return
        # as the board will be once shown (its viewport is sized then): the first screen (the
        # one below it, which the board keeps made for scrolling, is made when it shows)
        columns = max(
            2, (self.width() - theme.SCROLL_BAR - 24) // round(TILE_MIN_WIDTH * self._scale)
        )
        rows = self.height() // (round(TILE_PX * self._scale) + GRID_SPACING) + 1
        room = rows * columns
        if self._wants_top(columns, self.height()):
            for card_id in self._top_ids[:room]:
                self._pooled((True, card_id))
            room -= -(-len(self._top_ids) // columns) * columns
        for card_id in self.visible_ids()[: max(0, room)]:
            self._pooled((False, card_id))

    def _make_tile(self, card: Card, name: str) -> Tile:
        tile = Tile(card, self._categories.get(card.category), self._body, name)
        tile.hide()
        tile.title.set_base_px(round(TITLE_PX * self._scale))
        tile.clicked.connect(lambda _=False, cid=card.id: self._chosen(cid))
        return tile

    def tile(self, card_id: str) -> Tile:
        """The card's tile in its category (or among the search results): made if it was not,
        and placed, so that it shows when the board is scrolled to it."""
        return self._asked_for((False, card_id))

    def top_tile(self, card_id: str) -> Tile | None:
        """The card's tile in the "Most used" row, when the row is shown and has the card."""
        if not self._with_top or card_id not in self._top_ids:
            return None
        return self._asked_for((True, card_id))

    def top_ids(self) -> list[str]:
        """The cards of the "Most used" row, in the order of their keys ([] when not shown)."""
        return list(self._top_ids) if self._with_top else []

    @property
    def searching(self) -> bool:
        return self._searching

    def visible_ids(self) -> list[str]:
        """The cards by category (or the results), each once: the "Most used" row aside."""
        return [cid for _, _, ids in self._sections for cid in ids]

    def show_all(self) -> None:
        self._searching = False
        shown = [n for n, section in enumerate(self._category_sections) if section[2]]
        self._sections = [self._category_sections[n] for n in shown]
        self._last_keyed = [self._category_keyed[n] for n in shown]
        self._rebuild()

    def show_results(self, title: str, ids: list[str], empty_text: str) -> None:
        self._searching = True
        self._sections = [(title, theme.ACCENT, ids)]
        self._last_keyed = [-1]  # no "Most used" row over the results
        self._empty_text = empty_text
        self._rebuild()

    def _chosen(self, card_id: str) -> None:
        self.card_chosen.emit(card_id, self._searching)

    def _column_count(self) -> int:
        width = self.viewport().width() - 24
        return max(2, width // round(TILE_MIN_WIDTH * self._scale))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._stale or self._sections:  # other columns, or another band of tiles in sight
            self._rebuild()

    def _wants_top(self, columns: int, height: int | None = None) -> bool:
        """Whether some hotkey tile would be below the first screen (the viewport's, or
        ``height``), laid out by category."""
        if self._searching or not self._top_ids:
            return False
        tile = round(TILE_PX * self._scale) + GRID_SPACING
        heading = round(SECTION_TITLE_PX * self._scale) + SECTION_SPACING
        y = MARGINS[1]
        lowest = 0
        for (_title, _colour, ids), last in zip(self._sections, self._last_keyed, strict=True):
            y += heading
            if last >= 0:
                lowest = max(lowest, y + (last // columns + 1) * tile - GRID_SPACING)
            y += -(-len(ids) // columns) * tile - GRID_SPACING + SECTION_SPACING
        return lowest > (self.viewport().height() if height is None else height)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._rebuild()

    def _rebuild(self) -> None:
        """Lay the sections out and show the tiles in sight; while the board is hidden, only
        note that it must be done (its size, and so its columns, are known once it shows)."""
        if not self.isVisible():
            self._stale = True
            return
        if self._building:  # the scroll bar came or went as the body grew or shrank
            self._again = True
            return
        self._stale = False
        self._building = True
        try:
            for _ in range(3):  # a bar that comes may take a column: the body grows, it stays
                self._again = False
                width = self.viewport().width()
                self._lay_out()
                # the bar came or went (a resize inside resizeEvent is not always told again)
                if not self._again and self.viewport().width() == width:
                    break
        finally:
            self._building = False
        self._fill()

    def _lay_out(self) -> None:
        """Work out where everything goes for the viewport's width; place the headings."""
        self._columns = columns = self._column_count()
        self._with_top = self._wants_top(columns)
        sections = list(self._sections)
        if self._with_top:
            sections.insert(0, (self.tr("Most used"), theme.ACCENT, self._top_ids))
        self._laid_ids = [ids for _, _, ids in sections]
        self._where = None
        while len(self._headings) < len(sections):
            heading = QLabel(self._body)
            heading.setObjectName("sectionTitle")
            heading.setTextFormat(Qt.TextFormat.PlainText)
            self._headings.append(heading)
        heights = []
        for heading, (title, colour, _ids) in zip(self._headings, sections, strict=False):
            heading.setText(title)
            style = f"color: {colour};"
            if heading.styleSheet() != style:  # setting a style sheet again costs memory
                heading.setStyleSheet(style)
            heading.ensurePolished()
            heights.append(heading.sizeHint().height())
        least = columns * (round(TILE_MIN_WIDTH * self._scale) - 20)
        least += (columns - 1) * GRID_SPACING + MARGINS[0] + MARGINS[2]
        width = max(self.viewport().width(), least)
        empty = ""
        if self._searching and any(not ids for ids in self._laid_ids):
            empty = self._empty_text
        self._empty.setText(empty)
        inner = width - MARGINS[0] - MARGINS[2]
        laid = self._laid = BoardLayout.compute(
            width,
            columns,
            [len(ids) for ids in self._laid_ids],
            heights,
            round(TILE_PX * self._scale),
            self._empty.heightForWidth(inner) if empty else 0,
        )
        for n, heading in enumerate(self._headings):
            if n < len(laid.sections):
                heading.setGeometry(laid.sections[n].heading)
                heading.show()
            else:
                heading.hide()
        boxes = [box.empty for box in laid.sections if box.empty is not None]
        if boxes:
            self._empty.setGeometry(boxes[0])
        self._empty.setVisible(bool(boxes))
        # as tall as the whole board: the scroll area makes it at least the viewport's size,
        # and (asked now, not on the next turn of the event loop) sets the bar's range
        self._body.setMinimumSize(least, laid.size.height())
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))

    def _fill(self) -> None:
        """Show the tiles from a screen above the view to a screen below it, and those asked
        for; hide the others."""
        laid = self._laid
        if laid is None or self._building or self._stale:
            return
        view = self.viewport().height()
        top = self.verticalScrollBar().value()
        wanted: dict[TileKey, QRect] = {}
        for section, indices in laid.tiles_between(top - view, top + 2 * view):
            ids = self._laid_ids[section]
            in_top = self._with_top and section == 0
            for index in indices:
                wanted[(in_top, ids[index])] = laid.tile_rect(section, index)
        for key in self._asked:
            place = self._place_of(key)
            if place is not None:
                wanted[key] = laid.tile_rect(*place)
        for key in [key for key in self._shown if key not in wanted]:
            self._shown.pop(key).hide()
        for key, rect in wanted.items():
            tile = self._pooled(key)
            if tile.geometry() != rect:
                tile.setGeometry(rect)
            if key not in self._shown:
                self._shown[key] = tile
                tile.show()
        self._evict()

    def _asked_for(self, key: TileKey) -> Tile:
        tile = self._pooled(key)
        self._asked.add(key)
        self._fill()
        return tile

    def _place_of(self, key: TileKey) -> tuple[int, int] | None:
        """(section, index) of a tile on the board as laid out now; None when not on it."""
        if self._where is None:
            self._where = {
                (self._with_top and section == 0, card_id): (section, index)
                for section, ids in enumerate(self._laid_ids)
                for index, card_id in enumerate(ids)
            }
        return self._where.get(key)

    def _pooled(self, key: TileKey) -> Tile:
        """The tile, made if it was not, now the most recently used of its pool."""
        in_top, card_id = key
        pool = self._top_tiles if in_top else self._tiles
        tile = pool.pop(card_id, None)
        if tile is None:
            tile = self._make_tile(self._cards[card_id], "topTile" if in_top else "tile")
        pool[card_id] = tile
        return tile

    def _evict(self) -> None:
        """Keep no more than ``POOL`` tiles in each pool: the least recently shown are
        deleted first, never one shown or asked for."""
        for in_top, pool in ((False, self._tiles), (True, self._top_tiles)):
            extra = len(pool) - POOL
            if extra <= 0:
                continue
            kept = self._shown.keys() | self._asked
            for card_id in [cid for cid in pool if (in_top, cid) not in kept][:extra]:
                pool.pop(card_id).deleteLater()
