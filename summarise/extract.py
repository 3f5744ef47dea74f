"""From an article to a grounded briefing with its provenance.

``extract_briefing`` picks the backend from the model spec and the strategy from the prompt's
front matter (``single``: one call fills the whole schema; ``grounded``: the toolkit finds the
candidates and the model answers narrow questions about them; ``rules`` needs no model), then
grounds whatever came back in the article and records how it was made.

``ask`` is the one place a model is called: it renders nothing, guesses nothing, and owns the
two kinds of retry: tenacity for transport failures (time-outs, 429, 5xx, refused connections),
instructor's re-ask for answers that break a validator. The whole call, every try and every
wait, fits in one deadline (``Settings.call_deadline_s``), and a server's Retry-After is obeyed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from typing import Any, Callable, TypeVar

from pydantic import BaseModel, ValidationError

from summarise.articles import Article, parse_article, publication_date
from summarise.backends import (
    DEFAULT_LOCAL,
    MAX_RETRY_AFTER_S,
    RULES,
    Backend,
    ModelSpec,
    describe_failure,
    is_transient,
    open_backend,
    parse_spec,
    retry_after,
)
from summarise.config import Settings, get_settings
from summarise.errors import ArticleError, ConfigError, ExtractionError
from summarise.grounding.lead import shared_with_lead, tells_the_story
from summarise.language import detect_language
from summarise.models import BUNDLED
from summarise.notices import notify
from summarise.prompts import Prompt, load_prompt
from summarise.rules import bottom_line, headline
from summarise.schemas import Briefing, BriefingDraft, Drop, Provenance, salvage_draft

T = TypeVar("T", bound=BaseModel)

TINY_MODEL_NOTE = (
    "Made by SmolLM2-135M, the tiny model bundled to try the tool: not fit for analysis. "
    "Use a larger model (summarise models) for real work."
)


@dataclass
class CallStats:
    """What the model calls of one briefing cost: summed into its provenance."""

    calls: int = 0  # answers received
    attempts: int = 0  # requests sent, answered or not
    reasks: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    model_s: float = 0.0
    questions: int = 0  # narrow questions put by the grounded strategy
    unanswered: int = 0
    drops: list[Drop] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add_usage(self, usage: Any) -> None:
        if usage is None:
            return
        self.tokens_in += int(getattr(usage, "prompt_tokens", 0) or 0)
        self.tokens_out += int(getattr(usage, "completion_tokens", 0) or 0)


def _shield(messages: list[dict[str, str]]) -> tuple[list[dict[str, str]], dict[str, str]]:
    """Protect message text from instructor's Jinja pass.

    instructor renders every message as a Jinja template when ``context=`` is given (and it must
    be, for validators to see the article): an article with ``{{`` or ``{%`` would be mangled or
    crash. Each content becomes a reference to a context value, which Jinja inserts verbatim.
    """
    values = {f"_m{i}": m["content"] for i, m in enumerate(messages)}
    shielded = [{"role": m["role"], "content": "{{ _m%d }}" % i} for i, m in enumerate(messages)]
    return shielded, values


@lru_cache(maxsize=256)
def _wrapped(response_model: type[T]) -> type[T]:
    """The model as instructor's ``OpenAISchema`` subclass, built once per model.

    Given a plain pydantic model, instructor builds a new wrapper class on every call, which
    also misses its own schema cache: 5-15 ms a call spent re-deriving the same JSON schema.
    """
    import instructor

    return instructor.openai_schema(response_model)


def ask(
    backend: Backend,
    messages: list[dict[str, str]],
    response_model: type[T],
    *,
    article: str,
    settings: Settings,
    stats: CallStats,
    max_tokens: int | None = None,
    reasks: int | None = None,
) -> tuple[T | None, str | None]:
    """One validated answer, or (None, the last raw output) when the re-asks are spent."""
    import httpx2
    import instructor
    from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
    from instructor.core.hooks import Hooks
    from tenacity import Retrying, retry_if_exception, wait_exponential

    hooks = Hooks()
    hooks.on("completion:kwargs", lambda *args, **kwargs: setattr(stats, "attempts", stats.attempts + 1))
    hooks.on("completion:response", lambda response: (setattr(stats, "calls", stats.calls + 1), stats.add_usage(getattr(response, "usage", None))))
    shielded, values = _shield(messages)
    reasks = settings.reasks if reasks is None else reasks  # instructor makes 1 + max_retries attempts

    budgets = [max_tokens or settings.max_tokens]
    if budgets[0] < settings.max_tokens:
        # a cut answer is asked once more with room: llama.cpp's JSON grammars let a small model
        # pad inside the JSON ('{\n\n"sentence"\n\n: "1' used all 20 tokens of a one-word answer)
        budgets.append(min(settings.max_tokens, 4 * budgets[0]))

    deadline_s = settings.call_deadline_s
    deadline = time.monotonic() + deadline_s
    stopped_by: dict[str, bool] = {}  # "deadline" when the deadline, not the count, ended the tries

    def call(budget: int) -> Any:
        return backend.client.create(
            model=backend.spec.model,
            messages=shielded,
            response_model=_wrapped(response_model),
            context={"article": article, **values},
            max_retries=reasks,
            hooks=hooks,
            temperature=settings.temperature,
            max_tokens=budget,
            seed=settings.seed,
            # no try outlives the call's deadline; a Timeout object, not a number, or instructor
            # would also stop re-asking a model that answers once this much time has passed
            timeout=httpx2.Timeout(max(0.05, min(settings.timeout_s, deadline - time.monotonic()))),
        )

    def cause_of(exc: BaseException | None) -> BaseException | None:
        return exc.__cause__ if isinstance(exc, InstructorRetryException) else exc

    def transient(exc: BaseException) -> bool:
        cause = cause_of(exc)
        return cause is not None and is_transient(cause)

    backoff = wait_exponential(multiplier=0.5, max=8)

    def wait(state: Any) -> float:
        """What the server asks (Retry-After), else exponential backoff."""
        asked = retry_after(cause_of(state.outcome.exception()) or Exception())
        return asked if asked is not None else backoff(state)

    def stop(state: Any) -> bool:
        """No more tries: all spent, a wait longer than we grant, or no time left for another."""
        if state.attempt_number >= settings.transport_retries + 1:
            return True
        if state.upcoming_sleep > MAX_RETRY_AFTER_S:
            return True
        if deadline - time.monotonic() - state.upcoming_sleep <= 0:
            stopped_by["deadline"] = True
            return True
        return False

    def failure(cause: BaseException) -> Exception:
        timed_out = stopped_by.get("deadline") or deadline - time.monotonic() <= 0
        return describe_failure(
            cause, backend.spec, tries=stats.attempts - attempts_before, deadline_s=deadline_s if timed_out else None
        )

    started, calls_before, attempts_before = time.perf_counter(), stats.calls, stats.attempts
    try:
        for n, budget in enumerate(budgets):
            try:
                for attempt in Retrying(retry=retry_if_exception(transient), stop=stop, wait=wait, reraise=True):
                    with attempt:
                        return call(budget), None
            except IncompleteOutputException as exc:
                whole = _whole_despite_cap(exc.last_completion, response_model, article)
                if whole is not None:
                    return whole, None
                if n + 1 == len(budgets):
                    stats.notes.append(f"an answer reached the {budget}-token cap and was cut")
                    return None, _raw_output(exc.last_completion)
    except InstructorRetryException as exc:
        cause = exc.__cause__
        if cause is not None and not isinstance(cause, (ValidationError, json.JSONDecodeError)) and _is_api_error(cause):
            raise failure(cause) from None
        return None, _raw_output(exc.last_completion)
    except instructor.core.exceptions.InstructorError as exc:  # pragma: no cover - defensive
        raise ExtractionError(f"{backend.label}: {exc}") from None
    except Exception as exc:
        if _is_api_error(exc):
            raise failure(exc) from None
        raise
    finally:
        stats.model_s += time.perf_counter() - started
        stats.reasks += max(0, stats.calls - calls_before - 1)
    return None, None  # pragma: no cover - Retrying either returns or raises


def _is_api_error(exc: BaseException) -> bool:
    import openai

    return isinstance(exc, openai.OpenAIError)


def _raw_output(completion: Any) -> str | None:
    """The text or tool-call arguments of a completion that failed validation."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(message, "tool_calls", None) or []
    if calls:
        return calls[0].function.arguments
    return getattr(message, "content", None)


def _whole_despite_cap(completion: Any, response_model: type[T], article: str) -> T | None:
    """An answer that hit the token cap after its JSON was already complete, else None.

    llama.cpp's JSON-schema grammars allow white space after the closing brace, and a small
    model may spend the rest of ``max_tokens`` there (llama-server, SmolLM2: ``{"sentence": "2"}``
    then newlines until the cap). Nothing of the answer was cut, so it is validated as usual.
    """
    raw = _raw_output(completion)
    if not raw or not raw.rstrip().endswith("}"):
        return None
    data = _parse_lenient(raw)
    if not data:
        return None
    try:
        return response_model.model_validate(data, context={"article": article})
    except ValidationError:
        return None


def _parse_lenient(raw: str | None) -> dict[str, Any]:
    """Parse what a model gave even with raw control characters in strings (grammars let them in)."""
    if not raw:
        return {}
    try:
        data = json.loads(raw, strict=False)
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def check_fits(backend: Backend, messages: list[dict[str, str]], reply_tokens: int, article: Article) -> None:
    """Refuse an article the model cannot read whole: never truncate it silently."""
    if backend.context_tokens is None:
        return
    prompt_tokens = sum(backend.count_tokens(m["content"]) for m in messages) + 600  # schema and template overhead
    needed = prompt_tokens + reply_tokens
    if needed > backend.context_tokens:
        raise ArticleError(
            f"{article.source} is too long for {backend.label}: it needs about {needed:,} tokens with the prompt "
            f"and answer, the model reads {backend.context_tokens:,}; use a model with a larger context "
            "or a grounded prompt (briefing@v2)"
        )


# ---------------------------------------------------------------------------------------------
# Strategies: what a prompt version asks of the model
# ---------------------------------------------------------------------------------------------


@dataclass
class Job:
    """Everything a strategy needs for one article."""

    article: Article
    prompt: Prompt
    backend: Backend | None
    settings: Settings
    stats: CallStats = field(default_factory=CallStats)
    article_date: dt.date | None = None  # what every weekday and "yesterday" is read against


def _single(job: Job) -> BriefingDraft:
    """One call fills the whole draft; after the re-asks, keep the items that pass the rules."""
    assert job.backend is not None
    messages = job.prompt.render(article=job.article.text)
    max_tokens = job.prompt.max_tokens or job.settings.max_tokens
    check_fits(job.backend, messages, max_tokens, job.article)
    draft, raw = ask(
        job.backend, messages, BriefingDraft, article=job.article.text, settings=job.settings,
        stats=job.stats, max_tokens=max_tokens,
    )
    if draft is not None:
        return _own_story(draft, job)
    data = _parse_lenient(raw)
    if not data:
        shown = (raw or "nothing").strip().replace("\n", " ")[:80]
        cut = next((n for n in job.stats.notes if "token cap" in n), None)
        raise ExtractionError(
            f"{job.backend.label} gave no valid JSON after {job.stats.attempts or 1} attempt(s) (it began: {shown!r}"
            f"{'; ' + cut if cut else ''}): " + ("raise SUMMARISE_MAX_TOKENS or try another model" if cut else "try another model or prompt"),
            attempts=job.stats.attempts,
            last_output=raw,
        )
    salvaged, drops = salvage_draft(data, job.article.text)
    job.stats.drops.extend(drops)
    return _own_story(salvaged, job)


def _own_story(draft: BriefingDraft, job: Job) -> BriefingDraft:
    """The model's headline and bottom line where they tell the article's own story, else the
    rules' (taken from the article itself), with the reason recorded: a model that obeyed
    instructions planted in the article must not put another story above the briefing."""
    text = job.article.text
    for field, fallback in (("headline", headline), ("bottom_line", bottom_line)):
        written = getattr(draft, field)
        if tells_the_story(written, text, field):
            continue
        shared, total = shared_with_lead(written, text)
        job.stats.drops.append(
            Drop(
                kind=field,
                reason=f"shares {shared} of its {total} content words with the article's lead: "
                f"not the article's story, the rules' {field.replace('_', ' ')} is shown",
                item=written,
            )
        )
        setattr(draft, field, fallback(text))
    return draft


def _grounded(job: Job) -> BriefingDraft:
    from summarise.decompose import grounded_draft

    return grounded_draft(job)


def _rules(job: Job) -> BriefingDraft:
    from summarise.rules import extract_rules

    return extract_rules(job.article.text, date=job.article_date)


STRATEGIES: dict[str, Callable[[Job], BriefingDraft]] = {"single": _single, "grounded": _grounded}


# ---------------------------------------------------------------------------------------------
# The entry point
# ---------------------------------------------------------------------------------------------

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
    from summarise.grounding import article_date, ground_briefing

    if date is not None:
        article = dataclasses.replace(article, published=publication_date(date))
    day = article.published or article_date(article.text)
    settings = settings or get_settings()
    spec = parse_spec(model or default_model(settings), settings.base_url)
    the_prompt = load_prompt(prompt or settings.prompt)
    created = dt.datetime.now(dt.timezone.utc)
    is_rules = spec.backend == RULES
    if is_rules:
        job = Job(article, the_prompt, None, settings, article_date=day)
        strategy, run = "rules", _rules
    else:
        run = STRATEGIES.get(the_prompt.strategy)
        if run is None:
            raise ConfigError(f"prompt {the_prompt.spec} names an unknown strategy {the_prompt.strategy!r}")
        job = Job(article, the_prompt, get_backend(spec, settings), settings, article_date=day)
        strategy = the_prompt.strategy
    started = time.perf_counter()  # after get_backend: loading a model once is not this briefing's time
    draft = run(job)
    model_done = time.perf_counter()
    briefing, drops = ground_briefing(draft, article.text, article_date=day)
    finished = time.perf_counter()
    notes = list(job.stats.notes)
    if spec.backend == "local" and spec.model == BUNDLED:
        notes.insert(0, TINY_MODEL_NOTE)
    language = detect_language(article.text)
    if language is not None and not language.supported:
        notes.insert(0, language.note())
        notify(f"{article.source}: {language.note()}")
    briefing.provenance = Provenance(
        prompt="rules" if is_rules else the_prompt.spec,
        prompt_hash="" if is_rules else the_prompt.hash,
        model=spec.label,
        backend=spec.backend,
        strategy=strategy,
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
        settings={} if is_rules else {**settings.fingerprint(), "base_url": spec.base_url},
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


__all__ = ["Job", "CallStats", "ask", "brief", "check_fits", "extract_briefing"]
