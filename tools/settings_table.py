"""Rewrite the settings table in README.md from the table of settings in pos_coach/settings.py.

Usage: python tools/settings_table.py
"""

from __future__ import annotations

from pathlib import Path

from pos_coach.cards.table import replace_between_markers
from pos_coach.settings import END, START, settings_table

README = Path(__file__).resolve().parents[1] / "README.md"


def main() -> None:
    table = settings_table()
    text = replace_between_markers(README.read_text("utf-8"), table, START, END)
    README.write_text(text, "utf-8")
    print(f"{README}: {table.count(chr(10)) - 1} settings")


if __name__ == "__main__":
    main()
