"""Reports over the journal for the shift lead (no Qt): periods, filters, aggregates."""

from pos_coach.review.filters import NO_OUTCOME, Filters
from pos_coach.review.periods import KINDS as PERIODS
from pos_coach.review.periods import Period, make_period
from pos_coach.review.reports import GROUPINGS, Glance, PhraseStat, Reports, Row

__all__ = [
    "GROUPINGS",
    "NO_OUTCOME",
    "PERIODS",
    "Filters",
    "Glance",
    "Period",
    "PhraseStat",
    "Reports",
    "Row",
    "make_period",
]
