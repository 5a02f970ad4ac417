"""One function per rule kind. A rule that fires returns findings; none raises or returns a bare bool."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from .. import claims, merge_fields
from ..models import Finding, Severity
from . import claim_model, phi, sentences, sms
from .prefilter import LiteralIndex, fold
from .speech import spoken_seconds
from .topic_words import AUDIENCE_SUBJECTS, GENERIC_WORDS, content_words, subject_words, subjects

if TYPE_CHECKING:
    from ..models import Platform
    from .engine import CompiledRule, Context


class _Vars(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _finding(cr: CompiledRule, field: str, start: int | None = None, end: int | None = None,
             match: str | None = None, suggestion: str | None = None, **values: Any) -> Finding:
    r = cr.rule
    variables = _Vars(match=match or "", **values)
    return Finding(
        rule_id=cr.full_id, severity=r.severity, message=r.message.format_map(variables), field=field,
        start=start, end=end, match=match,
        suggestion=suggestion or (r.suggestion.format_map(variables) if r.suggestion else None),
        reason=r.reason, citation=r.citation,
    )


def run_pattern(cr: CompiledRule, fields: dict[str, str], ctx: Context) -> list[Finding]:
    """Fire once per match, unless an exception match overlaps it."""
    assert cr.regex is not None
    return _report_hits(cr, fields, ctx, lambda text: [m.span() for m in cr.regex.finditer(text) if m.end() > m.start()])


_VOCAB_WORD = re.compile(r"[\w][\w'’-]*")
_CLAUSE_END = re.compile(r"[.!?;\n]")


def vocabulary_hits(text: str, triggers: re.Pattern[str], targets: frozenset[str], window: int) -> list[tuple[int, int]]:
    """Spans from a trigger phrase to the first target phrase within `window` words after it in the same
    sentence. `triggers` is the compiled alternation of the trigger phrases in lower case, run
    case-sensitively on the folded text (a text without one costs a single search, which `re` runs fastest
    that way); targets are one to three words, compared in lower case; hits do not overlap."""
    out: list[tuple[int, int]] = []
    resume = 0
    firsts = _first_words(targets)
    for m in triggers.finditer(fold(text)):  # folding keeps every offset
        if m.start() < resume:
            continue
        stop = _CLAUSE_END.search(text, m.end())
        found = islice(_VOCAB_WORD.finditer(text, m.end(), stop.start() if stop else len(text)), window + 2)
        words = [(w.end(), w.group().lower().replace("’", "'")) for w in found]
        for j in range(min(len(words), window + 1)):
            w = words[j][1]
            c_len = 0
            if w in firsts:  # a target of two or three words opens here
                c_len = next((k for k in (3, 2) if j + k <= len(words)
                              and " ".join(x[1] for x in words[j:j + k]) in targets), 0)
            if not c_len and w in targets:
                c_len = 1
            if c_len:
                out.append((m.start(), words[j + c_len - 1][0]))
                resume = words[j + c_len - 1][0]
                break
    return out


@lru_cache(maxsize=16)
def _first_words(targets: frozenset[str]) -> frozenset[str]:
    """The first words of the targets that have more than one."""
    return frozenset(t.split(" ", 1)[0] for t in targets if " " in t)


def run_vocabulary(cr: CompiledRule, fields: dict[str, str], ctx: Context) -> list[Finding]:
    """Fire where a trigger phrase meets a target phrase (see `vocabulary_hits`), unless an exception overlaps."""
    r = cr.rule
    assert cr.triggers is not None and r.targets is not None
    targets = cr.pack.phrases[r.targets]
    return _report_hits(cr, fields, ctx, lambda text: vocabulary_hits(text, cr.triggers, targets, r.window))


def run_model(cr: CompiledRule, fields: dict[str, str], ctx: Context,
              covered: Sequence[Finding] = ()) -> list[Finding]:
    """Fire on each sentence the pack's linear model scores at or above the rule's threshold, unless an
    exception match overlaps the sentence (a vaccination campaign, hygiene advice, a referral to a GP) or
    one of the `covered` findings (what the pack's phrase rules already report) does."""
    out = []
    for name in cr.fields_for(ctx.platform):
        text = fields.get(name) or ""
        hits = _model_hits(cr, text)
        if not hits:
            continue
        taken = [(f.start, f.end) for f in covered if f.field == name and f.start is not None and f.end is not None]
        excepted = [m.span() for m in cr.exceptions.finditer(text)] if cr.exceptions else []
        for s, e, p, feats in hits:
            if not any(xs < e and s < xe for xs, xe in taken) and not any(xs < e and s < xe for xs, xe in excepted):
                out.append(_finding(cr, name, s, e, text[s:e], p=f"{p:.2f}",
                                    why="; ".join(cr.model.reasons(feats)) or "its words together"))
    return out


# Each model rule's score of every distinct sentence it has read, for the life of the process: a brand's
# sign-off, opt-out and footer recur in every draft, and a repair round re-reads the sentences it kept.
_SCORES: dict[tuple[Any, ...], dict[str, tuple[float, dict[str, str]]]] = {}


def _model_hits(cr: CompiledRule, text: str) -> list[tuple[int, int, float, dict[str, str]]]:
    """(start, end, probability, features) of each sentence of `text` scored at or above the threshold;
    a sentence under 12 characters ("Book now.") makes no claim and is not scored."""
    assert cr.model is not None and cr.rule.threshold is not None
    conditions, effects = (cr.pack.phrases[name] for name in cr.rule.model_terms)
    scores = _SCORES.setdefault((cr.model, conditions, effects), {})
    out = []
    for s, e in sentences.spans(text):
        if e - s < 12:
            continue
        sentence = text[s:e]
        scored = scores.get(sentence)
        if scored is None:
            if len(scores) >= 1 << 14:
                scores.clear()
            feats = claim_model.features(sentence, conditions, effects, complete=False)
            scored = scores[sentence] = (cr.model.probability(feats), feats)
        if scored[0] >= cr.rule.threshold:
            out.append((s, e, *scored))
    return out


def drop_yielding(findings: list[Finding], yields: dict[str, frozenset[str]]) -> list[Finding]:
    """Drop findings of rules with `yields_to` where a finding of a rule they yield to overlaps them."""
    def overlapped(f: Finding) -> bool:
        return f.start is not None and any(
            g.rule_id in yields[f.rule_id] and g.field == f.field and g.start is not None
            and g.start < f.end and f.start < g.end for g in findings)
    return [f for f in findings if f.rule_id not in yields or not overlapped(f)]


def _report_hits(cr: CompiledRule, fields: dict[str, str], ctx: Context, find) -> list[Finding]:  # noqa: ANN001
    out = []
    for name in cr.fields_for(ctx.platform):
        text = fields.get(name)
        if not text:
            continue
        hits = find(text)
        if not hits:
            continue
        excepted = [m.span() for m in cr.exceptions.finditer(text)] if cr.exceptions else []
        for s, e in hits:
            if any(xs < e and s < xe for xs, xe in excepted):
                continue
            f = _finding(cr, name, s, e, text[s:e])
            hedge = _demoted_by(cr, text, s, e)
            if hedge is not None:
                f = f.model_copy(update={"severity": Severity.WARN, "message": f.message + (
                    f" With '{hedge}' in its sentence it is a claim that needs evidence rather than a prohibited"
                    " one: keep it only with evidence (a claims-library entry clears it).")})
            out.append(f)
    return out


def _demoted_by(cr: CompiledRule, text: str, start: int, end: int) -> str | None:
    """The words that make a hit of a rule with `demote` patterns a claim needing evidence, if any."""
    if cr.demote is None or cr.rule.severity is not Severity.BLOCK:
        return None
    s, e = sentences.around(text, start, end)
    e = sentences.end_of(text, e) if e < len(text) else e  # and the next one ("Hay fever? Ask your pharmacist")
    m = cr.demote.search(text[s:e])
    return m.group(0).strip() if m else None


def _normal(s: str) -> str:
    return re.sub(r"[\s,]+", " ", s).strip().lower()


def locate_required(cr: CompiledRule, fields: dict[str, str], ctx: Context) -> tuple[str, int, int] | None:
    """Where a required element is: (field, start, end) of the first text that satisfies the rule."""
    limit = cr.rule.within
    for name in cr.fields_for(ctx.platform):
        text = fields.get(name, "")
        if cr.regex is not None:
            for m in cr.regex.finditer(text):
                if limit is None or m.start() < limit:
                    return name, m.start(), m.end()
        scope = text[:limit] if limit else text
        for attr in cr.rule.brand_fields:
            value = getattr(ctx.brand, attr, None)
            if value and _normal(value) in _normal(scope):
                span = _find_loosely(scope, value)
                return (name, *span) if span else (name, 0, len(scope))
    return None


def _find_loosely(text: str, value: str) -> tuple[int, int] | None:
    """The span of `value` in `text`, ignoring case and differences in spacing and commas."""
    parts = [re.escape(p) for p in re.split(r"[\s,]+", value.strip()) if p]
    m = re.search(r"[\s,]+".join(parts), text, re.IGNORECASE) if parts else None
    return m.span() if m else None


def run_required(cr: CompiledRule, fields: dict[str, str], ctx: Context) -> list[Finding]:
    """Fire once when no field holds the element (a pattern, or one of the brand's own values)."""
    if locate_required(cr, fields, ctx) is not None:
        return []
    names = cr.fields_for(ctx.platform)
    # The brand profile already holds it: say what to add, not to fill in the profile.
    known = [v for v in (getattr(ctx.brand, a, None) for a in cr.rule.brand_fields) if v]
    suggestion = f"Add it as the brand profile gives it: “{known[0]}”." if known else None
    return [_finding(cr, names[0] if names else "text", suggestion=suggestion)]


# ---- claims and their substantiation -------------------------------------------------------------


def run_substantiation(cr: CompiledRule, fields: dict[str, str], ctx: Context) -> list[Finding]:
    """Fire once per factual claim with the rule's `claim_status` (no approved claim, or an expired one).
    Runs only when the context carries a claims library (an empty one flags every claim)."""
    if ctx.claims is None:
        return []
    out = []
    for name in cr.fields_for(ctx.platform):
        text = fields.get(name)
        if not text:
            continue
        for a in claims.assess(text, ctx.claims, ctx.jurisdiction, ctx.today):
            if a.status == cr.rule.claim_status:
                extra = {}
                if a.match is not None:
                    extra = {"claim_id": a.match.claim.id, "expires": str(a.match.claim.expires)}
                out.append(_finding(cr, name, a.span.start, a.span.end, a.span.text,
                                    kinds=", ".join(a.span.kinds), **extra))
    return out


def drop_substantiated(findings: list[Finding], fields: dict[str, str], ctx: Context,
                       substantiable: frozenset[str]) -> list[Finding]:
    """Findings of `substantiable` rules ("clinically proven", "leading") are dropped where they sit
    inside a claim the library substantiates, or where their own words (a sentence) match an approved claim."""
    assert ctx.claims is not None
    keep = []
    for f in findings:
        if f.severity is Severity.BLOCK:  # prohibited whatever the evidence
            keep.append(f)
            continue
        if f.rule_id in substantiable and f.start is not None and f.end is not None:
            covered = any(a.status == "substantiated" and a.span.start <= f.start and f.end <= a.span.end
                          for a in claims.assess(fields.get(f.field, ""), ctx.claims, ctx.jurisdiction, ctx.today))
            if not covered and f.match and len(f.match) >= 20:  # a whole sentence (the claim model's finding)
                m = ctx.claims.match(f.match, ctx.jurisdiction)
                covered = m is not None and not m.claim.expired(ctx.today)
            if covered:
                continue
        keep.append(f)
    return keep


_ALLOW_CACHE: dict[int, tuple[Any, phi.Allow]] = {}


def brand_allow(brand: Any) -> phi.Allow:
    """The brand profile's own details, which PHI rules never report (computed once per profile object)."""
    cached = _ALLOW_CACHE.get(id(brand))
    if cached is not None and cached[0] is brand:
        return cached[1]
    if len(_ALLOW_CACHE) > 256:
        _ALLOW_CACHE.clear()
    allow = _brand_allow(brand)
    _ALLOW_CACHE[id(brand)] = (brand, allow)
    return allow


def _brand_allow(brand: Any) -> phi.Allow:
    return phi.make_allow(
        phones=tuple(p for p in (brand.phone, brand.fax) if p),
        emails_or_sites=tuple(e for e in (brand.email, brand.website) if e),
        texts=tuple(t for t in (brand.postal_address, brand.practice_name, brand.sender_id) if t),
        people=tuple(brand.staff_names),
    )


def run_phi(cr: CompiledRule, fields: dict[str, str], ctx: Context) -> list[Finding]:
    """Fire once per identifier of the rule's kinds; the match is masked, the offsets exact."""
    return run_phi_rules(phi_takers((cr,), ctx.platform), fields, ctx)


def phi_takers(rules: Sequence[CompiledRule], platform: Platform) -> dict[str, tuple[CompiledRule, ...]]:
    """For each field of the platform, the PHI rules that read it."""
    names = dict.fromkeys(name for cr in rules for name in cr.fields_for(platform))
    return {name: tuple(cr for cr in rules if name in cr.fields_for(platform)) for name in names}


def run_phi_rules(takers: dict[str, tuple[CompiledRule, ...]], fields: dict[str, str], ctx: Context,
                  index: LiteralIndex | None = None) -> list[Finding]:
    """`run_phi` for several rules at once (`takers`: the rules of each field, from `phi_takers`): each field
    is scanned once and every hit goes to the rules of its kind. `index`: the engine's literal index, when it
    holds the PHI detector's literals."""
    allow = brand_allow(ctx.brand)
    out = []
    for name, text in fields.items():
        rules = takers.get(name)
        if not text or not rules:
            continue
        for hit in phi.detect(text, allow, index):
            for cr in rules:
                if hit.kind in cr.rule.detects:
                    masked = phi.mask(text[hit.start:hit.end])
                    out.append(_finding(cr, name, hit.start, hit.end, masked, why=hit.why, kind=hit.kind,
                                        placeholder=phi.PLACEHOLDERS[hit.kind]))
    return out


# ---- measures ----------------------------------------------------------------------------------


def run_measure(cr: CompiledRule, fields: dict[str, str], ctx: Context) -> list[Finding]:
    out = []
    for name in cr.fields_for(ctx.platform):
        if name in fields:
            out.extend(MEASURES[cr.rule.measure or ""](cr, name, fields, ctx))
    return out


def _sms_segments(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    filled = merge_fields.worst_case(fields[name])
    c = sms.count(filled)
    budget = int(cr.rule.limit) if cr.rule.limit is not None else ctx.max_segments
    if c.segments <= budget:
        return []
    saved = " Mail-merge fields are counted at their longest." if filled != fields[name] else ""
    if c.encoding == "UCS-2":
        alt = sms.count(sms.to_gsm7(merge_fields.worst_case(fields[name])))
        if alt.encoding == "GSM-7" and alt.segments < c.segments:
            saved += f" Replacing the non-GSM characters would make it {alt.segments}."
    return [_finding(cr, name, value=c.segments, limit=budget, encoding=c.encoding, units=c.units,
                     saved=saved)]


def _sms_encoding(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    text = fields[name]
    c = sms.count(text)
    if c.encoding == "GSM-7":
        return []
    first: dict[str, int] = {}
    for i, ch in c.non_gsm:
        first.setdefault(ch, i)
    out = []
    for ch, i in first.items():
        repl = sms.GSM7_REPLACEMENTS.get(ch)
        # A character outside the BMP is two UTF-16 units but one Python character: the span is exact.
        out.append(_finding(
            cr, name, i, i + 1, ch,
            suggestion=f"Replace {ch!r} with {repl!r}" if repl is not None else f"Remove {ch!r}",
            char=repr(ch), codepoint=f"U+{ord(ch):04X}", replacement=repr(repl) if repl is not None else "nothing",
        ))
    return out


def _max_chars(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    n = len(merge_fields.worst_case(fields[name]))
    limit = int(cr.rule.limit or 0)
    return [_finding(cr, name, value=n, limit=limit)] if n > limit else []


def _min_chars(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    n = len(fields[name].strip())
    limit = int(cr.rule.limit or 0)
    return [_finding(cr, name, value=n, limit=limit)] if n < limit else []


def _spoken_seconds(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    secs = spoken_seconds(fields[name])
    limit = cr.rule.limit or ctx.duration
    return [_finding(cr, name, value=secs, limit=limit)] if secs > limit else []


def _max_hashtags(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    tags = re.findall(r"(?<!\w)#\w+", fields[name])
    limit = int(cr.rule.limit or 0)
    return [_finding(cr, name, value=len(tags), limit=limit)] if len(tags) > limit else []


def _subject_body_overlap(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    if name != "subject" or not fields.get("body"):
        return []
    subject = content_words(fields["subject"])
    if not subject or subject & content_words(fields["body"]):
        return []
    return [_finding(cr, name)]


def _preheader_repeats_subject(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    if name != "preheader" or not fields.get("subject"):
        return []
    a, b = _normal(fields["preheader"]), _normal(fields["subject"])
    return [_finding(cr, name)] if a and (a == b or a.startswith(b)) else []


_KINDS = {"money": "a price", "percent": "a percentage", "time": "a time", "date": "a date", "day": "a day",
          "relative": "a date", "duration": "a duration", "number": "a number", "offer": "an offer or condition",
          "phone": "a phone number", "url": "a web address", "email": "an email address", "hours": "opening hours",
          "person": "a named person", "place": "a named place", "audience": "an audience (children)"}


def _ungrounded(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    from .grounding import ungrounded

    if ctx.grounds is None:
        return []
    text = fields[name]
    return [_finding(cr, name, s.start, s.end, text[s.start:s.end], kind=_KINDS[s.kind])
            for s in ungrounded(text, ctx.grounds)]


def _off_topic(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    if ctx.grounds is None or not fields[name].strip():
        return []
    text, part = fields[name], name
    if name == "script" and "\n" in text.strip():
        # A video script is its hook, then a line for each beat. A hook that names the topic does not put
        # beats about something else on it: the beats must touch the topic themselves.
        text, part = text.strip().split("\n", 1)[1], "script after its hook"
    brief = subjects(ctx.grounds.brief) - GENERIC_WORDS
    own = subjects(text) - subjects(ctx.grounds.brand) - GENERIC_WORDS
    # Whom it is for is not what it is about: "your kids" does not put a car-wash video on a brief for
    # school physicals for kids. The brief's other subjects decide, where it has any.
    brief = (brief - AUDIENCE_SUBJECTS) or brief
    if not brief or not own or own & brief:
        return []
    return [_finding(cr, name, part=part, topic=" ".join(ctx.grounds.brief.split())[:80])]


def _language(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    from .language import LANGUAGES, expected_language, foreign_sentences

    if ctx.grounds is None:
        return []
    expected = expected_language(ctx.grounds.brief)
    text = fields[name]
    return [_finding(cr, name, start, end, text[start:end], language=LANGUAGES[lang], expected=LANGUAGES[expected])
            for start, end, lang in foreign_sentences(text, expected)]


_HASHTAG = re.compile(r"(?<![\w#])#([A-Za-z][A-Za-z0-9_]*)(?![\w-])")  # "#RM-5327" is a reference, not a tag
# Words a hashtag may be made of besides the common-word list: short ones, and words of health copy.
_SHORT_WORDS = frozenset("a i my we us to of in on at by go no me be do up it is or an as so uk us nhs gp".split())
_HEALTH_WORDS = frozenset("""flu jab jabs vaccine vaccines vaccination covid booster physio physiotherapy dental dentist
teeth smile braces aligners whitening pharmacy pharmacist wellness wellbeing selfcare skincare healthtech telehealth
menopause asthma diabetes allergy allergies hayfever mentalhealth nutrition fitness rehab sleep hearing optician
fyp foryou foryoupage viral trending tiktok healthtok medtok dentok dentaltok learnontiktok
""".split())  # and tags TikTok users follow


@lru_cache(maxsize=4096)
def _words_of(tag: str, extra: frozenset[str]) -> bool:
    """`tag` (lower case, trailing digits cut) splits into known words: common English words of three letters
    or more, a few short ones, health words, or the brand's own."""
    from .phi_lexicon import common_words

    known = common_words()
    ok = [True] + [False] * len(tag)
    for end in range(1, len(tag) + 1):
        for start in range(max(0, end - 20), end):
            if ok[start]:
                piece = tag[start:end]
                if (len(piece) >= 3 and piece in known) or piece in _SHORT_WORDS or piece in _HEALTH_WORDS or piece in extra:
                    ok[end] = True
                    break
    return ok[-1]


def _hashtag_words(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    text = fields[name]
    if "#" not in text:
        return []
    brand = frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", " ".join(
        v for v in (ctx.brand.practice_name, ctx.brand.sender_id, ctx.brand.ad_label) if v)))
    out = []
    for m in _HASHTAG.finditer(text):
        tag = m.group(1).lower().replace("_", "").rstrip("0123456789")
        if tag and not _words_of(tag, brand):
            out.append(_finding(cr, name, m.start(), m.end(), m.group(0)))
    return out


_ALNUM_RUN = re.compile(r"[A-Za-z\d]{20,}")  # opens with a character class: the search skips ahead in C


def _gibberish(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    out = []
    if max(map(len, fields[name].split()), default=0) < 20:  # no run that long: most copy, at C speed
        return out
    for m in _ALNUM_RUN.finditer(fields[name]):
        run = m.group(0)
        if (run.isalpha() and len(run) >= 25) or not (run.isalpha() or run.isdigit()):
            out.append(_finding(cr, name, m.start(), m.end(), run))
    return out


def _prompt_echo(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    from .echo import echoed

    text = fields[name]
    return [_finding(cr, name, start, end, text[start:end]) for start, end in echoed(text)]


def _example_echo(cr: CompiledRule, name: str, fields: dict[str, str], ctx: Context) -> list[Finding]:
    from .echo import echoed, echoed_hashtags, example_subject_spans

    text = fields[name]
    brief = subjects(ctx.grounds.brief) if ctx.grounds is not None else set()
    spans = [(start, end) for start, end in echoed(text, "examples")
             if not subjects(text[start:end]) <= brief]  # the brief's own words may be repeated
    if ctx.grounds is not None:  # without the brief, "#dentalcare" may be the practice's own tag
        if "#" in text:
            words = subject_words(ctx.grounds.brief)
            spans += [span for span in echoed_hashtags(text, words) if not any(s <= span[0] < e for s, e in spans)]
        spans += [span for span in example_subject_spans(text, brief)
                  if not any(s < span[1] and span[0] < e for s, e in spans)]
    return [_finding(cr, name, start, end, text[start:end]) for start, end in sorted(spans)]


MEASURES = {
    "sms_segments": _sms_segments,
    "sms_encoding": _sms_encoding,
    "max_chars": _max_chars,
    "min_chars": _min_chars,
    "spoken_seconds": _spoken_seconds,
    "max_hashtags": _max_hashtags,
    "subject_body_overlap": _subject_body_overlap,
    "preheader_repeats_subject": _preheader_repeats_subject,
    "ungrounded": _ungrounded,
    "prompt_echo": _prompt_echo,
    "off_topic": _off_topic,
    "language": _language,
    "hashtag_words": _hashtag_words,
    "example_echo": _example_echo,
    "gibberish": _gibberish,
}
