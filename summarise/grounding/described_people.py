"""People named in shapes that carry no title the gazetteer knows: an office written as "X of Y"
("Chief of Staff Ada Brun", "Secretary of State Lev Ostrov"), a name with a description set beside
it ("Ada Brun, president of a think tank,", "Lev Ostrov — a teacher —"), a name that heads a
digest item before its quote ("Ada Brun: “...”"), and a full name that opens a sentence as the
subject of a verb that is no speech verb ("Ada Brun has expressed doubts", "Lev Ostrov joked").

A speaker the actor finder never lists can take no "he said" and is given to someone else. These
shapes are told from a body's name by the known first name they open on, so they stay apart from
the general finder in actors.py, which reads any capitalised run.
"""

from __future__ import annotations

import re

from summarise.grounding.gazetteer import OUTLET_WORDS, PERSON_NOUNS, ROLE_NOUNS
from summarise.grounding.name_shapes import NAME, TOKEN, drop_title, is_person_name, lowercase_elsewhere, without_sentence_words
from summarise.grounding.names import is_first_name

#: An office written with "of", which no single title word covers: "Chief of Staff", "Deputy
#: Secretary of State", "Director of National Intelligence", "former mayor of Salem". The words
#: after "of" name the office or its place, not a body, and the person follows them.
_PLACED_OFFICES = r"(?i:mayor|governor|premier|prime minister|president|ambassador|chancellor)"
OFFICE_OF = re.compile(
    rf"\b(?:Chief|Secretary|Director|Minister|Chair(?:man|woman)?|Head|Commissioner|{_PLACED_OFFICES})\s+of\s+(?:the\s+)?"
)
_OF_A_PLACE = re.compile(rf"(?P<office>{_PLACED_OFFICES}\s+of\s+)(?P<place>.+)")
_OFFICE_THEN_NAME = re.compile(rf"{OFFICE_OF.pattern}(?P<name>{TOKEN}(?:\s+(?:{TOKEN}|[A-Z]\.)){{1,4}})(?![\w'’-])")
#: A name with what someone is set beside it, between commas or dashes: a description opens on an
#: article, a lower-case word, an age or another's possessive ("Ada Brun, 41, a nurse,", "Ada Brun,
#: president of the Fenwick Institute,", "Ada Brun, Lev Ostrov's longtime adviser,").
_NAME_THEN_DESCRIPTION = re.compile(
    rf"(?P<name>{NAME})(?:,|\s+[—–])\s+(?:\d{{1,3}},\s+)?"
    rf"(?P<desc>(?:a|an|the|[a-z][\w'’-]*|{TOKEN}['’]s)\s[^,;:—–“”\"()]{{0,90}}?)"
    # a cue that closes the sentence with no comma before it: '..., Omar Sadiq, the police chief said on Friday.'
    r"(?=\s*[,;.—–]|\s+who\b|\s+(?:said|says|told|added|adds|wrote|stated)(?:\s+[\w']+){0,3}\s*[.!?]?\s*$)"
)
#: Words that open a clause or an aside after a name, not a description of who someone is.
_NOT_DESCRIPTION = frozenset(
    "who which and but or however too though although meanwhile said says told added wrote is was has had will would "
    "at of in from with for on".split()
)
_PERSON_WORD = re.compile(rf"\b(?:{ROLE_NOUNS}|{PERSON_NOUNS})s?\b")
#: A name heading a digest item or a headline, with its words after a colon: "Ada Brun: “...”".
#: The quote itself may have been blanked out before the sentence is read, leaving only spaces.
_HEADING_NAME = re.compile(rf"(?:^|\n|\s[-–—]\s)\s*(?P<name>{NAME}):\s+(?:[“\"‘']|\s*$)")
#: A full name opening a sentence (after a dateline or a place too), then a verb: an auxiliary, a
#: negated one, a past tense or a present in -s ("Ada Brun has", "Lev Ostrov joked", "DOVER — Ada
#: Brun doesn't", "In Dunmore, Ada Brun is"). The finder's run of capitals skips a
#: sentence's first word, which may be any word; a known first name makes it a person's.
_OPENING_SUBJECT = re.compile(
    rf"^\s*(?:[A-Z][A-Z.]+(?:[ ,]+[A-Z][A-Za-z.]+){{0,3}}\s+[-–—]{{1,2}}\s+|[A-Z][a-z]+\s?\([A-Z]{{2,6}}\)\s*"
    rf"|(?:In|At|On|From|Outside|Inside|Across|Near)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s+)?(?P<name>{TOKEN}(?:\s+(?:{TOKEN}|[A-Z]\.)){{1,2}})\s+"
    r"(?:has|had|is|was|will|would|could|can|did|does|also|still|may|might|must|should|[a-z]{3,}ed|[a-z]{3,}[^s]s"
    r"|(?:does|did|has|had|is|was|would|could|can|wo)n[’']t)\b"
)


def from_first_name(words: str, lead: bool) -> str | None:
    """The name in ``words`` if it opens on a known first name; with ``lead``, words before the
    first name may be a title no list knows ("House Budget Republican Ada Brun" -> "Ada Brun").
    A name runs over no line break (a heading is no part of the sentence after it) and holds no
    word with a lower-case compound ("City-based")."""
    if "\n" in words or re.search(r"-[a-z]", words):
        return None
    tokens = words.split()
    start = next((i for i, t in enumerate(tokens) if is_first_name(t) and len(tokens) - i >= 2), None)
    return " ".join(tokens[start:]) if start is not None and (lead or start == 0) else None


def described_people(text: str, article: str) -> list[tuple[str, str | None]]:
    """Each person ``text`` (a sentence of ``article``) names in one of these shapes, with the
    role it gives them when it gives one."""
    def person(written: str, lead: bool) -> str | None:
        name = from_first_name(written, lead=lead)
        if name and is_person_name(name) and not any(t in OUTLET_WORDS or lowercase_elsewhere(t, article) for t in name.split()):
            return name
        return None

    found: list[tuple[str, str | None]] = []
    for m in _OFFICE_THEN_NAME.finditer(text):
        if name := person(m.group("name"), lead=True):
            # the office runs up to the first name: "chief of staff", "secretary of state"
            office = m.group(0)[: m.group(0).rfind(name.split()[0])].strip()
            place = _OF_A_PLACE.match(office)  # "mayor of Dunmore": the place keeps its capitals
            found.append((name, place.group("office").lower() + place.group("place") if place else office.lower()))
    for m in _NAME_THEN_DESCRIPTION.finditer(text):
        desc = m.group("desc").strip()
        # a description is a role when it names what someone is; a verb or a participle after a
        # name ("Ada Brun, having met the president,") is what they did
        first = desc.split()[0].lower()
        role = desc if _PERSON_WORD.search(desc) and first not in _NOT_DESCRIPTION and not first.endswith(("ing", "ed")) else None
        if name := person(without_sentence_words(drop_title(m.group("name"))), lead=False):
            found.append((name, role))
    for m in _HEADING_NAME.finditer(text):
        if name := person(without_sentence_words(m.group("name")), lead=False):
            found.append((name, None))
    if (m := _OPENING_SUBJECT.match(text)) and (name := person(m.group("name"), lead=False)):
        found.append((name, None))
    return found
