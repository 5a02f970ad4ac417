"""The guardrails engine: compile packs once, run every applicable rule on a draft's fields, report findings."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from .. import merge_fields
from ..brand import Brand
from ..claims import EMPTY as NO_CLAIMS
from ..claims import ClaimsLibrary, load_claims_data
from ..errors import RulePackError
from ..models import Finding, Jurisdiction, Measurement, Platform, Report
from . import checks, claim_model, phi, sms
from .grounding import Grounds, grounds_for
from .lazy_regex import compiled_regex
from .packs import Example, Pack, Rule, literal_alternation
from .prefilter import Alternation, LiteralIndex, needed
from .speech import spoken_seconds


@dataclass(frozen=True)
class Context:
    """What a check needs to know besides the text."""

    platform: Platform
    jurisdiction: Jurisdiction
    brand: Brand = field(default_factory=Brand)
    sponsored: bool = False
    duration: int = 30
    max_segments: int = 1
    claims: ClaimsLibrary | None = None  # None: claims are not checked against a library (see `substantiation`)
    today: date = field(default_factory=date.today)  # claims that expired before this day substantiate nothing
    grounds: Grounds | None = None  # what the brief, brand and claims state; None: the brief is unknown


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    pack: Pack
    full_id: str
    regex: Alternation | None
    exceptions: Alternation | None
    when: Alternation | None
    demote: Alternation | None
    triggers: re.Pattern[str] | None = None  # vocabulary: the trigger phrases as one pattern, in lower case
    model: claim_model.ClaimModel | None = None  # model: the pack's weights file, loaded
    fields_by_platform: dict[Platform, tuple[str, ...]] = field(default_factory=dict, compare=False)

    @property
    def gate(self) -> frozenset[str] | None:
        """Literals one of which a draft must hold for this rule to fire (None: no such set)."""
        return self.regex.any_need if self.rule.kind == "pattern" and self.regex is not None else None

    def fields_for(self, platform: Platform) -> tuple[str, ...]:
        """The platform's fields this rule reads (all of them unless the rule names some)."""
        return self.fields_by_platform[platform]


def _rule_patterns(rule: Rule) -> list[list[str]]:
    return [rule.patterns, rule.exceptions, rule.when_patterns, rule.demote]


def compile_rule(rule: Rule, pack: Pack, index: LiteralIndex | None = None) -> CompiledRule:
    """Compile one rule. Rules of one engine share an `index`, so a text's literals are found once."""
    if index is None:
        index = LiteralIndex(needed(p) for group in _rule_patterns(rule) for p in group)

    def alt(patterns: list[str], case_sensitive: bool) -> Alternation | None:
        return Alternation(patterns, case_sensitive, index) if patterns else None

    model = None
    if rule.model is not None:
        try:
            model = claim_model.load(str(pack.file(rule.model)))
        except ValueError as e:
            raise RulePackError(str(e), path=pack.path, rule_id=rule.id) from None
    return CompiledRule(
        rule=rule, pack=pack, full_id=f"{pack.pack}.{rule.id}", model=model,
        regex=alt(rule.patterns, rule.case_sensitive),
        exceptions=alt(rule.exceptions, rule.case_sensitive),
        when=alt(rule.when_patterns, False),
        demote=alt(rule.demote, False),
        triggers=(compiled_regex(literal_alternation(sorted(pack.phrases[rule.triggers])))  # run on folded text
                  if rule.triggers is not None else None),
        fields_by_platform={p: tuple(f for f in p.fields if f in rule.fields) if rule.fields else p.fields
                            for p in Platform},
    )


Runner = Callable[[CompiledRule, dict[str, str], Context], list[Finding]]
RUNNERS: dict[str, Runner] = {
    "pattern": checks.run_pattern,
    "required": checks.run_required,
    "measure": checks.run_measure,
    "phi": checks.run_phi,
    "substantiation": checks.run_substantiation,
    "vocabulary": checks.run_vocabulary,
    "model": checks.run_model,
}


class Engine:
    """Runs a fixed set of packs. Build it once and reuse it: compiling is the expensive part."""

    def __init__(self, packs: Iterable[Pack], disable: Iterable[str] = ()):
        self.packs = tuple(packs)
        disabled = set(disable)
        known = {f"{p.pack}.{r.id}" for p in self.packs for r in p.rules}
        unknown = sorted(d for d in disabled if d not in known and not any(d == p.pack for p in self.packs))
        if unknown:
            raise RulePackError(f"cannot disable unknown rule(s): {', '.join(unknown)} (see `copygen rules`)")
        chosen = [(r, p) for p in self.packs for r in p.rules
                  if f"{p.pack}.{r.id}" not in disabled and p.pack not in disabled]
        needs = [needed(p) for r, _ in chosen for group in _rule_patterns(r) for p in group]
        if any(r.kind == "phi" for r, _ in chosen):  # one pass over a text finds the PHI detector's literals too
            needs += phi.literal_needs()
        index = LiteralIndex(needs)
        self.index = index
        self.rules = tuple(compile_rule(r, p, index) for r, p in chosen)
        self.yields = {cr.full_id: frozenset(f"{cr.pack.pack}.{y}" for y in cr.rule.yields_to)
                       for cr in self.rules if cr.rule.yields_to}
        self.substantiable = frozenset(cr.full_id for cr in self.rules if cr.rule.substantiable or cr.rule.demote)
        # Per scope: the non-PHI rules with their literal gates, and the PHI rules, which share one scan.
        self._by_scope: dict[tuple[Platform, Jurisdiction], tuple[tuple[CompiledRule, frozenset[str] | None], ...]] = {}
        self._phi_by_scope: dict[tuple[Platform, Jurisdiction], tuple[CompiledRule, ...]] = {}
        # The PHI rules of each field, for a scope whose PHI rules hold no conditions (None otherwise).
        self._phi_takers: dict[tuple[Platform, Jurisdiction], dict[str, tuple[CompiledRule, ...]] | None] = {}
        # The literals the scope's gated rules look for, and for each set of them a draft holds, the rules
        # that can fire (worked out the first time a draft holds that set).
        self._scope_literals: dict[tuple[Platform, Jurisdiction], frozenset[str]] = {}
        self._plans: dict[tuple[tuple[Platform, Jurisdiction], frozenset[str]], tuple[CompiledRule, ...]] = {}
        for platform in Platform:
            for jur in Jurisdiction:
                scoped = [cr for cr in self.rules
                          if platform in (cr.rule.platforms or ()) and jur in (cr.rule.jurisdictions or ())]
                self._by_scope[(platform, jur)] = tuple((cr, cr.gate) for cr in scoped if cr.rule.kind != "phi")
                self._scope_literals[(platform, jur)] = frozenset().union(
                    *(gate for _, gate in self._by_scope[(platform, jur)] if gate is not None))
                phi_rules = tuple(cr for cr in scoped if cr.rule.kind == "phi")
                self._phi_by_scope[(platform, jur)] = phi_rules
                unconditional = all(cr.when is None and cr.rule.when != "sponsored" for cr in phi_rules)
                self._phi_takers[(platform, jur)] = checks.phi_takers(phi_rules, platform) if unconditional else None

    def rules_for(self, ctx: Context) -> tuple[CompiledRule, ...]:
        """The rules in scope for a context's platform and jurisdiction."""
        key = (ctx.platform, ctx.jurisdiction)
        return tuple(cr for cr, _ in self._by_scope[key]) + self._phi_by_scope[key]

    def _plan(self, scope: tuple[Platform, Jurisdiction], found: frozenset[str]) -> tuple[CompiledRule, ...]:
        """The scope's non-PHI rules that can fire on a draft holding these literals, in order: a pattern
        rule none of whose literals the draft holds cannot."""
        held = self._scope_literals[scope].intersection(found)
        plan = self._plans.get((scope, held))
        if plan is None:
            if len(self._plans) > 4096:  # drafts with unusual mixes of literals: keep the table bounded
                self._plans.clear()
            plan = self._plans[(scope, held)] = tuple(
                cr for cr, gate in self._by_scope[scope] if gate is None or not gate.isdisjoint(held))
        return plan

    def check(self, fields: dict[str, str], ctx: Context) -> Report:
        """Every finding for these fields, sorted by field order, position (whole-field first), then rule id."""
        findings: list[Finding] = []
        found = frozenset().union(*(self.index.present(text) for text in fields.values()))
        models = []
        for cr in self._plan((ctx.platform, ctx.jurisdiction), found):
            if cr.rule.kind == "model":
                models.append(cr)  # after the phrase rules, so it reads only what they left unreported
            else:
                findings.extend(run_rule(cr, fields, ctx))
        for cr in models:
            if applies(cr, fields, ctx):
                findings.extend(checks.run_model(cr, fields, ctx, [f for f in findings if f.rule_id.startswith(cr.pack.pack + ".")]))
        takers = self._phi_takers[(ctx.platform, ctx.jurisdiction)]
        if takers is None:
            phi_rules = [cr for cr in self._phi_by_scope[(ctx.platform, ctx.jurisdiction)] if applies(cr, fields, ctx)]
            takers = checks.phi_takers(phi_rules, ctx.platform)
        findings.extend(checks.run_phi_rules(takers, fields, ctx, self.index))
        if self.yields:
            findings = checks.drop_yielding(findings, self.yields)
        if ctx.claims is not None and self.substantiable:
            findings = checks.drop_substantiated(findings, fields, ctx, self.substantiable)
        order = {name: i for i, name in enumerate(ctx.platform.fields)}
        findings.sort(key=lambda f: (order.get(f.field, 99), -1 if f.start is None else f.start, f.rule_id))
        return Report(platform=ctx.platform, jurisdiction=ctx.jurisdiction, findings=findings,
                      measurements={name: measure(name, text, ctx) for name, text in fields.items()},
                      packs={p.pack: p.version for p in self.packs})


def applies(cr: CompiledRule, fields: dict[str, str], ctx: Context) -> bool:
    """A rule's `when` conditions (sponsored content, a context pattern) hold for these fields."""
    if (cr.rule.when == "sponsored" and not ctx.sponsored) or (cr.rule.when == "brief" and ctx.grounds is None):
        return False
    return cr.when is None or any(cr.when.search(fields.get(f, "")) for f in cr.fields_for(ctx.platform))


def run_rule(cr: CompiledRule, fields: dict[str, str], ctx: Context) -> list[Finding]:
    return RUNNERS[cr.rule.kind](cr, fields, ctx) if applies(cr, fields, ctx) else []


def measure(name: str, text: str, ctx: Context) -> Measurement:
    m = Measurement(characters=len(text), words=len(text.split()))
    if ctx.platform is Platform.SMS and name == "text":
        c = sms.count(merge_fields.worst_case(text))
        m.encoding, m.units, m.segments = c.encoding, c.units, c.segments
    if name == "script":
        m.spoken_seconds = spoken_seconds(text)
    return m


# ---- a pack's own examples --------------------------------------------------------------------


def _example_context(ex: Example, rule: Rule) -> tuple[dict[str, str], Context]:
    platform = ex.platform or (rule.platforms or list(Platform))[0]
    jur = ex.jurisdiction or (rule.jurisdictions or list(Jurisdiction))[0]
    if ex.fields is not None:
        fields = dict(ex.fields)
    else:
        name = ex.field or (rule.fields[0] if rule.fields else platform.fields[0])
        fields = {name: ex.text}
    brand = Brand.model_validate(ex.brand) if ex.brand is not None else Brand()
    claims = load_claims_data(ex.claims, "example") if ex.claims is not None else NO_CLAIMS
    grounds = grounds_for(brand=brand, claims=claims, **ex.brief) if ex.brief is not None else None
    return fields, Context(platform=platform, jurisdiction=jur, sponsored=ex.sponsored, brand=brand, claims=claims,
                           today=date(2026, 1, 1), grounds=grounds)


def self_test(pack: Pack) -> None:
    """Run each rule on its own examples: it must fire on every positive and on no negative."""
    for rule in pack.rules:
        cr = compile_rule(rule, pack)
        for expected, examples in ((True, rule.examples.positive), (False, rule.examples.negative)):
            for raw in examples:
                ex = raw if isinstance(raw, Example) else Example(text=raw)
                fields, ctx = _example_context(ex, rule)
                fired = bool(run_rule(cr, fields, ctx))
                if fired != expected:
                    what = "does not fire on its positive example" if expected else "fires on its negative example"
                    raise RulePackError(f"{what}: {ex.text[:80]!r}", path=pack.path, rule_id=rule.id)
