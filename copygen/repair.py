"""Deterministic repairs: the fixes copygen makes without a model call, each recorded with its rule,
field, before and after.

`mechanical` answers findings whose fix is known (append the opt-out, unsubscribe line, postal address,
disclaimer or ad label from the brand profile; swap characters that force UCS-2 when that saves a segment;
shorten at a sentence boundary). `drop_sentences` is the last resort after model repair: it removes the
sentences that hold blocking findings, when what is left still reads as a message.
"""

from __future__ import annotations

import re

from .brand import Brand
from .drafts import Content
from .errors import RulePackError
from .guardrails import sentences
from .guardrails.engine import Context, Engine
from .kinds import Platform
from .models import Finding, Fix, Report, Severity
from .platforms import channel

# Every fix a pack may name, by name: each platform's module holds its own (`Channel.fixes`).
FIXES = frozenset(name for p in Platform for name in channel(p).fixes)


def fixes_of(engine: Engine) -> dict[str, str]:
    """Rule id -> the name of the fix its pack gives it; an unknown name is the pack's error."""
    named = {cr.full_id: cr.rule.fix for cr in engine.rules if cr.rule.fix is not None}
    unknown = sorted(f"{rule_id}: {name}" for rule_id, name in named.items() if name not in FIXES)
    if unknown:
        raise RulePackError(f"unknown fix named by {', '.join(unknown)} (known: {', '.join(sorted(FIXES))})")
    return named


def changes(before: Content, after: Content, answered: list[Finding], how: str, round_: int) -> list[Fix]:
    """One Fix per field that changed, naming the findings it answered in that field (else all of them)."""
    b, a = before.fields(), after.fields()
    out = []
    for name in b:
        if b[name] == a.get(name, ""):
            continue
        here = [f for f in answered if f.field == name] or answered
        out.append(Fix(rule_id=", ".join(sorted({f.rule_id for f in here})), field=name, how=how,  # type: ignore[arg-type]
                       round=round_, before=b[name], after=a.get(name, ""), matched=[f.match for f in here if f.match]))
    return out


def mechanical(content: Content, report: Report, engine: Engine, ctx: Context, brand: Brand,
               round_: int = 0) -> tuple[Content, Report, list[Fix]]:
    """Apply the known fix for each finding that has one, keeping a fix only when the re-check has fewer
    findings of its rule and no new blocking finding."""
    fixes: list[Fix] = []
    tried: set[str] = set()
    named = fixes_of(engine)
    while True:
        pending = [f for f in report.findings if f.rule_id in named and f.rule_id not in tried
                   and f.severity is not Severity.INFO]
        if not pending:
            return content, report, fixes
        rule_id = pending[0].rule_id
        tried.add(rule_id)
        fix = channel(ctx.platform).fixes.get(named[rule_id])  # a fix of another platform cannot help here
        new = fix(content, brand, ctx, [f for f in report.findings if f.rule_id == rule_id]) if fix else None
        if new is None:
            continue
        new_report = engine.check(new.fields(), ctx)
        if _count(new_report, rule_id) < _count(report, rule_id) and len(new_report.blocking()) <= len(report.blocking()):
            fixes += changes(content, new, [f for f in report.findings if f.rule_id == rule_id], "deterministic", round_)
            content, report = new, new_report


def _count(report: Report, rule_id: str) -> int:
    return sum(f.rule_id == rule_id for f in report.findings)


# ---- last resort: drop the sentences that hold blocking findings -----------------------------------

def _without(value: str, offending: str) -> str:
    """`value` without each sentence that holds `offending`; line breaks between the others are kept."""
    kept = sentences.without(value, lambda sentence: offending in sentence)
    return re.sub(r"[ \t]{2,}", " ", re.sub(r"[ \t]+\n", "\n", kept)).strip()


def drop_sentences(creative: dict, report: Report, fields: dict[str, str]) -> dict | None:
    """The model's creative fields without the sentences that hold blocking findings; None when a field
    would be left empty or nothing could be located."""
    offending = [(f, fields.get(f.field, "")[f.start:f.end]) for f in report.blocking()
                 if f.start is not None and f.end is not None]
    if not offending or len(offending) != len(report.blocking()):
        return None  # a whole-field problem (length, a missing element) is not fixed by dropping a sentence

    def walk(value: object) -> object:
        if isinstance(value, str):
            out = value
            for _, text in offending:
                if text and text in out:
                    out = _without(out, text)
            return out
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    new = walk(creative)
    assert isinstance(new, dict)
    if new == creative or _has_empty(new):
        return None
    return new


def _has_empty(value: object) -> bool:
    if isinstance(value, str):
        return len(value.strip()) < 3
    if isinstance(value, list):
        return any(_has_empty(v) for v in value)
    if isinstance(value, dict):
        return any(_has_empty(v) for v in value.values())
    return False


def findings_brief(report: Report) -> str:
    """What a repair round tells the model: each failing span and what its rule requires."""
    lines = []
    for f in report.findings:
        if f.severity is Severity.INFO:
            continue
        where = f' "{f.match}"' if f.match else ""
        fix = f" Required: {f.suggestion}" if f.suggestion else ""
        lines.append(f"- [{f.severity.value}] {f.field}{where}: {f.message}{fix}")
    return "\n".join(lines)
