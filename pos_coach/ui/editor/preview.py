"""The live preview: the very card view the cashier sees, rendered at the counter's size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from pos_coach.cards.model import Card, Category
from pos_coach.library.placeholders import fill, values_for
from pos_coach.ui import theme
from pos_coach.ui.card_view import CardView

COUNTER_SIZE = (1024, 600)


class Preview(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumWidth(320)
        self.view = CardView()  # never shown: painted offscreen at the counter's size
        self.view.setStyleSheet(theme.stylesheet(1.0))
        self.view.resize(*COUNTER_SIZE)
        self.image = QPixmap()

    def show_card(self, card: Card, category: Category | None, store: str, cashier: str) -> None:
        values = values_for(card.lang, cashier, store)
        self.view.show_card(card, category, lambda text: fill(text, values))
        self.view.show_phrase(
            fill(card.say[0], values) if card.say else "", 1, len(card.say), False
        )
        self.view.resize(*COUNTER_SIZE)
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
