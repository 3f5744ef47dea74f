"""The article in pieces, and the pieces made one.

An article longer than the model reads at once is read in overlapping pieces (summarise/chunks.py);
the pieces' items are made one (the same quote, event or actor from the overlap is one item), and
the headline and bottom line are the first piece's, where a news story tells its main event.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from summarise.call import OVERHEAD_TOKENS, room_for_article
from summarise.chunks import MIN_CHUNK_TOKENS, split_into_chunks
from summarise.errors import ConfigError
from summarise.schemas import BriefingDraft, EventDraft, QuoteDraft
from summarise.strategies.registry import Job
from summarise.strategies.repair import Piece
from summarise.text import name_key, normalise

M = TypeVar("M", bound=BaseModel)


def article_pieces(job: Job, budget: int) -> list[str]:
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


def model_draft(pieces: list[Piece]) -> tuple[BriefingDraft, list[QuoteDraft]]:
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
