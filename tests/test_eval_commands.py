"""`eval run / check / compare`, `runs list / show`, the regression gate, and brief's JSON shapes.

Suites here are two or three short articles written for these tests, scored with the rules
(no model), so each command runs in well under a second.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarise.config import get_settings
from summarise.errors import GateFailed

from .conftest import SEEDS, run_cli as run

SEED = SEEDS / "002_27e096ec9d555072.txt"

ARTICLES = {
    "a1": 'The harbour in Velmora reopened on Monday. "The berths are safe again," said Ona Treske, the port director.',
    "a2": 'Farmers in Ostrel blocked a road on Tuesday. "We will stay until the price is fixed," said Piet Varga.',
}


def _suite(root: Path, *, speakers: dict[str, str] | None = None) -> Path:
    """A quotes-only suite of the two articles; ``speakers`` overrides a gold speaker (to make a run worse)."""
    speakers = {"a1": "Ona Treske", "a2": "Piet Varga", **(speakers or {})}
    quotes = {"a1": "The berths are safe again,", "a2": "We will stay until the price is fixed,"}
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "suite.json").write_text(json.dumps({"labels": {"quotes": ["speaker"]}}), encoding="utf-8")
    for article_id, text in ARTICLES.items():
        (root / "articles" / f"{article_id}.txt").write_text(text, encoding="utf-8")
        gold = {"headline": "h", "bottom_line": "b", "events": [], "actors": [],
                "quotes": [{"text": quotes[article_id], "speaker": speakers[article_id]}]}
        (root / "gold" / f"{article_id}.json").write_text(json.dumps(gold), encoding="utf-8")
    return root


@pytest.fixture()
def suite(tmp_path: Path) -> Path:
    return _suite(tmp_path / "harbour")


# --------------------------------------------------------------------------------------------
# eval run
# --------------------------------------------------------------------------------------------


def test_eval_run_takes_several_suites_and_json_is_each_summary(tmp_path: Path, suite: Path):
    other = _suite(tmp_path / "check")  # a suite folder named like a command runs all the same
    runs = tmp_path / "runs"
    result = run("eval", "run", str(suite), str(other), "--model", "rules", "--runs-dir", str(runs), "--json")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    summaries = [json.loads(line) for line in lines]
    assert [s["run"]["suite"] for s in summaries] == ["harbour", "check"]
    for s in summaries:
        on_disk = json.loads((Path(s["run"]["run_dir"]) / "summary.json").read_text(encoding="utf-8"))
        assert s == on_disk
    assert "FABRICATED quotes" in result.stderr and "━" not in result.stdout  # tables on stderr
    # a rules run is named after the rules, not a prompt it never asked
    assert sorted(p.name.split("_", 1)[1] for p in runs.iterdir()) == ["check_rules", "harbour_rules"]


def test_runs_go_under_the_data_directory_or_summarise_runs_dir(tmp_path: Path, suite: Path):
    result = run("eval", "run", str(suite), "--model", "rules", env={"SUMMARISE_DATA_DIR": str(tmp_path / "data")})
    assert result.exit_code == 0, result.stderr
    assert len(list((tmp_path / "data" / "runs").glob("*/summary.json"))) == 1
    moved = tmp_path / "elsewhere"
    get_settings.cache_clear()  # a new process to the user: settings read afresh
    result = run("eval", "run", str(suite), "--model", "rules", env={"SUMMARISE_RUNS_DIR": str(moved)})
    assert result.exit_code == 0, result.stderr
    assert len(list(moved.glob("*/summary.json"))) == 1


def test_the_old_eval_suite_form_points_to_eval_run(suite: Path):
    result = run("eval", str(suite), "--model", "rules")
    assert result.exit_code == 2
    assert f"summarise eval run {suite}" in result.stderr and result.stderr.count("\n") == 1


# --------------------------------------------------------------------------------------------
# the regression gate
# --------------------------------------------------------------------------------------------


def test_fail_under_passes_at_the_floor_and_fails_below_it_naming_field_and_article(tmp_path: Path):
    suite = _suite(tmp_path / "harbour", speakers={"a2": "Someone Else"})  # the rules' a2 speaker is now wrong
    ok = run("eval", "run", str(suite), "--model", "rules", "--runs-dir", str(tmp_path / "r1"),
             "--fail-under", "quotes.f1=1.0", "--fail-under", "quotes.speaker=0.5")
    assert ok.exit_code == 0, ok.stderr
    bad = run("eval", "run", str(suite), "--model", "rules", "--runs-dir", str(tmp_path / "r2"),
              "--fail-under", "quotes.speaker=0.75", "--fail-under", "actors.f1=0.9")
    assert bad.exit_code == GateFailed.exit_code == 6, bad.stderr
    assert "harbour: quotes.speaker 0.5000 < 0.75" in bad.stderr
    assert "does not label actors.f1" in bad.stderr  # not labelled: said, not gated
    assert "actors.f1 " not in bad.stderr.replace("label actors.f1", "")
    assert (next((tmp_path / "r2").iterdir()) / "summary.json").exists()  # the reports stand


def test_fail_under_names_the_articles_under_an_f1_floor(tmp_path: Path):
    suite = _suite(tmp_path / "harbour")
    # a1's quotation marks gone: the rules find no quote there, a2 still has its own
    (suite / "articles" / "a1.txt").write_text(ARTICLES["a1"].replace('"', ""), encoding="utf-8")
    result = run("eval", "run", str(suite), "--model", "rules", "--runs-dir", str(tmp_path / "r"),
                 "--fail-under", "quotes.f1=0.9")
    assert result.exit_code == 6, result.stderr
    assert "harbour: quotes.f1 0.6667 < 0.9 (articles under it: a1)" in result.stderr


@pytest.mark.parametrize(
    "floor, expected",
    [("quotes.f2=0.9", "no field 'quotes.f2'"), ("quotes.f1", "write FIELD=VALUE"),
     ("quotes.f1=high", "is not a number"), ("quotes.f1=95", "between 0 and 1"), ("fabricated=0", "no field")],
)
def test_a_bad_floor_fails_before_anything_runs(tmp_path: Path, suite: Path, floor: str, expected: str):
    result = run("eval", "run", str(suite), "--model", "rules", "--runs-dir", str(tmp_path / "r"), "--fail-under", floor)
    assert result.exit_code == 2 and expected in result.stderr
    assert not (tmp_path / "r").exists()


def test_compare_fails_on_regression_naming_field_and_article(tmp_path: Path, suite: Path):
    assert run("eval", "run", str(suite), "--model", "rules", "--runs-dir", str(tmp_path / "a")).exit_code == 0
    assert run("eval", "run", str(suite), "--model", "rules", "--runs-dir", str(tmp_path / "b")).exit_code == 0
    run_a, run_b = (next((tmp_path / name).iterdir()) for name in ("a", "b"))
    same = run("eval", "compare", str(run_a), str(run_b), "--fail-on-regression")
    assert same.exit_code == 0, same.stderr
    # run B loses a2's quote: quotes F1 falls, and a2 is named
    results = run_b / "results.jsonl"
    lines = [json.loads(x) for x in results.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if line["article_id"] == "a2":
            line["briefing"]["quotes"] = []
    results.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    plain = run("eval", "compare", str(run_a), str(run_b))
    assert plain.exit_code == 0, plain.stderr  # without the flag a comparison only reports
    worse = run("eval", "compare", str(run_a), str(run_b), "--fail-on-regression")
    assert worse.exit_code == 6, worse.stderr
    assert "worse: quotes: -" in worse.stderr and "worse: a2: quotes F1 1.00 → 0.00" in worse.stderr
    assert "a1:" not in worse.stderr
    loose = run("eval", "compare", str(run_a), str(run_b), "--fail-on-regression", "--tolerance", "0.9")
    assert loose.exit_code == 0, loose.stderr


# --------------------------------------------------------------------------------------------
# runs list, runs show
# --------------------------------------------------------------------------------------------


def test_runs_list_and_show_read_the_run_folders(tmp_path: Path, suite: Path):
    env = {"SUMMARISE_RUNS_DIR": str(tmp_path / "runs")}
    assert "no runs in" in run("runs", "list", env=env).stderr
    assert run("eval", "run", str(suite), "--model", "rules", env=env).exit_code == 0
    listed = run("runs", "list", env=env)
    assert listed.exit_code == 0, listed.stderr
    (line,) = listed.stdout.splitlines()
    name = line.split()[0]
    assert "harbour" in line and "rules" in line and "2 articles, 0 failed, quotes F1 1.00" in line
    shown = run("runs", "show", name, env=env)  # by name, under the runs folder
    assert shown.exit_code == 0, shown.stderr
    assert "FABRICATED quotes" in shown.stdout and "quotes · speaker" in shown.stdout
    as_json = run("runs", "show", str(tmp_path / "runs" / name), "--json")
    assert json.loads(as_json.stdout)["run"]["suite"] == "harbour"
    missing = run("runs", "show", str(tmp_path / "nowhere"))
    assert missing.exit_code == 2 and "not a run directory" in missing.stderr


# --------------------------------------------------------------------------------------------
# brief's shapes, --version
# --------------------------------------------------------------------------------------------


def test_brief_json_is_a_list_for_one_article_and_for_two():
    one = run("brief", str(SEED), "--model", "rules", "--format", "json")
    two = run("brief", str(SEED), str(SEED), "--model", "rules", "--format", "json")
    assert one.exit_code == 0 and two.exit_code == 0, one.stderr + two.stderr
    assert isinstance(json.loads(one.stdout), list) and len(json.loads(one.stdout)) == 1
    (alone,) = json.loads(one.stdout)
    assert [b["quotes"] for b in json.loads(two.stdout)] == [alone["quotes"]] * 2


def test_brief_jsonl_is_one_briefing_per_line():
    result = run("brief", str(SEED), str(SEED), "--model", "rules", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and result.stdout.endswith("\n")
    assert json.loads(lines[0])["quotes"] == json.loads(lines[1])["quotes"]
    assert json.loads(lines[0])["provenance"]["model"] == "rules"


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("summarise ")
