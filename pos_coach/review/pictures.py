"""Charts and PDF reports drawn in a process of their own (no Qt here).

matplotlib (and the FreeType library under it) must not draw on a thread of the Qt program:
drawing there while Qt paints crashed the program in testing. So the review hands the drawing
to one helper process, started on first use and kept for later requests; it imports
matplotlib, never Qt, and returns plain bytes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from threading import Lock
from typing import Any

_executor: ProcessPoolExecutor | None = None
_executor_lock = Lock()


def executor() -> ProcessPoolExecutor:
    """The drawing process (started once, on first use)."""
    global _executor
    with _executor_lock:
        if _executor is None:
            context = multiprocessing.get_context("spawn")  # a clean process: no Qt inherited
            _executor = ProcessPoolExecutor(max_workers=1, mp_context=context)
        return _executor


def shutdown() -> None:
    global _executor
    with _executor_lock:
        if _executor is not None:
            _executor.shutdown(wait=True, cancel_futures=True)
            _executor = None


def _png(figure: Any) -> bytes:
    import io

    from pos_coach.review.charts import CHART_DPI

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=CHART_DPI)
    return buffer.getvalue()


def draw_charts(snapshot: Any, titles: Mapping[str, str], lang: str) -> dict[str, bytes]:
    """The four review charts of a snapshot as PNG bytes (runs in the drawing process)."""
    from pos_coach.review import charts

    return {
        "situations": _png(charts.situations_chart(snapshot.situations, titles, lang)),
        "heatmap": _png(charts.heatmap_chart(snapshot.heatmap, lang)),
        "daily": _png(charts.daily_chart(snapshot.daily, lang)),
        "cashiers": _png(charts.cashiers_chart(snapshot.cashiers, lang)),
    }


@dataclass(frozen=True)
class ReportJob:
    """Everything the drawing process needs to write a PDF shift report."""

    journal: Path
    target: Path
    zone: tzinfo
    request: Any  # review.snapshot.Request
    store: str
    register: str
    lang: str
    titles: Mapping[str, str]
    card_ids: Sequence[str]
    notes: str = ""


def write_report(job: ReportJob) -> Path:
    """Write the PDF (runs in the drawing process, on its own read-only connection)."""
    import sqlite3

    from pos_coach.journal.store import read_only_uri, readable_text
    from pos_coach.review.pdf import shift_report
    from pos_coach.review.reports import Reports

    conn = sqlite3.connect(read_only_uri(job.journal), uri=True)
    conn.text_factory = readable_text
    try:
        request = job.request
        period = request.resolve(conn, job.zone)
        shift_report(
            job.target,
            Reports(conn, job.zone),
            period,
            request.filters,
            store=job.store,
            register=job.register,
            lang=job.lang,
            titles=job.titles,
            card_ids=job.card_ids,
            notes=job.notes,
        )
    finally:
        conn.close()
    return job.target
