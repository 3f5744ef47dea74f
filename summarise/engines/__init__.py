"""Engines: what runs a batch's or an eval's articles, and where; one module each, found by name.

- ``local``: a thread pool of exactly ``-j`` workers in this process (the default);
- ``ray``: Ray Data, a pool of ``-j`` actors on a local Ray or a cluster (``summarise[ray]``).

``--engine`` or ``SUMMARISE_ENGINE`` picks one; ``summarise batch`` and ``summarise eval run``
both hand theirs a ``Work`` and ``Task`` s (see ``registry``). Importing this package registers
the built-in engines and imports nothing of Ray.
"""

from __future__ import annotations

from summarise.engines.blocks import fold_leftovers
from summarise.engines.registry import Engine, Record, Task, Tick, Work, names, open_engine, register
from summarise.engines import local, ray_data  # noqa: F401  (each registers itself)

__all__ = ["Engine", "Record", "Task", "Tick", "Work", "fold_leftovers", "names", "open_engine", "register"]
