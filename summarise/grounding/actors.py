"""Actor candidates: the states, organisations, military bodies and people an article names.

Found sentence by sentence in the story's prose only (headings, captions and the page's
trailer of other stories name people who are not in this story). Each candidate keeps every
place it is mentioned, under its own name or an alias, so the briefing can point at them.
Outlets the story only cites, photo credits, bylines and people seen only in a caption tell
where the story came from, not who is in it, and are left out (LABELLING.md).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from summarise.grounding.actor_sources import BYLINE, CREDIT, QUOTED, SPEECH, caption_lines, only_a_source
from summarise.grounding.align import find_all
from summarise.grounding.described_people import OFFICE_OF, described_people, from_first_name
from summarise.grounding.gazetteer import (
    CALENDAR_NAMES,
    GENERIC_BODY,
    KIN_FEMALE,
    KIN_MALE,
    KNOWN_ORGANISATIONS,
    MILITARY_WORDS,
    NOT_NAME_WORDS,
    OFFICE_ABBREVIATIONS,
    ORGANISATION_WORDS,
    OUTLET_WORDS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    STATES,
    TITLE,
    state_of,
    state_pattern,
    us_place_in,
)
from summarise.grounding.mention_standing import ARMS, agentive, only_a_place, within
from summarise.grounding.name_shapes import (
    LOW,
    NAME,
    NOT_NAMES,
    STARTERS,
    TOKEN,
    UP,
    drop_title,
    is_person_name,
    is_surname,
    lowercase_elsewhere,
    name_tail,
    person_of_body,
    reads_as_a_name,
    without_sentence_words,
)
from summarise.grounding.names import COURTESY, Gender, courtesy_gender, is_first_name, lean_of_first_name
from summarise.grounding.sentences import Sentence, body_end, split_sentences
from summarise.schemas import ActorKind, Span

_CAP = r"(?:[A-Z][\w'’.&-]*[\w.]|[A-Z])"
_CONNECTOR = r"(?:of|for|and|on|de|the)"
_PHRASE = re.compile(rf"{_CAP}(?:\s+(?:{_CONNECTOR}\s+)*{_CAP})*(?:\s+\([A-Z]{{2,8}}\))?")
_POSSESSIVE = re.compile(r"['’]s$")
#: Possessives that are part of a body's name, not an owner before it: "the People's Liberation Army".
_NAME_POSSESSIVES = frozenset({"People", "Workers", "Women", "Children", "Veterans"})
_PERSON_BY_TITLE = re.compile(
    rf"(?P<owner>(?:{state_pattern().pattern})(?:['’]s)?\s+)?"
    rf"(?P<title>(?:(?:{TITLE}|{state_pattern().pattern})\s+)*{TITLE})\s+(?P<name>{NAME})"
)
#: "Its spokeswoman, Lt. Gen. Chea Sokha, said", "A farmer who lives nearby, Jan Kowal, said",
#: "named the deputy minister for ports, Jan Kowal, to stand in", "the head of the Peace Institute (PI), Jan Kowal,".
_ROLE_FIRST = re.compile(
    rf"(?:^\s*|[.;:]\s+|,\s+|\band\s+)(?:(?:a|an|the|its|their|his|her)\s+)?(?P<role>(?:[\w'’-]+\s+){{0,4}}?(?:{ROLE_NOUNS})"
    rf"(?P<of>\s+(?:of|for)\s+(?:the\s+)?(?:[\w'’.&-]+\s+){{0,6}}?[\w'’.&-]+(?:\s+\([A-Z]{{2,8}}\))?)?"
    rf"(?:\s+who\s+[^,]{{1,60}})?),\s+(?:{TITLE}\s+)*(?P<name>{NAME}),",
    re.IGNORECASE,
)
#: Words for what only a person can be, beside the roles: "Berhanu Tessema, an economist," is a person
#: whatever the list of first names knows ("an investor" or "a rival" may be a firm or a party).
_HUMAN_NOUNS = (
    r"economist|historian|pollster|strategist|consultant|columnist|commentator|voter|protester|delegate|"
    r"candidate|nominee|lobbyist|businessman|businesswoman|entrepreneur|writer|novelist|blogger|comedian|singer|"
    r"rapper|musician|actor|actress|sociologist|political scientist|demographer|philosopher|poet|artist|"
    r"athlete|coach|preacher|farmer|banker"
)
_APPOSITIVE = re.compile(
    rf"(?P<name>{NAME}),\s+(?:\d{{1,3}},\s+)?(?:a|an|the)\s+(?P<role>(?:[\w'’-]+\s+){{0,5}}?(?:(?:{ROLE_NOUNS})s?|{_HUMAN_NOUNS})"
    r"(?:\s+(?:of|for|on|in)\s+(?:[\w'’-]+\s*){1,4}?)?)"
    r"(?:\s+(?:at|of|with|for|from|in)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?(?P<aff>[A-Z][^,;()]{2,90}?))?(?:\s+\([A-Z]{2,8}\))?"
    r"(?=\s*[,.;]|\s+who\b)"
)
#: "Jan Kowal, North Korea watcher at Hanseo University, Seoul, said": a description with no article.
_DESCRIBED = re.compile(
    rf"(?P<name>{NAME}),\s+(?P<desc>[^,;:“”\"()]{{3,90}}?),\s+(?:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?,\s+)?"
    r"(?:said|says|told|added|wrote|argued|warned|noted)\b"
)
_DESCRIBED_AFF = re.compile(r"\b(?:at|of|from|with)\s+(?:the\s+)?(?P<aff>[A-Z][\w'’.-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w'’.-]*))*)")
#: A place after a body's name is where it sits, not part of it: "Baltic Policy Institute in Riga".
_AFF_PLACE = re.compile(r"\s+in\s+[A-Z].*$")
#: A full name tied to the body it speaks from, then the speech verb: "Ana Lund of Harbour Church in Marion said".
_OF_A_BODY_SPEAKING = re.compile(
    rf"(?P<name>{NAME})\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:of\s+)?[A-Z][\w'’.&-]*){{0,5}}"
    r"(?:,?\s+in\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,?\s+(?:said|says|told|tells|added|adds|wrote|writes)\b"
)
_PERSON_BY_SPEECH = re.compile(rf"(?P<name>{NAME})\s+{SPEECH}\b|\b{SPEECH}\s+(?P<name2>{NAME})")
_INSTITUTIONAL = re.compile(
    rf"(?P<owner>{state_pattern().pattern})(?:['’]s)?\s+(?P<body>(?:(?:defen[cs]e|foreign|unification|interior|"
    r"finance|trade|state|health|information|oil|energy|economy|justice|education|emergencies|intelligence|security)\s+ministry)|"
    r"military|army|navy|air force|coast guard|border guard|armed forces|government|embassy|consulate)\b"
)
#: A body brought in by what it is, its name right after ("the consultancy Brightwater Partners")
#: or after "called" ("a group called Save the Quay", "a charity known as Hands for Harbours"), or
#: before what it is ("Save the Quay, a local campaign group, said").
_BODY_KINDS = (
    r"(?:firm|company|group|agency|charity|campaign|coalition|organi[sz]ation|network|foundation|trust|association"
    r"|society|federation|league)"
)
#: Words that count people before an appositive, so what follows describes them, not a body.
_HOW_MANY = frozenset(["Thousands", "Hundreds", "Dozens", "Millions", "Scores"])
_BODY_NAME = rf"{NAME}(?:(?:\s+(?:of|for|the|and)){{1,2}}\s+{NAME})*"
_BY_KIND_NOUN = re.compile(
    rf"\b(?:(?:firm|company|group|agency|consultancy|think tank|operator|insurer|maker|manufacturer|contractor)\s+(?P<name>{NAME})|"
    rf"{_BODY_KINDS}\s+(?:called|named|known\s+as)\s+(?P<called>{_BODY_NAME}))"
    rf"|(?P<described>{_BODY_NAME}),\s+(?:a|an|the)\s+(?:(?!(?:of|for|and)\b)[a-z][\w'’-]*\s+){{0,3}}?{_BODY_KINDS}"
    r"(?=\s*[,.;:]|\s+(?:that|which|based|in|from|with|representing|campaigning)\b)"
)
#: "Yemen's Houthi movement": a capitalised name and a word that makes it a body.
_TIED_TO = re.compile(r"-(?:linked|backed|allied|affiliated|aligned|inspired|led|based|funded|supported)\b|\b(?:al|el)\s+[A-Z]", re.IGNORECASE)
_NAMED_GROUP = re.compile(rf"(?P<name>(?:{TOKEN}\s+){{0,2}}{TOKEN}\s+(?:movement|militia|rebels|insurgents|group))\b")
_TITLE_WORD = re.compile(rf"\b{TITLE}\s+[A-Z]")  # a cheap test before the costly title pattern
_WHO_CLAUSE = re.compile(rf"(?P<name>{NAME}),\s+(?:\d{{1,3}},\s+)?who\b")
#: A run of capitalised words inside a sentence; the space before it may be a no-break space, as
#: pages pasted from the web write it ("writes\xa0Ada Brun").
#: Prepositions of place: a run of capitals after one is a place unless it opens on a first name.
_WHERE_WORDS = frozenset({"at", "in", "near", "into", "outside", "across", "off", "toward", "towards"})
_NAME_RUN = re.compile(rf"(?<=[a-z,;:][ \xa0])(?P<name>{TOKEN}(?:\s+{TOKEN}){{1,3}})(?![\w'’-])(?!\s+(?:of|for)\s+[A-Z])")
#: A name after what someone does, written in lower case with no title: "radio moderator Ada Brun
#: asked", "author and activist Lev Ostrov took the stage", "the pollsters Ada Brun and Lev Ostrov",
#: "Chilean-born Ada Brun". A word that is no title still says a person follows.
_ROLE_THEN_NAME = re.compile(
    rf"\b(?:(?:{ROLE_NOUNS}|{PERSON_NOUNS}|host|activist|firebrand|commentator|pundit)s?|[A-Za-z]+-born)"
    rf"\s+(?P<name>{TOKEN}(?:\s+{TOKEN}){{1,2}})(?![\w'’-])"
    rf"(?:\s+and\s+(?P<name2>{TOKEN}(?:\s+{TOKEN}){{1,2}})(?![\w'’-]))?"
)
#: Two people after one title made plural: "Sens. Ada Brun of Utah and Lev Ostrov of Iowa".
_PLURAL_TITLE = re.compile(
    rf"\b(?:Sens|Reps|Govs|Drs|Profs)\.\s+(?P<name>{NAME})(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:,|\s+and)\s+(?P<name2>{NAME})"
)
#: What every name opening on initials holds: a cheap test before the long search below.
_AN_INITIAL = re.compile(r"\b[A-Z]\.")
#: A name that opens on initials, after a title or a role: "Chairman J.R. Ostrov", "pastor A. J. Brun".
_INITIALS_NAMED = re.compile(rf"(?:\b{TITLE}|\b(?:{ROLE_NOUNS}|{PERSON_NOUNS}))\s+(?P<name>(?:[A-Z]\.\s?){{1,3}}{TOKEN})(?![\w'’-])")
#: Someone named beside who they are to another, often by a first name only: "her husband, Milo,".
_KIN_NAMED = re.compile(
    rf"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:{KIN_FEMALE}|{KIN_MALE}|partner|fianc[ée]e?)"
    rf",\s+(?P<name>{TOKEN}(?:\s+{TOKEN}){{0,2}}),"
)
#: A name with its party and state in brackets, the way lawmakers are written: "Oskar Velland (R-Nev.)".
_PARTY_TAGGED = re.compile(rf"(?P<name>{NAME})\s+\((?:[RDI]|Ind|Dem|Rep)-[A-Z][^()]{{0,14}}\)")
#: A name after another name's possessive, a paper's or a network's: "the Gazette's Mirela Dunst wrote".
_AFTER_POSSESSIVE = re.compile(rf"[A-Z][\w.&-]*['’]s\s+(?P<name>{TOKEN}(?:\s+{TOKEN}){{1,2}})(?![\w'’-])")
_AFTER_OFFICE = re.compile(rf"{OFFICE_OF.pattern}$")
_TITLE_BEFORE = re.compile(rf"\b(?:the\s+)?((?:[A-Z][a-z]+\s+)*{TITLE})\s+$")
_NEXT_TOKEN = re.compile(rf"\s+{TOKEN}")
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
#: After a name, the words that make it a place: "Japan's exclusive economic zone", "Guam's waters".
_PLACE_OF = re.compile(
    r"['’]s?\s+(?:(?:exclusive\s+economic|special\s+economic|air\s+defen[cs]e\s+identification)\s+zone|EEZ|ADIZ|"
    r"(?:territorial\s+|coastal\s+)?waters|airspace|coast(?:line)?|shores?|soil|mainland|territory)\b"
)
#: Capitalised phrases ending in these name documents, not bodies ("Convention on the Law of the Sea").
DOCUMENT_WORDS = frozenset(["Convention", "Treaty", "Agreement", "Pact", "Act", "Resolution", "Resolutions", "Charter", "Declaration", "Accord", "Accords", "Protocol"])
#: Words after a capitalised run that show it is a person doing something, not a thing's name.
_AFTER_PERSON = re.compile(
    rf"^(?:$|[,.;:!?)'’]|\s+(?:{SPEECH}|is|was|has|had|have|will|would|could|can|did|does|also|who|from|to|in|on|at|of|with|"
    r"for|and|but|after|before|during|into|as|by|\w+ed)\b)"
)


@dataclass
class ActorCandidate:
    """A name the article gives, with a guess at what it names."""

    name: str
    kind: ActorKind
    role: str | None = None
    affiliation: str | None = None
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.mentions[0].start if self.mentions else 1 << 30

    def mentions_between(self, start: int, end: int) -> list[Span]:
        """The mentions that start in ``[start, end)``. Mentions are kept in article order, so
        this is a bisect: finders that ask it once a sentence stay linear in the article's length."""
        lo = bisect.bisect_left(self.mentions, start, key=lambda m: m.start)
        hi = bisect.bisect_left(self.mentions, end, lo, key=lambda m: m.start)
        return self.mentions[lo:hi]


def _prose(article: str) -> list[Sentence]:
    return [s for s in split_sentences(article) if s.is_prose and not s.furniture]


def _role_owner(owner: str | None) -> str | None:
    if not owner:
        return None
    state = state_of(re.sub(r"['’]s$", "", owner.strip()))
    return state.name if state else None


class _Collector:
    """Candidates by name; the first finding fixes the kind, later ones may add role and affiliation."""

    def __init__(self) -> None:
        self.by_name: dict[str, ActorCandidate] = {}
        #: offices that speak for a state the sentence does not name ("The Interior Ministry said")
        self.stateless_offices: list[str] = []

    def add(self, name: str, kind: ActorKind, role: str | None = None, affiliation: str | None = None) -> None:
        name = name.strip()
        if not name:
            return
        found = self.by_name.get(name)
        if found is None:
            self.by_name[name] = ActorCandidate(name=name, kind=kind, role=role, affiliation=affiliation)
            return
        found.role = found.role or role
        found.affiliation = found.affiliation or affiliation

    def alias(self, name: str, alias: str) -> None:
        found = self.by_name.get(name)
        if found is not None and alias not in found.aliases:
            found.aliases.append(alias)


#: Arms named by their state's adjective that attack: "Russian drones and missiles struck", not "expelled French troops".
_ATTACKING = re.compile(
    rf"\s+(?:and\s+[A-Z]\w+\s+)?{ARMS}\b(?=(?:\s+and\s+[a-z]+)?\s+(?:have\s+|had\s+|also\s+)?(?:struck|hit|attacked|fired|"
    r"shelled|killed|bombed|pounded|targeted|launched|downed|shot|crossed|entered|invaded|seized|captured|destroyed|damaged|"
    r"wounded|opened fire)\b)"
)


#: A state's short name that ends a body's name after capitalised words: "Priorities USA", "Bank of America".
_BRANDED_STATE = re.compile(r"(?:USA|U\.S\.A\.|America)$")
_REGION_BEFORE = re.compile(r"\b(?:Latin|Central|South|North)\s+$")
_BRAND_BEFORE = re.compile(r"\b(?!(?:The|In|At|On|For|From|To|Of|And|By|With|North|South|Central|Latin)\b)[A-Z][\w&'’-]*\s+(?:(?:of|for|For)\s+)?$")


def _states(text: str, collector: _Collector) -> None:
    for m in state_pattern().finditer(text):
        if _BRANDED_STATE.match(m.group(0)) and (
            _BRAND_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _REGION_BEFORE.search(text, max(0, m.start() - 12), m.start())
        ):
            continue  # "Priorities USA", "Concerned Veterans for America": a body's name; "Latin America": a region
        state = state_of(m.group(0))
        if state and m.group(0) not in state.demonyms:
            collector.add(state.name, ActorKind.STATE)
        elif state and (arms := _ATTACKING.match(text, m.end())):
            collector.add(state.name, ActorKind.STATE)
            collector.alias(state.name, m.group(0) + arms.group(0))


def _strip_owner(phrase: str) -> tuple[str, str | None]:
    """"South Korean Joint Chiefs of Staff" -> ("Joint Chiefs of Staff", "South Korea")."""
    for state in STATES:
        for demonym in state.demonyms:
            if phrase.startswith(demonym + " ") and len(phrase.split()) - len(demonym.split()) >= 2:
                return phrase[len(demonym) + 1 :], state.name
    return phrase, None


def _org_core(group: list[str]) -> list[str]:
    """The name inside a capitalised run: no leading sentence words or people, no trailing stop."""
    tokens = [t.rstrip(".") if t.count(".") == 1 and t.endswith(".") and len(t) > 3 else t for t in group]
    while tokens and (tokens[0] in {"the", "of", "for", "and", "on", "de"} or tokens[0] in STARTERS):
        tokens.pop(0)
    while tokens and tokens[-1] in {"of", "for", "and", "on", "de", "the"}:
        tokens.pop()
    # "Detective Chief Inspector Mikko Laaksonen of the National Bureau": the person is not the bureau
    while "of" in tokens or "for" in tokens:
        cut = min(tokens.index(w) for w in ("of", "for") if w in tokens)
        if not re.search(rf"\b{TITLE}\b", " ".join(tokens[:cut])):
            break
        tokens = tokens[cut + 1 :]
        while tokens and tokens[0] in {"the", "The"}:
            tokens.pop(0)
    # "Harbour Trust Chairman Ines Duarte": a title ends the body's name, and
    # the person after it is no part of the body
    for i in range(1, len(tokens) - 1):
        if re.fullmatch(TITLE, tokens[i]) and is_person_name(drop_title(" ".join(tokens[i + 1 :]))):
            tokens = tokens[:i]
            break
    # "White House Chief of Staff Ines Duarte": an office written with "of" ends the body's name
    for i in range(1, len(tokens) - 2):
        if tokens[i + 1] == "of" and OFFICE_OF.match(" ".join(tokens[i:])) and any(is_first_name(t) for t in tokens[i + 2 :]):
            tokens = tokens[:i]
            break
    if tokens and tokens[-1] in DOCUMENT_WORDS:
        return []
    return tokens


def _org_kind(words: set[str], bare: str) -> ActorKind | None:
    # the head word decides: "City Military Administration" is an administration, "Revolutionary Guard Corps" a corps
    tokens = bare.split()
    head = (tokens[: min(tokens.index(w) for w in ("of", "for") if w in tokens)] if {"of", "for"} & set(tokens) else tokens)[-1:]
    if len(words) > 1 and head and (head[0] in ORGANISATION_WORDS or head[0] in OUTLET_WORDS) and head[0] not in MILITARY_WORDS and not state_of(bare):
        return ActorKind.ORGANISATION
    if bare in {"Joint Chiefs of Staff", "Pentagon"} or (words & MILITARY_WORDS and len(words) > 1):
        return ActorKind.MILITARY_BODY
    if words & ORGANISATION_WORDS and len(words) > 1 and not state_of(bare):
        return ActorKind.ORGANISATION
    return None


def _organisations(sentence: Sentence, collector: _Collector) -> None:
    text = sentence.text
    for m in _PHRASE.finditer(text):
        acronym = re.search(r"\(([A-Z]{2,8})\)$", m.group(0))
        tokens = re.sub(r"\s+\([A-Z]{2,8}\)$", "", m.group(0)).split()
        # a possessive ends one name and starts another ("South Korea's Joint Chiefs of Staff");
        # a weekday or month is never part of a name ("the European Union on Tuesday")
        groups: list[list[str]] = [[]]
        for t in tokens:
            if t.rstrip(".") in CALENDAR_NAMES:  # "on Monday." ends the sentence as well as the name
                groups.append([])
                continue
            groups[-1].append(t)
            if _POSSESSIVE.search(t) and t.rstrip("'’s") not in _NAME_POSSESSIVES:
                groups.append([])
        owner: str | None = None
        owner_text = ""
        for index, group in enumerate(groups):
            group = _org_core(group)
            if not group:
                continue
            phrase = " ".join(group)
            possessive = bool(_POSSESSIVE.search(phrase))
            bare, demonym_owner = _strip_owner(_POSSESSIVE.sub("", phrase))
            kind = _org_kind({w.strip(".,") for w in bare.split()}, bare)
            last = index == len(groups) - 1
            if kind is None and acronym and last and len(group) >= 2 and not state_of(bare):
                kind = ActorKind.ORGANISATION
            state = owner or demonym_owner
            if GENERIC_BODY.match(bare):
                # "Japan's Defence Ministry" speaks for Japan: an alias of the state, not an actor
                if state:
                    collector.add(state, ActorKind.STATE)
                    collector.alias(state, f"{owner_text} {bare}" if owner_text else phrase)
                else:
                    collector.stateless_offices.append(bare)
            elif kind is not None:
                collector.add(bare, kind, affiliation=state)
                if bare != phrase and not possessive:
                    collector.alias(bare, phrase)  # "U.S. State Department" names "State Department" too
                if acronym and last:
                    collector.alias(bare, acronym.group(1))
            if possessive:
                owner, owner_text = _role_owner(phrase), phrase
            else:
                owner, owner_text = None, ""
    for m in _INSTITUTIONAL.finditer(text):
        body, state = m.group("body"), _role_owner(m.group("owner"))
        if (GENERIC_BODY.match(body) or body.endswith("ministry")) and state:  # any ministry speaks for its state
            collector.add(state, ActorKind.STATE)
            collector.alias(state, m.group(0))
        elif not GENERIC_BODY.match(body):
            kind = ActorKind.ORGANISATION if body in {"embassy", "consulate"} else ActorKind.MILITARY_BODY
            collector.add(m.group(0), kind, affiliation=state)
    for m in _NAMED_GROUP.finditer(text):
        name = m.group("name")
        if _TIED_TO.search(text[max(0, m.start() - 4) : m.end()]):
            continue  # "the al Qaeda-linked group": a group described by whom it is tied to, not its name
        if not any(state_of(t) for t in name.split()[:1]) and name.split()[0] not in STARTERS:
            collector.add(name, ActorKind.ORGANISATION)
    for m in _BY_KIND_NOUN.finditer(text):
        name = m.group("called") or m.group("name") or m.group("described")
        if m.group("described") and name.split()[0] in STARTERS | _HOW_MANY:
            continue  # "Hundreds of Veltans, a farming people": people counted, not a body
        person = person_of_body(name) if m.group("described") else None
        if person:
            name = name[person.end() :]  # "Omar Faridi of the Harbour Report, a research firm": the firm is the Report
        if not state_of(name) and not any(day in name.split() for day in CALENDAR_NAMES):
            collector.add(name, ActorKind.ORGANISATION)
    for name, named in _KNOWN_LABELS:
        if named.search(text):
            collector.add(name, ActorKind.ORGANISATION)  # an agency only cited is left out later (only_a_source)
    for m in _ACRONYM.finditer(text):
        acronym = m.group(0)
        if state_of(acronym) or any(acronym in short for short in KNOWN_ORGANISATIONS.values()) or acronym in NOT_NAME_WORDS:
            continue
        if re.search(rf"{acronym}\s+(?:reported|said|says|announced|stated|quoted|claimed)", text):
            collector.add(acronym, ActorKind.ORGANISATION)


#: Each known body's labels, compiled once: (name, where it is named).
_KNOWN_LABELS = tuple(
    (name, re.compile(rf"(?<![\w.]){re.escape(label)}(?![\w])"))
    for name, short in KNOWN_ORGANISATIONS.items()
    for label in (name, *short)
)


def _in_full(surname: str, gender: Gender, article: str) -> str | None:
    """The first name and surname the article writes for a surname a courtesy title stands before,
    of the title's gender where the first name tells it: "Mr. Vale" of "Ada and Tomas Vale" is Tomas."""
    # (a possessive too: "Tomas Vale's speech" names him in full)
    for full in re.finditer(rf"(?<![\w'’.-])([A-Z][a-z][\w'’-]*)\s+{re.escape(surname)}(?![\w-])(?!['’](?!s\b))", article):
        first = full.group(1)
        if is_first_name(first) and lean_of_first_name(first)[0] in (gender, Gender.UNKNOWN):
            return f"{first} {surname}"
    return None


def _title_role(title: str) -> str:
    words = [w for w in title.split() if not w.endswith(".")]
    if words:
        return " ".join(words).lower()
    return " ".join(OFFICE_ABBREVIATIONS.get(w.rstrip("."), w.rstrip(".")) for w in title.split()).lower()


#: Words before a role that are no part of it: "and asked whether the defence minister" -> "defence minister".
_ROLE_LEAD = re.compile(r"^(?:.*\s)?(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)


#: Words that end the names of clubs and societies, which the list of organisation words leaves out.
_MORE_BODY_WORDS = frozenset({"Club", "Society", "Union", "Church", "Team", "Lodge", "Guild"})
#: Lower-case words inside a person's name: "Ursula von der Leyen".
_NAME_PARTICLES = frozenset({"von", "van", "der", "de", "da", "del", "la", "le", "bin", "al", "el"})


def _plainly_a_persons_name(name: str) -> bool:
    """Two to four words, each capitalised (or a particle: "von der Leyen"), none an organisation's:
    what a name must be where a long role before it could have run on past the name of a body."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() or w in _NAME_PARTICLES for w in words) and not (
        set(words) & (ORGANISATION_WORDS | _MORE_BODY_WORDS) or any(w.isupper() and len(w) > 1 for w in words)
    )


def _persons(sentence: Sentence, article: str, collector: _Collector) -> None:
    text = sentence.text
    for m in _APPOSITIVE.finditer(text):
        name = name_tail(drop_title(m.group("name")))  # not "Now Ana Lund, a candidate,"
        if is_person_name(name):
            aff = m.group("aff")
            collector.add(name, ActorKind.PERSON, role=m.group("role"), affiliation=_AFF_PLACE.sub("", aff.strip()) if aff else None)
    for m in _ROLE_FIRST.finditer(text):
        name = drop_title(m.group("name"))
        if m.group("of") and not _plainly_a_persons_name(name):
            continue  # "president of the sport's governing body, FIFA,": the body, not a person
        if is_person_name(name) and m.group("name")[:1].isupper():
            core_end = m.start("of") if m.group("of") else m.end("role")
            role = _ROLE_LEAD.sub("", text[m.start("role") : core_end]) + text[core_end : m.end("role")]
            collector.add(name, ActorKind.PERSON, role=role.strip())
    for m in _DESCRIBED.finditer(text):
        name = name_tail(drop_title(m.group("name")))
        desc = m.group("desc")
        if len(name.split()) >= 2 and is_person_name(name) and re.search(r"\b[a-z]{3,}", desc):
            aff = _DESCRIBED_AFF.search(desc)
            collector.add(name, ActorKind.PERSON, role=desc.strip(), affiliation=aff.group("aff") if aff else None)
    for m in _WHO_CLAUSE.finditer(text):
        name = name_tail(drop_title(m.group("name")))  # "Meanwhile Lia Vance, who ..."
        if len(name.split()) >= 2 and is_person_name(name):
            collector.add(name, ActorKind.PERSON)
    for m in _PERSON_BY_TITLE.finditer(text) if _TITLE_WORD.search(text) else ():
        name = drop_title(m.group("name"))
        if is_person_name(name):
            of = re.match(r"\s+of\s+(?:the\s+)?(?P<aff>[A-Z][^,;()]{2,90}?)(?=\s*[,.;]|\s+(?:said|told|says)\b)", text[m.end() :])
            affiliation = _role_owner(m.group("owner")) or (of.group("aff") if of else None)
            courtesy = COURTESY.match(f"{m.group('title').strip()} {name}")
            if courtesy is None:
                collector.add(name, ActorKind.PERSON, role=_title_role(m.group("title")), affiliation=affiliation)
            else:
                # "Mr. Vale" is no office: the person is the one the article names in full, of that gender
                full = _in_full(name, courtesy_gender(courtesy.group("title")), article) if " " not in name else None
                collector.add(full or name, ActorKind.PERSON, affiliation=affiliation)
    for m in _OF_A_BODY_SPEAKING.finditer(text):
        name = name_tail(m.group("name"))
        words = name.split()
        # a person by a first name, by a surname the story uses alone, or by a "he" or "she" of their own
        # ("Communications Workers of America said" is a union)
        personal = len(words) >= 2 and (
            is_first_name(words[0]) or is_surname(words[-1], article) or re.match(r"\s+(?:he|she)\b", text[m.end() :])
        )
        if personal and reads_as_a_name(name, article):
            collector.add(name, ActorKind.PERSON)  # "Darran Whitby of Liberty Church in Marion said he"
    for m in _PERSON_BY_SPEECH.finditer(text):
        name = without_sentence_words(drop_title(m.group("name") or m.group("name2") or ""))  # not "Later Sandor said"
        if name and _AFTER_OFFICE.search(text, 0, m.start("name") if m.group("name") else m.start("name2")):
            name = from_first_name(name, lead=True) or name  # "State Ada Brun" of "Secretary of State Ada Brun said"
        if name and len(name.split()) >= 2 and is_person_name(name):
            collector.add(name, ActorKind.PERSON)
    for pattern in (_ROLE_THEN_NAME, _PARTY_TAGGED, _AFTER_POSSESSIVE):
        for m in pattern.finditer(text):
            for written in (m.group("name"), m.groupdict().get("name2")):
                # only a party tag vouches for the words before a first name being a title no list knows
                name = from_first_name(drop_title(written or ""), lead=pattern is _PARTY_TAGGED)
                if name and is_person_name(name) and not any(lowercase_elsewhere(t, article) for t in name.split()):
                    collector.add(name, ActorKind.PERSON)
    for m in _PLURAL_TITLE.finditer(text):
        for written in (m.group("name"), m.group("name2")):
            name = from_first_name(written, lead=False)
            if name and is_person_name(name):
                collector.add(name, ActorKind.PERSON)
    for m in _INITIALS_NAMED.finditer(text) if _AN_INITIAL.search(text) else ():  # the long search only where an initial stands
        if is_person_name(m.group("name")):
            collector.add(m.group("name"), ActorKind.PERSON)
    for name, role in described_people(text, article):
        collector.add(name, ActorKind.PERSON, role=role)
    for m in _KIN_NAMED.finditer(text):
        name = m.group("name")
        if is_person_name(name) and (is_first_name(name.split()[0]) or len(name.split()) >= 2):
            collector.add(name, ActorKind.PERSON, role=m.group(0).split(",")[0].split()[-1])
    # a run of two to four capitalised words inside a sentence, none of them a common word,
    # not introduced by an article ("the Ulchi Freedom Shield drill") and not the head of a longer name
    for m in _NAME_RUN.finditer(text):
        name = drop_title(m.group("name"))
        if len(name.split()) < 2:
            name = m.group("name")  # "Pope Francis": the one word left is no name of its own
        before = text[: m.start()].split()
        if before and (
            before[-1].lower() in {"the", "a", "an", "its", "their", "his", "her", "our"}
            # (after a comma a first name may open one: "at the corner of Mill Road, Ana Lund and her son sell")
            or (before[-1][:1].isupper() and not (before[-1].endswith(",") and is_first_name(name.split()[0])))
        ):
            continue
        if before and before[-1] in _WHERE_WORDS and not is_first_name(name.split()[0]):
            continue  # "derailed at Dunmore Junction": where, not who
        if not _AFTER_PERSON.match(text[m.end() :]):
            continue
        if _AFTER_OFFICE.search(text, 0, m.start()):
            name = from_first_name(name, lead=True) or name
        if is_person_name(name) and not any(lowercase_elsewhere(t, article) for t in name.split()):
            collector.add(name, ActorKind.PERSON)


def _aliases(candidate: ActorCandidate, article: str, names: set[str], people: set[str]) -> list[str]:
    aliases: list[str] = []
    if candidate.kind == ActorKind.STATE:
        state = state_of(candidate.name)
        if state:
            aliases = [*candidate.aliases, *(a for a in state.aliases if find_all(article, a))]
    elif candidate.kind == ActorKind.PERSON:
        tokens = candidate.name.split()
        rest = _without(article, candidate.name)
        for position, part in dict.fromkeys([(0, tokens[0]), (-1, tokens[-1])]) if len(tokens) > 1 else ():
            # a bare family or given name used alone, and not the same part of another full name
            # ("Clinton" of Hillary and of Bill Clinton); "Trump Tower" leaves "Trump" to Donald Trump
            others = [o for o in names if o != candidate.name and part in o.split()]
            # a body named for or against someone ("Friends of Ada Brun") leaves their surname to them
            same_place = [o for o in others if o in people and len(o.split()) > 1 and o.split()[position] == part]
            if part in NOT_NAME_WORDS or part.endswith(".") or part in others or same_place:
                continue
            if others and not _introduced_before(candidate.name, part, article):
                continue  # "Clinton" written before "Bill Clinton" is another Clinton, as "Clinton Foundation" may be hers
            if _alone(part, rest):
                aliases.append(part)
        alone: dict[str, bool] = {}  # one search per description, not one per mention
        for at in (m.start for m in find_all(article, candidate.name)):
            m = _TITLE_BEFORE.search(article[max(0, at - 80) : at])
            if not m:
                continue
            description = m.group(1)
            if description not in alone:
                alone[description] = bool(find_all(article, f"the {description}"))
            if alone[description]:  # on its own, not as the title before the name
                aliases.append(f"the {description}")
    if candidate.kind == ActorKind.ORGANISATION:
        if candidate.name in KNOWN_ORGANISATIONS:
            aliases = [a for a in KNOWN_ORGANISATIONS[candidate.name] if find_all(article, a)]
        initials = "".join(w[0] for w in candidate.name.split() if w[0].isupper())
        if len(initials) >= 3 and initials not in aliases and re.search(rf"\b{initials}\b", article):
            aliases.append(initials)
    return list(dict.fromkeys(a for a in aliases if a != candidate.name))


def _introduced_before(name: str, part: str, article: str) -> bool:
    """Whether the article writes the full name before it first writes the part alone (a
    headline's short name aside): a surname refers back to the person introduced in full."""
    full = article.find(name)
    body = article.find("\n") + 1
    rest = _without(article, name)
    alone = [
        m.start() for m in re.compile(rf"(?<![\w'’-]){re.escape(part)}(?![\w'’-])(?!\s+[A-Z])").finditer(rest, body)
        if not re.search(r"[A-Z][\w'’-]*\s+$", rest[max(0, m.start() - 30) : m.start()])  # "Behrouzi Far": not alone
    ]
    return full >= 0 and bool(alone) and full < alone[0]


def _alone(word: str, text: str) -> bool:
    """``word`` stands in ``text`` as a word of its own, not followed by another name-like token.

    The costly ``TOKEN`` lookahead is compiled once (``_NEXT_TOKEN``), not once per word: building
    it per call was a third of the rules' time.
    """
    pattern = re.compile(rf"(?<![\w]){re.escape(word)}(?![\w])")
    m = pattern.search(text)
    while m:
        if not _NEXT_TOKEN.match(text, m.end()):
            return True
        m = pattern.search(text, m.start() + 1)
    return False


def _with_middle_name(short: str, full: str) -> bool:
    """"Helen Carter" is "Helen Ward Carter" and "Tomas Vale" is "Tomas J. Vale": the same first
    and last name with a middle name or initial between, which a story gives once and then drops."""
    a, b = short.split(), full.split()
    return len(a) == 2 and 3 <= len(b) <= 4 and a[0] == b[0] and a[-1] == b[-1] and all(w[:1].isupper() for w in b[1:-1])


def _without(article: str, name: str) -> str:
    return article.replace(name, " " * len(name))


def _inside_another(candidate: ActorCandidate, others: list[ActorCandidate]) -> bool:
    """Every mention lies within a longer name ("United Nations" only ever as "U.N. Security Council")."""
    spans = [s for o in others if o is not candidate for s in o.mentions]
    return all(any(o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in spans) for m in candidate.mentions)


def find_actor_candidates(article: str) -> list[ActorCandidate]:
    """States, organisations, military bodies and people the story names, in order of first mention."""
    return [ActorCandidate(c.name, c.kind, c.role, c.affiliation, list(c.mentions), list(c.aliases)) for c in _candidates(article)]


@lru_cache(maxsize=32)
def _candidates(article: str) -> tuple[ActorCandidate, ...]:
    collector = _Collector()
    prose_sentences = _prose(article)
    for sentence in prose_sentences:
        if BYLINE.match(sentence.text):
            continue  # who wrote the story, or the page's buttons, not who is in it
        # what a speaker names inside a quotation, and who took a photo, are not thereby actors
        sentence = replace(sentence, text=_blank(CREDIT, _blank(QUOTED, sentence.text)))
        _states(sentence.text, collector)
        _organisations(sentence, collector)
        _persons(sentence, article, collector)
    _one_word_bodies(prose_sentences, article, collector)
    _offices_of_no_named_state(collector)
    names = list(collector.by_name)  # in the order found: a set's order changes between processes
    limit = body_end(article)
    found: list[ActorCandidate] = []
    # where someone works is a body, whatever its name looks like ("a journalist with Legal Notes")
    workplaces = {c.affiliation for c in collector.by_name.values() if c.kind == ActorKind.PERSON and c.affiliation}
    for candidate in collector.by_name.values():
        if candidate.kind == ActorKind.PERSON and candidate.name in workplaces:
            candidate.kind = ActorKind.ORGANISATION
        # "Salminen" and "Pekka Salminen" are one person: the longer name keeps what the shorter knew
        longer = [
            collector.by_name[o] for o in names
            if o != candidate.name and collector.by_name[o].kind == ActorKind.PERSON
            and (re.search(rf"(?<![\w]){re.escape(candidate.name)}(?![\w])", o) or _with_middle_name(candidate.name, o))
        ] if candidate.kind == ActorKind.PERSON else []
        if longer:
            longer[0].role = longer[0].role or candidate.role
            longer[0].affiliation = longer[0].affiliation or candidate.affiliation
            if _with_middle_name(candidate.name, longer[0].name):
                longer[0].aliases.append(candidate.name)  # written both ways: each names the one person
            continue
        if candidate.kind == ActorKind.PERSON and any(candidate.name in o for o in names if o != candidate.name):
            continue  # part of a body's name ("Joint Chiefs" of "Joint Chiefs of Staff")
        found.append(candidate)
    kept = {c.name for c in found}
    people = {c.name for c in found if c.kind == ActorKind.PERSON}
    for candidate in found:
        candidate.aliases = list(dict.fromkeys([*candidate.aliases, *_aliases(candidate, article, kept, people)]))
    _assign_mentions(found, article, limit)
    for candidate in found:
        # "into Japan's exclusive economic zone" names where something happened, not someone acting
        candidate.mentions = [m for m in candidate.mentions if not _PLACE_OF.match(article, m.end)]
    found = [c for c in found if c.mentions and not (c.kind == ActorKind.PERSON and only_a_place(c.mentions, article))]
    for candidate in found:
        _name_as_written(candidate, article)
    # an outlet cited as a source ("told the Daily Courier") and a person seen only in a caption are no actors
    captions = caption_lines(article)
    found = [
        c for c in found
        if not only_a_source(c.kind, (c.name, *c.aliases), c.mentions, article)
        and not (c.kind == ActorKind.PERSON and all(any(a <= m.start < b for a, b in captions) for m in c.mentions))
    ]
    found = [c for c in found if c.kind != ActorKind.ORGANISATION or not _inside_another(c, found)]
    # a state or body the story only mentions as a place or a topic ("a summit in China") is no actor
    affiliations = " | ".join(c.affiliation or "" for c in found if c.kind == ActorKind.PERSON)
    prose = [(s.start, s.end) for s in prose_sentences]
    prose_starts = [a for a, _ in prose]
    found = [
        c for c in found
        if c.kind == ActorKind.PERSON or c.name in affiliations
        or any(agentive(article, m) for m in c.mentions if within(prose, prose_starts, m.start))
    ]
    return tuple(sorted(found, key=lambda c: c.first))


def _offices_of_no_named_state(collector: _Collector) -> None:
    """"The Interior Ministry said" with no state before it: the office of the one state the story
    names speaks for that state; where the story names none, the office is an actor of its own.
    Among several states the text does not say whose it is, and it is left out."""
    states = [name for name, c in collector.by_name.items() if c.kind == ActorKind.STATE]
    for office in dict.fromkeys(collector.stateless_offices):
        if len(states) == 1:
            collector.alias(states[0], office)
        elif not states:
            military = re.fullmatch(r"(?i:military|army|navy|air force|armed forces)", office)
            collector.add(office, ActorKind.MILITARY_BODY if military else ActorKind.ORGANISATION)


#: A capitalised word standing as a clause's subject: "... that the militia had tried", "Hezbollah said".
_ONE_WORD_SUBJECT = re.compile(
    rf"(?:^|[,;]\s+|\b(?:and|that|which|but|as|while|when)\s+)(?P<name>[{UP}][{LOW}]+(?:-[{UP}{LOW}][{LOW}]+)?|[a-z]{{2}}-[{UP}][{LOW}]+)"
    r"\s+(?:has|have|had|was|is|were|will|would|said|says|claimed|denied|vowed|warned|accused|threatened|\w+ed)\b"
)


def _one_word_bodies(sentences: list[Sentence], article: str, collector: _Collector) -> None:
    """Groups and firms named by one word ("Hezbollah", "al-Shabaab"): a word the story writes
    capitalised at least twice, once inside a sentence, that stands as a subject somewhere, and
    that is no state, no common word and no part of a name already found."""
    taken = {w for name, c in collector.by_name.items() for n in (name, *c.aliases) for w in n.split()}
    for sentence in sentences:
        text = _blank(QUOTED, sentence.text)
        for m in _ONE_WORD_SUBJECT.finditer(text):
            word = m.group("name")
            if word in taken or word in STARTERS or word in NOT_NAMES or word in CALENDAR_NAMES or state_of(word) or us_place_in(word):
                continue
            if lowercase_elsewhere(word, article) or word.split("-")[-1] in NOT_NAMES:
                continue
            inside = re.findall(rf"(?<=[a-z,;][ \xa0]){re.escape(word)}(?![\w'’-])", article)
            alone = re.findall(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])(?!\s+[{UP}])", article)
            if inside and len(alone) >= 2:
                collector.add(word, ActorKind.PERSON if is_surname(word, article) else ActorKind.ORGANISATION)


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with every match of ``pattern`` turned to spaces, so offsets stay where they were."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _name_as_written(candidate: ActorCandidate, article: str) -> None:
    """Name an actor as the article does: "KCNA" when the story never spells the agency out, "the
    Latvian foreign ministry". A state is not named by what its people did: "Russian shelling" is
    how the story points at Russia."""
    if find_all(article, candidate.name):
        return
    written = [
        a for a in candidate.aliases
        if find_all(article, a) and not a.lower().startswith("the ")
        and not (candidate.kind == ActorKind.STATE and re.search(r"\s[a-z]", a) and not _INSTITUTIONAL.search(a))
    ]
    if written:
        best = max(written, key=lambda a: len(find_all(article, a)))
        candidate.aliases = [candidate.name, *(a for a in candidate.aliases if a != best)]
        candidate.name = best


def _assign_mentions(candidates: list[ActorCandidate], article: str, limit: int) -> None:
    """Give each stretch of text to one actor, the longest name first: "Coast Guard" inside
    "China Coast Guard" is China's coast guard, not the Philippine one."""
    spans = [
        (s, c) for c in candidates for label in (c.name, *c.aliases) for s in find_all(article, label) if s.start < limit
    ]
    # the stretches taken so far never overlap, so sorted by start their ends are sorted too:
    # the one that starts last before a span's end is the only one that can overlap it
    taken: list[tuple[int, int]] = []
    owned: dict[int, list[Span]] = {id(c): [] for c in candidates}
    for span, candidate in sorted(spans, key=lambda p: (-(p[0].end - p[0].start), p[0].start)):
        i = bisect.bisect_left(taken, (span.end,)) - 1
        if i >= 0 and taken[i][1] > span.start:
            continue
        bisect.insort(taken, (span.start, span.end))
        owned[id(candidate)].append(span)
    for c in candidates:
        c.mentions = sorted(owned[id(c)], key=lambda s: s.start)
