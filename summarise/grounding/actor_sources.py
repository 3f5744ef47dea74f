"""Sources told apart from actors: picture and agency credits, bylines, captions and the outlets a
story only cites say where the story came from, not who is in it (LABELLING.md).

Whether a name is a source turns on where it stands ("told Reuters", "Photo: X/AFP") and on
whether it ever speaks words of its own or acts. That reading of a page's credits and furniture
changes for reasons of its own, so it lives apart from how actors are found; the actor finder
asks it of each candidate it has found.
"""

from __future__ import annotations

import re

from summarise.grounding.gazetteer import NEWS_OUTLETS, OUTLET_WORDS, STATE_VOICES
from summarise.schemas import ActorKind, Span

#: The verbs that make a name a speaker, not a source only cited.
SPEECH = r"(?:said|says|told|noted|added|wrote|argued|warned|suggested|suggests|explained|stated|insisted|believes|cautioned|stressed)"
#: A quotation long enough to be someone's words: a name inside it is not thereby an actor.
QUOTED = re.compile(r"[“\"][^”\"]{12,}[”\"]")
_AGENCY_CREDIT = (
    r"(?:AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|Getty Images|GETTY IMAGES|Getty|Xinhua|XINHUA|Yonhap|YONHAP|KCNA|Bloomberg|AAP|"
    r"Anadolu|Sputnik|TASS|SOPA Images|NurPhoto|Shutterstock|Pool|POOL|KNS|Handout|HANDOUT)"
)
_PICTURE_CREDIT = (
    rf"\((?i:photo|image|picture|photograph|video|file|credit|courtesy)s?\b[^)]{{0,80}}\)"
    rf"|(?:(?i:photos?|images?|pictures?|photograph|credit|video)(?:\s+(?i:credit))?\s*(?::|(?i:by))\s*)?"
    rf"(?:[A-Z][\w.’'-]*\s){{0,3}}[A-Z][\w.’'-]*\s?/\s?{_AGENCY_CREDIT}(?:\s?/\s?[A-Z][\w ]{{1,30}}?)*(?![\w/])"
    rf"|(?:(?i:via|for)\s+)?Getty Images|(?<![\w])(?i:photo|image|picture|photograph)s?(?:\s+(?i:credit))?\s*:\s*[^.\n]{{1,80}}"
    rf"|(?i:\bin\s+this\s+(?:undated\s+)?(?:handout\s+)?(?:photo|picture|image|photograph|file photo|video grab)\b)"
)
#: Photo credits and wire tags, wherever they stand: "(Photo: Jane Roe/Wire)", "STR/AFP/Getty Images", "(AFP)".
CREDIT = re.compile(rf"{_PICTURE_CREDIT}|\((?:AFP|AP|Reuters|REUTERS|EPA|Xinhua|Yonhap|Bloomberg|AAP|Anadolu)\)")
#: Lines that say who wrote or shot the story, or that are the page's own buttons.
BYLINE = re.compile(
    r"^(?:(?i:by)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|(?i:and)|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*"
    r"(?:\s*[,|–—-]\s*[A-Z][\w .'’&-]{1,40})?\s*$"
    r"|(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|written|research|produced)\s+by\b)"
    r"|(?i:(?:file\s+)?(?:photo|image|picture|video)s?(?:\s+credit)?\s*:)"
    r"|(?i:read (?:more|also|next)\b|share (?:this|on)\b|subscribe\b|sign up\b|advertisement\b|click here\b)"
    r"|(?i:follow)\s+(?:(?i:us)\b|@|[A-Z]))"
)
#: A paragraph that holds a credit or says it shows a picture is a caption: someone named only
#: there was photographed, not part of the story.
_CAPTION = re.compile(rf"{_PICTURE_CREDIT}|^(?i:file photo)\b")


def caption_lines(article: str) -> list[tuple[int, int]]:
    """Where the article's captions stand: lines with a photo credit or a "in this photo"."""
    lines: list[tuple[int, int]] = []
    offset = 0
    for line in article.splitlines(keepends=True):
        if _CAPTION.search(line):
            lines.append((offset, offset + len(line)))
        offset += len(line)
    return lines


def is_outlet(name: str) -> bool:
    """A news outlet's name: a known one, or one ending in a word outlets are named with."""
    if name in STATE_VOICES:
        return False
    bare = re.sub(r"^(?:the|The)\s+", "", name)
    words = bare.split()
    return bare in NEWS_OUTLETS or name in NEWS_OUTLETS or (len(words) >= 2 and (words[-1] in OUTLET_WORDS or bool({"News", "Daily"} & set(words))))


def names_an_outlet(phrase: str) -> bool:
    """Whether a speaker phrase is a news outlet, its short form included ("the Times", "the Post")."""
    bare = re.sub(r"^(?:the|The)\s+", "", phrase.strip())
    return is_outlet(phrase.strip()) or (bare != phrase.strip() and bare in OUTLET_WORDS)


_CAPITALISED_RUN = re.compile(r"(?:\b[Tt]he\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}")


def outlet_before(at: int, article: str) -> str | None:
    """The news outlet the article names last before ``at``: whom "the newspaper" stands for when
    the actor list leaves outlets out."""
    names = [m.group(0) for m in _CAPITALISED_RUN.finditer(article, 0, at)]
    return next((n for n in reversed(names) if is_outlet(n)), None)


#: Around an outlet's name, the words that make it the story's source, not one of its actors.
_SOURCE_BEFORE = re.compile(
    r"(?:\b(?:according to|told|to|with|by|via|from|in|on|cited|citing|quoting|quoted|per|for|wrote|writes|seen|obtained|"
    r"reported|reports|said|says)|[(/:|©])\s*(?:(?i:the|a|an)\s+)?(?:(?:[a-z][\w'’-]*|[A-Z][\w.’'-]*['’]s)\s+){0,4}$"
)
_SOURCE_AFTER = re.compile(
    r"^(?:['’]s?\s+(?:[a-z]+\s+)?(?:report|reports|reporting|reporter|journalist|correspondent|website|broadcast|interview|"
    r"article|story|analysis|sources?|footage|photographer|team|investigation|data|tally|count)\b"
    r"|['’]s?\s+[A-Z][\w'’-]+\s+[A-Z]"  # "the Courier's Jan Kowal": the journalist, not the paper
    # the wire's own line on a claim it passes on: "Reuters could not independently verify the report"
    r"|\s+(?:(?:was|were|is|has|have|had)\s+(?:not\s+(?:been\s+)?able|unable)|could\s+not|cannot|can\s+not|couldn['’]t)"
    r"\s+(?:to\s+)?(?:immediately\s+|independently\s+)*(?:verify|confirm)\b"
    r"|\s*[)/|]|\s+(?:news agency|newspaper|broadcaster|channel|reported|reports|reporting|said|says|cited|quoted|published|"
    r"obtained|learned|reviewed|saw|confirmed|added|wrote|understands|has learned|has reported|was told|contributed|"
    r"photo|photos|image|images|report|analysis|count|tally|poll|survey|interview|investigation|article|story|columnist|"
    r"editor|anchor|host|reporter|writer|commentator|contributor|correspondent|journalist)\b)"
)
_SPEECH_AFTER = re.compile(rf"^\s+{SPEECH}\b|^,\s+(?:which|that)\s+")


def only_a_source(kind: ActorKind, names: tuple[str, ...], mentions: list[Span], article: str) -> bool:
    """An outlet the story cites (Reuters reported, told CNN, Photo: X/AFP) and never has speak
    the words of a quote or do anything of its own: a source, not an actor (LABELLING.md). Asked
    of a candidate's kind, its names (name and aliases) and its mentions, so that this module needs
    nothing of the actor finder's."""
    if kind == ActorKind.PERSON or not any(is_outlet(n) for n in names):
        return False  # a person is never an outlet, whatever their name ("Michael Bloomberg said")
    for m in mentions:
        line_start = article.rfind("\n", 0, m.start) + 1
        line_end = article.find("\n", m.end)
        line = article[line_start : line_end if line_end >= 0 else len(article)]
        before, after = article[max(line_start, m.start - 60) : m.start], article[m.end : m.end + 40]
        if any(c.start() <= m.start - line_start < c.end() for c in CREDIT.finditer(line)):
            continue
        if QUOTED.search(line) and (_SPEECH_AFTER.match(after) or re.search(r"\b(?:said|says|added|wrote|stated)\s+(?:the\s+)?$", before)):
            return False  # it speaks a quote of its own
        if _SOURCE_BEFORE.search(before) or _SOURCE_AFTER.match(after):
            continue
        return False  # it acts in the story
    return True
