"""How did it end? Four big buttons, keys 1-4: the three levels of experience and "called lead"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from pos_coach.ui import theme

# the order of the buttons and of the digit keys
OUTCOME_ORDER = ("upset", "ok", "wow", "escalated")
NARROW = 900


class OutcomeBar(QWidget):
    outcome_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(10)
        self._layout = layout
        self._small: bool | None = None
        labels = {
            "upset": self.tr("Upset"),
            "ok": self.tr("OK"),
            "wow": self.tr("WOW!"),
            "escalated": self.tr("Called the lead"),
        }
        short = {
            "upset": self.tr("Upset"),
            "ok": self.tr("OK"),
            "wow": self.tr("WOW!"),
            "escalated": self.tr("Lead"),
        }
        self._labels = {
            o: (f"{n}  {labels[o]}", f"{n} {short[o]}") for n, o in enumerate(OUTCOME_ORDER, 1)
        }
        self.buttons: dict[str, QPushButton] = {}
        for outcome in OUTCOME_ORDER:
            button = QPushButton(self._labels[outcome][0])
            button.setObjectName(f"outcome-{outcome}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, o=outcome: self.outcome_chosen.emit(o))
            layout.addWidget(button, 1)
            self.buttons[outcome] = button
        self.set_small(False)

    def set_small(self, small: bool) -> None:
        """48 px buttons and thinner margins on a short screen (more of the card in sight)."""
        if small == self._small:
            return
        self._small = small
        self._layout.setContentsMargins(*((10, 6, 10, 6) if small else (12, 8, 12, 8)))
        for outcome, button in self.buttons.items():
            colour = theme.OUTCOME_COLOURS[outcome]
            button.setStyleSheet(
                f"QPushButton {{ background: {colour}; color: {theme.text_on(colour)};"
                f" border: none; border-radius: 10px; font-weight: bold; padding: 6px 4px;"
                f" min-height: {40 if small else theme.TOUCH}px; }}"  # and 6 px padding each side
                f" QPushButton:pressed {{ background: {theme.shade(colour, 140)}; }}"
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Short labels on a narrow side screen, so every button reads whole."""
        super().resizeEvent(event)
        narrow = self.width() < NARROW
        for outcome, button in self.buttons.items():
            button.setText(self._labels[outcome][1 if narrow else 0])

    @staticmethod
    def outcome_for_key(text: str) -> str | None:
        """The outcome a digit key stands for ("1" -> upset ... "4" -> escalated)."""
        if len(text) == 1 and text.isdigit() and 1 <= int(text) <= len(OUTCOME_ORDER):
            return OUTCOME_ORDER[int(text) - 1]
        return None
