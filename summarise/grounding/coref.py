"""Coreference: which of several names are one actor, and which name stands for it.

"Kim", "Kim Jong Un" and "the North Korean leader" are one person; "Seoul" speaking is South
Korea; "KCNA" is the Korean Central News Agency. Without this step one actor is counted as
three, and a quote's speaker fails to match the actor list.
"""

from __future__ import annotations

import re

from summarise.grounding.actors import NAME, ActorCandidate, find_actor_candidates
from summarise.grounding.gazetteer import state_of, state_pattern
from summarise.text import name_key

#: "Thai army", "Japan's coast guard", "the Israeli military": a state's armed service is an
#: actor of its own (a military body), which speaks and acts apart from its government; never an
#: alias of the state.
_ARMED_SERVICE = re.compile(
    rf"(?i:the\s+)?(?:{state_pattern().pattern})(?:['’]s)?\s+(?i:army|navy|air\s+force|coast\s+guard|military|armed\s+forces)"
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
    fits = {p for p in pool if p != name and len(p.split()) > 1 and name in (p.split()[0], p.split()[-1])}
    return fits.pop() if len(fits) == 1 else None


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
        if _ARMED_SERVICE.fullmatch(name.strip()):
            resolved[name] = name
            continue
        state = state_of(name)
        target = (
            (state.name if state else None)
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
