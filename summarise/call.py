"""Talking to a model: one validated answer per question, and what the answers cost.

``ask`` is the one place a model is called: it renders nothing, guesses nothing, and owns the
two kinds of retry: tenacity for transport failures (time-outs, 429, 5xx, refused connections),
instructor's re-ask for answers that break a validator. The whole call, every try and every
wait, fits in one deadline (``Settings.call_deadline_s``), and a server's Retry-After is obeyed.

Every strategy that needs a model imports this module and nothing of the others, so the
strategies and the entry point (extract.py) never import each other. instructor, tenacity and
the HTTP client are imported on the first call: the command line and the rules start without them.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from summarise.articles import Article
from summarise.backends import MAX_RETRY_AFTER_S, Backend, describe_failure, is_transient, retry_after
from summarise.config import Settings
from summarise.errors import ArticleError, ExtractionError
from summarise.schemas import Drop

T = TypeVar("T", bound=BaseModel)


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
    article: str | None,
    settings: Settings,
    stats: CallStats,
    max_tokens: int | None = None,
    reasks: int | None = None,
) -> tuple[T | None, str | None]:
    """One validated answer, or (None, the last raw output) when the re-asks are spent.

    ``article=None`` validates the answer's structure only: the validators that check words
    against the article find none in the context and pass, for a strategy that checks item by
    item itself (the request sent is the same).
    """
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
            context={**values, **({"article": article} if article is not None else {})},
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


def _whole_despite_cap(completion: Any, response_model: type[T], article: str | None) -> T | None:
    """An answer that hit the token cap after its JSON was already complete, else None.

    llama.cpp's JSON-schema grammars allow white space after the closing brace, and a small
    model may spend the rest of ``max_tokens`` there (llama-server, SmolLM2: ``{"sentence": "2"}``
    then newlines until the cap). Nothing of the answer was cut, so it is validated as usual.
    """
    raw = _raw_output(completion)
    if not raw or not raw.rstrip().endswith("}"):
        return None
    data = parse_lenient(raw)
    if not data:
        return None
    try:
        return response_model.model_validate(data, context={"article": article} if article is not None else {})
    except ValidationError:
        return None


def parse_lenient(raw: str | None) -> dict[str, Any]:
    """Parse what a model gave even with raw control characters in strings (grammars let them in)."""
    if not raw:
        return {}
    try:
        data = json.loads(raw, strict=False)
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


#: What a request holds beyond its messages' text: the schema and the chat template.
OVERHEAD_TOKENS = 600


def room_for_article(backend: Backend, messages: list[dict[str, str]], reply_tokens: int) -> int | None:
    """How many tokens of article fit beside ``messages`` (rendered without it) and the answer;
    None when the backend's context is not known."""
    if backend.context_tokens is None:
        return None
    prompt_tokens = sum(backend.count_tokens(m["content"]) for m in messages) + OVERHEAD_TOKENS
    return backend.context_tokens - prompt_tokens - reply_tokens


def check_fits(backend: Backend, messages: list[dict[str, str]], reply_tokens: int, article: Article) -> None:
    """Refuse an article the model cannot read whole: never truncate it silently."""
    if backend.context_tokens is None:
        return
    prompt_tokens = sum(backend.count_tokens(m["content"]) for m in messages) + OVERHEAD_TOKENS
    needed = prompt_tokens + reply_tokens
    if needed > backend.context_tokens:
        raise ArticleError(
            f"{article.source} is too long for {backend.label}: it needs about {needed:,} tokens with the prompt "
            f"and answer, the model reads {backend.context_tokens:,}; use a model with a larger context "
            "or a grounded prompt (briefing@v2)"
        )


__all__ = ["OVERHEAD_TOKENS", "CallStats", "ask", "check_fits", "parse_lenient", "room_for_article"]
