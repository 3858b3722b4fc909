"""Shop settings kept in ``<data dir>/settings.json``: one table drives defaults, checks and docs.

UI state (window geometry) is Qt's business and lives in ``QSettings``; what a shift lead sets up
for the shop (its name, this register, the cashiers) lives here, next to the journal.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    kind: type
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("store", "", str, "The shop's name, used for {store} in phrasings and in reports."),
    Setting("register", "1", str, "This till's name or number, written into every event."),
    Setting(
        "cashiers", [], list, "Names offered at the start of a shift (editable at the counter)."
    ),
    Setting(
        "lead_pin", "", str, "The shift lead's PIN as a salted scrypt hash (set at the counter)."
    ),
    Setting(
        "owner_pin",
        "",
        str,
        "The owner's PIN as a salted scrypt hash; opens the editor and the review.",
    ),
    Setting(
        "lock_minutes", 5, int, "Minutes without a touch before the review or the editor locks."
    ),
    Setting(
        "auto_return_seconds",
        120,
        int,
        "An untouched card goes back to the tiles after this (0: never).",
    ),
    Setting(
        "side_display", False, bool, "Frameless, always on top, never takes the POS's keyboard."
    ),
    Setting(
        "global_hotkeys", False, bool, "Card hotkeys also while the POS has the keyboard (pynput)."
    ),
    Setting("trigger_flash", True, bool, "Flash a card that arrives from outside (trigger, HTTP)."),
    Setting("trigger_sound", False, bool, "Beep softly when a card arrives from outside."),
    Setting(
        "http_enabled", False, bool, "Listen for POST /trigger/<id> on 127.0.0.1 (off by default)."
    ),
    Setting("http_port", 8765, int, "Port of the loopback HTTP inlet."),
    Setting("http_token", "", str, "The token the HTTP inlet requires (made when first enabled)."),
    Setting(
        "timezone",
        "",
        str,
        "The shop's time zone (IANA name such as Europe/Moscow) for reports' days and hours;"
        " empty means the computer's own.",
    ),
)
_BY_NAME = {s.name: s for s in SETTINGS}


class Settings:
    """Settings loaded from a JSON file; a broken file is kept aside and defaults are used."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.values: dict[str, Any] = {s.name: _copy(s.default) for s in SETTINGS}
        self.warning: str | None = None
        self._load()

    @classmethod
    def in_dir(cls, data_dir: Path) -> Settings:
        return cls(Path(data_dir) / SETTINGS_FILE)

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            raw = json.loads(self.path.read_text("utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("the top level is not an object")
        except (OSError, ValueError) as exc:
            from pos_coach.paths import keep_aside

            try:
                backup = keep_aside(self.path, "broken")  # never replaces an earlier copy
                self.warning = f"{self.path}: {exc}; kept as {backup.name}, defaults in use"
            except OSError:
                self.warning = f"{self.path}: {exc}; defaults in use"
            return
        for name, value in raw.items():
            setting = _BY_NAME.get(name)
            if setting is not None and isinstance(value, setting.kind):
                self.values[name] = value

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def __setitem__(self, name: str, value: Any) -> None:
        setting = _BY_NAME[name]
        if not isinstance(value, setting.kind):
            raise TypeError(f"setting {name!r} must be {setting.kind.__name__}")
        self.values[name] = value

    @property
    def cashiers(self) -> list[str]:
        return [str(c) for c in self.values["cashiers"] if str(c).strip()]

    def save(self) -> None:
        """Write atomically: a temp file in the same folder, then a rename."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self.values, handle, ensure_ascii=False, indent=2)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value
