"""The verbs that report speech, in every tense news uses.

A reporter writes "said" in one paragraph, "says" in a feature, "points out", "elaborated",
"has warned" or "is quoted as saying" in the next. One lexicon of lemmas, inflected here, keeps
the finders that look after a quote and those that look before it from drifting apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Irregular forms, by the verb without its particle ("go" of "go on"): verb -> (third person, past).
_IRREGULAR = {
    "say": ("says", "said"),
    "tell": ("tells", "told"),
    "write": ("writes", "wrote"),
    "think": ("thinks", "thought"),
    "put": ("puts", "put"),
    "speak": ("speaks", "spoke"),
    "shoot": ("shoots", "shot"),
    "quip": ("quips", "quipped"),
    "admit": ("admits", "admitted"),
    "sum": ("sums", "summed"),
    "go": ("goes", "went"),
    "echo": ("echoes", "echoed"),
    "read": ("reads", "read"),
    "snap": ("snaps", "snapped"),
    "beg": ("begs", "begged"),
    "brag": ("brags", "bragged"),
    "deadpan": ("deadpans", "deadpanned"),
    "gush": ("gushes", "gushed"),
}
#: Lemmas that report what someone said (one word, or a verb and its particle).
SPEECH_LEMMAS = (
    "say", "tell", "add", "note", "write", "state", "explain", "argue", "warn", "insist", "continue", "remark",
    "observe", "assert", "declare", "caution", "suggest", "stress", "emphasise", "emphasize", "recall", "reply",
    "respond", "announce", "post", "tweet", "urge", "agree", "predict", "describe", "complain", "condemn",
    "accuse", "call on", "call for", "pledge", "vow", "promise", "demand", "denounce", "claim", "acknowledge",
    "admit", "concede", "confirm", "report", "quote", "point out", "elaborate", "contend", "maintain", "allege",
    "counter", "reiterate", "estimate", "lament", "boast", "joke", "quip", "muse", "conclude", "tout", "charge",
    "threaten", "assure", "reckon", "recount", "put it", "sum up", "ask", "go on", "chime in", "shoot back",
    "fire back", "retort", "proclaim", "exclaim", "opine", "react", "remember",
    "shout", "yell", "chant", "scream", "echo", "read", "wonder",
    # how a voice sounds or what it does with its words ("...," she whispered; "He pleaded: ...")
    "answer", "whisper", "mutter", "mumble", "scoff", "sneer", "taunt", "brag", "gripe", "plead", "beg",
    "repeat", "interject", "deadpan", "gush", "fume", "snap", "bark", "thunder", "implore", "exhort",
    "advise", "recommend", "underscore", "speculate", "surmise", "theorize", "theorise", "clarify", "confide",
    "testify", "text", "email",
)
#: Verbs that hand on words only when the words follow them ("expressed regret for "..."", "praised
#: the crews "for ...""): after a quote they take an object ('"...," Vale expressed a wish'), no cue.
_BEFORE_ONLY = ("express", "praise")
#: Forms that are also nouns or adjectives ("the states", "a report", "the post"): fine right
#: after a quote ("..., the ministry states"), too loose when scanning the words before one.
_AMBIGUOUS = frozenset({"states", "state", "reports", "report", "posts", "post", "quote", "quotes", "continues",
                        "continue", "charge", "charges", "counter", "counters", "put", "puts", "note", "notes",
                        "claim", "claims", "estimate", "estimates", "call on", "call for", "tout", "touts",
                        "echoes", "read", "reads", "wonder", "wonders", "answer", "answers", "text", "texts",
                        "email", "emails", "snap", "snaps", "bark", "barks", "thunder", "beg"})


def _inflect(lemma: str) -> set[str]:
    verb, _, particle = lemma.partition(" ")
    tail = f" {particle}" if particle else ""
    if verb in _IRREGULAR:
        third, past = _IRREGULAR[verb]
    elif verb.endswith("e"):
        third, past = verb + "s", verb + "d"
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        third, past = verb[:-1] + "ies", verb[:-1] + "ied"
    else:
        third, past = verb + "s", verb + "ed"
    return {f"{verb}{tail}", f"{third}{tail}", f"{past}{tail}"}


@lru_cache(maxsize=2)
def speech_verbs(*, strict: bool = False) -> str:
    """A regex alternation of every form (longest first); ``strict`` leaves out forms that are
    also nouns, for scanning the words before a quote, and adds the verbs that cue only there."""
    forms = {form for lemma in SPEECH_LEMMAS for form in _inflect(lemma)}
    if strict:
        forms = (forms - _AMBIGUOUS) | {form for lemma in _BEFORE_ONLY for form in _inflect(lemma)}
    # a possessive is a noun's, never a verb's: "the state's farm voters", "the report's author"
    return "(?:(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")(?!['’]s\b))"
