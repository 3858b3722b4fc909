"""The real program, started as a process the way `make run` starts it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from tests.conftest import SHIPPED_PACK


def test_run_starts_and_stops_cleanly(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = [
        sys.executable,
        "-m",
        "pos_coach",
        "run",
        "--situations",
        str(SHIPPED_PACK),
        "--data-dir",
        str(data),
        "--lang",
        "ru",
        "--register",
        "7",
    ]
    process = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while not (data / "journal.db").exists() and time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()
            time.sleep(0.1)
        time.sleep(1.0)  # the window is up: it must still be running
        assert process.poll() is None, process.communicate()
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    conn = sqlite3.connect(data / "journal.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_run_with_a_journal_it_cannot_use_says_so(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "journal.db").write_bytes(b"not a database at all" * 50)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = [sys.executable, "-m", "pos_coach", "run", "--data-dir", str(data), "--lang", "en"]
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "journal.db" in result.stderr and "Traceback" not in result.stderr
