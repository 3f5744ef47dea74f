"""Sentences with their offsets, and which parts of a page are the article.

Every candidate (quote, actor, event) is found sentence by sentence, and every sentence keeps
its offsets into the raw article, so that whatever is found later points at the article's own
characters. Web pages carry furniture around the story (headings, captions, share buttons,
"Related Articles" teasers about other stories); marking it here keeps it out of every finder.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from summarise.grounding.dates import DATELINE

#: Titles written short before a name ("Sen.", "Rev.", "Det."): the one list of them, which the
#: speaker finder masks too, so that a title's full stop neither ends a sentence nor a name.
TITLE_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr", "gov", "sen", "rep", "st",
     "rev", "fr", "msgr", "sens", "reps", "govs", "gens", "det", "supt", "atty", "amb", "hon"]
)
#: Abbreviations that always lead on to what follows (a title before a name, "i.e."): never an end.
_LEADING_ABBREVIATIONS = TITLE_ABBREVIATIONS | {"vs", "i.e", "e.g", "approx", "est", "dept"}
#: Abbreviations that may close a sentence ("sanctions by the U.S.") but mostly modify the name
#: after them ("U.S. Navy"), and "no" ("No. 2", but "The board voted no. The mayor ..."): an end only
#: before a word that opens sentences, never names.
_NAME_ABBREVIATIONS = frozenset(
    ["no", "u.s", "u.n", "u.k", "e.u", "jr", "sr", "etc", "inc", "corp", "ltd", "co", "ft", "mt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
#: Clock abbreviations close a time, which mostly closes its sentence ("at 9 a.m. The ministry"),
#: unless the day, a month or the clock's zone follows ("at 7:50 a.m. Monday", "9 a.m. Seoul time").
_CLOCK_ABBREVIATIONS = frozenset(["a.m", "p.m"])
_ABBREVIATIONS = _LEADING_ABBREVIATIONS | _NAME_ABBREVIATIONS | _CLOCK_ABBREVIATIONS
#: Words that open a sentence and never continue a name.
_OPENERS = frozenset(
    ["the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "this", "that", "these", "those", "there", "but", "and", "yet", "so", "however", "meanwhile", "still", "in", "on", "at", "after", "before", "since", "while", "when", "if", "as", "last", "earlier", "later"]
)
#: What follows a clock's "a.m." inside its sentence: a day, a month, a zone ("GMT", "Seoul time").
_CLOCK_GOES_ON = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
    r"|(?:[A-Z]{1,4}T|UTC|MSK)\b|(?:[A-Z][\w'’-]*\s+){1,2}[Tt]ime\b"
)
#: A line that starts the page's trailing furniture: nothing after it is the story.
_TRAILER = re.compile(
    r"^\s*(related (articles|stories|posts|news)|read (more|next|also)|more (from|stories|news)|"
    r"you (may|might) also like|recommended|share (this|your thoughts)|sign in|subscribe\b|"
    r"this content is ai-generated|comments?\s*$|thoughts\s*$|tags?:|about the author)",
    re.IGNORECASE,
)
#: Share of the page that must come before a trailer: a "Share" line under the headline is not one.
_TRAILER_MIN_SHARE = 0.3
#: A line that is page furniture wherever it stands.
_FURNITURE = re.compile(
    r"^\s*(you are currently viewing|post author|post last modified|post published|table of contents|"
    r"share|sharing articles|advertisement|follow us|click here|image:|photo:|file photo|by (?:an? )?[\w .'-]{2,40}$|"
    r"\[.*\]\s*$|the views expressed)",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[•·*▪‣◦–—-]|\d{1,2}[.)])\s+")
_SPLIT = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_TERMINAL = re.compile(r"[.!?][\"'”’)\]]*\s*$")
_OPEN_CLOSE = {"“": "”", '"': '"', "«": "»"}
MIN_SENTENCE_WORDS = 4

@dataclass(frozen=True)
class Sentence:
    """One sentence (or heading, or bullet) and where it stands in the raw article."""

    text: str
    start: int
    end: int
    paragraph: int
    heading: bool = False
    bullet: bool = False
    furniture: bool = False

    @property
    def is_prose(self) -> bool:
        """A sentence of the story itself, not a heading, a caption or a fragment."""
        return not (self.heading or self.furniture) and len(self.text.split()) >= MIN_SENTENCE_WORDS


def body_end(article: str) -> int:
    """Offset where the story ends and the page's trailer (related stories, comments) begins."""
    offset = 0
    seen_prose = 0
    for line in article.splitlines(keepends=True):
        if seen_prose >= 2 and offset >= _TRAILER_MIN_SHARE * len(article) and _TRAILER.match(line):
            return offset
        if len(line.split()) >= 12:
            seen_prose += 1
        offset += len(line)
    return len(article)


def _quote_ranges(line: str) -> list[tuple[int, int]]:
    """Where double-quoted passages stand in a line, so that no split falls inside one."""
    ranges: list[tuple[int, int]] = []
    i = 0
    while i < len(line):
        ch = line[i]
        if ch in _OPEN_CLOSE:
            close = line.find(_OPEN_CLOSE[ch], i + 1)
            end = close if close >= 0 else len(line)
            ranges.append((i, end))
            i = end + 1
        else:
            i += 1
    return ranges


#: The letters and dots that end just before a dot: the abbreviation it may close.
#: (a whole word: the "s" of "the 1990s." and the "h" of "45th." are no initials)
_WORD_BEFORE_DOT = re.compile(r"(?<![0-9A-Za-z])([A-Za-z.]+)$")
#: Longer than any abbreviation: the look back from a dot stops here, so that a sentence split
#: costs the same at the end of a 400,000-character line as at its start.
_ABBREVIATION_WINDOW = 32
_SPACE = re.compile(r"\s*")
_WORD = re.compile(r"[A-Za-z]+\b")
#: A lower-case word before the next full stop: prose, not a headline in title case.
_PROSE_BEFORE_STOP = re.compile(r"[^.!?]*?(?<![\w'’-])[a-z]")


def _abbreviation(text: str, dot: int) -> str | None:
    """The abbreviation whose dot stands at ``dot`` ("u.s", "a.m", an initial), else None."""
    word = _WORD_BEFORE_DOT.search(text, max(0, dot - _ABBREVIATION_WINDOW), dot)
    if not word:
        return None
    token = word.group(1).lower().rstrip(".")
    return token if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or _INITIALS.fullmatch(token) else None


#: Initials run together ("A.E." of "A.E. Dick Howard", "D.C."): like "U.S.", an end only before an opener.
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


def _ends_at_abbreviation(token: str, line: str, cut: int) -> bool:
    """Whether a sentence ends at an abbreviation's dot, given the line and where its dot ends.

    Reads the line in place from ``cut`` (no copy of the rest of the line: on a one-line
    article that copy made splitting quadratic in its length).
    """
    at = _SPACE.match(line, cut).end()
    if not line[at : at + 1].isupper():
        return False  # "Jan. 12", "a.m. (0100 GMT)": the sentence goes on
    if token in _CLOCK_ABBREVIATIONS:
        return _CLOCK_GOES_ON.match(line, at) is None
    if token in _NAME_ABBREVIATIONS or _INITIALS.fullmatch(token):
        nxt = _WORD.match(line, at)
        # a headline capitalises every word ("Talks With The U.S. And Iran"): only prose opens a sentence
        prose = _PROSE_BEFORE_STOP.match(line, at)
        return nxt is not None and nxt.group(0).lower() in _OPENERS and prose is not None
    return False  # a title or an initial leads on to a name


def _inside_quote(quotes: list[tuple[int, int]], starts: list[int], stop: int, cut: int) -> bool:
    """Whether a full stop falls inside a quotation that goes on after it (one bisect: the
    quoted ranges of a line are sorted and never overlap)."""
    i = bisect.bisect_left(starts, stop) - 1
    return i >= 0 and stop < quotes[i][1] and cut <= quotes[i][1]


#: Longer than any sentence news prints (the longest in 970 real and labelled articles here has
#: about 1,500 characters). Text that runs on past it with no end (a pasted list of thousands of
#: quoted terms) is cut, because the quote and cue finders read a sentence once per quote in it:
#: uncut, such a "sentence" of 40,000 characters took 17 s (bench/rules_scaling.py), and the
#: 400,000 characters an article may have would take hours.
MAX_SENTENCE_CHARS = 2000
_SPACES = re.compile(r"\s+")


def _split_line(line: str) -> list[tuple[int, int]]:
    quotes = _quote_ranges(line)
    starts = [a for a, _ in quotes]
    pieces: list[tuple[int, int]] = []
    start = 0
    for m in _SPLIT.finditer(line):
        cut = m.end()
        if _inside_quote(quotes, starts, m.start(), cut):
            continue  # a full stop inside a quotation that goes on
        token = _abbreviation(line, m.start()) if m.group(0) == "." else None
        if token is not None and not _ends_at_abbreviation(token, line, cut):
            continue
        pieces.extend(_capped(line, quotes, starts, start, cut))
        start = cut
    pieces.extend(_capped(line, quotes, starts, start, len(line)))
    return pieces


def _capped(line: str, quotes: list[tuple[int, int]], starts: list[int], a: int, b: int) -> list[tuple[int, int]]:
    """The piece ``line[a:b]``, cut into pieces of at most ``MAX_SENTENCE_CHARS``: each after the
    last space that no quotation spans, in the second half of its allowance (or after its last
    space, or at the limit, when there is none)."""
    pieces: list[tuple[int, int]] = []
    while b - a > MAX_SENTENCE_CHARS:
        limit = a + MAX_SENTENCE_CHARS
        spaces = [m.end() for m in _SPACES.finditer(line, a + MAX_SENTENCE_CHARS // 2, limit)]
        outside = [cut for cut in spaces if not _inside_quote(quotes, starts, cut - 1, cut)]
        cut = (outside or spaces or [limit])[-1]
        pieces.append((a, cut))
        a = cut
    pieces.append((a, b))
    return pieces


#: A word of four letters or more that a title would capitalise and a sentence leaves lower case.
_LONG_LOWER_WORD = re.compile(
    r"(?<![\w'’-])(?!(?:with|from|into|onto|over|upon|after|about|than|amid|like|near|until|when|while|without)\b)[a-z]{4,}"
)


_MAX_HEADING_WORDS = 14
_MAX_TITLE_WORDS = 30


def _is_heading(text: str, line: str, first: bool) -> bool:
    """A short line of its own with no end; or, ``first`` in the article, a title-case one that
    closes on a full stop ("Mayor Slams The Council In One Debate Answer.": some sites and corpora
    end their titles so; further down, such a line is a list of names as often as a heading)."""
    words = text.split()
    if not words or text.strip() != line.strip():
        return False
    if not _TERMINAL.search(text) and len(words) <= (_MAX_TITLE_WORDS if first else _MAX_HEADING_WORDS):
        return True  # the article's first line may be a long headline: "X fires missile that could reach ..., officials say"
    if len(words) > _MAX_HEADING_WORDS:
        return False
    if not first:
        return False
    long_words = [w for w in words if len(w.strip(".,:;!?\"“”‘’'")) >= 4]
    return (
        text.rstrip().endswith(".") and not text.rstrip().endswith("..") and len(long_words) >= 3
        and _LONG_LOWER_WORD.search(text) is None and text.count(". ") == 0
    )


@lru_cache(maxsize=64)
def _split(article: str) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    end_of_body = body_end(article)
    offset = 0
    paragraph = 0
    for line in article.splitlines(keepends=True):
        line_start = offset
        offset += len(line)
        if not line.strip():
            continue
        paragraph += 1
        bullet = _BULLET.match(line)
        # a wire dateline ("SEOUL, Jan. 12 (Wire) — ") says where and when, and is no part of the sentence
        dateline = None if bullet else DATELINE.match(line)
        body_from = bullet.end() if bullet else (dateline.end() if dateline else 0)
        body = line[body_from:]
        # a caption stays: it often names the story's people and what they did
        furniture = line_start >= end_of_body or bool(_FURNITURE.match(line))
        for a, b in _split_line(body):
            raw = body[a:b]
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            s = line_start + body_from + a + lead
            sentences.append(
                Sentence(
                    text=stripped,
                    start=s,
                    end=s + len(stripped),
                    paragraph=paragraph,
                    heading=not bullet and _is_heading(stripped, line, paragraph == 1),
                    bullet=bool(bullet),
                    furniture=furniture,
                )
            )
    return tuple(sentences)


def split_sentences(article: str) -> list[Sentence]:
    """The article's sentences in order, each with raw offsets (``article[s.start:s.end] == s.text``)."""
    return list(_split(article))
