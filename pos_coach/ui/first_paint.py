"""Work on the first page that can wait for the first paint.

The first use of any of Qt's flags (``Qt.AlignmentFlag``, ``Qt.FocusPolicy``...) makes PySide
build the whole ``Qt`` namespace, every enum of it: ~15-25 ms, more than a tenth of the
counter's start-up. The first page needs none of those flags to be drawn, so while the counter
makes it, flag settings are collected here (:func:`soon`) and applied just after the first paint,
before anyone can touch the page. Anywhere else :func:`soon` simply runs the job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

Job = Callable[[], None]
_collecting: list[Job] | None = None


def soon(job: Job) -> None:
    """Run ``job`` now, or after the first paint while the counter makes its first page."""
    if _collecting is None:
        job()
    else:
        _collecting.append(job)


@contextmanager
def collected() -> Iterator[list[Job]]:
    """Collect the :func:`soon` jobs of the widgets made inside; the caller runs them later."""
    global _collecting
    outer, _collecting = _collecting, []
    jobs = _collecting
    try:
        yield jobs
    finally:
        _collecting = outer
