"""Load a situation pack from a folder: the good cards plus every problem, never an exception."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from pos_coach.cards import hotkeys
from pos_coach.cards.files import PACK_FILE, card_files, language_dirs
from pos_coach.cards.model import (
    FALLBACK_COLOUR,
    ID_PATTERN,
    PLACEHOLDER_PATTERN,
    PLACEHOLDERS,
    Card,
    Category,
    LoadResult,
    Pack,
    card_id_problem,
)
from pos_coach.cards.problems import Msg, Problem, Severity, did_you_mean
from pos_coach.cards.schema import (
    MAX_FILE_BYTES,
    CardFile,
    CategoryEntry,
    PackFile,
    to_problems,
    what,
)
from pos_coach.cards.stages import KEEP, later_stage
from pos_coach.cards.tomlpos import Locator
from pos_coach.i18n import LANGUAGES

COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_TOML_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = "(at end of document)"
_TEXT_KEYS = ("title", "summary", "steps", "say", "then", "avoid", "wow", "escalate")


def load_pack(root: Path) -> LoadResult:
    result = LoadResult()
    root = Path(root)
    if not root.is_dir():
        result.problems.append(Problem(root, 1, 1, "not_a_folder"))
        return result
    langs = language_dirs(root)
    if not langs:
        expected = ", ".join(f"{lang}/" for lang in LANGUAGES)
        result.problems.append(Problem(root, 1, 1, "no_languages", {"expected": expected}))
        return result
    for lang_dir in langs:
        pack, problems = load_language(lang_dir)
        result.packs[lang_dir.name] = pack
        result.problems.extend(problems)
    result.problems.extend(_missing_translations(result.packs))
    result.problems.sort(key=lambda p: (str(p.path), p.line, p.column))
    return result


def load_language(lang_dir: Path) -> tuple[Pack, list[Problem]]:
    problems: list[Problem] = []
    name, categories = _load_pack_file(lang_dir / PACK_FILE, problems)
    pack = Pack(lang=lang_dir.name, name=name, categories=categories, cards={}, path=lang_dir)
    pack_known = bool(categories)
    used_hotkeys: dict[str, str] = {}
    for path in card_files(lang_dir):
        try:
            card = load_card(path, pack, problems, check_category=pack_known)
        except Exception as exc:  # one hostile file never stops the others
            problems.append(
                Problem(path, 1, 1, "unreadable", {"detail": f"{type(exc).__name__}: {exc}"[:200]})
            )
            continue
        if card is None:
            continue
        hotkey = card.hotkey
        if hotkey is not None:
            other = used_hotkeys.get(hotkey)
            if other is not None:
                line, col = _position_of(path, ("hotkey",))
                problems.append(
                    Problem(
                        path,
                        line,
                        col,
                        "duplicate_hotkey",
                        {"value": hotkey, "other": other},
                        Severity.WARNING,
                        key="hotkey",
                    )
                )
                card = replace(card, hotkey=None)
            else:
                used_hotkeys[hotkey] = card.id
        if card.category not in pack.categories:  # pack.toml unusable: keep the card visible
            pack.categories[card.category] = Category(card.category, card.category, FALLBACK_COLOUR)
        pack.cards[card.id] = card
    return pack, problems


def read_toml(path: Path, problems: list[Problem]) -> tuple[dict[str, Any], str] | None:
    """Read a UTF-8 TOML file (a BOM is fine); on failure add a problem and return None."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(path, 1, 1, "too_large", {"size": size, "limit": MAX_FILE_BYTES})
            )
            return None
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(path, 1, 1, "unreadable", {"detail": exc.strerror or str(exc)}))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = f"0x{raw[exc.start]:02X}"
        problems.append(Problem(path, line, col, "not_utf8", {"byte": byte}))
        return None
    try:
        data = tomllib.loads(text)
    except RecursionError:  # brackets nested thousands deep
        problems.append(Problem(path, 1, 1, "toml_syntax", {"detail": Msg("toml_deep")}))
        return None
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        line, col = 1, 1
        match = _TOML_POS.search(detail)
        if match:
            line, col = int(match.group(1)), int(match.group(2))
            detail = detail[: match.start()]
        elif detail.endswith(_TOML_END):
            line = text.count("\n") + (0 if text.endswith("\n") else 1)
            col = len(text.rstrip("\n").rsplit("\n", 1)[-1]) + 1
            detail = detail[: -len(_TOML_END)].rstrip()
        problems.append(Problem(path, line, col, "toml_syntax", {"detail": toml_hint(detail)}))
        return None
    return data, text


# tomllib's words, and what they mean to someone editing a card in Notepad: what to fix
_TOML_HINTS = (
    ("Illegal character '\\n'", "toml_open_text"),
    ("Unterminated string", "toml_open_text"),
    ("Unclosed array", "toml_open_list"),
    ("Expected newline or end of document after a statement", "toml_after_value"),
    ("Unclosed inline table", "toml_open_table"),
    ("Expected '=' after a key", "toml_no_equals"),
    ("Invalid statement", "toml_no_equals"),
    ("Cannot overwrite a value", "toml_twice"),
    ("Cannot declare", "toml_twice"),
    ("Duplicate inline table key", "toml_twice"),
    ("Unescaped '\\'", "toml_backslash"),
    ("Invalid value", "toml_bad_value"),
    ("Expected ']' at the end of a table", "toml_open_section"),
    ("Expected ']]'", "toml_open_section"),
)


def toml_hint(detail: str) -> Msg:
    """What a TOML parser's complaint means and what to fix, in the reader's language."""
    for start, code in _TOML_HINTS:
        if detail.startswith(start):
            return Msg(code)
    return Msg("toml_other", {"detail": detail})


def _validate(
    model: type[BaseModel], data: dict[str, Any], path: Path, locator: Locator
) -> tuple[BaseModel | None, list[Problem]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, to_problems(exc, path, locator, model)


def _load_pack_file(path: Path, problems: list[Problem]) -> tuple[str, dict[str, Category]]:
    fallback_name = path.parent.name
    if not path.is_file():
        problems.append(Problem(path, 1, 1, "missing_pack_file"))
        return fallback_name, {}
    read = read_toml(path, problems)
    if read is None:
        return fallback_name, {}
    data, text = read
    locator = Locator(text)
    model, found = _validate(PackFile, data, path, locator)
    problems.extend(found)
    name = model.name if isinstance(model, PackFile) else fallback_name
    raw_categories = data.get("categories")
    if not isinstance(raw_categories, dict):
        return name, {}
    categories: dict[str, Category] = {}
    for cat_id, raw in raw_categories.items():
        try:  # each category on its own, so one typo does not hide the others
            entry = CategoryEntry.model_validate(raw)
        except ValidationError:
            continue  # already reported by the whole-file validation above
        if not ID_PATTERN.match(cat_id):
            line, col = locator.key(("categories", cat_id))
            problems.append(Problem(path, line, col, "bad_category_id", {"value": cat_id}))
            continue
        colour = entry.colour
        if not COLOUR.match(colour):
            line, col = locator.value(("categories", cat_id, "colour"))
            problems.append(Problem(path, line, col, "bad_colour", {"value": colour}))
            colour = FALLBACK_COLOUR
        categories[cat_id] = Category(cat_id, entry.label, colour.upper(), entry.order)
    return name, categories


def load_card(
    path: Path, pack: Pack, problems: list[Problem], check_category: bool = True
) -> Card | None:
    """Load one card file; its problems go to ``problems``; None when it cannot be shown."""
    found: list[Problem] = []
    card_id = path.stem
    refused = card_id_problem(card_id)
    if refused is not None:
        found.append(Problem(path, 1, 1, refused.code, refused.args))
    read = read_toml(path, found)
    if read is None:
        problems.extend(found)
        return None
    data, text = read
    model, hotkey = check_card_data(data, path, Locator(text), pack, found, check_category)
    problems.extend(found)
    if model is None or any(p.severity is Severity.ERROR for p in found):
        return None
    assert isinstance(model, CardFile)
    return Card(
        id=card_id,
        lang=pack.lang,
        title=model.title,
        category=model.category,
        summary=model.summary,
        steps=tuple(model.steps),
        say=tuple(model.say),
        then=tuple(model.then),
        avoid=tuple(model.avoid),
        wow=tuple(model.wow),
        escalate=model.escalate,
        hotkey=hotkey,
        order=model.order,
        tags=tuple(model.tags),
        path=path,
    )


def check_card_data(
    data: dict[str, Any],
    path: Path,
    locator: Locator,
    pack: Pack,
    found: list[Problem],
    check_category: bool = True,
) -> tuple[CardFile | None, str | None]:
    """Every rule for a card's keys and values; the editor checks a form with it as you type.

    Returns the validated model (None when invalid) and the normalised hotkey.
    """
    model, schema_problems = _validate(CardFile, data, path, locator)
    found.extend(schema_problems)
    _check_texts(data, path, locator, found)
    _check_stages(data, path, locator, pack.lang, found)
    hotkey: str | None = None
    if isinstance(data.get("hotkey"), str):
        try:
            hotkey = hotkeys.normalise(data["hotkey"])
        except hotkeys.HotkeyError as exc:
            line, col = locator.value(("hotkey",))
            found.append(Problem(path, line, col, exc.msg.code, exc.msg.args, key="hotkey"))
    category = data.get("category")
    if check_category and isinstance(category, str) and category.strip() not in pack.categories:
        line, col = locator.value(("category",))
        hint = did_you_mean(category, list(pack.categories))
        found.append(
            Problem(
                path,
                line,
                col,
                "unknown_category",
                {"value": category, "hint": hint},
                key="category",
            )
        )
    return (model if isinstance(model, CardFile) else None), hotkey


def _texts(data: dict[str, Any]) -> Iterable[tuple[tuple[str | int, ...], str]]:
    for key in _TEXT_KEYS:
        value = data.get(key)
        if isinstance(value, str):
            yield (key,), value
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    yield (key, i), item


def _check_texts(data: dict[str, Any], path: Path, locator: Locator, found: list[Problem]) -> None:
    """Placeholders known, braces balanced, one-line summary and title."""

    def report(loc: tuple[str | int, ...], code: str, args: dict[str, object]) -> None:
        line, col = locator.value(loc)
        found.append(Problem(path, line, col, code, args, key=str(loc[0])))

    for loc, text in _texts(data):
        if "{" in text or "}" in text:
            for match in PLACEHOLDER_PATTERN.finditer(text):
                name = match.group(1)
                if name not in PLACEHOLDERS:
                    known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
                    hint = did_you_mean(name, PLACEHOLDERS)
                    report(loc, "unknown_placeholder", {"name": name, "hint": hint, "known": known})
            rest = PLACEHOLDER_PATTERN.sub("", text)
            for brace in "{}":
                if brace in rest:
                    report(loc, "stray_brace", {"brace": brace})
                    break
        if loc in (("summary",), ("title",)) and "\n" in text.strip():
            report(loc, "one_line", {"what": what(loc)})


def _check_stages(
    data: dict[str, Any], path: Path, locator: Locator, lang: str, found: list[Problem]
) -> None:
    """Warn about a rotated phrasing that reads as a later line of the conversation."""
    say = data.get("say")
    if not isinstance(say, list):
        return
    for i, text in enumerate(say):
        stage = later_stage(text, lang) if isinstance(text, str) else None
        if stage is not None:
            line, col = locator.value(("say", i))
            if KEEP.search(locator.line(line)[col:].rpartition('"')[2]):
                continue  # the owner means it: `# keep` at the end of the item's line
            args = {"what": what(("say", i)), "stage": Msg(f"stage_{stage}")}
            found.append(Problem(path, line, col, "later_line", args, Severity.WARNING, "say"))


def _position_of(path: Path, loc: tuple[str | int, ...]) -> tuple[int, int]:
    try:
        return Locator(path.read_text("utf-8-sig")).value(loc)
    except (OSError, UnicodeDecodeError):
        return 1, 1


def _missing_translations(packs: dict[str, Pack]) -> list[Problem]:
    problems: list[Problem] = []
    all_ids = set().union(*(p.cards for p in packs.values())) if packs else set()
    for card_id in sorted(all_ids):
        have = [p for p in packs.values() if card_id in p.cards]
        for pack in packs.values():
            if card_id in pack.cards or pack.path is None:
                continue
            source = have[0].cards[card_id]
            expected = pack.path / f"{card_id}.toml"
            if expected.exists():  # the file is there but broken: already reported
                continue
            problems.append(
                Problem(
                    source.path or Path(card_id),
                    1,
                    1,
                    "missing_translation",
                    {"id": card_id, "lang": pack.lang, "expected": f"{pack.lang}/{card_id}.toml"},
                    Severity.WARNING,
                )
            )
    return problems
