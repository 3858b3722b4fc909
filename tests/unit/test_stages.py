"""`say` rotates, `then` keeps its order; `check` warns about later lines in `say`; {goodbye}."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from pos_coach.cards import load_pack, writer
from pos_coach.cards.problems import Severity
from pos_coach.cli import cli
from pos_coach.counter import Counter
from pos_coach.journal import Journal
from pos_coach.library import Library
from pos_coach.library.placeholders import goodbye
from pos_coach.settings import Settings
from tests.conftest import SHIPPED_PACK, SMALL_PACK

CARD = """title = "Change disputed"
category = "everyday"
summary = "Count it together before anything else."
steps = ["Count the change together.", "Fix it if it was short."]
say = [
  "Let's count it together.",
  "Shall we check it against the receipt?",
  "{say3}",
]
then = [
  "If it was short: “You're right — here's the rest, sorry.”",
  "“Thanks for telling me straight away. {goodbye}!”",
]
avoid = ["Arguing."]
wow = ["Thank them for saying so."]
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, root)
    return root


def make_counter(library: Library, data_dir: Path, now: datetime | None = None) -> Counter:
    at = now or datetime(2026, 12, 2, 10, 0)
    counter = Counter(
        library, Journal.in_dir(data_dir), Settings.in_dir(data_dir), clock=lambda: at
    )
    counter.start_shift("Anna")
    return counter


def write(pack: Path, say3: str, lang: str = "en", name: str = "change-disputed") -> Path:
    path = pack / lang / f"{name}.toml"
    path.write_text(CARD.replace("{say3}", say3), "utf-8")
    return path


def test_then_lines_load_in_order_and_are_never_rotated(pack: Path, tmp_path: Path):
    write(pack, "Let me count it again with you.")
    result = load_pack(pack)
    card = result.packs["en"].cards["change-disputed"]
    assert card.then[0].startswith("If it was short")
    assert len(card.then) == 2
    counter = make_counter(Library(result.packs["en"]), tmp_path)
    firsts = [counter.open("change-disputed", "touch").phrase for _ in range(6)]
    assert set(firsts) == set(card.say)  # every opening takes its turn ...
    assert not set(firsts) & set(card.then)  # ... and no later line is ever said first


@pytest.mark.parametrize(
    ("lang", "line", "stage"),
    [
        ("en", "All sorted — thanks for your patience!", "closing"),
        ("en", "There we go, you're good to go — sorry about that!", "closing"),
        ("ru", "Всё, можете идти, извините за беспокойство!", "closing"),
        ("en", "No problem, I'll put it through at the shelf price.", "conceding"),
        ("ru", "Хорошо, пробью по ценнику.", "conceding"),
        ("en", "Sorry! Here you go, that's what you were short.", "conceding"),
        ("ru", "Ой, простите, недодала — держите.", "conceding"),
        ("ru", "Скорая уже едет, не волнуйтесь.", "promising"),
        ("en", "An ambulance is on its way.", "promising"),
        ("en", "I'll serve you straight after this gentleman.", "promising"),
        ("ru", "Вас обслужу сразу после.", "promising"),
        ("en", "You're right, here's the rest of your change.", "conceding"),
        ("en", "We'll honour the shelf price, of course.", "conceding"),
        ("ru", "Всё готово, спасибо за терпение!", "closing"),
        ("ru", "Вы правы, это моя ошибка. Вот недостающее.", "conceding"),
    ],
)
def test_check_warns_about_a_later_line_in_say_at_its_line(pack, lang, line, stage):
    path = write(pack, line, lang)
    result = CliRunner().invoke(cli, ["check", str(pack), "--lang", "en"])
    assert result.exit_code == 0  # a warning: the card is shown; --strict makes it fail
    assert CliRunner().invoke(cli, ["check", str(pack), "--strict"]).exit_code == 1
    expected = f"{path}:8:3: warning: item 3 of 'say' reads as a later line of the conversation"
    assert expected in result.stdout
    words = {"closing": "closes the matter", "conceding": "concedes", "promising": "promises"}
    assert words[stage] in result.stdout
    # a warning: the card is still shown at the counter
    loaded = load_pack(pack)
    assert "change-disputed" in loaded.packs[lang].cards
    assert {p.severity for p in loaded.problems if p.code == "later_line"} == {Severity.WARNING}


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Thanks for waiting — what can I get you?"),
        ("ru", "Спасибо, что подошли! Сейчас всё проверю."),
        ("en", "Thanks for your patience, everyone — I'm calling another till now."),
        ("en", "Are you all set for bags, or do you need one?"),
        ("ru", "Вы в порядке? Всё в порядке, не порезались?"),
        ("en", "You're right to flag it — let's count it together."),
        ("ru", "Вы правы, что сразу сказали, — давайте пересчитаем."),
        ("ru", "Всё готово? Тогда пробиваю."),
        ("en", "Not my mistake, I think, but let's check."),
        ("ru", "Это не наша ошибка, но давайте проверим."),
    ],
)
def test_openings_asked_negated_or_merely_thankful_pass(pack: Path, lang: str, line: str):
    write(pack, line, lang)
    result = load_pack(pack)
    assert [p.format("en") for p in result.problems if p.code == "later_line"] == []


def test_an_owner_keeps_a_line_they_mean_with_a_keep_comment(pack: Path):
    path = write(pack, "All sorted — thanks for your patience!")
    text = path.read_text("utf-8").replace(
        '"All sorted — thanks for your patience!",',
        '"All sorted — thanks for your patience!",  # keep',
    )
    path.write_text(text, "utf-8")
    assert [p for p in load_pack(pack).problems if p.code == "later_line"] == []
    # a "# keep" inside the text itself is not a comment
    write(pack, "All sorted # keep")
    assert [p.code for p in load_pack(pack).problems if p.code == "later_line"] == ["later_line"]


def test_the_check_speaks_russian_too(pack: Path):
    write(pack, "Вы правы, вот недостающее.", "ru")
    result = CliRunner().invoke(cli, ["check", str(pack), "--lang", "ru"])
    assert "предупреждение: пункт 3" in result.stdout or "предупреждение:" in result.stdout
    assert "звучит как более поздняя реплика" in result.stdout
    assert "перенесите её в 'then'" in result.stdout


def test_then_survives_an_edit_and_a_new_file(pack: Path):
    path = write(pack, "Let me count it again with you.")
    values = writer.card_values(load_pack(pack).packs["en"].cards["change-disputed"])
    values["then"] = ["“Here you are.”", "“{goodbye}!”"]
    writer.save_card(pack, "en", "change-disputed", values)
    assert load_pack(pack).packs["en"].cards["change-disputed"].then == (
        "“Here you are.”",
        "“{goodbye}!”",
    )
    assert "then = [\n" in path.read_text("utf-8")
    values["then"] = []
    writer.save_card(pack, "en", "change-disputed", values)
    assert "then" not in path.read_text("utf-8")
    fresh = writer.render_card({**values, "then": ["“One.”"]})
    assert fresh.index("say =") < fresh.index("then =") < fresh.index("avoid =")


def test_a_card_without_then_keeps_its_revision(pack: Path):
    card = load_pack(pack).packs["en"].cards["greeting"]
    before = card.rev
    from dataclasses import replace

    assert replace(card, then=()).rev == before
    assert replace(card, then=("“Bye!”",)).rev != before


@pytest.mark.parametrize(
    ("hour", "ru", "en"),
    [
        (9, "Хорошего дня", "Have a good day"),
        (16, "Хорошего дня", "Have a good day"),
        (17, "Хорошего вечера", "Have a lovely evening"),
        (21, "Хорошего вечера", "Have a lovely evening"),
        (22, "Доброй ночи", "Have a good night"),
        (2, "Доброй ночи", "Have a good night"),
    ],
)
def test_goodbye_follows_the_time_of_day(hour, ru, en):
    now = datetime(2026, 12, 2, hour, 30)
    assert goodbye("ru", now) == ru
    assert goodbye("en", now) == en


def test_goodbye_is_filled_in_at_the_counter(pack: Path, tmp_path: Path):
    write(pack, "“{goodbye}!”")
    library = Library(load_pack(pack).packs["en"])
    counter = make_counter(library, tmp_path, datetime(2026, 12, 2, 21, 0))
    texts = {counter.open("change-disputed", "touch").text for _ in range(3)}
    assert "“Have a lovely evening!”" in texts
    assert counter.current is not None
    assert counter.current.fill(counter.current.card.then[1]).endswith("Have a lovely evening!”")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_emergency_cards_give_the_shops_address_or_say_where_to_read_it(tmp_path, lang):
    from pos_coach.library.placeholders import values_for

    pack = load_pack(SHIPPED_PACK).packs[lang]
    lines = [t for c in ("medical-emergency", "robbery") for t in pack.cards[c].then]
    assert any("{address}" in t for t in lines)
    assert not any("{store}" in t for t in lines)  # «наш магазин» is no address
    settings = Settings.in_dir(tmp_path)
    settings["address"] = "12 Mill Lane, Leeds LS1 4AB"
    counter = Counter(Library(pack), Journal.in_dir(tmp_path), settings)
    counter.start_shift("Anna")
    opened = counter.open("robbery", "touch")
    said = [opened.fill(t) for t in opened.card.then]
    assert any("12 Mill Lane, Leeds LS1 4AB" in t for t in said)
    unset = values_for(lang, "Anna", "")["address"]
    assert unset.startswith("[") and ("табличк" in unset or "card by the till" in unset)


@pytest.mark.parametrize(("lang", "name"), [("ru", "[Ваше имя]"), ("en", "[your name]")])
def test_a_card_fired_before_a_shift_never_reads_an_empty_name(tmp_path, lang, name):
    pack = load_pack(SMALL_PACK).packs[lang]
    counter = Counter(Library(pack), Journal.in_dir(tmp_path), Settings.in_dir(tmp_path))
    assert counter.cashier is None  # nobody has started a shift
    assert counter.placeholder_values()["cashier"] == name
