"""Run report queries off the UI thread, each on its own read-only SQLite connection.

A job is a plain function ``(connection) -> result``; its result (or error) comes back on the UI
thread through a queued signal, tagged with the job's ticket so the window can ignore stale
answers. The jobs run on ordinary Python threads (``concurrent.futures``): Python code on
threads that Qt creates and ends by itself proved fragile with matplotlib.
"""

from __future__ import annotations

import sqlite3
import threading
import traceback
from collections.abc import Callable
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from pos_coach.journal.store import read_only_uri, readable_text


class Worker(QObject):
    """Queues jobs on two threads; ``finished(ticket, result)`` arrives on the UI thread."""

    finished = Signal(int, object)
    failed = Signal(int, str)
    damaged = Signal(str)  # SQLite said the journal file is damaged (not merely busy)

    def __init__(self, journal_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(journal_path)
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="pos-coach-review")
        self._tickets = 0
        self._jobs: set[futures.Future[None]] = set()
        self._lock = threading.Lock()

    def submit(self, func: Callable[[sqlite3.Connection], Any]) -> int:
        self._tickets += 1
        job = self._pool.submit(self._run, self._tickets, func)
        with self._lock:
            self._jobs.add(job)
        job.add_done_callback(self._forget)
        return self._tickets

    def _forget(self, job: futures.Future[None]) -> None:
        with self._lock:  # called on the job's thread
            self._jobs.discard(job)

    def _run(self, ticket: int, func: Callable[[sqlite3.Connection], Any]) -> None:
        try:
            conn = sqlite3.connect(read_only_uri(self.path), uri=True)
            conn.text_factory = readable_text
            try:
                conn.execute("PRAGMA busy_timeout = 5000")
                result = func(conn)
            finally:
                conn.close()
        except Exception as exc:  # reported to the window, which shows it; never lost silently
            from pos_coach.journal import is_damage

            if is_damage(exc):
                self.damaged.emit(str(exc))
            self.failed.emit(ticket, traceback.format_exc(limit=3))
            return
        self.finished.emit(ticket, result)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the jobs queued so far (at most ``msecs``); True when they are done."""
        with self._lock:
            jobs = list(self._jobs)
        _done, pending = futures.wait(jobs, timeout=msecs / 1000)
        return not pending

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
