"""Running a suite: one briefing per article, concurrently, each result kept the moment it exists.

A run directory is the whole record of a run, and reports read nothing else:

    <run_dir>/run.json        what was run: suite, model, prompt spec and hash, schema version,
                              settings fingerprint, endpoint (backend kind, server URL, mode),
                              concurrency, when
    <run_dir>/results.jsonl   one line per finished article, appended and fsynced at once
    <run_dir>/baseline/       the same for the no-model ``rules`` baseline, run beside every model

Appending per article is what makes a run resumable: a crash, a Ctrl-C or a dead backend halfway
through a suite loses only the articles in flight, and ``resume=True`` picks up from the results
already written, by article id and article hash: two articles with the same words are two results.
Each result's key is a content hash of everything that decides the answer (prompt hash with its
steps, model, backend kind, server URL and mode, settings fingerprint, article hash, schema
version, code); the same key is the response cache's file name, so a rerun of an unchanged suite
makes no model call at all, and the same model name behind another server is never served the
first server's answers.

Articles run on the engine ``settings.engine`` names (``summarise.engines``: a thread pool of
exactly ``concurrency`` workers, or a pool of Ray actors), the same code ``summarise batch`` runs:
``EvalWork`` is one article's cache look-up, briefing and result line, whichever engine runs it.
Error text is redacted of keys (``summarise.redact``) before it is written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from summarise.articles import Article
from summarise.backends import base_urls, parse_spec
from summarise.config import Settings
from summarise.defaults import prompt_for
from summarise.engines import Engine, Record, Task, fold_leftovers, open_engine
from summarise.errors import ConfigError, RunFailed, exit_code_of
from summarise.hashing import content_hash
from summarise.jsonlines import error_line
from summarise.redact import redact
from summarise.reports import BASELINE_DIR, RESULTS_FILE, RUN_FILE, read_results, summarise_run
from summarise.schemas import SCHEMA_VERSION, Briefing

#: The no-model baseline every run is scored against: fast, deterministic, in-process.
BASELINE_MODEL = "rules"

ExtractFn = Callable[..., Briefing]


class PromptRef(Protocol):
    """What a run needs of a prompt: the spec it was asked for and the hash of its text."""

    spec: str
    hash: str


def _resolve_prompt(prompt: str | PromptRef | None, model: str) -> PromptRef:
    if prompt is not None and not isinstance(prompt, str):
        return prompt
    # Imported here: prompts reads the prompt files, and a caller that already holds a
    # loaded prompt (the CLI, the tests) should not need them.
    from summarise.prompts import load_prompt

    return load_prompt(prompt_for(prompt, model)[0])  # none named: the model's default (defaults.py)


def _default_extract() -> ExtractFn:
    # Imported here: extract pulls in instructor, openai and the backends, which a run with its
    # own extract_fn never touches.
    from summarise.extract import extract_briefing

    return extract_briefing


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the package's own source: a briefing depends on the grounding and rules code as much
    as on the model, so a cached answer from other code is another answer."""
    package = Path(__file__).resolve().parent
    return content_hash({str(p.relative_to(package)): p.read_bytes().hex() for p in sorted(package.rglob("*.py"))})


def endpoint(model: str, settings: Settings) -> dict[str, Any]:
    """Who is asked, and how: the backend kind, the server's URL, the instructor mode and the
    context. The same model name behind another server (``--base-url``) is another model; a pool
    of servers is the same pool whatever order its URLs are given in."""
    backend = model.partition("/")[0]
    base_url = ",".join(base_urls(settings.base_url)) or None
    try:
        spec = parse_spec(model, settings.base_url)
    except ConfigError:
        pass  # a name no backend knows (a test's fake extractor): the name and URL as given
    else:
        backend, base_url = spec.backend, spec.base_url
    return {"backend": backend, "base_url": base_url, "mode": settings.mode, "context_tokens": settings.context_tokens}


def result_key(*, prompt_hash: str, model: str, settings: Settings, article_hash: str) -> str:
    """The identity of one answer: equal keys, equal question, so the cached answer is reusable.
    ``prompt_hash`` is the prompt's whole hash, its steps' prompts included."""
    return content_hash(
        {
            "prompt_hash": prompt_hash,
            "model": model,
            "endpoint": endpoint(model, settings),
            "settings": settings.fingerprint(),
            "article_hash": article_hash,
            "schema_version": SCHEMA_VERSION,
            "code": code_fingerprint(),
        }
    )


def _cache_path(settings: Settings, key: str) -> Path:
    return settings.cache_dir / f"{key.replace(':', '-')}.json"


def _read_cache(path: Path) -> Briefing | None:
    try:
        return Briefing.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # absent or unreadable (an older schema, a torn write): ask again


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _run_info(
    suite: Any, *, model: str, prompt: PromptRef, settings: Settings, concurrency: int
) -> dict[str, Any]:
    fingerprint = settings.fingerprint()
    return {
        "suite": {"name": suite.name, "path": str(suite.path)},
        "model": model,
        "prompt": prompt.spec,
        "prompt_hash": prompt.hash,
        "schema_version": SCHEMA_VERSION,
        "settings": fingerprint,
        "settings_hash": content_hash(fingerprint),
        "endpoint": endpoint(model, settings),
        "created_at": dt.datetime.now(dt.timezone.utc).isoformat(),
        "concurrency": concurrency,
    }


_IDENTITY = ("model", "prompt_hash", "schema_version", "settings_hash", "endpoint")


def _prepare_dir(run_dir: Path, info: dict[str, Any], *, resume: bool) -> dict[str, Any]:
    """Create or reopen a run directory; refuse to mix two different runs in one."""
    run_dir.mkdir(parents=True, exist_ok=True)
    run_file = run_dir / RUN_FILE
    results = run_dir / RESULTS_FILE
    if run_file.exists():
        old = json.loads(run_file.read_text(encoding="utf-8"))
        if not resume and results.exists() and results.stat().st_size:
            raise ConfigError(f"{run_dir} already holds a run: resume it, or give a new run directory")
        if resume:
            # a run.json from before a key was recorded cannot disagree on it
            differs = [k for k in _IDENTITY if k in old and old[k] != info.get(k)]
            if differs:
                raise ConfigError(
                    f"{run_dir} holds a run with another {', '.join(differs)}: give a new run directory"
                )
            info = {**old, "resumed_at": [*old.get("resumed_at", []), info["created_at"]]}
    _write_atomic(run_file, json.dumps(info, indent=2, ensure_ascii=False) + "\n")
    return info


@contextmanager
def _progress_bar(enabled: bool, total: int, label: str) -> Iterator[Callable[[], None]]:
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    ) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def _article_task(article: Article) -> dict[str, Any]:
    """An article as JSON-able values: a task crosses into Ray actors."""
    fields = dataclasses.asdict(article)
    fields["published"] = article.published.isoformat() if article.published is not None else None
    return fields


def _article_of(fields: dict[str, Any]) -> Article:
    published = fields.get("published")
    return Article(**{**fields, "published": dt.date.fromisoformat(published) if published else None})


@dataclass(frozen=True)
class EvalWork:
    """One suite article's work under any engine (``summarise.engines``): its cached answer, or a
    briefing made and cached, as one result line. A failure is a line with its one-line error."""

    model: str
    prompt_spec: str
    settings: Settings
    use_cache: bool
    extract_fn: ExtractFn

    def __call__(self, task: Task) -> Record:
        article = _article_of(task["article"])
        started = time.perf_counter()
        cache = _cache_path(self.settings, task["key"])
        briefing = _read_cache(cache) if self.use_cache else None
        cached = briefing is not None
        error: str | None = None
        if briefing is None:
            try:
                briefing = self.extract_fn(article, model=self.model, prompt=self.prompt_spec, settings=self.settings)
            except Exception as exc:  # one article's failure is a result, not the run's end
                error = error_line(exc, self.settings)
            else:
                _write_atomic(cache, briefing.model_dump_json())
        return {
            "key": task["key"],
            "article_id": task["id"],
            "article_hash": article.hash,
            "briefing": briefing.model_dump(mode="json") if briefing is not None else None,
            "error": error,
            "duration_s": round(time.perf_counter() - started, 4),
            "cached": cached,
        }


def _execute(
    suite: Any,
    *,
    model: str,
    prompt: PromptRef,
    settings: Settings,
    run_dir: Path,
    concurrency: int,
    resume: bool,
    use_cache: bool,
    extract_fn: ExtractFn,
    progress: bool,
    engine: Engine,
) -> None:
    info = _run_info(suite, model=model, prompt=prompt, settings=settings, concurrency=concurrency)
    fold_leftovers(run_dir / RESULTS_FILE)  # what a killed Ray run left in blocks is done work
    _prepare_dir(run_dir, info, resume=resume)
    # By article id and text hash: an article whose words equal another's is its own result, and
    # an edited article is briefed again. Not by the whole key, which holds a hash of this
    # package's code: resuming after an upgrade must not brief everything a second time.
    done = {
        (article_id, line.get("article_hash"))
        for article_id, line in read_results(run_dir).items()
        if line.get("briefing") is not None
    } if resume else set()
    todo = []
    for item in suite.items:
        if (item.id, item.article.hash) not in done:
            key = result_key(prompt_hash=prompt.hash, model=model, settings=settings, article_hash=item.article.hash)
            todo.append((key, item))
    work = EvalWork(model, prompt.spec, settings, use_cache, extract_fn)
    tasks = [{"key": key, "id": item.id, "article": _article_task(item.article)} for key, item in todo]
    with _progress_bar(progress, len(tasks), f"{suite.name} · {model}") as advance:
        engine.run(tasks, work, results=run_dir / RESULTS_FILE, concurrency=concurrency, tick=lambda _record: advance())


def run_eval(
    suite: Any,
    *,
    model: str,
    prompt: str | PromptRef | None,
    settings: Settings | None,
    run_dir: Path,
    concurrency: int = 1,
    resume: bool = False,
    use_cache: bool = True,
    extract_fn: ExtractFn | None = None,
    progress: bool = False,
) -> Path:
    """Brief every article of ``suite`` with ``model``, score against the gold, write the reports.

    ``suite`` is a ``summarise.suites.Suite`` (name, path, items with id, article, gold, and the
    labels it scores on: a partly labelled suite's unlabelled fields get no score).
    ``prompt`` is a spec (``briefing@v1``; None is the model's default, summarise/defaults.py) or an
    already loaded prompt.
    Articles run ``concurrency`` at a time on ``settings.engine`` (threads, or Ray actors). An
    article that fails is recorded with its one-line error and the run goes on; with
    ``resume=True`` articles already briefed in ``run_dir`` are skipped and failed ones retried.
    The ``rules`` baseline is run into ``run_dir/baseline`` (uncached: it is cheap, and a cached
    baseline would hide a change to the rules) so every report sets the model beside it.
    Returns ``run_dir``.
    """
    if concurrency < 1:
        raise ConfigError(f"concurrency must be at least 1, not {concurrency}")
    settings = settings if settings is not None else Settings()
    ref = _resolve_prompt(prompt, model)
    fn = extract_fn if extract_fn is not None else _default_extract()
    engine = open_engine(settings)  # an unknown engine is refused before anything is written
    run_dir = Path(run_dir)
    # The rules cost milliseconds: caching them would only hide a change to their code.
    runs = [(model, run_dir, concurrency, use_cache and model != BASELINE_MODEL, settings)]
    if model != BASELINE_MODEL:
        # the baseline calls no server: a --base-url meant for the model would make every article fail
        runs.append((BASELINE_MODEL, run_dir / BASELINE_DIR, 1, False, settings.model_copy(update={"base_url": None})))
    for name, directory, workers, cache, run_settings in runs:
        _execute(
            suite,
            model=name,
            prompt=ref,
            settings=run_settings,
            run_dir=directory,
            concurrency=workers,
            resume=resume,
            use_cache=cache,
            extract_fn=fn,
            progress=progress,
            engine=engine,
        )
    summarise_run(run_dir, suite=suite)
    return run_dir


def run_failure(summary: dict[str, Any]) -> RunFailed | None:
    """The run's failure as an error to exit with, or None when every article got a briefing.

    Only the model's articles count: the rules baseline is a yardstick, not what was asked for.
    """
    run = summary["run"]
    failed = [row for row in run["per_article"] if row["status"] in ("error", "missing")]
    if not failed:
        return None
    total = run["articles"]
    first = redact(failed[0].get("error") or "no result")
    first = first if len(first) <= 240 else first[:240] + "…"  # cut after redaction: no half key is left
    kinds = {(row.get("error") or "").partition(":")[0] for row in failed}
    code = exit_code_of(kinds.pop()) if len(failed) == total and len(kinds) == 1 else RunFailed.exit_code
    message = (
        f"{len(failed)} of {total} article{'s' if total != 1 else ''} failed "
        f"(first: {failed[0]['article_id']}: {first}); every result is in {run['run_dir']}/{RESULTS_FILE}"
    )
    return RunFailed(redact(message), exit_code=code, failed=len(failed), total=total)
