"""The live preview: the very card view the cashier sees, rendered at the counter's size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from pos_coach.cards.model import Card, Category
from pos_coach.library.placeholders import fill, values_for
from pos_coach.ui import theme
from pos_coach.ui.card_view import CardView

# the card's part of a 1024x600 counter, the header above and the outcome bar below aside: the
# preview shows what the cashier reads there without scrolling
CARD_AREA = (1024, 480)


class Preview(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumWidth(320)
        self.view = CardView()  # never shown: painted offscreen at the counter's size
        self.view.setStyleSheet(theme.stylesheet(1.0, small=True))
        self.view.set_small(True)
        self.view.resize(*CARD_AREA)
        self.image = QPixmap()

    def show_card(self, card: Card, category: Category | None, store: str, cashier: str) -> None:
        values = values_for(card.lang, cashier, store)
        self.view.show_card(card, category, lambda text: fill(text, values))
        self.view.show_phrase(
            fill(card.say[0], values) if card.say else "", 1, len(card.say), False
        )
        self.view.resize(*CARD_AREA)
        self.view.ensurePolished()
        layout = self.view.layout()
        if layout is not None:
            layout.activate()
        self.image = self.view.grab()
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if not self.image.isNull():
            self.setPixmap(
                self.image.scaledToWidth(
                    max(200, self.width() - 8), Qt.TransformationMode.SmoothTransformation
                )
            )
