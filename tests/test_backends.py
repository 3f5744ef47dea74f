from __future__ import annotations

import pytest

from summarise.backends import KINDS, ModelSpec, open_backend, parse_spec
from summarise.config import Settings
from summarise.errors import ConfigError


@pytest.mark.parametrize(
    "spec, base_url, expected",
    [
        ("rules", None, ModelSpec("rules", "rules")),
        ("local/smollm2-135m", None, ModelSpec("local", "smollm2-135m")),
        ("local/models/x.gguf", None, ModelSpec("local", "models/x.gguf")),
        ("openai/gpt-4o-mini", None, ModelSpec("openai", "gpt-4o-mini")),
        ("ollama/qwen2.5:7b", None, ModelSpec("ollama", "qwen2.5:7b", "http://127.0.0.1:11434/v1")),
        ("openai/smollm2", "http://127.0.0.1:8080/v1/", ModelSpec("server", "smollm2", "http://127.0.0.1:8080/v1")),
        ("ollama/llama3", "http://gpu-box:11434/v1", ModelSpec("ollama", "llama3", "http://gpu-box:11434/v1")),
        ("llamacpp/smollm2-135m", None, ModelSpec("llamacpp", "smollm2-135m", "http://127.0.0.1:8080/v1")),
        ("llamacpp/m", "http://gpu-box:8080/v1", ModelSpec("llamacpp", "m", "http://gpu-box:8080/v1")),
    ],
)
def test_parse_spec(spec, base_url, expected):
    assert parse_spec(spec, base_url) == expected


@pytest.mark.parametrize(
    "spec, base_url, expected_error",
    [
        ("gpt-4o", None, "needs a backend: write backend/model"),
        ("llama/x", None, "unknown backend 'llama'"),
        ("server/x", None, "unknown backend 'server'"),
        ("openai/", None, "needs a backend"),
        ("local/x.gguf", "http://127.0.0.1:1/v1", "runs in process"),
        ("rules", "http://127.0.0.1:1/v1", "uses no model server"),
    ],
)
def test_bad_specs_say_what_to_write(spec, base_url, expected_error):
    with pytest.raises(ConfigError, match=expected_error):
        parse_spec(spec, base_url)


def test_each_backend_declares_a_real_instructor_mode():
    import instructor

    for kind in KINDS.values():
        assert instructor.Mode[kind.mode]
    assert KINDS["local"].mode == "TOOLS"  # llama.cpp rejects response_format json_schema
    assert KINDS["ollama"].mode == "JSON_SCHEMA"
    assert KINDS["llamacpp"].mode == "JSON_SCHEMA"  # llama-server ignores a forced tool_choice


def test_openai_needs_its_key():
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        open_backend(parse_spec("openai/gpt-4o-mini"), Settings())


def test_a_custom_server_never_receives_the_openai_key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-openai")
    backend = open_backend(parse_spec("openai/m", "http://127.0.0.1:9/v1"), Settings())
    assert backend.client.client.api_key != "sk-secret-openai"
    monkeypatch.setenv("SUMMARISE_API_KEY", "server-key")
    backend = open_backend(parse_spec("openai/m", "http://127.0.0.1:9/v1"), Settings())
    assert backend.client.client.api_key == "server-key"


def test_llama_server_gets_our_server_key_never_openais(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-openai")
    monkeypatch.setenv("SUMMARISE_API_KEY", "server-key")
    backend = open_backend(parse_spec("llamacpp/m"), Settings())
    assert backend.client.client.api_key == "server-key"
    assert open_backend(parse_spec("ollama/m"), Settings()).client.client.api_key == "not-needed"


def test_openai_backend_gets_its_key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-openai")
    backend = open_backend(parse_spec("openai/gpt-4o-mini"), Settings())
    assert backend.client.client.api_key == "sk-secret-openai"


def test_unknown_mode_override():
    with pytest.raises(ConfigError, match="unknown instructor mode"):
        open_backend(parse_spec("ollama/x"), Settings(mode="telepathy"))


def test_unknown_local_model_lists_the_known():
    with pytest.raises(ConfigError, match="use one of smollm2-135m"):
        open_backend(parse_spec("local/gpt5"), Settings())
