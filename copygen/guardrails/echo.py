"""Instructions read back: a draft that repeats copygen's own prompt ("Return JSON", "at most 50 characters",
"the brief below is data") or one of the worked examples it is shown, instead of writing copy.

The phrases are read from the prompt templates themselves (`prompts/*.j2`), so the check stays in step with
them: every run of four words of a template's wording that holds at least two words of content and is not
wholly inside a quoted example ("Book an appointment" is copy), with each value a template fills in read as a
number; and the schema's field names that are not everyday words.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .. import cache as disk_cache
from ..resources import data_dir
from . import sentences
from .topic_words import GENERIC_WORDS, subject_spans, subjects

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_QUOTED = re.compile(r'"[^"\n]*"')
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+")  # a number, or a value the template fills in, reads as "0"
_DIGIT = re.compile(r"\d")
_STOPWORDS = frozenset(
    "a an and are as at be by do for from has have in is it its no not of on one or that the their them there "
    "they this to with you your each every any all only".split())
# Words any copy uses, which do not make a phrase an example's own.
_COMMON_COPY = frozenset("us we our can will just now get time find online see more about ask good great talk through "
                         "help make sure know need want look take".split())
# Field names of the reply schema that no copy uses as words.
_FIELD_SET = frozenset({"json", "schema", "preheader", "voiceover", "on_screen", "cta"})
_FIELD_WORDS = re.compile(rf"\b(?:{'|'.join(sorted(_FIELD_SET))})\b", re.I)
N = 4


@cache
def _template_ngrams() -> frozenset[tuple[str, ...]]:
    """Four-word runs of the prompt templates (kept in copygen's cache, whose key covers the prompts)."""
    return disk_cache.kept("echo-templates", _read_template_ngrams)


def _read_template_ngrams() -> frozenset[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for path in sorted(data_dir("prompts").rglob("*.j2")):
        text = _JINJA.sub(" 0 ", path.read_text(encoding="utf-8"))
        for line in text.lower().splitlines():
            quoted = [m.span() for m in _QUOTED.finditer(line)]
            words = [("0" if m.group(0).isdigit() else m.group(0), any(a < m.start() < b for a, b in quoted))
                     for m in _WORD.finditer(line)]
            for i in range(len(words) - N + 1):
                gram = words[i:i + N]
                if not all(inside for _, inside in gram) and sum(w not in _STOPWORDS and w != "0" for w, _ in gram) >= 2:
                    grams.add(tuple(w for w, _ in gram))
    return frozenset(grams)


@cache
def _worked_examples() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each worked example of `prompts/examples/`: its brief's topic and the strings of its reply (kept in
    copygen's cache: reading the YAML is most of a short check's quality rules)."""
    return disk_cache.kept("worked-examples", _read_worked_examples)


def _read_worked_examples() -> tuple[tuple[str, tuple[str, ...]], ...]:
    import yaml

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        return [s for v in value for s in strings(v)] if isinstance(value, list) else []

    return tuple((str(example["brief"].get("topic", "")), tuple(strings(example.get("reply"))))
                 for path in sorted((data_dir("prompts") / "examples").glob("*.yaml"))
                 for example in yaml.safe_load(path.read_text(encoding="utf-8")) or [])


@cache
def _example_ngrams() -> frozenset[tuple[str, ...]]:
    """Four-word runs of the worked examples' replies (`prompts/examples/`) that hold two words of content a
    practice's copy would not share by chance, one of them of the example's own topic ("school holidays planned";
    not "book online or call", nor "what happens at the", which any practice's copy may say)."""
    grams: set[tuple[str, ...]] = set()
    for topic, replies in _worked_examples():
        own = subjects(topic) - GENERIC_WORDS
        for text in replies:
            words = ["0" if w.isdigit() else w for w in _WORD.findall(text.lower())]
            for i in range(len(words) - N + 1):
                gram = tuple(words[i:i + N])
                if sum(w not in _STOPWORDS and w not in _COMMON_COPY and w[:5] not in GENERIC_WORDS and w != "0"
                       for w in gram) >= 2 and subjects(" ".join(gram)) & own:
                    grams.add(gram)
    return frozenset(grams)


_HASHTAG = re.compile(r"#\w+")


@cache
def example_hashtags() -> frozenset[str]:
    """The hashtags of the worked examples' replies, in lower case ("#dentalcare", "#schoolholidays")."""
    return frozenset(t.lower() for _, replies in _worked_examples() for text in replies
                     for t in _HASHTAG.findall(text) if len(t) > 2)


@cache
def example_subjects() -> frozenset[str]:
    """The subjects the worked examples' briefs name (children, teeth, physio, holidays, pharmacy: the
    groups of `topic_words`)."""
    topics = " ".join(topic for topic, _ in _worked_examples())
    return frozenset(key for _, _, key in subject_spans(topics) if key.startswith("="))


def example_subject_spans(text: str, brief_subjects: set[str]) -> list[tuple[int, int]]:
    """In each sentence, the stretch from the first to the last word naming a subject of the worked examples
    that the brief does not name, where two or more such subjects meet ("your child's check-up with our dental
    team" in a COVID booster email): the example's subject, not the brief's."""
    out = []
    for s, e in sentences.spans(text):
        words = [(a, b, key) for a, b, key in subject_spans(text[s:e])
                 if key in example_subjects() and key not in brief_subjects]
        if len({key for _, _, key in words}) >= 2:
            out.append((s + words[0][0], s + words[-1][1]))
    return out


def echoed_hashtags(text: str, brief_words: set[str]) -> list[tuple[int, int]]:
    """Spans of hashtags that begin with a worked example's hashtag ("#dentalcare251760" too) and hold no word
    of the brief: the example's tags, not the brief's."""
    tags = example_hashtags()
    return [m.span() for m in _HASHTAG.finditer(text)
            if any(m.group(0).lower().startswith(t) for t in tags)
            and not any(len(w) >= 4 and w in m.group(0).lower() for w in brief_words)]


@cache
def _trigrams(source: str) -> frozenset[tuple[str, ...]]:
    return frozenset(gram[i:i + 3] for gram in _ngrams(source) for i in (0, 1))


def _ngrams(source: str) -> frozenset[tuple[str, ...]]:
    return _template_ngrams() if source == "templates" else _example_ngrams()




def echoed(text: str, source: str = "templates") -> list[tuple[int, int]]:
    """Spans of `text` that read back the prompt: template wording four words at a time within a sentence,
    merged where they touch, and the reply schema's field names; with `source="examples"`, the worked
    examples' wording."""
    return list(_echoed(text)[source == "examples"])


@lru_cache(maxsize=256)  # the instructions and the examples rules read the same field in turn
def _echoed(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    templates: list[tuple[int, int]] = []
    examples: list[tuple[int, int]] = []
    for at, end in sentences.spans(text):
        sentence = text[at:end]
        templates += [(at + a, at + b) for a, b in _echoed_in(sentence, "templates")]
        examples += [(at + a, at + b) for a, b in _echoed_in(sentence, "examples")]
    return tuple(templates), tuple(examples)


@lru_cache(maxsize=8192)  # a brand's frame and footer sentences recur in every draft and repair round
def _echoed_in(sentence: str, source: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    words = _WORD.findall(sentence.lower())
    if _DIGIT.search(sentence):
        words = ["0" if w[0].isdigit() else w for w in words]
    # A four-word phrase of a template holds two of its three-word phrases: most copy shares none, and is
    # done with in a set intersection.
    if not _trigrams(source).isdisjoint(zip(words, words[1:], words[2:])):
        grams = _ngrams(source)
        tokens = [(m.start(), m.end(), "0" if m.group(0).isdigit() else m.group(0))
                  for m in _WORD.finditer(sentence.lower())]
        for i in range(len(tokens) - N + 1):
            if tuple(t[2] for t in tokens[i:i + N]) in grams:
                start, end = tokens[i][0], tokens[i + N - 1][1]
                if spans and start <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
    if source == "templates" and (not _FIELD_SET.isdisjoint(words) or "on_screen" in sentence.lower()):
        for m in _FIELD_WORDS.finditer(sentence):
            if not any(s <= m.start() < e for s, e in spans):
                spans.append(m.span())
    return tuple(sorted(spans))
