"""Charts as pictures: drawn by matplotlib in the drawing process, shown here as pixmaps."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from pos_coach.review import pictures


def render_charts(snapshot: Any, titles: Mapping[str, str], lang: str) -> dict[str, bytes]:
    """All review charts of a snapshot as PNG bytes, drawn by the drawing process."""
    return pictures.executor().submit(pictures.draw_charts, snapshot, dict(titles), lang).result()


class ChartLabel(QLabel):
    """Shows one chart picture at its natural size (scaled down to fit when narrow)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._pixmap = QPixmap()
        self.setText(self.tr("Loading…"))

    def set_png(self, data: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(data, "PNG")
        self._pixmap = pixmap
        self._fit()

    def has_chart(self) -> bool:
        return not self._pixmap.isNull()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._pixmap.isNull():
            return
        width = (
            min(self.width(), self._pixmap.width()) if self.width() > 50 else self._pixmap.width()
        )
        scaled = self._pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        self.setPixmap(scaled)
        self.setMinimumHeight(scaled.height())
