"""Problems found while loading a pack: plain data, rendered in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from pos_coach.i18n import message


class Severity(StrEnum):
    ERROR = "error"  # the card (or pack file) was not loaded
    WARNING = "warning"  # loaded, but something needs the owner's attention


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    column: int
    code: str
    args: Mapping[str, object] = field(default_factory=dict)
    severity: Severity = Severity.ERROR
    key: str | None = None  # the card or pack key it is about, where there is one

    def message(self, lang: str) -> str:
        return message(self.code, lang, _localise(self.args, lang))

    def format(self, lang: str, relative_to: Path | None = None) -> str:
        """``path:line:column: message`` as compilers print it (``warning:`` before a warning)."""
        path = self.path
        if relative_to is not None and path.is_relative_to(relative_to):
            path = path.relative_to(relative_to)
        prefix = message("warning_prefix", lang) if self.severity is Severity.WARNING else ""
        return f"{path}:{self.line}:{self.column}: {prefix}{self.message(lang)}"


@dataclass(frozen=True)
class Msg:
    """A message used as an argument of another, translated when the outer one is."""

    code: str
    args: Mapping[str, object] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return message(self.code, lang, _localise(self.args, lang))


def _localise(args: Mapping[str, object], lang: str) -> dict[str, object]:
    return {k: v.render(lang) if isinstance(v, Msg) else v for k, v in args.items()}


def did_you_mean(word: str, choices: list[str] | tuple[str, ...] | set[str]) -> Msg | str:
    """A "did you mean" hint for ``word`` among ``choices``, or an empty string."""
    import difflib

    matches = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return Msg("did_you_mean", {"match": matches[0]}) if matches else ""
