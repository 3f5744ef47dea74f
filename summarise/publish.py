"""The published JSON Schema of each schema version, and the check that it matches the models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from summarise.schemas import SCHEMA_VERSION, Briefing


def schemas_dir() -> Path:
    """The repository's schemas/ in a checkout, the packaged copy in an installed wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "schemas", here / "_data" / "schemas"):
        if candidate.is_dir():
            return candidate
    return here.parent / "schemas"


def briefing_schema() -> dict[str, Any]:
    """The JSON Schema of a briefing as the toolkit hands it out (what --format json conforms to)."""
    return Briefing.model_json_schema()


def schema_path(version: str = SCHEMA_VERSION) -> Path:
    return schemas_dir() / f"briefing.v{version}.json"


def write_schema() -> Path:
    """Write the current version's file; refuses to overwrite a published version that differs."""
    path = schema_path()
    text = json.dumps(briefing_schema(), indent=2, sort_keys=True) + "\n"
    if path.exists() and path.read_text(encoding="utf-8") != text:
        raise SystemExit(f"{path} is published and differs from the models: bump SCHEMA_VERSION instead")
    path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":  # python -m summarise.publish
    print(write_schema())
