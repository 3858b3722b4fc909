"""The search index kept on disk between starts, beside the pack's cache.

Building the index takes every word of every card through the dictionary: a few hundred
milliseconds for the shipped pack, seconds for one of thousands of cards. What it is made of
depends only on the cards (the pack cache's digest says which) and on this code and the
dictionary's, so it is kept in ``marshal`` form (plain lists and dicts: read back in a few
milliseconds, and nothing in it can run) with a key naming all of them. Any difference means
the index is built again and the file rewritten. Only ever a shortcut: a missing, damaged or
foreign file is ignored, and one that cannot be written costs only the shortcut.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import os
import sys
from collections.abc import Sequence
from pathlib import Path

FORMAT = 2  # 2: the forms table (what is typed, to the cards' dictionary forms)
_HERE = Path(__file__).resolve().parent
# what the index is computed by: this code, and the dictionary and stemmers it asks
_LIBRARIES = ("pymorphy3", "pymorphy3_dicts_ru", "Stemmer")


def code_stamp() -> list[object]:
    """Size and modification time of the code and data the index depends on."""
    if getattr(sys, "frozen", False):  # the bundle: its modules are not files on disk
        files = [Path(sys.executable)]
    else:
        files = [_HERE / "search.py", _HERE / "morph.py"]
        for name in _LIBRARIES:
            with contextlib.suppress(ImportError, ValueError):
                spec = importlib.util.find_spec(name)
                if spec is None or not spec.origin:
                    continue
                if spec.submodule_search_locations:  # a package: its code and its data
                    files.extend(_package_files(Path(spec.origin).parent))
                else:
                    files.append(Path(spec.origin))
    stamp: list[object] = [FORMAT]
    for path in files:
        try:
            st = path.stat()
            stamp.append([path.name, st.st_size, st.st_mtime_ns])
        except OSError:
            stamp.append([path.name, None])
    return stamp


def _package_files(folder: Path) -> list[Path]:
    found: list[Path] = []
    for parent, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        found.extend(Path(parent) / name for name in sorted(names))
    return found


def read(path: Path, key: Sequence[object]) -> tuple[object, ...] | None:
    """The index state kept at ``path`` for ``key``; None if there is none that fits."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    wanted = marshal.loads(marshal.dumps(list(key)))  # as it reads back from the file
    if not (isinstance(data, tuple) and len(data) == 2 and data[0] == wanted):
        return None
    state = data[1]
    return state if isinstance(state, tuple) else None


def write(path: Path, key: Sequence[object], state: tuple[object, ...]) -> bool:
    """Keep ``state`` for ``key`` at ``path`` (atomically); False when the disk refuses."""
    from pos_coach.cards.cache import keep_file

    try:
        blob = marshal.dumps((list(key), state))  # type: ignore[arg-type]  # plain containers
    except ValueError:
        return False
    return keep_file(path, blob)
