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


#: Marks a model may wrap around quoted words: double ones, and single ones that open a passage.
_DOUBLE_MARKS = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb"
_SINGLE_MARKS = "'\u2018\u2019\u201a\u201b"


def strip_outer_quotes(text: str) -> str:
    """Drop the quotation marks a model may wrap around quoted words, and nothing else.

    The words inside keep their own characters (a curly apostrophe stays curly): a quote is the
    article's characters, and folding happens only where texts are compared. A closing single
    mark goes only with an opening one, since alone it is an apostrophe ("the farmers’").
    """
    t = text.strip()
    single = False
    while len(t) >= 2 and t[0] in _DOUBLE_MARKS + _SINGLE_MARKS:
        single = single or t[0] in _SINGLE_MARKS
        t = t[1:].strip()
    while t and (t[-1] in _DOUBLE_MARKS or (single and t[-1] in _SINGLE_MARKS)):
        t = t[:-1].strip()
    return t


#: Two apostrophes (or two backticks) standing for a double quotation mark, as newspaper archives and
#: tokenised corpora write them: ''That was not fair,'' he said.
_DOUBLED_OPENING = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))(?:''|``)(?=[^\s'`])", re.MULTILINE)
_DOUBLED_CLOSING = re.compile(r"(?<=[^\s'`])''(?=[\s.,;:!?)\]—–-]|$)", re.MULTILINE)


def with_doubled_marks_as_quotes(text: str) -> str:
    """The text with each doubled apostrophe that opens or closes a quotation written as a curly
    double mark, and nothing else changed: the same length, so every offset and every quoted word
    stays the article's own (the mark's other character becomes a space, or an apostrophe before
    punctuation)."""
    if "''" not in text and "``" not in text:
        return text
    text = _DOUBLED_OPENING.sub(" \u201c", text)
    return _DOUBLED_CLOSING.sub(lambda m: "\u201d" + (" " if re.match(r"\s|$", text[m.end() : m.end() + 1]) else "\u2019"), text)


@lru_cache(maxsize=8)
def _normalised_article(text: str) -> str:
    # Validators check many items against one article: normalise it once, not once per item.
    return normalise(text)


def contains(haystack: str, needle: str) -> bool:
    """True when ``needle`` occurs in ``haystack`` once both are normalised (empty never does)."""
    n = normalise(needle)
    return bool(n) and n in _normalised_article(haystack)
