"""One answer of the model: asked, and kept item by item when it is not valid whole.

A long answer is checked for structure only when it arrives (no article in the validation
context), so that one bad item never costs a re-ask of the whole; an answer cut at the token cap
is asked again once with more room, and whatever items a cut or broken answer holds whole are kept,
each item that is not recorded as a drop.
"""

from __future__ import annotations

from typing import Any, TypeVar

import pydantic_core
from pydantic import BaseModel, ValidationError

from summarise.call import ask, parse_lenient, room_for_article
from summarise.errors import BackendError
from summarise.grounding.checks import validation_error_text
from summarise.schemas import (
    MAX_EVENT_ACTORS,
    MAX_QUANTITIES,
    ActorDraft,
    Drop,
    EventDraft,
    ModelBriefing,
    QuoteDraft,
    clip,
    field_cap,
)
from summarise.strategies.registry import Job

#: Words of a cut answer's note (call.py): how a cut is told from an answer that broke the schema.
_CUT_NOTE = "token cap"

M = TypeVar("M", bound=BaseModel)


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
            return None, validation_error_text(exc)


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


def model_answer(job: Job, messages: list[dict[str, str]], model: type[M], budget: int) -> tuple[M | None, bool]:
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
