"""Strategies are found by name: a prompt's ``strategy`` front matter, or ``--model rules``.

The strategy here is defined by the test itself, the way a new one would be added: a function
that registers itself, and a prompt that names it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import summarise
from summarise import prompts, strategies
from summarise.config import Settings
from summarise.errors import ConfigError
from summarise.prompts import load_prompt
from summarise.schemas import BriefingDraft
from summarise.strategies import Job

STORY = "The harbour board of Lindmark closed the old ferry pier on Tuesday after a storm cracked it.\n"
SEEN: list[Job] = []


@strategies.register("parrot")
def parrot(job: Job) -> BriefingDraft:
    """Headline: the prompt's own first message, so the test sees its prompt was the one used."""
    SEEN.append(job)
    first = job.prompt.render(article=job.article.text)[0]["content"]
    return BriefingDraft(headline=first, bottom_line=job.article.text.strip())


def _prompt(folder: Path, name: str, strategy: str) -> None:
    (folder / name).mkdir()
    (folder / name / "v1.md").write_text(
        f"---\nname: {name}\nversion: v1\ndescription: d\nchanges: c\nstrategy: {strategy}\n---\n"
        "Repeat after me.\n--- user ---\n{{ article }}\n",
        encoding="utf-8",
    )


@pytest.fixture
def own_prompts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(prompts, "prompts_dir", lambda: tmp_path)
    load_prompt.cache_clear()
    SEEN.clear()
    yield tmp_path
    load_prompt.cache_clear()


# no server is ever asked: the parrot never calls its backend, and opening one connects nowhere
SETTINGS = Settings(base_url="http://127.0.0.1:9/v1")


def test_a_strategy_registered_outside_the_package_runs_the_prompt_that_names_it(own_prompts: Path) -> None:
    _prompt(own_prompts, "echo", "parrot")
    briefing = summarise.brief(STORY, model="llamacpp/m", prompt="echo@v1", settings=SETTINGS)
    assert len(SEEN) == 1 and SEEN[0].backend is not None and SEEN[0].prompt.spec == "echo@v1"
    assert briefing.headline == "Repeat after me."
    assert briefing.provenance is not None
    assert (briefing.provenance.strategy, briefing.provenance.prompt) == ("parrot", "echo@v1")
    assert "parrot" in strategies.names() and strategies.get("parrot").run is parrot


def test_model_rules_is_the_rules_strategy_whatever_the_prompt_names(own_prompts: Path) -> None:
    _prompt(own_prompts, "echo", "parrot")
    briefing = summarise.brief(STORY, model="rules", prompt="echo@v1", settings=Settings())
    assert SEEN == []
    assert briefing.provenance is not None
    assert (briefing.provenance.strategy, briefing.provenance.prompt, briefing.provenance.prompt_hash) == ("rules", "rules", "")


def test_a_prompt_naming_no_known_strategy_says_which_there_are(own_prompts: Path) -> None:
    _prompt(own_prompts, "odd", "telepathy")
    with pytest.raises(ConfigError, match=r"odd@v1 names an unknown strategy 'telepathy'; there are: .*grounded.*single"):
        summarise.brief(STORY, model="llamacpp/m", prompt="odd@v1", settings=SETTINGS)


def test_a_name_is_registered_once() -> None:
    with pytest.raises(ValueError, match="'single' is already registered"):
        strategies.register("single")(parrot)
    assert strategies.get("single").run is not parrot
    with pytest.raises(ConfigError, match="no strategy named 'nope'"):
        strategies.get("nope")
