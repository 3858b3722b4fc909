"""Screenshots of the review window on a demo journal, and the PDF report's first page: every
tab at 1366x768 (``review-<tab>-<lang>.png``), the first tab at 1024x600, 1280x800 and 1920x1080
(``review-glance-<lang>-<w>x<h>.png``).

Usage: QT_QPA_PLATFORM=offscreen python tools/review_screenshots.py [--out DIR]
(the PDF page needs `pdftoppm` from poppler-utils)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pos_coach import demo, paths
from pos_coach.app import install_translators
from pos_coach.cards import load_pack
from pos_coach.journal import Journal
from pos_coach.library import Library
from pos_coach.review import Filters, pictures
from pos_coach.review.pictures import ReportJob
from pos_coach.review.snapshot import Request
from pos_coach.settings import Settings
from pos_coach.ui.review.review_window import ReviewWindow

ZONE = ZoneInfo("Europe/Moscow")
NOW = datetime(2026, 11, 22, 17, 0, tzinfo=UTC)
TABS = ("glance", "charts", "situations", "cashiers", "phrasings", "unused", "events")
SIZES = ((1024, 600), (1280, 800), (1920, 1080))


def at_size(app: QApplication, window: ReviewWindow, width: int, height: int) -> None:
    """The window at exactly that size (not maximised to the offscreen screen)."""
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(width, height)
    window.show()
    for _ in range(3):
        app.processEvents()


def wait(app: QApplication, window: ReviewWindow) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (
        window.snapshot and window.situations_chart.has_chart()
    ):
        app.processEvents()
        time.sleep(0.01)
    window.worker.wait()
    for _ in range(10):
        app.processEvents()
        time.sleep(0.01)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    pack = load_pack(paths.bundled("situations"))
    for lang in ("ru", "en"):
        translators = install_translators(app, lang)
        folder = Path(tempfile.mkdtemp(prefix="pos-coach-review-"))
        journal = Journal.in_dir(folder)
        cards = pack.packs[lang].cards
        demo.generate(
            journal,
            {c.id: c.say for c in cards.values()},
            30,
            per_day=160,
            end=NOW,
            zone=ZONE,
            lang=lang,
            store="Ромашка" if lang == "ru" else "Daisy Market",
        )
        settings = Settings.in_dir(folder)
        settings["store"] = "Ромашка" if lang == "ru" else "Daisy Market"
        window = ReviewWindow(journal, Library(pack.packs[lang]), settings, ZONE, now=lambda: NOW)
        window.filters.period.setCurrentIndex(window.filters.period.findData("week"))
        at_size(app, window, 1366, 768)
        wait(app, window)
        window.phrase_situation.setCurrentIndex(window.phrase_situation.findData("loyalty-card"))
        wait(app, window)
        for width, height in SIZES:
            at_size(app, window, width, height)
            window.tabs.setCurrentIndex(0)
            app.processEvents()
            path = args.out / f"review-glance-{lang}-{width}x{height}.png"
            window.grab().save(str(path))
            print(path)
        at_size(app, window, 1366, 768)
        for n, name in enumerate(TABS):
            window.tabs.setCurrentIndex(n)
            app.processEvents()
            path = args.out / f"review-{name}-{lang}.png"
            window.grab().save(str(path))
            print(path)
        window.close()
        pdf = folder / "report.pdf"
        request = Request("week", Filters(), now=NOW)
        job = ReportJob(
            folder / "journal.db",
            pdf,
            ZONE,
            request,
            settings["store"],
            "1",
            lang,
            {c.id: c.title for c in cards.values()},
            list(cards),
        )
        pictures.executor().submit(pictures.write_report, job).result()
        if shutil.which("pdftoppm"):
            for page in (1, 2):
                target = args.out / f"report-{lang}-page{page}"
                subprocess.run(
                    [
                        "pdftoppm",
                        "-r",
                        "80",
                        "-png",
                        "-singlefile",
                        "-f",
                        str(page),
                        "-l",
                        str(page),
                        str(pdf),
                        str(target),
                    ],
                    check=True,
                )
                print(f"{target}.png")
        journal.close()
        for translator in translators:
            app.removeTranslator(translator)


if __name__ == "__main__":
    main()
