"""How strongly a sentence takes a position: the speech verbs, and what makes saying formal.

A position verb (condemned, vowed, warned) or an announced course of action makes a statement
on its own; a plain "said" does so only in a formal or public setting (in a statement, to
reporters, on social media). Without either, words are a remark, not a statement event.
"""

from __future__ import annotations

import re

STRONG_VERB = (
    r"condemn(?:ed|s)|denounc(?:ed|es)|protest(?:ed|s)|lodged|summon(?:ed|s)|reject(?:ed|s)|den(?:ied|ies)|"
    r"accus(?:ed|es)|urg(?:ed|es)|called on|called for|vow(?:ed|s)|pledg(?:ed|es)|demand(?:ed|s)|warn(?:ed|s)|"
    r"threaten(?:ed|s)|declar(?:ed|es)|insist(?:ed|s)|claim(?:ed|s)|alleg(?:ed|es)|criticis(?:ed|es)|criticiz(?:ed|es)|"
    r"slammed|blamed|welcomed|expressed|announced|issued|stressed|emphasi[sz]ed"
)
WEAK_VERB = r"reiterated|said|says|told|stated|confirmed|posted|wrote|added|suggested|responded|replied|acknowledged"
SPEECH = re.compile(rf"(?<![\w-])(?P<verb>{STRONG_VERB}|{WEAK_VERB})\b")
_STRONG = re.compile(rf"^(?:{STRONG_VERB})$")
#: "said it would ask ASEAN to send observers": an announced course of action is a position.
_INTENT = re.compile(r"\b(?:said|says|announced)\s+(?:on \w+\s+)?(?:that\s+)?(?:it|they|we|its (?:forces|government|military))\s+would\b")
#: "confirmed detection of the launches and expressed serious concern": the position is in the second verb.
STRONG_PAST = re.compile(r"\band (?:also )?(?:condemned|denounced|protested|lodged|summoned|rejected|denied|accused|urged|called on|vowed|pledged|demanded|warned|threatened|expressed)\b")
#: Words that make a position formal or public: a statement, a post, a briefing to the press.
_FORMAL = re.compile(
    r"\b(?:in (?:a|an|its|his|her) (?:\w+ ){0,2}(?:statement|post|speech|address|commentary|advisory|message|letter|interview|briefing|tweet)|"
    r"on (?:Twitter|X|Facebook|Telegram|social media|state television|state TV)|posted|"
    r"told (?:reporters|journalists|a news conference|a press conference|(?:a|the) (?:\w+ )?briefing|Congress|parliament|lawmakers|"
    r"the (?:\w+ )?(?:Assembly|Council|Senate|committee|parliament))|"
    r"(?:news|press) conference|stated|declared|said (?:on|late on|early on) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
)


def speech_level(verb: str, text: str) -> int:
    """2: a position verb or an announced course of action; 1: said formally; 0: only said."""
    if _STRONG.match(verb) or _INTENT.search(text):
        return 2
    return 1 if _FORMAL.search(text) else 0
