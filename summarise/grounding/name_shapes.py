"""What a name is, in shape and in use: the pattern a person's name is written in, and the tests
that tell a person's name from a group, a title, a party, a place or an event that looks like one.

The actor finder, the speaker finders and the resolver all ask these same questions of a run of
capitalised words; kept apart from where actors are found, each asks them without the other's
machinery, and a change to what counts as a name is made once for all of them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarise.grounding.gazetteer import (
    KIN_FEMALE,
    KIN_MALE,
    KNOWN_ORGANISATIONS,
    MILITARY_WORDS,
    NOT_NAME_WORDS,
    ORGANISATION_WORDS,
    PERSON_NOUNS,
    PLACE_HEADS,
    PLACE_PREFIXES,
    PLACE_WORDS,
    ROLE_NOUNS,
    STATES,
    STORM_WORDS,
    TITLE,
    state_of,
    us_place_in,
)
from summarise.grounding.names import is_first_name

_PARTICLE = r"(?:al|el|ad|as|bin|ibn|abu|van|von|de|der|den|da|di|du|le|la)"
UP = "A-ZÀ-ÖØ-ÞŁŚŠŽŹŻČĆŘ"
LOW = "a-zß-öø-ÿ\u0100-\u017f"
#: A surname may carry a capital inside after its particle: "LeVell", "DeSoto", "MacNab", "VanHorn",
#: or after an apostrophe, straight or curly as the page sets it: "O'Hare", "D’Arcy".
_INNER_CAPITAL = r"(?:Mac|Mc|De|Di|Da|Du|La|Le|Lo|Van|Vander|Von|Fitz)"
TOKEN = rf"(?:{_INNER_CAPITAL}[{UP}][{LOW}]+|[{UP}][{LOW}]+(?:-[{UP}{LOW}][{LOW}]+)?|[{UP}]['’][{UP}][{LOW}]+|{_PARTICLE}-[{UP}][{LOW}]+)"
NAME = rf"{TOKEN}(?:\s+(?:{TOKEN}|[A-Z]\.|(?:{_PARTICLE}\s+){{1,2}}{TOKEN})){{0,3}}"
#: Two people named as one, the name that closes the pair in ``name``: "Ana and Tom Lund", "Ana Lund and
#: Tom Briggs" (who then speak through that name, before a quote and after it alike).
JOINT_NAMES = rf"(?:{NAME}|[A-Z][a-z]+)\s+and\s+(?P<name>{NAME})"

#: Capitalised words that start a sentence and never a name.
STARTERS = frozenset(
    ["The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "By", "For", "From", "With", "As", "After", "Before", "Since", "During", "Under", "Over", "Into", "Despite", "Although", "Though", "However", "Moreover", "Meanwhile", "According", "Unlike", "Separately", "Also", "But", "And", "When", "While", "If", "Even", "Still", "Yet", "Then", "Now", "Once", "Today", "Yesterday", "Later", "Earlier", "Instead", "Afterward", "Afterwards"]
)

_MAX_NAME_TOKENS = 4
_INITIAL = re.compile(r"[A-Z]\.")
NOT_NAMES = NOT_NAME_WORDS | PLACE_WORDS | ORGANISATION_WORDS | MILITARY_WORDS


def is_person_name(name: str) -> bool:
    """Two to four name-like words, none a month, a place word, a body's word or a state, and no
    group of people ("Latinos", "Muslim Americans", "House Democrats")."""
    tokens = name.split()
    if not 1 <= len(tokens) <= _MAX_NAME_TOKENS or is_group_name(name):
        return False
    # an initial is no word: the "A." of "Ada A. Brun" is not the article "A"
    if any((t.rstrip(".") in NOT_NAMES or t in NOT_NAMES) and not _compass_surname(tokens, i) and not _INITIAL.fullmatch(t) for i, t in enumerate(tokens)):
        return False
    if tokens[0] in PLACE_PREFIXES or tokens[-1] in PLACE_HEADS or us_place_in(name):
        return False  # "Fort Pierce", "Trump Tower", "Democratic-leaning New Jersey" are places
    if tokens[0] in STORM_WORDS:
        return False  # "Hurricane Katrina" is weather
    if tokens[-1] in _FAITHS:
        return False  # "a devout Roman Catholic" is what someone is, not who
    return not (state_of(name) or any(state_of(t) for t in tokens) or name in KNOWN_ORGANISATIONS)


def _compass_surname(tokens: list[str], at: int) -> bool:
    """A point of the compass after a known first name is a surname ("Lorna West", "Ivo North"),
    not a region: a region's compass word comes first ("West Province")."""
    return at == len(tokens) - 1 == 1 and tokens[at] in {"North", "South", "East", "West"} and is_first_name(tokens[0])


#: A faith a person belongs to, which no one's surname is: "Roman Catholic", "Evangelical Lutheran".
_FAITHS = frozenset(
    "Catholic Protestant Muslim Evangelical Mormon Methodist Presbyterian Lutheran Episcopalian Anglican "
    "Pentecostal Hindu Buddhist Sikh".split()
)
#: Plural nouns for a people, a faith, a party or a generation: a group, never one person's name.
_GROUP_NOUNS = frozenset(
    "Latinos Latinas Latinx Hispanics Americans Democrats Republicans Independents Libertarians Conservatives Liberals "
    "Progressives Evangelicals Christians Catholics Protestants Muslims Jews Mormons Millennials Boomers Veterans "
    "Immigrants Blacks Whites Asians Arabs Africans Europeans Natives Indians Tories Socialists Greens".split()
)


def is_group_name(name: str) -> bool:
    """Whether a capitalised name stands for a group of people: its last word a plural people or
    party ("Latinos", "Muslim Americans", "House Democrats") or a state's demonym made plural
    ("Filipinos", "Syrians")."""
    last = name.split()[-1] if name.split() else ""
    return last in _GROUP_NOUNS or (last.endswith("s") and last[:-1] in _demonyms())


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(d for state in STATES for d in state.demonyms)


def reads_as_a_name(name: str, article: str) -> bool:
    """Whether capitalised words read as a person's name though none is a first name the list knows
    ("Nguyen Thi Lan", "Aye Myint Su"): name-like words, none a common word the article also
    writes in lower case."""
    tokens = name.split()
    return (
        is_person_name(name)
        and not any(
            lowercase_elsewhere(t, article) or t in _PARTY_MEMBER or re.fullmatch(TITLE, t) or re.search(r"(?:ic|ive|ial|ous|ern)$", t)
            for t in tokens
        )
    )


def lowercase_elsewhere(token: str, article: str) -> bool:
    """A capitalised word that the article also writes in lower case is a common word, not a name."""
    return token.lower() in _lower_words(article)


@lru_cache(maxsize=32)
def _lower_words(article: str) -> frozenset[str]:
    return frozenset(re.findall(r"(?<![\w])[a-zß-öø-ÿ][\w'’-]*", article))


def without_sentence_words(name: str) -> str:
    """"Later Kowal" -> "Kowal": a word that opens sentences ("Later", "Meanwhile") is no part of a
    name after it, however short the name left."""
    tokens = name.split()
    while len(tokens) > 1 and tokens[0] in STARTERS:
        tokens.pop(0)
    return " ".join(tokens)


def name_tail(name: str) -> str:
    """"Meanwhile Jan Kowal" -> "Jan Kowal": sentence words before a name are not part of it."""
    tokens = name.split()
    while len(tokens) > 2 and (tokens[0] in STARTERS or tokens[0] in NOT_NAMES or state_of(tokens[0])):
        tokens.pop(0)
    return " ".join(tokens)


#: A party before a name says whose side someone is on, as a title says their office: "Democrat Jo Lind".
_PARTY_MEMBER = frozenset(["Democrat", "Democrats", "Republican", "Republicans", "GOP", "Independent", "Libertarian"])


def is_party_word(name: str) -> bool:
    """"Republican", "Democrats": a party's member or members, who the story describes, not names
    ("the Republican said" is someone it has not named, or the one it named before)."""
    return name in _PARTY_MEMBER


def drop_title(name: str) -> str:
    """"Commodore Ramon Castillo" -> "Ramon Castillo", "Councilwoman Ruth Nash" -> "Ruth Nash": a
    title is a role, not part of the name."""
    tokens = name.split()
    # "York Congressman Pete Kane" of "New York Congressman Pete Kane": the name starts after the role word
    role = next((i for i in range(1, len(tokens) - 1) if _is_role_word(tokens[i]) and is_first_name(tokens[i + 1])), None)
    if role is not None:
        tokens = tokens[role + 1 :]
    while len(tokens) > 1 and (
        re.fullmatch(TITLE, tokens[0])
        or re.fullmatch(TITLE, tokens[0] + ".")
        or tokens[0] in _PARTY_MEMBER
        or (_is_role_word(tokens[0]) and is_first_name(tokens[1]))
    ):
        tokens.pop(0)
    return " ".join(tokens)


#: A role word in capitals before a first name that no title list has: "Councilwoman Ruth Nash",
#: "Assemblyman Ted Vo" ("Said Ana Lund": the speech verb that opens a sentence after its quote).
_ROLE_WORD = re.compile(r"(?:Council|Assembly|Congress|Alder|Chair|Spokes|Select|Business|Anchor)(?:wo)?(?:man|person)|Said|Says|Added|Asked")
#: A job written in capitals because it opens the sentence or heads a firm's office: "Journalist
#: Ada Brun said", "Acme CEO Lev Ostrov", "Founder Ada Brun".
_CAPITAL_JOB = re.compile(rf"CEO|COO|CFO|(?i:co-?founder|{ROLE_NOUNS}|{PERSON_NOUNS})")


def _is_role_word(token: str) -> bool:
    return bool(_ROLE_WORD.fullmatch(token) or (token[:1].isupper() and _CAPITAL_JOB.fullmatch(token)))


#: A personal title before a name: "Mr. Brennan", "Sen. Lund", "Mrs. Ortega", "Pres. Obama".
_PERSONAL_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Col|Lt|Adm|Prof|Pres|Sec|Rev)\.?|President|Senator|Governor|Congressman|Congresswoman|Secretary|Pastor)"
#: A nickname in quotation marks between a first name and a surname: John “Tig” Brennan.
_NICKNAME = r"(?:\s+[“\"][A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?[”\"])?"


#: What an event is, or what happens at a place: "a tragedy", "the shooting", "massacre".
EVENT_NOUN = r"(?:tragedy|massacre|shootings?|bombings?|disaster|killings|rampage|victims|shooter|school|elementary)"
#: A place or an event in a name's shape: "in Jack Creek", "the Jack Creek shooting", "at Fort Ord".
_PLACE_USE = r"\b(?:in|at|near|outside|inside)\s+{name}\b(?!['’])|\b{name}\s+(?i:{events})\b"


def names_a_place_or_event(name: str, after: str, article: str) -> bool:
    """Whether a name in the shape of a person's ("Jack Creek", "Crystal Falls") is a place or an
    event: the sentence calls it one ("Jack Creek was a tragedy") or the article uses it as
    one elsewhere ("in Jack Creek", "the Jack Creek shooting"). A surname alone is left alone: "at
    Fiorina's side" is no place."""
    if " " not in name.strip():
        return False
    if re.match(rf"\s+(?:was|is|wasn['’]t|isn['’]t|had\s+been|has\s+been)\s+(?:not\s+)?(?:just\s+|only\s+|more\s+than\s+)?(?:a|an|the)\s+(?:[a-z]+\s+)?{EVENT_NOUN}\b", after):
        return True
    return re.search(_PLACE_USE.format(name=re.escape(name), events=EVENT_NOUN), article) is not None


def is_surname(word: str, article: str) -> bool:
    """A one-word name that the article also writes after a first name (a nickname may stand
    between) or a personal title ("Donald Brennan", "Mr. Brennan", "John “Tig” Brennan") is
    someone's surname, not a group's name; "Donald Brennan’s plan" and "Donald J. Brennan" count as
    well, and so does a word that speaks of itself as "he" or "she" ("Brennan said he would")."""
    before = re.findall(
        rf"(?:\b{_PERSONAL_TITLE}|\b([A-Z][a-z]+){_NICKNAME}(?:\s+[A-Z]\.)?)\s+{re.escape(word)}(?:(?=['’]s\b)|(?![\w'’-]))", article
    )
    return any(first == "" or is_first_name(first) for first in before) or re.search(_SAID_OF_ONESELF.format(word=re.escape(word)), article) is not None


#: A one-word name that speaks of itself as a man or a woman ("Brennan said he", "Brennan told
#: reporters that she", "Brennan and his wife", "Brennan compared himself") or that runs for office
#: ("the Brennan campaign", "a Brennan supporter"). A body says "it" or "we", and has members.
_SAID_OF_ONESELF = (
    r"(?<![\w'’-]){word}\s+(?:(?:also|later|then|has|had|again)\s+)?(?:said|says|told\s+\w+|added|argued|insisted|claimed|"
    r"explained|stressed|acknowledged|admitted|conceded|wrote|replied|responded|noted|recalled|complained|countered|maintained|"
    r"vowed|promised)\s+(?:that\s+)?(?:he|she)\b"
    rf"|(?<![\w'’-]){{word}}\s+and\s+(?:his|her)\s+(?:{KIN_FEMALE}|{KIN_MALE}|family|children)\b"
    r"|(?<![\w'’-]){word}\s+(?:[a-z]+\s+)?(?:himself|herself)\b"
    r"|\b(?:the|a|an)\s+{word}\s+(?:campaign|camp|ticket|supporter|backer|presidency)\b"
)


#: A person's full name and the "of" (or "at", "from") that ties them to the body named after it.
_PERSON_OF_BODY = re.compile(rf"(?P<name>{NAME})\s+(?:of|at|from)\s+(?:the\s+)?(?=[A-Z])")


def person_of_body(phrase: str) -> re.Match[str] | None:
    """"Ana Lund of Lund College": the person (group ``name``, a full name that opens on a first
    name) and, after the match, the body; None when the words before "of" are no such name
    ("Secretary of State" is an office)."""
    m = _PERSON_OF_BODY.match(phrase)
    words = m.group("name").split() if m else []
    return m if len(words) >= 2 and is_first_name(words[0]) else None
