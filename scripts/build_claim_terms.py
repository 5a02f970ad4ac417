"""Build the claims pack's vocabularies from packaged sources, so the rules know thousands of conditions
and every form of the verbs that claim an effect on them, not the few someone thought to type.

    pip install simple-icd-10-cm lemminflect
    python scripts/build_claim_terms.py

Writes guardrails/terms/conditions.txt (ICD-10-CM titles short enough to be said in an ad, their
bracketed synonyms, and lay names the classification does not use) and guardrails/terms/effect_verbs.txt
(every inflection lemminflect gives of the effect verbs below). Both files are committed: copygen reads
them at run time and needs neither package.
"""

from __future__ import annotations

import re
from pathlib import Path

import simple_icd_10_cm as icd
from lemminflect import getAllInflections

OUT = Path(__file__).resolve().parent.parent / "guardrails" / "terms"

# Titles that name a code but not a condition an advertiser could claim to act on.
SKIP_START = ("other", "unspecified", "encounter", "personal history", "family history", "contact with",
              "exposure", "problems related", "person", "status", "absence", "presence", "acquired absence",
              "observation", "follow-up", "need for", "underdosing", "poisoning", "adverse effect", "toxic effect",
              "injury", "burn", "fracture", "dislocation", "sprain", "open wound", "contusion", "superficial",
              "crushing", "traumatic", "complication", "supervision", "outcome of", "maternal care", "newborn",
              "abnormal findings", "findings", "elevated", "awaiting", "resistance to", "drug or chemical",
              "accident", "assault", "foreign body")
SKIP_WORDS = {"unspecified", "other", "site", "due", "without", "with", "sequela", "subsequent", "initial",
              "encounter", "left", "right", "bilateral", "specified", "classified", "elsewhere", "type", "and",
              "of", "in", "by", "to", "or", "for", "code", "stage", "trimester", "weeks", "gestation"}
# Words too common in ordinary copy to stand for a condition after an effect verb.
TOO_COMMON = {"fever", "anger", "stress", "obesity", "cough", "fatigue", "malaise", "tension", "blindness",
              "deafness", "infection", "tumor", "cancer", "disease", "disorder", "syndrome", "illness", "shock",
              "death", "old age", "senility", "lack", "delay", "hunger", "thirst", "exhaustion", "dehydration", "worries",
              "nervousness", "unhappiness", "irritability", "sadness", "loneliness"}
# Lay names of conditions, symptoms and body functions that ICD-10-CM titles do not use, comma-separated.
LAY = """
addiction, addictions, withdrawal, withdrawals, withdrawal symptoms, cravings, hangover, hangovers, brain fog,
low mood, bedwetting, ear infections, glue ear, colic, reflux, hay fever, hayfever, joint pain, back pain,
knee pain, neck pain, nerve pain, period pain, menstrual pain, menstrual pains, painful periods, morning sickness,
sleep problems, sleeplessness, bad sleep, poor sleep, night sweats, hot flushes, hot flashes, hormonal imbalance,
erectile dysfunction, hair loss, thinning hair, baldness, vision loss, sight loss, failing eyesight, eye disorders,
eye disease, eye damage, hearing loss, memory loss, cancer cells, tumour cells, tumor cells, tumour growth,
tumor growth, cell growth, learning difficulties, learning disabilities, cerebral palsy, motor neurone disease,
motor neuron disease, chronic fatigue, fibromyalgia, long covid, post-viral fatigue, anxiety disorders,
panic attacks, social anxiety, phobias, depression, low energy, burnout, insomnia, restless legs,
high blood pressure, high cholesterol, blood sugar, diabetes, type 2 diabetes, prediabetes, pre-diabetes,
arthritis, osteoarthritis, rheumatoid arthritis, gout, inflammation, chronic inflammation, sensory disorder,
language disorder, speech delay, developmental delay, autism, autism symptoms, adhd, asd, ptsd, trauma, ocd,
eating disorders, anorexia, bulimia, opioid addiction, opiate addiction, opiate dependency, opioid dependency,
alcohol addiction, substance use disorders, drug addiction, nicotine addiction, viruses, viral infections,
bacterial infections, infections, germs, pathogens, superbugs, macular degeneration, glaucoma, cataracts,
dry eye, floaters, tinnitus, vertigo, dizziness, acne, eczema, psoriasis, rosacea, warts, verrucas, cold sores,
shingles, thrush, cystitis, ibs, irritable bowel, bloating, constipation, diarrhoea, diarrhea, heartburn,
indigestion, acid reflux, asthma, allergies, copd, bronchitis, sinusitis, chest infections, persistent cough,
heart disease, heart failure, heart attacks, stroke, strokes, dementia, alzheimer's, alzheimers, parkinson's,
parkinsons, multiple sclerosis, epilepsy, seizures, migraines, migraine, headaches, endometriosis, pcos,
fibroids, infertility, menopause, perimenopause, menopause symptoms, glioma, leukaemia, leukemia, lymphoma,
melanoma, sepsis, meningitis, hepatitis, herpes, hiv, covid, covid-19, coronavirus, flu, influenza,
chronic illness, chronic conditions, chronic pain, aches and pains, muscle pain, muscle aches, tendonitis,
sciatica, symptoms, anxieties, pain, after-effects of alcohol, effects of alcohol, plantar fasciitis, frozen shoulder, whiplash, tennis elbow, carpal tunnel, scoliosis
"""
# Verbs that claim an effect on a condition; every inflection is written out.
EFFECT_VERBS = """
treat cure heal relieve reduce lower ease soothe alleviate calm settle fix resolve remedy combat fight beat
defeat overcome conquer kill destroy eliminate eradicate banish clear remove stop halt block inhibit suppress
slow delay prevent protect reverse restore repair regenerate rebuild regrow shrink starve dissolve flush
neutralise neutralize detoxify cleanse minimise minimize decrease diminish improve correct normalise normalize
regulate rebalance balance boost strengthen counter counteract tackle target manage control address alter
inactivate deactivate devitalise devitalize
""".split()
# Not "treatment" or "removal": they name most services a practice offers ("orthodontic treatment",
# "laser hair removal"); "cure" has a rule of its own.
NOUNS = ["relief", "reduction", "prevention", "protection",
         "remedy", "remedies", "elimination", "reversal", "recovery from", "defence against",
         "defense against", "deals with", "deal with", "dealing with", "solution for", "solution to", "answer to", "fix for", "eradication",
         # phrases that put a condition after an efficacy claim
         "effective for", "effective against", "effective in", "successful in", "works for", "works against",
         "in patients with", "treated people with", "helped people with", "helped children with"]


def condition_titles() -> set[str]:
    """ICD-10-CM titles of one to three words, and their bracketed synonyms ("chickenpox")."""
    out: set[str] = set()
    for code in icd.get_all_codes(False):
        if code[0] in "VWXYZ":  # external causes and factors influencing contact with services
            continue
        title = icd.get_description(code)
        extras = re.findall(r"\[([^\]]+)\]", title)
        base = re.sub(r"\s*[\[(][^\])]*[\])]", "", title).strip().lower()
        for name in [base, *(e.lower() for e in extras)]:
            name = re.sub(r"[^a-z' -]", "", name).strip(" -")
            words = name.split()
            if not 1 <= len(words) <= 3 or name.startswith(SKIP_START) or SKIP_WORDS.intersection(words):
                continue
            if len(name) >= 5 and name not in TOO_COMMON:
                out.add(name)
    return out


def lay_conditions() -> set[str]:
    return {p.strip() for p in LAY.replace("\n", " ").split(",") if p.strip()}


# Base forms that are as often adjectives or nouns ("lower back pain", "a clear plan", "pain control"):
# their other inflections stay.
AMBIGUOUS_BASE = {"lower", "clear", "balance", "control", "target", "address", "counter", "block", "fix",
                  "calm", "correct", "delay", "cleanse", "boost", "manage", "alter", "slow", "settle", "tackle"}


def effect_verbs() -> set[str]:
    forms: set[str] = set()
    for lemma in EFFECT_VERBS:
        forms.add(lemma)
        for group in getAllInflections(lemma, upos="VERB").values():
            forms.update(group)
    return (forms - AMBIGUOUS_BASE) | set(NOUNS)


def write(name: str, words: set[str], source: str) -> None:
    path = OUT / name
    path.write_text(f"# {source}\n# Built by scripts/build_claim_terms.py; do not edit by hand.\n"
                    + "".join(w + "\n" for w in sorted(words)), encoding="utf-8")
    print(f"{path}: {len(words)} entries")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write("conditions.txt", condition_titles() | lay_conditions(),
          f"ICD-10-CM {getattr(icd, '__version__', '')} titles (simple-icd-10-cm) and lay names")
    write("effect_verbs.txt", effect_verbs(), "Effect verbs with every inflection (lemminflect)")


if __name__ == "__main__":
    main()
