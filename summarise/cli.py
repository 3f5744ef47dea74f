"""The command line: parse, call the library, print. Nothing else lives here.

Human messages, progress and eval tables go to stderr, the briefing (or JSON) to stdout, so
``eval run --json`` and ``brief --format json`` can be piped. A ``SummariseError``
becomes one line and its exit code; ``SUMMARISE_DEBUG=1`` shows the traceback instead.
Heavy libraries (instructor, openai, llama_cpp) are imported inside commands, so ``--help`` and
``prompts list`` start fast.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from pathlib import Path
from typing import Optional

import click
import typer
from typer.core import TyperGroup

from summarise.errors import ConfigError, GateFailed, SummariseError
from summarise.redact import redact

app = typer.Typer(
    help="Turn news articles into structured, checkable briefings: events, actors, quotes.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)
prompts_app = typer.Typer(help="Versioned prompt templates.", no_args_is_help=True)
models_app = typer.Typer(help="Models available here, and how to get more.", invoke_without_command=True)
app.add_typer(prompts_app, name="prompts")
app.add_typer(models_app, name="models")

#: ``brief --format jsonl``: one briefing per line, for streams and ``jq -c``; the others are render's.
JSON_LINES = "jsonl"

ModelOpt = typer.Option(None, "--model", "-m", help="backend/model: local/smollm2-135m, openai/gpt-4o-mini, ollama/qwen2.5:7b, rules")
BaseUrlOpt = typer.Option(
    None, "--base-url", metavar="URL",
    help="an OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1; repeat it (or give a comma list) for a pool of servers",
)
EndpointConcurrencyOpt = typer.Option(
    None, "--endpoint-concurrency", min=1,
    help="requests in flight to each server of a --base-url pool; more wait for a free slot (default 4)",
)
PromptOpt = typer.Option(None, "--prompt", "-p", help="name@version; default: the model's (summarise models shows the table)")
EngineOpt = typer.Option(None, "--engine", help="what runs the articles: local (threads, the default) or ray (Ray Data: pip install 'summarise[ray]')")
RayAddressOpt = typer.Option(None, "--ray-address", help="with --engine ray: a Ray cluster to join (e.g. ray://head:10001); none starts a local Ray")


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _error_line(exc: BaseException) -> str:
    """An error as the user sees it: one line, with any key a server echoed into it removed."""
    return redact(f"error: {exc}")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"summarise {version('summarise')}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="print the version and exit"),
) -> None:
    """Turn news articles into structured, checkable briefings: events, actors, quotes."""


def _settings(model: str | None, base_url: list[str] | None, prompt: str | None, endpoint_concurrency: int | None = None):
    """The environment's settings with the command line's on top; several --base-url are one pool."""
    from summarise.config import get_settings

    urls = ",".join(base_url) if base_url else None
    given = {"model": model, "base_url": urls, "prompt": prompt, "endpoint_concurrency": endpoint_concurrency}
    updates = {k: v for k, v in given.items() if v}
    return get_settings().model_copy(update=updates)


def _with_engine(settings, engine: str | None, ray_address: str | None):
    """The settings with --engine and --ray-address on top (SUMMARISE_ENGINE, SUMMARISE_RAY_ADDRESS)."""
    updates = {k: v for k, v in {"engine": engine, "ray_address": ray_address}.items() if v}
    return settings.model_copy(update=updates) if updates else settings


def _say_default_prompt(settings) -> str:
    """The prompt spec a command will use; when none was named, say on stderr which default it is
    and why (summarise/defaults.py), unless the model is the rules, which read no prompt. Each
    command says it once."""
    from summarise.backends import RULES, parse_spec
    from summarise.defaults import prompt_for
    from summarise.extract import default_model

    spec = parse_spec(default_model(settings), settings.base_url)
    chosen, row = prompt_for(settings.prompt, spec.model)
    if row is not None and spec.backend != RULES:
        _err(row.notice())
    return chosen


@app.command()
def brief(
    paths: list[str] = typer.Argument(..., help="article files (.txt, .md, .html), or - for standard input"),
    model: Optional[str] = ModelOpt,
    base_url: Optional[list[str]] = BaseUrlOpt,
    endpoint_concurrency: Optional[int] = EndpointConcurrencyOpt,
    prompt: Optional[str] = PromptOpt,
    fmt: str = typer.Option(
        "text", "--format", "-f",
        help="text, json (always a list, one briefing per article), jsonl (one briefing per line), markdown or html",
    ),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="write here instead of stdout (a folder for several html pages)"),
    date: Optional[str] = typer.Option(
        None, "--date", help="the article's publication date, YYYY-MM-DD: weekdays and 'yesterday' are read against it "
        "(default: the page's metadata, else the article's own date line)",
    ),
) -> None:
    """Brief one or more articles."""
    from summarise.articles import publication_date, read_article
    from summarise.extract import default_model, extract_briefing
    from summarise.render import FORMATS, render

    if fmt not in (*FORMATS, JSON_LINES):
        raise ConfigError(f"unknown format {fmt!r}: use one of {', '.join((*FORMATS, JSON_LINES))}")
    published = publication_date(date)  # checked before any article is read: a bad date fails them all
    settings = _settings(model, base_url, prompt, endpoint_concurrency)
    if not settings.model:
        _err(f"No --model given: using {default_model(settings)} (set SUMMARISE_MODEL or --model to choose).")
    several_pages = fmt == "html" and len(paths) > 1
    if several_pages and out is None:
        raise ConfigError("several articles as html need --out FOLDER: one page per article")
    outputs: list[str] = []
    failures = 0
    said = False  # which default prompt was used
    for path in paths:
        try:
            article = read_article(path)
            briefing = extract_briefing(article, settings=settings, date=published)
            if not said:  # after the first briefing, once: an error stays one line
                said = bool(_say_default_prompt(settings))
        except SummariseError as exc:
            if len(paths) == 1:
                raise
            failures += 1
            _err(_error_line(exc))
            continue
        if several_pages:
            assert out is not None
            out.mkdir(parents=True, exist_ok=True)
            page = out / f"{Path(path).stem or 'stdin'}.html"
            page.write_text(render(briefing, fmt, article=article.text), encoding="utf-8")
            _err(f"wrote {page}")
        elif fmt == JSON_LINES:
            outputs.append(briefing.model_dump_json())
        else:
            outputs.append(render(briefing, fmt, article=article.text))
    if fmt == "json":
        # one shape however many articles: a list, so a reader never asks which it got
        outputs = [("[\n" + ",\n".join(outputs) + "\n]") if outputs else "[]"]
    if outputs:
        text = "\n".join(outputs)
        text = text if text.endswith("\n") else text + "\n"
        if out is not None:
            out.write_text(text, encoding="utf-8")
            _err(f"wrote {out}")
        else:
            sys.stdout.write(text)
    if failures:
        raise typer.Exit(1)


@app.command()
def batch(
    inputs: list[str] = typer.Argument(
        ..., help="article files, folders (every .txt, .md, .html inside), globs, or .jsonl files of "
        '{"id": ..., "text": ..., "published": "YYYY-MM-DD"}',
    ),
    out: Path = typer.Option(..., "--out", "-o", help="the output folder: briefings.jsonl, one line per article"),
    model: Optional[str] = ModelOpt,
    base_url: Optional[list[str]] = BaseUrlOpt,
    endpoint_concurrency: Optional[int] = EndpointConcurrencyOpt,
    prompt: Optional[str] = PromptOpt,
    concurrency: int = typer.Option(1, "--concurrency", "-j", min=1, max=64, help="articles in flight"),
    resume: bool = typer.Option(False, "--resume", help="continue --out: brief only what is missing or failed"),
    engine: Optional[str] = EngineOpt,
    ray_address: Optional[str] = RayAddressOpt,
) -> None:
    """Brief many articles into one JSON Lines file, each line written as its article finishes.

    Exits 0 when every article was briefed, 1 when some failed (each failure is a line with its error).
    """
    from summarise.batch import collect_items, run_batch
    from summarise.extract import default_model

    settings = _with_engine(_settings(model, base_url, prompt, endpoint_concurrency), engine, ray_address)
    if not settings.model:
        _err(f"No --model given: using {default_model(settings)} (set SUMMARISE_MODEL or --model to choose).")
    _say_default_prompt(settings)
    items = collect_items(inputs)  # every input read before any is briefed: a typo costs nothing
    summary = run_batch(items, out_dir=out, settings=settings, concurrency=concurrency, resume=resume, progress=True)
    _err(summary.line())
    if summary.failed:
        raise typer.Exit(1)


@prompts_app.command("list")
def prompts_list() -> None:
    """Every prompt version, with its hash and whether it is released (frozen)."""
    from summarise.hashing import short_hash
    from summarise.prompts import TEMPLATE_HASH, list_prompts, read_lock

    lock = read_lock()
    for p in list_prompts(check_templates=False):
        own = p.own_hash
        state = "draft" if p.spec not in lock else "released" if lock[p.spec] == own else "EDITED"
        typer.echo(f"{p.spec:<22} {p.strategy:<9} {state:<9} {TEMPLATE_HASH} {short_hash(own)}  {p.description}")


@prompts_app.command("show")
def prompts_show(spec: str = typer.Argument(..., help="name@version")) -> None:
    """A prompt's metadata and template."""
    from summarise.prompts import PROMPT_HASH, TEMPLATE_HASH, load_prompt

    p = load_prompt(spec)
    typer.echo(f"# {p.spec}  ({p.strategy})\n# {p.description}\n# changes: {p.changes}")
    typer.echo(f"# {TEMPLATE_HASH}: {p.own_hash}\n# {PROMPT_HASH}: {p.hash}" + (" (with its steps)" if p.steps else ""))
    if p.steps:
        typer.echo("# steps: " + ", ".join(f"{k}={v}" for k, v in p.steps.items()))
    if p.system.strip():
        typer.echo("--- system ---\n" + p.system.strip())
    typer.echo("--- user ---\n" + p.user.strip())


@prompts_app.command("release")
def prompts_release() -> None:
    """Freeze every new prompt version in prompts/prompts.lock (released versions never change)."""
    from summarise.prompts import release_prompts

    added = release_prompts()
    _err("released: " + (", ".join(added) if added else "nothing new"))


@models_app.callback()
def models_list(ctx: typer.Context) -> None:
    """The backends and local models, what is on this machine and how to get more."""
    if ctx.invoked_subcommand:
        return
    from summarise.backends import backend_kinds
    from summarise.config import get_settings
    from summarise.models import CATALOG

    settings = get_settings()
    typer.echo("Local models (local/NAME):")
    for m in CATALOG.values():
        where = m.path(settings)
        state = f"here: {where}" if where else f"not here: summarise models pull {m.name}"
        typer.echo(f"  {m.name:<14} {m.description}\n  {'':<14} {state}")
    typer.echo("  or local/PATH.gguf for any GGUF file.\nBackends:")
    for k in backend_kinds(pickable=True):  # only what a spec may name: server/ is openai/NAME --base-url URL
        typer.echo(f"  {k.name + '/':<14} {k.help}\n  {'':<14} {'; '.join(k.capabilities())}")
    typer.echo("  rules          the no-model baseline: quoted spans, names, dated sentences")
    from summarise.defaults import TABLE

    typer.echo("Default prompts (when no --prompt or SUMMARISE_PROMPT is given):")
    for covers, row in TABLE:
        typer.echo(f"  {row.prompt:<14} {covers}\n  {'':<14} {'measured here' if row.measured else 'NOT measured on a real model here'}: {row.evidence}")


@models_app.command("pull")
def models_pull(name: str = typer.Argument(..., help="a model name from `summarise models`")) -> None:
    """Download a model from the Hugging Face Hub and verify its checksum."""
    from summarise.config import get_settings
    from summarise.models import pull_model

    path = pull_model(name, get_settings())
    _err(f"{name}: {path}")


class _EvalGroup(TyperGroup):
    """``eval``'s commands; the old ``eval SUITE`` form gets a one-line pointer to ``eval run``."""

    def resolve_command(self, ctx: click.Context, args: list[str]):  # type: ignore[override]
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            raise ConfigError(f"`eval {args[0]}` is not a command: run a suite with `summarise eval run {args[0]}`")
        return super().resolve_command(ctx, args)


eval_app = typer.Typer(
    cls=_EvalGroup,
    help="Score prompts and models on labelled suites: run, check, compare, import.",
    no_args_is_help=True,
)
runs_app = typer.Typer(help="Past eval runs, kept under the runs folder (SUMMARISE_RUNS_DIR).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(runs_app, name="runs")

RunsDirOpt = typer.Option(None, "--runs-dir", help="where run folders are kept (default: SUMMARISE_RUNS_DIR, else DATA_DIR/runs)")


def _runs_dir(given: Path | None) -> Path:
    from summarise.config import get_settings

    return given if given is not None else get_settings().eval_runs_dir


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _new_run_dir(runs_dir: Path, suite_name: str, model: str, prompt_spec: str) -> Path:
    """A fresh folder named for when, which suite, which model and which prompt; the rules ask no
    prompt, so a rules run is named after the rules alone."""
    from summarise.runs import BASELINE_MODEL

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    parts = [suite_name, model] if model == BASELINE_MODEL else [suite_name, model, prompt_spec]
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", "_".join(parts))
    run_dir, n = runs_dir / f"{stamp}_{slug}", 1
    while run_dir.exists():  # the same suite twice within one second
        n += 1
        run_dir = runs_dir / f"{stamp}_{slug}-{n}"
    return run_dir


def _one_failure(failures: list[SummariseError]) -> SummariseError:
    """Several suites' failed articles as one error: one suite's as it is; several say how many."""
    from summarise.errors import RunFailed

    if len(failures) == 1:
        return failures[0]
    codes = {f.exit_code for f in failures}
    return RunFailed(
        f"articles failed in {len(failures)} suites; first: {failures[0]}",
        exit_code=codes.pop() if len(codes) == 1 else RunFailed.exit_code,
    )


@eval_app.command("run")
def eval_run(
    suites: list[str] = typer.Argument(..., help="suite folders (articles/ and gold/ in each), run one after another"),
    model: Optional[str] = ModelOpt,
    base_url: Optional[list[str]] = BaseUrlOpt,
    endpoint_concurrency: Optional[int] = EndpointConcurrencyOpt,
    prompt: Optional[str] = PromptOpt,
    concurrency: int = typer.Option(
        1, "--concurrency", "-j", min=1, max=64,
        help="articles in flight; above 1 only for servers that batch (vLLM, llama-server -np N): "
        "the embedded model and llama_cpp.server take one request at a time, and interleaving spoils their prompt cache",
    ),
    resume: Optional[Path] = typer.Option(None, "--resume", help="a run folder to continue (one suite only)"),
    no_cache: bool = typer.Option(False, "--no-cache", help="call the model even for work done before"),
    runs_dir: Optional[Path] = RunsDirOpt,
    as_json: bool = typer.Option(False, "--json", help="print each suite's summary.json on stdout, one line per suite"),
    fail_under: Optional[list[str]] = typer.Option(
        None, "--fail-under", metavar="FIELD=VALUE",
        help="exit 6 when a suite's figure falls under this floor (repeatable): a key of summary.json's metrics, "
        "e.g. quotes.f1=0.95, quotes.speaker=0.85, events.recall=0.9",
    ),
    engine: Optional[str] = EngineOpt,
    ray_address: Optional[str] = RayAddressOpt,
) -> None:
    """Score a prompt and model on labelled suites, each beside the rules baseline.

    Tables go to stderr; `--json` puts each summary.json on stdout. A run in which articles failed
    still writes its reports, then exits 1 (4 or 5 when every article failed for that one reason);
    a figure under a `--fail-under` floor exits 6, naming the field and its articles.
    """
    from summarise import reports
    from summarise.backends import KINDS, parse_spec
    from summarise.extract import default_model
    from summarise.gate import floor_failures, parse_floor, unlabelled_floors
    from summarise.prompts import load_prompt
    from summarise.runs import run_eval, run_failure
    from summarise.suites import load_suite

    floors = [parse_floor(text) for text in fail_under or []]  # a mistyped floor fails before any run
    if resume is not None and len(suites) > 1:
        raise ConfigError("--resume continues one run: give the one suite it ran")
    settings = _with_engine(_settings(model, base_url, prompt, endpoint_concurrency), engine, ray_address)
    loaded = [load_suite(s) for s in suites]  # every suite read before the first runs: a typo costs nothing
    spec = default_model(settings)
    the_prompt = load_prompt(_say_default_prompt(settings))
    kind = KINDS.get(parse_spec(spec, settings.base_url).backend)
    if concurrency > 1 and kind is not None and kind.one_at_a_time:
        _err(f"note: {spec} answers one request at a time; -j {concurrency} only interleaves articles, "
             "which spoils its prompt cache (-j 1 is as fast or faster)")
    console = _stderr_console()
    where = _runs_dir(runs_dir)
    failures: list[SummariseError] = []
    fell: list[str] = []
    for suite in loaded:
        run_dir = resume if resume is not None else _new_run_dir(where, suite.name, spec, the_prompt.spec)
        run_eval(
            suite, model=spec, prompt=the_prompt, settings=settings, run_dir=run_dir, concurrency=concurrency,
            resume=resume is not None, use_cache=not no_cache, progress=True,
        )
        summary_text = (run_dir / reports.SUMMARY_FILE).read_text(encoding="utf-8")
        summary = json.loads(summary_text)
        console.print(reports.summary_table(summary))
        _err(f"reports in {run_dir}")
        if as_json:
            sys.stdout.write(json.dumps(summary, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        failure = run_failure(summary)
        if failure is not None:  # the table and reports stand; the exit code says not every article was briefed
            failures.append(failure)
        for key in unlabelled_floors(summary, floors):
            _err(f"note: {suite.name} does not label {key}: its floor is not checked there")
        fell.extend(floor_failures(summary, floors))
    if failures:
        raise _one_failure(failures)
    if fell:
        for line in fell:
            _err(f"under the floor: {line}")
        raise GateFailed(f"{len(fell)} figure(s) under their --fail-under floor")


@eval_app.command("check")
def eval_check(suites: list[str] = typer.Argument(..., help="suite folders to validate")) -> None:
    """Check suites' gold: valid, and every quote and sentence verbatim in its article."""
    from summarise.suites import check_suite, load_suite

    problems = [f"{suite}: {p}" for suite in suites for p in check_suite(load_suite(suite))]
    for problem in problems:
        typer.echo(problem)
    _err(f"{len(suites)} suite(s) checked, {len(problems)} problem(s)")
    raise typer.Exit(1 if problems else 0)


@eval_app.command("compare")
def eval_compare(
    run_a: Path = typer.Argument(..., help="the run to compare against (before)"),
    run_b: Path = typer.Argument(..., help="the run to judge (after); compare.md and compare.html are written here"),
    fail_on_regression: bool = typer.Option(
        False, "--fail-on-regression", help="exit 6 when a field of B fell behind A, naming each field and article",
    ),
    tolerance: float = typer.Option(
        0.0, "--tolerance", min=0.0, max=1.0, help="with --fail-on-regression: how far a ratio may fall and pass",
    ),
) -> None:
    """Set two runs side by side: per-field changes, and the articles and items that got worse."""
    from summarise import reports
    from summarise.gate import regressions

    comparison = reports.compare_runs(_run_path(run_a), _run_path(run_b))
    md, html = reports.write_comparison(comparison, _run_path(run_b))
    _stderr_console().print(reports.comparison_table(comparison))
    _err(f"comparison in {md} and {html}")
    if fail_on_regression:
        fell = regressions(comparison, tolerance)
        for line in fell:
            _err(f"worse: {line}")
        if fell:
            raise GateFailed(f"run B fell behind run A beyond a tolerance of {tolerance:g}")


@eval_app.command("import")
def eval_import(
    fmt: str = typer.Argument(..., metavar="FORMAT", help="the annotation format: brat"),
    folder: Path = typer.Argument(..., help="the annotated corpus"),
    out: Optional[Path] = typer.Option(None, "--out", help="the new suite folder to write"),
) -> None:
    """Turn an annotated corpus into a suite: `eval import brat DIR --out SUITE`.

    brat attribution annotations (PolNeAR's Source, Cue and Content spans, in DIR/text and DIR/attributions, or <id>.txt beside <id>.ann) become a suite that labels quotes and their speakers only. Where an article has several annotation files, the one with the most attribution relations is used, ties going to the lowest annotator id.
    """
    from summarise.importers.brat import import_brat

    if fmt != "brat":
        raise ConfigError("eval import takes a format and a folder: eval import brat DIR --out SUITE_DIR")
    if out is None:
        raise ConfigError("eval import needs --out SUITE_DIR: the new folder to write the suite in")
    for line in import_brat(folder, out).lines():
        _err(line)


def _run_path(run: Path) -> Path:
    """A run folder as given, or by its name under the runs folder."""
    if run.exists() or run.is_absolute() or len(run.parts) > 1:
        return run
    under = _runs_dir(None) / run
    return under if under.exists() else run


@runs_app.command("list")
def runs_list(runs_dir: Optional[Path] = RunsDirOpt) -> None:
    """Every run under the runs folder, oldest first: name, suite, model, prompt, articles, failed, quotes F1."""
    from summarise import reports

    where = _runs_dir(runs_dir)
    found = sorted(p for p in where.iterdir() if (p / reports.RUN_FILE).is_file()) if where.is_dir() else []
    if not found:
        _err(f"no runs in {where}")
        return
    for run_dir in found:
        info = reports.read_run_info(run_dir)
        row = [run_dir.name, info.get("suite", {}).get("name", "?"), str(info.get("model")), str(info.get("prompt"))]
        try:
            run = json.loads((run_dir / reports.SUMMARY_FILE).read_text(encoding="utf-8"))["run"]
        except (OSError, ValueError, KeyError):
            row.append("unfinished")
        else:
            quotes = run["metrics"].get("quotes")
            row.append(f"{run['articles']} articles, {run['errors'] + run['missing']} failed, "
                       f"quotes F1 {quotes['f1']:.2f}" if quotes else f"{run['articles']} articles")
        typer.echo("  ".join(row))


@runs_app.command("show")
def runs_show(
    run: Path = typer.Argument(..., help="a run folder, or its name under the runs folder"),
    as_json: bool = typer.Option(False, "--json", help="print summary.json instead of the table"),
) -> None:
    """One run's table (or summary.json), read from its folder: nothing is run or scored again."""
    from rich.console import Console

    from summarise import reports

    run_dir = _run_path(run)
    reports.read_run_info(run_dir)  # not a run folder: one line saying so
    try:
        text = (run_dir / reports.SUMMARY_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{run_dir} has no {reports.SUMMARY_FILE}: the run did not finish; "
                          f"continue it with `summarise eval run SUITE --resume {run_dir}`") from None
    if as_json:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    Console().print(reports.summary_table(json.loads(text)))
    typer.echo(f"reports in {run_dir}")


def main() -> None:
    """Entry point: one line and a non-zero exit for every error a user can meet."""
    try:
        app()
    except SummariseError as exc:
        if os.environ.get("SUMMARISE_DEBUG") == "1":
            raise
        _err(_error_line(exc))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
