"""Results files a kill cannot tear: JSON Lines appended whole, and errors kept on one line.

An eval run and a batch both write a line per article as it finishes, so that a rerun resumes
from what is on disk. A line is one write, flushed and forced to disk before the next, under a
lock (a batch writes from many threads); a half-written last line, left by a kill mid-write, is
cut before appending, and readers skip it, so the article it belonged to is done again.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

from summarise.config import Settings
from summarise.redact import redact


class LineWriter:
    """Appends one JSON line per call, whole and on disk before it returns."""

    def __init__(self, path: Path) -> None:
        cut_torn_tail(path)
        self._file = path.open("a", encoding="utf-8")
        self._lock = threading.Lock()

    def append(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False) + "\n"
        with self._lock:
            self._file.write(line)
            self._file.flush()
            os.fsync(self._file.fileno())

    def close(self) -> None:
        self._file.close()


def cut_torn_tail(path: Path) -> None:
    """Cut a half-written last line (a kill mid-write), so the next line starts on its own."""
    if not path.exists():
        return
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        with path.open("r+b") as f:
            f.truncate(data.rfind(b"\n") + 1)


def error_line(exc: BaseException, settings: Settings) -> str:
    """An error as a results file keeps it: one line, its class first, keys removed."""
    text = " ".join(str(exc).split()) or "no message"
    secret = settings.api_key.get_secret_value() if settings.api_key is not None else None
    return redact(f"{type(exc).__name__}: {text}", [secret])
