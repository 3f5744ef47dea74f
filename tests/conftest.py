"""Test isolation and the cassette settings.

Every test gets its own data directory (models, cache) and fresh settings. Tests that talk to a
model server replay cassettes recorded by `make cassettes`; matching includes the request body,
so a changed prompt or schema can never replay an old answer.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from summarise.config import get_settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "evals" / "seeds" / "articles"
#: The address cassettes were recorded against; `make cassettes` serves the bundled model there.
SERVER = os.environ.get("SUMMARISE_TEST_SERVER", "http://127.0.0.1:8765/v1")


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    for name in list(os.environ):
        if name.startswith("SUMMARISE_") and name != "SUMMARISE_TEST_SERVER":
            monkeypatch.delenv(name)
    monkeypatch.setenv("SUMMARISE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def vcr_config() -> dict:
    return {
        "filter_headers": ["authorization", "openai-organization", "openai-project", "x-api-key"],
        "match_on": ["method", "scheme", "host", "port", "path", "query", "body"],
        "decode_compressed_response": True,
    }


def completion(answer: str, finish: str = "stop", as_content: bool = False) -> dict:
    """An OpenAI chat.completion body: ``answer`` as forced tool-call arguments (TOOLS mode) or
    as message content (JSON_SCHEMA mode), ending with ``finish``."""
    message = (
        {"role": "assistant", "content": answer}
        if as_content
        else {"role": "assistant", "content": None,
              "tool_calls": [{"id": "c", "type": "function", "function": {"name": "BriefingDraft", "arguments": answer}}]}
    )
    return {
        "id": "x", "object": "chat.completion", "created": 0, "model": "m",
        "choices": [{"index": 0, "finish_reason": finish, "message": message}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


@pytest.fixture()
def seed_text() -> str:
    return (SEEDS / "002_27e096ec9d555072.txt").read_text(encoding="utf-8")
