"""Email: a subject, a preheader and a plain-text body; copygen adds the unsubscribe line and a footer with the
practice's name, postal address and contact details from the brand profile."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from ..brand import DEFAULT_DISCLAIMER, Brand
from ..guardrails.engine import Context
from ..kinds import Platform
from ..models import Brief, Finding, Model
from .base import Channel, Fixer, Highlight, fit_field, object_schema, string_field
from .text import UNSUBSCRIBE_WORDS, clean_text, sentence_fit, trim_cut, without_frame

SUBJECT_WARN, SUBJECT_MAX = 50, 60
PREHEADER_MIN, PREHEADER_MAX = 40, 100
BODY_MAX, CTA_MAX = 700, 60


class EmailContent(Model):
    kind: Literal["email"] = "email"
    subject: str
    preheader: str
    body: str
    cta: str
    unsubscribe: str  # from the brand profile
    footer: str  # sender name and postal address, from the brand profile
    text: str  # the plain-text email as sent: body, call to action, unsubscribe line, footer

    def fields(self) -> dict[str, str]:
        return {"subject": self.subject, "preheader": self.preheader, "body": self.text}


def footer(brand: Brand) -> str:
    who = ", ".join(p for p in (brand.practice_name, brand.postal_address) if p)
    contact = " | ".join(p for p in (brand.phone, brand.website) if p)
    return "\n".join(p for p in (brand.disclaimer, who, contact) if p)


def _text(c: EmailContent) -> str:
    return "\n\n".join(p for p in (c.body, c.cta, c.unsubscribe, c.footer) if p)


def _unsubscribe(c: EmailContent, brand: Brand, ctx: Context, findings: list[Finding]) -> EmailContent | None:
    if not brand.unsubscribe:
        return None
    new = c.model_copy(update={"unsubscribe": brand.unsubscribe})
    return new.model_copy(update={"text": _text(new)})


def _footer_line(line_of: Callable[[Brand], str | None]) -> Fixer:
    """A fix that adds the brand's line (`line_of(brand)`) to the footer."""
    def fix(c: EmailContent, brand: Brand, ctx: Context, findings: list[Finding]) -> EmailContent | None:
        line = line_of(brand)
        if not line or line in c.footer:
            return None
        new = c.model_copy(update={"footer": "\n".join(p for p in (c.footer, line) if p)})
        return new.model_copy(update={"text": _text(new)})
    return fix


def _postal(brand: Brand) -> str | None:
    return ", ".join(p for p in (brand.practice_name, brand.postal_address) if p) if brand.postal_address else None


class Email(Channel):
    platform = Platform.EMAIL
    unit = "characters"
    limits = (
        ("subject", f"{SUBJECT_WARN} characters or fewer (warn above), {SUBJECT_MAX} at most"),
        ("preheader", f"{PREHEADER_MIN}-{PREHEADER_MAX} characters, not a repeat of the subject"),
        ("required", "unsubscribe line; sender's postal address; subject that matches the body"),
    )
    content = EmailContent
    max_tokens = 600
    headers = {"subject": "subject", "preheader": "preheader", "preview": "preheader", "body": "body"}
    main_field_missing = "An email to check needs a body: put it after a 'Body:' line or after the Subject line"
    fixes = {"unsubscribe_from_brand": _unsubscribe, "postal_address_from_brand": _footer_line(_postal),
             "disclaimer_from_brand": _footer_line(lambda brand: brand.disclaimer or DEFAULT_DISCLAIMER),
             "fit_subject": fit_field("subject", SUBJECT_MAX), "fit_preheader": fit_field("preheader", PREHEADER_MAX)}

    def schema(self, brief: Brief, brand: Brand) -> dict[str, Any]:
        return object_schema({"subject": string_field(SUBJECT_MAX, 10),  # over 50 warns; a cut subject reads broken
                              "preheader": string_field(PREHEADER_MAX, PREHEADER_MIN),
                              "body": string_field(BODY_MAX, 80), "cta": string_field(CTA_MAX, 5)})

    def assemble(self, creative: dict[str, Any], brief: Brief, brand: Brand) -> EmailContent:
        subject = sentence_fit(clean_text(trim_cut(str(creative["subject"]), SUBJECT_MAX), brand), SUBJECT_MAX)
        preheader = sentence_fit(clean_text(trim_cut(str(creative["preheader"]), PREHEADER_MAX), brand), PREHEADER_MAX)
        frame = UNSUBSCRIBE_WORDS if brand.unsubscribe else None
        body = without_frame(clean_text(trim_cut(str(creative["body"]), BODY_MAX), brand), frame)
        cta = without_frame(clean_text(trim_cut(str(creative["cta"]), CTA_MAX), brand), frame)
        foot = footer(brand)
        text = "\n\n".join(p for p in (body, cta, brand.unsubscribe, foot) if p)
        return EmailContent(subject=subject, preheader=preheader, body=body, cta=cta,
                            unsubscribe=brand.unsubscribe, footer=foot, text=text)

    def sections(self, content: EmailContent) -> list[tuple[str, str]]:
        return [("Subject", content.subject), ("Preheader", content.preheader), ("Body", content.text)]

    def card(self, draft: Any, highlight: Highlight) -> dict[str, Any]:
        return {"subject": highlight("subject"), "preheader": highlight("preheader"), "body": highlight("body")}


CHANNEL = Email()
