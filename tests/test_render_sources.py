"""Rendering what a merged briefing adds: who found each item, where the model and the rules
disagreed, and the article passages each bottom-line sentence rests on."""

from __future__ import annotations

import re

from summarise.render import render
from summarise.schemas import Briefing, Span, Support
from .test_render import ARTICLE, SENTENCE_1, _briefing, _inspect

FLAG = "date: the model said 2026-01-03, the rules 2026-01-04; kept 2026-01-04, the day the evidence sentence pins"
SPEAKER_FLAG = "speaker: the model said <b>Kim</b>, the rules Hong Min; kept Hong Min, whom the text names at the quote"
PASSAGE = "North Korea fired a ballistic missile on Sunday"


def _merged() -> Briefing:
    """The shared test briefing as a merge leaves it: sources on every item, two flags, a supported bottom line."""
    b = _briefing()
    for item in (*b.events, *b.actors, *b.quotes):
        item.source = "rules"
    b.events[0].source = "both"
    b.events[0].flags = [FLAG]
    b.quotes[1].source = "both"
    b.quotes[1].flags = [SPEAKER_FLAG]
    b.actors[0].source = "model"
    start = ARTICLE.index(PASSAGE)
    b.bottom_line_support = [
        Support(sentence="Pyongyang's first launch of the year.", spans=[Span(start=start, end=start + len(PASSAGE))]),
        Support(sentence="Analysts read it as a signal.", spans=[]),
    ]
    return b


def test_text_marks_each_items_source_and_lists_the_flags_with_their_items() -> None:
    text = render(_merged(), "text", article=ARTICLE)
    assert text.count("Source") == 4  # events, actors and the two quote sections
    assert "model + rules" in text and "rules" in text
    assert "Where the model and the rules disagreed (2)" in text
    flat = " ".join(text.split())
    assert "Event 1 (missile launch): " + FLAG in flat
    assert "kept Hong Min, whom the text names at the quote" in flat
    assert f"rests on (1): “{PASSAGE}”" in flat


def test_text_and_markdown_of_an_unmerged_briefing_show_no_source_or_flags() -> None:
    for fmt in ("text", "markdown"):
        page = render(_briefing(), fmt, article=ARTICLE)
        assert "Source" not in page and "disagreed" not in page and "rests on" not in page


def test_markdown_has_a_source_column_the_flags_and_the_support() -> None:
    page = render(_merged(), "markdown", article=ARTICLE)
    assert "| Type | Date | Place | What | Quantities | Actors | Source |" in page
    assert re.search(r"^\| North Korea \| state \|.*\| model \|$", page, re.MULTILINE)
    assert "## Where the model and the rules disagreed (2)" in page
    assert "- **Event 1 (missile launch):** " + FLAG in page
    assert "the model said \\<b\\>Kim\\</b\\>, the rules Hong Min" in page  # markup from a flag is escaped
    assert f"- “{PASSAGE}”" in page


def test_html_items_carry_their_source_and_flags() -> None:
    page = render(_merged(), "html", article=ARTICLE)
    found = _inspect(page)
    assert found.errors == [] and found.scripts == 0 and found.link_in_link == 0
    event = page[page.index('id="event-0"'):]
    event = event[: event.index("</li>", event.index('class="flags"')) + 5]
    assert '<span class="chip source" title="who found it">model + rules</span>' in event
    assert FLAG in event
    quote = page[page.index('id="quote-1"'):]
    assert "&lt;b&gt;Kim&lt;/b&gt;" in quote[: quote.index("</ul>")]  # a flag is words, not markup
    actor = page[page.index('id="actor-0"'):]
    assert '<span class="chip source" title="who found it">model</span>' in actor[: actor.index("</li>")]


def test_html_links_each_bottom_line_sentence_to_the_passages_it_rests_on() -> None:
    b = _merged()
    page = render(b, "html", article=ARTICLE)
    found = _inspect(page)
    assert found.span_text["s-0-0"] == PASSAGE  # the highlight wraps exactly the passage
    assert "support-0" in found.ids and "s-0-0" in found.ids
    assert "#s-0-0" in found.hrefs  # the sentence links down to its passage...
    assert "#support-0" in found.hrefs or "#event-0" in found.hrefs  # ...and the article back up
    assert {h[1:] for h in found.hrefs} <= set(found.ids)
    header = page[page.index("<header"): page.index("</header>")]
    assert f"“{PASSAGE}” ↑" in header
    assert "rests on no passage of the article" in header  # the second sentence, said plainly
    assert "Bottom-line support" in page  # in the legend
    # the other highlights are where they were
    assert found.span_text["e-0-0"] == SENTENCE_1


def test_html_without_the_article_still_lists_the_bottom_lines_sentences() -> None:
    page = render(_merged(), "html")
    found = _inspect(page)
    assert found.errors == [] and found.span_text == {}
    header = page[page.index("<header"): page.index("</header>")]
    assert "Pyongyang&#39;s first launch of the year." in header
    assert "passage 1" in header and "#s-0-0" not in page


def test_html_shows_a_bottom_line_made_of_its_supported_sentences_once_each_linked_to_its_passage() -> None:
    b = _merged()
    start = ARTICLE.index(SENTENCE_1)
    b.bottom_line = SENTENCE_1  # the rules' bottom line: the article's own sentence
    b.bottom_line_support = [Support(sentence=SENTENCE_1, spans=[Span(start=start, end=start + len(SENTENCE_1))])]
    page = render(b, "html", article=ARTICLE)
    found = _inspect(page)
    assert found.errors == [] and found.link_in_link == 0
    header = page[page.index("<header"): page.index("</header>")]
    assert header.count("North Korea fired a ballistic missile on Sunday") == 1  # not repeated under itself
    assert '<span class="support-sentence" id="support-0"><a href="#s-0-0">' in header
    assert found.span_text["s-0-0"] == SENTENCE_1 and {h[1:] for h in found.hrefs} <= set(found.ids)
    assert "support-list" not in header


def test_text_and_markdown_list_a_passage_only_where_it_is_not_the_sentence_itself() -> None:
    b = _merged()
    start = ARTICLE.index(SENTENCE_1)
    b.bottom_line = SENTENCE_1
    b.bottom_line_support = [Support(sentence=SENTENCE_1, spans=[Span(start=start, end=start + len(SENTENCE_1))])]
    for fmt in ("text", "markdown"):
        page = render(b, fmt, article=ARTICLE)
        assert "rests on" not in page
        assert " ".join(page.split()).count("fired a ballistic missile on Sunday that flew") == 1  # the bottom line, once
