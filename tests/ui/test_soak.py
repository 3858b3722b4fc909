"""A compressed 12-hour shift: 5,000 interactions through the counter window.

Run in a process of its own (tests/ui/soak_shift.py) so that the memory measured is the app's,
not the test session's. Memory must stay flat after warm-up and under 200 MB, and no widgets or
timers may pile up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_long_shift_keeps_memory_widgets_and_timers_flat(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.soak_shift", str(tmp_path / "data")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    start, end = figures["start"], figures["end"]
    print(f"rss {start['rss']:.1f} -> {end['rss']:.1f} MB")
    assert end["widgets"] == start["widgets"]
    assert end["timers"] == start["timers"]
    assert end["rss"] - start["rss"] < 5, figures
    assert end["rss"] < 200, figures
    assert figures["shown"] >= 5_000 * 0.99
