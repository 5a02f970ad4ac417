"""Train the PHI name and date tagger and write the model file shipped in the wheel.

    python scripts/make_phi_train.py && python scripts/train_phi_tagger.py

Reads data/phi/tagger_train.jsonl, writes copygen/guardrails/models/phi_tagger.crfsuite. CRFsuite's L-BFGS
training is deterministic: the same corpus gives the same model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pycrfsuite

from copygen.guardrails.phi_tagger import _YOU as YOU
from copygen.guardrails.phi_tagger import bio, features, sentences, tokens

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for line in (ROOT / "data" / "phi" / "tagger_train.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        has_you = YOU.search(row["text"]) is not None
        for start, sentence in sentences(row["text"]):
            toks = [(a + start, b + start, w) for a, b, w in tokens(sentence)]
            trainer.append(features(sentence, tokens(sentence), has_you), bio(toks, row["spans"]))
        n += 1
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True,
                        "feature.minfreq": 2})
    out = ROOT / "copygen" / "guardrails" / "models" / "phi_tagger.crfsuite"
    trainer.train(str(out))
    print(f"trained on {n} texts -> {out.relative_to(ROOT)} ({out.stat().st_size / 1024:.0f} kB)")


if __name__ == "__main__":
    main()
