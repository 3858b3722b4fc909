"""Where the running app listens: one local socket per OS user and data dir (no Qt here).

On Unix it is a socket file in the user's runtime directory (or the temp directory), named by
a hash of the data dir, readable only by the same user; on Windows a named pipe.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
import tempfile
from pathlib import Path


def server_name(data_dir: Path) -> str:
    """The QLocalServer name: a full socket path on Unix, a pipe name on Windows."""
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:16]
    user = getpass.getuser()
    if sys.platform == "win32":
        return f"pos-coach-{user}-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    folder = Path(runtime) if runtime and Path(runtime).is_dir() else Path(tempfile.gettempdir())
    return str(folder / f"pos-coach-{os.getuid()}-{digest}.sock")


def pipe_path(name: str) -> str:
    """The file name a Windows client opens for the pipe ``name``."""
    return name if name.startswith("\\\\") else f"\\\\.\\pipe\\{name}"
