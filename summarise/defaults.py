"""Which prompt a backend gets when none is named: one table, each row saying whether it was measured.

The newest prompt is not the best one for every model. ``briefing@v3`` asks a model to write the
whole briefing, which a capable model does well and the bundled 135M model does not; ``briefing@v2``
asks only narrow multiple-choice questions, which suit it. So the default follows the backend,
and every row says what stands behind it: a default measured here, or one that is a judgement
(no capable model could be run here, only a scripted stand-in for one). ``--prompt`` or
``SUMMARISE_PROMPT`` always wins; ``summarise models`` shows the table.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The bundled model's name, whatever serves it: in process (local/) or a server under that name.
BUNDLED_MODEL = "smollm2-135m"


@dataclass(frozen=True)
class DefaultPrompt:
    """One row: the backends it covers, the prompt they get, and what was measured here."""

    covers: str  #: in a notice: "the default for <covers>"
    prompt: str
    measured: bool
    evidence: str  #: what the choice rests on, in words

    def notice(self) -> str:
        """The one line said when a briefing starts on this default."""
        return f"prompt {self.prompt}: the default for {self.covers}; --prompt to choose another"


BUNDLED = DefaultPrompt(
    covers="the bundled model",
    prompt="briefing@v2",
    measured=True,
    evidence="on every suite here, against briefing@v1 (the model writes the briefing) and briefing@v3 "
    "(the README gives the figures): a 135M model does best choosing among the rules' candidates",
)
OTHERS = DefaultPrompt(
    covers="openai-compatible backends",
    prompt="briefing@v3",
    measured=False,
    evidence="no capable model could be run here; only a scripted model that plays one from the suites' "
    "gold labels, with faults injected (tests/scripted_model.py)",
)
TABLE: tuple[tuple[str, DefaultPrompt], ...] = (
    (f"{BUNDLED_MODEL} (local/{BUNDLED_MODEL}, or a server serving it under that name)", BUNDLED),
    ("any other model: openai/, ollama/, llamacpp/, --base-url servers, other local GGUF files", OTHERS),
)


def default_prompt(model: str) -> DefaultPrompt:
    """The row for a model name (the part after ``backend/``)."""
    name = model.rsplit("/", 1)[-1].removesuffix(".gguf").lower()
    return BUNDLED if name.startswith(BUNDLED_MODEL) else OTHERS


def prompt_for(given: str | None, model: str) -> tuple[str, DefaultPrompt | None]:
    """The prompt spec to use, and the default row it came from (None when one was named)."""
    if given:
        return given, None
    row = default_prompt(model)
    return row.prompt, row


__all__ = ["BUNDLED", "BUNDLED_MODEL", "OTHERS", "TABLE", "DefaultPrompt", "default_prompt", "prompt_for"]
