from __future__ import annotations

import pytest

import importlib.metadata
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx2
from typer.testing import CliRunner

from summarise import backends
from summarise.backends import (
    ENTRY_POINT_GROUP,
    KINDS,
    Backend,
    BackendKind,
    ModelSpec,
    backend_kinds,
    load_backend_plugins,
    open_backend,
    openai_compatible,
    parse_spec,
    register_kind,
    unregister_kind,
)
from summarise.cli import app
from summarise.config import Settings
from summarise.errors import ConfigError
from summarise.redact import redact

from .conftest import completion, run_cli


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


# ---------------------------------------------------------------------------------------------
# The registry: a kind defined here, entering through the same door as the built-ins and plugins
# ---------------------------------------------------------------------------------------------

#: What the test kind's "server" was sent, request bodies in order.
ECHO_SEEN: list[dict] = []
_DRAFT = {"headline": "Kim spoke", "bottom_line": "Kim spoke on Sunday.", "events": [], "actors": [], "quotes": []}


def _echo_factory(kind: BackendKind, spec: ModelSpec, settings: Settings, http_client: object) -> Backend:
    """A third party's factory: its server is a function here, answering every request with a
    JSON briefing draft as message content."""

    def handle(request: httpx2.Request) -> httpx2.Response:
        ECHO_SEEN.append(json.loads(request.content))
        return httpx2.Response(200, json=completion(json.dumps(_DRAFT), as_content=True))

    return openai_compatible(kind, spec, settings, http_client or httpx2.Client(transport=httpx2.MockTransport(handle)))


ECHO = BackendKind(
    "echo", _echo_factory, mode="JSON_SCHEMA", example="m", base_url="http://echo.invalid/v1", batches=True,
    key_env="ECHO_TEST_KEY", help="a kind defined by a test",
)


@pytest.fixture()
def echo_kind():
    ECHO_SEEN.clear()
    register_kind(ECHO)
    yield ECHO
    unregister_kind(ECHO.name)


def test_a_registered_kind_is_parsed_opened_and_listed(echo_kind, monkeypatch):
    assert parse_spec("echo/m") == ModelSpec("echo", "m", "http://echo.invalid/v1")
    assert parse_spec("echo/m", "http://gpu-box:9/v1/") == ModelSpec("echo", "m", "http://gpu-box:9/v1")
    with pytest.raises(ConfigError, match=r"use one of local, openai, ollama, llamacpp, echo, or rules"):
        parse_spec("nope/m")
    with pytest.raises(ConfigError, match=r"e\.g\. local/smollm2-135m, openai/gpt-4o-mini, ollama/qwen2\.5:7b, echo/m"):
        parse_spec("m")
    monkeypatch.setenv("ECHO_TEST_KEY", "echo-key")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-openai")
    backend = open_backend(parse_spec("echo/m"), Settings())
    assert backend.kind is echo_kind and backend.client.mode.name == "JSON_SCHEMA"
    assert backend.client.client.api_key == "echo-key"  # its own key, declared, never another kind's
    listed = CliRunner().invoke(app, ["models"]).stdout
    assert "echo/" in listed and "a kind defined by a test" in listed


def test_a_registered_kind_briefs_from_the_command_line(echo_kind, tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text('Kim said "we will test again soon" on Sunday, officials said.\n')
    result = run_cli("brief", str(article), "--model", "echo/m", "--prompt", "briefing@v1", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    briefing = data[0] if isinstance(data, list) else data
    assert briefing["provenance"]["backend"] == "echo" and briefing["provenance"]["calls"] >= 1
    assert ECHO_SEEN and ECHO_SEEN[0]["model"] == "m" and ECHO_SEEN[0]["response_format"]["type"] == "json_schema"


def test_a_kind_cannot_take_a_name_already_taken(echo_kind):
    with pytest.raises(ConfigError, match="registered twice"):
        register_kind(BackendKind("ollama", _echo_factory, mode="TOOLS"))
    with pytest.raises(ConfigError, match="plain name"):
        register_kind(BackendKind("a/b", _echo_factory, mode="TOOLS"))
    register_kind(ECHO)  # the same kind again (a plugin read twice) is harmless
    assert KINDS["ollama"].base_url == "http://127.0.0.1:11434/v1"


def test_models_lists_only_what_a_spec_may_name():
    listed = CliRunner().invoke(app, ["models"]).stdout
    prefixes = [line.split()[0] for line in listed.splitlines() if line.startswith("  ") and line.split()[0].endswith("/")]
    assert prefixes == [k.name + "/" for k in backend_kinds(pickable=True)]
    assert "server/" not in listed  # reached as openai/NAME --base-url URL, never named
    for prefix in prefixes:
        assert parse_spec(prefix + "m").backend == prefix[:-1]


def _entry_point(value: str) -> importlib.metadata.EntryPoint:
    return importlib.metadata.EntryPoint(name="echo", value=value, group=ENTRY_POINT_GROUP)


def test_an_entry_point_plugin_registers_its_kind(monkeypatch):
    asked = []

    def entry_points(**selection):
        asked.append(selection)
        return [_entry_point(f"{__name__}:ECHO")]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    try:
        assert load_backend_plugins() == ["echo"]
        assert asked == [{"group": "summarise.backends"}]
        assert parse_spec("echo/x").backend == "echo" and KINDS["echo"] is ECHO
    finally:
        unregister_kind("echo")


def test_plugins_are_read_on_the_first_look_up(monkeypatch):
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_: [_entry_point(f"{__name__}:ECHO")])
    monkeypatch.setattr(backends, "_plugins_loaded", False)  # as in a fresh process
    try:
        assert parse_spec("echo/x") == ModelSpec("echo", "x", "http://echo.invalid/v1")
    finally:
        unregister_kind("echo")


@pytest.mark.parametrize(
    "value, expected_error",
    [
        (f"{__name__}:_DRAFT", r"backend plugin 'echo' \(.*:_DRAFT\) is a dict, not a summarise.backends.BackendKind"),
        ("summarise_no_such_plugin:KIND", r"backend plugin 'echo' .* failed to load: ModuleNotFoundError"),
    ],
)
def test_a_broken_plugin_is_named(monkeypatch, value, expected_error):
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_: [_entry_point(value)])
    with pytest.raises(ConfigError, match=expected_error):
        load_backend_plugins()


def test_an_installed_distribution_adds_a_kind_to_the_command_line(tmp_path: Path):
    """For real: a package on the path that declares the entry point, read by importlib.metadata."""
    (tmp_path / "echo_plugin.py").write_text(textwrap.dedent("""
        from summarise.backends import BackendKind, openai_compatible
        KIND = BackendKind("echoplug", openai_compatible, mode="TOOLS", base_url="http://127.0.0.1:9/v1",
                           help="a kind from an installed plugin")
    """))
    info = tmp_path / "echo_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: echo-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\nechoplug = echo_plugin:KIND\n")
    code = "import sys; sys.argv = ['summarise', 'models']; from summarise.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert "echoplug/" in done.stdout and "a kind from an installed plugin" in done.stdout


def test_a_plugin_kinds_key_is_redacted_from_error_text(echo_kind, monkeypatch) -> None:
    monkeypatch.setenv("ECHO_TEST_KEY", "echo-secret-7f3a9c21d4")
    echoed = "HTTP 400: bad request, header was Key echo-secret-7f3a9c21d4"
    assert "echo-secret" not in redact(echoed)
