"""Engines: the local thread pool against Ray Data, 1 and 2 workers, and the driver's memory.

Each batch is a fresh ``summarise batch`` process, as a user runs it, timed from its start to its
exit (Python's imports, Ray's start and its actors' included: that is what a user waits for) and
from its first result to its last (the rate once running). Three measurements:

- throughput with the rules (no model: the toolkit's own cost per article) over ``--rules-articles``
  articles, our suites' articles repeated under new ids, each made distinct by one line (the rules
  keep a per-text cache, and a repeat must not be served from it);
- throughput against a scripted OpenAI-compatible server on loopback that answers every request
  after a fixed latency (``--latency-ms``) over ``--server-articles`` articles: where the time is
  the model's, not ours;
- the driver's RSS at 1k, 5k and 10k articles of a ``--memory-articles`` rules batch, sampled
  from /proc by this process, and its peak (VmHWM). The articles are our suites' first
  ``--memory-chars`` characters (to the last full stop), so that 10,000 of them take minutes,
  not an hour, on two shared cores; memory per article in flight does not depend on it.

    python -m bench.engines                     # everything, the tables, and results.json's "engines"
    python -m bench.engines --only memory       # one part (throughput_rules, throughput_server, memory)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `python bench/engines.py` from a checkout

from bench.environment import NEWSDESK, ROOT, SEEDS, load, machine
from bench.report import read_results, table, write_markdown, write_results
from bench.measurements import BENCHES

HOLDOUT = ROOT / "evals" / "holdout"
ENGINES = ("local", "ray")
WORKERS = (1, 2)
MARKS = (1_000, 5_000, 10_000)
_SUMMARY = re.compile(r"(\d+) briefed, (\d+) failed.* in ([\d.]+)s")


# ---------------------------------------------------------------------------------------------
# Inputs and the scripted server
# ---------------------------------------------------------------------------------------------


def _sources() -> list[str]:
    """Our own suites' article texts (plain text and Markdown), in a fixed order."""
    return [
        p.read_text(encoding="utf-8").rstrip("\n")
        for suite in (SEEDS, NEWSDESK, HOLDOUT)
        for p in sorted((suite / "articles").iterdir())
        if p.suffix in (".txt", ".md")
    ]


def _cut(text: str, chars: int | None) -> str:
    if chars is None or len(text) <= chars:
        return text
    head = text[:chars]
    stop = head.rfind(". ")
    return head[: stop + 1] if stop > 0 else head


def write_wire(path: Path, count: int, chars: int | None = None) -> Path:
    """A JSON Lines batch of ``count`` articles: our suites' articles round-robin under new ids."""
    sources = [_cut(text, chars) for text in _sources()]
    with path.open("w", encoding="utf-8") as f:
        for i in range(count):
            text = f"{sources[i % len(sources)]}\n\n(Copy {i} of the bench batch.)\n"
            f.write(json.dumps({"id": f"e{i:05d}", "text": text}, ensure_ascii=False) + "\n")
    return path


def _completion() -> bytes:
    answer = json.dumps({"headline": "H", "bottom_line": "B", "events": [], "actors": [], "quotes": []})
    return json.dumps({
        "id": "x", "object": "chat.completion", "created": 0, "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {
            "role": "assistant", "content": None,
            "tool_calls": [{"id": "c", "type": "function", "function": {"name": "BriefingDraft", "arguments": answer}}]}}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }).encode()


class _LatencyServer(ThreadingHTTPServer):
    daemon_threads = True


def _serve(latency_s: float) -> tuple[_LatencyServer, str]:
    body = _completion()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", 0)))
            time.sleep(latency_s)
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = _LatencyServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/v1"


# ---------------------------------------------------------------------------------------------
# One batch, watched from outside
# ---------------------------------------------------------------------------------------------


def _proc_mb(pid: int, field: str) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def run_batch(wire: Path, tmp: Path, *, engine: str, workers: int, model: list[str], marks: tuple[int, ...] = ()) -> dict[str, Any]:
    """One ``summarise batch`` process: wall time, time to the first result, RSS at ``marks``."""
    out = tmp / f"out-{engine}-{workers}-{time.monotonic_ns()}"
    log = tmp / f"{out.name}.stderr"
    command = [sys.executable, "-m", "summarise.cli", "batch", str(wire), "--out", str(out), *model,
               "--engine", engine, "-j", str(workers)]
    env = {**os.environ, "SUMMARISE_DATA_DIR": str(tmp / "data"), "SUMMARISE_TRANSPORT_RETRIES": "0"}
    results = out / "briefings.jsonl"
    load_before = load()
    with log.open("w") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err)
        lines, read, first, rss, peak, hwm = 0, 0, None, {}, 0.0, None
        pending = list(marks)
        while True:
            alive = proc.poll() is None
            if results.exists():
                with results.open("rb") as f:
                    f.seek(read)
                    chunk = f.read()
                lines += chunk.count(b"\n")
                read += len(chunk)
                if lines and first is None:
                    first = time.perf_counter() - started
            now = _proc_mb(proc.pid, "VmRSS") if alive else None
            if now is not None:
                peak = max(peak, now)
                hwm = _proc_mb(proc.pid, "VmHWM") or hwm
                while pending and lines >= pending[0]:
                    rss[pending.pop(0)] = now
            if not alive:
                break
            time.sleep(0.2)
        wall = time.perf_counter() - started
    text = log.read_text(encoding="utf-8", errors="replace")
    summary = _SUMMARY.search(text)
    if proc.returncode != 0 or summary is None:
        raise RuntimeError(f"{shlex.join(command)} failed ({proc.returncode}): {text[-2000:]}")
    briefed, failed, seconds = int(summary[1]), int(summary[2]), float(summary[3])
    return {
        "engine": engine,
        "workers": workers,
        "articles": briefed + failed,
        "failed": failed,
        "wall_s": round(wall, 2),
        "run_s": seconds,  # run_batch's own time: the engine's start (Ray's) included, Python's imports not
        "first_result_s": round(first, 2) if first is not None else None,
        "articles_per_min": round((briefed + failed) / wall * 60, 1),
        "steady_per_min": round((lines - 1) / (wall - first) * 60, 1) if first and lines > 1 and wall > first else None,
        "rss_at_mb": rss,
        "peak_rss_mb": hwm if hwm is not None else peak,
        "load_before": load_before,
        "load_after": load(),
    }


# ---------------------------------------------------------------------------------------------
# The measurements
# ---------------------------------------------------------------------------------------------


def _throughput(wire: Path, tmp: Path, model: list[str]) -> list[dict[str, Any]]:
    rows = []
    for workers in WORKERS:
        for engine in ENGINES:  # side by side, so both see the same load
            rows.append(run_batch(wire, tmp, engine=engine, workers=workers, model=model))
            print(f"  {engine} -j {workers}: {rows[-1]['wall_s']} s", file=sys.stderr, flush=True)
    for row in rows:
        local = next(r for r in rows if r["engine"] == "local" and r["workers"] == row["workers"])
        row["overhead_ms_per_article"] = round((row["wall_s"] - local["wall_s"]) / row["articles"] * 1000, 1)
        row["overhead_pct"] = round((row["wall_s"] / local["wall_s"] - 1) * 100, 1)
    return rows


def measure(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    only = set(args.only or ("throughput_rules", "throughput_server", "memory"))
    figures: dict[str, Any] = {"latency_ms": args.latency_ms, "memory_chars": args.memory_chars}
    if "throughput_rules" in only:
        wire = write_wire(tmp / "rules.jsonl", args.rules_articles)
        figures["throughput_rules"] = _throughput(wire, tmp, ["--model", "rules"])
    if "throughput_server" in only:
        wire = write_wire(tmp / "server.jsonl", args.server_articles)
        server, url = _serve(args.latency_ms / 1000)
        try:
            figures["throughput_server"] = _throughput(
                wire, tmp, ["--model", "openai/m", "--base-url", url, "--prompt", "briefing@v1"]
            )
        finally:
            server.shutdown()
            server.server_close()
    if "memory" in only:
        wire = write_wire(tmp / "memory.jsonl", args.memory_articles, args.memory_chars)
        marks = tuple(m for m in MARKS if m <= args.memory_articles)
        figures["memory"] = [
            run_batch(wire, tmp, engine=engine, workers=2, model=["--model", "rules"], marks=marks) for engine in ENGINES
        ]
    return figures


def tables(figures: dict[str, Any]) -> list[str]:
    """The markdown tables: throughput with the rules and against the server, and the driver's memory."""
    out = []
    for key, what in (("throughput_rules", "rules (no model)"),
                      ("throughput_server", f"scripted server, {figures.get('latency_ms')} ms a call")):
        rows = figures.get(key)
        if not rows:
            continue
        out.append(table(
            [what, "workers", "articles", "wall s", "first result s", "articles/min (wall)", "articles/min (after the first)",
             "Ray's overhead ms/article", "overhead %", "load (1 min)"],
            [[r["engine"], r["workers"], r["articles"], r["wall_s"], r["first_result_s"], r["articles_per_min"],
              r["steady_per_min"], r["overhead_ms_per_article"] if r["engine"] != "local" else "",
              r["overhead_pct"] if r["engine"] != "local" else "", r["load_before"]["loadavg_1m"]] for r in rows],
        ))
    if figures.get("memory"):
        out.append(table(
            ["engine", "workers", "articles", f"driver RSS MB after N ({figures.get('memory_chars')}-char articles)",
             "growth MB", "driver peak MB (VmHWM)", "wall s", "load (1 min)"],
            [[r["engine"], r["workers"], r["articles"],
              ", ".join(f"{int(k):,}: {v}" for k, v in sorted(r["rss_at_mb"].items(), key=lambda kv: int(kv[0]))),
              round(max(r["rss_at_mb"].values()) - min(r["rss_at_mb"].values()), 1) if r["rss_at_mb"] else "",
              r["peak_rss_mb"], r["wall_s"], r["load_before"]["loadavg_1m"]] for r in figures["memory"]],
        ))
    return out


def _parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--only", action="append", choices=("throughput_rules", "throughput_server", "memory"))
    p.add_argument("--rules-articles", type=int, default=1_000)
    p.add_argument("--server-articles", type=int, default=500)
    p.add_argument("--latency-ms", type=float, default=50.0)
    p.add_argument("--memory-articles", type=int, default=10_000)
    p.add_argument("--memory-chars", type=int, default=600)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Measure, print the tables, keep the figures in results.json under ``engines`` (merged by
    part, each part's command kept), and add them to RESULTS.md beside the other measurements'."""
    args = _parse_args(argv)
    started, load_before, t0 = dt.datetime.now().isoformat(timespec="seconds"), load(), time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="summarise-bench-engines-") as tmp:
        figures = measure(args, Path(tmp))
    results = read_results()
    old = results.get("engines", {}).get("figures", {})
    command = "python -m bench.engines " + shlex.join(sys.argv[1:] if argv is None else argv)
    earlier = [c for c in results.get("engines", {}).get("command", "").split(" ; ") if c and c != command]
    results["engines"] = {
        "command": " ; ".join([*earlier, command]) if args.only else command,
        "machine": machine(),
        "started_at": started,
        "duration_s": round(time.perf_counter() - t0, 1),
        "load_before": load_before,
        "load_after": load(),
        "figures": {**old, **figures},
    }
    write_results(results)
    write_markdown(results, {**{name: module.tables for name, module in BENCHES.items()}, "engines": tables})
    for text in tables(results["engines"]["figures"]):
        print(text + "\n", flush=True)


if __name__ == "__main__":
    main()
