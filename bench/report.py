"""results.json and RESULTS.md: figures kept per measurement, with the command, machine and load."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shlex
import sys
from collections.abc import Callable
from typing import Any

from bench.environment import RESULTS_JSON, RESULTS_MD, load, machine


def read_results() -> dict[str, Any]:
    return json.loads(RESULTS_JSON.read_text()) if RESULTS_JSON.exists() else {}


def write_results(results: dict[str, Any]) -> None:
    RESULTS_JSON.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")


def save_partial(name: str, figures: dict[str, Any]) -> None:
    """Keep what a long measurement has so far in results.json, marked partial, in case it is cut short."""
    results = read_results()
    entry = results.get(name) or {}
    if not entry.get("partial"):
        entry = {
            "partial": True,
            "command": "python bench/run.py " + shlex.join(sys.argv[1:]),
            "machine": machine(),
            "started_at": dt.datetime.now().isoformat(timespec="seconds"),
            "duration_s": None,
            "load_before": load(),
        }
    entry.update(figures=copy.deepcopy(figures), load_after=load())
    results[name] = entry
    write_results(results)


def _cell(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, float):
        return str(value)
    return f"{value:.3f}" if abs(value) < 1 else f"{value:.2f}" if abs(value) < 100 else f"{value:.1f}"


def table(header: list[str], rows: list[list[Any]]) -> str:
    cells = [[str(c) for c in header]] + [[_cell(c) for c in r] for r in rows]
    lines = ["| " + " | ".join(r) + " |" for r in cells]
    lines.insert(1, "|" + "|".join("---" for _ in header) + "|")
    return "\n".join(lines)


def write_markdown(results: dict[str, Any], tables: dict[str, Callable[[dict[str, Any]], list[str]]]) -> None:
    """bench/RESULTS.md from results.json: per measurement the command, the machine, the load, the tables."""
    parts = [
        "# Benchmark results\n",
        (
            "Written by `python bench/run.py --markdown` from `bench/results.json`; see bench/README.md for what "
            "each measurement means and what to make of it.\n"
        ),
    ]
    for name, render in tables.items():
        r = results.get(name)
        if not r:
            continue
        m = r["machine"]
        parts.append(f"## {name}\n")
        parts.append(
            f"Command: `{r['command']}`  \n"
            f"Machine: {m['nproc']} cores ({m['cpu']}), Python {m['python']}, llama-cpp-python "
            f"{m['llama_cpp_python']}, instructor {m['instructor']}, openai {m['openai']}  \n"
            f"Measured {r['started_at']} in {r['duration_s']} s; load average (1 min) "
            f"{r['load_before']['loadavg_1m']} before, {r['load_after']['loadavg_1m']} after "
            f"(tasks running/total {r['load_before']['tasks']} / {r['load_after']['tasks']}).\n"
        )
        try:
            parts.extend(t + "\n" for t in render(r["figures"]))
        except KeyError as exc:  # written by an older version of this script
            parts.append(f"(figures in an older format, missing {exc}: run `--only {name}` again)\n")
    RESULTS_MD.write_text("\n".join(parts), encoding="utf-8")
