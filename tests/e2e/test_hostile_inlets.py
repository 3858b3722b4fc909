"""The real program against hostile callers: another local user on the trigger socket, floods
of idle connections, and requests meant to stop the inlets (deep nesting, broken framing,
requests written together, a caller that sends one byte at a time)."""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from pos_coach.inlet.address import data_dir_tag, find_private_dir, server_name
from pos_coach.inlet.client import NotRunning, request
from pos_coach.inlet.http_inlet import MAX_CONNECTIONS as HTTP_CONNECTIONS
from pos_coach.inlet.http_inlet import REQUEST_DEADLINE
from pos_coach.inlet.server import MAX_CONNECTIONS as LOCAL_CONNECTIONS
from pos_coach.inlet.server import REQUEST_DEADLINE_MS
from tests.e2e.running import LAUNCHER, shown, start_app

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="Unix sockets, /proc and SO_PEERCRED: Linux"
)

ROOT = sys.platform != "win32" and os.geteuid() == 0
OTHER_UID = 65534  # nobody
as_root = pytest.mark.skipif(not ROOT, reason="only root can run a process as another user")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def trigger(data: Path, card_id: str = "greeting") -> subprocess.CompletedProcess:
    return subprocess.run(
        [*LAUNCHER, "trigger", card_id, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=30,
    )


def wait_until(condition, timeout: float, what: str, every: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not within {timeout} s: {what}"
        time.sleep(every)


def stop(process: subprocess.Popen) -> str:
    """SIGTERM, and the app's stderr; it must close cleanly, without a traceback."""
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err, err
    return err


@pytest.fixture
def short_dir():
    """A folder with a short path: a socket path may have ~107 bytes at most."""
    folder = Path(tempfile.mkdtemp(prefix="pc-", dir="/tmp"))
    yield folder
    subprocess.run(["rm", "-rf", str(folder)], check=False)


@pytest.fixture
def app(tmp_path):
    """`pos-coach run` with the HTTP inlet on; its token as the app wrote it."""
    data = tmp_path / "data"
    data.mkdir()
    port = free_port()
    settings = {"http_enabled": True, "http_port": port, "trigger_sound": False}
    (data / "settings.json").write_text(json.dumps(settings), "utf-8")
    process = start_app(data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    token = json.loads((data / "settings.json").read_text("utf-8"))["http_token"]
    yield data, port, token, process
    if process.poll() is None:
        stop(process)


# 1. Another local user


def test_the_socket_lives_in_a_folder_only_the_user_can_enter(app):
    data, _port, _token, _process = app
    name = server_name(data)
    assert stat.S_ISSOCK(os.lstat(name).st_mode)
    folder = os.lstat(os.path.dirname(name))
    assert stat.S_ISDIR(folder.st_mode)
    assert folder.st_uid == os.getuid()
    assert stat.S_IMODE(folder.st_mode) == 0o700


SQUATTER = r"""
import json, os, select, socket, sys
names, folder, drop = sys.argv[1:-2], sys.argv[-2], int(sys.argv[-1])
if drop:  # become the other user before making anything
    os.setgid(drop)
    os.setuid(drop)
try:
    os.mkdir(folder)
except OSError:
    pass
else:
    os.chmod(folder, 0o777)  # so that the victim may enter it
servers = []
for name in names:
    try:
        server = socket.socket(socket.AF_UNIX)
        server.bind(name)
        os.chmod(name, 0o777)
        server.listen(8)
        servers.append(server)
    except OSError:
        pass
print("ready", len(servers), flush=True)
while True:
    for server in select.select(servers, [], [])[0]:
        caller, _ = server.accept()
        caller.settimeout(2)
        try:
            got = caller.recv(65536)
        except OSError:
            got = b""
        print(json.dumps({"connected": True, "got": got.decode("utf-8", "replace")}), flush=True)
        caller.sendall(b'{"ok": true, "interaction": "fake", "logged": true}\n')
        caller.close()
"""


def test_a_squatter_on_the_old_and_new_names_never_answers_a_trigger(
    tmp_path, short_dir, monkeypatch
):
    """Another user binds the socket's old name in /tmp, and makes the new folder first (open to
    all, so the victim can enter it). The trigger must not talk to it; the app must find a
    folder of its own, say which one it passed over, and answer triggers there."""
    uid = os.getuid()
    short_dir.chmod(0o755)
    temp = short_dir / "tmp"
    temp.mkdir()
    temp.chmod(0o1777)  # like /tmp
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("XDG_CACHE_HOME", str(short_dir / "cache"))
    data = tmp_path / "data"
    data.mkdir()
    tag = data_dir_tag(data)
    folder = temp / f"pos-coach-{uid}"
    names = [str(temp / f"pos-coach-{uid}-{tag}.sock"), str(folder / f"{tag}.sock")]
    squatter = subprocess.Popen(
        [sys.executable, "-c", SQUATTER, *names, str(folder), str(OTHER_UID if ROOT else 0)],
        stdout=subprocess.PIPE,
        text=True,
        cwd="/",
    )
    try:
        assert squatter.stdout.readline().split() == ["ready", "2"]
        if ROOT:
            assert os.lstat(folder).st_uid == OTHER_UID
        chosen, passed_over = find_private_dir()
        assert chosen != str(folder)

        nobody_home = trigger(data)  # the app is not running: the squatter must not say "shown"
        assert nobody_home.returncode == 7, nobody_home.stdout + nobody_home.stderr
        assert "not running" in nobody_home.stderr

        process = start_app(data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            done = trigger(data, "gate-alarm")
            assert done.returncode == 0, done.stderr
            assert shown(data) == ["gate-alarm"]
            assert os.path.dirname(server_name(data)) == chosen
        finally:
            err = stop(process)
        for note in passed_over:  # the folder it passed over, and why
            assert f"pos-coach: socket folder {note}" in err
        if not os.path.isdir(f"/run/user/{uid}"):
            assert f"{folder} passed over" in err
    finally:
        squatter.terminate()
        out, _ = squatter.communicate(timeout=10)
    assert out == "", f"the squatter was spoken to: {out}"


FAKE_SERVER = r"""
import json, os, select, socket, sys
names, drop = list(dict.fromkeys(sys.argv[1:-1])), int(sys.argv[-1])
servers = []
for name in names:
    server = socket.socket(socket.AF_UNIX)
    server.bind(name)
    os.chmod(name, 0o777)
    servers.append(server)
os.setgid(drop)
os.setuid(drop)  # the peer's credentials are those of the process that listens
for server in servers:
    server.listen(8)
print("ready", flush=True)
while True:
    for server in select.select(servers, [], [])[0]:
        caller, _ = server.accept()
        caller.settimeout(2)
        try:
            got = caller.recv(65536)
        except OSError:
            got = b""
        print(json.dumps({"connected": True, "got": got.decode("utf-8", "replace")}), flush=True)
        try:
            caller.sendall(b'{"ok": true, "interaction": "fake", "logged": true}\n')
        except OSError:
            pass
        caller.close()
"""


@as_root
def test_a_socket_another_user_answers_is_refused_with_exit_5(tmp_path, short_dir, monkeypatch):
    """Should another user's process answer at the very path of the socket (here: bound there
    by root, listening as uid 65534), `pos-coach trigger` checks the peer's uid before sending
    anything, refuses, and says so with exit 5."""
    short_dir.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(short_dir))
    data = tmp_path / "data"
    data.mkdir()
    name = server_name(data)  # in <XDG_RUNTIME_DIR>/pos-coach/, private to us
    old_name = str(short_dir / f"pos-coach-{os.getuid()}-{data_dir_tag(data)}.sock")
    fake = subprocess.Popen(
        [sys.executable, "-c", FAKE_SERVER, name, old_name, str(OTHER_UID)],
        stdout=subprocess.PIPE,
        text=True,
        cwd="/",
    )
    first = ""
    try:
        assert fake.stdout.readline().strip() == "ready"
        done = trigger(data, "gate-alarm")
        assert done.returncode == 5, done.stdout + done.stderr
        assert name in done.stderr and f"uid {OTHER_UID}" in done.stderr
        assert "another user" in done.stderr and "refused" in done.stderr
        assert done.stdout == ""
        # the fake says what it got once the caller has gone (it may be slower than the caller
        # on a busy machine: waited for, not raced)
        first = fake.stdout.readline()
    finally:
        fake.terminate()
        out, _ = fake.communicate(timeout=10)
    calls = [json.loads(line) for line in (first + out).splitlines()]
    assert calls == [{"connected": True, "got": ""}]  # it connected, and sent nothing


# 2. The local socket: bounded, every request answered, always listening


def ended(sock: socket.socket, answer: bytearray | None = None) -> bool:
    """Whether the app closed this (non-blocking) connection; what it said is added to
    ``answer``."""
    try:
        while chunk := sock.recv(65536):
            if answer is not None:
                answer += chunk
    except BlockingIOError:
        return False
    except ConnectionResetError:
        return True
    except OSError:  # not connected yet
        return False
    return True


def test_idle_local_connections_are_capped_and_closed(app):
    """Idle callers on the local socket: those over the cap are told "busy" at once, the others
    are closed when they have not sent a whole line in time; triggers answer afterwards."""
    data, _port, _token, _process = app
    name = server_name(data)
    callers = []
    for n in range(LOCAL_CONNECTIONS + 8):
        caller = socket.socket(socket.AF_UNIX)
        caller.connect(name)
        if n % 2:
            caller.sendall(b'{"cmd": "situ')  # half a line, never finished
        callers.append(caller)
    for caller in callers:
        caller.setblocking(False)
    answers = {caller: bytearray() for caller in callers}
    closed: set[socket.socket] = set()
    opened = time.monotonic()

    def all_closed() -> bool:
        closed.update(c for c in callers if c not in closed and ended(c, answers[c]))
        return len(closed) == len(callers)

    wait_until(all_closed, REQUEST_DEADLINE_MS / 1000 + 5, "every idle connection is closed")
    closed_after = time.monotonic() - opened
    assert closed_after < REQUEST_DEADLINE_MS / 1000 + 3
    busy = [json.loads(a) for a in answers.values() if a]
    assert len(busy) == 8 and all(b["error"] == "unavailable" for b in busy)
    for caller in callers:
        caller.close()
    assert trigger(data).returncode == 0


@pytest.mark.parametrize("idle", [32, 48, 64])
def test_a_trigger_behind_idle_callers_never_says_not_running(app, idle):
    """Seen from outside: with 32 to 64 idle callers on the socket, `pos-coach trigger` said
    "not running" while the app ran. It is shown, or told busy (exit 6)."""
    data, _port, _token, _process = app
    callers = []
    for _ in range(idle):
        caller = socket.socket(socket.AF_UNIX)
        caller.settimeout(5)
        with contextlib.suppress(OSError):  # one the app has already turned away
            caller.connect(server_name(data))
            caller.sendall(b'{"cmd":')
        callers.append(caller)
    try:
        done = trigger(data)
        assert done.returncode in (0, 6), done.stderr
        assert "not running" not in done.stderr
    finally:
        for caller in callers:
            caller.close()
    wait_until(lambda: trigger(data).returncode == 0, 30, "a trigger is shown again")


def test_the_socket_comes_back_when_its_file_is_removed(app):
    """Whatever removes the socket file (Qt did, when an accept failed for want of files), the
    app listens again by itself."""
    data, _port, _token, _process = app
    os.unlink(server_name(data))

    def answering() -> bool:
        with contextlib.suppress(NotRunning, OSError, ValueError):
            return bool(request(data, {"cmd": "situations"}, timeout=2).get("ok"))
        return False

    wait_until(answering, 10, "the app listens again")
    assert trigger(data).returncode == 0


def local_exchange(data: Path, raw: bytes, timeout: float = 10) -> list[dict]:
    """Send ``raw`` as it is on the local socket; every answer line, until the app closes."""
    with socket.socket(socket.AF_UNIX) as sock:
        sock.settimeout(timeout)
        sock.connect(server_name(data))
        sock.sendall(raw)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return [json.loads(line) for line in received.splitlines()]


DEEP = b"[" * 16_000


def test_every_local_request_is_answered_in_order(app):
    data, _port, _token, _process = app
    started = time.monotonic()
    answers = local_exchange(
        data,
        b'{"cmd": "situations"}\n'
        b'{"cmd": "trigger", "id": "greeting", "source": "trigger"}\n'
        b"not json\n"
        b"[1, 2]\n" + b'{"cmd": "trigger", "id": ' + DEEP + b"\n"
        b'{"cmd": "trigger", "id": "gate-alarm", "source": "trigger"}\n',
    )
    assert time.monotonic() - started < 5
    assert len(answers) == 6, answers
    assert answers[0]["ok"] and answers[0]["situations"]
    assert answers[1]["ok"] and answers[1]["logged"] is True
    assert [a["error"] for a in answers[2:5]] == ["bad_request"] * 3
    assert "not JSON" in answers[2]["detail"]
    assert "not a JSON object" in answers[3]["detail"]
    assert "nested" in answers[4]["detail"]
    assert answers[5]["ok"] and answers[5]["logged"] is True
    assert shown(data) == ["greeting", "gate-alarm"]

    deep_alone = local_exchange(data, b'{"a": ' + DEEP + b"\n")
    assert deep_alone[0]["error"] == "bad_request"
    too_long = local_exchange(data, b'{"cmd": "' + b"x" * 70_000)  # no end of line, too long
    assert too_long[0]["error"] == "bad_request" and "longer than" in too_long[0]["detail"]
    assert trigger(data, "farewell").returncode == 0


# 3. The HTTP inlet: bounded, every request answered, never in the way of the local socket


def open_files(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def low_file_limit() -> None:  # runs in the app's process, before it starts
    import resource

    resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))


def http_trigger(port: int, token: str, card_id: str = "greeting") -> int | None:
    """The status of an authorised trigger over HTTP; None when the connection was refused or
    closed without an answer."""
    head = f"POST /trigger/{card_id} HTTP/1.0\r\nX-POS-Coach-Token: {token}\r\n\r\n"
    try:
        status, _body = http_exchange(port, head.encode())
    except OSError:
        return None
    return status


def http_exchange(port: int, raw: bytes, timeout: float = 10) -> tuple[int | None, dict | None]:
    """Send ``raw`` as it is; the answer's status and JSON body (None, None: closed unanswered)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(raw)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    if not received:
        return None, None
    head, _, body = received.partition(b"\r\n\r\n")
    status = int(head.split()[1])
    try:
        return status, json.loads(body)
    except ValueError:
        return status, None


def accept_queue(port: int) -> int:
    """Connections the kernel completed on ``port`` that the app has not accepted yet (the
    listening socket's queue, from /proc/net/tcp)."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
            return int(fields[4].split(":")[1], 16)
    raise AssertionError(f"nothing listens on port {port}")


def open_idle(port: int, count: int) -> list[socket.socket]:
    """``count`` connections that send nothing, each batch accepted by the app before the
    next, so that no connection waits for a retried handshake: batches grow while the app's
    backlog takes them at once, and shrink when it does not (the app of before had a backlog
    of 5). Fewer if the app stops accepting (it did, once it had run out of files)."""
    opened: list[socket.socket] = []
    batch = 4
    while len(opened) < count:
        poller = select.poll()
        size = min(batch, count - len(opened))
        for _ in range(size):
            sock = socket.socket()
            sock.setblocking(False)
            sock.connect_ex(("127.0.0.1", port))
            opened.append(sock)
            poller.register(sock, select.POLLOUT)
        started = time.monotonic()
        connected: set[int] = set()
        while len(connected) < size and time.monotonic() < started + 2:
            connected.update(fd for fd, _event in poller.poll(10))
        while accept_queue(port) and time.monotonic() < started + 2:
            time.sleep(0.001)
        if time.monotonic() >= started + 2:
            break  # the app takes no more
        batch = min(batch * 2, 64) if time.monotonic() - started < 0.1 else 4
    return opened


@pytest.mark.slow
def test_a_thousand_idle_http_connections_starve_neither_inlet(tmp_path):
    """1,100 idle TCP connections to the HTTP inlet, kept open, in an app allowed only 1,024
    open files: the local socket still answers at once, an authorised HTTP trigger gets
    through, and the local socket is still there once they are gone."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1400:
        pytest.skip(f"this test needs 1,400 open files (the hard limit is {hard})")
    resource.setrlimit(
        resource.RLIMIT_NOFILE, (hard if hard != resource.RLIM_INFINITY else 4096, hard)
    )
    data = tmp_path / "data"
    data.mkdir()
    port = free_port()
    settings = {"http_enabled": True, "http_port": port, "trigger_sound": False}
    (data / "settings.json").write_text(json.dumps(settings), "utf-8")
    process = start_app(
        data,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=low_file_limit,
    )
    idle: list[socket.socket] = []
    try:
        token = json.loads((data / "settings.json").read_text("utf-8"))["http_token"]
        closed: set[socket.socket] = set()

        def settled() -> bool:
            """The app has dealt with every connection: it closed all but those it serves, or
            (as it did before) it holds so many that it has run out of files."""
            for sock in idle:
                if sock not in closed and ended(sock):
                    closed.add(sock)
            still_open = len(idle) - len(closed)
            return still_open <= HTTP_CONNECTIONS + 8 or open_files(process.pid) >= 1000

        idle += open_idle(port, 1100)
        wait_until(settled, 20, "the app took in the idle connections", every=0.2)
        started = time.monotonic()
        done = trigger(data)
        assert done.returncode == 0, done.stderr
        assert time.monotonic() - started < 5
        assert open_files(process.pid) < 300  # the caps hold without a higher file limit

        got: list[int | None] = []
        wait_until(
            lambda: got.append(http_trigger(port, token, "gate-alarm")) or got[-1] == 200,
            REQUEST_DEADLINE + 10,
            "an authorised HTTP trigger gets through",
            every=0.2,
        )

        for sock in idle:
            sock.close()
        idle.clear()
        done = trigger(data, "farewell")
        assert done.returncode == 0, done.stderr
        assert shown(data) == ["greeting", "gate-alarm", "farewell"]
        assert stat.S_ISSOCK(os.lstat(server_name(data)).st_mode)
    finally:
        for sock in idle:
            sock.close()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
        if process.poll() is None:
            stop(process)


def test_every_http_request_is_answered(app):
    data, port, token, _process = app

    def post(headers: str, body: bytes = b"") -> tuple[int | None, dict | None]:
        head = f"POST /trigger/greeting HTTP/1.0\r\nX-POS-Coach-Token: {token}\r\n{headers}\r\n"
        return http_exchange(port, head.encode() + body)

    for headers in ("Content-Length: abc\r\n", "Content-Length: -1\r\n", "Content-Length: 1e3\r\n"):
        status, body = post(headers)
        assert status == 400, headers
        assert body["error"] == "bad_request" and "Content-Length" in body["detail"]
    for huge in ("1000000000", "9" * 5000):
        status, body = post(f"Content-Length: {huge}\r\n")
        assert status == 413 and body["error"] == "too_large"
    deep = b'{"source": ' + DEEP
    status, body = post(f"Content-Length: {len(deep)}\r\n", deep)
    assert status == 400 and "nested" in body["detail"]
    for junk in (b"not json", b"[1, 2]", b"\xff\xfe"):
        status, body = post(f"Content-Length: {len(junk)}\r\n", junk)
        assert status == 400 and body["error"] == "bad_request", junk
    status, body = post("Transfer-Encoding: chunked\r\n", b"5\r\nhello\r\n0\r\n\r\n")
    assert status == 400
    status, _ = http_exchange(port, b"HELLO\r\n\r\n")
    assert status == 400
    assert shown(data) == []  # none of them showed a card

    good = b'{"source": "pos"}'
    status, body = post(f"Content-Length: {len(good)}\r\n", good)
    assert status == 200 and body["ok"]
    assert shown(data) == ["greeting"]
    assert trigger(data, "farewell").returncode == 0


def test_a_request_sent_one_byte_at_a_time_is_cut_off(app):
    """A caller that trickles its request head (a byte every quarter second, each well within
    any per-read timeout) is closed once the whole request's deadline has passed."""
    _data, port, token, _process = app
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    started = time.monotonic()
    head = f"POST /trigger/greeting HTTP/1.0\r\nX-POS-Coach-Token: {token}\r\nX-Slow: "
    sock.sendall(head.encode())
    closed_after = None
    try:
        while time.monotonic() - started < REQUEST_DEADLINE + 5:
            try:
                sock.sendall(b"a")
            except OSError:
                closed_after = time.monotonic() - started
                break
            if select.select([sock], [], [], 0.25)[0]:  # closed (or answered)
                with contextlib.suppress(OSError):
                    sock.recv(65536)
                closed_after = time.monotonic() - started
                break
    finally:
        sock.close()
    assert closed_after is not None, "still open"
    assert closed_after < REQUEST_DEADLINE + 2
    assert http_trigger(port, token) == 200
