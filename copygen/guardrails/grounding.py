"""Grounding: the specifics a draft states (prices, percentages, dates, days, times, durations, counts, offers,
phone numbers, web and email addresses, people named with a title, named places, children as the audience) must
come from the brief, the brand profile or the claims library.

A model that adds "50% off", "open till 8pm" or "no appointment needed" is writing an offer nobody made. Each
specific is read with its kind and a normal form, so the ordinary ways of writing the same thing agree:
"Saturdays" and "every Saturday", "£49" and "49 pounds", "Nov" and "November", "4pm" and "16:00", "five" and "5".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lazy_regex import lazy
from .phi_lexicon import place_names

_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                                                      "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
_MONTHS = {m: i for i, ms in enumerate((
    "jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july", "aug august",
    "sep sept september", "oct october", "nov november", "dec december"), 1) for m in ms.split()}
_DAYS = {d: i for i, ds in enumerate((
    "mon mondays monday", "tue tues tuesdays tuesday", "wed wednesdays wednesday", "thu thur thurs thursdays thursday",
    "fri fridays friday", "sat saturdays saturday", "sun sundays sunday"), 1) for d in ds.split()}
_UNITS = {"second": "s", "seconds": "s", "sec": "s", "secs": "s", "minute": "min", "minutes": "min", "min": "min",
          "mins": "min", "hour": "h", "hours": "h", "hr": "h", "hrs": "h", "day": "d", "days": "d", "week": "wk",
          "weeks": "wk", "month": "mo", "months": "mo", "year": "yr", "years": "yr"}
# Offers and conditions of service, each a concept any of whose wordings grounds the others.
_OFFERS = {
    "free": r"(?<![\w-])free(?: of charge)?(?! (?:from|to)\b)|no (?:charge|cost)|at no (?:extra )?cost|complimentary"
            r"|without charge",
    "discount": r"half[- ]price|discount(?:ed|s)?|money off|buy one,? get one|bogof"
                r"|special offer|limited[- ]time offer|voucher|coupon|promo(?:tion)?(?: code)?",
    "no appointment": r"no (?:appointment|booking)s?(?: (?:needed|necessary|required))?|walk[- ]in|drop[- ]in"
                      r"|without (?:an )?appointment|no need to book",
    "extended hours": r"any ?time of (?:the )?(?:day|night)|(?:7|seven) days a week|open late|late[- ]night"
                      r"|out[- ]of[- ]hours|after[- ]hours|evenings? and weekends?",
    "same day": r"same[- ]day|while you wait",
    "limited": r"limited (?:places|spaces|slots|availability|spots)|(?:only|just) \d+ (?:places|spaces|slots|spots) left"
               r"|while stocks last|first come,? first served",
}
_NUM = r"\d+(?:[.,]\d+)*|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_TIME = r"(?:\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}|noon|midday|midnight)"
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = "|".join(sorted(_DAYS, key=len, reverse=True))
_SPECIFIC = lazy(
    rf"(?P<url>\b(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|co\.uk|org\.uk|nhs\.uk|org|net|uk|us|health|clinic|io)\b(?:/[^\s,)]*)?)"
    rf"|(?P<email>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    rf"|(?P<person>\b(?-i:(?:Dr|Doctor|Prof|Professor|Mr|Mrs|Ms|Miss|Nurse|Sister)\.? [A-Z][a-z]+(?:[ -][A-Z][a-z]+)?))"
    rf"|(?P<phone>(?<![\w£$])\+?\d[\d \t().-]{{8,}}\d\b)"
    rf"|(?P<offer>\b(?:{'|'.join(_OFFERS.values())})\b)"
    rf"|(?P<money>(?:£|\$|€|US\$) ?\d+(?:[.,]\d+)*(?:\.\d{{2}})?\b|\b(?:{_NUM}) ?(?:pounds|dollars|euros|pence|cents)\b)"
    rf"|(?P<percent>\b(?:{_NUM}) ?(?:%|per ?cent\b))"
    rf"|(?P<time>\b{_TIME})"
    rf"|(?P<hours>\b24/7\b|\b24 hours a day\b|\bround the clock\b)"
    rf"|(?P<date>\b(?:\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{_MONTH})\b\.?|(?:{_MONTH})\.? \d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b|(?:{_MONTH})\b\.?))"
    rf"|(?P<day>\b(?:{_DAY})\b\.?|\bweekends?\b|\bweekdays?\b)"
    rf"|(?P<relative>\b(?:tomorrow|tonight|this (?:weekend|week|evening|afternoon|morning)|next (?:week|month))\b)"
    rf"|(?P<duration>\b(?:{_NUM})[ -](?:{'|'.join(sorted(_UNITS, key=len, reverse=True))})\b)"
    rf"|(?P<number>(?<![A-Za-z]-)\b(?:{_NUM})\b(?!\s(?:tips|steps|ways|reasons|things|signs|questions|facts|myths)\b))",
    re.IGNORECASE)
# A month name that is also an ordinary word: a month only beside a day number ("in May" is read; "you may" not).
_WORD_MONTHS = frozenset({"may", "mar", "jun", "sep"})
_WORD_DAYS = frozenset({"sun", "sat", "wed", "mon"})
# Public services' numbers (NHS 111, 999, 911, the 988 crisis line): never the draft's invention.
_PUBLIC_NUMBERS = frozenset({"111", "999", "911", "988", "112", "119"})


@dataclass(frozen=True)
class Specific:
    start: int
    end: int
    kind: str
    keys: frozenset[str]  # normal forms: any one found in the sources grounds it


def _number(token: str) -> str | None:
    t = token.lower().replace(",", "")
    if t in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[t])
    try:
        value = float(t)
    except ValueError:
        return None
    return f"{value:g}"


def _minutes(t: str) -> int | None:
    t = t.lower().replace(" ", "").replace(".", ":").rstrip(":")
    if t in ("noon", "midday"):
        return 12 * 60
    if t == "midnight":
        return 0
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?(a:m|p:m|am|pm)?", t)
    if m is None:
        return None
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").replace(":", "")
    if half == "pm" and hour < 12:
        hour += 12
    if half == "am" and hour == 12:
        hour = 0
    return hour * 60 + minute


def _keys(kind: str, value: str) -> frozenset[str]:
    low = value.lower()
    if kind in ("money", "percent", "number"):
        nums = [n for n in (_number(x) for x in re.findall(_NUM, low)) if n is not None]
        return frozenset(f"{kind}:{n}" for n in nums) | frozenset(f"n:{n}" for n in nums)
    if kind == "duration":
        num, unit = re.split(r"[\s-]", low, maxsplit=1)
        return frozenset({f"duration:{_number(num)}{_UNITS[unit.strip()]}"})
    if kind == "time":
        minutes = _minutes(low)
        return frozenset({f"time:{minutes}"}) if minutes is not None else frozenset()
    if kind == "date":
        month = next((_MONTHS[w] for w in re.findall(r"[a-z]+", low) if w in _MONTHS), None)
        day = re.search(r"\d{1,2}", low)
        if month is None and day is not None:  # 12/11: day and month, either way round
            a, b = (int(x) for x in re.findall(r"\d{1,2}", low)[:2])
            return frozenset({f"date:{b}/{a}", f"date:{a}/{b}"})
        return frozenset({f"date:{month}/{int(day.group(0))}" if day is not None else f"month:{month}"})
    if kind == "day":
        word = low.rstrip(".")
        if word.startswith("weekend"):
            return frozenset({"day:weekend"})
        if word.startswith("weekday"):
            return frozenset({"day:weekday"})
        return frozenset({f"day:{_DAYS[word]}"})
    if kind == "offer":
        return frozenset(f"offer:{name}" for name, pattern in _OFFERS.items() if re.fullmatch(pattern, low))
    if kind == "phone":
        return frozenset({"phone:" + re.sub(r"\D", "", value)[-9:]})
    if kind == "url":
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", low).split("/")[0]
        return frozenset({f"url:{host}"})
    if kind == "person":  # "Dr. Smith": the name, without its title
        return frozenset(f"person:{w.lower()}" for w in re.findall(r"[A-Z][a-z]+", value)[1:]) or frozenset(
            {f"person:{value.lower()}"})
    if kind == "email":
        return frozenset({f"email:{low}", f"url:{low.split('@')[1]}"})
    return frozenset({f"{kind}:{low}"})


# A place where copy says something is, or where someone goes or comes from: after "in", "at", "near", "across",
# "around", "throughout", "serving", "visit(ing)", "to" or "from", one to three capitalised words ("in Leeds",
# "across Greater Manchester", "near St Albans", "a visit to Springfield").
_PLACE_AFTER = lazy(r"\b(?:in|at|near|across|around|throughout|serving|visiting|visit|to|from)\s+"
                          r"((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|on|upon|under)){0,3})")
_CAPITALISED_RUN = lazy(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|on|upon|under)){0,3}")


def _longest_place(words: list[str]) -> str | None:
    """The longest run of `words` from the first that is a place name ("Greater Manchester" before "Greater")."""
    places = place_names()
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n]).rstrip(".,")
        if name in places:
            return name
    return None


def _places(text: str) -> list[Specific]:
    out = []
    for m in _PLACE_AFTER.finditer(text):
        words = m.group(1).split()
        for i in range(len(words)):  # "across Greater Manchester": the place may follow a qualifier
            name = _longest_place(words[i:])
            if name is not None:
                start = m.start(1) + len(" ".join(words[:i])) + (1 if i else 0)
                out.append(Specific(start, start + len(name), "place", frozenset({f"place:{name.lower()}"})))
                break
    return out


# Children as the people a draft speaks to or about ("your child's check-up", "babies should..."): an audience the
# brief must give. A brief for parents, families, schools or pregnancy gives it.
_CHILDREN = lazy(r"\b(?:child(?:ren)?(?:['’]s)?|kids?(?:['’]s?)?|kiddos?|toddlers?|bab(?:y|ies)(?:['’]s?)?|infants?"
                 r"|newborns?|little ones?|sons?|daughters?|pupils?)\b", re.I)
_CHILDREN_GROUNDED = lazy(r"\b(?:child|children|kids?|toddler|bab(?:y|ies)|infant|newborn|little ones?|sons?"
                          r"|daughters?|pupils?|parent(?:s|ing)?|famil(?:y|ies)|mums?|moms?|dads?|school|pregnan\w*"
                          r"|expectant|prenatal|antenatal|maternity|paediatric\w*|pediatric\w*|under[- ](?:\d|five|fives))",
                          re.I)


def _audiences(text: str) -> list[Specific]:
    return [Specific(m.start(), m.end(), "audience", frozenset({"audience:children"})) for m in _CHILDREN.finditer(text)]


def _source_places(text: str) -> set[str]:
    """Every place a source names, wherever it stands (an address, a topic)."""
    keys = set()
    for m in _CAPITALISED_RUN.finditer(text):
        words = m.group(0).split()
        for i in range(len(words)):
            name = _longest_place(words[i:])
            if name is not None:
                keys.add(f"place:{name.lower()}")
    return keys


@lru_cache(maxsize=1024)
def specifics(text: str) -> tuple[Specific, ...]:
    """Each specific `text` states, with its kind and normal forms."""
    out = _places(text) + _audiences(text)
    for m in _SPECIFIC.finditer(text):
        kind = m.lastgroup or "number"
        value = m.group(0)
        low = value.lower().rstrip(".")
        if kind == "date" and low in _WORD_MONTHS and not value[0].isupper():
            continue  # "you may", "mar the result"
        if kind == "day" and low in _WORD_DAYS and not value[0].isupper():
            continue
        if kind == "number" and low in ("one", "zero") or low in _PUBLIC_NUMBERS:
            continue
        if kind == "offer" and low == "free" and text[max(0, m.start() - 5):m.start()].lower() == "feel ":
            continue  # "one of our team", "zero-waste": a word, not a count anyone asserted
        end = m.end()
        if re.search(r"[A-Za-z]{5,}\.$", value):
            end -= 1  # "14 November." ends the sentence; "Nov." is the abbreviation
        keys = _keys(kind, value)
        if keys:
            out.append(Specific(m.start(), end, kind, keys))
    return tuple(sorted(out, key=lambda s: s.start))


@dataclass(frozen=True)
class Grounds:
    """What a draft may state: the normal forms of every specific in the brief, the brand profile and the
    claims library, with the text each came from."""

    brief: str
    brand: str = ""
    claims: str = ""

    @property
    def keys(self) -> frozenset[str]:
        return _source_keys(self.brief, self.brand, self.claims)

    def grounded(self, s: Specific) -> bool:
        keys = self.keys
        if s.keys & keys:
            return True
        if s.kind == "money":  # "£49" for a brief's "49": the amount is the brief's
            return any(k.startswith("n:") and k in keys for k in s.keys)
        if s.kind == "day":  # "Saturdays" where the brief says "weekends"; "weekdays" for Monday to Friday
            day = next(iter(s.keys))
            return (day in ("day:6", "day:7") and "day:weekend" in keys) or (
                day in {f"day:{i}" for i in range(1, 6)} and "day:weekday" in keys)
        return False


@lru_cache(maxsize=256)
def _source_keys(*texts: str) -> frozenset[str]:
    return frozenset().union(*map(_text_keys, texts))


@lru_cache(maxsize=256)  # the brand's and the claims library's text recur with every brief of a batch
def _text_keys(text: str) -> frozenset[str]:
    keys: set[str] = set()
    if text:
        for s in specifics(text):
            keys |= s.keys
            if s.kind == "date":  # a date grounds its month
                keys |= {f"month:{k.split(':')[1].split('/')[0]}" for k in s.keys if k.startswith("date:")}
            if s.kind in ("money", "percent", "duration", "time"):  # "9-12pm" for a brief's "9am to 12pm"
                keys |= {f"n:{_number(x)}" for x in re.findall(r"\d+(?:\.\d+)?", text[s.start:s.end])}
        # Any name the sources give may be used with a title: "Priya Shah" in the staff list grounds "Dr Shah".
        keys |= {f"person:{w.lower()}" for w in re.findall(r"\b[A-Z][a-z]+", text)}
        keys |= _source_places(text)
        if _CHILDREN_GROUNDED.search(text):
            keys.add("audience:children")
    return frozenset(keys)


def grounds_for(topic: str, notes: str = "", audience: str = "", brand: object = None, claims: object = None) -> Grounds:
    """The grounds of a brief (its topic, notes and audience), a brand profile and a claims library."""
    brand_text = ""
    if brand is not None and hasattr(brand, "model_dump"):
        brand_text = "\n".join(_strings(brand.model_dump(mode="json")))
    claims_text = "\n".join(c.wording for c in getattr(claims, "claims", ()) or ())
    return Grounds(brief="\n".join(p for p in (topic, notes, audience) if p), brand=brand_text, claims=claims_text)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


def ungrounded(text: str, grounds: Grounds) -> list[Specific]:
    """The specifics of `text` that no source grounds."""
    return [s for s in specifics(text) if not grounds.grounded(s)]
