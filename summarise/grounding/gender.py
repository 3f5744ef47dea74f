"""Whether "he" or "she" can point at a person: what the article says first, names second.

Political news quotes a man and a woman in one paragraph ("Brennan said ... Ortega ...
she added"); the nearest name is then wrong half the time. The article itself is the best
witness (a "Mr." or "Mrs." before a mention, a role or kin word that titles it: "Congresswoman
Ruiz", "his wife, Ana Ruiz", "Ruiz, the daughter of ..."); a first name the list is sure of comes
next. A first name that is only a lean ("Yuri": a man's name in Russia, a woman's in Japan, and
in use in no English-speaking country) yields to the pronouns the article gives the person,
weighed, never to one stray "she"; a pronoun votes only where it follows the person named as the
subject of a sentence, in that sentence or as the next one's subject. A name the list calls only
mostly one gender gives none: the pronouns alone decide. An unknown rules no one out. A surname
alone is no first name ("Clinton", "Carter"): it takes the gender of the first names the article
writes before it, when they agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarise.grounding.actors import ActorCandidate
from summarise.grounding.gazetteer import KIN_FEMALE, KIN_MALE, NOT_NAME_WORDS
from summarise.grounding.name_shapes import drop_title
from summarise.grounding.names import Gender, lean_of_first_name

PRONOUN_GENDER = {"he": Gender.MALE, "him": Gender.MALE, "his": Gender.MALE, "she": Gender.FEMALE, "her": Gender.FEMALE}
_TITLE = re.compile(r"\b(?P<title>Mr|Mrs|Ms|Miss|Madam|Sir|Lady|Lord|King|Queen)\.?\s+$")
_TITLE_GENDER = {
    "Mr": Gender.MALE, "Sir": Gender.MALE, "Lord": Gender.MALE, "King": Gender.MALE,
    "Mrs": Gender.FEMALE, "Ms": Gender.FEMALE, "Miss": Gender.FEMALE, "Madam": Gender.FEMALE,
    "Lady": Gender.FEMALE, "Queen": Gender.FEMALE,
}
#: A subject pronoun the sentence gives the person after naming them as its subject ("Ruiz said she
#: ..."), or the next sentence's subject ("Ruiz left. She ..."). Of the other pronouns only a "his"
#: or "her" before kin says it ("Ruiz wrote to her daughter"): "Ruiz was vexed by her plan" and
#: "Ruiz praised her" are as often, or always, someone else.
_PRONOUN_AFTER = re.compile(
    rf"\b(he|she)\b|\b(his|her)\s+(?:own\s+)?(?:{KIN_FEMALE}|{KIN_MALE}|family|children|kids)\b",
    re.IGNORECASE,
)
#: A subject pronoun in the mention's own sentence before it: the sentence is about that person,
#: the mention only a name in it ("In 2012 she drafted a plan: Ortiz later took it up. She ...").
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
#: The word before a mention that makes it no subject: a preposition, or a verb it is the object of
#: ("Ruiz met Ortiz. She ..." is Ruiz).
_GOVERNS = re.compile(
    r"\b(?:of|to|with|by|for|from|about|against|on|at|in|into|than|like|over|under|between|among|"
    r"toward|towards|without|including|and|or|nor|told|asked|met|beat|\w+ed)\s+$",
    re.IGNORECASE,
)
#: A sentence that opens on a clause of its own ("After the vote in Dunmore, Ortiz said she ..."):
#: the names in it are not the subject, which comes after its comma.
_OPENING_CLAUSE = re.compile(
    r"(?:After|Before|When|While|As|Although|Though|Since|Because|If|In|On|At|During|Following|Despite|"
    r"Earlier|Later|Last|Meanwhile|\w+ing|\w+ed)\b"
)
#: The capitalised titles straight before a mention ("Former Gov.", "Sen."), which say nothing of
#: whether it is a subject.
_TITLES_BEFORE = re.compile(r"(?:\b(?:[A-Z][\w'’-]*\.?|[A-Z]\.)\s+)+$")
#: A full stop that ends a sentence: one before a capital (the capital must be in view), or a line's end.
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+(?=[“\"‘']?[A-Z])|\n")
#: Weight of a pronoun in the mention's own sentence, and of one opening the next.
_SAME_SENTENCE, _NEXT_SENTENCE = 2, 1
#: The pronoun weight it takes to overturn a first name that is only a lean.
_OVERTURNS_LEAN = 2
#: Role words that say it: "Its spokeswoman, Chea Sokha", "Congressman Ruiz".
_GENDERED_ROLE = re.compile(
    r"\b(?:(?:spokes|chair|congress|business|police|fire|sales|council|committee|anchor|states|assembly)"
    r"(?:(?P<woman>wom[ae]n)|m[ae]n)|(?P<she>actress|\w+wom[ae]n))\b",
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
#: Kin words say it too where they title a mention ("his wife, Ana Ruiz", "Ortiz's son Tomas") or
#: stand in apposition with an "of" ("Ana Ruiz, the daughter of a miner"); "Ruiz, his wife" is
#: the wife of someone else, and "Ruiz's wife" is not Ruiz.
_KIN_BEFORE = re.compile(
    rf"\b(?:(?i:his|her|their|the)|[A-Z][\w-]*['’]s?)\s+(?:(?P<she>{KIN_FEMALE})|{KIN_MALE}),?\s+$"
)
_KIN_AFTER = re.compile(
    rf"^,\s+(?:an?|the)\s+(?:[\w'’-]+\s+){{0,2}}?(?:(?P<she>{KIN_FEMALE})|{KIN_MALE})\s+of\b", re.IGNORECASE
)


def compatible(person: ActorCandidate, pronoun: str, article: str) -> bool:
    """Whether the pronoun can stand for the person (always, when their gender is unknown)."""
    wanted = PRONOUN_GENDER.get(pronoun.lower())
    found = gender_of(person, article)
    return wanted is None or found is Gender.UNKNOWN or found is wanted


def gender_of(person: ActorCandidate, article: str) -> Gender:
    return _gender(person.name, tuple((m.start, m.end) for m in person.mentions), article)


@lru_cache(maxsize=2048)
def _gender(name: str, mentions: tuple[tuple[int, int], ...], article: str) -> Gender:
    # "Judge Maria Chen" is a woman by "Maria": a title is no first name
    untitled = drop_title(name).split()
    words = untitled if len(untitled) > 1 else name.split()
    lean, sure = lean_of_first_name(words[0]) if len(words) > 1 else _by_first_names_before(name, article)
    votes = {Gender.MALE: 0, Gender.FEMALE: 0}
    for start, end in mentions:
        said = _said_outright(name, lean if sure else Gender.UNKNOWN, article, start, end)
        if said is not Gender.UNKNOWN:
            return said
        vote = _pronoun_vote(article, start, end)
        if vote is not None:
            votes[vote[0]] += vote[1]
    if sure:
        return lean
    if lean is not Gender.UNKNOWN:
        other = Gender.FEMALE if lean is Gender.MALE else Gender.MALE
        overturned = votes[other] >= _OVERTURNS_LEAN and votes[other] > votes[lean]
        return other if overturned else lean
    if votes[Gender.MALE] == votes[Gender.FEMALE]:
        return Gender.UNKNOWN
    return Gender.MALE if votes[Gender.MALE] > votes[Gender.FEMALE] else Gender.FEMALE


def _said_outright(name: str, first_name: Gender, article: str, start: int, end: int) -> Gender:
    """What a title, role word or kin word at one mention says (UNKNOWN when none does); ``first_name``
    is the gender a first name is sure of."""
    title = _TITLE.search(article[max(0, start - 12) : start])
    if title:
        return _TITLE_GENDER[title.group("title")]
    role = _ROLE_BEFORE.search(article[max(0, start - 40) : start]) or _ROLE_AFTER.match(article[end : end + 60])
    if role and (role.group("woman") or role.group("she")):
        return Gender.FEMALE
    if role and not (len(name.split()) > 1 and first_name is Gender.FEMALE):
        return Gender.MALE  # "spokesman" stands for women too: not against a woman's first name
    kin = _KIN_BEFORE.search(article[max(0, start - 40) : start]) or _KIN_AFTER.match(article[end : end + 60])
    if kin:
        return Gender.FEMALE if kin.group("she") else Gender.MALE
    return Gender.UNKNOWN


def _pronoun_vote(article: str, start: int, end: int) -> tuple[Gender, int] | None:
    """The gender, and the weight, of the pronoun that follows a mention of the person as a
    sentence's subject: a "he" or "she" (or a "his" or "her" before kin) later in that sentence, or
    a "he" or "she" in the next; none when someone else is named between, or the mention is no
    subject (a name after a preposition or a verb, or after another name or a "she" in its sentence)."""
    if _inside_quotation(article, start) or _POSSESSIVE.match(article, end):
        return None
    opening = _sentence_start(article, start)
    before = article[opening:start]
    lead = before[: len(before) - len(m.group())] if (m := _TITLES_BEFORE.search(before)) else before
    clause = lead.rsplit(",", 1)[-1] if _OPENING_CLAUSE.match(before.lstrip("“\"‘' ")) else lead
    if _PRONOUN_BEFORE.search(before) or _GOVERNS.search(lead) or _names_someone(clause):
        return None
    after = _PRONOUN_AFTER.search(article, end, min(len(article), end + _PRONOUN_REACH))
    if after is None or _inside_quotation(article, after.start()) or _another_name_between(article, end, after.start()):
        return None
    ends = len(re.findall(_SENTENCE_END, article[end : after.start() + 1]))
    pronoun = (after.group(1) or after.group(2)).lower()
    if ends == 0:
        weight = _SAME_SENTENCE
    elif ends == 1 and after.group(1):
        weight = _NEXT_SENTENCE
    else:
        return None
    return (Gender.MALE if pronoun in {"he", "his"} else Gender.FEMALE), weight


def _names_someone(lead: str) -> bool:
    """Whether the words of a sentence before a mention name someone else, who may be its subject
    ("Vasse, whose son met Ortiz, said that Ortiz ... her family"): a capitalised word past the
    sentence's first that is no sentence word."""
    words = lead.lstrip("“\"‘' ")
    return any(m.start() > 0 and m.group() not in NOT_NAME_WORDS for m in re.finditer(r"\b[A-Z][a-z]+", words))


def _sentence_start(article: str, at: int) -> int:
    """Where the sentence holding an offset begins (the mention's own first letter in view)."""
    ends = list(re.finditer(_SENTENCE_END, article[max(0, at - 400) : at + 1]))
    return max(0, at - 400) + ends[-1].end() if ends else max(0, at - 400)


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


def _by_first_names_before(surname: str, article: str) -> tuple[Gender, bool]:
    """The gender every first name the article puts before a surname leans to, and whether one of
    them is sure of it ("Hillary Clinton" and "Bill Clinton" disagree: unknown)."""
    found = {
        lean_of_first_name(m.group(1))
        # not a compound before it ("One Sanders-backed group"): no first name stands there
        for m in re.finditer(rf"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b(?!-)", article)
    }
    genders = {gender for gender, _ in found} - {Gender.UNKNOWN}
    if len(genders) != 1:
        return Gender.UNKNOWN, False
    gender = genders.pop()
    return gender, any(sure for g, sure in found if g is gender)
