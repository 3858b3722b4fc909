"""The integrator's first try, as the README has it: `make run` keeps the journal in `./var`,
and a plain `pos-coach trigger gate-alarm`, typed in another terminal, shows the card in that
counter; with two counters it asks which, a crashed one is passed over, and with none it says
where it looked and how to point it elsewhere."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from pos_coach.inlet.address import data_dir_tag
from tests.conftest import ROOT
from tests.e2e.running import LAUNCHER, shown, start_app

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets")

SCRIPT = Path(sys.executable).parent / "pos-coach"  # .venv/bin/pos-coach, as the README says
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else LAUNCHER


@pytest.fixture
def own_runtime(monkeypatch):
    """This test's own private runtime folder (no counter of another test in it), no
    $POS_COACH_DATA_DIR: the client has only the default data folder and the notes to go by."""
    folder = Path(tempfile.mkdtemp(prefix="pc-", dir="/tmp"))  # short: a socket path <108 B
    folder.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.delenv("POS_COACH_DATA_DIR")
    yield folder / "pos-coach"
    shutil.rmtree(folder, ignore_errors=True)


def pos_coach(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    process.wait(30)
    assert process.returncode == 0


def test_after_make_run_a_plain_trigger_finds_the_counter(own_runtime, tmp_path, monkeypatch):
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    monkeypatch.chdir(checkout)  # `make run`: `pos-coach run ... --data-dir var`, relative
    var, var2 = checkout / "var", checkout / "var2"
    default = Path(os.environ["XDG_DATA_HOME"]) / "pos-coach"
    first = start_app(Path("var"))

    done = pos_coach("trigger", "gate-alarm", cwd=tmp_path)  # another terminal, another folder
    assert done.returncode == 0, done.stderr
    assert done.stdout == "shown: gate-alarm\n"
    assert shown(var) == ["gate-alarm"]

    nowhere = pos_coach("trigger", "gate-alarm", "--data-dir", str(tmp_path / "nowhere"))
    assert nowhere.returncode == 7
    assert f"not running for {tmp_path / 'nowhere'}" in nowhere.stderr
    assert f"POS Coach runs for {var}: `pos-coach trigger gate-alarm --data-dir {var}`" in (
        nowhere.stderr
    )

    second = start_app(Path("var2"))
    which = pos_coach("trigger", "gate-alarm")
    assert which.returncode == 9, which.stderr
    assert "2 POS Coach of this user are running" in which.stderr
    assert f"\n  {var}\n  {var2}\n" in which.stderr and "--data-dir" in which.stderr
    assert shown(var) == ["gate-alarm"] and shown(var2) == []  # neither was shown anything
    assert pos_coach("trigger", "farewell", "--data-dir", "var2").returncode == 0
    assert shown(var2) == ["farewell"]

    second.kill()  # a crash: its socket and its note stay behind
    second.wait(30)
    assert (own_runtime / f"{data_dir_tag(var2)}.sock").exists()
    assert (own_runtime / f"{data_dir_tag(var2)}.data-dir").exists()
    again = pos_coach("trigger", "greeting")
    assert again.returncode == 0, again.stderr
    assert shown(var) == ["gate-alarm", "greeting"]

    stop(first)  # closed as a cashier closes it: its socket and its note go
    assert not (own_runtime / f"{data_dir_tag(var)}.data-dir").exists()
    gone = pos_coach("trigger", "gate-alarm")
    assert gone.returncode == 7, gone.stderr
    err = gone.stderr
    assert "POS Coach is not running" in err
    assert f"the default data folder {default}" in err  # where it looked
    assert f"looked in {own_runtime}" in err
    assert "--data-dir FOLDER" in err and "POS_COACH_DATA_DIR=FOLDER" in err  # how to point it
    assert "Traceback" not in err


def test_a_second_start_on_the_same_folder_keeps_the_first_ones_note(own_runtime, tmp_path):
    """A second `pos-coach run` on the same folder only brings the first forward: its end does
    not take away the note of the counter still running."""
    data = tmp_path / "shop"
    first = start_app(data)
    note = own_runtime / f"{data_dir_tag(data)}.data-dir"
    assert note.read_text("utf-8") == str(data)
    again = pos_coach("run", "--data-dir", str(data))
    assert again.returncode == 0 and "already running" in again.stdout
    assert note.exists()
    assert pos_coach("trigger", "gate-alarm").returncode == 0
    stop(first)
    assert not note.exists()
