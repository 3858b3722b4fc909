"""The real program, started as a process the way `make run` starts it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import SHIPPED_PACK


def test_run_starts_and_stops_cleanly(tmp_path):
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = [
        sys.executable,
        "-m",
        "pos_coach",
        "run",
        "--situations",
        str(SHIPPED_PACK),
        "--data-dir",
        str(data),
        "--lang",
        "ru",
        "--register",
        "7",
    ]
    process = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while not (data / "journal.db").exists() and time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()
            time.sleep(0.1)
        time.sleep(1.0)  # the window is up: it must still be running
        assert process.poll() is None, process.communicate()
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    conn = sqlite3.connect(data / "journal.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_damaged_journal_is_kept_aside_and_the_app_starts(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "journal.db").write_bytes(b"not a database at all" * 50)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = [sys.executable, "-m", "pos_coach", "run", "--data-dir", str(data), "--lang", "en"]
    process = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while not list(data.glob("journal.damaged-*.db")) and time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()
            time.sleep(0.1)
        time.sleep(1.0)
        assert process.poll() is None  # running, on a fresh journal
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=20)
    kept = list(data.glob("journal.damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"not a database at all" * 50
    assert "kept as journal.damaged-" in err and "nothing was deleted" in err
    conn = sqlite3.connect(data / "journal.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_data_dir_that_cannot_be_written_still_gives_a_working_counter(tmp_path):
    from pos_coach.inlet.address import data_dir_tag, private_dir
    from tests.e2e.running import LAUNCHER, start_app

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    data = blocker / "data"  # cannot be made, not even by root
    process = start_app(data, stderr=subprocess.PIPE, text=True)
    try:
        fired = subprocess.run(
            [*LAUNCHER, "trigger", "gate-alarm", "--data-dir", str(data)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    assert fired.returncode == 3, fired.stderr  # shown, its event waits in memory
    assert fired.stdout == "shown: gate-alarm\n" and "not yet in the journal" in fired.stderr
    assert process.returncode == 0 and "Traceback" not in err
    assert "events wait in memory" in err and "a-file" in err
    # at exit the waiting events went to this user's private folder, under the data dir's name
    spilled = list(Path(private_dir()).glob(f"journal.pending-{data_dir_tag(data)}-*"))
    assert len(spilled) == 1
    try:
        blocker.unlink()  # the folder can be made now: the next start writes them in
        process = start_app(data)
        process.send_signal(signal.SIGTERM)
        process.wait(30)
        conn = sqlite3.connect(data / "journal.db")
        rows = conn.execute("SELECT kind, situation, source FROM events ORDER BY rowid").fetchall()
        assert ("shown", "gate-alarm", "trigger") in rows
        assert not spilled[0].exists()
    finally:
        for path in Path(private_dir()).glob(f"journal.pending-{data_dir_tag(data)}-*"):
            path.unlink()


def test_a_relative_data_dir_as_make_run_gives_works(tmp_path):
    """`make run` passes `--data-dir var`, relative to the checkout: the counter starts, a
    trigger is logged, `report` and `backup` read the same journal."""
    from tests.conftest import ROOT
    from tests.e2e.running import LAUNCHER

    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [*LAUNCHER, "run", "--situations", str(ROOT / "situations"), "--data-dir", "var"],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        from tests.e2e.running import wait_until_answering

        wait_until_answering(tmp_path / "var", process)

        def command(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [*LAUNCHER, *args, "--data-dir", "var"],
                cwd=tmp_path,
                env=environment,
                capture_output=True,
                text=True,
                timeout=60,
            )

        fired = command("trigger", "gate-alarm")
        copied = command("backup", "copy.db")
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    assert fired.returncode == 0, fired.stderr
    assert copied.returncode == 0, copied.stderr
    assert process.returncode == 0 and "Traceback" not in err
    conn = sqlite3.connect(tmp_path / "copy.db")
    assert conn.execute("SELECT count(*) FROM events WHERE kind = 'shown'").fetchone()[0] == 1
    conn.close()


# The real start, watched: at the first paint of the counter, has PySide built its ``Qt``
# namespace (every enum of it, 20-50 ms)? Nothing the first page shows needs it.
FIRST_PAINT = """
import sys
from importlib.machinery import PathFinder

def watch(widgets):
    from PySide6 import QtCore
    from PySide6.QtCore import QEvent, QObject, QTimer
    exec_ = widgets.QApplication.exec

    class AtFirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                print("Qt namespace built:", "Qt" in QtCore.__dict__, flush=True)
                print("cards at the first paint:", len(watched.counter.library.cards), flush=True)
                QTimer.singleShot(0, lambda: self.when_started(watched))
            return False

        def when_started(self, window):
            if not window.started:
                QTimer.singleShot(5, lambda: self.when_started(window))
                return
            print("cards once started:", len(window.counter.library.cards), flush=True)
            widgets.QApplication.instance().quit()

    def exec_watched(*_):
        watcher = AtFirstPaint()
        for window in widgets.QApplication.topLevelWidgets():
            if window.isVisible():
                window.installEventFilter(watcher)
        return exec_()

    widgets.QApplication.exec = exec_watched

class WhenImported:
    def find_spec(self, name, path=None, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path)
        load = spec.loader.exec_module
        spec.loader.exec_module = lambda module: (load(module), watch(module))
        return spec

sys.meta_path.insert(0, WhenImported())
sys.argv = ["pos-coach", "run", *sys.argv[1:]]
from pos_coach.launcher import main
main()
"""


def test_the_first_paint_waits_for_none_of_qts_flags_nor_for_the_cards(tmp_path):
    """A page, a label or a screen size that reads one of Qt's flags before the first paint
    (``Qt.AlignmentFlag``, a window's state...) costs the start 20-50 ms: it happened once
    unnoticed. The pack (half a second for 5,000 cards) is read just after the paint. On a
    screen the window fits and on one it must fill (opens maximised)."""
    env = {**os.environ}
    for screen in ("1920x1080", "800x600"):
        env["QT_QPA_PLATFORM"] = f"offscreen:size={screen}"
        for lang in ("ru", "en"):
            data = tmp_path / f"data-{screen}-{lang}"
            args = ["--situations", str(SHIPPED_PACK), "--data-dir", str(data), "--lang", lang]
            for _start in ("first", "next"):  # a new data dir, then with the pack cached
                done = subprocess.run(
                    [sys.executable, "-c", FIRST_PAINT, *args],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=60,
                )
                assert "Qt namespace built: False" in done.stdout, (screen, lang, done)
                # nor for the pack: the first page (the cashier's name) needs no card
                assert "cards at the first paint: 0" in done.stdout, done
                cards = len([f for f in (SHIPPED_PACK / lang).glob("*.toml") if f.stem != "pack"])
                assert f"cards once started: {cards}" in done.stdout, done
