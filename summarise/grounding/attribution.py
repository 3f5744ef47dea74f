"""Who the article says spoke a quote: a speaker is kept only where the text gives it.

A model asked to fill the whole briefing (``briefing@v1``) may give a quote to anyone: to a
person the article never names, or, obeying instructions planted in the article, to a famous
name the story only mentions somewhere else. Whatever the prompt, a quote's speaker stays only
when the text near the quote attributes the words to them:

- one of the speakers the rules rank for that quotation (``find_quote_candidates``: the one
  the attribution names, then the people named in the sentences before it), or
- a name (or, for an unnamed voice, a description: "a spokeswoman") that stands outside
  quotation marks in the quote's own sentence or the one before it, or
- a description there ("the farmer said", "the army said") that the article gives the named
  speaker elsewhere ("Halima Abdi, a farmer, ..."): LABELLING.md gives a quote introduced by a
  description to the one it describes,

and the article names them at all. Otherwise the speaker, with the role, affiliation and type
that came with it, is dropped and the drop recorded, never hidden. The rules' own speakers are
their first-ranked ones, so they always pass.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from summarise.grounding.align import align
from summarise.grounding.gazetteer import ROLE_NOUNS, TITLE
from summarise.grounding.quotes import QuoteCandidate, find_quote_candidates
from summarise.grounding.sentences import split_sentences
from summarise.schemas import Drop, QuoteDraft, SpeakerType
from summarise.text import name_key, normalise

_WORD = re.compile(r"[\w'’.-]+")
_TITLE = re.compile(rf"(?:{TITLE})\.?")
_ROLE = re.compile(rf"\b(?:{ROLE_NOUNS})s?\b", re.IGNORECASE)
#: Nouns that describe a speaker without naming it: a role, or a body ("the army said").
_DESCRIPTION = re.compile(
    rf"\b(?:{ROLE_NOUNS}|army|military|navy|ministry|government|group|command|forces|agency|office|council|"
    r"embassy|party|company|authorities|administration|militia|movement|police|committee)s?\b",
    re.IGNORECASE,
)
#: Capitalised words that are no part of a name: articles and the like at a phrase's start.
_NOT_NAME = frozenset({"The", "A", "An", "Of", "And", "For", "In", "On", "At", "To", "Its", "His", "Her", "Their"})
#: A passage between double quotation marks (straight, curly, low-9, guillemets).
_QUOTED = re.compile(r"[\"“„«][^\"“”„«»]*[\"”»]?")


def _name_words(phrase: str) -> set[str]:
    """The words of a phrase that name someone: capitalised, and neither a title nor a role."""
    words = set()
    for w in _WORD.findall(phrase):
        w = w.strip(".'’-")
        title = _TITLE.fullmatch(w) or _TITLE.fullmatch(w + ".")
        if len(w) >= 2 and w[:1].isupper() and w not in _NOT_NAME and not title and not _ROLE.fullmatch(w):
            words.add(w)
    return words


def _head(description: str) -> str | None:
    """The role word of an unnamed voice ("a spokeswoman for the ministry" -> "spokeswoman")."""
    m = _ROLE.search(description)
    if m:
        return m.group(0).lower()
    words = [w for w in _WORD.findall(description) if len(w) >= 3]
    return words[-1].lower() if words else None


def _in(phrase: str, texts: list[str], *, any_case: bool = False, description: bool = False) -> bool:
    """Whether the texts give this speaker: one of its name words, or (a description, as an
    unnamed voice's role is even when it has capitals: "State Department spokesperson") its role word."""
    names = set() if description else _name_words(phrase)
    if names:
        flags = re.IGNORECASE if any_case else 0
        return any(re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", t, flags) for n in names for t in texts)
    head = _head(phrase)
    return head is not None and any(re.search(rf"(?<![\w]){re.escape(head)}", t, re.IGNORECASE) for t in texts)


@lru_cache(maxsize=8)
def _sentence_starts(article: str) -> tuple[int, ...]:
    return tuple(s.start for s in split_sentences(article))


def _near(article: str, start: int, end: int) -> list[str]:
    """The quote's sentences and the one before them, without the words inside quotation marks:
    the place a news story says who speaks (a name inside someone's words is not the speaker)."""
    sentences = split_sentences(article)
    starts = _sentence_starts(article)
    first = max(0, bisect.bisect_right(starts, start) - 1)
    last = max(first, bisect.bisect_left(starts, end) - 1)
    return [_QUOTED.sub(" ", s.text) for s in sentences[max(0, first - 1) : last + 1]]


class _Quotations:
    """The rules' quotations of one article, found by their words and by where they stand."""

    def __init__(self, article: str) -> None:
        self.all = find_quote_candidates(article)  # in article order; quotations never overlap
        self.starts = [c.span.start for c in self.all]
        self.by_words: dict[str, list[QuoteCandidate]] = {}
        for c in self.all:
            self.by_words.setdefault(normalise(c.text), []).append(c)

    def same_words(self, text: str) -> list[QuoteCandidate]:
        return self.by_words.get(normalise(text), [])

    def overlapping(self, start: int, end: int) -> list[QuoteCandidate]:
        found = []
        i = bisect.bisect_left(self.starts, end) - 1
        while i >= 0 and self.all[i].span.end > start:
            found.append(self.all[i])
            i -= 1
        return found


def _ranked(cands: list[QuoteCandidate]) -> list[str]:
    return [n for c in cands for n in (*c.speakers, c.speaker) if n]


def _rules_give(speaker: str, cands: list[QuoteCandidate]) -> bool:
    """The rules' own attribution of these words (a name or an unnamed voice's role), or a name
    they rank for it."""
    given = _ranked(cands) + [c.speaker_role for c in cands if c.speaker_role]
    return any(name_key(speaker) == name_key(n) for n in given)


def _described_elsewhere(speaker: str, article: str, roles: list[str], near: list[str]) -> bool:
    """Whether a description near the quote ("the baker said") is one the article gives the
    named speaker where it names them ("Mara Quill, a baker"), outside quotation marks.
    ``roles`` are the rules' descriptions of the quote's speaker, whose last word is the noun."""
    heads = {m.group(0).lower().rstrip("s") for d in roles + near for m in _DESCRIPTION.finditer(d)}
    heads |= {words[-1].lower() for r in roles if (words := _WORD.findall(r)) and len(words[-1]) >= 3}
    names = _name_words(speaker)
    if not heads or not names:
        return False
    for sentence in split_sentences(article):
        said = _QUOTED.sub(" ", sentence.text)
        if any(re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", said) for n in names) and any(
            re.search(rf"\b{re.escape(h)}", said, re.IGNORECASE) for h in heads
        ):
            return True
    return False


def _verdict(speaker: str, article: str, cands: list[QuoteCandidate], near: list[str], *, unnamed: bool) -> str | None:
    """Why the text does not give the quote to ``speaker`` (an unnamed voice's role when
    ``unnamed``); None when it does."""
    ranked = _ranked(cands)
    if _rules_give(speaker, cands):
        return None
    if not _in(speaker, [article], any_case=True, description=unnamed):  # "SEOUL" in a dateline names Seoul
        return "speaker not named in the article"
    described = [d for c in cands for d in (c.speaker_role, c.speaker_affiliation) if d]
    if _in(speaker, ranked + described + near, description=unnamed):
        return None
    if not unnamed and _described_elsewhere(speaker, article, [c.speaker_role for c in cands if c.speaker_role], near):
        return None
    return "speaker not attributed by the text near the quote"


def verify_speakers(quotes: list[QuoteDraft], article: str) -> tuple[list[QuoteDraft], list[Drop]]:
    """The quotes with every speaker the text does not give dropped to null, and each drop."""
    kept: list[QuoteDraft] = []
    drops: list[Drop] = []
    quotations = _Quotations(article) if any(q.speaker or q.speaker_role for q in quotes) else None
    for quote in quotes:
        who = quote.speaker or quote.speaker_role
        if not who or quotations is None or _rules_give(who, quotations.same_words(quote.text)):
            kept.append(quote)  # nobody named, or the rules' own answer: nothing to check
            continue
        span = align(article, quote.text)
        if span is None:
            kept.append(quote)  # words not in the article: grounding drops the quote itself
            continue
        cands = quotations.same_words(quote.text) + quotations.overlapping(span.start, span.end)
        reason = _verdict(who, article, cands, _near(article, span.start, span.end), unnamed=not quote.speaker)
        if reason is None:
            kept.append(quote)
            continue
        drops.append(
            Drop(
                kind="speaker",
                reason=reason if quote.speaker else reason.replace("speaker", "speaker's role", 1),
                item={"quote": quote.text[:120], "speaker": quote.speaker, "speaker_role": quote.speaker_role,
                      "speaker_type": SpeakerType(quote.speaker_type).value},
            )
        )
        kept.append(
            quote.model_copy(update={"speaker": None, "speaker_role": None, "speaker_affiliation": None,
                                     "speaker_type": SpeakerType.OTHER})
        )
    return kept, drops
