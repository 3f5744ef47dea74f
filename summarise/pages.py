"""The one Jinja environment that every page and document is rendered through.

Templates live in ``summarise/templates`` (package data, so an installed wheel has them): one per
page and format (``briefing.html.j2``, ``report.md.j2``, ...) and shared partials whose names start
with an underscore (the HTML layout, the styles, the table and comparison macros). HTML templates
are autoescaped, so text from an article, a model or a run is data wherever it lands and no page
builds markup by hand; Markdown templates are not (``&amp;`` would show literally) and escape each
value through the ``md`` and ``md_cell`` filters instead. A hash is shown short (``short_hash``) and
always beside its name (``PROMPT_HASH``, ``TEMPLATE_HASH``): two unnamed hashes of one prompt read as
a contradiction.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2

from summarise.hashing import short_hash
from summarise.prompts import PROMPT_HASH, TEMPLATE_HASH

_MD_SPECIAL = "\\|<>`*_[]"


def md(text: Any) -> str:
    """Backslash-escape what Markdown would read as syntax; a cell stays on one line."""
    escaped = "".join(f"\\{c}" if c in _MD_SPECIAL else c for c in str(text))
    return " ".join(escaped.split())


def md_cell(text: Any) -> str:
    """A table cell of a report: pipes escaped and one line, the rest as written (paths, figures)."""
    return str(text).replace("|", "\\|").replace("\n", " ")


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("summarise", "templates"),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html.j2",), disabled_extensions=("md.j2",), default_for_string=True, default=True
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["md_cell"] = md_cell
    env.filters["short_hash"] = short_hash
    env.globals.update(PROMPT_HASH=PROMPT_HASH, TEMPLATE_HASH=TEMPLATE_HASH)  # a hash is shown with its name
    return env


def render_page(template: str, **context: Any) -> str:
    """``template`` (a file name under summarise/templates) filled with ``context``."""
    return _environment().get_template(template).render(**context)
