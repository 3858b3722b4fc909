"""Load and validate a 500-card pack (search as you type over it: bench_search.py).

Budget (DESIGN.md): load and validate 500 cards under 500 ms.
Run: .venv/bin/python benchmarks/bench_pack.py
"""

from __future__ import annotations

import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import median, print_table, time_ms

from pos_coach.cards import load_pack

SHIPPED = Path(__file__).resolve().parents[1] / "situations"
CARDS = 500


def make_pack(root: Path, cards: int) -> Path:
    """A pack of ``cards`` cards per language, built from the shipped ones with varied words."""
    rng = random.Random(7)
    for lang in ("ru", "en"):
        src = SHIPPED / lang
        dst = root / lang
        dst.mkdir(parents=True)
        shutil.copy(src / "pack.toml", dst / "pack.toml")
        originals = sorted(p for p in src.glob("*.toml") if p.name != "pack.toml")
        for n in range(cards):
            text = originals[n % len(originals)].read_text("utf-8")
            text = "\n".join(line for line in text.splitlines() if not line.startswith("hotkey"))
            marker = f"вариант{n} слово{rng.randint(0, 10_000)} item{n}"  # words of its own
            # the marker takes the first tag's place: a card may have no more than 60 tags
            text = re.sub(r'tags = \[\s*"[^"]*"', f'tags = ["{marker}"', text, count=1)
            text = text.replace('title = "', f'title = "{n} ', 1)
            (dst / f"card-{n:04d}.toml").write_text(text + "\n", "utf-8")
    return root


def rows() -> list[tuple[str, str, str, bool]]:
    root = make_pack(Path(tempfile.mkdtemp(prefix="pos-coach-bench-")), CARDS)
    load = time_ms(lambda: load_pack(root), repeat=7)
    result = load_pack(root)
    assert not result.problems, result.problems[:3]
    table = [
        (
            f"load + validate {CARDS} cards x 2 languages (median of 7)",
            "< 500 ms",
            f"{median(load):.0f} ms",
            median(load) < 500,
        ),
    ]
    shutil.rmtree(root)
    return table


def main() -> None:
    print_table(rows())


if __name__ == "__main__":
    main()
