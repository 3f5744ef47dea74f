"""`summarise eval import brat`: brat attribution annotations become a quotes-only suite.

The fixtures under tests/fixtures/brat are invented sentences in both layouts the importer reads:
``polnear/`` (text/ and attributions/<id>_<annotator>.ann) and ``plain/`` (<id>.txt beside its
.ann files), with several annotators, a pronoun Source, a description Source, a quote split around
its attribution, quotation marks left outside the Content span, a quote over two paragraphs, an
attribution with no Source; ``malformed/`` holds a line that is not brat.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarise.importers.attribution import Attribution, article_gold, quoted_passages

from .conftest import run_cli as run

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "brat"


def _import(layout: str, out: Path):
    result = run("eval", "import", "brat", str(FIXTURES / layout), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return result


def _gold(suite: Path, article_id: str) -> dict:
    return json.loads((suite / "gold" / f"{article_id}.json").read_text(encoding="utf-8"))


def _quotes(suite: Path, article_id: str) -> list[tuple[str, str]]:
    return [(q["text"], q["speaker"]) for q in _gold(suite, article_id)["quotes"]]


def test_polnear_layout_becomes_a_quotes_only_suite(tmp_path: Path) -> None:
    suite = tmp_path / "bridge-suite"
    _import("polnear", suite)
    assert _quotes(suite, "bridge") == [
        ("It is stronger than it was in 1990,", "Lena Park"),  # curly marks outside the Content
        ("The railings still wobble,", "Dev Anand"),  # split around "he said": two quotes, one speaker
        ("and the ramp is too steep.", "Dev Anand"),
        ("The repairs were rushed.", "Dev Anand"),  # a quote over two paragraphs: one per paragraph
        ("We ask for a second inspection.", "Dev Anand"),
    ]
    manifest = json.loads((suite / "suite.json").read_text(encoding="utf-8"))
    assert manifest["labels"] == {"quotes": ["speaker"]}
    # two annotators with as many relations each: the lower annotator id is used
    assert manifest["annotation_files"] == {"bridge": "bridge_c3.ann"}
    original = FIXTURES / "polnear" / "text" / "bridge.txt"
    assert (suite / "articles" / "bridge.txt").read_bytes() == original.read_bytes()
    readme = (suite / "README.md").read_text(encoding="utf-8")
    assert str((FIXTURES / "polnear").resolve()) in readme
    assert "most attribution relations" in readme and "lowest annotator id" in readme


def test_plain_layout_resolves_pronouns_and_descriptions(tmp_path: Path) -> None:
    suite = tmp_path / "harbour"
    result = _import("plain", suite)
    assert _quotes(suite, "ferry") == [
        ("We cannot keep the boats running at a loss,", "Miriam Okafor"),  # "she": the name before it
        ("The subsidy ends in March.", "Miriam Okafor"),
        ("Nobody asked the islanders,", "Tomas Reyes"),  # "Tomas Reyes, who runs a bakery ..."
        ("the timetable is already thin", "Tomas Reyes"),  # "He"
        ("a tax on geography.", "Gull Island Courier"),  # "The influential harbour weekly"
        ("review every route", None),  # someone new and unnamed: no speaker, the description its role
    ]  # and "rise sharply" has no Source: left out
    assert _quotes(suite, "quay") == [
        ("overdue", "Ana Lima"),  # one Content, two quoted passages
        ("good for everyone who works days", "Ana Lima"),
        ("We will see,", None),  # unnamed: no speaker, "one fishmonger" is its role
    ]
    manifest = json.loads((suite / "suite.json").read_text(encoding="utf-8"))
    # ferry_m7 has more attribution relations than ferry_k1, though k1 sorts first
    assert manifest["annotation_files"] == {"ferry": "ferry_m7.ann", "quay": "quay.ann"}
    assert "imported 2 articles with 9 quotes" in result.stderr
    assert "1 with quoted words but no Source" in result.stderr
    check = run("eval", "check", str(suite))
    assert check.exit_code == 0, check.stdout + check.stderr


def test_actors_carry_descriptions_as_aliases_never_pronouns(tmp_path: Path) -> None:
    suite = tmp_path / "harbour"
    _import("plain", suite)
    actors = {a["name"]: a for a in _gold(suite, "ferry")["actors"]}
    assert set(actors) == {"Miriam Okafor", "Tomas Reyes", "Gull Island Courier"}
    assert actors["Gull Island Courier"]["aliases"] == ["The influential harbour weekly"]
    assert all("aliases" not in actors[name] for name in ("Miriam Okafor", "Tomas Reyes"))
    assert actors["Miriam Okafor"]["kind"] == "person"
    gold = _gold(suite, "ferry")
    assert "headline" not in gold and "events" not in gold  # not labelled: left out


def test_a_shorter_name_is_an_alias_of_the_longer(tmp_path: Path) -> None:
    suite = tmp_path / "bridge-suite"
    _import("polnear", suite)
    actors = {a["name"]: a.get("aliases", []) for a in _gold(suite, "bridge")["actors"]}
    assert actors == {"Lena Park": [], "Dev Anand": ["Anand"]}


def _bad_layouts(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "no-ann"
    empty.mkdir()
    (empty / "a.txt").write_text("Some text.\n", encoding="utf-8")
    beyond = tmp_path / "beyond"
    beyond.mkdir()
    (beyond / "a.txt").write_text("Short.\n", encoding="utf-8")
    (beyond / "a.ann").write_text("T1\tSource 0 90\tShort.\n", encoding="utf-8")
    dangling = tmp_path / "dangling"
    dangling.mkdir()
    (dangling / "a.txt").write_text("He said it.\n", encoding="utf-8")
    (dangling / "a.ann").write_text("T1\tSource 0 2\tHe\nE1\tAttribution:T4 Source:T1\n", encoding="utf-8")
    return {"missing": tmp_path / "nowhere", "no-ann": empty, "beyond": beyond, "dangling": dangling,
            "malformed": FIXTURES / "malformed"}


@pytest.mark.parametrize(
    "case, code, expected",
    [
        ("missing", 2, "no such folder"),
        ("no-ann", 2, "no brat annotations (.ann) here"),
        ("malformed", 3, "notes.ann:6: not a brat annotation line"),
        ("beyond", 3, "fall outside its text"),
        ("dangling", 3, "refers to T4, which the file does not define"),
    ],
)
def test_bad_input_is_one_line_and_a_nonzero_exit(tmp_path: Path, case: str, code: int, expected: str) -> None:
    out = tmp_path / "out"
    result = run("eval", "import", "brat", str(_bad_layouts(tmp_path)[case]), "--out", str(out))
    assert result.exit_code == code, result.stderr
    assert expected in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not out.exists()  # nothing half written


@pytest.mark.parametrize(
    "args, expected",
    [
        (["eval", "import", "brat", str(FIXTURES / "plain")], "needs --out"),
        (["eval", "import", "conll", str(FIXTURES / "plain"), "--out", "x"], "eval import brat DIR --out SUITE_DIR"),
    ],
)
def test_import_usage_errors(args: list[str], expected: str) -> None:
    result = run(*args)
    assert result.exit_code == 2 and expected in result.stderr
    assert result.stderr.count("\n") == 1


def test_an_existing_suite_folder_is_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "taken"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = run("eval", "import", "brat", str(FIXTURES / "plain"), "--out", str(out))
    assert result.exit_code == 2 and "not an empty folder" in result.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_help_says_which_annotation_file_is_used() -> None:
    result = run("eval", "import", "--help")
    assert "most attribution relations" in " ".join(result.stdout.split())


# --------------------------------------------------------------------------------------------
# The two rules, on the Python API
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "yes" and "no".', ["yes", "no"]),
        ("“One,” she said, “two.”", ["One,", "two."]),
        ("“First paragraph.\n\n“Second one.”", ["First paragraph.", "Second one."]),
        ("A “typed backwards“ mark.", ["typed backwards"]),
        ('Nothing quoted here, and "" nothing there.', []),
        ("''We are solvent,'' the treasurer said, and ''calm''.", ["We are solvent,", "calm"]),
        ("The ferry's 'rock 'n' roll' night sold out.", []),
    ],
    ids=["straight", "curly-split", "two-paragraphs", "backwards-closing", "none", "doubled-apostrophes", "apostrophes"],
)
def test_quoted_passages(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in quoted_passages(text)] == expected


def _speakers(text: str, attributed: list[tuple[str, str]]) -> list[str]:
    """The speakers article_gold gives the quotes of (Source phrase, quoted words) attributions."""
    attributions = []
    for source, words in attributed:
        at, quoted = text.index(source), text.index(words)
        attributions.append(
            Attribution(source=((at, at + len(source)),), content=((quoted, quoted + len(words)),))
        )
    return [q.speaker for q in article_gold(text, attributions).quotes]


@pytest.mark.parametrize(
    "text, attributed, expected",
    [
        ('Harbour board treasurer Ines Duarte said "we are solvent".',
         [("Harbour board treasurer Ines Duarte", "we are solvent")], ["Ines Duarte"]),
        ('Sen. Ruth Calder of Maine said "the vote stands".',
         [("Sen. Ruth Calder of Maine", "the vote stands")], ["Ruth Calder"]),
        ('Fight for Fair Rents organizing director Ines Duarte said "we march at noon".',
         [("Fight for Fair Rents organizing director Ines Duarte", "we march at noon")], ["Ines Duarte"]),
        ('The Council on Harbour Relations National Director Ines Duarte said "we object".',
         [("The Council on Harbour Relations National Director Ines Duarte", "we object")], ["Ines Duarte"]),
        ('Gov. Ruth Calder of Maine, a backer of Sen. Ines Duarte, said "we vote today".',
         [("Gov. Ruth Calder of Maine, a backer of Sen. Ines Duarte", "we vote today")], ["Ruth Calder"]),
        ('A spokesman for Ruth Calder said "no comment".',
         [("A spokesman for Ruth Calder", "no comment")], ["A spokesman for Ruth Calder"]),
        ('Ruth Calder said "we vote today". "Fine," the veteran senator added.',
         [("Ruth Calder", "we vote today"), ("the veteran senator", "Fine,")], ["Ruth Calder", "Ruth Calder"]),
        ('Ruth Calder said "we vote today". "Fine," the Calder campaign added.',
         [("Ruth Calder", "we vote today"), ("the Calder campaign", "Fine,")], ["Ruth Calder", "the Calder campaign"]),
        ('Ruth Calder said "we vote today". "Fine," his wife added.',
         [("Ruth Calder", "we vote today"), ("his wife", "Fine,")], ["Ruth Calder", "his wife"]),
        ('"Later," he said.', [("he", "Later,")], ["he"]),  # no name before it: the pronoun stays
        ('The Tide Gazette reported "calm seas". Mr. Osei said "a storm". "Rain," it added.',
         [("The Tide Gazette", "calm seas"), ("Mr. Osei", "a storm"), ("it", "Rain,")],
         ["Tide Gazette", "Osei", "Tide Gazette"]),  # "it" stands for no person
        ('Ruth Calder said "we vote today". "Fine," said Ina Bell, who chairs the panel. "Soon," she added.',
         [("Ruth Calder", "we vote today"), ("Ina Bell, who chairs the panel", "Fine,"), ("she", "Soon,")],
         ["Ruth Calder", "Ina Bell", "Ina Bell"]),  # the nearest name before the pronoun
    ],
    ids=["role-then-name", "title-and-place", "body-then-its-titled-officer", "body-then-capitalised-title",
         "titled-name-after-comma-describes", "employer-is-not-speaker", "definite-description",
         "built-on-another-name", "relational", "unresolved-pronoun", "it-needs-no-person", "nearest-name"],
)
def test_speakers(text: str, attributed: list[tuple[str, str]], expected: list[str]) -> None:
    assert _speakers(text, attributed) == expected


def test_an_unnamed_speaker_keeps_its_description_as_the_role(tmp_path: Path) -> None:
    suite = tmp_path / "harbour"
    _import("plain", suite)
    quotes = {q["text"]: q for q in _gold(suite, "ferry")["quotes"]}
    assert quotes["review every route"]["speaker"] is None
    assert "spokesman" in quotes["review every route"]["speaker_role"].lower()


def test_sentences_of_one_passage_cut_into_attributions_are_one_quote() -> None:
    text = (
        "\u201cThe ferry will run. We will keep the fares low,\u201d Mayor Ines Duarte said. "
        "\u201cNobody will be left on the quay.\u201d\n"
    )
    source = text.index("Mayor Ines Duarte")
    src = ((source, source + len("Mayor Ines Duarte")),)

    def content(words: str) -> tuple[tuple[int, int], ...]:
        at = text.index(words)
        return ((at, at + len(words)),)

    attributions = [
        Attribution(source=src, content=content("The ferry will run.")),
        Attribution(source=src, content=content("We will keep the fares low,")),
        Attribution(source=src, content=content("Nobody will be left on the quay.")),
    ]
    quotes = [(q.text, q.speaker) for q in article_gold(text, attributions).quotes]
    # the marks hold one passage: one quote; the words after the attribution are another
    assert quotes == [
        ("The ferry will run. We will keep the fares low,", "Ines Duarte"),
        ("Nobody will be left on the quay.", "Ines Duarte"),
    ]


@pytest.mark.parametrize(
    "text, attributed, expected",
    [
        ('One of the writers of that survey, Ina Bell, said "we were right".',
         [("One of the writers of that survey, Ina Bell,", "we were right")], ["Ina Bell"]),
        ('Ruth Calder spoke first. Calder herself then said "we vote today".',
         [("Calder herself", "we vote today")], ["Calder"]),
        ('Mr. Osei left. A visibly weary Osei said "no more".',
         [("A visibly weary Osei", "no more")], ["Osei"]),
        ('Tide magazine reported "calm seas".', [("Tide magazine", "calm seas")], ["Tide"]),
        ('Mayor Jan de Ruyter spoke.\nDe Ruyter said "the dyke holds".', [("De Ruyter", "the dyke holds")],
         ["De Ruyter"]),
        ('Filmmaker Mara Lind said "it is over".', [("Filmmaker Mara Lind", "it is over")], ["Mara Lind"]),
        ('Lu Ha-neul arrived. Lu said "we play". "Tonight," he added.',
         [("Lu", "we play"), ("he", "Tonight,")], ["Lu", "Lu"]),
        ('Former secretary of State Calder said "no deal".', [("Former secretary of State Calder", "no deal")],
         ["Calder"]),
        ('"The tide turns," said Ina Bell, who runs the ferry.', [("said", "The tide turns,")], ["Ina Bell"]),
        ('"The tide turns," said Osei as he left.', [("said", "The tide turns,")], ["Osei"]),
        ('According to Ina Bell, "the tide turns".', [("According to", "the tide turns")], ["Ina Bell"]),
        ('President Jos\u00c3\u00a9 Ram\u00c3\u00adrez said "no wall".',
         [("President Jos\u00c3\u00a9 Ram\u00c3\u00adrez", "no wall")], ["Jos\u00c3\u00a9 Ram\u00c3\u00adrez"]),
        ('President Jose\u0301 Nun\u0303ez said "no wall".',
         [("President Jose\u0301 Nun\u0303ez", "no wall")], ["Jose\u0301 Nun\u0303ez"]),
        ('A Tide reporter Isaac Moss wrote "the ferry is late".',
         [("A Tide reporter Isaac Moss", "the ferry is late")], ["Isaac Moss"]),
        ('A retired teacher named Ana Lund said "we stay".',
         [("A retired teacher named Ana Lund", "we stay")], ["Ana Lund"]),
        ('Former secretary of state Ruth Calder said "no deal".',
         [("Former secretary of state Ruth Calder", "no deal")], ["Ruth Calder"]),
        ('The head of the Ferry League, Ina Bell, said "we sail".',
         [("The head of the Ferry League, Ina Bell,", "we sail")], ["Ina Bell"]),
        ('"We sail," said Ina Bell, the head of the Ferry Trust for Safe Harbours, who added "at dawn".',
         [("Ina Bell, the head of the Ferry Trust for Safe Harbours", "We sail,"), ("who", "at dawn")],
         ["Ina Bell", "Ina Bell"]),
        ('Sen. Ina Bell (D-Maine) said "we sail".', [("Sen. Ina Bell (D-Maine", "we sail")], ["Ina Bell"]),
        ('Ina Bell said "we sail". One aide to the mayor said "not today". "Never," the source added.',
         [("Ina Bell", "we sail"), ("One aide to the mayor", "not today"), ("the source", "Never,")],
         ["Ina Bell", "One aide to the mayor", "One aide to the mayor"]),
    ],
    ids=["apposition-after-that", "reflexive", "adjective-before-name", "outlet-noun", "capital-particle",
         "occupation-title", "name-before-second-name", "lower-case-title-of",
         "cue-only-source", "cue-only-source-clause", "according-to-only", "twice-decoded-letters",
         "combining-accents", "role-before-name", "named-after-role", "title-of-lower-case-words",
         "head-of-a-body-then-name", "who-after-a-source-that-describes-its-name",
         "party-tag-the-source-cuts-open", "the-source-after-an-unnamed-voice"],
)
def test_how_a_source_names_its_speaker(text: str, attributed: list[tuple[str, str]], expected: list[str]) -> None:
    assert _speakers(text, attributed) == expected


@pytest.mark.parametrize(
    "text, outer, words, expected",
    [
        ('\u201cThe ferry sails at dawn,\u201d Ina Bell said, according to the Tide Gazette.',
         "the Tide Gazette", '\u201cThe ferry sails at dawn,\u201d Ina Bell said', "Ina Bell"),
        ('\u201cThe ferry sails at dawn,\u201d said Ina Bell, according to a transcript.',
         "a transcript", '\u201cThe ferry sails at dawn,\u201d said Ina Bell', "Ina Bell"),
        ('The Tide Gazette reported that Ina Bell said: \u201cThe ferry sails at dawn.\u201d',
         "The Tide Gazette", 'Ina Bell said: \u201cThe ferry sails at dawn.\u201d', "Ina Bell"),
        ('\u201cThe ferry sails at dawn,\u201d she said, according to the Tide Gazette.',
         "the Tide Gazette", '\u201cThe ferry sails at dawn,\u201d she said', "Tide Gazette"),
        ('\u201cThe ferry sails at dawn,\u201d the Tide Gazette wrote.',
         "the Tide Gazette", '\u201cThe ferry sails at dawn,\u201d', "Tide Gazette"),
    ],
    ids=["name-said-according-to", "said-name-according-to", "name-said-colon-inside", "pronoun-left-to-outer",
         "no-inner-cue"],
)
def test_a_cue_of_the_quotes_own_inside_the_content_names_its_speaker(
    text: str, outer: str, words: str, expected: str
) -> None:
    """Only the outer attribution annotated: the Content holds the quote and its own cue."""
    at, content = text.index(outer), text.index(words)
    attribution = Attribution(source=((at, at + len(outer)),), content=((content, content + len(words)),))
    assert [q.speaker for q in article_gold(text, [attribution]).quotes] == [expected]


def test_a_surname_is_the_most_named_person_of_that_name() -> None:
    # Tom Hale is named more than Ana Hale: a lone "Hale" is not Ana, though only she spoke by full name
    text = (
        'Rep. Tom Hale voted no. Tom Hale has voted no before, and Tom Hale will again. '
        'His wife Ana Hale said "he is tired". Hale said "I am fine".'
    )
    assert _speakers(text, [("Ana Hale", "he is tired"), ("Hale", "I am fine")]) == ["Ana Hale", "Hale"]
    # with no other Hale, the surname and the first name alone are hers
    text = 'Ana said "truly". Ana Hale said "he is tired". Hale said "I am fine".'
    assert _speakers(text, [("Ana", "truly"), ("Ana Hale", "he is tired"), ("Hale", "I am fine")]) == [
        "Ana Hale", "Ana Hale", "Ana Hale"]


def test_a_place_word_the_article_gives_a_first_name_is_a_surname() -> None:
    text = 'The mayor met Ezra Israel.\nIsrael said "the port stays open".'
    at, quoted = text.index("Israel said"), text.index("the port")
    gold = article_gold(text, [Attribution(source=((at, at + 6),), content=((quoted, quoted + 19),))])
    assert [(q.speaker, q.found) for q in gold.quotes] == [("Israel", "named")]  # not an unnamed "Israel"
    assert [(a.name, a.kind.value) for a in gold.actors] == [("Israel", "person")]


@pytest.mark.parametrize(
    "text, words, expected",
    [
        ('Last month, when I asked Ruth Calder about the vote, she laughed. "Never," she said.', "Never,",
         "Ruth Calder"),
        ('Former Rep. Tom Hale (R-Maine) backed Ina Bell in the race. "She is ready," he said.', "She is ready,",
         "Tom Hale"),
        ('At the meeting with Tom Hale, Ina Bell spoke last. "Fine," she said.', "Fine,", "Ina Bell"),
        ('Ruth Calder spoke.\nThe hall was cold. It rained.\n"Go home," she said.', "Go home,", "Ruth Calder"),
        ('"Go home," she said.', "Go home,", "she"),  # no one named: no one to stand for
    ],
    ids=["subject-of-the-sentence", "abbreviations-end-no-sentence", "object-of-a-preposition",
         "a-few-sentences-back", "no-name"],
)
def test_a_pronoun_no_source_explains_is_the_person_the_text_names(text: str, words: str, expected: str) -> None:
    """With no naming Source before it, a "she" stands for the first person named in the nearest
    sentence before it that names one, outside quotation marks."""
    quoted = text.index(words)
    pronoun = text.rindex(" ", 0, text.rindex(" said")) + 1
    attribution = Attribution(source=((pronoun, text.rindex(" said")),), content=((quoted, quoted + len(words)),))
    assert [q.speaker for q in article_gold(text, [attribution]).quotes] == [expected]


def test_a_voice_named_inside_a_reports_content_speaks_its_later_quotes_too() -> None:
    text = "“We stay,” Ines Duarte said of the islanders, according to a pool report. “Nobody leaves the quay.”\n"

    def span(words: str) -> tuple[int, int]:
        at = text.index(words)
        return (at, at + len(words))

    attributions = [
        Attribution(
            source=(span("a pool report"),),
            content=(span("“We stay,” Ines Duarte said of the islanders"), span("“Nobody leaves the quay.”")),
        )
    ]
    assert [(q.text, q.speaker) for q in article_gold(text, attributions).quotes] == [
        ("We stay,", "Ines Duarte"),
        ("Nobody leaves the quay.", "Ines Duarte"),
    ]


def test_a_passage_quoted_whole_is_not_the_voice_a_later_cue_inside_it_names() -> None:
    text = "As a live blog put it: \"Sen. Ines Duarte took the stage late. “We tie,” Duarte said.\"\n"
    content = text.index("\"Sen."), len(text) - 1
    source = text.index("a live blog"), text.index("a live blog") + len("a live blog")
    quotes = article_gold(text, [Attribution(source=(source,), content=(content,))]).quotes
    assert [q.speaker for q in quotes if q.text.startswith("Sen. Ines")] == ["a live blog"]  # the blog, not Duarte
