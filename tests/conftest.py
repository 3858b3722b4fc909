"""Every test runs with its own data and config dirs: no test ever touches a real journal."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SMALL_PACK = DATA / "small"
FAULTY_PACK = DATA / "faulty"
SHIPPED_PACK = ROOT / "situations"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("POS_COACH_DATA_DIR", str(tmp_path / "pos-coach-data"))
    monkeypatch.delenv("POS_COACH_SITUATIONS", raising=False)
    return tmp_path


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A copy of the small test pack, for tests that change its files."""
    root = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, root)
    return root


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path
