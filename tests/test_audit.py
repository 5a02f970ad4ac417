"""The audit log: every generation recorded locally, listable and exportable, with no secret and no
refused PHI."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from conftest import FakeProvider
from typer.testing import CliRunner

from copygen import Brief, Platform, generate
from copygen.brand import Brand
from copygen.cli import app
from copygen.config import Settings
from copygen.errors import ProviderError
from copygen.preflight import PHIInBriefError

NOTES = "Every Saturday in November; walk in between 9am and 12pm, no appointment needed."
KEY = "sk-test-THISISNOTAREALKEY0123456789abcdef"
BAD = {"message": "Guaranteed results in one visit. Flu clinics run every Saturday in November."}
CLEAN = {"message": "Flu clinics run every Saturday in November. Walk in between 9am and 12pm."}


def _generate(brand: Brand, db: Path, replies: list, **kw: object) -> list:
    settings = Settings(log_db=str(db), api_key=KEY, repair_rounds=2)
    return generate(Brief(topic="Saturday flu clinics", platforms=[Platform.SMS], **{"notes": NOTES, **kw}), brand=brand,
                    settings=settings, provider=FakeProvider(replies))


def test_a_run_is_recorded_with_every_round_and_no_key(brand: Brand, tmp_path: Path) -> None:
    db = tmp_path / "log.db"
    (draft,) = _generate(brand, db, [BAD, CLEAN])
    with sqlite3.connect(db) as conn:
        run = conn.execute("SELECT status, drafts, provider, model, brief_hash, brief, packs FROM runs").fetchone()
        row = conn.execute("SELECT status, calls, rounds, draft, rendered_prompt FROM drafts").fetchone()
    assert run[0] == draft.status.value == "pass" and run[1] == 1 and run[2:4] == ("fake", "fake-model")
    assert len(run[4]) == 64 and json.loads(run[5])["topic"] == "Saturday flu clinics" and "evidence" in json.loads(run[6])
    calls, rounds = json.loads(row[1]), json.loads(row[2])
    assert [c["round"] for c in calls] == [0, 1] and "Guaranteed" in calls[0]["responses"][0]
    assert [r["status"] for r in rounds] == ["blocked", "pass"] and rounds[1]["fixes"][0]["how"] == "model"
    assert json.loads(row[3])["content"]["text"] == draft.content.text
    assert json.loads(row[4])[0]["role"] == "system"
    assert KEY.encode() not in db.read_bytes()


def test_a_key_inside_model_text_is_scrubbed(brand: Brand, tmp_path: Path) -> None:
    db = tmp_path / "log.db"
    _generate(brand, db, [{"message": f"Flu clinics every Saturday. Bearer {KEY[3:]} and {KEY}"}] * 3)
    blob = db.read_bytes()
    assert KEY.encode() not in blob and KEY[3:].encode() not in blob and b"[REDACTED]" in blob


def test_a_brief_refused_for_phi_is_not_stored(brand: Brand, tmp_path: Path) -> None:
    db = tmp_path / "log.db"
    with pytest.raises(PHIInBriefError):
        _generate(brand, db, [CLEAN], notes="Remind Mrs Jones, DOB 04/05/1950, about her diabetes review")
    assert not db.exists() or sqlite3.connect(db).execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 0


def test_a_failed_run_is_recorded_as_an_error(brand: Brand, tmp_path: Path) -> None:
    class Down(FakeProvider):
        def complete(self, *a, **k):  # noqa: ANN002, ANN003, ANN202
            raise ProviderError("Cannot reach http://127.0.0.1:9/v1")

    db = tmp_path / "log.db"
    with pytest.raises(ProviderError):
        generate(Brief(topic="Flu", platforms=[Platform.SMS]), brand=brand, settings=Settings(log_db=str(db)),
                 provider=Down([]))
    status, error = sqlite3.connect(db).execute("SELECT status, error FROM runs").fetchone()
    assert status == "error" and "Cannot reach" in error


def test_no_log_writes_nothing(brand: Brand, tmp_path: Path) -> None:
    db = tmp_path / "log.db"
    generate(Brief(topic="Flu", notes=NOTES, platforms=[Platform.SMS]), brand=brand, settings=Settings(log_db=str(db)),
             provider=FakeProvider([CLEAN]), log=False)
    assert not db.exists()


def test_log_commands_list_show_and_export(brand: Brand, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "log.db"
    monkeypatch.setenv("COPYGEN_LOG_DB", str(db))
    _generate(brand, db, [CLEAN])
    _generate(brand, db, [BAD, CLEAN])
    runner = CliRunner()
    listed = runner.invoke(app, ["log", "list", "--format", "json"])
    assert listed.exit_code == 0 and [r["id"] for r in json.loads(listed.output)] == [2, 1]
    shown = runner.invoke(app, ["log", "show", "2"])
    run = json.loads(shown.output)
    assert run["id"] == 2 and len(run["drafts"][0]["calls"]) == 2
    out = tmp_path / "export.jsonl"
    exported = runner.invoke(app, ["log", "export", "--out", str(out)])
    assert exported.exit_code == 0 and [json.loads(line)["id"] for line in out.read_text().splitlines()] == [1, 2]
    missing = runner.invoke(app, ["log", "show", "99"])
    assert missing.exit_code == 2 and "No run 99" in missing.output


def test_draft_cli_logs_unless_told_not_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:

    db = tmp_path / "log.db"
    monkeypatch.setenv("COPYGEN_LOG_DB", str(db))
    monkeypatch.setattr("copygen.providers.build_provider", lambda settings: FakeProvider([CLEAN, CLEAN]))
    runner = CliRunner()
    assert runner.invoke(app, ["draft", "Flu clinics", "-p", "sms", "--no-log"]).exit_code == 0
    assert not db.exists()
    assert runner.invoke(app, ["draft", "Flu clinics", "-p", "sms"]).exit_code == 0
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 1
