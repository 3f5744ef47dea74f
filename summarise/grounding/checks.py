"""The checks of a model's items against the article: what fails, and why, in words a model can act on.

A capable model's item is only as good as the article bears it out, and the error it is shown
when it is asked again must say exactly what is wrong: a quote's words not the article's, an
event's sentence, quantity, actor or day the article does not give, a ``what`` that says a
number, date or name the article lacks (``grounding.claims.unsupported_claims``). An event is
checked part by part, so that a part that still fails after the one repair can go while the
event stays (``settle_event``). No backend here: only the article and the schema's own checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from summarise.grounding.claims import unsupported_claims
from summarise.grounding.dates import find_date_phrases, resolve_date
from summarise.schemas import Drop, EventDraft, clip, field_cap
from summarise.text import contains, name_key

M = TypeVar("M", bound=BaseModel)


def validation_error_text(exc: ValidationError) -> str:
    """The first error in words a model can act on: where it is, and the validator's own words."""
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err.get("loc", ()))
    msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{where}: {msg}" if where and err.get("type") != "value_error" else msg


def in_article(model: type[M], item: M, article: str) -> tuple[M | None, str | None]:
    """The item through its schema's own article checks (words, sentence, name in the article)."""
    try:
        data = item.model_dump(exclude={"source", "flags"})
        return model.model_validate(data, context={"article": article}), None
    except ValidationError as exc:
        return None, validation_error_text(exc)


def claims_error(what: str, text: str, article: str, day: dt.date | None) -> str | None:
    """Why ``text`` is not borne out (a number, date or name the article lacks), or None."""
    claims = unsupported_claims(text, article, article_date=day)
    if not claims:
        return None
    said = "; ".join(f"{c.kind} {c.text!r}: {c.reason}" for c in claims)
    return f"{what} says what the article does not ({said}): use only numbers, dates and names the article gives"


@dataclass
class EventCheck:
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


def event_anchors(events: list[EventDraft], day: dt.date | None) -> dict[dt.date, str]:
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


def check_event(event: EventDraft, article: str, actors: set[str], day: dt.date | None,
                 anchors: dict[dt.date, str] | None = None) -> EventCheck:
    valid, error = in_article(EventDraft, event, article)
    check = EventCheck(valid or event, sentence=error)
    check.what = claims_error(f"what {event.what!r}", event.what, article, day)
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


def settle_event(check: EventCheck, drops: list[Drop]) -> EventDraft | None:
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
        flags.append(f"{UNBORNE_WHAT} ({clip(event.what, 80)!r}) were not borne out; the sentence is shown")
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


def passed_event(check: EventCheck, drops: list[Drop]) -> EventDraft:
    """An event that passed its checks, with the day its story's context gives it where it has one."""
    return (settle_event(check, drops) or check.event) if check.context else check.event


#: How a flag begins on an event whose ``what`` the article did not bear out: such an event, if the
#: rules found none in its sentence, is dropped after the merge (the model may have invented it).
UNBORNE_WHAT = "what: the model's words"


def _context_flag(event: EventDraft, words: str) -> str:
    return (
        f"date: the model said {event.date}, which this sentence gives no words for; the article pins "
        f"that day for another event ({words!r}), so it is kept as the story's context gives it"
    )
