"""A pack edited while the app was closed: the window shows at once with the cards as last
checked, then reads the pack again, exactly as a live edit reaches it."""

from __future__ import annotations

import shutil
from pathlib import Path

from pos_coach.app import Options, build_core, finish_start
from pos_coach.ui.counter_window import CounterWindow
from tests.conftest import SMALL_PACK


def start(qtbot, pack: Path, data_dir: Path) -> tuple[CounterWindow, object, list[object]]:
    options = Options(pack, data_dir, "en")
    core = build_core(options)
    window = CounterWindow(core.counter, core.load.problems)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    with qtbot.waitExposed(window):
        window.show()
    return window, core, finish_start(window, core, options)


def test_cards_edited_while_closed_reach_the_window_just_after_it_shows(qtbot, tmp_path, data_dir):
    pack = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, pack)
    window, core, _kept = start(qtbot, pack, data_dir)  # yesterday: checked, cached
    assert not core.stale
    window.close()
    core.journal.close()

    card = pack / "en" / "loyalty-card.toml"
    card.write_text(card.read_text("utf-8").replace("Loyalty card", "Bonus card"), "utf-8")
    broken = pack / "en" / "gate-alarm.toml"
    broken.write_text(broken.read_text("utf-8").replace("title", "titel", 1), "utf-8")

    options = Options(pack, data_dir, "en")
    core = build_core(options)
    assert core.stale
    window = CounterWindow(core.counter, core.load.problems)
    qtbot.addWidget(window)
    assert window.board.tile("loyalty-card").title.text() == "Loyalty card"  # as last checked
    _kept = finish_start(window, core, options)
    assert window.board.tile("loyalty-card").title.text() == "Bonus card"
    # the card broken meanwhile stays as it was last good, and the banner says where
    assert window.board.tile("gate-alarm").title.text() == "Security gate alarm"
    assert "gate-alarm.toml" in window.banner_label.text()
    assert not window.banner.isHidden()
    core.journal.close()
    # the next start needs no second look: the cache holds what was just checked
    again = build_core(options)
    assert not again.stale
    assert again.library.get("loyalty-card").title == "Bonus card"
    again.journal.close()


def test_the_next_start_is_usable_from_what_the_last_one_kept(qtbot, tmp_path, data_dir):
    """The first start builds the search index (on a thread of its own) and keeps it; the next
    one reads it back just after the first paint: tiles, card page and search are ready
    without a thread, and a word form typed is found at once."""
    window, core, _kept = start(qtbot, SMALL_PACK, data_dir)
    qtbot.waitUntil(lambda: window.started, timeout=10_000)
    assert window.usable
    found = [card.id for card in window.counter.library.search("картой")]
    window.close()
    core.journal.close()

    window, core, _kept = start(qtbot, SMALL_PACK, data_dir)
    qtbot.waitUntil(lambda: window.usable, timeout=5_000)
    library = window.counter.library
    assert library._building is None  # read back, not built
    assert window.board.tile("loyalty-card") is not None and window._card_page is not None
    assert [card.id for card in library.search("картой")] == found
    assert found  # «картой» is a form of a word of the loyalty card
    qtbot.waitUntil(lambda: window.started, timeout=5_000)
    core.journal.close()
