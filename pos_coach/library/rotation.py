"""Phrase rotation: each cashier sees first the phrasing they used least recently.

"Used" means shown first on the card or marked as said. The memory is rebuilt from the journal at
start-up, so rotation carries across restarts.
"""

from __future__ import annotations

from collections.abc import Iterable

from pos_coach.cards.model import Card

Key = tuple[str, str]  # (cashier, situation)


class PhraseRotation:
    def __init__(self) -> None:
        self._last: dict[Key, dict[str, str]] = {}

    def remember(self, cashier: str, situation: str, phrase: str, at: str) -> None:
        """Record that ``phrase`` was used at ``at`` (ISO 8601 UTC, so strings sort by time)."""
        seen = self._last.setdefault((cashier, situation), {})
        if at >= seen.get(phrase, ""):
            seen[phrase] = at

    def load(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Bulk ``(cashier, situation, phrase, at)`` rows, e.g. from the journal."""
        for cashier, situation, phrase, at in rows:
            self.remember(cashier, situation, phrase, at)

    def order(self, cashier: str, card: Card) -> list[int]:
        """Indices of ``card.say``: never used first (in card order), then least recently used."""
        seen = self._last.get((cashier, card.id), {})
        return sorted(range(len(card.say)), key=lambda i: (seen.get(card.say[i], ""), i))
