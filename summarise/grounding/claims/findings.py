"""What a check of a model's own words finds: a claim, and where the article holds it.

A check records every number, date and name it reads, held or not: the unheld ones are the
claims a reader must not see (``unsupported_claims``), the held ones point at the article's
words that back a sentence (``support_spans``). One record serves both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ClaimKind = Literal["number", "date", "name"]


@dataclass(frozen=True)
class Claim:
    """A number, date or name in a model's own words that the article does not hold."""

    kind: ClaimKind
    text: str  # the words as written
    reason: str  # one line for a Drop or a re-ask


@dataclass(frozen=True)
class Finding:
    """A claim and where the article holds it (None: nowhere)."""

    kind: ClaimKind
    text: str
    reason: str
    support: tuple[int, int] | None
