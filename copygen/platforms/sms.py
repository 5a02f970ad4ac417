"""SMS: one message, counted in GSM-7 septets or UCS-2 code units and billed per segment; copygen puts the
sender in front and the opt-out after what the model writes."""

from __future__ import annotations

from typing import Any, Literal

from ..brand import Brand
from ..guardrails import sms
from ..guardrails.engine import Context
from ..kinds import Platform
from ..models import Brief, Finding, Model
from .base import Channel, Fixer, Highlight, object_schema, string_field
from .text import OPT_OUT_WORDS, clean_text, trim_cut, without_frame


class SmsContent(Model):
    kind: Literal["sms"] = "sms"
    body: str  # written by the model
    sender: str  # from the brand profile
    opt_out: str  # from the brand profile
    text: str  # the message as sent: sender, body, opt-out

    def fields(self) -> dict[str, str]:
        return {"text": self.text}


def frame(brand: Brand) -> tuple[str, str]:
    """The text copygen puts before and after the model's message."""
    prefix = f"{brand.sender}: " if brand.sender else ""
    return prefix, f" {brand.opt_out}" if brand.opt_out else ""


def body_budget(brief: Brief, brand: Brand) -> int:
    """GSM-7 septets left for the model's message once sender and opt-out are in place."""
    capacity = sms.capacity(brief.max_segments)
    prefix, suffix = frame(brand)
    used = sms.count(sms.to_gsm7(prefix + suffix)).units
    return max(40, capacity - used)


def _text(c: SmsContent) -> str:
    prefix = f"{c.sender}: " if c.sender else ""
    return f"{prefix}{c.body}{' ' + c.opt_out if c.opt_out else ''}"


def _fit_segments(c: SmsContent, brand: Brand, ctx: Context, findings: list[Finding]) -> SmsContent | None:
    body = c.body
    swapped = sms.to_gsm7(body)
    if swapped != body and sms.count(_text(c.model_copy(update={"body": swapped}))).segments < sms.count(c.text).segments:
        body = swapped  # the swap saves a segment
    if sms.count(_text(c.model_copy(update={"body": body}))).segments > ctx.max_segments:
        gsm = sms.count(_text(c.model_copy(update={"body": body}))).encoding == "GSM-7"
        capacity = sms.capacity(ctx.max_segments, gsm)
        frame_text = _text(c.model_copy(update={"body": ""}))
        frame_units = sms.count(frame_text).units if gsm else len(frame_text.encode("utf-16-le")) // 2
        body = sms.fit(body, max(0, capacity - frame_units))
    if body == c.body or not body.strip():
        return None
    new = c.model_copy(update={"body": body})
    return new.model_copy(update={"text": _text(new)})


def _from_brand(part: str) -> Fixer:
    """A fix that puts the brand's `part` (opt_out or sender) back into the message frame."""
    def fix(c: SmsContent, brand: Brand, ctx: Context, findings: list[Finding]) -> SmsContent | None:
        value = getattr(brand, part)
        if not value:
            return None
        new = c.model_copy(update={part: value})
        return new.model_copy(update={"text": _text(new)})
    return fix


class Sms(Channel):
    platform = Platform.SMS
    unit = "GSM-7 septets or UCS-2 code units, billed per segment"
    limits = (
        ("GSM-7, one segment", f"{sms.GSM7_SINGLE} septets"),
        ("GSM-7, per segment when concatenated", f"{sms.GSM7_MULTI} septets"),
        ("GSM-7 extension characters ^ { } \\ [ ] ~ | € form feed", "2 septets each"),
        ("UCS-2 (any character outside GSM-7), one segment", f"{sms.UCS2_SINGLE} code units"),
        ("UCS-2, per segment when concatenated", f"{sms.UCS2_MULTI} code units"),
        ("segment budget", "1 by default (--max-segments)"),
        ("required", "sender identification; opt-out (e.g. Reply STOP)"),
    )
    content = SmsContent
    max_tokens = 120
    headers = {"text": "text", "sms": "text", "message": "text"}
    fixes = {"fit_sms_segments": _fit_segments, "opt_out_from_brand": _from_brand("opt_out"),
             "sender_from_brand": _from_brand("sender")}

    def schema(self, brief: Brief, brand: Brand) -> dict[str, Any]:
        return object_schema({"message": string_field(body_budget(brief, brand), 20)})

    def prompt_values(self, brief: Brief, brand: Brand) -> dict[str, Any]:
        return {"budget": body_budget(brief, brand)}

    def assemble(self, creative: dict[str, Any], brief: Brief, brand: Brand) -> SmsContent:
        body = clean_text(trim_cut(sms.to_gsm7(str(creative["message"])), body_budget(brief, brand)), brand)
        body = without_frame(body, OPT_OUT_WORDS if brand.opt_out else None, brand.sender)
        prefix, suffix = frame(brand)
        capacity = sms.capacity(brief.max_segments)
        body = sms.fit(body, max(0, capacity - sms.count(prefix + suffix).units))
        return SmsContent(body=body, sender=brand.sender or "", opt_out=brand.opt_out, text=f"{prefix}{body}{suffix}")

    def sections(self, content: SmsContent) -> list[tuple[str, str]]:
        return [("SMS", content.text)]

    def card(self, draft: Any, highlight: Highlight) -> dict[str, Any]:
        return {"text": highlight("text"), "measure": draft.measurements.get("text")}


CHANNEL = Sms()
