"""Benchmarks of the summarise toolkit: start-up, overhead, prompt-cache reuse, throughput, memory, grammar.

A plain script, not a test: timings depend on the machine and on whatever else it is running,
so they are measured and written down (bench/results.json, bench/RESULTS.md), never asserted.
Every measurement records the machine it ran on and the load average before and after, so a
figure taken while other work ran says so.

    python bench/run.py                      # everything (about 45 minutes on 2 idle cores, with llama-server built)
    python bench/run.py --only startup       # one measurement; the others in results.json are kept
    python bench/run.py --markdown           # rewrite bench/RESULTS.md from bench/results.json

Measurements (one module each under bench/): startup, overhead, prompt_cache, throughput
(llama_cpp.server, one request at a time), batching (llama.cpp's llama-server with parallel
slots; `make llama-server` builds it), memory, grammar, threads, rules_scaling (the rules' seconds against
the article's length: one line, paragraphs, a run-on of quoted terms). The engines' section comes
from bench/engines.py, run on its own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `python bench/run.py` from a checkout

from bench import engines, throughput
from bench.environment import load, machine
from bench.measurements import BENCHES
from bench.report import read_results, write_markdown, write_results


def _parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--only", action="append", choices=list(BENCHES), help="run only this measurement (repeatable)")
    p.add_argument("--runs", type=int, default=7, help="startup: runs per command (median)")
    p.add_argument("--repeats", type=int, default=3, help="repeats of the model measurements (median)")
    p.add_argument("--overhead-repeats", type=int, default=5, help="overhead: toolkit/bare pairs (median)")
    p.add_argument(
        "--cache-prompts", nargs="+", default=["briefing@v2", "briefing@v1"], help="prompt_cache: prompts to run"
    )
    p.add_argument("--suite", choices=("newsdesk", "seeds"), default="newsdesk", help="throughput: the suite")
    p.add_argument("--prompts", nargs="+", default=["briefing@v2", "briefing@v1"], help="throughput: prompts to run")
    p.add_argument("--articles", type=int, default=8, help="throughput: the first N articles of the suite (0: all)")
    p.add_argument(
        "--levels", type=int, nargs="+", default=list(throughput.CONCURRENCY_LEVELS), help="throughput: concurrencies"
    )
    p.add_argument("--throughput-repeats", type=int, default=1, help="throughput, batching: runs per concurrency")
    p.add_argument("--llama-server", help="batching: the llama-server binary (default: what `make llama-server` builds)")
    p.add_argument("--server-threads", type=int, default=0, help="batching: llama-server threads (0: all cores)")
    p.add_argument("--memory-articles", type=int, default=100, help="memory: articles of the rules batch")
    p.add_argument("--memory-model-articles", type=int, default=20, help="memory: articles of the model batch")
    p.add_argument("--memory-repeats", type=int, default=2, help="memory: batches of each kind")
    p.add_argument("--max-tokens", type=int, default=256, help="grammar: the cap on each generation")
    p.add_argument("--markdown", action="store_true", help="only rewrite RESULTS.md from results.json")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = _parse_args(argv)
    if not args.markdown:
        command = "python bench/run.py " + shlex.join(sys.argv[1:] if argv is None else argv)
        for name in args.only or list(BENCHES):
            print(f"== {name}", file=sys.stderr, flush=True)
            with tempfile.TemporaryDirectory(prefix=f"summarise-bench-{name}-") as tmp:
                load_before, started, t0 = load(), dt.datetime.now().isoformat(timespec="seconds"), time.perf_counter()
                figures = BENCHES[name].measure(args, Path(tmp))
                results = read_results()
                results[name] = {
                    "command": command.strip(),
                    "machine": machine(),
                    "started_at": started,
                    "duration_s": round(time.perf_counter() - t0, 1),
                    "load_before": load_before,
                    "load_after": load(),
                    "figures": figures,
                }
            for table in BENCHES[name].tables(figures):
                print(table + "\n", flush=True)
            write_results(results)
    # every section, the engines' too (bench/engines.py measures them with arguments of its own)
    write_markdown(read_results(), {**{name: module.tables for name, module in BENCHES.items()}, "engines": engines.tables})


if __name__ == "__main__":
    main()
