"""Where things live: the data dir and the situation pack, resolved before any window exists."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "pos-coach"
DATA_DIR_ENV = "POS_COACH_DATA_DIR"
SITUATIONS_ENV = "POS_COACH_SITUATIONS"

_PACKAGE = Path(__file__).resolve().parent


def data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else ``$POS_COACH_DATA_DIR``, else the per-user data directory; always
    absolute (a relative one, like ``make run``'s ``var``, is taken from the current folder)."""
    if option:
        return Path(option).expanduser().absolute()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().absolute()
    import platformdirs  # only here: the start-up path usually knows its folder

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


OWN_FILES = ("journal.db", "journal.db-wal", "journal.db-shm", "settings.json")


def not_ours(folder: Path) -> list[tuple[Path, int]]:
    """Files of the data folder that another OS user owns, with their owner's uid: the app
    must not use them (another user could read the journal, add events or set the HTTP token).
    Empty where the system has no owners to tell (Windows)."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows
        return []
    me = os.getuid()
    found = []
    for name in OWN_FILES:
        try:
            owner = os.lstat(folder / name).st_uid
        except OSError:
            continue
        if owner != me:
            found.append((folder / name, owner))
    return found


def open_to_others(folder: Path) -> bool:
    """Whether other users may make or remove files in ``folder`` (group- or world-writable)."""
    try:
        return bool(os.stat(folder).st_mode & 0o022)
    except OSError:
        return False


def unwritable(folder: Path) -> str | None:
    """None when files can be made in ``folder`` (created if need be); else why not."""
    import tempfile

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # cashiers' names: ours only
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


def free_name(
    path: Path, label: str, companions: tuple[str, ...] = (), like: Path | None = None
) -> Path:
    """``<stem>.<label>-<local time>[-<n>]<suffix>`` beside ``path`` (the stem and suffix of
    ``like`` when given), with no file of that name, nor of it with any of ``companions``."""
    from datetime import datetime

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    model = like or path
    number = 0
    while True:
        tail = f"-{number}" if number else ""
        target = path.with_name(f"{model.stem}.{label}-{stamp}{tail}{model.suffix}")
        if not any(Path(f"{target}{s}").exists() for s in ("", *companions)):
            return target
        number += 1


def keep_aside(
    path: Path, label: str, companions: tuple[str, ...] = (), like: Path | None = None
) -> Path:
    """Move ``path`` (and ``path + suffix`` for each of ``companions`` that exists) to a
    :func:`free_name` beside it; returns the new name.

    Nothing is ever replaced: a name already taken (two set-asides in the same second, a copy
    left by an earlier run) moves on to the next number. On POSIX the move is a hard link made
    under the new name (which fails, atomically, if that name exists) and then the removal of
    the old name; where hard links are not possible (FAT, some network shares) and on Windows
    (whose rename never replaces), a plain rename to a name that was free a moment before.
    """
    while True:
        target = free_name(path, label, companions, like)
        try:
            move_aside(path, target, companions)
        except FileExistsError:
            continue  # taken in the blink since: the next name
        return target


def move_aside(path: Path, target: Path, companions: tuple[str, ...] = ()) -> None:
    """Move ``path`` to ``target`` and each companion that exists to ``target + suffix``,
    never replacing anything (FileExistsError, nothing moved, when ``target`` exists)."""
    _move_no_replace(path, target)
    for suffix in companions:
        source = Path(f"{path}{suffix}")
        if source.exists():
            try:
                _move_no_replace(source, Path(f"{target}{suffix}"))
            except FileExistsError:  # taken in the blink since the check: a name of its own
                _move_no_replace(source, Path(f"{target}{suffix}.{os.getpid()}"))


def _move_no_replace(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target``; FileExistsError, and nothing moved, if ``target`` exists."""
    if os.name == "nt":
        os.rename(source, target)  # raises FileExistsError when the target exists
        return
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system
        if target.exists():
            raise FileExistsError(target) from None
        os.rename(source, target)
        return
    os.unlink(source)
