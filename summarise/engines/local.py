"""The local engine: a thread pool of exactly ``concurrency`` workers in this process.

Exactly: ``asyncio.to_thread``'s default pool has ``cpu_count + 4`` threads, which silently
capped ``-j 16`` at 6 requests in flight on a 2-core client. Tasks are taken from their iterable
only as workers free up (at most two per worker waiting), and a record is written by the worker
the moment it exists and then dropped, so the driver's memory does not grow with the number of
articles: a 10,000-article batch holds 10,000 small task descriptions, not 10,000 texts or
briefings.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from itertools import islice
from pathlib import Path

from summarise.config import Settings
from summarise.engines.registry import Record, Task, Tick, Work, register
from summarise.jsonlines import LineWriter

#: Tasks waiting per worker: enough that a worker never idles, few enough to hold nothing big.
_QUEUED_PER_WORKER = 2


class LocalEngine:
    """Threads in this process; the work object is shared by them."""

    name = "local"

    def run(self, tasks: Iterable[Task], work: Work, *, results: Path, concurrency: int, tick: Tick) -> None:
        writer = LineWriter(results)
        pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="summarise-article")

        def one(task: Task) -> Record | None:
            record = work(task)
            if record is not None:
                writer.append(record)  # in the worker: written the moment it exists
            return record

        pending: set[Future[Record | None]] = set()
        queue = iter(tasks)
        try:
            pending.update(pool.submit(one, task) for task in islice(queue, concurrency * _QUEUED_PER_WORKER))
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    record = future.result()
                    if record is not None:
                        tick(record)
                pending.update(pool.submit(one, task) for task in islice(queue, len(finished)))
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            writer.close()


@register("local")
def local_engine(settings: Settings) -> LocalEngine:
    return LocalEngine()
