"""Nothing invented: every specific a draft states must come from the brief, the brand or the claims library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copygen import Brief, Platform, check
from copygen.brand import Brand
from copygen.cli import app

BRAND = Brand(practice_name="Riverside Health Clinic", sender_id="RiversideHC", phone="0117 496 0000",
              website="https://www.riversidehealth.co.uk", postal_address="4 Mill Lane, Bristol BS1 4DJ")
BRIEF = {"topic": "Flu vaccination clinic every Saturday in November",
         "notes": "Walk in 9am to 12pm. £15 for those not eligible on the NHS. Last clinic 29 November."}


def invented(text: str, brief: dict | None = BRIEF, claims: list | None = None) -> list[str]:
    report = check(text, platform="sms", brand=BRAND, brief=brief, claims=claims)
    return [f.match for f in report.findings if f.rule_id == "grounding.invented_detail"]


@pytest.mark.parametrize("text", [
    "RiversideHC: Flu jabs every Saturday in November, 9am-12pm. Walk-in welcome. Reply STOP to opt out",
    "Saturdays in Nov: flu jabs for £15 if you are not NHS-eligible. Last one Nov 29th.",
    "Flu jabs on Saturdays, 9 a.m. to noon. Call 0117 496 0000 or visit riversidehealth.co.uk.",
    "Three tips before your flu jab. Feel free to ask us. Unwell? Call NHS 111.",
    "Flu jabs at our clinic in Bristol every Saturday in November.",
])
def test_what_the_brief_and_brand_say_may_be_said_in_any_ordinary_form(text: str) -> None:
    assert invented(text) == []


@pytest.mark.parametrize("text,details", [
    ("Free flu jabs every Saturday in November!", ["Free"]),
    ("Flu jabs every Saturday, open till 8pm.", ["8pm"]),
    ("Flu jabs 50% off, 4pm tomorrow, takes 5 minutes.", ["50%", "4pm", "tomorrow", "5 minutes"]),
    ("Only 3 places left! Open 24/7.", ["Only 3 places left", "24/7"]),
    ("Flu jabs for £25 on 14 November and every Sunday.", ["£25", "14 November", "Sunday"]),
    ("Book at riverside-offers.com or call 0117 555 0199.", ["riverside-offers.com", "0117 555 0199"]),
    ("7 in 10 patients feel better after one visit.", ["7", "10"]),
    ("Book your implant consultation with Dr. Smith today.", ["Dr. Smith"]),
    ("Flu jabs at our new clinic in Leeds and across Greater Manchester.", ["Leeds", "Manchester"]),
])
def test_a_detail_nobody_gave_blocks_at_its_span(text: str, details: list[str]) -> None:
    report = check(text, platform="sms", brand=BRAND, brief=BRIEF)
    found = [f for f in report.findings if f.rule_id == "grounding.invented_detail"]
    assert [f.match for f in found] == details
    assert all(text[f.start:f.end] == f.match and f.severity.value == "block" and "CAP Code 3" in f.citation
               for f in found)


def test_the_claims_library_grounds_what_it_approves() -> None:
    claim = {"id": "c1", "wording": "9 in 10 patients would recommend us", "reference": "Patient survey 2026"}
    assert invented("9 in 10 patients would recommend us.", claims=[claim]) == []


def test_without_a_brief_the_check_is_off_and_the_cli_says_so(tmp_path: Path) -> None:
    assert invented("Free flu jabs, open till 8pm.", brief=None) == []
    copy = tmp_path / "sms.txt"
    copy.write_text("RiversideHC: Free flu jabs every Saturday. Reply STOP to opt out", encoding="utf-8")
    off = CliRunner().invoke(app, ["check", str(copy), "-p", "sms"])
    assert off.exit_code == 0 and "not checked" in off.output and "--topic" in off.output
    on = CliRunner().invoke(app, ["check", str(copy), "-p", "sms", "--topic", "Saturday flu clinics", "-f", "json"])
    assert on.exit_code == 1
    (report,) = [json.loads(on.output)]
    assert report["grounding"] is True
    assert [f["match"] for f in report["findings"] if f["rule_id"] == "grounding.invented_detail"] == ["Free"]


def test_a_brief_file_and_bad_brief_files(tmp_path: Path) -> None:
    copy = tmp_path / "sms.txt"
    copy.write_text("RiversideHC: Flu jabs every Saturday, £15. Reply STOP to opt out", encoding="utf-8")
    brief = tmp_path / "brief.yaml"
    brief.write_text("topic: Saturday flu clinics\nnotes: 15 pounds if not NHS-eligible\n", encoding="utf-8")
    assert CliRunner().invoke(app, ["check", str(copy), "-p", "sms", "--brief", str(brief)]).exit_code == 0
    brief.write_text("notes: no topic here\n", encoding="utf-8")
    bad = CliRunner().invoke(app, ["check", str(copy), "-p", "sms", "--brief", str(brief)])
    assert bad.exit_code == 2 and "topic" in bad.output and "Traceback" not in bad.output


def test_generation_blocks_an_invented_offer_and_check_of_its_json_agrees(brand: Brand, tmp_path: Path) -> None:
    from conftest import FakeProvider

    from copygen import generate
    from copygen.config import Settings
    from copygen.drafts import DraftSet
    from copygen.models import Status

    reply = {"message": "Flu jabs every Saturday in November. Now 50% off this week only."}
    brief = Brief(topic="Flu vaccination clinic every Saturday in November", platforms=[Platform.SMS])
    (draft,) = generate(brief, brand=brand, settings=Settings(repair_rounds=0), provider=FakeProvider([reply]))
    # The sentence holding the invented offer is dropped; what is left is grounded.
    assert "50%" not in draft.content.text and draft.status is not Status.BLOCKED
    blocked = {"message": "Flu jabs for £5 every Saturday in November."}
    (draft,) = generate(brief, brand=brand, settings=Settings(repair_rounds=0), provider=FakeProvider([blocked]))
    assert draft.status is Status.BLOCKED
    out = tmp_path / "drafts.json"
    out.write_text(DraftSet(brief=brief, brand=brand.model_dump(mode="json"), drafts=[draft]).model_dump_json(),
                   encoding="utf-8")
    recheck = CliRunner().invoke(app, ["check", str(out), "-f", "json"])
    assert recheck.exit_code == 1 and json.loads(recheck.output)[0]["status"] == "blocked"


def test_copy_about_something_else_blocks_and_a_synonym_is_on_topic() -> None:
    brief = {"topic": "Flu vaccination clinic every Saturday"}
    off = check({"caption": "Meet our AI-powered dragon and learn to fly!"}, platform="tiktok", brand=BRAND, brief=brief)
    assert "grounding.off_topic" in {f.rule_id for f in off.findings}
    on = check("RiversideHC: Get your jab at our Saturday clinic. Reply STOP to opt out", platform="sms", brand=BRAND,
               brief=brief)
    assert "grounding.off_topic" not in {f.rule_id for f in on.findings}
    # The practice's own name and footer do not make copy on topic.
    footer = check("RiversideHC: Thank you for buying us. Reply STOP to opt out", platform="sms", brand=BRAND,
                   brief={"topic": "Riverside Health Clinic flu jabs"})
    assert "grounding.off_topic" in {f.rule_id for f in footer.findings}


def test_a_video_whose_beats_never_touch_the_topic_is_off_topic_whatever_its_hook_says() -> None:
    brief = {"topic": "COVID-19 booster appointments available"}
    fields = {"caption": "COVID-19 boosters at our pharmacy #covid", "on_screen": "Boosters\nBook now"}
    off = check({**fields, "script": "Got your COVID-19 booster?\nBite it, you'll never know!\nLove your family."},
                platform="tiktok", brand=BRAND, brief=brief)
    assert [f.field for f in off.findings if f.rule_id == "grounding.off_topic"] == ["script"]
    on = check({**fields, "script": "Got your COVID-19 booster?\nBoosters are open for adults over 65.\nBook at the pharmacy."},
               platform="tiktok", brand=BRAND, brief=brief)
    assert "grounding.off_topic" not in {f.rule_id for f in on.findings}


def test_a_sentence_in_another_language_than_the_brief_blocks_but_foreign_names_do_not() -> None:
    def wrong(text: str, topic: str = "Flu vaccination clinic every Saturday") -> list[str]:
        report = check(text, platform="sms", brand=BRAND, brief={"topic": topic})
        return [f.match for f in report.findings if f.rule_id == "grounding.wrong_language"]

    assert wrong("Flu jabs every Saturday. Vacunas contra la gripe todos los sábados.") == [
        "Vacunas contra la gripe todos los sábados."]
    assert wrong("Please email Alışık Vig about the flu jab on Saturday. Çıvgın Özdemir will call you back.") == []
    spanish = "Clínica de vacunación contra la gripe todos los sábados"
    assert wrong("Vacunas contra la gripe todos los sábados, sin cita previa.", topic=spanish) == []
    assert wrong("Flu jabs every Saturday at our clinic, no need to book.", topic=spanish) == [
        "Flu jabs every Saturday at our clinic, no need to book."]


def test_a_clinician_the_brand_lists_may_be_named_with_a_title() -> None:
    brand = BRAND.model_copy(update={"staff_names": ["Dr Priya Shah"]})
    report = check("RiversideHC: Book with Dr Shah or Dr. Priya Shah. Reply STOP to opt out", platform="sms",
                   brand=brand, brief=BRIEF)
    assert not [f for f in report.findings if f.rule_id == "grounding.invented_detail"]
