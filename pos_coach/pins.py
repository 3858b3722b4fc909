"""PINs for the shift lead and the owner: salted scrypt hashes, wrong attempts slowed down.

Only the hash is kept (``scrypt$n$r$p$salt$hash``, hex), in the shop settings; the owner's PIN,
which opens the editor too, is hashed with four times the work of the shift lead's. After each
wrong PIN the next attempt must wait a little longer (1 s, 2 s, 4 s ... at most 60 s), so
guessing a four-digit PIN at the till takes days, while a cashier who mistypes once hardly
notices. The count of wrong PINs is kept in the settings beside the hash, so a restart does not
reset it: after a restart the whole wait the count calls for is asked again, measured on the
run's own steady clock, so no wall clock set back or forward can shorten or lengthen it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from pos_coach.settings import LAST_SECOND, MAX_PIN_FAILURES

if TYPE_CHECKING:
    from pos_coach.settings import Settings

Work = tuple[int, int, int]  # scrypt's n, r, p
LEAD_WORK: Work = (2**14, 8, 1)  # ~65 ms per hash on the reference machine (see the README)
OWNER_WORK: Work = (2**16, 8, 1)  # ~0.33 s per hash, 64 MiB of memory
MIN_LENGTH = 4
MAX_LENGTH = 12
OWNER_ADVISED_LENGTH = 6  # shorter owner's PINs are allowed, with a word of advice
MAX_DELAY = 60.0
_MAX_EXPONENT = 6  # 2 ** 6 = 64 s is already past MAX_DELAY: more failures change nothing
_MAX_MEMORY = 2**28  # scrypt may take up to 256 MiB (the owner's work needs 64 MiB)
_MAX_COST = 2**17 * 8  # n * r * p of a stored hash; more would hold the counter for seconds
PIN_NAMES = ("lead_pin", "owner_pin")


def hash_pin(pin: str, work: Work = LEAD_WORK) -> str:
    n, r, p = work
    salt = os.urandom(16)
    digest = hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAX_MEMORY, dklen=32
    )
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches ``stored`` (any work factor this module ever wrote)."""
    try:
        scheme, n_text, r_text, p_text, salt, digest = stored.split("$")
        n, r, p = int(n_text), int(r_text), int(p_text)
        if scheme != "scrypt" or min(n, r, p) < 1 or n * r * p > _MAX_COST:
            return False
        actual = hashlib.scrypt(
            pin.encode("utf-8"),
            salt=bytes.fromhex(salt),
            n=n,
            r=r,
            p=p,
            maxmem=_MAX_MEMORY,
            dklen=32,
        )
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(actual.hex(), digest)


def valid_new_pin(pin: str) -> bool:
    """4 to 12 digits 0-9 (no other script's digits: the pad and a till keyboard type these)."""
    return pin.isascii() and pin.isdigit() and MIN_LENGTH <= len(pin) <= MAX_LENGTH


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong PINs in a row: 0, 1, 2, 4 ... at most 60.

    The exponent is capped before the power is taken, so no count can overflow.
    """
    if failures <= 0:
        return 0.0
    return min(MAX_DELAY, float(2 ** min(failures - 1, _MAX_EXPONENT)))


class Guard:
    """One PIN (``lead_pin`` or ``owner_pin``) and the wrong attempts at it.

    The count and the time of the last wrong PIN live in the settings beside the hash
    (``<name>_failures``, ``<name>_failed_at``); the wait itself is measured on ``clock``, a
    steady clock, from the last failure of this run or, after a restart, from ``since`` (when
    the settings were read): the full wait the count calls for. The wall-clock time is kept for
    the record only: a clock set back or forward cannot be told from time passing.
    """

    def __init__(
        self,
        settings: Settings,
        name: str,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
        since: float | None = None,
    ) -> None:
        self.settings = settings
        self.name = name
        self.clock = clock
        self.wall = wall
        self.work = OWNER_WORK if name == "owner_pin" else LEAD_WORK
        self._until = (clock() if since is None else since) + delay_after(self.failures)

    @property
    def stored(self) -> str:
        return str(self.settings[self.name])

    @property
    def failures(self) -> int:
        return int(self.settings[f"{self.name}_failures"])

    def wait_left(self) -> float:
        """Seconds before this PIN may be tried again (0 when it may)."""
        return max(0.0, min(delay_after(self.failures), self._until - self.clock()))

    def matches(self, pin: str) -> bool:
        return bool(self.stored) and verify_pin(pin, self.stored)

    def failed(self) -> None:
        failures = min(self.failures + 1, MAX_PIN_FAILURES)
        self.settings[f"{self.name}_failures"] = failures
        self.settings[f"{self.name}_failed_at"] = min(max(int(self.wall()), 0), LAST_SECOND)
        self._until = self.clock() + delay_after(failures)

    def passed(self) -> None:
        self.settings[f"{self.name}_failures"] = 0
        self._until = self.clock()

    def set_pin(self, pin: str) -> None:
        """A new PIN: hashed with this PIN's work factor; no wrong attempts against it yet."""
        self.settings[self.name] = hash_pin(pin, self.work)
        self.passed()


class Gate:
    """Checks a PIN against some guards' PINs (any of them opens) and slows down wrong ones.

    A PIN still waiting is not checked at all: at the review, where the shift lead's and the
    owner's PIN both open, guesses against the owner's PIN keep to its own pace, while the lead
    who mistypes once waits only for the lead's PIN. ``save`` is called after every change of
    the counts; when it cannot write them they still hold until the app closes.
    """

    def __init__(self, guards: Sequence[Guard], save: Callable[[], object] = lambda: None) -> None:
        self.guards = [guard for guard in guards if guard.stored]
        self.save = save

    @property
    def empty(self) -> bool:
        """No PIN set yet: the page asks for a new one."""
        return not self.guards

    def wait_left(self) -> float:
        """Seconds before the next attempt is allowed (0 when it is)."""
        return min((guard.wait_left() for guard in self.guards), default=0.0)

    def try_pin(self, pin: str) -> bool:
        """True when right. A wrong PIN, or one tried too soon, returns False."""
        ready = [guard for guard in self.guards if guard.wait_left() <= 0]
        if not ready:
            return False
        right = next((guard for guard in ready if guard.matches(pin)), None)
        if right is not None:
            if right.failures:
                right.passed()
                self.save()
            return True
        for guard in ready:
            guard.failed()
        self.save()
        return False
