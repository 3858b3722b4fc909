"""An answer that is not known yet (a trigger waits for its event to be committed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Reply = Callable[[dict[str, Any]], None]


class Later:
    """What a request handler returns when the answer comes later: the inlet that asked
    registers how to send it (:meth:`when_ready`), the handler :meth:`resolve`\\ s it once."""

    def __init__(self) -> None:
        self.answer: dict[str, Any] | None = None
        self._reply: Reply | None = None

    def when_ready(self, reply: Reply) -> None:
        if self.answer is not None:
            reply(self.answer)
        else:
            self._reply = reply

    def resolve(self, answer: dict[str, Any]) -> None:
        if self.answer is not None:
            return  # answered already (say, by the time limit)
        self.answer = answer
        if self._reply is not None:
            self._reply(answer)
