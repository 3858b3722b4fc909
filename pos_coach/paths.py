"""Where things live: the data dir and the situation pack, resolved before any window exists."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "pos-coach"
DATA_DIR_ENV = "POS_COACH_DATA_DIR"
SITUATIONS_ENV = "POS_COACH_SITUATIONS"

_PACKAGE = Path(__file__).resolve().parent


def data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else ``$POS_COACH_DATA_DIR``, else the per-user data directory."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs  # only here: the start-up path usually knows its folder

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def unwritable(folder: Path) -> str | None:
    """None when files can be made in ``folder`` (created if need be); else why not."""
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".pos-coach-probe-", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        return f"{folder}: {exc.strerror or exc}"
    return None


def bundled(name: str) -> Path:
    """A folder shipped with the program (``situations``, ``resources``).

    In a source checkout it sits beside the package; in an installed wheel, inside it.
    """
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    return _PACKAGE.parent / name


def situations_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """``--situations``, else ``$POS_COACH_SITUATIONS``, else the bundled pack."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(SITUATIONS_ENV)
    if env:
        return Path(env).expanduser()
    return bundled("situations")
