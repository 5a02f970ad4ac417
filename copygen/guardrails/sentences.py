"""The one sentence splitter: every part of copygen that reads or cuts copy by sentence asks this module.

A sentence runs up to and including its stops (. ! ?) and is taken without the spaces around it; a line
break ends one too. A full stop does not end a sentence where it belongs to a number ("2.5 mg", "05.10.26"),
closes a title or an abbreviation that is always followed by more ("Dr. Patel", "Mrs. Jones", "St. Albans",
"ref. 4471"), or closes an abbreviated weekday or month before the rest of its date ("Thurs. Jan. 8",
"Sat. 3 May"). "Thanks, Amy. See you soon" is two sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_TITLES = "Dr Mr Mrs Ms Mx Prof Rev Revd St Mt Ft Ave Rd Dept No Ref Tel ref tel approx vs etc incl".split()
_CALENDAR = ("Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
             "mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec").split()
_DATE_GOES_ON = r"(?=\s*(?:\d|[A-Za-z]{3,4}\.?\s*\d))"  # a day's number, or a month and its day, follows


def _after_any(words: list[str]) -> str:
    """A look-behind for any of `words` ending here, as fixed-width alternatives (one per length)."""
    by_length: dict[int, list[str]] = {}
    for word in words:
        by_length.setdefault(len(word), []).append(word)
    return "|".join(rf"(?<=\b(?:{'|'.join(ws)}))" for ws in by_length.values())


# A full stop that ends no sentence.
_STOP_IN = rf"\.(?=\d)|(?:{_after_any(_TITLES)})\.|(?:{_after_any(_CALENDAR)})\.{_DATE_GOES_ON}"
SENTENCE = re.compile(rf"(?:[^.!?\n\s]|{_STOP_IN})(?:[^.!?\n]|{_STOP_IN})*[.!?]*")


@lru_cache(maxsize=2048)  # every rule and detector of a check asks for the same fields' sentences
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of `text`, in order."""
    return tuple(m.span() for m in SENTENCE.finditer(text))


@lru_cache(maxsize=2048)
def _ends(text: str) -> tuple[int, ...]:
    return tuple(e for _, e in spans(text))


def start_of(text: str, pos: int) -> int:
    """Where the sentence holding `pos` begins, counting the spaces before it: just after the previous
    sentence's end (0 for the first)."""
    ends = _ends(text)
    i = bisect_right(ends, pos)
    return ends[i - 1] if i else 0


def end_of(text: str, pos: int) -> int:
    """Where the sentence holding (or following) `pos` ends, its stops included; the text's end if none does."""
    ends = _ends(text)
    i = bisect_right(ends, pos)
    return ends[i] if i < len(ends) else len(text)


def around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding text[start:end], from after the previous sentence to the end of the one where the
    span ends."""
    return start_of(text, start), end_of(text, max(start, end - 1))


def ends_within(text: str, limit: int) -> list[int]:
    """Each sentence end in text[:limit] that a following space or line break confirms, in order: where a
    text can be cut and still end at a whole sentence."""
    return [e for s, e in spans(text) if e <= limit and text[e - 1] in ".!?" and (e == len(text) or text[e].isspace())]
