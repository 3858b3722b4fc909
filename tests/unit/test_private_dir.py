"""The folder of the trigger socket: private to the user, never one someone else prepared."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from pos_coach.inlet import address
from pos_coach.inlet.address import NoPrivateDir, find_private_dir, private_dir, server_name

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix folders and modes")

UID = os.getuid() if sys.platform != "win32" else 0
OTHER_UID = 65534  # nobody
as_root = pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0,
    reason="only root can give a folder to another user (chown)",
)


@pytest.fixture
def places(monkeypatch):
    """Every candidate under one short folder (a socket path has ~107 bytes at most): a
    private runtime dir, no /run/user/<uid>, a sticky world-writable temp dir, a cache dir."""
    root = Path(tempfile.mkdtemp(prefix="pc-", dir="/tmp"))
    runtime, tmp, cache = root / "xdg", root / "tmp", root / "cache"
    runtime.mkdir(mode=0o700)
    tmp.mkdir()
    tmp.chmod(0o1777)
    cache.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setattr(address, "RUN_USER", str(root / "run-user"))
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    yield root
    shutil.rmtree(root, ignore_errors=True)


def assert_private(folder: str) -> None:
    info = os.lstat(folder)
    assert stat.S_ISDIR(info.st_mode) and not stat.S_ISLNK(info.st_mode)
    assert info.st_uid == UID
    assert stat.S_IMODE(info.st_mode) == 0o700


def test_the_runtime_dir_comes_first_and_its_folder_is_made_0700(places):
    old = os.umask(0)  # a careless umask changes nothing
    try:
        folder = private_dir()
    finally:
        os.umask(old)
    assert folder == str(places / "xdg" / "pos-coach")
    assert_private(folder)
    assert find_private_dir() == (folder, [])  # found again, nothing to say


def test_the_socket_is_in_the_private_folder(places, tmp_path):
    name = server_name(tmp_path)
    assert os.path.dirname(name) == private_dir()
    assert len(os.fsencode(name)) <= address.MAX_SOCKET_PATH


def test_a_folder_open_to_others_is_passed_over(places):
    (places / "xdg" / "pos-coach").mkdir()
    (places / "xdg" / "pos-coach").chmod(0o777)
    folder, notes = find_private_dir()
    assert folder == str(places / "tmp" / f"pos-coach-{UID}")
    assert_private(folder)
    assert notes == [f"{places / 'xdg' / 'pos-coach'} passed over: open to others (mode 777)"]


@as_root
def test_a_folder_someone_else_made_is_passed_over(places):
    squatted = places / "xdg" / "pos-coach"
    squatted.mkdir(mode=0o700)
    os.chown(squatted, OTHER_UID, OTHER_UID)
    folder, notes = find_private_dir()
    assert folder == str(places / "tmp" / f"pos-coach-{UID}")
    assert notes == [f"{squatted} passed over: belongs to uid {OTHER_UID}"]


@as_root
def test_a_temp_name_someone_else_holds_falls_back_to_the_cache(places):
    squatted = places / "tmp" / f"pos-coach-{UID}"
    squatted.mkdir(mode=0o700)
    os.chown(squatted, OTHER_UID, OTHER_UID)
    (places / "xdg").rmdir()  # no runtime dir at all
    folder, notes = find_private_dir()
    assert folder == str(places / "cache" / "pos-coach-run")
    assert_private(folder)
    assert notes == [f"{squatted} passed over: belongs to uid {OTHER_UID}"]


def test_a_symlink_is_passed_over_even_to_a_private_folder(places):
    target = places / "elsewhere"
    target.mkdir(mode=0o700)
    (places / "xdg" / "pos-coach").symlink_to(target)
    folder, notes = find_private_dir()
    assert folder == str(places / "tmp" / f"pos-coach-{UID}")
    assert notes == [f"{places / 'xdg' / 'pos-coach'} passed over: a symlink"]


def test_a_runtime_dir_open_to_others_is_not_used(places):
    (places / "xdg").chmod(0o755)
    folder, notes = find_private_dir()
    assert folder == str(places / "tmp" / f"pos-coach-{UID}")
    assert not (places / "xdg" / "pos-coach").exists()  # nothing made in it
    assert "open to others (mode 755)" in notes[0]


@as_root
def test_a_runtime_dir_of_someone_else_is_not_used(places):
    os.chown(places / "xdg", OTHER_UID, OTHER_UID)
    folder, notes = find_private_dir()
    assert folder == str(places / "tmp" / f"pos-coach-{UID}")
    assert f"belongs to uid {OTHER_UID}" in notes[0]


def test_a_runtime_dir_that_is_a_symlink_is_not_used(places):
    os.environ["XDG_RUNTIME_DIR"] = str(places / "link")
    (places / "link").symlink_to(places / "xdg")
    assert private_dir() == str(places / "tmp" / f"pos-coach-{UID}")


def test_run_user_comes_second(places, monkeypatch):
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    mine = places / "run-user" / str(UID)
    mine.mkdir(parents=True)
    mine.chmod(0o700)
    assert private_dir() == str(mine / "pos-coach")
    assert_private(private_dir())


def test_a_temp_dir_others_may_write_to_without_the_sticky_bit_is_not_used(places):
    (places / "xdg").rmdir()
    (places / "tmp").chmod(0o777)  # anyone could rename our folder away
    folder, notes = find_private_dir()
    assert folder == str(places / "cache" / "pos-coach-run")
    assert "not sticky" in notes[0]


def test_a_folder_too_long_for_a_socket_path_is_passed_over(places):
    deep = places / ("x" * 90)
    deep.mkdir(mode=0o700)
    os.environ["XDG_RUNTIME_DIR"] = str(deep)
    folder, notes = find_private_dir()
    assert folder == str(places / "tmp" / f"pos-coach-{UID}")
    assert "too long for a socket path" in notes[0]
    assert not (deep / "pos-coach").exists()


def test_no_private_folder_at_all_is_an_error_that_says_why(places, tmp_path, capsys):
    (places / "xdg").chmod(0o755)
    (places / "tmp").chmod(0o777)
    (places / "cache").chmod(0o777)
    with pytest.raises(NoPrivateDir) as raised:
        private_dir()
    assert len(raised.value.notes) == 3
    from pos_coach.exits import Exit
    from pos_coach.inlet.trigger import run_trigger

    assert run_trigger("greeting", None, str(tmp_path)) == Exit.NOT_RUNNING
    assert "no folder private to this user" in capsys.readouterr().err


def test_the_trigger_command_imports_nothing_more_than_before():
    """`pos-coach trigger` runs on every event at the till: the folder's checks must not bring
    in pathlib, tempfile, hashlib, typing or the socket wrapper."""
    code = (
        "import sys; before = set(sys.modules); import pos_coach.inlet.trigger; "
        "print(' '.join(sorted(set(sys.modules) - before)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    for heavy in ("pathlib", "tempfile", "hashlib", "typing", "socket", "struct", "PySide6"):
        assert heavy not in loaded
