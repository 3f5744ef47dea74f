"""The rules where they are strong: which of the rules' candidates stand beside the model's items.

A rules-only item is a spurious item whenever the model was right, so the merge
(``grounding.merge.merge_drafts``) is given only the rules' items that stand where a kept model
item stands, the stand-ins for the model's dropped items, and all of a field the model left
empty; after it, every other rules-only item goes, and a model event whose ``what`` the article
did not bear out stands only where the rules found an event in its sentence too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summarise.grounding.align import align
from summarise.grounding.checks import UNBORNE_WHAT
from summarise.schemas import ActorKind, BriefingDraft, Drop, QuoteDraft, Span, clip
from summarise.strategies.repair import Piece
from summarise.text import name_key, normalise


def _overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


#: How alike a rules quote and a dropped model quote must be for the rules' words to stand in for it.
_LIKE = 0.6


def _alike(a: str, b: str) -> bool:
    """Most of the words of each are the other's (a paraphrase, a word left out; not a quote the
    rules cut short at an inner quotation mark)."""
    ours, theirs = set(normalise(a).casefold().split()), set(normalise(b).casefold().split())
    return bool(ours and theirs) and len(ours & theirs) >= _LIKE * max(len(ours), len(theirs))


def restore_quotes(model: BriefingDraft, lost: list[QuoteDraft], rules: BriefingDraft) -> BriefingDraft:
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
class StandIns:
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


def find_stand_ins(model: BriefingDraft, lost: list[QuoteDraft], pieces: list[Piece], rules: BriefingDraft, article: str) -> StandIns:
    """The rules' quotes of a speaker whose quote the model gave in words not the article's (and
    not restored), where no kept model quote stands; the rules' actors the model's own events and
    quotes name where the model's entry for them was dropped, and the count of dropped ones by kind."""
    found = StandIns(actors={name_key(n) for p in pieces for n in p.gaps})
    for actor in (a for p in pieces for a in p.lost_actors):
        kind = ActorKind(actor.kind).value
        found.kinds[kind] = found.kinds.get(kind, 0) + 1
    spans = [align(article, q.text) for q in model.quotes]
    for q in lost:
        if any(_alike(r.text, q.text) for r in rules.quotes):
            continue  # restored with the article's words (restore_quotes)
        for r in rules.quotes:
            if _same_speaker(r.speaker, q.speaker) and not any(_overlaps(align(article, r.text), s) for s in spans):
                flag = (f"words: the model's quote of {q.speaker} ({clip(q.text, 80)!r}) is not the article's; "
                        "the rules' quote of that speaker is shown")
                found.quotes.setdefault(normalise(r.text), flag)
    return found


def strong_rules(rules: BriefingDraft, model: BriefingDraft, article: str, empty: set[str], stand_ins: StandIns) -> BriefingDraft:
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


def keep_strong(merged: BriefingDraft, empty: set[str], stand_ins: StandIns) -> BriefingDraft:
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


def drop_unborne(draft: BriefingDraft, drops: list[Drop]) -> BriefingDraft:
    """An event whose ``what`` the article did not bear out even after the repair stands only where
    the rules found an event in its sentence too (flagged): the model's alone may be invented."""
    kept = []
    for event in draft.events:
        if event.source == "model" and any(f.startswith(UNBORNE_WHAT) for f in event.flags):
            reason = "its what was not borne out after the repair and the rules found no event in its sentence"
            drops.append(Drop(kind="event", reason=reason, item=event.model_dump(mode="json", exclude={"source", "flags"})))
        else:
            kept.append(event)
    return draft.model_copy(update={"events": kept}) if len(kept) < len(draft.events) else draft
