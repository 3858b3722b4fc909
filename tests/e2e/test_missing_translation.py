"""An install without the compiled Russian translation says so, on stderr and in the window.

The program runs from a copy of the package laid out as an installed wheel is (its resources
inside it), once with the ``.ts`` sources only, as the wheels were before the build hook, and
once with the compiled ``.qm`` too.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from pos_coach.app import translations_dir
from pos_coach.inlet.client import request
from tests.conftest import ROOT, SMALL_PACK
from tests.e2e.running import STARTED, wait_until_answering


def installed_copy(tmp_path: Path, with_qm: bool) -> Path:
    site = tmp_path / "site"
    shutil.copytree(
        ROOT / "pos_coach", site / "pos_coach", ignore=shutil.ignore_patterns("__pycache__")
    )
    folder = site / "pos_coach" / "resources" / "translations"
    folder.mkdir(parents=True)
    for ts in translations_dir().glob("*.ts"):
        shutil.copy2(ts, folder)
        if with_qm:
            shutil.copy2(ts.with_suffix(".qm"), folder)
    return site


def run_from(site: Path, data: Path, lang: str) -> tuple[bool, str]:
    """Whether the banner shows, and what the program said on stderr."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(site)}
    command = [sys.executable, "-m", "pos_coach", "run", "--situations", str(SMALL_PACK)]
    process = subprocess.Popen(
        [*command, "--data-dir", str(data), "--lang", lang],
        cwd=site.parent,  # not the checkout: its pos_coach must not be the one imported
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    STARTED.append(process)
    try:
        wait_until_answering(data, process)
        banner = bool(request(data, {"cmd": "where", "name": "bannerText"})["ok"])
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    return banner, err


def test_a_missing_russian_translation_is_said_on_stderr_and_in_the_banner(tmp_path):
    site = installed_copy(tmp_path, with_qm=False)
    banner, err = run_from(site, tmp_path / "data", "ru")
    qm = site / "pos_coach" / "resources" / "translations" / "pos_coach_ru.qm"
    line = (
        f"pos-coach: The interface is in English: the ru translation {qm} is missing;"
        " reinstall POS Coach (from a source checkout: make translations)"
    )
    assert line in err.splitlines()
    assert banner  # the small pack has no problems: the banner shows for the translation


def test_english_and_a_complete_install_say_nothing(tmp_path):
    bare = installed_copy(tmp_path / "bare", with_qm=False)
    banner, err = run_from(bare, tmp_path / "data-en", "en")
    assert (banner, "translation" in err) == (False, False)
    complete = installed_copy(tmp_path / "complete", with_qm=True)
    banner, err = run_from(complete, tmp_path / "data-ru", "ru")
    assert (banner, "translation" in err) == (False, False)
