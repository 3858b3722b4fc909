"""Shared helpers for the benchmark scripts: timing, percentiles, the printed table."""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Callable
from datetime import date


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def time_ms(func: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def machine() -> str:
    python = f"{platform.python_implementation()} {platform.python_version()}"
    return f"{platform.machine()}, {python}, {date.today()}"


def print_table(rows: list[tuple[str, str, str, bool]]) -> None:
    """Rows of (what, budget, measured, ok); a row without a budget is a figure for reference."""
    header = ("what", "budget", "measured", "result")
    lines = [header, *((w, b, m, ("pass" if ok else "FAIL") if b else "") for w, b, m, ok in rows)]
    widths = [max(len(str(line[i])) for line in lines) for i in range(4)]
    print(f"machine: {machine()}")
    for n, line in enumerate(lines):
        print("| " + " | ".join(str(c).ljust(widths[i]) for i, c in enumerate(line)) + " |")
        if n == 0:
            print("| " + " | ".join("-" * w for w in widths) + " |")


def median(samples: list[float]) -> float:
    return statistics.median(samples)
