"""The real program with a settings file a hostile tester wrote: values far out of range."""

from __future__ import annotations

import json
import signal
import subprocess

from pos_coach.inlet.client import request
from tests.e2e.running import start_app


def test_out_of_range_settings_are_named_and_the_counter_works_on_the_defaults(tmp_path):
    """auto_return_seconds over 24.8 days overflowed Qt's timer, so no card could be opened
    (a trigger was refused); a port over 65535 ended in a traceback just after the start."""
    data = tmp_path / "data"
    data.mkdir()
    settings = data / "settings.json"
    settings.write_text(
        json.dumps(
            {
                "auto_return_seconds": 3_000_000,
                "http_enabled": True,
                "http_port": 70_000,
                "timezone": "Mars/Olympus",  # looked up just after the first paint
            }
        ),
        "utf-8",
    )
    process = start_app(data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        answer = request(data, {"cmd": "trigger", "id": "greeting", "source": "trigger"})
        assert answer["ok"] is True, answer
        assert request(data, {"cmd": "where", "name": "bannerText"})["ok"]  # the banner says it
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert (
        f"pos-coach: {settings}: auto_return_seconds = 3000000 is not allowed"
        " (a whole number from 0 to 86400); the default 120 is used"
    ) in err
    assert (
        f"pos-coach: {settings}: http_port = 70000 is not allowed"
        " (a whole number from 1024 to 65535); the default 8765 is used"
    ) in err
    assert f'pos-coach: {settings}: timezone = "Mars/Olympus" is not allowed' in err
