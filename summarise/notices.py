"""Warnings a reader must see as they happen, on stderr, beside the briefing's provenance notes.

A briefing carries its notes in the provenance (and the text view shows them first), but one
written as JSON, or one of a batch, is read by a program: what a person must know about it (an
article in a language the toolkit cannot read) is also said on stderr, one line each. It goes
through the ``summarise`` logger, so a program using the library can silence or redirect it.
"""

from __future__ import annotations

import logging
import sys

_LOG = logging.getLogger("summarise.notices")


class _Stderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when a notice is given (a test or a CLI runner may
    have replaced it since the handler was made)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


if not _LOG.handlers:
    _handler = _Stderr()
    _handler.setFormatter(logging.Formatter("warning: %(message)s"))
    _LOG.addHandler(_handler)
    _LOG.setLevel(logging.INFO)
    _LOG.propagate = False


def notify(message: str) -> None:
    """Say one line on stderr (``warning: <message>``)."""
    _LOG.warning(" ".join(message.split()))
