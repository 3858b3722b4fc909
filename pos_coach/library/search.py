"""Search as you type: the card a cashier means, from what they actually type.

Every word of the query counts for what it matches, and for how well:

- **exact** (the word itself, case-insensitive, ``ё`` = ``е``) beats
- **form** (the same dictionary form or stem: «картой» finds «карта», «подошёл» finds
  «подошло»; see :mod:`pos_coach.library.morph`) and **prefix** (a word being typed, or cut
  short: «возвр»), which beat
- **typo** (one slip in a word of 4-7 letters, two in a longer one; a swap of two letters is one
  slip), which beats
- **layout** and **translit**: the query read as if typed on the other keyboard layout
  ("hfvrf" = «рамка», «ифпы» = "bags"), or as Russian in Latin letters ("vozvrat").

A word's matches count by where they are (title, then tags and id, then summary, then phrasings
and steps; a tag of its own above a word of a longer tag), a little for each other place in the
card they are in (the card about a word, not the one that names it once), and by how rare the
word is among the cards (a word on every card tells little). A word that matches nothing lowers
the score without emptying the result; stop words («на», «с», "the", "at") are left out; words
found next to each other, as in the query, count extra. Cards of every language of the pack are
searched at once (they share ids): «возврат» in the English interface finds the refund card,
shown in English.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from pos_coach.cards.model import Card
from pos_coach.library.layout import to_cyrillic, to_latin, transliterate
from pos_coach.library.morph import FORMS, Forms, FormTable, is_stop, words

# How much a match in each field counts.
WEIGHTS = {"title": 10.0, "tags": 8.0, "id": 6.0, "summary": 4.0, "say": 2.0, "steps": 1.5}
# a word of a tag of several words («пьяный хамит») says less of the card than a tag of its own
WEIGHTS["tag phrase"] = 7.0
HEAD_FIELDS = frozenset({"title", "tags", "tag phrase", "id"})
HEAD_WEIGHT = min(WEIGHTS[f] for f in HEAD_FIELDS)  # a posting this heavy is in a head field
# How well a word matches (exact beats form beats typo beats another layout's reading).
EXACT, FORM = 1.0, 0.9
PREFIX_TYPING, PREFIX = 0.75, 0.7  # the word being typed (the last one) / a word cut short
TYPO = {1: 0.6, 2: 0.45}
READING = {"": 1.0, "layout": 0.5, "translit": 0.5}
SUPPORT, SUPPORT_CAP = 0.1, 10.0  # a word's other places in a card: a tenth, up to a title's
COVERAGE = 0.5  # the share of a card's score that depends on how many query words it matched
PHRASE = 0.3  # bonus share for two query words found side by side
# ... and for a short word next to a word, side by side as typed: «только спросить» is the
# customer's «я только спросить», not any card that mentions «спросить»
STOP_PHRASE = 1.0
# words side by side count where a card says what it is about (title, tags, id, summary): the
# same in its phrasings and steps changed no ranking of thousands of queries, and costs most
PAIR_WEIGHT = 4.0
SHORTLIST = 40  # the best cards looked at again for phrases
KEEP = 0.2  # cards scoring below this share of the best are not shown
LAYOUTS_KEPT = 2048  # cards whose word positions are kept between keystrokes

_Follows = dict[str, dict[str, float]]  # a word -> the words after it -> the field's weight

__all__ = ["Hit", "Match", "SearchIndex", "max_typos"]


def max_typos(length: int) -> int:
    if length < 4:
        return 0
    return 1 if length < 8 else 2


@dataclass(frozen=True)
class Match:
    """Why a card was found: one query word, the card's word it matched, how, and where."""

    word: str
    matched: str
    kind: str  # exact / form / prefix / typo
    reading: str  # "" as typed, "layout" (other keyboard layout), "translit"
    field: str  # title, tags, id, summary, say, steps
    lang: str  # of the card text it matched in

    def describe(self, shown: str = "") -> str:
        """``word -> matched (kind[, reading], field[ lang])``; the language is named when it is
        not ``shown``, the one the cards are shown in."""
        how = self.kind if not self.reading else f"{self.kind}, {self.reading}"
        where = self.field if self.lang == shown else f"{self.field} {self.lang}"
        return f"{self.word} -> {self.matched} ({how}, {where})"


@dataclass(frozen=True)
class Hit:
    card: Card
    score: float
    why: tuple[Match, ...] = ()


@dataclass
class _Term:
    """One query word's matches: the card words it matched and how well, best per card."""

    word: str
    found: dict[str, tuple[float, str]]  # card word -> (quality, kind)
    best: dict[int, float]  # card -> quality x field weight
    direct: bool  # found as typed (then not read as a slip of another word)


class SearchIndex:
    """Words of the cards (all languages, merged by id) and the cards they are in."""

    def __init__(
        self,
        cards: Sequence[Card],
        others: Iterable[Sequence[Card]] = (),
        forms: Forms = FORMS,
    ) -> None:
        self.cards = list(cards)
        self._forms = forms
        self._docs = _docs(self.cards, others)
        # a word counts for its weightiest place in a card, and a little for every other place
        # it is in: the card that is about it (title, tags, and its steps and phrasings too)
        # ranks above one that only names it among its tags
        postings: dict[str, dict[int, float]] = {}
        heads: set[str] = set()
        for doc, versions in enumerate(self._docs):
            best: dict[str, float] = {}
            total: dict[str, float] = {}
            for field, _lang, typed in _texts(versions):
                weight = WEIGHTS[field]
                seq = [w for w in typed if not is_stop(w)]
                for word in seq:
                    if best.get(word, 0.0) < weight:
                        best[word] = weight
                    total[word] = total.get(word, 0.0) + weight
                if field in HEAD_FIELDS:
                    heads.update(seq)
            for word, weight in best.items():
                elsewhere = min(SUPPORT_CAP, total[word] - weight)
                postings.setdefault(word, {})[doc] = weight + SUPPORT * elsewhere
        self._postings = postings
        self._vocab = sorted(postings)
        self._heads = sorted(heads)
        # forms: a key (dictionary form or stem) -> the card words known by it
        by_key: dict[str, list[str]] = {}
        for word in self._vocab:
            for key in (word, *forms.of(word)):
                by_key.setdefault(key, []).append(word)
        self._by_key = by_key
        # the words a cashier may type for these: every form of every word, and its
        # dictionary forms (so that a search never needs the dictionary itself)
        self._table = FormTable.of(forms.inflections(self._vocab))
        self._derive()

    # What the index is made of, as plain lists and dicts (see :meth:`restore`): building it
    # means every word of every card through the dictionary, seconds for a pack of thousands.
    def state(self) -> tuple[object, ...]:
        table = self._table.state()
        return (len(self.cards), self._postings, self._vocab, self._heads, self._by_key, *table)

    @classmethod
    def restore(
        cls,
        cards: Sequence[Card],
        others: Iterable[Sequence[Card]],
        state: Sequence[object],
        forms: Forms = FORMS,
    ) -> SearchIndex:
        """The index of ``cards`` (and ``others``, as for building it) from its :meth:`state`,
        kept from an earlier start for the same cards."""
        index = cls.__new__(cls)
        index.cards = list(cards)
        index._forms = forms
        count, postings, vocab, heads, by_key, text, starts = state
        if count != len(index.cards):
            raise ValueError("the index was made for another pack")
        index._docs = _docs(index.cards, others)
        index._postings = postings  # type: ignore[assignment]
        index._vocab = vocab  # type: ignore[assignment]
        index._heads = heads  # type: ignore[assignment]
        index._by_key = by_key  # type: ignore[assignment]
        if not isinstance(text, bytes) or not isinstance(starts, bytes):
            raise TypeError("not an index of this version")
        index._table = FormTable(text, starts)
        index._derive()
        return index

    def _derive(self) -> None:
        # typo candidates (card words and their keys), by length
        by_key = self._by_key
        self._by_length: dict[int, list[str]] = {}
        for term in by_key:
            self._by_length.setdefault(len(term), []).append(term)
        self._head_cuts: dict[int, list[str]] = {}
        self._cache: OrderedDict[tuple[str, bool], _Term] = OrderedDict()
        self._layouts: dict[int, dict[str, tuple[float, str, str]]] = {}
        self._heads_of: dict[str, dict[int, float]] = {}
        self._pairs_of: dict[int, list[tuple[float, list[tuple[str, str]]]]] = {}

    def __len__(self) -> int:
        return len(self.cards)

    # -- the search --------------------------------------------------------------------------
    def search(self, query: str, limit: int | None = None, explain: bool = True) -> list[Hit]:
        """The cards for ``query``, best first; with ``explain``, each says why it was found
        (the counter, which shows only the cards, does without: it costs a look at each card's
        words)."""
        typing = bool(query) and not query[-1].isspace()  # the last word may be unfinished
        # each reading: its name, its words as typed (for phrases), the words that count
        readings = [
            (r, typed, _unfinished(kept, typing))
            for r, typed in self._readings(query)
            if (kept := _keep(typed)) and (not r or len(query.strip()) > 1)
        ]
        if not readings:
            return []
        # exact, form and prefix matches for every reading; typos where still needed, as typed
        # and in another reading only if it found the most (a typo as typed beats a layout
        # guess, but gibberish read on the other layout is not searched for slips as well)
        first = [
            [self._term(w, typing and i == len(ws) - 1) for i, w in enumerate(ws)]
            for _, _, ws in readings
        ]
        coverage = [sum(1 for t in terms if t.best) / len(terms) for terms in first]
        top = max(coverage)
        scores: dict[int, float] = {}
        chosen: dict[int, tuple[str, list[_Term], list[str]]] = {}
        for (reading, typed, _), terms, covered in zip(readings, first, coverage, strict=True):
            if not reading or covered == top:
                terms = [
                    t
                    if t.direct or (t.best and typing and i == len(terms) - 1)
                    else self._with_typos(t, typing and i == len(terms) - 1)
                    for i, t in enumerate(terms)
                ]
            for doc, score in self._score(terms, READING[reading]).items():
                if score > scores.get(doc, 0.0):
                    scores[doc] = score
                    chosen[doc] = (reading, terms, typed)
        if not scores:
            return []
        # words side by side, as typed, count extra: looked at for the best few only (and only
        # the few asked for are put in order: a pack of thousands has thousands of matches)
        wanted = max(SHORTLIST, limit) if limit else len(scores)
        ranked = heapq.nsmallest(wanted, scores.items(), key=_rank)
        shortlist = []
        sides: dict[str, tuple[set[str], set[str]]] = {}  # per reading: phrases' first/last words
        for doc, score in ranked[:SHORTLIST]:
            reading, terms, typed = chosen[doc]
            if reading not in sides:
                sides[reading] = _sides(terms, typed)
            bonus = self._phrase_bonus(doc, terms, typed, sides[reading], READING[reading])
            shortlist.append((doc, score + bonus))
        ranked = sorted(shortlist, key=_rank) + ranked[SHORTLIST:]
        best = ranked[0][1]
        ranked = [(doc, s) for doc, s in ranked if s >= KEEP * best]
        if limit:
            ranked = ranked[:limit]
        return [
            Hit(self.cards[d], round(s, 2), self._why(d, *chosen[d][:2]) if explain else ())
            for d, s in ranked
        ]

    def _readings(self, query: str) -> list[tuple[str, list[str]]]:
        """The query as typed, then as it reads on the other layout and transliterated."""
        out = [("", words(query))]
        seen = {query}
        for reading, text in (
            ("layout", to_cyrillic(query)),
            ("layout", to_latin(query)),
            ("translit", transliterate(query)),
        ):
            if text not in seen:
                seen.add(text)
                out.append((reading, words(text)))
        return out

    # -- one word ----------------------------------------------------------------------------
    def _term(self, word: str, typing: bool) -> _Term:
        """Exact, form and prefix matches of one query word (kept for the next keystroke)."""
        key = (word, typing)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        found: dict[str, tuple[float, str]] = {}

        def add(card_word: str, quality: float, kind: str) -> None:
            if quality > found.get(card_word, (0.0, ""))[0]:
                found[card_word] = (quality, kind)

        if word in self._postings:
            add(word, EXACT, "exact")
        if len(word) >= 3:
            for key_ in (word, *self._keys(word)):
                for card_word in self._by_key.get(key_, ()):
                    if card_word != word:
                        add(card_word, FORM, "form")
        direct = word in found  # found as typed: not read as a slip of another word
        # a finished word that is a word of the cards (as typed or a form of one) means that
        # word: "cash only" is about cash, not "cashier"; the word being typed may go on
        if typing or (len(word) >= 3 and not found):
            # one or two letters can start nearly any word: then only titles, tags and ids
            vocab = self._vocab if len(word) >= 3 else self._heads
            start = bisect.bisect_left(vocab, word)
            for card_word in vocab[start:]:
                if not card_word.startswith(word):
                    break
                if card_word != word:
                    add(card_word, PREFIX_TYPING if typing else PREFIX, "prefix")
        # ... and counted only where they are in a title, tag or id (not every card whose
        # phrasings use some word starting with «п»)
        term = _Term(word, found, self._best(found, heads_only=len(word) < 3), direct)
        self._cache[key] = term
        if len(self._cache) > 256:
            self._cache.popitem(last=False)
        return term

    def _keys(self, word: str) -> tuple[str, ...]:
        """The keys a typed word is known by: the dictionary forms it is a form of, among the
        words of the cards, and its stem (the word itself left out)."""
        stem = self._forms.stem(word)
        found = self._table[word]
        return (*found, stem) if stem is not None and stem not in found else found

    def _with_typos(self, term: _Term, typing: bool) -> _Term:
        """The same word, with the card words it may be a slip of."""
        word = term.word
        allowed = max_typos(len(word))
        if not allowed:
            return term
        from rapidfuzz import process  # imported at first use (or warm-up), not at start-up
        from rapidfuzz.distance import OSA

        found = dict(term.found)
        near: dict[str, int] = {}
        for length in range(len(word) - allowed, len(word) + allowed + 1):
            candidates = self._by_length.get(length, ())
            for cand, dist, _ in process.extract(
                word, candidates, scorer=OSA.distance, score_cutoff=allowed, limit=None
            ):
                near[cand] = min(int(dist), near.get(cand, 99))
        if typing:  # a slip in a word not finished yet: compare with the start of longer words
            cuts = self._cuts(len(word))
            for cut, dist, _ in process.extract(
                word, cuts, scorer=OSA.distance, score_cutoff=allowed, limit=None
            ):
                for card_word in self._starting(cut):
                    near.setdefault(card_word, int(dist) + 1)
        for cand, dist in near.items():
            quality = TYPO.get(dist, TYPO[2] * 0.8)
            for card_word in self._by_key[cand]:  # every candidate is a key of the index
                if quality > found.get(card_word, (0.0, ""))[0]:
                    found[card_word] = (quality, "typo")
        return _Term(word, found, self._best(found), term.direct)

    def _best(
        self, found: dict[str, tuple[float, str]], heads_only: bool = False
    ) -> dict[int, float]:
        best: dict[int, float] = {}
        for card_word, (quality, kind) in found.items():
            if heads_only and kind == "prefix":
                postings = self._head_postings(card_word)
            else:
                postings = self._postings[card_word]
            for doc, weight in postings.items():
                score = weight * quality
                if score > best.get(doc, 0.0):
                    best[doc] = score
        return best

    def _head_postings(self, word: str) -> dict[int, float]:
        """The cards that have ``word`` in their title, tags or id (kept once asked for)."""
        found = self._heads_of.get(word)
        if found is None:
            found = {d: w for d, w in self._postings[word].items() if w >= HEAD_WEIGHT}
            self._heads_of[word] = found
        return found

    def _cuts(self, length: int) -> list[str]:
        cuts = self._head_cuts.get(length)
        if cuts is None:
            cuts = sorted({w[:length] for w in self._vocab if len(w) > length})
            self._head_cuts[length] = cuts
        return cuts

    def _starting(self, start: str) -> Iterable[str]:
        at = bisect.bisect_left(self._vocab, start)
        for card_word in self._vocab[at:]:
            if not card_word.startswith(start):
                return
            yield card_word

    # -- scores ------------------------------------------------------------------------------
    def _score(self, terms: list[_Term], factor: float) -> dict[int, float]:
        """Each word adds what it matched, weighted by how few cards it matches."""
        total: dict[int, float] = {}
        count: dict[int, int] = {}
        for term in terms:
            rarity = self._rarity(term)
            for doc, score in term.best.items():
                total[doc] = total.get(doc, 0.0) + rarity * score * factor
                count[doc] = count.get(doc, 0) + 1
        # and a card that matches more of the words ranks higher (half the score rides on it)
        share = COVERAGE / len(terms)
        return {doc: s * (1 - COVERAGE + share * count[doc]) for doc, s in total.items()}

    def _rarity(self, term: _Term) -> float:
        return math.log(1.0 + len(self.cards) / (1.0 + len(term.best)))

    def _phrase_bonus(
        self,
        doc: int,
        terms: list[_Term],
        typed: list[str],
        sides: tuple[set[str], set[str]],
        factor: float,
    ) -> float:
        bonus = 0.0
        if len(typed) < 2:  # one word: nothing beside it
            return bonus
        by_word = {t.word: t for t in terms if doc in t.best}
        follows = self._follows(doc, *sides)
        for a, b in itertools.pairwise(typed):  # a short word beside a word, as typed
            if is_stop(a) == is_stop(b):
                continue
            term = by_word.get(b if is_stop(a) else a)
            if term is None:
                continue
            if is_stop(a):
                after = follows.get(a, {})
                weight = max((w for c, w in after.items() if c in term.found), default=0.0)
            else:
                weight = max(
                    (follows[c][b] for c in term.found if b in follows.get(c, {})), default=0.0
                )
            if weight:
                bonus = max(bonus, STOP_PHRASE * PHRASE * weight * self._rarity(term) * factor)
        for left, right in itertools.pairwise(terms):
            if doc not in left.best or doc not in right.best:
                continue
            lefts = left.found if len(left.found) < len(follows) else follows
            weight = max(
                (
                    w
                    for a in lefts
                    if a in follows and a in left.found
                    for b, w in follows[a].items()
                    if b in right.found
                ),
                default=0.0,
            )
            if weight:
                rarity = self._rarity(left) + self._rarity(right)
                bonus = max(bonus, PHRASE * weight * rarity * factor)
        return bonus

    def _follows(self, doc: int, firsts: set[str], seconds: set[str]) -> _Follows:
        """Which of ``firsts`` are followed by which of ``seconds`` in the card's texts, with the
        weight of the weightiest field they are so in."""
        follows: _Follows = {}
        for weight, pairs in self._pairs(doc):
            for a, b in pairs:
                if a in firsts and b in seconds:
                    after = follows.setdefault(a, {})
                    if after.get(b, 0.0) < weight:
                        after[b] = weight
        return follows

    def _pairs(self, doc: int) -> list[tuple[float, list[tuple[str, str]]]]:
        """The words side by side in each text of a card that names what it is about (see
        ``PAIR_WEIGHT``), with the text's weight: once short
        words are left out («карта не проходит»: «карта проходит»), and a short word beside a
        word as written («только спросить»). Made when the card is first among the best, kept
        for the next keystrokes."""
        found = self._pairs_of.get(doc)
        if found is not None:
            return found
        out = []
        for card in self._docs[doc]:
            for field, text in _fields(card):
                if WEIGHTS[field] < PAIR_WEIGHT:
                    continue
                typed = words(text)
                seq = [w for w in typed if not is_stop(w)]
                pairs = list(itertools.pairwise(seq))
                pairs += [(a, b) for a, b in itertools.pairwise(typed) if is_stop(a) != is_stop(b)]
                if pairs:
                    out.append((WEIGHTS[field], pairs))
        if len(self._pairs_of) >= LAYOUTS_KEPT:
            self._pairs_of.pop(next(iter(self._pairs_of)))
        self._pairs_of[doc] = out
        return out

    def _layout(self, doc: int) -> dict[str, tuple[float, str, str]]:
        """Where each word of a card is at its weightiest (weight, field, language), for saying
        why it was found; made when the card is first shown with reasons, kept for the next."""
        found = self._layouts.get(doc)
        if found is not None:
            return found
        where: dict[str, tuple[float, str, str]] = {}
        for field, lang, typed in _texts(self._docs[doc]):
            weight = WEIGHTS[field]
            for word in typed:
                if not is_stop(word) and where.get(word, (0.0,))[0] < weight:
                    where[word] = (weight, field, lang)
        if len(self._layouts) >= LAYOUTS_KEPT:
            self._layouts.pop(next(iter(self._layouts)))
        self._layouts[doc] = where
        return where

    def _why(self, doc: int, reading: str, terms: list[_Term]) -> tuple[Match, ...]:
        out = []
        where = self._layout(doc)
        for term in terms:
            if doc not in term.best:
                continue
            words_ = term.found if len(term.found) < len(where) else where
            best = max(
                (
                    (term.found[w][0] * where[w][0], w)
                    for w in words_
                    if w in where and w in term.found
                ),
                default=None,
            )
            if best is not None:
                word = best[1]
                _, field, lang = where[word]
                field = "tags" if field == "tag phrase" else field
                out.append(Match(term.word, word, term.found[word][1], reading, field, lang))
        return tuple(out)


def _rank(item: tuple[int, float]) -> tuple[float, int]:
    """Best score first; among equals, the card that comes first in the pack."""
    return -item[1], item[0]


def _unfinished(kept: list[str], typing: bool) -> list[str]:
    """The words that count while the last one is being typed: a single letter after other
    words is not a word yet («хамит п»: the cards for «хамит» until the next letter; alone, «п»
    is read as typed, and not on the other layout either)."""
    if typing and len(kept) > 1 and len(kept[-1]) == 1:
        return kept[:-1]
    return kept


def _sides(terms: list[_Term], typed: list[str]) -> tuple[set[str], set[str]]:
    """The card words a phrase of this query may start with, and those it may end with."""
    firsts: set[str] = set()
    seconds: set[str] = set()
    by_word = {t.word: t for t in terms}
    for a, b in itertools.pairwise(typed):
        if is_stop(a) != is_stop(b) and (term := by_word.get(b if is_stop(a) else a)):
            firsts.update((a,) if is_stop(a) else term.found)
            seconds.update(term.found if is_stop(a) else (b,))
    for left, right in itertools.pairwise(terms):
        firsts.update(left.found)
        seconds.update(right.found)
    return firsts, seconds


def _keep(found: list[str]) -> list[str]:
    """The words that carry meaning; a query of stop words alone is taken as typed (it may be
    the start of a word: «на» -> «наличные»)."""
    kept = [w for w in found if not is_stop(w)]
    return kept or found[-1:]


def _fields(card: Card) -> Iterable[tuple[str, str]]:
    yield "title", card.title
    yield "id", card.id.replace("-", " ")
    yield "summary", card.summary
    for tag in card.tags:
        yield ("tags" if len(_keep(words(tag))) <= 1 else "tag phrase"), tag
    for phrase in (*card.say, *card.then):
        yield "say", phrase
    for step in card.steps:
        yield "steps", step


def _docs(cards: Sequence[Card], others: Iterable[Sequence[Card]]) -> list[list[Card]]:
    """Each card with its versions in the other languages (the packs share ids)."""
    docs = [[card] for card in cards]
    slot = {card.id: i for i, card in enumerate(cards)}
    for pack in others:
        for card in pack:
            if card.id in slot:
                docs[slot[card.id]].append(card)
    return docs


def _texts(versions: Iterable[Card]) -> Iterator[tuple[str, str, list[str]]]:
    """The fields of a card's versions as words: (field, language, every word as written,
    short ones kept: phrases are read from them)."""
    for card in versions:
        for field, text in _fields(card):
            yield field, card.lang, words(text)
