"""Prompt cache: prompt tokens llama.cpp evaluates with its prefix reuse and without."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from bench.environment import MODEL, SEEDS, median, settings_in, suite_articles
from bench.probes import EvalCounter, Recorder, local_backend
from bench.report import table


def measure(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    from summarise.extract import extract_briefing

    settings = settings_in(tmp)
    backend = local_backend(settings)
    llama = backend.engine.llama
    recorder = Recorder(llama)
    counter = EvalCounter()
    recorder.before = counter.new_completion  # every completion starts with its prompt's eval
    articles = suite_articles(SEEDS)
    per_article: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    try:
        for prompt in args.cache_prompts:
            extract_briefing(articles[-1][1], model=MODEL, prompt=prompt, settings=settings)  # warm
            counter.take()
            for _rep in range(args.repeats):
                for mode, reset in (("reuse", False), ("reset", True)):
                    recorder.reset_first = reset
                    llama.reset()  # each pass starts cold, so the first article pays the same both ways
                    for article_id, article in articles:
                        t0 = time.perf_counter()
                        briefing = extract_briefing(article, model=MODEL, prompt=prompt, settings=settings)
                        wall = time.perf_counter() - t0
                        prompt_eval, generated = counter.take()
                        per_article.setdefault((prompt, article_id, mode), []).append(
                            {
                                "wall_s": wall,
                                "calls": briefing.provenance.calls,
                                "prompt_tokens_sent": briefing.provenance.tokens_in,
                                "prompt_tokens_evaluated": prompt_eval,
                                "generated_tokens_evaluated": generated,
                            }
                        )
    finally:
        recorder.restore()
        counter.restore()
    rows, totals = [], []
    for prompt in args.cache_prompts:
        mine = []
        for article_id, _ in articles:
            reuse, reset = (
                per_article[(prompt, article_id, "reuse")],
                per_article[(prompt, article_id, "reset")],
            )
            ev_reuse = median([r["prompt_tokens_evaluated"] for r in reuse])
            ev_reset = median([r["prompt_tokens_evaluated"] for r in reset])
            mine.append(
                {
                    "prompt": prompt,
                    "article": article_id,
                    "calls": reuse[0]["calls"],
                    "prompt_tokens_sent": reuse[0]["prompt_tokens_sent"],
                    "evaluated_reuse": ev_reuse,
                    "evaluated_reset": ev_reset,
                    "saved_pct": round(100 * (1 - ev_reuse / ev_reset), 1) if ev_reset else 0.0,
                    "wall_reuse_s": median([r["wall_s"] for r in reuse]),
                    "wall_reset_s": median([r["wall_s"] for r in reset]),
                    "wall_runs_reuse_s": [round(r["wall_s"], 3) for r in reuse],
                    "wall_runs_reset_s": [round(r["wall_s"], 3) for r in reset],
                    "counts_per_run_reuse": [(r["calls"], r["prompt_tokens_evaluated"]) for r in reuse],
                    "counts_per_run_reset": [(r["calls"], r["prompt_tokens_evaluated"]) for r in reset],
                }
            )
        total = {"prompt": prompt, "article": "all"}
        total.update(
            {
                k: sum(r[k] for r in mine)
                for k in (
                    "calls",
                    "prompt_tokens_sent",
                    "evaluated_reuse",
                    "evaluated_reset",
                    "wall_reuse_s",
                    "wall_reset_s",
                )
            }
        )
        total["saved_pct"] = (
            round(100 * (1 - total["evaluated_reuse"] / total["evaluated_reset"]), 1)
            if total["evaluated_reset"]
            else 0.0
        )
        total["wall_reuse_s"], total["wall_reset_s"] = (
            round(total["wall_reuse_s"], 3),
            round(total["wall_reset_s"], 3),
        )
        rows.extend(mine)
        totals.append(total)
    return {
        "suite": "evals/seeds",
        "prompts": args.cache_prompts,
        "rows": rows,
        "totals": totals,
    }


def tables(figures: dict[str, Any]) -> list[str]:
    """The markdown tables of the prompt_cache figures."""
    out: list[str] = []
    out.append(
        table(
            [
                "prompt",
                "article",
                "calls",
                "prompt tokens sent",
                "evaluated with reuse",
                "evaluated with reset",
                "saved %",
                "wall reuse s",
                "wall reset s",
            ],
            [
                [
                    x["prompt"],
                    x["article"],
                    x["calls"],
                    x["prompt_tokens_sent"],
                    x["evaluated_reuse"],
                    x["evaluated_reset"],
                    x["saved_pct"],
                    x["wall_reuse_s"],
                    x["wall_reset_s"],
                ]
                for x in [*figures["rows"], *figures["totals"]]
            ],
        )
    )
    return out
