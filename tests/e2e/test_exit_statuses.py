"""Every exit status of the table (`pos_coach.exits.Exit`), from the real command as a process:
a script can tell each outcome from every other by its number alone.

Against the real counter where the counter can be brought to it (shown, not yet logged,
unknown id, several running: `test_finding_the_app.py`); against a stand-in listening on the
counter's own socket for what the counter does only under load or failure (busy, could not
show it) or what only another OS user does (answering the socket)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from pos_coach.exits import MEANINGS, Exit
from pos_coach.inlet.address import server_name
from pos_coach.inlet.protocol import BUSY_DETAIL
from tests.conftest import FAULTY_PACK, ROOT, SMALL_PACK
from tests.e2e.running import LAUNCHER, start_app

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets")

ROOT_USER = sys.platform != "win32" and os.geteuid() == 0
OTHER_UID = 65534  # nobody


def pos_coach(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*LAUNCHER, *args],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def runtime(monkeypatch):
    folder = Path(tempfile.mkdtemp(prefix="pc-", dir="/tmp"))  # short: a socket path <108 B
    folder.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


STAND_IN = r"""
import json, os, socket, sys
name, answer, drop = sys.argv[1], sys.argv[2].encode(), int(sys.argv[3])
server = socket.socket(socket.AF_UNIX)
server.bind(name)
if drop:  # the peer's credentials are those of the process that listens
    os.setgid(drop)
    os.setuid(drop)
server.listen(8)
print("ready", flush=True)
while True:
    caller, _ = server.accept()
    caller.settimeout(5)
    got = b""
    try:
        while not got.endswith(b"\n"):
            chunk = caller.recv(65536)
            if not chunk:
                break
            got += chunk
    except OSError:
        pass
    print(json.dumps(got.decode("utf-8", "replace")), flush=True)
    if answer:
        caller.sendall(answer + b"\n")
    caller.close()
"""


def with_stand_in(data: Path, answer: dict | None, uid: int = 0) -> tuple[int, str, list[str]]:
    """`pos-coach trigger gate-alarm --data-dir data` against a stand-in at the counter's
    socket that answers ``answer`` (None: closes unanswered); status, stderr, what it got."""
    said = "" if answer is None else json.dumps(answer)
    stand_in = subprocess.Popen(
        [sys.executable, "-c", STAND_IN, server_name(data), said, str(uid)],
        stdout=subprocess.PIPE,
        text=True,
        cwd="/",
    )
    try:
        assert stand_in.stdout is not None
        assert stand_in.stdout.readline().strip() == "ready"
        done = pos_coach("trigger", "gate-alarm", "--data-dir", str(data))
    finally:
        stand_in.terminate()
        out, _ = stand_in.communicate(timeout=10)
    return done.returncode, done.stderr, [json.loads(line) for line in out.splitlines()]


def test_the_table_has_one_meaning_per_number():
    assert [int(status) for status in Exit] == list(range(len(Exit)))
    assert set(MEANINGS) == set(Exit)
    assert Exit.USAGE == 2  # click's own


def test_0_and_4_shown_and_unknown_id(tmp_path):
    data = tmp_path / "data"
    start_app(data)
    shown = pos_coach("trigger", "gate-alarm", "--data-dir", str(data))
    assert shown.returncode == Exit.OK == 0, shown.stderr
    unknown = pos_coach("trigger", "gate-alrm", "--data-dir", str(data))
    assert unknown.returncode == Exit.UNKNOWN_ID == 4
    assert "unknown card 'gate-alrm'; close matches: gate-alarm" in unknown.stderr


def test_1_problems_found_and_nothing_found():
    assert pos_coach("check", str(FAULTY_PACK), "--lang", "en").returncode == Exit.PROBLEMS == 1
    none = pos_coach("search", "qqqzzz", "--situations", str(SMALL_PACK), "--lang", "en")
    assert none.returncode == Exit.PROBLEMS


@pytest.mark.parametrize(
    "args", [["trigger"], ["trigger", "gate-alarm", "--sorce", "x"], ["search"]]
)
def test_2_a_mistake_in_the_command_line_is_not_app_not_running(args):
    done = pos_coach(*args)
    assert done.returncode == Exit.USAGE == 2
    assert "Usage: pos-coach" in done.stderr and "not running" not in done.stderr


def test_3_shown_but_not_yet_in_the_journal(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    data = blocker / "data"  # cannot be made: the journal waits in memory
    start_app(data)
    done = pos_coach("trigger", "gate-alarm", "--data-dir", str(data))
    assert done.returncode == Exit.NOT_YET_LOGGED == 3, done.stderr
    assert done.stdout == "shown: gate-alarm\n" and "not yet in the journal" in done.stderr


@pytest.mark.skipif(not ROOT_USER, reason="only root can listen as another user")
def test_5_another_user_answers_the_socket(runtime, tmp_path):
    status, err, got = with_stand_in(tmp_path / "data", {"ok": True}, uid=OTHER_UID)
    assert status == Exit.NOT_OURS == 5
    assert f"another user (uid {OTHER_UID})" in err and "refused, nothing was sent" in err
    assert got == [""]  # it was connected to, and told nothing


def test_6_busy_as_the_socket_says_over_its_cap(runtime, tmp_path):
    """What the counter's socket answers a caller over its cap of connections."""
    answer = {"ok": False, "error": "unavailable", "detail": f"{BUSY_DETAIL}; try again"}
    status, err, _got = with_stand_in(tmp_path / "data", answer)
    assert status == Exit.BUSY == 6
    assert "busy" in err and "not running" not in err


def test_6_busy_when_taken_and_dropped_unanswered(runtime, tmp_path):
    status, err, got = with_stand_in(tmp_path / "data", None)
    assert status == Exit.BUSY
    assert "try again" in err
    assert json.loads(got[0])["id"] == "gate-alarm"


def test_7_not_running(tmp_path):
    done = pos_coach("trigger", "gate-alarm", "--data-dir", str(tmp_path / "nobody-here"))
    assert done.returncode == Exit.NOT_RUNNING == 7
    assert f"not running for {tmp_path / 'nobody-here'}" in done.stderr


def test_8_the_app_could_not_show_the_card(runtime, tmp_path):
    answer = {"ok": False, "error": "unavailable", "detail": "the window is being rebuilt"}
    status, err, _got = with_stand_in(tmp_path / "data", answer)
    assert status == Exit.NOT_SHOWN == 8
    assert "could not show 'gate-alarm' now: the window is being rebuilt" in err


def test_6_while_the_counter_starts_try_again(tmp_path):
    """Between `pos-coach run` taking its data folder and listening for triggers (its window
    painted, its cards read), a trigger is told to try again, not that nothing runs (a script
    would drop the event, or start a second counter)."""
    data = tmp_path / "starting"
    data.mkdir()
    # the lock a starting counter holds: this test's own process stands in for it
    (data / "pos-coach.lock").write_text(f"{os.getpid()}\npython3\nhost\n", "utf-8")
    done = pos_coach("trigger", "gate-alarm", "--data-dir", str(data))
    assert done.returncode == Exit.BUSY == 6, done.stderr
    assert f"starting for {data}" in done.stderr and "try again" in done.stderr
    # a lock left by a process that is gone, or taken long ago: not starting
    (data / "pos-coach.lock").write_text("999999999\npython3\nhost\n", "utf-8")
    assert pos_coach("trigger", "gate-alarm", "--data-dir", str(data)).returncode == 7
    (data / "pos-coach.lock").write_text(f"{os.getpid()}\npython3\nhost\n", "utf-8")
    os.utime(data / "pos-coach.lock", (0, 0))
    assert pos_coach("trigger", "gate-alarm", "--data-dir", str(data)).returncode == 7
