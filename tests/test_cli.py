"""The command line, driven as a user drives it: exit codes, stdout, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarise.cli import app
from summarise.errors import ConfigError

from .conftest import ScriptedHandler as _Handler
from .conftest import free_port as _free_port
from .conftest import run_cli as run

SEED = Path(__file__).resolve().parent.parent / "evals" / "seeds" / "articles" / "002_27e096ec9d555072.txt"


@pytest.mark.parametrize(
    "setup, expected",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: (d / "e.txt").write_text("") and d / "e.txt" or d / "e.txt", "is empty"),
        (lambda d: (d / "b.txt").write_bytes(b"\x00\x01\x02binary") and d / "b.txt", "binary data"),
        (lambda d: (d / "p.html").write_text("<html><body><nav>Menu</nav></body></html>") and d / "p.html", "HTML page with no article"),
        (lambda d: (d / "big.txt").write_text("word " * 100_000) and d / "big.txt", "over the 400,000"),
    ],
)
def test_bad_articles_give_one_line_and_nonzero_exit(tmp_path: Path, setup, expected: str):
    path = setup(tmp_path)
    result = run("brief", str(path), "--model", "rules")
    assert result.exit_code == 3
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0]


@pytest.mark.parametrize(
    "args, expected",
    [
        (["brief", str(SEED), "--model", "gpt-4"], "needs a backend"),
        (["brief", str(SEED), "--model", "rules", "--format", "pdf"], "unknown format 'pdf'"),
        (["brief", str(SEED), "--model", "rules", "--prompt", "briefing@v99"], "no version 'v99'"),
        (["brief", str(SEED), "--model", "local/no-such-model"], "unknown local model"),
        (["brief", str(SEED), "--model", "openai/gpt-4o-mini"], "OPENAI_API_KEY"),
    ],
)
def test_bad_configuration_is_one_line(args, expected):
    result = run(*args)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.strip().count("\n") == 0 and expected in result.stderr


def test_backend_down_names_the_backend_and_what_to_try():
    url = f"http://127.0.0.1:{_free_port()}/v1"
    result = run("brief", str(SEED), "--model", "openai/m", "--base-url", url, env={"SUMMARISE_TRANSPORT_RETRIES": "1"})
    assert result.exit_code == 4
    assert result.stderr.strip() == f"error: cannot reach server/m at {url}: is the server running?"


@pytest.mark.parametrize(
    "scenario, code, expected, hits",
    [
        ("429", 4, "rate-limiting us (HTTP 429)", 3),
        ("500", 4, "failed with HTTP 500", 3),
        ("slow", 4, "did not answer in time", 3),
        ("malformed", 5, "gave no valid JSON after", 2),
    ],
)
def test_failing_backends(fake_server: str, scenario: str, code: int, expected: str, hits: int):
    _Handler.scenario = scenario
    env = {"SUMMARISE_TRANSPORT_RETRIES": "2", "SUMMARISE_TIMEOUT_S": "0.5", "SUMMARISE_REASKS": "1"}
    result = run("brief", str(SEED), "--model", "openai/m", "--base-url", fake_server, "--prompt", "briefing@v1", env=env)
    assert result.exit_code == code, result.stderr
    assert result.stderr.strip().count("\n") == 0 and expected in result.stderr
    assert "Traceback" not in result.stderr
    assert _Handler.hits == hits  # transient failures are retried, a bad answer is re-asked


def test_a_working_server_gives_json(fake_server: str):
    _Handler.scenario = "ok"
    result = run("brief", str(SEED), "--model", "openai/m", "--base-url", fake_server, "--prompt", "briefing@v1", "--format", "json")
    assert result.exit_code == 0, result.stderr
    (data,) = json.loads(result.stdout)
    assert data["headline"] == "H"
    assert data["provenance"]["backend"] == "server" and data["provenance"]["calls"] == 1


def test_llama_server_gets_a_json_schema_and_a_whole_answer_at_the_cap_counts(fake_server: str):
    _Handler.scenario = "content_to_cap"
    result = run("brief", str(SEED), "--model", "llamacpp/m", "--base-url", fake_server, "--prompt", "briefing@v1", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert _Handler.last_body["response_format"]["type"] == "json_schema" and "tool_choice" not in _Handler.last_body
    (data,) = json.loads(result.stdout)
    assert data["headline"] == "H" and data["provenance"]["backend"] == "llamacpp"
    assert data["provenance"]["notes"] == [] and _Handler.hits == 1


def test_an_answer_cut_by_the_cap_is_not_taken(fake_server: str):
    _Handler.scenario = "cut_at_cap"
    result = run("brief", str(SEED), "--model", "openai/m", "--base-url", fake_server, "--prompt", "briefing@v1")
    assert result.exit_code == 5 and result.stderr.count("\n") == 1, result.stderr
    assert "reached the 1024-token cap" in result.stderr and "SUMMARISE_MAX_TOKENS" in result.stderr
    assert '{"headline": "H"' in result.stderr  # what it began with


def test_eval_against_a_server_still_runs_the_rules_baseline(fake_server: str, tmp_path: Path):
    _Handler.scenario = "ok"
    result = run("eval", "run", "seeds", "--model", "openai/m", "--base-url", fake_server, "--prompt", "briefing@v1",
                 "--runs-dir", str(tmp_path), "--no-cache")
    assert result.exit_code == 0, result.stderr
    (results,) = tmp_path.glob("*/baseline/results.jsonl")
    baseline = [json.loads(x) for x in results.read_text().splitlines()]
    assert len(baseline) == 3 and all(r["error"] is None for r in baseline)
    assert sum(len(r["briefing"]["quotes"]) for r in baseline) > 0


def test_concurrency_against_the_embedded_model_gets_a_note(monkeypatch):
    import summarise.runs as runs

    def stop(*args, **kwargs):
        raise ConfigError("stopped before running")

    monkeypatch.setattr(runs, "run_eval", stop)
    result = run("eval", "run", "seeds", "--model", "local/smollm2-135m", "-j", "4")
    assert result.exit_code == 2 and "stopped before running" in result.stderr
    assert "answers one request at a time; -j 4 only interleaves" in result.stderr
    quiet = run("eval", "run", "seeds", "--model", "local/smollm2-135m", "-j", "1")
    assert quiet.exit_code == 2 and "stopped before running" in quiet.stderr
    assert "one request at a time" not in quiet.stderr


def test_no_model_says_which_default_it_picked(monkeypatch):
    import summarise.extract as extract

    monkeypatch.setattr(extract, "DEFAULT_LOCAL", "rules")
    result = run("brief", str(SEED))
    assert result.exit_code == 0, result.stderr
    assert "No --model given: using rules" in result.stderr


def test_rules_briefing_from_stdin_as_json():
    result = run("brief", "-", "--model", "rules", "--format", "json", input=SEED.read_text())
    assert result.exit_code == 0, result.stderr
    (data,) = json.loads(result.stdout)  # one article, still a list: json has one shape
    assert data["provenance"]["model"] == "rules"
    assert any("underlying message" in q["text"] for q in data["quotes"])


def test_several_articles_one_bad(tmp_path: Path):
    result = run("brief", str(SEED), str(tmp_path / "nope.txt"), "--model", "rules", "--format", "json")
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)) == 1
    assert "no such file" in result.stderr


def test_prompts_commands():
    result = CliRunner().invoke(app, ["prompts", "list"])
    assert result.exit_code == 0 and "briefing@v1" in result.stdout
    result = CliRunner().invoke(app, ["prompts", "show", "briefing@v1"])
    assert result.exit_code == 0 and "{{ article }}" in result.stdout


def test_models_lists_the_bundled_model():
    result = CliRunner().invoke(app, ["models"])
    assert result.exit_code == 0
    assert "smollm2-135m" in result.stdout and "ollama/" in result.stdout


def test_an_article_longer_than_the_context_is_refused_not_truncated(fake_server: str, tmp_path: Path):
    long_article = tmp_path / "long.txt"
    long_article.write_text("North Korea fired a missile on Sunday, officials said. " * 800)
    env = {"SUMMARISE_CONTEXT_TOKENS": "4096"}
    result = run("brief", str(long_article), "--model", "openai/m", "--base-url", fake_server, "--prompt", "briefing@v1", env=env)
    assert result.exit_code == 3
    assert "is too long for server/m" in result.stderr and "the model reads 4,096" in result.stderr
    assert _Handler.hits == 0, "nothing is sent to a model that cannot read it whole"
