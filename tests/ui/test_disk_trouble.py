"""Disk trouble at the counter: a journal locked by another program, a disk that refuses writes.

The counter keeps working, the waiting events are shown, and they are written as soon as the
disk allows — in order, each exactly once. Events still waiting at exit are spilled to a file
and written in at the next start.
"""

from __future__ import annotations

import sqlite3

from pos_coach.journal import SCHEMA_VERSION, Appender, Event, Journal, spill, spilled_files
from tests.ui.conftest import journal_rows


def kinds(window) -> list[tuple[str, str | None]]:
    return [(r["kind"], r["situation"]) for r in journal_rows(window)]


def settle(window) -> None:
    """Let the journal's writer try (it works on its own thread), then look at the counter."""
    window.counter.writer.flush()
    window.show_waiting()


def test_a_journal_locked_by_another_program(qtbot, window, data_dir):
    window.start_shift("Anna")
    window.counter.writer.flush()
    other = sqlite3.connect(data_dir / "journal.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. `sqlite3 journal.db` left in a write transaction
    window.open_card("gate-alarm", "touch")
    window.record_outcome("ok")
    window.open_card("greeting", "hotkey")
    assert window.stack.currentWidget() is window.card_page  # the counter works on
    settle(window)
    assert len(window.counter.writer.pending) == 3
    assert window.waiting.isVisible() and "3 event(s) wait" in window.waiting.text()
    assert "database is locked" in window.waiting.text()
    other.execute("ROLLBACK")
    other.close()
    settle(window)
    assert not window.waiting.isVisible()
    assert kinds(window) == [
        ("shift_start", None),
        ("shown", "gate-alarm"),
        ("outcome", "gate-alarm"),
        ("shown", "greeting"),
    ]


def test_a_full_or_read_only_disk(qtbot, window, monkeypatch):
    window.start_shift("Anna")
    journal = window.counter.journal
    real_append = Journal.append_many
    refusals = {"left": 4}

    def refusing(self, events):
        if refusals["left"] > 0:
            refusals["left"] -= 1
            raise sqlite3.OperationalError("database or disk is full")
        real_append(self, events)

    monkeypatch.setattr(Journal, "append_many", refusing)
    window.open_card("gate-alarm", "touch")
    window.mark_said()
    window.record_outcome("wow")
    settle(window)
    assert "disk is full" in window.waiting.text()
    for _ in range(4):
        settle(window)
    assert not window.counter.writer.pending and not window.waiting.isVisible()
    rows = [(r["kind"], r["situation"]) for r in journal.db["events"].rows_where(order_by="rowid")]
    assert rows == [
        ("shift_start", None),
        ("shown", "gate-alarm"),
        ("said", "gate-alarm"),
        ("outcome", "gate-alarm"),
    ]


def test_a_retry_after_an_unclear_error_writes_no_duplicate(data_dir):
    journal = Journal.in_dir(data_dir)
    event = Event("note", cashier="Anna")
    journal.append(event)
    journal.append(event)  # sent again: the id is already there
    assert journal.count() == 1


def test_events_still_waiting_at_exit_are_written_at_the_next_start(data_dir):
    waiting = [
        Event("shown", situation="greeting", cashier="Anna"),
        Event("outcome", situation="greeting", outcome="ok"),
    ]
    path = spill(waiting, data_dir)
    assert path is not None and path.exists()
    assert path.stat().st_mode & 0o777 == 0o600  # cashiers' names: this user's eyes only
    journal = Journal.in_dir(data_dir)
    writer = Appender(journal)
    writer.take_in(spilled_files(data_dir))
    assert writer.flush()
    assert [e.id for e in journal.events()] == [e.id for e in waiting]
    assert not path.exists()  # removed once its events are in the journal
    assert writer.taken_in == 2
    writer.take_in(spilled_files(data_dir))
    assert writer.flush() and journal.count() == 2  # each once
    writer.close()


def test_a_data_dir_that_cannot_be_written_at_start(qtbot, tmp_path):
    from pos_coach.app import Options, build_core
    from pos_coach.ui.counter_window import CounterWindow
    from tests.conftest import SMALL_PACK

    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the data folder should be")
    data = blocker / "data"
    core = build_core(Options(SMALL_PACK, data, "en"))
    assert core.journal.waiting_for is not None and "a-file" in core.journal.waiting_for
    window = CounterWindow(core.counter, core.load.problems)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    assert window.waiting.isVisible()  # said from the start, before any event waits
    assert "cannot be written" in window.waiting.text()
    window.start_shift("Anna")  # the counter works on; the new name cannot be saved
    window.open_card("gate-alarm", "touch")
    window.record_outcome("wow")
    assert window.stack.currentWidget() is window.board
    settle(window)
    assert "3 event(s) wait" in window.waiting.text()
    blocker.unlink()  # the folder can be made now
    settle(window)
    window.show_waiting()  # nothing waits now: the window's own journal opens the file too
    assert not window.waiting.isVisible() and not window.counter.writer.pending
    journal = Journal.in_dir(data)
    rows = [(e.kind, e.situation) for e in journal.events()]
    assert rows == [("shift_start", None), ("shown", "gate-alarm"), ("outcome", "gate-alarm")]
    core.counter.writer.close()
    core.journal.close()
    journal.close()


def test_an_old_journal_is_brought_forward_while_the_counter_works(qtbot, data_dir):
    """A journal of an older version: the window opens at once and says the update is under
    way; a program holding the file locked holds up the update, never the cashier; once it
    lets go, the journal is brought forward and every event is there, the old ones first."""
    from zoneinfo import ZoneInfo

    from pos_coach.app import Options, build_core
    from pos_coach.ui.counter_window import CounterWindow
    from tests.conftest import SMALL_PACK
    from tests.unit.test_report_counts import _write_v4, random_events

    old = random_events(7, ZoneInfo("Europe/Moscow"))
    _write_v4(data_dir / "journal.db", old)
    other = sqlite3.connect(data_dir / "journal.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # `sqlite3 journal.db` left in a write transaction
    core = build_core(Options(SMALL_PACK, data_dir, "en"))
    assert core.journal.updating
    window = CounterWindow(core.counter, core.load.problems)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    core.counter.writer.start()  # as the app does after the first paint
    window.start_shift("Anna")
    window.open_card("gate-alarm", "touch")
    window.record_outcome("ok")
    assert window.stack.currentWidget() is window.board  # the counter works on
    settle(window)
    assert window.waiting.isVisible()
    assert "Updating the journal to this version: 0%" in window.waiting.text()
    assert len(core.counter.writer.pending) == 3
    # a trigger meanwhile: shown at once; its answer says why its event waits (not "the disk")
    from pos_coach.inlet.later import Later
    from pos_coach.ui.inlet_handler import InletHandler

    later = InletHandler(window).handle({"cmd": "trigger", "id": "greeting"})
    assert isinstance(later, Later)
    got: list[dict] = []
    later.when_ready(got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    assert got[0]["ok"] and got[0]["logged"] is False
    assert got[0]["waiting"] == "the journal is being updated to this version (0%)"
    window.go_back()
    window.back_office.open_review()  # the file is of the old version until the update is done
    assert window.back_office.review is None and "being updated" in window.toast.text()
    other.execute("ROLLBACK")
    other.close()
    qtbot.waitUntil(lambda: core.counter.writer.updating is None, timeout=30_000)
    settle(window)
    assert not window.waiting.isVisible() and not core.counter.writer.pending
    assert core.journal.waiting_for is None  # the window reads the real file now
    assert core.journal.version == SCHEMA_VERSION
    assert core.journal.count() == len({e.id for e in old}) + 5
    newest = [(e.kind, e.situation) for e in core.journal.events()][-5:]
    assert newest == [
        ("shift_start", None),
        ("shown", "gate-alarm"),
        ("outcome", "gate-alarm"),
        ("shown", "greeting"),
        ("dismissed", "greeting"),  # the trigger's card, left without an outcome
    ]
    core.counter.writer.close()
    core.journal.close()
