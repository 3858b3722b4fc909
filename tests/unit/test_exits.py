"""One table of exit statuses for every command: distinct numbers, each documented, the same
ones in `--help` as in the code."""

from __future__ import annotations

from click.testing import CliRunner

from pos_coach import cli as cli_module
from pos_coach.cli import cli
from pos_coach.exits import MEANINGS, Exit, table


def test_every_status_has_a_number_of_its_own_and_a_meaning():
    numbers = [int(status) for status in Exit]
    assert len(set(numbers)) == len(numbers) == len(MEANINGS)
    assert Exit.USAGE == 2  # click's own, for every mistake in the command line
    assert Exit.NOT_RUNNING not in (Exit.USAGE, Exit.PROBLEMS)
    assert len({Exit.UNKNOWN_ID, Exit.NOT_SHOWN, Exit.BUSY, Exit.PROBLEMS}) == 4


def test_the_command_line_uses_the_one_table():
    assert cli_module.Exit is Exit


def test_the_readme_table_has_a_row_per_status():
    rows = table().splitlines()[2:]
    assert [row.split(" | ")[0] for row in rows] == [f"| {int(status)}" for status in Exit]
    assert all(f"`{status.name}`" in table() for status in Exit)


def test_trigger_help_lists_every_status_it_can_end_with():
    text = CliRunner().invoke(cli, ["trigger", "--help"]).output
    lines = text.splitlines()
    for status in Exit:
        if status is Exit.PROBLEMS:
            continue
        assert any(line.strip().startswith(f"{int(status)} ") for line in lines), status
    assert "POS_COACH_DATA_DIR" in text and "--data-dir" in text
