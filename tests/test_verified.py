"""briefing@v3 and the verified strategy, through a scripted server: what the model proposes is
checked item by item, re-asked once, dropped with its reason; long articles are read in pieces;
and the table of default prompts. Every article here is invented for the test."""

from __future__ import annotations

import json

import pytest

import summarise
import summarise.runs as runs
from summarise.chunks import split_into_chunks
from summarise.config import Settings
from summarise.defaults import BUNDLED, OTHERS, default_prompt, prompt_for
from summarise.errors import ConfigError
from summarise.grounding.claims import unsupported_claims

from .conftest import ScriptedHandler as Handler
from .conftest import run_cli

ARTICLE = """LINDMARK, March 3, 2026 (Harbour Wire) - The harbour board of Lindmark closed the old ferry pier after a storm cracked two of its pylons, the board said.

"The pier is not safe for anyone until the engineers have seen it," board chair Oda Farrow told reporters at the quay.

Engineers from the Vessmark Institute will inspect the 140-metre pier next week, Farrow said.

"We expect to have a report within a month," said Ilse Varn, an engineer at the institute.
"""

PIER_QUOTE = "The pier is not safe for anyone until the engineers have seen it"
REPORT_QUOTE = "We expect to have a report within a month"
EVENT_SENTENCE = (
    "LINDMARK, March 3, 2026 (Harbour Wire) - The harbour board of Lindmark closed the old ferry pier after "
    "a storm cracked two of its pylons, the board said."
)
PAIR_SENTENCE = "The harbour board of Lindmark closed the old ferry pier after a storm cracked two of its pylons, the board said."


def briefing(**changes) -> dict:
    """A ModelBriefing a capable model could write of ARTICLE, every item borne out by it."""
    good = {
        "headline": "Lindmark closes its old ferry pier after a storm",
        "bottom_line": [
            "The Lindmark harbour board closed the old ferry pier after a storm cracked two of its pylons.",
            "Engineers from the Vessmark Institute will inspect it.",
        ],
        "events": [
            {
                "type": "other",
                "what": "The harbour board closed the ferry pier after storm damage.",
                "date": None,
                "date_text": None,
                "place": "Lindmark",
                "actors": ["harbour board of Lindmark"],
                "quantities": [{"value": 2, "unit": "pylons", "measure": "pylons cracked", "text": "two of its pylons"}],
                "sentence": PAIR_SENTENCE,
            }
        ],
        "actors": [
            {"name": "harbour board of Lindmark", "kind": "organisation", "role": None, "affiliation": None},
            {"name": "Oda Farrow", "kind": "person", "role": "board chair", "affiliation": None},
            {"name": "Ilse Varn", "kind": "person", "role": "engineer", "affiliation": "Vessmark Institute"},
        ],
        "quotes": [
            {"text": PIER_QUOTE, "speaker": "Oda Farrow", "speaker_role": "board chair", "speaker_affiliation": None,
             "speaker_type": "official"},
            {"text": REPORT_QUOTE, "speaker": "Ilse Varn", "speaker_role": "engineer",
             "speaker_affiliation": "Vessmark Institute", "speaker_type": "analyst"},
        ],
    }
    good.update(changes)
    return good


def repair(**fields) -> str:
    return json.dumps({"headline": None, "bottom_line": [], "events": [], "actors": [], "quotes": [], **fields})


def settings(url: str, **more) -> Settings:
    return Settings(base_url=url, transport_retries=0, **more)


def brief(url: str, **more):
    return summarise.brief(ARTICLE, model="openai/m", prompt="briefing@v3", settings=settings(url, **more))


def tool_name(body: dict) -> str:
    return body["tools"][0]["function"]["name"]


def test_a_good_briefing_passes_whole_in_one_call(fake_server: str):
    Handler.answers = [json.dumps(briefing())]
    result = brief(fake_server)
    prov = result.provenance
    assert prov is not None and (prov.strategy, prov.prompt) == ("verified", "briefing@v3")
    assert Handler.hits == 1 and prov.calls == 1 and tool_name(Handler.bodies[0]) == "ModelBriefing"
    assert prov.dropped == []
    assert result.headline == "Lindmark closes its old ferry pier after a storm"
    assert result.bottom_line.startswith("The Lindmark harbour board closed the old ferry pier")
    assert {q.text for q in result.quotes} == {PIER_QUOTE, REPORT_QUOTE}
    assert all(q.source in ("model", "both") for q in result.quotes)
    for quote in result.quotes:  # the words shown are the article's own characters
        assert quote.span is not None and ARTICLE[quote.span.start:quote.span.end] == quote.text
    assert [e.source for e in result.events] and all(e.source in ("model", "both") for e in result.events)
    assert {a.name for a in result.actors} >= {"Oda Farrow", "Ilse Varn"}


def test_an_invented_quote_is_asked_once_more_with_its_error_then_dropped_with_the_reason(fake_server: str):
    invented = {"text": "We will build a bigger pier than before", "speaker": "Oda Farrow", "speaker_role": None,
                "speaker_affiliation": None, "speaker_type": "official"}
    Handler.answers = [json.dumps(briefing(quotes=[*briefing()["quotes"], invented])), repair(quotes=[invented])]
    result = brief(fake_server)
    assert Handler.hits == 2 and tool_name(Handler.bodies[1]) == "ModelRepair"
    asked = json.dumps(Handler.bodies[1]["messages"])
    assert "We will build a bigger pier than before" in asked and "is not in the article" in asked
    assert PIER_QUOTE not in asked.split("<article>")[0], "only the failed items are listed"
    assert {q.text for q in result.quotes} == {PIER_QUOTE, REPORT_QUOTE}
    (drop,) = [d for d in result.provenance.dropped if d.kind == "quote"]
    assert drop.reason.startswith("re-asked once, still:") and "is not in the article" in drop.reason
    assert drop.item["text"] == invented["text"]


def test_a_repair_that_fixes_an_item_keeps_it(fake_server: str):
    paraphrase = {"text": "We will have a report in a month", "speaker": "Ilse Varn", "speaker_role": "engineer",
                  "speaker_affiliation": "Vessmark Institute", "speaker_type": "analyst"}
    fixed = {**paraphrase, "text": REPORT_QUOTE}
    Handler.answers = [json.dumps(briefing(quotes=[briefing()["quotes"][0], paraphrase])), repair(quotes=[fixed])]
    result = brief(fake_server)
    assert Handler.hits == 2
    assert {q.text for q in result.quotes} == {PIER_QUOTE, REPORT_QUOTE}
    assert not [d for d in result.provenance.dropped if d.kind == "quote"]
    assert any("1 fixed" in n for n in result.provenance.notes)
    assert (result.provenance.calls, result.provenance.retries) == (2, 1)


def test_a_paraphrase_the_repair_cannot_fix_gives_way_to_the_articles_words(fake_server: str):
    paraphrase = {"text": "We will have a report in a month", "speaker": "Ilse Varn", "speaker_role": None,
                  "speaker_affiliation": None, "speaker_type": "analyst"}
    Handler.answers = [json.dumps(briefing(quotes=[briefing()["quotes"][0], paraphrase])), repair()]
    result = brief(fake_server)
    assert [d.kind for d in result.provenance.dropped] == ["quote"]
    by_text = {q.text: q for q in result.quotes}
    assert set(by_text) == {PIER_QUOTE, REPORT_QUOTE}
    restored = by_text[REPORT_QUOTE]  # the article's words (found by the rules), the model's attribution
    assert restored.source == "both" and restored.speaker == "Ilse Varn"
    assert any(f.startswith("words: the model's") for f in restored.flags)


def test_a_bottom_line_sentence_with_a_number_the_article_lacks_is_asked_again_then_dropped(fake_server: str):
    bad = "The board closed the pier after 7 pylons cracked in the storm."
    assert unsupported_claims(bad, ARTICLE), "the claim check must see the invented number"
    lines = [bad, "Engineers from the Vessmark Institute will inspect it."]
    Handler.answers = [json.dumps(briefing(bottom_line=lines)), repair(bottom_line=[bad])]
    result = brief(fake_server)
    assert Handler.hits == 2 and bad in json.dumps(Handler.bodies[1]["messages"])
    assert result.bottom_line == "Engineers from the Vessmark Institute will inspect it."
    (drop,) = [d for d in result.provenance.dropped if d.kind == "bottom_line"]
    assert drop.item == bad and "re-asked once, still" in drop.reason


def test_a_bottom_line_with_nothing_borne_out_gives_way_to_the_rules_and_says_so(fake_server: str):
    bad = "The board closed the pier after 7 pylons cracked in the storm."
    Handler.answers = [json.dumps(briefing(bottom_line=[bad])), repair(bottom_line=["Still 7 pylons cracked."])]
    result = brief(fake_server)
    assert "7" not in result.bottom_line and result.bottom_line.startswith("LINDMARK") is False
    assert "closed the old ferry pier" in result.bottom_line  # the rules' bottom line: the article's own sentence
    reasons = [d.reason for d in result.provenance.dropped if d.kind == "bottom_line"]
    assert any("the rules' bottom line is shown" in r for r in reasons)


INSPECT_SENTENCE = "Engineers from the Vessmark Institute will inspect the 140-metre pier next week, Farrow said."


def test_an_invented_event_on_a_real_sentence_the_rules_find_no_event_in_is_dropped_after_the_repair(fake_server: str):
    # a real sentence of the article, but a happening (and a person) the article does not hold
    invented = {"type": "statement", "what": "Gunnar Holt ordered 300 more guards to the pier.", "date": None,
                "date_text": None, "place": None, "actors": [], "quantities": [], "sentence": INSPECT_SENTENCE}
    Handler.answers = [json.dumps(briefing(events=[*briefing()["events"], invented])), repair(events=[invented])]
    result = brief(fake_server)
    assert Handler.hits == 2
    assert [e.sentence for e in result.events] == [PAIR_SENTENCE], "the event the model made up must not stand"
    assert not any("Gunnar Holt" in e.what for e in result.events)
    reasons = {d.kind: d.reason for d in result.provenance.dropped}
    assert "event_what" in reasons and "Gunnar Holt" in reasons["event_what"]
    assert "the rules found no event in its sentence" in reasons["event"]


def test_a_paraphrase_unlike_the_articles_words_gives_way_to_the_rules_quote_of_that_speaker(fake_server: str):
    # too unlike the article's words to be taken for them: the rules' quote of the same speaker stands
    paraphrase = {"text": "Results will come soon", "speaker": "Ilse Varn", "speaker_role": None,
                  "speaker_affiliation": None, "speaker_type": "analyst"}
    Handler.answers = [json.dumps(briefing(quotes=[briefing()["quotes"][0], paraphrase])), repair(quotes=[paraphrase])]
    result = brief(fake_server)
    by_text = {q.text: q for q in result.quotes}
    assert set(by_text) == {PIER_QUOTE, REPORT_QUOTE}
    kept = by_text[REPORT_QUOTE]
    assert kept.source == "rules" and kept.speaker == "Ilse Varn"
    assert any("Results will come soon" in f and "the rules' quote of that speaker is shown" in f for f in kept.flags)
    assert [d.kind for d in result.provenance.dropped] == ["quote"]


def test_an_actor_whose_name_is_not_the_articles_leaves_a_gap_the_rules_actor_fills(fake_server: str):
    actors = [a if a["name"] != "Oda Farrow" else {**a, "name": "Oda Farrel"} for a in briefing()["actors"]]
    Handler.answers = [json.dumps(briefing(actors=actors)), repair(actors=[actors[1]])]
    result = brief(fake_server)
    by_name = {a.name: a for a in result.actors}
    assert "Oda Farrel" not in by_name
    assert by_name["Oda Farrow"].source == "rules", "the model's quote names her: the rules' actor stands in"
    assert "Vessmark Institute" not in by_name, "a rules-only actor that fills no gap stays out"
    assert any(d.kind == "actor" and d.item["name"] == "Oda Farrel" for d in result.provenance.dropped)


SAME_DAY = """KESTRAL, April 9, 2026 (Coast Wire) - Storms closed the port of Kestral on Tuesday, the harbour office said.

On the same day, the city council opened two shelters for crews stranded by the closure.

The council will meet again in May to review the costs.
"""
STORM = "KESTRAL, April 9, 2026 (Coast Wire) - Storms closed the port of Kestral on Tuesday, the harbour office said."
SHELTERS = "On the same day, the city council opened two shelters for crews stranded by the closure."


def _same_day_briefing(shelter_date: str) -> dict:
    event = {"type": "other", "date_text": None, "place": "Kestral", "actors": [], "quantities": []}
    return {
        "headline": "Storms close the port of Kestral",
        "bottom_line": ["Storms closed the port of Kestral, and the city council opened two shelters."],
        "events": [
            {**event, "what": "Storms closed the port of Kestral.", "date": "2026-04-07", "date_text": "Tuesday", "sentence": STORM},
            {**event, "what": "The city council opened two shelters.", "date": shelter_date, "sentence": SHELTERS},
        ],
        "actors": [{"name": "city council", "kind": "organisation", "role": None, "affiliation": None}],
        "quotes": [],
    }


def _on(result, sentence: str):
    (event,) = [e for e in result.events if e.sentence == sentence]
    return event


def test_a_day_the_story_pins_for_another_event_is_kept_flagged_where_the_sentence_says_no_day(fake_server: str):
    Handler.answers = [json.dumps(_same_day_briefing("2026-04-07"))]
    result = summarise.brief(SAME_DAY, model="openai/m", prompt="briefing@v3", settings=settings(fake_server))
    assert Handler.hits == 1, "a day read from context is no failure to re-ask"
    shelters = _on(result, SHELTERS)
    assert str(shelters.date) == "2026-04-07"
    assert any("pins that day for another event" in f for f in shelters.flags)
    assert not [d for d in result.provenance.dropped if d.kind == "event_date"]


def test_a_day_the_article_pins_for_no_event_is_still_dropped(fake_server: str):
    Handler.answers = [json.dumps(_same_day_briefing("2026-04-05")), repair(events=[_same_day_briefing("2026-04-05")["events"][1]])]
    result = summarise.brief(SAME_DAY, model="openai/m", prompt="briefing@v3", settings=settings(fake_server))
    assert _on(result, SHELTERS).date is None
    assert [d.kind for d in result.provenance.dropped] == ["event_date"]


def test_a_field_the_model_left_empty_is_the_rules(fake_server: str):
    Handler.answers = [json.dumps(briefing(quotes=[]))]
    result = brief(fake_server)
    assert {q.text for q in result.quotes} == {PIER_QUOTE, REPORT_QUOTE}
    assert {q.source for q in result.quotes} == {"rules"}
    assert any("no quotes of the model's passed the checks: the rules' are shown" in n for n in result.provenance.notes)


def test_an_answer_over_the_caps_is_not_asked_again_whole_its_items_are_cut_to_fit(fake_server: str):
    event = {**briefing()["events"][0], "actors": ["harbour board of Lindmark"] * 7}
    Handler.answers = [json.dumps(briefing(events=[event]))]
    result = brief(fake_server)
    assert Handler.hits == 1, "a structure error costs no whole re-ask"
    (kept,) = result.events
    assert kept.sentence == PAIR_SENTENCE and len(kept.actors) <= 6
    assert any("not valid whole" in n for n in result.provenance.notes)


def test_an_answer_cut_at_the_cap_is_asked_again_once_with_more_room(fake_server: str):
    Handler.script = ["cut_at_cap"]
    Handler.answer = json.dumps(briefing())
    result = brief(fake_server)
    assert Handler.hits == 2
    assert [b["max_tokens"] for b in Handler.bodies] == [4096, 8192]
    assert any("asked again once, with 8192" in n for n in result.provenance.notes)
    assert (result.provenance.calls, result.provenance.retries) == (2, 1)
    assert {q.text for q in result.quotes} == {PIER_QUOTE, REPORT_QUOTE}


# --------------------------------------------------------------------------------------------
# long articles: overlapping pieces, one item for what the overlap repeats
# --------------------------------------------------------------------------------------------

LONG = ARTICLE + "".join(
    f"\nThe ferry timetable for week {n} lists crossings from the north quay to the island of Skarr, and the board "
    f"will post changes at the ticket office in the old customs house.\n"
    for n in range(1, 31)
)


def test_split_into_chunks_covers_the_article_in_overlapping_pieces_cut_at_paragraphs():
    count = lambda text: max(1, len(text) // 4)  # noqa: E731
    chunks = split_into_chunks(LONG, 200, count)
    assert len(chunks) > 3
    assert chunks[0].start == 0 and chunks[-1].end == len(LONG)
    for before, after in zip(chunks, chunks[1:]):
        assert after.start < before.end, "each piece repeats the end of the one before"
        assert after.start > before.start, "and moves on"
        assert LONG[after.start - 1] == "\n", "pieces start at a paragraph"
    assert all(c.text == LONG[c.start:c.end] and count(c.text) <= 200 for c in chunks)
    assert split_into_chunks(ARTICLE, 10_000, count) == [split_into_chunks(ARTICLE, 10_000, count)[0]]


def test_a_long_article_is_read_in_pieces_and_the_overlap_repeats_are_one_item(fake_server: str):
    Handler.answer = json.dumps(briefing())  # every piece's answer names the same items
    result = summarise.brief(LONG, model="openai/m", prompt="briefing@v3", settings=settings(fake_server, chunk_tokens=200))
    read = [b["messages"][-1]["content"] for b in Handler.bodies]
    assert len(read) > 3 and all(len(r) < len(LONG) for r in read)
    assert sorted(q.text for q in result.quotes) == sorted([PIER_QUOTE, REPORT_QUOTE])
    assert len(result.events) == 1 and len({a.name for a in result.actors}) == len(result.actors)
    assert any(f"read in {len(read)} overlapping pieces" in n for n in result.provenance.notes)


def test_an_article_longer_than_the_context_is_read_in_pieces_not_refused(fake_server: str):
    Handler.answer = json.dumps(briefing())
    result = summarise.brief(LONG, model="openai/m", prompt="briefing@v3", settings=settings(fake_server, context_tokens=6500))
    assert Handler.hits > 1 and result.quotes
    assert any("6,500-token context" in n for n in result.provenance.notes)


# --------------------------------------------------------------------------------------------
# the table of default prompts
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "model, prompt, measured",
    [("smollm2-135m", "briefing@v2", True), ("SmolLM2-135M-Instruct-Q8_0.gguf", "briefing@v2", True),
     ("gpt-4o-mini", "briefing@v3", False), ("qwen2.5:7b", "briefing@v3", False)],
)
def test_the_default_prompt_follows_the_model(model: str, prompt: str, measured: bool):
    row = default_prompt(model)
    assert (row.prompt, row.measured) == (prompt, measured)
    assert prompt_for(None, model) == (prompt, row)
    assert prompt_for("briefing@v1", model) == ("briefing@v1", None)


def test_brief_says_once_which_default_prompt_it_uses_and_why(fake_server: str, tmp_path):
    Handler.answer = json.dumps(briefing())
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(ARTICLE), two.write_text(ARTICLE)
    result = run_cli("brief", str(one), str(two), "--model", "openai/m", "--base-url", fake_server, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count(OTHERS.notice()) == 1
    assert OTHERS.notice() == "prompt briefing@v3: the default for openai-compatible backends; --prompt to choose another"
    assert {b["provenance"]["prompt"] for b in json.loads(result.stdout)} == {"briefing@v3"}
    named = run_cli("brief", str(one), "--model", "openai/m", "--base-url", fake_server, "--prompt", "briefing@v1", "--format", "json")
    assert named.exit_code == 0, named.stderr
    assert "the default for" not in named.stderr
    assert json.loads(named.stdout)[0]["provenance"]["prompt"] == "briefing@v1"


def test_eval_run_gives_the_bundled_model_v2_unless_told(monkeypatch: pytest.MonkeyPatch):
    asked: list[str] = []

    def stop(suite, *, prompt, **kwargs):
        asked.append(prompt.spec)
        raise ConfigError("stopped before running")

    monkeypatch.setattr(runs, "run_eval", stop)
    result = run_cli("eval", "run", "seeds", "--model", "local/smollm2-135m")
    assert result.exit_code == 2 and BUNDLED.notice() in result.stderr
    told = run_cli("eval", "run", "seeds", "--model", "local/smollm2-135m", "--prompt", "briefing@v3")
    assert told.exit_code == 2 and "the default for" not in told.stderr
    assert asked == ["briefing@v2", "briefing@v3"]


def test_the_models_command_shows_the_table_and_what_was_measured():
    result = run_cli("models")
    assert result.exit_code == 0, result.stderr
    assert "briefing@v2" in result.stdout and "briefing@v3" in result.stdout
    assert "NOT measured on a real model here" in result.stdout


def test_every_briefing_says_where_its_items_came_from():
    result = summarise.brief(ARTICLE, model="rules")
    items = [*result.events, *result.actors, *result.quotes]
    assert items and {i.source for i in items} == {"rules"}


def test_a_dropped_actor_no_item_names_gives_way_to_the_one_rules_actor_of_its_kind(fake_server: str):
    misnamed = {"name": "Vessmark Academy", "kind": "organisation", "role": None, "affiliation": None}
    Handler.answers = [json.dumps(briefing(actors=[*briefing()["actors"], misnamed])), repair(actors=[misnamed])]
    result = brief(fake_server)
    by_name = {a.name: a for a in result.actors}
    assert "Vessmark Academy" not in by_name
    stand_in = by_name["Vessmark Institute"]
    assert stand_in.source == "rules" and any("was not named in the article" in f for f in stand_in.flags)
