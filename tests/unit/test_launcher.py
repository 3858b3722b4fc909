"""The entry point's fast paths: plain ``run`` / ``trigger`` lines skip click, anything else
goes to the full command line, which explains mistakes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pos_coach import launcher
from pos_coach.launcher import RUN_FLAGS, RUN_OPTIONS, TRIGGER_OPTIONS, parse


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], ([], {}, set())),
        (["gate-alarm"], (["gate-alarm"], {}, set())),
        (
            ["gate-alarm", "--source", "gate 2", "--data-dir=/srv/till"],
            (["gate-alarm"], {"--source": "gate 2", "--data-dir": "/srv/till"}, set()),
        ),
        (["--source=a=b", "x"], (["x"], {"--source": "a=b"}, set())),
    ],
)
def test_trigger_lines_are_understood(args, expected) -> None:
    assert parse(args, TRIGGER_OPTIONS) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h"],
        ["x", "--source"],  # value missing
        ["x", "--source="],  # empty value
        ["x", "--source", "a", "--source", "b"],  # given twice
        ["x", "--sorce", "a"],  # misspelt: click says so
    ],
)
def test_anything_unusual_goes_to_the_full_parser(args) -> None:
    assert parse(args, TRIGGER_OPTIONS) is None


def test_run_lines_are_understood() -> None:
    args = ["--situations", "pack", "--data-dir=/d", "--lang", "en", "--side", "--register", "2"]
    positional, values, flags = parse(args, RUN_OPTIONS, RUN_FLAGS)
    assert positional == []
    assert values == {"--situations": "pack", "--data-dir": "/d", "--lang": "en", "--register": "2"}
    assert flags == {"--side"}


@pytest.mark.parametrize(
    "args", [["--lang", "de"], ["extra"], ["--help"], ["--side=yes"], ["--version"]]
)
def test_run_leaves_what_it_does_not_know_to_click(args, monkeypatch) -> None:
    def not_started(*_args: object) -> int:
        raise AssertionError("the counter was started")

    monkeypatch.setattr("pos_coach.app.run_counter", not_started)
    assert launcher.fast_run(args) is None


def test_run_passes_every_option_on(monkeypatch) -> None:
    seen: list[tuple[object, ...]] = []
    monkeypatch.setattr("pos_coach.app.run_counter", lambda *a: seen.append(a) or 0)
    assert launcher.fast_run(["--data-dir", "/d", "--side", "--lang", "ru"]) == 0
    assert seen == [(None, "/d", "ru", None, True)]


def test_the_full_parser_explains_a_mistake() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from pos_coach.launcher import main; main()",
            "run",
            "--lang",
            "de",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "'de' is not one of 'ru', 'en'" in done.stderr


def test_a_plain_run_does_not_import_click() -> None:
    code = (
        "import sys; import pos_coach.app as app; app.run_counter = lambda *a: 0; "
        "sys.argv = ['pos-coach', 'run', '--lang', 'en']; from pos_coach.launcher import main\n"
        "try:\n    main()\nexcept SystemExit as done:\n    print(done.code, 'click' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["0", "False"], done.stderr
