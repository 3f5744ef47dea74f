"""Eval runs under faults, driven as a user drives them: the cache key, exit codes, redaction of
keys, concurrency as the server sees it, resume by article id, and a batch killed at random points.

Every article here is a few invented sentences; servers are the scripted loopback server of
``conftest`` (``ScriptedHandler``), subclassed where a test needs it to do one thing more.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarise.config import Settings, get_settings
from summarise.errors import BackendError
from summarise.redact import redact
from summarise.reports import summarise_run
from summarise.runs import result_key, run_eval
from summarise.suites import load_suite

from .conftest import GOOD, ROOT, ScriptedHandler, _QuietServer, completion, free_port, run_cli

MODEL_RESULTS = "results.jsonl"
REPORTS = ("results.jsonl", "summary.json", "report.md", "report.html")


def _article(i: int) -> str:
    return (
        f"The harbour board of Lindqvist Bay met on Tuesday for session {i:03d}. "
        f'Its chair, Mara Oduya, said "we will reopen the east pier before the storms" after the vote.\n'
    )


def _suite(root: Path, texts: dict[str, str]) -> Path:
    """A suite folder of the given articles (by id) and no gold: nothing here is scored."""
    articles = root / "articles"
    articles.mkdir(parents=True)
    for article_id, text in texts.items():
        (articles / f"{article_id}.txt").write_text(text, encoding="utf-8")
    return root


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _eval(suite: Path, runs: Path, url: str, *more: str, env: dict[str, str] | None = None):
    get_settings.cache_clear()  # each call is a new process to the user: settings read afresh
    return run_cli("eval", "run", str(suite), "--model", "openai/m", "--base-url", url, "--prompt", "briefing@v1",
                   "--runs-dir", str(runs), *more, env=env)


def _last_line(stderr: str) -> str:
    return stderr.strip().splitlines()[-1]


class _WideServer(_QuietServer):
    """The scripted server with room for many connections at once: with socketserver's listen
    backlog of 5, connections beyond it wait a second for the client's SYN to be sent again, and
    the server would count fewer requests in flight than the client has."""

    request_queue_size = 64


@pytest.fixture()
def serve() -> Iterator:
    """Starts a scripted server with a handler class of the test's choosing; returns its /v1 URL."""
    servers = []

    def start(handler: type[ScriptedHandler]) -> str:
        handler.hits, handler.scenario, handler.script, handler.answer = 0, "ok", [], GOOD
        handler.last_body, handler.bodies, handler.times, handler.release = {}, [], [], threading.Event()
        port = free_port()
        server = _WideServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append((server, handler))
        return f"http://127.0.0.1:{port}/v1"

    yield start
    for server, handler in servers:
        handler.release.set()
        server.shutdown()
        server.server_close()


# --------------------------------------------------------------------------------------------
# 2. The response cache is keyed by everything that can change an answer, the server included
# --------------------------------------------------------------------------------------------


def test_a_cached_answer_from_one_server_is_not_served_for_another(fake_server: str, tmp_path: Path):
    suite = _suite(tmp_path / "suite", {"a1": _article(1), "a2": _article(2)})
    first = _eval(suite, tmp_path / "runs1", fake_server)
    assert first.exit_code == 0, first.stderr
    assert ScriptedHandler.hits == 2
    # the same model name behind another server, one that answers 500 to everything
    ScriptedHandler.scenario, ScriptedHandler.hits = "500", 0
    other = fake_server.replace("/v1", "/other/v1")
    second = _eval(suite, tmp_path / "runs2", other, env={"SUMMARISE_TRANSPORT_RETRIES": "0"})
    assert ScriptedHandler.hits == 2, "the second server was never asked"
    assert second.exit_code == 4, second.stderr
    (results,) = (tmp_path / "runs2").glob(f"*/{MODEL_RESULTS}")
    assert all(line["briefing"] is None and "HTTP 500" in line["error"] for line in _lines(results))


@pytest.mark.parametrize(
    "change",
    [
        {"base_url": "http://10.0.0.2:8000/v1"},
        {"mode": "JSON_SCHEMA"},
        {"context_tokens": 4096},
        {"temperature": 0.5},
    ],
)
def test_the_result_key_holds_the_server_and_the_mode(change: dict):
    base = Settings(base_url="http://10.0.0.1:8000/v1")
    key = result_key(prompt_hash="b2:p", model="openai/m", settings=base, article_hash="b2:a")
    assert result_key(prompt_hash="b2:p", model="openai/m", settings=base.model_copy(update=change), article_hash="b2:a") != key
    # the same server written with a trailing slash is the same server
    slash = base.model_copy(update={"base_url": "http://10.0.0.1:8000/v1/"})
    assert result_key(prompt_hash="b2:p", model="openai/m", settings=slash, article_hash="b2:a") == key


# --------------------------------------------------------------------------------------------
# 3. A run with failed articles exits non-zero and says how many
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "script, scenario, code, says",
    [
        ([], "500", 4, "3 of 3 articles failed"),  # every article, one reason: the backend's code
        (["500"], "ok", 1, "1 of 3 articles failed"),  # some of several
        (["500", "malformed"], "malformed", 1, "3 of 3 articles failed"),  # all, for more than one reason
        ([], "ok", 0, None),
    ],
)
def test_eval_exit_code_says_whether_articles_failed(fake_server, tmp_path, script, scenario, code, says):
    ScriptedHandler.script, ScriptedHandler.scenario = list(script), scenario
    suite = _suite(tmp_path / "suite", {f"a{i}": _article(i) for i in range(3)})
    result = _eval(suite, tmp_path / "runs", fake_server,
                   env={"SUMMARISE_TRANSPORT_RETRIES": "0", "SUMMARISE_REASKS": "0"})
    assert result.exit_code == code, result.stderr
    if says is None:
        assert "failed" not in _last_line(result.stderr)
        return
    last = _last_line(result.stderr)
    assert last.startswith(f"error: {says}") and MODEL_RESULTS in last, result.stderr
    assert "Traceback" not in result.stderr
    (summary,) = (tmp_path / "runs").glob("*/summary.json")  # the reports are written all the same
    assert json.loads(summary.read_text())["run"]["errors"] == int(says.split()[0])


# --------------------------------------------------------------------------------------------
# 4. A key a server echoes in an error reaches no terminal, file or report
# --------------------------------------------------------------------------------------------

KEY = "k3y-for-the-lindqvist-test-server-7Q2xW9"


class EchoKeyHandler(ScriptedHandler):
    """Answers 400 with a body that repeats what it was sent, the way some proxies do.
    ``echo`` shapes it: the header whole, the bare key in prose, or the key cut by a long body."""

    echo = "header"

    def do_POST(self):
        type(self).hits += 1
        self.rfile.read(int(self.headers.get("content-length", 0)))
        auth = self.headers.get("authorization", "")
        token = auth.split()[-1] if auth else ""
        message = {
            "header": f"invalid request; headers were Authorization: {auth}",
            "bare": f"the key {token} is not valid for model m",
            "cut": "x" * 100 + f" {token} is not valid",  # cut inside the key by the 160 characters kept
        }[self.echo]
        self._send(400, json.dumps({"error": {"message": message, "type": "invalid_request_error"}}).encode())


@pytest.mark.parametrize("echo", ["header", "bare", "cut"])
def test_an_echoed_key_is_redacted_everywhere(serve, tmp_path: Path, echo: str):
    EchoKeyHandler.echo = echo
    url = serve(EchoKeyHandler)
    env = {"SUMMARISE_API_KEY": KEY, "SUMMARISE_TRANSPORT_RETRIES": "0"}
    suite = _suite(tmp_path / "suite", {"a1": _article(1), "a2": _article(2)})
    result = _eval(suite, tmp_path / "runs", url, env=env)
    assert EchoKeyHandler.hits == 2
    assert result.exit_code == 4, result.stderr
    assert "[redacted]" in result.stderr
    (run_dir,) = (tmp_path / "runs").iterdir()
    outputs = {"stderr": result.stderr, "stdout": result.stdout}
    outputs.update({name: (run_dir / name).read_text(encoding="utf-8") for name in REPORTS})
    for where, text in outputs.items():
        assert KEY[:8] not in text, f"the key reached {where}"
    assert "[redacted]" in outputs["results.jsonl"] and "[redacted]" in outputs["report.md"]
    # and a lone briefing's one-line error
    one = run_cli("brief", str(suite / "articles" / "a1.txt"), "--model", "openai/m", "--base-url", url,
                  "--prompt", "briefing@v1", env=env)
    assert one.exit_code == 4 and one.stderr.count("\n") == 1, one.stderr
    assert KEY[:8] not in one.stderr and "[redacted]" in one.stderr


def test_reports_redact_a_key_already_in_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A results.jsonl written before redaction (or by another tool) must not leak into reports."""
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    loaded = load_suite(_suite(tmp_path / "suite", {"a1": _article(1)}))

    def leaky(article, **kw):
        raise BackendError(f"HTTP 400: echoed {KEY} and Bearer sk-proj-0123456789abcdef")

    run_dir = run_eval(loaded, model="openai/m", prompt="briefing@v1", settings=Settings(), run_dir=tmp_path / "run",
                       extract_fn=leaky)
    results = run_dir / MODEL_RESULTS
    assert KEY[:8] not in results.read_text() and "sk-proj-0123" not in results.read_text()
    line = _lines(results)[0]
    results.write_text(json.dumps({**line, "error": f"BackendError: echoed {KEY}"}) + "\n", encoding="utf-8")
    summarise_run(run_dir, suite=loaded)
    for name in ("summary.json", "report.md", "report.html"):
        assert KEY[:8] not in (run_dir / name).read_text(encoding="utf-8"), name


@pytest.mark.parametrize(
    "text, gone",
    [
        ("HTTP 400: Authorization: Bearer abc.def-ghi_123", "abc.def"),
        ('{"authorization": "Basic dXNlcjpwYXNz"}', "dXNlcjpw"),
        ("bad key sk-proj-AbCdEf0123456789 given", "sk-proj"),
        ("x-api-key: zzzz-9999-yyyy was refused", "zzzz-9999"),
        ("api_key='q1w2e3r4t5' rejected", "q1w2e3r4"),
        (f"cut short at {KEY[:12]}", KEY[:8]),
        (f"prose around {KEY} and more", KEY[:8]),
    ],
)
def test_redact_removes_keys_and_key_shaped_words(monkeypatch, text: str, gone: str):
    monkeypatch.setenv("SUMMARISE_API_KEY", KEY)
    out = redact(text)
    assert gone not in out and "[redacted]" in out


@pytest.mark.parametrize(
    "text",
    ["raise SUMMARISE_MAX_TOKENS or SUMMARISE_API_KEY", "Bearer tokens are fine", "an answer reached the 1024-token cap",
     "openai/m failed with HTTP 500: busy"],
)
def test_redact_leaves_ordinary_messages_alone(monkeypatch, text: str):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    assert redact(text) == text


# --------------------------------------------------------------------------------------------
# 5. The server sees the concurrency asked for, whatever the client's core count
# --------------------------------------------------------------------------------------------


class InFlightHandler(ScriptedHandler):
    """Counts the requests it is answering at once; each takes ``delay`` seconds."""

    delay = 1.0
    in_flight = 0
    most = 0
    lock = threading.Lock()

    def do_POST(self):
        cls = type(self)
        with cls.lock:
            cls.in_flight += 1
            cls.most = max(cls.most, cls.in_flight)
        try:
            time.sleep(cls.delay)
            super().do_POST()
        finally:
            with cls.lock:
                cls.in_flight -= 1


def test_the_server_sees_the_requested_concurrency_on_a_two_core_client(serve, tmp_path, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # the client of the report: 2 cores, a 6-thread default pool
    InFlightHandler.in_flight = InFlightHandler.most = 0
    url = serve(InFlightHandler)
    suite = _suite(tmp_path / "suite", {f"a{i:02d}": _article(i) for i in range(20)})
    result = _eval(suite, tmp_path / "runs", url, "-j", "16", "--no-cache")
    assert result.exit_code == 0, result.stderr
    assert InFlightHandler.hits == 20
    assert InFlightHandler.most == 16, f"the server saw at most {InFlightHandler.most} requests at once"


# --------------------------------------------------------------------------------------------
# 6. Resume keys results by article id: an article whose words equal another's is still briefed
# --------------------------------------------------------------------------------------------


def test_resume_briefs_an_article_whose_text_equals_another(tmp_path: Path):
    suite = _suite(tmp_path / "suite", {"a1": _article(1), "a2": _article(1), "a3": _article(3)})
    first = run_cli("eval", "run", str(suite), "--model", "rules", "--runs-dir", str(tmp_path / "runs"))
    assert first.exit_code == 0, first.stderr
    (run_dir,) = (tmp_path / "runs").iterdir()
    results = run_dir / MODEL_RESULTS
    kept = results.read_text(encoding="utf-8").splitlines()[0]  # as if killed after the first article
    assert json.loads(kept)["article_id"] == "a1"
    results.write_text(kept + "\n", encoding="utf-8")
    resumed = run_cli("eval", "run", str(suite), "--model", "rules", "--resume", str(run_dir))
    assert resumed.exit_code == 0, resumed.stderr
    assert sorted(line["article_id"] for line in _lines(results)) == ["a1", "a2", "a3"]
    summary = json.loads((run_dir / "summary.json").read_text())
    assert [row["status"] for row in summary["run"]["per_article"]] == ["ok", "ok", "ok"]


# --------------------------------------------------------------------------------------------
# A batch killed at random points and resumed equals a clean run
# --------------------------------------------------------------------------------------------


class PerArticleHandler(ScriptedHandler):
    """Answers each article with a briefing of its own (its session number in the headline),
    after a short random delay, so that a mixed-up or duplicated result shows."""

    def do_POST(self):
        cls = type(self)
        cls.hits += 1
        body = self.rfile.read(int(self.headers.get("content-length", 0))).decode()
        session = re.search(r"session (\d{3})", body)
        time.sleep(random.uniform(0.05, 0.15))
        answer = json.dumps({"headline": f"Pier session {session.group(1) if session else '?'}",
                             "bottom_line": "The board met.", "events": [], "actors": [], "quotes": []})
        self._send(200, json.dumps(completion(answer)).encode())


def _without_provenance(path: Path) -> dict[str, dict]:
    out = {}
    for line in _lines(path):
        briefing = dict(line["briefing"])
        briefing.pop("provenance", None)
        out[line["article_id"]] = briefing
    return out


def _written(runs: Path) -> int:
    """Bytes of results written so far, the model's and the baseline's."""
    return sum(p.stat().st_size for p in runs.glob(f"**/{MODEL_RESULTS}"))


def _check_whole(path: Path, ids: set[str]) -> None:
    data = path.read_bytes()
    assert data.endswith(b"\n"), f"{path}: torn last line"
    lines = _lines(path)  # every line parses: no torn line inside either
    counts = Counter(line["article_id"] for line in lines)
    assert set(counts) == ids and set(counts.values()) == {1}, f"{path}: duplicates or gaps: {counts}"
    assert all(line["briefing"] is not None for line in lines)


def test_a_batch_killed_at_random_points_resumes_to_the_clean_result(serve, tmp_path: Path):
    url = serve(PerArticleHandler)
    ids = {f"s{i:03d}" for i in range(30)}
    suite = _suite(tmp_path / "suite", {f"s{i:03d}": _article(i) for i in range(30)})
    runs = tmp_path / "runs"
    base = [sys.executable, "-m", "summarise.cli", "eval", "run", str(suite), "--model", "openai/m", "--base-url", url,
            "--prompt", "briefing@v1", "-j", "3"]
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    rng.seed(seed)
    run_dir: Path | None = None
    landed = 0
    for kill in range(3):
        command = [*base, "--runs-dir", str(runs)] if run_dir is None else [*base, "--resume", str(run_dir)]
        before = _written(runs)
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and proc.poll() is None and _written(runs) <= before:
                time.sleep(0.02)  # until this process has written a result of its own
            time.sleep(rng.uniform(0.0, 1.0))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                landed += 1
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=30)
        if run_dir is None:
            (run_dir,) = runs.iterdir()
    assert run_dir is not None
    assert landed >= 1, f"no kill landed mid-run (seed {seed})"
    final = subprocess.run([*base, "--resume", str(run_dir)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert final.returncode == 0, f"seed {seed}: {final.stderr[-2000:]}"
    for path in (run_dir / MODEL_RESULTS, run_dir / "baseline" / MODEL_RESULTS):
        _check_whole(path, ids)
    clean = _eval(suite, tmp_path / "clean", url, "--no-cache")
    assert clean.exit_code == 0, clean.stderr
    (clean_dir,) = (tmp_path / "clean").iterdir()
    for name in (MODEL_RESULTS, f"baseline/{MODEL_RESULTS}"):
        assert _without_provenance(run_dir / name) == _without_provenance(clean_dir / name), f"seed {seed}: {name}"
    assert json.loads((run_dir / "run.json").read_text())["resumed_at"], "the run was resumed"
