"""The inlet's tiny protocol: one JSON object per line each way (no Qt here).

Requests: ``{"cmd": "trigger", "id": "gate-alarm", "source": "trigger"}``, ``{"cmd": "raise"}``,
``{"cmd": "situations"}``. Answers: ``{"ok": true, ...}`` or ``{"ok": false, "error": ...}``.
"""

from __future__ import annotations

import json

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs ~15 ms per trigger
if TYPE_CHECKING:
    from typing import Any

UNKNOWN = "unknown"  # no such card (close matches in "matches")
UNAVAILABLE = "unavailable"  # the app cannot show a card now (no cashier, say)
BAD_REQUEST = "bad_request"


def encode(message: dict[str, Any]) -> bytes:
    return (json.dumps(message, ensure_ascii=False) + "\n").encode("utf-8")


def decode(line: bytes) -> dict[str, Any]:
    value = json.loads(line.decode("utf-8"))
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value
