"""Situation cards: the model, loading and validation (no Qt).

Validation (pydantic, TOML positions) is imported on first use of :func:`load_pack`, problems on
first use of :class:`Problem`: the counter starts from the pack cache and needs neither then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pos_coach.cards.model import PLACEHOLDERS, Card, Category, LoadResult, Pack

if TYPE_CHECKING:
    from pos_coach.cards.loader import load_pack
    from pos_coach.cards.problems import Problem, Severity

__all__ = [
    "PLACEHOLDERS",
    "Card",
    "Category",
    "LoadResult",
    "Pack",
    "Problem",
    "Severity",
    "load_pack",
]


def __getattr__(name: str) -> Any:
    if name == "load_pack":
        from pos_coach.cards.loader import load_pack

        return load_pack
    if name in ("Problem", "Severity"):
        from pos_coach.cards import problems

        return getattr(problems, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
