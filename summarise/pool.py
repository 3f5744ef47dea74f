"""Several model servers behind one OpenAI client: an HTTP transport that picks one per request.

A batch against a few vLLM or llama-server replicas should need no proxy in front of them. So
the pool sits below the client, where the one code path (an ``openai.OpenAI`` client wrapped by
instructor) cannot tell it is there: the client speaks to the pool's first URL, and the
transport sends each request to an endpoint of its choosing, rewriting the URL only.

Each endpoint takes at most ``per_endpoint`` requests at a time; a request waits for a free slot
rather than pile onto a busy server. An endpoint that fails (refused, timed out, cut off, 429 or
5xx) is backed off, for as long as its Retry-After asks or else exponentially (capped), and the
request goes at once to another endpoint. Only when every endpoint has failed it, or all are
backed off, does the request fail, with the failure the client would have met from one server,
so call.py's retries and one-line errors work unchanged.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import httpx2

#: The first back-off of an endpoint that fails without saying how long to wait; it doubles with
#: each failure in a row, up to ``MAX_BACKOFF_S``.
FIRST_BACKOFF_S = 1.0
MAX_BACKOFF_S = 60.0

#: The failures that say an endpoint is unwell, not that the request was wrong.
_UNWELL = (httpx2.TimeoutException, httpx2.NetworkError, httpx2.RemoteProtocolError)

#: Headers that describe a body as it came over the wire; a refusal given back is rebuilt from
#: its decoded body, which they no longer describe.
_BODY_HEADERS = ("content-length", "content-encoding", "transfer-encoding")


def _unwell_status(status: int) -> bool:
    return status == 429 or status >= 500


@dataclass
class _Failure:
    """What an endpoint last answered or raised, to give back when every endpoint is backed off."""

    error: Exception | None = None
    status: int = 0
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""


@dataclass
class Endpoint:
    """One server of the pool and what the pool knows of it."""

    url: str
    transport: httpx2.BaseTransport
    in_flight: int = 0
    failures_in_a_row: int = 0
    down_until: float = 0.0
    last_taken: int = -1
    last_failure: _Failure | None = None


class _ReleasingStream(httpx2.SyncByteStream):
    """A response body that frees its endpoint's slot when closed: a request is in flight until
    its answer has been read, not merely until its headers came."""

    def __init__(self, stream: httpx2.SyncByteStream, done: Callable[[Exception | None], None]) -> None:
        self._stream = stream
        self._done = done
        self._freed = False

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._stream
        except _UNWELL as exc:  # cut off mid-answer: the endpoint is backed off too
            self._free(exc)
            raise

    def _free(self, error: Exception | None) -> None:
        if not self._freed:
            self._freed = True
            self._done(error)

    def close(self) -> None:
        try:
            self._stream.close()
        finally:
            self._free(None)


class PoolTransport(httpx2.BaseTransport):
    """Spreads requests over ``urls`` (least busy first, then least recently used), at most
    ``per_endpoint`` at a time on each, passing over endpoints that are backed off.

    ``client_url`` is the base URL the client was given: a request's URL under it is moved under
    the chosen endpoint's URL, so endpoints may differ in scheme, host, port and path.
    ``retry_after`` reads the seconds a refusal's headers ask for (backends.retry_after_seconds),
    so the pool and the caller's retries read a server alike."""

    def __init__(
        self,
        urls: Sequence[str],
        *,
        client_url: str,
        per_endpoint: int = 4,
        retry_after: Callable[[httpx2.Headers], float | None],
        transport: Callable[[], httpx2.BaseTransport] = httpx2.HTTPTransport,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not urls:
            raise ValueError("a pool needs at least one URL")
        if per_endpoint < 1:
            raise ValueError(f"per_endpoint must be at least 1, not {per_endpoint}")
        self.endpoints = [Endpoint(url.rstrip("/"), transport()) for url in urls]
        self.per_endpoint = per_endpoint
        self._client_url = client_url.rstrip("/")
        self._clock = clock
        self._retry_after = retry_after
        self._changed = threading.Condition()
        self._taken = 0
        self._answered_by = threading.local()

    # -- what the pool did ---------------------------------------------------------------------

    def answered_by(self) -> list[str]:
        """The endpoints that answered this thread's requests since it last asked, in order."""
        said = getattr(self._answered_by, "urls", [])
        self._answered_by.urls = []
        return said

    # -- one request ---------------------------------------------------------------------------

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        request.read()  # the body is sent again if the first endpoint fails
        started = self._clock()
        timeout = dict(request.extensions.get("timeout") or {})
        tried: set[str] = set()
        last: _Failure | None = None
        while True:
            remaining = self._time_left(timeout, started)
            endpoint = self._take(tried, remaining)
            if endpoint is None:
                if last is not None:
                    return self._give_back(last, request)
                return self._all_backed_off(request)
            tried.add(endpoint.url)
            sent = self._moved(request, endpoint, timeout, remaining)
            try:
                response = endpoint.transport.handle_request(sent)
            except _UNWELL as exc:
                last = _Failure(error=exc)
                self._finished(endpoint, last)
                if self._time_left(timeout, started) == 0.0:
                    raise  # no time for another endpoint: the call's deadline is the user's
                continue
            except BaseException:
                self._finished(endpoint, None)
                raise
            if _unwell_status(response.status_code):
                try:
                    body = response.read()
                except _UNWELL:
                    body = b""  # a refusal cut short is still a refusal
                finally:
                    response.close()
                kept = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in _BODY_HEADERS]
                last = _Failure(status=response.status_code, headers=kept, body=body)
                self._finished(endpoint, last)
                continue
            self._note_answer(endpoint)
            stream = response.stream
            assert isinstance(stream, httpx2.SyncByteStream)
            return httpx2.Response(
                response.status_code,
                headers=response.headers,
                stream=_ReleasingStream(stream, lambda error, e=endpoint: self._finished(e, _Failure(error=error) if error else None)),
                extensions=response.extensions,
                request=request,
            )

    def close(self) -> None:
        for endpoint in self.endpoints:
            endpoint.transport.close()

    # -- choosing and freeing endpoints --------------------------------------------------------

    def _take(self, tried: set[str], wait_s: float | None) -> Endpoint | None:
        """A slot on a well endpoint this request has not tried, waiting for one to come free;
        None when no such endpoint is left."""
        with self._changed:
            give_up = None if wait_s is None else self._clock() + wait_s
            while True:
                now = self._clock()
                candidates = [e for e in self.endpoints if e.url not in tried]
                well = [e for e in candidates if e.down_until <= now]
                if not well:
                    return None
                free = [e for e in well if e.in_flight < self.per_endpoint]
                if free:
                    chosen = min(free, key=lambda e: (e.in_flight, e.last_taken))
                    chosen.in_flight += 1
                    chosen.last_taken = self._taken
                    self._taken += 1
                    return chosen
                # every well endpoint is full: wait for a slot, or for a backed-off one to return
                returns = [e.down_until - now for e in candidates if e.down_until > now]
                pause = min(returns) if returns else None
                if give_up is not None:
                    left = give_up - now
                    if left <= 0:
                        raise httpx2.PoolTimeout(
                            f"every model server had {self.per_endpoint} requests in flight and none came free in time"
                        )
                    pause = left if pause is None else min(pause, left)
                self._changed.wait(pause)

    def _finished(self, endpoint: Endpoint, failure: _Failure | None) -> None:
        """Free the slot; a failure backs the endpoint off, an answer makes it well again."""
        with self._changed:
            endpoint.in_flight -= 1
            if failure is not None:
                endpoint.failures_in_a_row += 1
                endpoint.last_failure = failure
                endpoint.down_until = self._clock() + self._backoff(endpoint, failure)
            self._changed.notify_all()

    def _note_answer(self, endpoint: Endpoint) -> None:
        with self._changed:
            endpoint.failures_in_a_row = 0
            endpoint.down_until = 0.0
        urls = getattr(self._answered_by, "urls", None)
        if urls is None:
            urls = self._answered_by.urls = []
        urls.append(endpoint.url)

    def _backoff(self, endpoint: Endpoint, failure: _Failure) -> float:
        """As long as the server asked (Retry-After), else doubling from FIRST_BACKOFF_S, capped."""
        asked = self._retry_after(httpx2.Headers(failure.headers)) if failure.status else None
        if asked is not None:
            return asked
        return min(MAX_BACKOFF_S, FIRST_BACKOFF_S * 2 ** (endpoint.failures_in_a_row - 1))

    # -- requests and answers ------------------------------------------------------------------

    def _moved(self, request: httpx2.Request, endpoint: Endpoint, timeout: dict, remaining: float | None) -> httpx2.Request:
        """The request addressed to ``endpoint``, with no more time than the first try has left."""
        url = str(request.url)
        if url.startswith(self._client_url):
            target = httpx2.URL(endpoint.url + url[len(self._client_url):])
        else:  # not under the client's base URL: the same path on the endpoint's host
            base = httpx2.URL(endpoint.url)
            target = request.url.copy_with(scheme=base.scheme, host=base.host, port=base.port)
        extensions = dict(request.extensions)
        if remaining is not None:
            extensions["timeout"] = {k: (v if v is None else min(v, remaining)) for k, v in timeout.items()}
        headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() != "host"]
        return httpx2.Request(request.method, target, headers=headers, content=request.content, extensions=extensions)

    def _time_left(self, timeout: dict, started: float) -> float | None:
        """What is left of the request's read time-out since its first try (None: no limit)."""
        limit = timeout.get("read")
        if limit is None:
            return None
        return max(0.0, limit - (self._clock() - started))

    def _give_back(self, failure: _Failure, request: httpx2.Request) -> httpx2.Response:
        """The last endpoint's failure, as the client would have met it from that one server."""
        if failure.error is not None:
            raise failure.error
        return httpx2.Response(failure.status, headers=failure.headers, content=failure.body, request=request)

    def _all_backed_off(self, request: httpx2.Request) -> httpx2.Response:
        """Every endpoint was backed off before this request tried one: the failure of the one
        back soonest, its Retry-After the time until then, so the caller's retry waits for it."""
        with self._changed:
            soonest = min(self.endpoints, key=lambda e: e.down_until)
            wait_s = max(0.0, soonest.down_until - self._clock())
            failure = soonest.last_failure or _Failure(error=httpx2.ConnectError("no model server answered"))
        if failure.error is not None:
            raise type(failure.error)(
                f"every model server is backed off; {soonest.url} is tried again in {wait_s:.1f} s after: {failure.error}",
                request=request,
            ) from failure.error
        headers = [(k, v) for k, v in failure.headers if k.lower() not in ("retry-after", "retry-after-ms")]
        headers.append(("retry-after", str(math.ceil(wait_s))))
        return httpx2.Response(failure.status, headers=headers, content=failure.body, request=request)


__all__ = ["FIRST_BACKOFF_S", "MAX_BACKOFF_S", "Endpoint", "PoolTransport"]
