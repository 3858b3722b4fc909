"""Talk to the running app from another process, without importing Qt (it costs ~150 ms).

Unix: the app's QLocalServer is a Unix socket in this user's private folder; on Linux the
client also checks who answers (``SO_PEERCRED``) before it sends anything. Windows: the
QLocalServer is a named pipe, ``\\\\.\\pipe\\<name>``, opened here as a plain file (no
pywin32, no ``multiprocessing``, no signals); a time limit there is a thread's wait. Which side
is taken is :data:`pos_coach.inlet.address.WINDOWS`, asked at each call.
"""

from __future__ import annotations

import os
import sys

from pos_coach.inlet import address
from pos_coach.inlet.protocol import decode, encode

if sys.platform != "win32":
    # the C socket module: the `socket` wrapper costs ~10 ms of imports on every trigger
    import _socket

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs ~15 ms per trigger
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, BinaryIO

TIMEOUT = 10.0
PROBE_TIMEOUT = 2.0  # asking whether anything answers at an address (sends nothing)
ERROR_PIPE_BUSY = 231  # Windows: every instance of the pipe is in use


class NotRunning(Exception):  # noqa: N818 - reads as a state: the app is not running
    """Nothing listens for this data dir."""


class Busy(OSError):  # noqa: N818 - reads as a state: the app is busy (an OSError, as before)
    """Something listens, but did not take or answer the request in time (too many callers
    waiting at once): the app runs, try again."""


class NotOurs(Exception):  # noqa: N818 - reads as a state: the socket is not ours
    """Another OS user answers the socket: nothing was sent to it. ``uid`` is None where the
    system does not say whose it is (a Windows pipe this user may not open)."""

    def __init__(self, name: str, uid: int | None) -> None:
        whose = f"uid {uid}" if uid is not None else "another user"
        super().__init__(f"{name} is answered by {whose}")
        self.name = name
        self.uid = uid


class Running:
    """A counter of this user that answers: its address, and its data dir when its start left
    a note of it (:func:`pos_coach.inlet.address.remember`)."""

    __slots__ = ("data_dir", "name")

    def __init__(self, name: str, data_dir: str | None) -> None:
        self.name = name
        self.data_dir = data_dir

    def __repr__(self) -> str:
        return f"Running({self.name!r}, {self.data_dir!r})"

    def label(self) -> str:
        """The data dir, or, for a counter that left no note, its address."""
        return self.data_dir or f"a data folder not known (it listens at {self.name})"


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
    """Send ``message`` to the counter of ``data_dir``; its answer."""
    return request_at(address.server_name(data_dir), message, timeout)


def request_at(name: str, message: dict[str, Any], timeout: float = TIMEOUT) -> dict[str, Any]:
    """Send ``message`` to the counter listening at ``name`` (a :func:`server_name`); its
    answer. NotRunning, Busy, NotOurs; ValueError for an answer that is not one."""
    if address.WINDOWS:
        return _pipe_request(name, message, timeout)
    return _socket_request(name, message, timeout)


def answers(name: str, timeout: float = PROBE_TIMEOUT) -> bool:
    """Whether a counter of this user listens at ``name`` now: connects and hangs up, sending
    nothing (the app drops such a caller without a word). NotOurs when another user does."""
    if address.WINDOWS:
        return _pipe_answers(name)
    return _socket_answers(name, timeout)


def running(skip: tuple[str, ...] = ()) -> tuple[list[Running], list[NotOurs]]:
    """This user's counters that answer now, but those at ``skip``; and the addresses another
    user answers (refused, nothing sent). Every socket and note in the private folder is
    asked: a socket or note left by a crash answers nothing and is passed over."""
    found: list[Running] = []
    refused: list[NotOurs] = []
    try:
        places = address.registered()
    except OSError:  # no private folder: nothing can be listening in one
        return found, refused
    for name, data_dir in places:
        if name in skip:
            continue
        try:
            if answers(name):
                found.append(Running(name, data_dir))
        except NotOurs as exc:
            refused.append(exc)
        except OSError:
            continue
    return found, refused


# Unix


def _socket_request(name: str, message: dict[str, Any], timeout: float) -> dict[str, Any]:
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


def _socket_answers(name: str, timeout: float) -> bool:
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        try:
            sock.connect(name)
        except (BlockingIOError, TimeoutError):  # its queue of callers is full: it runs
            return True
        except OSError:  # no such file, nobody listening (a crash left it), not a socket
            return False
        uid = peer_uid(sock)
        if uid is not None and uid != os.getuid():
            raise NotOurs(name, uid)
        return True
    finally:
        sock.close()


# Windows: the named pipe, opened as a file


def _open_pipe(path: str) -> BinaryIO:
    """The pipe as a file, read and written unbuffered (a seam for tests)."""
    return open(path, "r+b", buffering=0)


def _pipe_open(name: str) -> BinaryIO:
    try:
        return _open_pipe(address.pipe_path(name))
    except FileNotFoundError as exc:  # no such pipe: nothing listens
        raise NotRunning(name) from exc
    except PermissionError as exc:  # a pipe this user may not open: someone else's
        raise NotOurs(name, None) from exc
    except OSError as exc:
        if getattr(exc, "winerror", None) == ERROR_PIPE_BUSY:  # every instance taken
            raise Busy(name) from exc
        raise NotRunning(name) from exc


def _pipe_request(name: str, message: dict[str, Any], timeout: float) -> dict[str, Any]:
    pipe = _pipe_open(name)
    data = encode(message)
    answer = _within(timeout, name, lambda: _pipe_exchange(pipe, data))
    if not answer:  # it took the request and closed unanswered: running, but busy
        raise Busy(name)
    return decode(answer)


def _pipe_exchange(pipe: BinaryIO, data: bytes) -> bytes:
    """Write the request, read one answer line (until the app closes its end); then close."""
    try:
        view = memoryview(data)
        while view:
            view = view[pipe.write(view) or 0 :]
        answer = b""
        while not answer.endswith(b"\n"):
            try:
                chunk = pipe.read(65536)
            except BrokenPipeError:  # the app closed its end
                break
            if not chunk:
                break
            answer += chunk
    except OSError as exc:
        raise Busy(str(exc)) from exc
    finally:
        pipe.close()
    return answer


def _within(timeout: float, name: str, work: Callable[[], bytes]) -> bytes:
    """``work()``, given ``timeout`` seconds (a blocking pipe has no time limit of its own):
    Busy when it takes longer. The thread is a daemon, gone with the process."""
    import threading

    outcome: list[bytes] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:
            failure.append(exc)

    worker = threading.Thread(target=run, name="pos-coach-pipe", daemon=True)
    worker.start()
    worker.join(timeout)
    if failure:
        raise failure[0]
    if not outcome:
        raise Busy(name)
    return outcome[0]


def _pipe_answers(name: str) -> bool:
    try:
        pipe = _pipe_open(name)
    except NotRunning:
        return False
    except Busy:  # every instance taken: it runs
        return True
    pipe.close()
    return True
