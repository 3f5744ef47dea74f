"""The speaker named by the words before a quote, when no cue follows it.

Before the quote, attribution takes many shapes: 'X said: "..."', 'according to X', a verb of naming
('X called the plan "..."'), a clause of its own ('..., with X calling it "..."'), and most often the
subject of a speech verb ('China's ministry said Liu had warned against "..."'). Finding that subject
means reading back through clauses, appositives, relative clauses and lead-ins, which the cue after a
quote never needs; so this side stands on its own.
"""

from __future__ import annotations

import re

from summarise.grounding.cue_words import (
    ACCORDING,
    DESCRIBED,
    DETERMINER_BEFORE,
    ENDS_ON_ROLE,
    NOT_SPEAKERS,
    PARTICIPLE_CUE,
    PARTICIPLES,
    PARTY_AND_STATE,
    PARTY_TAG,
    SPEECH_VERB,
    TITLE_BEFORE_NAME,
    unmask,
    without_auxiliaries,
)
from summarise.grounding.cues import speech_verbs
from summarise.grounding.gazetteer import PERSON_NOUNS, ROLE_NOUNS, TITLE
from summarise.grounding.name_shapes import JOINT_NAMES, NAME

#: The agent of a passive report: "the shelling was described by villagers as "..."".
_BY_AGENT = re.compile(
    r"\b(?:described|called|labell?ed|termed|branded|characteri[sz]ed|denounced|hailed|dismissed)\s+by\s+"
    r"(?P<speaker>[^,.;:!?“”\"]{1,80}?)\s+as\s*$",
    re.IGNORECASE,
)
#: The one who put a question, in a passive: "Lund was asked by host Ivo Marsh, "..."", "asked by Channel 4
#: moderator Ivo Marsh whether the plan would "..."": the words are the asker's, the name that closes their
#: titles (unless another cue follows: "..., and she said").
_ASKED_BY = re.compile(
    rf"\b(?:was|were|is|are|being|been|got|get)\s+asked\s+by\s+(?:[\w.’'\u2024-]+\s+){{0,3}}?(?P<speaker>{NAME})"
    r"(?=\s*(?:,|$|\s(?:whether|if|about|what|why|how|when|where|who|to|on|in|at|during|after|before)\b))"
    rf"(?![^“”\"]*\b(?:{speech_verbs(strict=True)})\b)[^“”\"]*$"
)
#: A verb of judging whose object stands before its subject: "in a way Ana Lund slammed as "..."", "what
#: Ortiz described as "..."" (the subject right before the verb; "was described by X as" is ``_BY_AGENT``'s).
_JUDGED_AS = re.compile(
    rf"(?<![Bb]y )(?<![\w’'.\u2024-])(?P<speaker>(?:[A-Z][\w.’'\u2024-]*\s+){{0,3}}{NAME})\s+(?:has\s+|had\s+|once\s+|repeatedly\s+)?"
    r"(?:described|slammed|dismissed|derided|mocked|branded|labell?ed|characteri[sz]ed|denounced|criticized|"
    r"blasted|hailed|praised|touted|referred\s+to)\s+as\s*$"
)
#: Someone's answer given in the reporter's words before the quote: "The senator's answer was that "..."",
#: "His reply was: "..."", "Lund's response: "..."", "Her message to voters: "..."": the owner of the answer
#: speaks, whoever spoke last.
_OWNERS_ANSWER = re.compile(
    r"(?<![\w’'.\u2024-])(?P<speaker>[Hh]is|[Hh]er|(?:[Tt]he\s+)?(?:[\w.’'\u2024-]+\s+){0,3}?[A-Za-z][\w.\u2024-]*(?=['’]s\s))(?:['’]s)?"
    r"\s+(?:(?:first|only|short|simple|blunt|main|whole)\s+)?(?:answer|response|reply|retort|argument|explanation|defen[cs]e|"
    r"rebuttal|verdict|conclusion|message|pitch|question|advice|plea|warning)(?:\s+(?:to|for)\s+[^,;:“”\"]{1,40}?)?"
    r"(?:\s+(?:was|is|had\s+been|has\s+been)"
    r"(?:\s+that|\s+(?:simple|blunt|short|brief|direct|clear|swift|terse|sharp|curt|firm|quick)\s*:)?[\s,:]*|\s*:\s*)$"
)
_OWNER_AS_SUBJECT = {"his": "he", "her": "she"}
#: Whose words a sentence says it gives: "In Tom Varga's words, the cuts are "..."", "In her own words,"
#: ("in other words" names no one).
_IN_WORDS = re.compile(
    r"(?:^|[,;:]\s*|\s[-–—]\s*|\b)(?<![\w’'])[Ii]n\s+(?P<speaker>[Hh]is|[Hh]er|(?:[Tt]he\s+(?:[\w-]+\s+){0,3}?[\w-]+"
    r"|(?:[A-Z][\w.’'\u2024-]*\s+){0,3}[A-Z][\w.\u2024-]*?)(?=['’]s\s))(?:['’]s)?\s+(?:own\s+)?words\b[^“”\"]{0,150}$"
)
#: A document read out before the quote, with whose it is: "Lund's statement read: "..."", "The letter from
#: Ortiz reads in part, "..."" (a sign or a post "reads" where a person "says").
_DOCUMENTS = r"statement|letter|post|tweet|message|note|memo|email|e-mail|release|op-ed|column|editorial"
_DOCUMENT_READS = re.compile(
    rf"(?:(?P<speaker>(?:[Tt]he\s+)?(?:[\w.’'\u2024-]+\s+){{0,3}}?[\w.\u2024-]+['’]s\s+(?:[a-z][\w-]*\s+)?(?:{_DOCUMENTS}))"
    rf"|\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w-]*\s+)?(?:{_DOCUMENTS})\s+(?:from|by)\s+(?P<sender>[^,;:“”\"]{{1,60}}?))"
    r"(?:\s+(?:on|to|in)\s+[^,;:“”\"]{1,40}?)?\s+(?:read|reads)(?:\s+in\s+part)?\s*[:,]?\s*$"
)
#: An office with its "of" before a name: "Former Secretary of State ", "Minister of the Interior ".
_OFFICE_OF = r"(?:[A-Z][\w’'\u2024-]*\s+){1,3}of\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,2}"
#: A place a lead-in names with its state or country: "in Salem, Oregon", "in Lyon, France".
_CITY_STATE = r"(?:,\s+[A-Z][\w.\u2024]*(?:\s+[A-Z][\w.\u2024]*)?(?=,))?"
#: Nouns for a body that a description may end on: "the teachers' union", "the rival campaign".
_BODY_NOUNS = (
    r"campaign|committee|newspaper|union|council|board|party|group|network|ministry|department|agency|office|"
    r"government|authority|commission|embassy|administration|company|firm|court|police|army|military|navy"
)
#: A body named with "the" and capitalised words, maybe joined by "of" or "for": "The Committee for Harbour Safety".
_BODY_NAME = r"[Tt]he\s+[A-Z][\w'’.\u2024&-]*(?:\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?[A-Z][\w'’.\u2024&-]*){0,5}(?=\s+[a-z])"
#: A body's name after the description that introduces it: "the prominent civil rights group the Harbour League".
_DESCRIBED_BODY = re.compile(
    rf"^\s*(?:[Tt]he|[Aa]n?)\s+(?:[\w'’-]+\s+){{0,5}}?(?i:{_BODY_NOUNS}|organi[sz]ation|association|foundation|"
    rf"coalition|alliance|league|institute|charity|society)\s+(?P<subject>{_BODY_NAME})"
)
#: A span of time that opens a lead-in, never a subject: "Hours after the vote, ...".
_TIME_BEFORE = r"(?:Seconds|Minutes|Moments|Hours|Days|Weeks|Months|Years|Shortly|Soon|Just|Long)"
#: The name that opens a sentence (after "On Friday," and the like), as the subject of its verb.
#: (its title words too: "Republican presidential candidate Ana Lund took to Twitter, writing"); a lead-in
#: that opens on a preposition may run longer ("After wins in five wards on Tuesday night, Lund ...").
_SENTENCE_SUBJECT = re.compile(
    rf"^\s*(?:(?:(?:After|Before|During|Following|At|In|On|Speaking|Asked|{_TIME_BEFORE})\b[^,“”\"]{{0,80}}{_CITY_STATE}|[A-Z][^,]{{0,40}}"
    rf"|[A-Z][a-z]+ing\s[^,“”\"]{{0,100}}),\s+)?"
    rf"(?:(?:And|But|Then|And\s+then|But\s+then|Later)\s+)?(?!{_TIME_BEFORE}\b)(?P<subject>(?:he|she|they|it)\b"
    # a number of people the story does not name: "forty retired judges signed a letter, saying"
    rf"|(?i:(?:more|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+)?(?i:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|forty|fifty|twenty|thirty)"
    rf"\s+(?:of\s+)?(?:[a-z][\w-]*\s+){{0,3}}?(?i:{PERSON_NOUNS}|{ROLE_NOUNS}|judges|lawmakers|leaders)s?(?=\s+[a-z])"
    # a description that ends on its role: "His chief aide doubled down, saying", "In an interview, the justice
    # sounded off, saying", "The wealthy businessman opened by talking about it, saying"
    rf"|(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[\w'’-]+\s+){{0,3}}(?i:{ROLE_NOUNS}|{PERSON_NOUNS}|{_BODY_NOUNS})s?(?=\s+[a-z])"
    # a body by its name: "The Harbour Workers Committee released a statement, saying"
    rf"|{_BODY_NAME}"
    rf"|(?!(?:In|On|At|As|After|Before|When|While|During|With|For|From|By|The|A|An|His|Her|Its|Their|This|That)\b|[A-Z][a-z]+ing\s+[a-z])"
    rf"(?:(?:{TITLE_BEFORE_NAME}(?:[A-Z][a-z]{{1,4}}[.\u2024]\s+)?|{_OFFICE_OF})(?=[A-Z]))?{NAME})"
    r"(?=(?:\s*\((?:[A-Z]|Ind|Dem|Rep)[\w.\u2024-]{0,12}\))?(?:,\s(?:an?|the|who|\d)\b[^,“”\"]{0,80},)?\s+(?!of\b)[a-z])"
)
#: A description opening the sentence as its subject, maybe with the body it speaks for: "A spokesman for the
#: Harbour Trust declined ...", "One aide to the mayor ...".
_DESCRIBED_SUBJECT = re.compile(
    rf"^\s*(?:(?:After|Before|During|Following|At|In|On|Asked)\b[^,“”\"]{{0,80}},\s+)?(?P<subject>(?:[Aa]n?|[Oo]ne|[Tt]he)\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}?(?i:{ROLE_NOUNS}|{PERSON_NOUNS})s?"
    r"(?:\s+(?:for|of|to|at|with)\s+(?:the\s+)?[A-Z][\w'’.\u2024-]*(?:\s+(?:of\s+)?[A-Z][\w'’.\u2024-]*){0,4})?)(?=\s+[a-z])"
)
#: A document the sentence's subject put out, and a participle that gives its words, with no comma before it:
#: "The ministry issued a statement saying "..."", "Lund sent a letter to the board warning that "..."".
_ISSUED_SAYING = re.compile(
    r"\b(?:issued|released|put\s+out|posted|sent|published|shared|emailed|tweeted)\s+(?:an?|the|its|his|her|their)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:statement|letter|post|tweet|message|video|note|release|memo|email)"
    r"(?:\s+(?:to|on)\s+[^,;“”\"]{1,40}?)?\s+(?:saying|stating|declaring|warning|urging|insisting|arguing)\b[^“”\"]*$"
)
#: A relative clause the participle runs on from: "rallying for Ana Lund, who worked the crowd, praising "..."".
_RELATIVE_THEN_PARTICIPLE = re.compile(rf"(?P<subject>{NAME}),\s+who\s[^,;“”\"]{{1,150}},\s+{PARTICIPLES}\b[^,;“”\"]*[,:]?\s*$")
#: A name and a colon before the quote, as headlines, round-ups and transcripts write it: "Gov. Lund: “...”",
#: "Rep. Ana Lund (D-Ore.): "..."", "Turnout mattered most - Ana Lund: “...”" (two names: the one nearest the quote).
#: Whose view a sentence gives before a colon that opens the quote: "For Ana Lund, the answer is
#: simple: “...”", "To Lund, it was never close: “...”".
_VIEW_OF = re.compile(rf"^\s*(?:For|To)\s+(?P<speaker>{NAME}),\s+[^“”\"]{{1,120}}:\s*$")
_NAME_COLON = re.compile(
    rf"^(?:.*\s[-–—]\s+)?\s*(?:(?:[A-Z][\w.’'\u2024-]*|of|the|former|state|(?i:{ROLE_NOUNS})s?)\s+){{0,5}}?"
    rf"(?:{NAME}(?:\s*\([^()]{{1,20}}\))?\s+(?:and|&)\s+(?:[A-Z][\w.’'\u2024-]*\s+){{0,3}}?)?(?P<speaker>{NAME}|[A-Z][\w'’-]+)(?:\s*\([^()]{{1,20}}\))?\s*:\s*$"
)
#: The cue before its speaker and the quote: "But, said Ortiz, "..."", "Then, adds Lund, "..."",
#: "Said Ana Lund, who grew up on the street, "..."" (who the speaker is may stand between).
_SAID_NAME = re.compile(
    rf"(?:^|,)\s*(?i:said|says|added|adds|wrote|writes|explained|explains|recalled|recalls)\s+"
    rf"(?P<speaker>(?:[A-Z][\w.’'\u2024-]*\s+){{0,3}}{NAME})(?:\s*,\s*(?:who|an?|the)\s[^,“”\"]{{1,120}})?\s*,\s*$"
)
#: A cue set off by commas inside the clause of the quote: "He believes, he said, that "..."", "The board, Ruiz
#: said, called it "..."": whoever the clause is about, the words are given by the one who said them.
_PARENTHETICAL_CUE = re.compile(
    rf",\s+(?P<speaker>{NAME}|(?i:he|she))\s+(?:{speech_verbs(strict=True)})(?:\s+(?:on\s+)?[A-Z][a-z]+day)?\s*,\s+(?!(?:and|but)\b)[^,;“”\"]*$"
)
#: The same with the verb first: "The trouble, says Ana Lund, a historian at Y, is that she was "..."".
_PARENTHETICAL_SAID = re.compile(
    rf",\s+(?:{speech_verbs(strict=True)})\s+(?P<speaker>{NAME})(?:,\s+[^,;“”\"]{{1,100}})?,\s+(?!(?:and|but)\b)[^,;“”\"]*$"
)
#: A name and a participle that stand as a clause of their own, in the clause of the quote: "Critics
#: answered, with Ana Lund tweeting that it was a "..."", "..., Ortiz saying he was "..." and Lund calling it
#: a "..."": the named noun speaks, not the sentence's subject.
_ABSOLUTE_PARTICIPLE = re.compile(
    rf"(?:\bwith|,|\band|\s[-–—])\s+(?P<speaker>(?:[A-Z][\w.’'\u2024-]*\s+){{0,3}}{NAME}|the\s+[A-Z][\w.’'\u2024-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w.’'\u2024-]*){{0,5}})"
    rf"\s+(?:also\s+)?{PARTICIPLES}\b"
    r"(?:\s[^“”\",;:]{0,80})?[,:]?\s*$"
)
#: Verbs whose subject gives the words quoted after them, though they report no speech: the verbs of
#: naming ("Ortiz called the plan "..."", "what Lund calls "..."") and a survey's or inquiry's findings
#: ("Gallup found that "...""); sworn words ("Ruiz testified that") are in the speech lexicon.
_NAMING = r"(?:call|calls|called|dub|dubs|dubbed)"
#: Verbs of judging with their object between them and the quote: "Lund dismissed the criticism as "..."".
_JUDGING = (
    r"(?:described|dismissed|derided|mocked|branded|labell?ed|characteri[sz]ed|denounced|criticized|blasted|hailed|"
    r"slammed|touted|portrayed|painted|cast)"
)
_QUOTING_VERB = re.compile(
    rf"\b(?:{speech_verbs(strict=True)}|{_NAMING}(?!\s+(?:for|on|to|in|up|off|out|back|it\s+quits)\b)"
    rf"|(?:found|finds)(?=\s+that\b)|{_JUDGING}(?=\s[^“”\"]{{0,120}}\sas\s*$))\b"
)
#: A speech verb that tells of words yet to be said: "voters will say", "they would tell him".
_SPEECH_TO_COME = re.compile(r"\b(?:will|would|could|might|may|won[’']t|wouldn[’']t)\s+(?:\w+ly\s+)?$")
#: A speech verb someone else wants of its subject: "she would like Mayor Vale to explain", "urged Lund to say".
_SPEECH_WANTED = re.compile(
    r"\b(?:like|likes|liked|want|wants|wanted|ask|asks|asked|urge|urges|urged|expect|expects|expected|need|needs|needed|"
    r"press|presses|pressed|challenge|challenges|challenged|invite|invites|invited|allow|allows|allowed|force|forced|"
    r"call(?:s|ed)?\s+on|wait(?:s|ed)?\s+for)\s+(?:[\w.’'\u2024-]+\s+){1,4}to\s+$"
)
#: A naming verb with its object before it, the subject between: "what Lund called", "the plan, which Ortiz calls".
_RELATIVE_OBJECT = re.compile(r"\b(?:what|which|that|whom)\s+[^,;]*\S\s*$")
_CLAUSE = re.compile(r"(?:[,;:]|\b(?:and|but|that|while|who|which|what|after|before|because|when)\b)")
#: A comma inside a person's home ("Ana Lund of Salem, Oregon"): no clause ends there ("in Iowa, Lund said" is a lead-in).
_PLACE_COMMA_BEFORE = re.compile(r"\b(?:of|from)\s+[A-Z][\w.\u2024]*(?:\s+[A-Z][\w.\u2024]*)?$")
_PLACE_COMMA_AFTER = re.compile(r"\s+[A-Z][\w.\u2024]*(?:\s+[A-Z][\w.\u2024]*)?\s*$")
#: A name that opens the clause with its role after a comma that no second comma closes: "Ana Lund,
#: president and CEO of the Lund Group said" (the "and" inside the role starts no clause).
_NAME_AND_ROLE = re.compile(
    rf"^\s*(?:(?:But|And|Yet|So|Meanwhile|Then)\s+)?(?P<name>{NAME}),\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){{0,2}}?(?i:{ROLE_NOUNS})s?\b[^,;“”\"]*$"
)
#: What opens a lead-in before the subject: "Of Carson, Lund said" (a bare name after it is the subject).
_LEAD_IN = re.compile(r"(?:Of|On|In|At|For|About|As|With|From|To|After|Before|Asked)\b")
#: Parts of an appositive chain between a name and its verb: ", 22", ", of Flint", ", Mich.", ", a lawyer", and a
#: party and state set off by commas as agency copy writes them: ", D-Calif.", ", R-Texas".
_APPOSITIVE_PART = re.compile(
    rf"^(?:{PARTY_AND_STATE}"
    r"|\d{1,3}|(?:of|from|in|at|who|whose)\s.+|[A-Z][a-z]{1,4}\.|(?:an?|the)\s.+|\w+ing\b.*|[A-Z][a-z]+"
    r"|[“\"][^“”\"]{1,60}[”\"])$"  # a title in quotation marks: 'a contestant on the show, "The Quay,"'
)
#: A description that picks one person out of a group, so that a name may stand beside it: "One of the
#: mayor's allies", "Another of her former aides", "Her longtime supporters" (a plural person noun).
_ONE_OF_GROUP = re.compile(
    rf"(?:^|,)\s*(?:(?:And|But)\s+)?(?:One|Another|Some|Two|Three|Several|Many|Most|None|Each)\s+of\s+[^,;“”\"]{{1,80}}$"
    rf"|\b(?i:{PERSON_NOUNS}|allies)s?\s*$"
)
#: A name behind its titles: "former Salem Rep. Ana Lund", "state Sen. Ana Lund", "Deputy Mayor Ana Lund".
_TITLED_NAME = re.compile(
    rf"(?:(?i:former|then|ex|onetime)[-\s]+)?(?:[A-Z][\w’'-]*\s+){{0,2}}?(?:{TITLE}|(?i:state\s+)?[A-Z][a-z]{{1,4}}\.)\s+(?P<name>{NAME})"
)
#: A name painted in a mood or set in its home: "a hoarse Ana Lund of Salem", "Ana Lund of Salem".
_PAINTED_NAME = re.compile(
    rf"(?:(?:an?|the)\s+(?:[a-z][\w-]*\s+){{1,2}})?(?P<name>{NAME})(?:\s+(?:of|from)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)?"
)
#: Someone the sentence names by whose they are, a name that may stand beside it: "Ana Lund's wife", "Ana Lund's
#: oldest friend" (a possessive after a one-word name or "the" is ``DESCRIBED``'s).
_SOMEONES_RELATION = re.compile(r"[\w.\u2024]['’]s\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\s*$")
#: A group the sentence's subject is, and the one member of it the sentence names: "Critics like Ana Lund",
#: "Residents, including Ana Lund,": the named member's words are what can be quoted.
_GROUP_SUBJECT = re.compile(r"^\s*(?:(?:Some|Many|Other|Several|Most|Fellow)\s+)?[A-Za-z][a-z]+(?:s|men|women|people)\s*$")
_GROUP_EXAMPLE = re.compile(
    rf",?\s*(?:like|including|such\s+as|among\s+them)\s+(?P<speaker>(?:[A-Z][\w.\u2024-]*\s+){{0,3}}{NAME})"
    r"(?:\s*\([^()]{1,20}\))?\s*(?:,|$|\s+[a-z])"
)


#: An aside set off by a pair of spaced dashes: " - two months after Lund stepped down - ".
_DASH_ASIDE = re.compile(r"\s[-–—]{1,2}\s[^-–—“”\"]{1,150}?\s[-–—]{1,2}\s")

#: A noun phrase a relative pronoun after it stands for: "a banner" of "a banner that read".
_DESCRIBED_BEFORE = re.compile(r"\b(?i:an?|the|one|another)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s+$")


def _subject_of_last_verb(before: str, offset: int) -> tuple[str, int] | None:
    """The subject of the speech verb nearest the quote: "China's ministry said Liu had warned
    against "..."" is Liu's warning; an empty subject ("..., and said") falls back to an earlier verb."""
    for verb in reversed(list(_QUOTING_VERB.finditer(before))):
        head = before[: verb.start()]
        if DETERMINER_BEFORE.search(head) or head.endswith("-"):
            continue  # an adjective, not a verb: "the North's continued development", "self-described voters"
        if re.fullmatch(_NAMING, verb.group(0)) and (
            re.search(r"(?:\b(?:is|are|was|were|be|been|being|to)\s+|-)$", head)
            or ((verb.group(0) in ("call", "dub") or not before[verb.end() :].strip()) and not _RELATIVE_OBJECT.search(head))
        ):
            # a name or a noun, not a quote: "a ferry called "Pride"", "the so-called "deal"", "it is called",
            # "refused to call it", "a conference call"
            continue
        if re.fullmatch(r"(?:go|goes|went)\s+on", verb.group(0)) and not re.match(r"\s+to\b|[\s,:]*$", before[verb.end() :]):
            continue  # "once the House goes on break", "went on the attack": no speech, unless "went on to say"
        if _SPEECH_WANTED.search(head):
            continue  # "Pell said she would like Vale to explain ... "..."": Vale has not spoken, Pell has
        if _SPEECH_TO_COME.search(head) and any(
            not DETERMINER_BEFORE.search(before[: v.start()]) for v in _QUOTING_VERB.finditer(head)
        ):
            continue  # "Park said she expects that voters will say "no"": words foretold, the one foretelling them speaks
        if re.match(r"\s+by\b", before[verb.end() :]):
            continue  # a passive ("his attacks were echoed by the campaign"): the agent after it is no subject
        if verb.group(0).endswith("ing") and re.search(r",\s*$", head):
            continue  # "Lund rejected the plan, saying ...": the participle's subject is the main clause's
        aside = re.search(r"\s[-–—]{1,2}\s+(?P<inner>[^-–—“”\"]{1,150}?)\s+[-–—]{1,2}\s*$", head)
        if aside:
            # "A former candidate -- Ana Lund, who lost in 2008 -- said": the name the dashes set off speaks
            inner = re.match(rf"(?P<name>{NAME})(?:,|$)", aside.group("inner"))
            if inner:
                return inner.group("name"), offset + aside.start("inner")
            head = head[: aside.start()] + " "
        # "In June - two months after Lund stepped down - the ministry told": an aside the dashes set
        # off inside the subject's clause is no part of it
        head = _DASH_ASIDE.sub(" ", head)
        who = _WHO_THEN_VERB.search(head)
        if who:
            # "from Ana Ruiz, who declared "..."": Ruiz; "a speech from the Danish premier, who said": the premier
            group = "name" if who.group("name") else "described"
            return who.group(group), offset + who.start(group)
        trimmed = re.sub(r"(?:\s+[a-z]+ly)+\s*$", "", without_auxiliaries(head))
        if re.search(r",\s*$", trimmed):
            head = trimmed + " "  # "Ana Ruiz, an aide, later testified", ", subsequently said": the adverb is no subject
        if re.search(r",\s*$", head):
            # skip the parentheticals between subject and verb: "X, in a post on social media, condemned",
            # "Tomas Ferreira, 22, of Braga, Port., said"
            # (a comma set inside a title's closing mark is the title's end: 'the show, "The Quay," who')
            parts = re.sub(r",([”\"])", r"\1,", head).rstrip().rstrip(",").split(",")
            popped = 0
            while len(parts) > 1 and (
                popped == 0
                or (
                    _APPOSITIVE_PART.match(parts[-1].strip())
                    and not (re.fullmatch(NAME, unmask(parts[-1].strip())) and _LEAD_IN.match(parts[-2].strip()))
                )
            ):
                last = parts.pop()
                popped += 1  # (not the name after a lead-in: "Of Carson, Levine, who backs Ruiz, said")
            joint = re.fullmatch(JOINT_NAMES, unmask(last.strip())) if popped == 1 else None
            if joint:
                # "Her biographers, Ana and Tom Lund, wrote": the name that closes the pair speaks for both
                last = " " * (len(last) - len(last.lstrip()) + joint.start("name")) + joint.group("name")
            alone = unmask(last.strip()) if popped == 1 else ""
            titled = (_TITLED_NAME.fullmatch(alone) or _PAINTED_NAME.fullmatch(alone)) if alone else None
            if titled:
                # "One of the mayor's allies, former Salem Rep. Pam Roe, said", "One of the organisers, a hoarse
                # Pam Roe of Salem, told the crowd": the name behind the titles, the mood or the home
                last = " " * (len(last) - len(last.lstrip()) + titled.start("name")) + titled.group("name")
            if popped == 1 and re.fullmatch(NAME, unmask(last.strip())) and (
                ENDS_ON_ROLE.search(parts[-1])
                or DESCRIBED.match(parts[-1].strip())
                or _ONE_OF_GROUP.search(parts[-1])
                or _SOMEONES_RELATION.search(parts[-1])
            ):
                # "Ohio's attorney general, Pam Roe, vowed", "The head of the league, Pam Roe, warned", "One of
                # the mayor's allies, Pam Roe, said", "Ana Lund's wife, Pam Roe, said": the name beside the
                # description speaks
                return last.strip(), offset + len(",".join(parts)) + 1 + len(last) - len(last.lstrip())
            example = _GROUP_EXAMPLE.match(last) if popped == 1 else None
            if example and _GROUP_SUBJECT.search(parts[-1]):
                # "Critics, including Ana Lund, said": the one member the sentence names speaks for the group
                return example.group("speaker"), offset + len(",".join(parts)) + 1 + example.start("speaker")
            head = ",".join(parts) + " "
        named = _NAME_AND_ROLE.match(head)
        if named:
            return named.group("name"), offset + named.start("name")  # "Ana Lund, president and CEO of X stated"
        clauses = [
            c
            for c in _CLAUSE.finditer(head)
            if not (c.group(0) == "," and _PLACE_COMMA_BEFORE.search(head, 0, c.start()) and _PLACE_COMMA_AFTER.match(head, c.end()))
        ]
        cut = clauses[-1].end() if clauses else 0
        chain = len(clauses)
        while chain and clauses[chain - 1].group(0) in ("who", "and"):
            chain -= 1  # "a member who joined in May and who asked not to be named": back to the first "who"
        if chain < len(clauses) and clauses[chain].group(0) == "who":
            start = clauses[chain - 1].end() if chain else 0
            if re.match(r"\s*(?i:an?|one|another|the|some|several|many)\s+[^,;]*$", head[start : clauses[chain].start()]):
                # "a party official who asked not to be named said": the one the relative clause is about speaks
                cut = start
        if re.fullmatch(r"\s*[A-Z][a-z]+ing\s+to\s*", head[cut:]):
            continue  # "Continuing to explain his view, Lund ...": a lead-in, not a subject
        lead = len(head[cut:]) - len(head[cut:].lstrip())
        lead += len(re.match(r"(?i:as\s+)?", head[cut + lead :]).group(0))  # "as Ana Lund put it": Lund
        subject = re.sub(r"\s+to$", "", without_auxiliaries(head[cut + lead :]))
        described = _DESCRIBED_BEFORE.search(head[: clauses[-1].start()]) if clauses else None
        if not subject and described and clauses[-1].group(0) in ("who", "that", "which"):
            # "a banner that read", "met a man who said": the noun the relative pronoun stands for
            return described.group(0).strip(), offset + described.start()
        if not subject and clauses and clauses[-1].group(0) in ("and", "but"):
            if len(clauses) > 1 and clauses[-2].group(0) == "and" and head[: clauses[-2].start()].rstrip().endswith(","):
                # "..., and the rights group the Harbour League denounced it and said it would "..."": the
                # subject of the clause the first "and" opens, which the second verb shares (the body's name
                # where one stands beside its description)
                opened = clauses[-2].end()
                clause = head[opened : clauses[-1].start()]
                own = _DESCRIBED_BODY.match(clause) or _SENTENCE_SUBJECT.match(clause)
                if own:
                    return own.group("subject"), offset + opened + own.start("subject")
            # "A spokesman for the trust declined to comment but said that": the subject of the verb before the "but"
            shared = _DESCRIBED_SUBJECT.match(head)
            if shared:
                return shared.group("subject"), offset + shared.start("subject")
        if re.search(rf"\s(?!\w+ing\b){SPEECH_VERB.pattern}\s+(?:that\s+)?(?i:he|she|they)\s*$", without_auxiliaries(head)):
            continue  # "Police sources have said he told them "..."": the sources report it, they speak
        subject = PARTY_TAG.sub("", subject)  # "Senate Finance Chair Ana Lund (D-Ore.) last week said": Lund
        if subject and subject.lower() not in NOT_SPEAKERS and len(subject.split()) <= 12:
            at = offset + cut + lead
            epithet = re.fullmatch(rf"(?i:an?|the)\s+[a-z][\w-]*\s+(?P<name>{NAME})", subject)
            if epithet:
                return epithet.group("name"), at + epithet.start("name")  # "A defensive Ortiz said": Ortiz
            return subject, at
    return None


#: The one a relative clause right before the speech verb is about: a name, or a description ending on its role
#: ("the Danish premier, who said"), with the clause's auxiliaries and adverbs ("who has publicly vowed"); a
#: name needs no comma before its "who" ("this post from Ana Lund who wrote").
_WHO_THEN_VERB = re.compile(
    rf"(?:(?P<name>{NAME})\s*,?|(?P<described>\b(?i:the|a|an)\s+(?:(?!(?i:of|from|to|in|on|at|for|with|by)\b)[\w'’-]+\s+){{0,3}}?"
    rf"(?i:{ROLE_NOUNS})s?)\s*,)\s*who\s+(?:(?:has|had|have|also|later|then|once|since|\w+ly)\s+)*$"
)
#: A source that can be someone: a capitalised name, a role word or a body ("according to the newspaper";
#: "according to its figures" is not).
_WHO_SHAPED = re.compile(rf"[A-Z]|\b(?i:{ROLE_NOUNS}|source|sources|people|aides?|allies|{_BODY_NOUNS}|paper|daily)s?\b")


def cue_before(before: str, before_start: int) -> tuple[str, int] | None:
    """The speaker the words before a quote name, when no cue follows it: 'X said: "..."', 'according
    to X', 'with X calling it "..."', else the subject of the speech verb nearest the quote
    (``before`` masked, standing at article offset ``before_start``)."""
    m = (
        ACCORDING.search(before)
        or _BY_AGENT.search(before)
        or _ASKED_BY.search(before)
        or _JUDGED_AS.search(before)
        or _NAME_COLON.match(before)
        or _VIEW_OF.match(before)
        or _SAID_NAME.search(before)
        or _ABSOLUTE_PARTICIPLE.search(before)
        or _PARENTHETICAL_CUE.search(before)
        or _PARENTHETICAL_SAID.search(before)
        or _OWNERS_ANSWER.search(before)
        or _IN_WORDS.search(before)
        or _DOCUMENT_READS.search(before)
    )
    if m and m.re is ACCORDING and SPEECH_VERB.search(before, m.end()):
        # "According to pool reports, Lund said "..."": the speech verb nearer the quote names its speaker
        nearer = _subject_of_last_verb(before[m.end() :], before_start + m.end())
        if nearer is not None:
            return nearer
    if m and m.re is _DOCUMENT_READS and m.group("sender"):
        return m.group("sender"), before_start + m.start("sender")  # "The letter from Ortiz reads": Ortiz
    speaker = m.group("speaker") if m else ""
    if m and m.re in (_OWNERS_ANSWER, _IN_WORDS):
        speaker = _OWNER_AS_SUBJECT.get(speaker.lower(), speaker)  # "His answer was that": he answered
    if m and not _WHO_SHAPED.search(speaker) and speaker not in _OWNER_AS_SUBJECT.values():
        m = None  # "according to its figures": a source that is nobody; the verb's subject speaks
    found = (speaker, before_start + m.start("speaker")) if m else _subject_of_last_verb(before, before_start)
    if found is None and (PARTICIPLE_CUE.search(before) or _ISSUED_SAYING.search(before)):
        # "the mayor spoke for an hour, telling the crowd, "..."": the participle's subject is the sentence's
        lead = _RELATIVE_THEN_PARTICIPLE.search(before) or _SENTENCE_SUBJECT.match(before)
        found = (lead.group("subject"), before_start + lead.start("subject")) if lead else None
        example = _GROUP_EXAMPLE.match(before, lead.end("subject")) if lead and _GROUP_SUBJECT.search(lead.group("subject")) else None
        if example:
            # "Critics like Ana Lund attacked it, calling it "..."": the member the group's subject names
            found = (example.group("speaker"), before_start + example.start("speaker"))
    return found
