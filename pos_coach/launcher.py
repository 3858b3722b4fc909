"""The ``pos-coach`` entry point: ``trigger`` takes a fast path that imports almost nothing.

A POS program or a sensor bridge may call ``pos-coach trigger`` many times an hour; it must
answer within a few tens of milliseconds, so it skips click (and, above all, Qt). Everything
else goes to the full command line in :mod:`pos_coach.cli`.
"""

from __future__ import annotations

import sys

USAGE = "usage: pos-coach trigger ID [--source NAME] [--data-dir DIR]"


def fast_trigger(args: list[str]) -> int | None:
    """Run ``trigger`` from ``args``; None when they need the full parser (help, odd options)."""
    card_id: str | None = None
    origin: str | None = None
    data_dir: str | None = None
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg in ("--source", "--data-dir") and rest:
            value = rest.pop(0)
            origin, data_dir = (value, data_dir) if arg == "--source" else (origin, value)
        elif arg.startswith("--source="):
            origin = arg.split("=", 1)[1]
        elif arg.startswith("--data-dir="):
            data_dir = arg.split("=", 1)[1]
        elif arg.startswith("-") or card_id is not None:
            return None
        else:
            card_id = arg
    if card_id is None:
        return None
    from pos_coach.inlet.trigger import run_trigger

    return run_trigger(card_id, origin, data_dir)


def main() -> None:
    if sys.argv[1:2] == ["trigger"]:
        status = fast_trigger(sys.argv[2:])
        if status is not None:
            sys.exit(status)
    from pos_coach.cli import main as full

    full()
