"""One pass over a writer's words: every date, figure and name in them, held or not.

Dates are read first, since their numbers are no figures of their own; then figures; then names,
of which a date or a figure is never part.
"""

from __future__ import annotations

import datetime as dt
import re

from summarise.grounding.claims.date_checks import check_dates
from summarise.grounding.claims.findings import Claim, Finding
from summarise.grounding.claims.holdings import holdings_of
from summarise.grounding.claims.name_checks import check_names
from summarise.grounding.claims.number_checks import check_numbers
from summarise.grounding.claims.numbers import CLOCK, NUMBER, readable
from summarise.grounding.dates import article_date as find_article_date


def examine(written: str, article: str, article_date: dt.date | None) -> list[Finding]:
    """Every claim of ``written``, dates first (their numbers are no figures), then figures, then
    names (a date or a figure is never part of one)."""
    held = holdings_of(article, article_date or find_article_date(article))
    written = readable(written)
    dates, date_spans = check_dates(written, held)
    clocks = [m.span() for m in CLOCK.finditer(written)]
    numbers = check_numbers(written, held, date_spans)
    number_spans = [m.span() for m in re.finditer(rf"{NUMBER}", written)]
    names = check_names(written, held, date_spans + clocks + number_spans)
    return dates + numbers + names


def unsupported_claims(written: str, article: str, *, article_date: dt.date | None = None) -> list[Claim]:
    """Numbers, dates and names in ``written`` (a model's own words) that the article does not hold."""
    found = [Claim(kind=f.kind, text=f.text, reason=f.reason) for f in examine(written, article, article_date) if f.support is None]
    return list(dict.fromkeys(found))
