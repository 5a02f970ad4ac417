"""Rule packs: YAML files loaded into strict models. Loading a pack runs its own examples."""

from __future__ import annotations

import hashlib
import pickle
import re
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .. import cache as disk_cache
from ..errors import RulePackError
from ..models import Jurisdiction, Platform, Severity
from ..resources import data_dir

Kind = Literal["pattern", "required", "measure", "phi", "substantiation", "vocabulary", "model"]
MEASURES = (
    "sms_segments", "sms_encoding", "max_chars", "min_chars", "spoken_seconds", "max_hashtags",
    "subject_body_overlap", "preheader_repeats_subject", "ungrounded", "prompt_echo", "off_topic", "language", "hashtag_words", "example_echo", "gibberish",
)


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)  # validators built on first use, not at import

    text: str
    platform: Platform | None = None
    jurisdiction: Jurisdiction | None = None
    field: str | None = None
    sponsored: bool = False
    fields: dict[str, str] | None = None  # several fields at once (e.g. subject and body)
    brand: dict[str, Any] | None = None  # a brand profile for the example (its own details are allowed)
    claims: list[dict[str, Any]] | None = None  # a claims library for the example (default: an empty one)
    brief: dict[str, str] | None = None  # the brief the copy was written from: topic, notes, audience


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)  # validators built on first use, not at import

    positive: list[Example | str] = Field(min_length=1)  # the rule must fire on each
    negative: list[Example | str] = Field(min_length=1)  # the rule must stay silent on each


class Rule(BaseModel):
    """One rule. `id` is local to its pack; findings carry `<pack>.<id>`."""

    model_config = ConfigDict(extra="forbid", defer_build=True)  # validators built on first use, not at import

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: Kind
    severity: Severity
    message: str
    reason: str
    citation: str
    suggestion: str | None = None
    jurisdictions: list[Jurisdiction] | None = None  # None: the pack's default
    platforms: list[Platform] | None = None
    fields: list[str] | None = None  # None: every field of the platform
    # pattern: any match fires. required: fires when none matches. Case-insensitive unless case_sensitive.
    patterns: list[str] = Field(default_factory=list)
    case_sensitive: bool = False
    exceptions: list[str] = Field(default_factory=list)  # a hit overlapped by an exception match is dropped
    within: int | None = None  # required: the element must start within the first N characters
    when: Literal["sponsored", "brief", "always"] = "always"  # brief: only when the check knows the brief
    when_patterns: list[str] = Field(default_factory=list)  # rule applies only if one of these matches
    brand_fields: list[str] = Field(default_factory=list)  # required: brand profile values that satisfy it
    measure: str | None = None
    limit: float | None = None
    detects: list[str] = Field(default_factory=list)  # phi: the identifier kinds this rule reports
    claim_status: Literal["unsubstantiated", "expired"] | None = None  # substantiation: which claims it reports
    substantiable: bool = False  # pattern: a match inside a claim the claims library substantiates is dropped
    # pattern: a hit whose sentence matches one of these (a hedge such as "can help", or a vaccination or
    # screening context) is a claim that needs evidence, not a prohibited one: it is reported as a warning
    # and a claims library that substantiates it clears it.
    demote: list[str] = Field(default_factory=list)
    # vocabulary: fires where a phrase of `triggers` is followed, within `window` words of the same
    # sentence, by a phrase of `targets` (both term files of the pack; phrases of up to three words).
    # Exceptions and demote patterns apply as for a pattern rule.
    triggers: str | None = None
    targets: str | None = None
    window: int = 6
    # model: a linear model file of the pack (see copygen/guardrails/claim_model.py) scores each sentence;
    # one at or above `threshold` is reported. `model_terms` names the pack's term files of conditions and
    # effect verbs the model's features read, in that order.
    model: str | None = None
    # A finding of this rule is dropped where a finding of one of these rules of the same pack overlaps it
    # (a general rule that adds nothing where a more specific one already reports the same words).
    yields_to: list[str] = Field(default_factory=list)
    threshold: float | None = Field(default=None, gt=0, lt=1)
    model_terms: list[str] = Field(default_factory=list)
    # The deterministic fix generation applies to this rule's findings before asking the model (a name of
    # its platform module's `Channel.fixes`: "opt_out_from_brand", "drop_marked_hashtags"...). Checking never applies it.
    fix: str | None = None
    examples: Examples

    @model_validator(mode="after")
    def _kind_fields(self) -> Rule:
        if self.kind in ("pattern",) and not self.patterns:
            raise ValueError("a pattern rule needs patterns")
        if (self.kind == "vocabulary") != (self.triggers is not None and self.targets is not None):
            raise ValueError("a vocabulary rule, and only one, takes triggers and targets")
        if self.kind == "required" and not (self.patterns or self.brand_fields):
            raise ValueError("a required rule needs patterns or brand_fields")
        if self.kind == "measure":
            if self.measure not in MEASURES:
                raise ValueError(f"measure must be one of {', '.join(MEASURES)}")
        elif self.measure is not None:
            raise ValueError("only measure rules take a measure")
        if self.kind == "phi":
            from .phi import PLACEHOLDERS

            unknown = [d for d in self.detects if d not in PLACEHOLDERS]
            if not self.detects or unknown:
                raise ValueError(f"a phi rule detects one or more of {', '.join(PLACEHOLDERS)}")
        elif self.detects:
            raise ValueError("only phi rules take detects")
        if (self.kind == "model") != (self.model is not None and self.threshold is not None and len(self.model_terms) == 2):
            raise ValueError("a model rule, and only one, takes model, threshold and two model_terms")
        if (self.kind == "substantiation") != (self.claim_status is not None):
            raise ValueError("a substantiation rule, and only one, takes claim_status")
        return self


class Pack(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)  # validators built on first use, not at import

    pack: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    version: int
    description: str
    platforms: list[Platform] = Field(default_factory=lambda: list(Platform))
    jurisdictions: list[Jurisdiction] = Field(default_factory=lambda: list(Jurisdiction))
    # Named term lists that patterns use as <<name>>: one list of conditions serves many rules.
    terms: dict[str, list[str]] = Field(default_factory=dict)
    # Term lists kept in files next to the pack (one literal phrase a line, '#' comments), added to `terms`
    # under the same name: vocabularies of thousands of entries built by scripts/build_claim_terms.py.
    term_files: dict[str, str] = Field(default_factory=dict)
    # The phrase sets of `term_files`, for vocabulary rules (filled in when the pack loads).
    phrases: dict[str, frozenset[str]] = Field(default_factory=dict, exclude=True)
    rules: list[Rule]
    path: str = ""

    @model_validator(mode="after")
    def _defaults_and_unique(self) -> Pack:
        for name, rel in self.term_files.items():
            words = read_term_file(self.file(rel))
            self.phrases[name] = frozenset(w.lower() for w in words)
            if name in self.terms:  # a pattern list of the same name takes the phrases too
                self.terms[name] = [*self.terms[name], literal_alternation(words)]
        for r in self.rules:
            for name in (r.triggers, r.targets, *r.model_terms):
                if name is not None and name not in self.phrases:
                    raise ValueError(f"rule {r.id!r} names term file {name!r}, which term_files does not define")
        ids = {r.id for r in self.rules}
        for r in self.rules:
            unknown = [y for y in r.yields_to if y not in ids]
            if unknown:
                raise ValueError(f"rule {r.id!r} yields to unknown rule(s): {', '.join(unknown)}")
        seen = set()
        for r in self.rules:
            for attr in ("patterns", "exceptions", "when_patterns", "demote"):
                setattr(r, attr, [self._expand(p) for p in getattr(r, attr)])
            if r.id in seen:
                raise ValueError(f"duplicate rule id {r.id!r}")
            seen.add(r.id)
            if r.platforms is None:
                r.platforms = list(self.platforms)
            if r.jurisdictions is None:
                r.jurisdictions = list(self.jurisdictions)
        return self

    def file(self, rel: str) -> Path:
        """A file the pack names, relative to the pack's own folder."""
        return Path(self.path).parent / rel if self.path else data_dir("guardrails") / rel

    def _expand(self, pattern: str) -> str:
        def term(m: re.Match[str]) -> str:
            name = m.group(1)
            if name not in self.terms:
                raise ValueError(f"pattern uses <<{name}>> but the pack defines no such terms")
            return "(?:" + "|".join(self.terms[name]) + ")"

        return re.sub(r"<<(\w+)>>", term, pattern)


def read_term_file(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise ValueError(f"cannot read term file {path}: {e}") from None
    return [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]


def literal_alternation(words: list[str]) -> str:
    """One regular expression for a list of literal phrases, factored as a trie so that matching it costs
    the length of the phrase rather than the number of phrases. Whole words only."""
    trie: dict = {}
    for w in sorted({w.lower() for w in words}):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return r"(?:\b" + emit(trie) + r"\b)"


def compile_patterns(patterns: list[str], case_sensitive: bool = False) -> re.Pattern[str] | None:
    if not patterns:
        return None
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def read_pack_file(path: str | Path) -> Pack:
    """Read one pack and validate it, without running its examples (the engine does: `loading.py`). Raises
    RulePackError naming the file and rule."""
    p = Path(path)
    stored = _parsed_marker(p)
    pack = _read_parsed(stored, p)
    if pack is None:
        pack = _parse_pack_file(p)
        _write_parsed(stored, pack)
    return pack


# A parsed and validated pack is kept (pickled) under a name derived from the pack file's bytes and copygen's
# code and data, with a digest of each file it names (term lists, models), which must still match when read.
def _parsed_marker(p: Path) -> Path | None:
    try:
        return disk_cache.marker("packs", str(p.resolve()).encode(), p.read_bytes())
    except OSError:
        return None


def _named_files(pack: Pack) -> dict[str, str]:
    rels = [*pack.term_files.values(), *(r.model for r in pack.rules if r.model)]
    return {rel: hashlib.sha256(pack.file(rel).read_bytes()).hexdigest() for rel in rels}


def _read_parsed(stored: Path | None, p: Path) -> Pack | None:
    data = disk_cache.load(stored)
    if data is None:
        return None
    try:
        pack, digests = pickle.loads(data)
        if isinstance(pack, Pack) and pack.path == str(p) and _named_files(pack) == digests:
            return pack
    except Exception:  # noqa: BLE001 - a corrupt or stale entry of any kind is a miss, never an error
        pass
    return None


def _write_parsed(stored: Path | None, pack: Pack) -> None:
    if stored is not None:
        disk_cache.store(stored, pickle.dumps((pack, _named_files(pack))))


def _parse_pack_file(p: Path) -> Pack:
    import yaml  # here, not at import: a check that reads no YAML file does without it
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RulePackError("rule pack file not found", path=str(p)) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise RulePackError(f"cannot read rule pack: {e}", path=str(p)) from None
    if not isinstance(raw, dict):
        raise RulePackError("a rule pack is a mapping with pack, version, description and rules", path=str(p))
    try:
        pack = Pack.model_validate({**raw, "path": str(p)})
    except ValidationError as e:
        err = e.errors()[0]
        loc = err["loc"]
        rule_id = None
        if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
            rules = raw.get("rules") or []
            rule_id = rules[loc[1]].get("id") if loc[1] < len(rules) and isinstance(rules[loc[1]], dict) else None
        where = ".".join(map(str, loc))
        raise RulePackError(f"{where}: {err['msg']}", path=str(p), rule_id=rule_id) from None
    if pack.pack != p.stem:
        raise RulePackError(f"pack name {pack.pack!r} must equal the file name {p.stem!r}", path=str(p))
    for rule in pack.rules:
        for attr in ("patterns", "exceptions", "when_patterns", "demote"):
            try:
                compile_patterns(getattr(rule, attr), rule.case_sensitive)
            except re.error as e:
                raise RulePackError(f"bad regular expression in {attr}: {e}", path=str(p), rule_id=rule.id) from None
    return pack


@cache
def builtin_pack_paths() -> tuple[Path, ...]:
    return tuple(sorted(data_dir("guardrails").glob("*.yaml")))
