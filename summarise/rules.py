"""The ``rules`` extractor: a briefing with no model at all.

It is the baseline every model is scored against, and the same candidates it is built from are
what prompts show a model, so "what the rules find" and "what the model was offered" never
drift apart. Deterministic and fast (milliseconds an article): a model that cannot beat it is
not worth its cost.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import ValidationError

from summarise.grounding import (
    ActorCandidate,
    article_date,
    find_actor_candidates,
    find_event_candidates,
    find_quote_candidates,
    ground_briefing,
    split_sentences,
)
from summarise.schemas import (
    ActorDraft,
    Briefing,
    BriefingDraft,
    EventDraft,
    QuoteDraft,
)

_FURNITURE_PREFIX = re.compile(r"^(?:you are currently viewing|breaking:|opinion:|analysis:)\s*", re.IGNORECASE)
_HEADLINE_CHARS = 200
_BOTTOM_LINE_CHARS = 600
_BOTTOM_LINE_WORDS = 25
_WHAT_CHARS = 240


def headline(article: str) -> str:
    """The page's heading, else the story's first sentence of prose: the rules' headline."""
    sentences = split_sentences(article)
    for s in sentences:
        text = _FURNITURE_PREFIX.sub("", s.text).strip()
        if s.heading and len(text.split()) >= 3 and not s.furniture:
            return text[:_HEADLINE_CHARS]
        if s.is_prose:
            break
    for s in sentences:
        if s.is_prose:
            return s.text[:_HEADLINE_CHARS]
    return (article.strip().splitlines() or [""])[0][:_HEADLINE_CHARS]


def bottom_line_candidates(article: str) -> list[str]:
    """Sentences that can state the story's news: prose, not a bullet, eight words or more.

    The rules take the first of them; the grounded prompt lets the model choose among the first few.
    """
    return [s.text for s in split_sentences(article) if s.is_prose and not s.bullet and len(s.text.split()) >= 8]


def bottom_line(article: str) -> str:
    """The story's first sentences of prose, about 25 words: the rules' bottom line."""
    chosen: list[str] = []
    for text in bottom_line_candidates(article):
        chosen.append(text)
        if sum(len(c.split()) for c in chosen) >= _BOTTOM_LINE_WORDS:
            break
    return " ".join(chosen)[:_BOTTOM_LINE_CHARS]


def _actor_drafts(candidates: list[ActorCandidate]) -> list[dict[str, Any]]:
    return [{"name": c.name, "kind": c.kind, "role": c.role, "affiliation": c.affiliation} for c in candidates]


def _validated(model: type, items: list[dict[str, Any]], article: str) -> list[Any]:
    """Each item through the same validators a model's items face; a failing one is left out."""
    kept = []
    for item in items:
        try:
            kept.append(model.model_validate(item, context={"article": article}))
        except ValidationError:
            continue
    return kept


def extract_rules(article: str, *, date: dt.date | None = None) -> BriefingDraft:
    """The draft the rules make of an article: the candidates, as a model would have filled them.

    ``date`` is the article's date when the caller has it (given, or from the page); else the
    text's own date line is read.
    """
    day = date or article_date(article)
    quotes = find_quote_candidates(article)
    events = find_event_candidates(article, day)
    actors = find_actor_candidates(article)
    actor_items = _actor_drafts(actors)
    names = {a["name"] for a in actor_items}
    quote_items = [
        {
            "text": q.text,
            "speaker": q.speaker,
            "speaker_role": q.speaker_role,
            "speaker_affiliation": q.speaker_affiliation,
            "speaker_type": q.speaker_type,
        }
        for q in quotes
    ]
    event_items = [
        {
            "type": e.type,
            "what": (e.what or e.sentence)[:_WHAT_CHARS],
            "date": e.date,
            "date_text": e.date_text,
            "place": e.place[:80] if e.place else None,
            "actors": [a for a in e.actors if a in names][:6],
            "quantities": e.quantities,
            "sentence": e.sentence,
        }
        for e in events
    ]
    # built item by item: the rules are not a small model, so the caps that keep one from looping
    # (MAX_QUOTES and friends) do not cut a long article's quotes short here
    return BriefingDraft.model_construct(
        headline=headline(article),
        bottom_line=bottom_line(article),
        events=_validated(EventDraft, event_items, article),
        actors=_validated(ActorDraft, actor_items, article),
        quotes=_validated(QuoteDraft, quote_items, article),
    )


def rules_briefing(article: str, *, date: dt.date | None = None) -> Briefing:
    """A grounded briefing from the rules alone (no provenance: the caller sets it)."""
    briefing, _ = ground_briefing(extract_rules(article, date=date), article, article_date=date)
    return briefing
