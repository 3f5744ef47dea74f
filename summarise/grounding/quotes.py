"""Quote candidates: the words between double quotation marks, and who said them.

The flow lives here; each step it takes has a module of its own: which quoted words are quotes
(``quote_spans``), the phrase in the quote's sentence that names its speaker (``cue_phrase``),
whom that phrase stands for (``speaker_of_phrase``, over the article's people in ``resolver``),
and the speaker the context gives when the sentence names none (``context_speaker``). A quote
with no attribution of its own that follows another quote continues the same speaker, unless its
sentence names someone else or it answers a question that speaker put. A quote whose speaker only
the fallbacks guessed takes the speaker of another, attributed copy of its words (a pull quote).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from summarise.grounding.actors import ActorCandidate
from summarise.grounding.context_speaker import (
    about_no_one,
    colon_lead_in,
    cue_sentence,
    last_voice,
    named_before,
    pronoun_subject,
    puts_question,
    runs_on,
    subject_of_sentence,
    unnamed_subject,
)
from summarise.grounding.cue_phrase import speaker_phrase
from summarise.grounding.cue_words import SPEECH_VERB, sentence_text
from summarise.grounding.gender import compatible
from summarise.grounding.issuing_body import issuing_body
from summarise.grounding.quote_spans import is_statement, quoted_ranges, trim
from summarise.grounding.repeated_quotes import opening, same_words, words_of
from summarise.grounding.resolver import LOOKBACK_SENTENCES, Resolver
from summarise.grounding.sentences import Sentence, split_sentences
from summarise.grounding.speaker_of_phrase import NOBODY, from_actor, resolve
from summarise.schemas import ActorKind, MatchStatus, QuoteDraft, Span, SpeakerType, clip, field_cap
from summarise.text import with_doubled_marks_as_quotes

#: The longest role and affiliation a quote holds: a description running past them is cut at a word
#: ("a man who had talked about ... for years"), not left to fail the briefing.
_ROLE_CHARS = field_cap(QuoteDraft, "speaker_role")
_AFFILIATION_CHARS = field_cap(QuoteDraft, "speaker_affiliation")


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


def _rest_after(sentence: Sentence, end: int) -> str:
    """The sentence after an offset."""
    return sentence.text[max(0, end - sentence.start) :]


def _neighbours(ranges: list[tuple[int, int]], own: tuple[int, int]) -> list[tuple[int, int]]:
    """The quoted passages just before and just after ``own`` in its paragraph: all that
    ``speaker_phrase`` reads of the others (ranges are sorted and never overlap), found by
    bisect, so a one-paragraph article with thousands of quotes is not quadratic."""
    i = bisect.bisect_left(ranges, own)
    return [r for r in (ranges[i - 1] if i > 0 else None, ranges[i + 1] if i + 1 < len(ranges) else None) if r is not None]


_TITLE_WORDS = re.compile(r"(?:(?:[A-Z0-9][\w'’:-]*|of|the|and|a|an|in|on|for|to|at)\s*)+")


def _title_aside(text: str, a: int, b: int) -> bool:
    """Whether a quoted range is a title set off by commas inside the sentence ('the show, "The Quay,"'):
    a name in quotation marks, no one's words, that the words between a speaker and the cue may hold."""
    inner = text[a:b]
    words = inner.strip(" ,.")
    comma_after = inner.rstrip().endswith(",") or text[b:].lstrip("”\"’'").startswith(",")
    return (
        0 < len(words.split()) <= 6 and words[:1].isupper() and _TITLE_WORDS.fullmatch(words) is not None
        and text[: max(0, a - 1)].rstrip().endswith(",") and comma_after
    )


def find_quote_candidates(article: str) -> list[QuoteCandidate]:
    """Every quotation in the story, with its speaker when the article says who it is.

    Cached per article: the rules and the grounded strategy both ask, and neither changes them.
    """
    return list(_quote_candidates(with_doubled_marks_as_quotes(article)))  # offsets and words unchanged


@lru_cache(maxsize=32)
def _quote_candidates(article: str) -> tuple[QuoteCandidate, ...]:
    sentences = [s for s in split_sentences(article) if not s.furniture]
    resolver = Resolver(article, sentences)
    quotes: list[QuoteCandidate] = []
    guessed: list[int] = []  # the quotes whose speaker only the fallbacks chose, by index in ``quotes``
    by_paragraph: dict[int, list[tuple[int, int]]] = {}
    quoted = [quoted_ranges(s.text) for s in sentences]
    for s, ranges in zip(sentences, quoted):
        for a, b, _ in ranges:
            if not _title_aside(s.text, a, b):  # 'Lund, a contestant on the show, "The Quay," who ...' cuts no cue
                by_paragraph.setdefault(s.paragraph, []).append((s.start + a, s.start + b))
            resolver.quoted.append((s.start + a, s.start + b))
    previous = NOBODY
    # who spoke before the last speaker (the one a question of theirs is put to), and whether the last
    # speaker's quote was such a question
    answerer, answerer_paragraph, asked = NOBODY, -1, False
    previous_paragraph = -1
    for index, s in enumerate(sentences):
        prior = sentences[index - 1].text if index else ""
        floor = sentences[max(0, index - LOOKBACK_SENTENCES)].start
        ranges = quoted[index]
        rest = s.text
        for a, b, _ in reversed(ranges):
            rest = rest[: max(0, a - 1)] + " " + rest[b + 1 :]
        sentence_voice = NOBODY  # whom a cue in this sentence gave an earlier quote of it
        for a, b, mark in ranges:
            inner = s.text[a:b]
            lo, hi = trim(inner)
            words = inner[lo:hi]
            if not is_statement(words, mark, s.text[: max(0, a - 1)], rest, s.text[b:]):
                continue
            start, end = s.start + a + lo, s.start + a + hi
            opens_sentence = not s.text[: max(0, a - 1)].strip()
            others = _neighbours(by_paragraph[s.paragraph], (s.start + a, s.start + b))
            phrase, at = speaker_phrase(s, s.start + a, s.start + b, others)
            via_next = False  # whether the cue is the short sentence after the quote ("Berg asked.")
            stands_alone = opens_sentence or s.text[: max(0, a - 1)].rstrip().endswith(":")
            if phrase is None and stands_alone and not _rest_after(s, s.start + b).strip(" .,!?”\"’") and index + 1 < len(sentences):
                # '“... missing!” Ortiz said.': a mark inside the quote ended the sentence before its cue (not
                # for a quote inside the reporter's own sentence: "... with lines like "...". Lund has also said")
                goes_on = previous.known and previous_paragraph == s.paragraph and opens_sentence
                cut_by_its_mark = opens_sentence and words.rstrip(" \"”’'").endswith(("?", "!"))
                phrase, at = cue_sentence(sentences[index + 1], s, article, goes_on, cut_by_its_mark)
                via_next = phrase is not None
            if phrase is None and index and not s.text[: max(0, a - 1)].strip():
                phrase, at = colon_lead_in(sentences[index - 1], s, resolver)
            context = f"{prior} {s.text}"
            fallback = False
            who = resolve(phrase, at, floor, resolver, context, previous) if phrase else NOBODY
            # "she said" that finds no one in reach who can be "she"
            bare = phrase.strip(" \"“”‘’'").lower() if phrase else ""
            lost_pronoun = bare if not who.known and bare in ("he", "she", "it") else ""
            if phrase and not who.known:
                phrase = None  # words that name nobody ("asked about it in an interview"): as if there were none
            # "A man in the back yelled, "..."", "Supporters of Ortiz chanted "..."": a sentence that
            # opens on someone unnamed gives them its quote, not the person named nearby
            # (not past a cue that gave this sentence's earlier quote: "Some members feared a repeat of the
            # day Lund called for a "class war" against "bankers"": both are Lund's)
            unnamed = unnamed_subject(s, s.start + a, resolver, context) if phrase is None and not sentence_voice.known else None
            own_subject = subject_of_sentence(s, s.start + a, resolver, bodies=True) if phrase is None and unnamed is None else None
            if own_subject is None and phrase is None and unnamed is None and index and not s.text[: max(0, a - 1)].strip():
                # a quote opening its sentence right after "Ortiz touted her record." is Ortiz's
                before = sentences[index - 1]
                if s.paragraph - before.paragraph <= 1 and not resolver.has_quote(before.start, before.end):
                    unnamed = unnamed_subject(before, before.end + 1, resolver, context)
                own_subject = last_voice(before, s, resolver) if unnamed is None else None
            if unnamed is not None:
                who = unnamed
            elif phrase is None and sentence_voice.known:
                # "Hale, Lund said, had served "a thousand years" and signed "hundreds of bills."": the cue
                # that gave the sentence's first quote gives the rest, not the name the sentence opens on
                who = sentence_voice
            elif phrase is None and asked and opens_sentence and s.paragraph - previous_paragraph == 1 and (
                own_subject is None or own_subject is previous.actor
            ):
                # ""Will it run all winter?" Berg asked. / "Every day."": the answer is not Berg's but the
                # voice she asked, who spoke before her
                who = answerer
            elif own_subject is not None:
                # "Ortiz, who trails in the polls, mocked the plan as "..."": the sentence's subject speaks
                # (the last speaker again keeps the role and type read where they were introduced)
                who = previous if previous.actor is own_subject else from_actor(own_subject, own_subject.name, context, article)
            elif phrase is None and previous.known and s.paragraph - previous_paragraph <= 1 and runs_on(
                previous.actor, s, s.start + a, resolver
            ):
                who = previous  # a quote that runs on from the last one, unattributed: the same voice
            elif phrase is None and SPEECH_VERB.search(rest):
                # "Halvorsen used a speech to accuse China of "..."": the sentence's own subject
                named = _named_in_context(sentences, index, s.start + a, s.start + b, resolver)
                who = from_actor(named, named.name, context, article) if named else NOBODY
                fallback = True
            elif phrase is None:
                # "... what Brandt called "a paperwork gap."": whom the quote's own sentence gives it to
                named = _named_in_context(sentences, index, s.start + a, s.start + b, resolver)
                # else the person named last before it, in its paragraph or the one before; only in its own
                # paragraph for a quote inside a sentence of the reporter's that names no one and says no
                # "he" ("The "70 to 75 percent" estimate came from ..."): more often no one's words at all
                back = 0 if not opens_sentence and about_no_one(s, rest, resolver) else 1
                lookback = sentences[max(0, index - LOOKBACK_SENTENCES) : index + 1]
                reach = max(floor, next(t.start for t in lookback if t.paragraph >= s.paragraph - back))
                near = [named] if named is not None else resolver.nearby(reach, s.start)
                who = from_actor(near[0], near[0].name, context, article) if near else NOBODY
                fallback = True
            if lost_pronoun in ("he", "she") and not who.known:
                # "Vale writes:" then four sentences of his quoted as a block, then "He writes that "..."":
                # nobody in reach and nobody who spoke since; the pronoun's person is further back
                far = _block_writer(sentences, index, lost_pronoun, resolver)
                if far is not None:
                    who = from_actor(far, far.name, context, article)
            if lost_pronoun and who.actor is not None and who.actor.kind == ActorKind.PERSON and (
                lost_pronoun == "it" or not compatible(who.actor, lost_pronoun, article)
            ):
                who = NOBODY  # is not the man who spoke last ("it reads" is no person at all): the pronoun says who it is not
            if phrase is not None and who.known:
                sentence_voice = who
            if fallback or not who.known:
                guessed.append(len(quotes))
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
                if who.name != previous.name:
                    answerer, answerer_paragraph = previous, previous_paragraph
                previous, previous_paragraph = who, s.paragraph
                cue = sentences[index + 1].text if via_next and index + 1 < len(sentences) else ""
                asked = s.paragraph - answerer_paragraph <= 1 and answerer.known and puts_question(words, f"{rest} {cue}")
            if who.actor is not None and who.actor.kind == ActorKind.PERSON:
                resolver.spoken[s.start] = who.actor
    _speaker_of_its_copy(quotes, guessed)
    return tuple(quotes)


#: How far back a "he" or "she" that finds no one in reach looks for the writer of a passage set off
#: as a block ("Vale writes:" and four sentences of his, then "He writes that ...").
FAR_LOOKBACK_SENTENCES = 10


def _block_writer(sentences: list[Sentence], index: int, pronoun: str, resolver: Resolver) -> ActorCandidate | None:
    """The person whose words a passage set off as a block gave, when a "he" or "she" after it finds
    no one nearer: the one a sentence ending on a colon ("Vale writes:") names, with only the
    block between (no quotation marks in it)."""
    for before in reversed(sentences[max(0, index - FAR_LOOKBACK_SENTENCES) : index]):
        if resolver.has_quote(before.start, before.end):
            return None
        if before.text.rstrip().endswith(":"):
            return resolver.subject_before(before.end, before.start, pronoun)
    return None


def _named_in_context(sentences: list[Sentence], index: int, q_start: int, q_end: int, resolver: Resolver) -> ActorCandidate | None:
    """Whom a quote's own sentence gives it to when no cue names a speaker: the person it names
    first, the body that put out the document it quotes, or the person a "he" in it stands for."""
    own = sentences[index]
    return (
        named_before(own, q_start, q_end, resolver)
        or _issued_by(sentences, index, q_start, resolver)
        or pronoun_subject(own, q_start, resolver)
    )


def _issued_by(sentences: list[Sentence], index: int, q_start: int, resolver: Resolver) -> ActorCandidate | None:
    """The body whose statement or document the quote is from: named as putting it out in the quote's
    own sentence ("The league issued a statement offering "...""), or, for a quote that opens its
    sentence, in the sentence just before it, which quotes nothing itself."""
    own = sentences[index]
    body = issuing_body(own, q_start, resolver)
    if body is not None or index == 0 or sentence_text(own, own.start, q_start).strip(" “\"‘'"):
        return body
    before = sentences[index - 1]
    if own.paragraph - before.paragraph > 1 or resolver.has_quote(before.start, before.end):
        return None
    return issuing_body(before, before.end + 1, resolver)


def _speaker_of_its_copy(quotes: list[QuoteCandidate], guessed: list[int]) -> None:
    """A quote whose speaker was only guessed takes the speaker of another copy of its words that
    the article attributes: a pull quote printed alone, before or after its source paragraph."""
    lone = set(guessed)
    attributed: dict[tuple[str, ...], list[tuple[tuple[str, ...], QuoteCandidate]]] = {}
    for i, q in enumerate(quotes):
        if i not in lone and q.speaker:
            words = words_of(q.text)
            attributed.setdefault(opening(words), []).append((words, q))
    for i in guessed if attributed else []:
        own = words_of(quotes[i].text)
        source = next((q for words, q in attributed.get(opening(own), []) if same_words(own, words)), None)
        if source is not None:
            quotes[i].speaker, quotes[i].speaker_role = source.speaker, source.speaker_role
            quotes[i].speaker_affiliation, quotes[i].speaker_type = source.speaker_affiliation, source.speaker_type
            quotes[i].speakers = [source.speaker, *(n for n in quotes[i].speakers if n != source.speaker)]
