"""Score the claims guardrails on a labelled JSONL file.

Each line: {"text": ..., "label": "violation"|"compliant", "jurisdiction": "UK"|"US", "categories": [...]}.
A text is *found* when any `claims.*` rule fires at warn or block, and *blocked* when one blocks. For
violations the figure that matters is found; for compliant copy, blocked (must stay near zero) and
warned-or-blocked. Per category, each line counts once under every category it carries. Usage:

    python scripts/score_claims.py data/claims/real/test.jsonl [--show] [--batch N]

`--batch N` scores only the lines of one collection batch of the real corpus (batch 2 was gathered after
the rules of batch 1 were tuned, so its first run is a first contact).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict

from copygen import Platform, Severity, check


def verdict(text: str, jurisdiction: str) -> tuple[str, list[str]]:
    """'block', 'warn' or 'pass' from the claims rules alone, with the rules that fired."""
    report = check(text, platform=Platform.EMAIL, jurisdiction=jurisdiction.lower())
    hits = [f for f in report.findings if f.rule_id.startswith("claims.") and f.severity.rank >= Severity.WARN.rank]
    rules = sorted({f.rule_id for f in hits})
    if any(f.severity is Severity.BLOCK for f in hits):
        return "block", rules
    return ("warn" if hits else "pass"), rules


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--show", action="store_true", help="print every miss and every flagged compliant text")
    ap.add_argument("--batch", type=int, help="only the corpus lines of this collection batch")
    args = ap.parse_args()
    rows = [json.loads(line) for line in open(args.path, encoding="utf-8") if line.strip()]
    if args.batch is not None:
        rows = [r for r in rows if r.get("batch", 1) == args.batch]
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: {"n": 0, "block": 0, "warn": 0})
    for r in rows:
        v, rules = verdict(r["text"], r.get("jurisdiction", "uk"))
        for cat in ["ALL", *r.get("categories", [])]:
            c = counts[(r["label"], cat)]
            c["n"] += 1
            if v != "pass":
                c[v] += 1
        if args.show and (v == "pass") == (r["label"] == "violation"):
            tag = "MISS" if r["label"] == "violation" else v.upper()
            print(f"{tag:5} {r.get('id')} {rules or r.get('categories')}: {r['text'][:160]}")
    for label, head in (("violation", "violations found (block or warn)"), ("compliant", "compliant flagged")):
        print(f"\n{head}:")
        for (lab, cat), c in sorted(counts.items(), key=lambda kv: (kv[0][1] != "ALL", kv[0][1])):
            if lab != label:
                continue
            found = c["block"] + c["warn"]
            if label == "violation":
                print(f"  {cat:24} {c['n']:4}  found {found / c['n']:.3f}  (block {c['block']}, warn {c['warn']})")
            else:
                print(f"  {cat:24} {c['n']:4}  blocked {c['block'] / c['n']:.3f}  warned-or-blocked {found / c['n']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
