"""The owner's card editing as plain Python: validate, save, rename, delete, with an audit trail.

Every change is written through :mod:`pos_coach.cards.writer` (style-preserving, atomic) and
logged as a ``card_edited`` event in the journal: who, which card and language, what changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pos_coach.cards import writer
from pos_coach.cards.loader import LoadResult, check_card_data, load_pack
from pos_coach.cards.model import Pack
from pos_coach.cards.problems import Problem
from pos_coach.cards.tomlpos import Locator
from pos_coach.journal import Appender, Event, Journal

MISSING, OUTDATED, CURRENT = "missing", "outdated", "current"
OPTIONAL = ("escalate", "hotkey", "order", "tags", "then")


@dataclass(frozen=True)
class HistoryEntry:
    at: str
    lang: str | None
    action: str  # saved, created, duplicated, renamed, deleted, restored
    changes: dict[str, Any]
    by: str


class CardEditor:
    """``writer`` is the journal's writer the audit events go through (the counter's, in the
    app: the one path into the journal, with its disk-trouble guarantees); without one the
    editor makes its own."""

    def __init__(
        self, pack_root: Path, journal: Journal, by: str = "owner", writer: Appender | None = None
    ) -> None:
        self.root = Path(pack_root)
        self.journal = journal
        self.writer = writer if writer is not None else Appender(journal)
        self.by = by
        self.result: LoadResult = load_pack(self.root)

    def reload(self) -> LoadResult:
        self.result = load_pack(self.root)
        return self.result

    @property
    def langs(self) -> list[str]:
        return list(self.result.packs)

    def pack(self, lang: str) -> Pack | None:
        return self.result.packs.get(lang)

    # -- checking --------------------------------------------------------------------------------
    def validate(self, lang: str, card_id: str, values: Mapping[str, Any]) -> list[Problem]:
        """The problems `pos-coach check` would report for these values, plus hotkey clashes."""
        pack = self.pack(lang)
        if pack is None:
            return []
        path = self.root / lang / f"{card_id}.toml"
        # empty optional keys are simply left out of the file; empty required ones are errors
        data = {k: v for k, v in values.items() if k not in OPTIONAL or v not in (None, "", [])}
        found: list[Problem] = []
        _, hotkey = check_card_data(data, path, Locator(""), pack, found)
        if hotkey:
            for other in pack.cards.values():
                if other.id != card_id and other.hotkey == hotkey:
                    found.append(
                        Problem(
                            path,
                            1,
                            1,
                            "duplicate_hotkey",
                            {"value": hotkey, "other": other.id},
                            key="hotkey",
                        )
                    )
        return found

    # -- changing --------------------------------------------------------------------------------
    def save(self, card_id: str, values_by_lang: Mapping[str, Mapping[str, Any]]) -> list[Path]:
        """Save the languages whose values changed; log one ``card_edited`` per language."""
        written = []
        for lang, values in values_by_lang.items():
            pack = self.pack(lang)
            before = (
                writer.card_values(pack.cards[card_id]) if pack and card_id in pack.cards else None
            )
            diff = writer.changes(before, values)
            if not diff:
                continue
            if before is None and not (self.root / lang / f"{card_id}.toml").exists():
                written.append(writer.create_card(self.root, lang, card_id, values))
                self._log(card_id, lang, "created", diff)
            else:
                written.append(writer.save_card(self.root, lang, card_id, values))
                self._log(card_id, lang, "saved", diff)
        self.reload()
        return written

    def duplicate(self, card_id: str, new_id: str) -> list[Path]:
        paths = writer.duplicate_card(self.root, card_id, new_id)
        for path in paths:  # a copy must not steal the original's hotkey
            writer.save_card(self.root, path.parent.name, new_id, {"hotkey": None})
        self._log(new_id, None, "duplicated", {"from": card_id})
        self.reload()
        return paths

    def rename(self, card_id: str, new_id: str) -> list[Path]:
        paths = writer.rename_card(self.root, card_id, new_id)
        self._log(new_id, None, "renamed", {"from": card_id, "to": new_id})
        self.reload()
        return paths

    def delete(self, card_id: str) -> writer.TrashEntry:
        entry = writer.delete_card(self.root, card_id)
        self._log(card_id, None, "deleted", {"trash": entry.folder.name})
        self.reload()
        return entry

    def restore(self, entry: writer.TrashEntry) -> list[Path]:
        paths = writer.restore_card(self.root, entry)
        self._log(entry.card_id, None, "restored", {"trash": entry.folder.name})
        self.reload()
        return paths

    def _log(self, card_id: str, lang: str | None, action: str, changes: dict[str, Any]) -> None:
        """Hand the audit event to the writer: a disk that refuses it never undoes a save that
        is already on disk; the event waits and is written when the disk allows."""
        self.writer.append(
            Event(
                "card_edited",
                situation=card_id,
                lang=lang,
                detail={"by": self.by, "action": action, "changes": changes},
            )
        )

    # -- history and translations ------------------------------------------------------------
    def _edits(self, situations: list[str]) -> list[Event]:
        """The ``card_edited`` events of these card ids in the order they were written: those
        in the journal, then those the writer still holds (just saved, or waiting for the
        disk), each once."""
        marks = ", ".join("?" for _ in situations)
        where = f"kind = 'card_edited' AND situation IN ({marks})"
        committed = list(self.journal.events(where, situations))
        seen = {e.id for e in committed}
        waiting = [
            e
            for e in self.writer.pending
            if e.kind == "card_edited" and e.situation in situations and e.id not in seen
        ]
        return committed + waiting

    def history(self, card_id: str) -> list[HistoryEntry]:
        """Every change of this card, oldest first, following renames back to older ids."""
        entries = []
        for event in self._edits(self._former_ids(card_id)):
            detail = event.detail or {}
            entries.append(
                HistoryEntry(
                    event.at,
                    event.lang,
                    str(detail.get("action", "")),
                    dict(detail.get("changes", {})),
                    str(detail.get("by", "")),
                )
            )
        return entries

    def _former_ids(self, card_id: str) -> list[str]:
        ids = [card_id]
        while True:
            renames = [e for e in self._edits([ids[-1]]) if _action(e) == "renamed"]
            former = [str((e.detail or {}).get("changes", {}).get("from")) for e in renames]
            former = [f for f in former if f and f not in ids]
            if not former:
                return ids
            ids.append(former[-1])

    def _last_edits(self, card_id: str) -> dict[str, int]:
        """Per language, the place (in the journal's order, never the clock's) of the latest
        editor change of this card; a change for every language counts for each."""
        latest: dict[str, int] = {}
        for place, event in enumerate(self._edits([card_id]), 1):
            for lang in [event.lang] if event.lang else self.langs:
                latest[lang] = place
        return latest

    def translation_state(self, card_id: str) -> dict[str, str]:
        """Per language: missing, outdated (another language was changed in the editor later)
        or current. Hand edits of the files are not tracked."""
        latest = self._last_edits(card_id)
        times = {lang: latest.get(lang) for lang in self.langs}
        newest = max((t for t in times.values() if t is not None), default=None)
        newest_lang = next((lang for lang, t in times.items() if t == newest), None)
        state = {}
        for lang, when in times.items():
            pack = self.pack(lang)
            exists = (self.root / lang / f"{card_id}.toml").exists() or (
                pack and card_id in pack.cards
            )
            if not exists:
                state[lang] = MISSING
            elif newest is not None and lang != newest_lang and (when is None or when < newest):
                state[lang] = OUTDATED
            else:
                state[lang] = CURRENT
        return state


def _action(event: Event) -> str:
    return str((event.detail or {}).get("action", ""))
