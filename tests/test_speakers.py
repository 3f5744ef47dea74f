"""Who said a quote, and what kind of voice they are: the shapes real news uses.

Every article here is invented for the test; each case is one habit of news writing that the
rules once got wrong (a speaker named paragraphs away, a description, a pronoun, a document).
"""

from __future__ import annotations

import pytest

from summarise.grounding import find_actor_candidates, find_quote_candidates
from summarise.rules import rules_briefing
from summarise.schemas import SpeakerType
from tests.quote_lookup import quote_starting


def test_an_expert_introduced_paragraphs_before_is_an_analyst() -> None:
    article = (
        "OSLO — Naval drills off the coast grew larger this week.\n\n"
        "Marta Lindqvist, a senior fellow at the Baltic Policy Institute in Riga, has followed the fleet for a decade.\n\n"
        "The ministry gave no figures for the number of ships involved.\n\n"
        "\"The drills are a message to every capital on the sea, and they are meant to be read that way,\" Lindqvist said.\n"
    )
    q = quote_starting(article, "The drills are a message")
    assert q.speaker == "Marta Lindqvist"
    assert q.speaker_type == SpeakerType.ANALYST


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("the head of the Velmora Institute for Peace Research", SpeakerType.ANALYST),
        ("director of the Centre for Strategic Studies in Karsk", SpeakerType.ANALYST),
        ("director of the National Storm Center", SpeakerType.OFFICIAL),  # a government's centre: no research body
        ("the defence minister and chair of the Harbour Policy Institute", SpeakerType.OFFICIAL),
    ],
)
def test_the_head_of_a_research_institute_speaks_as_an_analyst(description: str, expected: SpeakerType) -> None:
    article = (
        "Valdoria published its new defence review on Tuesday.\n\n"
        f"\u201cThe review is a real change of course for the country,\u201d said Tomas Vale, {description}.\n"
    )
    q = quote_starting(article, "The review is")
    assert q.speaker == "Tomas Vale"
    assert q.speaker_type == expected


@pytest.mark.parametrize(
    "description",
    [
        "the chief economist for the forecaster Harbour Analytics",  # "chief" is no office here
        "an economist at Harbour Analytics",
        "a pollster for the Liberal Party",
        "a historian of the navy",
        "a research coordinator at Harbour Armament Services (HAS)",
        "a columnist for the Harbour Ledger",  # a commentator (LABELLING.md)
        "a conservative radio pundit",
    ],
)
def test_economists_pollsters_historians_and_research_staff_speak_as_analysts(description: str) -> None:
    article = (
        "Valdoria published its new budget on Tuesday.\n\n"
        f"\u201cThe budget is a real change of course for the country,\u201d said Tomas Vale, {description}.\n"
    )
    assert quote_starting(article, "The budget is").speaker_type == SpeakerType.ANALYST


@pytest.mark.parametrize(
    ("title", "expected"),
    [("National Security Adviser", SpeakerType.OFFICIAL), ("Deputy National Security Advisor", SpeakerType.OFFICIAL)],
)
def test_a_security_adviser_speaks_as_an_official(title: str, expected: SpeakerType) -> None:
    article = f"Valdoria struck the depots on Tuesday.\n\n{title} Tomas Vale stated that the strikes had \u201cworked as planned.\u201d\n"
    q = quote_starting(article, "worked as planned")
    assert q.speaker == "Tomas Vale"
    assert q.speaker_type == expected


@pytest.mark.parametrize(
    "said",
    ["\u201cThe levy will send the ships to Riga,\u201d Tomas Vale said.", "\u201cThe levy will send the ships to Riga,\u201d said Tomas Vale."],
)
def test_a_role_held_back_a_sentence_before_the_name_types_the_speaker(said: str) -> None:
    article = (
        "Valdoria's port minister announced a levy on foreign ships on Monday.\n\n"
        f"A senior researcher at the Harbour Policy Institute disagreed. {said}\n"
    )
    q = quote_starting(article, "The levy will send")
    assert q.speaker == "Tomas Vale"
    assert q.speaker_type == SpeakerType.ANALYST


def test_a_role_in_a_sentence_that_speaks_of_no_one_types_no_speaker() -> None:
    article = (
        "A harbour police officer was hurt in the blast on Monday.\n\n"
        "\u201cWe are all in shock,\u201d Tomas Vale said.\n"
    )
    assert quote_starting(article, "We are all").speaker_type != SpeakerType.OFFICIAL


def test_a_speaker_missed_by_the_actor_finder_is_named_in_full_and_typed() -> None:
    article = (
        "Ilse Varga, an expert on Central Asia from the Danube Institute for Security Studies, followed the vote.\n\n"
        "\"Nobody expected the count to take three weeks, and nobody trusts it now,\" Varga wrote in a note to clients.\n"
    )
    q = quote_starting(article, "Nobody expected")
    assert q.speaker == "Ilse Varga"
    assert q.speaker_type == SpeakerType.ANALYST


def test_a_description_before_the_name_is_the_person_named_later() -> None:
    article = (
        "TALLINN — Troop columns seen near the border on Sunday were \u201cunusual and worrying,\u201d the country\u2019s "
        "defence minister told a radio station.\n\n"
        "\u201cWe are watching every unit they move,\u201d Defence Minister Arno Kask said later in parliament.\n"
    )
    q = quote_starting(article, "unusual and worrying")
    assert q.speaker == "Arno Kask"
    assert q.speaker_type == SpeakerType.OFFICIAL


def test_an_anonymous_official_is_not_given_the_name_of_another_official() -> None:
    article = (
        "The launch was overseen by Pavel Orlik, a senior official of the ruling party, state media said.\n\n"
        "A military official in the capital, speaking on condition of anonymity, doubted the range.\n\n"
        "\u201cWhat they publish is the best case, not what the radar saw,\u201d the official said.\n"
    )
    q = quote_starting(article, "What they publish")
    assert q.speaker is None
    assert q.speaker_type == SpeakerType.OFFICIAL


def test_the_named_person_must_fit_every_name_in_the_description() -> None:
    article = (
        "\u201cThe port and the grain stores were hit again,\u201d regional governor Oleh Marchuk wrote on Telegram.\n\n"
        "The governor of the Kursk region said a fire at a \u201cfuel depot near the rail junction\u201d had been put out.\n"
    )
    q = quote_starting(article, "fuel depot")
    assert q.speaker != "Oleh Marchuk"


def test_its_statement_is_the_body_that_spoke_last_not_a_name_inside_its_words() -> None:
    article = (
        "The Latvian foreign ministry accused the bloc of \u201crewarding the hardliners in Minsk at every turn.\u201d\n\n"
        "Its statement went on: \u201cNew tariffs will not rebuild a single border town.\u201d\n"
    )
    q = quote_starting(article, "New tariffs will not")
    assert q.speaker is not None and "ministry" in q.speaker.lower()
    assert q.speaker_type == SpeakerType.ORGANISATION


def test_a_passive_report_names_its_speakers() -> None:
    article = "The night\u2019s shelling, described by villagers as \u201clouder than anything since the spring,\u201d hit the school.\n"
    q = quote_starting(article, "louder than anything")
    assert q.speaker_type == SpeakerType.WITNESS


def test_what_a_state_describes_itself_as_is_a_term_not_a_quote() -> None:
    article = "Beijing describes itself as a \u201cnear-Arctic state\u201d and has sent research ships north every summer.\n"
    assert not [q for q in find_quote_candidates(article) if "near-Arctic" in q.text]


def test_an_unnamed_official_at_a_body_speaks_for_that_body() -> None:
    article = (
        "The Baltic Fleet Command said on Sunday that two patrol boats had left port.\n\n"
        "\u201cThe boats sailed east before dawn and have not answered radio calls since,\u201d said an official at the "
        "Baltic Fleet Command.\n"
    )
    q = quote_starting(article, "The boats sailed east")
    assert q.speaker == "Baltic Fleet Command"
    assert q.speaker_type == SpeakerType.OFFICIAL


@pytest.mark.parametrize("cue", ["points out", "elaborated", "has pointed out", "reiterated", "counters"])
def test_cue_verbs_in_every_tense(cue: str) -> None:
    article = (
        "Jonas Petrauskas, a professor of history at Vilnius University, has written on the border for years.\n\n"
        f"\u201cEvery treaty on this river was signed after a war, never before one,\u201d he {cue}.\n"
    )
    q = quote_starting(article, "Every treaty")
    assert q.speaker == "Jonas Petrauskas"
    assert q.speaker_type == SpeakerType.ANALYST


def test_an_adjective_shaped_like_a_speech_verb_does_not_take_the_quote() -> None:
    article = (
        "Finland\u2019s Interior Ministry said on Friday that the East\u2019s continued pressure on the crossings was a "
        "breach of the agreement and \u201cwill only harden the border further.\u201d\n"
    )
    q = quote_starting(article, "will only harden")
    assert q.speaker is not None and "Ministry" in q.speaker


def test_the_briefing_carries_the_resolved_speaker_and_type() -> None:
    article = (
        "HELSINKI, March 3 — Finland closed two more crossings on Tuesday.\n\n"
        "Aino Rautio, a researcher at the Nordic Institute of Foreign Affairs, said the closures would last.\n\n"
        "\u201cThis is not a pause, it is the new border,\u201d Rautio said.\n"
    )
    quotes = [q for q in rules_briefing(article).quotes if q.text.startswith("This is not a pause")]
    assert quotes and quotes[0].speaker == "Aino Rautio"
    assert quotes[0].speaker_type == SpeakerType.ANALYST
    assert rules_briefing(article).analyst_quotes


def test_a_definite_description_is_the_person_named_before_it() -> None:
    article = (
        "Colonel Rasmus Dahl served thirty years in the northern brigades before he retired to write.\n\n"
        "\u201cThe river freezes in January and the whole plan depends on the ice,\u201d the veteran elaborates.\n"
    )
    q = quote_starting(article, "The river freezes")
    assert q.speaker == "Rasmus Dahl"


def test_she_is_the_woman_named_before_not_the_nearest_man() -> None:
    article = (
        "Senator Maria Ortega met the governor, Daniel Reyes, in the capital on Monday.\n\n"
        "Ms. Ortega has opposed the pipeline since her first campaign.\n\n"
        "Reyes spoke to the press first, and then Ortega spoke about the budget.\n\n"
        "\u201cWe will not sign a blank cheque for anyone,\u201d she said.\n"
    )
    q = quote_starting(article, "We will not sign")
    assert q.speaker == "Maria Ortega"


def test_a_spokeswoman_is_she() -> None:
    article = (
        "The army\u2019s spokeswoman, Colonel Sita Varma, said troops had crossed the line first, and that a "
        "farmer was killed when a shell hit his house near the river, while Captain Arjun Mehta watched.\n\n"
        "\u201cWe only answered fire with fire,\u201d she said.\n"
    )
    q = quote_starting(article, "We only answered")
    assert q.speaker == "Sita Varma"


@pytest.mark.parametrize("document", ["the release", "the statement", "the party's statement"])
def test_a_document_speaks_for_the_body_that_issued_it(document: str) -> None:
    article = (
        "The Green Party of Lapland announced on Friday that its leader would not attend the rally.\n\n"
        f"\u201cThe leader has other duties this weekend and sends her regards to the voters of Rovaniemi,\u201d {document} added.\n"
    )
    q = quote_starting(article, "The leader has other duties")
    assert q.speaker is not None and "Green Party" in q.speaker


def test_a_phrase_between_the_quote_and_its_cue() -> None:
    article = (
        "The ferry tax \u201churt the islands more than the city\u201d over the winter, said Lakeland College "
        "professor Nadia Quist.\n"
    )
    q = quote_starting(article, "hurt the islands")
    assert q.speaker == "Nadia Quist"
    assert q.speaker_type == SpeakerType.ANALYST


def test_a_title_before_an_unlisted_name_is_not_the_name() -> None:
    article = "\u201cThe harbour plan needs a second vote before the summer,\u201d added Rep. Olive Brannagh Tunney.\n"
    q = quote_starting(article, "The harbour plan needs")
    assert q.speaker is not None and "Tunney" in q.speaker and not q.speaker.startswith("Rep")


def test_age_and_hometown_between_a_name_and_its_verb() -> None:
    article = (
        "Crowds filled the square by noon.\n\n"
        "Tomas Ferreira, 22, of Braga, Port., said he would vote again only if the count was \u201cdone by hand in every parish.\u201d\n"
    )
    q = quote_starting(article, "done by hand")
    assert q.speaker == "Tomas Ferreira"


@pytest.mark.parametrize(
    "between",
    [", 54, a farmer from Braga,", ", D-Ore., the chairman of the budget committee,", ", of Braga, a retired teacher,"],
)
def test_several_things_a_person_is_between_the_quote_and_its_cue(between: str) -> None:
    article = f"Crowds filled the square by noon.\n\n\u201cThe count must be done by hand,\u201d Tomas Ferreira{between} said.\n"
    assert quote_starting(article, "The count must").speaker == "Tomas Ferreira"


@pytest.mark.parametrize("body", ["the Lena Report", "the Harbour Report, a research firm"])
def test_a_person_named_with_the_body_they_are_of_speaks_not_the_body(body: str) -> None:
    article = f"\u201cThe rocket commanders are kept out of sight,\u201d said Omar Alvale of {body}.\n"
    assert quote_starting(article, "The rocket commanders").speaker == "Omar Alvale"
    assert not any(" of " in c.name for c in find_actor_candidates(article))


def test_the_witness_is_not_the_official_quoted_before() -> None:
    article = (
        "\u201cThe march was peaceful until the police came,\u201d said Mara Lind, deputy director at Rights Watch.\n\n"
        "\u201cI heard shouting and saw two boys lying in the road,\u201d the witness said.\n"
    )
    q = quote_starting(article, "I heard shouting")
    assert (q.speaker, q.speaker_type) == (None, SpeakerType.WITNESS)


def test_a_neighbour_named_beside_the_word_is_a_witness() -> None:
    article = (
        "Tomas Ferreira watched the river rise on Sunday.\n\n"
        "Ferreira's neighbour, Ana Lund, said the water \u201ccame up in an hour and took the fences.\u201d\n"
    )
    q = quote_starting(article, "came up in an hour")
    assert (q.speaker, q.speaker_type) == ("Ana Lund", SpeakerType.WITNESS)


def test_a_cue_between_commas_mid_sentence_then_what_the_speaker_did_next() -> None:
    article = (
        "President Ana Lund spoke on Sunday about the shelling.\n\n"
        "Shells fell on \u201cschools, markets and our hospitals\u201d in Braga, she said, and sent condolences to the families.\n"
    )
    assert quote_starting(article, "schools, markets").speaker == "Ana Lund"


@pytest.mark.parametrize("source", ["Tomas Ferreira", "Tomas Ferreira of the Braga Institute of Technology"])
def test_according_to_at_the_end_of_the_sentence_gives_its_short_quote(source: str) -> None:
    article = f"Crowds filled the square by noon.\n\nThe blast sent people \u201cflying\u201d across the square, according to {source}.\n"
    assert quote_starting(article, "flying").speaker == "Tomas Ferreira"


def test_a_person_introduced_by_an_appositive_is_the_antecedent_of_he() -> None:
    article = (
        "Ansel Brook, chairman of the county party committee, spent Sunday knocking on doors.\n\n"
        "\u201cPeople here want the bridge fixed before anything else,\u201d he said.\n"
    )
    q = quote_starting(article, "People here want the bridge")
    assert q.speaker == "Ansel Brook"


def test_a_definite_description_without_a_role_word_is_the_person_named_before() -> None:
    article = (
        "Senator Arvid Lund visited the shipyard on Wednesday and met the welders.\n\n"
        "\u201cThe yard can build ferries again if the state lets it,\u201d the presumptive nominee wrote in a post.\n"
    )
    q = quote_starting(article, "The yard can build")
    assert q.speaker == "Arvid Lund"


def test_a_name_after_a_role_and_a_preposition_is_not_the_speaker() -> None:
    article = (
        "Former governor Alma Reyes lost the 2010 race for the senate seat.\n\n"
        "\u201cShe walked into the same trap twice in one campaign,\u201d said one longtime adviser to Alma Reyes.\n"
    )
    q = quote_starting(article, "She walked into the same trap")
    assert q.speaker is None


def test_a_title_and_an_unlisted_name_is_that_name() -> None:
    article = "On Tuesday, Senate Majority Leader Oskar Brandvold said the new ferry contract was \u201ca gift to one company.\u201d\n"
    q = quote_starting(article, "a gift to one company")
    assert q.speaker == "Oskar Brandvold"


def test_a_sentence_opened_by_the_same_pronoun_names_no_one_new() -> None:
    article = (
        "Senator Dag Olsen spoke to the veterans on Monday.\n\n"
        "He attacked the treaty signed by President Ruud Maas, who he said was \u201cout of touch with every port town.\u201d\n"
    )
    q = quote_starting(article, "out of touch")
    assert q.speaker == "Dag Olsen"


@pytest.mark.parametrize(
    "line",
    [
        '<tweet tweet-id="773113752271060992" author="@someone"><tweet/>.',
        "The film was shot at the studio once used for the reality show \u201cThe Harbour Masters.\u201d",
        "Her column for the paper ran under the title \u201cBlue Anchor Sailing Club\u201d for a decade.",
    ],
)
def test_markup_numbers_and_titles_are_not_quotes(line: str) -> None:
    assert not find_quote_candidates("Residents gathered in the square on Sunday afternoon.\n\n" + line + "\n")


def test_a_clause_running_on_from_the_quote_is_not_its_speaker() -> None:
    article = (
        "The old ferry law was \u201cwritten for a different century,\u201d said Gary Osei, a professor of law at Lakeland College.\n\n"
        "He added that the ministry \u201cmade every crossing slower\u201d by tying its grants to new paperwork for the islands.\n"
    )
    q = quote_starting(article, "made every crossing slower")
    assert q.speaker == "Gary Osei"


def test_a_long_description_of_a_speaker_is_cut_not_fatal() -> None:
    article = (
        "Jan Kowalczyk, a retired harbour pilot who had talked for years about the ferries and the fares and the winter "
        "timetable and the state of the quay with anyone in the town who would listen to him, came to the meeting.\n\n"
        "\u201cThe boats will not run in January at all,\u201d Kowalczyk said.\n"
    )
    [q] = find_quote_candidates(article)
    assert q.speaker == "Jan Kowalczyk"
    assert q.speaker_role is not None and len(q.speaker_role) <= 120
    assert rules_briefing(article).quotes  # the quote stays in the briefing


def test_a_pronoun_with_an_adverb_is_still_a_pronoun() -> None:
    article = (
        "Senator Maria Ortega spoke to the press on Monday about the harbour.\n\n"
        "She also said, to applause, that the budget would \u201ccover every ferry until the spring.\u201d\n"
    )
    q = quote_starting(article, "cover every ferry")
    assert q.speaker == "Maria Ortega"


def test_a_first_and_last_name_opening_a_sentence_is_a_person() -> None:
    article = (
        "Paul Okafor opened the meeting with a report on the quay.\n\n"
        "Donald Brennan also spoke against the council\u2019s plan at the meeting.\n\n"
        "\u201cNobody on that council has ever worked a night shift on the docks,\u201d he said.\n"
    )
    q = quote_starting(article, "Nobody on that council")
    assert q.speaker == "Donald Brennan"


def test_a_source_that_is_nobody_gives_way_to_the_verbs_subject() -> None:
    article = (
        "Tomas Lind, a member of the party's executive committee, said on Tuesday that according to its "
        "figures the turnout had risen, but \u201cthe northern valleys have not reported yet.\u201d\n"
    )
    q = quote_starting(article, "the northern valleys")
    assert q.speaker == "Tomas Lind"


def test_a_title_with_its_office_before_an_unlisted_name() -> None:
    article = (
        "Secretary of State John F. Berrigan said in a statement on Sunday that the new border post was "
        "\u201copen to every trader with papers.\u201d\n"
    )
    q = quote_starting(article, "open to every trader")
    assert q.speaker is not None and "Berrigan" in q.speaker


def test_a_surname_the_article_also_writes_after_a_first_name_is_a_person() -> None:
    article = (
        "Donald Harwick toured the port on Monday.\n\n"
        "Harwick said the cranes were old. Later, Harwick met the dock workers and Harwick thanked them.\n\n"
        "\u201cThis harbour deserves better than what it got from the council,\u201d he said.\n"
    )
    q = quote_starting(article, "This harbour deserves")
    assert q.speaker is not None and "Harwick" in q.speaker


def test_a_participle_cue_gives_the_quote_to_the_sentences_subject() -> None:
    article = "Donald Harwick spoke for an hour at the fish market, telling the traders, \u201cYour prices will be fair again by autumn.\u201d\n"
    q = quote_starting(article, "Your prices will be fair")
    assert q.speaker == "Donald Harwick"


def test_a_body_then_its_officers_name_is_the_officer() -> None:
    article = (
        "The Harbour Watch Foundation asked the court for the records on Monday.\n\n"
        "\u201cThe court has opened the harbour\u2019s books at last,\u201d said Harbour Watch Foundation president Thomas Fenwick.\n"
    )
    q = quote_starting(article, "The court has opened")
    assert q.speaker == "Thomas Fenwick"


# --- who "he", "she" and "the senator" stand for across paragraphs (issue 11, PolNeAR's misses) ---


def test_a_role_word_before_another_name_does_not_give_the_first_name_its_gender() -> None:
    article = (
        "Maria Lindgren opened the harbour debate on Monday, and Lindgren said the port needed money.\n\n"
        "Anna Holm, a councillor, said she would vote against the plan.\n\n"
        "The vote was close, Lindgren spokesman Tomas Berg told reporters.\n\n"
        "\u201cWe will not wait for the ministry to make up its mind,\u201d she said.\n"
    )
    q = quote_starting(article, "We will not wait")
    assert q.speaker is not None and "Lindgren" in q.speaker


def test_a_surname_alone_is_not_read_as_a_first_name_for_he_or_she() -> None:
    article = (
        "\u201cThe budget is late again and the council knows why,\u201d Carter said on Monday.\n\n"
        "\u201cNobody in this chamber reads the figures before voting,\u201d she added.\n"
    )
    q = quote_starting(article, "Nobody in this chamber")
    assert q.speaker == "Carter"


def test_he_after_a_quote_is_its_speaker_not_the_first_name_in_that_sentence() -> None:
    article = (
        "Governor Luis Ortiz and Senator Paul Brennan met on Friday to discuss the river.\n\n"
        "Ortiz is a \u201cserious partner on water,\u201d Brennan said. "
        "\u201cWe will sign the compact before the summer recess,\u201d he added.\n"
    )
    q = quote_starting(article, "We will sign the compact")
    assert q.speaker == "Paul Brennan"


def test_the_subject_of_a_sentence_speaks_the_quote_in_what_they_did() -> None:
    article = (
        "\u201cThe road will be finished by spring,\u201d Mayor Elena Voss said.\n\n"
        "Luis Ortiz, who trails in the polls, mocked the plan as \u201ca toll road to nowhere that nobody asked for.\u201d\n"
    )
    q = quote_starting(article, "a toll road to nowhere")
    assert q.speaker == "Luis Ortiz"


def test_he_points_at_the_subject_not_at_a_name_in_a_lead_in_clause() -> None:
    article = (
        "Mayor Elena Voss spoke first at the town hall.\n\n"
        "In describing his rival Luis Ortiz, Daniel Kerr said he saw a man without a plan.\n\n"
        "\u201cYou have to be able to change your mind when the facts change,\u201d he said.\n"
    )
    q = quote_starting(article, "You have to be able")
    assert q.speaker == "Daniel Kerr"


def test_an_outlet_named_with_the_speaks_for_itself() -> None:
    article = (
        "Mayor Elena Voss signed the harbour contract on Monday.\n\n"
        "The contract \u201cwas never put out to a public tender of any kind,\u201d the Times reported.\n"
    )
    q = quote_starting(article, "was never put out")
    assert q.speaker == "Times"


def test_the_president_is_the_president_named_before_when_the_word_came_back_in_between() -> None:
    article = (
        "President Ilona Marsh signed the water bill on Monday.\n\n"
        "Critics said the president's plan would raise prices in the north.\n\n"
        "\u201cEvery town will have clean water by next year,\u201d the president said.\n"
    )
    q = quote_starting(article, "Every town will have")
    assert q.speaker == "Ilona Marsh"


def test_a_cue_sentence_after_a_quote_ended_by_an_exclamation_mark() -> None:
    article = (
        "\u201cThe ferry will run all winter,\u201d Mayor Elena Voss said.\n\n"
        "\u201cGive the islands their ferry back and stop the excuses!\u201d Ortiz said.\n"
    )
    q = quote_starting(article, "Give the islands")
    assert q.speaker is not None and "Ortiz" in q.speaker


@pytest.mark.parametrize(
    "cue",
    [
        "Pavel Dunn asked, pointing at the breakwater.",
        "Rep. Pavel Dunn, R-Ore., said of the plan.",
        "Dunn, the harbour master, said on Monday.",
        "Dunn asked as the tide came in, calling the plan \u201ca gamble.\u201d",
        "asked Pavel Dunn, a harbour pilot for 30 years.",
    ],
)
def test_a_cue_sentence_that_runs_on_after_a_question_or_an_exclamation_names_its_speaker(cue: str) -> None:
    article = (
        "Ines Rook, the mayor, wants a new seawall built before the winter storms.\n\n"
        f"\u201cWill the old wall hold another winter? Nobody knows!\u201d {cue}\n"
    )
    q = quote_starting(article, "Will the old wall hold")
    assert q.speaker is not None and "Dunn" in q.speaker


@pytest.mark.parametrize(
    "quote_and_cue",
    [
        "\u201cThat plan would sink the whole port,\u201d Dunn scoffed.",
        "\u201cThat plan would sink the whole port,\u201d Pavel Dunn, the harbour master, laughed on Monday.",
        "\u201cWould that plan sink the whole port?\u201d Dunn repeated.",
        "\u201cThat plan would sink the whole port,\u201d Dunn muttered as he left the hall.",
    ],
)
def test_a_verb_of_manner_right_after_the_quote_is_its_cue(quote_and_cue: str) -> None:
    article = (
        "Ines Rook, the mayor, wants a new seawall built before the winter storms.\n\n"
        "Pavel Dunn, the harbour master, listened from the back of the hall.\n\n"
        f"Rook spoke for an hour. {quote_and_cue}\n"
    )
    q = quote_starting(article, "")
    assert "plan" in q.text and q.speaker == "Pavel Dunn"


def test_a_sentence_that_only_laughs_after_an_exclamation_is_a_reaction_not_a_cue() -> None:
    article = (
        "\u201cThe seawall will be finished by the spring,\u201d Mayor Ines Rook told the crowd on the quay. "
        "\u201cAnd the council will pay for every last stone of it!\u201d The crowd laughed.\n"
    )
    q = quote_starting(article, "And the council will pay")
    assert q.speaker == "Ines Rook"


def test_the_sentence_after_a_quote_inside_the_reporters_own_sentence_is_not_its_cue() -> None:
    article = (
        "Ines Rook, the mayor, wants a new seawall built before the winter storms.\n\n"
        "Pavel Dunn, the harbour master, has cheered dock workers on with lines like "
        "\u201cthe port will stay open as long as I hold the keys.\u201d Rook has also announced a plan of her own.\n"
    )
    q = quote_starting(article, "the port will stay open")
    assert q.speaker == "Pavel Dunn"


def test_a_new_sentence_after_a_question_that_reports_speech_is_not_its_cue() -> None:
    article = (
        "\u201cThe seawall will hold,\u201d Mayor Ines Rook told reporters on the quay. "
        "\u201cWho would pay for a new one?\u201d Councillor Pavel Dunn, the treasurer, said he would put the question to a vote.\n"
    )
    q = quote_starting(article, "Who would pay")
    assert q.speaker == "Ines Rook"


def test_a_cue_that_closes_the_sentence_after_another_clause() -> None:
    article = (
        "Nora Dahl runs the bookings office at the ferry port, and Luis Ortiz runs the ferries.\n\n"
        "Ortiz expects a busy summer. \u201cThere is a sense of calm again,\u201d and bookings rose last week, Dahl said.\n"
    )
    q = quote_starting(article, "There is a sense of calm")
    assert q.speaker is not None and "Dahl" in q.speaker


def test_a_closing_mark_before_the_pronoun_does_not_hide_it() -> None:
    article = (
        "Mayor Elena Voss spoke to the transport committee on Monday.\n\n"
        '"After that," she said, "we will tie the fares to the wages of the people who pay them."\n'
    )
    q = quote_starting(article, "we will tie the fares")
    assert q.speaker == "Elena Voss"


def test_the_name_closing_a_speaker_phrase_speaks_not_the_name_before_it() -> None:
    article = (
        "Elena Voss leads the race for mayor.\n\n"
        "\u201cWe are ahead in every district but the harbour,\u201d said Harbour Polls researcher Ana Ruiz.\n"
    )
    q = quote_starting(article, "We are ahead")
    assert q.speaker == "Ana Ruiz"


def test_a_capitalised_clause_opener_is_never_a_speaker() -> None:
    article = (
        "The council met on Monday to vote on the port budget.\n\n"
        "When asked about the delay, a council clerk did not answer, but added a note: "
        "\u201cThe minutes will be published when they are ready.\u201d\n"
    )
    q = quote_starting(article, "The minutes will be")
    assert q.speaker != "When"


def test_the_subject_of_the_clause_holding_the_quote_speaks() -> None:
    article = (
        "\u201cThe bridge tolls stay,\u201d Mayor Elena Voss said on Monday.\n\n"
        "Governor Luis Ortiz signed an order to freeze the tolls, while Nora Dahl, the council's treasurer, "
        "proposed that drivers \u201cpay by the mile and not by the bridge they happen to cross.\u201d\n"
    )
    q = quote_starting(article, "pay by the mile")
    assert q.speaker == "Nora Dahl"


def test_an_unattributed_quote_after_a_sentence_about_someone_else_is_theirs() -> None:
    article = (
        "\u201cWe cannot pay for the new pier this year,\u201d Mayor Elena Voss said.\n\n"
        "Luis Ortiz, the council's longest-serving member, pointed to the harbour fees. "
        "\u201cThe fees alone would pay for two piers if anyone collected them.\u201d\n"
    )
    q = quote_starting(article, "The fees alone")
    assert q.speaker == "Luis Ortiz"


def test_a_sentence_reporting_what_someone_else_said_is_not_the_cue_of_the_quote_before_it() -> None:
    article = (
        "\u201cIt was a grim night for the town,\u201d Mayor Ines Rook told reporters outside the depot in Halden. "
        "\u201cThis is what the fight has come to. It has no place in a local race.\u201d "
        "Councillor Pavel Dunn said he would have sacked the volunteer.\n"
    )
    q = quote_starting(article, "This is what the fight")
    assert q.speaker == "Ines Rook"


def test_a_short_cue_sentence_after_a_quote_still_names_its_speaker() -> None:
    article = (
        "\u201cThe ferry runs all winter,\u201d Mayor Ines Rook told reporters on the quay. "
        "\u201cNot this winter, it doesn't.\u201d Pavel Dunn said.\n"
    )
    q = quote_starting(article, "Not this winter")
    assert q.speaker == "Pavel Dunn"


def test_a_quote_in_a_new_paragraph_that_names_someone_else_does_not_run_on_from_the_last_speaker() -> None:
    article = (
        "\u201cThe ferry will run all winter,\u201d said Tomas Brenn, a dock foreman.\n\n"
        "The harbour board bid for the regatta hoping to shed what Vera Sollie called \u201ca decade of neglect.\u201d\n"
    )
    q = quote_starting(article, "a decade of neglect")
    assert q.speaker == "Vera Sollie"


def test_a_quote_that_points_back_with_a_pronoun_still_runs_on_from_the_last_speaker() -> None:
    article = (
        "\u201cThe ferry will run all winter,\u201d said Tomas Brenn, a dock foreman.\n\n"
        "He added that the board owed Vera Sollie \u201ca great deal of thanks.\u201d\n"
    )
    q = quote_starting(article, "a great deal of thanks")
    assert q.speaker == "Tomas Brenn"


def test_a_quote_with_no_speaker_nearby_goes_to_the_person_its_own_sentence_names_not_the_one_before() -> None:
    article = (
        "Host Anton Vik will interview several guests on the morning programme.\n\n"
        "The station hopes the show can shed what Lena Moe called \u201cthe dullest hour on the dial.\u201d\n"
    )
    q = quote_starting(article, "the dullest hour")
    assert q.speaker == "Lena Moe"


def test_a_person_named_after_a_preposition_is_not_the_speaker_of_a_quote_their_sentence_gives_another() -> None:
    article = (
        "Host Anton Vik will interview several guests on the morning programme.\n\n"
        "For Anton Vik, the show is the cure for what Lena Moe called \u201cthe dullest hour on the dial.\u201d\n"
    )
    q = quote_starting(article, "the dullest hour")
    assert q.speaker == "Lena Moe"


def test_words_a_person_owns_in_the_sentence_are_theirs() -> None:
    article = (
        "Mayor Luis Ortiz opened the new pier in May.\n\n"
        "Rents keep rising. It is the lasting pull of Ortiz's \u201cevery pier stays open\u201d pledge that keeps the ferries full.\n"
    )
    q = quote_starting(article, "every pier stays open")
    assert q.speaker == "Luis Ortiz"


def test_a_he_or_they_after_someone_else_is_named_does_not_point_back_at_the_last_speaker() -> None:
    article = (
        "\u201cThe ferry will run all winter,\u201d said Tomas Brenn, a dock foreman.\n\n"
        "Former Mayor Vera Sollie (Lab.), a rival of the council, praised the crews for what they had done, "
        "calling it \u201ca small miracle.\u201d\n"
    )
    q = quote_starting(article, "a small miracle")
    assert q.speaker == "Vera Sollie"


def test_a_quote_in_a_sentence_about_no_one_is_not_given_to_a_person_from_an_earlier_paragraph() -> None:
    article = (
        "Mayor Luis Ortiz opened the pier in May.\n\n"
        "The weather is another matter.\n\n"
        "The brochure's \u201ccheapest ferry in the north\u201d line came from the tourist board.\n"
    )
    q = quote_starting(article, "cheapest ferry in the north")
    assert q.speaker is None


def test_a_quote_in_a_sentence_that_says_he_may_still_be_the_person_named_paragraphs_before() -> None:
    article = (
        "Mayor Luis Ortiz opened the pier in May.\n\n"
        "The weather is another matter.\n\n"
        "When he came back to the quay, he called the ferry \u201cthe cheapest in the north.\u201d\n"
    )
    q = quote_starting(article, "the cheapest in the north")
    assert q.speaker == "Luis Ortiz"


def test_the_unattributed_answer_to_a_question_put_in_an_interview_is_not_the_askers() -> None:
    article = (
        "\u201cThe pier will open in May,\u201d Mayor Luis Ortiz told the radio host Anna Berg on Tuesday.\n\n"
        "\u201cWill the ferries run all winter, then?\u201d Berg asked.\n\n"
        "\u201cEvery day, unless the sea itself freezes over.\u201d\n"
    )
    assert quote_starting(article, "Will the ferries").speaker == "Anna Berg"
    assert quote_starting(article, "Every day, unless").speaker == "Luis Ortiz"


def test_a_question_a_speaker_asks_and_answers_in_the_same_paragraph_stays_theirs() -> None:
    article = (
        "\u201cThe pier will open in May,\u201d Mayor Luis Ortiz told the radio host Anna Berg on Tuesday.\n\n"
        "\u201cWill the ferries run all winter?\u201d Berg asked. \u201cThe crews say they will not.\u201d\n"
    )
    assert quote_starting(article, "The crews say").speaker == "Anna Berg"


def test_a_signature_line_under_a_quoted_paragraph_names_its_speaker() -> None:
    article = (
        "The claims of the week, checked.\n\n"
        "\u201cI wrote the harbour law myself, every line of it, in one long night.\u201d\n\n"
        "- Luis Ortiz.\n\n"
        "The law had eleven authors.\n"
    )
    q = quote_starting(article, "I wrote the harbour law")
    assert q.speaker == "Luis Ortiz"


def test_a_signature_line_with_a_place_or_an_occasion_after_the_name_names_its_speaker() -> None:
    article = (
        "Overheard this week.\n\n"
        "\u201cThe pier will pay for itself within ten years, and then some.\u201d\n\n"
        "- Ana Ruiz, Halden.\n\n"
        "\u201cNobody asked the ferry crews about any of it.\u201d\n\n"
        "-Mayor Luis Ortiz, speaking after the vote.\n"
    )
    assert quote_starting(article, "The pier will pay").speaker == "Ana Ruiz"
    assert quote_starting(article, "Nobody asked the ferry").speaker == "Luis Ortiz"


def test_a_surname_is_its_persons_even_when_a_company_carries_it() -> None:
    article = (
        "Harwick deal.\n\n"
        "On Monday, developer Donald Harwick said the pier would reopen in May.\n\n"
        "Harwick Holdings, which owns the pier, said the work would cost millions.\n\n"
        "The council met Harwick on Tuesday, and Harwick said the tower would be full.\n"
    )
    actors = {a.name: a for a in find_actor_candidates(article)}
    assert "Harwick" in actors["Donald Harwick"].aliases


def test_the_president_is_not_whoever_praised_the_presidents_plan() -> None:
    article = (
        "President Ilona Marsh signed the water bill on Monday.\n\n"
        "Paul Brennan, who also praised the president\u2019s plan, spoke at a rally in the north.\n\n"
        "The president said she had read every page. \u201cThe north will have clean water by next year,\u201d "
        "the president added.\n"
    )
    q = quote_starting(article, "The north will have")
    assert q.speaker == "Ilona Marsh"


def test_a_middle_initial_does_not_end_the_speakers_name() -> None:
    article = (
        "\u201cThe ferry will run all winter,\u201d Mayor Elena Voss said.\n\n"
        "\u201cThe pier is not safe for a loaded truck and everyone on the board knows it,\u201d Harold M. Lund said.\n"
    )
    q = quote_starting(article, "The pier is not safe")
    assert q.speaker is not None and "Lund" in q.speaker


def test_a_surname_opening_the_sentence_is_a_person_the_actor_list_missed() -> None:
    article = (
        "\u201cThe ferry will run all winter, and Mr. Kask knows it,\u201d Mayor Elena Voss said.\n\n"
        "Kask has since apologized for the delay: \u201cI should have published the figures in the spring.\u201d\n"
    )
    q = quote_starting(article, "I should have published")
    assert q.speaker is not None and "Kask" in q.speaker


def test_the_name_beside_a_description_after_the_quote_speaks() -> None:
    article = (
        "Harold Lund, the harbour master, lost his job in March.\n\n"
        "\u201cWe need him back because the harbour is falling apart,\u201d his wife, Greta Lund, wrote in a letter.\n"
    )
    q = quote_starting(article, "We need him back")
    assert q.speaker == "Greta Lund"


def test_a_capitalised_word_that_is_also_a_cue_verb_is_part_of_the_title() -> None:
    article = (
        "\u201cThe port has never been better run than in the last two years,\u201d former State harbour "
        "director Anna Berg wrote in an email to the council.\n"
    )
    q = quote_starting(article, "The port has never")
    assert q.speaker == "Anna Berg"


def test_a_one_word_name_with_a_capital_inside_is_kept_whole() -> None:
    article = (
        "The ferry company lost money again this year.\n\n"
        "\u201cNobody on this board wanted the second boat,\u201d VanderBerg said.\n"
    )
    q = quote_starting(article, "Nobody on this board")
    assert q.speaker == "VanderBerg"


def test_one_campaign_source_is_nobody_named_whatever_name_stands_in_it() -> None:
    article = (
        "Elena Voss leads the race for mayor, and Voss said on Monday that she would win.\n\n"
        "\u201cShe will not debate him again before the vote,\u201d one Voss campaign source said. "
        "\u201cThere is nothing left to say to him.\u201d\n"
    )
    assert [q.speaker for q in find_quote_candidates(article)] == [None, None]


def test_she_in_the_main_clause_before_another_name_is_still_the_earlier_woman() -> None:
    article = (
        "Dr. Lund said on Monday that the port needed money.\n\n"
        "Anna Berg has run the port office since 2019.\n\n"
        "It is not as if she never backed Lund before.\n\n"
        "\u201cI was at every meeting of the board,\u201d she said.\n"
    )
    q = quote_starting(article, "I was at every meeting")
    assert q.speaker == "Anna Berg"


def test_a_subject_past_a_long_appositive_chain_is_still_the_subject() -> None:
    article = (
        "\u201cThe ferry will run all winter,\u201d Mayor Elena Voss said.\n\n"
        "Marta Holm, a professor at Tartu, the author of two books on the port, the senator\u2019s former adviser, "
        "called it \u201cthe best law the harbour ever had.\u201d\n\n"
        "\u201cNobody else wrote a law this short.\u201d\n"
    )
    q = quote_starting(article, "Nobody else wrote")
    assert q.speaker == "Marta Holm"


def test_a_cue_closing_the_sentence_before_an_unattributed_quote_names_its_speaker() -> None:
    article = (
        "\u201cThe ferry will run all winter,\u201d Mayor Elena Voss said.\n\n"
        "Or maybe the islands will simply wait for spring, the consultant Ana Ruiz says. "
        "\u201cNobody there trusts a winter timetable any more.\u201d\n"
    )
    q = quote_starting(article, "Nobody there trusts")
    assert q.speaker == "Ana Ruiz"


def test_a_name_and_a_colon_before_a_quote_name_its_speaker() -> None:
    article = (
        "Harbour Chief Lund: \u201cThe Pier Will Not Reopen Before Summer, Whatever The Council Says.\u201d\n\n"
        "The pier has been closed since March.\n"
    )
    q = quote_starting(article, "The Pier Will Not Reopen")
    assert q.speaker is not None and "Lund" in q.speaker


def test_the_subject_after_and_then_speaks_the_quote_that_follows_the_colon() -> None:
    article = (
        "\u201cThe ferry will run all winter,\u201d Mayor Elena Voss said.\n\n"
        "The crowd cheers, and then Anna Berg continues: \u201cNobody on the islands believes a word of that timetable.\u201d\n"
    )
    q = quote_starting(article, "Nobody on the islands")
    assert q.speaker == "Anna Berg"


# Pronouns and definite descriptions: the person named before, found past the news-writing traps.


def test_a_cue_sentence_opening_on_she_gives_her_quote_to_the_woman_not_to_a_name_she() -> None:
    article = (
        "Senator Maria Ortiz spoke to the union hall on Friday about the wage bill.\n\n"
        '"We will not give up on this bill, not now and not ever." She went on to say:\n\n'
        '"Every worker in this state deserves a fair wage and a safe place to work."\n'
    )
    assert quote_starting(article, "Every worker").speaker == "Maria Ortiz"


def test_a_sentence_adverb_before_a_description_is_no_speaker() -> None:
    article = (
        "Senator Tom Bellamy is declining to answer the charges from his rivals.\n\n"
        "Instead, the Ohio senator is touting his record on jobs, asserting that voters care more about wages.\n\n"
        '"We have done more for this state than anyone in a generation," he told supporters in Dayton.\n'
    )
    assert quote_starting(article, "We have done").speaker == "Tom Bellamy"


def test_the_governor_is_the_one_an_appositive_of_several_adjectives_calls_so() -> None:
    article = (
        "Ana Whitcombe, the former Vermont governor, backed the bill last year.\n\n"
        "Was that really Chris Dalton, the blunt, combative governor of Vermont, standing silent behind the candidate?\n\n"
        "Dalton defended his record on his weekly radio show.\n\n"
        '"I have served this state for six years and I am proud of every one of them," the governor said.\n'
    )
    assert quote_starting(article, "I have served").speaker == "Chris Dalton"


def test_he_after_a_name_with_initials_in_a_prepositional_phrase_is_the_subject() -> None:
    article = (
        "Mayor Ron Pikett said he had consulted professor J.R. Tom Vance at the state college, who backed the plan.\n\n"
        '"We did this by the book, every step of the way, and we will keep doing so," he said.\n'
    )
    assert quote_starting(article, "We did this").speaker == "Ron Pikett"


def test_she_with_no_woman_in_reach_is_not_the_man_who_spoke_last() -> None:
    article = (
        '"We will win this state in November," Mark Hollis said at the rally. '
        "The crowd cheered as the music started and the rally came to an end.\n\n"
        '"It was a long night for everyone who came out here," she said.\n'
    )
    assert quote_starting(article, "It was a long").speaker != "Mark Hollis"


def test_he_after_a_titled_subject_with_a_state_appositive_is_that_subject() -> None:
    article = (
        "The inquiry was meant to hurt the campaign.\n\n"
        "House Majority Leader Kevin McAllister, R-Calif., revealed as much last fall when he boasted about the polls. "
        '"Everybody thought the plan was dead, right?" he told a radio host.\n'
    )
    assert quote_starting(article, "Everybody thought").speaker == "Kevin McAllister"


#: Someone the story brings in without a name: an indefinite description, a group, or someone's
#: relation. The quote is theirs, so its speaker is None (with the description as its role), not
#: the person whose name stands inside or before the description.
_UNNAMED_VOICES = [
    (
        "Aide Tomas Berg wrote several of the messages. \"I can only say that his account started most of them,\" "
        "said one source who named Berg but asked not to be identified.\n",
        "I can only say",
    ),
    (
        "Marta Lindqvist is strong in the south. \"If Ortiz wins the first two states, the mood will shift very "
        "quickly,\" said one long-time party donor close to the Lindqvist campaign.\n",
        "If Ortiz wins",
    ),
    (
        "Aide Tomas Berg wrote several of the messages, according to several officials who have seen the "
        "files and say they were \"clearly marked secret\" at the time.\n",
        "clearly marked secret",
    ),
    (
        "Marta Lindqvist leads the race. Source close to the campaign says the group is spending \"a very large amount "
        "of money\" on the ads.\n",
        "a very large amount",
    ),
    (
        "Senator Marta Lindqvist won the primary on Tuesday. Later, Lindqvist's campaign manager said she expects "
        "the senator to stay in the party \"for the rest of her life.\"\n",
        "for the rest of her life",
    ),
    (
        "Former Mayor Pavel Dunn will skip the gala. The former mayor's spokeswoman told "
        "reporters that Dunn has \"other duties at home this week.\"\n",
        "other duties at home",
    ),
    (
        "Senator Pavel Dunn opposed the plan. His office issued a note saying the state \"cannot properly "
        "check every new arrival at the border.\"\n",
        "cannot properly check",
    ),
    (
        "Senator Marta Lindqvist won the primary. Even before Lindqvist took the stage on Tuesday night, her "
        "campaign sent a message to donors saying: \"We did it together and we will keep going all the way.\"\n",
        "We did it together",
    ),
    (
        "Marta Lindqvist spoke in Dayton. Supporters of Lindqvist chanted \"Four more years for our senator!\" as "
        "she left.\n",
        "Four more years",
    ),
    (
        "Marta Lindqvist spoke at the college. Lindqvist protesters interrupted the speech, shouting \"you win, we "
        "all lose!\"\n",
        "you win, we all lose",
    ),
    (
        "Pavel Dunn spoke for an hour. As Dunn attacked Lindqvist, the audience chanted, \"Vote them out, vote them "
        "out!\" again.\n",
        "Vote them out",
    ),
    (
        "Pavel Dunn visited the plant. A man in the back yelled, \"You never came here before the election!\"\n",
        "You never came here",
    ),
    (
        "Pavel Dunn visited the plant. A Democratic staffer wondered aloud, \"Why is he even here today?\"\n",
        "Why is he even here",
    ),
    (
        "Writer Ana Ruiz said the race was close. Even a top Republican strategist said Lindqvist must choose, "
        "saying, \"At some point she will have to say where she stands.\"\n",
        "At some point",
    ),
    (
        "Marta Lindqvist is the target of a new ad. \"It was the night before voting and the senator was still at "
        "work,\" says the ad's narrator.\n",
        "It was the night",
    ),
    (
        "Marco Ruiz spoke first. Part of the hall jeered, and once Ruiz thanked the city for having him "
        "back, a woman shouted \"Go home and stay there!\"\n",
        "Go home and stay",
    ),
    (
        "Richard Osman was a geologist. \"I became a geologist thanks to the patience of Richard "
        "Osman,\" his colleague wrote online.\n",
        "I became a geologist",
    ),
    (
        "Ahmed Halim was on the flight. \"We cannot believe it, Ahmed helped everyone here,\" one mill worker "
        "told a local station.\n",
        "We cannot believe it",
    ),
    (
        "Marta Lindqvist arrived late. Holding signs calling Lindqvist \"the state's biggest loser,\" the protesters "
        "chanted \"Bad for the state, bad for all of you.\"\n",
        "Bad for the state",
    ),
    (
        "Marta Lindqvist held a rally on Monday. \"Voters who stay at home will regret it in the spring,\" the "
        "Lindqvist supporter retorted.\n",
        "Voters who stay at home",
    ),
    (
        "Mayor Ron Pike faced another day of marches. \"Hey, hey! Ho, ho! Ron Pike has got to go!\" some protesters "
        "chanted outside city hall.\n",
        "Hey, hey!",
    ),
    (
        "Mayor Ron Pike faced another day of marches. Others, angry at the long delay, shouted, \"Stop the cover-up "
        "right now!\"\n",
        "Stop the cover-up",
    ),
]


@pytest.mark.parametrize(("article", "start"), _UNNAMED_VOICES)
def test_a_voice_the_story_does_not_name_is_nobody_named(article: str, start: str) -> None:
    q = quote_starting(article, start)
    assert q.speaker is None, q.speaker
    assert q.speaker_role, "the description stands as the unnamed speaker's role"


def test_an_unnamed_voice_keeps_its_description_as_role_and_type() -> None:
    article = (
        "Prosecutors charged Ivo Marsh on Monday. In court papers, Marsh's court-appointed lawyer asked for a short "
        "sentence, calling his crimes \"a habit he could not break, not a plan.\"\n"
    )
    q = quote_starting(article, "a habit he could not break")
    assert q.speaker is None
    assert "lawyer" in (q.speaker_role or "")


def test_a_bare_surname_shared_by_two_people_is_the_one_written_in_full_last() -> None:
    article = (
        "Lena Harrow won the primary on Tuesday, the daughter of former Senator Walter Harrow.\n\n"
        "Walter Harrow served three terms and campaigned for her this summer.\n\n"
        "Lena Harrow thanked her supporters in a short speech.\n\n"
        '"Now it is time to look forward, together," Harrow said in a statement.\n\n'
        '"No county has lost more in the last ten winters than ours," she said.\n'
    )
    assert quote_starting(article, "Now it is time").speaker == "Lena Harrow"
    assert quote_starting(article, "No county has").speaker == "Lena Harrow"


def test_the_senator_is_the_one_titled_sen_not_the_governor_who_spoke_before() -> None:
    article = (
        "Sen. Marco Ruelas spoke at the forum, and Gov. Chris Dunmore jabbed at him all evening.\n\n"
        "Dunmore said the forum had gone on far too long for his taste.\n\n"
        '"It is a hard question for anyone who has thought about it," said the senator, "because two rights collide."\n'
    )
    assert quote_starting(article, "It is a hard").speaker == "Marco Ruelas"


def test_he_is_the_name_set_beside_a_description_not_the_place_before_it() -> None:
    article = (
        "The district commissioner of Baraawe, Abdi Warsame Farah, said five bodies had been buried. "
        'He said "no fighter was ever in that house at all", adding that the dead were farmers.\n'
    )
    assert quote_starting(article, "no fighter").speaker == "Abdi Warsame Farah"


def test_a_surname_after_a_first_name_the_list_is_unsure_of_is_still_a_person() -> None:
    article = (
        "Alcott thanks the governor after talks.\n\n"
        "A week before the primary, mayoral hopeful Bernie Alcott left the bus tour for an hour to see "
        "Governor Imelda Sato at her office.\n\n"
        "Alcott said he had not asked for Sato's backing in the race.\n\n"
        '"We spoke about the bridge and the schools, and it went well," he said, speaking to reporters outside.\n'
    )
    assert (quote_starting(article, "We spoke about the bridge").speaker or "").endswith("Alcott")


def test_a_bare_surname_the_actor_list_left_unaliased_is_the_namesake_he_can_be() -> None:
    article = (
        "Sen. Chris Dunleavy met Anne Marie Dunleavy, whose son died in the shooting, a week later.\n\n"
        "The town held a vigil that week. Hundreds came to the square. The church bells rang for an hour. "
        "Schools stayed shut until Monday.\n\n"
        "Years on, Dunleavy followed up by lamenting the fundraising his job demands: "
        '"There is far too much of it, every single day," he said.\n'
    )
    assert quote_starting(article, "There is far").speaker == "Chris Dunleavy"


def test_a_description_placed_in_a_town_is_neither_the_town_nor_the_person_named_before() -> None:
    article = (
        '"They were taken on our side of the line, in the orchard," said Nino Beradze, a spokeswoman for the service.\n\n'
        "The de facto authorities in Velikhan, the region's main town, said in a statement that the men had "
        '"illegally crossed the state border" and were held.\n'
    )
    assert quote_starting(article, "illegally crossed").speaker not in {"Velikhan", "Nino Beradze"}


def test_she_after_a_subject_with_a_long_appositive_is_that_subject_not_a_place_named_before() -> None:
    article = (
        '"Guns have no place on our streets, and the law must change," said Adrian Kopp, a delegate from New Harbor.\n\n'
        "Marta Ellison, a delegate from the mountain county of Vale, attacked her province's weak fishing rules. "
        '"We lose more boats to the storms every winter, and nobody acts," she said.\n'
    )
    assert quote_starting(article, "We lose more boats").speaker == "Marta Ellison"


def test_spokesman_before_a_womans_first_name_does_not_make_her_a_man() -> None:
    article = (
        "Campaign spokesman Hope Garrity confirmed that the group acted on its own. "
        "Tom Reed, the campaign manager, declined to comment.\n\n"
        '"Those groups have no link to our office whatsoever," she said.\n'
    )
    assert quote_starting(article, "Those groups have no link").speaker == "Hope Garrity"


def test_an_adverb_before_she_is_not_a_speaker_name() -> None:
    article = (
        "Dahlia Ortmann is listed as the chair of the new coalition, and Marta Vell as its treasurer.\n\n"
        'Recently she wrote on her campaign blog, "I am leaving the old party and joining the new one for good!"\n'
    )
    assert quote_starting(article, "I am leaving").speaker == "Dahlia Ortmann"


def test_a_name_after_a_preposition_is_a_weaker_antecedent_than_an_earlier_subject() -> None:
    article = (
        "Senator Ana Brill met voters in Dayton on Monday, and spoke of her plans for the state.\n\n"
        "The crowd cheered when the music started, and an aide to Maria Ortiz handed out flyers.\n\n"
        '"We will win this state in November, and we will win it big," she said.\n'
    )
    assert quote_starting(article, "We will win").speaker == "Ana Brill"


def test_a_name_titled_by_a_political_noun_is_the_subject_not_the_name_before_it() -> None:
    article = (
        "Barack Obama won the state that year by a wide margin.\n\n"
        "Obama pollster Carl Whitlock, the top pollster in the state, picked up the thread that night. "
        '"Voters are starting to see that they have more in common than not," he said.\n'
    )
    assert quote_starting(article, "Voters are").speaker == "Carl Whitlock"


def test_the_businessman_is_the_one_a_title_called_so_not_the_senator_named_since() -> None:
    article = (
        "Billionaire businessman Dale Ruskin spoke for an hour in Concord on Monday. Ruskin said he would win the state.\n\n"
        "Senator Amy Fenn, who backs a rival, watched from the side of the stage.\n\n"
        '"Heroin is now cheaper than a bag of candy in this state," the businessman said.\n'
    )
    assert (quote_starting(article, "Heroin is now").speaker or "").endswith("Ruskin")


def test_the_governor_is_not_the_senator_who_spoke_last() -> None:
    article = (
        "Gov. Chris Dalton and Sen. Mark Ortiz both spoke at the opening of the bridge.\n\n"
        "Ortiz told the crowd the money had come from Washington after years of asking.\n\n"
        '"I have fought for this bridge since my first day in office," the governor said.\n'
    )
    assert quote_starting(article, "I have fought").speaker == "Chris Dalton"


def test_a_participle_lead_in_is_not_the_speaker_of_the_quote_after_saying() -> None:
    article = (
        "Senator Ben Carlow spoke to reporters in Concord.\n\n"
        "Continuing to explain his view, Carlow rejected the idea that the matter was closed, saying that if he "
        '"found something rotten in the report, I would fix it right away."\n'
    )
    assert (quote_starting(article, "found something").speaker or "").endswith("Carlow")


def test_a_quote_after_who_declared_is_the_name_the_clause_is_about() -> None:
    article = (
        "Tomas Vero toured the valley towns this week.\n\n"
        "On Friday, Vero won the backing of a fellow councillor, Mike Leland, who declared at "
        'the market, "I am asking my voters to stand with him now."\n'
    )
    assert quote_starting(article, "I am asking my voters").speaker == "Mike Leland"


# Quotes whose own sentence names the speaker, in the shapes political reporting uses.


def test_a_name_beside_a_description_speaks_the_partial_quote_after_its_verb() -> None:
    article = (
        "The ruling drew cheers in the capital.\n\n"
        "And Ohio\u2019s Democratic attorney general, Nora Fenwick, vowed to pursue \u201canyone who harms our river towns.\u201d\n"
    )
    assert quote_starting(article, "anyone who harms").speaker == "Nora Fenwick"


def test_a_voter_given_with_age_and_home_town_speaks() -> None:
    article = (
        "The survey reached 900 likely voters.\n\n"
        "\"Neither of the front-runners makes me feel safe at night,\" Walter Brandle, 44, of Dayton, Ohio, who "
        "answered the survey, said in a later interview.\n"
    )
    assert quote_starting(article, "Neither of the front-runners").speaker == "Walter Brandle"


def test_a_name_with_a_party_tag_after_the_quote_speaks() -> None:
    article = (
        "\"Moving the office abroad on paper is a way of dodging the bill,\" Senate Minority Leader Harold M. Rudd "
        "(D-Nev.) said in a statement.\n"
    )
    assert quote_starting(article, "Moving the office abroad").speaker == "Harold M. Rudd"


def test_a_name_and_a_colon_after_a_dash_or_with_a_party_tag_speaks() -> None:
    article = (
        "The suburbs decided the primary - Philippa Dunmore: \u201cTwo weeks ago the strongest ground had been the "
        "south, and now it is the north.\u201d\n\n"
        "Rep. Troy Gowan (R-S.C.):\"Nobody but you has ever cited that number to this committee.\"\n\n"
        "But the polls did predict the other race - PollWatch: \u201cWhile the caucuses brought an upset on one side, "
        "most pollsters fared far better on the other.\u201d\n"
    )
    assert quote_starting(article, "Two weeks ago").speaker == "Philippa Dunmore"
    assert quote_starting(article, "Nobody but you").speaker == "Troy Gowan"
    assert quote_starting(article, "While the caucuses").speaker == "PollWatch"


def test_a_lead_in_ending_on_a_colon_names_the_speaker_of_the_next_paragraph() -> None:
    article = (
        "Ian Tolliver chaired the company for six years.\n\n"
        "The Harbour Ledger confirmed the account, reporting:\n\n"
        "\"As the buyers took over the mine in three steps, filings show, money flowed to the charity.\"\n\n"
        "Mayor Bill Hanlon spoke at the fair. 81-year-old Parker Eastman, a retired farmer who backed Bill Hanlon, "
        "said that with the field as it stands:\n\n"
        "\"Only one contender is left, and he pays for his own campaign.\"\n"
    )
    assert quote_starting(article, "As the buyers took over").speaker == "Harbour Ledger"
    assert quote_starting(article, "Only one contender").speaker == "Parker Eastman"


def test_a_writer_named_with_the_outlet_speaks_not_the_outlet() -> None:
    article = (
        "The Coastal Courier covered the debate all night, and the Coastal Courier site drew record traffic.\n\n"
        "Of course, as Joel Parrish of the Coastal Courier observed, the winner was the stage itself:\n\n"
        "\u201cThe clear winner of the night was the network, which ran two lively and fair sessions.\u201d\n"
    )
    assert quote_starting(article, "The clear winner").speaker == "Joel Parrish"


def test_she_went_on_to_say_is_the_woman_quoted_before_not_a_name() -> None:
    article = (
        "\u201cThe ads against me will cost a fortune,\u201d Brunner said of the spending in her race. \u201cIt will "
        "probably pass a million before the vote\u2026Nobody tells you that.\u201d She went on to say:\n\n"
        "\"My rivals never come to the town hall to face the voters.\"\n"
    )
    assert quote_starting(article, "It will probably pass").speaker == "Brunner"
    assert quote_starting(article, "My rivals never come").speaker == "Brunner"


def test_a_surname_past_a_who_clause_is_the_subject_of_the_later_verb() -> None:
    article = (
        "\"We met Lance Pribble on Monday and talked for an hour,\" the staff said.\n\n"
        "Pribble, who has talked with the campaign every day for months, came to a breakfast with reporters and "
        "conceded that he had only \"skimmed the pages in a hurry.\"\n"
    )
    assert quote_starting(article, "skimmed the pages").speaker == "Lance Pribble"


def test_a_name_then_its_cue_then_asked_about_is_the_name_not_the_question() -> None:
    article = (
        "Sen. John Mackin runs the committee. Rep. Ana Ruiz, who sits on it too, spoke first. "
        "\u201cIt has taken nine long years,\u201d Mackin said, asked about the delay in an interview.\n"
    )
    assert quote_starting(article, "It has taken nine").speaker == "John Mackin"


def test_said_and_a_name_before_the_quote_is_that_name() -> None:
    article = (
        "Peter Solvey worked on the show for a year. Louise Sunny, who still works for him, said her boss was "
        "\"kind and generous to everyone he met.\" But, said Solvey, \"I do not want to stir up a fight because I "
        "know how he reacts to it.\"\n"
    )
    assert quote_starting(article, "kind and generous").speaker == "Louise Sunny"
    assert quote_starting(article, "I do not want").speaker == "Peter Solvey"


def test_a_title_run_before_a_name_is_not_taken_for_the_name() -> None:
    article = (
        "\u201cThe senator voted twice to shield the gun sellers from any blame,\u201d New York City Public "
        "Advocate Trish Jameson said.\n"
    )
    assert quote_starting(article, "The senator voted").speaker == "Trish Jameson"


def test_a_party_tag_after_the_subject_does_not_hide_it() -> None:
    article = (
        "Ted Cole and Ana Ruiz both toured the province this week.\n\n"
        "Across the aisle, Sen. Ted Cole (R-Tex.), a Republican candidate who has made the record of Gov. Jay Nolan "
        "the centre of his campaign, posted a warning. \"Voters: Do not forget the councillors who blocked "
        "the bridge for a whole year.\"\n"
    )
    assert quote_starting(article, "Voters: Do not forget").speaker == "Ted Cole"


def test_a_titled_subject_speaks_through_a_participle_cue() -> None:
    article = (
        "\"We heard the blast and ran,\" one driver said. Republican presidential candidate Dana Truitt quickly took "
        "to the radio, writing: \"Another terrible attack, this time in the south. Many dead and injured.\"\n"
    )
    assert quote_starting(article, "Another terrible attack").speaker == "Dana Truitt"


def test_a_lede_that_holds_back_its_speakers_name_gives_them_its_description() -> None:
    article = (
        "A veteran shipping analyst says the new port fees will not slow grain exports through the strait.\n"
        "Tomas Reyes said on Monday that the fees were too small to change where traders send cargo.\n"
        "“Nobody will reroute a bulk carrier to save a few thousand dollars,” Reyes told the Harbour Ledger.\n"
    )
    q = quote_starting(article, "Nobody will reroute")
    assert (q.speaker, q.speaker_type) == ("Tomas Reyes", SpeakerType.ANALYST)


def test_a_lede_about_someone_else_describes_no_one() -> None:
    article = (
        "A veteran shipping analyst says the new port fees will not slow grain exports through the strait.\n"
        "Traders shrugged. Tomas Reyes, who runs a feed mill, said he would pay whatever it costs.\n"
        "“I have no other road to the sea,” Reyes said.\n"
    )
    assert quote_starting(article, "I have no other road").speaker_type != SpeakerType.ANALYST


def test_he_after_reported_speech_is_the_reporter_not_the_person_reported_on() -> None:
    article = (
        "Senator Hal Brenner toured the dairy farms on Tuesday.\n\n"
        "Brenner won over the small crowds with long speeches about milk prices, Otto Kessling said.\n\n"
        "\"He was sharp and patient with every farmer,\" he said. \"They liked him.\"\n"
    )
    assert quote_starting(article, "He was sharp").speaker == "Otto Kessling"


def test_he_said_closing_the_sentence_before_names_no_one_new() -> None:
    article = (
        "Mayor Leon Vogt opened the new bridge. Karl Imhof, who runs the ferry, watched from the bank.\n\n"
        "Vogt would struggle to win the river towns, he said.\n\n"
        "\"The ferry people will not forget this,\" he said.\n"
    )
    assert quote_starting(article, "The ferry people").speaker == "Karl Imhof"


def test_a_decade_does_not_hide_the_sentence_that_follows_it() -> None:
    article = (
        "Governor Tom Lindqvist led the party through the 1990s. Aldo Fenwick repeated that promise in an "
        "interview, saying Lindqvist had been right about the rural counties.\n\n"
        "\"We will knock on doors in every town in this state,\" he said.\n"
    )
    assert quote_starting(article, "We will knock").speaker == "Aldo Fenwick"


def test_a_name_in_a_bare_apostrophe_possessive_is_not_the_antecedent() -> None:
    article = (
        "Dr. Paul Varga, a surgeon, spoke after the rally.\n\nThe rally ended with Varga's warning that Governor Ana "
        "Lodge had called Senator Ivo Sanders' health plan a dream. He said it would stay one if voters \"keep sending the same people back to the capital.\"\n"
    )
    assert quote_starting(article, "keep sending the same").speaker == "Paul Varga"


def test_a_sentence_opening_on_a_description_points_past_the_names_it_mentions() -> None:
    article = (
        "Actor Marco Delune sat down with the radio host Ian Pell on Friday.\n\n"
        "The actor discussed Ian Pell and the absence of migrants in the history lessons of his childhood.\n\n"
        "\"You never read about people like my grandfather in those books,\" he said.\n"
    )
    assert quote_starting(article, "You never read about").speaker == "Marco Delune"


def test_she_after_a_surname_the_actor_list_gives_to_her_husband_is_still_hers() -> None:
    article = (
        "Nora Fields is the widow of Robert Fields, a senator who was killed at the border post in 2012. Senator "
        "Haddad lost a son in the same attack.\n\n"
        "Though moved by their grief, Fields said she does not think Haddad should be spared from criticism.\n\n"
        "\"I would never wish this loss on any family at all,\" she told the host.\n"
    )
    assert quote_starting(article, "I would never wish").speaker == "Nora Fields"


def test_a_speech_verb_inside_the_reported_clause_is_no_closing_cue() -> None:
    article = (
        "Ivar Lunde, skipper of a small trawler, said the coast guard had warned him off over the radio. "
        "\u2018They told us to leave at once, so we pulled the nets and went home,\u2019 he told a local paper.\n"
    )
    assert quote_starting(article, "They told us to leave").speaker == "Ivar Lunde"


def test_a_source_known_by_a_first_name_alone_is_the_antecedent() -> None:
    article = (
        "The station chief, who asked to be named only as Milo, met Ambassador Harold Stenvik on the day before "
        "the raid.\n\n"
        "Milo said he took a single call from headquarters that night and that the call was brief. \"I had no "
        "time for anything longer,\" he said.\n"
    )
    assert quote_starting(article, "I had no time").speaker == "Milo"


def test_she_after_a_sentence_closed_by_said_and_a_name_is_that_name() -> None:
    article = (
        "Governor Rosa Delgado spent heavily on television this spring.\n\n"
        "The Delgado approach works because of her money, said Tina Reyes, a pollster at Lund College. Smaller "
        "campaigns are \"having to do more with far fewer people,\" she said.\n"
    )
    assert quote_starting(article, "having to do more").speaker == "Tina Reyes"


def test_went_on_and_echoed_after_a_quote_name_its_speaker() -> None:
    article = (
        "Councillor Petra Holm opened the hearing on the harbour plan, and the mayor, Anton Wiik, answered her.\n\n"
        "\"The harbour plan leaves the fishing families without any berth at all,\" Holm said.\n\n"
        "\"We have found berths for every boat that asked for one,\" Wiik went on.\n\n"
        "\"Every boat that asked has been given a berth,\" Wiik echoed.\n"
    )
    assert quote_starting(article, "We have found berths").speaker == "Anton Wiik"
    assert quote_starting(article, "Every boat that asked").speaker == "Anton Wiik"


def test_another_and_one_standing_alone_are_voices_the_story_does_not_name() -> None:
    article = (
        "Senator Oskar Lindahl toured the flooded valley on Thursday.\n\n"
        "\"The levee will be rebuilt higher than before,\" Lindahl told the farmers.\n\n"
        "Not everyone believed him. \"We heard the same thing after the last flood,\" another said.\n\n"
        "\"Nobody in the capital has ever driven this road,\" read one.\n"
    )
    assert quote_starting(article, "We heard the same thing").speaker is None
    assert quote_starting(article, "Nobody in the capital").speaker is None


def test_a_voice_in_an_ad_is_nobody_the_ad_names() -> None:
    article = (
        "Senator Oskar Lindahl released a new television spot on Monday.\n\n"
        "Over pictures of empty mills, the narrator says, \"Lindahl kept every promise he made to this valley.\"\n\n"
        "It closes on a farm at dusk, with a voice over saying \"this valley has a fighter in the capital.\"\n"
    )
    assert quote_starting(article, "Lindahl kept every promise").speaker is None
    assert quote_starting(article, "this valley has a fighter").speaker is None


def test_a_website_or_a_sign_that_speaks_is_no_person() -> None:
    article = (
        "Innkeeper Dara Quill set up a page inviting tired city dwellers to move to her island.\n\n"
        "\"Our island has cheap houses, clean air and a ferry twice a day,\" the website explains.\n\n"
        "Quill said she had answered two thousand emails.\n\n"
        "A hand-painted sign at the pier reads \"welcome home to everyone who wants a slower life.\"\n"
    )
    assert quote_starting(article, "Our island has cheap houses").speaker is None
    assert quote_starting(article, "welcome home to everyone").speaker is None


def test_a_share_of_those_asked_is_not_a_person_named_about() -> None:
    article = (
        "Voters leaving the polls in Marlow were asked about Governor Ines Falk.\n\n"
        "About three in 10 said the governor had been \"too slow to fix the roads in every county.\"\n"
    )
    assert quote_starting(article, "too slow to fix").speaker is None


def test_sources_who_report_what_he_said_are_the_voice_not_he() -> None:
    article = (
        "Deputy Lars Odegaard was first at the scene of the warehouse fire.\n\n"
        "Police sources have said he told them \"the back door was already open when I arrived.\"\n"
    )
    assert quote_starting(article, "the back door was").speaker is None


def test_the_lawyers_and_a_senior_adviser_named_for_a_candidate_are_unnamed() -> None:
    article = (
        "Judge Halvard Berge heard the appeal brought by candidate Mira Solvik.\n\n"
        "The lawyers said \"the rules on residency were never meant to bar a returning citizen.\"\n\n"
        "\"Every county clerk in the state will read this ruling,\" said the senior Solvik adviser.\n"
    )
    assert quote_starting(article, "the rules on residency").speaker is None
    assert quote_starting(article, "Every county clerk").speaker is None


def test_a_party_member_from_a_state_is_unnamed_even_when_the_state_reads_like_a_first_name() -> None:
    article = (
        "Party insiders in three states answered our weekly survey about the race for governor.\n\n"
        "\"Falk will win the north easily this time,\" said a North Carolina Democrat.\n\n"
        "\"She has not spent nearly enough time in the mill towns,\" said an Ohio Democrat.\n"
    )
    assert quote_starting(article, "Falk will win the north").speaker is None
    assert quote_starting(article, "She has not spent").speaker is None


def test_two_names_before_a_colon_give_the_quote_to_the_one_nearest_it() -> None:
    article = (
        "The council met on Monday to vote on the harbour budget.\n\n"
        "Tomas Verhoek and Ilse Brandauer: \"We will not sign any budget that closes the harbour school.\"\n"
    )
    assert quote_starting(article, "We will not sign").speaker == "Ilse Brandauer"


def test_a_percentage_of_those_asked_is_unnamed_not_the_person_asked_about() -> None:
    article = (
        "Voters in Marlow were asked whether Governor Ines Falk could win again, to which 21 percent said "
        "\"not very likely at all this year\" and 14 percent said \"not likely in any way at all.\"\n"
    )
    assert quote_starting(article, "not very likely").speaker is None
    assert quote_starting(article, "not likely in any").speaker is None


def test_groups_described_by_a_who_clause_or_after_a_participle_are_unnamed() -> None:
    article = (
        "Governor Ines Falk condemned the plan on Monday. While Falk has spoken against it, the groups who wrote to "
        "her on Friday say they are \"worried your office is sending mixed signals to the mill towns.\"\n\n"
        "The plan feeds \"the worst fears of the people in every town\" encouraged by Falk and other officials, "
        "the groups say.\n"
    )
    assert quote_starting(article, "worried your office").speaker is None
    assert quote_starting(article, "the worst fears").speaker is None


def test_a_spokeswoman_for_a_body_the_article_does_not_list_is_a_role_not_the_mayor() -> None:
    article = (
        "Mayor Ines Falk's office announced the harbour plan on Monday.\n\n"
        "A spokeswoman for the harbour board emailed reporters a copy of the rules, arguing, \"As you can see, "
        "the rules say nothing of the kind about the pier.\"\n"
    )
    q = quote_starting(article, "As you can see")
    assert q.speaker is None
    assert q.speaker_role == "spokeswoman for the harbour board"


def test_a_titled_subject_with_a_party_tag_hands_the_next_paragraph_its_quote() -> None:
    article = (
        "The council met on Monday to vote on the harbour budget, and Mayor Ines Falk spoke first.\n\n"
        "Rep. Tomas Verhoek, R-Ore., had a message for the council:\n\n"
        "\"Nobody in this town should pay for the mistakes of the board.\"\n"
    )
    assert quote_starting(article, "Nobody in this town").speaker == "Tomas Verhoek"


def test_a_reverend_after_said_is_the_name_not_the_abbreviation() -> None:
    article = (
        "Hundreds gathered at the chapel in Ft. Lyle on Sunday, where Mayor Ines Falk spoke first.\n\n"
        "\"The night we won, something changed for everyone in this town,\" said Rev. Abel Moraine, the pastor "
        "of the chapel in Ft. Lyle.\n"
    )
    assert quote_starting(article, "The night we won").speaker == "Abel Moraine"


def test_a_printed_card_that_speaks_is_no_person() -> None:
    article = (
        "Governor Ines Falk opened the fair on Saturday.\n\n"
        "\"Please give your votes to the people on this list so our side stays united,\" said the printed Falk slate card.\n"
    )
    assert quote_starting(article, "Please give your votes").speaker is None


def test_a_man_named_read_is_not_the_verb_read() -> None:
    article = (
        "Oona Read, the head of the ferry company, spoke to investors on Monday.\n\n"
        "\"Two new boats will cut the crossing to forty minutes,\" Read said.\n"
    )
    assert quote_starting(article, "Two new boats").speaker == "Oona Read"


def test_it_reads_after_a_quoted_email_is_no_person() -> None:
    article = (
        "Ivo Brandt wrote to the harbour board on Monday night. The email was short.\n\n"
        "\"I tried to call you twice but the line was busy all evening,\" it reads.\n"
    )
    assert quote_starting(article, "I tried to call you").speaker is None


def test_wondered_after_a_quote_names_its_speaker() -> None:
    article = (
        "Mayor Ivo Brandt spoke at the harbour on Monday.\n\n"
        "\"Will he run for governor next year after all this?\" a council staffer in the room wondered.\n"
    )
    q = quote_starting(article, "Will he run for governor")
    assert q.speaker is None
    assert q.speaker_role == "council staffer in the room"


def test_jan_is_a_woman_in_english_news() -> None:
    article = (
        "Governor Jan Pelworth and the developer Tomas Vinter spoke after the vote on Tuesday.\n\n"
        "Vinter thanked the council for its patience. "
        "\"We fought hard for this water plan and the valley will be better for it,\" she said."
    )
    [quote] = find_quote_candidates(article)
    assert quote.speaker == "Jan Pelworth"


# The cue after the quote: the shapes that stand between a quote and the cue that names its speaker.


def test_a_long_clause_before_a_closing_cue_verb_and_its_named_speaker() -> None:
    article = (
        "Ferry fares have risen twice this year.\n\n"
        "\"The port owners have set the price for every islander,\" unlike in earlier winters when the council "
        "itself fixed the fares, says Dana Roe, a political scientist at Lund College.\n"
    )
    q = quote_starting(article, "The port owners")
    assert q.speaker == "Dana Roe"
    assert q.speaker_type == SpeakerType.ANALYST


def test_a_long_title_before_the_name_that_closes_the_sentence() -> None:
    article = (
        "The union sued the harbour board in March.\n\n"
        "\"Should the board turn up further minutes, they will be checked\" against each of the union's requests, "
        "Harbour Board senior trial counsel Ann Marie Tolland wrote in a court filing.\n"
    )
    assert quote_starting(article, "Should the board turn up").speaker == "Ann Marie Tolland"


def test_a_leading_initial_does_not_end_the_speakers_name() -> None:
    article = (
        "Lower courts have grown more critical of the new ferry rules.\n\n"
        "\"The tide is turning in the courts,\" J. Edwin Marsh, director of a ferry riders' group, said in a recent interview.\n"
    )
    speaker = quote_starting(article, "The tide is turning").speaker
    assert speaker is not None and speaker.endswith("Edwin Marsh")


def test_the_name_beside_a_description_after_a_cue_verb_speaks() -> None:
    article = (
        "The mayor toured the islands on Sunday.\n\n"
        "\"We will win every island this time,\" said the mayor's deputy campaign manager, Rob Kale, who once ran a race in Tromso.\n"
    )
    assert quote_starting(article, "We will win every island").speaker == "Rob Kale"


def test_the_name_beside_a_possessive_description_before_the_cue_speaks() -> None:
    article = (
        "Lund's campaign toured the coast in May.\n\n"
        "\"By the spring the north looked like ground worth fighting for,\" Lund's campaign manager, Jeff Kale, said in an interview.\n"
    )
    assert quote_starting(article, "By the spring the north").speaker == "Jeff Kale"


def test_one_cue_after_the_last_quote_of_a_sentence_gives_every_quote_to_its_speaker() -> None:
    article = (
        "The board ordered an audit in June.\n\n"
        "The audit of Piet Larsen's office did not find \"any sign of fraud at all,\" apart from the two clerks "
        "sharing \"a password or two\" at the front desk, said the board's auditor, Nina B. Holm, on Monday.\n"
    )
    assert quote_starting(article, "any sign of fraud").speaker == "Nina B. Holm"
    assert quote_starting(article, "a password or two").speaker == "Nina B. Holm"


def test_an_opening_mark_typed_as_the_closing_one_does_not_hide_the_cue() -> None:
    article = (
        "Mark Pine has given four paid talks since May.\n\n"
        "\u201cIt's odd for a candidate,\u201c said Pia Holm, a lawyer with a ballot watchdog.\n"
    )
    assert quote_starting(article, "It's odd").speaker == "Pia Holm"


def test_a_clause_after_the_speaker_of_a_cue_verb_is_no_part_of_the_speaker() -> None:
    article = (
        "Mark Pine will host a fundraiser for the senator.\n\n"
        "\"Whoever ignores the harbour rules endangers every family here,\" said local voter Oskar Brenn when asked about Mark Pine.\n"
    )
    assert quote_starting(article, "Whoever ignores the harbour rules").speaker == "Oskar Brenn"


def test_a_party_tag_after_a_titled_name_does_not_hide_the_name() -> None:
    article = (
        "The committee met for six hours on Monday.\n\n"
        "\"The committee has spent its last week attacking the minister,\" said Harbour Committee ranking Democrat "
        "Elias Varn (D-Md.).\n"
    )
    assert quote_starting(article, "The committee has spent").speaker == "Elias Varn"


def test_a_relative_clause_with_no_comma_after_the_speaker_of_a_cue_verb() -> None:
    article = (
        "Ivo Small, who came to the rally, said the owner \"used the shipyard's collapse to his own profit.\"\n\n"
        "\"He treated the closure of the shipyard as a routine matter in every debate,\" said Sen. Tom Haller who speaks "
        "for the harbour district and ran its council for more than a decade.\n"
    )
    assert quote_starting(article, "He treated the closure").speaker == "Tom Haller"


def test_words_opening_on_of_after_a_quote_are_no_speaker() -> None:
    article = (
        "Norway has had lead in its water pipes since 2014, and the Lund campaign has made it a cause.\n\n"
        "Last week, the Lund campaign also asked the agency for a \u201cfull and expedited review\u201d of Norway\u2019s "
        "water pipes and said the state should set up a \u201chealth monitoring system\u201d for lead.\n"
    )
    assert quote_starting(article, "full and expedited review").speaker != "Norway"


def test_a_relative_clause_left_open_before_the_cue_verb() -> None:
    article = (
        "Mark Pine skipped the debate on Thursday.\n\n"
        "\"The new advert shows the mayor cannot be trusted on fares,\" Kerstin Aas, who is chair of the Island Values "
        "fund said in a statement.\n"
    )
    assert quote_starting(article, "The new advert shows").speaker == "Kerstin Aas"


def test_a_verb_in_the_infinitive_after_a_quote_is_no_cue() -> None:
    article = (
        "Ivo Brandt and Mark Pine met in a debate on Tuesday.\n\n"
        "The \"not fit to govern at all\" quarrel flared again after Ivo Brandt declined to say on the radio that Pine "
        "could do the job.\n"
    )
    assert quote_starting(article, "not fit to govern").speaker is None


def test_a_noun_shaped_like_a_cue_verb_after_a_relative_clause_is_no_cue() -> None:
    article = (
        "Ivo Brandt and Mark Pine met in a debate on Tuesday.\n\n"
        "Brandt also decried Pine's \"sexist and crude\" jibes at Lund, who is the secretary of state.\n"
    )
    assert quote_starting(article, "sexist and crude").speaker != "Lund"


def test_the_name_beside_a_description_keeps_the_descriptions_type() -> None:
    article = (
        "The coast guard said the trawler was seen west of the capital on Monday.\n\n"
        "\"We want the crew to tell us why they are fishing inside our line,\" Norland's minister for foreign "
        "affairs, Sanna Lund, said by telephone.\n"
    )
    q = quote_starting(article, "We want the crew")
    assert q.speaker == "Sanna Lund"
    assert q.speaker_type == SpeakerType.OFFICIAL


def test_will_as_a_first_name_after_a_quote_is_a_speaker() -> None:
    article = (
        "Mark Pine met the county's party leaders on Friday.\n\n"
        "\"He told us the valley decides the race,\" Will Ostrander, the party chairman for the county, said of the meeting.\n"
    )
    assert quote_starting(article, "He told us the valley").speaker == "Will Ostrander"


@pytest.mark.parametrize(
    "sentence",
    [
        "Only a few of the \"undecided island voters\" said they would vote for Ann Lee.",
        "Mayor Ivo Brandt said the bill carried \"costly riders and hidden traps\" the staff of Ann Lee added by a late vote.",
    ],
)
def test_a_clause_shaped_like_a_cue_after_a_quote_does_not_name_the_person_in_it(sentence: str) -> None:
    article = f"Ann Lee and Mark Lund met on Monday to talk about the bill.\n\n{sentence}\n"
    assert find_quote_candidates(article)[0].speaker != "Ann Lee"


def test_a_determiner_before_a_noun_shaped_like_a_cue_verb_names_no_speaker() -> None:
    article = (
        "The poll was taken last week across the country.\n\n"
        "Voters with \"no opinion at all\" on the ferry plan were 12 percent overall but 20 percent in Maine, "
        "the highest share of any state.\n"
    )
    q = quote_starting(article, "no opinion at all")
    assert q.speaker is None and q.speaker_role is None


@pytest.mark.parametrize(
    ("article", "start"),
    [
        (
            "Senator Dora Welk, a Democrat, opposed the ferry bill, while Senator Hugo Brand, a Republican, backed it. "
            "“It costs the islands too much,” added the Democrat.\n",
            "It costs",
        ),
        (
            "Sen. Dora Welk (D-Maine) and Sen. Hugo Brand (R-Idaho) argued over the ferry bill on Sunday. "
            "“We will not pay for it,” the Maine Democrat said.\n",
            "We will not",
        ),
    ],
)
def test_a_party_member_described_after_a_quote_is_the_person_of_that_party(article: str, start: str) -> None:
    # "the Democrat" is a person the story named with that party, never a speaker called "Democrat"
    assert quote_starting(article, start).speaker == "Dora Welk"


def test_an_age_after_a_quote_is_the_person_the_story_gave_that_age() -> None:
    article = (
        "Owen Tarrant, 52, said on Sunday he would run for harbour master. His rival, Greta Solvik, called the bid a stunt. "
        "“I am running to win,” the 52-year-old added.\n"
    )
    assert quote_starting(article, "I am running").speaker == "Owen Tarrant"


def test_a_moderator_nobody_was_called_is_not_the_candidate_named_before() -> None:
    article = (
        "Candidates Petra Lindqvist and Omar Haddad faced each other in the school hall on Thursday. "
        "“How will you pay for the new roof?” the moderator asked. “With the reserve fund,” Lindqvist said.\n"
    )
    asked = quote_starting(article, "How will you pay")
    assert asked.speaker is None and asked.speaker_role == "moderator"
    assert quote_starting(article, "With the reserve fund").speaker == "Petra Lindqvist"


def test_a_moderator_the_story_named_asks_the_question() -> None:
    article = (
        "Radio host Ida Brenner moderated the forum between Petra Lindqvist and Omar Haddad on Thursday. "
        "“How will you pay for the new roof?” the moderator asked.\n"
    )
    assert quote_starting(article, "How will you pay").speaker == "Ida Brenner"


@pytest.mark.parametrize("whose", ["her", "Voss's"])
def test_a_short_quote_given_to_a_name_set_beside_a_description_is_a_quote(whose: str) -> None:
    article = f"Mayor Ingrid Voss met the striking bus drivers on Monday. “We hear you,” {whose} spokesman, Emil Roth, said.\n"
    quote = quote_starting(article, "We hear you")
    assert quote.speaker == "Emil Roth"


@pytest.mark.parametrize(
    "intro",
    [
        "Sen. Colm Brady (R-Fla.) and Sen. Vera Holm (I-Vt.) clashed over dairy tariffs on Sunday.",
        "Sen. Colm Brady of Florida and Sen. Vera Holm of Vermont clashed over dairy tariffs on Sunday.",
        "Vermont Sen. Vera Holm and Florida Sen. Colm Brady clashed over dairy tariffs on Sunday.",
    ],
)
def test_a_home_state_in_a_description_picks_the_lawmaker_from_that_state(intro: str) -> None:
    article = f"{intro} “The tariffs are emptying our barns,” the Vermont senator said.\n"
    assert quote_starting(article, "The tariffs are emptying").speaker == "Vera Holm"


def test_a_title_before_a_womans_name_does_not_let_he_stand_for_her() -> None:
    article = (
        "Judge Rosalind Ekwueme asked defence lawyer Pavel Moreau whether he had seen the ledger. "
        "“Not yet,” he replied.\n"
    )
    assert quote_starting(article, "Not yet").speaker == "Pavel Moreau"


@pytest.mark.parametrize(
    ("intro", "description", "speaker"),
    [
        (
            "Sen. Colm Brady, R-Fla., backed the levy while Rep. Vera Holm, D-N.Y., fought it.",
            "the New York Democrat",
            "Vera Holm",
        ),
        (
            "Sen. Colm Brady (R-N.C.) backed the levy while Rep. Vera Holm (D-Ore.) fought it.",
            "the North Carolina Republican",
            "Colm Brady",
        ),
    ],
)
def test_a_two_word_state_in_a_description_is_no_persons_name(intro: str, description: str, speaker: str) -> None:
    # "York" and "Carolina" may be first names, but not inside "New York" or "North Carolina"
    article = f"{intro} “The levy pays for the ferries,” {description} said.\n"
    assert quote_starting(article, "The levy pays").speaker == speaker


def test_a_paper_named_for_a_two_word_state_keeps_its_whole_name() -> None:
    article = "Sen. Colm Brady spoke on Monday. “The levy is dead,” the New York Ledger reported.\n"
    assert quote_starting(article, "The levy is dead").speaker == "New York Ledger"


def test_what_a_review_found_is_the_words_of_the_body_that_published_it() -> None:
    article = (
        "The Harbour Audit Commission published a review of the ferry contracts on Tuesday, a week after "
        "Mayor Ingrid Voss defended them. “The city paid twice for the same hulls,” the review found.\n"
    )
    assert quote_starting(article, "The city paid twice").speaker == "Harbour Audit Commission"


def test_a_states_governor_after_a_quote_is_the_governor_of_that_state() -> None:
    article = (
        "Gov. Bram Keller of Nebraska toured the flooded towns with Gov. Odile Fournier of Iowa on Monday. "
        "“We will rebuild every bridge,” Iowa's governor said.\n"
    )
    assert quote_starting(article, "We will rebuild").speaker == "Odile Fournier"



def test_a_short_quote_given_to_a_name_after_lower_case_title_words_is_a_quote() -> None:
    article = "Mayor Ingrid Voss's rivals piled on this week. “Voss is finished,” campaign manager Leopold Sandberg said.\n"
    assert quote_starting(article, "Voss is finished").speaker == "Leopold Sandberg"


@pytest.mark.parametrize(
    ("title", "role"),
    [("Rep.", "representative"), ("Sen.", "senator"), ("Gov.", "governor"), ("Lt. Gen.", "lieutenant general")],
)
def test_a_short_title_is_read_as_the_office_it_stands_for(title: str, role: str) -> None:
    article = f"The ferry budget went to the council on Monday.\n\n“The night crossings stay,” said {title} Ana Lund.\n"
    quote = quote_starting(article, "The night crossings")
    assert quote.speaker == "Ana Lund"
    assert quote.speaker_role == role
    assert quote.speaker_type == SpeakerType.OFFICIAL


@pytest.mark.parametrize("office", ["Congresswoman", "Sheriff", "Commissioner", "Councilwoman"])
def test_elected_and_local_offices_speak_as_officials(office: str) -> None:
    article = f"The ferry budget went to the council on Monday.\n\n“The night crossings stay,” said {office} Ana Lund.\n"
    assert quote_starting(article, "The night crossings").speaker_type == SpeakerType.OFFICIAL
