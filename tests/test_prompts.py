from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarise import prompts
from summarise.cli import app
from summarise.errors import ConfigError
from summarise.prompts import check_lock, list_prompts, load_prompt


def test_every_prompt_on_disk_loads_and_renders():
    for p in list_prompts():
        values = {v: f"<{v}>" for v in p.variables}
        messages = p.render(**values)
        assert messages[-1]["role"] == "user"


def test_released_prompts_are_unchanged():
    """A released version is frozen: edit it and this fails. Make a new version instead."""
    assert check_lock() == []
    lock = prompts.read_lock()
    assert "briefing@v1" in lock


def test_every_prompt_version_is_released():
    lock = prompts.read_lock()
    assert {p.spec for p in list_prompts()} <= set(lock), "run `summarise prompts release` for new versions"


def test_default_is_newest_briefing_version():
    newest = max((p for p in list_prompts() if p.name == "briefing"), key=lambda p: int(p.version[1:]))
    assert load_prompt(None).spec == newest.spec == load_prompt("briefing").spec


def test_article_comes_last_so_the_prefix_is_shared():
    p = load_prompt("briefing@v1")
    a, b = p.render(article="ARTICLE ONE"), p.render(article="ARTICLE TWO")
    assert a[0] == b[0]
    prefix_a = a[-1]["content"].split("ARTICLE ONE")[0]
    assert a[-1]["content"].rstrip().endswith("</article>")
    assert b[-1]["content"].startswith(prefix_a)


@pytest.mark.parametrize(
    "spec, expected_error",
    [
        ("briefing@v99", "no version 'v99' of prompt 'briefing'"),
        ("nosuch@v1", "no prompt named 'nosuch'"),
    ],
)
def test_bad_specs(spec: str, expected_error: str):
    with pytest.raises(ConfigError, match=expected_error):
        load_prompt(spec)


def _write(root: Path, name: str, version: str, text: str) -> None:
    (root / name).mkdir(parents=True, exist_ok=True)
    (root / name / f"{version}.md").write_text(text, encoding="utf-8")


GOOD_FRONT = "---\nname: t\nversion: v1\ndescription: d\nchanges: c\n"


@pytest.mark.parametrize(
    "text, expected_error",
    [
        ("no front matter", "starts with YAML front matter"),
        ("---\nname: t\nversion: v1\n---\nbody {{ article }}", "lacks description, changes"),
        (GOOD_FRONT + "colour: red\n---\n{{ article }}", "unknown front matter keys colour"),
        (GOOD_FRONT + "---\n{{ article }} {{ speaker }}", "declares variables \\['article'\\] but the template uses"),
        (GOOD_FRONT + "---\n{% if %}", "template error"),
        ("---\nname: other\nversion: v1\ndescription: d\nchanges: c\n---\n{{ article }}", "the path disagrees"),
    ],
)
def test_broken_templates_fail_at_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected_error: str):
    _write(tmp_path, "t", "v1", text)
    monkeypatch.setattr(prompts, "prompts_dir", lambda: tmp_path)
    load_prompt.cache_clear()
    try:
        with pytest.raises(ConfigError, match=expected_error):
            load_prompt("t@v1")
    finally:
        load_prompt.cache_clear()


def test_editing_a_released_prompt_breaks_the_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _write(tmp_path, "t", "v1", GOOD_FRONT + "---\n{{ article }}")
    monkeypatch.setattr(prompts, "prompts_dir", lambda: tmp_path)
    load_prompt.cache_clear()
    try:
        assert prompts.release_prompts() == ["t@v1"]
        assert check_lock() == []
        _write(tmp_path, "t", "v1", GOOD_FRONT + "---\nSummarise: {{ article }}")
        assert check_lock() and "t@v1 was released" in check_lock()[0]
        with pytest.raises(ConfigError):
            prompts.release_prompts()
        listing = CliRunner().invoke(app, ["prompts", "list"])
        assert listing.exit_code == 0 and re.search(r"^t@v1 .*EDITED", listing.stdout, re.MULTILINE)
    finally:
        load_prompt.cache_clear()


def test_article_text_is_data_not_template():
    p = load_prompt("briefing@v1")
    content = p.render(article="a {{ x }} and {% if y %} b")[-1]["content"]
    assert "a {{ x }} and {% if y %} b" in content


def test_listing_and_help_import_no_model_stack():
    """Start-up stays fast only while these commands leave the heavy libraries alone (issue 5)."""
    heavy = ["llama_cpp", "instructor", "openai", "jinja2"]
    for args in (["prompts", "list"], ["--help"]):
        code = (
            "import sys\n"
            "from summarise.cli import app\n"
            f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
            f"print([m for m in {heavy!r} if m in sys.modules])"
        )
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert done.stdout.strip().splitlines()[-1] == "[]", (args, done.stdout[-300:])
