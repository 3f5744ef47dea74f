"""Batch runs with a fake extractor: results appended per article, cache, resume, errors."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from summarise.articles import Article
from summarise.config import Settings
from summarise.errors import ConfigError, ExtractionError
from summarise.runs import BASELINE_MODEL, result_key, run_eval
from summarise.schemas import SCHEMA_VERSION, Briefing, Provenance, Quote

PROMPT = SimpleNamespace(name="briefing", version="v1", spec="briefing@v1", hash="b2:fakeprompt")
MODEL = "fake/model"


def _suite(n: int = 5) -> SimpleNamespace:
    items = []
    for i in range(n):
        text = f'Article {i}. The minister said "we stand ready {i}" on Monday.'
        gold = Briefing(
            headline=f"h{i}",
            bottom_line="b",
            quotes=[Quote(text=f"we stand ready {i}", speaker="the minister", speaker_type="official")],
        )
        items.append(SimpleNamespace(id=f"a{i}", article=Article(text=text, source=f"a{i}.txt"), gold=gold, gold_path=None))
    return SimpleNamespace(name="fake", path="evals/fake", items=items)


class FakeExtract:
    """Counts calls per model; can fail on chosen articles or interrupt after a number of calls."""

    def __init__(self, *, fail: set[str] = frozenset(), interrupt_after: int | None = None, delay: float = 0.0):
        self.calls: Counter[str] = Counter()
        self.fail = fail
        self.interrupt_after = interrupt_after
        self.delay = delay
        self.running = 0
        self.max_running = 0
        self._lock = threading.Lock()

    def __call__(self, article: Article, *, model: str, prompt: str | None = None, settings=None) -> Briefing:
        with self._lock:
            if model != BASELINE_MODEL and self.interrupt_after is not None and self.calls[model] >= self.interrupt_after:
                raise KeyboardInterrupt
            self.calls[model] += 1
            self.running += 1
            self.max_running = max(self.max_running, self.running)
        try:
            time.sleep(self.delay)
            if any(f"Article {i[1:]}." in article.text for i in self.fail):
                raise ExtractionError("the model gave no valid briefing\nafter 3 attempts")
            quote = article.text.split('"')[1]
            return Briefing(
                headline="h",
                bottom_line="b",
                quotes=[Quote(text=quote, speaker="the minister", speaker_type="official")],
                provenance=Provenance(
                    prompt=prompt or "",
                    prompt_hash=PROMPT.hash,
                    model=model,
                    backend="fake",
                    article_hash=article.hash,
                    created_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc),
                    tokens_in=100,
                    tokens_out=20,
                    calls=1,
                ),
            )
        finally:
            with self._lock:
                self.running -= 1


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


def _run(suite, settings, run_dir, fake, **kw):
    return run_eval(suite, model=MODEL, prompt=PROMPT, settings=settings, run_dir=run_dir, extract_fn=fake, **kw)


def _lines(run_dir: Path) -> list[dict]:
    return [json.loads(line) for line in (run_dir / "results.jsonl").read_text().splitlines()]


def test_each_article_is_one_result_line(tmp_path, settings):
    fake = FakeExtract()
    suite = _suite(3)
    run_dir = _run(suite, settings, tmp_path / "run", fake)
    lines = _lines(run_dir)
    assert [line["article_id"] for line in lines] == ["a0", "a1", "a2"]
    first = lines[0]
    assert set(first) == {"key", "article_id", "article_hash", "briefing", "error", "duration_s", "cached"}
    assert first["key"] == result_key(
        prompt_hash=PROMPT.hash, model=MODEL, settings=settings, article_hash=suite.items[0].article.hash
    )
    assert first["article_hash"] == suite.items[0].article.hash
    assert first["error"] is None and first["cached"] is False
    assert Briefing.model_validate(first["briefing"]).quotes[0].text == "we stand ready 0"
    assert fake.calls[MODEL] == 3


def test_run_json_records_what_was_run(tmp_path, settings):
    run_dir = _run(_suite(1), settings, tmp_path / "run", FakeExtract(), concurrency=2)
    info = json.loads((run_dir / "run.json").read_text())
    assert info["suite"] == {"name": "fake", "path": "evals/fake"}
    assert (info["model"], info["prompt"], info["prompt_hash"]) == (MODEL, "briefing@v1", PROMPT.hash)
    assert info["schema_version"] == SCHEMA_VERSION
    assert info["settings"] == settings.fingerprint()
    assert info["concurrency"] == 2
    assert dt.datetime.fromisoformat(info["created_at"]).tzinfo is not None


def test_baseline_runs_beside_the_model_and_reports_are_written(tmp_path, settings):
    fake = FakeExtract()
    run_dir = _run(_suite(2), settings, tmp_path / "run", fake)
    assert fake.calls == {MODEL: 2, BASELINE_MODEL: 2}
    assert [line["article_id"] for line in _lines(run_dir / "baseline")] == ["a0", "a1"]
    assert json.loads((run_dir / "baseline" / "run.json").read_text())["model"] == BASELINE_MODEL
    for name in ("summary.json", "report.md", "report.html"):
        assert (run_dir / name).exists()
    summary = json.loads((run_dir / "summary.json").read_text())
    assert summary["run"]["metrics"]["quotes"]["f1"] == 1.0
    assert summary["baseline"]["model"] == BASELINE_MODEL


def test_a_rules_run_is_its_own_baseline(tmp_path, settings):
    fake = FakeExtract()
    run_dir = run_eval(
        _suite(2), model=BASELINE_MODEL, prompt=PROMPT, settings=settings, run_dir=tmp_path / "run", extract_fn=fake
    )
    assert fake.calls == {BASELINE_MODEL: 2}
    assert not (run_dir / "baseline").exists()


def test_rules_are_never_served_from_the_cache(tmp_path, settings):
    """The rules cost milliseconds; a cached rules answer would hide a change to their code."""
    suite = _suite(2)
    for name in ("one", "two"):
        fake = FakeExtract()
        run_eval(suite, model=BASELINE_MODEL, prompt=PROMPT, settings=settings, run_dir=tmp_path / name, extract_fn=fake)
        assert fake.calls == {BASELINE_MODEL: 2}


def test_second_run_is_served_from_the_cache(tmp_path, settings):
    suite = _suite(3)
    _run(suite, settings, tmp_path / "one", FakeExtract())
    again = FakeExtract()
    run_dir = _run(suite, settings, tmp_path / "two", again)
    assert again.calls[MODEL] == 0
    assert all(line["cached"] for line in _lines(run_dir))
    assert [Briefing.model_validate(line["briefing"]).quotes[0].text for line in _lines(run_dir)] == [
        "we stand ready 0", "we stand ready 1", "we stand ready 2",
    ]


def test_cache_key_changes_with_the_settings_fingerprint(tmp_path, settings):
    suite = _suite(2)
    _run(suite, settings, tmp_path / "one", FakeExtract())
    hotter = FakeExtract()
    _run(suite, settings.model_copy(update={"temperature": 0.7}), tmp_path / "two", hotter)
    assert hotter.calls[MODEL] == 2


def test_use_cache_false_calls_the_model_again(tmp_path, settings):
    suite = _suite(2)
    _run(suite, settings, tmp_path / "one", FakeExtract())
    again = FakeExtract()
    run_dir = _run(suite, settings, tmp_path / "two", again, use_cache=False)
    assert again.calls[MODEL] == 2
    assert not any(line["cached"] for line in _lines(run_dir))


def test_a_failing_article_is_recorded_and_the_rest_complete(tmp_path, settings):
    run_dir = _run(_suite(4), settings, tmp_path / "run", FakeExtract(fail={"a2"}), concurrency=2)
    lines = {line["article_id"]: line for line in _lines(run_dir)}
    assert set(lines) == {"a0", "a1", "a2", "a3"}
    assert lines["a2"]["briefing"] is None
    assert lines["a2"]["error"] == "ExtractionError: the model gave no valid briefing after 3 attempts"
    assert all(lines[i]["error"] is None and lines[i]["briefing"] for i in ("a0", "a1", "a3"))
    summary = json.loads((run_dir / "summary.json").read_text())
    assert summary["run"]["errors"] == 1
    assert summary["run"]["schema_valid_rate"] == 0.75


def test_an_interrupted_run_resumes_without_redoing_anything(tmp_path, settings):
    suite = _suite(5)
    run_dir = tmp_path / "run"
    crashing = FakeExtract(interrupt_after=2)
    with pytest.raises(KeyboardInterrupt):
        _run(suite, settings, run_dir, crashing, use_cache=False)
    assert [line["article_id"] for line in _lines(run_dir)] == ["a0", "a1"]
    resumed = FakeExtract()
    _run(suite, settings, run_dir, resumed, use_cache=False, resume=True)
    assert resumed.calls[MODEL] == 3
    lines = _lines(run_dir)
    assert sorted(line["article_id"] for line in lines) == ["a0", "a1", "a2", "a3", "a4"]
    info = json.loads((run_dir / "run.json").read_text())
    assert len(info["resumed_at"]) == 1


def test_resume_retries_failed_articles_only(tmp_path, settings):
    suite = _suite(3)
    run_dir = tmp_path / "run"
    _run(suite, settings, run_dir, FakeExtract(fail={"a1"}), use_cache=False)
    resumed = FakeExtract()
    _run(suite, settings, run_dir, resumed, use_cache=False, resume=True)
    assert resumed.calls[MODEL] == 1
    summary = json.loads((run_dir / "summary.json").read_text())
    assert summary["run"]["errors"] == 0


def test_resume_survives_a_torn_last_line(tmp_path, settings):
    suite = _suite(3)
    run_dir = tmp_path / "run"
    with pytest.raises(KeyboardInterrupt):
        _run(suite, settings, run_dir, FakeExtract(interrupt_after=2), use_cache=False)
    with (run_dir / "results.jsonl").open("a") as f:
        f.write('{"key": "b2:half-writ')
    resumed = FakeExtract()
    _run(suite, settings, run_dir, resumed, use_cache=False, resume=True)
    assert resumed.calls[MODEL] == 1
    assert [line["article_id"] for line in _lines(run_dir)] == ["a0", "a1", "a2"]


def test_concurrency_is_bounded(tmp_path, settings):
    fake = FakeExtract(delay=0.05)
    _run(_suite(8), settings, tmp_path / "run", fake, concurrency=3)
    assert 1 < fake.max_running <= 3


@pytest.mark.parametrize(
    "first, second, message",
    [
        ({}, {}, "already holds a run"),
        ({}, {"resume": True, "model": "other/model"}, "another model"),
    ],
)
def test_a_run_directory_holds_one_run(tmp_path, settings, first, second, message):
    run_dir = tmp_path / "run"
    run_eval(_suite(1), prompt=PROMPT, settings=settings, run_dir=run_dir, extract_fn=FakeExtract(), **{"model": MODEL, **first})
    with pytest.raises(ConfigError, match=message):
        run_eval(_suite(1), prompt=PROMPT, settings=settings, run_dir=run_dir, extract_fn=FakeExtract(), **{"model": MODEL, **second})


def test_concurrency_below_one_is_refused(tmp_path, settings):
    with pytest.raises(ConfigError, match="concurrency"):
        _run(_suite(1), settings, tmp_path / "run", FakeExtract(), concurrency=0)


def test_progress_goes_to_stderr(tmp_path, settings, capsys):
    _run(_suite(2), settings, tmp_path / "run", FakeExtract(), progress=True)
    out, err = capsys.readouterr()
    assert out == ""
    assert "fake · fake/model" in err and "2/2" in err
