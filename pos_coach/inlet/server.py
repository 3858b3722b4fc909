"""The app's end of the local socket: single instance, and triggers from other programs.

Qt's QLocalServer with ``UserAccessOption``: only the same OS user can connect. A request is one
JSON line; the answer is written after the handler returned, i.e. after the card is on screen
and its ``shown`` event is committed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from pos_coach.inlet.later import Later
from pos_coach.inlet.protocol import BAD_REQUEST, decode, encode

Handler = Callable[[dict[str, Any]], "dict[str, Any] | Later"]
MAX_REQUEST = 64 * 1024


class InletServer(QObject):
    def __init__(self, name: str, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.handler = handler
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Listen; a socket file left by a crashed instance is removed first."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))

    def _drop(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_REQUEST:
                self._answer(socket, {"ok": False, "error": BAD_REQUEST})
            else:
                self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            answer = self.handler(decode(line))
        except (ValueError, json.JSONDecodeError):
            answer = {"ok": False, "error": BAD_REQUEST}
        if isinstance(answer, Later):  # e.g. a trigger waiting for its event to be committed
            answer.when_ready(lambda ready: self._answer(socket, ready))
        else:
            self._answer(socket, answer)

    def _answer(self, socket: QLocalSocket, answer: dict[str, Any]) -> None:
        if socket not in self._buffers:
            return  # the caller hung up meanwhile
        socket.write(encode(answer))
        socket.flush()
        socket.disconnectFromServer()
