"""The ``pos-coach`` command. Everything but ``run`` works without a display (and without Qt)."""

from __future__ import annotations

import locale
import os
import sys
from enum import IntEnum

import click

from pos_coach import __version__
from pos_coach.i18n import LANGUAGES, message, normalise_lang


class Exit(IntEnum):
    OK = 0
    PROBLEMS = 1
    NOT_RUNNING = 2


def system_lang() -> str:
    """The language of the user's locale, as far as the environment tells."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(var):
            return normalise_lang(os.environ[var])
    return normalise_lang(locale.getlocale()[0])


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
def run(
    situations: str | None, data_dir: str | None, lang: str | None, register: str | None
) -> None:
    """Start the counter window."""
    from pos_coach import paths
    from pos_coach.app import Options, start

    options = Options(
        situations=paths.situations_dir(situations),
        data_dir=paths.data_dir(data_dir),
        lang=lang or system_lang(),
        register=register,
    )
    sys.exit(start(options))


@cli.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False))
@LANG_OPTION
def check(directory: str | None, lang: str | None) -> None:
    """Validate a situation pack: one line per problem, then a summary."""
    from pos_coach import paths
    from pos_coach.cards import load_pack

    lang = lang or system_lang()
    root = paths.situations_dir(directory)
    result = load_pack(root)
    for problem in result.problems:
        click.echo(problem.format(lang))
    if result.problems:
        args = {"count": len(result.problems), "cards": result.card_count}
        click.echo(message("check_summary_bad", lang, args), err=True)
        sys.exit(Exit.PROBLEMS)
    args = {"cards": result.card_count, "langs": len(result.packs)}
    click.echo(message("check_summary_ok", lang, args))


def main() -> None:
    cli(prog_name="pos-coach")


if __name__ == "__main__":  # pragma: no cover
    main()
