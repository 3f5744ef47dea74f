"""The HTML briefing as a real browser sees it: headless Chromium parses the page, we read its DOM.

A string-level check cannot tell whether a browser would re-nest our tags (it silently closes an
``<a>`` opened inside another ``<a>``, for one); the DOM Chromium dumps after parsing can. The
screenshot is kept in the test's tmp folder for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from summarise.render import render
from summarise.schemas import (
    Actor,
    ActorKind,
    Briefing,
    Event,
    EventType,
    MatchStatus,
    Provenance,
    Quantity,
    Quote,
    Span,
    SpeakerType,
)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH (e.g. apt-get install chromium)"),
]

_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
_TIMEOUT_S = 90

ARTICLE = """SEOUL, Jan 4 (Wire) - North Korea fired a ballistic missile into the sea off its east coast on Sunday, South Korea's military said, the first launch of the year by the nuclear-armed state.

The missile flew about 900 km (560 miles) after being launched from near Pyongyang at 7:30 a.m. local time, the Joint Chiefs of Staff said in a statement.

North Korean leader Kim Jong Un said the test was "a clear warning to those who threaten our sovereignty", state media KCNA reported on Monday.

"Pyongyang is signalling that it will not wait for Washington," said Hong Min, a senior analyst at the Korea Institute for National Unification. "Expect more launches before the spring drills."

Japan's defence ministry said the missile landed outside its exclusive economic zone. A <script>alert(1)</script> tag and {{ braces }} in an article are words, not code.
"""


def _span(text: str, nth: int = 0, status: MatchStatus = MatchStatus.EXACT) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = ARTICLE.index(text, start + 1)
    return Span(start=start, end=start + len(text), status=status)


def _sentence(starting: str) -> str:
    start = ARTICLE.index(starting)
    return ARTICLE[start:ARTICLE.index(".", ARTICLE.index("said", start)) + 1]


S1 = _sentence("North Korea fired")
S2 = _sentence("The missile flew")
S3 = _sentence("North Korean leader")
Q1 = "a clear warning to those who threaten our sovereignty"
Q2 = "Pyongyang is signalling that it will not wait for Washington,"
Q3 = "Expect more launches before the spring drills."


def _briefing() -> Briefing:
    return Briefing(
        headline="North Korea opens the year with a 900 km ballistic missile launch",
        bottom_line="Pyongyang's first launch of 2026 flew about 900 km into the sea; analysts expect more before "
        "the spring drills.",
        article_date=dt.date(2026, 1, 4),
        events=[
            Event(type=EventType.MISSILE_LAUNCH, what="North Korea fired a ballistic missile into the sea.",
                  date=dt.date(2026, 1, 4), date_text="on Sunday", place="off the east coast",
                  actors=["North Korea"], sentence=S1, span=_span(S1)),
            Event(type=EventType.MISSILE_LAUNCH, what="The missile flew about 900 km.", place="near Pyongyang",
                  actors=["Joint Chiefs of Staff"],
                  quantities=[Quantity(value=901.2, unit="km", measure="flight distance", text="about 900 km (560 miles)"),
                              Quantity(value=None, unit="local time", measure="launch time", text="7:30 a.m.")],
                  sentence=S2, span=_span(S2)),
            Event(type=EventType.STATEMENT, what="Kim Jong Un called the test a warning.", actors=["Kim Jong Un"],
                  sentence=S3, span=_span(S3, status=MatchStatus.FUZZY)),
            Event(type=EventType.OTHER, what="Missile landed outside Japan's EEZ.", sentence="(not in article)"),
        ],
        actors=[
            Actor(name="North Korea", kind=ActorKind.STATE, aliases=["Pyongyang"],
                  mentions=[_span("North Korea"), _span("Pyongyang"), _span("Pyongyang", 1)]),
            Actor(name="Kim Jong Un", kind=ActorKind.PERSON, role="leader", affiliation="North Korea",
                  mentions=[_span("Kim Jong Un")]),
            Actor(name="Joint Chiefs of Staff", kind=ActorKind.MILITARY_BODY, affiliation="South Korea",
                  mentions=[_span("Joint Chiefs of Staff")]),
            Actor(name="Hong Min", kind=ActorKind.PERSON, role="senior analyst",
                  affiliation="Korea Institute for National Unification", mentions=[_span("Hong Min")]),
            Actor(name="Washington", kind=ActorKind.STATE, mentions=[_span("Washington")]),
        ],
        quotes=[
            Quote(text=Q1, speaker="Kim Jong Un", speaker_role="leader", speaker_affiliation="North Korea",
                  speaker_type=SpeakerType.OFFICIAL, span=_span(Q1)),
            Quote(text=Q2, speaker="Hong Min", speaker_role="senior analyst",
                  speaker_affiliation="Korea Institute for National Unification",
                  speaker_type=SpeakerType.ANALYST, span=_span(Q2)),
            Quote(text=Q3, speaker="Hong Min", speaker_role="senior analyst",
                  speaker_affiliation="Korea Institute for National Unification",
                  speaker_type=SpeakerType.ANALYST, span=_span(Q3)),
        ],
        provenance=Provenance(
            prompt="briefing@1", prompt_hash="b2:7f3a9c0e11d24b5a", model="local/smollm2-360m-instruct-q8_0.gguf",
            backend="local", article_hash="b2:abc", created_at=dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.timezone.utc),
            duration_s=4.8, calls=1, tokens_in=1432, tokens_out=388,
            notes=["warning: the bundled tiny model is for trying the tool, not for analysis"],
        ),
    )


class _Marks(HTMLParser):
    """The text inside each highlight, the ids, and links found inside links, from a DOM dump."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, str] = {}
        self.first_ids: set[str] = set()
        self.link_in_link = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "mark" and a.get("data-span") and a.get("id"):
            self.first_ids.add(a["id"])  # type: ignore[arg-type]
        if tag == "a":
            self.link_in_link += any(t == "a" for t, _ in self.stack)
        if tag not in {"meta", "br", "hr", "img", "link"}:
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        for tag, a in self.stack:
            if tag == "mark" and a.get("data-span"):
                key = a["data-span"]
                self.text[key] = self.text.get(key, "") + data  # type: ignore[index]


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [CHROMIUM, *_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]  # type: ignore[list-item]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=_TIMEOUT_S, check=False)


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "briefing.html"
    path.write_text(render(_briefing(), "html", article=ARTICLE), encoding="utf-8")
    return path


def test_chromium_dom_has_every_highlight_with_its_exact_text(page: Path, tmp_path: Path) -> None:
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = _Marks()
    dom.feed(result.stdout)
    b = _briefing()
    want = {f"e-{i}-0": ARTICLE[e.span.start:e.span.end] for i, e in enumerate(b.events) if e.span}
    want |= {f"q-{i}-0": ARTICLE[q.span.start:q.span.end] for i, q in enumerate(b.quotes) if q.span}
    for i, a in enumerate(b.actors):
        want |= {f"a-{i}-{k}": ARTICLE[m.start:m.end] for k, m in enumerate(a.mentions)}
    assert dom.text == want
    assert dom.first_ids == set(want)
    assert dom.link_in_link == 0
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout  # shown as words
    assert "<script" not in result.stdout


def test_chromium_screenshot_renders(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "briefing.png"
    result = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1400,1500", "--hide-scrollbars", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000  # a page with content, not a blank
