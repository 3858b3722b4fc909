"""Screenshots of the card editor in both languages (on a copy of the bundled pack).

Usage: QT_QPA_PLATFORM=offscreen python tools/editor_screenshots.py [--out DIR]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from pos_coach import paths
from pos_coach.app import install_translators
from pos_coach.editing import CardEditor
from pos_coach.journal import Journal
from pos_coach.ui.editor.editor_window import EditorWindow


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
        window.resize(1600, 900)
        window.show()
        window.show_card("gate-alarm")
        app.processEvents()
        for name in ("editor", "editor-problem"):
            if name == "editor-problem":
                _conflict(window, lang)
            window.check()
            app.processEvents()
            path = args.out / f"{name}-{lang}.png"
            window.grab().save(str(path))
            print(path)
        window.tabs.setCurrentIndex(1)
        app.processEvents()
        path = args.out / f"editor-categories-{lang}.png"
        window.grab().save(str(path))
        print(path)
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
