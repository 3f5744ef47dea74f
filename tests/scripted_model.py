"""A scripted capable model: an OpenAI-compatible server on loopback that answers from gold labels.

No strong model runs here, yet ``briefing@v3`` must be shown to keep what a capable model gets
right and to stop what it gets wrong. This server plays that model: it recognises the suite article
a request is about (from the article text in it, whole or a chunk) and answers what the gold says,
as a model would write it. At a chosen rate it injects the faults capable models make, item by
item and answer by answer, each seeded (the same seed, the same faults) and logged with the item
before and after, so a test can account for every one of them in the briefing that comes out:

- quotes: a paraphrase (words changed), straight for curly marks or the quote with its marks, a
  speaker swapped for another speaker of the article;
- events: a date a day off, a number the article does not have (in a quantity and/or ``what``), an
  invented event (a sentence not in the article, or a real sentence with an invented ``what``), a
  name not in the article (an event actor or in ``what``);
- actors: a name not in the article;
- answers: JSON cut at the token cap (``finish_reason: length``; the same request asked again gets
  the whole answer), lists over the output caps of ``Briefing`` (duplicates).

What it answers, by response model (the forced tool's name, or the JSON schema's name):
``ModelBriefing`` (v3) the gold, faults injected; ``ModelRepair`` (v3) a share of the failed items
it is shown given back as the gold has them, the rest repeated, seeded; ``SpeakerAnswer``,
``EventAnswer``, ``BottomLineAnswer`` (v2's questions) as a capable model: the gold speaker when
it is among the options, else "unknown"; the gold type of the event told in that sentence, else
"not_an_event"; sentence "1"; at the fault rate a wrong option instead (``v2_faults``: a question
is no check, so these are not v3's faults). Anything else is answered 400, so a new call is never
answered by accident.

``own_briefing`` is the model's own answer taken as it is (no verification), scored by the
project's scorer as "the scripted model's own F1"; ``account`` says how a briefing dealt with one
logged fault (dropped with a recorded reason, corrected, flagged, or None: it got through).

Run it for measuring: ``python -m tests.scripted_model SUITE_DIR... --faults 0.2 --seed 0
--port 8099 --fault-log FILE [--skip 'rn_c*']`` (the log is rewritten as faults are injected).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fnmatch
import hashlib
import json
import random
import re
import signal
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from summarise.grounding import split_sentences
from summarise.schemas import Actor, Briefing, Event, Quote, field_cap
from summarise.scoring import SuiteScore, names_match, quote_similarity, score_article, score_suite
from summarise.suites import ARTICLE_SUFFIXES, MANIFEST, Suite, load_suite
from summarise.text import contains, name_key, normalise

#: Every fault the model can make; per item (quotes, events, actors) or per answer.
QUOTE_FAULTS = ("paraphrased_quote", "straight_marks", "swapped_speaker")
EVENT_FAULTS = ("date_off", "foreign_number", "invented_event", "foreign_name")
ACTOR_FAULTS = ("foreign_name",)
ANSWER_FAULTS = ("cut_at_cap", "over_caps")
FAULT_KINDS = (*QUOTE_FAULTS, *EVENT_FAULTS, *ANSWER_FAULTS)

#: How a briefing dealt with a fault (``account``); None: the fault reached the reader.
CAUGHT = ("dropped", "corrected", "flagged")

#: Names and numbers the model invents: checked against each article before use.
_GIVEN_NAMES = ("Ilse", "Teodor", "Marisol", "Osric", "Anneliese", "Kasimir", "Perpetua", "Bartholomew")
_FAMILY_NAMES = ("Varnholt", "Brannick", "Quentar", "Pellworth", "Drommel", "Otterlo", "Lindqvane", "Ashgrove")
_INVENTED_NUMBERS = (17, 23, 41, 58, 67, 83, 94, 137, 219, 311, 467, 593, 781, 907)
_PARAPHRASE_WORDS = ("entirely", "plainly", "firmly", "openly", "deeply", "gravely")
_MARKS = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"
_CURLY = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u201e": '"'})
_ARTICLE_TAGS = re.compile(r"<article>\s*(.*?)\s*</article>", re.S)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"'])")
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass
class Fault:
    """One injected fault: what the model answered instead of the gold item."""

    article_id: str
    kind: str
    field: str  # quotes | events | actors | answer
    key: str  # the gold item's key (its words, sentence or name), or the answer's
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    detail: str | None = None  # what was invented: the number, the name, the date, the words
    repair: str | None = None  # "fixed" | "repeated": what the repair call was answered
    seen_again: bool = False  # cut_at_cap: the same request came again (and got the whole answer)


@dataclass
class Known:
    """One suite article the model knows, with its gold."""

    id: str
    text: str
    folded: str
    gold: Briefing
    sentences: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Items as a model writes them
# ---------------------------------------------------------------------------------------------


def _quote_item(q: Quote) -> dict[str, Any]:
    return {"text": q.text, "speaker": q.speaker, "speaker_role": q.speaker_role,
            "speaker_affiliation": q.speaker_affiliation, "speaker_type": q.speaker_type.value}


def _event_item(e: Event) -> dict[str, Any]:
    return {"type": e.type.value, "what": e.what, "date": e.date.isoformat() if e.date else None,
            "date_text": e.date_text, "place": e.place, "actors": list(e.actors),
            "quantities": [q.model_dump(mode="json") for q in e.quantities], "sentence": e.sentence}


def _actor_item(a: Actor) -> dict[str, Any]:
    return {"name": a.name, "kind": a.kind.value, "role": a.role, "affiliation": a.affiliation}


def _key(field_name: str, item: dict[str, Any]) -> str:
    if field_name == "quotes":
        return normalise(item["text"])
    if field_name == "events":
        return f"{normalise(item['sentence'])}|{item['type']}"
    return name_key(item["name"])


def split_bottom_line(text: str) -> list[str]:
    """The gold bottom line as a model writes it: one to three sentences."""
    parts = [p.strip() for p in _SENTENCE_END.split(text.strip()) if p.strip()]
    return parts[:2] + [" ".join(parts[2:])] if len(parts) > 3 else parts


def _seeded(*parts: object) -> random.Random:
    return random.Random(":".join(str(p) for p in parts))


def _unescaped(text: str) -> str:
    """Text as it reads when items were pasted into a message as JSON (escaped quotes, \\uXXXX)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text).replace('\\"', '"').replace("\\n", "\n")


# ---------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------


class ScriptedModel:
    """Plays a capable model on the articles of ``suites``; ``faults`` is the rate per item and
    per answer, ``repair_share`` the share of failed items a repair call gives back right."""

    def __init__(
        self,
        suites: Iterable[Suite | str | Path],
        *,
        faults: float = 0.0,
        seed: int = 0,
        repair_share: float = 0.5,
        fault_log: Path | None = None,
    ) -> None:
        self.rate, self.seed, self.repair_share, self.fault_log = faults, seed, repair_share, fault_log
        self.articles: list[Known] = []
        for suite in suites:
            loaded = suite if isinstance(suite, Suite) else load_suite(suite)
            for item in loaded.items:
                if item.gold is None:
                    continue
                text = item.article.text
                self.articles.append(Known(item.id, text, normalise(text), item.gold,
                                           [s.text for s in split_sentences(text)]))
        self.faults: dict[tuple[str, str, str], Fault] = {}
        self.requests: list[str] = []  # response-model names, in order
        self.modes: set[str] = set()  # how they were asked: TOOLS (a forced tool), JSON_SCHEMA
        self.unanswered: list[str] = []  # requests it could not place: a test must see them
        self.v2_faults: list[dict[str, str]] = []  # wrong answers to v2's questions (no v3 fault)
        self._cut: set[str] = set()  # requests answered cut once
        self._lock = threading.Lock()

    # -- finding the article ------------------------------------------------------------------

    def find(self, text: str) -> tuple[Known, str | None] | None:
        """The article ``text`` is (None for the chunk) or a chunk of (the chunk, folded)."""
        folded = normalise(text)
        if not folded:
            return None
        for known in self.articles:
            if known.folded == folded:
                return known, None
        for known in self.articles:
            if folded in known.folded:
                return known, folded
        return None

    def article(self, article_id: str) -> Known:
        return next(k for k in self.articles if k.id == article_id)

    # -- the faults ---------------------------------------------------------------------------

    def _log(self, fault: Fault) -> Fault:
        with self._lock:
            known = self.faults.setdefault((fault.article_id, fault.kind, fault.key), fault)
        self.write_log()
        return known

    def write_log(self) -> None:
        """Rewrite the fault log whole (one writer at a time), so a reader never sees half of it."""
        if self.fault_log is None:
            return
        with self._lock:
            data = json.dumps([asdict(f) for f in self.faults.values()], ensure_ascii=False, indent=1)
            tmp = self.fault_log.with_suffix(".tmp")
            tmp.write_text(data, encoding="utf-8")
            tmp.replace(self.fault_log)

    def _hit(self, *parts: object) -> random.Random | None:
        """A seeded generator when this item (or answer) gets a fault, else None."""
        rng = _seeded(self.seed, *parts)
        return rng if self.rate > 0 and rng.random() < self.rate else None

    def _invented_name(self, known: Known, rng: random.Random) -> str:
        while True:
            name = f"{rng.choice(_GIVEN_NAMES)} {rng.choice(_FAMILY_NAMES)}"
            if not contains(known.text, name) and not contains(known.text, name.split()[1]):
                return name

    def _invented_number(self, known: Known, rng: random.Random) -> int:
        digits = set(_NUMBER.findall(known.text.replace(",", "")))
        return rng.choice([n for n in _INVENTED_NUMBERS if str(n) not in digits and str(n) not in known.text])

    def _quote(self, known: Known, item: dict[str, Any], log: bool) -> dict[str, Any]:
        key = _key("quotes", item)
        rng = self._hit(known.id, "quotes", key)
        if rng is None:
            return item
        others = sorted({q.speaker for q in known.gold.quotes
                         if q.speaker and item["speaker"] and name_key(q.speaker) != name_key(item["speaker"])
                         and not names_match(q.speaker, item["speaker"])})
        kinds = ["paraphrased_quote", "straight_marks"] + (["swapped_speaker"] if others else [])
        kind = rng.choice(kinds)
        after = dict(item)
        if kind == "paraphrased_quote":
            after["text"] = detail = _paraphrase(item["text"], known, rng)
        elif kind == "straight_marks":
            after["text"] = detail = _with_marks(item["text"], known)
        else:
            after["speaker"] = detail = rng.choice(others)
        if log:
            self._log(Fault(known.id, kind, "quotes", key, item, after, detail))
        return after

    def _event(self, known: Known, item: dict[str, Any], log: bool) -> list[dict[str, Any]]:
        key = _key("events", item)
        rng = self._hit(known.id, "events", key)
        if rng is None:
            return [item]
        kinds = ["foreign_number", "invented_event", "foreign_name"] + (["date_off"] if item["date"] else [])
        kind = rng.choice(kinds)
        after = json.loads(json.dumps(item))
        out = [after]
        if kind == "date_off":
            day = dt.date.fromisoformat(item["date"]) + dt.timedelta(days=rng.choice((-1, 1)))
            after["date"] = detail = day.isoformat()
        elif kind == "foreign_number":
            n = self._invented_number(known, rng)
            detail = str(n)
            numbered = [q for q in after["quantities"] if q.get("value") is not None]
            where = rng.choice(["quantity", "what", "both"]) if numbered else "what"
            if where in ("quantity", "both"):
                q = numbered[0]
                q["value"] = float(n)
                q["text"] = _NUMBER.sub(str(n), q["text"], count=1) if _NUMBER.search(q["text"]) else f"{n} {q['unit']}"
            if where in ("what", "both"):
                after["what"] = f"{after['what'].rstrip('.')}, {n} in all."
        elif kind == "foreign_name":
            name = detail = self._invented_name(known, rng)
            if rng.random() < 0.5:
                after["actors"] = [*after["actors"], name]
            else:
                after["what"] = f"{after['what'].rstrip('.')}, according to {name}."
        else:  # invented_event: beside the real one, not instead of it
            out = [item]
            name, n = self._invented_name(known, rng), self._invented_number(known, rng)
            detail = name
            gold_sentences = {normalise(e.sentence) for e in known.gold.events}
            spare = [s for s in known.sentences if normalise(s) not in gold_sentences and len(s) > 40]
            if spare and rng.random() < 0.5:
                sentence, what = rng.choice(spare), f"{name} ordered {n} more troops to the area."
            else:
                sentence = f"{name} announced {n} new patrols along the coast on the same day."
                what = sentence
            after = {"type": "statement", "what": what, "date": None, "date_text": None, "place": None,
                     "actors": [], "quantities": [], "sentence": sentence}
            out.append(after)
        if log:
            self._log(Fault(known.id, kind, "events", key, item, after, detail))
        return out

    def _actor(self, known: Known, item: dict[str, Any], log: bool) -> dict[str, Any]:
        key = _key("actors", item)
        rng = self._hit(known.id, "actors", key)
        if rng is None:
            return item
        after = {**item, "name": self._invented_name(known, rng)}
        if log:
            self._log(Fault(known.id, "foreign_name", "actors", key, item, after, after["name"]))
        return after

    # -- answers ------------------------------------------------------------------------------

    def gold_items(self, known: Known, chunk: str | None = None) -> dict[str, list[dict[str, Any]]]:
        """The gold items as a model writes them; in a chunk, only those the chunk holds."""
        g = known.gold

        def inside(text: str) -> bool:
            return chunk is None or normalise(text) in chunk

        return {
            "events": [_event_item(e) for e in g.events if inside(e.sentence)],
            "actors": [_actor_item(a) for a in g.actors if inside(a.name)],
            "quotes": [_quote_item(q) for q in g.quotes if inside(q.text)],
        }

    def briefing(self, known: Known, chunk: str | None = None, *, log: bool = True) -> dict[str, Any]:
        """What the model answers for the article (or a chunk of it), faults and all; over the
        caps when that answer gets the fault (cut at the cap is the server's part)."""
        items = self.gold_items(known, chunk)
        answer = {
            "headline": known.gold.headline,
            "bottom_line": split_bottom_line(known.gold.bottom_line),
            "events": [e for item in items["events"] for e in self._event(known, item, log)],
            "actors": [self._actor(known, item, log) for item in items["actors"]],
            "quotes": [self._quote(known, item, log) for item in items["quotes"]],
        }
        where = hashlib.sha256((chunk or "").encode()).hexdigest()[:12]
        lists = [name for name in ("events", "actors", "quotes") if answer[name]]
        if lists and (rng := self._hit(known.id, "over_caps", where)) is not None:
            name = rng.choice(lists)  # one list past its cap in the briefing, by repeating its items
            cap, got = field_cap(Briefing, name) or 0, answer[name]
            answer[name] = [got[i % len(got)] for i in range(cap + 1)]
            if log:
                self._log(Fault(known.id, "over_caps", "answer", where, None, {name: cap + 1 - len(got)}, name))
        return answer

    def repair(self, known: Known, failures: str) -> dict[str, Any]:
        """A repair answer to the items ``failures`` lists (the message before the article): each
        faulted item given back right (the gold) or repeated, seeded, an invented event given back
        right being left out; an item listed that had no fault is repeated as it was."""
        hay = normalise(_unescaped(failures))
        written = self.briefing(known, log=False)
        with self._lock:
            faults: dict[str, list[Fault]] = {}
            for f in self.faults.values():
                if f.article_id == known.id and f.after is not None and f.field != "answer":
                    faults.setdefault(json.dumps(f.after, sort_keys=True), []).append(f)
        out: dict[str, Any] = {"headline": None, "bottom_line": [], "events": [], "actors": [], "quotes": []}
        for name in ("events", "actors", "quotes"):
            seen: set[str] = set()
            for item in written[name]:
                said = json.dumps(item, sort_keys=True)
                if said in seen or not _named_in(name, item, hay):
                    continue
                seen.add(said)
                if said not in faults:
                    out[name].append(item)
                    continue
                for fault in faults[said]:  # two items may have gone wrong the same way
                    fixed = _seeded(self.seed, known.id, "repair", fault.kind, fault.key).random() < self.repair_share
                    fault.repair = "fixed" if fixed else "repeated"
                    if not (fixed and fault.kind == "invented_event"):
                        out[name].append(fault.before if fixed else fault.after)
        if known.gold.headline and normalise(known.gold.headline)[:80] in hay:
            out["headline"] = known.gold.headline
        out["bottom_line"] = [s for s in written["bottom_line"] if normalise(s)[:80] in hay]
        self.write_log()
        return out

    def own_briefing(self, article_id: str) -> Briefing:
        """The model's answer for the whole article taken as it is: no check, no merge, no cap."""
        known = self.article(article_id)
        answer = self.briefing(known, log=False)
        return Briefing.model_construct(
            headline=answer["headline"],
            bottom_line=" ".join(answer["bottom_line"]),
            bottom_line_support=[],
            article_date=known.gold.article_date,
            events=[Event.model_validate(e) for e in answer["events"]],
            actors=[Actor.model_validate(a) for a in answer["actors"]],
            quotes=[Quote.model_validate(q) for q in answer["quotes"]],
            provenance=None,
        )

    def own_briefings(self) -> dict[str, Briefing]:
        return {k.id: self.own_briefing(k.id) for k in self.articles}

    def own_score(self, suite: Suite) -> SuiteScore:
        """The scripted model's own figures: its answers on ``suite`` as they are, by the project's scorer."""
        own = self.own_briefings()
        scores = [score_article(own[i.id], i.gold, i.article.text, article_id=i.id, labels=suite.labels)
                  for i in suite.items if i.gold is not None and i.id in own]
        return score_suite(scores, suite.labels)

    # -- v2's questions -----------------------------------------------------------------------

    def speaker(self, quote: str, options: list[str]) -> str:
        """Who spoke ``quote``: the gold speaker when among the options, else "unknown"; at the
        fault rate another of the options (a question is no check: v2 cannot catch it)."""
        right = "unknown"
        for known in self.articles:
            q = next((q for q in known.gold.quotes if q.speaker and quote_similarity(quote, q.text)), None)
            if q is None:
                continue
            aliases = next(([a.name, *a.aliases] for a in known.gold.actors
                            if names_match(q.speaker, a.name) or q.speaker in a.aliases), [])
            right = next((o for o in options if name_key(o) == name_key(q.speaker) or names_match(o, q.speaker, aliases)),
                         "unknown")
            break
        return self._v2_fault("speaker", quote, right, [o for o in options if o not in (right, "unknown")])

    def event_type(self, sentence: str, options: list[str]) -> str:
        """The gold type of the event ``sentence`` tells, else "not_an_event"; at the fault rate
        another type."""
        s = normalise(sentence)
        right = next((e.type.value for known in self.articles for e in known.gold.events
                      if (g := normalise(e.sentence)) and (g == s or g in s or s in g) and e.type.value in options),
                     "not_an_event")
        return self._v2_fault("event", sentence, right, [o for o in options if o != right])

    def _v2_fault(self, question: str, about: str, right: str, wrong: list[str]) -> str:
        rng = self._hit("v2", question, normalise(about))
        if rng is None or not wrong:
            return right
        answer = rng.choice(sorted(wrong))
        with self._lock:
            self.v2_faults.append({"question": question, "about": about[:120], "right": right, "answered": answer})
        return answer

    # -- one request --------------------------------------------------------------------------

    def respond(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """The HTTP status and body for one chat-completion request."""
        name, schema, as_content = _response_model(body)
        user = "\n".join(m["content"] for m in body.get("messages", [])
                         if m.get("role") == "user" and isinstance(m.get("content"), str))
        self.requests.append(name or "?")
        self.modes.add("JSON_SCHEMA" if as_content else "TOOLS")
        finish = "stop"
        if name == "ModelBriefing":
            found = self.find(m.group(1) if (m := _ARTICLE_TAGS.search(user)) else user)
            if found is None:
                return self._refuse(name, user)
            known, chunk = found
            answer: Any = self.briefing(known, chunk)
            text = json.dumps(answer, ensure_ascii=False)
            request = hashlib.sha256(json.dumps(body.get("messages"), sort_keys=True).encode()).hexdigest()
            where = hashlib.sha256((chunk or "").encode()).hexdigest()[:12]
            with self._lock:
                again = request in self._cut
            if again:
                cut = self.faults.get((known.id, "cut_at_cap", where))
                if cut is not None:
                    cut.seen_again = True
                    self.write_log()
            elif self._hit(known.id, "cut_at_cap", where) is not None:
                with self._lock:
                    self._cut.add(request)
                text, finish = text[: max(1, len(text) // 2)], "length"
                self._log(Fault(known.id, "cut_at_cap", "answer", where, None, {"cut_at": len(text)}))
        elif name == "ModelRepair":
            failures, _, rest = user.partition("<article>")
            found = self.find(rest.partition("</article>")[0]) if rest else None
            known = found[0] if found else self._article_of_repair(failures)
            if known is None:
                return self._refuse(name, user)
            answer = self.repair(known, failures)
            fields = set((schema or {}).get("properties", {}))
            text = json.dumps({k: v for k, v in answer.items() if not fields or k in fields}, ensure_ascii=False)
        elif name == "SpeakerAnswer":
            m = re.search(r'Quotation: "(.*)"', user, re.S)
            text = json.dumps({"speaker": self.speaker(m.group(1) if m else "", _options(schema, "speaker"))})
        elif name == "EventAnswer":
            m = re.search(r"Sentence: (.*)", user, re.S)
            text = json.dumps({"type": self.event_type(m.group(1).strip() if m else "", _options(schema, "type"))})
        elif name == "BottomLineAnswer":
            text = json.dumps({"sentence": "1"})
        else:
            return self._refuse(name, user)
        return 200, _completion(name or "answer", text, finish, as_content)

    def _article_of_repair(self, message: str) -> Known | None:
        """The article of a repair that does not quote it: the one whose faulted items it names."""
        hay = normalise(_unescaped(message))
        with self._lock:
            faults = list(self.faults.values())
        counts: dict[str, int] = {}
        for f in faults:
            if f.after is not None and f.field != "answer" and _named_in(f.field, f.after, hay):
                counts[f.article_id] = counts.get(f.article_id, 0) + 1
        best = max(counts, key=lambda k: counts[k], default=None)
        return self.article(best) if best else None

    def _refuse(self, name: str | None, user: str) -> tuple[int, dict[str, Any]]:
        self.unanswered.append(f"{name}: {user[:120]}")
        return 400, {"error": {"message": f"the scripted model does not answer {name!r} about this text"}}


def _named_in(field_name: str, item: dict[str, Any], hay: str) -> bool:
    """Whether a message (folded) names this item: its words, its ``what`` or sentence, its name."""
    key = {"quotes": "text", "events": "what", "actors": "name"}[field_name]
    said = item.get(key) or item.get("sentence") or ""
    probe = normalise(f'"{key}": "{said}')[:80 + len(key) + 5]
    return bool(said) and probe in hay


def _paraphrase(text: str, known: Known, rng: random.Random) -> str:
    """The quote with its words changed as a model misremembers them: its longest word replaced,
    and in a longer quote two words in the middle swapped."""
    words = text.split()
    i = max(range(len(words)), key=lambda k: len(words[k].strip(_MARKS + ".,;:!?")))
    tail = words[i][len(words[i].rstrip(".,;:!?")):]
    words[i] = rng.choice(_PARAPHRASE_WORDS) + tail
    if len(words) >= 8:
        j = len(words) // 2
        words[j - 1], words[j] = words[j], words[j - 1]
    elif len(words) == 1:
        words.insert(0, "very")
    out = " ".join(words)
    return out if not contains(known.text, out) else out + " indeed"


def _with_marks(text: str, known: Known) -> str:
    """Straight marks for the curly ones inside, or the quote wrapped in the marks around it."""
    if text.translate(_CURLY) != text:
        return text.translate(_CURLY)
    at = known.text.find(text)
    before = known.text[at - 1] if at > 0 and known.text[at - 1] in _MARKS else "\u201c"
    after = known.text[at + len(text)] if at >= 0 and at + len(text) < len(known.text) and known.text[at + len(text)] in _MARKS else "\u201d"
    return f"{before}{text}{after}"


def _response_model(body: dict[str, Any]) -> tuple[str | None, dict[str, Any] | None, bool]:
    """(name, JSON schema, answer as content): a forced tool (TOOLS) or a JSON schema."""
    tools = body.get("tools") or []
    if tools:
        fn = tools[0].get("function", {})
        return fn.get("name"), fn.get("parameters"), False
    fmt = body.get("response_format") or {}
    spec = fmt.get("json_schema") or {}
    return spec.get("name"), spec.get("schema"), True


def _options(schema: dict[str, Any] | None, name: str) -> list[str]:
    prop = ((schema or {}).get("properties") or {}).get(name) or {}
    return list(prop.get("enum") or ([prop["const"]] if "const" in prop else []))


def _completion(name: str, text: str, finish: str, as_content: bool) -> dict[str, Any]:
    message: dict[str, Any] = (
        {"role": "assistant", "content": text}
        if as_content
        else {"role": "assistant", "content": None,
              "tool_calls": [{"id": "call_0", "type": "function", "function": {"name": name, "arguments": text}}]}
    )
    return {
        "id": "scripted", "object": "chat.completion", "created": 0, "model": "scripted",
        "choices": [{"index": 0, "finish_reason": finish, "message": message}],
        "usage": {"prompt_tokens": 100, "completion_tokens": max(1, len(text) // 4), "total_tokens": 100 + len(text) // 4},
    }


# ---------------------------------------------------------------------------------------------
# The server
# ---------------------------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def handle_error(self, request, client_address):  # a client that gave up: nothing to report
        pass


def _handler(model: ScriptedModel) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _send(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # /v1/models
            self._send(200, {"object": "list", "data": [{"id": "scripted", "object": "model"}]})

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
            status, answer = model.respond(body)
            self._send(status, answer)

    return Handler


@contextlib.contextmanager
def serve(model: ScriptedModel, port: int = 0) -> Iterator[str]:
    """The model on loopback for the length of the block; yields its /v1 URL."""
    server = _Server(("127.0.0.1", port), _handler(model))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------------------------------------
# Accounting: what became of each fault in a briefing
# ---------------------------------------------------------------------------------------------


def _dropped(briefing: Briefing, *needles: str) -> bool:
    prov = briefing.provenance
    records = [json.dumps(d.item, ensure_ascii=False) + " " + d.reason for d in (prov.dropped if prov else [])]
    records += list(prov.notes) if prov else []
    folded = [normalise(_unescaped(r)) for r in records]
    return any(normalise(n)[:80] in r for n in needles if n for r in folded)


def _quote_at(briefing: Briefing, text: str) -> Quote | None:
    return next((q for q in briefing.quotes if quote_similarity(q.text, text)), None)


def _events_of(briefing: Briefing, sentence: str) -> list[Event]:
    s = normalise(sentence)
    return [e for e in briefing.events if normalise(e.sentence) == s]


def account(fault: Fault, briefing: Briefing | None, article: str) -> str | None:
    """How ``briefing`` dealt with ``fault``, by what the reader sees: "corrected" (the right item
    stands in its place: repaired, aligned to the article's own characters, the text's date, or
    the rules' item kept), "dropped" (nothing stands in its place, and the drop is recorded with
    its reason), "flagged" (the item stands, flagged), or None: the fault reached the reader, or
    the item vanished unrecorded."""
    if briefing is None:
        return None
    before, after, kind = fault.before or {}, fault.after or {}, fault.kind
    fixed = fault.repair == "fixed"
    if kind == "cut_at_cap":
        return "corrected" if fault.seen_again else ("dropped" if _dropped(briefing, "token cap") else None)
    if kind == "over_caps":
        seen = [(_key("events", _event_item(e)), e.what) for e in briefing.events]
        quotes = [q.span.start if q.span else q.text for q in briefing.quotes]
        actors = [name_key(a.name) for a in briefing.actors]
        clean = len(seen) == len(set(seen)) and len(quotes) == len(set(quotes)) and len(actors) == len(set(actors))
        return ("dropped" if _dropped(briefing, "duplicate") else "corrected") if clean else None
    if kind in ("paraphrased_quote", "straight_marks"):
        bad = after["text"]
        got = [q for q in briefing.quotes if normalise(q.text) == normalise(bad)]
        if got and not contains(article, bad):
            return "flagged" if all(q.flags for q in got) else None
        if any(q.span and q.text != article[q.span.start:q.span.end] for q in briefing.quotes):
            return None
        if _quote_at(briefing, before["text"]):
            return "corrected"
        return "dropped" if _dropped(briefing, bad) else None
    if kind == "swapped_speaker":
        quote = _quote_at(briefing, before["text"])
        if quote is None:
            return "dropped" if _dropped(briefing, before["text"]) else None
        if quote.speaker and names_match(quote.speaker, after["speaker"]) and not names_match(quote.speaker, before["speaker"]):
            return "flagged" if quote.flags else None
        if names_match(quote.speaker, before["speaker"]):
            return "corrected"
        return "dropped" if _dropped(briefing, after["speaker"]) else ("flagged" if quote.flags else None)
    if kind == "date_off":
        events = [e for e in _events_of(briefing, before["sentence"]) if e.type.value == before["type"]]
        wrong = [e for e in events if e.date and e.date.isoformat() == after["date"]]
        if wrong:
            return "flagged" if all(e.flags for e in wrong) else None
        if any(e.date and e.date.isoformat() == before["date"] for e in events) or fixed:
            return "corrected"
        return "dropped" if _dropped(briefing, before["sentence"], before["what"]) else None
    if kind == "foreign_number":
        n = fault.detail or ""
        bad = [e for e in briefing.events
               if re.search(rf"(?<![\d.,]){n}(?![\d])", e.what) or any(q.value == float(n) for q in e.quantities)]
        if bad:
            return "flagged" if all(e.flags for e in bad) else None
        if _events_of(briefing, before["sentence"]):
            return "corrected"
        quantity = next((q["text"] for q in after["quantities"] if n in q["text"]), None)
        return "dropped" if _dropped(briefing, after["what"], after["sentence"], *([quantity] if quantity else [])) else None
    if kind == "invented_event":
        # the event stands if its words do, or its sentence (a real one) does as an event of the model's
        bad = [e for e in briefing.events if normalise(e.what) == normalise(after["what"])
               or (normalise(e.sentence) == normalise(after["sentence"]) and e.source != "rules")]
        if bad:
            return "flagged" if all(e.flags for e in bad) else None
        return "dropped" if _dropped(briefing, after["what"], after["sentence"]) else ("corrected" if fixed else None)
    if kind == "foreign_name":
        name = fault.detail or ""
        hits = [a for a in briefing.actors if any(name_key(name) in name_key(x) for x in (a.name, *a.aliases))]
        hits += [e for e in briefing.events if name in e.what or any(name_key(name) == name_key(x) for x in e.actors)]
        hits += [q for q in briefing.quotes if q.speaker and name_key(name) == name_key(q.speaker)]
        if hits:
            return "flagged" if all(h.flags for h in hits) else None
        if fault.field == "actors":
            right = any(names_match(a.name, before["name"]) for a in briefing.actors)
        else:
            right = bool(_events_of(briefing, before["sentence"]))
        if right:
            return "corrected"
        return "dropped" if _dropped(briefing, name) else ("corrected" if fixed else None)
    return None


def tally(faults: Iterable[Fault], briefings: dict[str, Briefing | None], articles: dict[str, str]) -> dict[str, Any]:
    """Faults injected and how they were caught, by kind; ``missed`` lists the ones that got through."""
    by_kind: dict[str, dict[str, int]] = {}
    missed: list[Fault] = []
    for fault in faults:
        how = account(fault, briefings.get(fault.article_id), articles[fault.article_id])
        row = by_kind.setdefault(fault.kind, {"injected": 0, **{c: 0 for c in CAUGHT}, "missed": 0})
        row["injected"] += 1
        row[how or "missed"] += 1
        if how is None:
            missed.append(fault)
    total = {k: sum(r[k] for r in by_kind.values()) for k in ("injected", *CAUGHT, "missed")}
    return {"by_kind": by_kind, "total": total, "missed": missed}


def read_fault_log(path: Path) -> list[Fault]:
    return [Fault(**f) for f in json.loads(path.read_text(encoding="utf-8"))] if path.is_file() else []


# ---------------------------------------------------------------------------------------------
# Command line: serve for measuring
# ---------------------------------------------------------------------------------------------


def suite_view(suite_dir: Path, skip: Iterable[str], into: Path) -> Path:
    """The suite at ``suite_dir`` without the articles whose id matches a ``skip`` glob, as links
    in ``into``: chosen by file name, so no skipped article (or its gold) is ever opened."""
    skip = tuple(skip)
    out = into / suite_dir.name
    for sub in ("articles", "gold"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    for article in sorted((suite_dir / "articles").iterdir()):
        if article.suffix.lower() not in ARTICLE_SUFFIXES or any(fnmatch.fnmatch(article.stem, p) for p in skip):
            continue
        (out / "articles" / article.name).symlink_to(article.resolve())
        gold = suite_dir / "gold" / f"{article.stem}.json"
        if gold.is_file():
            (out / "gold" / gold.name).symlink_to(gold.resolve())
    if (suite_dir / MANIFEST).is_file():
        (out / MANIFEST).symlink_to((suite_dir / MANIFEST).resolve())
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.scripted_model", description=__doc__.split("\n\n")[0])
    parser.add_argument("suites", nargs="+", help="suite folders whose gold the model plays")
    parser.add_argument("--faults", type=float, default=0.0, help="fault rate per item and per answer (0-1)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repair-share", type=float, default=0.5, help="share of failed items a repair gives back right")
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--fault-log", type=Path, default=None, help="JSON file of the injected faults")
    parser.add_argument("--skip", action="append", default=[],
                        help="article ids (glob) the model does not know; never opened")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # a measuring script stops it: clean up all the same
    with tempfile.TemporaryDirectory(prefix="scripted-model-") as tmp:
        suites = [suite_view(Path(s).resolve(), args.skip, Path(tmp)) if args.skip else s for s in args.suites]
        model = ScriptedModel(suites, faults=args.faults, seed=args.seed, repair_share=args.repair_share,
                              fault_log=args.fault_log)
        model.write_log()
        with serve(model, args.port) as url:
            print(f"scripted model on {url}: {len(model.articles)} articles, faults {args.faults:g}, seed {args.seed}",
                  file=sys.stderr, flush=True)
            with contextlib.suppress(KeyboardInterrupt):
                threading.Event().wait()


if __name__ == "__main__":
    main()
