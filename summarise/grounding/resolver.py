"""The article's people and who spoke where, so that a pronoun or a description finds its person.

Political news names its speakers paragraphs before it quotes them, so "he" and "she" prefer
the person a nearby sentence has speak or opens on as its subject over a name it merely
mentions ("In describing Ortiz, Brennan said ..."). A clause's subject the actor list missed
("Regarding the speech, Woods said") is found here too: it is such a person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from summarise.grounding.actors import ActorCandidate, find_actor_candidates
from summarise.grounding.cue_after import CLOSING_CUE, CLOSING_SAID
from summarise.grounding.cue_words import NOT_NOUN_PHRASE_START, SPEECH_VERB, mask, sentence_text, unmask
from summarise.grounding.cues import speech_verbs
from summarise.grounding.gazetteer import PERSON_NOUNS, ROLE_NOUNS
from summarise.grounding.gender import compatible
from summarise.grounding.name_shapes import (
    NAME,
    is_group_name,
    is_surname,
    names_a_place_or_event,
    reads_as_a_name,
)
from summarise.grounding.names import is_first_name
from summarise.grounding.sentences import Sentence
from summarise.grounding.speakers import speakers_not_listed, unlisted_person
from summarise.schemas import ActorKind

#: How many sentences back a pronoun or an unattributed quote may look for its speaker.
LOOKBACK_SENTENCES = 4


#: The words of a title or description before the name that ends it: "Vermont Sen. ",
#: "Clinton campaign chairman ", "Former Arkansas Gov. ", "NBC’s ".
_TITLE_WORDS = re.compile(
    r"^(?:(?:(?!(?:When|While|If|After|Before|Since|As|Because|Although|Though|Despite|Unlike|Like|In|On|At|For|"
    r"From|With|By|During|Asked|Regarding|About)\b)[A-Z][\w.’'\u2024-]*|of|the|and|former|"
    rf"(?i:{ROLE_NOUNS}|{PERSON_NOUNS})s?|campaign|state|\w+['’]s)\s+)*$"
)
#: After the subject: a contraction ("'s been"), an appositive (", who leads the race,", ", 54,", " — her
#: old chief of staff —"), where they are from (" of Dayton, Ohio,") and then a verb in lower case.
THEN_VERB = re.compile(
    r"^(?:['’](?:s|ll|d|ve)(?=\s+(?:been|not|also|never|already|just|still|long|got|gotten|going|done)\b))?"
    r"(?:\s*\((?:[A-Z]|Ind|Dem|Rep)-[A-Z][\w.\u2024 ]{0,12}\))?(?:\s+[—–]\s+[^—–“”\"]{1,120}?\s+[—–](?=\s))?(?:(?:,[^,“”\"]{1,120}){1,3},)?"
    r"(?:\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w’'.\u2024-]*(?:\s+(?:of\s+)?[A-Z][\w’'.\u2024-]*)*(?:,\s+[A-Z][\w.\u2024]*(?:\s+[A-Z][\w.\u2024]*)?,)?)?"
    r"\s*(?:(?!(?:and|or|of|in|on|at|for|to|with|from|by|the|a|an)\b)[a-z]+\s+){0,2}?"
    r"(?!(?:and|or|of|in|on|at|for|to|with|from|by|the|a|an)\b)[a-z]{2,}"
)
#: After a name set beside the subject ("The head of the League, Jonah Gould, warned"): its closing
#: comma and then the verb.
_APPOSED_THEN_VERB = re.compile(r"^,\s+(?:also\s+|then\s+|later\s+)?(?:[a-z]+ed|said|told|wrote|spoke|gave|took|made|went|says|adds|tells)\b")
#: The words between a name and a later one that make the first a modifier of the second:
#: "Trump campaign chairman ", "Latino Polls researcher ".
_MODIFIER_WORDS = re.compile(rf"^(?:(?:[A-Z][\w.’'\u2024-]*|(?i:{ROLE_NOUNS}|{PERSON_NOUNS})s?|campaign|\w+['’]s)\s+)*$")


#: A preposition (and the title words after it) right before a name: "a delegate from ", "an aide to
#: President " ("according to" names a source, who may speak on).
_GOVERNED_BEFORE = re.compile(r"\b(?:of|from|in|(?<!according )to|for|with|by|at|about|against|under|than|like|around|through|into|toward|towards|across|inside|outside|behind|near|among|onto)\s+(?:the\s+)?(?:[A-Z][\w.\u2024’'-]*\s+){0,3}$")


#: "'s" as a possessive, not a contraction before a participle or an article ("Christie's been", "Ruiz's a").
_POSSESSIVE_S = r"['’]s\b(?!\s+(?:been|not|also|never|already|just|still|got|gotten|going|done|a|an|the)\b)"

#: The conjunctions that open a clause setting the scene ("When ...", "After ...").
_SCENE_CONJUNCTIONS = r"When|While|After|Before|As|Once|Until|Although|Though|Because|Since|If"
#: A conjunction that opens a clause setting the scene, and the title words before the name after it:
#: "When Senator ", "After ", "While the host ".
_SETTING_CLAUSE = re.compile(rf"\b(?:{_SCENE_CONJUNCTIONS})\s+(?:the\s+)?(?:[A-Z][\w.’'\u2024-]*\s+){{0,3}}$")

#: What opens a clause that sets the scene, or one a reporting verb does not govern: "After Ortiz won, she
#: said", "In Ortiz's view, she said", "Asked about Ortiz, she said".
_SETTING_LEAD = re.compile(
    rf"^\s*(?:(?:And|But|Yet|So|Also),?\s+)?(?:{_SCENE_CONJUNCTIONS}|Unless|"
    r"Even|Despite|In|On|At|For|From|With|By|During|Asked|Pressed|Like|Unlike|According|Speaking|Standing|Later|Then)\b"
)
#: A pronoun followed by the verb that reports: "she said", "he added on Monday", "she told reporters".
_SAID_RIGHT_AFTER = re.compile(rf"\w+\s+(?:(?:also|later|then|again)\s+)?{SPEECH_VERB.pattern}")

#: A participle clause opening the sentence right before the pronoun that is its subject: "Asked
#: about the race, she replied", "Pressed on whether Ortiz would win, he said" (not a name: "Reed, ").
_PARTICIPLE_LEAD = re.compile(r"^\s*(?P<word>[A-Z][a-z]{2,}(?:ed|ing))\b[^“”\".;:]*,\s*$")

#: A sentence that reaches the pronoun cue right after a closing mark: what stands before the
#: cue is the pronoun's own words, quoted or paraphrased ('Choosing between Ortiz and Lund is a
#: "false choice," she said').
_QUOTED_THEN_CUE = re.compile(r"^.*[”\"][,.!?]?\s*$", re.DOTALL)

#: A sentence that opens on a definite description of a person and their verb ("The veteran actor
#: discussed ...", "On Monday, the senator went further"): about someone named before it.
_DESCRIBED_SUBJECT = re.compile(
    rf"^\s*(?:[A-Z][^,“”\"]{{0,50}},\s+)?(?:(?:But|And|Yet|So|Then|Later)\s+)?(?i:the)\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?i:{ROLE_NOUNS}|{PERSON_NOUNS}|actor|actress|host|star|singer|writer|pastor|preacher)"
    r"\s+(?:(?:also|then|later|further|quickly|again)\s+)?(?:[a-z]+ed|[a-z]+s|took|went|said|told|wrote|spoke|made|gave|had)\b"
)


#: Words a title in title case may leave in lower case, and its share of capitalised words otherwise.
_TITLE_SMALL_WORDS = frozenset("a an the of for to and or nor but in on at by with from as after about into over".split())
_TITLE_CASE_SHARE = 0.8


class Resolver:
    """Turns a speaker phrase ("she", "Sakai", "the JCS") into an actor, using mentions before the quote."""

    def __init__(self, article: str, sentences: list[Sentence]) -> None:
        self.article = article
        self.quoted: list[tuple[int, int]] = []  # article offsets of quoted passages, sorted
        listed = find_actor_candidates(article)
        self.actors = listed + speakers_not_listed(article, listed)
        self.sentences = sentences
        self.labels: list[tuple[str, ActorCandidate]] = sorted(
            ((label, a) for a in self.actors for label in (a.name, *a.aliases)), key=lambda p: -len(p[0])
        )
        self.sentence_starts = [s.start for s in sentences]
        # every mention in article order (ties: actor, then mention order), so that the mentions
        # near a quote are a bisect away, not a walk over the whole article's for every quote
        self.all_mentions = sorted(
            ((m.start, a) for a in self.actors for m in a.mentions), key=lambda f: f[0]
        )
        self.mention_starts = [f[0] for f in self.all_mentions]
        #: the person each sentence already gave a quote to, by the sentence's start: "Yet Ortiz is
        #: a "realist," Brennan said. "..." he added" is Brennan speaking on, not Ortiz
        self.spoken: dict[int, ActorCandidate] = {}

    def named_in(self, phrase: str) -> tuple[ActorCandidate, str] | None:
        """The actor a phrase names, and the label it goes by there: a person before any body
        ("Inspector X of the Bureau"), and the most specific body ("China's Eastern Theater Command")."""
        hits: list[tuple[int, int, ActorCandidate, str]] = []
        for label, actor in self.labels:
            if re.search(rf"(?<![\w]){re.escape(label)}(?![\w])", phrase):
                hits.append((0 if actor.kind == ActorKind.PERSON else 1, -len(label), actor, label))
        if not hits:
            return None
        _, _, actor, label = min(hits, key=lambda h: (h[0], h[1]))
        return actor, label

    def mentions(self, start: int, end: int, kinds: set[ActorKind]) -> list[tuple[int, ActorCandidate]]:
        """Mentions between two offsets, leaving out those inside quotation marks: a name in
        someone's words ("... the 'hawks' in Riga") is not who the next "it" points at."""
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, end, lo)
        return [(at, a) for at, a in self.all_mentions[lo:hi] if a.kind in kinds and not self.in_quotes(at)]

    def in_quotes(self, offset: int) -> bool:
        i = bisect.bisect_right(self.quoted, (offset, 1 << 30)) - 1
        return i >= 0 and self.quoted[i][0] <= offset < self.quoted[i][1]

    def subject_before(
        self, offset: int, floor: int, pronoun: str = "", fits: Callable[[ActorCandidate], bool] | None = None
    ) -> ActorCandidate | None:
        """The person a "he" or "she" points at: the first person named in the nearest sentence
        that names one the pronoun can stand for (the subject, not a person merely mentioned).
        A sentence whose subject is the same pronoun ("He attacked the treaty signed by
        President Obama, who he noted ...") names no one new: the search goes on before it. ``fits``
        says whom a description can stand for ("the governor" is not the person titled "Sen.")."""

        def agree(person: ActorCandidate) -> bool:
            return compatible(person, pronoun, self.article) and (fits is None or fits(person))

        lo = bisect.bisect_left(self.sentence_starts, floor)
        hi = bisect.bisect_left(self.sentence_starts, offset, lo)
        weak: ActorCandidate | None = None
        for s in reversed(self.sentences[lo:hi]):
            speaker = self.spoken.get(s.start) if s.end <= offset else None
            if speaker is not None and (not agree(speaker) or self.someone_else_subject(s, speaker, agree)):
                speaker = None
            end = min(s.end, offset)
            if pronoun and (
                re.match(rf"(?:[“\"]?\w+[,”\"]*\s+)?{pronoun}\b", s.text, re.IGNORECASE)
                or self.pronoun_speaks_inside(s, end, pronoun)
            ):
                if speaker is not None:
                    return speaker
                # "He should gain from the win, Ortiz said.": the pronoun opens what Ortiz reported,
                # and the next "he said" carries on her voice
                voice = self.closing_voice(s, offset, pronoun, agree)
                if voice is not None and voice is not self.SAME_PRONOUN:
                    return voice
                continue
            if pronoun and s.end > offset and (
                self.participle_lead(sentence_text(s, s.start, offset))
                or self.said_before_cue(s, offset)
                or self.reported_before_cue(s, offset)
            ):
                # "Asked whether Ortiz would win, she replied": whoever the lead-in names, she is not them;
                # '"It won't last" -- that Ortiz is weak -- "at all," he says': a name before the
                # cue is in what he says
                continue
            if speaker is not None:
                return speaker
            voice = self.closing_voice(s, offset, pronoun, agree)
            if voice is self.SAME_PRONOUN:
                continue
            if voice is not None:
                return voice
            people = [(at, a) for at, a in self.mentions(s.start, end, {ActorKind.PERSON}) if agree(a)]
            headed = self.heading_person(s) if not people and s.end <= offset else None
            if headed is not None and agree(headed):
                return headed  # "3 / Ana Ruiz On Why The Pier Matters. / ... the singer said": the item's person
            if people and self.pronoun_first(s, pronoun, people[0][0]):
                continue
            if pronoun and _DESCRIBED_SUBJECT.match(mask(sentence_text(s, s.start, end))) and not self.subject_in(s.start, end):
                continue  # "the singer praised the new stadium": she is whom "the singer" stands for
            # the sentence's subject before anyone it merely mentions: "In describing Ortiz, Brennan said ..."
            subject = next((a for at, a in people if self.is_subject(at, a, s.start, end)), None)
            if subject is None:
                # a clause opening on someone the actor list missed: "Regarding the speech, Woods said"
                subject = next((p for p in self.unlisted_subjects(s, end) if agree(p)), None)
            if subject is not None:
                return subject
            # a name after a preposition or in a possessive ("a delegate from New Jersey", "Obama's
            # endorsement") is a weaker antecedent than the subject of a sentence before it
            plain = [a for at, a in people if not self.governed(at, a)]
            if plain:
                return plain[0]
            weak = weak or (people[0][1] if people else None)
        return weak

    def heading_person(self, sentence: Sentence) -> ActorCandidate | None:
        """The person a heading in title case opens on: a list's item ("Ana Ruiz On Why The Pier
        Matters.") or a section's title, whom the paragraphs under it go on to call "she" or "the
        singer". Its run of capitalised words hides the name from the actor list, so it names no one there."""
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", sentence.text) if w.lower() not in _TITLE_SMALL_WORDS]
        if len(words) < 3 or sum(w[0].isupper() for w in words) < _TITLE_CASE_SHARE * len(words):
            return None
        text = sentence.text.lstrip("“\"‘'")
        return next(
            (a for label, a in self.labels if a.kind == ActorKind.PERSON and re.match(rf"{re.escape(label)}(?![\w’'-])", text)),
            None,
        )

    #: what ``closing_voice`` answers for a sentence closed by the same pronoun: it names no one new
    SAME_PRONOUN = ActorCandidate(name="", kind=ActorKind.PERSON)

    def closing_voice(
        self, sentence: Sentence, offset: int, pronoun: str, agree: Callable[[ActorCandidate], bool]
    ) -> ActorCandidate | None:
        """The person a sentence of reported speech closes on ("Ortiz won the crowd over, Lund
        said."): the voice the next "he said" carries on, not the subject of what they reported.
        ``SAME_PRONOUN`` when the cue is the pronoun itself ("..., he said."): look further back."""
        if sentence.end > offset or self.has_quote(sentence.start, sentence.end):
            return None
        text = mask(sentence.text)
        cue = CLOSING_CUE.search(text)
        if cue is None or SPEECH_VERB.search(cue.group("speaker")) or NOT_NOUN_PHRASE_START.match(cue.group("speaker")):
            # ", said the allies had warned him.": the cue is the sentence's own verb, not a closing one;
            # ", said Ana Ruiz, a pollster.": the cue before its speaker
            cue = CLOSING_SAID.search(text)
        if cue is None:
            return None
        who = unmask(cue.group("speaker")).strip()
        if pronoun and who.lower() == pronoun:
            return self.SAME_PRONOUN
        at = sentence.start + cue.start("speaker")
        voiced = [a for _, a in self.mentions(at, at + len(cue.group("speaker")), {ActorKind.PERSON}) if agree(a)]
        if voiced:
            return voiced[0]
        if re.fullmatch(NAME, who) and (" " in who or is_surname(who, self.article)):
            person = unlisted_person(who, self.article)
            return person if agree(person) else None
        return None

    def participle_lead(self, text: str) -> bool:
        """Whether the sentence so far is a participle clause leading to the pronoun ("Asked about
        it, she said"): a word ending in -ed or -ing that none of the article's people bears in
        their name ("Manning, ..." and "Reed, ..." are people, not lead-ins)."""
        lead = _PARTICIPLE_LEAD.match(text)
        return lead is not None and not any(lead.group("word") in a.name.split() for a in self.actors)

    def said_before_cue(self, sentence: Sentence, offset: int) -> bool:
        """Whether all the sentence says before a pronoun cue is the pronoun's own words: a quotation
        opens it, or one closes right before the cue and no one named there is the subject
        ("Fiorina tossed "cold water on it," she wrote" is Fiorina's sentence)."""
        text = sentence_text(sentence, sentence.start, offset)
        if not _QUOTED_THEN_CUE.match(text):
            return False
        mark = re.search(r"[“\"]", text)
        if mark is None or not text[: mark.start()].strip():
            return True
        before = sentence.start + mark.start()  # the sentence's own words, before the quotation
        named = self.mentions(sentence.start, before, {ActorKind.PERSON})
        if any(self.is_subject(at, a, sentence.start, before) for at, a in named):
            return False
        return not self.unlisted_subjects(sentence, before)

    def reported_before_cue(self, sentence: Sentence, offset: int) -> bool:
        """Whether the pronoun closes what it reported: in "Ortiz is no reformer, she said" or
        "Ortiz, she said, is no reformer" everyone named before the cue is in what she said, and she
        is not them (a pronoun that is the reporting verb's subject never stands for a name inside its
        own report). A clause that only sets the scene ("After Ortiz won, she said") does not count."""
        text = sentence_text(sentence, sentence.start, offset)
        if not text.rstrip().endswith(",") or re.search(r"[“”\"]", text) or _SETTING_LEAD.match(text):
            return False
        return bool(_SAID_RIGHT_AFTER.match(self.article, offset))

    def someone_else_subject(self, sentence: Sentence, speaker: ActorCandidate, agree: Callable[[ActorCandidate], bool]) -> bool:
        """Whether the sentence's subject is another person than the one its quoted words were given
        to: "Brandt went after Pellew, calling him "a bore"" is still Brandt's sentence, whoever the
        words were given to, while in "Yet Ortiz is a "realist," Lund said" Lund is a subject too."""
        named = self.mentions(sentence.start, sentence.end, {ActorKind.PERSON})
        for at, a in named:
            end = next((m.end for m in a.mentions if m.start == at), at)
            said_after = re.match(rf"\s+(?:also\s+)?{SPEECH_VERB.pattern}", self.article[end : end + 40])
            said_before = re.search(rf"{SPEECH_VERB.pattern}\s+$", self.article[max(0, at - 30) : at])
            # "When Kessler noted that ..., Ortega seized on it": who speaks in a clause that only
            # sets the scene is not the sentence's voice
            setting = _SETTING_CLAUSE.search(self.article[max(sentence.start, at - 40) : at])
            if a.name == speaker.name and (said_after or said_before) and not setting:
                return False  # '..., Lund said': the sentence's voice, whoever opens it
        subjects = [a for at, a in named if self.is_subject(at, a, sentence.start, sentence.end)]
        return bool(subjects) and all(a.name != speaker.name for a in subjects) and any(agree(a) for a in subjects)

    def pronoun_speaks_inside(self, sentence: Sentence, end: int, pronoun: str) -> bool:
        """Whether the pronoun is the voice of a sentence before anyone it names: "What hurt most, she
        said, was a question put to Ortiz" is hers, and Ortiz is only in what she said."""
        text = sentence_text(sentence, sentence.start, end)
        cue = re.search(rf",\s+{pronoun}\s+(?:{SPEECH_VERB.pattern}|recalled|remembered)\s*,", text, re.IGNORECASE)
        if cue is None:
            return False
        named = self.mentions(sentence.start, end, {ActorKind.PERSON})
        return not named or named[0][0] > sentence.start + cue.start()

    def governed(self, at: int, person: ActorCandidate) -> bool:
        """Whether a mention is the object of a preposition or a possessive, not a clause's subject."""
        end = next((m.end for m in person.mentions if m.start == at), at)
        # "Christie's been making the case": a contraction, no possessive
        possessive = re.match(_POSSESSIVE_S, self.article[end : end + 12]) or (
            self.article[end - 1 : end] == "s" and re.match(r"['’](?!\w)", self.article[end : end + 2])  # "Sanders’ plan"
        )
        return bool(_GOVERNED_BEFORE.search(self.article[max(0, at - 40) : at]) or possessive)

    def unlisted_subjects(self, sentence: Sentence, end: int) -> list[ActorCandidate]:
        """People the actor list missed who open a clause of the sentence (before ``end``) as its subject."""
        text = sentence_text(sentence, sentence.start, end)
        starts = [0, *(m.end() for m in re.finditer(r",\s+", text))]
        found: list[ActorCandidate] = []
        for person in (unlisted_subject(text[i:], self.article) for i in starts):
            if person is not None:
                # "Murphy" when the actor list has Chris Murphy without his bare surname: the listed
                # people of that surname first, the one written in full last before it first of all
                found += [*self.kin(person.name.split()[-1], sentence.start), person]
        return found

    def pronoun_first(self, sentence: Sentence, pronoun: str, first_person: int) -> bool:
        """Whether the same pronoun stands in the sentence's main clause before the first person it
        names: "It is not as if she had not backed Romney" is still about her (a lead-in clause,
        "Saying he would stay, Ortiz ...", is not the main clause)."""
        # the last time the pronoun stands before that person: "... was new to her, and she doubts Ortiz can"
        before = sentence_text(sentence, sentence.start, first_person)
        same = next((m for m in reversed(list(re.finditer(rf"\b{pronoun}\b", before, re.IGNORECASE)))), None) if pronoun else None
        if not same or self.in_quotes(sentence.start + same.start()):
            return False
        if self.unlisted_subjects(sentence, sentence.start + same.start()):
            return False  # "Ruiz said she does not think Berg ...": the pronoun is Ruiz, who speaks
        return "," not in self.article[sentence.start + same.end() : first_person]

    def is_subject(self, at: int, person: ActorCandidate, start: int, end: int) -> bool:
        """Whether a mention opens its clause as the subject of a verb: only title words between
        the clause's start (``start`` or the last comma) and the name, a verb after it, and no
        name after the title words that follow it ("party campaign chairman Ivo Marsh said"
        is Marsh's sentence)."""
        clause = max(start, self.article.rfind(",", start, at) + 1)
        # a comma kept inside the closing mark ('calls it "a fair deal," Ortega seized') ends the
        # clause before it all the same: the mark is no word before the subject
        clause += len(self.article[clause:at]) - len(self.article[clause:at].lstrip(" \t\n\"”’'"))
        label_end = next((m.end for m in person.mentions if m.start == at), at)
        earlier = self.mentions(clause, at, {ActorKind.PERSON})
        if earlier:
            e_at, e_person = earlier[-1]
            e_end = next((m.end for m in e_person.mentions if m.start == e_at), e_at)
            if not _MODIFIER_WORDS.match(self.article[e_end:at].strip() + " "):
                return False  # someone named before it in the clause is its subject, if anyone is
        apposed = clause > start and not self.article[clause:at].strip() and _APPOSED_THEN_VERB.match(self.article[label_end:end])
        if not (_TITLE_WORDS.match(self.article[clause:at].lstrip()) and (THEN_VERB.match(self.article[label_end:end]) or apposed)):
            return False
        later = self.mentions(label_end, min(end, label_end + 60), {ActorKind.PERSON})
        return not (later and _MODIFIER_WORDS.match(self.article[label_end:later[0][0]].strip() + " "))

    def subject_in(self, start: int, end: int) -> ActorCandidate | None:
        """The person named first between two offsets when they are the subject of a verb there:
        only title words before them ("Vermont Sen. ", "campaign chairman "), a verb in lower case
        after them (past an appositive)."""
        people = self.mentions(start, end, {ActorKind.PERSON})
        if not people:
            return None
        at, person = people[0]
        if not _TITLE_WORDS.match(self.article[start:at]):
            return None
        return person if self.is_subject(at, person, at, end) else None

    def has_quote(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.quoted, (start, 0))
        return i < len(self.quoted) and self.quoted[i][0] < end

    def floor_of(self, offset: int) -> int:
        """Where a pronoun at ``offset`` stops looking back: ``LOOKBACK_SENTENCES`` sentences before its own."""
        i = max(0, bisect.bisect_right(self.sentence_starts, offset) - 1 - LOOKBACK_SENTENCES)
        return self.sentence_starts[i] if self.sentence_starts else 0

    def last_before(self, offset: int, floor: int, kinds: set[ActorKind]) -> ActorCandidate | None:
        found = self.mentions(floor, offset, kinds)
        return found[-1][1] if found else None

    def kin_written_last(self, person: ActorCandidate, label: str, at: int) -> ActorCandidate:
        """Of the people a bare surname can be ("Cheney" of Liz and Dick Cheney, whichever the
        actor list gave it to), the one the article wrote in full last before ``at``."""
        if " " in label.strip():
            return person
        kin = self.kin(label, at)
        return kin[0] if len(kin) > 1 and self.written_in_full(kin[0], label, at) >= 0 else person

    def kin(self, surname: str, at: int) -> list[ActorCandidate]:
        """The listed people whose names end on a surname, the one written in full last before ``at`` first."""
        kin = [a for a in self.actors if a.kind == ActorKind.PERSON and a.name.split()[-1] == surname]
        return sorted(kin, key=lambda a: -self.written_in_full(a, surname, at))

    def written_in_full(self, person: ActorCandidate, surname: str, at: int) -> int:
        """Where a person's last mention before ``at`` that is more than the bare surname starts (-1: none)."""
        return max((m.start for m in person.mentions if m.start < at and self.article[m.start : m.end] != surname), default=-1)

    def nearby(self, start: int, end: int) -> list[ActorCandidate]:
        """People named between two offsets, nearest to ``end`` first."""
        seen: dict[str, ActorCandidate] = {}
        for _, actor in reversed(self.mentions(start, end, {ActorKind.PERSON})):
            seen.setdefault(actor.name, actor)
        return list(seen.values())


#: Capitalised words that open a clause, not a name: "Last week", "Multiple outlets", "Asked about it".
NOT_A_NAME = frozenset(
    "One Last Multiple Asked Speaking Writing Later Earlier Then Now Other Another Several When While If In On At By For "
    "From With As After Before Since During That This These Those There Here It Its The A An But And Or So Yet Still "
    "What How Why Who Where Which Each Every All Any Some Many Most Such No Not Also Even Only Just Both Either "
    "Neither Despite Although Though However Meanwhile Instead He She They We You I "
    "About Almost Nearly Roughly Around Half Fewer More Over Under Among Amid Against Behind Beyond Across Along "
    "Throughout Toward Towards Until Unlike Upon Within Without Because Whether Unless".split()
)


def unlisted_subject(clause: str, article: str) -> ActorCandidate | None:
    """A person the actor finder did not list, opening the clause as its subject: a surname the
    article also writes after a first name or a title ("Vance has since withdrawn the remark"), or a
    first and last name."""
    # the name may follow its title words ("Deputy Whip Ana Ruiz"), its first word then a first name
    titles = _CAPITALISED_RUN.match(clause)
    adverb = _SENTENCE_ADVERB.match(clause)
    # (not inside a body's name: "The New York Times quoted" holds no "York Times")
    inside = titles.end() if not re.match(r"(?:The|A|An)\s", clause) else 0
    starts = [0, *(t.start() for t in _CAPITALISED.finditer(clause, 0, inside) if t.start() and is_first_name(t.group(1)))]
    for start in sorted({*starts, *([adverb.end()] if adverb else [])}):
        m = _SUBJECT_NAME.match(clause, start)
        if not m or m.group("name").split()[0] in NOT_A_NAME or is_group_name(m.group("name")):
            continue
        if names_a_place_or_event(m.group("name"), clause[m.end("name") :], article):
            continue
        tokens = m.group("name").split()
        # "Zendaria, who won the top award, spoke": "who" is said of a person, known by one name
        who = re.match(r",\s+who\b", clause[m.end("name") :]) is not None
        one = len(tokens) == 1 and (
            is_surname(tokens[0], article) or _goes_by_first_name(tokens[0], article) or who or _acts_as_a_person(clause, m, article)
        )
        # a name the first-name list does not know, family name first: "Nguyen Thi Lan, a farmer, lost ..."
        unknown_first = start == 0 and _SET_OFF.match(clause, m.end("name")) and reads_as_a_name(m.group("name"), article)
        if one or (len(tokens) > 1 and (is_first_name(tokens[0]) or unknown_first)):
            return unlisted_person(m.group("name"), article)
    return None


#: First names that are months too ("May said" is rarer than "in May").
_MONTHS = frozenset("January February March April May June July August September October November December".split())


def _goes_by_first_name(word: str, article: str) -> bool:
    """Whether the article calls someone by a first name alone ("Bob said he took one call"), as
    it does a source it keeps anonymous: a first name it never writes in lower case nor before a
    surname, so that it is no word ("will") and no one's name in full ("Bob Lund"), and one it
    has speak somewhere ("Bob said"), so that it is no place ("Orlando was on their minds")."""
    if word in _MONTHS or not is_first_name(word):
        return False
    w = re.escape(word)
    if re.search(rf"\b{w.lower()}\b|\b{w}\s+[A-Z]", article):
        return False
    return re.search(rf"\b{w}\s+(?:also\s+)?{SPEECH_VERB.pattern}|\b{speech_verbs(strict=True)}\s+{w}\b", article) is not None


#: Verbs only a person does, right after a one-word subject: "Orvell openly admitted", "Brask dodged the question".
_PERSON_VERB = re.compile(
    rf"\s+(?:[a-z]+ly\s+)?(?:{speech_verbs(strict=True)}|admitted|conceded|dodged|defied|declined|refused|acknowledged|"
    r"agreed|disagreed|laughed|joked|smiled|shrugged|vowed|pledged|promised|insisted|apologi[sz]ed|scoffed|"
    r"bristled|sighed|quipped|retorted|countered|hedged|demurred|balked|wasn['’]t\s+impressed)\b"
)


def _acts_as_a_person(clause: str, name: re.Match[str], article: str) -> bool:
    """Whether a one-word name the article never writes in full opens the clause doing what only a
    person does ("Orvell openly admitted the pick was political"): a surname the story uses alone,
    unless the word is also written in lower case or after "the", "in" or "at" (a word or a place)."""
    word = name.group("name")
    if name.start("name") != 0 or not _PERSON_VERB.match(clause, name.end("name")) or word in _MONTHS:
        return False
    w = re.escape(word)
    return re.search(rf"\b{w.lower()}\b|\b(?i:the|in|at|to|from|of)\s+{w}\b", article) is None


#: A name as a clause's subject: then a verb, past an appositive (", R-Ohio,", ", a delegate from Ohio,"), and
#: not a preposition or a conjunction ("Ana Ruiz at the college, who ...").
_SUBJECT_NAME = re.compile(
    rf"(?P<name>{NAME})(?![\w'’-])(?=(?:(?:,\s[^,“”\"]{{1,120}}){{1,3}},)?(?:\s+(?:of|from)\s+[A-Z][\w.\u2024-]*(?:\s+[A-Z][\w.\u2024-]*)*,(?:\s+[A-Z][\w.\u2024]*,)?)?"
    rf"\s+(?:has\s+|had\s+|also\s+|then\s+|later\s+)?"
    rf"(?!(?:at|of|in|on|from|for|with|to|by|and|or|who|whose|which|campaign|{PERSON_NOUNS}|{ROLE_NOUNS})s?\b)[a-z]{{2,}}"
    # "The head of the League, Jonah Gould, warned": a name set beside the subject, then its verb
    r"|,\s+(?:also\s+|then\s+)?(?:[a-z]+ed|said|told|wrote|spoke)\b)"
)
#: After a name the list of first names does not know: an appositive or a verb in the past, as
#: a name's are ("Nguyen Thi Lan, a farmer,", "Aye Myint Su said"), not a title's next word.
_SET_OFF = re.compile(r",\s|\s+(?:[a-z]+ed|said|told|says|wrote|spoke)\b")
#: Words that open a sentence before its subject: "Meanwhile Zendaria, who won ...".
_SENTENCE_ADVERB = re.compile(r"(?:(?:Meanwhile|However|Still|Instead|Later|Earlier|Then|Now|Also|But|And|Yet|So|Separately)\s+)+")
#: (a title's full stop may be masked: "Rep\u2024 Ana Ruiz")
_CAPITALISED = re.compile(r"([A-Z][\w'’-]*)[.\u2024]?\s+")
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'’-]*[.\u2024]?\s+){0,5}")
