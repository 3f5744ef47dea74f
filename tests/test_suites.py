"""Suites load, the shipped gold obeys the rules, and every kind of bad label is caught."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from summarise.errors import ConfigError
from summarise.scoring import ATTRIBUTES
from summarise.suites import check_suite, load_suite

EVALS = Path(__file__).resolve().parent.parent / "evals"

ARTICLE = """SEOUL, Jan. 12, 2026 (Wire) — North Korea fired a ballistic missile into the sea on Sunday, South Korea's military said.

“The launch is a clear provocation,” said Defence Minister Ahn Gyu-back.
"""

GOOD = {
    "schema_version": "1",
    "headline": "North Korea fires a ballistic missile",
    "bottom_line": "North Korea fired a ballistic missile on Sunday.",
    "article_date": "2026-01-12",
    "events": [
        {
            "type": "missile_launch",
            "what": "North Korea fired a ballistic missile into the sea.",
            "date": "2026-01-11",
            "date_text": "on Sunday",
            "actors": ["North Korea"],
            "sentence": "North Korea fired a ballistic missile into the sea on Sunday, South Korea's military said.",
        }
    ],
    "actors": [
        {"name": "North Korea", "kind": "state"},
        {"name": "Ahn Gyu-back", "kind": "person", "role": "Defence Minister", "affiliation": "South Korea"},
    ],
    "quotes": [
        {"text": "The launch is a clear provocation", "speaker": "Ahn Gyu-back", "speaker_type": "official"},
    ],
}


def _suite_dir(tmp_path: Path, gold: dict | None, article: str = ARTICLE, gold_text: str | None = None) -> Path:
    root = tmp_path / "planted"
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "articles" / "a1.txt").write_text(article, encoding="utf-8")
    if gold_text is not None:
        (root / "gold" / "a1.json").write_text(gold_text, encoding="utf-8")
    elif gold is not None:
        (root / "gold" / "a1.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return root


def _planted(change) -> dict:
    gold = copy.deepcopy(GOOD)
    change(gold)
    return gold


@pytest.mark.parametrize("name, at_least", [("seeds", 3), ("newsdesk", 16)])
def test_shipped_suites_are_clean(name: str, at_least: int) -> None:
    suite = load_suite(EVALS / name)
    assert len(suite.items) >= at_least
    assert all(item.gold is not None for item in suite.items)
    assert check_suite(suite) == []


def test_html_article_is_labelled_against_its_extracted_text() -> None:
    suite = load_suite(EVALS / "newsdesk")
    html = [item for item in suite.items if item.article.kind == "html"]
    assert html, "the newsdesk suite should hold an HTML page"
    assert all("<" not in item.article.text for item in html)


def test_bare_suite_name_finds_the_shipped_suite() -> None:
    assert load_suite("seeds").name == "seeds"


def test_good_planted_gold_is_clean(tmp_path: Path) -> None:
    # the baseline for the planted cases below: without it they could pass for the wrong reason
    assert check_suite(load_suite(_suite_dir(tmp_path, GOOD))) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda g: g["quotes"][0].update(text="We will answer with fire"), "quotes.0.text"),
        (lambda g: g["events"][0].update(sentence="North Korea launched a missile on Sunday."), "events.0.sentence"),
        (lambda g: g["events"][0]["actors"].append("Japan"), "'Japan' is not in the actors list"),
        (lambda g: g["actors"].append({"name": "Kim Jong Un", "kind": "person"}), "actors.2.name"),
        (lambda g: g["events"][0].update(type="parade"), "events.0.type"),
        (lambda g: g.update(provenanse={}), "provenanse"),
    ],
    ids=["invented-quote", "paraphrased-sentence", "unknown-event-actor", "unnamed-actor", "bad-type", "extra-field"],
)
def test_planted_bad_gold_is_reported(tmp_path: Path, change, expected: str) -> None:
    problems = check_suite(load_suite(_suite_dir(tmp_path, _planted(change))))
    assert len(problems) == 1, problems
    assert problems[0].startswith("a1: ")
    assert expected in problems[0]


def test_bad_gold_loads_as_none_but_is_reported(tmp_path: Path) -> None:
    suite = load_suite(_suite_dir(tmp_path, None, gold_text="{not json"))
    assert suite.items[0].gold is None
    assert check_suite(suite) == [f"a1: gold is not a JSON object ({suite.items[0].gold_path})"]


def test_missing_gold_and_orphan_gold_are_reported(tmp_path: Path) -> None:
    root = _suite_dir(tmp_path, None)
    (root / "gold" / "a2.json").write_text(json.dumps(GOOD), encoding="utf-8")
    problems = check_suite(load_suite(root))
    assert [p.split(":")[0] for p in problems] == ["a1", "a2"]
    assert "gold file missing" in problems[0]
    assert "gold has no article" in problems[1]


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda tmp: tmp / "nowhere", "no suite here"),
        (lambda tmp: (tmp / "empty" / "articles").mkdir(parents=True) or tmp / "empty", "no articles"),
    ],
    ids=["missing-dir", "no-articles"],
)
def test_no_suite_is_a_one_line_config_error(tmp_path: Path, make, expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_suite(make(tmp_path))
    assert expected in str(info.value)
    assert "\n" not in str(info.value)


def test_unreadable_article_is_a_config_error(tmp_path: Path) -> None:
    root = _suite_dir(tmp_path, GOOD, article="   \n")
    with pytest.raises(ConfigError, match="is empty"):
        load_suite(root)


# --------------------------------------------------------------------------------------------
# Partly labelled suites: suite.json says what the gold labels
# --------------------------------------------------------------------------------------------

QUOTES_ONLY = {"quotes": [{"text": "The launch is a clear provocation", "speaker": "Ahn Gyu-back"}]}


def _manifest(root: Path, manifest: dict | str) -> Path:
    text = manifest if isinstance(manifest, str) else json.dumps(manifest)
    (root / "suite.json").write_text(text, encoding="utf-8")
    return root


def test_no_manifest_labels_everything(tmp_path: Path) -> None:
    suite = load_suite(_suite_dir(tmp_path, GOOD))
    assert suite.labels == ATTRIBUTES and not suite.partly_labelled
    assert load_suite(EVALS / "seeds").labels == ATTRIBUTES


def test_manifest_labels_are_read_in_the_scorers_order(tmp_path: Path) -> None:
    root = _manifest(
        _suite_dir(tmp_path, QUOTES_ONLY),
        {"labels": {"events": ["place", "date"], "quotes": ["speaker"]}, "source": "invented", "description": "x"},
    )
    suite = load_suite(root)
    assert suite.labels == {"quotes": ("speaker",), "events": ("date", "place")}
    assert suite.partly_labelled


def test_partly_labelled_gold_may_leave_out_what_it_does_not_label(tmp_path: Path) -> None:
    root = _suite_dir(tmp_path, QUOTES_ONLY)
    unlabelled = load_suite(root)  # no manifest yet: a gold with no headline is no Briefing
    assert unlabelled.items[0].gold is None
    assert any("headline" in p for p in check_suite(unlabelled))
    suite = load_suite(_manifest(root, {"labels": {"quotes": ["speaker"]}}))
    assert suite.items[0].gold is not None
    assert [q.speaker for q in suite.items[0].gold.quotes] == ["Ahn Gyu-back"]
    assert check_suite(suite) == []


def test_partly_labelled_gold_still_follows_the_rules(tmp_path: Path) -> None:
    invented = {"quotes": [{"text": "We will answer with fire", "speaker": "Ahn Gyu-back"}]}
    root = _manifest(_suite_dir(tmp_path, invented), {"labels": {"quotes": ["speaker"]}})
    problems = check_suite(load_suite(root))
    assert len(problems) == 1 and "quotes.0.text" in problems[0]


def test_a_labelled_field_left_out_of_the_gold_is_reported(tmp_path: Path) -> None:
    root = _manifest(_suite_dir(tmp_path, {"actors": []}), {"labels": {"quotes": ["speaker"]}})
    assert check_suite(load_suite(root)) == [
        "a1: quotes: the suite labels it (see suite.json) but the gold leaves it out"
    ]


@pytest.mark.parametrize(
    "manifest, expected",
    [
        ("{not json", "cannot be read as JSON"),
        ("[]", "must be a JSON object"),
        ({"labels": {}}, "must map at least one of"),
        ({"labels": {"quote": ["speaker"]}}, "names the field 'quote'"),
        ({"labels": {"quotes": ["speakers"]}}, "names 'speakers': the attributes of quotes are speaker, speaker_type"),
        ({"labels": {"quotes": "speaker"}}, "must be a list of attribute names"),
    ],
    ids=["not-json", "not-object", "empty", "unknown-field", "unknown-attribute", "not-a-list"],
)
def test_a_bad_manifest_is_a_one_line_config_error(tmp_path: Path, manifest, expected: str) -> None:
    root = _manifest(_suite_dir(tmp_path, QUOTES_ONLY), manifest)
    with pytest.raises(ConfigError) as info:
        load_suite(root)
    assert expected in str(info.value) and "\n" not in str(info.value)
