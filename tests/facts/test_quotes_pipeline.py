"""Quotes through the real English pipeline, where the parse decides the frames."""

from __future__ import annotations

from briefing.analysis import analyse_text


def test_the_open_paragraphs_of_a_quote_take_the_speaker_of_its_closing_one() -> None:
    text = (
        "Police said the girl was safe.\n"
        '"We have found Nicole on a campsite in Groningen thanks to tipoffs.\n'
        '"We have also arrested her aunt," said a spokesman.'
    )
    facts = analyse_text(text, "en", "2025-12-18").facts
    direct = [(q.text[:13], q.speaker) for q in facts.quotes if not q.reported]
    assert direct == [("We have found", "spokesman"), ("We have also ", "spokesman")]
