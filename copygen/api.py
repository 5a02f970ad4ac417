"""The importable API. The CLI is a thin layer over these functions."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Iterable

from .brand import Brand, load_brand
from .config import Settings, resolve_settings
from .guardrails.engine import MAIN_FIELD, Context, Engine
from .guardrails.packs import load_packs
from .guardrails import phi
from .guardrails.checks import brand_allow
from .models import Brief, Draft, Jurisdiction, Platform, RedactedSpan, Redaction, Report
from .pipeline import generate_drafts
from .preflight import preflight
from .providers import Provider, build_provider


@cache
def _engine(packs: tuple[str, ...], disable: tuple[str, ...]) -> Engine:
    return Engine(load_packs(packs), disable=disable)


def engine(packs: Iterable[str] = (), disable: Iterable[str] = ()) -> Engine:
    """The guardrails engine with the built-in packs, extra pack files and rules switched off."""
    return _engine(tuple(str(p) for p in packs), tuple(sorted(disable)))


def _brand(brand: Brand | str | Path | None, settings: Settings) -> Brand:
    if isinstance(brand, Brand):
        return brand
    return load_brand(brand if brand is not None else settings.brand)


def generate(brief: Brief, *, brand: Brand | str | Path | None = None, settings: Settings | None = None,
             provider: Provider | None = None, redact: bool = False) -> list[Draft]:
    """Draft copy for every platform and variant in the brief, each checked by the guardrails.

    A brief holding patient identifiers raises `PHIInBriefError` before any request, unless `redact`
    replaces them with typed placeholders first."""
    settings = settings or resolve_settings()
    profile = _brand(brand, settings)
    preflight(brief, profile, redact=redact)  # before a provider is even built
    return generate_drafts(brief, profile, provider or build_provider(settings),
                           engine(settings.packs, settings.disable), redact=redact)


def redact(text: str, *, brand: Brand | str | Path | None = None) -> Redaction:
    """`text` with every patient identifier replaced by a typed placeholder ([PHONE], [NAME]...)."""
    profile = brand if isinstance(brand, Brand) else load_brand(brand)
    out, hits = phi.redact(text, brand_allow(profile))
    return Redaction(text=out, spans=[RedactedSpan(kind=h.kind, start=h.start, end=h.end,
                                                   placeholder=phi.PLACEHOLDERS[h.kind],
                                                   masked=phi.mask(text[h.start:h.end])) for h in hits])


def check(text: str | dict[str, str], *, platform: Platform | str, jurisdiction: Jurisdiction | str = "uk",
          brand: Brand | str | Path | None = None, sponsored: bool = False, duration: int = 30,
          max_segments: int = 1, packs: Iterable[str] = (), disable: Iterable[str] = ()) -> Report:
    """Check copy. `text` is the platform's main field (SMS text, email body, TikTok caption) or a dict of fields."""
    platform = Platform(platform)
    fields = text if isinstance(text, dict) else {MAIN_FIELD[platform]: text}
    ctx = Context(platform=platform, jurisdiction=Jurisdiction(jurisdiction),
                  brand=brand if isinstance(brand, Brand) else load_brand(brand),
                  sponsored=sponsored, duration=duration, max_segments=max_segments)
    return engine(packs, disable).check(fields, ctx)


def check_draft(draft: Draft, *, brand: Brand | None = None, packs: Iterable[str] = (),
                disable: Iterable[str] = ()) -> Report:
    """Re-check a draft on its own, from its final text, as `copygen check` would."""
    duration = getattr(draft.content, "duration", 30)
    return check(draft.fields(), platform=draft.platform, jurisdiction=draft.jurisdiction, brand=brand,
                 sponsored=draft.sponsored, duration=duration, max_segments=draft.max_segments,
                 packs=packs, disable=disable)
