"""One piece of the article: proposed, checked, repaired once.

Every item of the model's answer is checked against the whole article (``grounding.checks``);
what fails is put to the model once more, in one ``ModelRepair`` call listing each failed item as
JSON with its exact error (the prompt's ``repair`` step), and each failed item is paired with the
most alike of those offered back. What still fails is dropped with its reason, or, for a part of
an event, cut away; what the drops leave behind (the model's lost quotes and actors, the names
its items use for them) is kept for the rules to fill the gap.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from summarise.errors import ConfigError
from summarise.grounding.checks import (
    EventCheck,
    check_event,
    claims_error,
    event_anchors,
    in_article,
    passed_event,
    settle_event,
)
from summarise.prompts import Prompt, load_prompt
from summarise.schemas import ActorDraft, Drop, EventDraft, ModelBriefing, ModelRepair, QuoteDraft
from summarise.strategies.answer import model_answer
from summarise.strategies.registry import Job
from summarise.text import name_key, normalise

REPAIR_STEP = "repair"

M = TypeVar("M", bound=BaseModel)


@dataclass
class _Failure:
    kind: str  # quote, event, actor, headline, bottom_line
    item: Any
    error: str

    def line(self, n: int) -> str:
        shown = self.item.model_dump(mode="json", exclude={"source", "flags"}) if isinstance(self.item, BaseModel) else self.item
        return f"{n}. {self.kind}: {json.dumps(shown, ensure_ascii=False)}\n   error: {self.error}"


@dataclass
class Piece:
    """What one piece of the article yielded once checked and repaired."""

    headline: str | None
    bottom_line: list[str]
    events: list[EventDraft]
    actors: list[ActorDraft]
    quotes: list[QuoteDraft]
    lost_quotes: list[QuoteDraft]  # the model's quotes dropped: where the rules' words may stand instead
    #: names the model's events and quotes use for actors whose entries were dropped (an entry
    #: whose name is not the article's leaves a gap that the rules' actor of that name fills)
    gaps: list[str] = field(default_factory=list)
    lost_actors: list[ActorDraft] = field(default_factory=list)  # the model's actors dropped


def _key(item: BaseModel) -> str:
    if isinstance(item, QuoteDraft):
        return normalise(item.text)
    if isinstance(item, EventDraft):
        return normalise(f"{item.sentence} {item.what}")
    return normalise(getattr(item, "name", "") or "")


def _pair(failed: list[M], offered: list[M]) -> list[M | None]:
    """Each failed item's repaired one: the most alike of those offered, each offered used once."""
    left = list(offered)
    paired: list[M | None] = []
    for item in failed:
        if not left:
            paired.append(None)
            continue
        best = max(left, key=lambda o: difflib.SequenceMatcher(None, _key(item), _key(o)).ratio())
        left.remove(best)
        paired.append(best)
    return paired


def _repair(job: Job, failures: list[_Failure], text: str) -> ModelRepair | None:
    prompt = _step(job, REPAIR_STEP)
    listing = "\n".join(f.line(i) for i, f in enumerate(failures, 1))
    job.stats.reasks += 1  # the one re-ask of what failed, in the provenance's retries
    answer, _ = model_answer(job, prompt.render(failures=listing, article=text), ModelRepair, prompt.max_tokens or job.settings.max_tokens)
    if answer is None:
        job.stats.notes.append("the repair answer could not be read: every item that failed a check is dropped")
    return answer


def check_piece(job: Job, proposal: ModelBriefing, text: str, *, lead: bool) -> Piece:
    """Every item of one piece's answer checked against the whole article; what fails asked once
    more (against this piece's text), then dropped or, for a part of an event, cut away."""
    article, day, drops = job.article.text, job.article_date, job.stats.drops
    failures: list[_Failure] = []

    def split(model: type[M], kind: str, items: list[M]) -> tuple[list[M], list[M], list[str]]:
        good, bad, errors = [], [], []
        for item in items:
            valid, error = in_article(model, item, article)
            if valid is not None:
                good.append(valid)
            else:
                bad.append(item)
                errors.append(error or "not in the article")
                failures.append(_Failure(kind, item, error or "not in the article"))
        return good, bad, errors

    actors, bad_actors, actor_errors = split(ActorDraft, "actor", list(proposal.actors))
    quotes, bad_quotes, quote_errors = split(QuoteDraft, "quote", list(proposal.quotes))
    known = {name_key(a.name) for a in actors} | {name_key(a.name) for a in bad_actors}
    events: list[EventDraft] = []
    bad_events: list[EventCheck] = []
    anchors = event_anchors(list(proposal.events), day)
    for event in proposal.events:
        check = check_event(event, article, known, day, anchors)
        if check.errors:
            bad_events.append(check)
            failures.append(_Failure("event", event, "; ".join(check.errors)))
        else:
            events.append(passed_event(check, drops))
    title = proposal.headline if lead else None
    title_error = claims_error("the headline", title, article, day) if title else None
    if title_error:
        failures.append(_Failure("headline", title, title_error))
    lines = list(proposal.bottom_line) if lead else []
    line_errors = [claims_error("this sentence", s, article, day) for s in lines]
    failures += [_Failure("bottom_line", s, e) for s, e in zip(lines, line_errors) if e]

    repair = _repair(job, failures, text) if failures else None
    fixed = 0

    # actors first: the events' actor lists are checked against the final list
    repaired, _ = _second_try(ActorDraft, "actor", bad_actors, actor_errors, list(repair.actors) if repair else [], article, drops)
    actors += repaired
    fixed += len(repaired)
    known = {name_key(a.name) for a in actors}
    lost_actors = [a for a in bad_actors if name_key(a.name) not in known]
    gaps: list[str] = []
    if len(actors) < len(proposal.actors):
        used = [n for e in proposal.events for n in e.actors] + [q.speaker for q in proposal.quotes if q.speaker]
        gaps = [n for n in dict.fromkeys(used) if name_key(n) not in known]
    repaired, lost = _second_try(QuoteDraft, "quote", bad_quotes, quote_errors, list(repair.quotes) if repair else [], article, drops)
    quotes += repaired
    fixed += len(repaired)
    # an event that passed named only actors that passed or were repaired; strip any that went
    events = [e if all(name_key(n) in known for n in e.actors) else _strip_actors(e, known, drops) for e in events]
    offered = list(repair.events) if repair else []
    for check, again in zip(bad_events, _pair([c.event for c in bad_events], offered)):
        if again is not None:
            second = check_event(again, article, known, day, anchors)
            if not second.errors:
                events.append(passed_event(second, drops))
                fixed += 1
                continue
            # the repaired event where its sentence is the article's, else the first one's parts
            check = second if not second.sentence else check
        check = check_event(check.event, article, known, day, anchors)  # against the final actor list
        settled = settle_event(check, drops)
        if settled is not None:
            events.append(settled)

    if title_error:
        again = repair.headline if repair else None
        still = claims_error("the headline", again, article, day) if again else title_error
        if again and not still:
            title = again
            fixed += 1
        else:
            drops.append(Drop(kind="headline", reason=f"re-asked once, still: {still}; the rules' headline is shown", item=title or ""))
            title = None
    kept_lines: list[str] = []
    offered_lines = list(repair.bottom_line) if repair else []
    for sentence, error in zip(lines, line_errors):
        if not error:
            kept_lines.append(sentence)
            continue
        again = offered_lines.pop(0) if offered_lines else None
        still = claims_error("this sentence", again, article, day) if again else error
        if again and not still:
            kept_lines.append(again)
            fixed += 1
        else:
            drops.append(Drop(kind="bottom_line", reason=f"re-asked once, still: {still}", item=sentence))
    if lines and not kept_lines:
        drops.append(Drop(kind="bottom_line", reason="no sentence of it is borne out by the article; the rules' bottom line is shown", item=" ".join(lines)))
    if failures:
        job.stats.notes.append(
            f"{len(failures)} item(s) failed a check against the article and were asked once more: {fixed} fixed"
        )
    return Piece(title, kept_lines, events, actors, quotes, lost, gaps, lost_actors)


def _second_try(
    model: type[M], kind: str, bad: list[M], errors: list[str], offered: list[M], article: str, drops: list[Drop]
) -> tuple[list[M], list[M]]:
    """Each failed item against what the repair offered in its place: the offers that now pass,
    and the first items that still fail, each of those a ``Drop`` with the error it still has."""
    passed: list[M] = []
    failed: list[M] = []
    for item, error, again in zip(bad, errors, _pair(bad, offered)):
        valid, still = in_article(model, again, article) if again is not None else (None, error)
        if valid is not None:
            passed.append(valid)
        else:
            failed.append(item)
            drops.append(Drop(kind=kind, reason=f"re-asked once, still: {still}", item=item.model_dump(mode="json")))
    return passed, failed


def _strip_actors(event: EventDraft, known: set[str], drops: list[Drop]) -> EventDraft:
    gone = [n for n in event.actors if name_key(n) not in known]
    drops.append(Drop(kind="event_actor", reason="its actor was dropped from the actors list", item={"actors": gone}))
    return event.model_copy(update={"actors": [n for n in event.actors if name_key(n) in known]})


def _step(job: Job, name: str) -> Prompt:
    spec = job.prompt.steps.get(name)
    if not spec:
        raise ConfigError(f"prompt {job.prompt.spec} names no {name!r} step: the verified strategy needs one")
    return load_prompt(spec)
