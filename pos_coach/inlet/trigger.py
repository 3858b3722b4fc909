"""``pos-coach trigger``: ask the running app to show a card (no Qt, no click)."""

from __future__ import annotations

import os
import sys

from pos_coach.inlet.address import NoPrivateDir
from pos_coach.inlet.client import Busy, NotOurs, NotRunning, request
from pos_coach.inlet.protocol import UNKNOWN

SHOWN, UNKNOWN_ID, NOT_RUNNING, NOT_YET_LOGGED = 0, 1, 2, 3
NOT_OURS = 5  # 4 is kept for another command
NOT_SHOWN = 6  # running, but it could not show the card now (too busy, or an error)


def run_trigger(card_id: str, origin: str | None, data_dir: str | None) -> int:
    """Exit status: 0 shown, 1 unknown id (close matches listed), 2 the app is not running,
    3 shown but not yet in the journal (the disk refuses writes; the app keeps the event),
    5 another OS user answers the socket (refused: nothing was sent to it), 6 the app runs but
    could not show the card now (too many callers at once, or an error: try again)."""
    folder = data_dir or os.environ.get("POS_COACH_DATA_DIR")
    if not folder:  # the per-user default: only now pay for platformdirs
        from pos_coach import paths

        folder = str(paths.data_dir())
    message = {"cmd": "trigger", "id": card_id, "source": "trigger", "origin": origin}
    try:
        answer = request(folder, message)
    except NotOurs as exc:
        print(
            f"pos-coach: another user (uid {exc.uid}) answers the socket {exc.name}: refused,"
            " nothing was sent",
            file=sys.stderr,
        )
        return NOT_OURS
    except Busy:
        print(
            f"pos-coach: the app for {folder} runs but did not take the request in time (too"
            " many callers at once): try again",
            file=sys.stderr,
        )
        return NOT_SHOWN
    except NoPrivateDir as exc:
        print(f"pos-coach: not running for {folder}: {exc}", file=sys.stderr)
        return NOT_RUNNING
    except (NotRunning, OSError, ValueError):
        print(
            f"pos-coach: not running for {folder} (start it with `pos-coach run`)", file=sys.stderr
        )
        return NOT_RUNNING
    if answer.get("ok"):
        if answer.get("logged") is False:  # on screen; its event waits in the app's memory
            print(f"shown: {card_id}")
            print(
                "pos-coach: shown, but not yet in the journal: the disk refuses writes"
                f" ({answer.get('waiting') or 'unknown reason'}); the app keeps the event and"
                " writes it as soon as it can",
                file=sys.stderr,
            )
            return NOT_YET_LOGGED
        print(f"shown: {card_id}")
        return SHOWN
    if answer.get("error") == UNKNOWN:
        matches = ", ".join(answer.get("matches") or []) or "none"
        print(f"pos-coach: unknown card '{card_id}'; close matches: {matches}", file=sys.stderr)
        return UNKNOWN_ID
    print(
        f"pos-coach: the app could not show '{card_id}' now: {answer.get('detail', '')}",
        file=sys.stderr,
    )
    return NOT_SHOWN
