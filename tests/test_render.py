"""Tests for summarise.render: every format, escaping, and highlights that nest correctly."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest

from summarise.errors import ConfigError
from summarise.render import FORMATS, TEXT_WIDTH, render
from summarise.schemas import (
    Actor,
    ActorKind,
    Briefing,
    Drop,
    Event,
    EventType,
    MatchStatus,
    Provenance,
    Quantity,
    Quote,
    Span,
    SpeakerType,
)

ARTICLE = (
    "SEOUL, Jan 4 (Wire) - North Korea fired a ballistic missile on Sunday that flew about 900 km "
    "before landing in the sea, South Korea's military said.\n\n"
    'Kim Jong Un called the launch "a message from North Korea to its enemies", state media reported.\n\n'
    '"This is a <script>alert(1)</script> signal | not a {{ threat }}," said Hong Min, an analyst at '
    "the Korea Institute for National Unification.\n"
)


def _span(text: str, *, within: str | None = None, status: MatchStatus = MatchStatus.EXACT) -> Span:
    """The span of ``text`` in ARTICLE (searched after ``within`` when given), found, not typed."""
    offset = ARTICLE.index(within) if within else 0
    start = ARTICLE.index(text, offset)
    return Span(start=start, end=start + len(text), status=status)


SENTENCE_1 = "North Korea fired a ballistic missile on Sunday that flew about 900 km before landing in the sea, South Korea's military said."
SENTENCE_2 = 'Kim Jong Un called the launch "a message from North Korea to its enemies", state media reported.'
QUOTE_1 = "a message from North Korea to its enemies"
QUOTE_2 = "This is a <script>alert(1)</script> signal | not a {{ threat }},"


def _briefing() -> Briefing:
    """Nesting on purpose: actor mention inside a quote inside an event sentence."""
    return Briefing(
        headline="North Korea fires missile <b>900 km</b> into sea",
        bottom_line="Pyongyang's first launch of the year; analysts read it as a signal.",
        article_date=dt.date(2026, 1, 4),
        events=[
            Event(
                type=EventType.MISSILE_LAUNCH, what="North Korea fired a ballistic missile.",
                date=dt.date(2026, 1, 4), date_text="on Sunday", place="the sea", actors=["North Korea"],
                quantities=[Quantity(value=900, unit="km", measure="flight distance", text="about 900 km")],
                sentence=SENTENCE_1, span=_span(SENTENCE_1),
            ),
            Event(
                type=EventType.STATEMENT, what="Kim called the launch a message.", actors=["Kim Jong Un"],
                sentence=SENTENCE_2, span=_span(SENTENCE_2, status=MatchStatus.FUZZY),
            ),
            Event(type=EventType.OTHER, what="An unlocated event.", sentence="Nowhere.", span=None),
        ],
        actors=[
            Actor(
                name="North Korea", kind=ActorKind.STATE, aliases=["Pyongyang"],
                mentions=[_span("North Korea"), _span("North Korea", within="a message")],
            ),
            Actor(name="Kim Jong Un", kind=ActorKind.PERSON, role="leader", affiliation="North Korea",
                  aliases=["Kim"], mentions=[_span("Kim Jong Un")]),
            Actor(name="Hong Min", kind=ActorKind.PERSON, role="analyst",
                  affiliation="Korea Institute for National Unification", mentions=[_span("Hong Min")]),
            Actor(name="Nobody", kind=ActorKind.OTHER, mentions=[]),
        ],
        quotes=[
            Quote(text=QUOTE_1, speaker="Kim Jong Un", speaker_role="leader", speaker_type=SpeakerType.OFFICIAL,
                  span=_span(QUOTE_1)),
            Quote(text=QUOTE_2, speaker="Hong Min", speaker_role="analyst",
                  speaker_affiliation="Korea Institute for National Unification",
                  speaker_type=SpeakerType.ANALYST, span=_span(QUOTE_2)),
        ],
        provenance=Provenance(
            prompt="briefing@1", prompt_hash="b2:0123456789abcdef0123", model="local/tiny.gguf", backend="local",
            article_hash="b2:feed", created_at=dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.timezone.utc),
            duration_s=3.25, calls=2, tokens_in=1200, tokens_out=340, retries=1,
            dropped=[
                Drop(kind="quote", reason="text: not in the article", item={"text": "x"}),
                Drop(kind="quote", reason="text: not in the article", item={"text": "y"}),
                Drop(kind="event_actor", reason="not in the actors list", item={"actors": ["Seoul"]}),
            ],
            notes=[
                "warning: the bundled tiny model is for trying the tool, not for analysis",
                "an answer reached the 512-token cap and was cut",
            ],
        ),
    )


# --------------------------------------------------------------------------------------------
# HTML inspection through a real parser
# --------------------------------------------------------------------------------------------

_VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}


class _Inspector(HTMLParser):
    """Checks tag balance as it parses, and gathers the text inside each highlight."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []
        self.span_text: dict[str, str] = {}
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.scripts = 0
        self.link_in_link = 0
        self.article_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])  # type: ignore[arg-type]
        if tag == "a":
            self.hrefs.append(a.get("href") or "")
            self.link_in_link += any(t == "a" for t, _ in self.stack)
        self.scripts += tag == "script"
        if tag not in _VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if any(a.get("class") == "article" for _, a in self.stack):
            self.article_text += data
        for tag, a in self.stack:
            if tag == "mark" and a.get("data-span"):
                key = a["data-span"]
                self.span_text[key] = self.span_text.get(key, "") + data  # type: ignore[index]

    def close(self) -> None:
        super().close()
        self.errors += [f"<{t}> never closed" for t, _ in self.stack]


def _inspect(page: str) -> _Inspector:
    inspector = _Inspector()
    inspector.feed(page)
    inspector.close()
    return inspector


def _expected_spans(b: Briefing) -> dict[str, str]:
    """Highlight id -> the article text it must wrap, from the briefing's own spans."""
    want = {f"e-{i}-0": ARTICLE[e.span.start:e.span.end] for i, e in enumerate(b.events) if e.span}
    want |= {f"q-{i}-0": ARTICLE[q.span.start:q.span.end] for i, q in enumerate(b.quotes) if q.span}
    for i, a in enumerate(b.actors):
        want |= {f"a-{i}-{k}": ARTICLE[m.start:m.end] for k, m in enumerate(a.mentions)}
    return want


# --------------------------------------------------------------------------------------------
# The door
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["pdf", "", "HTML", "txt"])
def test_unknown_format_is_a_one_line_config_error(fmt: str) -> None:
    with pytest.raises(ConfigError) as err:
        render(_briefing(), fmt)
    message = str(err.value)
    assert "\n" not in message
    assert repr(fmt) in message and all(f in message for f in FORMATS)


def test_formats_are_the_four_documented() -> None:
    assert FORMATS == ("text", "json", "markdown", "html")


# --------------------------------------------------------------------------------------------
# json
# --------------------------------------------------------------------------------------------


def test_json_is_the_plain_model_dump_and_round_trips() -> None:
    b = _briefing()
    out = render(b, "json", article=ARTICLE)
    assert out == b.model_dump_json(indent=2)
    assert Briefing.model_validate_json(out) == b


# --------------------------------------------------------------------------------------------
# text
# --------------------------------------------------------------------------------------------


def test_text_holds_every_part_of_the_briefing() -> None:
    out = render(_briefing(), "text")
    for expected in [
        "North Korea fires missile <b>900 km</b> into sea", "Bottom line:", "Article date: 2026-01-04",
        "missile launch", "2026-01-04", "(on Sunday)", "flight distance: 900 km (about 900 km)", "actors: North Korea",
        "Kim Jong Un", "leader", "Pyongyang", "Korea Institute for",
        "local/tiny.gguf", "briefing@1", "Prompt hash  b2:0123456789ab", "v2", "3.2 s", "1,200 in / 340 out",
        "3 — quote: text: not in the article (×2); event_actor: not in the actors list",
    ]:
        assert expected in out, expected
    assert "b2:0123456789abcdef" not in out  # only a prefix of the prompt hash


def test_text_shows_every_note_as_a_warning_before_the_briefing() -> None:
    out = render(_briefing(), "text")
    assert out.count("WARNING") == 2
    assert "the bundled tiny model is for trying the tool" in out and "warning: the bundled" not in out
    assert out.index("WARNING") < out.index("512-token cap") < out.index("Bottom line:")


def test_text_puts_analysts_and_experts_first() -> None:
    out = render(_briefing(), "text")
    experts, others = out.index("Analysts and experts (1)"), out.index("Other quotes (1)")
    assert experts < others
    assert experts < out.index("Hong Min, analyst") < others


def test_text_says_quotes_when_no_expert_spoke() -> None:
    b = _briefing()
    b.quotes = b.quotes[:1]
    out = render(b, "text")
    assert "Quotes (1)" in out and "Analysts and experts" not in out


def test_text_is_plain_and_fits_the_width_unless_colour_is_asked() -> None:
    plain = render(_briefing(), "text")
    assert "\x1b[" not in plain
    assert max(len(line) for line in plain.splitlines()) <= TEXT_WIDTH
    assert "\x1b[" in render(_briefing(), "text", color=True)


def test_text_treats_rich_markup_in_the_article_as_words() -> None:
    b = _briefing()
    b.quotes[0].text = "[bold]loud[/] and [/unbalanced]"
    assert "[bold]loud[/] and [/unbalanced]" in render(b, "text")


def test_text_without_provenance_says_so() -> None:
    b = _briefing()
    b.provenance = None
    out = render(b, "text")
    assert "not recorded" in out and "WARNING" not in out


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (Quantity(value=900, unit="km", measure="flight distance", text="about 900 km"), "flight distance: 900 km (about 900 km)"),
        (Quantity(value=901.23, unit="km", measure="", text="560 miles"), "901.23 km (560 miles)"),
        (Quantity(value=30, unit="%", measure="share", text="30 percent"), "share: 30% (30 percent)"),
        (Quantity(value=12000, unit="troops", measure="count", text="12000 troops"), "count: 12,000 troops (12000 troops)"),
        (Quantity(value=None, unit="local time", measure="", text="7 p.m. local time"), "| 7 p.m. local time |"),
        (Quantity(value=2, unit="missiles", measure="count", text="2 missiles"), "count: 2 missiles"),
        (Quantity(value=None, unit="local time", measure="launch time", text="6:30 a.m."), "launch time: 6:30 a.m. local time"),
    ],
)
def test_quantities_show_the_figure_then_the_articles_words(quantity: Quantity, expected: str) -> None:
    b = _briefing()
    b.events[0].quantities = [quantity]
    assert expected in render(b, "markdown")


# --------------------------------------------------------------------------------------------
# markdown
# --------------------------------------------------------------------------------------------


def _cells(row: str) -> list[str]:
    """Split a Markdown table row on pipes that are not escaped."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def test_markdown_has_the_same_content_as_text() -> None:
    out = render(_briefing(), "markdown")
    assert out.startswith("# North Korea fires missile \\<b\\>900 km\\</b\\> into sea\n")
    assert "> **Warning:** the bundled tiny model is for trying the tool, not for analysis" in out
    assert "> **Warning:** an answer reached the 512-token cap and was cut" in out
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Events (3)", "## Actors (4)", "## Analysts and experts (1)", "## Other quotes (1)", "## Provenance",
    ]
    assert "900 km (about 900 km)" in out and "2026-01-04 (on Sunday)" in out
    assert "- **Model:** local/tiny.gguf" in out


def test_markdown_escapes_pipes_and_markup_so_tables_keep_their_shape() -> None:
    out = render(_briefing(), "markdown")
    tables = [block.splitlines() for block in out.split("\n\n") if block.startswith("|")]
    assert len(tables) == 4
    for table in tables:
        assert {len(_cells(row)) for row in table} == {len(_cells(table[0]))}
    assert "signal \\| not a {{ threat }}" in out
    assert "\\<script\\>alert(1)\\</script\\>" in out
    assert "<script>" not in out


def test_markdown_cells_stay_on_one_line() -> None:
    b = _briefing()
    b.events[0].what = "first line\nsecond | line"
    row = next(line for line in render(b, "markdown").splitlines() if "first line" in line)
    assert "first line second \\| line" in row and len(_cells(row)) == 6


# --------------------------------------------------------------------------------------------
# html
# --------------------------------------------------------------------------------------------


def test_html_is_well_formed_and_self_contained() -> None:
    page = render(_briefing(), "html", article=ARTICLE)
    found = _inspect(page)
    assert found.errors == []
    assert found.scripts == 0 and found.link_in_link == 0
    assert len(found.ids) == len(set(found.ids))
    assert not re.search(r"https?://|src=|<link|@import|url\(", page)
    assert "Content-Security-Policy" in page


def test_html_escapes_the_article_and_the_briefing() -> None:
    page = render(_briefing(), "html", article=ARTICLE)
    assert "<script>" not in page and "<b>" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2  # once in the article, once in the quote
    assert "&lt;b&gt;900 km&lt;/b&gt;" in page
    assert "{{ threat }}" in page  # braces are words, not a template


def test_html_shows_the_article_text_unchanged() -> None:
    assert _inspect(render(_briefing(), "html", article=ARTICLE)).article_text == ARTICLE


def test_html_highlights_wrap_exactly_their_spans() -> None:
    b = _briefing()
    found = _inspect(render(b, "html", article=ARTICLE))
    assert found.span_text == _expected_spans(b)


def test_html_marks_nest_actor_in_quote_in_event() -> None:
    page = render(_briefing(), "html", article=ARTICLE)
    event = page.index('id="e-1-0"')
    quote = page.index('id="q-0-0"')
    actor = page.index('id="a-0-1"')
    assert event < quote < actor
    assert '<mark class="quote" id="q-0-0" data-item="quote-0"' in page
    assert '<mark class="event fuzzy" id="e-1-0" data-item="event-1"' in page
    assert 'class="quote expert" id="q-1-0"' in page


def test_html_links_highlights_to_items_and_items_back() -> None:
    b = _briefing()
    found = _inspect(render(b, "html", article=ARTICLE))
    items = {f"event-{i}" for i in range(3)} | {f"actor-{i}" for i in range(4)} | {f"quote-{i}" for i in range(2)}
    assert items <= set(found.ids)
    targets = {h[1:] for h in found.hrefs}
    assert targets <= set(found.ids)  # every link lands somewhere
    assert {"quote-0", "quote-1", "event-0", "actor-2"} <= targets  # highlights link to items
    assert {"e-0-0", "e-1-0", "q-0-0", "q-1-0", "a-0-0", "a-1-0", "a-2-0"} <= targets  # items link back


def test_html_lists_items_without_a_span_as_not_located() -> None:
    page = render(_briefing(), "html", article=ARTICLE)
    event = page[page.index('id="event-2"'):]
    actor = page[page.index('id="actor-3"'):]
    assert event[: event.index("</li>")].count("not located in the article") == 1
    assert actor[: actor.index("</li>")].count("not located in the article") == 1
    assert "2 items not located in the article" in page


def test_html_puts_the_warning_legend_and_provenance_on_the_page() -> None:
    page = render(_briefing(), "html", article=ARTICLE)
    assert page.count('role="alert"') == 2 and "not for analysis" in page and "512-token cap" in page
    assert 'class="legend"' in page
    assert "local/tiny.gguf" in page and "<th>Prompt hash</th><td>b2:0123456789ab</td>" in page


def test_html_without_the_article_shows_the_briefing_alone() -> None:
    page = render(_briefing(), "html")
    found = _inspect(page)
    assert found.errors == [] and found.span_text == {}
    assert "not located" not in page and 'class="article"' not in page
    assert 'id="quote-1"' in page and "Analysts and experts" in page


def test_html_ignores_spans_outside_the_article() -> None:
    b = _briefing()
    b.quotes[0].span = Span(start=len(ARTICLE) - 2, end=len(ARTICLE) + 40)
    found = _inspect(render(b, "html", article=ARTICLE))
    assert found.errors == [] and "q-0-0" not in found.span_text


_SHORT = "abcdefghijklmnopqrst"


@pytest.mark.parametrize(
    "layout",
    [
        pytest.param({"event": (0, 20), "quote": (5, 15), "actor": [(7, 10)]}, id="nested"),
        pytest.param({"event": (0, 10), "quote": (5, 15), "actor": [(12, 18)]}, id="crossing"),
        pytest.param({"event": (3, 9), "quote": (3, 9), "actor": [(3, 9)]}, id="identical"),
        pytest.param({"event": (0, 5), "quote": (5, 10), "actor": [(10, 20)]}, id="adjacent"),
        pytest.param({"event": (2, 12), "quote": (4, 18), "actor": [(0, 6), (10, 14), (16, 20)]}, id="chain"),
        pytest.param({"event": (0, 20), "quote": (0, 20), "actor": [(0, 1), (19, 20)]}, id="edges"),
    ],
)
def test_html_overlapping_spans_nest_or_split_into_well_formed_tags(layout: dict) -> None:
    b = Briefing(
        headline="h", bottom_line="b",
        events=[Event(type=EventType.OTHER, what="w", sentence="s", span=Span(start=layout["event"][0], end=layout["event"][1]))],
        quotes=[Quote(text="q", span=Span(start=layout["quote"][0], end=layout["quote"][1]))],
        actors=[Actor(name="n", kind=ActorKind.OTHER, mentions=[Span(start=s, end=e) for s, e in layout["actor"]])],
    )
    found = _inspect(render(b, "html", article=_SHORT))
    assert found.errors == [] and found.link_in_link == 0
    assert found.article_text == _SHORT
    want = {"e-0-0": _SHORT[slice(*layout["event"])], "q-0-0": _SHORT[slice(*layout["quote"])]}
    want |= {f"a-0-{k}": _SHORT[s:e] for k, (s, e) in enumerate(layout["actor"])}
    assert found.span_text == want
    assert len(found.ids) == len(set(found.ids))


# --------------------------------------------------------------------------------------------
# text from the article is data in every page, inside elements and inside attributes
# --------------------------------------------------------------------------------------------

_HOSTILE = 'Crowds chanted <script>alert("hi")</script> outside, and O\'Neil said "it\'s <b>over</b>" & left.'


def _hostile_briefing() -> Briefing:
    quote = 'it\'s <b>over</b>'
    start, name = _HOSTILE.index(quote), _HOSTILE.index("O'Neil")
    return Briefing(
        headline='<script>alert("x")</script> "headline"',
        bottom_line="O'Neil & <i>co</i>",
        events=[Event(type=EventType.OTHER, what='<script>alert("what")</script>', sentence=_HOSTILE,
                      span=Span(start=0, end=len(_HOSTILE)))],
        actors=[Actor(name='O\'Neil "the <b>boss</b>"', kind=ActorKind.PERSON, mentions=[Span(start=name, end=name + 6)])],
        quotes=[Quote(text=quote, speaker='O\'Neil "<script>"', speaker_type=SpeakerType.OFFICIAL,
                      span=Span(start=start, end=start + len(quote)))],
    )


def test_html_escapes_script_and_quotes_from_the_article_in_text_and_attributes() -> None:
    page = render(_hostile_briefing(), "html", article=_HOSTILE)
    found = _inspect(page)
    assert found.errors == [] and found.scripts == 0
    assert "<script" not in page and "<b>" not in page and "<i>" not in page
    assert found.article_text == _HOSTILE  # the article reads as written once the entities are decoded
    assert "&lt;script&gt;alert(&#34;hi&#34;)&lt;/script&gt;" in page
    assert 'O\'Neil' not in page and "O&#39;Neil" in page  # quotes escaped in text and in title="..."
    titles = re.findall(r'title="([^"]*)"', page)
    assert any("&#34;&lt;script&gt;&#34;" in t for t in titles)  # the speaker inside a highlight's title


def test_markdown_escapes_markup_from_the_article() -> None:
    out = render(_hostile_briefing(), "markdown")
    assert "<script>" not in out and "\\<script\\>" in out
