"""The journal: an append-only SQLite log of what happened at the counter (no Qt).

One row per event in the table ``events`` (:mod:`.events`), the schema and its migrations in
:mod:`.schema`, one connection in :mod:`.store`, the app's one way of writing in :mod:`.writer`,
damaged journals in :mod:`.damage`, spilled events in :mod:`.spill`, copies in :mod:`.backup`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pos_coach.journal.damage import Damage, open_or_start_fresh, set_aside
    from pos_coach.journal.events import (
        COLUMNS,
        KINDS,
        OUTCOMES,
        SOURCES,
        Event,
        JournalDamagedError,
        JournalError,
        new_id,
        utc_now,
    )
    from pos_coach.journal.schema import DERIVED, MIGRATIONS, SCHEMA_VERSION
    from pos_coach.journal.store import BUSY_TIMEOUT_MS, JOURNAL_FILE, Journal, is_damage
    from pos_coach.journal.writer import RETRY_SECONDS, Appender

# ``spill`` is also the name of its module, which importing that module sets on this package:
# the function is bound here, once, so that the name always means the function.
from pos_coach.journal.spill import SPILL_GLOB, spill, spilled_files

# Each name is loaded from its module on first use: a command that only reads the journal
# (`pos-coach report`) never pays for the writer or the damage handling.
_HOME = {
    **dict.fromkeys(("Damage", "open_or_start_fresh", "set_aside"), "damage"),
    **dict.fromkeys(
        (
            "COLUMNS",
            "KINDS",
            "OUTCOMES",
            "SOURCES",
            "Event",
            "JournalDamagedError",
            "JournalError",
            "new_id",
            "utc_now",
        ),
        "events",
    ),
    **dict.fromkeys(("DERIVED", "MIGRATIONS", "SCHEMA_VERSION"), "schema"),
    **dict.fromkeys(("BUSY_TIMEOUT_MS", "JOURNAL_FILE", "Journal", "is_damage"), "store"),
    **dict.fromkeys(("RETRY_SECONDS", "Appender"), "writer"),
}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "BUSY_TIMEOUT_MS",
    "COLUMNS",
    "DERIVED",
    "JOURNAL_FILE",
    "KINDS",
    "MIGRATIONS",
    "OUTCOMES",
    "RETRY_SECONDS",
    "SCHEMA_VERSION",
    "SOURCES",
    "SPILL_GLOB",
    "Appender",
    "Damage",
    "Event",
    "Journal",
    "JournalDamagedError",
    "JournalError",
    "is_damage",
    "new_id",
    "open_or_start_fresh",
    "set_aside",
    "spill",
    "spilled_files",
    "utc_now",
]
