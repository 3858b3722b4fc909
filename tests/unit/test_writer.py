"""Saving cards keeps the owner's file as written: only changed keys move, every write is atomic."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from pos_coach.cards import Category, load_pack, writer
from pos_coach.cards.writer import EditError

MESSY = """\
# Greeting: the first thing a customer hears.
# Keep it warm.

title   =   "Customer comes to the till"    # shown on the tile
category = 'everyday'

summary = \"\"\"Look up, smile, greet them first.\"\"\"
hotkey="F1"
order = 1
tags = [ "hello",  "welcome" ]   # what people type

# What to do, in order
steps = ["Look up from the screen at the customer.", "Smile and say hello first."]
say = [
    "{greeting}!",        # the short one

    "Hi there, nice to see you.",
  "{greeting}! I'm {cashier}, I'll take care of you.",
]
avoid = ['Scanning in silence.']
wow   = [ "Notice something kind and mention it." ]
# end of card
"""

NEW_VALUES = {
    "title": "Customer asks for a bag",
    "category": "everyday",
    "summary": "Offer a bag before you start scanning.",
    "hotkey": "Ctrl+B",
    "order": 30,
    "tags": ["bag", "пакет"],
    "steps": ["Ask about a bag.", "Add it to the receipt."],
    "say": ['Would you like a bag? We have "eco" ones.', "A bag for you?"],
    "then": [],  # optional and empty: left out of the file
    "avoid": ["Packing without asking."],
    "wow": ["Pack heavy things at the bottom."],
    "escalate": "",
}

NEW_TEXT = """\
title = "Customer asks for a bag"
category = "everyday"
summary = "Offer a bag before you start scanning."
hotkey = "Ctrl+B"
order = 30
tags = ["bag", "пакет"]
steps = [
  "Ask about a bag.",
  "Add it to the receipt.",
]
say = [
  "Would you like a bag? We have \\"eco\\" ones.",
  "A bag for you?",
]
avoid = [
  "Packing without asking.",
]
wow = [
  "Pack heavy things at the bottom.",
]
"""

PACK_TOML = """\
# The categories of our shop: keep them few.
name = "Test pack"

[categories.everyday]
label = "Everyday"  # the first tab
colour = "#2E6B3F"
order = 1

# things that go wrong
[categories.security]
label = "Security"
colour = "#8A2E2E"
order = 2

[categories.care]
label = "Extra care"
colour = "#1D6B6B"
order = 3
"""


def values_of(root: Path, lang: str, card_id: str) -> dict:
    result = load_pack(root)
    return writer.card_values(result.packs[lang].cards[card_id])


def assert_clean(root: Path) -> None:
    """Every file of the pack is valid TOML and the pack loads without a single problem."""
    for path in root.glob("[a-z][a-z]/*.toml"):
        tomllib.loads(path.read_text("utf-8-sig"))
    result = load_pack(root)
    assert [p.format("en", root) for p in result.problems] == []


def no_temp_files(root: Path) -> bool:
    return not [p for p in root.rglob(".*") if p.is_file()]


# -- style-preserving saves ------------------------------------------------------------------


def test_editing_one_phrasing_changes_only_that_line(pack: Path):
    path = pack / "en" / "greeting.toml"
    path.write_text(MESSY, "utf-8")
    values = values_of(pack, "en", "greeting")
    values["say"][1] = 'Hi there! Nice to see you "again".'
    writer.save_card(pack, "en", "greeting", values)
    expected = MESSY.replace(
        '    "Hi there, nice to see you.",', '    "Hi there! Nice to see you \\"again\\".",'
    )
    assert expected != MESSY
    assert path.read_text("utf-8") == expected
    assert_clean(pack)


def test_saving_unchanged_values_leaves_the_file_alone(pack: Path):
    path = pack / "en" / "greeting.toml"
    path.write_text(MESSY, "utf-8")
    before = path.stat().st_mtime_ns
    writer.save_card(pack, "en", "greeting", values_of(pack, "en", "greeting"))
    assert path.read_text("utf-8") == MESSY
    assert path.stat().st_mtime_ns == before


def test_one_line_list_stays_on_one_line(pack: Path):
    path = pack / "en" / "gate-alarm.toml"
    original = path.read_text("utf-8")
    values = values_of(pack, "en", "gate-alarm")
    values["steps"].append("Thank them.")
    values["tags"] = ["alarm", "beeping"]
    writer.save_card(pack, "en", "gate-alarm", values)
    expected = original.replace(
        '"Check the bag together with the customer."]',
        '"Check the bag together with the customer.", "Thank them."]',
    ).replace('tags = ["alarm", "gate", "beeping"]', 'tags = ["alarm", "beeping"]')
    assert path.read_text("utf-8") == expected
    assert_clean(pack)


def test_multi_line_list_stays_multi_line(pack: Path):
    path = pack / "en" / "gate-alarm.toml"
    original = path.read_text("utf-8")
    values = values_of(pack, "en", "gate-alarm")
    values["say"] = [values["say"][0], "A new phrasing.", values["say"][2]]
    writer.save_card(pack, "en", "gate-alarm", values)
    expected = original.replace(
        '  "Apologies for the wait! Our gate is being fussy.",\n', '  "A new phrasing.",\n'
    )
    assert path.read_text("utf-8") == expected
    assert_clean(pack)


def test_multi_line_list_in_another_layout_is_rewritten_one_item_per_line(pack: Path):
    path = pack / "en" / "greeting.toml"
    text = path.read_text("utf-8")
    old_avoid = 'avoid = ["Scanning in silence."]'
    path.write_text(text.replace(old_avoid, 'avoid = ["Scanning in silence.",\n         "x"]'))
    values = values_of(pack, "en", "greeting")
    values["avoid"] = ["Scanning in silence.", "Chatting to a colleague."]
    writer.save_card(pack, "en", "greeting", values)
    new_avoid = 'avoid = [\n  "Scanning in silence.",\n  "Chatting to a colleague.",\n]'
    assert path.read_text("utf-8") == text.replace(old_avoid, new_avoid)
    assert_clean(pack)


def test_adding_escalate_to_a_card_without_it(pack: Path):
    path = pack / "en" / "greeting.toml"
    original = path.read_text("utf-8")
    values = values_of(pack, "en", "greeting")
    values["escalate"] = 'If they shout, call the shift lead: "lead".'
    writer.save_card(pack, "en", "greeting", values)
    escalate = 'escalate = "If they shout, call the shift lead: \\"lead\\"."\n'
    assert path.read_text("utf-8") == original + escalate
    assert_clean(pack)
    assert load_pack(pack).packs["en"].cards["greeting"].escalate == values["escalate"]


def test_a_new_key_goes_after_the_key_before_it(pack: Path):
    path = pack / "en" / "gate-alarm.toml"
    original = path.read_text("utf-8")
    values = values_of(pack, "en", "gate-alarm")
    values["order"] = 5
    writer.save_card(pack, "en", "gate-alarm", values)
    expected = original.replace('hotkey = "F2"\n', 'hotkey = "F2"\norder = 5\n')
    assert path.read_text("utf-8") == expected
    assert_clean(pack)


def test_removing_the_hotkey_removes_its_line(pack: Path):
    path = pack / "en" / "greeting.toml"
    original = path.read_text("utf-8")
    values = values_of(pack, "en", "greeting")
    values["hotkey"] = None
    values["tags"] = []
    writer.save_card(pack, "en", "greeting", values)
    expected = original.replace('hotkey = "F1"\n', "").replace('tags = ["hello", "welcome"]\n', "")
    assert path.read_text("utf-8") == expected
    assert_clean(pack)
    assert load_pack(pack).packs["en"].cards["greeting"].hotkey is None


def test_a_key_left_out_of_the_values_is_kept(pack: Path):
    path = pack / "en" / "greeting.toml"
    original = path.read_text("utf-8")
    values = values_of(pack, "en", "greeting")
    del values["order"]  # the card form has no order field
    values["title"] = "Hello at the till"
    writer.save_card(pack, "en", "greeting", values)
    expected = original.replace(
        'title = "Customer comes to the till"', 'title = "Hello at the till"'
    )
    assert path.read_text("utf-8") == expected


def test_windows_line_ends_and_byte_order_mark_are_kept(pack: Path):
    path = pack / "en" / "greeting.toml"
    original = path.read_text("utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + original.encode("utf-8"))
    values = values_of(pack, "en", "greeting")
    values["escalate"] = "Call the lead."
    values["summary"] = "Smile first."
    writer.save_card(pack, "en", "greeting", values)
    expected = (
        original.replace("Look up, smile, greet them first.", "Smile first.")
        + 'escalate = "Call the lead."\r\n'
    )
    assert path.read_bytes() == b"\xef\xbb\xbf" + expected.encode("utf-8")
    assert_clean(pack)


def test_a_new_card_is_written_in_the_shipped_layout(pack: Path):
    for lang in ("ru", "en"):
        writer.create_card(pack, lang, "bag-request", NEW_VALUES)
    assert (pack / "en" / "bag-request.toml").read_text("utf-8") == NEW_TEXT
    assert_clean(pack)
    card = load_pack(pack).packs["en"].cards["bag-request"]
    assert writer.card_values(card) == NEW_VALUES


def test_texts_that_need_escapes_stay_valid_toml(pack: Path):
    values = values_of(pack, "en", "greeting")
    values["escalate"] = 'Tab\there, back\\slash, "quotes",\nnew line and \x07 bell'
    values["say"][0] = "{greeting}! 'single' \"double\" «ёлочки»"
    path = writer.save_card(pack, "en", "greeting", values)
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["escalate"] == values["escalate"]
    assert data["say"][0] == values["say"][0]


def test_card_values_round_trip_through_a_new_file(pack: Path):
    result = load_pack(pack)
    for lang, card_pack in result.packs.items():
        for card in card_pack.cards.values():
            text = writer.render_card(writer.card_values(card))
            path = pack / lang / f"{card.id}.toml"
            path.write_text(text, "utf-8")
    again = load_pack(pack)
    assert again.problems == []
    for lang, card_pack in result.packs.items():
        assert again.packs[lang].cards == card_pack.cards


def test_a_card_that_is_not_valid_toml_is_kept_in_the_trash_and_written_afresh(pack: Path):
    values = values_of(pack, "en", "greeting")
    path = pack / "en" / "greeting.toml"
    path.write_text('title = "broken\n', "utf-8")
    writer.save_card(pack, "en", "greeting", values)
    assert path.read_text("utf-8") == writer.render_card(values)
    [entry] = writer.list_trash(pack)
    assert (entry.folder / "en" / "greeting.toml").read_text("utf-8") == 'title = "broken\n'
    assert_clean(pack)


def test_unknown_keys_and_wrong_types_are_refused(pack: Path):
    values = values_of(pack, "en", "greeting")
    with pytest.raises(EditError, match="sumary"):
        writer.save_card(pack, "en", "greeting", {**values, "sumary": "x"})
    with pytest.raises(EditError, match="'say' must be a list of texts"):
        writer.save_card(pack, "en", "greeting", {**values, "say": "one"})
    with pytest.raises(EditError, match="language"):
        writer.save_card(pack, "../x", "greeting", values)


# -- atomic writes ---------------------------------------------------------------------------


def test_writes_leave_no_temp_files(pack: Path):
    values = values_of(pack, "en", "greeting")
    values["say"].append("One more.")
    writer.save_card(pack, "en", "greeting", values)
    writer.create_card(pack, "en", "new-card", NEW_VALUES)
    writer.duplicate_card(pack, "gate-alarm", "gate-alarm-2")
    writer.save_categories(pack, "en", [Category("everyday", "Daily", "#2E6B3F", 1)])
    assert no_temp_files(pack)


def test_a_failed_write_leaves_the_old_file(pack: Path, monkeypatch: pytest.MonkeyPatch):
    path = pack / "en" / "greeting.toml"
    original = path.read_bytes()
    values = values_of(pack, "en", "greeting")
    values["title"] = "Half-written?"

    def crash(src: object, dst: object) -> None:
        raise OSError("disk pulled out")

    monkeypatch.setattr(writer.os, "replace", crash)
    with pytest.raises(OSError, match="disk pulled out"):
        writer.save_card(pack, "en", "greeting", values)
    assert path.read_bytes() == original
    assert no_temp_files(pack)


def test_atomic_write_replaces_the_whole_file(tmp_path: Path):
    folder = tmp_path / "folder"
    folder.mkdir()
    path = folder / "card.toml"
    path.write_text("old text that is longer than the new one\n")
    writer.atomic_write(path, "new\n")
    assert path.read_text() == "new\n"
    writer.atomic_write(path, b"bytes\n")
    assert path.read_bytes() == b"bytes\n"
    assert [p.name for p in folder.iterdir()] == ["card.toml"]


# -- create, duplicate, rename, delete, restore ----------------------------------------------


def test_create_refuses_an_existing_or_invalid_id(pack: Path):
    with pytest.raises(EditError, match="already exists"):
        writer.create_card(pack, "en", "greeting", NEW_VALUES)
    with pytest.raises(EditError, match="not a valid card id"):
        writer.create_card(pack, "en", "Bag Request", NEW_VALUES)
    with pytest.raises(EditError, match="not a valid card id"):
        writer.create_card(pack, "en", "../evil", NEW_VALUES)
    assert not (pack / "evil.toml").exists()


@pytest.mark.parametrize("card_id", ["con", "prn", "aux", "nul", "com1", "lpt9", "a" * 65])
def test_create_duplicate_and_rename_refuse_ids_windows_cannot_have(pack: Path, card_id: str):
    before = sorted(p.name for p in pack.rglob("*"))
    for attempt in (
        lambda: writer.create_card(pack, "en", card_id, NEW_VALUES),
        lambda: writer.duplicate_card(pack, "greeting", card_id),
        lambda: writer.rename_card(pack, "greeting", card_id),
    ):
        with pytest.raises(EditError, match=r"Windows keeps the name|characters long; at most 64"):
            attempt()
    assert sorted(p.name for p in pack.rglob("*")) == before


def test_ids_up_to_64_characters_and_names_only_near_a_device_are_fine(pack: Path):
    for card_id in ("a" * 64, "con-desk", "com10", "lpt0", "nul-bag", "auxiliary"):
        writer.create_card(pack, "en", card_id, NEW_VALUES)
        assert (pack / "en" / f"{card_id}.toml").exists()


def test_create_duplicate_rename_delete_restore_round_trip(pack: Path):
    values = {**NEW_VALUES, "hotkey": None}  # a duplicate copies the text, hotkey and all
    for lang in ("ru", "en"):
        writer.create_card(pack, lang, "bag-request", values)
    copies = writer.duplicate_card(pack, "bag-request", "bag-request-2")
    assert sorted(p.relative_to(pack).as_posix() for p in copies) == [
        "en/bag-request-2.toml",
        "ru/bag-request-2.toml",
    ]
    assert copies[0].read_bytes() == copies[0].with_name("bag-request.toml").read_bytes()

    renamed = writer.rename_card(pack, "bag-request-2", "bag-offer")
    assert all(p.name == "bag-offer.toml" and p.exists() for p in renamed)
    assert not list(pack.glob("*/bag-request-2.toml"))
    with pytest.raises(EditError, match="already exists"):
        writer.rename_card(pack, "bag-offer", "greeting")
    with pytest.raises(EditError, match="already exists"):
        writer.duplicate_card(pack, "bag-offer", "bag-request")

    first = writer.delete_card(pack, "bag-offer")
    second = writer.delete_card(pack, "greeting")
    assert first.card_id == "bag-offer"
    assert first.langs == ("ru", "en")
    assert first.deleted_at.utcoffset() is not None
    assert first.deleted_at.utcoffset().total_seconds() == 0
    assert (first.folder / "ru" / "bag-offer.toml").is_file()
    assert first.folder.parent == pack / ".trash"
    assert [e.card_id for e in writer.list_trash(pack)] == ["greeting", "bag-offer"]
    assert "greeting" not in load_pack(pack).packs["en"].cards

    restored = writer.restore_card(pack, second)
    assert sorted(p.relative_to(pack).as_posix() for p in restored) == [
        "en/greeting.toml",
        "ru/greeting.toml",
    ]
    assert [e.card_id for e in writer.list_trash(pack)] == ["bag-offer"]
    writer.restore_card(pack, first)
    assert writer.list_trash(pack) == []
    assert {"bag-offer", "bag-request", "greeting"} <= set(load_pack(pack).packs["ru"].cards)
    assert_clean(pack)


def test_restore_refuses_when_the_id_exists_again(pack: Path):
    entry = writer.delete_card(pack, "loyalty-card")
    writer.create_card(pack, "en", "loyalty-card", NEW_VALUES)
    with pytest.raises(EditError, match="exists again"):
        writer.restore_card(pack, entry)
    assert (entry.folder / "en" / "loyalty-card.toml").is_file()
    assert (entry.folder / "ru" / "loyalty-card.toml").is_file()
    assert not (pack / "ru" / "loyalty-card.toml").exists()  # nothing half-restored
    assert writer.list_trash(pack) == [entry]


def test_the_trash_is_never_loaded_as_a_language(pack: Path):
    writer.delete_card(pack, "gate-alarm")
    assert (pack / ".trash").is_dir()
    result = load_pack(pack)
    assert set(result.packs) == {"ru", "en"}
    assert "gate-alarm" not in result.packs["ru"].cards
    assert result.problems == []


def test_deleting_or_renaming_a_missing_card_is_refused(pack: Path):
    with pytest.raises(EditError, match="no card"):
        writer.delete_card(pack, "no-such-card")
    with pytest.raises(EditError, match="no card"):
        writer.rename_card(pack, "no-such-card", "other")


# -- categories --------------------------------------------------------------------------------


def test_categories_add_rename_recolour_reorder_remove_keep_comments(pack: Path):
    path = pack / "en" / "pack.toml"
    path.write_text(PACK_TOML, "utf-8")
    writer.save_categories(
        pack,
        "en",
        [
            Category("everyday", "Every day", "#2E6B3F", 1),
            Category("security", "Security", "#112233", 5),
            Category("payment", 'Money "&" cards', "#1F4E79", 3),
        ],
    )
    expected = """\
# The categories of our shop: keep them few.
name = "Test pack"

[categories.everyday]
label = "Every day"  # the first tab
colour = "#2E6B3F"
order = 1

# things that go wrong
[categories.security]
label = "Security"
colour = "#112233"
order = 5

[categories.payment]
label = "Money \\"&\\" cards"
colour = "#1F4E79"
order = 3
"""
    assert path.read_text("utf-8") == expected
    assert_clean(pack)
    categories = load_pack(pack).packs["en"].categories
    assert categories["payment"].label == 'Money "&" cards'
    assert "care" not in categories


def test_saving_the_same_categories_changes_nothing(pack: Path):
    path = pack / "en" / "pack.toml"
    path.write_text(PACK_TOML, "utf-8")
    writer.save_categories(pack, "en", list(load_pack(pack).packs["en"].categories.values()))
    assert path.read_text("utf-8") == PACK_TOML


def test_categories_refuse_bad_ids(pack: Path):
    with pytest.raises(EditError, match="not a valid category id"):
        writer.save_categories(pack, "en", [Category("Every Day", "x", "#000000")])


# -- the audit diff ----------------------------------------------------------------------------


def test_changes_lists_only_changed_keys():
    before = {
        "title": "Old",
        "say": ("a", "b"),
        "escalate": "",
        "hotkey": "F1",
        "tags": [],
        "order": 0,
    }
    after = {
        "title": "New",
        "say": ["a", "b"],
        "escalate": "Call the lead.",
        "hotkey": None,
        "tags": [],
        "order": 0,
        "summary": "Fresh",
    }
    diff = writer.changes(before, after)
    assert diff == {
        "title": {"from": "Old", "to": "New"},
        "summary": {"from": None, "to": "Fresh"},
        "hotkey": {"from": "F1", "to": None},
        "escalate": {"from": "", "to": "Call the lead."},
    }
    assert list(diff) == ["title", "summary", "hotkey", "escalate"]
    assert json.loads(json.dumps(diff)) == diff


def test_changes_of_a_new_card_leave_out_empty_optional_keys():
    diff = writer.changes(None, NEW_VALUES)
    assert "escalate" not in diff
    assert diff["say"] == {"from": None, "to": NEW_VALUES["say"]}
    assert writer.changes(NEW_VALUES, dict(NEW_VALUES)) == {}
    json.dumps(diff)
