"""Block files: how results written by many workers become one results file, and survive a kill.

Ray actors do not share the driver's file handle, so each writes what it briefed as one block
file beside the results file (``briefings.jsonl.blocks/<run>/part-<uuid>.jsonl``, written to a
hidden name, fsynced, then renamed: a block is there whole or not at all). The driver folds each
block into the results file as soon as the block's articles come back, and removes it; a run
killed between the two leaves blocks behind, which the next run folds before it reads what is
done, removing the killed run's folder: an actor of the killed run that outlives its driver for
a moment then has nowhere to write, and cannot add an article the next run briefs again.

Folding is idempotent: a line already in the results file (a kill after the append and before
the removal) is not appended again, so a killed run resumes without duplicates.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from summarise.jsonlines import LineWriter

_SUFFIX = ".jsonl"


def block_dir(results: Path) -> Path:
    """Where a results file's blocks wait to be folded into it."""
    return results.with_name(results.name + ".blocks")


def write_block(folder: Path, records: Iterable[dict[str, Any]]) -> str:
    """Write ``records`` as one block file in ``folder``, whole or not at all; its name, or "" for none."""
    lines = [json.dumps(record, ensure_ascii=False) + "\n" for record in records]
    if not lines:
        return ""
    name = f"part-{uuid.uuid4().hex}{_SUFFIX}"
    tmp = folder / f".{name}.tmp"
    with tmp.open("w", encoding="utf-8") as f:
        f.write("".join(lines))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, folder / name)
    return name


def _digest(line: str) -> bytes:
    return hashlib.blake2b(line.rstrip("\n").encode("utf-8"), digest_size=16).digest()


class BlockFolder:
    """Folds block files into a results file, each line once; opened by the driver."""

    def __init__(self, results: Path) -> None:
        self.results = results
        self.folder = block_dir(results)
        self._writer = LineWriter(results)  # which cuts a torn last line first
        self._seen: set[bytes] = set()  # 16 bytes a line: what is in the results file already
        with results.open(encoding="utf-8") as f:
            self._seen.update(_digest(line) for line in f)

    def fold(self, path: Path) -> Iterator[dict[str, Any]]:
        """Append the block's new lines to the results file, remove it, and yield its records."""
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return  # folded already
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue  # blocks are renamed whole; a stray line is no result
            digest = _digest(line)
            if digest not in self._seen:
                self._seen.add(digest)
                self._writer.append(record)
            yield record
        path.unlink(missing_ok=True)

    def fold_all(self, folder: Path | None = None) -> Iterator[dict[str, Any]]:
        """Fold every block under ``folder`` (every run's, by default), oldest first; half-written
        ones (a kill mid-write) are removed, and so are the folders left empty."""
        folder = folder if folder is not None else self.folder
        if not folder.is_dir():
            return
        for tmp in folder.rglob(".part-*.tmp"):
            tmp.unlink(missing_ok=True)
        for path in sorted(folder.rglob(f"part-*{_SUFFIX}"), key=lambda p: p.stat().st_mtime_ns):
            yield from self.fold(path)
        _remove_empty(folder)

    def close(self) -> None:
        self._writer.close()
        _remove_empty(self.folder)


def _remove_empty(folder: Path) -> None:
    """Remove ``folder`` and the run folders in it, where they are empty; never a block."""
    if not folder.is_dir():
        return
    for sub in folder.iterdir():
        if sub.is_dir():
            _remove_empty(sub)
    try:
        folder.rmdir()
    except OSError:
        pass


def fold_leftovers(results: Path) -> None:
    """Fold the blocks a killed run left beside ``results``, so what is done can be read from it."""
    if not block_dir(results).is_dir():
        return
    folder = BlockFolder(results)
    try:
        for _record in folder.fold_all():
            pass
    finally:
        folder.close()
