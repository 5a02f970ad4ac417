"""One brief to checked drafts: prompt -> model -> assemble -> guardrails -> repair -> evidence.

Every draft is checked by every guardrail. Known problems are fixed without a model call; what remains
goes back to the model with the failing spans, for a bounded number of rounds and tokens; a round that
does not reduce the blocking findings ends the repair, and the best draft so far is kept. The status a
draft carries is the verdict of the engine on its final text.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import evidence, repair
from .brand import Brand
from .claims import EMPTY as NO_CLAIMS
from .claims import ClaimsLibrary
from .drafts import Draft
from .errors import ModelOutputError, PartialGenerationError, ProviderError
from .guardrails.engine import Context, Engine
from .guardrails.grounding import grounds_for
from .guardrails.topic_words import subjects
from .models import Brief, Fix, Jurisdiction, Platform, Provenance, Report
from .platforms import channel
from .preflight import preflight
from .prompts import RenderedPrompt, examples, render
from .providers import Provider
from .structured import StructuredResult, complete_json
from .tokens import usage

JURISDICTION_LABELS = {
    Jurisdiction.UK: "United Kingdom: CAP Code, MHRA, PECR",
    Jurisdiction.US: "United States: FTC, FDA, TCPA, CAN-SPAM, HIPAA",
}


@dataclass(frozen=True)
class RepairOptions:
    rounds: int = 2  # model repair rounds after the first draft, at most
    token_budget: int = 8000  # prompt + completion tokens the repair rounds of one draft may spend
    today: date | None = None  # claims expiring before this day do not count (None: today)
    candidates: int | None = None  # first replies sampled per draft, the best kept (None: 4 embedded, 1 endpoint)


@dataclass
class Trace:
    """What the audit log keeps of one draft: each model call and each round's findings and fixes."""

    calls: list[dict[str, Any]] = field(default_factory=list)
    rounds: list[dict[str, Any]] = field(default_factory=list)


def jurisdiction_of(brief: Brief, brand: Brand) -> Jurisdiction:
    return brief.jurisdiction or brand.jurisdiction or Jurisdiction.UK


def context_for(brief: Brief, brand: Brand, platform: Platform, claims: ClaimsLibrary = NO_CLAIMS,
                today: date | None = None) -> Context:
    return Context(platform=platform, jurisdiction=jurisdiction_of(brief, brand), brand=brand,
                   sponsored=brief.sponsored, duration=brief.duration, max_segments=brief.max_segments,
                   claims=claims, today=today or date.today(),
                   grounds=grounds_for(brief.topic, brief.notes, brief.audience, brand, claims))


def render_messages(brief: Brief, brand: Brand, platform: Platform, claims: ClaimsLibrary = NO_CLAIMS,
                    today: date | None = None) -> tuple[list[dict[str, str]], RenderedPrompt]:
    jur = jurisdiction_of(brief, brand)
    day = today or date.today()
    approved = [c for c in claims.claims if c.valid_in(jur) and not c.expired(day)]
    system = render("system.j2", brand=brand, jurisdiction=jur.value, jurisdiction_label=JURISDICTION_LABELS[jur],
                    claims=approved)
    tone = ", ".join(p for p in (brief.tone, ", ".join(brand.tone_words)) if p)

    def ask(b: Brief) -> RenderedPrompt:
        return render(f"{platform.value}.j2", brief=b, tone=tone, **channel(platform).prompt_values(b, brand))

    turns = []  # worked examples first, as earlier turns of the chat: small models follow a shown reply best
    for ex in examples(platform.value):
        turns += [{"role": "user", "content": ask(Brief(**ex["brief"], platforms=[platform])).text},
                  {"role": "assistant", "content": json.dumps(ex["reply"], ensure_ascii=False)}]
    user = ask(brief)
    return [{"role": "system", "content": system.text}, *turns, {"role": "user", "content": user.text}], user


def _call(provider: Provider, messages: list[dict[str, str]], schema: dict[str, Any], platform: Platform,
          seed: int, trace: Trace, round_: int) -> StructuredResult:
    start = time.perf_counter()
    result = complete_json(provider, messages, schema, max_tokens=channel(platform).max_tokens, seed=seed)
    trace.calls.append({"round": round_, "messages": messages, "responses": result.raw,
                        "prompt_tokens": result.prompt_tokens, "completion_tokens": result.completion_tokens,
                        "seconds": round(time.perf_counter() - start, 3)})
    return result


def _coverage(fields: dict[str, str], ctx: Context) -> float:
    """The share of the brief's content words the draft mentions."""
    if ctx.grounds is None:
        return 0.0
    brief = subjects(ctx.grounds.brief)
    return round(len(brief & subjects(" ".join(fields.values()))) / len(brief), 3) if brief else 0.0


def _round_record(round_: int, report: Report, fixes: list[Fix]) -> dict[str, Any]:
    return {"round": round_, "status": report.status.value,
            "findings": [f.model_dump(mode="json") for f in report.findings],
            "fixes": [f.model_dump(mode="json") for f in fixes]}


def draft_one(brief: Brief, brand: Brand, platform: Platform, variant: int, provider: Provider, engine: Engine,
              claims: ClaimsLibrary = NO_CLAIMS, options: RepairOptions = RepairOptions(),
              trace: Trace | None = None) -> Draft:
    trace = trace if trace is not None else Trace()
    messages, prompt = render_messages(brief, brand, platform, claims, options.today)
    schema = channel(platform).schema(brief, brand)
    ctx = context_for(brief, brand, platform, claims, options.today)
    seed = variant * 101

    # Candidates: up to N first replies with recorded seeds, each assembled, fixed and checked, until one has no
    # finding; the best is kept by status, then fewest blocking findings, then fewest findings, then how much of
    # the brief it covers.
    n = options.candidates or (4 if provider.in_process else 1)
    prefetch = getattr(provider, "prefetch", None)
    if n > 1 and prefetch is not None:  # the embedded model samples every candidate's first reply together
        prefetch(messages, schema, max_tokens=channel(platform).max_tokens, seeds=[seed + 1000 * k for k in range(n)])
    calls = p_tok = c_tok = 0
    exact, raw_text, best, scored = True, "", None, []
    for k in range(n):
        result = _call(provider, messages, schema, platform, seed + 1000 * k, trace, 0)
        calls += len(result.raw)
        p_tok += result.prompt_tokens
        c_tok += result.completion_tokens
        exact = exact and result.exact_usage
        raw_text += "".join(result.raw)
        cand = channel(platform).assemble(result.data, brief, brand)
        cand_report = engine.check(cand.fields(), ctx)
        cand, cand_report, cand_fixes = repair.mechanical(cand, cand_report, engine, ctx, brand, 0)
        score = (cand_report.status.rank, len(cand_report.blocking()), len(cand_report.findings),
                 -_coverage(cand.fields(), ctx))
        scored.append({"seed": seed + 1000 * k, "status": cand_report.status.value,
                       "blocking": len(cand_report.blocking()), "findings": len(cand_report.findings),
                       "coverage": -score[3]})
        if best is None or score < best[0]:
            best = (score, k, result, cand, cand_report, cand_fixes)
        if not cand_report.findings:
            break  # nothing to find: no later candidate can do better on status or findings
    _, chosen, result, content, report, fixes = best  # type: ignore[misc]
    model, creative = result.model, result.data
    for i, s in enumerate(scored):
        s["chosen"] = i == chosen
    trace.rounds.append(_round_record(0, report, fixes) | ({"candidates": scored} if n > 1 else {}))

    rounds = spent = 0
    while report.blocking() and rounds < options.rounds and spent < options.token_budget:
        rounds += 1
        ask = [*messages, {"role": "assistant", "content": json.dumps(creative, ensure_ascii=False)},
               {"role": "user", "content": "The copy breaks these rules:\n" + repair.findings_brief(report)
                + "\nRewrite the JSON so that none of these problems remain. Change only what is needed; keep "
                  "everything else. Reply with the JSON object only."}]
        try:
            result = _call(provider, ask, schema, platform, seed + rounds * 7, trace, rounds)
        except ProviderError as e:  # a failed repair round never costs the draft already made
            trace.rounds.append({"round": rounds, "error": str(e)})
            calls += 1
            break
        calls += len(result.raw)
        p_tok += result.prompt_tokens
        c_tok += result.completion_tokens
        spent += result.prompt_tokens + result.completion_tokens
        exact = exact and result.exact_usage
        raw_text += "".join(result.raw)
        new_creative = result.data
        new = channel(platform).assemble(new_creative, brief, brand)
        new_report = engine.check(new.fields(), ctx)
        new, new_report, new_fixes = repair.mechanical(new, new_report, engine, ctx, brand, rounds)
        round_fixes = repair.changes(content, new, report.blocking(), "model", rounds)
        trace.rounds.append(_round_record(rounds, new_report, round_fixes + new_fixes))
        if len(new_report.blocking()) >= len(report.blocking()):
            break  # no better: keep the draft so far, and stop repairing
        fixes += round_fixes + new_fixes
        content, report, creative = new, new_report, new_creative

    if report.blocking():  # last resort: drop the sentences that hold what still blocks
        dropped = repair.drop_sentences(creative, report, content.fields())
        if dropped is not None:
            new = channel(platform).assemble(dropped, brief, brand)
            new_report = engine.check(new.fields(), ctx)
            new, new_report, new_fixes = repair.mechanical(new, new_report, engine, ctx, brand, rounds)
            if len(new_report.blocking()) < len(report.blocking()):
                removed = repair.changes(content, new, report.blocking(), "removed", rounds)
                fixes += removed + new_fixes
                trace.rounds.append(_round_record(rounds, new_report, removed + new_fixes))
                content, report = new, new_report

    fields = content.fields()
    provenance = Provenance(packs=report.packs, provider=provider.name, model=model, endpoint=provider.endpoint,
                            template=prompt.template, template_hash=prompt.template_hash,
                            claims_library=claims.source or None,
                            claims_in_library=len(claims))
    return Draft(
        platform=platform, variant=variant, jurisdiction=ctx.jurisdiction, content=content,
        status=report.status, findings=report.findings, measurements=report.measurements,
        model=model, provider=provider.name, sponsored=brief.sponsored, max_segments=brief.max_segments,
        usage=usage(model, p_tok, c_tok, exact, local=provider.in_process,
                    prompt_text="".join(m["content"] for m in messages), completion_text=raw_text),
        evidence=evidence.build(fields, ctx, engine, provenance), fixes=fixes, repair_rounds=rounds,
        model_calls=calls,
    )


def generate_drafts(brief: Brief, brand: Brand, provider: Provider, engine: Engine, *, redact: bool = False,
                    claims: ClaimsLibrary = NO_CLAIMS, options: RepairOptions = RepairOptions(),
                    traces: list[Trace] | None = None, progress: Callable[[Draft], None] | None = None) -> list[Draft]:
    """Drafts for every platform and variant; the brief is scanned for PHI before the first request.
    `progress` is called with each draft as it is finished."""
    brief = preflight(brief, brand, redact=redact, claims=claims)
    drafts: list[Draft] = []
    failures: list[tuple[str, int, str]] = []
    for platform in brief.platforms:
        for v in range(1, brief.variants + 1):
            trace = Trace()
            try:
                drafts.append(draft_one(brief, brand, platform, v, provider, engine, claims, options, trace))
                if progress is not None:
                    progress(drafts[-1])
            except ModelOutputError as e:  # an unusable reply costs this draft, not the others
                failures.append((platform.value, v, str(e)))
                continue
            if traces is not None:
                traces.append(trace)
    if failures and not drafts:
        raise ModelOutputError("; ".join(reason for _, _, reason in failures))
    if failures:
        raise PartialGenerationError(drafts, failures)
    return drafts
