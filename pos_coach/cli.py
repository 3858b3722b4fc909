"""The ``pos-coach`` command. Everything but ``run`` works without a display (and without Qt).

Exit statuses: :class:`pos_coach.exits.Exit`, one table for every command (click's own usage
error is its 2).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pos_coach import __version__
from pos_coach.exits import Exit
from pos_coach.i18n import LANGUAGES, message, system_lang
from pos_coach.paths import DATA_DIR_ENV

if TYPE_CHECKING:
    from pos_coach.journal import Journal


__all__ = ["Exit", "cli", "main"]  # Exit: as before, for who imports it from here

LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the interface and messages (default: the system's).",
)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pos-coach")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """POS Coach: what to do and say at the till, and a journal of how it went."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(run)


@cli.command()
@click.option(
    "--situations", type=click.Path(file_okay=False), help="Folder of the situation pack."
)
@click.option(
    "--data-dir", type=click.Path(file_okay=False), help="Folder for the journal and settings."
)
@LANG_OPTION
@click.option("--register", help="Name of this till (overrides the settings).")
@click.option(
    "--side", is_flag=True, help="Side-display mode: frameless, on top, never takes the keyboard."
)
def run(
    situations: str | None,
    data_dir: str | None,
    lang: str | None,
    register: str | None,
    side: bool = False,
) -> None:
    """Start the counter window."""
    from pos_coach.app import run_counter
    from pos_coach.launcher import Noted

    with Noted(data_dir):
        status = run_counter(situations, data_dir, lang, register, side)
    sys.exit(status)


@cli.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False))
@LANG_OPTION
@click.option("--strict", is_flag=True, help="Warnings fail the check too (exit 1).")
def check(directory: str | None, lang: str | None, strict: bool) -> None:
    """Validate a situation pack: one line per problem, then a summary.

    Errors (a card that is not shown) exit 1; warnings (shown, but worth a look: a missing
    translation, a rotated phrasing that reads as a later line) exit 0 unless --strict."""
    from pos_coach import paths
    from pos_coach.cards import Severity, load_pack

    lang = lang or system_lang()
    root = paths.situations_dir(directory)
    result = load_pack(root)
    for problem in result.problems:
        click.echo(problem.format(lang))
    errors = sum(p.severity is Severity.ERROR for p in result.problems)
    warnings = len(result.problems) - errors
    if errors or (warnings and strict):
        args = {"errors": errors, "warnings": warnings, "cards": result.card_count}
        click.echo(message("check_summary_bad", lang, args), err=True)
        sys.exit(Exit.PROBLEMS)
    args = {"cards": result.card_count, "langs": len(result.packs), "warnings": warnings}
    click.echo(message("check_summary_warn" if warnings else "check_summary_ok", lang, args))


@cli.command()
@click.argument("query", nargs=-1, required=True)
@LANG_OPTION
@click.option(
    "--situations", type=click.Path(file_okay=False), help="Folder of the situation pack."
)
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def search(
    query: tuple[str, ...], lang: str | None, situations: str | None, limit: int, fmt: str
) -> None:
    """Find the cards for QUERY as the counter's search does: ranked, with why each matched.

    Cards of every language of the pack are searched; they are shown in --lang. Exit status: 0
    with results, 1 with none (2: a mistake in the command line).
    """
    from pos_coach import paths
    from pos_coach.cards import load_pack
    from pos_coach.library import Library

    lang = lang or system_lang()
    text = " ".join(query)
    result = load_pack(paths.situations_dir(situations))
    pack = result.pack_for(lang)
    hits = []
    if pack is not None:
        library = Library(pack, result.packs.values())
        hits = library.search_hits(text, limit=limit)
    if fmt == "json":
        rows = [
            {
                "rank": rank,
                "id": hit.card.id,
                "title": hit.card.title,
                "lang": hit.card.lang,
                "score": hit.score,
                "why": [vars(match) for match in hit.why],
            }
            for rank, hit in enumerate(hits, 1)
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif hits:
        click.echo(message("search_header", lang))
        for rank, hit in enumerate(hits, 1):
            why = "; ".join(match.describe(hit.card.lang) for match in hit.why)
            click.echo(f"{rank}\t{hit.card.id}\t{hit.score:.1f}\t{hit.card.title}\t{why}")
    if not hits:
        if pack is None or not pack.cards:  # not the query: the folder has no cards to find
            for problem in result.problems[:3]:
                click.echo(f"pos-coach: {problem.format(lang)}", err=True)
        shown = text if len(text) <= 80 else text[:79] + "…"
        click.echo(message("search_none", lang, {"query": shown}), err=True)
        sys.exit(Exit.PROBLEMS)


def _open_journal(data_dir: str | None) -> Journal:
    """The journal of ``--data-dir`` (or the default), or a clear message and exit 1."""
    from pos_coach import paths
    from pos_coach.journal import JOURNAL_FILE, Journal, JournalError

    folder = paths.data_dir(data_dir)
    if not (folder / JOURNAL_FILE).is_file():
        click.echo(f"pos-coach: no journal in {folder} (give --data-dir?)", err=True)
        sys.exit(Exit.PROBLEMS)
    try:
        if not os.access(folder, os.W_OK):  # read-only media, a folder of someone else's
            return Journal.on_read_only_disk(folder / JOURNAL_FILE)
        return Journal.in_dir(folder, _migration_progress(folder / JOURNAL_FILE))
    except JournalError as exc:
        from pos_coach.journal.events import JournalBusyError

        again = "; try again in a moment" if isinstance(exc, JournalBusyError) else ""
        click.echo(f"pos-coach: {exc}{again}", err=True)
        sys.exit(Exit.PROBLEMS)


def _migration_progress(path: Path) -> Callable[[float], None]:
    """Tells standard error how far bringing an older journal forward has got (a big journal
    takes seconds, once), at most every few per cent; nothing at all for a current journal."""
    said = [-1]

    def progress(share: float) -> None:
        percent = int(share * 100)
        if percent < 100 and percent - said[0] < 5:
            return
        said[0] = percent
        end = "\n" if percent >= 100 else "\r"  # the same line, written over until done
        text = f"pos-coach: {path}: updating the journal to this version: {percent}%{end}"
        click.echo(text, err=True, nl=False)

    return progress


def _csv_out() -> None:
    """CSV brings its own line ends (CR LF): standard output must not turn each LF into CR LF
    again, as it does on Windows."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(newline="")


@contextlib.contextmanager
def _reading(journal: Journal) -> Iterator[None]:
    """Reading the journal to standard output: a damaged page met on the way, or an output
    that cannot be written (a full disk, a closed one), is said in a sentence naming the file
    and what to do, never a traceback (exit 1)."""
    import sqlite3

    try:
        if sys.stdout is None:  # started with its output closed (`>&-`)
            click.echo("pos-coach: standard output is closed: nowhere to write to", err=True)
            sys.exit(Exit.PROBLEMS)
        yield
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (`| head`): nothing to say, as any filter
        _drop_stdout()
        sys.exit(Exit.PROBLEMS)
    except OSError as exc:  # a full disk, a disk error
        _drop_stdout()
        click.echo(f"pos-coach: cannot write the output: {exc.strerror or exc}", err=True)
        sys.exit(Exit.PROBLEMS)
    except sqlite3.DatabaseError as exc:
        click.echo(
            f"pos-coach: {journal.path}: the journal cannot be read to the end ({exc}). Start"
            " POS Coach: it keeps the damaged file aside and copies every event that can still"
            " be read into a fresh journal.",
            err=True,
        )
        sys.exit(Exit.PROBLEMS)
    finally:
        journal.close()


def _never_seen(journal: Journal, column: str, value: str) -> str | None:
    """A sentence when no interaction of the journal ever had ``value`` in ``column`` (a
    typo, a category's name for a card's), with the values it has that come close."""
    import difflib

    sql = "SELECT DISTINCT value FROM tally_month WHERE dim = ? AND value != ''"
    params: tuple[str, ...] = (column,)
    if column == "cashier":  # every grouping's counts carry the cashier
        sql, params = "SELECT DISTINCT cashier FROM tally_month WHERE cashier != ''", ()
    known = [row[0] for row in journal.conn.execute(sql, params)]
    if value in known:
        return None
    folded = {k.casefold(): k for k in known}
    close = [folded[value.casefold()]] if value.casefold() in folded else []
    close += [k for k in difflib.get_close_matches(value, known, n=3, cutoff=0.6) if k not in close]
    said = f"no interaction in the journal has the {column} {value!r}"
    return f"{said}; did you mean {' or '.join(map(repr, close))}?" if close else said


def _drop_stdout() -> None:
    """What is still buffered for standard output is dropped: the exit would try it again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


DATA_DIR_OPTION = click.option(
    "--data-dir", type=click.Path(file_okay=False), help="Folder of the journal."
)


class Day(click.ParamType):
    """A day as YYYY-MM-DD, one that exists, that a report can start or end on."""

    name = "YYYY-MM-DD"
    FIRST, LAST = date(1, 1, 2), date(9999, 12, 30)  # a day either side, for any zone's offset

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> date:
        if isinstance(value, date):
            return value
        text = str(value).strip()
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            self.fail(f"{value!r} is not a day written YYYY-MM-DD", param, ctx)
        try:
            day = date.fromisoformat(text)
        except ValueError as exc:
            self.fail(f"{value!r} is not a day of the calendar ({exc})", param, ctx)
        if not self.FIRST <= day <= self.LAST:
            self.fail(f"{value!r}: a report covers {self.FIRST} to {self.LAST}", param, ctx)
        return day


@cli.command()
@click.option("--since", type=Day(), help="First day (shop's local date).")
@click.option("--until", type=Day(), help="Last day, included (default today).")
@click.option(
    "--by",
    type=click.Choice(
        ["situation", "cashier", "hour", "day", "weekday", "outcome", "lang", "source"]
    ),
    default="situation",
    show_default=True,
    help="What to group by (days and hours in the shop's local time).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "excel", "json"]),
    default="table",
    show_default=True,
    help="excel: CSV that Excel opens by double-click (byte-order mark, ';' between columns).",
)
@click.option("--cashier", help="Only this cashier.")
@click.option("--situation", help="Only this situation (card id).")
@DATA_DIR_OPTION
@LANG_OPTION
def report(
    since: date | None,
    until: date | None,
    by: str,
    fmt: str,
    cashier: str | None,
    situation: str | None,
    data_dir: str | None,
    lang: str | None,
) -> None:
    """Interactions and how they ended, grouped; the same figures as the review window."""
    from dataclasses import replace
    from datetime import timedelta

    from pos_coach import paths
    from pos_coach.clock import shop_zone
    from pos_coach.review import Filters, Reports
    from pos_coach.review.output import (
        rows_csv,
        rows_json,
        rows_table,
        table_word,
        weekday_name,
    )
    from pos_coach.review.periods import days
    from pos_coach.settings import Settings

    journal = _open_journal(data_dir)
    lang = lang or system_lang()
    settings = Settings.in_dir(paths.data_dir(data_dir), keep_aside=False)
    for line in settings.warning_lines(lang):  # a zone that does not exist, a broken file
        click.echo(f"pos-coach: {line}", err=True)
    with _reading(journal):
        zone = shop_zone(str(settings["timezone"]))
        last = until or min(datetime.now(zone).date(), Day.LAST)
        month = timedelta(days=29)  # the default: the last 30 days, never before the first
        first = since or (last - month if last - Day.FIRST >= month else Day.FIRST)
        if first > last:
            given = "" if until else f" (today, in {zone})"
            raise click.UsageError(f"--since {first} is after --until {last}{given}")
        period = days(first, last, zone)
        filters = Filters(cashier=cashier, situations=(situation,) if situation else None)
        reports = Reports(journal.conn, zone)
        rows = reports.rows(by, period, filters)
        if by in ("hour", "day", "weekday"):
            rows.sort(key=lambda r: r.key)
        total = reports.total(period, filters)
        if not total.interactions:  # a filter naming what the journal has never seen: say so
            for column, value in (("situation", situation), ("cashier", cashier)):
                if value is not None and (hint := _never_seen(journal, column, value)):
                    click.echo(f"pos-coach: {hint}", err=True)
        if by == "weekday" and fmt != "json":  # names for people; JSON keeps 0 = Monday
            rows = [replace(r, key=weekday_name(int(r.key), lang)) for r in rows]
        if fmt in ("csv", "excel"):
            _csv_out()
            rows_csv(rows, sys.stdout, excel=fmt == "excel")
        elif fmt == "json":
            payload = {
                "from": first.isoformat(),
                "to": last.isoformat(),
                "timezone": str(zone),
                "by": by,
                "rows": json.loads(rows_json(rows)),
                "total": total.as_dict(),
            }
            click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            grouped = table_word(f"by {by}", lang)
            click.echo(f"{first.isoformat()} – {last.isoformat()} ({zone}), {grouped}")
            click.echo(rows_table([*rows, total], by, lang))


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "excel", "jsonl"]),
    default="csv",
    show_default=True,
    help="excel: CSV that Excel opens by double-click (byte-order mark, ';' between columns).",
)
@DATA_DIR_OPTION
def export(fmt: str, data_dir: str | None) -> None:
    """Every event of the journal, oldest first, to standard output."""
    from pos_coach.review.output import events_csv, events_jsonl

    journal = _open_journal(data_dir)
    with _reading(journal):
        sys.stdout.flush()
        out = sys.stdout.buffer  # UTF-8 bytes, made by SQLite, whatever the console's encoding
        if fmt in ("csv", "excel"):
            events_csv(journal.conn, out, excel=fmt == "excel")
        else:
            events_jsonl(journal.conn, out)
        out.flush()


@cli.command()
@click.argument("dest", type=click.Path(dir_okay=True))
@DATA_DIR_OPTION
def backup(dest: str, data_dir: str | None) -> None:
    """A consistent copy of the journal in DEST (a file, or a folder to put it in), also while
    the app is writing to it. Never replaces a file."""
    from pathlib import Path

    from pos_coach import paths
    from pos_coach.journal import JournalError
    from pos_coach.journal.backup import backup as copy_journal

    try:
        copy = copy_journal(paths.data_dir(data_dir), Path(dest).expanduser())
    except JournalError as exc:
        click.echo(f"pos-coach: {exc}", err=True)
        sys.exit(Exit.PROBLEMS)
    click.echo(f"backed up {copy.events:,} events to {copy.path} (checked by SQLite: ok)")


@cli.command()
@click.option(
    "--days", type=click.IntRange(min=1), default=30, show_default=True, help="Days of data."
)
@click.option(
    "--per-day",
    type=click.IntRange(min=1),
    default=120,
    show_default=True,
    help="Average cards shown a day (weekends are busier).",
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    help="Folder of the demo journal (default: a folder of its own, never the real journal's).",
)
@click.option(
    "--seed", type=int, default=1, show_default=True, help="The same seed, the same journal."
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the cards and the cashiers' names (default: the system's).",
)
def demo(days: int, per_day: int, data_dir: str | None, seed: int, lang: str | None) -> None:
    """Fill a journal of its own with realistic made-up events, to try the reports on.

    Earlier demo data there is replaced; a journal with real events is refused.
    """
    from pathlib import Path

    from pos_coach import paths
    from pos_coach.cards import load_pack
    from pos_coach.demo import DemoRefused, demo_data_dir, generate
    from pos_coach.journal import Journal, JournalError

    pack = load_pack(paths.situations_dir()).pack_for(lang or system_lang())
    if pack is None or not pack.cards:
        click.echo(f"pos-coach: no situation cards in {paths.situations_dir()}", err=True)
        sys.exit(Exit.PROBLEMS)
    situations = {card.id: card.say for card in pack.ordered_cards()}
    folder = Path(data_dir).expanduser() if data_dir else demo_data_dir()
    try:
        journal = Journal.in_dir(folder)
    except JournalError as exc:
        click.echo(f"pos-coach: {exc}", err=True)
        sys.exit(Exit.PROBLEMS)
    try:
        written = generate(journal, situations, days, per_day=per_day, seed=seed, lang=pack.lang)
    except DemoRefused as exc:
        click.echo(f"pos-coach: {exc}", err=True)
        sys.exit(Exit.PROBLEMS)
    finally:
        journal.close()
    click.echo(f"wrote {written:,} demo events for {days} days into {journal.path}")


TRIGGER_HELP = f"""Show card ID in the running app; returns once it is on screen and logged.

Which app: the one of --data-dir, else of ${DATA_DIR_ENV}; given neither, the one of the
default data folder, else the one POS Coach of this user that is running (several: it names
their folders and asks for --data-dir).

\b
Exit status:
{Exit.OK:d} shown
{Exit.USAGE:d} a mistake in the command line (say, no ID)
{Exit.NOT_YET_LOGGED:d} shown, but its event is not yet in the journal (the disk refuses writes;
  the app keeps it)
{Exit.UNKNOWN_ID:d} no card has this id (close matches listed)
{Exit.NOT_OURS:d} another OS user answers the socket (refused: nothing was sent to it)
{Exit.BUSY:d} the app runs but did not take the request in time (too many callers): try again
{Exit.NOT_RUNNING:d} POS Coach is not running (the message names the folders looked in)
{Exit.NOT_SHOWN:d} the app took the request but could not show the card (the message says why)
{Exit.SEVERAL_RUNNING:d} several are running and none was named: give --data-dir
"""


@cli.command(help=TRIGGER_HELP)
@click.argument("card_id", metavar="ID")
@click.option(
    "--source", "origin", help="Who fires it (kept in the event's detail), e.g. gate-sensor."
)
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    help="Data folder of the app to show it in (default: see above).",
)
def trigger(card_id: str, origin: str | None, data_dir: str | None) -> None:
    from pos_coach.inlet.trigger import run_trigger

    sys.exit(run_trigger(card_id, origin, data_dir))


def main() -> None:
    cli(prog_name="pos-coach")


if __name__ == "__main__":  # pragma: no cover
    main()
