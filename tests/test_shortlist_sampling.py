"""The embedded model's grammar sampling on a shortlist: valid JSON every time, the same reply for the same seed."""

from __future__ import annotations

import importlib.util
import json

import pytest

from copygen.providers.embedded import LOCAL_SAMPLING, embedded_model_path

pytestmark = [
    pytest.mark.local_model,
    pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None or embedded_model_path() is None,
                       reason="the [local] extra is not installed"),
]

SCHEMA = {"type": "object", "properties": {"text": {"type": "string"}, "cta": {"type": "string"}},
          "required": ["text", "cta"]}
MESSAGES = [{"role": "system", "content": "You write short SMS messages for a health clinic. Reply with JSON."},
            {"role": "user", "content": "Write an SMS about flu vaccination clinics every Saturday in November."}]


@pytest.fixture(scope="module")
def llama():
    from copygen.shortlist_sampling import ShortlistLlama

    model = ShortlistLlama(model_path=str(embedded_model_path()), n_ctx=2048, n_threads=2, verbose=False, seed=0)
    yield model
    model.close()


def reply(llama, seed: int, **sampling) -> str:
    # From an empty cache: a prompt reused from the cache gives slightly different logits than one evaluated
    # whole, so a reply depends on what the model evaluated before it, and a command repeats as a whole.
    llama.reset()
    out = llama.create_chat_completion(messages=MESSAGES, response_format={"type": "json_object", "schema": SCHEMA},
                                       max_tokens=160, seed=seed, **(LOCAL_SAMPLING | sampling))
    return out["choices"][0]["message"]["content"]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_replies_follow_the_schema_and_repeat_for_a_seed(llama, seed: int) -> None:
    # strict=False: the schema grammar lets a string hold a raw line break, which the pipeline reads as JSON does
    first = reply(llama, seed)
    assert set(json.loads(first, strict=False)) == {"text", "cta"}
    assert reply(llama, seed) == first


def test_a_shortlist_with_no_valid_token_falls_back_to_the_whole_vocabulary(llama) -> None:
    # One candidate: the model's favourite token is often not what the grammar allows next (a quote, a key).
    assert set(json.loads(reply(llama, 3, top_k=1), strict=False)) == {"text", "cta"}


def test_candidates_sampled_together_follow_the_schema_and_repeat(llama) -> None:
    from copygen.shortlist_sampling import ParallelCandidates

    def run() -> list[str]:
        together = ParallelCandidates(llama, 4)
        try:
            replies = together.complete(MESSAGES, SCHEMA, 160, [101, 1101, 2101, 3101], **SAMPLING)
            assert replies is not None and all(p == replies[0][1] and 0 < c <= 160 for _, p, c in replies)
            return [text for text, _, _ in replies]
        finally:
            together.close()

    first = run()
    assert len(first) == 4 and len(set(first)) > 1  # four seeds, not one reply four times
    assert all(set(json.loads(text, strict=False)) == {"text", "cta"} for text in first)
    assert run() == first


def test_candidates_that_cannot_fit_the_context_are_left_to_one_at_a_time(llama) -> None:
    from copygen.shortlist_sampling import ParallelCandidates

    together = ParallelCandidates(llama, 4, n_ctx=512)
    try:
        assert together.complete(MESSAGES, SCHEMA, 160, [1, 2, 3, 4], **SAMPLING) is None
    finally:
        together.close()


SAMPLING = {"top_k": LOCAL_SAMPLING["top_k"], "top_p": LOCAL_SAMPLING["top_p"],
            "temperature": LOCAL_SAMPLING["temperature"], "repeat_penalty": LOCAL_SAMPLING["repeat_penalty"]}
