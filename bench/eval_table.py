"""Print the README's quality table from eval run folders: the rules baseline, then each run.

    python bench/eval_table.py [--macro] runs/<seeds run> runs/<newsdesk run> ...

Figures come from summary.json. F1 is macro over articles; accuracies are pooled over matched
items, or with --macro the mean of each article's own accuracy (articles with nothing to judge
left out), so that an article with many quotes weighs no more than one with few: the way the
targets of the real-text work are set.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

COLUMNS = [
    ("fabricated", "fabricated quotes", None),
    ("quotes", "quotes F1", "macro_f1"),
    ("quotes.speaker", "speaker acc", None),
    ("quotes.speaker_type", "speaker type acc", None),
    ("quotes.analyst", "analysts typed", None),
    ("actors", "actors F1", "macro_f1"),
    ("events", "events F1", "macro_f1"),
    ("events", "events P", "macro_precision"),
    ("events", "events R", "macro_recall"),
    ("events.date", "date acc", None),
]


def _cell(side: dict, key: str, part: str | None, macro: bool) -> str:
    metrics = side["metrics"]
    value = metrics.get(key)
    if macro and part is None and "." in key:
        name, attr = key.split(".")
        value = side["scores"]["fields"].get(name, {}).get("accuracy_macro", {}).get(attr)
    if isinstance(value, dict):
        value = value.get(part or "f1")
    if value is None:
        return "–"
    return str(value) if isinstance(value, int) else f"{value:.2f}"


def main(args: list[str]) -> None:
    macro = "--macro" in args
    paths = [a for a in args if a != "--macro"]
    header = ["suite", "model", "prompt", *[c[1] for c in COLUMNS], "failed", "latency p50 s"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    seen: set[str] = set()
    for path in paths:
        summary = json.loads((Path(path) / "summary.json").read_text())
        sides = [summary["run"]]
        if summary["run"]["suite"] not in seen and summary.get("baseline"):
            sides.insert(0, summary["baseline"])
        seen.add(summary["run"]["suite"])
        for side in sides:
            prompt = side["prompt"] if side["model"] != "rules" else "–"
            cells = [_cell(side, key, part, macro) for key, _, part in COLUMNS]
            print(f"| {side['suite']} | {side['model']} | {prompt} | " + " | ".join(cells)
                  + f" | {side['errors']} | {side['latency_p50_s']} |")


if __name__ == "__main__":
    main(sys.argv[1:])
