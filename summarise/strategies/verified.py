"""The verified strategy: a capable model proposes the whole briefing, the toolkit verifies it.

The model writes everything (``ModelBriefing``: a headline and a bottom line in its own words,
events, actors, quotes, with no caps on its lists), and its answer is checked for structure only
when it arrives (``ask`` with no article in the validation context): a whole long answer is never
re-asked for one bad item. Then every item is checked against the article before a reader sees it:

- a quote's words are in the article (grounding later aligns them to the article's characters);
- an event's evidence sentence is in the article, each quantity's words are, its actors are in
  the actor list, its date is one its words pin, and every number, date and name in its ``what``
  is in the article (``grounding.claims.unsupported_claims``, normalised: 900 km = 559 miles);
- an actor's name is in the article;
- the headline and each bottom-line sentence say no number, date or name the article lacks.

What fails is put to the model ONCE more, in one ``ModelRepair`` call that lists each failed item
as JSON with its exact error (``repair@v1``). What still fails is dropped, each drop a ``Drop``
with its reason; an event keeps its place where only a part of it failed (a quantity or an
actor name not borne out goes, an unpinned date goes and grounding pins the text's). An event
whose ``what`` is not borne out shows its evidence sentence instead, flagged, and stands only
where the rules found an event in that sentence too: a model's event on a real sentence with an
invented happening is otherwise dropped. A day that a sentence gives no words for ("on the same
day", "hours before") is no fabrication when the article pins that very day for another event of
the story: it is kept, with the other event's words that pin it, and flagged. A bottom line with no sentence left, or a
headline that fails, gives way to the rules' own, and that is recorded too.

Then the rules' candidates are merged in (``grounding.merge.merge_drafts``), but only where the
rules are strong, because a rules-only item is a spurious item whenever the model was right:

- every rules item that stands where a kept model item stands is passed, so the two are one item
  ("both") and a disagreement (speaker, date, type, place) is settled by the text and flagged;
- a model quote that was dropped comes back where a rules quote is, in the article's words, the
  same quote (most of the words of each are the other's: a paraphrase, a word left out): the
  rules' words, the model's attribution, and a flag saying so;
- where a model item was dropped, the gap it left is the rules': the rules' quotes of a speaker
  whose quote was not the article's words (flagged), the rules' actors that the model's own
  events and quotes name where the model's entry for them was dropped, and, where no item names
  it, the rules' actors of a dropped actor's kind when the rules alone list no more of that kind
  than were dropped (flagged);
- no other rules-only item is kept: not events (the rules' event finder is the weakest of its
  parts), not actors, not quotes the model did not give; except that
- a field the model left empty, or none of whose items passed the checks, is the rules': a
  model that lists nothing there has most likely failed at it (the bundled 135M model writes a
  headline, and sometimes one event that is not in the article).

Measured with a stand-in for a capable model that answers from the gold labels (tuned on
newsdesk and realnews-tune): passing every rules item to the merge and keeping the rules-only
ones cost it, when it was right, actors F1 0.997 -> 0.979 and events F1 1.00 -> 0.93 on
newsdesk, quotes 1.00 -> 0.97 and actors 0.97 -> 0.94 on realnews-tune; with only the above,
v3 scored at or above that model's own grounded answer and the rules on every F1 field, at 0%
and at 20% injected faults.

An article longer than the model reads at once (``backend.context_tokens``, or
``SUMMARISE_CHUNK_TOKENS`` to force a size) is read in overlapping pieces (summarise/chunks.py),
each checked and repaired against the article, and the pieces' items made one (the same quote,
event or actor from the overlap is one item); the headline and bottom line are the first
piece's, where a news story tells its main event. An answer cut at the token cap is asked again
once with more room, then whatever items it holds whole are kept.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pydantic_core
from pydantic import BaseModel, ValidationError

from summarise.call import OVERHEAD_TOKENS, ask, parse_lenient, room_for_article
from summarise.chunks import MIN_CHUNK_TOKENS, split_into_chunks
from summarise.errors import BackendError, ConfigError, ExtractionError
from summarise.grounding.align import align
from summarise.grounding.claims import unsupported_claims
from summarise.grounding.dates import find_date_phrases, resolve_date
from summarise.grounding.lead import shared_with_lead, tells_the_story
from summarise.grounding.merge import merge_drafts
from summarise.prompts import Prompt, load_prompt
from summarise.rules import bottom_line, extract_rules, headline
from summarise.schemas import (
    MAX_EVENT_ACTORS,
    MAX_QUANTITIES,
    ActorDraft,
    ActorKind,
    BriefingDraft,
    Drop,
    EventDraft,
    ModelBriefing,
    ModelRepair,
    QuoteDraft,
    Span,
    clip,
    field_cap,
)
from summarise.strategies.registry import Job, register
from summarise.text import contains, name_key, normalise

REPAIR_STEP = "repair"
#: Words of a cut answer's note (call.py): how a cut is told from an answer that broke the schema.
_CUT_NOTE = "token cap"

M = TypeVar("M", bound=BaseModel)


# --------------------------------------------------------------------------------------------
# One answer of the model: asked, and kept item by item when it is not valid whole
# --------------------------------------------------------------------------------------------


def _fit(model: type[BaseModel], item: Any) -> Any:
    """An item cut to the schema's caps where a list or a description runs over them (a model
    told its lists are unbounded may still list seven actors for one event)."""
    if not isinstance(item, dict):
        return item
    item = dict(item)
    if model is EventDraft:
        for key, cap in (("actors", MAX_EVENT_ACTORS), ("quantities", MAX_QUANTITIES)):
            if isinstance(item.get(key), list):
                item[key] = item[key][:cap]
    for key in ("what", "role", "affiliation", "place", "date_text", "speaker_role", "speaker_affiliation"):
        if key in model.model_fields and isinstance(item.get(key), str):
            item[key] = clip(item[key], field_cap(model, key))
    return item


def _structure(model: type[M], item: Any) -> tuple[M | None, str | None]:
    """The item as ``model`` (structure only, no article), cut to the caps if need be; else the error."""
    try:
        return model.model_validate(item), None
    except ValidationError as exc:
        try:
            return model.model_validate(_fit(model, item)), None
        except ValidationError:
            return None, _message(exc)


def _message(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err.get("loc", ()))
    msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{where}: {msg}" if where and err.get("type") != "value_error" else msg


def _salvage(data: dict[str, Any], model: type[M], drops: list[Drop]) -> M:
    """What a broken or cut answer holds whole, item by item; each item that is not, a drop."""
    kept: dict[str, Any] = {}
    for key, item_model in (("events", EventDraft), ("actors", ActorDraft), ("quotes", QuoteDraft)):
        items = data.get(key)
        kept[key] = []
        for item in items if isinstance(items, list) else []:
            valid, error = _structure(item_model, item)
            if valid is not None:
                kept[key].append(valid)
            else:
                drops.append(Drop(kind=key[:-1], reason=f"not a whole {key[:-1]}: {error}", item=_as_item(item)))
    lines = data.get("bottom_line")
    lines = [lines] if isinstance(lines, str) else lines if isinstance(lines, list) else []
    title = data.get("headline")
    return model.model_construct(
        headline=clip(title, 200) if isinstance(title, str) else ("" if model is ModelBriefing else None),
        bottom_line=[s for s in lines if isinstance(s, str) and s.strip()][:3],
        **kept,
    )


def _as_item(item: Any) -> dict[str, Any] | str:
    return item if isinstance(item, dict) else str(item)


def _parse_cut(raw: str | None) -> dict[str, Any]:
    """The JSON a model began, closed where it was cut: whole items are kept, a half item is not."""
    data = parse_lenient(raw)
    if data or not raw:
        return data
    try:
        parsed = pydantic_core.from_json(raw, allow_partial=True)
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _cuts(job: Job) -> int:
    return sum(_CUT_NOTE in n for n in job.stats.notes)


def _answer(job: Job, messages: list[dict[str, str]], model: type[M], budget: int) -> tuple[M | None, bool]:
    """The model's answer to ``messages``, whole or salvaged (None when it gave nothing to read),
    and whether it was read from a broken answer. A cut answer is asked once more with more room."""
    assert job.backend is not None
    cuts = _cuts(job)
    answer, raw = ask(
        job.backend, messages, model, article=None, settings=job.settings, stats=job.stats, max_tokens=budget, reasks=0
    )
    if answer is not None:
        return answer, False
    if _cuts(job) > cuts:
        room = room_for_article(job.backend, messages, 0)
        more = max(budget, min(2 * budget, room)) if room is not None else 2 * budget
        job.stats.notes.append(f"an answer cut at the {budget}-token cap was asked again once, with {more}")
        job.stats.reasks += 1
        try:
            answer, again = ask(
                job.backend, messages, model, article=None, settings=job.settings, stats=job.stats, max_tokens=more, reasks=0
            )
        except BackendError as exc:  # a server whose context the room overran: the first answer is still here
            job.stats.notes.append(f"asking again failed ({exc}): the items the cut answer holds whole are kept")
            answer, again = None, None
        if answer is not None:
            return answer, False
        raw = again or raw
    data = _parse_cut(raw)
    if not data:
        return None, True
    return _salvage(data, model, job.stats.drops), True


# --------------------------------------------------------------------------------------------
# The checks: each item against the article, every error in words a model can act on
# --------------------------------------------------------------------------------------------


def _in_article(model: type[M], item: M, article: str) -> tuple[M | None, str | None]:
    """The item through its schema's own article checks (words, sentence, name in the article)."""
    try:
        data = item.model_dump(exclude={"source", "flags"})
        return model.model_validate(data, context={"article": article}), None
    except ValidationError as exc:
        return None, _message(exc)


def _claims_error(what: str, text: str, article: str, day: dt.date | None) -> str | None:
    claims = unsupported_claims(text, article, article_date=day)
    if not claims:
        return None
    said = "; ".join(f"{c.kind} {c.text!r}: {c.reason}" for c in claims)
    return f"{what} says what the article does not ({said}): use only numbers, dates and names the article gives"


@dataclass
class _EventCheck:
    """An event's checks, part by part: a part that fails after the repair goes, the event stays."""

    event: EventDraft
    sentence: str | None = None  # the one error that drops the whole event
    what: str | None = None
    quantities: list[tuple[int, str]] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    date: str | None = None
    #: the article's words that pin the day the model gave, where they are another event's: the
    #: sentence itself says no day ("the same day", "hours before"), so the story's context does
    context: str | None = None

    @property
    def errors(self) -> list[str]:
        found = [self.sentence, self.what, *(e for _, e in self.quantities), self.date]
        if self.actors:
            found.append(f"event actors {self.actors} are not in the actors list: add them to actors or remove them")
        return [e for e in found if e]


def _date_words(event: EventDraft) -> list[str]:
    return ([event.date_text] if event.date_text else []) + [w for w, _, _ in find_date_phrases(event.sentence)]


def _pins(event: EventDraft, day: dt.date | None) -> bool:
    """Whether the event's own date words pin any day (a day the model must then agree with)."""
    return any(resolve_date(words, day) is not None for words in _date_words(event))


def _anchors(events: list[EventDraft], day: dt.date | None) -> dict[dt.date, str]:
    """The days the article pins for these events by their own date words, each with the words:
    the days a sentence that says none ("on the same day") may take from its story."""
    found: dict[dt.date, str] = {}
    for event in events:
        for words in _date_words(event):
            when = resolve_date(words, day)
            if when is not None and when == event.date:
                found.setdefault(when, words)
    return found


def _date_error(event: EventDraft, article: str, day: dt.date | None) -> str | None:
    if event.date_text and not contains(article, event.date_text):
        return f"date_text {event.date_text!r} is not in the article: give the article's own words for when"
    if event.date is None:
        return None
    phrases = _date_words(event)
    pinned = {resolve_date(p, day) for p in phrases} - {None}
    if event.date in pinned:
        return None
    if not pinned:
        return f"date {event.date.isoformat()}: the article does not pin the day of this event: give date null"
    days = ", ".join(sorted(d.isoformat() for d in pinned))
    return f"date {event.date.isoformat()} is not the day the article's words give ({days})"


def _check_event(event: EventDraft, article: str, actors: set[str], day: dt.date | None,
                 anchors: dict[dt.date, str] | None = None) -> _EventCheck:
    valid, error = _in_article(EventDraft, event, article)
    check = _EventCheck(valid or event, sentence=error)
    check.what = _claims_error(f"what {event.what!r}", event.what, article, day)
    check.quantities = [
        (i, f"quantity text {q.text!r} is not in the article: copy the article's words for it")
        for i, q in enumerate(event.quantities)
        if not contains(article, q.text)
    ]
    check.actors = [n for n in event.actors if name_key(n) not in actors]
    check.date = _date_error(event, article, day)
    if check.date and event.date in (anchors or {}) and not _pins(event, day):
        # no words here that pin a day ("the same day", "hours before"), and the day is one the
        # article pins for another event of the story: a reading of context, not an invented
        # day; kept, flagged
        check.date, check.context = None, anchors[event.date]  # type: ignore[index]
    return check


def _settle_event(check: _EventCheck, drops: list[Drop]) -> EventDraft | None:
    """What is left of an event after its one repair: None when its sentence is not the article's."""
    event = check.event
    item = event.model_dump(mode="json", exclude={"source", "flags"})
    if check.sentence:
        drops.append(Drop(kind="event", reason=f"re-asked once, still: {check.sentence}", item=item))
        return None
    update: dict[str, Any] = {}
    flags = list(event.flags)
    if check.what:
        drops.append(Drop(kind="event_what", reason=f"{check.what}; the article's sentence is shown instead", item=item))
        update["what"] = clip(event.sentence, field_cap(EventDraft, "what"))
        flags.append(f"{_UNBORNE_WHAT} ({clip(event.what, 80)!r}) were not borne out; the sentence is shown")
    if check.quantities:
        gone = {i for i, _ in check.quantities}
        for i, error in check.quantities:
            drops.append(Drop(kind="quantity", reason=error, item=event.quantities[i].model_dump(mode="json")))
        update["quantities"] = [q for i, q in enumerate(event.quantities) if i not in gone]
    if check.actors:
        drops.append(Drop(kind="event_actor", reason="not in the actors list", item={"actors": check.actors}))
        update["actors"] = [n for n in event.actors if n not in check.actors]
    if check.date:
        drops.append(Drop(kind="event_date", reason=f"{check.date}; the day the text pins is kept", item=item))
        update["date"] = None  # grounding pins the day from the event's own words
        flags.append(f"date: the model said {event.date}, which the text does not pin; kept the text's")
    if check.context:
        # grounding keeps only a day that words pin: the words that pin it, the other event's
        update["date_text"] = check.context
        flags.append(_context_flag(event, check.context))
    if flags != event.flags:
        update["flags"] = flags
    return event.model_copy(update=update)


def _passed(check: _EventCheck, drops: list[Drop]) -> EventDraft:
    """An event that passed its checks, with the day its story's context gives it where it has one."""
    return (_settle_event(check, drops) or check.event) if check.context else check.event


#: How a flag begins on an event whose ``what`` the article did not bear out: such an event, if the
#: rules found none in its sentence, is dropped after the merge (the model may have invented it).
_UNBORNE_WHAT = "what: the model's words"


def _context_flag(event: EventDraft, words: str) -> str:
    return (
        f"date: the model said {event.date}, which this sentence gives no words for; the article pins "
        f"that day for another event ({words!r}), so it is kept as the story's context gives it"
    )


# --------------------------------------------------------------------------------------------
# One piece of the article: proposed, checked, repaired once
# --------------------------------------------------------------------------------------------


@dataclass
class _Failure:
    kind: str  # quote, event, actor, headline, bottom_line
    item: Any
    error: str

    def line(self, n: int) -> str:
        shown = self.item.model_dump(mode="json", exclude={"source", "flags"}) if isinstance(self.item, BaseModel) else self.item
        return f"{n}. {self.kind}: {json.dumps(shown, ensure_ascii=False)}\n   error: {self.error}"


@dataclass
class _Piece:
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
    answer, _ = _answer(job, prompt.render(failures=listing, article=text), ModelRepair, prompt.max_tokens or job.settings.max_tokens)
    if answer is None:
        job.stats.notes.append("the repair answer could not be read: every item that failed a check is dropped")
    return answer


def _check_piece(job: Job, proposal: ModelBriefing, text: str, *, lead: bool) -> _Piece:
    """Every item of one piece's answer checked against the whole article; what fails asked once
    more (against this piece's text), then dropped or, for a part of an event, cut away."""
    article, day, drops = job.article.text, job.article_date, job.stats.drops
    failures: list[_Failure] = []

    def split(model: type[M], kind: str, items: list[M]) -> tuple[list[M], list[M], list[str]]:
        good, bad, errors = [], [], []
        for item in items:
            valid, error = _in_article(model, item, article)
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
    bad_events: list[_EventCheck] = []
    anchors = _anchors(list(proposal.events), day)
    for event in proposal.events:
        check = _check_event(event, article, known, day, anchors)
        if check.errors:
            bad_events.append(check)
            failures.append(_Failure("event", event, "; ".join(check.errors)))
        else:
            events.append(_passed(check, drops))
    title = proposal.headline if lead else None
    title_error = _claims_error("the headline", title, article, day) if title else None
    if title_error:
        failures.append(_Failure("headline", title, title_error))
    lines = list(proposal.bottom_line) if lead else []
    line_errors = [_claims_error("this sentence", s, article, day) for s in lines]
    failures += [_Failure("bottom_line", s, e) for s, e in zip(lines, line_errors) if e]

    repair = _repair(job, failures, text) if failures else None
    fixed = 0

    # actors first: the events' actor lists are checked against the final list
    for item, error, again in zip(bad_actors, actor_errors, _pair(bad_actors, list(repair.actors) if repair else [])):
        valid, still = _in_article(ActorDraft, again, article) if again is not None else (None, error)
        if valid is not None:
            actors.append(valid)
            fixed += 1
        else:
            drops.append(Drop(kind="actor", reason=f"re-asked once, still: {still}", item=item.model_dump(mode="json")))
    known = {name_key(a.name) for a in actors}
    lost_actors = [a for a in bad_actors if name_key(a.name) not in known]
    gaps: list[str] = []
    if len(actors) < len(proposal.actors):
        used = [n for e in proposal.events for n in e.actors] + [q.speaker for q in proposal.quotes if q.speaker]
        gaps = [n for n in dict.fromkeys(used) if name_key(n) not in known]
    lost: list[QuoteDraft] = []
    for item, error, again in zip(bad_quotes, quote_errors, _pair(bad_quotes, list(repair.quotes) if repair else [])):
        valid, still = _in_article(QuoteDraft, again, article) if again is not None else (None, error)
        if valid is not None:
            quotes.append(valid)
            fixed += 1
        else:
            lost.append(item)
            drops.append(Drop(kind="quote", reason=f"re-asked once, still: {still}", item=item.model_dump(mode="json")))
    # an event that passed named only actors that passed or were repaired; strip any that went
    events = [e if all(name_key(n) in known for n in e.actors) else _strip_actors(e, known, drops) for e in events]
    offered = list(repair.events) if repair else []
    for check, again in zip(bad_events, _pair([c.event for c in bad_events], offered)):
        if again is not None:
            second = _check_event(again, article, known, day, anchors)
            if not second.errors:
                events.append(_passed(second, drops))
                fixed += 1
                continue
            # the repaired event where its sentence is the article's, else the first one's parts
            check = second if not second.sentence else check
        check = _check_event(check.event, article, known, day, anchors)  # against the final actor list
        settled = _settle_event(check, drops)
        if settled is not None:
            events.append(settled)

    if title_error:
        again = repair.headline if repair else None
        still = _claims_error("the headline", again, article, day) if again else title_error
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
        still = _claims_error("this sentence", again, article, day) if again else error
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
    return _Piece(title, kept_lines, events, actors, quotes, lost, gaps, lost_actors)


def _strip_actors(event: EventDraft, known: set[str], drops: list[Drop]) -> EventDraft:
    gone = [n for n in event.actors if name_key(n) not in known]
    drops.append(Drop(kind="event_actor", reason="its actor was dropped from the actors list", item={"actors": gone}))
    return event.model_copy(update={"actors": [n for n in event.actors if name_key(n) in known]})


# --------------------------------------------------------------------------------------------
# The article in pieces, and the pieces made one
# --------------------------------------------------------------------------------------------


def _step(job: Job, name: str) -> Prompt:
    spec = job.prompt.steps.get(name)
    if not spec:
        raise ConfigError(f"prompt {job.prompt.spec} names no {name!r} step: the verified strategy needs one")
    return load_prompt(spec)


def _pieces(job: Job, budget: int) -> list[str]:
    """The article whole when it fits the model's context with the prompt and the answer, else in
    overlapping pieces that do (``SUMMARISE_CHUNK_TOKENS`` forces their size)."""
    assert job.backend is not None
    text = job.article.text
    size = job.settings.chunk_tokens
    if size is None:
        room = room_for_article(job.backend, job.prompt.render(article=""), budget)
        if room is None or job.backend.count_tokens(text) <= room:
            return [text]
        if room < MIN_CHUNK_TOKENS:
            raise ConfigError(
                f"{job.backend.label} reads {job.backend.context_tokens:,} tokens: too few for the prompt "
                f"({OVERHEAD_TOKENS}+ tokens), a {budget}-token answer and any article; use a model with a larger context"
            )
        size = room
    chunks = split_into_chunks(text, size, job.backend.count_tokens)
    if len(chunks) > 1:
        why = "SUMMARISE_CHUNK_TOKENS" if job.settings.chunk_tokens else f"the {job.backend.context_tokens:,}-token context of {job.backend.label}"
        job.stats.notes.append(f"read in {len(chunks)} overlapping pieces of at most {size:,} tokens ({why})")
    return [c.text for c in chunks]


def _one(items: list[M]) -> list[M]:
    """The pieces' items with the overlap's repeats made one (a quote inside a longer one is it)."""
    kept: list[M] = []
    for item in items:
        key = _identity(item)
        same = next((i for i, k in enumerate(kept) if _same(_identity(k), key)), None)
        if same is None:
            kept.append(item)
        elif len(key) > len(_identity(kept[same])):
            kept[same] = item
    return kept


def _identity(item: BaseModel) -> str:
    if isinstance(item, QuoteDraft):
        return normalise(item.text)
    if isinstance(item, EventDraft):
        return f"{item.type.value}|{normalise(item.sentence)}"
    return name_key(getattr(item, "name", ""))


def _same(a: str, b: str) -> bool:
    return a == b or (bool(a) and bool(b) and "|" not in a and (a in b or b in a) and min(len(a), len(b)) > 20)


def _model_draft(pieces: list[_Piece]) -> tuple[BriefingDraft, list[QuoteDraft]]:
    lead = pieces[0]
    mark = {"source": "model"}
    return (
        BriefingDraft.model_construct(
            headline=lead.headline or "",
            bottom_line=" ".join(s.strip() for s in lead.bottom_line),
            events=[e.model_copy(update=mark) for e in _one([e for p in pieces for e in p.events])],
            actors=[a.model_copy(update=mark) for a in _one([a for p in pieces for a in p.actors])],
            quotes=[q.model_copy(update=mark) for q in _one([q for p in pieces for q in p.quotes])],
        ),
        [q for p in pieces for q in p.lost_quotes],
    )


# --------------------------------------------------------------------------------------------
# The rules where they are strong, and the merge
# --------------------------------------------------------------------------------------------


def _overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


#: How alike a rules quote and a dropped model quote must be for the rules' words to stand in for it.
_LIKE = 0.6


def _alike(a: str, b: str) -> bool:
    """Most of the words of each are the other's (a paraphrase, a word left out; not a quote the
    rules cut short at an inner quotation mark)."""
    ours, theirs = set(normalise(a).casefold().split()), set(normalise(b).casefold().split())
    return bool(ours and theirs) and len(ours & theirs) >= _LIKE * max(len(ours), len(theirs))


def _restore(model: BriefingDraft, lost: list[QuoteDraft], rules: BriefingDraft) -> BriefingDraft:
    """A dropped model quote whose words the rules found in the article comes back with the
    article's words and the model's attribution, flagged: the model read who said it, the rules
    where it stands."""
    restored = []
    for q in lost:
        found = next((r for r in rules.quotes if _alike(r.text, q.text)), None)
        if found is not None:
            flag = f"words: the model's ({clip(q.text, 80)!r}) are not the article's; the article's words here are shown"
            restored.append(q.model_copy(update={"text": found.text, "source": "model", "flags": [*q.flags, flag]}))
    return model.model_copy(update={"quotes": [*model.quotes, *restored]}) if restored else model


@dataclass
class _StandIns:
    """Rules-only items kept where the model's own item there was dropped: the gap it left is
    the rules' to fill (a model that named an actor wrongly or misquoted a speaker still read
    that someone stood there)."""

    quotes: dict[str, str] = field(default_factory=dict)  # normalised rules quote -> its flag
    actors: set[str] = field(default_factory=set)  # name keys the model's items use, unlisted
    #: how many of the model's actors of each kind were dropped: where the rules alone list no
    #: more actors of that kind than that, theirs are the ones the model meant
    kinds: dict[str, int] = field(default_factory=dict)


def _same_speaker(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    wa, wb = set(name_key(a).split()), set(name_key(b).split())
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _stand_ins(model: BriefingDraft, lost: list[QuoteDraft], pieces: list[_Piece], rules: BriefingDraft, article: str) -> _StandIns:
    """The rules' quotes of a speaker whose quote the model gave in words not the article's (and
    not restored), where no kept model quote stands; the rules' actors the model's own events and
    quotes name where the model's entry for them was dropped, and the count of dropped ones by kind."""
    found = _StandIns(actors={name_key(n) for p in pieces for n in p.gaps})
    for actor in (a for p in pieces for a in p.lost_actors):
        kind = ActorKind(actor.kind).value
        found.kinds[kind] = found.kinds.get(kind, 0) + 1
    spans = [align(article, q.text) for q in model.quotes]
    for q in lost:
        if any(_alike(r.text, q.text) for r in rules.quotes):
            continue  # restored with the article's words (_restore)
        for r in rules.quotes:
            if _same_speaker(r.speaker, q.speaker) and not any(_overlaps(align(article, r.text), s) for s in spans):
                flag = (f"words: the model's quote of {q.speaker} ({clip(q.text, 80)!r}) is not the article's; "
                        "the rules' quote of that speaker is shown")
                found.quotes.setdefault(normalise(r.text), flag)
    return found


def _strong_rules(rules: BriefingDraft, model: BriefingDraft, article: str, empty: set[str], stand_ins: _StandIns) -> BriefingDraft:
    """The rules' items a merge may use: those standing where the model's stand (to be one item
    and settle disagreements), the stand-ins for the model's dropped ones, and all of a field the
    model left empty."""
    quote_spans = [align(article, q.text) for q in model.quotes]
    event_spans = [align(article, e.sentence) for e in model.events]
    quotes = [q for q in rules.quotes if "quotes" in empty or normalise(q.text) in stand_ins.quotes
              or any(_overlaps(align(article, q.text), s) for s in quote_spans)]
    events = [e for e in rules.events if "events" in empty or any(_overlaps(align(article, e.sentence), s) for s in event_spans)]
    return BriefingDraft.model_construct(
        headline=rules.headline, bottom_line=rules.bottom_line, events=events, actors=list(rules.actors), quotes=quotes
    )


def _keep_strong(merged: BriefingDraft, empty: set[str], stand_ins: _StandIns) -> BriefingDraft:
    """After the merge: no rules-only item, but the stand-ins and those in a field the model left
    empty (where a rules-only actor must speak a kept quote or act in a kept event); event actors
    only from the list kept."""
    quotes = []
    for q in merged.quotes:
        flag = stand_ins.quotes.get(normalise(q.text)) if q.source == "rules" else None
        if flag:
            quotes.append(q.model_copy(update={"flags": [*q.flags, flag]}))
        elif q.source != "rules" or "quotes" in empty:
            quotes.append(q)
    events = [e for e in merged.events if e.source != "rules" or "events" in empty]
    used = {name_key(q.speaker) for q in quotes if q.speaker} | {name_key(n) for e in events for n in e.actors}
    actors = [
        a for a in merged.actors
        if a.source != "rules" or name_key(a.name) in stand_ins.actors or ("actors" in empty and name_key(a.name) in used)
    ]
    # the model's actors dropped and not stood in for by name: where the rules alone list no more
    # actors of that kind than were dropped, theirs stand in (flagged), else none (which of them?)
    for kind, dropped in stand_ins.kinds.items():
        filled = sum(1 for a in actors if a.source == "rules" and ActorKind(a.kind).value == kind)
        spare = [a for a in merged.actors if a.source == "rules" and ActorKind(a.kind).value == kind and a not in actors]
        if spare and len(spare) <= dropped - filled:
            flag = f"name: the model's {kind} actor here was not named in the article; the rules' {kind} is shown"
            actors += [a.model_copy(update={"flags": [*a.flags, flag]}) for a in spare]
    listed = {name_key(a.name) for a in actors}
    events = [e.model_copy(update={"actors": [n for n in e.actors if name_key(n) in listed]}) for e in events]
    return merged.model_copy(update={"quotes": quotes, "events": events, "actors": actors})


def _own_story(draft: BriefingDraft, job: Job) -> BriefingDraft:
    """The model's headline and bottom line where they are there and tell the article's own story,
    else the rules', with the reason recorded (a model that obeyed instructions planted in the
    article must not put another story above the briefing)."""
    text = job.article.text
    for name, fallback in (("headline", headline), ("bottom_line", bottom_line)):
        written = getattr(draft, name)
        if written and tells_the_story(written, text, name):
            continue
        shown = f"the rules' {name.replace('_', ' ')} is shown"
        if written:
            shared, total = shared_with_lead(written, text)
            reason = f"shares {shared} of its {total} content words with the article's lead: not the article's story; {shown}"
            job.stats.drops.append(Drop(kind=name, reason=reason, item=written))
        elif not any(d.kind == name for d in job.stats.drops):  # a check's drop already says why
            job.stats.drops.append(Drop(kind=name, reason=f"the model gave none; {shown}", item=""))
        setattr(draft, name, fallback(text))
    return draft


@register("verified")
def verified_draft(job: Job) -> BriefingDraft:
    """The model's whole briefing, each item checked and repaired once, merged with the rules'."""
    assert job.backend is not None
    budget = job.prompt.max_tokens or job.settings.max_tokens
    pieces: list[_Piece] = []
    unread = 0
    for n, text in enumerate(_pieces(job, budget)):
        proposal, broken = _answer(job, job.prompt.render(article=text), ModelBriefing, budget)
        if proposal is None:
            unread += 1
            proposal = ModelBriefing(headline="")
        elif broken:
            job.stats.notes.append("the model's answer was not valid whole: its whole items were kept, each one checked")
        pieces.append(_check_piece(job, proposal, text, lead=n == 0))
    if unread == len(pieces):
        raise ExtractionError(
            f"{job.backend.label} gave no readable JSON in {job.stats.attempts} attempt(s): try another model or prompt",
            attempts=job.stats.attempts,
        )
    text, day = job.article.text, job.article_date
    model, lost = _model_draft(pieces)
    model = _own_story(model, job)
    rules = extract_rules(text, date=day)
    model = _restore(model, lost, rules)
    stand_ins = _stand_ins(model, lost, pieces, rules, text)
    empty = {name for name in ("events", "actors", "quotes") if not getattr(model, name)}
    if empty:
        job.stats.notes.append(f"no {', no '.join(sorted(empty))} of the model's passed the checks: the rules' are shown")
    merged = merge_drafts(model, _strong_rules(rules, model, text, empty, stand_ins), text, article_date=day)
    return _drop_unborne(_keep_strong(merged, empty, stand_ins), job.stats.drops)


def _drop_unborne(draft: BriefingDraft, drops: list[Drop]) -> BriefingDraft:
    """An event whose ``what`` the article did not bear out even after the repair stands only where
    the rules found an event in its sentence too (flagged): the model's alone may be invented."""
    kept = []
    for event in draft.events:
        if event.source == "model" and any(f.startswith(_UNBORNE_WHAT) for f in event.flags):
            reason = "its what was not borne out after the repair and the rules found no event in its sentence"
            drops.append(Drop(kind="event", reason=reason, item=event.model_dump(mode="json", exclude={"source", "flags"})))
        else:
            kept.append(event)
    return draft.model_copy(update={"events": kept}) if len(kept) < len(draft.events) else draft
