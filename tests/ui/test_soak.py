"""A compressed 12-hour shift: 5,000 interactions through the counter window.

Memory must stay flat after warm-up, and no widgets or timers may pile up.
"""

from __future__ import annotations

import gc
import random

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.conftest import SHIPPED_PACK

INTERACTIONS = 5_000
WARM_UP = 1_000


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


@pytest.mark.slow
def test_a_long_shift_keeps_memory_widgets_and_timers_flat(qtbot, make_window):
    window = make_window("ru", SHIPPED_PACK)
    window.start_shift("Анна")
    ids = [card.id for card in window.counter.library.cards]
    rng = random.Random(5)
    queries = ["рамка", "hfvrf", "возврат", "карта", "сдача", "vozvrat", "очередь"]
    outcomes = ["upset", "ok", "wow", "escalated"]

    def one(n: int) -> None:
        step = n % 4
        if step == 0:
            window.header.search.setText(rng.choice(queries))
            window._open_first_result()
        else:
            window.open_card(rng.choice(ids), "touch" if step == 1 else "hotkey")
        if rng.random() < 0.5:
            window.another_phrase()
        if rng.random() < 0.6:
            window.mark_said()
        if rng.random() < 0.85:
            window.record_outcome(rng.choice(outcomes))
        else:
            window.go_back()
        if n % 50 == 0:
            QApplication.processEvents()

    for n in range(WARM_UP):
        one(n)
    QApplication.processEvents()
    gc.collect()
    start_rss = rss_mb()
    start_widgets = len(QApplication.allWidgets())
    start_timers = len(window.findChildren(QTimer))
    for n in range(WARM_UP, INTERACTIONS):
        one(n)
    QApplication.processEvents()
    gc.collect()
    end_rss = rss_mb()
    print(f"rss {start_rss:.1f} -> {end_rss:.1f} MB, {start_widgets} widgets")
    assert len(QApplication.allWidgets()) == start_widgets
    assert len(window.findChildren(QTimer)) == start_timers
    assert end_rss - start_rss < 5, f"memory grew from {start_rss:.0f} to {end_rss:.0f} MB"
    assert end_rss < 200
    shown = window.counter.journal.db.conn.execute(
        "SELECT count(*) FROM events WHERE kind = 'shown'"
    )
    assert shown.fetchone()[0] >= INTERACTIONS * 0.99
