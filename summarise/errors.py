"""User-facing errors.

Every failure a user can cause or meet (bad input, a backend that is down, a model that
cannot produce a valid briefing) is a ``SummariseError``; the CLI prints its message on one
line and exits non-zero. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class SummariseError(Exception):
    """Base of every error the CLI reports as one line."""

    exit_code = 1


class ConfigError(SummariseError):
    """A setting, model spec or prompt name that cannot work."""

    exit_code = 2


class ArticleError(SummariseError):
    """Input that is not a readable article."""

    exit_code = 3


class BackendError(SummariseError):
    """A model backend that failed: down, slow, rate-limited, or refusing the request."""

    exit_code = 4

    def __init__(self, message: str, *, backend: str = "", original: BaseException | None = None):
        super().__init__(message)
        self.backend = backend
        self.original = original


class ExtractionError(SummariseError):
    """The model answered, but no valid briefing could be made of it."""

    exit_code = 5

    def __init__(self, message: str, *, attempts: int = 0, last_output: str | None = None):
        super().__init__(message)
        self.attempts = attempts
        self.last_output = last_output
