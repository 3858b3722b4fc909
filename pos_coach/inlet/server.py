"""The app's end of the local socket: single instance, and triggers from other programs.

Qt's QLocalServer with ``UserAccessOption``, in a folder only this OS user can enter
(:func:`pos_coach.inlet.address.private_dir`). A request is one JSON line; each line gets one
answer line, in order (several requests written at once are all answered), written once the
handler is done with it (for a trigger: the card is on screen and its ``shown`` event is
committed); the connection is closed when every request it sent is answered.

Bounded, so that no caller can stop the others: at most :data:`MAX_CONNECTIONS` at once (more
are told "busy" and closed at once), :data:`REQUEST_DEADLINE_MS` to send the requests, lines of
at most :data:`MAX_REQUEST` bytes, :data:`MAX_LINES` requests per connection. A watchdog
listens again should the socket ever stop listening or its file disappear.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from pos_coach.inlet.later import Later
from pos_coach.inlet.protocol import BAD_REQUEST, BUSY_DETAIL, UNAVAILABLE, decode, encode

Handler = Callable[[dict[str, Any]], "dict[str, Any] | Later"]
MAX_REQUEST = 64 * 1024  # bytes in one request line
MAX_LINES = 100  # requests on one connection
MAX_CONNECTIONS = 32  # connections served at once
REQUEST_DEADLINE_MS = 3000  # from connecting to the last request line
WATCH_MS = 1000  # how often the watchdog looks


def bad_request(detail: str) -> dict[str, Any]:
    return {"ok": False, "error": BAD_REQUEST, "detail": detail}


# "unavailable" stays for callers that know only that word; "busy" tells the client to retry
BUSY = {"ok": False, "error": UNAVAILABLE, "busy": True, "detail": BUSY_DETAIL + "; try again"}


class _Connection:
    """One caller: what it sent that is not a whole line yet, and its answers in order."""

    def __init__(self, socket: QLocalSocket, deadline: QTimer) -> None:
        self.socket = socket
        self.deadline = deadline
        self.buffer = b""
        self.answers: list[dict[str, Any] | None] = []  # in order; None: not ready yet
        self.sent = 0  # answers written so far
        self.lines = 0
        self.done = False  # nothing more is read from it (too late, too long, too many)
        self.reading = False  # its lines are being handled: not closed meanwhile
        self.gone = False


class InletServer(QObject):
    def __init__(
        self, where: Callable[[], str], handler: Handler, parent: QObject | None = None
    ) -> None:
        """``where`` says the socket's name; asked again each time the server (re)listens, so
        a private folder removed meanwhile is made again."""
        super().__init__(parent)
        self.where = where
        self.name = ""
        self.error = ""
        self.handler = handler
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._connections: dict[QLocalSocket, _Connection] = {}
        self._file: tuple[int, int] | None = None  # the socket file's (device, inode)
        self._down = False  # the watchdog found it not listening, and said so
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(WATCH_MS)
        self._watchdog.timeout.connect(self._watch)

    def listen(self) -> bool:
        """Listen (a socket file left by a crashed instance is removed first), and keep
        listening: the watchdog starts here."""
        self._watchdog.start()
        return self._listen()

    def close(self) -> None:
        self._watchdog.stop()
        for connection in list(self._connections.values()):
            connection.socket.abort()  # callers still connected when the app closes
        self.server.close()

    def _listen(self) -> bool:
        try:
            self.name = self.where()
        except OSError as exc:
            self.error = str(exc)
            return False
        if not self.server.listen(self.name):
            QLocalServer.removeServer(self.name)  # the folder is private: a stale file is ours
            if not self.server.listen(self.name):
                self.error = self.server.errorString()
                return False
        self._file = _identity(self.name)
        return True

    def _watch(self) -> None:
        """Listen again if Qt stopped listening (it does when an accept fails, say for want of
        file descriptors, and removes the socket file) or the socket file was removed."""
        if self.server.isListening() and _identity(self.name) == self._file:
            return
        self.server.close()
        if self._listen():
            print(f"pos-coach: listening for triggers again at {self.name}", file=sys.stderr)
            self._down = False
        elif not self._down:
            print(f"pos-coach: cannot listen for triggers: {self.error}", file=sys.stderr)
            self._down = True

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket is None:
                break
            if len(self._connections) >= MAX_CONNECTIONS:
                socket.write(encode(BUSY))
                socket.flush()  # a fresh socket takes a line at once
                socket.abort()
                socket.deleteLater()
                continue
            deadline = QTimer(socket)
            deadline.setSingleShot(True)
            deadline.setInterval(REQUEST_DEADLINE_MS)
            connection = _Connection(socket, deadline)
            self._connections[socket] = connection
            deadline.timeout.connect(lambda c=connection: self._too_late(c))
            socket.readyRead.connect(lambda c=connection: self._read(c))
            socket.disconnected.connect(lambda c=connection: self._drop(c))
            deadline.start()
            if socket.bytesAvailable():
                self._read(connection)

    def _drop(self, connection: _Connection) -> None:
        connection.gone = True
        connection.deadline.stop()
        if self._connections.pop(connection.socket, None) is not None:
            with contextlib.suppress(RuntimeError):  # Qt deleted it already (the app closes)
                connection.socket.deleteLater()

    def _too_late(self, connection: _Connection) -> None:
        """Requests not sent in time: what came whole is answered, the rest is not read."""
        connection.done = True
        connection.buffer = b""
        self._flush(connection)

    def _read(self, connection: _Connection) -> None:
        data = bytes(connection.socket.readAll().data())
        if connection.done or connection.gone:
            return
        data = connection.buffer + data
        connection.reading = True
        try:
            while not connection.done:
                line, newline, rest = data.partition(b"\n")
                if not newline:
                    break
                data = rest
                if connection.lines >= MAX_LINES:
                    self._add(connection, bad_request("too many requests on one connection"))
                    connection.done = True
                elif len(line) > MAX_REQUEST:
                    self._add(connection, bad_request(f"longer than {MAX_REQUEST} bytes"))
                else:
                    self._take(connection, line)
                connection.lines += 1
            if not connection.done and len(data) > MAX_REQUEST:
                self._add(connection, bad_request(f"longer than {MAX_REQUEST} bytes"))
                connection.done = True
            connection.buffer = b"" if connection.done else data
        finally:
            connection.reading = False
        self._flush(connection)

    def _take(self, connection: _Connection, line: bytes) -> None:
        """Handle one request line; its answer takes the next place in the order."""
        try:
            message = decode(line)
        except ValueError as exc:  # not JSON, not an object, nested too deeply, not UTF-8
            self._add(connection, bad_request(str(exc)))
            return
        try:
            answer = self.handler(message)
        except Exception as exc:  # the counter stays up, and the caller hears why
            print(f"pos-coach: a request could not be handled: {exc!r}", file=sys.stderr)
            answer = {"ok": False, "error": UNAVAILABLE, "detail": str(exc)}
        if isinstance(answer, Later):  # e.g. a trigger waiting for its event to be committed
            place = len(connection.answers)
            connection.answers.append(None)
            answer.when_ready(lambda ready: self._ready(connection, place, ready))
        else:
            self._add(connection, answer)

    def _add(self, connection: _Connection, answer: dict[str, Any]) -> None:
        connection.answers.append(answer)

    def _ready(self, connection: _Connection, place: int, answer: dict[str, Any]) -> None:
        connection.answers[place] = answer
        if not connection.reading:
            self._flush(connection)

    def _flush(self, connection: _Connection) -> None:
        """Write the answers that are ready, in order; close when nothing more is to come."""
        if connection.gone:
            return  # the caller hung up meanwhile
        socket = connection.socket
        answers = connection.answers
        first = connection.sent
        while connection.sent < len(answers):
            answer = answers[connection.sent]
            if answer is None:
                break
            socket.write(encode(answer))
            connection.sent += 1
        if connection.sent > first:
            socket.flush()
        if connection.sent < len(answers):
            return  # an answer is still to come
        if connection.done or (connection.lines and not connection.buffer):
            connection.done = True
            connection.deadline.stop()
            socket.disconnectFromServer()  # once the answers are out


def _identity(name: str) -> tuple[int, int] | None:
    """The socket file's (device, inode); None when it is not there (always "there" for a
    Windows pipe, which has no file)."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return (0, 0)
    try:
        info = os.lstat(name)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISSOCK(info.st_mode) else None
