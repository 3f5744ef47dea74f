"""Names as they are compared: entities read, accents and curly marks dropped, raw offsets kept.

Wider than ``align.fold``, which keeps "the same words" strict for quotes: a name a model writes
without its accent ("Rzeszow") or a page writes as an entity ("Rzesz&oacute;w") is still the
same name. Every folded character keeps the raw span it came from, so a name found in the folded
text points at the article's own characters.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " "})
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+\d*);")
_SPECIAL = re.compile(rf"[^\x00-\x7f]+|{_ENTITY.pattern}")


@dataclass(frozen=True)
class Folded:
    """A folded text, with the raw span each of its characters came from (None: the same as
    the raw text, which folding one character for one leaves in place)."""

    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def raw(self, start: int, end: int) -> tuple[int, int]:
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def _fold_char(c: str) -> str:
    c = c.translate(_FOLD)
    if c.isascii():
        return c
    return "".join(ch for ch in unicodedata.normalize("NFKD", c) if not unicodedata.combining(ch)) or c


def fold(text: str) -> Folded:
    text = text.translate(_FOLD)  # one character for one: the offsets stay
    if text.isascii() and "&" not in text:
        return Folded(text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for m in [*_SPECIAL.finditer(text), None]:
        stop = m.start() if m else len(text)
        out.append(text[at:stop])
        starts.extend(range(at, stop))
        ends.extend(range(at + 1, stop + 1))
        if m is None:
            break
        if m.group(0).startswith("&"):
            folded = "".join(_fold_char(c) for c in html.unescape(m.group(0)))
            out.append(folded)
            starts += [m.start()] * len(folded)
            ends += [m.end()] * len(folded)
        else:
            for i, c in enumerate(m.group(0), start=m.start()):
                folded = _fold_char(c)
                out.append(folded)
                starts += [i] * len(folded)
                ends += [i + 1] * len(folded)
        at = m.end()
    return Folded("".join(out), tuple(starts), tuple(ends))
