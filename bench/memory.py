"""Memory: RSS over a batch of articles, each batch in a fresh process.

A batch runs as ``python -m bench.memory '[model, prompt, count, marks]'`` so that its RSS is its
own, not the parent's with the models the other measurements loaded.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench.environment import MODEL, NEWSDESK, ROOT, peak_rss_mb, rss_mb, settings_in, status_mb
from bench.probes import TimedExtract
from bench.report import table


def _replicate_suite(src: Path, dest: Path, count: int) -> Path:
    """A suite of ``count`` articles copied round-robin from ``src``, each made distinct by one line."""
    sources = sorted(p for p in (src / "articles").iterdir() if p.suffix == ".txt")
    (dest / "articles").mkdir(parents=True)
    (dest / "gold").mkdir()
    for i in range(count):
        article = sources[i % len(sources)]
        new_id = f"r{i:03d}_{article.stem}"
        text = article.read_text(encoding="utf-8").rstrip("\n")
        (dest / "articles" / f"{new_id}.txt").write_text(
            f"{text}\n\n(Copy {i} of the bench batch.)\n", encoding="utf-8"
        )
        gold = src / "gold" / f"{article.stem}.json"
        if gold.exists():
            (dest / "gold" / f"{new_id}.json").write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    return dest


def _child(model: str, prompt: str, count: int, marks: list[int]) -> dict[str, Any]:
    """Run in a fresh process: one batch, RSS sampled after ``marks`` articles, peak RSS at the end."""
    from summarise.runs import run_eval
    from summarise.suites import load_suite

    tmp = Path(tempfile.mkdtemp(prefix="summarise-bench-mem-"))
    suite = load_suite(str(_replicate_suite(NEWSDESK, tmp / "batch", count)))
    settings = settings_in(tmp, n_threads=1)  # memory does not depend on threads; one leaves a core to others
    inner = TimedExtract()
    samples: dict[int, float] = {}
    done = 0
    lock = threading.Lock()
    rss_start = rss_mb()

    def sampled(article: Any, *, model: str, prompt: str, settings: Any) -> Any:
        nonlocal done
        briefing = inner(article, model=model, prompt=prompt, settings=settings)
        with lock:
            done += 1 if model == model_name else 0
            if model == model_name and done in marks:
                samples[done] = rss_mb()
        return briefing

    model_name = model
    started = time.perf_counter()
    try:
        run_eval(
            suite,
            model=model,
            prompt=prompt,
            settings=settings,
            run_dir=tmp / "run",
            concurrency=1,
            use_cache=False,
            extract_fn=sampled,
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {
        "model": model,
        "prompt": prompt,
        "articles": count,
        "rss_before_mb": rss_start,
        "rss_after_mb": samples,
        "rss_end_mb": rss_mb(),
        # VmHWM is this process's own peak. ru_maxrss is also kept, but Linux carries it across
        # exec from the parent that spawned us, so it reads the parent's peak when that is higher.
        "peak_rss_mb": status_mb("VmHWM"),
        "ru_maxrss_mb": peak_rss_mb(),
        "wall_s": round(time.perf_counter() - started, 2),
    }


def measure(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    runs = [
        ("rules", "briefing@v1", args.memory_articles, [10, 50, 100]),
        (MODEL, "briefing@v2", args.memory_model_articles, [5, 10, 20]),
    ]
    rows = []
    for model, prompt, count, marks in runs:
        for _rep in range(args.memory_repeats):
            proc = subprocess.run(
                [sys.executable, "-m", "bench.memory", json.dumps([model, prompt, count, marks])],
                capture_output=True,
                text=True,
                check=False,
                cwd=ROOT,
            )
            if proc.returncode != 0:
                raise RuntimeError(f"memory child failed: {proc.stderr[-2000:]}")
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            row["rss_after_mb"] = {int(k): v for k, v in row["rss_after_mb"].items()}
            first, last = min(row["rss_after_mb"]), max(row["rss_after_mb"])
            row["growth_mb"] = round(row["rss_after_mb"][last] - row["rss_after_mb"][first], 1)
            row["growth_between"] = f"{first}->{last}"
            rows.append(row)
    return {
        "rows": rows,
        "suite": "newsdesk .txt articles replicated, each with one distinct line appended",
    }


def tables(figures: dict[str, Any]) -> list[str]:
    """The markdown tables of the memory figures."""
    out: list[str] = []
    out.append(
        table(
            [
                "model",
                "prompt",
                "articles",
                "RSS before MB",
                "RSS after N articles (MB)",
                "growth MB",
                "peak RSS MB (VmHWM)",
                "ru_maxrss MB",
                "wall s",
            ],
            [
                [
                    x["model"],
                    x["prompt"],
                    x["articles"],
                    x["rss_before_mb"],
                    ", ".join(f"{k}: {v}" for k, v in sorted(x["rss_after_mb"].items(), key=lambda kv: int(kv[0]))),
                    f"{x['growth_mb']} ({x['growth_between']})",
                    x["peak_rss_mb"],
                    x.get("ru_maxrss_mb", ""),
                    x["wall_s"],
                ]
                for x in figures["rows"]
            ],
        )
    )
    return out


if __name__ == "__main__":
    print(json.dumps(_child(*json.loads(sys.argv[1]))))
