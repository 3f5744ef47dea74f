"""The embedded model: llama-cpp-python in process, behind the OpenAI client.

An HTTP transport answers the OpenAI client's requests by calling the model directly, so the
in-process model takes the same code path as every server (instructor, retries, hooks, cassettes)
and nothing in ``extract`` knows it is local. One ``Llama`` serves the process, behind a lock
(it is not thread-safe), and keeps its state between calls: llama.cpp then re-evaluates only
what differs from the previous prompt, so the shared prefix of our prompts is computed once.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from summarise.config import Settings
from summarise.errors import ConfigError
from summarise.models import locate_model

# What the OpenAI chat API sends that llama-cpp-python's create_chat_completion understands.
_PASSED = ("messages", "tools", "tool_choice", "temperature", "top_p", "max_tokens", "seed", "stop", "response_format")


def default_threads() -> int:
    """The cores this process may really use, which is what llama.cpp should be given.

    ``os.cpu_count()`` counts the host's cores, not the process's share: in a container limited
    to 2 CPUs on a 64-core host it says 64, and llama.cpp's threads, which spin while they wait
    for each other, then run many times slower (bench/threads.py: one busy process beside 2
    threads on 2 cores cut generation from 78 to 25 tokens/s). loky reads the CPU affinity and
    the cgroup quota. ``SUMMARISE_N_THREADS`` overrides it, e.g. to leave a core free.
    """
    from loky import cpu_count

    return max(1, cpu_count())


class LlamaEngine:
    """A loaded GGUF model and the OpenAI-shaped door to it."""

    def __init__(self, path: Path, settings: Settings):
        try:
            from llama_cpp import Llama
        except ImportError:
            raise ConfigError("the embedded model needs llama-cpp-python: pip install 'summarise[local]'") from None
        threads = settings.n_threads or default_threads()
        self.path = path
        self.llama = Llama(
            model_path=str(path),
            n_ctx=settings.n_ctx,
            n_threads=threads,
            n_threads_batch=threads,
            seed=settings.seed,
            verbose=False,
        )
        self._lock = threading.Lock()

    def count_tokens(self, text: str) -> int:
        return len(self.llama.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def chat(self, body: dict[str, Any]) -> dict[str, Any]:
        """One chat completion, in the OpenAI response shape."""
        kwargs = {k: body[k] for k in _PASSED if k in body and body[k] is not None}
        fmt = kwargs.get("response_format")
        if isinstance(fmt, dict) and fmt.get("type") == "json_schema":
            # llama-cpp-python builds a grammar only for json_object + schema; json_schema would be
            # accepted and silently unconstrained.
            kwargs["response_format"] = {"type": "json_object", "schema": fmt["json_schema"]["schema"]}
        with self._lock:
            result = self.llama.create_chat_completion(**kwargs)
        result.setdefault("system_fingerprint", f"llama.cpp:{self.path.name}")
        return result

    def http_client(self) -> Any:
        """An HTTP client whose transport is this model: hand it to ``openai.OpenAI(http_client=...)``."""
        import httpx2

        def handle(request: httpx2.Request) -> httpx2.Response:
            if not request.url.path.endswith("/chat/completions"):
                return httpx2.Response(404, json={"error": {"message": f"not served in process: {request.url.path}"}})
            body = json.loads(request.content or b"{}")
            try:
                return httpx2.Response(200, json=self.chat(body))
            except ValueError as exc:  # llama.cpp's way of saying the prompt does not fit
                return httpx2.Response(400, json={"error": {"message": str(exc), "type": "invalid_request_error"}})

        return httpx2.Client(transport=httpx2.MockTransport(handle))


_ENGINES: dict[tuple[str, int], LlamaEngine] = {}
_ENGINES_LOCK = threading.Lock()


def load_engine(model: str, settings: Settings) -> LlamaEngine:
    """One loaded model per file and context size per process: loading costs seconds, reuse keeps its prompt cache."""
    path, _known = locate_model(model, settings)
    key = (str(path), settings.n_ctx)
    with _ENGINES_LOCK:
        if key not in _ENGINES:
            _ENGINES[key] = LlamaEngine(path, settings)
        return _ENGINES[key]
