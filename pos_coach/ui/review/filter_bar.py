"""Period and filters of the review: a row of combo boxes over the report (two rows in a
narrow window)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_coach.cards.model import Card, Category
from pos_coach.review import NO_OUTCOME, Filters
from pos_coach.review.snapshot import Request

MIN_CHARACTERS = 9  # a filter's box shows at least this many characters of its choice


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        rows = QVBoxLayout(self)
        rows.setContentsMargins(8, 6, 8, 6)
        rows.setSpacing(6)
        layout = QHBoxLayout()
        layout.setSpacing(8)
        rows.addLayout(layout)
        self._second = QHBoxLayout()
        self._second.setSpacing(8)
        rows.addLayout(self._second)
        self._rows = (layout, self._second)
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
        for combo in (self.period, self.cashier, self.situation, self.outcome, self.lang):
            # the boxes share the row's width (the situations twice as much), so the row fits
            # a small screen; the open list still shows every entry whole
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(MIN_CHARACTERS)
            combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        self._one_row: bool | None = None
        self._arrange(one_row=True)
        # narrower than one row needs, the boxes go on two rows: no wider than this, then
        first_row = (self.period, self.first, self.dash, self.last, self.cashier)
        later = (self.situation, self.outcome, self.lang)
        self.setMinimumWidth(
            max(self._row_width(first_row, hidden=True), self._row_width(later, hidden=True))
        )
        self.period.currentIndexChanged.connect(self._period_changed)
        self._categories: dict[str, tuple[str, ...]] = {}

    def _arrange(self, one_row: bool) -> None:
        """The period (and its dates) and the cashier first; the situation, the outcome and
        the language after them, or on a second row."""
        if one_row == self._one_row:
            return
        self._one_row = one_row
        first, second = self._rows
        later = (self.situation, self.outcome, self.lang)
        for widget in (self.period, self.first, self.dash, self.last, self.cashier, *later):
            first.removeWidget(widget)
            second.removeWidget(widget)
        for widget in (self.period, self.first, self.dash, self.last, self.cashier):
            first.addWidget(widget, 1 if isinstance(widget, QComboBox) else 0)
        for widget in later:
            (first if one_row else second).addWidget(widget, 2 if widget is self.situation else 1)

    def _row_width(self, widgets: tuple[QWidget, ...], hidden: bool = False) -> int:
        """The width ``widgets`` need side by side (``hidden``: those hidden now counted)."""
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        shown = [w for w in widgets if hidden or not w.isHidden()]
        width = sum(w.minimumSizeHint().width() for w in shown) + 8 * max(0, len(shown) - 1)
        return width + (margins.left() + margins.right() if margins else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        everything: tuple[QWidget, ...] = (self.period, self.first, self.dash, self.last)
        everything += (self.cashier, self.situation, self.outcome, self.lang)
        self._arrange(one_row=self.width() >= self._row_width(everything))

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
        _fit_popup(self.situation)

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
        _fit_popup(self.cashier)

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


def _fit_popup(combo: QComboBox) -> None:
    """The open list as wide as its longest entry, however narrow the box is."""
    view = combo.view()
    view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth() + 24)


def _day(value: QDate) -> date:
    """The date a date edit shows (``QDate.toPython`` is typed as returning any object)."""
    return date(value.year(), value.month(), value.day())
