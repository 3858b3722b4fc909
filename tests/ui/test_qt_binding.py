"""The Qt binding itself: a release that mishandles reference counts would crash a long shift."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel


def test_methods_returning_nothing_keep_none_alive(qtbot):
    label = QLabel("x")
    qtbot.addWidget(label)
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(500):
        font.setPixelSize(12)
        label.setText("a")
    # a binding that forgets to take a reference to None loses one per call (PySide6 6.12.0)
    assert sys.getrefcount(None) - before > -50
