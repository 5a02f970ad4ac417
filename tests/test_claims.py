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
    ("Completely painless injections.", "claims.absolute_safety"),
    ("Pain-free scans in ten minutes.", "claims.safety_comfort"),
    ("A safe and effective way to whiten teeth.", "claims.safety_comfort"),
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


def test_comfort_and_safety_need_evidence_and_only_absolutes_block() -> None:
    from copygen import Severity
    plain = check("Our scan is pain free and takes ten minutes.", platform="email").findings
    assert [(f.rule_id, f.severity) for f in plain if f.rule_id.startswith("claims.")] == [
        ("claims.safety_comfort", Severity.WARN)]
    absolute = check("Our scan is completely pain free.", platform="email").findings
    assert [f.rule_id for f in absolute if f.rule_id.startswith("claims.")] == ["claims.absolute_safety"]


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


# ---- two tiers ------------------------------------------------------------------------------------


def claim_severities(text: str, jurisdiction: str = "uk") -> dict[str, str]:
    """Each claims rule that fired, with its most severe finding."""
    out: dict[str, str] = {}
    for f in check(text, platform="email", jurisdiction=jurisdiction).findings:
        if f.rule_id.startswith("claims.") and (out.get(f.rule_id) != "block"):
            out[f.rule_id] = f.severity.value
    return out


@pytest.mark.parametrize("hedged,plain", [
    ("Getting screened can help prevent bowel cancer.", "Our CBD oil prevents bowel cancer."),
    ("Our physio team can help with lower back pain.", "Our magnets relieve lower back pain."),
    ("Acupuncture may reduce migraines for some people.", "Acupuncture reduces migraines."),
])
def test_a_hedge_keeps_a_claim_but_never_makes_it_prohibited(hedged: str, plain: str) -> None:
    assert claim_severities(hedged).get("claims.treats_condition") == "warn"
    assert claim_severities(plain).get("claims.treats_condition") == "block"


def test_the_demoted_finding_says_which_words_made_it_a_claim_needing_evidence() -> None:
    f = next(f for f in check("Getting screened can help prevent bowel cancer.", platform="email").findings
             if f.rule_id == "claims.treats_condition")
    assert "can help" in f.message and "needs evidence" in f.message


def test_a_claims_library_clears_a_hedged_claim_but_never_a_prohibited_one() -> None:
    library = [{"id": "screening-1", "wording": "can help prevent bowel cancer", "reference": "NHS screening programme"}]
    hedged = check("Getting screened can help prevent bowel cancer.", platform="email", claims=library)
    assert not [f for f in hedged.findings if f.rule_id == "claims.treats_condition"]
    plain = check("Our CBD oil prevents bowel cancer.", platform="email",
                  claims=[{"id": "x", "wording": "prevents bowel cancer", "reference": "our own study"}])
    assert [f.severity.value for f in plain.findings if f.rule_id == "claims.treats_condition"] == ["block"]


@pytest.mark.parametrize("text,rule,severity", [
    ("Lose 30 lbs in 30 days with our program - works for everyone!", "claims.weight_loss_rate", "block"),
    ("Lose 30 lbs in 30 days with our program - works for everyone!", "claims.guarantee", "block"),
    ("Better results than any chiropractor in Austin.", "claims.superiority", "warn"),
    ("9 out of 10 doctors recommend us", "claims.business_claim", "warn"),
    ("Skip the flu shot this year - our vitamin IV drip boosts your immune system.", "claims.immune_boost", "block"),
    ("Skip the flu shot this year - our vitamin IV drip boosts your immune system.",
     "claims.discourages_treatment", "block"),
    # conditions and verb forms from the packaged vocabularies, in no hand-written list
    ("Our drops slowed the progression of glaucoma in weeks.", "claims.treats_condition", "block"),
    ("These infusions have reversed macular degeneration.", "claims.condition_effect", "block"),
    ("Our tincture soothed her chronic urticaria within days.", "claims.condition_effect", "block"),
    ("It is very likely that the MMR causes autism in some children.", "claims.discourages_treatment", "block"),
    ("Once blind for seven years, she can now read again.", "claims.testimonial", "warn"),
    ("Our hypnotherapy helped over 300 children.", "claims.business_claim", "warn"),
    ("Only 3 left at this price!", "claims.pressure", "warn"),
])
def test_user_reported_cases(text: str, rule: str, severity: str) -> None:
    assert claim_severities(text, "us").get(rule) == severity


@pytest.mark.parametrize("text", [
    "Physical therapy for lower back pain, evening",
    "Please assist in promoting this year's flu campaign: getting the flu jab is quick, safe and free.",
    "If you are suffering with hay fever, your pharmacist can offer over-the-counter medicines.",
    "Call NHS 111 if you need medical help and are unsure what to do.",
])
def test_public_health_and_service_copy_never_blocks(text: str) -> None:
    assert "block" not in claim_severities(text).values()


def test_the_vocabulary_rule_stops_at_the_end_of_a_sentence_and_points_at_the_claim() -> None:
    from copygen.guardrails.checks import vocabulary_hits

    text = "We treated everyone kindly. Glaucoma checks are free. It relieves the itch of eczema."
    import re

    from copygen.guardrails.packs import literal_alternation

    triggers = re.compile(literal_alternation(["treated", "relieves"]), re.IGNORECASE)
    hits = vocabulary_hits(text, triggers, frozenset({"glaucoma", "eczema"}), 6)
    assert [text[s:e] for s, e in hits] == ["relieves the itch of eczema"]


def test_term_files_compile_to_one_pattern_that_matches_each_phrase_exactly() -> None:
    import re

    from copygen.guardrails.packs import literal_alternation

    words = ["flu", "flu jab", "flux", "fluid retention", "gout", "glue ear", "parkinson's"]
    rx = re.compile(literal_alternation(words), re.IGNORECASE)
    for w in words:
        assert rx.fullmatch(w), w
    assert [m.group(0) for m in rx.finditer("fluid retention and a flu jab; influenza")] == ["fluid retention", "flu jab"]


@pytest.mark.parametrize("text", [
    "Hi {{first_name}}, flu clinics run every Saturday.", "Hi {first_name}, flu clinics run every Saturday.",
    "Hi *|FNAME|*, flu clinics run every Saturday.", "Hi %%FirstName%%, flu clinics run every Saturday.",
])
def test_mail_merge_fields_in_human_copy_are_not_placeholders(text: str) -> None:
    assert "quality.placeholder" not in {f.rule_id for f in check(text, platform="sms").findings}


def test_an_unfilled_placeholder_stays_a_defect_and_a_merge_field_with_patient_details_is_refused() -> None:
    rules = {f.rule_id: f.match for f in check("Get [INSERT OFFER] this week, {{first_name}}. Your {{diagnosis}} "
                                                "review: *|APPT_DATE|*", platform="sms").findings}
    assert rules.get("quality.placeholder") == "[INSERT OFFER]"
    assert [f.match for f in check("Your {{diagnosis}} review: *|APPT_DATE|*", platform="sms").findings
            if f.rule_id == "phi.merge_field"] == ["{{diagnosis}}", "*|APPT_DATE|*"]


def test_merge_fields_count_at_their_worst_case_length_in_sms_segments() -> None:
    body = ("RiversideHC: flu clinics run every Saturday in November, walk in 9am to 12pm at Mill Lane. "
            "Reply STOP to opt out")
    plain = check(body, platform="sms")
    merged = check(body.replace("flu", "Hi {first_name} {last_name}, flu"), platform="sms")
    # "Hi " + a 20-character first name + " " + a 25-character last name + ", "
    assert merged.measurements["text"].units == plain.measurements["text"].units + 3 + 20 + 1 + 25 + 2
    assert plain.measurements["text"].segments == 1 and merged.measurements["text"].segments == 2
    [seg] = [f for f in merged.findings if f.rule_id == "sms.segments"]
    assert "counted at their longest" in seg.message


def test_the_same_words_are_reported_once_when_a_general_rule_repeats_a_specific_one() -> None:
    hits = [f.rule_id for f in check("This herbal tea relieves anxiety.", platform="email").findings
            if f.rule_id.startswith("claims.")]
    assert hits == ["claims.treats_condition"]


@pytest.mark.parametrize("text,found", [
    ("Calm in every cup #anxietyrelief", True), ("Winter drips #immunityboost", True),
    ("Evening appointments #physio #backpain", False), ("Flu jabs now open #flujab #fluseason", False),
])
def test_a_hashtag_that_joins_a_condition_to_a_cure_is_a_claim(text: str, found: bool) -> None:
    assert ("claims.hashtag_claim" in claim_rules(text)) is found


@pytest.mark.parametrize("text,rule,severity", [
    ("Our full-body MRI scan finds cancer before symptoms appear.", "claims.screening_claim", "warn"),
    ("The flu jab gave my mum the flu.", "claims.discourages_treatment", "block"),
    ("Our new formula makes cancer cells commit suicide.", "claims.treats_condition", "block"),
])
def test_screening_sold_as_early_detection_vaccine_harm_and_mechanism_claims(text: str, rule: str, severity: str) -> None:
    assert claim_severities(text).get(rule) == severity


def test_a_screening_invitation_and_a_vaccine_reassurance_are_not_claims() -> None:
    assert claim_rules("You are invited for bowel cancer screening. Your kit is on its way.") == set()
    assert claim_rules("The flu jab cannot give you flu.") == set()


def blocking(text: str) -> set[str]:
    return {f.rule_id for f in check(text, platform="email", jurisdiction="uk").findings
            if f.rule_id.startswith("claims.") and f.severity.value == "block"}


@pytest.mark.parametrize("text", [
    "Fight the flu. Get vaccinated today!",
    "Beat flu this winter. Get your flu jab today.",
    "Protect your family against flu this season. Get yourself and your family a flu vaccine. Fight flu!",
    "Effective help is available for common problems like anxiety and low mood.",
])
def test_a_vaccination_headline_and_a_service_that_exists_are_not_prohibited_claims(text: str) -> None:
    # Batch 3 of the real corpus: CDC and CDPH flu copy and NHS talking-therapies copy were blocked.
    assert not blocking(text), blocking(text)


def test_a_vitamin_shot_is_not_a_vaccine_that_excuses_the_claim_beside_it() -> None:
    assert claim_rules("Gentle acupuncture and b12 shots can chip away at the fatigue and brain fog. "
                       "Long Covid is debilitating and we can beat it.") & {"claims.treats_condition", "claims.claim_model"}


@pytest.mark.parametrize("text,found", [
    ("Our clinic offers cupping for headaches, insomnia, anxiety & other conditions.", True),
    ("We treat sciatica, arthritis, migraines and more.", True),
    ("Free flu jabs for people with asthma, diabetes or heart disease.", False),
    ("Smoking raises your risk of cancer, stroke, heart disease and more.", False),
])
def test_a_service_offered_for_a_list_of_conditions_needs_evidence_for_each(text: str, found: bool) -> None:
    assert ("claims.condition_list" in claim_rules(text)) is found, claim_rules(text)


def test_a_claim_to_inactivate_viruses_is_a_claim_on_a_condition() -> None:
    assert claim_rules("Our silver spray is enhanced to inactivate all viruses and bacteria.")


@pytest.mark.parametrize("text,rule,severity", [
    # Batch 4 of the real corpus: injectable B12 is prescription-only in the UK; private scans sold as the
    # all-clear or as finding illness before symptoms; a cancer named as what a bought test tests for.
    ("Vitamin B12 injections now £25, no GP appointment needed.", "claims.prescription_only_uk", "block"),
    ("Cyanocobalamin 1000mcg, 10 ampoules with syringes.", "claims.prescription_only_uk", "block"),
    ("Our radiologists look for the early signs of heart disease and bowel cancer, long before there are any "
     "symptoms.", "claims.screening_claim", "warn"),
    ("Walk out with a clean bill of health.", "claims.screening_claim", "warn"),
    ("Add an Ovarian Cancer Test to your health check.", "claims.screening_claim", "warn"),
])
def test_b12_injections_and_scans_sold_as_the_all_clear(text: str, rule: str, severity: str) -> None:
    assert claim_severities(text).get(rule) == severity, claim_severities(text)


@pytest.mark.parametrize("text", [
    "Vitamin B12 tablets are on offer this month.",
    "Know the early signs of a stroke: face, arms, speech, time to call 999.",
    "Please return your bowel cancer test kit within 14 days.",
])
def test_b12_tablets_warning_signs_and_a_screening_kit_reminder_are_not_those_claims(text: str) -> None:
    assert not claim_rules(text) & {"claims.prescription_only_uk", "claims.screening_claim"}, claim_rules(text)


@pytest.mark.parametrize("text", [
    "Your trusted partner in medical tourism!",
    "Turn your operation into a vacation! Fill in the form now and don't miss the opportunity.",
    "Rhinoplasty package: 5 star hotel, VIP transfers and a private driver.",
])
def test_surgery_sold_as_a_holiday_is_blocked(text: str) -> None:
    # Batch 5 of the real corpus: ASA rulings on cosmetic surgery abroad.
    assert "claims.surgery_holiday" in blocking(text), blocking(text)


@pytest.mark.parametrize("text", [
    "MenACWY protects against four types of meningococcal disease that can cause meningitis and sepsis.",
    "Shingrix protects you against shingles.",
    "Know the risks of medical tourism before you book surgery abroad.",
])
def test_a_vaccine_named_by_its_programme_and_a_warning_about_surgery_abroad_are_not_blocked(text: str) -> None:
    assert not blocking(text), blocking(text)


def test_an_obesity_jab_is_a_prescription_only_medicine_and_nhs_trained_reads_as_nhs_provision() -> None:
    # Batch 6 of the real corpus: ASA rulings on a search ad and an online GP service.
    assert "claims.prescription_only_uk" in blocking("Obesity Treatment Jab, delivered next day")
    assert "claims.regulatory_status" in claim_rules("Speak with an NHS-trained doctor in 6 minutes.")
    assert "claims.regulatory_status" not in claim_rules("You need to be registered with an NHS GP practice.")


def test_self_care_advice_about_stress_needs_evidence_but_is_not_prohibited() -> None:
    text = "Create a plan of self-care actions to deal with stress and improve sleep."
    assert not blocking(text), blocking(text)


def test_a_described_prescription_drug_offered_in_us_copy_needs_fair_balance() -> None:
    # Seen passing in session 13's generation run: a US dental SMS offering "new blood pressure tablets".
    text = "Family dental team is offering a special delivery of our family's new blood pressure tablets."
    assert claim_severities(text, "us").get("claims.prescription_only_us") == "warn"
    assert claim_severities(text, "uk").get("claims.prescription_only_uk") == "block"


@pytest.mark.parametrize("text", [
    "High blood pressure is often called the silent killer. It's a leading risk factor for heart disease and stroke.",
    "Taking your medicines as directed is an important way to help manage your blood pressure.",
])
def test_a_leading_risk_factor_and_medicines_taken_as_directed_are_not_claims(text: str) -> None:
    # Batch 7 of the real corpus: CDC blood-pressure copy.
    assert not claim_rules(text) & {"claims.superiority", "claims.treats_condition"}, claim_rules(text)


@pytest.mark.parametrize("text", [
    "What's your ADHD type? Take the test.",
    "Our home kit lets you assess if you are in optimum health.",
])
def test_a_test_that_sorts_or_clears_the_reader_is_a_screening_claim(text: str) -> None:
    # Batch 8 of the real corpus: ASA rulings on an ADHD test app and a home PSA test.
    assert claim_severities(text).get("claims.screening_claim") == "warn", claim_severities(text)


def test_a_vaccine_spoken_of_by_pronoun_keeps_its_exception_but_a_product_beside_it_does_not() -> None:
    # Batch 30 (dev): NHS whooping cough copy, whose third sentence ("This helps protect your baby") was warned.
    assert claim_rules("Have the whooping cough vaccine if you are pregnant. You usually have it at 20 weeks. "
                       "This helps protect your baby in the first weeks of life.") == set()
    assert claim_rules("Flu jabs are here. Our tonic boosts immunity. Our drops cure colds and stop coughs.") & {
        "claims.cure", "claims.treats_condition", "claims.health_function"}


@pytest.mark.parametrize("text", [
    "To lower your skin cancer risk, protect your skin from the sun and avoid indoor tanning.",
    "Cut your heart disease risk with our supplement.",
])
def test_a_lower_risk_of_a_condition_needs_evidence_but_is_not_a_claim_to_treat(text: str) -> None:
    # Batch 30 (dev): CDC sun-safety copy blocked as a claim to treat skin cancer.
    assert not blocking(text), blocking(text)
    assert claim_rules(text)


@pytest.mark.parametrize("text,rule", [
    ("For improved A1c levels and glycemic control.", "claims.health_function"),
    ("Our tea helps maintain healthy blood sugar levels in diabetics.", "claims.health_function"),
    ("If you need to decrease your body's need for insulin, use our capsules.", "claims.discourages_treatment"),
    ("Red light finally gives you a toothbrush that can rebuild your gums.", "claims.treats_condition"),
])
def test_biomarkers_a_medicine_made_unneeded_and_regrown_gums_are_claims(text: str, rule: str) -> None:
    # Batch 30 (FDA/FTC diabetes letters, an ASA ruling on a light-therapy toothbrush): missed on first contact.
    assert rule in claim_rules(text, "us")


def test_advice_on_why_a_reading_matters_is_not_a_body_function_claim() -> None:
    assert "claims.health_function" not in claim_rules(
        "Maintaining healthy blood pressure is a vital component of heart health.", "us")


@pytest.mark.parametrize("text,rule", [
    ("Plump and fill out fine lines", "claims.proof_claim"),
    ("Get High School Skinny", "claims.proof_claim"),
    ("Clients who have been treated this way find that their pain has disappeared altogether", "claims.testimonial"),
    ("With no dieting, eat as you always have while our capsules attack the fat in your body.", "claims.weight_loss_rate"),
])
def test_wrinkles_slimming_slogans_treated_clients_and_no_dieting_are_claims(text: str, rule: str) -> None:
    # Batch 31 (ASA collagen and myofascial-release rulings, FTC weight-loss actions): missed on first contact.
    assert rule in claim_rules(text, "us")


def test_antibiotic_stewardship_copy_is_not_a_treatment_claim_but_an_antibiotic_sale_is() -> None:
    assert not blocking("Antibiotics help ward off infections during chemotherapy, caesarean sections and other surgery.")
    assert blocking("Antibiotics online: our tablets cure chest infections in 3 days, order now.")


def test_official_guidance_is_advice_but_a_product_cannot_hide_behind_it() -> None:
    # Batch 32: Drink Free Days copy warned by the claim model.
    assert claim_rules("Men and women are advised not to drink more than 14 units a week on a regular basis.") == set()
    assert blocking("People with arthritis are advised to try our CBD oil, which cures joint pain.")


def test_a_device_said_to_match_costlier_ones_is_a_comparison() -> None:
    assert "claims.superiority" in claim_rules("Similar technology to $5000 hearing aids", "us")


def test_a_pharmacist_spoken_of_by_pronoun_and_self_care_steps_are_advice() -> None:
    # Batch 33: NHS Help Us, Help You and Every Mind Matters copy, blocked on first contact.
    assert not blocking("Your local pharmacist is a highly trained medical professional. They can offer clinical advice "
                        "and over-the-counter medicines to effectively and safely manage coughs, colds and earache.")
    assert not blocking("We don't need to wait until we are struggling with our mental health; there are lots of things "
                        "we can do to protect ourselves and prevent problems escalating.")
    assert blocking("Our reiki cures anxiety. They can also heal depression.")


def test_a_session_said_to_equal_hours_of_sleep_is_a_claim() -> None:
    assert "claims.proof_claim" in claim_rules("One treatment is physiologically the equivalent of 3 to 4 hours' deep sleep.")


@pytest.mark.parametrize("text,severity", [
    ("Suffering from back pain? Book a physio assessment.", "warn"),
    ("Calling all arthritis sufferers!", "warn"),
    ("Many people are struggling with the cost of living.", None),
])
def test_speaking_to_sufferers_needs_evidence_but_is_not_prohibited(text: str, severity: str | None) -> None:
    # 'struggling with' or 'suffering from' alone blocked as a treatment claim, whatever followed it.
    assert claim_severities(text).get("claims.sufferer_appeal") == severity
    assert not blocking(text)


@pytest.mark.parametrize("text", [
    "Our dentists treat gum disease and tooth decay.",
    "Our podiatrist treats ingrown toenails and verrucas.",
    "Our clinic treats acne with prescription creams after a consultation.",
])
def test_a_regulated_clinician_saying_what_they_treat_needs_evidence_but_is_not_prohibited(text: str) -> None:
    assert not blocking(text) and claim_rules(text)


@pytest.mark.parametrize("text", [
    "Our GP treats anxiety with homeopathy.",
    "Our pharmacist's herbal remedy treats eczema.",
    "Our dentists cure gum disease permanently.",
])
def test_a_clinician_cannot_carry_a_product_or_therapy_claim_past_the_prohibition(text: str) -> None:
    assert blocking(text)


@pytest.mark.parametrize("text", [
    "Use our UV to get YOUR Vitamin D!",
    "No more time wasting salon trips just safe, regulated tanning in the comfort of your own home.",
    "UV light has been found to help some people feel a lift in mood and energy.",
    "Keeps your tan healthy",
])
def test_health_claims_for_sunbeds_are_blocked(text: str) -> None:
    # Batch 34 (ASA rulings on tanning salons): found 8 of 15 on first contact.
    assert "claims.sunbed_health" in blocking(text)


@pytest.mark.parametrize("text", [
    "Sunbeds are not a safe way to get vitamin D.",
    "To lower your skin cancer risk, protect your skin from the sun and avoid indoor tanning.",
    "Tanning courses from £20, open till 9pm.",
])
def test_sunbed_warnings_and_prices_are_not_health_claims(text: str) -> None:
    assert "claims.sunbed_health" not in claim_rules(text)
