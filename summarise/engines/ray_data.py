"""The Ray engine: the same work on Ray Data, on this machine or across a cluster.

The tasks become a dataset (small descriptions: a path, or a JSON Lines file and the offset of
an article's line; the texts are read in the actors, never gathered in the driver) and go through
``map_batches`` with a pool of exactly ``concurrency`` actors. Each actor holds one copy of the
work and, through it, one backend client for its life (``extract.get_backend`` keeps one per
process): a model is loaded once per actor, not once per article. Each batch an actor finishes
is one block file in the output folder (``blocks``), there whole or not at all, so a kill loses
only the blocks in flight; the driver folds every block into the one results file as it comes
back, so what a user reads, and what a rerun resumes from, is the same file the local engine
writes.

Ray itself is imported only when this engine runs: ``summarise[ray]`` is an optional extra. With
``ray_address`` the run joins that cluster (its nodes need summarise installed, and the output
folder, and the response cache of an eval, at the same path on every node); without it a local
Ray is started, quietly, once per process (an eval's model and baseline runs share it), with one
logical CPU per actor or per core, whichever is more, and Ray stops it when the process exits. A
Ray already started in this process (a test, a notebook) is used as it is.
"""

from __future__ import annotations

import json
import logging
import math
import os
import uuid
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from summarise.config import Settings
from summarise.engines.blocks import BlockFolder, block_dir, write_block
from summarise.engines.registry import Task, Tick, Work, register
from summarise.errors import ConfigError

#: Articles a block holds at most: what a kill may cost per actor, against Ray's cost per batch.
BLOCK_ARTICLES = 16
#: Blocks per actor at least, so a small batch is still spread over every actor.
_BLOCKS_PER_ACTOR = 4


class BriefingActor:
    """One actor of the pool: keeps its work (and the backend client it opens) for its life."""

    def __init__(self, work: Work, blocks: str) -> None:
        self.work = work
        self.blocks = Path(blocks)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        records = [record for record in (self.work(json.loads(str(text))) for text in batch["task"]) if record is not None]
        return {"block": [write_block(self.blocks, records)]}


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise ConfigError("the ray engine needs Ray: pip install 'summarise[ray]'") from None
    return ray


def _connect(ray: Any, address: str | None, concurrency: int) -> None:
    """Join ``address``, or start a quiet local Ray, once per process (Ray stops it at exit), and
    check that the pool fits: an actor pool larger than the cluster would wait for ever."""
    if ray.is_initialized():
        _check_fits(ray, concurrency)
        return
    for name in ("ray", "ray.data"):  # ray.init's own notices (token auth, progress bars) are not ours to show
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.ERROR)
        else:
            # one logical CPU per actor: the pool is exactly `concurrency` actors, whatever the cores
            cpus = max(concurrency, os.cpu_count() or 1)
            ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        raise ConfigError(f"cannot start {where}: {' '.join(str(exc).split())}") from None
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    _check_fits(ray, concurrency)


def _check_fits(ray: Any, concurrency: int) -> None:
    cpus = ray.cluster_resources().get("CPU", 0)
    if cpus < concurrency:
        raise ConfigError(f"-j {concurrency} needs {concurrency} actors of one CPU each; this Ray has {cpus:g} CPUs")


class RayEngine:
    """Ray Data: a dataset of tasks, a pool of actors, block files folded into the results."""

    name = "ray"

    def __init__(self, address: str | None = None) -> None:
        self.address = address
        self.ray = _import_ray()  # here, when the engine is chosen: a missing extra fails before any work

    def run(self, tasks: Iterable[Task], work: Work, *, results: Path, concurrency: int, tick: Tick) -> None:
        ray = self.ray
        rows = [{"task": json.dumps(task, ensure_ascii=False)} for task in tasks]
        if not rows:
            return
        results = results.resolve()
        _connect(ray, self.address, concurrency)
        folder = BlockFolder(results)
        blocks = block_dir(results) / uuid.uuid4().hex  # this run's: a killed run's are folded, not shared
        blocks.mkdir(parents=True)
        try:
            size = max(1, min(BLOCK_ARTICLES, math.ceil(len(rows) / (concurrency * _BLOCKS_PER_ACTOR))))
            with warnings.catch_warnings():
                # Ray Data's own settings warn of their deprecations; and max_restarts=0 (an actor
                # that dies fails the run, and --resume picks it up: Ray's default restarts it and
                # warns that its arguments may be gone by then) is a deprecated way to say it
                warnings.simplefilter("ignore", DeprecationWarning)
                ray.data.DataContext.get_current().enable_progress_bars = False  # the CLI draws its own bar
                briefed = ray.data.from_items(rows).map_batches(
                    BriefingActor,
                    fn_constructor_kwargs={"work": work, "blocks": str(blocks)},
                    compute=ray.data.ActorPoolStrategy(size=concurrency),
                    batch_size=size,
                    batch_format="numpy",
                    num_cpus=1,
                    max_restarts=0,
                )
            del rows
            for row in briefed.iter_rows():
                for record in folder.fold(blocks / str(row["block"])) if row["block"] else ():
                    tick(record)
            for record in folder.fold_all(blocks):  # nothing should be left; if it is, it is a result
                tick(record)
        finally:
            folder.close()


@register("ray")
def ray_engine(settings: Settings) -> RayEngine:
    return RayEngine(settings.ray_address)
