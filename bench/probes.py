"""Wrappers that watch the toolkit work: what it asks of llama.cpp, what llama.cpp evaluates, when briefings end.

They patch one ``Llama`` instance (or the class, for ``eval``) and put it back on ``restore``, so a
measurement sees the toolkit's own requests without changing them.
"""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Callable
from typing import Any

from bench.environment import MODEL


class Recorder:
    """Wraps one ``Llama``'s create_chat_completion: keeps each request and reply, can reset first.

    The toolkit's client reaches the model through ``LlamaEngine.chat``, which calls
    ``engine.llama.create_chat_completion(**kwargs)``: the kwargs kept here are exactly what the
    toolkit sent, after instructor and the OpenAI client, ready to replay bare.
    """

    def __init__(self, llama: Any) -> None:
        self.llama = llama
        self.bare = llama.create_chat_completion
        self.requests: list[dict[str, Any]] = []
        self.replies: list[dict[str, Any]] = []
        self.inner_s: list[float] = []
        self.reset_first = False
        self.before: Callable[[], None] = lambda: None
        llama.create_chat_completion = self._call

    def _call(self, **kwargs: Any) -> Any:
        self.requests.append(copy.deepcopy(kwargs))
        if self.reset_first:
            self.llama.reset()
        self.before()
        started = time.perf_counter()
        reply = self.bare(**kwargs)
        self.inner_s.append(time.perf_counter() - started)
        self.replies.append(reply)
        return reply

    def clear(self) -> None:
        self.requests.clear()
        self.replies.clear()
        self.inner_s.clear()

    def restore(self) -> None:
        self.llama.create_chat_completion = self.bare


class EvalCounter:
    """Counts the tokens ``Llama.eval`` actually evaluates: the prompt part and the generated part.

    In ``Llama.generate`` the first ``eval`` of a completion is the prompt minus the prefix reused
    from the previous call; every later one is a single sampled token.
    """

    def __init__(self) -> None:
        from llama_cpp import Llama

        self.cls = Llama
        self.original = Llama.eval
        self.prompt = 0
        self.generated = 0
        self.first = True
        counter = self

        def counting_eval(llama: Any, tokens: Any) -> None:
            if counter.first:
                counter.prompt += len(tokens)
                counter.first = False
            else:
                counter.generated += len(tokens)
            return counter.original(llama, tokens)

        Llama.eval = counting_eval  # type: ignore[method-assign]

    def new_completion(self) -> None:
        self.first = True

    def take(self) -> tuple[int, int]:
        out = (self.prompt, self.generated)
        self.prompt = self.generated = 0
        return out

    def restore(self) -> None:
        self.cls.eval = self.original  # type: ignore[method-assign]


class TimedExtract:
    """An extract_fn for run_eval that notes when each model briefing started and ended."""

    def __init__(self) -> None:
        from summarise.extract import extract_briefing

        self.fn = extract_briefing
        self.spans: list[tuple[float, float]] = []
        self.provenances: list[Any] = []
        self._lock = threading.Lock()

    def __call__(self, article: Any, *, model: str, prompt: str, settings: Any) -> Any:
        started = time.perf_counter()
        try:
            briefing = self.fn(article, model=model, prompt=prompt, settings=settings)
        finally:
            if model != "rules":
                with self._lock:
                    self.spans.append((started, time.perf_counter()))
        if model != "rules":
            with self._lock:
                self.provenances.append(briefing.provenance)
        return briefing


def local_backend(settings: Any) -> Any:
    """The toolkit's own backend for the bundled model (loaded once per process, as in a batch)."""
    from summarise.backends import parse_spec
    from summarise.extract import get_backend

    return get_backend(parse_spec(MODEL), settings)


def completion_tokens(replies: list[dict[str, Any]]) -> int:
    """Tokens generated over some chat completions, from their usage."""
    return sum(int(r.get("usage", {}).get("completion_tokens", 0)) for r in replies)
