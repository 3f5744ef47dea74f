"""The briefing call: against a recorded llama.cpp server (cassettes) and a scripted transport."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

import httpx2
import pytest
from pydantic import BaseModel

from summarise.articles import read_article
from summarise.backends import open_backend, parse_spec
from summarise.call import CallStats, ask
from summarise.config import Settings
from summarise.extract import extract_briefing
from summarise.grounding.claims import unsupported_claims
from summarise.rules import bottom_line_candidates
from summarise.schemas import BriefingDraft
from summarise.text import contains

from .conftest import SEEDS, SERVER, completion


def _scripted(replies: list[str] | list[tuple[str, str]], seen: list[dict], as_content: bool = False) -> httpx2.Client:
    """An HTTP client whose 'server' answers each request with the next reply: tool-call arguments,
    or (finish_reason, content) pairs from a JSON-schema server with ``as_content``."""

    def handle(request: httpx2.Request) -> httpx2.Response:
        seen.append(json.loads(request.content))
        reply = replies[min(len(seen) - 1, len(replies) - 1)]
        finish, answer = reply if isinstance(reply, tuple) else ("stop", reply)
        return httpx2.Response(200, json=completion(answer, finish, as_content))

    return httpx2.Client(transport=httpx2.MockTransport(handle))


ARTICLE = 'Kim said "we will test again soon" on Sunday. Template-looking text: {{ x }} and {% if y %}.'


def test_article_braces_reach_the_model_verbatim():
    """instructor renders messages with Jinja when context= is given; the article must survive it."""
    seen: list[dict] = []
    backend = open_backend(parse_spec("openai/m", "http://x/v1"), Settings(), http_client=_scripted(
        [json.dumps({"headline": "h", "bottom_line": "b", "events": [], "actors": [], "quotes": []})], seen))
    messages = [{"role": "user", "content": ARTICLE}]
    draft, _ = ask(backend, messages, BriefingDraft, article=ARTICLE, settings=Settings(), stats=CallStats())
    assert draft is not None
    assert seen[0]["messages"][0]["content"] == ARTICLE


def test_invented_quote_is_reasked_with_the_error_then_dropped_and_recorded():
    seen: list[dict] = []
    bad = json.dumps({"headline": "h", "bottom_line": "b", "events": [], "actors": [],
                      "quotes": [{"text": "we will test again soon", "speaker": "Kim"},
                                 {"text": "we will crush our enemies", "speaker": "Kim"}]})
    backend = open_backend(parse_spec("openai/m", "http://x/v1"), Settings(), http_client=_scripted([bad], seen))
    stats = CallStats()
    messages = [{"role": "user", "content": ARTICLE}]
    draft, raw = ask(backend, messages, BriefingDraft, article=ARTICLE, settings=Settings(reasks=1), stats=stats)
    assert draft is None and raw is not None
    assert len(seen) == 2 and stats.calls == 2 and stats.reasks == 1
    reask = json.dumps(seen[1]["messages"])
    assert "we will crush our enemies" in reask and "is not in the article" in reask
    assert messages == [{"role": "user", "content": ARTICLE}], "a re-ask must not touch the caller's messages"


class Pick(BaseModel):
    sentence: Literal["1", "2"]


@pytest.mark.parametrize(
    "replies, calls, answer, noted",
    [
        ([("length", '{\n\n"sentence"\n\n: "1')], 2, None, "80-token cap"),  # cut twice: noted, no answer
        ([("length", '{\n\n"sentence"\n\n: "1'), ("stop", '{"sentence": "2"}')], 2, "2", None),  # room helps
        ([("length", '{"sentence": "1"}')], 1, "1", None),  # whole JSON, then padding to the cap: taken
    ],
)
def test_a_small_answer_cut_by_its_cap_is_asked_again_with_room(replies, calls, answer, noted):
    seen: list[dict] = []
    backend = open_backend(parse_spec("llamacpp/m", "http://x/v1"), Settings(), http_client=_scripted(replies, seen, as_content=True))
    stats = CallStats()
    got, _ = ask(backend, [{"role": "user", "content": "1. a\n2. b"}], Pick, article="a b", settings=Settings(),
                 stats=stats, max_tokens=20)
    assert [b["max_tokens"] for b in seen] == [20, 80][:calls]
    assert (got.sentence if got else None) == answer
    assert stats.calls == calls and stats.reasks == calls - 1
    assert (noted in " ".join(stats.notes)) if noted else stats.notes == []


def _settings() -> Settings:
    return Settings(base_url=SERVER, transport_retries=0, max_tokens=512, timeout_s=600)


@pytest.mark.cassette
@pytest.mark.vcr
@pytest.mark.parametrize("prompt", ["briefing@v1", "briefing@v2", "briefing@v3"])
def test_briefing_through_a_llama_cpp_server(prompt: str):
    article = read_article(SEEDS / "002_27e096ec9d555072.txt")
    briefing = extract_briefing(article, model="openai/smollm2-135m", prompt=prompt, settings=_settings())
    prov = briefing.provenance
    assert prov is not None and prov.backend == "server" and prov.prompt == prompt
    assert prov.calls >= 1 and prov.tokens_in > 0
    if prompt == "briefing@v1":  # what the recorded model answered: a headline, a bottom line, no items
        assert briefing.headline.startswith("The North Korea Ballistic Missile Launch 2026")
        assert briefing.bottom_line.startswith("North Korea conducted its first ballistic missile launch of 2026")
    elif prompt == "briefing@v2":  # the recorded model chose sentence 1 for the bottom line; the quotes are the rules'
        assert briefing.bottom_line == bottom_line_candidates(article.text)[0]
        assert briefing.quotes
    else:  # whatever the bundled model wrote, nothing it made up reaches the briefing
        assert prov.strategy == "verified"
        for quote in briefing.quotes:  # no fabricated quote: its words are the article's slice at its span
            assert quote.span is not None and article.text[quote.span.start:quote.span.end] == quote.text
        day = briefing.article_date
        for written in [briefing.headline, briefing.bottom_line, *(e.what for e in briefing.events)]:
            assert unsupported_claims(written, article.text, article_date=day) == [], written
    for quote in briefing.quotes:
        assert contains(article.text, quote.text)
        assert quote.span is not None
        assert article.text[quote.span.start:quote.span.end]


def test_cassettes_carry_no_credentials():
    cassettes = list((Path(__file__).parent / "cassettes").rglob("*.yaml"))
    assert cassettes, "record them with `make cassettes`"
    for path in cassettes:
        text = path.read_text(encoding="utf-8").lower()
        assert "authorization" not in text and not re.search(r"\bsk-[a-z0-9_-]{20,}", text), path
