"""Social posts (`--platform social`): an Instagram or Facebook caption with its image's alt text; a sponsored
post's ad label where the feed shows it, no before-and-after imagery, and alt text that says something."""

from __future__ import annotations

from conftest import EXAMPLE_BRAND, FakeProvider
from typer.testing import CliRunner

from copygen import Brief, Platform, Status, generate
from copygen.api import check
from copygen.brand import load_brand
from copygen.cli import app
from copygen.config import Settings

POST = {"caption": "Flu clinics run every Saturday in November at our pharmacy. Walk in between 9am and 12pm.",
        "hashtags": ["#flu", "#pharmacy", "flu"], "alt_text": "A pharmacist at the counter of a community pharmacy."}


def test_a_sponsored_post_gets_the_ad_label_first_and_its_hashtags_once_at_the_end() -> None:
    (draft,) = generate(Brief(topic="Saturday flu clinics", notes="Every Saturday in November, walk in 9am to 12pm",
                              platforms=[Platform.SOCIAL], sponsored=True),
                        brand=load_brand(str(EXAMPLE_BRAND)), provider=FakeProvider([POST]), settings=Settings(repair_rounds=0))
    caption = draft.fields()["caption"]
    assert draft.status is Status.PASS, draft.findings
    assert caption.startswith("#ad Flu clinics") and caption.endswith("#flu #pharmacy")
    assert draft.fields()["alt_text"] == POST["alt_text"]


def test_before_and_after_imagery_and_an_empty_alt_text_block() -> None:
    report = check({"caption": "Swipe to see the transformation! Whitening before and after one session. #smile",
                    "alt_text": "Photo"}, platform=Platform.SOCIAL)
    rules = {f.rule_id for f in report.blocking()}
    assert {"social.before_after", "social.alt_text"} <= rules, report.findings


def test_check_reads_a_post_file_with_its_alt_text(tmp_path) -> None:
    path = tmp_path / "post.social"
    path.write_text("Caption: Hay fever season: ask our pharmacists about options. #hayfever\n"
                    "Alt text: A pharmacist talking with a customer at a pharmacy counter.", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "alt_text" in result.output and "social.alt_text" not in result.output
