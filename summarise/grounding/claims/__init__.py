"""Claims: the numbers, dates and names in words a model wrote itself, checked against the article.

Under ``briefing@v3`` a capable model writes an event's ``what`` and the bottom line in its own
words. Its words may differ from the article's; its facts may not. Every number, date and name it
writes must be one the article holds once both are normalised, so that a reader never sees a
figure, a day or a person the story does not give:

- a number is compared by value and unit (``numbers``, ``number_checks``): 900 km, "900
  kilometres" and "559 miles" are one distance; a writer may round but not invent;
- a date is the calendar day it pins against the article's date, and must be a day the article
  itself pins; one that pins no day must be one the article gives (``dates``, ``date_checks``);
- a name is found in the article as written or as another name of the same actor (``names``,
  ``name_checks``).

Everything the article holds is read once per article and cached (``holdings``): the check runs
for every item a model writes and must cost milliseconds. ``examine`` makes the one pass over a
written text; ``unsupported_claims`` keeps what the article lacks, ``support_spans`` (``support``)
points at what it holds.
"""

from summarise.grounding.claims.examine import unsupported_claims
from summarise.grounding.claims.findings import Claim, ClaimKind
from summarise.grounding.claims.support import support_spans

__all__ = ["Claim", "ClaimKind", "support_spans", "unsupported_claims"]
