"""Kill -9 at random moments while triggers pour in: every acknowledged event survives.

Each round starts the real program on the same data dir (after the previous round's crash:
stale lock and socket included), fires triggers as fast as it answers, and kills it with
SIGKILL at a random moment. Every trigger that was answered "shown" must have its event in the
journal, and the database must pass `PRAGMA integrity_check`.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import threading
import time

import pytest

from pos_coach.inlet.client import NotRunning, request
from tests.e2e.running import start_app

ROUNDS = 20
IDS = ["greeting", "gate-alarm", "loyalty-card", "bad-mood", "farewell", "card-declined"]


@pytest.mark.slow
def test_acknowledged_triggers_survive_kill_minus_nine(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    rng = random.Random(11)
    acknowledged: list[str] = []
    for _round in range(ROUNDS):
        process = start_app(data)
        stop = threading.Event()

        def fire(stop: threading.Event = stop) -> None:
            while not stop.is_set():
                try:
                    answer = request(data, {"cmd": "trigger", "id": rng.choice(IDS)}, timeout=5)
                except (NotRunning, OSError, ValueError):
                    return  # killed mid-request: that one was never acknowledged
                if answer.get("ok") and answer.get("logged"):  # shown and committed
                    acknowledged.append(answer["interaction"])

        thread = threading.Thread(target=fire)
        thread.start()
        time.sleep(rng.uniform(0.2, 1.5))
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        stop.set()
        thread.join(10)
    assert len(acknowledged) > ROUNDS * 5
    # a kill half-way through a checkpoint leaves a healthy journal: never set aside
    assert not list(data.glob("journal.damaged-*"))
    conn = sqlite3.connect(data / "journal.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        logged = {
            row[0] for row in conn.execute("SELECT interaction FROM events WHERE kind = 'shown'")
        }
    finally:
        conn.close()
    missing = [i for i in acknowledged if i not in logged]
    assert missing == [], f"{len(missing)} of {len(acknowledged)} acknowledged triggers lost"
    print(f"{len(acknowledged)} acknowledged triggers over {ROUNDS} kills, none lost")
