"""The command line: parse, call the library, print. Nothing else lives here.

Human messages and progress go to stderr, the briefing (or JSON) to stdout. A ``SummariseError``
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

import typer

from summarise.errors import ConfigError, SummariseError
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

ModelOpt = typer.Option(None, "--model", "-m", help="backend/model: local/smollm2-135m, openai/gpt-4o-mini, ollama/qwen2.5:7b, rules")
BaseUrlOpt = typer.Option(None, "--base-url", help="an OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1")
PromptOpt = typer.Option(None, "--prompt", "-p", help="name@version; default: the newest briefing prompt")


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _error_line(exc: BaseException) -> str:
    """An error as the user sees it: one line, with any key a server echoed into it removed."""
    return redact(f"error: {exc}")


def _settings(model: str | None, base_url: str | None, prompt: str | None):
    from summarise.config import get_settings

    updates = {k: v for k, v in {"model": model, "base_url": base_url, "prompt": prompt}.items() if v}
    return get_settings().model_copy(update=updates)


@app.command()
def brief(
    paths: list[str] = typer.Argument(..., help="article files (.txt, .md, .html), or - for standard input"),
    model: Optional[str] = ModelOpt,
    base_url: Optional[str] = BaseUrlOpt,
    prompt: Optional[str] = PromptOpt,
    fmt: str = typer.Option("text", "--format", "-f", help="text, json, markdown or html"),
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

    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    published = publication_date(date)  # checked before any article is read: a bad date fails them all
    settings = _settings(model, base_url, prompt)
    if not settings.model:
        _err(f"No --model given: using {default_model(settings)} (set SUMMARISE_MODEL or --model to choose).")
    several_pages = fmt == "html" and len(paths) > 1
    json_list = fmt == "json" and len(paths) > 1
    if several_pages and out is None:
        raise ConfigError("several articles as html need --out FOLDER: one page per article")
    outputs: list[str] = []
    failures = 0
    for path in paths:
        try:
            article = read_article(path)
            briefing = extract_briefing(article, settings=settings, date=published)
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
        else:
            outputs.append(render(briefing, fmt, article=article.text))
    if outputs:
        text = ("[\n" + ",\n".join(outputs) + "\n]\n") if json_list else "\n".join(outputs)
        if out is not None:
            out.write_text(text, encoding="utf-8")
            _err(f"wrote {out}")
        else:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
    if failures:
        raise typer.Exit(1)


@prompts_app.command("list")
def prompts_list() -> None:
    """Every prompt version, with its hash and whether it is released (frozen)."""
    from summarise.prompts import list_prompts, read_lock

    lock = read_lock()
    for p in list_prompts(check_templates=False):
        own = p.own_hash
        state = "draft" if p.spec not in lock else "released" if lock[p.spec] == own else "EDITED"
        typer.echo(f"{p.spec:<22} {p.strategy:<9} {state:<9} {own[:15]}  {p.description}")


@prompts_app.command("show")
def prompts_show(spec: str = typer.Argument(..., help="name@version")) -> None:
    """A prompt's metadata and template."""
    from summarise.prompts import load_prompt

    p = load_prompt(spec)
    typer.echo(f"# {p.spec}  ({p.strategy}, {p.hash})\n# {p.description}\n# changes: {p.changes}")
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
    from summarise.backends import KINDS
    from summarise.config import get_settings
    from summarise.models import CATALOG

    settings = get_settings()
    typer.echo("Local models (local/NAME):")
    for m in CATALOG.values():
        where = m.path(settings)
        state = f"here: {where}" if where else f"not here: summarise models pull {m.name}"
        typer.echo(f"  {m.name:<14} {m.description}\n  {'':<14} {state}")
    typer.echo("  or local/PATH.gguf for any GGUF file.\nBackends:")
    for k in KINDS.values():
        typer.echo(f"  {k.name + '/':<14} {k.help} (instructor mode {k.mode})")
    typer.echo("  rules          the no-model baseline: quoted spans, names, dated sentences")


@models_app.command("pull")
def models_pull(name: str = typer.Argument(..., help="a model name from `summarise models`")) -> None:
    """Download a model from the Hugging Face Hub and verify its checksum."""
    from summarise.config import get_settings
    from summarise.models import pull_model

    path = pull_model(name, get_settings())
    _err(f"{name}: {path}")


@app.command("eval")
def eval_(
    target: str = typer.Argument(
        ..., help="a suite folder to run; or `check SUITE...`; or `compare RUN_A RUN_B`; or `import brat DIR --out SUITE`"
    ),
    more: Optional[list[str]] = typer.Argument(
        None, help="suites for check, two run folders for compare, `brat DIR` for import"
    ),
    model: Optional[str] = ModelOpt,
    base_url: Optional[str] = BaseUrlOpt,
    prompt: Optional[str] = PromptOpt,
    concurrency: int = typer.Option(
        1, "--concurrency", "-j", min=1, max=64,
        help="articles in flight; above 1 only for servers that batch (vLLM, llama-server -np N): "
        "the embedded model and llama_cpp.server take one request at a time, and interleaving spoils their prompt cache",
    ),
    resume: Optional[Path] = typer.Option(None, "--resume", help="a run folder to continue"),
    no_cache: bool = typer.Option(False, "--no-cache", help="call the model even for work done before"),
    runs_dir: Path = typer.Option(Path("runs"), "--runs-dir", help="where run folders are made"),
    out: Optional[Path] = typer.Option(None, "--out", help="for import: the new suite folder to write"),
) -> None:
    """Score a prompt and model on a labelled suite; `eval check` validates gold; `eval compare` diffs two runs.

    A run in which articles failed still writes its reports, then exits 1 (4 or 5 when every article failed for that one reason).

    `eval import brat DIR --out SUITE` turns brat attribution annotations (PolNeAR's Source, Cue and Content spans, in DIR/text and DIR/attributions, or <id>.txt beside <id>.ann) into a suite that labels quotes and their speakers only. Where an article has several annotation files, the one with the most attribution relations is used, ties going to the lowest annotator id.
    """
    from rich.console import Console

    from summarise import reports
    from summarise.suites import check_suite, load_suite

    more = more or []
    console = Console()
    if target == "import":
        from summarise.importers.brat import import_brat

        if len(more) != 2 or more[0] != "brat":
            raise ConfigError("eval import takes a format and a folder: eval import brat DIR --out SUITE_DIR")
        if out is None:
            raise ConfigError("eval import needs --out SUITE_DIR: the new folder to write the suite in")
        for line in import_brat(Path(more[1]), out).lines():
            _err(line)
        return
    if target == "check":
        problems = [f"{suite}: {p}" for suite in more for p in check_suite(load_suite(suite))]
        for problem in problems:
            typer.echo(problem)
        _err(f"{len(more)} suite(s) checked, {len(problems)} problem(s)")
        raise typer.Exit(1 if problems or not more else 0)
    if target == "compare":
        if len(more) != 2:
            raise ConfigError("eval compare takes two run folders")
        comparison = reports.compare_runs(Path(more[0]), Path(more[1]))
        md, html = reports.write_comparison(comparison, Path(more[1]))
        console.print(reports.comparison_table(comparison))
        _err(f"comparison in {md} and {html}")
        return
    if more:
        raise ConfigError(f"unexpected arguments {' '.join(more)}: eval takes one suite")
    from summarise.backends import KINDS, parse_spec
    from summarise.extract import default_model
    from summarise.prompts import load_prompt
    from summarise.runs import run_eval, run_failure

    settings = _settings(model, base_url, prompt)
    suite = load_suite(target)
    spec = default_model(settings)
    the_prompt = load_prompt(settings.prompt)
    kind = KINDS.get(parse_spec(spec, settings.base_url).backend)
    if concurrency > 1 and kind is not None and kind.one_at_a_time:
        _err(f"note: {spec} answers one request at a time; -j {concurrency} only interleaves articles, "
             "which spoils its prompt cache (-j 1 is as fast or faster)")
    if resume is not None:
        run_dir = resume
    else:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        slug = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{suite.name}_{spec}_{the_prompt.spec}")
        run_dir = runs_dir / f"{stamp}_{slug}"
    run_eval(
        suite, model=spec, prompt=the_prompt, settings=settings, run_dir=run_dir, concurrency=concurrency,
        resume=resume is not None, use_cache=not no_cache, progress=True,
    )
    summary = json.loads((run_dir / reports.SUMMARY_FILE).read_text(encoding="utf-8"))
    console.print(reports.summary_table(summary))
    _err(f"reports in {run_dir}")
    failure = run_failure(summary)
    if failure is not None:  # the table and reports stand; the exit code says not every article was briefed
        raise failure


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
