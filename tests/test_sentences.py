"""The one sentence splitter: where copy is read and cut by sentence."""

from __future__ import annotations

import pytest

from copygen.claims import find_claims
from copygen.guardrails.sentences import around, spans
from copygen.platforms.text import sentence_fit, trim_cut


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in spans(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("See Dr. Patel on Thurs. Jan. 8 at 2.30pm. Book now!", ["See Dr. Patel on Thurs. Jan. 8 at 2.30pm.", "Book now!"]),
    ("It works. 9 in 10 patients agree.", ["It works.", "9 in 10 patients agree."]),
    ("Fun in the sun. Book now", ["Fun in the sun.", "Book now"]),
    ("Thanks, Amy. See you soon", ["Thanks, Amy.", "See you soon"]),
    ("Open Mon to Sat. Book now", ["Open Mon to Sat.", "Book now"]),
    ("Hi Jane.\nYour visit is on thurs. jan. 8.  Thanks", ["Hi Jane.", "Your visit is on thurs. jan. 8.", "Thanks"]),
    ("Quote ref. 4471 at the desk. Wait... really?", ["Quote ref. 4471 at the desk.", "Wait...", "really?"]),
    ("Moved to Fri., Mar. 6 at 11. See you then", ["Moved to Fri., Mar. 6 at 11.", "See you then"]),
])
def test_sentences_end_at_stops_but_not_inside_numbers_dates_or_abbreviations(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_the_sentence_around_a_span_runs_from_the_previous_stop_through_its_own() -> None:
    text = "Book today. Mrs. Lee's knee is better. Thanks"
    start = text.index("knee")
    s, e = around(text, start, start + 4)
    assert text[s:e].strip() == "Mrs. Lee's knee is better."


def test_a_cut_keeps_an_abbreviation_inside_the_sentence_it_belongs_to() -> None:
    text = "Our flu clinic runs all day. Ask Dr. Shah about the nasal spray for children at the"
    assert trim_cut(text, len(text)) == "Our flu clinic runs all day."
    assert sentence_fit("Walk in on Sat. 3 May. Free for over-65s and carers, ask at the desk.", 40) == "Walk in on Sat. 3 May."


def test_a_label_opening_a_sentence_is_not_part_of_the_claim() -> None:
    claims = find_claims("Riverside Clinic: Our laser is 100% safe. Book now.")
    assert [c.text for c in claims] == ["Our laser is 100% safe."]


def test_the_frames_own_opt_out_is_taken_out_of_a_model_reply_by_whole_sentences() -> None:
    from copygen.platforms.text import OPT_OUT_WORDS, without_frame

    reply = "RiversideHC: Flu jabs on Sat. 3 May. Reply STOP to opt out. Ask Dr. Lee at the desk."
    assert without_frame(reply, OPT_OUT_WORDS, "RiversideHC") == "Flu jabs on Sat. 3 May. Ask Dr. Lee at the desk."


def test_a_line_cut_at_a_word_does_not_end_on_a_word_that_needs_another() -> None:
    assert sentence_fit("Flu vaccination clinic every Saturday in November", 40) == "Flu vaccination clinic every Saturday"
    assert sentence_fit("Walk in", 40) == "Walk in"
