"""TikTok: a spoken script in timed beats with on-screen text, and a caption with hashtags; copygen puts the
brand's ad label first in a sponsored post's caption."""

from __future__ import annotations

import re
from typing import Any, Literal

from ..brand import Brand
from ..guardrails.engine import Context
from ..guardrails.speech import WORDS_PER_SECOND
from ..kinds import Platform
from ..models import Brief, Finding, Model
from .base import Channel, Highlight, ad_label_first, fit_field, object_schema, string_field
from .text import clean_text, hashtags, sentence_fit, trim_cut

HOOK_SECONDS = 3.0
BEATS_FOR_DURATION = {15: 3, 30: 4, 60: 6}
MAX_HASHTAGS = 5
CAPTION_API_MAX, CAPTION_APP_MAX = 2200, 4000
HOOK_MAX, CAPTION_MAX = 80, 150
ON_SCREEN_MAX = 40  # characters of one beat's on-screen line; a longer one is cut at a whole phrase


class Beat(Model):
    start: float  # seconds from the start of the video
    end: float
    on_screen: str
    voiceover: str


class TikTokContent(Model):
    kind: Literal["tiktok"] = "tiktok"
    duration: int
    hook: str
    beats: list[Beat]
    hashtags: list[str]
    ad_disclosure: str | None = None  # from the brand profile, when the brief is sponsored
    caption: str  # as posted: ad disclosure first, then the caption text, then hashtags

    @property
    def script(self) -> str:
        """Everything spoken, in order: the hook, then each beat's voiceover."""
        return "\n".join([self.hook, *(b.voiceover for b in self.beats)])

    @property
    def on_screen(self) -> str:
        return "\n".join(b.on_screen for b in self.beats)

    def fields(self) -> dict[str, str]:
        return {"caption": self.caption, "script": self.script, "on_screen": self.on_screen}



def seconds_budget(brief: Brief) -> tuple[int, int]:
    """(beats, words per beat) that fit the video length after the hook."""
    beats = BEATS_FOR_DURATION[brief.duration]
    words = int((brief.duration - HOOK_SECONDS) * WORDS_PER_SECOND / beats)
    return beats, max(4, words)


def _trim_hashtags(c: TikTokContent, brand: Brand, ctx: Context, findings: list[Finding]) -> TikTokContent | None:
    tags = re.findall(r"(?<!\w)#\w+", c.caption)
    extra = tags[MAX_HASHTAGS:]
    if not extra:
        return None
    caption = c.caption
    for tag in extra:  # drop the surplus from the end
        i = caption.rfind(tag)
        caption = (caption[:i].rstrip() + " " + caption[i + len(tag):].lstrip()).strip()
    return c.model_copy(update={"caption": caption, "hashtags": [t for t in c.hashtags if t not in extra]})


def _drop_marked_hashtags(c: TikTokContent, brand: Brand, ctx: Context, findings: list[Finding]) -> TikTokContent | None:
    """The caption without the hashtags these findings mark (a worked example's tag on another topic, debris):
    a hashtag carries no claim and no sentence, so it goes without a word of the copy changing."""
    marked = {c.caption[f.start:f.end] for f in findings
              if f.field == "caption" and f.start is not None and c.caption[f.start:f.start + 1] == "#"}
    if not marked:
        return None
    caption = re.sub(r"\s*(?<!\w)#\w+", lambda m: "" if m.group(0).strip() in marked else m.group(0), c.caption).strip()
    return c.model_copy(update={"caption": caption, "hashtags": [t for t in c.hashtags if t not in marked
                                                                    and f"#{t.lstrip('#')}" not in marked]})


class TikTok(Channel):
    platform = Platform.TIKTOK
    unit = "characters (caption), spoken seconds (script)"
    limits = (
        ("caption", f"{CAPTION_API_MAX} characters for API posting, {CAPTION_APP_MAX} in the app"),
        ("caption shown before 'more'", "about the first 100 characters: ad label and key message there"),
        ("hashtags", f"{MAX_HASHTAGS} or fewer"),
        ("script", f"spoken at {WORDS_PER_SECOND} words a second, within 15, 30 or 60 seconds"),
        ("hook", f"the first {HOOK_SECONDS:g} seconds"),
        ("required when paid, sponsored or influencer", "#ad (or Ad) at the start of the caption"),
    )
    content = TikTokContent
    max_tokens = 700
    headers = {"caption": "caption", "script": "script", "voiceover": "script", "on-screen": "on_screen",
               "on screen": "on_screen", "on_screen": "on_screen"}
    fixes = {"ad_label_from_brand": ad_label_first, "trim_hashtags": _trim_hashtags,
             "fit_caption": fit_field("caption", CAPTION_API_MAX), "drop_marked_hashtags": _drop_marked_hashtags}

    def schema(self, brief: Brief, brand: Brand) -> dict[str, Any]:
        beats, words = seconds_budget(brief)
        beat = object_schema({"on_screen": string_field(ON_SCREEN_MAX, 3), "voiceover": string_field(words * 7, 10)})
        return object_schema({
            "hook": string_field(HOOK_MAX, 10),
            "beats": {"type": "array", "items": beat, "minItems": beats, "maxItems": beats},
            "caption": string_field(CAPTION_MAX, 20),
            "hashtags": {"type": "array", "items": {"type": "string", "pattern": "^#?[A-Za-z][A-Za-z0-9]{1,24}$"},
                         "minItems": 2, "maxItems": MAX_HASHTAGS},
        })

    def prompt_values(self, brief: Brief, brand: Brand) -> dict[str, Any]:
        beats, words = seconds_budget(brief)
        return {"duration": brief.duration, "beats": beats, "words": words}

    def assemble(self, creative: dict[str, Any], brief: Brief, brand: Brand) -> TikTokContent:
        hook = clean_text(trim_cut(str(creative["hook"]), HOOK_MAX), brand)
        n_beats, words_per_beat = seconds_budget(brief)
        raw_beats = [b for b in creative.get("beats", []) if isinstance(b, dict)][:n_beats]
        seen: set[str] = set()  # a small model repeats whole beats; keep the first of each
        raw_beats = [b for b in raw_beats if not (str(b.get("voiceover", "")).lower() in seen
                                                  or seen.add(str(b.get("voiceover", "")).lower()))]
        texts = [(clean_text(trim_cut(str(b.get("on_screen", "")), ON_SCREEN_MAX), brand),
                  _words_fit(clean_text(trim_cut(str(b.get("voiceover", "")), words_per_beat * 7), brand),
                             words_per_beat)) for b in raw_beats]
        beats = _time_beats(texts, brief.duration)
        tags = hashtags(creative.get("hashtags"), MAX_HASHTAGS)
        caption_text = clean_text(trim_cut(str(creative["caption"]), CAPTION_MAX), brand)
        disclosure = brand.ad_label if brief.sponsored else None
        caption = " ".join(p for p in (disclosure, caption_text, " ".join(tags)) if p)
        return TikTokContent(duration=brief.duration, hook=hook, beats=beats, hashtags=tags,
                             ad_disclosure=disclosure, caption=caption)

    def card(self, draft: Any, highlight: Highlight) -> dict[str, Any]:
        c = draft.content
        # The script field is the hook then each beat's voiceover, one per line; on_screen likewise.
        beats, pos, spos = [], len(c.hook) + 1, 0
        for b in c.beats:
            beats.append({"beat": b, "voice": highlight("script", pos, pos + len(b.voiceover)),
                          "screen": highlight("on_screen", spos, spos + len(b.on_screen)),
                          "left": 100 * b.start / c.duration, "width": 100 * (b.end - b.start) / c.duration})
            pos += len(b.voiceover) + 1
            spos += len(b.on_screen) + 1
        return {"caption": highlight("caption"), "hook": highlight("script", 0, len(c.hook)), "beats": beats,
                "duration": c.duration, "spoken": draft.measurements.get("script"),
                "marks": [m for m in (15, 30, 60) if m <= max(c.duration, 15)],
                "hook_width": 100 * HOOK_SECONDS / c.duration}

    def sections(self, content: TikTokContent) -> list[tuple[str, str]]:
        beats = "\n".join(f"{b.start:>4.1f}-{b.end:>4.1f}s  [{b.on_screen}]  {b.voiceover}" for b in content.beats)
        return [("Hook (0-3 s)", content.hook), (f"Script ({content.duration} s)", beats), ("Caption", content.caption)]


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


CHANNEL = TikTok()
