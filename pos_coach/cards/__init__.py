"""Situation cards: the model, loading and validation (no Qt)."""

from pos_coach.cards.loader import LoadResult, load_pack
from pos_coach.cards.model import PLACEHOLDERS, Card, Category, Pack
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
