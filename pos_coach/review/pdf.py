"""The shift report as an A4 PDF: the at-a-glance figures, charts and tables on two pages.

Qt-free: pages are plain matplotlib figures (see :mod:`pos_coach.review.charts`) written with
``PdfPages``. Each page is one figure cut into horizontal strips (subfigures); text and tables
are drawn on a "canvas" axes whose data units are inches from the strip's top-left corner, so
their layout is exact. Everything is dark on white and the outcome segments are hatched, so the
report prints well in black and white. Notes or unused-card lists too long for page 2 continue
on further pages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure, SubFigure
from matplotlib.layout_engine import ConstrainedLayoutEngine

from pos_coach.review import charts
from pos_coach.review.charts import FONT, TEXT_COLOR, TITLE_FONT, text
from pos_coach.review.filters import NO_OUTCOME, Filters
from pos_coach.review.output import hour_span, percent
from pos_coach.review.periods import Period
from pos_coach.review.reports import Glance, Reports, Row

if TYPE_CHECKING:
    from matplotlib.axes import Axes

CREATOR = "POS Coach"
PAGE = (8.27, 11.69)  # A4 portrait, inches
PAGE_DPI = 100
MARGIN_X = 0.75  # inches (1.9 cm)
MARGIN_TOP = 0.65  # 1.65 cm
MARGIN_BOTTOM = 0.9  # 2.3 cm: the footer sits in the lower part, 1.5 cm above the edge
FOOTER_Y = 0.6  # 1.52 cm
CONTENT_WIDTH = PAGE[0] - 2 * MARGIN_X
CONTENT_HEIGHT = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM
SLACK = 0.05  # inches kept free at the bottom of each page

SMALL = 8  # points: the footer
TITLE = 18
INDENT = 0.06  # inches from the left edge of the text area to text
BOLD_WIDTH = 1.15  # bold text is about this much wider
TEXT_WIDTH = CONTENT_WIDTH - 2 * INDENT - 0.15  # inches for a line of text, with some to spare
HEADER_FONT = 8.5  # points: table headers (bold)
LINE = FONT * 1.35 / 72  # inches per line of FONT-point text
ROW_PAD = 0.04  # inches above and below the text of a table row
HEADING = 0.3  # inches for a section heading
CHART_HEIGHT = 2.85  # the situations chart on page 1
CHART_SITUATIONS = 10  # bars on it
SMALL_CHART_HEIGHT = 2.5  # the three charts on page 2
GAP = 0.12  # inches between charts
TOP_SITUATIONS = 10
SITUATION_COLUMN = 2.55  # inches
RULE = "#8C8C8C"
FAINT_RULE = "#D9D9D9"
HEADER_FILL = "#EEEEEE"

OUTCOME_CODES = {
    "wow": "outcome_wow",
    "ok": "outcome_ok",
    "upset": "outcome_upset",
    "escalated": "outcome_escalated",
    NO_OUTCOME: "outcome_none",
}


# -- page composition --------------------------------------------------------------------------
@dataclass
class Strip:
    """One horizontal part of a page: its height in inches and how to draw it."""

    height: float
    draw: Callable[[SubFigure], object]


def canvas(target: SubFigure) -> Axes:
    """An invisible axes over the whole strip, in inches from its top-left corner."""
    width = target.bbox.width / target.dpi
    height = target.bbox.height / target.dpi
    ax = target.add_axes((0, 0, 1, 1))  # not in a grid: the layout leaves it alone
    ax.set_axis_off()
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    return ax


def compose(strips: Sequence[Strip], footer: tuple[str, str]) -> Figure:
    """An A4 page of strips stacked from the top, with a footer in the bottom margin."""
    page = Figure(figsize=PAGE, dpi=PAGE_DPI, layout="constrained", facecolor="white")
    engine = page.get_layout_engine()
    assert isinstance(engine, ConstrainedLayoutEngine)  # layout="constrained" just above
    engine.set(
        rect=(
            MARGIN_X / PAGE[0],
            MARGIN_BOTTOM / PAGE[1],
            CONTENT_WIDTH / PAGE[0],
            CONTENT_HEIGHT / PAGE[1],
        ),
        h_pad=0.02,
        w_pad=0.02,
        hspace=0,
        wspace=0,
    )
    used = sum(s.height for s in strips)
    heights = [s.height for s in strips] + [max(CONTENT_HEIGHT - used, 0.05)]
    grid = page.add_gridspec(len(heights), 1, height_ratios=heights, hspace=0)
    top = PAGE[1] - MARGIN_TOP
    for n, strip in enumerate(strips):
        part = page.add_subfigure(grid[n, 0])
        place(part, top - strip.height, strip.height)
        strip.draw(part)
        top -= strip.height
    left, right = footer
    y = FOOTER_Y / PAGE[1]
    page.text(MARGIN_X / PAGE[0], y, left, fontsize=SMALL, color=TEXT_COLOR, va="bottom")
    page.text(
        1 - MARGIN_X / PAGE[0], y, right, fontsize=SMALL, color=TEXT_COLOR, ha="right", va="bottom"
    )
    return page


def place(part: SubFigure, bottom: float, height: float) -> None:
    """Give a strip its final place (inches from the page's bottom) before anything is drawn.

    The layout engine puts it there too, but only when the page is drawn; the charts and the
    canvas size themselves from the strip's size when they are built.
    """
    box = part.bbox_relative
    box.x0, box.x1 = MARGIN_X / PAGE[0], 1 - MARGIN_X / PAGE[0]
    box.y0, box.y1 = bottom / PAGE[1], (bottom + height) / PAGE[1]


def gap(height: float = GAP) -> Strip:
    return Strip(height, lambda target: None)


def heading(ax: Axes, title: str, y: float = 0.0) -> float:
    """A bold section heading at ``y`` inches; returns where the content below starts."""
    ax.text(INDENT, y + 0.04, title, fontsize=TITLE_FONT, weight="bold", color=TEXT_COLOR, va="top")
    return y + HEADING


def lines_strip(lines: Sequence[tuple[str, str]]) -> Strip:
    """Text lines, each ("heading" | "text" | "gap", text), in one strip."""
    height = sum(line_height(kind) for kind, _ in lines)

    def draw(target: SubFigure) -> None:
        ax = canvas(target)
        y = 0.0
        for kind, content in lines:
            if kind == "heading":
                heading(ax, content, y)
            elif kind == "text":
                ax.text(INDENT, y, content, fontsize=FONT, color=TEXT_COLOR, va="top")
            y += line_height(kind)

    return Strip(height, draw)


def line_height(kind: str) -> float:
    return {"heading": HEADING, "text": LINE, "gap": LINE / 2}[kind]


# -- measuring text ----------------------------------------------------------------------------
NARROW = set(" .,:;'!|()[]«»·-/\"ijlI")
WIDE = set("mwMWжшщыюЖШЩЫЮМм—")


def text_width(value: str, size: float = FONT, bold: bool = False) -> float:
    """About how wide ``value`` is in inches in the default font (DejaVu Sans), a bit generous.

    An estimate from character classes, good to a few percent on ordinary Russian and English.
    """
    total = 0.0
    for char in value:
        if char in NARROW:
            total += 0.04
        elif char in WIDE:
            total += 0.12
        elif "\u0400" <= char <= "\u04ff" or char.isupper() or char.isdigit():  # Cyrillic
            total += 0.082
        else:
            total += 0.077
    return total * size / FONT * (BOLD_WIDTH if bold else 1)


def fit_text(value: str, width: float, size: float = FONT, bold: bool = False) -> str:
    """``value`` shortened with an ellipsis to fit ``width`` inches."""
    if text_width(value, size, bold) <= width:
        return value
    while value and text_width(value + "…", size, bold) > width:
        value = value[:-1]
    return value.rstrip() + "…"


def wrap(
    value: str, width: float, size: float = FONT, bold: bool = False, split_words: bool = True
) -> list[str]:
    """``value`` in lines of at most ``width`` inches; a word too long for a line is split
    (unless ``split_words`` is false: then it stays whole and may overhang)."""
    lines: list[str] = []
    line = ""
    for word in value.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while split_words and len(word) > 1 and text_width(word, size, bold) > width:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut], size, bold) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    return [*lines, line] if line else lines


# -- tables ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    title: str
    width: float  # inches
    align: str = "left"  # or "right"
    max_lines: int = 2  # longer text is shortened with an ellipsis

    @property
    def room(self) -> float:
        """Inches for text inside a cell."""
        return self.width - 2 * INDENT


def wrap_cell(value: str, column: Column, header: bool = False) -> list[str]:
    """The cell's text in lines that fit the column; the rest shortened with an ellipsis.

    Header words are never split (a short overhang to the left is fine: the neighbouring text
    ends well before its column does).
    """
    size, most = (HEADER_FONT, 2) if header else (FONT, column.max_lines)
    lines = wrap(value, column.room, size, bold=header, split_words=not header) or [""]
    if len(lines) > most:
        rest = " ".join(lines[most - 1 :])
        lines = [*lines[: most - 1], fit_text(rest, column.room, size, bold=header)]
    return lines


@dataclass
class Table:
    """A plain table: a shaded header row, rules between rows, numbers aligned right."""

    columns: Sequence[Column]
    rows: Sequence[Sequence[str]]
    empty: str = ""  # shown under the header when there are no rows

    def wrapped(self) -> list[list[list[str]]]:
        header = [wrap_cell(c.title, c, header=True) for c in self.columns]
        body = [
            [wrap_cell(v, c) for v, c in zip(row, self.columns, strict=True)] for row in self.rows
        ]
        return [header, *body]

    @staticmethod
    def row_height(cells: Sequence[Sequence[str]]) -> float:
        return max(len(c) for c in cells) * LINE + 2 * ROW_PAD

    @property
    def height(self) -> float:
        heights = [self.row_height(cells) for cells in self.wrapped()]
        return sum(heights) + (0 if self.rows else LINE + 2 * ROW_PAD)

    def draw(self, ax: Axes, top: float) -> None:
        width = sum(c.width for c in self.columns)
        y = top
        for n, cells in enumerate(self.wrapped()):
            height = self.row_height(cells)
            if n == 0:
                ax.fill_between([0, width], y, y + height, color=HEADER_FILL, linewidth=0)
            self._cells(ax, cells, y, bold=n == 0)
            y += height
            ax.hlines(y, 0, width, color=RULE if n == 0 else FAINT_RULE, linewidth=0.6)
        if not self.rows:
            ax.text(INDENT, y + ROW_PAD, self.empty, fontsize=FONT, color=TEXT_COLOR, va="top")
            y += LINE + 2 * ROW_PAD
            ax.hlines(y, 0, width, color=FAINT_RULE, linewidth=0.6)

    def _cells(self, ax: Axes, cells: Sequence[Sequence[str]], y: float, bold: bool) -> None:
        x = 0.0
        for column, lines in zip(self.columns, cells, strict=True):
            right = column.align == "right"
            ax.text(
                x + column.width - INDENT if right else x + INDENT,
                y + ROW_PAD,
                "\n".join(lines),
                ha="right" if right else "left",
                va="top",
                fontsize=HEADER_FONT if bold else FONT,
                weight="bold" if bold else "normal",
                color=TEXT_COLOR,
                linespacing=1.2,
            )
            x += column.width


def table_strip(title: str, table: Table) -> Strip:
    def draw(target: SubFigure) -> None:
        ax = canvas(target)
        table.draw(ax, heading(ax, title))

    return Strip(HEADING + table.height + 0.1, draw)


# -- words and numbers -------------------------------------------------------------------------
def local_date(day: date, lang: str) -> str:
    if lang == "ru":
        return day.strftime("%d.%m.%Y")
    month = text("months", "en").split()[day.month - 1]
    return f"{day.day} {month} {day.year}"


def local_moment(moment: datetime, zone: tzinfo, lang: str) -> str:
    local = moment.astimezone(zone)
    return f"{local_date(local.date(), lang)} {local:%H:%M}"


def zone_name(zone: tzinfo, moment: datetime) -> str:
    return getattr(zone, "key", None) or moment.astimezone(zone).tzname() or str(zone)


def period_text(period: Period, zone: tzinfo, lang: str) -> str:
    """Whole local days as dates ("21.11.2026 – 27.11.2026"), anything else with times."""
    start, end = period.start.astimezone(zone), period.end.astimezone(zone)
    if start.time() == time(0) and end.time() == time(0):
        first, last = start.date(), (end - timedelta(days=1)).date()
        if first >= last:
            return local_date(first, lang)
        return f"{local_date(first, lang)} – {local_date(last, lang)}"
    if start.date() == end.date():
        return f"{local_moment(start, zone, lang)} – {end:%H:%M}"
    return f"{local_moment(start, zone, lang)} – {local_moment(end, zone, lang)}"


def filters_text(filters: Filters, titles: Mapping[str, str], lang: str) -> str:
    parts = []
    if filters.cashier:
        parts.append(text("filter_cashier", lang, value=filters.cashier))
    if filters.situations is not None:
        if len(filters.situations) == 1:
            only = filters.situations[0]
            parts.append(titles.get(only, only))
        else:
            parts.append(text("filter_situations", lang, count=len(filters.situations)))
    if filters.outcome:
        code = OUTCOME_CODES.get(filters.outcome)
        value = text(code, lang) if code else filters.outcome
        parts.append(text("filter_outcome", lang, value=value))
    if filters.lang:
        parts.append(text("filter_lang", lang, value=filters.lang))
    return ", ".join(parts)


def signed(number: int) -> str:
    return f"+{number}" if number > 0 else f"−{-number}" if number < 0 else "0"


def count_change(now: int, then: int | None) -> str:
    return "—" if then is None else signed(now - then)


def share_change(now: float | None, then: float | None, lang: str) -> str:
    if now is None or then is None:
        return "—"
    return f"{signed(round((now - then) * 100))} {text('report_points', lang)}"


# -- page 1 ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Context:
    """What every part of the report needs to know."""

    reports: Reports
    period: Period
    filters: Filters
    store: str
    register: str
    lang: str
    titles: Mapping[str, str]
    card_ids: Sequence[str]
    notes: str
    now: datetime

    def title_of(self, situation: str | None) -> str:
        return "—" if situation is None else self.titles.get(situation, situation)


def header_strip(ctx: Context) -> Strip:
    lang, zone = ctx.lang, ctx.reports.zone
    rows = [
        f"{text('report_store', lang)}: {ctx.store or '—'}    "
        f"{text('report_register', lang)}: {ctx.register or '—'}",
        f"{text('report_period', lang)}: {period_text(ctx.period, zone, lang)} "
        f"({text('report_time_zone', lang, zone=zone_name(zone, ctx.period.start))})",
        f"{text('report_generated', lang)}: {local_moment(ctx.now, zone, lang)}",
    ]
    if ctx.filters.active:
        rows.append(
            f"{text('report_filters', lang)}: {filters_text(ctx.filters, ctx.titles, lang)}"
        )
    rows = [fit_text(r, TEXT_WIDTH, FONT + 1) for r in rows]
    title_height = 0.42

    def draw(target: SubFigure) -> None:
        ax = canvas(target)
        ax.text(
            INDENT,
            0.0,
            text("report_title", lang),
            fontsize=TITLE,
            weight="bold",
            color=TEXT_COLOR,
            va="top",
        )
        for n, row in enumerate(rows):
            ax.text(
                INDENT,
                title_height + n * LINE * 1.1,
                row,
                fontsize=FONT + 1,
                color=TEXT_COLOR,
                va="top",
            )

    return Strip(title_height + len(rows) * LINE * 1.1 + 0.15, draw)


def glance_table(ctx: Context) -> Table:
    lang = ctx.lang
    now = ctx.reports.glance(ctx.period, ctx.filters)
    was = now.previous or Glance(0, 0, None, None, None, 0, None, None)
    columns = [
        Column("", 2.0),
        Column(text("report_this_period", lang), 1.75, "right"),
        Column(text("report_previous_period", lang), 1.75, "right"),
        Column(text("report_change", lang), CONTENT_WIDTH - 5.6, "right"),
    ]
    shares = [
        ("wow_share", now.wow_share, was.wow_share),
        ("report_ok_share", now.ok_share, was.ok_share),
        ("report_upset_share", now.upset_share, was.upset_share),
    ]
    rows = [
        [
            text("interactions", lang),
            str(now.interactions),
            str(was.interactions),
            count_change(now.interactions, was.interactions),
        ],
        *(
            [text(code, lang), percent(a), percent(b), share_change(a, b, lang)]
            for code, a, b in shares
        ),
        [
            text("report_escalations", lang),
            str(now.escalations),
            str(was.escalations),
            count_change(now.escalations, was.escalations),
        ],
        [
            text("report_busiest_hour", lang),
            hour_span(now.busiest_hour),
            hour_span(was.busiest_hour),
            "",
        ],
        [
            text("report_most_upset", lang),
            ctx.title_of(now.most_upset),
            ctx.title_of(was.most_upset),
            "",
        ],
    ]
    return Table(columns, rows)


def situations_table(ctx: Context, rows: Sequence[Row], limit: int = TOP_SITUATIONS) -> Table:
    """The most frequent situations with their outcome counts, one line each."""
    lang = ctx.lang
    counted = [s for s in charts.OUTCOME_STYLES if s.field != "open"]  # the rest had none
    number = (CONTENT_WIDTH - SITUATION_COLUMN) / (len(counted) + 1)
    columns = [
        Column(text("report_situation", lang), SITUATION_COLUMN, max_lines=1),
        Column(text("interactions", lang), number, "right"),
        *(Column(text(s.code, lang), number, "right") for s in counted),
    ]
    top = charts.top_rows([r for r in rows if r.interactions], limit)
    body = [
        [
            ctx.title_of(r.key),
            str(r.interactions),
            *(str(getattr(r, s.field)) for s in counted),
        ]
        for r in top
    ]
    return Table(columns, body, empty=text("chart_no_data", lang))


def first_page(ctx: Context) -> list[Strip]:
    situations = ctx.reports.rows("situation", ctx.period, ctx.filters)
    lang = ctx.lang
    strips = [
        header_strip(ctx),
        table_strip(text("report_at_a_glance", lang), glance_table(ctx)),
        Strip(
            CHART_HEIGHT,
            lambda target: charts.draw_situations(
                target, situations, ctx.titles, lang, limit=CHART_SITUATIONS
            ),
        ),
    ]
    room = CONTENT_HEIGHT - SLACK - sum(s.height for s in strips)
    title = text("report_top_situations", lang)
    limit = TOP_SITUATIONS
    table = table_strip(title, situations_table(ctx, situations, limit))
    while table.height > room and limit > 1:  # only when the glance table has grown a lot
        limit -= 1
        table = table_strip(title, situations_table(ctx, situations, limit))
    return [*strips, table]


# -- page 2 and continuation pages -------------------------------------------------------------
def text_lines(ctx: Context) -> list[tuple[str, str]]:
    """The unused cards and the notes as lines of text, headings included."""
    lang = ctx.lang
    unused = ctx.reports.unused(ctx.card_ids, ctx.period, ctx.filters)
    names = sorted((ctx.title_of(card) for card in unused), key=str.casefold)
    lines = [("heading", text("report_unused", lang, count=len(names)))]
    listing = " · ".join(names) if names else text("report_all_used", lang)
    lines.extend(("text", line) for line in wrap(listing, TEXT_WIDTH))
    if ctx.notes.strip():
        lines.extend([("gap", ""), ("heading", text("report_notes", lang))])
        for paragraph in ctx.notes.strip().splitlines():
            wrapped = wrap(paragraph, TEXT_WIDTH) or [""]
            lines.extend(("text", line) for line in wrapped)
    return lines


def fit(lines: Sequence[tuple[str, str]], room: float) -> int:
    """How many of ``lines`` fit in ``room`` inches (at least one, so pages always advance)."""
    used, count = 0.0, 0
    for kind, _ in lines:
        used += line_height(kind)
        if used > room:
            break
        count += 1
    return max(count, 1)


def second_page(ctx: Context) -> tuple[list[Strip], list[tuple[str, str]]]:
    """Page 2's strips, and the text lines left over for continuation pages."""
    lang, reports, period, filters = ctx.lang, ctx.reports, ctx.period, ctx.filters
    heat = reports.heatmap(period, filters)
    daily = reports.daily(period, filters)
    cashiers = reports.rows("cashier", period, filters)
    strips = [
        Strip(SMALL_CHART_HEIGHT, lambda t: charts.draw_heatmap(t, heat, lang)),
        gap(),
        Strip(SMALL_CHART_HEIGHT, lambda t: charts.draw_daily(t, daily, lang)),
        gap(),
        Strip(SMALL_CHART_HEIGHT + GAP, lambda t: charts.draw_cashiers(t, cashiers, lang)),
    ]
    lines = text_lines(ctx)
    strips.append(gap())
    room = CONTENT_HEIGHT - SLACK - sum(s.height for s in strips)
    count = fit(lines, room)
    strips.append(lines_strip(lines[:count]))
    return strips, lines[count:]


def continuation_pages(ctx: Context, lines: list[tuple[str, str]]) -> list[list[Strip]]:
    pages = []
    title = f"{text('report_title', ctx.lang)} ({text('report_continued', ctx.lang)})"
    while lines:
        room = CONTENT_HEIGHT - SLACK - HEADING
        count = fit(lines, room)
        pages.append([lines_strip([("heading", title)]), lines_strip(lines[:count])])
        lines = lines[count:]
    return pages


# -- the report --------------------------------------------------------------------------------
def title_parts(reports: Reports, period: Period, store: str, lang: str) -> list[str]:
    """What names a report (its footer, the PDF's title): report, store (if any), period."""
    parts = [text("report_title", lang), store, period_text(period, reports.zone, lang)]
    return [part for part in parts if part]


def report_pages(
    reports: Reports,
    period: Period,
    filters: Filters,
    *,
    store: str,
    register: str,
    lang: str,
    titles: Mapping[str, str],
    card_ids: Sequence[str],
    notes: str = "",
    now: datetime | None = None,
) -> list[Figure]:
    """The report's pages as A4 figures (what :func:`shift_report` writes)."""
    ctx = Context(
        reports,
        period,
        filters,
        store,
        register,
        lang,
        titles,
        card_ids,
        notes,
        now or datetime.now(UTC),
    )
    page_two, rest = second_page(ctx)
    layouts = [first_page(ctx), page_two, *continuation_pages(ctx, rest)]
    left = " · ".join([CREATOR, *title_parts(reports, period, store, lang)])
    return [
        compose(strips, (left, text("report_page", lang, page=n, pages=len(layouts))))
        for n, strips in enumerate(layouts, start=1)
    ]


def shift_report(
    path: Path,
    reports: Reports,
    period: Period,
    filters: Filters,
    *,
    store: str,
    register: str,
    lang: str,
    titles: Mapping[str, str],
    card_ids: Sequence[str],
    notes: str = "",
    now: datetime | None = None,
) -> int:
    """Write the shift report to ``path`` as an A4 PDF; returns the number of pages."""
    now = now or datetime.now(UTC)
    pages = report_pages(
        reports,
        period,
        filters,
        store=store,
        register=register,
        lang=lang,
        titles=titles,
        card_ids=card_ids,
        notes=notes,
        now=now,
    )
    title = " — ".join(title_parts(reports, period, store, lang))
    metadata = {"Title": title, "Creator": CREATOR, "CreationDate": now}
    with PdfPages(path, metadata=metadata) as pdf:
        for page in pages:
            pdf.savefig(page)
    return len(pages)
