"""From attribution annotations to gold quotes: the words between quotation marks, and who said them.

Corpora annotated for attribution (PolNeAR and its kin) mark every attribution, reported speech
and direct quotation alike, as a Source (who), a Cue (said) and a Content (what). A briefing's
quote is narrower: only words that stand between quotation marks, given to a named speaker
(LABELLING.md). Two rules turn one into the other, set down here once:

- **the quote** is the part of a Content between quotation marks: straight or curly double marks,
  which may sit just outside the Content's ends (annotators often leave them out), several
  quoted passages in one Content being several quotes, each the article's own characters. Marks
  are paired paragraph by paragraph over the whole article, not inside the Content alone, so a
  Content that starts or ends mid-quote still finds the right marks; a paragraph that opens a
  quote and never closes it continues into the next (the news convention), so its quote ends at
  the paragraph's end.
- **the speaker** is the Source reduced to the name it gives ("harbour board treasurer Ines
  Duarte" is Ines Duarte; "Sen. Ruth Calder of Maine" is Ruth Calder). A Source that is a pronoun
  or a definite description ("he", "the influential harbour weekly") stands for the
  nearest earlier Source in the article that names someone (a person for he, she, I and who; no
  person for it, or for a description of a body such as "the board"); with none, no one is
  named. An indefinite description ("a spokesman", "officials", "several") introduces someone
  new, and so does a description built on a name that is not the speaker's own ("the Calder
  campaign", "Calder's spokeswoman") or a relational one ("his wife"): the campaign speaks,
  not the candidate. A speaker the text does not name is written as a null speaker with the
  description as its role, as the project's real-text gold writes an unnamed source.

Every named speaker becomes a gold actor; the definite descriptions that stood for it are its
aliases when they describe the actor itself ("the Maine senator" for Ruth Calder), never when
they name something it made or someone who works for it ("the statement", "his campaign"),
and a pronoun is never an alias. Everything here is a pure function of the article text and the
annotated offsets, written without looking at the extractor, so the gold does not inherit its
mistakes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarise.importers.words import (
    AFFILIATIONS,
    COLLECTIVE,
    DEFINITE,
    DETERMINERS,
    INDEFINITE,
    NOT_ALIAS_HEADS,
    NOT_NAME,
    ORGANISATION_HEADS,
    ORGANISATION_WORDS,
    PARTICLES,
    PLACES,
    PREPOSITIONS,
    PRONOUNS_ANY,
    PRONOUNS_PERSON,
    PRONOUNS_THING,
    RELATIVES,
    RELATIVE_WORDS,
    TITLES,
)
from summarise.schemas import Actor, ActorKind, QuoteDraft, field_cap
from summarise.text import contains, normalise

#: Character offsets of the pieces of one annotated span (brat allows a span in several pieces).
Fragments = tuple[tuple[int, int], ...]

_OPENING = "“„«"
_CLOSING = "”»"
_STRAIGHT = '"'
_MARK = re.compile(r"[“”„«»\"]")
_PARAGRAPH = re.compile(r"[^\n]+")
#: What may stand between a Content's end and the closing mark it left out: ``win,"`` / ``win."``.
_GAP = re.compile(r"[\s.,;:!?…—–-]*")

_TOKEN = re.compile(r"(?P<word>[^\W_][\w'’.&-]*)|(?P<punct>[,;:()\[\]—–])")
#: Words whose full stop is part of them; any other word's full stop ends the Source.
_ABBREVIATED = re.compile(
    r"(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Sen|Sens|Rep|Reps|Gov|Lt|Gen|Col|Maj|Capt|Sgt|Adm|Cmdr|Pres"
    r"|Jr|Sr|St|Inc|Corp|Co|Ltd|Bros)\."
)
_POST_MODIFIERS = PREPOSITIONS | {"who"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")


#: Longest speaker a briefing holds; a longer description is cut at a word.
MAX_SPEAKER_CHARS = field_cap(QuoteDraft, "speaker")
#: Most aliases an actor holds.
MAX_ALIASES = field_cap(Actor, "aliases")


# --------------------------------------------------------------------------------------------
# Quotes
# --------------------------------------------------------------------------------------------


def quoted_passages(article: str) -> list[tuple[int, int]]:
    """Every passage of the article between paired double quotation marks: (start, end) of the
    words inside the marks, paired paragraph by paragraph.

    A curly opening mark met inside an open passage starts a new one when a word follows it and
    closes the open one otherwise (a typed-backwards closing mark); a passage left open at the end
    of its paragraph ends there (a quote running over several paragraphs reopens each one).
    """
    passages: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(article):
        open_at: int | None = None
        for mark in _MARK.finditer(paragraph.group()):
            at = paragraph.start() + mark.start()
            ch = mark.group()
            word_follows = at + 1 < len(article) and article[at + 1].isalnum()
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
    return [(s, e) for s, e in passages if article[s:e].strip(" \t\u00a0.,;:!?…—–-")]


def _claim(article: str, fragment: tuple[int, int], passage: tuple[int, int]) -> tuple[int, int] | None:
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


# --------------------------------------------------------------------------------------------
# Speakers
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    text: str
    is_word: bool
    possessive: bool = False

    @property
    def bare(self) -> str:
        return _POSSESSIVE.sub("", self.text) if self.possessive else self.text


def _tokens(text: str) -> list[_Token]:
    out = []
    for m in _TOKEN.finditer(_PARENTHETICAL.sub("", text)):
        if m.group("word"):
            word = m.group("word")
            if word.endswith(".") and not _ABBREVIATED.fullmatch(word):
                word = word.rstrip(".")  # a full stop that ends the Source, not an abbreviation
            out.append(_Token(word, True, bool(_POSSESSIVE.search(word)) and len(word) > 2))
        else:
            out.append(_Token(m.group("punct"), False))
    return out


def _starts_sentence(article: str, at: int) -> bool:
    before = article[:at].rstrip(" \t\u00a0")
    return not before or before[-1] in "\n.!?\"”’:;"


def _is_name_word(token: _Token, first: bool, lower_words: frozenset[str]) -> bool:
    word = token.bare
    if not token.is_word or not word[0].isupper() or word in NOT_NAME:
        return False
    if len(word) == 1:
        return False  # "Q" and "A" of an interview
    # a sentence's first word is capitalised whatever it is: a name only if never written in lower case
    return not (first and word.lower() in lower_words)


def _runs(tokens: list[_Token], lower_words: frozenset[str]) -> list[tuple[int, int]]:
    """Maximal runs of name words (with particles and initials inside): [start, end) token indices."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not _is_name_word(tokens[i], i == 0, lower_words):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            tok = tokens[j]
            if tokens[j - 1].possessive:
                break
            if _is_name_word(tok, False, lower_words):
                j += 1
            elif (
                tok.is_word
                and tok.text in PARTICLES
                and j + 1 < len(tokens)
                and _is_name_word(tokens[j + 1], False, lower_words)
            ):
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


@dataclass(frozen=True)
class _Name:
    text: str
    titled: bool  # a personal title stood before it: a person


def _name_of_run(words: list[str]) -> _Name | None:
    """The name in a run of capitalised words, without the titles and affiliations before it."""
    if words and words[0] in ("The", "the"):
        words = words[1:]
    cut = -1
    for i, w in enumerate(words[:-1]):
        if w in TITLES or w in AFFILIATIONS:
            cut = i
    rest = words[cut + 1 :]
    if cut >= 0 and rest and not any(w in ORGANISATION_WORDS for w in rest):
        return _Name(" ".join(rest), any(w in TITLES for w in words[: cut + 1]))
    if not words or all(w in TITLES or w in AFFILIATIONS for w in words):
        return None
    name = " ".join(words)
    if name in PLACES:
        return None
    return _Name(name, False)


def _stands_free(tokens: list[_Token], start: int) -> bool:
    """Whether the words before a run of name words leave it the head of the Source: no
    preposition or relative clause governs it ("spokesman for Ruth Calder", "Ina Bell, who backs
    Osei") and it ends no description ("one Maine Democrat", "Ina Bell, a pollster who advised
    the Calder PAC"); a title's own "of" does not count ("Secretary of State Ina Bell")."""
    if RELATIVE_WORDS.intersection(t.text.lower() for t in tokens[:start] if t.is_word):
        return False
    comma = max((i for i, t in enumerate(tokens[:start]) if t.text in (",", "—", "–")), default=-1)
    before = [t.text.lower() for t in tokens[comma + 1 : start] if t.is_word]
    if before and (before[0] in INDEFINITE or (comma >= 0 and before[0] in DEFINITE)):
        return False
    title_of = len(before) >= 2 and before[-1] == "of" and tokens[start - 2].text in TITLES
    return title_of or not PREPOSITIONS.intersection(before)


def _head_name(tokens: list[_Token], lower_words: frozenset[str]) -> _Name | None:
    """The name a Source gives its speaker: the run of name words that heads it, not one that only
    modifies it ("Calder campaign manager Ines Duarte": Ines Duarte, not Calder)."""
    runs = _runs(tokens, lower_words)
    if not runs:
        return None
    last_word = max(i for i, t in enumerate(tokens) if t.is_word)
    for start, end in runs:  # a name followed by what it is: "Ina Bell, deputy adviser", "Ruth Calder of Maine"
        after = tokens[end] if end < len(tokens) else None
        if after is None or not (after.text in (",", "—", "–") or after.text.lower() in _POST_MODIFIERS):
            continue
        if _stands_free(tokens, start):
            name = _name_of_run([t.bare for t in tokens[start:end]])
            if name:
                return name
    for start, end in runs:  # the name the Source ends with
        if end - 1 == last_word and _stands_free(tokens, start):
            name = _name_of_run([t.bare for t in tokens[start:end]])
            if name:
                return name
    return None


def _head_phrase(tokens: list[_Token]) -> list[_Token]:
    """A description's own words, before a comma, a relative clause or a prepositional phrase."""
    for i, t in enumerate(tokens):
        if i and (not t.is_word or t.text.lower() in PREPOSITIONS | {"who", "that", "which", "whose"}):
            return tokens[:i]
    return tokens


def _has_name_modifier(tokens: list[_Token], lower_words: frozenset[str]) -> bool:
    """A description built on someone's name ("the Calder campaign"), not on a place or party."""
    for start, end in _runs(_head_phrase(tokens), lower_words):
        words = [t.bare for t in tokens[start:end]]
        if " ".join(words) in PLACES or all(w in PLACES or w in AFFILIATIONS or w in TITLES for w in words):
            continue
        return True
    return False


def _is_person(name: _Name, article: str) -> bool:
    """Whether a name is a person's: titled, or two or more words of no organisation and no
    place, or one word the article also gives after a first name or a title ("Ruth Calder",
    "Sen. Calder" make "Calder" a person)."""
    words = name.text.split()
    if name.titled:
        return True
    if any(w in ORGANISATION_WORDS for w in words) or name.text in PLACES or all(w.isupper() for w in words):
        return False
    if len(words) >= 2:
        return not all(w in PLACES for w in words)
    word = re.escape(words[0])
    before = re.finditer(rf"(?:\b([A-Z][a-z]+\.?)|\b(?:[A-Z]\.))\s+{word}\b", article)
    not_first_names = NOT_NAME | ORGANISATION_WORDS | PLACES
    return any(m.group(1) is None or m.group(1) not in not_first_names for m in before)


@dataclass(frozen=True)
class Mention:
    """One Source, read: what it says of its speaker.

    ``kind``: "name" (it names them), "pronoun", "relative" (who, which), "definite" (a definite
    description that stands for someone named before), "own" (a description that is its own
    speaker: indefinite, plural, relational like "his wife", or built on another's name).
    """

    start: int
    text: str
    kind: str
    name: str | None = None
    person: bool = False  # for a name: it is a person's; for a pronoun or description: it needs one
    organisation: bool = False  # for "it" or a description of a body: it needs an antecedent that is no person


def read_source(text: str, start: int, article: str, lower_words: frozenset[str]) -> Mention:
    """Classify the Source ``text`` found at ``start`` of ``article``."""
    text = " ".join(text.split())
    if not _starts_sentence(article, start):
        lower_words = frozenset()  # its first word is capitalised for a reason
    tokens = _tokens(text)
    words = [t for t in tokens if t.is_word]
    if not words:
        return Mention(start, text, "own")
    first = words[0].text.lower()
    if len(words) == 1 and first in PRONOUNS_PERSON | PRONOUNS_ANY:
        person, thing = first in PRONOUNS_PERSON, first in PRONOUNS_THING
        return Mention(start, text, "pronoun", person=person, organisation=thing)
    if len(words) == 1 and first in RELATIVES:
        return Mention(start, text, "relative", person=RELATIVES[first])
    name = _head_name(tokens, lower_words)
    if name is not None:
        return Mention(start, text, "name", name=name.text, person=_is_person(name, article))
    head = head_noun(text)
    if first in DETERMINERS and not _is_plural(head) and not _has_name_modifier(tokens, lower_words):
        return Mention(start, text, "definite", organisation=head in ORGANISATION_HEADS)
    return Mention(start, text, "own")


def _is_plural(noun: str) -> bool:
    """Whether a description's head names many ("the protesters", "the crowd")."""
    return noun in COLLECTIVE or (len(noun) > 3 and noun.endswith("s") and not noun.endswith(("ss", "us", "is")))


def _name_just_before(article: str, at: int, lower_words: frozenset[str]) -> _Name | None:
    """The name a relative pronoun follows: "..., said Ina Bell, who ..." is Ina Bell."""
    before = article[max(0, at - 120) : at].rstrip()
    before = before[:-1].rstrip() if before.endswith(",") else before
    tokens = _tokens(before)
    runs = _runs(tokens, lower_words)
    if runs and runs[-1][1] == len(tokens):
        start, end = runs[-1]
        return _name_of_run([t.bare for t in tokens[start:end]])
    return None


def head_noun(description: str) -> str:
    """The noun a description is about: its last word before any comma or post-modifier."""
    words = [t.bare.lower() for t in _head_phrase(_tokens(description)) if t.is_word]
    return words[-1] if words else ""


def _short(text: str) -> str:
    text = normalise(text).strip(" ,;:")
    if len(text) <= MAX_SPEAKER_CHARS:
        return text
    cut = text[: MAX_SPEAKER_CHARS + 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:")


@dataclass(frozen=True)
class Speaker:
    """Who said a quote: a name, or (``named`` False) the description that is all there is."""

    text: str
    named: bool
    person: bool = False  # the name is a person's
    alias: str | None = None  # the definite description that stood for the name here, if it names it


def resolve_speakers(mentions: Sequence[Mention], article: str, lower_words: frozenset[str]) -> dict[int, Speaker]:
    """Each Source's speaker, keyed by its start: names as named, pronouns and definite
    descriptions by the nearest earlier naming Source (a person's for he, she, I and who; no
    person's for it and for descriptions of bodies)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    naming: list[Mention] = []
    out: dict[int, Speaker] = {}
    for m in ordered:
        antecedent: Mention | None = None
        if m.kind == "name":
            out[m.start] = Speaker(m.name or m.text, True, m.person)
            naming.append(m)
            continue
        if m.kind == "relative":
            name = _name_just_before(article, m.start, lower_words)
            if name is not None:
                out[m.start] = Speaker(name.text, True, _is_person(name, article))
                continue
        if m.kind in ("pronoun", "relative", "definite"):
            antecedent = next(
                (n for n in reversed(naming) if (n.person or not m.person) and not (n.person and m.organisation)),
                None,
            )
        if antecedent is not None:
            alias = _short(m.text) if m.kind == "definite" and head_noun(m.text) not in NOT_ALIAS_HEADS else None
            out[m.start] = Speaker(antecedent.name or antecedent.text, True, antecedent.person, alias)
        else:
            out[m.start] = Speaker(_short(m.text), False)
    return out


# --------------------------------------------------------------------------------------------
# An article's gold
# --------------------------------------------------------------------------------------------


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
    writes ("Tide Gazette" ... "editor") is read piece by piece, the last naming piece winning."""
    whole = read_source(" ".join(article[s:e] for s, e in fragments), fragments[0][0], article, lower_words)
    if whole.kind != "name" or contains(article, whole.name or ""):
        return whole
    for s, e in reversed(fragments):
        piece = read_source(article[s:e], fragments[0][0], article, lower_words)
        if piece.kind == "name" and contains(article, piece.name or ""):
            return piece
    return Mention(whole.start, _short(whole.text), "own")


def _lower_words(article: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\b[a-z][\w'’-]*", article))


def _kind(name: str, person: bool) -> ActorKind:
    if person:
        return ActorKind.PERSON
    words = name.split()
    if any(w in ORGANISATION_WORDS for w in words) or all(w.isupper() for w in words):
        return ActorKind.ORGANISATION
    return ActorKind.OTHER


def _actors(quotes: list[tuple[GoldQuote, Speaker]]) -> tuple[list[GoldActor], dict[str, str]]:
    """One actor per named speaker; a one-word name that ends exactly one longer person's name is
    that person ("Calder" and "Ruth Calder"), and it and the definite descriptions that stood
    for the speaker are aliases. Returns the actors and each speaker name's canonical name."""
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
        if len(longer) == 1:
            canonical[name] = longer[0]
    actors: list[GoldActor] = []
    for name in dict.fromkeys(canonical.values()):
        short = [n for n, c in canonical.items() if c == name and n != name]
        descriptions = [d for n, c in canonical.items() if c == name for d in described.get(n, [])]
        others = (a for a in (*short, *descriptions) if normalise(a).casefold() != name.casefold())
        aliases = tuple(dict.fromkeys(others))[:MAX_ALIASES]
        person = any(names[n] for n, c in canonical.items() if c == name)
        actors.append(GoldActor(name, _kind(name, person), aliases))
    return actors, canonical


def article_gold(article: str, attributions: Sequence[Attribution]) -> ArticleGold:
    """The gold quotes and speakers an article's attributions give (see the module docstring)."""
    gold = ArticleGold(attributions=len(attributions))
    passages = quoted_passages(article)
    lower_words = _lower_words(article)
    claims: dict[tuple[int, int], tuple[int, int]] = {}  # span -> (claiming fragment's length, attribution)
    for index, attribution in enumerate(attributions):
        spans = [
            span
            for fragment in attribution.content
            for passage in passages
            if (span := _claim(article, fragment, passage)) is not None
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
    pairs: list[tuple[GoldQuote, Speaker]] = []
    for (start, end), index in kept:
        source_start = attributions[index].source[0][0]
        speaker = speakers[source_start]
        found = "description" if not speaker.named else "named" if kinds[source_start] == "name" else "resolved"
        pairs.append((GoldQuote(start, end, article[start:end], speaker.text, found), speaker))
    gold.actors, canonical = _actors(pairs)
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
