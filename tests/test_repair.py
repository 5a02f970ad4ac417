"""Guardrails in the loop: deterministic fixes, bounded model repair, the last-resort sentence drop, and
never a false pass."""

from __future__ import annotations

import pytest
from conftest import FakeProvider
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from copygen import Brief, Platform, Status, check_draft, generate, repair
from copygen.api import engine
from copygen.brand import Brand
from copygen.config import Settings
from copygen.models import Severity
from copygen.pipeline import context_for
from copygen.platforms.email import EmailContent
from copygen.platforms.sms import SmsContent
from copygen.platforms.tiktok import TikTokContent

NOTES = "Every Saturday in November; walk in between 9am and 12pm, no appointment needed."
CLEAN = {"message": "Flu clinics run every Saturday in November. Walk in between 9am and 12pm."}
BAD = {"message": "Guaranteed results in one visit. Flu clinics run every Saturday in November."}
ONLY_BAD = {"message": "Guaranteed results and completely painless jabs for everyone."}


def run(brand: Brand, replies: list, rounds: int = 2, **brief: object) -> tuple[list, FakeProvider]:
    provider = FakeProvider(replies)
    drafts = generate(Brief(topic="Saturday flu clinics", notes=NOTES, platforms=[Platform.SMS], **brief), brand=brand,
                      settings=Settings(repair_rounds=rounds), provider=provider)
    return drafts, provider


def test_a_repair_round_sends_only_the_failing_spans_and_fixes_the_draft(brand: Brand) -> None:
    (draft,), provider = run(brand, [BAD, CLEAN])
    assert draft.status is Status.PASS and draft.repair_rounds == 1 and draft.model_calls == 2
    ask = provider.requests[1]["messages"][-1]["content"]
    assert '"Guaranteed"' in ask and "promises a result" in ask  # the span and what the rule says
    assert "Flu clinics run every Saturday" not in ask.split("\n", 1)[1]  # passing text is not listed
    (fix,) = [f for f in draft.fixes if f.how == "model"]
    assert "claims.guarantee" in fix.rule_id and fix.field == "text" and fix.round == 1 and "Guaranteed" in fix.matched
    assert "Guaranteed" in fix.before and "Guaranteed" not in fix.after


def test_repair_stops_when_a_round_does_not_help_and_drops_the_offending_sentence(brand: Brand) -> None:
    (draft,), provider = run(brand, [BAD, BAD, CLEAN])
    assert len(provider.requests) == 2  # the second round never ran: the first did not reduce the blocking findings
    assert draft.status is Status.PASS
    (fix,) = [f for f in draft.fixes if f.how == "removed"]
    assert "claims.guarantee" in fix.rule_id and "Guaranteed" in fix.before and "Guaranteed" not in fix.after
    assert draft.content.body == "Flu clinics run every Saturday in November."


def test_what_cannot_be_fixed_is_blocked_with_its_findings(brand: Brand) -> None:
    (draft,), provider = run(brand, [ONLY_BAD, ONLY_BAD])
    assert draft.status is Status.BLOCKED and len(provider.requests) == 2
    assert {"claims.guarantee", "claims.absolute_safety"} <= {f.rule_id for f in draft.findings}
    assert all(f.message and f.citation for f in draft.findings if f.severity is Severity.BLOCK)


def test_rounds_are_bounded(brand: Brand) -> None:
    bad = ["Completely painless.", "Totally risk-free.", "No side effects at all."]
    worse = [{"message": "Guaranteed results. " + " ".join(bad[:k]) + " Book now."} for k in (3, 2, 1, 0)]
    (draft,), provider = run(brand, worse, rounds=2)
    assert len(provider.requests) == 3 and draft.repair_rounds == 2  # 1 draft + 2 rounds, though still blocked


def test_zero_rounds_makes_one_call(brand: Brand) -> None:
    (draft,), provider = run(brand, [ONLY_BAD], rounds=0)
    assert len(provider.requests) == 1 and draft.status is Status.BLOCKED


def test_the_token_budget_stops_repair(brand: Brand) -> None:
    provider = FakeProvider([BAD, CLEAN])
    (draft,) = generate(Brief(topic="Saturday flu clinics", notes=NOTES, platforms=[Platform.SMS]), brand=brand,
                        settings=Settings(repair_rounds=2, token_budget=0), provider=provider)
    assert len(provider.requests) == 1 and draft.repair_rounds == 0


# ---- deterministic fixes, no model call -------------------------------------------------------------


def _fix(content, brand: Brand, platform: Platform, **brief: object):  # noqa: ANN001, ANN202
    eng = engine()
    ctx = context_for(Brief(**{"topic": "Saturday flu clinics", "notes": NOTES, **brief}, platforms=[platform]), brand, platform)
    report = eng.check(content.fields(), ctx)
    return repair.mechanical(content, report, eng, ctx, brand), report


def test_missing_opt_out_and_sender_are_added_from_the_brand(brand: Brand) -> None:
    sms = SmsContent(body="Flu clinics every Saturday.", sender="", opt_out="", text="Flu clinics every Saturday.")
    (content, report, fixes), before = _fix(sms, brand, Platform.SMS)
    assert {"sms.opt_out", "sms.sender_id"} <= {f.rule_id for f in before.findings}
    assert content.text == "RiversideHC: Flu clinics every Saturday. Reply STOP to opt out"
    assert {f.rule_id for f in fixes} == {"sms.opt_out", "sms.sender_id"} and all(f.how == "deterministic" for f in fixes)
    assert not report.blocking()


def test_a_character_forcing_ucs2_is_swapped_when_that_saves_a_segment(brand: Brand) -> None:
    body = "Flu clinics run every Saturday in November – walk in between 9am and 12pm, no booking needed, at both sites."
    sms = SmsContent(body=body, sender="RiversideHC", opt_out=brand.opt_out,
                     text=f"RiversideHC: {body} {brand.opt_out}")
    (content, report, fixes), before = _fix(sms, brand, Platform.SMS)
    assert before.measurements["text"].encoding == "UCS-2" and before.measurements["text"].segments == 3
    assert report.measurements["text"].encoding == "GSM-7" and report.measurements["text"].segments == 1
    assert "–" not in content.text and "-" in content.body
    assert fixes[0].rule_id in ("sms.segments", "sms.encoding") and fixes[0].before == sms.text


def test_an_overlong_sms_is_cut_at_a_sentence_boundary(brand: Brand) -> None:
    body = "Flu clinics run every Saturday in November. " * 5
    sms = SmsContent(body=body.strip(), sender="RiversideHC", opt_out=brand.opt_out,
                     text=f"RiversideHC: {body.strip()} {brand.opt_out}")
    (content, report, fixes), _ = _fix(sms, brand, Platform.SMS)
    assert report.measurements["text"].segments == 1 and content.body.endswith("November.")


def test_email_unsubscribe_address_and_disclaimer_are_added(brand: Brand) -> None:
    body = "Our physiotherapists can assess back pain."
    email = EmailContent(subject="Back pain assessments at the clinic", preheader="Book an assessment with our physiotherapy team today",
                         body=body, cta="Book now", unsubscribe="", footer="", text=f"{body}\n\nBook now")
    (content, report, fixes), before = _fix(email, Brand(**{**brand.model_dump(), "disclaimer": "Not a substitute for medical advice."}), Platform.EMAIL,
                                   jurisdiction="us", topic="Back pain assessments with our physiotherapists")
    assert {"email.unsubscribe", "email.postal_address"} <= {f.rule_id for f in before.blocking()}
    assert brand.unsubscribe in content.text and brand.postal_address in content.text
    assert "Not a substitute for medical advice." in content.text
    assert not report.blocking() and {f.rule_id for f in fixes} >= {"email.unsubscribe", "email.postal_address"}


def test_sponsored_tiktok_gets_the_ad_label_when_missing(brand: Brand) -> None:
    tiktok = TikTokContent(duration=15, hook="Flu jabs this Saturday", beats=[], hashtags=["#flu"],
                           caption="Flu clinics every Saturday #flu")
    (content, report, fixes), before = _fix(tiktok, brand, Platform.TIKTOK, sponsored=True, duration=15)
    assert "tiktok.ad_disclosure" in {f.rule_id for f in before.findings}
    assert content.caption.startswith(brand.ad_label) and "tiktok.ad_disclosure" not in {f.rule_id for f in report.findings}


def test_a_worked_examples_hashtags_and_debris_are_dropped_from_the_caption(brand: Brand) -> None:
    tiktok = TikTokContent(duration=15, hook="Flu jabs this Saturday", beats=[],
                           hashtags=["#flu", "#dentalcare", "#schoolholidays", "#flu251760"],
                           caption="Flu clinics every Saturday #flu #dentalcare #schoolholidays #flu251760")
    (content, report, fixes), before = _fix(tiktok, brand, Platform.TIKTOK, duration=15)
    assert {"quality.example_echo", "quality.hashtag_garbage"} <= {f.rule_id for f in before.findings}
    assert content.caption == "Flu clinics every Saturday #flu" and content.hashtags == ["#flu"]
    assert not {"quality.example_echo", "quality.hashtag_garbage"} & {f.rule_id for f in report.findings}
    assert {f.rule_id for f in fixes} >= {"quality.example_echo"} and all(f.how == "deterministic" for f in fixes)


def test_a_fix_the_brand_cannot_supply_leaves_the_finding() -> None:
    sms = SmsContent(body="Flu clinics every Saturday.", sender="", opt_out="", text="Flu clinics every Saturday.")
    (content, report, fixes), _ = _fix(sms, Brand(opt_out=""), Platform.SMS)
    assert "sms.opt_out" in {f.rule_id for f in report.blocking()} and content == sms


# ---- never a false pass -------------------------------------------------------------------------------

SENTENCES = [
    "Flu clinics run every Saturday in November.", "Walk in between 9am and 12pm.", "Guaranteed results in one visit.",
    "Completely painless treatment.", "Studies show 9 in 10 patients feel better.", "Our team is here to help.",
    "Book a free consultation today.", "Call Dave on 07911 123456.", "Hurry, last chance!", "The jab is safe and effective.",
    "Botox consultations now open.", "Say hello to Margaret at reception.", "Bristol's leading dental practice.",
]
replies = st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(lambda s: {"message": " ".join(s)}),
                   min_size=3, max_size=3)


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=replies, jur=st.sampled_from(["uk", "us"]))
def test_a_passing_draft_passes_an_independent_check(brand: Brand, script: list, jur: str) -> None:
    provider = FakeProvider(script)
    brief = Brief(topic="Saturday flu clinics", notes=NOTES, platforms=[Platform.SMS], jurisdiction=jur)
    (draft,) = generate(brief, brand=brand, settings=Settings(), provider=provider)
    recheck = check_draft(draft, brand=brand, claims=[], brief=brief)
    assert recheck.findings == draft.findings and recheck.status == draft.status
    # Without the brief the check cannot see invented details, and finds nothing more than with it.
    assert {f.rule_id for f in check_draft(draft, brand=brand, claims=[]).findings} <= {f.rule_id for f in recheck.findings}
    if draft.status is not Status.BLOCKED:
        assert not [f for f in recheck.findings if f.severity is Severity.BLOCK]
    else:
        assert draft.findings and all(f.message for f in draft.findings)


def test_a_failed_repair_round_keeps_the_draft_already_made(brand: Brand) -> None:
    (draft,), provider = run(brand, [ONLY_BAD, "not json", "still not json"])
    assert draft.status is Status.BLOCKED and draft.repair_rounds == 1 and len(provider.requests) == 3
    assert "Guaranteed" in draft.content.body  # the first draft, with its findings, not an error


def test_each_fix_is_named_by_a_rule_in_its_pack_and_each_name_is_known() -> None:
    named = repair.fixes_of(engine())
    assert set(named.values()) == set(repair.FIXES)  # no fix is dead, none is missing
    assert named["sms.opt_out"] == "opt_out_from_brand" and named["quality.example_echo"] == "drop_marked_hashtags"


def test_a_pack_naming_an_unknown_fix_is_refused(tmp_path, brand: Brand) -> None:  # noqa: ANN001
    from copygen.errors import RulePackError
    from copygen.guardrails.engine import Engine
    from copygen.guardrails.loading import load_pack_file

    pack = tmp_path / "mine.yaml"
    pack.write_text("pack: mine\nversion: 1\ndescription: a test pack\nrules:\n  - id: shout\n    kind: pattern\n"
                    "    fix: make_it_quieter\n    severity: warn\n    message: shouting\n    reason: r\n    citation: c\n"
                    "    patterns: ['!!!']\n    examples: {positive: ['Book now!!!'], negative: ['Book now.']}\n",
                    encoding="utf-8")
    with pytest.raises(RulePackError, match="make_it_quieter"):
        repair.fixes_of(Engine([load_pack_file(pack)]))


def test_a_fix_record_shows_where_a_long_field_changed(brand: Brand) -> None:
    """A reviewer reads what a fix removed, even when it was at the end of a caption longer than the preview."""
    from copygen.drafts import Draft
    from copygen.models import Evidence
    from copygen.render import evidence_lines

    caption = "Flu clinics every Saturday in November, walk in between nine and twelve at our Mill Lane surgery"
    tiktok = TikTokContent(duration=15, hook="Flu jabs this Saturday", beats=[], hashtags=["#flu", "#dentalcare"],
                           caption=caption + " #flu #dentalcare")
    (content, _, fixes), _ = _fix(tiktok, brand, Platform.TIKTOK, duration=15)
    draft = Draft.model_construct(fixes=fixes, evidence=Evidence(), model_calls=0, repair_rounds=0)
    (line,) = [line for _, line in evidence_lines(draft) if "quality.example_echo" in line]
    before, after = line.split(": ", 1)[1].split(" -> ")
    assert "#dentalcare" in before and "#dentalcare" not in after and before != after
