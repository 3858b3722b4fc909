"""Report charts as matplotlib figures, shared by the review window and the PDF shift report.

Qt-free: only ``matplotlib.figure`` is used (never pyplot, never a GUI backend), so figures can be
drawn in a worker thread and saved as PNG or PDF. Every chart prints in black and white: the
outcome segments differ by hatch pattern and grey level as well as by colour.

Each chart exists twice: ``draw_*`` draws into any figure or subfigure (the PDF composes a page
of them) and ``*_chart`` returns a figure of its own, sized for a 1366x768 office screen.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

import matplotlib
from matplotlib.figure import Figure, SubFigure

from pos_coach.i18n import template
from pos_coach.review.reports import Row

if TYPE_CHECKING:
    from matplotlib.axes import Axes

Target = Figure | SubFigure  # where a chart is drawn

# Text in charts and reports comes from cards and notes: "$5 or $10" is money, not maths.
matplotlib.rcParams["text.parse_math"] = False

CHART_SIZE = (6.5, 3.2)  # inches; 650 x 320 pixels at CHART_DPI
CHART_DPI = 100
FONT = 9  # points: the smallest text on any chart
TITLE_FONT = 10.5
TITLE_HEIGHT = 0.3  # inches above a chart for its title
LEGEND_HEIGHT = 0.28  # and for a one-row legend under the title
TITLE_TOP = 0.04  # inches between the top edge and the title
TITLE_LEFT = 0.06  # inches between the left edge and the title
TEXT_COLOR = "#222222"
GRID_COLOR = "#D9D9D9"
HEAT_COLORMAP = "Greys"  # one hue, white for zero: prints in black and white
MAX_DATE_LABELS = 10
MIN_BARS = 5  # room for this many bars even when there are fewer
MIN_DAYS = 7  # and for this many days
MAX_LABEL_CHARS = 32
CHAR_WIDTH = 0.08  # inches: a generous average width of one character at FONT points

CHART_MESSAGES: dict[str, dict[str, str]] = {
    "chart_no_data": {"en": "No data for this period", "ru": "Нет данных за этот период"},
    "outcome_wow": {"en": "WOW", "ru": "ВАУ"},
    "outcome_ok": {"en": "OK", "ru": "Нормально"},
    "outcome_upset": {"en": "Upset", "ru": "Недоволен"},
    "outcome_escalated": {"en": "Called lead", "ru": "Позвали старшего"},
    "outcome_none": {"en": "No outcome", "ru": "Без итога"},
    "weekdays": {"en": "Mon Tue Wed Thu Fri Sat Sun", "ru": "Пн Вт Ср Чт Пт Сб Вс"},
    "months": {
        "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        "ru": "янв фев мар апр мая июн июл авг сен окт ноя дек",
    },
    "day_label": {"en": "{month} {day}", "ru": "{day} {month}"},
    "interactions": {"en": "Interactions", "ru": "Обращения"},
    "hour": {"en": "Hour of the day", "ru": "Час дня"},
    "wow_share": {"en": "Ended in WOW", "ru": "Доля «ВАУ»"},
    "share_of_interactions": {"en": "Share of interactions", "ru": "Доля обращений"},
    "unknown_cashier": {"en": "(no name)", "ru": "(без имени)"},
    "chart_situations": {"en": "Situations", "ru": "Ситуации"},
    "chart_situations_top": {
        "en": "Situations (top {shown} of {total})",
        "ru": "Ситуации (первые {shown} из {total})",
    },
    "chart_heatmap": {
        "en": "Interactions by weekday and hour",
        "ru": "Обращения по дням недели и часам",
    },
    "chart_daily": {
        "en": "Interactions per day and WOW share",
        "ru": "Обращения по дням и доля «ВАУ»",
    },
    "chart_cashiers": {"en": "Outcomes by cashier", "ru": "Итоги по кассирам"},
    "chart_cashiers_top": {
        "en": "Outcomes by cashier (top {shown} of {total})",
        "ru": "Итоги по кассирам (первые {shown} из {total})",
    },
    # the PDF shift report (pos_coach.review.pdf)
    "report_title": {"en": "Shift report", "ru": "Отчёт о смене"},
    "report_store": {"en": "Store", "ru": "Магазин"},
    "report_register": {"en": "Register", "ru": "Касса"},
    "report_period": {"en": "Period", "ru": "Период"},
    "report_generated": {"en": "Generated", "ru": "Сформирован"},
    "report_filters": {"en": "Filters", "ru": "Фильтры"},
    "report_time_zone": {"en": "times in {zone}", "ru": "время: {zone}"},
    "report_at_a_glance": {"en": "At a glance", "ru": "Коротко"},
    "report_this_period": {"en": "This period", "ru": "Этот период"},
    "report_previous_period": {"en": "Previous period", "ru": "Прошлый период"},
    "report_change": {"en": "Change", "ru": "Изменение"},
    "report_ok_share": {"en": "Ended OK", "ru": "Доля «Нормально»"},
    "report_upset_share": {"en": "Ended upset", "ru": "Доля «Недоволен»"},
    "report_escalations": {"en": "Shift lead called", "ru": "Звали старшего"},
    "report_busiest_hour": {"en": "Busiest hour", "ru": "Самый загруженный час"},
    "report_most_upset": {"en": "Most often upset", "ru": "Чаще всего недовольны"},
    "report_points": {"en": "pts", "ru": "п.п."},
    "report_top_situations": {"en": "Top situations", "ru": "Главные ситуации"},
    "report_situation": {"en": "Situation", "ru": "Ситуация"},
    "report_unused": {
        "en": "Cards never used in this period ({count})",
        "ru": "Карточки, не использованные за период ({count})",
    },
    "report_all_used": {
        "en": "Every card was used at least once.",
        "ru": "Каждая карточка использована хотя бы раз.",
    },
    "report_notes": {"en": "Notes", "ru": "Заметки"},
    "report_continued": {"en": "continued", "ru": "продолжение"},
    "report_page": {"en": "page {page} of {pages}", "ru": "стр. {page} из {pages}"},
    "filter_cashier": {"en": "cashier {value}", "ru": "кассир {value}"},
    "filter_situations": {"en": "{count} situation(s)", "ru": "ситуаций: {count}"},
    "filter_outcome": {"en": "outcome {value}", "ru": "итог: {value}"},
    "filter_lang": {"en": "language {value}", "ru": "язык: {value}"},
}


def text(code: str, lang: str, **args: object) -> str:
    """The text of chart message ``code`` in ``lang`` (English when the language has none)."""
    chosen = template(CHART_MESSAGES, code, lang)
    return chosen.format(**args) if args else chosen


@dataclass(frozen=True)
class OutcomeStyle:
    """How one outcome segment looks: colour on screen, grey level and hatch on paper."""

    field: str  # the Row attribute with the count
    code: str  # message code of the label
    color: str  # edges and hatch lines
    face: str  # fill: a tint of the colour, so grey levels differ in black and white
    hatch: str


def segment_look(style: OutcomeStyle, lang: str) -> dict[str, Any]:
    """How one outcome's segment of a stacked bar is drawn (either direction), and its label."""
    return {
        "color": style.face,
        "edgecolor": style.color,
        "hatch": style.hatch,
        "linewidth": 0.6,
        "label": text(style.code, lang),
    }


def tint(color: str, strength: float) -> str:
    """``color`` mixed with white: 1.0 is the colour itself, 0.0 white."""
    channels = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - (255 - c) * strength) for c in channels]
    return "#" + "".join(f"{c:02X}" for c in mixed)


# stacking order, left to right / bottom to top; each fill has its own grey level too
OUTCOME_STYLES: tuple[OutcomeStyle, ...] = (
    OutcomeStyle("wow", "outcome_wow", "#1E6B3A", "#1E6B3A", ""),
    OutcomeStyle("ok", "outcome_ok", "#3F5568", tint("#3F5568", 0.35), "//"),
    OutcomeStyle("upset", "outcome_upset", "#9B2C2C", tint("#9B2C2C", 0.75), "xx"),
    OutcomeStyle("escalated", "outcome_escalated", "#5B3C88", tint("#5B3C88", 0.5), ".."),
    OutcomeStyle("open", "outcome_none", "#8C8C8C", "#EBEBEB", "--"),
)


# -- helpers -----------------------------------------------------------------------------------
def new_figure(size: tuple[float, float] = CHART_SIZE) -> Figure:
    """A white figure with constrained layout, so nothing is cut at the edges."""
    return Figure(figsize=size, dpi=CHART_DPI, layout="constrained", facecolor="white")


def shorten(label: str, limit: int = MAX_LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def nice_ticks(top: float, most: int = 6) -> list[int]:
    """Whole-number ticks from 0 to at least ``top``, a 1-2-5 step, at most ``most`` intervals."""
    top = max(1, math.ceil(top))
    step = 1
    while math.ceil(top / step) > most:
        step = _next_step(step)
    return list(range(0, math.ceil(top / step) * step + 1, step))


def _next_step(step: int) -> int:
    """1, 2, 5, 10, 20, 50, ..."""
    digits = str(step)
    lead, zeros = int(digits[0]), len(digits) - 1
    return {1: 2, 2: 5, 5: 10}[lead] * 10**zeros


def height_inches(target: Target) -> float:
    """The height of a figure or subfigure in inches."""
    if isinstance(target, Figure):
        return target.get_figheight()
    return target.bbox.height / target.dpi


def width_inches(target: Target) -> float:
    """The width of a figure or subfigure in inches."""
    if isinstance(target, Figure):
        return target.get_figwidth()
    return target.bbox.width / target.dpi


def split(target: Target, title: str, legend: bool = True) -> tuple[SubFigure, SubFigure]:
    """A heading strip (title, then room for a legend in one row) above the chart's body.

    The heading has its own subfigure so a wide legend never squeezes or overlaps the plot, and
    titles line up the same on screen and on paper.
    """
    head_height = TITLE_HEIGHT + (LEGEND_HEIGHT if legend else 0)
    body_height = max(height_inches(target) - head_height, 2 * head_height)
    # squeeze=False: always a (2, 1) array of subfigures (squeezed, its type is not known)
    grid = target.subfigures(2, 1, squeeze=False, height_ratios=[head_height, body_height])
    head: SubFigure = grid[0, 0]
    body: SubFigure = grid[1, 0]
    head.text(
        TITLE_LEFT / width_inches(target),
        1 - TITLE_TOP / head_height,
        title,
        ha="left",
        va="top",
        fontsize=TITLE_FONT,
        weight="bold",
        color=TEXT_COLOR,
    )
    return head, body


def add_legend(head: SubFigure, ax: Axes, columns: int) -> None:
    """The legend of ``ax`` in one row at the bottom of the heading strip."""
    head.legend(
        *ax.get_legend_handles_labels(),
        loc="lower left",
        bbox_to_anchor=(0.0, 0.0),
        ncol=columns,
        fontsize=FONT,
        frameon=False,
        handlelength=1.8,
        handleheight=1.1,
        columnspacing=1.2,
        borderaxespad=0.1,
    )


def style_axes(ax: Axes, value_axis: Literal["x", "y"]) -> None:
    """Calm axes: no top/right frame, a light grid along the value axis behind the data."""
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=FONT, colors=TEXT_COLOR)
    ax.set_axisbelow(True)
    ax.grid(axis=value_axis, color=GRID_COLOR, linewidth=0.6)


def draw_no_data(target: Target, lang: str, title: str) -> Axes:
    """An empty chart saying there is nothing to show."""
    _head, body = split(target, title, legend=False)
    ax = body.add_subplot()
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        text("chart_no_data", lang),
        ha="center",
        va="center",
        fontsize=FONT + 2,
        color="#555555",
        transform=ax.transAxes,
    )
    return ax


def has_data(rows: Sequence[Row]) -> bool:
    return any(r.interactions for r in rows)


def top_rows(rows: Sequence[Row], limit: int) -> list[Row]:
    """The ``limit`` largest groups, the largest first."""
    return sorted(rows, key=lambda r: -r.interactions)[: max(limit, 0)]


def top_with_title(rows: Sequence[Row], limit: int, code: str, lang: str) -> tuple[list[Row], str]:
    """The largest groups with interactions, and the chart title ("top N of M" when cut)."""
    used = [r for r in rows if r.interactions]
    shown = top_rows(used, limit)
    if len(used) > len(shown):
        return shown, text(f"{code}_top", lang, shown=len(shown), total=len(used))
    return shown, text(code, lang)


# -- situations --------------------------------------------------------------------------------
def draw_situations(
    target: Target, rows: Sequence[Row], titles: Mapping[str, str], lang: str, limit: int = 12
) -> Axes:
    """Horizontal stacked bars of outcomes per situation, the largest at the top."""
    shown, title = top_with_title(rows, limit, "chart_situations", lang)
    if not shown:
        return draw_no_data(target, lang, title)
    head, body = split(target, title)
    ax = body.add_subplot()
    positions = range(len(shown))
    left = [0] * len(shown)
    for style in OUTCOME_STYLES:
        counts = [getattr(r, style.field) for r in shown]
        ax.barh(
            positions,
            counts,
            left=left,
            height=0.7,
            **segment_look(style, lang),
        )
        left = [a + b for a, b in zip(left, counts, strict=True)]
    most = max(r.interactions for r in shown)
    for y, row in zip(positions, shown, strict=True):
        ax.text(
            row.interactions + most * 0.01, y, str(row.interactions), va="center", fontsize=FONT
        )
    ax.set_yticks(list(positions), [shorten(titles.get(r.key, str(r.key))) for r in shown])
    ax.set_ylim(max(len(shown), MIN_BARS) - 0.5, -0.5)  # the largest on top; few bars stay slim
    ticks = nice_ticks(most)
    ax.set_xticks(ticks)
    ax.set_xlim(0, max(ticks[-1], most * 1.08))
    ax.set_xlabel(text("interactions", lang), fontsize=FONT)
    style_axes(ax, "x")
    add_legend(head, ax, len(OUTCOME_STYLES))
    return ax


def situations_chart(
    rows: list[Row], titles: Mapping[str, str], lang: str, limit: int = 12
) -> Figure:
    """Outcomes per situation (the top ``limit``), each bar labelled with its total."""
    fig = new_figure()
    draw_situations(fig, rows, titles, lang, limit)
    return fig


# -- heat map ----------------------------------------------------------------------------------
def draw_heatmap(target: Target, grid: Sequence[Sequence[int]], lang: str) -> Axes:
    """Interactions per local weekday (rows, Monday first) and hour (columns)."""
    title = text("chart_heatmap", lang)
    if not grid or not any(any(line) for line in grid):
        return draw_no_data(target, lang, title)
    _head, body = split(target, title, legend=False)
    ax = body.add_subplot()
    most = max(max(line) for line in grid)
    mesh = ax.pcolormesh(  # vector cells: crisp on paper, unlike a scaled image
        [list(line) for line in grid],
        cmap=HEAT_COLORMAP,
        vmin=0,
        vmax=max(most, 1),
        edgecolors=GRID_COLOR,
        linewidth=0.5,
    )
    hours = len(grid[0])
    ax.set_xticks([h + 0.5 for h in range(hours)], [str(h) for h in range(hours)])
    ax.set_yticks([d + 0.5 for d in range(len(grid))], text("weekdays", lang).split()[: len(grid)])
    ax.invert_yaxis()
    ax.tick_params(labelsize=FONT, colors=TEXT_COLOR, length=2)
    ax.set_xlabel(text("hour", lang), fontsize=FONT)
    bar = body.colorbar(mesh, ax=ax, pad=0.02, fraction=0.05)
    bar.set_ticks([t for t in nice_ticks(most, 4) if t <= max(most, 1)])
    bar.ax.tick_params(labelsize=FONT)
    bar.set_label(text("interactions", lang), fontsize=FONT)
    return ax


def heatmap_chart(grid: list[list[int]], lang: str) -> Figure:
    """Weekday x hour heat map in one grey hue with a colour bar."""
    fig = new_figure()
    draw_heatmap(fig, grid, lang)
    return fig


# -- daily trend -------------------------------------------------------------------------------
def day_label(key: object, lang: str) -> str:
    """A short local date such as "Nov 21" or "21 ноя" (the key is a date or ISO text)."""
    try:
        day = key if isinstance(key, date) else date.fromisoformat(str(key))
    except ValueError:
        return str(key)
    month = text("months", lang).split()[day.month - 1]
    return text("day_label", lang, day=day.day, month=month)


def draw_daily(target: Target, rows: Sequence[Row], lang: str) -> Axes:
    """Interactions per day as bars, the WOW share as a line on a second (percent) axis."""
    title = text("chart_daily", lang)
    if not has_data(rows):
        return draw_no_data(target, lang, title)
    head, body = split(target, title)
    ax = body.add_subplot()
    positions = list(range(len(rows)))
    ax.bar(
        positions,
        [r.interactions for r in rows],
        width=0.7,
        color="#C9D1D9",
        edgecolor="#3F5568",
        linewidth=0.6,
        label=text("interactions", lang),
    )
    step = math.ceil(len(rows) / MAX_DATE_LABELS)
    shown = positions[::step]
    ax.set_xticks(shown, [day_label(rows[p].key, lang) for p in shown])
    spare = max(MIN_DAYS - len(rows), 0) / 2  # a day or two stay slim bars, in the middle
    ax.set_xlim(-0.6 - spare, len(rows) - 0.4 + spare)
    most = max(r.interactions for r in rows)
    ticks = nice_ticks(most, 5)
    ax.set_yticks(ticks)
    ax.set_ylim(0, ticks[-1])
    ax.set_ylabel(text("interactions", lang), fontsize=FONT)
    style_axes(ax, "y")
    share = ax.twinx()
    shares = [r.share("wow") for r in rows]
    share.plot(
        positions,
        [math.nan if s is None else s * 100 for s in shares],
        color="#1E6B3A",
        linewidth=1.8,
        marker="o",
        markersize=4,
        clip_on=False,  # a 0% or 100% point stays whole
        label=text("wow_share", lang),
    )
    share.set_ylim(0, 105)
    share.set_yticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    share.set_ylabel(text("wow_share", lang), fontsize=FONT)
    share.tick_params(labelsize=FONT, colors=TEXT_COLOR)
    share.spines[["top"]].set_visible(False)
    handles, labels = ax.get_legend_handles_labels()
    more_handles, more_labels = share.get_legend_handles_labels()
    head.legend(
        handles + more_handles,
        labels + more_labels,
        loc="lower left",
        bbox_to_anchor=(0.0, 0.0),
        ncol=2,
        fontsize=FONT,
        frameon=False,
        borderaxespad=0.1,
    )
    return ax


def daily_chart(rows: list[Row], lang: str) -> Figure:
    """Interactions per local day with the WOW share; date labels thinned when many."""
    fig = new_figure()
    draw_daily(fig, rows, lang)
    return fig


# -- cashiers ----------------------------------------------------------------------------------
def draw_cashiers(target: Target, rows: Sequence[Row], lang: str, limit: int = 12) -> Axes:
    """Per cashier, 100%-stacked outcome shares with the number of interactions on top."""
    shown, title = top_with_title(rows, limit, "chart_cashiers", lang)
    if not shown:
        return draw_no_data(target, lang, title)
    head, body = split(target, title)
    ax = body.add_subplot()
    positions = range(len(shown))
    bottom = [0.0] * len(shown)
    for style in OUTCOME_STYLES:
        shares = [getattr(r, style.field) / r.interactions * 100 for r in shown]
        ax.bar(
            positions,
            shares,
            bottom=bottom,
            width=0.6,
            **segment_look(style, lang),
        )
        bottom = [a + b for a, b in zip(bottom, shares, strict=True)]
    for x, row in zip(positions, shown, strict=True):
        ax.text(x, 101.5, str(row.interactions), ha="center", va="bottom", fontsize=FONT)
    names = [str(r.key) if r.key else text("unknown_cashier", lang) for r in shown]
    ax.set_xticks(list(positions), names)
    label_names(ax, names, width_inches(body) * 0.85 / len(shown))
    spare = max(MIN_BARS - len(shown), 0) / 2  # few bars stay slim, in the middle
    ax.set_xlim(-0.5 - spare, len(shown) - 0.5 + spare)
    ax.set_ylim(0, 112)
    ax.set_yticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    ax.set_ylabel(text("share_of_interactions", lang), fontsize=FONT)
    style_axes(ax, "y")
    add_legend(head, ax, len(OUTCOME_STYLES))
    return ax


def label_names(ax: Axes, names: Sequence[str], slot: float) -> None:
    """Name the bars: on two lines when a name is too wide for its bar, slanted if still so."""
    chars = max(int(slot / CHAR_WIDTH), 4)
    wrapped = [textwrap.wrap(name, chars) or [""] for name in names]
    if all(len(lines) <= 2 and max(map(len, lines)) <= chars for lines in wrapped):
        ax.set_xticks(ax.get_xticks(), ["\n".join(lines) for lines in wrapped])
        return
    labels = [shorten(name, 16) for name in names]
    ax.set_xticks(ax.get_xticks(), labels, rotation=30, ha="right", rotation_mode="anchor")


def cashiers_chart(rows: list[Row], lang: str) -> Figure:
    """Outcome shares per cashier (100% bars) with how many interactions each had."""
    fig = new_figure()
    draw_cashiers(fig, rows, lang)
    return fig
