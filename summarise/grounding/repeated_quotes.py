"""Words an article quotes twice: a pull quote set apart from the text, then the same words again
where the reporter attributes them.

Feature pages and opinion pieces lift a line out of the story and print it alone, often before the
paragraph that says who spoke it; the lone copy has no cue of its own, and the nearest name around
it is usually someone else's. The attributed copy says whose words both are.
"""

from __future__ import annotations

import re

#: The fewest words two passages must share before one counts as a copy of the other: a stock
#: phrase ("top secret", "a great deal") is quoted from different people in one story.
MIN_SHARED_WORDS = 6

_WORD = re.compile(r"[\w’'%$-]+")


def words_of(text: str) -> tuple[str, ...]:
    """The words of a quote, lower-cased, without the punctuation a copy may end or break on."""
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(text))


def opening(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words every copy of a quote shares, to find its copies by."""
    return words[:MIN_SHARED_WORDS]


def same_words(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two quotes are copies of one line: the same words, or one opening the other (a pull
    quote may carry a signature line after the words, or stop short of the sentence's end)."""
    shorter, longer = sorted((one, other), key=len)
    return len(shorter) >= MIN_SHARED_WORDS and longer[: len(shorter)] == shorter
