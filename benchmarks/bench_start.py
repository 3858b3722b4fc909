"""Cold start: process start to a usable counter window, against a bare PySide6 window with one
label started the same way. Budget (DESIGN.md): under 1.5x the bare window.

Each side is a fresh process that prints "ready" from the first turn of its event loop after
the window is shown; the parent times Popen to that line. Median of several alternating runs.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_start.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import median, print_table

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("POS Coach")
label.resize(1024, 600)
label.show()
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""

COUNTER = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pos_coach.app import Options, build_core, install_translators
from pos_coach.ui.counter_window import CounterWindow
core = build_core(Options(Path(sys.argv[1]), Path(sys.argv[2]), "ru"))
app = QApplication(sys.argv[:1])
install_translators(app, "ru")
window = CounterWindow(core.counter, core.load.problems)
window.resize(1024, 600)
window.show()
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""


def timed(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    line = process.stdout.readline() if process.stdout else ""
    elapsed = (time.perf_counter() - start) * 1000
    process.wait(30)
    if process.stdout:
        process.stdout.close()
    assert line.strip() == "ready", line
    return elapsed


def rows() -> list[tuple[str, str, str, bool]]:
    bare, counter = [], []
    for _ in range(RUNS):
        bare.append(timed(BARE))
        counter.append(
            timed(COUNTER, str(ROOT / "situations"), tempfile.mkdtemp(prefix="pos-coach-start-"))
        )
    ratio = median(counter) / median(bare)
    return [
        (
            f"bare PySide6 window with a label, median of {RUNS}",
            "",
            f"{median(bare):.0f} ms",
            True,
        ),
        (
            f"POS Coach counter window ready, median of {RUNS}",
            "",
            f"{median(counter):.0f} ms",
            True,
        ),
        ("cold start ratio (counter / bare)", "< 1.5x", f"{ratio:.2f}x", ratio < 1.5),
    ]


def main() -> None:
    print_table(rows())


if __name__ == "__main__":
    main()
