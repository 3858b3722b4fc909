"""Settings file and data-dir resolution."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pos_coach import paths
from pos_coach.settings import SETTINGS, Settings


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
    [line] = settings.warning_lines("en")
    assert str(data_dir / "settings.json") in line and "defaults are used" in line
    assert "settings.broken-" in line
    kept = list(data_dir.glob("settings.broken-*.json"))
    assert len(kept) == 1 and kept[0].read_text("utf-8") == "{not json"


def test_unknown_and_mistyped_entries_are_ignored(data_dir):
    (data_dir / "settings.json").write_text('{"store": 5, "register": "7", "colour": "x"}', "utf-8")
    settings = Settings.in_dir(data_dir)
    assert (settings["store"], settings["register"]) == ("", "7")
    assert [w.args["name"] for w in settings.warnings] == ["store"]  # said; "colour" is unknown


# -- ranges and rules: every setting, out of range or of the wrong type, falls back to its default


def write_settings(data_dir: Path, values: dict) -> Settings:
    (data_dir / "settings.json").write_text(json.dumps(values), "utf-8")
    return Settings.in_dir(data_dir)


REFUSED = [
    ("auto_return_seconds", 3_000_000),  # 34.7 days: more than a Qt timer holds
    ("auto_return_seconds", -1),
    ("auto_return_seconds", 120.0),
    ("auto_return_seconds", "120"),
    ("auto_return_seconds", True),  # a bool is not a whole number
    ("lock_minutes", 0),
    ("lock_minutes", 1441),
    ("http_port", 70_000),
    ("http_port", 80),
    ("http_port", None),
    ("side_display", 1),  # a whole number is not a bool
    ("http_enabled", "true"),
    ("trigger_flash", 0),
    ("store", "x" * 81),
    ("register", "r" * 41),
    ("register", 7),
    ("http_token", "t" * 129),
    ("lead_pin", "h" * 257),
    ("lead_pin_failures", -1),
    ("lead_pin_failures", 10**7),
    ("owner_pin_failed_at", 10**15),
    ("timezone", "Mars/Olympus"),
    ("timezone", "Europe"),  # a folder of zones, not a zone
    ("timezone", "../../etc/passwd"),
    ("cashiers", "Анна"),
    ("cashiers", ["Анна", 5]),
    ("cashiers", ["n" * 41]),
    ("cashiers", [f"cashier {n}" for n in range(101)]),
]


@pytest.mark.parametrize("name, value", REFUSED, ids=lambda v: str(v)[:20])
def test_a_value_out_of_range_or_of_the_wrong_type_is_reported_and_the_default_used(
    data_dir, name, value
):
    settings = write_settings(data_dir, {name: value, "trigger_sound": True})
    default = next(s.default for s in SETTINGS if s.name == name)
    assert settings[name] == default
    assert settings["trigger_sound"] is True  # the other settings are used
    [line] = settings.warning_lines("en")
    path = str(data_dir / "settings.json")
    assert line.startswith(f"{path}: {name} = ")
    assert "is not allowed (" in line
    assert line.endswith(f"the default {json.dumps(default)} is used")
    [russian] = settings.warning_lines("ru")
    assert russian.startswith(f"{path}: {name} = ") and "значение по умолчанию" in russian


def test_the_warning_names_the_value_and_the_range(data_dir):
    settings = write_settings(data_dir, {"auto_return_seconds": 3_000_000, "http_port": 70_000})
    assert settings.warning_lines("en") == [
        f"{data_dir / 'settings.json'}: auto_return_seconds = 3000000 is not allowed"
        " (a whole number from 0 to 86400); the default 120 is used",
        f"{data_dir / 'settings.json'}: http_port = 70000 is not allowed"
        " (a whole number from 1024 to 65535); the default 8765 is used",
    ]
    assert settings.warning_lines("ru")[0] == (
        f"{data_dir / 'settings.json'}: auto_return_seconds = 3000000 — недопустимое значение"
        " (нужно: целое число от 0 до 86400); используется значение по умолчанию 120"
    )


def test_secrets_are_not_repeated_and_long_values_are_cut(data_dir):
    token = "tok3n-" * 30
    settings = write_settings(data_dir, {"http_token": token, "store": "S" * 500})
    token_line, store_line = settings.warning_lines("en")
    assert "tok3n" not in token_line and "http_token = (not shown)" in token_line
    assert len(store_line) < 300 and "…" in store_line


def test_values_within_range_are_used(data_dir):
    values = {
        "auto_return_seconds": 86_400,
        "lock_minutes": 1,
        "http_port": 65_535,
        "side_display": True,
        "store": "x" * 80,
        "timezone": "Europe/Moscow",
        "cashiers": ["n" * 40] * 100,
        "lead_pin_failures": 1_000_000,
    }
    settings = write_settings(data_dir, values)
    assert settings.warnings == []
    assert {name: settings[name] for name in values} == values


def test_many_refused_values_make_a_short_banner(data_dir):
    settings = write_settings(data_dir, {s.name: {"not": "right"} for s in SETTINGS})
    assert len(settings.warning_lines("en")) == len(SETTINGS)
    banner = settings.warning_lines("en", at_most=3)
    assert len(banner) == 3 and banner[2].startswith(f"…and {len(SETTINGS) - 2} more setting(s)")


def test_setting_a_value_out_of_range_in_code_is_refused(data_dir):
    settings = Settings.in_dir(data_dir)
    with pytest.raises(ValueError):
        settings["auto_return_seconds"] = 3_000_000
    with pytest.raises(TypeError):
        settings["auto_return_seconds"] = True
    with pytest.raises(TypeError):
        settings["side_display"] = 1
    assert settings["auto_return_seconds"] == 120 and settings["side_display"] is False


def test_a_deeply_nested_file_is_kept_aside_not_a_crash(data_dir):
    (data_dir / "settings.json").write_text("[" * 100_000, "utf-8")
    settings = Settings.in_dir(data_dir)
    assert settings["register"] == "1" and len(settings.warnings) == 1


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


def test_the_counter_looks_the_time_zone_up_after_its_start(data_dir):
    """Reading the zone database costs the start milliseconds: at start only the name's form
    is checked, the lookup comes after the first paint (check_zone) and is said the same way."""
    settings = write_settings(data_dir, {"timezone": "Mars/Olympus"})  # looked up: refused
    assert settings["timezone"] == "" and len(settings.warnings) == 1
    early = Settings.in_dir(data_dir, look_up_zone=False)
    assert early["timezone"] == "Mars/Olympus" and early.warnings == []
    warning = early.check_zone()
    assert warning is not None and early["timezone"] == "" and early.warnings == [warning]
    assert warning.text("en") == settings.warning_lines("en")[0]
    shapeless = write_settings(data_dir, {"timezone": "../../etc/passwd"})
    assert Settings.in_dir(data_dir, look_up_zone=False).warnings != []  # refused by its form
    assert shapeless["timezone"] == ""
    fine = write_settings(data_dir, {"timezone": "Europe/Moscow"})
    assert fine.check_zone() is None and fine["timezone"] == "Europe/Moscow"


def test_the_start_of_the_counter_does_not_read_the_zone_database(data_dir, pack):
    write_settings(data_dir, {"timezone": "Europe/Moscow"})
    code = (
        "import sys; from pathlib import Path; from pos_coach.app import Options, build_core;"
        f"build_core(Options(Path({str(pack)!r}), Path({str(data_dir)!r}), 'en'));"
        "print('zoneinfo' in sys.modules)"
    )
    for _ in range(2):  # the first start ever checks every card (pydantic reads zones itself)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr  # the usual start, from the cache


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_settings_file_saved_by_notepad_is_read_whole(data_dir, encoding):
    """Notepad saves UTF-8 with a byte-order mark (or UTF-16, its "Unicode"), and CRLF line
    ends. Before, such a file was set aside as broken and the defaults used: the store's name,
    the register and the PIN hashes gone."""
    text = '{\r\n  "store": "Ромашка",\r\n  "register": "7",\r\n  "lead_pin": "scrypt$x"\r\n}\r\n'
    (data_dir / "settings.json").write_bytes(text.encode(encoding))
    settings = Settings.in_dir(data_dir)
    assert (settings["store"], settings["register"]) == ("Ромашка", "7")
    assert settings["lead_pin"] == "scrypt$x"
    assert not list(data_dir.glob("settings.broken-*"))


def test_text_with_control_characters_or_half_a_surrogate_is_not_used(data_dir):
    (data_dir / "settings.json").write_text(
        '{"store": "\\ud800 shop", "register": "a\\u0000b", "cashiers": ["Anna", "x\\u001b"]}',
        "utf-8",
    )
    settings = Settings.in_dir(data_dir)
    assert (settings["store"], settings["register"], settings.cashiers) == ("", "1", [])
    lines = settings.warning_lines("en")
    assert any("store" in line for line in lines) and any("register" in line for line in lines)
