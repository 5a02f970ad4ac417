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
from functools import cache, lru_cache
from pathlib import Path

from .lazy_regex import lazy

_TOKEN = lazy(r"[\w£$€#&][\w'’%&-]*")

# Word classes. A token belongs to a class when it matches the class's word pattern whole; the phrase
# patterns catch what takes several words or a symbol. The class name is the feature; the token or phrase
# is the evidence a finding quotes.
_WORD_CLASSES: dict[str, str] = {
    "hedge": r"can|could|may|might|helps?|helping",
    "comparison": r"than|faster|quicker|better|easier|stronger|superior|unlike|compared|less|fewer|\d+x",
    "superlative": r"best|most|leading|#1|only|unique|revolutionary|breakthrough|ultimate|world-class|"
                   r"unrivalled|unbeatable|finest|top",
    "percent": r"\d[\d.,]*%|percent",
    "absolute": r"100%|guarantee\w*|never|always|everyone|everybody|permanent\w*|forever|complete(?:ly)?|"
                r"totally|instantly|risk-free|non-toxic|safe|safely|painless|pain-free|harmless",
    "proof": r"proven|clinically|clinical|stud(?:y|ies)|research|scientific\w*|science|trials?|tested|evidence|"
             r"survey\w*|experts?|recommend\w*|approved|certified|doctors?",
    "first_person": r"i|my|me|i've|i'm|myself|mine",
    "practice": r"we|our|us|we're|we've",
    "you": r"you|your|you're|yourself",
    "public_health": r"nhs|gp|gps|pharmac\w*|999|111|vaccin\w*|jabs?|immunis\w*|immuniz\w*|screening|"
                     r"check-?ups?|nurses?|midwi\w*|emergency|a&e|appointments?|eligible|invit\w*|signs?|"
                     r"symptoms?|call|dial",
    "advice": r"ask|visit|speak|talk|contact|learn|remember|encourage|book",
    "body": r"skin|scalp|brain|immune|immunity|energy|joints?|bones?|spine|spinal|posture|tissues?|teeth|tooth|gums?|hairs?|weight|fat|waist\w*|abs|"
            r"belly|tummy|cells?|metabolism|hormon\w*|gut|liver|heart|blood|nerves?|nervous|muscles?|body|mind|"
            r"sleep|mood|focus|memory|libido|collagen|wrinkles?|ageing|aging|youthful|breasts?|nose|face|smile|"
            r"eyes?|sight|vision|stomach|digest\w*|circulation|toxins?|lungs?",
    "boost": r"boost\w*|improv\w*|increas\w*|enhanc\w*|strengthen\w*|promot(?:e|es|ed|ing)|revitalis\w*|revitaliz\w*|"
             r"rejuvenat\w*|detox\w*|cleans\w*|burn\w*|melt\w*|firms?|tones?|toning|transform\w*|reset\w*|"
             r"recharg\w*|restor\w*|renew\w*|reviv\w*|balanc\w*|calm\w*|unlock\w*|supercharg\w*|shap\w*|"
             r"slim\w*|sculpt\w*|brighter|clearer|younger|glow\w*",
    "outcome": r"results?|relief|reliev\w*|recover\w*|cur(?:e|es|ed|ing)|heal(?:s|ed|ing|er)?|effective\w*|works|worked|"
               r"success\w*|transformation|difference|solution|miracle\w*|life-changing|disappear\w*|gone|"
               r"stopped",
    "price": r"[£$€]\d[\d.,]*|free|offer|discount|deal|price|cost|pay|save|saving",
    "urgency": r"hurry|limited|ends?|ending|asap|spaces?|slots?",
    "trivial": r"easy|easily|simple|quick|quickly|fun|fab|lunchtime|holiday|pucker|party",
    "natural": r"natural\w*|herbal|organic|drug-free|chemical-free|holistic|plant-based",
    "cosmetic": r"surgery|cosmetic|boob|botox|fillers?|lipo\w*|rhinoplasty|facelift|implants?|veneers|"
                r"whitening|aligners?|braces|injections?|injectables?|drips?|iv",
    "medicine": r"medicat\w*|medicines?|drugs?|prescription|jabs?|pills?|tablets?|injections?|dose\w*|"
                r"dosage|semaglutide|ozempic|wegovy|mounjaro|tirzepatide|saxenda",
    "weight": r"weight|lbs?|pounds|kg|kilos?|stone|slim\w*|fat",
    "fear": r"worse|dangerous|deadly|killer|risk|suffer\w*|struggl\w*|embarrass\w*|ashamed",
    "duration": r"overnight|instant\w*|immediate\w*|same-day",
}
# Phrases of two to five words, compared token by token.
_PHRASE_CLASSES: dict[str, tuple[str, ...]] = {
    "hedge": ("designed to", "aims to", "aim to"),
    "percent": ("per cent",),
    "comparison": ("more effective",),
    "superlative": ("number one", "no 1", "no. 1"),
    "absolute": ("risk free", "side effects", "side effect", "no risk", "no risks", "pain free"),
    "public_health": ("health check", "health checks"),
    "advice": ("find out", "see your", "make sure"),
    "outcome": ("changed my life", "life changing", "back to"),
    "urgency": ("last chance", "don't miss", "dont miss", "before it's too late", "while stocks last",
                "waiting list", "today only"),
    "trivial": ("just go for it", "no brainer", "treat yourself"),
    "natural": ("drug free", "chemical free", "plant based"),
    "cosmetic": ("tummy tuck", "tummy tucks"),
    "weight": ("dress size", "dress sizes", "sizes down", "size down"),
    "fear": ("don't let", "dont let", "before it's too late", "save it", "lose it"),
    "duration": ("same day", "in no time"),
}
_PHRASES: dict[tuple[str, ...], str] = {tuple(p.split()): name for name, ps in _PHRASE_CLASSES.items() for p in ps}
_PHRASE_FIRSTS = frozenset(k[0] for k in _PHRASES)
_PHRASE_LENGTHS = sorted({len(k) for k in _PHRASES}, reverse=True)
_COUNTS = frozenset("a an one two three four five six seven eight nine ten few couple".split())
_UNITS = frozenset("second seconds minute minutes min mins hour hours day days week weeks month months".split())
_WORD_RX = {name: lazy(p) for name, p in _WORD_CLASSES.items()}


def _number(w: str) -> bool:
    return w[:1].isdigit()


def _phrases(words: list[str], out: dict[str, str], figures: bool) -> None:
    """Classes that take several words: the phrase table, and (when the sentence holds a number or a
    count word) figures such as '9 out of 10', '4 weeks', 'only 3', '17 left'."""
    if not figures and _PHRASE_FIRSTS.isdisjoint(words):
        return
    n = len(words)
    for i, w in enumerate(words):
        if w in _PHRASE_FIRSTS:
            for k in _PHRASE_LENGTHS:
                name = _PHRASES.get(tuple(words[i:i + k])) if i + k <= n else None
                if name:
                    out.setdefault(name, " ".join(words[i:i + k]))
                    break
        if not figures:
            continue
        nxt = words[i + 1] if i + 1 < n else ""
        if _number(w) or w in _COUNTS:
            if nxt in _UNITS:
                out.setdefault("duration", f"{w} {nxt}")
            if _number(w) and i + 3 < n and words[i + 1:i + 3] == ["out", "of"] and (_number(words[i + 3]) or words[i + 3] == "ten"):
                out.setdefault("ratio", " ".join(words[i:i + 4]))
            elif _number(w) and nxt == "in" and i + 2 < n and (_number(words[i + 2]) or words[i + 2] == "ten"):
                out.setdefault("ratio", " ".join(words[i:i + 3]))
            if _number(w) and nxt == "left":
                out.setdefault("urgency", f"{w} left")
        elif w == "only" and _number(nxt):
            out.setdefault("urgency", f"only {nxt}")


@lru_cache(maxsize=1 << 16)
def _token(raw: str) -> tuple[str, tuple[str, ...], str | None]:
    """A token's lower-case form, its classes and its word feature (None for a function word); each
    distinct token is worked out once per process."""
    w = raw.lower().replace("’", "'")
    classes = [name for name, rx in _WORD_RX.items() if rx.fullmatch(w)]
    if any(ch.isdigit() for ch in w):
        classes.append("number")
    if len(raw) >= 3 and raw.isupper() and raw.isalpha():
        classes.append("capitals")
    return w, tuple(classes), (None if w in _FUNCTION_WORDS else "w:" + _stem(w))


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

_PAIRS_BY_FIRST: dict[str, tuple[str, ...]] = {
    a: tuple(b for x, b in _PAIRS if x == a) for a in dict.fromkeys(a for a, _ in _PAIRS)}

_LABELS = {
    "condition": "names a condition", "effect": "an effect verb", "hedge": "a hedge", "number": "a number",
    "percent": "a percentage", "ratio": "an 'x out of y' figure", "duration": "a time to result",
    "comparison": "a comparison", "superlative": "a superlative", "absolute": "an absolute",
    "proof": "proof words", "first_person": "first-person experience", "practice": "the practice speaking",
    "you": "speaks to the reader", "public_health": "public-health advice", "advice": "advice to act",
    "body": "a body function", "boost": "an improvement verb", "outcome": "an outcome", "price": "a price or offer",
    "urgency": "urgency", "trivial": "makes it sound easy", "natural": "'natural' framing",
    "cosmetic": "a cosmetic procedure", "medicine": "a medicine", "weight": "body weight", "fear": "fear",
    "exclaim": "an exclamation", "question": "a question", "capitals": "words in capitals",
}


# What a claim is about: a sentence holding none of these (only a question, "you", "I", an exclamation)
# is not reported, whatever its words weigh.
_SUBSTANCE = frozenset({
    "condition", "effect", "body", "boost", "outcome", "proof", "percent", "ratio", "comparison", "superlative",
    "absolute", "cosmetic", "medicine", "weight", "natural",
})


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


def features(sentence: str, conditions: frozenset[str], effects: frozenset[str],
             complete: bool = True) -> dict[str, str]:
    """The features a sentence holds, each with the words that give it (for the explanation). With
    `complete` false, a sentence with nothing a claim could be about stops early: the model gives it no
    score whatever else it holds."""
    out: dict[str, str] = {}
    words: list[str] = []
    keys = []
    counted = False
    vocab = _vocabulary(conditions, effects)
    firsts = vocab.firsts
    for raw in _TOKEN.findall(sentence):
        t = vocab.tokens.get(raw) or vocab.token(raw)
        w = t[0]
        words.append(w)
        if t[2] is not None:
            keys.append((t[2], w))
        for c in t[1]:
            out.setdefault(c, w)
        if "condition" not in out and len(words) > 1 and words[-2] in firsts:  # a condition of two or three words
            if (phrase := words[-2] + " " + w) in conditions:
                out["condition"] = phrase
            elif len(words) > 2 and words[-3] in firsts and (phrase := words[-3] + " " + phrase) in conditions:
                out["condition"] = phrase
        counted = counted or t[3]
    _phrases(words, out, counted or "number" in out)
    if not complete and _SUBSTANCE.isdisjoint(out):
        return out
    if "!" in sentence:
        out["exclaim"] = "!"
    if "?" in sentence:
        out["question"] = "?"
    for a in [c for c in out if c in _PAIRS_BY_FIRST]:
        for b in _PAIRS_BY_FIRST[a]:
            if b in out:
                out[f"{a}&{b}"] = f"{out[a]} … {out[b]}"
    for key, w in keys:
        out.setdefault(key, w)
    return out


class _Vocabulary:
    """A pack's condition and effect vocabularies, with each distinct token's lookups worked out once."""

    def __init__(self, conditions: frozenset[str], effects: frozenset[str]):
        self.conditions, self.effects = conditions, effects
        self.firsts = frozenset(c.split(" ", 1)[0] for c in conditions if " " in c)
        self.tokens: dict[str, tuple[str, tuple[str, ...], str | None, bool]] = {}

    def token(self, raw: str) -> tuple[str, tuple[str, ...], str | None, bool]:
        """(lower-case form, classes including a one-word condition and an effect verb, word feature,
        whether it is a count word)."""
        w, classes, key = _token(raw)
        extra = (("effect",) if w in self.effects else ()) + (("condition",) if w in self.conditions else ())
        if len(self.tokens) > 1 << 16:
            self.tokens.clear()
        t = self.tokens[raw] = (w, classes + extra, key, w in _COUNTS)
        return t


_VOCABULARIES: dict[tuple[frozenset[str], frozenset[str]], _Vocabulary] = {}


def _vocabulary(conditions: frozenset[str], effects: frozenset[str]) -> _Vocabulary:
    vocab = _VOCABULARIES.get((conditions, effects))
    if vocab is None:
        vocab = _VOCABULARIES[(conditions, effects)] = _Vocabulary(conditions, effects)
    return vocab


class ClaimModel:
    """Weights over `features`, read from the JSON file the training script writes."""

    def __init__(self, weights: dict[str, float], bias: float):
        self.weights, self.bias = weights, bias

    def probability(self, feats: dict[str, str]) -> float:
        """The model's probability that a sentence with these features is a claim needing evidence."""
        if _SUBSTANCE.isdisjoint(feats):
            return 0.0  # nothing a claim could be about (only a question, "you", "I"): never reported
        get = self.weights.get
        z = self.bias + sum(get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-z))

    def reasons(self, feats: dict[str, str], n: int = 3) -> tuple[str, ...]:
        """The features that weighed most towards a claim, each with its words."""
        parts = sorted((-self.weights[f], f) for f in feats if self.weights.get(f, 0.0) > 0)
        return tuple(f"{_describe(f)} '{feats[f]}'" for _, f in parts[:n])


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
