"""The pack as last validated, kept beside the journal so the counter starts without re-checking.

Loading a pack means parsing every TOML file and checking every rule (pydantic, positions for
the messages): about a hundred milliseconds before the first card can be shown, most of it
importing the validation code. The result depends only on the pack's files and on this code, so
it is kept as JSON with a fingerprint of both: name, size, inode and modification/change times of
every ``*.toml`` file and language folder, and of the loader's own modules. Any difference (an
edit, a new card, a chmod, a rename, another version of POS Coach) means a full load, which
rewrites the cache.

The cache is only ever a shortcut: a missing, unreadable, damaged or foreign cache file is
ignored, and a cache that cannot be written (read-only data dir) costs only the shortcut.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import zlib
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from pos_coach import __version__
from pos_coach.cards.files import LANG_DIR
from pos_coach.cards.model import Card, Category, LoadResult, Pack

CACHE_DIR = "cache"
FORMAT = 1
_CODE_DIR = Path(__file__).resolve().parent
# the code that wrote a cache must be this code: the dates of its files, or, in a frozen program
# (the bundle, whose modules are not files on disk), of the program itself
_CODE_FILES = (
    (Path(sys.executable),)
    if getattr(sys, "frozen", False)
    else (*sorted(_CODE_DIR.glob("*.py")), _CODE_DIR.parent / "i18n.py")
)


def cache_path(root: Path, data_dir: Path) -> Path:
    """The cache file of the pack at ``root`` (one per pack folder)."""
    key = zlib.crc32(str(Path(root).resolve()).encode("utf-8", "surrogateescape"))
    return data_dir / CACHE_DIR / f"pack-{key:08x}.json"


def load_pack_cached(root: Path, data_dir: Path) -> LoadResult:
    """The pack at ``root``: from the cache when nothing changed, else loaded and cached."""
    return _load(Path(root), data_dir, last_checked=False)[0]


def load_for_start(root: Path, data_dir: Path) -> tuple[LoadResult, bool]:
    """The pack to start the counter with, and whether it must be checked again at once.

    Unchanged: the cache. Changed since the cache was written: the cached (last validated)
    pack all the same, flagged, so the window shows without waiting for validation and the
    caller re-reads the pack just after, as a live reload does. No usable cache: a full load.
    """
    return _load(Path(root), data_dir, last_checked=True)


def _load(root: Path, data_dir: Path, last_checked: bool) -> tuple[LoadResult, bool]:
    """The cache when it fits (or, with ``last_checked``, when this version wrote it: then
    flagged as changed since); else a full load, cached. One fingerprint, one read."""
    stamp = fingerprint(root)
    path = cache_path(root, data_dir)
    if stamp is not None:
        cached = read_cache(path, root, stamp, any_files=last_checked)
        if cached is not None:
            return cached
    from pos_coach.cards.loader import load_pack

    result = load_pack(root)
    if stamp is not None and stamp == fingerprint(root):  # not edited while it loaded
        write_cache(path, root, stamp, result)
    return result, False


def fingerprint(root: Path) -> list[list[Any]] | None:
    """What the load depends on, cheaply (one ``stat`` per file); None when it cannot be told."""
    entries: list[list[Any]] = [["", __version__, FORMAT]]
    try:
        entries.append(["", *_stamp(os.stat(root))])
        with os.scandir(root) as found:
            langs = sorted((e for e in found if LANG_DIR.match(e.name)), key=lambda e: e.name)
        for lang in langs:
            if not lang.is_dir():
                continue
            entries.append([lang.name, *_stamp(lang.stat())])
            with os.scandir(lang.path) as found:
                files = sorted((e for e in found if e.name.endswith(".toml")), key=lambda e: e.name)
            entries.extend([f"{lang.name}/{e.name}", *_stamp(e.stat())] for e in files)
        entries.extend([f"code:{p.name}", *_stamp(os.stat(p))] for p in _CODE_FILES)
    except OSError:
        return None
    return entries


def _stamp(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def read_cache(
    path: Path, root: Path, stamp: list[list[Any]], any_files: bool = False
) -> tuple[LoadResult, bool] | None:
    """The cached load of ``root`` and whether the files changed since: None unless its
    fingerprint is ``stamp`` (or, with ``any_files``, it was written by this version)."""
    try:
        raw = path.read_bytes()
        data = json.loads(raw)
        if data.get("root") != str(root):
            return None
        written = data.get("fingerprint")
        changed = written != stamp
        if changed and not (any_files and written and written[0] == stamp[0]):
            return None
        result = _decode(data, root)
        result.digest = digest(raw)
        return result, changed
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # no cache, or a damaged one: load the pack properly


def write_cache(path: Path, root: Path, stamp: list[list[Any]], result: LoadResult) -> bool:
    """Keep ``result`` for the next start (atomically); False when the disk refuses."""
    blob = {"root": str(root), "fingerprint": stamp, **_encode(result)}
    try:
        raw = json.dumps(blob, ensure_ascii=False).encode("utf-8")
    except ValueError:
        return False
    if not keep_file(path, raw):
        return False
    result.digest = digest(raw)
    return True


def keep_file(path: Path, raw: bytes) -> bool:
    """Write a cache file (this user's only, like the rest of the data dir) atomically: a
    reader sees the old file or the new one. False when the disk refuses: a cache is only a
    shortcut."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(handle, "wb") as file:
            file.write(raw)
        os.replace(temp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temp.unlink()
        return False
    return True


def digest(raw: bytes) -> str:
    """A name for the content of a pack cache file (its CRC and length)."""
    return f"{zlib.crc32(raw):08x}-{len(raw)}"


def index_path(root: Path, data_dir: Path, lang: str) -> Path:
    """Where the search index of the pack at ``root``, shown in ``lang``, is kept."""
    pack = cache_path(root, data_dir)
    return pack.with_name(f"index-{pack.stem.removeprefix('pack-')}-{lang}.marshal")


# -- JSON form -----------------------------------------------------------------------------------
def _encode(result: LoadResult) -> dict[str, Any]:
    packs = {
        lang: {
            "name": pack.name,
            "path": None if pack.path is None else str(pack.path),
            "categories": [[c.id, c.label, c.colour, c.order] for c in pack.categories.values()],
            "cards": [_card(card) for card in pack.cards.values()],
        }
        for lang, pack in result.packs.items()
    }
    problems = [
        [str(p.path), p.line, p.column, p.code, _args(p.args), p.severity.value, p.key]
        for p in result.problems
    ]
    return {"packs": packs, "problems": problems}


def _card(card: Card) -> dict[str, Any]:
    data = {f.name: getattr(card, f.name) for f in fields(card)}
    data.update((name, list(value)) for name, value in data.items() if isinstance(value, tuple))
    data["path"] = None if card.path is None else str(card.path)
    return data


def _args(args: Mapping[str, object]) -> dict[str, Any]:
    """Message arguments as JSON: nested messages tagged, anything unusual as its text."""
    from pos_coach.cards.problems import Msg

    encoded: dict[str, Any] = {}
    for key, value in args.items():
        if isinstance(value, Msg):
            encoded[key] = {"$msg": value.code, "args": _args(value.args)}
        elif value is None or isinstance(value, str | int | float):
            encoded[key] = value
        else:
            encoded[key] = str(value)  # what the message would have shown of it anyway
    return encoded


def _decode(data: dict[str, Any], root: Path) -> LoadResult:
    result = LoadResult()
    for lang, raw in data["packs"].items():
        categories = {c[0]: Category(c[0], c[1], c[2], c[3]) for c in raw["categories"]}
        cards = {}
        for values in raw["cards"]:
            values.update((name, tuple(v)) for name, v in values.items() if isinstance(v, list))
            values["path"] = None if values["path"] is None else Path(values["path"])
            card = Card(**values)
            cards[card.id] = card
        path = None if raw["path"] is None else Path(raw["path"])
        result.packs[lang] = Pack(lang, raw["name"], categories, cards, path)
    if data["problems"]:
        from pos_coach.cards.problems import Problem, Severity
    for path, line, column, code, args, severity, key in data["problems"]:
        problem = Problem(Path(path), line, column, code, _unargs(args), Severity(severity), key)
        result.problems.append(problem)
    return result


def _unargs(args: dict[str, Any]) -> dict[str, object]:
    from pos_coach.cards.problems import Msg

    return {
        key: Msg(value["$msg"], _unargs(value["args"])) if isinstance(value, dict) else value
        for key, value in args.items()
    }
