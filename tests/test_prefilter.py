"""The literal prefilter must never change a verdict: the engine with it finds exactly what the plain
regular expressions find, on any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from copygen.api import engine
from copygen.brand import Brand
from copygen.guardrails import phi, phi_names
from copygen.guardrails.engine import CompiledRule, Context
from copygen.guardrails.loading import load_packs
from copygen.guardrails.packs import Example
from copygen.guardrails.prefilter import (
    Alternation,
    LiteralIndex,
    _analysed,
    _folded_form,
    digit_count,
    digit_runs,
    fold,
    leading,
    needed,
    scan,
)
from copygen.models import Jurisdiction, Platform


def _phrases() -> list[str]:
    out = []
    for pack in load_packs():
        for rule in pack.rules:
            for ex in [*rule.examples.positive, *rule.examples.negative]:
                out.append(ex.text if isinstance(ex, Example) else ex)
    return out


PHRASES = _phrases()
# Characters that re.IGNORECASE equates with ASCII letters although str.lower() does not, and others whose
# case mapping is unusual: the prefilter must still let their matches through.
TRICKY = ["٣", "7", "ſ", "ı", "İ", "K", "µ", "ς", "Σ", "ß", "ﬅ", "ﬆ", "ǅ", "\u0345", "’", "é", "\u00a0", "\n"]


def _spell(s: str, flips: list[bool], tricky: list[int]) -> str:
    chars = [c.upper() if flip else c for c, flip in zip(s, flips + [False] * len(s))]
    for i in tricky:
        if chars:
            chars[i % len(chars)] = TRICKY[i % len(TRICKY)]
    return "".join(chars)


texts = st.builds(
    _spell,
    st.lists(st.one_of(st.sampled_from(PHRASES), st.text(max_size=10)), min_size=1, max_size=6).map(" ".join),
    st.lists(st.booleans(), max_size=40),
    st.lists(st.integers(min_value=0, max_value=500), max_size=3),
)


def _full_engine_report(eng, fields, ctx, monkeypatch):  # noqa: ANN001
    with monkeypatch.context() as m:
        m.setattr(Alternation, "for_text", lambda self, text: self.full)
        m.setattr(CompiledRule, "gate", property(lambda self: None))
        plain = type(eng)(eng.packs)
        return plain.check(fields, ctx)


@settings(max_examples=300, deadline=None)
@given(text=texts, platform=st.sampled_from(list(Platform)), jur=st.sampled_from(list(Jurisdiction)))
def test_prefiltered_engine_equals_plain_regex_engine(text: str, platform: Platform, jur: Jurisdiction) -> None:
    eng = engine()
    fields = {name: text for name in platform.fields}
    ctx = Context(platform=platform, jurisdiction=jur, brand=Brand(practice_name="Riverside Clinic"))
    fast = eng.check(fields, ctx)
    with pytest.MonkeyPatch.context() as mp:
        slow = _full_engine_report(eng, fields, ctx, mp)
    assert fast.findings == slow.findings


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_every_alternation_matches_as_its_full_regex(text: str) -> None:
    for cr in engine().rules:
        for alt in (cr.regex, cr.exceptions, cr.when):
            if alt is not None:
                assert [m.span() for m in alt.finditer(text)] == [m.span() for m in alt.full.finditer(text)], cr.full_id


@pytest.mark.parametrize("pattern,expected", [
    (r"\bcur(?:e|es|ed)\b", {"cure"}),  # every match holds "cure"
    (r"\brisk[- ]free\b", {"risk-free", "risk free"}),
    (r"\bno (?:nasty )?side effects?\b", {"no side effect", "no nasty side effect"}),
    (r"(?:#|\bno\.? ?)1\b", {"#1", "no1", "no 1", "no.1", "no. 1"}),
    (r"\b\w+ly\b", {"ly"}),
    (r"Botox", {"botox"}),  # folded: the rules match regardless of case
])
def test_needed_literals(pattern: str, expected: set[str]) -> None:
    assert needed(pattern) == expected


@pytest.mark.parametrize("pattern", [r"\w+", r"\b\d{3}\b", r"(?:cure)?\w", r"cure|\d+"])
def test_no_literal_set_when_a_match_needs_none(pattern: str) -> None:
    assert needed(pattern) is None


@pytest.mark.parametrize("pattern,expected", [
    (r"\bcur(?:e|es|ed)\b", {"cure", "cures", "cured"}),
    (r"\b(?:say )?goodbye to (?:your )?\w+", {"say goodbye to your ", "say goodbye to ", "goodbye to your ",
                                              "goodbye to "}),
    (r"(?i:\b(?:guaranteed?|promise[sd]?)\b)", {"guarantee", "guaranteed", "promise", "promises", "promised"}),
    (r"(?<![\d-])Botox\d*", {"botox"}),  # look-arounds consume nothing
])
def test_leading_literals(pattern: str, expected: set[str]) -> None:
    """Every match starts with one of these (folded), so `scan` may try the regex only where they start."""
    assert leading(pattern) == expected


@pytest.mark.parametrize("pattern", [r"(?:\w+ )?cure", r"\d+ patients", r"[^.]*cure", r"\b(?:a|b)\w", r"x?\w+"])
def test_no_leading_literals_when_a_match_may_start_anywhere(pattern: str) -> None:
    assert leading(pattern) is None


@pytest.mark.parametrize("pattern,folds", [
    (r"\bCURES?\b", True), (r"[A-Z]{2}\d", True),  # on folded text, [a-z] is what [A-Z] matched ignoring case
    (r"\bCURE\S*", True), (r"\bcu\B", True),  # escapes keep their case: \s is not \S
    (r"\x43ure", False), (r"\N{LATIN CAPITAL LETTER C}ure", False), (r"(?-i:Dr) \w+", False),
    (r"(?P<Name>cure)", False), (r"[A-z]", False),
])
def test_case_insensitive_regexes_run_folded_only_when_lowercasing_keeps_their_meaning(pattern: str, folds: bool) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    assert (_folded_form(regex) is not None) == folds
    text = "Cures work. ſURE CURE! İD AB1 Dr Cure"
    found = LiteralIndex([needed(pattern)]).present(text)
    assert [m.span() for m in scan(regex, text, found)] == [m.span() for m in regex.finditer(text)] != []


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.one_of(st.sampled_from(TRICKY + ["σ", "ϐ", "ι", "ẛ", "ﬆ"]), st.characters()), max_size=30))
def test_fold_skips_the_case_table_only_when_it_would_change_nothing(text: str) -> None:
    from copygen.guardrails.prefilter import _TABLE

    assert fold(text) == text.translate(_TABLE).lower().translate(_TABLE)


def test_fold_matches_ignorecase_equivalences() -> None:
    assert fold("CUREſ") == fold("cures")
    assert fold("İNSOMNIA") == "insomnia"


PHI_REGEXES = [v for mod in (phi, phi_names) for v in vars(mod).values() if isinstance(v, re.Pattern)] + [
    p for _, p, _ in phi._LABELLED]
PHI_PHRASES = ["DOB 12/03/1948", "NHS number 943 476 5919", "call 07700 900123", "SSN 123-45-6789",
               "card 4111 1111 1111 1111", "IBAN GB82 WEST 1234 5698 7654 32", "4 Mill Lane, Bristol BS1 4DJ",
               "aged 94", "SSN ١٢٣-٤٥-٦٧٨٩", "MRN: A1234567", "10.0.0.1", "Sarah, 94, from Leeds", "(01)00012345678905(17)250101"]
phi_texts = st.builds(
    _spell,
    st.lists(st.one_of(st.sampled_from(PHI_PHRASES), st.sampled_from(PHRASES), st.text(max_size=10)),
             min_size=1, max_size=6).map(" ".join),
    st.lists(st.booleans(), max_size=40),
    st.lists(st.integers(min_value=0, max_value=500), max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(text=phi_texts)
def test_scan_finds_what_finditer_finds(text: str) -> None:
    """The literal and digit-count gates in `scan` never drop a match of a PHI pattern."""
    found = phi._index().present(text)
    for regex in PHI_REGEXES:
        assert [m.span() for m in scan(regex, text, found)] == [m.span() for m in regex.finditer(text)], regex.pattern


@pytest.mark.parametrize("pattern,digits", [
    (r"\d{3}-\d{2}-\d{4}", 9), (r"[0-9]{2}|x\d", 1), (r"(?:\d\d)+", 2), (r"\d*", 0), (r"[0-9a]", 0), (r"7 ?7", 2),
])
def test_min_digits(pattern: str, digits: int) -> None:
    assert _analysed(re.compile(pattern))[1] == digits


@pytest.mark.parametrize("pattern,run", [
    (r"\d{3}-\d{2}-\d{4}", 4), (r"(\d{2})(\d{3})", 5), (r"\d\d?\d", 2), (r"\d[ -]?\d", 1), (r"(?:12|345)x", 2),
    (r"\d(?<![\d-]\d)\d{2}", 3), (r"[a-z]+", 0),
])
def test_digit_runs(pattern: str, run: int) -> None:
    """How many digits, at least, stand together in every match: a text whose longest run is shorter is skipped."""
    from re import _parser

    from copygen.guardrails.prefilter import _digit_runs

    assert _digit_runs(_parser.parse(pattern), 0)[0] == run


def test_digit_count_counts_what_backslash_d_matches() -> None:
    assert digit_count("a1b22") == 3
    assert digit_count("٣ and 4") == len(re.findall(r"\d", "٣ and 4")) == 2


@pytest.mark.parametrize("text", ["no digits here", "9am to 12pm, call 0117 496 0000", "٣٤ and 4", "£49–£129, 2024", "7"])
def test_digit_runs_counts_and_measures_what_backslash_d_matches(text: str) -> None:
    runs = re.findall(r"\d+", text)
    assert digit_runs(text) == (sum(map(len, runs)), max(map(len, runs), default=0))


@given(text=st.text(alphabet=st.one_of(st.sampled_from("0123456789 ٣４-\n"), st.characters()), max_size=40))
def test_digit_runs_agree_with_re_on_any_text(text: str) -> None:
    test_digit_runs_counts_and_measures_what_backslash_d_matches(text)
