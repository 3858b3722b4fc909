"""A disk that really refuses to grow the journal, with the real program running.

The app runs with a file-size limit (RLIMIT_FSIZE): once the journal's write-ahead log would
pass it, the kernel refuses the write (EFBIG), exactly where a full disk would refuse it
(ENOSPC). Triggers keep being shown, and say that their event waits; when the limit is lifted
(space freed), every event is written, in order, once.
"""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import time

import pytest

from pos_coach.inlet.client import request
from tests.e2e.running import start_app

IDS = ["greeting", "gate-alarm", "loyalty-card", "bad-mood", "farewell", "card-declined"]
LIMIT = 512 * 1024  # bytes any file of the app may grow to while the disk is "full"


def shown_events(data) -> list[str]:
    conn = sqlite3.connect(data / "journal.db")
    try:
        rows = conn.execute("SELECT interaction FROM events WHERE kind = 'shown' ORDER BY rowid")
        return [row[0] for row in rows]
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(resource, "prlimit"), reason="needs Linux prlimit")
def test_a_disk_that_refuses_writes_loses_nothing(tmp_path):
    data = tmp_path / "data"
    first = start_app(data)  # a journal made and settled, as on any shop's second day
    first.send_signal(signal.SIGTERM)
    first.wait(30)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)

    def full_disk() -> None:  # in the app's process, before it starts
        resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, hard))

    process = start_app(data, preexec_fn=full_disk)
    answers = []
    try:
        for n in range(120):
            answer = request(data, {"cmd": "trigger", "id": IDS[n % len(IDS)]}, timeout=10)
            assert answer["ok"], answer  # always shown
            answers.append(answer)
            if not answer["logged"] and sum(not a["logged"] for a in answers) >= 5:
                break
        waiting = [a for a in answers if not a["logged"]]
        assert len(waiting) >= 5, "the limit was never reached"
        assert waiting[0]["waiting"]  # the reason the disk gave
        assert shown_events(data) == [a["interaction"] for a in answers if a["logged"]]
        resource.prlimit(process.pid, resource.RLIMIT_FSIZE, (soft, hard))  # space freed
        deadline = time.monotonic() + 30
        while len(shown_events(data)) < len(answers) and time.monotonic() < deadline:
            time.sleep(0.2)  # the counter retries every 2 s
        answer = request(data, {"cmd": "trigger", "id": "greeting"}, timeout=10)
        assert answer["logged"]
        answers.append(answer)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)
    assert process.returncode == 0
    assert shown_events(data) == [a["interaction"] for a in answers]  # in order, each once
    conn = sqlite3.connect(data / "journal.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert not list(data.glob("journal.pending-*"))  # nothing had to be spilled
    assert os.path.getsize(data / "journal.db") > 0
