"""Whom a definite description stands for: the person the story named, when it gave them that role
or the word is what a named figure is anyway ("the senator", "the billionaire"); for "the group"
or "the company", the body the story last called so, or no one where it brought that body in
without a name ("a group of nurses"); an editorial board speaks as itself.

Every article here is invented for the test.
"""

from __future__ import annotations

import pytest

from tests.quote_lookup import quote_starting, speaker_of


def test_an_editorial_board_no_paper_is_named_for_is_not_the_person_it_writes_about() -> None:
    article = (
        "Gov. Nadia Sorell has been attacked from her own side for weeks.\n\n"
        "Sorell, who won two elections in the state, is a \u201cserious reformer\u201d, the editorial board writes.\n"
    )
    q = quote_starting(article, "serious reformer")
    assert q.speaker is None


def test_the_moderator_the_story_named_in_apposition_is_that_person() -> None:
    article = (
        "Pia Lorenz, the moderator, opened the debate with a question on taxes.\n\n"
        "\u201cWill either of you raise them?\u201d the moderator asked.\n"
    )
    assert quote_starting(article, "Will either").speaker == "Pia Lorenz"


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Gen.", "the general"),
        ("Dr.", "the doctor"),
        ("Prof.", "the professor"),
        ("Press secretary", "the spokesman"),
    ],
)
def test_a_title_written_short_or_in_other_words_gives_the_person_the_role(title: str, description: str) -> None:
    article = (
        f"{title} Arne Lunde met the visitors at the gate on Monday.\n\n"
        f"\u201cWe expect the work to finish by spring,\u201d {description} said.\n"
    )
    assert quote_starting(article, "We expect").speaker == "Arne Lunde"


@pytest.mark.parametrize("description", ["the billionaire businessman", "the candidate", "the Ohio senator", "the veteran"])
def test_a_word_a_named_figure_is_anyway_still_stands_for_them(description: str) -> None:
    article = (
        "Sen. Dale Ruiz toured a steel plant near Akron on Friday.\n\n"
        f"\u201cThese jobs are coming back,\u201d {description} told the workers.\n"
    )
    assert quote_starting(article, "These jobs").speaker == "Dale Ruiz"


def test_the_group_a_story_brought_in_without_a_name_is_not_a_body_whose_name_holds_the_word() -> None:
    article = (
        "The Harbour Care Group said on Tuesday it would close two clinics after the state cut its payments.\n\n"
        "Days later, a group of retired nurses sent a letter to the council.\n\n"
        "\u201cThe wards are short of staff every night,\u201d the group wrote.\n"
    )
    q = quote_starting(article, "The wards are short")
    assert q.speaker is None
    assert q.speaker_role == "group"


def test_the_group_that_speaks_for_others_is_not_those_it_speaks_for() -> None:
    article = (
        "The Harbour Care Group said on Tuesday it would raise its prices again this year.\n\n"
        "On Friday the umbrella group for the private clinics wrote to the governor about the costs.\n\n"
        "\u201cThe current rates cannot last,\u201d the group wrote.\n"
    )
    assert quote_starting(article, "The current rates").speaker is None


def test_the_group_named_beside_its_description_is_that_group() -> None:
    article = (
        "The Harbour Care Group said on Tuesday it would close two clinics.\n\n"
        "Safe Streets Alliance, a small advocacy group, sent a letter to the council on Monday.\n\n"
        "\u201cThe crossings near the schools are not safe,\u201d the group wrote.\n"
    )
    assert quote_starting(article, "The crossings").speaker == "Safe Streets Alliance"


@pytest.mark.parametrize("description", ["the former prosecutor", "the attorney general", "the company founder", "the populist"])
def test_an_office_once_held_or_a_figures_standing_stands_for_the_person_named_before(description: str) -> None:
    article = (
        "Dale Ruiz toured a steel plant near Akron on Friday, his third stop of the week.\n\n"
        f"\u201cThese jobs are coming back,\u201d {description} told the workers.\n"
    )
    assert quote_starting(article, "These jobs").speaker == "Dale Ruiz"


@pytest.mark.parametrize("kind", ["charity", "coalition", "foundation", "trust"])
def test_the_kind_of_body_the_story_called_it_stands_for_the_body(kind: str) -> None:
    article = (
        f"Mayor Ruth Calder closed the old weir on Monday. A {kind} called Friends of the Weir went to court the next day.\n\n"
        f"“The weir must stay where it is,” the {kind} said.\n"
    )
    assert speaker_of(article, "The weir must stay") == "Friends of the Weir"


@pytest.mark.parametrize(
    "introduced",
    [
        "Friends of the Weir, a local charity, went to court the next day.",
        "The closure was fought in court by Friends of the Weir, a charity based in the town.",
        "Friends of the Weir, the oldest residents' association in the valley, went to court.",
    ],
    ids=["appositive-between-commas", "appositive-ending-sentence", "kind-after-other-words"],
)
def test_a_body_the_story_describes_after_its_name_stands_for_the_kind(introduced: str) -> None:
    article = (
        f"Mayor Ruth Calder closed the old weir on Monday. {introduced}\n\n"
        "“The weir must stay where it is,” the {kind} said.\n"
    ).replace("{kind}", "association" if "association" in introduced else "charity")
    assert speaker_of(article, "The weir must stay") == "Friends of the Weir"


def test_people_counted_before_a_group_word_are_no_body() -> None:
    article = (
        "Hundreds of Veltans, a herding group from the hills, rode into town on Monday. Nobody was hurt.\n\n"
        "“We walked for our land,” the group said.\n"
    )
    assert speaker_of(article, "We walked") != "Hundreds of Veltans"


def test_the_newspaper_is_the_outlet_named_before_not_the_last_body() -> None:
    article = (
        "The Anglers' Guild wants the quota lifted. The Estuary Chronicle disagrees, and says the guild is asking too much.\n\n"
        "According to the newspaper, “A town that empties its river has nothing left to sell.”\n"
    )
    assert speaker_of(article, "A town that empties") == "Estuary Chronicle"


def test_according_to_a_body_the_story_named_gives_it_the_quote() -> None:
    article = (
        "The Harbour Board met on Monday to weigh the dredging contract.\n\n"
        "According to the board, “No bid came in under the ceiling we set.”\n"
    )
    assert speaker_of(article, "No bid came in") == "Harbour Board"


def test_the_senator_from_a_state_is_the_senator_the_story_tied_to_it() -> None:
    article = (
        "Sen. Ada Brisk (D-Ore.) and Sen. Tom Vale (R-Ohio) debated the bank bill on Sunday.\n\n"
        "“Can you reform the banks while they pay for the campaigns?” Brisk asked. “I have my doubts.”\n\n"
        "“I have none,” the senator from Ohio said.\n"
    )
    assert speaker_of(article, "I have none") == "Tom Vale"


def test_the_person_who_adds_words_is_the_unnamed_voice_before_not_a_name_nearby() -> None:
    article = (
        "Ines Harrowgate faces Tomas Brenner in the debate on Monday. Brenner has mocked her for weeks. "
        "“There is a long road ahead,” said a longtime adviser to Harrowgate, who, like many others "
        "interviewed by the Herald, asked not to be named. “Being candid is the last hurdle for her,” the "
        "person added.\n"
    )
    quote = quote_starting(article, "Being candid")
    assert (quote.speaker, quote.speaker_role) == (None, "longtime adviser to Harrowgate")


def test_a_coach_and_an_administrator_are_roles_a_name_stands_behind() -> None:
    coach = (
        "Rovers lose at home\n\n"
        "Rovers head coach Tomas Brenner met reporters after the loss on Saturday night.\n\n"
        "“Well, number one, I feel for my players.”\n"
    )
    council = (
        "Kelby council, Tuesday\n\n"
        "Mayor Ines Harrowgate was away, so city administrator Pavel Ostrander took the complaints all night.\n\n"
        "“The meters are illegal,” Nora Pellwick insisted. “I checked with the county.”\n\n"
        "“We gave you our answer already,” snapped the city administrator.\n"
    )
    assert quote_starting(coach, "Well, number one").speaker == "Tomas Brenner"
    assert quote_starting(council, "We gave you").speaker == "Pavel Ostrander"


def test_a_trade_no_office_holds_is_not_the_titled_person_who_spoke_before() -> None:
    article = (
        "Kelby council, Tuesday\n\n"
        "“Welcome back, everyone,” Mayor Ines Harrowgate said as the meeting opened.\n\n"
        "“The lantern walk starts at six and everyone may bring a torch,” the festival organiser explained.\n"
    )
    quote = quote_starting(article, "The lantern walk")
    assert (quote.speaker, quote.speaker_role) == (None, "festival organiser")
