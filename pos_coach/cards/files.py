"""Where a pack keeps its files: language folders, the pack file, card files (no parsing)."""

from __future__ import annotations

import re
from pathlib import Path

from pos_coach.i18n import LANGUAGES

PACK_FILE = "pack.toml"
LANG_DIR = re.compile(r"^[a-z]{2}$")


def language_dirs(root: Path) -> list[Path]:
    """The language folders of a pack (``ru/``, ``en/``...), the app's languages first."""
    dirs = [d for d in root.iterdir() if d.is_dir() and LANG_DIR.match(d.name)]
    order = {lang: i for i, lang in enumerate(LANGUAGES)}
    return sorted(dirs, key=lambda d: (order.get(d.name, len(order)), d.name))


def card_files(lang_dir: Path) -> list[Path]:
    """Card files of one language; names starting with ``_`` are drafts and are skipped."""
    return sorted(
        p
        for p in lang_dir.glob("*.toml")
        if p.name != PACK_FILE and not p.name.startswith(("_", "."))
    )
