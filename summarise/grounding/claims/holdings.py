"""What the article holds, read once per article: its figures, dates, names and aliases.

The check runs for every item a model writes and must cost milliseconds, so everything of the
article a claim is checked against is read once and cached, and each part only the first time a
claim needs it: a text with no figure reads no figures.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from summarise.grounding.actors import find_actor_candidates
from summarise.grounding.claims.dates import month_day, month_year
from summarise.grounding.claims.folding import Folded, fold
from summarise.grounding.claims.numbers import CLOCK, COMPARED_UNITS, YEAR, clock_time, measured, read_numbers, readable
from summarise.grounding.dates import find_date_phrases, resolve_date
from summarise.grounding.quantities import find_quantities
from summarise.grounding.sentences import split_sentences
from summarise.text import name_key


@dataclass
class HeldFigures:
    """The article's figures: measured quantities in one unit per kind, numbers, ordinals."""

    quantities: list[tuple[str, float, int, int]] = field(default_factory=list)  # unit, value, span
    numbers: dict[float, tuple[int, int]] = field(default_factory=dict)
    ordinals: dict[float, tuple[int, int]] = field(default_factory=dict)


@dataclass
class HeldDates:
    """The article's dates: the days it pins, its months and days, its years, its clock times and
    its date words as written."""

    clocks: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    years: dict[int, tuple[int, int]] = field(default_factory=dict)
    pinned: dict[dt.date, tuple[int, int]] = field(default_factory=dict)
    month_days: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    month_years: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    date_words: dict[str, tuple[int, int]] = field(default_factory=dict)


def _read_figures(article: str) -> HeldFigures:
    """Sentence by sentence, as ``quantities.find_quantities`` reads them (its cache is warm when
    the rules have read the article)."""
    held = HeldFigures()
    for s in split_sentences(article):
        span = (s.start, s.end)
        spelt = readable(s.text)
        for q in find_quantities(spelt):
            if q.value is not None and q.unit in COMPARED_UNITS:
                at = s.text.find(q.text)
                where = (s.start + at, s.start + at + len(q.text)) if at >= 0 else span
                held.quantities.append((*measured(q.unit, q.value), *where))
        for n in read_numbers(spelt):
            where = (s.start + n.start, s.start + n.end) if spelt == s.text else span
            (held.ordinals if n.ordinal else held.numbers).setdefault(n.value, where)
    return held


def _read_dates(article: str, day: dt.date | None) -> HeldDates:
    """Over the whole page, not sentence by sentence: a dateline ("SEOUL, Jan. 4 --") is no
    sentence's, but the article's all the same."""
    held = HeldDates()
    for m in CLOCK.finditer(article):
        held.clocks.setdefault(clock_time(m), m.span())
    for m in YEAR.finditer(article):
        held.years.setdefault(int(m.group(0)), m.span())
    for words, a, b in find_date_phrases(article):
        where = (a, b)
        held.date_words.setdefault(words.lower().rstrip("."), where)
        when = resolve_date(words, day)
        if when is not None:
            held.pinned.setdefault(when, where)
        md = month_day(words)
        if md:
            held.month_days.setdefault(md, where)
        my = month_year(words)
        if my:
            held.month_years.setdefault(my, where)
    for when, where in held.pinned.items():
        held.month_days.setdefault((when.month, when.day), where)
        held.month_years.setdefault((when.month, when.year), where)
        held.years.setdefault(when.year, where)
    return held


@dataclass
class Holdings:
    """Everything of the article a claim is checked against, with where it stands."""

    article: str
    folded: Folded
    day: dt.date | None
    names: dict[str, tuple[int, int] | None] = field(default_factory=dict)

    # each part is read the first time a claim needs it: a text with no figure reads no figures

    @cached_property
    def figures(self) -> HeldFigures:
        return _read_figures(self.article)

    @cached_property
    def dates(self) -> HeldDates:
        return _read_dates(self.article, self.day)

    @cached_property
    def aliases(self) -> dict[str, tuple[int, int]]:
        """Every name and alias of the article's actors (``actors.find_actor_candidates``)."""
        book: dict[str, tuple[int, int]] = {}
        for c in find_actor_candidates(self.article):
            where = (c.mentions[0].start, c.mentions[0].end) if c.mentions else None
            for label in (c.name, *c.aliases):
                spot = self.find(label) or where
                if spot:
                    book.setdefault(name_key(label), spot)
        return book

    @cached_property
    def initials(self) -> dict[str, tuple[int, int]]:
        """The initials of every run of capitalised words ("European Union Monitoring Mission"
        gives "EU", "EUMM", "UMM" ...), so that an acronym the article never writes is still its
        words (read only when an acronym is checked)."""
        book: dict[str, tuple[int, int]] = {}
        text = self.folded.text
        run: list[re.Match[str]] = []
        for m in [*re.finditer(r"[A-Za-z][\w’'-]*", text), None]:
            if m is not None and run and text[run[-1].end() : m.start()].isspace():
                if m.group(0)[0].isupper() or m.group(0) in ("of", "for", "and", "the", "on"):
                    run.append(m)
                    continue
            caps = [w for w in run if w.group(0)[0].isupper()]
            for i in range(len(caps)):
                for j in range(i + 2, min(len(caps), i + 8) + 1):
                    letters = "".join(w.group(0)[0] for w in caps[i:j])
                    book.setdefault(letters, self.folded.raw(caps[i].start(), caps[j - 1].end()))
            run = [m] if m is not None and m.group(0)[0].isupper() else []
        return book

    def find(self, name: str) -> tuple[int, int] | None:
        """Where ``name`` stands in the article as a whole word or words, whatever the case
        ("KIM JONG UN"; but a one-word name is never an ordinary word in lower case), a hyphen
        for a space ("Jong-un"), a curly mark for a straight one, an accent or an HTML entity for
        the plain letter ("Rzeszow")."""
        key = name_key(name)
        if key in self.names:
            return self.names[key]
        parts = [re.escape(p) for p in re.split(r"[\s-]+", fold(name).text.strip()) if p]
        found = None
        if parts:
            joined = r"[\s-]+".join(parts)
            # one word in lower case is an ordinary word, not the name: "Long" is not "long"
            word = len(parts) == 1 and not name.islower()
            matches = re.finditer(rf"(?<![\w]){joined}(?![\w])", self.folded.text, re.IGNORECASE)
            m = next((m for m in matches if not (word and m.group(0).islower())), None)
            found = self.folded.raw(*m.span()) if m else None
        self.names[key] = found
        return found


@lru_cache(maxsize=8)
def holdings_of(article: str, day: dt.date | None) -> Holdings:
    """The article's holdings against its date; the last few articles' stay read."""
    return Holdings(article=article, folded=fold(article), day=day)
