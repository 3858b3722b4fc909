"""The wheel's build hook: the translations compiled, or the build stopped with a reason.

hatch_build.py is loaded here with a stand-in for hatchling's base class (hatchling lives in
the build's own environment, not in the project's); the real build is tests/e2e/test_wheel.py.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from tests.conftest import ROOT

TS = sorted((ROOT / "resources" / "translations").glob("*.ts"))


class StandInHook:
    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self.said: list[str] = []
        self.app = types.SimpleNamespace(display_info=self.said.append)


@pytest.fixture
def hook(monkeypatch):
    names = ["hatchling", "hatchling.builders", "hatchling.builders.hooks"]
    names += ["hatchling.builders.hooks.plugin", "hatchling.builders.hooks.plugin.interface"]
    for name in names:
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    sys.modules["hatchling.builders.hooks.plugin.interface"].BuildHookInterface = StandInHook
    spec = importlib.util.spec_from_file_location("hatch_build", ROOT / "hatch_build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_tool(tmp_path: Path, body: str) -> Path:
    tool = tmp_path / "lrelease"
    tool.write_text(f"#!/bin/sh\n{body}\n", "utf-8")
    tool.chmod(0o755)
    return tool


def a_checkout(tmp_path: Path) -> Path:
    root = tmp_path / "checkout"
    folder = root / "resources" / "translations"
    folder.mkdir(parents=True)
    for ts in TS:
        shutil.copy2(ts, folder)
    (folder / "pos_coach_ru.qm").write_bytes(b"stale")  # left by an old `make translations`
    return root


def loads(qm: Path) -> bool:
    return QTranslator().load(str(qm))


def test_the_wheel_gets_freshly_compiled_translations_where_the_program_looks(hook, tmp_path):
    root = a_checkout(tmp_path)
    builder = hook.TranslationsHook(root)
    build_data: dict = {}
    builder.initialize("standard", build_data)
    forced = build_data["force_include"]
    assert sorted(forced.values()) == [
        "pos_coach/resources/translations/pos_coach_en.qm",
        "pos_coach/resources/translations/pos_coach_ru.qm",
    ]
    made = [Path(source) for source in forced]
    assert all(loads(qm) for qm in made)
    assert not any(qm.is_relative_to(root) for qm in made)  # the checkout is left as it was
    assert (root / "resources" / "translations" / "pos_coach_ru.qm").read_bytes() == b"stale"
    builder.finalize("standard", build_data, "pos_coach.whl")
    assert not any(qm.exists() for qm in made)


def test_an_editable_install_compiles_beside_the_sources(hook, tmp_path):
    root = a_checkout(tmp_path)
    build_data: dict = {}
    hook.TranslationsHook(root).initialize("editable", build_data)
    folder = root / "resources" / "translations"
    assert loads(folder / "pos_coach_ru.qm") and loads(folder / "pos_coach_en.qm")
    assert "force_include" not in build_data


def test_lrelease_is_found_in_the_build_environments_pyside6(hook):
    found = hook.find_lrelease()
    assert found.is_file()
    assert found.parent == Path(importlib.util.find_spec("PySide6").origin).parent


def test_no_lrelease_stops_the_build_saying_why(hook, tmp_path, monkeypatch):
    monkeypatch.setattr(hook.importlib.util, "find_spec", lambda name: None)
    monkeypatch.setattr(hook.sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(hook.TranslationsError) as raised:
        hook.TranslationsHook(a_checkout(tmp_path)).initialize("standard", {})
    said = str(raised.value)
    assert "cannot compile the translations" in said
    assert "lrelease was not found" in said
    assert "no Russian interface, so the build stops" in said
    assert "PySide6-Essentials" in said


def test_an_lrelease_that_cannot_run_stops_the_build(hook, tmp_path):
    broken = tmp_path / "lrelease"
    broken.write_bytes(b"\x7fELF not really")
    broken.chmod(0o755)
    with pytest.raises(hook.TranslationsError, match="could not be run"):
        hook.compile_translations(TS, tmp_path / "out", broken)


def test_an_lrelease_that_fails_stops_the_build_with_its_words(hook, tmp_path):
    tool = fake_tool(tmp_path, 'echo "Parse error at line 3: unexpected end" >&2; exit 1')
    with pytest.raises(hook.TranslationsError) as raised:
        hook.compile_translations(TS, tmp_path / "out", tool)
    assert f"failed on {TS[0].name} (exit status 1): Parse error at line 3" in str(raised.value)
    assert list((tmp_path / "out").iterdir()) == []


def test_an_lrelease_that_makes_nothing_stops_the_build(hook, tmp_path):
    with pytest.raises(hook.TranslationsError, match=r"made no pos_coach_en\.qm"):
        hook.compile_translations(TS, tmp_path / "out", fake_tool(tmp_path, "exit 0"))


def test_no_sources_stop_the_build(hook, tmp_path):
    with pytest.raises(hook.TranslationsError, match=r"no \.ts file was found"):
        hook.compile_translations([], tmp_path / "out", fake_tool(tmp_path, "exit 0"))
