"""Run report queries off the UI thread, each on its own read-only SQLite connection.

A job is a plain function ``(connection) -> result``; its result (or error) comes back on the UI
thread through a signal, tagged with the job's ticket so the window can ignore stale answers.
"""

from __future__ import annotations

import sqlite3
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(
        self, ticket: int, path: Path, func: Callable[[sqlite3.Connection], Any], relay: _Relay
    ) -> None:
        super().__init__()
        self.ticket = ticket
        self.path = path
        self.func = func
        self.relay = relay

    def run(self) -> None:
        try:
            conn = sqlite3.connect(
                f"{self.path.as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            try:
                conn.execute("PRAGMA busy_timeout = 5000")
                result = self.func(conn)
            finally:
                conn.close()
        except Exception:  # reported to the window, which shows it; never lost silently
            self.relay.failed.emit(self.ticket, traceback.format_exc(limit=3))
            return
        self.relay.done.emit(self.ticket, result)


class Worker(QObject):
    """Queues jobs on a small thread pool; ``finished(ticket, result)`` arrives on the UI thread."""

    finished = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, journal_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(journal_path)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.done.connect(self.finished)
        self._relay.failed.connect(self.failed)
        self._tickets = 0

    def submit(self, func: Callable[[sqlite3.Connection], Any]) -> int:
        self._tickets += 1
        self.pool.start(_Job(self._tickets, self.path, func, self._relay))
        return self._tickets

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
