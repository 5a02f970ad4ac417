"""Literal prefilter for pattern rules.

A rule's patterns are joined into one alternation, and Python's `re` tries every branch at every position
of the text. Most branches need a word that most texts do not hold ("cure", "guarantee", "botox"). One
Aho-Corasick pass over the folded text finds which of those words it holds, for every rule at once; a
branch none of whose words occur cannot match and is left out. The rest run as one alternation in the
original order, so the matches are exactly those of the full pattern (a branch that matches nowhere never
wins an alternation).

`Alternation` is that: a rule's patterns (or exceptions) with the test built in. `needed(pattern)` reads the parsed pattern and returns strings of which every match must contain one
(folded), or None when it finds no such set. `fold(text)` folds case the way `re.IGNORECASE` does, so the
test never rules out a branch that would match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache
from itertools import product
from operator import itemgetter

import ahocorasick

from .lazy_regex import compiled_regex
from .pattern_analysis import analysis

try:  # Python 3.11+
    from re import _casefix, _compiler, _parser  # type: ignore[attr-defined]

    _EXTRA = _casefix._EXTRA_CASES
except ImportError:  # Python 3.10
    import sre_compile
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

    _EXTRA = sre_compile._ignorecase_fixes  # type: ignore[attr-defined]

_MAX_SET = 64  # larger literal sets are dropped: testing them costs more than the scan they save
_MAX_CLASS = 8  # a character class with more members is not spelled out


def _canonical_table() -> dict[int, int]:
    # re.IGNORECASE also equates a few pairs that str.lower() keeps apart (s/ſ, i/ı, µ/μ, σ/ς...).
    table: dict[int, int] = {}
    for cp, others in _EXTRA.items():
        group = (cp, *others)
        for c in group:
            table[c] = min(group)
    table[0x130] = ord("i")  # İ: re lowers it to 'i'; str.lower() gives 'i' plus a combining dot
    return table


_TABLE = _canonical_table()
# The characters the table maps: `str.translate` looks every character up, so it runs only when one occurs.
_MAPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE) if _TABLE[c] != c) + "]")


def _fold_str(s: str) -> str:
    if s.isascii():
        return s.lower()
    if _MAPPED.search(s) is None:
        lowered = s.lower()
        if _MAPPED.search(lowered) is None:
            return lowered
    return s.translate(_TABLE).lower().translate(_TABLE)


def fold(text: str) -> str:
    """Text folded for the literal test."""
    return _fold_str(text)


class _Info:
    """What a parsed node tells: `exact`, every string it can match (when few); `need`, strings of which
    every match holds one (None: no such set)."""

    __slots__ = ("exact", "need")

    def __init__(self, exact: frozenset[str] | None, need: frozenset[str] | None):
        self.exact = exact
        self.need = need


_EMPTY = _Info(frozenset({""}), None)
_UNKNOWN = _Info(None, None)


def _score(s: frozenset[str] | None) -> tuple[int, int]:
    # A set holding a single letter, digit or space tells nothing: nearly every text has one, and finding
    # them all would cost the index more than the gate saves.
    if not s:
        return (0, 0)
    shortest = min(map(len, s))
    if shortest == 0 or (shortest == 1 and any(len(x) == 1 and (x.isalnum() or x.isspace()) for x in s)):
        return (0, 0)
    return (shortest, -len(s))


def _best(*sets: frozenset[str] | None) -> frozenset[str] | None:
    best = max(sets, key=_score, default=None)
    return best if _score(best)[0] > 0 else None


def _cap(s: set[str] | frozenset[str] | None) -> frozenset[str] | None:
    return frozenset(s) if s is not None and len(s) <= _MAX_SET else None


def _seq(items: list[_Info]) -> _Info:
    exact: frozenset[str] | None = frozenset({""})
    candidates: list[frozenset[str] | None] = []
    run: frozenset[str] | None = frozenset({""})  # product of the current run of exact items
    for it in items:
        candidates.append(it.need)
        if it.exact is not None:
            run = _cap({a + b for a, b in product(run, it.exact)}) if run is not None else None
            exact = _cap({a + b for a, b in product(exact, it.exact)}) if exact is not None else None
            if run is None:  # too many combinations: start a new run from this item
                run = it.exact
        else:
            candidates.append(run)
            run = frozenset({""})
            exact = None
        candidates.append(run)
    return _Info(exact, _best(*candidates, exact))


def _in(av: list) -> _Info:
    chars: set[str] = set()
    for op, a in av:
        name = str(op)
        if name == "LITERAL":
            chars.add(_fold_str(chr(a)))
        elif name == "RANGE" and a[1] - a[0] < _MAX_CLASS:
            chars.update(_fold_str(chr(c)) for c in range(a[0], a[1] + 1))
        else:  # NEGATE, CATEGORY, a wide range
            return _UNKNOWN
    return _Info(frozenset(chars), None) if len(chars) <= _MAX_CLASS else _UNKNOWN


def _repeat(lo: int, hi: int, item: _Info) -> _Info:
    if item.exact is not None and hi <= 3:
        out: set[str] = set()
        for k in range(lo, hi + 1):
            out |= {"".join(p) for p in product(item.exact, repeat=k)}
            if len(out) > _MAX_SET:
                break
        return _Info(_cap(out), _best(item.need, item.exact) if lo >= 1 else None)
    if lo >= 1:
        return _Info(None, _best(item.need, item.exact))
    return _UNKNOWN


def _node(op, av) -> _Info:  # noqa: ANN001 - sre's own node types
    name = str(op)
    if name == "LITERAL":
        return _Info(frozenset({_fold_str(chr(av))}), None)
    if name == "IN":
        return _in(av)
    if name in ("AT", "ASSERT", "ASSERT_NOT"):  # zero-width: consumes nothing
        return _EMPTY
    if name == "SUBPATTERN":
        return _pattern(av[-1])
    if name == "ATOMIC_GROUP":
        return _pattern(av)
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        lo, hi, sub = av
        return _repeat(lo, hi, _pattern(sub))
    if name == "BRANCH":
        infos = [_pattern(b) for b in av[1]]
        exacts = [i.exact for i in infos]
        exact = _cap(set().union(*exacts)) if all(e is not None for e in exacts) else None
        needs = [_best(i.need, i.exact) for i in infos]
        need = _cap(set().union(*needs)) if all(n is not None for n in needs) else None  # type: ignore[arg-type]
        return _Info(exact, need)
    return _UNKNOWN  # ANY, NOT_LITERAL, CATEGORY, GROUPREF...


# What `_pattern` found for each parsed sequence of the tree being read (the leading-literal reading asks
# again for sequences the needed-literal reading has been through); the sequence is kept, so an id is never
# reused while its entry stands. Emptied after each tree.
_SEEN: dict[int, tuple[object, _Info]] = {}


def _pattern(p) -> _Info:  # noqa: ANN001
    seen = _SEEN.get(id(p))
    if seen is not None and seen[0] is p:
        return seen[1]
    info = _seq([_node(op, av) for op, av in p])
    _SEEN[id(p)] = (p, info)
    return info


def needed(pattern: str) -> frozenset[str] | None:
    """Folded strings of which every match of `pattern` contains one, or None if none can be told."""
    return analysis.get(("needed", pattern), lambda: _needed(pattern))


def _needed(pattern: str) -> frozenset[str] | None:
    try:
        info = _pattern(_parser.parse(pattern))
    finally:
        _SEEN.clear()
    return _best(info.need, info.exact)


_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
_MAX_LEAD = 512


def _lead_node(op, av) -> frozenset[str] | None:  # noqa: ANN001
    name = str(op)
    if name == "SUBPATTERN":
        return _lead(av[-1])
    if name == "ATOMIC_GROUP":
        return _lead(av)
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
        return _lead(av[2])
    if name == "BRANCH":
        leads = [_lead(b) for b in av[1]]
        if any(lead is None for lead in leads):
            return None
        out = frozenset().union(*leads)  # type: ignore[arg-type]
        return out if len(out) <= _MAX_LEAD and _score(out)[0] else None
    return None


def _lead(p) -> frozenset[str] | None:  # noqa: ANN001
    """Folded non-empty strings one of which every match of a parsed sequence starts with (None: none known)."""
    run: frozenset[str] = frozenset({""})
    for op, av in p:
        if str(op) in _ZERO_WIDTH:  # consumes nothing: the strings matched so far are unchanged
            continue
        info = _node(op, av)
        if info.exact is not None:
            longer = _cap({a + b for a, b in product(run, info.exact)})
            if longer is None:
                break
            run = longer
            continue
        if run == {""}:  # the first thing consumed is not a fixed string: what it starts with
            return _lead_node(op, av)
        break
    return run if _score(run)[0] else None


def leading(pattern: str) -> frozenset[str] | None:
    """Folded strings one of which every match of `pattern` starts with, or None if none can be told."""
    return analysis.get(("leading", pattern), lambda: _leading(pattern))


def _leading(pattern: str) -> frozenset[str] | None:
    try:
        return _lead(_parser.parse(pattern))
    finally:
        _SEEN.clear()


def _steps(regex: re.Pattern[str]) -> bool:
    """True when `re` tries `regex` at every position of a text: it opens with neither a literal nor a
    character set that the search can skip ahead to in C."""
    return bool(analysis.get(("steps", f"{regex.flags} {regex.pattern}"), lambda: _read_steps(regex.pattern, regex.flags)))


def _read_steps(pattern: str, flags: int) -> bool:
    parsed = _parser.parse(pattern, flags)
    flags = parsed.state.flags
    try:  # the compiler's own tests, private to `re`
        if not flags & re.IGNORECASE and _compiler._get_literal_prefix(parsed, flags)[0]:
            return False
        return not _compiler._get_charset_prefix(parsed, flags)
    except (AttributeError, TypeError):  # a Python whose compiler reads patterns otherwise: assume it steps
        return True


_second = itemgetter(1)


class Found(frozenset):
    """The literals an index found in a text, with the folded text they were found in."""

    __slots__ = ("folded",)


class LiteralIndex:
    """Every literal the given rules need, searched in one pass."""

    def __init__(self, needs: Iterable[frozenset[str] | None]):
        self._automaton = _automaton(s for need in needs for s in need or ())
        self.present = lru_cache(maxsize=256)(self._present)  # the same fields are asked for by every rule

    def _present(self, text: str) -> Found:
        folded = fold(text)
        found = Found(map(_second, self._automaton.iter(folded)) if self._automaton is not None else ())
        found.folded = folded
        return found


def _automaton(words: Iterable[str], offsets: bool = False) -> ahocorasick.Automaton | None:
    """An automaton that reports each word found, or with `offsets` how far back from its end it starts."""
    automaton = ahocorasick.Automaton()
    for word in set(words):
        automaton.add_word(word, len(word) - 1 if offsets else word)
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton


def finditer_from(regex: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """`regex.finditer(text)` for a regex whose every match starts at one of `starts` (sorted) and is not
    empty: the regex is tried at those positions only."""
    pos = 0
    match = regex.match
    for i in starts:
        if i >= pos:
            m = match(text, i)
            if m is not None:
                yield m
                pos = m.end()


@lru_cache(maxsize=2048)
def _compiled_subset(patterns: tuple[str, ...], which: tuple[int, ...], flags: int) -> re.Pattern[str]:
    return compiled_regex("|".join(f"(?:{patterns[i]})" for i in which), flags)


class Alternation:
    """Patterns joined into one alternation, run only as far as the text's literals allow."""

    def __init__(self, patterns: list[str], case_sensitive: bool, index: LiteralIndex | None = None):
        self.patterns = tuple(patterns)
        self.flags = 0 if case_sensitive else re.IGNORECASE
        self.needs = tuple(needed(p) for p in patterns)
        # A text holding none of these literals matches no pattern (None when some pattern needs none).
        self.any_need = None if None in self.needs else frozenset().union(*self.needs)
        self.index = index or LiteralIndex(self.needs)
        self._literals = frozenset().union(*(n for n in self.needs if n is not None))
        # The cut-down alternation for each set of this alternation's literals a text holds.
        self._by_found: dict[frozenset[str], re.Pattern[str] | None] = {}

    @cached_property
    def full(self) -> re.Pattern[str]:
        """Every pattern in one alternation, ungated (compiled when first asked for: a check never needs it)."""
        return self._compile(range(len(self.patterns)))

    def _compile(self, which: Iterable[int]) -> re.Pattern[str]:
        return _compiled_subset(self.patterns, tuple(which), self.flags)

    def for_text(self, text: str) -> re.Pattern[str] | None:
        """The alternation cut down to the patterns that can match this text; None when none can."""
        key = self._literals.intersection(self.index.present(text))
        try:
            return self._by_found[key]
        except KeyError:
            pass
        if len(self._by_found) > 4096:  # texts with unusual mixes of literals: keep the table bounded
            self._by_found.clear()
        live = tuple(i for i, need in enumerate(self.needs) if need is None or not need.isdisjoint(key))
        regex = _compiled_subset(self.patterns, live, self.flags) if live else None
        if regex is not None:
            gates = _GATES.get(id(regex))
            if gates is None or gates.regex is not regex:  # its patterns are gated already: no need to read it
                _GATES[id(regex)] = _Gates(regex, tuple(self.patterns[i] for i in live))
        self._by_found[key] = regex
        return regex

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        regex = self.for_text(text)
        return iter(scan(regex, text, self.index.present(text))) if regex is not None else iter(())

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


_DIGITS = frozenset("0123456789")


def _is_digit_class(op, av) -> bool:  # noqa: ANN001
    """A node that matches one decimal digit (Unicode category Nd, as `\\d` does) and nothing else."""
    name = str(op)
    if name == "LITERAL":
        return chr(av) in _DIGITS
    if name != "IN":
        return False
    for sub_op, a in av:
        sub = str(sub_op)
        ok = ((sub == "LITERAL" and chr(a) in _DIGITS) or (sub == "RANGE" and ord("0") <= a[0] <= a[1] <= ord("9"))
              or (sub == "CATEGORY" and str(a) == "CATEGORY_DIGIT"))
        if not ok:
            return False
    return True


def _min_digits(p) -> int:  # noqa: ANN001
    """The fewest decimal digits any match of a parsed pattern holds."""
    total = 0
    for op, av in p:
        name = str(op)
        if _is_digit_class(op, av):
            total += 1
        elif name == "SUBPATTERN":
            total += _min_digits(av[-1])
        elif name == "ATOMIC_GROUP":
            total += _min_digits(av)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            total += av[0] * _min_digits(av[2])
        elif name == "BRANCH":
            total += min(_min_digits(b) for b in av[1])
    return total


_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


def _digit_runs(p, run: int) -> tuple[int, int]:  # noqa: ANN001
    """Reading a parsed sequence after `run` adjacent digits: (the longest run of adjacent digits every match
    holds, the run still open at its end)."""
    best = run
    for op, av in p:
        name = str(op)
        if _is_digit_class(op, av):
            run += 1
        elif name in _ZERO_WIDTH:  # consumes nothing: the digits on either side stay adjacent
            continue
        elif name == "SUBPATTERN":
            inner, run = _digit_runs(av[-1], run)
            best = max(best, inner)
        elif name in _REPEATS and len(av[2]) == 1 and _is_digit_class(*av[2][0]):
            run += av[0]  # \d{2,4}: at least two digits, and whatever digits it takes are adjacent
        elif name == "BRANCH":
            best = max(best, run, min(_digit_runs(b, 0)[0] for b in av[1]))
            run = 0
        else:
            best = max(best, run)
            run = 0
        best = max(best, run)
    return best, run


# Case-insensitive source that lowercasing (escapes aside) would change in meaning: a character written as a
# code (\\x41, \\u0041, \\N{...}, octal), a scoped flag turned off, named groups, ranges that cross from one case
# to the other.
_UNFOLDABLE = re.compile(r"\\[xuUN0]|\\[0-7]{3}|\(\?[a-zA-Z]*-|\(\?P|[A-Z]-[a-z]|[a-z]-[A-Z]")
_ESCAPE_OR_TEXT = re.compile(r"\\.|[^\\]+", re.S)


def _lower_outside_escapes(source: str) -> str:
    """`source` in lower case, but for its escapes (`\\W` stays `\\W`)."""
    return "".join(t if t.startswith("\\") else t.lower() for t in _ESCAPE_OR_TEXT.findall(source))


def _folded_form(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a case-insensitive regex, the same regex in lower case without the flag: on `fold(text)` it
    matches where the regex matches `text` (the same spans), and `re` runs it faster: a case-sensitive
    alternation rejects most branches on their first character, and a leading literal can be searched for."""
    if not regex.flags & re.IGNORECASE or _UNFOLDABLE.search(regex.pattern):
        return None
    try:
        return compiled_regex(_lower_outside_escapes(regex.pattern), regex.flags & ~re.IGNORECASE)
    except re.error:
        return None


class _Gates:
    """What `scan` knows of a regex before running it."""

    __slots__ = ("regex", "need", "digits", "digit_run", "run", "folded", "lead", "before", "_lead_words")

    def __init__(self, regex: re.Pattern[str], parts: tuple[str, ...] | None = None):
        """`parts`: the patterns `regex` is the alternation of, already gated on their literals."""
        self.regex = regex
        self.before: re.Pattern[str] | None = None  # see `before`
        lead: frozenset[str] | None
        if parts is not None:
            self.need, self.digits, self.digit_run = None, 0, 0
            leads = [leading(p) for p in parts]
            lead = None if None in leads else frozenset().union(*leads)  # type: ignore[arg-type]
            if lead is not None and (len(lead) > _MAX_LEAD or not _score(lead)[0]):
                lead = None
        else:
            # literals one of which every match holds; digits every match holds, and how many of them, at
            # least, stand together; the words every match opens with
            self.need, self.digits, self.digit_run, lead = _analysed(regex)
        self._lead_words = lead
        self.run: re.Pattern[str] | None = None  # set by `prepare`, once a text gets past the gates above

    def prepare(self) -> None:
        """What running the regex needs: its folded form (compiled, so only for a regex that gets this far) and
        its lead automaton."""
        folded = _folded_form(self.regex)
        self.folded = folded is not None
        # where a match can start, for a regex `re` would try at every position: an Aho-Corasick automaton
        # of the words its matches open with
        lead = self._lead_words
        self.lead = _automaton(lead, offsets=True) if lead and _steps(folded or self.regex) else None
        self.run = folded or self.regex  # what runs, on the folded text when `folded`


def _analysed(regex: re.Pattern[str]) -> tuple[frozenset[str] | None, int, int, frozenset[str] | None]:
    return analysis.get(("gates", f"{regex.flags}:{regex.pattern}"), lambda: _read_gates(regex))


def _read_gates(regex: re.Pattern[str]) -> tuple[frozenset[str] | None, int, int, frozenset[str] | None]:
    parsed = _parser.parse(regex.pattern, regex.flags)
    try:
        info = _pattern(parsed)
        lead = _lead(parsed)
    finally:
        _SEEN.clear()
    return _best(info.need, info.exact), _min_digits(parsed), _digit_runs(parsed, 0)[0], lead


_GATES: dict[int, _Gates] = {}


def _gates(regex: re.Pattern[str]) -> _Gates:
    """Cached by identity: hashing a compiled pattern hashes its whole program, every time."""
    gates = _GATES.get(id(regex))
    if gates is None or gates.regex is not regex:
        gates = _GATES[id(regex)] = _Gates(regex)
    return gates


def requiring(words: Iterable[str], regex: re.Pattern[str]) -> re.Pattern[str]:
    """`regex`, every match of which holds one of `words` (in any case), where the analysis cannot tell: the
    literal index then tells `scan` when a text cannot match. Call it before an index is built from
    `need_of` (at import)."""
    _gates(regex).need = frozenset(fold(w) for w in words)
    return regex


def before(check: re.Pattern[str], regex: re.Pattern[str]) -> re.Pattern[str]:
    """`regex`, which `scan` now tries only on a text where `check` finds something. `check` must find what
    every match of `regex` holds (the tail after a name, two colons of an address), and find it far faster."""
    _gates(regex).before = check
    return regex


_DIGIT_RUN = re.compile(r"\d+")
_NOT_DIGIT = bytes(b for b in range(256) if not 0x30 <= b <= 0x39)
_DIGIT_OR_SPACE = bytes(0x31 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))


@lru_cache(maxsize=512)
def digit_runs(text: str) -> tuple[int, int]:
    """How many decimal digits (what `\\d` matches) `text` holds, and the most that stand together."""
    if text.isascii():  # the digits are 0-9 alone: bytes operations count them in C, without `re`
        raw = text.encode("ascii")
        count = len(raw.translate(None, _NOT_DIGIT))
        return (count, max(map(len, raw.translate(_DIGIT_OR_SPACE).split()))) if count else (0, 0)
    runs = _DIGIT_RUN.findall(text)
    return sum(map(len, runs)), max(map(len, runs), default=0)


def digit_count(text: str) -> int:
    """How many decimal digits (what `\\d` matches) `text` holds."""
    return digit_runs(text)[0]


def need_of(regex: re.Pattern[str]) -> frozenset[str] | None:
    """The folded literals one of which every match of a compiled regex holds (None: no such set). The
    scan's own gates (a folded copy of the regex, an automaton) wait for a scan."""
    return _gates(regex).need


_NOTHING: tuple[re.Match[str], ...] = ()


def scan(regex: re.Pattern[str], text: str, found: frozenset[str]) -> Iterable[re.Match[str]]:
    """The matches of `regex.finditer(text)`, by their spans: a case-insensitive regex may run on the folded
    text, so take what a match covers from `text` (`text[m.start():m.end()]`), not from `m.group()`.

    Skipped when `found` (the literals an index found in the text) holds none of the literals a match needs,
    or the text has fewer digits, or fewer standing together, than a match holds. A regex that opens with
    words `re` cannot skip ahead to is tried only where those words start, when they are few."""
    gates = _GATES.get(id(regex))
    if gates is None or gates.regex is not regex:
        gates = _gates(regex)
    if gates.need is not None and gates.need.isdisjoint(found):
        return _NOTHING
    if gates.digits:
        count, longest = digit_runs(text)
        if count < gates.digits or longest < gates.digit_run:
            return _NOTHING
    if gates.before is not None and gates.before.search(text) is None:
        return _NOTHING
    if gates.run is None:
        gates.prepare()
    folded = None
    if gates.folded or gates.lead is not None:
        folded = found.folded if isinstance(found, Found) else fold(text)
    subject = folded if gates.folded else text
    if gates.lead is not None:
        starts = sorted({end - back for end, back in gates.lead.iter(folded)})
        if len(starts) * 24 <= len(text):  # a match tried from Python costs about as much as `re` stepping
            return finditer_from(gates.run, subject, starts)  # over a couple of dozen characters
    return gates.run.finditer(subject)
