"""Whether "he" or "she" can point at a person: what the article says first, names second.

Political news quotes a man and a woman in one paragraph ("Brennan said ... Ortega ...
she added"); the nearest name is then wrong half the time. The article itself is the best
witness (a "Mr." or "Mrs." before a mention, the pronoun that follows a sentence naming only
this person); the first-name list (grounding/names.py) comes before the pronoun votes, the
noisiest witness; an unknown rules no one out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarise.grounding.actors import ActorCandidate
from summarise.grounding.names import Gender, by_first_name

PRONOUN_GENDER = {"he": Gender.MALE, "him": Gender.MALE, "his": Gender.MALE, "she": Gender.FEMALE, "her": Gender.FEMALE}
_TITLE = re.compile(r"\b(?P<title>Mr|Mrs|Ms|Miss|Madam|Sir|Lady|Lord|King|Queen)\.?\s+$")
_TITLE_GENDER = {
    "Mr": Gender.MALE, "Sir": Gender.MALE, "Lord": Gender.MALE, "King": Gender.MALE,
    "Mrs": Gender.FEMALE, "Ms": Gender.FEMALE, "Miss": Gender.FEMALE, "Madam": Gender.FEMALE,
    "Lady": Gender.FEMALE, "Queen": Gender.FEMALE,
}
#: Only a subject pronoun votes: "his house" after a name is as often someone else's house.
_NEXT_PRONOUN = re.compile(r"\b(he|she)\b", re.IGNORECASE)
#: Role words that say it: "Its spokeswoman, Chea Sokha", "Congressman Ruiz".
_GENDERED_ROLE = re.compile(
    r"\b(?:spokes|chair|congress|business|police|fire|sales|council|committee|anchor|states|assembly)"
    r"(?:(?P<woman>wom[ae]n)|m[ae]n)\b",
    re.IGNORECASE,
)
#: How far after a mention the next pronoun still most likely points back at it.
_PRONOUN_REACH = 160


def compatible(person: ActorCandidate, pronoun: str, article: str) -> bool:
    """Whether the pronoun can stand for the person (always, when their gender is unknown)."""
    wanted = PRONOUN_GENDER.get(pronoun.lower())
    found = gender_of(person, article)
    return wanted is None or found is Gender.UNKNOWN or found is wanted


def gender_of(person: ActorCandidate, article: str) -> Gender:
    return _gender(person.name, tuple((m.start, m.end) for m in person.mentions), article)


@lru_cache(maxsize=2048)
def _gender(name: str, mentions: tuple[tuple[int, int], ...], article: str) -> Gender:
    votes = {Gender.MALE: 0, Gender.FEMALE: 0}
    for start, end in mentions:
        title = _TITLE.search(article[max(0, start - 12) : start])
        if title:
            return _TITLE_GENDER[title.group("title")]
        near = article[max(0, start - 40) : start] + " " + article[end : end + 40].split(".")[0]
        role = _GENDERED_ROLE.search(near)
        if role:
            return Gender.FEMALE if role.group("woman") else Gender.MALE
        after = _NEXT_PRONOUN.search(article, end, min(len(article), end + _PRONOUN_REACH))
        if after and not _another_name_between(article, end, after.start()):
            votes[Gender.MALE if after.group(1).lower() == "he" else Gender.FEMALE] += 1
    by_name = by_first_name(name.split()[0])
    if by_name is not Gender.UNKNOWN or votes[Gender.MALE] == votes[Gender.FEMALE]:
        return by_name
    return Gender.MALE if votes[Gender.MALE] > votes[Gender.FEMALE] else Gender.FEMALE


def _another_name_between(article: str, start: int, end: int) -> bool:
    """A capitalised word between a mention and a pronoun (not one opening a sentence) may be
    what the pronoun points at."""
    return re.search(r"(?<![.!?“\"]\s)(?<!\n)\b[A-Z][a-z]+", article[start:end]) is not None
