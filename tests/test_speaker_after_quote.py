"""Speakers named in the cue after a quote when who they are takes many words: a description that
lists ("deputy minister of ports, roads, and rail"), a role named by whose it is ("the senator's
chief of staff, Name,"), the listener a "told" names, who is never the speaker, and two writers
named as one ("experts Name and Name of the Institute wrote").

Every article here is invented for the test.
"""

from __future__ import annotations

from summarise.schemas import SpeakerType
from tests.quote_lookup import quote_starting, speaker_of


def test_a_description_that_lists_in_lower_case_still_ends_before_the_cue() -> None:
    article = (
        "Port traffic fell by a fifth in the spring.\n\n"
        "“The new berths will not clear the queue, but they are a start,” Ines Harrowgate, deputy minister of "
        "ports, roads, and rail, said on the same call.\n"
    )
    assert speaker_of(article, "The new berths") == "Ines Harrowgate"


def test_names_in_a_list_before_the_cue_are_no_one_speaker_alone() -> None:
    article = (
        "The three councillors met the press on Monday.\n\n"
        "“We will vote against the budget,” Ines Harrowgate, Pavel Ostrander, and Lior Brisk said in a statement.\n"
    )
    assert speaker_of(article, "We will vote against") != "Ines Harrowgate"


def test_a_role_named_by_whose_it_is_gives_the_quote_to_the_name_beside_it() -> None:
    article = (
        "The bridge vote was put off again on Thursday.\n\n"
        "“Tolls will come down in time, whatever the council says now,” Kent Rep. Ada Pellmore’s chief of staff, "
        "Oren Vasquez, told the Gazette before the hearing. “That is certain.”\n"
    )
    assert speaker_of(article, "Tolls will come down") == "Oren Vasquez"
    assert speaker_of(article, "That is certain") == "Oren Vasquez"


def test_the_one_told_after_a_quote_is_not_its_speaker() -> None:
    article = (
        "Mayor Ada Pellmore opened the new ferry pier on Friday.\n\n"
        "“It was worth the wait,” told the Gazette, as the first boat docked.\n"
    )
    assert speaker_of(article, "It was worth the wait") != "Gazette"


def test_an_outlet_reporting_after_the_quote_does_not_outrank_the_speaker_named_before_it() -> None:
    article = (
        "Mayor Ines Harrowgate spoke to reporters outside the depot on Monday.\n\n"
        "When asked how the ban would touch the ferry crews, Harrowgate said: “Some crews will be let off,” "
        "the Estuary Times reported.\n"
    )
    assert speaker_of(article, "Some crews will be") == "Ines Harrowgate"


def test_a_cue_that_opens_the_next_quote_with_a_colon_does_not_close_the_one_before() -> None:
    article = (
        "Judge Mirela Sorn spoke at a school board forum in May.\n\n"
        "After Sorn said that some pupils might do better at “less crowded schools,” Mayor Pavel Ostrander said: "
        "“I do not like what she said.”\n"
    )
    assert speaker_of(article, "less crowded schools") == "Mirela Sorn"
    assert speaker_of(article, "I do not like") == "Pavel Ostrander"


def test_a_quote_opening_its_sentence_keeps_a_cue_that_ends_on_a_colon() -> None:
    article = "Turnout fell in every ward.\n\n“We lost,” Mayor Pavel Ostrander said: “and we lost badly.”\n"
    assert speaker_of(article, "We lost") == "Pavel Ostrander"


def test_a_quote_set_off_by_dashes_belongs_to_the_aside_not_the_cue_closing_the_sentence() -> None:
    article = (
        "Ines Harrowgate campaigned in the river towns on Sunday.\n\n"
        "And although former governor Pavel Ostrander lamented her habit of slips - “does she have to keep handing "
        "them so much to use?” - party members in the valley said they were not worried.\n"
    )
    assert speaker_of(article, "does she have to keep") == "Pavel Ostrander"


def test_what_someone_called_a_thing_is_theirs_not_the_cue_after_it() -> None:
    article = (
        "Oskar Hedley advises golf clubs from an office in Wakefield.\n\n"
        "In 2009, under what Mr. Hedley called ''the old economy model,'' the Marsh Dune Country Club, a members-only "
        "course up the coast, charged a $100,000 joining fee.\n"
    )
    assert speaker_of(article, "the old economy model") == "Oskar Hedley"


def test_a_document_written_by_someone_gives_its_words_to_its_author_not_a_state_it_is_about() -> None:
    article = (
        "Berlin replaced the coal levy with a subsidy for Germany's oldest plants. Environmental groups were angry.\n\n"
        "''Rather than paying for their smoke, the power firms will be rewarded for keeping old plants idle,'' "
        "observed a paper for Greenwatch about the German coal rules by the climate charity E4K.\n"
    )
    assert speaker_of(article, "Rather than paying") == "E4K"


def test_a_study_by_a_named_researcher_of_a_college_is_hers() -> None:
    article = "Port wages rose again in May.\n\n“Wages will fall within a year,” said a study by Ines Harrowgate of Dunmore College.\n"
    assert speaker_of(article, "Wages will fall") == "Ines Harrowgate"


def test_two_writers_named_in_the_cue_after_a_quote_speak_through_the_name_that_closes_the_pair() -> None:
    article = (
        "“The port cannot take more ships,” Mayor Tomas Brenner said on Monday. Experts have doubted him.\n\n"
        "“A deeper channel would let larger ships in than the present one allows,” port experts Ines Harrowgate "
        "and Pavel Ostrander of the Dover Institute wrote in a report last year.\n"
    )
    quote = quote_starting(article, "A deeper channel")
    assert (quote.speaker, quote.speaker_type) == ("Pavel Ostrander", SpeakerType.ANALYST)


def test_a_verb_with_its_object_before_the_next_quote_is_no_inverted_cue() -> None:
    article = (
        "Nora Pellwick lost her job in 1990. She sued Mayor Tomas Brenner for defamation of character.\n\n"
        "Pellwick, who puts what she spent on lawyers \"near a million,\" described the strain as \"crushing. "
        "It never stops,\" she said.\n"
    )
    assert speaker_of(article, "near a million") == "Nora Pellwick"
