from __future__ import annotations

from pathlib import Path

import pytest

from summarise.articles import MAX_ARTICLE_CHARS, parse_article, read_article
from summarise.errors import ArticleError

PAGE = """<!doctype html><html><head><title>Drill ends</title><script>var x = 1;</script></head>
<body><nav>Home | World | Sport</nav><article><h1>Drill ends</h1>
<p>SEOUL, March 3 (Wire) - South Korea and the United States ended a ten-day drill on Monday, the Joint Chiefs of Staff said.</p>
<p>"The exercise strengthened our combined readiness," said spokesperson Lee Sung-jun, adding that 18,000 troops had taken part in it.</p>
<p>North Korea condemned the drills as a rehearsal for invasion, its state media reported later that day.</p>
</article><footer>Copyright 2026</footer></body></html>"""


@pytest.mark.parametrize(
    "content, name, expected_error",
    [
        (b"", "a.txt", "a.txt is empty"),
        (b"  \n\t\n", "a.txt", "a.txt is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "a.txt", "binary data"),
        (bytes(range(256)) * 4, "a.bin", "binary data"),
        (b"<html><body><nav>Home</nav><p>Cookies.</p></body></html>", "a.html", "HTML page with no article text"),
        (b"x" * (MAX_ARTICLE_CHARS + 1), "big.txt", "over the 400,000 a news article can be"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path: Path, content: bytes, name: str, expected_error: str):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=expected_error) as info:
        read_article(path)
    assert "\n" not in str(info.value)


def test_missing_file_and_directory(tmp_path: Path):
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="is a directory"):
        read_article(tmp_path)


def test_html_page_gives_the_article_text(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_article(path)
    assert article.kind == "html"
    assert "The exercise strengthened our combined readiness" in article.text
    assert "var x" not in article.text and "Copyright" not in article.text


def test_html_is_recognised_without_extension():
    assert parse_article(PAGE.encode(), "<stdin>").kind == "html"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_text_encodings(encoding: str):
    text = "Seoul said: \u201cThe launch was a provocation,\u201d on Sunday."
    article = parse_article(text.encode(encoding), "a.txt")
    assert "\u201cThe launch was a provocation,\u201d" in article.text


def test_crlf_is_normalised_and_hash_is_stable():
    a = parse_article(b"One.\r\nTwo.\r\n", "a.txt")
    b = parse_article(b"One.\nTwo.\n", "b.txt")
    assert a.text == b.text and a.hash == b.hash and a.hash.startswith("b2:")
