"""Which quoted words are quotes at all: a short quote the text hands to a speaker is one, a scare
quote or a title is not (LABELLING.md). Invented sentences, through ``find_quote_candidates``."""

from __future__ import annotations

import pytest

from summarise.grounding import find_quote_candidates


def _quoted(article: str) -> list[str]:
    return [q.text.rstrip(".,!?") for q in find_quote_candidates(article)]


@pytest.mark.parametrize(
    "article, words",
    [
        ("According to Mira Dahl, the ferry levy is “a cash grab.”", "a cash grab"),
        ("In the words of Mira Dahl, the ferry levy was “daylight robbery.”", "daylight robbery"),
        ("The ferry levy is “a cash grab,” according to Mira Dahl.", "a cash grab"),
    ],
)
def test_according_to_someone_hands_them_a_short_quote(article: str, words: str) -> None:
    assert _quoted(article) == [words]


@pytest.mark.parametrize(
    "article",
    [
        "According to her “harbour first” plan, ferries would run hourly.",
        "According to the latest poll, “very keen” voters favour the levy.",
    ],
)
def test_according_to_a_plan_or_a_poll_is_no_speaker(article: str) -> None:
    assert _quoted(article) == []


@pytest.mark.parametrize(
    "article, words",
    [
        ("The harbour board dismissed the audit as “sloppy.”", "sloppy"),
        ("Mira Dahl rejected the complaints about the timetable as “baseless.”", "baseless"),
        ("The mayor hailed the vote as “a turning point.”", "a turning point"),
        ("Dahl characterised the talks as “frank.”", "frank"),
    ],
)
def test_a_verb_of_judgement_gives_its_word_for_the_thing(article: str, words: str) -> None:
    assert _quoted(article) == [words]


def test_seeing_something_as_a_term_is_no_quote() -> None:
    assert _quoted("Islanders see the ferry levy as a “poll tax” by another name.") == []


@pytest.mark.parametrize(
    "article, words",
    [
        ("Mira Dahl wrote: “Shame.”", "Shame"),
        ("Asked whether the ferry would run on Sunday, the captain replied, “Never!”", "Never"),
        ("Dahl's verdict on the timetable: “Unworkable.”", "Unworkable"),
    ],
)
def test_a_one_word_reply_after_its_cue_is_a_quote(article: str, words: str) -> None:
    assert _quoted(article) == [words]


def test_a_one_word_name_after_a_colon_is_no_quote() -> None:
    assert _quoted("The new ferry has been named: “Osprey.”") == []


def test_a_show_title_with_a_small_word_is_no_quote() -> None:
    assert _quoted("Mira Dahl said on “Supper with the Mayor” that she would stand again.") == []


@pytest.mark.parametrize(
    "article",
    [
        "Mira Dahl said on the podcast “Tides of the North Sea” that the levy would go.",
        "Dahl wrote in her memoir, “Salt Roads and Harbour Lights,” that she nearly quit.",
    ],
)
def test_a_title_after_the_name_of_its_medium_is_no_quote(article: str) -> None:
    assert _quoted(article) == []


@pytest.mark.parametrize(
    "article, words",
    [
        ("Mayor Ruth Calder called her rival a “coward” who was not “fit to serve.”", ["coward", "fit to serve"]),
        ("Mira Dahl branded the levy a “swindle” and a “disgrace.”", ["swindle", "disgrace"]),
        ("Mira Dahl said she had “new hope” that “the ferry will run.”", ["new hope", "the ferry will run"]),
    ],
    ids=["who-clause", "and", "that-clause"],
)
def test_a_second_short_quote_a_few_words_on_is_the_same_speakers(article: str, words: list[str]) -> None:
    assert _quoted(article) == words
    assert len({q.speaker for q in find_quote_candidates(article)} - {None}) == 1


def test_a_quote_that_ends_its_clause_with_a_comma_joins_no_later_term() -> None:
    assert _quoted("Mira Dahl called the levy “a scam,” drawing groans and “boo” calls.") == ["a scam"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Some experts think Omar Vale, the \u201cacting head of the rocket brigades,\u201d may be the next one to go.",
        "Omar Vale, the self-styled \u201cguardian of the northern valley,\u201d was arrested on Friday.",
    ],
)
def test_a_title_set_beside_a_name_is_no_quote(sentence: str) -> None:
    assert find_quote_candidates(sentence + "\n") == []


def test_doubled_apostrophes_as_archives_write_quotation_marks_open_and_close_a_quote() -> None:
    article = (
        "Mayor Ines Harrowgate met the harbour board on Monday.\n\n"
        "''That was not a fair way to treat the crews,'' she said afterward. ''We will appeal.''\n"
    )
    quotes = find_quote_candidates(article)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("That was not a fair way to treat the crews", "Ines Harrowgate"),
        ("We will appeal.", "Ines Harrowgate"),
    ]
    assert all(article[q.span.start : q.span.end] == q.text for q in quotes)
