"""The loaded pack as the counter uses it: lookup, search, rotation, placeholders (no Qt)."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from pos_coach.cards.model import Card, Category, Pack
from pos_coach.library.rotation import PhraseRotation
from pos_coach.library.search import Hit, SearchIndex


class Library:
    """One language of a pack, ready for the counter; search also reads the pack's other
    languages (``others``), so a word in either language finds the card."""

    def __init__(
        self,
        pack: Pack,
        others: Iterable[Pack] = (),
        index_file: Path | None = None,
        digest: str | None = None,
    ) -> None:
        """``index_file``: where the search index is kept between starts, for the pack whose
        cache has ``digest`` (see :mod:`pos_coach.library.index_file`); without both, the
        index is built at the first search or warm-up."""
        self.pack = pack
        self.index_file = index_file
        self._digest = digest
        self.others = [p for p in others if p.lang != pack.lang]
        self.lang = pack.lang
        self.cards: list[Card] = pack.ordered_cards()
        self.categories: list[Category] = pack.ordered_categories()
        self._by_id = {c.id: c for c in self.cards}
        self._by_hotkey = {c.hotkey: c for c in self.cards if c.hotkey}
        self._index: SearchIndex | None = None  # built at the first search (or warm-up)
        self._building: threading.Thread | None = None

    def __len__(self) -> int:
        return len(self.cards)

    @property
    def warm(self) -> bool:
        """Whether the search index is ready (built, or read back from the last start): the
        first letter typed is answered at once."""
        building = self._building
        return self._index is not None and (building is None or not building.is_alive())

    def get(self, card_id: str) -> Card | None:
        return self._by_id.get(card_id)

    def by_hotkey(self, hotkey: str) -> Card | None:
        return self._by_hotkey.get(hotkey)

    def category(self, category_id: str) -> Category | None:
        return self.pack.categories.get(category_id)

    def cards_in(self, category_id: str) -> list[Card]:
        return [c for c in self.cards if c.category == category_id]

    def search(self, query: str, limit: int | None = None) -> list[Card]:
        return [hit.card for hit in self.index.search(query, limit, explain=False)]

    def search_hits(self, query: str, limit: int | None = None) -> list[Hit]:
        """The cards with their scores and why each was found."""
        return self.index.search(query, limit)

    @property
    def index(self) -> SearchIndex:
        building = self._building
        if building is not None:
            building.join()  # a search typed while it is being built waits for it
        if self._index is None:
            self._build()
        assert self._index is not None
        return self._index

    def _build(self, restore: bool = True) -> None:
        """The index: read back when ``restore`` and kept for these cards, else built (and
        kept for the next start)."""
        from pos_coach.library.morph import FORMS

        index = self._restored() if restore else None
        if index is None:
            FORMS.load()
            others = [other.ordered_cards() for other in self.others]
            index = SearchIndex(self.cards, others)
            key = self._key()
            if key is not None and self.index_file is not None:
                from pos_coach.library import index_file

                index_file.write(self.index_file, key, index.state())
        self._index = index  # what is typed needs no dictionary: the index has the forms

    def _key(self) -> list[object] | None:
        if self.index_file is None or self._digest is None:
            return None
        from pos_coach.library import index_file

        return [self._digest, self.lang, index_file.code_stamp()]

    def _restored(self) -> SearchIndex | None:
        """The index kept from an earlier start for these cards, if there is one."""
        from pos_coach.library import index_file

        key = self._key()
        if key is None or self.index_file is None:
            return None
        state = index_file.read(self.index_file, key)
        if state is None:
            return None
        others = [other.ordered_cards() for other in self.others]
        try:
            return SearchIndex.restore(self.cards, others, state)
        except (ValueError, TypeError):
            return None

    def warm_up(self, background: bool = False) -> None:
        """Make the search index ready before the cashier types the first letter: read back
        from the last start (milliseconds, here and now), or built with the dictionary;
        ``background``: a build on a thread of its own, so that a large pack (a second or
        more) does not hold up the window."""
        if self._index is not None or self._building is not None:
            return
        if background:
            self._index = self._restored()
        if self._index is not None:
            return
        if not background:
            self._build()
            return
        self._building = threading.Thread(  # the kept index was looked for just now
            target=self._build, args=(False,), name="search-index", daemon=True
        )
        self._building.start()

    @staticmethod
    def ready_for_typos() -> None:
        """Load what a search for a word with a slip in it uses (about 15 ms once), so the
        first such keystroke does not wait for it; the counter does it once all else is up."""
        import rapidfuzz.distance.OSA
        import rapidfuzz.process  # noqa: F401 - imported for the first search with a typo

    def close_matches(self, card_id: str, n: int = 3) -> list[str]:
        import difflib

        return difflib.get_close_matches(card_id, list(self._by_id), n=n, cutoff=0.5)


__all__ = ["Hit", "Library", "PhraseRotation"]
