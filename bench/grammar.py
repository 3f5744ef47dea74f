"""Constrained decoding: the BriefingDraft grammar against free generation."""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import time
from pathlib import Path
from typing import Any

from bench.environment import ARTICLE, MODEL, median, settings_in
from bench.probes import Recorder, local_backend
from bench.report import table


def _eos_bias(llama: Any) -> dict[str, float]:
    return {str(llama.token_eos()): -1e9}


def measure(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    from llama_cpp.llama_grammar import LlamaGrammar

    from summarise.articles import read_article
    from summarise.extract import extract_briefing

    settings = settings_in(tmp)
    backend = local_backend(settings)
    llama = backend.engine.llama
    recorder = Recorder(llama)
    try:
        extract_briefing(
            read_article(str(ARTICLE)),
            model=MODEL,
            prompt="briefing@v1",
            settings=settings,
        )
        request = copy.deepcopy(recorder.requests[0])
    finally:
        recorder.restore()
    schema = json.dumps(request["tools"][0]["function"]["parameters"])
    builds = []
    for _ in range(max(5, args.repeats)):
        t0 = time.perf_counter()
        grammar = LlamaGrammar.from_json_schema(schema, verbose=False)
        builds.append(time.perf_counter() - t0)
    grammar_rules = len(grammar._grammar.splitlines()) if hasattr(grammar, "_grammar") else None

    def run(kwargs: dict[str, Any]) -> tuple[float, int, int]:
        llama.create_chat_completion(**{**kwargs, "max_tokens": 1})  # put the prompt in the cache
        t0 = time.perf_counter()
        reply = llama.create_chat_completion(**copy.deepcopy(kwargs))
        return (
            time.perf_counter() - t0,
            reply["usage"]["completion_tokens"],
            reply["usage"]["prompt_tokens"],
        )

    constrained = {**request, "max_tokens": args.max_tokens}
    free = {k: v for k, v in request.items() if k not in ("tools", "tool_choice")}
    free["max_tokens"] = args.max_tokens
    free_no_eos = {**free, "logit_bias": _eos_bias(llama)}
    results: dict[str, list[tuple[float, int, int]]] = {}
    for _rep in range(args.repeats):
        results.setdefault("grammar", []).append(run(constrained))
        same = {
            **free_no_eos,
            "max_tokens": results["grammar"][-1][1],
        }  # as many tokens as the grammar run made
        results.setdefault("free, EOS banned, same tokens as grammar", []).append(run(same))
        results.setdefault("free", []).append(run(free))
        results.setdefault("free, EOS banned", []).append(run(free_no_eos))
    build_s = statistics.median(builds)
    rows = []
    for name, runs in results.items():
        walls = [w for w, _, _ in runs]
        tokens = runs[-1][1]
        gen_s = [w - (build_s if name == "grammar" else 0) for w in walls]
        rows.append(
            {
                "variant": name,
                "completion_tokens": tokens,
                "prompt_tokens": runs[-1][2],
                "wall_median_s": median(walls),
                "tok_s": median([n / w for w, n, _ in runs]),
                "tok_s_excluding_grammar_build": median([n / g for (_, n, _), g in zip(runs, gen_s)]),
                "ms_per_token": round(
                    1000 * statistics.median(g / n for (_, n, _), g in zip(runs, gen_s)),
                    2,
                ),
                "runs_s": [round(w, 3) for w in walls],
            }
        )
    by = {r["variant"]: r for r in rows}
    cost = round(
        100 * (by["grammar"]["ms_per_token"] / by["free, EOS banned, same tokens as grammar"]["ms_per_token"] - 1),
        1,
    )
    return {
        "max_tokens": args.max_tokens,
        "schema_chars": len(schema),
        "grammar_rules": grammar_rules,
        "grammar_build_ms_median": round(build_s * 1000, 2),
        "grammar_build_ms_runs": [round(b * 1000, 2) for b in builds],
        "rows": rows,
        "per_token_cost_of_grammar_pct": cost,
        "note": "llama-cpp-python builds the grammar anew on every call with a forced tool_choice "
        "(llama_chat_format.py, chat_formatter_to_chat_completion_handler); prompt cached before each timed run.",
    }


def tables(figures: dict[str, Any]) -> list[str]:
    """The markdown tables of the grammar figures."""
    out: list[str] = []
    out.append(
        f"Grammar build (LlamaGrammar.from_json_schema of the BriefingDraft tool, {figures['schema_chars']} "
        f"schema chars): median {figures['grammar_build_ms_median']} ms over {len(figures['grammar_build_ms_runs'])} builds."
    )
    out.append(
        table(
            [
                "variant",
                "completion tokens",
                "wall median s",
                "tokens/s",
                "tokens/s without build",
                "ms/token",
                "runs s",
            ],
            [
                [
                    x["variant"],
                    x["completion_tokens"],
                    x["wall_median_s"],
                    x["tok_s"],
                    x["tok_s_excluding_grammar_build"],
                    x["ms_per_token"],
                    x["runs_s"],
                ]
                for x in figures["rows"]
            ],
        )
    )
    out.append(
        f"Per-token cost of the grammar against free generation of as many tokens (EOS banned): {figures['per_token_cost_of_grammar_pct']}%."
    )
    return out
