"""The one-folder bundle (packaging/pos-coach.spec), built and run as a till would run it: with
no Python installed beside it.

Building takes a minute or more, so it happens once for this module: ``dist/pos-coach`` is used
when it is newer than every file it is made from (as ``make bundle`` leaves it), otherwise the
bundle is built into a temporary folder.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e.running import LAUNCHER, STARTED, wait_until_answering
from tests.e2e.test_side_display_focus import display  # noqa: F401 - an Xvfb, as a fixture

pytestmark = pytest.mark.slow

SPEC = ROOT / "packaging" / "pos-coach.spec"
BUILT = ROOT / "dist" / "pos-coach"
PROGRAM = "pos-coach.exe" if sys.platform == "win32" else "pos-coach"
# what the bundle is made of: a change to any of these makes dist/pos-coach out of date
SOURCES = ("packaging", "pos_coach", "situations", "resources", "pyproject.toml")
PYTHON_TOOL = re.compile(r"^(python|pydoc|pip|idle|2to3|pyvenv|py3)")


def newest_source() -> float:
    times = [Path(sysconfig.get_paths()["purelib"]).stat().st_mtime]  # packages (un)installed
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        times += [p.stat().st_mtime for p in files if "__pycache__" not in p.parts]
    return max(times)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle's program: from dist/pos-coach when that is up to date, else built now."""
    built = BUILT / PROGRAM
    if built.is_file() and built.stat().st_mtime > newest_source():
        return built
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("building the bundle needs PyInstaller: pip install 'pyinstaller>=6.10'")
    work = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [
            *(sys.executable, "-m", "PyInstaller", "--noconfirm"),
            *("--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return work / "dist" / "pos-coach" / PROGRAM


@pytest.fixture
def till(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The environment of a machine without Python: the system's tools on PATH but no Python
    among them, no PYTHONPATH, no virtual env; a home of its own, no screen."""
    tools = tmp_path / "bin"
    tools.mkdir()
    for folder in (Path("/usr/bin"), Path("/bin")):
        for tool in folder.iterdir() if folder.is_dir() else ():
            if not PYTHON_TOOL.match(tool.name) and not (tools / tool.name).exists():
                (tools / tool.name).symlink_to(tool)
    assert not any(PYTHON_TOOL.match(p.name) for p in tools.iterdir())
    home = tmp_path / "home"  # this process's home too (tests/conftest.py)
    home.mkdir(exist_ok=True)
    env = {"PATH": str(tools), "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    # this process must find the app's socket where the bundle, in that environment, puts it
    for name in ("XDG_RUNTIME_DIR", "TMPDIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    return env


def run(bundle: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(bundle), *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_bundle_carries_only_the_qt_the_app_uses(bundle):
    internal = bundle.parent / "_internal"
    modules = {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*.*")}
    assert {m for m in modules if not m.startswith("Qt6")} == {  # Windows: Qt6*.dll beside
        "QtCore",
        "QtGui",
        "QtWidgets",
        "QtNetwork",
    }
    unused = re.compile(r"Qt6(Qml|Quick|WebEngine|Pdf|Multimedia|Svg|OpenGL|Wayland)")
    assert not [p.name for p in internal.rglob("*Qt6*") if unused.search(p.name)]
    platforms = {p.name for p in internal.rglob("plugins/platforms/*")}
    if sys.platform == "win32":
        assert platforms == {"qoffscreen.dll", "qwindows.dll"}
    else:
        assert platforms == {"libqoffscreen.so", "libqxcb.so"}


def test_bundle_checks_its_shipped_pack(bundle, till):
    result = run(bundle, till, "check", "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.match(r"\d+ cards", result.stdout), result.stdout


def test_bundle_finds_the_refund_card_for_a_russian_word(bundle, till):
    result = run(bundle, till, "search", "возврат", "--lang", "ru", "--format", "json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert "return-refund" in [hit["id"] for hit in hits[:3]]


def test_bundle_reports_on_a_demo_journal(bundle, till, tmp_path):
    data = tmp_path / "demo"
    made = run(bundle, till, "demo", "--days", "7", "--per-day", "20", "--data-dir", str(data))
    assert made.returncode == 0, made.stderr
    result = run(bundle, till, "report", "--data-dir", str(data), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["rows"]
    assert sum(row["interactions"] for row in rows) > 0
    # the same figures as the program run from its sources, in the same environment
    source = subprocess.run(
        [*LAUNCHER, "report", "--data-dir", str(data), "--format", "json"],
        env=till,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert json.loads(source.stdout)["rows"] == rows


@pytest.fixture(params=["offscreen", "xcb"])
def counter(
    request: pytest.FixtureRequest, bundle: Path, till: dict[str, str], tmp_path: Path
) -> Iterator[tuple[Path, int]]:
    """The bundle's window on a data dir of its own, stopped by its pid: headless, and on an
    X server (Xvfb) through the bundle's own xcb plugin, as on a Linux till."""
    env = dict(till)
    if request.param == "xcb":
        env.update(QT_QPA_PLATFORM="xcb", DISPLAY=request.getfixturevalue("display"))
    data = tmp_path / "data"
    process = subprocess.Popen(
        [str(bundle), "run", "--data-dir", str(data), "--lang", "en"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    STARTED.append(process)  # killed by the e2e conftest should this test fail half-way
    wait_until_answering(data, process)
    yield data, process.pid
    os.kill(process.pid, signal.SIGTERM)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert "Traceback" not in err


def test_bundle_shows_a_card_triggered_from_the_bundle(bundle, till, counter):
    data, _pid = counter
    result = run(bundle, till, "trigger", "gate-alarm", "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "shown: gate-alarm"
    conn = sqlite3.connect(data / "journal.db")
    try:
        shown = conn.execute("SELECT situation FROM events WHERE kind = 'shown'").fetchall()
    finally:
        conn.close()
    assert shown == [("gate-alarm",)]


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux's /proc")
def test_the_running_bundle_loads_no_python_from_outside(bundle, counter):
    _data, pid = counter
    maps = Path(f"/proc/{pid}/maps").read_text().splitlines()
    mapped = {line.split(maxsplit=5)[5] for line in maps if len(line.split(maxsplit=5)) == 6}
    inside = str(bundle.parent.resolve()) + os.sep
    outside = [path for path in mapped if "python" in path.lower() and not path.startswith(inside)]
    assert not outside
    assert any(re.search(r"libpython3\.\d+", path) for path in mapped)  # its own
