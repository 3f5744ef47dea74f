"""The rules strategy: the no-model extractor, named by the model spec itself (``--model rules``)."""

from __future__ import annotations

from summarise.rules import extract_rules
from summarise.schemas import BriefingDraft
from summarise.strategies.registry import Job, register


@register("rules", needs_model=False)
def rules_draft(job: Job) -> BriefingDraft:
    draft = extract_rules(job.article.text, date=job.article_date)
    for item in (*draft.events, *draft.actors, *draft.quotes):
        item.source = "rules"  # every briefing says where its items came from
    return draft
