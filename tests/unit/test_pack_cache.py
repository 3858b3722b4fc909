"""The pack cache: the counter starts from the last validated pack, never from a stale one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pos_coach.cards import cache
from pos_coach.cards.cache import cache_path, load_for_start, load_pack_cached
from pos_coach.cards.loader import load_pack
from pos_coach.cards.model import LoadResult
from tests.conftest import FAULTY_PACK, SHIPPED_PACK


@pytest.fixture
def no_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on a full load fails the test: what follows must come from the cache."""

    def refuse(root: Path) -> LoadResult:
        raise AssertionError(f"the pack at {root} was parsed again")

    monkeypatch.setattr("pos_coach.cards.loader.load_pack", refuse)


def rendered(result: LoadResult) -> list[str]:
    return [p.format(lang) for p in result.problems for lang in ("ru", "en")]


@pytest.mark.parametrize("root", [SHIPPED_PACK, FAULTY_PACK], ids=["shipped", "faulty"])
def test_the_cached_pack_is_the_loaded_pack(root: Path, data_dir: Path, request) -> None:
    fresh = load_pack(root)
    first = load_pack_cached(root, data_dir)
    assert cache_path(root, data_dir).is_file()
    request.getfixturevalue("no_loading")
    again = load_pack_cached(root, data_dir)
    assert again.packs == fresh.packs == first.packs
    assert [c.path for p in again.packs.values() for c in p.cards.values()] == [
        c.path for p in fresh.packs.values() for c in p.cards.values()
    ]
    assert again.problems == fresh.problems
    assert rendered(again) == rendered(fresh)  # every message reads the same, in both languages


def test_an_edited_card_is_read_again(pack: Path, data_dir: Path) -> None:
    load_pack_cached(pack, data_dir)
    card = pack / "en" / "loyalty-card.toml"
    text = card.read_text("utf-8")
    stat = card.stat()
    # same length, and the old modification time put back: the change time still tells
    card.write_text(text.replace("Loyalty card", "Loyalty cart"), "utf-8")
    os.utime(card, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert card.stat().st_size == stat.st_size
    assert (
        load_pack_cached(pack, data_dir).packs["en"].cards["loyalty-card"].title == "Loyalty cart"
    )


def test_new_and_removed_cards_are_seen(pack: Path, data_dir: Path) -> None:
    load_pack_cached(pack, data_dir)
    shutil.copy(pack / "en" / "greeting.toml", pack / "en" / "hello-again.toml")
    (pack / "en" / "gate-alarm.toml").unlink()
    cards = load_pack_cached(pack, data_dir).packs["en"].cards
    assert "hello-again" in cards
    assert "gate-alarm" not in cards


def test_a_new_problem_is_reported_and_a_fix_clears_it(pack: Path, data_dir: Path) -> None:
    assert load_pack_cached(pack, data_dir).problems == []
    card = pack / "ru" / "greeting.toml"
    good = card.read_text("utf-8")
    card.write_text(good.replace("title", "titel", 1), "utf-8")
    broken = load_pack_cached(pack, data_dir)
    assert {p.code for p in broken.problems if p.path == card} == {"unknown_key", "missing_key"}
    card.write_text(good, "utf-8")
    assert load_pack_cached(pack, data_dir).problems == []


@pytest.mark.parametrize("junk", [b"", b"\x00\xff garbage", b'{"root": 1}', b"[]", b'{"a": 1}'])
def test_a_damaged_cache_is_ignored_and_replaced(pack: Path, data_dir: Path, junk: bytes) -> None:
    expected = load_pack_cached(pack, data_dir)
    path = cache_path(pack, data_dir)
    path.write_bytes(junk)
    assert load_pack_cached(pack, data_dir).packs == expected.packs
    assert path.read_bytes() != junk


def test_a_cache_that_cannot_be_written_costs_only_the_shortcut(pack: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the data dir's cache folder would go")
    result = load_pack_cached(pack, blocked)
    assert set(result.packs["ru"].cards) == {"greeting", "loyalty-card", "gate-alarm"}
    assert not cache.write_cache(cache_path(pack, blocked), pack, [], result)


def test_each_pack_folder_has_its_own_cache(pack: Path, data_dir: Path) -> None:
    load_pack_cached(pack, data_dir)
    load_pack_cached(SHIPPED_PACK, data_dir)
    assert cache_path(pack, data_dir) != cache_path(SHIPPED_PACK, data_dir)
    assert set(load_pack_cached(pack, data_dir).packs["ru"].cards) == {
        "greeting",
        "loyalty-card",
        "gate-alarm",
    }


def test_a_pack_that_is_not_a_folder_is_reported(tmp_path: Path, data_dir: Path) -> None:
    result = load_pack_cached(tmp_path / "nowhere", data_dir)
    assert [p.code for p in result.problems] == ["not_a_folder"]
    assert not (data_dir / cache.CACHE_DIR).exists()


def test_the_counter_starts_from_the_last_checked_pack_and_is_told_to_check(
    pack: Path, data_dir: Path
) -> None:
    result, stale = load_for_start(pack, data_dir)  # first start ever: checked in full
    assert not stale and result.packs["en"].cards["loyalty-card"].title == "Loyalty card"
    assert load_for_start(pack, data_dir)[1] is False  # nothing changed
    card = pack / "en" / "loyalty-card.toml"
    card.write_text(card.read_text("utf-8").replace("Loyalty card", "Bonus card"), "utf-8")
    result, stale = load_for_start(pack, data_dir)
    assert stale  # changed while the app was closed: shown as last checked, checked right after
    assert result.packs["en"].cards["loyalty-card"].title == "Loyalty card"
    assert load_pack_cached(pack, data_dir).packs["en"].cards["loyalty-card"].title == "Bonus card"
    assert load_for_start(pack, data_dir) == (load_pack_cached(pack, data_dir), False)


def test_a_cache_from_another_version_is_never_used(
    pack: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_pack_cached(pack, data_dir)
    monkeypatch.setattr(cache, "__version__", "99.0")
    card = pack / "en" / "loyalty-card.toml"
    card.write_text(card.read_text("utf-8").replace("Loyalty card", "Bonus card"), "utf-8")
    result, stale = load_for_start(pack, data_dir)
    assert not stale and result.packs["en"].cards["loyalty-card"].title == "Bonus card"


def test_the_cache_folder_and_file_are_this_users_only(pack: Path, tmp_path: Path) -> None:
    """Seen from outside: cache/ was 0755 and the cached pack 0644 while every other file of
    the data folder is private."""
    import stat

    data = tmp_path / "fresh-data"
    load_for_start(pack, data)
    cached = cache_path(pack, data)
    assert cached.exists()
    assert stat.S_IMODE(os.stat(cached.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(cached).st_mode) == 0o600
