"""Importing brat standoff attribution annotations (PolNeAR's format) as a quotes-only suite.

brat keeps an article's annotations beside its text: ``T`` lines are spans (``T3<TAB>Content
120 211;215 230<TAB>words``, offsets into the text, a span in several pieces joined by ``;``),
``E`` lines are relations between them (``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``).
Two layouts are read: PolNeAR's (``DIR/text/<id>.txt`` and ``DIR/attributions/<id>_<annotator>.ann``)
and plain brat (``<id>.txt`` beside ``<id>.ann`` or ``<id>_<annotator>.ann``).

An article annotated by several people gets one of their files, chosen without looking at the
result: the one with the most attribution relations (the fullest reading), ties going to the
lowest annotator id. Mixing annotators would give one quote two speakers.

What an attribution becomes is ``summarise.importers.attribution``'s business; this module reads
the files, writes the suite (``articles/``, ``gold/``, a ``suite.json`` that labels quotes and
their speakers only, and a README saying where it came from), and counts what it left out.
Bad input (no folder, no annotations, a line that is not brat, offsets past the text) is a
one-line error: the import never half-succeeds on a file it misread.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from summarise.articles import read_article
from summarise.errors import ArticleError, ConfigError
from summarise.importers.attribution import (
    MAX_SPEAKER_CHARS,
    ArticleGold,
    Attribution,
    Fragments,
    article_gold,
)
from summarise.pages import render_page
from summarise.schemas import Actor, Briefing, Quote
from summarise.suites import MANIFEST

ANN_SUFFIX = ".ann"
TEXT_SUFFIX = ".txt"
#: What a suite made from attribution annotations labels: quotes and who said them, nothing else.
LABELS: dict[str, list[str]] = {"quotes": ["speaker"]}
#: The relation type (and its variant without a Source) PolNeAR gives every attribution.
ATTRIBUTION = "Attribution"

_SPAN_LINE = re.compile(r"T\d+\t(?P<type>[^\t ]+) (?P<offsets>\d+ \d+(?:;\d+ \d+)*)\t(?P<text>.*)")
_EVENT_LINE = re.compile(r"E\d+\t(?P<args>[^\s:]+:[^\s:]+(?: [^\s:]+:[^\s:]+)*) *")
_OTHER_LINE = re.compile(r"(?:R\d+\t\S+(?: \S+:\S+)+|[AM]\d+\t\S+ \S+(?: \S+)?|N\d+\t.*|#\d*\t.*|\*\t.*) *")


@dataclass(frozen=True)
class Standoff:
    """One annotation file, read: its spans by id, and its relations as (type, [(role, span id)])."""

    path: Path
    annotator: str
    spans: dict[str, tuple[str, Fragments]]
    relations: list[tuple[str, list[tuple[str, str]]]]

    @property
    def attribution_count(self) -> int:
        return sum(1 for kind, _ in self.relations if kind.startswith(ATTRIBUTION))

    def attributions(self) -> list[Attribution]:
        """Each attribution relation's Source and Content fragments (Content2 and on included)."""
        out = []
        for kind, args in self.relations:
            if not kind.startswith(ATTRIBUTION):
                continue
            sources = [self.spans[i][1] for role, i in args if role.startswith("Source")]
            content = tuple(f for role, i in args if role.startswith("Content") for f in self.spans[i][1])
            out.append(Attribution(source=sources[0] if sources else (), content=content))
        return out


def _bad(path: Path, number: int, why: str) -> ArticleError:
    return ArticleError(f"{path}:{number}: {why}")


def read_standoff(path: Path, article_length: int, annotator: str = "") -> Standoff:
    """Parse a brat ``.ann`` file whose offsets point into a text of ``article_length`` characters.

    A span's text may run over several lines (it holds the article's line breaks): the lines after
    a ``T`` line belong to it until its text is as long as its offsets say. Any other line that is
    not brat is an ``ArticleError`` naming the file and line.
    """
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise ArticleError(f"{path} cannot be read as UTF-8 text: {type(exc).__name__}") from None
    spans: dict[str, tuple[str, Fragments]] = {}
    raw_relations: list[tuple[int, str]] = []
    number = 0
    while number < len(lines):
        line = lines[number].rstrip("\r")
        number += 1
        if not line.strip():
            continue
        if m := _SPAN_LINE.fullmatch(line):
            fragments = tuple(
                (int(a), int(b)) for a, b in (piece.split() for piece in m.group("offsets").split(";"))
            )
            if any(not 0 <= a <= b <= article_length for a, b in fragments):
                where = f"offsets {m.group('offsets')} fall outside its text ({article_length} characters)"
                raise _bad(path, number, where)
            expected = sum(b - a for a, b in fragments) + len(fragments) - 1
            text = m.group("text")
            while len(text) < expected and number < len(lines):
                text += "\n" + lines[number]
                number += 1
            spans[line.split("\t", 1)[0]] = (m.group("type"), fragments)
        elif _EVENT_LINE.fullmatch(line):
            raw_relations.append((number, line.split("\t", 1)[1]))
        elif not _OTHER_LINE.fullmatch(line):
            why = f"not a brat annotation line (an id, a tab, then the annotation): {line[:40]!r}"
            raise _bad(path, number, why)
    relations: list[tuple[str, list[tuple[str, str]]]] = []
    for at, args_text in raw_relations:
        args = [(role, ref) for role, ref in (arg.split(":", 1) for arg in args_text.split())]
        missing = [ref for _, ref in args if ref not in spans]
        if missing:
            raise _bad(path, at, f"the relation refers to {missing[0]}, which the file does not define")
        relations.append((args[0][0], args[1:]))
    return Standoff(path=path, annotator=annotator, spans=spans, relations=relations)


@dataclass(frozen=True)
class Document:
    """An article and its annotation files, each with its annotator id ("" when the name has none)."""

    id: str
    text: Path
    annotations: tuple[tuple[str, Path], ...]


def find_documents(root: Path) -> tuple[list[Document], list[Path]]:
    """The annotated articles under ``root``, in either layout, and the annotation files that
    match no text. A ``ConfigError`` when there is no folder or no ``.ann`` in it."""
    if not root.is_dir():
        raise ConfigError(f"{root}: no such folder: give the folder that holds the brat .txt and .ann files")
    if (root / "text").is_dir() and (root / "attributions").is_dir():
        text_dir, ann_dir = root / "text", root / "attributions"
    else:
        text_dir = ann_dir = root
    texts = {p.stem: p for p in sorted(text_dir.glob(f"*{TEXT_SUFFIX}")) if p.is_file()}
    anns = sorted(p for p in ann_dir.glob(f"*{ANN_SUFFIX}") if p.is_file())
    if not anns:
        raise ConfigError(
            f"{root}: no brat annotations (.ann) here: expected <id>.txt beside <id>.ann, "
            "or text/<id>.txt and attributions/<id>_<annotator>.ann (PolNeAR)"
        )
    found: dict[str, list[tuple[str, Path]]] = {}
    orphans: list[Path] = []
    for ann in anns:
        stem = ann.stem
        if stem in texts:
            found.setdefault(stem, []).append(("", ann))
        elif "_" in stem and stem.rsplit("_", 1)[0] in texts:
            article_id, annotator = stem.rsplit("_", 1)
            found.setdefault(article_id, []).append((annotator, ann))
        else:
            orphans.append(ann)
    documents = [Document(article_id, texts[article_id], tuple(found[article_id])) for article_id in sorted(found)]
    return documents, orphans


def _read_text(path: Path) -> str:
    """The text exactly as brat counted it: UTF-8, every character (a byte-order mark too)."""
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        why = f"{path} cannot be read as UTF-8 text, as brat offsets need: {type(exc).__name__}"
        raise ArticleError(why) from None


def choose_annotation(document: Document, article_length: int) -> Standoff:
    """The annotation file to use: the most attribution relations, ties to the lowest annotator id."""
    read = [read_standoff(path, article_length, annotator) for annotator, path in document.annotations]
    return min(read, key=lambda s: (-s.attribution_count, s.annotator))


@dataclass
class ImportReport:
    """What an import wrote and what it left out, with the reason for each."""

    source: Path
    out: Path
    articles: int = 0
    quotes: int = 0
    totals: Counter[str] = field(default_factory=Counter)
    several_annotators: int = 0
    dropped_quotes: Counter[str] = field(default_factory=Counter)
    skipped_articles: dict[str, str] = field(default_factory=dict)
    orphans: list[Path] = field(default_factory=list)
    chosen: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[str]:
        t = self.totals
        out = [
            f"imported {self.articles} articles with {self.quotes} quotes into {self.out} "
            f"({t['quoteless']} articles quote no one: a quote found there counts against precision)",
            f"speakers: {t['named']} named in the Source, {t['resolved']} found through a pronoun or description "
            f"before them, {t['description']} not named (null, the description kept as the role)",
            f"attributions: {t['attributions']} read, {t['quoting']} with quoted words; skipped: "
            f"{t['no_source']} with quoted words but no Source",
        ]
        if t["overlapping"]:
            out.append(f"quotes claimed by two attributions (nested): {t['overlapping']}, the closer claim kept")
        out.extend(f"quotes left out: {n} {why}" for why, n in sorted(self.dropped_quotes.items()))
        if self.skipped_articles:
            reasons = Counter(self.skipped_articles.values())
            out.append(
                f"articles skipped: {len(self.skipped_articles)} ("
                + "; ".join(f"{n} {why}" for why, n in sorted(reasons.items()))
                + ")"
            )
        if self.orphans:
            out.append(f"annotation files with no text beside them, ignored: {len(self.orphans)}")
        if self.several_annotators:
            out.append(
                f"{self.several_annotators} articles had several annotation files: the one with the most "
                "attribution relations was used (ties: the lowest annotator id)"
            )
        return out


def _gold(gold: ArticleGold, article_text: str, counts: Counter[str], dropped: Counter[str]) -> dict:
    """The gold file: quotes and the actors who speak them, each checked as a briefing item is;
    ``counts`` gets how each kept quote's speaker was found, ``dropped`` why a quote was left out."""
    context = {"article": article_text}
    quotes = []
    for q in gold.quotes:
        try:
            # an unnamed speaker is no one's name: null, the description kept as the role
            # (as in the project's real-text gold, an unnamed source has no speaker)
            who = {"speaker": None, "speaker_role": q.speaker} if q.found == "description" else {"speaker": q.speaker}
            quote = Quote.model_validate({"text": q.text, **who}, context=context)
        except ValidationError as exc:
            dropped[_why(exc.errors()[0])] += 1
            continue
        counts[q.found] += 1
        quotes.append(quote.model_dump(mode="json", include={"text", "speaker", "speaker_role"}, exclude_none=True) | {"speaker": quote.speaker})
    actors = [
        Actor(name=a.name, kind=a.kind, aliases=list(a.aliases)).model_dump(
            mode="json", include={"name", "kind", "aliases"}, exclude_defaults=True
        )
        for a in gold.actors
    ]
    return {"schema_version": Briefing.model_fields["schema_version"].default, "quotes": quotes, "actors": actors}


def _why(error: dict) -> str:
    if error.get("type") == "string_too_long":
        return f"longer than a briefing's quote may be ({error.get('ctx', {}).get('max_length')} characters)"
    return f"not a valid quote ({error.get('msg', 'invalid')})"


def _why_not_gold(error: dict) -> str:
    where = ".".join(str(p) for p in error.get("loc", ())[:1])
    if error.get("type") == "too_long":
        return f"more {where} than a briefing holds ({error.get('ctx', {}).get('max_length')})"
    return f"{where}: {error.get('msg', 'invalid')}"


def _out_dir(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ConfigError(f"{out} already exists and is not an empty folder: give a new folder for the suite")
    (out / "articles").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(exist_ok=True)


def import_brat(source: Path, out: Path) -> ImportReport:
    """Turn the brat attribution annotations under ``source`` into a quotes-only suite in ``out``."""
    source, out = Path(source), Path(out)
    documents, orphans = find_documents(source)
    report = ImportReport(source=source, out=out, orphans=orphans)
    prepared = []
    for document in documents:  # read everything before writing anything: bad input leaves no half suite
        text = _read_text(document.text)
        standoff = choose_annotation(document, len(text))
        prepared.append((document, text, standoff))
    _out_dir(out)
    for document, text, standoff in prepared:
        report.several_annotators += int(len(document.annotations) > 1)
        gold = article_gold(text, standoff.attributions())
        try:
            article_text = read_article(document.text).text
        except ArticleError as exc:
            report.skipped_articles[document.id] = f"not readable as an article ({exc})"
            continue
        counts: Counter[str] = Counter()
        dropped: Counter[str] = Counter()
        data = _gold(gold, article_text, counts, dropped)
        try:
            Briefing.model_validate({"headline": "", "bottom_line": "", **data}, context={"article": article_text})
        except ValidationError as exc:
            report.skipped_articles[document.id] = _why_not_gold(exc.errors()[0])
            continue
        shutil.copyfile(document.text, out / "articles" / f"{document.id}{TEXT_SUFFIX}")
        (out / "gold" / f"{document.id}.json").write_text(
            json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        report.chosen[document.id] = standoff.path.name
        report.articles += 1
        report.quotes += len(data["quotes"])
        report.dropped_quotes.update(dropped)
        report.totals.update(counts)
        report.totals["quoteless"] += int(not data["quotes"])
        for key in ("attributions", "quoting", "no_source", "overlapping"):
            report.totals[key] += getattr(gold, key)
    _write_manifest(report)
    _write_readme(report)
    return report


def _write_manifest(report: ImportReport) -> None:
    manifest = {
        "labels": LABELS,
        "source": f"brat standoff attribution annotations in {report.source.resolve()}",
        "description": "Direct quotes (the words between quotation marks in each attribution's Content) and "
        "their speakers, imported by `summarise eval import brat`; nothing else is labelled.",
        "annotation_files": report.chosen,
    }
    (report.out / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_readme(report: ImportReport) -> None:
    text = render_page(
        "imported_suite.md.j2",
        name=report.out.name,
        today=dt.date.today().isoformat(),
        source=report.source,
        source_path=report.source.resolve(),
        out=report.out,
        max_speaker_chars=MAX_SPEAKER_CHARS,
        said=report.lines(),
    )
    (report.out / "README.md").write_text(text, encoding="utf-8")
