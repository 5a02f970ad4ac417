"""Social post: an Instagram or Facebook feed caption with its image's alt text. Instagram shows about the
first 125 characters before "more", so the ad label of a paid or sponsored post goes first; copygen puts the
brand's label there and the hashtags at the end."""

from __future__ import annotations

import re
from typing import Any, Literal

from ..brand import Brand
from ..kinds import Platform
from ..models import Brief, Model
from .base import Channel, Highlight, ad_label_first, object_schema, string_field
from .text import clean_text, hashtags, trim_cut

CAPTION_MAX = 2200  # characters in an Instagram caption
SHOWN = 125  # characters Instagram shows before "more"
WRITTEN_MAX, ALT_MAX = 500, 250
MAX_HASHTAGS = 5


class SocialContent(Model):
    kind: Literal["social"] = "social"
    text: str  # the caption the model wrote
    hashtags: list[str]
    ad_disclosure: str | None = None  # from the brand profile, when the brief is sponsored
    caption: str  # as posted: ad label first, then the text, then the hashtags
    alt_text: str  # the image's description for screen readers

    def fields(self) -> dict[str, str]:
        return {"caption": self.caption, "alt_text": self.alt_text}


class Social(Channel):
    platform = Platform.SOCIAL
    unit = "characters"
    limits = (
        ("caption", f"{CAPTION_MAX} characters (Instagram); about the first {SHOWN} show before 'more'"),
        ("hashtags", f"{MAX_HASHTAGS} or fewer"),
        ("alt text", "a plain description of the image for screen readers"),
        ("required when paid, sponsored or influencer", f"#ad (or Ad) within the first {SHOWN} characters"),
    )
    content = SocialContent
    max_tokens = 400
    fixes = {"ad_label_from_brand": ad_label_first}
    headers = {"caption": "caption", "alt text": "alt_text", "alt_text": "alt_text", "alt": "alt_text"}

    def schema(self, brief: Brief, brand: Brand) -> dict[str, Any]:
        return object_schema({
            "caption": string_field(WRITTEN_MAX, 40),
            "hashtags": {"type": "array", "items": {"type": "string", "pattern": "^#?[A-Za-z][A-Za-z0-9]{1,24}$"},
                         "minItems": 1, "maxItems": MAX_HASHTAGS},
            "alt_text": string_field(ALT_MAX, 20),
        })

    def prompt_values(self, brief: Brief, brand: Brand) -> dict[str, Any]:
        return {"budget": WRITTEN_MAX, "shown": SHOWN}

    def assemble(self, creative: dict[str, Any], brief: Brief, brand: Brand) -> SocialContent:
        text = clean_text(trim_cut(str(creative["caption"]), WRITTEN_MAX), brand)
        text = re.sub(r"\s*(?<!\w)#\w+", "", text).strip() or text  # the hashtags go at the end, once
        tags = hashtags(creative.get("hashtags"), MAX_HASHTAGS)
        disclosure = brand.ad_label if brief.sponsored else None
        caption = " ".join(p for p in (disclosure, text, " ".join(tags)) if p)
        alt = clean_text(trim_cut(str(creative.get("alt_text", "")), ALT_MAX), brand)
        return SocialContent(text=text, hashtags=tags, ad_disclosure=disclosure, caption=caption, alt_text=alt)

    def sections(self, content: SocialContent) -> list[tuple[str, str]]:
        return [("Caption", content.caption), ("Alt text", content.alt_text)]

    def card(self, draft: Any, highlight: Highlight) -> dict[str, Any]:
        return {"caption": highlight("caption"), "alt_text": highlight("alt_text"), "shown": SHOWN}


CHANNEL = Social()
