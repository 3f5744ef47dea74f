"""Which happenings one sentence reports: one trigger hit per type, the types' overlaps settled.

Trigger patterns overlap: missiles fired at a target match a launch and an attack, a test launch
a launch and a test, a crash that kills an attack. Settling that once, per sentence, means the
rest of the package sees each happening under one type, and only where it is reported.
"""

from __future__ import annotations

import datetime as dt
import re

from summarise.grounding.events.background import (
    BACKGROUND,
    CLAIM,
    MODAL,
    NEGATED,
    SINCE,
    is_earlier,
    other_reported,
)
from summarise.grounding.events.clauses import OPEN_QUOTES, clause_of, clause_starts, mask_quotes
from summarise.grounding.events.triggers import PROJECTILE, TRIGGERS, Hit
from summarise.schemas import EventType

#: A disaster or an accident that kills is not an attack.
_MISHAP = re.compile(
    r"\b(?:crash(?:ed|es)?|accident|collision|collided|earthquake|quake|flood(?:s|ing)?|storm|typhoon|cyclone|hurricane|"
    r"tornado|tsunami|wildfire|landslide|stampede|blaze|derail(?:ed|ment)|capsized|avalanche|rains?|rainfall|downpours?|"
    r"monsoon|mudslides?|blizzard|heat\s?wave|lightning|eruption|volcano)\b",
    re.IGNORECASE,
)
_CASUALTY_VERBS = re.compile(r"^(?:killing|killed|wounding|wounded|injuring|(?:was|were|been) injured|struck|hit)$", re.IGNORECASE)
_WEAPON = re.compile(r"\b(?:missiles?|rockets?|engines?|weapons?|warheads?|bombs?|nuclear|ICBMs?|satellites?|hypersonic|launchers?)\b", re.IGNORECASE)
_HARM = re.compile(r"\b(?:killed|killing|wounded|wounding|injured|injuring|dead|damaged|destroyed|casualties)\b", re.IGNORECASE)
_FATE = re.compile(r"(?:crashed|exploded|collapsed|caught fire|burst into flames|was shot down|were shot down)$", re.IGNORECASE)
_FORECAST = re.compile(r"\b(?:possib\w+|likely|expected|prepar\w+|ready)\b", re.IGNORECASE)
_ALSO = re.compile(r"\balso\s+(?:\w+\s+)?$", re.IGNORECASE)


def find_hits(sentence: str, article_date: dt.date | None = None) -> list[Hit]:
    """Every happening a sentence reports, strongest type first, one hit per type."""
    if sentence.lstrip()[:1] in OPEN_QUOTES or BACKGROUND.search(sentence):
        return []
    text = mask_quotes(sentence)
    starts = clause_starts(text)
    found: dict[EventType, list[tuple[int, int]]] = {}
    for kind, pattern in TRIGGERS:
        hits = []
        for m in pattern.finditer(text):
            prefix = text[: m.start()]
            if MODAL.search(prefix) or NEGATED.search(prefix) or SINCE.search(prefix):
                continue
            if CLAIM.search(prefix[prefix.rfind(";") + 1 :]):
                continue  # inside someone's claim: the claim is the statement, not this
            if kind == EventType.OTHER and not other_reported(text, m):
                continue
            hits.append(m.span())
        if kind == EventType.WEAPONS_TEST and not _WEAPON.search(text):
            hits = []
        if kind == EventType.WEAPONS_TEST and _FORECAST.search(text):
            hits = [h for h in hits if re.match(r"(?:tested|conducted|oversaw|saw)\b", text[h[0] : h[1]], re.IGNORECASE)]
        if hits:
            found[kind] = hits
    if EventType.ATTACK in found and EventType.MISSILE_LAUNCH in found and any(
        a < d and c < b for a, b in found[EventType.ATTACK] for c, d in found[EventType.MISSILE_LAUNCH]
    ):
        del found[EventType.MISSILE_LAUNCH]  # missiles fired at a target are an attack
    if (
        EventType.ATTACK in found
        and EventType.MISSILE_LAUNCH in found
        and all(re.search(r"(?:hit|struck)$", text[a:b]) for a, b in found[EventType.ATTACK])
        and not _HARM.search(text)
    ):
        del found[EventType.ATTACK]  # "fired missiles that struck a target island": the launch's own impact
    if EventType.MISSILE_LAUNCH in found and EventType.WEAPONS_TEST in found:
        del found[EventType.WEAPONS_TEST]  # a test launch is a launch
    if EventType.ATTACK in found and _MISHAP.search(text) and all(
        _CASUALTY_VERBS.match(text[a:b]) for a, b in found[EventType.ATTACK]
    ):
        found[EventType.OTHER] = sorted(found.get(EventType.OTHER, []) + found.pop(EventType.ATTACK))  # a crash that kills
    if EventType.OTHER in found:
        # a rocket that "broke up and crashed" is the launch's fate, not a new happening
        kept = [
            (a, b) for a, b in found[EventType.OTHER]
            if not (_FATE.match(text[a:b]) and re.search(PROJECTILE, text[:b], re.IGNORECASE))
        ]
        if kept:
            found[EventType.OTHER] = kept
        else:
            del found[EventType.OTHER]
    if EventType.OTHER in found and EventType.ATTACK in found:
        del found[EventType.OTHER]  # what was shot down, evacuated or closed in an attack is part of it
    if EventType.OTHER in found and (EventType.VISIT in found or EventType.MEETING in found) and all(
        re.match(r"(?:signed|agreed|reached)\b", text[a:b], re.IGNORECASE) for a, b in found[EventType.OTHER]
    ):
        del found[EventType.OTHER]  # an agreement signed at talks is what the talks produced
    if EventType.OTHER in found and len(found) > 1:
        # a seizure or a death told in the clause of an attack is part of the attack
        taken = {clause_of(a, starts) for kind, spans in found.items() if kind != EventType.OTHER for a, _ in spans}
        others = [(a, b) for a, b in found[EventType.OTHER] if clause_of(a, starts) not in taken]
        if others:
            found[EventType.OTHER] = others
        else:
            del found[EventType.OTHER]
    order = [kind for kind, _ in TRIGGERS]
    result: list[Hit] = []
    for kind in sorted(found, key=order.index):
        start, end = found[kind][0]
        clause = (clause_of(start, starts), min((c for c in starts if c > start), default=len(text)))
        result.append(
            Hit(
                type=kind,
                start=start,
                end=end,
                earlier=not text[start:end].lower().startswith("detected") and is_earlier(text, start, clause, article_date),
                also=bool(_ALSO.search(text[:start])),
            )
        )
    return result


def _types(sentence: str) -> list[EventType]:
    """Every kind of happening a sentence reports, strongest first."""
    return [h.type for h in find_hits(sentence)]


def event_type(sentence: str) -> EventType | None:
    """The main kind of happening a sentence reports, or None when it reports none."""
    found = _types(sentence)
    return found[0] if found else None
