"""`pip install .` from a clean checkout gives a complete program: Russian included.

A copy of the checkout without anything `make` builds (no ``.qm``, no venv) is built into a
wheel as pip builds it, the wheel is installed with its dependencies into a fresh venv, and the
installed program speaks Russian on the command line and in the window.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pos_coach.cards import load_pack
from pos_coach.i18n import message
from pos_coach.inlet.client import request
from tests.conftest import ROOT
from tests.e2e.running import STARTED, wait_until_answering

pytestmark = pytest.mark.slow

# pip's own cache, found before the tests give HOME a folder of their own
PIP_CACHE = os.environ.get("PIP_CACHE_DIR") or str(
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pip"
)
NOT_IN_A_CLEAN_CHECKOUT = shutil.ignore_patterns(
    ".git", ".venv", ".*_cache", ".hypothesis", "__pycache__", "*.qm", "*.egg-info", "var",
    "build", "dist",
)  # fmt: skip
BIN = "Scripts" if sys.platform == "win32" else "bin"


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, capture_output=True, text=True, timeout=900, **kwargs)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The clean copy of the checkout and the wheel built from it."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "checkout"
    shutil.copytree(ROOT, source, ignore=NOT_IN_A_CLEAN_CHECKOUT)
    assert not list(source.rglob("*.qm"))
    env = {**os.environ, "PIP_CACHE_DIR": PIP_CACHE}
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(work / "dist"), "."],
        cwd=source, env=env)  # fmt: skip
    (wheel,) = (work / "dist").glob("pos_coach-*.whl")
    return source, wheel


@pytest.fixture(scope="module")
def venv(built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel and its dependencies installed; its bin folder."""
    _source, wheel = built
    folder = tmp_path_factory.mktemp("venv") / "venv"
    run([sys.executable, "-m", "venv", str(folder)])
    bin_dir = folder / BIN
    env = {**os.environ, "PIP_CACHE_DIR": PIP_CACHE}
    run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], env=env)
    return bin_dir


def outside(tmp_path: Path) -> dict[str, object]:
    """Run from a folder of its own, with nothing of the checkout on the module path."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return {"cwd": tmp_path, "env": {**env, "QT_QPA_PLATFORM": "offscreen"}}


def test_the_wheel_carries_the_compiled_translations_and_the_situations(built):
    source, wheel = built
    names = set(zipfile.ZipFile(wheel).namelist())
    for lang in ("ru", "en"):
        qm = f"pos_coach/resources/translations/pos_coach_{lang}.qm"
        assert qm in names
        assert zipfile.ZipFile(wheel).getinfo(qm).file_size > 0
    situations = sorted(
        "pos_coach/situations/" + p.relative_to(source / "situations").as_posix()
        for p in (source / "situations").rglob("*")
        if p.is_file()
    )
    assert situations
    assert [name for name in situations if name not in names] == []


def test_the_installed_program_speaks_russian(built, venv, tmp_path):
    source, _wheel = built
    pack = load_pack(source / "situations")
    done = run([str(venv / "pos-coach"), "check", "--lang", "ru"], **outside(tmp_path))
    args = {"cards": pack.card_count, "langs": len(pack.packs)}
    assert done.stdout.strip() == message("check_summary_ok", "ru", args)

    probe = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from pos_coach.app import install_translators, translations_dir\n"
        "app = QCoreApplication([])\n"
        "missing = []\n"
        "assert install_translators(app, 'ru', missing), 'no translator loaded'\n"
        "print(translations_dir())\n"
        "print(missing)\n"
        "print(QCoreApplication.translate('CounterWindow', 'Found'))\n"
    )
    done = run([str(venv / "python"), "-c", probe], **outside(tmp_path))
    folder, missing, found = done.stdout.splitlines()
    assert Path(folder).is_relative_to(venv.parent)  # the installed package's own folder
    assert (missing, found) == ("[]", "Найдено")


def test_the_installed_window_starts_in_russian_without_a_warning(venv, tmp_path):
    data = tmp_path / "data"
    process = subprocess.Popen(
        [str(venv / "pos-coach"), "run", "--data-dir", str(data), "--lang", "ru"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        **outside(tmp_path),
    )
    STARTED.append(process)
    try:
        wait_until_answering(data, process)
        answer = request(data, {"cmd": "trigger", "id": "gate-alarm"})
        banner = request(data, {"cmd": "where", "name": "bannerText"})["ok"]
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert answer["ok"] is True, answer
    assert "translation" not in err
    assert banner is False
