"""Write situation cards the way their owners wrote them: style-preserving, atomic, undoable.

The card editor saves through this module (no Qt here). An existing card is edited with tomlkit
and only the keys whose values changed are touched, so the owner's comments, key order, blank
lines and quoting stay as they were. A list is edited item by item when it is written one item
per line (the comments between items stay too); other lists are rewritten in their old layout.
Every write goes through :func:`atomic_write`. Deleting a card moves its files into the pack's
``.trash`` folder, from which :func:`restore_card` brings them back: nothing is ever deleted.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import tempfile
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Array, InlineTable, Item, Table

from pos_coach.cards import hotkeys
from pos_coach.cards.files import LANG_DIR, PACK_FILE, language_dirs
from pos_coach.cards.model import ID_PATTERN, Card, Category, card_id_problem
from pos_coach.i18n import LANGUAGES

CARD_KEYS = (
    "title",
    "category",
    "summary",
    "hotkey",
    "order",
    "tags",
    "steps",
    "say",
    "then",
    "avoid",
    "wow",
    "escalate",
)
OPTIONAL_KEYS = frozenset({"escalate", "hotkey", "order", "tags", "then"})
LIST_KEYS = frozenset({"tags", "steps", "say", "then", "avoid", "wow"})
MULTILINE_KEYS = frozenset({"steps", "say", "then", "avoid", "wow"})  # tags stay on one line
DEFAULTS: dict[str, Any] = {"escalate": "", "hotkey": None, "order": 0, "tags": [], "then": []}
TRASH_DIR = ".trash"
TRASH_STAMP = "%Y%m%dT%H%M%S.%fZ"  # 20250131T235959.123456Z
_STAMP_LEN = len("20250131T235959.123456Z")
INDENT = "  "
BOM = "\ufeff"
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}
_LONE_LF = re.compile(r"(?<!\r)\n")


class EditError(Exception):
    """An edit that cannot be made; the message says why, in plain words."""


@dataclass(frozen=True)
class TrashEntry:
    """One deleted card in ``<pack>/.trash/<stamp>-<id>/<lang>/<id>.toml``."""

    card_id: str
    deleted_at: datetime  # aware, UTC
    folder: Path
    langs: tuple[str, ...]


# -- writing files ---------------------------------------------------------------------------


def atomic_write(path: Path, text: str | bytes) -> None:
    """Write ``text`` (UTF-8) to ``path`` so that a crash leaves the old file or the new one.

    The data goes to a temp file in the same folder (its name starts with a dot, so the loader
    never reads it), is flushed and fsynced, then renamed over ``path`` with ``os.replace``.
    """
    path = Path(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _read_text(path: Path) -> tuple[str, str] | None:
    """The file's text and its byte-order mark ("" when it has none); None if not UTF-8."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return None
    except OSError as exc:
        raise EditError(f"cannot read {path.name}: {exc.strerror or exc}") from exc
    if text.startswith(BOM):
        return text[1:], BOM
    return text, ""


def _keep_newlines(original: str, text: str) -> str:
    """A file written with Windows line ends (\\r\\n) keeps them on the lines we add."""
    if "\r\n" in original and "\n" not in original.replace("\r\n", ""):
        return _LONE_LF.sub("\r\n", text)
    return text


# -- TOML text -------------------------------------------------------------------------------


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: double quotes, escapes only where TOML needs them."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif 0xD800 <= code <= 0xDFFF:  # a lone surrogate cannot be written as UTF-8
            out.append("\ufffd")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_value(value: Any, multiline: bool = False) -> str:
    """A text, whole number or list of texts as TOML; lists one item per line if ``multiline``."""
    if isinstance(value, bool):
        raise EditError(f"cannot write {value!r}: use text or a whole number")
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple):
        items = [toml_value(v) for v in value]
        if not items:
            return "[]"
        if multiline:
            return "[\n" + "".join(f"{INDENT}{item},\n" for item in items) + "]"
        return "[" + ", ".join(items) + "]"
    raise EditError(f"cannot write {type(value).__name__} values: use text or a whole number")


def _item(value: Any, multiline: bool = False) -> Item:
    """A tomlkit item parsed from our own text for ``value``, trailing newline included."""
    return tomlkit.parse(f"v = {toml_value(value, multiline)}\n")["v"]


def render_card(values: Mapping[str, Any]) -> str:
    """A new card file in the shipped cards' order and layout; optional keys left at their
    defaults (no escalate, hotkey or tags; order 0) are left out."""
    lines = []
    for key in CARD_KEYS:
        if key not in values or (
            key in OPTIONAL_KEYS and _semantic(key, values[key]) == DEFAULTS[key]
        ):
            continue
        lines.append(f"{key} = {toml_value(values[key], key in MULTILINE_KEYS)}\n")
    return "".join(lines)


# -- comparing values ------------------------------------------------------------------------


def _is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | tuple) and not value)


def _plain(value: Any) -> Any:
    """tomlkit items, tuples and lists as plain JSON-like Python values."""
    if hasattr(value, "unwrap"):
        value = value.unwrap()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _stripped(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _semantic(key: str, value: Any) -> Any:
    """What the loader would make of ``value``: stripped texts, defaults for empty optionals."""
    value = _plain(value)
    if key in OPTIONAL_KEYS and _is_empty(value):
        value = DEFAULTS[key]
    if isinstance(value, str):
        value = value.strip()
        if key == "hotkey":
            with contextlib.suppress(hotkeys.HotkeyError):
                value = hotkeys.normalise(value)
    elif isinstance(value, list):
        value = [_stripped(v) for v in value]
    return value


def _check_values(values: Mapping[str, Any]) -> None:
    unknown = [k for k in values if k not in CARD_KEYS]
    if unknown:
        raise EditError(f"unknown card key(s): {', '.join(map(str, unknown))}")
    for key, value in values.items():
        if value is None and key in OPTIONAL_KEYS:
            continue
        if key in LIST_KEYS:
            ok = isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
            expected = "a list of texts"
        elif key == "order":
            ok = isinstance(value, int) and not isinstance(value, bool)
            expected = "a whole number"
        else:
            ok = isinstance(value, str)
            expected = "text"
        if not ok:
            raise EditError(f"'{key}' must be {expected}, not {type(value).__name__}")


def changes(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> dict[str, dict]:
    """``{key: {"from": old, "to": new}}`` for the keys of ``after`` whose value changed.

    A key missing from ``before`` counts as None; keys missing from ``after`` are not changes
    (saving leaves them as they are). Texts are compared as the loader reads them (stripped,
    empty optional keys equal to their defaults). The result is JSON-serialisable.
    """
    before = before or {}
    result: dict[str, dict] = {}
    for key in sorted(after, key=_key_rank):
        old, new = _plain(before.get(key)), _plain(after[key])
        if _semantic(key, old) != _semantic(key, new):
            result[key] = {"from": old, "to": new}
    return result


def _key_rank(key: str) -> tuple[int, str]:
    return (CARD_KEYS.index(key) if key in CARD_KEYS else len(CARD_KEYS), key)


def card_values(card: Card) -> dict[str, Any]:
    """The editable values of a loaded card as plain texts and lists: what the form shows."""
    return {
        "title": card.title,
        "category": card.category,
        "summary": card.summary,
        "hotkey": card.hotkey,
        "order": card.order,
        "tags": list(card.tags),
        "steps": list(card.steps),
        "say": list(card.say),
        "then": list(card.then),
        "avoid": list(card.avoid),
        "wow": list(card.wow),
        "escalate": card.escalate,
    }


# -- editing a card's text -------------------------------------------------------------------


def update_card_text(text: str, values: Mapping[str, Any]) -> str:
    """``text`` with the keys of ``values`` that changed rewritten; everything else as it was.

    Raises :class:`EditError` when ``text`` is not valid TOML.
    """
    _check_values(values)
    doc = _parse(text, "the card")
    for key in CARD_KEYS:
        if key in values:
            _update_key(doc, key, values[key])
    new_text = _keep_newlines(text, doc.as_string())
    _verify(new_text, values)
    return new_text


def _verify(text: str, values: Mapping[str, Any]) -> None:
    """Never write what the loader could not read back as ``values``: a last safety net."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise EditError(f"the edit would not be valid TOML ({exc}); nothing was written") from exc
    wrong = [k for k in values if _semantic(k, data.get(k)) != _semantic(k, values[k])]
    if wrong:
        raise EditError(f"could not write {', '.join(wrong)} in this file; nothing was written")


def _parse(text: str, what: str) -> tomlkit.TOMLDocument:
    try:
        return tomlkit.parse(text)
    except TOMLKitError as exc:
        raise EditError(f"{what} is not valid TOML: {exc}") from exc


def is_toml(text: str) -> bool:
    """True when ``text`` is valid TOML that tomlkit can edit keeping its layout."""
    try:
        tomllib.loads(text)
        tomlkit.parse(text)
    except (tomllib.TOMLDecodeError, TOMLKitError):
        return False
    return True


def _update_key(doc: tomlkit.TOMLDocument, key: str, value: Any) -> None:
    old = doc.get(key)
    if old is not None and _semantic(key, old) == _semantic(key, value):
        return
    if old is None and _semantic(key, None) == _semantic(key, value):
        return
    if key in OPTIONAL_KEYS and _is_empty(value):
        del doc[key]
    elif old is None:
        _insert(doc, key, _item(value, key in MULTILINE_KEYS))
    elif isinstance(old, Array) and isinstance(value, list | tuple):
        _update_list(doc, key, old, list(value))
    else:
        doc[key] = _item(value, key in MULTILINE_KEYS)


def _insert(doc: tomlkit.TOMLDocument, key: str, item: Item) -> None:
    """Add ``key`` after the last present key that comes before it in CARD_KEYS, else last."""
    before = [k for k in CARD_KEYS[: CARD_KEYS.index(key)] if k in doc]
    if before:  # tomlkit has no public "insert after": its body's place, one after the key
        places = [
            n for n, (name, _) in enumerate(doc.body) if name is not None and name.key == before[-1]
        ]
        if places:
            with contextlib.suppress(AttributeError, TypeError, KeyError, ValueError):
                doc._insert_at(places[-1] + 1, key, item)
                return
    doc.add(key, item)


def _update_list(doc: tomlkit.TOMLDocument, key: str, old: Array, new: list[str]) -> None:
    """Keep the list's layout: one item per line is edited item by item, others rewritten."""
    text = old.as_string()
    if "\n" not in text:
        doc[key] = _item(new, multiline=False)
        return
    if new and _one_item_per_line(text):
        with contextlib.suppress(Exception):  # tomlkit quirk: fall back to a rewrite
            _edit_items(old, new)
            if [_stripped(v) for v in _plain(old)] == [_stripped(v) for v in new]:
                return
    doc[key] = _item(new, multiline=True)


def _one_item_per_line(array_text: str) -> bool:
    """True when the first item starts on the line after ``[`` (or a comment follows ``[``)."""
    rest = array_text.lstrip()[1:].lstrip(" \t")
    return rest.startswith(("\n", "\r\n", "#"))


def _edit_items(array: Array, new: list[str]) -> None:
    """Turn ``array`` into ``new`` with the fewest item changes, last changes first."""
    old = [_stripped(v) for v in _plain(array)]
    target = [_stripped(v) for v in new]
    matcher = difflib.SequenceMatcher(a=old, b=target, autojunk=False)
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        common = min(i2 - i1, j2 - j1)
        for n in range(i2 - i1 - 1, common - 1, -1):
            del array[i1 + n]
        for n in range(common, j2 - j1):
            array.insert(i1 + n, _item(new[j1 + n]))
        for n in range(common):
            array[i1 + n] = _item(new[j1 + n])


# -- cards -------------------------------------------------------------------------------------


def _lang_dir(pack_root: Path, lang: str) -> Path:
    if not LANG_DIR.match(lang):
        raise EditError(f"'{lang}' is not a language folder name (two letters, such as ru)")
    folder = Path(pack_root) / lang
    if not folder.is_dir():
        raise EditError(f"the pack has no '{lang}' folder")
    return folder


def _check_id(card_id: str) -> None:
    refused = card_id_problem(card_id)
    if refused is not None:
        raise EditError(refused.render("en"))


def card_path(pack_root: Path, lang: str, card_id: str) -> Path:
    """``<pack_root>/<lang>/<card_id>.toml``, after checking the id and the language folder."""
    _check_id(card_id)
    return _lang_dir(pack_root, lang) / f"{card_id}.toml"


def save_card(pack_root: Path, lang: str, card_id: str, values: Mapping[str, Any]) -> Path:
    """Write the card's changed values, keeping the rest of its file byte for byte.

    A missing file is written afresh. A file that is not valid TOML cannot keep its layout: it is
    moved to the trash first (so the owner's text is never lost) and written afresh.
    """
    path = card_path(pack_root, lang, card_id)
    _check_values(values)
    if not path.exists():
        atomic_write(path, render_card(values))
        return path
    read = _read_text(path)
    if read is None or not is_toml(read[0]):
        move_to_trash(pack_root, card_id, [path])
        atomic_write(path, render_card(values))
        return path
    text, bom = read
    new_text = update_card_text(text, values)
    if new_text != text:
        atomic_write(path, bom + new_text)
    return path


def create_card(pack_root: Path, lang: str, card_id: str, values: Mapping[str, Any]) -> Path:
    """Write a new card file; refuses an invalid id or one this language already has."""
    path = card_path(pack_root, lang, card_id)
    if path.exists():
        raise EditError(f"a card '{card_id}' already exists in {lang}/")
    _check_values(values)
    atomic_write(path, render_card(values))
    return path


def _card_files(pack_root: Path, card_id: str) -> list[Path]:
    """The card's file in every language that has it."""
    _check_id(card_id)
    root = Path(pack_root)
    if not root.is_dir():
        raise EditError(f"{root} is not a folder")
    return [d / f"{card_id}.toml" for d in language_dirs(root) if (d / f"{card_id}.toml").exists()]


def _files_for_new_id(pack_root: Path, card_id: str, new_id: str) -> list[tuple[Path, Path]]:
    """(old file, new file) per language; refuses a missing card or a taken new id."""
    files = _card_files(pack_root, card_id)
    _check_id(new_id)
    if not files:
        raise EditError(f"there is no card '{card_id}'")
    if new_id == card_id:
        raise EditError(f"the new id is the same as the old one ('{card_id}')")
    if _card_files(pack_root, new_id):
        raise EditError(f"a card '{new_id}' already exists")
    return [(path, path.with_name(f"{new_id}.toml")) for path in files]


def duplicate_card(pack_root: Path, card_id: str, new_id: str) -> list[Path]:
    """Copy the card's file text under ``new_id`` in every language that has it."""
    written = []
    for old, new in _files_for_new_id(pack_root, card_id, new_id):
        atomic_write(new, old.read_bytes())
        written.append(new)
    return written


def rename_card(pack_root: Path, old_id: str, new_id: str) -> list[Path]:
    """Rename the card's file in every language; refuses when ``new_id`` is taken."""
    renamed = []
    for old, new in _files_for_new_id(pack_root, old_id, new_id):
        os.replace(old, new)
        renamed.append(new)
    return renamed


# -- trash -------------------------------------------------------------------------------------


def delete_card(pack_root: Path, card_id: str) -> TrashEntry:
    """Move the card's files of every language into the pack's ``.trash``."""
    files = _card_files(pack_root, card_id)
    if not files:
        raise EditError(f"there is no card '{card_id}'")
    return move_to_trash(pack_root, card_id, files)


def move_to_trash(
    pack_root: Path, name: str, files: Sequence[Path], when: datetime | None = None
) -> TrashEntry:
    """Move ``files`` (each ``<pack>/<lang>/<file>``) into ``.trash/<stamp>-<name>/<lang>/``."""
    when = when or datetime.now(UTC)
    trash = Path(pack_root) / TRASH_DIR
    folder = trash / f"{when:{TRASH_STAMP}}-{name}"
    while folder.exists():  # two deletions in the same microsecond
        when += timedelta(microseconds=1)
        folder = trash / f"{when:{TRASH_STAMP}}-{name}"
    langs = []
    for path in files:
        lang = path.parent.name
        (folder / lang).mkdir(parents=True, exist_ok=True)
        os.replace(path, folder / lang / path.name)
        langs.append(lang)
    return TrashEntry(name, when, folder, _in_language_order(langs))


def _in_language_order(langs: Iterable[str]) -> tuple[str, ...]:
    """The shipped languages first, in their order (as the loader lists them), then the rest."""
    rank = {lang: i for i, lang in enumerate(LANGUAGES)}
    return tuple(sorted(set(langs), key=lambda lang: (rank.get(lang, len(rank)), lang)))


def _entry(folder: Path) -> TrashEntry | None:
    name = folder.name
    try:
        when = datetime.strptime(name[:_STAMP_LEN], TRASH_STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    if name[_STAMP_LEN : _STAMP_LEN + 1] != "-" or len(name) <= _STAMP_LEN + 1:
        return None
    langs = _in_language_order(d.name for d in folder.iterdir() if d.is_dir())
    return TrashEntry(name[_STAMP_LEN + 1 :], when, folder, langs)


def list_trash(pack_root: Path) -> list[TrashEntry]:
    """Deleted cards, newest first."""
    trash = Path(pack_root) / TRASH_DIR
    if not trash.is_dir():
        return []
    entries = [e for d in trash.iterdir() if d.is_dir() and (e := _entry(d)) is not None]
    return sorted(entries, key=lambda e: (e.deleted_at, e.folder.name), reverse=True)


def restore_card(pack_root: Path, entry: TrashEntry) -> list[Path]:
    """Move a deleted card's files back; refuses when a card with that id exists again."""
    root = Path(pack_root)
    trash = (root / TRASH_DIR).resolve()
    if entry.folder.resolve().parent != trash or not entry.folder.is_dir():
        raise EditError(f"'{entry.folder.name}' is not in this pack's trash")
    moves = [
        (path, root / lang_dir.name / path.name)
        for lang_dir in sorted(entry.folder.iterdir())
        if lang_dir.is_dir()
        for path in sorted(lang_dir.iterdir())
        if path.is_file()
    ]
    taken = [target for _, target in moves if target.exists()]
    if taken:
        where = ", ".join(f"{t.parent.name}/{t.name}" for t in taken)
        raise EditError(
            f"cannot restore '{entry.card_id}': {where} exists again; rename or delete it first"
        )
    for source, target in moves:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
    _remove_empty_dirs(entry.folder)
    return [target for _, target in moves]


def _remove_empty_dirs(folder: Path) -> None:
    """Remove ``folder`` and its subfolders when they hold no files (never a file)."""
    for sub in sorted(folder.iterdir()) if folder.is_dir() else []:
        if sub.is_dir():
            _remove_empty_dirs(sub)
    with contextlib.suppress(OSError):
        folder.rmdir()


# -- categories --------------------------------------------------------------------------------


def save_categories(pack_root: Path, lang: str, categories: Sequence[Category]) -> Path:
    """Rewrite the ``[categories.*]`` tables of ``<lang>/pack.toml``, keeping everything else.

    Changed labels, colours and orders are updated in place, new categories appended, removed
    ones deleted. A missing pack.toml is written afresh, named after the pack folder.
    """
    path = _lang_dir(pack_root, lang) / PACK_FILE
    _check_categories(categories)
    read = _read_text(path) if path.exists() else None
    if path.exists() and read is None:
        raise EditError(f"{lang}/{PACK_FILE} is not UTF-8 text; save it as UTF-8 first")
    text, bom = read or (f"name = {toml_string(Path(pack_root).resolve().name)}\n", "")
    new_text = update_categories_text(text, categories)
    if new_text != text or not path.exists():
        atomic_write(path, bom + new_text)
    return path


def _check_categories(categories: Sequence[Category]) -> None:
    seen: set[str] = set()
    for category in categories:
        if not ID_PATTERN.match(category.id):
            raise EditError(
                f"'{category.id}' is not a valid category id: "
                "use lowercase letters a-z, digits and '-'"
            )
        if category.id in seen:
            raise EditError(f"the category '{category.id}' is given twice")
        seen.add(category.id)


def update_categories_text(text: str, categories: Sequence[Category]) -> str:
    """``text`` (a pack.toml) with its categories made ``categories``; the rest as it was."""
    doc = _parse(text, PACK_FILE)
    table = doc.get("categories")
    if not isinstance(table, Table | InlineTable):
        if "categories" in doc:
            del doc["categories"]
        table = tomlkit.table(is_super_table=True)
        doc["categories"] = table
    wanted = {c.id: c for c in categories}
    for cat_id in [k for k in table if k not in wanted]:
        del table[cat_id]
    for category in categories:
        entry = table.get(category.id)
        if isinstance(entry, Table | InlineTable):
            _update_category(entry, category)
        else:
            table[category.id] = _category_table(category)
    new_text = _keep_newlines(text, doc.as_string())
    try:
        tomllib.loads(new_text)
    except tomllib.TOMLDecodeError as exc:
        raise EditError(f"the edit would not be valid TOML ({exc}); nothing was written") from exc
    return new_text


def _update_category(entry: Table | InlineTable, category: Category) -> None:
    label, colour, order = (_plain(entry.get(k)) for k in ("label", "colour", "order"))
    if not isinstance(label, str) or label.strip() != category.label.strip():
        entry["label"] = _item(category.label)
    if not isinstance(colour, str) or colour.strip().upper() != category.colour.strip().upper():
        entry["colour"] = _item(category.colour)
    if (0 if order is None else order) != category.order:
        entry["order"] = _item(category.order)


def _category_table(category: Category) -> Table:
    snippet = (
        f"[categories.{category.id}]\n"
        f"label = {toml_string(category.label)}\n"
        f"colour = {toml_string(category.colour)}\n"
        f"order = {category.order}\n"
    )
    return tomlkit.parse(snippet)["categories"][category.id]
