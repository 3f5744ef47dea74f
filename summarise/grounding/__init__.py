"""Grounding: tie every item of a briefing to its place in the article.

Before a model call it finds candidates (quotes with speakers, actors, events, dates,
quantities) that prompts can show and that the ``rules`` baseline turns into a briefing on its
own; after the call it aligns what the model wrote to raw offsets, pins dates, normalises units
and merges aliases. Pure and fast: it never imports a backend.
"""

from summarise.grounding.actors import ActorCandidate, find_actor_candidates
from summarise.grounding.align import FUZZY_THRESHOLD, MIN_FUZZY_CHARS, align
from summarise.grounding.briefing import ground_briefing
from summarise.grounding.claims import Claim, support_spans, unsupported_claims
from summarise.grounding.coref import resolve_aliases
from summarise.grounding.dates import article_date, find_date_phrases, resolve_date
from summarise.grounding.events import EventCandidate, event_type, find_event_candidates
from summarise.grounding.quantities import find_quantities, normalise_quantity
from summarise.grounding.quotes import QuoteCandidate, find_quote_candidates
from summarise.grounding.sentences import Sentence, body_end, split_sentences

__all__ = [
    "FUZZY_THRESHOLD",
    "MIN_FUZZY_CHARS",
    "ActorCandidate",
    "Claim",
    "EventCandidate",
    "QuoteCandidate",
    "Sentence",
    "align",
    "article_date",
    "body_end",
    "event_type",
    "find_actor_candidates",
    "find_date_phrases",
    "find_event_candidates",
    "find_quantities",
    "find_quote_candidates",
    "ground_briefing",
    "normalise_quantity",
    "resolve_aliases",
    "resolve_date",
    "split_sentences",
    "support_spans",
    "unsupported_claims",
]
