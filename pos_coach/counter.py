"""What happens at the till, in plain Python: the counter window calls these and shows the result.

Every step writes its event to the journal before it returns, so what the cashier saw on screen
is what the shift lead reads later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pos_coach.cards.model import Card
from pos_coach.journal import OUTCOMES, Appender, Event, Journal, new_id
from pos_coach.library import Library, PhraseRotation
from pos_coach.library.placeholders import fill, values_for
from pos_coach.settings import Settings

_STORE_FALLBACK = {"ru": "наш магазин", "en": "our shop"}


class NoCashierError(RuntimeError):
    """A card was asked for before anyone started a shift."""


@dataclass
class OpenCard:
    """A card on screen: which phrasing is showing and what has been recorded."""

    card: Card
    interaction: str
    source: str
    order: list[int]
    values: dict[str, str]
    position: int = 0
    said: set[int] = field(default_factory=set)
    outcome: str | None = None

    @property
    def phrase_index(self) -> int:
        return self.order[self.position]

    @property
    def phrase(self) -> str:
        """The phrasing as written on the card (placeholders not filled)."""
        return self.card.say[self.phrase_index]

    @property
    def text(self) -> str:
        """The phrasing as the cashier reads it."""
        return fill(self.phrase, self.values)

    def fill(self, text: str) -> str:
        return fill(text, self.values)

    @property
    def is_said(self) -> bool:
        return self.phrase_index in self.said


class Counter:
    def __init__(
        self,
        library: Library,
        journal: Journal,
        settings: Settings,
        register: str | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.library = library
        self.journal = journal
        self.settings = settings
        self.register_override = register
        self.clock = clock
        self.cashier: str | None = None
        self.current: OpenCard | None = None
        self.writer = Appender(journal)
        self.rotation = PhraseRotation()
        self.rotation.load(journal.phrase_uses())

    # -- context -----------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.library.lang

    @property
    def store(self) -> str:
        return str(self.settings["store"]).strip()

    @property
    def register(self) -> str:
        return self.register_override or str(self.settings["register"])

    def placeholder_values(self) -> dict[str, str]:
        store = self.store or _STORE_FALLBACK.get(self.lang, "our shop")
        address = str(self.settings["address"])
        return values_for(self.lang, self.cashier or "", store, self.clock(), address)

    def _log(self, kind: str, **fields: object) -> Event:
        event = Event(
            kind=kind,
            cashier=self.cashier,
            store=self.store or None,
            register=self.register,
            lang=self.lang,
            **fields,  # type: ignore[arg-type]
        )
        self.writer.append(event)  # waits in memory if the disk refuses, written later in order
        return event

    def _log_card(
        self,
        kind: str,
        opened: OpenCard,
        outcome: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> Event:
        """An event about the open card: its interaction, revision, source and phrasing."""
        return self._log(
            kind,
            interaction=opened.interaction,
            situation=opened.card.id,
            card_rev=opened.card.rev,
            source=opened.source,
            phrase=opened.phrase,
            outcome=outcome,
            detail=detail,
        )

    # -- shift -------------------------------------------------------------------------------
    def start_shift(self, cashier: str) -> None:
        """A new shift for ``cashier``; the shift before (whoever's, the same name picked again
        the next morning too) is ended first, so every ``shift_start`` closes the last one."""
        cashier = cashier.strip()
        if not cashier:
            raise ValueError("a cashier's name is needed")
        self.end_shift()
        self.cashier = cashier
        self._log("shift_start")

    def end_shift(self) -> None:
        if self.cashier is None:
            return
        self.close()
        self._log("shift_end")
        self.cashier = None

    # -- cards -------------------------------------------------------------------------------
    def open(
        self,
        card_id: str,
        source: str,
        detail: dict[str, Any] | None = None,
        without_cashier: bool = False,
    ) -> OpenCard:
        """Show a card: the previous one (if still open) is dismissed, ``shown`` is logged.

        Cards fired from outside (``without_cashier``) show even before a shift starts.
        """
        if self.cashier is None and not without_cashier:
            raise NoCashierError(card_id)
        card = self.library.get(card_id)
        if card is None:
            raise KeyError(card_id)
        self.close()
        opened = OpenCard(
            card=card,
            interaction=new_id(),
            source=source,
            order=self.rotation.order(self.cashier or "", card),
            values=self.placeholder_values(),
        )
        self._log_card("shown", opened, detail=detail)
        self.rotation.remember(self.cashier or "", card.id, opened.phrase)
        self.current = opened
        return opened

    def another_phrase(self) -> str:
        """Move to the next phrasing (in rotation order, wrapping round)."""
        opened = self._require_open()
        opened.position = (opened.position + 1) % len(opened.order)
        return opened.text

    def mark_said(self) -> None:
        opened = self._require_open()
        if opened.is_said:
            return
        self._log_card("said", opened)
        opened.said.add(opened.phrase_index)
        self.rotation.remember(self.cashier or "", opened.card.id, opened.phrase)

    def record_outcome(self, outcome: str) -> None:
        """Record how it ended; the card is then closed."""
        if outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        opened = self._require_open()
        self._log_card("outcome", opened, outcome=outcome)
        opened.outcome = outcome
        self.current = None

    def close(self) -> None:
        """Leave the open card; without an outcome that is logged as ``dismissed``."""
        opened = self.current
        if opened is None:
            return
        self.current = None
        if opened.outcome is None:
            self._log_card("dismissed", opened)

    def _require_open(self) -> OpenCard:
        if self.current is None:
            raise RuntimeError("no card is open")
        return self.current
