"""Claims in a model's own words: every number, date and name must be one the article holds.

The articles below are invented for these tests. Each check pairs a claim the article supports
(in other words, other units, another name for the same actor) with one it does not: a checker
that waved everything through, or flagged everything, fails here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import summarise
from summarise.grounding import Claim, ground_briefing, support_spans, unsupported_claims
from summarise.rules import rules_briefing
from summarise.schemas import BriefingDraft, Span

#: A Monday: "on Sunday" in the article is 4 January 2026.
MONDAY = dt.date(2026, 1, 5)

LAUNCH = """North Korea test-fires missile into eastern sea

SEOUL -- North Korea fired a ballistic missile on Sunday that flew about 900 kilometres before falling into the sea, South Korea's military said.
The launch came at 7:50 a.m. local time and was the North's second test of 2026, the Joint Chiefs of Staff said in a statement.
Defence Minister Han Dae-sung called it a grave provocation and said Seoul and Tokyo would share their tracking data.
Japanese officials said the missile landed outside Japan's exclusive economic zone.
Pyongyang's state media said leader Kim Jong Un watched the test with a pair of senior generals.
The United States pledged $1.5 billion in new security aid to the region, a 12 percent rise.
Nearly 1,000 troops were put on alert near the border.
"""

NO_DATE = """Coast guard seizes fishing boat

The coast guard of Niger said its patrol stopped a fishing boat on Jan. 4 near the river port of Ayorou.
Its commander, Colonel Idrissa Maiga, said the crew of six had no permit.
"""


def kinds(claims: list[Claim]) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in claims]


# --------------------------------------------------------------------------------------------
# The claim itself
# --------------------------------------------------------------------------------------------


def test_a_claim_says_what_was_written_and_why_it_fails() -> None:
    claims = unsupported_claims("The missile flew 348 miles.", LAUNCH, article_date=MONDAY)
    assert len(claims) == 1
    claim = claims[0]
    assert claim.kind == "number"
    assert claim.text == "348 miles"
    assert "348 miles" in claim.reason and "560 km" in claim.reason and "not in the article" in claim.reason
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.text = "900 km"  # type: ignore[misc]


def test_a_plain_sentence_makes_no_claims() -> None:
    assert unsupported_claims("The military said the missile fell into the sea.", LAUNCH, article_date=MONDAY) == []


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "The missile flew 900 km.",
        "The missile flew 900 kilometres.",
        "The missile flew 559 miles.",  # 900 km converted
        "The missile flew about 560 mi.",  # a writer's rounding of the conversion
        "The missile flew roughly 900 kilometers.",
    ],
)
def test_a_distance_is_supported_in_any_unit(written: str) -> None:
    assert unsupported_claims(written, LAUNCH, article_date=MONDAY) == []


@pytest.mark.parametrize("written", ["The missile flew 800 km.", "The missile flew 900 miles.", "The missile flew 1,448 kilometres."])
def test_a_distance_the_article_does_not_give_is_a_claim(written: str) -> None:
    assert [c.kind for c in unsupported_claims(written, LAUNCH, article_date=MONDAY)] == ["number"]


def test_a_figure_and_its_conversion_are_one_claim() -> None:
    claims = unsupported_claims("The missile flew 560 km (348 mi) east.", LAUNCH, article_date=MONDAY)
    assert claims == [Claim(kind="number", text="560 km (348 mi)", reason="the number 560 km (348 mi) is not in the article")]
    assert unsupported_claims("The missile flew 559 miles (900 km) east.", LAUNCH, article_date=MONDAY) == []
    # a range holds only when both of its ends do
    assert kinds(unsupported_claims("The missile flew 900 to 950 km.", LAUNCH, article_date=MONDAY)) == [
        ("number", "900 to 950 km")
    ]


def test_money_percent_and_counts_compare_by_value() -> None:
    held = "Washington pledged 1.5bn dollars in aid, up 12%, and Kim watched with two generals."
    assert unsupported_claims(held, LAUNCH, article_date=MONDAY) == []
    invented = "Washington pledged $2 billion in aid, up 15 percent, and Kim watched with three generals."
    assert kinds(unsupported_claims(invented, LAUNCH, article_date=MONDAY)) == [
        ("number", "$2 billion"),
        ("number", "15 percent"),
        ("number", "three"),
    ]


def test_a_writer_may_round_but_not_invent() -> None:
    assert unsupported_claims("About 1,000 troops were put on alert.", LAUNCH, article_date=MONDAY) == []
    assert kinds(unsupported_claims("About 1,200 troops were put on alert.", LAUNCH, article_date=MONDAY)) == [
        ("number", "1,200")
    ]
    rounded = "A rocket flew 897 kilometres."
    assert unsupported_claims("The rocket flew about 900 km.", rounded) == []
    assert kinds(unsupported_claims("The rocket flew about 950 km.", rounded)) == [("number", "about 950 km")]


@pytest.mark.parametrize(
    ("written", "held"),
    [
        ("Russia fired 48 drones.", True),
        ("Russia fired nearly 50 drones.", True),  # a hedge that reaches down to the article's figure
        ("Russia fired more than 40 drones.", True),
        ("Russia fired about 50 drones.", True),
        ("Russia fired 50 drones.", False),  # a bare round figure is a different number
        ("Russia fired more than 50 drones.", False),  # the hedge points the wrong way
        ("Russia fired nearly 40 drones.", False),
    ],
)
def test_a_hedge_allows_the_figure_it_says(written: str, held: bool) -> None:
    article = "Russia launched 48 drones at the port overnight, the air force said."
    assert (unsupported_claims(written, article) == []) is held


def test_times_ordinals_and_years_count_as_claims() -> None:
    held = "The second launch of 2026 came at 7:50 a.m."
    assert unsupported_claims(held, LAUNCH, article_date=MONDAY) == []
    invented = "The third launch of 2025 came at 8:50 a.m."
    assert sorted(kinds(unsupported_claims(invented, LAUNCH, article_date=MONDAY))) == [
        ("date", "2025"),
        ("number", "8:50 a.m."),
        ("number", "third"),
    ]


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "North Korea fired the missile on Sunday.",
        "North Korea fired the missile on Jan. 4.",
        "North Korea fired the missile on 4 January.",
        "North Korea fired the missile on January 4, 2026.",
        "North Korea fired the missile yesterday.",
    ],
)
def test_a_date_the_article_pins_is_supported_in_any_words(written: str) -> None:
    assert unsupported_claims(written, LAUNCH, article_date=MONDAY) == []


@pytest.mark.parametrize(
    "written",
    ["North Korea fired the missile on Saturday.", "North Korea fired the missile on Jan. 3.", "North Korea fired the missile on 5 January."],
)
def test_a_day_off_by_one_is_a_claim(written: str) -> None:
    claims = unsupported_claims(written, LAUNCH, article_date=MONDAY)
    assert [c.kind for c in claims] == ["date"]
    assert "2026-01-0" in claims[0].reason


def test_a_dateline_pins_its_date() -> None:
    article = "NIAMEY, Jan. 4 (Wirenews) -- Gunmen attacked an army post near the border, the army said.\n"
    assert unsupported_claims("Gunmen attacked an army post on 4 January.", article, article_date=MONDAY) == []
    assert [c.kind for c in unsupported_claims("Gunmen attacked an army post on 3 January.", article, article_date=MONDAY)] == [
        "date"
    ]


def test_without_the_article_date_month_and_day_are_compared() -> None:
    assert unsupported_claims("Niger's coast guard stopped the boat on 4 January.", NO_DATE) == []
    assert kinds(unsupported_claims("Niger's coast guard stopped the boat on January 5.", NO_DATE)) == [
        ("date", "January 5")
    ]
    # a weekday pins no day without the article's date: the same word, or a claim
    assert kinds(unsupported_claims("The boat was stopped on Tuesday.", NO_DATE)) == [("date", "Tuesday")]


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "The North fired a missile.",  # "the North" is North Korea
        "Pyongyang fired a missile.",
        "Kim watched the launch.",  # a surname for the full name
        "KIM JONG UN watched the launch.",
        "Japanese officials protested.",  # a demonym for a state the article names
        "The missile fell outside Japan's zone.",
        "Minister Han condemned it.",
        "South Korean and Japanese officials will share data.",
        "The Joint Chiefs of Staff reported the launch.",
        "Tensions rose after the launch.",  # an ordinary word that opens a sentence
        "Nigerien coast guards stopped a boat.",
    ],
)
def test_a_name_is_found_as_written_or_as_another_name_of_it(written: str) -> None:
    article = LAUNCH + NO_DATE
    assert unsupported_claims(written, article, article_date=MONDAY) == []


@pytest.mark.parametrize(
    ("article", "written"),
    [
        ("Pyongyang launched a rocket from its west coast.", "North Korea launched a rocket."),
        ("Pyongyang launched a rocket from its west coast.", "The North launched a rocket."),
        ("Pyongyang launched a rocket from its west coast.", "North Korean engineers launched a rocket."),
        ("North Korea launched a rocket from its west coast.", "Pyongyang launched a rocket."),
        ("Japan protested through diplomatic channels.", "Japanese diplomats protested."),
        ("Tokyo protested through diplomatic channels.", "Japan protested."),
    ],
)
def test_a_state_is_one_name_under_its_capital_its_short_form_and_its_demonym(article: str, written: str) -> None:
    assert unsupported_claims(written, article) == []
    assert kinds(unsupported_claims(written, "Seoul protested through diplomatic channels.")) != []


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Olaf Brenner condemned the launch.", "Olaf Brenner"),
        ("Prime Minister Takaichi condemned the launch.", "Takaichi"),
        ("Kim Yo Jong watched the launch.", "Kim Yo Jong"),
        ("The launch alarmed Vietnam.", "Vietnam"),
        ("The Hwasong-20 ICBM flew far.", "Hwasong-20"),
        ("Zelensky called for air defences.", "Zelensky"),  # a name that opens the sentence
    ],
)
def test_a_name_not_in_the_article_is_a_claim(written: str, name: str) -> None:
    claims = unsupported_claims(written, LAUNCH, article_date=MONDAY)
    assert ("name", name) in kinds(claims)
    assert all(c.kind == "name" for c in claims)


def test_a_one_word_name_is_not_an_ordinary_word_in_lower_case() -> None:
    article = "The young soldiers guarded the long border, the army said. Senator Mara Long visited them."
    assert unsupported_claims("Senator Long visited the soldiers.", article) == []
    assert kinds(unsupported_claims("The soldiers met Senator Young.", article)) == [("name", "Young")]


def test_days_and_months_are_dates_not_names() -> None:
    claims = unsupported_claims("On Saturday, Kim watched the launch.", LAUNCH, article_date=MONDAY)
    assert kinds(claims) == [("date", "Saturday")]


def test_a_name_in_an_html_entity_or_with_an_accent_is_found() -> None:
    page = "<p>Drones were seen over Rzesz&oacute;w and Lublin on Sunday night, officials said.</p>"
    assert unsupported_claims("Drones were seen over Rzeszow.", page) == []
    assert unsupported_claims("Drones were seen over Rzeszów.", page) == []
    assert kinds(unsupported_claims("Drones were seen over Krakow.", page)) == [("name", "Krakow")]


# --------------------------------------------------------------------------------------------
# Support spans
# --------------------------------------------------------------------------------------------


def test_support_spans_point_at_the_sentence_and_the_claims() -> None:
    sentence = "The North fired a ballistic missile 559 miles on Sunday, Seoul's military said."
    spans = support_spans(sentence, LAUNCH, article_date=MONDAY)
    assert spans, "a sentence about the article rests somewhere in it"
    assert all(isinstance(s, Span) and 0 <= s.start < s.end <= len(LAUNCH) for s in spans)
    assert all(a.end < b.start for a, b in zip(spans, spans[1:])), "sorted and apart"
    covered = "".join(LAUNCH[s.start : s.end] for s in spans)
    assert "flew about 900 kilometres" in covered
    assert "fired a ballistic missile on Sunday" in covered
    # nothing of the lines the sentence does not draw on
    assert "Pyongyang's state media" not in covered


def test_support_spans_of_a_sentence_about_something_else_are_empty() -> None:
    assert support_spans("Bananas grew cheaper in the autumn markets.", LAUNCH, article_date=MONDAY) == []


# --------------------------------------------------------------------------------------------
# The briefing
# --------------------------------------------------------------------------------------------


def test_every_briefing_carries_its_bottom_line_support() -> None:
    briefing = summarise.brief(LAUNCH, model="rules")
    assert briefing.bottom_line
    supports = briefing.bottom_line_support
    assert " ".join(s.sentence for s in supports) == briefing.bottom_line
    for support in supports:
        # the rules' bottom line is the article's own sentences: each rests on itself
        assert any(support.sentence in LAUNCH[span.start : span.end] for span in support.spans)


def test_a_written_bottom_line_gets_one_support_per_sentence() -> None:
    draft = BriefingDraft(
        headline="Missile launch",
        bottom_line="The North fired a missile 559 miles on Sunday. Japanese officials said it fell outside Japan's zone.",
    )
    briefing, _ = ground_briefing(draft, LAUNCH, article_date=MONDAY)
    assert [s.sentence for s in briefing.bottom_line_support] == [
        "The North fired a missile 559 miles on Sunday.",
        "Japanese officials said it fell outside Japan's zone.",
    ]
    first, second = (s.spans for s in briefing.bottom_line_support)
    assert "about 900 kilometres" in "".join(LAUNCH[s.start : s.end] for s in first)
    assert "exclusive economic zone" in "".join(LAUNCH[s.start : s.end] for s in second)


def test_a_long_bottom_line_keeps_the_schema_cap() -> None:
    many = " ".join(f"Kim watched test number {i} closely." for i in range(1, 9))
    briefing, _ = ground_briefing(BriefingDraft(headline="Tests", bottom_line=many), LAUNCH, article_date=MONDAY)
    assert len(briefing.bottom_line_support) == 6


def test_the_rules_briefing_rests_on_the_article_it_quotes() -> None:
    briefing = rules_briefing(NO_DATE)
    assert briefing.bottom_line_support
    assert all(s.spans for s in briefing.bottom_line_support)
