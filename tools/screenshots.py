"""Render the counter window offscreen to PNG, in both languages, at the two reference sizes.

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshots.py [--situations DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from pos_coach import paths
from pos_coach.app import Options, build_core, install_translators
from pos_coach.ui.counter_window import CounterWindow

SIZES = ((1024, 600), (1280, 800), (1920, 1080))


def shoot(situations: Path, out: Path, card: str, names: dict[str, str]) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    written: list[Path] = []
    for lang in ("ru", "en"):
        translators = install_translators(app, lang)
        data = Path(tempfile.mkdtemp(prefix="pos-coach-shots-"))
        core = build_core(Options(situations, data, lang))
        core.settings["store"] = "Ромашка" if lang == "ru" else "Daisy Market"
        core.settings["cashiers"] = (
            ["Анна", "Олег", "Мария"] if lang == "ru" else ["Anna", "Oleg", "Maria"]
        )
        window = CounterWindow(core.counter, core.load.problems)
        for width, height in SIZES:
            window.resize(width, height)
            window.show_shift_page()
            window.show()
            app.processEvents()
            written.append(_save(window, out / f"shift-{lang}-{width}x{height}.png"))
            window.start_shift(names[lang])
            app.processEvents()
            written.append(_save(window, out / f"counter-{lang}-{width}x{height}.png"))
            window.header.search.setText("hfvrf" if lang == "ru" else "refund")
            app.processEvents()
            written.append(_save(window, out / f"search-{lang}-{width}x{height}.png"))
            window.open_card(card, "touch")
            app.processEvents()
            written.append(_save(window, out / f"card-{lang}-{width}x{height}.png"))
            window.go_back()
            window.show_settings()
            app.processEvents()
            written.append(_save(window, out / f"settings-{lang}-{width}x{height}.png"))
            window.settings_page.cancelled.emit()
        written += _side(window, out, lang)
        window.close()
        core.journal.close()
        written.append(_banner(situations.parent / "tests" / "data" / "faulty", out, lang))
        written.append(_unwritable(situations, out, lang))
        written += _damaged(situations, out, lang)
        written += _updating(situations, out, lang)
        written += _settings_warnings(situations, out, lang)
        written += _owner_pin(situations, out, lang)
        for translator in translators:
            app.removeTranslator(translator)
    return written


def _side(window: CounterWindow, out: Path, lang: str) -> list[Path]:
    """A narrow portrait side screen (600x1024): tiles and a card in the compact layout."""
    window.resize(600, 1024)
    window.show_tiles()
    QApplication.processEvents()
    paths = [_save(window, out / f"side-tiles-{lang}-600x1024.png")]
    window.open_card("gate-alarm", "trigger", external=True)
    QApplication.processEvents()
    paths.append(_save(window, out / f"side-card-{lang}-600x1024.png"))
    window.go_back()
    return paths


def _banner(pack: Path, out: Path, lang: str) -> Path:
    """The counter over a pack with problems: the banner names the first one."""
    core = build_core(Options(pack, Path(tempfile.mkdtemp(prefix="pos-coach-shots-")), lang))
    window = CounterWindow(core.counter, core.load.problems)
    window.resize(1024, 600)
    window.show()
    window.start_shift("Анна" if lang == "ru" else "Anna")
    path = _save(window, out / f"banner-{lang}-1024x600.png")
    window.close()
    core.journal.close()
    return path


def _unwritable(situations: Path, out: Path, lang: str) -> Path:
    """The counter when its data folder cannot be written: events wait in memory, it says so."""
    blocker = Path(tempfile.gettempdir()) / "pos-coach-shots" / "usb-stick"  # same text each time
    blocker.parent.mkdir(exist_ok=True)
    blocker.write_text("a file where the data folder should be")
    core = build_core(Options(situations, blocker / "pos-coach", lang))
    window = CounterWindow(core.counter, core.load.problems)
    window.resize(1024, 600)
    window.show()
    window.start_shift("Анна" if lang == "ru" else "Anna")
    window.open_card("gate-alarm", "touch")
    window.record_outcome("ok")
    window.show_waiting()
    path = _save(window, out / f"waiting-{lang}-1024x600.png")
    window.close()
    core.journal.close()
    return path


def _damaged(situations: Path, out: Path, lang: str) -> list[Path]:
    """The counter right after the disk garbled a page of its journal: kept aside, said, and
    the counter logs on in a fresh one."""
    import os
    import sqlite3

    from pos_coach.journal import Event, Journal

    data = Path(tempfile.mkdtemp(prefix="pos-coach-shots-"))
    journal = Journal.in_dir(data)
    journal.append_many([Event("note", detail={"n": n}) for n in range(2000)])
    journal.checkpoint("TRUNCATE")
    journal.close()
    conn = sqlite3.connect(data / "journal.db")
    sql = "SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_events_1'"
    root = conn.execute(sql).fetchone()[0]
    conn.close()
    with open(data / "journal.db", "r+b") as file:
        file.seek((root - 1) * 4096)
        file.write(os.urandom(4096))
    core = build_core(Options(situations, data, lang))
    window = CounterWindow(core.counter, core.load.problems)
    window.show()
    window.start_shift("Анна" if lang == "ru" else "Anna")
    core.counter.writer.settle(30)
    window.show_waiting()
    written = _at_sizes(window, out, f"damaged-{lang}")
    window.close()
    core.journal.close()
    return written


def _updating(situations: Path, out: Path, lang: str) -> list[Path]:
    """The counter on the first start after an update of the program, while the writer brings
    a journal of the older version forward (here shown at 37%: a big journal takes minutes)."""
    import sqlite3

    from pos_coach.journal import schema

    data = Path(tempfile.mkdtemp(prefix="pos-coach-shots-"))
    conn = sqlite3.connect(data / "journal.db", isolation_level=None)
    for number, step in enumerate(schema.MIGRATIONS[:4]):
        step(conn)
        conn.execute(f"PRAGMA user_version = {number + 1}")
    conn.close()
    core = build_core(Options(situations, data, lang))
    assert core.journal.updating, "the journal was not taken for one to bring forward"
    core.counter.writer.updating = 0.37  # the writer is not started here: the share stays
    window = CounterWindow(core.counter, core.load.problems)
    window.show()
    window.show_waiting()
    written = _at_sizes(window, out, f"updating-{lang}")
    window.close()
    core.journal.close()
    return written


def _settings_warnings(situations: Path, out: Path, lang: str) -> list[Path]:
    """A settings file with values out of range: the defaults are used, the banner says so."""
    import json

    data = Path(tempfile.gettempdir()) / "pos-coach-shots" / "settings-out-of-range"
    data.mkdir(parents=True, exist_ok=True)
    for old in data.iterdir():
        if old.is_file():
            old.unlink()
    values = {"auto_return_seconds": 3_000_000, "http_port": 70_000}
    (data / "settings.json").write_text(json.dumps(values), "utf-8")
    core = build_core(Options(situations, data, lang))
    window = CounterWindow(core.counter, core.load.problems)
    from pos_coach.app import BANNER_WARNINGS

    for line in core.settings.warning_lines(lang, at_most=BANNER_WARNINGS):  # as `run` does
        window.show_notice(line)
    window.show()
    written = _at_sizes(window, out, f"settings-warnings-{lang}")
    window.close()
    core.journal.close()
    return written


def _owner_pin(situations: Path, out: Path, lang: str) -> list[Path]:
    """The owner choosing a PIN: a 4-digit one gets the advice to choose 6 or more."""
    core = build_core(Options(situations, Path(tempfile.mkdtemp(prefix="pos-coach-shots-")), lang))
    window = CounterWindow(core.counter, core.load.problems)
    window.show()
    window.start_shift("Анна" if lang == "ru" else "Anna")
    window.ask_editor_pin()
    page = window.pin_page
    page.field.setText("1234")
    page.submit()
    written = _at_sizes(window, out, f"pin-short-{lang}")
    window.close()
    core.journal.close()
    return written


def _at_sizes(window: CounterWindow, out: Path, name: str) -> list[Path]:
    """The window as it is, at each of the three sizes: ``<name>-<w>x<h>.png``."""
    written = []
    for width, height in SIZES:
        window.resize(width, height)
        written.append(_save(window, out / f"{name}-{width}x{height}.png"))
    return written


def _settle(window: CounterWindow) -> None:
    """Until what waits for the first paint is done (flags, the store's name)."""
    deadline = time.monotonic() + 5
    while not window.settled and time.monotonic() < deadline:
        QApplication.processEvents()


def _save(window: CounterWindow, path: Path) -> Path:
    _settle(window)
    QApplication.processEvents()
    window.grab().save(str(path))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--situations", type=Path, default=paths.bundled("situations"))
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--card", default="gate-alarm")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in shoot(args.situations, args.out, args.card, {"ru": "Анна", "en": "Anna"}):
        print(path)


if __name__ == "__main__":
    main()
