"""The words in a quote's own sentence that name its speaker, read from the sentence's shape alone.

Attribution follows the shapes news writing uses: '"...," X said', '"...," said X, an analyst
at Y', 'X said: "..."', 'X said the allies had "..."', 'according to X', and a pronoun
("he noted") that points at the person last named before it. Before the quote, a verb of naming
is attribution too ('X called the plan "..."', 'what X calls "..."'), and so is a clause of its
own inside the sentence ('..., with X calling it "..."', '..., X said, that "..."'). Whom the phrase stands for is
``speaker_of_phrase``'s question: it needs the article's people, this needs only the sentence.
"""

from __future__ import annotations

import re

from summarise.grounding.actor_sources import names_an_outlet
from summarise.grounding.cue_after import cue_after
from summarise.grounding.cue_before import cue_before
from summarise.grounding.cue_words import SPEECH_VERB, mask, sentence_text, unmask
from summarise.grounding.sentences import Sentence


def speaker_phrase(sentence: Sentence, q_start: int, q_end: int, others: list[tuple[int, int]]) -> tuple[str | None, int]:
    """The words that name the speaker in the quote's own sentence, and where they stand."""
    after_stop = min([a for a, _ in others if a > q_end] + [sentence.end])
    after = mask(sentence_text(sentence, q_end, after_stop))
    before_start = max([b for _, b in others if b < q_start] + [sentence.start])
    before = mask(sentence_text(sentence, before_start, q_start - 1))  # q_start is past the opening mark
    found = cue_after(after, q_end)
    if found is None or _before_first(found[0], after, before, sentence_text(sentence, sentence.start, q_start)):
        found = cue_before(before, before_start) or found
    if found is None and after_stop < sentence.end:
        # '... found "no ties," apart from the two knowing each other "slightly," said the director.':
        # one cue after the sentence's last quote gives the words of every quote before it
        next_end = min(b for a, b in others if a == after_stop)
        tail = sentence_text(sentence, next_end, sentence.end)
        if not re.search(r"[“”\"]", tail[1:]):
            found = cue_after(mask(tail), next_end)
    if found is None:
        return None, -1
    return unmask(found[0]).strip(), found[1]


def _before_first(speaker: str, after: str, before: str, lead: str) -> bool:
    """Whether a cue before the quote outranks the one after it: 'Lund said: "...," the Times reported' (an
    outlet only reports), 'After Lund said it was "...," Vale said: "..."' (that cue opens the next quote),
    '... Vale lamented her gaffes - "..." - and voters said' (a quote set off by dashes is the aside's),
    'under what Lund called "...," the club charged' (the naming gives the words)."""
    hands_on = re.search(r":\s*[\"“‘']?$", after) and SPEECH_VERB.search(lead)
    named_so = _WHAT_X_CALLED.search(before)
    aside = re.match(r"[”\"’']?\s*[-–—]{1,2}\s", after) and re.search(r"\s[-–—]{1,2}\s*$", before)
    return bool(names_an_outlet(unmask(speaker)) or hands_on or aside or named_so)


#: The quote as the object of someone's naming it: 'under what Mr. Lund called "...," the club charged'.
_WHAT_X_CALLED = re.compile(r"\bwhat\s+(?:[A-Z][\w.’'\u2024-]*\s+){1,4}(?:called|calls|dubbed|dubs|termed|terms)\s*$")
