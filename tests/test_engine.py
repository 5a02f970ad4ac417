"""The rule engine and rule packs: loading, self-tests, scoping, offsets and determinism."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copygen import Severity, check
from copygen.errors import RulePackError
from copygen.guardrails.loading import load_pack_file, load_packs

GOOD_PACK = """\
pack: house
version: 2
description: House style.
rules:
  - id: no_cheap
    kind: pattern
    severity: warn
    message: "Avoid '{match}'."
    reason: Cheap sounds careless.
    citation: House style guide 1.2
    patterns: ['\\bcheap\\w*']
    examples:
      positive: ["cheap whitening"]
      negative: ["affordable whitening"]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / f"{name}.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_builtin_packs_load_and_pass_their_examples() -> None:
    packs = load_packs()
    names = {p.pack for p in packs}
    assert {"claims", "sms", "email", "tiktok", "quality"} <= names
    assert sum(len(p.rules) for p in packs) >= 35


def test_user_pack_adds_rules(tmp_path: Path) -> None:
    pack = write(tmp_path, "house", GOOD_PACK)
    report = check("Cheapest whitening in town", platform="sms", packs=[str(pack)])
    f = next(f for f in report.findings if f.rule_id == "house.no_cheap")
    assert f.severity is Severity.WARN and f.match == "Cheapest" and report.packs["house"] == 2


@pytest.mark.parametrize("mutation,expected", [
    (("severity: warn", "severity: warn\n    colour: red"), "colour"),  # unknown key
    (("patterns: ['\\bcheap\\w*']", "patterns: ['(cheap']"), "bad regular expression"),
    (('negative: ["affordable whitening"]', 'negative: ["cheap smiles"]'), "fires on its negative"),
    (('positive: ["cheap whitening"]', 'positive: ["pricey whitening"]'), "does not fire on its positive"),
    (("pack: house", "pack: other"), "must equal the file name"),
    (("kind: pattern", "kind: telepathy"), "kind"),
])
def test_bad_packs_are_rejected_at_load(tmp_path: Path, mutation: tuple[str, str], expected: str) -> None:
    old, new = mutation
    assert old in GOOD_PACK
    path = write(tmp_path, "house", GOOD_PACK.replace(old, new))
    with pytest.raises(RulePackError, match=expected) as err:
        load_pack_file(path)
    assert str(path) in str(err.value)


def test_disable_switches_a_rule_off() -> None:
    text = "Guaranteed results. Reply STOP to opt out"
    assert "claims.guarantee" in {f.rule_id for f in check(text, platform="sms").findings}
    assert "claims.guarantee" not in {f.rule_id for f in check(text, platform="sms", disable=["claims.guarantee"]).findings}
    with pytest.raises(RulePackError, match="unknown rule"):
        check(text, platform="sms", disable=["claims.no_such_rule"])


def test_rules_apply_only_to_their_platform_and_jurisdiction() -> None:
    email_us = {f.rule_id for f in check({"subject": "Hi", "preheader": "", "body": "Flu shots."},
                                         platform="email", jurisdiction="us").findings}
    email_uk = {f.rule_id for f in check({"subject": "Hi", "preheader": "", "body": "Flu shots."},
                                         platform="email", jurisdiction="uk").findings}
    assert "email.postal_address" in email_us and "email.postal_address" not in email_uk
    assert not any(r.startswith("sms.") for r in email_us)


PHRASES = ["cures", "100% safe", "guaranteed", "painless", "the best clinic", "Botox", "hurry", "clinically proven",
           "specialist", "no cure", "Reply STOP", "“smart”", "—", "😀", "[Name]", "immune boost", "99%", "treats eczema",
           "Sarah", "07911 123456", "DOB 01/02/1950", "aged 94", "12 Oak Road", "LS6 2AB", "your test results"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PHRASES), st.text(min_size=0, max_size=12)), max_size=12),
       st.sampled_from(["sms", "email", "tiktok"]), st.sampled_from(["uk", "us"]))
def test_offsets_are_exact_and_results_deterministic(parts: list[str], platform: str, jur: str) -> None:
    text = " ".join(parts)
    first = check(text, platform=platform, jurisdiction=jur)
    assert first == check(text, platform=platform, jurisdiction=jur)
    fields = {"sms": "text", "email": "body", "tiktok": "caption"}
    for f in first.findings:
        if f.start is not None:
            assert f.end is not None and 0 <= f.start < f.end <= len(text)
            if f.rule_id.startswith("phi."):  # PHI is masked: same length, first and last characters kept
                assert len(f.match) == f.end - f.start and "•" in f.match and text[f.start] == f.match[0]
            else:
                assert text[f.start:f.end] == f.match
            assert f.field == fields[platform]


@pytest.mark.parametrize("text, repeated", [
    ("RiversideHC: Flu clinics every Saturday. Reply STOP to opt out. Reply STOP to opt out", "Reply STOP to opt out"),
    ("RiversideHC: Walk in on Saturday. reply stop to opt out. Questions? Reply STOP to opt out", "reply stop to opt out"),
    ("RiversideHC: Flu clinics every Saturday. Reply STOP to opt out", None),
    ("RiversideHC: We never stop caring. Reply STOP to opt out", None),
])
def test_an_opt_out_sent_twice_blocks_and_one_passes(text: str, repeated: str | None) -> None:
    report = check(text, platform="sms")
    found = [f for f in report.findings if f.rule_id == "quality.repeated_mechanical"]
    if repeated is None:
        assert not found and report.status.value == "pass", report.findings
    else:
        assert [text[f.start:f.end] for f in found] == [repeated] and report.status.value == "blocked"


@pytest.mark.parametrize("text, blocked", [
    ("RiversideHC: Bring your card and take it to your next appointment with your Reply STOP to opt out", True),
    ("RiversideHC: Flu clinics run every Saturday in November and Reply STOP to opt out", True),
    ("RiversideHC: Flu clinics run every Saturday in November. Reply STOP to opt out", False),
])
def test_an_sms_cut_mid_sentence_is_not_a_pass(text: str, blocked: bool) -> None:
    ids = {f.rule_id for f in check(text, platform="sms").findings}
    assert ("quality.unfinished_sentence" in ids) is blocked


@pytest.mark.parametrize("fields, blocked", [
    ({"subject": "Flu vaccination clinic every Saturday in", "preheader": "Walk in, no booking", "body": "Flu jabs."}, True),
    ({"subject": "Flu vaccination clinic every Saturday", "preheader": "Book your jab with", "body": "Flu jabs."}, True),
    ({"subject": "Flu vaccination clinic every Saturday", "preheader": "Drop in", "body": "Flu jabs."}, False),
])
def test_an_email_line_that_breaks_off_mid_phrase_is_not_a_pass(fields: dict[str, str], blocked: bool) -> None:
    ids = {f.rule_id for f in check(fields, platform="email").findings}
    assert ("quality.unfinished_line" in ids) is blocked
