"""The sentence splitter the guardrails share: a run of text up to and including its stops, without the spaces
around it. A line break ends a sentence too."""

from __future__ import annotations

import re

SENTENCE = re.compile(r"[^.!?\n\s][^.!?\n]*[.!?]*")
