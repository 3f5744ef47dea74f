"""Quantities: the numbers a sentence gives, in one unit per kind, with what they measure.

Distances are given in kilometres whatever the article used (miles are converted; the text keeps
the article's words, "about 560 miles"), so two briefings of one launch compare; times of day
have no value (the zone is rarely stated); counts take the counted thing as their unit
("two ballistic missiles" counts "missiles"); spans of time count their unit ("73 minutes").

Numbers written in words ("sixty-five", "two hundred", "1.5 million") are read by ``text2num``,
not by a table of our own, into a copy of the sentence where every number is in digits; the
patterns below read that copy, and every quantity's text is the article's own words again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from text_to_num import Token, find_numbers

from summarise.grounding.dates import find_date_phrases
from summarise.schemas import Quantity

#: Unit words to (unit, factor to that unit).
_UNITS = {
    "nautical miles": ("km", 1.852), "nautical mile": ("km", 1.852),
    "kilometers": ("km", 1.0), "kilometres": ("km", 1.0), "kilometer": ("km", 1.0), "kilometre": ("km", 1.0),
    "km": ("km", 1.0), "miles": ("km", 1.609344), "mile": ("km", 1.609344), "mi.": ("km", 1.609344),
    "mi": ("km", 1.609344), "nmi": ("km", 1.852),
    "meters": ("m", 1.0), "metres": ("m", 1.0), "meter": ("m", 1.0), "metre": ("m", 1.0),
    "feet": ("m", 0.3048), "ft": ("m", 0.3048),
    "tons": ("tons", 1.0), "tonnes": ("tons", 1.0), "ton": ("tons", 1.0), "tonne": ("tons", 1.0),
    "kilonewtons": ("kN", 1.0), "kilonewton": ("kN", 1.0),
    "percent": ("%", 1.0), "per cent": ("%", 1.0), "%": ("%", 1.0),
}
#: Spans of time, singular and plural, to the plural unit.
_DURATIONS = {
    "second": "seconds", "minute": "minutes", "hour": "hours", "day": "days", "week": "weeks",
    "month": "months", "year": "years",
}
#: Currencies named after the number ("10 billion Australian dollars"), longest first.
_CURRENCIES = {
    "australian dollars": "AUD", "canadian dollars": "CAD", "hong kong dollars": "HKD", "dollars": "USD",
    "euros": "EUR", "pounds": "GBP", "yen": "JPY", "won": "KRW", "yuan": "CNY", "rupees": "INR", "roubles": "RUB",
    "rubles": "RUB",
}

_MODIFIER = (
    r"(?:(?:about|approximately|around|roughly|some|nearly|almost|over|under|more than|less than|fewer than|"
    r"at least|at most|up to|an estimated|estimated|as many as|as much as|just over|just under|within|"
    r"shortly after|shortly before|just after|just before)\s+)?"
)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _alternatives(words: object) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


_MEASURED = re.compile(
    rf"(?<![\w.])(?P<text>{_MODIFIER}(?P<num>{_NUM})(?:\s*(?:to|-|–|and)\s*(?P<num2>{_NUM}))?\s*"
    rf"(?:-\s*)?(?P<unit>{_alternatives(_UNITS)}))(?![\w])",
    re.IGNORECASE,
)
_MONEY = re.compile(
    rf"(?P<text>{_MODIFIER}(?:US)?\$\s?(?P<num>{_NUM}))"
    rf"|(?P<text2>{_MODIFIER}(?P<num2>{_NUM})\s+(?P<currency>{_alternatives(_CURRENCIES)}))(?![\w])(?!['’]\w)",
    re.IGNORECASE,
)
_TIME = re.compile(
    rf"(?P<text>{_MODIFIER}(?:at\s+)?\b(?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
    r"(?:\s*\((?:[^()]{1,20})\))?(?:\s+local time)?)",
    re.IGNORECASE,
)
_DURATION = re.compile(
    rf"(?<![\w$.,:])(?P<text>{_MODIFIER}(?P<num>{_NUM})(?:\s+|-)(?P<unit>{_alternatives(_DURATIONS)})s?"
    rf"(?:\s+and\s+(?P<num2>{_NUM})\s+(?P<unit2>{_alternatives(_DURATIONS)})s?)?)(?![\w])(?!-old|\s+old\b)",
    re.IGNORECASE,
)
_COUNT = re.compile(  # not after a letter and a hyphen: "P-8", "F-16", "Su-27" name a model, they count nothing
    rf"(?<![\w$.,:])(?<![A-Za-z]-)(?P<text>{_MODIFIER}(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+)\s+)(?=(?P<rest>(?:[\w-]+\s+){{0,4}}[\w-]+))",
    re.IGNORECASE,
)
#: A part of a counted whole: "7 of the 9 cars", "three of its 12 crew" (the digit copy of the sentence).
_PART_OF = re.compile(
    r"(?<![\w$.,:])(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+of\s+(?:the|its|their|his|her|our)\s+(?P<whole>\d{1,3}(?:,\d{3})+|\d+)\s+"
    r"(?=(?P<rest>(?:[\w-]+\s+){0,4}[\w-]+))"
)
#: Words that end a counted noun phrase.
_STOP = frozenset(
    ["of", "in", "into", "on", "at", "to", "from", "by", "for", "with", "or", "but", "that", "which", "who", "were", "was", "are", "is", "be", "been", "as", "than", "had", "have", "has", "after", "before", "during", "since", "until", "off", "over", "under", "per", "each", "more", "less", "the", "a", "an", "its", "their", "his", "her", "this", "those", "these", "without", "including", "across", "near", "against", "toward", "towards", "aboard", "among",
     "overnight", "today", "yesterday", "tonight", "again", "also"]
)
#: Counted words that are not things: units, ordinals, scales.
_NOT_THINGS = frozenset(
    ["times", "time", "percent", "per", "cent", "miles", "mile", "km", "kilometers", "kilometres", "meters", "metres", "feet", "tons", "tonnes", "million", "billion", "thousand", "dollars", "euros", "pounds", "yen", "won", "yuan"]
) | frozenset(_DURATIONS) | frozenset(_DURATIONS.values())
#: Plurals that do not end in "s".
_PLURALS = frozenset(["aircraft", "people", "personnel", "police", "children", "men", "women", "crew", "staff", "fish", "sheep", "deer", "series"])
#: Words that tell what befell those counted: they end the counted noun ("14 civilians dead"), and
#: alone after a number ("400 wounded") or before it ("killing four") they count people.
_CASUALTY_WORDS = frozenset(["dead", "killed", "wounded", "injured", "hurt", "missing"])
_CASUALTY_COUNT = re.compile(
    rf"\b(?:(?:kill|wound|injur)(?:ed|ing)|death\s+toll\s+(?:\w+\s+){{0,5}}?(?:to|at|of))\s+"
    rf"(?P<text>{_MODIFIER}(?P<num>{_NUM})(?![\d.,]?\d)(?:\s+others\b|(?=\s*(?:[,.;:]|and\b|on\b|$))))",
    re.IGNORECASE,
)
#: What befell those a bare number counts: "six were wounded", "two have been killed".
_BEFALLEN = re.compile(r"(?:were|are|was|have been|had been)\s+(?:killed|wounded|injured|hurt)\b")
#: Heads too vague to stand alone: the word before them is part of the thing ("crew members").
_VAGUE_HEADS = frozenset(["members", "boats", "vessels", "cables", "events", "entities", "units", "sites", "workers", "lines"])
#: Words before a vague head that say how many or which, not what kind ("27 separate sites" are sites).
_NOT_KINDS = frozenset(["separate", "different", "other", "additional", "new", "more", "further", "distinct", "individual", "various", "several", "possible"])
#: What a quantity measures, from words in its sentence: (unit, context pattern, measure); first wins.
_MEASURES = (
    ("km", r"altitude|apogee|height|high", "altitude"),
    ("km", r"fl[eo]w|flight|travel|range|distance|cover", "flight distance"),
    ("km", r"", "distance"),
    ("m", r"altitude|apogee|height|high|deep|depth", "altitude"),
    ("m", r"", "length"),
    ("%", r"production|output|capacity|boost|increase|expan|grow|rise|rose", "production increase"),
    ("%", r"", "share"),
    ("local time", r"launch|fired|detected|lift|took off", "launch time"),
    ("local time", r"", "time of day"),
    ("tons", r"", "weight"),
    ("kN", r"", "thrust"),
)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


# --------------------------------------------------------------------------------------------
# Numbers in words, read by text2num into a digit copy of the sentence
# --------------------------------------------------------------------------------------------

_LANGUAGE = "en"
#: Words, digit groups ("1,200", "1.5") and single marks, as text2num reads a stream of tokens.
_WORD = re.compile(rf"{_NUM}|[^\W\d_]+|[^\w\s]")
_DIGITS = re.compile(_NUM)
#: Counting words text2num leaves alone: a fixed number of things, or a multiplier ("two dozen").
_IDIOMS = {"a dozen": 12, "a pair of": 2, "a single": 1}
_IDIOM = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in _IDIOMS)})\b", re.IGNORECASE)
_DOZEN = 12
#: Values of the words that multiply the number before them ("1.5 million", "two point five billion").
_SCALE_VALUES = frozenset([100, 10**3, 10**6, 10**9, 10**12])
#: The one scale word text2num's English does not know.
_TRILLION = re.compile(r"\btrillion\b", re.IGNORECASE)


class Word(Token):
    """A word of the sentence with its offsets: what text2num reads, and where it stood."""

    def __init__(self, word: str, start: int, end: int) -> None:
        self.word, self.start, self.end = word, start, end

    def text(self) -> str:
        return self.word


@dataclass(frozen=True)
class _Figures:
    """The sentence with every number in digits, and the raw span each of its characters came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the slice ``[start:end]`` of the digit copy."""
        return self.starts[start], self.ends[end - 1]


def _digits(value: Decimal) -> str:
    """A value as the patterns read it: thousands grouped, so that 2,000 is never taken for a year."""
    value = value.normalize()
    return f"{int(value):,}" if value == value.to_integral_value() else f"{value:,f}"


def _spelled_numbers(sentence: str) -> list[tuple[int, int, Decimal]]:
    """(start, end, value) of each number, in words or digits, with its multiplier word joined.

    An ordinal ("first") is no amount; nor is a plural ("hundreds of people", "tens of thousands").
    """
    words = [Word(m.group(0), m.start(), m.end()) for m in _WORD.finditer(sentence)]
    numbers: list[tuple[int, int, Decimal, bool]] = []  # start, end, value, alone a scale word
    for found in find_numbers(words, _LANGUAGE, threshold=0.0):  # "one missile" counts too
        span = words[found.start : found.end]
        if found.is_ordinal or any(w.word[-1:].lower() == "s" for w in span):
            continue
        value = Decimal(str(found.value))
        numbers.append((span[0].start, span[-1].end, value, len(span) == 1 and value in _SCALE_VALUES))
    numbers += [(w.start, w.end, Decimal(w.word.replace(",", "")), False) for w in words if w.word[0].isdigit()]
    numbers += [(m.start(), m.end(), Decimal(_IDIOMS[m.group(0).lower()]), False) for m in _IDIOM.finditer(sentence)]
    numbers += [(m.start(), m.end(), Decimal(10**12), True) for m in _TRILLION.finditer(sentence)]
    numbers.sort(key=lambda n: n[0])
    merged: list[tuple[int, int, Decimal]] = []
    for start, end, value, scale in numbers:
        gap = sentence[merged[-1][1] : start] if merged else ""
        if scale and merged and gap.isspace():
            # "1.5 million", "two point five billion": the number before the scale word multiplies it
            first, _, times = merged.pop()
            merged.append((first, end, times * value))
            continue
        before = sentence[:start].lower()
        if scale and re.search(r"\bhalf(?: an? |-)$", before):
            start, value = before.rindex("half"), value / 2  # "half a million", "a half-billion"
        elif scale and re.search(r"\ban? $", before):
            start = before.rindex("a", 0, start - 1)  # "a million people"
        elif scale:
            continue  # "several billion", "a few thousand": no number is stated
        merged.append((start, end, value))
    for dozen in re.finditer(r"\s+dozen\b", sentence, re.IGNORECASE):
        for i, (start, end, value) in enumerate(merged):
            if end == dozen.start():
                merged[i] = (start, dozen.end(), value * _DOZEN)  # "two dozen ships"
    return merged


@lru_cache(maxsize=512)
def _figures(sentence: str) -> _Figures:
    """The digit copy of a sentence: numbers already in digits stay as the article wrote them."""
    text: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for start, end, value in _spelled_numbers(sentence):
        if start < at:
            continue  # inside a number already written out
        for i in range(at, start):
            text.append(sentence[i])
            starts.append(i)
            ends.append(i + 1)
        written = sentence[start:end]
        digits = written if _DIGITS.fullmatch(written) else _digits(value)
        text.append(digits)
        starts += [start] * len(digits)
        ends += [end] * len(digits)
        at = end
    for i in range(at, len(sentence)):
        text.append(sentence[i])
        starts.append(i)
        ends.append(i + 1)
    return _Figures("".join(text), tuple(starts), tuple(ends))


def _round(value: float) -> float:
    """Round a converted value as a reader would: whole units above ten, one decimal below."""
    return float(round(value)) if abs(value) >= 10 else round(value, 1)


def _measure(unit: str, sentence: str, near: int) -> str:
    window = sentence[max(0, near - 120) : near + 60].lower()
    for u, pattern, measure in _MEASURES:
        if u == unit and (not pattern or re.search(pattern, window)):
            return measure
    return "duration" if unit in _DURATIONS.values() else "count"


def _overlaps(a: int, b: int, taken: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in taken)


#: Verbs that follow "one" when it stands for a person, not for a thing counted ("one can").
_MODALS = frozenset(["can", "could", "would", "should", "will", "may", "might", "must", "did", "does", "do"])
#: Past tenses that end no "-ed" and follow what did them ("three jets struck ...").
_IRREGULAR_PAST = frozenset(["struck", "hit", "shot", "flew", "fell", "sank", "threw", "tore", "took", "began", "came", "went", "left"])


def _is_plural(word: str) -> bool:
    plain = word.lower().strip(",.;")
    return plain in _PLURALS or plain.endswith("s") and not plain.endswith("ss")


def _counted(rest: str, value: float | None) -> tuple[str, int] | None:
    """The counted thing in the words after a number, and how many characters of ``rest`` it spans."""
    tokens = rest.split()
    bare = [t.lower().strip(",.;") for t in tokens]
    if bare[0] in _CASUALTY_WORDS or bare[0] == "others" and bare[1:2] and bare[1] in _CASUALTY_WORDS:
        return "people", len(tokens[0].rstrip(",.;"))  # "400 wounded", "40 others wounded": people
    if _BEFALLEN.match(" ".join(bare[:3])):
        return "people", 0  # "one was hurt and nine were wounded": the number alone
    words: list[str] = []
    cut_by_a_number = False
    for word, plain in zip(tokens, bare):
        if word.lower() in _STOP or plain in _CASUALTY_WORDS:
            break
        if re.fullmatch(r"[\d,.]+", plain):
            cut_by_a_number = True  # another number counts something else: "two drones fired 4 missiles"
            break
        if words and _is_plural(words[-1]) and (plain.endswith("ed") or plain in _IRREGULAR_PAST):
            break  # the verb after the counted thing: "two aircraft fired", "three jets struck"
        words.append(word)
    # "individuals and entities": a pair of plural nouns is one counted thing
    if "and" in words:
        i = words.index("and")
        pair = words[i - 1 : i + 2] if i > 0 and i + 1 < len(words) else []
        words = words[: i + 2] if pair and pair[0].lower().endswith("s") and pair[2].lower().endswith("s") else words[:i]
    while words and not words[-1][:1].islower():
        words.pop()  # a name after the thing is not the thing
    if not words:
        return None
    head = words[-1].lower()
    if words[0].lower() in _NOT_THINGS or head in _NOT_THINGS or not head.isalpha():
        return None
    if value != 1 and not head.endswith("s") and head not in _PLURALS:
        return None
    if value == 1 and (cut_by_a_number or head.endswith("ed") or head in _MODALS):
        return None  # no noun: "one influential 2009 paper", "a single one budged", "one can"
    unit = head
    if len(words) >= 3 and words[-2].lower() == "and":
        unit = " ".join(w.lower() for w in words[-3:])
    elif head in _VAGUE_HEADS and len(words) >= 2 and words[-2][:1].islower() and words[-2].isalpha() and words[-2] not in _NOT_KINDS:
        unit = f"{words[-2].lower()} {head}"
    end = 0
    for w in words:
        end = rest.index(w, end) + len(w)
    return unit, end


#: Cheap tests that a pattern can match at all; each is implied by the pattern it guards, so
#: skipping the full pattern when its guard fails changes nothing but the time (most sentences
#: have no money, no clock time, often no digit).
_HAS_DIGIT = re.compile(r"\d")
_MAY_BE_MONEY = re.compile(rf"\$|{_alternatives(_CURRENCIES)}", re.IGNORECASE)
_MAY_BE_TIME = re.compile(r"\d\s*[ap]\.?\s?m", re.IGNORECASE)


def _finditer(pattern: re.Pattern[str], guard: re.Pattern[str], sentence: str) -> list[re.Match[str]]:
    return list(pattern.finditer(sentence)) if guard.search(sentence) else []


def find_quantities(sentence: str) -> list[Quantity]:
    """Numbers with units in a sentence, in order: distances, %, money, times, durations, counts."""
    figures = _figures(sentence)
    view = figures.text
    found: list[tuple[int, Quantity]] = []
    # overlaps are judged on the article's own offsets: a date is found in the sentence itself
    taken: list[tuple[int, int]] = [(s, e) for _, s, e in find_date_phrases(sentence) if re.search(r"\d", _)]

    def words(a: int, b: int) -> tuple[int, int, str]:
        start, end = figures.raw(a, b)
        return start, end, sentence[start:end]

    def keep(at: int, end: int, q: Quantity) -> None:
        found.append((at, q))
        taken.append((at, end))

    for m in _finditer(_MEASURED, _HAS_DIGIT, view):
        a, b, text = words(*m.span("text"))
        if _overlaps(a, b, taken):
            continue
        unit, factor = _UNITS[m.group("unit").lower()]
        measure = _measure(unit, view, m.start("text"))
        for num in filter(None, (m.group("num"), m.group("num2"))):
            value = _number(num) * factor
            found.append((a, Quantity(value=_round(value) if factor != 1.0 else value, unit=unit, measure=measure, text=text)))
        taken.append((a, b))
    for m in _finditer(_MONEY, _MAY_BE_MONEY, view):
        group = "text" if m.group("text") else "text2"
        a, b, text = words(*m.span(group))
        if _overlaps(a, b, taken):
            continue
        num = m.group("num") if group == "text" else m.group("num2")
        unit = "USD" if group == "text" else _CURRENCIES[m.group("currency").lower()]
        keep(a, b, Quantity(value=_number(num), unit=unit, measure="money", text=text))
    for m in _finditer(_TIME, _MAY_BE_TIME, view):
        a, b, text = words(*m.span("text"))
        if _overlaps(a, b, taken):
            continue
        text = re.sub(r"^at\s+", "", text, flags=re.IGNORECASE)
        keep(a, b, Quantity(value=None, unit="local time", measure=_measure("local time", view, m.start("text")), text=text))
    for m in _finditer(_DURATION, _HAS_DIGIT, view):
        a, b, text = words(*m.span("text"))
        if _overlaps(a, b, taken) or m.group("num").isdigit() and len(m.group("num")) == 4:
            continue
        unit = _DURATIONS[m.group("unit").lower()]
        value = _number(m.group("num"))
        if m.group("num2"):
            # "two hours and seven minutes": counted in the smaller unit
            small = _DURATIONS[m.group("unit2").lower()]
            per = {("hours", "minutes"): 60, ("days", "hours"): 24, ("minutes", "seconds"): 60}.get((unit, small))
            if per:
                value, unit = value * per + _number(m.group("num2")), small
        keep(a, b, Quantity(value=value, unit=unit, measure="duration", text=text))
    for m in _finditer(_CASUALTY_COUNT, _HAS_DIGIT, view):  # "killing four and wounding others": people
        a, b, text = words(*m.span("text"))
        if not _overlaps(a, b, taken):
            keep(a, b, Quantity(value=_number(m.group("num")), unit="people", measure="count", text=text))
    for m in _finditer(_PART_OF, _HAS_DIGIT, view):  # "six of the eight wagons left the rails": six wagons, of eight
        part, whole = _number(m.group("num")), _number(m.group("whole"))
        thing = _counted(m.group("rest"), whole)
        if thing is None or not thing[1] or part < 2:
            continue  # "one of the two main crossings" counts no crossing
        a, end, text = words(m.start("num"), m.start("rest") + thing[1])
        if not _overlaps(a, end, taken):
            keep(a, end, Quantity(value=part, unit=thing[0], measure="count", text=text))
            found.append((a + 1, Quantity(value=whole, unit=thing[0], measure="count", text=words(m.start("whole"), m.start("rest") + thing[1])[2])))
    for m in _finditer(_COUNT, _HAS_DIGIT, view):  # the words after the number are looked at, not consumed
        num = m.group("num").lower()
        digits = num.replace(",", "")
        if digits.isdigit() and (len(digits) == 4 and "," not in num) or _overlaps(*figures.raw(*m.span("num")), taken):
            continue
        value = _number(num)
        thing = _counted(m.group("rest"), value)
        if thing is None:
            continue
        unit, length = thing
        a, end, text = words(m.start("text"), m.start("rest") + length if length else m.end("num"))
        if _overlaps(a, end, taken):
            continue
        keep(a, end, Quantity(value=value, unit=unit, measure="count", text=text))
    return [q for _, q in sorted(found, key=lambda f: f[0])]


def normalise_quantity(q: Quantity) -> Quantity:
    """One unit per kind: a model's "560 miles" becomes kilometres, "percent" becomes "%".

    The quantity's own words decide when they hold a number and a unit: a model that copied
    "about 560 miles" but wrote 560 km is corrected from the text, not trusted.
    """
    from_text = [f for f in find_quantities(q.text) if f.value is not None and f.unit in {"km", "m", "%", "tons", "kN"}]
    if len(from_text) == 1:
        return q.model_copy(update={"unit": from_text[0].unit, "value": from_text[0].value})
    word = q.unit.strip().lower()
    if word in _UNITS:
        unit, factor = _UNITS[word]
        value = q.value
        if value is not None and factor != 1.0:
            value = _round(value * factor)
        return q.model_copy(update={"unit": unit, "value": value})
    return q
