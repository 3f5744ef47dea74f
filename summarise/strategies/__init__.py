"""Strategies: how one article becomes a draft briefing, one module each, found by name.

- ``single``: one model call fills the whole schema;
- ``grounded``: the rules find the candidates and the model answers narrow questions about them;
- ``rules``: no model at all (``--model rules``);
- ``verified``: a capable model writes the whole briefing, every item is checked against the
  article, repaired once or dropped, and merged with the rules' candidates.

Each module registers itself with ``register(name)``; importing this package registers the
built-in ones. Another strategy is a module that does the same, imported before it is named.
"""

from __future__ import annotations

from summarise.strategies.registry import Job, Run, Strategy, for_model, get, names, register
from summarise.strategies import grounded, rules, single, verified  # noqa: F401  (each registers itself)

__all__ = ["Job", "Run", "Strategy", "for_model", "get", "names", "register"]
