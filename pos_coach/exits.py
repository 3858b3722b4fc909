"""The exit statuses of every ``pos-coach`` command: one table, one meaning per number.

Each command uses only the statuses that apply to it. A script can rely on a number meaning
the same thing whichever command it came from: 2 is always a mistake in the command line
(click's own usage error), 7 always "POS Coach is not running". No Qt, no typing: the trigger
command imports this on every call (``enum`` is loaded by ``json`` anyway).
"""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    PROBLEMS = 1
    USAGE = 2
    NOT_YET_LOGGED = 3
    UNKNOWN_ID = 4
    NOT_OURS = 5
    BUSY = 6
    NOT_RUNNING = 7
    NOT_SHOWN = 8
    SEVERAL_RUNNING = 9


# What each status means, in the words of the README's table (commands, then meaning)
MEANINGS: dict[Exit, tuple[str, str]] = {
    Exit.OK: ("every command", "done (`trigger`: the card is on screen and in the journal)"),
    Exit.PROBLEMS: (
        "`check`, `search`, `report`, `export`, `backup`, `demo`, `run`",
        "not done, and a sentence on stderr says why: `check` found problems, `search` found"
        " nothing, no journal or a refused copy, the counter refused to start; also any"
        " unexpected error",
    ),
    Exit.USAGE: (
        "every command",
        "a mistake in the command line (a missing or unknown argument or option), explained",
    ),
    Exit.NOT_YET_LOGGED: (
        "`trigger`",
        "shown, but its event is not yet in the journal: the disk refuses writes; the app keeps"
        " the event and writes it as soon as it can",
    ),
    Exit.UNKNOWN_ID: ("`trigger`", "no card has this id (close matches are listed)"),
    Exit.NOT_OURS: (
        "`trigger`",
        "another OS user answers the socket: refused, nothing was sent to it",
    ),
    Exit.BUSY: (
        "`trigger`",
        "the app runs but did not take the request in time (too many callers at once), or is"
        " still starting (its window not yet up): try again",
    ),
    Exit.NOT_RUNNING: (
        "`trigger`",
        "POS Coach is not running (the message names the folders it looked in)",
    ),
    Exit.NOT_SHOWN: (
        "`trigger`",
        "the app runs and took the request but could not show the card (the message says why)",
    ),
    Exit.SEVERAL_RUNNING: (
        "`trigger`",
        "several POS Coach of this user are running and no `--data-dir` says which: the"
        " message names their data folders",
    ),
}


def table() -> str:
    """The Markdown table of :data:`MEANINGS`, as the README has it."""
    lines = ["| exit | name | from | means |", "| --- | --- | --- | --- |"]
    for status in Exit:
        commands, meaning = MEANINGS[status]
        lines.append(f"| {status.value} | `{status.name}` | {commands} | {meaning} |")
    return "\n".join(lines)
