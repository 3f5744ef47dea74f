"""The README's quality table printer: pooled accuracies by default, per-article means with --macro.

A run's summary.json is written here by hand with the two shapes the printer reads: the pooled
figures under "metrics" and the suite score's per-field "accuracy_macro".
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _side(model: str, pooled: float, macro: float) -> dict:
    return {
        "suite": "tiny",
        "model": model,
        "prompt": "briefing@v2",
        "errors": 0,
        "latency_p50_s": 0.1,
        "metrics": {
            "fabricated": 0,
            "quotes": {"f1": 0.9, "macro_f1": 0.8, "precision": 1.0, "recall": 0.8},
            "quotes.speaker": pooled,
        },
        "scores": {"fields": {"quotes": {"accuracy_macro": {"speaker": macro}}}},
    }


def _table(tmp_path: Path, *flags: str) -> list[list[str]]:
    run = tmp_path / "run"
    run.mkdir(parents=True)
    summary = {"run": _side("local/smollm2-135m", 0.75, 0.5), "baseline": _side("rules", 0.9, 0.95)}
    (run / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "eval_table.py"), *flags, str(run)],
        capture_output=True, text=True, check=True,
    ).stdout
    return [[c.strip() for c in line.strip("|").split("|")] for line in out.splitlines()[2:]]


def test_accuracies_are_pooled_by_default_and_per_article_means_with_macro(tmp_path: Path) -> None:
    pooled = _table(tmp_path / "a")
    macro = _table(tmp_path / "b", "--macro")
    speaker = 5  # suite, model, prompt, fabricated, quotes F1, speaker acc
    assert [(r[1], r[speaker]) for r in pooled] == [("rules", "0.90"), ("local/smollm2-135m", "0.75")]
    assert [(r[1], r[speaker]) for r in macro] == [("rules", "0.95"), ("local/smollm2-135m", "0.50")]
    assert [r[4] for r in macro] == ["0.80", "0.80"]  # F1 stays macro over articles either way
