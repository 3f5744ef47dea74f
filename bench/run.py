"""Benchmarks of the summarise toolkit: start-up, overhead, prompt-cache reuse, throughput, memory, grammar.

A plain script, not a test: timings depend on the machine and on whatever else it is running,
so they are measured and written down (bench/results.json, bench/RESULTS.md), never asserted.
Every measurement records the machine it ran on and the load average before and after, so a
figure taken while other work ran says so.

    python bench/run.py                      # everything (about 15 minutes on 2 cores)
    python bench/run.py --only startup       # one measurement; the others in results.json are kept
    python bench/run.py --markdown           # rewrite bench/RESULTS.md from bench/results.json

Measurements: startup, overhead, prompt_cache, throughput, memory, grammar, threads.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import datetime as dt
import json
import os
import platform
import re
import resource
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH_DIR = ROOT / "bench"
RESULTS_JSON = BENCH_DIR / "results.json"
RESULTS_MD = BENCH_DIR / "RESULTS.md"
MODEL = "local/smollm2-135m"
SERVED_NAME = "smollm2-135m"
ARTICLE = ROOT / "evals" / "seeds" / "articles" / "002_27e096ec9d555072.txt"
SEEDS = ROOT / "evals" / "seeds"
NEWSDESK = ROOT / "evals" / "newsdesk"
HEAVY_MODULES = ("llama_cpp", "instructor", "openai")
STARTUP_TARGET_S = 0.3
OVERHEAD_TARGET_PCT = 5.0
SERVER_WAIT_S = 90
CONCURRENCY_LEVELS = (1, 2, 4, 8)


# ---------------------------------------------------------------------------------------------
# The machine, and how busy it was
# ---------------------------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, Any]:
    """What a figure was measured on: cores this process may use, CPU, Python, llama-cpp-python."""
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "llama_cpp_python": _version("llama-cpp-python"),
        "instructor": _version("instructor"),
        "openai": _version("openai"),
        "platform": platform.platform(),
    }


def _load() -> dict[str, Any]:
    """The load average and running/total tasks: other work on the machine shows up here."""
    fields = Path("/proc/loadavg").read_text().split()
    return {"loadavg_1m": float(fields[0]), "loadavg_5m": float(fields[1]), "tasks": fields[3]}


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 4)


def _settings(tmp: Path, **updates: Any) -> Any:
    """Settings that keep every cache and run file in ``tmp``, never in the user's data directory."""
    from summarise.config import Settings

    return Settings(data_dir=tmp / "data", **updates)


# ---------------------------------------------------------------------------------------------
# 1. Start-up
# ---------------------------------------------------------------------------------------------

_IMPORT_CHECK = """
import contextlib, io, json, sys
from summarise import cli
with contextlib.redirect_stdout(io.StringIO()):
    try:
        cli.app(["prompts", "list"], standalone_mode=False)
    except SystemExit:
        pass
print(json.dumps({"heavy": [m for m in %r if m in sys.modules], "modules": len(sys.modules)}))
""" % (HEAVY_MODULES,)


_MINIMAL_TYPER = """
import typer
app = typer.Typer()
@app.command()
def a() -> None: pass
@app.command()
def b() -> None: pass
app(["--help"])
"""


def _time_command(argv: list[str], runs: int, env: dict[str, str]) -> list[float]:
    times = []
    subprocess.run(argv, capture_output=True, env=env, check=False)  # warm the page cache
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - started)
    return times


def _import_profile(env: dict[str, str], top: int = 12) -> list[tuple[str, float]]:
    """The slowest imports (cumulative ms) of ``prompts list``, from ``python -X importtime``."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _IMPORT_CHECK], capture_output=True, text=True, env=env, check=True
    )
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m and len(m.group(3)) <= 3:  # top-level and first-level imports only
            rows.append((m.group(4), round(int(m.group(2)) / 1000, 1)))
    return sorted(rows, key=lambda r: -r[1])[:top]


def bench_startup(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    exe = str(Path(sys.executable).parent / "summarise")
    env = {**os.environ, "SUMMARISE_DATA_DIR": str(tmp / "data")}
    commands = {
        "python -c pass (interpreter floor)": [sys.executable, "-c", "pass"],
        "python -c 'import typer' (CLI library floor)": [sys.executable, "-c", "import typer"],
        "minimal typer app --help (CLI framework floor)": [sys.executable, "-c", _MINIMAL_TYPER],
        "summarise --help": [exe, "--help"],
        "summarise prompts list": [exe, "prompts", "list"],
    }
    rows = []
    for label, argv in commands.items():
        times = _time_command(argv, args.runs, env)
        target = label.startswith("summarise")
        rows.append({
            "command": label,
            "median_s": _median(times),
            "min_s": round(min(times), 4),
            "max_s": round(max(times), 4),
            "runs": len(times),
            "target_s": STARTUP_TARGET_S if target else None,
            "meets_target": (statistics.median(times) < STARTUP_TARGET_S) if target else None,
        })
    check = json.loads(subprocess.run(
        [sys.executable, "-c", _IMPORT_CHECK], capture_output=True, text=True, env=env, check=True
    ).stdout.strip().splitlines()[-1])
    return {
        "rows": rows,
        "heavy_imported_by_prompts_list": check["heavy"],
        "modules_loaded_by_prompts_list": check["modules"],
        "slowest_imports_ms": _import_profile(env),
    }


# ---------------------------------------------------------------------------------------------
# Recording what the toolkit asks of llama.cpp
# ---------------------------------------------------------------------------------------------


class Recorder:
    """Wraps one ``Llama``'s create_chat_completion: keeps each request and reply, can reset first.

    The toolkit's client reaches the model through ``LlamaEngine.chat``, which calls
    ``engine.llama.create_chat_completion(**kwargs)``: the kwargs kept here are exactly what the
    toolkit sent, after instructor and the OpenAI client, ready to replay bare.
    """

    def __init__(self, llama: Any) -> None:
        self.llama = llama
        self.bare = llama.create_chat_completion
        self.requests: list[dict[str, Any]] = []
        self.replies: list[dict[str, Any]] = []
        self.inner_s: list[float] = []
        self.reset_first = False
        self.before: Callable[[], None] = lambda: None
        llama.create_chat_completion = self._call

    def _call(self, **kwargs: Any) -> Any:
        self.requests.append(copy.deepcopy(kwargs))
        if self.reset_first:
            self.llama.reset()
        self.before()
        started = time.perf_counter()
        reply = self.bare(**kwargs)
        self.inner_s.append(time.perf_counter() - started)
        self.replies.append(reply)
        return reply

    def clear(self) -> None:
        self.requests.clear()
        self.replies.clear()
        self.inner_s.clear()

    def restore(self) -> None:
        self.llama.create_chat_completion = self.bare


class EvalCounter:
    """Counts the tokens ``Llama.eval`` actually evaluates: the prompt part and the generated part.

    In ``Llama.generate`` the first ``eval`` of a completion is the prompt minus the prefix reused
    from the previous call; every later one is a single sampled token.
    """

    def __init__(self) -> None:
        from llama_cpp import Llama

        self.cls = Llama
        self.original = Llama.eval
        self.prompt = 0
        self.generated = 0
        self.first = True
        counter = self

        def counting_eval(llama: Any, tokens: Any) -> None:
            if counter.first:
                counter.prompt += len(tokens)
                counter.first = False
            else:
                counter.generated += len(tokens)
            return counter.original(llama, tokens)

        Llama.eval = counting_eval  # type: ignore[method-assign]

    def new_completion(self) -> None:
        self.first = True

    def take(self) -> tuple[int, int]:
        out = (self.prompt, self.generated)
        self.prompt = self.generated = 0
        return out

    def restore(self) -> None:
        self.cls.eval = self.original  # type: ignore[method-assign]


def _local_backend(settings: Any) -> Any:
    from summarise.backends import parse_spec
    from summarise.extract import get_backend

    return get_backend(parse_spec(MODEL), settings)


def _completion_tokens(replies: list[dict[str, Any]]) -> int:
    return sum(int(r.get("usage", {}).get("completion_tokens", 0)) for r in replies)


# ---------------------------------------------------------------------------------------------
# 2. Overhead: the toolkit against a bare create_chat_completion with the same request
# ---------------------------------------------------------------------------------------------


def _time_pieces(article: Any, settings: Any, backend: Any, repeats: int = 20) -> dict[str, float]:
    """The toolkit's own steps, each timed alone (median ms)."""
    from summarise.extract import check_fits, get_backend
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
        "prompt.render (Jinja compile + render)": ms(lambda: prompt.render(article=article.text)),
        "prompt.hash (reads the file)": ms(lambda: prompt.hash),
        "check_fits (tokenises the messages)": ms(lambda: check_fits(backend, messages, 1024, article)),
        "get_backend lookup (settings JSON key)": ms(lambda: get_backend(backend.spec, settings)),
        "article_date": ms(lambda: article_date(article.text)),
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
    for (filename, line, name), (_cc, ncalls, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "llama_cpp" in filename or filename.startswith("~"):
            continue
        short = filename.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
        rows.append({"function": f"{short}:{line}({name})", "calls": ncalls, "own_ms": round(tottime * 1000, 2),
                     "cumulative_ms": round(cumtime * 1000, 2)})
    return sorted(rows, key=lambda r: -r["own_ms"])[:top]


def bench_overhead(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    from summarise.articles import read_article
    from summarise.extract import extract_briefing

    settings = _settings(tmp)
    article = read_article(str(ARTICLE))
    started = time.perf_counter()
    backend = _local_backend(settings)
    load_s = time.perf_counter() - started
    recorder = Recorder(backend.engine.llama)
    try:
        extract_briefing(article, model=MODEL, prompt="briefing@v1", settings=settings)  # warm: imports, first eval
        requests = copy.deepcopy(recorder.requests)
        modes = []
        for prompt, mode, reset in (
            ("briefing@v1", "prompt prefix cached (warm, as in a batch of the same article)", False),
            ("briefing@v1", "llama.reset() before each call (whole prompt evaluated)", True),
            ("briefing@v2", "grounded, small calls, prefix cached", False),
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
                        briefing = extract_briefing(article, model=MODEL, prompt=prompt, settings=settings)
                        toolkit.append(time.perf_counter() - t0)
                        inner.append(sum(recorder.inner_s))
                        requests = copy.deepcopy(recorder.requests)
                        toolkit_tokens = _completion_tokens(recorder.replies)
                        timings.append(dict(briefing.provenance.timings))
                    else:  # the requests of the latest toolkit call, replayed bare
                        replies = []
                        t0 = time.perf_counter()
                        for kwargs in requests:
                            if reset:
                                backend.engine.llama.reset()
                            replies.append(recorder.bare(**copy.deepcopy(kwargs)))
                        bare.append(time.perf_counter() - t0)
                        bare_tokens = _completion_tokens(replies)
                tokens.append((toolkit_tokens, bare_tokens, len(requests)))
            med_t, med_b = statistics.median(toolkit), statistics.median(bare)
            outside = [t - i for t, i in zip(toolkit, inner)]
            modes.append({
                "prompt": prompt,
                "mode": mode,
                "toolkit_s": [round(x, 4) for x in toolkit],
                "bare_s": [round(x, 4) for x in bare],
                "inside_llama_s": [round(x, 4) for x in inner],
                "toolkit_median_s": round(med_t, 4),
                "bare_median_s": round(med_b, 4),
                "ab_overhead_s": round(med_t - med_b, 4),
                "ab_overhead_pct": round(100 * (med_t - med_b) / med_b, 2),
                "outside_llama_median_s": _median(outside),
                "outside_llama_pct": round(100 * statistics.median(o / i for o, i in zip(outside, inner)), 2),
                "meets_target": 100 * statistics.median(o / i for o, i in zip(outside, inner)) < OVERHEAD_TARGET_PCT,
                "provenance_timings_median": {k: _median([t[k] for t in timings]) for k in timings[0]},
                "calls_per_briefing": tokens[-1][2],
                "completion_tokens_toolkit_vs_bare": tokens,
                "same_tokens": all(a == b for a, b, _ in tokens),
            })
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
    return {"model_load_s": round(load_s, 3), "modes": modes, "request": request_summary,
            "toolkit_pieces_ms": pieces, "profile_outside_llama": profile}


# ---------------------------------------------------------------------------------------------
# 3. Prompt-cache reuse over a suite with the grounded prompt (many small calls)
# ---------------------------------------------------------------------------------------------


def _articles(folder: Path) -> list[tuple[str, Any]]:
    from summarise.articles import read_article

    return [(p.stem, read_article(str(p))) for p in sorted((folder / "articles").iterdir()) if p.is_file()]


def bench_prompt_cache(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    from summarise.extract import extract_briefing

    settings = _settings(tmp)
    backend = _local_backend(settings)
    llama = backend.engine.llama
    recorder = Recorder(llama)
    counter = EvalCounter()
    recorder.before = counter.new_completion  # every completion starts with its prompt's eval
    articles = _articles(SEEDS)
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
                        per_article.setdefault((prompt, article_id, mode), []).append({
                            "wall_s": wall,
                            "calls": briefing.provenance.calls,
                            "prompt_tokens_sent": briefing.provenance.tokens_in,
                            "prompt_tokens_evaluated": prompt_eval,
                            "generated_tokens_evaluated": generated,
                        })
    finally:
        recorder.restore()
        counter.restore()
    rows, totals = [], []
    for prompt in args.cache_prompts:
        mine = []
        for article_id, _ in articles:
            reuse, reset = per_article[(prompt, article_id, "reuse")], per_article[(prompt, article_id, "reset")]
            ev_reuse = _median([r["prompt_tokens_evaluated"] for r in reuse])
            ev_reset = _median([r["prompt_tokens_evaluated"] for r in reset])
            mine.append({
                "prompt": prompt,
                "article": article_id,
                "calls": reuse[0]["calls"],
                "prompt_tokens_sent": reuse[0]["prompt_tokens_sent"],
                "evaluated_reuse": ev_reuse,
                "evaluated_reset": ev_reset,
                "saved_pct": round(100 * (1 - ev_reuse / ev_reset), 1) if ev_reset else 0.0,
                "wall_reuse_s": _median([r["wall_s"] for r in reuse]),
                "wall_reset_s": _median([r["wall_s"] for r in reset]),
                "wall_runs_reuse_s": [round(r["wall_s"], 3) for r in reuse],
                "wall_runs_reset_s": [round(r["wall_s"], 3) for r in reset],
                "counts_per_run_reuse": [(r["calls"], r["prompt_tokens_evaluated"]) for r in reuse],
                "counts_per_run_reset": [(r["calls"], r["prompt_tokens_evaluated"]) for r in reset],
            })
        total = {"prompt": prompt, "article": "all"}
        total.update({k: sum(r[k] for r in mine) for k in ("calls", "prompt_tokens_sent", "evaluated_reuse", "evaluated_reset",
                                                              "wall_reuse_s", "wall_reset_s")})
        total["saved_pct"] = round(100 * (1 - total["evaluated_reuse"] / total["evaluated_reset"]), 1) if total["evaluated_reset"] else 0.0
        total["wall_reuse_s"], total["wall_reset_s"] = round(total["wall_reuse_s"], 3), round(total["wall_reset_s"], 3)
        rows.extend(mine)
        totals.append(total)
    return {"suite": "evals/seeds", "prompts": args.cache_prompts, "rows": rows, "totals": totals}


# ---------------------------------------------------------------------------------------------
# 4. Throughput against llama_cpp.server at several concurrencies
# ---------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _gguf() -> Path:
    from summarise.models import locate_model

    path, _ = locate_model(SERVED_NAME, _settings(Path(tempfile.gettempdir())))
    return path


@contextlib.contextmanager
def llama_server(log: Path, threads: int = 2) -> Iterator[str]:
    """``python -m llama_cpp.server`` on loopback, up within SERVER_WAIT_S, always stopped after."""
    import httpx2

    port = _free_port()
    argv = [sys.executable, "-m", "llama_cpp.server", "--model", str(_gguf()), "--model_alias", SERVED_NAME,
            "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "8192",
            "--n_threads", str(threads), "--n_threads_batch", str(threads)]
    with log.open("w") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + SERVER_WAIT_S
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"llama_cpp.server exited with {proc.returncode}: see {log}")
            try:
                if httpx2.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx2.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"llama_cpp.server did not answer within {SERVER_WAIT_S}s: see {log}")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=15)


def _load_suite(folder: Path) -> Any:
    from summarise.suites import load_suite

    return load_suite(str(folder))


class TimedExtract:
    """An extract_fn for run_eval that notes when each model briefing started and ended."""

    def __init__(self) -> None:
        from summarise.extract import extract_briefing

        self.fn = extract_briefing
        self.spans: list[tuple[float, float]] = []
        self.provenances: list[Any] = []
        self._lock = threading.Lock()

    def __call__(self, article: Any, *, model: str, prompt: str, settings: Any) -> Any:
        started = time.perf_counter()
        try:
            briefing = self.fn(article, model=model, prompt=prompt, settings=settings)
        finally:
            if model != "rules":
                with self._lock:
                    self.spans.append((started, time.perf_counter()))
        if model != "rules":
            with self._lock:
                self.provenances.append(briefing.provenance)
        return briefing


def _server_request(url: str, body: dict[str, Any]) -> tuple[float, dict[str, Any]]:
    import httpx2

    started = time.perf_counter()
    reply = httpx2.post(f"{url}/chat/completions", json=body, timeout=300)
    reply.raise_for_status()
    return time.perf_counter() - started, reply.json()


def _capture_toolkit_body(url: str, settings: Any, article: Any, prompt_spec: str) -> dict[str, Any]:
    """The exact JSON body the toolkit posts to a server for one BriefingDraft call."""
    import httpx2

    from summarise.backends import open_backend, parse_spec
    from summarise.extract import CallStats, ask
    from summarise.prompts import load_prompt
    from summarise.schemas import BriefingDraft

    bodies: list[dict[str, Any]] = []
    client = httpx2.Client(event_hooks={"request": [lambda r: bodies.append(json.loads(r.content))]}, timeout=300)
    backend = open_backend(parse_spec(f"openai/{SERVED_NAME}", url), settings, http_client=client)
    prompt = load_prompt(prompt_spec)
    ask(backend, prompt.render(article=article.text), BriefingDraft, article=article.text, settings=settings,
        stats=CallStats(), max_tokens=prompt.max_tokens, reasks=0)
    return bodies[0]


def _server_limit(url: str, settings: Any, repeats: int) -> dict[str, Any]:
    """What one request gets from the server: generation and prompt-processing rates."""
    from summarise.articles import read_article

    body = _capture_toolkit_body(url, settings, read_article(str(ARTICLE)), "briefing@v1")
    tg = []
    for _ in range(repeats):  # prompt cached by the server after the first: this is generation
        wall, reply = _server_request(url, body)
        tg.append((wall, reply["usage"]["completion_tokens"]))
    free = {k: v for k, v in body.items() if k not in ("tools", "tool_choice")}
    free["max_tokens"] = 256
    free["logit_bias"] = {"2": -100}  # SmolLM2's <|im_end|>: keep generating, to measure the rate
    tg_free = []
    for _ in range(repeats):
        wall, reply = _server_request(url, free)
        tg_free.append((wall, reply["usage"]["completion_tokens"]))
    pp = []
    for i in range(repeats):  # a fresh first message each time: no prefix to reuse
        fresh = copy.deepcopy(body)
        fresh["messages"][0]["content"] = f"Request {time.time_ns()}-{i}.\n" + fresh["messages"][0]["content"]
        fresh["max_tokens"] = 1
        fresh.pop("tools", None)
        fresh.pop("tool_choice", None)
        wall, reply = _server_request(url, fresh)
        pp.append((wall, reply["usage"]["prompt_tokens"]))
    return {
        "generation_tok_s_with_grammar": _median([n / w for w, n in tg]),
        "generation_tokens_with_grammar": tg[-1][1],
        "generation_tok_s_free": _median([n / w for w, n in tg_free]),
        "generation_tokens_free": tg_free[-1][1],
        "prompt_tok_s": _median([n / w for w, n in pp]),
        "prompt_tokens": pp[-1][1],
    }


def _server_work(log: Path, offset: int) -> tuple[float, int, int]:
    """Since ``offset`` of the server's log: seconds in llama.cpp, requests, prompt tokens it evaluated.

    llama.cpp prints perf lines per request; the prompt tokens evaluated exclude the prefix the
    server reused from the previous request.
    """
    text = log.read_text(errors="replace")[offset:]
    totals = [float(m.group(1)) / 1000 for m in re.finditer(r"total time =\s+([\d.]+) ms", text)]
    evaluated = sum(int(m.group(1)) for m in re.finditer(r"prompt eval time =\s+[\d.]+ ms /\s+(\d+) tokens", text))
    return sum(totals), len(totals), evaluated


def bench_throughput(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    import dataclasses

    from summarise.runs import run_eval

    suite_dir = NEWSDESK if args.suite == "newsdesk" else SEEDS
    suite = _load_suite(suite_dir)
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
    previous = (json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.exists() else {}).get("throughput") or {}
    levels.extend(row for row in previous.get("figures", {}).get("levels", []) if row["prompt"] not in args.prompts)
    log = tmp / "server.log"
    with llama_server(log) as url:
        settings = _settings(tmp, base_url=url)
        figures["server_limit"] = _server_limit(url, settings, args.repeats)
        for prompt in args.prompts:
            for concurrency in args.levels:
                for rep in range(args.throughput_repeats):
                    timed = TimedExtract()
                    run_dir = tmp / f"run_{prompt}_{concurrency}_{rep}"
                    offset = len(log.read_text(errors="replace"))
                    load = _load()
                    run_eval(suite, model=f"openai/{SERVED_NAME}", prompt=prompt, settings=settings, run_dir=run_dir,
                             concurrency=concurrency, use_cache=False, extract_fn=timed)
                    busy_s, requests, evaluated = _server_work(log, offset)
                    lines = [json.loads(x) for x in (run_dir / "results.jsonl").read_text().splitlines() if x.strip()]
                    wall = max(e for _, e in timed.spans) - min(s for s, _ in timed.spans)
                    provs = timed.provenances
                    levels.append({
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
                        "load_before": load,
                        "load_after": _load(),
                    })
                    _save_partial("throughput", figures)
    return figures


# ---------------------------------------------------------------------------------------------
# 5. Memory over a batch
# ---------------------------------------------------------------------------------------------


def _replicate_suite(src: Path, dest: Path, count: int) -> Path:
    """A suite of ``count`` articles copied round-robin from ``src``, each made distinct by one line."""
    sources = sorted(p for p in (src / "articles").iterdir() if p.suffix == ".txt")
    (dest / "articles").mkdir(parents=True)
    (dest / "gold").mkdir()
    for i in range(count):
        article = sources[i % len(sources)]
        new_id = f"r{i:03d}_{article.stem}"
        text = article.read_text(encoding="utf-8").rstrip("\n")
        (dest / "articles" / f"{new_id}.txt").write_text(f"{text}\n\n(Copy {i} of the bench batch.)\n", encoding="utf-8")
        gold = src / "gold" / f"{article.stem}.json"
        if gold.exists():
            (dest / "gold" / f"{new_id}.json").write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    return dest


def _memory_child(model: str, prompt: str, count: int, marks: list[int]) -> dict[str, Any]:
    """Run in a fresh process: one batch, RSS sampled after ``marks`` articles, peak RSS at the end."""
    from summarise.runs import run_eval
    from summarise.suites import load_suite

    tmp = Path(tempfile.mkdtemp(prefix="summarise-bench-mem-"))
    suite = load_suite(str(_replicate_suite(NEWSDESK, tmp / "batch", count)))
    settings = _settings(tmp, n_threads=1)  # memory does not depend on threads; one leaves a core to others
    inner = TimedExtract()
    samples: dict[int, float] = {}
    done = 0
    lock = threading.Lock()
    rss_start = _rss_mb()

    def sampled(article: Any, *, model: str, prompt: str, settings: Any) -> Any:
        nonlocal done
        briefing = inner(article, model=model, prompt=prompt, settings=settings)
        with lock:
            done += 1 if model == model_name else 0
            if model == model_name and done in marks:
                samples[done] = _rss_mb()
        return briefing

    model_name = model
    started = time.perf_counter()
    try:
        run_eval(suite, model=model, prompt=prompt, settings=settings, run_dir=tmp / "run", concurrency=1,
                 use_cache=False, extract_fn=sampled)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {
        "model": model,
        "prompt": prompt,
        "articles": count,
        "rss_before_mb": rss_start,
        "rss_after_mb": samples,
        "rss_end_mb": _rss_mb(),
        "peak_rss_mb": _peak_rss_mb(),
        "wall_s": round(time.perf_counter() - started, 2),
    }


def bench_memory(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    runs = [("rules", "briefing@v1", args.memory_articles, [10, 50, 100]),
            (MODEL, "briefing@v2", args.memory_model_articles, [5, 10, 20])]
    rows = []
    for model, prompt, count, marks in runs:
        for _rep in range(args.memory_repeats):
            proc = subprocess.run(
                [sys.executable, __file__, "--child-memory", json.dumps([model, prompt, count, marks])],
                capture_output=True, text=True, check=False, cwd=ROOT,
            )
            if proc.returncode != 0:
                raise RuntimeError(f"memory child failed: {proc.stderr[-2000:]}")
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            row["rss_after_mb"] = {int(k): v for k, v in row["rss_after_mb"].items()}
            first, last = min(row["rss_after_mb"]), max(row["rss_after_mb"])
            row["growth_mb"] = round(row["rss_after_mb"][last] - row["rss_after_mb"][first], 1)
            row["growth_between"] = f"{first}->{last}"
            rows.append(row)
    return {"rows": rows, "suite": "newsdesk .txt articles replicated, each with one distinct line appended"}


# ---------------------------------------------------------------------------------------------
# 6. Constrained decoding: the BriefingDraft grammar against free generation
# ---------------------------------------------------------------------------------------------


def _eos_bias(llama: Any) -> dict[str, float]:
    return {str(llama.token_eos()): -1e9}


def bench_grammar(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    from llama_cpp.llama_grammar import LlamaGrammar

    from summarise.articles import read_article
    from summarise.extract import extract_briefing

    settings = _settings(tmp)
    backend = _local_backend(settings)
    llama = backend.engine.llama
    recorder = Recorder(llama)
    try:
        extract_briefing(read_article(str(ARTICLE)), model=MODEL, prompt="briefing@v1", settings=settings)
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
        return time.perf_counter() - t0, reply["usage"]["completion_tokens"], reply["usage"]["prompt_tokens"]

    constrained = {**request, "max_tokens": args.max_tokens}
    free = {k: v for k, v in request.items() if k not in ("tools", "tool_choice")}
    free["max_tokens"] = args.max_tokens
    free_no_eos = {**free, "logit_bias": _eos_bias(llama)}
    results: dict[str, list[tuple[float, int, int]]] = {}
    for _rep in range(args.repeats):
        results.setdefault("grammar", []).append(run(constrained))
        same = {**free_no_eos, "max_tokens": results["grammar"][-1][1]}  # as many tokens as the grammar run made
        results.setdefault("free, EOS banned, same tokens as grammar", []).append(run(same))
        results.setdefault("free", []).append(run(free))
        results.setdefault("free, EOS banned", []).append(run(free_no_eos))
    build_s = statistics.median(builds)
    rows = []
    for name, runs in results.items():
        walls = [w for w, _, _ in runs]
        tokens = runs[-1][1]
        gen_s = [w - (build_s if name == "grammar" else 0) for w in walls]
        rows.append({
            "variant": name,
            "completion_tokens": tokens,
            "prompt_tokens": runs[-1][2],
            "wall_median_s": _median(walls),
            "tok_s": _median([n / w for w, n, _ in runs]),
            "tok_s_excluding_grammar_build": _median([n / g for (_, n, _), g in zip(runs, gen_s)]),
            "ms_per_token": round(1000 * statistics.median(g / n for (_, n, _), g in zip(runs, gen_s)), 2),
            "runs_s": [round(w, 3) for w in walls],
        })
    by = {r["variant"]: r for r in rows}
    cost = round(100 * (by["grammar"]["ms_per_token"] / by["free, EOS banned, same tokens as grammar"]["ms_per_token"] - 1), 1)
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


# ---------------------------------------------------------------------------------------------
# 7. Threads under contention: what n_threads = all cores costs when anything else runs
# ---------------------------------------------------------------------------------------------

_HOG = "import time\nend = time.monotonic() + 600\nwhile time.monotonic() < end: pass\n"


def bench_threads(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    """Prompt processing and generation of the bundled model at 1 and all threads, idle and beside one busy process.

    The embedded engine defaults to ``n_threads = os.cpu_count()``. llama.cpp's OpenMP workers
    spin while they wait for each other, so one thread descheduled by any other process stalls
    the rest: on a small machine shared with a test run the rate can drop many-fold.
    """
    from llama_cpp import Llama

    text = ARTICLE.read_text(encoding="utf-8")
    rows = []
    for threads in sorted({1, os.cpu_count() or 1}):
        llama = Llama(model_path=str(_gguf()), n_ctx=4096, n_threads=threads, n_threads_batch=threads, verbose=False)
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
                    reply = llama.create_completion(text[:400], max_tokens=64, temperature=0.0,
                                                    logit_bias={llama.token_eos(): -1e9})
                    tg.append(reply["usage"]["completion_tokens"] / (time.perf_counter() - t0))
            finally:
                if proc is not None:
                    proc.kill()
                    proc.wait(timeout=10)
            rows.append({"n_threads": threads, "other_process": "one busy loop" if hog else "none",
                         "prompt_tok_s": _median(pp), "prompt_tok_s_runs": [round(x, 1) for x in pp],
                         "generation_tok_s": _median(tg), "generation_tok_s_runs": [round(x, 1) for x in tg],
                         "load": _load()})
        del llama
    return {"rows": rows, "prompt_tokens": len(tokens)}


# ---------------------------------------------------------------------------------------------
# Tables, results.json, RESULTS.md
# ---------------------------------------------------------------------------------------------

def _save_partial(name: str, figures: dict[str, Any]) -> None:
    """Keep what a long measurement has so far in results.json, marked partial, in case it is cut short."""
    results = json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.exists() else {}
    entry = results.get(name) or {}
    if not entry.get("partial"):
        entry = {"partial": True, "command": "python bench/run.py " + shlex.join(sys.argv[1:]), "machine": machine(),
                 "started_at": dt.datetime.now().isoformat(timespec="seconds"), "duration_s": None,
                 "load_before": _load()}
    entry.update(figures=copy.deepcopy(figures), load_after=_load())
    results[name] = entry
    RESULTS_JSON.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")


BENCHES: dict[str, Callable[[argparse.Namespace, Path], dict[str, Any]]] = {
    "startup": bench_startup,
    "overhead": bench_overhead,
    "prompt_cache": bench_prompt_cache,
    "throughput": bench_throughput,
    "memory": bench_memory,
    "grammar": bench_grammar,
    "threads": bench_threads,
}


def _table(header: list[str], rows: list[list[Any]]) -> str:
    cells = [[str(c) for c in header]] + [[str(c) for c in r] for r in rows]
    lines = ["| " + " | ".join(r) + " |" for r in cells]
    lines.insert(1, "|" + "|".join("---" for _ in header) + "|")
    return "\n".join(lines)


def tables(name: str, r: dict[str, Any]) -> list[str]:
    """The markdown tables of one measurement's figures."""
    out = []
    if name == "startup":
        out.append(_table(["command", "median s", "min s", "max s", "runs", f"< {STARTUP_TARGET_S} s"],
                          [[x["command"], x["median_s"], x["min_s"], x["max_s"], x["runs"],
                            "" if x["meets_target"] is None else ("yes" if x["meets_target"] else "NO")] for x in r["rows"]]))
        out.append(f"Heavy modules imported by `prompts list`: {r['heavy_imported_by_prompts_list'] or 'none'} "
                   f"({r['modules_loaded_by_prompts_list']} modules loaded).")
        out.append(_table(["slowest imports of `prompts list`", "cumulative ms"], r["slowest_imports_ms"]))
    elif name == "overhead":
        out.append(_table(
            ["prompt", "mode", "calls", "toolkit median s", "bare replay median s", "A/B overhead %", "toolkit outside llama.cpp s",
             "outside %", f"< {OVERHEAD_TARGET_PCT}%", "model_s", "toolkit_s", "grounding_s", "same tokens"],
            [[m["prompt"], m["mode"], m["calls_per_briefing"], m["toolkit_median_s"], m["bare_median_s"], m["ab_overhead_pct"], m["outside_llama_median_s"],
              m["outside_llama_pct"], "yes" if m["meets_target"] else "NO", m["provenance_timings_median"].get("model_s"),
              m["provenance_timings_median"].get("toolkit_s"), m["provenance_timings_median"].get("grounding_s"),
              m["same_tokens"]] for m in r["modes"]]))
        out.append(_table(["toolkit step (timed alone)", "median ms"], list(r["toolkit_pieces_ms"].items())))
        out.append(_table(["function (outside llama.cpp, one warm call)", "calls", "own ms", "cumulative ms"],
                          [[p["function"], p["calls"], p["own_ms"], p["cumulative_ms"]] for p in r["profile_outside_llama"][:10]]))
    elif name == "prompt_cache":
        out.append(_table(
            ["prompt", "article", "calls", "prompt tokens sent", "evaluated with reuse", "evaluated with reset", "saved %",
             "wall reuse s", "wall reset s"],
            [[x["prompt"], x["article"], x["calls"], x["prompt_tokens_sent"], x["evaluated_reuse"], x["evaluated_reset"],
              x["saved_pct"], x["wall_reuse_s"], x["wall_reset_s"]] for x in [*r["rows"], *r["totals"]]]))
    elif name == "throughput":
        lim = r["server_limit"]
        out.append(_table(["server, one request", "tokens/s", "tokens"],
                          [["generation, BriefingDraft grammar", lim["generation_tok_s_with_grammar"], lim["generation_tokens_with_grammar"]],
                           ["generation, free (EOS banned)", lim["generation_tok_s_free"], lim["generation_tokens_free"]],
                           ["prompt processing (no prefix reuse)", lim["prompt_tok_s"], lim["prompt_tokens"]]]))
        out.append(_table(["prompt", "concurrency", "rep", "articles", "errors", "wall s", "articles/min",
                           "mean latency s", "calls", "tokens in", "server evaluated", "tokens out", "server busy s", "server busy %",
                           "server-bound articles/min", "load 1m before/after"],
                          [[x["prompt"], x["concurrency"], x["rep"], x["articles"], x["errors"], x["wall_s"],
                            x["articles_per_min"], x["mean_article_latency_s"], x["calls"], x["tokens_in"],
                            x.get("server_prompt_tokens_evaluated", ""), x["tokens_out"], x["server_busy_s"], x["server_busy_pct"], x["server_bound_articles_per_min"],
                            f"{x['load_before']['loadavg_1m']}/{x['load_after']['loadavg_1m']}"] for x in r["levels"]]))
        out.append(r["note"])
    elif name == "memory":
        out.append(_table(["model", "prompt", "articles", "RSS before MB", "RSS after N articles (MB)", "growth MB",
                           "peak RSS MB", "wall s"],
                          [[x["model"], x["prompt"], x["articles"], x["rss_before_mb"],
                            ", ".join(f"{k}: {v}" for k, v in sorted(x["rss_after_mb"].items())),
                            f"{x['growth_mb']} ({x['growth_between']})", x["peak_rss_mb"], x["wall_s"]] for x in r["rows"]]))
    elif name == "grammar":
        out.append(f"Grammar build (LlamaGrammar.from_json_schema of the BriefingDraft tool, {r['schema_chars']} "
                   f"schema chars): median {r['grammar_build_ms_median']} ms over {len(r['grammar_build_ms_runs'])} builds.")
        out.append(_table(["variant", "completion tokens", "wall median s", "tokens/s", "tokens/s without build",
                           "ms/token", "runs s"],
                          [[x["variant"], x["completion_tokens"], x["wall_median_s"], x["tok_s"],
                            x["tok_s_excluding_grammar_build"], x["ms_per_token"], x["runs_s"]] for x in r["rows"]]))
        out.append(f"Per-token cost of the grammar against free generation of as many tokens (EOS banned): {r['per_token_cost_of_grammar_pct']}%.")
    elif name == "threads":
        out.append(_table(["n_threads", "other process", "prompt tok/s (median)", "runs", "generation tok/s (median)", "runs"],
                          [[x["n_threads"], x["other_process"], x["prompt_tok_s"], x["prompt_tok_s_runs"],
                            x["generation_tok_s"], x["generation_tok_s_runs"]] for x in r["rows"]]))
    return out


def write_markdown(results: dict[str, Any]) -> None:
    """bench/RESULTS.md from results.json: per measurement the command, the machine, the load, the tables."""
    parts = ["# Benchmark results\n",
             "Written by `python bench/run.py --markdown` from `bench/results.json`; see bench/README.md for what "
             "each measurement means and what to make of it.\n"]
    for name in BENCHES:
        r = results.get(name)
        if not r:
            continue
        m = r["machine"]
        parts.append(f"## {name}\n")
        parts.append(f"Command: `{r['command']}`  \n"
                     f"Machine: {m['nproc']} cores ({m['cpu']}), Python {m['python']}, llama-cpp-python "
                     f"{m['llama_cpp_python']}, instructor {m['instructor']}, openai {m['openai']}  \n"
                     f"Measured {r['started_at']} in {r['duration_s']} s; load average (1 min) "
                     f"{r['load_before']['loadavg_1m']} before, {r['load_after']['loadavg_1m']} after "
                     f"(tasks running/total {r['load_before']['tasks']} / {r['load_after']['tasks']}).\n")
        try:
            parts.extend(t + "\n" for t in tables(name, r["figures"]))
        except KeyError as exc:  # written by an older version of this script
            parts.append(f"(figures in an older format, missing {exc}: run `--only {name}` again)\n")
    RESULTS_MD.write_text("\n".join(parts), encoding="utf-8")


def _parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--only", action="append", choices=list(BENCHES), help="run only this measurement (repeatable)")
    p.add_argument("--runs", type=int, default=7, help="start-up: runs per command (median)")
    p.add_argument("--repeats", type=int, default=3, help="repeats of the model measurements (median)")
    p.add_argument("--overhead-repeats", type=int, default=5, help="overhead: toolkit/bare pairs (median)")
    p.add_argument("--cache-prompts", nargs="+", default=["briefing@v2", "briefing@v1"], help="prompt_cache: prompts")
    p.add_argument("--suite", choices=("newsdesk", "seeds"), default="newsdesk", help="throughput: the suite")
    p.add_argument("--prompts", nargs="+", default=["briefing@v1", "briefing@v2"], help="throughput: prompts to run")
    p.add_argument("--articles", type=int, default=8, help="throughput: the first N articles of the suite (0: all)")
    p.add_argument("--levels", type=int, nargs="+", default=list(CONCURRENCY_LEVELS), help="throughput: concurrencies")
    p.add_argument("--throughput-repeats", type=int, default=1, help="throughput: runs per concurrency")
    p.add_argument("--memory-articles", type=int, default=100)
    p.add_argument("--memory-model-articles", type=int, default=20)
    p.add_argument("--memory-repeats", type=int, default=2)
    p.add_argument("--max-tokens", type=int, default=256, help="grammar: the cap on each generation")
    p.add_argument("--markdown", action="store_true", help="only rewrite RESULTS.md from results.json")
    p.add_argument("--child-memory", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = _parse_args(argv)
    if args.child_memory:
        model, prompt, count, marks = json.loads(args.child_memory)
        print(json.dumps(_memory_child(model, prompt, count, marks)))
        return
    results = json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.exists() else {}
    if not args.markdown:
        command = "python bench/run.py " + shlex.join(sys.argv[1:] if argv is None else argv)
        for name in args.only or list(BENCHES):
            print(f"== {name}", file=sys.stderr, flush=True)
            with tempfile.TemporaryDirectory(prefix=f"summarise-bench-{name}-") as tmp:
                load_before, started, t0 = _load(), dt.datetime.now().isoformat(timespec="seconds"), time.perf_counter()
                figures = BENCHES[name](args, Path(tmp))
                results = json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.exists() else {}
                results[name] = {
                    "command": command.strip(),
                    "machine": machine(),
                    "started_at": started,
                    "duration_s": round(time.perf_counter() - t0, 1),
                    "load_before": load_before,
                    "load_after": _load(),
                    "figures": figures,
                }
            for table in tables(name, figures):
                print(table + "\n", flush=True)
            RESULTS_JSON.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    write_markdown(results)


if __name__ == "__main__":
    main()
