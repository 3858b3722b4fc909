"""Every budget of DESIGN.md in one table: `make bench`.

Runs each benchmark module's rows() in turn (the 1M- and 10M-event journals are built once and
kept in the temp folder) and prints one table with the machine and date.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run_all.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_counter
import bench_pack
import bench_report
import bench_review
import bench_search
import bench_start
import bench_trigger
from _table import print_table


def main() -> None:
    table = []
    for module in (
        bench_pack,
        bench_search,
        bench_counter,
        bench_trigger,
        bench_start,
        bench_review,
        bench_report,
    ):
        print(f"running {module.__name__} ...", file=sys.stderr, flush=True)
        table.extend(module.rows())
    print_table(table)


if __name__ == "__main__":
    main()
