"""The grounded strategy: rules find the candidates, the model answers narrow questions.

A small model asked to fill a whole briefing loops, repeats and invents. Here it never writes a
quote, a name, a date or a number: the rules find those in the article, and the model is asked
only what rules do badly, each time with a schema whose answers are the real candidates:

- who spoke this quote, for quotes the rules could not attribute (a choice among the names
  near it);
- whether a candidate sentence reports an event, and of which type, where the trigger words
  left the type open (a choice among the types);
- which opening sentence is the bottom line (a choice among sentence numbers).

Each question has its own versioned prompt, named in the briefing prompt's ``steps``. A question
the model cannot answer validly keeps the rules' answer, and says so in the provenance.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, create_model

from summarise.call import ask
from summarise.errors import ExtractionError
from summarise.grounding import find_quote_candidates
from summarise.prompts import Prompt, load_prompt
from summarise.rules import bottom_line_candidates, extract_rules
from summarise.schemas import BriefingDraft, EventType
from summarise.strategies.registry import Job, register
from summarise.text import normalise

UNKNOWN = "unknown"
NOT_AN_EVENT = "not_an_event"
MAX_SPEAKER_OPTIONS = 6
BOTTOM_LINE_CHOICES = 5
_EVENT_CHOICES = tuple([t.value for t in EventType] + [NOT_AN_EVENT])


@lru_cache(maxsize=256)
def _choice_model(name: str, field: str, options: tuple[str, ...]) -> type[BaseModel]:
    """A response model whose one field can only be one of ``options``: a grammar-sized enum."""
    return create_model(name, **{field: (Literal[options], ...)})  # type: ignore[call-overload]


def _step(job: Job, name: str) -> Prompt:
    spec = job.prompt.steps.get(name)
    if not spec:
        raise KeyError(name)
    return load_prompt(spec)


def _choose(job: Job, step: str, field: str, choices: tuple[str, ...], **values: Any) -> str | None:
    """Ask one multiple-choice question; None when the model gave no valid choice."""
    prompt = _step(job, step)
    model = _choice_model(f"{step.title().replace('_', '')}Answer", field, choices)
    job.stats.questions += 1
    assert job.backend is not None
    answer, _raw = ask(
        job.backend, prompt.render(**values), model, article=job.article.text, settings=job.settings,
        stats=job.stats, max_tokens=prompt.max_tokens, reasks=1,
    )
    if answer is None:
        job.stats.unanswered += 1
        return None
    return getattr(answer, field)


def _speakers(job: Job, draft: BriefingDraft) -> None:
    """Ask only about quotes the rules could not attribute: where they are sure, they are right."""
    candidates = {normalise(c.text): c for c in find_quote_candidates(job.article.text)}
    known = {c.speaker: c for c in candidates.values() if c.speaker}
    for quote in draft.quotes:
        cand = candidates.get(normalise(quote.text))
        if cand is None or quote.speaker or quote.speaker_role:
            continue  # attributed, or deliberately to an unnamed speaker ("a ministry spokesperson")
        options = tuple(dict.fromkeys(n for n in cand.speakers if n))[:MAX_SPEAKER_OPTIONS]
        if not options:
            continue
        passage = f"{cand.previous_sentence} {cand.sentence}".strip()
        choice = _choose(
            job, "speaker", "speaker", (*options, UNKNOWN),
            options=", ".join(options), passage=passage, quote=quote.text,
        )
        if choice and choice != UNKNOWN:
            quote.speaker = choice
            other = known.get(choice)  # what the rules know of that speaker from another quote
            if other is not None:
                quote.speaker_role, quote.speaker_affiliation = other.speaker_role, other.speaker_affiliation
                quote.speaker_type = other.speaker_type


def _events(job: Job, draft: BriefingDraft) -> None:
    """Ask the type only where the rules' trigger words gave none (``other``)."""
    kept = []
    for event in draft.events:
        if event.type != EventType.OTHER:
            kept.append(event)
            continue
        choice = _choose(job, "event", "type", _EVENT_CHOICES, sentence=event.sentence)
        if choice == NOT_AN_EVENT:
            continue
        if choice:
            event.type = EventType(choice)
        kept.append(event)
    draft.events = kept


def _bottom_line(job: Job, draft: BriefingDraft) -> None:
    sentences = bottom_line_candidates(job.article.text)[:BOTTOM_LINE_CHOICES]
    if len(sentences) < 2:
        return
    numbered = "\n".join(f"{i}. {s}" for i, s in enumerate(sentences, 1))
    choice = _choose(
        job, "bottom_line", "sentence", tuple(str(i) for i in range(1, len(sentences) + 1)), sentences=numbered
    )
    if choice:
        draft.bottom_line = sentences[int(choice) - 1]


@register("grounded")
def grounded_draft(job: Job) -> BriefingDraft:
    """The rules' draft, with the questions they answer badly put to the model."""
    draft = extract_rules(job.article.text, date=job.article_date)
    for item in (*draft.events, *draft.actors, *draft.quotes):
        item.source = "rules"  # the rules found every item; the model only chose among their candidates
    for name, refine in (("speaker", _speakers), ("event", _events), ("bottom_line", _bottom_line)):
        if name in job.prompt.steps:
            refine(job, draft)
    stats = job.stats
    if stats.questions and stats.unanswered == stats.questions:
        raise ExtractionError(
            f"{job.backend.label if job.backend else 'the model'} gave no valid answer to any of "
            f"{stats.questions} questions: try another model or prompt",
            attempts=stats.calls,
        )
    if stats.unanswered:
        stats.notes.append(f"{stats.unanswered} of {stats.questions} questions got no valid answer: kept the rules' choice")
    return draft
