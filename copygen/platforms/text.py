"""Cleaning what a model wrote: runaway repetition, links the practice does not own, text the platform frame
adds anyway, and sentences a length cap cut."""

from __future__ import annotations

import re

from ..brand import Brand
from ..guardrails.sentences import ends_within, without

_WS = re.compile(r"[ \t]+")
_REPEATED_RUN = re.compile(r"\b(\w+(?:\W+\w+){0,6}?)(?:\W+\1\b){2,}", re.IGNORECASE)
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b", re.IGNORECASE)


def clean_text(text: str, brand: Brand) -> str:
    """Cut runaway repetition and links the brand does not own; tidy whitespace."""
    text = _REPEATED_RUN.sub(r"\1", text)
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    seen: set[str] = set()
    kept = []
    for s in sentences:
        key = re.sub(r"\W+", " ", s).strip().lower()
        if key and key not in seen:
            seen.add(key)
            kept.append(s)
    text = " ".join(kept)
    owned = [d.lower() for d in (domain(brand.website), domain(brand.email)) if d]
    text = _URL.sub(lambda m: m.group(0) if any(d in m.group(0).lower() for d in owned) else "", text)
    return _WS.sub(" ", text).replace(" .", ".").replace(" ,", ",").strip()


# What the platform frame adds from the brand profile: a model that writes it into its own text as well
# would send it twice (quality.repeated_mechanical).
OPT_OUT_WORDS = re.compile(r"\b(?:reply|text|send)\s+stop\b", re.IGNORECASE)
UNSUBSCRIBE_WORDS = re.compile(r"\b(?:unsubscribe|stop (?:receiving|getting) (?:these|our) (?:emails|messages))\b",
                               re.IGNORECASE)


def without_frame(text: str, words: re.Pattern[str] | None, sender: str | None = None) -> str:
    """`text` without the sentences the frame adds (those holding `words`) and without a leading "Sender:"
    prefix. A text that is nothing else is kept as it is, for the guardrails to block rather than send empty."""
    out = text
    if sender:
        out = re.sub(rf"^\s*{re.escape(sender)}\s*:\s*", "", out)
    if words is not None:
        out = without(out, words.search)
    out = _WS.sub(" ", out).strip()
    return out if len(out) >= 3 else text


def domain(value: str | None) -> str | None:
    if not value:
        return None
    v = value.lower().split("@")[-1]
    v = re.sub(r"^https?://", "", v)
    return v.split("/")[0].removeprefix("www.") or None


def trim_cut(text: str, max_chars: int) -> str:
    """A model stopped by a length cap leaves a broken last sentence: drop it (the copy then ends at a whole
    sentence, however short what is left), or, in a text of one sentence, the broken last word."""
    text = text.strip()
    if len(text) < max_chars - 2 or text.endswith((".", "!", "?")):
        return text
    end = max(ends_within(text, len(text) - 1), default=0)
    if end > MIN_SENTENCE:
        return text[:end]
    return _whole_phrase(text.rsplit(" ", 1)[0]) if " " in text else text


# Words that need another after them: a line cut at a word must not end on one ("every Saturday in").
_DANGLING = re.compile(r"(?:\s+(?:with|to|for|and|or|but|of|from|about|the|a|an|your|our|their|my|every|each|at|by"
                       r"|than|as|in|on|into|&|(?<!\byou )(?<!\bwe )(?<!\bthey )(?<!\bi )"
                       r"(?:can|could|will|would|should|may|might|must)))+\s*$", re.IGNORECASE)


def _whole_phrase(cut: str) -> str:
    """A line cut at a word, without the trailing words that needed more after them."""
    cut = cut.rstrip(",;:-& ")
    kept = _DANGLING.sub("", cut).rstrip(",;:-& ")
    return kept if kept else cut


MIN_SENTENCE = 15  # characters: a whole first sentence shorter than this ("Hi there!") is not copy to stop at


def sentence_fit(text: str, max_chars: int) -> str:
    """`text` cut to at most `max_chars` at the last sentence end in its second half, else at a word."""
    if len(text) <= max_chars:
        return text
    end = max(ends_within(text, max_chars), default=0)
    if end > max_chars // 2:
        return text[:end]
    return _whole_phrase(text[:max_chars].rsplit(" ", 1)[0])


def hashtag(tag: str) -> str | None:
    word = re.sub(r"[^A-Za-z0-9]", "", tag)
    return f"#{word}" if word and word[0].isalpha() else None


def hashtags(values: object, most: int) -> list[str]:
    """The model's hashtags as tags ("#flu"), each once, at most `most` of them."""
    tags = (hashtag(str(x)) for x in (values if isinstance(values, list) else []))
    return list(dict.fromkeys(t for t in tags if t))[:most]
