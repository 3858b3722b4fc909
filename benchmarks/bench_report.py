"""What a shift lead runs over a big journal, each as a whole command, against its anchor.

Budgets (the reports-at-scale issue): `pos-coach report`, any grouping, one year of a 1M-event
journal, under 300 ms and no slower than the `sqlite3` shell doing the same aggregate; any period
up to 100 years within 50 ms of one year; a 30-day report at 10M within 1.2x the same at 1M; any
grouping over the whole 10M span under 1 s; half- and quarter-hour zones within 1.2x a whole-hour
zone; the empty-period command p50 under 100 ms; export at least 300k events/s; the 30-day PDF
and the review window at 10M under 2 s; the journal under 450 MB per million events with append
p99 under 5 ms at 10M.

The 1M and 10M journals are built once through the demo's bulk path (the journal's own insert and
triggers) and kept in the temp folder, keyed by the schema version; the build time is printed.
Commands are interleaved with their anchors and repeated; medians are reported.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_report.py [--quick]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _table import median, percentile, print_table

from pos_coach.journal import SCHEMA_VERSION, Event, Journal
from pos_coach.settings import SETTINGS_FILE

Row = tuple[str, str, str, bool]
SHIPPED = Path(__file__).resolve().parents[1] / "situations"
END = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)
HOME_ZONE = "Europe/Moscow"
PER_DAY = 1010  # interactions a day on average: about 2.7 events each, a million events a year
SIZES = {"1M": 365, "10M": 3650}  # days of demo data
GROUPINGS = ("situation", "cashier", "hour", "day", "weekday", "outcome", "lang", "source")
CACHE = Path(tempfile.gettempdir()) / "pos-coach-bench-report"
YEAR = ("2025-11-23", "2026-11-22")
MONTH = ("2026-10-24", "2026-11-22")
CENTURY = ("1950-01-01", "2049-12-31")
SPAN = ("2016-01-01", "2026-11-22")
EMPTY = ("2030-01-01", "2030-01-01")


def build_key() -> str:
    """Changes whenever what the journals are built by does: the schema's version (every change
    of its tables comes with one), the demo and the events with their ids."""
    import hashlib

    from pos_coach import demo
    from pos_coach.journal import events

    digest = hashlib.sha256()
    for module in (demo, events):
        digest.update(Path(str(module.__file__)).read_bytes())
    return f"schema{SCHEMA_VERSION}-{digest.hexdigest()[:10]}"


def journal_dir(size: str) -> Path:
    """The cached journal of ``size`` events, built on first use; its folder."""
    folder = CACHE / f"{build_key()}-{size}"
    marker = folder / "built.json"
    if marker.exists():
        built = json.loads(marker.read_text())
        print(
            f"{size} journal: cached ({built['events']:,} events,"
            f" built in {built['seconds']:.0f} s)",
            file=sys.stderr,
        )
        return folder
    from pos_coach import demo
    from pos_coach.cards import load_pack

    for stale in CACHE.glob(f"*-{size}"):  # built by an earlier version: never read again
        shutil.rmtree(stale)
    folder.mkdir(parents=True)
    pack = load_pack(SHIPPED).packs["ru"]
    start = time.perf_counter()
    journal = Journal.in_dir(folder)
    written = demo.generate(
        journal,
        {c.id: c.say for c in pack.cards.values()},
        SIZES[size],
        per_day=PER_DAY,
        end=END,
        zone=ZoneInfo(HOME_ZONE),
    )
    journal.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.close()
    seconds = time.perf_counter() - start
    print(f"{size} journal: built {written:,} events in {seconds:.0f} s", file=sys.stderr)
    marker.write_text(json.dumps({"events": written, "seconds": seconds}))
    return folder


def set_zone(folder: Path, zone: str) -> None:
    (folder / SETTINGS_FILE).write_text(json.dumps({"timezone": zone}))


def run_ms(argv: list[str], out: int | None = subprocess.DEVNULL) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=out, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def report_argv(folder: Path, by: str, period: tuple[str, str]) -> list[str]:
    since, until = period
    return [
        sys.executable, "-m", "pos_coach", "report", "--data-dir", str(folder),
        "--by", by, "--since", since, "--until", until, "--format", "json",
    ]  # fmt: skip


def anchor_sql(by: str, period: tuple[str, str], offset_hours: int) -> str:
    """The same aggregate as someone would write it for the `sqlite3` shell: interactions in
    the period (shop's fixed offset) grouped, with their outcomes counted."""
    shift = f"'{offset_hours:+d} hours'"
    local = f"datetime(at / 1000, 'unixepoch', {shift})"
    key = {
        "hour": f"strftime('%H', {local})",
        "day": f"date({local})",
        "weekday": f"strftime('%w', {local})",
    }.get(by, by)
    first = f"strftime('%s', '{period[0]}', {shift.replace('+', '-')}) * 1000"
    last = f"strftime('%s', '{period[1]}', '+1 day', {shift.replace('+', '-')}) * 1000"
    return (
        f"SELECT {key}, count(*), sum(outcome = 'wow'), sum(outcome = 'ok'), "
        "sum(outcome = 'upset'), sum(outcome = 'escalated'), sum(outcome IS NULL) "
        f"FROM interactions WHERE at >= {first} AND at < {last} AND situation IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC;"
    )


def shell_argv(folder: Path, sql: str) -> list[str]:
    return ["sqlite3", "-readonly", str(folder / "journal.db"), sql]


def medians(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """Each command ``repeat`` times, interleaved (a noisy machine hits them all alike)."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # warm the page cache and the byte code first
        run_ms(argv)
    for _ in range(repeat):
        for name, argv in commands.items():
            samples[name].append(run_ms(argv))
    return {name: median(values) for name, values in samples.items()}


def report_rows(one: Path, ten: Path, repeat: int) -> list[Row]:
    set_zone(one, HOME_ZONE)
    set_zone(ten, HOME_ZONE)
    table: list[Row] = []
    worst_ratio = worst_century = worst_growth = worst_span = 0.0
    for by in GROUPINGS:
        got = medians(
            {
                "year": report_argv(one, by, YEAR),
                "anchor": shell_argv(one, anchor_sql(by, YEAR, 3)),
                "century": report_argv(one, by, CENTURY),
                "month1": report_argv(one, by, MONTH),
                "month10": report_argv(ten, by, MONTH),
                "span": report_argv(ten, by, SPAN),
            },
            repeat,
        )
        ratio = got["year"] / got["anchor"]
        worst_ratio = max(worst_ratio, ratio)
        worst_century = max(worst_century, got["century"] - got["year"])
        worst_growth = max(worst_growth, got["month10"] / got["month1"])
        worst_span = max(worst_span, got["span"])
        table.append(
            (
                f"report --by {by}, 1 year of 1M (sqlite3 shell: {got['anchor']:.0f} ms)",
                "< 300 ms, <= shell",
                f"{got['year']:.0f} ms, {ratio:.2f}x shell",
                got["year"] < 300 and ratio <= 1.0,
            )
        )
        table.append(
            (
                f"report --by {by}: 100 years / 30 days at 10M / whole 10M span",
                "",
                f"{got['century']:.0f} / {got['month10']:.0f} (1M: {got['month1']:.0f})"
                f" / {got['span']:.0f} ms",
                True,
            )
        )
    table.append(
        ("report, worst of all groupings: 100 years minus one year", "< 50 ms",
         f"{worst_century:.0f} ms", worst_century < 50)
    )  # fmt: skip
    table.append(
        ("report, worst: 30 days at 10M / 30 days at 1M", "<= 1.2x",
         f"{worst_growth:.2f}x", worst_growth <= 1.2)
    )  # fmt: skip
    table.append(
        ("report, worst: whole span of 10M events", "< 1000 ms",
         f"{worst_span:.0f} ms", worst_span < 1000)
    )  # fmt: skip
    return table


def zone_rows(one: Path, repeat: int) -> list[Row]:
    table: list[Row] = []
    for by in ("hour", "day", "weekday"):
        times = {}
        for zone in (HOME_ZONE, "Asia/Kolkata", "Asia/Kathmandu"):
            samples = []
            set_zone(one, zone)
            run_ms(report_argv(one, by, YEAR))
            for _ in range(repeat):
                samples.append(run_ms(report_argv(one, by, YEAR)))
            times[zone] = median(samples)
        set_zone(one, HOME_ZONE)
        worst = max(times["Asia/Kolkata"], times["Asia/Kathmandu"]) / times[HOME_ZONE]
        table.append(
            (
                f"report --by {by}, 1 year of 1M: Kolkata / Kathmandu / Moscow",
                "<= 1.2x Moscow",
                f"{times['Asia/Kolkata']:.0f} / {times['Asia/Kathmandu']:.0f} / "
                f"{times[HOME_ZONE]:.0f} ms, {worst:.2f}x",
                worst <= 1.2,
            )
        )
    return table


def fixed_cost_row(one: Path, repeat: int) -> Row:
    got = medians(
        {
            "empty": report_argv(one, "situation", EMPTY),
            "python": [sys.executable, "-c", "pass"],
        },
        repeat,
    )
    return (
        f"report over an empty period, p50 (python -c pass: {got['python']:.0f} ms)",
        "< 100 ms",
        f"{got['empty']:.0f} ms, {got['empty'] / got['python']:.1f}x python",
        got["empty"] < 100,
    )


def export_rows(one: Path, events: int, repeat: int) -> list[Row]:
    """Each format of `pos-coach export`, interleaved with the sqlite3 shell writing CSV."""
    from pos_coach.journal import COLUMNS

    sql = f"SELECT {', '.join(COLUMNS)} FROM events ORDER BY at, rowid;"
    export = [sys.executable, "-m", "pos_coach", "export", "--data-dir", str(one), "--format"]
    formats = ("csv", "excel", "jsonl")
    got = medians(
        {
            **{fmt: [*export, fmt] for fmt in formats},
            "shell": ["sqlite3", "-readonly", "-csv", str(one / "journal.db"), sql],
        },
        repeat,
    )
    shell = events / got["shell"] * 1000
    table = []
    for fmt in formats:
        rate = events / got[fmt] * 1000
        table.append(
            (
                f"export --format {fmt}, 1M (sqlite3 -csv: {shell / 1000:.0f}k events/s)",
                ">= 300k events/s",
                f"{rate / 1000:.0f}k events/s, {got[fmt] / got['shell']:.1f}x shell's time",
                rate >= 300_000,
            )
        )
    return table


def pdf_row(ten: Path, repeat: int) -> Row:
    from pos_coach.cards import load_pack
    from pos_coach.review import Filters, Reports
    from pos_coach.review.pdf import shift_report
    from pos_coach.review.periods import days

    pack = load_pack(SHIPPED).packs["ru"]
    titles = {c.id: c.title for c in pack.cards.values()}
    zone = ZoneInfo(HOME_ZONE)
    period = days(date.fromisoformat(MONTH[0]), date.fromisoformat(MONTH[1]), zone)
    samples = []
    with tempfile.TemporaryDirectory() as out:
        for n in range(repeat):
            start = time.perf_counter()
            journal = Journal.in_dir(ten)
            reports = Reports(journal.conn, zone)
            shift_report(
                Path(out) / f"{n}.pdf", reports, period, Filters(), store="Demo",
                register="1", lang="ru", titles=titles, card_ids=list(titles), now=END,
            )  # fmt: skip
            journal.close()
            samples.append((time.perf_counter() - start) * 1000)
    value = median(samples)
    return ("PDF report, 30 days of 10M events", "< 2000 ms", f"{value:.0f} ms", value < 2000)


def review_row(ten: Path) -> Row:
    import bench_review

    journal = Journal.in_dir(ten)
    ready, stall = bench_review.open_review(journal)
    journal.close()
    return (
        f"review window on 10M events ready (longest UI stall {stall} ms)",
        "< 2000 ms",
        f"{ready} ms",
        ready < 2000,
    )


def size_rows(one: Path, ten: Path, events: dict[str, int]) -> list[Row]:
    table: list[Row] = []
    for size, folder in (("1M", one), ("10M", ten)):
        per_million = (folder / "journal.db").stat().st_size / events[size]  # bytes/event = MB/M
        table.append(
            (
                f"journal size per million events ({size}: {events[size]:,} events)",
                "< 450 MB",
                f"{per_million:.0f} MB",
                per_million < 450,
            )
        )
    return table


def append_row(ten: Path, count: int) -> Row:
    """Appends through the journal's own path on a copy of the 10M journal."""
    with tempfile.TemporaryDirectory(dir=CACHE) as scratch:
        copy = Path(scratch)
        shutil.copy(ten / "journal.db", copy / "journal.db")
        journal = Journal.in_dir(copy)
        samples = []
        for n in range(count):
            event = Event(
                "shown", cashier="bench", interaction=f"bench-{n}", situation="greeting",
                lang="ru", source="touch", phrase="Здравствуйте!",
            )  # fmt: skip
            start = time.perf_counter()
            journal.append(event)
            samples.append((time.perf_counter() - start) * 1000)
        journal.close()
    p99 = percentile(samples, 99)
    return (
        f"append one event at 10M, committed durably, p99 (p50 {percentile(samples, 50):.2f} ms)",
        "< 5 ms",
        f"{p99:.2f} ms",
        p99 < 5,
    )


def rows(quick: bool = False) -> list[Row]:
    if shutil.which("sqlite3") is None:
        raise SystemExit("bench_report: the sqlite3 shell is missing (tools/install-bench-deps.sh)")
    # commands run from bytecode, as an installed program does (pip compiles on install); a
    # fresh tree, or one where Python may not write bytecode, would compile each module anew
    compileall.compile_dir(Path(__file__).resolve().parents[1] / "pos_coach", quiet=1)
    CACHE.mkdir(parents=True, exist_ok=True)
    one, ten = journal_dir("1M"), journal_dir("10M")
    events = {s: json.loads((f / "built.json").read_text())["events"] for s, f in
              (("1M", one), ("10M", ten))}  # fmt: skip
    repeat = 3 if quick else 5
    table = report_rows(one, ten, repeat)
    table += zone_rows(one, repeat)
    table.append(fixed_cost_row(one, 7 if quick else 21))
    table.extend(export_rows(one, events["1M"], 3))
    table.append(pdf_row(ten, 3))
    table.append(review_row(ten))
    table += size_rows(one, ten, events)
    table.append(append_row(ten, 300 if quick else 1000))
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--build-only", action="store_true", help="build the journals and stop")
    args = parser.parse_args()
    if args.build_only:
        CACHE.mkdir(parents=True, exist_ok=True)
        journal_dir("1M")
        journal_dir("10M")
        return
    print_table(rows(args.quick))


if __name__ == "__main__":
    main()
