"""How the rules' time grows with the article's length: one line, the same words in paragraphs,
and one run-on "sentence" of quoted terms.

A pasted page can arrive as one 400,000-character line; the rules once split such a line in
time quadratic in its length (51 s for 390,000 characters, 12.6 s in paragraphs). Here a few
invented paragraphs, repeated to 50k/100k/200k/400k characters, are briefed by the rules
(``rules_briefing``: candidates and grounding, no model), joined by a space and by blank lines.
The third layout is a list of short quoted terms with no full stop (a pasted glossary or tag
list): the quote finders read a sentence once per quote in it, which was quadratic in such a
"sentence" (1.4 / 5.4 / 17.0 s for 10k / 20k / 40k characters) until over-long sentences were cut
(``MAX_SENTENCE_CHARS``).
Linear rules keep seconds per 100,000 characters flat across the rows.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from bench.environment import load, median
from bench.report import table

LENGTHS = (50_000, 100_000, 200_000, 400_000)

#: Invented for this measurement: no place, person or body in them exists.
PARAGRAPHS = (
    "VELMORA, June 3, 2031 - The Republic of Tessaly launched two short-range rockets over the Gulf of "
    "Arvin on Tuesday, the coastal defence command said, the third such launch this month.",
    '"We regard this as a reckless act that endangers shipping," said Ilsa Marveno, a spokeswoman for the '
    "Ministry of Maritime Affairs, adding that 14 vessels had changed course.",
    'Analysts said the rockets flew about 420 km before falling into the sea. "They are testing whether the '
    'new launcher works under pressure," said Dorin Keshet, a researcher at the Harbour Institute for Strategy.',
    "The Union of Northern States condemned the launch on Wednesday and called for talks. Foreign Minister "
    "Pell Ardane told reporters that sanctions remained on the table.",
    "Residents of the port town of Sallow said they heard two loud blasts before dawn. \"The windows shook "
    'and the dogs would not stop barking," said Mara Quill, a baker who lives near the harbour. The U.S. '
    "Navy said at 9 a.m. Thursday that it was watching.",
)


def article(chars: int, separator: str) -> str:
    """The invented paragraphs, repeated and joined by ``separator``, cut to ``chars`` characters."""
    parts: list[str] = []
    total = 0
    i = 0
    while total < chars:
        parts.append(PARAGRAPHS[i % len(PARAGRAPHS)])
        total += len(parts[-1]) + len(separator)
        i += 1
    return separator.join(parts)[:chars]


def quoted_terms(chars: int) -> str:
    """An invented opening, then quoted two-word terms joined by commas, cut to ``chars`` characters."""
    words = ("harbour levy", "ferry quota", "tariff band", "lantern fund", "dock permit")
    terms = (f'"{words[i % len(words)]} {i}"' for i in range(chars // 10))
    return ("The Velmora council listed " + ", ".join(terms))[:chars]


#: Each layout's text of a given length.
LAYOUTS = {
    "one line": lambda chars: article(chars, " "),
    "paragraphs": lambda chars: article(chars, "\n\n"),
    "quoted terms, one run-on sentence": quoted_terms,
}


def _seconds(text: str) -> float:
    from summarise.rules import rules_briefing

    t0 = time.perf_counter()
    rules_briefing(text)
    return time.perf_counter() - t0


def measure(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """Seconds of ``rules_briefing`` per length and layout, median of ``--repeats`` runs.

    Each run's text differs by trailing spaces: the rules cache their work per article, and a
    repeat must not be served from that cache.
    """
    _seconds(article(5_000, " "))  # patterns compiled and modules imported before any timing
    rows = []
    for layout, text_of in LAYOUTS.items():
        for chars in LENGTHS:
            text = text_of(chars)
            runs = [_seconds(text + " " * (r + 1)) for r in range(args.repeats)]
            rows.append(
                {
                    "layout": layout,
                    "chars": chars,
                    "seconds": median(runs),
                    "seconds_runs": [round(x, 3) for x in runs],
                    "s_per_100k_chars": round(median(runs) / chars * 100_000, 3),
                    "load": load(),
                }
            )
    return {"rows": rows}


def tables(figures: dict[str, Any]) -> list[str]:
    """The markdown table of the rules' seconds by length and layout."""
    return [
        table(
            ["layout", "characters", "seconds (median)", "runs", "s per 100k characters", "load (1 min)"],
            [
                [r["layout"], f"{r['chars']:,}", r["seconds"], ", ".join(map(str, r["seconds_runs"])), r["s_per_100k_chars"], r["load"]["loadavg_1m"]]
                for r in figures["rows"]
            ],
        )
    ]


if __name__ == "__main__":  # python -m bench.rules_scaling: the table, without touching results.json
    import tempfile

    namespace = argparse.Namespace(repeats=1)
    with tempfile.TemporaryDirectory() as tmp:
        for text in tables(measure(namespace, Path(tmp))):
            print(text)
