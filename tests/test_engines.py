"""Engines (`--engine local|ray`): the same results whichever runs the articles, and a Ray run
killed halfway that resumes without duplicates.

The articles are invented here, or are our own seeds suite; the rules backend briefs them with no
model, and a scripted server on loopback stands in for a model. One local Ray serves the module
(started once: it costs seconds); the kill test's Ray is its own, in the process it kills.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest

from summarise.batch import collect_items, run_batch
from summarise.config import Settings
from tests.conftest import ROOT, ScriptedHandler, run_cli

needs_ray = pytest.mark.skipif(
    find_spec("ray") is None, reason="Ray is not installed here: pip install 'summarise[ray]' (make test installs it)"
)

#: What differs between two runs of the same work: clocks and timings.
_CLOCKS = {"created_at", "duration_s", "timings"}

ARTICLES = {
    "ferry.txt": 'The ferry company said on Monday it would add a late crossing to Carrow. '
                 '"Passengers asked for it all winter," said Ada Vell, who runs the timetable.\n',
    "school.txt": "Parents in Lowmere met the school board on Tuesday about the new bus route. "
                  "The board said it would decide in March.\n",
    "market.md": 'The covered market reopened on Thursday after a month of repairs. '
                 '"The roof no longer leaks," said stallholder Tom Brack.\n',
}
RECORDS = [
    {"id": "n1", "text": "The river rose overnight and two roads near Fenby were closed on Friday.",
     "published": "2026-04-10"},
    {"id": "n2", "text": 'Councillor Rhea Moss said the library would open on Sundays. "People want it," Moss said.'},
]


def _inputs(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    wire = tmp_path / "wire.jsonl"
    wire.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return folder, wire


def _stable(value: Any) -> Any:
    """A result without its clocks: everything else must be equal between engines."""
    if isinstance(value, dict):
        return {k: _stable(v) for k, v in value.items() if k not in _CLOCKS}
    if isinstance(value, list):
        return [_stable(v) for v in value]
    return value


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _by_id(path: Path, key: str = "id") -> dict[str, dict]:
    lines = _lines(path)
    by_id = {line[key]: _stable(line) for line in lines}
    assert len(by_id) == len(lines), "an article is in the results twice"
    return by_id


@pytest.fixture(scope="module")
def ray_cluster():
    """One local Ray for the module; the engine uses a Ray already started as it is."""
    if find_spec("ray") is None:
        pytest.skip("Ray is not installed here: pip install 'summarise[ray]' (make test installs it)")
    import ray

    ray.init(num_cpus=4, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield ray
    ray.shutdown()


# ---------------------------------------------------------------------------------------------
# Without Ray
# ---------------------------------------------------------------------------------------------


def test_the_local_engine_imports_nothing_of_ray(tmp_path: Path):
    folder, _ = _inputs(tmp_path)
    code = (
        "import sys\nfrom summarise.cli import main\n"
        f"sys.argv = ['summarise', 'batch', {str(folder)!r}, '--out', {str(tmp_path / 'out')!r}, '--model', 'rules']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('RAY' if any(m == 'ray' or m.startswith('ray.') for m in sys.modules) else 'NO RAY')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy(), cwd=ROOT)
    assert done.stdout.strip().splitlines()[-1] == "NO RAY", done.stderr
    assert len(_lines(tmp_path / "out" / "briefings.jsonl")) == 3


def test_the_ray_engine_without_ray_is_one_line_naming_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder, _ = _inputs(tmp_path)
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now fails, as where it is not installed
    result = run_cli("batch", str(folder), "--out", str(tmp_path / "out"), "--model", "rules", "--engine", "ray")
    assert result.exit_code == 2, result.output
    assert result.output.strip() == "error: the ray engine needs Ray: pip install 'summarise[ray]'"


def test_an_unknown_engine_is_refused_before_anything_is_written(tmp_path: Path):
    folder, _ = _inputs(tmp_path)
    result = run_cli("batch", str(folder), "--out", str(tmp_path / "out"), "--model", "rules", env={"SUMMARISE_ENGINE": "spark"})
    assert result.exit_code == 2, result.output
    assert "no engine named 'spark'; there are: local, ray" in result.output
    assert not (tmp_path / "out" / "briefings.jsonl").exists()


def test_texts_are_read_as_they_are_briefed_not_up_front(tmp_path: Path):
    folder, wire = _inputs(tmp_path)
    refs = collect_items([str(folder), str(wire)])  # checked: every path and id is known
    assert [ref.id for ref in refs] == ["ferry", "market", "school", "n1", "n2"]
    (folder / "market.md").unlink()  # gone after the check: only now is its text missed
    summary = run_batch(refs, out_dir=tmp_path / "out", settings=Settings(model="rules"))
    lines = {line["id"]: line for line in _lines(tmp_path / "out" / "briefings.jsonl")}
    assert (summary.briefed, summary.failed) == (4, 1)
    assert lines["market"]["ok"] is False and lines["market"]["exit_code"] == 3


def test_blocks_a_killed_ray_run_left_are_results_for_any_engine(tmp_path: Path):
    folder, wire = _inputs(tmp_path)
    out = tmp_path / "out"
    assert run_cli("batch", str(folder), str(wire), "--out", str(out), "--model", "rules").exit_code == 0
    results = out / "briefings.jsonl"
    lines = results.read_text(encoding="utf-8").splitlines()
    # as a kill leaves it: two results still in a block, one of them also folded already
    results.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    blocks = out / "briefings.jsonl.blocks"
    blocks.mkdir()
    (blocks / "part-0.jsonl").write_text(lines[3] + "\n" + lines[4] + "\n", encoding="utf-8")
    (blocks / ".part-1.jsonl.tmp").write_text(lines[0][:40], encoding="utf-8")  # a block cut mid-write
    again = run_cli("batch", str(folder), str(wire), "--out", str(out), "--model", "rules", "--resume")
    assert again.exit_code == 0, again.output
    assert "0 briefed, 0 failed, 5 already done" in again.output
    assert sorted(_by_id(results)) == ["ferry", "market", "n1", "n2", "school"]
    assert not blocks.exists()


# ---------------------------------------------------------------------------------------------
# Ray against local
# ---------------------------------------------------------------------------------------------


@needs_ray
def test_ray_and_local_score_a_suite_alike_with_the_rules(ray_cluster, tmp_path: Path):
    def run(engine: str) -> Path:
        result = run_cli("eval", "run", str(ROOT / "evals" / "seeds"), "--model", "rules", "--no-cache",
                         "--runs-dir", str(tmp_path / engine), "--engine", engine, "-j", "2")
        assert result.exit_code == 0, result.output
        (run_dir,) = (tmp_path / engine).iterdir()
        return run_dir

    local, ray = run("local"), run("ray")
    assert _by_id(ray / "results.jsonl", "article_id") == _by_id(local / "results.jsonl", "article_id")
    metrics = [json.loads((d / "summary.json").read_text(encoding="utf-8"))["run"]["metrics"] for d in (local, ray)]
    assert metrics[0] == metrics[1]
    assert not (ray / "results.jsonl.blocks").exists()


@needs_ray
def test_ray_and_local_give_the_same_lines_against_a_server(ray_cluster, fake_server: str, tmp_path: Path):
    folder, wire = _inputs(tmp_path)

    def run(engine: str) -> Path:
        out = tmp_path / engine
        result = run_cli("batch", str(folder), str(wire), "--out", str(out), "--model", "openai/m",
                         "--base-url", fake_server, "--prompt", "briefing@v1", "-j", "2",
                         env={"SUMMARISE_ENGINE": engine, "SUMMARISE_TRANSPORT_RETRIES": "0"})
        assert result.exit_code == 0, result.output
        assert "5 briefed, 0 failed" in result.output
        return out / "briefings.jsonl"

    local = run("local")
    hits = ScriptedHandler.hits
    ray = run("ray")
    assert ScriptedHandler.hits == 2 * hits  # every article asked once more, from the actors
    assert _by_id(ray) == _by_id(local)


class _SlowHandler(ScriptedHandler):
    """A model server that takes a fixed time for every answer, so a batch is still running when killed."""

    def do_POST(self):
        time.sleep(0.1)
        super().do_POST()


@needs_ray
def test_a_ray_batch_killed_halfway_resumes_with_every_article_once(ray_cluster, fake_servers, tmp_path: Path):
    url, handler = fake_servers(_SlowHandler)
    total = 80
    wire = tmp_path / "wire.jsonl"
    wire.write_text("".join(
        json.dumps({"id": f"a{i:03d}", "text": f"The harbour board met for the {i}th time on Monday. Nothing was decided."}) + "\n"
        for i in range(total)
    ), encoding="utf-8")
    out = tmp_path / "out"
    results = out / "briefings.jsonl"
    args = ["batch", str(wire), "--out", str(out), "--model", "openai/m", "--base-url", url,
            "--prompt", "briefing@v1", "--engine", "ray", "-j", "2"]
    env = {**os.environ, "SUMMARISE_TRANSPORT_RETRIES": "0"}
    child = subprocess.Popen([sys.executable, "-c", "from summarise.cli import main; main()", *args],
                             env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and child.poll() is None:
            if results.exists() and len(results.read_bytes().splitlines()) >= 10:
                break
            time.sleep(0.05)
    finally:
        os.killpg(child.pid, signal.SIGKILL)  # the driver and the Ray it started, at once
        child.wait()
    before = _lines(results) if results.exists() else []
    assert 10 <= len(before) < total, f"killed with {len(before)} of {total} on disk: {child.stderr.read()[-2000:]!r}"
    asked, still = handler.hits, time.monotonic()
    while time.monotonic() - still < 2 and time.monotonic() < deadline:  # the killed run's actors are gone
        time.sleep(0.1)
        if handler.hits != asked:
            asked, still = handler.hits, time.monotonic()

    again = run_cli(*args[:-1], "2", "--resume", env={"SUMMARISE_TRANSPORT_RETRIES": "0"})
    assert again.exit_code == 0, again.output
    lines = _lines(results)
    assert sorted(line["id"] for line in lines) == [f"a{i:03d}" for i in range(total)]  # each once
    assert all(line["ok"] for line in lines)
    assert lines[: len(before)] == before  # what was on disk stays as it was
    # only what was not finished is asked again; blocks finished but not folded before the kill count as done
    counts = re.search(r"(\d+) briefed, 0 failed, (\d+) already done", again.output)
    assert counts is not None, again.output
    briefed, done = int(counts[1]), int(counts[2])
    assert briefed + done == total and done >= len(before)
    assert handler.hits - asked == briefed
