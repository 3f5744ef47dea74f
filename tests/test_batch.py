"""`summarise batch`: many articles into one JSON Lines file, resumably, through the command line.

The articles are invented here; the rules backend briefs them with no model, and a scripted
server on loopback stands in for a model that fails one article.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.conftest import ScriptedHandler, free_port, run_cli

KEY = "batchkey-0123456789abcdef"

ARTICLES = {
    "harbour.txt": 'Mara Quill said on Monday that the harbour board would close the old pier. '
                   '"The timbers are rotten," Quill said.\n',
    "library.md": "The town library opened a reading room on Tuesday. Officials said it cost little.\n",
    "orchard.txt": 'Farmers met in Dunmore on Wednesday to plan the harvest. "It will be late," said Ben Oster.\n',
}
RECORDS = [
    {"id": "w1", "text": "On Monday the ferry board met in Carrow to discuss the storm.", "published": "2026-03-04"},
    {"id": "w2", "text": 'Lena Frost said the bridge would reopen soon. "We are nearly done," Frost said.'},
]


def _inputs(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "notes.csv").write_text("not,an,article\n", encoding="utf-8")  # not an article kind: left out
    wire = tmp_path / "wire.jsonl"
    wire.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return folder, wire


def _lines(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "briefings.jsonl").read_text(encoding="utf-8").splitlines()]


def _batch(*args: str, env: dict[str, str] | None = None):
    return run_cli("batch", *args, env=env)


def test_folder_and_json_lines_are_briefed_one_line_each(tmp_path: Path):
    folder, wire = _inputs(tmp_path)
    out = tmp_path / "out"
    result = _batch(str(folder), str(wire), "--out", str(out), "--model", "rules")
    assert result.exit_code == 0, result.output
    lines = _lines(out)
    assert sorted(line["id"] for line in lines) == ["harbour", "library", "orchard", "w1", "w2"]
    assert all(line["ok"] and line["briefing"]["headline"] for line in lines)
    assert "5 briefed, 0 failed" in result.output


def test_published_reads_a_weekday_against_the_given_date(tmp_path: Path):
    _, wire = _inputs(tmp_path)
    out = tmp_path / "out"
    assert _batch(str(wire), "--out", str(out), "--model", "rules").exit_code == 0
    by_id = {line["id"]: line["briefing"] for line in _lines(out)}
    assert by_id["w1"]["article_date"] == "2026-03-04"
    assert [e["date"] for e in by_id["w1"]["events"]] == ["2026-03-02"]  # the Monday before Wednesday 4 March
    assert by_id["w2"]["article_date"] is None


def test_colliding_stems_get_unique_ids(tmp_path: Path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text("The council met on Friday.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _batch(str(tmp_path / "*" / "story.txt"), "--out", str(out), "--model", "rules").exit_code == 0
    assert sorted(line["id"] for line in _lines(out)) == ["story", "story-2"]


def test_resume_redoes_only_the_lines_that_are_missing(tmp_path: Path):
    folder, wire = _inputs(tmp_path)
    out = tmp_path / "out"
    assert _batch(str(folder), str(wire), "--out", str(out), "--model", "rules").exit_code == 0
    results = out / "briefings.jsonl"
    kept = results.read_text(encoding="utf-8").splitlines()[:3]
    results.write_text("".join(line + "\n" for line in kept), encoding="utf-8")
    again = _batch(str(folder), str(wire), "--out", str(out), "--model", "rules", "--resume")
    assert again.exit_code == 0, again.output
    assert "2 briefed, 0 failed, 3 already done" in again.output
    lines = _lines(out)
    assert [json.dumps(line) for line in lines[:3]] == [json.dumps(json.loads(line)) for line in kept]  # untouched
    assert sorted(line["id"] for line in lines) == ["harbour", "library", "orchard", "w1", "w2"]


def test_a_torn_last_line_is_done_again(tmp_path: Path):
    folder, wire = _inputs(tmp_path)
    out = tmp_path / "out"
    assert _batch(str(folder), str(wire), "--out", str(out), "--model", "rules").exit_code == 0
    results = out / "briefings.jsonl"
    text = results.read_text(encoding="utf-8")
    last = text.splitlines()[-1]
    results.write_text(text[: len(text) - len(last) // 2], encoding="utf-8")  # killed mid-write
    again = _batch(str(folder), str(wire), "--out", str(out), "--model", "rules", "--resume")
    assert again.exit_code == 0, again.output
    assert "1 briefed, 0 failed, 4 already done" in again.output
    lines = _lines(out)  # every line parses: the torn one was cut, not continued
    assert len(lines) == 5 and lines[-1]["id"] == json.loads(last)["id"]


def test_an_existing_output_is_not_overwritten_without_resume(tmp_path: Path):
    folder, _ = _inputs(tmp_path)
    out = tmp_path / "out"
    assert _batch(str(folder), "--out", str(out), "--model", "rules").exit_code == 0
    again = _batch(str(folder), "--out", str(out), "--model", "rules")
    assert again.exit_code == 2 and "--resume" in again.output


def test_duplicate_and_missing_json_lines_ids_are_refused(tmp_path: Path):
    wire = tmp_path / "wire.jsonl"
    wire.write_text(json.dumps({"id": "x", "text": "One."}) + "\n" + json.dumps({"id": "x", "text": "Two."}) + "\n")
    result = _batch(str(wire), "--out", str(tmp_path / "out"), "--model", "rules")
    assert result.exit_code == 3 and "'x' is given twice" in result.output
    assert not (tmp_path / "out" / "briefings.jsonl").exists()
    wire.write_text(json.dumps({"text": "No id here."}) + "\n")
    result = _batch(str(wire), "--out", str(tmp_path / "out"), "--model", "rules")
    assert result.exit_code == 3 and 'has no "id"' in result.output


def test_concurrency_four_gives_the_same_results_as_one(tmp_path: Path):
    folder, wire = _inputs(tmp_path)

    def results(out: Path) -> dict[str, dict]:
        # provenance holds timings and a clock: everything else must be equal
        return {line["id"]: {**line["briefing"], "provenance": None} for line in _lines(out)}

    assert _batch(str(folder), str(wire), "--out", str(tmp_path / "one"), "--model", "rules", "-j", "1").exit_code == 0
    assert _batch(str(folder), str(wire), "--out", str(tmp_path / "four"), "--model", "rules",
                  "--concurrency", "4").exit_code == 0
    assert results(tmp_path / "one") == results(tmp_path / "four")


def test_a_failing_article_is_recorded_and_the_rest_go_on(fake_server: str, tmp_path: Path):
    folder, _ = _inputs(tmp_path)
    ScriptedHandler.script = ["ok", "500", "ok"]  # the second article's request fails
    env = {"SUMMARISE_TRANSPORT_RETRIES": "0", "SUMMARISE_REASKS": "0"}
    out = tmp_path / "out"
    result = _batch(str(folder), "--out", str(out), "--model", "openai/m", "--base-url", fake_server,
                    "--prompt", "briefing@v1", env=env)
    assert result.exit_code == 1, result.output
    assert "2 briefed, 1 failed" in result.output
    lines = {line["id"]: line for line in _lines(out)}
    assert [lines[i]["ok"] for i in ("harbour", "library", "orchard")] == [True, False, True]
    failed = lines["library"]
    assert failed["exit_code"] == 4 and "HTTP 500" in failed["error"] and "\n" not in failed["error"]
    # resumed against a server that now answers: only the failed article is asked again
    hits = ScriptedHandler.hits
    again = _batch(str(folder), "--out", str(out), "--model", "openai/m", "--base-url", fake_server,
                   "--prompt", "briefing@v1", "--resume", env=env)
    assert again.exit_code == 0, again.output
    assert ScriptedHandler.hits == hits + 1


def test_a_file_that_is_no_article_is_a_failed_line(tmp_path: Path):
    folder, _ = _inputs(tmp_path)
    (folder / "blank.txt").write_text("   \n", encoding="utf-8")
    out = tmp_path / "out"
    result = _batch(str(folder), "--out", str(out), "--model", "rules")
    assert result.exit_code == 1, result.output
    lines = {line["id"]: line for line in _lines(out)}
    assert lines["blank"]["ok"] is False and lines["blank"]["exit_code"] == 3
    assert lines["blank"]["error"].startswith("ArticleError:") and "is empty" in lines["blank"]["error"]
    assert all(lines[i]["ok"] for i in ("harbour", "library", "orchard"))


class _EchoKeyHandler(BaseHTTPRequestHandler):
    """A server that refuses every request and repeats the key it was sent in its error."""

    def log_message(self, *args):  # quiet
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        sent = self.headers.get("authorization", "")
        body = json.dumps({"error": {"message": f"the key in {sent} is not valid", "type": "invalid_request_error"}})
        data = body.encode()
        self.send_response(400)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def test_an_echoed_key_never_reaches_the_results(tmp_path: Path):
    folder, _ = _inputs(tmp_path)
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _EchoKeyHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        out = tmp_path / "out"
        result = _batch(str(folder), "--out", str(out), "--model", "openai/m", "--base-url", url,
                        "--prompt", "briefing@v1", env={"SUMMARISE_API_KEY": KEY, "SUMMARISE_TRANSPORT_RETRIES": "0"})
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 1, result.output
    text = (out / "briefings.jsonl").read_text(encoding="utf-8")
    assert "[redacted]" in text
    assert KEY[:8] not in text and KEY[:8] not in result.output
