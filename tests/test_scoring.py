"""Scorers on hand-made predictions: each perturbation of the gold moves exactly its own numbers."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarise.cli import app
from summarise.schemas import Actor, Briefing, Event, Quantity, Quote
from summarise.scoring import (
    ATTRIBUTES,
    EVENT_MATCH_THRESHOLD,
    FIELDS,
    PRF,
    ArticleScore,
    event_similarity,
    is_fabricated,
    names_match,
    quantity_matches,
    quote_similarity,
    score_article,
    score_events,
    score_quotes,
    score_suite,
)

ARTICLE = """SEOUL, Jan. 4 (Yonhap) -- North Korea fired a ballistic missile into the East Sea on Sunday, \
South Korea's Joint Chiefs of Staff said. The missile flew about 900 km before splashing down. \
North Korean leader Kim Jong Un watched the launch, state media reported. Kim said the test was \
"a clear warning to the enemies who threaten our sovereignty". \
"This is a calibrated message timed to the talks in Washington," said Hong Min, a senior \
analyst at the Korea Institute for National Unification. The JCS said: "We are maintaining a \
full readiness posture." Separately, South Korean and US troops began a 10-day exercise near \
Pocheon on Monday, involving about 3,000 soldiers.
"""


def _gold() -> Briefing:
    return Briefing(
        headline="North Korea fires ballistic missile",
        bottom_line="North Korea launched a missile that flew about 900 km.",
        article_date=dt.date(2026, 1, 4),
        events=[
            Event(
                type="missile_launch",
                what="North Korea fired a ballistic missile into the East Sea.",
                date=dt.date(2026, 1, 4),
                date_text="on Sunday",
                place="East Sea",
                actors=["North Korea"],
                quantities=[Quantity(value=900, unit="km", measure="flight distance", text="about 900 km")],
                sentence="North Korea fired a ballistic missile into the East Sea on Sunday, "
                "South Korea's Joint Chiefs of Staff said.",
            ),
            Event(
                type="military_exercise",
                what="South Korean and US troops began a 10-day exercise.",
                date=dt.date(2026, 1, 5),
                date_text="on Monday",
                place="Pocheon",
                actors=["South Korea", "United States"],
                quantities=[
                    Quantity(value=10, unit="days", measure="duration", text="10-day"),
                    Quantity(value=3000, unit="soldiers", measure="troops involved", text="about 3,000 soldiers"),
                ],
                sentence="Separately, South Korean and US troops began a 10-day exercise near Pocheon on "
                "Monday, involving about 3,000 soldiers.",
            ),
        ],
        actors=[
            Actor(name="North Korea", kind="state"),
            Actor(name="Kim Jong Un", kind="person", role="leader", aliases=["Kim", "the North Korean leader"]),
            Actor(name="Joint Chiefs of Staff", kind="military_body", aliases=["JCS"]),
            Actor(name="Hong Min", kind="person", role="senior analyst"),
        ],
        quotes=[
            Quote(
                text="a clear warning to the enemies who threaten our sovereignty",
                speaker="Kim Jong Un",
                speaker_type="official",
            ),
            Quote(
                text="This is a calibrated message timed to the talks in Washington,",
                speaker="Hong Min",
                speaker_type="analyst",
            ),
            Quote(
                text="We are maintaining a full readiness posture.",
                speaker="Joint Chiefs of Staff",
                speaker_type="organisation",
            ),
        ],
    )


def _numbers(score: ArticleScore) -> dict[str, float | None]:
    """Every number a score reports, flat, so a test can say which ones a change may move."""
    out: dict[str, float | None] = {"fabricated": len(score.fabricated)}
    for name in FIELDS:
        f = score.field(name)
        out[f"{name}.precision"] = f.match.precision
        out[f"{name}.recall"] = f.match.recall
        out[f"{name}.f1"] = f.match.f1
        for attr in ATTRIBUTES[name]:
            out[f"{name}.{attr}"] = f.accuracy[attr].value
    return out


def _perfect() -> dict[str, float | None]:
    return _numbers(score_article(_gold(), _gold(), ARTICLE))


def test_gold_against_itself_scores_one_everywhere():
    numbers = _perfect()
    assert numbers.pop("fabricated") == 0
    assert numbers == {k: 1.0 for k in numbers}


def _edit(change: Callable[[Briefing], None]) -> Briefing:
    pred = _gold()
    change(pred)
    return pred


def _wrong_date(b: Briefing) -> None:
    b.events[0].date = dt.date(2026, 1, 3)


def _swap_speakers(b: Briefing) -> None:
    b.quotes[0].speaker, b.quotes[1].speaker = b.quotes[1].speaker, b.quotes[0].speaker


def _invent_quote(b: Briefing) -> None:
    b.quotes.append(Quote(text="We will retaliate with overwhelming force", speaker="Kim Jong Un", speaker_type="official"))


def _drop_actor(b: Briefing) -> None:
    del b.actors[3]


def _wrong_quantity(b: Briefing) -> None:
    b.events[1].quantities[1].value = 3300  # 10% off


def _close_quantity(b: Briefing) -> None:
    b.events[1].quantities[1].value = 3100  # 3.3% off: inside the tolerance


def _wrong_place(b: Briefing) -> None:
    b.events[1].place = "Paju"


def _wrong_kind(b: Briefing) -> None:
    b.actors[0].kind = "organisation"


def _wrong_speaker_type(b: Briefing) -> None:
    b.quotes[1].speaker_type = "official"


def _typography(b: Briefing) -> None:
    b.quotes[0].text = "A CLEAR warning to the enemies who threaten our sovereignty!"
    b.quotes[1].text = "\u201cThis is a calibrated message timed to the talks in Washington\u201d"


def _truncated_quote(b: Briefing) -> None:
    b.quotes[1].text = "a calibrated message timed to the talks in Washington"  # a sub-span, 87% of the length


def _speaker_by_alias(b: Briefing) -> None:
    b.quotes[0].speaker = "the North Korean leader"
    b.quotes[2].speaker = "JCS"


def _actor_by_alias(b: Briefing) -> None:
    b.actors[1] = Actor(name="Kim", kind="person")


def _events_reordered(b: Briefing) -> None:
    b.events.reverse()


def _drop_event(b: Briefing) -> None:
    del b.events[1]


def _duplicate_quote(b: Briefing) -> None:
    b.quotes.append(b.quotes[0].model_copy())


def _missing_date(b: Briefing) -> None:
    b.events[0].date = None


# name, change, the numbers it must move (every other number stays at its perfect value)
PERTURBATIONS = [
    ("wrong date", _wrong_date, {"events.date": 1 / 2}),
    ("date left out", _missing_date, {"events.date": 1 / 2}),
    ("swapped speakers", _swap_speakers, {"quotes.speaker": 1 / 3}),
    ("invented quote", _invent_quote, {"fabricated": 1, "quotes.precision": 3 / 4, "quotes.f1": 2 * 0.75 / 1.75}),
    ("missing actor", _drop_actor, {"actors.recall": 3 / 4, "actors.f1": 2 * 0.75 / 1.75}),
    ("quantity 10% off", _wrong_quantity, {"events.quantities": 2 / 3}),
    ("quantity 3% off", _close_quantity, {}),
    ("wrong place", _wrong_place, {"events.place": 1 / 2}),
    ("wrong actor kind", _wrong_kind, {"actors.kind": 3 / 4}),
    ("wrong speaker type", _wrong_speaker_type, {"quotes.speaker_type": 2 / 3, "quotes.analyst": 0.0}),  # the analyst typed official
    ("typography, case, punctuation", _typography, {}),
    ("quote cut short", _truncated_quote, {}),
    ("speaker named by alias", _speaker_by_alias, {}),
    ("actor named by alias", _actor_by_alias, {}),
    ("events in another order", _events_reordered, {}),
    ("missing event", _drop_event, {"events.recall": 1 / 2, "events.f1": 2 * 0.5 / 1.5}),
    ("same quote twice", _duplicate_quote, {"quotes.precision": 3 / 4, "quotes.f1": 2 * 0.75 / 1.75}),
]


@pytest.mark.parametrize("change, moved", [p[1:] for p in PERTURBATIONS], ids=[p[0] for p in PERTURBATIONS])
def test_each_perturbation_moves_exactly_its_numbers(change, moved):
    got = _numbers(score_article(_edit(change), _gold(), ARTICLE))
    expected = {**_perfect(), **moved}
    assert got == pytest.approx(expected)


@pytest.mark.parametrize("pred", [None, Briefing(headline="", bottom_line="")], ids=["failed", "empty"])
def test_empty_prediction_has_recall_zero(pred):
    score = score_article(pred, _gold(), ARTICLE)
    for name in FIELDS:
        assert score.field(name).match.recall == 0.0
        assert score.field(name).match.f1 == 0.0
        assert score.field(name).missed  # every gold item is listed as missed
    assert score.fabricated == []


def test_both_empty_scores_one():
    empty = Briefing(headline="h", bottom_line="b")
    score = score_article(empty, empty, ARTICLE)
    for name in FIELDS:
        assert (score.field(name).match.precision, score.field(name).match.recall, score.field(name).match.f1) == (1, 1, 1)
        assert all(a.value is None for a in score.field(name).accuracy.values())


@pytest.mark.parametrize(
    "counts, expected",
    [
        ((0, 0, 0), (1.0, 1.0, 1.0)),
        ((0, 0, 3), (0.0, 0.0, 0.0)),
        ((0, 2, 0), (0.0, 0.0, 0.0)),
        ((1, 2, 4), (0.5, 0.25, 1 / 3)),
    ],
)
def test_prf_conventions(counts, expected):
    tp, n_pred, n_gold = counts
    prf = PRF(tp=tp, n_pred=n_pred, n_gold=n_gold)
    assert (prf.precision, prf.recall, prf.f1) == pytest.approx(expected)


@pytest.mark.parametrize(
    "predicted, gold, same",
    [
        ("We are maintaining a full readiness posture.", "We are maintaining a full readiness posture", True),
        ("we are maintaining a FULL readiness posture", "We are maintaining a full readiness posture.", True),
        ("We are maintaining a full readyness posture", "We are maintaining a full readiness posture", True),
        ("a full readiness posture", "We are maintaining a full readiness posture", False),  # too short a piece
        ("We are maintaining readiness", "We are maintaining a full readiness posture", False),
        ("", "We are maintaining a full readiness posture", False),
    ],
)
def test_quote_similarity(predicted, gold, same):
    assert (quote_similarity(predicted, gold) > 0) is same


@pytest.mark.parametrize(
    "quote, fabricated",
    [
        ("a clear warning to the enemies who threaten our sovereignty", False),
        ("\u201cA clear warning to the enemies\u201d", False),
        ("The missile flew about 900 km", False),  # in the article, if not between quotation marks
        ("a clear warnin to the enemies who threaten our sovereignty", False),  # a typo, not an invention
        ("We will retaliate with overwhelming force", True),
        ("", True),
    ],
)
def test_is_fabricated(quote, fabricated):
    assert is_fabricated(quote, ARTICLE) is fabricated


@pytest.mark.parametrize(
    "predicted, gold, aliases, same",
    [
        ("Kim Jong Un", "Kim Jong Un", (), True),
        ("kim jong-un", "Kim Jong Un", (), True),
        ("Kim", "Kim Jong Un", (), True),
        ("Mr Kim", "Kim Jong Un", (), True),
        ("the North Korean leader", "Kim Jong Un", ("the North Korean leader",), True),
        ("Hong Min", "Kim Jong Un", (), False),
        ("South Korea", "North Korea", (), False),
        (None, "Kim Jong Un", (), False),
        ("Harbour Pilots Union", "HPU", (), True),  # a body and its initials
        ("HPU", "Harbour Pilots Union", (), True),
        ("Office of Harbour Safety", "OHS", (), True),
        ("Harbour Pilots Union", "HPA", (), False),
        ("Dana Cole", "DC", (), False),  # two letters never stand for a person
    ],
)
def test_names_match(predicted, gold, aliases, same):
    assert names_match(predicted, gold, aliases) is same


def _q(value, unit="km", text="about 900 km"):
    return Quantity(value=value, unit=unit, measure="m", text=text)


@pytest.mark.parametrize(
    "predicted, gold, same",
    [
        (_q(900), _q(900), True),
        (_q(944), _q(900), True),  # 4.9%
        (_q(946), _q(900), False),  # 5.1%
        (_q(900, "kms"), _q(900), True),
        (_q(900, "miles"), _q(900), False),
        (_q(None, "local time", "7:10 a.m."), _q(None, "local time", "7:10 a.m."), True),
        (_q(None, "local time", "8 a.m."), _q(None, "local time", "7:10 a.m."), False),
        (_q(710, "local time", "7:10 a.m."), _q(None, "local time", "7:10 a.m."), False),
        (_q(0, "missiles"), _q(0, "missiles"), True),
        (_q(1, "person"), _q(1, "people"), True),  # an irregular plural is the same noun
        (_q(3, "casualties"), _q(3, "casualty"), True),
        (_q(4, "men"), _q(4, "man"), True),
        (_q(4, "others"), _q(4, "people"), False),
    ],
)
def test_quantity_matches(predicted, gold, same):
    assert quantity_matches(predicted, gold) is same


def test_unrelated_events_of_one_type_do_not_match():
    gold = _gold().events[0]
    other = gold.model_copy(
        update={"sentence": "Kim said the test was a warning.", "date": None, "place": None, "quantities": []}
    )
    bare = gold.model_copy(update={"date": None, "place": None, "quantities": []})
    assert event_similarity(other, bare) == 0.0
    assert event_similarity(gold, gold) == 1.0
    assert event_similarity(_edit(_wrong_date).events[0], gold) >= EVENT_MATCH_THRESHOLD


def test_same_event_in_another_sentence_matches_on_type_and_date():
    gold = _gold().events[0]
    other = gold.model_copy(update={"sentence": "The missile flew about 900 km before splashing down."})
    assert event_similarity(other, gold) >= EVENT_MATCH_THRESHOLD


def test_event_matching_is_one_to_one():
    gold = _gold().events
    score = score_events([gold[0], gold[0]], gold)
    assert (score.match.tp, score.match.n_pred, score.match.n_gold) == (1, 2, 2)
    assert len(score.spurious) == 1 and len(score.missed) == 1


def test_speaker_matches_through_gold_aliases_only():
    gold = _gold()
    pred = [q.model_copy(update={"speaker": "the North Korean leader"}) for q in gold.quotes[:1]]
    with_aliases = score_quotes(pred, gold.quotes[:1], gold_actors=gold.actors)
    without = score_quotes(pred, gold.quotes[:1])
    assert with_aliases.accuracy["speaker"].value == 1.0
    assert without.accuracy["speaker"].value == 0.0
    assert without.wrong == ["speaker of 'a clear warning to the enemies who threaten our sovereignty'"]


def test_suite_micro_and_macro_differ_as_defined():
    gold = _gold()
    perfect = score_article(gold, gold, ARTICLE, article_id="a")
    half = score_article(_edit(_drop_event), gold, ARTICLE, article_id="b")
    empty = score_article(None, gold, ARTICLE, article_id="c")
    suite = score_suite([perfect, half, empty])
    events = suite.fields["events"]
    assert (events.micro.tp, events.micro.n_pred, events.micro.n_gold) == (3, 3, 6)
    assert events.micro.precision == 1.0 and events.micro.recall == 0.5
    assert events.macro_precision == pytest.approx((1 + 1 + 0) / 3)
    assert events.macro_recall == pytest.approx((1 + 0.5 + 0) / 3)
    assert events.macro_f1 == pytest.approx((1 + 2 / 3 + 0) / 3)
    # the empty article has no matched events: it counts in no date accuracy
    assert events.accuracy["date"].total == 3
    assert suite.n_articles == 3


def test_suite_counts_fabricated_quotes():
    gold = _gold()
    scores = [score_article(_edit(_invent_quote), gold, ARTICLE), score_article(_edit(_invent_quote), gold, ARTICLE)]
    assert score_suite(scores).fabricated == 2
    assert score_suite([]).fields["quotes"].macro_f1 == 1.0


# --------------------------------------------------------------------------------------------
# Partly labelled suites: what the gold does not label is not scored, never scored as zero
# --------------------------------------------------------------------------------------------

QUOTES_AND_SPEAKERS = {"quotes": ("speaker",)}


def test_unlabelled_fields_and_attributes_have_no_score():
    pred = _edit(_wrong_speaker_type)
    pred.events.clear()
    pred.actors.clear()
    score = score_article(pred, _gold(), ARTICLE, labels=QUOTES_AND_SPEAKERS)
    assert score.actors is None and score.events is None
    assert list(score.quotes.accuracy) == ["speaker"]
    assert score.quotes.accuracy["speaker"].value == 1.0
    assert score.quotes.wrong == []  # the wrong speaker type is not counted: the suite does not label it
    full = score_article(pred, _gold(), ARTICLE)
    assert full.events.match.f1 == 0.0 and full.quotes.wrong  # the same briefing, fully labelled


def test_suite_pools_only_what_is_labelled():
    gold = _gold()
    scores = [score_article(gold, gold, ARTICLE, labels=QUOTES_AND_SPEAKERS, article_id=i) for i in "ab"]
    suite = score_suite(scores, QUOTES_AND_SPEAKERS)
    assert list(suite.fields) == ["quotes"]
    assert list(suite.fields["quotes"].accuracy) == ["speaker"]
    assert suite.fields["quotes"].micro.tp == 6


_E2E_ARTICLE = (
    "WELLINGTON, March 3, 2026 — The harbour board approved a new ferry timetable on Monday.\n\n"
    '"The new timetable will serve every island twice a day," said board chair Miriam Okafor.\n'
)
_E2E_QUOTE = {"text": "The new timetable will serve every island twice a day", "speaker": "Miriam Okafor"}


def _e2e_suite(root: Path, *, partly: bool) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "articles" / "a1.txt").write_text(_E2E_ARTICLE, encoding="utf-8")
    gold: dict = {"quotes": [_E2E_QUOTE]}
    if partly:
        (root / "suite.json").write_text(json.dumps({"labels": {"quotes": ["speaker"]}}), encoding="utf-8")
    else:
        gold.update(headline="Ferry timetable", bottom_line="A new timetable.")
    (root / "gold" / "a1.json").write_text(json.dumps(gold), encoding="utf-8")
    return root


def _eval(suite: Path, runs: Path) -> tuple[dict, str]:
    result = CliRunner().invoke(app, ["eval", "run", str(suite), "--model", "rules", "--runs-dir", str(runs)])
    assert result.exit_code == 0, result.output
    (summary,) = runs.glob("*/summary.json")
    return json.loads(summary.read_text(encoding="utf-8")), " ".join(result.stderr.replace("│", " ").split())


def test_a_partly_labelled_suite_is_scored_on_its_labels_through_the_cli(tmp_path: Path):
    summary, table = _eval(_e2e_suite(tmp_path / "partly", partly=True), tmp_path / "runs-partly")
    rows = {r["key"]: r for r in summary["rows"]}
    assert summary["labels"] == {"quotes": ["speaker"]}
    assert rows["quotes"]["run"]["f1"] == 1.0 and rows["quotes.speaker"]["run"] == 1.0
    for key in ("quotes.speaker_type", "actors", "actors.kind", "events", "events.date"):
        assert rows[key]["labelled"] is False and rows[key]["run"] is None, key
    assert set(summary["not_labelled"]) >= {"actors", "events", "quotes.speaker_type"}
    assert "actors" not in summary["run"]["metrics"] and "actors" not in summary["run"]["scores"]["fields"]
    assert "actors not labelled not labelled" in table
    assert "labelled: quotes (speaker)" in table
    run_dir = next((tmp_path / "runs-partly").iterdir())
    report = (run_dir / "report.md").read_text(encoding="utf-8")
    assert "| actors | not labelled |" in report and "actors F1" not in report
    assert "not labelled" in (run_dir / "report.html").read_text(encoding="utf-8")
    # the same gold in a suite that labels everything: the rules' actor is now spurious, F1 0
    full, _ = _eval(_e2e_suite(tmp_path / "full", partly=False), tmp_path / "runs-full")
    full_rows = {r["key"]: r for r in full["rows"]}
    assert full_rows["actors"]["labelled"] is True and full_rows["actors"]["run"]["f1"] == 0.0


def test_compare_of_partly_labelled_runs_says_not_labelled(tmp_path: Path):
    suite = _e2e_suite(tmp_path / "partly", partly=True)
    for name in ("a", "b"):
        _eval(suite, tmp_path / name)
    run_a, run_b = (next((tmp_path / name).iterdir()) for name in ("a", "b"))
    result = CliRunner().invoke(app, ["eval", "compare", str(run_a), str(run_b)])
    assert result.exit_code == 0, result.output
    assert "not labelled" in result.stderr
    assert "not labelled" in (run_b / "compare.md").read_text(encoding="utf-8")
