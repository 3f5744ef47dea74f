"""Reading an article too long for a model's context: overlapping pieces, cut where the text breaks.

A model that cannot read an article whole is given it in pieces that each fit beside the prompt
and the answer, rather than refused or silently cut. Pieces end at paragraph breaks, or at
sentence ends inside a paragraph longer than a piece, so that no quote or evidence sentence is cut
in two; each piece repeats the end of the one before it, so that an item told across a break is
whole in one of them (the strategy that reads them makes the repeated items one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from summarise.grounding.sentences import split_sentences

#: Share of a piece that the next one repeats.
OVERLAP = 0.15
#: The fewest tokens of article a piece may hold: a context that leaves less cannot be read at all.
MIN_CHUNK_TOKENS = 128

CountTokens = Callable[[str], int]


@dataclass(frozen=True)
class Chunk:
    """One piece of the article: ``article[start:end]``."""

    start: int
    end: int
    text: str


def _units(article: str, size: int, count: CountTokens) -> list[tuple[int, int]]:
    """Spans of the article no piece may cut: its paragraphs (lines), and a paragraph longer than
    a piece cut at its sentences' starts; a sentence longer than a piece stays one unit."""
    starts = [s.start for s in split_sentences(article)]
    units: list[tuple[int, int]] = []
    offset = 0
    for line in article.splitlines(keepends=True):
        start, end = offset, offset + len(line)
        offset = end
        if not line.strip():
            if units:  # blank lines ride with the paragraph before them
                units[-1] = (units[-1][0], end)
            continue
        if count(line) <= size:
            units.append((start, end))
            continue
        cuts = [s for s in starts if start < s < end]
        for a, b in zip([start, *cuts], [*cuts, end]):
            units.append((a, b))
    if units and units[0][0] > 0:
        units[0] = (0, units[0][1])
    return units


def split_into_chunks(article: str, size: int, count: CountTokens) -> list[Chunk]:
    """The article in pieces of about ``size`` tokens (``count`` measures), each repeating about
    ``OVERLAP`` of the one before; one piece when the whole fits."""
    size = max(size, MIN_CHUNK_TOKENS)
    if count(article) <= size:
        return [Chunk(0, len(article), article)]
    units = _units(article, size, count)
    tokens = [count(article[a:b]) for a, b in units]
    chunks: list[Chunk] = []
    first = 0
    while first < len(units):
        last = first
        # measured whole, not summed: a tokenizer's count of two texts is not the sum of their counts
        while last + 1 < len(units) and count(article[units[first][0] : units[last + 1][1]]) <= size:
            last += 1
        start, end = units[first][0], units[last][1]
        chunks.append(Chunk(start, end, article[start:end]))
        if last + 1 >= len(units):
            break
        # the next piece starts a few units back, repeating about OVERLAP of this one (at least its
        # last paragraph when that is no more than half a piece), always moving on
        back, repeated = last + 1, 0
        while back - 1 > first:
            more = tokens[back - 1]
            if repeated + more > OVERLAP * size and (repeated or more > size // 2):
                break
            back -= 1
            repeated += more
        first = back
    return chunks


__all__ = ["MIN_CHUNK_TOKENS", "OVERLAP", "Chunk", "split_into_chunks"]
