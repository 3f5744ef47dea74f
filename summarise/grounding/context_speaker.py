"""The speaker a quote's context gives when its sentence has no cue: news often leaves "said" out.

A quote inside what someone did ("Ortiz mocked the plan as "..."") is its subject's; an
unattributed quote after a sentence about someone is theirs; a short cue sentence after the
quote ("Ortiz said.") or a lead-in ending on a colon before it names its speaker too. Whether an
unattributed quote runs on from the last speaker, whom its own sentence names instead, and whether
it answers a question the last speaker put are read here as well.
"""

from __future__ import annotations

import bisect
import re

from summarise.grounding.actors import ActorCandidate
from summarise.grounding.cue_after import CLOSING_CUE, opening_cue
from summarise.grounding.cue_phrase import speaker_phrase
from summarise.grounding.cue_words import (
    AUXILIARIES,
    NOT_NOUN_PHRASE_START,
    PARTICIPLE_CUE,
    PARTICIPLES,
    SPEECH,
    SPEECH_VERB,
    TITLE_BEFORE_NAME,
    mask,
    sentence_text,
    unmask,
)
from summarise.grounding.name_shapes import NAME
from summarise.grounding.names import is_first_name
from summarise.grounding.resolver import Resolver, THEN_VERB, unlisted_subject
from summarise.grounding.sentences import Sentence
from summarise.grounding.speaker_of_phrase import Attribution, resolve, unnamed_voice
from summarise.schemas import ActorKind

#: What may stand before a sentence's subject: a time or place clause ("On Monday, ", "In a
#: statement Thursday, "), a longer one that opens on a subordinator ("As the race turned to the
#: South, "), or a conjunction.
_SUBJECT_LEAD = re.compile(
    r"^\s*(?:(?:(?:As|After|Before|When|While|Since|Although|Though|Because|With|Following|During)\s[^,“”\"]{0,120}|[A-Z][^,“”\"]{0,50}),\s+)?"
    r"(?:(?:But|And|Yet|So|Still|Meanwhile|Then|Now|Later)\s+)?"
)


def subject_of_sentence(sentence: Sentence, q_start: int, resolver: Resolver, bodies: bool = False) -> ActorCandidate | None:
    """The person a sentence opens on as its subject, when the quote stands in what they did
    ("Rowe also bemoaned that voters "..."", "Rowe, who leads the race, mocked the plan as "...""):
    a reporter's verb of judging is attribution as much as "said" is. A "he" or "she" there is
    the person it points at. A sentence that opens on its quote has no such subject.

    With ``bodies``, a party, a state or a league that opens the quote's own sentence speaks too
    when no person opens a clause of their own before the quote ("The Harbour League, in its
    weekly bulletin, branded the plan "...""): the words are the body's, not the last speaker's."""
    before = mask(sentence_text(sentence, sentence.start, q_start - 1))
    lead = _SUBJECT_LEAD.match(before)
    # the clause the quote stands in first ("Lind signed an order, while Ortiz proposed we "...""),
    # then the sentence's start; "Rowe, who leads, mocked ...": the words before a comma are the
    # subject itself, or a lead-in clause; past a clause that opens on "When" or "As" only ("When
    # Lund retired, Ortiz issued a statement:" is Ortiz's, whoever the clause is about)
    clauses = [m.end() for m in _CLAUSE_OPENER.finditer(before)][-1:]
    starts = [lead.end()] if lead and _SUBORDINATE_LEAD.match(before) else sorted({0, lead.end() if lead else 0})
    for skip in dict.fromkeys([*clauses, *starts]):
        skip += len(_CLAUSE_ADVERBS.match(before, skip).group(0))  # "and then Ortiz continues: "
        body, offset = before[skip:], sentence.start + skip
        pronoun = re.match(r"(?:(?:but|and|yet|so|still|then)\s+)?(he|she)\b", body, re.IGNORECASE)
        if pronoun:
            if THEN_VERB.match(body[pronoun.end() :]):
                return resolver.subject_before(offset, resolver.floor_of(offset), pronoun.group(1).lower())
            continue
        titled = _TITLED_SUBJECT.match(body)
        people = resolver.mentions(offset + titled.start("name"), offset + titled.end("name"), {ActorKind.PERSON}) if titled else []
        if people:
            return people[-1][1]  # "Republican presidential hopeful Ana Lund is asking": the name closes the subject
        person = resolver.subject_in(offset, q_start) or unlisted_subject(body, resolver.article)
        if person is not None:
            return person
        body_subject = _body_subject(offset, q_start, resolver) if bodies else None
        if body_subject is not None:
            return body_subject
    return None


def _names_a_person(lead: str, start: int, resolver: Resolver) -> bool:
    """Whether the words before a sentence's first comma end on a person's name: what follows the
    comma describes them."""
    text = lead.rstrip(", \t")
    people = resolver.mentions(start, start + len(text), {ActorKind.PERSON})
    return bool(people) and any(m.end == start + len(text) for _, p in people for m in p.mentions)


#: A clause of time or cause before a sentence's subject: its own subject never speaks the quote.
_SUBORDINATE_LEAD = re.compile(r"\s*(?:As|After|Before|When|While|Since|Although|Though|Because|Once|Until|If)\s")
#: What may stand before a body's name as the subject: nothing, or "the".
_BODY_LEAD = re.compile(r"\s*(?:(?i:the)\s+)?$")


def _body_subject(start: int, q_start: int, resolver: Resolver) -> ActorCandidate | None:
    """The party, state or league a clause opens on as the subject of a verb before the quote,
    unless a person opens a clause of their own between it and the quote ("The Harbour League
    reported that Ortiz called it "..."" is Ortiz's, not the League's; "The League mocked Ortiz
    as "..."" is the League's). A body that only "was" something is what the sentence is about."""
    bodies = resolver.mentions(start, q_start, {ActorKind.ORGANISATION, ActorKind.STATE, ActorKind.MILITARY_BODY})
    if not bodies:
        return None
    at, body = bodies[0]
    end = next((m.end for m in body.mentions if m.start == at), at)
    if not _BODY_LEAD.fullmatch(resolver.article[start:at]) or any(
        _OPENS_A_CLAUSE.search(resolver.article, max(start, p - 60), p) for p, _ in resolver.mentions(end, q_start, {ActorKind.PERSON})
    ):
        return None  # a person opening a clause of their own before the quote: "... reported that Lund called it"
    if _COPULA.match(resolver.article, end) and not resolver.article[end:q_start].rstrip(" \"“‘'").endswith(":"):
        # "Norway was on every marcher's mind, with crowds chanting "..."": a topic, not a voice ("The
        # board was firm in its findings: "..."" hands the words on with its colon)
        return None
    if _RELATIVE_CLAUSE.search(resolver.article, end, q_start):
        return None  # "The League owns the hall, where farmers asked for "..."": the clause has its own voices
    return body if resolver.is_subject(at, body, at, q_start) and not resolver.governed(at, body) and end <= q_start else None


#: What opens a clause whose subject is the name right after it: "reported that Ana Lund called".
_OPENS_A_CLAUSE = re.compile(
    r"\b(?:that|who|whom|and|but|while|whereas|as|because|after|before|when|if|since|until|where)\s+"
    r"(?:[A-Z][\w.’'-]*\s+|(?i:the|former)\s+)*$"
)
#: A relative clause between a body and the quote: what it holds is said within it, not by the body.
_RELATIVE_CLAUSE = re.compile(r",\s+(?:where|which|whose|when)\b")
#: A verb that only says what a subject is: a place or a body "was" something says nothing.
_COPULA = re.compile(r"\s+(?:is|was|were|are|has\s+been|had\s+been|remains|remained)\b(?!\s+(?:not\s+)?\w+ing\b)")


#: A subject whose title runs to lower-case words before the name: "Republican presidential front-runner Ana Lund".
_TITLED_SUBJECT = re.compile(rf"{TITLE_BEFORE_NAME}(?P<name>{NAME})(?=\s+[a-z])")

#: A word after a subject that reads as its verb: a past or present tense ("yelled", "chants"),
#: a common irregular past, or an auxiliary; never a noun that runs the description on.
_VERB_NEXT = re.compile(
    r"\s+(?:(?:also|then|later|again|repeatedly|even|once|quickly|loudly)\s+)*"
    r"(?:(?!(?:his|its|this|hers|us|thus|plus|across|less|unless|whereas|yes|news)\b)"
    r"(?:[a-z][a-z-]*(?:ed|es)|[a-z][a-z-]*[^s\W]s)|put|sent|cut|said|told|wrote|read|began|took|made|"
    r"went|gave|came|spoke|shot|held|left|broke|kept|ran|rang|sang|chose|got|found|had|has|have|is|was|were|are|"
    r"will|would|can|could|may|might|must|shall|should|did|does|do)\b"
)


#: Someone else's words that the quote may be, named between the subject and the quote.
_SOMEONE_ELSES_WORDS = re.compile(
    r"\b(?:his|her|their|[A-Z][\w.-]+['’]s?)\s+(?:own\s+|earlier\s+|recent\s+|past\s+)?"
    r"(?:comments?|words|remarks?|statements?|claims?|phrase|line|promises?|pledges?|vows?|testimony|answer)\b"
)
#: A subordinate clause that opens a sentence before its subject: "Even before Ortiz spoke, ...".
_LEAD_CLAUSE = re.compile(
    r"^\s*(?:even\s+)?(?:when|while|as|after|before|since|if|although|though|because|in|on|at|during|with|despite|"
    r"until|once|amid|alongside|following)\b[^“”\"]*,",
    re.IGNORECASE,
)
#: Where a clause with its own subject opens inside a sentence.
_INNER_CLAUSE = re.compile(r"(?:,\s+(?:when|while|as|whereas|but|and|after|before|because)|;)\s+")


#: A stretch that is only a name (titles, capitalised words, a party tag): what follows its comma is
#: an appositive of it, not a subject.
_NAME_ONLY = re.compile(r"(?:[A-Z][\w.’'\u2024-]*\s*)+(?:\([^)]*\))?")
#: Words that never end a subject: relative pronouns, prepositions, articles.
_NOT_HEAD = frozenset("who whom which that of in at on to for with from by the a an and or".split())


def unnamed_subject(sentence: Sentence, q_start: int, resolver: Resolver, context: str) -> Attribution | None:
    """The unnamed voice a sentence opens on as the subject of a verb before the quote ("A man in
    the back shouted", "the crowd roared back", "her office issued a statement saying"), else None."""
    before = mask(sentence_text(sentence, sentence.start, q_start - 1))
    lead = _SUBJECT_LEAD.match(before)
    if lead and _names_a_person(before[: lead.end()], sentence.start, resolver):
        lead = None  # "Ana Lund, a former candidate who runs a firm, labeled": the description is hers
    starts = [0, lead.end() if lead else 0, *(m.end() for m in _INNER_CLAUSE.finditer(before))]  # "..., when Ortiz protesters"
    for start in list(starts):
        if _LEAD_CLAUSE.match(before[start:]) or re.match(r"\s*[A-Z]\w*ing\b", before[start:]):
            # "Even before Ortiz spoke on Tuesday night, his campaign sent": past the lead clause, at any comma
            commas = list(re.finditer(r",[”\"’]?\s+", before[start:]))
            for previous, m in zip([None, *commas], commas):
                chunk = before[start + (previous.end() if previous else 0) : start + m.start()]
                if not _NAME_ONLY.fullmatch(chunk.strip()):  # "..., Sen. Ana Ruiz (R-Tex.), a candidate who": hers
                    starts.append(start + m.end())
    for skip in dict.fromkeys(starts):
        body = before[skip:]
        body = body[len(_CLAUSE_ADVERBS.match(body).group(0)) :]
        body = re.sub(r"^(?i:even|only|instead|meanwhile)\s+", "", body)
        # "The Ortiz campaign, in a memo to donors, framed it as": the words set off by commas stand aside
        body = _SET_ASIDE.sub(r"\g<subject> ", body, count=1)
        for word in list(re.finditer(r"\S+", body))[:9]:
            if word.group(0)[-1:] in ",;:":
                break  # a lead-in clause or an appositive: not a plain subject
            if word.group(0).lower() in _NOT_HEAD or word.group(0).endswith("ly"):
                continue  # "A man who lives": the verb of a relative clause; "A newly formed group": an adverb
            if not _VERB_NEXT.match(body, word.end()):
                continue
            who = unnamed_voice(unmask(body[: word.end()]), resolver, context)
            rest = body[word.end() :]
            theirs = _SOMEONE_ELSES_WORDS.search(rest)
            if theirs and not (SPEECH_VERB.search(rest, theirs.end()) or PARTICIPLE_CUE.search(rest, theirs.end())):
                return None  # "a new group ran ads using her comments that "..."": the words are hers
            if who is not None and not _CLAUSE_OPENER.search(rest.rstrip(" :,—-")):
                return who  # not when a later clause has a subject of its own ("..., and then Ortiz continues:")
    return None


#: A subject, then a phrase of place, time or means set off by commas before its verb.
_SET_ASIDE = re.compile(
    r"^(?P<subject>[^,;:“”\"]{1,60}?),\s+(?:in|on|at|during|after|through|via|with)\s[^,;:“”\"]{1,80},\s+(?=[a-z])"
)


def last_voice(before: Sentence, own: Sentence, resolver: Resolver) -> ActorCandidate | None:
    """Who the sentence just before an unattributed quote gives the floor to: the speaker of its
    own quote, else the person it opens on as subject (in this paragraph or the one before)."""
    if own.paragraph - before.paragraph > 1:
        return None
    spoken = resolver.spoken.get(before.start)
    if spoken is not None or resolver.has_quote(before.start, before.end):
        return spoken
    cue = CLOSING_CUE.search(mask(before.text))
    if cue:
        # "Or maybe Lund, the consultant Ana Ruiz says. "..."": the cue that closed the sentence before
        at = before.start + cue.start("speaker")
        who = resolve(unmask(cue.group("speaker")), at, resolver.floor_of(at), resolver, before.text)
        if who.actor is not None and who.actor.kind == ActorKind.PERSON:
            return who.actor
    return subject_of_sentence(before, before.end + 1, resolver)


#: Conjunctions and adverbs before a clause's subject: "and then", "but also".
_CLAUSE_ADVERBS = re.compile(r"(?:(?:and|but|then|also|later|now|so|yet)\s+)*", re.IGNORECASE)
#: Where a clause with a subject of its own opens inside a sentence: "..., while Ortiz proposed".
_CLAUSE_OPENER = re.compile(r"(?:,\s+(?:while|whereas|but|and)|;|:)\s+")
#: A sentence that is only a cue: "Ortiz said.", "the senator told reporters in an email on Monday."
_CUE_ONLY = re.compile(rf"^(?P<speaker>[^,.;:!?“”\"]{{1,60}}?){AUXILIARIES}\s+{SPEECH}\b(?P<tail>[^“”\"!?]{{0,200}})[.!?]?$")
#: What follows the verb of a sentence that reports speech of its own rather than closing a quote:
#: a clause with a subject ("... said he would have fired the aide", "... said that the count was wrong").
_REPORTED_CLAUSE = re.compile(r"^\s+(?:that\b|(?:he|she|they|it|we|i|there)\s+(?!\w+ly\b)[a-z]+)", re.IGNORECASE)
#: A signature line under a quoted paragraph: "- Ortiz.", "— Elena Voss", "- Ana Ruiz, Halden.",
#: "-Mayor Ortiz, speaking after the vote."
_SIGNATURE = re.compile(r"^[-–—]\s*(?P<speaker>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})(?:,[^“”\"]{1,80})?\.?$")
#: A pull quote's credit: the line under a quoted paragraph that names the speaker and only then
#: closes the quotation the paragraph opened, with no dash ("Ana Ruiz, Harbour Institute."").
_PULL_QUOTE_CREDIT = re.compile(
    r"^(?P<speaker>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})(?:,[^“”\"]{1,80})?\.?[”\"]$"
)


def _pull_quote_credit(line: str) -> re.Match[str] | None:
    """A pull quote's credit line, when it opens on a first name: the last line of a speech in
    capitals ("God Bless The Valley."") closes the quotation as well, and names no one."""
    credit = _PULL_QUOTE_CREDIT.match(line)
    return credit if credit is not None and is_first_name(credit.group("speaker").split()[0]) else None


#: A sentence of its own that only laughs or sighs is a reaction to the quote ("The crowd laughed."), not its cue.
_REACTION = re.compile(r"\b(?:laughed|chuckled|sighed|groaned)$")
#: A sentence that opens on a speech verb: after a quote the splitter cut, a lead-in ("Asked about it, ..."), not a cue.
_OPENS_ON_VERB = re.compile(rf"\s*(?i:{SPEECH})\b")


def cue_sentence(
    following: Sentence, own: Sentence, article: str, speaker_goes_on: bool = False, cut_by_its_mark: bool = False
) -> tuple[str | None, int]:
    """The speaker a short cue sentence right after a quote names, in the same paragraph, or a
    signature line under it ("- Ortiz."). When the quote runs on from a speaker just quoted
    (``speaker_goes_on``), a sentence that reports someone's words in a clause of its own ("Lund
    said he would have fired the aide.") is the next item of news, not the quote's cue.

    A quote whose own question or exclamation mark ended the sentence (``cut_by_its_mark``) had no
    comma to end on, so the sentence after it is its cue however it runs on, as it would be after
    a comma: '"Will it hold?" Rep. Ana Lund, R-Ore., asked, pointing at the dam.'"""
    masked = mask(following.text)
    m = _CUE_ONLY.match(masked.strip())
    if m and speaker_goes_on and _REPORTED_CLAUSE.match(m.group("tail")):
        m = None
    if (
        cut_by_its_mark
        and following.paragraph == own.paragraph
        and (not m or NOT_NOUN_PHRASE_START.match(m.group("speaker")))
        and not _OPENS_ON_VERB.match(masked)  # "Asked about the dam, Lund said she ...": a lead-in, no cue
    ):
        cue = opening_cue(masked, following.start)
        verb_end = cue[2] - following.start if cue is not None else 0
        if cue is not None and not (
            (speaker_goes_on and _REPORTED_CLAUSE.match(masked[verb_end:])) or _REACTION.search(masked[:verb_end])
        ):
            return unmask(cue[0]).strip(), cue[1]
    if following.paragraph != own.paragraph or not m or NOT_NOUN_PHRASE_START.match(m.group("speaker")):
        line_start = article.rfind("\n", 0, following.start) + 1
        line = article[line_start : following.end].strip()
        m = _SIGNATURE.match(line) or _pull_quote_credit(line)
        if not m or following.paragraph - own.paragraph > 1:
            return None, -1
        return m.group("speaker"), line_start + m.start("speaker")
    return unmask(m.group("speaker")).strip(), following.start + (len(following.text) - len(following.text.lstrip()))


def colon_lead_in(before: Sentence, own: Sentence, resolver: Resolver) -> tuple[str | None, int]:
    """The speaker a sentence ending on a colon hands a quote in the next paragraph to: "As Joel
    Roe of the Ledger observed:", "The Times confirmed it, reporting:", "Rep. Ana Lund:" read as if
    the quote stood after the colon in that same sentence. Right before that colon a word that is
    also a noun ("notes", "reads", "states") can only be the verb: "as the league's website notes:"."""
    if own.paragraph - before.paragraph > 1 or not before.text.rstrip().endswith(":") or resolver.has_quote(before.start, before.end):
        return None, -1
    phrase, at = speaker_phrase(before, before.end + 1, before.end + 1, [])
    if phrase is None:
        verb_last = _VERB_BEFORE_COLON.search(mask(before.text))
        if verb_last is not None:
            return unmask(verb_last.group("speaker")).strip(), before.start + verb_last.start("speaker")
    return phrase, at


#: A clause that ends on its speech verb and the colon ("..., as the league's website notes:", "The
#: statement reads in part:"): its subject, from the sentence's start, a comma or an "as".
_VERB_BEFORE_COLON = re.compile(
    r"(?:^|,\s+(?:(?i:as|and|but)\s+)?|\b(?i:as)\s+)(?P<speaker>(?!(?i:as|and|but)\b)[^,;:“”\"]{1,80}?)\s+"
    rf"{SPEECH}(?:\s+(?:in\s+part|simply|bluntly|tersely))?\s*:\s*$"
)


#: A word in the sentence before a quote that points back at someone already named: "his", "she".
_POINTS_BACK = re.compile(r"\b(?:he|she|his|her|him|they|their)\b", re.IGNORECASE)
#: Those of them that only a person can be.
_PERSONAL = frozenset({"he", "she", "his", "her", "him"})


def runs_on(last: ActorCandidate | None, sentence: Sentence, q_start: int, resolver: Resolver) -> bool:
    """Whether a quote with no cue of its own is the last speaker going on. A quote that opens its
    sentence is; one inside a sentence of the reporter's own is when that sentence names no one,
    names them, or says "he" or "his" before naming anyone else: after Ortiz spoke, "The board
    hoped to shed what Lund called "..."" is not Ortiz's, "He thanked Lund for "..."" is."""
    before = sentence_text(sentence, sentence.start, q_start - 1)
    if not before.strip():
        return True
    people = resolver.mentions(sentence.start, q_start, {ActorKind.PERSON})
    if last is not None and any(person is last or person.name.split()[-1] == last.name.split()[-1] for _, person in people):
        return True
    # a "he" after someone else is named is theirs: "Rendell praised Sanders for what he did, calling it "...""
    pronoun = _POINTS_BACK.search(mask(before))
    if last is not None and last.kind != ActorKind.PERSON and pronoun and pronoun.group(0).lower() in _PERSONAL:
        return False  # a "he" or "she" is no body: after the Harbour League spoke, "He calls it "..."" is someone else's
    return not people or bool(pronoun and sentence.start + pronoun.start() < people[0][0])


def named_before(sentence: Sentence, q_start: int, q_end: int, resolver: Resolver) -> ActorCandidate | None:
    """The person a quote's own sentence names first before it, past those named only as the
    object of a preposition or as an owner ("Lund's plan", "an aide to Lund"): "..., in a clip
    that Ortiz called "..."" is Ortiz's however close another person was named before it. The
    owner of words the quote calls theirs ("Ortiz's "every pier stays open" pledge") is its
    speaker; the owner of a thing it only describes ("Ortiz's "long and dull" speech") is not.
    A person named after an earlier quote of the sentence comes first: in "In a clip Judge Lund
    called "crude," Ortiz vowed to "..."", the clause of the second quote is Ortiz's."""
    owned = _SAID_THING.match(resolver.article, q_end + 1)
    last = bisect.bisect_left(resolver.quoted, (q_start, 0)) - 1  # the quoted passage before this one
    earlier = resolver.quoted[last] if last >= 0 and resolver.quoted[last][0] >= sentence.start else None
    for at, person in resolver.mentions(earlier[1], q_start, {ActorKind.PERSON}) if earlier else []:
        end = next((m.end for m in person.mentions if m.start == at), at)
        if not resolver.governed(at, person) and THEN_VERB.match(resolver.article[end:q_start]):
            return person  # the subject of a verb, not the object of the quote before it ("attacked" Lund)
    for at, person in resolver.mentions(sentence.start, q_start, {ActorKind.PERSON}):
        end = next((m.end for m in person.mentions if m.start == at), at)
        if owned and _OWNER.fullmatch(resolver.article[end : q_start - 1]) or not resolver.governed(at, person):
            return person
    return None


def pronoun_subject(sentence: Sentence, q_start: int, resolver: Resolver) -> ActorCandidate | None:
    """The person a "he" or "she" stands for when it is the subject of a verb in the quote's own
    sentence and no one the sentence names speaks: "A second memo followed, where she boasted of
    "..."" is whoever "she" points back at, not the person named nearest. A pronoun that opens
    reported words ("arguing that she was "..."") is what they are about, not their voice."""
    before = sentence_text(sentence, sentence.start, q_start - 1)
    found = [
        m for m in _PRONOUN_SUBJECT.finditer(before)
        if not resolver.in_quotes(sentence.start + m.start()) and not _REPORTING.search(before, 0, m.start())
    ]
    if not found:
        return None
    at = sentence.start + found[-1].start()
    return resolver.subject_before(at, resolver.floor_of(at), found[-1].group(1).lower())


#: Words after which a "he" or "she" opens reported speech and is what it is about, not its voice:
#: "arguing he is "..."", "her case that she is "..."".
_REPORTING = re.compile(rf"(?:\bthat|{SPEECH_VERB.pattern}|\b{PARTICIPLES})\s*$", re.IGNORECASE)
#: A subject pronoun and the verb after it: "he took", "she has long argued".
_PRONOUN_SUBJECT = re.compile(
    r"\b(he|she)\s+(?!(?:and|or|of|to|in|on|at|for|with|from|by|the|a|an|who|that)\b)[a-z]{2,}\b", re.IGNORECASE
)


#: What stands between an owner's name and the words they own: "Ortiz's "...".
_OWNER = re.compile(r"['’]s?\s*")
#: A noun for something said, right after a quote: "... "every pier stays open" pledge".
_SAID_THING = re.compile(
    r"\s*(?:promise|pledge|vow|remark|comment|line|slogan|claim|warning|boast|quip|question|mantra|motto|"
    r"catchphrase|refrain|words|phrase|statement|declaration|insult|taunt|jibe|tweet)s?\b"
)


def about_no_one(sentence: Sentence, unquoted: str, resolver: Resolver) -> bool:
    """Whether a sentence, outside its quotes (``unquoted``), names no person and says no "he" or "his"."""
    return not resolver.mentions(sentence.start, sentence.end, {ActorKind.PERSON}) and not _POINTS_BACK.search(unquoted)


#: A verb that puts a question to someone: "the host asked", "asks Berg".
_ASKING = re.compile(r"\bask(?:s|ed)\b", re.IGNORECASE)


def puts_question(words: str, unquoted: str) -> bool:
    """Whether quoted words are a question that their sentence (outside its quotes, ``unquoted``)
    says was asked: in an interview the unattributed paragraph after it is the answer, someone else's."""
    return words.rstrip(" ,.\"”’'").endswith("?") and bool(_ASKING.search(unquoted))
