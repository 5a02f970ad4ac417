"""The worked examples shown to the model (prompts/examples/) are copy copygen itself would pass."""

from __future__ import annotations

import pytest

from copygen.api import engine
from copygen.brand import Brand
from copygen.models import Brief, Platform, Status
from copygen.pipeline import context_for, render_messages
from copygen.platforms import channel
from copygen.prompts import examples


@pytest.mark.parametrize("platform", list(Platform))
def test_each_worked_example_passes_the_guardrails_with_its_own_brief(platform: Platform, brand: Brand) -> None:
    shown = examples(platform.value)
    assert shown
    for ex in shown:
        brief = Brief(**ex["brief"], platforms=[platform])
        content = channel(platform).assemble(ex["reply"], brief, brand)
        for jur in ("uk", "us"):
            # Every rule but the one that spots a draft repeating these very examples.
            report = engine(disable=["quality.example_echo"]).check(
                content.fields(), context_for(brief.model_copy(update={"jurisdiction": jur}), brand, platform))
            assert report.status is Status.PASS, (jur, [(f.rule_id, f.match) for f in report.findings])


def test_the_examples_come_before_the_real_brief_as_chat_turns(brand: Brand) -> None:
    messages, user = render_messages(Brief(topic="Flu clinic every Saturday", platforms=[Platform.SMS]), brand,
                                     Platform.SMS)
    roles = [m["role"] for m in messages]
    assert roles == ["system"] + ["user", "assistant"] * len(examples("sms")) + ["user"]
    assert messages[-1]["content"] == user.text and "Flu clinic every Saturday" in user.text
    assert "Flu clinic" not in "".join(m["content"] for m in messages[1:-1])
