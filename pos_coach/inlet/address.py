"""Where the running app listens: one local socket per OS user and data dir (no Qt here).

On Unix the socket file lives in a folder only this user can enter (:func:`private_dir`), named
by a checksum of the data dir; on Windows it is a named pipe. Beside the sockets, each start of
the counter leaves a note of its data dir (:func:`remember`), so that ``pos-coach trigger``
without ``--data-dir`` finds the one counter running and can name the folders of several
(:func:`registered`). This module is imported by `pos-coach trigger` on every call, so it
sticks to the cheapest standard modules (``os``, ``sys``, ``stat``, ``zlib``: no pathlib,
hashlib, tempfile or typing); ``os.path`` is ``ntpath`` on Windows, so its paths are right
there too.
"""

from __future__ import annotations

import os
import stat
import sys
import zlib

FOLDER = "pos-coach"  # the app's folder inside a runtime directory
# Windows: named pipes, no uids, no socket files. Checked at each call, so that tests can take
# the Windows side here (its names and folders; the pipe itself needs Windows).
WINDOWS = sys.platform == "win32"
SOCKET = ".sock"  # <tag>.sock: the app's socket (Unix)
NOTE = ".data-dir"  # <tag>.data-dir: the data dir a counter started on (every system)
MAX_NOTE = 4096  # bytes: a path, no more
_NO_LINKS = getattr(os, "O_NOFOLLOW", 0)  # Unix: a symlink is refused, not followed
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: bytes as they are, no text mode
RUN_USER = "/run/user"  # systemd's per-user runtime directories, when XDG_RUNTIME_DIR is unset
# The longest socket path the kernel takes (sun_path, less its final NUL byte)
MAX_SOCKET_PATH = 103 if sys.platform == "darwin" or "bsd" in sys.platform else 107
SOCKET_NAME_LENGTH = len("/0123456789abcdef.sock")  # what server_name adds to the folder


class NoPrivateDir(OSError):  # noqa: N818 - reads as a state: there is no private folder
    """No candidate folder is private to this user (each reason is in ``notes``)."""

    def __init__(self, notes: list[str]) -> None:
        super().__init__("no folder private to this user: " + "; ".join(notes))
        self.notes = notes


def data_dir_tag(data_dir: str | os.PathLike[str]) -> str:
    """A short name for a data dir, for things kept outside it (socket, fallback files). On
    Windows, whose file names ignore case, ``C:\\Shop`` and ``c:\\shop`` are one folder, and
    one name."""
    text = os.path.realpath(os.fspath(data_dir))
    if WINDOWS:
        text = text.lower()
    resolved = text.encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(resolved):08x}{zlib.adler32(resolved):08x}"


def server_name(data_dir: str | os.PathLike[str]) -> str:
    """The QLocalServer name: a full socket path on Unix, a pipe name on Windows."""
    return tag_server_name(data_dir_tag(data_dir))


def tag_server_name(tag: str) -> str:
    """:func:`server_name` of the data dir whose :func:`data_dir_tag` is ``tag``."""
    if WINDOWS:
        user = os.environ.get("USERNAME", "user")
        return f"pos-coach-{user}-{tag}"
    return os.path.join(private_dir(), tag + SOCKET)


def pipe_path(name: str) -> str:
    """The file name a Windows client opens for the pipe ``name``."""
    return name if name.startswith("\\\\") else f"\\\\.\\pipe\\{name}"


def private_dir() -> str:
    """The folder for this OS user's files that must not be kept in the data dir and that no
    other local user may see, replace or answer for: the trigger socket, and whatever else
    needs such a place (it takes no data dir: name files in it with :func:`data_dir_tag`).

    On Unix, the first of these that passes the check:

    1. ``$XDG_RUNTIME_DIR/pos-coach/``, when ``XDG_RUNTIME_DIR`` is a real directory (not a
       symlink) owned by this user, with no access for group or others;
    2. ``/run/user/<uid>/pos-coach/``, on the same condition;
    3. ``<TMPDIR or /tmp>/pos-coach-<uid>/``;
    4. ``<XDG_CACHE_HOME or ~/.cache>/pos-coach-run/``, should someone else hold the name in
       the temp folder.

    A missing folder is created with mode 0700. The check (with ``lstat``, so a symlink never
    passes): a real directory, owned by this user, ``mode & 0o077 == 0``, in a parent that
    nobody else may rename it out of; and short enough for a socket path in it. A candidate
    that fails is passed over. The client (``pos-coach trigger``) and the app follow the same
    rules, so they find the same folder.

    The first two are cleared when the user's last session ends (and at a reboot): fine for
    sockets and locks, not for anything that must outlast the session.

    On Windows: ``%LOCALAPPDATA%\\pos-coach\\private`` (the user profile's own permissions).

    Raises :class:`NoPrivateDir` when no candidate passes.
    """
    return find_private_dir()[0]


def find_private_dir() -> tuple[str, list[str]]:
    """:func:`private_dir`, and a line for each candidate that exists but was passed over
    (folder and reason), for the app to say at start-up."""
    if WINDOWS:
        base = os.environ.get("LOCALAPPDATA") or os.environ.get("TEMP") or os.getcwd()
        folder = os.path.join(base, FOLDER, "private")
        os.makedirs(folder, exist_ok=True)
        return folder, []
    uid = os.getuid()
    notes: list[str] = []
    for base, inside, kind in _candidates(uid):
        folder = os.path.join(base, inside)
        reason = _base_problem(base, uid, kind)
        if reason is None:
            reason = _folder_problem(folder, uid)
        if reason is None:
            return folder, notes
        if reason:  # an empty reason: nothing there to speak of (say, no such directory)
            notes.append(f"{folder} passed over: {reason}")
    raise NoPrivateDir(notes or ["no candidate folder exists"])


def _candidates(uid: int) -> list[tuple[str, str, str]]:
    """(parent, folder inside it, kind of parent: "runtime", "temp" or "cache")."""
    found = []
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime):
        found.append((runtime, FOLDER, "runtime"))
    found.append((f"{RUN_USER}/{uid}", FOLDER, "runtime"))
    found.append((os.environ.get("TMPDIR") or "/tmp", f"pos-coach-{uid}", "temp"))
    cache = os.environ.get("XDG_CACHE_HOME")
    if not (cache and os.path.isabs(cache)):
        cache = os.path.join(os.path.expanduser("~"), ".cache")
    if os.path.isabs(cache):
        found.append((cache, "pos-coach-run", "cache"))
    return found


def _base_problem(base: str, uid: int, kind: str) -> str | None:
    """Why ``base`` cannot hold the private folder; "" when it does not exist; None if fine."""
    try:
        # a runtime directory must be the real thing; a temp or cache folder may be a symlink
        # (macOS: /tmp -> /private/tmp), what counts is where it leads
        info = os.lstat(base) if kind == "runtime" else os.stat(base)
    except FileNotFoundError:
        if kind != "cache" or not _made(base):
            return ""
        return _base_problem(base, uid, "made")
    except OSError as exc:
        return f"{base}: {exc.strerror or exc}"
    if not stat.S_ISDIR(info.st_mode):
        return f"{base} is not a directory"
    if kind == "runtime":
        if info.st_uid != uid:
            return f"{base} belongs to uid {info.st_uid}"
        if info.st_mode & 0o077:
            return f"{base} is open to others (mode {stat.S_IMODE(info.st_mode):o})"
        return None
    # a temp or cache folder: nobody else may rename our folder away and put theirs in its
    # place; only its owner (us or root) may, or anyone when it is writable and not sticky
    if info.st_uid not in (uid, 0):
        return f"{base} belongs to uid {info.st_uid}"
    if info.st_mode & 0o022 and not info.st_mode & stat.S_ISVTX:
        return f"others may write to {base} (mode {stat.S_IMODE(info.st_mode):o}, not sticky)"
    return None


def _made(base: str) -> bool:
    """A missing cache folder is made 0700 (the XDG rule), if its own parent exists."""
    try:
        os.mkdir(base, 0o700)
    except FileExistsError:
        return True
    except OSError:
        return False
    return True


def _folder_problem(folder: str, uid: int) -> str | None:
    """Why ``folder`` is not private to ``uid`` (made if missing); None when it is."""
    if len(os.fsencode(folder)) + SOCKET_NAME_LENGTH > MAX_SOCKET_PATH:
        return f"too long for a socket path ({MAX_SOCKET_PATH} bytes at most)"
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except FileNotFoundError:
        return ""
    except OSError as exc:
        return f"cannot be made: {exc.strerror or exc}"
    else:
        os.chmod(folder, 0o700)  # exactly 0700, whatever the umask
    try:
        info = os.lstat(folder)
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISLNK(info.st_mode):
        return "a symlink"
    if not stat.S_ISDIR(info.st_mode):
        return "not a directory"
    if info.st_uid != uid:
        return f"belongs to uid {info.st_uid}"
    if info.st_mode & 0o077:
        return f"open to others (mode {stat.S_IMODE(info.st_mode):o})"
    return None


def remember(data_dir: str | os.PathLike[str]) -> str:
    """Leave a note in the private folder that a counter starts on ``data_dir`` (an absolute
    path): ``<tag>.data-dir``, holding the path, readable by this user only; returns its name.

    Called before the counter starts; harmless if it then does not (say, one already runs on
    that folder): a note only names the data dir behind a socket, and whether anything answers
    there is asked afresh each time. Raises OSError (:class:`NoPrivateDir` among them)."""
    folder = private_dir()
    tag = data_dir_tag(data_dir)
    path = os.path.join(folder, tag + NOTE)
    text = os.fspath(data_dir)
    if _read_note(path, tag) == text:
        return path
    temp = f"{path}.{os.getpid()}.tmp"
    if os.path.lexists(temp):  # left by a start of the same process id that died half-way
        os.unlink(temp)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_LINKS | _BINARY
    handle = os.open(temp, flags, 0o600)
    try:
        os.write(handle, text.encode("utf-8", "surrogateescape"))
    finally:
        os.close(handle)
    os.replace(temp, path)  # whole or not at all, for a client reading it meanwhile
    return path


def forget(data_dir: str | os.PathLike[str]) -> None:
    """Remove the note :func:`remember` left for ``data_dir`` (if any)."""
    try:
        os.unlink(os.path.join(private_dir(), data_dir_tag(data_dir) + NOTE))
    except OSError:
        return


def registered() -> list[tuple[str, str | None]]:
    """Where a counter of this user may be listening: (server name, its data dir when a note
    names it) for every socket in the private folder (Unix) and every note (all systems),
    sorted by data dir. Nothing here says that it answers: a crashed counter leaves both its
    socket and its note behind; the caller asks each (:func:`pos_coach.inlet.client.running`).

    Only names this module makes are taken (16 hex digits, then ``.sock`` or ``.data-dir``),
    only from the private folder, and a note only when it is a regular file of this user,
    small, and holds a path whose tag is its name."""
    folder = private_dir()
    try:
        entries = os.listdir(folder)
    except OSError:
        return []
    found: dict[str, str | None] = {}
    for entry in entries:
        tag, suffix = entry[:16], entry[16:]
        if not _is_tag(tag):
            continue
        if suffix == SOCKET and not WINDOWS:
            found.setdefault(tag, None)
        elif suffix == NOTE:
            found[tag] = _read_note(os.path.join(folder, entry), tag)
    places = [(tag_server_name(tag), data_dir) for tag, data_dir in found.items()]
    return sorted(places, key=lambda place: (place[1] is None, place[1] or "", place[0]))


def _is_tag(text: str) -> bool:
    return len(text) == 16 and all(c in "0123456789abcdef" for c in text)


def _read_note(path: str, tag: str) -> str | None:
    """The data dir a note names; None for anything else (missing, a symlink, not a regular
    file, another user's, too large, or naming a folder of another tag)."""
    try:
        handle = os.open(path, os.O_RDONLY | _NO_LINKS | _BINARY)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_NOTE:
            return None
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None
        raw = os.read(handle, MAX_NOTE + 1)
    except OSError:
        return None
    finally:
        os.close(handle)
    text = raw.decode("utf-8", "surrogateescape")
    if not text or len(raw) > MAX_NOTE or data_dir_tag(text) != tag:
        return None
    return text
