"""What briefing@v3 and briefing@v2 make of a capable model, measured with the scripted one.

No strong model runs here, so tests/scripted_model.py plays one from each suite's gold, with
faults injected at a chosen rate. For each suite and rate this starts that model on loopback,
runs ``summarise eval run`` with briefing@v2 and with briefing@v3 against it (each run scores the
rules beside it), scores the scripted model's own answers as they are, and prints one table per
suite and rate (fields by side) and the faults of the v3 run: injected, and how each was caught.

    python bench/scripted_compare.py evals/newsdesk ../shared/suites/realnews-dev --faults 0 0.2

Articles whose id matches a ``--skip`` glob are left out of everything (by default the measuring-
only ``rn_c*`` articles): the suite is run through a view of it in a temporary folder, built from
file names alone. A suite outside the repository stays there: only figures are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarise.schemas import Briefing  # noqa: E402
from summarise.suites import Suite, load_suite  # noqa: E402
from tests.scripted_model import CAUGHT, FAULT_KINDS, ScriptedModel, serve, suite_view, tally  # noqa: E402

#: Rows of each table: (label, summary metrics key, what in it).
ROWS = (
    ("fabricated quotes", "fabricated", None),
    ("quotes F1", "quotes", "f1"),
    ("speaker", "quotes.speaker", None),
    ("speaker type", "quotes.speaker_type", None),
    ("actors F1", "actors", "f1"),
    ("events F1", "events", "f1"),
    ("events P", "events", "precision"),
    ("events R", "events", "recall"),
    ("date", "events.date", None),
)
SUMMARISE = str(Path(sys.executable).with_name("summarise"))
DEFAULT_SKIP = ("rn_c*",)


def figures(metrics: dict[str, Any]) -> dict[str, float | int | None]:
    out: dict[str, float | int | None] = {}
    for label, key, part in ROWS:
        value = metrics.get(key)
        out[label] = value.get(part) if isinstance(value, dict) else value
    return out


def own_figures(model: ScriptedModel, suite: Suite) -> dict[str, float | int | None]:
    """The scripted model's own answers scored as they are: no check, no merge."""
    total = model.own_score(suite)
    metrics: dict[str, Any] = {"fabricated": total.fabricated}
    for name, field in total.fields.items():
        metrics[name] = {"f1": field.micro.f1, "precision": field.micro.precision, "recall": field.micro.recall}
        metrics.update({f"{name}.{attr}": acc.value for attr, acc in field.accuracy.items()})
    return figures(metrics)


def eval_run(suite_dir: Path, url: str, prompt: str, runs: Path, data: Path) -> tuple[dict[str, Any], list[str]]:
    command = [SUMMARISE, "eval", "run", str(suite_dir), "--model", "openai/scripted", "--base-url", url,
               "--prompt", prompt, "--runs-dir", str(runs), "--no-cache", "--json"]
    env = {**os.environ, "SUMMARISE_DATA_DIR": str(data)}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if not done.stdout.strip():
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1]), command


def briefings_of(summary: dict[str, Any]) -> dict[str, Briefing | None]:
    lines = Path(summary["run"]["run_dir"], "results.jsonl").read_text(encoding="utf-8").splitlines()
    return {(x := json.loads(line))["article_id"]: Briefing.model_validate(x["briefing"]) if x.get("briefing") else None
            for line in lines}


def measure(suite_dir: Path, rate: float, seed: int, work: Path) -> dict[str, Any]:
    """One suite at one fault rate: rules, the model's own, v2 and v3, and v3's fault tally."""
    suite = load_suite(suite_dir)
    sides: dict[str, Any] = {}
    commands: list[str] = []
    tag = f"{suite.name}-{rate:g}"
    v3_model = None
    for prompt in ("briefing@v2", "briefing@v3"):
        model = ScriptedModel([suite], faults=rate, seed=seed)
        with serve(model) as url:
            summary, command = eval_run(suite_dir, url, prompt, work / f"runs-{tag}", work / "data")
        commands.append(shlex.join(command).replace(url, "URL"))
        if model.unanswered:
            print(f"warning: the scripted model could not answer {len(model.unanswered)} request(s) of {prompt}: "
                  f"{model.unanswered[:2]}", file=sys.stderr)
        sides.setdefault("rules", figures(summary["baseline"]["metrics"]))
        sides[prompt.split("@")[1]] = figures(summary["run"]["metrics"])
        sides[prompt.split("@")[1]]["failed"] = summary["run"]["errors"]
        if prompt == "briefing@v2":
            sides["v2"]["wrong answers"] = len(model.v2_faults)
        if prompt == "briefing@v3":
            v3_model, v3_summary = model, summary
    assert v3_model is not None
    sides["own"] = own_figures(ScriptedModel([suite], faults=rate, seed=seed), suite)
    articles = {i.id: i.article.text for i in suite.items}
    counts = tally(v3_model.faults.values(), briefings_of(v3_summary), articles)
    return {
        "suite": suite.name, "articles": len(suite.items), "rate": rate, "seed": seed, "sides": sides,
        "faults": counts["by_kind"], "total": counts["total"],
        # what was invented, never the article's own words: a suite's real text stays out of any report
        "missed": [{"article": f.article_id, "kind": f.kind, "invented": f.detail} for f in counts["missed"]],
        "repair": {outcome: sum(f.repair == outcome for f in v3_model.faults.values()) for outcome in ("fixed", "repeated")},
        "commands": commands,
    }


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def markdown(result: dict[str, Any]) -> str:
    sides = result["sides"]
    order = [s for s in ("rules", "own", "v2", "v3") if s in sides]
    names = {"rules": "rules", "own": "scripted model as is", "v2": "briefing@v2", "v3": "briefing@v3"}
    lines = [f"### {result['suite']} ({result['articles']} articles), faults {result['rate']:.0%}, seed {result['seed']}", "",
             "| field | " + " | ".join(names[s] for s in order) + " |", "|---|" + "---:|" * len(order)]
    for label, *_ in ROWS:
        lines.append(f"| {label} | " + " | ".join(_cell(sides[s].get(label)) for s in order) + " |")
    lines.append(f"\nv2's questions answered wrong by the scripted model: {sides['v2'].get('wrong answers', 0)}")
    lines += ["", "| v3: fault | injected | " + " | ".join(CAUGHT) + " | missed |", "|---|---:|" + "---:|" * (len(CAUGHT) + 1)]
    for kind in FAULT_KINDS:
        row = result["faults"].get(kind)
        if row:
            lines.append(f"| {kind} | {row['injected']} | " + " | ".join(str(row[c]) for c in CAUGHT) + f" | {row['missed']} |")
    t = result["total"]
    lines.append(f"| **all** | {t['injected']} | " + " | ".join(str(t[c]) for c in CAUGHT) + f" | {t['missed']} |")
    lines.append(f"\nfaults listed in v3's repair call: {result['repair']['fixed']} given back right, "
                 f"{result['repair']['repeated']} repeated")
    for m in result["missed"]:
        lines.append(f"\nmissed: {m['article']} {m['kind']} (invented: {m['invented']})")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("suites", nargs="+", type=Path)
    parser.add_argument("--faults", nargs="+", type=float, default=[0.0, 0.2])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--skip", action="append", default=None, help=f"article id globs to leave out (default {DEFAULT_SKIP})")
    parser.add_argument("--json", type=Path, default=None, help="also write every figure here")
    args = parser.parse_args(argv)
    skip = tuple(args.skip) if args.skip is not None else DEFAULT_SKIP
    results = []
    with tempfile.TemporaryDirectory(prefix="scripted-compare-") as tmp:
        work = Path(tmp)
        for suite_dir in args.suites:
            seen = suite_view(suite_dir.resolve(), skip, work / "suites")
            for rate in args.faults:
                result = measure(seen, rate, args.seed, work)
                results.append(result)
                print(markdown(result), flush=True)
    print("commands (URL: the scripted model's loopback address, a fresh one per run):")
    for command in dict.fromkeys(c for r in results for c in r["commands"]):
        print(f"    {command}")
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
