"""Briefing many articles into one JSON Lines file, resumably.

A day's wire is thousands of articles, and a run of that length will be killed, time out or meet a
server that falls over halfway. So every article's result is one line of ``DIR/briefings.jsonl``,
written whole (one write, flushed and fsynced under a lock) the moment it exists: a kill loses
only the articles in flight, never a finished one, and never leaves two lines run together.
``resume=True`` reads what is there and briefs only what is missing or failed, by article id and
article hash (an edited article, or one given another date, is briefed again); a torn last line
left by an older kill is cut off and its article done again.

Inputs are read before anything is briefed, so a mistyped path or a JSON Lines file with a
duplicated id costs nothing. An article that cannot be read or briefed is a failed line with its
one-line, redacted error and its exit code (``summarise.errors``), and the rest go on.

This is the local engine: a thread pool of exactly ``concurrency`` workers, as ``eval run`` uses.
"""

from __future__ import annotations

import dataclasses
import glob
import json
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarise.articles import Article, parse_article, publication_date, read_article
from summarise.config import Settings
from summarise.errors import ArticleError, ConfigError, SummariseError
from summarise.jsonlines import LineWriter, error_line
from summarise.schemas import Briefing

#: The results file inside the output folder.
RESULTS_FILE = "briefings.jsonl"
#: Files a folder contributes: the kinds ``read_article`` reads.
ARTICLE_SUFFIXES = (".txt", ".md", ".html")
#: A file given by name with this suffix holds many articles, one JSON object a line.
JSON_LINES_SUFFIX = ".jsonl"

ExtractFn = Callable[..., Briefing]


@dataclass(frozen=True)
class BatchItem:
    """One article to brief: its id in the results, and the article, or why it could not be read."""

    id: str
    article: Article | None
    error: SummariseError | None = None

    @property
    def hash(self) -> str:
        return self.article.hash if self.article is not None else ""


@dataclass(frozen=True)
class BatchSummary:
    """What a batch did: counts over this invocation, and where every result is."""

    briefed: int
    failed: int
    skipped: int
    seconds: float
    results: Path

    def line(self) -> str:
        skipped = f", {self.skipped} already done" if self.skipped else ""
        return (f"{self.briefed} briefed, {self.failed} failed{skipped} in {self.seconds:.1f}s; "
                f"results in {self.results}")


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------


def _expand(spec: str) -> list[Path]:
    """A path, folder or glob as the article files it names, sorted."""
    path = Path(spec)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    if path.exists():
        return [path]
    if glob.has_magic(spec):
        matches = sorted(Path(p) for p in glob.glob(spec, recursive=True) if Path(p).is_file())
        if not matches:
            raise ArticleError(f"{spec} matches no file")
        return matches
    raise ArticleError(f"{spec}: no such file or folder")


def _json_lines_items(path: Path) -> Iterator[tuple[str, Article | None, SummariseError | None]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ArticleError(f"{path}: cannot read it as UTF-8 JSON Lines ({exc})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except ValueError:
            raise ArticleError(f"{where} is not a JSON object: each line is {{\"id\": ..., \"text\": ...}}") from None
        if not isinstance(record, dict):
            raise ArticleError(f"{where} is not a JSON object: each line is {{\"id\": ..., \"text\": ...}}")
        if record.get("id") in (None, ""):
            raise ArticleError(f"{where} has no \"id\": every article needs one, to be found in the results")
        article_id = str(record["id"])
        text = record.get("text")
        if not isinstance(text, str):
            raise ArticleError(f"{where} (id {article_id}) has no \"text\" string")
        published = publication_date(record.get("published"))  # a bad date is refused before any work
        try:
            article = parse_article(text, f"{path}#{article_id}")
        except SummariseError as exc:  # an empty or binary text: this article fails, the rest go on
            yield article_id, None, exc
            continue
        if published is not None:
            article = dataclasses.replace(article, published=published)
        yield article_id, article, None


def collect_items(inputs: list[str]) -> list[BatchItem]:
    """Every article the inputs name, in order, each with a unique id.

    A file's id is its stem (``-2``, ``-3`` added when stems collide); a JSON Lines record's id is
    its ``id``, required and unique. Raises an ``ArticleError`` (one line) for an input that names
    nothing or a JSON Lines file that is not one; a file that exists but is no article becomes a
    failed item instead, so one bad file does not stop the batch.
    """
    items: list[BatchItem] = []
    taken: set[str] = set()
    files: list[tuple[int, Path]] = []
    for spec in inputs:
        for path in _expand(spec):
            if path.suffix.lower() == JSON_LINES_SUFFIX:
                for article_id, article, error in _json_lines_items(path):
                    if article_id in taken:
                        raise ArticleError(f"{path}: id {article_id!r} is given twice: every article needs its own id")
                    taken.add(article_id)
                    items.append(BatchItem(article_id, article, error))
            else:
                files.append((len(items), path))
                items.append(BatchItem("", None))  # a place held: file ids are made after every JSON id is known
    for index, path in files:
        stem, article_id, n = path.stem or "article", path.stem or "article", 1
        while article_id in taken:
            n += 1
            article_id = f"{stem}-{n}"
        taken.add(article_id)
        try:
            items[index] = BatchItem(article_id, read_article(path))
        except SummariseError as exc:
            items[index] = BatchItem(article_id, None, exc)
    return items


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


def read_done(path: Path) -> set[tuple[str, str]]:
    """``(id, article hash)`` of every article briefed in a results file; a torn line is ignored."""
    done: set[tuple[str, str]] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return done
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue  # a line cut by a kill: its article is done again
        if isinstance(record, dict) and record.get("ok"):
            done.add((str(record.get("id")), str(record.get("article_hash"))))
    return done


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator[Callable[[bool], None]]:
    """A bar on stderr with articles per minute and failures; ``tick(ok)`` after each article."""
    if not enabled:
        yield lambda ok: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    started = time.monotonic()
    failed = 0
    with Progress(
        TextColumn("briefing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/min · {task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    ) as bar:
        task = bar.add_task("briefing", total=total, rate=0.0, failed=0)

        def tick(ok: bool) -> None:
            nonlocal failed
            failed += not ok
            done = bar.tasks[0].completed + 1
            minutes = max(time.monotonic() - started, 1e-6) / 60
            bar.update(task, advance=1, rate=done / minutes, failed=failed)

        yield tick


def _brief_one(item: BatchItem, *, settings: Settings, extract_fn: ExtractFn) -> dict[str, Any]:
    try:
        if item.error is not None:
            raise item.error
        assert item.article is not None
        briefing = extract_fn(item.article, settings=settings, date=item.article.published)
    except Exception as exc:  # one article's failure is a result, not the batch's end
        code = exc.exit_code if isinstance(exc, SummariseError) else SummariseError.exit_code
        return {"id": item.id, "ok": False, "article_hash": item.hash, "error": error_line(exc, settings),
                "exit_code": code}
    return {"id": item.id, "ok": True, "article_hash": item.hash, "briefing": briefing.model_dump(mode="json")}


def run_batch(
    items: list[BatchItem],
    *,
    out_dir: Path,
    settings: Settings,
    concurrency: int = 1,
    resume: bool = False,
    progress: bool = False,
    extract_fn: ExtractFn | None = None,
) -> BatchSummary:
    """Brief ``items`` into ``out_dir/briefings.jsonl``, ``concurrency`` at a time.

    Without ``resume`` an output folder that already holds results is refused (two batches in one
    file would be one muddle); with it, articles already briefed (same id, same article hash) are
    skipped and failed ones tried again.
    """
    if concurrency < 1:
        raise ConfigError(f"concurrency must be at least 1, not {concurrency}")
    if extract_fn is None:
        from summarise.extract import extract_briefing  # imported here: instructor and openai are slow to load

        extract_fn = extract_briefing
    out_dir = Path(out_dir)
    results = out_dir / RESULTS_FILE
    if not resume and results.exists() and results.stat().st_size:
        raise ConfigError(f"{results} already holds results: add --resume to continue it, or give another --out")
    out_dir.mkdir(parents=True, exist_ok=True)
    done = read_done(results) if resume else set()
    todo = [item for item in items if (item.id, item.hash) not in done]
    started = time.monotonic()
    briefed = failed = 0
    writer = LineWriter(results)
    pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="summarise-batch")

    def work(item: BatchItem) -> bool:
        record = _brief_one(item, settings=settings, extract_fn=extract_fn)
        writer.append(record)  # in the worker: written the moment it exists
        return bool(record["ok"])

    try:
        with _progress(progress, len(todo)) as tick:
            futures = [pool.submit(work, item) for item in todo]
            for future in as_completed(futures):
                ok = future.result()
                briefed += ok
                failed += not ok
                tick(ok)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        writer.close()
    return BatchSummary(briefed=briefed, failed=failed, skipped=len(items) - len(todo),
                        seconds=time.monotonic() - started, results=results)

