"""Fill the placeholders (``{greeting}``, ``{goodbye}``, ``{cashier}``, ...) into card text."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from pos_coach.cards.model import PLACEHOLDER_PATTERN

# (first hour, greeting) per language, checked from the latest hour down.
_GREETINGS: dict[str, list[tuple[int, str]]] = {
    "ru": [(23, "Здравствуйте"), (18, "Добрый вечер"), (12, "Добрый день"), (5, "Доброе утро")],
    "en": [(23, "Hello"), (18, "Good evening"), (12, "Good afternoon"), (5, "Good morning")],
}
_NIGHT = {"ru": "Здравствуйте", "en": "Hello"}
# The parting wish for what is left of the day: a "good day" at nine in the evening rings false.
_GOODBYES: dict[str, list[tuple[int, str]]] = {
    "ru": [(22, "Доброй ночи"), (17, "Хорошего вечера"), (5, "Хорошего дня")],
    "en": [(22, "Have a good night"), (17, "Have a lovely evening"), (5, "Have a good day")],
}


def _by_hour(table: list[tuple[int, str]], now: datetime | None, early: str) -> str:
    """The text of ``table`` (first hours, latest first) for the hour of ``now``; ``early``
    before the earliest."""
    hour = (now or datetime.now()).hour
    return next((text for first_hour, text in table if hour >= first_hour), early)


def greeting(lang: str, now: datetime | None = None) -> str:
    """The greeting for the local time of day: morning from 5, day from 12, evening from 18."""
    table = _GREETINGS.get(lang, _GREETINGS["en"])
    return _by_hour(table, now, _NIGHT.get(lang, "Hello"))


def goodbye(lang: str, now: datetime | None = None) -> str:
    """The parting wish for the local time: day from 5, evening from 17, night from 22."""
    table = _GOODBYES.get(lang, _GOODBYES["en"])
    return _by_hour(table, now, table[0][1])  # before 5 in the morning it is still night


_NO_NAME = {"ru": "[Ваше имя]", "en": "[your name]"}
# Said to the emergency services when the address is not set: never a made-up address
_NO_ADDRESS = {
    "ru": "[адрес магазина — прочитайте с таблички у кассы]",
    "en": "[the shop's address — read it off the card by the till]",
}


def values_for(
    lang: str, cashier: str, store: str, now: datetime | None = None, address: str = ""
) -> dict[str, str]:
    """Every placeholder's text for a card in ``lang`` shown at ``now``."""
    now = now or datetime.now()
    return {
        "greeting": greeting(lang, now),
        "goodbye": goodbye(lang, now),
        # a card fired before anyone started a shift: the cashier says their own name
        "cashier": cashier.strip() or _NO_NAME.get(lang, _NO_NAME["en"]),
        "store": store,
        "address": address.strip() or _NO_ADDRESS.get(lang, _NO_ADDRESS["en"]),
    }


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace known placeholders; an unknown one (already reported by validation) stays as is."""

    def swap(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        return match.group(0) if value is None else value

    return PLACEHOLDER_PATTERN.sub(swap, text)
