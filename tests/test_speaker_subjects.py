"""Whose a quote is when its sentence has no cue: the subject the sentence opens on, or the voice before.

Every article here is invented for the test; each case is one habit of news writing: a clause of
time before the subject, a party or league that speaks in its own sentence, a campaign named after
its candidate, and a "his" that cannot point back at a body.
"""

from __future__ import annotations

import pytest

from tests.quote_lookup import quote_starting


_HARBOUR_MASTER = "Elias Morgan, the city's first harbour master, died on Sunday at 88.\n\n"


@pytest.mark.parametrize(
    "after",
    [
        # the quote inside the sentence that opens on the clause of time
        "When Morgan retired in 2004, Governor Ana Lund hailed him as “the last of the old harbour men, and the best of them.”\n",
        # the quote in a paragraph of its own after it
        "When Morgan retired in 2004, Governor Ana Lund threw him a dinner on the pier.\n\n"
        "“He was the last of the old harbour men, and the best of them.”\n",
    ],
)
def test_the_subject_of_a_clause_of_time_before_the_sentences_subject_does_not_speak(after: str) -> None:
    q = quote_starting(_HARBOUR_MASTER + after, "He was the last" if after.count("\n\n") else "the last of the old")
    assert q.speaker == "Ana Lund"


_MAYOR = "Mayor Tomas Ortiz defended the toll plan on Monday. “It pays for the pier,” Ortiz said.\n\n"


def test_a_body_that_opens_the_quotes_sentence_speaks_rather_than_the_last_person_quoted() -> None:
    article = _MAYOR + "The Harbour League, in its weekly bulletin, branded the plan “a tax on every fisherman.”\n"
    assert quote_starting(article, "a tax on every").speaker == "Harbour League"


def test_a_body_that_reports_what_a_person_called_it_does_not_take_the_persons_words() -> None:
    article = _MAYOR + "The Harbour League reported that Ana Lund called the plan “a tax on every fisherman.”\n"
    assert quote_starting(article, "a tax on every").speaker == "Ana Lund"


def test_a_his_in_the_quotes_sentence_does_not_carry_on_a_body_that_spoke_last() -> None:
    article = (
        "Mayor Tomas Ortiz defended the toll plan on Monday.\n\n"
        "The Harbour League said the plan was “a tax on every fisherman.”\n\n"
        "It is, in his view, “a stunt to win the spring election for its friends on the council.”\n"
    )
    assert quote_starting(article, "a tax on every").speaker == "Harbour League"
    assert quote_starting(article, "a stunt to win").speaker != "Harbour League"


def test_a_campaign_named_for_its_candidate_with_a_phrase_set_off_before_its_verb_is_not_the_candidate() -> None:
    article = (
        "Ana Lund opened her campaign in Dunmore on Friday. “Every county counts,” Lund said.\n\n"
        "The Lund campaign, in a memo to donors, framed the race as “a fight for every last vote.”\n"
    )
    assert quote_starting(article, "Every county counts").speaker == "Ana Lund"
    q = quote_starting(article, "a fight for every")
    assert q.speaker is None
    assert q.speaker_role and "campaign" in q.speaker_role


def test_a_state_that_a_sentence_is_only_about_does_not_speak_its_quote() -> None:
    article = (
        "Mayor Tomas Ortiz spoke at the march on Monday. “We will rebuild,” Ortiz said.\n\n"
        "Norway was never far from the marchers' minds, with many of them chanting “Norway stands with us.”\n"
    )
    assert quote_starting(article, "Norway stands").speaker != "Norway"


def test_a_body_whose_sentence_hands_on_its_words_with_a_colon_speaks_them() -> None:
    article = "The Dunmore Board of Elections was firm in its findings on the petition: “Further argument on this point is not needed.”\n"
    assert quote_starting(article, "Further argument").speaker == "Dunmore Board of Elections"


def test_a_body_that_only_is_something_before_a_colon_in_its_quote_still_needs_its_colon() -> None:
    article = "Norway was on every marcher's mind as the column passed the embassy, with the crowd chanting “open the fjords.”\n"
    assert quote_starting(article, "open the fjords").speaker != "Norway"


def test_a_description_set_beside_a_named_subject_is_not_an_unnamed_voice() -> None:
    article = (
        "Ines Harrowgate, a former candidate for governor who now runs a seed company, labeled Mayor Tomas "
        "Brenner “unfit to run a harbour.”\n"
    )
    assert quote_starting(article, "unfit to run").speaker == "Ines Harrowgate"
