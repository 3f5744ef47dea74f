"""Labelled eval suites: articles with hand-written gold briefings, and the checks that keep gold honest.

A suite is a folder ``evals/<name>/`` holding ``articles/<id>.txt|.md|.html`` and ``gold/<id>.json``
(a ``Briefing`` without provenance). The gold is the yardstick every model is scored against, so a
gold file that quotes words the article does not contain, or cites a sentence the article does not
have, silently punishes every model that gets it right. ``check_suite`` applies to the gold the same
rules a model's output must pass (``summarise.text`` decides what "the same words" means) and is run
in the tests, so a bad label fails the build instead of skewing a score.

A suite may be partly labelled: a real corpus annotated for one thing (who said which quote) has
nothing to say about the rest. Its manifest ``suite.json`` names what it labels, e.g.
``{"labels": {"quotes": ["speaker"]}, "source": "...", "description": "..."}``: the fields
(quotes, actors, events) and, per field, the attributes (see ``summarise.scoring.ATTRIBUTES``).
Its gold may then leave out everything else (headline, bottom line, unlabelled fields), and the
scorer skips what is not labelled instead of counting it as missed. No manifest, or one without
``labels``, means every field and attribute is labelled.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarise.articles import Article, read_article
from summarise.errors import ArticleError, ConfigError
from summarise.schemas import Briefing
from summarise.scoring import ATTRIBUTES, DERIVED, FIELDS, Labels, is_fully_labelled
from summarise.text import name_key

#: What counts as an article in ``articles/``; HTML gold is labelled against the extracted text.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")

#: Where a bare suite name (``newsdesk``) is looked up when it is not a folder under the cwd.
EVALS_DIR = Path(__file__).resolve().parent.parent / "evals"
#: The manifest at a suite's root: what the suite labels, and where it came from.
MANIFEST = "suite.json"
#: What a partly labelled gold may leave out and still be a Briefing: fields no suite scores.
_UNSCORED_DEFAULTS: dict[str, Any] = {"headline": "", "bottom_line": ""}


@dataclass(frozen=True)
class SuiteItem:
    """One labelled article; ``gold`` is None when the gold file is missing or not a valid Briefing."""

    id: str
    article: Article
    gold: Briefing | None
    gold_path: Path


@dataclass(frozen=True)
class Suite:
    """A loaded suite; ``labels`` is what its gold labels (``ATTRIBUTES``: everything)."""

    name: str
    path: Path
    items: list[SuiteItem]
    labels: Labels = field(default_factory=lambda: ATTRIBUTES)

    @property
    def partly_labelled(self) -> bool:
        return not is_fully_labelled(self.labels)


def read_labels(root: Path) -> Labels:
    """What the suite at ``root`` labels, from its manifest, in the scorer's order of fields and
    attributes; every field and attribute when there is no manifest or it names no labels.

    A manifest that cannot be read, or names a field or attribute the scorer does not know, is a
    one-line ``ConfigError``: a typo there would silently leave a field unscored.
    """
    path = root / MANIFEST
    if not path.is_file():
        return ATTRIBUTES
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path} cannot be read as JSON: {' '.join(str(exc).split())}") from None
    if not isinstance(manifest, dict):
        raise ConfigError(f"{path} must be a JSON object, with \"labels\" naming what the suite labels")
    raw = manifest.get("labels")
    if raw is None:
        return ATTRIBUTES
    if not isinstance(raw, dict) or not raw:
        raise ConfigError(f'{path}: "labels" must map at least one of {", ".join(FIELDS)} to a list of attributes')
    for name, attrs in raw.items():
        if name not in FIELDS:
            raise ConfigError(f'{path}: "labels" names the field {name!r}: the fields are {", ".join(FIELDS)}')
        if not isinstance(attrs, list) or not all(isinstance(a, str) for a in attrs):
            raise ConfigError(f'{path}: "labels".{name} must be a list of attribute names (possibly empty)')
        unknown = [a for a in attrs if a not in ATTRIBUTES[name]]
        if unknown:
            raise ConfigError(
                f'{path}: "labels".{name} names {unknown[0]!r}: the attributes of {name} are {", ".join(ATTRIBUTES[name])}'
            )
    labelled = {name: set(raw[name]) | {d for d, base in DERIVED.items() if base in raw[name]} for name in raw}
    return {name: tuple(a for a in ATTRIBUTES[name] if a in labelled[name]) for name in FIELDS if name in raw}


def _resolve(path: str | Path) -> Path:
    p = Path(path)
    if not p.is_dir() and len(p.parts) == 1 and (EVALS_DIR / p).is_dir():
        return EVALS_DIR / p
    return p


def _read_gold(path: Path, labels: Labels = ATTRIBUTES) -> dict | None:
    """The gold file as a dict; a partly labelled suite's gold gets the unscored fields it left out."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    return data if is_fully_labelled(labels) else {**_UNSCORED_DEFAULTS, **data}


def load_suite(path: str | Path) -> Suite:
    """Read every article of a suite and its gold, or say in one line why there is no suite there.

    Gold is validated for its shape only (no article context), so a run can still be scored while
    ``check_suite`` reports the label that breaks a rule; a gold that is not even a Briefing loads
    as None and is reported there too.
    """
    root = _resolve(path)
    articles_dir = root / "articles"
    if not articles_dir.is_dir():
        raise ConfigError(f"{path}: no suite here: expected a folder with articles/ and gold/ in it")
    labels = read_labels(root)
    files = sorted(p for p in articles_dir.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    if not files:
        raise ConfigError(f"{articles_dir}: no articles ({', '.join(ARTICLE_SUFFIXES)}) in this suite")
    items: list[SuiteItem] = []
    seen: set[str] = set()
    for file in files:
        if file.stem in seen:
            raise ConfigError(f"{file}: two articles share the id {file.stem!r}: rename one")
        seen.add(file.stem)
        try:
            article = read_article(file)
        except ArticleError as exc:
            raise ConfigError(f"suite {root.name}: {exc}") from None
        gold_path = root / "gold" / f"{file.stem}.json"
        data = _read_gold(gold_path, labels) if gold_path.is_file() else None
        try:
            gold = Briefing.model_validate(data) if data is not None else None
        except ValidationError:
            gold = None
        items.append(SuiteItem(id=file.stem, article=article, gold=gold, gold_path=gold_path))
    return Suite(name=root.name, path=root, items=items, labels=labels)


def _loc(error: dict) -> str:
    return ".".join(str(p) for p in error.get("loc", ())) or "gold"


def check_suite(suite: Suite) -> list[str]:
    """Every way the suite's gold breaks the rules a model's briefing must meet; empty when clean.

    Checked: the gold file exists and is a Briefing; each quote's words, each event sentence and each
    actor name are in the article (the schema validators, given the article as context); each event
    actor is in the actors list; no gold file lacks its article; in a partly labelled suite, no gold
    file leaves out a field the suite labels (an absent list could be "none" or "forgotten").
    One line per problem, naming the item.
    """
    problems: list[str] = []
    for item in suite.items:
        if not item.gold_path.is_file():
            problems.append(f"{item.id}: gold file missing ({item.gold_path})")
            continue
        data = _read_gold(item.gold_path, suite.labels)
        if data is None:
            problems.append(f"{item.id}: gold is not a JSON object ({item.gold_path})")
            continue
        if suite.partly_labelled:
            problems.extend(
                f"{item.id}: {name}: the suite labels it (see {MANIFEST}) but the gold leaves it out"
                for name in suite.labels
                if name not in data
            )
        try:
            gold = Briefing.model_validate(data, context={"article": item.article.text})
        except ValidationError as exc:
            problems.extend(f"{item.id}: {_loc(err)}: {err['msg']}" for err in exc.errors())
            continue
        known = {name_key(a.name) for a in gold.actors}
        for i, event in enumerate(gold.events):
            for name in event.actors:
                if name_key(name) not in known:
                    problems.append(f"{item.id}: events.{i}.actors: {name!r} is not in the actors list")
    gold_dir = suite.path / "gold"
    ids = {item.id for item in suite.items}
    if gold_dir.is_dir():
        problems.extend(
            f"{p.stem}: gold has no article in {suite.path / 'articles'}"
            for p in sorted(gold_dir.glob("*.json"))
            if p.stem not in ids
        )
    return problems
