"""Speakers that the shape of a page gives, not one sentence: a pull quote's credit line, a lead-in
whose last word before its colon is a verb that is also a noun, a list whose items open on a heading
naming the person the item then calls "he" or "the comedian".

Every article here is invented for the test.
"""

from __future__ import annotations

from tests.quote_lookup import speaker_of


def test_a_pull_quote_is_given_to_the_name_on_the_line_that_closes_it() -> None:
    article = (
        "Dunmore Weighs A Toll Bridge.\n\n"
        "Mayor Oskar Trelling wants the toll bridge finished by 2031 and says the county should pay.\n\n"
        "\"Nobody should build a span that the town cannot afford to paint.\n"
        "Dorothy Colquist, Estuary Works Institute.\"\n\n"
        "The county has not replied to the mayor's letter.\n"
    )
    assert speaker_of(article, "Nobody should build a span") == "Dorothy Colquist"


def test_a_line_of_names_that_closes_no_quotation_is_no_credit() -> None:
    article = (
        "Dunmore Weighs A Toll Bridge.\n\n"
        "Mayor Oskar Trelling wants the toll bridge finished by 2031.\n\n"
        "\"Paint is cheap and rust is not,\" Trelling said.\n\n"
        "\"The toll pays for itself within a decade.\n"
        "Dorothy Colquist Estuary Works\n\n"
        "The county has not replied.\n"
    )
    assert speaker_of(article, "The toll pays for itself") == "Oskar Trelling"


def test_the_closing_line_of_a_speech_in_capitals_is_no_credit() -> None:
    article = (
        "Dunmore Votes.\n\n"
        "Mayor Oskar Trelling closed his speech on the pier.\n\n"
        "\"We built this town together, and we will keep it together.\n"
        "God Bless Dunmore.\"\n\n"
        "The crowd cheered.\n"
    )
    assert speaker_of(article, "We built this town") == "Oskar Trelling"


def test_a_body_whose_website_notes_a_passage_after_a_colon_speaks_it() -> None:
    article = (
        "Dunmore Weighs A Toll Bridge.\n\n"
        "The Saltmarsh Heritage League has fought the toll bridge since the first survey, as the Saltmarsh "
        "Heritage League website notes:\n\n"
        "\"The reed beds along the inlet shelter wading birds that nest nowhere else on this coast.\"\n"
    )
    assert speaker_of(article, "The reed beds along") == "Saltmarsh Heritage League"


def test_a_statement_that_reads_after_a_colon_is_its_issuers() -> None:
    article = (
        "Dunmore Weighs A Toll Bridge.\n\n"
        "The Saltmarsh Heritage League answered the county within the hour. Its statement reads in part:\n\n"
        "\"We will go to court before we let a single pile be driven into the inlet.\"\n"
    )
    assert speaker_of(article, "We will go to court") == "Saltmarsh Heritage League"


def test_a_list_items_heading_names_whom_its_paragraph_calls_he() -> None:
    article = (
        "Seven Things Comics Told Us This Year.\n\n"
        "Stand-up had a busy year. Here is what Idris Fenwake, Marguerite Oyelaran and others had to say.\n\n"
        "1\n"
        "Idris Fenwake On Why A Joke Should Cost Something.\n\n"
        "Getty.\n\n"
        "In a long chat with podcast host Sunniva Krall about his autumn tour, the comedian talked about playing it safe. "
        "\u201cIf nobody walks out, you told it wrong,\u201d he said.\n\n"
        "2\n"
        "Marguerite Oyelaran Wrote About Her First Open Mic.\n\n"
        "Getty.\n\n"
        "Marguerite Oyelaran looked back on a night when six people came to see her. The comic called it "
        "\u201cthe best room I ever had.\u201d\n"
    )
    assert speaker_of(article, "If nobody walks out") == "Idris Fenwake"
    assert speaker_of(article, "the best room") == "Marguerite Oyelaran"
