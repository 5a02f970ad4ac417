"""Evidence notes: every factual claim tied to an approved claim and its reference, or flagged; required
elements with the text that satisfies them; provenance."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import EXAMPLE_BRAND, FakeProvider
from typer.testing import CliRunner

from copygen import Brief, Platform, Status, check, generate
from copygen.brand import Brand
from copygen.claims import find_claims, load_claims
from copygen.cli import app
from copygen.config import Settings
from copygen.errors import InputError

LIBRARY = """\
claims:
  - id: FLU-VE
    wording: The flu vaccine reduces the risk of flu by 40 to 60%
    reference: CDC, Vaccine Effectiveness, 2023
    jurisdictions: [uk, us]
    expires: 2030-01-01
  - id: OLD-1
    wording: Whitening lightens teeth by up to 8 shades
    reference: Internal study 2019
    expires: 2020-01-01
  - id: US-ONLY
    wording: Most adults recover from flu within two weeks
    reference: CDC flu symptoms page
    jurisdictions: us
"""


@pytest.fixture
def library(tmp_path: Path) -> Path:
    p = tmp_path / "claims.yaml"
    p.write_text(LIBRARY, encoding="utf-8")
    return p


def draft_sms(brand: Brand, message: str, library: Path | None, jurisdiction: str = "uk", rounds: int = 0):  # noqa: ANN201
    provider = FakeProvider([{"message": message}] * (rounds + 1))
    (d,) = generate(Brief(topic="Flu jabs", platforms=[Platform.SMS], jurisdiction=jurisdiction), brand=brand,
                    settings=Settings(repair_rounds=rounds), provider=provider, claims=library)
    return d, provider


def test_an_exact_claim_is_substantiated_with_its_reference(brand: Brand, library: Path) -> None:
    d, provider = draft_sms(brand, "The flu vaccine reduces the risk of flu by 40 to 60%. Walk in on Saturdays.", library)
    (note,) = d.evidence.claims
    assert (note.status, note.claim_id, note.method, note.reference) == (
        "substantiated", "FLU-VE", "exact", "CDC, Vaccine Effectiveness, 2023")
    assert d.content.text[note.start:note.end] == note.text
    assert d.status is Status.PASS
    # The prompt carried the approved claims valid here (not the expired one, not the US-only one).
    system = provider.requests[0]["messages"][0]["content"]
    assert "reduces the risk of flu by 40 to 60%" in system and "8 shades" not in system and "two weeks" not in system


def test_normalised_and_fuzzy_matches_say_which(brand: Brand, library: Path) -> None:
    d, _ = draft_sms(brand, "the flu vaccine reduces the risk of flu by 40 to 60 per cent.", library)
    assert d.evidence.claims[0].method == "normalised"
    d, _ = draft_sms(brand, "The flu jab reduces your risk of flu by 40 to 60%.", library)
    note = d.evidence.claims[0]
    assert note.method == "fuzzy" and note.claim_id == "FLU-VE" and note.score >= 88


@pytest.mark.parametrize("sentence", [
    "The flu vaccine increases the risk of flu by 40 to 60%.",  # the opposite direction
    "The flu vaccine does not reduce the risk of flu by 40 to 60%.",  # negated
    "The flu vaccine reduces the risk of flu by 40 to 70%.",  # another figure
])
def test_a_similar_sentence_that_says_something_else_is_not_matched(brand: Brand, library: Path, sentence: str) -> None:
    d, _ = draft_sms(brand, sentence, library)
    assert d.evidence.claims[0].status == "unsubstantiated"


def test_a_changed_number_is_not_the_approved_claim(brand: Brand, library: Path) -> None:
    d, _ = draft_sms(brand, "The flu vaccine reduces the risk of flu by 90%.", library)
    assert d.evidence.claims[0].status == "unsubstantiated" and d.status is Status.BLOCKED
    (f,) = [f for f in d.findings if f.rule_id == "evidence.unsubstantiated_claim"]
    assert "add it to the claims library with a reference, or remove it" in f.message.lower()
    assert d.content.text[f.start:f.end] == "The flu vaccine reduces the risk of flu by 90%."


def test_an_expired_claim_does_not_substantiate(brand: Brand, library: Path) -> None:
    d, _ = draft_sms(brand, "Whitening lightens teeth by up to 8 shades.", library)
    assert d.evidence.claims[0].status == "expired" and d.evidence.claims[0].claim_id == "OLD-1"
    assert "evidence.expired_claim" in {f.rule_id for f in d.findings} and d.status is Status.BLOCKED


def test_a_claim_approved_for_another_jurisdiction_does_not_substantiate(brand: Brand, library: Path) -> None:
    uk, _ = draft_sms(brand, "Most adults recover from flu within two weeks.", library, "uk")
    us, _ = draft_sms(brand, "Most adults recover from flu within two weeks.", library, "us")
    assert uk.evidence.claims[0].status == "unsubstantiated" and us.evidence.claims[0].status == "substantiated"


def test_without_a_library_every_factual_claim_blocks_and_the_prompt_forbids_them(brand: Brand) -> None:
    d, provider = draft_sms(brand, "Our flu jab is safe and effective for adults.", None)
    assert [n.status for n in d.evidence.claims] == ["unsubstantiated"] and d.status is Status.BLOCKED
    assert "Make no factual claims" in provider.requests[0]["messages"][0]["content"]
    assert d.evidence.provenance.claims_library is None


def test_a_substantiated_statistic_clears_the_proof_claim_warning(brand: Brand, library: Path) -> None:
    text = "RiversideHC: The flu vaccine reduces the risk of flu by 40 to 60%. Reply STOP to opt out"
    plain = check(text, platform="sms", brand=brand)
    assert "claims.proof_claim" in {f.rule_id for f in plain.findings}
    with_library = check(text, platform="sms", brand=brand, claims=library)
    assert "claims.proof_claim" not in {f.rule_id for f in with_library.findings} and with_library.status is Status.PASS


def test_required_elements_and_provenance_are_noted(brand: Brand, library: Path) -> None:
    d, _ = draft_sms(brand, "Flu clinics run every Saturday in November.", library)
    required = {n.rule_id: n for n in d.evidence.required}
    assert required["sms.opt_out"].text.startswith("Reply STOP") and required["sms.opt_out"].citation
    assert d.content.text[required["sms.opt_out"].start:required["sms.opt_out"].end] == required["sms.opt_out"].text
    assert required["sms.sender_id"].text.startswith("RiversideHC")
    p = d.evidence.provenance
    assert p.packs["evidence"] == 1 and p.provider == "fake" and p.model == "fake-model" and p.template == "sms.j2"
    assert len(p.template_hash) == 16 and p.claims_library == str(library) and p.claims_in_library == 3


def test_finds_claims_of_each_kind_and_leaves_plain_sentences() -> None:
    kinds = {c.text: c.kinds for c in find_claims(
        "Studies show it works. 9 in 10 patients agree. It is gentle and safe. Faster than braces. "
        "Open Saturdays 9am to 12pm. Book today.")}
    assert kinds == {"Studies show it works.": ("study",), "9 in 10 patients agree.": ("statistic",),
                     "It is gentle and safe.": ("safety",), "Faster than braces.": ("comparison",)}


@pytest.mark.parametrize("text", ["Stay safe this winter.", "Keep your medicines in a safe place.",
                                  "Wash your hands to keep others safe.", "Book online today."])
def test_advice_is_not_a_claim(text: str) -> None:
    assert find_claims(text) == []


def test_check_cli_takes_a_claims_library(tmp_path: Path, library: Path) -> None:
    copy = tmp_path / "sms.txt"
    copy.write_text("RiversideHC: The flu vaccine reduces the risk of flu by 90%. Reply STOP to opt out", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(copy), "-p", "sms", "--brand", str(EXAMPLE_BRAND), "--claims",
                                      str(library), "--format", "json"])
    assert result.exit_code == 1 and "evidence.unsubstantiated_claim" in result.output


# ---- loading the library --------------------------------------------------------------------------


def test_csv_library_with_bom_and_header_spellings(tmp_path: Path) -> None:
    p = tmp_path / "claims.csv"
    p.write_bytes("\ufeffClaim ID,Claim,Reference,Jurisdiction,Expiry date\n"
                  "C1,Fluoride varnish reduces tooth decay in children,Cochrane 2013,UK;US,2031-05-01\n\n".encode())
    lib = load_claims(p)
    (c,) = lib.claims
    assert (c.id, c.reference, [j.value for j in c.jurisdictions], c.expires) == ("C1", "Cochrane 2013", ["uk", "us"], date(2031, 5, 1))


def test_one_error_lists_every_bad_row(tmp_path: Path) -> None:
    p = tmp_path / "claims.csv"
    p.write_text("id,wording,reference,expires\nC1,Good claim here,Ref 1,\n,No id,Ref 2,\nC3,Bad date,Ref 3,31/02/2030\n"
                 "C1,Duplicate,Ref 4,\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_claims(p)
    msg = str(e.value)
    assert "row 3" in msg and "row 4" in msg and "row 5" in msg and "duplicate claim id 'C1'" in msg and "row 2" not in msg


def test_non_utf8_and_missing_files_are_clear_errors(tmp_path: Path) -> None:
    p = tmp_path / "claims.csv"
    p.write_bytes("id,wording,reference\nC1,Caf\xe9 claim,Ref\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_claims(p)
    with pytest.raises(InputError, match="not found"):
        load_claims(tmp_path / "nope.yaml")
    result = CliRunner().invoke(app, ["draft", "Flu jabs", "--claims", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2 and "not found" in result.output and "Traceback" not in result.output
