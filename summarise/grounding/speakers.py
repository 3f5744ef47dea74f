"""What kind of voice a speaker is, from everything the article says about them.

News rarely types a speaker where it quotes them: "Lindqvist said" comes paragraphs after
"Marta Lindqvist, a senior fellow at the Baltic Policy Institute", and "the country's defence
minister said" comes before "Defence Minister Arno Kask told reporters". So a person's
*profile* is gathered from every place the article names them: the title words just before a
mention and the appositive just after it. The profile types the speaker (an analyst, an
official, a witness) and lets a description ("the defence minister") find the person it means.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache

from summarise.grounding.actors import ActorCandidate
from summarise.grounding.cue_words import DESCRIBED
from summarise.grounding.cues import speech_verbs
from summarise.grounding.name_shapes import (
    NAME,
    STARTERS,
    drop_title,
    is_group_name,
    is_party_word,
    names_a_place_or_event,
    reads_as_a_name,
    without_sentence_words,
)
from summarise.grounding.names import is_first_name
from summarise.grounding.sentences import split_sentences
from summarise.grounding.gazetteer import (
    NOT_NAME_WORDS,
    ORGANISATION_WORDS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    ROLE_TYPES,
    THINK_TANK_WORDS,
    TITLE,
    state_of,
    us_place_in,
)
from summarise.schemas import ActorKind, MatchStatus, Span, SpeakerType

_ANALYST, _OFFICIAL, _WITNESS = (re.compile(rf"\b(?:{pattern})", re.IGNORECASE) for pattern, _ in ROLE_TYPES)
#: Words that make a person comment from outside office, whatever their old title was.
_FORMER = re.compile(r"\b(?:former|retired|ex-)\b", re.IGNORECASE)
#: An affiliation that makes its people analysts: "of Waseda University", "at the Wilson Center".
_THINK_TANK = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in THINK_TANK_WORDS))
_ROLE = re.compile(rf"\b(?:{ROLE_NOUNS})s?\b", re.IGNORECASE)
#: A body that studies rather than governs: an institute or centre of research, studies or policy.
_RESEARCH_BODY = re.compile(
    r"\b(?:Institute|Institution|Centre|Center)\b.*\b(?:Research|Studies|Study|Policy|Strategic|Strategy|Peace)\b"
    r"|\b(?:Research|Studies|Policy|Strategic|Peace)\b.*\b(?:Institute|Institution|Centre|Center)\b|\bthink[- ]tank\b"
)
#: The offices of such a body, which make their holder its staff, not a government's.
_LEADS_A_BODY = re.compile(r"\b(?:head|director|president|chair(?:man|woman)?|founder|chief executive)\b", re.IGNORECASE)
#: Offices of government, which no research body's title makes an analyst.
_OFFICE = re.compile(r"\b(?:minister|secretary|ambassador|governor|mayor|senator|spokes(?:person|man|woman)|general|admiral)\b", re.IGNORECASE)
_WITNESS_CONTEXT = re.compile(r"\bwho (?:lives|saw|watched|was|were)\b|\bresidents?\b|\bwitness", re.IGNORECASE)

#: The appositive after a name: ", a senior fellow at the Baltic Policy Institute," (or
#: "Kim,South Korea's spokesman" as scrapers leave it), up to the next clause break.
#: A determiner and an adjective before a comma open one appositive that goes on past it
#: (", the brusque, outspoken governor of the state").
_APPOSITIVE = re.compile(r"^\s*,\s*(?P<text>(?:(?i:the|an?)\s+[\w'’-]+,\s+)?[^,;:.“”\"()]{3,160})")
#: Title words just before a name: "Pentagon spokesperson Col. ", "North Korea expert ".
_BEFORE_WORDS = 7
_NOT_TITLE = re.compile(
    r"\b(?:said|says|told|tells|added|adds|according|to|and|or|but|by|with|for|from|that|as|when|while|after|"
    r"before|met|meets|called|asked|spoke|speaking|quoted|cited|between|who|whom|whose|which)\b",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(r"\b(?:Col|Gen|Lt|Maj|Capt|Sgt|Adm|Cmdr|Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|St)\.")


def speakers_not_listed(article: str, listed: Iterable[ActorCandidate]) -> list[ActorCandidate]:
    """People the article has speak ("Brandvold said", "said Lund") whom the actor finder did not
    list: political news names its people by surname alone, and a pronoun needs them as
    antecedents. Each comes with every mention of the name, so "he" can find the last one."""
    known = {label for a in listed for label in (a.name, *a.aliases)}
    found: dict[str, ActorCandidate] = {}
    for m in _speaking_name().finditer(article):
        # not "Later Sandor said", not "said Councilwoman Ruth Nash"
        name = drop_title(without_sentence_words(m.group("a") or m.group("b") or m.group("c") or m.group("d")))
        tokens = name.split()
        if name in known or any(t in NOT_NAME_WORDS or t in ORGANISATION_WORDS for t in tokens) or state_of(name):
            continue
        if is_group_name(name) or is_party_word(name) or us_place_in(name):  # "many more Latinos said", "Dayton, Ohio, said"
            continue
        if tail_of_a_place(article, name, m.start()):
            continue  # "Ana Ruiz of North Carolina said": "Carolina" is no one
        if len(tokens) == 1 and _only_opens_sentences(name, article):
            continue  # "Instead, the senator is ...": a word capitalised only where a sentence opens
        if any(name in label.split() or name == label.split()[-1] for label in known):
            continue  # a surname of someone listed: their alias, not a new person
        if name not in found:
            found[name] = unlisted_person(name, article)
    for m in _OPENING_NAME.finditer(article):
        name = re.sub(r"['’]s$", "", m.group("name"))  # "Ada Brun's tone was sharp": the name ends before its possessive
        if name not in found and name not in known and is_first_name(name.split()[0]) and not any(
            t in NOT_NAME_WORDS for t in name.split()
        ):  # not "One Sunday in late May, the board met"
            if names_a_place_or_event(name, article[m.end("name") :], article):
                continue  # "Jack Creek was a tragedy": a place in a person's shape
            found[name] = unlisted_person(name, article)  # "Donald Brennan also attacked ...", sentence-first
    return list(found.values())


#: A first and last name opening a sentence and doing something: the actor finder reads names
#: inside sentences only, and a first name from the name list is what makes it a person.
_OPENING_NAME = re.compile(r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z][\w'’-]*)(?=\s+(?:also\s+|then\s+)?[a-z]+)", re.M)


def tail_of_a_place(article: str, name: str, at: int) -> bool:
    """Whether a name written at or after ``at`` is the last word of a place ("Carolina" of "North
    Carolina", "York" of "New York"): the capitalised word before it makes a state or an American place."""
    found = article.find(name, at)
    before = re.search(r"([A-Z][\w.]*)\s+$", article[max(0, found - 20) : found]) if found >= 0 else None
    return before is not None and (state_of(f"{before.group(1)} {name}") is not None or us_place_in(f"{before.group(1)} {name}"))


def _only_opens_sentences(word: str, article: str) -> bool:
    """Whether every place the article writes a word capitalised is the start of a sentence or a line
    (an initial's full stop, "S. Arulanandam", ends no sentence)."""
    return all(
        re.search(r"(?:^|(?<![A-Z])[.!?:”\"’]\s+|\n\s*)$", article[max(0, m.start() - 4) : m.start()])
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", article)
    )


#: The prepositions whose object a name is, when they stand right before it.
_NOT_AFTER_PREPOSITION = "".join(rf"(?<!\b{p}\s)" for p in ("in", "of", "at", "from", "to", "for", "with", "across"))


@lru_cache(maxsize=1)
def _speaking_name() -> re.Pattern[str]:
    verbs = speech_verbs(strict=True)
    name = rf"{NAME}(?![\w'’-])"
    return re.compile(
        # a name after a preposition is no one's subject ("papers in New Jersey, including ..., said"),
        # nor is a word before a clause of its own ("Instead, he is touting ..., asserting")
        rf"(?<![\w.]){_NOT_AFTER_PREPOSITION}(?P<a>{name})(?:,(?!\s*(?:he|she|they|we|I)\s)[^,]{{1,80}},)?\s+(?:has\s+|had\s+|also\s+)?{verbs}\b"
        rf"|\b{verbs}\s+(?P<b>{name})"
        # "The district commissioner of Y, Ana Ruiz, said": the name set beside the subject speaks
        rf"|(?<=[\w.],\s)(?P<d>{name}),\s+{verbs}\b"
        # "Ansel Brook, chairman of the county party,", "Tomas Ferreira, 22,": a name with a role or an age
        rf"|(?<![\w.])(?P<c>{name}),\s+(?:\d{{1,3}},|(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){{0,4}}?(?:{ROLE_NOUNS})\b)"
    )


def unlisted_person(name: str, article: str) -> ActorCandidate:
    """A person the actor finder missed, named as the article names them in full: "Varga" is
    "Ilse Varga" when the article writes that, with every mention, so a profile can be read."""
    tokens = name.split()
    # "Staff Ana Brill" of "Deputy Chief of Staff Ana Brill": the name starts at its first name
    first = next((i for i, t in enumerate(tokens[:-1]) if is_first_name(t)), 0)
    if first and not is_first_name(tokens[0]) and not reads_as_a_name(name, article):  # not "Nguyen Thi Lan"
        name, tokens = " ".join(tokens[first:]), tokens[first:]
    best = name
    for full in re.finditer(rf"\b((?:(?:[A-Z][\w'’-]+|[A-Z]\.)\s+){{1,3}}){re.escape(name)}\b", article):
        words = full.group(1).split()
        # the name starts at a first name: "Lena Okafor" of "Majority Leader Lena Okafor",
        # nothing of "Short-tempered' Marsh" or "Debating Vance"
        first = next((i for i, w in enumerate(words) if is_first_name(w.strip("'’"))), None)
        if first is not None and all(re.fullmatch(r"[A-Z][a-z][\w'’-]*|[A-Z]\.", w) for w in words[first:]):
            best = drop_title(" ".join([*words[first:], name]))  # not "York Congressman Pete Kane"
            break
    if best == name and len(tokens) == 1:
        best = _written_in_full(name, article) or name
    spans = [
        Span(start=m.start(), end=m.end(), status=MatchStatus.EXACT)
        for m in re.finditer(rf"(?<![\w]){re.escape(tokens[-1] if len(tokens) == 1 else name)}(?![\w])", article)
    ]
    return ActorCandidate(best, ActorKind.PERSON, mentions=spans)


#: A capitalised word right after a name: the name runs on ("Oswy Vanse Group"), so it is no first name and surname.
_NAME_GOES_ON = re.compile(r"\s+[A-Z]")


def _written_in_full(surname: str, article: str) -> str | None:
    """"Oswy Vanse" for "Vanse" where the first-name list lacks "Oswy": the word the article
    writes right before the surname, when the two read as a name (no common word, no title, no
    party, no word that opens sentences)."""
    for full in re.finditer(rf"(?<![\w'’.-])([A-Z][a-z][\w'’-]*)\s+{re.escape(surname)}(?![\w'’-])", article):
        pair = f"{full.group(1)} {surname}"
        # not "the Lakeside Vanse group": part of a longer name or a description
        inside = re.search(r"(?:\b(?i:the|a|an)|[A-Z][\w'’.-]*)\s+$", article[max(0, full.start() - 20) : full.start()])
        if not inside and not _NAME_GOES_ON.match(article, full.end()) and full.group(1) not in STARTERS and reads_as_a_name(pair, article):
            return pair
    return None


def _title_before(article: str, at: int) -> tuple[int, str]:
    """The run of words right before a mention that can be its title (no verb, no clause
    break), and where it starts."""
    # the line's start only matters within the 120 characters read: no search back past them
    line_start = article.rfind("\n", max(0, at - 120), at) + 1
    window = max(line_start, at - 120)
    before = _ABBREVIATION.sub(lambda m: m.group(0)[:-1] + " ", article[window:at])
    clause = re.split(r"[,;:.!?“”\"()–—]", before)[-1]  # "as Rusk said – many believe Ortiz": a break, no title
    words = clause.split()[-_BEFORE_WORDS:]
    for i in range(len(words) - 1, -1, -1):
        if _NOT_TITLE.fullmatch(words[i]):
            words = words[i + 1 :]
            break
    text = " ".join(words)
    return (before.rfind(words[0]) + window if words else at), text


#: A description set before a name with a comma: "Greenland's minister for foreign affairs, Naja Lynge",
#: "The spokesman for its defence ministry, Ana Ruiz, said".
_SET_BEFORE = re.compile(r"(?:^|[\n.;:!?“”\",])\s*(?:(?:said|says|wrote|writes|added|adds)\s+)?(?P<text>[^\n.;:!?“”\",]{3,100}),\s*$")


def _set_before(article: str, at: int) -> tuple[int, str]:
    """A name that follows its description and a comma takes its role from it: news names the
    office first when the office is the story ("The ministry's spokesman, Ana Ruiz, said")."""
    m = _SET_BEFORE.search(article, max(0, at - 160), at)
    if m is None or not DESCRIBED.match(m.group("text")):
        return at, ""
    return m.start("text"), m.group("text").strip()


def _appositive_after(article: str, end: int) -> tuple[int, str]:
    m = _APPOSITIVE.match(_ABBREVIATION.sub(lambda a: a.group(0)[:-1] + " ", article[end : end + 200]))
    if not m:
        return end, ""
    text = m.group("text").strip()
    # ", said the minister" or ", he said" is attribution, not a description of the name before it;
    # "Ana and her husband, Sam, were met by an organizer" goes on with the verb, no description
    # ("Ortiz, having met the envoy, left" is what she did, no description either)
    if re.match(r"(?:said|says|told|added|according|he|she|they|it|were|was|is|are|has|have|had|will|would|having|being)\b", text, re.IGNORECASE):
        return end, ""
    if re.match(r"(?:(?:the|an?)\s+[\w'’-]+,\s+)?(?:and|or)\s", text, re.IGNORECASE):
        return end, ""  # "Ortiz, the unions, and the judge": a list of three, none describing the other
    return end + m.end(), text


def profile(actor: ActorCandidate, article: str) -> str:
    """Everything the article says a person is: their role and affiliation, the titles before
    their mentions and the appositives after them, joined with " | "."""
    parts = [p for p in (actor.role, actor.affiliation) if p]
    for _, _, text in _descriptions(actor, article):
        if text not in parts:
            parts.append(text)
    return " | ".join(parts)


def _descriptions(actor: ActorCandidate, article: str) -> tuple[tuple[int, int, str], ...]:
    return _described(tuple((m.start, m.end) for m in actor.mentions), article)


@lru_cache(maxsize=1024)
def _described(mentions: tuple[tuple[int, int], ...], article: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, words) of each title and appositive that describes one of these mentions,
    and the description a sentence held back for the person the next one names."""
    found = []
    for start, end in mentions:
        if _inside_anothers_name(article, start):
            continue  # "Carter" of "former President Piet Carter": his titles, not hers
        title_start, title = _title_before(article, start)
        if not title:
            title_start, title = _set_before(article, start)  # "the party's campaign manager, Rob Kale"
        stop, appositive = _appositive_after(article, end)
        for a, b, text in ((title_start, start, title), (end, stop, appositive)):
            if text and (_ROLE.search(text) or _THINK_TANK.search(text)):
                found.append((a, b, text))
    if mentions:
        held = _held_back_description(article, min(start for start, _ in mentions))
        if held is not None:
            found.append(held)
    return tuple(found)


_WORD_BEFORE = re.compile(r"(?<![\w.])(?P<word>[A-Z][a-z]+)[ \t]+$")


def _inside_anothers_name(article: str, start: int) -> bool:
    """Whether a mention is the surname of a longer name: a first name, no title, right before it."""
    before = _WORD_BEFORE.search(article, max(0, start - 30), start)
    return bool(before) and is_first_name(before.group("word")) and not re.fullmatch(TITLE, before.group("word"))


def _held_back_description(article: str, first_mention: int) -> tuple[int, int, str] | None:
    """News often brings in who speaks by what they are and names them only in the next sentence
    ("A senior energy expert says the sanctions ..." then "Mira Hale said on Tuesday ...", or "A
    researcher at the Baltic Policy Institute disagreed." then ""...," Mira Hale said."): the
    description is theirs when their first mention speaks in the sentence right after it."""
    sentences = split_sentences(article)
    at = next((i for i, s in enumerate(sentences) if s.start <= first_mention < s.end), 0)
    if at == 0:
        return None
    held, named = sentences[at - 1], sentences[at]
    describing, names_first, names_after_quote = _held_back_patterns()
    m = describing.match(held.text)
    if m is None:
        return None
    offset = first_mention - named.start
    opens = offset == len(named.text) - len(named.text.lstrip()) and names_first.match(named.text, offset)
    if not (opens or names_after_quote.match(named.text[:offset] + "\0")):
        return None
    return held.start + m.start("text"), held.start + m.end("text"), m.group("text")


@lru_cache(maxsize=1)
def _held_back_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """An indefinite speaker with a role (and where they work) who speaks or takes a side; a name
    opening the next sentence, speaking; a name in the cue after the quote that opens it (the
    name's place marked by a NUL)."""
    verbs = speech_verbs()
    describing = re.compile(
        rf"\s*(?:An?|One|Another)\s+(?P<text>(?:[\w'’-]+\s+){{0,5}}?(?:{ROLE_NOUNS})s?"
        rf"(?:\s+(?:at|of|with|for|from)\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?){{1,6}}?)?)"
        rf"\s*(?:{verbs}|(?:dis)?agree[sd]?|dissent(?:s|ed)?)\b",
        re.IGNORECASE,
    )
    after_quote = re.compile(rf"\s*[“\"][^“”\"]+[”\"],?\s+(?:{verbs})\s+\0|\s*[“\"][^“”\"]+[,!?]?[”\"],?\s+\0")
    return describing, re.compile(rf"{NAME}\s+{verbs}\b"), after_quote


def speaker_type(description: str, context: str = "") -> SpeakerType:
    """The kind of voice a description makes someone: the analyst test first, since a former
    official who now teaches speaks as an analyst; an affiliation to a think tank or university
    makes an analyst unless the description also gives an office."""
    if _ANALYST.search(description) or _FORMER.search(description):
        return SpeakerType.ANALYST
    if _THINK_TANK.search(description) and not _OFFICIAL.search(description):
        return SpeakerType.ANALYST
    if _RESEARCH_BODY.search(description) and _LEADS_A_BODY.search(description) and not _OFFICE.search(description):
        return SpeakerType.ANALYST  # "head of the ... Peace Research Institute": think-tank staff (LABELLING.md)
    if _WITNESS.search(description):
        return SpeakerType.WITNESS
    if _OFFICIAL.search(description):
        return SpeakerType.OFFICIAL
    if context and _WITNESS_CONTEXT.search(context):
        return SpeakerType.WITNESS
    return SpeakerType.OTHER


def _head(description: str) -> str | None:
    """The role words of a description: "the country's defence minister" -> "defence minister"."""
    m = re.search(rf"(?:\b(?!(?:the|a|an|its|his|her|their|one|our)\s)[a-z][\w-]*\s+)?\b(?:{ROLE_NOUNS})s?\b", description, re.IGNORECASE)
    return m.group(0).lower() if m else None


def person_described(description: str, at: int, people: Iterable[ActorCandidate], article: str) -> ActorCandidate | None:
    """The one person whose profile carries a description's role words ("the defence minister"
    is Arno Kask when he is the only defence minister the article names), else None; of several,
    a definite description ("the senator") is the one named last before it.

    Names in the description must be in the profile too ("the governor of the Samara region" is
    not the regional governor of Odesa), and when the role word last stood, before ``at``, away
    from the person's mentions, it introduced someone unnamed ("A military official, speaking on
    condition of anonymity, ... the official said").
    """
    head = _head(description)
    if not head:
        return None
    words = head.split()
    names = [w for w in re.findall(r"\b[A-Z][\w-]+", description)[1:]]
    found = []
    for person in people:
        if person.kind != ActorKind.PERSON:
            continue
        said = profile(person, article)
        if re.search(rf"\b{_role_word(words[-1], 'vice' in words)}\b", said, re.IGNORECASE) and all(n in said for n in names):
            found.append(person)
    if len(found) > 1 and len(words) > 1:
        found = [p for p in found if re.search(rf"\b{re.escape(head)}s?\b", profile(p, article), re.IGNORECASE)]
    if len(found) > 1:
        # a title right before the name or an appositive's head ("President Ortiz", "Ortiz, the
        # president of ...") says what someone is; "praised the president's plan" does not
        titled = [p for p in found if _titled_so(p, words[-1], article, "vice" in words)]
        found = titled or found
    if len(found) > 1 and re.match(r"(?:the|his|her|their|its)\s", description, re.IGNORECASE):
        # "the senator" after two senators: the one the story named last before it
        last = {id(p): max((m.start for m in p.mentions if m.start < at), default=-1) for p in found}
        found = sorted(found, key=lambda p: -last[id(p)])
        if last[id(found[0])] < 0 or last[id(found[0])] == last[id(found[1])]:
            return None
        found = found[:1]
    if len(found) != 1:
        return None
    person = found[0]
    return None if introduced_unnamed(description, at, [person], article) else person


#: The titles news abbreviates before a name: "Sen. Ruiz" is the senator, "Gov. Lund" the governor.
_ROLE_ABBREVIATIONS = {"senator": "sen", "governor": "gov", "representative": "rep", "congressman": "rep", "congresswoman": "rep"}


def _role_word(role: str, deputy: bool = False) -> str:
    """A pattern for a role word, its plural and the abbreviation a title writes it as (profiles
    read "Sen." as "Sen"); not the office's deputy unless ``deputy``: "the president" is not the
    vice president."""
    short = _ROLE_ABBREVIATIONS.get(role.lower())
    word = rf"(?:{re.escape(role)}s?|{short})" if short else rf"{re.escape(role)}s?"
    return word if deputy else rf"(?<!\bvice )(?<!\bvice-){word}"


def described_as(noun: str, at: int, people: Iterable[ActorCandidate], article: str) -> ActorCandidate | None:
    """The person named last before ``at`` whom a title or an appositive calls by a noun that is no
    office ("billionaire businessman Dale Ruiz" is "the businessman"; "Ruiz, the party's
    nominee," is "the nominee"), else None: a description names the person the story gave it to."""
    word = re.compile(rf"\b{re.escape(noun)}s?\b(?!['’])", re.IGNORECASE)
    best, best_at = None, -1
    for person in people:
        before = [m for m in person.mentions if m.start < at]
        if person.kind != ActorKind.PERSON or not before:
            continue
        for m in before:
            title = _title_before(article, m.start)[1]
            appositive = _appositive_after(article, m.end)[1]
            if word.search(" ".join(title.split()[-3:])) or word.search(" ".join(appositive.split()[:5])):
                last = max(b.start for b in before)
                if last > best_at:
                    best, best_at = person, last
                break
    return best


def may_be_described(person: ActorCandidate, description: str, article: str) -> bool:
    """Whether a description that names an office can stand for a person: one the article gives no
    title may hold any office, one it titles "Sen." is not "the governor" (a description that names
    no office, "the presumptive nominee", may stand for anyone)."""
    head = _head(description)
    said = profile(person, article)
    if not head and said and _ROLE.search(said):
        # a trade no office holds: "the festival organiser" is not the mayor the story titled so
        trade = _TRADE.search(description)
        return trade is None or re.search(rf"\b{re.escape(trade.group(0))}", said, re.IGNORECASE) is not None
    deputy = "vice" in head.split() if head else False
    return not head or not said or re.search(rf"\b{_role_word(head.split()[-1], deputy)}\b", said, re.IGNORECASE) is not None


#: Trades that are no office: a description naming one is not someone the story titled with an office.
_TRADE = re.compile(
    r"\b(?:organi[sz]er|lobbyist|consultant|pollster|economist|historian|blogger|comedian|singer|rapper|musician|"
    r"banker|investor|entrepreneur|actor|actress)$",
    re.IGNORECASE,
)


def _titled_so(person: ActorCandidate, role: str, article: str, deputy: bool = False) -> bool:
    """Whether a title just before one of the person's mentions ends with the role word, or an
    appositive just after one opens with it (within its first words)."""
    word = re.compile(rf"\b{_role_word(role, deputy)}\b(?!['’])", re.IGNORECASE)  # not "the president's plan"
    for start, end, text in _descriptions(person, article):
        if end in {m.start for m in person.mentions} and word.search(" ".join(text.split()[-2:])):
            return True
        if start in {m.end for m in person.mentions} and word.search(" ".join(text.split()[:5])):
            return True
    return False


def introduced_unnamed(description: str, at: int, people: Iterable[ActorCandidate], article: str, *, strict: bool = False) -> bool:
    """Whether the description's role word last stood, before ``at``, away from every named
    person's titles and appositives: "A military official, speaking on condition of anonymity"
    makes the later "the official said" someone the article does not name."""
    # a person noun that is no office counts too: "an organizer ... the organizer told them"
    plain = re.search(rf"\b(?:[a-z]+(?:er|or|ist|ian|ant|ent)|(?:wo)?man|{PERSON_NOUNS})$", description)
    head = _head(description) or (plain.group(0) if plain else None)
    if not head:
        return False
    # the role word's last stand wholly before ``at``: a search of the article once per word, not
    # of its first ``at`` characters once per quote (quadratic in a long article's length)
    places = _word_places(head.split()[-1], article)
    i = bisect.bisect_right(places, at, key=lambda place: place[1]) - 1
    if i < 0:
        return False
    last = places[i][0]
    definite = re.match(r"(?:the|his|her|their|its)\s", description, re.IGNORECASE)
    if definite and not strict and not _INDEFINITE.search(article[max(0, last - 60) : last]):
        return False  # "the president's plan": the role named again, not someone brought in without a name
    if not _head(description) and _APPOSED_NOUN.search(article[max(0, last - 80) : last]):
        return False  # "Ana Rusk, an organizer with the union": the noun describes her
    return not any(a <= last < b for p in people for a, b, _ in _descriptions(p, article))


#: A name and the start of a noun set beside it as its appositive: "Rusk, a longtime ".
_APPOSED_NOUN = re.compile(r"[A-Z][\w'’-]+\s*,\s*(?i:an?|one|the)\s+(?:[\w'’-]+\s+){0,3}$")


#: An indefinite article a few words before a role word: "A military official", "one senior aide",
#: "another Republican strategist" bring in someone the story does not name.
_INDEFINITE = re.compile(r"\b(?:an?|one|another|two|three|several|some)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


@lru_cache(maxsize=256)
def _word_places(word: str, article: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every place a word starts a word of the article, any case, in order."""
    return tuple(m.span() for m in re.finditer(rf"\b{re.escape(word)}", article, re.IGNORECASE))
