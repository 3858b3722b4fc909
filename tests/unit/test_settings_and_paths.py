"""Settings file and data-dir resolution."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pos_coach import paths
from pos_coach.settings import Settings


def test_defaults_then_saved_values(data_dir):
    settings = Settings.in_dir(data_dir)
    assert (settings["store"], settings["register"], settings.cashiers) == ("", "1", [])
    settings["store"] = "Ромашка"
    settings["cashiers"] = ["Анна", " ", "Олег"]
    settings.save()
    again = Settings.in_dir(data_dir)
    assert again["store"] == "Ромашка"
    assert again.cashiers == ["Анна", "Олег"]
    assert json.loads((data_dir / "settings.json").read_text("utf-8"))["store"] == "Ромашка"


def test_wrong_type_is_refused(data_dir):
    with pytest.raises(TypeError):
        Settings.in_dir(data_dir)["cashiers"] = "Анна"


def test_broken_file_is_kept_aside_and_defaults_used(data_dir):
    (data_dir / "settings.json").write_text("{not json", "utf-8")
    settings = Settings.in_dir(data_dir)
    assert settings["register"] == "1"
    assert settings.warning and "settings.json" in settings.warning
    kept = list(data_dir.glob("settings.broken-*.json"))
    assert len(kept) == 1 and kept[0].read_text("utf-8") == "{not json"


def test_unknown_and_mistyped_entries_are_ignored(data_dir):
    (data_dir / "settings.json").write_text('{"store": 5, "register": "7", "colour": "x"}', "utf-8")
    settings = Settings.in_dir(data_dir)
    assert (settings["store"], settings["register"]) == ("", "7")


def test_data_dir_resolution(monkeypatch, tmp_path):
    assert paths.data_dir(tmp_path / "opt") == tmp_path / "opt"
    monkeypatch.setenv("POS_COACH_DATA_DIR", str(tmp_path / "env"))
    assert paths.data_dir() == tmp_path / "env"
    monkeypatch.delenv("POS_COACH_DATA_DIR")
    assert paths.data_dir().name == "pos-coach"


def test_situations_resolution(monkeypatch, tmp_path):
    assert paths.situations_dir(tmp_path) == tmp_path
    monkeypatch.setenv("POS_COACH_SITUATIONS", str(tmp_path / "env"))
    assert paths.situations_dir() == tmp_path / "env"
    monkeypatch.delenv("POS_COACH_SITUATIONS")
    assert paths.situations_dir() == Path(__file__).resolve().parents[2] / "situations"
