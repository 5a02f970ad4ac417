"""What every platform module provides, and the pieces of a reply schema they share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..brand import Brand
from ..guardrails.engine import Context
from ..kinds import Platform
from ..models import Brief, Finding, Model
from .text import sentence_fit

# A deterministic fix a rule names in its pack (`fix: NAME`): given a draft's content, the brand, the check's
# context and the findings of that rule, new content, or None when it cannot help.
Fixer = Callable[[Any, Brand, Context, list[Finding]], Any]
# A stretch of a checked field, as HTML with the findings in it marked: (field, start, end) -> markup.
Highlight = Callable[..., Any]

# Creative text is plain prose: no brackets, braces, markup, hashes or @ (so no placeholders, links or handles).
# llama.cpp turns the pattern into a grammar; endpoints that ignore it still get the same limits checked.
PLAIN_CHARS = "A-Za-z0-9 ,.!?'():;/&%£$+-"


def string_field(max_length: int, min_length: int = 1) -> dict[str, Any]:
    """A creative field of the reply schema: plain prose within these lengths."""
    return {"type": "string", "minLength": min_length, "maxLength": max_length,
            "pattern": f"^[A-Za-z0-9][{PLAIN_CHARS}]{{{max(0, min_length - 1)},{max_length - 1}}}$"}


def object_schema(props: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


class Channel:
    """One platform: its limits, what the model is asked for and may reply, and how a draft is put together
    from the model's creative fields and the brand profile's mechanical ones. The fields a draft is checked in
    are the `Platform` member's own (`platform.fields`, `platform.main_field`)."""

    platform: Platform
    unit: str  # what its length is counted in, for `copygen platforms`
    limits: tuple[tuple[str, str], ...]  # (what, limit) rows for `copygen platforms`
    content: type[Model]  # the draft's content: what the model wrote, with the brand's mechanical fields
    max_tokens: int  # the model's reply budget
    fixes: dict[str, Fixer] = {}  # by the name packs give them
    # Header lines of pasted copy ("Subject:", "Caption:"), lower case, and the field each one opens
    headers: dict[str, str] = {}
    main_field_missing: str | None = None  # the error when pasted copy lacks the main field, if it needs one

    def schema(self, brief: Brief, brand: Brand) -> dict[str, Any]:
        """The JSON schema of the creative fields the model writes; lengths bound what it may write."""
        raise NotImplementedError

    def prompt_values(self, brief: Brief, brand: Brand) -> dict[str, Any]:
        """What the platform's prompt template needs besides the brief and the tone."""
        return {}

    def assemble(self, creative: dict[str, Any], brief: Brief, brand: Brand) -> Any:
        """The platform's content, from the model's creative fields and the brand's mechanical ones."""
        raise NotImplementedError

    def sections(self, content: Any) -> list[tuple[str, str]]:
        """(title, text) of each part of a draft, as a reader sees them in the terminal and in Markdown."""
        raise NotImplementedError

    def card(self, draft: Any, highlight: Highlight) -> dict[str, Any]:
        """What the review report's card for a draft shows (`copygen/templates/cards/<platform>.html.j2` lays it
        out): `highlight(field, start, end)` is that stretch of a checked field with its findings marked."""
        raise NotImplementedError


def ad_label_first(c: Any, brand: Brand, ctx: Context, findings: list[Finding]) -> Any:
    """A fix that puts the brand's ad label at the start of a caption (a content with `caption` and
    `ad_disclosure`)."""
    if not brand.ad_label:
        return None
    return c.model_copy(update={"ad_disclosure": brand.ad_label, "caption": f"{brand.ad_label} {c.caption}"})


def fit_field(name: str, limit: int) -> Fixer:
    """A fix that shortens the content's `name` to `limit` characters at a sentence end, else at a word."""
    def fix(c: Any, brand: Brand, ctx: Context, findings: list[Finding]) -> Any:
        value = getattr(c, name)
        short = sentence_fit(value, limit)
        return c.model_copy(update={name: short}) if short != value and short.strip() else None
    return fix
