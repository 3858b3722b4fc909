"""The card and pack model: what a loaded pack holds, independent of files."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # problems are made (and their module imported) only when there are some
    from pos_coach.cards.problems import Msg, Problem

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID_LENGTH = 64  # a card id is a file name: short enough for every disk and every zip tool
# Names Windows keeps for devices: a file "con.toml" cannot be made, copied or unzipped there.
WINDOWS_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{n}{d}" for n in ("com", "lpt") for d in range(1, 10)]
)
PLACEHOLDERS = ("greeting", "goodbye", "cashier", "store", "address")
PLACEHOLDER_PATTERN = re.compile(r"\{([^{}]*)\}")
FALLBACK_COLOUR = "#4A5560"  # a category the pack file does not describe


def card_id_problem(card_id: str) -> Msg | None:
    """Why ``card_id`` cannot be a card id (a message of the core); None when it can.

    The one rule for ids: the loader (``pos-coach check``), the editor and zip import use it.
    """
    from pos_coach.cards.problems import Msg

    if len(card_id) > MAX_ID_LENGTH:
        return Msg("long_id", {"length": len(card_id), "limit": MAX_ID_LENGTH})
    if not ID_PATTERN.match(card_id):
        suggestion = re.sub(r"[^a-z0-9]+", "-", card_id.lower()).strip("-")
        hint = Msg("did_you_mean", {"match": suggestion}) if suggestion else ""
        return Msg("bad_id", {"name": card_id, "hint": hint})
    if card_id in WINDOWS_DEVICES:
        return Msg("reserved_id", {"name": card_id})
    return None


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    colour: str
    order: int = 0


@dataclass(frozen=True)
class Card:
    id: str
    lang: str
    title: str
    category: str
    summary: str
    steps: tuple[str, ...]
    say: tuple[str, ...]
    avoid: tuple[str, ...]
    wow: tuple[str, ...]
    escalate: str = ""
    then: tuple[str, ...] = ()  # the later lines of the conversation, in order, never rotated
    hotkey: str | None = None
    order: int = 0
    tags: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)

    @property
    def rev(self) -> str:
        """A short hash of everything the cashier sees, so reports can tell wordings apart."""
        shown: dict[str, object] = {
            "title": self.title,
            "summary": self.summary,
            "steps": self.steps,
            "say": self.say,
            "avoid": self.avoid,
            "wow": self.wow,
            "escalate": self.escalate,
        }
        if self.then:  # only when there are some: a card without them keeps its old hash
            shown["then"] = self.then
        blob = json.dumps(shown, ensure_ascii=False, sort_keys=True).encode("utf-8")
        import hashlib  # here, not at the top: the counter's start-up does not need it

        return hashlib.sha256(blob).hexdigest()[:12]


@dataclass
class Pack:
    """One language of a situation pack."""

    lang: str
    name: str
    categories: dict[str, Category]
    cards: dict[str, Card]
    path: Path | None = None

    def ordered_categories(self) -> list[Category]:
        return sorted(self.categories.values(), key=lambda c: (c.order, c.label.casefold()))

    def ordered_cards(self) -> list[Card]:
        """Cards in tile order: by category order, then card order, then title."""
        cat_rank = {c.id: i for i, c in enumerate(self.ordered_categories())}
        return sorted(
            self.cards.values(),
            key=lambda c: (cat_rank.get(c.category, len(cat_rank)), c.order, c.title.casefold()),
        )


@dataclass
class LoadResult:
    """A pack as loaded: the languages that loaded, and every problem found on the way."""

    packs: dict[str, Pack] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # names this load's content when it came from or went into the pack cache (what the search
    # index kept on disk is checked against); None when it was not cached
    digest: str | None = None

    @property
    def card_count(self) -> int:
        return sum(len(p.cards) for p in self.packs.values())

    def pack_for(self, lang: str) -> Pack | None:
        """The pack in ``lang``, else the first language that has one."""
        if lang in self.packs:
            return self.packs[lang]
        return next(iter(self.packs.values()), None)
