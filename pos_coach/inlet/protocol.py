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
BAD_REQUEST = "bad_request"  # not a request (details in "detail")
BUSY = "busy"  # too many callers at once: try again (the HTTP inlet's word for it)
# what the local socket says when it turns a caller away ("unavailable", for older callers)
BUSY_DETAIL = "too many connections at once"
MAX_DEPTH = 32  # arrays and objects inside each other: a request needs two or three


def encode(message: dict[str, Any]) -> bytes:
    return (json.dumps(message, ensure_ascii=False) + "\n").encode("utf-8")


def is_busy(answer: dict[str, Any]) -> bool:
    """Whether an answer turns the caller away for now (too many callers), not "could not"."""
    if answer.get("error") == BUSY or answer.get("busy") is True:
        return True
    detail = answer.get("detail")
    return (
        answer.get("error") == UNAVAILABLE
        and isinstance(detail, str)
        and detail.startswith(BUSY_DETAIL)
    )


def decode(line: bytes) -> dict[str, Any]:
    """One JSON object; ValueError (with a reason a caller can be told) for anything else:
    not UTF-8, not JSON, not an object, or nested more than :data:`MAX_DEPTH` deep."""
    try:
        value = json.loads(line.decode("utf-8"))
    except RecursionError:  # deeper than the interpreter's stack allows
        raise ValueError(f"nested more than {MAX_DEPTH} deep") from None
    except UnicodeDecodeError:
        raise ValueError("not UTF-8") from None
    except ValueError as exc:
        raise ValueError(f"not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    if _too_deep(value):
        raise ValueError(f"nested more than {MAX_DEPTH} deep")
    return value


def _too_deep(value: object) -> bool:
    """Whether containers nest more than MAX_DEPTH deep (without recursion of its own)."""
    level: list[object] = [value]
    for _ in range(MAX_DEPTH):
        inner: list[object] = []
        for item in level:
            if isinstance(item, dict):
                inner.extend(item.values())
            elif isinstance(item, list):
                inner.extend(item)
        level = [item for item in inner if isinstance(item, dict | list)]
        if not level:
            return False
    return True
