"""Whether a mention of a name stands where an actor stands, or only where a place, a topic or a
title does.

A name in the story is not yet an actor: "a summit in China" names where something happened, "U.S.
bases" what something belongs to, "the hit film Dirty Dancing" a work. The actor finder keeps a
state or body only where some mention of it acts ("China said", "Russian drones struck"), and drops
a "person" only ever written after "in" or "near", who is a town it did not know. These readings
look only at the words around a mention, so they live apart from the finders that collect names.
"""

from __future__ import annotations

import bisect
import re

from summarise.grounding.actor_sources import SPEECH
from summarise.grounding.gazetteer import CALENDAR_NAMES, PLACE_KINDS
from summarise.grounding.name_shapes import EVENT_NOUN
from summarise.schemas import Span

#: What a state fights with: "Russian drones struck Kyiv" makes Russia the attacker, named by its adjective.
ARMS = r"(?:drones?|missiles?|rockets?|forces|troops|soldiers|jets|warplanes|warships|artillery|shelling|air strikes?|airstrikes?|strikes?)"


#: Words after which a name is a place or a topic, not someone acting.
_NOT_AGENT = frozenset(
    ["of", "over", "on", "in", "into", "to", "from", "at", "about", "against", "with", "for", "toward", "towards", "near", "across", "between", "around", "beyond", "inside", "outside", "under", "within", "through", "off", "including", "like", "than", "via", "upon", "onto", "among", "amid"]
)


def within(ranges: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` falls in one of ``ranges`` (sorted, disjoint; ``starts`` their starts)."""
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < ranges[i][1]


#: How far back from a mention ``agentive`` first reads its line; it reads further only when
#: the words there leave the question open (a long run of names), so a one-line article of
#: 400,000 characters costs no more a mention than a short paragraph.
_AGENT_WINDOW = 240
_AGENT_TOKEN = re.compile(r"[\w'’.-]+|,")


def agentive(article: str, span: Span) -> bool:
    """Whether a mention stands where an actor stands, not after a preposition ("a summit in China")."""
    if re.search(rf"\s{ARMS}$", article[span.start : span.end]):
        return True  # "a swarm of Russian drones": whoever fired them acts
    after = article[span.end : span.end + 30]
    if after.startswith("-"):
        return False  # part of a compound: "Gabon-flagged", "U.S.-led"
    if re.match(rf"\s*(?:['’]s\b|{SPEECH}\b|(?:has|have|had|was|were|is|are|will|would)\b)", after):
        return True
    if re.match(r"\s+(?:[A-Z][\w-]*\s+)*(?:resolutions?|sanctions|charter|rules|restrictions|standards|personnel|bases|territory|"
                r"citizens|nationals|ports|waters|airspace|border|soil)\b", after):
        return False  # a modifier: "U.N. Security Council resolutions", "U.S. bases"
    window = _AGENT_WINDOW
    while True:
        line_start = article.rfind("\n", max(0, span.start - window), span.start) + 1
        whole = line_start > 0 or span.start <= window  # the line begins inside the window
        if not whole:
            line_start = span.start - window
        verdict = _agent_before(_AGENT_TOKEN.findall(article, line_start, span.start), whole)
        if verdict is not None:
            return verdict
        window *= 4


def _agent_before(tokens: list[str], whole: bool) -> bool | None:
    """Read back from a mention over the words before it on its line: True where it stands as an
    actor, False after a preposition; None when ``tokens`` are only the tail of a longer line
    (not ``whole``) and the answer needs the words before them (the first may be cut in two)."""
    i = len(tokens) - 1
    floor = 0 if whole else 2  # tokens[0] may be half a word, and tokens[i - 1] is read at i
    while i >= floor:
        t = tokens[i]
        if t.endswith((".", "!", "?")) and not re.fullmatch(r"(?:[A-Z]\.)+", t):
            return True
        if t == "," and not (i > 0 and tokens[i - 1][:1].isupper() and tokens[i - 1] not in CALENDAR_NAMES):
            return True  # a clause break, not a list of names
        if t in {",", "and", "or", "the", "The", "both"} or (t[:1].isupper() and t.lower() not in _NOT_AGENT):
            i -= 1
            continue
        if t.lower() == "to" and i > 0 and tokens[i - 1].lower() in {"visit", "trip", "tour", "travelled", "traveled", "flew", "went"}:
            return True  # where someone travels to is part of what happened
        return t.lower() not in _NOT_AGENT
    return True if whole else None


#: Words before a name that make it where something happens: "a rally in Little Rock", and the
#: kind of place it is: "the village of Dara Kel", "the port town of Sallow".
_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|outside|throughout)\s+$"
    rf"|\b(?i:{PLACE_KINDS})\s+of\s+$"
)


#: "the same Dirty Dancing", "the hit show Mad Men": a name after a word for a work is a title, not
#: a person's name ("the late Ana Ruiz" is still hers).
_THING_BEFORE = re.compile(
    r"\b(?i:the)\s+(?:same|hit|classic|popular|original|film|movie|show|series|song|album|book|novel|play|musical|sitcom)"
    r"(?:\s+(?:film|movie|show|series|song|album|book|novel|play|musical|sitcom))?\s+$"
)


def only_a_place(mentions: list[Span], article: str) -> bool:
    """A "person" the story only ever writes after "in" or "near" ("flew home to a rally in
    Little Rock") or as "the village of" something is a town the finder did not know: someone is
    seldom only ever *in* a story.
    Nor is someone only ever "the hit film Dirty Dancing" or "the Crystal Lake shooting"."""
    return all(
        (
            _PLACE_BEFORE.search(article, max(0, m.start - 20), m.start)
            or _THING_BEFORE.search(article, max(0, m.start - 30), m.start)
            or re.match(rf"\s+(?i:{EVENT_NOUN})\b", article[m.end : m.end + 20])
        )
        and not re.match(r"['’]s\b", article[m.end : m.end + 2])
        for m in mentions
    )
