"""The single strategy: one call fills the whole briefing schema.

What the model wrote is kept only as far as it passes the validators: after the re-asks, the
items that pass are salvaged one by one, and a headline or bottom line that does not tell the
article's own story gives way to the rules' one.
"""

from __future__ import annotations

from summarise.call import ask, check_fits, parse_lenient
from summarise.errors import ExtractionError
from summarise.grounding.lead import shared_with_lead, tells_the_story
from summarise.rules import bottom_line, headline
from summarise.schemas import BriefingDraft, Drop, salvage_draft
from summarise.strategies.registry import Job, register


@register("single")
def single_draft(job: Job) -> BriefingDraft:
    """One call fills the whole draft; after the re-asks, keep the items that pass the rules."""
    assert job.backend is not None
    messages = job.prompt.render(article=job.article.text)
    max_tokens = job.prompt.max_tokens or job.settings.max_tokens
    check_fits(job.backend, messages, max_tokens, job.article)
    draft, raw = ask(
        job.backend, messages, BriefingDraft, article=job.article.text, settings=job.settings,
        stats=job.stats, max_tokens=max_tokens,
    )
    if draft is not None:
        return _own_story(draft, job)
    data = parse_lenient(raw)
    if not data:
        shown = (raw or "nothing").strip().replace("\n", " ")[:80]
        cut = next((n for n in job.stats.notes if "token cap" in n), None)
        raise ExtractionError(
            f"{job.backend.label} gave no valid JSON after {job.stats.attempts or 1} attempt(s) (it began: {shown!r}"
            f"{'; ' + cut if cut else ''}): " + ("raise SUMMARISE_MAX_TOKENS or try another model" if cut else "try another model or prompt"),
            attempts=job.stats.attempts,
            last_output=raw,
        )
    salvaged, drops = salvage_draft(data, job.article.text)
    job.stats.drops.extend(drops)
    return _own_story(salvaged, job)


def _own_story(draft: BriefingDraft, job: Job) -> BriefingDraft:
    """The model's headline and bottom line where they tell the article's own story, else the
    rules' (taken from the article itself), with the reason recorded: a model that obeyed
    instructions planted in the article must not put another story above the briefing."""
    for item in (*draft.events, *draft.actors, *draft.quotes):
        item.source = "model"  # every briefing says where its items came from
    text = job.article.text
    for field, fallback in (("headline", headline), ("bottom_line", bottom_line)):
        written = getattr(draft, field)
        if tells_the_story(written, text, field):
            continue
        shared, total = shared_with_lead(written, text)
        job.stats.drops.append(
            Drop(
                kind=field,
                reason=f"shares {shared} of its {total} content words with the article's lead: "
                f"not the article's story, the rules' {field.replace('_', ' ')} is shown",
                item=written,
            )
        )
        setattr(draft, field, fallback(text))
    return draft
