"""The figures in a writer's words, and where the article holds each.

A figure with a unit is compared by value in one unit per kind, with the writer's hedge and the
rounding of a conversion allowed (``numbers.agrees``); a figure and the same figure in another
unit ("560 km (348 mi)"), or both ends of a range, are one claim. A bare number is compared by
value alone, a year as a date, a clock time against the article's clock times.
"""

from __future__ import annotations

import re

from summarise.grounding.claims.findings import Finding
from summarise.grounding.claims.holdings import Holdings
from summarise.grounding.claims.numbers import (
    CLOCK,
    COMPARED_UNITS,
    CONVERTED_ALONGSIDE,
    MODIFIER,
    YEAR,
    agrees,
    as_miles,
    clock_time,
    hedge_of,
    measured,
    read_numbers,
    same_unit,
)
from summarise.grounding.quantities import find_quantities


def check_numbers(readable: str, held: Holdings, taken: list[tuple[int, int]]) -> list[Finding]:
    """The figures of ``readable`` (short scales spelt out) and where the article holds each;
    ``taken`` are the spans of dates, whose numbers are checked as dates."""
    findings: list[Finding] = []
    used: list[tuple[int, int]] = []
    measured_spans: list[tuple[int, int]] = []
    for m in CLOCK.finditer(readable):
        if any(s <= m.start() < e for s, e in taken):
            continue
        used.append(m.span())
        spot = held.dates.clocks.get(clock_time(m))
        findings.append(Finding("number", m.group(0).strip(), f"the time {m.group(0).strip()} is not in the article", spot))
    # a figure and the same figure in another unit, "560 km (348 mi)", are one claim; so are
    # both ends of a range, "900 to 950 km"
    groups: list[list[tuple[int, int, str, float, tuple[int, int] | None]]] = []
    for q in find_quantities(readable):
        if q.value is None or q.unit not in COMPARED_UNITS:
            continue
        at = readable.find(q.text)
        if at < 0 or any(a < at + len(q.text) and at < b for a, b in used):
            continue  # a time of day
        unit, value = measured(q.unit, q.value)
        hedge = hedge_of(q.text, readable[:at])
        spot = next((
            (a, b) for u, v, a, b in held.figures.quantities if same_unit(unit, u) and agrees(value, v, unit, hedge)
        ), None)
        # the article's own words, though it counts them otherwise ("2 minutes and 15 seconds")
        spot = spot or held.find(q.text) or held.find(MODIFIER.sub("", q.text))
        entry = (at, at + len(q.text), unit, value, spot)
        last = groups[-1][-1] if groups else None
        if last and (
            (last[0], last[1]) == (at, at + len(q.text))
            or CONVERTED_ALONGSIDE.fullmatch(readable[last[1] : at]) and last[2] == unit and agrees(value, last[3], unit)
        ):
            groups[-1].append(entry)
        else:
            groups.append([entry])
    for group in groups:
        start, end = group[0][0], max(e[1] for e in group)
        if readable[start:end].count("(") > readable[start:end].count(")") and readable[end : end + 1] == ")":
            end += 1
        measured_spans.append((start, end))
        text = readable[start:end]
        spot = None if any(e[4] is None for e in group) else group[0][4]
        shown = text
        if group[0][2] == "km" and len(group) == 1 and not re.search(r"km|kilomet", text, re.IGNORECASE):
            shown = f"{text} ({group[0][3]:g} km)"
        elif group[0][2] == "km" and len(group) == 1:
            shown = f"{text} ({as_miles(group[0][3])} mi)"
        findings.append(Finding("number", text, f"the number {shown} is not in the article", spot))
    used += measured_spans
    for n in read_numbers(readable):
        if any(a < n.end and n.start < b for a, b in used + taken):
            continue
        words = readable[n.start : n.end]
        if not n.in_words and re.search(r"[A-Za-z]-?$", readable[max(0, n.start - 2) : n.start]):
            continue  # part of a name ("Hwasong-20", "G7"): checked as the name
        if n.in_words and n.value == 1 and not n.ordinal:
            continue  # "one of them": a pronoun more often than a count
        if n.ordinal and (re.match(r"\s+of\b", readable[n.end :]) or re.search(r"\bat\s+$", readable[: n.start])):
            continue  # "a third of the fleet", "at first": a share or a manner, not a place in a series
        if not n.ordinal and not n.in_words and YEAR.fullmatch(words):
            spot = held.dates.years.get(int(words)) or held.figures.numbers.get(n.value)
            if spot is None and held.day is not None and held.day.year == int(words):
                spot = (0, 0)  # the article's own year, though its text never writes it: nowhere to point
            findings.append(Finding("date", words, f"the year {words} is not in the article", spot))
            continue
        book = held.figures.ordinals if n.ordinal else held.figures.numbers
        spot = book.get(n.value)
        if spot is None and not n.ordinal:
            hedge = hedge_of("", readable[: n.start])
            spot = next((held.figures.numbers[v] for v in held.figures.numbers if agrees(n.value, v, "", hedge)), None)
        what = "the ordinal" if n.ordinal else "the number"
        findings.append(Finding("number", words, f"{what} {words} is not in the article", spot))
    return findings
