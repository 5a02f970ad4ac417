"""SMS encoding and segment counting (3GPP TS 23.038 default alphabet), as carriers bill it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

# GSM-7 default alphabet: one septet each.
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# Extension table: reached through ESC, so each costs two septets.
GSM7_EXTENDED = frozenset("\f^{}\\[~]|€")

# Characters that force UCS-2, with the GSM-7 text that would avoid it (the usual "smart encoding").
GSM7_REPLACEMENTS: dict[str, str] = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u2026": "...", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "", "\t": " ",
    "\u2022": "-", "\u00b7": "-", "\u2122": "TM", "\u00a9": "(c)", "\u00ae": "(R)",
    "\u00e1": "a", "\u00e2": "a", "\u00e3": "a", "\u00ea": "e", "\u00eb": "e", "\u00ed": "i", "\u00ee": "i",
    "\u00ef": "i", "\u00f3": "o", "\u00f4": "o", "\u00f5": "o", "\u00fa": "u", "\u00fb": "u", "\u00e7": "c",
    "\u00c1": "A", "\u00c0": "A", "\u00c2": "A", "\u00c8": "E", "\u00ca": "E", "\u00cd": "I", "\u00d3": "O",
    "\u00da": "U", "\u00bd": "1/2", "\u00bc": "1/4", "\u2192": "->", "\u00d7": "x",
}

GSM7_SINGLE, GSM7_MULTI = 160, 153
UCS2_SINGLE, UCS2_MULTI = 70, 67


def capacity(segments: int, gsm: bool = True) -> int:
    """Units a message of at most `segments` segments can hold: a single segment holds more than one part of
    a concatenated message (160 septets against 153, or 70 UTF-16 units against 67)."""
    single, multi = (GSM7_SINGLE, GSM7_MULTI) if gsm else (UCS2_SINGLE, UCS2_MULTI)
    return single if segments == 1 else segments * multi


@dataclass(frozen=True)
class SmsCount:
    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets for GSM-7, UTF-16 code units for UCS-2
    segments: int
    per_segment: int  # capacity of one segment at this length
    non_gsm: tuple[tuple[int, str], ...]  # (offset, character) of every character that forced UCS-2

    @property
    def remaining(self) -> int:
        """Units left before the message needs one more segment."""
        return self.segments * self.per_segment - self.units


GSM7_ALL = GSM7_BASIC | GSM7_EXTENDED


def is_gsm7(ch: str) -> bool:
    return ch in GSM7_ALL


@lru_cache(maxsize=512)  # a message is counted by its length rules and again for its measurements
def count(text: str) -> SmsCount:
    """Encoding, units and segments for `text` as one concatenated SMS."""
    if GSM7_ALL.issuperset(text):
        escaped = sum(text.count(ch) for ch in GSM7_EXTENDED)
        split = [2 if ch in GSM7_EXTENDED else 1 for ch in text] if escaped else None
        return _segments("GSM-7", len(text) + escaped, GSM7_SINGLE, GSM7_MULTI, (), split)
    non_gsm = tuple((i, ch) for i, ch in enumerate(text) if ch not in GSM7_ALL)
    units = len(text.encode("utf-16-le")) // 2
    split = [2 if ord(ch) > 0xFFFF else 1 for ch in text] if units > len(text) else None
    return _segments("UCS-2", units, UCS2_SINGLE, UCS2_MULTI, non_gsm, split)


def _segments(enc: str, units: int, single: int, multi: int, non_gsm: tuple[tuple[int, str], ...],
              split_units: list[int] | None) -> SmsCount:
    """`split_units` lists each character's units when some take two (an escape or a surrogate pair)."""
    if units <= single:  # an empty message is still sent, and billed, as one segment
        return SmsCount(enc, units, 1, single, non_gsm)
    if split_units is None:
        return SmsCount(enc, units, math.ceil(units / multi), multi, non_gsm)
    # Concatenated: an escape pair or a surrogate pair is never split across parts, so pack greedily.
    segments, used = 1, 0
    for u in split_units:
        if used + u > multi:
            segments += 1
            used = 0
        used += u
    return SmsCount(enc, units, max(segments, math.ceil(units / multi)), multi, non_gsm)


_REPLACEABLE = re.compile("[" + "".join(re.escape(ch) for ch in GSM7_REPLACEMENTS) + "]")


def to_gsm7(text: str) -> str:
    """Replace the characters that have a GSM-7 equivalent; characters without one are kept."""
    return _REPLACEABLE.sub(lambda m: GSM7_REPLACEMENTS[m.group()], text)


def fit(text: str, max_units: int) -> str:
    """Shorten `text` to at most `max_units` in its own encoding, at a sentence boundary where possible, else a word."""
    def units(s: str) -> int:
        return count(s).units

    if units(text) <= max_units:
        return text
    # Longest prefix ending a sentence that fits.
    best = ""
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] == " "):
            candidate = text[: i + 1]
            if units(candidate) <= max_units:
                best = candidate
            else:
                break
    if best:
        return best
    words = text.split(" ")
    out = ""
    for w in words:
        candidate = f"{out} {w}" if out else w
        if units(candidate) > max_units:
            break
        out = candidate
    return out.rstrip(",;:- ")
