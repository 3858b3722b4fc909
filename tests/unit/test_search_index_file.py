"""The search index kept on disk between starts: read back, it searches exactly as the one
built from the cards; a stale, damaged or foreign file is never used."""

from __future__ import annotations

import shutil

import pytest

from pos_coach.cards.cache import index_path, load_pack_cached
from pos_coach.library import Library
from tests.conftest import SHIPPED_PACK

# written the way cashiers type, not taken from the cards
QUERIES = [
    "возрат",
    "нет сдачи",
    "карта не проходит",
    "hfvrf",
    "паспорт на пиво",
    "бабуля",
    "alarm went off",
    "wants the manager",
    "ID for beer",
    "vozvrat",
    "refund",
    "хамит",
]


def library(pack, data_dir, lang="ru") -> Library:
    load = load_pack_cached(pack, data_dir)
    return Library(
        load.pack_for(lang), load.packs.values(), index_path(pack, data_dir, lang), load.digest
    )


def ranked(lib: Library) -> list[list[tuple[str, float]]]:
    return [[(h.card.id, h.score) for h in lib.search_hits(q)] for q in QUERIES]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_kept_index_searches_as_the_built_one(tmp_path, lang):
    built = library(SHIPPED_PACK, tmp_path, lang)
    expected = ranked(built)
    kept = index_path(SHIPPED_PACK, tmp_path, lang)
    assert kept.is_file()
    assert kept.stat().st_mode & 0o777 == 0o600
    again = library(SHIPPED_PACK, tmp_path, lang)
    written = kept.stat().st_mtime_ns
    assert ranked(again) == expected
    assert kept.stat().st_mtime_ns == written  # read, not built and written again
    assert any(expected)  # the queries find cards at all


def test_an_edited_pack_gets_a_new_index(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(SHIPPED_PACK, pack)
    data = tmp_path / "data"
    before = library(pack, data)
    assert not before.search("зеленыйслон")
    card = pack / "ru" / "greeting.toml"
    text = card.read_text("utf-8")
    card.write_text(text.replace("tags = [", 'tags = ["зеленыйслон", ', 1), "utf-8")
    after = library(pack, data)
    assert [c.id for c in after.search("зеленыйслон")][:1] == ["greeting"]


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"\xe3" * 100])
def test_a_damaged_index_file_is_built_again(tmp_path, damage):
    expected = ranked(library(SHIPPED_PACK, tmp_path))
    kept = index_path(SHIPPED_PACK, tmp_path, "ru")
    kept.write_bytes(damage if damage else kept.read_bytes()[: len(kept.read_bytes()) // 2])
    assert ranked(library(SHIPPED_PACK, tmp_path)) == expected
    assert len(kept.read_bytes()) > 1000  # written anew


def test_an_index_kept_for_other_cards_is_not_used(tmp_path):
    small = tmp_path / "small"
    shutil.copytree(SHIPPED_PACK, small)
    for card in sorted((small / "ru").glob("*.toml"))[5:]:
        if card.name != "pack.toml":
            card.unlink()
    data = tmp_path / "data"
    library(small, data).warm_up()  # its index, kept
    kept = index_path(small, data, "ru")
    # the same place, a file of another pack's index: its key does not fit these cards
    shutil.copyfile(kept, tmp_path / "small.marshal")
    full = ranked(library(SHIPPED_PACK, data))
    shutil.copyfile(tmp_path / "small.marshal", index_path(SHIPPED_PACK, data, "ru"))
    again = library(SHIPPED_PACK, data)
    assert ranked(again) == full


# a second start, as a process of its own: what it imports is what the counter imports
AGAIN = """
import json, sys
from pathlib import Path
from pos_coach.cards.cache import index_path, load_pack_cached
from pos_coach.library import Library
pack, data = Path(sys.argv[1]), Path(sys.argv[2])
load = load_pack_cached(pack, data)
lib = Library(load.pack_for("ru"), load.packs.values(), index_path(pack, data, "ru"), load.digest)
lib.warm_up(background=True)
assert lib.warm, "the kept index should be ready at once"
found = [[(h.card.id, h.score) for h in lib.search_hits(q)] for q in json.loads(sys.argv[3])]
print(json.dumps({"found": found, "dictionary": "pymorphy3" in sys.modules}))
"""


def test_a_start_with_the_kept_index_never_loads_the_dictionary(tmp_path):
    """Word forms typed at the counter («картой», «подошёл», «возвратом») are found through the
    forms kept with the index: the second start searches as the first without loading the
    dictionary (about 60 ms of the start)."""
    import json
    import subprocess
    import sys

    queries = [*QUERIES, "картой не проходит", "не подошёл размер", "с возвратом", "пакетик"]
    built = library(SHIPPED_PACK, tmp_path)
    expected = [[[h.card.id, h.score] for h in built.search_hits(q)] for q in queries]
    out = subprocess.run(
        [sys.executable, "-c", AGAIN, str(SHIPPED_PACK), str(tmp_path), json.dumps(queries)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    again = json.loads(out)
    assert again["dictionary"] is False
    assert again["found"] == expected
    assert all(expected[-4:])  # the forms find cards at all
