"""Rewrite the situations table in README.md from the shipped pack.

Usage: python tools/situations_table.py
"""

from __future__ import annotations

from pathlib import Path

from pos_coach import paths
from pos_coach.cards import load_pack
from pos_coach.cards.table import replace_between_markers, situations_table

README = Path(__file__).resolve().parents[1] / "README.md"


def main() -> None:
    table = situations_table(load_pack(paths.bundled("situations")))
    README.write_text(replace_between_markers(README.read_text("utf-8"), table), "utf-8")
    print(f"{README}: {table.count(chr(10)) - 1} situations")


if __name__ == "__main__":
    main()
