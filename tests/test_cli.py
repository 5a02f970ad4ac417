"""The `copygen` command: exit codes, formats, clear errors instead of tracebacks, no secrets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLE_BRAND
from typer.testing import CliRunner

from copygen.cli import app

runner = CliRunner()


def test_check_exit_codes(tmp_path: Path) -> None:
    ok = tmp_path / "ok.txt"
    ok.write_text("RiversideHC: Flu clinics every Saturday in November. Reply STOP to opt out", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("RiversideHC: Our drip cures flu, guaranteed! Reply STOP to opt out", encoding="utf-8")
    assert runner.invoke(app, ["check", str(ok), "--platform", "sms", "--brand", str(EXAMPLE_BRAND)]).exit_code == 0
    result = runner.invoke(app, ["check", str(bad), "--platform", "sms", "--brand", str(EXAMPLE_BRAND)])
    assert result.exit_code == 1 and "claims.cure" in result.output and "CAP Code" in result.output
    assert runner.invoke(app, ["check", str(tmp_path / "missing.txt"), "--platform", "sms"]).exit_code == 2
    assert runner.invoke(app, ["check", str(ok)]).exit_code == 2  # plain text needs --platform
    assert runner.invoke(app, ["check", str(ok), "--platform", "fax"]).exit_code == 2


def test_check_reads_stdin_and_prints_json() -> None:
    result = runner.invoke(app, ["check", "-", "--platform", "sms", "--format", "json"], input="Totally painless! Reply STOP")
    assert result.exit_code == 1
    report = json.loads(result.output)
    finding = next(f for f in report["findings"] if f["rule_id"] == "claims.absolute_safety")
    assert "Totally painless! Reply STOP"[finding["start"]:finding["end"]] == finding["match"] == "painless"
    assert report["measurements"]["text"]["encoding"] == "GSM-7" and report["status"] == "blocked"


def test_config_file_disables_rules_and_adds_packs(tmp_path: Path, monkeypatch) -> None:
    from test_engine import GOOD_PACK

    pack = tmp_path / "house.yaml"
    pack.write_text(GOOD_PACK, encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(f'[copygen]\ndisable = ["claims.superiority"]\npacks = [{str(pack)!r}]\n', encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text("RiversideHC: Bristol's leading clinic, cheap flu jabs. Reply STOP to opt out", encoding="utf-8")
    args = ["check", str(copy), "--platform", "sms", "--format", "json", "--brand", str(EXAMPLE_BRAND)]
    before = {f["rule_id"] for f in json.loads(runner.invoke(app, args).output)["findings"]}
    monkeypatch.setenv("COPYGEN_CONFIG", str(config))
    after = {f["rule_id"] for f in json.loads(runner.invoke(app, args).output)["findings"]}
    assert "claims.superiority" in before and "house.no_cheap" not in before
    assert "claims.superiority" not in after and "house.no_cheap" in after


def test_check_email_with_headers(tmp_path: Path) -> None:
    f = tmp_path / "email.txt"
    f.write_text("Subject: Saturday flu clinics\nPreheader: Walk in any Saturday morning in November, no booking\n"
                 "Body: Our flu clinics run every Saturday.\nTo stop receiving these emails, reply UNSUBSCRIBE.\n"
                 "Riverside Health Clinic, 4 Mill Lane, Bristol BS1 4DJ\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(f), "--platform", "email", "--format", "json", "--brand", str(EXAMPLE_BRAND)])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.output)["measurements"]) == {"subject", "preheader", "body"}


def test_unreadable_input_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "latin1.txt"
    f.write_bytes("Caf\xe9 clinic".encode("latin-1"))
    result = runner.invoke(app, ["check", str(f), "--platform", "sms"])
    assert result.exit_code == 2 and "not UTF-8" in result.output and "Traceback" not in result.output
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert "empty" in runner.invoke(app, ["check", str(empty), "--platform", "sms"]).output


def test_bad_brand_file_is_a_clear_error(tmp_path: Path) -> None:
    brand = tmp_path / "brand.yaml"
    brand.write_text("practice_name: X\nfavourite_colour: blue\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "-", "--platform", "sms", "--brand", str(brand)], input="hi")
    assert result.exit_code == 2 and "favourite_colour" in result.output


def test_every_input_file_that_is_not_utf8_gets_the_same_helpful_error(tmp_path: Path) -> None:
    brand = tmp_path / "brand.yaml"
    brand.write_bytes("practice_name: Caf\xe9 Dental\n".encode("latin-1"))
    claims = tmp_path / "claims.yaml"
    claims.write_bytes("- id: c1\n  wording: Caf\xe9\n".encode("latin-1"))
    for args in (["--brand", str(brand)], ["--claims", str(claims)]):
        result = runner.invoke(app, ["check", "-", "--platform", "sms", *args], input="hi")
        assert result.exit_code == 2 and "not UTF-8" in result.output and "save it as UTF-8" in result.output, result.output


def test_report_says_which_files_it_reads_when_given_a_spreadsheet(tmp_path: Path) -> None:
    sheet = tmp_path / "drafts.xlsx"
    sheet.write_bytes(b"PK\x03\x04\x83 not text")
    result = runner.invoke(app, ["report", str(sheet), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and ".jsonl" in result.output and "codec" not in result.output


def test_rules_lists_every_rule_with_citation() -> None:
    rows = json.loads(runner.invoke(app, ["rules", "--format", "json"]).output)
    ids = {r["id"] for r in rows}
    assert {"claims.cure", "sms.opt_out", "email.unsubscribe", "tiktok.ad_disclosure"} <= ids
    assert all(r["citation"] for r in rows)


def test_rules_list_is_one_line_a_rule_and_one_rule_in_full_on_request() -> None:
    listing = runner.invoke(app, ["rules"], env={"COLUMNS": "80"})
    rows = json.loads(runner.invoke(app, ["rules", "--format", "json"]).output)
    assert listing.exit_code == 0 and len(listing.output.splitlines()) == len(rows)
    one = runner.invoke(app, ["rules", "claims.cure"])
    assert one.exit_code == 0 and "citation:" in one.output and "fires on:" in one.output
    assert "Cancer Act" in one.output or "CAP Code" in one.output
    assert runner.invoke(app, ["rules", "no.such_rule"]).exit_code == 2


def test_platforms_shows_limits() -> None:
    out = runner.invoke(app, ["platforms"]).output
    assert "160" in out and "153" in out and "2200" in out


def test_doctor_explains_without_printing_the_key(monkeypatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-live-verysecretvalue1234")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1")
    out = runner.invoke(app, ["doctor"]).output
    assert "provider: openai" in out and "http://127.0.0.1:8080/v1" in out and "OPENAI_API_KEY" in out
    assert "verysecret" not in out and "sk-live" not in out


def test_doctor_offline_names_the_embedded_model() -> None:
    out = runner.invoke(app, ["doctor"]).output
    assert "provider: local" in out and "offline" in out


@pytest.mark.parametrize("command", [["doctor"], ["draft", "Flu clinic", "-p", "sms"]])
def test_an_unknown_provider_is_a_clear_error_naming_the_ones_there_are(monkeypatch, command: list[str]) -> None:
    monkeypatch.setenv("COPYGEN_PROVIDER", "gpt9")
    result = runner.invoke(app, command)
    assert result.exit_code == 3 and "Traceback" not in result.output
    assert "Unknown provider 'gpt9' (environment COPYGEN_PROVIDER): choose auto, openai or local." in result.output


def test_draft_rejects_bad_input_before_any_model_call() -> None:
    result = runner.invoke(app, ["draft", "   "])
    assert result.exit_code == 2 and "topic" in result.output
    result = runner.invoke(app, ["draft", "Flu", "--duration", "45"])
    assert result.exit_code == 2 and "duration" in result.output


def test_help_lists_commands() -> None:
    out = runner.invoke(app, ["--help"]).output
    for cmd in ("draft", "check", "rules", "platforms", "doctor", "schema"):
        assert cmd in out


def test_a_missing_element_the_brand_holds_is_suggested_from_the_brand(tmp_path: Path) -> None:
    copy = "Subject: Flu clinics\nBody: Flu clinics every Saturday.\n"
    with_brand = runner.invoke(app, ["check", "-", "-p", "email", "--brand", str(EXAMPLE_BRAND)], input=copy)
    assert "to the brand profile" not in with_brand.output and "4 Mill Lane" in with_brand.output
    without = runner.invoke(app, ["check", "-", "-p", "email"], input=copy)
    assert "to the brand profile" in without.output


def test_help_shows_no_value_for_a_flag() -> None:
    import re

    for command in ("check", "draft", "batch"):
        result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "120"})
        flags = [line for line in result.output.splitlines()
                 if re.search(r"--(?:sponsored|redact|no-log|resume|fail-fast)\b", line)]
        assert flags and not any("<bool>" in line for line in flags), flags


def test_copy_far_beyond_any_platform_is_named_and_not_echoed_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Subject: Flu clinics\nBody: " + "Flu clinics every Saturday. " * 40_000, encoding="utf-8")
    result = runner.invoke(app, ["check", str(big), "-p", "email"], env={"COLUMNS": "100"})
    assert result.exit_code in (0, 1) and "far beyond" in result.output and "more characters not shown" in result.output
    assert len(result.output) < 20_000


def test_check_reads_a_folder_in_one_run_and_each_files_platform(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.sms").write_text("RiversideHC: Flu jabs every Saturday. Reply STOP to opt out", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("platform: sms\nRiversideHC: Our drip cures flu. Reply STOP to opt out",
                                             encoding="utf-8")
    (tmp_path / "c.email.txt").write_text("Subject: Flu\nBody: Flu jabs every Saturday.", encoding="utf-8")
    (tmp_path / "notes.png").write_bytes(b"\x89PNG")  # not copy: left alone
    result = runner.invoke(app, ["check", str(tmp_path), "--brand", str(EXAMPLE_BRAND), "-f", "json"])
    assert result.exit_code == 1, result.output  # b.txt claims a cure
    rows = {Path(r["file"]).name: r for r in json.loads(result.output)}
    assert set(rows) == {"a.sms", "b.txt", "c.email.txt"}
    assert rows["a.sms"]["platform"] == "sms" and rows["a.sms"]["status"] == "pass"
    assert rows["b.txt"]["status"] == "blocked" and rows["c.email.txt"]["platform"] == "email"
    # A file that cannot be read is named; every other file is still checked, and the run exits 2.
    (tmp_path / "d.txt").write_text("no platform named anywhere", encoding="utf-8")
    mixed = runner.invoke(app, ["check", str(tmp_path), "--brand", str(EXAMPLE_BRAND)])
    assert mixed.exit_code == 2 and "d.txt" in mixed.output, mixed.output
    assert "4 files: 2 blocked, 1 not blocked, 1 could not be checked" in mixed.output
    assert "Traceback" not in mixed.output


def test_check_writes_sarif_with_each_finding_at_its_line_and_column(tmp_path: Path) -> None:
    copy = tmp_path / "winter.sms"
    lines = ["platform: sms", "RiversideHC: Our flu jab cures flu", "and is ready. Call Dave on 07911 123456."]
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(copy), "--format", "sarif"])
    assert result.exit_code == 1  # something blocks, as in every format
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "copygen"
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {r["ruleId"] for r in run["results"]}
    by_rule = {r["ruleId"]: r for r in run["results"]}
    for rule, word in (("claims.cure", "cures"), ("phi.phone", "07911 123456")):
        region = by_rule[rule]["locations"][0]["physicalLocation"]["region"]
        line = lines[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == word
        assert by_rule[rule]["level"] == "error"
        assert by_rule[rule]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == str(copy)
    assert "CAP Code" in json.dumps(run["tool"]["driver"]["rules"])  # each rule carries its citation


def test_the_text_report_reads_the_same_in_a_pipe_and_on_a_terminal() -> None:
    # Piped, the report is plain lines (no rich); on a terminal it is coloured, with each finding's span
    # underlined in its severity's colour. A reviewer reads the same words either way.
    import io

    from rich.console import Console

    from copygen.api import check
    from copygen.kinds import Platform
    from copygen.render import print_report, report_lines

    fields = {"text": "RiversideHC: Guaranteed results, 100% painless! Reply STOP to opt out"}
    report = check(fields, platform=Platform.SMS)
    piped = CliRunner().invoke(app, ["check", "-", "--platform", "sms"], input=fields["text"]).output
    terminal = Console(file=io.StringIO(), force_terminal=True, width=400, record=True)
    print_report(report, fields, console=terminal)
    assert "Guaranteed" in piped and piped.startswith(terminal.export_text(styles=False))
    underlined = [(text, style) for line in report_lines(report, fields) for text, style in line
                  if style.startswith("underline")]
    assert ("Guaranteed", "underline red") in underlined and ("100%", "underline yellow") in underlined
