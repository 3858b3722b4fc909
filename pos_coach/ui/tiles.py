"""The tile screen: one big button per card, grouped and coloured by category."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
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


class TileBoard(QScrollArea):
    """All tiles by category, or the search results in rank order.

    When the categories do not all fit the first screen (1024x600 with the shipped pack), the
    cards with a hotkey (the busiest, F1-F12) come first as well, in a "Most used" row in the
    order of their keys: the cashier finds them without scrolling.
    """

    card_chosen = Signal(str, bool)  # card id, chosen from search results

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tileBoard")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        finger_scroll(self)
        self._tiles: dict[str, Tile] = {}
        self._top_tiles: dict[str, Tile] = {}  # the "Most used" row's own tiles
        self._top_ids: list[str] = []
        self._with_top = False
        self._cards: list[Card] = []
        self._categories: dict[str, Category] = {}
        self._stale = False  # laid out for other cards or another size: redo when shown
        self._sections: list[tuple[str, str, list[str]]] = []  # (title, colour, ids)
        self._searching = False
        self._columns = 0
        self._scale = 1.0
        self._category_sections: list[tuple[str, str, list[str]]] = []
        self._empty_text = ""
        # One body and one section widget per title, made once and refilled: building and
        # destroying layouts on every keystroke crashed PySide now and then.
        self._body = QWidget()
        self._body.setObjectName("page")
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(*MARGINS)
        self._layout.setSpacing(SECTION_SPACING)
        self._layout.addStretch(1)
        self._section_widgets: dict[str, _Section] = {}
        self.setWidget(self._body)

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
        """Show these cards. Their tiles are made when first needed (see :meth:`prepare`)."""
        for tile in [*self._tiles.values(), *self._top_tiles.values()]:
            tile.hide()
            tile.deleteLater()  # owned by the body: Qt deletes it, no Python wrapper is left
        self._tiles = {}
        self._top_tiles = {}
        self._cards = list(cards)
        self._top_ids = [c.id for c in sorted((c for c in cards if c.hotkey), key=hotkey_order)]
        self._categories = {c.id: c for c in categories}
        colours = [tile_colour(self._categories.get(c.category)) for c in cards]
        self._body.setStyleSheet(tiles_style(colours))
        self._category_sections = [
            (cat.label, cat.colour, [c.id for c in cards if c.category == cat.id])
            for cat in categories
        ]
        self.show_all()

    def prepare(self) -> None:
        """Make the tiles now (the window calls this just after its first paint)."""
        if self._tiles or not self._cards:
            return
        top = set(self._top_ids)
        for card in self._cards:
            self._tiles[card.id] = self._make_tile(card, "tile")
            if card.id in top:
                self._top_tiles[card.id] = self._make_tile(card, "topTile")

    def _make_tile(self, card: Card, name: str) -> Tile:
        tile = Tile(card, self._categories.get(card.category), self._body, name)
        tile.hide()
        tile.title.set_base_px(round(TITLE_PX * self._scale))
        tile.clicked.connect(lambda _=False, cid=card.id: self._chosen(cid))
        return tile

    def tile(self, card_id: str) -> Tile:
        """The card's tile in its category (or among the search results)."""
        self.prepare()
        return self._tiles[card_id]

    def top_tile(self, card_id: str) -> Tile | None:
        """The card's tile in the "Most used" row, when the row is shown and has the card."""
        self.prepare()
        return self._top_tiles.get(card_id) if self._with_top else None

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
        self._sections = [s for s in self._category_sections if s[2]]
        self._rebuild()

    def show_results(self, title: str, ids: list[str], empty_text: str) -> None:
        self._searching = True
        self._sections = [(title, theme.ACCENT, ids)]
        self._empty_text = empty_text
        self._rebuild()

    def _chosen(self, card_id: str) -> None:
        self.card_chosen.emit(card_id, self._searching)

    def _column_count(self) -> int:
        width = self.viewport().width() - 24
        return max(2, width // round(TILE_MIN_WIDTH * self._scale))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._stale or (
            self._sections
            and (
                self._column_count() != self._columns
                or self._wants_top(self._column_count()) != self._with_top
            )
        ):
            self._rebuild()

    def _wants_top(self, columns: int) -> bool:
        """Whether some hotkey tile would be below the first screen, laid out by category."""
        if self._searching or not self._top_ids:
            return False
        tile = round(TILE_PX * self._scale) + GRID_SPACING
        heading = round(SECTION_TITLE_PX * self._scale) + SECTION_SPACING
        top = set(self._top_ids)
        y = MARGINS[1]
        lowest = 0
        for _title, _colour, ids in self._sections:
            y += heading
            for n, card_id in enumerate(ids):
                if card_id in top:
                    lowest = max(lowest, y + (n // columns + 1) * tile - GRID_SPACING)
            y += -(-len(ids) // columns) * tile - GRID_SPACING + SECTION_SPACING
        return lowest > self.viewport().height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._rebuild()

    def _rebuild(self) -> None:
        """Lay the sections out; while the board is hidden, only note that it must be done
        (its size, and so its columns, are known once it shows)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.prepare()
        self._columns = self._column_count()
        self._with_top = self._wants_top(self._columns)
        for shown in self._section_widgets.values():
            shown.hide()
            self._layout.removeWidget(shown)
        for tile in [*self._tiles.values(), *self._top_tiles.values()]:
            tile.hide()
        width = round(TILE_MIN_WIDTH * self._scale) - 20
        sections = [
            (title, colour, [self._tiles[i] for i in ids]) for title, colour, ids in self._sections
        ]
        if self._with_top:
            most_used = self.tr("Most used")
            sections.insert(
                0, (most_used, theme.ACCENT, [self._top_tiles[i] for i in self._top_ids])
            )
        for position, (title, colour, tiles) in enumerate(sections):
            key = ("top:" if self._with_top and position == 0 else "") + title
            section = self._section_widgets.get(key)
            if section is None:
                section = self._section_widgets[key] = _Section(self._body)
            empty = self._empty_text if (not tiles and self._searching) else ""
            section.fill(title, colour, tiles, self._columns, width, empty)
            self._layout.insertWidget(position, section)
            section.show()


class _Section(QWidget):
    """A heading and a grid of tiles; refilled in place (the tiles belong to the board)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SECTION_SPACING)
        self.header = QLabel()
        self.header.setObjectName("sectionTitle")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.header)
        self.grid = QGridLayout()
        self.grid.setSpacing(GRID_SPACING)
        column.addLayout(self.grid)
        self.empty = QLabel()
        self.empty.setObjectName("muted")
        self.empty.setWordWrap(True)
        column.addWidget(self.empty)
        self._stretched = 0

    def fill(
        self, title: str, colour: str, tiles: list[Tile], columns: int, width: int, empty: str
    ) -> None:
        self.header.setText(title)
        style = f"color: {colour};"
        if self.header.styleSheet() != style:  # setting a style sheet again costs memory
            self.header.setStyleSheet(style)
        for index in reversed(range(self.grid.count())):
            # removeWidget frees Qt's layout item; takeAt would hand it to Python, which leaks it
            item = self.grid.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                self.grid.removeWidget(widget)
        for n, tile in enumerate(tiles):
            self.grid.addWidget(tile, n // columns, n % columns)
            tile.show()
        for column in range(max(columns, self._stretched)):  # equal columns, even when short
            used = column < columns
            self.grid.setColumnStretch(column, 1 if used else 0)
            self.grid.setColumnMinimumWidth(column, width if used else 0)
        self._stretched = columns
        self.empty.setText(empty)
        self.empty.setVisible(bool(empty))
