"""What "the same words" means, defined once.

Quotes, event sentences and names are checked against the article after the same
normalisation everywhere (validators, grounding, scoring, gold checks): curly quote marks
become straight ones, dashes become hyphens, runs of white space become one space, case is
kept. Keeping one definition means a quote the validator accepts is a quote the aligner finds.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTE_MARKS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
    }
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Fold quote marks, dashes and white space so that typography never decides a match."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS)
    return _SPACE.sub(" ", text).strip()


def name_key(name: str) -> str:
    """What makes two names one actor: the same words, whatever their case ("KIM Jong Un")."""
    return normalise(name).casefold()


def strip_outer_quotes(text: str) -> str:
    """Drop quotation marks and trailing punctuation a model may wrap around quoted words."""
    t = normalise(text)
    while len(t) >= 2 and t[0] in "\"'" :
        t = t[1:].strip()
    while t and t[-1] in "\"'":
        t = t[:-1].strip()
    return t


@lru_cache(maxsize=8)
def _normalised_article(text: str) -> str:
    # Validators check many items against one article: normalise it once, not once per item.
    return normalise(text)


def contains(haystack: str, needle: str) -> bool:
    """True when ``needle`` occurs in ``haystack`` once both are normalised (empty never does)."""
    n = normalise(needle)
    return bool(n) and n in _normalised_article(haystack)
