"""The loopback HTTP inlet, for POS systems that can call a URL (off unless the settings say so).

The standard library's ``ThreadingHTTPServer`` on 127.0.0.1 only; every request needs the token
(``Authorization: Bearer <token>`` or ``X-POS-Coach-Token``). Requests are handed to the Qt
thread through a queued signal and answered when the counter has done them:

- ``POST /trigger/<id>``: 200 shown (and logged), 202 shown but its event waits in memory (the
  disk refuses writes for now), 404 unknown id (close matches listed), 401 bad or missing
  token, 503 the app cannot show it now;
- ``GET /situations``: the ids and titles.
"""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlparse

from PySide6.QtCore import QObject, Qt, Signal

from pos_coach.inlet.later import Later
from pos_coach.inlet.protocol import UNKNOWN

HOST = "127.0.0.1"
ANSWER_TIMEOUT = 5.0
MAX_BODY = 16 * 1024


class _Pending:
    def __init__(self, message: dict[str, Any]) -> None:
        self.message = message
        self.answer: dict[str, Any] | None = None
        self.done = threading.Event()


class Bridge(QObject):
    """Carries a request from the HTTP thread to the Qt thread and the answer back."""

    asked = Signal(object)

    def __init__(self, handler: Callable[[dict[str, Any]], dict[str, Any] | Later]) -> None:
        super().__init__()
        self.handler = handler
        self.asked.connect(self._answer, Qt.ConnectionType.QueuedConnection)

    def _answer(self, pending: _Pending) -> None:
        try:
            answer = self.handler(pending.message)
        except BaseException:
            pending.done.set()
            raise
        if isinstance(answer, Later):  # comes once the event is committed
            answer.when_ready(lambda ready: self._ready(pending, ready))
        else:
            self._ready(pending, answer)

    @staticmethod
    def _ready(pending: _Pending, answer: dict[str, Any]) -> None:
        pending.answer = answer
        pending.done.set()

    def ask(self, message: dict[str, Any]) -> dict[str, Any] | None:
        pending = _Pending(message)
        self.asked.emit(pending)
        return pending.answer if pending.done.wait(ANSWER_TIMEOUT) else None


class HttpInlet:
    def __init__(self, port: int, token: str, bridge: Bridge) -> None:
        self.token = token
        self.bridge = bridge
        self.server = ThreadingHTTPServer((HOST, port), self._handler_class())
        self.server.daemon_threads = True
        self.thread = threading.Thread(
            target=self.server.serve_forever, name="pos-coach-http", daemon=True
        )

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        inlet = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "POSCoach"

            def log_message(self, format: str, *args: Any) -> None:
                pass  # no request log on the till's console

            def _send(self, status: HTTPStatus, body: dict[str, Any]) -> None:
                data = json.dumps(body, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _authorised(self) -> bool:
                given = self.headers.get("X-POS-Coach-Token") or ""
                auth = self.headers.get("Authorization") or ""
                if auth.startswith("Bearer "):
                    given = auth[len("Bearer ") :]
                return bool(inlet.token) and hmac.compare_digest(
                    given.encode(), inlet.token.encode()
                )

            def _body(self) -> dict[str, Any]:
                length = int(self.headers.get("Content-Length") or 0)
                if not 0 < length <= MAX_BODY:
                    return {}
                try:
                    value = json.loads(self.rfile.read(length).decode("utf-8"))
                except (ValueError, UnicodeDecodeError):
                    return {}
                return value if isinstance(value, dict) else {}

            def do_GET(self) -> None:
                if not self._authorised():
                    self._send(HTTPStatus.UNAUTHORIZED, {"error": "bad or missing token"})
                elif urlparse(self.path).path.rstrip("/") == "/situations":
                    self._relay({"cmd": "situations"})
                else:
                    self._send(HTTPStatus.NOT_FOUND, {"error": "no such address"})

            def do_POST(self) -> None:
                path = urlparse(self.path).path
                if not self._authorised():
                    self._send(HTTPStatus.UNAUTHORIZED, {"error": "bad or missing token"})
                elif path.startswith("/trigger/") and len(path) > len("/trigger/"):
                    card_id = unquote(path[len("/trigger/") :]).strip("/")
                    origin = self._body().get("source")
                    self._relay(
                        {"cmd": "trigger", "id": card_id, "source": "http", "origin": origin}
                    )
                else:
                    self._send(HTTPStatus.NOT_FOUND, {"error": "no such address"})

            def _relay(self, message: dict[str, Any]) -> None:
                answer = inlet.bridge.ask(message)
                if answer is None:
                    self._send(HTTPStatus.SERVICE_UNAVAILABLE, {"error": "the app did not answer"})
                elif answer.get("ok"):
                    logged = answer.get("logged", True)
                    self._send(HTTPStatus.OK if logged else HTTPStatus.ACCEPTED, answer)
                elif answer.get("error") == UNKNOWN:
                    self._send(HTTPStatus.NOT_FOUND, answer)
                else:
                    self._send(HTTPStatus.SERVICE_UNAVAILABLE, answer)

        return Handler
