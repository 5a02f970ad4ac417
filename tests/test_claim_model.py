"""The linear claim model (claims.claim_model): what it reports that no phrase rule does, what it leaves
alone, and how it explains itself. Copy written for these tests, not taken from the training sets."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from copygen import check
from copygen.errors import RulePackError
from copygen.guardrails.loading import load_pack_file
from copygen.resources import data_dir

MODEL = "claims.claim_model"


def model_findings(text: str, **kw):
    return [f for f in check(text, platform="email", **kw).findings if f.rule_id == MODEL]


@pytest.mark.parametrize("text", [
    "Our red-light panels wake up tired cells so your skin looks ten years fresher.",
    "Our magnesium drip quiets restless legs so you finally get a full night of sleep.",
    "My skin glowed after one session and my friends noticed.",
])
def test_a_paraphrased_claim_no_phrase_rule_knows_is_a_warning_at_its_sentence(text: str) -> None:
    report = check(text, platform="email")
    others = [f for f in report.findings if f.rule_id.startswith("claims.") and f.rule_id != MODEL]
    assert not others  # the phrase rules miss it: this is what the model is for
    [f] = [f for f in report.findings if f.rule_id == MODEL]
    assert f.severity.value == "warn" and (f.start, f.end) == (0, len(text))
    assert "needs evidence" in f.message and "p=" in f.message


def test_the_finding_names_the_features_and_words_that_weighed_most() -> None:
    text = "Our magnesium drip quiets restless legs so you finally get a full night of sleep."
    [f] = model_findings(text)
    # which three features weigh most moves when the model is retrained; at least one of them is a class of claim
    # word (a condition, a body function, a procedure...), not only the sentence's own words
    reasons = f.message.split(": ", 1)[1].rstrip(").").split("; ")
    assert any(not r.startswith("the word") for r in reasons), f.message
    assert len(reasons) == 3  # each names its feature and quotes the words of the sentence that give it
    assert all(all(w in text.lower() for w in r.split("'")[1].split(" … ")) for r in reasons)


def test_a_sentence_a_phrase_rule_already_reports_is_not_reported_twice() -> None:
    text = "This herbal tea relieves anxiety and insomnia."
    rules = {f.rule_id for f in check(text, platform="email").findings}
    assert "claims.treats_condition" in rules and MODEL not in rules


@pytest.mark.parametrize("text", [
    "Flu clinics run every Saturday in November. Walk in between 9am and 12pm.",
    "Book a free smile consultation with our dental team.",
    "Our nurses can give you the vaccine at your GP surgery.",
    "Physical therapy for lower back pain, evening appointments available.",
    "Your appointment is confirmed. Reply STOP to opt out",
    "Face or arm or speech, at the first sign, call 999.",
    "What do I want to happen next? Do you have any fun videos?",
])
def test_ordinary_practice_and_public_health_copy_is_left_alone(text: str) -> None:
    assert model_findings(text) == []


def test_the_same_text_gets_the_same_findings_every_time() -> None:
    text = "Our red-light panels wake up tired cells so your skin looks ten years fresher. My skin glowed after one session."
    first = [f.model_dump() for f in model_findings(text)]
    assert len(first) == 2 and all(first == [f.model_dump() for f in model_findings(text)] for _ in range(3))


def test_a_claims_library_entry_that_substantiates_the_sentence_clears_it() -> None:
    text = "Our red-light panels wake up tired cells so your skin looks ten years fresher."
    library = [{"id": "sauna-1", "wording": text, "reference": "Clinic trial report 2025"}]
    assert model_findings(text, claims=library) == []


def test_a_pack_whose_model_file_is_unreadable_fails_to_load_with_the_rule_named(tmp_path: Path) -> None:
    pack_dir = tmp_path / "guardrails"
    shutil.copytree(data_dir("guardrails"), pack_dir)
    (pack_dir / "models" / "claim_model.json").write_text(json.dumps({"weights": {}}), encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        load_pack_file(pack_dir / "claims.yaml")
    assert "claim_model" in str(err.value) and "claim model" in str(err.value)


def test_a_model_finding_stays_a_warning_when_a_claims_library_does_not_substantiate_it() -> None:
    text = "Our red-light panels wake up tired cells so your skin looks ten years fresher."
    other = [{"id": "flu-1", "wording": "The flu vaccine is offered free to adults over 65", "reference": "NHS"}]
    assert [f.severity.value for f in model_findings(text, claims=other)] == ["warn"]
