"""An event read off its own clause: when, where, what figures, who did it and who took part.

Each happening in a sentence takes its day, place, figures and actors from its own clause, so
two happenings told in one sentence do not lend each other a day or a place. A reported
happening's day is the day it happened, not the day it was reported ("said on Friday").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from summarise.grounding.actors import ActorCandidate
from summarise.grounding.dates import find_date_phrases, resolve_date
from summarise.grounding.events.clauses import clause_bounds, mask_quotes, what_clause
from summarise.grounding.events.triggers import Hit
from summarise.grounding.gazetteer import CALENDAR_NAMES, ORGANISATION_WORDS, PLACE_KINDS, PLACE_WORDS, state_of
from summarise.grounding.quantities import find_quantities
from summarise.grounding.sentences import Sentence
from summarise.schemas import MAX_QUANTITIES, ActorKind, EventType, MatchStatus, Quantity, Span

_SOURCE = re.compile(r"\b(?:said|says|told|reported|confirmed|according to|announced)\b")
#: Triggers whose nearest actor is not the doer: the detector of a launch, the victims of a toll.
_NO_AGENT = re.compile(r"(?:detected|killing|wounding|injuring)\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|been|be|being)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: Verbs of attack whose object is where it fell when that is a place: "missiles struck Kyiv".
_STRUCK = r"struck|strikes|hit|hits|shelled|bombed|bombarded|pounded|targeted|attacked|raided|invaded"
_PLACE_AFTER = {
    EventType.MISSILE_LAUNCH: r"into|off|over|from near|from|toward|towards|near|in",
    EventType.WEAPONS_TEST: r"at|in|near|from|over",
    EventType.MILITARY_EXERCISE: r"around|near|in|off|at|along",
    EventType.ATTACK: rf"near|in|on|at|along|off|inside|across|throughout|{_STRUCK}",
    EventType.VISIT: r"to|in|into|at",
    EventType.MEETING: r"in|at",
    EventType.OTHER: r"in|near|off|at|to|on",
}
#: "east of Taiwan": a bearing from a place names the place.
_BEARING = (
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|"
    rf"(?:{PLACE_KINDS})\s+of"
)
_INSTITUTION_WORDS = ORGANISATION_WORDS - PLACE_WORDS
#: Lower-case words that count or point before a name, never lead a place's name.
_COUNTING_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozens",
     "several", "many", "some", "few", "both", "all", "its", "their", "his", "her", "our", "these", "those"]
)
#: A place's name, maybe after a lower-case word ("southern Lebanon", "a Kyiv suburb"), never one letter ("a
#: U.S air raid"); after a determiner, never the doer of an attack ("an Islamist rebel raid").
_PROPER_PLACE = (
    r"(?:(?:a|an)\s+(?![A-Z][\w'’-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:attacks?|strikes?|raids?|assaults?|offensives?|bombings?|ambush(?:es)?|"
    r"operations?|drones?|missiles?|rockets?|fighters?|forces|troops|militants?|gunmen)\b)|(?!(?:a|an)\s)[a-z]+\s+)?"
    r"(?:[A-Z][\w'’-]+)(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,3}"
)
_SEA_PLACE = r"(?:waters?|sea|coast|ocean)\b(?:[^,.;]{0,50}?)(?=,|\.|;|\s+(?:on|at|around|before|after|from|and then|during|in the)\b|$)"
#: The words right after a mishap's verb, where its place stands: "derailed at Milton", "capsized off the coast of X"
#: (a place told earlier in the sentence is often where the journey began: "travelling from X to Y when it derailed").
_RIGHT_AFTER = re.compile(r"[^,;.!?]*")
#: The news a background happening is placed against: "Before Monday's launch", "a day after ...".
_REFERENCE_POINT = re.compile(r"\b(?:before|after|since|prior to)\s+(?:the\s+)?[\w’'-]+[’']s\s+[^,]{0,40}", re.IGNORECASE)
#: "N days after": what stands on either side happened on different days.
_OTHER_DAY_LINK = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+(?:before|after|earlier|later)\b", re.IGNORECASE)


@dataclass
class EventCandidate:
    """A sentence that reports a happening, with what can be read off it."""

    sentence: str
    span: Span
    type: EventType
    date_text: str | None = None
    date: dt.date | None = None
    place: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    paragraph: int = 0
    last_paragraph: int = 0  # the last paragraph that told of this happening
    what: str = ""  # the clause that reports it, in the article's words
    speaker: str | None = None  # for a statement: who took the position
    earlier: bool = False  # told as having happened before the story's news
    agent: str | None = None  # the actor named nearest before the trigger: who did it
    participants: list[str] = field(default_factory=list)  # who took part (not who reported it)
    first_told: int = -1  # where the story first tells of it (a merge may move ``span`` later)
    trigger: str = ""


_REPORTED_ON = re.compile(r"\b(?:said|reported|announced|told \w+)\s+(?:on\s+)?$")


def date_of(text: str, article_date: dt.date | None, kind: EventType, offset: int = 0, whole: str | None = None) -> tuple[str | None, dt.date | None]:
    """When it happened; for a reported happening, not the day it was reported ("said on Friday")."""
    context = whole if whole is not None else text
    phrases = find_date_phrases(text)
    if kind != EventType.STATEMENT:
        phrases = [p for p in phrases if not _REPORTED_ON.search(context[: offset + p[1]])]
    for words, _, _ in phrases:
        day = resolve_date(words, article_date)
        if day is not None:
            return words, day
    return (phrases[0][0], None) if phrases else (None, None)


def _place(text: str, kind: EventType, people: set[str]) -> str | None:
    """Where it happened: a named place after a preposition that suits the event's kind."""
    preps = _PLACE_AFTER.get(kind)
    if preps is None:
        return None
    for m in re.finditer(rf"\b(?:{preps}|{_BEARING})\s+(?:the\s+)?(?P<place>{_PROPER_PLACE}|{_SEA_PLACE})", text):
        place = m.group("place").strip()
        words = place.split()
        proper = [w for w in words if w[:1].isupper()]
        if not proper and not re.match(r"(?:waters?|sea|coast|ocean)\b", place):
            continue
        if proper and (proper[0] in CALENDAR_NAMES or place in people) or words[0] in _COUNTING_WORDS:
            continue  # "in two US missile strikes": a count of things, not a place
        state = state_of(place)
        demonym = state_of(proper[-1]) if proper else None
        if (state is not None and place in state.demonyms) or (demonym is not None and proper[-1] in demonym.demonyms and len(proper) == 1) or re.search(r"[’']s$", place) or set(words) & _INSTITUTION_WORDS:
            continue  # "in Israeli attacks", "on Ukraine’s capital", "to the official news agency": not a place
        geographic = re.match(r"(?:waters?|sea|coast|ocean)\b", place) or set(words) & PLACE_WORDS or state or any(
            state_of(w) for w in proper
        )
        if kind == EventType.MISSILE_LAUNCH and not geographic and not m.group(0).startswith(("from", "near")):
            continue
        if not geographic and re.match(_STRUCK, m.group(0)):
            continue  # "struck Hezbollah positions", "attacked Klymenko": whom, not where
        return re.sub(r"^(?:a|an)\s+", "", place)[:80]  # "in a Varn police station": Varn
    return None


def actors_in(start: int, end: int, sentence: str, actors: list[ActorCandidate], offset: int | None = None) -> list[str]:
    """Actors named in ``sentence`` (which starts at ``offset`` in the article, default ``start``)."""
    base = start if offset is None else offset
    names: list[tuple[int, str]] = []
    for actor in actors:
        inside = [m.start for m in actor.mentions_between(start, end)]
        if inside:
            names.append((inside[0], actor.name))
        elif actor.kind == ActorKind.STATE:
            state = state_of(actor.name)
            demonyms = state.demonyms if state else ()
            hit = next(
                (
                    base + m.start()
                    for d in demonyms
                    for m in re.finditer(rf"(?<![\w]){re.escape(d)}(?![\w])", sentence)
                    if start <= base + m.start() < end
                ),
                None,
            )
            if hit is not None:
                names.append((hit, actor.name))
    return [n for _, n in sorted(names)]


def _agent(s: Sentence, clause_start: int, trigger_start: int, actors: list[ActorCandidate]) -> str | None:
    """Who did it: the actor named nearest before the trigger in its clause, after any source
    ("Seoul said Pyongyang fired": Pyongyang)."""
    before = s.text[clause_start:trigger_start]
    source = list(_SOURCE.finditer(before))
    lo = clause_start + (source[-1].end() if source else 0)
    found: list[tuple[int, str]] = []
    for actor in actors:
        found += [(m.start - s.start, actor.name) for m in actor.mentions_between(s.start + lo, s.start + trigger_start)]
        state = state_of(actor.name) if actor.kind == ActorKind.STATE else None
        for d in state.demonyms if state else ():
            found += [
                (lo + m.start(), actor.name) for m in re.finditer(rf"(?<![\w]){re.escape(d)}(?![\w])", s.text[lo:trigger_start])
            ]
    return max(found)[1] if found else None


def events_of_sentence(
    s: Sentence, hits: list[Hit], article_date: dt.date | None, actors: list[ActorCandidate], people: set[str]
) -> list[EventCandidate]:
    """One event per happening the sentence reports, each read off its own clause."""
    text = mask_quotes(s.text)
    found: list[EventCandidate] = []
    for i, hit in enumerate(hits):
        start, end = clause_bounds(text, hit, hits, first=i == 0)
        clause = s.text[start:end]
        alone = len(hits) == 1
        if alone and not hit.earlier:
            date_text, day = date_of(s.text, article_date, hit.type)
        else:
            own, own_end = clause_bounds(text, hit, hits, first=False)
            words = s.text[own:own_end]
            if hit.earlier:  # "Before Monday's launch, Iran had fired...": Monday is the news's day, not this one's
                words = _REFERENCE_POINT.sub(lambda m: " " * len(m.group(0)), words)
            date_text, day = date_of(words, article_date, hit.type, own, s.text)
            if date_text is None and not hit.earlier and not _OTHER_DAY_LINK.search(text):
                date_text, day = date_of(s.text, article_date, hit.type)  # "hours before": the same day
        elsewhere = s.text
        for other in hits:
            if other is not hit:  # another happening's clause names another place
                a, b = clause_bounds(text, other, hits, first=False)
                elsewhere = elsewhere[:a] + " " * (b - a) + elsewhere[b:]
        place = (
            _place(_RIGHT_AFTER.match(s.text, hit.end).group(0), hit.type, people) if hit.type == EventType.OTHER else None
        ) or _place(clause, hit.type, people) or _place(elsewhere, hit.type, people)
        quantities = find_quantities(s.text if alone else clause)[:MAX_QUANTITIES]
        found.append(
            EventCandidate(
                sentence=s.text,
                span=Span(start=s.start, end=s.end, status=MatchStatus.EXACT),
                type=hit.type,
                date_text=date_text,
                date=day,
                place=place,
                quantities=quantities,
                actors=actors_in(s.start + (0 if alone else start), s.start + (len(s.text) if alone else end), s.text, actors, s.start),
                paragraph=s.paragraph,
                last_paragraph=s.paragraph,
                what=what_clause(s.text, start, end),
                earlier=hit.earlier,
                agent=None if _NO_AGENT.match(text[hit.start : hit.end]) or _PASSIVE.search(text[: hit.start]) else _agent(s, start, hit.start, actors),
                trigger=text[hit.start : hit.end],
            )
        )
        found[-1].participants = _participants(s, found[-1], start, end, actors)
        found[-1].first_told = s.start
    return found


def _participants(s: Sentence, event: EventCandidate, start: int, end: int, actors: list[ActorCandidate]) -> list[str]:
    """Who took part: the doer of a strike or a launch (its target may well answer it); everyone
    named in the clause of a meeting, a visit, a drill or a sanction, less whoever reports it."""
    if event.type in (EventType.ATTACK, EventType.MISSILE_LAUNCH, EventType.WEAPONS_TEST):
        return [event.agent] if event.agent else []
    source = list(_SOURCE.finditer(s.text, start, end))
    lo = source[-1].end() if source and source[-1].start() < s.text.find(event.trigger, start) else start
    return actors_in(s.start + lo, s.start + end, s.text, actors, s.start)
