"""The data copygen passes around and prints: briefs, drafts, findings. `--format json` is these models."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .kinds import Jurisdiction, Platform, Severity, Status  # noqa: F401  (re-exported: models speak of them)


class Model(BaseModel):
    """Each model's validator is built when the model is first used, not at import: a `copygen check` uses a
    few of them."""

    model_config = ConfigDict(defer_build=True)


class Finding(Model):
    """One rule firing: where (field and offsets into that field's final text), why, and under which rule."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    severity: Severity
    message: str
    field: str
    start: int | None = None  # text[start:end] is `match`; None for whole-field rules such as length
    end: int | None = None
    match: str | None = None  # masked for PHI rules
    suggestion: str | None = None
    reason: str = ""
    citation: str = ""


class Measurement(Model):
    """The numbers behind length verdicts for one field."""

    characters: int
    words: int
    encoding: str | None = None  # SMS only: "GSM-7" or "UCS-2"
    units: int | None = None  # SMS only: septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int | None = None
    spoken_seconds: float | None = None  # scripts only


class RedactedSpan(Model):
    """One identifier `redact()` replaced: where it was in the original text, and what it became."""

    kind: str
    start: int
    end: int
    placeholder: str
    masked: str


class Redaction(Model):
    text: str
    spans: list[RedactedSpan] = Field(default_factory=list)


class Report(Model):
    """What `check()` returns: every finding, and the measurements of every field checked."""

    platform: Platform
    jurisdiction: Jurisdiction
    findings: list[Finding] = Field(default_factory=list)
    measurements: dict[str, Measurement] = Field(default_factory=dict)
    packs: dict[str, int] = Field(default_factory=dict)  # pack name -> version applied

    @property
    def status(self) -> Status:
        return status_of(self.findings)

    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.BLOCK]


def status_of(findings: list[Finding]) -> Status:
    """Policy: any block finding blocks; otherwise any warning warns; info never affects status."""
    worst = max((f.severity.rank for f in findings), default=-1)
    if worst >= Severity.BLOCK.rank:
        return Status.BLOCKED
    if worst == Severity.WARN.rank:
        return Status.WARN
    return Status.PASS


class Brief(Model):
    """What the marketer asks for. Free text here is passed to the model as data, never as instructions."""

    model_config = ConfigDict(extra="forbid")

    topic: str = Field(min_length=1, max_length=2000)
    platforms: list[Platform] = Field(default_factory=lambda: [Platform.SMS, Platform.EMAIL, Platform.TIKTOK], min_length=1)
    variants: int = Field(default=1, ge=1, le=10)
    jurisdiction: Jurisdiction | None = None  # None: the brand profile's, else UK
    audience: str = Field(default="", max_length=500)
    tone: str = Field(default="", max_length=200)
    notes: str = Field(default="", max_length=2000)
    sponsored: bool = False  # paid, sponsored or influencer post: TikTok needs an ad disclosure
    duration: Literal[15, 30, 60] = 30  # TikTok video length in seconds
    max_segments: int = Field(default=1, ge=1, le=10)  # SMS segment budget

    @field_validator("topic")
    @classmethod
    def _topic_not_blank(cls, v: str) -> str:
        v = v.strip()
        if not v:
            raise ValueError("the topic is empty")
        return v

    @field_validator("platforms")
    @classmethod
    def _dedupe(cls, v: list[Platform]) -> list[Platform]:
        return list(dict.fromkeys(v))


class Usage(Model):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    approximate: bool = False  # True when counted without the model's own tokenizer
    cost_usd: float | None = None  # None when the model's price is unknown (local models cost nothing: 0.0)


class ClaimNote(Model):
    """A factual claim in a draft and what substantiates it (or that nothing does)."""

    field: str
    start: int
    end: int
    text: str
    kinds: list[str]  # statistic, study, efficacy, safety, comparison
    status: Literal["substantiated", "unsubstantiated", "expired"]
    claim_id: str | None = None
    wording: str | None = None  # the approved wording it matched
    reference: str | None = None
    method: Literal["exact", "normalised", "fuzzy"] | None = None
    score: float | None = None  # 100 for exact and normalised matches
    expires: str | None = None


class RequiredNote(Model):
    """A required element and the text that satisfies it."""

    rule_id: str
    field: str
    start: int
    end: int
    text: str
    citation: str


class Fix(Model):
    """One change copygen made to a draft after checking it."""

    rule_id: str  # the rules of the findings it answered, comma-separated
    field: str
    matched: list[str] = Field(default_factory=list)  # the spans those findings matched (PHI masked)
    how: Literal["deterministic", "model", "removed"]  # no model call / a model repair round / sentence dropped
    round: int  # 0: before any model repair
    before: str
    after: str


class Provenance(Model):
    """What produced and checked a draft."""

    packs: dict[str, int] = Field(default_factory=dict)
    provider: str = ""
    model: str = ""
    endpoint: str = ""
    template: str = ""
    template_hash: str = ""
    claims_library: str | None = None  # the file, or None when no library was given
    claims_in_library: int = 0


class Evidence(Model):
    claims: list[ClaimNote] = Field(default_factory=list)
    required: list[RequiredNote] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)
