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


def test_a_wire_dateline_is_never_the_speaker() -> None:
    # The parse had made the dateline's place the subject of the paragraph's first verb.
    text = (
        "WASHINGTON (AP) — Donald Trump said on Tuesday that the deal was a disaster.\n"
        "JACKSON, Miss. - U.S. District Judge Carlton W. Reeves said the law was unconstitutional."
    )
    facts = analyse_text(text, "en", "2016-07-01").facts
    assert [a.source for a in facts.attributions] == ["Donald Trump", "Carlton W. Reeves"]
    assert [q.speaker for q in facts.quotes] == ["Donald Trump", "Carlton W. Reeves"]


def test_a_report_closing_or_opening_its_clause_reports_that_clause() -> None:
    text = (
        "In Seattle, marchers honored the victims with white roses, KING-TV reported.\n"
        "As The Hill reported, the campaign was accused of breaking the debate rules."
    )
    facts = analyse_text(text, "en", "2016-07-01").facts
    reported = {q.speaker: q.text for q in facts.quotes}
    assert reported["KING-TV"].startswith("In Seattle, marchers honored the victims")
    assert reported["Hill"].startswith("the campaign was accused")


def test_a_headline_opening_with_a_poll_and_a_colon_is_the_poll_s() -> None:
    text = "Poll: Trump and Clinton hold narrow leads in Pennsylvania\n\nThe race is close."
    facts = analyse_text(text, "en", "2016-07-01").facts
    assert [(a.source, a.text) for a in facts.attributions] == [("Poll", "Poll:")]
    # A label, or a section's byline after one, is no one speaking.
    for label in ("Update: the race in Pennsylvania is close now", "Analysis: Jon Sopel, BBC News"):
        assert analyse_text(label + "\n\nThe race is close.", "en").facts.attributions == []


def test_words_after_an_opening_quote_mark_are_the_quote_s_not_its_speaker() -> None:
    # The noun after 'had "made' had been read as an inverted subject after a closing mark.
    text = (
        'Rubio said the US had "made some progress" in recent weeks, but refused to be drawn '
        "on how confident he was that a deal could be reached.\n\n"
        'He continued: "The decisions have to be made, in the case of Russia, by Putin alone."'
    )
    facts = analyse_text(text, "en", "2025-12-03").facts
    assert "some progress" not in {a.source for a in facts.attributions}
    assert [q.speaker for q in facts.quotes if q.text.startswith("The decisions")] == ["Rubio"]


def test_she_is_never_a_place_whoever_spoke_last() -> None:
    # "Moscow only wanted to negotiate" made Moscow the last speaker before "She continued".
    text = (
        'Kaja Kallas, the EU foreign policy chief, said this week could be "pivotal", but that '
        'Moscow only wanted to negotiate "with those who are just offering them something".\n\n'
        'She continued: "I am afraid all the pressure will be put on the weaker side because '
        'that is the easier way to stop this war."'
    )
    facts = analyse_text(text, "en", "2025-12-02").facts
    afraid = [q.speaker for q in facts.quotes if q.text.startswith("I am afraid")]
    assert afraid == ["Kaja Kallas"]
