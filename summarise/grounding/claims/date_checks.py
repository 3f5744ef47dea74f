"""The dates in a writer's words, and where the article pins each.

A date is the calendar day it pins against the article's date ("Monday", "Jan. 4",
"yesterday"), and must be a day the article itself pins; a date that pins no day ("in October
2025", "last week") must be one the article gives in other words or in the same words.
"""

from __future__ import annotations

from summarise.grounding.claims.dates import month_day, month_year, period
from summarise.grounding.claims.findings import Finding
from summarise.grounding.claims.holdings import Holdings
from summarise.grounding.dates import find_date_phrases, resolve_date


def check_dates(written: str, held: Holdings) -> tuple[list[Finding], list[tuple[int, int]]]:
    """The dates of ``written`` and where the article pins each, with the spans they take (their
    numbers are no figures of their own)."""
    findings: list[Finding] = []
    spans: list[tuple[int, int]] = []
    for words, a, b in find_date_phrases(written):
        spans.append((a, b))
        words = words.rstrip(".")
        key = words.lower()
        when = resolve_date(words, held.day)
        spot: tuple[int, int] | None
        if when is not None:
            # the day it pins, or the article's very words ("on Jan. 4" of another year)
            spot = held.dates.pinned.get(when) or held.dates.date_words.get(key)
            reason = f"the date {words} ({when.isoformat()}) is not a day the article gives"
        else:
            reason = f"the date {words} is not in the article"
            spot = held.dates.date_words.get(key)
            md, my = month_day(words), month_year(words)
            if spot is None and md:
                spot = held.dates.month_days.get(md)
            if spot is None and my:
                spot = held.dates.month_years.get(my)
            covered = period(words, held.day) if held.day else None
            if spot is None and covered:
                spot = next((w for d, w in held.dates.pinned.items() if covered[0] <= d <= covered[1]), None)
        findings.append(Finding("date", words, reason, spot))
    return findings, spans
