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
