"""Versioned prompt templates: loading, validation, rendering, content hashes and the lock.

A prompt lives in ``prompts/<name>/<version>.md``: YAML front matter (name, version, description,
changes, strategy, variables, and for a composite prompt the ``steps`` it calls) and a Jinja body.
The body has a ``system`` part and a ``user`` part separated by a line ``--- user ---``; the
article comes last, so that everything before it is one shared prefix a backend can cache.

A released version never changes: ``prompts/prompts.lock`` records each version's hash and
``check_lock`` (run by the tests) fails when a released template has been edited.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from summarise.errors import ConfigError
from summarise.hashing import content_hash

DEFAULT_PROMPT = "briefing"
TEMPLATE_HASH = "template hash"
"""What ``Prompt.own_hash`` is called wherever it is shown: one prompt file alone, what the lock freezes."""
PROMPT_HASH = "prompt hash"
"""What ``Prompt.hash`` is called wherever it is shown: the template with its steps' prompt hashes, what a
briefing's provenance, a run and the response cache record."""
_USER_MARK = re.compile(r"^--- user ---[ \t]*$", re.MULTILINE)
_FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.DOTALL)
_VERSION = re.compile(r"^v(\d+)$")
_REQUIRED_META = ("name", "version", "description", "changes")
_KNOWN_META = {*_REQUIRED_META, "strategy", "variables", "steps", "max_tokens"}
#: libyaml's safe loader where PyYAML was built with it: a sixth of the pure-Python one's time.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def prompts_dir() -> Path:
    """The repository's prompts/ in a checkout, the packaged copy in an installed wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "prompts", here / "_data" / "prompts"):
        if candidate.is_dir():
            return candidate
    raise ConfigError("no prompts/ directory found next to the summarise package")


@lru_cache(maxsize=1)
def _env() -> Any:
    """Jinja is imported on first use: listing prompts needs only their front matter."""
    import jinja2

    return jinja2.Environment(
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False, trim_blocks=True
    )


@lru_cache(maxsize=128)
def _template(source: str) -> Any:
    """Compiled once per template text: a batch renders the same two templates for every article."""
    return _env().from_string(source)


@dataclass(frozen=True)
class Prompt:
    """One version of one prompt, validated at load."""

    name: str
    version: str
    description: str
    changes: str
    strategy: str
    variables: tuple[str, ...]
    system: str
    user: str
    path: Path
    steps: dict[str, str] = field(default_factory=dict)
    max_tokens: int | None = None

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"

    @cached_property
    def own_hash(self) -> str:
        """The template hash (``TEMPLATE_HASH``): this file's content alone, what the lock freezes.

        Read once per loaded prompt (a batch asks for it every article), so it is the hash of the
        file as it was when its template was loaded.
        """
        return content_hash(self.path.read_bytes())

    @cached_property
    def hash(self) -> str:
        """The prompt hash (``PROMPT_HASH``): everything that shapes the model's input, this file and
        every step it calls; the template hash when there are no steps."""
        if not self.steps:
            return self.own_hash
        parts = {"self": self.own_hash, **{k: load_prompt(v).hash for k, v in sorted(self.steps.items())}}
        return content_hash(parts)

    def render(self, **values: Any) -> list[dict[str, str]]:
        """Chat messages for these values; a missing or unexpected variable is a ``ConfigError``."""
        missing = set(self.variables) - values.keys()
        if missing:
            raise ConfigError(f"prompt {self.spec} needs {', '.join(sorted(missing))}")
        import jinja2

        try:
            system = _template(self.system).render(**values).strip()
            user = _template(self.user).render(**values).strip()
        except jinja2.TemplateError as exc:
            raise ConfigError(f"prompt {self.spec} cannot render: {exc}") from None
        messages = [{"role": "system", "content": system}] if system else []
        messages.append({"role": "user", "content": user})
        return messages


def _parse(path: Path, check_template: bool = True) -> Prompt:
    text = path.read_text(encoding="utf-8")
    m = _FRONT.match(text)
    if not m:
        raise ConfigError(f"{path}: a prompt starts with YAML front matter between '---' lines")
    try:
        meta = yaml.load(m.group(1), Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: front matter is not valid YAML ({exc})") from None
    missing = [k for k in _REQUIRED_META if not meta.get(k)]
    if missing:
        raise ConfigError(f"{path}: front matter lacks {', '.join(missing)}")
    unknown = set(meta) - _KNOWN_META
    if unknown:
        raise ConfigError(f"{path}: unknown front matter keys {', '.join(sorted(unknown))}")
    if f"{meta['name']}/{meta['version']}.md" != f"{path.parent.name}/{path.name}":
        raise ConfigError(f"{path}: front matter says {meta['name']}@{meta['version']}, the path disagrees")
    body = m.group(2)
    parts = _USER_MARK.split(body, maxsplit=1)
    system, user = (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])
    variables = tuple(meta["variables"] if meta.get("variables") is not None else ["article"])
    if check_template:
        _check_template(path, (system, user), variables)
    return Prompt(
        name=str(meta["name"]),
        version=str(meta["version"]),
        description=str(meta["description"]).strip(),
        changes=str(meta["changes"]).strip(),
        strategy=str(meta.get("strategy", "single")),
        variables=variables,
        system=system,
        user=user,
        path=path,
        steps=dict(meta.get("steps") or {}),
        max_tokens=meta.get("max_tokens"),
    )


def _check_template(path: Path, parts: tuple[str, ...], variables: tuple[str, ...]) -> None:
    import jinja2
    import jinja2.meta

    try:
        used: set[str] = set()
        for part in parts:
            used |= jinja2.meta.find_undeclared_variables(_env().parse(part))
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(f"{path}: template error at line {exc.lineno}: {exc.message}") from None
    if used != set(variables):
        raise ConfigError(
            f"{path}: declares variables {sorted(variables)} but the template uses {sorted(used)}"
        )


def _version_key(version: str) -> int:
    m = _VERSION.match(version)
    return int(m.group(1)) if m else -1


def list_prompts(check_templates: bool = True) -> list[Prompt]:
    """Every prompt version on disk, by name then version.

    ``check_templates=False`` reads only the front matter: ``summarise prompts list`` then starts
    without importing Jinja (issue 5's start-up target); loading a prompt to use it always checks.
    """
    root = prompts_dir()
    found = [_parse(p, check_templates) for p in sorted(root.glob("*/v*.md"))]
    return sorted(found, key=lambda p: (p.name, _version_key(p.version)))


@lru_cache(maxsize=64)
def load_prompt(spec: str | None = None) -> Prompt:
    """``name@version``, or a bare ``name`` for its newest version; none means the briefing prompt."""
    spec = spec or DEFAULT_PROMPT
    name, _, version = spec.partition("@")
    folder = prompts_dir() / name
    if not folder.is_dir():
        names = sorted(p.name for p in prompts_dir().iterdir() if p.is_dir())
        raise ConfigError(f"no prompt named {name!r}; there are: {', '.join(names)}")
    versions = sorted((p.stem for p in folder.glob("v*.md")), key=_version_key)
    if not versions:
        raise ConfigError(f"prompt {name!r} has no versions")
    if not version:
        version = versions[-1]
    if version not in versions:
        raise ConfigError(f"no version {version!r} of prompt {name!r}; there are: {', '.join(versions)}")
    return _parse(folder / f"{version}.md")


def lock_path() -> Path:
    return prompts_dir() / "prompts.lock"


def read_lock() -> dict[str, str]:
    path = lock_path()
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def check_lock() -> list[str]:
    """Released prompts whose content no longer matches the lock: each one is a broken promise."""
    lock = read_lock()
    current = {p.spec: p.own_hash for p in list_prompts()}
    problems = [f"{spec} was released as {h} but is now {current.get(spec, 'missing')}: make a new version"
                for spec, h in lock.items() if current.get(spec) != h]
    return problems


def release_prompts() -> list[str]:
    """Add every unlocked version to the lock; never rewrites an entry that is there."""
    problems = check_lock()
    if problems:
        raise ConfigError(problems[0])
    lock = read_lock()
    found = list_prompts()
    added = [p.spec for p in found if p.spec not in lock]
    for p in found:
        lock.setdefault(p.spec, p.own_hash)
    lock_path().write_text(json.dumps(lock, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return added
