"""Score the claims guardrails on a labelled JSONL file: recall on violations, false-positive rate on compliant texts.

Each line: {"text": ..., "label": "violation"|"compliant", "jurisdiction": "UK"|"US", ...}.
A text counts as flagged when any `claims.*` rule fires at warn or block. Usage:

    python scripts/score_claims.py ../shared/data/claims_dev.jsonl [--show]
"""

from __future__ import annotations

import argparse
import json
import sys

from copygen import Platform, Severity, check


def flagged(text: str, jurisdiction: str) -> list[str]:
    report = check(text, platform=Platform.EMAIL, jurisdiction=jurisdiction.lower())
    return sorted({f.rule_id for f in report.findings
                   if f.rule_id.startswith("claims.") and f.severity.rank >= Severity.WARN.rank})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--show", action="store_true", help="print every miss and false positive")
    args = ap.parse_args()
    rows = [json.loads(line) for line in open(args.path, encoding="utf-8") if line.strip()]
    tp = fn = fp = tn = 0
    for r in rows:
        rules = flagged(r["text"], r.get("jurisdiction", "uk"))
        if r["label"] == "violation":
            if rules:
                tp += 1
            else:
                fn += 1
                if args.show:
                    print(f"MISS {r.get('id')} {r.get('categories')}: {r['text'][:150]}")
        else:
            if rules:
                fp += 1
                if args.show:
                    print(f"FP   {r.get('id')} {rules}: {r['text'][:150]}")
            else:
                tn += 1
    recall = tp / (tp + fn) if tp + fn else 0.0
    fpr = fp / (fp + tn) if fp + tn else 0.0
    print(f"violations: {tp + fn}  caught: {tp}  recall: {recall:.3f}")
    print(f"compliant:  {fp + tn}  flagged: {fp}  false-positive rate: {fpr:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
