"""PINs: the time of one hash for the shift lead's and the owner's work factor, and what a PIN
of 4, 6 or 8 digits withstands offline (someone with a copy of settings.json, one core) and at
the till (with the wait after wrong PINs).

Budget: a PIN check at the review (the lead's and the owner's hash, when the PIN is wrong)
under 500 ms.
Run: .venv/bin/python benchmarks/bench_pins.py
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import print_table, time_ms

from pos_coach.pins import LEAD_WORK, OWNER_WORK, delay_after, hash_pin, verify_pin

REPEAT = 15
DIGITS = (4, 6, 8)


def per_hash_ms(work: tuple[int, int, int]) -> float:
    stored = hash_pin("2468", work)
    return statistics.median(time_ms(lambda: verify_pin("1357", stored), REPEAT))


def at_the_till_s(tries: int, check_s: float) -> float:
    """Every PIN tried once at the till, waiting after each wrong one as the page makes you."""
    waits = sum(delay_after(n) for n in range(1, min(tries, 8)))
    waits += max(0, tries - 8) * delay_after(8)
    return waits + tries * check_s


def spoken(seconds: float) -> str:
    for unit, size in (("years", 365 * 86_400), ("days", 86_400), ("h", 3_600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:.1f} {unit}"
    return f"{seconds:.1f} s"


def rows() -> list[tuple[str, str, str, bool]]:
    lead, owner = per_hash_ms(LEAD_WORK), per_hash_ms(OWNER_WORK)
    table: list[tuple[str, str, str, bool]] = [
        (
            f"one hash, shift lead's PIN (scrypt N=2^{LEAD_WORK[0].bit_length() - 1})",
            "",
            f"{lead:.0f} ms",
            True,
        ),
        (
            f"one hash, owner's PIN (scrypt N=2^{OWNER_WORK[0].bit_length() - 1})",
            "",
            f"{owner:.0f} ms",
            True,
        ),
        (
            "wrong PIN at the review (both hashes)",
            "< 500 ms",
            f"{lead + owner:.0f} ms",
            lead + owner < 500,
        ),
    ]
    for whose, ms in (("lead", lead), ("owner", owner)):
        for digits in DIGITS:
            tries = 10**digits
            table.append(
                (
                    f"{digits}-digit {whose}'s PIN, all tried: offline on one core / at the till",
                    "",
                    f"{spoken(tries * ms / 1000)} / {spoken(at_the_till_s(tries, ms / 1000))}",
                    True,
                )
            )
    return table


if __name__ == "__main__":
    print_table(rows())
