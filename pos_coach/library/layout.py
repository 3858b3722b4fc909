"""Undo a wrong keyboard layout: "ghbdtn" typed on a Latin layout meant "привет", and back.

At Russian tills the keyboard is often left in the other layout; the search tries the query as
typed and as it would have come out on the other layout (standard ЙЦУКЕН <-> QWERTY positions).
"""

from __future__ import annotations

_LATIN = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./" + '~QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>?'
_CYRILLIC = "ёйцукенгшщзхъфывапролджэячсмитьбю." + "ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,"

_TO_CYRILLIC = str.maketrans(_LATIN, _CYRILLIC)
_TO_LATIN = str.maketrans(_CYRILLIC, _LATIN)


def to_cyrillic(text: str) -> str:
    """What ``text`` typed on a Latin layout would have been on the Russian one."""
    return text.translate(_TO_CYRILLIC)


def to_latin(text: str) -> str:
    """What ``text`` typed on the Russian layout would have been on a Latin one."""
    return text.translate(_TO_LATIN)


# Russian written in Latin letters ("ramka", "vozvrat", "sdacha"): longest spellings first.
_TRANSLIT = sorted(
    {
        "shch": "щ",
        "sch": "щ",
        "zh": "ж",
        "kh": "х",
        "ts": "ц",
        "ch": "ч",
        "sh": "ш",
        "yu": "ю",
        "ju": "ю",
        "ya": "я",
        "ja": "я",
        "yo": "ё",
        "jo": "ё",
        "a": "а",
        "b": "б",
        "v": "в",
        "g": "г",
        "d": "д",
        "e": "е",
        "z": "з",
        "i": "и",
        "j": "й",
        "y": "ы",
        "k": "к",
        "l": "л",
        "m": "м",
        "n": "н",
        "o": "о",
        "p": "п",
        "r": "р",
        "s": "с",
        "t": "т",
        "u": "у",
        "f": "ф",
        "h": "х",
        "c": "ц",
        "w": "в",
        "x": "кс",
        "q": "к",
        "'": "ь",
    }.items(),
    key=lambda item: -len(item[0]),
)


def transliterate(text: str) -> str:
    """Read Latin letters as Russian sounds: "vozvrat" -> "возврат" (a best effort)."""
    out: list[str] = []
    lower = text.lower()
    i = 0
    while i < len(lower):
        for latin, cyrillic in _TRANSLIT:
            if lower.startswith(latin, i):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            out.append(lower[i])
            i += 1
    return "".join(out)


def alternatives(query: str) -> list[str]:
    """The query itself, then its other-layout (and transliterated) readings that differ."""
    seen = [query]
    for variant in (to_cyrillic(query), to_latin(query), transliterate(query)):
        if variant not in seen:
            seen.append(variant)
    return seen
