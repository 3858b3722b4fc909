"""`make run` on a fresh machine: the window's X libraries are installed, or named in one line.

tools/install-run-deps.sh runs here against fake `uname`, `id`, `dpkg-query`, `apt-get`, `sudo`
and `ldconfig` on PATH: what it decides is checked, and nothing is ever installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "tools" / "install-run-deps.sh"
BASH = shutil.which("bash") or "/bin/bash"

FAKES = {
    "uname": 'echo "${FAKE_UNAME:-Linux}"',
    "id": 'echo "${FAKE_UID:-1000}"',
    "dpkg-query": (
        'echo "dpkg-query $*" >>"$FAKE_LOG"\n'
        'for p in $FAKE_INSTALLED; do [ "$p" = "${@: -1}" ] && '
        '{ printf "install ok installed"; exit 0; }; done\n'
        "exit 1"
    ),
    "apt-get": (
        'echo "apt-get $*" >>"$FAKE_LOG"\n'
        'if [ "${FAKE_APT_FAILS:-}" ] && [ "$1" = install ]; then\n'
        '  echo "E: Unable to locate package libxcb-cursor0" >&2; exit 100\n'
        "fi"
    ),
    "sudo": (
        'if [ "$1" = -n ]; then exit "${FAKE_SUDO_N:-0}"; fi\n'
        'echo "sudo $*" >>"$FAKE_LOG"\n'
        'exec "$@"'
    ),
    "ldconfig": (
        'for lib in $FAKE_LIBS; do printf "\\t%s (libc6,x86-64) => /lib/%s\\n" "$lib" "$lib"; done'
    ),
}


def packages_of(script: Path, name: str = "packages") -> list[str]:
    text = script.read_text("utf-8")
    found = re.search(rf"^{name}=\(([^)]*)\)", text, re.MULTILINE)
    assert found, f"{script.name} has no {name}=(...)"
    return found.group(1).split()


RUN_PACKAGES = packages_of(SCRIPT)


def run(tmp_path: Path, *, without: tuple[str, ...] = (), **env: str):
    """The script with the fakes (less ``without``) and only grep and env of the real tools."""
    fakes = tmp_path / "fakes"
    fakes.mkdir(exist_ok=True)
    for name, body in FAKES.items():
        path = fakes / name
        if name in without:
            path.unlink(missing_ok=True)
            continue
        path.write_text(f"#!{BASH}\n{body}\n", "utf-8")
        path.chmod(0o755)
    real = tmp_path / "real"
    real.mkdir(exist_ok=True)
    for tool in ("grep", "env"):
        link = real / tool
        if not link.exists():
            link.symlink_to(shutil.which(tool) or f"/usr/bin/{tool}")
    log = tmp_path / "calls.log"
    log.write_text("", "utf-8")
    environment = {
        "PATH": f"{fakes}{os.pathsep}{real}",
        "HOME": str(tmp_path),
        "FAKE_LOG": str(log),
        **env,
    }
    done = subprocess.run(
        [BASH, str(SCRIPT)],
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    lines = [line for line in (done.stdout + done.stderr).splitlines() if line]
    return done.returncode, lines, log.read_text("utf-8").splitlines()


def installs(calls: list[str]) -> list[str]:
    return [c for c in calls if re.search(r"\bapt-get install\b", c) and not c.startswith("sudo")]


def test_the_list_is_the_test_scripts_without_the_virtual_x_server():
    """One list of the window's libraries: the test script's, less Xvfb and xdotool."""
    test_packages = packages_of(ROOT / "tools" / "install-test-deps.sh")
    assert [p for p in test_packages if p not in ("xvfb", "xdotool")] == RUN_PACKAGES
    assert len(packages_of(SCRIPT, "libraries")) == len(RUN_PACKAGES)  # one library each


def test_nothing_is_said_or_done_when_everything_is_there(tmp_path):
    status, lines, calls = run(tmp_path, DISPLAY=":0", FAKE_INSTALLED=" ".join(RUN_PACKAGES))
    assert (status, lines) == (0, [])
    assert len([c for c in calls if c.startswith("dpkg-query")]) == len(RUN_PACKAGES)
    assert not [c for c in calls if "apt-get" in c]


def test_missing_libraries_are_installed_as_root_after_one_line(tmp_path):
    present = [p for p in RUN_PACKAGES if p not in ("libxcb-cursor0", "libegl1")]
    status, lines, calls = run(
        tmp_path, DISPLAY=":0", FAKE_UID="0", FAKE_INSTALLED=" ".join(present)
    )
    assert status == 0
    assert lines == [
        "install-run-deps: installing the window's X libraries: libxcb-cursor0 libegl1"
    ]
    assert "apt-get update -qq" in calls
    assert installs(calls) == [
        "apt-get install -y -qq --no-install-recommends libxcb-cursor0 libegl1"
    ]
    assert not [c for c in calls if c.startswith("sudo")]


def test_a_user_with_sudo_installs_them_through_sudo(tmp_path):
    status, lines, calls = run(tmp_path, WAYLAND_DISPLAY="wayland-0", FAKE_INSTALLED="")
    assert status == 0
    assert lines == [
        "install-run-deps: installing the window's X libraries with sudo: " + " ".join(RUN_PACKAGES)
    ]
    assert "sudo apt-get update -qq" in calls
    sudo_install = [c for c in calls if c.startswith("sudo env DEBIAN_FRONTEND=noninteractive")]
    assert sudo_install == [
        "sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "
        + " ".join(RUN_PACKAGES)
    ]


@pytest.mark.parametrize("sudo", ["refused", "absent"])
def test_without_root_or_sudo_one_line_names_what_to_install(tmp_path, sudo):
    status, lines, calls = run(
        tmp_path,
        without=("sudo",) if sudo == "absent" else (),
        DISPLAY=":1",
        FAKE_SUDO_N="1",
        FAKE_INSTALLED=" ".join(RUN_PACKAGES[1:]),
    )
    assert status == 0
    assert lines == [
        f"install-run-deps: the window needs these packages: sudo apt-get install {RUN_PACKAGES[0]}"
    ]
    assert not [c for c in calls if "apt-get" in c]


def test_without_apt_get_one_line_names_the_packages(tmp_path):
    status, lines, _calls = run(
        tmp_path, without=("apt-get",), DISPLAY=":0", FAKE_UID="0", FAKE_INSTALLED=""
    )
    assert status == 0
    assert lines == [
        "install-run-deps: the window needs these packages; please install: "
        + " ".join(RUN_PACKAGES)
    ]


def test_a_failed_install_is_said_in_one_line_and_the_app_still_starts(tmp_path):
    status, lines, _calls = run(
        tmp_path, DISPLAY=":0", FAKE_UID="0", FAKE_APT_FAILS="1", FAKE_INSTALLED=""
    )
    assert status == 0  # `make run` goes on: the program explains itself
    assert lines[0].startswith("install-run-deps: installing the window's X libraries: ")
    assert lines[1:] == [
        "install-run-deps: apt-get could not install them (E: Unable to locate package"
        " libxcb-cursor0); please install: " + " ".join(RUN_PACKAGES)
    ]


def test_without_debian_tools_the_missing_libraries_are_named(tmp_path):
    libraries = packages_of(SCRIPT, "libraries")
    status, lines, _calls = run(
        tmp_path,
        without=("dpkg-query", "apt-get"),
        DISPLAY=":0",
        FAKE_LIBS=" ".join(lib for lib in libraries if lib != "libxcb-cursor.so.0"),
    )
    assert status == 0
    assert lines == [
        "install-run-deps: the window needs these libraries; install your system's packages"
        " for: libxcb-cursor.so.0"
    ]
    status, lines, _ = run(
        tmp_path, without=("dpkg-query", "apt-get"), DISPLAY=":0", FAKE_LIBS=" ".join(libraries)
    )
    assert (status, lines) == (0, [])


def test_no_display_says_how_to_try_it_headless(tmp_path):
    status, lines, calls = run(tmp_path, FAKE_INSTALLED="")
    assert status == 0
    assert lines == [
        "install-run-deps: no display found; to try it headless: QT_QPA_PLATFORM=offscreen make run"
    ]
    assert calls == []  # nothing checked, nothing installed


@pytest.mark.parametrize("platform", ["offscreen", "wayland", "eglfs"])
def test_another_qt_platform_needs_no_x_libraries(tmp_path, platform):
    status, lines, calls = run(tmp_path, QT_QPA_PLATFORM=platform, FAKE_INSTALLED="")
    assert (status, lines, calls) == (0, [], [])


def test_the_x_platform_asked_for_by_name_is_checked(tmp_path):
    status, lines, _ = run(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=":0", FAKE_SUDO_N="1")
    assert status == 0
    assert lines and "sudo apt-get install" in lines[0]


@pytest.mark.parametrize("system", ["Darwin", "FreeBSD", "MINGW64_NT-10.0"])
def test_other_systems_are_left_alone(tmp_path, system):
    status, lines, calls = run(tmp_path, FAKE_UNAME=system, DISPLAY=":0", FAKE_INSTALLED="")
    assert (status, lines, calls) == (0, [], [])
