"""A real window under Xvfb: in side-display mode, touching POS Coach never takes the keyboard
from the POS program. Needs Xvfb and xdotool (`.ci/run` installs them)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pos_coach.inlet.client import NotRunning, request
from tests.e2e.running import start_app

FAKE_POS = r"""
import sys
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication(sys.argv[:1])
field = QLineEdit()
field.setWindowTitle("fake-pos")
field.resize(400, 80)
field.move(1100, 50)
field.textChanged.connect(lambda text: open(sys.argv[1], "w").write(text))
field.show()
app.exec()
"""


def wait_for(check, timeout: float = 30.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def xdotool(display: str, *args: str) -> str:
    result = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def display():
    assert shutil.which("Xvfb") and shutil.which("xdotool"), (
        "install xvfb and xdotool (.ci/run does)"
    )
    number = 90 + os.getpid() % 100
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1600x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 20, "Xvfb")
    yield f":{number}"
    server.terminate()
    server.wait(10)


def test_a_tap_opens_the_card_and_the_pos_keeps_the_keyboard(display, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"cashiers": ["Anna"]}), "utf-8")
    typed = tmp_path / "typed.txt"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})
    pos = subprocess.Popen(
        [sys.executable, "-c", FAKE_POS, str(typed)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    log = (tmp_path / "coach.log").open("w")
    coach = start_app(data, "--side", env=env, stderr=log)
    try:
        pos_window = ""

        def pos_up() -> bool:
            nonlocal pos_window
            found = subprocess.run(
                ["xdotool", "search", "--name", "fake-pos"], env=env, capture_output=True, text=True
            )
            pos_window = found.stdout.split()[0] if found.stdout.split() else ""
            return bool(pos_window)

        wait_for(pos_up, 30, "the fake POS window")

        def where(name: str) -> dict | None:
            try:
                answer = request(data, {"cmd": "where", "name": name}, timeout=2)
            except (NotRunning, OSError, ValueError):
                return None
            return answer if answer.get("ok") else None

        wait_for(lambda: where("cashier-0") is not None, 60, "the counter's shift page")
        xdotool(display, "windowfocus", "--sync", pos_window)
        focused = xdotool(display, "getwindowfocus")

        def tap(name: str) -> None:
            box = where(name)
            assert box is not None, name
            xdotool(
                display,
                "mousemove",
                str(box["x"] + box["w"] // 2),
                str(box["y"] + box["h"] // 2),
                "click",
                "1",
            )

        tap("cashier-0")  # Anna starts her shift by touch
        wait_for(lambda: where("tile-greeting") is not None, 20, "the tiles")
        tap("tile-greeting")
        conn = sqlite3.connect(data / "journal.db")
        wait_for(
            lambda: (
                conn.execute(
                    "SELECT count(*) FROM events WHERE kind = 'shown' "
                    "AND situation = 'greeting' AND source = 'touch'"
                ).fetchone()[0]
                == 1
            ),
            20,
            "the shown event",
        )
        conn.close()
        assert xdotool(display, "getwindowfocus") == focused  # the POS still has the keyboard
        xdotool(display, "type", "--delay", "50", "4607")  # and the cashier keeps scanning
        wait_for(lambda: typed.exists() and typed.read_text() == "4607", 10, "typing into the POS")
    finally:
        for process in (coach, pos):
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()
