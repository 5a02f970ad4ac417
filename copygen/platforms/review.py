"""Review reply: the practice's public answer to a review on Google, Facebook, Yelp or Trustpilot. The brief's
topic is the review. A reply thanks the reviewer without confirming that they are a patient, names no
treatment, visit or detail of theirs, and takes anything specific offline: copygen adds a line with the
practice's phone number or email address from the brand profile."""

from __future__ import annotations

from typing import Any, Literal

from ..brand import Brand
from ..guardrails.engine import Context
from ..kinds import Platform
from ..models import Brief, Finding, Model
from .base import Channel, Highlight, object_schema, string_field
from .text import clean_text, trim_cut

REPLY_MAX = 4096  # characters in an owner's reply on Google Business Profile
WRITTEN_MAX = 400  # what the model may write: a reply is a few sentences


class ReviewContent(Model):
    kind: Literal["review"] = "review"
    body: str  # written by the model
    contact: str  # from the brand profile: where to take anything specific
    text: str  # the reply as posted: body, then the contact line

    def fields(self) -> dict[str, str]:
        return {"reply": self.text}


def contact_line(brand: Brand) -> str:
    """Where the reviewer can talk to the practice in private, from the brand profile."""
    ways = " or ".join(p for p in (f"call us on {brand.phone}" if brand.phone else "",
                                   f"email {brand.email}" if brand.email else "") if p)
    return f"If there is anything you would like to talk through, please {ways}." if ways else ""


def _contact(c: ReviewContent, brand: Brand, ctx: Context, findings: list[Finding]) -> ReviewContent | None:
    line = contact_line(brand)
    if not line or line in c.text:
        return None
    return c.model_copy(update={"contact": line, "text": f"{c.body} {line}".strip()})


class Review(Channel):
    platform = Platform.REVIEW
    unit = "characters"
    limits = (
        ("reply", f"{REPLY_MAX} characters at most (Google Business Profile owner replies)"),
        ("never", "confirm the reviewer is a patient, or name their treatment, visit, condition or any detail"),
        ("required", "a way to talk in private: the practice's phone number or email address"),
    )
    content = ReviewContent
    max_tokens = 200
    fixes = {"contact_from_brand": _contact}
    headers = {"reply": "reply", "response": "reply"}

    def schema(self, brief: Brief, brand: Brand) -> dict[str, Any]:
        return object_schema({"reply": string_field(WRITTEN_MAX, 30)})

    def prompt_values(self, brief: Brief, brand: Brand) -> dict[str, Any]:
        return {"budget": WRITTEN_MAX}

    def assemble(self, creative: dict[str, Any], brief: Brief, brand: Brand) -> ReviewContent:
        body = clean_text(trim_cut(str(creative["reply"]), WRITTEN_MAX), brand)
        line = contact_line(brand)
        return ReviewContent(body=body, contact=line, text=f"{body} {line}".strip())

    def sections(self, content: ReviewContent) -> list[tuple[str, str]]:
        return [("Reply", content.text)]

    def card(self, draft: Any, highlight: Highlight) -> dict[str, Any]:
        return {"reply": highlight("reply"), "measure": draft.measurements.get("reply")}


CHANNEL = Review()
