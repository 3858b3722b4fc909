"""Contact sheets of the shipped pack: every tile, and a selection of cards, per language.

Usage: QT_QPA_PLATFORM=offscreen python tools/contact_sheet.py [--out DIR] [--cards ID,ID,...]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from pos_coach import paths
from pos_coach.app import Options, build_core, install_translators
from pos_coach.ui.counter_window import CounterWindow

DEFAULT_CARDS = "greeting,gate-alarm,loyalty-card,bad-mood,card-declined,age-check"


def sheet(pixmaps: list[QPixmap], columns: int, scale: float) -> QImage:
    width = round(pixmaps[0].width() * scale)
    height = round(pixmaps[0].height() * scale)
    rows = (len(pixmaps) + columns - 1) // columns
    gap = 12
    image = QImage(
        columns * (width + gap) + gap, rows * (height + gap) + gap, QImage.Format.Format_RGB32
    )
    image.fill(Qt.GlobalColor.darkGray)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    for n, pixmap in enumerate(pixmaps):
        x = gap + (n % columns) * (width + gap)
        y = gap + (n // columns) * (height + gap)
        painter.drawPixmap(x, y, width, height, pixmap)
    painter.end()
    return image


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--situations", type=Path, default=paths.bundled("situations"))
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--cards", default=DEFAULT_CARDS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    for lang in ("ru", "en"):
        translators = install_translators(app, lang)
        core = build_core(Options(args.situations, Path(tempfile.mkdtemp()), lang))
        core.settings["store"] = "Ромашка" if lang == "ru" else "Daisy Market"
        window = CounterWindow(core.counter, core.load.problems)
        window.resize(1024, 600)
        window.show()
        window.start_shift("Анна" if lang == "ru" else "Anna")
        app.processEvents()
        # all tiles: the board's content at the counter's width, as tall as it needs
        body = window.board.widget()
        body.resize(body.width(), body.sizeHint().height())
        app.processEvents()
        tiles = args.out / f"contact-tiles-{lang}.png"
        body.grab().save(str(tiles))
        print(tiles)
        shots = []
        for card_id in args.cards.split(","):
            window.open_card(card_id, "touch")
            app.processEvents()
            shots.append(window.grab())
            window.go_back()
        cards = args.out / f"contact-cards-{lang}.png"
        sheet(shots, columns=2, scale=0.75).save(str(cards))
        print(cards)
        window.close()
        core.journal.close()
        for translator in translators:
            app.removeTranslator(translator)


if __name__ == "__main__":
    main()
