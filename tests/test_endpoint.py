"""`copygen draft` against a real OpenAI-compatible server, replayed from cassettes.

Recorded from llama-cpp-python's server running the embedded SmolLM2 model on 127.0.0.1:8765.
Re-record (see README): start that server, then
    pytest tests/test_endpoint.py --record-mode=rewrite
"""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLE_BRAND
from typer.testing import CliRunner

from copygen.cli import app

BASE_URL = "http://127.0.0.1:8765/v1"


@pytest.fixture(autouse=True)
def endpoint_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", BASE_URL)
    monkeypatch.setenv("COPYGEN_MODEL", "smollm2")
    monkeypatch.setenv("COPYGEN_MAX_RETRIES", "0")  # the server's rejections are recorded once, not retried


@pytest.mark.vcr
@pytest.mark.parametrize("platform", ["sms", "email", "tiktok"])
def test_draft_against_endpoint(platform: str, tmp_path) -> None:
    result = CliRunner().invoke(app, ["draft", "Flu vaccination clinic every Saturday in November", "--platform",
                                      platform, "--brand", str(EXAMPLE_BRAND), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (draft,) = data["drafts"]
    assert draft["platform"] == platform and draft["provider"] == "openai"
    assert draft["usage"]["prompt_tokens"] > 0 and not draft["usage"]["approximate"]
    # The status copygen printed is what `copygen check` says of the same JSON on its own.
    out = tmp_path / "drafts.json"
    out.write_text(result.output, encoding="utf-8")
    recheck = CliRunner().invoke(app, ["check", str(out), "--format", "json"])
    assert recheck.exit_code == (1 if draft["status"] == "blocked" else 0), recheck.output
    assert json.loads(recheck.output)[0]["status"] == draft["status"]


HOUSE_STYLE = EXAMPLE_BRAND.parent.parent / "tests" / "packs" / "house_style.yaml"


@pytest.mark.vcr
def test_repair_round_against_endpoint(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first draft that blocks goes back to the model with its failing spans, and the final status is
    what an independent check says."""
    db = tmp_path / "log.db"
    monkeypatch.setenv("COPYGEN_LOG_DB", str(db))
    result = CliRunner().invoke(app, ["draft", "Flu vaccination clinic every Saturday in November", "-p", "sms",
                                      "--brand", str(EXAMPLE_BRAND), "--pack", str(HOUSE_STYLE), "--repair-rounds", "1",
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    (draft,) = json.loads(result.output)["drafts"]
    assert draft["repair_rounds"] == 1 and draft["model_calls"] >= 2
    run = json.loads(CliRunner().invoke(app, ["log", "show", "1"]).output)
    calls = run["drafts"][0]["calls"]
    assert [c["round"] for c in calls] == [0, 1]
    ask = calls[1]["messages"][-1]["content"]
    first_findings = run["drafts"][0]["rounds"][0]["findings"]
    assert any(f["rule_id"] == "house_style.short_month" for f in first_findings)
    assert "House style" in ask and all(f'"{f["match"]}"' in ask for f in first_findings if f["severity"] == "block" and f["match"])
    out = tmp_path / "drafts.json"
    out.write_text(result.output, encoding="utf-8")
    recheck = CliRunner().invoke(app, ["check", str(out), "--pack", str(HOUSE_STYLE), "--format", "json"])
    assert json.loads(recheck.output)[0]["status"] == draft["status"]
