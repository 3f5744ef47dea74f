"""The article's date, where it comes from, and the dates read against it (issue 11).

Every article here is invented for the test: a made-up republic firing a made-up missile.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import httpx2
import pytest

import summarise
import summarise.extract as extract
from summarise.articles import Article, parse_article
from summarise.backends import open_backend, parse_spec
from summarise.config import Settings
from summarise.errors import ConfigError
from summarise.grounding import article_date, resolve_date
from summarise.hashing import content_hash
from summarise.rules import rules_briefing
from summarise.runs import run_eval

from .conftest import completion
from .conftest import run_cli as _run_cli

WEDNESDAY = dt.date(2026, 3, 4)
MONDAY = dt.date(2026, 3, 9)

LAUNCH = (
    "Freedonia tests a missile\n\n"
    "The navy of Freedonia fired a ballistic missile into the sea on Monday, the defence ministry said.\n\n"
    "The missile flew about 300 km before it fell into the water.\n"
)

_PARAGRAPHS = (
    "<p>The navy of Freedonia fired a ballistic missile into the sea on Monday, the defence ministry of the "
    "small coastal republic said in a short statement read out on state television.</p>"
    "<p>The missile flew about 300 km before it fell into the water, according to the ministry, which gave "
    "no other details of the launch or of the type of weapon tested.</p>"
    "<p>Neighbouring governments said they were studying the launch and would consult their allies.</p>"
)


def _page(head: str = "", foot: str = "", lead: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>Freedonia tests a missile</title>{head}</head><body><article>"
        f"<h1>Freedonia tests a missile</h1>{lead}{_PARAGRAPHS}</article>{foot}</body></html>"
    )


def _launch_dates(briefing) -> list[dt.date | None]:
    return [e.date for e in briefing.events if e.type.value == "missile_launch"]


# --------------------------------------------------------------------------------------------
# the command line and the Python API
# --------------------------------------------------------------------------------------------


def test_cli_date_decides_which_monday(tmp_path: Path) -> None:
    path = tmp_path / "launch.txt"
    path.write_text(LAUNCH, encoding="utf-8")
    seen = {}
    for given in ("2026-03-04", "2026-03-09"):
        result = _run_cli("brief", str(path), "--model", "rules", "--format", "json", "--date", given)
        assert result.exit_code == 0, result.stderr
        (data,) = json.loads(result.stdout)
        assert data["article_date"] == given
        seen[given] = [e["date"] for e in data["events"] if e["type"] == "missile_launch"]
    # a Wednesday paper's "Monday" is two days back; a Monday paper's "Monday" is that very day
    assert seen == {"2026-03-04": ["2026-03-02"], "2026-03-09": ["2026-03-09"]}


@pytest.mark.parametrize("given", ["2026-02-30", "04/03/2026", "yesterday", ""])
def test_a_bad_cli_date_is_one_line_and_a_config_error(tmp_path: Path, given: str) -> None:
    path = tmp_path / "launch.txt"
    path.write_text(LAUNCH, encoding="utf-8")
    # with several articles too: the date is checked before any is read, so none is briefed
    result = _run_cli("brief", str(path), str(path), "--model", "rules", "--date", given)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "YYYY-MM-DD" in lines[0]


def test_python_api_takes_a_date_or_its_iso_text() -> None:
    assert _launch_dates(summarise.brief(LAUNCH, model="rules", date=WEDNESDAY)) == [dt.date(2026, 3, 2)]
    briefing = summarise.brief(LAUNCH, model="rules", date="2026-03-09")
    assert briefing.article_date == MONDAY and _launch_dates(briefing) == [MONDAY]
    with pytest.raises(ConfigError, match="not a calendar day"):
        summarise.brief(LAUNCH, model="rules", date="2026-13-01")


def test_with_no_date_anywhere_a_weekday_pins_nothing() -> None:
    briefing = summarise.brief(LAUNCH, model="rules")
    assert briefing.article_date is None
    assert _launch_dates(briefing) == [None]
    assert [e.date_text for e in briefing.events if e.type.value == "missile_launch"] == ["Monday"]


def test_the_given_date_beats_the_texts_own_date_line() -> None:
    dated = "FREEDONIA CITY, March 4, 2026 (Wire) \u2014 " + LAUNCH.split("\n\n", 1)[1]
    assert summarise.brief(dated, model="rules").article_date == WEDNESDAY
    briefing = summarise.brief(dated, model="rules", date=MONDAY)
    assert briefing.article_date == MONDAY and _launch_dates(briefing) == [MONDAY]


def test_the_grounded_strategy_reads_weekdays_against_the_given_date(monkeypatch: pytest.MonkeyPatch) -> None:
    # one answer that is valid for every narrow question the grounded prompt may ask
    answer = json.dumps({"speaker": "unknown", "type": "not_an_event", "sentence": "1"})

    def handle(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, json=completion(answer, as_content=True))

    backend = open_backend(
        parse_spec("llamacpp/m", "http://x/v1"), Settings(), http_client=httpx2.Client(transport=httpx2.MockTransport(handle))
    )
    monkeypatch.setattr(extract, "get_backend", lambda spec, settings: backend)
    briefing = summarise.brief(LAUNCH, model="llamacpp/m", prompt="briefing@v2", date=WEDNESDAY)
    assert briefing.provenance is not None and briefing.provenance.strategy == "grounded"
    assert briefing.article_date == WEDNESDAY
    assert _launch_dates(briefing) == [dt.date(2026, 3, 2)]


# --------------------------------------------------------------------------------------------
# HTML pages: the page's own metadata
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2026-03-04T08:00:00Z">',
        '<meta name="date" content="2026-03-04">',
        # the publication, not the later edit
        '<meta property="article:modified_time" content="2026-03-09T10:00:00Z">'
        '<meta property="article:published_time" content="2026-03-04T08:00:00Z">',
    ],
)
def test_an_html_pages_publication_date_dates_its_weekdays(head: str) -> None:
    page = _page(head)
    assert parse_article(page, "page.html").published == WEDNESDAY
    briefing = summarise.brief(page, model="rules")
    assert briefing.article_date == WEDNESDAY
    assert _launch_dates(briefing) == [dt.date(2026, 3, 2)]


def test_an_html_page_without_a_date_in_its_markup_gets_none_guessed() -> None:
    # a copyright year and a date in the footer text are not the page's publication date
    page = _page(foot="<footer><p>Copyright 2019 Example Media. Page generated on 12 May 2021.</p></footer>")
    assert parse_article(page, "page.html").published is None
    assert _launch_dates(summarise.brief(page, model="rules")) == [None]


def test_page_metadata_beats_the_date_line_and_the_reader_beats_both() -> None:
    lead = "<p>FREEDONIA CITY, March 9, 2026 (Wire) \u2014 A test.</p>"
    page = _page('<meta property="article:published_time" content="2026-03-04T08:00:00Z">', lead=lead)
    assert summarise.brief(page, model="rules").article_date == WEDNESDAY
    assert summarise.brief(page, model="rules", date="2026-03-09").article_date == MONDAY


# --------------------------------------------------------------------------------------------
# the date line in the text, and the words read against it
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later edit does not redate the story, whichever label comes first
        ("Title\nUpdated: March 9, 2026\nPublished: March 4, 2026\nBody text.", WEDNESDAY),
        ("Title\nLast updated: 2026-03-09\n\nFREEDONIA CITY, March 4, 2026 (Wire) \u2014 Body.", WEDNESDAY),
        # an update is still better than nothing
        ("Title\nUpdated: March 9, 2026\nBody text.", MONDAY),
    ],
)
def test_publication_beats_update_in_the_texts_own_date(text: str, expected: dt.date) -> None:
    assert article_date(text) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("overnight", WEDNESDAY),  # the night that ended on the article's day
        ("yesterday", dt.date(2026, 3, 3)),
        ("last night", dt.date(2026, 3, 3)),
        ("the day before yesterday", dt.date(2026, 3, 2)),
        ("Friday's attack", dt.date(2026, 2, 27)),
        ("on Wednesday", WEDNESDAY),  # the article's own weekday is that day
        ("last Wednesday", dt.date(2026, 2, 25)),  # never the article's own day
        ("Last Wednesday", dt.date(2026, 2, 25)),  # at the head of a sentence too
        ("last Friday", dt.date(2026, 2, 27)),
        ("next Friday", None),  # a plan, and which week is open
        ("last week", None),  # not a day
        ("Tuesday last week", dt.date(2026, 2, 24)),  # the Tuesday of the week before, not this week's
        ("Monday of last week", dt.date(2026, 2, 23)),
        ("earlier this week", None),
    ],
)
def test_relative_words_against_a_wednesday(phrase: str, expected: dt.date | None) -> None:
    assert resolve_date(phrase, WEDNESDAY) == expected


def test_overnight_and_yesterday_date_events_and_a_named_night_wins() -> None:
    text = (
        "FREEDONIA CITY, March 4, 2026 (Wire) \u2014 The navy of Freedonia fired a ballistic missile into the "
        "sea overnight, the defence ministry said.\n\n"
        "Drones struck a fuel depot in the port of Sylvania yesterday, officials said.\n\n"
        "Artillery shelled the border town of Marsovia overnight into Monday, the army said.\n"
    )
    briefing = rules_briefing(text)
    dated = {e.sentence.split()[0]: (e.date, e.date_text) for e in briefing.events}
    assert dated["The"] == (WEDNESDAY, "overnight")
    assert dated["Drones"] == (dt.date(2026, 3, 3), "yesterday")
    assert dated["Artillery"] == (dt.date(2026, 3, 2), "Monday")


# --------------------------------------------------------------------------------------------
# the response cache
# --------------------------------------------------------------------------------------------


def test_two_dates_never_share_a_cached_answer(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    prompt = SimpleNamespace(name="briefing", version="v1", spec="briefing@v1", hash="b2:fakeprompt")
    calls: list[dt.date | None] = []

    def fake_model(article: Article, *, model: str, prompt: str | None = None, settings=None):
        if model != "rules":
            calls.append(article.published)
        return extract.extract_briefing(article, model="rules")

    def suite(published: dt.date | None) -> SimpleNamespace:
        article = Article(text=LAUNCH, source="launch.txt", published=published)
        return SimpleNamespace(name="s", path="s", items=[SimpleNamespace(id="a", article=article, gold=None, gold_path=None)])

    answers = []
    for n, published in enumerate([WEDNESDAY, MONDAY, WEDNESDAY, None]):
        run_dir = run_eval(suite(published), model="fake/m", prompt=prompt, settings=settings, run_dir=tmp_path / f"r{n}", extract_fn=fake_model)
        line = json.loads((run_dir / "results.jsonl").read_text().splitlines()[0])
        answers.append((line["cached"], line["briefing"]["article_date"]))
    assert answers == [(False, "2026-03-04"), (False, "2026-03-09"), (True, "2026-03-04"), (False, None)]
    assert calls == [WEDNESDAY, MONDAY, None]
    # an undated article keeps the hash of its text alone, so answers cached before dates existed stay valid
    assert Article(text=LAUNCH, source="x").hash == content_hash(LAUNCH)
