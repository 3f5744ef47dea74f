"""What a strategy is, what it is given, and the one table of strategies by name.

A prompt's ``strategy`` front matter names the strategy that runs it, and a strategy that needs
no model is named by the model spec itself (``--model rules``): both are looked up here, so a new
strategy is one module that registers itself, and nothing else changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from summarise.articles import Article
from summarise.backends import Backend
from summarise.call import CallStats
from summarise.config import Settings
from summarise.errors import ConfigError
from summarise.prompts import Prompt
from summarise.schemas import BriefingDraft


@dataclass
class Job:
    """Everything a strategy needs for one article."""

    article: Article
    prompt: Prompt
    backend: Backend | None  # None for a strategy that needs no model
    settings: Settings
    stats: CallStats = field(default_factory=CallStats)
    article_date: dt.date | None = None  # what every weekday and "yesterday" is read against


Run = Callable[[Job], BriefingDraft]


@dataclass(frozen=True)
class Strategy:
    """A named way to make a draft briefing of one article."""

    name: str
    run: Run
    needs_model: bool = True  # False: no backend is opened, and no prompt or settings are recorded


_STRATEGIES: dict[str, Strategy] = {}


def register(name: str, *, needs_model: bool = True) -> Callable[[Run], Run]:
    """Decorator: make ``run`` the strategy a prompt names by ``strategy: <name>``.

    A name is taken once: registering another function under it is a mistake, not an override.
    """

    def add(run: Run) -> Run:
        known = _STRATEGIES.get(name)
        if known is not None and known.run is not run:
            raise ValueError(f"strategy {name!r} is already registered (by {known.run.__module__})")
        _STRATEGIES[name] = Strategy(name, run, needs_model)
        return run

    return add


def get(name: str) -> Strategy:
    """The strategy of that name; a ``ConfigError`` naming the known ones when there is none."""
    try:
        return _STRATEGIES[name]
    except KeyError:
        raise ConfigError(f"no strategy named {name!r}; there are: {', '.join(names())}") from None


def names() -> list[str]:
    return sorted(_STRATEGIES)


def for_model(backend: str) -> Strategy | None:
    """The strategy a model spec names in place of a model (``rules``), else None."""
    strategy = _STRATEGIES.get(backend)
    return strategy if strategy is not None and not strategy.needs_model else None
