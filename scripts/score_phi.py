"""Score the PHI detector on a labelled set: recall, precision and F1 per identifier type, and overall.

    python scripts/score_phi.py data/phi/phi_set.jsonl [--misses]
    python scripts/score_phi.py data/phi/heldout_marked.txt --brand data/phi/heldout_brand.yaml

JSONL: each line {"text", "spans": [{"start", "end", "type"}], "brand": {...}}. Marked text: one text per
line with [[type|text]] around each gold span (lines starting with # are comments), checked with --brand. A gold span is found when a
detected span of the same type overlaps it (names with and without health context count as "name");
overall, any PHI type will do. A detection that overlaps no gold span is a false positive. NPI hits are
provider identifiers, reported as info, and are not counted as PHI.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter

import yaml

from copygen.brand import Brand
from copygen.guardrails.checks import brand_allow
from copygen.guardrails.phi import detect

GROUP = {"name_health": "name"}
# A postcode or ZIP found inside an address finds the address (and is a correct finding there).
# The rules' labelled set (phi_set.jsonl) predates the vehicle and device types: its other_id covers both.
SAME = {("address", "postcode"), ("address", "zip"), ("postcode", "address"), ("zip", "address"),
        ("other_id", "device"), ("other_id", "vehicle")}


def same_type(gold: str, pred: str) -> bool:
    return gold == pred or (gold, pred) in SAME


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def marked(line: str) -> tuple[str, list[dict]]:
    """Plain text and gold spans from a line with [[type|text]] marks."""
    text, spans, pos = [], [], 0
    for m in re.finditer(r"\[\[(\w+)\|(.*?)\]\]", line):
        text.append(line[pos:m.start()])
        start = sum(map(len, text))
        text.append(m.group(2))
        spans.append({"start": start, "end": start + len(m.group(2)), "type": m.group(1)})
        pos = m.end()
    text.append(line[pos:])
    return "".join(text), spans


def rows(path: str, brand: dict) -> list[dict]:
    if path.endswith(".jsonl"):
        return [json.loads(line) for line in open(path, encoding="utf-8")]
    out = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if line.strip() and not line.startswith("#"):
            text, spans = marked(line)
            out.append({"id": f"line-{n}", "text": text, "spans": spans, "brand": brand})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--brand", help="brand profile YAML for marked-text files")
    ap.add_argument("--misses", action="store_true", help="print every miss and false positive")
    args = ap.parse_args()
    gold_n, found_n, pred_n, correct_n = Counter(), Counter(), Counter(), Counter()
    all_gold = all_found = all_pred = all_correct = 0
    texts = negatives = covered = flagged_neg = 0
    brand = yaml.safe_load(open(args.brand, encoding="utf-8")) if args.brand else {}
    for row in rows(args.path, brand):
        texts += 1
        negatives += not row["spans"]
        text = row["text"]
        preds = [{"start": h.start, "end": h.end, "type": GROUP.get(h.kind, h.kind)}
                 for h in detect(text, brand_allow(Brand(**row.get("brand", {})))) if h.kind != "npi"]
        gold = [{**g, "type": GROUP.get(g["type"], g["type"])} for g in row["spans"]]
        if gold:
            covered += bool(preds)
        else:
            flagged_neg += bool(preds)
        for g in gold:
            gold_n[g["type"]] += 1
            all_gold += 1
            same = any(same_type(g["type"], p["type"]) and overlaps(p, g) for p in preds)
            found_n[g["type"]] += same
            anyhit = any(overlaps(p, g) for p in preds)
            all_found += anyhit
            if args.misses and not same:
                print(f"MISS {g['type']:20} {text[g['start']:g['end']]!r:40} in {row['id']}: {text[:90]!r}")
        for p in preds:
            pred_n[p["type"]] += 1
            all_pred += 1
            same = any(same_type(g["type"], p["type"]) and overlaps(p, g) for g in gold)
            correct_n[p["type"]] += same
            all_correct += any(overlaps(p, g) for g in gold)
            if args.misses and not any(overlaps(p, g) for g in gold):
                print(f"FP   {p['type']:20} {text[p['start']:p['end']]!r:40} in {row['id']}: {text[:90]!r}")
    print(f"texts: {texts} ({texts - negatives} with PHI, {negatives} hard negatives)")
    if texts > negatives:
        print(f"texts with PHI that get a PHI finding: {covered}/{texts - negatives} = {covered / (texts - negatives):.3f}")
    if negatives:
        print(f"hard negatives flagged: {flagged_neg}/{negatives} = {flagged_neg / negatives:.3f}")
    print(f"{'type':22}{'gold':>6}{'recall':>8}{'found':>7}{'precision':>10}{'F1':>7}")
    for t in sorted(set(gold_n) | set(pred_n)):
        r = found_n[t] / gold_n[t] if gold_n[t] else float("nan")
        p = correct_n[t] / pred_n[t] if pred_n[t] else float("nan")
        f1 = 2 * r * p / (r + p) if r + p else 0.0
        print(f"{t:22}{gold_n[t]:>6}{r:>8.3f}{pred_n[t]:>7}{p:>10.3f}{f1:>7.3f}")
    r, p = all_found / all_gold, all_correct / all_pred if all_pred else 0.0
    print(f"{'overall':22}{all_gold:>6}{r:>8.3f}{all_pred:>7}{p:>10.3f}{2 * r * p / (r + p):>7.3f}")


if __name__ == "__main__":
    main()
