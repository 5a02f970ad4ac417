"""The learned part of the PHI detector: a CRF sequence tagger that marks people's names and the dates of one
person's care or birth, where the rules need a context they have never seen.

The model (`models/phi_tagger.crfsuite`, trained by `scripts/train_phi_tagger.py` on
`data/phi/tagger_train.jsonl`) reads token features only: the word, its shape and case, its place in the
sentence, the words and punctuation around it, and whether it is on the packaged first-name or surname lists.
Tagging is deterministic. Each span it reports carries its probability and the features that weighed most for
its label, so a reviewer sees why.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from .phi_lexicon import common_words, first_names, surnames
from .sentences import spans

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+|[^\w\s]")
_MONTHS = frozenset("jan feb mar apr may jun june jul july aug sep sept oct nov dec january february march april "
                    "august september october november december".split())
_DAYS = frozenset("mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday "
                  "sunday".split())
# Words a full stop shortens rather than ends a sentence after ("Aug. 17", "Dr. Rao").
_OPENING_QUOTES = frozenset('"“‘(\'')
_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
                           "dr mr mrs ms prof st no".split())
THRESHOLD = 0.5
_YOU = re.compile(r"\b(?:you|your|you're)\b", re.I)
# Where the model is worth running: a sentence holding a capitalised or upper-case word that is not its first
# word or a known non-name, a first word followed by a comma or on the name lists, or a number beside a month,
# a weekday or a date separator. Elsewhere it would find nothing the rules have not, and tagging costs time.
_CAPITAL = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*")
# A digit beside a date separator or before a month, or a month or weekday before a digit: each opens with a
# character class, so `re` skips ahead in C (a loose superset: it only decides what is worth tagging).
_DATEISH = re.compile(r"\d(?:\s?[/.-]\s?\d|(?:st|nd|rd|th)?\s+(?:of\s+)?(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
                      r"|(?<![^\W\d_])(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
                      r"[a-z]*\.?,?\s+(?:the\s+)?\d")  # a month or a weekday, then a day ("Ward 4" is neither)


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def _shape(w: str) -> str:
    s = re.sub(r"[A-ZÀ-ÖØ-ÞĀ-Ž]", "X", w)
    s = re.sub(r"[a-zß-öø-ÿā-ž]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1{2,}", r"\1\1", s)


@lru_cache(maxsize=65536)
def _word_features(w: str) -> tuple[str, ...]:
    firsts, lasts = first_names(), surnames()
    low = w.lower()
    title = w[:1].isupper() and w[1:].islower()
    f = [f"w={low}", f"shape={_shape(w)}", f"suf3={low[-3:]}"]
    if w.isalpha():
        name_form = w if title else w.capitalize()
        if name_form in firsts:
            f.append("first_list")
        if name_form in lasts:
            f.append("last_list")
        if low in common_words():
            f.append("common")
    if low in _MONTHS:
        f.append("month")
    if low in _DAYS:
        f.append("weekday")
    if w.isdecimal():
        f.append(f"num{min(len(w), 4)}")
        if len(w) <= 2 and 1 <= int(w) <= 31:
            f.append("daynum")
    return tuple(f)


def features(text: str, toks: list[tuple[int, int, str]] | None = None, has_you: bool | None = None) -> list[list[str]]:
    """Feature strings for each token of `text` (the same at training and at run time). `has_you`: whether the
    whole message speaks to "you", when `text` is one sentence of it."""
    toks = tokens(text) if toks is None else toks
    words = [t[2] for t in toks]
    own = [_word_features(w) for w in words]
    lows = [w.lower() for w in words]
    if has_you is None:
        has_you = _YOU.search(text) is not None
    out = []
    sent_start = True
    for i, w in enumerate(words):
        f = ["bias", *own[i]]
        if sent_start:
            f.append("sent_start")
        if has_you:
            f.append("text_you")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < len(words):
                f.append(f"{off}w={lows[j]}")
                if abs(off) == 1:
                    f += [f"{off}{x}" for x in own[j] if not x.startswith(("w=", "suf3="))]
            else:
                f.append(f"{off}edge")
        if i + 1 < len(words) and toks[i + 1][0] > toks[i][1]:
            f.append("space_after")
        out.append(f)
        sent_start = (w in ("!", "?", ":", ";") or (w == "." and not (i and lows[i - 1] in _ABBREVIATIONS))
                      or (i + 1 < len(toks) and "\n" in text[toks[i][1]:toks[i + 1][0]])
                      or (sent_start and w in _OPENING_QUOTES))  # a quoted sentence opens after its quote mark
    return out


def bio(toks: list[tuple[int, int, str]], spans: list[dict]) -> list[str]:
    labels = ["O"] * len(toks)
    for s in spans:
        inside = [i for i, (a, b, _) in enumerate(toks) if a >= s["start"] and b <= s["end"]]
        for k, i in enumerate(inside):
            labels[i] = ("B-" if k == 0 else "I-") + s["type"]
    return labels


@cache
def _tagger():
    import pycrfsuite

    t = pycrfsuite.Tagger()
    path = resources.files("copygen.guardrails") / "models" / "phi_tagger.crfsuite"
    with resources.as_file(path) as p:
        t.open(str(p))
    return t


@cache
def _weights() -> dict[tuple[str, str], float]:
    return _tagger().info().state_features


_READABLE = {"first_list": "on the first-name list", "last_list": "on the surname list", "sent_start": "opens a sentence",
             "text_you": "a message to 'you'", "month": "a month", "weekday": "a weekday", "daynum": "a day number"}


def _explain(feats: list[str], label: str) -> str:
    weights = _weights()
    top = sorted(((weights.get((f, label), 0.0), f) for f in feats if f != "bias"), reverse=True)[:3]
    parts = []
    for w, f in top:
        if w <= 0:
            break
        key, _, value = f.partition("=")
        parts.append(_READABLE.get(f) or (f"'{value}' before it" if key == "-1w" else f"'{value}' after it" if key == "1w"
                                          else f"shape {value}" if key == "shape" else f.replace("=", " ")))
    return ", ".join(parts)


@lru_cache(maxsize=16384)
def _candidate(word: str, not_names: frozenset[str]) -> int:
    """2: on the name lists; 1: a capitalised word that is neither common nor known not to be a name; 0: neither."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if word in not_names or word.lower() in not_names:
        return 0
    if word.capitalize() in first_names() or word.capitalize() in surnames():
        return 2
    return int(word.lower() not in common_words())


def _worth_tagging(sentence: str, not_names: frozenset[str]) -> bool:
    if _DATEISH.search(sentence):
        return True
    lead = len(sentence) - len(sentence.lstrip(" \t\"“'‘(-–—*#"))
    for m in _CAPITAL.finditer(sentence):
        kind = _candidate(m.group(0), not_names)
        if kind:
            opens = m.start() <= lead or sentence[:m.start()].rstrip().endswith(":")
            if not opens or kind == 2 or sentence[m.end():m.end() + 1] == ",":
                return True
    return False


def tag(text: str, not_names: frozenset[str] = frozenset()) -> list[tuple[int, int, str, float, str]]:
    """(start, end, NAME or DATE, probability, why) for each span the model marks in the sentences worth
    tagging. `not_names`: capitalised words known not to be people, or lower-case words of the practice's own
    name and address (they alone do not make a sentence worth it)."""
    if not _DATEISH.search(text) and not any(_candidate(w, not_names) for w in _CAPITAL.findall(text)):
        return []
    has_you = _YOU.search(text) is not None
    out = []
    for start, sentence in sentences(text):
        if _worth_tagging(sentence, not_names):
            out += [(a + start, b + start, *rest) for a, b, *rest in _tag(sentence, has_you)]
    return out


_DAY_ORDINAL = re.compile(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b")


def looks_like_date(span: str) -> bool:
    """A tagged date span that reads as one: a month, a weekday, a day with a separator or an ordinal that
    can be a day of the month ("the 22nd", not "her 99th")."""
    return _DATEISH.search(span) is not None or _DAY_ORDINAL.search(span) is not None


def speaks_to_you(text: str) -> bool:
    return _YOU.search(text) is not None


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence the tagger reads on its own, at training as at run time."""
    return [(s, text[s:e]) for s, e in spans(text)]


@lru_cache(maxsize=4096)  # a brand's sign-off and footer sentences recur in every draft and repair round
def _tag(text: str, has_you: bool) -> tuple[tuple[int, int, str, float, str], ...]:
    toks = tokens(text)
    if not toks:
        return ()
    feats = features(text, toks, has_you)
    tagger = _tagger()
    labels = tagger.tag(feats)
    out = []
    i = 0
    while i < len(labels):
        if labels[i] == "O":
            i += 1
            continue
        kind = labels[i][2:]
        j = i + 1
        while j < len(labels) and labels[j] == f"I-{kind}":
            j += 1
        p = tagger.marginal(labels[i], i)
        if p >= THRESHOLD:
            out.append((toks[i][0], toks[j - 1][1], kind, p, _explain(feats[i], labels[i])))
        i = j
    return tuple(out)
