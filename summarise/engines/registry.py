"""What an engine is, what it is given, and the one table of engines by name.

A batch and an eval run differ in what one article's work is (a batch line, or an eval result
with its response cache), not in how many articles are worked at once or where: that is the
engine's. So the work is a ``Work`` (a picklable callable, made once and shipped whole to every
worker, which is how a Ray actor gets its own copy and its own backend client), the articles are
``Task`` s (small JSON-able descriptions: a path, or a text already in memory), and an engine
runs every task through the work and appends every record it returns, whole, to one JSON Lines
results file. A new engine is one module that registers itself, and nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from summarise.config import Settings
from summarise.errors import ConfigError

#: One article's work, described in JSON-able values: it crosses process boundaries under Ray.
Task = dict[str, Any]
#: One line of a results file.
Record = dict[str, Any]
#: Called in the driver once per record written, in the order they are written.
Tick = Callable[[Record], None]


class Work(Protocol):
    """One article's work: a record for the results file, or None when it is already done.

    It must not raise for an article's failure (that is a record too), and it must pickle: the
    Ray engine ships one copy to each actor, which keeps it, with whatever it loads, for its life.
    """

    def __call__(self, task: Task) -> Record | None: ...


class Engine(Protocol):
    """Runs every task through the work, ``concurrency`` at a time, into ``results``."""

    name: str

    def run(self, tasks: Iterable[Task], work: Work, *, results: Path, concurrency: int, tick: Tick) -> None: ...


EngineFactory = Callable[[Settings], Engine]

_ENGINES: dict[str, EngineFactory] = {}


def register(name: str) -> Callable[[EngineFactory], EngineFactory]:
    """Decorator: make ``factory`` the engine ``--engine NAME`` and ``SUMMARISE_ENGINE`` pick.

    Registering must not import anything heavy: every engine is registered whenever this package
    is imported. The factory runs only for the engine chosen, and loads its libraries (Ray) then,
    so a missing one is an error before any work.
    """

    def add(factory: EngineFactory) -> EngineFactory:
        known = _ENGINES.get(name)
        if known is not None and known is not factory:
            raise ValueError(f"engine {name!r} is already registered (by {known.__module__})")
        _ENGINES[name] = factory
        return factory

    return add


def names() -> list[str]:
    return sorted(_ENGINES)


def open_engine(settings: Settings) -> Engine:
    """The engine ``settings.engine`` names, set up from the settings (``ray_address``)."""
    try:
        factory = _ENGINES[settings.engine]
    except KeyError:
        raise ConfigError(f"no engine named {settings.engine!r}; there are: {', '.join(names())}") from None
    return factory(settings)
