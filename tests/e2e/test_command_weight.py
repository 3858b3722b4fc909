"""The shift lead's commands load only what they need: no Qt, no numpy, no sqlite-utils.

Each of those costs tens to hundreds of milliseconds at every run of a command that should
answer in well under a tenth of a second.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pos_coach.journal import Event, Journal

HEAVY = ("numpy", "sqlite_utils", "PySide6", "matplotlib")
PROBE = """
import json, runpy, sys
wanted, watched = json.loads(sys.argv[1]), set(json.loads(sys.argv[2]))
sys.argv = ["pos-coach", *wanted]
try:
    runpy.run_module("pos_coach", run_name="__main__")
except SystemExit as exit:
    code = exit.code
else:
    code = 0
heavy = sorted({m.split(".")[0] for m in sys.modules} & watched)
print(json.dumps({"code": code, "heavy": heavy}), file=sys.stderr)
"""


@pytest.fixture
def data_dir(tmp_path):
    journal = Journal.in_dir(tmp_path)
    journal.append(Event("shown", cashier="Anna", interaction="i-1", situation="greeting"))
    journal.append(Event("outcome", cashier="Anna", interaction="i-1", outcome="wow"))
    journal.close()
    return tmp_path


@pytest.mark.parametrize(
    "argv",
    [
        ["report"],
        ["report", "--by", "hour", "--format", "json"],
        ["report", "--since", "2030-01-01", "--until", "2030-01-02"],
        ["export"],
        ["export", "--format", "jsonl"],
    ],
)
def test_reading_the_journal_loads_nothing_heavy(data_dir, argv):
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps([*argv, "--data-dir", str(data_dir)]),
         json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        check=True,
    )  # fmt: skip
    verdict = json.loads(done.stderr.strip().splitlines()[-1])
    assert verdict == {"code": 0, "heavy": []}
    assert done.stdout.strip()  # it did answer
