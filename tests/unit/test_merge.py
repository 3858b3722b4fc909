"""keep_last_good: a card broken on disk stays as it was; a deleted card goes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pos_coach.cards import load_pack
from pos_coach.cards.merge import keep_last_good
from pos_coach.cards.model import FALLBACK_COLOUR, LoadResult
from tests.conftest import SMALL_PACK


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, root)
    return root


def first_load(root: Path, lang: str = "en"):
    return load_pack(root).packs[lang]


def test_a_clean_reload_is_the_fresh_pack(pack_dir):
    before = first_load(pack_dir)
    (pack_dir / "en" / "greeting.toml").write_text(
        (pack_dir / "en" / "greeting.toml").read_text().replace("Customer comes", "Guest comes")
    )
    fresh = load_pack(pack_dir)
    pack, kept = keep_last_good(before, fresh, "en")
    assert kept == []
    assert pack.cards == fresh.packs["en"].cards
    assert pack.cards["greeting"].title == "Guest comes to the till"
    assert pack.categories == fresh.packs["en"].categories


def test_a_broken_card_keeps_its_last_good_version(pack_dir):
    before = first_load(pack_dir)
    (pack_dir / "en" / "gate-alarm.toml").write_text('title = "Security gate\n')
    fresh = load_pack(pack_dir)
    assert "gate-alarm" not in fresh.packs["en"].cards
    pack, kept = keep_last_good(before, fresh, "en")
    assert kept == ["gate-alarm"]
    assert pack.cards["gate-alarm"] is before.cards["gate-alarm"]
    assert set(pack.cards) == {"greeting", "loyalty-card", "gate-alarm"}


def test_a_deleted_card_disappears(pack_dir):
    before = first_load(pack_dir)
    (pack_dir / "en" / "gate-alarm.toml").unlink()
    pack, kept = keep_last_good(before, load_pack(pack_dir), "en")
    assert kept == []
    assert "gate-alarm" not in pack.cards


def test_a_draft_rename_counts_as_deleted(pack_dir):
    before = first_load(pack_dir)
    lang_dir = pack_dir / "en"
    (lang_dir / "gate-alarm.toml").rename(lang_dir / "_gate-alarm.toml")
    pack, kept = keep_last_good(before, load_pack(pack_dir), "en")
    assert (kept, "gate-alarm" in pack.cards) == ([], False)


def test_a_kept_card_brings_its_category(pack_dir):
    """The only card of "security" is broken, and its category was removed from pack.toml."""
    before = first_load(pack_dir)
    pack_file = pack_dir / "en" / "pack.toml"
    pack_file.write_text(pack_file.read_text().split("[categories.security]")[0])
    (pack_dir / "en" / "gate-alarm.toml").write_text("say = [")
    pack, kept = keep_last_good(before, load_pack(pack_dir), "en")
    assert kept == ["gate-alarm"]
    assert pack.categories["security"] == before.categories["security"]


def test_a_broken_pack_file_keeps_the_category_labels(pack_dir):
    before = first_load(pack_dir)
    (pack_dir / "en" / "pack.toml").write_text("name = ")
    fresh = load_pack(pack_dir)
    assert fresh.packs["en"].categories["security"].colour == FALLBACK_COLOUR
    pack, kept = keep_last_good(before, fresh, "en")
    assert kept == []
    assert pack.categories["security"] == before.categories["security"]
    assert set(pack.cards) == set(before.cards)


def test_a_fresh_card_wins_the_hotkey_of_a_kept_one(pack_dir):
    before = first_load(pack_dir)
    lang_dir = pack_dir / "en"
    (lang_dir / "gate-alarm.toml").write_text("broken = ")
    greeting = (lang_dir / "greeting.toml").read_text()
    (lang_dir / "greeting.toml").write_text(greeting.replace('hotkey = "F1"', 'hotkey = "F2"'))
    pack, kept = keep_last_good(before, load_pack(pack_dir), "en")
    assert kept == ["gate-alarm"]
    assert pack.cards["greeting"].hotkey == "F2"
    assert pack.cards["gate-alarm"].hotkey is None
    assert pack.cards["gate-alarm"].title == before.cards["gate-alarm"].title


def test_a_missing_language_falls_back_to_the_previous_pack(pack_dir):
    before = first_load(pack_dir)
    shutil.rmtree(pack_dir / "en")
    fresh = load_pack(pack_dir)
    assert "en" not in fresh.packs
    pack, kept = keep_last_good(before, fresh, "en")
    assert pack is before
    assert kept == [card.id for card in before.ordered_cards()]


def test_nothing_before_and_nothing_now_is_an_empty_pack():
    pack, kept = keep_last_good(None, LoadResult(), "ru")
    assert (pack.lang, pack.cards, kept) == ("ru", {}, [])


def test_nothing_before_is_the_fresh_pack(pack_dir):
    fresh = load_pack(pack_dir)
    pack, kept = keep_last_good(None, fresh, "ru")
    assert pack is fresh.packs["ru"]
    assert kept == []
