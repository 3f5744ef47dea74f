"""Grounding a draft: from what a model (or the rules) wrote to a briefing tied to the article.

Every quote is found in the article or dropped (and the drop reported, never hidden); a quote's
speaker stays only where the text near it gives the words to them (``attribution``); every
event sentence gets its span; every date is one the text pins, whatever the model said; every
distance is in kilometres; actors that are one actor under several names become one actor with
aliases, and the quotes and events that named them follow.
"""

from __future__ import annotations

import datetime as dt

from summarise.grounding.actors import find_actor_candidates
from summarise.grounding.align import align, find_all
from summarise.grounding.attribution import verify_speakers
from summarise.grounding.caps import cap_briefing
from summarise.grounding.claims import support_spans
from summarise.grounding.coref import resolve_aliases
from summarise.grounding.dates import article_date as find_article_date
from summarise.grounding.dates import find_date_phrases, resolve_date
from summarise.grounding.quantities import normalise_quantity
from summarise.grounding.sentences import body_end, split_sentences
from summarise.schemas import (
    MAX_EVENT_ACTORS,
    MAX_QUOTE_CHARS,
    Actor,
    ActorDraft,
    Briefing,
    BriefingDraft,
    Drop,
    Event,
    EventDraft,
    Quote,
    QuoteDraft,
    Span,
    Support,
    field_cap,
)
from summarise.text import name_key



def _pinned_date(event: EventDraft, day: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The event's date as the text pins it: from its date words, else from its sentence."""
    phrases = [event.date_text] if event.date_text else []
    phrases += [words for words, _, _ in find_date_phrases(event.sentence)]
    supported = {resolve_date(p, day) for p in phrases} - {None}
    if event.date is not None and event.date in supported:
        return event.date, event.date_text
    for phrase in phrases:
        when = resolve_date(phrase, day)
        if when is not None:
            return when, event.date_text or phrase
    return None, event.date_text


def _merge_actors(actors: list[ActorDraft], article: str, others: list[str]) -> tuple[list[Actor], dict[str, str]]:
    """One actor per actor named; ``others`` (speakers, event actors) are resolved the same way,
    so "Seoul" speaking and "South Korea" listed come out as one name."""
    names = [a.name for a in actors]
    canonical = resolve_aliases(list(dict.fromkeys([*names, *others])), article)
    known = {name_key(c.name): c for c in find_actor_candidates(article)}
    limit = body_end(article)
    merged: dict[str, Actor] = {}
    for draft in actors:
        target = canonical.get(draft.name, draft.name)
        actor = merged.get(name_key(target))
        if actor is None:
            base = next((a for a in actors if a.name == target), draft)
            actor = Actor(name=target, kind=base.kind, role=base.role, affiliation=base.affiliation,
                          source=base.source, flags=list(base.flags))
            merged[name_key(target)] = actor
        if draft.name != actor.name and draft.name not in actor.aliases:
            actor.aliases.append(draft.name)
        actor.role = actor.role or draft.role
        actor.affiliation = actor.affiliation or draft.affiliation
        # one actor under two names found by different sides was found by both
        if draft.source and actor.source != draft.source:
            actor.source = draft.source if actor.source is None else "both"
        actor.flags += [f for f in draft.flags if f not in actor.flags]
    for actor in merged.values():
        # the other names the article gives this actor ("Pyongyang", "KCNA"), whoever drafted it
        candidate = known.get(name_key(actor.name))
        if candidate is not None:
            # not a name another listed actor goes by ("Thai army" listed on its own is no alias of Thailand)
            actor.aliases += [a for a in candidate.aliases
                              if a != actor.name and a not in actor.aliases and name_key(a) not in merged]
        actor.aliases = actor.aliases[:12]
        actor.flags = actor.flags[:12]
        spans: list[Span] = []
        for label in (actor.name, *actor.aliases):
            spans += [s for s in find_all(article, label) if s.start < limit]
        seen: list[Span] = []
        for s in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
            if not seen or s.start >= seen[-1].end:
                seen.append(s)
        actor.mentions = seen[:200]
    return list(merged.values()), canonical


def _ground_quotes(quotes: list[QuoteDraft], article: str, canonical: dict[str, str]) -> tuple[list[Quote], list[Drop]]:
    kept: list[Quote] = []
    drops: list[Drop] = []
    for draft in quotes:
        span = align(article, draft.text)
        if span is None:
            drops.append(Drop(kind="quote", reason="its words are not in the article", item=draft.model_dump(mode="json")))
            continue
        if any(q.span and q.span.start <= span.start and span.end <= q.span.end for q in kept):
            drops.append(Drop(kind="quote", reason="duplicate of another quote", item=draft.model_dump(mode="json")))
            continue
        speaker = canonical.get(draft.speaker, draft.speaker) if draft.speaker else None
        # the words shown are the article's own characters at the span, whatever the draft wrote
        # (straight for curly marks, one space for a line break, a model's slip on a fuzzy match);
        # only a slice whose white space runs it past the cap keeps the draft's words
        words = article[span.start : span.end]
        words = words if len(words) <= MAX_QUOTE_CHARS else draft.text
        quote = Quote(**{**draft.model_dump(), "text": words, "speaker": speaker, "span": span})
        # a longer quote that holds an earlier, shorter one replaces it
        kept = [q for q in kept if not (q.span and span.start <= q.span.start and q.span.end <= span.end)]
        kept.append(quote)
    return sorted(kept, key=lambda q: q.span.start if q.span else 0), drops


def _ground_events(events: list[EventDraft], article: str, day: dt.date | None, canonical: dict[str, str]) -> tuple[list[Event], list[Drop]]:
    kept: list[Event] = []
    drops: list[Drop] = []
    for draft in events:
        span = align(article, draft.sentence)
        if span is None:
            drops.append(Drop(kind="event", reason="its sentence is not in the article", item=draft.model_dump(mode="json")))
            continue
        when, words = _pinned_date(draft, day)
        actors = list(dict.fromkeys(canonical.get(a, a) for a in draft.actors))[:MAX_EVENT_ACTORS]
        kept.append(
            Event(
                **{
                    **draft.model_dump(),
                    "date": when,
                    "date_text": words,
                    "actors": actors,
                    "quantities": [normalise_quantity(q) for q in draft.quantities],
                    "span": span,
                }
            )
        )
    return kept, drops


def _bottom_line_support(bottom_line: str, article: str, day: dt.date | None) -> list[Support]:
    """Each sentence of the bottom line with the places in the article it rests on (a reader sees
    where a summary's words come from, whoever wrote them)."""
    sentences = [s.text for s in split_sentences(bottom_line)][: field_cap(Briefing, "bottom_line_support")]
    return [Support(sentence=s, spans=support_spans(s, article, article_date=day)) for s in sentences]


def ground_briefing(
    draft: BriefingDraft, article: str, *, article_date: dt.date | None = None
) -> tuple[Briefing, list[Drop]]:
    """Tie a draft to the article: spans, pinned dates, km, merged actors; drops reported, not hidden."""
    day = article_date or find_article_date(article)
    # a speaker the text does not give goes before anything is merged with it
    drafted, speaker_drops = verify_speakers(list(draft.quotes), article)
    others = [q.speaker for q in drafted if q.speaker] + [n for e in draft.events for n in e.actors]
    actors, canonical = _merge_actors(list(draft.actors), article, others)
    quotes, quote_drops = _ground_quotes(drafted, article, canonical)
    events, event_drops = _ground_events(list(draft.events), article, day, canonical)
    # a list longer than its cap keeps its most important items: a long article still gets a briefing
    actors, events, quotes, cap_drops = cap_briefing(actors, events, quotes)
    briefing = Briefing(
        headline=draft.headline,
        bottom_line=draft.bottom_line,
        bottom_line_support=_bottom_line_support(draft.bottom_line, article, day),
        article_date=day,
        events=events,
        actors=actors,
        quotes=quotes,
    )
    return briefing, speaker_drops + quote_drops + event_drops + cap_drops
