"""One hash function and one canonical form, so that prompt, article and run keys compare."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces: equal data, equal text."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def content_hash(value: str | bytes | Any) -> str:
    """A short BLAKE2b digest prefixed with its algorithm (``b2:``); non-strings hash their canonical JSON."""
    if isinstance(value, bytes):
        data = value
    elif isinstance(value, str):
        data = value.encode("utf-8")
    else:
        data = canonical_json(value).encode("utf-8")
    return "b2:" + hashlib.blake2b(data, digest_size=16).hexdigest()


def short_hash(digest: str) -> str:
    """A digest as people read it: ``b2:`` and the first 12 hex digits, enough to tell versions apart."""
    return digest[:15]
