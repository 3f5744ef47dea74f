"""The rules extractor on the seed articles: right speakers, no invented words, true spans."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from summarise.articles import read_article
from summarise.rules import extract_rules, rules_briefing
from summarise.schemas import ActorKind, Briefing, SpeakerType
from summarise.text import contains, normalise

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "evals" / "seeds" / "articles").glob("*.txt"))
#: Rules are the baseline a model must beat on cost too: well under a second an article.
MAX_SECONDS_PER_ARTICLE = 1.0


def _article(path: Path) -> str:
    return read_article(path).text


@pytest.fixture(scope="module", params=SEEDS, ids=[p.stem for p in SEEDS])
def seed(request: pytest.FixtureRequest) -> tuple[str, Briefing]:
    text = _article(request.param)
    return text, rules_briefing(text)


def test_seeds_exist() -> None:
    assert len(SEEDS) >= 3


def test_hong_min_is_the_analyst() -> None:
    text = _article(next(p for p in SEEDS if "Hong Min" in p.read_text(encoding="utf-8")))
    briefing = rules_briefing(text)
    (quote,) = [q for q in briefing.quotes if q.text.startswith("The underlying message")]
    assert quote.speaker == "Hong Min"
    assert quote.speaker_type == SpeakerType.ANALYST
    assert quote.speaker_affiliation == "Korea Institute for National Unification"
    assert quote.text.endswith("as easy as a strike on Venezuela")  # no trailing comma from the marks
    assert quote in briefing.analyst_quotes
    # 'regime change' stands in single marks: a scare quote, not a quote
    assert not any("regime change" in q.text for q in briefing.quotes)


def test_no_quote_outside_the_article(seed: tuple[str, Briefing]) -> None:
    text, briefing = seed
    for quote in briefing.quotes:
        assert contains(text, quote.text)


def test_every_span_points_at_its_words(seed: tuple[str, Briefing]) -> None:
    text, briefing = seed
    for quote in briefing.quotes:
        assert quote.span is not None
        assert normalise(text[quote.span.start : quote.span.end]) == normalise(quote.text)
    for event in briefing.events:
        assert event.span is not None
        assert normalise(text[event.span.start : event.span.end]) == normalise(event.sentence)
    for actor in briefing.actors:
        assert actor.mentions
        for m in actor.mentions:
            assert normalise(text[m.start : m.end]) in {normalise(n) for n in (actor.name, *actor.aliases)}


def test_event_actors_are_listed_actors(seed: tuple[str, Briefing]) -> None:
    _, briefing = seed
    names = {a.name for a in briefing.actors}
    for event in briefing.events:
        assert set(event.actors) <= names


def test_launch_found_with_its_date() -> None:
    text = _article(SEEDS[0])
    briefing = rules_briefing(text)
    launch = next(e for e in briefing.events if e.type.value == "missile_launch")
    assert str(launch.date) == "2026-01-04"
    assert "North Korea" in launch.actors
    assert any(q.unit == "km" and q.value == 900 for q in launch.quantities)


def test_states_found_with_capitals_as_aliases() -> None:
    briefing = rules_briefing(_article(SEEDS[0]))
    actors = {a.name: a for a in briefing.actors}
    assert actors["North Korea"].kind == ActorKind.STATE
    assert "Pyongyang" in actors["North Korea"].aliases


def test_headline_and_bottom_line(seed: tuple[str, Briefing]) -> None:
    text, briefing = seed
    assert briefing.headline and len(briefing.headline) <= 200
    assert not briefing.headline.lower().startswith("you are currently viewing")
    assert briefing.bottom_line and contains(text, briefing.bottom_line.split(". ")[0])


def test_deterministic_and_fast() -> None:
    for path in SEEDS:
        text = _article(path)
        started = time.perf_counter()
        first = extract_rules(text)
        elapsed = time.perf_counter() - started
        assert elapsed < MAX_SECONDS_PER_ARTICLE
        assert extract_rules(text).model_dump() == first.model_dump()


@pytest.mark.parametrize("text", ["", "Short.", "No quotes, no names, nothing happening here at all."])
def test_thin_input_gives_an_empty_briefing(text: str) -> None:
    briefing = rules_briefing(text)
    assert briefing.quotes == [] and briefing.events == []


def test_a_long_headline_on_the_first_line_is_no_part_of_the_lead() -> None:
    article = (
        "Valdoria fires a long-range missile that could reach the whole mainland of Ostland, officials say\n"
        "Valdoria launched a long-range ballistic missile on Monday, officials said, its second launch in a week.\n"
    )
    briefing = rules_briefing(article)
    assert briefing.bottom_line.startswith("Valdoria launched")
    assert all(not e.sentence.startswith("Valdoria fires") for e in briefing.events)
