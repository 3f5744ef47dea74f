"""Where in the article a sentence written about it rests.

A reader of a bottom line in a model's own words can see the article's words behind it: the
article sentences that share most of its content words, and the spans of the numbers, dates and
names it states (the held findings of ``examine``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from summarise.grounding.align import align
from summarise.grounding.claims.examine import examine
from summarise.grounding.claims.names import POSSESSIVE
from summarise.grounding.sentences import split_sentences
from summarise.schemas import MatchStatus, Span

_STOPWORDS = frozenset(
    "the a an and or but of to in on at by for from with as is are was were be been being has have had it its this that "
    "these those their his her they he she we i you our not no after before over under into about said says say also "
    "than then which who whom whose what when where while will would could should can may might more most other some "
    "such up out off just only very there here one two new".split()
)
#: A sentence of the article a written sentence rests on shares this many content words at least,
#: and this share of the written sentence's content words.
_MIN_SHARED = 2
_MIN_SHARE = 0.25
_MAX_SENTENCES = 3
_MAX_SPANS = 24


def _content_words(text: str) -> frozenset[str]:
    """The words that carry a sentence's content, lightly stemmed ("strikes" and "striking" meet
    at "strik"), so a summary's sentence finds the article sentence it retells."""
    words = set()
    for w in re.findall(r"[A-Za-z][A-Za-z'’-]+|\d[\d,.]*", text):
        w = POSSESSIVE.sub("", w.lower()).strip(".,")
        if len(w) < 3 or w in _STOPWORDS:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if len(w) > len(suffix) + 3 and w.endswith(suffix):
                w = w[: -len(suffix)]
                break
        words.add(w)
    return frozenset(words)


@lru_cache(maxsize=8)
def _article_sentences(article: str) -> list[tuple[int, int, frozenset[str]]]:
    """The story's sentences with their content words (read only when support is asked for)."""
    return [(s.start, s.end, _content_words(s.text)) for s in split_sentences(article) if not s.furniture]


def support_spans(sentence: str, article: str, *, article_date: dt.date | None = None) -> list[Span]:
    """Where in the article one sentence written about it rests: the article sentence(s) that share
    most of its content words, and the spans of its numbers, dates and names. Sorted,
    non-overlapping, end-exclusive."""
    own = align(article, sentence)
    if own is not None and own.status is MatchStatus.EXACT:
        # the article's own sentence (the rules' bottom line) rests on itself, and costs nothing more
        return [Span(start=own.start, end=own.end)]
    spans = [f.support for f in examine(sentence, article, article_date) if f.support and f.support[1] > f.support[0]]
    wanted = set(_content_words(sentence))
    need = max(_MIN_SHARED, round(_MIN_SHARE * len(wanted)))
    for _ in range(_MAX_SENTENCES):
        best = max(_article_sentences(article), key=lambda s: (len(wanted & s[2]), -s[0]), default=None)
        if best is None or len(wanted & best[2]) < need:
            break
        spans.append((best[0], best[1]))
        wanted -= best[2]
        need = _MIN_SHARED
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [Span(start=a, end=b) for a, b in merged[:_MAX_SPANS]]
