"""The review report: a real results file rendered to one HTML page and tested in headless Chromium."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import EXAMPLE_BRAND, ROOT
from typer.testing import CliRunner

from copygen.cli import app
from copygen.models import Finding, Severity
from copygen.providers import Completion
from copygen.report import highlight

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("COPYGEN_CHROMIUM", "/usr/bin/chromium")
SCRIPT = "<script>window.pwned=1</script>"


class Scripted:
    """A model that writes one kind of draft per platform (and one topic that always fails)."""

    name, model, endpoint, in_process = "scripted", "scripted-1", "memory", False

    def complete(self, messages, schema, *, max_tokens, seed=None):  # noqa: ANN001, ANN201
        from copygen.errors import ProviderError

        if "Broken topic" in messages[-1]["content"]:
            raise ProviderError("the endpoint failed (500) after retries")
        props = schema["properties"]
        if "message" in props:
            reply = {"message": f"Guaranteed results for everyone {SCRIPT} call Dave on 07911 123456"}
        elif "subject" in props:
            reply = {"subject": "Best clinic in Bristol", "preheader": "Walk in any Saturday morning, no booking needed at all",
                     "body": "Our flu clinics run every Saturday in November. Walk in between 9am and 12pm.",
                     "cta": "Find your clinic day"}
        else:
            reply = {"hook": "Three things about Saturday clinics",
                     "beats": [{"on_screen": "Saturdays", "voiceover": "Clinics run every Saturday in November."},
                               {"on_screen": "Walk in", "voiceover": "It is completely painless, just walk in."},
                               {"on_screen": "Ask us", "voiceover": "Questions? Ask our pharmacists."},
                               {"on_screen": "See you", "voiceover": "See you on Saturday."}],
                     "caption": "Saturday clinics all November", "hashtags": ["clinic", "Bristol"]}
        return Completion(text=json.dumps(reply), model=self.model, prompt_tokens=100, completion_tokens=20)


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A batch's real output (JSONL) and its report, made by the CLI."""
    d = tmp_path_factory.mktemp("report")
    sheet = d / "topics.csv"
    sheet.write_text("topic,platforms\nSaturday flu clinics,all\nBroken topic,sms\n", encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setattr("copygen.providers.build_provider", lambda settings: Scripted())
    mp.setenv("COPYGEN_LOG_DB", str(d / "log.db"))
    out = d / "results.jsonl"
    result = CliRunner().invoke(app, ["batch", str(sheet), "--out", str(out), "--brand", str(EXAMPLE_BRAND),
                                      "--html", str(d / "batch.html")])
    mp.undo()
    assert result.exit_code == 1 and "1 row in error" in result.output, result.output  # the broken row
    page = d / "report.html"
    made = CliRunner().invoke(app, ["report", str(out), "--out", str(page), "--brand", str(EXAMPLE_BRAND)])
    assert made.exit_code == 0, made.output
    assert (d / "batch.html").read_text(encoding="utf-8") == page.read_text(encoding="utf-8").replace(
        "Review: results", "Review: topics").replace("<title>copygen review: results", "<title>copygen review: topics")
    return out, page


@pytest.fixture(scope="module")
def browser_page(results: tuple[Path, Path]):  # noqa: ANN201
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (see README, Tests)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1300, "height": 2000})
        messages: list[str] = []
        page.on("console", lambda m: messages.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(results[1].as_uri())
        page.wait_for_load_state("load")
        yield page, messages, requests
        browser.close()


def _drafts(results_file: Path) -> list[dict]:
    return [d for line in results_file.read_text(encoding="utf-8").splitlines() for d in json.loads(line)["drafts"]]


def test_the_page_loads_offline_with_no_console_errors(browser_page) -> None:  # noqa: ANN001
    page, messages, requests = browser_page
    assert messages == []
    assert all(u.startswith("file:") for u in requests)  # nothing from the network
    assert page.locator("article.card").count() == 4  # three drafts and the row in error
    assert page.locator("#r3 .bad").inner_text() == "the endpoint failed (500) after retries"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000


def test_highlights_sit_on_the_matched_words(browser_page, results) -> None:  # noqa: ANN001
    page, _, _ = browser_page
    drafts = _drafts(results[0])
    checked = 0
    for i, d in enumerate(drafts):
        key = page.locator("article.card").nth(i).get_attribute("id")  # drafts come first, in order
        fields = _fields(d)
        for j, f in enumerate(d["findings"]):
            if f["start"] is None:
                continue
            marks = page.locator(f'#{key} mark[data-f~="{key}-f{j}"]')
            shown = "".join(marks.all_inner_texts())
            assert shown == fields[f["field"]][f["start"]:f["end"]].replace("\n", ""), (f["rule_id"], shown)
            assert f["message"] in (marks.first.get_attribute("title") or "")
            checked += 1
    assert checked >= 5


def _fields(d: dict) -> dict[str, str]:
    c = d["content"]
    if c["kind"] == "sms":
        return {"text": c["text"]}
    if c["kind"] == "email":
        return {"subject": c["subject"], "preheader": c["preheader"], "body": c["text"]}
    return {"caption": c["caption"], "script": "\n".join([c["hook"], *(b["voiceover"] for b in c["beats"])]),
            "on_screen": "\n".join(b["on_screen"] for b in c["beats"])}


def test_filters_hide_and_show_drafts(browser_page) -> None:  # noqa: ANN001
    page, _, _ = browser_page
    visible = lambda: [c.get_attribute("data-platform") for c in page.locator("article.card:visible").all()]  # noqa: E731
    page.select_option("#f-status", "blocked")
    assert visible() and all(c.get_attribute("data-status") == "blocked" for c in page.locator("article.card:visible").all())
    assert "sms" in visible()
    page.select_option("#f-status", "")
    page.select_option("#f-platform", "tiktok")
    assert visible() == ["tiktok"] and page.inner_text("#shown") == "1 of 4 shown"
    page.select_option("#f-platform", "")
    page.select_option("#f-rule", "claims.superiority")
    assert visible() == ["email"]
    page.select_option("#f-rule", "")
    assert len(visible()) == 4


def test_model_text_is_shown_as_text_never_run(browser_page) -> None:  # noqa: ANN001
    page, _, _ = browser_page
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert SCRIPT in page.locator("[data-field=text]").first.inner_text()
    assert page.locator("main script").count() == 0


def test_platform_views_show_their_numbers(browser_page) -> None:  # noqa: ANN001
    page, _, _ = browser_page
    assert "segment" in page.locator(".phone .meta").first.inner_text()
    assert page.locator(".inbox .from").first.inner_text() == "Riverside Health Clinic"
    assert page.locator(".timeline .seg").count() == 5  # the hook and four beats
    assert "Top rules triggered" in page.inner_text("#summary")


def test_highlight_escapes_and_splits_overlapping_spans() -> None:
    text = "<b>Guaranteed</b> pain-free"
    a = Finding(rule_id="x.a", severity=Severity.WARN, message="A", field="t", start=3, end=13)
    b = Finding(rule_id="x.b", severity=Severity.BLOCK, message="B <i>", field="t", start=8, end=27)
    html = str(highlight(text, [("f0", a), ("f1", b)]))
    assert html.startswith("&lt;b&gt;") and "<b>" not in html and "B &lt;i&gt;" in html
    assert '<mark class="sev-warn" data-f="f0"' in html and '<mark class="sev-block" data-f="f0 f1"' in html


@pytest.mark.parametrize("content,message", [(None, "not found"), ("", "is empty"), ('{"hello": 1}', "not copygen results")])
def test_report_cli_errors_are_clear(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "r.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(path), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_draft_html_writes_the_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("copygen.providers.build_provider", lambda settings: Scripted())
    page = tmp_path / "draft.html"
    result = CliRunner().invoke(app, ["draft", "Saturday flu clinics", "-p", "email", "--brand", str(EXAMPLE_BRAND),
                                      "--html", str(page), "--no-log"])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert html.count('<article class="card"') == 1 and 'data-platform="email"' in html and "claims.superiority" in html


def test_the_report_rechecks_each_draft_and_marks_a_recorded_status_it_disagrees_with(
        results: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("copygen.providers.build_provider", lambda settings: Scripted())
    made = CliRunner().invoke(app, ["draft", "Saturday flu clinics", "-p", "email", "--brand", str(EXAMPLE_BRAND),
                                    "--format", "json", "--no-log"])
    data = json.loads(made.output)
    (draft,) = data["drafts"]
    draft["content"]["body"] = draft["content"]["text"] = "Our jab cures flu and is 100% safe."  # edited after it was checked
    draft["status"], draft["findings"] = "pass", []
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(edited), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 0 and "1 draft(s) re-checked to another status" in result.output, result.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'data-status="blocked"' in html and "recorded as pass, re-checked now" in html
    assert "claims.cure" in html
    # A batch's output is re-checked only with the brand its drafts were made with.
    out, _ = results
    plain = CliRunner().invoke(app, ["report", str(out), "--out", str(tmp_path / "b.html")])
    assert plain.exit_code == 0 and "give --brand" in plain.output
    branded = CliRunner().invoke(app, ["report", str(out), "--out", str(tmp_path / "b.html"), "--brand", str(EXAMPLE_BRAND)])
    assert branded.exit_code == 0 and "re-checked to another status" not in branded.output, branded.output


def test_a_reviewers_decisions_round_trip_through_export_and_decisions(browser_page, results, tmp_path: Path) -> None:  # noqa: ANN001
    import csv

    page = browser_page[0].context.browser.new_page(accept_downloads=True)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(results[1].as_uri())
    drafts = page.locator("article.card[data-platform='sms'], article.card[data-platform='email']")
    first, second = drafts.nth(0), drafts.nth(1)
    first.locator("button[data-decision='approved']").click()
    second.locator("button[data-decision='rejected']").click()
    second.locator(".decide textarea").fill('Say "results vary", then resubmit')
    assert first.locator(".decision-label").inner_text() == "approved"
    page.select_option("#f-decision", "rejected")
    assert page.locator("article.card:not([hidden])").count() == 1 and not second.is_hidden()
    page.select_option("#f-decision", "")

    exported = {}
    for kind in ("json", "csv"):
        with page.expect_download() as dl:
            page.click(f"#export-{kind}")
        exported[kind] = tmp_path / f"decisions.{kind}"
        dl.value.save_as(exported[kind])
    as_json = {d["id"]: d for d in json.loads(exported["json"].read_text(encoding="utf-8"))["decisions"]}
    with exported["csv"].open(encoding="utf-8", newline="") as fh:
        as_csv = {r["id"]: r for r in csv.DictReader(fh)}
    for got in (as_json, as_csv):
        assert got[first.get_attribute("data-id")]["decision"] == "approved"
        rejected = got[second.get_attribute("data-id")]
        assert rejected["decision"] == "rejected" and rejected["comment"] == 'Say "results vary", then resubmit'
        assert rejected["hash"] == second.get_attribute("data-hash") and len(got) == 2

    # The decisions come back with --decisions (from either export); one made on another text does not.
    as_json[second.get_attribute("data-id")]["hash"] = "0" * 16
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps({"decisions": list(as_json.values())}), encoding="utf-8")
    for source, second_label in ((exported["csv"], "rejected"), (tampered, "undecided")):
        again = tmp_path / "again.html"
        made = CliRunner().invoke(app, ["report", str(results[0]), "--out", str(again), "--brand", str(EXAMPLE_BRAND),
                                        "--decisions", str(source)])
        assert made.exit_code == 0, made.output
        page.goto(again.as_uri())
        cards = page.locator("article.card[data-platform='sms'], article.card[data-platform='email']")
        assert cards.nth(0).locator(".decision-label").inner_text() == "approved"
        assert cards.nth(1).locator(".decision-label").inner_text() == second_label
        if second_label == "rejected":
            assert cards.nth(1).locator(".decide textarea").input_value() == 'Say "results vary", then resubmit'
        else:
            assert "different text" in cards.nth(1).locator(".stale").inner_text()
    assert errors == []
    page.close()


def test_a_decisions_file_that_is_not_one_is_a_clear_error(results, tmp_path: Path) -> None:  # noqa: ANN001
    bad = tmp_path / "d.json"
    bad.write_text('{"decisions": [{"id": "x", "hash": "y", "decision": "maybe"}]}', encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(results[0]), "--out", str(tmp_path / "r.html"), "--decisions", str(bad)])
    assert result.exit_code == 2 and "decisions file" in result.output and "Traceback" not in result.output
