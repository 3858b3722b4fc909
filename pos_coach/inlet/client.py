"""Talk to the running app from another process, without importing Qt (it costs ~150 ms)."""

from __future__ import annotations

import os
import sys

from pos_coach.inlet.address import pipe_path, server_name
from pos_coach.inlet.protocol import decode, encode

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs ~15 ms per trigger
if TYPE_CHECKING:
    from typing import Any

TIMEOUT = 10.0


class NotRunning(Exception):  # noqa: N818 - reads as a state: the app is not running
    """Nothing listens for this data dir."""


def request(
    data_dir: str | os.PathLike[str], message: dict[str, Any], timeout: float = TIMEOUT
) -> dict[str, Any]:
    name = server_name(data_dir)
    if sys.platform == "win32":  # pragma: no cover - the named pipe, on Windows only
        try:
            with open(pipe_path(name), "r+b", buffering=0) as pipe:
                pipe.write(encode(message))
                return decode(pipe.readline())
        except OSError as exc:
            raise NotRunning(name) from exc
    # the C socket module: the `socket` wrapper costs ~10 ms of imports on every trigger
    import _socket

    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        try:
            sock.connect(name)
        except (FileNotFoundError, ConnectionRefusedError) as exc:
            raise NotRunning(name) from exc
        sock.sendall(encode(message))
        answer = b""
        while not answer.endswith(b"\n"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
    finally:
        sock.close()
    if not answer:
        raise NotRunning(name)
    return decode(answer)
