"""Overhead: a toolkit briefing against a bare create_chat_completion with the same request."""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.environment import ARTICLE, MODEL, NEWSDESK, ROOT, median, settings_in, suite_articles
from bench.probes import Recorder, completion_tokens, local_backend
from bench.report import table

OVERHEAD_TARGET_PCT = 5.0
#: Articles of the batch mode: distinct articles, so nothing cached by article text helps.
BATCH_ARTICLES = 8


def _time_pieces(article: Any, settings: Any, backend: Any, repeats: int = 20) -> dict[str, float]:
    """The toolkit's own steps, each timed alone (median ms)."""
    from summarise.call import check_fits
    from summarise.extract import get_backend
    from summarise.grounding import article_date
    from summarise.prompts import load_prompt

    prompt = load_prompt("briefing@v1")
    messages = prompt.render(article=article.text)

    def ms(fn: Callable[[], Any]) -> float:
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
        return round(statistics.median(times) * 1000, 3)

    return {
        "load_prompt (lru-cached)": ms(lambda: load_prompt("briefing@v1")),
        "prompt.render (template compiled once)": ms(lambda: prompt.render(article=article.text)),
        "prompt.hash (read once per loaded prompt)": ms(lambda: prompt.hash),
        "check_fits (tokenises the messages)": ms(lambda: check_fits(backend, messages, 1024, article)),
        "get_backend lookup (settings JSON key)": ms(lambda: get_backend(backend.spec, settings)),
        "article_date (cached per article text)": ms(lambda: article_date(article.text)),
    }


def _profile_toolkit(article: Any, settings: Any, top: int = 15) -> list[dict[str, Any]]:
    """Where a warm toolkit call spends time outside llama.cpp (cProfile, own time, top functions)."""
    import cProfile
    import pstats

    from summarise.extract import extract_briefing

    profiler = cProfile.Profile()
    profiler.enable()
    extract_briefing(article, model=MODEL, prompt="briefing@v1", settings=settings)
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = []
    for (filename, line, name), (
        _cc,
        ncalls,
        tottime,
        cumtime,
        _callers,
    ) in stats.stats.items():  # type: ignore[attr-defined]
        if "llama_cpp" in filename or filename.startswith("~"):
            continue
        short = filename.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
        rows.append(
            {
                "function": f"{short}:{line}({name})",
                "calls": ncalls,
                "own_ms": round(tottime * 1000, 2),
                "cumulative_ms": round(cumtime * 1000, 2),
            }
        )
    return sorted(rows, key=lambda r: -r["own_ms"])[:top]


def measure(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    from summarise.articles import read_article
    from summarise.extract import extract_briefing

    settings = settings_in(tmp)
    article = read_article(str(ARTICLE))
    started = time.perf_counter()
    backend = local_backend(settings)
    load_s = time.perf_counter() - started
    recorder = Recorder(backend.engine.llama)
    try:
        extract_briefing(article, model=MODEL, prompt="briefing@v1", settings=settings)  # warm: imports, first eval
        batch = [a for _, a in suite_articles(NEWSDESK)][:BATCH_ARTICLES]
        modes = []
        for prompt, mode, reset, articles in (
            (
                "briefing@v1",
                "prompt prefix cached (warm, as in a batch of the same article)",
                False,
                [article],
            ),
            (
                "briefing@v1",
                "llama.reset() before each call (whole prompt evaluated)",
                True,
                [article],
            ),
            ("briefing@v2", "grounded, small calls, prefix cached", False, [article]),
            ("briefing@v2", f"a batch: the first {len(batch)} newsdesk articles, one briefing each", False, batch),
        ):
            extract_briefing(article, model=MODEL, prompt=prompt, settings=settings)  # warm this prompt
            recorder.reset_first = reset
            toolkit, inner, bare, timings, tokens = [], [], [], [], []
            for rep in range(args.overhead_repeats):
                order = ("toolkit", "bare") if rep % 2 == 0 else ("bare", "toolkit")
                for side in order:
                    if side == "toolkit":
                        recorder.clear()
                        t0 = time.perf_counter()
                        briefings = [extract_briefing(a, model=MODEL, prompt=prompt, settings=settings) for a in articles]
                        toolkit.append(time.perf_counter() - t0)
                        inner.append(sum(recorder.inner_s))
                        requests = copy.deepcopy(recorder.requests)
                        toolkit_tokens = completion_tokens(recorder.replies)
                        timings.append(
                            {k: sum(b.provenance.timings[k] for b in briefings) for k in briefings[0].provenance.timings}
                        )
                    else:  # the requests of the latest toolkit call, replayed bare
                        replies = []
                        t0 = time.perf_counter()
                        for kwargs in requests:
                            if reset:
                                backend.engine.llama.reset()
                            replies.append(recorder.bare(**copy.deepcopy(kwargs)))
                        bare.append(time.perf_counter() - t0)
                        bare_tokens = completion_tokens(replies)
                tokens.append((toolkit_tokens, bare_tokens, len(requests)))
            med_t, med_b = statistics.median(toolkit), statistics.median(bare)
            outside = [t - i for t, i in zip(toolkit, inner)]
            outside_pct = 100 * statistics.median(o / i for o, i in zip(outside, inner))
            modes.append(
                {
                    "prompt": prompt,
                    "mode": mode,
                    "toolkit_s": [round(x, 4) for x in toolkit],
                    "bare_s": [round(x, 4) for x in bare],
                    "inside_llama_s": [round(x, 4) for x in inner],
                    "toolkit_median_s": round(med_t, 4),
                    "bare_median_s": round(med_b, 4),
                    "ab_overhead_s": round(med_t - med_b, 4),
                    "ab_overhead_pct": round(100 * (med_t - med_b) / med_b, 2),
                    "outside_llama_median_s": median(outside),
                    "outside_llama_pct": round(outside_pct, 2),
                    "meets_target": outside_pct < OVERHEAD_TARGET_PCT,
                    "provenance_timings_median": {k: median([t[k] for t in timings]) for k in timings[0]},
                    "briefings": len(articles),
                    "calls_per_briefing": round(tokens[-1][2] / len(articles), 2),
                    "completion_tokens_toolkit_vs_bare": tokens,
                    "same_tokens": all(a == b for a, b, _ in tokens),
                }
            )
        recorder.reset_first = False
        recorder.clear()
        extract_briefing(article, model=MODEL, prompt="briefing@v1", settings=settings)
        request = recorder.requests[0]
        request_summary = {
            "keys": sorted(request),
            "messages": len(request["messages"]),
            "tool": request.get("tools", [{}])[0].get("function", {}).get("name"),
            "tool_choice": request.get("tool_choice"),
            "max_tokens": request.get("max_tokens"),
            "schema_chars": len(json.dumps(request.get("tools", []))),
        }
        pieces = _time_pieces(article, settings, backend)
        profile = _profile_toolkit(article, settings)
    finally:
        recorder.restore()
    return {
        "model_load_s": round(load_s, 3),
        "modes": modes,
        "request": request_summary,
        "toolkit_pieces_ms": pieces,
        "profile_outside_llama": profile,
    }


def tables(figures: dict[str, Any]) -> list[str]:
    """The markdown tables of the overhead figures."""
    out: list[str] = []
    out.append(
        table(
            [
                "prompt",
                "mode",
                "briefings",
                "calls a briefing",
                "toolkit median s",
                "bare replay median s",
                "A/B overhead %",
                "toolkit outside llama.cpp s",
                "outside %",
                f"< {OVERHEAD_TARGET_PCT}%",
                "model_s",
                "toolkit_s",
                "grounding_s",
                "same tokens",
            ],
            [
                [
                    m["prompt"],
                    m["mode"],
                    m.get("briefings", 1),
                    m["calls_per_briefing"],
                    m["toolkit_median_s"],
                    m["bare_median_s"],
                    m["ab_overhead_pct"],
                    m["outside_llama_median_s"],
                    m["outside_llama_pct"],
                    "yes" if m["meets_target"] else "NO",
                    m["provenance_timings_median"].get("model_s"),
                    m["provenance_timings_median"].get("toolkit_s"),
                    m["provenance_timings_median"].get("grounding_s"),
                    m["same_tokens"],
                ]
                for m in figures["modes"]
            ],
        )
    )
    out.append(
        table(
            ["toolkit step (timed alone)", "median ms"],
            list(figures["toolkit_pieces_ms"].items()),
        )
    )
    out.append(
        table(
            [
                "function (outside llama.cpp, one warm call)",
                "calls",
                "own ms",
                "cumulative ms",
            ],
            [
                [p["function"], p["calls"], p["own_ms"], p["cumulative_ms"]]
                for p in figures["profile_outside_llama"][:10]
            ],
        )
    )
    return out
