"""Briefings as text, JSON, Markdown and HTML.

Rendering reads a finished ``Briefing`` (and, for HTML, the article it came from) and nothing
else: it never learns how the briefing was made, so a briefing saved last month renders the same
as one made a second ago, and the eval reports can reuse it without a backend.

Every format carries the same content in the same order: headline, warnings, bottom line (with
the article's words each of its sentences rests on, where they are not its own), events, actors,
the quotes of analysts and experts (what readers weigh most), the other quotes, where the model
and the rules disagreed (each item's ``flags``), and a provenance footer that says which model,
prompt and schema produced it. Where items say who found them (``source``: the model, the rules,
or both), every list shows it. Text that came from an
article or a model is data, never markup: rich gets ``Text`` objects (a ``[/]`` in a quote is not
a style tag), Markdown cells are backslash-escaped, HTML comes from autoescaped templates
(``summarise.pages``) and the page forbids scripts outright through its Content-Security-Policy.
This module decides what each page says; the templates alone decide its markup.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from summarise.errors import ConfigError
from summarise.hashing import short_hash
from summarise.pages import render_page
from summarise.prompts import PROMPT_HASH
from summarise.schemas import (
    Actor,
    Briefing,
    Event,
    MatchStatus,
    Provenance,
    Quantity,
    Quote,
    Span,
    SpeakerType,
    Support,
)
from summarise.text import normalise

TEXT_WIDTH = 100
"""Columns of the terminal layout: wide enough for the events table, narrow enough to read."""

_WARNING_PREFIXES = ("warning", "caution")
"""Prefixes a note may carry; dropped on display, where the banner already says "warning"."""

EXPERT_SPEAKERS = frozenset(t for t in SpeakerType if t.value in {"analyst", "expert"})
"""Speaker types whose quotes open the quotes: readers weigh independent analysis most."""

_NONE = "—"


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


_SOURCES = {"model": "model", "rules": "rules", "both": "model + rules"}
"""Who found an item, as a reader reads it (``briefing@v3`` merges the model's items and the rules')."""


def _source(item: Event | Actor | Quote) -> str:
    return _SOURCES.get(item.source or "", _NONE)


def _with_source(columns: tuple[str, ...], rows: list[tuple[str, ...]], items: list[Any]) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """A "Source" column where any item of the list says who found it; none where none does, so a
    briefing that merged nothing reads as it always did."""
    if not any(i.source for i in items):
        return columns, rows
    return (*columns, "Source"), [(*row, _source(i)) for row, i in zip(rows, items)]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _flag_lines(b: Briefing) -> list[tuple[str, str]]:
    """Every disagreement between the model and the rules, with the item it stands on: what a
    reader checks first when the two parted."""
    lines: list[tuple[str, str]] = []
    for i, e in enumerate(b.events, 1):
        lines += [(f"Event {i} ({_label(e.type.value)})", f) for f in e.flags]
    for a in b.actors:
        lines += [(f"Actor {a.name}", f) for f in a.flags]
    for q in b.quotes:
        lines += [(f"Quote “{_short(q.text)}”", f) for f in q.flags]
    return lines


def _support_excerpts(support: Support, article: str | None) -> list[str]:
    """The article's words a bottom-line sentence rests on, where they are not the sentence itself
    (the rules' bottom line is the article's own sentences: shown once is enough); none without
    the article."""
    if article is None:
        return []
    words = [" ".join(article[s.start : s.end].split()) for s in support.spans if _in_article(s, len(article))]
    return [w for w in words if normalise(w) != normalise(support.sentence)]


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
        ("Prompt", p.prompt),
        *([(PROMPT_HASH.capitalize(), short_hash(p.prompt_hash))] if p.prompt_hash else []),
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
    for n, support in enumerate(b.bottom_line_support, 1):
        for excerpt in _support_excerpts(support, article):
            console.print(Text.assemble((f"  rests on ({n}): ", "dim"), f"“{excerpt}”"))
    console.print()
    _rich_section(console, "Events", *_with_source(_EVENT_COLUMNS[:4], [_rich_event_row(e) for e in b.events], b.events))  # type: ignore[arg-type]
    _rich_section(console, "Actors", *_with_source(_ACTOR_COLUMNS, [_actor_cells(a) for a in b.actors], b.actors))
    for title, quotes in _quote_sections(b):
        items = [q for _, q in quotes]
        _rich_section(console, title, *_with_source(_QUOTE_COLUMNS, [_quote_cells(q) for q in items], items))
    flags = _flag_lines(b)
    if flags:
        console.print(Text(f"Where the model and the rules disagreed ({len(flags)})", style="bold underline"))
        for where, flag in flags:
            console.print(Text.assemble(("⚑ ", "bold"), (f"{where}: ", "bold"), flag))
        console.print()
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


def _markdown(b: Briefing, *, article: str | None, color: bool) -> str:
    def section(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]], items: list[Any]) -> dict[str, Any]:
        columns, rows = _with_source(columns, rows, items)
        return {"title": title, "columns": columns, "rows": rows}

    sections = [
        section("Events", _EVENT_COLUMNS, [_event_cells(e) for e in b.events], b.events),
        section("Actors", _ACTOR_COLUMNS, [_actor_cells(a) for a in b.actors], b.actors),
    ]
    sections += [
        section(title, _QUOTE_COLUMNS, [_quote_cells(q) for _, q in quotes], [q for _, q in quotes])
        for title, quotes in _quote_sections(b)
    ]
    support = [excerpt for s in b.bottom_line_support for excerpt in _support_excerpts(s, article)]
    return render_page(
        "briefing.md.j2",
        headline=b.headline, warnings=_warnings(b), bottom_line=b.bottom_line, support=support,
        article_date=b.article_date.isoformat() if b.article_date else None,
        sections=sections, flags=_flag_lines(b), provenance=_provenance_lines(b.provenance),
    )


# --------------------------------------------------------------------------------------------
# html: the article with every extraction highlighted in place, and the briefing beside it
# --------------------------------------------------------------------------------------------

_MARK_KINDS: dict[str, tuple[str, int]] = {"support": ("s", -1), "event": ("e", 0), "quote": ("q", 1), "actor": ("a", 2)}
"""Highlight kind -> (id prefix, nesting rank). Equal spans nest bottom-line support > event >
quote > actor: the passage a bottom-line sentence rests on is the outermost, so the items inside
it keep their own links."""


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
    for i, support in enumerate(b.bottom_line_support):
        for k, m in enumerate(support.spans):
            found.append(("support", i, k, m, f"Bottom line, sentence {i + 1}, rests on this", ""))
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


def _article_pieces(article: str, marks: list[_Mark]) -> list[dict[str, Any]]:
    """The article cut into runs of text, each saying which highlights close and open before it.

    The article is cut at every span start and end; between two cuts the set of open spans is
    constant. Marks are kept on a stack: a span that ends closes everything opened inside it and
    reopens what is still running (a continuation piece, same ``data-span``, no second id), so
    crossing spans are split and nested spans simply nest. Each run of text links to the
    innermost item covering it, so links never nest inside links. The template writes the tags.
    """
    cuts = sorted({0, len(article)} | {m.start for m in marks} | {m.end for m in marks})
    starting: dict[int, list[_Mark]] = {}
    for m in marks:
        starting.setdefault(m.start, []).append(m)
    stack: list[_Mark] = []
    opened: set[str] = set()
    pieces: list[dict[str, Any]] = []
    for pos, nxt in zip(cuts, cuts[1:]):
        ended = [i for i, m in enumerate(stack) if m.end <= pos]
        reopen: list[_Mark] = []
        close = 0
        if ended:
            reopen = [m for m in stack[ended[0]:] if m.end > pos]
            close = len(stack) - ended[0]
            del stack[ended[0]:]
        opening = []
        for m in sorted(reopen + starting.get(pos, []), key=lambda m: (-m.end, m.rank, m.seq)):
            opening.append({"classes": m.classes, "ident": m.ident, "item": m.item, "title": m.title,
                            "first": m.ident not in opened})
            opened.add(m.ident)
            stack.append(m)
        pieces.append({"close": close, "open": opening, "text": article[pos:nxt], "href": stack[-1].item if stack else None})
    pieces.append({"close": len(stack), "open": [], "text": "", "href": None})
    return pieces


def _facts(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The label and value pairs worth a line: an empty or missing value shows nothing."""
    return [(k, v) for k, v in pairs if v and v != _NONE]


def _fuzzy(span: Span | None) -> bool:
    return bool(span and span.status != MatchStatus.EXACT)


def _html_sections(b: Briefing, first: dict[str, str], has_article: bool) -> list[dict[str, Any]]:
    """The panel's sections, each item with what its template shows and where it links."""

    def common(item_id: str, item: Event | Actor | Quote) -> dict[str, Any]:
        return {"id": item_id, "target": first.get(item_id), "has_article": has_article,
                "source": _SOURCES.get(item.source or ""), "flags": list(item.flags)}

    events = [
        {
            **common(f"event-{i}", e), "type": _label(e.type.value), "what": e.what, "fuzzy": _fuzzy(e.span),
            "facts": _facts([
                ("When", _date(e)), ("Where", e.place or _NONE),
                ("Figures", "\n".join(_quantity(q) for q in e.quantities)), ("Actors", ", ".join(e.actors)),
            ]),
        }
        for i, e in enumerate(b.events)
    ]
    actors = [
        {
            **common(f"actor-{i}", a), "name": a.name, "kind": _label(a.kind.value), "mentions": len(a.mentions),
            "facts": _facts([("Role", a.role or _NONE), ("Affiliation", a.affiliation or _NONE), ("Also", ", ".join(a.aliases))]),
        }
        for i, a in enumerate(b.actors)
    ]
    sections = [{"title": "Events", "kind": "event", "items": events}, {"title": "Actors", "kind": "actor", "items": actors}]
    for title, quotes in _quote_sections(b):
        items = [
            {
                **common(f"quote-{i}", q), "text": q.text, "speaker": _speaker(q), "type": _label(q.speaker_type.value),
                "expert": q.speaker_type in EXPERT_SPEAKERS, "fuzzy": _fuzzy(q.span),
            }
            for i, q in quotes
        ]
        sections.append({"title": title, "kind": "quote", "items": items})
    return sections


def _html_support(b: Briefing, article: str | None, marks: list[_Mark]) -> dict[str, Any]:
    """Each bottom-line sentence with the passages it rests on.

    Where the sentences are the bottom line itself, the bottom line is shown as them, each linked
    to its first passage highlighted in the article; a passage is listed under it only where its
    words are not the sentence's own (a model's summary, not the rules' extract), so the rules'
    bottom line is not shown three times. The passages' words need the article: without it, a
    sentence lists its passages by number.
    """
    located = {m.ident for m in marks}
    sentences = []
    for i, support in enumerate(b.bottom_line_support):
        passages = []
        for k, span in enumerate(support.spans):
            inside = article is not None and _in_article(span, len(article)) is not None
            words = " ".join(article[span.start : span.end].split()) if inside and article is not None else None
            target = f"s-{i}-{k}" if f"s-{i}-{k}" in located else None
            if words is None or normalise(words) != normalise(support.sentence):
                passages.append({"words": words, "target": target})
        first = next((f"s-{i}-{k}" for k in range(len(support.spans)) if f"s-{i}-{k}" in located), None)
        sentences.append({"id": f"support-{i}", "sentence": support.sentence, "target": first,
                          "passages": passages, "unsupported": not support.spans})
    inline = bool(sentences) and normalise(" ".join(s["sentence"] for s in sentences)) == normalise(b.bottom_line)
    return {"inline": inline, "sentences": sentences,
            "listed": [s for s in sentences if not inline or s["passages"] or s["unsupported"]]}


def _html(b: Briefing, *, article: str | None, color: bool) -> str:
    has_article = article is not None
    marks = _collect_marks(b, len(article)) if article is not None else []
    first = _first_highlights(marks)
    item_ids = [f"event-{i}" for i in range(len(b.events))] + [f"actor-{i}" for i in range(len(b.actors))]
    item_ids += [f"quote-{i}" for i in range(len(b.quotes))]
    missing = sum(1 for i in item_ids if i not in first) if has_article else 0
    kicker = "Briefing" + (f" · article dated {b.article_date.isoformat()}" if b.article_date else "")
    return render_page(
        "briefing.html.j2",
        title=b.headline, kicker=kicker, headline=b.headline, bottom_line=b.bottom_line, warnings=_warnings(b),
        support=_html_support(b, article, marks),
        pieces=_article_pieces(article, marks) if article is not None else None, missing=missing,
        sections=_html_sections(b, first, has_article), provenance=_provenance_lines(b.provenance),
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
