"""The story's events: one per happening, the story's news first.

Several sentences often tell one happening (the launch, then its range): they become one event,
the first sentence kept and what the later ones add merged into it. A later sentence is a new
happening when it says so: another actor did it, it is "also" done, or it happened before the
story's news ("a day after", "had fired"). The briefing opens with the news the headline
reports, which is not always the first happening the story tells.
"""

from __future__ import annotations

import datetime as dt
import re

from summarise.grounding.actors import find_actor_candidates
from summarise.grounding.events.happenings import EventCandidate, events_of_sentence
from summarise.grounding.events.hits import find_hits
from summarise.grounding.events.statements import (
    Statement,
    better_statement,
    find_statement,
    same_speaker,
    speaker_sides,
    statement_candidate,
)
from summarise.grounding.events.triggers import ANONYMOUS_TYPES, SECOND_TYPES
from summarise.grounding.quantities import find_quantities
from summarise.grounding.quotes import find_quote_candidates
from summarise.grounding.sentences import Sentence, split_sentences
from summarise.schemas import MAX_QUANTITIES, ActorKind, EventType, Quantity

#: A later sentence about the same happening: its figures belong to that event.
_ANAPHORA = re.compile(r"\b(?:the|these|those) (?:missiles?|rockets?|launch(?:es)?|tests?|projectiles?|drones?|attack|strike|engine|exercise|drills?|bombardment|shelling)\b", re.IGNORECASE)
_CONTINUED = re.compile(r"\b(?:second|third|fourth|fifth|another|final|last) day of\b", re.IGNORECASE)


def _same_happening(a: EventCandidate, b: EventCandidate, people: set[str]) -> bool:
    if a.type != b.type or a.type == EventType.STATEMENT:
        return False
    by_kind = a.type in ANONYMOUS_TYPES or a.type == EventType.OTHER  # one happening whoever tells it
    if a.earlier != b.earlier and by_kind:
        return False
    if a.earlier and b.earlier and not (a.date_text and b.date_text and _same_day_words(a.date_text, b.date_text)):
        return False
    if a.type in (EventType.ATTACK, EventType.OTHER) and a.agent and b.agent and a.agent != b.agent:
        return False
    if a.type == EventType.OTHER and _lemma(a.trigger) != _lemma(b.trigger):
        return False
    if a.type not in ANONYMOUS_TYPES and a.actors and b.actors:
        persons_a, persons_b = set(a.actors) & people, set(b.actors) & people
        if a.type in {EventType.MEETING, EventType.VISIT} and persons_a and persons_b and not persons_a & persons_b:
            return False
        if a.type not in {EventType.MEETING, EventType.VISIT} and a.actors[0] != b.actors[0]:
            return False
    if _CONTINUED.search(a.sentence) or _CONTINUED.search(b.sentence):
        return True  # "a second day of drills": the same exercise, another day
    if a.date and b.date:
        return a.date == b.date
    if a.date_text and b.date_text:
        return _same_day_words(a.date_text, b.date_text)
    return True


_MONTH_DAY = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b", re.IGNORECASE)


def _same_day_words(a: str, b: str) -> bool:
    """ "Jan 4" and "January 4, 2026" are one day; otherwise the words must agree."""
    ma, mb = _MONTH_DAY.search(a), _MONTH_DAY.search(b)
    if ma and mb:
        return (ma.group(1).lower(), int(ma.group(2))) == (mb.group(1).lower(), int(mb.group(2)))
    return _date_key(a) == _date_key(b)


def _lemma(trigger: str) -> str:
    word = (trigger.split() or [""])[0].lower()
    return word if word not in {"was", "were", "been"} else " ".join(trigger.split()[:2]).lower()


def _date_key(words: str) -> str:
    return re.sub(r"^(?:on|in|at|early|late)\s+", "", words.strip().lower())


def _merge(into: EventCandidate, found: EventCandidate) -> None:
    """The same happening told again: keep the first sentence, take what the later one adds."""
    began = bool(_CONTINUED.search(into.sentence)) and not _CONTINUED.search(found.sentence)
    if (into.date is None and found.date is not None and into.type not in ANONYMOUS_TYPES) or began:
        # the later sentence pins the day: it is the more specific report of the happening
        into.sentence, into.span, into.paragraph, into.what = found.sentence, found.span, found.paragraph, found.what
    if began:
        into.date, into.date_text = found.date, found.date_text  # the day it began, not its second day
    into.date, into.date_text = into.date or found.date, into.date_text or found.date_text
    into.last_paragraph = max(into.last_paragraph, found.paragraph)
    into.place = into.place or found.place
    into.agent = into.agent or found.agent
    into.participants += [a for a in found.participants if a not in into.participants]
    into.first_told = min(into.first_told, found.first_told)
    _add_quantities(into, found.quantities)
    into.actors += [a for a in found.actors if a not in into.actors]


def _add_quantities(event: EventCandidate, quantities: list[Quantity]) -> None:
    known = {(q.unit, q.value, q.text) for q in event.quantities}
    for q in quantities:
        if (q.unit, q.value, q.text) not in known and len(event.quantities) < MAX_QUANTITIES:
            event.quantities.append(q)
            known.add((q.unit, q.value, q.text))


def _main_first(events: list[EventCandidate], sentences: list[Sentence]) -> list[EventCandidate]:
    """The briefing opens with the story's news: the event its headline reports, else its lead.
    A background event is never the news, however early the story tells it, and a statement is
    the news only when the headline reports one ("Russia threatens to react")."""
    if len(events) < 2:
        return events
    heading = next((s for s in sentences if s.heading and not s.furniture and len(s.text.split()) >= 3), None)
    lead = next((s for s in sentences if s.is_prose and not s.heading and not s.furniture), None)
    if lead is None:
        return events
    headline = (heading or lead).text
    news = _content_words(headline)
    said = bool(_HEADLINE_SPEECH.search(headline))

    def score(e: EventCandidate) -> float:
        words = _content_words(e.sentence)
        overlap = len(words & news) / max(1, min(len(words), len(news)))
        told_first = e.first_told == lead.start or e.span.start == lead.start
        penalty = 1.0 if e.earlier or (e.type == EventType.STATEMENT and not said) else 0.0
        return overlap + (0.2 if told_first else 0.0) - penalty

    best = max(events, key=lambda e: (score(e), -events.index(e)))
    if best is events[0] or score(best) <= score(events[0]) + 0.1:
        return events
    return [best, *(e for e in events if e is not best)]


_HEADLINE_SPEECH = re.compile(
    r"\b(?:threat\w*|warn\w*|condemn\w*|vow\w*|den(?:y|ies|ied)|claim\w*|urg\w*|accus\w*|says?|said|announc\w*|"
    r"declar\w*|reject\w*|protest\w*|summon\w*|react\w*|slam\w*|blam\w*)\b",
    re.IGNORECASE,
)
_STOP = frozenset(
    "the a an of in on at to and or for with by from as that this its his her their was were is are be been has have had "
    "said says after before over into than but not it they he she which who".split()
)


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'-]{2,}", text.lower()) if w not in _STOP}


def find_event_candidates(article: str, article_date: dt.date | None) -> list[EventCandidate]:
    """Happenings the story reports, one per happening: the story's news first, the rest in the
    order the story first reports them."""
    events: list[EventCandidate] = []
    actors = find_actor_candidates(article)
    people = {a.name for a in actors if a.kind == ActorKind.PERSON}
    mentions_sanctions = bool(re.search(r"\bsanction", article, re.IGNORECASE))
    statements: dict[str, tuple[EventCandidate, Statement]] = {}  # one statement per speaker
    quotes = find_quote_candidates(article)
    sentences = split_sentences(article)
    for s in sentences:
        if s.furniture or s.heading or len(s.text.split()) < 5:
            continue
        hits = find_hits(s.text, article_date)
        if not mentions_sanctions:  # "announced new measures" is a sanction only in a story about sanctions
            hits = [h for h in hits if not (h.type == EventType.SANCTION and "measures" in s.text[h.start : h.end].lower())]
        hits = [h for i, h in enumerate(hits) if i == 0 or h.type in SECOND_TYPES][:3]
        latest = next((e for e in reversed(events) if e.type in ANONYMOUS_TYPES and not e.earlier), None)
        if latest and not hits and _ANAPHORA.search(s.text) and s.paragraph - latest.last_paragraph <= 1:
            figures = [q for q in find_quantities(s.text) if q.measure != "count"]
            if figures:
                _add_quantities(latest, figures)  # "the missile flew for about 73 minutes": the launch's figures
                continue
        if not hits:
            said = find_statement(s, actors, quotes)
            if said is None:
                continue
            said.sides = speaker_sides(said, s, actors)
            speaker = same_speaker(said, statements)
            candidate = statement_candidate(s, said, article_date, actors)
            held = statements.get(speaker)
            if held is None:
                events.append(candidate)
            elif better_statement(said, held[1]):
                events[events.index(held[0])] = candidate
            else:
                continue
            candidate.speaker = speaker
            statements[speaker] = (candidate, said)
            continue
        for hit, found in zip(hits, events_of_sentence(s, hits, article_date, actors, people)):
            same = None if hit.also else next((e for e in events if _same_happening(e, found, people)), None)
            if same is None and found.type == EventType.WEAPONS_TEST and _ANAPHORA.search(s.text) and latest is not None:
                # "the test of a new guided weapon was a success": state media naming the launch
                same = latest if latest.type == EventType.MISSILE_LAUNCH and s.paragraph - latest.last_paragraph <= 2 else None
            if same is None:
                events.append(found)
            else:
                _merge(same, found)
    took_part = {a for e in events if e.type != EventType.STATEMENT for a in e.participants}
    remarks = {id(e) for e, said in statements.values() if said.level == 0 and said.sides & took_part}
    return _main_first([e for e in events if id(e) not in remarks], sentences)
