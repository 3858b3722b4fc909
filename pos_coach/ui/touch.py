"""Scrolling by finger: kinetic drag on a scroll area, as on a phone, beside a wide scroll bar."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)

from pos_coach.ui.first_paint import soon

GRAB_AFTER_MS = 100


def finger_scroll(area: QAbstractScrollArea) -> None:
    """Let a finger drag ``area``'s content, flicked on with momentum and stopped by a touch.

    The drag follows the left mouse button, which is what most till touch screens send (and
    Qt turns real touches into it too); a tap that does not move still presses what it is on.
    The scroll bar is styled wide for a finger (``QScrollArea[finger="true"]`` in the theme).
    """
    area.setProperty("finger", True)
    # the gesture is grabbed a moment later: the first QScroller and the first viewport cost
    # about 20 ms, which the tiles and the card, made at start, need not wait for (they can be
    # tapped, and scrolled by the bar, at once; a drag with momentum follows)
    QTimer.singleShot(GRAB_AFTER_MS, area, lambda: _grab(area))


def _grab(area: QAbstractScrollArea) -> None:
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    properties = scroller.scrollerProperties()
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    for axis in (
        QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
        QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
    ):
        properties.setScrollMetric(axis, off)
    scroller.setScrollerProperties(properties)


def scrolled(page: QWidget, margins: tuple[int, int, int, int]) -> QVBoxLayout:
    """Fill ``page`` with a scroll area and return the layout of what it scrolls: a page
    taller than a short screen scrolls (a wide bar) instead of squeezing its buttons on top of
    each other."""
    outer = page.layout()
    if not isinstance(outer, QVBoxLayout):
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
    area = QScrollArea()
    area.setObjectName("pageScroll")
    area.setProperty("finger", True)  # the wide bar; no drag: fields and lists take the finger
    area.setWidgetResizable(True)
    # Qt's flags after the first paint (see first_paint): the bar may show for that one frame
    soon(lambda: area.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff))
    area.setFrameShape(QFrame.Shape.NoFrame)
    body = QWidget()
    body.setObjectName("page")
    layout = QVBoxLayout(body)
    layout.setContentsMargins(*margins)
    area.setWidget(body)
    outer.addWidget(area, 1)
    return layout
