"""Search ad: a Google Ads responsive search ad, 3 to 15 headlines of at most 30 characters and 2 to 4
descriptions of at most 90, which Google combines, and a display path of up to two parts of 15 characters
shown after the practice's domain. Each headline is checked as a line of `headlines`, each description as a
line of `descriptions`."""

from __future__ import annotations

import re
from typing import Any, Literal

from ..brand import Brand
from ..kinds import Platform
from ..models import Brief, Model
from .base import Channel, Highlight, object_schema, string_field
from .text import clean_text, sentence_fit

HEADLINE_MAX, HEADLINES = 30, (3, 15)
DESCRIPTION_MAX, DESCRIPTIONS = 90, (2, 4)
PATH_MAX, PATHS = 15, 2


class SearchAdContent(Model):
    kind: Literal["search_ad"] = "search_ad"
    headlines: list[str]
    descriptions: list[str]
    path: list[str]  # the display path's parts, shown after the domain: riversidehealth.example/flu/saturdays
    domain: str = ""  # from the brand profile's website

    def fields(self) -> dict[str, str]:
        return {"headlines": "\n".join(self.headlines), "descriptions": "\n".join(self.descriptions),
                "path": "/".join(self.path)}


def _lines(values: object, limit: int, most: int, brand: Brand) -> list[str]:
    """Each item cleaned, one line, cut to `limit` at a sentence end or a whole phrase; repeats and empties dropped."""
    out: list[str] = []
    for v in values if isinstance(values, list) else []:
        text = clean_text(" ".join(str(v).split()), brand)
        text = sentence_fit(text, limit)
        if text and text.lower() not in {o.lower() for o in out}:
            out.append(text)
    return out[:most]


class SearchAd(Channel):
    platform = Platform.SEARCH_AD
    unit = "characters"
    limits = (
        ("headlines", f"{HEADLINES[0]} to {HEADLINES[1]}, each {HEADLINE_MAX} characters at most, no '!'"),
        ("descriptions", f"{DESCRIPTIONS[0]} to {DESCRIPTIONS[1]}, each {DESCRIPTION_MAX} characters at most"),
        ("display path", f"up to {PATHS} parts of {PATH_MAX} characters, after the practice's domain"),
        ("healthcare", "no prescription-only medicine (UK); online pharmacies need Google's certification"),
    )
    content = SearchAdContent
    max_tokens = 500
    headers = {"headlines": "headlines", "headline": "headlines", "descriptions": "descriptions",
               "description": "descriptions", "path": "path", "display path": "path"}

    def schema(self, brief: Brief, brand: Brand) -> dict[str, Any]:
        return object_schema({
            "headlines": {"type": "array", "items": string_field(HEADLINE_MAX, 5),
                          "minItems": HEADLINES[0], "maxItems": 8},
            "descriptions": {"type": "array", "items": string_field(DESCRIPTION_MAX, 20),
                             "minItems": DESCRIPTIONS[0], "maxItems": DESCRIPTIONS[1]},
            "path": {"type": "array", "items": {"type": "string", "pattern": f"^[A-Za-z0-9-]{{1,{PATH_MAX}}}$"},
                     "minItems": 1, "maxItems": PATHS},
        })

    def assemble(self, creative: dict[str, Any], brief: Brief, brand: Brand) -> SearchAdContent:
        paths = [re.sub(r"[^A-Za-z0-9-]", "", str(p))[:PATH_MAX] for p in creative.get("path", [])]
        domain = re.sub(r"^https?://(?:www\.)?", "", brand.website or "").split("/")[0]
        return SearchAdContent(headlines=_lines(creative.get("headlines"), HEADLINE_MAX, HEADLINES[1], brand),
                               descriptions=_lines(creative.get("descriptions"), DESCRIPTION_MAX, DESCRIPTIONS[1], brand),
                               path=[p for p in paths if p][:PATHS], domain=domain)

    def sections(self, content: SearchAdContent) -> list[tuple[str, str]]:
        url = "/".join(p for p in (content.domain, *content.path) if p)
        return [("Headlines", "\n".join(content.headlines)), ("Descriptions", "\n".join(content.descriptions)),
                ("Display URL", url)]

    def card(self, draft: Any, highlight: Highlight) -> dict[str, Any]:
        c = draft.content
        heads, pos = [], 0
        for h in c.headlines:
            heads.append(highlight("headlines", pos, pos + len(h)))
            pos += len(h) + 1
        descs, pos = [], 0
        for d in c.descriptions:
            descs.append(highlight("descriptions", pos, pos + len(d)))
            pos += len(d) + 1
        return {"headlines": heads, "descriptions": descs, "domain": c.domain, "path": highlight("path")}


CHANNEL = SearchAd()
