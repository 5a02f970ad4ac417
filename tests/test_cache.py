"""The on-disk cache of passed self-tests: invisible except in speed, and never a wrong answer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from copygen import check
from copygen.errors import RulePackError
from copygen.guardrails import loading
from copygen.guardrails.loading import load_pack_file

PACK = ROOT / "tests" / "packs" / "house_style.yaml"


@pytest.fixture
def warm(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The cache on, in a folder of its own; returns the packs whose examples ran."""
    monkeypatch.delenv("COPYGEN_NO_CACHE", raising=False)
    monkeypatch.setenv("COPYGEN_CACHE_DIR", str(tmp_path / "cache"))
    ran: list[str] = []
    real = loading.self_test
    monkeypatch.setattr(loading, "self_test", lambda pack: (ran.append(pack.pack), real(pack)))
    return ran


def test_examples_run_once_for_the_same_pack_and_again_when_it_changes(warm: list[str], tmp_path: Path) -> None:
    pack = tmp_path / "house_style.yaml"
    shutil.copy(PACK, pack)
    first, second = load_pack_file(pack), load_pack_file(pack)
    assert warm == ["house_style"] and first == second
    pack.write_text(pack.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    load_pack_file(pack)
    assert warm == ["house_style", "house_style"]


def test_a_changed_pack_with_a_failing_example_fails_even_after_a_warm_cache(warm: list[str], tmp_path: Path) -> None:
    pack = tmp_path / "house_style.yaml"
    shutil.copy(PACK, pack)
    load_pack_file(pack)
    text = pack.read_text(encoding="utf-8")
    broken = text.replace('negative: ["Flu clinics every Saturday in Nov"]', 'negative: ["Flu clinics in November"]')
    assert broken != text
    pack.write_text(broken, encoding="utf-8")
    with pytest.raises(RulePackError, match="fires on its negative example"):
        load_pack_file(pack)


def test_an_unwritable_cache_is_only_slower(warm: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("COPYGEN_CACHE_DIR", str(blocker))
    load_pack_file(PACK)
    load_pack_file(PACK)
    assert warm == ["house_style", "house_style"]


def test_findings_are_the_same_with_a_warm_cache_a_cold_one_and_none(warm: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from copygen import api

    text = "RiversideHC: Our flu drip cures flu and is 100% safe! Call Dave on 07911 123456. Reply STOP to opt out"

    def fresh() -> list:  # every pack loaded again, as a new process would
        api._engine.cache_clear()
        loading._load_cached.cache_clear()
        return check(text, platform="sms", packs=[str(PACK)]).findings

    cold = fresh()
    ran_cold = len(warm)
    warm_findings = fresh()
    assert ran_cold >= 8 and len(warm) == ran_cold  # the second load ran no examples
    monkeypatch.setenv("COPYGEN_NO_CACHE", "1")
    none = fresh()
    assert len(warm) == 2 * ran_cold
    assert cold == warm_findings == none and cold
    api._engine.cache_clear()
    loading._load_cached.cache_clear()


def test_a_new_process_checks_the_same_from_a_warm_cache_a_corrupt_one_and_none(tmp_path: Path) -> None:
    """What a process keeps for the next (parsed packs, pattern analysis, name lists, passed examples) changes
    nothing a check reports, and a cache whose files were damaged is only a slower one."""
    copy = tmp_path / "draft.sms"
    copy.write_text("RiversideHC: Our flu drip cures flu and is 100% safe! Call Dave on 07911 123456, "
                    "seen 3/4. Reply STOP to opt out", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if k != "COPYGEN_NO_CACHE"} | {"COPYGEN_CACHE_DIR": str(cache_dir)}

    def run(**extra: str) -> str:
        done = subprocess.run([sys.executable, "-m", "copygen", "check", str(copy), "--format", "json"],
                              env=env | extra, capture_output=True, text=True, timeout=120)
        assert done.returncode == 1, done.stderr  # the draft blocks
        return done.stdout

    cold = run()
    kinds = {p.name for p in cache_dir.iterdir()}
    assert {"packs", "pattern-analysis", "regex-code", "self-tests", "names", "more_first_names", "echo-templates",
            "worked-examples"} <= kinds, kinds
    assert run() == cold
    for path in cache_dir.rglob("*"):
        if path.is_file():
            path.write_bytes(b"\x80 not what was stored")
    assert run() == cold
    assert run(COPYGEN_NO_CACHE="1") == cold


def test_a_regex_read_back_from_the_cache_is_the_one_re_compiles(warm: list[str]) -> None:
    """The stored code of a pattern makes the same pattern object `re.compile` does, in a later process too."""
    import re

    from copygen.guardrails import lazy_regex

    cases = [(r"(?P<who>Dr|Mrs?)\.? ([A-Z][a-z]+)|(\d{1,2})/(\d{1,2})", 0), (r"\bcures?\b|(?i:100% safe)", re.IGNORECASE)]
    text = "Mrs Okafor, seen 3/4: our drip CURES flu and is 100% SAFE. Dr. Shah"
    for pattern, flags in cases:
        first = lazy_regex.compiled_regex(pattern, flags)
        lazy_regex._codes.save()  # as the process does at exit
        lazy_regex._codes = lazy_regex._CodeTable()  # a new process reads the table back
        again = lazy_regex.compiled_regex(pattern, flags)
        expected = re.compile(pattern, flags)
        for got in (first, again):
            assert (got.pattern, got.flags, got.groups, dict(got.groupindex)) == (
                expected.pattern, expected.flags, expected.groups, dict(expected.groupindex))
            assert [m.groups() + (m.span(),) for m in got.finditer(text)] == [
                m.groups() + (m.span(),) for m in expected.finditer(text)]
