"""Model backends: a spec (``backend/model``) becomes one instructor-wrapped client.

Every kind of backend enters through one door, ``register_kind``: the built-in ones below, and
third-party ones that a package declares in the ``summarise.backends`` entry-point group (as
simonw/llm's plugins and langextract's providers do). A kind states up front what it is (its
factory, instructor mode, default address, key variable, whether it runs in process, batches,
or answers one request at a time), so ``parse_spec`` and ``open_backend`` read the registry and
name no kind; adding one never edits them, ``extract`` or the CLI.

The built-in kinds are all reached the same way, through ``openai_compatible``: an
``openai.OpenAI`` client wrapped by instructor in the mode the backend can honour. The embedded
model is no exception: an HTTP transport hands the client's requests to llama-cpp-python in
process, so the same code path runs, and the same cassettes record, whatever the backend. So
does a pool of servers (``--base-url`` given several times): summarise/pool.py's transport under
the same client picks a server per request.

Specs are explicit, never guessed from a model name: ``local/smollm2-135m``,
``local/path/to/file.gguf``, ``openai/gpt-4o-mini``, ``ollama/qwen2.5:7b``, or any model name
with ``--base-url`` for an OpenAI-compatible server (vLLM, llama.cpp's server, LM Studio,
LiteLLM). ``rules`` is the no-model baseline and has no client.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import importlib.metadata
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from summarise.config import Settings
from summarise.engine import load_engine
from summarise.errors import BackendError, ConfigError

if TYPE_CHECKING:
    import instructor

RULES = "rules"

# instructor logs every failed attempt at ERROR; with no handler Python prints those to stderr,
# which would break "one line per error". Failures reach the user through our errors instead.
logging.getLogger("instructor").addHandler(logging.NullHandler())
DEFAULT_LOCAL = "local/smollm2-135m"

#: The entry-point group a package names its backend kinds in: each entry point is a ``BackendKind``.
ENTRY_POINT_GROUP = "summarise.backends"

#: The key variable that ``Settings.api_key`` is read from: the one key our own servers may get.
SERVER_KEY_ENV = "SUMMARISE_API_KEY"


@dataclass(frozen=True)
class ModelSpec:
    backend: str
    model: str
    base_url: str | None = None

    @property
    def label(self) -> str:
        return RULES if self.backend == RULES else f"{self.backend}/{self.model}"


#: Builds a ready backend for a spec of a kind: (kind, spec, settings, http_client or None).
#: ``openai_compatible`` serves any OpenAI-shaped server; a third-party kind may return a
#: ``Backend`` around any instructor client.
Factory = Callable[["BackendKind", ModelSpec, Settings, Any], "Backend"]


@dataclass(frozen=True)
class BackendKind:
    """What one kind of backend is: how to build it and what it can do, declared where it is defined."""

    name: str  #: the spec prefix: ``name/model``
    factory: Factory
    mode: str  #: an instructor.Mode member name (SUMMARISE_MODE overrides)
    help: str = ""
    #: A model name to show in "write backend/model, e.g. ..." messages.
    example: str | None = None
    #: Where it is served unless --base-url says otherwise (None: the client's own default).
    base_url: str | None = None
    #: --base-url may point it elsewhere.
    takes_base_url: bool = True
    #: With --base-url a spec of this kind becomes one of that kind (openai/ becomes server/,
    #: which never receives OPENAI_API_KEY).
    base_url_kind: str | None = None
    #: The model runs inside this process: no server, no address.
    in_process: bool = False
    #: Decodes concurrent requests together, so --concurrency above 1 pays.
    batches: bool = False
    #: Answers one request at a time from one prompt cache: concurrent articles only interleave.
    one_at_a_time: bool = False
    #: The environment variable whose key it may receive, and whether it cannot work without it.
    key_env: str | None = None
    key_required: bool = False
    context_tokens: int | None = None
    #: A user may name it in a spec; False for a kind reached only through another's base_url_kind.
    pickable: bool = True

    def capabilities(self) -> list[str]:
        """What it can do, in words, for ``summarise models``."""
        said = [f"instructor mode {self.mode}"]
        if self.in_process:
            said.append("in process")
        elif self.base_url:
            said.append(f"at {self.base_url} (or --base-url)")
        if self.key_env:
            said.append(f"needs {self.key_env}" if self.key_required else f"sends {self.key_env} when set")
        if self.base_url_kind:
            said.append(f"--base-url: any compatible server, never sent {self.key_env or 'a key'}")
        if self.batches:
            said.append("batches requests (-j N pays)")
        if self.one_at_a_time:
            said.append("one request at a time (keep -j 1)")
        return said


_KINDS: dict[str, BackendKind] = {}
_KINDS_LOCK = threading.RLock()
_plugins_loaded = False

#: The registered kinds by name, read-only and live. Prefer ``backend_kind``/``backend_kinds``,
#: which also load the entry-point plugins first.
KINDS: MappingProxyType[str, BackendKind] = MappingProxyType(_KINDS)


def register_kind(kind: BackendKind) -> BackendKind:
    """Add a kind of backend: the one door for the built-in kinds and for entry-point plugins.

    Registering the same object again is harmless (plugins are read again after a failure); a
    different kind under a taken name is refused, so a plugin cannot silently replace a kind
    whose key handling the user relies on."""
    if not kind.name or "/" in kind.name or kind.name != kind.name.strip() or kind.name == RULES:
        raise ConfigError(f"a backend kind needs a plain name (no '/', not {RULES!r}), not {kind.name!r}")
    with _KINDS_LOCK:
        taken = _KINDS.get(kind.name)
        if taken is not None and taken is not kind:
            raise ConfigError(f"backend kind {kind.name!r} is registered twice: uninstall one of the plugins that define it")
        _KINDS[kind.name] = kind
    return kind


def unregister_kind(name: str) -> None:
    """Remove a kind (a test's fake, a plugin host's clean-up); an unknown name is no error."""
    with _KINDS_LOCK:
        _KINDS.pop(name, None)


def load_backend_plugins() -> list[str]:
    """Register every kind named in the ``summarise.backends`` entry-point group; their names.

    Read once per process on the first look-up; call it again after installing a package. A
    plugin that fails to load is an error that names it, not a kind that silently goes missing."""
    global _plugins_loaded
    names = []
    with _KINDS_LOCK:
        for entry in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            where = f"backend plugin {entry.name!r} ({entry.value})"
            try:
                kind = entry.load()
            except Exception as exc:  # a third party's import can fail in any way
                raise ConfigError(f"{where} failed to load: {type(exc).__name__}: {exc}") from None
            if not isinstance(kind, BackendKind):
                raise ConfigError(f"{where} is a {type(kind).__name__}, not a summarise.backends.BackendKind")
            names.append(register_kind(kind).name)
        _plugins_loaded = True
    return names


def _registry() -> dict[str, BackendKind]:
    if not _plugins_loaded:
        load_backend_plugins()
    return _KINDS


def backend_kinds(*, pickable: bool = False) -> list[BackendKind]:
    """The registered kinds in the order they were registered (built-ins first); with
    ``pickable``, only those a user may name in a spec."""
    return [k for k in _registry().values() if k.pickable or not pickable]


def backend_kind(name: str) -> BackendKind:
    """The kind a ModelSpec's ``backend`` names."""
    kind = _registry().get(name)
    if kind is None:
        raise ConfigError(f"unknown backend {name!r}: use one of {_choices()}")
    return kind


def _choices() -> str:
    return ", ".join(k.name for k in backend_kinds(pickable=True)) + f", or {RULES}"


def parse_spec(spec: str, base_url: str | None = None) -> ModelSpec:
    """Read a model spec. A base URL moves a named server (ollama/, llamacpp/) elsewhere; a kind
    that declares ``base_url_kind`` (openai/) names some other OpenAI-compatible server instead,
    which never receives that kind's key."""
    spec = spec.strip()
    if spec == RULES:
        if base_url:
            raise ConfigError("the rules baseline uses no model server: drop --base-url")
        return ModelSpec(RULES, RULES)
    prefix, sep, model = spec.partition("/")
    if not sep or not model:
        examples = ", ".join(f"{k.name}/{k.example}" for k in backend_kinds(pickable=True) if k.example)
        raise ConfigError(f"model {spec!r} needs a backend: write backend/model, e.g. {examples}, or {RULES}")
    kind = _registry().get(prefix)
    if kind is None or not kind.pickable:
        raise ConfigError(f"unknown backend {prefix!r}: use one of {_choices()}")
    if not base_url:
        return ModelSpec(kind.name, model, kind.base_url)
    if not kind.takes_base_url:
        raise ConfigError(_no_base_url(kind))
    return ModelSpec(kind.base_url_kind or kind.name, model, pool_url(base_url))


def base_urls(value: str | None) -> list[str]:
    """The servers a ``--base-url`` value names: one URL, or a pool as a comma list, each without
    its trailing slash, sorted and without repeats, so a pool is the same whatever its order."""
    if not value:
        return []
    return sorted({url.strip().rstrip("/") for url in value.split(",") if url.strip()})


def pool_url(value: str) -> str:
    """A ``--base-url`` value as a spec holds it: one URL as given (less a trailing slash), a pool
    as its sorted comma list, which names it in provenance, cache keys and errors."""
    urls = base_urls(value)
    if not urls:
        raise ConfigError(f"--base-url {value!r} names no server")
    return ",".join(urls)


def _no_base_url(kind: BackendKind) -> str:
    door = next((k.name for k in backend_kinds(pickable=True) if k.base_url_kind), None)
    served = f", or name the served model {door}/<name>" if door else ""
    if kind.in_process:
        return f"a {kind.name}/ model runs in process: drop --base-url{served}"
    return f"{kind.name}/ takes no --base-url: drop it{served}"


@dataclass
class Backend:
    """A ready client and what the extraction needs to know about the backend behind it."""

    spec: ModelSpec
    kind: BackendKind
    client: instructor.Instructor
    context_tokens: int | None
    engine: Any = None  # the in-process engine for local/, else None
    pool: Any = None  # the pool's transport (summarise/pool.py) when --base-url names several servers

    @property
    def label(self) -> str:
        return self.spec.label

    def answered_by(self) -> list[str]:
        """The servers of a pool that answered this thread's requests since it last asked, so a
        briefing can say which one made it; always empty for a single server."""
        return self.pool.answered_by() if self.pool is not None else []

    def count_tokens(self, text: str) -> int:
        """Exact with the in-process model's tokenizer; an estimate (4 characters a token) otherwise."""
        if self.engine is not None:
            return self.engine.count_tokens(text)
        return max(1, len(text) // 4)


def open_backend(spec: ModelSpec, settings: Settings, *, http_client: Any = None) -> Backend:
    """Build the ready client for a spec, by its kind's factory."""
    if spec.backend == RULES:
        raise ConfigError("the rules baseline has no client")
    kind = backend_kind(spec.backend)
    return kind.factory(kind, spec, settings, http_client)


def _api_key(kind: BackendKind, settings: Settings) -> str:
    """The key the kind declares (``key_env``), and only that one: our OpenAI key goes to OpenAI
    only; a server of ours gets SUMMARISE_API_KEY when set; the rest a placeholder."""
    if kind.key_env is None:
        return "not-needed"
    if kind.key_env == SERVER_KEY_ENV:
        key = settings.api_key.get_secret_value() if settings.api_key is not None else None
    else:
        key = os.environ.get(kind.key_env)
    if key:
        return key
    if kind.key_required:
        elsewhere = " (or use --base-url for a compatible server)" if kind.base_url_kind else ""
        raise ConfigError(f"{kind.name}/ models need {kind.key_env} set{elsewhere}")
    return "not-needed"


def openai_compatible(
    kind: BackendKind,
    spec: ModelSpec,
    settings: Settings,
    http_client: Any = None,
    *,
    base_url: str | None = None,
    engine: Any = None,
    context_tokens: int | None = None,
) -> Backend:
    """The factory of every OpenAI-shaped server: an ``openai.OpenAI`` client wrapped by
    instructor in the kind's mode. Imports openai and instructor only now."""
    try:
        import instructor
        import openai
    except ImportError as exc:  # pragma: no cover - both are dependencies
        raise ConfigError(f"missing dependency: {exc.name}") from None
    address = spec.base_url if base_url is None else base_url
    urls, pool = base_urls(address), None
    if len(urls) > 1:
        # several servers: the client speaks to the first, the pool's transport picks one per request
        if http_client is not None:
            raise ConfigError("a pool of --base-url servers brings its own HTTP client: give one URL with a custom client")
        pool = _pool_transport(urls, settings)
        address, http_client = urls[0], _pool_client(pool, settings)
    client = openai.OpenAI(
        base_url=address,
        api_key=_api_key(kind, settings),
        timeout=settings.timeout_s,
        max_retries=0,  # transport retries are ours (tenacity), so that they are bounded and reported
        http_client=http_client,
    )
    try:
        mode = instructor.Mode[(settings.mode or kind.mode).upper()]
    except KeyError:
        raise ConfigError(f"unknown instructor mode {settings.mode!r}") from None
    context = context_tokens if context_tokens is not None else settings.context_tokens or kind.context_tokens
    return Backend(
        spec=spec, kind=kind, client=instructor.from_openai(client, mode=mode), context_tokens=context, engine=engine, pool=pool
    )


def _pool_transport(urls: list[str], settings: Settings) -> Any:
    """The transport that spreads requests over ``urls`` (summarise/pool.py); the client is told the first."""
    from summarise.pool import PoolTransport

    return PoolTransport(urls, client_url=urls[0], per_endpoint=settings.endpoint_concurrency, retry_after=retry_after_seconds)


def _pool_client(transport: Any, settings: Settings) -> Any:
    """An HTTP client that sends every request through the pool's transport."""
    import httpx2

    return httpx2.Client(transport=transport, timeout=settings.timeout_s, follow_redirects=True)


#: The address the in-process model's transport answers at; nothing is ever sent over a network.
IN_PROCESS_URL = "http://local.invalid/v1"


def in_process(kind: BackendKind, spec: ModelSpec, settings: Settings, http_client: Any = None) -> Backend:
    """The embedded model behind the OpenAI client: its transport replaces any HTTP client given,
    and its context is the one it was loaded with."""
    engine = load_engine(spec.model, settings)
    return openai_compatible(
        kind, spec, settings, engine.http_client(), base_url=IN_PROCESS_URL, engine=engine, context_tokens=settings.n_ctx
    )


for _kind in (
    BackendKind(
        "local", in_process, mode="TOOLS", example="smollm2-135m", takes_base_url=False, in_process=True,
        one_at_a_time=True, help="llama-cpp-python in process; local/<name or .gguf path>",
    ),
    BackendKind(
        "openai", openai_compatible, mode="TOOLS", example="gpt-4o-mini", base_url_kind="server", batches=True,
        key_env="OPENAI_API_KEY", key_required=True, context_tokens=128_000,
        help="OpenAI's API (OPENAI_API_KEY); with --base-url, any OpenAI-compatible server",
    ),
    # Ollama (0.5+) enforces JSON schemas, and serves parallel requests (OLLAMA_NUM_PARALLEL).
    BackendKind(
        "ollama", openai_compatible, mode="JSON_SCHEMA", example="qwen2.5:7b", base_url="http://127.0.0.1:11434/v1",
        batches=True, help="a local Ollama (0.5+), which enforces JSON schemas",
    ),
    # llama.cpp's own llama-server ignores a forced tool_choice (it takes only "auto", "none"
    # or "required") and answers in prose, but turns a response_format JSON schema into a grammar.
    BackendKind(
        "llamacpp", openai_compatible, mode="JSON_SCHEMA", base_url="http://127.0.0.1:8080/v1", batches=True,
        key_env=SERVER_KEY_ENV, help="llama.cpp's llama-server (--parallel N batches requests)",
    ),
    # An OpenAI-compatible server of unknown ability, reached as openai/<name> --base-url URL:
    # forced tool calls are what llama-cpp-python's server turns into a grammar, and vLLM and
    # LM Studio honour them too.
    BackendKind(
        "server", openai_compatible, mode="TOOLS", key_env=SERVER_KEY_ENV, pickable=False,
        help="any server given by --base-url",
    ),
):
    register_kind(_kind)


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
    return retry_after_seconds(headers)


def retry_after_seconds(headers: Any) -> float | None:
    """``retry_after`` read from a response's headers (any mapping with ``get``)."""
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

    pool = base_urls(spec.base_url)
    where = f"any of {', '.join(pool)}" if len(pool) > 1 else spec.base_url or spec.label
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
