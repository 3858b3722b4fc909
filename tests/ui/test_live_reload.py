"""Live reload: card files changed on disk reach the counter at once, and never break it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pos_coach.app import install_translators
from pos_coach.ui.counter_window import CounterWindow
from tests.ui.conftest import journal_rows

NEW_CARD = """\
title = "Customer wants a refund"
category = "everyday"
summary = "Listen first, then explain the steps."
hotkey = "F4"
steps = ["Ask for the receipt."]
say = ["Of course, let's sort this out together."]
avoid = ["Arguing."]
wow = ["Offer a bag for the returned item."]
"""


@pytest.fixture
def english(qapp):
    """The app's English texts ("1 problem", not "1 problem(s)")."""
    translators = install_translators(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def live(make_window, pack, english) -> CounterWindow:
    """A window on a copy of the small pack, watching it, with a shift started."""
    window = make_window("en", pack)
    window.watch(pack)
    window.start_shift("Anna")
    return window


def edit(path: Path, old: str, new: str) -> None:
    """Change a file in place, as most editors save."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def replace_over(path: Path, old: str, new: str) -> None:
    """Write a temp file and rename it over the card, as careful editors save."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(text.replace(old, new), encoding="utf-8")
    os.replace(temp, path)


def tile_title(window: CounterWindow, card_id: str) -> str:
    return window.board.tile(card_id).title.text()


def test_editing_the_open_card_shows_the_new_text_in_the_same_interaction(qtbot, live, pack):
    live.open_card("gate-alarm", "touch")
    opened = live.counter.current
    rows = journal_rows(live)
    edit(pack / "en" / "gate-alarm.toml", opened.phrase, "A brand new way to say it.")
    view = live.card_page.view
    qtbot.waitUntil(lambda: view.phrase.text() == "A brand new way to say it.")
    assert live.stack.currentWidget() is live.card_page
    assert live.counter.current is opened  # the same interaction, nothing logged
    assert journal_rows(live) == rows
    live.mark_said()
    said = journal_rows(live)[-1]
    assert (said["kind"], said["interaction"]) == ("said", opened.interaction)
    assert said["phrase"] == "A brand new way to say it."
    assert said["card_rev"] == live.counter.library.get("gate-alarm").rev != rows[-1]["card_rev"]


def test_a_new_title_changes_the_tile_and_the_open_card(qtbot, live, pack):
    edit(pack / "en" / "greeting.toml", "Customer comes to the till", "A guest at the till")
    qtbot.waitUntil(lambda: tile_title(live, "greeting") == "A guest at the till")
    live.open_card("greeting", "touch")
    edit(pack / "en" / "greeting.toml", "A guest at the till", "Someone at the till")
    qtbot.waitUntil(lambda: live.card_page.view.title.text() == "Someone at the till")
    assert tile_title(live, "greeting") == "Someone at the till"


def test_the_open_card_keeps_its_place_in_the_rotation(qtbot, live, pack):
    live.open_card("gate-alarm", "touch")
    live.another_phrase()
    view = live.card_page.view
    assert view.phrase_count.text() == "phrasing 2 of 3"
    shown = view.phrase.text()
    # another card changes: the open one is left as it is
    edit(pack / "en" / "greeting.toml", "Customer comes to the till", "A guest at the till")
    qtbot.waitUntil(lambda: tile_title(live, "greeting") == "A guest at the till")
    assert (view.phrase_count.text(), view.phrase.text()) == ("phrasing 2 of 3", shown)
    # the open card changes elsewhere: the phrasing on screen stays on screen
    edit(pack / "en" / "gate-alarm.toml", "Raising your voice.", "Shouting.")
    qtbot.waitUntil(lambda: "• Shouting." in view.avoid.texts())
    assert (view.phrase_count.text(), view.phrase.text()) == ("phrasing 2 of 3", shown)


def test_a_phrasing_removed_from_the_open_card(qtbot, live, pack):
    live.open_card("gate-alarm", "touch")
    path = pack / "en" / "gate-alarm.toml"
    edit(path, '  "One moment please, I think a security tag was left on.",\n', "")
    qtbot.waitUntil(lambda: live.card_page.view.phrase_count.text() == "phrasing 1 of 2")
    live.another_phrase()
    live.another_phrase()
    assert live.card_page.view.phrase_count.text() == "phrasing 1 of 2"


def test_a_new_card_file_adds_a_tile_and_its_hotkey(qtbot, live, pack):
    (pack / "en" / "refund.toml").write_text(NEW_CARD, encoding="utf-8")
    qtbot.waitUntil(lambda: "refund" in live.board.visible_ids())
    assert tile_title(live, "refund") == "Customer wants a refund"
    assert live.counter.library.by_hotkey("F4").id == "refund"


def test_a_deleted_card_file_removes_its_tile(qtbot, live, pack):
    (pack / "en" / "loyalty-card.toml").unlink()
    qtbot.waitUntil(lambda: "loyalty-card" not in live.board.visible_ids())
    assert live.board.visible_ids() == ["greeting", "gate-alarm"]
    assert live.counter.library.by_hotkey("F3") is None
    # the Russian card still exists: a warning, not a card kept from before
    assert live.banner.isVisible()
    text = live.banner_label.text()
    assert "ru/loyalty-card.toml:1: card 'loyalty-card' has no en version" in text
    assert "last good" not in text
    (pack / "ru" / "loyalty-card.toml").unlink()
    qtbot.waitUntil(lambda: not live.banner.isVisible())


def test_deleting_the_open_card_goes_back_to_the_tiles(qtbot, live, pack):
    live.open_card("loyalty-card", "touch")
    (pack / "en" / "loyalty-card.toml").unlink()
    qtbot.waitUntil(lambda: live.stack.currentWidget() is live.board)
    assert live.counter.current is None
    last = journal_rows(live)[-1]
    assert (last["kind"], last["situation"]) == ("dismissed", "loyalty-card")


def test_a_broken_card_keeps_its_last_good_version_and_says_where(qtbot, live, pack):
    live.open_card("gate-alarm", "touch")
    phrase = live.card_page.view.phrase.text()
    path = pack / "en" / "gate-alarm.toml"
    good = path.read_text(encoding="utf-8")
    edit(path, 'category = "security"', 'category = "security')  # an unclosed string, line 2
    qtbot.waitUntil(live.banner.isVisible)
    text = live.banner_label.text()
    assert "1 problem in the situation cards: en/gate-alarm.toml:2:" in text
    assert "Showing the last good version of: Security gate alarm" in text
    assert live.card_page.view.phrase.text() == phrase
    assert live.counter.current.card.title == "Security gate alarm"
    assert live.board.visible_ids() == ["greeting", "loyalty-card", "gate-alarm"]
    assert tile_title(live, "gate-alarm") == "Security gate alarm"
    path.write_text(good.replace("Security gate alarm", "Gate alarm"), encoding="utf-8")
    qtbot.waitUntil(lambda: not live.banner.isVisible())
    assert tile_title(live, "gate-alarm") == "Gate alarm"
    assert live.card_page.view.title.text() == "Gate alarm"


def test_a_broken_file_never_hides_other_cards(qtbot, live, pack):
    (pack / "en" / "half-typed.toml").write_text('title = "Half', encoding="utf-8")
    (pack / "en" / "greeting.toml").write_bytes(b"\xff\xfe not text")
    qtbot.waitUntil(live.banner.isVisible)
    assert live.board.visible_ids() == ["greeting", "loyalty-card", "gate-alarm"]
    assert "2 problems in the situation cards:" in live.banner_label.text()
    assert live.counter.library.by_hotkey("F3").id == "loyalty-card"


def test_a_broken_pack_file_keeps_every_tile_in_its_category(qtbot, live, pack):
    (pack / "en" / "pack.toml").write_text("name = ", encoding="utf-8")
    qtbot.waitUntil(live.banner.isVisible)
    assert "en/pack.toml:1:" in live.banner_label.text()
    assert live.board.visible_ids() == ["greeting", "loyalty-card", "gate-alarm"]
    assert live.counter.library.category("security").label == "Security"


def test_a_rename_over_is_picked_up_again_and_again(qtbot, live, pack):
    path = pack / "en" / "greeting.toml"
    replace_over(path, "Customer comes to the till", "First save")
    qtbot.waitUntil(lambda: tile_title(live, "greeting") == "First save")
    replace_over(path, "First save", "Second save")
    qtbot.waitUntil(lambda: tile_title(live, "greeting") == "Second save")
    assert str(path) in live.watcher.watched()


def test_a_search_in_progress_is_run_again(qtbot, live, pack):
    qtbot.keyClicks(live.header.search, "refund")
    assert live.board.visible_ids() == []
    (pack / "en" / "refund.toml").write_text(NEW_CARD, encoding="utf-8")
    qtbot.waitUntil(lambda: live.board.visible_ids() == ["refund"])
    assert live.board.searching
    assert live.header.search.text() == "refund"


def test_reload_now_applies_at_once(live, pack):
    edit(pack / "en" / "loyalty-card.toml", 'title = "Loyalty card"', 'title = "Bonus card"')
    live.watcher.reload_now()
    assert tile_title(live, "loyalty-card") == "Bonus card"


def test_a_failure_while_loading_is_reported_not_raised(live, pack, monkeypatch):
    def boom(root: Path) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("pos_coach.cards.loader.load_pack", boom)
    reload = live.watcher.reload_now()
    assert reload.pack.cards.keys() == {"greeting", "loyalty-card", "gate-alarm"}
    assert live.board.visible_ids() == ["greeting", "loyalty-card", "gate-alarm"]
    assert live.banner.isVisible()
    assert "RuntimeError: disk on fire" in live.banner_label.text()


def test_a_notice_stays_in_the_banner_when_the_pack_reloads(qtbot, live, pack):
    """A settings value not used, said at start, must not vanish with the next reload."""
    live.show_notice("settings.json: http_port = 70000 is not allowed")
    for lang in ("ru", "en"):
        (pack / lang / "refund.toml").write_text(NEW_CARD, encoding="utf-8")
    qtbot.waitUntil(lambda: "refund" in live.board.visible_ids())
    assert live.banner.isVisible()
    assert live.banner_label.text() == "settings.json: http_port = 70000 is not allowed"
