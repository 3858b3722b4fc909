"""Talk to the running app from another process, without importing Qt (it costs ~150 ms)."""

from __future__ import annotations

import os
import sys

from pos_coach.inlet.address import pipe_path, server_name
from pos_coach.inlet.protocol import decode, encode

if sys.platform != "win32":
    # the C socket module: the `socket` wrapper costs ~10 ms of imports on every trigger
    import _socket

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs ~15 ms per trigger
if TYPE_CHECKING:
    from typing import Any

TIMEOUT = 10.0


class NotRunning(Exception):  # noqa: N818 - reads as a state: the app is not running
    """Nothing listens for this data dir."""


class Busy(OSError):  # noqa: N818 - reads as a state: the app is busy (an OSError, as before)
    """Something listens, but did not take or answer the request in time (too many callers
    waiting at once): the app runs, try again."""


class NotOurs(Exception):  # noqa: N818 - reads as a state: the socket is not ours
    """Another OS user answers the socket: nothing was sent to it."""

    def __init__(self, name: str, uid: int) -> None:
        super().__init__(f"{name} is answered by uid {uid}")
        self.name = name
        self.uid = uid


def peer_uid(sock: _socket.socket) -> int | None:
    """The user id of the process at the other end of a Unix socket; None where the system
    cannot say (SO_PEERCRED is Linux's: on macOS and the BSDs the check is skipped and the
    private folder alone keeps other users out)."""
    option = getattr(_socket, "SO_PEERCRED", None)
    if option is None:  # pragma: no cover - not Linux
        return None
    creds = sock.getsockopt(_socket.SOL_SOCKET, option, 12)  # struct ucred: pid, uid, gid
    return int.from_bytes(creds[4:8], sys.byteorder)


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
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        try:
            sock.connect(name)
        except (FileNotFoundError, ConnectionRefusedError) as exc:
            raise NotRunning(name) from exc
        except (BlockingIOError, TimeoutError) as exc:  # its queue of callers is full
            raise Busy(name) from exc
        uid = peer_uid(sock)
        if uid is not None and uid != os.getuid():  # someone else's socket: say nothing to it
            raise NotOurs(name, uid)
        answer = b""
        try:
            sock.sendall(encode(message))
            while not answer.endswith(b"\n"):
                chunk = sock.recv(65536)
                if not chunk:
                    break
                answer += chunk
        except (TimeoutError, ConnectionResetError, BrokenPipeError) as exc:
            raise Busy(name) from exc
    finally:
        sock.close()
    if not answer:  # it took the connection and closed it unanswered: running, but busy
        raise Busy(name)
    return decode(answer)
