"""A linear claim model: does a sentence read as a health claim that needs evidence?

The claims rules need a phrase they know. This model scores a sentence by what it is made of instead:
word classes (a condition from the packaged vocabulary, an effect verb, a body function, a statistic, a
comparison, proof words, first-person experience, a hedge, public-health advice...), a few pairs of them,
and the words themselves. It is a logistic regression trained by `scripts/train_claim_model.py` on the
labelled sets in the repository and shipped as a small JSON file of weights, so a score is a sum of the
weights of the features a sentence holds: the same text always gets the same score, and a finding names the
features and words that weighed most.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_WORD = re.compile(r"[a-z0-9£$#][a-z0-9'’%-]*")

# Word classes, each a compiled search over the lower-cased sentence. The name is the feature; the match
# is the evidence a finding quotes.
_CLASSES: dict[str, re.Pattern[str]] = {name: re.compile(p) for name, p in {
    "hedge": r"\b(?:can|could|may|might|helps?|helping|designed to|aims? to)\b",
    "number": r"\d",
    "percent": r"\d\s?%|\bper ?cent\b",
    "ratio": r"\b\d+ (?:out of|in) (?:\d+|ten)\b",
    "duration": r"\b(?:\d+|a|one|two|three|four|few) (?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?)\b"
                r"|\bovernight\b|\binstant\w*|\bimmediate\w*|\bsame[- ]day\b|\bin no time\b",
    "comparison": r"\b(?:than|faster|quicker|better|easier|stronger|superior|unlike|compared|less|fewer|"
                  r"more effective|up to \d+x|\d+x)\b",
    "superlative": r"\b(?:best|most|leading|number one|no\.? ?1|#1|only|unique|revolutionary|breakthrough|"
                   r"ultimate|world-class|unrivalled|unbeatable|finest|top)\b",
    "absolute": r"\b(?:100 ?%|guarantee\w*|never|always|everyone|everybody|permanent\w*|forever|"
                r"complete(?:ly)?|totally|instantly|risk[- ]free|non[- ]toxic|side[- ]effects?|no risks?|"
                r"safe|safely|painless|pain[- ]free|harmless)\b",
    "proof": r"\b(?:proven|clinically|clinical|stud(?:y|ies)|research|scientific\w*|science|trials?|tested|"
             r"evidence|survey\w*|experts?|recommend\w*|approved|certified|doctors?)\b",
    "first_person": r"\b(?:i|my|me|i've|i'm|i’m|i’ve|myself|mine)\b",
    "practice": r"\b(?:we|our|us|we're|we've)\b",
    "you": r"\b(?:you|your|you're|yourself)\b",
    "public_health": r"\b(?:nhs|gp|gps|pharmac\w*|999|111|vaccin\w*|jabs?|immunis\w*|immuniz\w*|screening|"
                     r"check-?ups?|health checks?|nurses?|midwi\w*|emergency|a&e|appointments?|eligible|"
                     r"invit\w*|signs?|symptoms?|call|dial)\b",
    "advice": r"\b(?:ask|visit|speak|talk|contact|find out|learn|remember|encourage|see your|book|make sure)\b",
    "body": r"\b(?:skin|brain|immune|immunity|energy|joints?|bones?|teeth|tooth|gums?|hair|weight|fat|waist\w*|"
            r"abs|belly|tummy|cells?|metabolism|hormon\w*|gut|liver|heart|blood|nerves?|nervous|muscles?|"
            r"body|mind|sleep|mood|focus|memory|libido|collagen|wrinkles?|ageing|aging|youthful|"
            r"breasts?|nose|face|smile|eyes?|sight|vision|stomach|digest\w*|circulation|toxins?|lungs?)\b",
    "boost": r"\b(?:boost\w*|improv\w*|increas\w*|enhanc\w*|strengthen\w*|promot\w*|revitalis\w*|"
             r"revitaliz\w*|rejuvenat\w*|detox\w*|cleans\w*|burn\w*|melt\w*|firms?|tones?|toning|transform\w*|"
             r"reset\w*|recharg\w*|restor\w*|renew\w*|reviv\w*|balanc\w*|calm\w*|unlock\w*|supercharg\w*|"
             r"shap\w*|slim\w*|sculpt\w*|brighter|clearer|younger|glow\w*)\b",
    "outcome": r"\b(?:results?|relief|reliev\w*|recover\w*|cur(?:e|es|ed|ing)|heal\w*|effective\w*|works|worked|"
               r"success\w*|transformation|difference|solution|miracle\w*|changed my life|life[- ]changing|"
               r"disappear\w*|gone|stopped|back to)\b",
    "price": r"[£$€]\s?\d|\b(?:free|offer|discount|deal|price|cost|pay|save|saving|£|\$)\b",
    "urgency": r"\b(?:hurry|limited|ends?|ending|last chance|only \d+|\d+ left|asap|don'?t miss|"
               r"before it'?s too late|while stocks last|spaces?|slots?|waiting list|today only)\b",
    "trivial": r"\b(?:easy|easily|simple|quick|quickly|fun|fab|just go for it|no brainer|lunchtime|"
               r"holiday|treat yourself|pucker|party)\b",
    "natural": r"\b(?:natural\w*|herbal|organic|drug[- ]free|chemical[- ]free|holistic|plant[- ]based)\b",
    "cosmetic": r"\b(?:surgery|cosmetic|boob|botox|fillers?|lipo\w*|rhinoplasty|tummy tuck|facelift|"
                r"implants?|veneers|whitening|aligners?|braces|injections?|injectables?|drips?|iv)\b",
    "medicine": r"\b(?:medicat\w*|medicines?|drugs?|prescription|jabs?|pills?|tablets?|injections?|dose\w*|"
                r"dosage|semaglutide|ozempic|wegovy|mounjaro|tirzepatide|saxenda)\b",
    "weight": r"\b(?:weight|lbs?|pounds|kg|kilos?|stone|dress sizes?|sizes? down|slim\w*|fat)\b",
    "fear": r"\b(?:don'?t let|before it'?s too late|worse|dangerous|deadly|killer|risk|suffer\w*|"
            r"struggl\w*|embarrass\w*|ashamed|save it|lose it)\b",
    "exclaim": r"!",
    "question": r"\?",
}.items()}

# Pairs of classes that together say more than either alone.
_PAIRS: tuple[tuple[str, str], ...] = (
    ("condition", "effect"), ("condition", "hedge"), ("condition", "first_person"), ("condition", "outcome"),
    ("condition", "public_health"), ("condition", "you"), ("condition", "practice"), ("condition", "natural"),
    ("effect", "body"), ("boost", "body"), ("boost", "you"), ("body", "first_person"), ("outcome", "first_person"),
    ("number", "proof"), ("percent", "outcome"), ("proof", "outcome"), ("comparison", "practice"),
    ("cosmetic", "trivial"), ("cosmetic", "first_person"), ("cosmetic", "price"), ("cosmetic", "urgency"),
    ("medicine", "weight"), ("medicine", "first_person"), ("weight", "duration"), ("duration", "outcome"),
    ("public_health", "hedge"), ("public_health", "advice"), ("fear", "public_health"), ("fear", "cosmetic"),
    ("absolute", "outcome"), ("absolute", "cosmetic"), ("natural", "outcome"), ("urgency", "price"),
)

_LABELS = {
    "condition": "names a condition", "effect": "an effect verb", "hedge": "a hedge", "number": "a number",
    "percent": "a percentage", "ratio": "an 'x out of y' figure", "duration": "a time to result",
    "comparison": "a comparison", "superlative": "a superlative", "absolute": "an absolute",
    "proof": "proof words", "first_person": "first-person experience", "practice": "the practice speaking",
    "you": "speaks to the reader", "public_health": "public-health advice", "advice": "advice to act",
    "body": "a body function", "boost": "an improvement verb", "outcome": "an outcome", "price": "a price or offer",
    "urgency": "urgency", "trivial": "makes it sound easy", "natural": "'natural' framing",
    "cosmetic": "a cosmetic procedure", "medicine": "a medicine", "weight": "body weight", "fear": "fear",
    "exclaim": "an exclamation", "question": "a question",
}


# What a claim is about: a sentence holding none of these (only a question, "you", "I", an exclamation)
# is not reported, whatever its words weigh.
_SUBSTANCE = frozenset({
    "condition", "effect", "body", "boost", "outcome", "proof", "percent", "ratio", "comparison", "superlative",
    "absolute", "cosmetic", "medicine", "weight", "natural",
})


@dataclass(frozen=True)
class Score:
    probability: float
    reasons: tuple[str, ...]  # the features that weighed most for a claim, each with its words


# Function words carry no claim on their own; as features they only learn the style of the training sets.
_FUNCTION_WORDS = frozenset("""
a an the and or but if then so as at by for from in into of off on onto out over to up with without via
is are was were be been being am do does did done have has had having will would shall should can could may
might must it its it's this that these those there here what which who whom whose when where why how all
any each every some no not nor only own same than too very just also more most such both few other their
they them he him his she her hers we our us you your i me my mine one about after again against before
below between during through under until while because once per get got""".split())


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def features(sentence: str, conditions: frozenset[str], effects: frozenset[str]) -> dict[str, str]:
    """The features a sentence holds, each with the words that give it (for the explanation)."""
    low = sentence.lower().replace("’", "'")
    words = _WORD.findall(low)
    out: dict[str, str] = {}
    for n in (3, 2, 1):  # a condition of up to three words from the packaged vocabulary
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            if phrase in conditions:
                out.setdefault("condition", phrase)
    for w in words:
        if w in effects:
            out.setdefault("effect", w)
            break
    for name, rx in _CLASSES.items():
        m = rx.search(low)
        if m:
            out[name] = m.group(0)
    if sum(1 for w in re.findall(r"\b[A-Z]{3,}\b", sentence)) >= 1:
        out["capitals"] = next(iter(re.findall(r"\b[A-Z]{3,}\b", sentence)))
    for a, b in _PAIRS:
        if a in out and b in out:
            out[f"{a}&{b}"] = f"{out[a]} … {out[b]}"
    for w in words:
        if w not in _FUNCTION_WORDS:
            out.setdefault("w:" + _stem(w), w)
    return out


class ClaimModel:
    """Weights over `features`, read from the JSON file the training script writes."""

    def __init__(self, weights: dict[str, float], bias: float):
        self.weights, self.bias = weights, bias

    def score(self, sentence: str, conditions: frozenset[str], effects: frozenset[str]) -> Score:
        feats = features(sentence, conditions, effects)
        parts = [(self.weights[f], f, words) for f, words in feats.items() if f in self.weights]
        z = self.bias + sum(w for w, _, _ in parts)
        p = 1.0 / (1.0 + math.exp(-z))
        top = sorted((x for x in parts if x[0] > 0), key=lambda x: (-x[0], x[1]))
        if _SUBSTANCE.isdisjoint(feats):
            p = min(p, 0.5)  # nothing a claim could be about: not reported
        return Score(p, tuple(f"{_describe(f)} '{words}'" for _, f, words in top[:3]))


def _describe(feature: str) -> str:
    if feature.startswith("w:"):
        return "the word"
    if "&" in feature:
        a, b = feature.split("&")
        return f"{_LABELS.get(a, a)} with {_LABELS.get(b, b)}"
    return _LABELS.get(feature, feature)


@cache
def load(path: str) -> ClaimModel:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return ClaimModel({str(k): float(v) for k, v in raw["weights"].items()}, float(raw["bias"]))
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ValueError(f"cannot read claim model {path}: {e}") from None
