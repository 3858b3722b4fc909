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

import bisect
import itertools
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
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


# characters that show nothing but split a word in two: zero-width spaces and joiners,
# direction marks, the soft hyphen, a byte order mark (pasted from a message or a web page)
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def normalise(text: str) -> str:
    """Case-folded, with ``ё`` read as ``е`` (cashiers rarely type ``ё``); invisible characters
    left out and compatibility forms read as the plain ones (full-width ``ＫＡＲＴＡ``)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
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
        """Load the dictionary and the stemmers (about 60 ms), if not loaded yet."""
        with self._lock:
            if self._morph is not None:
                return
            import pymorphy3
            import pymorphy3_dicts_ru
            import Stemmer

            self._ru = Stemmer.Stemmer("russian")
            self._en = Stemmer.Stemmer("english")
            # the dictionary named, not looked up among the installed packages' entry points:
            # that scan is half the load (about 60 ms)
            path = pymorphy3_dicts_ru.get_path()
            self._morph = pymorphy3.MorphAnalyzer(path=path, lang="ru")

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

    def stem(self, word: str) -> str | None:
        """The stem of a normalised word (None when it is the word itself or too short to
        stem): the stemmers load in a millisecond, without the dictionary."""
        if len(word) < 3 or any(c.isdigit() for c in word):
            return None
        with self._lock:
            if self._ru is None:
                import Stemmer

                self._ru = Stemmer.Stemmer("russian")
                self._en = Stemmer.Stemmer("english")
            if _CYRILLIC.search(word):
                stem = self._ru.stemWord(word)
            elif _LATIN.search(word):
                stem = self._en.stemWord(word)
            else:
                return None
        return stem if stem and stem != word else None

    def inflections(self, words: Iterable[str]) -> Iterator[tuple[str, str]]:
        """Every form of the Russian ``words`` paired with the dictionary form it is a form
        of, for the readings :meth:`of` takes (``("картой", "карта")``, ...; other words have
        none). A word shared by several of ``words`` (карта, карту, картой) is gone through
        once."""
        if self._morph is None:
            self.load()
        done: set[tuple[str, str]] = set()
        for word in words:
            if len(word) < 3 or any(c.isdigit() for c in word) or not _CYRILLIC.search(word):
                continue
            with self._lock:
                for parse in self._readings(word):
                    head = parse.normalized  # the dictionary form, with its grammar
                    key = (head.word, str(head.tag))
                    if key in done:
                        continue
                    done.add(key)
                    lemma = normalise(head.word)
                    forms = [normalise(form.word) for form in parse.lexeme]
                    yield from ((form, lemma) for form in forms)

    def _readings(self, word: str) -> list[Any]:
        parses = self._morph.parse(word)
        if not parses:
            return []
        top = parses[0].score
        return [p for p in parses[:4] if p.score >= top / 3]

    def _lemmas(self, word: str) -> list[str]:
        """Dictionary forms of the likely readings (an unknown word gets guesses: the best
        ones only, so that a typo is not taken for some rare word's form)."""
        return [normalise(p.normal_form) for p in self._readings(word)]


class FormTable:
    """The dictionary forms of every form of the words of a pack, made when its search index
    is made (with the dictionary) and kept with it: a word typed at the counter is looked up
    here, so the counter never loads the dictionary (about 60 ms of its start) for the cards it
    has. «картой» finds «карта» because «карта» is a word of the cards and «картой» one of its
    forms; a word that is no form of any word of the cards needs no dictionary form, since
    there is none for it to match (its stem and typos still count).

    Kept as the UTF-8 bytes of sorted lines ("form<TAB>lemma lemma") and the offsets of the
    lines: read back from the index file as they are, and searched by halves."""

    def __init__(self, text: bytes = b"", starts: bytes = b"") -> None:
        from array import array

        self.text = text
        self.starts = array("I")
        self.starts.frombytes(starts)

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> FormTable:
        """The table of ``(form, dictionary form)`` pairs (a form that is its own dictionary
        form is left out)."""
        from array import array

        lemmas: dict[str, dict[str, None]] = {}
        for form, lemma in pairs:
            if form != lemma:
                lemmas.setdefault(form, {})[lemma] = None
        # UTF-8 sorts as the code points do: the lines are in the order they are searched in
        lines = [f"{form}\t{' '.join(lemmas[form])}\n".encode() for form in sorted(lemmas)]
        starts = array("I", itertools.accumulate((len(line) for line in lines[:-1]), initial=0))
        return cls(b"".join(lines), starts.tobytes() if lines else b"")

    def state(self) -> tuple[bytes, bytes]:
        return self.text, self.starts.tobytes()

    def _form(self, line: int) -> bytes:
        start = self.starts[line]
        return self.text[start : self.text.index(b"\t", start)]

    def __getitem__(self, form: str) -> tuple[str, ...]:
        """The dictionary forms of ``form`` (a normalised word); empty when it has none here."""
        wanted = form.encode()
        at = bisect.bisect_left(range(len(self.starts)), wanted, key=self._form)
        if at == len(self.starts) or self._form(at) != wanted:
            return ()
        start = self.text.index(b"\t", self.starts[at]) + 1
        return tuple(self.text[start : self.text.index(b"\n", start)].decode().split(" "))

    def __len__(self) -> int:
        return len(self.starts)


FORMS = Forms()
