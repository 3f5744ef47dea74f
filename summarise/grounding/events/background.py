"""A trigger that is not a report: background, habit, plan, negation, claim; or an earlier happening.

A news story mixes reports ("North Korea fired a missile on Sunday") with background ("North
Korea has long used its missile program..."), forecasts ("is expected to test") and comment
("Analysts see this as..."). Reports are events; habits, plans, predictions and what someone else
only claims happened are not. Past happenings the story states as fact ("had fired 22 missiles
since February", "sanctions passed in 2019") are events too, but marked earlier, so they are
never merged into, or taken for, the story's news.
"""

from __future__ import annotations

import datetime as dt
import re

#: Words that mark background, habit, opinion or forecast rather than a happening.
BACKGROUND = re.compile(
    r"\b(?:has long|have long|has repeatedly|have repeatedly|has often|routinely|typically|usually|historically|"
    r"in past years|in recent years|for decades|tends? to|every year|has consistently|have consistently|"
    r"is likely to|are likely to|is expected to|are expected to|is scheduled to|are scheduled to|inevitable|imminent)\b|"
    r"\b(?:has|have) (?:\w+ )?(?:tested|launched|fired|conducted|held|staged|visited|stepped up|ramped up|intensified|increased|expanded)\b|several times|"
    r"^(?:analysts|experts|observers|critics|officials|some analysts|many|if)\b",
    re.IGNORECASE,
)
#: A trigger after these reports what may, will or should happen, not what did.
MODAL = re.compile(
    r"\b(?:will|would|could|may|might|should|must|plans? to|(?<!continued )(?<!began )(?<!started )(?<!went on )to)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
NEGATED = re.compile(r"\b(?:not|never|no|n['’]t|neither|nor|yet to|failed to|refused to|declined to)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
#: Someone else's claim: what follows is theirs to assert ("insists it launched a satellite").
CLAIM = re.compile(
    r"\b(?:claim(?:s|ed)?|alleg(?:e|es|ed)|insist(?:s|ed)?|maintain(?:s|ed)?|den(?:y|ies|ied)|declared|accus(?:e|es|ed) \S+(?: \S+)? of|suggested)\b",
    re.IGNORECASE,
)
#: "since the ceasefire took effect": a point in time, not a report.
SINCE = re.compile(r"\bsince\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
#: Before the story's news: "had fired", "have been killed" (a tally), "a day after the army shelled".
_PERFECT_BEFORE = re.compile(r"\b(?:had|had been)\s+(?:\w+\s+)?$", re.IGNORECASE)
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)(?: been)?\s+(?:\w+\s+)?$", re.IGNORECASE)
_TALLY = re.compile(r"\b(?:since|so far|to date|this year|in total|altogether)\b", re.IGNORECASE)
#: "said it had carried out": the tense of reported speech, not an earlier happening.
_REPORTED_PAST = re.compile(r"\b(?:said|says|told|reported|announced|confirmed|stated|according to)\b", re.IGNORECASE)
_AFTER = re.compile(
    r"\b(?:minutes?|hours?|days?|weeks?|months?|years?)\s+after\b|\b(?:came|comes|come)\s+(?:\w+\s+){0,3}?after\b", re.IGNORECASE
)
_EARLIER_WORDS = re.compile(
    r"\b(?:(?:a|one|two|three|several|\d+) (?:days?|weeks?|months?|years?) (?:earlier|ago)|earlier this (?:week|month|year)|"
    r"last (?:week|month|year)|the (?:previous|prior) (?:day|week|month|year)|previously)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(
    r"\b(?:in|January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)\b"
)
_RELATIVE = re.compile(r"\b(?:who|whom|which|that)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_WHEN = re.compile(r"\b(?:when|whenever|until|till|once|if|unless|whether)\s+(?:\S+\s+){0,4}$|^\s*(?:Had|Were|Should)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
#: What was going on when the news broke in: "the train was travelling south when it derailed" reports the derailment.
_INTERRUPTED = re.compile(r"\b(?:was|were)\s+(?:\w+\s+)?\w+ing\b[^;]*?\bwhen\s+(?:\S+\s+){0,4}$", re.IGNORECASE)
_FIGURATIVE = re.compile(
    r"(?:seized (?:up)?on|captured (?:the |their |his |her )?(?:allegiance|attention|imagination|hearts?|mood|nomination|spotlight)|caught fire with)\b",
    re.IGNORECASE,
)
#: Past participles that also stand as adjectives after a noun: a report needs an auxiliary or an object.
_BARE_PARTICIPLE = re.compile(
    r"arrested|detained|indicted|convicted|acquitted|jailed|extradited|deported|seized|captured|boarded|downed|hijacked|rescued|evacuated|ratified|vetoed"
)
_AUXILIARY = re.compile(r"\b(?:was|were|been|be|being|had|has|have)\s+(?:\w+\s+)?$", re.IGNORECASE)
_OBJECT = re.compile(
    r"\s+(?:the|a|an|his|her|its|their|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|more|at least|"
    r"about|some|several|[A-Z\d])", 
)
_COUNTED = re.compile(
    r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|(?!(?:days|weeks|months|years|hours|minutes)\b)\w+s)"
    r"\s+(?:(?!(?:have|had)\b)\S+\s+)?(?:(?:have|had)\s+)?$",
    re.IGNORECASE,
)


def is_earlier(text: str, start: int, clause: tuple[int, int], article_date: dt.date | None) -> bool:
    """Told as having happened before the story's news: "had fired", "a day after the army shelled",
    "last year", "in 2018"."""
    before = text[:start]
    if _PERFECT_BEFORE.search(before) and not _REPORTED_PAST.search(before):
        return True
    if _PRESENT_PERFECT.search(before) and _TALLY.search(text[clause[0] : clause[1]]):
        return True  # "173 people have been killed since the ceasefire": a tally of past strikes
    since_comma = before[before.rfind(",") + 1 :]
    if _AFTER.search(since_comma):
        return True
    # the clause up to the trigger and the trigger's own phrase, less any "since ..." ("its first since 2017")
    after = text[start : clause[1]]
    words = text[clause[0] : start] + after[: after.find(",")] if "," in after else text[clause[0] : clause[1]]
    words = re.sub(r"\bsince\s+(?:\S+\s+){0,3}\S+", " ", words)
    if _EARLIER_WORDS.search(words):
        return True
    years = [int(m.group(1)) for m in _YEAR.finditer(words)]
    return any(article_date is None or y < article_date.year for y in years)


def other_reported(text: str, m: re.Match[str]) -> bool:
    """An ``other`` trigger that reports a happening, not a description ("felons convicted of
    fraud", "who was elected in 2010", "when he took office") or a figure of speech."""
    prefix, word = text[: m.start()], m.group(0).lower()
    when = _WHEN.search(prefix) and not _INTERRUPTED.search(prefix)
    if prefix.endswith("-") or _RELATIVE.search(prefix) or when or _FIGURATIVE.match(text, m.start()):
        return False
    if _BARE_PARTICIPLE.fullmatch(word.split()[0]) and not _AUXILIARY.search(prefix):
        return bool(_OBJECT.match(text, m.end()))  # "Iran detained 10 sailors", not "immigrants deported because"
    if word == "died":
        return bool(_COUNTED.search(prefix))
    return True
