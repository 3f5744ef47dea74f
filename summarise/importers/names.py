"""The name a Source gives its speaker, read from the Source's words.

A Source names its speaker inside whatever else it says of them: "harbour board treasurer Ines
Duarte" is Ines Duarte, "Sen. Ruth Calder of Maine" is Ruth Calder, "a weary Calder" is Calder,
"Tide magazine" is Tide, and "Calder campaign manager Ines Duarte" is not Calder. What is kept
here is how capitalised words become a name: the Source's tokens, the runs of name words in them
(a sentence's first word counting only if the article never writes it in lower case), which run
heads the Source rather than modifying it, the titles and affiliations cut from it, whether the
name is a person's, and the first names the article gives a surname. Kept apart from the Source's
reading as a whole (``summarise.importers.sources``), which decides whether a Source names
someone at all, so that rule reads without the mechanics of capital letters under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarise.importers.words import (
    AFFILIATIONS,
    CALENDAR,
    DEFINITE,
    INDEFINITE,
    NOT_NAME,
    ORGANISATION_WORDS,
    OUTLET_HEADS,
    PARTICLES,
    PLACES,
    PREPOSITIONS,
    RELATIVE_WORDS,
    TITLES,
)

#: A word may hold combining accents (text in decomposed form) and the Latin-1 signs that UTF-8
#: read twice leaves inside a name ("PeÃ±a"), but no no-break space.
_TOKEN = re.compile(r"(?P<word>[^\W_][\w'’.&\u0080-\u009f\u00a1-\u00bf\u0300-\u036f-]*)|(?P<punct>[,;:()\[\]—–])")
#: Words whose full stop is part of them; any other word's full stop ends the Source.
ABBREVIATED = re.compile(
    r"(?:[A-Z]\.)+|(?:Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Sen|Sens|Rep|Reps|Gov|Lt|Gen|Col|Maj|Capt|Sgt|Adm|Cmdr|Pres"
    r"|Jr|Sr|St|Inc|Corp|Co|Ltd|Bros)\."
)
_POST_MODIFIERS = PREPOSITIONS | {"who"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_PARENTHETICAL = re.compile(r"\s*\([^)]*(?:\)|$)")  # one the Source cuts before its close too: "Sen. Ina Bell (D-Maine"


@dataclass(frozen=True)
class Token:
    """A word or a punctuation mark of a Source; a possessive word ("Calder's") also has its bare form,
    as a name ends at its owner."""

    text: str
    is_word: bool
    possessive: bool = False

    @property
    def bare(self) -> str:
        """The word without its possessive ending."""
        return _POSSESSIVE.sub("", self.text) if self.possessive else self.text


def tokenise(text: str) -> list[Token]:
    """A Source's words and the punctuation that parts them, brackets and what they hold left out;
    an abbreviation keeps its full stop, as it belongs to a title or a name ("Sen.", "U.S.")."""
    out = []
    for m in _TOKEN.finditer(_PARENTHETICAL.sub("", text)):
        if m.group("word"):
            word = m.group("word")
            if word.endswith(".") and not ABBREVIATED.fullmatch(word):
                word = word.rstrip(".")  # a full stop that ends the Source, not an abbreviation
            out.append(Token(word, True, bool(_POSSESSIVE.search(word)) and len(word) > 2))
        else:
            out.append(Token(m.group("punct"), False))
    return out


def _is_name_word(token: Token, first: bool, lower_words: frozenset[str]) -> bool:
    word = token.bare
    if not token.is_word or not word[0].isupper() or word in NOT_NAME:
        return False
    if len(word) == 1:
        return False  # "Q" and "A" of an interview
    # a sentence's first word is capitalised whatever it is: a name only if never written in lower case
    return not (first and word.lower() in lower_words)


def name_runs(tokens: list[Token], lower_words: frozenset[str]) -> list[tuple[int, int]]:
    """Maximal runs of name words (with particles and initials inside): [start, end) token indices."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        particle = (  # "De Blasio" opening a sentence: its particle is capitalised, and still the name's
            tokens[i].is_word
            and tokens[i].text[0].isupper()
            and tokens[i].text.lower() in PARTICLES
            and i + 1 < len(tokens)
            and _is_name_word(tokens[i + 1], False, lower_words)
        )
        if not particle and not _is_name_word(tokens[i], i == 0, lower_words):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            tok = tokens[j]
            if tokens[j - 1].possessive:
                break
            if _is_name_word(tok, False, lower_words):
                j += 1
            elif (
                tok.is_word
                and tok.text in PARTICLES
                and j + 1 < len(tokens)
                and _is_name_word(tokens[j + 1], False, lower_words)
            ):
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


@dataclass(frozen=True)
class Name:
    """A name read from a Source, and whether a title before it already said it is a person's."""

    text: str
    titled: bool  # a personal title stood before it: a person


def name_of_run(words: list[str]) -> Name | None:
    """The name in a run of capitalised words, without the titles and affiliations before it."""
    if words and words[0] in ("The", "the"):
        words = words[1:]
    cut = -1
    for i, w in enumerate(words[:-1]):
        if w in TITLES or w in AFFILIATIONS:
            cut = i
    rest = words[cut + 1 :]
    if cut >= 0 and rest and not any(w in ORGANISATION_WORDS for w in rest):
        return Name(" ".join(rest), any(w in TITLES for w in words[: cut + 1]))
    if not words or all(w in TITLES or w in AFFILIATIONS for w in words):
        return None
    name = " ".join(words)
    if name in PLACES:
        return None
    return Name(name, False)


def _stands_free(tokens: list[Token], start: int) -> bool:
    """Whether the words before a run of name words leave it the head of the Source: no
    preposition or relative clause governs it ("spokesman for Ruth Calder", "Ina Bell, who backs
    Osei") and it ends no description ("one Maine Democrat", "Ina Bell, a pollster who advised
    the Calder PAC"); a title's own "of" does not count ("Secretary of State Ina Bell")."""
    comma = max((i for i, t in enumerate(tokens[:start]) if t.text in (",", "—", "–")), default=-1)
    # a relative clause governs a name only in its own stretch: "one of the writers of that survey,
    # Ina Bell" is Ina Bell, whatever "that" was before the comma
    if RELATIVE_WORDS.intersection(t.text.lower() for t in tokens[comma + 1 : start] if t.is_word):
        return False
    before = [t.text.lower() for t in tokens[comma + 1 : start] if t.is_word]
    # "a Tide reporter Ina Bell", "a retired teacher named Ina Bell": the name is the role's own
    named_role = bool(before) and (before[-1] in ("named", "called") or before[-1].capitalize() in TITLES)
    if before and (before[0] in INDEFINITE or (comma >= 0 and before[0] in DEFINITE)) and not named_role:
        return False
    # "secretary of state Ina Bell", "director of communications Ina Bell": the "of" of a title
    # (lower-case words only after the "of": "leader of the League, Ina Bell" is Ina Bell's description)
    between = [t.text for t in tokens[comma + 1 : start] if t.is_word]
    title_of = any(
        word == "of"
        and i
        and before[i - 1].capitalize() in TITLES
        and len(before) - i <= 3
        and all(w.islower() and w not in DEFINITE | INDEFINITE for w in between[i + 1 :])
        for i, word in enumerate(before)
    )
    return title_of or not PREPOSITIONS.intersection(before)


def head_name(tokens: list[Token], lower_words: frozenset[str]) -> Name | None:
    """The name a Source gives its speaker: the run of name words that heads it, not one that only
    modifies it ("Calder campaign manager Ines Duarte": Ines Duarte, not Calder)."""
    runs = name_runs(tokens, lower_words)
    if not runs:
        return None
    last_word = max(i for i, t in enumerate(tokens) if t.is_word)
    for start, end in runs:  # a name followed by what it is: "Ina Bell, deputy adviser", "Ruth Calder of Maine"
        after = tokens[end] if end < len(tokens) else None
        if after is None or not (after.text in (",", "—", "–") or after.text.lower() in _POST_MODIFIERS):
            continue
        if _stands_free(tokens, start):
            name = name_of_run([t.bare for t in tokens[start:end]])
            if name and after.text not in (",", "—", "–"):  # "of Maine", or a body's officer after it
                return _titled_ending(tokens[end:], lower_words) or name
            if name:  # "Ina Bell, deputy adviser"
                return name
    for start, end in runs:  # the name the Source ends with
        if end - 1 == last_word and (_stands_free(tokens, start) or _described_name(tokens, start)):
            name = name_of_run([t.bare for t in tokens[start:end]])
            if name:
                return name
    return None


def _titled_ending(tokens: list[Token], lower_words: frozenset[str]) -> Name | None:
    """The name that ends what follows a body's name, when a title introduces it and no comma parts
    them: in "Fight for Fairness organizing director Ina Bell" she speaks, the body is only whom
    she works for (where "Ina Bell of Maine" is Ina Bell)."""
    if any(not t.is_word for t in tokens):
        return None
    runs = name_runs(tokens, lower_words)
    if not runs or runs[-1][1] != len(tokens):
        return None
    start, end = runs[-1]
    words = [t.bare for t in tokens[start:end]]
    title_before = start > 0 and tokens[start - 1].text.capitalize() in TITLES
    if not (title_before or any(w in TITLES for w in words[1:-1])):
        return None
    return name_of_run(words)


def _described_name(tokens: list[Token], start: int) -> bool:
    """Whether only an article and lower-case words stand before a name: "a defensive Ruth
    Calder" is Calder herself, painted in a mood, not someone new."""
    before = tokens[:start]
    return (
        len(before) >= 2
        and all(t.is_word for t in before)
        and before[0].text.lower() in ("a", "an")
        and all(t.text[0].islower() and t.text not in PREPOSITIONS | RELATIVE_WORDS for t in before[1:])
    )


def outlet_name(tokens: list[Token], lower_words: frozenset[str]) -> Name | None:
    """The name in "Tide magazine" or "the Tide newspaper": an outlet written with what it is."""
    words = [t for t in tokens if t.is_word]
    if len(words) != len(tokens) or len(words) < 2 or words[-1].text not in OUTLET_HEADS:
        return None
    runs = name_runs(tokens[:-1], lower_words)
    if len(runs) != 1 or runs[0][1] != len(tokens) - 1:
        return None
    start, end = runs[0]
    if any(t.text.lower() not in ("the",) for t in tokens[:start]):
        return None
    return name_of_run([t.bare for t in tokens[start:end]])


def _head_phrase(tokens: list[Token]) -> list[Token]:
    """A description's own words, before a comma, a relative clause or a prepositional phrase."""
    for i, t in enumerate(tokens):
        if i and (not t.is_word or t.text.lower() in PREPOSITIONS | {"who", "that", "which", "whose"}):
            return tokens[:i]
    return tokens


def head_noun(description: str) -> str:
    """The noun a description is about: its last word before any comma or post-modifier."""
    words = [t.bare.lower() for t in _head_phrase(tokenise(description)) if t.is_word]
    return words[-1] if words else ""


def has_name_modifier(tokens: list[Token], lower_words: frozenset[str]) -> bool:
    """A description built on someone's name ("the Calder campaign"), not on a place or party."""
    for start, end in name_runs(_head_phrase(tokens), lower_words):
        words = [t.bare for t in tokens[start:end]]
        if " ".join(words) in PLACES or all(w in PLACES or w in AFFILIATIONS or w in TITLES for w in words):
            continue
        return True
    return False


def is_person(name: Name, article: str) -> bool:
    """Whether a name is a person's: titled, or two or more words of no organisation and no
    place, or one word the article also gives after a first name or a title ("Ruth Calder",
    "Sen. Calder" make "Calder" a person) or before a second name that makes a person's name
    with it ("Lu Ha-neul" makes "Lu" one)."""
    words = name.text.split()
    if name.titled:
        return True
    if any(w in ORGANISATION_WORDS for w in words) or name.text in PLACES or all(w.isupper() for w in words):
        return False
    if len(words) >= 2:
        return not all(w in PLACES for w in words)
    word = re.escape(words[0])
    before = re.finditer(rf"(?:\b([A-Z][a-z]+\.?)|\b(?:[A-Z]\.))\s+{word}\b", article)
    not_first_names = NOT_NAME | ORGANISATION_WORDS | PLACES
    if any(m.group(1) is None or m.group(1) not in not_first_names for m in before):
        return True
    after = re.finditer(rf"\b{word}[ \t]+([A-Z][a-z][\w'’-]*)", article)
    return any(m.group(1) not in not_first_names | TITLES | AFFILIATIONS | CALENDAR for m in after)


def first_names(surname: str, article: str) -> set[str]:
    """The first names the article gives ``surname``: capitalised words just before it that are
    no title, place or party and that the article never writes in lower case ("After Calder")."""
    before = re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(surname)}\b", article)
    skip = NOT_NAME | TITLES | AFFILIATIONS | PLACES | ORGANISATION_WORDS | CALENDAR
    lower = lower_case_words(article)
    return {m.group(1) for m in before if m.group(1) not in skip and m.group(1).lower() not in lower}


def lower_case_words(article: str) -> frozenset[str]:
    """The words the article writes in lower case: a capitalised sentence opener among them is no name."""
    return frozenset(w for w in re.findall(r"\b[a-z][\w'’-]*", article))
