"""Deterministic repairs: the fixes copygen makes without a model call, each recorded with its rule,
field, before and after.

`mechanical` answers findings whose fix is known (append the opt-out, unsubscribe line, postal address,
disclaimer or ad label from the brand profile; swap characters that force UCS-2 when that saves a segment;
shorten at a sentence boundary). `drop_sentences` is the last resort after model repair: it removes the
sentences that hold blocking findings, when what is left still reads as a message.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .brand import DEFAULT_DISCLAIMER, Brand
from .errors import RulePackError
from .guardrails import sms
from .guardrails.engine import Context, Engine
from .models import EmailContent, Finding, Fix, Report, Severity, SmsContent, TikTokContent
from .platforms import CAPTION_API_MAX, MAX_HASHTAGS, PREHEADER_MAX, SUBJECT_MAX, sentence_fit

Content = SmsContent | EmailContent | TikTokContent


def _sms_text(c: SmsContent) -> str:
    prefix = f"{c.sender}: " if c.sender else ""
    return f"{prefix}{c.body}{' ' + c.opt_out if c.opt_out else ''}"


def _sms_segments(c: Content, brand: Brand, ctx: Context) -> Content | None:
    assert isinstance(c, SmsContent)
    body = c.body
    swapped = sms.to_gsm7(body)
    if swapped != body and sms.count(_sms_text(c.model_copy(update={"body": swapped}))).segments < sms.count(c.text).segments:
        body = swapped  # the swap saves a segment
    if sms.count(_sms_text(c.model_copy(update={"body": body}))).segments > ctx.max_segments:
        gsm = sms.count(_sms_text(c.model_copy(update={"body": body}))).encoding == "GSM-7"
        capacity = sms.capacity(ctx.max_segments, gsm)
        frame = _sms_text(c.model_copy(update={"body": ""}))
        frame_units = sms.count(frame).units if gsm else len(frame.encode("utf-16-le")) // 2
        body = sms.fit(body, max(0, capacity - frame_units))
    if body == c.body or not body.strip():
        return None
    new = c.model_copy(update={"body": body})
    return new.model_copy(update={"text": _sms_text(new)})


def _sms_from_brand(part: str) -> Callable[[Content, Brand, Context], Content | None]:
    """A fix that puts the brand's `part` (opt_out or sender) back into the message frame."""
    def fix(c: Content, brand: Brand, ctx: Context) -> Content | None:
        assert isinstance(c, SmsContent)
        value = getattr(brand, part)
        if not value:
            return None
        new = c.model_copy(update={part: value})
        return new.model_copy(update={"text": _sms_text(new)})
    return fix


def _email_text(c: EmailContent) -> str:
    return "\n\n".join(p for p in (c.body, c.cta, c.unsubscribe, c.footer) if p)


def _email_unsubscribe(c: Content, brand: Brand, ctx: Context) -> Content | None:
    assert isinstance(c, EmailContent)
    if not brand.unsubscribe:
        return None
    new = c.model_copy(update={"unsubscribe": brand.unsubscribe})
    return new.model_copy(update={"text": _email_text(new)})


def _email_footer_line(line: str | None) -> Callable[[Content, Brand, Context], Content | None]:
    def fix(c: Content, brand: Brand, ctx: Context) -> Content | None:
        assert isinstance(c, EmailContent)
        if not line or line in c.footer:
            return None
        new = c.model_copy(update={"footer": "\n".join(p for p in (c.footer, line) if p)})
        return new.model_copy(update={"text": _email_text(new)})
    return fix


def _email_postal(c: Content, brand: Brand, ctx: Context) -> Content | None:
    who = ", ".join(p for p in (brand.practice_name, brand.postal_address) if p) if brand.postal_address else None
    return _email_footer_line(who)(c, brand, ctx)


def _email_disclaimer(c: Content, brand: Brand, ctx: Context) -> Content | None:
    return _email_footer_line(brand.disclaimer or DEFAULT_DISCLAIMER)(c, brand, ctx)


def _fit_field(name: str, limit: int) -> Callable[[Content, Brand, Context], Content | None]:
    def fix(c: Content, brand: Brand, ctx: Context) -> Content | None:
        value = getattr(c, name)
        short = sentence_fit(value, limit)
        return c.model_copy(update={name: short}) if short != value and short.strip() else None
    return fix


def _tiktok_disclosure(c: Content, brand: Brand, ctx: Context) -> Content | None:
    assert isinstance(c, TikTokContent)
    if not brand.ad_label:
        return None
    return c.model_copy(update={"ad_disclosure": brand.ad_label, "caption": f"{brand.ad_label} {c.caption}"})


def _tiktok_hashtags(c: Content, brand: Brand, ctx: Context) -> Content | None:
    assert isinstance(c, TikTokContent)
    tags = re.findall(r"(?<!\w)#\w+", c.caption)
    extra = tags[MAX_HASHTAGS:]
    if not extra:
        return None
    caption = c.caption
    for tag in extra:  # drop the surplus from the end
        i = caption.rfind(tag)
        caption = (caption[:i].rstrip() + " " + caption[i + len(tag):].lstrip()).strip()
    return c.model_copy(update={"caption": caption, "hashtags": [t for t in c.hashtags if t not in extra]})


def _drop_marked_hashtags(c: Content, findings: list[Finding]) -> Content | None:
    """The caption without the hashtags these findings mark (a worked example's tag on another topic, debris):
    a hashtag carries no claim and no sentence, so it goes without a word of the copy changing."""
    if not isinstance(c, TikTokContent):
        return None
    marked = {c.caption[f.start:f.end] for f in findings
              if f.field == "caption" and f.start is not None and c.caption[f.start:f.start + 1] == "#"}
    if not marked:
        return None
    caption = re.sub(r"\s*(?<!\w)#\w+", lambda m: "" if m.group(0).strip() in marked else m.group(0), c.caption).strip()
    return c.model_copy(update={"caption": caption, "hashtags": [t for t in c.hashtags if t not in marked
                                                                    and f"#{t.lstrip('#')}" not in marked]})


# The fixes a rule names in its pack (`fix: NAME`), each given the findings of that rule. Each returns new
# content, or None when it cannot help.
Fixer = Callable[[Content, Brand, Context, list[Finding]], Content | None]


def _whole(fn: Callable[[Content, Brand, Context], Content | None]) -> Fixer:
    """A fix that reads the content and the brand, not where the findings are."""
    return lambda c, brand, ctx, findings: fn(c, brand, ctx)


FIXES: dict[str, Fixer] = {
    "fit_sms_segments": _whole(_sms_segments),
    "opt_out_from_brand": _whole(_sms_from_brand("opt_out")),
    "sender_from_brand": _whole(_sms_from_brand("sender")),
    "unsubscribe_from_brand": _whole(_email_unsubscribe),
    "postal_address_from_brand": _whole(_email_postal),
    "fit_subject": _whole(_fit_field("subject", SUBJECT_MAX)),
    "fit_preheader": _whole(_fit_field("preheader", PREHEADER_MAX)),
    "disclaimer_from_brand": _whole(_email_disclaimer),
    "ad_label_from_brand": _whole(_tiktok_disclosure),
    "trim_hashtags": _whole(_tiktok_hashtags),
    "fit_caption": _whole(_fit_field("caption", CAPTION_API_MAX)),
    "drop_marked_hashtags": lambda c, brand, ctx, findings: _drop_marked_hashtags(c, findings),
}


def fixes_of(engine: Engine) -> dict[str, str]:
    """Rule id -> the name of the fix its pack gives it; an unknown name is the pack's error."""
    named = {cr.full_id: cr.rule.fix for cr in engine.rules if cr.rule.fix is not None}
    unknown = sorted(f"{rule_id}: {name}" for rule_id, name in named.items() if name not in FIXES)
    if unknown:
        raise RulePackError(f"unknown fix named by {', '.join(unknown)} (known: {', '.join(sorted(FIXES))})")
    return named


def changes(before: Content, after: Content, answered: list[Finding], how: str, round_: int) -> list[Fix]:
    """One Fix per field that changed, naming the findings it answered in that field (else all of them)."""
    b, a = before.fields(), after.fields()
    out = []
    for name in b:
        if b[name] == a.get(name, ""):
            continue
        here = [f for f in answered if f.field == name] or answered
        out.append(Fix(rule_id=", ".join(sorted({f.rule_id for f in here})), field=name, how=how,  # type: ignore[arg-type]
                       round=round_, before=b[name], after=a.get(name, ""), matched=[f.match for f in here if f.match]))
    return out


def mechanical(content: Content, report: Report, engine: Engine, ctx: Context, brand: Brand,
               round_: int = 0) -> tuple[Content, Report, list[Fix]]:
    """Apply the known fix for each finding that has one, keeping a fix only when the re-check has fewer
    findings of its rule and no new blocking finding."""
    fixes: list[Fix] = []
    tried: set[str] = set()
    named = fixes_of(engine)
    while True:
        pending = [f for f in report.findings if f.rule_id in named and f.rule_id not in tried
                   and f.severity is not Severity.INFO]
        if not pending:
            return content, report, fixes
        rule_id = pending[0].rule_id
        tried.add(rule_id)
        new = FIXES[named[rule_id]](content, brand, ctx, [f for f in report.findings if f.rule_id == rule_id])
        if new is None:
            continue
        new_report = engine.check(new.fields(), ctx)
        if _count(new_report, rule_id) < _count(report, rule_id) and len(new_report.blocking()) <= len(report.blocking()):
            fixes += changes(content, new, [f for f in report.findings if f.rule_id == rule_id], "deterministic", round_)
            content, report = new, new_report


def _count(report: Report, rule_id: str) -> int:
    return sum(f.rule_id == rule_id for f in report.findings)


# ---- last resort: drop the sentences that hold blocking findings -----------------------------------

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def _without(value: str, offending: str) -> str:
    kept = [m.group(0) for m in _SENTENCE.finditer(value) if offending not in m.group(0)]
    return re.sub(r"\s{2,}", " ", "".join(kept)).strip()


def drop_sentences(creative: dict, report: Report, fields: dict[str, str]) -> dict | None:
    """The model's creative fields without the sentences that hold blocking findings; None when a field
    would be left empty or nothing could be located."""
    offending = [(f, fields.get(f.field, "")[f.start:f.end]) for f in report.blocking()
                 if f.start is not None and f.end is not None]
    if not offending or len(offending) != len(report.blocking()):
        return None  # a whole-field problem (length, a missing element) is not fixed by dropping a sentence

    def walk(value: object) -> object:
        if isinstance(value, str):
            out = value
            for _, text in offending:
                if text and text in out:
                    out = _without(out, text)
            return out
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    new = walk(creative)
    assert isinstance(new, dict)
    if new == creative or _has_empty(new):
        return None
    return new


def _has_empty(value: object) -> bool:
    if isinstance(value, str):
        return len(value.strip()) < 3
    if isinstance(value, list):
        return any(_has_empty(v) for v in value)
    if isinstance(value, dict):
        return any(_has_empty(v) for v in value.values())
    return False


def findings_brief(report: Report) -> str:
    """What a repair round tells the model: each failing span and what its rule requires."""
    lines = []
    for f in report.findings:
        if f.severity is Severity.INFO:
            continue
        where = f' "{f.match}"' if f.match else ""
        fix = f" Required: {f.suggestion}" if f.suggestion else ""
        lines.append(f"- [{f.severity.value}] {f.field}{where}: {f.message}{fix}")
    return "\n".join(lines)
