"""`copygen batch`: a sheet of topics becomes checked drafts; bad sheets fail before any model call; faults
and kills lose nothing."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLE_BRAND, ROOT
from openai_stub import Stub
from typer.testing import CliRunner

from copygen.cli import app


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    s = Stub()
    url = s.start()
    monkeypatch.setenv("OPENAI_BASE_URL", url)
    monkeypatch.setenv("COPYGEN_MODEL", "stub")
    yield s
    s.stop()


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def batch(*args: str) -> object:
    return CliRunner().invoke(app, ["batch", *args, "--brand", str(EXAMPLE_BRAND)])


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_sheet_becomes_checked_drafts_in_every_format(stub: Stub, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "topics.csv", [
        ["Topic", "Platforms", "Audience", "Jurisdiction", "Sponsored", "Variants", "Notes"],
        ["Saturday flu clinics", "sms, email", "adults over 65", "uk", "no", "1", "Every Saturday in November, walk in 9am to 12pm"],
        [],
        ["Evening physio appointments", "tiktok", "office workers", "us", "yes", "2", "Every Saturday in November, walk in 9am to 12pm"],
    ])
    for suffix in ("jsonl", "csv", "xlsx"):
        out = tmp_path / f"drafts.{suffix}"
        result = batch(str(sheet), "--out", str(out))
        assert result.exit_code == 0, result.output
        assert "2 rows" in result.output and "4 pass" in result.output and not (tmp_path / f"drafts.{suffix}.checkpoint.jsonl").exists()
    records = read_jsonl(tmp_path / "drafts.jsonl")
    assert [r["row"] for r in records] == [2, 4]  # as the spreadsheet numbers them; the blank row is skipped
    assert [d["platform"] for d in records[0]["drafts"]] == ["sms", "email"]
    tiktok = records[1]["drafts"]
    assert [d["variant"] for d in tiktok] == [1, 2] and tiktok[0]["content"]["caption"].startswith("#ad")
    assert all(d["evidence"]["provenance"]["packs"] for r in records for d in r["drafts"])
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "drafts.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:5] == ("row", "topic", "platform", "variant", "status") and len(rows) == 5
    status_cell = ws.cell(row=2, column=5)
    assert status_cell.value == "pass" and status_cell.fill.fgColor.rgb.endswith("C6EFCE")


def test_every_bad_row_is_listed_before_any_model_call(stub: Stub, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "topics.csv", [
        ["topic", "platform", "sponsored", "jurisdiction"],
        ["Flu clinics", "sms", "", ""],
        ["", "sms", "", ""],
        ["Physio", "fax", "", ""],
        ["Dental", "email", "maybe", "fr"],
        ["x" * 1_048_576, "sms", "", ""],
    ])
    result = batch(str(sheet), "--out", str(tmp_path / "out.xlsx"))
    assert result.exit_code == 2 and stub.requests == 0 and "Traceback" not in result.output
    for expected in ("row 3, column A (topic): empty", "row 4, column B (platforms): unknown platform 'fax'",
                     "row 5, column C (sponsored): 'maybe' is not yes or no", "row 5, column D (jurisdiction): 'fr'",
                     "row 6, column A (topic): 1,048,576 characters; at most 2,000"):
        assert expected in result.output
    assert "row 2" not in result.output


def test_out_of_range_cells_are_worded_for_a_marketer_and_listed_together(stub: Stub, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "topics.csv", [
        ["topic", "platforms", "variants", "duration", "max_segments"],
        ["Flu clinics", "sms", "20", "45", "0"],
        ["Physio", "fax", "x", "30", "1"],
    ])
    result = batch(str(sheet), "--out", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 2 and stub.requests == 0
    for expected in ("row 2, column C (variants): 20 is more than 10", "row 2, column D (duration): 45 is not one of 15, 30, 60",
                     "row 2, column E (max_segments): 0 is less than 1", "row 3, column B (platforms): unknown platform 'fax'",
                     "row 3, column C (variants): 'x' is not a whole number"):
        assert expected in result.output, result.output
    assert "Input should be" not in result.output


@pytest.mark.parametrize("content,message", [
    (b"", "is empty"),
    (b"topic,platforms\n", "no topics under it"),
    (b"subject,platforms\nFlu,sms\n", "no 'topic' column"),
    ("topic\nCaf\xe9 opening\n".encode("latin-1"), "not UTF-8"),
    (b"\xef\xbb\xbfTOPIC\nFlu clinics\n\n\n", None),  # BOM and upper-case header are fine
])
def test_malformed_sheets_get_clear_errors(stub: Stub, tmp_path: Path, content: bytes, message: str | None) -> None:
    sheet = tmp_path / "topics.csv"
    sheet.write_bytes(content)
    result = batch(str(sheet), "--out", str(tmp_path / "out.jsonl"))
    assert "Traceback" not in result.output
    if message is None:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 2 and message in result.output and stub.requests == 0


def test_xlsx_input_and_sheet_names(stub: Stub, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "notes"
    ws = wb.create_sheet("Campaign")
    ws.append(["Topic", "Platform(s)"])
    ws.append(["Flu clinics on Saturday", "sms"])
    wb.save(tmp_path / "topics.xlsx")
    result = batch(str(tmp_path / "topics.xlsx"), "--sheet", "Campaign", "--out", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 0, result.output
    assert read_jsonl(tmp_path / "o.jsonl")[0]["drafts"][0]["platform"] == "sms"
    missing = batch(str(tmp_path / "topics.xlsx"), "--sheet", "Nope", "--out", str(tmp_path / "o.jsonl"))
    assert missing.exit_code == 2 and "No sheet named 'Nope'" in missing.output and "Campaign" in missing.output


def test_formula_cells_are_escaped(stub: Stub, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "t.csv", [["topic", "platforms"], ['=HYPERLINK("http://evil.example","x")', "sms"],
                                           ["+SUM(1,2)", "sms"], ["@cmd", "sms"], ["-2+3", "sms"]])
    assert batch(str(sheet), "--out", str(tmp_path / "o.csv")).exit_code == 0
    with (tmp_path / "o.csv").open(encoding="utf-8-sig") as fh:
        topics = [r["topic"] for r in csv.DictReader(fh)]
    assert topics == ['\'=HYPERLINK("http://evil.example","x")', "'+SUM(1,2)", "'@cmd", "'-2+3"]
    assert batch(str(sheet), "--out", str(tmp_path / "o.xlsx")).exit_code == 0
    from openpyxl import load_workbook

    values = [r[1] for r in load_workbook(tmp_path / "o.xlsx").active.iter_rows(min_row=2, values_only=True)]
    assert all(v.startswith("'") for v in values)


def test_a_faulty_server_loses_no_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """200 rows; a quarter of requests get 429, 500, a hang or a broken body. Every row ends drafted or in
    error with its reason, none missing, none twice."""
    s = Stub(faults=0.25, hang=3.0, seed=7)
    monkeypatch.setenv("OPENAI_BASE_URL", s.start())
    monkeypatch.setenv("COPYGEN_MODEL", "stub")
    monkeypatch.setenv("COPYGEN_TIMEOUT", "1")
    monkeypatch.setenv("COPYGEN_MAX_RETRIES", "2")
    try:
        rows = [["topic", "platforms"]] + [[f"Clinic topic {i}" + (" ALWAYS500" if i == 17 else ""), "sms"] for i in range(200)]
        sheet = write_csv(tmp_path / "t.csv", rows)
        result = batch(str(sheet), "--out", str(tmp_path / "o.jsonl"), "--concurrency", "16", "--no-log")
    finally:
        s.stop()
    records = read_jsonl(tmp_path / "o.jsonl")
    assert sorted(r["row"] for r in records) == list(range(2, 202))
    errors = [r for r in records if r["status"] == "error"]
    assert all(r["error"] and not r["drafts"] for r in errors)
    assert all(r["drafts"] for r in records if r["status"] != "error")
    assert any(r["row"] == 19 and "500" in r["error"] for r in errors)  # the row that always fails
    assert sum(s.injected.values()) > 20 and all(s.injected.values())
    assert result.exit_code == 1 and f"{len(errors)} row{'s' if len(errors) != 1 else ''} in error" in result.output


def test_429_is_retried_after_the_servers_retry_after(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = Stub(faults=0.4, kinds=("429",), seed=3)
    monkeypatch.setenv("OPENAI_BASE_URL", s.start())
    monkeypatch.setenv("COPYGEN_MAX_RETRIES", "8")
    try:
        sheet = write_csv(tmp_path / "t.csv", [["topic", "platforms"]] + [[f"Topic {i}", "sms"] for i in range(10)])
        result = batch(str(sheet), "--out", str(tmp_path / "o.jsonl"), "--concurrency", "4", "--no-log")
    finally:
        s.stop()
    assert result.exit_code == 0, result.output
    assert s.injected["429"] > 0 and all(r["status"] != "error" for r in read_jsonl(tmp_path / "o.jsonl"))


def test_fail_fast_stops_and_resume_finishes(stub: Stub, tmp_path: Path) -> None:
    rows = [["topic", "platforms"], ["Fine topic", "sms"], ["Broken ALWAYS500", "sms"]] + [[f"T{i}", "sms"] for i in range(5)]
    sheet = write_csv(tmp_path / "t.csv", rows)
    out = tmp_path / "o.jsonl"
    first = batch(str(sheet), "--out", str(out), "--concurrency", "1", "--fail-fast")
    assert first.exit_code == 1 and "stopped early" in first.output
    assert [r["row"] for r in read_jsonl(out)] == [2, 3]
    again = batch(str(sheet), "--out", str(out))
    assert again.exit_code == 2 and "--resume" in again.output  # nothing is overwritten by accident
    resumed = batch(str(sheet), "--out", str(out), "--resume")
    assert "2 already done, 5 run now" in resumed.output
    # The counts are the whole sheet's (7 rows: 6 drafts, blocked with no brand, and 1 row in error), with what
    # this run added.
    assert "0 pass, 0 warn, 6 blocked drafts; 1 row in error. This run added 0 pass, 0 warn, 5 blocked" in resumed.output, resumed.output
    assert [r["row"] for r in read_jsonl(out)] == list(range(2, 9))


def test_sigkill_midway_then_resume_has_every_row_once(tmp_path: Path) -> None:
    s = Stub(latency=0.2)
    url = s.start()
    env = {**os.environ, "OPENAI_BASE_URL": url, "COPYGEN_MODEL": "stub", "COPYGEN_LOG_DB": str(tmp_path / "log.db")}
    sheet = write_csv(tmp_path / "t.csv", [["topic", "platforms"]] + [[f"Topic {i}", "sms"] for i in range(60)])
    out = tmp_path / "o.jsonl"
    ckpt = tmp_path / "o.jsonl.checkpoint.jsonl"
    cmd = [sys.executable, "-m", "copygen", "batch", str(sheet), "--out", str(out), "--concurrency", "4",
           "--brand", str(EXAMPLE_BRAND)]
    try:
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.time() + 60
        while time.time() < deadline and (not ckpt.exists() or ckpt.read_bytes().count(b"\n") < 12):
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL and not out.exists()
        saved = ckpt.read_bytes().count(b"\n")
        assert 12 <= saved < 60
        with ckpt.open("ab") as fh:  # as if the kill had cut a line short
            fh.write(b'{"row": 99, "key": "torn')
        done = subprocess.run([*cmd, "--resume"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    finally:
        s.stop()
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{saved} already done, {60 - saved} run now" in done.stdout
    rows = [r["row"] for r in read_jsonl(out)]
    assert rows == list(range(2, 62))  # every row once, in sheet order
    assert not ckpt.exists()


@pytest.mark.parametrize("name", ["topics.csv", "topics.xlsx"])
def test_the_example_sheets_are_valid(name: str) -> None:
    from copygen.sheets import load_sheet

    rows = load_sheet(ROOT / "examples" / name)
    assert [r.number for r in rows] == [2, 3, 4]
    assert [p.value for p in rows[0].brief.platforms] == ["sms", "email"] and rows[1].brief.sponsored
    assert rows[1].brief.variants == 2 and len(rows[2].brief.platforms) == 3 and rows[2].brief.jurisdiction.value == "us"


def test_a_row_with_phi_is_an_error_and_sends_nothing(stub: Stub, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "t.csv", [["topic", "platforms", "notes"], ["Flu clinics", "sms", "Every Saturday in November, walk in 9am to 12pm"],
                                           ["Asthma reviews", "sms", "Remind Sarah Jones on 07911 123456"]])
    result = batch(str(sheet), "--out", str(tmp_path / "o.jsonl"))
    records = {r["row"]: r for r in read_jsonl(tmp_path / "o.jsonl")}
    assert records[2]["status"] == "pass" and records[3]["status"] == "error"
    assert "patient identifiers" in records[3]["error"] and "07911 123456" not in records[3]["error"]
    assert stub.requests == 1 and result.exit_code == 1


def test_check_rechecks_a_batch_output(stub: Stub, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "t.csv", [["topic", "platforms"], ["Flu clinics", "sms, email"], ["Physio", "tiktok"]])
    assert batch(str(sheet), "--out", str(tmp_path / "o.jsonl")).exit_code == 0
    result = CliRunner().invoke(app, ["check", str(tmp_path / "o.jsonl"), "--brand", str(EXAMPLE_BRAND), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [r["platform"] for r in json.loads(result.output)] == ["sms", "email", "tiktok"]


def test_a_row_keeps_the_drafts_made_before_one_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from copygen.providers import Completion

    class EmailBroken:
        name, model, endpoint, in_process = "scripted", "scripted-1", "memory", False

        def complete(self, messages, schema, *, max_tokens, seed=None):  # noqa: ANN001, ANN201
            if "subject" in schema["properties"]:
                return Completion(text="not json", model=self.model)
            return Completion(text=json.dumps({"message": "Flu clinics run every Saturday in November."}), model=self.model)

    monkeypatch.setattr("copygen.providers.build_provider", lambda settings: EmailBroken())
    sheet = write_csv(tmp_path / "t.csv", [["topic", "platforms"], ["Flu clinics", "sms, email"]])
    result = batch(str(sheet), "--out", str(tmp_path / "o.jsonl"))
    (record,) = read_jsonl(tmp_path / "o.jsonl")
    assert record["status"] == "error" and "email #1" in record["error"]
    assert [d["platform"] for d in record["drafts"]] == ["sms"] and result.exit_code == 1


def test_the_warm_up_row_sends_nothing_and_a_failing_one_loses_no_row(stub: Stub, tmp_path: Path) -> None:
    # Before the workers start together, the first row is drafted once against the prompt's own worked example
    # (no request); here that row holds PHI, so the rehearsal fails, and every row still runs and reports.
    sheet = write_csv(tmp_path / "t.csv", [["topic", "platforms", "notes"],
                                           ["Asthma reviews", "sms", "Remind Sarah Jones on 07911 123456"],
                                           ["Flu clinics", "sms", "Every Saturday in November, walk in 9am to 12pm"],
                                           ["Flu clinics for carers", "sms", "Every Saturday in November, walk in 9am to 12pm"]])
    result = batch(str(sheet), "--out", str(tmp_path / "o.jsonl"), "--concurrency", "4")
    records = {r["row"]: r for r in read_jsonl(tmp_path / "o.jsonl")}
    assert records[2]["status"] == "error" and records[3]["status"] == records[4]["status"] == "pass"
    assert stub.requests == 2 and result.exit_code == 1


def test_the_rehearsal_runs_once_on_the_first_row_to_do(tmp_path: Path) -> None:
    from copygen.batch import Rehearsal, run_rows
    from copygen.sheets import SheetRow

    rows = [SheetRow(number=n, values={"topic": f"t{n}"}, brief=None) for n in (2, 3, 4)]  # type: ignore[arg-type]
    rehearsed: list[int] = []

    def rehearse(row: SheetRow) -> None:
        rehearsed.append(row.number)
        raise RuntimeError("a warm-up that fails")

    summary = run_rows(rows, tmp_path / "o.jsonl", lambda row: [], concurrency=3, resume=False,
                       fail_fast=False, rehearse=rehearse)
    assert rehearsed == [2] and summary.done == 3
    reply = Rehearsal().complete([{"role": "system", "content": "s"}, {"role": "assistant", "content": '{"a": 1}'},
                                  {"role": "user", "content": "u"}, {"role": "assistant", "content": '{"b": 2}'},
                                  {"role": "user", "content": "brief"}], {}, max_tokens=10)
    assert reply.text == '{"b": 2}'


@pytest.mark.parametrize("platform,topic,expect", [
    ("review", "Lovely team, but I waited forty minutes past my slot.",
     lambda row: row["reply"].endswith("please call us on 0117 496 0123 or email hello@riversidehealth.example.")),
    ("social", "Saturday flu clinics",
     lambda row: row["caption"].endswith("#flu #pharmacy") and row["alt_text"].startswith("A pharmacist")),
    ("search_ad", "Saturday flu clinics",
     lambda row: row["headlines"].splitlines()[0] == "Saturday Flu Clinics" and row["path"] == "flu/saturdays"),
])
def test_a_sheet_row_can_ask_for_a_newer_platform(stub: Stub, tmp_path: Path, platform: str, topic: str, expect) -> None:  # noqa: ANN001
    # A review reply's topic is the review; the others are briefs like any campaign's.
    sheet = write_csv(tmp_path / "t.csv", [["topic", "platforms", "notes"],
                                           [topic, platform, "Every Saturday in November, walk in 9am to 12pm"]])
    result = batch(str(sheet), "--out", str(tmp_path / "o.csv"))
    assert result.exit_code == 0, result.output
    with (tmp_path / "o.csv").open(encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["platform"] == platform and row["status"] == "pass", row
    assert expect(row), row
