"""Throughput against a server that batches: llama.cpp's own ``llama-server`` with parallel slots.

``python -m llama_cpp.server`` (bench/throughput.py) serves one request at a time, so it cannot
show whether the toolkit keeps a batching server busy. ``llama-server --parallel N`` decodes up
to N sequences in one batch. For each concurrency the toolkit's batch eval runs; then the exact
requests it sent are replayed bare (one HTTP client and nothing else) at the same concurrency,
each article's calls in their order. The bare replay is the server's own limit for this work,
and toolkit / bare says how near the toolkit comes to it.

Every run (toolkit or bare) gets a freshly started server, so none reuses another's cached
prompts: within a run the server caches as it would in a batch of new articles.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shlex
import statistics
import sys
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench.environment import NEWSDESK, ROOT, SEEDS, SERVED_NAME, load, load_suite_at, settings_in
from bench.probes import TimedExtract
from bench.report import read_results, save_partial, table
from bench.server import batching_server

#: Where ``make llama-server`` leaves the binary (built from the llama.cpp inside llama-cpp-python's sdist).
DEFAULT_BINARY = ROOT / ".cache" / "llama.cpp" / "build" / "bin" / "llama-server"
SLOTS = 8
CTX_PER_SLOT = 4096
_METRICS = ("prompt_tokens_total", "tokens_predicted_total")


def server_binary(args: argparse.Namespace) -> Path:
    path = Path(args.llama_server or os.environ.get("LLAMA_SERVER") or DEFAULT_BINARY)
    if not path.is_file():
        raise SystemExit(f"no llama-server at {path}: `make llama-server` builds it from llama-cpp-python's sources")
    return path


class _Recording(TimedExtract):
    """An extract_fn that also keeps, per article, the chat-completion bodies its briefing posted."""

    def __init__(self) -> None:
        super().__init__()
        self.bodies: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._local = threading.local()

    def __call__(self, article: Any, *, model: str, prompt: str, settings: Any) -> Any:
        self._local.key = article.source
        try:
            return super().__call__(article, model=model, prompt=prompt, settings=settings)
        finally:
            self._local.key = None

    def note(self, request: Any) -> None:
        key = getattr(self._local, "key", None)
        if key and request.url.path.endswith("/chat/completions"):
            self.bodies[key].append(json.loads(request.content))


def _patched_send(recording: _Recording) -> Any:
    """Patch ``httpx2.Client.send`` (the OpenAI client's transport) to note each request; returns the undo."""
    import httpx2

    original = httpx2.Client.send

    def send(client: Any, request: Any, **kwargs: Any) -> Any:
        recording.note(request)
        return original(client, request, **kwargs)

    httpx2.Client.send = send  # type: ignore[method-assign]
    return lambda: setattr(httpx2.Client, "send", original)


def _metrics(url: str) -> dict[str, float]:
    import httpx2

    text = httpx2.get(url.removesuffix("/v1") + "/metrics", timeout=10).text
    found = {}
    for name in _METRICS:
        m = re.search(rf"^llamacpp:{name}\s+([\d.e+]+)", text, re.MULTILINE)
        found[name] = float(m.group(1)) if m else 0.0
    return found


def _replay(url: str, bodies: list[list[dict[str, Any]]], concurrency: int) -> dict[str, Any]:
    """Post each article's bodies in order, ``concurrency`` articles at a time; nothing else."""
    import httpx2

    client = httpx2.Client(timeout=600, limits=httpx2.Limits(max_connections=concurrency))
    tokens_out: list[int] = []
    errors: list[str] = []

    def one(article_bodies: list[dict[str, Any]]) -> None:
        for body in article_bodies:
            reply = client.post(f"{url}/chat/completions", json=body)
            if reply.status_code != 200:
                errors.append(f"{reply.status_code}: {reply.text[:120]}")
                return
            tokens_out.append(int(reply.json().get("usage", {}).get("completion_tokens", 0)))

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, bodies))
    wall = time.perf_counter() - started
    client.close()
    return {"wall_s": wall, "tokens_out": sum(tokens_out), "errors": errors}


def measure(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    from summarise.reports import read_results as read_run
    from summarise.runs import run_eval

    command = "python bench/run.py " + shlex.join(sys.argv[1:])  # kept per row: rows of other prompts stay

    binary = server_binary(args)
    suite_dir = NEWSDESK if args.suite == "newsdesk" else SEEDS
    suite = load_suite_at(suite_dir)
    if args.articles:
        suite = dataclasses.replace(suite, items=suite.items[: args.articles])
    threads = args.server_threads or os.cpu_count() or 1
    levels: list[dict[str, Any]] = []
    figures: dict[str, Any] = {
        "suite": f"{suite_dir.relative_to(ROOT)} (first {len(suite.items)} articles)",
        "server": f"llama-server --parallel {SLOTS} --ctx-size {SLOTS * CTX_PER_SLOT} --threads {threads} "
        f"--threads-batch {threads} --jinja (loopback, llama.cpp from llama-cpp-python's sdist)",
        "levels": levels,
    }
    previous = read_results().get("batching") or {}
    levels.extend(row for row in previous.get("figures", {}).get("levels", []) if row["prompt"] not in args.prompts)
    # warm the client side (instructor and openai imports, first-call set-up) on a throwaway server,
    # or the first timed run pays ~2 s that no later article does
    with batching_server(binary, tmp / "server_warm.log", SLOTS, CTX_PER_SLOT, threads) as url:
        from summarise.extract import extract_briefing

        extract_briefing(suite.items[0].article, model=f"llamacpp/{SERVED_NAME}", prompt=args.prompts[0],
                         settings=settings_in(tmp, base_url=url))
    run = 0
    for prompt in args.prompts:
        for concurrency in args.levels:
            for rep in range(args.throughput_repeats):
                run += 1
                recording = _Recording()
                with batching_server(binary, tmp / f"server_{run:03d}a.log", SLOTS, CTX_PER_SLOT, threads) as url:
                    undo = _patched_send(recording)
                    before, load_now = _metrics(url), load()
                    try:
                        run_eval(
                            suite,
                            model=f"llamacpp/{SERVED_NAME}",
                            prompt=prompt,
                            settings=settings_in(tmp, base_url=url),
                            run_dir=tmp / f"run_{run:03d}",
                            concurrency=concurrency,
                            use_cache=False,
                            extract_fn=recording,
                        )
                    finally:
                        undo()
                    after = _metrics(url)
                with batching_server(binary, tmp / f"server_{run:03d}b.log", SLOTS, CTX_PER_SLOT, threads) as url:
                    bare = _replay(url, list(recording.bodies.values()), concurrency)
                wall = max(e for _, e in recording.spans) - min(s for s, _ in recording.spans)
                lines = list(read_run(tmp / f"run_{run:03d}").values())
                provs = recording.provenances
                n = len(lines)
                levels.append(
                    {
                        "prompt": prompt,
                        "command": command,
                        "concurrency": concurrency,
                        "rep": rep,
                        "articles": n,
                        "errors": sum(1 for x in lines if x.get("error")),
                        "error_messages": sorted({x["error"][:200] for x in lines if x.get("error")}),
                        "toolkit_wall_s": round(wall, 2),
                        "toolkit_articles_per_min": round(60 * n / wall, 2),
                        "bare_wall_s": round(bare["wall_s"], 2),
                        "bare_articles_per_min": round(60 * len(recording.bodies) / bare["wall_s"], 2),
                        "toolkit_vs_bare_pct": round(100 * bare["wall_s"] / wall, 1),
                        "bare_errors": len(bare["errors"]),
                        "mean_article_latency_s": round(statistics.mean(e - s for s, e in recording.spans), 2),
                        "calls": sum(p.calls for p in provs),
                        "reasks": sum(p.retries for p in provs),
                        "tokens_in": sum(p.tokens_in for p in provs),
                        "tokens_out": sum(p.tokens_out for p in provs),
                        "bare_tokens_out": bare["tokens_out"],
                        "server_prompt_tokens_evaluated": int(after["prompt_tokens_total"] - before["prompt_tokens_total"]),
                        "server_tokens_predicted": int(after["tokens_predicted_total"] - before["tokens_predicted_total"]),
                        "load_before": load_now,
                        "load_after": load(),
                    }
                )
                save_partial("batching", figures)
    return figures


def tables(figures: dict[str, Any]) -> list[str]:
    """The markdown table of the batching figures."""
    rows = [
        [
            x["prompt"],
            x["concurrency"],
            x["articles"],
            x["errors"],
            x["toolkit_articles_per_min"],
            x["bare_articles_per_min"],
            x["toolkit_vs_bare_pct"],
            x["mean_article_latency_s"],
            x["calls"],
            x.get("reasks", ""),
            x["tokens_in"],
            x["server_prompt_tokens_evaluated"],
            x["tokens_out"],
            x["bare_tokens_out"],
            f"{x['load_before']['loadavg_1m']}/{x['load_after']['loadavg_1m']}",
        ]
        for x in figures["levels"]
    ]
    header = [
        "prompt", "concurrency", "articles", "errors", "toolkit articles/min", "bare replay articles/min",
        "toolkit / bare %", "mean latency s", "calls", "re-asks", "tokens in", "server evaluated", "tokens out",
        "bare tokens out", "load 1m before/after",
    ]
    commands = sorted({x["command"] for x in figures["levels"] if x.get("command")})
    made_by = "; rows by " + ", ".join(f"`{c}`" for c in commands) if commands else ""
    return [f"Server: `{figures['server']}`; suite: {figures['suite']}{made_by}.", table(header, rows)]
