"""Whether "he" or "she" can point at a person: what the article says first, names second.

Political news quotes a man and a woman in one paragraph ("Brennan said ... Ortega ...
she added"); the nearest name is then wrong half the time. The article itself is the best
witness (a "Mr." or "Mrs." before a mention, the pronoun that follows a sentence naming only
this person); the first-name list (grounding/names.py) comes before the pronoun votes, the
noisiest witness; an unknown rules no one out. A surname alone is no first name ("Clinton",
"Carter"): it takes the gender of the first names the article writes before it, when they agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarise.grounding.actors import ActorCandidate
from summarise.grounding.gazetteer import NOT_NAME_WORDS
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
#: The role words stand for this mention only where they title it ("Congresswoman Ruiz", "Its
#: spokeswoman, Chea Sokha") or follow it as an appositive ("Ruiz, a spokeswoman"): in "Clinton
#: spokesman Josh Ferro" the spokesman is the name after, not Clinton.
_ROLE_BEFORE = re.compile(rf"{_GENDERED_ROLE.pattern},?\s+(?:[A-Z]\.\s+)?$", re.IGNORECASE)
_ROLE_AFTER = re.compile(rf"^,\s+(?:(?:an?|the|its|their|his|her)\s+)?(?:[\w'’-]+\s+){{0,3}}?{_GENDERED_ROLE.pattern}", re.IGNORECASE)
#: A possessive mention ("Sanders’ campaign manager said she") is not the subject the pronoun follows.
_POSSESSIVE = re.compile(r"['’](?:s\b|(?!\w))")
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
        role = _ROLE_BEFORE.search(article[max(0, start - 40) : start]) or _ROLE_AFTER.match(article[end : end + 60])
        if role and role.group("woman"):
            return Gender.FEMALE
        if role and not (len(name.split()) > 1 and by_first_name(name.split()[0]) is Gender.FEMALE):
            return Gender.MALE  # "spokesman" stands for women too: not against a woman's first name
        after = _NEXT_PRONOUN.search(article, end, min(len(article), end + _PRONOUN_REACH))
        subject = not _inside_quotation(article, start) and not _POSSESSIVE.match(article, end)
        if after and subject and not _another_name_between(article, end, after.start()):
            votes[Gender.MALE if after.group(1).lower() == "he" else Gender.FEMALE] += 1
    # a surname alone ("Clinton", "Carter") says nothing of a gender, though it is someone's first
    # name too: the first names the article writes before it do, when they agree
    by_name = by_first_name(name.split()[0]) if len(name.split()) > 1 else _by_first_names_before(name, article)
    if by_name is not Gender.UNKNOWN or votes[Gender.MALE] == votes[Gender.FEMALE]:
        return by_name
    return Gender.MALE if votes[Gender.MALE] > votes[Gender.FEMALE] else Gender.FEMALE


def _another_name_between(article: str, start: int, end: int) -> bool:
    """A capitalised word between a mention and a pronoun may be what the pronoun points at: one
    inside a sentence, or one opening a sentence that is no sentence word ("Clinton has said she",
    not "But she" or "Asked about it, she")."""
    for word in re.finditer(r"\b[A-Z][a-z]+", article[start:end]):
        opens = re.search(r"(?:[.!?“\"]\s|\n)$", article[max(start, start + word.start() - 2) : start + word.start()])
        if not opens or (word.group() not in NOT_NAME_WORDS and not re.search(r"(?:ed|ing|ly)$", word.group())):
            return True
    return False


def _inside_quotation(article: str, at: int) -> bool:
    """Whether a mention stands inside someone's quoted words: the "she said" after '"... Sanders is
    wrong," she said' is the speaker's, not the named man's."""
    paragraph = article[article.rfind("\n", 0, at) + 1 : at]
    return paragraph.count("“") > paragraph.count("”") or paragraph.count('"') % 2 == 1


def _by_first_names_before(surname: str, article: str) -> Gender:
    """The gender of every first name the article puts before a surname ("Hillary Clinton" and
    "Bill Clinton" disagree: unknown)."""
    found = {
        by_first_name(m.group(1))
        # not a compound before it ("One Sanders-backed group"): no first name stands there
        for m in re.finditer(rf"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b(?!-)", article)
    } - {Gender.UNKNOWN}
    return found.pop() if len(found) == 1 else Gender.UNKNOWN
