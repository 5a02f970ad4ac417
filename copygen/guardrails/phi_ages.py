"""Ages over 89 (a HIPAA Safe Harbor identifier): one reading for every way of writing one.

Every number from 90 to 119, in digits ("94", "101st"), in words ("ninety-two", "a hundred and one") or as an
ordinal word ("ninetieth"), is a candidate. It is an age when what stands around it says so: an age word
("aged", "years old", "birthday", "turns", "reaching"), a person it is told of ("Edith is 97", "Gwen (ninety)",
"Vera, one hundred and one,", "at 103, Maud"). It is not when a unit, a price, a range, a threshold or an
address follows or precedes it ("95%", "90-minute", "£95", "over 90", "90 Wilmslow Road"), or when what is
that old is the practice ("Our practice is 90 years old").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lazy_regex import lazy
from .phi_hit import Hit
from .phi_lexicon import STREET_SUFFIX, first_names
from .phi_names import FUNCTION_WORDS, NOT_NAMES, name_kind
from .prefilter import requiring, scan
from .sentences import end_of

_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_NTH = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
# Every candidate, longest form first: a word form must not stop at "ninety" in "ninety-two".
_CANDIDATE = requiring((*(str(n) for n in range(90, 120)), "ninet", "hundred"), lazy(
    r"\b(?:(?P<num>9\d|1[01]\d)(?P<suffix>st|nd|rd|th)?(?!\d|[.,]\d)"
    rf"|(?P<nth>ninetieth|ninety-?(?:{_NTH})|(?:a |one )?hundredth|(?:a |one )?hundred(?: and)? (?:{_NTH}))"
    rf"|(?P<word>ninety(?:[- ](?:{_UNITS}))?|(?:a |one )?hundred(?:(?: and)? (?:{_TEENS}|{_UNITS}))?)"
    r"|(?P<decade>(?:early|mid|late)[- ](?:nineties|90s)))\b", re.I))

# ---- what stands after the number -------------------------------------------------------------------------
# A unit, a range, a threshold or an amount: no one's age ("95%", "90-minute", "90 to 120", "90 over 60", "90+").
_NOT_AFTER = lazy(
    r"(?:\s*(?:%|per ?cent\b|\+|/\s*\d|[-–]\s*\d)|[- ]?(?:minutes?|mins?|seconds?|secs?|hours?|hrs?|days?|weeks?|months?"
    r"|miles?|km|kilometres?|metres?|meters?|feet|ft|pounds?|lbs?|kg|mg|ml|dollars|euros|steps|bpm|mmhg|times"
    r"|calories|kcal|points?|places|spaces|seats|spots|slots|degrees?)\b"
    r"|\s+(?:to|or|and) (?:\d|over|up|above|older|more)|\s+over \d|s\b|['’]s\b"
    r"|[- ]years? (?:since|ago|of (?!her\b|him\b|them\b|age\b))|[- ]years? in\b|[- ]yrs? (?:of|in)\b)", re.I)
# An age word after the number: "94 years old", "96 years young", "101-year-old", "93 yr old", "94 y/o",
# "99th birthday", "all 97 years of her".
_AGE_AFTER = lazy(r"[- ]?(?:years?|yrs?|yr)[- ]?(?:old|young)\b|[- ]?years? of (?:her|him|them|age)\b"
                  r"|\s?(?:y/o|yo|y\.o\.?)(?!\w)|[- ](?:birthday|bday|b-day)\b", re.I)
# After a bare number, what ends the thought: "Gwen (ninety)", "Vera, one hundred and one,", "reaching 102!".
_STANDS_ALONE = lazy(r"\s*(?:[,;:)!?–—]|\.(?!\d)|$)|\s+(?:and|now|from|today|tomorrow|this (?:week|month|year)"
                     r"|next (?:week|month)|on (?:mon|tue|wed|thu|fri|sat|sun)|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                     r"|(?:she|he|they)\b)", re.I)
_ORDINAL_AFTER = lazy(r"\s*(?:[,;:)!?–—]|\.(?!\d)|$)|[- ](?:birthday|bday|b-day)\b|\s+(?:with|on|party|celebration|next|this|today|tomorrow)\b", re.I)

# ---- what stands before it --------------------------------------------------------------------------------
# A price, a threshold or a count, not an age: "£95", "over 90", "up to 99", "more than 100", "No. 96".
_NOT_BEFORE = lazy(r"(?:[£$€#]|\b(?:over|under|above|below|more than|less than|fewer than|up to|at least|top|page"
                   r"|room|no\.?|number|ward|bed|bus|route|floor|level|unit|suite|flat|aged (?:under|over)) ?)$", re.I)
# An age word before it: "aged 94", "the age of 97", "turns 93", "reaching 102", "celebrating her 95th",
# "celebrating Siân's 99th", "Happy 104th", "will be 91".
_AGE_BEFORE = lazy(
    r"\b(?:aged?:?|age of|turn(?:s|ed|ing)?|reach(?:es|ed|ing)?|hit(?:s|ting)?|celebrat(?:es|ed|ing)|mark(?:s|ed|ing)"
    r"|happy|(?:will|'ll|’ll|to) be|going on|(?:lady|man|woman|gentleman|gent|patient|person|resident) of)"
    r"(?:\s+(?:her|his|their|[\w'’-]+['’]s))?\s+$", re.I)
# A person the number is told of, then a copula: "Edith is 97", "She's 101", "who was 94", "wife is 91".
_PERSON = (r"she|he|who|mum|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandmother|grandad|grandpa"
           r"|grandfather|wife|husband|sister|brother|aunt|auntie|uncle|patient|pt|resident|lady|man|woman|gentleman|gent")
_PERSON_WORDS = frozenset(_PERSON.split("|"))
_COPULA = r"(?:\s+(?:is|was)|['’]s)(?:\s+now)?\s+$"
_TOLD_OF = lazy(rf"\b(?:{_PERSON})(?:,?\s+[\w'’-]+){{0,4}}?,?{_COPULA}"
                rf"|(?P<who>(?-i:\b[A-Z][\w'’-]+))(?:\s+(?-i:[A-Z][\w'’-]+))?(?:,?\s+who)?,?{_COPULA}", re.I)
# A count after the number: "reached 100 patients", "hit 95 reviews".
_COUNT_AFTER = lazy(r"\s+(?:[a-z-]+\s+)?(?!this\b|is\b|was\b|has\b|yrs\b|years\b)[a-z][a-z-]*[^s\W]s\b")
# The practice, a building or a group, not a person: "Our practice is 90 years old", "the clinic turns 100".
_NOT_A_PERSON = lazy(r"\b(?:our|the|this|its) (?:\w+ )?(?:practice|clinic|surgery|pharmacy|business|company|hospital"
                     r"|centre|center|charity|team|building|firm|brand|service|programme|program|class|group|club)"
                     r"(?:['’]s)?(?:\s+\w+){0,2}\s+$|\b(?:we|it)\b\S*\s+(?:\w+\s+)?$", re.I)
# Beside a person: "Mr Okafor (92)", "Gwen (ninety)", "Mrs Kowalczyk, 94,", "Dad (ninety-seven)".
_BESIDE = lazy(rf"(?P<who>\b(?:{_PERSON})|(?-i:\b[A-Z][\w'’-]*\.?))\s*(?:\(|,)\s*$", re.I)
# "at 103, Maud…", "At 95 she's", "now 96,".
_AT_OR_NOW = lazy(r"\b(?:at|now)\s+$", re.I)
_AT_THEN = lazy(r"\s*,\s+(?P<name>(?-i:[A-Z][\w'’-]+))\b|\s*[,;:)–—]|\s+(?:she|he|they|and still)\b"
                r"|\s+(?:after|with|following|thanks to) (?:his|her|their)\b", re.I)  # "heard birdsong at 96 after his new aids"
_STREET_AFTER = lazy(rf"\s+(?:[A-Z][\w'’-]*\s+){{1,3}}{STREET_SUFFIX}\b")
_DECADE_OF = lazy(r"\bin (?:his|her|their) $", re.I)  # "in her late nineties"
_NAME_IS = lazy(r"(?-i:\b([A-Z][a-z'’]+)) (?i:is|turns) $")  # "Opal is 102 today"
_AND_STILL = lazy(r"\s+and still\b")


def _why(reading: str) -> str:
    return f"age over 89, {reading} (Safe Harbor keeps only '90 or older')"


def find_ages(text: str, folded: frozenset[str], people: Sequence[Hit] = ()) -> list[Hit]:
    """Every age over 89 told of someone in `text`, and a name told with one that no other reading found
    (`people`: the names already found)."""
    out: list[Hit] = []
    for m in scan(_CANDIDATE, text, folded):
        s, e = m.start(), m.end()
        before = text[max(0, s - 60):s]  # read back across a byline's initial ("— Yuki P., 90")
        after = text[e:end_of(text, e) if e < len(text) else e][:40]
        ordinal = bool(m.group("suffix") or m.group("nth"))
        if m.group("decade"):
            if _DECADE_OF.search(before):
                out.append(Hit(s, e, "age_90_plus", _why("a decade of someone's life")))
            continue
        if _NOT_BEFORE.search(before) or _STREET_AFTER.match(after):
            continue
        if not ordinal and _NOT_AFTER.match(after) and not _AGE_AFTER.match(after):
            continue
        reading = None if _NOT_A_PERSON.search(before) else _reading(before, after, ordinal)
        if reading is None:
            continue
        out.append(Hit(s, e, "age_90_plus", _why(reading)))
        out.extend(_named_with(text, s, e, before, after, people))
    return out


def _reading(before: str, after: str, ordinal: bool) -> str | None:
    """What makes a number with these words around it an age, or None."""
    if _AGE_AFTER.match(after):
        return "an age word after it"
    if _AGE_BEFORE.search(before):
        if ordinal and not _ORDINAL_AFTER.match(after):
            return None  # "celebrating our 100th class": a count of something else
        if not ordinal and _COUNT_AFTER.match(after):
            return None  # "reached 100 patients"
        return "an age word before it"
    if ordinal:
        return None
    told = _TOLD_OF.search(before)
    if told is not None and told.group("who") not in FUNCTION_WORDS and _STANDS_ALONE.match(after):
        return "told of a person"
    beside = _BESIDE.search(before)
    if beside is not None and _STANDS_ALONE.match(after):
        word = beside.group("who").rstrip(".")
        if word not in NOT_NAMES or word.lower() in _PERSON_WORDS:
            return "beside a person"
    if _AT_OR_NOW.search(before) and _AT_THEN.match(after):
        return "at an age"
    if _AND_STILL.match(after) and (not before.strip() or before.rstrip()[-1:] in "\"“"):
        return "an age and still"
    return None


def _named_with(text: str, s: int, e: int, before: str, after: str, people: Sequence[Hit]) -> list[Hit]:
    """A name on no list told with the age: "Opal is 102 today", "At 94, Summer still walks"."""
    out = []
    told = _NAME_IS.search(before)
    if told is not None:
        start = s - len(before) + told.start(1)
        out.append((start, start + len(told.group(1))))
    at = _AT_THEN.match(after) if _AT_OR_NOW.search(before) else None
    if at is not None and at.group("name"):
        out.append((e + at.start("name"), e + at.end("name")))
    hits = []
    for start, end in out:
        word = text[start:end]
        if any(p.start <= start < p.end for p in people):
            continue
        if (word not in FUNCTION_WORDS and word.lower() not in _PERSON_WORDS
                and (word not in NOT_NAMES or word in first_names())):
            hits.append(Hit(start, end, name_kind(text, start, end), "a name told with the age over 89"))
    return hits
