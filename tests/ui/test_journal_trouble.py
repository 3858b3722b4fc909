"""The counter when the journal has a bad day: a clock set back, a damaged file, a refusing disk.

Real journal files in a temp data dir; a "restart" is a new window built from the same folder.
"""

from __future__ import annotations

import os
import sqlite3

from pos_coach.cards import load_pack
from pos_coach.journal import Event, Journal
from tests.conftest import SMALL_PACK
from tests.ui.conftest import journal_rows

PAGE = 4096


def phrasings_shown(window, card_id: str, times: int) -> list[str]:
    shown = []
    for _ in range(times):
        window.open_card(card_id, "touch")
        shown.append(window.counter.current.phrase)
        window.go_back()
    return shown


def test_a_clock_set_back_does_not_repeat_one_phrasing(make_window, data_dir):
    """The till's clock ran a year ahead for a while (every phrasing of the loyalty card was
    used then), and was corrected. Before, every use since had an "older" time than those, so
    rotation never moved: the same phrasing again and again, also after a restart."""
    say = load_pack(SMALL_PACK).packs["en"].cards["loyalty-card"].say
    ahead = Journal.in_dir(data_dir)
    for n, phrase in enumerate(say):
        ahead.append(
            Event(
                "shown",
                cashier="Anna",
                situation="loyalty-card",
                phrase=phrase,
                at=f"2027-12-0{n + 1}T10:00:00.000Z",
            )
        )
    ahead.close()
    window = make_window()
    window.start_shift("Anna")
    first = phrasings_shown(window, "loyalty-card", 3)
    assert first == list(say[:3])  # the least recently used first, each in turn
    window.counter.writer.flush()
    again = make_window()  # a restart, on the same journal
    again.start_shift("Anna")
    assert phrasings_shown(again, "loyalty-card", 1) == [say[3]]


def test_this_shift_is_the_latest_shift_start_whatever_the_clock(data_dir):
    from datetime import UTC, datetime

    from pos_coach.review.periods import make_period

    journal = Journal.in_dir(data_dir)
    # Anna's shift began while the clock was an hour ahead; it was corrected before Oleg's
    journal.append(Event("shift_start", cashier="Anna", at="2026-12-02T08:30:00.000Z"))
    journal.append(Event("shift_start", cashier="Oleg", at="2026-12-02T08:00:00.000Z"))
    now = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    shift = make_period("shift", UTC, now, conn=journal.conn)
    assert shift.start == datetime(2026, 12, 2, 8, 0, tzinfo=UTC)  # Oleg's, written last


def garbled_journal(data_dir) -> bytes:
    """A journal of 3,000 events whose id index has its root page garbled by the disk."""
    journal = Journal.in_dir(data_dir)
    journal.append_many([Event("note", cashier="Old", detail={"n": n}) for n in range(3000)])
    journal.checkpoint("TRUNCATE")
    journal.close()
    conn = sqlite3.connect(data_dir / "journal.db")
    root = conn.execute(
        "SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_events_1'"
    ).fetchone()[0]
    conn.close()
    with open(data_dir / "journal.db", "r+b") as file:
        file.seek((root - 1) * PAGE)
        file.write(os.urandom(PAGE))
    return (data_dir / "journal.db").read_bytes()


def test_a_journal_damaged_while_running_is_said_and_the_counter_goes_on(
    qtbot, make_window, data_dir
):
    damaged = garbled_journal(data_dir)
    window = make_window()
    window.start_shift("Anna")  # its event hits the damaged page
    window.open_card("gate-alarm", "touch")
    window.record_outcome("ok")
    assert window.counter.writer.settle(30)
    window.show_waiting()
    assert not window.waiting.isVisible()  # nothing waits: the counter logs on
    kept = list(data_dir.glob("journal.damaged-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert window.banner.isVisible() and kept[0].name in window.banner_label.text()
    rows = journal_rows(window)  # read from the fresh journal: the window follows it
    assert [r["kind"] for r in rows if r["cashier"] == "Anna"] == [
        "shift_start",
        "shown",
        "outcome",
    ]
    assert sum(r["cashier"] == "Old" for r in rows) == 3000  # the old ones, copied in
    assert [r["cashier"] for r in rows[:3000]] == ["Old"] * 3000  # in their own places


def test_damage_a_report_finds_is_checked_and_the_journal_replaced(qtbot, make_window, data_dir):
    """A page the writer never touches (of a report index) garbled by the disk: before, the
    review said "could not read the journal" at every try and nothing else happened. Now the
    review tells the writer, SQLite checks the whole file off the writer's way and, agreeing,
    the journal is kept aside and replaced; the events (whose pages are whole) are copied in and
    the review reads them again."""
    from datetime import UTC, datetime

    from pos_coach.clock import to_utc_text
    from pos_coach.library import Library
    from pos_coach.settings import Settings
    from pos_coach.ui.review.review_window import ReviewWindow

    now = datetime.now(UTC)
    journal = Journal.in_dir(data_dir)
    journal.append_many(
        [
            Event(
                "shown",
                cashier="Anna",
                interaction=f"i-{n:05d}",
                situation="greeting",
                source="touch",
                at=to_utc_text(now),
            )
            for n in range(3000)
        ]
    )
    journal.checkpoint("TRUNCATE")
    journal.close()
    conn = sqlite3.connect(data_dir / "journal.db")
    pages = [  # a page in the middle of the report table and of each of its indexes
        rows[len(rows) // 2]
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_schema WHERE tbl_name = 'interactions' AND rootpage > 0"
        ).fetchall()
        if (
            rows := [
                r[0]
                for r in conn.execute(
                    "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", [name]
                )
            ]
        )
    ]
    conn.close()
    with open(data_dir / "journal.db", "r+b") as file:
        for page in pages:
            file.seek((page - 1) * PAGE)
            file.write(os.urandom(PAGE))
    counter = make_window()
    writer = counter.counter.writer
    review = ReviewWindow(
        counter.counter.journal,
        Library(load_pack(SMALL_PACK).packs["en"]),
        Settings.in_dir(data_dir),
        UTC,
        on_damage=writer.report_damage,
    )
    qtbot.addWidget(review)
    review.show()
    qtbot.waitUntil(lambda: bool(writer.replaced), timeout=30_000)
    assert writer.settle(30)
    assert len(list(data_dir.glob("journal.damaged-*.db"))) == 1
    review.worker.wait()
    review.snapshot = None
    review.refresh()
    qtbot.waitUntil(lambda: review.snapshot is not None, timeout=30_000)
    assert review.snapshot.glance.interactions == 3000  # every card shown, read again
    review.close()
