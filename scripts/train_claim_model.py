"""Train the linear claim model and write the weights file the claims pack ships.

    pip install -e ".[train]" && python scripts/train_claim_model.py [--cv]

Training data, all in the repository: the dev split of the real-ad corpus (data/claims/real/dev.jsonl,
every batch), the three hand-written held-out sets, the claims pack's own rule examples, and the practice
messages of the PHI set as copy that makes no claim. The test split of the real corpus and
../shared/data/claims_dev.jsonl are never read here, so they measure the model.

A text labelled as a violation is a positive; compliant copy is a negative. scikit-learn's L-BFGS solver
is deterministic, so the same data gives the same weights. `--cv` prints grouped cross-validation (by
source) over the training data for a few regularisation strengths and thresholds before training.
Writes guardrails/models/claim_model.json.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import yaml
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from copygen.guardrails.claim_model import features
from copygen.guardrails.packs import read_pack_file
from copygen.guardrails.sentences import spans

ROOT = Path(__file__).resolve().parents[1]
C = 2.0  # inverse L2 strength, chosen by --cv
MIN_COUNT = 3  # a word feature must occur in at least this many training texts


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def training_rows() -> list[tuple[str, int, str]]:
    """(text, label, group) triples; the group keeps one source's lines in one fold. The model scores
    sentences, so compliant copy also gives each of its sentences as a negative."""
    rows: list[tuple[str, int, str]] = []

    def add(text: str, label: int, group: str) -> None:
        rows.append((text, label, group))
        if not label:
            parts = [text[s:e] for s, e in spans(text) if e - s >= 12]
            rows.extend((p, 0, group) for p in parts if len(parts) > 1)

    for r in jsonl(ROOT / "data" / "claims" / "real" / "dev.jsonl"):
        add(r["text"], int(r["label"] == "violation"), r["source_url"].split("#")[0])
    for name in ("heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl"):
        for i, r in enumerate(jsonl(ROOT / "data" / "claims" / name)):
            add(r["text"], int(r["label"] == "violation"), f"{name}:{i // 10}")
    raw = yaml.safe_load((ROOT / "guardrails" / "claims.yaml").read_text(encoding="utf-8"))
    for rule in raw["rules"]:
        for label, key in ((1, "positive"), (0, "negative")):
            for ex in rule["examples"][key]:
                add(ex if isinstance(ex, str) else ex["text"], label, f"example:{rule['id']}")
    for i, r in enumerate(jsonl(ROOT / "data" / "phi" / "phi_set.jsonl")):
        if i % 2 == 0:  # half of them is plenty of ordinary practice messages, without their opt-out line
            add(re.sub(r"\s*Reply STOP to opt out\.?", "", r["text"]), 0, f"phi:{i // 20}")
    return rows


def vocab() -> tuple[frozenset[str], frozenset[str]]:
    pack = read_pack_file(ROOT / "guardrails" / "claims.yaml")
    return pack.phrases["vocab_conditions"], pack.phrases["effects"]


def featurise(texts: list[str], conditions: frozenset[str], effects: frozenset[str]) -> list[dict[str, float]]:
    return [{f: 1.0 for f in features(t, conditions, effects)} for t in texts]


def prune(feats: list[dict[str, float]]) -> list[dict[str, float]]:
    counts: dict[str, int] = {}
    for d in feats:
        for f in d:
            counts[f] = counts.get(f, 0) + 1
    keep = {f for f, n in counts.items() if not f.startswith("w:") or n >= MIN_COUNT}
    return [{f: v for f, v in d.items() if f in keep} for d in feats]


def fit(feats: list[dict[str, float]], labels: list[int], c: float) -> tuple[DictVectorizer, LogisticRegression]:
    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    model = LogisticRegression(C=c, solver="lbfgs", class_weight="balanced", max_iter=2000)
    model.fit(x, labels)
    return vec, model


def cross_validate(rows: list[tuple[str, int, str]], conditions: frozenset[str], effects: frozenset[str]) -> None:
    texts, labels, groups = zip(*rows)
    feats = prune(featurise(list(texts), conditions, effects))
    for c in (0.1, 0.3, 0.5, 1.0, 2.0):
        probs = [0.0] * len(rows)
        for tr, te in GroupKFold(n_splits=5).split(feats, labels, groups):
            vec, model = fit([feats[i] for i in tr], [labels[i] for i in tr], c)
            for i, p in zip(te, model.predict_proba(vec.transform([feats[i] for i in te]))[:, 1]):
                probs[i] = p
        for t in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85):
            tp = sum(1 for p, y in zip(probs, labels) if y and p >= t)
            fp = sum(1 for p, y in zip(probs, labels) if not y and p >= t)
            pos = sum(labels)
            print(f"C={c:<4} threshold={t:.2f}  recall {tp / pos:.3f}  false-flag rate {fp / (len(labels) - pos):.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", action="store_true", help="print grouped cross-validation first")
    args = ap.parse_args()
    conditions, effects = vocab()
    rows = training_rows()
    if args.cv:
        cross_validate(rows, conditions, effects)
    texts, labels, _ = zip(*rows)
    feats = prune(featurise(list(texts), conditions, effects))
    vec, model = fit(feats, list(labels), C)
    weights = {f: round(float(w), 4) for f, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) >= 1e-3}
    out = ROOT / "guardrails" / "models" / "claim_model.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({
        "about": "Linear claim model for claims.claim_model; written by scripts/train_claim_model.py.",
        "trained_on": {"texts": len(rows), "claims": sum(labels)},
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
    }, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"trained on {len(rows)} texts ({sum(labels)} claims), {len(weights)} weights -> {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
