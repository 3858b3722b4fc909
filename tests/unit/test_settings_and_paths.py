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


def test_files_kept_aside_in_the_same_second_never_replace_each_other(tmp_path):
    """Set-asides are named by the second; a second one in that second gets a name of its own
    (before, it replaced the first copy, whose bytes were then gone)."""
    kept = []
    for n in range(4):
        original = tmp_path / "journal.db"
        original.write_bytes(f"copy {n}".encode())
        Path(f"{original}-wal").write_bytes(f"wal {n}".encode())
        kept.append(paths.keep_aside(original, "damaged", companions=("-wal", "-shm")))
        assert not original.exists() and not Path(f"{original}-wal").exists()
    assert len(set(kept)) == 4
    for n, name in enumerate(kept):
        assert name.read_bytes() == f"copy {n}".encode()
        assert Path(f"{name}-wal").read_bytes() == f"wal {n}".encode()


def test_a_name_taken_by_an_earlier_copy_is_never_replaced(tmp_path, monkeypatch):
    """Even where hard links are impossible (a FAT stick), an existing copy is not replaced."""

    def no_links(*args, **kwargs):
        raise PermissionError("no hard links here")

    monkeypatch.setattr(paths.os, "link", no_links)
    (tmp_path / "settings.json").write_text("{first", "utf-8")
    first = paths.keep_aside(tmp_path / "settings.json", "broken")
    (tmp_path / "settings.json").write_text("{second", "utf-8")
    second = paths.keep_aside(tmp_path / "settings.json", "broken")
    assert first != second
    assert (first.read_text("utf-8"), second.read_text("utf-8")) == ("{first", "{second")


def test_broken_settings_twice_in_a_second_keep_both_copies(data_dir):
    for text in ("{one", "{two"):
        (data_dir / "settings.json").write_text(text, "utf-8")
        Settings.in_dir(data_dir)
    kept = sorted(p.read_text("utf-8") for p in data_dir.glob("settings.broken-*.json"))
    assert kept == ["{one", "{two"]
