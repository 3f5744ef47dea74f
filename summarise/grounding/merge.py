"""Merging: one draft from what a capable model wrote and what the rules found.

Under ``briefing@v3`` the model writes the whole briefing and the rules find their own
candidates. Neither is trusted blindly: an item both found is stronger than one either found,
and where the two disagree (a different speaker, date, type or place) the answer kept is the one
the article's text bears out (the name at the quote, the date the evidence sentence pins against
the article's date, the trigger words in the sentence); where the text bears out both, the
model's reading of the whole story stands (so does a place of the model's that the text bears
out, even told across sentences, over the rules' one in the sentence). Every item says who found
it (``source``) and every disagreement stays on the kept item as a one-line ``flag``, so a reader and the eval report see
where the two parted and why one won.

Matching is by place in the article, never by wording: quotes by their aligned span (two spans
that overlap are one quote, and the longer one's words are kept), events by the span of their
evidence sentence and their type (or, told from two sentences, by type, day and a shared actor),
actors by their name after alias resolution ("Seoul" speaking is South Korea). Caps are no
business of this module: ``grounding.caps`` cuts later and records the cut.

Measured with gold labels standing in for a capable model (newsdesk, holdout, realnews-tune):
merged with every rules candidate, the perfect model lost up to 0.15 events F1 and 0.09 actors F1
to the rules' own items, so a caller passes only the candidates it trusts (the ``verified``
strategy does). With a fifth of the model's speakers swapped, the settling of disagreements here
raised speaker accuracy from 0.80 to 0.98 (newsdesk) and 0.66 to 0.89 (holdout), the rules alone
being 0.99 and 0.76, and cost the perfect model nothing.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from summarise.grounding.align import align
from summarise.grounding.attribution import verify_speakers
from summarise.grounding.coref import resolve_aliases
from summarise.grounding.cues import speech_verbs
from summarise.grounding.dates import article_date as find_article_date
from summarise.grounding.dates import find_date_phrases, resolve_date
from summarise.grounding.events.clauses import mask_quotes
from summarise.grounding.events.hits import find_hits
from summarise.grounding.sentences import Sentence, split_sentences
from summarise.grounding.speakers import speaker_type as classify_speaker
from summarise.schemas import (
    ActorDraft,
    ActorKind,
    BriefingDraft,
    EventDraft,
    EventType,
    QuoteDraft,
    Span,
    SpeakerType,
)
from summarise.text import contains, name_key

#: Capitalised words that never name anyone on their own (a title's article, a conjunction).
_NOT_NAME = frozenset({"the", "a", "an", "of", "and", "for", "in", "on", "at", "to", "de", "von", "van"})
_WORD = re.compile(r"[\w'’-]+")
_SPEECH = re.compile(rf"\b{speech_verbs()}\b", re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# Names: one key per actor, whatever name each side used
# --------------------------------------------------------------------------------------------


class _Names:
    """The actor each name stands for, and the one name the merged draft uses for it."""

    def __init__(self, names: Iterable[str], article: str, model_actors: Iterable[str]) -> None:
        unique = list(dict.fromkeys(n for n in names if n))
        self._canonical = resolve_aliases(unique, article) if unique else {}
        self._kept: dict[str, str] = {}
        #: the actors the model lists, by key: who the model itself takes to play a part
        self.model_listed = {k for n in model_actors if (k := self.key(n))}

    def key(self, name: str | None) -> str | None:
        if not name:
            return None
        return name_key(self._canonical.get(name, name))

    def keep(self, key: str, name: str) -> None:
        self._kept.setdefault(key, name)

    def listed(self, name: str | None) -> bool:
        """Whether the merged actors list holds the actor ``name`` stands for."""
        key = self.key(name)
        return key is not None and key in self._kept

    def shown(self, name: str | None) -> str | None:
        """The name the merged draft gives the actor ``name`` stands for (itself when unlisted)."""
        key = self.key(name)
        return self._kept.get(key, name) if key else name


def _all_names(*drafts: BriefingDraft) -> list[str]:
    names: list[str] = []
    for d in drafts:
        names += [a.name for a in d.actors]
        names += [q.speaker for q in d.quotes if q.speaker]
        names += [n for e in d.events for n in e.actors]
    return names


def _origin(sources: set[str]) -> str:
    return "both" if len(sources) > 1 or "both" in sources else next(iter(sources))


def _merge_actors(model: list[ActorDraft], rules: list[ActorDraft], names: _Names) -> list[ActorDraft]:
    """One actor per key, the model's first; a side that names it too fills the other's gaps."""
    merged: dict[str, ActorDraft] = {}
    found_by: dict[str, set[str]] = {}
    for side, actors in (("model", model), ("rules", rules)):
        for draft in actors:
            key = names.key(draft.name) or name_key(draft.name)
            held = merged.get(key)
            if held is None:
                merged[key] = draft.model_copy(update={"flags": list(draft.flags)})
                found_by[key] = {side}
                continue
            found_by[key].add(side)
            # the name the aliases resolve to is the actor's name ("South Korea", not "Seoul")
            name = draft.name if name_key(draft.name) == key and name_key(held.name) != key else held.name
            kind = held.kind if held.kind != ActorKind.OTHER else draft.kind
            merged[key] = held.model_copy(
                update={
                    "name": name,
                    "kind": kind,
                    "role": held.role or draft.role,
                    "affiliation": held.affiliation or draft.affiliation,
                    "flags": list(dict.fromkeys([*held.flags, *draft.flags])),
                }
            )
    for key, actor in merged.items():
        actor.source = _origin(found_by[key])  # type: ignore[assignment]
        names.keep(key, actor.name)
    return list(merged.values())


# --------------------------------------------------------------------------------------------
# Quotes: one per stretch of the article, the speaker the text gives
# --------------------------------------------------------------------------------------------


def _overlap(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def _contains_span(outer: Span | None, inner: Span | None) -> bool:
    return outer is not None and inner is not None and outer.start <= inner.start and inner.end <= outer.end


def _length(span: Span | None) -> int:
    return span.end - span.start if span else 0


@dataclass
class _Placed:
    """A draft item, the side that gave it, and where it stands in the article."""

    item: QuoteDraft | EventDraft
    side: str
    span: Span | None
    matched: bool = False


def _name_words(name: str) -> list[str]:
    return [w for w in _WORD.findall(name) if w[:1].isupper() and len(w) >= 2 and w.casefold() not in _NOT_NAME]


def _names_in(name: str, text: str) -> bool:
    return any(re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", text) for w in _name_words(name))


def _sentence_index(sentences: list[Sentence], starts: list[int], at: int) -> int:
    return max(0, bisect.bisect_right(starts, at) - 1)


class _Attribution:
    """How near a quote the text names a speaker: in the quote's own sentence (outside its
    quotation marks), in the sentence before, or only somewhere the rules' checks accept."""

    AT_QUOTE, BEFORE, SUPPORTED, NONE = 3, 2, 1, 0

    def __init__(self, article: str) -> None:
        self.article = article
        self.sentences = split_sentences(article)
        self.starts = [s.start for s in self.sentences]

    def strength(self, quote: QuoteDraft, speaker: str, span: Span | None) -> int:
        probe = quote.model_copy(update={"speaker": speaker})
        kept, _ = verify_speakers([probe], self.article)
        if not kept or kept[0].speaker != speaker:
            return self.NONE
        if span is None or not self.sentences:
            return self.SUPPORTED
        first = _sentence_index(self.sentences, self.starts, span.start)
        last = max(first, _sentence_index(self.sentences, self.starts, max(span.start, span.end - 1)))
        own = " ".join(mask_quotes(s.text) for s in self.sentences[first : last + 1])
        if _names_in(speaker, own):
            return self.AT_QUOTE
        if first > 0 and _names_in(speaker, mask_quotes(self.sentences[first - 1].text)):
            return self.BEFORE
        return self.SUPPORTED


_WHY_SPEAKER = {
    _Attribution.AT_QUOTE: "whom the text names at the quote",
    _Attribution.BEFORE: "whom the text names just before the quote",
    _Attribution.SUPPORTED: "whom the text gives the words to",
}


def _speaker_flag(said_model: str | None, said_rules: str | None, kept: str | None, why: str) -> str:
    return (
        f"speaker: the model said {said_model or 'nobody'}, the rules {said_rules or 'nobody'}; "
        f"kept {kept or 'no speaker'}, {why}"
    )


def _type_supported(speaker_type: SpeakerType, quote: QuoteDraft, article: str) -> bool:
    """Whether the words the text gives the speaker ("an analyst at ...") make that kind of voice."""
    described = " ".join(d for d in (quote.speaker_role, quote.speaker_affiliation) if d and contains(article, d))
    if not described or speaker_type == SpeakerType.OTHER:
        return False
    return classify_speaker(described) == speaker_type


def _one_speaker(a: str | None, b: str | None) -> bool:
    """Whether two names are one speaker written fuller and shorter ("State Department" and "US
    State Department", "Khalid al-Tayeb" and "Brigadier Khalid al-Tayeb")."""
    if not a or not b:
        return False
    wa, wb = {w.casefold() for w in _name_words(a)}, {w.casefold() for w in _name_words(b)}
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _speaker_side(m: QuoteDraft, r: QuoteDraft, span: Span | None, names: _Names, attribution: _Attribution) -> tuple[QuoteDraft, QuoteDraft, list[str]]:
    """Which side's speaker the merged quote keeps (winner, loser) and the flag where they differ.

    The model read the whole story and its speaker has passed the attribution check, so it stays
    unless the text names the rules' speaker nearer the quote (at it, or just before it) and the
    model's only further off, or gives the model's speaker the words nowhere near it."""
    if names.key(m.speaker) == names.key(r.speaker):
        if m.speaker is None and not m.speaker_role and r.speaker_role:
            return r, m, []
        return m, r, []
    if _one_speaker(m.speaker, r.speaker):
        # one speaker, named fuller by one side: the name the actors list gives it, else the model's
        if names.listed(r.speaker) and not names.listed(m.speaker):
            return r, m, []
        return m, r, []
    sm = attribution.strength(m, m.speaker, span) if m.speaker else _Attribution.NONE
    if r.speaker is None:
        if sm > _Attribution.NONE:
            return m, r, [_speaker_flag(m.speaker, None, m.speaker, "whom the text gives the words to")]
        return r, m, [_speaker_flag(m.speaker, None, None, "since the text does not give the model's speaker the words")]
    sr = attribution.strength(r, r.speaker, span)
    if m.speaker is None:
        if sr == _Attribution.AT_QUOTE:
            return r, m, [_speaker_flag(None, r.speaker, r.speaker, _WHY_SPEAKER[sr])]
        return m, r, [_speaker_flag(None, r.speaker, None, "since the text names the rules' speaker nowhere at the quote")]
    if sm == _Attribution.NONE or (sr == _Attribution.AT_QUOTE and sm < _Attribution.AT_QUOTE):
        return r, m, [_speaker_flag(m.speaker, r.speaker, r.speaker, _WHY_SPEAKER.get(sr, "the rules' attribution"))]
    if sr > sm:
        # the text names the rules' speaker nearer the quote (just before it) than the model's,
        # which it gives the words only further off: a swapped speaker is most often another
        # voice of the same story, which the checks accept somewhere
        why = f"{_WHY_SPEAKER[sr]} (the model's only further off)"
        return r, m, [_speaker_flag(m.speaker, r.speaker, r.speaker, why)]
    if sr == sm and names.key(r.speaker) in names.model_listed:
        # named as near as the model's, and an actor the model itself lists: the rules' reading
        # of the attribution's grammar settles it
        why = f"{_WHY_SPEAKER[sr]}, by the rules' reading of the attribution (the text names both as near)"
        return r, m, [_speaker_flag(m.speaker, r.speaker, r.speaker, why)]
    why = _WHY_SPEAKER[sm] if sm > sr else f"{_WHY_SPEAKER[sm]} (the text names both as near, the rules' not as an actor the model lists)"
    return m, r, [_speaker_flag(m.speaker, r.speaker, m.speaker, why)]


def _merge_quote(m: QuoteDraft, r: QuoteDraft, m_span: Span | None, r_span: Span | None, article: str,
                 names: _Names, attribution: _Attribution) -> QuoteDraft:
    span = r_span if _length(r_span) > _length(m_span) else m_span
    text = r.text if span is r_span and r_span is not m_span else m.text
    won, lost, flags = _speaker_side(m, r, span, names, attribution)
    same_speaker = names.key(m.speaker) == names.key(r.speaker) or _one_speaker(m.speaker, r.speaker)
    role = won.speaker_role or (lost.speaker_role if same_speaker else None)
    affiliation = won.speaker_affiliation or (lost.speaker_affiliation if same_speaker else None)
    speaker_type = won.speaker_type
    if same_speaker and m.speaker_type != r.speaker_type:
        # the kind of voice is a reading of the whole story: the model's stands, unless it said
        # "other" and the text's own description of the speaker makes the rules' kind
        if m.speaker_type == SpeakerType.OTHER and _type_supported(r.speaker_type, r, article):
            speaker_type, why = r.speaker_type, "which the text's description of the speaker makes"
        else:
            speaker_type, why = m.speaker_type, "the model's reading of the speaker"
        flags.append(
            f"speaker type: the model said {SpeakerType(m.speaker_type).value}, the rules "
            f"{SpeakerType(r.speaker_type).value}; kept {SpeakerType(speaker_type).value}, {why}"
        )
    return m.model_copy(
        update={
            "text": text,
            "speaker": names.shown(won.speaker),
            "speaker_role": role,
            "speaker_affiliation": affiliation,
            "speaker_type": speaker_type,
            "source": "both",
            "flags": list(dict.fromkeys([*m.flags, *r.flags, *flags])),
        }
    )


def _merge_quotes(model: list[QuoteDraft], rules: list[QuoteDraft], article: str, names: _Names) -> list[QuoteDraft]:
    attribution = _Attribution(article)
    ours = [_Placed(q, "model", align(article, q.text)) for q in model]
    theirs = [_Placed(q, "rules", align(article, q.text)) for q in rules]
    merged: list[tuple[QuoteDraft, Span | None]] = []
    for m in ours:
        # words a quote already merged holds (the model gave them twice, or in part): one quote,
        # with the longer words
        held = next((i for i, (_, span) in enumerate(merged) if _overlap(span, m.span)), None)
        if held is not None:
            quote, span = merged[held]
            if _length(m.span) > _length(span):
                merged[held] = (quote.model_copy(update={"text": m.item.text}), m.span)
            continue
        hits = [r for r in theirs if not r.matched and _overlap(m.span, r.span)]
        if not hits:
            merged.append((_own(m, names), m.span))
            continue
        for r in hits:
            r.matched = True
        # the rules' quote that covers most of the model's speaks for the rules
        r = max(hits, key=lambda p: (_length(p.span), -p.span.start if p.span else 0))
        quote = _merge_quote(m.item, r.item, m.span, r.span, article, names, attribution)  # type: ignore[arg-type]
        merged.append((quote, r.span if _length(r.span) > _length(m.span) else m.span))
    return [q for q, _ in merged] + [_own(r, names) for r in theirs if not r.matched]


def _own(placed: _Placed, names: _Names) -> QuoteDraft:
    q = placed.item
    assert isinstance(q, QuoteDraft)
    return q.model_copy(update={"speaker": names.shown(q.speaker), "source": q.source or placed.side, "flags": list(q.flags)})


# --------------------------------------------------------------------------------------------
# Events: one per happening in a sentence, the date and type the sentence bears out
# --------------------------------------------------------------------------------------------


def _pinned(sentences: Iterable[str], day: dt.date | None) -> set[dt.date]:
    """Every day the date words of these sentences pin against the article's date."""
    found = {resolve_date(words, day) for s in sentences for words, _, _ in find_date_phrases(s)}
    return {d for d in found if d is not None}


def _trigger_types(sentence: str, day: dt.date | None) -> set[EventType]:
    """The types whose trigger words the sentence holds (a speech verb for a statement)."""
    types = {h.type for h in find_hits(sentence, day)}
    if _SPEECH.search(mask_quotes(sentence)):
        types.add(EventType.STATEMENT)
    return types


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else "none"


def _merge_date(m: EventDraft, r: EventDraft, day: dt.date | None) -> tuple[dt.date | None, str | None, list[str]]:
    if m.date == r.date:
        return m.date, m.date_text or r.date_text, []
    # the day the evidence sentence pins, or the words each side gave for when (as grounding reads them)
    pinned = _pinned({m.sentence, r.sentence}, day) | {
        d for d in (resolve_date(w, day) for w in (m.date_text, r.date_text) if w) if d is not None
    }
    m_ok, r_ok = m.date in pinned, r.date in pinned
    if r_ok and not m_ok:
        kept, words, why = r.date, r.date_text or m.date_text, "the day the evidence sentence pins"
    elif m_ok and not r_ok:
        kept, words, why = m.date, m.date_text or r.date_text, "the day the evidence sentence pins"
    elif m_ok and r_ok:
        kept, words, why = r.date, r.date_text or m.date_text, "the rules' reading of the sentence's date words"
    else:
        kept, words, why = None, m.date_text or r.date_text, "since the evidence sentence pins neither"
    flag = f"date: the model said {_iso(m.date)}, the rules {_iso(r.date)}; kept {_iso(kept)}, {why}"
    return kept, words, [flag]


def _merge_type(m: EventDraft, r: EventDraft, day: dt.date | None) -> tuple[EventType, list[str]]:
    if m.type == r.type:
        return m.type, []
    triggers = _trigger_types(r.sentence, day) & _trigger_types(m.sentence, day)
    # the rules' type where the sentence holds its trigger and none for the model's; where it holds
    # both, the model's reading of which happening the sentence reports stands
    if r.type in triggers and m.type not in triggers:
        kept, why = r.type, "whose trigger words the sentence holds (none for the model's type)"
    elif r.type in triggers:
        kept, why = m.type, "the model's reading (the sentence holds trigger words for both)"
    else:
        kept, why = m.type, "since the sentence holds no trigger for the rules' type"
    flag = (
        f"type: the model said {EventType(m.type).value}, the rules {EventType(r.type).value}; "
        f"kept {EventType(kept).value}, {why}"
    )
    return kept, [flag]


def _place_in_text(place: str, article: str) -> bool:
    """Whether the article bears out a place: its words, or every name in it ("Lublin province,
    Poland" where the story names Lublin and Poland apart)."""
    names = _name_words(place)
    return contains(article, place) or (bool(names) and all(_names_in(n, article) for n in names))


def _merge_place(m: EventDraft, r: EventDraft, article: str) -> tuple[str | None, list[str]]:
    if not m.place or not r.place or name_key(r.place) in name_key(m.place):
        return m.place or r.place, []  # one place, or the rules' named inside the model's fuller one
    m_in, r_in = contains(m.sentence, m.place) or contains(r.sentence, m.place), contains(r.sentence, r.place) or contains(m.sentence, r.place)
    # the model read the whole story: its place stands wherever the text bears it out (a fuller
    # place told across sentences); the rules' only where the model's is nowhere in the text
    if m_in or _place_in_text(m.place, article):
        kept, why = m.place, "which the evidence sentence names" if m_in else "which the text bears out (the model's reading of the story)"
    elif r_in:
        kept, why = r.place, "which the evidence sentence names (the text does not bear out the model's)"
    else:
        kept, why = m.place, "the model's reading"
    return kept, [f"place: the model said {m.place}, the rules {r.place}; kept {kept}, {why}"]


def _event_actors(names: _Names, *lists: list[str]) -> list[str]:
    return list(dict.fromkeys(n for names_ in lists for n in (names.shown(a) for a in names_) if n))


def _merge_event(m: _Placed, r: _Placed, day: dt.date | None, names: _Names, article: str) -> EventDraft:
    me, re_ = m.item, r.item
    assert isinstance(me, EventDraft) and isinstance(re_, EventDraft)
    kind, type_flags = _merge_type(me, re_, day)
    date, date_text, date_flags = _merge_date(me, re_, day)
    place, place_flags = _merge_place(me, re_, article)
    # the complete sentence wins over a clause of it
    sentence = re_.sentence if _contains_span(r.span, m.span) and _length(r.span) > _length(m.span) else me.sentence
    return me.model_copy(
        update={
            "type": kind,
            "what": me.what or re_.what,
            "date": date,
            "date_text": date_text,
            "place": place,
            "actors": _event_actors(names, me.actors, re_.actors),
            "quantities": list(me.quantities or re_.quantities),
            "sentence": sentence,
            "source": "both",
            "flags": list(dict.fromkeys([*me.flags, *re_.flags, *type_flags, *date_flags, *place_flags])),
        }
    )


def _own_event(placed: _Placed, names: _Names) -> EventDraft:
    e = placed.item
    assert isinstance(e, EventDraft)
    return e.model_copy(
        update={"actors": _event_actors(names, e.actors), "source": e.source or placed.side, "flags": list(e.flags)}
    )


def _merge_events(model: list[EventDraft], rules: list[EventDraft], article: str, day: dt.date | None, names: _Names) -> list[EventDraft]:
    ours = [_Placed(e, "model", align(article, e.sentence)) for e in model]
    theirs = [_Placed(e, "rules", align(article, e.sentence)) for e in rules]
    pairs: dict[int, _Placed] = {}
    # first the same happening told in the same sentence: the same stretch of text, the same type
    for i, m in enumerate(ours):
        r = next((r for r in theirs if not r.matched and r.item.type == m.item.type and _overlap(m.span, r.span)), None)
        if r is not None:
            r.matched = m.matched = True
            pairs[i] = r
    # then one sentence the two typed differently: a disagreement, unless each side also has the
    # other's type there (then they are two happenings, and each stays)
    for i, m in enumerate(ours):
        if m.matched:
            continue
        for r in theirs:
            if r.matched or not _overlap(m.span, r.span):
                continue
            rules_types_here = {t.item.type for t in theirs if _overlap(t.span, m.span)}
            model_types_here = {o.item.type for o in ours if _overlap(o.span, r.span)}
            if m.item.type in rules_types_here or r.item.type in model_types_here:
                continue
            r.matched = m.matched = True
            pairs[i] = r
            break
    # last, one happening the two told from different sentences: same type, same day, a shared actor
    for i, m in enumerate(ours):
        if m.matched or m.item.date is None:
            continue
        keys = {names.key(a) for a in m.item.actors}
        for r in theirs:
            if r.matched or r.item.type != m.item.type or r.item.date != m.item.date:
                continue
            if keys & {names.key(a) for a in r.item.actors}:
                r.matched = m.matched = True
                pairs[i] = r
                break
    merged = [_merge_event(m, pairs[i], day, names, article) if i in pairs else _own_event(m, names) for i, m in enumerate(ours)]
    return merged + [_own_event(r, names) for r in theirs if not r.matched]


# --------------------------------------------------------------------------------------------
# The one door
# --------------------------------------------------------------------------------------------


def merge_drafts(model: BriefingDraft, rules: BriefingDraft, article: str, *, article_date: dt.date | None = None) -> BriefingDraft:
    """One draft from the model's (already verified item by item) and the rules': an item both
    found is one item (``source`` "both", each side filling the other's gaps), an item one found
    keeps its side, and where the two disagree the answer the text bears out is kept and the
    disagreement flagged on the item.

    Every item the rules alone found is kept (``source`` "rules"): which of the rules' candidates
    a merge may use is the caller's choice, made before (the candidates it passes) or after (by
    ``source``); see the module's note on what keeping them all costs a capable model.

    Headline and bottom line are the model's (the strategy has verified them). Events come in the
    model's order (it puts the main event first), then the rules' own; actors and quotes the
    same. No list is capped here: grounding caps later and records each cut.
    """
    day = article_date or find_article_date(article)
    names = _Names(_all_names(model, rules), article, [a.name for a in model.actors])
    actors = _merge_actors(list(model.actors), list(rules.actors), names)
    quotes = _merge_quotes(list(model.quotes), list(rules.quotes), article, names)
    events = _merge_events(list(model.events), list(rules.events), article, day, names)
    # every event actor stands in the actors list, under the name the list gives it
    listed = {name_key(a.name) for a in actors}
    for event in events:
        event.actors = [n for n in event.actors if name_key(n) in listed]
    return BriefingDraft.model_construct(
        headline=model.headline or rules.headline,
        bottom_line=model.bottom_line or rules.bottom_line,
        events=events,
        actors=actors,
        quotes=quotes,
    )
