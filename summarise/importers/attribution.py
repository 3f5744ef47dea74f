"""From attribution annotations to an article's gold: its quotes, who said them, and its actors.

Corpora annotated for attribution (PolNeAR and its kin) mark every attribution, reported speech
and direct quotation alike, as a Source (who), a Cue (said) and a Content (what). A briefing's
quote is narrower: only words that stand between quotation marks, given to a named speaker
(LABELLING.md). Two rules turn one into the other, each set down once in its own module: **the
quote** (``summarise.importers.quoted``: the part of a Content between quotation marks) and
**the speaker** (``summarise.importers.sources``: the name a Source gives, or the earlier Source
a pronoun or description stands for). This module applies them to an article's annotations.

A Source in several pieces whose joined words make a name the article never writes is read piece
by piece. A Source that holds only the Cue's words ("said", "according to") stopped short of the
speaker, who is read from the words after it.

Every named speaker becomes a gold actor, a surname or a first name alone being the one speaker's
full name it belongs to (a surname only when the article names that person most among those who
share it); the definite descriptions that stood for it are its aliases when they describe the
actor itself ("the Maine senator" for Ruth Calder), never when they name something it made or
someone who works for it ("the statement", "his campaign"), and a pronoun is never an alias.
Everything here and in the modules it uses is a pure function of the article text and the
annotated offsets, written without looking at the extractor, so the gold does not inherit its
mistakes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarise.importers.names import ABBREVIATED, first_names, lower_case_words
from summarise.importers.quoted import claimed_span, quoted_passages
from summarise.importers.sources import (
    MAX_SPEAKER_CHARS,
    Mention,
    Speaker,
    inner_source,
    read_source,
    resolve_speakers,
    speaker_text,
)
from summarise.importers.words import CUES, ORGANISATION_WORDS
from summarise.schemas import Actor, ActorKind, field_cap
from summarise.text import contains, normalise

#: The names brat.py and the tests import from here; the quote and speaker rules live in their own modules.
__all__ = [
    "MAX_ALIASES",
    "MAX_SPEAKER_CHARS",
    "ArticleGold",
    "Attribution",
    "Fragments",
    "GoldActor",
    "GoldQuote",
    "article_gold",
    "quoted_passages",
]

#: Character offsets of the pieces of one annotated span (brat allows a span in several pieces).
Fragments = tuple[tuple[int, int], ...]

#: The capitalised words a clause opens with.
_OPENING_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al|la|le|da|di|du))*")
#: What follows a Cue up to a comma or a quotation mark.
_CLAUSE = re.compile(r"[^,;\n“”\"]{1,100}")
#: Most aliases an actor holds.
MAX_ALIASES = field_cap(Actor, "aliases")


@dataclass(frozen=True)
class Attribution:
    """One attribution relation: who (the Source's fragments; empty when the corpus gives none)
    said what (the fragments of its Content spans)."""

    source: Fragments
    content: Fragments


@dataclass(frozen=True)
class GoldQuote:
    """A quote's place and words, its speaker, and how the speaker was found: "named" in the
    Source, "resolved" through a pronoun or description, or left as the "description"."""

    start: int
    end: int
    text: str
    speaker: str
    found: str = "named"


@dataclass(frozen=True)
class GoldActor:
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()


@dataclass
class ArticleGold:
    """What an article's attributions give: quotes with speakers, the named speakers as actors,
    and the counts of what was left out."""

    quotes: list[GoldQuote] = field(default_factory=list)
    actors: list[GoldActor] = field(default_factory=list)
    attributions: int = 0
    quoting: int = 0  # attributions whose Content holds quoted words
    no_source: int = 0  # of those, skipped: no Source to say who spoke
    overlapping: int = 0  # quotes claimed twice (nested attributions): the closest claim kept


def _read_source_span(article: str, fragments: Fragments, lower_words: frozenset[str]) -> Mention:
    """Read a Source; one in several pieces whose joined words make a name the article never
    writes ("Tide Gazette" ... "editor") is read piece by piece, the last naming piece winning.
    A Source that holds only the Cue's words ("said", "according to") stopped short of the
    speaker: what follows it up to a comma or the sentence's end is read instead."""
    joined = " ".join(article[s:e] for s, e in fragments)
    if joined.split() and all(w.lower() in CUES for w in joined.split()):
        after = _CLAUSE.match(article, fragments[-1][1])
        words = _sentence_end(after.group()).strip() if after is not None else ""
        if words:
            after_cue = read_source(words, fragments[0][0], article, frozenset())
            opening = _OPENING_NAME.match(words.strip())  # "said Ina Bell as she left"
            if after_cue.kind != "name" and opening is not None:
                return read_source(opening.group(), fragments[0][0], article, frozenset())
            return after_cue
    whole = read_source(joined, fragments[0][0], article, lower_words)
    if whole.kind != "name" or contains(article, whole.name or "") or (whole.name or "") in article:
        return whole
    for s, e in reversed(fragments):
        piece = read_source(article[s:e], fragments[0][0], article, lower_words)
        if piece.kind == "name" and (contains(article, piece.name or "") or (piece.name or "") in article):
            return piece
    return Mention(whole.start, speaker_text(whole.text), "own")


def _sentence_end(text: str) -> str:
    """``text`` up to the full stop that ends its sentence, an abbreviation's stop not counting."""
    for m in re.finditer(r"(\S+)\.(?=\s|$)", text):
        if not ABBREVIATED.fullmatch(m.group(1) + "."):
            return text[: m.end() - 1]
    return text


def _kind(name: str, person: bool) -> ActorKind:
    if person:
        return ActorKind.PERSON
    words = name.split()
    if any(w in ORGANISATION_WORDS for w in words) or all(w.isupper() for w in words):
        return ActorKind.ORGANISATION
    return ActorKind.OTHER


def _actors(quotes: list[tuple[GoldQuote, Speaker]], article: str) -> tuple[list[GoldActor], dict[str, str]]:
    """One actor per named speaker; a one-word name that ends exactly one longer person's name is
    that person ("Calder" and "Ruth Calder") when the article names her more than anyone else of
    that surname (her husband "Tom Calder"), and so is a first name that starts exactly one
    ("Ruth"); it and the definite descriptions that stood for the speaker are aliases. Returns
    the actors and each speaker name's canonical name."""
    names: dict[str, bool] = {}
    described: dict[str, list[str]] = {}
    for _, speaker in quotes:
        if speaker.named:
            names[speaker.text] = names.get(speaker.text, False) or speaker.person
            if speaker.alias:
                described.setdefault(speaker.text, []).append(speaker.alias)
    canonical = {name: name for name in names}
    for name in names:
        if len(name.split()) != 1:
            continue
        longer = [n for n, person in names.items() if person and len(n.split()) > 1 and n.split()[-1] == name]
        if len(longer) == 1 and _most_named(longer[0], article):
            canonical[name] = longer[0]
            continue
        first = [n for n, person in names.items() if person and len(n.split()) > 1 and n.split()[0] == name]
        if len(first) == 1 and not longer:
            canonical[name] = first[0]
    actors: list[GoldActor] = []
    for name in dict.fromkeys(canonical.values()):
        short = [n for n, c in canonical.items() if c == name and n != name]
        descriptions = [d for n, c in canonical.items() if c == name for d in described.get(n, [])]
        others = (a for a in (*short, *descriptions) if normalise(a).casefold() != name.casefold())
        aliases = tuple(dict.fromkeys(others))[:MAX_ALIASES]
        person = any(names[n] for n, c in canonical.items() if c == name)
        actors.append(GoldActor(name, _kind(name, person), aliases))
    return actors, canonical


def _most_named(full: str, article: str) -> bool:
    """Whether ``full`` is the article's most written person of its surname: "Calder" alone is
    Ruth Calder when the article names her more than her husband Tom Calder, no one otherwise."""
    first, surname = full.split()[0], full.split()[-1]
    counts = {f: len(re.findall(rf"\b{re.escape(f)}\s+(?:\S+\s+)?{re.escape(surname)}\b", article))
              for f in first_names(surname, article) | {first}}
    return counts[first] >= max(counts.values())


def article_gold(article: str, attributions: Sequence[Attribution]) -> ArticleGold:
    """The gold quotes and speakers an article's attributions give (see the module docstring)."""
    gold = ArticleGold(attributions=len(attributions))
    passages = quoted_passages(article)
    lower_words = lower_case_words(article)
    claims: dict[tuple[int, int], tuple[int, int]] = {}  # span -> (claiming fragment's length, attribution)
    for index, attribution in enumerate(attributions):
        spans = [
            span
            for fragment in attribution.content
            for passage in passages
            if (span := claimed_span(article, fragment, passage)) is not None
        ]
        if not spans:
            continue
        gold.quoting += 1
        if not attribution.source:
            gold.no_source += 1
            continue
        width = sum(e - s for s, e in attribution.content)
        for span in spans:
            if span in claims:
                gold.overlapping += 1
                if width >= claims[span][0]:
                    continue
            claims[span] = (width, index)
    kept: list[tuple[tuple[int, int], int]] = []
    for span, (_, index) in sorted(claims.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        if kept and span[0] < kept[-1][0][1]:  # overlaps the quote before it, which stands
            gold.overlapping += 1
            continue
        kept.append((span, index))
    mentions = [_read_source_span(article, a.source, lower_words) for a in attributions if a.source]
    speakers = resolve_speakers(mentions, article, lower_words)
    kinds = {m.start: m.kind for m in mentions}
    # the person an inner cue names for one quote of a Content speaks the quotes after it there too:
    # in "“...,” Osei said, as the pool's notes have it. “...”" the second quote is Osei's as well
    # (not the words before it: a live blog quoted whole is the blog's, not the voice inside it)
    voice_of: dict[int, Mention] = {}
    pairs: list[tuple[GoldQuote, Speaker]] = []
    for (start, end), index in kept:
        source_start = attributions[index].source[0][0]
        speaker = speakers[source_start]
        found = "description" if not speaker.named else "named" if kinds[source_start] == "name" else "resolved"
        inner = inner_source(article, attributions[index].content, (start, end), lower_words)
        if inner is not None:
            voice_of[index] = inner
        elif not speaker.named:
            inner = voice_of.get(index)
        if inner is not None and inner.name != speaker.text:
            speaker, found = Speaker(inner.name or inner.text, True, True), "named"
        pairs.append((GoldQuote(start, end, article[start:end], speaker.text, found), speaker))
    gold.actors, canonical = _actors(pairs, article)
    quotes = [
        GoldQuote(q.start, q.end, q.text, canonical.get(speaker.text, speaker.text), q.found)
        for q, speaker in pairs
    ]
    gold.quotes = _one_per_passage(quotes, passages, article)
    return gold


def _one_per_passage(quotes: list[GoldQuote], passages: list[tuple[int, int]], article: str) -> list[GoldQuote]:
    """Pieces of one passage between quotation marks, given to the same speaker by attributions
    that cut it at its sentences, are one quote: LABELLING.md's quote is the article's words
    between the marks. Pieces of a passage split around its attribution stay two quotes."""
    merged: list[GoldQuote] = []
    for q in sorted(quotes, key=lambda q: q.start):
        passage = next((p for p in passages if p[0] <= q.start and q.end <= p[1]), None)
        last = merged[-1] if merged else None
        if (
            last is not None and passage is not None and passage[0] <= last.start and last.speaker == q.speaker
            and not article[last.end : q.start].strip(" ,.;:!?")
        ):
            merged[-1] = GoldQuote(last.start, q.end, article[last.start : q.end], last.speaker, last.found)
        else:
            merged.append(q)
    return merged
