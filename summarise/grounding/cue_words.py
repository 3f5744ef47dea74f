"""The vocabulary both readings of a quote's sentence share, and the masking they read it through.

The cue after a quote and the words before it look for the same things: speech verbs, the auxiliaries
and adverbs between a speaker and the verb, a party tag, a description rather than a name. Modules that
find a speaker from context ask the same questions of a sentence. Keeping these words in one place keeps
every reader agreeing on what a cue is; masking the full stops of abbreviations ("Sen.", "U.S.") first
keeps a title's full stop from ending a speaker's name.
"""

from __future__ import annotations

import re

from summarise.grounding.cues import speech_verbs
from summarise.grounding.gazetteer import ROLE_NOUNS
from summarise.grounding.sentences import TITLE_ABBREVIATIONS, Sentence

SPEECH = speech_verbs()
#: Words between a speaker and the cue: "he has pointed out", "she later added", "she went on to say".
AUXILIARIES = r"(?:\s+(?:has|have|had|also|later|then|further|once|again|simply|recently|(?:went|goes|go)\s+on\s+to|continued\s+to))*"
#: "according to X", and its short form before a name: "per Ana Lund", "Per the Harbour Ledger" (not "per cent");
#: "in the words of X", and an aside that hands the words to X: "as described by X".
ACCORDING = re.compile(
    r"(?:(?i:according to|in the words of|\bas (?:described|characteri[sz]ed|put|phrased|termed) by)"
    r"|\b[Pp]er(?=\s+(?:the\s+)?[A-Z]))\s+(?P<speaker>[^,.;:!?“”\"]{1,80})"
)


#: Short forms whose full stop is part of a name: the titles, suffixes and ranks.
_MASKED = TITLE_ABBREVIATIONS | {"jr", "sr", "no", "cpl", "pvt", "brig", "insp", "ft", "mt"}
_ABBREVIATED = re.compile(
    rf"\b(?:{'|'.join(sorted((w.capitalize() for w in _MASKED), key=lambda w: (-len(w), w)))})\.|\b(?:[A-Z]\.){{2,}}"
    r"|\b[A-Z][a-z]+ [A-Z]\.(?= [A-Z][a-z])"  # a middle initial: "George W. Bush", "Harry M. Reid"
    r"|(?<![\w.])[A-Z]\.(?= [A-Z][a-z])"  # a leading initial: "J. Gerald Hobart"
    r"|\((?:[A-Z]|Ind|Dem|Rep)-[A-Z][\w. ]{0,12}\)"  # a party and state tag: "(D-Nev.)", "(R-S.C.)"
)
_MASK = "\u2024"  # one dot leader: same length as a full stop, so offsets hold


def mask(text: str) -> str:
    """Hide the full stops of abbreviations ("Col.", "U.S.") so they do not end a speaker's name."""
    return _ABBREVIATED.sub(lambda m: m.group(0).replace(".", _MASK), text)


def unmask(text: str) -> str:
    return text.replace(_MASK, ".")


def sentence_text(sentence: Sentence, start: int, end: int) -> str:
    """The part of a sentence between two article offsets."""
    return sentence.text[max(0, start - sentence.start) : max(0, end - sentence.start)]


#: Speech verbs as participles, and the verbs of naming ("calling the plan "..."", "dubbing it").
PARTICIPLES = (
    r"(?:saying|telling|adding|noting|asking|arguing|warning|insisting|writing|declaring|explaining|tweeting|"
    r"calling|dubbing|describing|labell?ing|branding|accusing|claiming|predicting|vowing|urging|testifying|chiding|"
    r"replying|responding|recalling|stating|announcing|promising|pledging|admitting|conceding|complaining|lamenting|"
    r"boasting|proclaiming|quipping|joking|stressing|cautioning|remarking|mocking|praising)"
)
#: A speech verb as a participle after a comma: its subject is the sentence's own.
PARTICIPLE_CUE = re.compile(rf",\s+{PARTICIPLES}\b")
#: Title words before a name, lower-case ones too: "Republican presidential front-runner ", "Vermont Sen. ".
TITLE_BEFORE_NAME = (
    rf"(?:[A-Z][\w’'-]*\s+){{1,2}}(?:(?i:{ROLE_NOUNS}|presidential|candidate|nominee|hopeful|front-?runner|campaign)s?\s+){{1,3}}"
)
#: Words a speaker named after the quote never begins with: those are a clause that runs on
#: from the quote ('"..." by using its grants to press the regions to ...').
NOT_NOUN_PHRASE_START = re.compile(
    # a name, not the modal: "Will Estrada, the party chairman, said", '"...," Will argued.'
    rf"(?!Will(?:\s+(?:[A-Z]|{speech_verbs(strict=True)}\b)|\s*$))"
    r"(?i:by|to|in|on|for|with|from|at|as|because|while|when|after|before|if|and|but|or|than|that|which|so|"
    r"then|not|of|into|over|under|about|against|during|since|until|through|via|is|was|were|are|has|had|will|would|"
    r"who|whom|whose|where)\b"
    r"|[a-z]+ed\s+(?:by|in|at|on|to|for|with)\b"  # '"..." fostered by Ortiz and his allies, the groups say'
)
PARTY_TAG = re.compile(r"\s*\((?:[A-Z]|Ind|Dem|Rep)-[^()]{1,14}\)\s*$")
#: A party and state as agency copy sets them between commas after a name: ", D-Calif.,", ", R-Texas,".
PARTY_AND_STATE = r"(?:[DRI]|Ind)-[A-Z][\w.\u2024]*(?:\s[A-Z][\w.\u2024]*)?"
#: A speaker phrase that describes rather than names: "his wife", "the group's lawyer".
DESCRIBED = re.compile(r"(?i:the|a|an|his|her|their|its|our)\s|[A-Z][\w.\u2024-]*(?:['’]s|s['’])\s")
NOT_SPEAKERS = frozenset({"and", "but", "or", "then", "also", "as", "while", "which", "who", "that", "to"})
#: Speech verbs safe to look for before a quote (not "continued", "states": nouns and adjectives too).
SPEECH_VERB = re.compile(rf"\b{speech_verbs(strict=True)}\b")
_AUXILIARY = re.compile(
    r"(?:\s+(?:had|has|have|was|were|is|are|would|will|also|later|then|again|once|previously|repeatedly|recently|"
    r"reportedly|publicly|privately|quickly|earlier|already|even|initially|finally|immediately|famously|flatly|"
    r"openly|sincerely|really|still|personally|subsequently|"
    # and when: "Ana Lund last week said", "the ministry more than three weeks ago said"
    r"(?:last|this|next)\s+(?:week|month|year|night|spring|summer|fall|autumn|winter)|(?:on\s+)?[A-Z][a-z]+day|yesterday|"
    r"(?:(?:less|more)\s+than\s+|about\s+|some\s+)?(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago))+$",
    re.IGNORECASE,
)


def without_auxiliaries(text: str) -> str:
    """A subject without the auxiliaries and adverbs that follow it: "She also" is "She". A
    capitalised word that is the whole subject is a name, not a modal: '"...," Will argued.'"""
    bare = _AUXILIARY.sub("", " " + text.strip()).strip()
    return bare or (text.strip() if re.fullmatch(r"[A-Z][a-z]+", text.strip()) else bare)


#: A determiner before a word makes it a noun, past a compound between them: "a Lund-style retort".
DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|this|that|these|those|our)|['’]s)\s+(?:[\w'’]+-[\w'’-]+\s+)?$", re.IGNORECASE
)


#: A description that ends on its role noun, so that a name may stand beside it: "the state's attorney general".
ENDS_ON_ROLE = re.compile(rf"\b(?i:{ROLE_NOUNS})s?\s*$")
