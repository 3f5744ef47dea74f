"""Events as news writing reports them: one card per happening, each with its own clause,
place and day; background told as fact; statements by those who hold an office or speak for a
body, one per speaker; happenings outside the security vocabulary; and the story's news first.

Every article here is invented for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from summarise.grounding import article_date, event_type, find_event_candidates
from summarise.rules import rules_briefing
from summarise.schemas import EventType

TWO_HAPPENINGS = (
    "KARSK, May 5, 2026 (Wire) \u2014 Rebel fighters shelled an army base in Dravik on Tuesday, hours before "
    "the defence minister of Ukraine arrived in Solmar for talks with local commanders."
)


def _events(article: str):
    return find_event_candidates(article, article_date(article))


def test_one_sentence_two_happenings_are_two_different_cards() -> None:
    events = _events(TWO_HAPPENINGS)
    attack = next(e for e in events if e.type == EventType.ATTACK)
    visit = next(e for e in events if e.type == EventType.VISIT)
    assert attack.place == "Dravik"
    assert visit.place == "Solmar"  # not the first place the sentence names
    assert attack.what != visit.what
    assert "shelled an army base in Dravik" in attack.what and "Solmar" not in attack.what
    assert "arrived in Solmar" in visit.what and "Dravik" not in visit.what
    # the same through the rules briefing: two cards that differ, each backed by the whole sentence
    cards = rules_briefing(TWO_HAPPENINGS).events
    assert {(c.type, c.place) for c in cards} == {(EventType.ATTACK, "Dravik"), (EventType.VISIT, "Solmar")}
    assert len({c.what for c in cards}) == 2
    assert all(c.sentence == cards[0].sentence for c in cards)


def test_what_is_one_clause_in_the_article_words() -> None:
    article = (
        "Militants attacked a police checkpoint near Harlow on Monday, killing three officers, the interior "
        "ministry of Pakistan said, in the latest assault on the province."
    )
    (event,) = rules_briefing(article).events
    assert event.what == "Militants attacked a police checkpoint near Harlow on Monday"
    assert event.sentence == article  # the evidence stays the whole sentence
    assert len(event.what) <= 240


def test_a_long_sentence_gives_a_short_what() -> None:
    article = "Government aircraft bombed a fuel depot near Orvel on Sunday" + ", and then" * 40 + " returned to base."
    (event,) = _events(article)
    assert len(event.what) <= 240 and event.what in article


def test_background_launch_is_its_own_event_and_keeps_its_figures() -> None:
    article = (
        "TEHRAN, Feb. 10, 2026 (Wire) \u2014 Iran fired two cruise missiles into the Gulf of Oman on Monday, "
        "state television said.\n\n"
        "The missiles flew about 300 kilometers before hitting a target ship.\n\n"
        "Before Monday's launch, Iran had fired 14 missiles in six tests since March."
    )
    launches = [e for e in _events(article) if e.type == EventType.MISSILE_LAUNCH]
    assert len(launches) == 2
    news, earlier = launches
    assert news.date == dt.date(2026, 2, 9) and not news.earlier
    assert earlier.earlier and earlier.date is None
    assert any(q.unit == "km" and q.value == 300 for q in news.quantities)
    assert not any(q.value == 14 for q in news.quantities)  # the background's count is not the launch's
    assert any(q.value == 14 for q in earlier.quantities)


def test_another_side_striking_is_another_attack() -> None:
    article = (
        "Iran launched a wave of drones at Israel overnight, killing two people.\n\n"
        "Israeli jets continued to pound targets in Iran on Sunday."
    )
    attacks = [e for e in _events(article) if e.type == EventType.ATTACK]
    assert len(attacks) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "A cargo plane crashed near the port of Velda on Sunday, killing its four crew members.",
        "The constitutional court ruled on Wednesday that the emergency decree was unlawful.",
        "Prime Minister Ines Maro resigned on Thursday after losing a confidence vote.",
        "Police arrested two men in connection with the blast on Friday.",
        "The two governments signed a border agreement in Varn on Monday.",
        "Rescuers evacuated 300 residents from the flooded district overnight.",
        "The ruling party won a majority of seats in Sunday's election.",
        "Some 40 villagers have died in the floods in the hills, officials said.",
        "The ferry was carrying 200 passengers on Friday when it capsized off Velda.",
        "The flooding left at least three people dead in the valley on Thursday.",
        "The death toll from the floods rose to 25 on Saturday.",
        "Torrential rains killed at least 25 people across the valley on Saturday.",
    ],
)
def test_happenings_outside_the_security_vocabulary_are_other(sentence: str) -> None:
    assert event_type(sentence) == EventType.OTHER


@pytest.mark.parametrize(
    "sentence",
    [
        "The army will hold live-fire drills next month.",  # a plan
        "A third nuclear test now looks inevitable, one researcher said.",  # a prediction
        "Analysts say the launch was a warning to Washington.",  # analysis
        "The rebels insist they shot down a government helicopter.",  # a claim, not a reported fact
        "Felons convicted of violent crimes cannot vote in the state.",  # a description, not a happening
        "The navy has not tested a cruise missile since September.",  # nothing happened
        "The minister spoke warmly of the port when she took office in March.",  # when someone took office: a description
        "The scandal left the party dead last in the polls.",  # an idiom, no one died
    ],
)
def test_not_events(sentence: str) -> None:
    assert event_type(sentence) is None


STATEMENTS = (
    "WARSAW, June 2, 2026 (Wire) \u2014 Russian forces seized a Polish cargo ship in the Baltic Sea on Monday, "
    "the Polish navy said.\n\n"
    "Poland condemned the seizure as piracy and summoned the ambassador of Russia on Tuesday.\n\n"
    "Poland also warned that it would close its ports to Russian vessels.\n\n"
    '"Ships must be able to sail freely," said Lena Hoffmann, a maritime law expert at the University of Gdansk.\n\n'
    "Germany's foreign ministry spokesman told reporters in Berlin that the crew must be released at once.\n\n"
    '"I saw the soldiers climb aboard," said Tomas Brod, a fisherman who was nearby.'
)


def test_statements_come_from_offices_and_bodies_one_per_speaker() -> None:
    events = _events(STATEMENTS)
    statements = [e for e in events if e.type == EventType.STATEMENT]
    speakers = [e.speaker for e in statements]
    assert speakers.count("Poland") == 1  # the condemnation; the warning after it is the same speaker
    poland = next(e for e in statements if e.speaker == "Poland")
    assert poland.sentence.startswith("Poland condemned")
    assert "Germany" in speakers  # a briefing to the press is a statement
    assert not any("Hoffmann" in e.sentence or "Brod" in e.sentence for e in statements)  # expert, witness
    seizure = next(e for e in events if e.type == EventType.OTHER)
    assert seizure.what.startswith("Russian forces seized a Polish cargo ship")


def test_a_claim_is_a_statement_and_what_it_claims_is_not_an_event() -> None:
    article = "Russia claimed on Monday that its air defences had shot down 40 Ukrainian drones over the Black Sea."
    events = _events(article)
    assert [e.type for e in events] == [EventType.STATEMENT]
    assert events[0].speaker == "Russia"


def test_the_story_news_comes_first_with_who_when_where() -> None:
    article = (
        "Rebels seize port town of Karsk\n\n"
        "KYIV, March 3, 2026 (Wire) \u2014 In 2019, government troops had captured Karsk after a two-year siege.\n\n"
        "Rebel fighters seized the port town of Karsk on Monday, the army of Ukraine said."
    )
    events = _events(article)
    assert len(events) == 2
    news = events[0]
    assert news.what.startswith("Rebel fighters seized the port town of Karsk")
    assert news.place == "Karsk"
    assert news.date == dt.date(2026, 3, 2)
    assert events[1].earlier and events[1].date is None


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Long-range rockets hit Kyiv before dawn on Monday, the mayor said.", "Kyiv"),
        ("Heavy strikes across southern Lebanon killed two people on Friday, officials said.", "southern Lebanon"),
        ("Rebel drones attacked Tehran before dawn on Sunday, the ministry said.", "Tehran"),
    ],
    ids=["object-of-struck", "across", "object-of-attacked"],
)
def test_where_an_attack_fell_is_its_place(sentence: str, place: str) -> None:
    attack = next(e for e in _events(sentence) if e.type == EventType.ATTACK)
    assert attack.place == place


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("A 64-year-old man was injured in Varn on Monday, the prosecutor's office said.", EventType.ATTACK),
        ("Three passengers were injured when the bus crashed near Varn on Monday.", EventType.OTHER),
    ],
)
def test_someone_injured_is_a_happening(sentence: str, kind: EventType) -> None:
    assert event_type(sentence) == kind


def test_whom_an_attack_struck_is_no_place() -> None:
    attack = next(e for e in _events("Militants attacked Hezbollah fighters on Monday, officials said.") if e.type == EventType.ATTACK)
    assert attack.place is None


def test_where_a_mishap_happened_is_the_place_told_right_after_it() -> None:
    sentence = "The night train was travelling from Velda to Varn on Thursday when it derailed at Ostrava Halt, police said."
    mishap = next(e for e in _events(sentence) if e.type == EventType.OTHER)
    assert mishap.place == "Ostrava Halt"


@pytest.mark.parametrize(
    "sentence",
    [
        "Nine fighters were killed on Friday in a U.S air raid, officials said.",
        "Twelve villagers were killed on Friday in an Islamist rebel raid, officials said.",
    ],
)
def test_who_carried_out_an_attack_is_not_where_it_fell(sentence: str) -> None:
    attack = next(e for e in _events(sentence) if e.type == EventType.ATTACK)
    assert attack.place is None


def test_a_place_after_a_determiner_is_still_a_place() -> None:
    sentence = "The rebels killed five police officers on Friday when they left a bomb in a Varn police station."
    attack = next(e for e in _events(sentence) if e.type == EventType.ATTACK)
    assert attack.place == "Varn"


def test_a_count_of_a_states_strikes_is_no_place() -> None:
    sentence = "About twenty people were killed in two US drone strikes on Monday near the town of Varo Kel, officials said."
    attack = next(e for e in _events(sentence) if e.type == EventType.ATTACK)
    assert attack.place == "Varo Kel"


@pytest.mark.parametrize("thing", ["rocket", "missile"])
def test_figures_told_of_the_launched_thing_next_are_the_launchs(thing: str) -> None:
    article = (
        "KARSK, May 5, 2026 (Wire) \u2014 Veltara launched a long-range rocket from its west coast on Tuesday, "
        "the defence ministry said.\n\n"
        f"However, the {thing} flew for only 3 minutes and 10 seconds before it broke apart over the sea.\n"
    )
    launch = next(e for e in _events(article) if e.type == EventType.MISSILE_LAUNCH)
    assert (190.0, "seconds") in {(q.value, q.unit) for q in launch.quantities}
