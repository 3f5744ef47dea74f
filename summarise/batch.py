"""Briefing many articles into one JSON Lines file, resumably, on any engine.

A day's wire is thousands of articles, and a run of that length will be killed, time out or meet a
server that falls over halfway. So every article's result is one line of ``DIR/briefings.jsonl``,
written whole (one write, flushed and fsynced under a lock) the moment it exists: a kill loses
only the articles in flight, never a finished one, and never leaves two lines run together.
``resume=True`` reads what is there and briefs only what is missing or failed, by article id and
article hash (an edited article, or one given another date, is briefed again); a torn last line
left by an older kill is cut off and its article done again.

Inputs are checked before anything is briefed, so a mistyped path or a JSON Lines file with a
duplicated id costs nothing; but texts are read only as they are briefed (an input is an
``ArticleRef``: a path, or a JSON Lines file and the offset of the article's line), so the
driver's memory stays flat over 10,000 articles, and under Ray the texts are read in the actors.
An article that cannot be read or briefed is a failed line with its one-line, redacted error and
its exit code (``summarise.errors``), and the rest go on.

The engine (``summarise.engines``: ``local`` threads, or ``ray``) runs ``BatchWork`` on every
reference; the lines are the same whichever ran them.
"""

from __future__ import annotations

import dataclasses
import glob
import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarise.articles import Article, parse_article, publication_date, read_article
from summarise.config import Settings
from summarise.engines import Record, Task, fold_leftovers, open_engine
from summarise.errors import ArticleError, ConfigError, SummariseError
from summarise.jsonlines import error_line
from summarise.schemas import Briefing

#: The results file inside the output folder.
RESULTS_FILE = "briefings.jsonl"
#: Files a folder contributes: the kinds ``read_article`` reads.
ARTICLE_SUFFIXES = (".txt", ".md", ".html")
#: A file given by name with this suffix holds many articles, one JSON object a line.
JSON_LINES_SUFFIX = ".jsonl"

ExtractFn = Callable[..., Briefing]


@dataclass(frozen=True)
class ArticleRef:
    """Where one article is, checked but not read: its id in the results, the file that holds it
    (absolute: a Ray actor does not share the driver's working folder), the name errors give it,
    and for a JSON Lines article the byte offset of its line."""

    id: str
    path: str
    source: str
    offset: int | None = None

    def task(self) -> Task:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class BatchItem:
    """One article read: its id in the results, and the article, or why it could not be read."""

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


def _json_lines_record(path: Path, number: int, raw: bytes) -> dict[str, Any] | None:
    """A JSON Lines article's record, checked; None for a blank line."""
    where = f"{path}:{number}"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path}: cannot read it as UTF-8 JSON Lines ({exc})") from None
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except ValueError:
        raise ArticleError(f"{where} is not a JSON object: each line is {{\"id\": ..., \"text\": ...}}") from None
    if not isinstance(record, dict):
        raise ArticleError(f"{where} is not a JSON object: each line is {{\"id\": ..., \"text\": ...}}")
    if record.get("id") in (None, ""):
        raise ArticleError(f"{where} has no \"id\": every article needs one, to be found in the results")
    if not isinstance(record.get("text"), str):
        raise ArticleError(f"{where} (id {record['id']}) has no \"text\" string")
    publication_date(record.get("published"))  # a bad date is refused before any work
    return record


def _json_lines_refs(path: Path) -> Iterator[ArticleRef]:
    """Each article of a JSON Lines file, checked line by line and then let go of its text."""
    offset = 0
    try:
        with path.open("rb") as f:
            for number, raw in enumerate(f, 1):
                record = _json_lines_record(path, number, raw)
                if record is not None:
                    yield ArticleRef(str(record["id"]), str(path.resolve()), str(path), offset)
                offset += len(raw)
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read it as UTF-8 JSON Lines ({exc})") from None


def collect_items(inputs: list[str]) -> list[ArticleRef]:
    """Every article the inputs name, in order, each with a unique id; no text is kept.

    A file's id is its stem (``-2``, ``-3`` added when stems collide); a JSON Lines record's id is
    its ``id``, required and unique. Raises an ``ArticleError`` (one line) for an input that names
    nothing or a JSON Lines file that is not one; a file that exists but is no article becomes a
    failed line when it is read, so one bad file does not stop the batch.
    """
    refs: list[ArticleRef | None] = []
    taken: set[str] = set()
    files: list[tuple[int, Path]] = []
    for spec in inputs:
        for path in _expand(spec):
            if path.suffix.lower() == JSON_LINES_SUFFIX:
                for ref in _json_lines_refs(path):
                    if ref.id in taken:
                        raise ArticleError(f"{path}: id {ref.id!r} is given twice: every article needs its own id")
                    taken.add(ref.id)
                    refs.append(ref)
            else:
                files.append((len(refs), path))
                refs.append(None)  # a place held: file ids are made after every JSON id is known
    for index, path in files:
        stem, article_id, n = path.stem or "article", path.stem or "article", 1
        while article_id in taken:
            n += 1
            article_id = f"{stem}-{n}"
        taken.add(article_id)
        refs[index] = ArticleRef(article_id, str(path.resolve()), str(path))
    return [ref for ref in refs if ref is not None]


def read_item(task: Task) -> BatchItem:
    """Read the article an ``ArticleRef.task()`` names; an unreadable one is an item with its error."""
    ref = ArticleRef(**task)
    try:
        if ref.offset is None:
            return BatchItem(ref.id, dataclasses.replace(read_article(ref.path), source=ref.source))
        with open(ref.path, "rb") as f:
            f.seek(ref.offset)
            record = json.loads(f.readline().decode("utf-8"))
        article = parse_article(record["text"], f"{ref.source}#{ref.id}")
        published = publication_date(record.get("published"))
        if published is not None:
            article = dataclasses.replace(article, published=published)
        return BatchItem(ref.id, article)
    except SummariseError as exc:  # an empty or binary text: this article fails, the rest go on
        return BatchItem(ref.id, None, exc)
    except (OSError, ValueError, KeyError) as exc:  # the file changed since it was checked
        return BatchItem(ref.id, None, ArticleError(f"{ref.source}: cannot read article {ref.id} ({exc})"))


# ---------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------


def read_done(path: Path) -> set[tuple[str, str]]:
    """``(id, article hash)`` of every article briefed in a results file; a torn line is ignored."""
    done: set[tuple[str, str]] = set()
    try:
        f = path.open(encoding="utf-8")
    except FileNotFoundError:
        return done
    with f:
        for line in f:
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


def _brief_one(item: BatchItem, *, settings: Settings, extract_fn: ExtractFn) -> Record:
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


@dataclass(frozen=True)
class BatchWork:
    """One batch article's work, under any engine: read it, skip it if done, brief it, one line."""

    settings: Settings
    extract_fn: ExtractFn
    done: frozenset[tuple[str, str]] = frozenset()

    def __call__(self, task: Task) -> Record | None:
        item = read_item(task)
        if (item.id, item.hash) in self.done:
            return None
        return _brief_one(item, settings=self.settings, extract_fn=self.extract_fn)


def _not_done(items: list[ArticleRef], done: frozenset[tuple[str, str]]) -> Iterator[Task]:
    """The tasks of articles not briefed yet. An article whose id has a result is read here, one
    at a time, to compare its hash (so a resume that has nothing left starts no Ray at all); the
    rest are read only by the work, and the work checks again."""
    done_ids = {article_id for article_id, _hash in done}
    for item in items:
        task = item.task()
        if item.id in done_ids and (item.id, read_item(task).hash) in done:
            continue
        yield task


def _default_extract() -> ExtractFn:
    from summarise.extract import extract_briefing  # imported here: instructor and openai are slow to load

    return extract_briefing


def run_batch(
    items: list[ArticleRef],
    *,
    out_dir: Path,
    settings: Settings,
    concurrency: int = 1,
    resume: bool = False,
    progress: bool = False,
    extract_fn: ExtractFn | None = None,
) -> BatchSummary:
    """Brief ``items`` into ``out_dir/briefings.jsonl``, ``concurrency`` at a time, on ``settings.engine``.

    Without ``resume`` an output folder that already holds results is refused (two batches in one
    file would be one muddle); with it, articles already briefed (same id, same article hash) are
    skipped and failed ones tried again. Blocks a killed Ray run left are folded in first.
    """
    if concurrency < 1:
        raise ConfigError(f"concurrency must be at least 1, not {concurrency}")
    engine = open_engine(settings)  # an unknown engine is refused before anything is written
    out_dir = Path(out_dir)
    results = out_dir / RESULTS_FILE
    fold_leftovers(results)
    if not resume and results.exists() and results.stat().st_size:
        raise ConfigError(f"{results} already holds results: add --resume to continue it, or give another --out")
    out_dir.mkdir(parents=True, exist_ok=True)
    done = read_done(results) if resume else set()
    done_ids = {article_id for article_id, _hash in done}
    work = BatchWork(settings, extract_fn if extract_fn is not None else _default_extract(), frozenset(done))
    started = time.monotonic()
    counts = {True: 0, False: 0}
    with _progress(progress, sum(item.id not in done_ids for item in items)) as bar:

        def tick(record: Record) -> None:
            ok = bool(record.get("ok"))
            counts[ok] += 1
            bar(ok)

        engine.run(_not_done(items, work.done), work, results=results, concurrency=concurrency, tick=tick)
    briefed, failed = counts[True], counts[False]
    return BatchSummary(briefed=briefed, failed=failed, skipped=len(items) - briefed - failed,
                        seconds=time.monotonic() - started, results=results)
