"""Actors: who plays a part in the story, not every capitalised name on the page.

Every article here is invented for the test: outlets cited only as sources, photo credits,
bylines and captions must not become actors; bodies named in their real forms, groups named by
one word, states the ISO list knows and an attacker named by its adjective must. The last test
drives the CLI on an article that names more people than a briefing may list.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarise.cli import app
from summarise.grounding import find_actor_candidates, find_quote_candidates
from summarise.rules import rules_briefing
from summarise.schemas import ActorKind, Briefing


def _actors(article: str) -> dict[str, object]:
    return {a.name: a for a in find_actor_candidates(article)}


def _all_names(article: str) -> set[str]:
    return {n for a in find_actor_candidates(article) for n in (a.name, *a.aliases)}


# --------------------------------------------------------------------------------------------
# sources, credits, bylines and captions are not actors
# --------------------------------------------------------------------------------------------

SOURCED = (
    "Valdoria fired a cruise missile on Monday, the Northport Herald reported.\n\n"
    "The missile flew for about ten minutes, according to the Coastal Times, and Valdoria's navy "
    "said the test had gone to plan.\n\n"
    "\u201cWe watched it the whole way,\u201d Mara Ostrand, a fisheries inspector, told the Daily Ledger.\n\n"
    "Reuters reported that the launch came a day after talks in Brisca broke down, and Xinhua said the "
    "region was calm."
)


def test_outlets_cited_only_as_sources_are_not_actors() -> None:
    names = _all_names(SOURCED)
    assert not {"Northport Herald", "Coastal Times", "Daily Ledger", "Reuters", "Xinhua"} & names
    assert "Mara Ostrand" in names


def test_an_outlet_that_could_not_verify_a_claim_only_passes_it_on() -> None:
    article = (
        "Drones struck a fuel depot in Velmora overnight, the regional governor said on Tuesday.\n\n"
        "The Velmora Times could not independently confirm the toll, and Reuters was unable to verify "
        "the governor's figures. Russia's defence ministry said it had hit a military target."
    )
    names = _all_names(article)
    assert not {"Reuters", "Velmora Times"} & names
    assert "Russia" in names


def test_an_outlet_that_speaks_a_quote_is_an_actor() -> None:
    article = (
        "The broadcaster was fined on Tuesday. \u201cWe will appeal against this ruling in every court,\u201d "
        "the Harbour Gazette said in a statement. Officials did not comment on the fine."
    )
    assert "Harbour Gazette" in _actors(article)


def test_an_outlet_that_acts_in_the_story_is_an_actor() -> None:
    article = (
        "Police in Brisca raided the offices of the Evening Courier News on Wednesday. "
        "The Evening Courier News has published three reports on the defence contracts this year. "
        "The same day the government expelled Reuters from the country."
    )
    found = _actors(article)
    assert "Evening Courier News" in found
    assert "Reuters" in found  # an agency the story acts upon, not one it cites


def test_photo_credits_bylines_and_captions_name_no_actors() -> None:
    article = (
        "By Tomas Verlind and Ana Kolstad, Northport Wire.\n\n"
        "Soldiers unload crates at the port on Friday. (Photo: Jorik Balan)\n\n"
        "Helga Marsk, the port's director, said the ship was turned back. STR/AFP/Getty Images\n\n"
        "Valdoria's coast guard stopped the cargo ship Meridian Star off the coast on Thursday, "
        "Helga Marsk said. \u201cIt carried no papers at all,\u201d Marsk said.\n\n"
        "Reporting by Piet Anders; Editing by Lise Dorn."
    )
    names = _all_names(article)
    assert not {"Tomas Verlind", "Ana Kolstad", "Jorik Balan", "Piet Anders", "Lise Dorn", "Getty Images"} & names
    assert not any("Northport Wire" in n for n in names)
    assert "Helga Marsk" in names  # named in a caption, and in the story too


def test_a_person_seen_only_in_a_caption_is_no_actor() -> None:
    article = (
        "Lenart Obo, the mayor of Brisca, waves to supporters on Saturday. (Photo: Ria Sand/Reuters)\n\n"
        "Finland's defence forces opened a new base near the border on Saturday, Defence Minister "
        "Aino Rask said, adding that it would house 400 soldiers."
    )
    names = _all_names(article)
    assert "Lenart Obo" not in names and "Ria Sand" not in names
    assert "Aino Rask" in names


def test_page_residue_names_no_actors() -> None:
    article = (
        "Valdoria fired a missile on Monday, Defence Minister Aino Rask said in Brisca.\n\n"
        "Follow Northport News on social media for more updates on this story.\n\n"
        "Read more: Lenart Obo and the Harbour Council plan a new sea wall."
    )
    names = _all_names(article)
    assert "Aino Rask" in names
    assert not any("Northport" in n or "Obo" in n or "Harbour" in n for n in names), names


# --------------------------------------------------------------------------------------------
# people, bodies and states named the way news writes them
# --------------------------------------------------------------------------------------------


def test_a_described_expert_without_an_article_and_the_place_of_their_institute() -> None:
    article = (
        "Oskar Brenvik, an expert on Valdoria from the Baltic Institute for Security Studies in Riga, "
        "said the test was a warning. Ilse Maren, Arctic watcher at Nordvik University, Tromso, said "
        "the navy was stretched. \u201cThey cannot keep this pace,\u201d said Maren."
    )
    found = _actors(article)
    assert found["Oskar Brenvik"].affiliation == "Baltic Institute for Security Studies"
    assert found["Ilse Maren"].affiliation == "Nordvik University"
    assert found["Nordvik University"].kind == ActorKind.ORGANISATION
    assert found["Baltic Institute for Security Studies"].kind == ActorKind.ORGANISATION
    assert "Maren" in found["Ilse Maren"].aliases


def test_a_group_named_by_one_word_is_an_actor() -> None:
    article = (
        "A drone struck a depot near the border on Sunday in the latest clash between Valdoria and Ardent. "
        "The army said Ardent had fired first. Ardent has denied any role in the attack."
    )
    found = _actors(article)
    assert found["Ardent"].kind == ActorKind.ORGANISATION


def test_a_surname_whose_full_name_appears_only_as_a_possessive_is_a_person() -> None:
    article = (
        "The council took up Dario Velloso\u2019s plan for the harbour on Tuesday. "
        "Velloso has argued for a toll since spring, and Velloso said the vote would come in June. "
        "Critics of the toll met in Brisca."
    )
    found = _actors(article)
    assert found["Velloso"].kind == ActorKind.PERSON


def test_the_state_an_adjective_names_as_the_attacker() -> None:
    article = "Overnight, waves of Russian drones and missiles struck the port of Odesa, officials said."
    assert "Russia" in {a.name for a in find_actor_candidates(article)} | {
        n for a in find_actor_candidates(article) for n in a.aliases
    }


def test_states_beyond_the_press_table_come_from_the_iso_list() -> None:
    article = "Niger and Chad signed a border accord on Monday. Chad said patrols would begin in May."
    found = _actors(article)
    assert found["Chad"].kind == ActorKind.STATE
    assert found["Niger"].kind == ActorKind.STATE


def test_bodies_by_their_real_forms_and_kinds() -> None:
    article = (
        "Pakistan's Foreign Office said on Monday that the talks would resume. The Islamic Revolutionary "
        "Guard Corps said it had seized a tanker, and the Joint Chiefs of Staff said the missile flew 300 km. "
        "The Kyiv City Military Administration said two people were hurt. The Lebanese health ministry said "
        "one man was killed."
    )
    found = _actors(article)
    assert found["Islamic Revolutionary Guard Corps"].kind == ActorKind.MILITARY_BODY
    assert found["Joint Chiefs of Staff"].kind == ActorKind.MILITARY_BODY
    assert found["Kyiv City Military Administration"].kind == ActorKind.ORGANISATION  # its head word decides
    # a state's ministry speaks for its state, whatever the ministry's field
    assert any(
        a.kind == ActorKind.STATE and {"Lebanon", "Lebanese health ministry"} <= {a.name, *a.aliases}
        for a in find_actor_candidates(article)
    )
    assert "Pakistan's Foreign Office" in _all_names(article)


def test_capitals_and_the_leaders_title_are_aliases() -> None:
    article = (
        "North Korean leader Kim Jong Un watched the launch on Sunday. Tokyo protested, and Washington "
        "said it was consulting Seoul. Pyongyang said the test was routine, and analysts said the North "
        "Korean leader wanted to be seen."
    )
    found = _actors(article)
    assert "the North Korean leader" in found["Kim Jong Un"].aliases
    groups = [{a.name, *a.aliases} for a in find_actor_candidates(article)]
    # a capital stands for its state: one actor under both names, whichever the story writes
    for state, capital in (("Japan", "Tokyo"), ("United States", "Washington"), ("North Korea", "Pyongyang")):
        assert any({state, capital} <= g for g in groups), (state, capital, groups)


def test_a_workplace_is_a_body_whatever_its_name_looks_like() -> None:
    article = (
        "At least 40 people have died since May, Dana Kerrow, an investigative journalist with Open Ledger "
        "who has been tracking the strikes, said on Friday."
    )
    briefing = rules_briefing(article)
    kinds = {a.name: a.kind for a in briefing.actors}
    assert kinds["Open Ledger"] == ActorKind.ORGANISATION
    assert kinds["Dana Kerrow"] == ActorKind.PERSON


# --------------------------------------------------------------------------------------------
# a long roll of names: the briefing is cut to its cap, and the cut is recorded
# --------------------------------------------------------------------------------------------

_GIVEN = ["Anka", "Bertil", "Cosmo", "Dagny", "Edvin", "Frida", "Gorm", "Hedda", "Isak", "Jorunn",
          "Kjell", "Liv", "Magnar", "Nelly", "Oddvar", "Pernille", "Roald", "Sigrid", "Tarjei", "Unni"]
_FAMILY = ["Vassbotn", "Quillfjord", "Brekkestad"]


def _roll_call() -> str:
    people = [f"{g} {f}" for f in _FAMILY for g in _GIVEN]
    lines = ["Sixty volunteers thanked after the flood", ""]
    lines.append("The Harbour Council of Eastmarsh thanked its volunteers on Monday after the autumn flood.")
    lines += [f"{p} said the pumps at station {i + 1} had run all night." for i, p in enumerate(people)]
    lines.append("\u201cWe could not have held the dike without every one of them,\u201d said Unni Brekkestad, the council's chair.")
    lines.append("Unni Brekkestad said the council would meet again in spring.")
    return "\n".join(lines) + "\n"


def test_a_briefing_with_more_actors_than_its_cap_keeps_the_most_important(tmp_path: Path) -> None:
    article = tmp_path / "roll.txt"
    article.write_text(_roll_call(), encoding="utf-8")
    result = CliRunner().invoke(app, ["brief", str(article), "--model", "rules", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (briefing,) = (Briefing.model_validate(item) for item in data)
    cap = Briefing.model_fields["actors"].metadata[0].max_length
    assert len(briefing.actors) == cap
    names = {a.name for a in briefing.actors}
    assert "Unni Brekkestad" in names  # named last, but she speaks: she is kept
    cut = [d for d in briefing.provenance.dropped if d.kind == "actor"]
    assert len(cut) == 61 - cap  # 60 people and the council
    assert all(f"cap of {cap} actors" in d.reason for d in cut)
    assert not {d.item["name"] for d in cut} & names


def test_a_models_salvaged_draft_over_the_cap_is_cut_not_failed() -> None:
    """A model's answer kept item by item after its re-asks (salvage) is not bounded by the
    draft's caps: grounding cuts it to the briefing's, quotes first, and says so."""
    from summarise.grounding import ground_briefing
    from summarise.schemas import salvage_draft

    text = _roll_call()
    people = [f"{g} {f}" for f in _FAMILY for g in _GIVEN]
    data = {
        "headline": "Volunteers thanked",
        "bottom_line": "A council thanked sixty volunteers.",
        "actors": [{"name": p, "kind": "person"} for p in people],
        "quotes": [{"text": "We could not have held the dike without every one of them", "speaker": people[-1]}],
        "events": [],
    }
    draft, drops = salvage_draft(data, text)
    assert not drops and len(draft.actors) == 60
    briefing, cut = ground_briefing(draft, text)
    cap = Briefing.model_fields["actors"].metadata[0].max_length
    assert len(briefing.actors) == cap and len(cut) == 60 - cap
    assert people[-1] in {a.name for a in briefing.actors}  # the one who speaks stays


def test_american_places_and_buildings_are_not_people() -> None:
    article = (
        "Senator Orla Pemberton rallied supporters in Fort Hadley on Monday and then flew to Cedar Rapids.\n\n"
        "Later that week she met donors at Quillan Tower and at a dinner on Marsh Avenue, aides said.\n\n"
        "Voters in swing-leaning New Jersey have heard her message before, she told reporters."
    )
    people = {c.name for c in find_actor_candidates(article) if c.kind == ActorKind.PERSON}
    assert people == {"Orla Pemberton"}


def test_a_name_only_ever_after_in_is_a_town() -> None:
    article = (
        "The governor, Ruth Okafor, opened a clinic in Brennock Marsh on Friday.\n\n"
        "Okafor said the clinic would serve farm workers from three counties."
    )
    people = {c.name for c in find_actor_candidates(article) if c.kind == ActorKind.PERSON}
    assert "Brennock Marsh" not in people
    assert "Ruth Okafor" in people


def test_a_person_titled_after_a_bodys_name_is_no_part_of_the_body() -> None:
    article = "Lakeside Dockworkers Union Chairman Delia Vantongeren said on Monday that the strike would go on.\n"
    found = {c.name: c.kind for c in find_actor_candidates(article)}
    assert found.get("Delia Vantongeren") == ActorKind.PERSON
    assert not any("Delia" in name for name, kind in found.items() if kind != ActorKind.PERSON)


def test_a_party_before_a_name_is_no_part_of_it() -> None:
    article = "The bill passed after a long night, and Democrat Wilma Ostrander said she was relieved.\n"
    people = {c.name for c in find_actor_candidates(article) if c.kind == ActorKind.PERSON}
    assert people == {"Wilma Ostrander"}


def test_a_firm_named_for_its_trade_is_a_body_not_a_person() -> None:
    article = "The town of Elmvale sued Corrin Chemicals over the leak, and farmers later sued Dask Pharmaceuticals too.\n"
    found = {c.name: c.kind for c in find_actor_candidates(article)}
    assert found.get("Corrin Chemicals") == ActorKind.ORGANISATION
    assert found.get("Dask Pharmaceuticals") == ActorKind.ORGANISATION


def test_a_weekday_that_ends_the_sentence_is_no_part_of_a_name() -> None:
    article = "Inspectors fined the Harlow Shipping Company on Thursday. The fine was the largest this year.\n"
    names = {c.name for c in find_actor_candidates(article)}
    assert "Harlow Shipping Company" in names
    assert not any("Thursday" in name for name in names)


def test_congress_on_its_own_is_a_body() -> None:
    article = "The tariff stayed in place. Late on Friday, Congress voted to extend it for a year.\n"
    found = {c.name: c.kind for c in find_actor_candidates(article)}
    assert found.get("Congress") == ActorKind.ORGANISATION


def test_a_party_word_alone_names_no_speaker() -> None:
    article = (
        "A Republican from Nebraska broke ranks on the farm bill.\n\n"
        "\u201cThis bill fails our growers,\u201d the Republican said after the vote.\n\n"
        "The Democrat who wrote it told supporters: \u201cWe will be back.\u201d\n"
    )
    speakers = {q.speaker for q in find_quote_candidates(article)}
    assert not speakers & {"Republican", "Democrat"}


def test_a_possessive_ends_a_speakers_name() -> None:
    article = "Ivo Randers met the strikers on Monday. Ivo Randers\u2019s tone was firm: \u201cWe stay.\u201d\n"
    speakers = [q.speaker for q in find_quote_candidates(article)]
    assert speakers == ["Ivo Randers"]


def test_an_office_of_no_named_state_is_an_actor_of_its_own() -> None:
    article = "The Interior Ministry said on Sunday that the northern crossing would stay shut until spring.\n"
    found = {c.name: c.kind for c in find_actor_candidates(article)}
    assert found.get("Interior Ministry") == ActorKind.ORGANISATION


def test_an_office_speaks_for_the_one_state_the_story_names() -> None:
    article = (
        "Latvia shut a border post on Sunday. The Interior Ministry said the post would stay shut until spring.\n\n"
        "\u201cThe risk is too high,\u201d the ministry said.\n"
    )
    found = {c.name: c for c in find_actor_candidates(article)}
    assert "Interior Ministry" not in found
    assert "Interior Ministry" in found["Latvia"].aliases
    assert [q.speaker for q in find_quote_candidates(article)] == ["Latvia"]


def test_a_surname_takes_the_first_name_the_list_lacks() -> None:
    article = (
        "Oswy Vantrell chaired the hearing on Monday. Critics asked him to step down.\n\n"
        "\u201cI will not go,\u201d Vantrell replied.\n"
    )
    assert [q.speaker for q in find_quote_candidates(article)] == ["Oswy Vantrell"]


def test_a_body_named_after_called_keeps_its_small_words() -> None:
    article = (
        "Anglers formed a group called Mind the Estuary last spring.\n\n"
        "\u201cWe will not let this pass,\u201d the group said on Monday.\n"
    )
    found = {c.name: c.kind for c in find_actor_candidates(article)}
    assert found.get("Mind the Estuary") == ActorKind.ORGANISATION
    assert "Estuary" not in found
    assert [q.speaker for q in find_quote_candidates(article)] == ["Mind the Estuary"]


def test_a_surname_alone_that_answers_as_she_is_a_person() -> None:
    article = (
        "Councillors rounded on Okonjo over the budget on Monday.\n\n"
        "Okonjo replied that she had the votes to pass it.\n"
    )
    found = {c.name: c.kind for c in find_actor_candidates(article)}
    assert found.get("Okonjo") == ActorKind.PERSON


def test_campaign_groups_known_by_name_are_bodies_even_opening_a_sentence() -> None:
    article = (
        "Greenpeace said the dredging would smother the reef.\n\n"
        "Human Rights Watch called the arrests of the divers arbitrary.\n"
    )
    found = {c.name: c.kind for c in find_actor_candidates(article)}
    assert found.get("Greenpeace") == ActorKind.ORGANISATION
    assert found.get("Human Rights Watch") == ActorKind.ORGANISATION


def test_a_states_government_named_by_its_adjective_is_the_state() -> None:
    article = (
        "A deputy minister left the cabinet on Wednesday after a court ruling.\n\n"
        "The French government said it had accepted the resignation and would name a successor within a week.\n"
    )
    (france,) = [a for a in find_actor_candidates(article) if a.kind == ActorKind.STATE]
    assert "France" in (france.name, *france.aliases)


@pytest.mark.parametrize("group", ["Boko Haram", "Al Qaeda", "al-Shabaab"])
def test_an_armed_group_with_a_two_word_name_is_an_organisation(group: str) -> None:
    article = f"Fighters from {group} attacked the village of Dara Kel on Friday, and {group} said it would strike again.\n"
    kinds = {c.name: c.kind for c in find_actor_candidates(article)}
    assert kinds.get(group) == ActorKind.ORGANISATION


def test_a_group_described_by_whom_it_is_tied_to_is_no_name() -> None:
    article = "The al Qaeda-linked group attacked the base on Friday, the army said.\n"
    assert not any("linked" in c.name for c in find_actor_candidates(article))


def test_a_state_named_only_by_what_its_people_did_keeps_its_own_name() -> None:
    article = "Russian shelling killed a woman at a bus stop in Varn on Monday, the regional governor said.\n"
    states = [c.name for c in find_actor_candidates(article) if c.kind == ActorKind.STATE]
    assert states == ["Russia"]


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("The Vietnamese People's Army began its river drills on Friday.", "People's Army"),
        ("Ostland's Korean People's Army fired two rockets on Friday.", "Korean People's Army"),
    ],
)
def test_a_possessive_inside_a_bodys_name_is_no_owner(sentence: str, body: str) -> None:
    assert body in {c.name for c in find_actor_candidates(sentence + "\n")}


@pytest.mark.parametrize("name", ["Voters First USA", "Concerned Drivers for America"])
def test_a_body_whose_name_ends_on_a_short_state_name_is_not_the_state(name: str) -> None:
    article = f"{name}, a political action committee, sent its members the clip with a single line: “THIS IS NOT FINE.”\n"
    briefing = rules_briefing(article)
    assert "United States" not in {a.name for a in briefing.actors}
    assert all(q.speaker != "United States" for q in briefing.quotes)


def test_latin_america_is_a_region_not_the_united_states() -> None:
    article = "Mayor Ines Harrowgate said trade with Latin America would grow next year, and Peru agreed.\n"
    assert "United States" not in {a.name for a in rules_briefing(article).actors}
