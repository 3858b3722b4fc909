"""The owner's reference and the README stay true to the code."""

from __future__ import annotations

import re

import pytest

from pos_coach.cards import load_pack
from pos_coach.cards.schema import CardFile, CategoryEntry, PackFile
from pos_coach.cli import cli
from pos_coach.i18n import MESSAGES
from pos_coach.settings import SETTINGS
from tests.conftest import ROOT, SMALL_PACK

OWNER_DOC = (ROOT / "situations" / "README.md").read_text("utf-8")
README = (ROOT / "README.md").read_text("utf-8")

PROBLEM_CODES = [
    "toml_syntax",
    "not_utf8",
    "too_large",
    "bad_id",
    "reserved_id",
    "long_id",
    "missing_key",
    "unknown_key",
    "wrong_type",
    "empty_text",
    "too_long",
    "too_few",
    "too_many",
    "out_of_range",
    "one_line",
    "bad_colour",
    "bad_category_id",
    "unknown_category",
    "bad_hotkey",
    "reserved_hotkey",
    "duplicate_hotkey",
    "unknown_placeholder",
    "stray_brace",
    "missing_translation",
    "missing_pack_file",
    "no_languages",
    "not_a_folder",
    "unreadable",
]


@pytest.mark.parametrize(
    "key", [*CardFile.model_fields, *PackFile.model_fields, *CategoryEntry.model_fields]
)
def test_every_key_is_documented(key):
    assert f"| `{key}` |" in OWNER_DOC


@pytest.mark.parametrize("code", PROBLEM_CODES)
def test_every_problem_message_is_documented(code):
    english = MESSAGES[code]["en"]
    chunks = [
        c for c in re.split(r"\{[^{}]*\}", english.replace("{{", "{").replace("}}", "}")) if c
    ]
    longest = max(chunks, key=len).strip()
    assert longest in OWNER_DOC, f"{code}: {longest!r} is not in situations/README.md"


def test_the_example_card_in_the_reference_is_valid(tmp_path):
    block = OWNER_DOC.split("## A card", 1)[1].split("```toml", 1)[1].split("```", 1)[0]
    pack = tmp_path / "pack"
    (pack / "en").mkdir(parents=True)
    (pack / "en" / "pack.toml").write_text(
        (SMALL_PACK / "en" / "pack.toml").read_text("utf-8"), "utf-8"
    )
    (pack / "en" / "gate-alarm.toml").write_text(block, "utf-8")
    result = load_pack(pack)
    assert result.problems == []
    assert result.packs["en"].cards["gate-alarm"].hotkey == "F2"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command):
    assert f"pos-coach {command}" in README


@pytest.mark.parametrize("setting", [s.name for s in SETTINGS])
def test_every_setting_is_in_the_readme(setting):
    assert f"`{setting}`" in README


def test_readme_shows_the_two_commands():
    assert "make run" in README and "make test" in README


def test_readme_lists_the_shipped_situations():
    """Run `python tools/situations_table.py` after changing the pack."""
    from pos_coach.cards.table import END, START, situations_table

    table = situations_table(load_pack(ROOT / "situations"))
    assert f"{START}\n{table}\n{END}" in README


def test_readme_settings_table_is_made_from_the_settings():
    """Run `python tools/settings_table.py` after changing a setting."""
    from pos_coach.settings import END, START, settings_table

    assert f"{START}\n{settings_table()}\n{END}" in README


def test_every_setting_has_a_rule_the_readme_shows():
    for setting in SETTINGS:
        assert setting.help and setting.rule("en") and setting.rule("ru")
        assert setting.allows(setting.default), setting.name


def test_every_kind_of_event_is_in_the_journal_table():
    from pos_coach.journal.events import KINDS

    row = next(line for line in README.splitlines() if line.startswith("| `kind` |"))
    assert [k for k in KINDS if f"`{k}`" not in row] == []
