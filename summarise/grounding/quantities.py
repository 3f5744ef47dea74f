"""Quantities: the numbers a sentence gives, in one unit per kind, with what they measure.

Distances are given in kilometres whatever the article used (miles are converted; the text keeps
the article's words, "about 560 miles"), so two briefings of one launch compare; times of day
have no value (the zone is rarely stated); counts take the counted thing as their unit
("two ballistic missiles" counts "missiles"); spans of time count their unit ("73 minutes").
"""

from __future__ import annotations

import re

from summarise.grounding.dates import find_date_phrases
from summarise.schemas import Quantity

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "a dozen": 12, "a pair of": 2, "a single": 1,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: Unit words to (unit, factor to that unit).
_UNITS = {
    "nautical miles": ("km", 1.852), "nautical mile": ("km", 1.852),
    "kilometers": ("km", 1.0), "kilometres": ("km", 1.0), "kilometer": ("km", 1.0), "kilometre": ("km", 1.0),
    "km": ("km", 1.0), "miles": ("km", 1.609344), "mile": ("km", 1.609344),
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
_NUM_WORD = "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
_ANY_NUM = rf"(?:{_NUM}|{_NUM_WORD})"


def _alternatives(words: object) -> str:
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


_MEASURED = re.compile(
    rf"(?<![\w.])(?P<text>{_MODIFIER}(?P<num>{_NUM})(?:\s*(?:to|-|–|and)\s*(?P<num2>{_NUM}))?\s*"
    rf"(?P<scale>thousand|million|billion)?\s*(?:-\s*)?(?P<unit>{_alternatives(_UNITS)}))(?![\w])",
    re.IGNORECASE,
)
_MONEY = re.compile(
    rf"(?P<text>{_MODIFIER}(?:US)?\$\s?(?P<num>{_NUM})\s*(?P<scale>thousand|million|billion|trillion)?)"
    rf"|(?P<text2>{_MODIFIER}(?P<num2>{_NUM})\s*(?P<scale2>thousand|million|billion|trillion)?\s+"
    rf"(?P<currency>{_alternatives(_CURRENCIES)}))(?![\w])",
    re.IGNORECASE,
)
_TIME = re.compile(
    rf"(?P<text>{_MODIFIER}(?:at\s+)?\b(?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
    r"(?:\s*\((?:[^()]{1,20})\))?(?:\s+local time)?)",
    re.IGNORECASE,
)
_DURATION = re.compile(
    rf"(?<![\w$.,:])(?P<text>{_MODIFIER}(?P<num>{_ANY_NUM})(?:\s+|-)(?P<unit>{_alternatives(_DURATIONS)})s?"
    rf"(?:\s+and\s+(?P<num2>{_ANY_NUM})\s+(?P<unit2>{_alternatives(_DURATIONS)})s?)?)(?![\w])",
    re.IGNORECASE,
)
_COUNT = re.compile(
    rf"(?<![\w$.,:])(?P<text>{_MODIFIER}(?P<num>{_NUM_WORD}|\d[\d,]*)\s+)(?=(?P<rest>(?:[\w-]+\s+){{0,4}}[\w-]+))",
    re.IGNORECASE,
)
#: Words that end a counted noun phrase.
_STOP = frozenset(
    ["of", "in", "into", "on", "at", "to", "from", "by", "for", "with", "or", "but", "that", "which", "who", "were", "was", "are", "is", "be", "been", "as", "than", "had", "have", "has", "after", "before", "during", "since", "until", "off", "over", "under", "per", "each", "more", "less", "the", "a", "an", "its", "their", "his", "her", "this", "those", "these"]
)
#: Counted words that are not things: units, ordinals, scales.
_NOT_THINGS = frozenset(
    ["times", "time", "percent", "per", "cent", "miles", "mile", "km", "kilometers", "kilometres", "meters", "metres", "feet", "tons", "tonnes", "million", "billion", "thousand", "dollars", "euros", "pounds", "yen", "won", "yuan"]
) | frozenset(_DURATIONS) | frozenset(_DURATIONS.values())
#: Plurals that do not end in "s".
_PLURALS = frozenset(["aircraft", "people", "personnel", "police", "children", "men", "women", "crew", "staff", "fish", "sheep", "deer", "series"])
#: Heads too vague to stand alone: the word before them is part of the thing ("crew members").
_VAGUE_HEADS = frozenset(["members", "boats", "vessels", "cables", "events", "entities", "units", "sites", "workers", "lines"])
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
    word = text.lower()
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word])
    return float(text.replace(",", ""))


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


def _counted(rest: str, value: float | None) -> tuple[str, int] | None:
    """The counted thing in the words after a number, and how many characters of ``rest`` it spans."""
    words: list[str] = []
    for word in rest.split():
        if word.lower() in _STOP:
            break
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
    unit = head
    if len(words) >= 3 and words[-2].lower() == "and":
        unit = " ".join(w.lower() for w in words[-3:])
    elif head in _VAGUE_HEADS and len(words) >= 2 and words[-2][:1].islower() and words[-2].isalpha():
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
    found: list[tuple[int, Quantity]] = []
    taken: list[tuple[int, int]] = [(s, e) for _, s, e in find_date_phrases(sentence) if re.search(r"\d", _)]

    def keep(at: int, end: int, q: Quantity) -> None:
        found.append((at, q))
        taken.append((at, end))

    for m in _finditer(_MEASURED, _HAS_DIGIT, sentence):
        a, b = m.span("text")
        if _overlaps(a, b, taken):
            continue
        unit, factor = _UNITS[m.group("unit").lower()]
        scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
        measure = _measure(unit, sentence, a)
        for num in filter(None, (m.group("num"), m.group("num2"))):
            value = _number(num) * scale * factor
            found.append((a, Quantity(value=_round(value) if factor != 1.0 else value, unit=unit, measure=measure, text=m.group("text"))))
        taken.append((a, b))
    for m in _finditer(_MONEY, _MAY_BE_MONEY, sentence):
        text = m.group("text") or m.group("text2")
        a, b = m.span("text") if m.group("text") else m.span("text2")
        if _overlaps(a, b, taken):
            continue
        num, scale = (m.group("num"), m.group("scale")) if m.group("text") else (m.group("num2"), m.group("scale2"))
        unit = "USD" if m.group("text") else _CURRENCIES[m.group("currency").lower()]
        keep(a, b, Quantity(value=_number(num) * _SCALES.get((scale or "").lower(), 1.0), unit=unit, measure="money", text=text))
    for m in _finditer(_TIME, _MAY_BE_TIME, sentence):
        a, b = m.span("text")
        if _overlaps(a, b, taken):
            continue
        text = re.sub(r"^at\s+", "", m.group("text"), flags=re.IGNORECASE)
        keep(a, b, Quantity(value=None, unit="local time", measure=_measure("local time", sentence, a), text=text))
    for m in _DURATION.finditer(sentence):
        a, b = m.span("text")
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
        keep(a, b, Quantity(value=value, unit=unit, measure="duration", text=m.group("text")))
    for m in _COUNT.finditer(sentence):  # the words after the number are looked at, not consumed
        a = m.start("text")
        num = m.group("num").lower()
        digits = num.replace(",", "")
        if digits.isdigit() and (len(digits) == 4 and "," not in num) or _overlaps(m.start("num"), m.end("num"), taken):
            continue
        value = _number(num)
        thing = _counted(m.group("rest"), value)
        if thing is None:
            continue
        unit, length = thing
        end = m.start("rest") + length
        if _overlaps(a, end, taken):
            continue
        keep(a, end, Quantity(value=value, unit=unit, measure="count", text=sentence[a:end]))
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
