"""Start the real program as a process for end-to-end tests, and wait until it answers."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from pos_coach.inlet.client import NotRunning, request
from tests.conftest import SHIPPED_PACK

LAUNCHER = [sys.executable, "-c", "from pos_coach.launcher import main; main()"]
STARTED: list[subprocess.Popen] = []  # ended by the e2e conftest after each test, if still up


def start_app(
    data: Path,
    *extra: str,
    env: dict[str, str] | None = None,
    pack: Path = SHIPPED_PACK,
    **popen: Any,
) -> subprocess.Popen:
    """`pos-coach run` on ``pack`` (the shipped one) and ``data``; returns once it answers on
    its socket."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    popen.setdefault("stdout", subprocess.DEVNULL)
    popen.setdefault("stderr", subprocess.DEVNULL)
    process = subprocess.Popen(
        [
            *LAUNCHER,
            "run",
            "--situations",
            str(pack),
            "--data-dir",
            str(data),
            "--lang",
            "en",
            *extra,
        ],
        env=environment,
        **popen,
    )
    STARTED.append(process)
    wait_until_answering(data, process)
    return process


def wait_until_answering(data: Path, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if request(data, {"cmd": "situations"}, timeout=2).get("ok"):
                return
        except (NotRunning, OSError, ValueError):
            pass
        assert process.poll() is None, "the app exited while starting"
        assert time.monotonic() < deadline, "the app did not start"
        time.sleep(0.05)


def shown(data: Path) -> list[str]:
    """The situations of the ``shown`` events in the journal of ``data``, in the order written."""
    conn = sqlite3.connect(data / "journal.db")
    try:
        return [r[0] for r in conn.execute("SELECT situation FROM events WHERE kind = 'shown'")]
    finally:
        conn.close()
