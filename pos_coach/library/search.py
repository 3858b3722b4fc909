"""Search as you type over card titles, tags, summaries and phrasings.

Case-insensitive, ``ё`` = ``е``, every word of the query must match (the last one may be
unfinished). The query is also read as if typed on the other keyboard layout, and as Russian
written in Latin letters ("vozvrat"). When nothing
matches directly, one or two typos per word are forgiven, a swap of two letters counting as one
(rapidfuzz computes the optimal-string-alignment distances).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pos_coach.cards.model import Card
from pos_coach.library.layout import alternatives

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# How much a match in each field counts.
WEIGHTS = {"title": 8.0, "id": 6.0, "tags": 6.0, "summary": 3.0, "say": 1.5, "steps": 1.0}
EXACT, PREFIX, INFIX = 1.0, 0.75, 0.4
FUZZY = 0.5


def normalise(text: str) -> str:
    return text.casefold().replace("ё", "е")


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def max_typos(length: int) -> int:
    if length < 4:
        return 0
    return 1 if length < 8 else 2


@dataclass(frozen=True)
class Hit:
    card: Card
    score: float


class SearchIndex:
    """An inverted index from words to the cards (and fields) that contain them."""

    def __init__(self, cards: Sequence[Card]) -> None:
        self.cards = list(cards)
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        for index, card in enumerate(self.cards):
            for field, text in _fields(card):
                weight = WEIGHTS[field]
                for word in words(text):
                    slot = postings[word]
                    if slot.get(index, 0.0) < weight:
                        slot[index] = weight
        self._postings = dict(postings)
        self._vocab = sorted(self._postings)
        self._by_length: dict[int, list[str]] = {}

    def search(self, query: str, limit: int | None = None) -> list[Hit]:
        variants = [words(v) for v in alternatives(query)]
        variants = [v for v in variants if v]
        if not variants:
            return []
        for fuzzy in (False, True):
            best: dict[int, float] = {}
            for tokens in variants:
                for index, score in self._score(tokens, fuzzy).items():
                    if score > best.get(index, 0.0):
                        best[index] = score
            if best:
                ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
                hits = [Hit(self.cards[i], s) for i, s in ranked]
                return hits[:limit] if limit else hits
        return []

    # -- scoring -----------------------------------------------------------------------------
    def _score(self, tokens: list[str], fuzzy: bool) -> dict[int, float]:
        total: dict[int, float] | None = None
        for token in tokens:
            found = self._fuzzy(token) if fuzzy else self._direct(token)
            if not found:
                return {}
            if total is None:
                total = found
            else:
                total = {i: s + found[i] for i, s in total.items() if i in found}
                if not total:
                    return {}
        return total or {}

    def _collect(self, matches: Iterable[tuple[str, float]]) -> dict[int, float]:
        scores: dict[int, float] = {}
        for word, quality in matches:
            for index, weight in self._postings[word].items():
                score = weight * quality
                if score > scores.get(index, 0.0):
                    scores[index] = score
        return scores

    def _direct(self, token: str) -> dict[int, float]:
        matches: list[tuple[str, float]] = []
        start = bisect.bisect_left(self._vocab, token)
        for word in self._vocab[start:]:
            if not word.startswith(token):
                break
            matches.append((word, EXACT if word == token else PREFIX))
        if len(token) >= 3:
            matches.extend(
                (w, INFIX) for w in self._vocab if token in w and not w.startswith(token)
            )
        return self._collect(matches)

    def _fuzzy(self, token: str) -> dict[int, float]:
        allowed = max_typos(len(token))
        if not allowed:
            return {}
        # compare with whole words and with the start of longer words (the query may be unfinished)
        heads = self._heads(len(token))
        from rapidfuzz import process  # imported at first use (or warm-up), not at start-up
        from rapidfuzz.distance import OSA

        found = process.extract(token, heads, scorer=OSA.distance, score_cutoff=allowed, limit=None)
        matched = {heads[i] for _, _, i in found}
        whole = process.extract(
            token, self._vocab, scorer=OSA.distance, score_cutoff=allowed, limit=None
        )
        matched.update(w for w, _, _ in whole)
        return self._collect(
            (w, FUZZY) for w in self._vocab if w in matched or w[: len(token)] in matched
        )

    def _heads(self, length: int) -> list[str]:
        heads = self._by_length.get(length)
        if heads is None:
            heads = sorted({w[:length] for w in self._vocab if len(w) >= length})
            self._by_length[length] = heads
        return heads


def _fields(card: Card) -> Iterable[tuple[str, str]]:
    yield "title", card.title
    yield "id", card.id.replace("-", " ")
    yield "summary", card.summary
    for tag in card.tags:
        yield "tags", tag
    for phrase in card.say:
        yield "say", phrase
    for step in card.steps:
        yield "steps", step
