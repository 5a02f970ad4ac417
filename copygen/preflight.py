"""Pre-flight: no patient identifier in a brief reaches a model. Runs before any request."""

from __future__ import annotations

from .brand import Brand
from .claims import EMPTY as NO_CLAIMS
from .claims import ClaimsLibrary
from .errors import InputError
from .guardrails import phi
from .guardrails.checks import brand_allow
from .models import Brief

BRIEF_FIELDS = ("topic", "audience", "tone", "notes")
NOT_PHI = frozenset({"npi"})  # provider identifiers, public


class PHIInBriefError(InputError):
    """The brief holds patient identifiers; nothing was sent."""

    def __init__(self, found: list[tuple[str, phi.Hit, str]],
                 hint: str = "Remove them, or pass --redact to replace them with placeholders."):
        items = "; ".join(f"{field}: {hit.kind} {phi.mask(value)}" for field, hit, value in found)
        super().__init__(f"The brief contains patient identifiers, so nothing was sent to the model ({items}). {hint}")
        self.found = found


def scan_brief(brief: Brief, brand: Brand) -> list[tuple[str, phi.Hit, str]]:
    """Every identifier in the brief's free text: (field, hit, the text it covers)."""
    allow = brand_allow(brand)
    out = []
    for name in BRIEF_FIELDS:
        text = getattr(brief, name)
        for hit in phi.detect(text, allow):
            if hit.kind not in NOT_PHI:
                out.append((name, hit, text[hit.start:hit.end]))
    return out


def scan_claims(claims: ClaimsLibrary, brand: Brand) -> list[tuple[str, phi.Hit, str]]:
    """Identifiers in the approved claims' wording, which the prompt carries: (claims[ID], hit, text)."""
    allow = brand_allow(brand)
    return [(f"claims[{c.id}]", hit, c.wording[hit.start:hit.end]) for c in claims.claims
            for hit in phi.detect(c.wording, allow) if hit.kind not in NOT_PHI]


def preflight(brief: Brief, brand: Brand, *, redact: bool = False, claims: ClaimsLibrary = NO_CLAIMS) -> Brief:
    """The brief to send: unchanged when clean; with placeholders when `redact`; otherwise an error.
    Identifiers in the claims library are always refused: a claim is evidence, and is fixed at its source."""
    in_claims = scan_claims(claims, brand)
    if in_claims:
        raise PHIInBriefError(in_claims, hint="Remove them from the claims library.")
    found = scan_brief(brief, brand)
    if not found:
        return brief
    if not redact:
        raise PHIInBriefError(found)
    allow = brand_allow(brand)
    changes = {}
    for name in BRIEF_FIELDS:
        text, hits = phi.redact(getattr(brief, name), allow)
        if any(h.kind not in NOT_PHI for h in hits):
            changes[name] = text
    return brief.model_copy(update=changes)
