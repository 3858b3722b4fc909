"""`pos-coach search` as an integrator or an owner runs it: a process, a pack folder of its own."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import SHIPPED_PACK


def search(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pos_coach", "search", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_table_ranks_and_says_why():
    done = search(
        "нет", "сдачи", "с", "пятитысячной", "--lang", "ru", "--situations", str(SHIPPED_PACK)
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert lines[0].split("\t") == ["место", "id", "баллы", "заголовок", "почему"]
    rank, card_id, score, title, why = lines[1].split("\t")
    assert (rank, card_id) == ("1", "no-change")
    assert float(score) > 0 and title
    assert "сдачи -> " in why and "пятитысячной -> " in why
    scores = [float(line.split("\t")[2]) for line in lines[1:]]
    assert scores == sorted(scores, reverse=True)


def test_json_rows_for_an_integrator():
    done = search(
        "возврат",
        "--lang",
        "en",
        "--format",
        "json",
        "--limit",
        "2",
        "--situations",
        str(SHIPPED_PACK),
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert 1 <= len(rows) <= 2
    assert rows[0]["id"] == "return-refund"
    assert rows[0]["title"] == "Return or exchange"  # shown in the interface language
    assert rows[0]["lang"] == "en" and rows[0]["rank"] == 1
    assert isinstance(rows[0]["score"], float)
    why = rows[0]["why"][0]
    assert why["word"] == "возврат" and why["lang"] == "ru"  # found through the Russian card
    assert why["kind"] in {"exact", "form"}


def test_layout_and_typo_are_named():
    done = search("djpdhfn", "--lang", "ru", "--situations", str(SHIPPED_PACK))
    assert done.returncode == 0
    assert "layout" in done.stdout.splitlines()[1]
    done = search("возварт", "--lang", "ru", "--situations", str(SHIPPED_PACK))
    assert done.returncode == 0
    assert "typo" in done.stdout.splitlines()[1]


def test_nothing_found_exits_1_and_says_so():
    done = search("zzqxw", "--lang", "en", "--situations", str(SHIPPED_PACK))
    assert done.returncode == 1
    assert done.stdout == ""
    assert 'no card matches "zzqxw"' in done.stderr
    done = search("zzqxw", "--format", "json", "--lang", "ru", "--situations", str(SHIPPED_PACK))
    assert done.returncode == 1 and json.loads(done.stdout) == []


def test_an_owners_own_tags_are_found(tmp_path: Path):
    pack = tmp_path / "pack"
    shutil.copytree(SHIPPED_PACK, pack)
    card = pack / "en" / "gate-alarm.toml"
    # the owner's word takes the first tag's place (a card has at most 60 tags)
    text = re.sub(r'tags = \[\s*"[^"]*"', 'tags = ["klaxon"', card.read_text("utf-8"), count=1)
    card.write_text(text, "utf-8")
    assert '"klaxon"' in card.read_text("utf-8")
    done = search("klaxon", "--lang", "en", "--situations", str(pack))
    assert done.returncode == 0
    assert done.stdout.splitlines()[1].split("\t")[1] == "gate-alarm"
    # the pack from the environment, as the other commands take it
    done = search("klaxon", "--lang", "ru", env={"POS_COACH_SITUATIONS": str(pack)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].split("\t")[1] == "gate-alarm"


def test_limit_and_usage_errors():
    done = search("карта", "--limit", "1", "--lang", "ru", "--situations", str(SHIPPED_PACK))
    assert done.returncode == 0 and len(done.stdout.strip().splitlines()) == 2
    done = search("--lang", "ru")
    assert done.returncode == 2 and "QUERY" in done.stderr
    done = search("карта", "--limit", "0")
    assert done.returncode == 2


def test_a_folder_without_cards_is_said_and_a_long_query_is_cut_in_the_message(tmp_path):
    done = search("возврат", "--situations", str(tmp_path / "no-such-pack"))
    assert done.returncode == 1
    assert "not a folder of situation cards" in done.stderr
    long = search("а" * 10_000, "--lang", "ru")
    assert long.returncode == 1 and len(long.stderr) < 300 and "…" in long.stderr
