"""PHI: each identifier type is found with its span, the practice's own details never are, matches are
masked, and a brief with PHI never reaches a model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE_BRAND, ROOT, FakeProvider
from typer.testing import CliRunner

from copygen import Brief, Platform, Severity, check, generate, redact
from copygen.brand import Brand
from copygen.cli import app
from copygen.config import Settings
from copygen.guardrails import phi_checks as chk
from copygen.guardrails.checks import brand_allow
from copygen.guardrails.phi import detect, mask
from copygen.preflight import PHIInBriefError


def kinds(text: str, brand: Brand | None = None) -> list[tuple[str, str]]:
    return [(h.kind, text[h.start:h.end]) for h in detect(text, brand_allow(brand or Brand()))]


@pytest.mark.parametrize("text,expected", [
    ("Jasmine Okoro finally beat her anxiety with us", ("name_health", "Jasmine Okoro")),
    ("Text Dave on 07911 123456 to swap", ("phone", "07911 123456")),
    ("or call him at +1 (617) 555-0142", ("phone", "+1 (617) 555-0142")),
    ("Fax: 0161 496 0991", ("fax", "0161 496 0991")),
    ("write to j.patel77@hotmail.co.uk", ("email", "j.patel77@hotmail.co.uk")),
    ("SSN 536-22-1234 on file", ("ssn", "536-22-1234")),
    ("NHS number 943 476 5919", ("nhs_number", "943 476 5919")),
    ("NI: JK 12 34 56 C", ("ni_number", "JK 12 34 56 C")),
    ("Her National Insurance number is AB 12 34 56 D.", ("ni_number", "AB 12 34 56 D")),
    ("Zip code 02139 families get a free screening", ("zip", "02139")),
    ("Invoice INV-2024-88123 is overdue", ("account", "INV-2024-88123")),
    ("Say hello to Zoë at reception", ("name", "Zoë")),
    ("Łukasz Nowak was treated for gum disease", ("name_health", "Łukasz Nowak")),
    ("MRN: 00482913", ("mrn", "00482913")),
    ("Medicare MBI 1EG4-TE5-MK73", ("health_plan_id", "1EG4-TE5-MK73")),
    ("Card 4111 1111 1111 1111 declined", ("account", "4111 1111 1111 1111")),
    ("Prescriber DEA AB1234563", ("license", "AB1234563")),
    ("DOB 14/02/1957", ("date", "14/02/1957")),
    ("our 101-year-old patient", ("age_90_plus", "101")),
    ("She lives at 12 Oak Road, Leeds LS6 2AB", ("address", "12 Oak Road, Leeds LS6 2AB")),
    ("home visits around LS6 2AB", ("postcode", "LS6 2AB")),
    ("Austin, TX 78701", ("zip", "78701")),
    ("see facebook.com/jane.doe.1984", ("url", "facebook.com/jane.doe.1984")),
    ("logged from 81.2.69.160", ("ip", "81.2.69.160")),
    ("Your test results are ready", ("recipient_condition", "Your test results")),
    ("before and after photos of our patient", ("media_ref", "before and after photos")),
    ("we matched her fingerprints", ("biometric", "her fingerprints")),
    ("Implant serial SN-4471-9921", ("device", "SN-4471-9921")),
    ("Provider NPI 1245319599", ("npi", "1245319599")),
    ("Thanks for your review! Glad your implant settled in.", ("review_reply", "your implant")),
    ("Thank you for the review, Bev! It was a pleasure treating you.", ("review_reply", "treating you")),
    ("Our oldest patient, Mildred, who is 94, still walks daily", ("age_90_plus", "94")),
    ("Reminder for Oluwaseun Adeyemi: bring your inhaler", ("name_health", "Oluwaseun Adeyemi")),
    ("Reminder: your follow-up scan is on Friday", ("recipient_condition", "your follow-up scan")),
    ("My nan is ninety-two and still walks to us", ("age_90_plus", "ninety-two")),
    ("She turned a hundred and one in May", ("age_90_plus", "a hundred and one")),
    ("Our partner clinic at 455 W 34th St, Apt 12B, New York", ("address", "455 W 34th St, Apt 12B, New York")),
])
def test_each_identifier_type_is_found_with_its_span(text: str, expected: tuple[str, str]) -> None:
    assert expected in kinds(text)


@pytest.mark.parametrize("text", [
    "Reply STOP to 60123", "Open Mon–Fri 8am–6pm", "Whitening from £249", "Free flu jabs for ages 65+",
    "Caring for Bristol since 1998", "Take 500mg twice daily", "Product code AB-1234, use code FLU20",
    "Will you join us in May?", "Clinic dates: 12 November. Walk in any time", "Over 90% of adults",
    "Aged 90 and over? We do home visits", "Version 2.4.1 of our app", "Hi there! New slots this week",
    "Visit www.nhs.uk/conditions/flu", "Results vary from person to person", "Our Harley Street clinic",
    "Serving Austin since 1996", "Austin Marathon runners: free gait analysis",
    "We close early on Christmas Eve", "A clinic who is 90 minutes away", "Book your next appointment online",
    "The drive is ninety minutes", "Ask for your free blood pressure check", "Ref: CAMPAIGN-2025-Q1",
])
def test_hard_negatives_are_silent(text: str) -> None:
    assert kinds(text) == []


def test_a_place_after_from_is_not_a_second_name() -> None:
    text = "Priya Raman, 41, from Round Rock, is pain-free after six weeks of physio."
    assert [found for _, found in kinds(text)] == ["Priya Raman"]


def test_the_practices_own_details_are_never_phi(brand: Brand) -> None:
    own = (f"Call {brand.phone}, email {brand.email}, visit {brand.website}/book or find us at "
           f"{brand.postal_address}. Ask for {brand.staff_names[0]} about back pain.")
    assert kinds(own, brand) == []
    assert kinds(own) != []  # the same text without the profile is full of identifiers


def test_findings_mask_the_match_and_keep_exact_offsets() -> None:
    text = "Call Sarah on 07911 123456 about her asthma"
    report = check(text, platform="sms")
    phone = next(f for f in report.findings if f.rule_id == "phi.phone")
    assert (phone.start, phone.end) == (14, 26) and phone.match == "07••• ••••56" and "123456" not in phone.message
    name = next(f for f in report.findings if f.rule_id == "phi.name_health")
    assert name.severity is Severity.BLOCK and "Sarah" not in json.dumps(report.model_dump(mode="json"))
    assert report.blocking()


def test_mask_keeps_shape() -> None:
    assert mask("07700 900123") == "07••• ••••23"
    assert mask("Sam") == "S••"


def test_redact_replaces_with_typed_placeholders() -> None:
    out = redact("Sarah Jones (DOB 12/03/1961) on 07911 123456")
    assert out.text == "[NAME] (DOB [DATE]) on [PHONE]"
    assert [s.kind for s in out.spans] == ["name", "date", "phone"] and all("•" in s.masked for s in out.spans)


def test_brief_with_phi_is_refused_before_any_request(brand: Brand) -> None:
    provider = FakeProvider([])
    with pytest.raises(PHIInBriefError) as e:
        generate(Brief(topic="Remind Sarah Jones (DOB 12/03/1961) about her asthma review", platforms=[Platform.SMS]),
                 brand=brand, settings=Settings(), provider=provider)
    assert provider.requests == [] and "12/03/1961" not in str(e.value) and "date" in str(e.value)


@pytest.mark.parametrize("redact_flag", [False, True])
def test_phi_in_the_claims_library_is_refused_before_any_request(brand: Brand, redact_flag: bool) -> None:
    from copygen.claims import ApprovedClaim, ClaimsLibrary

    library = ClaimsLibrary((ApprovedClaim(id="C9", wording="Margaret Jones, 94, was treated for asthma here",
                                           reference="Patient consent form 2024"),))
    provider = FakeProvider([])
    with pytest.raises(PHIInBriefError) as e:
        generate(Brief(topic="Asthma reviews", platforms=[Platform.SMS]), brand=brand, settings=Settings(),
                 provider=provider, claims=library, redact=redact_flag)
    assert provider.requests == [] and "claims[C9]" in str(e.value) and "Margaret" not in str(e.value)


def test_redacted_brief_sends_placeholders_only(brand: Brand) -> None:
    provider = FakeProvider([{"message": "Asthma reviews are open this month. Book at reception."}])
    generate(Brief(topic="Asthma review reminder for Sarah Jones, 07911 123456", platforms=[Platform.SMS]),
             brand=brand, settings=Settings(), provider=provider, redact=True)
    sent = json.dumps(provider.requests)
    assert "Sarah" not in sent and "07911" not in sent and "[NAME]" in sent and "[PHONE]" in sent


def test_cli_draft_refuses_and_check_redacts(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["draft", "Call Sarah Jones on 07911 123456 about her diabetes", "-p", "sms"])
    assert result.exit_code == 2 and "nothing was sent" in result.output and "07911 123456" not in result.output
    result = runner.invoke(app, ["check", "-", "-p", "sms", "--redact", "--brand", str(EXAMPLE_BRAND)],
                           input="Sarah Jones, 07911 123456. Call us on 0117 496 0123")
    assert result.exit_code == 0 and result.output.strip() == "[NAME], [PHONE]. Call us on 0117 496 0123"


@pytest.mark.parametrize("fn,good,bad", [
    (chk.nhs_number, "9434765919", "9434765918"),
    (chk.npi, "1245319599", "1245319598"),
    (chk.luhn, "4111111111111111", "4111111111111112"),
    (chk.dea, "AB1234563", "AB1234564"),
    (chk.iban, "GB82 WEST 1234 5698 7654 32", "GB83 WEST 1234 5698 7654 32"),
    (chk.vin, "1M8GDM9AXKP042788", "1M8GDM9AYKP042788"),
])
def test_check_digits(fn, good: str, bad: str) -> None:  # noqa: ANN001
    assert fn(good) and not fn(bad)


def test_labelled_set_meets_the_targets() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "score_phi.py"), str(ROOT / "data" / "phi" / "phi_set.jsonl")],
                         capture_output=True, text=True, check=True).stdout
    table = out[out.index("\ntype "):].splitlines()[2:]
    rows = {line.split()[0]: line.split() for line in table}
    recall, precision = float(rows["overall"][2]), float(rows["overall"][4])
    assert recall >= 0.97 and precision >= 0.95, out
    assert all(float(r[2]) >= 0.90 for t, r in rows.items() if r[1] != "0"), out


@pytest.mark.parametrize("text", ["treatment", "Treated. TESTS, x-ray", "the therapist's test results", "ſmear", "tt"])
def test_terms_grouped_by_first_letter_match_as_the_plain_alternation(text: str) -> None:
    import re

    from copygen.guardrails.phi_lexicon import by_first_letter

    plain = r"(?:treat(?:ed|ment)?|tests?|x-?rays?|therap\w*|smear|t)"
    assert by_first_letter(plain) == r"(?:t(?:reat(?:ed|ment)?|ests?|herap\w*|)|x(?:-?rays?)|s(?:mear))"
    grouped = re.compile(rf"\b{by_first_letter(plain)}", re.I)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in re.finditer(rf"\b{plain}", text, re.I)]


@pytest.mark.parametrize("text,dates", [
    ("born 12/03/1948", 1), ("1948-03-12 and 12/3", 2), ("at 9.30am, 2.5 mg", 0), ("12.3.48, 3/4 of us", 2),
    ("ſcan on 1/2/2020", 1), ("room 12-05-1999x", 0),
])
def test_numeric_date_pattern_is_the_date_pattern_on_a_text_without_a_month(text: str, dates: int) -> None:
    """Detection runs the digit-only date pattern when the text names no month: there it must find the same."""
    from copygen.guardrails import phi
    from copygen.guardrails.prefilter import fold, need_of

    assert not any(month in fold(text) for month in need_of(phi._MONTH_NAME))
    spans = [m.span() for m in phi._DATE.finditer(text)]
    assert [m.span() for m in phi._NUMERIC_DATE.finditer(text)] == spans and len(spans) == dates


@pytest.mark.parametrize("text,expected", [
    ("Your NHS number is 943 476 5919.", ("nhs_number", "943 476 5919")),
    ("Social security number: 123-45-6789", ("ssn", "123-45-6789")),
    ("His car, plate KX21 LMN, was left in the car park overnight.", ("vehicle", "KX21 LMN")),
    ("Hearing aid S/N D5791159 is ready to collect.", ("device", "D5791159")),
    ("Since your ACL surgery we have moved you to the Thursday group.", ("recipient_condition", "your ACL surgery")),
    ("Your INR check is going well, keep up the exercises.", ("recipient_condition", "Your INR check is going")),
    ("Pull the recovery photo from the shared drive for the carousel.", ("media_ref", "recovery photo")),
    ("Store the palm-vein scan in the access system.", ("biometric", "palm-vein scan")),
    ("We are celebrating her 95th with cake in the waiting room.", ("age_90_plus", "95")),
])
def test_types_a_reviewer_reported_wrong_or_missing(text: str, expected: tuple[str, str]) -> None:
    assert any(kind == expected[0] and expected[1] in value for kind, value in kinds(text)), kinds(text)


@pytest.mark.parametrize("text", [
    "Children's check-ups in the school holidays",
    "Book your Botox appointment today.",
    "CALM offers free support on 0800 58 58 58.",
    "Meet Sarah Okoye MCSP, our new pelvic health physio.",
    "Dr Ananya Rao MBBS MRCGP is taking new appointments from 3 June.",
    "Clinic open Saturday 14 March, 9am to 1pm.",
])
def test_services_clinicians_and_campaign_copy_are_not_patient_identifiers(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize("text", [
    "Will you join us in May for our open day? Grace, our practice cat, says hi.",
    "Meet Rose, our therapy dog, every Tuesday.",
    "Meet Tomasz, our new hygienist.",
])
def test_someone_the_practice_introduces_as_its_own_is_not_a_patient(text: str) -> None:
    assert [k for k in kinds(text) if k[0] in ("name", "name_health")] == []


def test_a_vocative_before_our_is_still_a_name() -> None:
    assert ("name_health", "Sarah") in kinds("Sarah, our records show your check-up is due.")


@pytest.mark.parametrize("text,name", [
    ("Draft an SMS for IFEOMA NASSER reminding them about the hygiene visit.", "IFEOMA"),
    ("BOOK NOW: DAVID SMITH is waiting for his crown.", "DAVID SMITH"),
])
def test_a_first_name_in_capitals_is_a_name(text: str, name: str) -> None:
    assert any(k in ("name", "name_health") and name in v for k, v in kinds(text)), kinds(text)


@pytest.mark.parametrize("url", ["portal.healthhub.example/profile?id=5161", "myclinic.care/patients/48213",
                                 "https://app.physio.clinic/u/88123"])
def test_a_patient_profile_address_is_found_whatever_its_top_level_domain(url: str) -> None:
    text = f"Send the feedback link to {url} once she is home."
    assert ("url", url) in kinds(text), kinds(text)
    assert kinds("Read more at nhs.uk/flu or example.org/news/2026.") == []


@pytest.mark.parametrize("text", ["FREE FLU JABS THIS SATURDAY", "MARK YOUR CALENDARS", "GRACE PERIOD ENDS FRIDAY"])
def test_capitals_that_are_not_a_listed_first_name_are_not_names(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize("text,name", [
    ("Draft an SMS for MEGAN CARTER reminding them about the hygiene visit.", "MEGAN CARTER"),
    ("Please send Chukwuemeka the reminder.", "Chukwuemeka"),
    ("We missed you on 10/20, Destiny! Tap to rebook.", "Destiny"),
])
def test_tagger_finds_names_the_rules_have_no_context_for_and_says_why(text: str, name: str) -> None:
    hits = [h for h in detect(text) if text[h.start:h.end] == name]
    assert hits and hits[0].kind in ("name", "name_health")
    assert detect(text) == detect(text)  # deterministic


def test_tagged_date_needs_a_message_about_someone() -> None:
    assert ("date", "10/20") in kinds("We missed you on 10/20, Destiny!")
    assert not [k for k in kinds("The Leeds clinic opens on 10/20.") if k[0] == "date"]


def test_first_names_from_the_wider_name_lists_are_read_unless_they_are_everyday_words() -> None:
    from copygen.guardrails.phi_lexicon import first_names, more_first_names

    assert "Abdihakim" in more_first_names() and "Abdihakim" not in first_names()
    found = [f.rule_id for f in check("Store the retina scan for Abdihakim in the access system.", platform="email").findings]
    assert "phi.name_health" in found
    assert not [f for f in check("Our new Swift booking system is live.", platform="email").findings
                if f.rule_id.startswith("phi.")]


@pytest.mark.parametrize("text", [
    "Booked: 19/9 at 10:30.", "Confirmed for Wednesday, August 25 at 2pm.", "Thanks for coming in on 3/8.",
    "Appointment: Sat 5/23 10am. Reply C to confirm.", "Is 5/10 still good for your filling?",
    "Dental check-up due 28 Jun - call to book.",
])
def test_a_date_of_one_persons_booking_is_phi_even_when_nobody_is_named(text: str) -> None:
    assert "phi.date" in {f.rule_id for f in check(text, platform="sms").findings}


@pytest.mark.parametrize("text", [
    "Book your flu jab from 1 October.", "Offer ends 28 Jun.", "Flu clinics on Sat 5/23 from 9am.",
])
def test_a_campaign_window_is_not_anyones_date(text: str) -> None:
    assert "phi.date" not in {f.rule_id for f in check(text, platform="sms").findings}


def test_a_possessive_name_before_a_personal_record_is_a_name_but_a_drivers_licence_is_not() -> None:
    found = {f.rule_id for f in check("Copy Siobhán's licence into the ID check box.", platform="email").findings}
    assert "phi.name" in found or "phi.name_health" in found
    assert not [f for f in check("Driver's license must match the card.", platform="email").findings
                if f.rule_id in ("phi.name", "phi.name_health")]


@pytest.mark.parametrize("text,expected", [
    ("Please call (415) 555-0132 about the refill.", "US phone number shape"),
    ("Please call 07700 900461 about the refill.", "UK phone number shape"),
    ("Please call +44 161 496 0000 about the refill.", "UK phone number shape"),
])
def test_a_phone_number_is_described_as_the_country_it_is_written_for(text: str, expected: str) -> None:
    assert [h.why for h in detect(text) if h.kind == "phone"] == [expected]


@pytest.mark.parametrize("text,value", [
    ("Her Social Security details: the number is 412-56-7781, please verify.", "412-56-7781"),
    ("His SSN ends in 4471, confirm before the claim.", "4471"),
    ("Last 4 of her SSN: 9032", "9032"),
])
def test_a_social_security_number_is_never_typed_as_a_phone(text: str, value: str) -> None:
    assert ("ssn", value) in kinds(text), kinds(text)
    assert not [k for k in kinds(text) if k[0] == "phone"]


def test_a_us_plate_after_its_label_is_a_vehicle_identifier() -> None:
    assert ("vehicle", "TX 4RD 118") in kinds("His truck (plate TX 4RD 118) is in the staff bay.")
    assert kinds("Our plate of the day is a fruit salad with 2 dips.") == []


@pytest.mark.parametrize("text,name,kind", [
    ("Share Obiageli's progress photos in the carousel.", "Obiageli", "media_ref"),
    ("Enrol Radomir's fingerprint scan at the front desk.", "Radomir", "biometric"),
])
def test_the_owner_of_a_photo_or_biometric_is_named_as_well(text: str, name: str, kind: str) -> None:
    found = kinds(text)
    assert any(k in ("name", "name_health") and v == name for k, v in found), found
    assert any(k == kind for k, _ in found), found


@pytest.mark.parametrize("text,name", [
    ("Great to see you on Friday, Tendai – how are the new glasses?", "Tendai"),
    ("Olamide we have your results, please call the clinic.", "Olamide"),
    ("Please exclude Ji-hoon Seo from the newsletter list.", "Ji-hoon Seo"),
    ("A referral letter for Thandiwe Mokoena is ready to post.", "Thandiwe Mokoena"),
])
def test_a_name_on_no_list_is_found_where_a_person_stands(text: str, name: str) -> None:
    assert any(k in ("name", "name_health") and name in v for k, v in kinds(text)), kinds(text)


@pytest.mark.parametrize("text", [
    "Mark your calendar: skin checks all through May.",
    "What's your best defence against sunburn? Shade and SPF.",
    "Texts from Lakeshore come from one number only.",
    "Free parking for Navy Pier visitors on Sundays.",
    "Grace Hopper Day: 20% off for women in tech.",
    "Made for Opiate Withdrawal support groups.",
    "Walk-in clinic open Monday to Friday, Chicago.",
    "Before-and-after photos shown with patient consent. Individual results vary.",
    "His Aetna member card covers the visit.",
])
def test_places_events_headings_and_disclaimers_are_not_names_or_photos(text: str) -> None:
    assert [k for k in kinds(text) if k[0] in ("name", "name_health", "media_ref")] == [], kinds(text)


@pytest.mark.parametrize("text,value", [
    ("We've moved your root canal to 07.11.26 – call us if that doesn't work.", "07.11.26"),
    ("Your retainer fitting is tomorrow, 12 May at 10.", "12 May"),
    ("Your post-op check: 2026-04-21 at 14:00.", "2026-04-21"),
    ("We look forward to seeing you on Tues. Feb. 3.", "Tues. Feb. 3"),
    ("Chiamaka – we have you down for the 19th at 11am.", "the 19th"),
    ("Can you still make 18/11? A slot opened up.", "18/11"),
    ("Appointment reminder: Fri 6th June, 9.40am with the hygienist.", "6th June"),
    ("Please arrive 15 minutes early on Thu 9/4 to fill in the forms.", "9/4"),
    ("The patient was born March 1936 and prefers home visits.", "March 1936"),
])
def test_a_date_of_one_readers_own_care_is_phi_in_every_written_form(text: str, value: str) -> None:
    assert ("date", value) in kinds(text), kinds(text)


@pytest.mark.parametrize("text", [
    "Best-in-class LASIK for 20/20 vision, with your consultation free.",
    "Open late on Thursdays until 8pm from 5 March.",
    "Book your flu jab on Saturday 3 October at our Leeds clinic.",
    "Your local clinic runs walk-in sessions every Saturday from 7/4.",
])
def test_a_date_everyone_shares_is_not_a_readers_own(text: str) -> None:
    assert not [k for k in kinds(text) if k[0] == "date"], kinds(text)


@pytest.mark.parametrize("text,value", [
    ("Sun 3/22 - Ifeoluwa Adeyemi, hygiene visit.", "Sun 3/22"),
    ("Aug. 19: crown prep for Malik Osei.", "Aug. 19"),
])
def test_a_date_is_phi_when_the_person_is_named_after_it(text: str, value: str) -> None:
    assert ("date", value) in kinds(text), kinds(text)
    assert not [k for k in kinds("Our Leeds clinic opens 3 March with Dr Sarah Lee.") if k[0] == "date"]


def test_a_patients_page_on_the_practices_own_site_is_phi_but_its_own_pages_and_accounts_are_not() -> None:
    brand = Brand(practice_name="Cedar Ridge Family Medicine", website="cedarridgefm.example")
    assert ("url", "https://portal.cedarridgefm.example/patients/551203") in kinds(
        "Her results: https://portal.cedarridgefm.example/patients/551203", brand)
    assert kinds("Register at cedarridgefm.example/patients or follow instagram.com/cedarridgefm", brand) == []


@pytest.mark.parametrize("text,expected", [
    ("Renata, our 93-year-old patient, finished the balance class!", ("name_health", "Renata")),
    ("His Oregon DL is 7720154, copied at intake.", ("license", "7720154")),
    ("He'll be ninety-four in June and still cycles.", ("age_90_plus", "ninety-four")),
    ("Mailing address: 2210 N Vancouver Ave, Portland, OR 97227-1904.", ("address", "2210 N Vancouver Ave, Portland, OR 97227-1904")),
])
def test_identifiers_a_sixth_writer_found_missing(text: str, expected: tuple[str, str]) -> None:
    assert expected in kinds(text), kinds(text)


@pytest.mark.parametrize("text", [
    "The clinic's license number OR-FAC-1120 is posted at reception.",
    "Clinical photos in this brochure are of models, not patients.",
    "Ship the kit to the patient in Kenton by Friday.",
    "He came in for his flu shot today.",
])
def test_the_practices_own_numbers_stock_photos_and_places_are_not_identifiers(text: str) -> None:
    assert [k for k in kinds(text) if k[0] not in ("zip",)] == [], kinds(text)


@pytest.mark.parametrize("text,age", [("Mabel (96) says the new hearing aids are brilliant.", "96"),
                                      ("Send a card to Arthur, who will be 91 in May.", "91")])
def test_an_age_over_89_after_a_name_or_as_what_someone_will_be(text: str, age: str) -> None:
    assert ("age_90_plus", age) in kinds(text), kinds(text)
    assert not [k for k in kinds("Room (96) is upstairs; the vaccine will be 95% effective.") if k[0] == "age_90_plus"]


@pytest.mark.parametrize("text,name", [
    ("We're so proud of Chidinma – back on the court after her ankle rehab!", "Chidinma"),
    ("Give Jadwiga a ring when the insoles arrive.", "Jadwiga"),
    ("Oluwatobi asked if Saturday slots are free.", "Oluwatobi"),
    ("Loved working with Kwabena on his shoulder this month.", "Kwabena"),
])
def test_a_name_on_no_list_is_found_as_the_object_of_care_or_the_subject_of_a_request(text: str, name: str) -> None:
    assert any(k in ("name", "name_health") and v == name for k, v in kinds(text)), kinds(text)
    assert not [k for k in kinds("Pilates started this week. Treat yourself to a massage.") if k[0].startswith("name")]


def test_a_listed_name_frequent_in_english_still_names_whoever_asks_or_finishes() -> None:
    assert ("name_health", "Zhang Wei") in kinds("Zhang Wei finished his rehab programme today.")
    assert not [k for k in kinds("Mark your calendar: rehab classes start in May.") if k[0].startswith("name")]


@pytest.mark.parametrize("text,age,name", [
    ("Post a birthday shout-out: Opal is 102 today!", "102", "Opal"),
    ("At 94, Summer still walks to every physio session.", "94", "Summer"),
    ("Happy 99th, Mr. Ellsworth! The whole team loved your visit.", "99th", None),
    ("Video script: Meet Wanda – at 95 she's our chair-yoga star.", "95", None),
    ("Call Mabel Fairchild – her ninetieth birthday party moved her appointment.", "ninetieth", None),
    ("Walter, at the age of 97, still cycles to his check-ups.", "97", None),
    ("Edna is 93 years young and loves her physio.", "93", None),
    ("She's 101 and still gardening after her hip replacement.", "101", None),
])
def test_an_age_over_89_told_of_one_person_and_the_person_named_with_it(text: str, age: str, name: str | None) -> None:
    found = kinds(text)
    assert ("age_90_plus", age) in found, found
    if name is not None:
        assert any(k.startswith("name") and v == name for k, v in found), found


@pytest.mark.parametrize("text", [
    "The temperature is 95 today, so drink plenty of water.",
    "Adults over 90 are at higher risk from RSV.",
    "Our team has 95 yrs of experience between them.",
    "She was 90 minutes early for the clinic.",
])
def test_a_number_over_89_that_is_no_ones_age_is_not_an_age(text: str) -> None:
    assert not [k for k in kinds(text) if k[0] == "age_90_plus"], kinds(text)


@pytest.mark.parametrize("text,name", [
    ("Please call Dusty to reschedule the podiatry appointment.", "Dusty"),
    ("Follow up with Pearl re: the bruising she mentioned.", "Pearl"),
    ("Thanks so much, Winnie! We'll see you after your eye exam.", "Winnie"),
    ("Reply to the Yelp review from Dale Fenimore and offer a call.", "Dale Fenimore"),
    ("Deliver to Summer O'Sullivan at the usual address.", "Summer O'Sullivan"),
    ("Copy Summer's licence into the ID check box.", "Summer"),
    ("Hearing aid is ready for Liang to collect.", "Liang"),
    ("Draft an SMS for IFEOMA NASSER about the hygiene visit.", "IFEOMA"),
])
def test_a_name_that_is_also_a_word_is_found_where_only_a_person_stands(text: str, name: str) -> None:
    assert any(k.startswith("name") and v.startswith(name) for k, v in kinds(text)), kinds(text)


@pytest.mark.parametrize("text", [
    "Call Reception to book your flu jab.", "Thanks so much, Tucson! See you at the health fair.",
    "Happy Independence Day from all of us at the clinic!", "Reg. no. of the practice van: on file.",
    "Lab requisition: VIN and IBAN fields are optional.", "Book for MOTHERS DAY pampering.",
])
def test_departments_places_occasions_and_acronyms_are_not_names(text: str) -> None:
    assert not [k for k in kinds(text) if k[0].startswith("name")], kinds(text)


@pytest.mark.parametrize("text,value", [
    ("Text Faith Obi that her labs from 12/02 are back and normal.", "12/02"),
    ("Can you move Rusty Hargrove from the 14th to Friday?", "the 14th"),
    ("When Jolene came to us in August 2025 she couldn't climb stairs.", "August 2025"),
])
def test_dates_of_labs_a_moved_booking_and_a_first_visit_are_phi(text: str, value: str) -> None:
    assert ("date", value) in kinds(text), kinds(text)


@pytest.mark.parametrize("text,age", [
    ("Booking note: wife is 91, husband 88, both for boosters.", "91"),
    ("Our oldest flu-jab patient this year was 97, and she came on the bus.", "97"),
    ("Say happy birthday to Winifred, who reached 100 on Sunday!", "100"),
    ("Reply to the family of a lady of ninety-nine who waited too long.", "ninety-nine"),
    ("Dad (ninety-seven) cannot manage stairs.", "ninety-seven"),
    ("He is in his late nineties and on warfarin.", "late nineties"),
    ('Post idea: "Ninety-five and still our most punctual patient!"', "Ninety-five"),
])
def test_an_age_over_89_told_of_a_person_named_by_a_word_for_one(text: str, age: str) -> None:
    # Held-out set 9's first run missed these forms (ages 0.650 on first contact).
    assert ("age_90_plus", age) in kinds(text), kinds(text)


@pytest.mark.parametrize("text", ["Flu clinics run for 90 minutes every Saturday.", "Our patient satisfaction was 95% last year.",
                                  "Adults over 90 can ask for a home visit.", "Celebrating our 100th year of care."])
def test_numbers_from_90_that_are_no_ones_age_are_not_ages(text: str) -> None:
    assert not [k for k in kinds(text) if k[0] == "age_90_plus"], kinds(text)


@pytest.mark.parametrize("text,expected", [
    ("Insurance member ID XKB 7731 0042 for the Bupa claim, please.", ("health_plan_id", "XKB 7731 0042")),
    ("SMS to the patient: Deepak, your root canal aftercare leaflet is attached.",
     ("recipient_condition", "your root canal aftercare")),
    ("Thanks Olamide! See you on Friday for your retainer check.", ("recipient_condition", "your retainer check")),
    ("Appointment moved: Mei-Ling Chen now Thursday at 3.15pm.", ("name_health", "Mei-Ling Chen")),
    ("Review reply: Sorry to hear the numbing wore off early, Jerome – please call us.",
     ("review_reply", "Sorry to hear the numbing wore off")),
    ("Thanks for the kind words! We're so glad your crown fitting went smoothly.", ("review_reply", "your crown")),
])
def test_identifiers_a_tenth_writer_found_missing(text: str, expected: tuple[str, str]) -> None:
    assert expected in kinds(text)


@pytest.mark.parametrize("text", [
    "Valentine's Day offer: whitening for two, ends 14 Feb.",
    "Mother's Day gift vouchers for a hygiene visit.",
    "Book your retainer check online.",
    "License plate recognition runs in our car park.",
])
def test_occasions_offers_and_labels_that_hold_no_identifier_are_not_phi(text: str) -> None:
    assert kinds(text) == []


def test_the_patients_results_link_is_not_a_photo_though_a_named_patients_x_rays_are() -> None:
    assert ("media_ref", "x-rays") in kinds("Send Amara's x-rays to the surgeon.")
    assert [k for k, _ in kinds("IP address 81.2.69.160 keeps opening the patient's results link.")] == ["ip"]


@pytest.mark.parametrize("text,age", [
    ("Reminder for Gwen (ninety) – her carer will bring her on Tuesday.", "ninety"),
    ("Facebook: congratulations to Cyril Banks on reaching 102!", "102"),
    ("Vera, one hundred and one, joined the chair yoga group this week.", "one hundred and one"),
    ("Loved meeting Florence today, all 97 years of her!", "97"),
    ("We are celebrating Siân's 99th with cake in the waiting room.", "99th"),
    ("“Best decision ever.” — Yuki P., 90", "90"),
])
def test_an_age_over_89_is_read_the_same_in_digits_words_and_ordinals(text: str, age: str) -> None:
    # Held-out set 11's first run missed the first four (ages 0.826 on first contact).
    assert ("age_90_plus", age) in kinds(text), kinds(text)


@pytest.mark.parametrize("text", [
    "Our practice is 90 years old this year – join us for cake!", "Sessions run 90 to 120 minutes.",
    "Blood pressure under 90 over 60 can make you feel dizzy.", "Our 100th chair yoga class is on Friday.",
    "We have helped more than 100 families this year.", "Our over-90s tea morning is every first Monday.",
])
def test_the_practices_age_ranges_thresholds_and_counts_are_no_ones_age(text: str) -> None:
    assert not [k for k in kinds(text) if k[0] == "age_90_plus"], kinds(text)


def test_an_age_is_found_even_when_the_practices_address_holds_the_same_number() -> None:
    brand = Brand(practice_name="Meadowbank Family Practice", postal_address="90 Wilmslow Road, Manchester M14 5TQ")
    assert ("age_90_plus", "90") in kinds("Grandad Reg is 90 years old and never misses a check-up.", brand)
    assert kinds("Free parking at 90 Wilmslow Road.", brand) == []


@pytest.mark.parametrize("text,expected", [
    ("Great to see you back, Giulia! Your ankle is healing nicely.", ("recipient_condition", "Your ankle is healing")),
    ("Reply to Tendai Moyo's review: thanks for trusting us with your frozen shoulder!",
     ("review_reply", "your frozen shoulder")),
])
def test_the_readers_body_and_a_review_reply_that_names_their_care_are_phi(text: str, expected: tuple[str, str]) -> None:
    # Held-out set 12's first run missed both (recall 0.941 on first contact).
    kind, value = expected
    assert any(k == kind and value in v for k, v in kinds(text)), kinds(text)


def test_names_in_a_list_that_ends_in_a_street_are_a_place() -> None:
    assert not [k for k in kinds("Faith, Hope and Charity Street car park is free after 6pm.") if k[0].startswith("name")]


@pytest.mark.parametrize("text,expected", [
    # Held-out set 13's first run (a Houston dental practice) missed each of these (covered 0.917, recall 0.889).
    ("Text for Valentina: your aligner check moved to Fri., Mar. 6 at 11.", ("date", "Fri., Mar. 6")),
    ("Liam O'Connell's account has a $45 balance from the 2/4 visit.", ("date", "2/4")),
    ("Tunde said we can share his before-and-after smile photos on Facebook.", ("media_ref", "smile photos")),
    ("Review reply: Thanks, Jasmine! We're so glad your son's first filling went smoothly.",
     ("review_reply", "your son's first filling")),
    ("Thank-you card to the Okonkwo family for referring their neighbors.", ("name", "Okonkwo")),
    ('Instagram caption idea: "Bella was so brave at her first visit!" – her mom said yes.', ("name_health", "Bella")),
    ("Meet Priyanka, our newest patient.", ("name_health", "Priyanka")),
])
def test_identifiers_a_thirteenth_writer_found_missing(text: str, expected: tuple[str, str]) -> None:
    kind, value = expected
    assert any(k.startswith(kind[:4]) and value in v for k, v in kinds(text)), kinds(text)


@pytest.mark.parametrize("text", [
    "Meet Dr. Bell: he's coached Little League for 10 years and loves the Astros.",
    "Welcome to the Pilates family!",
    "Flu clinics run from the 3/10 session onwards.",
    "Experts are suggesting that regular dosing of Vitamin C could help.",
    "Discover the Shocking Truth About Natural Nutrient Replenishment",
])
def test_a_league_a_practice_family_a_clinic_session_and_a_headline_are_not_phi(text: str) -> None:
    assert kinds(text) == [], kinds(text)


@pytest.mark.parametrize("text,expected", [
    # Held-out set 14's first run (a London menopause clinic) missed each of these (covered 0.900, recall 0.784).
    ("Hi Siwan, your HRT review is booked for Tues 3rd June at 10:15 by video.", ("recipient_condition", "your HRT review")),
    ("Please post Mrs B. Adebayo's Estrogel to Flat 4b, 22 Peckham Rye, SE15 4JR.", ("name", "Mrs B. Adebayo")),
    ("Please post Mrs B. Adebayo's Estrogel to Flat 4b, 22 Peckham Rye, SE15 4JR.", ("address", "Flat 4b, 22 Peckham Rye")),
    ("cc Harpreet Sandhu – her patch prescription ran out on the 9th.", ("date", "the 9th")),
    ('Newsletter quote from Wong Mei Ling: "The night sweats stopped within a month."', ("name", "Wong Mei")),
    ("Chidinma, thanks for your message. Your blood test results are now in the app.",
     ("recipient_condition", "Your blood test results")),
    ("Her parking permit says LD19 XKP – she'll need a bay on Friday 20th.", ("date", "Friday 20th")),
    ("Review reply: Thank you Fionnuala – we're so pleased the new dose is suiting you.",
     ("review_reply", "the new dose is suiting you")),
    ("Reminder: amara osei asked for a call after 5pm – don't text.", ("name", "amara osei")),
    ("Call Mrs O'Brien today.", ("name", "Mrs O'Brien")),
])
def test_identifiers_a_fourteenth_writer_found_missing(text: str, expected: tuple[str, str]) -> None:
    kind, value = expected
    assert any(k.startswith(kind[:4]) and v == value for k, v in kinds(text)), kinds(text)


@pytest.mark.parametrize("text", [
    "Clinics run on Friday 20th and Saturday 21st.",
    "Reminder: she asked for a call.",
    "We can help with ADHD, Stress, Anxiety, Depression and Insomnia.",
    "Our cryotherapy sessions are for Arthritis, Eczema, Chronic back pain and Migraines.",
])
def test_a_clinic_date_a_pronoun_and_a_list_of_capitalised_conditions_are_not_phi(text: str) -> None:
    assert kinds(text) == [], kinds(text)


@pytest.mark.parametrize("text,expected", [
    # Held-out set 15's first run (a care home) missed each of these (recall 0.865 once its gold was corrected).
    ("Handover: Mr Teodor Kowalczyk (Room 9) back from Wythenshawe on 14 March after his fall.", ("date", "14 March")),
    ("Can we share the photo of Bryn with the pony? His son said yes, but not the one of him in bed.",
     ("media_ref", "the one of him in bed")),
    ("Birthday list: Lilian Marsh turns 92 on the 4th, Ronald Bates on the 11th.", ("date", "the 11th")),
    ("Winston Gayle's grandson Marcus is visiting from Leeds on Sat 22nd.", ("date", "Sat 22nd")),
    ("Please send the invoice to Kath Hughes, Iris's daughter.", ("name", "Iris")),
])
def test_identifiers_a_fifteenth_writer_found_missing(text: str, expected: tuple[str, str]) -> None:
    kind, value = expected
    assert any(k.startswith(kind[:4]) and v == value for k, v in kinds(text)), kinds(text)


def test_a_clinician_at_an_event_does_not_make_its_date_a_patients() -> None:
    assert kinds("Meet Dr. Priya Raghunathan, our new geriatrician, at the open house on March 14.") == []


@pytest.mark.parametrize("text,expected", [
    # Held-out set 16's first run (an addiction-recovery practice) missed these (covered 0.941, recall 0.935).
    ("Client verified identity with SSN ending 4471.", ("ssn", "4471")),
    ("Abdi Warsame's MassHealth ID is 100284736201 – prior auth pending.", ("health_plan_id", "100284736201")),
    ("Thank you for your review, Lourdes – we're glad the Tuesday women's group has helped.",
     ("review_reply", "the Tuesday women's group has helped")),
])
def test_identifiers_a_sixteenth_writer_found_missing(text: str, expected: tuple[str, str]) -> None:
    kind, value = expected
    assert any(k == kind and v == value for k, v in kinds(text)), kinds(text)


@pytest.mark.parametrize("text", [
    "Per her mom, the afternoon group suits best.",
    "High blood pressure often has no symptoms, so it is important to have your blood pressure checked regularly.",
])
def test_a_preposition_opening_a_sentence_and_a_general_reminder_to_get_checked_are_not_phi(text: str) -> None:
    assert kinds(text) == [], kinds(text)


@pytest.mark.parametrize("text,expected", [
    # Held-out set 17's first run (a Miami skin clinic's social copy) missed these (covered 0.846, recall 0.667).
    ("Tag @jess.martinez92 in the before & after of her lip filler.", ("other_id", "@jess.martinez92")),
    ("Tag @jess.martinez92 in the before & after of her lip filler.", ("media_ref", "before & after of her lip filler")),
    ("Client Luana Ferreira had a reaction after her chemical peel on Saturday.", ("date", "Saturday")),
    ("Review reply: Thanks Gabriela! So happy your melasma is finally clearing.",
     ("review_reply", "your melasma is finally clearing")),
    ("Reminder for Daniela Rojas: your Botox touch-up is Thursday, 3/12.", ("recipient_condition", "your Botox touch-up")),
    ("Can we repost Kemar's TikTok of his laser session? He tagged us.", ("media_ref", "TikTok of his laser session")),
])
def test_identifiers_a_seventeenth_writer_found_missing(text: str, expected: tuple[str, str]) -> None:
    kind, value = expected
    assert any(k == kind and v == value for k, v in kinds(text)), kinds(text)


@pytest.mark.parametrize("text", [
    "Follow @lumenskin for weekly skincare tips!",
    "Miami Beach, Coral Gables and Brickell – we deliver skincare orders to all three.",
    "When you came in on Tuesday we were short-staffed.",
])
def test_the_practices_handle_a_list_of_places_and_an_unnamed_visit_day_are_not_phi(text: str) -> None:
    brand = Brand(practice_name="Lumen Skin & Laser", website="lumenskin.example")
    assert kinds(text, brand) == [], kinds(text, brand)


@pytest.mark.parametrize("text,expected", [
    # Held-out set 18's first run (a fertility clinic) missed these (recall 0.793 on its corrected gold).
    ("Hi Sadia, your egg collection is confirmed for Tues 14/3.", ("recipient_condition", "your egg collection")),
    ("Donor code NLF-D-0417 is reserved for the Zhang family.", ("other_id", "NLF-D-0417")),
    ("Newsletter: twins Amara and Zain arrived on Christmas Eve.", ("date", "Christmas Eve")),
    ("Review reply: Thank you Becky, we're so glad your frozen transfer worked.",
     ("review_reply", "your frozen transfer worked")),
    ("Dariusz asked whether his sperm sample from 4/2 can be used for the next cycle.", ("date", "4/2")),
])
def test_identifiers_an_eighteenth_writer_found_missing(text: str, expected: tuple[str, str]) -> None:
    kind, value = expected
    assert any(k == kind and v == value for k, v in kinds(text)), kinds(text)


@pytest.mark.parametrize("text", [
    "Grace, patience and science: that's how we describe our embryology lab.",
    "Dr Tom Whitley joins us from St James's Hospital.",
    "We're closed on Christmas Day and Boxing Day.",
])
def test_a_virtue_opening_a_list_a_saints_hospital_and_the_practices_holidays_are_not_phi(text: str) -> None:
    assert kinds(text) == [], kinds(text)


@pytest.mark.parametrize("text,expected", [
    # Held-out set 19's first run (an urgent care and occupational health clinic) missed these (recall 0.800).
    ("Work status for Miguel Torres (employee #44817): light duty only.", ("other_id", "44817")),
    ("Workers' comp claim WC-2025-118204 – Deng Garang injured his hand on Nov 3.", ("other_id", "WC-2025-118204")),
    ("Text for Hser Paw: your stitches come out on Monday the 24th.", ("recipient_condition", "your stitches come out")),
    ("Review reply: Thanks, Ahmed – glad the ankle splint helped!", ("review_reply", "the ankle splint helped")),
    ("Employer report: Kyle Brenner, forklift incident 11/12, cleared to return 11/19.", ("date", "11/12")),
])
def test_identifiers_a_nineteenth_writer_found_missing(text: str, expected: tuple[str, str]) -> None:
    kind, value = expected
    assert any(k == kind and v == value for k, v in kinds(text)), kinds(text)


def test_a_team_named_for_its_city_is_not_a_person() -> None:
    assert kinds("Omaha Storm Chasers fans: show your ticket for 10% off sports physicals in April.") == []


# What held-out sets 20-30 found missing on their first runs (each set's recall on its corrected gold), each now a
# regression case.
@pytest.mark.parametrize("text,expected", [
    # Held-out set 20's first run (a community pharmacy) missed these (recall 0.867 on its corrected gold).
    ("Rx no. RX-3310-5820 for Alun Davies – dose changed.", ("other_id", "RX-3310-5820")),
    ("Note for Ffion Lloyd: your B12 injection is due soon.", ("recipient_condition", "your B12 injection is due")),
    ("Reminder for Ffion Lloyd: your B12 injection is due next Thursday.", ("date", "next Thursday")),
    ("Emergency supply given to Piotr Zielinski on Saturday – his inhaler.", ("date", "Saturday")),
    ("Please hold Aoife Kelly's order until after the 18th, she's away.", ("date", "the 18th")),
    ("Review reply: Diolch Catrin! We're glad the new tablets are working for you.",
     ("review_reply", "the new tablets are working for you")),
    # Held-out set 21's first run (a hearing and audiology practice) missed these (recall 0.907 on its corrected gold).
    ("Hi Ramon, your hearing aid cleaning is booked for Friday.", ("recipient_condition", "your hearing aid cleaning")),
    ("Bernadette Villanueva's audiogram from 8/14 shows mild loss.", ("date", "8/14")),
    ("Lost aid: Josefina Lucero left her left aid at the pharmacy on Monday.", ("date", "Monday")),
    # Held-out set 22's first run (a sexual health clinic) missed these (recall 0.800 on its corrected gold).
    ("Clinic no. KT-551207 – Luis Ferreira, treatment completed.", ("mrn", "KT-551207")),
    ("Nkem asked if she can collect her pills on Monday 3rd instead.", ("name", "Nkem")),
    ("Nkem asked if she can collect her pills on Monday 3rd instead.", ("date", "Monday 3rd")),
    ("Ravi tested positive for chlamydia on Thursday, treatment booked.", ("date", "Thursday")),
    ("Reminder for Inês: your implant removal is on 4 March.", ("recipient_condition", "your implant removal")),
    # Held-out set 23's first run (a pediatric practice) missed these (recall 0.871 on its corrected gold).
    ("Text to Idil's mum: her 4-year shots are due, can you come Tuesday 11/4?", ("date", "11/4")),
    ("MA ID 02719934 for Hamza Warsame – update before his next visit.", ("health_plan_id", "02719934")),
    ("Review reply: Thank you Hibo! We're so glad Ayan's ear infection cleared up.",
     ("review_reply", "Ayan's ear infection cleared up")),
    ("Note for the nurse: Makwa Strongbow needs his inhaler refilled before camp.", ("name_health", "Makwa Strongbow")),
    # Held-out set 24's first run (a telehealth weight-management clinic) missed these (recall 0.759).
    ("Refill for Minh Tran shipped – tracking 1Z99A1F40398765432.", ("other_id", "1Z99A1F40398765432")),
    ("Order #LS-771340 for Ngozi Obi is on hold until her labs come back.", ("other_id", "LS-771340")),
    ("Gerhard Vogel (DOB 4/3/1958) – BMI 38, starting the program Wednesday.", ("date", "Wednesday")),
    ("Hi Min-jun, how are you feeling on your new dose?", ("recipient_condition", "your new dose")),
    ("Review reply: Thanks Darnell! We're thrilled the program is working for you.",
     ("review_reply", "the program is working for you")),
    ("Mrs. Okafor-Reid reported headaches after her Feb 3 dose increase.", ("date", "Feb 3")),
    ("Marisela hit her goal weight on Christmas Eve!", ("date", "Christmas Eve")),
    ("Call Ms. Adeyemi about her results before her Tuesday visit.", ("date", "Tuesday")),
    # Held-out set 25's first run (a Belfast GP practice) read a labelled H&C number as a phone number.
    ("H&C no. 320 456 7891 – Ciara Lynch, repeat ready Friday.", ("nhs_number", "320 456 7891")),
    # Held-out set 26's first run (a home health and mobile lab agency) missed these (recall 0.840 on its corrected gold).
    ("Requisition RQ-8812-0301 – Halina Nowak, CBC and lipid panel.", ("other_id", "RQ-8812-0301")),
    ("Gate code for Mrs. Jenkins is 7731# – ring first.", ("other_id", "7731")),
    ("Medicare on file for Xia Lor, PT evaluation after his fall on Nov 4.", ("name", "Xia Lor")),
    ("Medicare on file for Xia Lor, PT evaluation after his fall on Nov 4.", ("date", "Nov 4")),
    # Held-out set 27's first run (an OB-GYN and midwifery practice) missed these (recall 0.846, one text with no finding).
    ("Reminder for Min-seo: your growth scan is Friday, Dec 5 at 9am.", ("recipient_condition", "your growth scan")),
    ("Portal reply to Selam: cramping at 10 weeks can be normal, but call us today.", ("name", "Selam")),
    ("Review reply: Thank you Brittany! We're so glad your delivery went so smoothly.",
     ("review_reply", "your delivery went so smoothly")),
    ("Naomi Feld delivered a baby girl on Sunday – both doing well.", ("date", "Sunday")),
    # Held-out set 28's first run (an optometry and LASIK practice) missed these (recall 0.840 on its corrected gold).
    ("Review reply: Thanks Marit! So happy your new progressives are working well.",
     ("review_reply", "your new progressives are working well")),
    ("Can we post his photo? He tagged us @sees.far.now in the story.", ("other_id", "@sees.far.now")),
    ("Reminder for Min-ji: your diabetic eye exam is next Thursday at 2pm.", ("recipient_condition", "your diabetic eye exam")),
    ("Reminder for Min-ji: your diabetic eye exam is next Thursday at 2pm.", ("date", "next Thursday")),
    # Held-out set 29's first run (a hospice) missed these (recall 0.875).
    ("Day hospice reminder for Eamon Kelly: transport will collect you at 11am on Tuesday.", ("date", "Tuesday")),
    ("Volunteer note: Jean will drive Mr Haigh to his chemo on Monday.", ("date", "Monday")),
    ("Review reply: Thank you Rukhsana, we're so glad your mum was comfortable in her last days.",
     ("review_reply", "your mum was comfortable")),
    # Held-out set 30's first run (a community health center) missed these (recall 0.833, one text with no finding).
    ("Review reply: Thank you Tanisha! We're glad Dr. Lee got your sugar under control.", ("name", "Tanisha")),
    ("Review reply: Thank you Tanisha! We're glad Dr. Lee got your sugar under control.",
     ("review_reply", "got your sugar under control")),
    ("Healthy Louisiana ID LA0081127734 – Curtis Batiste, renewal due.", ("health_plan_id", "LA0081127734")),
    ("Hi Linh, your blood pressure meds are ready at our pharmacy.", ("recipient_condition", "your blood pressure meds")),
    # Held-out set 31's first run (a Glasgow dental practice) missed these (recall 0.914, two texts with no finding).
    ("Review reply: Thanks Joanne! So glad the extraction wasn't as painful as you expected.",
     ("review_reply", "the extraction wasn't as painful")),
    ("Precious Adeyemi rang to move her son's check-up.", ("name_health", "Precious Adeyemi")),
    # Held-out set 32's first run (a Honolulu urgent care clinic) missed or mistyped these (recall 0.886).
    ("Review reply: Mahalo Kawika! See you at your next check-up.", ("name", "Kawika")),
    ("Jonah Lakjohn (Marshallese interpreter needed) – flu shot today.", ("name_health", "Jonah Lakjohn")),
    ("Fax the immunisation record for Pua to her school at (808) 555-0123.", ("fax", "(808) 555-0123")),
    ("Text to Mele: your strep test was positive – antibiotics are ready.",
     ("recipient_condition", "your strep test was positive")),
    ("Med-QUEST ID 0045551234 for Lani Kahale – verify coverage.", ("health_plan_id", "0045551234")),
    ("Review reply: Thanks Lani! So glad your stitches healed nicely.", ("review_reply", "your stitches healed")),
    # Held-out set 33's first run (a Leicester pharmacy and travel clinic) missed these (recall 0.909).
    ("Review reply: Thank you Deepa! Glad the typhoid jab didn't hurt.", ("review_reply", "the typhoid jab didn't hurt")),
    ("Bebe Harbans Kaur's medicines are in the fridge.", ("name_health", "Bebe Harbans Kaur")),
    # Held-out set 34's first run (a Bronx pediatric dental clinic) missed or mistyped these (recall 0.920).
    ("Please fax Dana Ruiz's referral form to (718) 555-0123.", ("fax", "(718) 555-0123")),
    ("Review reply: Thank you Rosa! So happy your son was so brave at his check-up.", ("review_reply", "your son was so brave")),
])
def test_identifiers_held_out_sets_20_to_34_found_missing(text: str, expected: tuple[str, str]) -> None:
    kind, value = expected
    assert any(k == kind and v == value for k, v in kinds(text)), kinds(text)


@pytest.mark.parametrize("text", [
    "Widex, Signia and ReSound aids – all repaired in house.",
    "Marcus Whitfield will demo the new aids at the Sun City library on Nov 12.",
])
def test_hearing_aid_brands_and_a_staff_members_event_date_are_not_phi(text: str) -> None:
    brand = Brand(practice_name="Desert Sky Hearing", staff_names=["Marcus Whitfield"])
    assert kinds(text, brand) == [], kinds(text, brand)


@pytest.mark.parametrize("text", [
    "Dr Priyanka Menon leads our Thursday evening PrEP clinic.",
    "Someone called about his parking permit.",
    "Reception asked if she could cover Saturday.",
])
def test_a_clinic_service_someone_and_a_department_are_not_phi(text: str) -> None:
    brand = Brand(practice_name="Kemp Town Sexual Health", staff_names=["Dr Priyanka Menon"])
    assert kinds(text, brand) == [], kinds(text, brand)


def test_a_name_read_once_is_read_wherever_the_text_repeats_it() -> None:
    """The second "Gurleen" stands where no rule reads a name off the lists; the first told the detector it is one."""
    found = kinds("Gurleen's dad rang – Gurleen has a fever after her jab.")
    assert [v for k, v in found if k in ("name", "name_health")] == ["Gurleen", "Gurleen"], found


def test_a_patient_who_shares_a_staff_members_surname_is_found() -> None:
    """A hyphenated first name is read whole, so the practice manager's surname does not excuse the patient."""
    brand = Brand(practice_name="Clydeside Family Dental", staff_names=["Aileen Docherty"])
    assert kinds("Mary-Kate Docherty's brace snapped at lunch – her dad is bringing her in.", brand) == [
        ("name", "Mary-Kate Docherty's")]
    assert kinds("Aileen Docherty runs our payment plans.", brand) == []


@pytest.mark.parametrize("text", [
    # places, events, products, pronouns and a practice's own order that held-out sets 20-32 read as PHI on their
    # first runs, or that their fixes must leave alone
    "Free delivery across Grangetown, Splott, Adamsdown and Cathays.",
    "Llandaff Fields parkrun on Saturday – come and say hello!",
    "Order #B2044 for shop fittings arrives Friday.",
    "Powderhorn Park Halloween walk – come say hi to our team!",
    "Reach Out and Read: every child gets a free book at their well visit.",
    "The patient asked if she could come.",
    'Testimonial draft: "I\'ve lost 20 pounds since January" – pending approval.',
    "Our PA now sees patients in San Antonio on Fridays.",
    "Order #C3301 for exam-room gloves arrives Monday.",
    "We accept Medicare, Medicaid and most Blue Cross Blue Shield plans.",
    "Rajesh Kulkarni MCSP now runs the back pain clinic on Fridays.",
    "Rh negative mothers are offered RhoGAM at 28 weeks.",
    "Our newborns who need extra care stay in the NICU.",
    "Free flu shots at our Mardi Gras health table on Frenchmen Street.",
    "Join us at Jazz Fest for free blood pressure checks!",
    "Our minibus can pick you up on 12 May for the open day.",
    "Childsmile toothbrushing packs are free for every P1 pupil.",
    "We're closed on Glasgow Fair Monday, 20 July.",
    "Free sunscreen at our Lei Day table.",
    "Thanks Reception for the flowers!",
])
def test_places_events_products_and_a_practices_own_order_are_not_phi(text: str) -> None:
    assert kinds(text) == [], kinds(text)


@pytest.mark.parametrize("text,expected", [
    # what held-out set 35 (a Cardiff physio clinic) found missing on its first run
    ("Bupa membership 78423196 for Dafydd Rees – pre-authorise six sessions.", ("health_plan_id", "78423196")),
    ("Rhodri, your ACL exercise plan is here.", ("recipient_condition", "your ACL exercise plan")),
    ("Hi Siân, your orthotics have arrived – collect any weekday.", ("recipient_condition", "your orthotics have arrived")),
    ("Review reply: Diolch Iolo! Chuffed that your hamstring held up for the Cardiff Half.",
     ("review_reply", "your hamstring held up")),
])
def test_identifiers_a_thirty_fifth_writer_found_missing(text: str, expected: tuple[str, str]) -> None:
    assert expected in kinds(text), kinds(text)


def test_a_staff_members_relative_is_a_person_of_their_own() -> None:
    brand = Brand(practice_name="Taff Vale Physio", staff_names=["Dr Ffion Pritchard"])
    assert ("name_health", "Ffion") in kinds("Post idea: Ffion's nan walked the Taff Trail after her hip replacement!", brand)
    assert kinds("Ffion leads our Welsh-language clinic on Wednesdays.", brand) == []


@pytest.mark.parametrize("text", [
    "If you are in the 40-74 age group, you can expect an invite for a free NHS Health Check.",
    "We're on Cathedral Road, five minutes from Sophia Gardens.",
    "Grace Williams Hall at Cardiff University hosts our open evening.",
])
def test_an_age_range_and_a_place_named_after_a_person_are_not_phi(text: str) -> None:
    assert kinds(text) == [], kinds(text)


def test_a_did_not_attend_is_no_dna_sample() -> None:
    found = kinds("Missed appointment: Aleksandra Nowak, Fri 21 Mar – her third DNA this block.")
    assert ("name_health", "Aleksandra Nowak") in found and not [k for k in found if k[0] == "biometric"], found
    assert ("biometric", "her DNA sample") in kinds("We stored her DNA sample for the study.")


@pytest.mark.parametrize("text,expected", [
    # what held-out set 36 (a Chicago behavioral health clinic) found missing on its first run
    ("Illinois Medicaid recipient # 103884721 – Ninos Youkhana, prior auth.", ("health_plan_id", "103884721")),
    ("Hi Krzysztof, your Suboxone refill is ready.", ("recipient_condition", "your Suboxone refill")),
    ("Ji-woo, your telehealth session with Marcus moved to 4pm.", ("recipient_condition", "your telehealth session")),
    ("Review reply: Thank you Latrice! So proud you hit 18 months sober.", ("review_reply", "18 months sober")),
    ("Parking note: IL CX 48213 belongs to Maricel Santos.", ("vehicle", "IL CX 48213")),
    ("Court letter for Guadalupe Hernández: attended 11 of 12 sessions since Aug 3.", ("date", "Aug 3")),
    ("Email bounced – Jae Park needs his group schedule resent.", ("name", "Jae Park")),
])
def test_identifiers_a_thirty_sixth_writer_found_missing(text: str, expected: tuple[str, str]) -> None:
    assert expected in kinds(text), kinds(text)


@pytest.mark.parametrize("text", [
    "We're two blocks from the Paulina Brown Line stop.",
    "Bute Park was busy for the fun run on Saturday.",
    "Grace Street is closed for resurfacing this week.",
])
def test_a_transit_line_and_places_with_a_persons_word_are_not_names(text: str) -> None:
    assert kinds(text) == [], kinds(text)


def test_what_a_thirty_seventh_writer_found() -> None:
    # a Belfast GP practice: a blood test to repeat is the reader's care; a ward, a hospital's second word, a
    # suite and a running track named after people are places
    assert ("recipient_condition", "your blood test needs repeating") in kinds(
        "Hi Declan, we couldn't reach you – your blood test needs repeating.")
    for text in ["Please send the discharge letter to Ward 4 at the Royal.",
                 "Dr Femi Adeyemi has joined the practice from the Royal Victoria.",
                 "Grace Kelly Suite at the Waterfront hosts our carers' evening.",
                 "Mary Peters Track is our Couch to 5K meeting point.",
                 "Our stand is by the Jessie Owens Fountain."]:
        assert kinds(text) == [], (text, kinds(text))
    assert ("name", "Hargrove") in kinds("Can you move Rusty Hargrove from the 14th to Friday?")  # as before


def test_what_a_thirty_eighth_writer_found() -> None:
    # a Twin Cities home health and hospice agency
    assert ("recipient_condition", "your wound care visit") in kinds(
        "Hi Mai Lee, your wound care visit is moved to Tues 11/3 between 9 and 11.")
    assert ("date", "Oct 28") in kinds("Intake: Ahmed Farah Hassan, CHF – start of care Oct 28.")
    assert ("review_reply", "care for your dad") in kinds(
        "Review reply: Miigwech Sharon! We're honored we could care for your dad at home.")
    for text in ["Lake Harriet bandshell concert raises funds for our hospice house.",
                 "Grace Lutheran Church hosts our caregiver workshop.",
                 "Hope Whittier Hall is where our volunteer training takes place."]:
        assert kinds(text) == [], (text, kinds(text))
    assert ("name_health", "Charlotte Church") in kinds("Charlotte Church rang to move her appointment.")


def test_what_a_thirty_ninth_writer_found() -> None:
    # a Liverpool hearing practice
    assert ("review_reply", "you can hear the grandkids again") in kinds(
        "Review reply: Diolch Gareth! Made up that you can hear the grandkids again.")
    assert ("recipient_condition", "your ear wax removal") in kinds("Hi Declan, your ear wax removal is booked for Mon 16 Nov at 2.")
    assert ("age_90_plus", "96") in kinds("Post idea: Great-grandad Stan heard birdsong again at 96 after his new aids.")


def test_what_a_fortieth_writer_found() -> None:
    # a Phoenix dialysis center (held-out set 40)
    found = kinds("Hoa, your potassium was high on Friday – please skip the bananas this week.")
    assert {("name", "Hoa"), ("recipient_condition", "your potassium was high"), ("date", "Friday")} <= set(found)
    assert ("name_health", "Summer") in kinds("Summer, your consultation details are below.")
    assert ("date", "10/02/2026") in kinds("MBI 4QJ7-HX3-RE28 – Mr. Ernesto Yazzie, ESRD, start date 10/02/2026.")
    assert ("date", "11/9") in kinds("Transport list Mon 11/9: pick up Rosendo Villalobos at 5:15.")
    assert ("zip", "85339") in kinds("Ms. Bertha Tsosie, ninety-four, lives alone in 85339 – meals on wheels referral.")
    assert ("review_reply", "your dad's fistula surgery went smoothly") in kinds(
        "Review reply: Thank you Leticia! We're so glad your dad's fistula surgery went smoothly.")
    assert ("biometric", "Facial recognition template FRT-77120") in kinds(
        "Facial recognition template FRT-77120 enrolled for Samuel Etsitty at the kiosk.")
    assert ("date", "Wednesday") in kinds("We missed you at your Wednesday run, Destiny! Call us to reschedule.")
    assert ("recipient_condition", "your transplant work-up") in kinds("Hi Marisol, your transplant work-up starts next Monday the 16th.")


@pytest.mark.parametrize("text", [
    "Lab note: Kt/V 1.1, phosphate binder changed.",
    "Transplant referrals go to the Mayo list.",
    "Camelback Mountain views from every chair on the east side.",
    "Sunday, we're closed for the holiday.",
    "Check if your cholesterol is high with a free test.",
    "Anyone who lives in 85016 can register with us.",
])
def test_a_lab_value_an_institution_a_mountain_and_an_area_are_not_phi(text: str) -> None:
    assert kinds(text) == []


def test_what_a_forty_first_writer_found() -> None:
    # a Hackney sexual health clinic (held-out set 41)
    assert ("recipient_condition", "your bloods are back") in kinds("Hi Sorin, your bloods are back and all clear.")
    assert ("recipient_condition", "about your recent test") in kinds(
        "We tried to reach you about your recent test, Nia. Please call us.")
    found = kinds("Thank you for coming in on Saturday, Jerome – your swab results will be texted.")
    assert ("date", "Saturday") in found
    assert ("date", "Saturday") not in kinds("Thank you for coming in on Saturday – your swab results will be texted.")


@pytest.mark.parametrize("text", [
    "World AIDS Day vigil at St Paul's Shacklewell, 1 December.",
    "The Rio Cinema is hosting our film night on 20 February.",
    "Questions about your test kit? Call us.",
])
def test_an_event_at_a_saints_church_a_cinema_and_a_general_question_are_not_phi(text: str) -> None:
    assert kinds(text) == []


def test_what_a_forty_second_writer_found() -> None:
    # an Edinburgh community pharmacy (held-out set 42)
    found = kinds("CHI 1203751001 – Ruaridh MacLeod, methadone supervised Mon–Sat, missed Tues.")
    assert {("name_health", "Ruaridh MacLeod"), ("date", "Tues")} <= set(found)
    assert ("name_health", "Olumide Adebayo") in kinds("Owings: Olumide Adebayo's sertraline, 14 tablets.")
    assert ("media_ref", "photo of his son's rash") in kinds(
        "Ahmad Al-Hassan brought in a photo of his son's rash – referred to GP same day.")
    assert ("recipient_condition", "your smoking cessation review") in kinds(
        "Hi Seán, sorry we missed you – your smoking cessation review is moved to Mon 14th.")
    assert ("date", "Friday") in kinds("Dosette box for Granny Nessa, ninety-one, goes out with the driver on Friday.")
    assert ("date", "last Thursday") in kinds(
        "Farah Siddiqui asked about her metformin times – see notes from last Thursday.")


@pytest.mark.parametrize("text", [
    "Closed on 1 and 2 January for Hogmanay.",
    "Our delivery van covers Granton, Trinity and Newhaven.",
    "Arthur's Seat charity walk: sponsor our dispensers!",
    "Ask about Ramadan and your medicines at the counter.",
])
def test_a_festival_a_list_of_districts_and_a_landmark_are_not_names(text: str) -> None:
    assert kinds(text) == []


@pytest.mark.parametrize("text", [
    "Our new hygienist Sophie starts on Monday – book a clean with her.",
    "Ask for Marcus at reception about Invisalign finance.",
    "The Grace Kelly suite is our new treatment room.",
    "Free blood pressure checks at Tesco Extra, Cribbs Causeway, on 5 June.",
])
def test_the_practices_own_people_a_named_room_and_a_shopping_centre_are_not_phi(text: str) -> None:
    # Tried as a new user would: each was reported as a patient's name (and the last its date).
    assert kinds(text) == []


def test_what_a_forty_third_writer_found() -> None:
    # a Miami cosmetic surgery practice (held-out set 43)
    assert ("recipient_condition", "your lipo follow-up") in kinds("Hola Yanelis, your lipo follow-up is Thursday 3/19 at 10.")
    assert ("media_ref", "6-week tummy tuck results") in kinds("Post idea: Marlene's 6-week tummy tuck results – she signed the release.")
    assert ("other_id", "@vale.rodz") in kinds("Tag @vale.rodz in the BBL recovery reel? Valentina okayed it.")
    assert ("media_ref", "post-op vlog") in kinds("Bruna Costa will film her post-op vlog from day 3.")
    found = kinds("Nurse call list: Yolette Jean-Baptiste (33138) – swelling on her left side after the facelift.")
    assert {("name_health", "Yolette Jean-Baptiste"), ("zip", "33138")} <= set(found)
    assert ("date", "next Tuesday") in kinds("DESTINY WALKER – deposit received, consult set for next Tuesday.")
    assert ("recipient_condition", "how's your nose feeling") in kinds("Hi Yusniel, just checking in: how's your nose feeling this week?")
    assert ("recipient_condition", "your pathology came back benign") in kinds("Gabriel, your pathology came back benign – no need to worry.")


@pytest.mark.parametrize("text", [
    "Ask about CareCredit financing at checkout.",
    "Little Havana Senior Center hosts our skin-cancer screening day.",
    "Art Basel week hours: 9am to 8pm.",
    "Wynwood Walls mural tour with our team on Sunday.",
])
def test_a_financing_brand_a_senior_center_and_miami_events_are_not_names(text: str) -> None:
    assert kinds(text) == []


def test_what_a_forty_fourth_writer_found() -> None:
    # a Birmingham orthodontic practice (held-out set 44)
    assert ("recipient_condition", "your jaw pain needs a check") in kinds(
        "Hi Kemar, your mum says you've been getting headaches – your jaw pain needs a check.")
    assert ("review_reply", "your daughter loves her new smile") in kinds(
        "Review reply: Thanks Rezan! So pleased your daughter loves her new smile after 18 months.")


@pytest.mark.parametrize("text", [
    "Becky Lloyd is our treatment coordinator for Invisalign.",
    "Our Harborne branch has step-free access.",
    "Eid Mubarak to all our families celebrating this week.",
    "Aston Villa fans get a free brace case in claret.",
    "Ask about our Spark clear aligners in Selly Oak.",
])
def test_a_brand_a_branch_a_greeting_a_club_and_a_district_are_not_names(text: str) -> None:
    brand = Brand(staff_names=["Becky Lloyd"])
    assert kinds(text, brand) == []


def test_what_a_forty_fifth_writer_found() -> None:
    # a San Antonio pediatric practice writing in English and Spanish (held-out set 45)
    assert ("date", "martes 14 de enero") in kinds("Hola Sra. García, la cita de Mateo es el martes 14 de enero a las 3:30.")
    assert ("date", "domingo") in kinds("Sra. Hernández, Diego tiene fiebre desde el domingo – tráigalo hoy.")
    assert ("recipient_condition", "your son's hearing test results") in kinds(
        "Hodan, your son's hearing test results are in – please call us.")
    assert ("date", "2/28") in kinds("CHIP ID CH4471029938 – Emily Tran, renewal due 2/28.")


@pytest.mark.parametrize("text", [
    "Lunes a viernes, de 8 a 5; sábados de 9 a 12.",
    "Día de los Muertos altar in our waiting room all week.",
    "Tan & Deliver bring salon grade sunbeds straight to your door.",
])
def test_opening_hours_in_spanish_a_festival_and_a_business_name_are_not_phi(text: str) -> None:
    assert kinds(text) == []
