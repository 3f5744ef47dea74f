"""What every benchmark runs on and with: paths, the model, the machine and how busy it is.

Timings depend on the machine and on whatever else it runs, so each measurement records the
cores, CPU, library versions and the load average before and after; a figure taken beside other
work says so.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
RESULTS_JSON = BENCH_DIR / "results.json"
RESULTS_MD = BENCH_DIR / "RESULTS.md"
#: The bundled model, in process and (under its alias) behind llama_cpp.server.
MODEL = "local/smollm2-135m"
SERVED_NAME = "smollm2-135m"
#: The article of the single-article measurements (the one `make demo` briefs).
ARTICLE = ROOT / "evals" / "seeds" / "articles" / "002_27e096ec9d555072.txt"
SEEDS = ROOT / "evals" / "seeds"
NEWSDESK = ROOT / "evals" / "newsdesk"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, Any]:
    """What a figure was measured on: cores this process may use, CPU, Python, llama-cpp-python."""
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "llama_cpp_python": _version("llama-cpp-python"),
        "instructor": _version("instructor"),
        "openai": _version("openai"),
        "platform": platform.platform(),
    }


def load() -> dict[str, Any]:
    """The load average and running/total tasks: other work on the machine shows up here."""
    fields = Path("/proc/loadavg").read_text().split()
    return {
        "loadavg_1m": float(fields[0]),
        "loadavg_5m": float(fields[1]),
        "tasks": fields[3],
    }


def status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status (VmRSS now, VmHWM its peak), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def rss_mb() -> float:
    return status_mb("VmRSS")


def peak_rss_mb() -> float:
    """ru_maxrss in MB; on Linux it survives exec, so a child started by a bigger parent reads the parent's peak."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def median(values: list[float]) -> float:
    return round(statistics.median(values), 4)


def settings_in(tmp: Path, **updates: Any) -> Any:
    """Settings that keep every cache and run file in ``tmp``, never in the user's data directory."""
    from summarise.config import Settings

    return Settings(data_dir=tmp / "data", **updates)


def suite_articles(folder: Path) -> list[tuple[str, Any]]:
    """(id, article) of a suite's articles, in the suite's order."""
    return [(item.id, item.article) for item in load_suite_at(folder).items]


def gguf() -> Path:
    """The bundled model's file, for llama_cpp.server and for bare ``Llama`` instances."""
    from summarise.models import locate_model

    path, _ = locate_model(SERVED_NAME, settings_in(Path(tempfile.gettempdir())))
    return path


def load_suite_at(folder: Path) -> Any:
    from summarise.suites import load_suite

    return load_suite(str(folder))
