"""Clauses: one sentence may report several happenings, and each one's ``what`` is its own clause.

"fired missiles hours before the president arrived in Beijing for a state visit" reports two
happenings; reading each off the clause that holds its trigger keeps their ``what``, place and
day apart, and keeps the ``what`` short. Quoted words are blanked before triggers are sought:
what a speaker says is not reported as fact.
"""

from __future__ import annotations

import re

from summarise.grounding.events.triggers import Hit

#: The longest ``what``: one clause, never the whole paragraph.
WHAT_CHARS = 240
#: Where one clause of a sentence ends and the next begins: the ``what`` of a happening is the
#: clause that holds its trigger.
_CLAUSE_BREAK = re.compile(
    r";\s|\s[—–]\s|\s--\s|"
    r",\s+(?=(?:according to|which|who|whose|where|while|whereas|but|and then|killing|leaving|wounding|injuring|"
    r"saying|adding|citing|in what|in the latest|in a move|as part of|the (?:first|second|third|latest|largest|biggest)|"
    r"following|amid|despite|ahead of|prompting|triggering|"
    r"just|only|hours|days|weeks|a day|a week)\b)|"
    r"\s+(?=(?:(?:just|only|some|about|nearly|barely|shortly)\s+)?(?:(?:a|one|two|three|four|five|several|\d+)\s+)?"
    r"(?:minutes?|hours?|days?|weeks?|months?)\s+(?:before|after)\b)|"
    r"\s+(?=(?:before|after|but|if|while|whereas|as)\s+(?!(?:the|a|an)\s+(?:\w+\s+)?(?:of|in)\b))|"
    r",\s+and\s+(?=[A-Z]|the\s|its\s|his\s|her\s|their\s)|"
    r",\s+(?=(?:[A-Z][\w’'-]*\s+){1,6}(?:said|says|told|reported|added)\b)",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(r"^(?:(?:However|But|And|Meanwhile|Separately|Still|Yet|Also|Instead|Rather)\b,?\s*)+")
_TRAILING = re.compile(r"[\s,;:—–-]+$")
#: What ties a clause to the one before it is not part of what happened.
_CONNECTOR = re.compile(
    r"^(?:(?:(?:just|only|some|about|nearly|barely|shortly)\s+)?(?:(?:a|one|two|three|four|five|several|\d+)\s+)?"
    r"(?:minutes?|hours?|days?|weeks?|months?)\s+(?:before|after)\s+|(?:before|after|but|if|while|whereas|as|and|that|which|who)\s+|"
    r"In what (?:has been|was|is) (?:described|called|seen) as [^,]{0,120},\s*)",
    re.IGNORECASE,
)
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|''(?:(?!'').)*''|(?<![\w’'])‘[^’]*’(?![\w])")
#: A quoted name after an article ('carried out a "precision strike drill"') is part of the report.
_NAMED = re.compile(r"\b(?:a|an|the|its|their|his|her|our)\s+$", re.IGNORECASE)
OPEN_QUOTES = ('"', "“", "‘")


def mask_quotes(text: str) -> str:
    """The text with quoted words blanked (same length): what a speaker says is not reported as fact."""
    def blank(m: re.Match[str]) -> str:
        if _NAMED.search(text[: m.start()]):
            return m.group(0)
        return m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[-1]

    return QUOTED.sub(blank, text)


def clause_starts(text: str) -> list[int]:
    """Where each clause of a sentence begins."""
    return [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text))]


def clause_of(at: int, starts: list[int]) -> int:
    """The start of the clause that holds ``at``."""
    return max((c for c in starts if c <= at), default=0)


def clause_bounds(text: str, hit: Hit, hits: list[Hit], first: bool) -> tuple[int, int]:
    """The clause that holds a trigger: from the sentence start for the main happening (its
    subject stands there), from the break before it for a later one; to the next break. Two
    happenings told in one sentence never share a clause."""
    breaks = list(_CLAUSE_BREAK.finditer(text))
    earlier_hits = [other for other in hits if other is not hit and other.end <= hit.start]
    start = 0
    if not first or earlier_hits:
        start = max((m.end() for m in breaks if m.end() <= hit.start), default=0)
    for other in earlier_hits:
        if start < other.end:  # no break between them: the comma after the earlier one's clause
            comma = text.find(",", other.end, hit.start)
            start = comma + 1 if comma >= 0 else other.end
    end = min((m.start() for m in breaks if m.start() >= hit.end), default=len(text))
    for other in hits:
        if other is not hit and hit.end <= other.start < end:
            # the next happening's clause begins at the break before it, else at the comma before it
            cut = max((m.start() for m in breaks if hit.end <= m.start() <= other.start), default=None)
            if cut is None:
                cut = text.rfind(",", hit.end, other.start)
            end = min(end, cut if cut is not None and cut > 0 else other.start)
    return start, end


def what_clause(sentence: str, start: int, end: int) -> str:
    """One clause in the article's words: no lead-in, no trailing punctuation, at most WHAT_CHARS."""
    clause = sentence[start:end].strip()
    clause = _LEAD_IN.sub("", clause)
    clause = _CONNECTOR.sub("", clause)
    clause = clause[:1].upper() + clause[1:]
    clause = _TRAILING.sub("", clause)
    if len(clause) > WHAT_CHARS:
        cut = clause.rfind(" ", 0, WHAT_CHARS)
        clause = _TRAILING.sub("", clause[: cut if cut > 0 else WHAT_CHARS])
    return clause or sentence[:WHAT_CHARS]
