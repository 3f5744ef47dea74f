"""``python -m llama_cpp.server`` on loopback for the throughput measurement, and what one request gets from it."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.environment import ARTICLE, SERVED_NAME, gguf, median

SERVER_WAIT_S = 90


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _serve(argv: list[str], log: Path, port: int, name: str) -> Iterator[str]:
    """Run a model server on loopback, up within SERVER_WAIT_S, always stopped after; yields its /v1 URL."""
    import httpx2

    with log.open("w") as out:
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + SERVER_WAIT_S
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with {proc.returncode}: see {log}")
            try:
                if httpx2.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx2.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not answer within {SERVER_WAIT_S}s: see {log}")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=15)


def llama_server(log: Path, threads: int = 2) -> contextlib.AbstractContextManager[str]:
    """``python -m llama_cpp.server`` on loopback: one ``Llama``, one request at a time."""
    port = _free_port()
    argv = [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(gguf()), "--model_alias", SERVED_NAME,
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", "8192", "--n_threads", str(threads), "--n_threads_batch", str(threads),
    ]
    return _serve(argv, log, port, "llama_cpp.server")


def batching_server(binary: Path, log: Path, slots: int, ctx_per_slot: int, threads: int) -> contextlib.AbstractContextManager[str]:
    """llama.cpp's own ``llama-server`` with ``slots`` parallel sequences decoded in one batch."""
    port = _free_port()
    argv = [
        str(binary),
        "--model", str(gguf()), "--alias", SERVED_NAME,
        "--host", "127.0.0.1", "--port", str(port),
        "--ctx-size", str(ctx_per_slot * slots), "--parallel", str(slots),
        "--threads", str(threads), "--threads-batch", str(threads),
        "--jinja", "--metrics",
    ]
    return _serve(argv, log, port, "llama-server")


def server_request(url: str, body: dict[str, Any]) -> tuple[float, dict[str, Any]]:
    import httpx2

    started = time.perf_counter()
    reply = httpx2.post(f"{url}/chat/completions", json=body, timeout=300)
    reply.raise_for_status()
    return time.perf_counter() - started, reply.json()


def _capture_toolkit_body(url: str, settings: Any, article: Any, prompt_spec: str) -> dict[str, Any]:
    """The exact JSON body the toolkit posts to a server for one BriefingDraft call."""
    import httpx2

    from summarise.backends import open_backend, parse_spec
    from summarise.call import CallStats, ask
    from summarise.prompts import load_prompt
    from summarise.schemas import BriefingDraft

    bodies: list[dict[str, Any]] = []
    client = httpx2.Client(
        event_hooks={"request": [lambda r: bodies.append(json.loads(r.content))]},
        timeout=300,
    )
    backend = open_backend(parse_spec(f"openai/{SERVED_NAME}", url), settings, http_client=client)
    prompt = load_prompt(prompt_spec)
    ask(
        backend,
        prompt.render(article=article.text),
        BriefingDraft,
        article=article.text,
        settings=settings,
        stats=CallStats(),
        max_tokens=prompt.max_tokens,
        reasks=0,
    )
    return bodies[0]


def server_limit(url: str, settings: Any, repeats: int) -> dict[str, Any]:
    """What one request gets from the server: generation and prompt-processing rates."""
    from summarise.articles import read_article

    body = _capture_toolkit_body(url, settings, read_article(str(ARTICLE)), "briefing@v1")
    tg = []
    for _ in range(repeats):  # prompt cached by the server after the first: this is generation
        wall, reply = server_request(url, body)
        tg.append((wall, reply["usage"]["completion_tokens"]))
    free = {k: v for k, v in body.items() if k not in ("tools", "tool_choice")}
    free["max_tokens"] = 256
    free["logit_bias"] = {"2": -100}  # SmolLM2's <|im_end|>: keep generating, to measure the rate
    tg_free = []
    for _ in range(repeats):
        wall, reply = server_request(url, free)
        tg_free.append((wall, reply["usage"]["completion_tokens"]))
    pp = []
    for i in range(repeats):  # a fresh first message each time: no prefix to reuse
        fresh = copy.deepcopy(body)
        fresh["messages"][0]["content"] = f"Request {time.time_ns()}-{i}.\n" + fresh["messages"][0]["content"]
        fresh["max_tokens"] = 1
        fresh.pop("tools", None)
        fresh.pop("tool_choice", None)
        wall, reply = server_request(url, fresh)
        pp.append((wall, reply["usage"]["prompt_tokens"]))
    return {
        "generation_tok_s_with_grammar": median([n / w for w, n in tg]),
        "generation_tokens_with_grammar": tg[-1][1],
        "generation_tok_s_free": median([n / w for w, n in tg_free]),
        "generation_tokens_free": tg_free[-1][1],
        "prompt_tok_s": median([n / w for w, n in pp]),
        "prompt_tokens": pp[-1][1],
    }


def server_work(log: Path, offset: int) -> tuple[float, int, int]:
    """Since ``offset`` of the server's log: seconds in llama.cpp, requests, prompt tokens it evaluated.

    llama.cpp prints perf lines per request; the prompt tokens evaluated exclude the prefix the
    server reused from the previous request.
    """
    text = log.read_text(errors="replace")[offset:]
    totals = [float(m.group(1)) / 1000 for m in re.finditer(r"total time =\s+([\d.]+) ms", text)]
    evaluated = sum(int(m.group(1)) for m in re.finditer(r"prompt eval time =\s+[\d.]+ ms /\s+(\d+) tokens", text))
    return sum(totals), len(totals), evaluated
