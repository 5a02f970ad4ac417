"""Claims rules on copy written for these tests (not the dev set): what must fire and what must not."""

from __future__ import annotations

import pytest

from copygen import check


def claim_rules(text: str, jurisdiction: str = "uk") -> set[str]:
    return {f.rule_id for f in check(text, platform="email", jurisdiction=jurisdiction).findings
            if f.rule_id.startswith("claims.")}


@pytest.mark.parametrize("text,rule", [
    ("Our laser therapy cures tinnitus.", "claims.cure"),
    ("Hundreds of patients cured of migraines.", "claims.cure"),
    ("Curing back pain the natural way.", "claims.cure"),
    ("Say goodbye to back pain for good!", "claims.cure"),
    ("Get rid of it forever with one session.", "claims.cure"),
    ("Our acupuncture treats arthritis and depression.", "claims.treats_condition"),
    ("This herbal tea relieves anxiety and insomnia.", "claims.treats_condition"),
    ("Vitamin D drips protect you against colds and flu.", "claims.treats_condition"),
    ("Perfect for anyone suffering from hay fever.", "claims.treats_condition"),
    ("Supercharge your immunity with our winter drip.", "claims.immune_boost"),
    ("Guaranteed whiter teeth in one visit.", "claims.guarantee"),
    ("Permanent results from a single treatment.", "claims.guarantee"),
    ("Totally safe for everyone.", "claims.absolute_safety"),
    ("Painless injections every time.", "claims.absolute_safety"),
    ("Side-effect free weight management.", "claims.absolute_safety"),
    ("Scientifically proven to reduce wrinkles.", "claims.proof_claim"),
    ("Research shows 9 out of 10 patients improve.", "claims.proof_claim"),
    ("Bristol's leading dental practice.", "claims.superiority"),
    ("Better than any other clinic in the city.", "claims.superiority"),
    ("I finally feel like myself again after treatment.", "claims.testimonial"),
    ("Hurry - only 3 appointments left!", "claims.pressure"),
    ("Lip filler half price this weekend.", "claims.cosmetic_offer"),
    ("Treat your teenage daughter to lip fillers for her birthday.", "claims.under_18_cosmetic"),
    ("No need to see your GP - our kit does it all.", "claims.discourages_treatment"),
    ("Stop taking your medication and try our detox instead.", "claims.discourages_treatment"),
    ("Now offering Wegovy for weight loss.", "claims.prescription_only_uk"),
    ("Tirzepatide pens available from our pharmacy.", "claims.prescription_only_uk"),
    ("The skinny jab everyone is talking about.", "claims.prescription_only_uk"),
    ("FDA-approved fat freezing.", "claims.regulatory_status"),
])
def test_fires(text: str, rule: str) -> None:
    assert rule in claim_rules(text)


@pytest.mark.parametrize("text", [
    "Our specialist team is here to help.",  # 'cialis' inside 'specialist'
    "There is no cure for the common cold, but rest and fluids help you feel better.",
    "Book a consultation with one of our physiotherapists to talk through your options.",
    "Open Monday to Friday, 8am to 6pm. New patients welcome.",
    "Ask about our payment plans for orthodontic treatment.",
    "Your clinician will explain the benefits, risks and costs before you decide.",
    "Flu vaccines are free for over-65s this winter. The jab helps protect you against flu.",
    "Wash your hands regularly with soap to reduce the spread of germs.",
    "Results vary from person to person.",
    "If you have chest pain, call 999 straight away.",
    "Talk to your pharmacist about managing hay fever symptoms.",
    "Our hygienists can give you advice on looking after your gums.",
])
def test_stays_silent(text: str) -> None:
    assert claim_rules(text) == set()


def test_prescription_only_rule_depends_on_jurisdiction() -> None:
    text = "Ozempic consultations now open."
    assert "claims.prescription_only_uk" in claim_rules(text, "uk")
    us = claim_rules(text, "us")
    assert "claims.prescription_only_uk" not in us and "claims.prescription_only_us" in us
    assert "claims.prescription_only_us" not in claim_rules(
        "Ozempic consultations now open. Serious risks include pancreatitis; see important safety information.", "us")


def test_finding_points_at_the_exact_words() -> None:
    text = "Gentle care. Our new therapy cures back pain fast."
    f = next(f for f in check(text, platform="sms").findings if f.rule_id == "claims.cure")
    assert (f.field, text[f.start:f.end], f.match) == ("text", "cures", "cures")
    assert "CAP Code" in f.citation and f.reason
