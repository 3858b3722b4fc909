"""PIN hashing and the slow-down after wrong attempts."""

from __future__ import annotations

from pos_coach.pins import Gate, hash_pin, valid_new_pin, verify_pin


def test_hash_is_salted_and_verifies():
    first, second = hash_pin("1234"), hash_pin("1234")
    assert first != second and first.startswith("scrypt$")
    assert "1234" not in first
    assert verify_pin("1234", first) and verify_pin("1234", second)
    assert not verify_pin("1235", first)
    assert not verify_pin("1234", "garbage") and not verify_pin("1234", "")


def test_new_pins_are_four_digits_or_more():
    assert valid_new_pin("0000") and valid_new_pin("123456")
    assert not valid_new_pin("123") and not valid_new_pin("12a4") and not valid_new_pin("")


def test_wrong_attempts_are_slowed_down():
    now = [100.0]
    gate = Gate(hash_pin("2468"), clock=lambda: now[0])
    assert not gate.try_pin("1111")
    assert gate.wait_left() == 1.0
    assert not gate.try_pin("2468")  # right, but too soon: refused
    now[0] += 1.0
    assert not gate.try_pin("1111")
    assert gate.wait_left() == 2.0
    now[0] += 2.0
    assert not gate.try_pin("1111")
    assert gate.wait_left() == 4.0
    now[0] += 1000
    assert gate.try_pin("2468") and gate.failures == 0 and gate.wait_left() == 0


def test_the_delay_is_capped():
    now = [0.0]
    gate = Gate(hash_pin("2468"), clock=lambda: now[0])
    for _ in range(20):
        now[0] += 100
        gate.try_pin("0000")
    assert gate.wait_left() == 60.0
