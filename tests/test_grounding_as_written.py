"""What a reader sees is what the article says: quotes in the article's own characters, names
matched only as whole names, numbers read as written, sentences cut only where they end.

Every article here is a small invented case; each test fails on the behaviour it guards against.
"""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from summarise.cli import main
from summarise.grounding import find_actor_candidates, find_quantities, ground_briefing, split_sentences
from summarise.rules import rules_briefing
from summarise.schemas import BriefingDraft, MatchStatus

# --------------------------------------------------------------------------------------------
# quotes: the article's own characters between the marks
# --------------------------------------------------------------------------------------------

HARBOUR = (
    "PORT ELLIS, May 4, 2026 (Wire) \u2014 The harbour stayed shut on Monday as the storm went on.\n\n"
    "\u201cWe can\u2019t open the docks until the wind drops, and nobody\u2019s boat leaves before then,\u201d "
    "said Ona Vell, the harbour master.\n"
)
CURLY = "We can\u2019t open the docks until the wind drops, and nobody\u2019s boat leaves before then"


def test_rules_quote_keeps_the_curly_apostrophe() -> None:
    (quote,) = rules_briefing(HARBOUR).quotes
    assert quote.text == CURLY
    assert HARBOUR[quote.span.start : quote.span.end] == quote.text
    assert quote.span.status == MatchStatus.EXACT


def test_a_models_straight_apostrophe_comes_back_as_the_articles_curly_one() -> None:
    typed = CURLY.replace("\u2019", "'")
    draft = BriefingDraft.model_validate(
        {"headline": "Harbour shut", "bottom_line": "The harbour stayed shut.", "quotes": [{"text": f'"{typed}"', "speaker": "Ona Vell"}]},
        context={"article": HARBOUR},
    )
    briefing, drops = ground_briefing(draft, HARBOUR)
    assert drops == []
    (quote,) = briefing.quotes
    assert quote.text == CURLY
    assert quote.span.status == MatchStatus.EXACT


def test_a_quote_ending_in_an_apostrophe_keeps_it() -> None:
    article = 'A grower said the new rule "will hurt small growers and all the other farmers\u2019" before he left.\n'
    draft = BriefingDraft.model_validate(
        {"headline": "H", "bottom_line": "B", "quotes": [{"text": "will hurt small growers and all the other farmers\u2019"}]},
        context={"article": article},
    )
    (quote,) = ground_briefing(draft, article)[0].quotes
    assert quote.text.endswith("farmers\u2019")


def test_cli_json_shows_the_articles_characters() -> None:
    def entry() -> None:
        import sys

        sys.argv = ["summarise", "brief", "-", "--model", "rules", "--format", "json"]
        main()

    wrapper = typer.Typer()
    wrapper.command()(entry)
    result = CliRunner().invoke(wrapper, [], input=HARBOUR)
    assert result.exit_code == 0, result.stderr
    (quote,) = json.loads(result.stdout)[0]["quotes"]
    assert quote["text"] == CURLY
    assert HARBOUR[quote["span"]["start"] : quote["span"]["end"]] == quote["text"]


# --------------------------------------------------------------------------------------------
# names: whole names only, never the head of a longer one
# --------------------------------------------------------------------------------------------

BORDER = (
    "SEOUL, March 3, 2026 (Wire) \u2014 South Korea said on Monday that the North Korean navy fired two shells "
    "near a border island. Officials in Seoul said the North Korea border units were on alert.\n"
)


def _state(article: str, name: str):
    return next(a for a in rules_briefing(article).actors if a.name == name)


def test_an_alias_inside_a_longer_name_is_no_alias() -> None:
    north = _state(BORDER, "North Korea")
    assert "the North" not in north.aliases
    assert all(BORDER[m.start : m.end] != "the North" for m in north.mentions)
    candidate = next(c for c in find_actor_candidates(BORDER) if c.name == "North Korea")
    assert "the North" not in candidate.aliases


def test_an_alias_on_its_own_still_counts() -> None:
    article = BORDER + "Seoul said the North fired again later that day, and the North said nothing.\n"
    north = _state(article, "North Korea")
    assert "the North" in north.aliases
    assert {article[m.start : m.end] for m in north.mentions} >= {"the North"}


def test_a_sea_named_after_a_direction_is_no_mention_of_a_state() -> None:
    article = (
        "MANILA, June 2, 2026 (Wire) \u2014 South Korea sent a ship to the South China Sea on Monday, and "
        "the South said it would stay a week.\n"
    )
    south = _state(article, "South Korea")
    assert all(article[m.start : m.end] != "the South" or article[m.end : m.end + 6] != " China" for m in south.mentions)


def test_a_title_before_a_name_is_no_alias_of_its_own() -> None:
    article = (
        "PYONGYANG, March 3, 2026 (Wire) \u2014 State media said the North Korean leader Kim Jong Un watched a drill "
        "on Monday. Kim Jong Un said the troops were ready.\n"
    )
    kim = next(c for c in find_actor_candidates(article) if c.name == "Kim Jong Un")
    assert "the North Korean leader" not in kim.aliases
    again = article + "South Korea said the North Korean leader was defiant.\n"
    kim = next(c for c in find_actor_candidates(again) if c.name == "Kim Jong Un")
    assert "the North Korean leader" in kim.aliases


# --------------------------------------------------------------------------------------------
# numbers: read as written, in words or digits, with their scale and unit
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About sixty-five people were hurt in the crush.", [(65.0, "people", "count", "About sixty-five people")]),
        ("The army moved two hundred tanks to the border.", [(200.0, "tanks", "count", "two hundred tanks")]),
        ("The tanker carried 1.5 million barrels of crude.", [(1.5e6, "barrels", "count", "1.5 million barrels")]),
        ("Rebels fired two point five million rounds at the fort.", [(2.5e6, "rounds", "count", "two point five million rounds")]),
        ("They sent 2 thousand troops to the pass.", [(2000.0, "troops", "count", "2 thousand troops")]),
        ("Half a million people were displaced by the floods.", [(5e5, "people", "count", "Half a million people")]),
        ("Two dozen ships were seen off the cape.", [(24.0, "ships", "count", "Two dozen ships")]),
        ("The drone flew 40 mi. before it came down.", [(64.0, "km", "flight distance", "40 mi.")]),
        ("The two boats stayed 12 nmi apart all day.", [(2.0, "boats", "count", "two boats"), (22.0, "km", "distance", "12 nmi")]),
        ("The drone flew forty miles before it came down.", [(64.0, "km", "flight distance", "forty miles")]),
        ("Hundreds of people and tens of thousands of troops were there.", []),  # no amount stated
        ("A sixty-five-year-old man was hurt.", []),  # an age is no span of time that passed
    ],
)
def test_numbers_as_written(sentence: str, expected: list[tuple]) -> None:
    found = [(q.value, q.unit, q.measure, q.text) for q in find_quantities(sentence)]
    assert found == expected
    assert all(q.text in sentence for q in find_quantities(sentence))


# --------------------------------------------------------------------------------------------
# sentences: an abbreviation's dot ends a sentence only where the sentence ends
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The coast guard saw the boat at 7:50 a.m. Monday. The ministry said the crew was safe.",
            ["The coast guard saw the boat at 7:50 a.m. Monday.", "The ministry said the crew was safe."],
        ),
        (
            "The drill began at 9 a.m. The ministry said it ended by noon.",
            ["The drill began at 9 a.m.", "The ministry said it ended by noon."],
        ),
        (
            "The launch came at 6:10 a.m. Seoul time on Friday. Officials said more may follow.",
            ["The launch came at 6:10 a.m. Seoul time on Friday.", "Officials said more may follow."],
        ),
        (
            "It landed at 6 p.m. GMT near the coast. The U.S. Navy said it tracked the flight.",
            ["It landed at 6 p.m. GMT near the coast.", "The U.S. Navy said it tracked the flight."],
        ),
        (
            "The cargo was seized by the U.S. The ministry called it theft.",
            ["The cargo was seized by the U.S.", "The ministry called it theft."],
        ),
    ],
)
def test_abbreviations_end_a_sentence_only_where_it_ends(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected
