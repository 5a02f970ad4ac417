"""Search ads (`--platform search_ad`): a Google responsive search ad, each headline and description checked
against Google's limits and editorial rules, and healthcare copy against the claims pack as everywhere."""

from __future__ import annotations

from conftest import EXAMPLE_BRAND, FakeProvider

from copygen import Brief, Platform, Status, generate
from copygen.api import check
from copygen.brand import load_brand
from copygen.config import Settings

AD = {"headlines": ["Saturday Flu Clinics", "Walk In 9am to 12pm", "Flu Clinics in November", "Saturday Flu Clinics"],
      "descriptions": ["Flu clinics run every Saturday in November.", "Walk in between 9am and 12pm."],
      "path": ["flu", "saturdays!"]}


def test_a_search_ad_is_drafted_with_unique_headlines_and_a_clean_display_path() -> None:
    (draft,) = generate(Brief(topic="Saturday flu clinics", notes="Every Saturday in November, walk in 9am to 12pm",
                              platforms=[Platform.SEARCH_AD]),
                        brand=load_brand(str(EXAMPLE_BRAND)), provider=FakeProvider([AD]), settings=Settings(repair_rounds=0))
    assert draft.status is Status.PASS, draft.findings
    assert draft.content.headlines == AD["headlines"][:3]  # the repeat is dropped
    assert draft.fields()["path"] == "flu/saturdays" and draft.content.domain == "riversidehealth.example"


def test_each_headline_and_description_is_held_to_googles_limits() -> None:
    report = check({"headlines": "Saturday Flu Clinics!\nWalk-in flu jabs at the pharmacy every Saturday",
                    "descriptions": "Flu clinics run every Saturday in November.", "path": "flu"},
                   platform=Platform.SEARCH_AD)
    blocking = {f.rule_id: f for f in report.blocking()}
    assert {"search_ad.headline_length", "search_ad.headline_exclamation", "search_ad.too_few_headlines",
            "search_ad.too_few_descriptions"} <= set(blocking), report.findings
    assert blocking["search_ad.headline_length"].match == "Walk-in flu jabs at the pharmacy every Saturday"


def test_prescription_only_medicine_blocks_in_a_uk_search_ad() -> None:
    report = check({"headlines": "Wegovy Weight Loss Jabs\nAsk Our Pharmacists\nBook Online Today",
                    "descriptions": "Start your weight loss journey.\nBook a consultation.", "path": "weight"},
                   platform=Platform.SEARCH_AD, jurisdiction="uk")
    assert "claims.prescription_only_uk" in {f.rule_id for f in report.blocking()}, report.findings
