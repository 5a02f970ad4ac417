"""A checked draft, and the set of them one `generate` call returns (`copygen draft --format json`). A draft's
content is its platform's own model (`copygen.platforms.<value>`), told apart by its `kind`."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import Field

from .kinds import Jurisdiction, Platform, Status
from .models import Brief, Evidence, Finding, Fix, Measurement, Model, Usage
from .platforms import channel

Content = Annotated[Union[tuple(channel(p).content for p in Platform)], Field(discriminator="kind")]  # noqa: UP007


class Draft(Model):
    """One checked draft for one platform."""

    platform: Platform
    variant: int
    jurisdiction: Jurisdiction
    content: Content
    status: Status
    findings: list[Finding] = Field(default_factory=list)
    measurements: dict[str, Measurement] = Field(default_factory=dict)
    model: str
    provider: str
    usage: Usage = Field(default_factory=Usage)
    sponsored: bool = False  # from the brief: decides whether an ad disclosure is required
    max_segments: int = 1  # from the brief: the SMS segment budget
    evidence: Evidence = Field(default_factory=Evidence)
    fixes: list[Fix] = Field(default_factory=list)
    repair_rounds: int = 0  # model repair rounds run after the first draft
    model_calls: int = 0

    def fields(self) -> dict[str, str]:
        return self.content.fields()


class DraftSet(Model):
    """The result of one `generate` call, as `copygen draft --format json` prints it."""

    schema_version: Literal[1] = 1
    brief: Brief
    brand: dict[str, Any] = Field(default_factory=dict)  # the brand profile used, so a re-check sees the same
    claims: list[dict[str, Any]] | None = None  # the claims library used (None: none was given)
    drafts: list[Draft]
