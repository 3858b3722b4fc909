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


def alternatives(query: str) -> list[str]:
    """The query itself, then its other-layout readings that differ from it."""
    seen = [query]
    for variant in (to_cyrillic(query), to_latin(query)):
        if variant not in seen:
            seen.append(variant)
    return seen
