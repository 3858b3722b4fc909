"""Loading and validating packs: good cards load, every fault is reported at its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pos_coach.cards import Severity, load_pack
from tests.conftest import FAULTY_PACK, SMALL_PACK

# (file, line, column, code) for every fault in tests/data/faulty, worked out by reading the files
EXPECTED_FAULTS = {
    ("ru/Gate_Alarm.toml", 1, 1, "bad_id"),
    ("ru/bad-placeholder.toml", 7, 3, "unknown_placeholder"),
    ("ru/bad-toml.toml", 3, 35, "toml_syntax"),
    ("ru/empty.toml", 1, 9, "empty_text"),
    ("ru/empty.toml", 5, 7, "too_few"),
    ("ru/missing-say.toml", 1, 1, "missing_key"),
    ("ru/multiline-summary.toml", 3, 11, "one_line"),
    ("ru/not-utf8.toml", 2, 12, "not_utf8"),
    ("ru/only-russian.toml", 1, 1, "missing_translation"),
    ("ru/pack.toml", 10, 10, "bad_colour"),
    ("ru/pack.toml", 12, 13, "missing_key"),
    ("ru/pack.toml", 14, 1, "unknown_key"),
    ("ru/reserved-hotkey.toml", 4, 10, "reserved_hotkey"),
    ("ru/typo-key.toml", 8, 1, "unknown_key"),
    ("ru/unknown-category.toml", 2, 12, "unknown_category"),
    ("en/wrong-order.toml", 7, 3, "later_line"),
    ("ru/wrong-order.toml", 7, 3, "later_line"),
    ("ru/wrong-types.toml", 4, 9, "wrong_type"),
    ("ru/wrong-types.toml", 8, 9, "wrong_type"),
    ("ru/x-duplicate-hotkey.toml", 1, 1, "missing_translation"),
    ("ru/x-duplicate-hotkey.toml", 4, 10, "duplicate_hotkey"),
}


def found(result, root: Path) -> set[tuple[str, int, int, str]]:
    return {
        (p.path.relative_to(root).as_posix(), p.line, p.column, p.code) for p in result.problems
    }


def test_small_pack_loads_clean():
    result = load_pack(SMALL_PACK)
    assert result.problems == []
    assert set(result.packs) == {"ru", "en"}
    ru = result.packs["ru"]
    assert [c.id for c in ru.ordered_cards()] == ["greeting", "loyalty-card", "gate-alarm"]
    assert ru.cards["gate-alarm"].hotkey == "F2"
    assert ru.categories["security"].label == "Безопасность"


def test_every_fault_is_reported_at_its_line():
    result = load_pack(FAULTY_PACK)
    assert found(result, FAULTY_PACK) == EXPECTED_FAULTS


def test_good_cards_survive_bad_neighbours():
    result = load_pack(FAULTY_PACK)
    ru = result.packs["ru"]
    assert set(ru.cards) == {"good", "only-russian", "wrong-order", "x-duplicate-hotkey"}
    # the duplicate keeps its card but loses the hotkey; the first card keeps it
    assert ru.cards["good"].hotkey == "F1"
    assert ru.cards["x-duplicate-hotkey"].hotkey is None
    # the category with a bad colour still exists, in a neutral colour
    assert ru.categories["security"].colour == "#4A5560"


def test_drafts_are_skipped():
    result = load_pack(FAULTY_PACK)
    assert not any(p.path.name.startswith("_") for p in result.problems)
    assert "_draft" not in result.packs["ru"].cards


def test_messages_in_both_languages_with_did_you_mean():
    result = load_pack(FAULTY_PACK)
    typo = next(p for p in result.problems if p.path.name == "typo-key.toml")
    assert typo.message("en") == "unknown key 'escalte'; did you mean 'escalate'?"
    assert typo.message("ru") == "неизвестный ключ 'escalte'; может быть, 'escalate'?"
    line = typo.format("en", relative_to=FAULTY_PACK)
    assert line == "ru/typo-key.toml:8:1: unknown key 'escalte'; did you mean 'escalate'?"
    category = next(p for p in result.problems if p.code == "unknown_category")
    assert "did you mean 'everyday'?" in category.message("en")


def test_severity_tells_hidden_from_flagged():
    result = load_pack(FAULTY_PACK)
    by_code = {p.code: p.severity for p in result.problems}
    assert by_code["missing_translation"] is Severity.WARNING
    assert by_code["duplicate_hotkey"] is Severity.WARNING
    assert by_code["toml_syntax"] is Severity.ERROR


def copy_small(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, root)
    return root


def test_byte_order_mark_is_accepted(tmp_path):
    root = copy_small(tmp_path)
    card = root / "ru" / "greeting.toml"
    card.write_bytes(b"\xef\xbb\xbf" + card.read_bytes())
    result = load_pack(root)
    assert result.problems == []
    assert result.packs["ru"].cards["greeting"].title == "Покупатель подходит к кассе"


def test_huge_file_is_refused(tmp_path):
    root = copy_small(tmp_path)
    (root / "ru" / "huge.toml").write_text('title = "' + "x" * 70_000 + '"\n', "utf-8")
    result = load_pack(root)
    assert [(p.path.name, p.code) for p in result.problems] == [("huge.toml", "too_large")]


def test_syntax_error_at_end_of_file_points_at_last_line(tmp_path):
    root = copy_small(tmp_path)
    (root / "ru" / "cut.toml").write_text('title = "x"\nsay = [\n  "a",\n', "utf-8")
    result = load_pack(root)
    problem = result.problems[0]
    assert (problem.path.name, problem.code, problem.line) == ("cut.toml", "toml_syntax", 3)


def test_missing_pack_file_keeps_cards_visible(tmp_path):
    root = copy_small(tmp_path)
    (root / "en" / "pack.toml").unlink()
    result = load_pack(root)
    assert [p.code for p in result.problems] == ["missing_pack_file"]
    assert set(result.packs["en"].cards) == {"greeting", "gate-alarm", "loyalty-card"}


@pytest.mark.parametrize(
    ("hotkey", "code"),
    [
        ("G", "reserved_hotkey"),
        ("1", "reserved_hotkey"),
        ("Shift+K", "reserved_hotkey"),
        ("F99", "bad_hotkey"),
        ("Ctrl+", "bad_hotkey"),
        ("Hyper+F1", "bad_hotkey"),
    ],
)
def test_bad_hotkeys(tmp_path, hotkey, code):
    root = copy_small(tmp_path)
    card = root / "en" / "greeting.toml"
    card.write_text(
        card.read_text("utf-8").replace('hotkey = "F1"', f'hotkey = "{hotkey}"'), "utf-8"
    )
    result = load_pack(root)
    assert [(p.path.name, p.code, p.line) for p in result.problems] == [("greeting.toml", code, 4)]


def test_not_a_folder_and_no_languages(tmp_path):
    assert [p.code for p in load_pack(tmp_path / "nope").problems] == ["not_a_folder"]
    (tmp_path / "empty").mkdir()
    assert [p.code for p in load_pack(tmp_path / "empty").problems] == ["no_languages"]


def test_card_rev_changes_with_the_text(tmp_path):
    root = copy_small(tmp_path)
    before = load_pack(root).packs["en"].cards["greeting"].rev
    card = root / "en" / "greeting.toml"
    card.write_text(card.read_text("utf-8").replace("Hi there", "Hello there"), "utf-8")
    after = load_pack(root).packs["en"].cards["greeting"].rev
    assert before != after and len(after) == 12
    # order and hotkey are not text the cashier reads: the revision stays
    card.write_text(card.read_text("utf-8").replace("order = 1", "order = 7"), "utf-8")
    assert load_pack(root).packs["en"].cards["greeting"].rev == after


@pytest.mark.parametrize(
    "card_id, code",
    [
        *[(name, "reserved_id") for name in ("con", "prn", "aux", "nul")],
        *[(f"{port}{n}", "reserved_id") for port in ("com", "lpt") for n in range(1, 10)],
        ("a" * 65, "long_id"),
        ("x" * 300, "long_id"),
        ("CON", "bad_id"),  # upper case is not an id anyway
        ("con-desk", None),
        ("com10", None),
        ("lpt0", None),
        ("a" * 64, None),
    ],
)
def test_the_card_id_rule(card_id, code):
    from pos_coach.cards.model import card_id_problem

    problem = card_id_problem(card_id)
    assert (problem.code if problem else None) == code


@pytest.mark.parametrize(
    ("text", "en", "ru"),
    [
        # a quote inside a text, as a hurried owner types it in Notepad
        ('say = ["one", "say "hi" to them"]\n', "a list in [ ] is broken here", "список в [ ]"),
        ('summary = "no closing quote\n', "a text is not closed", "текст не закрыт"),
        (
            'title = "The "best" shop"\n',
            'a " inside the text ends it early',
            "закрывает его раньше",
        ),
        ("summary: oops\n", "not a line of the form key = value", "не строка вида"),
        ('title = "a"\ntitle = "b"\n', "written twice", "записан в файле дважды"),
        ('title = "C:\\shop"\n', "lone backslash", "обратная косая"),
        ("order = ten\n", "the value cannot be read", "значение не читается"),
    ],
)
def test_toml_mistakes_are_explained_in_plain_words_in_both_languages(tmp_path, text, en, ru):
    root = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, root)
    (root / "ru" / "broken.toml").write_text(text, "utf-8")
    result = load_pack(root)
    problem = next(p for p in result.problems if p.code == "toml_syntax")
    assert en in problem.message("en")
    assert ru in problem.message("ru")
    # no parser jargon left untranslated in the Russian message
    assert "Unclosed" not in problem.message("ru") and "Illegal" not in problem.message("ru")
