"""Finding a quote of an invented article by its opening words, for the speaker tests.

A test names the quote it is about by how it starts; a quote the extractor never found fails the
test with the quotes it did find, so a lost quote reads differently from a wrong speaker.
"""

from __future__ import annotations

from summarise.grounding import find_quote_candidates
from summarise.grounding.quotes import QuoteCandidate


def quotes_starting(article: str, start: str) -> list[QuoteCandidate]:
    """Every quote of ``article`` whose words open with ``start``; at least one."""
    found = [q for q in find_quote_candidates(article) if q.text.startswith(start)]
    assert found, f"no quote starting {start!r} in {[q.text for q in find_quote_candidates(article)]}"
    return found


def quote_starting(article: str, start: str) -> QuoteCandidate:
    """The first quote of ``article`` whose words open with ``start``."""
    return quotes_starting(article, start)[0]


def speaker_of(article: str, start: str) -> str | None:
    """The speaker of the first quote of ``article`` whose words open with ``start``."""
    return quote_starting(article, start).speaker
