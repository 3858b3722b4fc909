"""How `pos-coach trigger` finds the counter without `--data-dir`: the notes a start leaves in
the private folder, what of them is trusted, which addresses answer; and the Windows side
(named pipes), as far as it can be tried without Windows."""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from pos_coach.exits import Exit
from pos_coach.inlet import address, client, trigger
from pos_coach.inlet.address import data_dir_tag, forget, registered, remember, server_name
from pos_coach.inlet.client import Busy, NotOurs, NotRunning, answers, request, running

unix_only = pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets and modes")
as_root = pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0, reason="only root can chown a file"
)


@pytest.fixture
def runtime(monkeypatch):
    """A private runtime folder of this test's own, short enough for socket paths."""
    folder = Path(tempfile.mkdtemp(prefix="pc-", dir="/tmp"))
    folder.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder / "pos-coach"
    shutil.rmtree(folder, ignore_errors=True)


def listening(name: str) -> socket.socket:
    """Something that answers at ``name`` (connections wait in its backlog)."""
    server = socket.socket(socket.AF_UNIX)
    server.bind(name)
    server.listen(8)
    return server


def left_by_a_crash(name: str) -> None:
    """A socket file nobody listens on any more, as a killed counter leaves it."""
    server = socket.socket(socket.AF_UNIX)
    server.bind(name)
    server.close()


# Notes, and what of them is trusted


@unix_only
def test_a_start_leaves_a_note_of_its_data_dir_only_this_user_may_read(runtime, tmp_path):
    shop = tmp_path / "shop" / "var"
    note = Path(remember(shop))
    assert note.parent == runtime and note.name == f"{data_dir_tag(shop)}.data-dir"
    assert note.read_text("utf-8") == str(shop)
    assert note.stat().st_mode & 0o777 == 0o600
    assert registered() == [(server_name(shop), str(shop))]
    remember(shop)  # again: the same note, nothing more
    assert sorted(p.name for p in runtime.iterdir()) == [note.name]
    forget(shop)
    assert registered() == []


@unix_only
def test_sockets_are_listed_with_the_folder_their_note_names(runtime, tmp_path):
    noted, unnoted = tmp_path / "noted", tmp_path / "unnoted"
    remember(noted)
    runtime.mkdir(exist_ok=True)
    left_by_a_crash(server_name(noted))
    left_by_a_crash(server_name(unnoted))
    (runtime / "not-ours.sock").write_text("")  # names this program does not make
    (runtime / f"journal.pending-{data_dir_tag(noted)}-1.jsonl").write_text("")
    assert registered() == [(server_name(noted), str(noted)), (server_name(unnoted), None)]


@unix_only
def test_a_note_that_is_a_symlink_names_another_folder_or_is_too_big_is_not_trusted(
    runtime, tmp_path
):
    shop = tmp_path / "shop"
    note = Path(remember(shop))
    elsewhere = tmp_path / "note"
    elsewhere.write_text(str(shop))
    note.unlink()
    note.symlink_to(elsewhere)
    assert registered() == [(server_name(shop), None)]
    note.unlink()
    note.write_text(str(tmp_path / "another-folder"))  # its tag is not the note's name
    assert registered() == [(server_name(shop), None)]
    note.write_text(str(shop) + "/" * 5000)
    assert registered() == [(server_name(shop), None)]


@as_root
def test_a_note_of_another_user_is_not_trusted(runtime, tmp_path):
    shop = tmp_path / "shop"
    note = remember(shop)
    os.chown(note, 65534, 65534)
    assert registered() == [(server_name(shop), None)]


@unix_only
def test_only_what_answers_now_counts_as_running(runtime, tmp_path):
    """A counter killed (its socket and note left behind) is passed over; one that listens is
    found with its data folder; the address asked already is skipped."""
    up, crashed, bare = tmp_path / "up", tmp_path / "crashed", tmp_path / "bare"
    for folder in (up, crashed):
        remember(folder)
    server = listening(server_name(up))
    other = listening(server_name(bare))  # a counter started before notes existed
    try:
        left_by_a_crash(server_name(crashed))
        assert answers(server_name(up)) and not answers(server_name(crashed))
        found, refused = running()
        assert [(one.name, one.data_dir) for one in found] == [
            (server_name(up), str(up)),
            (server_name(bare), None),
        ]
        assert refused == []
        assert found[1].label() == f"a data folder not known (it listens at {server_name(bare)})"
        found, _ = running(skip=(server_name(up),))
        assert [one.name for one in found] == [server_name(bare)]
    finally:
        server.close()
        other.close()


@unix_only
def test_without_a_private_folder_nothing_is_found(monkeypatch):
    def none() -> str:
        raise address.NoPrivateDir(["no candidate folder exists"])

    monkeypatch.setattr(address, "private_dir", none)
    assert running() == ([], [])


# The Windows side: names, folders and the pipe opened as a file


@pytest.fixture
def windows(monkeypatch, tmp_path):
    """The Windows side of the inlet, taken here: named pipes, notes under %LOCALAPPDATA%."""
    monkeypatch.setattr(address, "WINDOWS", True)
    monkeypatch.setenv("USERNAME", "anna")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    return tmp_path / "AppData" / "Local" / "pos-coach" / "private"


class FakePipe(io.RawIOBase):
    """A pipe's client end as Windows' open() gives it: what was written, the answer."""

    def __init__(self, answer: bytes, hang: threading.Event | None = None) -> None:
        self.written = b""
        self.answer = io.BytesIO(answer)
        self.hang = hang

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        self.written += bytes(data)
        return len(data)

    def read(self, size: int = -1) -> bytes:
        if self.hang is not None:
            self.hang.wait(10)
        return self.answer.read(size)


def opener(monkeypatch, outcome):
    """Let the client "open" pipes: returns the paths it opened."""
    opened: list[str] = []

    def open_pipe(path: str):
        opened.append(path)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    monkeypatch.setattr(client, "_open_pipe", open_pipe)
    return opened


def test_on_windows_the_address_is_a_named_pipe_of_the_user_and_data_dir(windows, tmp_path):
    shop = tmp_path / "shop"
    tag = data_dir_tag(shop)
    assert server_name(shop) == f"pos-coach-anna-{tag}"
    assert address.pipe_path(server_name(shop)) == f"\\\\.\\pipe\\pos-coach-anna-{tag}"
    assert address.pipe_path("\\\\.\\pipe\\given") == "\\\\.\\pipe\\given"
    assert address.private_dir() == str(windows)  # made in the user's own profile
    assert windows.is_dir()


def test_on_windows_a_folder_named_in_another_case_is_the_same_counter(windows, monkeypatch):
    assert server_name("/Shops/North/VAR") == server_name("/shops/north/var")
    monkeypatch.setattr(address, "WINDOWS", False)  # Unix: two folders, two counters
    assert data_dir_tag("/Shops/North/VAR") != data_dir_tag("/shops/north/var")


def test_on_windows_a_trigger_opens_the_pipe_writes_one_line_and_reads_the_answer(
    windows, tmp_path, monkeypatch
):
    pipe = FakePipe(b'{"ok": true, "interaction": "i", "logged": true}\n')
    opened = opener(monkeypatch, pipe)
    answer = request(tmp_path / "shop", {"cmd": "trigger", "id": "gate-alarm"})
    assert answer == {"ok": True, "interaction": "i", "logged": True}
    assert opened == [f"\\\\.\\pipe\\pos-coach-anna-{data_dir_tag(tmp_path / 'shop')}"]
    assert json.loads(pipe.written) == {"cmd": "trigger", "id": "gate-alarm"}
    assert pipe.written.endswith(b"\n") and pipe.closed


@pytest.mark.parametrize(
    ("error", "raised"),
    [
        (FileNotFoundError(2, "The system cannot find the file specified"), NotRunning),
        (PermissionError(13, "Access is denied"), NotOurs),
    ],
)
def test_on_windows_no_pipe_is_not_running_and_a_forbidden_one_is_not_ours(
    windows, tmp_path, monkeypatch, error, raised
):
    opener(monkeypatch, error)
    with pytest.raises(raised):
        request(tmp_path / "shop", {"cmd": "raise"})


def test_on_windows_every_instance_of_the_pipe_busy_is_busy(windows, tmp_path, monkeypatch):
    busy = OSError(16, "All pipe instances are busy")
    busy.winerror = client.ERROR_PIPE_BUSY  # type: ignore[attr-defined]
    opener(monkeypatch, busy)
    with pytest.raises(Busy):
        request(tmp_path / "shop", {"cmd": "raise"})
    assert answers(server_name(tmp_path / "shop"))  # it runs, all the same


def test_on_windows_an_app_that_never_answers_is_busy_after_the_time_limit(
    windows, tmp_path, monkeypatch
):
    """A blocking pipe has no time limit of its own: the wait is a thread's, no signals."""
    release = threading.Event()
    opener(monkeypatch, FakePipe(b"", hang=release))
    try:
        with pytest.raises(Busy):
            request(tmp_path / "shop", {"cmd": "raise"}, timeout=0.2)
    finally:
        release.set()


def test_on_windows_an_answerless_close_is_busy(windows, tmp_path, monkeypatch):
    opener(monkeypatch, FakePipe(b""))
    with pytest.raises(Busy):
        request(tmp_path / "shop", {"cmd": "raise"})


def test_on_windows_the_trigger_finds_the_one_counter_by_its_note(
    windows, tmp_path, monkeypatch, capsys
):
    """No socket files on Windows: the notes name the pipes; the default folder's pipe
    missing, the one noted counter is asked."""
    monkeypatch.delenv("POS_COACH_DATA_DIR")
    shop = tmp_path / "shop" / "var"
    remember(shop)
    wanted = address.pipe_path(server_name(shop))
    sent: list[bytes] = []

    def open_pipe(path: str):
        if path != wanted:
            raise FileNotFoundError(2, "The system cannot find the file specified", path)
        pipe = FakePipe(b'{"ok": true, "interaction": "i", "logged": true}\n')
        pipe.close = lambda: sent.append(pipe.written)  # type: ignore[method-assign]
        return pipe

    monkeypatch.setattr(client, "_open_pipe", open_pipe)
    assert trigger.run_trigger("gate-alarm", None, None) == Exit.OK
    assert capsys.readouterr().out == "shown: gate-alarm\n"
    assert json.loads(sent[-1])["id"] == "gate-alarm"
    assert [place for place, _ in registered()] == [server_name(shop)]


# `pos-coach run` notes its data dir while it runs, by either path


@unix_only
@pytest.mark.parametrize("path", ["fast", "click"])
def test_run_notes_its_data_dir_while_it_runs_and_takes_the_note_away(
    runtime, tmp_path, monkeypatch, path
):
    from click.testing import CliRunner

    from pos_coach import launcher
    from pos_coach.cli import cli

    shop = tmp_path / "shop"
    during: list[list[tuple[str, str | None]]] = []

    def run_counter(*args: object) -> int:
        during.append(registered())
        return 0

    monkeypatch.setattr("pos_coach.app.run_counter", run_counter)
    if path == "fast":
        assert launcher.fast_run(["--data-dir", str(shop)]) == 0
    else:  # an option given twice: the fast path leaves it to click
        args = ["run", "--data-dir", "elsewhere", "--data-dir", str(shop)]
        assert launcher.fast_run(args[1:]) is None
        assert CliRunner().invoke(cli, args).exit_code == 0
    assert during == [[(server_name(shop), str(shop))]]
    assert registered() == []
