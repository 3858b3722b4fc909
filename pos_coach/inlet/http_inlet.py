"""The loopback HTTP inlet, for POS systems that can call a URL (off unless the settings say so).

The standard library's ``ThreadingHTTPServer`` on 127.0.0.1 only; every request needs the token
(``Authorization: Bearer <token>`` or ``X-POS-Coach-Token``). Requests are handed to the Qt
thread through a queued signal and answered when the counter has done them:

- ``POST /trigger/<id>``: 200 shown (and logged), 202 shown but its event waits in memory (the
  disk refuses writes for now), 404 unknown id (close matches listed), 401 bad or missing
  token, 503 the app cannot show it now;
- ``GET /situations``: the ids and titles.

Bounded, so that no caller can stop the others (or the local socket): HTTP/1.0, one request
per connection; at most :data:`MAX_CONNECTIONS` served at once (more are answered 503 and
closed at once, without a thread); :data:`REQUEST_DEADLINE` seconds for the whole request,
head and body, from the moment it connects; a body of at most :data:`MAX_BODY` bytes (413),
a ``Content-Length`` that is a plain number (else 400), a body that is a JSON object nested
at most :data:`~pos_coach.inlet.protocol.MAX_DEPTH` deep (else 400).
"""

from __future__ import annotations

import contextlib
import hmac
import io
import json
import socket
import sys
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlparse

from PySide6.QtCore import QObject, Qt, Signal

from pos_coach.inlet.later import Later
from pos_coach.inlet.protocol import BAD_REQUEST, UNKNOWN, decode

HOST = "127.0.0.1"
ANSWER_TIMEOUT = 5.0
MAX_BODY = 16 * 1024
MAX_HEAD = 64 * 1024  # request line and headers together
MAX_CONNECTIONS = 16
REQUEST_DEADLINE = 5.0  # seconds, for the request line, the headers and the body together
TOO_LARGE = "too_large"


def _canned(status: HTTPStatus, body: dict[str, Any]) -> bytes:
    data = json.dumps(body).encode("utf-8")
    head = (
        f"HTTP/1.0 {status.value} {status.phrase}\r\n"
        "Content-Type: application/json; charset=utf-8\r\n"
        f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode("ascii") + data


BUSY = _canned(
    HTTPStatus.SERVICE_UNAVAILABLE,
    {"ok": False, "error": "busy", "detail": "too many connections at once; try again"},
)


class _TooLargeError(OSError):
    """More bytes than a request may have: the connection is closed."""


class _DeadlineReader(io.RawIOBase):
    """The connection's bytes, until its deadline (for the whole request, not for each read:
    one byte a second does not keep it open) and up to a number of bytes."""

    def __init__(self, sock: socket.socket, deadline: float, limit: int) -> None:
        super().__init__()
        self.sock = sock
        self.deadline = deadline
        self.left = limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the request took too long")
        if self.left <= 0:
            raise _TooLargeError("the request is too large")
        self.sock.settimeout(remaining)
        view = memoryview(buffer)[: self.left]
        got = self.sock.recv_into(view)
        self.left -= got
        return got


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # closing never waits for a caller that takes its time
    request_queue_size = 128  # the kernel's backlog: a burst is accepted, then sorted out here

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(address, handler)
        self._lock = threading.Lock()
        self.active = 0

    def get_request(self) -> tuple[socket.socket, Any]:
        try:
            return super().get_request()
        except OSError:  # say, no file descriptor left: do not spin on it
            time.sleep(0.05)
            raise

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._lock:
            busy = self.active >= MAX_CONNECTIONS
            if not busy:
                self.active += 1
        if busy:  # answered and closed here, without a thread
            with contextlib.suppress(OSError):
                request.setblocking(False)
                request.send(BUSY)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:  # no thread could be started (the caller closes the request)
            self._done()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._done()

    def _done(self) -> None:
        with self._lock:
            self.active -= 1

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, OSError):
            return  # the caller went away, was too slow or sent too much: it is closed
        print(f"pos-coach: HTTP inlet: a request failed: {error!r}", file=sys.stderr)


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
        self.server = _Server((HOST, port), self._handler_class())
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

            def setup(self) -> None:
                super().setup()
                self.rfile.close()  # the plain reader: every read goes through the deadline
                deadline = time.monotonic() + REQUEST_DEADLINE
                reader = _DeadlineReader(self.connection, deadline, MAX_HEAD + MAX_BODY)
                self.rfile = io.BufferedReader(reader)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # no request log on the till's console

            def _send(self, status: HTTPStatus, body: dict[str, Any]) -> None:
                data = json.dumps(body, ensure_ascii=False).encode("utf-8")
                self.connection.settimeout(ANSWER_TIMEOUT)  # the caller must take its answer
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _refuse(self, status: HTTPStatus, error: str, detail: str) -> None:
                self._send(status, {"ok": False, "error": error, "detail": detail})

            def send_error(
                self, code: int, message: str | None = None, explain: str | None = None
            ) -> None:
                """The standard library's own refusals (a request line that is not HTTP, too
                long a line, too many headers, a method it does not know) in JSON too."""
                status = HTTPStatus(code)
                self.close_connection = True
                self.request_version = "HTTP/1.0"  # a status line, even for a 0.9-style line
                sized = (
                    HTTPStatus.REQUEST_URI_TOO_LONG,
                    HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                )
                error = TOO_LARGE if status in sized else BAD_REQUEST
                self._refuse(status, error, message or status.phrase)

            def _authorised(self) -> bool:
                given = self.headers.get("X-POS-Coach-Token") or ""
                auth = self.headers.get("Authorization") or ""
                if auth.startswith("Bearer "):
                    given = auth[len("Bearer ") :]
                return bool(inlet.token) and hmac.compare_digest(
                    given.encode(), inlet.token.encode()
                )

            def _read_body(self) -> bytes | None:
                """The whole body, read before anything is answered; None when the request
                was refused (and answered) for its framing."""
                if self.headers.get("Transfer-Encoding") is not None:
                    self._refuse(
                        HTTPStatus.BAD_REQUEST,
                        BAD_REQUEST,
                        "Transfer-Encoding is not supported: send Content-Length",
                    )
                    return None
                given = {value.strip() for value in self.headers.get_all("Content-Length", [])}
                if not given:
                    return b""
                length = given.pop()
                if given or not (length.isascii() and length.isdigit()):
                    self._refuse(
                        HTTPStatus.BAD_REQUEST,
                        BAD_REQUEST,
                        "Content-Length must be one whole number of bytes",
                    )
                    return None
                if len(length) > 9 or int(length) > MAX_BODY:  # (int() refuses 4,300 digits)
                    self._refuse(
                        HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                        TOO_LARGE,
                        f"the body may have {MAX_BODY} bytes at most",
                    )
                    return None
                body = self.rfile.read(int(length))
                if len(body) < int(length):
                    self._refuse(
                        HTTPStatus.BAD_REQUEST,
                        BAD_REQUEST,
                        "the body is shorter than Content-Length",
                    )
                    return None
                return body

            def do_GET(self) -> None:
                if self._read_body() is None:
                    return
                if not self._authorised():
                    self._send(HTTPStatus.UNAUTHORIZED, {"error": "bad or missing token"})
                elif urlparse(self.path).path.rstrip("/") == "/situations":
                    self._relay({"cmd": "situations"})
                else:
                    self._send(HTTPStatus.NOT_FOUND, {"error": "no such address"})

            def do_POST(self) -> None:
                body = self._read_body()
                if body is None:
                    return
                path = urlparse(self.path).path
                if not self._authorised():
                    self._send(HTTPStatus.UNAUTHORIZED, {"error": "bad or missing token"})
                elif path.startswith("/trigger/") and len(path) > len("/trigger/"):
                    try:
                        fields = decode(body) if body.strip() else {}
                    except ValueError as exc:
                        self._refuse(HTTPStatus.BAD_REQUEST, BAD_REQUEST, f"the body: {exc}")
                        return
                    card_id = unquote(path[len("/trigger/") :]).strip("/")
                    self._relay(
                        {
                            "cmd": "trigger",
                            "id": card_id,
                            "source": "http",
                            "origin": fields.get("source"),
                        }
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
