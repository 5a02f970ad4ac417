"""The words that say what a text is about: its content words (a word's first five letters stand for it), with
the words of one subject read as that subject ("jab", "vaccine" and "booster" are one), and the words any
practice's copy uses whatever it is about. Read by the off-topic, subject-line and example-echo checks and by
the writer's brief-coverage score."""

from __future__ import annotations

import re

_STOP = frozenset(
    "a an and are as at be by for from get has have how in is it its new now of on or our the this to "
    "up we what when why with you your yours".split()
)


# Words that name the same subject, read as one (a word's first five letters stand for the word).
_SAME_SUBJECT = [frozenset(group.split()) for group in (
    "jab jabs vaccine vaccines vaccination vaccinations vaccinated immunisation immunization booster boosters shot shots",
    "teeth tooth dental dentist dentistry dentists smile smiles hygienist orthodontic orthodontics braces aligners",
    "physio physios physiotherapy physiotherapist physiotherapists therapy therapist rehab rehabilitation",
    "eye eyes sight vision optician opticians optometrist glasses lenses",
    "skin dermatology dermatologist eczema acne",
    "travel trip abroad holiday holidays",
    "baby babies infant infants newborn toddler toddlers",
    "child children kids kid school pupils",
    "back spine spinal posture",
    "hearing ears ear audiology audiologist",
    "pharmacy pharmacist pharmacists chemist prescription prescriptions medicine medicines",
    "weight obesity bmi",
    "smoking smoke vaping vape cigarettes",
)]
_SUBJECT_OF = {w[:5]: f"={i}" for i, group in enumerate(_SAME_SUBJECT) for w in group}
# The subjects that name whom copy is for (babies, children) rather than what it is about.
AUDIENCE_SUBJECTS = frozenset({_SUBJECT_OF["baby"], _SUBJECT_OF["child"]})


def content_words(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOP}


def subjects(text: str) -> set[str]:
    """A text's content words, with the words of one subject read as that subject."""
    return {_SUBJECT_OF.get(w, w) for w in content_words(text)}


# Words any practice's copy uses, whatever it is about: sharing one of these is not being on topic.
GENERIC_WORDS = frozenset(w[:5] for w in (
    "clinic clinics practice health healthcare patients patient team book booking appointment appointments today "
    "help care call visit service services open available local welcome ask need find more information").split())


def subject_words(text: str) -> set[str]:
    """A text's words of three letters or more, with every word of each subject it names ("dental" brings
    "teeth", "kids" brings "children"): the words a hashtag about the same thing may hold."""
    words = set(re.findall(r"[a-z]{3,}", text.lower()))
    named = {_SUBJECT_OF[w[:5]] for w in words if w[:5] in _SUBJECT_OF}
    return words | {w for i, group in enumerate(_SAME_SUBJECT) if f"={i}" in named for w in group}


def subject_spans(text: str) -> list[tuple[int, int, str]]:
    """Each content word of `text` with the subject it names (its first five letters when it names none)."""
    return [(m.start(), m.end(), _SUBJECT_OF.get(m.group(0)[:5], m.group(0)[:5]))
            for m in re.finditer(r"[a-z]{3,}", text.lower()) if m.group(0) not in _STOP]
