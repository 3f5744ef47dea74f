"""Reading an article: files, stdin or HTML, and every way that input can be wrong.

Each failure is an ``ArticleError`` whose message names the input and what to do, because the
person reading it is an analyst with a file in hand, not a developer with a traceback.

An article may come with its publication date: the one its reader gives (``--date``) or, for an
HTML page, the one its metadata states. "On Monday" and "overnight" are read against it; the
text's own date line is only the fallback (``summarise.grounding.dates``).
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from summarise.errors import ArticleError, ConfigError
from summarise.hashing import content_hash

#: Articles longer than this are refused outright, whatever the model: no news article is
#: this long, and reading one would only fill memory. The model's own context is checked later.
MAX_ARTICLE_CHARS = 400_000
_MIN_HTML_TEXT = 200
_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: htmldate's settings for a page's own date: its markup only (meta tags, JSON-LD, <time>, the
#: URL), the publication before any later edit, never a date-like string found in the body or a
#: copyright year (that would be a guess), and no ceiling taken from this machine's clock.
_PAGE_DATE = {"original_date": True, "extensive_search": False, "max_date": "2099-12-31"}


@dataclass(frozen=True)
class Article:
    """An article's plain text and where it came from."""

    text: str
    source: str
    kind: str = "text"  # text | markdown | html
    title: str | None = None
    published: dt.date | None = None  # given by the reader, else stated by the page's metadata

    @property
    def hash(self) -> str:
        """The input's identity: its text, and its date when it has one, since the same words read
        against another date are another briefing (and must never share a cached answer)."""
        if self.published is None:
            return content_hash(self.text)
        return content_hash({"text": self.text, "published": self.published.isoformat()})

    @property
    def words(self) -> int:
        return len(self.text.split())


#: Byte-order marks, longest first (UTF-32's begins like UTF-16's): text whose bytes hold NULs by design.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _binary(source: str) -> ArticleError:
    return ArticleError(f"{source} is binary data, not an article: give a .txt, .md or .html file")


def _printable(text: str, source: str) -> str:
    if sum(ch.isprintable() or ch.isspace() for ch in text) < 0.95 * len(text):
        raise _binary(source)
    return text


def _decode(data: bytes, source: str) -> str:
    # a byte-order mark first: UTF-16 and UTF-32 text is full of NUL bytes, and the NUL test
    # below would call every such file binary
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _printable(data.decode(encoding), source)
            except UnicodeDecodeError:
                raise _binary(source) from None
    if b"\x00" in data[:8192]:
        raise _binary(source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ArticleError(f"{source} is not text in a known encoding: save it as UTF-8") from None
    return _printable(text, source)


def publication_date(value: dt.date | str | None) -> dt.date | None:
    """The date a reader gives for an article (a date, or text as YYYY-MM-DD), checked.

    A ``ConfigError``, not a guess, when it is no calendar day: a wrong date would silently
    misdate every "on Monday" in the briefing.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if _ISO_DATE.fullmatch(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise ConfigError(f"date {str(value)!r} is not a calendar day: give the article's publication date as YYYY-MM-DD")


def _page_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _from_html(html: str, source: str) -> tuple[str, str | None, dt.date | None]:
    import trafilatura  # imported here: it is slow to import and most articles are plain text

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or len(text.strip()) < _MIN_HTML_TEXT:
        raise ArticleError(f"{source} is an HTML page with no article text in it")
    meta = trafilatura.extract_metadata(html, date_config=dict(_PAGE_DATE))
    title = meta.title if meta is not None else None
    published = _page_date(meta.date) if meta is not None else None
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    return text, title, published


def parse_article(data: bytes | str, source: str = "<text>") -> Article:
    """Turn raw input into an ``Article``, or say in one line why it is not one."""
    raw = data if isinstance(data, str) else _decode(data, source)
    if len(raw) > MAX_ARTICLE_CHARS:
        raise ArticleError(
            f"{source} is {len(raw):,} characters, over the {MAX_ARTICLE_CHARS:,} a news article can be: "
            "split it into articles"
        )
    if not raw.strip():
        raise ArticleError(f"{source} is empty")
    if "\x00" in raw:
        raise ArticleError(f"{source} is binary data, not an article: give a .txt, .md or .html file")
    lower = source.lower()
    if lower.endswith((".html", ".htm")) or _HTML_SNIFF.match(raw):
        text, title, published = _from_html(raw, source)
        return Article(text=text.strip() + "\n", source=source, kind="html", title=title, published=published)
    kind = "markdown" if lower.endswith((".md", ".markdown")) else "text"
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    return Article(text=text, source=source, kind=kind)


def read_article(path: str | Path) -> Article:
    """Read an article from a path, or from standard input when the path is ``-``."""
    name = str(path)
    if name == "-":
        return parse_article(sys.stdin.buffer.read(), "<stdin>")
    p = Path(path)
    if not p.exists():
        raise ArticleError(f"{name}: no such file")
    if p.is_dir():
        raise ArticleError(f"{name} is a directory: give an article file")
    try:
        size = p.stat().st_size
        if size > MAX_ARTICLE_CHARS * 4:
            raise ArticleError(
                f"{name} is {size:,} bytes, over what a news article can be: split it into articles"
            )
        data = p.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    return parse_article(data, name)
