"""The speaker named by the cue that follows a quote: '"...," said X', '"...," X, an aide, said', ', Ortiz said.'.

News writing puts most attribution after the quote, so ``speaker_phrase`` asks this side first. It reads
forward from the closing mark, and its trouble is where the speaker stops: what runs on after a name (a
clause, a party tag, a description with the name set beside it) is no part of it. That is a grammar of its
own, apart from reading back through the clauses before a quote.
"""

from __future__ import annotations

import re

from summarise.grounding.cue_words import (
    ACCORDING,
    AUXILIARIES,
    DESCRIBED,
    ENDS_ON_ROLE,
    NOT_NOUN_PHRASE_START,
    NOT_SPEAKERS,
    PARTY_TAG,
    SPEECH,
    unmask,
)
from summarise.grounding.cues import speech_verbs
from summarise.grounding.gazetteer import ROLE_NOUNS
from summarise.grounding.name_shapes import NAME, person_of_body

#: Who a person is, between their name and the cue: ", 30, of Flint, Mich., who was polled,", ", 54, a
#: farmer,", ", D-Ore., the chairman of the panel,".
_AGE_AND_HOME = r"(?:,\s(?:\d{1,3}|[A-Z][\w.\u2024'’-]*(?:\s[A-Z][\w.\u2024'’-]*){0,2}|(?:of|from|who|whose|the|an?)\s[^,;“”\"]{1,100}))+,"
#: A description that lists, the items in lower case: ", deputy minister of ports, roads, and rail," (names
#: in a list are several speakers: ", Lund, Ortiz and Vale said" is none of them alone).
_LIST_GOES_ON = r"(?:,\s(?:and\s|or\s)?[a-z][^,;“”\"]{0,40}){0,4}"
#: A participle and its agent are no cue ('"..." riders added by the committee'); a means is ("said by telephone").
_NOT_PASSIVE = r"(?!\s+by\s+(?!(?:tele)?phone|e-?mail|text|letter|video|fax|mail|satellite|radio|cable|wire|way)\b)"
#: A relative clause the writer left without its closing comma: ", who chairs the fund said".
_WHO_UNCLOSED = rf",\s(?:who|whose)\s[^,;“”\"]{{1,100}}?(?=\s+(?-i:{speech_verbs(strict=True)})\b)"
#: Sounds made while speaking, which report speech only when they stand right after the quote with
#: their subject: '"...," Ortiz laughed.' ("Lund laughed at the plan" quotes no one). Manners of speaking
#: that report speech anywhere ("scoffed", "whispered", "repeated") are in the speech lexicon (cues.py).
_MANNER_OF_SAYING = r"(?:laughed|chuckled|sighed|groaned|bellowed|hollered|cried(?:\s+out)?|marvell?ed|e-mailed)"
#: A cue word that is the noun its verb follows: '"...," the panel's report said' ("report" is no verb there).
_NOUN_BEFORE_VERB = r"(?!\s+(?-i:said|says|wrote|writes|added|adds|stated|states|reads|read|noted|notes|found|finds)\b)"
_AFTER_SPEAKER_FIRST = re.compile(
    rf"^[\s,.;:!?“”\"’»-]*(?P<speaker>[^,.;:!?“”\"]{{1,80}}?)(?:,\s(?P<appositive>[^,;]{{1,100}}{_LIST_GOES_ON}),|,\s(?:the|a|an)\s[^,;]{{1,100}}|{_AGE_AND_HOME}|{_WHO_UNCLOSED})?{AUXILIARIES}\s+(?-i:{SPEECH}|{_MANNER_OF_SAYING})\b{_NOUN_BEFORE_VERB}{_NOT_PASSIVE}",
    re.IGNORECASE,
)
#: "told" never opens an inverted cue: '"...," told the Herald' names who heard it, not who spoke.
_TOLD = r"(?i:told|tells?)\b"
#: '"...," said X' and '"..." in the last election, said X': a short phrase may stand between quote and cue
#: (not a cue of its own: '"...," Ortiz said, asked about it' is Ortiz's; nor a verb with its object before
#: the next quote: '"...," described the impact as "..."').
_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,.;:!?“”\"’»-]*(?:(?![^,]*\b{SPEECH}\b)[^,.;:!?“”\"]{{1,60}},\s+)?(?!(?-i:Reads?\b)|{_TOLD}){SPEECH}\s+(?![^,.;:!?“”\"]{{1,120}}\sas\s*[“\"])(?P<speaker>[^,.;:!?“”\"]{{1,120}})(?![\w'’-])", re.IGNORECASE
)

#: A document that reports what its authors found, a verb no person's speech takes as a cue:
#: '"...," the audit found', '"...," the agency's report finds'.
_DOCUMENT_FOUND = re.compile(
    r"^[\s,.;:!?“”\"’»-]*(?P<speaker>(?i:the|its|their|[A-Z][\w.-]*['’]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?-i:report|study|review|audit|analysis|investigation|inquiry|survey|poll|lawsuit|complaint|indictment|memo|ruling|filing))"
    r"\s+(?:also\s+)?(?:found|finds)\b"
)


_MAX_SPEAKER_WORDS = 14


def opening_cue(after: str, offset: int) -> tuple[str, int, int] | None:
    """The speaker a cue standing right after the quote names ('"...," said X', '"...," X, an aide,
    said of it'), and where the cue's verb (or, verb first, its speaker) ends: what follows may run
    on as it likes. ``after`` is masked and stands at article offset ``offset``."""
    for pattern in (_AFTER_VERB_FIRST, _AFTER_SPEAKER_FIRST, _DOCUMENT_FOUND):
        m = pattern.match(after)
        speaker = m.group("speaker").strip() if m else ""
        if pattern is _AFTER_VERB_FIRST:
            speaker = "" if _PRONOUN_CLAUSE.match(speaker) else _speaker_alone(speaker)
        if m and speaker and len(speaker.split()) <= _MAX_SPEAKER_WORDS and speaker.lower() not in NOT_SPEAKERS and (
            pattern is _AFTER_VERB_FIRST or not (NOT_NOUN_PHRASE_START.match(speaker) or _ENDS_OPEN.search(speaker))
        ):
            return (*_name_beside(after, m, offset), offset + m.end())
    return None


#: A cue between commas in the middle of a sentence, then what the speaker did next: ', she said, and offered'.
_CUE_THEN_AND = re.compile(
    rf"^[”\"’]?[^“”\"]{{0,80}}?,\s+(?P<speaker>(?i:he|she|they)|{NAME})\s+(?:said|says|added|adds|told\s+(?:reporters|journalists))"
    r"\s*,\s+(?:and|but|before|then)\s"
)
#: A name signed after the quote on its own line's end, behind a dash: '"..." — Ana Lund'.
_DASH_SIGNATURE = re.compile(rf"^[”\"’]?\s*[-–—]{{1,2}}\s*(?P<speaker>{NAME})\s*$")


def cue_after(after: str, offset: int) -> tuple[str, int] | None:
    """The speaker a cue after the quote names: '"...," said X', '"...," X said', '"...," and ..., X said.'
    (``after`` masked, standing at article offset ``offset``)."""
    opening = opening_cue(after, offset)
    if opening is not None:
        return opening[:2]
    m = ACCORDING.search(after) or _DASH_SIGNATURE.match(after)
    if m:
        return _person_of_body(m.group("speaker")), offset + m.start("speaker")  # "according to Ana Lund of Lund College"
    # '"...," and donations rose again last week, Ortiz said.': the cue closing the sentence
    m = CLOSING_CUE.search(after)
    if m and not (NOT_NOUN_PHRASE_START.match(m.group("speaker")) or _ENDS_OPEN.search(m.group("speaker").strip())) and len(
        m.group("speaker").split()
    ) <= 6:
        return m.group("speaker"), offset + m.start("speaker")
    # '"..." in the capital, she said, and offered condolences': a cue mid-sentence, before what the speaker did next
    m = _CUE_THEN_AND.match(after)
    if m:
        return m.group("speaker"), offset + m.start("speaker")
    # '"..." that meet the rules, Interior Department senior trial counsel Ann Lund wrote.': a long title, then the name
    m = _CLOSING_TITLED_NAME.search(after)
    if m and not NOT_NOUN_PHRASE_START.match(m.group("speaker")):
        return m.group("speaker"), offset + m.start("speaker")
    # '"...," unlike in the races before, when the parties did it, says Dana Roe, a pollster.'
    m = _CLOSING_VERB_FIRST.search(after)
    cue = _AFTER_VERB_FIRST.match(after[m.start() :]) if m else None
    speaker = _speaker_alone(cue.group("speaker").strip()) if m and cue else ""
    if m and cue and _CLOSING_SPEAKER.match(speaker) and len(speaker.split()) <= 8:
        return _name_beside(after[m.start() :], cue, offset + m.start())
    return None


def _name_beside(after: str, m: re.Match[str], offset: int) -> tuple[str, int]:
    """The speaker a cue pattern matched, or the name set beside it when it is a description:
    '"...," his wife, Ana Lund, wrote', '"...," said the party's campaign manager, Rob Kale, who ...'."""
    speaker = m.group("speaker")
    if "appositive" not in m.re.groupindex:
        speaker = _speaker_alone(speaker)  # a cue verb first: its speaker runs on to the comma
    if not (DESCRIBED.match(speaker) or ENDS_ON_ROLE.search(speaker) or _SOMEONES_ROLE.search(speaker)):
        return speaker, offset + m.start("speaker")
    appositive = m.groupdict().get("appositive")
    if appositive:
        name = re.fullmatch(rf"\s*{_ROLE_BEFORE_NAME}(?P<name>{NAME})\s*", unmask(appositive))
        at = m.start("appositive")
    else:
        name = _NAME_BESIDE.match(unmask(after), m.end("speaker"))
        at = 0
    if name is None:
        return speaker, offset + m.start("speaker")
    return name.group("name"), offset + at + name.start("name")


#: A subject never ends on a preposition or a determiner: '"..." spat grew after Lund refused to say', '"..." attacks
#: on the secretary of state', '..., the most of any state' (a verb in the infinitive, a noun shaped like a cue verb).
_ENDS_OPEN = re.compile(r"\s(?i:to|of|for|in|on|at|by|with|from|about|the|a|an|any|every|each)$")
#: What follows a speaker named after its cue verb and is no part of them: a clause, then a party tag.
_RUNS_ON = re.compile(
    r"\s+(?:when|while|after|before|who|whom|which|because|since|if|until|adding|saying|noting|as\s+(?:he|she|they|it|the|a|an|his|her))\b.*",
    re.DOTALL,
)
#: A clause of its own after a cue verb, not its speaker: '"moderates" said they would side with the Greens'.
_PRONOUN_CLAUSE = re.compile(r"(?i:he|she|they|it|we|i|you)\s+\w")


def _speaker_alone(speaker: str) -> str:
    """The speaker a cue verb names, without what runs on after them: '"...," said Sen. Ana Lund
    (D-Ore.) when asked about it', '"...," said Ana Lund of the Harbour Report'."""
    return _person_of_body(PARTY_TAG.sub("", _RUNS_ON.sub("", speaker)))


def _person_of_body(speaker: str) -> str:
    """A person named with the body they are of speaks, not the body: "Ana Lund of Lund College" is Lund."""
    named = person_of_body(unmask(speaker))
    return speaker[: named.end("name")] if named else speaker


#: Someone's role, named by whose it is: "Ohio Rep. Tom Vale's chief of staff", "the mayor's press aide".
_SOMEONES_ROLE = re.compile(r"[\w.\u2024-]+(?:['’]s|s['’])\s+(?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*\s*$")


#: Role words that may stand before the name set beside a description: "his rival, actress Ana Lund".
_ROLE_BEFORE_NAME = rf"(?:(?:former|then|(?i:{ROLE_NOUNS})|actress|actor|singer|comedian|host|economist|pastor|rabbi)s?\s+){{0,3}}"
#: The name set beside a description after its cue verb: '..., said the firm's chief, Ann Lee, on Monday'.
_NAME_BESIDE = re.compile(rf",\s+{_ROLE_BEFORE_NAME}(?P<name>{NAME})(?=\s*,|[.!?]?\s*$|\s+(?:on|in|at|during)\b)")
#: A closing cue whose speaker is a long run of title words ending on a name (too long for ``CLOSING_CUE``).
_CLOSING_TITLED_NAME = re.compile(
    rf",\s+(?P<speaker>(?:(?!(?:by|from|to|with|that|which|who|whom|when|where|and|or|but|is|was|were|are|has|had|if)\s)"
    rf"[\w.\u2024’'-]+\s+){{1,9}}{NAME}){AUXILIARIES}\s+{SPEECH}\b[^,“”\".!?]{{0,40}}[.!?]?\s*$"
)
#: A cue verb and its speaker closing the sentence, maybe with appositives: ", says Dana Roe, a pollster at Lund College."
_CLOSING_VERB_FIRST = re.compile(rf",\s+(?!{_TOLD})(?={speech_verbs(strict=True)}\s+[^,;“”\"]+(?:,\s[^,;“”\"]+){{0,3}}[.!?]?\s*$)")
#: How a speaker named after a closing cue verb begins: a capital, or a determiner of a description.
_CLOSING_SPEAKER = re.compile(r"[A-Z]|(?i:the|a|an|his|her|their|its|our)\s")
#: A cue and then its named speaker closing the sentence: ", said Ana Ruiz, a pollster at Lund College."
CLOSING_SAID = re.compile(
    rf",\s+(?:{speech_verbs(strict=True)})\s+(?P<speaker>{NAME})(?:,\s[^,;“”\"]{{1,120}})?[.!?]?\s*$"
)
#: A cue that closes the sentence after a comma: ", Ortiz said.", ", she told reporters Monday."
CLOSING_CUE = re.compile(rf",\s+(?P<speaker>[^,.;:!?“”\"]{{1,60}}?){AUXILIARIES}\s+{SPEECH}\b{_NOUN_BEFORE_VERB}[^,“”\".!?]{{0,40}}[.!?]?\s*$")
