"""Briefings as text, JSON, Markdown and HTML.

Rendering reads a finished ``Briefing`` (and, for HTML, the article it came from) and nothing
else: it never learns how the briefing was made, so a briefing saved last month renders the same
as one made a second ago, and the eval reports can reuse it without a backend.

Every format carries the same content in the same order: headline, warnings, bottom line, events,
actors, the quotes of analysts and experts (what readers weigh most), the other quotes, and a
provenance footer that says which model, prompt and schema produced it. Text that came from an
article or a model is data, never markup: rich gets ``Text`` objects (a ``[/]`` in a quote is not
a style tag), Markdown cells are backslash-escaped, HTML is ``html.escape``d everywhere and the page
forbids scripts outright through its Content-Security-Policy.
"""

from __future__ import annotations

import html
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from rich import box
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from summarise.errors import ConfigError
from summarise.schemas import Actor, Briefing, Event, MatchStatus, Provenance, Quantity, Quote, Span, SpeakerType

TEXT_WIDTH = 100
"""Columns of the terminal layout: wide enough for the events table, narrow enough to read."""

_WARNING_PREFIXES = ("warning", "caution")
"""Prefixes a note may carry; dropped on display, where the banner already says "warning"."""

EXPERT_SPEAKERS = frozenset(t for t in SpeakerType if t.value in {"analyst", "expert"})
"""Speaker types whose quotes open the quotes: readers weigh independent analysis most."""

_HASH_PREFIX = 12  # "b2:" and 9 hex digits: enough to tell prompt versions apart at a glance
_NONE = "—"
_MD_SPECIAL = "\\|<>`*_[]"


# --------------------------------------------------------------------------------------------
# Content shared by every format: cells, sections, provenance lines
# --------------------------------------------------------------------------------------------

_EVENT_COLUMNS = ("Type", "Date", "Place", "What", "Quantities", "Actors")
_ACTOR_COLUMNS = ("Name", "Kind", "Role", "Affiliation", "Aliases")
_QUOTE_COLUMNS = ("Quote", "Speaker", "Speaker type")


def _label(value: str) -> str:
    """An enum value as a reader writes it: ``missile_launch`` -> ``missile launch``."""
    return value.replace("_", " ")


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def _quantity(q: Quantity) -> str:
    """``900 km (about 900 km)``: the normalised figure, then the article's own words."""
    words = q.text.strip()
    if q.value is None:  # a time of day: the article's words are the figure
        shown = words if q.unit.casefold() in words.casefold() else f"{words} {q.unit}"
    else:
        figure = f"{_number(q.value)}{q.unit}" if q.unit == "%" else f"{_number(q.value)} {q.unit}"
        shown = figure if words == figure else f"{figure} ({words})"
    return f"{q.measure}: {shown}" if q.measure else shown


def _date(event: Event) -> str:
    """The ISO date the text pins, with the article's words beside it so a reader can check."""
    if event.date and event.date_text:
        return f"{event.date.isoformat()} ({event.date_text})"
    if event.date:
        return event.date.isoformat()
    return event.date_text or _NONE


def _event_cells(e: Event) -> tuple[str, ...]:
    return (
        _label(e.type.value),
        _date(e),
        e.place or _NONE,
        e.what,
        "; ".join(_quantity(q) for q in e.quantities) or _NONE,
        ", ".join(e.actors) or _NONE,
    )


def _actor_cells(a: Actor) -> tuple[str, ...]:
    return (a.name, _label(a.kind.value), a.role or _NONE, a.affiliation or _NONE, ", ".join(a.aliases) or _NONE)


def _speaker(q: Quote) -> str:
    parts = [p for p in (q.speaker, q.speaker_role, q.speaker_affiliation) if p]
    return ", ".join(parts) if parts else "unattributed"


def _quote_cells(q: Quote) -> tuple[str, ...]:
    return (q.text, _speaker(q), _label(q.speaker_type.value))


def _quote_sections(b: Briefing) -> list[tuple[str, list[tuple[int, Quote]]]]:
    """Analysts and experts first, then everyone else; index kept so HTML ids stay stable."""
    experts = [(i, q) for i, q in enumerate(b.quotes) if q.speaker_type in EXPERT_SPEAKERS]
    others = [(i, q) for i, q in enumerate(b.quotes) if q.speaker_type not in EXPERT_SPEAKERS]
    if not experts:
        return [("Quotes", others)]
    sections = [("Analysts and experts", experts), ("Other quotes", others)]
    return [s for s in sections if s[1]]


def _warnings(b: Briefing) -> list[str]:
    """The provenance notes, shown as warnings before the briefing.

    A note qualifies the whole briefing (made by the tiny bundled model, an answer cut at the token
    cap): a reader must see it before trusting anything below, so no note hides in the footer.
    """
    out = []
    for note in (b.provenance.notes if b.provenance else []):
        body = note.strip()
        prefix = next((p for p in _WARNING_PREFIXES if body.casefold().startswith(p)), "")
        out.append(body[len(prefix):].lstrip(" :-–—").strip() or body)
    return [w for w in out if w]


def _dropped(p: Provenance) -> str:
    if not p.dropped:
        return "none"
    reasons = Counter(f"{d.kind}: {d.reason}" for d in p.dropped)
    detail = "; ".join(f"{r} (×{n})" if n > 1 else r for r, n in reasons.items())
    return f"{len(p.dropped)} — {detail}"


def _provenance_lines(p: Provenance | None) -> list[tuple[str, str]]:
    """Label and value pairs, in the order a reader checks them."""
    if p is None:
        return [("Provenance", "not recorded")]
    lines = [
        ("Model", p.model),
        ("Backend", p.backend if p.strategy == "single" else f"{p.backend} (strategy {p.strategy})"),
        ("Prompt", f"{p.prompt} ({p.prompt_hash[:_HASH_PREFIX]})"),
        ("Schema", f"v{p.schema_version}"),
        ("Duration", f"{p.duration_s:.1f} s"),
        ("Tokens", f"{p.tokens_in:,} in / {p.tokens_out:,} out"),
        ("Calls", str(p.calls)),
        ("Retries", str(p.retries)),
        ("Dropped", _dropped(p)),
        ("Created", p.created_at.isoformat(timespec="seconds")),
    ]
    if p.version:
        lines.append(("Tool", f"summarise {p.version}"))
    return lines


# --------------------------------------------------------------------------------------------
# text: a terminal layout made with rich
# --------------------------------------------------------------------------------------------


_TEXT_FLEX = {"What": 4, "Quote": 3, "Speaker": 2, "Affiliation": 2, "Aliases": 2, "Role": 2}
"""Columns that share the spare width in the terminal (by ratio); the rest fit their content."""


def _rich_table(columns: tuple[str, ...], rows: list[tuple[str | Text, ...]]) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD, expand=True, show_lines=True, show_edge=False, header_style="bold", pad_edge=False
    )
    for name in columns:
        table.add_column(name, overflow="fold", ratio=_TEXT_FLEX.get(name), min_width=len(name))
    for row in rows:
        table.add_row(*(cell if isinstance(cell, Text) else Text(cell) for cell in row))
    return table


def _rich_event_row(e: Event) -> tuple[str | Text, ...]:
    """Type, date and place as narrow columns; figures and actors under what happened."""
    kind, date, place, what, _, actors = _event_cells(e)
    cell = Text(what)
    for figure in map(_quantity, e.quantities):
        cell.append("\n• ", style="dim").append(figure)
    if actors != _NONE:
        cell.append("\n• actors: ", style="dim").append(actors)
    return kind, date.replace(" (", "\n(", 1), place, cell


def _rich_section(console: Console, title: str, columns: tuple[str, ...], rows: list[tuple[str | Text, ...]]) -> None:
    console.print(Text(f"{title} ({len(rows)})", style="bold underline"))
    console.print(_rich_table(columns, rows) if rows else Text("none found", style="dim"))
    console.print()


def _text(b: Briefing, *, article: str | None, color: bool) -> str:
    buf = io.StringIO()
    console = Console(
        file=buf, width=TEXT_WIDTH, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False, emoji=False,
    )
    console.print(Text(b.headline, style="bold"))
    console.rule(style="dim")
    for warning in _warnings(b):
        console.print(Panel(Text(warning), title="WARNING", title_align="left", border_style="bold red"))
    console.print(Text.assemble(("Bottom line: ", "bold"), b.bottom_line))
    if b.article_date:
        console.print(Text.assemble(("Article date: ", "bold"), b.article_date.isoformat()))
    console.print()
    _rich_section(console, "Events", _EVENT_COLUMNS[:4], [_rich_event_row(e) for e in b.events])
    _rich_section(console, "Actors", _ACTOR_COLUMNS, [_actor_cells(a) for a in b.actors])
    for title, quotes in _quote_sections(b):
        _rich_section(console, title, _QUOTE_COLUMNS, [_quote_cells(q) for _, q in quotes])
    console.rule(Text("Provenance", style="dim"), style="dim")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim")
    grid.add_column()
    for label, value in _provenance_lines(b.provenance):
        grid.add_row(Text(label), Text(value))
    console.print(grid)
    return buf.getvalue()


# --------------------------------------------------------------------------------------------
# json and markdown
# --------------------------------------------------------------------------------------------


def _json(b: Briefing, *, article: str | None, color: bool) -> str:
    return b.model_dump_json(indent=2)


def _md(text: str) -> str:
    """Backslash-escape what Markdown would read as syntax; a cell stays on one line."""
    escaped = "".join(f"\\{c}" if c in _MD_SPECIAL else c for c in text)
    return " ".join(escaped.split())


def _md_table(columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return lines


def _md_section(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    body = _md_table(columns, rows) if rows else ["_none found_"]
    return [f"## {title} ({len(rows)})", "", *body, ""]


def _markdown(b: Briefing, *, article: str | None, color: bool) -> str:
    lines = [f"# {_md(b.headline)}", ""]
    for warning in _warnings(b):
        lines += [f"> **Warning:** {_md(warning)}", ""]
    lines += [f"**Bottom line:** {_md(b.bottom_line)}", ""]
    if b.article_date:
        lines += [f"**Article date:** {b.article_date.isoformat()}", ""]
    lines += _md_section("Events", _EVENT_COLUMNS, [_event_cells(e) for e in b.events])
    lines += _md_section("Actors", _ACTOR_COLUMNS, [_actor_cells(a) for a in b.actors])
    for title, quotes in _quote_sections(b):
        lines += _md_section(title, _QUOTE_COLUMNS, [_quote_cells(q) for _, q in quotes])
    lines += ["## Provenance", ""]
    lines += [f"- **{label}:** {_md(value)}" for label, value in _provenance_lines(b.provenance)]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# html: the article with every extraction highlighted in place, and the briefing beside it
# --------------------------------------------------------------------------------------------

_MARK_KINDS: dict[str, tuple[str, int]] = {"event": ("e", 0), "quote": ("q", 1), "actor": ("a", 2)}
"""Highlight kind -> (id prefix, nesting rank). Equal spans nest event > quote > actor."""


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    item: str  # the panel item's id, e.g. "quote-3"
    ident: str  # this highlight's id, e.g. "q-3-0"
    title: str
    classes: str
    rank: int
    seq: int


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _in_article(span: Span | None, size: int) -> Span | None:
    """A span that points inside the article, or None (shown as "not located")."""
    if span is None or not 0 <= span.start < span.end <= size:
        return None
    return span


def _collect_marks(b: Briefing, size: int) -> list[_Mark]:
    found: list[tuple[str, int, int, Span | None, str, str]] = []  # kind, item index, mention, span, title, extra class
    for i, e in enumerate(b.events):
        found.append(("event", i, 0, e.span, f"Event: {_label(e.type.value)}", ""))
    for i, q in enumerate(b.quotes):
        expert = " expert" if q.speaker_type in EXPERT_SPEAKERS else ""
        found.append(("quote", i, 0, q.span, f"Quote: {_speaker(q)} ({_label(q.speaker_type.value)})", expert))
    for i, a in enumerate(b.actors):
        for k, m in enumerate(a.mentions):
            found.append(("actor", i, k, m, f"Actor: {a.name} ({_label(a.kind.value)})", ""))
    marks = []
    for seq, (kind, i, k, span, title, extra) in enumerate(found):
        located = _in_article(span, size)
        if located is None:
            continue
        prefix, rank = _MARK_KINDS[kind]
        fuzzy = located.status != MatchStatus.EXACT
        marks.append(_Mark(
            start=located.start, end=located.end, item=f"{kind}-{i}", ident=f"{prefix}-{i}-{k}",
            title=title + (" · approximate match" if fuzzy else ""),
            classes=kind + extra + (" fuzzy" if fuzzy else ""), rank=rank, seq=seq,
        ))
    return marks


def _first_highlights(marks: list[_Mark]) -> dict[str, str]:
    """Panel item id -> id of its earliest highlight in the article, for the link back."""
    first: dict[str, str] = {}
    for m in sorted(marks, key=lambda m: (m.start, m.seq)):
        first.setdefault(m.item, m.ident)
    return first


def _open_tag(m: _Mark, first_piece: bool) -> str:
    ident = f' id="{_esc(m.ident)}"' if first_piece else ""
    return (
        f'<mark class="{_esc(m.classes)}"{ident} data-item="{_esc(m.item)}" data-span="{_esc(m.ident)}"'
        f' title="{_esc(m.title)}">'
    )


def _highlight(article: str, marks: list[_Mark]) -> str:
    """The article as HTML with every mark in place, always properly nested.

    The article is cut at every span start and end; between two cuts the set of open spans is
    constant. Tags are kept on a stack: a span that ends closes everything opened inside it and
    reopens what is still running (a continuation piece, same ``data-span``, no second id), so
    crossing spans are split and nested spans simply nest. Each run of text links to the
    innermost item covering it, so links never nest inside links.
    """
    cuts = sorted({0, len(article)} | {m.start for m in marks} | {m.end for m in marks})
    starting: dict[int, list[_Mark]] = {}
    for m in marks:
        starting.setdefault(m.start, []).append(m)
    stack: list[_Mark] = []
    opened: set[str] = set()
    out: list[str] = []
    for pos, nxt in zip(cuts, cuts[1:]):
        ended = [i for i, m in enumerate(stack) if m.end <= pos]
        reopen: list[_Mark] = []
        if ended:
            reopen = [m for m in stack[ended[0]:] if m.end > pos]
            out.append("</mark>" * (len(stack) - ended[0]))
            del stack[ended[0]:]
        for m in sorted(reopen + starting.get(pos, []), key=lambda m: (-m.end, m.rank, m.seq)):
            out.append(_open_tag(m, m.ident not in opened))
            opened.add(m.ident)
            stack.append(m)
        segment = _esc(article[pos:nxt])
        out.append(f'<a href="#{_esc(stack[-1].item)}">{segment}</a>' if stack else segment)
    out.append("</mark>" * len(stack))
    return "".join(out)


def _jump(item: str, first: dict[str, str], has_article: bool, what: str = "Show in article") -> str:
    if not has_article:
        return ""
    if item in first:
        return f'<a class="jump" href="#{_esc(first[item])}">{what} ↑</a>'
    return '<span class="badge missing">not located in the article</span>'


def _facts(pairs: list[tuple[str, str]]) -> str:
    rows = "".join(f"<dt>{_esc(k)}</dt><dd>{_esc(v)}</dd>" for k, v in pairs if v and v != _NONE)
    return f'<dl class="facts">{rows}</dl>' if rows else ""


def _fuzzy_badge(span: Span | None) -> str:
    return '<span class="badge fuzzy">approximate match</span>' if span and span.status != MatchStatus.EXACT else ""


def _html_event(i: int, e: Event, first: dict[str, str], has_article: bool) -> str:
    facts = _facts([
        ("When", _date(e)), ("Where", e.place or _NONE),
        ("Figures", "\n".join(_quantity(q) for q in e.quantities)), ("Actors", ", ".join(e.actors)),
    ])
    return (
        f'<li class="item event" id="event-{i}"><div class="item-head">'
        f'<span class="chip event">{_esc(_label(e.type.value))}</span>{_fuzzy_badge(e.span)}</div>'
        f'<p class="what">{_esc(e.what)}</p>{facts}{_jump(f"event-{i}", first, has_article)}</li>'
    )


def _html_actor(i: int, a: Actor, first: dict[str, str], has_article: bool) -> str:
    facts = _facts([("Role", a.role or _NONE), ("Affiliation", a.affiliation or _NONE), ("Also", ", ".join(a.aliases))])
    count = len(a.mentions)
    mentions = f'<span class="muted">{count} mention{"s" if count != 1 else ""}</span>' if has_article and count else ""
    return (
        f'<li class="item actor" id="actor-{i}"><div class="item-head"><span class="name">{_esc(a.name)}</span>'
        f'<span class="chip actor">{_esc(_label(a.kind.value))}</span></div>{facts}'
        f'<div class="item-foot">{_jump(f"actor-{i}", first, has_article, "First mention")}{mentions}</div></li>'
    )


def _html_quote(i: int, q: Quote, first: dict[str, str], has_article: bool) -> str:
    expert = " expert" if q.speaker_type in EXPERT_SPEAKERS else ""
    return (
        f'<li class="item quote{expert}" id="quote-{i}"><blockquote>{_esc(q.text)}</blockquote>'
        f'<p class="attribution">{_esc(_speaker(q))} <span class="chip quote{expert}">'
        f'{_esc(_label(q.speaker_type.value))}</span>{_fuzzy_badge(q.span)}</p>'
        f'{_jump(f"quote-{i}", first, has_article)}</li>'
    )


def _html_section(title: str, items: list[str]) -> str:
    body = f'<ol class="items">{"".join(items)}</ol>' if items else '<p class="muted">None found.</p>'
    return f'<section class="group"><h2>{_esc(title)} <span class="count">{len(items)}</span></h2>{body}</section>'


_LEGEND = (
    ("event", "Event sentence"), ("actor", "Actor mention"), ("quote", "Quote"),
    ("quote expert", "Analyst or expert quote"), ("fuzzy", "Approximate match"),
)


def _html_legend(missing: int) -> str:
    swatches = "".join(f'<li><mark class="{c}">{_esc(t)}</mark></li>' for c, t in _LEGEND)
    plural = "s" if missing != 1 else ""
    note = f'<li class="muted">{missing} item{plural} not located in the article</li>' if missing else ""
    return f'<ul class="legend" aria-label="Legend">{swatches}{note}</ul>'


def _html_provenance(p: Provenance | None) -> str:
    rows = "".join(f"<tr><th>{_esc(k)}</th><td>{_esc(v)}</td></tr>" for k, v in _provenance_lines(p))
    return f'<footer class="provenance"><h2>Provenance</h2><table>{rows}</table></footer>'


_CSS = """
:root{color-scheme:light;--ink:#1f2328;--muted:#656d76;--line:#d8dee4;--paper:#ffffff;--bg:#f6f7f9;
--event:#fff1c2;--event-edge:#e0b000;--quote:#d3f2dc;--quote-edge:#2f9e57;--expert:#eadcff;--expert-edge:#7c4dcc;
--actor:#1d4ed8;--actor-edge:#93b4f5;--warn:#b42318;--warn-bg:#fef3f2}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.page{max-width:1320px;margin:0 auto;padding:28px 32px 48px}
.masthead{border-bottom:3px solid var(--ink);padding-bottom:16px;margin-bottom:20px}
.kicker{margin:0 0 6px;font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
h1{margin:0 0 10px;font:700 30px/1.2 Georgia,"Iowan Old Style","Times New Roman",serif}
.bottom-line{margin:0;font-size:17px;max-width:80ch}
.bottom-line strong{text-transform:uppercase;font-size:12px;letter-spacing:.06em;margin-right:6px}
.warning{margin:0 0 20px;padding:12px 16px;border:1px solid var(--warn);border-left-width:6px;background:var(--warn-bg);color:var(--warn);border-radius:6px;font-weight:600}
.layout{display:grid;grid-template-columns:minmax(0,1.45fr) minmax(0,1fr);gap:28px;align-items:start}
.layout.solo{grid-template-columns:minmax(0,1fr)}
.card{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:20px 24px}
h2{margin:0 0 12px;font-size:13px;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
.count{display:inline-block;min-width:20px;padding:0 6px;border-radius:10px;background:var(--bg);color:var(--ink);text-align:center;font-size:11px}
.article{white-space:pre-wrap;font:17px/1.75 Georgia,"Iowan Old Style","Times New Roman",serif;overflow-wrap:anywhere}
.legend{list-style:none;margin:0 0 16px;padding:0 0 12px;border-bottom:1px solid var(--line);display:flex;flex-wrap:wrap;gap:8px 16px;font-size:13px}
mark{background:none;color:inherit;border-radius:3px;padding:1px 0;-webkit-box-decoration-break:clone;box-decoration-break:clone;scroll-margin-top:40vh}
mark a{color:inherit;text-decoration:none}
mark.event{background:var(--event);box-shadow:inset 0 -2px 0 var(--event-edge)}
mark.quote{background:var(--quote);box-shadow:inset 0 -2px 0 var(--quote-edge)}
mark.quote.expert{background:var(--expert);box-shadow:inset 0 -2px 0 var(--expert-edge)}
mark.actor{color:var(--actor);font-weight:600;background:none;box-shadow:inset 0 -2px 0 var(--actor-edge)}
mark.fuzzy{outline:1px dashed var(--muted);outline-offset:1px}
.legend mark{padding:1px 6px}
mark:target,.item:target{outline:3px solid #f59e0b;outline-offset:2px}
.panel .group+.group{margin-top:22px}
.items{list-style:none;margin:0;padding:0;display:grid;gap:10px}
.item{border:1px solid var(--line);border-left:4px solid var(--line);border-radius:8px;padding:10px 12px;background:var(--paper);scroll-margin-top:40vh}
.item.event{border-left-color:var(--event-edge)}
.item.actor{border-left-color:var(--actor)}
.item.quote{border-left-color:var(--quote-edge)}
.item.quote.expert{border-left-color:var(--expert-edge);background:#fbf8ff}
.item-head{display:flex;flex-wrap:wrap;align-items:center;gap:8px}
.item-foot{display:flex;gap:10px;align-items:baseline;margin-top:6px}
.name{font-weight:700}
.what{margin:6px 0 4px;font-weight:600}
.chip{display:inline-block;padding:1px 8px;border-radius:999px;font-size:11px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;background:var(--bg);color:var(--muted)}
.chip.event{background:var(--event);color:#7a5a00}
.chip.actor{background:#e3ecfd;color:var(--actor)}
.chip.quote{background:var(--quote);color:#1b6b3a}
.chip.quote.expert{background:var(--expert);color:#5b2ea6}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:4px 0 0;font-size:13px}
.facts dt{color:var(--muted)}
.facts dd{margin:0;white-space:pre-line}
blockquote{margin:2px 0 6px;font:italic 15px/1.55 Georgia,"Iowan Old Style",serif}
blockquote::before{content:"\\201C"}
blockquote::after{content:"\\201D"}
.attribution{margin:0;font-size:13px;color:var(--muted);display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.jump{display:inline-block;margin-top:6px;font-size:12px;color:var(--actor);text-decoration:none}
.item-foot .jump{margin-top:0}
.jump:hover{text-decoration:underline}
.badge{display:inline-block;margin-top:6px;padding:1px 8px;border-radius:4px;font-size:11px;font-weight:600}
.badge.missing{background:#fff4e5;color:#9a4d00;border:1px solid #f5c98c}
.badge.fuzzy{margin-top:0;background:var(--bg);color:var(--muted);border:1px dashed var(--muted)}
.muted{color:var(--muted);font-size:12px}
.provenance{margin-top:28px}
.provenance table{border-collapse:collapse;font-size:13px;width:100%}
.provenance th{text-align:left;color:var(--muted);font-weight:500;padding:4px 16px 4px 0;width:9em;vertical-align:top}
.provenance td{padding:4px 0;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;overflow-wrap:anywhere}
.provenance tr+tr{border-top:1px solid var(--line)}
@media (min-width:961px){.layout:not(.solo) .panel{position:sticky;top:16px;max-height:calc(100vh - 32px);overflow:auto}}
@media (max-width:960px){.layout{grid-template-columns:minmax(0,1fr)}}
@media print{body{background:#fff}.panel{position:static;max-height:none}}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
"""No script, no fetch, no external asset: the page is inert whatever an article contains."""


def _html(b: Briefing, *, article: str | None, color: bool) -> str:
    has_article = article is not None
    marks = _collect_marks(b, len(article)) if has_article else []
    first = _first_highlights(marks)
    item_ids = [f"event-{i}" for i in range(len(b.events))] + [f"actor-{i}" for i in range(len(b.actors))]
    item_ids += [f"quote-{i}" for i in range(len(b.quotes))]
    missing = sum(1 for i in item_ids if i not in first) if has_article else 0

    panel = [
        _html_section("Events", [_html_event(i, e, first, has_article) for i, e in enumerate(b.events)]),
        _html_section("Actors", [_html_actor(i, a, first, has_article) for i, a in enumerate(b.actors)]),
    ]
    for title, quotes in _quote_sections(b):
        panel.append(_html_section(title, [_html_quote(i, q, first, has_article) for i, q in quotes]))

    kicker = "Briefing" + (f" · article dated {b.article_date.isoformat()}" if b.article_date else "")
    warnings = "".join(f'<div class="warning" role="alert">⚠ Warning: {_esc(w)}</div>' for w in _warnings(b))
    article_col = (
        f'<section class="card article-col"><h2>Article</h2>{_html_legend(missing)}'
        f'<div class="article">{_highlight(article, marks)}</div></section>'
        if has_article else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="summarise"><title>{_esc(b.headline)}</title>'
        f"<style>{_CSS}</style></head>\n<body><div class=\"page\">"
        f'<header class="masthead"><p class="kicker">{_esc(kicker)}</p><h1>{_esc(b.headline)}</h1>'
        f'<p class="bottom-line"><strong>Bottom line</strong>{_esc(b.bottom_line)}</p></header>{warnings}'
        f'<main class="layout{"" if has_article else " solo"}">{article_col}'
        f'<aside class="card panel">{"".join(panel)}</aside></main>'
        f"{_html_provenance(b.provenance)}</div></body></html>\n"
    )


# --------------------------------------------------------------------------------------------
# The one door
# --------------------------------------------------------------------------------------------

_Renderer = Callable[..., str]

_RENDERERS: dict[str, _Renderer] = {"text": _text, "json": _json, "markdown": _markdown, "html": _html}

FORMATS: tuple[str, ...] = tuple(_RENDERERS)
"""The output formats, for CLI choices and help text."""


def render(briefing: Briefing, fmt: str, *, article: str | None = None, color: bool = False) -> str:
    """Render ``briefing`` as ``fmt`` (text, json, markdown or html).

    ``article`` is the text the spans point into; only HTML uses it, to highlight each extraction
    in place (without it the page shows the briefing alone). ``color`` asks the text layout for
    ANSI styles; the default is plain text, safe to pipe or save.
    """
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ConfigError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}") from None
    return renderer(briefing, article=article, color=color)
