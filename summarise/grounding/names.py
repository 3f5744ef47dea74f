"""First names: whether a word is someone's given name, and whose.

Several finders need to know that "Donald" or "Hillary" opens a person's name: the actor finder
(a surname used alone is a person, not a group, when the article also writes it after a first
name), the speaker finder and "he"/"she" agreement. gender-guesser's list carries its own data
and needs no network; only its sure answers give a gender ("Bernie" is "mostly_female" there),
though a "mostly" answer still makes a first name.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

from summarise.grounding.gazetteer import NOT_NAME_WORDS


class Gender(str, Enum):
    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"


#: A surname after a courtesy title, as some papers name everyone ("Mrs. Vale", "Mr Ortiz"): the title
#: says the person's gender, never an office.
COURTESY = re.compile(r"(?P<title>Mr|Mrs|Ms|Miss)[.\u2024]?\s+(?P<surname>[A-Z][\w'’-]+)")


def courtesy_gender(title: str) -> Gender:
    return Gender.MALE if title == "Mr" else Gender.FEMALE


#: Where the news we read is written: a name one gender there and the other on the continent
#: ("Jan", "Jean" are men in Europe and women in America) is no witness either way.
_ENGLISH_SPEAKING = ("usa", "great_britain")
_LEANS = {"male": Gender.MALE, "mostly_male": Gender.MALE, "female": Gender.FEMALE, "mostly_female": Gender.FEMALE}


@lru_cache(maxsize=4096)
def by_first_name(first: str) -> Gender:
    """The gender the name list gives a first name, UNKNOWN when it is not a first name it is sure
    of, or when English-speaking countries lean the other way."""
    answer = {"male": Gender.MALE, "female": Gender.FEMALE}.get(_detector().get_gender(first), Gender.UNKNOWN)
    if answer is not Gender.UNKNOWN and any(
        _LEANS.get(_detector().get_gender(first, country), answer) is not answer for country in _ENGLISH_SPEAKING
    ):
        return Gender.UNKNOWN
    return answer


@lru_cache(maxsize=4096)
def lean_of_first_name(first: str) -> tuple[Gender, bool]:
    """The gender the name list gives a first name, and whether an English-speaking country, where
    the news we read is written, confirms it. Unconfirmed ("Yuri": a man's name in one country and a
    woman's in another, and used in none of ours), it is only a lean, for the article's own evidence
    to overturn."""
    lean = by_first_name(first)
    answer = lean.value
    sure = lean is not Gender.UNKNOWN and any(_detector().get_gender(first, c) == answer for c in _ENGLISH_SPEAKING)
    return lean, sure


@lru_cache(maxsize=4096)
def is_first_name(word: str) -> bool:
    """A given name, whether or not the list is sure whose: "Bernie" and "Chris" open names as
    surely as "Donald" does, though the list calls them only mostly one gender (and calls "The" so
    too: a word that is never a name is none)."""
    answer = _detector().get_gender(word)
    return answer in {"male", "female"} or (answer in {"mostly_male", "mostly_female"} and word.capitalize() not in NOT_NAME_WORDS)


@lru_cache(maxsize=1)
def _detector():  # noqa: ANN202 - gender_guesser ships no types
    """Loaded on the first name that needs it (a quarter of a second), never at import."""
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)
