"""The scripted capable model (tests/scripted_model.py), and what the strategies make of it.

First the backend itself: that it answers as the gold says, in both of instructor's modes, for a
whole article and for a chunk; that its faults are seeded, logged and of every kind; that a cut
answer comes whole when asked again and a repair fixes some items and repeats the rest; that its
own briefings score 1.0 at 0% faults and less at 20%; and that ``account`` can tell a caught fault
from one that got through. Then ``briefing@v2`` through ``summarise eval run`` against it, and
``briefing@v3`` (strategy ``verified``): every injected fault caught and counted, nothing
fabricated in any briefing, and per field at or above both the scripted model's own and the rules'.

Articles are our own suites (newsdesk, seeds) and a few invented sentences.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarise import strategies
from summarise.backends import open_backend, parse_spec
from summarise.call import CallStats, ask
from summarise.config import Settings, get_settings
from summarise.errors import SummariseError
from summarise.grounding.claims import unsupported_claims
from summarise.grounding.gazetteer import state_of
from summarise.prompts import load_prompt
from summarise.schemas import Briefing, Drop, ModelBriefing, Provenance, Quote, Span
from summarise.suites import Suite, load_suite
from summarise.text import contains, normalise

from .conftest import ROOT, free_port, run_cli
from .scripted_model import (
    FAULT_KINDS,
    Fault,
    ScriptedModel,
    account,
    read_fault_log,
    serve,
    split_bottom_line,
    tally,
)

NEWSDESK = ROOT / "evals" / "newsdesk"
SEEDS = ROOT / "evals" / "seeds"

#: The per-field figures the issue sets v3 against: (label, metrics key, what in it).
FIGURES = (
    ("quotes F1", "quotes", "f1"),
    ("speaker", "quotes.speaker", None),
    ("speaker type", "quotes.speaker_type", None),
    ("actors F1", "actors", "f1"),
    ("events F1", "events", "f1"),
    ("date", "events.date", None),
)


@pytest.fixture(scope="module")
def newsdesk() -> Suite:
    return load_suite(NEWSDESK)


@pytest.fixture(scope="module")
def seeds() -> Suite:
    return load_suite(SEEDS)


@pytest.fixture()
def scripted() -> Iterator:
    """Starts the scripted model on loopback: ``start(model) -> url``; all stopped at teardown."""
    with contextlib.ExitStack() as stack:
        yield lambda model: stack.enter_context(serve(model))


def _post(url: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(f"{url}/chat/completions", json.dumps(body).encode(),
                                     {"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def _tool_body(name: str, user: str, parameters: dict | None = None) -> dict[str, Any]:
    return {"model": "scripted", "messages": [{"role": "user", "content": user}],
            "tools": [{"type": "function", "function": {"name": name, "parameters": parameters or {}}}],
            "tool_choice": {"type": "function", "function": {"name": name}}}


def _arguments(body: dict[str, Any]) -> dict[str, Any]:
    return json.loads(body["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"])


def _ask_briefing(url: str, text: str, mode: str) -> ModelBriefing | None:
    settings = Settings(mode=mode, max_tokens=4096, reasks=0, transport_retries=0)
    backend = open_backend(parse_spec("openai/scripted", url), settings)
    messages = [{"role": "system", "content": "Brief the article."},
                {"role": "user", "content": f"<article>\n{text}\n</article>"}]
    answer, _raw = ask(backend, messages, ModelBriefing, article=text, settings=settings, stats=CallStats())
    return answer


# --------------------------------------------------------------------------------------------
# 1. The backend answers as the gold says
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["TOOLS", "JSON_SCHEMA"])
def test_a_whole_briefing_is_the_gold_in_either_mode(scripted, newsdesk: Suite, mode: str):
    model = ScriptedModel([newsdesk])
    url = scripted(model)
    item = newsdesk.items[0]
    answer = _ask_briefing(url, item.article.text, mode)
    assert answer is not None, model.unanswered
    assert model.modes == {mode}
    gold = item.gold
    assert answer.headline == gold.headline
    assert answer.bottom_line == split_bottom_line(gold.bottom_line) and 1 <= len(answer.bottom_line) <= 3
    assert [q.text for q in answer.quotes] == [q.text for q in gold.quotes]
    assert [(q.speaker, q.speaker_type) for q in answer.quotes] == [(q.speaker, q.speaker_type) for q in gold.quotes]
    assert [(e.sentence, e.type, e.date) for e in answer.events] == [(e.sentence, e.type, e.date) for e in gold.events]
    assert [a.name for a in answer.actors] == [a.name for a in gold.actors]
    assert model.faults == {}


def test_a_chunk_is_answered_with_the_gold_items_inside_it_only(scripted, newsdesk: Suite):
    model = ScriptedModel([newsdesk])
    url = scripted(model)
    item = max(newsdesk.items, key=lambda i: len(i.gold.quotes))
    text = item.article.text
    half = text[: len(text) // 2]
    # white space as a chunker might leave it: the article is still found
    status, body = _post(url, _tool_body("ModelBriefing", "<article>\n" + "  ".join(half.split(" ")) + "\n</article>"))
    assert status == 200
    answer = _arguments(body)
    inside = [q.text for q in item.gold.quotes if normalise(q.text) in normalise(half)]
    assert 0 < len(inside) < len(item.gold.quotes)
    assert [q["text"] for q in answer["quotes"]] == inside
    assert all(normalise(e["sentence"]) in normalise(half) for e in answer["events"])


def test_a_text_it_does_not_know_and_a_call_it_does_not_know_are_refused_not_guessed(scripted, newsdesk: Suite):
    model = ScriptedModel([newsdesk])
    url = scripted(model)
    status, _ = _post(url, _tool_body("ModelBriefing", "<article>The Orlen ferry sailed at noon.</article>"))
    assert status == 400
    status, _ = _post(url, _tool_body("SomethingElse", newsdesk.items[0].article.text))
    assert status == 400
    assert len(model.unanswered) == 2


def test_v2_questions_get_a_capable_models_answers(scripted, newsdesk: Suite):
    model = ScriptedModel([newsdesk])
    url = scripted(model)
    item = next(i for i in newsdesk.items if any(q.speaker for q in i.gold.quotes) and i.gold.events)
    quote = next(q for q in item.gold.quotes if q.speaker)
    speaker_schema = {"properties": {"speaker": {"enum": ["Somebody Else", quote.speaker, "unknown"]}}}
    ask_speaker = f'Names: x\n\nPassage: y\n\nQuotation: "{quote.text}"\n\nWho spoke the quotation?'
    _, body = _post(url, _tool_body("SpeakerAnswer", ask_speaker, speaker_schema))
    assert _arguments(body) == {"speaker": quote.speaker}
    # the gold speaker not among the options: "unknown", never a wrong name
    _, body = _post(url, _tool_body("SpeakerAnswer", ask_speaker,
                                    {"properties": {"speaker": {"enum": ["Somebody Else", "unknown"]}}}))
    assert _arguments(body) == {"speaker": "unknown"}
    types = {"properties": {"type": {"enum": ["missile_launch", "attack", "statement", "meeting", "visit",
                                              "sanction", "military_exercise", "weapons_test", "other", "not_an_event"]}}}
    event = item.gold.events[0]
    _, body = _post(url, _tool_body("EventAnswer", f"Sentence: {event.sentence}", types))
    assert _arguments(body) == {"type": event.type.value}
    spare = next(s for s in model.article(item.id).sentences
                 if all(normalise(s) not in normalise(e.sentence) and normalise(e.sentence) not in normalise(s)
                        for e in item.gold.events))
    _, body = _post(url, _tool_body("EventAnswer", f"Sentence: {spare}", types))
    assert _arguments(body) == {"type": "not_an_event"}
    _, body = _post(url, _tool_body("BottomLineAnswer", "1. a\n2. b"))
    assert _arguments(body) == {"sentence": "1"}
    # a model that errs picks a wrong option, and says so in its log
    erring = ScriptedModel([newsdesk], faults=1.0)
    _, body = _post(scripted(erring), _tool_body("SpeakerAnswer", ask_speaker, speaker_schema))
    assert _arguments(body) == {"speaker": "Somebody Else"}
    assert erring.v2_faults == [{"question": "speaker", "about": quote.text[:120], "right": quote.speaker,
                                 "answered": "Somebody Else"}]


# --------------------------------------------------------------------------------------------
# 2. Faults: seeded, logged, of every kind, each a real fault
# --------------------------------------------------------------------------------------------


def _all_answers(model: ScriptedModel) -> None:
    for known in model.articles:
        model.briefing(known)


def test_faults_are_seeded_logged_and_of_every_kind(newsdesk: Suite, seeds: Suite, scripted):
    model = ScriptedModel([newsdesk, seeds], faults=0.2, seed=0)
    _all_answers(model)
    url = scripted(model)
    for known in model.articles:  # cut answers are the server's part: ask each article once
        _post(url, _tool_body("ModelBriefing", f"<article>\n{known.text}\n</article>"))
    kinds = {f.kind for f in model.faults.values()}
    assert kinds == set(FAULT_KINDS), set(FAULT_KINDS) - kinds
    again = ScriptedModel([newsdesk, seeds], faults=0.2, seed=0)
    _all_answers(again)
    assert {k: v.after for k, v in again.faults.items() if v.kind != "cut_at_cap"} == {
        k: v.after for k, v in model.faults.items() if v.kind != "cut_at_cap"}
    other = ScriptedModel([newsdesk, seeds], faults=0.2, seed=1)
    _all_answers(other)
    assert set(other.faults) != set(model.faults)
    for fault in model.faults.values():
        text = model.article(fault.article_id).text
        if fault.kind == "paraphrased_quote":
            assert not contains(text, fault.after["text"])
        elif fault.kind == "straight_marks":
            assert fault.after["text"] != fault.before["text"] and contains(text, fault.after["text"].strip("\"“”'‘’"))
        elif fault.kind == "swapped_speaker":
            assert fault.after["speaker"] != fault.before["speaker"]
            assert any(q.speaker == fault.after["speaker"] for q in model.article(fault.article_id).gold.quotes)
        elif fault.kind == "date_off":
            assert fault.after["date"] != fault.before["date"]
        elif fault.kind in ("foreign_number", "foreign_name", "invented_event"):
            assert fault.detail and fault.detail not in text
        if fault.kind == "invented_event":
            assert fault.after["what"] != fault.before["what"]


def test_no_faults_at_zero(newsdesk: Suite):
    model = ScriptedModel([newsdesk], faults=0.0)
    _all_answers(model)
    assert model.faults == {}


def test_a_cut_answer_comes_whole_when_the_same_request_comes_again(scripted, newsdesk: Suite):
    model = ScriptedModel([newsdesk], faults=1.0, seed=0)
    url = scripted(model)
    body = _tool_body("ModelBriefing", f"<article>\n{newsdesk.items[0].article.text}\n</article>")
    _, first = _post(url, body)
    assert first["choices"][0]["finish_reason"] == "length"
    with pytest.raises(json.JSONDecodeError):
        _arguments(first)
    _, second = _post(url, body)
    assert second["choices"][0]["finish_reason"] == "stop"
    assert _arguments(second)["headline"] == newsdesk.items[0].gold.headline
    (cut,) = [f for f in model.faults.values() if f.kind == "cut_at_cap"]
    assert cut.seen_again


def test_a_repair_fixes_a_share_of_the_failed_items_and_repeats_the_rest(scripted, newsdesk: Suite):
    model = ScriptedModel([newsdesk], faults=1.0, seed=0, repair_share=0.5)
    url = scripted(model)
    for item in newsdesk.items:
        _post(url, _tool_body("ModelBriefing", f"<article>\n{item.article.text}\n</article>"))
        _post(url, _tool_body("ModelBriefing", f"<article>\n{item.article.text}\n</article>"))
    outcomes: dict[str, int] = {}
    for item in newsdesk.items:
        failed = [f for f in model.faults.values() if f.article_id == item.id and f.field != "answer"]
        listing = "\n".join(json.dumps(f.after, ensure_ascii=True) + " -- error: not in the article" for f in failed)
        status, body = _post(url, _tool_body("ModelRepair", f"Items that failed a check:\n{listing}\n\n"
                                                            f"<article>\n{item.article.text}\n</article>"))
        assert status == 200
        answer = _arguments(body)
        given = [json.dumps(x, sort_keys=True) for name in ("events", "actors", "quotes") for x in answer[name]]
        for f in failed:
            assert f.repair in ("fixed", "repeated"), f
            outcomes[f.repair] = outcomes.get(f.repair, 0) + 1
            if f.repair == "repeated":
                assert json.dumps(f.after, sort_keys=True) in given
            elif f.kind != "invented_event":
                assert json.dumps(f.before, sort_keys=True) in given
    assert outcomes.get("fixed", 0) > 0 and outcomes.get("repeated", 0) > 0, outcomes


def test_run_as_a_module_it_serves_and_writes_its_fault_log(tmp_path: Path, seeds: Suite):
    port, log = free_port(), tmp_path / "faults.json"
    proc = subprocess.Popen([sys.executable, "-m", "tests.scripted_model", str(SEEDS), "--faults", "1",
                             "--seed", "0", "--port", str(port), "--fault-log", str(log)], cwd=ROOT,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert "scripted model on" in proc.stderr.readline()
        url = f"http://127.0.0.1:{port}/v1"
        status, _ = _post(url, _tool_body("ModelBriefing", f"<article>\n{seeds.items[0].article.text}\n</article>"))
        assert status == 200
        logged = read_fault_log(log)
        assert logged and {f.article_id for f in logged} == {seeds.items[0].id}
        assert all(f.kind in FAULT_KINDS for f in logged)
    finally:
        proc.terminate()
        proc.wait(10)


# --------------------------------------------------------------------------------------------
# 3. The model's own briefings, scored by the project's scorer
# --------------------------------------------------------------------------------------------


def own_metrics(model: ScriptedModel, suite: Suite) -> dict[str, float | None]:
    """The scripted model's own figures on ``suite`` (its answers taken as they are)."""
    return _figures(model.own_score(suite))


def _figures(score: Any) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for label, key, part in FIGURES:
        name, _, attr = key.partition(".")
        summary = score.fields[name]
        out[label] = summary.micro.f1 if part else summary.accuracy[attr].value
    out["fabricated"] = score.fabricated
    return out


def test_the_models_own_briefings_score_one_at_zero_faults_and_less_at_twenty(newsdesk: Suite):
    clean = own_metrics(ScriptedModel([newsdesk]), newsdesk)
    assert all(v == 1.0 for k, v in clean.items() if k != "fabricated"), clean
    assert clean["fabricated"] == 0
    faulty = own_metrics(ScriptedModel([newsdesk], faults=0.2, seed=0), newsdesk)
    assert faulty["quotes F1"] < 1.0 and faulty["actors F1"] < 1.0 and faulty["fabricated"] > 0, faulty


# --------------------------------------------------------------------------------------------
# 4. The accounting can tell a caught fault from one that got through
# --------------------------------------------------------------------------------------------

ARTICLE = 'The Osterby council met on Monday. "We will rebuild the north bridge," said mayor Hanne Voll.'
WORDS = "We will rebuild the north bridge,"


def _briefing(quotes: list[Quote], dropped: list[Drop] = ()) -> Briefing:
    prov = Provenance(prompt="briefing@v3", prompt_hash="", model="m", backend="server", article_hash="",
                      created_at="2026-01-01T00:00:00Z", dropped=list(dropped))
    return Briefing(headline="h", bottom_line="b", quotes=quotes, provenance=prov)


def test_account_tells_a_caught_fault_from_one_that_got_through():
    at = ARTICLE.index(WORDS)
    right = Quote(text=WORDS, speaker="Hanne Voll", span=Span(start=at, end=at + len(WORDS)))
    paraphrase = Fault("a", "paraphrased_quote", "quotes", WORDS, {"text": WORDS, "speaker": "Hanne Voll"},
                       {"text": "We shall rebuild the north bridge", "speaker": "Hanne Voll"},
                       "We shall rebuild the north bridge")
    through = _briefing([Quote(text="We shall rebuild the north bridge", speaker="Hanne Voll")])
    assert account(paraphrase, through, ARTICLE) is None
    dropped = _briefing([], [Drop(kind="quote", reason="its words are not in the article",
                                  item={"text": "We shall rebuild the north bridge"})])
    assert account(paraphrase, dropped, ARTICLE) == "dropped"
    assert account(paraphrase, _briefing([right]), ARTICLE) == "corrected"
    vanished = _briefing([])  # gone without a word: not caught, it is lost
    assert account(paraphrase, vanished, ARTICLE) is None
    swapped = Fault("a", "swapped_speaker", "quotes", WORDS, {"text": WORDS, "speaker": "Hanne Voll"},
                    {"text": WORDS, "speaker": "Per Ostrom"}, "Per Ostrom")
    wrong = right.model_copy(update={"speaker": "Per Ostrom"})
    assert account(swapped, _briefing([wrong]), ARTICLE) is None
    assert account(swapped, _briefing([wrong.model_copy(update={"flags": ["speaker: model said Per Ostrom"]})]),
                   ARTICLE) == "flagged"
    assert account(swapped, _briefing([right]), ARTICLE) == "corrected"
    counts = tally([paraphrase, swapped], {"a": _briefing([right])}, {"a": ARTICLE})
    assert counts["total"]["injected"] == 2 and counts["total"]["corrected"] == 2 and not counts["missed"]


# --------------------------------------------------------------------------------------------
# 5. The strategies against it, through `summarise eval run`
# --------------------------------------------------------------------------------------------


def _eval(suite: Path, runs: Path, url: str, prompt: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    get_settings.cache_clear()
    result = run_cli("eval", "run", str(suite), "--model", "openai/scripted", "--base-url", url, "--prompt", prompt,
                     "--runs-dir", str(runs), "--no-cache", "--json", env=env)
    assert result.exit_code == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def _metrics(metrics: dict[str, Any]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for label, key, part in FIGURES:
        value = metrics.get(key)
        out[label] = value[part] if part and value is not None else value
    out["fabricated"] = metrics.get("fabricated")
    return out


def _briefings(summary: dict[str, Any]) -> dict[str, Briefing | None]:
    lines = Path(summary["run"]["run_dir"], "results.jsonl").read_text(encoding="utf-8").splitlines()
    out: dict[str, Briefing | None] = {}
    for line in map(json.loads, lines):
        out[line["article_id"]] = Briefing.model_validate(line["briefing"]) if line.get("briefing") else None
    return out


def test_v2_against_a_capable_model_answers_every_question_and_keeps_to_the_rules_or_better(
    scripted, newsdesk: Suite, tmp_path: Path
):
    model = ScriptedModel([newsdesk])
    summary = _eval(NEWSDESK, tmp_path / "runs", scripted(model), "briefing@v2")
    assert not model.unanswered
    assert {"BottomLineAnswer", "EventAnswer"} <= set(model.requests)
    assert summary["run"]["briefed"] == len(newsdesk.items)
    v2, rules = _metrics(summary["run"]["metrics"]), _metrics(summary["baseline"]["metrics"])
    assert v2["fabricated"] == 0
    for label, *_ in FIGURES:
        assert v2[label] >= rules[label], (label, v2[label], rules[label])


# --------------------------------------------------------------------------------------------
# 6. briefing@v3 against the scripted model: every fault caught, nothing fabricated, never worse
# --------------------------------------------------------------------------------------------


def _has_v3() -> bool:
    try:
        prompt = load_prompt("briefing@v3")
    except (SummariseError, KeyError, OSError):
        return False
    return prompt.strategy in strategies.names()


needs_v3 = pytest.mark.skipif(not _has_v3(), reason="briefing@v3's strategy (verified) is not registered yet")


def _check_nothing_fabricated(briefing: Briefing, article: str) -> list[str]:
    """Every way ``briefing`` shows the reader something the article does not hold."""
    problems = []
    for q in briefing.quotes:
        if q.span is None or q.text != article[q.span.start:q.span.end]:
            problems.append(f"quote not the article's slice: {q.text[:60]!r}")
    for e in briefing.events:
        if not contains(article, e.sentence):
            problems.append(f"event sentence not in the article: {e.sentence[:60]!r}")
    for a in briefing.actors:
        # a state goes by the gazetteer's name ("United States" for "U.S."): one of its names is in the text
        state = next((s for x in (a.name, *a.aliases) if contains(article, x) and (s := state_of(x))), None)
        if not contains(article, a.name) and not (state and state.name == a.name):
            problems.append(f"actor not named in the article: {a.name!r}")
    day = briefing.article_date
    written = [briefing.headline, *[s.sentence for s in briefing.bottom_line_support], *[e.what for e in briefing.events]]
    if not briefing.bottom_line_support:
        written.append(briefing.bottom_line)
    for text in written:
        for claim in unsupported_claims(text, article, article_date=day):
            problems.append(f"unsupported {claim.kind} {claim.text!r} in {text[:60]!r}: {claim.reason}")
    return problems


@pytest.fixture(scope="module")
def v3_runs(newsdesk: Suite, seeds: Suite, tmp_path_factory: pytest.TempPathFactory):
    """``at(rate, mode)``: v3 through ``summarise eval run`` on newsdesk and seeds against the scripted
    model at that fault rate (seed 0), once per module: the runs, briefings, fault tallies and the
    model's own figures, by suite."""
    done: dict[tuple[float, str], dict[str, dict[str, Any]]] = {}

    def at(rate: float, mode: str = "TOOLS") -> dict[str, dict[str, Any]]:
        if (rate, mode) in done:
            return done[(rate, mode)]
        tmp = tmp_path_factory.mktemp(f"v3-{rate:g}-{mode}")
        env = {"SUMMARISE_DATA_DIR": str(tmp / "data"), "SUMMARISE_MODE": mode}
        results: dict[str, dict[str, Any]] = {}
        for suite, path in ((newsdesk, NEWSDESK), (seeds, SEEDS)):
            model = ScriptedModel([suite], faults=rate, seed=0)
            with serve(model) as url:
                summary = _eval(path, tmp / f"runs-{suite.name}", url, "briefing@v3", env=env)
            briefings = _briefings(summary)
            articles = {i.id: i.article.text for i in suite.items}
            results[suite.name] = {
                "model": model, "summary": summary, "briefings": briefings, "articles": articles,
                "tally": tally(model.faults.values(), briefings, articles), "own": own_metrics(model, suite),
            }
        done[(rate, mode)] = results
        return results

    return at


@needs_v3
@pytest.mark.parametrize(("rate", "mode"), [(0.0, "TOOLS"), (0.2, "TOOLS"), (0.2, "JSON_SCHEMA")])
def test_v3_catches_every_injected_fault_and_nothing_fabricated_reaches_a_briefing(v3_runs, rate: float, mode: str):
    problems: list[str] = []
    for name, r in v3_runs(rate, mode).items():
        assert not r["model"].unanswered, r["model"].unanswered
        assert r["model"].modes == {mode}
        assert r["summary"]["run"]["briefed"] == len(r["articles"]), r["summary"]["run"]["per_article"]
        assert r["summary"]["run"]["metrics"]["fabricated"] == 0
        for article_id, briefing in r["briefings"].items():
            problems += [f"{name}/{article_id}: {p}" for p in _check_nothing_fabricated(briefing, r["articles"][article_id])]
        counts = r["tally"]
        problems += [f"{name}/{f.article_id}: {f.kind} got through: {f.after}" for f in counts["missed"]]
        caught = sum(counts["total"][c] for c in ("dropped", "corrected", "flagged"))
        if caught != counts["total"]["injected"]:
            problems.append(f"{name} at {rate:.0%}: {caught} of {counts['total']['injected']} faults caught")
    injected = sum(r["tally"]["total"]["injected"] for r in v3_runs(rate, mode).values())
    assert (injected > 0) == (rate > 0)
    assert not problems, "\n".join(problems)


@needs_v3
@pytest.mark.parametrize("rate", [0.0, 0.2])
def test_v3_is_per_field_at_or_above_the_models_own_and_the_rules(v3_runs, rate: float):
    """The toolkit never makes a better model worse, nor falls behind the rules it merges."""
    problems: list[str] = []
    for name, r in v3_runs(rate).items():
        v3 = _metrics(r["summary"]["run"]["metrics"])
        rules = _metrics(r["summary"]["baseline"]["metrics"])
        for label, *_ in FIGURES:
            if v3[label] is None:
                continue
            for who, other in (("its own", r["own"]), ("the rules", rules)):
                if other[label] is not None and v3[label] < other[label]:
                    problems.append(f"{name} at {rate:.0%}: v3's {label} {v3[label]:.4f} < {who} {other[label]:.4f}")
    assert not problems, "\n".join(problems)


@needs_v3
def test_v3_reads_a_long_article_in_chunks_and_catches_the_faults_in_each(scripted, newsdesk: Suite, tmp_path: Path):
    model = ScriptedModel([newsdesk], faults=0.2, seed=3)
    summary = _eval(NEWSDESK, tmp_path / "runs", scripted(model), "briefing@v3", env={"SUMMARISE_CHUNK_TOKENS": "300"})
    assert model.requests.count("ModelBriefing") > len(newsdesk.items), "no article was read in chunks"
    briefings = _briefings(summary)
    articles = {i.id: i.article.text for i in newsdesk.items}
    counts = tally(model.faults.values(), briefings, articles)
    assert counts["total"]["injected"] > 0
    assert not counts["missed"], [(f.article_id, f.kind, f.after) for f in counts["missed"]]
    for article_id, briefing in briefings.items():
        assert briefing is not None, article_id
        assert not _check_nothing_fabricated(briefing, articles[article_id]), article_id
