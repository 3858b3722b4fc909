"""The ``pos-coach`` entry point: ``trigger`` and ``run`` take fast paths that import little.

A POS program or a sensor bridge may call ``pos-coach trigger`` many times an hour; it must
answer within a few tens of milliseconds, so it skips click (and, above all, Qt). ``run`` (and a
bare ``pos-coach``) starts the counter, whose start-up time is budgeted too: it skips click as
well. Anything these parsers do not plainly understand (help, a misspelt option, a missing
value) goes to the full command line in :mod:`pos_coach.cli`, which explains the mistake.

Every status either path exits with is one of :class:`pos_coach.exits.Exit`.
"""

from __future__ import annotations

import sys

TRIGGER_OPTIONS = ("--source", "--data-dir")
RUN_OPTIONS = ("--situations", "--data-dir", "--lang", "--register")
RUN_FLAGS = ("--side",)


def parse(
    args: list[str], options: tuple[str, ...], flags: tuple[str, ...] = ()
) -> tuple[list[str], dict[str, str], set[str]] | None:
    """Positional arguments, ``--option value`` pairs and flags; None for anything else."""
    positional: list[str] = []
    values: dict[str, str] = {}
    seen: set[str] = set()
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        name, equals, value = arg.partition("=")
        if name in options:
            if not equals:
                if not rest:
                    return None
                value = rest.pop(0)
            if name in values or not value:
                return None
            values[name] = value
        elif arg in flags:
            seen.add(arg)
        elif arg.startswith("-"):
            return None
        else:
            positional.append(arg)
    return positional, values, seen


def fast_trigger(args: list[str]) -> int | None:
    """Run ``trigger`` from ``args``; None when they need the full parser (help, odd options)."""
    parsed = parse(args, TRIGGER_OPTIONS)
    if parsed is None or len(parsed[0]) != 1:
        return None
    (card_id,), values, _ = parsed
    from pos_coach.inlet.trigger import run_trigger

    return run_trigger(card_id, values.get("--source"), values.get("--data-dir"))


def fast_run(args: list[str]) -> int | None:
    """Start the counter from ``run``'s ``args``; None when they need the full parser."""
    parsed = parse(args, RUN_OPTIONS, RUN_FLAGS)
    if parsed is None or parsed[0]:
        return None
    _, values, flags = parsed
    from pos_coach.i18n import LANGUAGES

    lang = values.get("--lang")
    if lang is not None and lang not in LANGUAGES:
        return None
    return start_counter(
        values.get("--situations"),
        values.get("--data-dir"),
        lang,
        values.get("--register"),
        "--side" in flags,
    )


def start_counter(
    situations: str | None,
    data_dir: str | None,
    lang: str | None,
    register: str | None,
    side: bool,
) -> int:
    """``pos-coach run``: the counter, with its data dir noted while it runs (:class:`Noted`)."""
    from pos_coach.app import run_counter

    with Noted(data_dir):
        return run_counter(situations, data_dir, lang, register, side)


class Noted:
    """While ``pos-coach run`` runs (both paths): a note of its data dir in this user's private
    folder, so that ``pos-coach trigger`` without ``--data-dir`` finds this counter, whatever
    folder it runs on (:func:`pos_coach.inlet.address.remember`). The note is taken away at
    the end, unless another counter on the same folder answers (as when this start only
    brought that one to the front). A note left by a crash is harmless: nothing answers
    behind it, and the client asks."""

    def __init__(self, data_dir: str | None) -> None:
        from pos_coach import paths

        self.folder = paths.data_dir(data_dir)
        self.noted = False

    def __enter__(self) -> Noted:
        from pos_coach.inlet.address import remember

        try:
            remember(self.folder)
        except OSError:  # no private folder: the counter says so itself when it listens
            return self
        self.noted = True
        return self

    def __exit__(self, *_exc: object) -> None:
        if not self.noted:
            return
        from pos_coach.inlet.address import forget, server_name
        from pos_coach.inlet.client import NotOurs, answers

        try:
            if answers(server_name(self.folder)):
                return  # another counter on this folder (the one this start brought forward)
        except (NotOurs, OSError):
            pass
        forget(self.folder)


def main() -> None:
    command, args = sys.argv[1:2], sys.argv[2:]
    fast = {"trigger": fast_trigger, "run": fast_run}.get(command[0]) if command else fast_run
    if fast is not None:
        status = fast(args)
        if status is not None:
            sys.exit(status)
    from pos_coach.cli import main as full

    full()
