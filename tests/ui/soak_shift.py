"""A compressed 12-hour shift in a process of its own (run by test_soak), printing JSON figures.

Usage: QT_QPA_PLATFORM=offscreen python -m tests.ui.soak_shift DATA_DIR
"""

from __future__ import annotations

import gc
import json
import random
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from pos_coach.app import Options, build_core
from pos_coach.ui.counter_window import CounterWindow

SHIPPED = Path(__file__).resolve().parents[2] / "situations"
INTERACTIONS = 5_000
WARM_UP = 1_000


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main(data_dir: Path) -> None:
    app = QApplication.instance() or QApplication([])
    core = build_core(Options(SHIPPED, data_dir, "ru"))
    window = CounterWindow(core.counter, core.load.problems)
    window.resize(1024, 600)
    window.show()
    app.processEvents()
    window.start_shift("Анна")
    ids = [card.id for card in core.library.cards]
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
            app.processEvents()

    def settle() -> None:
        # events are committed on the writer's thread; a real shift (5,000 cards in 12 hours,
        # not in seconds) never runs ahead of it, so measure once it has caught up
        assert core.counter.writer.flush(timeout=300), core.counter.writer.last_error
        app.processEvents()
        gc.collect()

    for n in range(WARM_UP):
        one(n)
    settle()
    start = {
        "rss": rss_mb(),
        "widgets": len(app.allWidgets()),
        "timers": len(window.findChildren(QTimer)),
    }
    for n in range(WARM_UP, INTERACTIONS):
        one(n)
    settle()
    end = {
        "rss": rss_mb(),
        "widgets": len(app.allWidgets()),
        "timers": len(window.findChildren(QTimer)),
    }
    shown = core.journal.db.conn.execute("SELECT count(*) FROM events WHERE kind = 'shown'")
    print(json.dumps({"start": start, "end": end, "shown": shown.fetchone()[0]}))
    window.close()
    core.counter.writer.close()
    core.journal.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
