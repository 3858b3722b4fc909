"""Lines that belong later in a conversation: what `check` warns about in ``say`` (no Qt).

The phrasings of ``say`` are rotated: each cashier sees first the one they used least recently,
so any of them may be the first thing said. They must be interchangeable ways to say the one
line that matters now. A line that closes the matter ("all sorted, thanks for your patience")
or concedes before anything is checked ("you're right, here is the rest of your change") is a
later stage of the conversation: it belongs in ``then``, shown in order and never rotated.

The markers are deliberately few and plain: a warning the owner reads, not a judgement; the
owner may keep a line where it is when the card means it.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Stage(StrEnum):
    CLOSING = "closing"  # the matter is settled: said after, not before
    CONCEDING = "conceding"  # admits fault or gives something before it is checked


_FLAGS = re.IGNORECASE | re.UNICODE
_MARKERS: dict[str, dict[Stage, re.Pattern[str]]] = {
    "ru": {
        Stage.CLOSING: re.compile(
            r"\b(вс[её] (готово|в порядке|решили|решено|исправили|уладили|сделали)"
            r"|вопрос решён|спасибо за (терпение|понимание)"
            r"|спасибо, что (подождали|потерпели)|разобрались)\b",
            _FLAGS,
        ),
        Stage.CONCEDING: re.compile(
            r"\b(вы правы|(это )?моя ошибка|наша ошибка|я ошиблась|я ошибся|мы ошиблись"
            r"|вот недостающ\w*|вот ваши деньги|верн[ёу]м? (вам )?(деньги|разницу)"
            r"|продадим по цене|пробью по цене (с )?ценника)",
            _FLAGS,
        ),
    },
    "en": {
        Stage.CLOSING: re.compile(
            r"\b(all (sorted|done|fixed|set)|that'?s (all )?(sorted|done|fixed)"
            r"|(thanks|thank you) (so much )?for (your )?(patience|understanding|bearing with)"
            r"|sorted now)\b",
            _FLAGS,
        ),
        Stage.CONCEDING: re.compile(
            r"\b(you'?re (quite |absolutely )?right|(my|our) (mistake|fault|error)"
            r"|here'?s the (rest|missing|difference)|i'?ll refund"
            r"|we'?ll (honour|give you|match) the (shelf|label|ticket) price)",
            _FLAGS,
        ),
    },
}


def later_stage(text: str, lang: str) -> Stage | None:
    """The later stage ``text`` reads as in ``lang`` (closing, conceding), or None."""
    for stage, pattern in _MARKERS.get(lang, {}).items():
        if pattern.search(text):
            return stage
    return None
