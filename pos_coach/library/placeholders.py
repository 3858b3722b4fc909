"""Fill ``{greeting}``, ``{cashier}`` and ``{store}`` into card text."""

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


def greeting(lang: str, now: datetime | None = None) -> str:
    """The greeting for the local time of day: morning from 5, day from 12, evening from 18."""
    hour = (now or datetime.now()).hour
    table = _GREETINGS.get(lang, _GREETINGS["en"])
    for first_hour, text in table:
        if hour >= first_hour:
            return text
    return _NIGHT.get(lang, "Hello")


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace known placeholders; an unknown one (already reported by validation) stays as is."""

    def swap(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        return match.group(0) if value is None else value

    return PLACEHOLDER_PATTERN.sub(swap, text)
