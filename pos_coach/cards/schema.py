"""The shape of card and pack files, checked with pydantic, errors turned into problems.

pydantic reports every problem at once with its path (``("say", 2)``); :func:`to_problems` maps
each to a message code and to the line and column of the offending key or value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from pos_coach.cards.problems import Msg, Problem, did_you_mean
from pos_coach.cards.tomlpos import Locator

MAX_FILE_BYTES = 64 * 1024

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]


class CardFile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
    category: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    summary: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    steps: Annotated[list[Text], Field(min_length=1, max_length=12)]
    say: Annotated[list[Text], Field(min_length=1, max_length=20)]
    then: Annotated[list[Text], Field(max_length=8)] = []
    avoid: Annotated[list[Text], Field(min_length=1, max_length=12)]
    wow: Annotated[list[Text], Field(min_length=1, max_length=8)]
    escalate: Annotated[str, StringConstraints(strip_whitespace=True, max_length=400)] = ""
    hotkey: str | None = None
    order: Annotated[int, Field(ge=-100_000, le=100_000)] = 0
    tags: Annotated[list[Tag], Field(max_length=60)] = []


class CategoryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    colour: Annotated[str, StringConstraints(strip_whitespace=True)]
    order: Annotated[int, Field(ge=-100_000, le=100_000)] = 0


class PackFile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
    categories: Annotated[dict[str, CategoryEntry], Field(min_length=1, max_length=50)]


_EXPECTED = {
    "string_type": "type_text",
    "list_type": "type_list",
    "int_type": "type_int",
    "int_from_float": "type_int",
    "dict_type": "type_table",
    "model_type": "type_table",
}


def what(loc: tuple[str | int, ...]) -> Msg:
    """Describe a place in a file for a message: ``'title'`` or ``item 3 of 'say'``."""
    names = [str(p) for p in loc if isinstance(p, str)]
    key = ".".join(names) or "?"
    if loc and isinstance(loc[-1], int):
        return Msg("item_of", {"index": loc[-1] + 1, "key": key})
    return Msg("key", {"key": key})


def _got(value: Any) -> Msg:
    for kind, name in ((bool, "bool"), (str, "str"), (int, "int"), (float, "float")):
        if isinstance(value, kind):
            return Msg(f"got_{name}")
    if isinstance(value, list):
        return Msg("got_list")
    if isinstance(value, dict):
        return Msg("got_dict")
    return Msg("got_other")


def to_problems(
    error: ValidationError, path: Path, locator: Locator, model: type[BaseModel]
) -> list[Problem]:
    """Turn a pydantic error into problems, each pointing at its line and column."""
    problems: list[Problem] = []
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        kind = err["type"]
        ctx = err.get("ctx") or {}
        args: dict[str, object]  # the message's arguments: texts, numbers, nested messages
        if kind == "extra_forbidden":
            line, col = locator.key(loc)
            known = _known_keys(model, loc[:-1])
            code, args = "unknown_key", {"key": loc[-1], "hint": did_you_mean(str(loc[-1]), known)}
        elif kind == "missing":
            line, col = locator.key(loc[:-1]) if len(loc) > 1 else (1, 1)
            code, args = "missing_key", {"key": ".".join(str(p) for p in loc)}
        elif kind in _EXPECTED:
            line, col = locator.value(loc)
            code = "wrong_type"
            args = {"what": what(loc), "expected": Msg(_EXPECTED[kind]), "got": _got(err["input"])}
        elif kind == "string_too_short":
            line, col = locator.value(loc)
            code, args = "empty_text", {"what": what(loc)}
        elif kind == "string_too_long":
            line, col = locator.value(loc)
            length = len(err["input"]) if isinstance(err["input"], str) else 0
            code = "too_long"
            args = {"what": what(loc), "length": length, "limit": ctx.get("max_length")}
        elif kind == "too_short":
            line, col = locator.value(loc)
            code, args = "too_few", {"what": what(loc), "limit": ctx.get("min_length", 1)}
        elif kind == "too_long":
            line, col = locator.value(loc)
            count = len(err["input"]) if isinstance(err["input"], list | dict) else 0
            code = "too_many"
            args = {"what": what(loc), "count": count, "limit": ctx.get("max_length")}
        elif kind in ("greater_than_equal", "less_than_equal"):
            line, col = locator.value(loc)
            code, args = "out_of_range", {"what": what(loc), "low": -100_000, "high": 100_000}
        else:  # pragma: no cover - a pydantic error type the schema above cannot produce
            line, col = locator.value(loc)
            code, args = "unreadable", {"detail": err["msg"]}
        key = str(loc[0]) if loc and isinstance(loc[0], str) else None
        problems.append(Problem(path, line, col, code, args, key=key))
    return problems


def _known_keys(model: type[BaseModel], parent: tuple[str | int, ...]) -> list[str]:
    if model is PackFile and len(parent) == 2 and parent[0] == "categories":
        return list(CategoryEntry.model_fields)
    return list(model.model_fields)
