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


class RunFailed(SummariseError):
    """An eval run finished, and some of its articles got no briefing.

    Its exit code says how: when every article failed for one kind of reason, that reason's code
    (4 for a backend that refused them all), as a lone article's failure would; otherwise 1,
    "some articles failed". The run directory still holds every result and the reports.
    """

    def __init__(self, message: str, *, exit_code: int = 1, failed: int = 0, total: int = 0):
        super().__init__(message)
        self.exit_code = exit_code
        self.failed = failed
        self.total = total


class GateFailed(SummariseError):
    """An eval finished and its figures fell: under a ``--fail-under`` floor, or behind the run it
    was compared with (``--fail-on-regression``). Its own code, so CI can tell "extraction got
    worse" from "the run broke"; the lines before it name each field and article."""

    exit_code = 6


def exit_code_of(error_name: str) -> int:
    """The exit code of an error recorded by its class name (``BackendError``); 1 for any other."""
    kinds = (ConfigError, ArticleError, BackendError, ExtractionError)
    return next((kind.exit_code for kind in kinds if kind.__name__ == error_name), SummariseError.exit_code)
