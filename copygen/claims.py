"""The claims library: approved factual claims with their references, and how a draft's claims are matched
to them.

A factual claim in copy (a number, a statistic, an efficacy or safety statement, "studies show", a
comparison) is the sentence that holds it. It is substantiated when an approved claim for the draft's
jurisdiction, not expired, matches that sentence: exactly, after normalising (case, spacing, punctuation,
"per cent"), or fuzzily (rapidfuzz, with every number in the sentence also in the approved wording).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import InputError
from .guardrails.lazy_regex import lazy
from .guardrails.sentences import spans
from .models import Jurisdiction
from .textfiles import read_text

FUZZY_THRESHOLD = 88.0  # rapidfuzz ratio or partial_ratio after canonical spelling, 0-100

Method = Literal["exact", "normalised", "fuzzy"]


class ApprovedClaim(BaseModel):
    """One claim the practice may make, and what substantiates it."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str = Field(min_length=1)
    wording: str = Field(min_length=3)
    reference: str = Field(min_length=3)  # the study, guideline or document that substantiates it
    jurisdictions: tuple[Jurisdiction, ...] = ()  # empty: valid everywhere
    expires: date | None = None

    @field_validator("jurisdictions", mode="before")
    @classmethod
    def _split(cls, v: Any) -> Any:
        if isinstance(v, str):
            return tuple(p.strip().lower() for p in re.split(r"[;,/\s]+", v) if p.strip())
        if isinstance(v, (list, tuple)):
            return tuple(str(p).strip().lower() for p in v)
        return v

    @field_validator("expires", mode="before")
    @classmethod
    def _blank_date(cls, v: Any) -> Any:
        return None if isinstance(v, str) and not v.strip() else v

    def valid_in(self, jurisdiction: Jurisdiction) -> bool:
        return not self.jurisdictions or jurisdiction in self.jurisdictions

    def expired(self, today: date) -> bool:
        return self.expires is not None and self.expires < today


@dataclass(frozen=True)
class ClaimSpan:
    """A factual claim found in copy: the sentence's span and what made it a claim."""

    start: int
    end: int
    text: str
    kinds: tuple[str, ...]  # statistic, study, efficacy, safety, comparison


@dataclass(frozen=True)
class ClaimMatch:
    claim: ApprovedClaim
    method: Method
    score: float  # 100 for exact and normalised matches


class ClaimsLibrary:
    """Approved claims, loaded from YAML or CSV. An empty library substantiates nothing."""

    def __init__(self, claims: tuple[ApprovedClaim, ...] = (), source: str = ""):
        self.claims = claims
        self.source = source
        self._normal = tuple(normalise(c.wording) for c in claims)

    def __len__(self) -> int:
        return len(self.claims)

    def match(self, sentence: str, jurisdiction: Jurisdiction) -> ClaimMatch | None:
        """The best approved claim for `sentence` in this jurisdiction (expired ones included: the caller
        decides what an expired match means)."""
        candidates = [(c, n) for c, n in zip(self.claims, self._normal) if c.valid_in(jurisdiction)]
        for c, _ in candidates:
            if c.wording in sentence:
                return ClaimMatch(c, "exact", 100.0)
        norm = normalise(sentence)
        for c, n in candidates:
            if n and n in norm:
                return ClaimMatch(c, "normalised", 100.0)
        return self._fuzzy(norm, candidates)

    def _fuzzy(self, norm: str, candidates: list[tuple[ApprovedClaim, str]]) -> ClaimMatch | None:
        from rapidfuzz import fuzz

        sentence = canonical(norm)
        numbers = set(_NUMBER.findall(norm))
        best: ClaimMatch | None = None
        for c, n in candidates:
            if numbers != set(_NUMBER.findall(n)):
                continue  # a changed figure is never the approved claim
            claim = canonical(n)
            if _polarity(claim) != _polarity(sentence):
                continue  # "does not reduce", "increases": the opposite claim, however similar the words
            short, long = sorted((claim, sentence), key=len)
            if len(short) < 0.6 * len(long):
                continue  # the approved claim would cover too little of the sentence
            score = max(fuzz.ratio(claim, sentence), fuzz.partial_ratio(claim, sentence))
            if score >= FUZZY_THRESHOLD and (best is None or score > best.score):
                best = ClaimMatch(c, "fuzzy", round(score, 1))
        return best


# Words a paraphrase swaps freely, mapped to one spelling before fuzzy scoring.
_SYNONYMS = {
    "jab": "vaccine", "jabs": "vaccine", "vaccines": "vaccine", "vaccination": "vaccine", "vaccinations": "vaccine",
    "shot": "vaccine", "shots": "vaccine", "immunisation": "vaccine", "immunization": "vaccine",
    "your": "the", "a": "the", "an": "the", "you": "people", "reduces": "reduce", "reduced": "reduce",
    "reducing": "reduce", "lowers": "reduce", "lower": "reduce", "cuts": "reduce", "cut": "reduce",
    "decreases": "reduce", "decrease": "reduce", "helps": "help", "helping": "help", "chance": "risk",
    "likelihood": "risk", "percent": "%", "patients": "people", "adults": "people",
}
# Words that turn a claim into its opposite: a fuzzy match must agree on each group.
_NEGATION = frozenset("not no never without cannot can't won't doesn't don't isn't aren't n't".split())
_UP = frozenset("increase increases increased increasing raise raises raised higher more worse boost boosts".split())
_DOWN = frozenset("reduce less fewer decline declines".split())


def canonical(norm: str) -> str:
    return " ".join(_SYNONYMS.get(w, w) for w in norm.split())


def _polarity(text: str) -> tuple[bool, bool, bool]:
    words = set(text.split())
    return bool(words & _NEGATION), bool(words & _UP), bool(words & _DOWN)


EMPTY = ClaimsLibrary()


@dataclass(frozen=True)
class Assessed:
    """A claim in copy and its verdict: substantiated by `match`, unsubstantiated, or matched only by an
    expired claim."""

    span: ClaimSpan
    status: Literal["substantiated", "unsubstantiated", "expired"]
    match: ClaimMatch | None


@lru_cache(maxsize=1024)
def assess(text: str, library: ClaimsLibrary, jurisdiction: Jurisdiction, today: date) -> tuple[Assessed, ...]:
    """Every factual claim in `text`, each with its verdict against the library."""
    out = []
    for span in find_claims(text):
        m = library.match(span.text, jurisdiction)
        status = "unsubstantiated" if m is None else "expired" if m.claim.expired(today) else "substantiated"
        out.append(Assessed(span, status, m))
    return tuple(out)

_NUMBER = lazy(r"\d+(?:\.\d+)?")


def normalise(text: str) -> str:
    t = text.lower().replace("’", "'")
    t = re.sub(r"\s*(?:per ?cent|percent)\b", "%", t)
    t = re.sub(r"(?<=\d),(?=\d{3}\b)", "", t)  # 1,000 -> 1000
    t = re.sub(r"[^\w%.\s-]+", " ", t)
    t = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", t)
    return " ".join(t.split())


# ---- finding claims in copy ---------------------------------------------------------------------

_TRIGGERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("statistic", lazy(
        r"\d+(?:\.\d+)?\s?(?:%|per ?cent\b|percent\b)(?!\s?(?:off|discount|deposit|apr|finance)\b)|\b\d+\s+(?:in|out of)\s+\d+\b|\b\d+(?:\.\d+)?\s?(?:x|times)\b"
        r"|\b(?:over|more than|up to|nearly|almost|around)\s+\d[\d,]*\s+(?:patients|people|adults|children|customers"
        r"|clients|smiles|treatments|procedures|cases|users|women|men)\b|\b\d[\d,]{2,}\s+(?:patients|people|customers"
        r"|clients|smiles|treatments|procedures)\b|\b(?:half|a third|a quarter|two thirds|three quarters|most|majority)"
        r"\s+(?:of\s+)?(?:our\s+)?(?:patients|people|adults|users|women|men|children|smokers|sufferers)\b"
        r"|\b(?:up to|at least|as many as|as much as)\s+\d+(?:\.\d+)?(?!\s?(?:am|pm|a\.m|p\.m|%\s?off)\b)", re.I)),
    ("study", lazy(
        r"\b(?:studies|research|trials?|data|evidence|science)\s+(?:shows?|suggests?|proves?|found|finds|confirms?"
        r"|demonstrates?)|\b(?:clinically|scientifically|medically|dermatologically)\s+(?:proven|tested|shown|backed)"
        r"|\bproven\s+to\b|\bclinical\s+(?:trials?|studies|evidence)|\b(?:doctor|dentist|gp|expert)s?[- ]recommended"
        r"|\brecommended\s+by\s+(?:doctors|dentists|gps|experts)", re.I)),
    ("efficacy", lazy(
        r"\b(?:reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|cut(?:s|ting)?)\s+(?:the\s+|your\s+)?(?:risk|chance|pain|symptoms?"
        r"|swelling|inflammation|anxiety|stress|blood pressure|cholesterol|weight|recovery time|spread)"
        r"|\b(?:relieves?|relieving|heals?|healing|prevents?|preventing)\b|\beffective(?:ly|ness)?\b|\befficacy\b"
        r"|\b(?:helps?|helping)\s+(?:to\s+)?(?:protect|prevent|reduce|relieve|lower|improve|heal|fight|stop)\b"
        r"|\bprotects?\s+(?:you|against|from|your)\b|\bprotection\s+(?:against|from)\b"
        r"|\bimprov(?:e|es|ed|ing)\s+(?:your\s+)?(?:health|symptoms|sleep|mood|mobility|posture|outcomes|recovery"
        r"|function|confidence|skin|smile|breathing|circulation)\b|\b(?:works|worked)\s+(?:for|against|in)\b"
        r"|\b(?:recover\w*|results?|see|notice|feel|heal\w*|improve\w*|better|relief|works?)\b[^.!?\n]{0,30}?"
        r"\b(?:within|in|after)\s+(?:just\s+|only\s+)?(?:\d+|one|two|three|four|five|six|a few)\s+"
        r"(?:days?|weeks?|months?|sessions?|treatments?|visits?)\b", re.I)),
    ("safety", lazy(  # "stay safe", "keep it safe" and "safe storage" are advice, not claims
        r"\b(?:is|are|it's|its|it is|they're|they are|completely|totally|perfectly|entirely|proven|clinically|very"
        r"|extremely)\s+(?:\w+\s+){0,2}?(?:safe|safer|safest)\b(?!\s+(?:place|space|storage|disposal|distance))"
        r"|\bsafe\s+(?:and|&)\s+(?:effective|gentle|natural|painless|proven)\b|\b(?:safer|safest)\s+(?:than|way|option|choice)\b"
        r"|\bsafe\s+(?:for|during)\s+(?:you|everyone|all|children|kids|babies|pregnan\w*|sensitive|people)\b"
        r"|\bsafety\s+(?:record|profile)\b|\b(?:no|few|minimal|without)\s+(?:known\s+)?side[- ]effects?\b"
        r"|\b(?:low|no|minimal|zero)\s+risks?\b|\bwell[- ]tolerated\b|\bnon[- ]invasive\b", re.I)),
    ("comparison", lazy(
        r"\b(?:more|less|better|faster|stronger|longer|quicker|cheaper|safer|greater|fewer|lower|higher)\s+than\b"
        r"|\bcompared\s+(?:to|with)\b|\bversus\b|\bvs\.?\s|\boutperforms?\b", re.I)),
)
_LABEL = lazy(r"(?:[^\s:]+\s+){0,3}[^\s:]+:\s+")  # a sender or a heading before a claim ("Riverside Clinic: ")


def find_claims(text: str) -> list[ClaimSpan]:
    """Every sentence of `text` that makes a factual claim, with the kinds of claim it makes; a label of up to
    four words opening the sentence is not part of the claim."""
    out = []
    for start, end in spans(text):
        label = _LABEL.match(text, start, end)
        if label is not None:
            start = label.end()
        sentence = text[start:end]
        kinds = tuple(kind for kind, pattern in _TRIGGERS if pattern.search(sentence))
        if kinds:
            out.append(ClaimSpan(start, end, sentence, kinds))
    return out


# ---- loading ------------------------------------------------------------------------------------

_COLUMNS = {"id": "id", "claim_id": "id", "claim id": "id", "wording": "wording", "claim": "wording", "text": "wording",
            "reference": "reference", "ref": "reference", "source": "reference", "jurisdictions": "jurisdictions",
            "jurisdiction": "jurisdictions", "expires": "expires", "expiry": "expires", "expiry date": "expires",
            "expires_on": "expires"}


def load_claims(path: str | Path) -> ClaimsLibrary:
    """Load a claims library from YAML (a list, or a mapping with `claims:`) or CSV (a header row).
    One error lists every bad entry. Read once per file version."""
    p = Path(path)
    try:
        mtime = p.stat().st_mtime
    except FileNotFoundError:
        raise InputError(f"Claims library not found: {p}") from None
    except OSError as e:
        raise InputError(f"Cannot read claims library {p}: {e.strerror}") from None
    return _load_claims(str(p), mtime)


@lru_cache(maxsize=32)
def _load_claims(path: str, mtime: float) -> ClaimsLibrary:
    p = Path(path)
    text = read_text(p, "Claims library")
    if p.suffix.lower() == ".csv":
        return load_claims_data(_csv_rows(text, p), str(p), first=2, label="row")
    return load_claims_data(_yaml_rows(text, p), str(p))


def load_claims_data(rows: list[Any], source: str, *, first: int = 1, label: str = "entry") -> ClaimsLibrary:
    """A library from rows of fields (id, wording, reference, jurisdictions, expires; common header
    spellings accepted). One error lists every bad row, numbered from `first`."""
    claims, problems, seen = [], [], set()
    for i, row in enumerate(rows):
        where = f"{label} {i + first}"
        if not isinstance(row, dict):
            problems.append(f"{where}: expected id, wording and reference")
            continue
        data = {_COLUMNS.get(str(k).strip().lower(), str(k).strip().lower()): v for k, v in row.items() if k is not None}
        try:
            claim = ApprovedClaim.model_validate({k: v for k, v in data.items() if v not in (None, "")}
                                                 | {"id": str(data.get("id", "")).strip()})
        except ValidationError as e:
            problems.append(f"{where}: " + "; ".join(
                f"{'.'.join(map(str, err['loc'])) or 'entry'} {err['msg'].lower()}" for err in e.errors()))
            continue
        if claim.id in seen:
            problems.append(f"{where}: duplicate claim id {claim.id!r}")
        seen.add(claim.id)
        claims.append(claim)
    if problems:
        raise InputError(f"Claims library {source} has problems: " + " | ".join(problems))
    return ClaimsLibrary(tuple(claims), source=source)


def _csv_rows(text: str, p: Path) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise InputError(f"Claims library {p} is empty; it needs a header row: id, wording, reference, jurisdictions, expires")
    return [r for r in reader if any((v or "").strip() for v in r.values() if isinstance(v, str))]


def _yaml_rows(text: str, p: Path) -> list[Any]:
    import yaml  # here, not at import: a check that reads no YAML file does without it
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise InputError(f"Claims library {p} is not valid YAML: {e}") from None
    if isinstance(data, dict):
        data = data.get("claims")
    if not isinstance(data, list):
        raise InputError(f"Claims library {p} must be a list of claims (or a mapping with a 'claims' list)")
    return data
