"""Hostile card files: the loader only ever returns problems — it never raises, never hangs."""

from __future__ import annotations

import shutil
import string
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_coach.cards import load_pack
from tests.conftest import ROOT, SMALL_PACK

VALID = (SMALL_PACK / "en" / "greeting.toml").read_text("utf-8")
ODD = (
    "\u202e\u200b\u200d\ufeff\u0301\u0336🙂🧾\U0001f9d1\u200d\U0001f4bc"
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629\x00\x7f"
)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def load_with(tmp_path: Path, content: bytes) -> float:
    root = tmp_path / "pack"
    if not root.exists():
        shutil.copytree(SMALL_PACK, root)
    (root / "en" / "hostile.toml").write_bytes(content)
    start = time.perf_counter()
    result = load_pack(root)
    elapsed = time.perf_counter() - start
    # the good cards are still there, whatever the hostile file did
    assert {"greeting", "gate-alarm", "loyalty-card"} <= set(result.packs["en"].cards)
    for problem in result.problems:
        assert problem.format("en") and problem.format("ru")
        assert problem.line >= 1 and problem.column >= 1
    return elapsed


@SETTINGS
@given(st.binary(max_size=4000))
def test_random_bytes(tmp_path, content):
    assert load_with(tmp_path, content) < 2


@SETTINGS
@given(st.text(alphabet=string.printable + ODD + "[]{}=\"'#.,", max_size=3000))
def test_random_toml_like_text(tmp_path, text):
    assert load_with(tmp_path, text.encode("utf-8", "surrogatepass")) < 2


@SETTINGS
@given(
    st.integers(0, len(VALID) - 1),
    st.integers(0, 40),
    st.text(alphabet=ODD + '"[]{}=\\\n', max_size=20),
)
def test_mutated_valid_card(tmp_path, at, cut, insert):
    mutated = VALID[:at] + insert + VALID[at + cut :]
    assert load_with(tmp_path, mutated.encode("utf-8", "surrogatepass")) < 2


@SETTINGS
@given(st.text(alphabet=ODD + string.ascii_letters + " ", min_size=1, max_size=200))
def test_odd_unicode_in_every_text(tmp_path, text):
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\x00", "").replace("\x7f", "")
    card = VALID.replace("Customer comes to the till", escaped).replace(
        "Scanning in silence.", escaped
    )
    assert load_with(tmp_path, card.encode("utf-8")) < 2


def test_deep_nesting_and_huge_files(tmp_path):
    assert load_with(tmp_path, b"say = " + b"[" * 5000 + b"]" * 5000) < 2
    assert load_with(tmp_path, b"a = " + b"{b = " * 3000 + b"1" + b"}" * 3000) < 2
    assert load_with(tmp_path, b'title = "' + b"x" * 5_000_000 + b'"') < 2
    assert load_with(tmp_path, ("say = [" + '"x",' * 20000 + "]").encode()) < 2


@pytest.mark.parametrize(
    ("key", "ok"), [("F13", True), ("F24", True), ("F25", False), ("F0", False)]
)
def test_the_extra_f_keys_of_pos_keyboards_are_hotkeys_as_documented(key, ok):
    from pos_coach.cards import hotkeys

    if ok:
        assert hotkeys.normalise(key) == key
    else:
        with pytest.raises(hotkeys.HotkeyError):
            hotkeys.normalise(key)
    documented = "`F1` … `F24`" in (ROOT / "situations" / "README.md").read_text("utf-8")
    assert documented
