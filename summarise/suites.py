"""Labelled eval suites: articles with hand-written gold briefings, and the checks that keep gold honest.

A suite is a folder ``evals/<name>/`` holding ``articles/<id>.txt|.md|.html`` and ``gold/<id>.json``
(a ``Briefing`` without provenance). The gold is the yardstick every model is scored against, so a
gold file that quotes words the article does not contain, or cites a sentence the article does not
have, silently punishes every model that gets it right. ``check_suite`` applies to the gold the same
rules a model's output must pass (``summarise.text`` decides what "the same words" means) and is run
in the tests, so a bad label fails the build instead of skewing a score.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from summarise.articles import Article, read_article
from summarise.errors import ArticleError, ConfigError
from summarise.schemas import Briefing
from summarise.text import name_key

#: What counts as an article in ``articles/``; HTML gold is labelled against the extracted text.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")

#: Where a bare suite name (``newsdesk``) is looked up when it is not a folder under the cwd.
EVALS_DIR = Path(__file__).resolve().parent.parent / "evals"


@dataclass(frozen=True)
class SuiteItem:
    """One labelled article; ``gold`` is None when the gold file is missing or not a valid Briefing."""

    id: str
    article: Article
    gold: Briefing | None
    gold_path: Path


@dataclass(frozen=True)
class Suite:
    name: str
    path: Path
    items: list[SuiteItem]


def _resolve(path: str | Path) -> Path:
    p = Path(path)
    if not p.is_dir() and len(p.parts) == 1 and (EVALS_DIR / p).is_dir():
        return EVALS_DIR / p
    return p


def _read_gold(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


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
        data = _read_gold(gold_path) if gold_path.is_file() else None
        try:
            gold = Briefing.model_validate(data) if data is not None else None
        except ValidationError:
            gold = None
        items.append(SuiteItem(id=file.stem, article=article, gold=gold, gold_path=gold_path))
    return Suite(name=root.name, path=root, items=items)


def _loc(error: dict) -> str:
    return ".".join(str(p) for p in error.get("loc", ())) or "gold"


def check_suite(suite: Suite) -> list[str]:
    """Every way the suite's gold breaks the rules a model's briefing must meet; empty when clean.

    Checked: the gold file exists and is a Briefing; each quote's words, each event sentence and each
    actor name are in the article (the schema validators, given the article as context); each event
    actor is in the actors list; no gold file lacks its article. One line per problem, naming the item.
    """
    problems: list[str] = []
    for item in suite.items:
        if not item.gold_path.is_file():
            problems.append(f"{item.id}: gold file missing ({item.gold_path})")
            continue
        data = _read_gold(item.gold_path)
        if data is None:
            problems.append(f"{item.id}: gold is not a JSON object ({item.gold_path})")
            continue
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
