"""The command line: check exit codes and messages, run's argument handling."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from pos_coach.cli import cli
from tests.conftest import FAULTY_PACK, SHIPPED_PACK, SMALL_PACK


def test_check_clean_pack_exits_0():
    result = CliRunner().invoke(cli, ["check", str(SMALL_PACK), "--lang", "en"])
    assert result.exit_code == 0
    assert "6 cards in 2 language(s), no problems" in result.output


def test_check_shipped_pack_is_clean():
    result = CliRunner().invoke(cli, ["check", str(SHIPPED_PACK), "--lang", "en"])
    assert result.exit_code == 0, result.output


def test_check_faulty_pack_exits_1_with_one_line_per_problem():
    result = CliRunner().invoke(cli, ["check", str(FAULTY_PACK), "--lang", "en"])
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 21
    assert (
        f"{FAULTY_PACK}/ru/typo-key.toml:8:1: unknown key 'escalte'; did you mean 'escalate'?"
        in lines
    )
    assert "16 error(s), 5 warning(s); 6 card(s) loaded" in result.stderr
    # a warning is marked as one, in the reader's language
    assert any(": warning: card 'x-duplicate-hotkey' has no en version" in line for line in lines)


def test_check_speaks_russian():
    result = CliRunner().invoke(cli, ["check", str(FAULTY_PACK), "--lang", "ru"])
    assert "неизвестный ключ 'escalte'; может быть, 'escalate'?" in result.stdout


def test_check_defaults_to_env_then_bundled(monkeypatch):
    monkeypatch.setenv("POS_COACH_SITUATIONS", str(SMALL_PACK))
    result = CliRunner().invoke(cli, ["check", "--lang", "en"])
    assert "6 cards" in result.output


def test_language_follows_the_environment(monkeypatch):
    monkeypatch.setenv("LC_ALL", "ru_RU.UTF-8")
    result = CliRunner().invoke(cli, ["check", str(SMALL_PACK)])
    assert "ошибок нет" in result.output


def test_check_missing_folder():
    result = CliRunner().invoke(cli, ["check", "/no/such/pack", "--lang", "en"])
    assert result.exit_code == 1
    assert "not a folder of situation cards" in result.output


def test_cli_check_does_not_import_qt():
    code = (
        "import sys; from click.testing import CliRunner; from pos_coach.cli import cli; "
        f"CliRunner().invoke(cli, ['check', {str(SMALL_PACK)!r}]); "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_core_modules_do_not_import_qt():
    core = [
        "pos_coach.cards",
        "pos_coach.library",
        "pos_coach.journal",
        "pos_coach.counter",
        "pos_coach.settings",
        "pos_coach.paths",
        "pos_coach.cli",
        "pos_coach.i18n",
    ]
    code = (
        f"import sys, importlib; [importlib.import_module(m) for m in {core!r}]; "
        "print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_trigger_exit_status_tells_shown_from_shown_but_not_yet_logged(monkeypatch, capsys):
    from pos_coach.exits import Exit
    from pos_coach.inlet import trigger
    from pos_coach.inlet.client import NotRunning

    answers = {
        "logged": {"ok": True, "interaction": "i", "logged": True},
        "waiting": {"ok": True, "interaction": "i", "logged": False, "waiting": "disk is full"},
        "unknown": {"ok": False, "error": "unknown", "matches": ["gate-alarm"]},
    }

    def request(name, message):
        if message["id"] == "off":
            raise NotRunning(name)
        return answers[message["id"]]

    monkeypatch.setattr(trigger, "request_at", request)
    monkeypatch.setattr(trigger, "running", lambda skip: ([], []))
    assert trigger.run_trigger("logged", None, "/d") == 0
    assert trigger.run_trigger("waiting", None, "/d") == 3
    out, err = capsys.readouterr()
    assert out == "shown: logged\nshown: waiting\n"
    assert "not yet in the journal" in err and "disk is full" in err
    assert trigger.run_trigger("unknown", None, "/d") == Exit.UNKNOWN_ID == 4
    assert trigger.run_trigger("off", None, "/d") == Exit.NOT_RUNNING == 7


LONG_ID = "a" * 200


def windows_unsafe_pack(root: Path) -> Path:
    """The small pack plus, in both languages, a card `con` and one with a 200-character id."""
    shutil.copytree(SMALL_PACK, root)
    for lang in ("ru", "en"):
        card = (root / lang / "greeting.toml").read_text("utf-8")
        card = "\n".join(line for line in card.splitlines() if not line.startswith("hotkey"))
        (root / lang / "con.toml").write_text(card, "utf-8")
        (root / lang / f"{LONG_ID}.toml").write_text(card, "utf-8")
    return root


def test_check_refuses_windows_device_names_and_overlong_ids(tmp_path):
    """`con.toml` cannot be copied or unzipped on Windows; 200 characters break zip tools."""
    pack = windows_unsafe_pack(tmp_path / "pack")
    result = CliRunner().invoke(cli, ["check", str(pack), "--lang", "en"])
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    for lang in ("ru", "en"):
        assert (
            f"{pack}/{lang}/con.toml:1:1: 'con' cannot be a card id: Windows keeps the name for"
            " a device, so the file cannot be copied or unzipped there; choose another id"
        ) in lines
        assert (
            f"{pack}/{lang}/{LONG_ID}.toml:1:1: the card id is 200 characters long; at most 64"
        ) in lines
    assert "4 error(s), 0 warning(s); 6 card(s) loaded" in result.stderr
    russian = CliRunner().invoke(cli, ["check", str(pack), "--lang", "ru"])
    assert "'con' нельзя сделать id карточки" in russian.stdout
    assert "id карточки длиной 200 символов, а можно не больше 64" in russian.stdout


def test_trigger_refuses_a_socket_another_user_answers_with_exit_5(monkeypatch, capsys):
    from pos_coach.cli import Exit
    from pos_coach.inlet import trigger
    from pos_coach.inlet.client import NotOurs

    def request(name, message):
        raise NotOurs("/run/user/1000/pos-coach/0123456789abcdef.sock", 65534)

    monkeypatch.setattr(trigger, "request_at", request)
    assert trigger.run_trigger("gate-alarm", None, "/d") == Exit.NOT_OURS == 5
    out, err = capsys.readouterr()
    assert out == ""
    assert "another user (uid 65534) answers the socket" in err and "refused" in err
    assert "/run/user/1000/pos-coach/0123456789abcdef.sock" in err


def test_trigger_tells_a_busy_app_from_an_unknown_card(monkeypatch, capsys):
    """The app answering "too many connections at once" is neither "unknown id" (which a
    script would take for a typo in the card id) nor "could not show it": exit 6, try again."""
    from pos_coach.cli import Exit
    from pos_coach.inlet import trigger

    def busy(name, message):
        return {"ok": False, "error": "unavailable", "detail": "too many connections at once"}

    monkeypatch.setattr(trigger, "request_at", busy)
    assert trigger.run_trigger("gate-alarm", None, "/d") == Exit.BUSY == 6
    assert "too many connections" in capsys.readouterr().err
