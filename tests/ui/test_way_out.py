"""A way out of every window (Ctrl+Q, Ctrl+W, Esc, Close), a shift ended in the journal each
time it ends, and a card a finger can scroll."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QScroller

from pos_coach.editing import CardEditor
from pos_coach.journal import Journal
from pos_coach.ui.editor.editor_window import EditorWindow
from tests.conftest import SHIPPED_PACK
from tests.ui.conftest import journal_rows


def kinds(window) -> list[tuple[str, str | None]]:
    return [(row["kind"], row["cashier"]) for row in journal_rows(window)]


# -- the counter ---------------------------------------------------------------------------------
def test_ctrl_q_ends_the_shift_and_quits(qtbot, window):
    window.start_shift("Anna")
    window.open_card("gate-alarm", "touch")
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert kinds(window)[-3:] == [
        ("shown", "Anna"),
        ("dismissed", "Anna"),  # the card left open is left, as with Esc
        ("shift_end", "Anna"),
    ]
    assert window.counter.cashier is None


def test_ctrl_q_from_the_search_field_and_before_a_shift(qtbot, make_window):
    window = make_window()
    qtbot.keyClick(window.shift_page.name_edit, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert journal_rows(window) == []  # no shift, nothing to end

    again = make_window()
    again.start_shift("Anna")
    qtbot.keyClick(again.header.search, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not again.isVisible()
    assert kinds(again)[-1] == ("shift_end", "Anna")


def test_ctrl_q_closes_the_back_office_windows_too(qtbot, window):
    window.start_shift("Anna")
    window.back_office.open_review()
    qtbot.waitUntil(lambda: window.review is not None and window.review.isVisible())
    review = window.review
    assert review is not None
    closed = []
    review.destroyed.connect(lambda *_: closed.append(True))  # closed windows are deleted
    window.activateWindow()  # back at the counter (in the review, Ctrl+W closes the review)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert closed or not review.isVisible()


def test_picking_the_same_name_again_ends_the_shift_first(qtbot, window):
    window.start_shift("Anna")
    qtbot.mouseClick(window.header.cashier_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.shift_page.buttons["Anna"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.header.cashier_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.shift_page.buttons["Anna"], Qt.MouseButton.LeftButton)
    assert kinds(window) == [
        ("shift_start", "Anna"),
        ("shift_end", "Anna"),
        ("shift_start", "Anna"),
        ("shift_end", "Anna"),
        ("shift_start", "Anna"),
    ]


def test_every_shift_start_closes_the_one_before(qtbot, window):
    for name in ("Anna", "Oleg", "Oleg", "Anna"):
        window.show_shift_page()
        window.start_shift(name)
    window.quit_counter()
    rows = kinds(window)
    starts = [n for n, (kind, _) in enumerate(rows) if kind == "shift_start"]
    for before, after in itertools.pairwise(starts):
        assert rows[after - 1] == ("shift_end", rows[before][1])
    assert rows[-1] == ("shift_end", "Anna")


# -- a finger on the card --------------------------------------------------------------------
def test_the_card_scrolls_by_finger_and_has_a_wide_bar(qtbot, make_window):
    window = make_window("en", SHIPPED_PACK, size=(1024, 600))
    window.start_shift("Anna")
    window.open_card("gate-alarm", "touch")
    for _ in range(3):
        QApplication.processEvents()
    details = window.card_page.view.details
    viewport = details.viewport()
    bar = details.verticalScrollBar()
    # grabbed a moment after the page is made (the tiles and the card do not wait for it)
    qtbot.waitUntil(lambda: QScroller.hasScroller(viewport), timeout=2000)
    assert bar.maximum() > 0 and bar.isVisible() and bar.width() >= 24
    start = QPoint(viewport.width() // 2, viewport.height() - 20)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 16):
        qtbot.mouseMove(viewport, start - QPoint(0, step * 10))
        qtbot.wait(15)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start - QPoint(0, 150))
    qtbot.waitUntil(lambda: bar.value() > 40, timeout=3000)
    assert window.stack.currentWidget() is window.card_page  # a drag is not a tap
    assert QScroller.hasScroller(window.board.viewport())


# -- the editor ----------------------------------------------------------------------------------
@pytest.fixture
def editor(qtbot, pack, data_dir):
    journal = Journal.in_dir(data_dir)
    window = EditorWindow(CardEditor(pack, journal), "en", store="Daisy")
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    window.show_card("gate-alarm")
    yield window
    window.close()
    journal.close()


def test_the_editor_closes_by_its_button(qtbot, editor):
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()


@pytest.mark.parametrize(
    ("key", "modifier"),
    [(Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_Escape, None)],
    ids=["ctrl+w", "esc"],
)
def test_the_editor_closes_by_key(qtbot, editor, key, modifier):
    editor.search.setFocus()
    if modifier is None:
        qtbot.keyClick(editor.search, key)
    else:
        qtbot.keyClick(editor.search, key, modifier)
    assert not editor.isVisible()


def test_unsaved_changes_keep_the_editor_open_once(qtbot, editor):
    editor.forms["en"].title.setText("Gate alarm, changed")
    assert editor._dirty
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert "unsaved" in editor.status.text() and "gate-alarm" in editor.status.text()
    qtbot.keyClick(editor.search, Qt.Key.Key_Escape)  # asked twice: dropped
    assert not editor.isVisible()


def test_escape_while_editing_a_line_leaves_the_line_not_the_editor(qtbot, editor):
    steps = editor.forms["en"].lists["steps"].items
    item = steps.item(0)
    steps.setCurrentItem(item)
    steps.editItem(item)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    line = QApplication.focusWidget()
    assert steps.isAncestorOf(line)
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert editor.isVisible()  # the line's edit was cancelled, the editor stays
    qtbot.waitUntil(
        lambda: (
            not isinstance(QApplication.focusWidget(), QLineEdit)
            or not (steps.isAncestorOf(QApplication.focusWidget()))
        )
    )


# -- the review ----------------------------------------------------------------------------------
@pytest.fixture
def review(qtbot, data_dir):
    from tests.ui.test_review_window import opened_review

    yield from opened_review(qtbot, data_dir, exposed=True)


@pytest.mark.parametrize("how", ["button", "ctrl+w", "esc"])
def test_the_review_closes(qtbot, review, how):
    if how == "button":
        qtbot.mouseClick(review.close_button, Qt.MouseButton.LeftButton)
    elif how == "ctrl+w":
        qtbot.keyClick(review.event_search, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.keyClick(review.event_search, Qt.Key.Key_Escape)
    assert not review.isVisible()
