"""PIN hashing, the slow-down after wrong attempts, and its counts kept in the settings."""

from __future__ import annotations

import hashlib
import json
import os

import pytest

from pos_coach.pins import (
    LEAD_WORK,
    MAX_DELAY,
    OWNER_WORK,
    Gate,
    Guard,
    delay_after,
    hash_pin,
    valid_new_pin,
    verify_pin,
)
from pos_coach.settings import MAX_PIN_FAILURES, Settings

CHEAP = (2, 1, 1)  # a scrypt work factor that costs nothing: for counting thousands of tries


def test_hash_is_salted_and_verifies():
    first, second = hash_pin("1234"), hash_pin("1234")
    assert first != second and first.startswith("scrypt$16384$8$1$")
    assert "1234" not in first
    assert verify_pin("1234", first) and verify_pin("1234", second)
    assert not verify_pin("1235", first)
    assert not verify_pin("1234", "garbage") and not verify_pin("1234", "")


def test_the_owners_pin_takes_more_work_and_older_hashes_still_verify():
    owner = hash_pin("24681357", OWNER_WORK)
    assert owner.startswith("scrypt$65536$8$1$") and verify_pin("24681357", owner)
    assert OWNER_WORK[0] >= 4 * LEAD_WORK[0]
    # a hash written before the owner's work factor changed: n/r/p are read from the hash
    salt = os.urandom(16)
    digest = hashlib.scrypt(b"1234", salt=salt, n=2**14, r=8, p=1, dklen=32)
    assert verify_pin("1234", f"scrypt$16384$8$1${salt.hex()}${digest.hex()}")


def test_a_stored_hash_asking_for_absurd_work_is_refused_at_once():
    """A settings file with n = 2^24 or p = 10^6 must not hold the counter for minutes."""
    salt, digest = "00" * 16, "00" * 32
    for n, r, p in ((2**24, 8, 1), (2**14, 8, 1_000_000), (0, 8, 1), (2**14, -1, 1)):
        assert not verify_pin("1234", f"scrypt${n}${r}${p}${salt}${digest}")


def test_new_pins_are_four_to_twelve_digits():
    assert valid_new_pin("0000") and valid_new_pin("123456") and valid_new_pin("1" * 12)
    assert not valid_new_pin("123") and not valid_new_pin("12a4") and not valid_new_pin("")
    assert not valid_new_pin("1" * 13)
    assert not valid_new_pin("١٢٣٤") and not valid_new_pin("¹²³⁴")  # digits, but not 0-9


def test_the_wait_doubles_up_to_a_minute():
    assert [delay_after(n) for n in range(9)] == [0, 1, 2, 4, 8, 16, 32, 60, 60]
    assert delay_after(-5) == 0
    assert delay_after(10**18) == MAX_DELAY  # 2.0 ** (10**18 - 1) would overflow


class Clock:
    def __init__(self, now: float = 100.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def guard(settings: Settings, name: str = "lead_pin", now: Clock | None = None, **kw) -> Guard:
    return Guard(settings, name, clock=now or Clock(), wall=lambda: 1_800_000_000.0, **kw)


def test_wrong_attempts_are_slowed_down(data_dir):
    settings = Settings.in_dir(data_dir)
    settings["lead_pin"] = hash_pin("2468", CHEAP)
    now = Clock()
    gate = Gate([guard(settings, now=now)])
    assert not gate.try_pin("1111")
    assert gate.wait_left() == 1.0
    assert not gate.try_pin("2468")  # right, but too soon: refused, and not counted
    assert settings["lead_pin_failures"] == 1
    now.now += 1.0
    assert not gate.try_pin("1111")
    assert gate.wait_left() == 2.0
    now.now += 2.0
    assert not gate.try_pin("1111")
    assert gate.wait_left() == 4.0
    assert (settings["lead_pin_failures"], settings["lead_pin_failed_at"]) == (3, 1_800_000_000)
    now.now += 1000
    assert gate.try_pin("2468") and settings["lead_pin_failures"] == 0 and gate.wait_left() == 0


def test_two_thousand_wrong_pins_never_raise_nor_wait_more_than_a_minute(data_dir):
    """`2.0 ** (failures - 1)` overflowed at the 1,025th failure and the PIN page stopped."""
    settings = Settings.in_dir(data_dir)
    settings["lead_pin"] = hash_pin("2468", CHEAP)
    now = Clock()
    gate = Gate([guard(settings, now=now)])
    for _ in range(2_000):
        now.now += MAX_DELAY
        assert not gate.try_pin("0000")
        assert 0 < gate.wait_left() <= MAX_DELAY
    assert gate.wait_left() == MAX_DELAY
    assert settings["lead_pin_failures"] == 2_000
    now.now += MAX_DELAY
    assert gate.try_pin("2468")


def test_the_count_stops_at_its_maximum(data_dir):
    settings = Settings.in_dir(data_dir)
    settings["lead_pin"] = hash_pin("2468", CHEAP)
    settings["lead_pin_failures"] = MAX_PIN_FAILURES
    now = Clock()
    gate = Gate([guard(settings, now=now)])
    now.now += MAX_DELAY
    assert not gate.try_pin("0000")
    assert settings["lead_pin_failures"] == MAX_PIN_FAILURES and gate.wait_left() == MAX_DELAY


def test_the_count_is_saved_and_the_wait_goes_on_after_a_restart(data_dir):
    settings = Settings.in_dir(data_dir)
    settings["lead_pin"] = hash_pin("2468", CHEAP)
    now = Clock()
    gate = Gate([guard(settings, now=now)], save=settings.save)
    for _ in range(5):
        now.now += MAX_DELAY
        gate.try_pin("0000")
    stored = json.loads((data_dir / "settings.json").read_text("utf-8"))
    assert stored["lead_pin_failures"] == 5
    # a restart: the settings read again, a new steady clock (it may start anywhere)
    again = Settings.in_dir(data_dir)
    later = Clock(7.0)
    restarted = Gate([guard(again, now=later)])
    assert restarted.wait_left() == delay_after(5) == 16.0
    assert not restarted.try_pin("2468")  # right, but the wait is not over
    later.now += 16.0
    assert restarted.try_pin("2468") and again["lead_pin_failures"] == 0


@pytest.mark.parametrize("shift", [-10 * 365 * 86_400, -60, 60, 10 * 365 * 86_400])
def test_a_wall_clock_set_back_or_forward_changes_nothing(data_dir, shift):
    """The wait after a restart is the count's, on a steady clock: a clock set back does not
    make it longer than a minute, a clock set forward does not remove it."""
    settings = Settings.in_dir(data_dir)
    settings["lead_pin"] = hash_pin("2468", CHEAP)
    settings["lead_pin_failures"] = 12
    settings["lead_pin_failed_at"] = 1_800_000_000
    restarted = Guard(settings, "lead_pin", clock=Clock(), wall=lambda: 1_800_000_000.0 + shift)
    assert restarted.wait_left() == MAX_DELAY


def test_a_wait_from_before_a_restart_counts_from_when_the_settings_were_read(data_dir):
    settings = Settings.in_dir(data_dir)
    settings["lead_pin"] = hash_pin("2468", CHEAP)
    settings["lead_pin_failures"] = 3  # 4 s
    now = Clock(1000.0)
    read_3_s_ago = Guard(settings, "lead_pin", clock=now, since=997.0)
    assert read_3_s_ago.wait_left() == 1.0


def test_settings_that_cannot_be_saved_do_not_end_the_wait(data_dir):
    settings = Settings.in_dir(data_dir)
    settings["lead_pin"] = hash_pin("2468", CHEAP)
    now = Clock()
    saves = []
    gate = Gate([guard(settings, now=now)], save=lambda: saves.append(False))  # refused
    for _ in range(8):
        now.now += MAX_DELAY
        gate.try_pin("0000")
    assert len(saves) == 8 and gate.wait_left() == MAX_DELAY
    assert not gate.try_pin("2468")
    leaving_and_coming_back = Gate(gate.guards)  # the page asked again: same guards, same wait
    assert leaving_and_coming_back.wait_left() == MAX_DELAY


def test_at_the_review_each_pin_keeps_its_own_pace(data_dir):
    """Both the lead's and the owner's PIN open the review; a guess is a try at both, but a
    PIN still waiting is not tried, so the lead who mistypes waits only for the lead's PIN."""
    settings = Settings.in_dir(data_dir)
    settings["lead_pin"] = hash_pin("1111", CHEAP)
    settings["owner_pin"] = hash_pin("999999", CHEAP)
    settings["owner_pin_failures"] = 9  # someone has been guessing: a minute per try
    now = Clock()
    lead, owner = guard(settings, "lead_pin", now), guard(settings, "owner_pin", now)
    review = Gate([lead, owner])
    assert review.wait_left() == 0  # the lead's PIN may be tried now
    assert not review.try_pin("999999")  # the owner's right PIN, but not tried while it waits
    assert (settings["lead_pin_failures"], settings["owner_pin_failures"]) == (1, 9)
    now.now += 1
    assert review.try_pin("1111") and settings["lead_pin_failures"] == 0
    now.now += 60
    assert not review.try_pin("0000")  # now a guess against both
    assert (settings["lead_pin_failures"], settings["owner_pin_failures"]) == (1, 10)
    editor = Gate([owner])
    assert editor.wait_left() == MAX_DELAY
