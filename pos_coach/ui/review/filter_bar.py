"""Period and filters of the review: one row of combo boxes over the report."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from pos_coach.cards.model import Card, Category
from pos_coach.review import NO_OUTCOME, Filters
from pos_coach.review.snapshot import Request


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(8)
        self.period = QComboBox()
        self.period.setObjectName("period")
        for key, text in (
            ("shift", self.tr("This shift")),
            ("today", self.tr("Today")),
            ("yesterday", self.tr("Yesterday")),
            ("week", self.tr("Last 7 days")),
            ("month", self.tr("Last 30 days")),
            ("custom", self.tr("Custom…")),
        ):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(1)
        layout.addWidget(self.period)
        self.first = QDateEdit(QDate.currentDate().addDays(-6))
        self.last = QDateEdit(QDate.currentDate())
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setVisible(False)
            edit.dateChanged.connect(self.changed)
        layout.addWidget(self.first)
        self.dash = QLabel("–")
        self.dash.setVisible(False)
        layout.addWidget(self.dash)
        layout.addWidget(self.last)
        self.cashier = self._combo("cashierFilter", self.tr("All cashiers"))
        self.situation = self._combo("situationFilter", self.tr("All situations"))
        self.outcome = self._combo("outcomeFilter", self.tr("Any outcome"))
        for key, text in (
            ("wow", self.tr("WOW")),
            ("ok", self.tr("OK")),
            ("upset", self.tr("Upset")),
            ("escalated", self.tr("Called lead")),
            (NO_OUTCOME, self.tr("No outcome")),
        ):
            self.outcome.addItem(text, key)
        self.lang = self._combo("langFilter", self.tr("Any language"))
        self.lang.addItem(self.tr("Russian"), "ru")
        self.lang.addItem(self.tr("English"), "en")
        for combo in (self.cashier, self.situation, self.outcome, self.lang):
            layout.addWidget(combo)
        layout.addStretch(1)
        self.period.currentIndexChanged.connect(self._period_changed)
        self._categories: dict[str, tuple[str, ...]] = {}

    def _combo(self, name: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        for widget in (self.first, self.dash, self.last):
            widget.setVisible(custom)
        self.changed.emit()

    def set_situations(self, categories: list[Category], cards: list[Card]) -> None:
        self.situation.blockSignals(True)
        self.situation.clear()
        self.situation.addItem(self.tr("All situations"), None)
        self._categories = {}
        for category in categories:
            ids = tuple(c.id for c in cards if c.category == category.id)
            self._categories[category.id] = ids
            self.situation.addItem(f"▸ {category.label}", f"category:{category.id}")
            for card in cards:
                if card.category == category.id:
                    self.situation.addItem(f"    {card.title}", f"card:{card.id}")
        self.situation.blockSignals(False)

    def set_cashiers(self, names: list[str]) -> None:
        current = self.cashier.currentData()
        self.cashier.blockSignals(True)
        self.cashier.clear()
        self.cashier.addItem(self.tr("All cashiers"), None)
        for name in names:
            self.cashier.addItem(name, name)
        index = self.cashier.findData(current)
        self.cashier.setCurrentIndex(max(0, index))
        self.cashier.blockSignals(False)

    def filters(self) -> Filters:
        choice = self.situation.currentData()
        situations: tuple[str, ...] | None = None
        if isinstance(choice, str) and choice.startswith("category:"):
            situations = self._categories.get(choice.split(":", 1)[1], ())
        elif isinstance(choice, str) and choice.startswith("card:"):
            situations = (choice.split(":", 1)[1],)
        return Filters(
            cashier=self.cashier.currentData(),
            situations=situations,
            outcome=self.outcome.currentData(),
            lang=self.lang.currentData(),
        )

    def request(self) -> Request:
        first: date | None = None
        last: date | None = None
        if self.period.currentData() == "custom":
            first = _day(self.first.date())
            last = _day(self.last.date())
        return Request(self.period.currentData(), self.filters(), first, last)


def _day(value: QDate) -> date:
    """The date a date edit shows (``QDate.toPython`` is typed as returning any object)."""
    return date(value.year(), value.month(), value.day())
