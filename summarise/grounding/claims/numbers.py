"""Numbers as a writer states them, and when a written figure is the article's.

A number is compared by value and unit: 900 km, "900 kilometres" and "559 miles" are one
distance, "$1.5 billion" and "1.5bn dollars" one sum, "two" and "a pair of" one count. A writer
may round ("about 900 km" for 897) but not invent, and a converted distance may be off by the
rounding of its conversion. Years and clock times are read here too: they are figures in the
text before they are dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from text_to_num import find_numbers

from summarise.grounding.quantities import Word

#: A number in digits, with thousands grouped or not.
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TOKEN = re.compile(rf"{NUMBER}|[^\W\d_]+|[^\w\s]")
_DIGITS = re.compile(NUMBER)
_ORDINAL_DIGITS = re.compile(r"\b(?P<n>\d+)(?:st|nd|rd|th)\b")
#: Counting words text2num leaves alone.
_IDIOMS = {"a pair of": 2, "a dozen": 12, "a couple of": 2}
_IDIOM = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in _IDIOMS)})\b", re.IGNORECASE)
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9, "mn": 10**6, "tn": 10**12}
_SCALE_AFTER = re.compile(r"\s*(?P<scale>thousand|million|billion|trillion)\b|(?P<short>bn|mn|tn)\b", re.IGNORECASE)
#: Short scales as news writes them ("1.5bn", "$2tn"): read as the words they stand for.
_SHORT_SCALE = re.compile(r"(?<=\d)\s?(bn|mn|tn)\b", re.IGNORECASE)
_SHORT_WORDS = {"bn": " billion", "mn": " million", "tn": " trillion"}
YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])")
CLOCK = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?\s*(?:(?P<ap>[ap])\.?\s?m\b\.?|(?=\s*(?:GMT|UTC|local time)\b))",
    re.IGNORECASE,
)
#: Units compared by value: the rest (counts of things) are compared by number alone, since a
#: writer says "missiles" for the article's "ballistic missiles".
_MEASURED_UNITS = frozenset(["km", "m", "%", "tons", "kN", "USD", "AUD", "CAD", "HKD", "EUR", "GBP", "JPY", "KRW", "CNY", "INR", "RUB"])
_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400, "weeks": 604800}
#: The units of ``quantities.find_quantities`` whose values are compared (durations among them).
COMPARED_UNITS = _MEASURED_UNITS | set(_SECONDS)
#: Units a writer converts to: a converted figure agrees within the rounding of its conversion.
_CONVERTED = frozenset(["km", "m"])
_KM_PER_MILE = 1.609344
#: What stands between a figure and the same figure in another unit: "560 km (348 mi)".
CONVERTED_ALONGSIDE = re.compile(r"\s*(?:\(|,|or|/)\s*(?:about\s+|some\s+|roughly\s+|around\s+)?")


#: A cheap test that text2num can find a number in words at all (it reads every word otherwise).
_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thir|fif|eigh|twen|forty|hundred|thousand|"
    r"million|billion|trillion|first|second|third|fourth|fifth|sixth|ninth|tenth|twelfth|zero)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: float
    ordinal: bool = False
    in_words: bool = False


def readable(text: str) -> str:
    """``text`` with short scales spelt out ("1.5bn" -> "1.5 billion"); offsets shift, so only
    for texts whose numbers are compared, not located."""
    return _SHORT_SCALE.sub(lambda m: _SHORT_WORDS[m.group(1).lower()], text)


def _decimal(text: str) -> float | None:
    try:
        return float(Decimal(text.replace(",", "")))
    except InvalidOperation:
        return None


def read_numbers(text: str) -> list[Number]:
    """Every number in ``text``, in digits or words, with a scale word after it joined in."""
    found: list[Number] = []
    words = [Word(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)] if _NUMBER_WORD.search(text) else []
    for hit in find_numbers(words, "en", threshold=0.0) if words else []:
        span = words[hit.start : hit.end]
        if span[0].word[0].isdigit() and len(span) == 1:
            continue  # digits are read below, as written
        if any(w.word[-1:].lower() == "s" and not w.word[0].isdigit() for w in span) and not hit.is_ordinal:
            continue  # "hundreds of people", "tens of thousands": no number is stated
        value = float(hit.value)
        if len(span) == 1 and value in _SCALES.values() and not re.search(r"\ban?\s+$", text[: span[0].start]):
            continue  # "several billion": no number is stated
        found.append(Number(span[0].start, span[-1].end, value, ordinal=bool(hit.is_ordinal), in_words=True))
    for m in _DIGITS.finditer(text):
        value = _decimal(m.group(0))
        if value is not None:
            found.append(Number(m.start(), m.end(), value))
    found += [Number(m.start(), m.end(), float(m.group("n")), ordinal=True) for m in _ORDINAL_DIGITS.finditer(text)]
    found += [Number(m.start(), m.end(), float(_IDIOMS[m.group(0).lower()]), in_words=True) for m in _IDIOM.finditer(text)]
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    merged: list[Number] = []
    for n in found:
        if merged and n.start < merged[-1].end:
            continue  # inside a number already read ("21" in "21st")
        scale = _SCALE_AFTER.match(text, n.end)
        if scale and not n.ordinal:
            word = (scale.group("scale") or scale.group("short")).lower()
            n = Number(n.start, scale.end(), n.value * _SCALES[word], in_words=n.in_words)
        merged.append(n)
    return merged


def clock_time(m: re.Match[str]) -> tuple[int, int]:
    """The (hour, minute) of a ``CLOCK`` match, on the 24-hour clock."""
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    ap = (m.group("ap") or "").lower()
    if ap == "p" and hour < 12:
        hour += 12
    elif ap == "a" and hour == 12:
        hour = 0
    return hour, minute


def measured(unit: str, value: float) -> tuple[str, float]:
    """A quantity's unit and value in one unit per kind (durations in seconds)."""
    if unit in _SECONDS:
        return "seconds", value * _SECONDS[unit]
    return unit, value


def agrees(written: float, held: float, unit: str, hedge: str | None = None) -> bool:
    """Whether the writer's figure is the article's: the same, a conversion of it, or what the
    writer's hedge allows: "about 900" for 897, "more than 40" for 41, "nearly 50" for 48. A bare
    50 for the article's 48 is a different number."""
    if abs(written - held) <= 1e-9 * max(1.0, abs(held)):
        return True
    if held == 0 or written <= 0:
        return False
    off = abs(written - held) / abs(held)
    if unit in _CONVERTED and (off <= 0.01 or abs(written - held) <= 1.0):
        return True  # 560 miles is 901 km: the article's 900 km
    # only a round figure is a hedge's: "more than 1,000" for 1,236, never "more than 226" for 265
    mantissa = f"{written:.10g}".replace(".", "").rstrip("0").lstrip("0")
    step = 10.0 ** (len(str(int(written))) - len(mantissa)) if written >= 1 else 1.0
    if hedge is None or step <= 1:
        return False
    if hedge in _HEDGES_UP:
        return written <= held <= written * (1 + _HEDGE_REACH)
    if hedge in _HEDGES_DOWN:
        return written * (1 - _HEDGE_REACH) <= held <= written
    # "about": a round figure near the article's ("1.5 billion" for 1.48 billion)
    return off <= _ROUNDING and round(held / step) * step == written


#: Words a writer hedges a figure with: one way ("more than 40" for 41), the other ("nearly 50"
#: for 48), or both ("about 900" for 897).
_HEDGES_UP = frozenset(["more than", "over", "at least", "just over", "upwards of", "in excess of"])
_HEDGES_DOWN = frozenset(["nearly", "almost", "under", "less than", "fewer than", "just under", "up to", "close to", "as many as", "as much as"])
_HEDGES_ABOUT = frozenset(["about", "approximately", "around", "roughly", "some", "an estimated", "estimated", "circa", "or so"])
_HEDGE_REACH = 0.25
_ROUNDING = 0.05
_HEDGE_WORDS = "|".join(sorted(map(re.escape, _HEDGES_UP | _HEDGES_DOWN | _HEDGES_ABOUT), key=len, reverse=True))
_HEDGE_BEFORE = re.compile(rf"\b(?P<hedge>{_HEDGE_WORDS})\s+(?:\$\s?)?$", re.IGNORECASE)
_HEDGE_START = re.compile(rf"^(?P<hedge>{_HEDGE_WORDS})\s+", re.IGNORECASE)


def hedge_of(text: str, before: str) -> str | None:
    """The hedge on a figure: at the start of its words, or just before them."""
    m = _HEDGE_START.match(text) or _HEDGE_BEFORE.search(before[-24:])
    return m.group("hedge").lower() if m else None


def same_unit(written: str, held: str) -> bool:
    """The same unit; a bare "$" is any dollar ("$10 billion" for 10 billion Australian dollars)."""
    return written == held or (written == "USD" and held in _DOLLARS)


_DOLLARS = frozenset(["USD", "AUD", "CAD", "HKD"])
#: A hedge that opens a quantity's words, dropped to find the words the article writes.
MODIFIER = re.compile(r"^(?:about|approximately|around|roughly|some|nearly|almost|over|under|more than|less than|at least|up to|just over|just under)\s+", re.IGNORECASE)


def as_miles(km: float) -> str:
    """A distance in kilometres as a writer would give it in miles."""
    miles = km / _KM_PER_MILE
    return f"{round(miles):g}" if miles >= 10 else f"{miles:.1f}"
