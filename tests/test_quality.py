"""Garbage never passes: the prompt read back, a persona that is not the practice, hashtag debris."""

from __future__ import annotations

import pytest

from copygen import Brief, Platform, check
from copygen.brand import Brand
from copygen.pipeline import render_messages


def rules(text: str, platform: str = "sms") -> set[str]:
    return {f.rule_id for f in check(text, platform=platform).findings}


@pytest.mark.parametrize("platform", list(Platform))
def test_every_instruction_line_of_the_rendered_prompt_is_caught_when_sent_back_as_copy(platform: Platform) -> None:
    brief = Brief(topic="Flu clinic every Saturday", platforms=[platform])
    messages, _ = render_messages(brief, Brand(practice_name="Riverside Health Clinic"), platform)
    lines = [line.strip("- ").strip() for m in (messages[0], messages[-1]) for line in m["content"].splitlines()
             if len(line.split()) >= 6 and "Flu clinic" not in line  # the brief's own data may be copy
             and not line.startswith("Rules (")]  # a heading that is the jurisdiction's name alone
    assert lines
    for line in lines:
        assert "quality.instructions_echo" in rules(line), line


@pytest.mark.parametrize("text", [
    "Flu jabs every Saturday at our clinic. Walk in, no need to book.",
    "Our physiotherapists can assess your back pain and talk you through the options.",
    "Ask our pharmacist about the right vaccines for your trip.",
])
def test_ordinary_copy_is_not_an_echo(text: str) -> None:
    assert "quality.instructions_echo" not in rules(text)


def test_persona_and_hashtag_debris_block_in_a_tiktok_caption() -> None:
    found = rules("As an AI, I love flu jabs! #httpsnoreply2 #flujab", platform="tiktok")
    assert {"quality.persona", "quality.hashtag_garbage"} <= found
    assert not {"quality.persona", "quality.hashtag_garbage"} & rules(
        "I'm Dr Shah and I'll see you on Saturday. #flujab #covid19", platform="tiktok")


def test_debris_a_small_model_writes_does_not_pass() -> None:
    body = "Booking a consultation today: 012345679fabdcdceeaeaefgvjhzkwhqwadmzehdzaazcdeiaylztweelzh"
    assert "quality.gibberish" in rules(body, platform="email")
    caption = check({"caption": "Get vaccinated with our team! #ding #jumoarinkeerdei #flujab"}, platform="tiktok")
    tags = [f.match for f in caption.findings if f.rule_id == "quality.hashtag_not_words"]
    assert tags == ["#jumoarinkeerdei"] and caption.status.value != "pass"
    assert "quality.hashtag_not_words" not in rules("Chart #RM-532747 is ready. #fyp #dentalcare #covid19", "tiktok")
