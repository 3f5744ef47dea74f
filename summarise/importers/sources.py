"""From a Source to a speaker: what one Source says of who spoke, and whom it stands for.

The speaker is the Source reduced to the name it gives (``summarise.importers.names``; "Calder
herself" is Calder too). A lone capitalised word that reads as a common word or a place
("Israel") is a surname when the article gives it a first name ("Ezra Israel"). A Source that is
a pronoun or a definite description ("he", "the influential harbour weekly") stands for the
nearest earlier Source in the article that names someone (a person for he, she, I and who; no
person for it, or for a description of a body such as "the board"). A he or she that no Source
before it explains stands for the first person the text names in the nearest sentence before it
that names one ("when I asked Ruth Calder ..., she laughed"); with none, no one is named. An
indefinite description ("a spokesman", "officials", "several") introduces someone new, and so
does a description built on a name that is not the speaker's own ("the Calder campaign",
"Calder's spokeswoman") or a relational one ("his wife"): the campaign speaks, not the
candidate. A speaker the text does not name is written as a null speaker with the description as
its role, as the project's real-text gold writes an unnamed source. A Content that holds its
quote's own cue ("“...,” Osei said, according to the Tide Gazette", only the outer attribution
annotated) gives the quote to the name in that cue: the words are Osei's.

The antecedent is a Source wherever there is one, not merely the nearest name in the text: in
running text that name is as often the object of a sentence as the one who speaks (on PolNeAR's
train split, in 30 quotes where the two disagree, the nearest naming Source was right 21 times,
the nearest name once; the first person named in the nearest sentence, when named after the
Source, was right 12 times in 30 to the Source's 13); where no Source explains a he or she, the
text's name was right in 14 of the 21 quotes it gave a speaker to, which all had none before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarise.importers.names import (
    ABBREVIATED,
    Name,
    Token,
    first_names,
    has_name_modifier,
    head_name,
    head_noun,
    is_person,
    name_of_run,
    name_runs,
    outlet_name,
    tokenise,
)
from summarise.importers.quoted import quoted_passages
from summarise.importers.words import (
    AFFILIATIONS,
    CALENDAR,
    COLLECTIVE,
    CUE_VERBS,
    DETERMINERS,
    NOT_ALIAS_HEADS,
    NOT_NAME,
    ORGANISATION_HEADS,
    ORGANISATION_WORDS,
    PLACES,
    PREPOSITIONS,
    PRONOUNS_ANY,
    PRONOUNS_PERSON,
    PRONOUNS_THING,
    REFLEXIVES,
    RELATIVES,
    TITLES,
)
from summarise.schemas import QuoteDraft, field_cap
from summarise.text import normalise

#: Where a sentence may end, and how many sentences a pronoun looks back for a name.
_SENTENCE_END = re.compile(r"(\S*)[.!?]+(?=\s)|\n")
_SENTENCES_BACK = 4
#: Prepositions that make the name after them a place or an object, not who speaks next; "of"
#: and "by" are not among them ("the words of Ruth Calder", "a speech by Calder").
_PLACING = PREPOSITIONS - {"of", "by"}
#: Words that make a run of capitalised words no person's name.
_NOT_PERSON = NOT_NAME | PLACES | ORGANISATION_WORDS | CALENDAR | TITLES | AFFILIATIONS

#: Longest speaker a briefing holds; a longer description is cut at a word.
MAX_SPEAKER_CHARS = field_cap(QuoteDraft, "speaker")


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
    tokens = tokenise(text)
    words = [t for t in tokens if t.is_word]
    if len(words) > 1 and words[-1].text.lower() in REFLEXIVES:  # "Calder herself" is Calder
        tokens = tokens[: tokens.index(words[-1])]
        words = words[:-1]
    if not words:
        return Mention(start, text, "own")
    first = words[0].text.lower()
    if len(words) == 1 and first in PRONOUNS_PERSON | PRONOUNS_ANY:
        person, thing = first in PRONOUNS_PERSON, first in PRONOUNS_THING
        return Mention(start, text, "pronoun", person=person, organisation=thing)
    if len(words) == 1 and first in RELATIVES:
        return Mention(start, text, "relative", person=RELATIVES[first])
    name = head_name(tokens, lower_words)
    if name is not None:
        return Mention(start, text, "name", name=name.text, person=is_person(name, article))
    outlet = outlet_name(tokens, lower_words)
    if outlet is not None:
        return Mention(start, text, "name", name=outlet.text, organisation=True)
    head = head_noun(text)
    if first in DETERMINERS and not _is_plural(head) and not has_name_modifier(tokens, lower_words):
        return Mention(start, text, "definite", organisation=head in ORGANISATION_HEADS)
    surname = _surname(words, article)
    if surname is not None:
        return Mention(start, text, "name", name=surname, person=True)
    return Mention(start, text, "own")


#: A name of up to four capitalised words, and the verbs of a cue that stands right at a quote.
_WHO = r"(?P<who>[A-Z][^\s,;:“”\"]*(?:\s+[A-Z][^\s,;:“”\"]*){0,3})"
_VERB = rf"(?:{'|'.join(sorted(CUE_VERBS))})"
#: '“...,” Osei said' and '“...,” said Osei' from the quote's end; 'Osei said: “...' up to its start.
_CUE_AFTER = (re.compile(rf"[\s”\"’,.!?]*{_WHO}\s+{_VERB}\b"), re.compile(rf"[\s”\"’,.!?]*{_VERB}\s+{_WHO}"))
_CUE_BEFORE = re.compile(rf"{_WHO}\s+{_VERB}[,:]?\s*[“\"]?\s*$")


def inner_source(
    article: str, content: Sequence[tuple[int, int]], quote: tuple[int, int], lower_words: frozenset[str]
) -> Mention | None:
    """The name in a cue of the quote's own that its Content holds unannotated: in "“...,” Osei
    said, according to the Tide Gazette" the corpus may mark only the outer attribution, its
    Content holding the whole of "“...,” Osei said". The words are Osei's (LABELLING.md: the
    speaker is whoever the quoted words belong to), so the inner cue's name is the speaker; a
    pronoun or a description there is left to the outer Source."""
    fragment = next(((s, e) for s, e in content if s <= quote[0] and quote[1] <= e), None)
    if fragment is None:
        return None
    after = article[quote[1] : fragment[1]]
    matches = [m for m in (p.match(after) for p in _CUE_AFTER) if m is not None]
    before = _CUE_BEFORE.search(article[fragment[0] : quote[0]])
    found = [(quote[1] + m.start("who"), m.group("who")) for m in matches]
    if before is not None:
        found.append((fragment[0] + before.start("who"), before.group("who")))
    for at, words in found:
        mention = read_source(words, at, article, lower_words)
        if mention.kind == "name" and mention.person:
            return mention
    return None


def _starts_sentence(article: str, at: int) -> bool:
    before = article[:at].rstrip(" \t\u00a0")
    return not before or before[-1] in "\n.!?\"”’:;"


def _surname(words: list[Token], article: str) -> str | None:
    """A lone capitalised word that reads as a common word or a place ("Small", "Cuban") but that
    the article gives a first name ("Marty Small", "Mark Cuban"): the person's surname."""
    if len(words) != 1 or not words[0].bare[:1].isupper() or words[0].bare in NOT_NAME | ORGANISATION_WORDS:
        return None
    return words[0].bare if first_names(words[0].bare, article) else None


def _is_plural(noun: str) -> bool:
    """Whether a description's head names many ("the protesters", "the crowd")."""
    return noun in COLLECTIVE or (len(noun) > 3 and noun.endswith("s") and not noun.endswith(("ss", "us", "is")))


def _name_just_before(article: str, at: int, lower_words: frozenset[str]) -> Name | None:
    """The name a relative pronoun follows: "..., said Ina Bell, who ..." is Ina Bell."""
    before = article[max(0, at - 120) : at].rstrip()
    before = before[:-1].rstrip() if before.endswith(",") else before
    tokens = tokenise(before)
    runs = name_runs(tokens, lower_words)
    if runs and runs[-1][1] == len(tokens):
        start, end = runs[-1]
        return name_of_run([t.bare for t in tokens[start:end]])
    return None


def _ends_at(source: Mention, at: int, article: str) -> bool:
    """Whether a Source ends right before ``at``, a comma at most between."""
    return " ".join(article[source.start : at].split()).rstrip(" ,") == source.text


#: The heads of a definite description that goes on with an unnamed voice ("the source", "the person").
_SOMEONE_UNNAMED = frozenset({"person", "source", "insider", "individual", "operative", "staffer"})


def speaker_text(text: str) -> str:
    """A description as a speaker is written: normalised, and cut at a word to fit a briefing."""
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
    person's for it and for descriptions of bodies), a he or she with none by the text's name."""
    ordered = sorted(mentions, key=lambda m: m.start)
    naming: list[Mention] = []
    out: dict[int, Speaker] = {}
    for i, m in enumerate(ordered):
        antecedent: Mention | None = None
        if m.kind == "definite" and head_noun(m.text) in _SOMEONE_UNNAMED and i and ordered[i - 1].kind == "own":
            # "“...,” said one operative inside the campaign. “...,” the insider said": the voice no name was given
            out[m.start] = out[ordered[i - 1].start]
            continue
        if m.kind == "name":
            out[m.start] = Speaker(m.name or m.text, True, m.person)
            naming.append(m)
            continue
        if m.kind == "relative":
            # "Ina Bell, the director of the Harbour League, who said": the Source right before the
            # pronoun is whom it follows, not the last name that Source's description holds
            adjoining = naming[-1] if naming and _ends_at(naming[-1], m.start, article) else None
            if adjoining is not None:
                out[m.start] = Speaker(adjoining.name or adjoining.text, True, adjoining.person)
                continue
            name = _name_just_before(article, m.start, lower_words)
            if name is not None:
                out[m.start] = Speaker(name.text, True, is_person(name, article))
                continue
        if m.kind in ("pronoun", "relative", "definite"):
            antecedent = next(
                (n for n in reversed(naming) if (n.person or not m.person) and not (n.person and m.organisation)),
                None,
            )
        named = None
        if antecedent is None and m.kind == "pronoun" and m.person and m.text.lower() != "i":
            named = _named_in_text(article, m.start, lower_words, [n.name or "" for n in mentions if n.person])
        if antecedent is not None:
            alias = speaker_text(m.text) if m.kind == "definite" and head_noun(m.text) not in NOT_ALIAS_HEADS else None
            out[m.start] = Speaker(antecedent.name or antecedent.text, True, antecedent.person, alias)
        elif named is not None:
            out[m.start] = Speaker(named, True, True)
        else:
            out[m.start] = Speaker(speaker_text(m.text), False)
    return out


def _sentences(text: str) -> list[str]:
    """``text`` cut into sentences: at a line's end, or at a full stop, question or exclamation
    mark that ends no abbreviation ("Rep.", "U.S.") and stands outside brackets ("(R-Conn.)")."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        word = m.group(1) or ""
        in_brackets = text.count("(", start, m.end()) > text.count(")", start, m.end())
        if m.group() != "\n" and (in_brackets or ABBREVIATED.fullmatch(word.lstrip("(") + ".")):
            continue
        out.append(text[start : m.end()])
        start = m.end()
    out.append(text[start:])
    return [s for s in out if s.strip()]


def _named_in_text(article: str, at: int, lower_words: frozenset[str], speakers: list[str]) -> str | None:
    """The person a he or she with no naming Source before it stands for: the first person the
    text names in the nearest sentence before it that names one, outside quotation marks
    ("Last month, when I asked Ruth Calder ..., she laughed"). A sentence's first person is
    mostly its subject; the nearest person named is as often an object, so only a pronoun that
    no Source can explain is read this way (see the module docstring for what was measured)."""
    text = article[:at]
    for s, e in quoted_passages(article):
        if s < at:
            text = text[:s] + " " * (min(e, at) - s) + text[min(e, at):]
    persons = {name for name in speakers if len(name.split()) > 1}
    found: list[list[str]] = []
    for sentence in _sentences(text)[-_SENTENCES_BACK:]:
        tokens = tokenise(sentence)
        names = []
        for start, end in name_runs(tokens, lower_words):
            if start and tokens[start - 1].text.lower() in _PLACING:  # "in Des Moines", "to Calder"
                continue
            name = name_of_run([t.bare for t in tokens[start:end]])
            words = name.text.split() if name else []
            if name and 1 < len(words) <= 3 and not any(w in _NOT_PERSON or not w[1:].islower() for w in words):
                persons.add(name.text)
            if name:
                names.append(name.text)
        found.append(names)
    for names in reversed(found):
        for name in names:
            full = [p for p in persons if p == name or p.split()[-1] == name or p.split()[0] == name]
            if len(full) > 1:
                return None  # its first person could be either of two: no guess
            if full:
                return full[0]
    return None
