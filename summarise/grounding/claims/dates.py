"""Dates that pin no day, compared by what they do pin: a month and day, a month and year, a period.

``grounding.dates.resolve_date`` gives the calendar day a phrase pins and never guesses. A date a
model writes must be a day the article pins; one that pins no day ("in October 2025", "last
week") must be one the article gives in other words: the same month and day, the same month and
year, or a day the article pins inside the period.
"""

from __future__ import annotations

import datetime as dt
import re

from summarise.grounding.dates import resolve_date

_MONTH_DAY = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
)
_MONTH_YEAR = re.compile(r"\b(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\.?,?\s+(?P<year>(?:19|20)\d\d)\b")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_PERIOD = re.compile(r"\b(?P<when>last|this|earlier this|later this|next)\s+(?P<unit>week|month|year)\b", re.IGNORECASE)
#: Any day: a month and day without a year are compared as month and day when no date is known.
_ANCHOR = dt.date(2001, 6, 30)


def month_day(phrase: str) -> tuple[int, int] | None:
    """The (month, day) a phrase names, whatever its year."""
    if not _MONTH_DAY.search(phrase):
        return None
    when = resolve_date(phrase, _ANCHOR)
    return (when.month, when.day) if when else None


def month_year(phrase: str) -> tuple[int, int] | None:
    """The (month, year) a phrase names ("October 2025")."""
    m = _MONTH_YEAR.search(phrase)
    return (_MONTHS.index(m.group("month")[:3].lower()) + 1, int(m.group("year"))) if m else None


def period(phrase: str, day: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days "last week", "this month", "earlier this year" cover, against the article's date."""
    m = _PERIOD.search(phrase)
    if not m or m.group("when").lower() == "next":
        return None
    back = m.group("when").lower() == "last"
    unit = m.group("unit").lower()
    if unit == "week":
        monday = day - dt.timedelta(days=day.weekday()) - dt.timedelta(weeks=1 if back else 0)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        first = day.replace(day=1)
        if back:
            first = (first - dt.timedelta(days=1)).replace(day=1)
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return first, nxt - dt.timedelta(days=1)
    year = day.year - 1 if back else day.year
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
