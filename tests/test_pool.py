"""A pool of model servers behind one client: several ``--base-url``, one briefing per article.

Scripted servers on loopback (conftest.py's ``fake_servers``) stand in for replicas of a model:
one answers, one is down, one refuses with 503, one is slow, and what a user sees is checked
through the command line and the Python API. The articles are invented for these tests.
"""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import summarise
from summarise.backends import ModelSpec, parse_spec
from summarise.config import Settings
from summarise.errors import ConfigError
from summarise.runs import endpoint

from .conftest import ROOT, ScriptedHandler, free_port
from .conftest import run_cli as run

SEEDS = ROOT / "evals" / "seeds"
TOWNS = ["Orlin", "Pellow", "Carrick", "Dunmere", "Ashby", "Tarnow", "Quillan", "Rossel", "Brannock", "Elsworth"]


def _article(town: str) -> str:
    return (
        f"Ferry service to {town} resumes\n\n"
        f"The harbour board of {town} said on Tuesday that the ferry would sail again next week. "
        f'"The new pier is safe," said Mara Delling, the board\'s chair.\n'
    )


def _articles(tmp_path: Path, n: int) -> list[Path]:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    paths = []
    for town in TOWNS[:n]:
        path = folder / f"{town.lower()}.txt"
        path.write_text(_article(town), encoding="utf-8")
        paths.append(path)
    return paths


def _brief(paths: list[Path], *pool: str, env: dict[str, str] | None = None):
    urls = [arg for url in pool for arg in ("--base-url", url)]
    return run("brief", *map(str, paths), "--model", "openai/m", *urls, "--prompt", "briefing@v1", "--format", "jsonl", env=env)


def _briefings(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


#: No retries of the call: a request the pool did not send elsewhere at once would fail.
NO_RETRIES = {"SUMMARISE_TRANSPORT_RETRIES": "0"}


def _closed_url() -> str:
    return f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there: connections are refused


def _settings(*pool: str, **more) -> Settings:
    return Settings(base_url=",".join(pool), **more)


def test_requests_are_spread_over_every_server(fake_servers, tmp_path: Path):
    (a, server_a), (b, server_b) = fake_servers(), fake_servers()
    result = _brief(_articles(tmp_path, 6), a, b)
    assert result.exit_code == 0, result.stderr
    briefings = _briefings(result.stdout)
    assert len(briefings) == 6
    assert server_a.hits + server_b.hits == 6
    assert server_a.hits == server_b.hits == 3  # one at a time, each to the server used less lately
    # the provenance names the pool, in one order whatever order it was given in
    assert {b["provenance"]["settings"]["base_url"] for b in briefings} == {",".join(sorted([a, b]))}
    # and each briefing says which server made it
    said = [note for b in briefings for note in b["provenance"]["notes"] if note.startswith("answered by")]
    assert sorted(said) == sorted([f"answered by {a}"] * 3 + [f"answered by {b}"] * 3)


def test_a_comma_list_repeated_flags_and_any_order_are_one_pool(fake_servers, tmp_path: Path):
    (a, _), (b, _) = fake_servers(), fake_servers()
    article = _articles(tmp_path, 1)
    # first: the settings are read from the environment once per process
    from_env = run("brief", str(article[0]), "--model", "openai/m", "--prompt", "briefing@v1", "--format", "jsonl",
                   env={"SUMMARISE_BASE_URL": f"{b},{a}"})
    repeated = _brief(article, b, a + "/")
    comma = _brief(article, f"{a}, {b}")
    named = {_briefings(r.stdout)[0]["provenance"]["settings"]["base_url"] for r in (repeated, comma, from_env)}
    assert named == {f"{min(a, b)},{max(a, b)}"}
    # the cache key's endpoint too: a reordered pool reuses what the pool answered before
    assert endpoint("openai/m", _settings(a, b)) == endpoint("openai/m", _settings(b + "/", a)) == endpoint(
        "openai/m", _settings(b, a, a)
    )
    assert endpoint("openai/m", _settings(a, b)) != endpoint("openai/m", _settings(a))


def test_one_server_down_the_others_brief_every_article(fake_servers, tmp_path: Path):
    good, server = fake_servers()
    result = _brief(_articles(tmp_path, 5), _closed_url(), good, env=NO_RETRIES)
    assert result.exit_code == 0, result.stderr
    briefings = _briefings(result.stdout)
    assert len(briefings) == 5 and server.hits == 5
    assert all(f"answered by {good}" in b["provenance"]["notes"] for b in briefings)


def test_a_failing_server_is_backed_off_longer_each_time_while_the_other_answers(fake_servers, tmp_path: Path):
    (sick, failing), (good, answering) = fake_servers(), fake_servers()
    failing.scenario = "500"
    result = _brief(_articles(tmp_path, 10), sick, good, env=NO_RETRIES)
    assert result.exit_code == 0, result.stderr
    assert answering.hits == 10  # every article, the ones the failing server refused included
    assert 1 <= failing.hits < 10  # not tried on every request
    gaps = [later - earlier for earlier, later in zip(failing.times, failing.times[1:])]
    assert all(gap >= 0.95 * 2**i for i, gap in enumerate(gaps)), gaps  # 1 s, 2 s, 4 s ...


def test_a_503_with_retry_after_is_left_alone_for_as_long_as_it_asks(fake_servers):
    (busy, refusing), (good, answering) = fake_servers(), fake_servers()
    refusing.script, refusing.retry_after = ["503"], "2"
    settings = _settings(busy, good)
    started = time.monotonic()
    while refusing.hits < 2 and time.monotonic() - started < 10:
        summarise.brief(_article("Orlin"), model="openai/m", prompt="briefing@v1", settings=settings)
        time.sleep(0.05)
    assert refusing.hits == 2, "the server was not asked again once its Retry-After had passed"
    assert refusing.times[1] - refusing.times[0] >= 1.95
    assert answering.hits >= 2  # the other carried on meanwhile


class _Slow(ScriptedHandler):
    """Answers after a pause, counting how many requests it holds at once (from arrival until it
    starts to answer: once the client has its answer, it may send the next at once)."""

    lock = threading.Lock()
    now = 0
    most = 0

    def do_POST(self):
        cls = type(self)
        with cls.lock:
            cls.now += 1
            cls.most = max(cls.most, cls.now)
        time.sleep(0.3)
        with cls.lock:
            cls.now -= 1
        super().do_POST()


def test_no_server_holds_more_requests_than_its_limit(fake_servers, tmp_path: Path):
    servers = [fake_servers(type("SlowA", (_Slow,), {"now": 0, "most": 0})),
               fake_servers(type("SlowB", (_Slow,), {"now": 0, "most": 0}))]
    folder, out = _articles(tmp_path, 10)[0].parent, tmp_path / "out"
    urls = ",".join(url for url, _ in servers)
    result = run("batch", str(folder), "--out", str(out), "--model", "openai/m", "--base-url", urls,
                 "--prompt", "briefing@v1", "-j", "8", "--endpoint-concurrency", "2")
    assert result.exit_code == 0, result.output
    lines = (out / "briefings.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 10 and all(json.loads(line)["ok"] for line in lines)
    assert [handler.most for _, handler in servers] == [2, 2]  # the limit held, and was reached
    assert sum(handler.hits for _, handler in servers) == 10


def test_the_limit_is_a_setting_too(fake_servers):
    servers = [fake_servers(type("SlowC", (_Slow,), {"now": 0, "most": 0})),
               fake_servers(type("SlowD", (_Slow,), {"now": 0, "most": 0}))]
    settings = _settings(*(url for url, _ in servers), endpoint_concurrency=1)
    with ThreadPoolExecutor(max_workers=6) as pool:
        done = list(pool.map(lambda town: summarise.brief(_article(town), model="openai/m", prompt="briefing@v1",
                                                          settings=settings), TOWNS[:6]))
    assert len(done) == 6
    assert [handler.most for _, handler in servers] == [1, 1]


def test_every_server_down_is_one_line_naming_them_and_a_failing_exit(tmp_path: Path):
    down = [_closed_url(), _closed_url()]
    result = _brief(_articles(tmp_path, 1), *down, env={"SUMMARISE_TRANSPORT_RETRIES": "1"})
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "cannot reach" in lines[0] and all(url in lines[0] for url in down), lines[0]


def test_every_server_refusing_gives_the_servers_own_refusal(fake_servers, tmp_path: Path):
    (a, first), (b, second) = fake_servers(), fake_servers()
    first.scenario = second.scenario = "503"
    result = _brief(_articles(tmp_path, 1), a, b, env=NO_RETRIES)
    assert result.exit_code != 0
    assert "HTTP 503" in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert first.hits == second.hits == 1  # the request went to the other at once, and no further


def test_a_pool_is_one_spec_whatever_its_order_and_spacing():
    pool = "http://127.0.0.1:9002/v1/, http://127.0.0.1:9001/v1,http://127.0.0.1:9002/v1"
    assert parse_spec("openai/m", pool) == ModelSpec("server", "m", "http://127.0.0.1:9001/v1,http://127.0.0.1:9002/v1")
    assert parse_spec("openai/m", "http://127.0.0.1:9001/v1/") == ModelSpec("server", "m", "http://127.0.0.1:9001/v1")
    with pytest.raises(ConfigError, match="names no server"):
        parse_spec("openai/m", " , ")
    with pytest.raises(ConfigError, match="runs in process"):
        parse_spec("local/smollm2-135m", pool)


def test_eval_run_takes_a_pool(fake_servers, tmp_path: Path):
    (a, first), (b, second) = fake_servers(), fake_servers()
    result = run("eval", "run", str(SEEDS), "--model", "openai/m", "--base-url", a, "--base-url", b, "--prompt",
                 "briefing@v1", "--runs-dir", str(tmp_path / "runs"), "--no-cache", "-j", "2")
    assert result.exit_code == 0, result.stderr
    assert first.hits >= 1 and second.hits >= 1
