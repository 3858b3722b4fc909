"""Reports over a journal of about a million events, and the review window opening on it.

Budgets (DESIGN.md / the review issue): every grouping of the report under 300 ms; opening the
review window never freezes the UI for more than 100 ms.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_review.py [--journal DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import median, print_table

from pos_coach.cards import load_pack
from pos_coach.journal import Journal
from pos_coach.library import Library
from pos_coach.review import GROUPINGS, Reports
from pos_coach.review.periods import days

SHIPPED = Path(__file__).resolve().parents[1] / "situations"
ZONE = ZoneInfo("Europe/Moscow")
END = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)
TARGET = 1_000_000
DEFAULT_JOURNAL = Path(tempfile.gettempdir()) / "pos-coach-bench-1m"


def build(folder: Path) -> Journal:
    from pos_coach import demo

    journal = Journal.in_dir(folder)
    if journal.count() >= TARGET * 0.95:
        return journal
    pack = load_pack(SHIPPED).packs["ru"]
    start = time.perf_counter()
    written = demo.generate(
        journal, {c.id: c.say for c in pack.cards.values()}, 365, per_day=980, end=END, zone=ZONE
    )
    print(f"generated {written:,} demo events in {time.perf_counter() - start:.1f} s")
    return journal


def report_rows(journal: Journal) -> list[tuple[str, str, str, bool]]:
    reports = Reports(journal.conn, ZONE)
    year = days(datetime(2025, 11, 1).date(), datetime(2026, 11, 30).date(), ZONE)
    rows = []
    for by in GROUPINGS:
        samples = []
        for _ in range(5):
            start = time.perf_counter()
            reports.rows(by, year)
            samples.append((time.perf_counter() - start) * 1000)
        value = median(samples)
        rows.append(
            (
                f"report by {by}, {journal.count():,} events (median of 5)",
                "< 300 ms",
                f"{value:.0f} ms",
                value < 300,
            )
        )
    samples = []
    for _ in range(3):
        start = time.perf_counter()
        reports.glance(year)
        samples.append((time.perf_counter() - start) * 1000)
    rows.append(
        ("at a glance with the previous year (7 queries)", "", f"{median(samples):.0f} ms", True)
    )
    return rows


def window_stall(journal: Journal) -> tuple[str, str, str, bool]:
    """Open the review on the big journal; the longest gap between 5 ms timer ticks."""
    ready, stall = open_review(journal)
    return (
        f"opening the review (last 30 days ready after {ready} ms): longest UI stall",
        "< 100 ms",
        f"{stall} ms",
        stall < 100,
    )


def open_review(journal: Journal) -> tuple[int, int]:
    """Open the review window on ``journal`` on its last 30 days: milliseconds until its figures
    and chart are shown, and the longest gap between 5 ms timer ticks on the way."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from pos_coach.settings import Settings
    from pos_coach.ui.review.review_window import ReviewWindow

    app = QApplication.instance() or QApplication([])
    library = Library(load_pack(SHIPPED).packs["ru"])
    clock = QElapsedTimer()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    clock.start()
    timer.start()
    app.processEvents()
    opened_at = clock.elapsed()
    window = ReviewWindow(
        journal, library, Settings.in_dir(journal.path.parent), ZONE, now=lambda: END
    )
    window.filters.period.setCurrentIndex(window.filters.period.findData("month"))
    app.processEvents()  # as the counter does: build, then show on the next turn of the loop
    window.show()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (
        window.snapshot and window.situations_chart.has_chart()
    ):
        app.processEvents()
        time.sleep(0.001)
    ready = clock.elapsed() - opened_at
    for _ in range(20):
        app.processEvents()
        time.sleep(0.005)
    timer.stop()
    points = [opened_at, *[t for t in ticks if t >= opened_at]]
    stall = max(b - a for a, b in pairwise(points))
    window.close()
    return ready, stall


def rows(folder: Path = DEFAULT_JOURNAL) -> list[tuple[str, str, str, bool]]:
    journal = build(folder)
    table = report_rows(journal)
    table.append(window_stall(journal))
    journal.close()
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--journal", type=Path, default=Path(tempfile.gettempdir()) / "pos-coach-bench-1m"
    )
    args = parser.parse_args()
    print_table(rows(args.journal))


if __name__ == "__main__":
    main()
