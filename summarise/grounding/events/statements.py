"""Statement events: a side taking a position, found in a sentence and kept once per speaker.

A body or an office-holder taking a position (a condemnation, a warning, a claim, a briefing to
the press) is a ``statement`` event, one per speaker. A side that only gives the facts of a
happening is that happening's source, not a statement. One speaker is often named several ways
("the ministry", "a spokesperson", its minister), so those are folded into one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from summarise.grounding.actors import ActorCandidate
from summarise.grounding.events.background import BACKGROUND
from summarise.grounding.events.clauses import OPEN_QUOTES, QUOTED, mask_quotes, what_clause
from summarise.grounding.events.happenings import EventCandidate, actors_in, date_of
from summarise.grounding.events.speech import SPEECH, STRONG_PAST, STRONG_VERB, WEAK_VERB, speech_level
from summarise.grounding.events.voices import (
    FORUM,
    OFFICE,
    PARENTHETICAL,
    PRIVATE,
    mentions_between,
    statement_speaker,
    states_named,
)
from summarise.grounding.gazetteer import state_of
from summarise.grounding.quantities import find_quantities
from summarise.grounding.quotes import QuoteCandidate
from summarise.grounding.sentences import Sentence
from summarise.schemas import MAX_QUANTITIES, ActorKind, EventType, MatchStatus, Span, SpeakerType

_REPORTING = re.compile(r"\b(?:detected|tracked|flew|was hit|were hit|was listing|crossed|delayed)\b")
_INTRO = re.compile(
    r"^(?:(?:(?:On|In|At|Separately|Meanwhile|Later|Earlier|Also|Internationally|However|But|Still|For (?:its|his|her|their) part|"
    r"In response)\b[^,]{0,40},\s*)|(?:However|But|And|Meanwhile|Separately)\s+)?"
)
#: "has said", "had warned": a standing position or an earlier one, not this story's statement.
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?$", re.IGNORECASE)
_SUBJECT_NEGATED = re.compile(r"\b(?:not|never|n['’]t)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: A side giving the toll or the damage of a happening is its source, not a speaker of a position.
_FACTS = re.compile(
    r"\b(?:casualties|dead|killed|deaths|death toll|toll|detection|(?:was|were|been|being) (?:\w+ )?(?:hit|hurt|injured|wounded|destroyed|damaged|evacuated))\b",
    re.IGNORECASE,
)
_GENERIC_OFFICES = frozenset(
    {"spokesperson", "spokesman", "spokeswoman", "ministry", "embassy", "government", "military", "office", "department",
     "a spokesperson", "a spokesman", "a spokeswoman", "ministry spokesman", "ministry spokesperson", "ministry spokeswoman"}
)
_TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:also|later|separately|again|then|further|formally|publicly|quickly|immediately|strongly|firmly|earlier|swiftly|"
    r"subsequently|jointly|(?:late |early )?on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))+\s*$"
)
_HEAD = re.compile(
    r"minist(?:er|ry|ries)|spokes(?:person|man|woman)|officials?|president|premier|chancellor|secretary|ambassador|envoy|"
    r"governor|mayor|commander|chief|general|admiral|military|army|navy|forces|command|government|cabinet|department|"
    r"office|agency|embassy|council|parliament|police|court|authorities|administration|guard|leader|king|queen|diplomat"
)
_SPEECH_NOUN = re.compile(
    r"\b(?:a|an|the|its)\s+(?:\w+\s+){0,2}?(?:statement|communiqu[eé]|announcement|condemnation|protest|warning)\s+"
    r"(?:from|by|issued by)\s+(?P<speaker>(?:the\s+)?[^,;.“”\"]{2,60}?)(?=\s+(?:on|in|that|which|saying)\b|[,;.]|$)"
)
_SPEECH_ACT = re.compile(
    r"(?P<speaker>[^,;“”\"]{2,80}?)\s+(?:used|gave|delivered|made)\s+(?:a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:speech|address|statement)\b"
)
_TAIL_VERB_FIRST = re.compile(
    rf"[,”\"’]\s*(?:{WEAK_VERB}|{STRONG_VERB})\s+(?P<speaker>[^,;“”\"]{{2,80}}?)(?:,\s*(?P<apposition>[^;“”\"]{{2,120}}?))?\s*[.!?]?\s*$"
)
_TAIL_SPEAKER_FIRST = re.compile(
    rf"[,”\"’]\s+(?P<speaker>[^,;“”\"]{{2,80}}?)\s+(?P<verb>{WEAK_VERB}|{STRONG_VERB})\b(?P<rest>[^“”\"]*)$"
)


@dataclass
class Statement:
    """One sentence's position: whose it is, and how formally it is taken."""

    speaker: str
    level: int  # 2: a position verb (condemned, vowed); 1: said formally (in a statement, to reporters); 0: said
    phrase: str  # the words that name the speaker
    quoted: bool = False  # the sentence is the speaker's quotation
    sides: set[str] = field(default_factory=set)  # the speaker and the states or bodies it speaks for


def _people_of(actors: list[ActorCandidate]) -> set[str]:
    return {a.name for a in actors if a.kind == ActorKind.PERSON}


def _subject_ok(subject: str) -> bool:
    """A speaker's noun phrase standing right before its verb, not a clause that happens to end there."""
    bare = _TRAILING_ADVERBS.sub("", PARENTHETICAL.sub(" ", subject)).strip(" ,")
    if not bare or len(bare.split()) > 12 or _PERFECT.search(subject) or _SUBJECT_NEGATED.search(subject):
        return False
    if re.match(r"(?:while|when|as|if|because|although|though|after|before|since|once|unless)\b", bare, re.IGNORECASE):
        return False
    if re.search(r"\b(?:who|which|that|was|were|is|are|be|been|have|has|had|will|would)\b|\bto\s*$", bare):
        return False
    last = bare.split()[-1]
    return bool(re.search(r"[A-Z]", last)) or last.endswith(")") or bool(_HEAD.fullmatch(last.lower()))


def find_statement(s: Sentence, actors: list[ActorCandidate], quotes: list[QuoteCandidate]) -> Statement | None:
    """A body, a state or an office-holder taking a position in this sentence, and how formally."""
    text = mask_quotes(s.text)
    if text.lstrip()[:1] in OPEN_QUOTES:
        return _quote_led(s, text, actors, quotes)
    if BACKGROUND.search(text) or _REPORTING.search(text):
        return None
    intro = _INTRO.match(text)
    at = intro.end() if intro else 0
    place = re.match(r"In ([A-Z][\w’'. -]+),", text)  # "In Japan, defence authorities confirmed..."
    act = _SPEECH_ACT.match(text, at)
    if act:
        speaker = statement_speaker(act.group("speaker"), s.start + at, actors, "gave", text)
        if speaker:
            return Statement(speaker, 2, act.group("speaker"))
    noun = _SPEECH_NOUN.search(text)
    if noun:
        speaker = statement_speaker(noun.group("speaker"), s.start + noun.start("speaker"), actors, "issued", text)
        if speaker:
            return Statement(speaker, 2, noun.group("speaker"))
    verb = SPEECH.search(text, at)
    if verb is not None and "," in text[at : verb.start()] and text[at : verb.start()].rsplit(",", 1)[1].strip():
        verb = None  # "<what happened>, the ministry said": attributed at the end
    if verb is not None and _subject_ok(text[at : verb.start()]) and not text[verb.end() :].lstrip().startswith("by "):
        word = verb.group("verb")
        if word.endswith("s") and not re.match(r"\s+(?:that|it|its|they|he|she|there)\b", text[verb.end() :]):
            return None  # "China claims most of the sea": a standing claim, not a statement
        subject_from = 0 if place and state_of(place.group(1).strip()) else at
        subject = text[subject_from : verb.start()]
        speaker = statement_speaker(subject, s.start + subject_from, actors, word, text)
        level = max(speech_level(word, text), 2 if STRONG_PAST.search(text, verb.end()) else 0)
        if speaker and level == 0 and not re.search(r"spokes", subject, re.IGNORECASE) and speaker in _people_of(actors):
            return None  # a person who only "said" something makes a remark, not a statement
        if speaker and (level == 2 or not _FACTS.search(text[verb.end() :])):
            return Statement(speaker, level, subject)
        return None
    return _tail_statement(s, text, actors)


def _tail_statement(s: Sentence, text: str, actors: list[ActorCandidate]) -> Statement | None:
    """A position attributed at the end ("..., the minister said on Friday"): a statement only when
    it is formal and the position is the speaker's own words or given to a public forum."""
    m = _TAIL_SPEAKER_FIRST.search(text) or _TAIL_VERB_FIRST.search(text)
    if m is None or not re.match(r"(?:the|a|an|one|[A-Z])", m.group("speaker").strip()):
        return None
    if _PERFECT.search(m.group("speaker") + " ") or re.search(r"\b(?:a|an|the|and|or|of|was|were|is|are|be|been)\s*$", m.group("speaker")):
        return None
    if re.match(r"(?:in|on|at|to|from|with|by|for|of)\b", m.group("speaker").strip(), re.IGNORECASE):
        return None
    if (m.groupdict().get("verb") or "said").endswith("s") and not re.match(r"\s+(?:that|it|its|they|he|she|there)\b", text[m.end("verb") :] if m.groupdict().get("verb") else ""):
        return None
    phrase = m.group("speaker") + (", " + m.group("apposition") if "apposition" in m.groupdict() and m.group("apposition") else "")
    verb = m.groupdict().get("verb") or "said"
    speaker = statement_speaker(phrase, s.start + m.start("speaker"), actors, verb, text)
    level = speech_level(verb, text)
    quoted = bool(QUOTED.search(s.text[: m.start() + 1]))
    if speaker and (level == 2 or (level == 1 and (quoted or FORUM.search(text)))):
        return Statement(speaker, level, phrase)
    return None


def _quote_led(s: Sentence, text: str, actors: list[ActorCandidate], quotes: list[QuoteCandidate]) -> Statement | None:
    """'"...," said X': X's words are a statement when X holds an office or speaks for a body and
    the words are a position, not the toll or the damage of a happening X reports."""
    close = max(text.rfind("”"), text.rfind('"'), text.rfind("’"))
    tail = text[max(0, close) :]
    words = s.text[: max(0, close)]
    m = _TAIL_VERB_FIRST.search(tail) or _TAIL_SPEAKER_FIRST.search(tail)
    if m is not None:
        phrase = m.group("speaker") + (", " + m.group("apposition") if "apposition" in m.groupdict() and m.group("apposition") else "")
        verb = m.groupdict().get("verb") or "said"
        speaker = statement_speaker(phrase, s.start + max(0, close) + m.start("speaker"), actors, verb, text)
        level = speech_level(verb, text)
    elif SPEECH.search(tail):
        return None  # attributed here, to someone the rules cannot place
    elif s.text.rstrip()[-1:] in "”\"’":
        return None  # a quotation that closes here with no attribution continues an earlier speaker
    else:
        # the quotation runs on past this sentence: its speaker is named elsewhere
        quote = next((q for q in quotes if s.start <= q.span.start <= s.start + 2), None)
        if quote is None or not quote.speaker or quote.speaker_type not in (SpeakerType.OFFICIAL, SpeakerType.ORGANISATION):
            return None
        if PRIVATE.search(" ".join(filter(None, (quote.speaker, quote.speaker_role)))):
            return None
        speaker, level, phrase = quote.speaker, 0, quote.speaker
    if speaker is None or (level < 2 and _FACTS.search(words)):
        return None
    if level == 0 and speaker in _people_of(actors) and not re.search(r"spokes", phrase + " " + _role_of(speaker, actors), re.IGNORECASE):
        return None  # an office-holder's quotation is a remark; a spokesperson's is the body's position
    return Statement(speaker, level, phrase, quoted=True)


def _role_of(name: str, actors: list[ActorCandidate]) -> str:
    return next((a.role or "" for a in actors if a.name == name), "")


def better_statement(said: Statement, held: Statement) -> bool:
    """The sentence that reports a speaker's position, over their quotation."""
    return held.quoted and not said.quoted and said.level >= 1


def speaker_sides(said: Statement, s: Sentence, actors: list[ActorCandidate]) -> set[str]:
    """The speaker, and the states and bodies its words name it by ("Japan's Defence Minister X")."""
    sides = {said.speaker}
    start = s.text.find(said.phrase)
    if start >= 0:
        sides |= {a.name for _, a in mentions_between(s.start + start, s.start + start + len(said.phrase), actors)}
        sides |= set(states_named(said.phrase, [], actors))
    person = next((a for a in actors if a.name == said.speaker and a.kind == ActorKind.PERSON), None)
    if person is not None and person.affiliation:
        sides |= {a.name for a in actors if a.name == person.affiliation or a.name in person.affiliation}
        sides |= set(states_named(person.affiliation, [], actors))
        state = state_of(person.affiliation)
        if state is not None:
            sides.add(next((a.name for a in actors if state_of(a.name) is state), state.name))
    return sides


def same_speaker(said: Statement, held: dict[str, tuple[EventCandidate, Statement]]) -> str:
    """One speaker under two names: an office named alone ("the ministry", "a spokesperson") is
    the body last heard; "the embassy" is the Russian embassy named before; a minister of a
    state that has spoken as a whole ("Malaysia urged...") speaks for it."""
    if said.speaker in held or not held:
        return said.speaker
    if not said.speaker[:1].islower():
        states = [side for side in said.sides if side in held and side != said.speaker and state_of(side)]
        return states[0] if states and OFFICE.search(said.phrase) else said.speaker
    if said.speaker not in _GENERIC_OFFICES:
        return said.speaker
    head = said.speaker.split()[-1]
    for speaker, (_, earlier) in reversed(held.items()):
        if re.search(rf"\b{re.escape(head)}\b", earlier.phrase, re.IGNORECASE):
            return speaker
    return next(reversed(held))


def statement_candidate(s: Sentence, found: Statement, article_date: dt.date | None, actors: list[ActorCandidate]) -> EventCandidate:
    date_text, day = date_of(s.text, article_date, EventType.STATEMENT)
    return EventCandidate(
        sentence=s.text,
        span=Span(start=s.start, end=s.end, status=MatchStatus.EXACT),
        type=EventType.STATEMENT,
        date_text=date_text,
        date=day,
        place=None,
        quantities=find_quantities(s.text)[:MAX_QUANTITIES],
        actors=actors_in(s.start, s.end, s.text, actors),
        paragraph=s.paragraph,
        last_paragraph=s.paragraph,
        what=_statement_what(s.text),
        speaker=found.speaker,
    )


def _statement_what(sentence: str) -> str:
    """A statement's clause: the speaker and the position, without what follows a break."""
    if sentence.lstrip()[:1] in OPEN_QUOTES:
        return what_clause(sentence, 0, len(sentence))
    text = mask_quotes(sentence)
    end = min((m.start() for m in re.finditer(r";\s|\s[—–]\s|,\s+(?:saying|adding|citing|in the latest|in a move)\b", text)), default=len(text))
    return what_clause(sentence, 0, end)
