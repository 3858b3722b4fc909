"""The cashier's window, driven by clicks and keys, checked against the journal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QPushButton

from tests.ui.conftest import journal_rows


def start(qtbot, window, name="Anna"):
    if name.isascii():
        qtbot.keyClicks(window.shift_page.name_edit, name)
    else:  # QTest can only type Latin-1 characters
        window.shift_page.name_edit.setText(name)
    qtbot.mouseClick(window.shift_page.start_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.board


def card_title(window) -> str:
    return window.card_page.view.title.text()


def test_starts_on_the_shift_page_and_logs_shift_start(qtbot, window):
    assert window.stack.currentWidget() is window.shift_page
    start(qtbot, window)
    rows = journal_rows(window)
    assert [(r["kind"], r["cashier"]) for r in rows] == [("shift_start", "Anna")]
    assert window.counter.settings.cashiers == ["Anna"]  # remembered for the next shift
    assert window.header.cashier_button.text() == "Anna"


def test_known_names_are_buttons(qtbot, make_window):
    window = make_window()
    window.counter.settings["cashiers"] = ["Oleg", "Maria"]
    window.show_shift_page()
    qtbot.mouseClick(window.shift_page.buttons["Maria"], Qt.MouseButton.LeftButton)
    assert window.counter.cashier == "Maria"
    assert journal_rows(window)[-1]["kind"] == "shift_start"


def test_tiles_grouped_by_category_with_hotkeys(qtbot, window):
    start(qtbot, window)
    assert window.board.visible_ids() == ["greeting", "loyalty-card", "gate-alarm"]
    tile = window.board.tile("gate-alarm")
    assert tile.isVisible()
    labels = [child.text() for child in tile.findChildren(type(window.card_page.view.title))]
    assert "F2" in labels and "Security gate alarm" in labels


def test_tile_click_opens_the_card_and_logs_shown(qtbot, window):
    start(qtbot, window)
    qtbot.mouseClick(window.board.tile("gate-alarm"), Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.card_page
    assert card_title(window) == "Security gate alarm"
    shown = journal_rows(window)[-1]
    assert (shown["kind"], shown["situation"], shown["source"]) == ("shown", "gate-alarm", "touch")
    assert shown["card_rev"] == window.counter.library.get("gate-alarm").rev
    assert shown["phrase"] == window.counter.library.get("gate-alarm").say[0]
    assert window.card_page.view.phrase.text() == shown["phrase"]


def test_hotkey_opens_the_card_even_from_the_search_field(qtbot, window):
    start(qtbot, window)
    assert window.header.search.hasFocus()
    qtbot.keyClick(window.header.search, Qt.Key.Key_F3)
    assert card_title(window) == "Loyalty card"
    assert journal_rows(window)[-1]["source"] == "hotkey"
    # a hotkey while another card is open replaces it; the first is dismissed
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert card_title(window) == "Security gate alarm"
    kinds = [(r["kind"], r["situation"]) for r in journal_rows(window)[-3:]]
    assert kinds == [
        ("shown", "loyalty-card"),
        ("dismissed", "loyalty-card"),
        ("shown", "gate-alarm"),
    ]


def test_typing_searches_and_enter_opens_the_best_match(qtbot, window):
    start(qtbot, window)
    qtbot.keyClicks(window.header.search, "alarm")
    assert window.board.searching
    assert window.board.visible_ids()[0] == "gate-alarm"
    qtbot.keyClick(window.header.search, Qt.Key.Key_Return)
    assert card_title(window) == "Security gate alarm"
    assert journal_rows(window)[-1]["source"] == "search"
    assert window.header.search.text() == ""


def test_search_with_a_typo_and_a_result_tap(qtbot, window):
    start(qtbot, window)
    qtbot.keyClicks(window.header.search, "loyalti")
    assert window.board.visible_ids() == ["loyalty-card"]
    qtbot.mouseClick(window.board.tile("loyalty-card"), Qt.MouseButton.LeftButton)
    assert journal_rows(window)[-1]["source"] == "search"


def test_wrong_layout_search_in_russian(qtbot, make_window):
    window = make_window("ru")
    start(qtbot, window, "Анна")
    qtbot.keyClicks(window.header.search, "hfvrf")  # "рамка" on the Latin layout
    assert window.board.visible_ids()[0] == "gate-alarm"


def test_the_other_languages_words_find_the_card_in_this_one(qtbot, window):
    start(qtbot, window)  # an English counter; the pack has Russian cards of the same ids
    window.header.search.setText("рамка")  # QTest types Latin-1 only
    assert window.board.visible_ids()[0] == "gate-alarm"
    qtbot.keyClick(window.header.search, Qt.Key.Key_Escape)
    qtbot.keyClicks(window.header.search, "hfvrf")  # «рамка» on the Latin layout
    assert window.board.visible_ids()[0] == "gate-alarm"
    qtbot.keyClick(window.header.search, Qt.Key.Key_Return)
    assert card_title(window) == "Security gate alarm"


def test_nothing_found_says_so(qtbot, window):
    start(qtbot, window)
    qtbot.keyClicks(window.header.search, "qqqqzzzz")
    assert window.board.visible_ids() == []
    texts = [
        label.text()
        for label in window.board.widget().findChildren(type(window.card_page.view.title))
    ]
    assert "Nothing found. Try another word." in texts
    qtbot.keyClick(window.header.search, Qt.Key.Key_Escape)
    assert window.header.search.text() == "" and not window.board.searching


def test_typing_on_a_card_starts_a_new_search(qtbot, window):
    start(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.stack.currentWidget() is window.card_page
    qtbot.keyClicks(window.card_page, "card")
    assert window.stack.currentWidget() is window.board
    assert window.header.search.text() == "card"
    assert journal_rows(window)[-1]["kind"] == "dismissed"


def test_another_phrasing_and_mark_said(qtbot, window):
    start(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    view = window.card_page.view
    first = view.phrase.text()
    assert view.phrase_count.text() == "phrasing 1 of 4"
    qtbot.mouseClick(view.another_button, Qt.MouseButton.LeftButton)
    second = view.phrase.text()
    assert second != first and view.phrase_count.text() == "phrasing 2 of 4"
    assert "our shop" in second or second  # placeholders are filled, never shown raw
    assert "{" not in second
    qtbot.mouseClick(view.said_button, Qt.MouseButton.LeftButton)
    said = journal_rows(window)[-1]
    assert (said["kind"], said["phrase"]) == (
        "said",
        window.counter.library.get("loyalty-card").say[1],
    )
    assert view.said_button.isChecked() and view.said_button.text() == "✓ Said"
    # tapping again does not log twice
    qtbot.mouseClick(view.said_button, Qt.MouseButton.LeftButton)
    assert [r["kind"] for r in journal_rows(window)].count("said") == 1


def test_each_outcome_by_button(qtbot, window):
    start(qtbot, window)
    for outcome in ("upset", "ok", "wow", "escalated"):
        qtbot.keyClick(window, Qt.Key.Key_F1)
        qtbot.mouseClick(window.card_page.outcomes.buttons[outcome], Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is window.board
        row = journal_rows(window)[-1]
        assert (row["kind"], row["outcome"], row["situation"]) == ("outcome", outcome, "greeting")
        assert window.toast.isVisible()


def test_each_outcome_by_digit_key(qtbot, window):
    start(qtbot, window)
    for key, outcome in (("1", "upset"), ("2", "ok"), ("3", "wow"), ("4", "escalated")):
        qtbot.keyClick(window, Qt.Key.Key_F2)
        qtbot.keyClicks(window.card_page, key)
        row = journal_rows(window)[-1]
        assert (row["kind"], row["outcome"]) == ("outcome", outcome)
        assert window.stack.currentWidget() is window.board


def test_back_by_button_and_by_escape_logs_dismissed(qtbot, window):
    start(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.mouseClick(window.card_page.view.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.board
    qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.keyClick(window.card_page, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.board
    kinds = [(r["kind"], r["situation"]) for r in journal_rows(window)[1:]]
    assert kinds == [
        ("shown", "greeting"),
        ("dismissed", "greeting"),
        ("shown", "gate-alarm"),
        ("dismissed", "gate-alarm"),
    ]
    interactions = {r["interaction"] for r in journal_rows(window)[1:3]}
    assert len(interactions) == 1


def test_keys_do_nothing_before_a_shift_starts(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.stack.currentWidget() is window.shift_page
    assert journal_rows(window) == []


def test_change_cashier_logs_end_and_start(qtbot, window):
    start(qtbot, window)
    qtbot.mouseClick(window.header.cashier_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.shift_page
    start(qtbot, window, "Oleg")
    assert [(r["kind"], r["cashier"]) for r in journal_rows(window)] == [
        ("shift_start", "Anna"),
        ("shift_end", "Anna"),
        ("shift_start", "Oleg"),
    ]


def test_settings_store_register_and_cashiers(qtbot, window):
    start(qtbot, window)
    qtbot.mouseClick(window.header.settings_button, Qt.MouseButton.LeftButton)
    page = window.settings_page
    assert window.stack.currentWidget() is page
    page.store_edit.setText("Daisy Market")
    page.register_edit.setText("3")
    qtbot.keyClicks(page.new_name, "Maria")
    qtbot.keyClick(page.new_name, Qt.Key.Key_Return)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.board
    assert "Daisy Market" in window.header.place.text() and "3" in window.header.place.text()
    settings = window.counter.settings
    assert (settings["store"], settings["register"], settings.cashiers) == (
        "Daisy Market",
        "3",
        ["Anna", "Maria"],
    )
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert journal_rows(window)[-1]["register"] == "3"


def test_the_shops_address_is_set_at_the_counter_and_read_out_in_an_emergency(qtbot, window):
    start(qtbot, window)
    qtbot.mouseClick(window.header.settings_button, Qt.MouseButton.LeftButton)
    page = window.settings_page
    page.address_edit.setText("12 Mill Lane, Leeds LS1 4AB")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.counter.settings["address"] == "12 Mill Lane, Leeds LS1 4AB"
    # the settings page shows it again next time
    qtbot.mouseClick(window.header.settings_button, Qt.MouseButton.LeftButton)
    assert page.address_edit.text() == "12 Mill Lane, Leeds LS1 4AB"
    assert window.counter.placeholder_values()["address"] == "12 Mill Lane, Leeds LS1 4AB"


def test_problems_in_the_pack_show_a_banner(qtbot, make_window):
    from tests.conftest import FAULTY_PACK

    window = make_window("ru", FAULTY_PACK)
    assert window.banner.isVisible()
    assert "21" in window.banner_label.text()
    start(qtbot, window, "Анна")
    # a card with only a warning is shown; a card with an error is not
    shown = {"good", "only-russian", "wrong-order", "x-duplicate-hotkey"}
    assert set(window.board.visible_ids()) == shown


def test_touch_targets_are_big_enough(qtbot, window):
    start(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    buttons = [b for b in window.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) >= 8
    small = [(b.objectName(), b.height()) for b in buttons if b.height() < 48]
    assert small == []


def test_card_text_is_plain_text(qtbot, make_window, tmp_path):
    import shutil

    from tests.conftest import SMALL_PACK

    pack = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, pack)
    card = pack / "en" / "greeting.toml"
    html = "<b>bold</b> <img src='http://example.invalid/x.png'> <a href='file:///etc/passwd'>x</a>"
    card.write_text(card.read_text("utf-8").replace('"{greeting}!",', f'"{html}",'), "utf-8")
    window = make_window("en", pack)
    start(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    label = window.card_page.view.phrase
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == html


def test_pages_made_after_the_first_paint_lay_out_like_the_first_one(qtbot, make_window):
    window = make_window("en")
    qtbot.waitUntil(lambda: window._card_page is not None)  # made just after the first paint

    def settle() -> None:  # what a cashier's next frame shows
        qtbot.wait(1)
        window.grab()

    settle()
    window.start_shift("Anna")
    settle()
    window.header.search.setText("gate")
    settle()
    window.open_card("gate-alarm", "touch")
    settle()
    view = window.card_page.view
    labels = [label for block in (view.steps, view.avoid, view.wow) for label in block._lines]
    squashed = [
        (label.text(), label.height())
        for label in labels
        if label.isVisible() and label.height() < label.heightForWidth(label.width())
    ]
    assert labels and squashed == []


def test_at_start_the_keyboard_types_the_cashiers_name(qtbot, make_window):
    window = make_window("en")
    assert window.stack.currentWidget() is window.shift_page
    assert QApplication.focusWidget() is window.shift_page.name_edit
    qtbot.keyClicks(window.shift_page.name_edit, "Zoe")
    qtbot.keyClick(window.shift_page.name_edit, Qt.Key.Key_Return)
    assert window.counter.cashier == "Zoe"


def test_a_board_that_fits_the_screen_has_no_most_used_row(qtbot, window):
    start(qtbot, window)
    assert window.board.top_ids() == []  # three cards: every tile is on the first screen
    assert window.board.top_tile("gate-alarm") is None


def test_each_tile_wears_its_categorys_colour_with_ink_that_reads_on_it(qtbot, make_window, pack):
    # a pale category needs dark ink, a dark one white: both on one board
    toml = pack / "en" / "pack.toml"
    toml.write_text(toml.read_text().replace("#8A2E2E", "#F2E68A"), encoding="utf-8")
    window = make_window("en", pack=pack)
    start(qtbot, window)
    for card, background in (("greeting", (0x2E, 0x6B, 0x3F)), ("gate-alarm", (0xF2, 0xE6, 0x8A))):
        tile = window.board.tile(card)
        image = tile.grab().toImage()
        corner = image.pixelColor(image.width() // 2, image.height() - 4)
        assert (corner.red(), corner.green(), corner.blue()) == background, card
        paper = QColor(*background).lightness()
        inks = {
            "dark" if image.pixelColor(x, y).lightness() < paper else "light"
            for x in range(0, image.width(), 2)
            for y in range(0, image.height() // 2, 2)
            if abs(image.pixelColor(x, y).lightness() - paper) > 100
        }
        assert inks == ({"dark"} if card == "gate-alarm" else {"light"}), card
