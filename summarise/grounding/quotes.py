"""Quote candidates: the words between double quotation marks, and who said them.

Attribution follows the shapes news writing uses: '"...," X said', '"...," said X, an analyst
at Y', 'X said: "..."', 'X said the allies had "..."', 'according to X', and a pronoun
("he noted") that points at the person last named before it. A quote with no attribution of
its own that follows another quote continues the same speaker. Single-quoted terms
('regime change') and quoted words too short to be a statement ("overwhelming") are scare quotes,
not quotes.

Political news names its speakers paragraphs before it quotes them, so "he" and "she" prefer
the person a nearby sentence has speak or opens on as its subject over a name it merely
mentions ("In describing Ortiz, Brennan said ..."); a quote inside what someone did ("Ortiz
mocked the plan as "..."") is its subject's; an unattributed quote after a sentence about
someone is theirs; and a description ("the president", "the Times") is the person whose title
it is, the outlet it names, or, when indefinite ("one campaign source"), nobody named.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from summarise.grounding.actors import NAME, ActorCandidate, find_actor_candidates, is_surname
from summarise.grounding.cues import speech_verbs
from summarise.grounding.gender import compatible
from summarise.grounding.names import is_first_name
from summarise.grounding.gazetteer import GENERIC_BODY, ROLE_NOUNS, TITLE, state_of, state_pattern
from summarise.grounding.sentences import Sentence, split_sentences
from summarise.grounding.speakers import (
    described_as,
    introduced_unnamed,
    may_be_described,
    person_described,
    profile,
    speaker_type,
    speakers_not_listed,
    unlisted_person,
)
from summarise.schemas import ActorKind, MatchStatus, QuoteDraft, Span, SpeakerType, clip, field_cap

#: The longest role and affiliation a quote holds: a description running past them is cut at a word
#: ("a man who had talked about ... for years"), not left to fail the briefing.
_ROLE_CHARS = field_cap(QuoteDraft, "speaker_role")
_AFFILIATION_CHARS = field_cap(QuoteDraft, "speaker_affiliation")
#: A quote shorter than this many words is a scare quote unless it is a whole clause.
MIN_QUOTE_WORDS = 4
#: How many sentences back a pronoun or an unattributed quote may look for its speaker.
LOOKBACK_SENTENCES = 4
SPEECH = speech_verbs()
_PRONOUNS = {"he": ActorKind.PERSON, "she": ActorKind.PERSON, "it": None, "they": None}
_OPENERS = {"“": "”", '"': '"', "«": "»", "‘": "’"}
#: Words between a speaker and the cue: "he has pointed out", "she later added", "she went on to say".
_AUXILIARIES = r"(?:\s+(?:has|have|had|also|later|then|further|once|again|simply|recently|(?:went|goes|go)\s+on\s+to|continued\s+to))*"
#: Who a person is, between their name and the cue: ", 30, of Flint, Mich., who was polled,".
_AGE_AND_HOME = r"(?:,\s(?:\d{1,3}|[A-Z][\w.\u2024'’-]*(?:\s[A-Z][\w.\u2024'’-]*){0,2}|(?:of|from|who|whose)\s[^,;“”\"]{1,100}))+,"
_AFTER_SPEAKER_FIRST = re.compile(
    rf"^[\s,.;:!?”\"’»-]*(?P<speaker>[^,.;:!?“”\"]{{1,80}}?)(?:,\s(?P<appositive>[^,;]{{1,100}}),|,\s(?:the|a|an)\s[^,;]{{1,100}}|{_AGE_AND_HOME})?{_AUXILIARIES}\s+(?-i:{SPEECH})\b",
    re.IGNORECASE,
)
#: '"...," said X' and '"..." in the last election, said X': a short phrase may stand between quote and cue
#: (not a cue of its own: '"...," Ortiz said, asked about it' is Ortiz's).
_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,.;:!?”\"’»-]*(?:(?![^,]*\b{SPEECH}\b)[^,.;:!?“”\"]{{1,60}},\s+)?(?!(?-i:Reads?\b)){SPEECH}\s+(?P<speaker>[^,.;:!?“”\"]{{1,80}})", re.IGNORECASE
)
#: The agent of a passive report: "the shelling was described by villagers as "..."".
_BY_AGENT = re.compile(
    r"\b(?:described|called|labell?ed|termed|branded|characteri[sz]ed|denounced|hailed|dismissed)\s+by\s+"
    r"(?P<speaker>[^,.;:!?“”\"]{1,80}?)\s+as\s*$",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"according to (?P<speaker>[^,.;:!?“”\"]{1,80})", re.IGNORECASE)
_BEFORE = re.compile(rf"(?P<speaker>[^,.;:!?“”\"]{{1,80}}?)(?:,\s[^;“”\"]{{1,140}},)?\s+{SPEECH}\b(?P<tail>[^“”\"]*)$")
_ANONYMOUS = re.compile(r"^(?:the|a|an|one)\s+(?P<desc>(?:[\w'’.-]+\s+){0,5}?[\w'’-]+)$", re.IGNORECASE)


@dataclass
class QuoteCandidate:
    """Quoted words with a guess at their speaker, and the sentences a model needs to judge it."""

    text: str
    span: Span
    speakers: list[str] = field(default_factory=list)
    speaker: str | None = None
    speaker_role: str | None = None
    speaker_affiliation: str | None = None
    speaker_type: SpeakerType = SpeakerType.OTHER
    sentence: str = ""
    previous_sentence: str = ""


#: Double marks close one another whatever their shape: typed text mixes them ("...,” she said),
#: and an opening curly mark right after the words, before a space, closes too ("...,“ he said).
_DOUBLE = frozenset('“"')
_DOUBLE_CLOSE = re.compile(r'[”"]|(?<=[\w.,!?])“(?=[\s.,;:!?)]|$)')


def _quoted_ranges(line: str) -> list[tuple[int, int, str]]:
    """(start, end, opening mark) of each passage inside double quotes (and curly single ones)."""
    found: list[tuple[int, int, str]] = []
    if not any(mark in line for mark in _OPENERS):
        return found  # most sentences quote nobody: skip the walk
    i = 0
    while i < len(line):
        ch = line[i]
        if ch in _OPENERS and (ch != "‘" or (i == 0 or not line[i - 1].isalnum())):
            if ch in _DOUBLE:
                m = _DOUBLE_CLOSE.search(line, i + 1)
                j = m.start() if m else -1
            else:
                close_mark = _OPENERS[ch]
                j = i + 1
                while True:
                    j = line.find(close_mark, j)
                    if j < 0 or ch != "‘" or j + 1 >= len(line) or not line[j + 1].isalpha():
                        break
                    j += 1  # a curly apostrophe inside a single-quoted passage ("it’s")
            close = j if j >= 0 else len(line)
            found.append((i + 1, close, ch))
            i = close + 1
        else:
            i += 1
    return found


#: Words that introduce a name or a term, not someone's words: "code-named "Strait Shield"".
_NAMING = re.compile(
    r"(?:(?:calls?|called|dubbed|code-?named|known as|so-called|termed|titled|named|labelled|labeled)|"
    r"(?:describ|regard|view|see|refer)\w*\s+(?:(?!by\b)\w+\s+){0,2}?(?:to\s+(?:\w+\s+){0,2}?)?as)\s+(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)


#: An opening mark inside an unclosed angle bracket is an attribute of markup a scraper left.
_IN_MARKUP = re.compile(r"<[^<>]*$")
#: A quote says something in words: two letters in a row, not only digits, a handle or a link.
_WORDY = re.compile(r"(?<![@#/\w])[^\W\d_]{2,}(?![\w./]*\.(?:com|org|net)\b)")
#: Every word capitalised but the small ones, and no more than eight: a title, not someone's words.
_TITLE_CASE = re.compile(r"(?:[A-Z0-9][\w'’:-]*[.!]?|of|the|a|an|and|in|on|to|for|at)(?:\s+(?:[A-Z0-9][\w'’:-]*|of|the|a|an|and|in|on|to|for|at)){1,7}[.!:]?")


#: A verb by which a speaker gives someone or something a name of their own: "called him a "...",
#: "describes herself as "..."". It needs its object: "a film called "..."" names a thing.
_GIVEN_NAME = re.compile(
    r"(?:\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|brand(?:s|ed|ing)?|label(?:s|l?ed|l?ing)?|term(?:s|ed|ing)?|"
    r"describ(?:e|es|ed|ing)|refer(?:s|red|ring)?\s+to|cast(?:s|ing)?|portray(?:s|ed|ing)?)\s+"
    r"(?!(?:the|a|an)\s+(?:$|[\"“])|(?:for|on|in|off|out|up|by|as|of|to|from|with|at)\b)"
    r"(?:(?:[\w’'.-]+|[\"“][^\"”]{1,40}[\"”],?)\s+){1,5}?"
    r"(?:as\s+)?(?:an?\s+|the\s+)?"
    r"|\b(?:what|which|that)\s+(?:he|she|they|(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]+)\s+(?:has\s+|had\s+|once\s+)?"
    r"call(?:s|ed)\s+(?:an?\s+|the\s+)?"
    r"|\b(?:he|she|they|I|we)\s+(?:has\s+|had\s+|once\s+|also\s+|then\s+)?(?:call(?:s|ed)?|dub(?:s|bed)?|brand(?:s|ed)?|"
    r"label(?:s|l?ed)?|term(?:s|ed)?)\s+(?:an?\s+|the\s+)?)$"
)
#: The words by which the writer hands a short quote to whoever speaks: speech verbs as participles
#: ("saying it was "..."") and verbs of praise and blame ("decried the plan for "..."").
_GIVING_VERB = (
    r"(?:saying|stating|telling|adding|arguing|warning|insisting|declaring|claiming|accusing|urging|"
    r"vowing|promising|pledging|complaining|lamenting|boasting|joking|calling|describing|tweeting|writing|"
    r"decr(?:y|ies|ied|ying)|slam(?:s|med|ming)|blast(?:s|ed|ing)|mock(?:s|ed|ing)|criticiz(?:e|es|ed|ing)|"
    r"criticis(?:e|es|ed|ing)|prais(?:e|es|ed|ing)|hail(?:s|ed|ing)|yell(?:s|ed|ing)|shout(?:s|ed|ing)|"
    r"chant(?:s|ed|ing)|scream(?:s|ed|ing)|cr(?:y|ies|ied|ying)\s+out)"
)
#: ... within the clause that ends at the quote ("blasting X, he read from ... "..."" gives it nothing).
_GIVES_WORDS = re.compile(rf"\b{_GIVING_VERB}\b[^,;:“”\"]{{0,100}}$")
#: The words right after a short quote that hand it to a speaker: '," she said', '!" cried the crowd'.
_CUE_AFTER = re.compile(
    rf"^[”“\"’]?\s*[,!?]?[”“\"’]?\s+"
    rf"(?:(?:he|she|they|we|I|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}}|(?:the|a|an|one)\s+(?:[\w’'-]+\s+){{0,3}}?[\w’'-]+)"
    rf"{_AUXILIARIES}\s+(?:{SPEECH}|{_GIVING_VERB})"
    rf"|(?:{SPEECH})\s+(?:he|she|they|[A-Z][\w.’'-]*|(?:the|a|an)\s))\b"
)
#: A possessive before a quote makes it the name of someone's thing: 'the network's "Morning Talk"'.
_POSSESSIVE_BEFORE = re.compile(r"\w['’]s?\s+$")
#: Where a show's or a paper's title stands, even in a sentence with a speech verb: 'said on "Morning Talk"'.
_SHOW_BEFORE = re.compile(r"(?:\w['’]s?|\b(?:on|in))\s+$")


def _is_statement(words: str, mark: str, before: str, rest: str, after: str = "") -> bool:
    """A quotation, not a scare quote or a name: long enough, or short and attributed to someone.

    ``before`` is the sentence up to the opening mark, ``rest`` the sentence without the quote,
    ``after`` the sentence from the closing mark on: '"Absolutely," she said' is a reply, however short.
    """
    n = len(words.split())
    if _IN_MARKUP.search(before) or not _WORDY.search(words):
        return False  # an attribute of left-over markup (<tweet id="...">), a number, a handle
    if mark == "‘":
        return n >= 6  # single marks: only a long passage is a quote, a short one is a term
    if _TITLE_CASE.fullmatch(words.strip()) and (not _SPEECH_VERB.search(rest) or _SHOW_BEFORE.search(before)):
        return False  # the name of a show, a book or a club: "The Harbour Masters", "Red Roof Country Club"
    if n >= MIN_QUOTE_WORDS or (n >= 2 and words[:1].isupper() and words.rstrip()[-1:] in ".!?"):
        return True
    if _CUE_AFTER.match(after) and not _TITLE_CASE.fullmatch(words.strip()) and not (
        _POSSESSIVE_BEFORE.search(before) or words[:1].isupper() and _DETERMINER_BEFORE.search(before)
    ):
        return True  # the cue follows at once: '"Not yet," he said', '"Never!" the crowd shouted'
    named = _GIVEN_NAME.search(before)
    if named and not _named_by_a_state(before[: named.start()]):
        return True  # "she called the plan "reckless"": a speaker's own word for it
    if _NAMING.search(before) or words[:1].isupper():
        return False
    if any(not _DETERMINER_BEFORE.search(rest[: m.start()]) for m in _SPEECH_VERB.finditer(rest)):
        return True
    return _GIVES_WORDS.search(before) is not None


def _named_by_a_state(subject: str) -> bool:
    """Whether the words before a naming verb end on a state ('Beijing calls itself a "..."'):
    a state's name for a thing is a term of its policy, not words a speaker is given."""
    words = subject.split()
    return any(state_of(" ".join(words[-k:])) is not None for k in (1, 2, 3) if len(words) >= k)


def _trim(text: str) -> tuple[int, int]:
    """Offsets of the quote's words inside the marks: no outer space, no trailing comma."""
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


@dataclass(frozen=True)
class _Attribution:
    """Who said a quote, as far as the article says: a name, or only a role ("a spokesperson")."""

    name: str | None = None
    role: str | None = None
    affiliation: str | None = None
    type: SpeakerType = SpeakerType.OTHER
    actor: ActorCandidate | None = None

    @property
    def known(self) -> bool:
        return bool(self.name or self.role)


_NOBODY = _Attribution()
_ORG_NOUNS = r"(?:company|firm|group|ministry|agency|embassy|office|council|command|army|military|movement|government|department|bureau|service|operator|centre|center|alliance|bloc|mission|authority|force|forces|party|campaign|committee|board|newspaper|paper|daily|broadcaster|network|channel|outlet|union|court|commission|administration|institute|university|organi[sz]ation)"


#: Nouns for what a person is in politics that are no office ("Obama pollster Cornell Reyes", "the
#: billionaire businessman"): title words before a name, as much as "senator" is.
_PERSON_NOUNS = (
    r"consultant|pollster|strategist|aide|surrogate|supporter|donor|rival|challenger|opponent|nominee|candidate|"
    r"economist|operative|staffer|billionaire|businessman|businesswoman|front-?runner|congressman|congresswoman|"
    r"delegate|columnist|anchor|moderator"
)
#: The words of a title or description before the name that ends it: "Vermont Sen. ",
#: "Clinton campaign chairman ", "Former Arkansas Gov. ", "NBC’s ".
_TITLE_WORDS = re.compile(
    r"^(?:(?:(?!(?:When|While|If|After|Before|Since|As|Because|Although|Though|Despite|Unlike|Like|In|On|At|For|"
    r"From|With|By|During|Asked|Regarding|About)\b)[A-Z][\w.’'\u2024-]*|of|the|and|former|"
    rf"(?i:{ROLE_NOUNS}|{_PERSON_NOUNS})s?|campaign|state|\w+['’]s)\s+)*$"
)
#: After the subject: an appositive (", who leads the race,", ", 54,") and then a verb in lower case.
_THEN_VERB = re.compile(
    r"^(?:\s*\((?:[A-Z]|Ind|Dem|Rep)-[A-Z][\w.\u2024 ]{0,12}\))?(?:(?:,[^,“”\"]{1,120}){1,3},)?(?:\s+(?:of|at|from)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*(?:\s+|$)(?:of\s+)?)+)?\s*(?:(?!(?:and|or|of|in|on|at|for|to|with|from|by|the|a|an)\b)[a-z]+\s+){0,2}?"
    r"(?!(?:and|or|of|in|on|at|for|to|with|from|by|the|a|an)\b)[a-z]{2,}"
)
#: The words between a name and a later one that make the first a modifier of the second:
#: "Trump campaign chairman ", "Latino Polls researcher ".
_MODIFIER_WORDS = re.compile(rf"^(?:(?:[A-Z][\w.’'\u2024-]*|(?i:{ROLE_NOUNS}|{_PERSON_NOUNS})s?|campaign|\w+['’]s)\s+)*$")


#: A preposition (and the title words after it) right before a name: "a delegate from ", "an aide to
#: President " ("according to" names a source, who may speak on).
_GOVERNED_BEFORE = re.compile(r"\b(?:of|from|in|(?<!according )to|for|with|by|at|about|against|under|than|like)\s+(?:the\s+)?(?:[A-Z][\w.\u2024’'-]*\s+){0,3}$")


#: A sentence that opens on a definite description of a person and their verb ("The veteran actor
#: discussed ...", "On Monday, the senator went further"): about someone named before it.
_DESCRIBED_SUBJECT = re.compile(
    rf"^\s*(?:[A-Z][^,“”\"]{{0,50}},\s+)?(?:(?:But|And|Yet|So|Then|Later)\s+)?(?i:the)\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?i:{ROLE_NOUNS}|{_PERSON_NOUNS}|actor|actress|host|star|singer|writer|pastor|preacher)"
    r"\s+(?:(?:also|then|later|further|quickly|again)\s+)?(?:[a-z]+ed|[a-z]+s|took|went|said|told|wrote|spoke|made|gave|had)\b"
)


class _Resolver:
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
            if speaker is not None and not agree(speaker):
                speaker = None
            if pronoun and re.match(rf"(?:[“\"]?\w+[,”\"]*\s+)?{pronoun}\b", s.text, re.IGNORECASE):
                if speaker is not None:
                    return speaker
                continue
            if speaker is not None:
                return speaker
            voice = self.closing_voice(s, offset, pronoun, agree)
            if voice is self.SAME_PRONOUN:
                continue
            if voice is not None:
                return voice
            end = min(s.end, offset)
            people = [(at, a) for at, a in self.mentions(s.start, end, {ActorKind.PERSON}) if agree(a)]
            if people and self.pronoun_first(s, pronoun, people[0][0]):
                continue
            if pronoun and _DESCRIBED_SUBJECT.match(_mask(sentence_text(s, s.start, end))) and not self.subject_in(s.start, end):
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
        text = _mask(sentence.text)
        cue = _CLOSING_CUE.search(text)
        if cue is None or _SPEECH_VERB.search(cue.group("speaker")) or _NOT_NOUN_PHRASE_START.match(cue.group("speaker")):
            # ", said the allies had warned him.": the cue is the sentence's own verb, not a closing one;
            # ", said Ana Ruiz, a pollster.": the cue before its speaker
            cue = _CLOSING_SAID.search(text)
        if cue is None:
            return None
        who = _unmask(cue.group("speaker")).strip()
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

    def governed(self, at: int, person: ActorCandidate) -> bool:
        """Whether a mention is the object of a preposition or a possessive, not a clause's subject."""
        end = next((m.end for m in person.mentions if m.start == at), at)
        possessive = re.match(r"['’]s\b", self.article[end : end + 2]) or (
            self.article[end - 1 : end] == "s" and re.match(r"['’](?!\w)", self.article[end : end + 2])  # "Sanders’ plan"
        )
        return bool(_GOVERNED_BEFORE.search(self.article[max(0, at - 40) : at]) or possessive)

    def unlisted_subjects(self, sentence: Sentence, end: int) -> list[ActorCandidate]:
        """People the actor list missed who open a clause of the sentence (before ``end``) as its subject."""
        text = sentence_text(sentence, sentence.start, end)
        starts = [0, *(m.end() for m in re.finditer(r",\s+", text))]
        found: list[ActorCandidate] = []
        for person in (_unlisted_subject(text[i:], self.article) for i in starts):
            if person is not None:
                # "Murphy" when the actor list has Chris Murphy without his bare surname: the listed
                # people of that surname first, the one written in full last before it first of all
                found += [*self.kin(person.name.split()[-1], sentence.start), person]
        return found

    def pronoun_first(self, sentence: Sentence, pronoun: str, first_person: int) -> bool:
        """Whether the same pronoun stands in the sentence's main clause before the first person it
        names: "It is not as if she had not backed Romney" is still about her (a lead-in clause,
        "Saying he would stay, Ortiz ...", is not the main clause)."""
        same = re.search(rf"\b{pronoun}\b", sentence.text, re.IGNORECASE) if pronoun else None
        if not same or sentence.start + same.start() >= first_person or self.in_quotes(sentence.start + same.start()):
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
        label_end = next((m.end for m in person.mentions if m.start == at), at)
        earlier = self.mentions(clause, at, {ActorKind.PERSON})
        if earlier:
            e_at, e_person = earlier[-1]
            e_end = next((m.end for m in e_person.mentions if m.start == e_at), e_at)
            if not _MODIFIER_WORDS.match(self.article[e_end:at].strip() + " "):
                return False  # someone named before it in the clause is its subject, if anyone is
        if not (_TITLE_WORDS.match(self.article[clause:at].lstrip()) and _THEN_VERB.match(self.article[label_end:end])):
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


_ABBREVIATED = re.compile(
    r"\b(?:Col|Gen|Lt|Maj|Capt|Sgt|Adm|Cmdr|Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|St|Jr|Sr|No|Rev|Fr|Msgr|Sens|Reps|Gens|Cpl|Pvt|"
    r"Brig|Det|Insp|Supt|Amb|Atty|Hon|Ft|Mt)\.|\b(?:[A-Z]\.){2,}"
    r"|\b[A-Z][a-z]+ [A-Z]\.(?= [A-Z][a-z])"  # a middle initial: "George W. Bush", "Harry M. Reid"
    r"|\((?:[A-Z]|Ind|Dem|Rep)-[A-Z][\w. ]{0,12}\)"  # a party and state tag: "(D-Nev.)", "(R-S.C.)"
)
_MASK = "\u2024"  # one dot leader: same length as a full stop, so offsets hold


def _mask(text: str) -> str:
    """Hide the full stops of abbreviations ("Col.", "U.S.") so they do not end a speaker's name."""
    return _ABBREVIATED.sub(lambda m: m.group(0).replace(".", _MASK), text)


def _unmask(text: str) -> str:
    return text.replace(_MASK, ".")


def sentence_text(sentence: Sentence, start: int, end: int) -> str:
    """The part of a sentence between two article offsets."""
    return sentence.text[max(0, start - sentence.start) : max(0, end - sentence.start)]


#: A speech verb as a participle after a comma: its subject is the sentence's own.
_PARTICIPLE_CUE = re.compile(r",\s+(?:saying|telling|adding|noting|asking|arguing|warning|insisting|writing|declaring|explaining|tweeting)\b")
#: The name that opens a sentence (after "On Friday," and the like), as the subject of its verb.
#: (its title words too: "Republican presidential candidate Ana Lund took to Twitter, writing").
_SENTENCE_SUBJECT = re.compile(
    rf"^\s*(?:[A-Z][^,]{{0,40}},\s+)?(?P<subject>(?:he|she|they|it)\b|(?!(?:In|On|At|As|After|Before|When|While|During|With|For|From|By|The|A|An)\b)"
    rf"(?:[A-Z][\w’'-]*\s+(?:(?i:{ROLE_NOUNS}|presidential|candidate|nominee|hopeful|front-?runner|campaign)s?\s+){{1,3}}(?=[A-Z]))?{NAME})(?=\s+[a-z])"
)
#: Words a speaker named after the quote never begins with: those are a clause that runs on
#: from the quote ('"..." by using its grants to press the regions to ...').
_NOT_NOUN_PHRASE_START = re.compile(
    r"(?i:by|to|in|on|for|with|from|at|as|because|while|when|after|before|if|and|but|or|than|that|which|so|"
    r"then|not|into|over|under|about|against|during|since|until|through|via|is|was|were|are|has|had|will|would|"
    r"who|whom|whose|where)\b"
    r"|[a-z]+ed\s+(?:by|in|at|on|to|for|with)\b"  # '"..." fostered by Ortiz and his allies, the groups say'
)


def _speaker_phrase(sentence: Sentence, q_start: int, q_end: int, others: list[tuple[int, int]]) -> tuple[str | None, int]:
    """The words that name the speaker in the quote's own sentence, and where they stand."""
    after_stop = min([a for a, _ in others if a > q_end] + [sentence.end])
    after = _mask(sentence_text(sentence, q_end, after_stop))
    found: tuple[str, int] | None = None
    for pattern in (_AFTER_VERB_FIRST, _AFTER_SPEAKER_FIRST):
        m = pattern.match(after)
        speaker = m.group("speaker").strip() if m else ""
        if m and len(speaker.split()) <= _MAX_SPEAKER_WORDS and speaker.lower() not in _NOT_SPEAKERS and (
            pattern is _AFTER_VERB_FIRST or not _NOT_NOUN_PHRASE_START.match(speaker)
        ):
            found = (m.group("speaker"), q_end + m.start("speaker"))
            appositive = m.groupdict().get("appositive")
            if appositive and _DESCRIBED.match(speaker) and re.fullmatch(rf"{NAME}", _unmask(appositive).strip()):
                # '"...," his wife, Ana Lund, wrote': the name beside the description speaks
                found = (appositive, q_end + m.start("appositive"))
            break
    if found is None:
        m = _ACCORDING.search(after)
        found = (m.group("speaker"), q_end + m.start("speaker")) if m else None
    if found is None:
        # '"...," and donations rose again last week, Ortiz said.': the cue closing the sentence
        m = _CLOSING_CUE.search(after)
        if m and not _NOT_NOUN_PHRASE_START.match(m.group("speaker")) and len(m.group("speaker").split()) <= 6:
            found = (m.group("speaker"), q_end + m.start("speaker"))
    if found is None:
        before_start = max([b for _, b in others if b < q_start] + [sentence.start])
        before = _mask(sentence_text(sentence, before_start, q_start - 1))  # q_start is past the opening mark
        m = _ACCORDING.search(before) or _BY_AGENT.search(before) or _NAME_COLON.match(before) or _SAID_NAME.search(before)
        if m and not _WHO_SHAPED.search(m.group("speaker")):
            m = None  # "according to its figures": a source that is nobody; the verb's subject speaks
        found = (m.group("speaker"), before_start + m.start("speaker")) if m else _subject_of_last_verb(before, before_start)
        if found is None and _PARTICIPLE_CUE.search(before):
            # "the mayor spoke for an hour, telling the crowd, "..."": the participle's subject is the sentence's
            lead = _SENTENCE_SUBJECT.match(before)
            found = (lead.group("subject"), before_start + lead.start("subject")) if lead else None
    if found is None:
        return None, -1
    return _unmask(found[0]).strip(), found[1]


_MAX_SPEAKER_WORDS = 14
#: A name and a colon before the quote, as headlines, round-ups and transcripts write it: "Gov. Lund: “...”",
#: "Rep. Ana Lund (D-Ore.): "..."", "Turnout mattered most - Ana Lund: “...”" (two names: the one nearest the quote).
_NAME_COLON = re.compile(
    rf"^(?:.*\s[-–—]\s+)?\s*(?:(?:[A-Z][\w.’'\u2024-]*|of|the|former|state|(?i:{ROLE_NOUNS})s?)\s+){{0,5}}?"
    rf"(?:{NAME}(?:\s*\([^()]{{1,20}}\))?\s+(?:and|&)\s+(?:[A-Z][\w.’'\u2024-]*\s+){{0,3}}?)?(?P<speaker>{NAME}|[A-Z][\w'’-]+)(?:\s*\([^()]{{1,20}}\))?\s*:\s*$"
)
#: The cue before its speaker and the quote: "But, said Ortiz, "..."", "Then, adds Lund, "..."".
_SAID_NAME = re.compile(
    rf"(?:^|,)\s*(?:said|says|added|adds|wrote|writes|explained|explains|recalled|recalls)\s+"
    rf"(?P<speaker>(?:[A-Z][\w.’'\u2024-]*\s+){{0,3}}{NAME})\s*,\s*$"
)
#: A speaker phrase that describes rather than names: "his wife", "the group's lawyer".
_DESCRIBED = re.compile(r"(?i:the|a|an|his|her|their|its|our)\s")
#: A cue and then its named speaker closing the sentence: ", said Ana Ruiz, a pollster at Lund College."
_CLOSING_SAID = re.compile(
    rf",\s+(?:{speech_verbs(strict=True)})\s+(?P<speaker>{NAME})(?:,\s[^,;“”\"]{{1,120}})?[.!?]?\s*$"
)
#: A cue that closes the sentence after a comma: ", Ortiz said.", ", she told reporters Monday."
_CLOSING_CUE = re.compile(rf",\s+(?P<speaker>[^,.;:!?“”\"]{{1,60}}?){_AUXILIARIES}\s+{SPEECH}\b[^,“”\".!?]{{0,40}}[.!?]?\s*$")
_NOT_SPEAKERS = frozenset({"and", "but", "or", "then", "also", "as", "while", "which", "who", "that", "to"})
#: Speech verbs safe to look for before a quote (not "continued", "states": nouns and adjectives too).
_SPEECH_VERB = re.compile(rf"\b{speech_verbs(strict=True)}\b")
_CLAUSE = re.compile(r"(?:[,;:]|\b(?:and|but|that|while|who|which|after|before|because|when)\b)")
_AUXILIARY = re.compile(r"(?:\s+(?:had|has|have|was|were|is|are|would|will|also|later|then|again|once|previously|repeatedly))+$", re.IGNORECASE)


def _without_auxiliaries(text: str) -> str:
    """A subject without the auxiliaries and adverbs that follow it: "She also" is "She"."""
    return _AUXILIARY.sub("", " " + text.strip()).strip()


_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|this|that|these|those|our)|['’]s)\s+$", re.IGNORECASE)


#: A description that ends on its role noun, so that a name may stand beside it: "the state's attorney general".
_ENDS_ON_ROLE = re.compile(rf"\b(?i:{ROLE_NOUNS})s?\s*$")
#: Parts of an appositive chain between a name and its verb: ", 22", ", of Flint", ", Mich.", ", a lawyer".
_APPOSITIVE_PART = re.compile(r"^(?:\d{1,3}|(?:of|from|in|at|who|whose)\s.+|[A-Z][a-z]{1,4}\.|(?:an?|the)\s.+|\w+ing\b.*|[A-Z][a-z]+)$")


#: A noun phrase a relative pronoun after it stands for: "a banner" of "a banner that read".
_DESCRIBED_BEFORE = re.compile(r"\b(?i:an?|the|one|another)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s+$")


def _subject_of_last_verb(before: str, offset: int) -> tuple[str, int] | None:
    """The subject of the speech verb nearest the quote: "China's ministry said Liu had warned
    against "..."" is Liu's warning; an empty subject ("..., and said") falls back to an earlier verb."""
    for verb in reversed(list(_SPEECH_VERB.finditer(before))):
        head = before[: verb.start()]
        if _DETERMINER_BEFORE.search(head):
            continue  # an adjective, not a verb: "the North's continued development", "the reported launch"
        if re.match(r"\s+by\b", before[verb.end() :]):
            continue  # a passive ("his attacks were echoed by the campaign"): the agent after it is no subject
        if verb.group(0).endswith("ing") and re.search(r",\s*$", head):
            continue  # "Lund rejected the plan, saying ...": the participle's subject is the main clause's
        who = re.search(rf"(?P<name>{NAME})\s*,\s*who\s+$", head)
        if who:
            return who.group("name"), offset + who.start("name")  # "from Ana Ruiz, who declared "..."": Ruiz
        if re.search(r",\s*$", head):
            # skip the parentheticals between subject and verb: "X, in a post on social media, condemned",
            # "Tomas Ferreira, 22, of Braga, Port., said"
            parts = head.rstrip().rstrip(",").split(",")
            popped = 0
            while len(parts) > 1 and (popped == 0 or _APPOSITIVE_PART.match(parts[-1].strip())):
                last = parts.pop()
                popped += 1
            if popped == 1 and re.fullmatch(NAME, last.strip()) and _ENDS_ON_ROLE.search(parts[-1]):
                # "Ohio's attorney general, Pam Roe, vowed": the name beside the description speaks
                return last.strip(), offset + len(",".join(parts)) + 1 + len(last) - len(last.lstrip())
            head = ",".join(parts) + " "
        clauses = list(_CLAUSE.finditer(head))
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
        subject = re.sub(r"\s+to$", "", _without_auxiliaries(head[cut:]))
        described = _DESCRIBED_BEFORE.search(head[: clauses[-1].start()]) if clauses else None
        if not subject and described and clauses[-1].group(0) in ("who", "that", "which"):
            # "a banner that read", "met a man who said": the noun the relative pronoun stands for
            return described.group(0).strip(), offset + described.start()
        if re.search(rf"\s(?!\w+ing\b){_SPEECH_VERB.pattern}\s+(?:that\s+)?(?i:he|she|they)\s*$", head):
            continue  # "Police sources have said he told them "..."": the sources report it, they speak
        if subject and subject.lower() not in _NOT_SPEAKERS and len(subject.split()) <= 12:
            return subject, offset + cut + (len(head[cut:]) - len(head[cut:].lstrip()))
    return None


def _state_in(phrase: str) -> str | None:
    m = state_pattern().search(phrase)
    state = state_of(m.group(0)) if m else None
    return state.name if state else None


def _from_actor(actor: ActorCandidate, label: str, context: str, article: str) -> _Attribution:
    if actor.kind == ActorKind.PERSON:
        described = profile(actor, article)
        role = actor.role or (described.split(" | ")[0] if described else None)
        return _Attribution(actor.name, role, actor.affiliation, speaker_type(described, context), actor)
    owner = _state_in(label) if actor.kind == ActorKind.STATE else None
    body = re.sub(r"^.*?['’]s\s+", "", label) if owner else ""
    if owner and body and GENERIC_BODY.match(body):
        # "Pakistan's Foreign Office said": the office speaks, for its state
        return _Attribution(body, None, owner, SpeakerType.ORGANISATION, actor)
    return _Attribution(actor.name, actor.role, actor.affiliation, SpeakerType.ORGANISATION, actor)


#: Words of time that open a clause and are never the speaker: "On Tuesday, the ministry said".
_TIME_LEAD = re.compile(
    r"^(?:(?:on|late|early|later|earlier|last|this)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|"
    r"morning|afternoon|evening|night|week|month|year)(?:['’]s)?\b[\s,]*",
    re.IGNORECASE,
)
#: A conjunction or a participle clause before the subject: "But he added", "Turning to the budget, Lind said".
_LEAD = re.compile(
    r"^(?:(?:but|and|yet|so|still|then|also|now|instead|later|earlier|even|as|while|whereas|although|though|because)\b\s*|"
    r"\d{1,3}-year-old\s+|[A-Z]\w*ing\b[^,]{0,80},\s*|"
    r"(?:of|on|about|as for|asked about|asked if|asked whether)\s[^,]{1,60},\s*)",  # "Of the mayor, Lind said"
    re.IGNORECASE,
)
#: Titles before a name the actor finder did not list: "Rep. Olive Brannagh Tunney".
_TITLE_LEAD = re.compile(rf"^(?:(?:{TITLE}|(?:Rev|Fr|Msgr|Hon|Amb|Atty|Det|Insp|Supt)\.)[\s\u2024.]*)+")
#: A name after a role and a preposition belongs to someone else: "an adviser to X", "a lawyer for X".
_ROLE_OF = rf"\b(?i:{ROLE_NOUNS})s?\s+(?:to|for|of|at|with|from|under|close to)\s+(?:the\s+)?(?:both\s+)?"
_ROLE_OF_ANOTHER = re.compile(rf"{_ROLE_OF}$")
_ROLE_BEFORE_NAME = re.compile(rf"{_ROLE_OF}(?P<first>[A-Z][a-z]+)")
#: A title and the name it stands before, the name ending the phrase: "Senate Majority Leader Oskar Brandvold".
_TITLED_NAME = re.compile(rf"\b(?i:{ROLE_NOUNS})\.?\s+(?P<name>{NAME})$")
#: A person's name closing a phrase, its first word a first name: "Secretary of State John F. Berrigan".
_FIRST_NAME_LAST = re.compile(r"(?P<name>(?P<first>[A-Z][a-z]+)(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2})$")


def _name_closing(phrase: str) -> re.Match[str] | None:
    """The name closing a phrase, from its first name: "Trish Lund" of "City Public Advocate Trish
    Lund", where the longest run of capitals ("Advocate Trish Lund") starts on a title."""
    m = _FIRST_NAME_LAST.search(phrase)
    if m and not is_first_name(m.group("first")):
        shorter = _FIRST_NAME_LAST.search(phrase, m.end("first"))
        return shorter if shorter and is_first_name(shorter.group("first")) else m
    return m


#: A source that can be someone: a capitalised name or a role word ("according to its figures" is not).
_WHO_SHAPED = re.compile(rf"[A-Z]|\b(?i:{ROLE_NOUNS}|source|sources|people|aides?|allies)s?\b")
#: A document that speaks for whoever issued it: "its statement added", "the ministry's statement said".
_ISSUED = re.compile(
    r"^(?P<owner>the|its|their|his|her|.+?['’]s)\s+(?:\w+\s+)?(?:statement|communiqu[eé]|announcement|post|letter|"
    r"readout|release|report|message|editorial(?: board)?|tweet|filing|memo|lawsuit|suit|complaint|email|e-mail|"
    r"order|ruling|study|survey|ad|advertisement|video)$",
    re.IGNORECASE,
)
#: Capitalised words that open a clause, not a name: "Last week", "Multiple outlets", "Asked about it".
_NOT_A_NAME = frozenset(
    "One Last Multiple Asked Speaking Writing Later Earlier Then Now Other Another Several When While If In On At By For "
    "From With As After Before Since During That This These Those There Here It Its The A An But And Or So Yet Still "
    "What How Why Who Where Which Each Every All Any Some Many Most Such No Not Also Even Only Just Both Either "
    "Neither Despite Although Though However Meanwhile Instead He She They We You I "
    "About Almost Nearly Roughly Around Half Fewer More Over Under".split()
)
#: A description that places itself: "the authorities in Tskhinvali", "the envoy to Manila".
_PLACED = re.compile(r"\s(?:to|of|for|at|in|from)\s+(?:the\s+)?[A-Z]")
#: A subject pronoun opening a clause that runs on to its verb, or after an adverb ("Recently she"):
#: the cue's speaker is the pronoun.
_PRONOUN_CLAUSE = re.compile(r"^(?:[A-Z][a-z]+ly,?\s+)?(?P<pronoun>(?i:he|she))(?:\s+(?=[a-z])|$)")
#: An indefinite description ending on a common noun: "one campaign source", "a Democratic aide".
_SOMEONE = re.compile(r"^(?i:a|an|one|another)\s+(?P<desc>(?:[\w'’.-]+\s+){0,5}[a-z][\w'’-]*)$")
#: "the Times", "The Wall Street Journal": "the" and capitalised words only, a name.
_PROPER_NAME = re.compile(r"^(?i:the)\s+(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})$")
#: The pronoun a document's owner stands as: "the statement added" is the body that spoke last.
_OWNER_PRONOUN = {"the": "it", "its": "it", "their": "they", "his": "he", "her": "she"}
#: A first and last name, then where they write or work: "Joel Roe of the Daily Ledger", "Larry Roe on Hot Air".
_NAME_AT_OUTLET = re.compile(r"^(?P<name>(?P<first>[A-Z][a-z]+)(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2})\s+(?:of|on|at|for|from|with)\s+(?:the\s+)?[A-Z]")
#: "an official at the Baltic Fleet Command": a role and the body it speaks for.
_ROLE_AT = re.compile(r"\b(?:at|of|for|from|with)\s+(?P<body>.+)$", re.IGNORECASE)


def _resolve(phrase: str, at: int, floor: int, resolver: _Resolver, context: str, previous: _Attribution = _NOBODY) -> _Attribution:
    """Who a speaker phrase stands for: a pronoun's antecedent, a named actor, a person the
    article describes so, the body an unnamed official speaks for, or a role alone."""
    article = resolver.article
    # a closing mark left at the phrase's start ('" she said' after a quote split by straight marks)
    phrase = _without_auxiliaries(_LEAD.sub("", _TIME_LEAD.sub("", phrase.strip().lstrip("\"“”‘’'").strip())))
    if not phrase:
        return _NOBODY
    issued = _ISSUED.match(phrase)
    if issued:
        owner = issued.group("owner")
        phrase = _OWNER_PRONOUN.get(owner.lower(), re.sub(r"['’]s$", "", owner).strip())
    clause = _PRONOUN_CLAUSE.match(phrase.strip())
    if clause:
        phrase = clause.group("pronoun")  # "She went on to", "He criticized the plan": the pronoun speaks
    bare = phrase.strip().lower()
    if _SHARE.match(phrase.strip()):
        return _Attribution(None, phrase.strip(), None, speaker_type(phrase, context))  # "About three in 10 said"
    described = _unnamed_voice(phrase, resolver, context)
    if described is not None:
        return described
    if bare in _PRONOUNS:
        if _PRONOUNS[bare] is ActorKind.PERSON:
            actor = resolver.subject_before(at, floor, bare)
        elif previous.actor is not None and previous.actor.kind != ActorKind.PERSON and any(
            a is previous.actor for _, a in resolver.mentions(floor, at, {previous.actor.kind})
        ):
            return previous  # "The ministry said ... . It added": the body that spoke last
        else:
            actor = resolver.last_before(at, floor, {ActorKind.ORGANISATION, ActorKind.MILITARY_BODY, ActorKind.STATE})
        return _from_actor(actor, actor.name, context, article) if actor else _NOBODY
    named = resolver.named_in(phrase)
    if named and named[0].kind == ActorKind.PERSON:
        named = (resolver.kin_written_last(named[0], named[1], at), named[1])
    writer = _NAME_AT_OUTLET.match(phrase)
    listed_first = named is not None and named[0].kind == ActorKind.PERSON and phrase.startswith(named[1])
    if writer and is_first_name(writer.group("first")) and not listed_first:
        # "Joel Roe of the Daily Ledger", "Larry Roe on Hot Air": the writer speaks, not where they write
        person = unlisted_person(writer.group("name"), article)
        return _from_actor(person, person.name, context, article)
    # "an adviser to Alma Reyes" (a person's role), not "Secretary of State John Berrigan" (an office)
    someone_elses = any(is_first_name(m.group("first")) for m in _ROLE_BEFORE_NAME.finditer(phrase))
    if named and _ROLE_OF_ANOTHER.search(phrase[: phrase.find(named[1])]):
        named = None  # "one longtime adviser to Alma Reyes": the adviser speaks, not Reyes
    titled = _TITLED_NAME.search(phrase) or _name_closing(phrase)
    if named and titled and titled.start() >= phrase.find(named[1]) + len(named[1]) and not someone_elses and (
        titled.re is _TITLED_NAME or is_first_name(titled.group("first"))
    ):
        # "Latino Polls researcher Ana Ruiz", "party campaign chairman Ivo Marsh": the name that
        # closes the phrase is the speaker, the names before it only say whose they are
        closing = resolver.named_in(titled.group("name"))
        person = closing[0] if closing and closing[0].kind == ActorKind.PERSON else unlisted_person(titled.group("name"), article)
        return _from_actor(person, person.name, context, article)
    if named and named[0].kind == ActorKind.PERSON:
        return _from_actor(named[0], named[1], context, article)
    before_body = named is not None and phrase.find(named[1]) < (titled.start() if titled else 0)
    if titled and (not named or before_body) and not someone_elses and (titled.re is _TITLED_NAME or is_first_name(titled.group("first"))):
        # "Senate Majority Leader Oskar Brandvold", "Secretary of State John F. Berrigan", "Harbour Watch Foundation president Thomas Fenwick"
        person = unlisted_person(titled.group("name"), article)
        return _from_actor(person, person.name, context, article)
    role = re.sub(r"^(?:the|a|an|one|its|their)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    body = _ROLE_AT.search(role)
    head = role[: body.start()] if body else role
    if re.search(rf"\b(?:{ROLE_NOUNS})s?\b", head, re.IGNORECASE) and not re.search(rf"\b{_ORG_NOUNS}$", head, re.IGNORECASE):
        # a voice the article does not name here: "the country's defence minister", "a spokesperson"
        person = person_described(phrase, at, resolver.actors, article) if _ANONYMOUS.match(phrase) else None
        # "the ambassador to Manila" says who it is in full: someone new, not the person named before
        complete = re.search(r"\s(?:to|of|for|at|in|from|with|on)\s", phrase)
        if person is None and re.match(r"the\s", phrase, re.IGNORECASE) and not body and not complete and not introduced_unnamed(
            phrase, at, [a for a in resolver.actors if a.kind == ActorKind.PERSON], article
        ):
            person = resolver.subject_before(at, floor)  # "the veteran elaborates": the person named before
        if person is not None:
            return _from_actor(person, person.name, context, article)
        speaks_for = resolver.named_in(body.group("body")) if body else None
        if speaks_for and speaks_for[0].kind != ActorKind.PERSON and not re.match(r"^(?:former|retired)\b", role, re.IGNORECASE):
            actor = speaks_for[0]
            return _Attribution(actor.name, role, None, speaker_type(role, context), actor)
        if named and re.search(rf"\b(?:known|identified(?: only)?|named|called)\s+as\s+{re.escape(named[1])}|named\s+{re.escape(named[1])}", phrase):
            return _from_actor(named[0], named[1], context, article)  # "the station chief known as Erik"
        return _Attribution(None, role, _state_in(phrase), speaker_type(role, context))
    if named:
        return _from_actor(named[0], named[1], context, article)
    m = _ANONYMOUS.match(phrase)
    if m and re.search(rf"\b{_ORG_NOUNS}$", phrase, re.IGNORECASE):
        noun = m.group("desc").split()[-1]
        for label, actor in resolver.labels:
            if actor.kind != ActorKind.PERSON and re.search(rf"\b{re.escape(noun)}\b", label, re.IGNORECASE):
                return _from_actor(actor, label, context, article)
        actor = resolver.last_before(at, floor, {ActorKind.ORGANISATION, ActorKind.MILITARY_BODY})
        return _from_actor(actor, actor.name, context, article) if actor else _Attribution(None, role, None, SpeakerType.ORGANISATION)
    proper = _PROPER_NAME.match(phrase)
    if proper and not _runs_on(article, proper.group("name"), at):
        # "the Times reported", "The Harbour Gazette said": a name the actor list leaves out (an
        # outlet cited as a source) speaks for itself, not for the person named before it
        return _Attribution(proper.group("name"), None, None, SpeakerType.ORGANISATION)
    if m and re.match(r"the\s", phrase, re.IGNORECASE) and not introduced_unnamed(
        phrase, at, [a for a in resolver.actors if a.kind == ActorKind.PERSON], article
    ):
        # "the presumptive nominee wrote in a post": a definite description is the person named before it,
        # unless it says in full where it is from ("the authorities in Tskhinvali"): someone new
        person = person_described(phrase, at, resolver.actors, article)
        if person is None and not _PLACED.search(phrase):
            # "the billionaire businessman", "the presumptive nominee": whom a title called so, else the subject before
            person = described_as(phrase.split()[-1], at, resolver.actors, article) or resolver.subject_before(
                at, floor, fits=lambda p: may_be_described(p, phrase, article)
            )
        if person is not None:
            return _from_actor(person, person.name, context, article)
    if m:
        return _Attribution(None, role, None, speaker_type(role, context))
    # one word in capitals, however it is cased inside ("VanderSloot"), or a name after its titles
    name = re.fullmatch(r"[A-Z][\w'’-]+", phrase.strip()) or re.search(rf"{NAME}(?![\w'’-])", _TITLE_LEAD.sub("", phrase))
    if name and phrase[:1].isupper() and name.group(0).split()[0] not in _NOT_A_NAME:
        person = unlisted_person(name.group(0), article)
        return _from_actor(person, person.name, context, article)
    return _NOBODY


#: Quantifiers that bring in people the story has not named: "a", "one", "several", "multiple".
_INDEFINITE_LEAD = r"(?:a|an|one|another|some|several|multiple|many|numerous|two|three|four|five|other)"
#: What may follow an unnamed person's head and still be about them: "one source who asked ...",
#: "a Democrat familiar with the campaign", "Source close to the group".
_UNNAMED_TAIL = re.compile(
    r"\s+(?:who|whom|whose|familiar|close|speaking|involved|briefed|knowledgeable|aware|with\s+knowledge)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
#: A word that can modify a head noun: not a conjunction, a pronoun or an article ("As the crowd").
_MODIFIER = (
    r"(?!(?i:as|when|while|after|before|if|because|since|though|although|until|once|where|the|a|an|and|but|or|"
    r"he|she|it|they|we|i|you|his|her|its|their|that|this|then|so)\b)[\w'’.&/-]+"
)
#: Plural or collective heads: a group of people the story does not name one by one.
_GROUP_HEADS = (
    r"sources?|officials|protesters|protestors|supporters|demonstrators|prosecutors|investigators|critics|"
    r"opponents|voters|residents|crowds?|attendees|others|lobbyists|audience|fans|activists|aides|advisers|advisors|staffers|"
    r"lawmakers|delegates|observers|insiders|allies|donors|organi[sz]ers|employees|workers|agents|officers|"
    r"members|hecklers?|onlookers|spectators|bystanders|loyalists|backers|surrogates|lawyers|attorneys|experts|"
    r"analysts|economists|strategists|pollsters|researchers|scholars|people|Democrats|Republicans|reporters|"
    r"respondents|groups|organi[sz]ations|questioners|callers|listeners|viewers|readers|commenters|those\s+(?:surveyed|polled|questioned|interviewed|asked)"
)
#: "Law enforcement sources", "Supporters of Ortiz", "Ortiz protesters", "the crowd": only plain
#: words before the head, and at most a short "of ..." after it.
_GROUP = re.compile(
    rf"^(?i:the\s+|some\s+|many\s+)?(?:{_MODIFIER}\s+){{0,3}}?(?i:{_GROUP_HEADS})(?:\s+(?:of|for|to)\s+[^,;]{{1,50}})?$"
)
#: Heads that stand in a relation to someone else: "his wife", "Ortiz's campaign manager", "the ad's narrator".
_RELATION_HEADS = (
    r"wife|husband|son|daughter|mother|father|brother|sister|family|friends?|lawyers?|attorneys?|counsel|"
    r"spokes(?:man|woman|person)|aides?|advisers?|advisors?|manager|office|campaign|staff|narrator|"
    r"secretary|chief of staff|team|camp|representatives?|allies|doctor|physician|colleagues?|neighbou?rs?|"
    r"partner|boss|employer|staffers?|relatives?|cousin|nephew|niece|uncle|aunt|grandmother|grandfather"
)
_RELATION = re.compile(
    rf"^(?P<owner>(?i:his|her)|(?:the\s+)?[^,;]{{1,50}}?['’]s?)\s+(?:[\w-]+\s+){{0,3}}?(?i:{_RELATION_HEADS})$"
)


#: Owners whose "secretary" or "spokesman" holds an office rather than stands in a relation.
_PLACE_NOUNS = r"(?:country|nation|state|region|city|province|island|kingdom|republic|territory|capital|town)"
#: A description built on someone's name: "the Ortiz campaign", "the Ortiz supporter", "the Ortiz camp".
_NAME_BUILT = re.compile(
    r"^(?i:the)\s+(?:[a-z][\w-]*\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:campaign|camp|team|supporters?|aides?|advisers?|advisors?|staffers?|spokes(?:man|woman|person)|lawyers?|"
    r"attorneys?|loyalists?|backers?|fans?|voters?|surrogates?|operatives?|strategists?|donors?|volunteers?)$"
)


#: A member of a party, never a surname after "a" or "one": "an Iowa Democrat", "one Ohio Republican".
_PARTY_MEMBER = re.compile(r"(?:Democrat|Republican|Independent|Libertarian|Conservative|Liberal|Tory|Socialist)s?$")
#: Someone the story counts without naming, standing alone: "another said", "read one", "others wrote".
_BARE_INDEFINITE = re.compile(r"^(?i:(?:yet|still)\s+)?(?i:another|one|others)$")
#: A share of a group that speaks: "About three in 10 said", "Two of his aides said", "Nearly half of those polled".
_SHARE = re.compile(
    r"^(?i:(?:about|almost|nearly|roughly|around|more\s+than|fewer\s+than|less\s+than|over|under|just|only|at\s+least)\s+)?"
    r"(?:(?i:\d[\d,.]*\s*%?|one|two|three|four|five|six|seven|eight|nine|ten|half|a\s+third|a\s+quarter|most|many|some|"
    r"several|none|a\s+few|few|all|each|both|either|neither)\s+(?i:percent\s+)?(?i:in|out\s+of|of)\s+[^,;]*"
    r"|(?i:\d[\d,.]*\s*(?:%|percent)|(?:a|the)\s+(?:slim\s+|narrow\s+|large\s+)?(?:majority|plurality|minority)|"
    r"two-thirds|three-quarters|a\s+third|a\s+quarter|half)(?:\s+of\s+\S.*)?)$"
)
#: A voice in an ad or a broadcast, which the story never names: "a voice over", "the narrator".
_BROADCAST_VOICE = re.compile(
    r"(?:^|\bwith\s+)(?i:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?(?i:voice(?:[- ]?over)?|voiceover|narrator|announcer)$"
)
#: A thing with words on it that speaks for no one in particular: "the website explains", "the poll
#: found", "a sign in the crowd read". (A statement, report or release speaks for whoever issued it,
#: and so does a document that names the body it belongs to: "the Harbour Trust website notes".)
_DOCUMENT = re.compile(
    r"^(?i:the|a|an|one|this|that|another)\s+(?:[\w'’-]+\s+){0,3}?(?i:web\s?site|site|web\s?page|poll|transcript|signs?|"
    r"banner|placard|poster|caption|headline|slogan|hat|shirt|t-shirt|page|ad|advertisement|commercial|spot|mailer|"
    r"flyer|flier|leaflet|pamphlet|brochure|billboard|card|clip|video|excerpts?|script|cable|piece|editorial|account)"
    r"(?:\s+(?:on|in|from|at)\s+[^,;]{1,50})?$"
)


def _unnamed_voice(phrase: str, resolver: _Resolver, context: str) -> _Attribution | None:
    """A speaker phrase that brings in someone the story does not name, as a role with no name:
    an indefinite description ("one campaign source who asked ...", "a man in the crowd"), a
    group ("Law enforcement sources", "Supporters of Ortiz", "the crowd") or someone's relation
    ("his wife", "Ortiz's campaign manager", "the ad's narrator"). A name inside such a phrase
    says whose they are, not who speaks. None when the phrase names its speaker, or a body
    speaks through it ("an official at the ministry", "the ministry's spokesman")."""
    phrase = phrase.strip()
    trimmed = _UNNAMED_TAIL.sub("", phrase)
    document = _DOCUMENT.match(trimmed)
    if document and (owner := resolver.named_in(trimmed)) is not None and owner[0].kind != ActorKind.PERSON:
        return None  # "the Harbour Trust website notes": the body speaks through its website
    if _BARE_INDEFINITE.match(trimmed) or _BROADCAST_VOICE.search(trimmed) or document:
        return _Attribution(None, re.sub(r"^(?i:with\s+)", "", phrase), None, speaker_type(phrase, context))
    someone = _SOMEONE.match(trimmed) or re.match(rf"^(?i:{_INDEFINITE_LEAD})\s+(?P<desc>(?:{_MODIFIER}\s+){{0,5}}[\w'’-]+)$", trimmed)
    last = someone.group("desc").split()[-1] if someone else ""
    if last[:1].isupper() and (is_first_name(last) or is_surname(last, resolver.article)) and not _PARTY_MEMBER.match(last):
        someone = None  # "A defensive Ortiz said": a name after its adjectives, not someone new
    if last.lower() in _PRONOUNS or last.lower() in {"i", "we", "you", "his", "her", "their", "its", "our", "my", "your"}:
        someone = None  # "a point she often makes": a clause, not a description
    body = _ROLE_AT.search(someone.group("desc")) if someone else None
    if body and body.group("body").split()[-1].islower() and re.search(r"[A-Z]", body.group("body")):
        body = None  # "one Fund for Tomorrow ad": the preposition is inside a name, the head comes after it
    if someone and body and resolver.named_in(body.group("body")) is None and not _TITLED_NAME.search(trimmed):
        # "a spokeswoman for the harbour board" the article lists as no one: a role, not the person named before
        desc = re.sub(rf"^(?i:{_INDEFINITE_LEAD})\s+", "", phrase)
        return _Attribution(None, desc, _state_in(phrase), speaker_type(desc, context))
    if someone and not body and not _TITLED_NAME.search(trimmed):
        # "one Marsh campaign source", "a Democratic staffer", "several senior aides": someone the
        # story does not name, whatever names stand in the description
        desc = re.sub(rf"^(?i:{_INDEFINITE_LEAD})\s+", "", phrase)
        return _Attribution(None, desc, _state_in(phrase), speaker_type(desc, context))
    named = resolver.named_in(trimmed)
    if named is not None and named[0].kind != ActorKind.PERSON:
        return None  # "South Korean officials", "the ministry's spokesman": the body speaks
    role = re.sub(r"^(?i:the|some|many)\s+", "", phrase)
    if _GROUP.match(trimmed):
        return _Attribution(None, role, _state_in(phrase), speaker_type(role, context))
    relation = _RELATION.match(trimmed)
    if relation and not re.search(rf"\b(?:{_ORG_NOUNS}|{_PLACE_NOUNS})['’]s?$", relation.group("owner"), re.IGNORECASE):
        # not "the ministry's spokesman" or "the country's defence secretary": an office, not a relation
        return _Attribution(None, role, _state_in(phrase), speaker_type(role, context))
    if _NAME_BUILT.match(trimmed):
        return _Attribution(None, role, _state_in(phrase), speaker_type(role, context))
    return None


#: What may stand before a sentence's subject: a time or place clause ("On Monday, ", "In a
#: statement Thursday, ") or a conjunction.
_SUBJECT_LEAD = re.compile(r"^\s*(?:[A-Z][^,“”\"]{0,50},\s+)?(?:(?:But|And|Yet|So|Still|Meanwhile|Then|Now|Later)\s+)?")


def _subject_of_sentence(sentence: Sentence, q_start: int, resolver: _Resolver) -> ActorCandidate | None:
    """The person a sentence opens on as its subject, when the quote stands in what they did
    ("Rowe also bemoaned that voters "..."", "Rowe, who leads the race, mocked the plan as "...""):
    a reporter's verb of judging is attribution as much as "said" is. A "he" or "she" there is
    the person it points at. A sentence that opens on its quote has no such subject."""
    before = _mask(sentence_text(sentence, sentence.start, q_start - 1))
    lead = _SUBJECT_LEAD.match(before)
    # the clause the quote stands in first ("Lind signed an order, while Ortiz proposed we "...""),
    # then the sentence's start; "Rowe, who leads, mocked ...": the words before a comma are the
    # subject itself, or a lead-in clause
    clauses = [m.end() for m in _CLAUSE_OPENER.finditer(before)][-1:]
    for skip in dict.fromkeys([*clauses, *sorted({0, lead.end() if lead else 0})]):
        skip += len(_CLAUSE_ADVERBS.match(before, skip).group(0))  # "and then Ortiz continues: "
        body, offset = before[skip:], sentence.start + skip
        pronoun = re.match(r"(?:(?:but|and|yet|so|still|then)\s+)?(he|she)\b", body, re.IGNORECASE)
        if pronoun:
            if _THEN_VERB.match(body[pronoun.end() :]):
                return resolver.subject_before(offset, resolver.floor_of(offset), pronoun.group(1).lower())
            continue
        person = resolver.subject_in(offset, q_start) or _unlisted_subject(body, resolver.article)
        if person is not None:
            return person
    return None


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


def _unnamed_subject(sentence: Sentence, q_start: int, resolver: _Resolver, context: str) -> _Attribution | None:
    """The unnamed voice a sentence opens on as the subject of a verb before the quote ("A man in
    the back shouted", "the crowd roared back", "her office issued a statement saying"), else None."""
    before = _mask(sentence_text(sentence, sentence.start, q_start - 1))
    lead = _SUBJECT_LEAD.match(before)
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
        for word in list(re.finditer(r"\S+", body))[:9]:
            if word.group(0)[-1:] in ",;:":
                break  # a lead-in clause or an appositive: not a plain subject
            if word.group(0).lower() in _NOT_HEAD or word.group(0).endswith("ly"):
                continue  # "A man who lives": the verb of a relative clause; "A newly formed group": an adverb
            if not _VERB_NEXT.match(body, word.end()):
                continue
            who = _unnamed_voice(_unmask(body[: word.end()]), resolver, context)
            rest = body[word.end() :]
            theirs = _SOMEONE_ELSES_WORDS.search(rest)
            if theirs and not (_SPEECH_VERB.search(rest, theirs.end()) or _PARTICIPLE_CUE.search(rest, theirs.end())):
                return None  # "a new group ran ads using her comments that "..."": the words are hers
            if who is not None and not _CLAUSE_OPENER.search(rest.rstrip(" :,—-")):
                return who  # not when a later clause has a subject of its own ("..., and then Ortiz continues:")
    return None


def _unlisted_subject(clause: str, article: str) -> ActorCandidate | None:
    """A person the actor finder did not list, opening the clause as its subject: a surname the
    article also writes after a first name or a title ("Vance has since withdrawn the remark"), or a
    first and last name."""
    # the name may follow its title words ("Deputy Whip Ana Ruiz"), its first word then a first name
    titles = _CAPITALISED_RUN.match(clause)
    starts = [0, *(t.start() for t in _CAPITALISED.finditer(clause, 0, titles.end()) if t.start() and is_first_name(t.group(1)))]
    for start in starts:
        m = _SUBJECT_NAME.match(clause, start)
        if not m or m.group("name").split()[0] in _NOT_A_NAME:
            continue
        tokens = m.group("name").split()
        one = len(tokens) == 1 and (is_surname(tokens[0], article) or _goes_by_first_name(tokens[0], article))
        if one or (len(tokens) > 1 and is_first_name(tokens[0])):
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
    return re.search(rf"\b{w}\s+(?:also\s+)?{_SPEECH_VERB.pattern}|\b{speech_verbs(strict=True)}\s+{w}\b", article) is not None


#: A name as a clause's subject: then a verb, past an appositive (", R-Ohio,", ", a delegate from Ohio,"), and
#: not a preposition or a conjunction ("Ana Ruiz at the college, who ...").
_SUBJECT_NAME = re.compile(
    rf"(?P<name>{NAME})(?![\w'’-])(?=(?:,\s[^,“”\"]{{1,120}},){{0,2}}\s+(?:has\s+|had\s+|also\s+|then\s+|later\s+)?"
    rf"(?!(?:at|of|in|on|from|for|with|to|by|and|or|who|whose|which)\b)[a-z]{{2,}})"
)
#: (a title's full stop may be masked: "Rep\u2024 Ana Ruiz")
_CAPITALISED = re.compile(r"([A-Z][\w'’-]*)[.\u2024]?\s+")
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'’-]*[.\u2024]?\s+){0,5}")


def _last_voice(before: Sentence, own: Sentence, resolver: _Resolver) -> ActorCandidate | None:
    """Who the sentence just before an unattributed quote gives the floor to: the speaker of its
    own quote, else the person it opens on as subject (in this paragraph or the one before)."""
    if own.paragraph - before.paragraph > 1:
        return None
    spoken = resolver.spoken.get(before.start)
    if spoken is not None or resolver.has_quote(before.start, before.end):
        return spoken
    cue = _CLOSING_CUE.search(_mask(before.text))
    if cue:
        # "Or maybe Lund, the consultant Ana Ruiz says. "..."": the cue that closed the sentence before
        at = before.start + cue.start("speaker")
        who = _resolve(_unmask(cue.group("speaker")), at, resolver.floor_of(at), resolver, before.text)
        if who.actor is not None and who.actor.kind == ActorKind.PERSON:
            return who.actor
    return _subject_of_sentence(before, before.end + 1, resolver)


#: Conjunctions and adverbs before a clause's subject: "and then", "but also".
_CLAUSE_ADVERBS = re.compile(r"(?:(?:and|but|then|also|later|now|so|yet)\s+)*", re.IGNORECASE)
#: Where a clause with a subject of its own opens inside a sentence: "..., while Ortiz proposed".
_CLAUSE_OPENER = re.compile(r"(?:,\s+(?:while|whereas|but|and)|;|:)\s+")
#: A sentence that is only a cue: "Ortiz said.", "the senator told reporters in an email on Monday."
_CUE_ONLY = re.compile(rf"^(?P<speaker>[^,.;:!?“”\"]{{1,60}}?){_AUXILIARIES}\s+{SPEECH}\b[^“”\"!?]{{0,200}}[.!?]?$")
#: A signature line under a quoted paragraph: "- Ortiz.", "— Elena Voss".
_SIGNATURE = re.compile(r"^[-–—]\s*(?P<speaker>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\.?$")


def _rest_after(sentence: Sentence, end: int) -> str:
    """The sentence after an offset."""
    return sentence.text[max(0, end - sentence.start) :]


def _cue_sentence(following: Sentence, own: Sentence, article: str) -> tuple[str | None, int]:
    """The speaker a short cue sentence right after a quote names, in the same paragraph, or a
    signature line under it ("- Ortiz.")."""
    m = _CUE_ONLY.match(_mask(following.text.strip()))
    if following.paragraph != own.paragraph or not m or _NOT_NOUN_PHRASE_START.match(m.group("speaker")):
        line_start = article.rfind("\n", 0, following.start) + 1
        m = _SIGNATURE.match(article[line_start : following.end].strip())
        if not m or following.paragraph - own.paragraph > 1:
            return None, -1
        return m.group("speaker"), line_start + m.start("speaker")
    return _unmask(m.group("speaker")).strip(), following.start + (len(following.text) - len(following.text.lstrip()))


def _colon_lead_in(before: Sentence, own: Sentence, resolver: _Resolver) -> tuple[str | None, int]:
    """The speaker a sentence ending on a colon hands a quote in the next paragraph to: "As Joel
    Roe of the Ledger observed:", "The Times confirmed it, reporting:", "Rep. Ana Lund:" read as if
    the quote stood after the colon in that same sentence."""
    if own.paragraph - before.paragraph > 1 or not before.text.rstrip().endswith(":") or resolver.has_quote(before.start, before.end):
        return None, -1
    return _speaker_phrase(before, before.end + 1, before.end + 1, [])


def _runs_on(article: str, name: str, at: int) -> bool:
    """Whether a name read from a phrase is cut from a longer one ("the Islamic" of "the Islamic State")."""
    found = article.find(name, at)
    return found >= 0 and re.match(r"\s+[A-Z]", article[found + len(name) :]) is not None


def _neighbours(ranges: list[tuple[int, int]], own: tuple[int, int]) -> list[tuple[int, int]]:
    """The quoted passages just before and just after ``own`` in its paragraph: all that
    ``_speaker_phrase`` reads of the others (ranges are sorted and never overlap), found by
    bisect, so a one-paragraph article with thousands of quotes is not quadratic."""
    i = bisect.bisect_left(ranges, own)
    return [r for r in (ranges[i - 1] if i > 0 else None, ranges[i + 1] if i + 1 < len(ranges) else None) if r is not None]


def find_quote_candidates(article: str) -> list[QuoteCandidate]:
    """Every quotation in the story, with its speaker when the article says who it is.

    Cached per article: the rules and the grounded strategy both ask, and neither changes them.
    """
    return list(_quote_candidates(article))


@lru_cache(maxsize=32)
def _quote_candidates(article: str) -> tuple[QuoteCandidate, ...]:
    sentences = [s for s in split_sentences(article) if not s.furniture]
    resolver = _Resolver(article, sentences)
    quotes: list[QuoteCandidate] = []
    by_paragraph: dict[int, list[tuple[int, int]]] = {}
    quoted = [_quoted_ranges(s.text) for s in sentences]
    for s, ranges in zip(sentences, quoted):
        for a, b, _ in ranges:
            by_paragraph.setdefault(s.paragraph, []).append((s.start + a, s.start + b))
            resolver.quoted.append((s.start + a, s.start + b))
    previous = _NOBODY
    previous_paragraph = -1
    for index, s in enumerate(sentences):
        prior = sentences[index - 1].text if index else ""
        floor = sentences[max(0, index - LOOKBACK_SENTENCES)].start
        ranges = quoted[index]
        rest = s.text
        for a, b, _ in reversed(ranges):
            rest = rest[: max(0, a - 1)] + " " + rest[b + 1 :]
        for a, b, mark in ranges:
            inner = s.text[a:b]
            lo, hi = _trim(inner)
            words = inner[lo:hi]
            if not _is_statement(words, mark, s.text[: max(0, a - 1)], rest, s.text[b:]):
                continue
            start, end = s.start + a + lo, s.start + a + hi
            others = _neighbours(by_paragraph[s.paragraph], (s.start + a, s.start + b))
            phrase, at = _speaker_phrase(s, s.start + a, s.start + b, others)
            if phrase is None and not _rest_after(s, s.start + b).strip(" .,!?”\"’") and index + 1 < len(sentences):
                # '“... missing!” Ortiz said.': a mark inside the quote ended the sentence before its cue
                phrase, at = _cue_sentence(sentences[index + 1], s, article)
            if phrase is None and index and not s.text[: max(0, a - 1)].strip():
                phrase, at = _colon_lead_in(sentences[index - 1], s, resolver)
            context = f"{prior} {s.text}"
            who = _resolve(phrase, at, floor, resolver, context, previous) if phrase else _NOBODY
            # "she said" that finds no one in reach who can be "she"
            bare = phrase.strip(" \"“”‘’'").lower() if phrase else ""
            lost_pronoun = bare if not who.known and bare in ("he", "she", "it") else ""
            if phrase and not who.known:
                phrase = None  # words that name nobody ("asked about it in an interview"): as if there were none
            # "A man in the back yelled, "..."", "Supporters of Ortiz chanted "..."": a sentence that
            # opens on someone unnamed gives them its quote, not the person named nearby
            unnamed = _unnamed_subject(s, s.start + a, resolver, context) if phrase is None else None
            own_subject = _subject_of_sentence(s, s.start + a, resolver) if phrase is None and unnamed is None else None
            if own_subject is None and phrase is None and unnamed is None and index and not s.text[: max(0, a - 1)].strip():
                # a quote opening its sentence right after "Ortiz touted her record." is Ortiz's
                before = sentences[index - 1]
                if s.paragraph - before.paragraph <= 1 and not resolver.has_quote(before.start, before.end):
                    unnamed = _unnamed_subject(before, before.end + 1, resolver, context)
                own_subject = _last_voice(before, s, resolver) if unnamed is None else None
            if unnamed is not None:
                who = unnamed
            elif own_subject is not None:
                # "Ortiz, who trails in the polls, mocked the plan as "..."": the sentence's subject speaks
                # (the last speaker again keeps the role and type read where they were introduced)
                who = previous if previous.actor is own_subject else _from_actor(own_subject, own_subject.name, context, article)
            elif phrase is None and previous.known and s.paragraph - previous_paragraph <= 1:
                who = previous  # a quote that runs on from the last one, unattributed: the same voice
            elif phrase is None and _SPEECH_VERB.search(rest):
                # "Halvorsen used a speech to accuse China of "..."": the sentence's own subject
                own = resolver.mentions(s.start, start, {ActorKind.PERSON})
                who = _from_actor(own[0][1], own[0][1].name, context, article) if own else _NOBODY
            elif phrase is None:
                near = resolver.nearby(floor, s.start)
                who = _from_actor(near[0], near[0].name, context, article) if near else _NOBODY
            if lost_pronoun and who.actor is not None and who.actor.kind == ActorKind.PERSON and (
                lost_pronoun == "it" or not compatible(who.actor, lost_pronoun, article)
            ):
                who = _NOBODY  # is not the man who spoke last ("it reads" is no person at all): the pronoun says who it is not
            ranked = [who.name] if who.name else []
            ranked += [a.name for a in resolver.nearby(floor, start) if a.name not in ranked]
            quotes.append(
                QuoteCandidate(
                    text=words,
                    span=Span(start=start, end=end, status=MatchStatus.EXACT),
                    speakers=ranked,
                    speaker=who.name,
                    speaker_role=clip(who.role, _ROLE_CHARS),
                    speaker_affiliation=clip(who.affiliation, _AFFILIATION_CHARS),
                    speaker_type=who.type,
                    sentence=s.text,
                    previous_sentence=prior,
                )
            )
            if who.known:
                previous, previous_paragraph = who, s.paragraph
            if who.actor is not None and who.actor.kind == ActorKind.PERSON:
                resolver.spoken[s.start] = who.actor
    return tuple(quotes)
