"""Words of a search and their forms: normalising, stop words, dictionary forms and stems.

A cashier types «картой», the card says «карта»; they type «подошёл», the tag says «подошло».
Both are the same word to a person. Russian words are taken back to their dictionary forms by
pymorphy3 (OpenCorpora's dictionary: it knows «подошёл» and «подошло» are both «подойти»),
and stemmed by Snowball's Russian stemmer, which also covers words the dictionary lacks; Latin
words by Snowball's English stemmer (Porter2: "declined", "declining" -> "declin"), both
through PyStemmer.
Both libraries load at the first search (or the warm-up after the first paint), never at start.
"""

from __future__ import annotations

import re
import threading
from typing import Any

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[а-я]")
_LATIN = re.compile(r"[a-z]")

# Words that carry no situation of their own: prepositions, conjunctions, particles, pronouns,
# auxiliaries. "нет", "без", "no" are not here: «нет сдачи», «без очереди», "no receipt" mean
# something. Written for the counter, not taken from a general list: "карта", "чек" are words.
_STOP = """
    а и или но да же ли бы ведь вот ну уж ещё еще лишь только то это этот эта эти тот та те
    в во на с со к ко у о об обо от ото до по за из изо под подо над надо при про через для
    между перед передо около после вокруг мимо сквозь среди вместо кроме ради насчёт насчет
    не ни как так что чтобы чем где куда когда если то ль уже там тут здесь сюда туда
    я ты он она оно мы вы они меня тебя его её ее нас вас их мне тебе ему ей нам вам им мной
    тобой ним ней нею нами вами ними себя себе собой свой своя своё свое свои мой моя моё мое
    мои твой твоя твоё твое твои наш наша наше наши ваш ваша ваше ваши кто чей всё все весь
    вся сам сама само сами был была было были быть есть будет будут буду
    очень просто опять тоже также всё-таки типа вообще пожалуйста

    a an the and or but if then so as at by for from in into of off on onto out over to up
    with without about is are was were be been being am do does did doing has have had having
    i me my mine you your yours he him his she her hers it its we us our they them their
    this that these those there here what which who whom whose when where how why
    not just very really too also can could would should will shall may might must
    s t d ll m re ve don doesn didn isn aren wasn weren won wouldn shouldn couldn cant dont
    wont doesnt didnt isnt arent wasnt werent wouldnt shouldnt couldnt havent hasnt hadnt aint
    im ive youre hes shes theyre thats whats only
    please some any got get gets getting
"""
STOP_WORDS = frozenset(_STOP.split())


def normalise(text: str) -> str:
    """Case-folded, with ``ё`` read as ``е`` (cashiers rarely type ``ё``)."""
    return text.casefold().replace("ё", "е")


def words(text: str) -> list[str]:
    """The words of ``text``, normalised (letters and digits; everything else separates)."""
    return _WORD.findall(normalise(text))


def is_stop(word: str) -> bool:
    return word in STOP_WORDS


class Forms:
    """The forms a word is known by (its dictionary forms and its stem), computed once each.

    Thread-safe: the index may be built on one thread while a search runs on another.
    """

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, ...]] = {}
        self._lock = threading.Lock()
        self._morph: Any = None
        self._ru: Any = None
        self._en: Any = None

    def load(self) -> None:
        """Load the dictionary and the stemmers (about 0.1 s), if not loaded yet."""
        with self._lock:
            if self._morph is not None:
                return
            import pymorphy3
            import Stemmer

            self._ru = Stemmer.Stemmer("russian")
            self._en = Stemmer.Stemmer("english")
            self._morph = pymorphy3.MorphAnalyzer()

    def of(self, word: str) -> tuple[str, ...]:
        """The keys ``word`` is known by, the word itself excluded (a normalised word)."""
        found = self._cache.get(word)
        if found is not None:
            return found
        if self._morph is None:
            self.load()
        keys: list[str] = []
        if len(word) >= 3 and not any(c.isdigit() for c in word):  # "5000", "18+": as typed
            with self._lock:  # neither pymorphy3 nor the stemmers promise thread safety
                if _CYRILLIC.search(word):
                    keys.extend(self._lemmas(word))
                    keys.append(self._ru.stemWord(word))
                elif _LATIN.search(word):
                    keys.append(self._en.stemWord(word))
        found = tuple(dict.fromkeys(k for k in keys if k and k != word))
        self._cache[word] = found
        return found

    def _lemmas(self, word: str) -> list[str]:
        """Dictionary forms of the likely readings (an unknown word gets guesses: the best
        ones only, so that a typo is not taken for some rare word's form)."""
        parses = self._morph.parse(word)
        if not parses:
            return []
        top = parses[0].score
        return [normalise(p.normal_form) for p in parses[:4] if p.score >= top / 3]


FORMS = Forms()
