"""Cold start: process start to a usable counter window, against a bare PySide6 window with one
label started the same way. Budget (DESIGN.md): under 1.5x the bare window.

Each side is a fresh ``python -c`` process. The counter side is the real ``pos-coach run``
(command line, lock, journal, pack, inlets, window), importing what it imports in its own
order: the only addition is that ``QApplication.exec`` (patched when the app first imports Qt)
prints "ready" from the first turn of the event loop, after the window is shown, and quits. The
parent times Popen to that line. Median of alternating runs.

Two counter figures: the usual start (the same data dir as the day before, pack unchanged: the
pack comes from its validated cache) and the first start after the pack changed (every card is
parsed and checked again; measured with a fresh data dir each time).
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
RUNS = 9

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
from importlib.machinery import PathFinder

def ready_on_first_turn(widgets):
    QApplication = widgets.QApplication
    exec_ = QApplication.exec
    def exec_once_ready(*_):
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, lambda: (print("ready", flush=True), QApplication.instance().quit()))
        return exec_()
    QApplication.exec = exec_once_ready

class PatchWhenImported:  # the app imports Qt when it needs it: patch it then, not before
    def find_spec(self, name, path=None, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path)
        load = spec.loader.exec_module
        spec.loader.exec_module = lambda module: (load(module), ready_on_first_turn(module))
        return spec

sys.meta_path.insert(0, PatchWhenImported())
situations, data_dir = sys.argv[1:3]
sys.argv = ["pos-coach", "run", "--situations", situations, "--data-dir", data_dir, "--lang", "ru"]
from pos_coach.launcher import main
main()
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
    situations = str(ROOT / "situations")
    data_dir = tempfile.mkdtemp(prefix="pos-coach-start-")
    timed(COUNTER, situations, data_dir)  # yesterday's start: journal and pack cache exist
    bare, usual, changed = [], [], []
    for _ in range(RUNS):
        bare.append(timed(BARE))
        usual.append(timed(COUNTER, situations, data_dir))
        changed.append(timed(COUNTER, situations, tempfile.mkdtemp(prefix="pos-coach-start-")))
    ratio = median(usual) / median(bare)
    changed_ratio = median(changed) / median(bare)
    return [
        (f"bare PySide6 window with a label, median of {RUNS}", "", f"{median(bare):.0f} ms", True),
        (
            f"`pos-coach run` to the counter window, median of {RUNS}",
            "",
            f"{median(usual):.0f} ms",
            True,
        ),
        ("cold start ratio (counter / bare)", "< 1.5x", f"{ratio:.2f}x", ratio < 1.5),
        (
            "first start after a pack change (all cards checked), ratio",
            "< 1.5x",
            f"{median(changed):.0f} ms: {changed_ratio:.2f}x",
            changed_ratio < 1.5,
        ),
    ]


def main() -> None:
    print_table(rows())


if __name__ == "__main__":
    main()
