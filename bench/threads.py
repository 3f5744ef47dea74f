"""Threads under contention: what n_threads = all cores costs when anything else runs."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.environment import ARTICLE, gguf, load, median
from bench.report import table

_HOG = "import time\nend = time.monotonic() + 600\nwhile time.monotonic() < end: pass\n"


def measure(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """Prompt processing and generation of the bundled model at 1 and all threads, idle and beside one busy process.

    The embedded engine gives llama.cpp the cores this process may use (``engine.default_threads``,
    affinity and cgroup quota); it used to take ``os.cpu_count()``. llama.cpp's OpenMP workers
    spin while they wait for each other, so one thread descheduled by any other process stalls
    the rest: on a small machine shared with a test run the rate can drop many-fold.
    """
    from llama_cpp import Llama

    text = ARTICLE.read_text(encoding="utf-8")
    rows = []
    for threads in sorted({1, os.cpu_count() or 1}):
        llama = Llama(
            model_path=str(gguf()),
            n_ctx=4096,
            n_threads=threads,
            n_threads_batch=threads,
            verbose=False,
        )
        tokens = llama.tokenize(text.encode("utf-8"))
        for hog in (False, True):
            proc = subprocess.Popen([sys.executable, "-c", _HOG]) if hog else None
            try:
                time.sleep(0.5 if hog else 0)
                pp, tg = [], []
                for _ in range(args.repeats):
                    llama.reset()
                    t0 = time.perf_counter()
                    llama.eval(tokens)
                    pp.append(len(tokens) / (time.perf_counter() - t0))
                    t0 = time.perf_counter()
                    reply = llama.create_completion(
                        text[:400],
                        max_tokens=64,
                        temperature=0.0,
                        logit_bias={llama.token_eos(): -1e9},
                    )
                    tg.append(reply["usage"]["completion_tokens"] / (time.perf_counter() - t0))
            finally:
                if proc is not None:
                    proc.kill()
                    proc.wait(timeout=10)
            rows.append(
                {
                    "n_threads": threads,
                    "other_process": "one busy loop" if hog else "none",
                    "prompt_tok_s": median(pp),
                    "prompt_tok_s_runs": [round(x, 1) for x in pp],
                    "generation_tok_s": median(tg),
                    "generation_tok_s_runs": [round(x, 1) for x in tg],
                    "load": load(),
                }
            )
        del llama
    return {"rows": rows, "prompt_tokens": len(tokens)}


def tables(figures: dict[str, Any]) -> list[str]:
    """The markdown tables of the threads figures."""
    out: list[str] = []
    out.append(
        table(
            [
                "n_threads",
                "other process",
                "prompt tok/s (median)",
                "runs",
                "generation tok/s (median)",
                "runs",
            ],
            [
                [
                    x["n_threads"],
                    x["other_process"],
                    x["prompt_tok_s"],
                    x["prompt_tok_s_runs"],
                    x["generation_tok_s"],
                    x["generation_tok_s_runs"],
                ]
                for x in figures["rows"]
            ],
        )
    )
    return out
