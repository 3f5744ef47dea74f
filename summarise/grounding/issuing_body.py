"""A body that issues a statement or a document speaks the words quoted from it.

News reports what a committee, a campaign or a ministry put out as the act of the body itself
("The league released a statement Monday, offering "..."", "The union filed a complaint
seeking "..."", or the statement quoted whole in the next paragraph). No "said" ties the words to
the body, and the nearest person named is usually the one the statement is about, not its author.
"""

from __future__ import annotations

import re

from summarise.grounding.actors import ActorCandidate
from summarise.grounding.cue_words import mask, sentence_text
from summarise.grounding.resolver import Resolver
from summarise.grounding.sentences import Sentence
from summarise.schemas import ActorKind

_BODIES = {ActorKind.ORGANISATION, ActorKind.MILITARY_BODY, ActorKind.STATE}

#: What may stand before the body that opens a sentence: a short lead-in clause ("On Monday, ",
#: "At the chair's request, "), a conjunction, the article.
_LEAD = re.compile(
    r"^\s*(?:[A-Z][^,“”\"]{0,60},\s+)?(?:(?:But|And|Then|Later|Meanwhile|Earlier|Also)\s+)?(?:(?i:the)\s+)?$"
)
#: A verb that puts out a document, and the document: "released a statement", "issued a
#: two-page memo", "filed a records request", "sent supporters an email".
_ISSUES = re.compile(
    r"^(?:\s*\([^)]{1,20}\))?\s+(?:(?:also|later|then|quickly|formally|has|had|have)\s+)*"
    r"(?:released|issued|put\s+out|published|posted|sent(?:\s+out)?|filed|circulated|distributed|submitted|"
    r"releases|issues|publishes|posts|sends|files|circulates|distributes|submits)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|press\s+release|release|letter|request|report|memo|memorandum|complaint|lawsuit|suit|motion|"
    r"brief|petition|notice|advisory|resolution|email|e-mail|message|communiqu[eé]|declaration|bulletin)s?\b"
)


def issuing_body(sentence: Sentence, q_start: int, resolver: Resolver) -> ActorCandidate | None:
    """The body a sentence opens on as the subject of a verb that puts out a document, before
    ``q_start``: whose words a quote from that document are."""
    bodies = resolver.mentions(sentence.start, q_start, _BODIES)
    if not bodies:
        return None
    at, body = bodies[0]
    if not _LEAD.match(mask(sentence_text(sentence, sentence.start, at))):
        return None
    end = next((m.end for m in body.mentions if m.start == at), at)
    return body if _ISSUES.match(resolver.article[end:q_start]) else None
