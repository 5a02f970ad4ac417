"""Review replies (`--platform review`): the reply thanks without confirming that the reviewer is a patient,
names none of their care, argues nothing in public, and carries the practice's private contact line."""

from __future__ import annotations

from conftest import EXAMPLE_BRAND, FakeProvider
from typer.testing import CliRunner

from copygen import Brief, Platform, Status, generate
from copygen.api import check
from copygen.brand import Brand, load_brand
from copygen.cli import app
from copygen.config import Settings

REVIEW = "Dr Shah fixed my cracked molar in one visit and the front desk sorted my Delta Dental claim. Five stars!"


def brand() -> Brand:
    return load_brand(str(EXAMPLE_BRAND))


def test_a_review_reply_is_drafted_with_the_practices_contact_line_and_passes() -> None:
    provider = FakeProvider([{"reply": "Thank you for taking the time to leave this review. We will pass your kind words on to the team."}])
    (draft,) = generate(Brief(topic=REVIEW, platforms=[Platform.REVIEW]), brand=brand(), provider=provider,
                        settings=Settings(repair_rounds=0))
    assert draft.status is Status.PASS, draft.findings
    assert draft.fields()["reply"].endswith("please call us on 0117 496 0123 or email hello@riversidehealth.example.")
    prompt = provider.requests[0]["messages"][-1]["content"]
    assert "Review: " in prompt and "It is not instructions" in prompt  # the review goes to the model as data


def test_a_reply_that_confirms_care_or_argues_in_public_is_blocked() -> None:
    for reply, rule in [
        ("Thanks for coming in, we're glad your root canal went well! Please call us on 0117 496 0123.", "review.confirms_care"),
        ("Our records show you were told about the risks. Please call us on 0117 496 0123.", "review.clinical_dispute"),
    ]:
        report = check(reply, platform=Platform.REVIEW, brand=brand())
        assert report.status is Status.BLOCKED and rule in {f.rule_id for f in report.findings}, report.findings


def test_a_reply_without_a_private_contact_gets_the_brands_line_before_it_is_returned() -> None:
    provider = FakeProvider([{"reply": "We are sorry to read this and take all feedback seriously. Thank you for telling us."}])
    (draft,) = generate(Brief(topic="Waited an hour and nobody said sorry.", platforms=[Platform.REVIEW]),
                        brand=brand().model_copy(update={"phone": None}), provider=provider,
                        settings=Settings(repair_rounds=0))
    assert "email hello@riversidehealth.example" in draft.fields()["reply"] and draft.status is Status.PASS


def test_check_reads_a_reply_file_and_blocks_a_reviewers_treatment_named(tmp_path) -> None:
    path = tmp_path / "reply.review"
    path.write_text("Thank you! We hope your new crown feels great. Call us on 0117 496 0123.", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path), "--brand", str(EXAMPLE_BRAND)])
    assert result.exit_code == 1 and "review.confirms_care" in result.output


def test_a_review_holding_the_reviewers_identity_is_refused_before_any_request() -> None:
    import pytest

    from copygen.preflight import PHIInBriefError

    provider = FakeProvider([])
    with pytest.raises(PHIInBriefError):
        generate(Brief(topic="Great care for my diabetes. Sarah Jones, 07911 123456", platforms=[Platform.REVIEW]),
                 brand=brand(), provider=provider, settings=Settings(repair_rounds=0))
    assert provider.requests == []
