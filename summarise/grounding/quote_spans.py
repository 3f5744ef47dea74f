"""Which quoted words are someone's words, so that a scare quote or a title never gets a speaker.

Single-quoted terms ('regime change') and quoted words too short to be a statement
("overwhelming") are scare quotes, not quotes.
"""

from __future__ import annotations

import re

from summarise.grounding.cue_words import ACCORDING, AUXILIARIES, DETERMINER_BEFORE, SPEECH, SPEECH_VERB
from summarise.grounding.gazetteer import state_of

#: A name (capitalised words) and the opening of an appositive, where a quote is what the person is called.
_TITLE_BESIDE_A_NAME = re.compile(r"[A-Z][\w'’.-]*[a-z]\s*,\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}$")
#: A quote shorter than this many words is a scare quote unless it is a whole clause.
MIN_QUOTE_WORDS = 4
_OPENERS = {"“": "”", '"': '"', "«": "»", "‘": "’"}


#: Double marks close one another whatever their shape: typed text mixes them ("...,” she said),
#: and an opening curly mark right after the words, before a space, closes too ("...,“ he said).
_DOUBLE = frozenset('“"')
_DOUBLE_CLOSE = re.compile(r'[”"]|(?<=[\w.,!?])“(?=[\s.,;:!?)]|$)')


def quoted_ranges(line: str) -> list[tuple[int, int, str]]:
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
_TITLE_CASE = re.compile(
    r"(?:[A-Z0-9][\w'’:-]*[.!]?|of|the|a|an|and|in|on|to|for|at)"
    r"(?:\s+(?:[A-Z0-9][\w'’:-]*|of|the|a|an|and|in|on|to|for|at|with)){1,7}[.!:]?"
)


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
#: A speech verb, or a noun for a reply, that a comma or colon sets right before the words: 'Dahl wrote: "Shame."',
#: 'she answered, "Gladly."', 'his verdict: "Unfit."'; with it a one-word sentence is an utterance, not a term.
_SAYS_BEFORE = re.compile(
    rf"(?:\b(?:{SPEECH})(?:\s+[a-z]+ly)?"
    rf"|\b(?:answer|reply|response|verdict|retort|message|comment)\b[^:;“”\"]{{0,30}}?)\s*[,:]\s*$"
)
#: A verb of judgement and its object before "as": "dismissed the report as "...", "hailed the deal as a "..."":
#: the judge's own word for the thing (not "sees the law as a "..."", where the words are a term).
_JUDGED_AS = re.compile(
    r"\b(?:dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|derid(?:e|es|ed|ing)|ridicul(?:e|es|ed|ing)|"
    r"characteri[sz](?:e|es|ed|ing)|denounc(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|hail(?:s|ed|ing)?|herald(?:s|ed|ing)?|"
    r"defend(?:s|ed|ing)?|brush(?:es|ed|ing)?\s+off|wav(?:e|es|ed|ing)\s+off|slam(?:s|med|ming)?|blast(?:s|ed|ing)?|"
    r"mock(?:s|ed|ing)?|prais(?:e|es|ed|ing)|attack(?:s|ed|ing)?|criticiz(?:e|es|ed|ing)|criticis(?:e|es|ed|ing))\s+"
    r"(?:[\w’'.,-]+\s+){0,8}?as\s+(?:being\s+|having\s+)?(?:an?\s+|the\s+)?$"
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
#: What a cue may set between the name and its verb: ", a spokesman for the mayor,", ", 54,".
_APPOSITIVE = r"(?:,\s+(?:(?:a|an|the)\s+[^,;“”\"]{1,80}|\d{1,3}),)"
#: A name after the lower-case words of what someone does, with no article: '," campaign manager Ana Lund said'.
_LOWER_TITLE_NAME = r"(?:[a-z][\w-]*\s+){1,3}[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,2}"
#: The name a cue sets beside its description: '," her spokesman, Tim Reed, said'.
_NAME_SET_BESIDE = r"(?:,\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3},)"
#: The words right after a short quote that hand it to a speaker: '," she said', '!" cried the crowd',
#: '," Ana Lund, a spokeswoman, said'.
_CUE_AFTER = re.compile(
    rf"^[”“\"’]?\s*[,!?]?[”“\"’]?\s+"
    rf"(?:(?:he|she|they|we|I|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}}{_APPOSITIVE}?|{_LOWER_TITLE_NAME}|(?:the|a|an|one|his|her|their|its|[A-Z][\w.’'-]*['’]s)\s+(?:[\w’'-]+\s+){{0,3}}?[\w’'-]+{_NAME_SET_BESIDE}?)"
    rf"{AUXILIARIES}\s+(?:{SPEECH}|{_GIVING_VERB})"
    rf"|(?:{SPEECH})\s+(?:he|she|they|[A-Z][\w.’'-]*|(?:the|a|an)\s))\b"
)
#: A possessive before a quote makes it the name of someone's thing: 'the network's "Morning Talk"'.
_POSSESSIVE_BEFORE = re.compile(r"\w['’]s?\s+$")
#: Where a show's or a paper's title stands, even in a sentence with a speech verb: 'said on "Morning Talk"',
#: 'she wrote in her memoir, "Salt and Stone"'.
_SHOW_BEFORE = re.compile(
    r"(?:\w['’]s?|\b(?:on|in)|\b(?i:podcast|show|series|programme|program|episode|book|memoir|novel|film|movie|"
    r"documentary|song|album|column|op-ed|essay|headline|ad|advert|advertisement|play|musical)\s*,?)\s+$"
)


#: A quote that stands a few lower-case words before another in one clause: 'a "liar" who was not '.
#: (Not after a comma inside the marks: '"ambassador," "attack,"' lists terms, and '"...," drawing
#: jeers and "..."' ends a clause.)
_JOINED_REACH = 320  # the most of ``before`` that quote, its marks and the words after it span
_JOINED_TO_A_QUOTE = re.compile(r"[“\"](?P<words>[^“”\"]{0,199}[^“”\",])[”\"]\s+(?:[a-z]+\s+){0,4}$")
#: The closing mark and comma between a quote and the cue right after it: '," according to Ana Lund'.
_SENTENCE_CLOSES = re.compile(r"\s*[.!?]?[”\"’)]?\s*$")
_CLOSING_COMMA = re.compile(r"^[”“\"’]?\s*,?[”“\"’]?\s+")
#: A source that counts rather than speaks: "according to the poll, "very liberal" voters ..." quotes its terms.
_COUNTING_SOURCE = re.compile(
    r"(?:(?:the|a|an|this|that|new|latest|recent|their|its)\s+)*(?:[\w-]+\s+){0,2}?"
    r"(?:polls?|surveys?|data|figures|estimates?|statistics|census|tally|count|results)\b",
    re.IGNORECASE,
)


def is_statement(words: str, mark: str, before: str, rest: str, after: str = "") -> bool:
    """A quotation, not a scare quote or a name: long enough, or short and attributed to someone.

    ``before`` is the sentence up to the opening mark, ``rest`` the sentence without the quote,
    ``after`` the sentence from the closing mark on: '"Absolutely," she said' is a reply, however short.
    """
    return _is_statement(words, mark, before, rest, after, follow=True)


def _is_statement(words: str, mark: str, before: str, rest: str, after: str, *, follow: bool) -> bool:
    """``is_statement``; with ``follow``, a short quote may also borrow the standing of a quote a few
    words before it, which is judged on its own (one step back, so a long run of quoted terms costs
    one look each and no chain of them)."""
    n = len(words.split())
    if _IN_MARKUP.search(before) or not _WORDY.search(words):
        return False  # an attribute of left-over markup (<tweet id="...">), a number, a handle
    if mark == "‘":
        return n >= 6  # single marks: only a long passage is a quote, a short one is a term
    if _TITLE_CASE.fullmatch(words.strip()) and (not SPEECH_VERB.search(rest) or _SHOW_BEFORE.search(before)):
        return False  # the name of a show, a book or a club: "The Harbour Masters", "Red Roof Country Club"
    if _TITLE_BESIDE_A_NAME.search(before) and words.rstrip()[-1:] not in ".!?" and not _CUE_AFTER.match(after):
        return False  # a title set beside a name: 'Omar Vale, the "acting head of the rocket brigades," may be next'

    if n >= MIN_QUOTE_WORDS or (n >= 2 and words[:1].isupper() and words.rstrip()[-1:] in ".!?"):
        return True
    if _CUE_AFTER.match(after) and not _TITLE_CASE.fullmatch(words.strip()) and not (
        _POSSESSIVE_BEFORE.search(before) or words[:1].isupper() and DETERMINER_BEFORE.search(before)
    ):
        return True  # the cue follows at once: '"Not yet," he said', '"Never!" the crowd shouted'
    named = _GIVEN_NAME.search(before) or _JUDGED_AS.search(before)
    if named and not _named_by_a_state(before[: named.start()]):
        return True  # "she called the plan "reckless"": a speaker's own word for it
    if words.rstrip()[-1:] in ".!?" and _SAYS_BEFORE.search(before) and not _NAMING.search(before):
        return True  # the whole of a reply: 'she answered: "Never."'
    joined = _JOINED_TO_A_QUOTE.search(before, max(0, len(before) - _JOINED_REACH)) if follow else None
    if joined and _is_statement(  # the quote before is judged on the words near it: no second pass over the sentence
        joined.group("words"), mark, before[max(0, joined.start() - _JOINED_REACH) : joined.start("words") - 1],
        rest[-_JOINED_REACH:], before[joined.end("words") :] + words + after[:_JOINED_REACH], follow=False,
    ):
        return True  # the second of two quotes a few words apart: 'calling him a "liar" who was not "honest"'
    if _NAMING.search(before) or words[:1].isupper():
        return False
    if any(not DETERMINER_BEFORE.search(rest[: m.start()]) for m in SPEECH_VERB.finditer(rest)):
        return True
    if _according_to_someone(before, after):
        return True  # "according to Ana Lund, the plan is "dead on arrival"": the words are hers
    return _GIVES_WORDS.search(before) is not None


def _according_to_someone(before: str, after: str) -> bool:
    """Whether "according to X" (or "in the words of X") gives the quote to X: anywhere before it, or
    right after its closing mark. X speaks rather than counts, and a quote after the phrase is not a
    word of X's own name ('according to her "clawback" plan' names a plan)."""
    for m in ACCORDING.finditer(before):
        if before[m.end() :].strip() and not _COUNTING_SOURCE.match(m.group("speaker")):
            return True
    close = _CLOSING_COMMA.match(after)
    m = ACCORDING.match(after, close.end()) if close else None
    if m is None:
        # "... sent people "flying" across the square, according to Ana Lund.": the sentence is hers
        m = next((a for a in ACCORDING.finditer(after) if _SENTENCE_CLOSES.match(after, a.end())), None)
        m = m if m is not None and re.search(r",\s*$", after[: m.start()]) else None
    return m is not None and not _COUNTING_SOURCE.match(m.group("speaker"))


def _named_by_a_state(subject: str) -> bool:
    """Whether the words before a naming verb end on a state ('Beijing calls itself a "..."'):
    a state's name for a thing is a term of its policy, not words a speaker is given."""
    words = subject.split()
    return any(state_of(" ".join(words[-k:])) is not None for k in (1, 2, 3) if len(words) >= k)


def trim(text: str) -> tuple[int, int]:
    """Offsets of the quote's words inside the marks: no outer space, no trailing comma."""
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end
