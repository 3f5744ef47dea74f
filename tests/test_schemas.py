from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from summarise.publish import briefing_schema, schema_path
from summarise.schemas import BriefingDraft, EventDraft, QuoteDraft, salvage_draft

ARTICLE = 'SEOUL - North Korea fired two missiles on Sunday, the military said. "This is a grave provocation," said Lee Min-ho, a defence ministry official.'


def test_published_schema_matches_the_models():
    """A schema change is a new version, made on purpose: bump SCHEMA_VERSION and publish."""
    assert json.loads(schema_path().read_text()) == briefing_schema()


def test_every_list_is_bounded_for_grammar_based_decoding():
    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "array":
                assert "maxItems" in node, node
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(BriefingDraft.model_json_schema())  # what a model fills, compiled into a grammar


@pytest.mark.parametrize(
    "text, ok",
    [
        ("This is a grave provocation,", True),
        ("\u201cThis is a grave provocation,\u201d", True),  # marks around the words are stripped
        ("This  is a grave\nprovocation", True),  # white space is not a difference
        ("This is a serious provocation", False),  # paraphrase
        ("", False),
    ],
)
def test_quote_words_must_be_in_the_article(text: str, ok: bool):
    data = {"text": text, "speaker": "Lee Min-ho"}
    if ok:
        QuoteDraft.model_validate(data, context={"article": ARTICLE})
    else:
        with pytest.raises(ValidationError):
            QuoteDraft.model_validate(data, context={"article": ARTICLE})


def test_validators_explain_what_to_do():
    with pytest.raises(ValidationError, match="copy the article's sentence exactly"):
        EventDraft.model_validate(
            {"type": "missile_launch", "what": "launch", "sentence": "North Korea launched three missiles."},
            context={"article": ARTICLE},
        )


def test_dates_must_be_real():
    with pytest.raises(ValidationError):
        EventDraft.model_validate({"type": "other", "what": "x", "date": "2026-02-30", "sentence": "x"})


def test_event_actors_must_be_listed():
    with pytest.raises(ValidationError, match="not in the actors list"):
        BriefingDraft.model_validate({
            "headline": "h", "bottom_line": "b", "actors": [{"name": "North Korea", "kind": "state"}],
            "events": [{"type": "missile_launch", "what": "w", "actors": ["North Korea", "Japan"],
                        "sentence": "North Korea fired two missiles on Sunday, the military said."}],
        }, context={"article": ARTICLE})


def test_salvage_keeps_valid_items_and_records_each_drop():
    data = {
        "headline": "h", "bottom_line": "b",
        "quotes": [{"text": "This is a grave provocation,"}, {"text": "We will retaliate"}],
        "actors": [{"name": "North Korea", "kind": "state"}, {"name": "Atlantis", "kind": "state"}],
        "events": [{"type": "missile_launch", "what": "w", "actors": ["North Korea", "Atlantis"],
                    "sentence": "North Korea fired two missiles on Sunday, the military said."}],
    }
    draft, drops = salvage_draft(data, ARTICLE)
    assert [q.text for q in draft.quotes] == ["This is a grave provocation,"]
    assert [a.name for a in draft.actors] == ["North Korea"]
    assert draft.events[0].actors == ["North Korea"]
    assert sorted(d.kind for d in drops) == ["actor", "event_actor", "quote"]
