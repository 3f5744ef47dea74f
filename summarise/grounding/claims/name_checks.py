"""The names in a writer's words, and where the article holds each.

A name is found in the article as written, whatever its case or possessive, or as another name
of the same actor: a state's capital or demonym ("Pyongyang", "the North", "North Korean"), a
surname for a full name, an actor's alias (``coref.resolve_aliases``), an acronym's words. A
capitalised word that opens a sentence is a name only when it looks like one: "Tensions rose"
claims nothing, "Zelensky said" does.
"""

from __future__ import annotations

import re

from summarise.grounding.claims.findings import Finding
from summarise.grounding.claims.holdings import Holdings
from summarise.grounding.claims.names import ACRONYMS, POSSESSIVE, TITLE_WORDS, name_like, name_pieces, name_runs
from summarise.grounding.coref import resolve_aliases
from summarise.grounding.gazetteer import KNOWN_ORGANISATIONS, STATES, state_of
from summarise.text import name_key


def _name_support(name: str, held: Holdings, after_the: bool) -> tuple[int, int] | None:
    """Where the article holds a name: as written, as another name of the same state, actor or
    organisation, without its title, as an acronym's words, or as the state of a demonym."""
    spot = held.find(name)
    if spot:
        return spot
    state = state_of(name) or (state_of(f"the {name}") if after_the else None)
    if state is not None:
        for label in (state.name, *state.aliases, *state.demonyms):
            spot = held.find(label)
            if spot:
                return spot
    if state is None and name.endswith("s") and state_of(name[:-1]) is not None:
        return _name_support(name[:-1], held, after_the)  # "North Koreans"
    for org, short in KNOWN_ORGANISATIONS.items():
        if name in (org, *short):
            spot = next((w for w in map(held.find, (org, *short)) if w), None)
            if spot:
                return spot
    spot = held.aliases.get(name_key(name))
    if spot:
        return spot
    target = resolve_aliases([name], held.article).get(name, name)
    if target != name:
        spot = held.find(target) or held.aliases.get(name_key(target))
        if spot:
            return spot
    bare = TITLE_WORDS.sub("", name).strip()
    if bare and bare != name:
        return _name_support(bare, held, after_the=False)
    letters = name.replace(".", "")
    if re.fullmatch(r"[A-Z]{2,6}", letters):
        spot = held.initials.get(letters)
        if spot is None and letters in ACRONYMS:
            m = re.search(ACRONYMS[letters], held.folded.text, re.IGNORECASE)
            spot = held.folded.raw(*m.span()) if m else None
        return spot
    if " " not in name and len(name) > 4:
        # a demonym of a state the gazetteer gives no adjective ("Nigerien", "Chadian")
        for st in STATES:
            stem = st.name if len(st.name) <= 4 else st.name[:-1]
            if " " not in st.name and name.startswith(stem) and len(name) - len(st.name) <= 4:
                spot = held.find(st.name)
                if spot:
                    return spot
    return None


#: Endings of English words that are seldom names: adverbs, participles, abstract nouns, adjectives.
_ORDINARY_ENDINGS = (
    "ly", "ing", "ed", "ern", "ive", "ous", "ful", "age", "tion", "sion", "ment", "ness", "ity", "ence", "ance", "ure", "ism",
)
#: Words news writing opens a sentence with that have none of those endings.
_OPENERS = frozenset(
    "fresh heavy rescue new further local senior top key major large small big fierce renewed early late recent similar "
    "final initial total police security violence aid relief fire power water food trade tension pressure concern protest "
    "war peace military government opposition state public private foreign domestic civilian western eastern northern "
    "southern central global regional international national nuclear chinese russian".split()
)


def _ordinary_word(word: str, written: str, held: Holdings) -> bool:
    """Whether a capitalised word that opens a sentence is an ordinary word, not a name: one the
    article or the writer also writes in lower case, or one shaped like a plural, an adverb or
    a participle ("Officials", "Separately", "Speaking"). "Zelensky" is none of these: a name
    the article must hold."""
    lower = word.lower()
    if lower in _OPENERS or lower.endswith(_ORDINARY_ENDINGS) or (lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3):
        return True
    pattern = rf"(?<![\w]){re.escape(lower)}(?![\w])"
    return re.search(pattern, written) is not None or re.search(pattern, held.folded.text) is not None


def check_names(written: str, held: Holdings, taken: list[tuple[int, int]]) -> list[Finding]:
    """The names of ``written`` and where the article holds each; a run of capitalised words not
    found whole is checked name by name, so a claim says which name is missing."""
    findings: list[Finding] = []
    for a, b, opens in name_runs(written, taken):
        name = POSSESSIVE.sub("", written[a:b]).strip()
        after_the = bool(re.search(r"\bthe\s+$", written[max(0, a - 4) : a], re.IGNORECASE))
        if not TITLE_WORDS.sub("", name + " ").strip():
            continue  # a title alone ("the Defence Minister"): a role, not a name
        spot = _name_support(name, held, after_the)
        first, _, rest = name.partition(" ")
        ordinary_opener = opens and not name_like(first)
        if spot is None and ordinary_opener and rest:
            # "Heavy Israeli strikes", "Dozens of Chinese jets": an ordinary word opens the sentence
            rest = re.sub(r"^(?:(?:and|of|for|the|on)\s+)+", "", rest)
            rest_spot = _name_support(rest, held, after_the=False) if rest else None
            if rest_spot:
                findings.append(Finding("name", rest, "", rest_spot))
                continue
        if spot is None and ordinary_opener and not rest and _ordinary_word(name, written, held):
            continue  # "Tensions rose", "Separately, ..."
        if spot is not None:
            findings.append(Finding("name", name, "", spot))
            continue
        pieces = name_pieces(name)
        if pieces == [name] or not pieces:
            findings.append(Finding("name", name, f"the name {name} is not in the article", None))
            continue
        for i, piece in enumerate(pieces):
            spot = _name_support(piece, held, after_the and i == 0)
            if spot is None and i == 0 and ordinary_opener and " " not in piece and _ordinary_word(piece, written, held):
                continue  # the ordinary word that opens the sentence, before a name
            findings.append(Finding("name", piece, f"the name {piece} is not in the article", spot))
    return findings
