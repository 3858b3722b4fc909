"""Cold start: process start to a usable counter window, against a bare PySide6 window with one
label started the same way. Budgets (DESIGN.md): painted under 1.5x the bare window; tiles and
search usable under 2x (a 5,000-card pack too, its cache warm).

Each side is a fresh ``python -c`` process. The counter side is the real ``pos-coach run``
(command line, lock, journal, pack, inlets, window), importing what it imports in its own
order: the only addition is that ``QApplication.exec`` (patched when the app first imports Qt)
watches the shown window. Each side prints "ready" in the turn of the event loop after its
window's first paint (or once the counter is usable, see ``USABLE``), and quits; the parent
times Popen to that line. Median of alternating runs.

The counter figures: the usual start (the same data dir as the day before, pack unchanged: the
pack comes from its validated cache, the search index from the file kept beside it), the first
start after the pack changed (every card is parsed and checked again; measured with a fresh
data dir each time), and a 5,000-card pack.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_start.py
"""

from __future__ import annotations

import compileall
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import median, print_table

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("BENCH_START_RUNS", "15"))
LARGE = 5000  # cards per language in the large pack

# Both sides say "ready" once their window has been painted for the first time (the turn of
# the event loop after its first paint event): a window the user can see and use.
READY = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class ReadyWhenPainted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.ready)
        return False

    def ready(self):
        print("ready", flush=True)
        QApplication.instance().quit()
"""

# The counter is usable (``CounterWindow.usable``): painted, and what it makes just after the
# first paint made too, tiles, card page, the search index (read back from the last start: no
# dictionary). Watched the same way, then polled every millisecond: seen only when the event
# loop is free, so the start jobs queued behind it (triggers, the pack folder) count too.
# ``STARTED`` waits for all of them (``CounterWindow.started``).
USABLE = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class ReadyWhenPainted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self.window = watched
            self.poll = QTimer()
            self.poll.setInterval(1)
            self.poll.timeout.connect(self.check)
            self.poll.start()
        return False

    def check(self):
        if getattr(self.window, "usable", True):
            self.poll.stop()
            print("ready", flush=True)
            QApplication.instance().quit()
"""
STARTED = USABLE.replace('"usable"', '"started"')

BARE = (
    READY
    + """
import sys
from PySide6.QtWidgets import QLabel
app = QApplication(sys.argv[:1])
label = QLabel("POS Coach")
label.resize(1024, 600)
watch = ReadyWhenPainted()
label.installEventFilter(watch)
label.show()
app.exec()
"""
)

COUNTER = """
import sys
from importlib.machinery import PathFinder

def ready_when_painted(widgets):
    QApplication = widgets.QApplication
    exec_ = QApplication.exec
    def exec_once_ready(*_):
        namespace = {}
        exec(READY, namespace)
        watch = namespace["ReadyWhenPainted"]()
        for window in QApplication.topLevelWidgets():
            if window.isVisible():
                window.installEventFilter(watch)
        return exec_()
    QApplication.exec = exec_once_ready

class PatchWhenImported:  # the app imports Qt when it needs it: patch it then, not before
    def find_spec(self, name, path=None, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path)
        load = spec.loader.exec_module
        spec.loader.exec_module = lambda module: (load(module), ready_when_painted(module))
        return spec

sys.meta_path.insert(0, PatchWhenImported())
READY, situations, data_dir = sys.argv[1:4]
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
    # as an installed wheel has them (pip compiles on install): here the tree may be fresh
    compileall.compile_dir(ROOT / "pos_coach", quiet=1)
    import bench_pack
    import bench_review

    year = str(bench_review.DEFAULT_JOURNAL)
    bench_review.build(bench_review.DEFAULT_JOURNAL).close()  # a busy till's year, kept
    work = Path(tempfile.mkdtemp(prefix="pos-coach-start-"))
    pack, edited = work / "pack", work / "edited-pack"
    shutil.copytree(ROOT / "situations", pack)
    shutil.copytree(ROOT / "situations", edited)
    large = bench_pack.make_pack(work / "large-pack", LARGE)
    usual_dir, edited_dir = str(work / "data"), str(work / "edited-data")
    large_dir = str(work / "large-data")
    for folder, data_dir in ((pack, usual_dir), (pack, year), (edited, edited_dir)):
        timed(COUNTER, READY, str(folder), data_dir)  # yesterday: journal and pack cache exist
    first_large = timed(COUNTER, READY, str(large), large_dir)  # its cache made
    card = edited / "ru" / "gate-alarm.toml"
    names = ("bare", "usual", "big", "changed", "first", "usable", "started", "large")
    names += ("large usable",)
    got: dict[str, list[float]] = {name: [] for name in names}
    for n in range(RUNS):
        got["bare"].append(timed(BARE))
        got["usual"].append(timed(COUNTER, READY, str(pack), usual_dir))
        got["usable"].append(timed(COUNTER, USABLE, str(pack), usual_dir))
        got["started"].append(timed(COUNTER, STARTED, str(pack), usual_dir))
        got["big"].append(timed(COUNTER, READY, str(pack), year))
        os.utime(card, (n * 60.0, n * 60.0))  # edited while the app was closed
        got["changed"].append(timed(COUNTER, READY, str(edited), edited_dir))
        got["first"].append(timed(COUNTER, READY, str(pack), str(work / f"new-{n}")))
        got["large"].append(timed(COUNTER, READY, str(large), large_dir))
        got["large usable"].append(timed(COUNTER, USABLE, str(large), large_dir))
    base = median(got["bare"])

    def against_bare(label: str, name: str, budget: float | None = 1.5) -> tuple:
        ratio = median(got[name]) / base
        limit = f"< {budget}x" if budget is not None else ""
        ok = budget is None or ratio < budget
        return (label, limit, f"{median(got[name]):.0f} ms: {ratio:.2f}x", ok)

    return [
        (f"bare PySide6 window with a label, median of {RUNS}", "", f"{base:.0f} ms", True),
        against_bare(f"cold start: `pos-coach run` to counter painted, median of {RUNS}", "usual"),
        against_bare("the same with a year's journal (1,000,000 events)", "big"),
        against_bare("the same, a card edited while closed (checked after paint)", "changed"),
        against_bare(
            "first start ever in a data dir (new journal, every card checked)", "first", None
        ),
        against_bare("cold start to usable: tiles, card page, search ready", "usable", 2),
        against_bare(
            "  and all started: triggers listened for, pack folder followed", "started", None
        ),
        against_bare(f"{LARGE:,}-card pack, its cache warm: counter painted", "large"),
        against_bare(f"{LARGE:,}-card pack, its cache warm: usable", "large usable", 2),
        (
            f"{LARGE:,}-card pack, first start (every card checked, cache made)",
            "",
            f"{first_large:.0f} ms: {first_large / base:.2f}x",
            True,
        ),
    ]


def main() -> None:
    print_table(rows())


if __name__ == "__main__":
    main()
