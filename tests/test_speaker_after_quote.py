"""Speakers named in the cue after a quote when who they are takes many words: a description that
lists ("deputy minister of ports, roads, and rail"), a role named by whose it is ("the senator's
chief of staff, Name,"), and the listener a "told" names, who is never the speaker.

Every article here is invented for the test.
"""

from __future__ import annotations

from tests.quote_lookup import speaker_of


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
