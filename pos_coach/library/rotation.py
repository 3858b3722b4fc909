"""Phrase rotation: each cashier sees first the phrasing they used least recently.

"Used" means shown first on the card or marked as said. The memory is rebuilt from the journal at
start-up, so rotation carries across restarts. "Recently" is told by the order in which uses were
written (the journal's own sequence), never by the wall clock: a till whose clock is set back
(corrected, or after a flat CMOS battery) must not show the same phrasing again and again.
"""

from __future__ import annotations

from collections.abc import Iterable

from pos_coach.cards.model import Card

Key = tuple[str, str]  # (cashier, situation)


class PhraseRotation:
    def __init__(self) -> None:
        self._last: dict[Key, dict[str, int]] = {}
        self._next = 1  # the place of the next use: after every use known so far

    def remember(self, cashier: str, situation: str, phrase: str, seq: int | None = None) -> None:
        """Record that ``phrase`` was used; ``seq`` is its place in the journal (omitted: after
        every use known so far)."""
        if seq is None:
            seq = self._next
        self._next = max(self._next, seq + 1)
        seen = self._last.setdefault((cashier, situation), {})
        if seq >= seen.get(phrase, 0):
            seen[phrase] = seq

    def load(self, rows: Iterable[tuple[str, str, str, int]]) -> None:
        """Bulk ``(cashier, situation, phrase, seq)`` rows, e.g. from the journal."""
        for cashier, situation, phrase, seq in rows:
            self.remember(cashier, situation, phrase, int(seq))

    def order(self, cashier: str, card: Card) -> list[int]:
        """Indices of ``card.say``: never used first (in card order), then least recently used."""
        seen = self._last.get((cashier, card.id), {})
        return sorted(range(len(card.say)), key=lambda i: (seen.get(card.say[i], 0), i))
