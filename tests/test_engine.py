"""The embedded engine's thread count: the process's share of the cores, not the host's."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytest.importorskip("loky")


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="needs CPU affinity (Linux)")
def test_threads_follow_the_cpus_this_process_may_use():
    code = (
        "import os\n"
        "os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})\n"
        "from summarise.engine import default_threads\n"
        "print(default_threads(), os.cpu_count())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    threads, host = done.stdout.split()
    assert threads == "1", f"pinned to one CPU of {host}, the engine would start {threads} threads"
