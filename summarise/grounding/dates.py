"""Dates: the article's own date, and the calendar day a phrase like "on Sunday" pins.

The rule throughout is never to guess. A weekday, "yesterday" or "overnight" means a day only
against the article's date; a month and day without a year take the year only from that date; a
month on its own ("in October 2025", "last month") and a week ("earlier this week") are kept as
words and pin no day.

The article's date is the one its reader gives, else its page's metadata (both on
``summarise.articles.Article.published``), else the one its text states (``article_date``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_MDY = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?")
_DMY = re.compile(rf"\b(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})\b\.?(?:,?\s+(?P<year>{_YEAR})\b)?")
_ISO = re.compile(rf"\b(?P<year>{_YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: "last Friday" is a week back when the article is itself dated a Friday; "next Friday" is a plan
#: whose week the words leave open, so it pins nothing.
_WEEKDAY = re.compile(
    rf"\b(?:(?P<dir>(?i:last|this past|next|this coming))\s+)?(?P<weekday>{_WEEKDAY_NAME})\b"
    r"(?:\s+(?P<week>(?i:of\s+)?last\s+week)\b)?"  # "Thursday last week", "Thursday of last week": that week's day
)
#: "overnight" is the night that ended on the article's date, unless a weekday says which night
#: ("overnight into Sunday", "overnight Saturday"): then the weekday pins it.
_RELATIVE = re.compile(
    r"\b(?P<rel>the day before yesterday|yesterday|today|tonight|last night|this morning|this afternoon|this evening|"
    rf"overnight(?!\s+(?:(?:on|into|to|from)\s+)?{_WEEKDAY_NAME}\b))\b",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"\b(?:(?:early|mid|late)[- ])?(?P<month>{_MONTH})\.?,?\s+(?P<year>{_YEAR})\b")
_VAGUE = re.compile(r"\b(?:last|next|this|earlier this|later this) (?:week|month|year)\b", re.IGNORECASE)
_RELATIVE_DAYS = {
    "the day before yesterday": -2, "yesterday": -1, "last night": -1, "overnight": 0,
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
}

#: A label that introduces the page's own date.
_LABEL = re.compile(
    r"(?:published|posted|updated|last updated|last modified|date(?:d)?|first published)\s*(?:on|at)?\s*[:\-]?\s*",
    re.IGNORECASE,
)
#: A label that dates a later edit rather than the publication.
_REVISION = re.compile(r"(?:updated|last updated|last modified)\b", re.IGNORECASE)
#: A wire dateline at the head of a paragraph, month or day first, with or without a date or an
#: agency: "SEOUL, Jan. 12 (Yonhap) --", "NIAMEY, 12 March 2026 —", "WASHINGTON (AP) —".
#: The one definition: sentence splitting strips it, article_date reads it.
DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Z .'-]{{2,40}}(?:,\s*[A-Z][A-Za-z .]{{2,30}})?"
    rf"(?:,\s+(?P<date>{_MONTH}\.?\s+{_DAY}(?:,?\s+{_YEAR})?|{_DAY}\s+{_MONTH}\.?(?:,?\s+{_YEAR})?))?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*(?:-{1,2}|—|–)\s*",
    re.MULTILINE,
)
#: How far into the page the article's own date may stand.
HEADER_CHARS = 3000
_HEADER_LINES = 12


def _month(word: str) -> int:
    return _MONTHS[word[:3].lower()]


def _build(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day(value: str) -> int:
    return int(re.match(r"\d+", value).group(0))  # type: ignore[union-attr]


def _year_near(year: int, month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The day with the anchor's year, moved a year when that puts it half a year away."""
    when = _build(year, month, day)
    if when is None:
        return None
    if (when - anchor).days > 183:
        return _build(year - 1, month, day)
    if (anchor - when).days > 183:
        return _build(year + 1, month, day)
    return when


def _full_date(text: str, *, whole: bool = False) -> dt.date | None:
    """A date with its year stated, at the start of ``text`` (or all of it, when ``whole``)."""
    for pattern in (_ISO, _MDY, _DMY):
        m = pattern.fullmatch(text) if whole else pattern.match(text)
        if m and m.group("year"):
            month = m.group("month")
            return _build(int(m.group("year")), int(month) if month.isdigit() else _month(month), _day(m.group("day")))
    return None


def resolve_date(phrase: str, article_date: dt.date | None) -> dt.date | None:
    """The calendar day a phrase pins, or None when it pins none (never a guess)."""
    if not phrase:
        return None
    for pattern in (_ISO, _MDY, _DMY):
        m = pattern.search(phrase)
        if not m:
            continue
        month_text = m.group("month")
        month = int(month_text) if month_text.isdigit() else _month(month_text)
        day = _day(m.group("day"))
        if m.group("year"):
            return _build(int(m.group("year")), month, day)
        return _year_near(article_date.year, month, day, article_date) if article_date else None
    if article_date is None:
        return None
    m = _WEEKDAY.search(phrase)
    if m:
        # the most recent such day on or before the article's date ("Monday" in Monday's paper is
        # that day); "last Monday" is never the article's own day
        direction = (m.group("dir") or "").lower()
        if direction in ("next", "this coming"):
            return None
        weekday = _WEEKDAYS.index(m.group("weekday").lower())
        if m.group("week"):
            monday_before = article_date - dt.timedelta(days=article_date.weekday() + 7)
            return monday_before + dt.timedelta(days=weekday)
        back = (article_date.weekday() - weekday) % 7
        if back == 0 and direction:
            back = 7
        return article_date - dt.timedelta(days=back)
    m = _RELATIVE.search(phrase)
    if m:
        return article_date + dt.timedelta(days=_RELATIVE_DAYS[m.group("rel").lower()])
    return None


def find_date_phrases(text: str) -> list[tuple[str, int, int]]:
    """Phrases that say when, in order, as (words, start, end); a day or a month, never overlapping."""
    found: list[tuple[str, int, int]] = []
    for pattern in (_ISO, _MDY, _DMY, _MONTH_YEAR, _WEEKDAY, _RELATIVE, _VAGUE):
        for m in pattern.finditer(text):
            a, b = m.span()
            if pattern is _MDY and m.group("month") == "May" and not m.group("year") and not re.match(r"\d", text[m.start("day"):]):
                continue
            if any(a < e and s < b for _, s, e in found):
                continue
            found.append((m.group(0), a, b))
    return sorted(found, key=lambda f: f[1])


#: How far into the story a year may stand to complete a dateline that gives none.
LEAD_CHARS = 600


def _lead_year(text: str, dateline_end: int) -> int | None:
    """The year a yearless dateline stands in: the latest year the headline and lead name
    ("the North's first long-range launch of 2026"), none when they name none."""
    years = [int(y) for y in re.findall(rf"\b({_YEAR})\b", text[: dateline_end + LEAD_CHARS])]
    return max(years) if years else None


@lru_cache(maxsize=32)
def article_date(text: str) -> dt.date | None:
    """The date the article states for itself, else None: a "Published:" label, the dateline, a date
    line at the top, and only then an "Updated:" label.

    Cached: the rules, the grounding and the provenance each ask for it once per briefing.
    """
    head = text[:HEADER_CHARS]
    revised: dt.date | None = None
    for m in _LABEL.finditer(head):
        # a label must start its line or follow furniture, not be a verb in a sentence
        line_start = head.rfind("\n", 0, m.start()) + 1
        before = head[line_start : m.start()].strip(" \t•*-|")
        if len(before.split()) > 2:
            continue
        when = _full_date(head[m.end() :])
        if when is None:
            continue
        if not _REVISION.match(m.group(0)):
            return when
        # "Updated ..." dates a later edit: the publication date, wherever the page gives one, wins
        revised = revised or when
    m = next((d for d in DATELINE.finditer(head) if d.group("date")), None)
    if m:
        words = m.group("date")
        when = _full_date(words)
        if when:
            return when
        year = _lead_year(text, m.end())
        mm = _MDY.match(words) or _DMY.match(words)
        if year and mm:
            return _build(year, _month(mm.group("month")), _day(mm.group("day")))
    for line in head.splitlines()[:_HEADER_LINES]:
        core = re.sub(rf"^\s*(?:by\b[^|]*\|\s*)?(?:(?:{'|'.join(_WEEKDAYS)}),?\s+)?", "", line, flags=re.IGNORECASE)
        core = re.sub(r"\s*(?:\||,|at)?\s*\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\s*$", "", core, flags=re.IGNORECASE)
        core = core.strip(" \t•*-|")
        when = _full_date(core, whole=True)
        if when:
            return when
    return revised
