"""Settings, read once from ``SUMMARISE_*`` environment variables and passed down.

Nothing else in the package reads the environment for its own settings: the CLI builds one
``Settings`` (env vars, then command-line overrides) and hands it to the library.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


#: One model call's deadline when none is set: two tries' worth of the default time-out.
DEFAULT_DEADLINE_S = 600.0


def _default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "summarise"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SUMMARISE_", extra="ignore")

    model: str | None = Field(default=None, description="backend/model spec; none picks a default and says which")
    base_url: str | None = Field(
        default=None, description="an OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1, or a pool of them as a comma list"
    )
    endpoint_concurrency: int = Field(
        default=4, ge=1, description="requests in flight to each server of a --base-url pool; more wait for a free slot"
    )
    api_key: SecretStr | None = Field(default=None, description="key for --base-url servers that need one")
    mode: str | None = Field(default=None, description="instructor mode override, e.g. TOOLS, JSON_SCHEMA, MD_JSON")
    prompt: str | None = Field(default=None, description="name@version; none is the newest briefing prompt")
    timeout_s: float = Field(default=300.0, gt=0, description="one model request")
    deadline_s: float | None = Field(
        default=None, gt=0,
        description="one model call, all its tries and the waits between them; none is 600 s, or twice timeout_s if more",
    )
    reasks: int = Field(default=2, ge=0, description="re-asks after a validation failure")
    transport_retries: int = Field(default=3, ge=0, description="retries of timeouts, 429 and 5xx")
    temperature: float = Field(default=0.0, ge=0)
    seed: int = 0
    max_tokens: int = Field(default=1024, gt=0, description="cap on one model answer")
    n_ctx: int = Field(default=8192, gt=0, description="context of the embedded model")
    n_threads: int | None = Field(default=None, description="threads of the embedded model; none is the cores this process may use (affinity, cgroup quota)")
    context_tokens: int | None = Field(default=None, description="a remote model's context, when known")
    chunk_tokens: int | None = Field(
        default=None, gt=0,
        description="read an article in pieces of this many tokens (briefing@v3); none: whole when it fits the "
        "model's context, else pieces sized to it",
    )
    data_dir: Path = Field(default_factory=_default_data_dir)
    runs_dir: Path | None = Field(default=None, description="where eval runs are kept; none is <data_dir>/runs")
    engine: str = Field(default="local", description="what runs batches and evals: local (threads) or ray (Ray Data)")
    ray_address: str | None = Field(default=None, description="a Ray cluster to join (ray engine); none starts a local one")
    debug: bool = False

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @property
    def eval_runs_dir(self) -> Path:
        """Where run folders are made and listed: one place wherever the command is run from."""
        return self.runs_dir if self.runs_dir is not None else self.data_dir / "runs"

    @property
    def call_deadline_s(self) -> float:
        """How long one model call may take in all, retries included: a server that accepts and
        never answers costs this, not ``timeout_s`` once per try."""
        return self.deadline_s if self.deadline_s is not None else max(DEFAULT_DEADLINE_S, 2 * self.timeout_s)

    def fingerprint(self) -> dict[str, object]:
        """The settings that change a model's answer: recorded in provenance and in cache keys."""
        return {
            "temperature": self.temperature,
            "seed": self.seed,
            "max_tokens": self.max_tokens,
            "reasks": self.reasks,
            "n_ctx": self.n_ctx,
            # only when set: the fingerprints (and cache keys) of settings that never chunk stay as they were
            **({"chunk_tokens": self.chunk_tokens} if self.chunk_tokens is not None else {}),
        }


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings from the environment, read once per process."""
    return Settings()
