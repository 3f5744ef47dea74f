"""summarise: structured, checkable briefings of news articles.

``summarise.brief(text, model=..., prompt=...)`` is the Python API; ``Briefing`` its result.
Both are imported on first use, so that the command line starts without loading pydantic models.
"""

from __future__ import annotations

from typing import Any

__all__ = ["brief", "extract_briefing", "Briefing"]


def __getattr__(name: str) -> Any:
    if name in ("brief", "extract_briefing"):
        from summarise import extract

        return getattr(extract, name)
    if name == "Briefing":
        from summarise.schemas import Briefing

        return Briefing
    raise AttributeError(f"module 'summarise' has no attribute {name!r}")
