"""Charts and the PDF shift report, built from the small hand-checked journal of test_review."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from io import BytesIO
from pathlib import Path

import matplotlib.text
import pytest
from matplotlib.figure import Figure

from pos_coach.journal import Journal
from pos_coach.review import Filters, Reports, charts
from pos_coach.review.pdf import report_pages, shift_report
from pos_coach.review.periods import days
from tests.unit.test_review import CARDS, MOSCOW, SATURDAY, fill

ROOT = Path(__file__).resolve().parents[2]
TITLES = {
    "greeting": "Greeting",
    "gate-alarm": "Gate alarm rings",
    "loyalty-card": "Loyalty card",
    "bad-mood": "Customer in a bad mood",
    "farewell": "Farewell",
}
WEEK = days(date(2026, 11, 16), date(2026, 11, 22), MOSCOW)
EMPTY = days(date(2025, 1, 1), date(2025, 1, 7), MOSCOW)
NOW = datetime(2026, 11, 21, 16, 0, tzinfo=UTC)
MEDIA_BOX = re.compile(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]")


@pytest.fixture
def reports(data_dir) -> Reports:
    journal = Journal.in_dir(data_dir)
    fill(journal)
    return Reports(journal.db.conn, MOSCOW)


def all_charts(reports: Reports, period, lang: str) -> dict[str, Figure]:
    return {
        "situations": charts.situations_chart(reports.rows("situation", period), TITLES, lang),
        "heatmap": charts.heatmap_chart(reports.heatmap(period), lang),
        "daily": charts.daily_chart(reports.daily(period), lang),
        "cashiers": charts.cashiers_chart(reports.rows("cashier", period), lang),
    }


def texts(*figures: Figure) -> list[str]:
    return [t.get_text() for fig in figures for t in fig.findobj(matplotlib.text.Text)]


def png(figure: Figure) -> bytes:
    buffer = BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("period", [WEEK, EMPTY], ids=["data", "empty"])
def test_every_chart_is_a_figure_that_saves(reports, period, lang):
    for name, figure in all_charts(reports, period, lang).items():
        assert isinstance(figure, Figure), name
        assert figure.axes, name
        assert png(figure).startswith(b"\x89PNG"), name


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_empty_data_says_so(reports, lang):
    expected = charts.CHART_MESSAGES["chart_no_data"][lang]
    for name, figure in all_charts(reports, EMPTY, lang).items():
        assert expected in texts(figure), name
    assert expected in texts(charts.situations_chart([], TITLES, lang))
    assert expected in texts(charts.heatmap_chart([], lang))


def test_the_situations_chart_has_one_bar_per_situation(reports):
    rows = reports.rows("situation", SATURDAY)
    figure = charts.situations_chart(rows, TITLES, "en")
    ax = next(a for a in figure.axes if a.get_yticklabels())
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Gate alarm rings", "Greeting", "Customer in a bad mood", "Loyalty card"]
    segments = len(charts.OUTCOME_STYLES)
    assert len(ax.containers) == segments
    assert all(len(bars) == len(rows) for bars in ax.containers)
    assert {"2", "1"} <= set(texts(figure))  # the totals beside the bars


def test_the_situations_chart_shows_the_top_ones(reports):
    rows = reports.rows("situation", SATURDAY)
    figure = charts.situations_chart(rows, TITLES, "en", limit=2)
    ax = next(a for a in figure.axes if a.get_yticklabels())
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Gate alarm rings", "Greeting"]
    assert "Situations (top 2 of 4)" in texts(figure)


def test_outcomes_differ_in_hatch_and_grey_as_well_as_colour():
    styles = charts.OUTCOME_STYLES
    assert len({s.hatch for s in styles}) == len(styles)
    assert len({s.face for s in styles}) == len(styles)

    def grey(color: str) -> float:
        r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
        return 0.299 * r + 0.587 * g + 0.114 * b

    levels = sorted(grey(s.face) for s in styles)
    assert all(b - a > 20 for a, b in itertools.pairwise(levels))


def test_charts_are_localised(reports):
    ru = texts(*all_charts(reports, WEEK, "ru").values())
    assert {"ВАУ", "Нормально", "Недоволен", "Позвали старшего", "Без итога"} <= set(ru)
    assert {"Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"} <= set(ru)
    en = texts(*all_charts(reports, WEEK, "en").values())
    assert {"WOW", "OK", "Upset", "Called lead", "No outcome", "Mon", "Sun"} <= set(en)


def test_every_message_has_both_languages():
    for code, entry in charts.CHART_MESSAGES.items():
        assert set(entry) == {"en", "ru"}, code


def test_chart_fonts_are_readable(reports):
    for figure in all_charts(reports, WEEK, "en").values():
        sizes = [t.get_fontsize() for t in figure.findobj(matplotlib.text.Text) if t.get_text()]
        assert min(sizes) >= 9
        assert tuple(figure.get_size_inches()) == charts.CHART_SIZE


def test_card_titles_and_notes_are_drawn_as_written(reports, tmp_path):
    odd = {**TITLES, "greeting": r"Hello $5 \frac{1}{0 $", "gate-alarm": "<b>Gate</b> $x_1$"}
    chart = charts.situations_chart(reports.rows("situation", WEEK), odd, "en")
    png(chart)  # would raise if "$...$" were read as maths
    assert {odd["greeting"], odd["gate-alarm"]} <= set(texts(chart))
    path = tmp_path / "odd.pdf"
    extra = report(reports, "en", notes=r"Till 2 short by $3 \sqrt{")
    assert shift_report(path, reports, SATURDAY, Filters(), **{**extra, "titles": odd}) == 2


def report(reports: Reports, lang: str, **extra) -> dict:
    return dict(
        store="Store 7",
        register="2",
        lang=lang,
        titles=TITLES,
        card_ids=CARDS,
        now=NOW,
        **extra,
    )


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_shift_report_is_a_two_page_a4_pdf(reports, tmp_path, lang):
    path = tmp_path / f"report-{lang}.pdf"
    pages = shift_report(path, reports, SATURDAY, Filters(), **report(reports, lang))
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert pages == 2
    boxes = [tuple(map(float, m)) for m in MEDIA_BOX.findall(data)]
    assert len(boxes) == 2
    for x0, y0, x1, y1 in boxes:
        assert (x0, y0) == (0, 0)
        assert abs(x1 - 595.28) <= 1 and abs(y1 - 841.89) <= 1
    assert b"POS Coach" in data  # the Creator


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "Shift report"), ("ru", "Отчёт о смене")], ids=["en", "ru"]
)
def test_report_pages_are_localised(reports, lang, title):
    pages = report_pages(reports, SATURDAY, Filters(), **report(reports, lang))
    assert len(pages) == 2
    words = texts(*pages)
    assert title in words
    assert "Farewell" in " ".join(words)  # the one card not used on Saturday
    assert "10:00–11:00" in words  # the busiest hour
    assert "Gate alarm rings" in words  # most often upset, by title


def test_the_report_holds_notes_and_filters(reports):
    pages = report_pages(
        reports,
        SATURDAY,
        Filters(cashier="Oleg"),
        **report(reports, "en", notes="Check the gate alarm at exit 2.\nCall the security firm."),
    )
    words = " ".join(texts(*pages))
    assert "Check the gate alarm at exit 2." in words
    assert "Call the security firm." in words
    assert "cashier Oleg" in words


def test_long_notes_continue_on_a_third_page(reports, tmp_path):
    notes = "\n".join(f"Line {n}: something worth writing down." for n in range(40))
    path = tmp_path / "long.pdf"
    pages = shift_report(path, reports, SATURDAY, Filters(), **report(reports, "en", notes=notes))
    assert pages == 3
    assert len(MEDIA_BOX.findall(path.read_bytes())) == 3


def test_a_report_for_an_empty_period_still_renders(reports, tmp_path):
    path = tmp_path / "empty.pdf"
    assert shift_report(path, reports, EMPTY, Filters(), **report(reports, "ru")) == 2
    assert path.read_bytes().startswith(b"%PDF")


def test_report_fonts_are_at_least_8_points(reports):
    pages = report_pages(reports, WEEK, Filters(), **report(reports, "en", notes="a note"))
    sizes = [
        t.get_fontsize()
        for page in pages
        for t in page.findobj(matplotlib.text.Text)
        if t.get_text()
    ]
    assert min(sizes) >= 8


def test_charts_and_pdf_do_not_import_qt():
    code = (
        "import sys; import pos_coach.review.charts, pos_coach.review.pdf; "
        "print('PySide6' in sys.modules, 'matplotlib.pyplot' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.split() == ["False", "False"]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_report_text_stays_inside_the_margins_without_overlapping(reports, lang):
    pages = report_pages(reports, WEEK, Filters(), **report(reports, lang, notes="A note. " * 60))
    for page in pages:
        page.draw_without_rendering()
        margin = 1.5 / 2.54 * page.dpi  # 1.5 cm in pixels
        width, height = page.bbox.width, page.bbox.height
        boxes = [
            t.get_window_extent()
            for t in page.findobj(matplotlib.text.Text)
            if t.get_visible() and t.get_text().strip()
        ]
        for box in boxes + [ax.get_tightbbox() for ax in page.axes]:
            assert margin <= box.x0 and box.x1 <= width - margin
            assert margin <= box.y0 and box.y1 <= height - margin
        for n, first in enumerate(boxes):
            for second in boxes[n + 1 :]:
                across = min(first.x1, second.x1) - max(first.x0, second.x0)
                up = min(first.y1, second.y1) - max(first.y0, second.y0)
                assert across <= 0.5 or up <= 0.5
