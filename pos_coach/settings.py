"""Shop settings kept in ``<data dir>/settings.json``: one table drives defaults, checks and docs.

UI state (window geometry) is Qt's business and lives in ``QSettings``; what a shift lead sets up
for the shop (its name, this register, the cashiers) lives here, next to the journal.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SETTINGS_FILE = "settings.json"
START = "<!-- settings:start -->"  # the README's settings table lies between these markers
END = "<!-- settings:end -->"
MAX_NAME = 40  # a cashier's name, as the counter's fields allow
MAX_CASHIERS = 100
MAX_PIN_FAILURES = 1_000_000  # wrong PINs counted beyond this change nothing: the wait is capped
LAST_SECOND = 253_402_300_799  # 9999-12-31T23:59:59Z, the latest time a setting may hold
_SHOWN_VALUE = 60  # a refused value is repeated in its warning up to this many characters
_ZONE_SHAPE = re.compile(r"[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+){0,3}")


_NOT_PLAIN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _decode(data: bytes) -> str:
    """A settings file as Windows Notepad saves it, too: UTF-8 with a byte-order mark, or
    UTF-16 (its "Unicode") with one; else plain UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def plain_text(text: str) -> bool:
    """Text a journal, a file and a screen can all hold: no control characters (NUL, escape,
    line breaks...) and no half of a UTF-16 surrogate pair, which UTF-8 cannot encode."""
    return _NOT_PLAIN.search(text) is None


@dataclass(frozen=True)
class Setting:
    """One setting: its default, its type, what it may hold, and the help the README shows."""

    name: str
    default: Any
    kind: type
    help: str
    low: int = 0  # a whole number: from low to high
    high: int = 0
    length: int = 0  # text: at most this many characters; a list: each of its names
    items: int = 0  # a list: at most this many names
    zone: bool = False  # text: empty, or an IANA time zone name
    secret: bool = False  # never repeated in a warning
    internal: bool = False  # kept by POS Coach itself, not meant to be set by hand

    def fits_type(self, value: object) -> bool:
        """The value has the setting's type (a bool is not a whole number here, nor the reverse)."""
        if self.kind is int:
            return type(value) is int
        if self.kind is list:
            return isinstance(value, list) and all(isinstance(item, str) for item in value)
        return type(value) is self.kind

    def allows(self, value: object, look_up_zone: bool = True) -> bool:
        """The value has the setting's type and keeps to its range or rule.

        A time zone's name is checked against the zone database only with ``look_up_zone``
        (reading it costs milliseconds the counter's start does not have); else its form.
        """
        if not self.fits_type(value):
            return False
        if isinstance(value, bool):
            return True
        if isinstance(value, int):
            return self.low <= value <= self.high
        if isinstance(value, str):
            if len(value) > self.length or not plain_text(value):
                return False
            return not self.zone or (_is_zone(value) if look_up_zone else _zone_shaped(value))
        if isinstance(value, list):
            return len(value) <= self.items and all(
                len(item) <= self.length and plain_text(item) for item in value
            )
        return False

    def rule(self, lang: str) -> str:
        """What the setting may hold, in words (the README's "allowed" column in English)."""
        from pos_coach.i18n import message

        if self.kind is bool:
            return message("rule_bool", lang)
        if self.kind is int:
            return message("rule_int", lang, {"low": self.low, "high": self.high})
        if self.kind is list:
            return message("rule_names", lang, {"items": self.items, "length": self.length})
        if self.zone:
            return message("rule_zone", lang, {"length": self.length})
        return message("rule_text", lang, {"length": self.length})


def _pin_attempts(pin: str, whose: str) -> tuple[Setting, Setting]:
    return (
        Setting(
            f"{pin}_failures",
            0,
            int,
            f"Wrong PINs typed for the {whose} since the last right one; kept beside the hash by"
            ' POS Coach itself, so the wait they call for goes on after a restart (see "PINs").',
            low=0,
            high=MAX_PIN_FAILURES,
            internal=True,
        ),
        Setting(
            f"{pin}_failed_at",
            0,
            int,
            f"When the last wrong PIN for the {whose} was typed (Unix time in seconds, 0: never);"
            " kept by POS Coach itself, for the record.",
            low=0,
            high=LAST_SECOND,
            internal=True,
        ),
    )


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "store",
        "",
        str,
        "The shop's name: shown in the header and used for `{store}` in phrasings.",
        length=80,
    ),
    Setting(
        "address",
        "",
        str,
        "The shop's address as you would tell it to the emergency services (street, number,"
        " town, postcode): used for `{address}` in the emergency cards.",
        length=200,
    ),
    Setting(
        "register",
        "1",
        str,
        "This till's name or number, written into every event (`--register` overrides it).",
        length=MAX_NAME,
    ),
    Setting(
        "cashiers",
        [],
        list,
        "The names offered at the start of a shift. A new name typed there is added.",
        length=MAX_NAME,
        items=MAX_CASHIERS,
    ),
    Setting(
        "lead_pin",
        "",
        str,
        "The shift lead's PIN, stored only as a salted scrypt hash; set at the counter on first"
        ' use of "Review".',
        length=256,
        secret=True,
    ),
    *_pin_attempts("lead_pin", "shift lead"),
    Setting(
        "owner_pin",
        "",
        str,
        "The owner's PIN (salted scrypt hash): opens the card editor, and the review too; set on"
        ' the first use of "Cards".',
        length=256,
        secret=True,
    ),
    *_pin_attempts("owner_pin", "owner"),
    Setting(
        "auto_return_seconds",
        120,
        int,
        "A card left untouched this long goes back to the tiles, logged as `dismissed` (0: never).",
        low=0,
        high=86_400,
    ),
    Setting(
        "side_display",
        False,
        bool,
        "Side-display mode (also `pos-coach run --side`): frameless, always on top, never takes"
        " the keyboard, remembers its screen, place and size.",
    ),
    Setting(
        "global_hotkeys",
        False,
        bool,
        "Card hotkeys also while the POS program has the keyboard (needs `pip install pynput`;"
        " not possible on Wayland — the banner says so).",
    ),
    Setting(
        "trigger_flash",
        True,
        bool,
        "A card that arrives from outside flashes briefly, so a cashier watching the customer"
        " notices.",
    ),
    Setting("trigger_sound", False, bool, "A card that arrives from outside also beeps softly."),
    Setting(
        "http_enabled",
        False,
        bool,
        'Start the loopback HTTP inlet (see "For integrators").',
    ),
    Setting(
        "http_port",
        8765,
        int,
        "The HTTP inlet's port, on 127.0.0.1 only.",
        low=1024,
        high=65_535,
    ),
    Setting(
        "http_token",
        "",
        str,
        "The token the HTTP inlet requires; made up the first time the inlet is enabled.",
        length=128,
        secret=True,
    ),
    Setting(
        "lock_minutes",
        5,
        int,
        "Minutes without a touch after which the review and the editor close, back to the counter.",
        low=1,
        high=1_440,
    ),
    Setting(
        "timezone",
        "",
        str,
        "The shop's time zone (`Europe/Moscow`, …) for the days and hours of reports; empty means"
        " the computer's own.",
        length=64,
        zone=True,
    ),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    """The row of :data:`SETTINGS` for ``name``."""
    return _BY_NAME[name]


@dataclass(frozen=True)
class SettingsWarning:
    """Something wrong with the settings file, said at start in the reader's language."""

    code: str
    args: Mapping[str, object]
    setting: Setting | None = None

    def text(self, lang: str) -> str:
        from pos_coach.i18n import message

        args = dict(self.args)
        if self.setting is not None:
            args["rule"] = self.setting.rule(lang)
            if self.setting.secret:
                args["value"] = message("value_hidden", lang)
        return message(self.code, lang, args)


class Settings:
    """Settings loaded from a JSON file. A broken file is kept aside and the defaults are used;
    a value of the wrong type or out of its range is not used either: its default is. Each
    such case leaves one line in :attr:`warnings`."""

    def __init__(self, path: Path, look_up_zone: bool = True, keep_aside: bool = True) -> None:
        """``look_up_zone=False`` leaves the time zone's lookup to :meth:`check_zone`, later;
        ``keep_aside=False`` (a command that only reads them) leaves a broken file where it is,
        for the app to keep aside and say so."""
        self.path = Path(path)
        self.values: dict[str, Any] = {s.name: _copy(s.default) for s in SETTINGS}
        self.warnings: list[SettingsWarning] = []
        self.read_at = time.monotonic()  # a wait the file calls for (wrong PINs) counts from here
        self._keep_aside = keep_aside
        self._load(look_up_zone)

    @classmethod
    def in_dir(cls, data_dir: Path, look_up_zone: bool = True, keep_aside: bool = True) -> Settings:
        return cls(Path(data_dir) / SETTINGS_FILE, look_up_zone, keep_aside)

    def check_zone(self) -> SettingsWarning | None:
        """Look the time zone up in the zone database; one that does not exist is not used
        (the computer's own is) and the warning returned is also kept in :attr:`warnings`."""
        name = self.values["timezone"]
        if _is_zone(name):
            return None
        self.values["timezone"] = ""
        warning = self._refused(_BY_NAME["timezone"], name)
        self.warnings.append(warning)
        return warning

    def _refused(self, setting: Setting, value: object) -> SettingsWarning:
        args: dict[str, object] = {
            "path": str(self.path),
            "name": setting.name,
            "value": _shown(value),
            "default": _shown(setting.default),
        }
        return SettingsWarning("setting_refused", args, setting)

    def _load(self, look_up_zone: bool) -> None:
        if not self.path.exists():
            return
        try:
            raw = json.loads(_decode(self.path.read_bytes()))
            if not isinstance(raw, dict):
                raise ValueError("the top level is not an object")
        except (OSError, ValueError, RecursionError) as exc:  # not UTF-8, not JSON, too deep
            from pos_coach.paths import keep_aside

            detail = {"path": str(self.path), "detail": str(exc)[:200]}
            if not self._keep_aside:
                self.warnings.append(SettingsWarning("settings_broken_here", detail))
                return
            try:
                backup = keep_aside(self.path, "broken")  # never replaces an earlier copy
                self.warnings.append(
                    SettingsWarning("settings_broken", {**detail, "backup": backup.name})
                )
            except OSError:
                self.warnings.append(SettingsWarning("settings_broken_here", detail))
            return
        for name, value in raw.items():
            setting = _BY_NAME.get(name)
            if setting is None:
                continue
            if setting.allows(value, look_up_zone):
                self.values[name] = _copy(value)
            else:
                self.warnings.append(self._refused(setting, value))

    def warning_lines(self, lang: str, at_most: int | None = None) -> list[str]:
        """The warnings as lines; with ``at_most``, the first few and one line counting the rest."""
        lines = [warning.text(lang) for warning in self.warnings]
        if at_most is None or len(lines) <= at_most:
            return lines
        from pos_coach.i18n import message

        rest = len(lines) - (at_most - 1)
        more = message("settings_more", lang, {"count": rest})
        return [*lines[: at_most - 1], more]

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def __setitem__(self, name: str, value: Any) -> None:
        setting = _BY_NAME[name]
        if not setting.fits_type(value):
            raise TypeError(f"setting {name!r} must be {setting.rule('en')}")
        if not setting.allows(value):
            raise ValueError(f"setting {name!r} must be {setting.rule('en')}")
        self.values[name] = _copy(value)

    @property
    def cashiers(self) -> list[str]:
        return [str(c) for c in self.values["cashiers"] if str(c).strip()]

    def save(self) -> None:
        """Write atomically: a temp file in the same folder, then a rename."""
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        import tempfile  # here: 3 ms to import, and most commands only read the settings

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


def settings_table(lang: str = "en") -> str:
    """The README's table of settings: name, default, what is allowed, what it is."""
    lines = ["| setting | default | allowed | what it is |", "| --- | --- | --- | --- |"]
    for setting in SETTINGS:
        default = setting.default
        if default in ("", []):
            shown = "empty"
        else:
            shown = f"`{_shown(default)}`" if not isinstance(default, str) else f"`{default}`"
        lines.append(f"| `{setting.name}` | {shown} | {setting.rule(lang)} | {setting.help} |")
    return "\n".join(lines)


def _zone_shaped(name: str) -> bool:
    """Empty, or shaped like an IANA zone's name (``Europe/Moscow``, ``Etc/GMT+3``, ``UTC``)."""
    return not name or _ZONE_SHAPE.fullmatch(name) is not None


def _is_zone(name: str) -> bool:
    if not name:
        return True
    if not _zone_shaped(name):
        return False
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _shown(value: object) -> str:
    """A value as JSON writes it, cut short when long."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _SHOWN_VALUE else text[: _SHOWN_VALUE - 1] + "…"


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value
