"""The briefing's list caps, applied by keeping what matters most instead of failing.

``Briefing`` bounds every list (a small model loops to the end of its context on an unbounded
one), but an article can truly name more actors, report more events or hold more quotes than a
cap: a long roll of names, a week of strikes. Such a briefing must still come out, with the
least important items left out and each cut recorded as a ``Drop`` in the provenance, so the
analyst sees that the list was cut and what went. The caps are read from the schema itself, so
a cap changed there is the cap applied here.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Sequence, TypeVar

from summarise.schemas import Actor, Briefing, Drop, Event, EventType, Quote, SpeakerType, field_cap
from summarise.text import name_key

T = TypeVar("T")


def briefing_cap(field: str) -> int | None:
    """The most items ``Briefing`` accepts in the list ``field`` (None: unbounded)."""
    return field_cap(Briefing, field)


def _keep_most_important(
    items: Sequence[T], cap: int | None, weight: Callable[[T], tuple[Any, ...]]
) -> tuple[list[T], list[T]]:
    """The ``cap`` heaviest items in their original order, and the rest (lightest last)."""
    if cap is None or len(items) <= cap:
        return list(items), []
    ranked = sorted(range(len(items)), key=lambda i: (weight(items[i]), -i), reverse=True)
    kept = set(ranked[:cap])
    return [x for i, x in enumerate(items) if i in kept], [items[i] for i in ranked[cap:]]


def _cut_reason(what: str, cap: int, total: int, by: str) -> str:
    return f"over the cap of {cap} {what} ({total} found): kept the {cap} {by}"


def cap_briefing(actors: list[Actor], events: list[Event], quotes: list[Quote]) -> tuple[list[Actor], list[Event], list[Quote], list[Drop]]:
    """Each list within its cap: actors by their part in the story (quotes spoken, events taken
    part in, times mentioned), events typed and with actors before the rest, attributed quotes
    before anonymous ones, the article's order breaking ties. Event actors that were cut leave
    the events too, so every event still names only listed actors."""
    drops: list[Drop] = []
    spoke = Counter(name_key(q.speaker) for q in quotes if q.speaker)
    acted = Counter(name_key(n) for e in events for n in e.actors)

    def actor_weight(a: Actor) -> tuple[int, ...]:
        keys = {name_key(n) for n in (a.name, *a.aliases)}
        return (sum(spoke[k] for k in keys), sum(acted[k] for k in keys), len(a.mentions))

    cap = briefing_cap("actors")
    kept_actors, cut_actors = _keep_most_important(actors, cap, actor_weight)
    if cut_actors and cap is not None:
        reason = _cut_reason("actors", cap, len(actors), "with the largest part in the story (quotes, events, mentions)")
        drops += [
            Drop(kind="actor", reason=reason, item={"name": a.name, "kind": a.kind.value, "mentions": len(a.mentions)})
            for a in cut_actors
        ]
        gone = {name_key(n) for a in cut_actors for n in (a.name, *a.aliases)}
        for event in events:
            event.actors = [n for n in event.actors if name_key(n) not in gone]

    cap = briefing_cap("events")
    kept_events, cut_events = _keep_most_important(
        events, cap, lambda e: (e.type != EventType.OTHER, len(e.actors), e.date is not None)
    )
    if cut_events and cap is not None:
        reason = _cut_reason("events", cap, len(events), "typed events with the most actors")
        drops += [Drop(kind="event", reason=reason, item={"type": e.type.value, "sentence": e.sentence}) for e in cut_events]

    cap = briefing_cap("quotes")
    kept_quotes, cut_quotes = _keep_most_important(
        quotes, cap, lambda q: (q.speaker is not None, q.speaker_type != SpeakerType.OTHER)
    )
    if cut_quotes and cap is not None:
        reason = _cut_reason("quotes", cap, len(quotes), "attributed quotes")
        drops += [Drop(kind="quote", reason=reason, item={"text": q.text, "speaker": q.speaker}) for q in cut_quotes]
    return kept_actors, kept_events, kept_quotes, drops
