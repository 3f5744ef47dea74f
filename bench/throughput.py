"""Throughput: run_eval against llama_cpp.server at several concurrencies."""

from __future__ import annotations

import argparse
import dataclasses
import statistics
from pathlib import Path
from typing import Any

from bench.environment import NEWSDESK, ROOT, SEEDS, SERVED_NAME, load, load_suite_at, settings_in
from bench.probes import TimedExtract
from bench.report import read_results, save_partial, table
from bench.server import llama_server, server_limit, server_work

CONCURRENCY_LEVELS = (1, 2, 4, 8)


def measure(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    from summarise.reports import read_results as read_run
    from summarise.runs import run_eval

    suite_dir = NEWSDESK if args.suite == "newsdesk" else SEEDS
    suite = load_suite_at(suite_dir)
    if args.articles:
        suite = dataclasses.replace(suite, items=suite.items[: args.articles])
    levels: list[dict[str, Any]] = []
    figures: dict[str, Any] = {
        "suite": f"{suite_dir.relative_to(ROOT)} (first {len(suite.items)} articles)",
        "server": "python -m llama_cpp.server --n_ctx 8192 --n_threads 2 --n_threads_batch 2 (loopback)",
        "levels": levels,
        "note": "llama_cpp.server holds one Llama behind a lock (llama_cpp/server/app.py get_llama_proxy): "
        "requests are served one at a time, so concurrency overlaps only the client side "
        "(rendering, HTTP, validation, grounding) with the model's work, and interleaves "
        "articles, which spoils the server's prefix reuse between calls of one article.",
    }
    previous = read_results().get("throughput") or {}
    levels.extend(row for row in previous.get("figures", {}).get("levels", []) if row["prompt"] not in args.prompts)
    log = tmp / "server.log"
    with llama_server(log) as url:
        settings = settings_in(tmp, base_url=url)
        figures["server_limit"] = server_limit(url, settings, args.repeats)
        for prompt in args.prompts:
            for concurrency in args.levels:
                for rep in range(args.throughput_repeats):
                    timed = TimedExtract()
                    run_dir = tmp / f"run_{prompt}_{concurrency}_{rep}"
                    offset = len(log.read_text(errors="replace"))
                    load_now = load()
                    run_eval(
                        suite,
                        model=f"openai/{SERVED_NAME}",
                        prompt=prompt,
                        settings=settings,
                        run_dir=run_dir,
                        concurrency=concurrency,
                        use_cache=False,
                        extract_fn=timed,
                    )
                    busy_s, requests, evaluated = server_work(log, offset)
                    lines = list(read_run(run_dir).values())
                    wall = max(e for _, e in timed.spans) - min(s for s, _ in timed.spans)
                    provs = timed.provenances
                    levels.append(
                        {
                            "prompt": prompt,
                            "concurrency": concurrency,
                            "rep": rep,
                            "articles": len(lines),
                            "errors": sum(1 for x in lines if x.get("error")),
                            "wall_s": round(wall, 2),
                            "articles_per_min": round(60 * len(lines) / wall, 2),
                            "mean_article_latency_s": round(statistics.mean(e - s for s, e in timed.spans), 2),
                            "calls": sum(p.calls for p in provs),
                            "tokens_in": sum(p.tokens_in for p in provs),
                            "tokens_out": sum(p.tokens_out for p in provs),
                            "server_requests": requests,
                            "server_prompt_tokens_evaluated": evaluated,
                            "server_busy_s": round(busy_s, 2),
                            "server_busy_pct": round(100 * busy_s / wall, 1),
                            "server_bound_articles_per_min": round(60 * len(lines) / busy_s, 2) if busy_s else None,
                            "load_before": load_now,
                            "load_after": load(),
                        }
                    )
                    save_partial("throughput", figures)
    return figures


def tables(figures: dict[str, Any]) -> list[str]:
    """The markdown tables of the throughput figures."""
    out: list[str] = []
    lim = figures["server_limit"]
    out.append(
        table(
            ["server, one request", "tokens/s", "tokens"],
            [
                [
                    "generation, BriefingDraft grammar",
                    lim["generation_tok_s_with_grammar"],
                    lim["generation_tokens_with_grammar"],
                ],
                [
                    "generation, free (EOS banned)",
                    lim["generation_tok_s_free"],
                    lim["generation_tokens_free"],
                ],
                [
                    "prompt processing (no prefix reuse)",
                    lim["prompt_tok_s"],
                    lim["prompt_tokens"],
                ],
            ],
        )
    )
    out.append(
        table(
            [
                "prompt",
                "concurrency",
                "rep",
                "articles",
                "errors",
                "wall s",
                "articles/min",
                "mean latency s",
                "calls",
                "tokens in",
                "server evaluated",
                "tokens out",
                "server busy s",
                "server busy %",
                "server-bound articles/min",
                "load 1m before/after",
            ],
            [
                [
                    x["prompt"],
                    x["concurrency"],
                    x["rep"],
                    x["articles"],
                    x["errors"],
                    x["wall_s"],
                    x["articles_per_min"],
                    x["mean_article_latency_s"],
                    x["calls"],
                    x["tokens_in"],
                    x.get("server_prompt_tokens_evaluated", ""),
                    x["tokens_out"],
                    x["server_busy_s"],
                    x["server_busy_pct"],
                    x["server_bound_articles_per_min"],
                    f"{x['load_before']['loadavg_1m']}/{x['load_after']['loadavg_1m']}",
                ]
                for x in figures["levels"]
            ],
        )
    )
    out.append(figures["note"])
    return out
