"""Lines that belong later in a conversation: what `check` warns about in ``say`` (no Qt).

The phrasings of ``say`` are rotated: each cashier sees first the one they used least recently,
so any of them may be the first thing said. They must be interchangeable ways to say the one
line that matters now. Three kinds of line are later stages of the conversation and belong in
``then``, shown in order and never rotated:

- a line that **closes** the matter ("all sorted", "thanks for your understanding"),
- a line that **concedes** before anything is checked ("you're right, here is the rest of your
  change", "I'll put it through at the shelf price"),
- a line that **promises** what has not happened yet ("the ambulance is on its way", «коллега
  уже идёт», "I'll serve you straight after").

The markers are deliberately plain: a warning the owner reads, not a judgement. A question
("All sorted?"), a negation ("not my mistake") and "you're right to tell me" are not flagged,
and an owner who means a line keeps it by ending its line in the file with ``# keep``.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Stage(StrEnum):
    CLOSING = "closing"  # the matter is settled: said after, not before
    CONCEDING = "conceding"  # admits fault or gives something before it is checked
    PROMISING = "promising"  # says something is done or on its way before it is


_FLAGS = re.IGNORECASE | re.UNICODE
_MARKERS: dict[str, dict[Stage, re.Pattern[str]]] = {
    "ru": {
        Stage.CLOSING: re.compile(
            r"\b(вс[её] (готово|в порядке|решили|решено|исправили|уладили|сделали)"
            r"|вопрос решён|спасибо за понимание"
            r"|спасибо, что (подождали|потерпели)|разобрались|можете идти)\b",
            _FLAGS,
        ),
        Stage.CONCEDING: re.compile(
            r"\b(вы правы|(это )?моя ошибка|наша ошибка|я ошиблась|я ошибся|мы ошиблись"
            r"|недодал[аи]?|вот недостающ\w*|вот ваши деньги|верн[ёу]м? (вам )?(деньги|разницу)"
            r"|продадим по цене|пробью по (цене )?(с )?ценник[ау]|по цене (на )?ценника)",
            _FLAGS,
        ),
        Stage.PROMISING: re.compile(
            r"\b((скорая|помощь|охрана|полиция|коллега|старший|администратор|менеджер)"
            r"( смены)? уже (едет|едут|идёт|идет|идут|в пути|вызван\w*|бежит)"
            r"|уже (вызвали|вызываем|вызывают|позвали|зовём)"
            r"|обслужу (вас )?сразу после)",
            _FLAGS,
        ),
    },
    "en": {
        Stage.CLOSING: re.compile(
            r"\b(all (sorted|done|fixed)|that'?s (all )?(sorted|done|fixed)|sorted now"
            r"|(thanks|thank you) (so much )?for (your )?understanding"
            r"|(you'?re|you are) (all )?good to go)\b",
            _FLAGS,
        ),
        Stage.CONCEDING: re.compile(
            r"\b((you'?re|you are) (quite |absolutely )?right|(my|our) (mistake|fault|error)"
            r"|here'?s the (rest|missing|difference)|what you were short|i'?ll refund"
            r"|(honour|give you|match|put it through at|charge you) the (shelf|label|ticket) price"
            r"|at the (shelf|label|ticket) price)",
            _FLAGS,
        ),
        Stage.PROMISING: re.compile(
            r"\b((ambulance|help|security|police|manager|supervisor|shift lead|colleague)"
            r" (is|are) (on (its|their|the) way|being called|coming)"
            r"|(i'?ve|we'?ve) (called|rung) (an ambulance|999|security|the police)"
            r"|(serve|see to) you straight after)",
            _FLAGS,
        ),
    },
}
# not a concession: "you're right to say", «Вы правы, что сказали»
_RIGHT_TO = re.compile(r"^(\s+to\b|,?\s+что\b)", _FLAGS)
_NEGATION = re.compile(r"\b(not|no|never|isn'?t|не|нет|ни)\s+(\w+\s+)?$", _FLAGS)
_SENTENCE_END = re.compile(r"[.!?…]")
KEEP = re.compile(r"#\s*(pos-coach:\s*)?keep\b", _FLAGS)


def later_stage(text: str, lang: str) -> Stage | None:
    """The later stage ``text`` reads as in ``lang`` (closing, conceding, promising), or None."""
    for stage, pattern in _MARKERS.get(lang, {}).items():
        for match in pattern.finditer(text):
            if _excused(text, match, stage):
                continue
            return stage
    return None


def _excused(text: str, match: re.Match[str], stage: Stage) -> bool:
    before, after = text[: match.start()], text[match.end() :]
    if _NEGATION.search(before[-24:]):
        return True  # "not my mistake", «не наша ошибка»
    if stage is Stage.CONCEDING and _RIGHT_TO.match(after):
        return True
    end = _SENTENCE_END.search(after)
    return end is not None and end.group() == "?"  # asked, not said: "All sorted?"
