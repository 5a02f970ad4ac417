"""The language of copy, sentence by sentence: a draft must be in its brief's language.

py3langid's naive Bayes model (shipped in its wheel) reads each sentence of four or more lower-case words,
limited to the languages UK and US practices' patients read most, so the odds it gives are sharp. Capitalised
words after a sentence's first are left out first: names from every community must not make English copy
read as Turkish or Irish.
"""

from __future__ import annotations

import re
import threading
from functools import cache

from .phi_lexicon import common_words
from .sentences import spans

LANGUAGES = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "pl": "Polish", "ro": "Romanian", "tr": "Turkish", "ar": "Arabic", "zh": "Chinese",
    "hi": "Hindi", "ur": "Urdu", "bn": "Bengali", "pa": "Punjabi", "ru": "Russian", "uk": "Ukrainian",
    "so": "Somali", "sw": "Swahili", "yo": "Yoruba", "ig": "Igbo", "ha": "Hausa", "cy": "Welsh", "ga": "Irish",
    "tl": "Tagalog", "vi": "Vietnamese", "ja": "Japanese", "ko": "Korean", "el": "Greek", "cs": "Czech",
    "hu": "Hungarian", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish", "lt": "Lithuanian",
    "lv": "Latvian", "sk": "Slovak", "bg": "Bulgarian", "hr": "Croatian", "sr": "Serbian", "fa": "Persian",
    "he": "Hebrew", "ta": "Tamil", "gu": "Gujarati", "ml": "Malayalam",
}
CONFIDENT = 0.9
ENGLISH_SHARE = 0.8  # of a sentence's words on the common-English list: English, whatever the model would say
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


_LOADING = threading.Lock()


@cache
def _identifier():  # noqa: ANN202
    with _LOADING:  # a batch's threads ask at once: load the 70 MB model once, not once a thread
        return _load()


@cache
def _load():  # noqa: ANN202
    from pathlib import Path

    import py3langid
    from py3langid.langid import LanguageIdentifier

    ident = LanguageIdentifier.from_modelpath(Path(py3langid.__file__).parent / "data" / "model.npz.xz",
                                              norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def _words(sentence: str) -> list[str]:
    words = _WORD.findall(sentence)
    return [w for i, w in enumerate(words) if i == 0 or not w[:1].isupper()]


def language_of(text: str) -> tuple[str, float] | None:
    """The language `text` is in and the model's probability; None when it has fewer than four words. A
    sentence whose words are nearly all common English words is English without asking the model (most copy:
    the model, 70 MB once loaded, is read only for sentences that might be another language)."""
    words = _words(text)
    if len(words) < 4:
        return None
    common = common_words()
    lower = [w for w in words if w.islower()]  # a capitalised first word may be a name or a sender
    if len(lower) >= 3 and sum(w in common or w[:-1] in common for w in lower) >= ENGLISH_SHARE * len(lower):
        return "en", 1.0
    lang, p = _identifier().classify(" ".join(words))
    return lang, float(p)


def expected_language(brief: str) -> str:
    """The brief's language: English unless the brief itself reads confidently as another."""
    found = language_of(brief)
    return found[0] if found is not None and found[1] >= CONFIDENT else "en"


def foreign_sentences(text: str, expected: str) -> list[tuple[int, int, str]]:
    """(start, end, language) of each sentence the model reads confidently as another language than `expected`."""
    out = []
    for s, e in spans(text):
        found = language_of(text[s:e])
        if found is not None and found[0] != expected and found[1] >= CONFIDENT:
            out.append((s, e, found[0]))
    return out
