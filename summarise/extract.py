"""From an article to a grounded briefing with its provenance.

``extract_briefing`` picks the backend from the model spec and the strategy (summarise/strategies/)
from the prompt's front matter, or from the model spec when it names a strategy that needs no
model (``--model rules``); then it grounds whatever came back in the article and records how it
was made. The model call itself is summarise/call.py's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import time
from functools import lru_cache
from importlib import metadata

from summarise import strategies
from summarise.articles import Article, parse_article, publication_date
from summarise.backends import DEFAULT_LOCAL, Backend, ModelSpec, open_backend, parse_spec
from summarise.config import Settings, get_settings
from summarise.defaults import prompt_for
from summarise.errors import ConfigError
from summarise.grounding import article_date, ground_briefing
from summarise.language import detect_language
from summarise.models import BUNDLED
from summarise.notices import notify
from summarise.prompts import Prompt, load_prompt
from summarise.schemas import Briefing, Provenance
from summarise.strategies import Job

TINY_MODEL_NOTE = (
    "Made by SmolLM2-135M, the tiny model bundled to try the tool: not fit for analysis. "
    "Use a larger model (summarise models) for real work."
)


_BACKENDS: dict[tuple[ModelSpec, str], Backend] = {}
_BACKENDS_LOCK = threading.Lock()


def get_backend(spec: ModelSpec, settings: Settings) -> Backend:
    """One client per spec and settings in a process, so batch runs reuse connections and models."""
    key = (spec, settings.model_dump_json())
    with _BACKENDS_LOCK:
        if key not in _BACKENDS:
            _BACKENDS[key] = open_backend(spec, settings)
        return _BACKENDS[key]


def default_model(settings: Settings) -> str:
    """The model used when none is named: the settings' choice, else the bundled one."""
    return settings.model or DEFAULT_LOCAL


@lru_cache(maxsize=1)
def _version() -> str:
    try:
        return metadata.version("summarise")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0+unknown"


def _strategy(spec: ModelSpec, prompt: Prompt) -> strategies.Strategy:
    """The strategy the model spec names in place of a model (``rules``), else the prompt's."""
    named = strategies.for_model(spec.backend)
    if named is not None:
        return named
    if prompt.strategy not in strategies.names():
        known = ", ".join(strategies.names())
        raise ConfigError(f"prompt {prompt.spec} names an unknown strategy {prompt.strategy!r}; there are: {known}")
    return strategies.get(prompt.strategy)


def extract_briefing(
    article: Article,
    *,
    model: str | None = None,
    prompt: str | None = None,
    settings: Settings | None = None,
    date: dt.date | str | None = None,
) -> Briefing:
    """A grounded briefing of one article, with its provenance; raises a ``SummariseError`` on failure.

    ``date`` is the article's publication date when the reader knows it: it beats the page's
    metadata, which beats the date line in the text. Found once here, it is the one date every
    strategy and the grounding read "on Monday" against.
    """
    if date is not None:
        article = dataclasses.replace(article, published=publication_date(date))
    day = article.published or article_date(article.text)
    settings = settings or get_settings()
    spec = parse_spec(model or default_model(settings), settings.base_url)
    # none named: the backend's default (summarise/defaults.py), not simply the newest version
    the_prompt = load_prompt(prompt_for(prompt or settings.prompt, spec.model)[0])
    created = dt.datetime.now(dt.timezone.utc)
    strategy = _strategy(spec, the_prompt)
    backend = get_backend(spec, settings) if strategy.needs_model else None
    job = Job(article, the_prompt, backend, settings, article_date=day)
    started = time.perf_counter()  # after get_backend: loading a model once is not this briefing's time
    if backend is not None:
        backend.answered_by()  # a pool of servers: forget what answered this thread's earlier articles
    draft = strategy.run(job)
    model_done = time.perf_counter()
    briefing, drops = ground_briefing(draft, article.text, article_date=day)
    finished = time.perf_counter()
    notes = list(job.stats.notes)
    if backend is not None and (answered := backend.answered_by()):
        notes.append(f"answered by {', '.join(dict.fromkeys(answered))}")
    if spec.backend == "local" and spec.model == BUNDLED:
        notes.insert(0, TINY_MODEL_NOTE)
    language = detect_language(article.text)
    if language is not None and not language.supported:
        notes.insert(0, language.note())
        notify(f"{article.source}: {language.note()}")
    briefing.provenance = Provenance(
        prompt=the_prompt.spec if strategy.needs_model else strategy.name,
        prompt_hash=the_prompt.hash if strategy.needs_model else "",
        model=spec.label,
        backend=spec.backend,
        strategy=strategy.name,
        article_hash=article.hash,
        created_at=created,
        duration_s=round(finished - started, 4),
        timings={
            "model_s": round(job.stats.model_s, 4),
            "toolkit_s": round((model_done - started) - job.stats.model_s + (finished - model_done), 4),
            "grounding_s": round(finished - model_done, 4),
        },
        calls=job.stats.calls,
        tokens_in=job.stats.tokens_in,
        tokens_out=job.stats.tokens_out,
        retries=job.stats.reasks,
        dropped=[*job.stats.drops, *drops],
        settings={**settings.fingerprint(), "base_url": spec.base_url} if strategy.needs_model else {},
        notes=notes,
        version=_version(),
        language=language.code if language is not None else None,
    )
    return briefing


def brief(
    text: str,
    *,
    model: str | None = None,
    prompt: str | None = None,
    settings: Settings | None = None,
    date: dt.date | str | None = None,
) -> Briefing:
    """The Python API: a briefing of an article's text (plain text or an HTML page), optionally
    read against its publication ``date`` (a ``datetime.date`` or "YYYY-MM-DD")."""
    return extract_briefing(parse_article(text), model=model, prompt=prompt, settings=settings, date=date)


__all__ = ["brief", "default_model", "extract_briefing", "get_backend"]
