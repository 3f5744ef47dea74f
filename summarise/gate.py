"""The regression gate: when an eval's figures say "worse", CI must fail, not print a table and pass.

Two questions, one answer each: did a run fall under a floor (``eval run --fail-under
quotes.f1=0.95``), and did run B fall behind run A (``eval compare --fail-on-regression``)? Both
name every field that fell and, where the scores say, every article that got worse, then the CLI
exits with ``GateFailed``'s own code, so a script can tell "extraction got worse" from "the run
broke".

A floor's key is a key of summary.json's ``metrics``: ``quotes.speaker`` (an accuracy) or
``quotes.f1`` (a figure of a field's precision/recall/F1, as ``quotes.precision``,
``quotes.macro_f1``); a bare field (``quotes``) is its F1. A field the suite does not label has no
figure and is not gated (the CLI says so); a key that no suite could have is refused before
anything runs. Lower-is-better counts (``fabricated``) have no floor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from summarise.errors import ConfigError
from summarise.reports import Comparison
from summarise.scoring import ATTRIBUTES, FIELDS

#: The figures of a field with gold items, as summary.json's metrics hold them.
_FIELD_FIGURES = ("precision", "recall", "f1", "macro_precision", "macro_recall", "macro_f1")

#: Every key a floor may name.
FLOOR_KEYS: tuple[str, ...] = tuple(
    key
    for name in FIELDS
    for key in (name, *(f"{name}.{fig}" for fig in _FIELD_FIGURES), *(f"{name}.{attr}" for attr in ATTRIBUTES[name]))
)

@dataclass(frozen=True)
class Floor:
    """``key`` (a metrics key) must be at least ``value``."""

    key: str
    value: float


def parse_floor(text: str) -> Floor:
    """``FIELD=VALUE`` as typed on the command line; a key no suite has is a ConfigError."""
    key, sep, raw = text.partition("=")
    key = key.strip()
    if not sep:
        raise ConfigError(f"--fail-under {text!r}: write FIELD=VALUE, e.g. quotes.f1=0.95")
    if key not in FLOOR_KEYS:
        raise ConfigError(f"--fail-under {text!r}: no field {key!r}; fields: {', '.join(FLOOR_KEYS)}")
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"--fail-under {text!r}: {raw!r} is not a number") from None
    if not 0.0 <= value <= 1.0 or math.isnan(value):
        raise ConfigError(f"--fail-under {text!r}: a floor is a ratio between 0 and 1")
    return Floor(key, value)


def figure(metrics: dict[str, Any], key: str) -> float | None:
    """The figure a floor key names in summary.json's metrics; None when the suite does not label it."""
    if key in metrics:
        value = metrics[key]
        return value["f1"] if isinstance(value, dict) else value
    name, _, fig = key.partition(".")
    value = metrics.get(name)
    return value.get(fig) if isinstance(value, dict) else None


def _articles_under(run: dict[str, Any], key: str, floor: float) -> list[str]:
    """The articles whose own F1 on the floor's field is under it: where to look first.
    Only F1 is kept per article, so an accuracy floor names no article."""
    name, _, fig = key.partition(".")
    if fig not in ("", "f1", "macro_f1"):
        return []
    column = f"{name}_f1"
    return [row["article_id"] for row in run["per_article"] if row.get(column) is not None and row[column] < floor]


def floor_failures(summary: dict[str, Any], floors: list[Floor]) -> list[str]:
    """One line per floor the run fell under, naming its articles under the floor."""
    run = summary["run"]
    lines = []
    for floor in floors:
        value = figure(run["metrics"], floor.key)
        if value is None or value >= floor.value:
            continue
        line = f"{run['suite']}: {floor.key} {value:.4f} < {floor.value:g}"
        articles = _articles_under(run, floor.key, floor.value)
        if articles:
            line += f" (articles under it: {', '.join(articles)})"
        lines.append(line)
    return lines


def unlabelled_floors(summary: dict[str, Any], floors: list[Floor]) -> list[str]:
    """The floor keys this run has no figure for: its suite does not label them."""
    return [f.key for f in floors if figure(summary["run"]["metrics"], f.key) is None]


def regressions(comparison: Comparison, tolerance: float = 0.0) -> list[str]:
    """One line per field that fell from run A to run B by more than ``tolerance`` (a ratio; any
    rise in fabricated quotes counts), then one per article that got worse, with its reasons."""
    lines = []
    for row in comparison.rows:
        delta = row["delta"]
        if delta is None:
            continue
        fell = delta > 0 if row["kind"] == "count" else delta < -tolerance
        if fell:
            lines.append(f"{row['key']}: {row['delta']:+.4f}")
    if lines:
        lines.extend(f"{w['article_id']}: {'; '.join(w['reasons'])}" for w in comparison.worse_articles)
    return lines
