"""One brief to checked drafts: prompt -> model -> clean and assemble -> guardrails."""

from __future__ import annotations

from .brand import Brand
from .guardrails.engine import Context, Engine
from .models import Brief, Draft, Jurisdiction, Platform
from .preflight import preflight
from .platforms import assemble, creative_schema, seconds_budget, sms_body_budget
from .prompts import RenderedPrompt, render
from .providers import Provider
from .structured import complete_json
from .tokens import usage

JURISDICTION_LABELS = {
    Jurisdiction.UK: "United Kingdom: CAP Code, MHRA, PECR",
    Jurisdiction.US: "United States: FTC, FDA, TCPA, CAN-SPAM, HIPAA",
}
MAX_TOKENS = {Platform.SMS: 120, Platform.EMAIL: 600, Platform.TIKTOK: 700}


def jurisdiction_of(brief: Brief, brand: Brand) -> Jurisdiction:
    return brief.jurisdiction or brand.jurisdiction or Jurisdiction.UK


def context_for(brief: Brief, brand: Brand, platform: Platform) -> Context:
    return Context(platform=platform, jurisdiction=jurisdiction_of(brief, brand), brand=brand,
                   sponsored=brief.sponsored, duration=brief.duration, max_segments=brief.max_segments)


def render_messages(brief: Brief, brand: Brand, platform: Platform) -> tuple[list[dict[str, str]], RenderedPrompt]:
    jur = jurisdiction_of(brief, brand)
    system = render("system.j2", brand=brand, jurisdiction=jur.value, jurisdiction_label=JURISDICTION_LABELS[jur])
    tone = ", ".join(p for p in (brief.tone, ", ".join(brand.tone_words)) if p)
    beats, words = seconds_budget(brief)
    user = render(f"{platform.value}.j2", brief=brief, tone=tone, budget=sms_body_budget(brief, brand),
                  duration=brief.duration, beats=beats, words=words)
    return [{"role": "system", "content": system.text}, {"role": "user", "content": user.text}], user


def draft_one(brief: Brief, brand: Brand, platform: Platform, variant: int, provider: Provider,
              engine: Engine) -> Draft:
    messages, _prompt = render_messages(brief, brand, platform)
    schema = creative_schema(platform, brief, brand)
    result = complete_json(provider, messages, schema, max_tokens=MAX_TOKENS[platform], seed=variant * 101)
    content = assemble(platform, result.data, brief, brand)
    ctx = context_for(brief, brand, platform)
    report = engine.check(content.fields(), ctx)
    return Draft(
        platform=platform, variant=variant, jurisdiction=ctx.jurisdiction, content=content,
        status=report.status, findings=report.findings, measurements=report.measurements,
        model=result.model, provider=provider.name, sponsored=brief.sponsored, max_segments=brief.max_segments,
        usage=usage(result.model, result.prompt_tokens, result.completion_tokens, result.exact_usage,
                    local=provider.name == "local",
                    prompt_text="".join(m["content"] for m in messages), completion_text="".join(result.raw)),
    )


def generate_drafts(brief: Brief, brand: Brand, provider: Provider, engine: Engine, *,
                    redact: bool = False) -> list[Draft]:
    """Drafts for every platform and variant; the brief is scanned for PHI before the first request."""
    brief = preflight(brief, brand, redact=redact)
    return [draft_one(brief, brand, platform, v, provider, engine)
            for platform in brief.platforms for v in range(1, brief.variants + 1)]
