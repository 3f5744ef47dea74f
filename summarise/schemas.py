"""The briefing, as pydantic models: what the model fills and what the toolkit hands out.

Two layers, one set of rules:

- the *draft* models (``BriefingDraft`` and its items) are what a model is asked to fill. Their
  validators carry the rules (a quote's words are in the article, an event's sentence is in the
  article, an event's actors are in the actor list) and read the article from instructor's
  validation context, so a broken rule becomes a re-ask with the error text as the instruction.
- the *output* models (``Briefing`` and its items) add what the toolkit works out itself and never
  takes from a model: character spans into the article, normalised dates and quantities, aliases,
  and the provenance.

Every list is bounded and every string has a length cap: llama.cpp turns this schema into a
grammar, and a small model loops to the end of its context on an unbounded list.
A change to any model here is a new ``SCHEMA_VERSION`` with its file in ``schemas/``.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema

from summarise.text import contains, name_key, strip_outer_quotes

SCHEMA_VERSION = "2"

MAX_EVENTS = 8
MAX_ACTORS = 12
MAX_QUOTES = 10
MAX_QUANTITIES = 4
MAX_EVENT_ACTORS = 6
MAX_QUOTE_CHARS = 600


class EventType(str, Enum):
    MISSILE_LAUNCH = "missile_launch"
    WEAPONS_TEST = "weapons_test"
    MILITARY_EXERCISE = "military_exercise"
    ATTACK = "attack"
    STATEMENT = "statement"
    MEETING = "meeting"
    VISIT = "visit"
    SANCTION = "sanction"
    OTHER = "other"


class ActorKind(str, Enum):
    STATE = "state"
    PERSON = "person"
    ORGANISATION = "organisation"
    MILITARY_BODY = "military_body"
    OTHER = "other"


class SpeakerType(str, Enum):
    OFFICIAL = "official"
    ANALYST = "analyst"
    WITNESS = "witness"
    ORGANISATION = "organisation"
    OTHER = "other"


Origin = Literal["model", "rules", "both"]
"""Who found an item: the model, the rules, or both (``briefing@v3`` merges the two)."""


class MatchStatus(str, Enum):
    """How an item was found in the article: exactly, or by tolerant alignment."""

    EXACT = "exact"
    FUZZY = "fuzzy"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Strict):
    """A place in the article: ``article[start:end]`` (end-exclusive), and how it was matched."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    status: MatchStatus = MatchStatus.EXACT


def _article(info: ValidationInfo) -> str | None:
    ctx = info.context
    if isinstance(ctx, dict):
        article = ctx.get("article")
        return article if isinstance(article, str) else None
    return None


# --------------------------------------------------------------------------------------------
# What a model fills
# --------------------------------------------------------------------------------------------


class Quantity(_Strict):
    """A number the article gives, with its unit and what it measures."""

    value: float | None = Field(
        description="the number; null for a time of day", default=None
    )
    unit: str = Field(max_length=30, description="e.g. km, missiles, %, local time")
    measure: str = Field(max_length=60, description="what is measured, e.g. flight distance")
    text: str = Field(max_length=60, description="the article's own words, e.g. 'about 900 km'")


class EventDraft(_Strict):
    type: EventType
    what: str = Field(max_length=240, description="what happened, one short sentence")
    date: dt.date | None = Field(default=None, description="ISO date, only when the article pins it")
    date_text: str | None = Field(default=None, max_length=60, description="the article's words for when")
    place: str | None = Field(default=None, max_length=80)
    actors: list[str] = Field(default_factory=list, max_length=MAX_EVENT_ACTORS, description="names from the actors list")
    quantities: list[Quantity] = Field(default_factory=list, max_length=MAX_QUANTITIES)
    sentence: str = Field(max_length=600, description="the article's sentence that reports the event, copied exactly")

    # set by the toolkit, never asked of a model: kept out of the JSON schema (and so of grammars)
    source: SkipJsonSchema[Origin | None] = None
    flags: SkipJsonSchema[list[str]] = Field(default_factory=list)

    @field_validator("sentence")
    @classmethod
    def _sentence_in_article(cls, v: str, info: ValidationInfo) -> str:
        article = _article(info)
        if article is not None and not contains(article, v):
            raise ValueError(
                f"the sentence {v[:80]!r} is not in the article: copy the article's sentence exactly"
            )
        return v


class ActorDraft(_Strict):
    name: str = Field(max_length=80, description="the name as the article gives it")
    kind: ActorKind
    role: str | None = Field(default=None, max_length=120, description="role or title")
    affiliation: str | None = Field(default=None, max_length=120)

    # set by the toolkit, never asked of a model: kept out of the JSON schema (and so of grammars)
    source: SkipJsonSchema[Origin | None] = None
    flags: SkipJsonSchema[list[str]] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _name_in_article(cls, v: str, info: ValidationInfo) -> str:
        article = _article(info)
        if article is not None and not contains(article, v):
            raise ValueError(f"the actor {v!r} is not named in the article: use a name the article gives")
        return v


class QuoteDraft(_Strict):
    text: str = Field(max_length=MAX_QUOTE_CHARS, description="the exact words inside the quotation marks")
    speaker: str | None = Field(default=None, max_length=80)
    speaker_role: str | None = Field(default=None, max_length=120)
    speaker_affiliation: str | None = Field(default=None, max_length=120)
    speaker_type: SpeakerType = SpeakerType.OTHER

    # set by the toolkit, never asked of a model: kept out of the JSON schema (and so of grammars)
    source: SkipJsonSchema[Origin | None] = None
    flags: SkipJsonSchema[list[str]] = Field(default_factory=list)

    @field_validator("text")
    @classmethod
    def _words_in_article(cls, v: str, info: ValidationInfo) -> str:
        v = strip_outer_quotes(v)
        if not v:
            raise ValueError("a quote needs words")
        article = _article(info)
        if article is not None and not contains(article, v):
            raise ValueError(
                f"the quote {v[:80]!r} is not in the article: give only words that stand between "
                "quotation marks in the article, copied exactly"
            )
        return v


class BriefingDraft(_Strict):
    headline: str = Field(max_length=200)
    bottom_line: str = Field(max_length=600, description="one to three sentences")
    events: list[EventDraft] = Field(default_factory=list, max_length=MAX_EVENTS)
    actors: list[ActorDraft] = Field(default_factory=list, max_length=MAX_ACTORS)
    quotes: list[QuoteDraft] = Field(default_factory=list, max_length=MAX_QUOTES)

    @model_validator(mode="after")
    def _event_actors_listed(self) -> BriefingDraft:
        known = {name_key(a.name) for a in self.actors}
        for event in self.events:
            missing = [n for n in event.actors if name_key(n) not in known]
            if missing:
                raise ValueError(
                    f"event actors {missing} are not in the actors list: add them to actors or remove them"
                )
        return self


class ModelBriefing(_Strict):
    """What a capable model writes under ``briefing@v3``: the whole briefing, in its own words
    where the reader wants a summary (event ``what``, the bottom line), the article's words
    everywhere else.

    Its lists are bounded by what the article holds, not by a small model's needs (a prompt for
    a small model caps them itself, as ``BriefingDraft`` does). Every item is checked by the
    toolkit before a reader sees it, item by item, so nothing here re-asks the whole answer.
    """

    headline: str = Field(max_length=200)
    bottom_line: list[str] = Field(
        default_factory=list, max_length=3, description="one to three sentences, in your own words"
    )
    events: list[EventDraft] = Field(default_factory=list)
    actors: list[ActorDraft] = Field(default_factory=list)
    quotes: list[QuoteDraft] = Field(default_factory=list)


class ModelRepair(_Strict):
    """What a model answers when asked once more (``repair@v1``) about the items of its
    ``ModelBriefing`` that failed a check: each listed item corrected from the article, or left
    out where the article does not bear it out. Its answer is checked like the first; what fails
    again is dropped, and the drop recorded."""

    headline: str | None = Field(default=None, max_length=200, description="the headline corrected, if it was listed")
    bottom_line: list[str] = Field(
        default_factory=list, max_length=3, description="the listed bottom-line sentences, corrected"
    )
    events: list[EventDraft] = Field(default_factory=list)
    actors: list[ActorDraft] = Field(default_factory=list)
    quotes: list[QuoteDraft] = Field(default_factory=list)


# --------------------------------------------------------------------------------------------
# What the toolkit hands out
# --------------------------------------------------------------------------------------------


class Event(EventDraft):
    span: Span | None = Field(default=None, description="where the sentence stands in the article")
    source: Origin | None = Field(default=None, description="who found it: the model, the rules, or both")
    flags: list[str] = Field(
        default_factory=list, max_length=12,
        description="where the model and the rules disagreed, and which answer was kept and why",
    )


class Actor(ActorDraft):
    aliases: list[str] = Field(default_factory=list, max_length=12, description="other names for the same actor")
    mentions: list[Span] = Field(default_factory=list, max_length=200)
    source: Origin | None = Field(default=None, description="who found it: the model, the rules, or both")
    flags: list[str] = Field(
        default_factory=list, max_length=12,
        description="where the model and the rules disagreed, and which answer was kept and why",
    )


class Quote(QuoteDraft):
    span: Span | None = None
    source: Origin | None = Field(default=None, description="who found it: the model, the rules, or both")
    flags: list[str] = Field(
        default_factory=list, max_length=12,
        description="where the model and the rules disagreed, and which answer was kept and why",
    )


class Support(_Strict):
    """One sentence of the bottom line and the places in the article it rests on."""

    sentence: str
    spans: list[Span] = Field(default_factory=list, max_length=24)


class Drop(_Strict):
    """An item a model gave that broke a rule after every retry: left out, never hidden."""

    kind: str
    reason: str
    item: dict[str, Any] | str


class Provenance(_Strict):
    """How a briefing was made, so that any figure in it can be traced and reproduced."""

    prompt: str = Field(description="name@version")
    prompt_hash: str
    schema_version: str = SCHEMA_VERSION
    model: str
    backend: str
    strategy: str = "single"
    article_hash: str
    created_at: dt.datetime
    duration_s: float = 0.0
    timings: dict[str, float] = Field(default_factory=dict)
    calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    retries: int = 0
    dropped: list[Drop] = Field(default_factory=list)
    settings: dict[str, Any] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)
    version: str = ""
    language: str | None = Field(
        default=None,
        description="the article's language as detected (ISO 639 code; the prompts and rules read English), "
        "none where it could not be told",
    )


class Briefing(_Strict):
    schema_version: str = SCHEMA_VERSION
    headline: str
    bottom_line: str
    bottom_line_support: list[Support] = Field(
        default_factory=list, max_length=6,
        description="each sentence of the bottom line with the spans of the article it rests on",
    )
    article_date: dt.date | None = None
    events: list[Event] = Field(default_factory=list, max_length=MAX_EVENTS * 4)
    actors: list[Actor] = Field(default_factory=list, max_length=MAX_ACTORS * 4)
    quotes: list[Quote] = Field(default_factory=list, max_length=MAX_QUOTES * 6)
    provenance: Provenance | None = None

    @property
    def analyst_quotes(self) -> list[Quote]:
        return [q for q in self.quotes if q.speaker_type == SpeakerType.ANALYST]


# --------------------------------------------------------------------------------------------
# Salvage: keep what is valid when the retries are spent
# --------------------------------------------------------------------------------------------

_ITEM_MODELS: dict[str, type[BaseModel]] = {"events": EventDraft, "actors": ActorDraft, "quotes": QuoteDraft}


def field_cap(model: type[BaseModel], name: str) -> int | None:
    """The most characters or items a model's field accepts (None: unbounded), read from the
    schema itself, so that what the rules, the importers and the caps build always fits it."""
    caps = [m.max_length for m in model.model_fields[name].metadata if isinstance(getattr(m, "max_length", None), int)]
    return min(caps) if caps else None


def clip(text: str | None, cap: int | None) -> str | None:
    """``text`` cut at the last word that fits ``cap`` characters (a description, not a quote:
    a quote's words are never cut)."""
    if text is None or cap is None or len(text) <= cap:
        return text
    cut = text[:cap].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut or text[:cap]


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err.get("loc", ())) or "item"
    return f"{where}: {err.get('msg', 'invalid')}"


def salvage_draft(data: dict[str, Any], article: str) -> tuple[BriefingDraft, list[Drop]]:
    """Validate item by item and drop only what breaks a rule.

    Used when instructor's re-asks are spent: one invented quote must not cost the analyst the
    rest of the briefing, and each drop is reported in the provenance instead of vanishing.
    """
    ctx = {"article": article}
    drops: list[Drop] = []
    kept: dict[str, list[Any]] = {}
    for key, model in _ITEM_MODELS.items():
        items = data.get(key) or []
        kept[key] = []
        for item in items if isinstance(items, list) else []:
            try:
                kept[key].append(model.model_validate(item, context=ctx))
            except ValidationError as exc:
                drops.append(Drop(kind=key[:-1], reason=_first_error(exc), item=item if isinstance(item, dict) else str(item)))
    known = {name_key(a.name) for a in kept["actors"]}
    for event in kept["events"]:
        unknown = [n for n in event.actors if name_key(n) not in known]
        if unknown:
            drops.append(Drop(kind="event_actor", reason="not in the actors list", item={"actors": unknown}))
            event.actors = [n for n in event.actors if n not in unknown]
    headline = str(data.get("headline") or "")[:200]
    bottom_line = str(data.get("bottom_line") or "")[:600]
    draft = BriefingDraft.model_construct(
        headline=headline, bottom_line=bottom_line, events=kept["events"], actors=kept["actors"], quotes=kept["quotes"]
    )
    return draft, drops
