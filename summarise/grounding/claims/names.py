"""Names in a writer's words: the runs of capitalised words that may be a name, and their pieces.

A run is read as the writer wrote it: dates and numbers break it, so does a possessive ("Japan's
Defence Ministry" is two names) or a word after a hyphen ("North Korean-made"); function words
that open a sentence are no part of it. A run the article does not hold whole is checked piece
by piece, so a claim says which name is missing.
"""

from __future__ import annotations

import re

from summarise.grounding.gazetteer import TITLE, state_of
from summarise.grounding.names import is_first_name

_WORDS = re.compile(r"(?:[A-Z]\.){2,}|[\w][\w’'.-]*[\w]|\w")
_CONNECTORS = frozenset(["of", "the", "for", "and", "de", "del", "al", "bin", "van", "von", "la", "le", "du", "da", "di"])
#: Capitalised words that open a sentence or a phrase and are never a name or part of one.
_FUNCTION_WORDS = frozenset(
    "The A An This That These Those It Its He She They We I You Our Their His Her But And Or If When While Despite "
    "Although Though However Moreover Meanwhile Furthermore Still Yet So In On At By For From With As After Before "
    "Since During Under Over Into Of To Why What How Who Where Which There Here Each Every All Any Some Many Most Such "
    "No Not Also Even Only Just Both Either Neither According Then Now Amid Across Against Later Earlier Last Next "
    "Overall Once Until Following Ahead Another Other Few Several Nearly About Around Almost Up One Two Three "
    "Four Five Six Seven Eight Nine Ten Dozens Hundreds Thousands".split()
)
_WEEKDAYS_MONTHS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
TITLE_WORDS = re.compile(rf"^(?:{TITLE}\s+)+")
POSSESSIVE = re.compile(r"['’]s?$")
#: A word that is a code or an acronym: "ICBM", "Hwasong-20", "F-35".
_CODE = re.compile(r"[A-Z]{2,6}|[A-Z][\w]*-?\d+[\w-]*")
_POSSESSIVE_END = re.compile(r"\w['’]s$")
#: A lower-case word joined by a hyphen to a name: "Korean-made", "U.S.-led".
_LOWER_SUFFIX = re.compile(r"-[a-z]")
#: Abbreviated titles whose full stop does not end the name they open ("Lt. Col. Kim").
_ABBREVIATED_TITLES = frozenset("Lt Col Gen Maj Capt Sgt Adm Mr Mrs Ms Dr Prof Gov Sen Rep Cmdr St Jr Sr Brig".split())
#: Acronyms whose words news writes in lower case.
ACRONYMS = {
    "ICBM": "intercontinental ballistic missile", "SLBM": "submarine-launched ballistic missile",
    "IRBM": "intermediate-range ballistic missile", "SRBM": "short-range ballistic missile",
    "DMZ": "demilitari[sz]ed zone", "UAV": "unmanned aerial vehicle",
}
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;\n—–]|\s-)[\s\"“‘'(\[]*$")


def _sentence_initial(text: str, start: int) -> bool:
    return _SENTENCE_OPEN.search(text[max(0, start - 8) : start]) is not None or start == 0


def name_runs(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """(start, end, opens a sentence) of each run of capitalised words that may be a name, with
    the function words that open it dropped; dates and numbers in ``taken`` break a run, and so
    does a possessive ("Japan's Defence Ministry" is two names) or a word after a hyphen
    ("North Korean-made")."""
    words: list[tuple[int, int, str, bool]] = []  # start, end, word, ends its run
    for m in _WORDS.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        word, stop = m.group(0), False
        cut = _LOWER_SUFFIX.search(word)
        if cut and word[0].isupper():
            word, stop = word[: cut.start()], True
        if _POSSESSIVE_END.search(word) or text.startswith(("'", "’"), m.end()):
            stop = True
        words.append((m.start(), m.start() + len(word), word, stop))
    runs: list[tuple[int, int, bool]] = []
    current: list[tuple[int, int, str, bool]] = []

    def close() -> None:
        while current and current[-1][2] in _CONNECTORS:
            current.pop()
        while current and (current[0][2] in _FUNCTION_WORDS or current[0][2] in _CONNECTORS):
            current.pop(0)
        if current:
            runs.append((current[0][0], current[-1][1], _sentence_initial(text, current[0][0])))
        current.clear()

    def joins(prev: tuple[int, int, str, bool], start: int) -> bool:
        gap = text[prev[1] : start]
        return gap == " " or (gap == ". " and (prev[2] in _ABBREVIATED_TITLES or len(prev[2]) == 1))

    for i, (start, end, word, stop) in enumerate(words):
        capital = word[0].isupper() and word not in _WEEKDAYS_MONTHS and not word.isdigit()
        linked = bool(current) and not current[-1][3] and joins(current[-1], start)
        if capital:
            if not linked:
                close()
            current.append((start, end, word, stop))
            if stop:
                close()
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        if (
            linked and word in _CONNECTORS and current[-1][2] not in _CONNECTORS
            and nxt is not None and nxt[2][:1].isupper() and text[end : nxt[0]] == " "
        ):
            current.append((start, end, word, stop))
            continue
        close()
    close()
    return runs


def name_like(word: str) -> bool:
    """A word that opens a sentence and is a name though the article lacks it: a state, a
    person's first name, an acronym; any other capitalised opener is an ordinary word."""
    return state_of(word) is not None or is_first_name(word) or bool(re.fullmatch(r"[A-Z][A-Z.]+|[A-Z][a-z]+[A-Z]\w*", word))


def name_pieces(name: str) -> list[str]:
    """The names a run that is not found as a whole is made of: "Japanese Defence Minister Han
    Dae-sung" is "Japanese" and "Han Dae-sung" (a title is a role, not a name); "Seoul and
    Tokyo" is "Seoul" and "Tokyo"."""
    pieces: list[str] = []
    for part in (p.strip() for p in name.split(" and ")):
        tokens = part.split()
        for size in range(min(3, len(tokens) - 1), 0, -1):
            head = " ".join(tokens[:size])
            if state_of(head) is not None:
                pieces.append(head)
                part = " ".join(tokens[size:])
                break
        part = TITLE_WORDS.sub("", part + " ").strip()
        # a code or an acronym beside a name is a name of its own ("Hwasong-20 ICBM")
        group: list[str] = []
        for token in [*part.split(), ""]:
            if token and not _CODE.fullmatch(token):
                group.append(token)
                continue
            while group and group[0] in _CONNECTORS:
                group.pop(0)
            while group and group[-1] in _CONNECTORS:
                group.pop()
            pieces += [" ".join(group)] if group else []
            pieces += [token] if token else []
            group = []
    return pieces
