"""Screenshots of the card editor in both languages (on a copy of the bundled pack): at its
preferred size (``editor-<lang>.png`` ...), and at 1024x600, 1280x800 and 1920x1080
(``editor-<lang>-<w>x<h>.png``, the categories too; at 1024x600 also with the preview shown).

Usage: QT_QPA_PLATFORM=offscreen python tools/editor_screenshots.py [--out DIR]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_coach import paths
from pos_coach.app import install_translators
from pos_coach.editing import CardEditor
from pos_coach.journal import Journal
from pos_coach.ui.editor.editor_window import PREFERRED_SIZE, EditorWindow

SIZES = ((1024, 600), (1280, 800), (1920, 1080))


def at_size(app: QApplication, window: EditorWindow, width: int, height: int) -> None:
    """The window at exactly that size (not maximised to the offscreen screen)."""
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(width, height)
    window.show()
    app.processEvents()
    app.processEvents()


def save(window: EditorWindow, path: Path) -> None:
    window.grab().save(str(path))
    print(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    for lang in ("ru", "en"):
        translators = install_translators(app, lang)
        folder = Path(tempfile.mkdtemp(prefix="pos-coach-editor-"))
        pack = folder / "situations"
        shutil.copytree(paths.bundled("situations"), pack)
        journal = Journal.in_dir(folder / "data")
        window = EditorWindow(
            CardEditor(pack, journal), lang, store="Ромашка" if lang == "ru" else "Daisy"
        )
        at_size(app, window, PREFERRED_SIZE.width(), PREFERRED_SIZE.height())
        window.show_card("gate-alarm")
        app.processEvents()
        for width, height in SIZES:
            at_size(app, window, width, height)
            window.tabs.setCurrentIndex(0)
            app.processEvents()
            save(window, args.out / f"editor-{lang}-{width}x{height}.png")
            if (width, height) == SIZES[0]:  # the preview hidden at first: one tap shows it
                window.preview_button.click()
                app.processEvents()
                save(window, args.out / f"editor-preview-{lang}-{width}x{height}.png")
                window.preview_by_width()
            window.tabs.setCurrentIndex(1)
            app.processEvents()
            save(window, args.out / f"editor-categories-{lang}-{width}x{height}.png")
        at_size(app, window, PREFERRED_SIZE.width(), PREFERRED_SIZE.height())
        window.tabs.setCurrentIndex(0)
        for name in ("editor", "editor-problem"):
            if name == "editor-problem":
                _conflict(window, lang)
            window.check()
            app.processEvents()
            save(window, args.out / f"{name}-{lang}.png")
        window.tabs.setCurrentIndex(1)
        app.processEvents()
        save(window, args.out / f"editor-categories-{lang}.png")
        window.close()
        journal.close()
        for translator in translators:
            app.removeTranslator(translator)


def _conflict(window: EditorWindow, lang: str) -> None:
    """A hotkey taken by another card and an empty summary: the problems show by the fields."""
    form = window.forms[lang]
    form.hotkey.set_value("F1")
    form.summary.setText("")
    window._edited()


if __name__ == "__main__":
    main()
