"""Test isolation and the cassette settings.

Every test gets its own data directory (models, cache) and fresh settings. Tests that talk to a
model server replay cassettes recorded by `make cassettes`; matching includes the request body,
so a changed prompt or schema can never replay an old answer. Tests of what a user meets when a
server misbehaves use ``fake_server``: a scripted OpenAI-compatible server on loopback, with a
mode for each fault (``ScriptedHandler``), and ``run_cli`` to drive the command line.
"""

from __future__ import annotations

import email.utils
import json
import os
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from summarise.cli import main
from summarise.config import get_settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "evals" / "seeds" / "articles"
#: The address cassettes were recorded against; `make cassettes` serves the bundled model there.
SERVER = os.environ.get("SUMMARISE_TEST_SERVER", "http://127.0.0.1:8765/v1")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    for name in list(os.environ):
        if name.startswith("SUMMARISE_") and name != "SUMMARISE_TEST_SERVER":
            monkeypatch.delenv(name)
    monkeypatch.setenv("SUMMARISE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def vcr_config() -> dict:
    return {
        "filter_headers": ["authorization", "openai-organization", "openai-project", "x-api-key"],
        "match_on": ["method", "scheme", "host", "port", "path", "query", "body"],
        "decode_compressed_response": True,
    }


def completion(answer: str, finish: str = "stop", as_content: bool = False) -> dict:
    """An OpenAI chat.completion body: ``answer`` as forced tool-call arguments (TOOLS mode) or
    as message content (JSON_SCHEMA mode), ending with ``finish``."""
    message = (
        {"role": "assistant", "content": answer}
        if as_content
        else {"role": "assistant", "content": None,
              "tool_calls": [{"id": "c", "type": "function", "function": {"name": "BriefingDraft", "arguments": answer}}]}
    )
    return {
        "id": "x", "object": "chat.completion", "created": 0, "model": "m",
        "choices": [{"index": 0, "finish_reason": finish, "message": message}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


@pytest.fixture()
def seed_text() -> str:
    return (SEEDS / "002_27e096ec9d555072.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# A scripted OpenAI-compatible server on loopback, and the command line as a user runs it
# ---------------------------------------------------------------------------------------------


def run_cli(*args: str, env: dict[str, str] | None = None, input: str | None = None):
    """Run the CLI through its real entry point, so errors are handled as a user sees them."""

    def entry():
        sys.argv = ["summarise", *args]
        main()

    wrapper = typer.Typer()
    wrapper.command()(entry)
    return CliRunner().invoke(wrapper, [], env=env, input=input)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


GOOD = json.dumps({"headline": "H", "bottom_line": "B", "events": [], "actors": [], "quotes": []})


class ScriptedHandler(BaseHTTPRequestHandler):
    """Answers every chat completion as its ``scenario`` says; a ``script`` of scenarios, one a
    request, runs first ("503" then "ok"). Counts requests (``hits``) and keeps their bodies.

    Scenarios: ``ok`` (``answer`` as a forced tool call; ``answers``, when set, are given one a
    request first), ``content_to_cap``, ``cut_at_cap``,
    ``malformed`` (not JSON arguments), ``prose`` (text, no tool call), ``slow`` (3 s), ``hang`` (accepts, never answers),
    ``429``/``500``/``503`` (an error body; ``retry_after`` sets the Retry-After header),
    ``non_json`` (an HTML page with status 200), ``broken_json`` (a JSON content type, a body that is not JSON), ``reset_mid_body`` (headers, half a body, then the
    connection closed), ``empty_choices`` (a completion with no choices).
    """

    scenario = "ok"
    script: list[str] = []
    answer = GOOD
    answers: list[str] = []
    retry_after: str | None = None
    hits = 0
    last_body: dict = {}
    bodies: list[dict] = []
    times: list[float] = []
    release = threading.Event()  # set at teardown: a hanging request may end

    def log_message(self, *args):  # quiet
        pass

    def _send(self, status: int, data: bytes, content_type: str = "application/json", headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        cls = type(self)
        cls.hits += 1
        cls.times.append(time.monotonic())
        cls.last_body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
        cls.bodies.append(cls.last_body)
        s = cls.script.pop(0) if cls.script else self.scenario
        if s == "slow":
            time.sleep(3)
        if s == "hang":
            cls.release.wait(60)
            return
        if s in ("429", "500", "503"):
            headers = {"retry-after": cls.retry_after} if cls.retry_after is not None else None
            self._send(int(s), json.dumps({"error": {"message": "busy"}}).encode(), headers=headers)
            return
        if s == "non_json":
            self._send(200, b"<html><body>502 Bad Gateway</body></html>", "text/html")
            return
        if s == "broken_json":  # says JSON, is not: a proxy's error page, a body cut by the server
            self._send(200, b'{"id": "x", "choices": [{"index": 0, "mess')
            return
        if s == "reset_mid_body":
            data = json.dumps(completion(cls.answer)).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        if s == "empty_choices":
            body = {**completion(cls.answer), "choices": []}
        else:
            body = {"ok": completion(cls.answers.pop(0) if cls.answers else cls.answer),
                    # llama-server under a JSON-schema grammar: the answer whole, then white space to the cap
                    "content_to_cap": completion(cls.answer + "\n", finish="length", as_content=True),
                    "cut_at_cap": completion(cls.answer[:30], finish="length"),
                    "malformed": completion("{headline: oops"),
                    # a server that ignores the forced tool call (or the JSON schema) and answers in prose
                    "prose": completion("Here is a short summary of the article.", as_content=True),
                    "slow": completion("{}")}[s]
        self._send(200, json.dumps(body).encode())


def http_date(seconds_from_now: float) -> str:
    """An HTTP date (as in Retry-After) that many seconds from now."""
    return email.utils.formatdate(time.time() + seconds_from_now, usegmt=True)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a client that timed out and left: expected here
        pass


@pytest.fixture()
def fake_server():
    """The scripted server's /v1 URL; set ``ScriptedHandler``'s class attributes to script it."""
    port = free_port()
    server = _QuietServer(("127.0.0.1", port), ScriptedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    h = ScriptedHandler
    h.hits, h.scenario, h.script, h.answer, h.retry_after, h.last_body, h.bodies, h.times = 0, "ok", [], GOOD, None, {}, [], []
    h.release = threading.Event()
    h.answers = []
    yield f"http://127.0.0.1:{port}/v1"
    h.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture()
def fake_servers():
    """Start scripted servers on demand: ``start(handler=ScriptedHandler)`` gives ``(url, handler)``,
    the handler a fresh subclass per server, so each is scripted and counted on its own."""
    started: list[tuple[_QuietServer, type[ScriptedHandler]]] = []

    def start(handler: type[ScriptedHandler] = ScriptedHandler) -> tuple[str, type[ScriptedHandler]]:
        own = type(f"{handler.__name__}{len(started)}", (handler,), {
            "hits": 0, "scenario": "ok", "script": [], "answer": GOOD, "retry_after": None,
            "last_body": {}, "bodies": [], "times": [], "release": threading.Event(),
        })
        server = _QuietServer(("127.0.0.1", free_port()), own)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        started.append((server, own))
        return f"http://127.0.0.1:{server.server_address[1]}/v1", own

    yield start
    for server, own in started:
        own.release.set()
        server.shutdown()
        server.server_close()
