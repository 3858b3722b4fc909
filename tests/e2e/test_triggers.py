"""The real program as a process: triggers from the command line and the loopback HTTP inlet."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.running import LAUNCHER, start_app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def app(tmp_path):
    """Start `pos-coach run` offscreen on a temp data dir; wait until it answers."""
    data = tmp_path / "data"
    data.mkdir()
    port = free_port()
    (data / "settings.json").write_text(
        json.dumps(
            {
                "http_enabled": True,
                "http_port": port,
                "http_token": "tok-123",
                "trigger_sound": False,
            }
        ),
        "utf-8",
    )
    process = start_app(data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    yield data, port, process
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err


def trigger(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*LAUNCHER, "trigger", *args, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=30,
    )


def shown_rows(data: Path) -> list[tuple]:
    conn = sqlite3.connect(data / "journal.db")
    try:
        return conn.execute(
            "SELECT situation, source, detail FROM events WHERE kind = 'shown'"
        ).fetchall()
    finally:
        conn.close()


def test_fifty_triggers_fifty_shown_rows(app):
    data, _port, _process = app
    ids = ["greeting", "gate-alarm", "loyalty-card", "bad-mood", "farewell"]
    for n in range(50):
        result = trigger(data, ids[n % 5], "--source", "bridge")
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"shown: {ids[n % 5]}"
    rows = shown_rows(data)
    assert len(rows) == 50
    assert all(
        source == "trigger" and json.loads(detail) == {"from": "bridge"}
        for _, source, detail in rows
    )


def test_unknown_id_exits_4_with_suggestions(app):
    data, _port, _process = app
    result = trigger(data, "gate-alrm")
    assert result.returncode == 4
    assert "unknown card 'gate-alrm'" in result.stderr and "gate-alarm" in result.stderr
    assert shown_rows(data) == []


def test_a_broken_card_is_not_an_unknown_one(tmp_path):
    """A till whose robbery card was saved broken (and never read well before, so no last
    good version is kept): the trigger says it cannot be read, and where, with exit 8."""
    import shutil

    from tests.conftest import SHIPPED_PACK

    pack = tmp_path / "pack"
    shutil.copytree(SHIPPED_PACK, pack)
    (pack / "en" / "robbery.toml").write_text('title = "Robbery\n', "utf-8")
    data = tmp_path / "data"
    process = start_app(data, pack=pack, stderr=subprocess.PIPE, text=True)
    result = trigger(data, "robbery")
    assert result.returncode == 8, result.stderr
    assert "robbery.toml:1:" in result.stderr and "unknown card" not in result.stderr
    assert trigger(data, "greeting").returncode == 0  # the other cards work
    process.terminate()
    _out, err = process.communicate(timeout=30)
    assert "1 problem(s), the first:" in err and "robbery.toml:1:" in err  # said at start too


def test_no_app_exits_7(tmp_path):
    result = trigger(tmp_path / "nobody-here", "greeting")
    assert result.returncode == 7 and "not running" in result.stderr


def test_a_second_start_brings_the_first_forward(app):
    data, _port, _process = app
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    second = subprocess.run(
        [*LAUNCHER, "run", "--data-dir", str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode == 0 and "already running" in second.stdout


def http(port: int, method: str, path: str, token: str | None) -> int:
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", method=method, data=b"" if method == "POST" else None
    )
    if token:
        req.add_header("X-POS-Coach-Token", token)
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on ``port`` (Linux /proc)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            parts = line.split()
            address, state = parts[1], parts[3]
            host, hex_port = address.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.add(host)
    return found


def test_http_inlet_token_unknown_and_loopback_only(app):
    data, port, _process = app
    assert http(port, "POST", "/trigger/gate-alarm", "tok-123") == 200
    assert http(port, "POST", "/trigger/gate-alarm", "wrong") == 401
    assert http(port, "POST", "/trigger/gate-alarm", None) == 401
    assert http(port, "POST", "/trigger/no-such-card", "tok-123") == 404
    assert http(port, "GET", "/situations", "tok-123") == 200
    assert [r[1] for r in shown_rows(data)] == ["http"]
    if sys.platform.startswith("linux"):
        assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1 and nothing else


def test_an_id_in_capitals_or_with_spaces_finds_its_card(app):
    data, _port, _process = app
    result = trigger(data, " GATE-Alarm ")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "shown: gate-alarm"
    assert [row[0] for row in shown_rows(data)] == ["gate-alarm"]
