"""Start-up: wall time of the CLI, and that light commands import no model library."""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.environment import median
from bench.report import table

HEAVY_MODULES = ("llama_cpp", "instructor", "openai", "jinja2")

STARTUP_TARGET_S = 0.3

_IMPORT_CHECK = """
import contextlib, io, json, sys
from summarise import cli
with contextlib.redirect_stdout(io.StringIO()):
    try:
        cli.app(["prompts", "list"], standalone_mode=False)
    except SystemExit:
        pass
print(json.dumps({"heavy": [m for m in HEAVY if m in sys.modules], "modules": len(sys.modules)}))
""".replace("HEAVY", repr(HEAVY_MODULES))

_MINIMAL_TYPER = """
import sys
import typer
app = typer.Typer()
@app.command()
def a() -> None: pass
@app.command()
def b() -> None: pass
app(sys.argv[1:])
"""
#: Each summarise command and the typer app that does nothing but what typer itself must.
_FLOORS = {"summarise --help": "minimal typer app --help", "summarise prompts list": "minimal typer app, one command"}


def _time_commands(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, list[float]]:
    """Round-robin over the commands, so that a machine growing slower or faster skews none of them."""
    times: dict[str, list[float]] = {label: [] for label in commands}
    for argv in commands.values():
        subprocess.run(argv, capture_output=True, env=env, check=False)  # warm the page cache
    for _ in range(runs):
        for label, argv in commands.items():
            started = time.perf_counter()
            subprocess.run(argv, capture_output=True, env=env, check=False)
            times[label].append(time.perf_counter() - started)
    return times


def _import_profile(env: dict[str, str], top: int = 12) -> tuple[dict[str, Any], list[tuple[str, float]]]:
    """What ``prompts list`` imported (heavy modules, count) and its slowest imports (cumulative
    ms), from one ``python -X importtime`` run of it."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _IMPORT_CHECK],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m and len(m.group(3)) <= 3:  # top-level and first-level imports only
            rows.append((m.group(4), round(int(m.group(2)) / 1000, 1)))
    check = json.loads(proc.stdout.strip().splitlines()[-1])
    return check, sorted(rows, key=lambda r: -r[1])[:top]


def measure(args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    exe = str(Path(sys.executable).parent / "summarise")
    # As an installed user has it: bytecode cached (pip compiles wheels at install). This machine
    # sets PYTHONDONTWRITEBYTECODE, which would recompile summarise's own modules on every run.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["SUMMARISE_DATA_DIR"] = str(tmp / "data")
    commands = {
        "python -c pass (interpreter floor)": [sys.executable, "-c", "pass"],
        "python -c 'import typer' (CLI library floor)": [
            sys.executable,
            "-c",
            "import typer",
        ],
        "minimal typer app --help": [sys.executable, "-c", _MINIMAL_TYPER, "--help"],
        "minimal typer app, one command": [sys.executable, "-c", _MINIMAL_TYPER, "a"],
        "summarise --help": [exe, "--help"],
        "summarise prompts list": [exe, "prompts", "list"],
    }
    measured = _time_commands(commands, args.runs, env)
    rows = []
    for label, times in measured.items():
        target = label.startswith("summarise")
        floor = _FLOORS.get(label)
        rows.append(
            {
                "command": label,
                "median_s": median(times),
                "above_typer_floor_s": round(statistics.median(times) - statistics.median(measured[floor]), 4) if floor else None,
                "min_s": round(min(times), 4),
                "max_s": round(max(times), 4),
                "runs": len(times),
                "target_s": STARTUP_TARGET_S if target else None,
                "meets_target": (statistics.median(times) < STARTUP_TARGET_S) if target else None,
            }
        )
    check, slowest = _import_profile(env)
    return {
        "rows": rows,
        "heavy_imported_by_prompts_list": check["heavy"],
        "modules_loaded_by_prompts_list": check["modules"],
        "slowest_imports_ms": slowest,
    }


def tables(figures: dict[str, Any]) -> list[str]:
    """The markdown tables of the startup figures."""
    out: list[str] = []
    out.append(
        table(
            [
                "command",
                "median s",
                "above typer's own floor s",
                "min s",
                "max s",
                "runs",
                f"< {STARTUP_TARGET_S} s",
            ],
            [
                [
                    x["command"],
                    x["median_s"],
                    "" if x.get("above_typer_floor_s") is None else x["above_typer_floor_s"],
                    x["min_s"],
                    x["max_s"],
                    x["runs"],
                    "" if x["meets_target"] is None else ("yes" if x["meets_target"] else "NO"),
                ]
                for x in figures["rows"]
            ],
        )
    )
    out.append(
        f"Heavy modules imported by `prompts list`: {figures['heavy_imported_by_prompts_list'] or 'none'} "
        f"({figures['modules_loaded_by_prompts_list']} modules loaded)."
    )
    out.append(
        table(
            ["slowest imports of `prompts list`", "cumulative ms"],
            figures["slowest_imports_ms"],
        )
    )
    return out
