"""`pos-coach report` and `pos-coach export`: the review's numbers, from the same functions."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from pos_coach.cli import cli
from pos_coach.journal import Event, Journal
from pos_coach.review import Reports
from pos_coach.settings import Settings
from tests.unit.test_review import MOSCOW, SATURDAY, fill


@pytest.fixture
def shop(data_dir):
    journal = Journal.in_dir(data_dir)
    fill(journal)
    settings = Settings.in_dir(data_dir)
    settings["timezone"] = "Europe/Moscow"
    settings.save()
    yield data_dir, journal
    journal.close()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "by", ["situation", "cashier", "hour", "day", "weekday", "outcome", "lang", "source"]
)
def test_report_json_equals_the_review_functions(shop, by):
    data_dir, journal = shop
    code, out, _ = run(
        "report",
        "--since",
        "2026-11-21",
        "--until",
        "2026-11-21",
        "--by",
        by,
        "--format",
        "json",
        "--data-dir",
        str(data_dir),
    )
    assert code == 0
    payload = json.loads(out)
    expected = Reports(journal.db.conn, MOSCOW).rows(by, SATURDAY)
    assert {(r["key"], r["interactions"], r["upset"]) for r in payload["rows"]} == {
        (r.key, r.interactions, r.upset) for r in expected
    }
    assert payload["total"]["interactions"] == 6 and payload["timezone"] == "Europe/Moscow"


def test_report_by_hour_in_local_time_as_a_table(shop):
    data_dir, _ = shop
    code, out, _ = run(
        "report",
        "--since",
        "2026-11-21",
        "--until",
        "2026-11-21",
        "--by",
        "hour",
        "--data-dir",
        str(data_dir),
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("2026-11-21 – 2026-11-21 (Europe/Moscow)")
    assert [line.split()[:2] for line in lines[3:]] == [
        ["0", "1"],
        ["10", "3"],
        ["12", "1"],
        ["18", "1"],
        ["total", "6"],
    ]


def test_report_csv_with_a_cashier_filter(shop):
    data_dir, _ = shop
    code, out, _ = run(
        "report",
        "--since",
        "2026-11-20",
        "--until",
        "2026-11-21",
        "--cashier",
        "Anna",
        "--format",
        "csv",
        "--data-dir",
        str(data_dir),
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert {r["key"]: int(r["interactions"]) for r in rows} == {"greeting": 2, "loyalty-card": 1}


def test_report_without_a_journal_says_where_it_looked(tmp_path):
    code, _, err = run("report", "--data-dir", str(tmp_path / "none"))
    assert code == 1 and "no journal in" in err and "none" in err


def test_export_every_event_oldest_first(shop):
    data_dir, journal = shop
    code, out, _ = run("export", "--data-dir", str(data_dir))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == journal.count() == 15
    assert [r["at"] for r in rows] == sorted(r["at"] for r in rows)
    code, out, _ = run("export", "--format", "jsonl", "--data-dir", str(data_dir))
    events = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(events) == 15
    assert (events[0]["kind"], events[0]["at"]) == ("shown", "2026-11-20T20:30:00.000Z")


@pytest.mark.parametrize(("lang", "day"), [("en", "Saturday"), ("ru", "суббота")])
def test_report_by_weekday_names_the_days(shop, lang, day):
    data_dir, _ = shop
    args = ["report", "--since", "2026-11-21", "--until", "2026-11-21", "--by", "weekday"]
    code, out, _ = run(*args, "--lang", lang, "--data-dir", str(data_dir))
    assert code == 0
    assert day in out and "\n5 " not in out  # the name, not Python's 5 for Saturday


def test_excel_flavour_opens_in_excel_with_cyrillic_and_columns(shop):
    data_dir, _ = shop
    result = CliRunner().invoke(
        cli,
        [
            *("report", "--since", "2026-11-20", "--until", "2026-11-21"),
            *("--format", "excel", "--data-dir", str(data_dir)),
        ],
    )
    assert result.exit_code == 0
    raw = result.stdout_bytes
    assert raw.startswith("\ufeff".encode())  # the byte-order mark Excel needs for UTF-8
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("key;interactions;")
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    _, plain, _ = run(
        "report",
        "--since",
        "2026-11-20",
        "--until",
        "2026-11-21",
        "--format",
        "csv",
        "--data-dir",
        str(data_dir),
    )
    assert rows == list(csv.DictReader(io.StringIO(plain)))  # the same figures as plain CSV
    exported = CliRunner().invoke(cli, ["export", "--format", "excel", "--data-dir", str(data_dir)])
    assert exported.exit_code == 0 and exported.stdout_bytes.startswith("\ufeff".encode())


def test_excel_never_runs_a_cell_as_a_formula(data_dir):
    from pos_coach.journal import Event

    journal = Journal.in_dir(data_dir)
    journal.append(Event(kind="shift_start", cashier='=HYPERLINK("http://x","a")'))
    journal.append(Event(kind="note", cashier="@SUM(1+1)", detail={"text": "-1+2"}))
    journal.close()
    result = CliRunner().invoke(cli, ["export", "--format", "excel", "--data-dir", str(data_dir)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig")), delimiter=";"))
    cashiers = [r["cashier"] for r in rows]
    assert cashiers == ['\'=HYPERLINK("http://x","a")', "'@SUM(1+1)"]
    # plain CSV, for programs, keeps the text exactly
    plain = CliRunner().invoke(cli, ["export", "--format", "csv", "--data-dir", str(data_dir)])
    assert '"=HYPERLINK(""http://x"",""a"")"' in plain.stdout


def test_the_report_table_speaks_russian(shop):
    data_dir, _ = shop
    args = ["report", "--since", "2026-11-21", "--until", "2026-11-21", "--data-dir", str(data_dir)]
    code, out, _ = run(*args, "--lang", "ru")
    assert code == 0
    assert "по ситуациям" in out and "взаимодействий" in out and "итого" in out
    assert "interactions" not in out and "total" not in out
    code, out, _ = run(*args, "--lang", "en")
    assert "by situation" in out and "interactions" in out and "total" in out


AWKWARD = ["plain", "a, comma", 'a "quote"', "two\nlines", "carriage\rreturn", "=1+2", "", "ёж"]


def test_export_csv_reads_back_as_every_event_whatever_its_text(data_dir):
    from pos_coach.journal import COLUMNS, Event
    from pos_coach.review.output import iter_events

    journal = Journal.in_dir(data_dir)
    for n, text in enumerate(AWKWARD):
        journal.append(
            Event("note", cashier=text, phrase=text, detail={"text": text}, interaction=f"i{n}")
        )
    journal.append(Event("note"))  # every optional column empty
    code, out, _ = run("export", "--data-dir", str(data_dir))
    assert code == 0
    got = list(csv.reader(io.StringIO(out, newline="")))
    assert got[0] == list(COLUMNS)
    assert got[1:] == [
        ["" if v is None else v for v in event.values()] for event in iter_events(journal.conn)
    ]
    assert out.count('"carriage\rreturn"') == 2  # a lone CR is quoted too: Excel splits on it
    journal.close()


def awkward_journal(data_dir):
    """Every awkward text in every free-text column, one event with none, one whose detail
    is not JSON (written past the app, as another program might)."""
    from pos_coach.journal import Event

    journal = Journal.in_dir(data_dir)
    for n, text in enumerate([*AWKWARD, "-5", "@x", "+7", "\tTab"]):
        journal.append(
            Event(
                "note",
                store=text,
                register=text,
                cashier=text,
                situation=text,
                phrase=text,
                detail={"text": text},
                interaction=f"i{n}",
            )
        )
    journal.append(Event("note"))
    journal.db.conn.execute(
        "INSERT INTO events (id, at, kind, detail) VALUES ('x', '2099-01-01T00:00:00.000Z',"
        " 'note', 'not {json')"
    )
    journal.db.conn.commit()
    return journal


def test_export_for_excel_reads_back_as_every_event_with_formulas_defused(data_dir):
    from pos_coach.journal import COLUMNS
    from pos_coach.review.output import excel_safe, iter_events

    journal = awkward_journal(data_dir)
    result = CliRunner().invoke(cli, ["export", "--format", "excel", "--data-dir", str(data_dir)])
    assert result.exit_code == 0
    text = result.stdout_bytes.decode("utf-8")
    assert text.startswith("\ufeff")
    got = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    assert got[0] == list(COLUMNS)
    expected = [
        ["" if v is None else excel_safe(v) for v in event.values()]
        for event in iter_events(journal.conn)
    ]
    assert got[1:] == expected
    assert [row[4] for row in got[9:13]] == ["'-5", "'@x", "'+7", "'\tTab"]  # the cashiers
    journal.close()


def test_export_jsonl_reads_back_as_every_event(data_dir):
    from pos_coach.review.output import iter_events

    journal = awkward_journal(data_dir)
    code, out, _ = run("export", "--format", "jsonl", "--data-dir", str(data_dir))
    assert code == 0
    got = [json.loads(line) for line in out.split("\n")[:-1]]
    expected = list(iter_events(journal.conn))
    for event in expected[:-1]:
        event["detail"] = event["detail"] and json.loads(event["detail"])
    assert got == expected
    assert got[-1]["detail"] == "not {json"  # kept as the text it is, not a failed export
    journal.close()


def test_export_is_utf8_whatever_the_console_speaks(data_dir):
    """Standard output set to a Windows code page (a console in Russia): the bytes are still
    UTF-8, so a file made with `> events.csv` reads the same on every machine."""
    import os
    import subprocess
    import sys

    journal = awkward_journal(data_dir)
    journal.close()
    env = {**os.environ, "PYTHONIOENCODING": "cp1251"}
    for fmt in ("csv", "excel", "jsonl"):
        done = subprocess.run(
            [sys.executable, "-m", "pos_coach", "export", "--format", fmt, "--data-dir", data_dir],
            capture_output=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert "ёж".encode() in done.stdout and "ёж".encode("cp1251") not in done.stdout


def test_a_report_says_which_settings_it_could_not_use_and_moves_nothing(shop):
    """A zone that does not exist (a typo) or a settings file that is not JSON: the report
    says so on standard error (its figures are in another zone than the shop thinks), and
    leaves the file where it is (the app keeps a broken one aside, and says so)."""
    data_dir, _ = shop
    settings = data_dir / "settings.json"
    settings.write_text('{"timezone": "Europe/moscow"}', "utf-8")
    code, _, err = run("report", "--data-dir", str(data_dir), "--lang", "en")
    assert code == 0 and "Europe/moscow" in err and "timezone" in err
    settings.write_text('{"timezone": "Asia/Kolkata",}', "utf-8")  # one comma too many
    code, _, err = run("report", "--data-dir", str(data_dir), "--lang", "en")
    assert code == 0 and "settings.json cannot be read" in err
    assert settings.read_text("utf-8") == '{"timezone": "Asia/Kolkata",}'
    assert sorted(p.name for p in data_dir.glob("settings*")) == ["settings.json"]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--since", "2040-01-01", "--until", "2030-01-01"], "is after --until 2030-01-01"),
        (["--since", "9999-12-30"], "is after --until"),  # the default end: today
        (["--since", "2024-02-30"], "not a day of the calendar"),
        (["--until", "2024-13-01"], "not a day of the calendar"),
        (["--since", "20240101"], "not a day written YYYY-MM-DD"),
        (["--since", "0001-01-01"], "a report covers 0001-01-02 to 9999-12-30"),
        (["--until", "9999-12-31"], "a report covers 0001-01-02 to 9999-12-30"),
    ],
)
def test_a_period_that_cannot_be_is_said_in_a_line(shop, args, said):
    data_dir, _ = shop
    code, out, err = run("report", *args, "--data-dir", str(data_dir))
    assert code == 2 and said in err and "Traceback" not in err and out == ""


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata"])
@pytest.mark.parametrize(
    ("since", "until"),
    [
        ("0001-01-02", "0001-01-03"),
        ("9999-12-30", "9999-12-30"),
        ("0001-01-02", "9999-12-30"),
        (None, "0001-01-02"),  # the default start: 30 days back, cut at the first day
        (None, "0001-01-20"),
    ],
)
def test_the_first_and_last_days_a_report_covers_in_any_zone(shop, zone, since, until):
    data_dir, journal = shop
    shown = "SELECT count(DISTINCT interaction) FROM events WHERE kind = 'shown'"
    every = journal.conn.execute(shown).fetchone()[0]  # every card of the shop's journal
    settings = Settings.in_dir(data_dir)
    settings["timezone"] = zone
    settings.save()
    for by in ("situation", "hour", "day", "weekday"):
        start = ["--since", since] if since else []
        code, out, err = run(
            "report",
            *start,
            "--until",
            until,
            "--by",
            by,
            "--format",
            "json",
            "--data-dir",
            str(data_dir),
        )
        assert code == 0, err
        payload = json.loads(out)
        assert payload["from"] == (since or "0001-01-02")
        assert payload["total"]["interactions"] == (every if (since or "0") < "2026" < until else 0)


@pytest.mark.parametrize("command", [["export"], ["export", "--format", "jsonl"], ["report"]])
def test_an_output_that_cannot_be_written_is_said_in_a_line(shop, command):
    """Standard output on a full disk (/dev/full), closed (`>&-`), or a reader that stops early
    (`| head -1`): a line on standard error (nothing for the reader that stopped), exit 1,
    never a traceback."""
    import os
    import subprocess
    import sys

    data_dir, journal = shop
    # far more than any pipe holds (some systems give a pipe a megabyte)
    journal.append_many([Event("note", detail={"text": "x" * 500}) for _ in range(20_000)])
    argv = [sys.executable, "-m", "pos_coach", *command, "--data-dir", str(data_dir)]
    with open("/dev/full", "wb") as full:
        done = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "cannot write the output: No space left on device" in done.stderr
    done = subprocess.run(
        argv, stderr=subprocess.PIPE, text=True, timeout=60, preexec_fn=lambda: os.close(1)
    )
    assert done.returncode == 1 and "standard output is closed" in done.stderr
    if command == ["report"]:
        return  # a table fits in any pipe: written whole before the reader stops
    import shlex

    line = f"{shlex.join(argv)} 2>err | head -c 100 >/dev/null; exit ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", line], cwd=data_dir, timeout=60)
    assert done.returncode == 1 and (data_dir / "err").read_text() == ""


def test_a_filter_naming_what_the_journal_never_saw_says_so(shop):
    """A typo in --situation or --cashier gave an all-zero report and no hint; now a line says
    nothing ever had it, with what comes close (as `trigger` does for a card id)."""
    data_dir, journal = shop
    cashiers = [r[0] for r in journal.conn.execute("SELECT DISTINCT cashier FROM interactions")]
    someone = next(c for c in cashiers if c)
    code, _, err = run("report", "--situation", "gate-alrm", "--data-dir", str(data_dir))
    assert code == 0 and "never" not in err and "'gate-alarm'" in err and "gate-alrm" in err
    code, _, err = run("report", "--cashier", someone.lower(), "--data-dir", str(data_dir))
    assert code == 0 and f"did you mean {someone!r}" in err
    args = ("report", "--since", "2026-11-21", "--until", "2026-11-21", "--data-dir")
    code, _, err = run(*args, str(data_dir), "--situation", "gate-alarm")
    assert code == 0 and err == ""  # a card it knows: nothing to say, whatever the count
