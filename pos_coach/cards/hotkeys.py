"""Hotkey strings: parse, normalise, and tell which ones the counter keeps for itself.

A hotkey is written as Qt's portable key text (``F2``, ``Ctrl+G``, ``Ctrl+Shift+F5``), so the
window can hand it straight to ``QKeySequence``. Plain letters and digits are not allowed: at the
counter, typing starts a search and digits record how an interaction ended.
"""

from __future__ import annotations

import re

from pos_coach.cards.problems import Msg

MODIFIERS = ("Ctrl", "Alt", "Shift", "Meta")
_MOD_ALIASES = {"ctrl": "Ctrl", "control": "Ctrl", "alt": "Alt", "shift": "Shift", "meta": "Meta"}
_FKEY = re.compile(r"^F([1-9]|1[0-9]|2[0-4])$")

# Combinations the app or the operating system already uses.
RESERVED: dict[str, str] = {
    "Ctrl+F": "why_app",  # focus search
    "Ctrl+Q": "why_app",  # quit
    "Ctrl+W": "why_app",
    "Ctrl+A": "why_app",  # editing in the search field
    "Ctrl+C": "why_app",
    "Ctrl+V": "why_app",
    "Ctrl+X": "why_app",
    "Ctrl+Z": "why_app",
    "Alt+F4": "why_system",
    "Ctrl+Alt+Delete": "why_system",
    "Alt+Tab": "why_system",
}


class HotkeyError(ValueError):
    """Raised with a message (a :class:`Msg`) saying why a hotkey cannot be used."""

    def __init__(self, msg: Msg) -> None:
        super().__init__(msg.code)
        self.msg = msg


def normalise(text: str) -> str:
    """Return the canonical form of ``text`` or raise :class:`HotkeyError`."""
    parts = [p.strip() for p in text.strip().split("+")]
    if not parts or any(not p for p in parts):
        raise HotkeyError(Msg("bad_hotkey", {"value": text}))
    *mods, key = parts
    canonical_mods: list[str] = []
    for mod in mods:
        name = _MOD_ALIASES.get(mod.lower())
        if name is None or name in canonical_mods:
            raise HotkeyError(Msg("bad_hotkey", {"value": text}))
        canonical_mods.append(name)
    key = key.upper() if len(key) == 1 else key[:1].upper() + key[1:].lower()
    is_fkey = bool(_FKEY.match(key))
    is_char = len(key) == 1 and (key.isascii() and key.isalnum())
    if not (is_fkey or is_char):
        raise HotkeyError(Msg("bad_hotkey", {"value": text}))
    ordered = [m for m in MODIFIERS if m in canonical_mods]
    result = "+".join([*ordered, key])
    if is_char and not ({"Ctrl", "Alt", "Meta"} & set(ordered)):
        why = "why_outcome" if key.isdigit() and not ordered else "why_typing"
        raise HotkeyError(Msg("reserved_hotkey", {"value": result, "why": Msg(why)}))
    if result in RESERVED:
        raise HotkeyError(Msg("reserved_hotkey", {"value": result, "why": Msg(RESERVED[result])}))
    return result
