"""Quotes whose speaker is named before the quote, in the shapes political reporting uses.

Every article here is invented; each case is a habit of news writing in which the words before
the quote (the cue, or the speaker and a verb) say who speaks, and the rules once found no one or
someone else named nearby.
"""

from __future__ import annotations

import pytest

from summarise.grounding import find_quote_candidates
from summarise.schemas import SpeakerType
from tests.quote_lookup import quote_starting, speaker_of


_NAMED_BEFORE = [
    pytest.param(
        "Mayor Rosa Quell sent the budget plan to the council on Monday.\n\n"
        "Councillors who back the plan were annoyed, with Sen. Tom Hardwick calling it a \u201cshopping list.\u201d\n",
        "shopping list",
        "Tom Hardwick",
        id="with-X-calling",
    ),
    pytest.param(
        "Mayor Rosa Quell sent the budget plan to the council on Monday.\n\n"
        "Critics were quick to answer, with Mia Lorden tweeting that it was a \"failure\" for the mayor.\n",
        "failure",
        "Mia Lorden",
        id="with-X-tweeting",
    ),
    pytest.param(
        "Mayor Rosa Quell and Ivo Brandt met on Monday, and both men issued a statement after it, "
        "Brandt saying he was \u201cvery hopeful\u201d and Quell calling it a \u201cgood start.\u201d\n",
        "good start",
        "Rosa Quell",
        id="X-calling-after-and",
    ),
    pytest.param(
        "Rosa Quell ran the school board for years.\n\n"
        "One of the board's senior officers, Paul Nessing, later testified in one of the suits that "
        "\"none of the teachers were picked by him.\"\n",
        "none of the teachers",
        "Paul Nessing",
        id="appositive-name-then-adverb-and-verb",
    ),
    pytest.param(
        "Rosa Quell and Ivo Brandt argued over the school budget.\n\n"
        "A third way would be what Brandt called a \"let every school grow\" plan.\n",
        "let every school grow",
        "Ivo Brandt",
        id="what-X-called",
    ),
    pytest.param(
        "Rosa Quell opened the market on Friday.\n\n"
        "Harbour chief Dave Gorringe called the new hall \u201cthe best fish market on the coast.\u201d\n",
        "the best fish market",
        "Dave Gorringe",
        id="X-called-it",
    ),
    pytest.param(
        "Rosa Quell and Ivo Brandt argued over the harbour.\n\n"
        "Quell found an ally in Dan Pellew, who called the plan \"a gift to the developers.\"\n",
        "a gift to the developers",
        "Dan Pellew",
        id="X-who-called",
    ),
    pytest.param(
        "Rosa Quell took questions after her speech.\n\n"
        "Then came another post about the flood, and then one in which she took credit for \"seeing it coming.\" "
        "And then Ivo Brandt went all out on the offensive, saying, \"Will the mayor finally admit it?\"\n",
        "Will the mayor finally",
        "Ivo Brandt",
        id="and-then-X-saying",
    ),
    pytest.param(
        "Rosa Quell spoke to the grocers on Friday.\n\n"
        "After sweeping wins in five council wards on Tuesday night, Ivo Brandt mocked the mayor's record, "
        "saying she lacked \"a plan for the harbour.\"\n",
        "a plan for the harbour",
        "Ivo Brandt",
        id="long-lead-in-then-X-saying",
    ),
    pytest.param(
        "Dora Pikeman runs the new museum. Mayor Rosa Quell opened it on Sunday and spoke for an hour.\n\n"
        "Then, said Pikeman, a neighbour of the mayor for years, \u201cWe were all so proud of her.\u201d\n",
        "We were all so proud",
        "Dora Pikeman",
        id="said-X-and-who-they-are",
    ),
]


@pytest.mark.parametrize(("article", "start", "speaker"), _NAMED_BEFORE)
def test_the_speaker_named_before_the_quote_speaks(article: str, start: str, speaker: str) -> None:
    assert speaker_of(article, start) == speaker


def test_a_thing_called_by_a_name_is_not_its_speaker() -> None:
    article = (
        "Rosa Quell opened the harbour on Friday.\n\n"
        "The council's new boat, a ferry called \"Harbour Pride,\" will run twice a day, Quell said.\n"
    )
    found = [q for q in find_quote_candidates(article) if q.text.startswith("Harbour Pride")]
    assert all(q.speaker != "ferry" for q in found)


def test_a_cue_set_off_by_commas_before_the_quote_names_the_speaker() -> None:
    article = (
        "Rosa Quell lost the vote on Monday.\n\n"
        "The harbour board, Ivo Brandt said, had called the plan \u201ca waste of good money.\u201d\n"
    )
    assert speaker_of(article, "a waste of good money") == "Ivo Brandt"


def test_a_noun_call_is_no_verb_of_naming() -> None:
    article = (
        "Ivo Brandt and Rosa Quell are running for mayor.\n\n"
        "Shortly after Brandt\u2019s conference call ended, the Quell team sent out a note saying Brandt owes "
        "\u201cthe town an apology for the harbour vote.\u201d\n"
    )
    assert speaker_of(article, "the town an apology") != "Ivo Brandt"


def test_a_subject_with_a_place_and_a_title_speaks_through_calling() -> None:
    article = (
        "Ivo Brandt won the ward on Tuesday.\n\n"
        "Former Lakeland governor Ed Rinaldo (D), a Quell supporter, praised Brandt for the win, calling it "
        "\"a real feat\" for a newcomer.\n"
    )
    assert speaker_of(article, "a real feat") == "Ed Rinaldo"


def test_a_long_lead_in_clause_before_the_subject_is_not_the_subject() -> None:
    article = (
        "Mayor Rosa Quell met the dock workers on Monday with Ivo Brandt.\n\n"
        "As the fight has moved to the wards along the river with their older voters, Quell has increasingly "
        "decried the state of \u201cthe river walls\u201d and pushed her plan to fix them.\n"
    )
    assert speaker_of(article, "the river walls") == "Rosa Quell"


def test_a_lead_in_with_a_city_and_state_is_not_the_subject() -> None:
    article = (
        "Rosa Quell leads the polls, ahead of Ivo Brandt.\n\n"
        "Speaking at a town hall in Salem, Lakeshire, Brandt went after Quell, calling her \u201ca total bore.\u201d\n"
    )
    assert speaker_of(article, "a total bore") == "Ivo Brandt"


def test_a_subject_titled_in_lower_case_words_speaks_in_its_own_sentence() -> None:
    article = (
        "Voters in the Lakeshire Republican primary go to the polls on Saturday.\n\n"
        "Republican presidential front-runner Dan Pellew is asking whether the mayor would have gone to the "
        "service \u201cif it were held in a stadium.\u201d\n"
    )
    assert speaker_of(article, "if it were held") == "Dan Pellew"


_NAMED_BEFORE_WITH_HIS_CLAUSE = [
    pytest.param(
        "Mayor Rosa Quell is running again.\n\n"
        "Former Secretary of Harbours Ivo Brandt recently urged voters to back Quell, saying, \u201cShe kept the harbour open.\u201d\n",
        "She kept the harbour open",
        "Ivo Brandt",
        id="adverb-between-subject-and-verb",
    ),
    pytest.param(
        "Mayor Rosa Quell is running again, against Dan Pellew.\n\n"
        "Tina Hollis of Salem, Lakeshire says she really thinks Pellew can win if he keeps \u201cknocking on doors.\u201d\n",
        "knocking on doors",
        "Tina Hollis",
        id="name-of-city-and-state",
    ),
    pytest.param(
        "Mayor Rosa Quell opened the harbour talks on Monday.\n\n"
        "The head of the Boat Owners League, Ivo Brandt, warned that such a toll would be \"a blow to every fisherman.\"\n",
        "a blow to every fisherman",
        "Ivo Brandt",
        id="description-comma-name-comma",
    ),
    pytest.param(
        "Mayor Rosa Quell and Dan Pellew debated on Monday.\n\n"
        "Of Pellew, Brandt, who has given money to Quell, said, \u201cHe is not ready for the job.\u201d "
        "Ivo Brandt runs the harbour board.\n",
        "He is not ready",
        "Ivo Brandt",
        id="lead-in-then-name-then-who",
    ),
    pytest.param(
        "Mayor Rosa Quell is in her second term.\n\n"
        "The puzzle of the mayor, says Ivo Brandt, a historian at Lakeshire College, is that she was "
        "\"one of the most powerful people in town\" for years.\n",
        "one of the most powerful",
        "Ivo Brandt",
        id="says-X-set-off-by-commas",
    ),
    pytest.param(
        "Reporters pressed the mayor on the flood for an hour.\n\n"
        "A defensive Brandt said his opponents \"seem to believe the river listens to speeches.\"\n",
        "seem to believe the river",
        "Brandt",
        id="an-epithet-before-the-name",
    ),
]


@pytest.mark.parametrize(("article", "start", "speaker"), _NAMED_BEFORE_WITH_HIS_CLAUSE)
def test_the_subject_of_the_verb_before_the_quote_speaks(article: str, start: str, speaker: str) -> None:
    assert speaker_of(article, start) == speaker


def test_a_lead_in_that_ends_on_a_place_is_not_part_of_the_subject() -> None:
    article = (
        "Mayor Rosa Quell was booed at the breakfast.\n\n"
        "Soon after the breakfast in Salem, Brandt wrote to his 20,000 followers, \u201cIt is time for her to go,\u201d "
        "and shared a link. Ivo Brandt runs the harbour board.\n"
    )
    assert speaker_of(article, "It is time for her to go") == "Ivo Brandt"


def test_the_description_set_before_a_name_types_its_speaker() -> None:
    article = (
        "The rebels gave a different account.\n\n"
        "The spokesman for its defence ministry, Omar Sadiq Rahimi, said in a post that the army had "
        "\u201cgiven a firm response\u201d.\n"
    )
    [quote] = find_quote_candidates(article)
    assert (quote.speaker, quote.speaker_type) == ("Omar Sadiq Rahimi", SpeakerType.OFFICIAL)


_MORE_SHAPES = [
    pytest.param(
        "Mayor Rosa Quell has long had friends in the Red Cross.\n\n"
        "Dock workers were among her first supporters, with the Red Cross calling her "
        "\u201cthe champion of working crews\u201d at a rally.\n",
        "the champion of working crews",
        "Red Cross",
        id="with-the-body-calling",
    ),
    pytest.param(
        "Mayor Rosa Quell and Ivo Brandt met on Monday. Shortly after the meeting, both issued a statement "
        "\u2013 Brandt saying he was \u201cvery hopeful\u201d and Quell calling it a \u201cgood start.\u201d\n",
        "very hopeful",
        "Ivo Brandt",
        id="dash-X-saying",
    ),
    pytest.param(
        "Ivo Brandt met Mayor Rosa Quell on Monday.\n\n"
        "By contrast, Sen. Dan Pellew said that once the House goes on break, \u201cI will help wherever I can.\u201d\n",
        "I will help wherever",
        "Dan Pellew",
        id="goes-on-recess-is-no-cue",
    ),
    pytest.param(
        "Mayor Rosa Quell spoke on Sunday about the flood.\n\n"
        "A former council candidate -- Ivo Brandt, who lost the 2019 race to Quell -- said the mayor "
        "\"offered no change to her plan.\"\n",
        "offered no change",
        "Ivo Brandt",
        id="name-set-off-by-dashes",
    ),
]


@pytest.mark.parametrize(("article", "start", "speaker"), _MORE_SHAPES)
def test_more_shapes_that_name_the_speaker_before_the_quote(article: str, start: str, speaker: str) -> None:
    assert speaker_of(article, start) == speaker


_WHEN_AND_HOW_BETWEEN = [
    pytest.param(
        "Rosa Quell ran the school board for years.\n\n"
        "One of the board's senior officers, Paul Nessing, subsequently testified in a later lawsuit that "
        "\"none of the teachers were picked by him.\"\n",
        "none of the teachers",
        "Paul Nessing",
        id="any-adverb-after-the-appositive",
    ),
    pytest.param(
        "Mayor Rosa Quell was asked about the leak on Monday.\n\n"
        "Senator Dana Wexford (D-Lakeshire) last week said Quell was not the source of any "
        "\"secret\" papers.\n",
        "secret",
        "Dana Wexford",
        id="last-week-between-subject-and-verb",
    ),
    pytest.param(
        "Mayor Rosa Quell was asked about the leak on Monday.\n\n"
        "The Harbour Board less than three weeks ago said in a filing that \u201csecret\u201d papers had gone "
        "through the mayor\u2019s office.\n",
        "secret",
        "Harbour Board",
        id="some-time-ago-between-subject-and-verb",
    ),
]


@pytest.mark.parametrize(("article", "start", "speaker"), _WHEN_AND_HOW_BETWEEN)
def test_words_of_when_and_how_between_subject_and_verb_are_not_the_subject(article: str, start: str, speaker: str) -> None:
    assert speaker_of(article, start) == speaker


def test_a_description_opening_the_sentence_speaks_through_its_participle() -> None:
    article = (
        "Mayor Rosa Quell was ready to hit back at Ivo Brandt.\n\n"
        "His chief aide kept up the attacks on Quell's record, saying she was good \"on paper\" only.\n"
    )
    [quote] = find_quote_candidates(article)
    assert quote.speaker is None
    assert "aide" in (quote.speaker_role or "")


def test_the_subject_right_before_a_verb_of_judging_speaks() -> None:
    article = (
        "Mayor Rosa Quell answered questions about the harbour deal for an hour.\n\n"
        "After months of handling the deal in a way Harbour Inspector Ivo Brandt slammed as \u201cextremely careless,\u201d "
        "Quell has settled on an apology she is likely to repeat.\n"
    )
    assert speaker_of(article, "extremely careless") == "Ivo Brandt"


def test_a_name_with_a_role_that_no_comma_closes_speaks() -> None:
    article = (
        "Lakeshire raised its minimum wage on Monday, and Mayor Rosa Quell backed it.\n\n"
        "Ivo Brandt, president and CEO of Lakeshire Harbour Traders stated, \u201cIt is not a political problem, "
        "it is a sum.\u201d\n"
    )
    assert speaker_of(article, "It is not a political problem") == "Ivo Brandt"


def test_a_subject_chiding_someone_speaks() -> None:
    article = (
        "Senator Ivo Brandt questioned the former mayor at the hearing.\n\n"
        "Former Secretary of Harbours Rosa Quell famously clashed with Brandt during the hearing, chiding him, \u201cWhat difference does it make now?\u201d "
        "when asked about the flood that killed four people, including Harbour Master Dan Pellew.\n"
    )
    assert speaker_of(article, "What difference does it make") == "Rosa Quell"


def test_a_participle_after_a_relative_clause_is_the_relative_clauses_subject() -> None:
    article = (
        "Senator Ivo Brandt toured the valley on Sunday.\n\n"
        "The senator was out stumping for a retired teacher named Dan Pellew, who is running for the council and who "
        "worked the crowd, praising \"Ivo's honesty and hard work\" as he went.\n"
    )
    assert speaker_of(article, "Ivo's honesty") == "Dan Pellew"


_ASKER_AND_RELATIVE_CLAUSE = [
    pytest.param(
        "Sen. Mara Vosk took questions on the radio on Tuesday.\n\n"
        "Vosk was asked by host Teodor Lanz, who has backed her opponent, \u201cWill you quit if the levy fails?\u201d\n",
        "Will you quit",
        "Teodor Lanz",
        id="question-of-the-one-who-asked",
    ),
    pytest.param(
        "Sen. Mara Vosk took questions on the radio on Tuesday.\n\n"
        "Vosk was asked by Harbour Radio moderator Teodor Lanz whether her levy would \"sink the harbour fund.\"\n",
        "sink the harbour fund",
        "Teodor Lanz",
        id="asked-whether-words-of-the-asker",
    ),
    pytest.param(
        "Sen. Mara Vosk took questions on the radio on Tuesday.\n\n"
        "Vosk was asked by Teodor Lanz about the levy, and she said it would \"pay its own way.\"\n",
        "pay its own way",
        "Mara Vosk",
        id="asked-then-answers-in-her-own-clause",
    ),
    pytest.param(
        "Bishop Aldo Fenn preached in the cathedral on Sunday.\n\n"
        "Later in the sermon, Fenn thanked the painter Ruth Okonjo, who has publicly pledged to boycott the fair "
        "over the council's \"war on the poor.\"\n",
        "war on the poor",
        "Ruth Okonjo",
        id="who-clause-with-an-adverb",
    ),
    pytest.param(
        "Mayor Lena Graf met Karl Holm, the Danish foreign minister, on Friday.\n\n"
        "In Aarhus, Graf sat through a long toast from the Danish foreign minister, who said that the treaty had been "
        "good for \"both our harbours.\"\n",
        "both our harbours",
        "Karl Holm",
        id="description-then-who-said",
    ),
]


@pytest.mark.parametrize(("article", "start", "speaker"), _ASKER_AND_RELATIVE_CLAUSE)
def test_the_asker_and_the_one_a_relative_clause_is_about_speak(article: str, start: str, speaker: str) -> None:
    assert speaker_of(article, start) == speaker


def test_an_outlet_whose_name_ends_on_post_speaks_for_itself() -> None:
    article = (
        "Sen. Mara Vosk unveiled the harbour levy on Tuesday.\n\n"
        "The Lakeshire Post reported that the levy was \"doomed from the start.\"\n"
    )
    assert speaker_of(article, "doomed from the start") == "Lakeshire Post"


def test_a_post_written_in_lower_case_speaks_for_whoever_wrote_it() -> None:
    article = (
        "Sen. Mara Vosk unveiled the harbour levy on Tuesday.\n\n"
        "Her post said the levy was \"fair to every boat owner.\"\n"
    )
    assert speaker_of(article, "fair to every boat owner") == "Mara Vosk"


def test_a_titled_subject_with_a_party_tag_speaks_by_name() -> None:
    article = (
        "Sen. Mara Vosk unveiled the harbour levy on Tuesday.\n\n"
        "Senate Finance Chair Ivo Brandt (D-Ore.) said the levy was not \"legally sound\" at all.\n"
    )
    assert speaker_of(article, "legally sound") == "Ivo Brandt"


def test_an_unlisted_body_named_with_of_speaks_through_its_participle() -> None:
    article = (
        "Sen. Mara Vosk has long courted the unions.\n\n"
        "Dockers were among her earliest backers, with the Federation of Dockers calling her \"the best friend of the quay.\"\n"
    )
    assert speaker_of(article, "the best friend of the quay") == "Federation of Dockers"


def test_a_name_with_a_middle_initial_beside_a_description_speaks() -> None:
    article = (
        "Sen. Mara Vosk faces a lawsuit over the levy.\n\n"
        "In fighting the suit, her personal lawyer, David E. Kendrick, wrote in a filing that the claim was \"baseless.\"\n"
    )
    assert speaker_of(article, "baseless") == "David E. Kendrick"


_AN_ANSWER_IN_THE_REPORTERS_WORDS = [
    pytest.param("Her answer was that", "Mara Vosk", id="her-answer-was-that"),
    pytest.param("The Ohio senator's answer was that", "Mara Vosk", id="the-described-owners-answer"),
    pytest.param("Vosk's reply was blunt:", "Mara Vosk", id="named-owners-reply"),
]


@pytest.mark.parametrize(("lead", "speaker"), _AN_ANSWER_IN_THE_REPORTERS_WORDS)
def test_the_owner_of_an_answer_speaks_not_the_one_who_asked(lead: str, speaker: str) -> None:
    article = (
        "Sen. Mara Vosk of Ohio took part in the debate on Tuesday.\n\n"
        "\"Will the levy pass?\" moderator Teodor Lanz asked.\n\n"
        f"{lead} \"the harbour pays for itself.\"\n"
    )
    assert speaker_of(article, "the harbour pays for itself") == speaker


def test_a_lower_case_description_after_a_lead_in_speaks_through_its_participle() -> None:
    article = (
        "Justice Mara Vosk of the high court has rarely spoken about Governor Ivo Brandt.\n\n"
        "In two long interviews, the justice spoke out about Brandt, saying she did not \"want to dwell on\" his win.\n"
    )
    assert speaker_of(article, "want to dwell on") == "Mara Vosk"


def test_a_description_ending_on_a_trade_speaks_through_its_participle() -> None:
    article = (
        "Businessman Ivo Brandt held a rally in Salem on Monday.\n\n"
        "The wealthy businessman opened with the harbour, saying that fish are now \"cheaper than bait.\"\n"
    )
    assert speaker_of(article, "cheaper than bait") == "Ivo Brandt"


def test_a_body_named_with_the_speaks_through_its_participle() -> None:
    article = (
        "Governor Ivo Brandt held a rally in Salem on Monday.\n\n"
        "The Committee for Harbour Safety issued a letter, warning that the plan would \"sink the docks.\"\n"
    )
    assert speaker_of(article, "sink the docks") == "Committee for Harbour Safety"


def test_an_unnamed_spokesman_who_declined_but_said_is_no_one_named_in_the_clause() -> None:
    article = (
        "Governor Ivo Brandt held a rally in Salem on Monday.\n\n"
        "A spokesman for the Harbour Trust declined to comment on the rally but said in a short note that Brandt was "
        "\"welcome back any time.\"\n"
    )
    [quote] = find_quote_candidates(article)
    assert quote.speaker is None
    assert "spokesman" in (quote.speaker_role or "")


def test_a_survey_that_found_that_speaks_its_finding() -> None:
    article = (
        "Governor Ivo Brandt held a rally in Salem on Monday, and Mara Vosk spoke after him.\n\n"
        "In 2014, the Harbour Survey Center found that \"most boat owners back the levy.\"\n"
    )
    assert speaker_of(article, "most boat owners") == "Harbour Survey Center"


def test_a_span_of_time_opening_a_long_lead_in_is_not_the_subject() -> None:
    article = (
        "Sen. Mara Vosk spent the week on the radio.\n\n"
        "Hours after the harbour board voted down her levy on Monday night, Vosk took to the airwaves, saying the board "
        "had \"sold out the docks.\"\n"
    )
    assert speaker_of(article, "sold out the docks") == "Mara Vosk"


def test_two_words_that_lead_into_a_cue_are_both_passed_over() -> None:
    # "But as" before the outlet: the outlet speaks, not the man the quote is about
    article = (
        "The mayor spoke first. “We have done our part,” said Tom Hale.\n\n"
        "But as The Harbour Ledger pointed out, “Even now, Hale will not publish the audit.”\n"
    )
    assert speaker_of(article, "Even now, Hale") == "Harbour Ledger"


def test_an_aside_between_dashes_is_no_part_of_the_subject_before_the_verb() -> None:
    # the secretary named inside the aside had stepped down; the department answers the request
    article = (
        "The watchdog asked the Interior Department for the files in 2013. The review was led by "
        "Secretary of the Interior Dana Morrow.\n\n"
        "In June 2011 - two months after Morrow stepped down - the Interior Department told the watchdog "
        'that "no records matching your request were found."\n'
    )
    assert speaker_of(article, "no records matching") == "Interior Department"


@pytest.mark.parametrize("verb", ["answered", "speculates", "exhorted", "pleaded", "confided", "bragged", "implored"])
def test_a_verb_that_says_how_the_words_were_given_is_a_cue(verb: str) -> None:
    # the mayor is named nearer the quote; the verb after it hands the words to the spokesman
    article = (
        "Tom Briggs, a spokesman for the council, stood at the back of the hall.\n\n"
        f"Mayor Ruth Calder spoke for an hour about the bridge. “That is a fantasy,” Briggs {verb}.\n"
    )
    assert speaker_of(article, "That is a fantasy") == "Tom Briggs"


@pytest.mark.parametrize(("written", "name"), [("Sheriff Tom Hale", "Tom Hale"), ("Commissioner Ruth Calder", "Ruth Calder"), ("Pastor Omar Pruitt", "Omar Pruitt")])
def test_an_office_before_the_name_is_no_part_of_the_speakers_name(written: str, name: str) -> None:
    article = f"The flood reached the county on Monday.\n\n“We moved every family out by noon,” said {written}.\n"
    assert speaker_of(article, "We moved every family") == name


@pytest.mark.parametrize(
    "line",
    [
        "The plan is “a fantasy for the rich,” per Tom Briggs.",
        "“The plan is a fantasy for the rich” - Tom Briggs",
        "“The plan is a fantasy for the rich.” — Tom Briggs",
        "The plan is “a fantasy for the rich,” as described by Tom Briggs.",
        "The plan is “a fantasy for the rich” - as characterized by Tom Briggs - and few expect it to pass.",
        "In the words of Tom Briggs, the plan is “a fantasy for the rich.”",
    ],
)
def test_per_as_described_by_in_the_words_of_and_a_dash_signature_name_the_speaker(line: str) -> None:
    # the mayor is the only person named before the quote: the fallback would give her the words
    article = f"Mayor Ruth Calder spoke at length on the bridge on Monday.\n\n{line}\n"
    assert speaker_of(article, "The plan is" if line.startswith("“") else "a fantasy for the rich") == "Tom Briggs"


def test_the_person_whose_view_a_sentence_opens_on_speaks_after_its_colon() -> None:
    article = (
        "Mayor Ruth Calder spoke at length on the bridge on Monday.\n\n"
        "For Tom Briggs, the answer is simple: “The plan will not survive the winter.”\n"
    )
    assert speaker_of(article, "The plan will not") == "Tom Briggs"


def test_a_parenthetical_cue_gives_every_quote_of_its_sentence() -> None:
    article = (
        "Senator Ana Lund was asked about her record on Monday.\n\n"
        "Governor Tom Hale, Lund said, had been in office for “a thousand years” and signed “hundreds of bills.”\n"
    )
    assert speaker_of(article, "a thousand years") == "Ana Lund"
    assert speaker_of(article, "hundreds of bills") == "Ana Lund"


def test_a_later_quote_with_a_cue_of_its_own_keeps_it() -> None:
    article = (
        "Senator Ana Lund was asked about her record on Monday.\n\n"
        "“The plan is a fantasy,” Lund said, but Governor Tom Hale called it “a bridge to the future.”\n"
    )
    assert speaker_of(article, "a bridge to the future") == "Tom Hale"


def test_a_name_needs_no_comma_before_the_who_that_gives_its_words() -> None:
    article = (
        "Senator Ana Lund was on stage for an hour.\n\n"
        "Among many jokes about the vote was this post from Rosa Pruitt who wrote, “You see, they never follow "
        "the rules and nothing is ever done about it.”\n"
    )
    assert speaker_of(article, "You see, they never") == "Rosa Pruitt"


@pytest.mark.parametrize("opening", ["Throughout the night", "Amid the noise", "Across the river", "Until midnight", "Within minutes"])
def test_a_preposition_that_opens_the_sentence_is_nobodys_name(opening: str) -> None:
    article = f"Mayor Ruth Calder opened the bridge on Monday.\n\n{opening} the crowd chanted, “No more tolls for anyone.”\n"
    assert speaker_of(article, "No more tolls") != opening.split()[0]


@pytest.mark.parametrize("group", ["One of the mayor's allies", "Another of her old friends", "Two of his longtime supporters"])
def test_a_name_beside_a_description_that_picks_one_from_a_group_speaks(group: str) -> None:
    article = (
        "Mayor Ruth Calder sent the ferry budget to the council on Monday.\n\n"
        f"{group}, Nina Varga, said “the ferry has waited long enough.”\n"
    )
    assert speaker_of(article, "the ferry has waited") == "Nina Varga"


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("On Tuesday, the Ferry Workers Guild issued a statement saying", "Ferry Workers Guild"),
        ("On Tuesday, the ferry workers' union released a statement saying", "ferry workers' union"),
        ("Late on Tuesday, the transport ministry put out a statement on its website saying", "transport ministry"),
    ],
)
def test_a_body_that_put_out_a_statement_saying_gives_its_words(sentence: str, body: str) -> None:
    article = (
        "Mayor Ruth Calder sent the ferry budget to the council on Monday.\n\n"
        f"{sentence} “the budget leaves the night crossings to rot.”\n"
    )
    quote = quote_starting(article, "the budget leaves")
    assert body in (quote.speaker or quote.speaker_role or "")


def test_a_vote_of_no_ends_its_sentence_before_the_next_speaker() -> None:
    article = (
        "Mayor Ruth Calder sent the ferry budget to the council on Monday.\n\n"
        "Councillor Tom Briggs voted no. The mayor said “I respect a vote against, but the ferries need it.”\n"
    )
    assert speaker_of(article, "I respect a vote") == "Ruth Calder"


@pytest.mark.parametrize("owner", ["Tom Briggs's response", "His reply", "Briggs's answer"])
def test_the_owner_of_an_answer_before_a_bare_colon_speaks(owner: str) -> None:
    article = (
        "Mayor Ruth Calder sent the ferry budget to the council on Monday.\n\n"
        "Councillor Tom Briggs was asked whether he would back it.\n\n"
        f"{owner}: “Only if the night crossings stay.”\n"
    )
    assert speaker_of(article, "Only if the night") == "Tom Briggs"


def test_a_party_tag_set_off_by_commas_is_no_speaker() -> None:
    article = (
        "Mayor Ruth Calder sent the ferry budget to the council on Monday.\n\n"
        "Rep. Nina Varga, D-Ore., who chairs the ferry panel, said “the night crossings are a lifeline.”\n"
    )
    assert speaker_of(article, "the night crossings") == "Nina Varga"


@pytest.mark.parametrize("relation", ["Tom Briggs's wife", "Tom Briggs's oldest friend"])
def test_a_name_beside_a_persons_relation_speaks(relation: str) -> None:
    article = (
        "Councillor Tom Briggs fell ill before the ferry vote on Monday.\n\n"
        f"{relation}, Nina Varga, told reporters “he will be back for the next vote.”\n"
    )
    assert speaker_of(article, "he will be back") == "Nina Varga"


@pytest.mark.parametrize(
    "sentence",
    ["The Idaho Republican said “the ferry is a waste of money.”", "“The ferry is a waste of money,” the Idaho Republican said."],
)
def test_a_party_and_state_description_is_the_person_the_tag_named(sentence: str) -> None:
    article = (
        "Sen. Nina Varga (R-Idaho) spoke against the ferry budget on Monday, and Mayor Tom Briggs defended it.\n\n"
        f"{sentence}\n"
    )
    quote = next(q for q in find_quote_candidates(article) if q.text.lower().startswith("the ferry is a waste"))
    assert quote.speaker == "Nina Varga"


@pytest.mark.parametrize(
    "lead",
    ["Tom Briggs's statement read:", "The letter from Tom Briggs reads in part,", "Tom Briggs's post on Facebook read:", "His message to voters:"],
)
def test_a_document_read_out_before_the_quote_is_its_owners_words(lead: str) -> None:
    article = (
        "Mayor Ruth Calder sent the ferry budget to the council on Monday.\n\n"
        "Tom Briggs, a member of the council, walked out of the meeting.\n\n"
        f"{lead} “The night crossings deserve better than this.”\n"
    )
    assert speaker_of(article, "The night crossings deserve") == "Tom Briggs"


@pytest.mark.parametrize("title", ["Councillor", "Councilor"])
def test_a_councillor_is_a_title_not_part_of_the_name(title: str) -> None:
    article = (
        "Mayor Ruth Calder sent the ferry budget to the council on Monday.\n\n"
        f"{title} Tom Briggs, the mayor's fiercest rival, said “we will undo this budget in the spring.”\n"
    )
    quote = quote_starting(article, "we will undo")
    assert quote.speaker == "Tom Briggs"


def test_the_owner_of_a_question_put_to_someone_speaks() -> None:
    article = (
        "Mayor Ruth Calder sent the ferry budget to the council on Monday.\n\n"
        "Tom Briggs's question to the mayor was simple: “Who pays for the night crossings?”\n"
    )
    assert speaker_of(article, "Who pays for") == "Tom Briggs"


@pytest.mark.parametrize(
    "lead",
    [
        "Critics like Rep. Nina Varga attacked the budget, calling it",
        "Critics, including Nina Varga, said it was",
        "Some councillors, such as Nina Varga, called it",
    ],
)
def test_the_one_member_a_group_subject_names_speaks(lead: str) -> None:
    article = "Mayor Ruth Calder sent the ferry budget to the council on Monday.\n\n" f"{lead} “a slap in the face of the islands.”\n"
    assert speaker_of(article, "a slap in the face") == "Nina Varga"


@pytest.mark.parametrize(
    "lead",
    [
        "Mayor Ruth Calder said she expects that Canadians will say",
        "Mayor Ruth Calder told the council that Canadians would tell the board",
    ],
)
def test_words_foretold_are_the_foretellers(lead: str) -> None:
    article = f"{lead} “not this time” to the ferry cuts.\n"
    assert speaker_of(article, "not this time") == "Ruth Calder"


def test_words_that_would_be_said_later_are_still_the_subjects() -> None:
    article = "Tom Briggs fought the ferry cuts for years.\n\nBriggs would later say, “I was wrong about the night crossings.”\n"
    assert speaker_of(article, "I was wrong") == "Tom Briggs"


@pytest.mark.parametrize("pair", ["Nina and Tom Varga", "Ruth Calder and Tom Varga"])
def test_a_pair_named_beside_a_description_speaks_through_its_last_name(pair: str) -> None:
    article = f"The mayor's biographers, {pair}, wrote that she “never once gave up on the night ferry.”\n"
    assert speaker_of(article, "never once gave up") == "Tom Varga"


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        ("In Tom Varga's words, the cuts are", "Tom Varga"),
        ("Tom Varga, a councillor, voted no. In his own words, the cuts are", "Tom Varga"),
    ],
)
def test_whose_words_a_sentence_says_it_gives_speak(lead: str, speaker: str) -> None:
    article = f"Mayor Ruth Calder cut the ferry budget on Monday.\n\n{lead} “a slap in the face of the islands.”\n"
    assert speaker_of(article, "a slap in the face") == speaker


def test_in_other_words_names_no_speaker() -> None:
    article = (
        "Mayor Ruth Calder cut the ferry budget on Monday.\n\n"
        "In other words, the cuts are “a sensible step for the islands,” Tom Varga said.\n"
    )
    assert speaker_of(article, "a sensible step") == "Tom Varga"


def test_a_speech_verb_after_according_to_names_the_speaker_nearer_the_quote() -> None:
    article = (
        "President Ines Harrowgate toured the flooded town on Sunday.\n\n"
        "According to Town Hall pool reports, Harrowgate said “there is hope” in the valley after the flood.\n"
    )
    assert speaker_of(article, "there is hope") == "Ines Harrowgate"


def test_someone_asked_to_explain_is_not_the_one_whose_words_follow() -> None:
    article = (
        "Nora Pellwick leads a circle of farm-state donors.\n\n"
        "Pellwick said she would like Mayor Tomas Brenner to explain his water plan but backs him, since to her he is "
        "“clearly” the “stronger of the two.”\n"
    )
    assert speaker_of(article, "clearly") == "Nora Pellwick"


def test_a_compound_after_a_determiner_makes_the_speech_word_after_it_a_noun() -> None:
    article = (
        "Gov. Tomas Brenner answered his rival on Friday with a Pellwick-style retort, writing to him, "
        "“you are not only wrong, you are late.”\n"
    )
    assert speaker_of(article, "you are not only wrong") == "Tomas Brenner"


def test_a_party_and_office_before_a_title_and_name_open_the_subject_a_participle_speaks_for() -> None:
    article = (
        "Democratic presidential candidate Sen. Ines Harrowgate (I-Vt.) attacked the water accord signed in "
        "Lyon on Saturday, saying the deal goes “nowhere near far enough.”\n"
    )
    assert speaker_of(article, "nowhere near") == "Ines Harrowgate"


def test_a_speech_verb_inside_a_compound_adjective_is_no_cue() -> None:
    article = (
        "For Mayor Tomas Brenner, the win opens a narrow path. His strengths include backing from self-described "
        "“deeply traditional” voters and a large war chest.\n"
    )
    assert speaker_of(article, "deeply traditional") != "His"


@pytest.mark.parametrize(
    "article, start, speaker",
    [
        (
            "Mayor Tomas Brenner gave his last address in January. A few days later, at the town hall, "
            "Mr. Brenner expressed sorrow for “my failure to calm the anger in our town.”\n",
            "my failure",
            "Tomas Brenner",
        ),
        (
            "Gov. Ines Harrowgate won on Tuesday. Aides say any push could backfire, angering Mr. Pellwick, whom "
            "Ms. Harrowgate praised Tuesday night “for pushing us to get dark money out of our towns.”\n",
            "for pushing us",
            "Ines Harrowgate",
        ),
    ],
)
def test_words_a_speaker_expresses_or_praises_with_are_theirs(article: str, start: str, speaker: str) -> None:
    assert speaker_of(article, start) == speaker


def test_a_verb_that_needs_an_object_is_no_cue_after_a_quote() -> None:
    article = (
        "Judge Nora Pellwick heard the case on Monday. In a clip that Judge Pellwick called “distasteful,” "
        "Tomas Brenner expressed a wish to see the mayor jailed.\n"
    )
    assert speaker_of(article, "distasteful") == "Nora Pellwick"


def test_a_name_behind_its_titles_beside_a_description_speaks() -> None:
    article = (
        "One of the mayor's former backers, former Dover Rep. Ines Harrowgate, wrote to the Herald in a message "
        "that the campaign was “sad in a year when a woman should win.”\n"
    )
    assert speaker_of(article, "sad in a year") == "Ines Harrowgate"


@pytest.mark.parametrize(
    "article, start, speaker",
    [
        (
            "In the days before the mayor's speech, a group of priests called for a boycott, and the prominent civil "
            "rights group the Dover Justice League strongly denounced his words and said it would “return” all of "
            "his past gifts.\n",
            "return",
            "Dover Justice League",
        ),
        (
            "The mayor left the hall early, and Nora Pellwick stayed on and said the plan was “dead on arrival.”\n",
            "dead on arrival",
            "Nora Pellwick",
        ),
    ],
)
def test_a_second_verb_shares_the_subject_of_the_clause_its_and_opened(article: str, start: str, speaker: str) -> None:
    assert speaker_of(article, start) == speaker


def test_a_verb_of_judging_gives_its_subject_the_words_after_its_object_and_as() -> None:
    article = (
        "“Mr. Orr went after me at the rally,” Mr. Brenner wrote. Mr. Brenner added, “May I not answer "
        "him?” On the radio, Mr. Brenner's campaign chairman, Piet Pellwick, dismissed the outcry over "
        "Mr. Brenner's remarks about Ms. Orr as “Labour talking points.”\n"
    )
    assert speaker_of(article, "Labour talking points") == "Piet Pellwick"


def test_a_participle_opening_the_sentence_is_a_lead_in_not_a_name() -> None:
    article = (
        "Gov. Tomas Brenner spoke on Friday. Facing mounting criticism from both parties, Mr. Brenner released a "
        "statement on Saturday night, praising the soldier but arguing that Mr. Orr had “no right” to "
        "attack him.\n"
    )
    assert speaker_of(article, "no right") == "Tomas Brenner"


def test_a_second_quote_of_a_sentence_keeps_the_cue_of_its_first_over_an_unnamed_group_opening_it() -> None:
    article = (
        "Some Labour members said they feared a repeat of the 1992 conference, when Mayor Tomas Brenner, who had "
        "lost the party's nomination race, called for a “class war” against “bankers and landlords.”\n"
    )
    assert speaker_of(article, "class war") == "Tomas Brenner"
    assert speaker_of(article, "bankers and landlords") == "Tomas Brenner"


def test_a_name_painted_in_a_mood_or_set_in_its_home_beside_a_description_speaks() -> None:
    article = (
        "Hundreds gathered outside the shuttered grain depot in Kelby on Saturday. One of the rally's organisers, "
        "a hoarse Nora Pellwick of Dunmore, told the crowd, “We stay until the gates open.”\n"
    )
    assert speaker_of(article, "We stay until") == "Nora Pellwick"


def test_a_title_in_quotation_marks_inside_the_subjects_description_is_no_subject() -> None:
    article = (
        "Mayor Tomas Brenner ran the quiz for years. Nora Pellwick, a contestant on Brenner's show, \"The Quay,\" "
        "who later worked for Brenner, said her old boss was \"never short-tempered.\"\n"
    )
    assert speaker_of(article, "never short-tempered") == "Nora Pellwick"


@pytest.mark.parametrize("group", ["forty retired judges", "More than 200 economists"])
def test_a_number_of_unnamed_people_opening_the_sentence_speak_through_its_participle(group: str) -> None:
    article = (
        "Councillor Jonah Wexley said he would not endorse Victor Pell for governor.\n\n"
        f"{group[:1].upper() + group[1:]} signed an open letter opposing Pell, saying he “would be the least "
        "qualified governor in the state's history.”\n"
    )
    quote = quote_starting(article, "would be the least")
    assert (quote.speaker, quote.speaker_role) == (None, group[:1].upper() + group[1:])
