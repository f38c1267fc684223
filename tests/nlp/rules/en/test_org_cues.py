"""The org-cues component: places and people acting as teams or companies become ORG, and
organisations the model missed are added; nations, people and places stay what they are."""

from __future__ import annotations

import pytest

from briefing.nlp import pipeline
from briefing.nlp.spans import char_offsets
from tests.support.labelled_docs import labelled_doc
from tests.support.pipelines import blank_with

pipeline._register_components()


def run(text: str, labelled: list[tuple[str, str]] = (), lang: str = "en") -> list[tuple[str, str]]:
    """Label each (text, label) at its next occurrence, as a model would, then run the
    component with its shipped lexicon on a blank pipeline."""
    nlp = blank_with(lang, "briefing_org_cues")  # built once a test process
    doc = labelled_doc(nlp, text, labelled)
    doc = nlp(doc)
    return [(doc.text[slice(*char_offsets(e))], e.label_) for e in doc.ents]


def test_places_that_beat_each_other_are_teams():
    text = "Leicestershire beat Somerset by an innings and 39 runs."
    labelled = [("Leicestershire", "LOC"), ("Somerset", "LOC")]
    assert run(text, labelled) == [("Leicestershire", "ORG"), ("Somerset", "ORG")]


def test_a_team_keeps_its_label_through_the_article_but_not_in_the_dateline():
    text = "LEEDS 1996-08-30\nLeeds beat Surrey on Friday.\nLeeds will play again."
    labelled = [("LEEDS", "LOC"), ("Leeds", "LOC"), ("Surrey", "LOC"), ("Leeds", "LOC")]
    assert run(text, labelled) == [
        ("LEEDS", "LOC"),
        ("Leeds", "ORG"),
        ("Surrey", "ORG"),
        ("Leeds", "ORG"),
    ]


def test_a_team_the_model_read_as_a_person_is_relabelled_when_it_is_a_place_elsewhere():
    text = "Kent reached 108. Kent captain Steve Marsh was out."
    labelled = [("Kent", "LOC"), ("Kent", "PER"), ("Steve Marsh", "PER")]
    assert run(text, labelled) == [("Kent", "ORG"), ("Kent", "ORG"), ("Steve Marsh", "PER")]


def test_a_score_after_a_place_opening_a_result_line_makes_it_a_team():
    text = "Result:\nDurham 114 and 211, Glamorgan 259."
    assert run(text, [("Durham", "LOC"), ("Glamorgan", "LOC")]) == [
        ("Durham", "ORG"),
        ("Glamorgan", "ORG"),
    ]


def test_national_sides_people_and_datelines_are_left_alone():
    assert run("England beat Moldova 2-0.", [("England", "LOC"), ("Moldova", "LOC")]) == [
        ("England", "LOC"),
        ("Moldova", "LOC"),
    ]
    assert run("Agassi beat Sampras in four sets.", [("Agassi", "PER"), ("Sampras", "PER")]) == [
        ("Agassi", "PER"),
        ("Sampras", "PER"),
    ]
    assert run("LONDON 1996-08-30\nRain fell.", [("LONDON", "LOC")]) == [("LONDON", "LOC")]


def test_a_known_place_is_a_market_not_a_company():
    assert run("Tokyo shares fell on Friday.", [("Tokyo", "LOC")]) == [("Tokyo", "LOC")]
    assert run("Magna shares rose on Friday.", [("Magna", "PER")]) == [("Magna", "PER")]
    assert run("Ericsson shares rose.", [("Ericsson", "LOC")]) == [("Ericsson", "ORG")]


@pytest.mark.parametrize(
    ("text", "labelled", "expected"),
    [
        ("Shares of Bre-X Minerals Ltd rose.", [], ("Bre-X Minerals Ltd", "ORG")),
        (
            "It sold Douglas & Lomason Co to them.",
            [("Douglas", "PER")],
            ("Douglas & Lomason Co", "ORG"),
        ),
        ("The Reform Party chose him.", [], ("Reform Party", "ORG")),
        (
            "It mined with Gold Fields of South Africa Ltd here.",
            [],
            ("Gold Fields of South Africa Ltd", "ORG"),
        ),
        ("It competes with Lear Corp.\nNext.", [], ("Lear Corp", "ORG")),
    ],
)
def test_names_closed_by_a_company_suffix_or_joined_by_ampersand_are_organisations(
    text, labelled, expected
):
    assert expected in run(text, labelled)


def test_suffix_names_stop_at_people_sentence_openers_and_known_places():
    found = run("said Lynn Reaser of Barnett Banks Inc. in Florida.", [("Lynn Reaser", "PER")])
    assert found == [("Lynn Reaser", "PER"), ("Barnett Banks Inc.", "ORG")]
    assert run("Shares of Magna Corp rose.") == [("Magna Corp", "ORG")]
    assert run("Settlers went to the West Bank.", [("West Bank", "LOC")]) == [("West Bank", "LOC")]


def test_the_models_longer_organisation_stands():
    text = "the State Law and Order Restoration Council said"
    name = "State Law and Order Restoration Council"
    assert run(text, [(name, "ORG")]) == [(name, "ORG")]
    assert run(text, [(name, "LOC")]) == [(name, "ORG")]


def test_well_known_organisations_fill_gaps_and_never_replace_a_person():
    assert run("He told Reuters on Friday.") == [("Reuters", "ORG")]
    assert run("Gerald Ford spoke.", [("Gerald Ford", "PER")]) == [("Gerald Ford", "PER")]
    assert run("The U.N. embargo ended.", [("U.N.", "LOC")]) == [("U.N.", "ORG")]


def test_other_languages_are_left_alone():
    text = "Leicestershire beat Somerset. Shares of Bre-X Minerals Ltd rose."
    labelled = [("Leicestershire", "LOC"), ("Somerset", "LOC")]
    assert run(text, labelled, lang="it") == labelled


def test_an_acronym_in_brackets_after_an_organisation_names_it_through_the_article():
    text = "The Party of Democratic Action (SDA) called a boycott. The SDA said so."
    found = run(text, [("Party of Democratic Action", "ORG")])
    assert found == [("Party of Democratic Action", "ORG"), ("SDA", "ORG"), ("SDA", "ORG")]
    text = "They met in New York (NY) and Boston."
    assert run(text, [("New York", "LOC"), ("Boston", "LOC")]) == [
        ("New York", "LOC"),
        ("Boston", "LOC"),
    ]


def test_a_name_the_model_missed_after_a_cue_is_an_organisation_unless_a_nation():
    assert run("He played for Nice and Torino.", [("Torino", "LOC")]) == [
        ("Nice", "ORG"),
        ("Torino", "LOC"),
    ]
    assert run("They lost to Moldova on Sunday.") == []
    assert run("They bought shares of Tokyo last year.") == []


def test_a_companys_short_forms_are_the_company_but_never_a_person_or_adjective():
    text = (
        "Magna said so. Shares of Magna International Inc rose. Johnson met Johnson Controls Inc."
    )
    labelled = [("Magna", "LOC"), ("Johnson", "PER")]
    assert run(text, labelled) == [
        ("Magna", "ORG"),
        ("Magna International Inc", "ORG"),
        ("Johnson", "PER"),
        ("Johnson Controls Inc", "ORG"),
    ]
    assert run("The Scottish National Party won. Scottish voters agreed.") == [
        ("Scottish National Party", "ORG")
    ]


def test_a_team_after_a_riders_country_in_a_result_line_is_an_organisation():
    text = "2. Lance Armstrong (U.S.) Motorola 2 seconds behind\n3. Al Unser (U.S.), Penske Mercedes-Benz, 54.683"
    labelled = [("Lance Armstrong", "PER"), ("Al Unser", "PER")]
    assert run(text, labelled) == [
        ("Lance Armstrong", "PER"),
        ("Motorola", "ORG"),
        ("Al Unser", "PER"),
        ("Penske Mercedes-Benz", "ORG"),
    ]
    text = "Stefan Edberg (Sweden) beat Bernd Karbacher (Germany) 3-6"
    labelled = [("Stefan Edberg", "PER"), ("Bernd Karbacher", "PER")]
    assert run(text, labelled) == labelled


def test_of_names_and_unlabelled_result_lines_are_organisations():
    assert run("The Party of Democratic Action met.") == [("Party of Democratic Action", "ORG")]
    assert ("National Bank of Romania", "ORG") in run("The National Bank of Romania said.")
    assert run("He studied the Bank of England.", [("Bank of England", "ORG")]) == [
        ("Bank of England", "ORG")
    ]
    text = "Chesterfield: Worcestershire 238 and 133-5, Derbyshire 471 (J. Adams 123)"
    assert run(text, [("Chesterfield", "LOC")]) == [
        ("Chesterfield", "LOC"),
        ("Worcestershire", "ORG"),
        ("Derbyshire", "ORG"),
    ]
    assert run("Flights: Flight 150 left, Interstate 95 on time.") == []


def test_names_the_model_missed_before_a_company_cue():
    assert run("said a spokesman for the pro-Socialist CFDT union.") == [("CFDT", "ORG")]
    assert run("the PAP news agency reported.") == [("PAP", "ORG")]
    assert run("pressure from Dutch members of parliament") == []
    assert run("Former chairman Smith left.") == []


def test_a_companys_legal_form_ends_its_name_and_result_words_are_no_teams():
    found = run("cars made by Kia Motor Corp of South Korea arrived", [("South Korea", "LOC")])
    assert found == [("Kia Motor Corp", "ORG"), ("South Korea", "LOC")]
    assert run("Real Madrid 1.\nHalftime 1-0.\nAttendance 35,000.") == []


def test_a_country_the_model_called_an_organisation_is_a_place():
    text = "They will miss England's qualifier against Moldova. Dutch officials met."
    labelled = [("England", "ORG"), ("Moldova", "ORG"), ("Dutch", "ORG")]
    assert run(text, labelled) == [("England", "LOC"), ("Moldova", "LOC"), ("Dutch", "ORG")]
