"""Build hook: the wheel carries the compiled translations (``.qm``), not only their sources.

The window loads ``pos_coach/resources/translations/pos_coach_<lang>.qm``; a checkout has only
the ``.ts`` sources (``make translations`` compiles them in place). Every wheel build compiles
``resources/translations/*.ts`` with Qt's ``lrelease`` (from PySide6-Essentials, a build
requirement) and puts the results where the installed program looks. An editable install reads
the checkout's own folder, so there the ``.qm`` are compiled beside the ``.ts``, as ``make
translations`` does. A build whose translations cannot be compiled stops: a program without its
Russian interface is not one to install.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCES = Path("resources") / "translations"
TARGET = "pos_coach/resources/translations"  # where pos_coach.app.translations_dir() looks
LRELEASE_TIMEOUT = 120


class TranslationsError(RuntimeError):
    """The translations cannot be compiled; the message says why and what to do."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            f"pos-coach: cannot compile the translations ({SOURCES}/*.ts to .qm): {reason}."
            " Without them an installed POS Coach has no Russian interface, so the build stops."
            " Qt's lrelease comes with PySide6-Essentials, a build requirement in pyproject.toml"
            " (when building with --no-build-isolation, install PySide6-Essentials first)."
        )


def find_lrelease() -> Path:
    """Qt's ``lrelease``: inside the PySide6 package of the build environment, else the
    ``pyside6-lrelease`` script beside this Python or on PATH."""
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / name
        if candidate.is_file():
            return candidate
    script = "pyside6-lrelease.exe" if sys.platform == "win32" else "pyside6-lrelease"
    beside = Path(sys.executable).with_name(script)
    if beside.is_file():
        return beside
    found = shutil.which("pyside6-lrelease")
    if found:
        return Path(found)
    raise TranslationsError("lrelease was not found in this build environment")


def compile_translations(sources: list[Path], out_dir: Path, lrelease: Path) -> list[Path]:
    """Compile each ``.ts`` of ``sources`` to ``out_dir/<stem>.qm``; the ``.qm`` files made."""
    if not sources:
        raise TranslationsError("no .ts file was found")
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for ts in sources:
        qm = out_dir / f"{ts.stem}.qm"
        qm.unlink(missing_ok=True)  # a stale one must not pass for a fresh compile
        try:
            done = subprocess.run(
                [str(lrelease), "-silent", str(ts), "-qm", str(qm)],
                capture_output=True,
                text=True,
                timeout=LRELEASE_TIMEOUT,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise TranslationsError(f"{lrelease} could not be run: {exc}") from exc
        said = " ".join((done.stderr or done.stdout or "").split())
        said = f": {said}" if said else ""
        if done.returncode != 0:
            qm.unlink(missing_ok=True)  # half a file is worse than none
            raise TranslationsError(
                f"{lrelease} failed on {ts.name} (exit status {done.returncode}){said}"
            )
        if not qm.is_file() or qm.stat().st_size == 0:
            raise TranslationsError(f"{lrelease} made no {qm.name} from {ts.name}{said}")
        made.append(qm)
    return made


class TranslationsHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        sources = sorted((root / SOURCES).glob("*.ts"))
        lrelease = find_lrelease()
        if version == "editable":  # the package is read from the checkout: compile in place
            compile_translations(sources, root / SOURCES, lrelease)
            return
        self._made = Path(tempfile.mkdtemp(prefix="pos-coach-qm-"))
        made = compile_translations(sources, self._made, lrelease)
        force = build_data.setdefault("force_include", {})
        for qm in made:  # replaces any .qm left in the checkout by an earlier `make`
            force[os.fspath(qm)] = f"{TARGET}/{qm.name}"
        self.app.display_info(f"translations compiled: {', '.join(q.name for q in made)}")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        made = getattr(self, "_made", None)
        if made is not None:
            shutil.rmtree(made, ignore_errors=True)
