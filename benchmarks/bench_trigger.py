"""Triggers: in-process trigger to card painted, and the whole `pos-coach trigger` command.

Budgets (DESIGN.md): card painted p99 under 16.7 ms; `pos-coach trigger` with the app running
p50 under 80 ms.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_trigger.py
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import percentile, print_table

SHIPPED = Path(__file__).resolve().parents[1] / "situations"
ROUNDS = 300
COMMANDS = 60


def in_process() -> list[float]:
    from PySide6.QtWidgets import QApplication

    from pos_coach.app import Options, build_core
    from pos_coach.ui.counter_window import CounterWindow
    from pos_coach.ui.inlet_handler import InletHandler

    app = QApplication.instance() or QApplication([])
    core = build_core(Options(SHIPPED, Path(tempfile.mkdtemp(prefix="pos-coach-bench-")), "ru"))
    window = CounterWindow(core.counter, core.load.problems)
    window.resize(1024, 600)
    window.show()
    app.processEvents()
    window.start_shift("Анна")
    handler = InletHandler(window)
    ids = [card.id for card in core.library.cards]
    samples = []
    for n in range(ROUNDS):
        start = time.perf_counter()
        later = handler.handle({"cmd": "trigger", "id": ids[n % len(ids)]})
        samples.append((time.perf_counter() - start) * 1000)  # returns once painted
        answers: list[dict] = []
        later.when_ready(answers.append)  # then answered once its event is committed
        while not answers:
            app.processEvents()
        assert answers[0]["ok"] and answers[0]["logged"], answers[0]
    window.close()
    core.journal.close()
    return samples


def whole_command() -> list[float]:
    from pos_coach.inlet.client import NotRunning, request

    data = Path(tempfile.mkdtemp(prefix="pos-coach-bench-"))
    command = shutil.which("pos-coach", path=str(Path(sys.executable).parent)) or "pos-coach"
    app = subprocess.Popen(
        [command, "run", "--situations", str(SHIPPED), "--data-dir", str(data), "--lang", "ru"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if request(data, {"cmd": "situations"}, timeout=2).get("ok"):
                    break
            except (NotRunning, OSError, ValueError):
                time.sleep(0.1)
            if time.monotonic() > deadline:
                raise SystemExit("the app did not start")
        samples = []
        for n in range(COMMANDS):
            start = time.perf_counter()
            result = subprocess.run(
                [command, "trigger", ("greeting", "gate-alarm")[n % 2], "--data-dir", str(data)],
                capture_output=True,
            )
            samples.append((time.perf_counter() - start) * 1000)
            assert result.returncode == 0, result.stderr
        return samples
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(30)


def rows() -> list[tuple[str, str, str, bool]]:
    paint = in_process()
    command = whole_command()
    return [
        (
            "trigger to card painted, in-process, p50",
            "",
            f"{percentile(paint, 50):.1f} ms",
            True,
        ),
        (
            "trigger to card painted, in-process, p99",
            "< 16.7 ms",
            f"{percentile(paint, 99):.1f} ms",
            percentile(paint, 99) < 16.7,
        ),
        (
            f"`pos-coach trigger`, app running, p50 ({COMMANDS} runs)",
            "< 80 ms",
            f"{percentile(command, 50):.0f} ms",
            percentile(command, 50) < 80,
        ),
        (
            f"`pos-coach trigger`, app running, p95 ({COMMANDS} runs)",
            "",
            f"{percentile(command, 95):.0f} ms",
            True,
        ),
    ]


def main() -> None:
    print_table(rows())


if __name__ == "__main__":
    main()
