"""Raw events page by page: every event exactly once, in the requested order."""

from __future__ import annotations

import random

import pytest

from pos_coach.journal import COLUMNS, Event, Journal
from pos_coach.review.events import SORTABLE, EventFilter, EventPager


@pytest.fixture
def journal(data_dir) -> Journal:
    journal = Journal.in_dir(data_dir)
    rng = random.Random(3)
    for n in range(230):
        journal.append(
            Event(
                rng.choice(["shown", "said", "outcome", "dismissed"]) if n % 7 else "note",
                cashier=rng.choice(["Anna", "Oleg", None]),
                situation=rng.choice(["greeting", "gate-alarm", "loyalty-card"]),
                # many events share a time, so the order must fall back on the row id
                at=f"2026-11-{10 + n % 5:02d}T{n % 24:02d}:{n % 60:02d}:00.000Z",
            )
        )
    return journal


def page_through(pager: EventPager, size: int) -> list[tuple]:
    seen = []
    while page := pager.next_page(size):
        seen.extend(page)
    return seen


@pytest.mark.parametrize("sort", SORTABLE)
@pytest.mark.parametrize("descending", [True, False])
def test_paging_visits_every_event_once_in_order(journal, sort, descending):
    rows = page_through(EventPager(journal.db.conn, sort=sort, descending=descending), size=17)
    ids = [row[0] for row in rows]
    assert len(ids) == len(set(ids)) == 230
    index = list(COLUMNS).index(sort)
    values = [(row[index] or "", row[1]) for row in rows]
    assert values == sorted(values, reverse=descending)


def test_filter_and_count(journal):
    where = EventFilter(cashier="Anna", start="2026-11-11", end="2026-11-13")
    pager = EventPager(journal.db.conn, where)
    rows = page_through(pager, size=10)
    assert pager.count() == len(rows) > 0
    assert all(r[4] == "Anna" and "2026-11-11" <= r[1] < "2026-11-13" for r in rows)
    text = EventPager(journal.db.conn, EventFilter(text="gate"))
    assert text.count() == sum(
        1 for r in page_through(EventPager(journal.db.conn), 100) if r[7] == "gate-alarm"
    )
