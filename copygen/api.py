"""The importable API. The CLI is a thin layer over these functions."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import audit
from .brand import Brand, load_brand
from .claims import EMPTY as NO_CLAIMS
from .claims import ClaimsLibrary, load_claims, load_claims_data
from .config import Settings, resolve_settings
from .drafts import Draft
from .errors import CopygenError
from .guardrails import phi
from .guardrails.checks import brand_allow
from .guardrails.engine import Context, Engine
from .guardrails.grounding import grounds_for
from .guardrails.loading import load_packs
from .models import Brief, Jurisdiction, Platform, RedactedSpan, Redaction, Report

if TYPE_CHECKING:
    from .providers import Provider


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


def claims_library(claims: ClaimsLibrary | str | Path | list[dict] | None, settings: Settings | None = None,
                   ) -> ClaimsLibrary:
    """The claims library to use: given, or the settings' file, else an empty one (no claim is substantiated)."""
    if isinstance(claims, ClaimsLibrary):
        return claims
    if isinstance(claims, list):
        return load_claims_data(claims, "draft JSON")
    path = claims if claims is not None else (settings.claims if settings else None)
    return load_claims(path) if path else NO_CLAIMS


def generate(brief: Brief, *, brand: Brand | str | Path | None = None, settings: Settings | None = None,
             provider: Provider | None = None, redact: bool = False,
             claims: ClaimsLibrary | str | Path | None = None, log: bool | None = None,
             progress: Callable[[Draft], None] | None = None) -> list[Draft]:
    """Draft copy for every platform and variant in the brief; each is checked, repaired where it can be,
    and returned with its status (pass, warn or blocked), findings, fixes and evidence notes.

    A brief holding patient identifiers raises `PHIInBriefError` before any request, unless `redact`
    replaces them with typed placeholders first. Factual claims must match the claims library (a path,
    a loaded library, or the settings' `claims`); with none, every factual claim blocks. Each run is
    recorded in the audit log unless `log` (or the settings' `log`) is False."""
    from .pipeline import RepairOptions, Trace, generate_drafts  # the writer, its prompts and providers:
    from .preflight import preflight  # not needed (nor imported) by a check
    from .providers import build_provider

    settings = settings or resolve_settings()
    profile = _brand(brand, settings)
    library = claims_library(claims, settings)
    sent = preflight(brief, profile, redact=redact, claims=library)  # before a provider is even built
    model = provider or build_provider(settings)
    eng = engine(settings.packs, settings.disable)
    options = RepairOptions(rounds=settings.repair_rounds, token_budget=settings.token_budget,
                            candidates=settings.candidates)
    traces: list[Trace] = []
    started, clock = audit.now(), time.perf_counter()
    drafts: list[Draft] = []
    error: str | None = None
    try:
        drafts = generate_drafts(sent, profile, model, eng, claims=library, options=options, traces=traces,
                                 progress=progress)
    except CopygenError as e:
        error = str(e)
        drafts = list(getattr(e, "drafts", []))  # drafts made before a partial failure are logged too
        raise
    finally:
        if settings.log if log is None else log:
            audit.record_run(
                Path(settings.log_db) if settings.log_db else audit.default_path(),
                brief=sent.model_dump(mode="json"), started=started, seconds=time.perf_counter() - clock,
                provider=model.name, model=model.model, endpoint=model.endpoint,
                packs={p.pack: p.version for p in eng.packs}, claims_library=library.source or None,
                drafts=[d.model_dump(mode="json") for d in drafts], traces=traces, error=error,
                secrets=(settings.api_key.get_secret_value(),) if settings.api_key else ())
    return drafts


def redact(text: str, *, brand: Brand | str | Path | None = None) -> Redaction:
    """`text` with every patient identifier replaced by a typed placeholder ([PHONE], [NAME]...)."""
    profile = brand if isinstance(brand, Brand) else load_brand(brand)
    out, hits = phi.redact(text, brand_allow(profile))
    return Redaction(text=out, spans=[RedactedSpan(kind=h.kind, start=h.start, end=h.end,
                                                   placeholder=phi.PLACEHOLDERS[h.kind],
                                                   masked=phi.mask(text[h.start:h.end])) for h in hits])


def check(text: str | dict[str, str], *, platform: Platform | str, jurisdiction: Jurisdiction | str = "uk",
          brand: Brand | str | Path | None = None, sponsored: bool = False, duration: int = 30,
          max_segments: int = 1, packs: Iterable[str] = (), disable: Iterable[str] = (),
          claims: ClaimsLibrary | str | Path | list[dict] | None = None, today: date | None = None,
          brief: Brief | dict | None = None) -> Report:
    """Check copy. `text` is the platform's main field (SMS text, email body, TikTok caption) or a dict of fields.

    With `claims` (a library, its file, or its entries), every factual claim must match an approved,
    unexpired claim; without, claims are judged by the claims pack alone. With `brief` (a Brief, or a dict
    with `topic` and optionally `notes` and `audience`), every price, date, time, offer or contact detail
    must come from the brief, the brand or the claims library (the grounding pack); without, that is not
    checked."""
    platform = Platform(platform)
    fields = text if isinstance(text, dict) else {platform.main_field: text}
    profile = brand if isinstance(brand, Brand) else load_brand(brand)
    library = None if claims is None else claims_library(claims)
    grounds = None
    if brief is not None:
        b = brief if isinstance(brief, Brief) else Brief.model_validate(brief)
        grounds = grounds_for(b.topic, b.notes, b.audience, profile, library)
    ctx = Context(platform=platform, jurisdiction=Jurisdiction(jurisdiction), brand=profile,
                  sponsored=sponsored, duration=duration, max_segments=max_segments,
                  claims=library, today=today or date.today(), grounds=grounds)
    return engine(packs, disable).check(fields, ctx)


def check_draft(draft: Draft, *, brand: Brand | None = None, packs: Iterable[str] = (),
                disable: Iterable[str] = (), claims: ClaimsLibrary | str | Path | list[dict] | None = None,
                today: date | None = None, brief: Brief | dict | None = None) -> Report:
    """Re-check a draft on its own, from its final text, as `copygen check` would (with `brief`: as
    `copygen check --brief` would, invented details included)."""
    duration = getattr(draft.content, "duration", 30)
    return check(draft.fields(), platform=draft.platform, jurisdiction=draft.jurisdiction, brand=brand,
                 sponsored=draft.sponsored, duration=duration, max_segments=draft.max_segments,
                 packs=packs, disable=disable, claims=claims, today=today, brief=brief)
