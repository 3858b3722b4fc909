"""Where the running app listens: one local socket per OS user and data dir (no Qt here).

On Unix it is a socket file in the user's runtime directory (or the temp directory), named by
a checksum of the data dir, reachable only by the same user; on Windows a named pipe. This
module is imported by `pos-coach trigger` on every call, so it sticks to the cheapest
standard modules (no pathlib, hashlib or tempfile).
"""

from __future__ import annotations

import os
import sys
import zlib


def data_dir_tag(data_dir: str | os.PathLike[str]) -> str:
    """A short name for a data dir, for things kept outside it (socket, fallback files)."""
    resolved = os.path.realpath(os.fspath(data_dir)).encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(resolved):08x}{zlib.adler32(resolved):08x}"


def server_name(data_dir: str | os.PathLike[str]) -> str:
    """The QLocalServer name: a full socket path on Unix, a pipe name on Windows."""
    tag = data_dir_tag(data_dir)
    if sys.platform == "win32":
        user = os.environ.get("USERNAME", "user")
        return f"pos-coach-{user}-{tag}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    folder = runtime if runtime and os.path.isdir(runtime) else os.environ.get("TMPDIR") or "/tmp"
    return os.path.join(folder, f"pos-coach-{os.getuid()}-{tag}.sock")


def pipe_path(name: str) -> str:
    """The file name a Windows client opens for the pipe ``name``."""
    return name if name.startswith("\\\\") else f"\\\\.\\pipe\\{name}"


def private_dir() -> str:
    """A folder only this OS user can enter, for what must not live in a shared temp folder
    (spilled events, a fallback lock): made with mode 0700 when missing; one that exists but is
    another user's, or open to others, or a symbolic link, is never used."""
    base = os.environ.get("TMPDIR") or "/tmp"
    if sys.platform == "win32":  # pragma: no cover - the per-user temp folder is private there
        import tempfile

        return tempfile.gettempdir()
    folder = os.path.join(base, f"pos-coach-{os.getuid()}")
    import stat

    if not os.path.lexists(folder):
        os.mkdir(folder, 0o700)
    info = os.lstat(folder)

    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise PermissionError(f"{folder}: not a private folder of this user; not used")
    return folder
