"""Scoring a briefing against hand-labelled gold: quotes, actors and events, field by field.

Every scorer here is a pure function of a prediction, the gold and (for quotes) the article
text: no backend, no file, no clock. That keeps a score reproducible from a run directory
alone and lets the tests pin each number with a hand-made perturbation.

Matching is one-to-one and optimal (``scipy.optimize.linear_sum_assignment`` on a similarity
matrix), so two copies of one predicted quote cannot both claim the same gold quote, and an
event list in another order scores the same.

Conventions, stated once:

- precision = matched / predicted, recall = matched / gold. When a field is empty in both the
  prediction and the gold, P = R = F1 = 1.0 (nothing to find, nothing invented); when only one
  side is empty, the undefined ratio is 0.0 and so is F1. A missing prediction (``None``, a
  failed article) scores as an empty briefing: recall 0.
- attribute accuracies (a quote's speaker, an event's date...) are counted over *matched* items
  whose gold has the attribute, so a missed event lowers recall, not date accuracy.
- a *fabricated* quote is a predicted quote whose words do not stand in the article at all,
  quotation marks or not. It is the first number of every report: a briefing that puts words
  in someone's mouth is worse than one that misses a quote. It needs no gold, so it is counted
  whatever the suite labels.
- a suite may label only some fields, and only some attributes of them (``Labels``; a real
  corpus annotated for attribution has quotes and speakers, nothing else). What it does not
  label is not scored at all: a field the gold cannot speak to has no score, never a zero.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TypeVar

import inflect
from pydantic import BaseModel, ConfigDict, computed_field
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from summarise.schemas import Actor, Briefing, Event, Quantity, Quote, SpeakerType
from summarise.text import normalise

#: Two quotes are the same quote when their normalised words agree this well (rapidfuzz
#: ``ratio``, 0-100): one or two words of difference in a sentence-long quote, not a paraphrase.
QUOTE_MATCH_THRESHOLD = 90.0
#: ...or when one is a word-aligned sub-span of the other and at least this share of its length:
#: a model that stops a quote at a comma has still found it.
QUOTE_CONTAINMENT_MIN = 0.8
#: Names (actors, speakers, places) agree when their words are equal, when one's words are a
#: subset of the other's ("Kim" / "Kim Jong Un"), or when rapidfuzz ``ratio`` reaches this.
NAME_MATCH_THRESHOLD = 90.0
#: Similarity given to a name matched only by word subset: below an exact or near-exact match,
#: so the optimal assignment prefers "Kim Jong Un" over "Kim" for the gold "Kim Jong Un".
_SUBSET_SIMILARITY = 0.8
#: A body's name written as its initials.
_ACRONYM = re.compile(r"[A-Z]{3,6}")
#: Words left out when comparing names and sentences: they carry no identity.
_STOP_WORDS = frozenset({"the", "a", "an", "of", "s", "mr", "ms", "mrs", "dr", "and", "in", "on", "at", "to"})

#: Weights of an event pair's similarity. An attribute empty on both sides is left out and the
#: weights of the rest renormalised, so two events that both lack a place are not "similar" for it.
EVENT_WEIGHTS: dict[str, float] = {
    "type": 0.25,
    "sentence": 0.35,
    "date": 0.15,
    "place": 0.10,
    "quantities": 0.15,
}
#: Two events are the same event when their weighted similarity reaches this...
EVENT_MATCH_THRESHOLD = 0.5
#: ...and they are anchored: their sentences share this much (Dice on content words), or they
#: agree on type and on a stated date, place or quantity (the same launch told in another sentence).
EVENT_MIN_SENTENCE_OVERLAP = 0.25
#: A predicted quantity equals the gold one within this relative tolerance on the value.
QUANTITY_REL_TOL = 0.05

#: The fields scored, and the attributes whose accuracy is reported for each.
FIELDS: tuple[str, ...] = ("quotes", "actors", "events")
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    # "analyst": of the matched quotes an analyst speaks in the gold, how many are typed analyst:
    # the quotes our readers want most, scored wherever speaker types are labelled
    "quotes": ("speaker", "speaker_type", "analyst"),
    "actors": ("kind",),
    "events": ("date", "place", "quantities"),
}
#: Attributes read from another's label: a suite that labels speaker types labels analysts.
DERIVED: dict[str, str] = {"analyst": "speaker_type"}
#: What a suite labels: each labelled field with its labelled attributes (a subset of ``ATTRIBUTES``).
#: ``ATTRIBUTES`` itself is the labels of a fully labelled suite, the default everywhere.
Labels = Mapping[str, Sequence[str]]

_WORD = re.compile(r"\w+")
_P = TypeVar("_P")
_G = TypeVar("_G")
_LABEL_CHARS = 80


def is_fully_labelled(labels: Labels) -> bool:
    """True when ``labels`` covers every field and attribute the scorer knows."""
    return all(name in labels and set(labels[name]) >= set(ATTRIBUTES[name]) for name in FIELDS)


# --------------------------------------------------------------------------------------------
# Score types
# --------------------------------------------------------------------------------------------


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PRF(_Frozen):
    """Counts of one matching, with precision, recall and F1 derived (see the module docstring)."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        if self.n_pred:
            return self.tp / self.n_pred
        return 1.0 if self.n_gold == 0 else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        if self.n_gold:
            return self.tp / self.n_gold
        return 1.0 if self.n_pred == 0 else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(tp=self.tp + other.tp, n_pred=self.n_pred + other.n_pred, n_gold=self.n_gold + other.n_gold)


class Accuracy(_Frozen):
    """Right answers over the matched items that had one to get right; ``value`` is None for 0/0."""

    correct: int = 0
    total: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(correct=self.correct + other.correct, total=self.total + other.total)


class FieldScore(_Frozen):
    """One field of one article: the matching, attribute accuracies, and which items went wrong.

    The item labels (``missed``, ``spurious``, ``wrong``) are what a comparison of two runs
    diffs to say which items got worse, so they are stable, short and human-readable.
    """

    match: PRF
    accuracy: dict[str, Accuracy]
    missed: list[str] = []
    spurious: list[str] = []
    wrong: list[str] = []


class ArticleScore(_Frozen):
    """One article's scores; a field the suite does not label is None, and its accuracies hold
    only the attributes the suite labels."""

    article_id: str = ""
    quotes: FieldScore | None = None
    actors: FieldScore | None = None
    events: FieldScore | None = None
    fabricated: list[str] = []

    def field(self, name: str) -> FieldScore | None:
        return getattr(self, name)


class FieldSummary(_Frozen):
    """One field over a suite: micro (pooled counts) and macro (mean of per-article ratios)."""

    micro: PRF
    macro_precision: float
    macro_recall: float
    macro_f1: float
    accuracy: dict[str, Accuracy]
    accuracy_macro: dict[str, float | None]


class SuiteScore(_Frozen):
    """A suite's scores; ``fields`` holds only the fields the suite labels."""

    n_articles: int
    fabricated: int
    fields: dict[str, FieldSummary]


# --------------------------------------------------------------------------------------------
# Comparing words
# --------------------------------------------------------------------------------------------


def _words(text: str | None) -> list[str]:
    return _WORD.findall(normalise(text or "").casefold())


def _joined(text: str | None) -> str:
    return " ".join(_words(text))


def _content(text: str | None) -> set[str]:
    return {w for w in _words(text) if w not in _STOP_WORDS}


def _label(text: str | None) -> str:
    t = normalise(text or "")
    return t if len(t) <= _LABEL_CHARS else t[: _LABEL_CHARS - 1] + "…"


def quote_similarity(predicted: str, gold: str) -> float:
    """How alike two quotes' words are, 0.0 when they are not the same quote (see the thresholds)."""
    p, g = _joined(predicted), _joined(gold)
    if not p or not g:
        return 0.0
    ratio = fuzz.ratio(p, g) / 100.0
    short, long_ = sorted((p, g), key=len)
    share = len(short) / len(long_)
    if f" {short} " in f" {long_} " and share >= QUOTE_CONTAINMENT_MIN:
        return max(ratio, share)
    return ratio if ratio * 100.0 >= QUOTE_MATCH_THRESHOLD else 0.0


def is_fabricated(quote: str, article: str) -> bool:
    """True when the quote's words are nowhere in the article, even allowing a typo or two.

    Word-normalised containment first; then rapidfuzz ``partial_ratio`` at the quote threshold,
    so a model that silently fixed a spelling is not called a fabricator.
    """
    q, a = _joined(quote), _joined(article)
    if not q:
        return True
    if f" {q} " in f" {a} ":
        return False
    return fuzz.partial_ratio(q, a) < QUOTE_MATCH_THRESHOLD


def name_similarity(predicted: Iterable[str | None], gold: Iterable[str | None]) -> float:
    """The best agreement between any predicted name and any gold name (names plus aliases).

    1.0 for equal words, the fuzzy ratio when it reaches ``NAME_MATCH_THRESHOLD``, a fixed
    ``_SUBSET_SIMILARITY`` when one name's content words are a subset of the other's, else 0.0.
    """
    best = 0.0
    gold_names = [g for g in gold if g]
    for p in predicted:
        if not p:
            continue
        pj, pc = _joined(p), _content(p)
        for g in gold_names:
            gj, gc = _joined(g), _content(g)
            if not pj or not gj:
                continue
            if pj == gj:
                return 1.0
            ratio = fuzz.ratio(pj, gj)
            if ratio >= NAME_MATCH_THRESHOLD:
                best = max(best, ratio / 100.0)
            elif pc and gc and (pc <= gc or gc <= pc):
                best = max(best, _SUBSET_SIMILARITY)
            elif _initials_of(p, g) or _initials_of(g, p):
                best = max(best, _SUBSET_SIMILARITY)
    return best


def _initials_of(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is written with the initials of ``name``'s words ("NRA" and "National
    Rifle Association", "FBI" and "Federal Bureau of Investigation"): a reader takes them for one
    body. Three letters at least, so that two initials never stand for a person ("DC")."""
    letters = normalise(acronym).replace(".", "")
    words = [w for w in _words(name) if w not in _STOP_WORDS]
    return bool(_ACRONYM.fullmatch(letters)) and "".join(w[0] for w in words) == letters.casefold()


def names_match(predicted: str | None, gold: str | None, aliases: Iterable[str] = ()) -> bool:
    """Loose name agreement: the gold name or any of its aliases (see ``name_similarity``)."""
    if not predicted or not gold:
        return False
    return name_similarity([predicted], [gold, *aliases]) > 0.0


#: Singular forms of English nouns, irregular ones included ("people", "casualties", "men").
_INFLECT = inflect.engine()


def _same_unit(predicted: str, gold: str) -> bool:
    """Whether two units are one noun in any number: "person" and "people", "casualty" and "casualties"."""

    return _singular_words(predicted) == _singular_words(gold)


@lru_cache(maxsize=4096)
def _singular_words(unit: str) -> tuple[str, ...]:
    """A unit's words in the singular, computed once per unit: every event pair asks again."""
    return tuple(_INFLECT.singular_noun(w) or w for w in _words(unit)) or (normalise(unit),)


def quantity_matches(predicted: Quantity, gold: Quantity) -> bool:
    """Same unit, and a value within ``QUANTITY_REL_TOL`` of the gold (or, for a time of day with
    no value, the same words)."""
    if not _same_unit(predicted.unit, gold.unit):
        return False
    if gold.value is None or predicted.value is None:
        return gold.value is None and predicted.value is None and _joined(predicted.text) == _joined(gold.text)
    if gold.value == 0:
        return predicted.value == 0
    return abs(predicted.value - gold.value) <= QUANTITY_REL_TOL * abs(gold.value)


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def _quantity_pairs(predicted: Sequence[Quantity], gold: Sequence[Quantity]) -> list[tuple[int, int]]:
    sim = [[1.0 if quantity_matches(p, g) else 0.0 for g in gold] for p in predicted]
    return _assign(sim)


def event_similarity(predicted: Event, gold: Event) -> float:
    """Weighted agreement of two events (``EVENT_WEIGHTS``); 0.0 below the threshold or unanchored."""
    parts: dict[str, float] = {
        "type": float(predicted.type == gold.type),
        "sentence": _dice(_content(predicted.sentence), _content(gold.sentence)),
    }
    if predicted.date or gold.date:
        parts["date"] = float(predicted.date == gold.date)
    if predicted.place or gold.place:
        parts["place"] = float(names_match(predicted.place, gold.place))
    if predicted.quantities or gold.quantities:
        n = len(_quantity_pairs(predicted.quantities, gold.quantities))
        parts["quantities"] = 2 * n / (len(predicted.quantities) + len(gold.quantities))
    score = sum(EVENT_WEIGHTS[k] * v for k, v in parts.items()) / sum(EVENT_WEIGHTS[k] for k in parts)
    anchored = parts["sentence"] >= EVENT_MIN_SENTENCE_OVERLAP or (
        parts["type"] == 1.0 and any(parts.get(k) == 1.0 for k in ("date", "place", "quantities"))
    )
    return score if anchored and score >= EVENT_MATCH_THRESHOLD else 0.0


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------


def _assign(sim: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Optimal one-to-one pairs (predicted index, gold index) of positive similarity."""
    if not sim or not sim[0]:
        return []
    rows, cols = linear_sum_assignment(sim, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols) if sim[r][c] > 0.0]


def _match(
    predicted: Sequence[_P], gold: Sequence[_G], similarity: Callable[[_P, _G], float]
) -> tuple[list[tuple[int, int]], PRF]:
    pairs = _assign([[similarity(p, g) for g in gold] for p in predicted])
    return pairs, PRF(tp=len(pairs), n_pred=len(predicted), n_gold=len(gold))


def _leftovers(
    predicted: Sequence[_P], gold: Sequence[_G], pairs: list[tuple[int, int]], label: Callable[[_P | _G], str]
) -> tuple[list[str], list[str]]:
    used_p = {p for p, _ in pairs}
    used_g = {g for _, g in pairs}
    missed = [label(g) for i, g in enumerate(gold) if i not in used_g]
    spurious = [label(p) for i, p in enumerate(predicted) if i not in used_p]
    return missed, spurious


# --------------------------------------------------------------------------------------------
# Scorers
# --------------------------------------------------------------------------------------------


def _aliases_of(name: str | None, actors: Sequence[Actor]) -> list[str]:
    """Every name the gold gives the actor called ``name``, so a speaker may go by any of them."""
    for actor in actors:
        names = [actor.name, *actor.aliases]
        if name and name_similarity([name], names) == 1.0:
            return names
    return []


def _same_speaker(predicted: str | None, gold: str | None, gold_actors: Sequence[Actor]) -> bool:
    if not predicted and not gold:
        return True
    return names_match(predicted, gold, _aliases_of(gold, gold_actors))


def score_quotes(
    predicted: Sequence[Quote],
    gold: Sequence[Quote],
    *,
    gold_actors: Sequence[Actor] = (),
    attributes: Sequence[str] = ATTRIBUTES["quotes"],
) -> FieldScore:
    """Quote P/R/F1 and, over matched quotes, speaker and speaker-type accuracy (those of them
    in ``attributes``: a suite that does not label speaker types has none to score).

    Speakers compare loosely (``names_match``), also against the aliases the gold gives the
    speaker in its actor list, so "the North Korean leader" counts for "Kim Jong Un".
    """
    pairs, prf = _match(predicted, gold, lambda p, g: quote_similarity(p.text, g.text))
    accuracy = {attr: Accuracy() for attr in ATTRIBUTES["quotes"] if attr in attributes}
    wrong: list[str] = []
    for pi, gi in pairs:
        p, g = predicted[pi], gold[gi]
        right: dict[str, bool] = {}
        if "speaker" in accuracy:
            right["speaker"] = _same_speaker(p.speaker, g.speaker, gold_actors)
        if "speaker_type" in accuracy:
            right["speaker_type"] = p.speaker_type == g.speaker_type
        if "analyst" in accuracy and g.speaker_type == SpeakerType.ANALYST:
            right["analyst"] = p.speaker_type == SpeakerType.ANALYST
        for attr, ok in right.items():
            accuracy[attr] += Accuracy(correct=int(ok), total=1)
            if not ok:
                wrong.append(f"{attr} of {_label(g.text)!r}")
    missed, spurious = _leftovers(predicted, gold, pairs, lambda q: _label(q.text))
    return FieldScore(match=prf, accuracy=accuracy, missed=missed, spurious=spurious, wrong=wrong)


def fabricated_quotes(predicted: Sequence[Quote], article: str) -> list[str]:
    """The predicted quotes whose words are not in the article (see ``is_fabricated``)."""
    return [_label(q.text) for q in predicted if is_fabricated(q.text, article)]


def score_actors(
    predicted: Sequence[Actor], gold: Sequence[Actor], *, attributes: Sequence[str] = ATTRIBUTES["actors"]
) -> FieldScore:
    """Actor P/R/F1, matched by name or alias on either side, and kind accuracy when labelled."""
    pairs, prf = _match(
        predicted,
        gold,
        lambda p, g: name_similarity([p.name, *p.aliases], [g.name, *g.aliases]),
    )
    kind = Accuracy()
    wrong: list[str] = []
    if "kind" in attributes:
        for pi, gi in pairs:
            ok = predicted[pi].kind == gold[gi].kind
            kind += Accuracy(correct=int(ok), total=1)
            if not ok:
                wrong.append(f"kind of {_label(gold[gi].name)!r}")
    missed, spurious = _leftovers(predicted, gold, pairs, lambda a: _label(a.name))
    accuracy = {"kind": kind} if "kind" in attributes else {}
    return FieldScore(match=prf, accuracy=accuracy, missed=missed, spurious=spurious, wrong=wrong)


def _event_label(event: Event) -> str:
    return f"{event.type.value}: {_label(event.sentence)}"


def score_events(
    predicted: Sequence[Event], gold: Sequence[Event], *, attributes: Sequence[str] = ATTRIBUTES["events"]
) -> FieldScore:
    """Event P/R/F1 by optimal assignment on ``event_similarity``; date, place, quantity accuracy
    (those of them in ``attributes``).

    Date and place accuracy count matched events whose gold states one; quantity accuracy counts
    each gold quantity of a matched event, right when a predicted quantity of that event matches it.
    """
    pairs, prf = _match(predicted, gold, event_similarity)
    date, place, quantities = Accuracy(), Accuracy(), Accuracy()
    wrong: list[str] = []
    for pi, gi in pairs:
        p, g = predicted[pi], gold[gi]
        label = _event_label(g)
        if g.date is not None and "date" in attributes:
            ok = p.date == g.date
            date += Accuracy(correct=int(ok), total=1)
            if not ok:
                wrong.append(f"date of {label!r}")
        if g.place and "place" in attributes:
            ok = names_match(p.place, g.place)
            place += Accuracy(correct=int(ok), total=1)
            if not ok:
                wrong.append(f"place of {label!r}")
        if "quantities" in attributes:
            found = {gq for _, gq in _quantity_pairs(p.quantities, g.quantities)}
            quantities += Accuracy(correct=len(found), total=len(g.quantities))
            wrong.extend(
                f"quantity {_label(q.text)!r} of {label!r}" for i, q in enumerate(g.quantities) if i not in found
            )
    missed, spurious = _leftovers(predicted, gold, pairs, _event_label)
    accuracy = {"date": date, "place": place, "quantities": quantities}
    return FieldScore(
        match=prf,
        accuracy={attr: acc for attr, acc in accuracy.items() if attr in attributes},
        missed=missed,
        spurious=spurious,
        wrong=wrong,
    )


def score_article(
    pred: Briefing | None, gold: Briefing, article: str, *, article_id: str = "", labels: Labels = ATTRIBUTES
) -> ArticleScore:
    """Score one article's briefing on what the suite labels (``labels``; by default everything).

    ``None`` (the article failed) scores as an empty briefing. A field ``labels`` leaves out is
    None in the score, not a zero: the gold says nothing about it.
    """
    quotes = pred.quotes if pred is not None else []
    return ArticleScore(
        article_id=article_id,
        quotes=score_quotes(quotes, gold.quotes, gold_actors=gold.actors, attributes=labels["quotes"])
        if "quotes" in labels
        else None,
        actors=score_actors(pred.actors if pred is not None else [], gold.actors, attributes=labels["actors"])
        if "actors" in labels
        else None,
        events=score_events(pred.events if pred is not None else [], gold.events, attributes=labels["events"])
        if "events" in labels
        else None,
        fabricated=fabricated_quotes(quotes, article),
    )


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def score_suite(scores: Sequence[ArticleScore], labels: Labels = ATTRIBUTES) -> SuiteScore:
    """Pool article scores: micro sums the counts (big articles weigh more), macro averages the
    per-article ratios (every article weighs the same); macro accuracy skips articles with 0/0.
    Only the fields and attributes in ``labels`` are pooled: the rest have no summary at all."""
    fields: dict[str, FieldSummary] = {}
    for name in FIELDS:
        if name not in labels:
            continue
        per = [f for f in (s.field(name) for s in scores) if f is not None]
        micro = sum((f.match for f in per), PRF())
        accuracy: dict[str, Accuracy] = {}
        accuracy_macro: dict[str, float | None] = {}
        for attr in (a for a in ATTRIBUTES[name] if a in labels[name]):
            accs = [f.accuracy[attr] for f in per if attr in f.accuracy]
            accuracy[attr] = sum(accs, Accuracy())
            vals = [a.value for a in accs if a.value is not None]
            accuracy_macro[attr] = _mean(vals) if vals else None
        fields[name] = FieldSummary(
            micro=micro,
            macro_precision=_mean([f.match.precision for f in per]) if per else 1.0,
            macro_recall=_mean([f.match.recall for f in per]) if per else 1.0,
            macro_f1=_mean([f.match.f1 for f in per]) if per else 1.0,
            accuracy=accuracy,
            accuracy_macro=accuracy_macro,
        )
    return SuiteScore(n_articles=len(scores), fabricated=sum(len(s.fabricated) for s in scores), fields=fields)
