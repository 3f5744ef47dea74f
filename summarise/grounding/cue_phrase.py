"""The words in a quote's own sentence that name its speaker, read from the sentence's shape alone.

Attribution follows the shapes news writing uses: '"...," X said', '"...," said X, an analyst
at Y', 'X said: "..."', 'X said the allies had "..."', 'according to X', and a pronoun
("he noted") that points at the person last named before it. Whom the phrase stands for is
``speaker_of_phrase``'s question: it needs the article's people, this needs only the sentence.
"""

from __future__ import annotations

import re

from summarise.grounding.actors import NAME
from summarise.grounding.cues import speech_verbs
from summarise.grounding.gazetteer import ROLE_NOUNS
from summarise.grounding.sentences import TITLE_ABBREVIATIONS, Sentence

SPEECH = speech_verbs()
#: Words between a speaker and the cue: "he has pointed out", "she later added", "she went on to say".
AUXILIARIES = r"(?:\s+(?:has|have|had|also|later|then|further|once|again|simply|recently|(?:went|goes|go)\s+on\s+to|continued\s+to))*"
#: Who a person is, between their name and the cue: ", 30, of Flint, Mich., who was polled,".
_AGE_AND_HOME = r"(?:,\s(?:\d{1,3}|[A-Z][\w.\u2024'’-]*(?:\s[A-Z][\w.\u2024'’-]*){0,2}|(?:of|from|who|whose)\s[^,;“”\"]{1,100}))+,"
#: A participle and its agent are no cue ('"..." riders added by the committee'); a means is ("said by telephone").
_NOT_PASSIVE = r"(?!\s+by\s+(?!(?:tele)?phone|e-?mail|text|letter|video|fax|mail|satellite|radio|cable|wire|way)\b)"
#: A relative clause the writer left without its closing comma: ", who chairs the fund said".
_WHO_UNCLOSED = rf",\s(?:who|whose)\s[^,;“”\"]{{1,100}}?(?=\s+(?-i:{speech_verbs(strict=True)})\b)"
_AFTER_SPEAKER_FIRST = re.compile(
    rf"^[\s,.;:!?“”\"’»-]*(?P<speaker>[^,.;:!?“”\"]{{1,80}}?)(?:,\s(?P<appositive>[^,;]{{1,100}}),|,\s(?:the|a|an)\s[^,;]{{1,100}}|{_AGE_AND_HOME}|{_WHO_UNCLOSED})?{AUXILIARIES}\s+(?-i:{SPEECH})\b{_NOT_PASSIVE}",
    re.IGNORECASE,
)
#: '"...," said X' and '"..." in the last election, said X': a short phrase may stand between quote and cue
#: (not a cue of its own: '"...," Ortiz said, asked about it' is Ortiz's).
_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,.;:!?“”\"’»-]*(?:(?![^,]*\b{SPEECH}\b)[^,.;:!?“”\"]{{1,60}},\s+)?(?!(?-i:Reads?\b)){SPEECH}\s+(?P<speaker>[^,.;:!?“”\"]{{1,80}})", re.IGNORECASE
)
#: The agent of a passive report: "the shelling was described by villagers as "..."".
_BY_AGENT = re.compile(
    r"\b(?:described|called|labell?ed|termed|branded|characteri[sz]ed|denounced|hailed|dismissed)\s+by\s+"
    r"(?P<speaker>[^,.;:!?“”\"]{1,80}?)\s+as\s*$",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"according to (?P<speaker>[^,.;:!?“”\"]{1,80})", re.IGNORECASE)


#: Short forms whose full stop is part of a name: the titles, suffixes and ranks.
_MASKED = TITLE_ABBREVIATIONS | {"jr", "sr", "no", "cpl", "pvt", "brig", "insp", "ft", "mt"}
_ABBREVIATED = re.compile(
    rf"\b(?:{'|'.join(sorted((w.capitalize() for w in _MASKED), key=lambda w: (-len(w), w)))})\.|\b(?:[A-Z]\.){{2,}}"
    r"|\b[A-Z][a-z]+ [A-Z]\.(?= [A-Z][a-z])"  # a middle initial: "George W. Bush", "Harry M. Reid"
    r"|(?<![\w.])[A-Z]\.(?= [A-Z][a-z])"  # a leading initial: "J. Gerald Hobart"
    r"|\((?:[A-Z]|Ind|Dem|Rep)-[A-Z][\w. ]{0,12}\)"  # a party and state tag: "(D-Nev.)", "(R-S.C.)"
)
_MASK = "\u2024"  # one dot leader: same length as a full stop, so offsets hold


def mask(text: str) -> str:
    """Hide the full stops of abbreviations ("Col.", "U.S.") so they do not end a speaker's name."""
    return _ABBREVIATED.sub(lambda m: m.group(0).replace(".", _MASK), text)


def unmask(text: str) -> str:
    return text.replace(_MASK, ".")


def sentence_text(sentence: Sentence, start: int, end: int) -> str:
    """The part of a sentence between two article offsets."""
    return sentence.text[max(0, start - sentence.start) : max(0, end - sentence.start)]


#: A speech verb as a participle after a comma: its subject is the sentence's own.
PARTICIPLE_CUE = re.compile(r",\s+(?:saying|telling|adding|noting|asking|arguing|warning|insisting|writing|declaring|explaining|tweeting)\b")
#: The name that opens a sentence (after "On Friday," and the like), as the subject of its verb.
#: (its title words too: "Republican presidential candidate Ana Lund took to Twitter, writing").
_SENTENCE_SUBJECT = re.compile(
    rf"^\s*(?:[A-Z][^,]{{0,40}},\s+)?(?P<subject>(?:he|she|they|it)\b|(?!(?:In|On|At|As|After|Before|When|While|During|With|For|From|By|The|A|An)\b)"
    rf"(?:[A-Z][\w’'-]*\s+(?:(?i:{ROLE_NOUNS}|presidential|candidate|nominee|hopeful|front-?runner|campaign)s?\s+){{1,3}}(?=[A-Z]))?{NAME})(?=\s+[a-z])"
)
#: Words a speaker named after the quote never begins with: those are a clause that runs on
#: from the quote ('"..." by using its grants to press the regions to ...').
NOT_NOUN_PHRASE_START = re.compile(
    r"(?!Will\s+[A-Z])"  # a first name, not the modal: "Will Estrada, the party chairman, said"
    r"(?i:by|to|in|on|for|with|from|at|as|because|while|when|after|before|if|and|but|or|than|that|which|so|"
    r"then|not|of|into|over|under|about|against|during|since|until|through|via|is|was|were|are|has|had|will|would|"
    r"who|whom|whose|where)\b"
    r"|[a-z]+ed\s+(?:by|in|at|on|to|for|with)\b"  # '"..." fostered by Ortiz and his allies, the groups say'
)


def speaker_phrase(sentence: Sentence, q_start: int, q_end: int, others: list[tuple[int, int]]) -> tuple[str | None, int]:
    """The words that name the speaker in the quote's own sentence, and where they stand."""
    after_stop = min([a for a, _ in others if a > q_end] + [sentence.end])
    after = mask(sentence_text(sentence, q_end, after_stop))
    found = _cue_after(after, q_end)
    if found is None:
        before_start = max([b for _, b in others if b < q_start] + [sentence.start])
        before = mask(sentence_text(sentence, before_start, q_start - 1))  # q_start is past the opening mark
        m = _ACCORDING.search(before) or _BY_AGENT.search(before) or _NAME_COLON.match(before) or _SAID_NAME.search(before)
        if m and not _WHO_SHAPED.search(m.group("speaker")):
            m = None  # "according to its figures": a source that is nobody; the verb's subject speaks
        found = (m.group("speaker"), before_start + m.start("speaker")) if m else _subject_of_last_verb(before, before_start)
        if found is None and PARTICIPLE_CUE.search(before):
            # "the mayor spoke for an hour, telling the crowd, "..."": the participle's subject is the sentence's
            lead = _SENTENCE_SUBJECT.match(before)
            found = (lead.group("subject"), before_start + lead.start("subject")) if lead else None
    if found is None and after_stop < sentence.end:
        # '... found "no ties," apart from the two knowing each other "slightly," said the director.':
        # one cue after the sentence's last quote gives the words of every quote before it
        next_end = min(b for a, b in others if a == after_stop)
        tail = sentence_text(sentence, next_end, sentence.end)
        if not re.search(r"[“”\"]", tail[1:]):
            found = _cue_after(mask(tail), next_end)
    if found is None:
        return None, -1
    return unmask(found[0]).strip(), found[1]


_MAX_SPEAKER_WORDS = 14


def _cue_after(after: str, offset: int) -> tuple[str, int] | None:
    """The speaker a cue after the quote names: '"...," said X', '"...," X said', '"...," and ..., X said.'
    (``after`` masked, standing at article offset ``offset``)."""
    for pattern in (_AFTER_VERB_FIRST, _AFTER_SPEAKER_FIRST):
        m = pattern.match(after)
        speaker = m.group("speaker").strip() if m else ""
        if pattern is _AFTER_VERB_FIRST:
            speaker = "" if _PRONOUN_CLAUSE.match(speaker) else _speaker_alone(speaker)
        if m and speaker and len(speaker.split()) <= _MAX_SPEAKER_WORDS and speaker.lower() not in _NOT_SPEAKERS and (
            pattern is _AFTER_VERB_FIRST or not (NOT_NOUN_PHRASE_START.match(speaker) or _ENDS_OPEN.search(speaker))
        ):
            return _name_beside(after, m, offset)
    m = _ACCORDING.search(after)
    if m:
        return m.group("speaker"), offset + m.start("speaker")
    # '"...," and donations rose again last week, Ortiz said.': the cue closing the sentence
    m = CLOSING_CUE.search(after)
    if m and not (NOT_NOUN_PHRASE_START.match(m.group("speaker")) or _ENDS_OPEN.search(m.group("speaker").strip())) and len(
        m.group("speaker").split()
    ) <= 6:
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
    if not (_DESCRIBED.match(speaker) or _ENDS_ON_ROLE.search(speaker)):
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
#: A clause of its own after a cue verb, not its speaker: '"liberals" said they would vote for the Greens'.
_PRONOUN_CLAUSE = re.compile(r"(?i:he|she|they|it|we|i|you)\s+\w")
_PARTY_TAG = re.compile(r"\s*\((?:[A-Z]|Ind|Dem|Rep)-[^()]{1,14}\)\s*$")


def _speaker_alone(speaker: str) -> str:
    """The speaker a cue verb names, without what runs on after them: '"...," said Sen. Ana Lund
    (D-Ore.) when asked about it'."""
    return _PARTY_TAG.sub("", _RUNS_ON.sub("", speaker))


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
_CLOSING_VERB_FIRST = re.compile(rf",\s+(?={speech_verbs(strict=True)}\s+[^,;“”\"]+(?:,\s[^,;“”\"]+){{0,3}}[.!?]?\s*$)")
#: How a speaker named after a closing cue verb begins: a capital, or a determiner of a description.
_CLOSING_SPEAKER = re.compile(r"[A-Z]|(?i:the|a|an|his|her|their|its|our)\s")
#: A name and a colon before the quote, as headlines, round-ups and transcripts write it: "Gov. Lund: “...”",
#: "Rep. Ana Lund (D-Ore.): "..."", "Turnout mattered most - Ana Lund: “...”" (two names: the one nearest the quote).
_NAME_COLON = re.compile(
    rf"^(?:.*\s[-–—]\s+)?\s*(?:(?:[A-Z][\w.’'\u2024-]*|of|the|former|state|(?i:{ROLE_NOUNS})s?)\s+){{0,5}}?"
    rf"(?:{NAME}(?:\s*\([^()]{{1,20}}\))?\s+(?:and|&)\s+(?:[A-Z][\w.’'\u2024-]*\s+){{0,3}}?)?(?P<speaker>{NAME}|[A-Z][\w'’-]+)(?:\s*\([^()]{{1,20}}\))?\s*:\s*$"
)
#: The cue before its speaker and the quote: "But, said Ortiz, "..."", "Then, adds Lund, "..."".
_SAID_NAME = re.compile(
    rf"(?:^|,)\s*(?:said|says|added|adds|wrote|writes|explained|explains|recalled|recalls)\s+"
    rf"(?P<speaker>(?:[A-Z][\w.’'\u2024-]*\s+){{0,3}}{NAME})\s*,\s*$"
)
#: A speaker phrase that describes rather than names: "his wife", "the group's lawyer".
_DESCRIBED = re.compile(r"(?i:the|a|an|his|her|their|its|our)\s|[A-Z][\w.\u2024-]*(?:['’]s|s['’])\s")
#: A cue and then its named speaker closing the sentence: ", said Ana Ruiz, a pollster at Lund College."
CLOSING_SAID = re.compile(
    rf",\s+(?:{speech_verbs(strict=True)})\s+(?P<speaker>{NAME})(?:,\s[^,;“”\"]{{1,120}})?[.!?]?\s*$"
)
#: A cue that closes the sentence after a comma: ", Ortiz said.", ", she told reporters Monday."
CLOSING_CUE = re.compile(rf",\s+(?P<speaker>[^,.;:!?“”\"]{{1,60}}?){AUXILIARIES}\s+{SPEECH}\b[^,“”\".!?]{{0,40}}[.!?]?\s*$")
_NOT_SPEAKERS = frozenset({"and", "but", "or", "then", "also", "as", "while", "which", "who", "that", "to"})
#: Speech verbs safe to look for before a quote (not "continued", "states": nouns and adjectives too).
SPEECH_VERB = re.compile(rf"\b{speech_verbs(strict=True)}\b")
_CLAUSE = re.compile(r"(?:[,;:]|\b(?:and|but|that|while|who|which|after|before|because|when)\b)")
_AUXILIARY = re.compile(r"(?:\s+(?:had|has|have|was|were|is|are|would|will|also|later|then|again|once|previously|repeatedly))+$", re.IGNORECASE)


def without_auxiliaries(text: str) -> str:
    """A subject without the auxiliaries and adverbs that follow it: "She also" is "She"."""
    return _AUXILIARY.sub("", " " + text.strip()).strip()


DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|this|that|these|those|our)|['’]s)\s+$", re.IGNORECASE)


#: A description that ends on its role noun, so that a name may stand beside it: "the state's attorney general".
_ENDS_ON_ROLE = re.compile(rf"\b(?i:{ROLE_NOUNS})s?\s*$")
#: Parts of an appositive chain between a name and its verb: ", 22", ", of Flint", ", Mich.", ", a lawyer".
_APPOSITIVE_PART = re.compile(r"^(?:\d{1,3}|(?:of|from|in|at|who|whose)\s.+|[A-Z][a-z]{1,4}\.|(?:an?|the)\s.+|\w+ing\b.*|[A-Z][a-z]+)$")


#: A noun phrase a relative pronoun after it stands for: "a banner" of "a banner that read".
_DESCRIBED_BEFORE = re.compile(r"\b(?i:an?|the|one|another)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s+$")


def _subject_of_last_verb(before: str, offset: int) -> tuple[str, int] | None:
    """The subject of the speech verb nearest the quote: "China's ministry said Liu had warned
    against "..."" is Liu's warning; an empty subject ("..., and said") falls back to an earlier verb."""
    for verb in reversed(list(SPEECH_VERB.finditer(before))):
        head = before[: verb.start()]
        if DETERMINER_BEFORE.search(head):
            continue  # an adjective, not a verb: "the North's continued development", "the reported launch"
        if re.match(r"\s+by\b", before[verb.end() :]):
            continue  # a passive ("his attacks were echoed by the campaign"): the agent after it is no subject
        if verb.group(0).endswith("ing") and re.search(r",\s*$", head):
            continue  # "Lund rejected the plan, saying ...": the participle's subject is the main clause's
        who = re.search(rf"(?P<name>{NAME})\s*,\s*who\s+$", head)
        if who:
            return who.group("name"), offset + who.start("name")  # "from Ana Ruiz, who declared "..."": Ruiz
        if re.search(r",\s*$", head):
            # skip the parentheticals between subject and verb: "X, in a post on social media, condemned",
            # "Tomas Ferreira, 22, of Braga, Port., said"
            parts = head.rstrip().rstrip(",").split(",")
            popped = 0
            while len(parts) > 1 and (popped == 0 or _APPOSITIVE_PART.match(parts[-1].strip())):
                last = parts.pop()
                popped += 1
            if popped == 1 and re.fullmatch(NAME, last.strip()) and _ENDS_ON_ROLE.search(parts[-1]):
                # "Ohio's attorney general, Pam Roe, vowed": the name beside the description speaks
                return last.strip(), offset + len(",".join(parts)) + 1 + len(last) - len(last.lstrip())
            head = ",".join(parts) + " "
        clauses = list(_CLAUSE.finditer(head))
        cut = clauses[-1].end() if clauses else 0
        chain = len(clauses)
        while chain and clauses[chain - 1].group(0) in ("who", "and"):
            chain -= 1  # "a member who joined in May and who asked not to be named": back to the first "who"
        if chain < len(clauses) and clauses[chain].group(0) == "who":
            start = clauses[chain - 1].end() if chain else 0
            if re.match(r"\s*(?i:an?|one|another|the|some|several|many)\s+[^,;]*$", head[start : clauses[chain].start()]):
                # "a party official who asked not to be named said": the one the relative clause is about speaks
                cut = start
        if re.fullmatch(r"\s*[A-Z][a-z]+ing\s+to\s*", head[cut:]):
            continue  # "Continuing to explain his view, Lund ...": a lead-in, not a subject
        subject = re.sub(r"\s+to$", "", without_auxiliaries(head[cut:]))
        described = _DESCRIBED_BEFORE.search(head[: clauses[-1].start()]) if clauses else None
        if not subject and described and clauses[-1].group(0) in ("who", "that", "which"):
            # "a banner that read", "met a man who said": the noun the relative pronoun stands for
            return described.group(0).strip(), offset + described.start()
        if re.search(rf"\s(?!\w+ing\b){SPEECH_VERB.pattern}\s+(?:that\s+)?(?i:he|she|they)\s*$", head):
            continue  # "Police sources have said he told them "..."": the sources report it, they speak
        if subject and subject.lower() not in _NOT_SPEAKERS and len(subject.split()) <= 12:
            return subject, offset + cut + (len(head[cut:]) - len(head[cut:].lstrip()))
    return None


#: A source that can be someone: a capitalised name or a role word ("according to its figures" is not).
_WHO_SHAPED = re.compile(rf"[A-Z]|\b(?i:{ROLE_NOUNS}|source|sources|people|aides?|allies)s?\b")
