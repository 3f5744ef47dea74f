"""Model backends: a spec (``backend/model``) becomes one instructor-wrapped OpenAI client.

Every backend is reached the same way: an ``openai.OpenAI`` client, wrapped by instructor, in
the mode the backend can honour. They differ by configuration only, in the ``KINDS`` table:
base URL, which key (if any) they may receive, instructor mode, context size. The embedded model
is no exception: an HTTP transport hands the client's requests to llama-cpp-python in process,
so the same code path runs, and the same cassettes record, whatever the backend.

Specs are explicit, never guessed from a model name: ``local/smollm2-135m``,
``local/path/to/file.gguf``, ``openai/gpt-4o-mini``, ``ollama/qwen2.5:7b``, or any model name
with ``--base-url`` for an OpenAI-compatible server (vLLM, llama.cpp's server, LM Studio,
LiteLLM). ``rules`` is the no-model baseline and has no client.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import os
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from summarise.config import Settings
from summarise.errors import BackendError, ConfigError

if TYPE_CHECKING:
    import instructor

RULES = "rules"

# instructor logs every failed attempt at ERROR; with no handler Python prints those to stderr,
# which would break "one line per error". Failures reach the user through our errors instead.
logging.getLogger("instructor").addHandler(logging.NullHandler())
DEFAULT_LOCAL = "local/smollm2-135m"


@dataclass(frozen=True)
class BackendKind:
    """What one kind of backend is: how to reach it and what it can do."""

    name: str
    mode: str  # an instructor.Mode member name
    base_url: str | None = None
    key_env: str | None = None  # the environment variable whose key it may receive
    context_tokens: int | None = None
    help: str = ""
    #: Answers one request at a time from one prompt cache: concurrent articles only interleave.
    one_at_a_time: bool = False


KINDS: dict[str, BackendKind] = {
    k.name: k
    for k in (
        BackendKind("local", mode="TOOLS", help="llama-cpp-python in process; local/<name or .gguf path>", one_at_a_time=True),
        BackendKind(
            "openai", mode="TOOLS", key_env="OPENAI_API_KEY", context_tokens=128_000,
            help="OpenAI's API (OPENAI_API_KEY); with --base-url, any OpenAI-compatible server",
        ),
        BackendKind(
            "ollama", mode="JSON_SCHEMA", base_url="http://127.0.0.1:11434/v1",
            help="a local Ollama (0.5+), which enforces JSON schemas",
        ),
        # llama.cpp's own llama-server ignores a forced tool_choice (it takes only "auto", "none"
        # or "required") and answers in prose, but turns a response_format JSON schema into a grammar.
        BackendKind(
            "llamacpp", mode="JSON_SCHEMA", base_url="http://127.0.0.1:8080/v1", key_env="SUMMARISE_API_KEY",
            help="llama.cpp's llama-server (--parallel N batches requests)",
        ),
        # An OpenAI-compatible server of unknown ability: forced tool calls are what
        # llama-cpp-python's server turns into a grammar, and vLLM and LM Studio honour them too.
        BackendKind("server", mode="TOOLS", key_env="SUMMARISE_API_KEY", help="any server given by --base-url"),
    )
}


@dataclass(frozen=True)
class ModelSpec:
    backend: str
    model: str
    base_url: str | None = None

    @property
    def label(self) -> str:
        return RULES if self.backend == RULES else f"{self.backend}/{self.model}"


def parse_spec(spec: str, base_url: str | None = None) -> ModelSpec:
    """Read a model spec. A base URL moves a named server (ollama/, llamacpp/) elsewhere; with
    openai/ it names some other OpenAI-compatible server, which never receives OPENAI_API_KEY."""
    spec = spec.strip()
    if spec == RULES:
        if base_url:
            raise ConfigError("the rules baseline uses no model server: drop --base-url")
        return ModelSpec(RULES, RULES)
    prefix, sep, model = spec.partition("/")
    if not sep or not model:
        raise ConfigError(
            f"model {spec!r} needs a backend: write backend/model, e.g. local/smollm2-135m, "
            "openai/gpt-4o-mini, ollama/qwen2.5:7b, or rules"
        )
    if prefix not in KINDS or prefix == "server":
        raise ConfigError(f"unknown backend {prefix!r}: use one of local, openai, ollama, llamacpp, or rules")
    if base_url:
        if prefix == "local":
            raise ConfigError("a local/ model runs in process: drop --base-url, or name the served model openai/<name>")
        return ModelSpec("server" if prefix == "openai" else prefix, model, base_url.rstrip("/"))
    return ModelSpec(prefix, model, KINDS[prefix].base_url)


@dataclass
class Backend:
    """A ready client and what the extraction needs to know about the backend behind it."""

    spec: ModelSpec
    kind: BackendKind
    client: instructor.Instructor
    context_tokens: int | None
    engine: Any = None  # the in-process engine for local/, else None

    @property
    def label(self) -> str:
        return self.spec.label

    def count_tokens(self, text: str) -> int:
        """Exact with the in-process model's tokenizer; an estimate (4 characters a token) otherwise."""
        if self.engine is not None:
            return self.engine.count_tokens(text)
        return max(1, len(text) // 4)


def _api_key(kind: BackendKind, settings: Settings) -> str:
    """The key the kind's table entry names (``key_env``), and only that one: our OpenAI key goes
    to OpenAI only; a server of ours gets SUMMARISE_API_KEY when set; the rest a placeholder."""
    if kind.key_env == "OPENAI_API_KEY":
        key = os.environ.get("OPENAI_API_KEY")
        if not key:
            raise ConfigError("openai/ models need OPENAI_API_KEY set (or use --base-url for a compatible server)")
        return key
    if kind.key_env == "SUMMARISE_API_KEY" and settings.api_key is not None:
        return settings.api_key.get_secret_value()
    return "not-needed"


_ENGINES: dict[tuple[str, int], Any] = {}
_ENGINES_LOCK = threading.Lock()


def _local_engine(model: str, settings: Settings) -> Any:
    """One loaded model per file and context size per process: loading costs seconds, reuse keeps its prompt cache."""
    from summarise.engine import LlamaEngine
    from summarise.models import locate_model

    path, _known = locate_model(model, settings)
    key = (str(path), settings.n_ctx)
    with _ENGINES_LOCK:
        if key not in _ENGINES:
            _ENGINES[key] = LlamaEngine(path, settings)
        return _ENGINES[key]


def open_backend(spec: ModelSpec, settings: Settings, *, http_client: Any = None) -> Backend:
    """Build the instructor-wrapped client for a spec; imports openai and instructor only now."""
    if spec.backend == RULES:
        raise ConfigError("the rules baseline has no client")
    try:
        import instructor
        import openai
    except ImportError as exc:  # pragma: no cover - both are dependencies
        raise ConfigError(f"missing dependency: {exc.name}") from None
    kind = KINDS[spec.backend]
    engine = None
    context = settings.context_tokens or kind.context_tokens
    if spec.backend == "local":
        engine = _local_engine(spec.model, settings)
        http_client = engine.http_client()
        base_url = "http://local.invalid/v1"
        context = settings.n_ctx
    else:
        base_url = spec.base_url
    client = openai.OpenAI(
        base_url=base_url,
        api_key=_api_key(kind, settings),
        timeout=settings.timeout_s,
        max_retries=0,  # transport retries are ours (tenacity), so that they are bounded and reported
        http_client=http_client,
    )
    try:
        mode = instructor.Mode[(settings.mode or kind.mode).upper()]
    except KeyError:
        raise ConfigError(f"unknown instructor mode {settings.mode!r}") from None
    return Backend(spec=spec, kind=kind, client=instructor.from_openai(client, mode=mode), context_tokens=context, engine=engine)


#: The longest wait a server's Retry-After is granted: one that asks for more is reported at
#: once ("try again later"), not waited on while the user stares at a silent terminal.
MAX_RETRY_AFTER_S = 60.0


def retry_after(exc: BaseException) -> float | None:
    """The seconds a refusal (429, 503) asks us to wait, from its ``Retry-After`` header (seconds
    or an HTTP date) or ``retry-after-ms``; None when it says nothing readable."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    try:
        millis = headers.get("retry-after-ms")
        if millis is not None:
            return max(0.0, float(millis) / 1000)
        value = headers.get("retry-after")
        if value is None:
            return None
        value = value.strip()
        try:
            return max(0.0, float(value))
        except ValueError:
            when = email.utils.parsedate_to_datetime(value)
            if when.tzinfo is None:
                when = when.replace(tzinfo=dt.timezone.utc)
            return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())
    except (TypeError, ValueError, OverflowError):
        return None


def _broken_off(exc: BaseException) -> bool:
    """A connection that was made and then broke (reset, closed mid-answer), not one refused."""
    import httpx2

    cause = exc.__cause__ or exc.__context__
    return cause is not None and not isinstance(cause, httpx2.ConnectError) and isinstance(
        cause, (httpx2.RemoteProtocolError, httpx2.ReadError, httpx2.WriteError, httpx2.CloseError)
    )


def describe_failure(
    exc: BaseException, spec: ModelSpec, *, tries: int = 0, deadline_s: float | None = None
) -> BackendError:
    """One line naming the backend and what to try, for a transport failure of any kind.

    ``deadline_s`` is given when the whole call's deadline (SUMMARISE_DEADLINE_S) ended the
    retries; ``tries`` is how many requests were made. A call that ran out of time says so; one
    that ran out of tries says what the last one met.
    """
    import openai

    where = spec.base_url or spec.label
    asked = retry_after(exc)
    if deadline_s is not None and isinstance(exc, openai.APITimeoutError):
        msg = (
            f"{spec.label} gave no answer at {where} within the {deadline_s:g} s a call may take "
            f"({tries} tr{'y' if tries == 1 else 'ies'}): raise SUMMARISE_DEADLINE_S or SUMMARISE_TIMEOUT_S, or try a smaller model"
        )
    elif isinstance(exc, openai.APITimeoutError):
        msg = f"{spec.label} did not answer in time at {where}: raise SUMMARISE_TIMEOUT_S or try a smaller model"
    elif isinstance(exc, openai.APIConnectionError) and _broken_off(exc):
        msg = (
            f"{spec.label} at {where} broke the connection before its answer was complete: "
            "the server may have crashed or restarted; check its log and try again"
        )
    elif isinstance(exc, openai.APIConnectionError):
        msg = f"cannot reach {spec.label} at {where}: is the server running?"
    elif isinstance(exc, openai.RateLimitError) and asked is not None and asked > MAX_RETRY_AFTER_S:
        msg = (
            f"{spec.label} is rate-limiting us (HTTP 429) and asks us to wait {asked:.0f} s: "
            "try again later, or lower --concurrency"
        )
    elif isinstance(exc, openai.RateLimitError):
        msg = f"{spec.label} is rate-limiting us (HTTP 429): wait and try again, or lower --concurrency"
    elif isinstance(exc, openai.AuthenticationError):
        msg = f"{spec.label} refused the API key (HTTP 401): check the key for this backend"
    elif isinstance(exc, openai.NotFoundError):
        msg = f"{spec.label}: the server does not know model {spec.model!r} (HTTP 404): check the served name"
    elif isinstance(exc, openai.APIStatusError):
        detail = str(getattr(exc, "message", "") or exc).splitlines()[0][:160]
        msg = f"{spec.label} failed with HTTP {exc.status_code}: {detail}"
    else:
        msg = f"{spec.label} failed: {type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}"
    return BackendError(msg, backend=spec.label, original=exc)


def is_transient(exc: BaseException) -> bool:
    """Failures worth another try: time-outs, refused connections, 429 and 5xx."""
    import openai

    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError, openai.RateLimitError)):
        return True
    return isinstance(exc, openai.APIStatusError) and exc.status_code >= 500
