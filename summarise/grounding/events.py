"""Event candidates: sentences that report something happening, with when, where and who.

A news story mixes reports ("North Korea fired a missile on Sunday") with background ("North
Korea has long used its missile program...") and comment ("Analysts see this as..."). Only the
first are events. Several sentences often report one happening (the launch, then its range);
they become one event, the first sentence kept and what the later ones add (a date, a place,
the range) added to it. One sentence may report two happenings ("fired missiles hours before the
president began a state visit"): each becomes an event.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from summarise.grounding.actors import ActorCandidate, find_actor_candidates
from summarise.grounding.dates import find_date_phrases, resolve_date
from summarise.grounding.gazetteer import PLACE_WORDS, state_of
from summarise.grounding.quantities import find_quantities
from summarise.grounding.sentences import Sentence, split_sentences
from summarise.schemas import (
    MAX_QUANTITIES,
    ActorKind,
    EventType,
    MatchStatus,
    Quantity,
    Span,
)

_PROJECTILE = r"(?:missiles?|rockets?|projectiles?|ICBMs?|SLBMs?|SRBMs?|IRBMs?)"
_DRONE = r"(?:drones?|shells?|artillery|bombs?)"
#: Trigger patterns per type, strongest first; a sentence may report more than one type.
_TRIGGERS: tuple[tuple[EventType, re.Pattern[str]], ...] = (
    (EventType.ATTACK, re.compile(
        rf"\b(?:struck(?! a (?:\w+ ){{0,2}}(?:note|tone|deal|chord|balance))|strikes? on|attacked|shelled|bombed|raided|rammed|sank|killing|killed|wounding|wounded|"
        rf"injuring|fired water cannons?|sideswiped|snatched|abducted|exchanged (?:artillery|fire|gunfire)|"
        rf"(?:{_DRONE}|{_PROJECTILE}) (?:hit|struck)|launched [^.;]*?(?:{_DRONE}|{_PROJECTILE})[^.;]*?\b(?:at|on|against)\b|"
        rf"in (?:the|an|a) (?:\w+ )?(?:air )?attack)\b", re.IGNORECASE)),
    (EventType.MISSILE_LAUNCH, re.compile(
        rf"\b(?:fired|launched|test-fired|lobbed)\b[^.;]*?\b{_PROJECTILE}|"
        rf"\b{_PROJECTILE}\b[^.;]*?\b(?:was|were)\s+(?:fired|launched)\b|\b{_PROJECTILE} launched\b|"
        rf"\bdetected [^.;]*?\b(?:{_PROJECTILE}|launch(?:es)?)\b", re.IGNORECASE)),
    (EventType.WEAPONS_TEST, re.compile(
        r"\b(?:tested|(?:ground|flight|nuclear|engine) test|conducted (?:a|an|its) (?:\w+ )?test|oversaw (?:a|an|the) (?:\w+ )?test|"
        r"tests? of (?:a|an|the|its|new|innovative)(?! ability)|saw tests)\b", re.IGNORECASE)),
    (EventType.MILITARY_EXERCISE, re.compile(
        r"\b(?:began|begun|held|conducted|staged|kicked off|started|wrapped up|concluded|opened|carried out)\b[^.;]*?"
        r"\b(?:drills?|exercises?|maneuvers|manoeuvres|war games|patrols)\b|"
        r"\b(?:drills?|exercises?)\b[^.;]*?\b(?:began|started|opened|ended)\b", re.IGNORECASE)),
    (EventType.SANCTION, re.compile(
        r"\b(?:sanctioned|imposed (?:new )?sanctions|adopted [^.;]*?sanctions|blacklisted|designated)\b", re.IGNORECASE)),
    (EventType.MEETING, re.compile(
        r"\b(?:met|held talks|held (?:a|an|their|its) (?:[\w-]+ ){0,2}(?:meeting|meetings|summit|call|talks)|"
        r"convened (?:[\w-]+ ){0,3}(?:meeting|meetings|session)|talks with [^.;]*? (?:on|in) \w+day)\b", re.IGNORECASE)),
    (EventType.VISIT, re.compile(
        r"\b(?:visited|visits|toured|tours|arrived in|flew (?:in)?to|inspected|inspects|"
        r"(?:began|begin|embarked on|paid|made|started) (?:a|an|his|her|their|its) [^.;]{0,40}?visit|"
        r"returned from (?:a|an|his|her|their) (?:\w+ )?(?:trip|visit|tour)|departed for (?:a|an) [^.;]{0,40}?visit)\b", re.IGNORECASE)),
)
#: A statement: a body (or a spokesperson) opening the sentence and then saying something.
_STATEMENT_VERB = re.compile(
    r"\b(?:said|told|announced|condemned|confirmed|stated|warned|urged|summoned|lodged|issued|rejected|denied|"
    r"accused|protested|expressed|emphasi[sz]ed|called on|reiterated|vowed|pledged|demanded|stating)\b"
)
_INTRO = re.compile(r"^(?:(?:On|In|Separately|Meanwhile|Later|Earlier|Also|Internationally)\b[^,]{0,40},\s*)?")
#: Words that mark background, habit, opinion or forecast rather than a happening.
_BACKGROUND = re.compile(
    r"\b(?:has long|have long|has repeatedly|have repeatedly|has often|routinely|typically|usually|historically|"
    r"in past years|in recent years|for decades|tends? to|every year|has consistently|have consistently|"
    r"is likely to|are likely to|is expected to|are expected to|is scheduled to|are scheduled to)\b|"
    r"\b(?:has|have) (?:\w+ )?(?:tested|launched|fired|conducted|held|staged|visited)\b|several times|"
    r"^(?:analysts|experts|observers|critics|officials|some analysts|many|if)\b",
    re.IGNORECASE,
)
_MODAL = re.compile(r"\b(?:will|would|could|may|might|should|plans? to|to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_WEAPON = re.compile(r"\b(?:missiles?|rockets?|engines?|weapons?|warheads?|bombs?|nuclear|ICBMs?|satellites?|hypersonic|launchers?)\b", re.IGNORECASE)
#: Types a sentence may report beside its main one ("fired missiles hours before ... began a state visit").
_SECOND_TYPES = {EventType.VISIT, EventType.ATTACK, EventType.MEETING, EventType.MISSILE_LAUNCH}
#: Types whose reports are one happening whoever is named first (a launch told by several sources).
_ANONYMOUS_TYPES = {EventType.MISSILE_LAUNCH, EventType.WEAPONS_TEST, EventType.MILITARY_EXERCISE, EventType.ATTACK}
#: Verbs that make a body's words a statement of position, not a report of facts.
_STRONG_STATEMENT = re.compile(
    r"\b(?:condemned|denounced|protested|lodged|summoned|rejected|denied|accused|urged|called on|vowed|pledged|"
    r"demanded|warned|said in (?:a|an) (?:\w+ )?(?:statement|commentary|post|advisory|speech)|issued (?:a|an) (?:\w+ )?statement|"
    r"said (?:on|late on|early on) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|did not pose|poses? no|"
    r"told (?:reporters|a news conference|a press conference|(?:a|the) (?:\w+ )?briefing)\b[^.;]{0,20}?\b(?:on|in)\b|"
    r"said it would|emphasi[sz]ed|confirmed (?:detection|they|it|the launch)|issued (?:a|an) (?:\w+ )?condemnation)\b"
)
_REPORTING = re.compile(r"\b(?:detected|tracked|flew|was hit|were hit|was listing|crossed|delayed)\b")
#: A later sentence about the same happening: its figures belong to that event.
_ANAPHORA = re.compile(r"\b(?:the|these|those) (?:missiles?|launch(?:es)?|tests?|projectiles?|drones?|attack|strike|engine|exercise|drills?)\b", re.IGNORECASE)
_WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
_MONTHS = frozenset(
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)
_CALENDAR_WORDS = _WEEKDAYS | _MONTHS
_PLACE_AFTER = {
    EventType.MISSILE_LAUNCH: r"into|off|over|from near|from|toward|towards|near|in",
    EventType.WEAPONS_TEST: r"at|in|near|from|over",
    EventType.MILITARY_EXERCISE: r"around|near|in|off|at|along",
    EventType.ATTACK: r"near|in|on|at|along|off|inside",
    EventType.VISIT: r"to|in|into|at",
    EventType.MEETING: r"in|at",
}
_PROPER_PLACE = r"(?:[a-z]+\s+)?(?:[A-Z][\w'’-]*)(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,3}"
_SEA_PLACE = r"(?:waters?|sea|coast|ocean)\b(?:[^,.;]{0,50}?)(?=,|\.|;|\s+(?:on|at|around|before|after|from|and then|during|in the)\b|$)"


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


def _types(sentence: str) -> list[EventType]:
    """Every kind of happening a sentence reports, strongest first."""
    if sentence.lstrip()[:1] in {'"', "“", "‘"} or _BACKGROUND.search(sentence):
        return []
    found: list[EventType] = []
    spans: dict[EventType, list[tuple[int, int]]] = {}
    for kind, pattern in _TRIGGERS:
        hits = [m.span() for m in pattern.finditer(sentence) if not _MODAL.search(sentence[: m.start()])]
        if kind == EventType.WEAPONS_TEST and not _WEAPON.search(sentence):
            hits = []
        if hits:
            found.append(kind)
            spans[kind] = hits
    if EventType.ATTACK in found and EventType.MISSILE_LAUNCH in found and any(
        a < d and c < b for a, b in spans[EventType.ATTACK] for c, d in spans[EventType.MISSILE_LAUNCH]
    ):
        found.remove(EventType.MISSILE_LAUNCH)  # missiles fired at a target are an attack
    if EventType.MISSILE_LAUNCH in found and EventType.WEAPONS_TEST in found:
        found.remove(EventType.WEAPONS_TEST)  # a test launch is a launch
    return found


def event_type(sentence: str) -> EventType | None:
    """The main kind of happening a sentence reports, or None when it reports none."""
    found = _types(sentence)
    return found[0] if found else None


def _is_statement(sentence: str, actors: list[ActorCandidate], start: int) -> bool:
    """A body, a state or a spokesperson opens the sentence and takes a position (condemns,
    protests, warns, announces), rather than passing on facts about the happening itself."""
    if _BACKGROUND.search(sentence) or _REPORTING.search(sentence):
        return False
    intro = _INTRO.match(sentence)
    at = intro.end() if intro else 0
    body = sentence[at:]
    verb = _STATEMENT_VERB.search(body)
    clause_free = re.sub(r",\s(?:which|who)\b[^,]*,", ",", body[: verb.start()]) if verb else ""
    if not verb or len(clause_free.split()) > 10:
        return False
    strong = _STRONG_STATEMENT.search(body) is not None
    subject = body[: verb.start()]
    first = min(
        ((m.start, a) for a in actors for m in a.mentions if start + at <= m.start < start + at + verb.start()),
        key=lambda f: f[0],
        default=None,
    )
    in_subject = [a for a in actors for m in a.mentions if start + at <= m.start < start + at + verb.start()]
    if any(a.kind == ActorKind.PERSON and re.search(r"spokes", a.role or "", re.IGNORECASE) for a in in_subject):
        return True
    if first is not None:
        actor = first[1]
        if actor.kind == ActorKind.PERSON:
            return bool(re.search(r"spokes", actor.role or "", re.IGNORECASE) or (strong and re.search(r"minister|official|secretary|ambassador", actor.role or "", re.IGNORECASE)))
        return strong
    return strong and bool(re.search(r"\b(?:officials|authorities|ambassador|government|secretary)\b", subject, re.IGNORECASE))


_REPORTED_ON = re.compile(r"\b(?:said|reported|announced|told \w+)\s+(?:on\s+)?$")


def _when(sentence: str, article_date: dt.date | None, kind: EventType) -> tuple[str | None, dt.date | None]:
    """When it happened; for a reported happening, not the day it was reported ("said on Friday")."""
    phrases = find_date_phrases(sentence)
    if kind != EventType.STATEMENT:
        phrases = [p for p in phrases if not _REPORTED_ON.search(sentence[: p[1]])]
    for words, _, _ in phrases:
        day = resolve_date(words, article_date)
        if day is not None:
            return words, day
    return (phrases[0][0], None) if phrases else (None, None)


def _place(sentence: str, kind: EventType, people: set[str]) -> str | None:
    """Where it happened: a named place after a preposition that suits the event's kind."""
    preps = _PLACE_AFTER.get(kind)
    if preps is None:
        return None
    for m in re.finditer(rf"\b(?:{preps})\s+(?:the\s+)?(?P<place>{_PROPER_PLACE}|{_SEA_PLACE})", sentence):
        place = m.group("place").strip()
        words = place.split()
        proper = [w for w in words if w[:1].isupper()]
        if not proper and not re.match(r"(?:waters?|sea|coast|ocean)\b", place):
            continue
        if proper and (proper[0] in _CALENDAR_WORDS or place in people):
            continue
        geographic = re.match(r"(?:waters?|sea|coast|ocean)\b", place) or set(words) & PLACE_WORDS or state_of(place)
        if kind == EventType.MISSILE_LAUNCH and not geographic and not m.group(0).startswith(("from", "near")):
            continue
        return place[:80]
    return None


def _actors_in(start: int, end: int, sentence: str, actors: list[ActorCandidate]) -> list[str]:
    names: list[tuple[int, str]] = []
    for actor in actors:
        inside = [m.start for m in actor.mentions if start <= m.start < end]
        if inside:
            names.append((inside[0], actor.name))
        elif actor.kind == ActorKind.STATE:
            state = state_of(actor.name)
            demonyms = state.demonyms if state else ()
            hit = next((m.start() for d in demonyms for m in re.finditer(rf"(?<![\w]){re.escape(d)}(?![\w])", sentence)), None)
            if hit is not None:
                names.append((start + hit, actor.name))
    return [n for _, n in sorted(names)]


def _same_happening(a: EventCandidate, b: EventCandidate, people: set[str]) -> bool:
    if a.type != b.type:
        return False
    if a.type not in _ANONYMOUS_TYPES and a.actors and b.actors:
        persons_a, persons_b = set(a.actors) & people, set(b.actors) & people
        if a.type in {EventType.MEETING, EventType.VISIT} and persons_a and persons_b and not persons_a & persons_b:
            return False
        if a.type not in {EventType.MEETING, EventType.VISIT} and a.actors[0] != b.actors[0]:
            return False
    if a.date and b.date:
        return a.date == b.date
    if a.date_text and b.date_text:
        return _date_key(a.date_text) == _date_key(b.date_text)
    return True


def _date_key(words: str) -> str:
    return re.sub(r"^(?:on|in|at|early|late)\s+", "", words.strip().lower())


def _merge(into: EventCandidate, found: EventCandidate) -> None:
    """The same happening told again: keep the first sentence, take what the later one adds."""
    if into.date is None and found.date is not None and into.type not in _ANONYMOUS_TYPES:
        # the later sentence pins the day: it is the more specific report of the happening
        into.sentence, into.span, into.paragraph = found.sentence, found.span, found.paragraph
    into.date, into.date_text = into.date or found.date, into.date_text or found.date_text
    into.last_paragraph = max(into.last_paragraph, found.paragraph)
    into.place = into.place or found.place
    _add_quantities(into, found.quantities)
    into.actors += [a for a in found.actors if a not in into.actors]


def _add_quantities(event: EventCandidate, quantities: list[Quantity]) -> None:
    known = {(q.unit, q.value, q.text) for q in event.quantities}
    for q in quantities:
        if (q.unit, q.value, q.text) not in known and len(event.quantities) < MAX_QUANTITIES:
            event.quantities.append(q)
            known.add((q.unit, q.value, q.text))


def _candidate(s: Sentence, kind: EventType, article_date: dt.date | None, actors: list[ActorCandidate], people: set[str]) -> EventCandidate:
    date_text, day = _when(s.text, article_date, kind)
    return EventCandidate(
        sentence=s.text,
        span=Span(start=s.start, end=s.end, status=MatchStatus.EXACT),
        type=kind,
        date_text=date_text,
        date=day,
        place=_place(s.text, kind, people),
        quantities=find_quantities(s.text)[:MAX_QUANTITIES],
        actors=_actors_in(s.start, s.end, s.text, actors),
        paragraph=s.paragraph,
        last_paragraph=s.paragraph,
    )


def find_event_candidates(article: str, article_date: dt.date | None) -> list[EventCandidate]:
    """Happenings the story reports, one per happening, in the order the story first reports them."""
    events: list[EventCandidate] = []
    actors = find_actor_candidates(article)
    people = {a.name for a in actors if a.kind == ActorKind.PERSON}
    for s in split_sentences(article):
        if s.furniture or s.heading or len(s.text.split()) < 5:
            continue
        kinds = _types(s.text)
        latest = next((e for e in reversed(events) if e.type in _ANONYMOUS_TYPES), None)
        if latest and not kinds and _ANAPHORA.search(s.text) and s.paragraph - latest.last_paragraph <= 1:
            figures = [q for q in find_quantities(s.text) if q.measure != "count"]
            if figures:
                _add_quantities(latest, figures)  # "the missile flew for about 73 minutes": the launch's figures
                continue
        if not kinds and _is_statement(s.text, actors, s.start):
            kinds = [EventType.STATEMENT]
        for kind in [k for i, k in enumerate(kinds) if i == 0 or k in _SECOND_TYPES][:2]:
            found = _candidate(s, kind, article_date, actors, people)
            same = next((e for e in events if _same_happening(e, found, people)), None)
            if same is None:
                events.append(found)
            else:
                _merge(same, found)
    return events
