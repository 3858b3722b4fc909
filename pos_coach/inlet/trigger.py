"""``pos-coach trigger``: ask the running app to show a card (no Qt, no click).

Which app: the one of ``--data-dir``, else of ``$POS_COACH_DATA_DIR``; given neither, the one
of the per-user data dir, else the one counter of this user that runs at all (``make run``
keeps its journal in ``./var``: a plain ``pos-coach trigger gate-alarm`` finds it). Several
running and none named: it says which there are and asks for ``--data-dir``.
"""

from __future__ import annotations

import os
import sys
import time

from pos_coach.exits import Exit
from pos_coach.inlet.address import NoPrivateDir, private_dir, server_name
from pos_coach.inlet.client import Busy, NotOurs, NotRunning, Running, request_at, running
from pos_coach.inlet.protocol import UNKNOWN, is_busy

DATA_DIR_ENV = "POS_COACH_DATA_DIR"  # as pos_coach.paths has it (not imported: platformdirs)
POINT = (
    f"name its data folder: `pos-coach trigger ID --data-dir FOLDER`, or set {DATA_DIR_ENV}=FOLDER"
)

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs ~15 ms per trigger
if TYPE_CHECKING:
    from typing import Any


class _Said(Exception):  # noqa: N818 - not an error: the outcome, said on stderr already
    def __init__(self, status: Exit) -> None:
        super().__init__(status.name)
        self.status = status


def _say(status: Exit, text: str) -> _Said:
    print(f"pos-coach: {text}", file=sys.stderr)
    return _Said(status)


def run_trigger(card_id: str, origin: str | None, data_dir: str | None) -> int:
    """The exit status (:class:`pos_coach.exits.Exit`): OK shown, NOT_YET_LOGGED shown but not
    yet in the journal, UNKNOWN_ID (close matches listed), NOT_OURS another OS user answers
    (nothing sent), BUSY (try again), NOT_RUNNING, NOT_SHOWN (the app could not show it),
    SEVERAL_RUNNING (none named)."""
    # ids are lowercase by rule: "GATE-ALARM" or " gate-alarm " from a POS script is gate-alarm
    card_id = card_id.strip().lower()
    message = {"cmd": "trigger", "id": card_id, "source": "trigger", "origin": origin}
    try:
        answer = _ask_the_app(card_id, message, data_dir)
    except _Said as said:
        return said.status
    return _answered(card_id, answer)


STARTING_S = 120  # a counter holding its data folder this long without answering is not starting


def _starting(folder: str) -> int | None:
    """The process of the counter that holds ``folder`` and took it within the last two
    minutes (it answers triggers once its window is up and its cards are read); None if none
    does. Read from the single-instance lock file the counter writes (its first line is the
    process id)."""
    if sys.platform == "win32":  # os.kill there ends the process: no way to only look
        return None
    lock = os.path.join(folder, "pos-coach.lock")
    try:
        with open(lock, "rb") as file:
            pid = int(file.readline().strip() or 0)
        age = time.time() - os.stat(lock).st_mtime
    except (OSError, ValueError):
        return None
    if pid <= 0 or not 0 <= age < STARTING_S:
        return None
    try:
        os.kill(pid, 0)  # is it alive (nothing is sent)
    except OSError:  # gone, or another user's: not this user's counter starting
        return None
    return pid


def _ask_the_app(card_id: str, message: dict[str, Any], data_dir: str | None) -> dict[str, Any]:
    given = "--data-dir" if data_dir else DATA_DIR_ENV
    folder = data_dir or os.environ.get(DATA_DIR_ENV)
    if not folder:  # the per-user default: only now pay for platformdirs
        from pos_coach import paths

        folder = str(paths.data_dir())
        given = ""
    folder = os.path.abspath(os.path.expanduser(folder))  # as `pos-coach run` takes it
    try:
        name = server_name(folder)
    except NoPrivateDir as exc:
        raise _say(Exit.NOT_RUNNING, f"not running for {folder}: {exc}") from None
    try:
        return _ask(name, folder, message)
    except NotRunning:
        pass
    starting = _starting(folder)
    if starting is not None:  # its lock is held: it has not opened its inlets yet
        raise _say(
            Exit.BUSY,
            f"POS Coach is starting for {folder} (process {starting}) and does not listen for"
            " triggers yet; try again in a moment",
        )
    found, refused = running(skip=(name,))
    if given:  # a folder named: that one or none, and where the others are
        said = f"not running for {folder} (the {given} given; nothing answers at {name})"
        if found:
            runs = "; ".join(f"{one.label()}: {_example(card_id, one)}" for one in found)
            raise _say(Exit.NOT_RUNNING, f"{said}. POS Coach runs for {runs}")
        raise _say(
            Exit.NOT_RUNNING,
            f"{said}. Start it with `pos-coach run --data-dir {folder}`, or give the {given}"
            " it was started with",
        )
    if len(found) == 1:
        try:
            return _ask(found[0].name, found[0].label(), message)
        except NotRunning:  # it closed a moment ago
            found = []
    if len(found) > 1:
        raise _several(card_id, found, folder)
    if refused:
        raise _refused(refused[0])
    raise _say(
        Exit.NOT_RUNNING,
        f"POS Coach is not running: nothing answers for the default data folder {folder},"
        f" nor does any other POS Coach of this user (looked in {_looked_in(name)}). Start it"
        " with `pos-coach run`; if it runs on another data folder, name that folder:"
        f" `pos-coach trigger {card_id} --data-dir FOLDER` (or set {DATA_DIR_ENV}=FOLDER)",
    )


def _example(card_id: str, one: Running) -> str:
    folder = one.data_dir or "FOLDER"
    return f"`pos-coach trigger {card_id} --data-dir {folder}`"


def _ask(name: str, label: str, message: dict[str, Any]) -> dict[str, Any]:
    """The answer of the counter at ``name`` (for ``label``); NotRunning passes, what else
    goes wrong is said."""
    try:
        return request_at(name, message)
    except NotOurs as exc:
        raise _refused(exc) from None
    except Busy:
        raise _say(
            Exit.BUSY,
            f"the app for {label} runs but did not take the request in time (too many callers"
            " at once): try again",
        ) from None
    except ValueError as exc:
        raise _say(
            Exit.NOT_SHOWN, f"the app for {label} gave an answer it cannot read: {exc}"
        ) from None
    except NotRunning:
        raise
    except OSError as exc:  # not a socket, not allowed in: nothing of ours listens there
        raise NotRunning(name) from exc


def _refused(exc: NotOurs) -> _Said:
    whose = f"another user (uid {exc.uid})" if exc.uid is not None else "another user"
    return _say(Exit.NOT_OURS, f"{whose} answers the socket {exc.name}: refused, nothing was sent")


def _several(card_id: str, found: list[Running], default: str) -> _Said:
    labels = "\n".join(f"  {one.label()}" for one in found)
    example = next((one for one in found if one.data_dir), found[0])
    return _say(
        Exit.SEVERAL_RUNNING,
        f"{len(found)} POS Coach of this user are running, none for the default data folder"
        f" {default}; they run for:\n{labels}\nSay which with --data-dir, e.g."
        f" {_example(card_id, example)}",
    )


def _looked_in(name: str) -> str:
    """The private folder the sockets (on Windows: the notes) are in."""
    try:
        return private_dir()
    except OSError:
        return os.path.dirname(name)


def _answered(card_id: str, answer: dict[str, Any]) -> int:
    if answer.get("ok"):
        print(f"shown: {card_id}")
        if answer.get("logged") is False:  # on screen; its event waits in the app's memory
            print(
                "pos-coach: shown, but not yet in the journal"
                f" ({answer.get('waiting') or 'the disk refuses writes'}); the app keeps the"
                " event and writes it as soon as it can: do not fire it again",
                file=sys.stderr,
            )
            return Exit.NOT_YET_LOGGED
        return Exit.OK
    if answer.get("error") == UNKNOWN:
        matches = ", ".join(answer.get("matches") or []) or "none"
        print(f"pos-coach: unknown card '{card_id}'; close matches: {matches}", file=sys.stderr)
        return Exit.UNKNOWN_ID
    detail = answer.get("detail", "")
    if is_busy(answer):
        print(f"pos-coach: the app is busy: {detail}", file=sys.stderr)
        return Exit.BUSY
    print(f"pos-coach: the app could not show '{card_id}' now: {detail}", file=sys.stderr)
    return Exit.NOT_SHOWN
