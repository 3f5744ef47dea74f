"""Grounding: planted spans with exact offsets, dates, quantities, attribution, coreference.

The offsets in these tables were worked out by hand from the articles below and are checked
against the article's own characters, so a change in alignment shows up as a number that moved.
"""

from __future__ import annotations

import datetime as dt

import pytest

from summarise.grounding import (
    FUZZY_THRESHOLD,
    align,
    article_date,
    event_type,
    find_actor_candidates,
    find_event_candidates,
    find_quantities,
    find_quote_candidates,
    ground_briefing,
    resolve_aliases,
    resolve_date,
    split_sentences,
)
from summarise.schemas import (
    ActorDraft,
    ActorKind,
    BriefingDraft,
    EventDraft,
    EventType,
    MatchStatus,
    Quantity,
    QuoteDraft,
    SpeakerType,
)
from summarise.text import normalise

# --------------------------------------------------------------------------------------------
# align: planted spans
# --------------------------------------------------------------------------------------------

PLANTED = (
    "SEOUL, Jan. 12 (Wire) \u2014 North Korea fired a missile on Sunday.\n\n"
    "\u201cThe launch  was a\nclear provocation,\u201d said Hong Min, an analyst.\n"
    'He added: "We are watching closely." Pyongyang\u2019s weapons \u2014 missiles and drones \u2014 flew about 560 miles.\n'
    "Officials said the launch was a clear provocation."
)


@pytest.mark.parametrize(
    ("needle", "start", "end", "status"),
    [
        # exact, on the raw text
        ("North Korea fired a missile", 24, 51, MatchStatus.EXACT),
        ("We are watching closely", 141, 164, MatchStatus.EXACT),
        ("Officials said the launch was a clear provocation.", 233, 283, MatchStatus.EXACT),
        # white space: two spaces and a line break in the article, one space in the needle
        ("The launch was a clear provocation", 65, 100, MatchStatus.EXACT),
        # straight quote marks against the article's curly ones, span includes the marks
        ('"The launch was a clear provocation,"', 64, 102, MatchStatus.EXACT),
        # straight apostrophe and hyphen against a curly apostrophe and an em dash
        ("Pyongyang's weapons - missiles and drones", 167, 208, MatchStatus.EXACT),
        # case decides between two occurrences
        ("the launch was a clear provocation", 248, 282, MatchStatus.EXACT),
        # fuzzy: a misspelling, a dropped apostrophe, a missing dash
        ("the launch was a clear provokation", 248, 282, MatchStatus.FUZZY),
        ("Pyongyangs weapons - missiles and drones - flew", 167, 215, MatchStatus.FUZZY),
        ("weapons missiles and drones - flew about 560 miles", 179, 231, MatchStatus.FUZZY),
    ],
)
def test_align_finds_planted_span(needle: str, start: int, end: int, status: MatchStatus) -> None:
    span = align(PLANTED, needle)
    assert span is not None
    assert (span.start, span.end, span.status) == (start, end, status)
    if status == MatchStatus.EXACT:
        assert normalise(PLANTED[span.start : span.end]) == normalise(needle)


@pytest.mark.parametrize(
    "needle",
    [
        "Pyongyang said nothing at all about the launch",  # not there
        "The missile flew about 650 miles",  # a changed figure is never a typo
        "Hong Mim",  # too short to be forgiven a letter
        "",
        "   ",
    ],
)
def test_align_not_found_is_none(needle: str) -> None:
    assert align(PLANTED, needle) is None


def test_align_start_hint_prefers_a_later_occurrence() -> None:
    text = "He said no. Then he said no again."
    assert (align(text, "said no").start, align(text, "said no", start_hint=10).start) == (3, 20)
    # a hint past the last occurrence falls back to the first
    assert align(text, "said no", start_hint=30).start == 3


def test_fuzzy_threshold_is_a_percentage() -> None:
    assert 80.0 <= FUZZY_THRESHOLD < 100.0


# --------------------------------------------------------------------------------------------
# dates
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SEOUL, Jan. 12, 2026 (Wire) \u2014 North Korea fired a missile.", dt.date(2026, 1, 12)),
        # a yearless dateline takes the year the lead names
        ("North Korea fires ICBM in first test of 2026\n\nSEOUL, Jan. 12 (Wire) \u2014 North Korea fired.", dt.date(2026, 1, 12)),
        ("KYIV, Nov. 18, 2025 (Wire) - Russian drones struck Odesa.", dt.date(2025, 11, 18)),
        # day first, as British and most non-US wires write it
        ("LONDON, 3 June 2025 — The Foreign Office summoned the ambassador.", dt.date(2025, 6, 3)),
        ("Talks resume in 2025\n\nGENEVA, 9 October (Wire) — Envoys met.", dt.date(2025, 10, 9)),
        ("PARIS (AFP) — Ministers met on Monday.", None),  # a dateline with no date
        ("Title\n\n  \u2022 Post author:\n  \u2022 Post last modified:January 4, 2026\n\nBody.", dt.date(2026, 1, 4)),
        ("Title\nPublished: 2026-01-04\nBody text here.", dt.date(2026, 1, 4)),
        ("Title\nJanuary 4, 2026\nBody text here.", dt.date(2026, 1, 4)),
        ("Title\nBy Jane Doe | March 3, 2025 10:15 AM\nBody.", dt.date(2025, 3, 3)),
        # a date inside a sentence is the event's, not the article's
        ("North Korea fired missiles on January 4, 2026, officials said.", None),
        ("SEOUL, Jan. 12 (Wire) \u2014 North Korea fired a missile.", None),  # no year anywhere: never guess
        ("No date at all in this one.", None),
    ],
)
def test_article_date(text: str, expected: dt.date | None) -> None:
    assert article_date(text) == expected


SUNDAY_JAN_4 = dt.date(2026, 1, 4)


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected"),
    [
        ("January 4, 2026", None, dt.date(2026, 1, 4)),
        ("on January 4, 2026,", SUNDAY_JAN_4, dt.date(2026, 1, 4)),
        ("Jan 4", SUNDAY_JAN_4, dt.date(2026, 1, 4)),
        ("Jan. 4", SUNDAY_JAN_4, dt.date(2026, 1, 4)),
        ("4 January", SUNDAY_JAN_4, dt.date(2026, 1, 4)),
        ("Jan 4", None, None),  # no year, no anchor
        ("Dec. 30", SUNDAY_JAN_4, dt.date(2025, 12, 30)),  # across the new year
        ("2025-11-18", None, dt.date(2025, 11, 18)),
        ("on Sunday", SUNDAY_JAN_4, dt.date(2026, 1, 4)),  # the day itself
        ("Saturday", SUNDAY_JAN_4, dt.date(2026, 1, 3)),
        ("late on Monday", SUNDAY_JAN_4, dt.date(2025, 12, 29)),
        ("on Sunday", None, None),
        ("yesterday", SUNDAY_JAN_4, dt.date(2026, 1, 3)),
        ("today", SUNDAY_JAN_4, SUNDAY_JAN_4),
        ("yesterday", None, None),
        ("last month", SUNDAY_JAN_4, None),
        ("in October 2025", SUNDAY_JAN_4, None),
        ("February 30, 2026", None, None),
        ("", SUNDAY_JAN_4, None),
    ],
)
def test_resolve_date(phrase: str, anchor: dt.date | None, expected: dt.date | None) -> None:
    assert resolve_date(phrase, anchor) == expected


# --------------------------------------------------------------------------------------------
# quantities
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The missile flew about 560 miles.", [(901.0, "km", "flight distance", "about 560 miles")]),
        ("It flew approximately 900 kilometers.", [(900.0, "km", "flight distance", "approximately 900 kilometers")]),
        ("It reached an altitude of more than 6,000 km.", [(6000.0, "km", "altitude", "more than 6,000 km")]),
        ("It landed about 60 nautical miles away.", [(111.0, "km", "distance", "about 60 nautical miles")]),
        ("Kim ordered production raised by 250%.", [(250.0, "%", "production increase", "250%")]),
        ("The military launched at least two ballistic missiles.", [(2.0, "missiles", "count", "at least two ballistic missiles")]),
        ("Seoul detected the launch around 7:50 a.m. on Sunday.", [(None, "local time", "launch time", "around 7:50 a.m.")]),
        ("The deal is worth $6.6 billion.", [(6.6e9, "USD", "money", "$6.6 billion")]),
        ("It flew for about 73 minutes.", [(73.0, "minutes", "duration", "about 73 minutes")]),
        ("It flew for two hours and seven minutes.", [(127.0, "minutes", "duration", "two hours and seven minutes")]),
        ("It saw 71 Chinese military aircraft and 14 navy ships.", [(71.0, "aircraft", "count", "71 Chinese military aircraft"), (14.0, "ships", "count", "14 navy ships")]),
        ("Britain sanctioned 45 individuals and entities.", [(45.0, "individuals and entities", "count", "45 individuals and entities")]),
        ("Two of the crew were cut.", []),  # "two of": no counted thing follows
        ("North Korea fired missiles on January 4, 2026.", []),  # a date is not a count
        # casualties: what befell them ends the counted thing, or stands for people
        ("The shelling left at least 16 villagers dead.", [(16.0, "villagers", "count", "at least 16 villagers")]),
        ("More than 300 wounded were treated.", [(300.0, "people", "count", "More than 300 wounded")]),
        ("It killed one and wounded 23 others.", [(1.0, "people", "count", "one"), (23.0, "people", "count", "23 others")]),
        ("One guard was hurt and six were wounded at the gate.", [(1.0, "guard", "count", "One guard"), (6.0, "people", "count", "six")]),
        ("The rockets struck Dravik, killing four, medics said.", [(4.0, "people", "count", "four")]),
        ("The blast killed 1,200 in 2019.", []),  # no part of a number, and "in 2019" is no end of the count
        ("The battery fired 12 rockets without fuses.", [(12.0, "rockets", "count", "12 rockets")]),  # a preposition ends it
        ("The raid wounded 23 others in the old town.", [(23.0, "people", "count", "23 others")]),
        ("Shells hit 31 separate sites in the city.", [(31.0, "sites", "count", "31 separate sites")]),  # "separate" is no kind
        # the verb after the counted thing, or another number, ends it; a model's number counts nothing
        ("Two drones fired four missiles at a convoy.", [(2.0, "drones", "count", "Two drones"), (4.0, "missiles", "count", "four missiles")]),
        ("Two unmanned aircraft launched three rockets.", [(2.0, "aircraft", "count", "Two unmanned aircraft"), (3.0, "rockets", "count", "three rockets")]),
        ("Three jets struck two depots overnight.", [(3.0, "jets", "count", "Three jets"), (2.0, "depots", "count", "two depots")]),
        ("Polish F-16 fighters and F-35 jets joined the patrol.", []),
        ("A single one budged.", []),
        # a part of a counted whole: both, the part first
        ("Seven of the nine carriages derailed.", [(7.0, "carriages", "count", "Seven of the nine carriages"), (9.0, "carriages", "count", "nine carriages")]),
        ("Twelve of the 40 wounded stayed in hospital.", [(12.0, "people", "count", "Twelve of the 40 wounded"), (40.0, "people", "count", "40 wounded")]),
        ("The ferry is one of the two main links between the islands.", []),
        ("The death toll from the floods rose to 25 on Saturday.", [(25.0, "people", "count", "25")]),
        ("A body was found, which took the death toll to four.", [(4.0, "people", "count", "four")]),
    ],
)
def test_find_quantities(sentence: str, expected: list[tuple]) -> None:
    found = [(q.value, q.unit, q.measure, q.text) for q in find_quantities(sentence)]
    assert found == expected


def test_quantity_text_is_the_articles_words() -> None:
    sentence = "The missiles flew approximately 900 to 950 kilometers."
    for q in find_quantities(sentence):
        assert q.text in sentence


# --------------------------------------------------------------------------------------------
# quotes and attribution
# --------------------------------------------------------------------------------------------

HONG = (
    "Hong Min, an analyst at the Korea Institute for National Unification, suggests that the U.S. "
    'operation likely triggered this response. "The underlying message is that attacking North Korea '
    'wouldn\'t be as easy as a strike on Venezuela," he noted. Pyongyang has long used its missile '
    "program as a deterrent against what it calls Washington's 'regime change' efforts."
)


def _quotes(text: str) -> dict[str, tuple]:
    return {q.text: (q.speaker, q.speaker_type) for q in find_quote_candidates(text)}


def test_pronoun_points_at_the_person_named_before() -> None:
    quotes = find_quote_candidates(HONG)
    assert len(quotes) == 1  # 'regime change' in single marks is a scare quote
    q = quotes[0]
    assert q.text == "The underlying message is that attacking North Korea wouldn't be as easy as a strike on Venezuela"
    assert (q.speaker, q.speaker_type) == ("Hong Min", SpeakerType.ANALYST)
    assert q.speaker_affiliation == "Korea Institute for National Unification"
    assert HONG[q.span.start : q.span.end] == q.text
    assert q.previous_sentence.startswith("Hong Min, an analyst")


TWO_SPEAKERS = (
    "Japanese Defence Minister Haruto Sakai told reporters that Japan had lodged a protest. "
    "\u201cThese launches are absolutely unacceptable,\u201d Sakai said, while Park Ji-won, a senior research "
    "fellow at the Asan Institute, said: \u201cThis is a message to the White House.\u201d\n\n"
    "\u201cOur military has strengthened surveillance and vigilance,\u201d the JCS said, referring to "
    "South Korea\u2019s Joint Chiefs of Staff (JCS). Residents described a night of explosions. "
    "\u201cIt was like the whole building jumped,\u201d said Iryna Tkachenko, 62, who lives near the port."
)


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("These launches are absolutely unacceptable", "Haruto Sakai", SpeakerType.OFFICIAL),
        ("This is a message to the White House.", "Park Ji-won", SpeakerType.ANALYST),
        ("Our military has strengthened surveillance and vigilance", "Joint Chiefs of Staff", SpeakerType.ORGANISATION),
        ("It was like the whole building jumped", "Iryna Tkachenko", SpeakerType.WITNESS),
    ],
)
def test_each_quote_gets_its_own_speaker(text: str, speaker: str, kind: SpeakerType) -> None:
    assert _quotes(TWO_SPEAKERS)[text] == (speaker, kind)


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        # a short quote is a quote when someone is said to have said it
        ('KCNA said the North would take "overwhelming" countermeasures, without details.', {"overwhelming"}),
        # ...also when the cue sets a description between the name and its verb
        ('"They\'d be wrong," Tom Briggs, a spokesman for the mayor, said. "We stay."', {"They'd be wrong", "We stay."}),
        # ...and a scare quote or a name when no one is
        ('The drills, code-named "Strait Shield", began on Monday in the strait.', set()),
        ("Lai, who Beijing calls a \"separatist\", has offered talks.", set()),
        ("It opposes Washington's 'regime change' efforts in the region.", set()),
        # a quote that runs on from the last one keeps its speaker
        (
            (
                'Sakai said ties had come far. "Ten years ago, nobody would have predicted this," he said. '
                '"Today it is a natural step for two partners."'
            ),
            {"Ten years ago, nobody would have predicted this", "Today it is a natural step for two partners."},
        ),
    ],
)
def test_what_counts_as_a_quote(article: str, expected: set[str]) -> None:
    assert {q.text for q in find_quote_candidates(article)} == expected


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        # a word or two a person's verb of naming, blaming or speaking gives them is a quote
        ('Mayor Dana Pell called the council\'s budget "reckless" on Tuesday.', {"reckless"}),
        ('Senator Ruth Okafor waved the rumours away, calling them a "silly distraction."', {"silly distraction."}),
        ('Senator Lise Brandt describes herself as "fiercely independent" in her ads.', {"fiercely independent"}),
        ('Mayor Ana Reyes decried the board for "walking away" from its pledge.', {"walking away"}),
        # a short reply with its cue right after it
        ('"Not yet," Governor Tomas Varga said when asked about the deal.', {"Not yet"}),
        ('Protesters lined the road. "Shame!" the crowd shouted as the motorcade passed.', {"Shame!"}),
        ('It is a "hard season," said Mayor Dana Pell.', {"hard season"}),
        ('Governor Tomas Varga mocked his rival, whom he dubbed "the tiny mayor" at a rally.', {"the tiny mayor"}),
        # straight and curly double marks close one another
        ('\u201cWe will wait for the ruling," Mayor Dana Pell said on Monday.', {"We will wait for the ruling"}),
        ('Judge Omar Lind paused. "It is far too early to tell,\u201d he said.', {"It is far too early to tell"}),
        # names of things, scare quotes and a state's terms stay refused
        ('A program called "safe streets" began in March.', set()),
        ('A group called the "night watch" patrols the docks.', set()),
        ('Critics of the "reform" gathered outside the hall, saying little.', set()),
        ('On "Morning Talk," Mayor Dana Pell said the plan was dead.', set()),
        ('On the network\'s "Evening," Mayor Dana Pell said no.', set()),
        ('Mayor Dana Pell said on "Morning Talk With Ana Reyes" that she would run.', set()),
        ('The exercise, code-named "Iron Gate", ended on Sunday.', set()),
        ('Cars with plates reading "Drive slow" were seen downtown.', set()),
        ('The ad, titled "Broken", ran in three states.', set()),
        ('Beijing calls the island a "breakaway province" and has sent ships.', set()),
    ],
)
def test_short_words_given_to_a_speaker(article: str, expected: set[str]) -> None:
    assert {q.text for q in find_quote_candidates(article)} == expected


def test_short_quote_keeps_its_speaker() -> None:
    quotes = find_quote_candidates(
        'Mayor Dana Pell called the council\'s budget "reckless" on Tuesday. '
        '\u201cWe will wait for the ruling," she said.'
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("reckless", "Dana Pell"),
        ("We will wait for the ruling", "Dana Pell"),
    ]


def test_unnamed_speaker_keeps_role_not_a_wrong_name() -> None:
    article = (
        "The U.S. State Department urged Beijing to show restraint. "
        '"We call on Beijing to cease its military pressure against Taiwan," a spokesperson said.'
    )
    (q,) = find_quote_candidates(article)
    assert (q.speaker, q.speaker_role, q.speaker_type) == (None, "spokesperson", SpeakerType.OFFICIAL)


def test_continuation_keeps_speaker() -> None:
    article = (
        'Haruto Sakai said ties had come far. "Ten years ago, nobody would have predicted this," he said. '
        '"Today it is a natural step for two partners."'
    )
    assert [q.speaker for q in find_quote_candidates(article)] == ["Haruto Sakai", "Haruto Sakai"]


# --------------------------------------------------------------------------------------------
# actors and coreference
# --------------------------------------------------------------------------------------------

ACTORS = (
    "SEOUL, Jan. 12, 2026 (Wire) \u2014 North Korea fired a missile on Sunday, South Korea\u2019s Joint "
    "Chiefs of Staff (JCS) said. North Korean leader Kim Jong Un watched the launch. Seoul condemned it. "
    "Kim later visited a factory, the Korean Central News Agency (KCNA) said. Japan\u2019s Defence Ministry "
    "said the missile fell outside its waters. Talks were held in China last month."
)


def test_actor_candidates() -> None:
    found = {a.name: a for a in find_actor_candidates(ACTORS)}
    assert found["North Korea"].kind == ActorKind.STATE
    assert "Seoul" in found["South Korea"].aliases
    assert found["Joint Chiefs of Staff"].kind == ActorKind.MILITARY_BODY
    assert found["Joint Chiefs of Staff"].affiliation == "South Korea"
    assert "JCS" in found["Joint Chiefs of Staff"].aliases
    kim = found["Kim Jong Un"]
    assert (kim.kind, kim.role, kim.affiliation) == (ActorKind.PERSON, "leader", "North Korea")
    assert "Kim" in kim.aliases
    assert found["Korean Central News Agency"].kind == ActorKind.ORGANISATION
    # a state's ministry speaks for the state: an alias, not another actor
    assert "Japan\u2019s Defence Ministry" in found["Japan"].aliases
    # named only as a place ("held in China") is no actor
    assert "China" not in found
    # months, weekdays and sentence words are never actors
    assert not {"Sunday", "January", "Talks", "SEOUL"} & set(found)
    for actor in found.values():
        for m in actor.mentions:
            assert ACTORS[m.start : m.end] in {actor.name, *actor.aliases}


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Kim Jong Un", "Kim", "the North Korean leader"], {"Kim": "Kim Jong Un", "the North Korean leader": "Kim Jong Un"}),
        (["South Korea", "Seoul"], {"Seoul": "South Korea"}),
        (["Pyongyang"], {"Pyongyang": "North Korea"}),
        (["KCNA", "Korean Central News Agency"], {"KCNA": "Korean Central News Agency"}),
        (["JCS"], {"JCS": "Joint Chiefs of Staff"}),
        (["Japan"], {"Japan": "Japan"}),
    ],
)
def test_resolve_aliases(names: list[str], expected: dict[str, str]) -> None:
    article = ACTORS + " The North Korean leader has called for more missiles."
    resolved = resolve_aliases(names, article)
    for name, target in expected.items():
        assert resolved[name] == target


# --------------------------------------------------------------------------------------------
# events
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("North Korea fired two ballistic missiles into the sea on Sunday.", EventType.MISSILE_LAUNCH),
        ("Russian drones and missiles struck the port city of Odesa overnight.", EventType.ATTACK),
        ("South Korean and U.S. forces began their annual exercise on Monday.", EventType.MILITARY_EXERCISE),
        ("The European Union on Tuesday adopted a new package of sanctions against Russia.", EventType.SANCTION),
        ("The foreign ministers met in Tokyo on Tuesday.", EventType.MEETING),
        ("Whitlam toured a Japanese shipyard on Friday.", EventType.VISIT),
        ("North Korea has long used its missile program as a deterrent.", None),
        ("Analysts see this missile launch as a calculated move.", None),
        ("North Korea is likely to maintain its weapons development momentum.", None),
        ("Zhao struck a more cautious note.", None),
    ],
)
def test_event_type(sentence: str, expected: EventType | None) -> None:
    assert event_type(sentence) == expected


def test_one_event_per_happening() -> None:
    article = (
        "SEOUL, Jan. 12, 2026 (Wire) \u2014 North Korea fired a ballistic missile into the sea on Sunday, "
        "South Korea\u2019s military said.\n\n"
        "The missile was launched from near Pyongyang at about 10:15 a.m. and flew about 1,000 kilometers.\n\n"
        "North Korea has long used such launches to pressure Washington.\n\n"
        "In October 2025, Pyongyang fired several short-range ballistic missiles."
    )
    events = find_event_candidates(article, article_date(article))
    launches = [e for e in events if e.type == EventType.MISSILE_LAUNCH]
    assert len(launches) == 2
    first, older = launches
    assert first.date == dt.date(2026, 1, 11)
    assert first.sentence.startswith("North Korea fired")  # the dateline is not part of the sentence
    assert article[first.span.start : first.span.end] == first.sentence
    assert {(q.value, q.unit) for q in first.quantities} >= {(1000.0, "km"), (None, "local time")}
    assert older.date is None and older.date_text == "October 2025"


def test_sentences_point_at_their_text() -> None:
    for s in split_sentences(PLANTED + "\n" + HONG):
        assert (PLANTED + "\n" + HONG)[s.start : s.end] == s.text


# --------------------------------------------------------------------------------------------
# ground_briefing
# --------------------------------------------------------------------------------------------

GROUND = (
    "SEOUL, Jan. 12, 2026 (Wire) \u2014 North Korea fired a missile on Sunday that flew about 560 miles. "
    "North Korean leader Kim Jong Un watched. Kim said nothing.\n\n"
    "\u201cThe launch was a clear provocation,\u201d said Hong Min, an analyst."
)


def _draft(**changes) -> BriefingDraft:
    base = {
        "headline": "North Korea fires a missile",
        "bottom_line": "North Korea fired a missile.",
        "events": [
            EventDraft(
                type=EventType.MISSILE_LAUNCH,
                what="North Korea fired a missile",
                date=dt.date(2026, 1, 4),  # wrong: the text pins Sunday Jan. 11
                date_text="on Sunday",
                actors=["North Korea", "Kim"],
                quantities=[Quantity(value=560, unit="miles", measure="flight distance", text="about 560 miles")],
                sentence="North Korea fired a missile on Sunday that flew about 560 miles.",
            )
        ],
        "actors": [
            ActorDraft(name="North Korea", kind=ActorKind.STATE),
            ActorDraft(name="Kim Jong Un", kind=ActorKind.PERSON, role="leader"),
            ActorDraft(name="Kim", kind=ActorKind.PERSON),
        ],
        "quotes": [
            QuoteDraft(text="The launch was a clear provocation", speaker="Hong Min", speaker_type=SpeakerType.ANALYST),
            QuoteDraft(text="The launch was a clear provocation", speaker="Hong Min", speaker_type=SpeakerType.ANALYST),
            QuoteDraft(text="Missiles are our right and we will fire more", speaker="Kim"),
            QuoteDraft(text="Kim said nothing", speaker="Seoul", speaker_type=SpeakerType.ORGANISATION),
        ],
    }
    base.update(changes)
    return BriefingDraft.model_construct(**base)


def test_ground_briefing() -> None:
    briefing, drops = ground_briefing(_draft(), GROUND)
    assert briefing.article_date == dt.date(2026, 1, 12)
    (event,) = briefing.events
    assert event.date == dt.date(2026, 1, 11)  # the model's date, unsupported, is replaced
    assert (event.quantities[0].value, event.quantities[0].unit, event.quantities[0].text) == (901.0, "km", "about 560 miles")
    assert GROUND[event.span.start : event.span.end] == event.sentence
    assert event.actors == ["North Korea", "Kim Jong Un"]
    # "Kim" merged into "Kim Jong Un"
    names = {a.name: a for a in briefing.actors}
    assert set(names) == {"North Korea", "Kim Jong Un"}
    assert "Kim" in names["Kim Jong Un"].aliases
    assert all(GROUND[m.start : m.end] in {"Kim Jong Un", "Kim"} for m in names["Kim Jong Un"].mentions)
    # the duplicate and the invented quote dropped, and said so; words nothing near them gives to
    # Seoul (only the dateline names it) lose the speaker the draft gave them, and that is said too
    seoul, quote = briefing.quotes  # in article order
    assert GROUND[quote.span.start : quote.span.end] == "The launch was a clear provocation"
    assert quote.speaker == "Hong Min" and seoul.speaker is None
    assert sorted(d.reason for d in drops) == [
        "duplicate of another quote", "its words are not in the article", "speaker not attributed by the text near the quote"
    ]


def test_ground_briefing_keeps_a_supported_date_and_fills_a_missing_one() -> None:
    supported = EventDraft(
        type=EventType.MISSILE_LAUNCH, what="launch", date=dt.date(2026, 1, 11), date_text="on Sunday",
        sentence="North Korea fired a missile on Sunday that flew about 560 miles.",
    )
    missing = supported.model_copy(update={"date": None, "date_text": None})
    for draft_event in (supported, missing):
        briefing, _ = ground_briefing(_draft(events=[draft_event], quotes=[]), GROUND)
        assert briefing.events[0].date == dt.date(2026, 1, 11)


def test_ground_briefing_without_article_date_pins_no_weekday() -> None:
    text = GROUND.replace("SEOUL, Jan. 12, 2026 (Wire) \u2014 ", "")
    briefing, _ = ground_briefing(_draft(quotes=[]), text)
    assert briefing.article_date is None
    assert briefing.events[0].date is None
