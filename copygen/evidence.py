"""Evidence notes: what a reviewer reads next to a draft. Each factual claim with the approved claim and
reference that substantiate it (or that nothing does), each required element with the text that satisfies
it, and what produced and checked the draft."""

from __future__ import annotations

from . import claims
from .guardrails.checks import locate_required
from .guardrails.engine import Context, Engine, applies
from .models import ClaimNote, Evidence, Provenance, RequiredNote


def claim_notes(fields: dict[str, str], ctx: Context) -> list[ClaimNote]:
    library = ctx.claims if ctx.claims is not None else claims.EMPTY
    out = []
    for name, text in fields.items():
        for a in claims.assess(text, library, ctx.jurisdiction, ctx.today):
            m = a.match
            out.append(ClaimNote(
                field=name, start=a.span.start, end=a.span.end, text=a.span.text, kinds=list(a.span.kinds),
                status=a.status, claim_id=m.claim.id if m else None, wording=m.claim.wording if m else None,
                reference=m.claim.reference if m else None, method=m.method if m else None,
                score=m.score if m else None, expires=str(m.claim.expires) if m and m.claim.expires else None))
    return out


def required_notes(fields: dict[str, str], ctx: Context, engine: Engine) -> list[RequiredNote]:
    out = []
    for cr in engine.rules_for(ctx):
        if cr.rule.kind != "required" or not applies(cr, fields, ctx):
            continue
        where = locate_required(cr, fields, ctx)
        if where is not None:
            name, start, end = where
            out.append(RequiredNote(rule_id=cr.full_id, field=name, start=start, end=end,
                                    text=fields[name][start:end], citation=cr.rule.citation))
    return out


def build(fields: dict[str, str], ctx: Context, engine: Engine, provenance: Provenance) -> Evidence:
    return Evidence(claims=claim_notes(fields, ctx), required=required_notes(fields, ctx, engine),
                    provenance=provenance)
