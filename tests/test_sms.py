"""SMS encoding and segments: unit cases, and a differential test against Twilio's calculator."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from copygen.guardrails import sms

DIFF = Path(__file__).parent / "differential"


@pytest.mark.parametrize("text,encoding,units,segments", [
    ("", "GSM-7", 0, 1),
    ("a" * 160, "GSM-7", 160, 1),
    ("a" * 161, "GSM-7", 161, 2),
    ("a" * 306, "GSM-7", 306, 2),
    ("a" * 307, "GSM-7", 307, 3),
    ("€" * 80, "GSM-7", 160, 1),  # extension characters count double
    ("€" * 81, "GSM-7", 162, 2),
    ("Hi – there", "UCS-2", 10, 1),  # one en dash switches the whole message
    ("á" * 70, "UCS-2", 70, 1),
    ("á" * 71, "UCS-2", 71, 2),
    ("😀" * 35, "UCS-2", 70, 1),  # surrogate pairs: two UTF-16 units each
    ("😀" * 36, "UCS-2", 72, 2),
])
def test_counts(text: str, encoding: str, units: int, segments: int) -> None:
    c = sms.count(text)
    assert (c.encoding, c.units, c.segments) == (encoding, units, segments)


def test_non_gsm_characters_are_named_with_offsets() -> None:
    c = sms.count("Book now – it’s quick")
    assert c.non_gsm == ((9, "–"), (13, "’"))
    assert sms.count(sms.to_gsm7("Book now – it’s quick")).encoding == "GSM-7"


def test_escape_pair_is_never_split_across_segments() -> None:
    # 152 septets then '€' (2): the pair cannot start at unit 153 of part one, so it moves to part two.
    c = sms.count("a" * 152 + "€" + "a" * 152)
    assert c.segments == 3 and c.units == 306


def test_fit_cuts_at_sentence_then_word() -> None:
    text = "First sentence here. Second sentence is much longer than the budget allows."
    assert sms.fit(text, 30) == "First sentence here."
    assert sms.fit("one two three four five", 12) == "one two"


def _reference(cases: list[str]) -> list[dict[str, object]]:
    out = subprocess.run(["node", str(DIFF / "segments.js")], input=json.dumps(cases),
                         capture_output=True, text=True, check=True, timeout=120)
    return json.loads(out.stdout)


def test_agrees_with_twilio_calculator() -> None:
    if not (DIFF / "node_modules" / "sms-segments-calculator").is_dir() or not shutil.which("node"):
        if os.environ.get("CI"):
            pytest.fail("the reference calculator is not installed: npm ci --prefix tests/differential")
        pytest.skip("reference calculator not installed (npm ci --prefix tests/differential)")
    rng = random.Random(20261122)
    alphabet = list("abcXYZ 019.,!?@£$¥èéÇ\n\r") + list("^{}\\[~]|€\f") + ["á", "–", "’", "“", "😀", "…", "ç", "\u00a0"]
    cases = ["", "a" * 152 + "€" + "a" * 10, "€" * 77 + "a", "a" * 66 + "😀", "a" * 67 + "😀" + "a" * 3]
    for _ in range(4000):
        n = rng.choice([rng.randint(0, 80), rng.randint(60, 180), rng.randint(140, 700)])
        pool = alphabet if rng.random() < 0.5 else alphabet[:34]  # half the cases stay GSM-7
        cases.append("".join(rng.choice(pool) for _ in range(n)))
    disagreements = []
    for text, ref in zip(cases, _reference(cases)):
        c = sms.count(text)
        if (c.encoding, c.segments) != (ref["encoding"], ref["segments"]):
            disagreements.append((text[:30], c.encoding, c.segments, ref))
        bits_per_unit = 7 if c.encoding == "GSM-7" else 16
        if c.units * bits_per_unit != ref["bits"]:
            disagreements.append((text[:30], "size", c.units, ref))
    assert not disagreements, disagreements[:5]
