"""The card as the cashier sees it. Shared by the counter and (later) the editor's preview.

Everything from a card is shown as plain text: card files can never inject markup, load images or
open links.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
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
from pos_coach.ui.labels import plain_label
from pos_coach.ui.touch import finger_scroll

COMPACT_WIDTH = 700  # narrower than this (a side screen): one column of details


class Block(QFrame):
    """A titled block of lines: numbered steps, or bullets."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(14, 8, 12, 10)
        self._layout.setSpacing(4)
        self.title = plain_label(name="blockTitle")
        self._layout.addWidget(self.title)
        self._lines: list[QLabel] = []
        self._count = 0

    def set_lines(self, title: str, lines: list[str], numbered: bool) -> None:
        self.title.setText(title)
        # labels are reused from card to card: creating widgets is the slow part of a repaint
        while len(self._lines) < len(lines):
            label = plain_label(name="blockText")
            self._layout.addWidget(label)
            self._lines.append(label)
        for n, label in enumerate(self._lines):
            if n < len(lines):
                label.setText((f"{n + 1}. " if numbered else "• ") + lines[n])
            label.setVisible(n < len(lines))
        self._count = len(lines)
        self.setVisible(bool(lines))

    def texts(self) -> list[str]:
        return [label.text() for label in self._lines[: self._count]]


class CardView(QWidget):
    """Title, summary, the phrasing to say (large, first); below, the steps and when to call
    the lead, beside the later lines of the conversation in their order, avoid and WOW."""

    another_requested = Signal()
    said_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardView")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 4)
        outer.setSpacing(8)

        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back  (Esc)"))
        self.back_button.setObjectName("backButton")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        self.title = plain_label(name="cardTitle")
        top.addWidget(self.title, 1)
        self.category = plain_label(name="categoryChip", wrap=False)
        top.addWidget(self.category, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)

        self.summary = plain_label(name="cardSummary")
        outer.addWidget(self.summary)

        box = QFrame()
        box.setObjectName("phraseBox")
        self._box = QGridLayout(box)
        self._box.setContentsMargins(16, 8, 16, 10)
        self._box.setHorizontalSpacing(12)
        self._box.setVerticalSpacing(4)
        heading = QWidget()
        heading_row = QHBoxLayout(heading)
        heading_row.setContentsMargins(0, 0, 0, 0)
        heading_row.setSpacing(10)
        self.phrase_label = plain_label(self.tr("SAY"), "phraseLabel", wrap=False)
        heading_row.addWidget(self.phrase_label)
        self.phrase_count = plain_label(name="phraseCount", wrap=False)
        heading_row.addWidget(self.phrase_count)
        heading_row.addStretch(1)
        self._heading = heading
        self.another_button = QPushButton(self.tr("↻ Another phrasing"))
        self.another_button.setObjectName("anotherButton")
        self.another_button.clicked.connect(self.another_requested)
        self.said_button = QPushButton(self.tr("✓ I said it"))
        self.said_button.setObjectName("saidButton")
        self.said_button.setCheckable(True)
        self.said_button.clicked.connect(self._said_clicked)
        self._buttons = QWidget()
        self._button_box = QBoxLayout(QBoxLayout.Direction.TopToBottom, self._buttons)
        self._button_box.setContentsMargins(0, 0, 0, 0)
        self._button_box.setSpacing(6)
        for button in (self.another_button, self.said_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._button_box.addWidget(button)
        self._button_box.addStretch(1)
        self.phrase = plain_label(name="phrase")
        self.phrase.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._buttons_beside: bool | None = None
        self._place_buttons(beside=True)
        outer.addWidget(box)

        details = QWidget()
        details.setObjectName("page")
        columns = QHBoxLayout(details)
        self._columns = columns
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(10)
        # what to do (and when to call the lead) on the left, what to say next on the right:
        # the steps and the next lines are both in sight at first glance
        self.steps = Block("stepsBlock")
        self.escalate = Block("escalateBlock")
        left = QVBoxLayout()
        left.addWidget(self.steps)
        left.addWidget(self.escalate)
        left.addStretch(1)
        right = QVBoxLayout()
        self.then = Block("thenBlock")  # the later lines: in order, never rotated
        self.avoid = Block("avoidBlock")
        self.wow = Block("wowBlock")
        for block in (self.then, self.avoid, self.wow):
            right.addWidget(block)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.details = QScrollArea()
        self.details.setObjectName("cardDetails")
        self.details.setWidgetResizable(True)
        self.details.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.details.setWidget(details)
        finger_scroll(self.details)
        outer.addWidget(self.details, 1)
        self._outer = outer
        self._small = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a narrow side screen the details stack in one column (the compact layout), and
        the phrase's buttons go above it; on a wider one they stand beside the phrase."""
        super().resizeEvent(event)
        narrow = self.width() < COMPACT_WIDTH
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self._columns.direction() != direction:
            self._columns.setDirection(direction)
        self._place_buttons(beside=not narrow)

    def set_small(self, small: bool) -> None:
        """Tighter margins on a short screen (1024x600), so more of the steps is in sight."""
        if small == self._small:
            return
        self._small = small
        self._outer.setContentsMargins(*((8, 4, 8, 2) if small else (12, 8, 12, 4)))
        self._outer.setSpacing(6 if small else 8)
        self._box.setContentsMargins(*((12, 6, 10, 6) if small else (16, 8, 16, 10)))

    def _place_buttons(self, beside: bool) -> None:
        """Beside: "SAY" over the phrase on the left, the two buttons stacked on the right (the
        phrase box is no taller than the phrase needs). Above: the buttons share the "SAY"
        row and the phrase has the whole width (a narrow side screen)."""
        if beside == self._buttons_beside:
            return
        self._buttons_beside = beside
        for widget in (self._heading, self._buttons, self.phrase):
            self._box.removeWidget(widget)
        if beside:
            self._button_box.setDirection(QBoxLayout.Direction.TopToBottom)
            self._box.addWidget(self._heading, 0, 0)
            self._box.addWidget(self.phrase, 1, 0)
            self._box.addWidget(self._buttons, 0, 1, 2, 1)
        else:
            self._button_box.setDirection(QBoxLayout.Direction.LeftToRight)
            self._box.addWidget(self._heading, 0, 0)
            self._box.addWidget(self._buttons, 0, 1)
            self._box.addWidget(self.phrase, 1, 0, 1, 2)
        self._box.setColumnStretch(0, 1)
        self._box.setColumnStretch(1, 0)
        self._box.setRowStretch(0, 0)
        self._box.setRowStretch(1, 1)

    @property
    def compact(self) -> bool:
        return self._columns.direction() == QBoxLayout.Direction.TopToBottom

    def _said_clicked(self) -> None:
        self.said_requested.emit()

    def show_card(
        self, card: Card, category: Category | None, fill: Callable[[str], str] = str
    ) -> None:
        """Show ``card``; ``fill`` turns placeholders into the cashier's words."""
        self.title.setText(card.title)
        self.summary.setText(fill(card.summary))
        if category is not None:
            ink = theme.text_on(category.colour)
            self.category.setText(category.label + (f"  ·  {card.hotkey}" if card.hotkey else ""))
            style = (
                f"background: {category.colour}; color: {ink}; border-radius: 6px;"
                " padding: 4px 10px; font-weight: bold;"
            )
            if self.category.styleSheet() != style:
                self.category.setStyleSheet(style)
        self.then.set_lines(
            self.tr("Then say, in order"), [fill(s) for s in card.then], numbered=True
        )
        self.steps.set_lines(self.tr("What to do"), [fill(s) for s in card.steps], numbered=True)
        self.avoid.set_lines(self.tr("Avoid"), [fill(s) for s in card.avoid], numbered=False)
        self.wow.set_lines(self.tr("Make it WOW"), [fill(s) for s in card.wow], numbered=False)
        escalate = [fill(card.escalate)] if card.escalate else []
        self.escalate.set_lines(self.tr("Call the shift lead"), escalate, numbered=False)
        self.details.verticalScrollBar().setValue(0)

    def show_phrase(self, text: str, position: int, total: int, said: bool) -> None:
        self.phrase.setText(text)
        self.phrase_count.setText(
            self.tr("phrasing %1 of %2").replace("%1", str(position)).replace("%2", str(total))
        )
        self.another_button.setEnabled(total > 1)
        self.said_button.setChecked(said)
        self.said_button.setText(self.tr("✓ Said") if said else self.tr("✓ I said it"))
