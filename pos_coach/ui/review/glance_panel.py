"""At a glance: the shift's key figures, each with the previous period beside it."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from pos_coach.review.output import hour_span, percent
from pos_coach.review.reports import Glance
from pos_coach.ui.labels import plain_label


class Figure(QFrame):
    """One figure: a caption, the value large, and how it compares with the previous period."""

    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("figure", True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.caption = plain_label(caption, "figureCaption")
        self.value = plain_label("—", "figureValue")
        self.change = plain_label("", "figureChange")
        for label in (self.caption, self.value, self.change):
            layout.addWidget(label)

    def show_value(self, value: str, change: str) -> None:
        self.value.setText(value)
        self.change.setText(change)


class GlancePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(10)
        self.figures = {
            "interactions": Figure("interactions", self.tr("Interactions")),
            "wow": Figure("wowShare", self.tr("Ended in WOW")),
            "ok": Figure("okShare", self.tr("Ended OK")),
            "upset": Figure("upsetShare", self.tr("Ended upset")),
            "escalations": Figure("escalations", self.tr("Shift lead called")),
            "busiest": Figure("busiestHour", self.tr("Busiest hour")),
            "worst": Figure("mostUpset", self.tr("Most often upset")),
        }
        for n, figure in enumerate(self.figures.values()):
            grid.addWidget(figure, n // 4, n % 4)
        worst = self.figures["worst"].value
        worst.setObjectName("figureValueText")  # a card title: smaller, wrapped
        worst.setWordWrap(True)
        worst.setAlignment(Qt.AlignmentFlag.AlignLeft)

    def show_glance(self, glance: Glance, title: Callable[[str], str]) -> None:
        before = glance.previous
        was = self.tr("before: %1")

        def count_change(now: int, then: int | None) -> str:
            if then is None:
                return ""
            diff = now - then
            sign = "▲" if diff > 0 else "▼" if diff < 0 else "="
            return f"{sign} {abs(diff)} · " + was.replace("%1", str(then))

        def share_change(now: float | None, then: float | None) -> str:
            if now is None or then is None:
                return was.replace("%1", percent(then)) if then is not None else ""
            points = round((now - then) * 100)
            sign = "▲" if points > 0 else "▼" if points < 0 else "="
            return (
                f"{sign} {abs(points)} " + self.tr("pts") + " · " + was.replace("%1", percent(then))
            )

        def count(field: str) -> tuple[str, str]:
            now = getattr(glance, field)
            return str(now), count_change(now, getattr(before, field) if before else None)

        def share(field: str) -> tuple[str, str]:
            now = getattr(glance, field)
            return percent(now), share_change(now, getattr(before, field) if before else None)

        figures: Mapping[str, tuple[str, str]] = {
            "interactions": count("interactions"),
            "wow": share("wow_share"),
            "ok": share("ok_share"),
            "upset": share("upset_share"),
            "escalations": count("escalations"),
            "busiest": (
                hour_span(glance.busiest_hour),
                was.replace("%1", hour_span(before.busiest_hour)) if before else "",
            ),
            "worst": (
                title(glance.most_upset) if glance.most_upset else "—",
                was.replace(
                    "%1", title(before.most_upset) if before and before.most_upset else "—"
                ),
            ),
        }
        for key, (value, change) in figures.items():
            self.figures[key].show_value(value, change)
