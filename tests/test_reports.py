"""Reports from hand-written run directories: figures, escaping, baseline marks, comparisons."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from rich.console import Console

from summarise.articles import Article
from summarise.errors import ConfigError
from summarise.reports import (
    NOT_AHEAD_MARK,
    compare_runs,
    comparison_html,
    comparison_markdown,
    comparison_table,
    read_results,
    summarise_run,
    summary_table,
    write_comparison,
)
from summarise.schemas import Actor, Briefing, Drop, Provenance, Quote

TEXTS = {
    "a1": 'The minister said "we stand ready to respond" on Monday. Seoul and Tokyo met.',
    "a2": 'An analyst, Hong Min, said "this is a calibrated message" about the launch.',
    "a3": 'Officials said "talks will go on" after the meeting in Geneva.',
}
GOLD = {
    "a1": Briefing(
        headline="h", bottom_line="b",
        actors=[Actor(name="Seoul", kind="state"), Actor(name="Tokyo", kind="state")],
        quotes=[Quote(text="we stand ready to respond", speaker="the minister", speaker_type="official")],
    ),
    "a2": Briefing(
        headline="h", bottom_line="b",
        actors=[Actor(name="Hong Min", kind="person")],
        quotes=[Quote(text="this is a calibrated message", speaker="Hong Min", speaker_type="analyst")],
    ),
    "a3": Briefing(
        headline="h", bottom_line="b",
        quotes=[Quote(text="talks will go on", speaker="Officials", speaker_type="official")],
    ),
}


def _suite() -> SimpleNamespace:
    items = [
        SimpleNamespace(id=i, article=Article(text=t, source=f"{i}.txt"), gold=GOLD[i], gold_path=None)
        for i, t in TEXTS.items()
    ]
    return SimpleNamespace(name="fake", path="evals/fake", items=items)


def _with_provenance(b: Briefing, *, tokens_in=100, tokens_out=10, retries=0, dropped=0, duration=1.0) -> dict:
    prov = Provenance(
        prompt="briefing@v1", prompt_hash="b2:p", model="m", backend="fake", article_hash="x",
        created_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), tokens_in=tokens_in, tokens_out=tokens_out,
        retries=retries, duration_s=duration,
        dropped=[Drop(kind="quote", reason="not in the article", item="x")] * dropped,
    )
    return b.model_copy(update={"provenance": prov}).model_dump(mode="json")


def _write_run(run_dir: Path, model: str, results: dict[str, dict | str | None], *, durations=None) -> Path:
    """results: article id -> briefing dict, an error string, or None (no line at all)."""
    run_dir.mkdir(parents=True)
    (run_dir / "run.json").write_text(json.dumps({
        "suite": {"name": "fake", "path": "evals/fake"}, "model": model, "prompt": "briefing@v1",
        "prompt_hash": "b2:p", "schema_version": "1", "settings": {}, "settings_hash": "b2:s",
        "created_at": "2026-01-01T00:00:00+00:00", "concurrency": 1,
    }))
    with (run_dir / "results.jsonl").open("w") as f:
        for i, (article_id, result) in enumerate(results.items()):
            if result is None:
                continue
            f.write(json.dumps({
                "key": f"k-{article_id}", "article_id": article_id,
                "article_hash": Article(text=TEXTS[article_id], source="").hash,
                "briefing": result if isinstance(result, dict) else None,
                "error": result if isinstance(result, str) else None,
                "duration_s": (durations or [1.0, 2.0, 3.0])[i], "cached": False,
            }) + "\n")
    return run_dir


def _perfect(article_id: str, **kw) -> dict:
    return _with_provenance(GOLD[article_id], **kw)


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    invented = GOLD["a2"].model_copy(
        update={"quotes": [*GOLD["a2"].quotes, Quote(text="<script>alert(1)</script> we will win", speaker="x")]}
    )
    run = _write_run(
        tmp_path / "run",
        "openai/gpt-4o-mini",
        {
            "a1": _perfect("a1", tokens_in=120, tokens_out=30, retries=1, dropped=2),
            "a2": _with_provenance(invented, tokens_in=80, tokens_out=20),
            "a3": "BackendError: <script>alert('x')</script> server down",
        },
        durations=[1.0, 3.0, 9.0],
    )
    # the baseline finds a1's quote and actors, nothing in a2, and a3's quote
    _write_run(
        run / "baseline",
        "rules",
        {
            "a1": _perfect("a1"),
            "a2": Briefing(headline="h", bottom_line="b").model_dump(mode="json"),
            "a3": _perfect("a3"),
        },
    )
    return run


def test_summary_figures(run_dir):
    summary = summarise_run(run_dir, suite=_suite())
    run = summary["run"]
    assert (run["articles"], run["briefed"], run["errors"], run["missing"]) == (3, 2, 1, 0)
    assert run["schema_valid_rate"] == pytest.approx(2 / 3)
    assert run["fabricated_quotes"] == 1
    assert (run["tokens_in"], run["tokens_out"], run["reasks"], run["dropped"]) == (200, 50, 1, 2)
    assert (run["latency_p50_s"], run["latency_p95_s"]) == (3.0, 9.0)
    assert run["metrics"]["quotes"]["precision"] == pytest.approx(2 / 3)
    assert run["metrics"]["quotes"]["recall"] == pytest.approx(2 / 3)
    assert summary["rows"][0]["key"] == "fabricated"
    assert json.loads((run_dir / "summary.json").read_text()) == json.loads(json.dumps(summary))
    assert (run_dir / "report.md").read_text().count("FABRICATED quotes: 1") == 1


def test_fields_where_the_model_is_not_ahead_are_marked(run_dir):
    summary = summarise_run(run_dir, suite=_suite())
    # the baseline had no fabricated quote and found a3's quote, which the run lost to an error
    assert "fabricated" in summary["not_ahead"]
    assert "quotes" in summary["not_ahead"]  # run F1 2/3, baseline 0.8
    assert "actors" not in summary["not_ahead"]  # run 3/3 actors, baseline 2/3
    table = _render(summary_table(summary))
    assert NOT_AHEAD_MARK in table
    assert table.index("FABRICATED") < table.index("quotes")


def test_missing_result_lines_count_as_missing(tmp_path):
    run = _write_run(tmp_path / "run", "m", {"a1": _perfect("a1"), "a2": None, "a3": None})
    summary = summarise_run(run, suite=_suite())
    assert summary["baseline"] is None and summary["not_ahead"] == []
    assert (summary["run"]["missing"], summary["run"]["briefed"]) == (2, 1)
    assert summary["run"]["metrics"]["quotes"]["recall"] == pytest.approx(1 / 3)


def test_html_is_self_contained_and_escapes_run_text(run_dir):
    summarise_run(run_dir, suite=_suite())
    page = (run_dir / "report.html").read_text()
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page  # quotes escaped too, as markupsafe writes them
    assert "<svg" in page and "<style>" in page
    assert "://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # no external asset
    assert "Content-Security-Policy" in page


def test_read_results_keeps_the_last_line_and_skips_a_torn_one(tmp_path):
    run = _write_run(tmp_path / "run", "m", {"a1": "Error: first try"})
    with (run / "results.jsonl").open("a") as f:
        f.write(json.dumps({"article_id": "a1", "briefing": None, "error": "Error: second try"}) + "\n")
        f.write('{"article_id": "a2", "brief')
    assert {k: v["error"] for k, v in read_results(run).items()} == {"a1": "Error: second try"}


def test_a_directory_without_run_json_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="not a run directory"):
        summarise_run(tmp_path, suite=_suite())


def _render(table) -> str:
    console = Console(record=True, width=200)
    console.print(table)
    return console.export_text()


@pytest.fixture
def two_runs(tmp_path: Path) -> tuple[Path, Path]:
    a = _write_run(tmp_path / "a", "model-a", {i: _perfect(i) for i in TEXTS})
    worse = GOLD["a2"].model_copy(
        update={"quotes": [GOLD["a2"].quotes[0].model_copy(update={"speaker": "Kim"})], "actors": []}
    )
    b = _write_run(tmp_path / "b", "model-b", {"a1": _perfect("a1"), "a2": _with_provenance(worse), "a3": _perfect("a3")})
    return a, b


def test_compare_shows_the_article_and_items_that_got_worse(two_runs):
    c = compare_runs(*two_runs, suite=_suite())
    assert [w["article_id"] for w in c.worse_articles] == ["a2"]
    assert "actors F1 1.00 → 0.00" in c.worse_articles[0]["reasons"]
    assert {(i.article_id, i.field, i.change) for i in c.worse_items} == {
        ("a2", "actors", "missed"),
        ("a2", "quotes", "wrong"),
    }
    rows = {r["key"]: r for r in c.rows}
    assert rows["actors"]["delta"] == pytest.approx(0.8 - 1.0)  # B: P 1, R 2/3
    assert rows["actors"]["worse"] and not rows["events"]["worse"]
    assert rows["quotes.speaker"]["delta"] == pytest.approx(-1 / 3)


def test_compare_outputs_show_both_runs(two_runs, tmp_path):
    c = compare_runs(*two_runs, suite=_suite())
    md, page = write_comparison(c, tmp_path / "cmp")
    for text in (md.read_text(), page.read_text(), _render(comparison_table(c))):
        assert "model-a" in text and "model-b" in text
    assert "a2" in comparison_markdown(c)
    assert "<script" not in comparison_html(c)


def test_compare_of_a_run_with_itself_finds_nothing_worse(two_runs):
    c = compare_runs(two_runs[0], two_runs[0], suite=_suite())
    assert c.worse_articles == [] and c.worse_items == []
    assert all(r["delta"] in (0, 0.0, None) for r in c.rows)


_HOSTILE = '<script>alert("x")</script> it\'s "over"'


def test_report_and_comparison_escape_script_and_quotes_from_run_text(tmp_path):
    """Article ids, errors, model names and article items land in elements: all of it stays text."""
    invented = GOLD["a2"].model_copy(update={"quotes": [*GOLD["a2"].quotes, Quote(text=_HOSTILE, speaker="x")]})
    a = _write_run(tmp_path / "a", _HOSTILE, {i: _perfect(i) for i in TEXTS})
    b = _write_run(tmp_path / "b", "m", {"a1": _perfect("a1"), "a2": _with_provenance(invented), "a3": _HOSTILE})
    summarise_run(b, suite=_suite())
    c = compare_runs(a, b, suite=_suite())
    for page in ((b / "report.html").read_text(), comparison_html(c)):
        assert "<script" not in page and '"over"' not in page and "it's" not in page
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; it&#39;s &#34;over&#34;" in page


def test_reports_name_the_prompt_hash_as_prompts_show_does(run_dir):
    """One hash, one name: the report's prompt hash is the one `prompts show` calls the prompt hash."""
    from typer.testing import CliRunner

    from summarise.cli import app
    from summarise.prompts import load_prompt

    full = load_prompt("briefing@v2").hash
    info = json.loads((run_dir / "run.json").read_text())
    (run_dir / "run.json").write_text(json.dumps({**info, "prompt": "briefing@v2", "prompt_hash": full}))
    summarise_run(run_dir, suite=_suite())
    shown = CliRunner().invoke(app, ["prompts", "show", "briefing@v2"]).stdout
    assert f"# prompt hash: {full} (with its steps)" in shown
    assert f"# template hash: {load_prompt('briefing@v2').own_hash}" in shown
    for name in ("report.md", "report.html"):
        assert f"(prompt hash {full[:15]})" in (run_dir / name).read_text()
    listed = CliRunner().invoke(app, ["prompts", "list"]).stdout
    assert f"template hash {load_prompt('briefing@v2').own_hash[:15]}" in listed


def _merged(article_id: str, flags: dict[str, list[str]], drops: list[Drop]) -> dict:
    """A gold briefing as a merged strategy leaves it: flags on its quotes, drops in its provenance."""
    b = GOLD[article_id]
    quotes = [q.model_copy(update={"source": "both", "flags": flags.get(q.text, [])}) for q in b.quotes]
    data = _with_provenance(b.model_copy(update={"quotes": quotes}))
    data["provenance"]["dropped"] = [d.model_dump(mode="json") for d in drops]
    return data


def test_reports_count_drops_by_kind_and_flags_per_run_and_per_article(tmp_path):
    speaker = "speaker: the model said Kim, the rules Hong Min; kept Hong Min, whom the text names at the quote"
    kind = "speaker type: the model said other, the rules analyst; kept analyst, which the text's description makes"
    run = _write_run(tmp_path / "run", "m", {
        "a1": _merged("a1", {}, [Drop(kind="quote", reason="its words are not in the article", item="x")] * 2
                      + [Drop(kind="speaker", reason="speaker not named in the article", item="y")]),
        "a2": _merged("a2", {"this is a calibrated message": [speaker, kind]}, []),
        "a3": "BackendError: down",
    })
    summary = summarise_run(run, suite=_suite())
    stats = summary["run"]
    assert (stats["dropped"], stats["flags"]) == (3, 2)
    assert stats["dropped_by_kind"] == {"quote": 2, "speaker": 1}
    assert stats["flags_by_field"] == {"speaker": 1, "speaker type": 1}
    rows = {a["article_id"]: a for a in stats["per_article"]}
    assert (rows["a1"]["dropped"], rows["a1"]["dropped_by_kind"], rows["a1"]["flags"]) == (3, {"quote": 2, "speaker": 1}, 0)
    assert (rows["a2"]["dropped"], rows["a2"]["flags"], rows["a2"]["flags_by_field"]) == (0, 2, {"speaker": 1, "speaker type": 1})
    assert "dropped" not in rows["a3"]  # no briefing: nothing to count
    saved = json.loads((run / "summary.json").read_text())
    assert saved["run"]["dropped_by_kind"] == {"quote": 2, "speaker": 1} and saved["run"]["flags"] == 2
    line = "3 items dropped (quote 2, speaker 1), 2 disagreements flagged (speaker 1, speaker type 1)"
    for name in ("report.md", "report.html"):
        page = (run / name).read_text()
        assert line in page
        assert "3 items dropped (quote 2, speaker 1), 0 disagreements flagged" in page  # a1's row
        assert "0 items dropped, 2 disagreements flagged" in page  # a2's row
    table = _render(summary_table(summary))
    assert "disagreements flagged" in table
