"""The measurements `bench/run.py` runs, in the order RESULTS.md shows them.

Apart from run.py so that bench/engines.py (run on its own, with its own arguments) can write
RESULTS.md with every section without importing run.py, and run.py can write the engines
section without a circle between the two.
"""

from __future__ import annotations

from bench import batching, grammar, memory, overhead, prompt_cache, rules_scaling, startup, threads, throughput

#: Each measurement: ``measure(args, tmp) -> figures`` and ``tables(figures) -> markdown tables``.
BENCHES = {
    "startup": startup,
    "overhead": overhead,
    "prompt_cache": prompt_cache,
    "throughput": throughput,
    "batching": batching,
    "memory": memory,
    "grammar": grammar,
    "threads": threads,
    "rules_scaling": rules_scaling,
}
