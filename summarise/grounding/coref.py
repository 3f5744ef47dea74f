"""Coreference: which of several names are one actor, and which name stands for it.

"Kim", "Kim Jong Un" and "the North Korean leader" are one person; "Seoul" speaking is South
Korea; "KCNA" is the Korean Central News Agency. Without this step one actor is counted as
three, and a quote's speaker fails to match the actor list.
"""

from __future__ import annotations

import re

from summarise.grounding.actors import ActorCandidate, find_actor_candidates
from summarise.grounding.dates import find_date_phrases
from summarise.grounding.gazetteer import state_of, state_pattern
from summarise.grounding.name_shapes import NAME
from summarise.text import name_key

#: "Thai army", "Japan's coast guard", "the Israeli military": a state's armed service is an
#: actor of its own (a military body), which speaks and acts apart from its government; never an
#: alias of the state.
_ARMED_SERVICE = re.compile(
    rf"(?i:the\s+)?(?:{state_pattern().pattern})(?:['’]s)?\s+(?i:army|navy|air\s+force|coast\s+guard|military|armed\s+forces)"
)

#: A state's ministry named as such ("the Russian Foreign Ministry") is likewise a body of its own,
#: an organisation that issues statements apart from the state as a whole.
_STATE_MINISTRY = re.compile(
    rf"(?i:the\s+)?(?:{state_pattern().pattern})(?:['’]s)?(?:\s+[A-Z][a-z]+){{0,2}}\s+(?i:ministry)"
)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())


def _described(description: str, article: str) -> str | None:
    """The name a description stands for, from "<description> <Name>" or "<Name>, the <description>"."""
    desc = re.sub(r"^(?:the|a|an)\s+", "", description.strip(), flags=re.IGNORECASE)
    if not desc or desc[0].isupper() and len(desc.split()) == 1:
        return None
    m = re.search(rf"(?<![\w])(?i:{re.escape(desc)})\s+(?P<name>{NAME})", article)
    if m:
        return m.group("name")
    m = re.search(rf"(?P<name>{NAME}),\s+(?i:the|a|an)\s+(?i:{re.escape(desc)})\b", article)
    return m.group("name") if m else None


def _longer_name(name: str, pool: list[str]) -> str | None:
    """The one longer name whose first or last word is ``name`` ("Kim" -> "Kim Jong Un")."""
    if " " in name.strip():
        return None
    fits = {p for p in pool if p != name and len(p.split()) > 1 and name in (p.split()[0], p.split()[-1])
            and _before_a_day(p, [name]) is None}
    return fits.pop() if len(fits) == 1 else None


def _before_a_day(name: str, pool: list[str]) -> str | None:
    """The name a capitalised run stands for when it runs on into a day ("Congress on Tuesday"
    is Congress, told when), where that shorter name is one the article or a side gives."""
    phrases = find_date_phrases(name)
    if not phrases or phrases[-1][2] != len(name.rstrip()) or phrases[-1][1] == 0:
        return None
    head = re.sub(r"\s+(?:on|at|in|by|from|until|since)$", "", name[: phrases[-1][1]].rstrip(), flags=re.IGNORECASE)
    return head if head != name and head in pool else None


def _acronym_of(name: str, pool: list[str], article: str) -> str | None:
    if not re.fullmatch(r"[A-Z]{2,8}", name):
        return None
    for p in pool:
        if p != name and (_initials(p) == name or re.search(rf"{re.escape(p)}\s*\({name}\)", article)):
            return p
    return None


def _from_candidates(name: str, candidates: list[ActorCandidate]) -> str | None:
    key = name_key(name)
    for c in candidates:
        if key == name_key(c.name) or key in {name_key(a) for a in c.aliases}:
            return c.name
    return None


def resolve_aliases(names: list[str], article: str) -> dict[str, str]:
    """Map every name to the name of the actor it stands for (itself when it stands for no other)."""
    candidates = find_actor_candidates(article)
    pool = list(dict.fromkeys([*names, *(c.name for c in candidates)]))
    resolved: dict[str, str] = {}
    for name in names:
        if _ARMED_SERVICE.fullmatch(name.strip()) or _STATE_MINISTRY.fullmatch(name.strip()):
            resolved[name] = name
            continue
        state = state_of(name)
        target = (
            (state.name if state else None)
            or _before_a_day(name, pool)
            or _longer_name(name, [n for n in names if n != name])
            or _acronym_of(name, pool, article)
            or _from_candidates(name, candidates)
            or _longer_name(name, pool)
        )
        if target is None and re.match(r"(?:the|a|an)\s", name, re.IGNORECASE):
            target = _described(name, article)
            if target:
                target = _longer_name(target, pool) or target
        resolved[name] = target or name
    # one step further: a target that is itself an alias ("Pyongyang" -> ... ) settles on its own target
    for name, target in resolved.items():
        if target in resolved and resolved[target] != target:
            resolved[name] = resolved[target]
    return resolved
