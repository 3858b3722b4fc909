"""Cards fired from outside: the handler, the flash, auto-return and the HTTP inlet in-process."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import pytest

from pos_coach.inlet.http_inlet import Bridge, HttpInlet
from pos_coach.inlet.later import Later
from pos_coach.ui.inlet_handler import InletHandler
from tests.ui.conftest import journal_rows


@pytest.fixture
def handler(window) -> InletHandler:
    return InletHandler(window)


@pytest.fixture
def ask(qtbot, handler):
    """Send a request as an inlet does, and wait for the answer (a trigger's comes once its
    event is committed)."""

    def ask(message: dict) -> dict:
        answer = handler.handle(message)
        if isinstance(answer, Later):
            got: list[dict] = []
            answer.when_ready(got.append)
            qtbot.waitUntil(lambda: bool(got), timeout=10_000)
            return got[0]
        return answer

    return ask


def test_a_trigger_shows_the_card_even_before_a_shift(handler, window, ask):
    answer = ask({"cmd": "trigger", "id": "gate-alarm", "source": "trigger", "origin": "gate"})
    assert answer["ok"] and window.stack.currentWidget() is window.card_page
    assert window.card_page.view.title.text() == "Security gate alarm"
    row = journal_rows(window)[-1]
    assert (row["kind"], row["source"], row["cashier"], json.loads(row["detail"])) == (
        "shown",
        "trigger",
        None,
        {"from": "gate"},
    )
    assert handler.flashing
    assert answer["logged"] is True


def test_a_trigger_while_the_journal_is_locked_says_the_event_waits(handler, window, data_dir, ask):
    import sqlite3

    other = sqlite3.connect(data_dir / "journal.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    answer = ask({"cmd": "trigger", "id": "gate-alarm"})
    assert answer["ok"] and window.stack.currentWidget() is window.card_page  # shown anyway
    assert answer["logged"] is False and "locked" in answer["waiting"]
    other.execute("ROLLBACK")
    other.close()
    window.show_waiting()
    assert journal_rows(window)[-1]["kind"] == "shown"  # written once the lock is gone
    answer = ask({"cmd": "trigger", "id": "greeting"})
    assert answer["logged"] is True


def test_unknown_id_lists_close_matches(handler, window, ask):
    answer = ask({"cmd": "trigger", "id": "gate-alrm"})
    assert answer == {"ok": False, "error": "unknown", "matches": ["gate-alarm"]}
    assert journal_rows(window) == []


def test_a_new_trigger_replaces_the_open_card(handler, window, ask):
    window.start_shift("Anna")
    ask({"cmd": "trigger", "id": "greeting"})
    ask({"cmd": "trigger", "id": "gate-alarm"})
    kinds = [(r["kind"], r["situation"]) for r in journal_rows(window)[1:]]
    assert kinds == [("shown", "greeting"), ("dismissed", "greeting"), ("shown", "gate-alarm")]


def test_situations_and_bad_requests(handler, ask):
    answer = ask({"cmd": "situations"})
    assert {"id": "gate-alarm", "title": "Security gate alarm"} in answer["situations"]
    assert ask({"cmd": "dance"}) == {"ok": False, "error": "bad_request"}


def test_an_untouched_card_goes_back_and_is_dismissed(qtbot, window):
    window.counter.settings["auto_return_seconds"] = 1
    window.start_shift("Anna")
    window.open_card("greeting", "touch")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.board, timeout=3000)
    assert journal_rows(window)[-1]["kind"] == "dismissed"


def test_an_auto_return_longer_than_a_qt_timer_holds_still_opens_cards(qtbot, window):
    """3,000,000 s is 34.7 days: in milliseconds more than the int32 a Qt timer takes."""
    window.counter.settings.values["auto_return_seconds"] = 3_000_000  # past the setting's check
    window.start_shift("Anna")
    window.open_card("greeting", "touch")
    assert window.stack.currentWidget() is window.card_page
    assert window._auto_return.isActive() and window._auto_return.interval() == 2**31 - 1


def test_touching_the_card_restarts_the_count(qtbot, window):
    window.counter.settings["auto_return_seconds"] = 1
    window.start_shift("Anna")
    window.open_card("loyalty-card", "touch")
    qtbot.wait(700)
    window.another_phrase()
    qtbot.wait(700)
    assert window.stack.currentWidget() is window.card_page  # 1.4 s in, but touched at 0.7 s
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.board, timeout=3000)


def call(port: int, method: str, path: str, token: str | None, body: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method)
    if token is not None:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_http_inlet(qtbot, handler, window):
    inlet = HttpInlet(0, "s3cret", Bridge(handler.handle))
    inlet.start()
    results = {}

    def run():
        results["ok"] = call(inlet.port, "POST", "/trigger/gate-alarm", "s3cret", {"source": "pos"})
        results["wrong"] = call(inlet.port, "POST", "/trigger/gate-alarm", "nope")
        results["none"] = call(inlet.port, "POST", "/trigger/gate-alarm", None)
        results["unknown"] = call(inlet.port, "POST", "/trigger/no-such-card", "s3cret")
        results["list"] = call(inlet.port, "GET", "/situations", "s3cret")

    thread = threading.Thread(target=run)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=20_000)
    inlet.stop()
    assert results["ok"][0] == 200 and results["ok"][1]["ok"]
    assert results["wrong"][0] == 401 and results["none"][0] == 401
    assert results["unknown"][0] == 404 and results["unknown"][1]["error"] == "unknown"
    assert results["list"][0] == 200 and len(results["list"][1]["situations"]) == 3
    shown = [r for r in journal_rows(window) if r["kind"] == "shown"]
    assert (
        len(shown) == 1
        and shown[0]["source"] == "http"
        and json.loads(shown[0]["detail"]) == {"from": "pos"}
    )


def test_http_says_202_while_the_event_waits_in_memory(qtbot, handler, window, data_dir):
    import sqlite3

    inlet = HttpInlet(0, "s3cret", Bridge(handler.handle))
    inlet.start()
    other = sqlite3.connect(data_dir / "journal.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    results = {}
    thread = threading.Thread(
        target=lambda: results.update(r=call(inlet.port, "POST", "/trigger/greeting", "s3cret"))
    )
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=20_000)
    inlet.stop()
    other.execute("ROLLBACK")
    other.close()
    status, body = results["r"]
    assert status == 202 and body["ok"] and body["logged"] is False and body["waiting"]
