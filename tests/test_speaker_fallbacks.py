"""The speaker of a quote whose sentence has no cue of its own: what the context gives instead of
the nearest name.

Every article here is invented for the test; each case is one habit of news writing (a pull
quote printed twice, a statement a body put out, two quotes in one sentence from two people).
"""

from __future__ import annotations

from summarise.schemas import SpeakerType
from tests.quote_lookup import quote_starting, quotes_starting, speaker_of


def test_a_pull_quote_printed_alone_takes_the_speaker_of_its_attributed_copy() -> None:
    article = (
        "The ferry terminal at Glenmouth opened on Tuesday beside the old fish market, a project that Mayor Tobias Wren "
        "championed for years.\n\n"
        "\"Every crossing we add is an hour handed back to a family.\"\n\n"
        "Ticket prices will stay frozen until the spring, the operator confirmed.\n\n"
        "\"Every crossing we add is an hour handed back to a family,\" said Odile Marchetti, who chairs the harbour board. "
        "\"We built it for the commuters.\"\n"
    )
    lone, attributed = quotes_starting(article, "Every crossing we add")
    assert attributed.speaker == "Odile Marchetti"
    assert lone.speaker == "Odile Marchetti"
    assert lone.speakers[0] == "Odile Marchetti"


def test_a_few_words_quoted_twice_are_not_taken_for_a_copy() -> None:
    article = (
        "Mayor Tobias Wren toured the docks on Monday with the engineers.\n\n"
        "By then the repairs were running late, and the work looked \"long overdue and badly costed\" to everyone there.\n\n"
        "\"Long overdue and badly costed, like every job here,\" said Odile Marchetti, who chairs the board.\n"
    )
    (short,) = quotes_starting(article, "long overdue")
    assert short.speaker != "Odile Marchetti"


def test_a_body_that_releases_a_statement_speaks_the_words_quoted_from_it() -> None:
    article = (
        "Senator Ida Brandt toured the flooded valley on Sunday and met farmers whose barns were lost.\n\n"
        "The Coastal Growers League released a statement on Monday, offering \"our full support to every family that lost "
        "a harvest\" and asking the state for emergency credit.\n"
    )
    (q,) = quotes_starting(article, "our full support")
    assert q.speaker == "Coastal Growers League"
    assert q.speaker_type == SpeakerType.ORGANISATION


def test_a_statement_quoted_in_the_paragraph_after_the_body_issued_it_is_the_bodys() -> None:
    article = (
        "Senator Ida Brandt toured the flooded valley on Sunday and met farmers whose barns were lost.\n\n"
        "On Monday, the Coastal Growers League issued a statement thanking volunteers for the sandbag lines.\n\n"
        "\"Our members will replant every field that the river took, and we will not wait for the insurers.\"\n"
    )
    (q,) = quotes_starting(article, "Our members will replant")
    assert q.speaker == "Coastal Growers League"


def test_a_body_that_puts_out_no_document_gives_no_statement() -> None:
    article = (
        "Senator Ida Brandt toured the flooded valley on Sunday.\n\n"
        "The Coastal Growers League owns the grange hall, where farmers lined up for \"credit for every farm that lost "
        "a harvest\" before the first frost.\n"
    )
    (q,) = quotes_starting(article, "credit for every farm")
    assert q.speaker != "Coastal Growers League"


def test_a_person_named_after_an_earlier_quote_of_the_sentence_speaks_the_next_one() -> None:
    article = (
        "The hearing in Carrow ran past midnight.\n\n"
        "Later, in a video that Judge Hal Pruett played from the show \"Night Watch,\" Mara Delacroix expressed a wish to "
        "\"close every loophole in the lottery law by spring.\"\n"
    )
    (q,) = quotes_starting(article, "close every loophole")
    assert q.speaker == "Mara Delacroix"


def test_a_person_named_as_the_object_of_an_earlier_quote_does_not_speak_the_next_one() -> None:
    article = (
        "Mara Delacroix toured the port on Friday with Governor Hal Pruett, her rival in the race.\n\n"
        "(Delacroix's spokeswoman challenged the claim that Delacroix had ever \"smeared\" Governor Hal Pruett, and said "
        "she \"respects the office and the man who holds it.\")\n"
    )
    (q,) = quotes_starting(article, "respects the office")
    assert q.speaker != "Hal Pruett"


def test_a_he_that_opens_the_quotes_clause_is_the_person_it_points_back_at() -> None:
    article = (
        "Governor Hal Pruett posted three messages on Sunday about Mayor Odile Marchetti.\n\n"
        "The first praised the storm crews; then came a second, where he took all the credit for \"keeping every school "
        "open through the flood.\"\n"
    )
    (q,) = quotes_starting(article, "keeping every school")
    assert q.speaker == "Hal Pruett"


def test_a_she_inside_reported_words_is_what_they_are_about_not_their_voice() -> None:
    article = (
        "Mayor Odile Marchetti toured the flood zone on Sunday with Governor Hal Pruett.\n\n"
        "The governor's letter praised the crews at length, arguing that she was \"the only one who kept the schools "
        "open through the flood.\"\n"
    )
    (q,) = quotes_starting(article, "the only one who kept")
    assert q.speaker != "Odile Marchetti"


def test_a_possessive_is_no_speech_verb() -> None:
    article = (
        "Oren Vask attacked Paul Ledwell at a town hall in Marrow County on Saturday.\n\n"
        "Vask also took a jab at Ledwell, suggesting Ledwell might have trouble with the state's farm voters. "
        "“Not many farmers come out of the city,” he said.\n"
    )
    assert speaker_of(article, "Not many farmers") == "Oren Vask"


def test_the_writers_own_question_has_no_speaker() -> None:
    article = (
        "I spent the summer in the hill towns around Varrow, and the talks nearly always began the same way.\n\n"
        "“Which way are you leaning?” I'd ask.\n\nPeople would look at their shoes before they answered.\n"
    )
    assert speaker_of(article, "Which way") is None


def test_a_text_of_law_that_says_something_is_no_ones_voice() -> None:
    article = (
        "Governor Tomas Brenner said Tuesday he would challenge the new water rules in court. “These rules were "
        "written without a single hearing,” Brenner said.\n\n"
        "The county charter says, “No fee may be raised without a vote of the full council.”\n"
    )
    quote = quote_starting(article, "No fee may be raised")
    assert (quote.speaker, quote.speaker_role) == (None, "The county charter")
