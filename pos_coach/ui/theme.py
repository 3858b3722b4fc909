"""Colours, sizes and the stylesheet: high contrast, readable at arm's length, big touch targets."""

from __future__ import annotations

from PySide6.QtGui import QColor

INK = "#111418"
PAPER = "#F3F4F6"
CARD = "#FFFFFF"
MUTED = "#3D4650"
LINE = "#C9CED6"
ACCENT = "#1F4E8C"
FOCUS = "#F2A900"

TOUCH = 56  # minimum height of anything a finger presses, in px (48 is the floor)
TOUCH_SMALL = 48  # on a short screen (see SMALL_HEIGHT): the floor, so the card's steps show
SMALL_HEIGHT = 720  # a window shorter than this (1024x600, 1280x720) lays out tighter
SCROLL_BAR = 26  # the width of a scroll bar a finger drags (the card's details, the tiles)
BACK_OFFICE_BUTTON = 42  # the review's and the editor's buttons: denser, still for a finger

OUTCOME_COLOURS = {
    "upset": "#9B2C2C",
    "ok": "#3F5568",
    "wow": "#1E6B3A",
    "escalated": "#5B3C88",
}


def text_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (WCAG relative luminance)."""
    colour = QColor(background)

    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    lum = (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )
    white_contrast = 1.05 / (lum + 0.05)
    black_contrast = (lum + 0.05) / 0.05
    return "#FFFFFF" if white_contrast >= black_contrast else INK


def shade(colour: str, factor: int) -> str:
    """A darker (factor > 100) or lighter (< 100) version of ``colour`` for pressed states."""
    qcolour = QColor(colour)
    return (qcolour.darker(factor) if factor >= 100 else qcolour.lighter(200 - factor)).name()


def scale_for(height: int, width: int | None = None) -> float:
    """Font scale: 1.0 on a 1024x600 screen, growing to 1.35 at 1920x1080 and above.

    A narrow (portrait) side screen counts by its width, so its text does not outgrow it.
    """
    if width is not None:
        height = min(height, round(width * 600 / 1024))
    return max(1.0, min(1.35, 1.0 + (height - 600) * 0.35 / 480))


def touch(small: bool) -> int:
    """The height of a button a finger presses: less on a short screen, never under 48 px."""
    return TOUCH_SMALL if small else TOUCH


def stylesheet(scale: float = 1.0, small: bool = False) -> str:
    """The counter's style at a font ``scale``; ``small``: a short screen, where the card's
    title, summary and phrase are a little smaller and buttons 48 px, so the steps show."""

    def px(size: float) -> str:
        return f"{round(size * scale)}px"

    def fit(size: float, smaller: float) -> str:
        return px(smaller if small else size)

    button = touch(small) - 16  # 6 px padding and 2 px border above and below
    return f"""
QWidget {{ color: {INK}; font-size: {px(16)}; }}
QMainWindow, #counter, #page {{ background: {PAPER}; }}
QLabel#muted {{ color: {MUTED}; }}
QLineEdit {{
    background: {CARD}; border: 2px solid {LINE}; border-radius: 8px;
    padding: 6px 12px; min-height: {button}px; font-size: {px(20)};
}}
QLineEdit:focus {{ border-color: {ACCENT}; }}
QPushButton {{
    background: {CARD}; border: 2px solid {LINE}; border-radius: 8px;
    padding: 6px 16px; min-height: {button}px; font-size: {px(17)};
}}
QPushButton:pressed {{ background: {LINE}; }}
QPushButton#primary {{ background: {ACCENT}; color: #FFFFFF; border-color: {ACCENT}; font-weight: bold; }}
QPushButton#primary:disabled {{ background: {LINE}; color: {MUTED}; border-color: {LINE}; }}
#header {{ background: {CARD}; border-bottom: 1px solid {LINE}; }}
#header QLabel {{ font-size: {px(16)}; }}
#banner {{ background: #FFF4D6; border-bottom: 2px solid {FOCUS}; }}
#banner QLabel {{ color: #4A3500; font-size: {px(15)}; }}
#waitingText {{ background: #FBEDED; color: #6B1D1D; padding: 4px 12px; }}
#sectionTitle {{ font-size: {px(18)}; font-weight: bold; padding: 8px 2px 2px 2px; }}
QPushButton[tile="true"] {{ min-height: {px(92)}; max-height: {px(92)}; }}
#tileKey {{ font-size: {px(15)}; font-weight: bold; border-radius: 6px; padding: 1px 7px; }}
#cardTitle {{ font-size: {fit(26, 22)}; font-weight: bold; }}
#cardSummary {{ font-size: {fit(19, 17)}; }}
#phraseBox {{ background: #EAF1FB; border: 2px solid {ACCENT}; border-radius: 12px; }}
#phraseLabel {{ color: {ACCENT}; font-size: {px(14)}; font-weight: bold; }}
#phrase {{ font-size: {fit(27, 25)}; font-weight: 600; }}
#phraseCount {{ color: {MUTED}; font-size: {px(14)}; }}
QPushButton#saidButton:checked {{ background: #1E6B3A; color: #FFFFFF; border-color: #1E6B3A; }}
#blockTitle {{ font-size: {fit(15, 13)}; font-weight: bold; color: {MUTED}; text-transform: uppercase; }}
#blockText {{ font-size: {px(17)}; }}
#avoidBlock {{ background: #FBEDED; border-left: 6px solid #9B2C2C; border-radius: 6px; }}
#wowBlock {{ background: #E9F5EC; border-left: 6px solid #1E6B3A; border-radius: 6px; }}
#escalateBlock {{ background: #F1ECF8; border-left: 6px solid #5B3C88; border-radius: 6px; }}
#stepsBlock {{ background: {CARD}; border-left: 6px solid {ACCENT}; border-radius: 6px; }}
#thenBlock {{ background: #EAF1FB; border-left: 6px solid {ACCENT}; border-radius: 6px; }}
CardPage[flash="true"] {{ background: #FFE08A; }}
CardPage[flash="true"] #phraseBox {{ border: 4px solid {FOCUS}; background: #FFF4D6; }}
#outcomeBar {{ background: {CARD}; border-top: 1px solid {LINE}; }}
#pageTitle {{ font-size: {px(26)}; font-weight: bold; }}
#toast {{ background: {INK}; color: #FFFFFF; border-radius: 8px; padding: 6px 14px; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea[finger="true"] QScrollBar:vertical {{
    width: {SCROLL_BAR}px; background: {PAPER}; margin: 0; border: none;
}}
QScrollArea[finger="true"] QScrollBar::handle:vertical {{
    background: #9AA3AE; min-height: {TOUCH}px; border-radius: {SCROLL_BAR // 2 - 2}px; margin: 2px;
}}
QScrollArea[finger="true"] QScrollBar::handle:vertical:pressed {{ background: {MUTED}; }}
QScrollArea[finger="true"] QScrollBar::add-line:vertical,
QScrollArea[finger="true"] QScrollBar::sub-line:vertical {{ height: 0; border: none; }}
QScrollArea[finger="true"] QScrollBar::add-page:vertical,
QScrollArea[finger="true"] QScrollBar::sub-page:vertical {{ background: none; }}
QListWidget {{ background: {CARD}; border: 2px solid {LINE}; border-radius: 8px; font-size: {px(18)}; }}
QListWidget::item {{ min-height: {TOUCH - 8}px; padding: 4px 8px; }}
QListWidget::item:selected {{ background: {ACCENT}; color: #FFFFFF; }}
"""


def review_stylesheet() -> str:
    """The back-office review: denser than the counter, same colours."""
    return f"""
QWidget {{ color: {INK}; font-size: 14px; }}
QMainWindow {{ background: {PAPER}; }}
QFrame[figure="true"] {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 8px; }}
#figureCaption {{ color: {MUTED}; font-size: 13px; font-weight: bold; }}
#figureValue {{ font-size: 26px; font-weight: bold; }}
#figureValueText {{ font-size: 16px; font-weight: bold; }}
#figureChange {{ color: {MUTED}; font-size: 12px; }}
#phraseNote {{ color: {MUTED}; }}
QTableView {{ background: {CARD}; alternate-background-color: #F7F8FA; gridline-color: {LINE}; }}
QHeaderView::section {{ background: #E6E9EE; padding: 4px 6px; border: none; border-right: 1px solid {LINE}; font-weight: bold; }}
QPushButton {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 6px; padding: 5px 14px; min-height: {BACK_OFFICE_BUTTON - 12}px; }}
QPushButton:pressed {{ background: {LINE}; }}
QPushButton:checked {{ background: #DCE6F4; border-color: {ACCENT}; }}
QComboBox, QDateEdit, QLineEdit {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 6px; padding: 4px 8px; min-height: 26px; }}
QTabBar::tab {{ padding: 6px 14px; }}
"""
