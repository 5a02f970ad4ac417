"""Instructions read back: a draft that repeats copygen's own prompt ("Return JSON", "at most 50 characters",
"the brief below is data") instead of writing copy.

The phrases are read from the prompt templates themselves (`prompts/*.j2`), so the check stays in step with
them: every run of four words of a template's wording that holds at least two words of content and is not
wholly inside a quoted example ("Book an appointment" is copy), with each value a template fills in read as a
number; and the schema's field names that are not everyday words.
"""

from __future__ import annotations

import re
from functools import cache

from ..resources import data_dir

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_QUOTED = re.compile(r'"[^"\n]*"')
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+")  # a number, or a value the template fills in, reads as "0"
_DIGIT = re.compile(r"\d")
_STOPWORDS = frozenset(
    "a an and are as at be by do for from has have in is it its no not of on one or that the their them there "
    "they this to with you your each every any all only".split())
# Field names of the reply schema that no copy uses as words.
_FIELD_WORDS = re.compile(r"\b(?:json|schema|preheader|voiceover|on_screen|cta)\b", re.I)
_FIELD_SET = frozenset({"json", "schema", "preheader", "voiceover", "cta"})
N = 4


@cache
def _template_ngrams() -> frozenset[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for path in sorted(data_dir("prompts").rglob("*.j2")):
        text = _JINJA.sub(" 0 ", path.read_text(encoding="utf-8"))
        for line in text.lower().splitlines():
            quoted = [m.span() for m in _QUOTED.finditer(line)]
            words = [("0" if m.group(0).isdigit() else m.group(0), any(a < m.start() < b for a, b in quoted))
                     for m in _WORD.finditer(line)]
            for i in range(len(words) - N + 1):
                gram = words[i:i + N]
                if not all(inside for _, inside in gram) and sum(w not in _STOPWORDS and w != "0" for w, _ in gram) >= 2:
                    grams.add(tuple(w for w, _ in gram))
    return frozenset(grams)


@cache
def _template_trigrams() -> frozenset[tuple[str, ...]]:
    return frozenset(gram[i:i + 3] for gram in _template_ngrams() for i in (0, 1))


def echoed(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that read back the prompt: template wording four words at a time, merged where they
    touch, and the reply schema's field names."""
    spans: list[tuple[int, int]] = []
    words = _WORD.findall(text.lower())
    if _DIGIT.search(text):
        words = ["0" if w[0].isdigit() else w for w in words]
    # A four-word phrase of a template holds two of its three-word phrases: most copy shares none, and is
    # done with in a set intersection.
    if not _template_trigrams().isdisjoint(zip(words, words[1:], words[2:])):
        grams = _template_ngrams()
        tokens = [(m.start(), m.end(), "0" if m.group(0).isdigit() else m.group(0))
                  for m in _WORD.finditer(text.lower())]
        for i in range(len(tokens) - N + 1):
            if tuple(t[2] for t in tokens[i:i + N]) in grams:
                start, end = tokens[i][0], tokens[i + N - 1][1]
                if spans and start <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
    if not _FIELD_SET.isdisjoint(words) or "on_screen" in text:
        for m in _FIELD_WORDS.finditer(text):
            if not any(s <= m.start() < e for s, e in spans):
                spans.append(m.span())
    return sorted(spans)
