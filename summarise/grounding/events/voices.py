"""Who may make a statement event: an office-holder, a body or a state, never a commentator.

A body or an office-holder taking a position is news; analysts, witnesses, reporters, outlets
and companies comment on the news or report it, so their words never become a statement event.
An unnamed official counts only before a public forum or on behalf of a named body.
"""

from __future__ import annotations

import re

from summarise.grounding.actors import ActorCandidate
from summarise.grounding.events.speech import speech_level
from summarise.grounding.gazetteer import (
    KNOWN_ORGANISATIONS,
    MILITARY_WORDS,
    NEWS_AGENCIES,
    ORGANISATION_WORDS,
    state_of,
)
from summarise.schemas import ActorKind

#: A speaker who holds an office or speaks for a body.
OFFICE = re.compile(
    r"\b(?:minist(?:er|ry|ries)|spokes(?:person|man|woman)|officials?|president|presidency|premier|chancellor|secretary|"
    r"ambassador|envoy|diplomats?|governor|mayor|commander|chief|general|admiral|military|army|navy|air force|forces|"
    r"command|government|cabinet|department|office|agency|embassy|council|parliament|congress|senate|police|"
    r"prosecutors?|court|authorities|administration|kremlin|pentagon|white house|coast guard|guard|leader|king|queen|"
    r"prime|foreign|defen[cs]e|state media|news agency)\b",
    re.IGNORECASE,
)
#: Voices that never make a statement event: they comment on the news or report it.
PRIVATE = re.compile(
    r"\b(?:analysts?|experts?|researchers?|professors?|scholars?|fellows?|academics?|watchers?|journalists?|reporters?|"
    r"correspondents?|editors?|residents?|witness(?:es)?|villagers?|survivors?|sources?|observers?|critics?|"
    r"commentators?|pollsters?|strategists?|consultants?|think[- ]tanks?|former|retired|anonymity|university|institute|foundation|studies|newspaper|broadcaster|"
    r"(?-i:Times|Post|Journal|CNN|BBC))\b",
    re.IGNORECASE,
)
#: An unnamed official is a statement's speaker only before a public forum or on behalf of a body.
_ANONYMOUS = re.compile(r"^(?:(?:one|a|an|another|two|three|several|some|the)\s+)(?:\w+\s+){0,3}?(?:official|officials|diplomat|diplomats|source|sources|officer|aide|insider|person)\b", re.IGNORECASE)
FORUM = re.compile(r"\btold (?:Congress|parliament|lawmakers|a (?:\w+ )?(?:committee|hearing)|the (?:\w+ )?(?:Council|Assembly|Senate|committee))\b")
_ON_BEHALF = re.compile(r"\b(?:at|of|from|with|for)\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,4}?(?:[A-Z][\w’'.-]*)")
_NOT_A_SPEAKER = re.compile(r"^(?:he|she|they|it|we|i|you|this|that|these|those)\b|\b(?:that|which|who|whose)\b", re.IGNORECASE)
_PLURAL_HEAD = re.compile(
    r"\b(?:officials|people|diplomats|sources|prosecutors|authorities|leaders|officers|Republicans|Democrats|lawmakers|legislators|"
    r"senators|members|activists|protesters|delegates|voters)\s*$",
    re.IGNORECASE,
)
PARENTHETICAL = re.compile(r",\s[^,]{1,80},|\([^)]{0,80}\)")


def mentions_between(start: int, end: int, actors: list[ActorCandidate]) -> list[tuple[int, ActorCandidate]]:
    """Every actor mentioned between two offsets, in the order the article names them."""
    return sorted(((m.start, a) for a in actors for m in a.mentions_between(start, end)), key=lambda f: f[0])


def _media(actor: ActorCandidate) -> bool:
    return actor.name in NEWS_AGENCIES or bool(
        re.search(r"\b(?:Times|Post|Journal|News|Press|Media|Television|Broadcasting|Daily|CNN|BBC|Reuters)\b", actor.name)
    ) and not re.search(r"\bAgency\b", actor.name)


_COMPANY = re.compile(
    r"\b(?:Management|Holdings|Shipping|Lines|Airlines|Industries|Systems|Technologies|Partners|Capital|Energy|Motors|"
    r"Inc|Ltd|Corp|LLC|Company|Corporation|Bank|Group|Institute|University|Center|Centre|Foundation|Studies|Project)\b"
)


def _looks_like_body(actor: ActorCandidate) -> bool:
    """A name that is surely an institution's: a military body, a known organisation, an acronym,
    or a name with an institution's word in it (a bare surname misread as one is not)."""
    words = set(actor.name.split())
    return (
        actor.kind == ActorKind.MILITARY_BODY
        or actor.name in KNOWN_ORGANISATIONS
        or bool(words & (ORGANISATION_WORDS | MILITARY_WORDS))
        or bool(re.fullmatch(r"[A-Z][A-Z0-9&.-]+", actor.name))
    )


def states_named(phrase: str, mentioned: list[tuple[int, ActorCandidate]], actors: list[ActorCandidate]) -> list[str]:
    """States a phrase names: by a mention found in it, or by a demonym ("Japanese officials")."""
    named = [a.name for _, a in mentioned if a.kind == ActorKind.STATE]
    for actor in actors:
        state = state_of(actor.name) if actor.kind == ActorKind.STATE else None
        if state and any(re.search(rf"(?<![\w]){re.escape(d)}(?![\w])", phrase) for d in state.demonyms):
            named.append(actor.name)
    return named


def statement_speaker(phrase: str, start: int, actors: list[ActorCandidate], verb: str, sentence: str) -> str | None:
    """Who speaks, when the phrase names an office-holder, a body or a state; None for any other
    voice (an analyst, a witness, a reporter, an outlet, a company, a pronoun)."""
    bare = PARENTHETICAL.sub(" ", phrase).strip(" ,")
    if not bare or len(bare.split()) > 14 or PRIVATE.search(phrase) or _NOT_A_SPEAKER.search(bare):
        return None
    mentioned = mentions_between(start, start + len(phrase), actors)
    persons = [a for _, a in mentioned if a.kind == ActorKind.PERSON]
    if persons:
        person = persons[0]
        office = OFFICE.search(person.role or "") or OFFICE.search(phrase)
        return person.name if office and not PRIVATE.search(person.role or "") else None
    surname = re.fullmatch(r"(?:the\s+)?([A-Z][\w’'-]+)", bare)
    if surname:
        person = next((a for a in actors if a.kind == ActorKind.PERSON and a.name.split()[-1] == surname.group(1)), None)
        if person is not None:
            return person.name if OFFICE.search(person.role or "") and not PRIVATE.search(person.role or "") else None
    anonymous = _ANONYMOUS.match(bare)
    bodies = [a for _, a in mentioned if a.kind in (ActorKind.ORGANISATION, ActorKind.MILITARY_BODY)]
    states = states_named(bare, mentioned, actors)
    if _PLURAL_HEAD.search(bare) and (not states or re.match(r"(?:say|says)$", verb)):
        return None  # "officials said", "US officials say": sourcing or a general view, not a statement
    if anonymous and not FORUM.search(sentence):
        behalf = _ON_BEHALF.search(bare[anonymous.end() :])
        return bodies[0].name if bodies and behalf and not _media(bodies[0]) else None
    if bodies:
        body = bodies[0]
        if _media(body) or _COMPANY.search(body.name):
            return None
        return body.name if _looks_like_body(body) or speech_level(verb, sentence) else None
    if states and len(bare.split()) <= 8:
        return states[0]
    if OFFICE.search(bare):
        role = re.sub(r"^(?:the|a|an|one)\s+", "", bare.lower())
        owner = next(
            (a.name for a in actors if a.kind == ActorKind.PERSON and a.role and len(a.role) > 6 and a.role.lower() in role),
            None,
        )
        return owner or role
    return None
