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
from collections.abc import Callable
from functools import lru_cache

_TITLES = frozenset("Dr Mr Mrs Ms Mx Prof Rev Revd St Mt Ft Ave Rd Dept No Ref Tel ref tel approx vs etc incl".split())
_CALENDAR = frozenset("mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec".split())
_DATE_GOES_ON = re.compile(r",?\s*(?:\d|[A-Za-z]{3,4}\.?\s*\d)")  # a day's number, or a month and its day ("Fri., Mar. 6")
# A run up to and including its stops; the runs are joined where a full stop ends no sentence.
_RUN = re.compile(r"[^.!?\n\s][^.!?\n]*[.!?]*")
_LAST_WORD = re.compile(r"([A-Za-z]+)\.$")


def _goes_on(text: str, end: int, start: int) -> bool:
    """The run ending at `end` (with a single full stop) goes on in the run at `start`: the stop is inside a
    number ("2.30pm"), after a title ("Dr. Patel"), or after an abbreviated weekday or month before the rest
    of its date ("Thurs. Jan. 8", "Sat. 3 May")."""
    if text[end - 1] != "." or text[end - 2:end - 1] in ".!?" or "\n" in text[end:start]:
        return False
    if start == end and text[start].isdigit():
        return True
    word = _LAST_WORD.search(text, max(0, end - 8), end)
    if word is None or not (word.start() == 0 or not text[word.start() - 1].isalpha()):
        return False
    w = word.group(1)
    if w in _TITLES:
        return True
    lower = w.lower()
    return lower in _CALENDAR and (w in (lower, lower.capitalize())) and _DATE_GOES_ON.match(text, end) is not None


@lru_cache(maxsize=2048)  # every rule and detector of a check asks for the same fields' sentences
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of `text`, in order."""
    out: list[tuple[int, int]] = []
    for m in _RUN.finditer(text):
        s, e = m.span()
        if out and _goes_on(text, out[-1][1], s):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return tuple(out)


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


def without(text: str, drop: Callable[[str], object]) -> str:
    """`text` without each sentence for which `drop(sentence)` is true; what lies between is kept as it is."""
    out, last = [], 0
    for s, e in spans(text):
        if drop(text[s:e]):
            out.append(text[last:s])
            last = e
    out.append(text[last:])
    return "".join(out)


def ends_within(text: str, limit: int) -> list[int]:
    """Each sentence end in text[:limit] that a following space or line break confirms, in order: where a
    text can be cut and still end at a whole sentence."""
    return [e for s, e in spans(text) if e <= limit and text[e - 1] in ".!?" and (e == len(text) or text[e].isspace())]
