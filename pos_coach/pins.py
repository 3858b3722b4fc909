"""PINs for the shift lead and the owner: salted scrypt hashes, wrong attempts slowed down.

Only the hash is kept (``scrypt$n$r$p$salt$hash``, hex), in the shop settings. After each wrong
PIN the next attempt must wait a little longer (1 s, 2 s, 4 s ... at most 60 s), so guessing a
four-digit PIN at the till takes days, while a cashier who mistypes once hardly notices.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field

N, R, P = 2**14, 8, 1
MIN_LENGTH = 4
MAX_DELAY = 60.0


def hash_pin(pin: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = hashlib.scrypt(
            pin.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual.hex(), digest)


def valid_new_pin(pin: str) -> bool:
    return pin.isdigit() and len(pin) >= MIN_LENGTH


@dataclass
class Gate:
    """Checks PINs against stored hashes (any of them opens) and slows down wrong attempts."""

    stored: str | tuple[str, ...]
    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    _blocked_until: float = field(default=0.0)

    def wait_left(self) -> float:
        """Seconds before the next attempt is allowed (0 when it is)."""
        return max(0.0, self._blocked_until - self.clock())

    def try_pin(self, pin: str) -> bool:
        """True when right. A wrong PIN, or one tried too soon, returns False."""
        if self.wait_left() > 0:
            return False
        hashes = (self.stored,) if isinstance(self.stored, str) else self.stored
        if any(verify_pin(pin, stored) for stored in hashes if stored):
            self.failures = 0
            return True
        self.failures += 1
        self._blocked_until = self.clock() + min(MAX_DELAY, 2.0 ** (self.failures - 1))
        return False
