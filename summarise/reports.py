"""Reports of eval runs, made from run directories alone: never a model call.

A run directory (written by ``summarise.runs``) holds ``run.json``, ``results.jsonl`` and a
``baseline/`` run of the no-model ``rules`` extractor. This module owns how those files are
read, scores them against the suite's gold (``summarise.scoring``) and writes
``summary.json``, ``report.md`` and a self-contained ``report.html`` next to them. The pages
come from templates (``summarise.pages``): this module computes each page's figures once, and
the Markdown and HTML of a report, and of a comparison, show that one computation.

Every report opens with the count of FABRICATED quotes (words in no one's mouth in the
article), then per-field P/R/F1 with the run and the baseline side by side; a field where the
model is not ahead of the baseline is marked, because a model that cannot beat string rules
on a field should not be trusted with it. ``compare_runs`` sets two runs side by side and
lists the articles and items that got worse.

A partly labelled suite (``summarise.suites``: a real corpus that labels quotes and speakers
only) is scored on what it labels; every report says which fields those are and shows the rest
as "not labelled", never as a figure: a zero there would read as a model that found nothing.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.table import Table

from summarise.errors import ConfigError
from summarise.pages import render_page
from summarise.redact import redact
from summarise.schemas import Briefing
from summarise.scoring import (
    ATTRIBUTES,
    FIELDS,
    ArticleScore,
    Labels,
    SuiteScore,
    is_fully_labelled,
    score_article,
    score_suite,
)

RUN_FILE = "run.json"
RESULTS_FILE = "results.jsonl"
BASELINE_DIR = "baseline"
SUMMARY_FILE = "summary.json"
REPORT_MD = "report.md"
REPORT_HTML = "report.html"
COMPARE_MD = "compare.md"
COMPARE_HTML = "compare.html"

#: Shown beside a field where the model is not ahead of the rules baseline.
NOT_AHEAD_MARK = "▼"
#: Shown instead of a figure for a field or attribute the suite does not label.
NOT_LABELLED = "not labelled"

#: The rows of every report, in order: FABRICATED first, then each field and its attributes.
#: kind "count" is lower-is-better; "prf" shows precision/recall/F1; "accuracy" one ratio.
_ROWS: list[tuple[str, str, str]] = [("fabricated", "FABRICATED quotes", "count")]
for _field in FIELDS:
    _ROWS.append((_field, _field, "prf"))
    _ROWS.extend((f"{_field}.{attr}", f"{_field} · {attr}", "accuracy") for attr in ATTRIBUTES[_field])

#: Operational figures, each (key, label, lower is better).
_OPS: list[tuple[str, str, bool]] = [
    ("schema_valid_rate", "schema-valid rate", False),
    ("errors", "articles failed", True),
    ("dropped", "items dropped after retries", True),
    ("flags", "disagreements flagged (model vs rules)", True),
    ("reasks", "re-asks", True),
    ("latency_p50_s", "latency p50 (s)", True),
    ("latency_p95_s", "latency p95 (s)", True),
    ("tokens_in", "tokens in", True),
    ("tokens_out", "tokens out", True),
]


# --------------------------------------------------------------------------------------------
# Reading a run directory
# --------------------------------------------------------------------------------------------


def read_run_info(run_dir: Path) -> dict[str, Any]:
    """``run.json``: what was run. A directory without one is not a run."""
    path = Path(run_dir) / RUN_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{run_dir} is not a run directory: it has no {RUN_FILE}") from None
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path} cannot be read: {exc}") from None


def read_results(run_dir: Path) -> dict[str, dict[str, Any]]:
    """The last result line per article id; a torn line (a crash mid-write) is skipped."""
    path = Path(run_dir) / RESULTS_FILE
    out: dict[str, dict[str, Any]] = {}
    if not path.exists():
        return out
    with path.open(encoding="utf-8") as f:
        for raw in f:
            try:
                line = json.loads(raw)
            except ValueError:
                continue
            if isinstance(line, dict) and "article_id" in line:
                out[str(line["article_id"])] = line
    return out


def _load_suite(info: dict[str, Any]) -> Any:
    # Imported here: a caller holding the suite already (runs, tests) never reads it again.
    from summarise.suites import load_suite

    return load_suite(info["suite"]["path"])


def _suite_labels(suite: Any) -> Labels:
    """What the suite labels; a suite object that does not say labels everything."""
    return getattr(suite, "labels", ATTRIBUTES)


def _is_labelled(key: str, labels: Labels) -> bool:
    """Whether a report row (``quotes``, ``quotes.speaker``, ``fabricated``) has gold behind it.
    Fabricated quotes need no gold: they are counted against the article itself."""
    name, _, attr = key.partition(".")
    if name not in FIELDS:
        return True
    return name in labels and (not attr or attr in labels[name])


def describe_labels(labels: Labels) -> str:
    """One line for a report: which fields and attributes the suite labels, and which it does not."""
    if is_fully_labelled(labels):
        return "every field and attribute"
    labelled = ", ".join(f"{name} ({', '.join(labels[name])})" if labels[name] else name for name in labels)
    missing = []
    for key, label, _ in _ROWS:
        name, _, attr = key.partition(".")
        if not _is_labelled(key, labels) and not (attr and name not in labels):  # a whole field once, not per attribute
            missing.append(label)
    return f"{labelled}; {NOT_LABELLED}: {', '.join(missing)}"


def _briefing_of(line: dict[str, Any] | None) -> tuple[Briefing | None, str | None]:
    if line is None:
        return None, None
    if line.get("briefing") is None:
        # redacted here too: a run written before redaction, or by hand, must not leak a key into a report
        return None, redact(str(line.get("error") or "no briefing"))
    try:
        return Briefing.model_validate(line["briefing"]), None
    except ValidationError as exc:
        return None, f"stored briefing no longer fits the schema: {exc.errors()[0].get('msg', 'invalid')}"


def _flag_field(flag: str) -> str:
    """The field a disagreement is about: the words before its colon ("speaker: the model said ...")."""
    head, sep, _ = flag.partition(":")
    return head.strip() if sep and head.strip() else "other"


def _drops_and_flags(briefing: Briefing) -> tuple[Counter[str], Counter[str]]:
    """What a briefing left out (drops by kind) and where the model and the rules disagreed
    (flags by field): the two things a reader of a merged briefing must be able to count."""
    drops = Counter(d.kind for d in briefing.provenance.dropped) if briefing.provenance else Counter()
    flags = Counter(_flag_field(f) for item in (*briefing.events, *briefing.actors, *briefing.quotes) for f in item.flags)
    return drops, flags


def drops_and_flags_line(dropped: int, by_kind: dict[str, int], flags: int) -> str:
    """"N items dropped (by kind), M disagreements flagged": one line a report shows per run and per article."""
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0])))
    items = f"{dropped} item{'s' if dropped != 1 else ''} dropped" + (f" ({kinds})" if kinds else "")
    return f"{items}, {flags} disagreement{'s' if flags != 1 else ''} flagged"


def _percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile: a value that was measured, never an interpolation."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


@dataclass
class _ScoredRun:
    stats: dict[str, Any]
    scores: dict[str, ArticleScore] = field(default_factory=dict)


def _flat_metrics(score: SuiteScore) -> dict[str, Any]:
    """Figures by report row key; a field or attribute the suite does not label has no key."""
    out: dict[str, Any] = {"fabricated": score.fabricated}
    for name in FIELDS:
        summary = score.fields.get(name)
        if summary is None:
            continue
        out[name] = {
            "precision": summary.micro.precision,
            "recall": summary.micro.recall,
            "f1": summary.micro.f1,
            "macro_f1": summary.macro_f1,
            "macro_precision": summary.macro_precision,
            "macro_recall": summary.macro_recall,
            "n_gold": summary.micro.n_gold,
        }
        for attr in ATTRIBUTES[name]:
            if attr in summary.accuracy:
                out[f"{name}.{attr}"] = summary.accuracy[attr].value
    return out


def _score_run(run_dir: Path, suite: Any) -> _ScoredRun:
    info = read_run_info(run_dir)
    results = read_results(run_dir)
    labels = _suite_labels(suite)
    per_article: list[dict[str, Any]] = []
    scores: dict[str, ArticleScore] = {}
    latencies: list[float] = []
    totals = {"errors": 0, "missing": 0, "cached": 0, "briefed": 0, "dropped": 0, "flags": 0, "reasks": 0,
              "tokens_in": 0, "tokens_out": 0}
    dropped_by_kind: Counter[str] = Counter()
    flags_by_field: Counter[str] = Counter()
    for item in suite.items:
        line = results.get(item.id)
        if line is not None and line.get("article_hash") not in (None, item.article.hash):
            line = None  # the article changed since the run: its old briefing says nothing now
        briefing, error = _briefing_of(line)
        if line is None:
            status = "missing"
            totals["missing"] += 1
        elif briefing is None:
            status = "error"
            totals["errors"] += 1
        else:
            status = "cached" if line.get("cached") else "ok"
            totals["briefed"] += 1
            totals["cached"] += int(bool(line.get("cached")))
            prov = briefing.provenance
            if prov is not None:
                totals["dropped"] += len(prov.dropped)
                totals["reasks"] += prov.retries
                totals["tokens_in"] += prov.tokens_in
                totals["tokens_out"] += prov.tokens_out
        if line is not None:
            prov = briefing.provenance if briefing is not None else None
            # a cached line took no time; the latency that matters is the original call's
            latencies.append(prov.duration_s if line.get("cached") and prov else float(line.get("duration_s") or 0.0))
        row: dict[str, Any] = {"article_id": item.id, "status": status, "error": error}
        if briefing is not None:
            drops, flags = _drops_and_flags(briefing)
            dropped_by_kind += drops
            flags_by_field += flags
            totals["flags"] += sum(flags.values())
            row.update({"dropped": sum(drops.values()), "dropped_by_kind": dict(drops),
                        "flags": sum(flags.values()), "flags_by_field": dict(flags)})
        if item.gold is not None:
            score = score_article(briefing, item.gold, item.article.text, article_id=item.id, labels=labels)
            scores[item.id] = score
            row.update({f"{name}_f1": f.match.f1 for name in FIELDS if (f := score.field(name)) is not None})
            row["fabricated"] = len(score.fabricated)
        per_article.append(row)
    suite_score = score_suite(list(scores.values()), labels)
    n = len(suite.items)
    stats: dict[str, Any] = {
        "run_dir": str(run_dir),
        "model": info.get("model"),
        "prompt": info.get("prompt"),
        "prompt_hash": info.get("prompt_hash"),
        "schema_version": info.get("schema_version"),
        "suite": info.get("suite", {}).get("name"),
        "labels": {name: list(attrs) for name, attrs in labels.items()},
        "created_at": info.get("created_at"),
        "articles": n,
        "scored": len(scores),
        **totals,
        "dropped_by_kind": dict(sorted(dropped_by_kind.items())),
        "flags_by_field": dict(sorted(flags_by_field.items())),
        "schema_valid_rate": totals["briefed"] / n if n else None,
        "fabricated_quotes": suite_score.fabricated,
        "latency_p50_s": _percentile(latencies, 0.50),
        "latency_p95_s": _percentile(latencies, 0.95),
        "metrics": _flat_metrics(suite_score),
        "scores": suite_score.model_dump(mode="json"),
        "per_article": per_article,
    }
    return _ScoredRun(stats=stats, scores=scores)


def _headline(metrics: dict[str, Any], key: str, kind: str) -> float | None:
    value = metrics.get(key)
    return value["f1"] if kind == "prf" and value is not None else value


def _not_ahead(run: dict[str, Any], base: dict[str, Any], key: str, kind: str) -> bool:
    a, b = _headline(run, key, kind), _headline(base, key, kind)
    if a is None or b is None:
        return False
    if kind == "prf" and not run[key]["n_gold"]:
        return False  # no gold items: a tie at the 1.0 of "nothing to find" says nothing
    return a > b if kind == "count" else a <= b


def summarise_run(run_dir: Path, *, suite: Any = None) -> dict[str, Any]:
    """Score a run directory (and its baseline) and write summary.json, report.md, report.html.

    ``suite`` is the loaded suite when the caller has it; otherwise the path in run.json is read.
    """
    run_dir = Path(run_dir)
    info = read_run_info(run_dir)
    suite = suite if suite is not None else _load_suite(info)
    run = _score_run(run_dir, suite).stats
    base_dir = run_dir / BASELINE_DIR
    baseline = _score_run(base_dir, suite).stats if (base_dir / RUN_FILE).exists() else None
    labels = _suite_labels(suite)
    rows = []
    for key, label, kind in _ROWS:
        rows.append(
            {
                "key": key,
                "label": label,
                "kind": kind,
                "labelled": _is_labelled(key, labels),
                "run": run["metrics"].get(key),
                "baseline": baseline["metrics"].get(key) if baseline else None,
                "not_ahead": bool(baseline) and _not_ahead(run["metrics"], baseline["metrics"], key, kind),
            }
        )
    summary = {
        "run": run,
        "baseline": baseline,
        "labels": run["labels"],
        "rows": rows,
        "not_ahead": [r["key"] for r in rows if r["not_ahead"]],
        "not_labelled": [r["key"] for r in rows if not r["labelled"]],
    }
    _write_whole(run_dir / SUMMARY_FILE, json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    _write_whole(run_dir / REPORT_MD, summary_markdown(summary))
    _write_whole(run_dir / REPORT_HTML, summary_html(summary))
    return summary


def _write_whole(path: Path, text: str) -> None:
    """Write through a temporary file: a run killed while reporting leaves the old report, never half a new one."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


# --------------------------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------------------------


def _fmt(value: Any, kind: str = "accuracy") -> str:
    if value is None:
        return "–"
    if kind == "prf":
        return f"{value['precision']:.2f} / {value['recall']:.2f} / {value['f1']:.2f}"
    if kind == "count" or isinstance(value, int):
        return f"{value:,}"
    return f"{value:.2f}"


def _cell(row: dict[str, Any], side: str, *, present: bool = True) -> str:
    """A row's figure for one side (run, baseline; or a, b of a comparison, each with its own
    suite): "not labelled" where the gold is silent."""
    if not row.get(f"labelled_{side}", row.get("labelled", True)):
        return NOT_LABELLED
    return _fmt(row[side], row["kind"]) if present else "–"


def _ops(summary: dict[str, Any]) -> list[tuple[str, str, str]]:
    run, base = summary["run"], summary["baseline"]
    return [(label, _fmt(run.get(key)), _fmt(base.get(key)) if base else "–") for key, label, _ in _OPS]


def summary_table(summary: dict[str, Any]) -> Table:
    """The terminal table: FABRICATED first, per-field P/R/F1 of run and baseline, marks, ops."""
    run, base = summary["run"], summary["baseline"]
    labels = summary.get("labels", ATTRIBUTES)
    table = Table(
        title=f"{run['suite']} · {run['model']} · {run['prompt']}",
        title_justify="left",
        caption=None if is_fully_labelled(labels) else f"labelled: {describe_labels(labels)}",
        caption_justify="left",
    )
    table.add_column("field")
    table.add_column(f"run ({run['model']})  P / R / F1", justify="right")
    table.add_column("baseline (rules)  P / R / F1", justify="right")
    table.add_column("", justify="center")
    for row in summary["rows"]:
        style = "bold red" if row["key"] == "fabricated" and row["run"] else None
        table.add_row(
            row["label"],
            _cell(row, "run"),
            _cell(row, "baseline", present=bool(base)),
            NOT_AHEAD_MARK if row["not_ahead"] else "",
            style=style,
        )
    table.add_section()
    for label, a, b in _ops(summary):
        table.add_row(label, a, b, "")
    return table


def _labelled_fields(stats: dict[str, Any]) -> list[str]:
    labels = stats.get("labels", ATTRIBUTES)
    return [name for name in FIELDS if name in labels]


def _article_rows(stats: dict[str, Any]) -> list[list[str]]:
    return [
        [
            a["article_id"],
            a["status"],
            str(a.get("fabricated", "–")),
            *(_fmt(a.get(f"{name}_f1")) for name in _labelled_fields(stats)),
            _article_drops(a),
            a["error"] or "",
        ]
        for a in stats["per_article"]
    ]


def _article_drops(article: dict[str, Any]) -> str:
    if "dropped" not in article:
        return "–"  # no briefing: nothing was dropped or flagged, and nothing can be said
    return drops_and_flags_line(article["dropped"], article.get("dropped_by_kind", {}), article.get("flags", 0))


def _article_header(stats: dict[str, Any]) -> list[str]:
    """The per-article columns: an F1 for each field the suite labels, and no column for the rest."""
    return ["article", "status", "fabricated", *(f"{n} F1" for n in _labelled_fields(stats)), "dropped / flagged", "error"]


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]], numeric_from: int = 1) -> dict[str, Any]:
    """A table for the templates; in HTML the columns from ``numeric_from`` on align as figures."""
    return {"header": list(header), "rows": [list(r) for r in rows], "numeric_from": numeric_from}


def _field_table(rows: Sequence[dict[str, Any]], sides: tuple[str, str], header: Sequence[str], *,
                 delta: bool, present: bool = True) -> dict[str, Any]:
    """The comparison table, built once for every page: each field's figure on both sides, the change
    where asked, and the mark (for a report, where the run is not ahead; for a comparison, where B is worse)."""
    left, right = sides
    out = []
    for r in rows:
        cells = [r["label"], _cell(r, left), _cell(r, right, present=present)]
        if delta:
            cells.append(_fmt_delta(r["delta"], r["kind"]))
        cells.append(NOT_AHEAD_MARK if r["worse" if delta else "not_ahead"] else "")
        out.append(cells)
    return _table(header, out)


_CHART_COLOURS = ("#3b6fb6", "#a0a0a0")


def _chart(rows: Sequence[dict[str, Any]], sides: tuple[str, str], names: tuple[str, str]) -> dict[str, Any]:
    """Geometry of paired horizontal bars (0..1) for the F1 and accuracy rows with gold behind them:
    an unlabelled row has no bar. The template draws it as inline SVG."""
    label_w, bar_w, bar_h, gap = 170, 320, 11, 9
    series = [
        (r["label"], *(_headline({"x": r[side]}, "x", r["kind"]) for side in sides))
        for r in rows
        if r["kind"] != "count" and r.get("labelled", True)
    ]
    chart_rows = []
    for i, (label, *values) in enumerate(series):
        y = i * (2 * bar_h + gap)
        bars = []
        for j, value in enumerate(values):
            yy = y + j * bar_h
            bars.append({
                "y": yy, "text_y": yy + bar_h - 2, "colour": _CHART_COLOURS[j], "value": _fmt(value),
                "width": 0 if value is None else round(bar_w * max(0.0, min(1.0, value))),
            })
        chart_rows.append({"label": label, "y": y + bar_h + 4, "bars": bars})
    return {
        "width": label_w + bar_w + 60, "height": len(series) * (2 * bar_h + gap) + 30, "bar_x": label_w,
        "bar_height": bar_h - 1, "rows": chart_rows, "key_y": len(series) * (2 * bar_h + gap) + 12,
        "legend": [{"x": label_w + j * 160, "colour": _CHART_COLOURS[j], "name": name} for j, name in enumerate(names)],
    }


def _summary_context(summary: dict[str, Any]) -> dict[str, Any]:
    """What report.md and report.html show, computed once for both."""
    run, base = summary["run"], summary["baseline"]
    return {
        "run": run, "base": base, "mark": NOT_AHEAD_MARK,
        "labelled": describe_labels(summary.get("labels", ATTRIBUTES)),
        "fields": _field_table(summary["rows"], ("run", "baseline"), ["field", "run P / R / F1", "baseline P / R / F1", ""],
                               delta=False, present=bool(base)),
        "chart": _chart(summary["rows"], ("run", "baseline"), (f"run ({run['model']})", "baseline (rules)")),
        "ops": _table(["", "run", "baseline"], _ops(summary)),
        "drops_and_flags": _run_drops_and_flags(run),
        "articles": _table(_article_header(run), _article_rows(run), numeric_from=2),
    }


def _run_drops_and_flags(stats: dict[str, Any]) -> str:
    """The run's line of drops and flags, with the fields the flags were about."""
    line = drops_and_flags_line(stats.get("dropped", 0), stats.get("dropped_by_kind", {}), stats.get("flags", 0))
    by_field = stats.get("flags_by_field") or {}
    if by_field:
        line += " (" + ", ".join(f"{k} {n}" for k, n in sorted(by_field.items(), key=lambda kv: (-kv[1], kv[0]))) + ")"
    return line


def summary_markdown(summary: dict[str, Any]) -> str:
    """report.md: the same figures as the terminal table, plus one row per article."""
    return render_page("report.md.j2", **_summary_context(summary))


def summary_html(summary: dict[str, Any]) -> str:
    """report.html: one file with inline CSS and an SVG chart; every text from a run is escaped."""
    run = summary["run"]
    return render_page("report.html.j2", title=f"Eval {run['suite']} {run['model']}", **_summary_context(summary))


# --------------------------------------------------------------------------------------------
# Comparing two runs
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemChange:
    """One gold item (or predicted quote) that is worse in run B than in run A."""

    article_id: str
    field: str
    change: str  # missed | wrong | spurious | fabricated
    item: str


@dataclass(frozen=True)
class Comparison:
    """Two runs of one suite side by side: B's change from A, field by field and item by item."""

    run_a: dict[str, Any]
    run_b: dict[str, Any]
    rows: list[dict[str, Any]]
    worse_articles: list[dict[str, Any]]
    worse_items: list[ItemChange]


def _delta(a: Any, b: Any, kind: str) -> float | None:
    x, y = _headline({"k": a}, "k", kind), _headline({"k": b}, "k", kind)
    return None if x is None or y is None else y - x


def _worse(delta: float | None, kind: str) -> bool:
    return delta is not None and (delta > 0 if kind == "count" else delta < 0)


def _item_changes(article_id: str, a: ArticleScore, b: ArticleScore) -> list[ItemChange]:
    changes: list[ItemChange] = []
    for name in FIELDS:
        fa, fb = a.field(name), b.field(name)
        if fa is None or fb is None:
            continue  # not labelled on one side: nothing to say got worse
        for change, old, new in (
            ("missed", fa.missed, fb.missed),
            ("wrong", fa.wrong, fb.wrong),
            ("spurious", fa.spurious, fb.spurious),
        ):
            changes.extend(ItemChange(article_id, name, change, item) for item in new if item not in set(old))
    changes.extend(ItemChange(article_id, "quotes", "fabricated", q) for q in b.fabricated if q not in set(a.fabricated))
    return changes


def _article_worse(article_id: str, a: ArticleScore, b: ArticleScore, sa: dict[str, Any], sb: dict[str, Any]) -> list[str]:
    reasons = []
    if sa["status"] in ("ok", "cached") and sb["status"] not in ("ok", "cached"):
        reasons.append(f"{sb['status']}: {sb['error'] or 'no result'}")
    for name in FIELDS:
        fa, fb = a.field(name), b.field(name)
        if fa is None or fb is None:
            continue
        x, y = fa.match.f1, fb.match.f1
        if y < x:
            reasons.append(f"{name} F1 {x:.2f} → {y:.2f}")
        for attr in ATTRIBUTES[name]:
            if attr not in fa.accuracy or attr not in fb.accuracy:
                continue
            x_acc, y_acc = fa.accuracy[attr].value, fb.accuracy[attr].value
            if x_acc is not None and y_acc is not None and y_acc < x_acc:
                reasons.append(f"{name} · {attr} {x_acc:.2f} → {y_acc:.2f}")
    if len(b.fabricated) > len(a.fabricated):
        reasons.append(f"fabricated {len(a.fabricated)} → {len(b.fabricated)}")
    return reasons


def compare_runs(run_a: Path, run_b: Path, *, suite: Any = None) -> Comparison:
    """Score two runs on the same gold and say what changed from A to B, and what got worse.

    ``suite`` scores both; without it each run's own suite path is read (the same file when
    both ran one suite), and only the articles in both are compared item by item.
    """
    info_a, info_b = read_run_info(Path(run_a)), read_run_info(Path(run_b))
    suite_a = suite if suite is not None else _load_suite(info_a)
    suite_b = suite if suite is not None else (
        suite_a if info_a.get("suite", {}).get("path") == info_b.get("suite", {}).get("path") else _load_suite(info_b)
    )
    a, b = _score_run(Path(run_a), suite_a), _score_run(Path(run_b), suite_b)
    labels_a, labels_b = _suite_labels(suite_a), _suite_labels(suite_b)
    rows = []
    for key, label, kind in _ROWS:
        va, vb = a.stats["metrics"].get(key), b.stats["metrics"].get(key)
        d = _delta(va, vb, kind)
        rows.append({
            "key": key, "label": label, "kind": kind,
            "labelled_a": _is_labelled(key, labels_a), "labelled_b": _is_labelled(key, labels_b),
            "a": va, "b": vb, "delta": d, "worse": _worse(d, kind),
        })
    status_a = {r["article_id"]: r for r in a.stats["per_article"]}
    status_b = {r["article_id"]: r for r in b.stats["per_article"]}
    worse_articles: list[dict[str, Any]] = []
    worse_items: list[ItemChange] = []
    for article_id, score_a in a.scores.items():
        score_b = b.scores.get(article_id)
        if score_b is None:
            continue
        reasons = _article_worse(article_id, score_a, score_b, status_a[article_id], status_b[article_id])
        if reasons:
            worse_articles.append({"article_id": article_id, "reasons": reasons})
        worse_items.extend(_item_changes(article_id, score_a, score_b))
    return Comparison(run_a=a.stats, run_b=b.stats, rows=rows, worse_articles=worse_articles, worse_items=worse_items)


def _fmt_delta(delta: float | None, kind: str) -> str:
    if delta is None:
        return "–"
    return f"{delta:+,.0f}" if kind == "count" else f"{delta:+.2f}"


def _comparison_labels(c: Comparison) -> str:
    """What the two runs' suites label: one description, or one per run when they differ."""
    a, b = (describe_labels(run.get("labels", ATTRIBUTES)) for run in (c.run_a, c.run_b))
    return a if a == b else f"A: {a}. B: {b}"


def _comparison_fields(c: Comparison) -> dict[str, Any]:
    """The comparison's one field table: the terminal, compare.md and compare.html all show it."""
    return _field_table(c.rows, ("a", "b"), ["field", "A", "B", "B − A", ""], delta=True)


def _run_name(stats: dict[str, Any]) -> str:
    return f"{stats['model']} · {stats['prompt']}"


def comparison_table(c: Comparison) -> Table:
    """Terminal table of two runs: A, B, the change, and a mark where B is worse."""
    labels = _comparison_labels(c)
    table = Table(
        title=f"A: {_run_name(c.run_a)}   B: {_run_name(c.run_b)}",
        title_justify="left",
        caption=None if labels == describe_labels(ATTRIBUTES) else f"labelled: {labels}",
        caption_justify="left",
    )
    fields = _comparison_fields(c)
    for name in fields["header"]:
        table.add_column(name, justify="left" if name == "field" else "right")
    for row in fields["rows"]:
        table.add_row(*row)
    table.add_section()
    for key, label, _ in _OPS:
        table.add_row(label, _fmt(c.run_a.get(key)), _fmt(c.run_b.get(key)), "", "")
    return table


def _comparison_context(c: Comparison) -> dict[str, Any]:
    """What compare.md and compare.html show, computed once for both."""
    labelled_rows = [r for r in c.rows if r["labelled_a"] and r["labelled_b"]]
    return {
        "a": {"name": _run_name(c.run_a), "dir": c.run_a["run_dir"], "fabricated": c.run_a["fabricated_quotes"]},
        "b": {"name": _run_name(c.run_b), "dir": c.run_b["run_dir"], "fabricated": c.run_b["fabricated_quotes"]},
        "labelled": _comparison_labels(c),
        "fields": _comparison_fields(c),
        "chart": _chart(labelled_rows, ("a", "b"), (f"A: {c.run_a['model']}", f"B: {c.run_b['model']}")),
        "ops": _table(["", "A", "B"], [[label, _fmt(c.run_a.get(k)), _fmt(c.run_b.get(k))] for k, label, _ in _OPS]),
        "worse_articles": _table(
            ["article", "what"], [[w["article_id"], "; ".join(w["reasons"])] for w in c.worse_articles], numeric_from=9
        ),
        "worse_items": _table(
            ["article", "field", "change", "item"], [[i.article_id, i.field, i.change, i.item] for i in c.worse_items],
            numeric_from=9,
        ),
    }


def comparison_markdown(c: Comparison) -> str:
    """compare.md: both runs side by side, then what got worse."""
    return render_page("compare.md.j2", **_comparison_context(c))


def comparison_html(c: Comparison) -> str:
    """compare.html: self-contained, both runs side by side with a chart; all run text escaped."""
    return render_page("compare.html.j2", title="Comparison", **_comparison_context(c))


def write_comparison(c: Comparison, out_dir: Path) -> tuple[Path, Path]:
    """Write compare.md and compare.html into ``out_dir``; returns their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    md, page = out_dir / COMPARE_MD, out_dir / COMPARE_HTML
    md.write_text(comparison_markdown(c), encoding="utf-8")
    page.write_text(comparison_html(c), encoding="utf-8")
    return md, page
