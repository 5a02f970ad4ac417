"""The practice's brand profile: the source of every mechanical field, so no model invents contact details."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import InputError
from .models import Jurisdiction
from .textfiles import read_text

DEFAULT_OPT_OUT = "Reply STOP to opt out"
DEFAULT_UNSUBSCRIBE = "To stop receiving these emails, reply UNSUBSCRIBE or use the unsubscribe link."
DEFAULT_AD_LABEL = "#ad"
DEFAULT_DISCLAIMER = "General information only, not a substitute for advice from your doctor or pharmacist."


class Brand(BaseModel):
    """A practice's own details. Every field is optional; what is missing shows up as a finding, not a guess."""

    model_config = ConfigDict(extra="forbid", defer_build=True)  # validators built on first use, not at import

    practice_name: str | None = None
    sender_id: str | None = Field(default=None, description="SMS sender name or ID shown to the recipient")
    website: str | None = None
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    postal_address: str | None = None
    opt_out: str = DEFAULT_OPT_OUT
    unsubscribe: str = DEFAULT_UNSUBSCRIBE
    ad_label: str = DEFAULT_AD_LABEL
    disclaimer: str = DEFAULT_DISCLAIMER
    jurisdiction: Jurisdiction | None = None
    tone_words: list[str] = Field(default_factory=list)
    avoid_words: list[str] = Field(default_factory=list)
    staff_names: list[str] = Field(default_factory=list, description="clinicians who may be named in copy")

    @property
    def sender(self) -> str | None:
        """The name that identifies the sender in an SMS: the sender ID, else the practice name."""
        return self.sender_id or self.practice_name


def load_brand(path: str | Path | None) -> Brand:
    """Read a brand profile YAML file; no path gives an empty profile."""
    if path is None:
        return Brand()
    p = Path(path)
    import yaml  # here, not at import: a check that reads no YAML file does without it
    try:
        raw = yaml.safe_load(read_text(p, "Brand profile"))
    except yaml.YAMLError as e:
        raise InputError(f"Brand profile {p} is not valid YAML: {e}") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise InputError(f"Brand profile {p} must be a mapping of fields (practice_name: ..., phone: ...)")
    try:
        return Brand.model_validate(raw)
    except ValidationError as e:
        problems = "; ".join(f"{'.'.join(map(str, err['loc'])) or 'profile'}: {err['msg']}" for err in e.errors())
        raise InputError(f"Brand profile {p} is invalid: {problems}") from None
