"""The quote an attribution gives: the words of its Content that stand between quotation marks.

Corpora annotated for attribution mark reported speech and direct quotation alike as a Content;
a briefing's quote is narrower: only words that stand between quotation marks (LABELLING.md).
So the quote is the part of a Content between quotation marks: straight or curly double marks,
which may sit just outside the Content's ends (annotators often leave them out), several quoted
passages in one Content being several quotes, each the article's own characters. Marks are paired
paragraph by paragraph over the whole article, not inside the Content alone, so a Content that
starts or ends mid-quote still finds the right marks; a paragraph that opens a quote and never
closes it continues into the next (the news convention), so its quote ends at the paragraph's end.
"""

from __future__ import annotations

import re

from summarise.text import with_doubled_marks_as_quotes

_OPENING = "“„«"
_CLOSING = "”»"
_STRAIGHT = '"'
_MARK = re.compile(r"[“”„«»\"]")
_PARAGRAPH = re.compile(r"[^\n]+")
#: What may stand between a Content's end and the closing mark it left out: ``win,"`` / ``win."``.
_GAP = re.compile(r"[\s.,;:!?…—–-]*")


def quoted_passages(article: str) -> list[tuple[int, int]]:
    """Every passage of the article between paired double quotation marks: (start, end) of the
    words inside the marks, paired paragraph by paragraph.

    A curly opening mark met inside an open passage starts a new one when a word follows it and
    closes the open one otherwise (a typed-backwards closing mark); a passage left open at the end
    of its paragraph ends there (a quote running over several paragraphs reopens each one).
    """
    passages: list[tuple[int, int]] = []
    marked = with_doubled_marks_as_quotes(article)  # ''...'' as archives write it; offsets unchanged
    for paragraph in _PARAGRAPH.finditer(marked):
        open_at: int | None = None
        for mark in _MARK.finditer(paragraph.group()):
            at = paragraph.start() + mark.start()
            ch = mark.group()
            word_follows = at + 1 < len(marked) and marked[at + 1].isalnum()
            if open_at is None:
                if ch in _OPENING or ch == _STRAIGHT or word_follows:
                    open_at = at + 1
            elif ch in _CLOSING or ch == _STRAIGHT or not word_follows:
                passages.append((open_at, at))
                open_at = None
            else:  # an opening mark with words after it: the open passage was never closed
                passages.append((open_at, at))
                open_at = at + 1
        if open_at is not None:
            passages.append((open_at, paragraph.end()))
    return [(s, e) for s, e in passages if marked[s:e].strip(" \t\u00a0.,;:!?…—–-")]


def claimed_span(article: str, fragment: tuple[int, int], passage: tuple[int, int]) -> tuple[int, int] | None:
    """The part of ``passage`` a Content fragment covers, reaching the passage's ends when only
    punctuation or space lies between them and the fragment's (a mark left outside the span)."""
    (fs, fe), (ps, pe) = fragment, passage
    start, end = max(fs, ps), min(fe, pe)
    if start >= end or not any(ch.isalnum() for ch in article[start:end]):
        return None
    if _GAP.fullmatch(article[ps:start]):
        start = ps
    if _GAP.fullmatch(article[end:pe]):
        end = pe
    while start < end and article[start].isspace():
        start += 1
    while end > start and article[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
