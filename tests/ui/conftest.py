"""A counter window over a temp journal, driven like a cashier would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pos_coach.app import Options, build_core
from pos_coach.ui.counter_window import CounterWindow
from tests.conftest import SMALL_PACK


@pytest.fixture
def make_window(qtbot, data_dir) -> Callable[..., CounterWindow]:
    cores = []

    def make(lang: str = "en", pack: Path = SMALL_PACK, size=(1024, 600)) -> CounterWindow:
        core = build_core(Options(pack, data_dir, lang))
        cores.append(core)
        window = CounterWindow(core.counter, core.load.problems)
        qtbot.addWidget(window)
        window.resize(*size)
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(lambda: window.settled)  # what waits for the first paint is done
        return window

    yield make
    for core in cores:
        core.journal.close()


@pytest.fixture
def window(make_window) -> CounterWindow:
    return make_window()


def journal_rows(window: CounterWindow) -> list[dict]:
    """The journal as committed, once the writer has written what it can."""
    window.counter.writer.flush()
    db = window.counter.journal.db
    return [dict(r) for r in db["events"].rows_where(order_by="rowid")]
