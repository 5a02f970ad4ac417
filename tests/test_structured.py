"""Model replies read as JSON: prose and fences around the object, and a reply the token limit cut off."""

from __future__ import annotations

import pytest

from copygen.structured import close_truncated, parse_json_object


def test_the_object_is_found_inside_fences_and_prose() -> None:
    reply = 'Here is the draft:\n```json\n{"text": "Flu clinic on Saturday."}\n```\nHope it helps.'
    assert parse_json_object(reply) == {"text": "Flu clinic on Saturday."}


def test_a_reply_that_is_no_object_is_an_error() -> None:
    with pytest.raises(ValueError):
        parse_json_object('["not", "an", "object"]')


def test_a_cut_reply_is_closed_at_its_last_whole_sentence() -> None:
    cut = '{"subject": "Flu clinic", "body": "Walk in on Sat. 3 May. Ask Dr. Shah about the nasal spray for'
    assert parse_json_object(close_truncated(cut)) == {"subject": "Flu clinic", "body": "Walk in on Sat. 3 May."}


def test_a_cut_reply_without_a_whole_sentence_keeps_its_whole_words() -> None:
    closed = close_truncated('{"hook": "Flu season is here and our clinic is rea')
    assert parse_json_object(closed) == {"hook": "Flu season is here and our clinic is"}


def test_a_key_whose_value_never_came_is_null_and_a_whole_reply_is_not_cut() -> None:
    assert parse_json_object(close_truncated('{"text": "Book today.", "cta":')) == {"text": "Book today.", "cta": None}
    assert close_truncated('{"text": "Book today."}') is None
