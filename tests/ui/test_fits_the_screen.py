"""Every window inside the screen, every button in reach, at 1280x800 and at 1024x600."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QMainWindow, QWidget

from pos_coach.editing import CardEditor
from pos_coach.journal import Journal
from pos_coach.ui import screen_fit
from pos_coach.ui.editor.editor_window import EditorWindow
from tests.conftest import ROOT, SHIPPED_PACK

SIZES = [(1280, 800), (1024, 600)]
ids = [f"{w}x{h}" for w, h in SIZES]


def set_size(qtbot, window: QMainWindow, size: tuple[int, int]) -> None:
    """The window as on a screen of that size (not maximised, so the size holds)."""
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: window.size() == QSize(*size))
    QApplication.processEvents()


def out_of_reach(window: QWidget, least: int = 40) -> list[str]:
    """Every button on screen that is cut by the window's edge or shorter than ``least``."""
    inside = QRect(QPoint(0, 0), window.size())
    bad = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.window() is not window:
            continue
        if button.objectName().startswith("qt_"):  # Qt's own: a table's select-all corner
            continue
        rect = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        clipped = _clipped(button)
        name = button.objectName() or button.text()
        if not inside.contains(rect) and not clipped:
            bad.append(f"{name}: outside the window {rect.getRect()}")
        elif button.height() < least:
            bad.append(f"{name}: {button.height()} px tall")
    return bad


def _clipped(widget: QWidget) -> bool:
    """In a scroll area and out of its view: reachable by scrolling, not cut by the window."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent.objectName() == "qt_scrollarea_viewport":
            return not QRect(QPoint(0, 0), parent.size()).contains(
                QRect(widget.mapTo(parent, QPoint(0, 0)), widget.size())
            )
        parent = parent.parentWidget()
    return False


def shown_whole(widget: QWidget, window: QWidget) -> bool:
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return widget.isVisibleTo(window) and QRect(QPoint(0, 0), window.size()).contains(rect)


# -- the counter ---------------------------------------------------------------------------------
@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_every_counter_page_has_its_buttons_in_reach(qtbot, make_window, size):
    window = make_window("ru", SHIPPED_PACK, size=size)
    pages = {"shift": lambda: None}
    pages["tiles"] = lambda: window.start_shift("Анна")
    pages["card"] = lambda: window.open_card("gate-alarm", "touch")
    pages["settings"] = window.show_settings
    pages["pin"] = window.ask_editor_pin
    bad = []
    for name, show in pages.items():
        show()
        QApplication.processEvents()
        bad += [f"{name}: {problem}" for problem in out_of_reach(window, least=48)]
    assert bad == []


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_the_settings_page_keeps_save_in_sight_and_never_squeezes(qtbot, make_window, size):
    window = make_window("en", SHIPPED_PACK, size=size)
    window.show_notice("A long notice in the banner.\nOn two lines.")
    window.start_shift("Anna")
    window.show_settings()
    QApplication.processEvents()
    page = window.settings_page
    assert shown_whole(page.save_button, window)
    buttons = [b for b in page.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    rects = [QRect(b.mapTo(window, QPoint(0, 0)), b.size()) for b in buttons]
    overlapping = [
        (a.objectName(), b.objectName())
        for n, (a, ra) in enumerate(zip(buttons, rects, strict=True))
        for b, rb in list(zip(buttons, rects, strict=True))[n + 1 :]
        if ra.intersects(rb)
    ]
    assert overlapping == []


def test_the_counter_opens_at_1024x600_where_there_is_room(qtbot, make_window):
    window = make_window("en")
    window.setWindowState(Qt.WindowState.WindowNoState)
    size = screen_fit.fit(window, QSize(1024, 600), area=QRect(0, 0, 1920, 1080))
    assert size == QSize(1024, 600) and not window.isMaximized()
    frame = window.frameGeometry()
    assert QRect(0, 0, 1920, 1080).contains(frame)


def test_a_window_larger_than_the_free_area_is_cut_to_it_and_maximised(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = QRect(0, 0, 1024, 560)  # a 1024x600 screen with a 40 px task bar
    size = screen_fit.fit(window, QSize(1600, 900), area=panel)
    assert size.width() <= 1024 - screen_fit.FRAME_ALLOWANCE.width()
    assert size.height() <= 560 - screen_fit.FRAME_ALLOWANCE.height()
    assert window.windowState() & Qt.WindowState.WindowMaximized
    outer = QRect(window.pos(), size + screen_fit.FRAME_ALLOWANCE)
    assert panel.contains(outer)


# -- the editor ----------------------------------------------------------------------------------
@pytest.fixture
def editor(qtbot, pack, data_dir):
    journal = Journal.in_dir(data_dir)
    window = EditorWindow(CardEditor(pack, journal), "en", store="Daisy")
    qtbot.addWidget(window)
    window.show()
    window.show_card("gate-alarm")
    yield window
    window.close()
    journal.close()


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_the_editor_fits_and_save_is_in_reach(qtbot, editor, size):
    set_size(qtbot, editor, size)
    for tab in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        assert out_of_reach(editor) == [], editor.tabs.tabText(tab)
    editor.tabs.setCurrentIndex(0)
    QApplication.processEvents()
    assert shown_whole(editor.save_button, editor)
    assert shown_whole(editor.close_button, editor)
    assert editor.minimumSizeHint().width() <= size[0]
    assert editor.minimumSizeHint().height() <= size[1]
    # the forms are never cut at the right: one language above the other when narrow
    for form in editor.forms.values():
        title = form.title
        right = title.mapTo(editor, QPoint(title.width(), 0)).x()
        viewport = title.parentWidget()
        while viewport is not None and viewport.objectName() != "qt_scrollarea_viewport":
            viewport = viewport.parentWidget()
        assert viewport is not None
        assert right <= viewport.mapTo(editor, QPoint(viewport.width(), 0)).x()


def test_at_1024x600_the_preview_starts_hidden_and_one_tap_shows_it(qtbot, editor):
    set_size(qtbot, editor, (1024, 600))
    assert not editor.preview_pane.isVisible()
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    assert editor.preview_pane.isVisible()
    assert shown_whole(editor.previews["en"], editor) or editor.preview_lang.isVisible()
    assert shown_whole(editor.save_button, editor)
    set_size(qtbot, editor, (1280, 800))  # the owner's choice stays
    assert editor.preview_pane.isVisible()
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    assert not editor.preview_pane.isVisible()


def test_at_1280x800_the_preview_shows(qtbot, editor):
    set_size(qtbot, editor, (1280, 800))
    assert editor.preview_pane.isVisible() and shown_whole(editor.preview_lang, editor)


# -- the review ----------------------------------------------------------------------------------
@pytest.fixture
def review(qtbot, data_dir):
    from tests.ui.test_review_window import opened_review

    yield from opened_review(qtbot, data_dir, lang="ru")


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_the_review_fits_and_its_exports_are_in_reach(qtbot, review, size):
    set_size(qtbot, review, size)
    for tab in range(review.tabs.count()):
        review.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        assert out_of_reach(review) == [], review.tabs.tabText(tab)
    for button in (review.csv_button, review.pdf_button, review.close_button):
        assert shown_whole(button, review), button.objectName()
    filters = [review.filters.period, review.filters.situation, review.filters.lang]
    assert all(shown_whole(combo, review) for combo in filters)
    assert review.minimumSizeHint().width() <= size[0]


# -- on a real screen of that size ------------------------------------------------------------
OPEN_ALL = textwrap.dedent(
    """
    import json, sys, tempfile
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from pos_coach.app import Options, build_core
    from pos_coach.editing import CardEditor
    from pos_coach.ui.counter_window import CounterWindow
    from pos_coach.ui.editor.editor_window import EditorWindow
    from pos_coach.ui.review.review_window import ReviewWindow
    from zoneinfo import ZoneInfo

    app = QApplication([])
    data = Path(tempfile.mkdtemp())
    core = build_core(Options(Path(sys.argv[1]), data, "ru"))
    counter = CounterWindow(core.counter, core.load.problems)
    counter.fit_to_screen()
    counter.show_fitted()
    editor = EditorWindow(CardEditor(Path(sys.argv[1]), core.journal), "ru")
    editor.show()
    review = ReviewWindow(
        core.journal, core.library, core.settings, ZoneInfo("Europe/Moscow")
    )
    review.show()
    for _ in range(20):
        app.processEvents()
    screen = app.primaryScreen().availableGeometry()
    print(json.dumps({
        "screen": screen.getRect(),
        **{name: w.frameGeometry().getRect() for name, w in
           (("counter", counter), ("editor", editor), ("review", review))},
    }))
    review.close()
    core.journal.close()
    """
)


@pytest.mark.parametrize("size", [(1280, 800), (1024, 600), (1920, 1080)], ids=str)
def test_each_window_opens_inside_a_screen_of_that_size(tmp_path, size):
    width, height = size
    screens = {
        "synchronousWindowSystem": True,
        "screens": [{"name": "till", "x": 0, "y": 0, "width": width, "height": height}],
    }
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(screens))
    script = tmp_path / "open_all.py"
    script.write_text(OPEN_ALL)
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, str(script), str(SHIPPED_PACK)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    screen = QRect(*found.pop("screen"))
    assert screen.size() == QSize(width, height)
    outside = {name: rect for name, rect in found.items() if not screen.contains(QRect(*rect))}
    assert outside == {}


def test_the_editors_preview_is_the_card_as_the_counter_shows_it_at_1024x600(qtbot, make_window):
    from pos_coach.ui.editor.preview import CARD_AREA

    window = make_window("en", size=(1024, 600))
    window.start_shift("Anna")
    window.open_card("gate-alarm", "touch")
    QApplication.processEvents()
    assert window.card_page.view.size() == QSize(*CARD_AREA)
