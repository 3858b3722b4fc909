"""Filters over interactions: who, which situations, how it ended, which language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

NO_OUTCOME = "none"  # the outcome filter's value for "no outcome recorded"


@dataclass(frozen=True)
class Filters:
    cashier: str | None = None
    situations: tuple[str, ...] | None = None  # a situation, or every card of a category
    outcome: str | None = None
    lang: str | None = None

    def sql(self, table: str = "interactions") -> tuple[str, list[Any]]:
        """``AND ...`` clauses (possibly empty) and their parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.cashier:
            clauses.append(f"{table}.cashier = ?")
            params.append(self.cashier)
        if self.situations is not None:
            marks = ", ".join("?" for _ in self.situations) or "NULL"
            clauses.append(f"{table}.situation IN ({marks})")
            params.extend(self.situations)
        if self.outcome == NO_OUTCOME:
            clauses.append(f"{table}.outcome IS NULL")
        elif self.outcome:
            clauses.append(f"{table}.outcome = ?")
            params.append(self.outcome)
        if self.lang:
            clauses.append(f"{table}.lang = ?")
            params.append(self.lang)
        return "".join(f" AND {c}" for c in clauses), params

    @property
    def active(self) -> bool:
        return any(
            v is not None and v != ""
            for v in (self.cashier, self.situations, self.outcome, self.lang)
        )
