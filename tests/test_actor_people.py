"""People the actor finder must know for what they are, so that a quote's "he said" or its bare
surname finds them: a name with no title but a lower-case job before it, a lawmaker's party tag,
a name after an outlet's possessive, a relative named by first name, a surname that is also a
modal verb, a one-word surname that speaks of itself as "he" or "she", an office written with "of",
a name with a description set beside it, a name heading a digest item, a surname a body's name
also holds, a full name that opens a sentence before a verb, and a job written in capitals before a
name; and names the finder once read past: after a no-break space, with a middle initial, a curly
apostrophe or an inner capital; and one name written with its middle name and without.

Every article here is invented for the test.
"""

from __future__ import annotations

import pytest

from summarise.grounding import find_actor_candidates, find_quote_candidates
from summarise.rules import rules_briefing
from summarise.schemas import ActorKind, SpeakerType


def _people(article: str) -> set[str]:
    return {c.name for c in find_actor_candidates(article) if c.kind == ActorKind.PERSON}


def _speakers(article: str) -> list[str | None]:
    return [q.speaker for q in find_quote_candidates(article)]


HEADLINE = "Council vote slips to spring.\n\n"


def test_a_lower_case_job_before_a_name_makes_it_a_person() -> None:
    article = HEADLINE + (
        "The mayors were pressed by panel moderator Liesel Arkwright whether the levy would last. "
        "Arkwright asked again an hour later.\n"
    )
    assert "Liesel Arkwright" in _people(article)


def test_a_lawmaker_with_a_party_tag_and_no_title_is_a_person() -> None:
    article = HEADLINE + (
        "Members met behind closed doors. House Budget Republican Oskar Velland (R-Nev.), who has read the "
        'files, would not say more. "It is too early to tell," he said.\n'
    )
    assert "Oskar Velland" in _people(article)
    assert _speakers(article) == ["Oskar Velland"]


def test_a_name_after_an_outlets_possessive_is_the_journalist() -> None:
    article = HEADLINE + (
        "Viewers of KRTV's Mirela Dunst heard on Monday that the levy had failed. "
        '"Nobody wanted it," she said.\n'
    )
    assert "Mirela Dunst" in _people(article)
    assert _speakers(article) == ["Mirela Dunst"]


def test_a_relative_named_by_first_name_speaks_for_herself() -> None:
    article = HEADLINE + (
        "Hollis Brandvold spoke first at the town hall on Monday. His wife, Greta, sat beside him and "
        'wept. "We are worn out," she said.\n'
    )
    assert "Greta" in _people(article)
    assert _speakers(article) == ["Greta"]


def test_a_surname_spelt_like_a_modal_verb_is_still_the_speaker() -> None:
    article = HEADLINE + (
        "Columnist and radio host Walter Will attacked the levy this week. "
        '"It is a shambles," Will wrote. "It should go," Will said on Monday.\n'
    )
    assert _speakers(article) == ["Walter Will", "Walter Will"]


def test_a_lone_surname_that_says_he_is_a_person_not_a_body() -> None:
    article = HEADLINE + (
        "The levy was sunk on Monday, and Quenneville said he would not sign it. Voters were told that "
        'Quenneville had left the hall early. "It is a mess," he said.\n'
    )
    found = {c.name: c.kind for c in find_actor_candidates(article)}
    assert found.get("Quenneville") == ActorKind.PERSON
    assert _speakers(article) == ["Quenneville"]


def test_a_surname_written_in_full_with_a_middle_initial_is_a_person() -> None:
    article = HEADLINE + (
        "The critics were sharp, and Brannock argued the levy had failed, a view that Brannock has held for "
        "years. Dorian K. Brannock writes a weekly column on farm budgets.\n"
    )
    # listed alone, or as the full name that the surname is an alias of
    people = [c for c in find_actor_candidates(article) if c.kind == ActorKind.PERSON]
    assert any(c.name == "Brannock" or "Brannock" in c.aliases for c in people)


def test_a_body_named_by_one_word_that_says_it_stays_a_body() -> None:
    article = HEADLINE + (
        "The levy was sunk on Monday, and Valtrex said it would appeal. Farmers were told that Valtrex had "
        "filed papers with the court.\n"
    )
    found = {c.name: c.kind for c in find_actor_candidates(article)}
    assert found.get("Valtrex") == ActorKind.ORGANISATION


def test_two_people_after_one_plural_job_are_both_people() -> None:
    article = HEADLINE + (
        "Farm economists Hedda Lorquist and Basil Ferreira-Nunn think the levy will fall short of its "
        "goal by a wide margin.\n"
    )
    assert {"Hedda Lorquist", "Basil Ferreira-Nunn"} <= _people(article)


def test_a_compass_word_after_a_first_name_is_a_surname() -> None:
    article = HEADLINE + 'That is where author and activist Lorna West took the talk. "We can win this," West said.\n'
    assert "Lorna West" in _people(article)


def test_a_name_that_opens_on_initials_is_a_person() -> None:
    article = HEADLINE + (
        "Caucus Chairman J.R. Ostrander of Nevada said he was angry about the delay. "
        '"It is a scandal," Ostrander said.\n'
    )
    assert "J.R. Ostrander" in _people(article)
    assert _speakers(article) == ["J.R. Ostrander"]


def test_a_plural_title_names_two_people() -> None:
    article = HEADLINE + (
        "Sens. Pirjo Hallam of Nevada and Bruno Castellet of Utah, both facing voters soon, kept quiet "
        "about the levy all week.\n"
    )
    assert {"Pirjo Hallam", "Bruno Castellet"} <= _people(article)


def test_a_lone_surname_with_a_campaign_and_supporters_is_a_candidate() -> None:
    article = HEADLINE + (
        "The levy was sunk on Monday, and Quentor welcomed the news. Voters were told that Quentor had "
        "left the hall, and a Quentor supporter cheered.\n"
    )
    found = {c.name: c.kind for c in find_actor_candidates(article)}
    assert found.get("Quentor") == ActorKind.PERSON


def test_an_office_written_with_of_is_a_title_not_a_military_body() -> None:
    article = HEADLINE + (
        "In a memo sent on Monday, City Hall Chief of Staff Marit Oyelaran thanked the clerks for the late nights. "
        "The count, Party Secretary of Finance Teodor Brisko said, had been clean.\n"
    )
    candidates = find_actor_candidates(article)
    assert {"Marit Oyelaran", "Teodor Brisko"} <= _people(article)
    assert not [c.name for c in candidates if c.kind == ActorKind.MILITARY_BODY]
    assert next(c for c in candidates if c.name == "Marit Oyelaran").role == "chief of staff"


def test_a_name_with_a_description_beside_it_is_a_person() -> None:
    article = HEADLINE + (
        "Reading scores rose in every district last year.\n\n"
        "Gloria Tamminen, president of the Hollis Schools Forum, tied the rise to smaller classes.\n\n"
        "Cyrus Delacroix — a bus driver from Wexley — says he changed his mind late.\n\n"
        "Harriet Okonkwo, the mayor's oldest friend, stayed silent.\n"
    )
    assert {"Gloria Tamminen", "Cyrus Delacroix", "Harriet Okonkwo"} <= _people(article)


def test_a_described_name_takes_the_quote_that_follows() -> None:
    article = HEADLINE + (
        "Reading scores rose in every district last year.\n\n"
        "Gloria Tamminen, president of the Hollis Schools Forum, tied the rise to smaller classes. "
        "\"Teachers finally had time for each child,\" she said.\n"
    )
    assert _speakers(article) == ["Gloria Tamminen"]


def test_a_name_heading_a_digest_item_is_a_person() -> None:
    article = HEADLINE + (
        "TURNOUT HELD UP IN THE HILLS - Pieter Vanhoek: \"Rural counties voted at rates nobody had forecast.\"\n\n"
        "The turnout figures surprised both parties.\n"
    )
    assert "Pieter Vanhoek" in _people(article)
    assert _speakers(article) == ["Pieter Vanhoek"]


def test_a_body_named_against_someone_leaves_them_their_surname() -> None:
    article = HEADLINE + (
        "Protesters from the Alliance Against Brunsvik marched past the hall on Friday.\n\n"
        "Inside, Walter Brunsvik told the crowd the levy would pass. Brunsvik, a former grain trader, "
        "spoke for an hour.\n"
    )
    walter = next(c for c in find_actor_candidates(article) if c.name == "Walter Brunsvik")
    assert "Brunsvik" in walter.aliases


def test_a_full_name_opening_a_sentence_before_a_verb_is_a_person() -> None:
    article = HEADLINE + (
        "The ferry timetable will change in May.\n\n"
        "Marisol Quenneville has voiced doubts about the new crossings. \"Nobody asked the islanders,\" "
        "she said.\n"
    )
    assert "Marisol Quenneville" in _people(article)
    assert _speakers(article) == ["Marisol Quenneville"]


def test_a_team_or_a_firm_opening_a_sentence_is_no_person() -> None:
    article = HEADLINE + (
        "Harbour Rovers lost again on Saturday. Coach Ilse Marchetti blamed the wind.\n\n"
        "Anselm Brothers has opened a third mill by the quay.\n"
    )
    assert not {"Harbour Rovers", "Anselm Brothers"} & _people(article)


def test_a_job_in_capitals_before_a_name_is_no_part_of_the_name() -> None:
    article = HEADLINE + (
        "Reporter Renata Okafor said the bridge plans were late. Pellworth CEO Tobias Grunewald said the "
        "money was there.\n"
    )
    people = _people(article)
    assert {"Renata Okafor", "Tobias Grunewald"} <= people
    assert not {"Reporter Renata Okafor", "Pellworth CEO Tobias Grunewald", "CEO Tobias Grunewald"} & people


# --------------------------------------------------------------------------------------------
# names the finder read past: a no-break space, an initial, a curly apostrophe, an inner capital
# --------------------------------------------------------------------------------------------


def test_a_name_after_a_no_break_space_is_a_person() -> None:
    article = HEADLINE + (
        "The levy has split the valley towns.\n\n"
        "\u201cNobody in the hill farms was ever asked about this levy,\u201d writes\u00a0Oswin Tarrant. "
        "\u201cThey will pay the most for it.\u201d\n"
    )
    assert "Oswin Tarrant" in _people(article)
    assert _speakers(article) == ["Oswin Tarrant", "Oswin Tarrant"]


def test_a_middle_initial_is_no_word_that_stops_a_name() -> None:
    article = HEADLINE + (
        "The hearing was put off until May.\n\n"
        "However, Noreen A. Castellane, vice president and general counsel for the Harrow Group, "
        "said the delay changed nothing.\n"
    )
    assert "Noreen A. Castellane" in _people(article)


def test_a_surname_with_a_curly_apostrophe_or_an_inner_capital_is_a_person() -> None:
    article = HEADLINE + (
        "\u201cThe count was slow but it was honest, and that is what matters most,\u201d wrote Declan O\u2019Farrell in his column.\n\n"
        "Hollis VanderMeer, a retired head of a county seed company, said it took weeks to find a volunteer.\n"
    )
    assert {"Declan O\u2019Farrell", "Hollis VanderMeer"} <= _people(article)


def test_a_local_or_religious_office_before_a_name_makes_a_person() -> None:
    article = HEADLINE + (
        "The flood reached the county on Monday. Sheriff Tom Hale ordered the roads closed, and the "
        "synagogue opened its doors.\n\n"
        "Councilwoman Rosa Pruitt asked the state for help, and Rev. Omar Lindqvist led the volunteers.\n"
    )
    assert {"Tom Hale", "Rosa Pruitt", "Omar Lindqvist"} <= _people(article)


def test_a_name_written_only_as_the_village_or_town_of_something_is_a_place_not_a_person() -> None:
    article = (
        HEADLINE + "A shell hit a house on Thursday in the northern "
        "village of Dara Kel, killing five fighters, officials said. Police later sealed off the port town of Sarn Valo, and Mayor "
        "Ilse Brandt said the roads would reopen on Monday.\n"
    )
    people = _people(article)
    assert "Dara Kel" not in people and "Sarn Valo" not in people
    assert "Ilse Brandt" in people
    assert [e.place for e in rules_briefing(article).events][:1] == ["Dara Kel"]


def _roles(article: str) -> dict[str, str | None]:
    return {c.name: c.role for c in find_actor_candidates(article) if c.kind == ActorKind.PERSON}


def test_a_role_of_a_body_set_before_the_name_is_the_persons_role() -> None:
    article = (
        HEADLINE + "The district commissioner of Karsk, Ilse Brandt, said seven houses had burned. "
        "The mayor took the resignation and named the deputy minister for ports, Paul Vale, to stand in.\n\n"
        "\u201cWe welcome the review,\u201d the head of the Velmora Institute for Peace Research (VIPR), Tomas Vale, "
        "said in a statement.\n"
    )
    roles = _roles(article)
    assert roles["Ilse Brandt"] == "district commissioner of Karsk"
    assert roles["Paul Vale"] == "deputy minister for ports"
    assert roles["Tomas Vale"] == "head of the Velmora Institute for Peace Research (VIPR)"


def test_a_body_named_after_a_long_role_is_not_a_person() -> None:
    article = (
        HEADLINE + "He defended Karl Bauer, the embattled president of the sport\u2019s world governing body, FIDA, "
        "who is under investigation. She belongs to the Harbour Golf Club, Pine Hill Club, and the Lotus Club.\n"
    )
    people = _people(article)
    assert "FIDA" not in people and "Pine Hill Club" not in people
    assert "Karl Bauer" in people


@pytest.mark.parametrize("office", ["Former mayor of Port Dunmore", "The governor of Dunmore", "President of Valdoria"])
def test_an_office_of_a_place_before_a_name_is_the_persons_role_not_their_name(office: str) -> None:
    article = f"{office} Tomas Vale was sentenced on Friday to ten years in prison for taking bribes.\n"
    person = next(c for c in find_actor_candidates(article) if c.kind == ActorKind.PERSON)
    assert person.name == "Tomas Vale"
    assert person.role is not None and person.role.endswith(office.split(" of ")[1])


@pytest.mark.parametrize("where", ["derailed at Dunmore Junction", "was buried in Holy Rood Cemetery"])
def test_capitalised_words_after_a_preposition_of_place_are_no_person(where: str) -> None:
    article = f"The night train {where}, police said on Friday, and Tomas Vale was among the dead.\n"
    names = {c.name for c in find_actor_candidates(article) if c.kind == ActorKind.PERSON}
    assert names == {"Tomas Vale"}



def test_an_appositive_whose_body_has_its_acronym_gives_role_and_affiliation() -> None:
    article = "Tomas Vale, a research coordinator at Harbour Armament Services (HAS), echoed the view on Friday.\n"
    person = next(c for c in find_actor_candidates(article) if c.name == "Tomas Vale")
    assert (person.role, person.affiliation) == ("research coordinator", "Harbour Armament Services")


def test_a_named_storm_is_no_person() -> None:
    article = "The city was rebuilt after Hurricane Helga, and Tomas Vale was mayor at the time.\n"
    assert {c.name for c in find_actor_candidates(article) if c.kind == ActorKind.PERSON} == {"Tomas Vale"}


def test_a_role_before_a_closing_cue_with_no_comma_stops_at_the_cue() -> None:
    article = "The attackers fled into the forest, Omar Sadiq, the police spokesman said on Friday.\n"
    person = next(c for c in find_actor_candidates(article) if c.name == "Omar Sadiq")
    assert person.role == "the police spokesman"


def test_a_courtesy_title_is_no_role_and_the_person_keeps_the_name_written_in_full() -> None:
    article = (
        "Tomas Marlow spent Saturday driving between grain elevators.\n\n"
        "Mr. Marlow said he had “never seen a harvest like this one.”\n"
    )
    people = {a.name: a.role for a in find_actor_candidates(article) if a.kind == ActorKind.PERSON}
    assert people == {"Tomas Marlow": None}


def test_a_courtesy_title_picks_the_full_name_of_its_gender() -> None:
    article = (
        "Ines Marlow campaigned with her husband, Tomas Marlow, on Saturday.\n\n"
        "Mrs. Marlow said she was “ready for the job on the first day.”\n"
    )
    names = {a.name for a in find_actor_candidates(article) if a.kind == ActorKind.PERSON}
    assert "Marlow" not in names and "Ines Marlow" in names


@pytest.mark.parametrize("description", ["an economist", "a political scientist at Dunmore University", "a novelist"])
def test_a_name_no_first_name_list_knows_is_a_person_by_what_only_a_person_is(description: str) -> None:
    article = f"Berhanu Tessema, {description}, teaches in the evenings.\n"
    assert "Berhanu Tessema" in {a.name for a in find_actor_candidates(article) if a.kind == ActorKind.PERSON}


def test_voters_described_after_a_name_do_not_make_it_a_person() -> None:
    article = "Leaving out Marlow, the race was close among older voters, the poll found.\n"
    assert "Marlow" not in {a.name for a in find_actor_candidates(article)}


def test_a_full_name_tied_to_the_body_it_speaks_from_is_a_person_who_says_he() -> None:
    article = (
        "Darran Whitby of Harbour Chapel in Lowell said he had phoned some 150 fellow pastors.\n\n"
        "The Communications Workers of Dunmore said the calls were welcome.\n"
    )
    people = {a.name for a in find_actor_candidates(article) if a.kind == ActorKind.PERSON}
    assert people == {"Darran Whitby"}


def test_a_faith_is_not_a_persons_name() -> None:
    article = "By faith Tomas Brenner is a devout Roman Catholic who keeps a prayer book on his desk.\n"
    assert "Roman Catholic" not in {a.name for a in find_actor_candidates(article)}


@pytest.mark.parametrize("full, short", [("Helen Ward Carter", "Helen Carter"), ("Tomas J. Vale", "Tomas Vale")])
def test_a_name_written_once_with_its_middle_name_and_once_without_is_one_person(full: str, short: str) -> None:
    article = (
        f"{full}, the governor, said on Monday that the port would close.\n\n"
        f"Later {short} said the plan was firm.\n"
    )
    people = [a for a in find_actor_candidates(article) if a.kind == ActorKind.PERSON]
    assert [a.name for a in people] == [full]
    assert short in people[0].aliases


def test_a_speaker_written_without_the_middle_name_is_given_by_the_full_name() -> None:
    article = (
        "In her run for the nomination, Helen Ward Carter has leaned on her ties to the president.\n\n"
        "“I did say early on that we had to find a way,” Helen Carter said on Sunday in Dover.\n"
    )
    briefing = rules_briefing(article)
    assert [q.speaker for q in briefing.quotes] == ["Helen Ward Carter"]
    assert [a.name for a in briefing.actors] == ["Helen Ward Carter"]


@pytest.mark.parametrize(
    "lead",
    [
        "DOVER — Helen Carter doesn't recognize the rival she once knew.",
        "Helen Carter won't back the harbour plan.",
        "DOVER, England — Helen Carter may run again.",
    ],
)
def test_a_full_name_opening_a_sentence_before_a_negated_verb_or_after_a_dateline_is_a_person(lead: str) -> None:
    article = HEADLINE + f"{lead}\n\nCarter and her husband, former President Piet Carter, left early.\n\n“I have been vetted,” Carter said.\n"
    assert "Helen Carter" in _people(article)


def test_a_surname_inside_a_relatives_full_name_lends_her_none_of_his_titles() -> None:
    article = HEADLINE + (
        "DOVER — Helen Carter doesn't recognize the rival she once knew.\n\n"
        "Carter and her husband, former President Piet Carter, left early.\n\n“I have been vetted,” Carter said.\n"
    )
    quote = next(q for q in find_quote_candidates(article) if q.text.startswith("I have been vetted"))
    assert (quote.speaker, quote.speaker_role, quote.speaker_type) == ("Helen Carter", None, SpeakerType.OTHER)


def test_a_courtesy_title_finds_the_full_name_the_story_wrote_only_as_a_possessive() -> None:
    article = HEADLINE + (
        "Labour is split. Some members feared a repeat of Tomas Brenner's fiery speech in 1992, when Mr. Brenner "
        "called for a “class war.”\n"
    )
    assert _speakers(article) == ["Tomas Brenner"]


@pytest.mark.parametrize(
    "lead",
    ["In Dunmere, Oskar Fennick is losing patience over road repairs.", "Dunmere(WNN) Oskar Fennick is pressing the board."],
)
def test_a_full_name_after_a_place_or_a_run_on_dateline_is_a_person(lead: str) -> None:
    article = HEADLINE + f"{lead}\n\n“They have had the numbers since spring,” Fennick said.\n\nFennick asked again.\n"
    assert _speakers(article) == ["Oskar Fennick"]


def test_a_full_name_after_a_comma_that_closes_a_capitalised_lead_in_is_a_person() -> None:
    article = HEADLINE + (
        "DUNMORE - Each Saturday at the corner of Mill Road, Tomas Brenner and his grandson sell pears from a "
        "folding table. Brenner has run the stall for twelve years.\n\n"
        "“Half the pears never got bigger than a walnut,” Brenner said.\n"
    )
    assert _speakers(article) == ["Tomas Brenner"]
