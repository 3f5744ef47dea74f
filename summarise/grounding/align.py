"""Alignment: where a quote, a sentence or a name stands in the article, as raw offsets.

Three tries, strictest first, so that the status says how much trust the span deserves:
the raw text itself; then the text after ``summarise.text.normalise`` (quote marks, dashes and
white space folded), which is still "the same words" and so still EXACT; then rapidfuzz over the
folded text for a model's small slips (a dropped comma, a changed letter), marked FUZZY. The
folded text keeps, for each of its characters, the raw offset it came from, so every span
points at the article's own characters whatever the typography.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from summarise.grounding.dates import find_date_phrases
from summarise.schemas import MatchStatus, Span
from summarise.text import normalise

#: Lowest rapidfuzz score (0-100) at which a tolerant match counts as the same passage.
FUZZY_THRESHOLD = 90.0
#: Needles shorter than this are never fuzzy-matched: a short name one letter off is another name.
MIN_FUZZY_CHARS = 16


@dataclass(frozen=True)
class Folded:
    """Text after ``normalise``, with the raw offset of each of its characters."""

    text: str
    offsets: tuple[int, ...]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the folded slice ``[start:end]`` (end-exclusive)."""
        return self.offsets[start], self.offsets[end - 1] + 1


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    folded = normalise(ch)
    return folded if folded else (" " if ch.isspace() else "")


@lru_cache(maxsize=64)
def fold(text: str) -> Folded:
    """Fold text as ``normalise`` does, one character at a time, keeping the raw offsets."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        for c in _fold_char(ch) if not ch.isspace() else " ":
            if c == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(c)
            offsets.append(i)
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return Folded("".join(chars), tuple(offsets))


def _find_from(haystack: str, needle: str, hint: int) -> int:
    at = haystack.find(needle, hint)
    return at if at >= 0 else haystack.find(needle)


def _hint_in_folded(folded: Folded, start_hint: int) -> int:
    for i, raw in enumerate(folded.offsets):
        if raw >= start_hint:
            return i
    return len(folded.text)


def _snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a fuzzy window to whole words: a span never starts or ends inside a word."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


def _same_numbers(a: str, b: str) -> bool:
    """A tolerant match may forgive a typo, never a changed figure ("650 miles" is not "560 miles")."""
    return sorted(re.findall(r"\d+", a)) == sorted(re.findall(r"\d+", b))


def _fuzzy(folded: Folded, needle: str, hint: int) -> tuple[int, int] | None:
    hay = folded.text.lower() if len(folded.text.lower()) == len(folded.text) else folded.text
    probe = needle.lower()
    for region_start in ([hint, 0] if hint else [0]):
        found = fuzz.partial_ratio_alignment(probe, hay[region_start:], score_cutoff=FUZZY_THRESHOLD)
        if found is None:
            continue
        start, end = _snap_to_words(hay, region_start + found.dest_start, region_start + found.dest_end)
        if end > start and fuzz.ratio(probe, hay[start:end]) >= FUZZY_THRESHOLD and _same_numbers(probe, hay[start:end]):
            return start, end
    return None


def align(article: str, needle: str, *, start_hint: int = 0) -> Span | None:
    """Where ``needle`` stands in ``article``: exact, then typography-tolerant, then fuzzy; else None.

    ``start_hint`` prefers an occurrence at or after that offset (the second time a phrase
    appears), falling back to the first occurrence anywhere.
    """
    needle = needle.strip()
    if not needle or not article:
        return None
    at = _find_from(article, needle, start_hint)
    if at >= 0:
        return Span(start=at, end=at + len(needle), status=MatchStatus.EXACT)
    folded = fold(article)
    target = fold(needle).text
    if not target:
        return None
    hint = _hint_in_folded(folded, start_hint) if start_hint else 0
    at = _find_from(folded.text, target, hint)
    if at >= 0:
        start, end = folded.raw_span(at, at + len(target))
        return Span(start=start, end=end, status=MatchStatus.EXACT)
    if len(target) < MIN_FUZZY_CHARS:
        return None
    window = _fuzzy(folded, target, hint)
    if window is None:
        return None
    start, end = folded.raw_span(*window)
    return Span(start=start, end=end, status=MatchStatus.FUZZY)


#: The capitalised word that follows a name on the same line.
_NEXT_WORD = re.compile(r"[^\S\n]+(?P<word>[A-Z][\w'’.-]*)")


def _runs_on(article: str, end: int, name: str) -> bool:
    """Whether the name ending at ``end`` is the head of a longer name ("the North" in "the North
    Korean navy", "Washington" in "Washington Post"): a capitalised word follows on the same line.

    A date is not part of a name ("Seoul Monday"), and after an abbreviation's dot ("U.S.") the
    next capital may open a new sentence, so neither makes the name longer.
    """
    if name.endswith("."):
        return False
    m = _NEXT_WORD.match(article, end)
    if m is None:
        return False
    return not any(start == 0 for _, start, _ in find_date_phrases(article[m.start("word") : m.start("word") + 40]))


def find_all(article: str, needle: str) -> list[Span]:
    """Every occurrence of a name as a whole name, typography-tolerant (for an actor's mentions).

    Whole words, and not the head of a longer name: a mention of "the North" is not one inside
    "the North Korean navy".
    """
    folded = fold(article)
    target = fold(needle).text
    spans: list[Span] = []
    if not target:
        return spans
    at = folded.text.find(target)
    while at >= 0:
        end = at + len(target)
        before_ok = at == 0 or not folded.text[at - 1].isalnum()
        after_ok = end == len(folded.text) or not folded.text[end].isalnum()
        if before_ok and after_ok:
            start, stop = folded.raw_span(at, end)
            if not _runs_on(article, stop, target):
                spans.append(Span(start=start, end=stop, status=MatchStatus.EXACT))
        at = folded.text.find(target, at + 1)
    return spans
