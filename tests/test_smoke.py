"""The one test that runs the embedded model for real: the bundled SmolLM2-135M, in process."""

from __future__ import annotations

import pytest

from summarise.extract import brief
from summarise.text import contains

pytest.importorskip("llama_cpp", reason="the embedded model needs the local extra")

ARTICLE = """SEOUL, Jan. 5 (Wire) - North Korea fired two ballistic missiles into the sea on Sunday, South Korea's Joint Chiefs of Staff said.
The missiles flew about 900 km before landing off the east coast, the military said.
Hong Min, an analyst at the Korea Institute for National Unification, said the timing was deliberate. "The underlying message is that attacking North Korea would not be easy," he noted.
"""


@pytest.mark.smoke
def test_bundled_model_briefs_an_article_in_process():
    briefing = brief(ARTICLE, model="local/smollm2-135m", prompt="briefing@v2")
    prov = briefing.provenance
    assert prov is not None and prov.backend == "local" and prov.model == "local/smollm2-135m"
    assert prov.calls >= 1 and prov.tokens_in > 0 and prov.tokens_out > 0
    assert any("not fit for analysis" in note for note in prov.notes)
    assert briefing.quotes, "the article has a quote: the grounded prompt must keep it"
    for quote in briefing.quotes:
        assert contains(ARTICLE, quote.text) and quote.span is not None
