"""Each platform's limits, the JSON schema of the fields a model writes, and the assembly of a draft
from those creative fields plus the mechanical fields taken from the brand profile."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .brand import Brand
from .guardrails import sms
from .guardrails.speech import WORDS_PER_SECOND
from .models import Beat, Brief, EmailContent, Platform, SmsContent, TikTokContent

HOOK_SECONDS = 3.0
BEATS_FOR_DURATION = {15: 3, 30: 4, 60: 6}
MAX_HASHTAGS = 5
SUBJECT_WARN, SUBJECT_MAX = 50, 60
PREHEADER_MIN, PREHEADER_MAX = 40, 100
CAPTION_API_MAX, CAPTION_APP_MAX = 2200, 4000
BODY_MAX, CTA_MAX, HOOK_MAX, CAPTION_MAX = 700, 60, 80, 150


@dataclass(frozen=True)
class PlatformSpec:
    platform: Platform
    unit: str
    limits: tuple[tuple[str, str], ...]  # (what, limit) rows for `copygen platforms`


SPECS: dict[Platform, PlatformSpec] = {
    Platform.SMS: PlatformSpec(Platform.SMS, "GSM-7 septets or UCS-2 code units, billed per segment", (
        ("GSM-7, one segment", f"{sms.GSM7_SINGLE} septets"),
        ("GSM-7, per segment when concatenated", f"{sms.GSM7_MULTI} septets"),
        ("GSM-7 extension characters ^ { } \\ [ ] ~ | € form feed", "2 septets each"),
        ("UCS-2 (any character outside GSM-7), one segment", f"{sms.UCS2_SINGLE} code units"),
        ("UCS-2, per segment when concatenated", f"{sms.UCS2_MULTI} code units"),
        ("segment budget", "1 by default (--max-segments)"),
        ("required", "sender identification; opt-out (e.g. Reply STOP)"),
    )),
    Platform.EMAIL: PlatformSpec(Platform.EMAIL, "characters", (
        ("subject", f"{SUBJECT_WARN} characters or fewer (warn above), {SUBJECT_MAX} at most"),
        ("preheader", f"{PREHEADER_MIN}-{PREHEADER_MAX} characters, not a repeat of the subject"),
        ("required", "unsubscribe line; sender's postal address; subject that matches the body"),
    )),
    Platform.TIKTOK: PlatformSpec(Platform.TIKTOK, "characters (caption), spoken seconds (script)", (
        ("caption", f"{CAPTION_API_MAX} characters for API posting, {CAPTION_APP_MAX} in the app"),
        ("caption shown before 'more'", "about the first 100 characters: ad label and key message there"),
        ("hashtags", f"{MAX_HASHTAGS} or fewer"),
        ("script", f"spoken at {WORDS_PER_SECOND} words a second, within 15, 30 or 60 seconds"),
        ("hook", f"the first {HOOK_SECONDS:g} seconds"),
        ("required when paid, sponsored or influencer", "#ad (or Ad) at the start of the caption"),
    )),
}


# ---- what the model writes -------------------------------------------------------------------


def sms_frame(brand: Brand) -> tuple[str, str]:
    """The text copygen puts before and after the model's message."""
    prefix = f"{brand.sender}: " if brand.sender else ""
    return prefix, f" {brand.opt_out}" if brand.opt_out else ""


def sms_body_budget(brief: Brief, brand: Brand) -> int:
    """GSM-7 septets left for the model's message once sender and opt-out are in place."""
    capacity = sms.capacity(brief.max_segments)
    prefix, suffix = sms_frame(brand)
    frame = sms.count(sms.to_gsm7(prefix + suffix)).units
    return max(40, capacity - frame)


def seconds_budget(brief: Brief) -> tuple[int, int]:
    """(beats, words per beat) that fit the video length after the hook."""
    beats = BEATS_FOR_DURATION[brief.duration]
    words = int((brief.duration - HOOK_SECONDS) * WORDS_PER_SECOND / beats)
    return beats, max(4, words)


# Creative text is plain prose: no brackets, braces, markup, hashes or @ (so no placeholders, links or handles).
# llama.cpp turns the pattern into a grammar; endpoints that ignore it still get the same limits checked here.
PLAIN_CHARS = "A-Za-z0-9 ,.!?'():;/&%£$+-"


def _string(max_length: int, min_length: int = 1) -> dict[str, Any]:
    return {"type": "string", "minLength": min_length, "maxLength": max_length,
            "pattern": f"^[A-Za-z0-9][{PLAIN_CHARS}]{{{max(0, min_length - 1)},{max_length - 1}}}$"}


def creative_schema(platform: Platform, brief: Brief, brand: Brand) -> dict[str, Any]:
    """JSON schema for the creative fields only; lengths bound what the model may write."""
    if platform is Platform.SMS:
        props: dict[str, Any] = {"message": _string(sms_body_budget(brief, brand), 20)}
    elif platform is Platform.EMAIL:
        props = {
            "subject": _string(SUBJECT_WARN, 10),
            "preheader": _string(PREHEADER_MAX, PREHEADER_MIN),
            "body": _string(BODY_MAX, 80),
            "cta": _string(CTA_MAX, 5),
        }
    else:
        beats, words = seconds_budget(brief)
        beat = {
            "type": "object",
            "properties": {"on_screen": _string(40, 3), "voiceover": _string(words * 7, 10)},
            "required": ["on_screen", "voiceover"],
            "additionalProperties": False,
        }
        props = {
            "hook": _string(HOOK_MAX, 10),
            "beats": {"type": "array", "items": beat, "minItems": beats, "maxItems": beats},
            "caption": _string(CAPTION_MAX, 20),
            "hashtags": {"type": "array", "items": {"type": "string", "pattern": "^#?[A-Za-z][A-Za-z0-9]{1,24}$"},
                         "minItems": 2, "maxItems": MAX_HASHTAGS},
        }
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


# ---- cleaning what the model wrote -------------------------------------------------------------

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
    owned = [d.lower() for d in (_domain(brand.website), _domain(brand.email)) if d]
    text = _URL.sub(lambda m: m.group(0) if any(d in m.group(0).lower() for d in owned) else "", text)
    return _WS.sub(" ", text).replace(" .", ".").replace(" ,", ",").strip()


# What the platform frame adds from the brand profile: a model that writes it into its own text as well
# would send it twice (quality.repeated_mechanical).
_OPT_OUT_SENTENCE = re.compile(r"[^.!?\n]*\b(?:reply|text|send)\s+stop\b[^.!?\n]*[.!?]?", re.IGNORECASE)
_UNSUBSCRIBE_SENTENCE = re.compile(
    r"[^.!?\n]*\b(?:unsubscribe|stop (?:receiving|getting) (?:these|our) (?:emails|messages))\b[^.!?\n]*[.!?]?",
    re.IGNORECASE)


def without_frame(text: str, sentence: re.Pattern[str] | None, sender: str | None = None) -> str:
    """`text` without the sentences the frame adds (`sentence`) and without a leading "Sender:" prefix. A
    text that is nothing else is kept as it is, for the guardrails to block rather than send empty."""
    out = text
    if sender:
        out = re.sub(rf"^\s*{re.escape(sender)}\s*:\s*", "", out)
    if sentence is not None:
        out = sentence.sub("", out)
    out = _WS.sub(" ", out).strip()
    return out if len(out) >= 3 else text


def _domain(value: str | None) -> str | None:
    if not value:
        return None
    v = value.lower().split("@")[-1]
    v = re.sub(r"^https?://", "", v)
    return v.split("/")[0].removeprefix("www.") or None


def trim_cut(text: str, max_chars: int) -> str:
    """A model stopped by a length cap leaves a broken last sentence: drop it, or the broken last word."""
    text = text.strip()
    if len(text) < max_chars - 2 or text.endswith((".", "!", "?")):
        return text
    for mark in (". ", "! ", "? "):
        i = text.rfind(mark)
        if i >= len(text) // 2:
            return text[: i + 1]
    return text.rsplit(" ", 1)[0].rstrip(",;:-& ") if " " in text else text


def sentence_fit(text: str, max_chars: int) -> str:
    """`text` cut to at most `max_chars` at the last sentence end in its second half, else at a word."""
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    for mark in (". ", "! ", "? "):
        i = cut.rfind(mark)
        if i >= max_chars // 2:
            return cut[: i + 1]
    return cut.rsplit(" ", 1)[0].rstrip(",;:- ")


def _hashtag(tag: str) -> str | None:
    word = re.sub(r"[^A-Za-z0-9]", "", tag)
    return f"#{word}" if word and word[0].isalpha() else None


# ---- assembling the draft ---------------------------------------------------------------------


def assemble(platform: Platform, creative: dict[str, Any], brief: Brief, brand: Brand) -> SmsContent | EmailContent | TikTokContent:
    """Build the platform content from the model's creative fields and the brand's mechanical ones."""
    if platform is Platform.SMS:
        return _assemble_sms(creative, brief, brand)
    if platform is Platform.EMAIL:
        return _assemble_email(creative, brand)
    return _assemble_tiktok(creative, brief, brand)


def _assemble_sms(creative: dict[str, Any], brief: Brief, brand: Brand) -> SmsContent:
    body = clean_text(trim_cut(sms.to_gsm7(str(creative["message"])), sms_body_budget(brief, brand)), brand)
    body = without_frame(body, _OPT_OUT_SENTENCE if brand.opt_out else None, brand.sender)
    prefix, suffix = sms_frame(brand)
    capacity = sms.capacity(brief.max_segments)
    frame_units = sms.count(prefix + suffix).units
    body = sms.fit(body, max(0, capacity - frame_units))
    return SmsContent(body=body, sender=brand.sender or "", opt_out=brand.opt_out, text=f"{prefix}{body}{suffix}")


def email_footer(brand: Brand) -> str:
    who = ", ".join(p for p in (brand.practice_name, brand.postal_address) if p)
    contact = " | ".join(p for p in (brand.phone, brand.website) if p)
    return "\n".join(p for p in (brand.disclaimer, who, contact) if p)


def _assemble_email(creative: dict[str, Any], brand: Brand) -> EmailContent:
    subject = sentence_fit(clean_text(trim_cut(str(creative["subject"]), SUBJECT_WARN), brand), SUBJECT_MAX)
    preheader = sentence_fit(clean_text(trim_cut(str(creative["preheader"]), PREHEADER_MAX), brand), PREHEADER_MAX)
    frame = _UNSUBSCRIBE_SENTENCE if brand.unsubscribe else None
    body = without_frame(clean_text(trim_cut(str(creative["body"]), BODY_MAX), brand), frame)
    cta = without_frame(clean_text(trim_cut(str(creative["cta"]), CTA_MAX), brand), frame)
    footer = email_footer(brand)
    text = "\n\n".join(p for p in (body, cta, brand.unsubscribe, footer) if p)
    return EmailContent(subject=subject, preheader=preheader, body=body, cta=cta,
                        unsubscribe=brand.unsubscribe, footer=footer, text=text)


def _assemble_tiktok(creative: dict[str, Any], brief: Brief, brand: Brand) -> TikTokContent:
    hook = clean_text(trim_cut(str(creative["hook"]), HOOK_MAX), brand)
    n_beats, words_per_beat = seconds_budget(brief)
    raw_beats = [b for b in creative.get("beats", []) if isinstance(b, dict)][:n_beats]
    seen: set[str] = set()  # a small model repeats whole beats; keep the first of each
    raw_beats = [b for b in raw_beats if not (str(b.get("voiceover", "")).lower() in seen
                                              or seen.add(str(b.get("voiceover", "")).lower()))]
    texts = [(clean_text(str(b.get("on_screen", "")), brand),
              _words_fit(clean_text(trim_cut(str(b.get("voiceover", "")), words_per_beat * 7), brand),
                         words_per_beat)) for b in raw_beats]
    beats = _time_beats(texts, brief.duration)
    tags = list(dict.fromkeys(t for t in (_hashtag(str(x)) for x in creative.get("hashtags", [])) if t))[:MAX_HASHTAGS]
    caption_text = clean_text(trim_cut(str(creative["caption"]), CAPTION_MAX), brand)
    disclosure = brand.ad_label if brief.sponsored else None
    caption = " ".join(p for p in (disclosure, caption_text, " ".join(tags)) if p)
    return TikTokContent(duration=brief.duration, hook=hook, beats=beats, hashtags=tags,
                         ad_disclosure=disclosure, caption=caption)


def _words_fit(text: str, max_words: int) -> str:
    words = text.split()
    if len(words) <= max_words:
        return text
    return sentence_fit(text, len(" ".join(words[:max_words])))


def _time_beats(texts: list[tuple[str, str]], duration: int) -> list[Beat]:
    """Share the time after the hook between beats in proportion to what each one says (at least 2 s)."""
    if not texts:
        return []
    weights = [max(len(v.split()), 1) for _, v in texts]
    available = duration - HOOK_SECONDS
    total = sum(weights)
    beats, t = [], HOOK_SECONDS
    for i, ((on_screen, voiceover), w) in enumerate(zip(texts, weights)):
        length = available - (t - HOOK_SECONDS) if i == len(texts) - 1 else max(2.0, available * w / total)
        end = min(float(duration), round(t + length, 1))
        beats.append(Beat(start=round(t, 1), end=end, on_screen=on_screen, voiceover=voiceover))
        t = end
    return beats


