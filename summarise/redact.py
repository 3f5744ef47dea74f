"""Keys out of every error text that leaves the program.

A server may echo what it was sent: an HTTP 400 whose body repeats the Authorization header puts
our key into the exception, and from there into the terminal, ``results.jsonl``, ``summary.json``
and both reports. Error text is therefore passed through ``redact`` wherever it is written or
printed (the CLI's one-line error, each result line, every report), not where it is raised: a new
error path cannot forget it, because the exits are few and the raisers many.

Two nets, because neither alone is enough. The configured keys are removed by value, whatever
their shape (a self-hosted server's key need not look like one), and so is any stretch of eight
or more of a key's first characters, which is what an error message cut at a length limit leaves.
Anything shaped like a credential is removed by pattern (``Bearer ...``, ``sk-...``,
``api_key=...``), because a server may echo a key we were never told about, or the user's own
variable under another name.

The configured keys are read from the environment at the moment of redaction, not from
``Settings``: they are the variables the registered backend kinds hand to servers (a plugin's
kind included), and a key given in code instead reaches ``redact`` through ``secrets``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from summarise.backends import backend_kinds

#: What a removed secret reads as.
REDACTED = "[redacted]"

#: The environment variables whose values are keys sent to a backend, beside each registered
#: kind's own ``key_env``.
KEY_VARIABLES = ("OPENAI_API_KEY", "SUMMARISE_API_KEY")

#: A configured key shorter than this is too like ordinary words to be removed by value
#: (it would blank every "test" in an error); the patterns still catch credential-shaped text.
_MIN_SECRET = 6
#: A key cut short by a length limit still leaks this many of its first characters: removed too.
_MIN_PREFIX = 8

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # an echoed Authorization header, whatever its scheme
    (
        re.compile(r"""(\bauthorization["']?\s*[:=]\s*["']?)(?:(?:Bearer|Basic|Token)\s+)?[^\s"',;}\]]+""", re.IGNORECASE),
        rf"\1{REDACTED}",
    ),
    # a bearer token anywhere else (8 characters at least: "Bearer tokens" is prose)
    (re.compile(r"\b(Bearer)(\s+)[A-Za-z0-9._~+/=-]{8,}", re.IGNORECASE), rf"\1\2{REDACTED}"),
    # OpenAI-style keys: sk-..., sk-proj-...
    (re.compile(r"\bsk-[A-Za-z0-9_-]{6,}"), REDACTED),
    # key=value, "api_key": "value", x-api-key: value, access_token=value, password: value
    (
        re.compile(
            r"""(\b(?:[A-Za-z_-]*api[_-]?key|access[_-]?token|auth[_-]?token|secret|password|token)["']?\s*[:=]\s*["']?)"""
            r"""[^\s"',;}\]]{4,}""",
            re.IGNORECASE,
        ),
        rf"\1{REDACTED}",
    ),
)


def configured_secrets() -> list[str]:
    """The keys this process may send to a backend, as the environment holds them now."""
    names = dict.fromkeys([*KEY_VARIABLES, *(k.key_env for k in backend_kinds() if k.key_env)])
    return [value for name in names if (value := os.environ.get(name))]


def _remove_secret(text: str, secret: str) -> str:
    """Every occurrence of ``secret``, and of a run of its first ``_MIN_PREFIX`` or more characters."""
    if len(secret) < _MIN_SECRET:
        return text
    if len(secret) < _MIN_PREFIX:
        return text.replace(secret, REDACTED)
    head = secret[:_MIN_PREFIX]
    out: list[str] = []
    i = 0
    while (start := text.find(head, i)) != -1:
        end = start + _MIN_PREFIX
        while end < len(text) and end - start < len(secret) and text[end] == secret[end - start]:
            end += 1
        out.append(text[i:start])
        out.append(REDACTED)
        i = end
    out.append(text[i:])
    return "".join(out)


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` with the configured keys, the given ``secrets`` and credential-shaped words replaced
    by ``[redacted]``; everything else is left as it was."""
    if not text:
        return text
    for pattern, replacement in _PATTERNS:  # first: a header's whole value goes, not what is left of it
        text = pattern.sub(replacement, text)
    known = {s for s in (*configured_secrets(), *secrets) if s}
    for secret in sorted(known, key=len, reverse=True):  # a longer key first: one may contain another
        text = _remove_secret(text, secret)
    return text
