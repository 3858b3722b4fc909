"""The review opens from the counter behind the shift lead's PIN (asked on a page, no dialog)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from pos_coach.pins import verify_pin


def tap(qtbot, window, keys: str) -> None:
    for key in keys:
        qtbot.mouseClick(
            window.pin_page.findChild(type(window.header.review_button), f"pin-{key}"),
            Qt.MouseButton.LeftButton,
        )


def test_first_use_sets_the_pin_then_opens_the_review(qtbot, window):
    window.start_shift("Anna")
    qtbot.mouseClick(window.header.review_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.pin_page
    assert "No PIN yet" in window.pin_page.hint.text()
    tap(qtbot, window, "12✓")
    assert "at least 4 digits" in window.pin_page.message.text()
    tap(qtbot, window, "2580✓")
    assert "Repeat" in window.pin_page.hint.text()
    tap(qtbot, window, "2581✓")
    assert "differ" in window.pin_page.message.text()
    tap(qtbot, window, "2580✓2580✓")
    stored = window.counter.settings["lead_pin"]
    assert verify_pin("2580", stored) and "2580" not in stored
    assert window.review is not None
    qtbot.waitUntil(window.review.isVisible)
    assert window.stack.currentWidget() is window.board  # the counter is back to its tiles
    window.review.close()


def test_wrong_pin_is_refused_and_slowed_down(qtbot, window):
    from pos_coach.pins import hash_pin

    window.counter.settings["lead_pin"] = hash_pin("2580")
    window.start_shift("Anna")
    window.ask_review_pin()
    tap(qtbot, window, "1111✓")
    assert window.review is None
    assert "Wrong PIN" in window.pin_page.message.text() and "1 s" in window.pin_page.message.text()
    tap(qtbot, window, "2580✓")  # right, but too soon
    assert window.review is None
    # leaving and coming back does not reset the wait
    qtbot.mouseClick(
        window.pin_page.findChild(type(window.header.review_button), "pinCancel"),
        Qt.MouseButton.LeftButton,
    )
    window.ask_review_pin()
    qtbot.wait(1100)
    tap(qtbot, window, "2580✓")
    assert window.review is not None
    window.review.close()


def test_typed_pin_and_enter(qtbot, window):
    from pos_coach.pins import hash_pin

    window.counter.settings["lead_pin"] = hash_pin("4321")
    window.start_shift("Anna")
    window.ask_review_pin()
    qtbot.keyClicks(window.pin_page.field, "4321")
    qtbot.keyClick(window.pin_page.field, Qt.Key.Key_Return)
    assert window.review is not None
    window.review.close()


def test_the_owner_sets_a_pin_on_first_use_and_it_opens_the_editor(qtbot, make_window, tmp_path):
    import shutil

    from tests.conftest import SMALL_PACK

    pack = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, pack)
    window = make_window("en", pack)
    window.watch(pack)
    window.start_shift("Anna")
    qtbot.mouseClick(window.header.editor_button, Qt.MouseButton.LeftButton)
    assert window.pin_page.title.text() == "Owner's PIN"
    tap(qtbot, window, "9876✓9876✓")
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.isVisible())
    assert verify_pin("9876", window.counter.settings["owner_pin"])
    window.editor.close()
    qtbot.waitUntil(lambda: window.editor is None)
    # the owner's PIN opens the review too; a cashier's guess does not open the editor
    window.ask_review_pin()
    tap(qtbot, window, "9876✓")
    qtbot.waitUntil(lambda: window.review is not None)
    window.review.close()
    window.ask_editor_pin()
    tap(qtbot, window, "1111✓")
    assert window.editor is None and "Wrong PIN" in window.pin_page.message.text()


def test_back_office_windows_lock_themselves_when_idle(qtbot, window):
    from pos_coach.pins import hash_pin

    window.counter.settings["lead_pin"] = hash_pin("2580")
    # below the setting's range (1 to 1440) on purpose, past its check: the lock comes at once
    window.counter.settings.values["lock_minutes"] = 0
    window.start_shift("Anna")
    window.ask_review_pin()
    tap(qtbot, window, "2580✓")
    qtbot.waitUntil(lambda: window.review is not None)
    qtbot.waitUntil(lambda: window.review is None, timeout=5000)  # closed by the idle lock
    assert window.stack.currentWidget() is window.board


def test_the_wait_after_wrong_pins_goes_on_after_a_restart(qtbot, make_window, data_dir):
    """The wait lived in the window's memory: restarting the app gave a guesser a fresh start."""
    from pos_coach.pins import hash_pin

    first = make_window()
    first.counter.settings["lead_pin"] = hash_pin("2580")
    first.start_shift("Anna")
    first.ask_review_pin()
    tap(qtbot, first, "1111✓")
    qtbot.wait(1100)
    tap(qtbot, first, "2222✓")  # the second wrong PIN: 2 s to wait now
    assert "2 s" in first.pin_page.message.text()
    first.close()
    stored = json.loads((data_dir / "settings.json").read_text("utf-8"))
    # a restart: a new window over the same data dir, its settings read from the disk
    second = make_window()
    second.start_shift("Anna")
    second.ask_review_pin()
    assert "Next try in 2 s" in second.pin_page.message.text()  # said before anyone types
    tap(qtbot, second, "2580✓")  # right, but the wait is not over
    assert second.review is None
    assert stored["lead_pin_failures"] == 2 and stored["lead_pin_failed_at"] > 0
    qtbot.wait(2100)
    tap(qtbot, second, "2580✓")
    assert second.review is not None
    second.review.close()
    assert json.loads((data_dir / "settings.json").read_text("utf-8"))["lead_pin_failures"] == 0


def test_an_owner_choosing_a_short_pin_is_advised_a_longer_one(qtbot, make_window, tmp_path):
    import shutil

    from tests.conftest import SMALL_PACK

    pack = tmp_path / "pack"
    shutil.copytree(SMALL_PACK, pack)
    window = make_window("en", pack)
    window.watch(pack)
    window.start_shift("Anna")
    window.ask_editor_pin()
    page = window.pin_page
    assert "4 to 12 digits (6 or more is safer)" in page.hint.text()
    tap(qtbot, window, "2468✓")
    assert "6 digits or more are advised" in page.message.text()
    tap(qtbot, window, "1✓")  # typed another: start again, with a longer one
    assert "differ" in page.message.text()
    tap(qtbot, window, "24681357✓")
    assert page.message.text() == ""
    tap(qtbot, window, "24681357✓")
    qtbot.waitUntil(lambda: window.editor is not None)
    assert window.counter.settings["owner_pin"].startswith("scrypt$65536$8$1$")
    assert verify_pin("24681357", window.counter.settings["owner_pin"])
    window.editor.close()
