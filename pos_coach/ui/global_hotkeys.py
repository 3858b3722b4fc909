"""Optional global hotkeys: card hotkeys that work while the POS program has the keyboard.

Off by default (setting ``global_hotkeys``). Uses pynput, imported only when switched on and
installed (``pip install pynput``, or the ``global-hotkeys`` extra). Where the platform cannot
do it — Wayland does not let a program listen to keys meant for another, and on Windows keys
pressed while an elevated program has the focus are missed — :func:`availability` says so in
plain words, and the counter shows it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt, Signal

from pos_coach.i18n import message


def to_pynput(hotkey: str) -> str:
    """Qt's portable text ("Ctrl+Shift+F5", "F2") as pynput's ("<ctrl>+<shift>+<f5>", "<f2>")."""
    parts = []
    for part in hotkey.split("+"):
        lower = part.lower()
        if lower in ("ctrl", "alt", "shift") or (lower.startswith("f") and lower[1:].isdigit()):
            parts.append(f"<{lower}>")
        elif lower == "meta":
            parts.append("<cmd>")
        else:
            parts.append(lower)
    return "+".join(parts)


def availability(lang: str = "en") -> str | None:
    """None when global hotkeys can work here; otherwise why not, for the owner to read."""
    if sys.platform.startswith("linux") and (
        os.environ.get("XDG_SESSION_TYPE") == "wayland" or os.environ.get("WAYLAND_DISPLAY")
    ):
        return message("hotkeys_wayland", lang)
    try:
        import pynput  # noqa: F401
    except Exception:  # not installed, or no X display to talk to
        return message("hotkeys_missing", lang)
    return None


class GlobalHotkeys(QObject):
    """Listens on its own thread; each hotkey arrives on the Qt thread as ``pressed(card_id)``."""

    pressed = Signal(str)

    def __init__(self, hotkeys: Iterable[tuple[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        from pynput import keyboard

        self._relay = _Relay()
        self._relay.fired.connect(self.pressed, Qt.ConnectionType.QueuedConnection)
        mapping = {
            to_pynput(key): (lambda card_id=card_id: self._relay.fired.emit(card_id))
            for key, card_id in hotkeys
        }
        self.listener = keyboard.GlobalHotKeys(mapping)
        self.listener.daemon = True
        self.listener.start()

    def stop(self) -> None:
        self.listener.stop()


class _Relay(QObject):
    fired = Signal(str)
