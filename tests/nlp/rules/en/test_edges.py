"""The edges component: names trimmed to their edges or split in two; names that are whole
(particles, titles that belong to them, other languages) are left alone."""

from __future__ import annotations

import pytest

from briefing.nlp import pipeline
from tests.support.labelled_docs import labelled_doc
from tests.support.pipelines import blank_with

pipeline._register_components()


def run(text: str, labelled: list[tuple[str, str]], lang: str = "en") -> list[tuple[str, str]]:
    """Label each (text, label) at its next occurrence, as a model would, then run the
    component with its shipped lexicon on a blank pipeline."""
    nlp = blank_with(lang, "briefing_edges")  # built once a test process
    doc = labelled_doc(nlp, text, labelled)
    return [(e.text, e.label_) for e in nlp(doc).ents]


@pytest.mark.parametrize(
    ("text", "labelled", "expected"),
    [
        (
            "SOCCER - ROMANIA BEAT LITHUANIA.",
            ("SOCCER - ROMANIA", "LOC"),
            [("ROMANIA", "LOC"), ("LITHUANIA", "LOC")],
        ),
        ("JAPAN - Yield for bonds fell.", ("JAPAN - Yield", "LOC"), [("JAPAN", "LOC")]),
        (
            "MILWAUKEE, Wisconsin 1996-08-29",
            ("MILWAUKEE, Wisconsin", "LOC"),
            [("MILWAUKEE", "LOC"), ("Wisconsin", "LOC")],
        ),
        ("Bosnia's ruling party met.", ("Bosnia's", "LOC"), [("Bosnia", "LOC")]),
        ("MILAN'S LENTINI MOVES.", ("MILAN'S", "ORG"), [("MILAN", "ORG")]),
        ("pardoned by King Sihanouk on Friday", ("King Sihanouk", "PER"), [("Sihanouk", "PER")]),
        ("when he fought American Tyson there", ("American Tyson", "PER"), [("Tyson", "PER")]),
        ("thieves in eastern Nigeria paid", ("eastern Nigeria", "LOC"), [("Nigeria", "LOC")]),
        ("a factory in Jiangsu province.", ("Jiangsu province", "LOC"), [("Jiangsu", "LOC")]),
        (
            "UEFA fined Belgian club Standard Liege.",
            ("Belgian club Standard Liege", "LOC"),
            [("Standard Liege", "LOC")],
        ),
        ("the Kurdish city of Arbil fell", ("Kurdish city of Arbil", "LOC"), [("Arbil", "LOC")]),
        ("urged German authorities to act", ("German authorities", "LOC"), [("German", "MISC")]),
    ],
)
def test_spans_are_trimmed_to_the_names_they_hold(text, labelled, expected):
    assert run(text, [labelled]) == expected


@pytest.mark.parametrize(
    ("text", "labelled"),
    [
        ("ships in the Gulf of Mexico sank", ("Gulf of Mexico", "LOC")),
        ("Aravinda de Silva scored 83.", ("Aravinda de Silva", "PER")),
        ("Brian Lara scored 83.", ("Brian Lara", "PER")),
        (
            "The Organisation for Security and Cooperation in Europe met.",
            ("Organisation for Security and Cooperation in Europe", "ORG"),
        ),
        ("the Indonesian Democratic Party met", ("Indonesian Democratic Party", "ORG")),
        ("Ata-ur-Rehman took two.", ("Ata-ur-Rehman", "PER")),
        ("Marcos - who ruled - died.", ("Marcos", "PER")),
    ],
)
def test_whole_names_are_left_alone(text, labelled):
    assert run(text, [labelled]) == [labelled]


def test_a_lone_title_or_a_rule_span_is_left_alone():
    assert run("The King spoke.", [("King", "PER")]) == [("King", "PER")]


def test_other_languages_are_left_alone():
    labelled = [("SOCCER - ROMANIA", "LOC"), ("Jiangsu province", "LOC")]
    text = "SOCCER - ROMANIA BEAT LITHUANIA in Jiangsu province."
    assert run(text, labelled, lang="it") == labelled


@pytest.mark.parametrize(
    ("text", "labelled", "expected"),
    [
        ("Israeli troops moved.", ("Israeli", "LOC"), "MISC"),
        ("a Moslem village", ("Moslem", "LOC"), "MISC"),
        ("South Korean traders sold.", ("South Korean", "LOC"), "MISC"),
        ("in the Hong Kong Open final", ("Hong Kong Open", "LOC"), "MISC"),
        ("Japan beat Jordan.", ("Japan", "LOC"), "LOC"),
        ("flights to Amman, Jordan.", ("Jordan", "LOC"), "LOC"),
        ("Brian Lara scored.", ("Brian Lara", "PER"), "PER"),
    ],
)
def test_lone_nationalities_and_events_are_misc_and_countries_stay_places(text, labelled, expected):
    assert run(text, [labelled]) == [(labelled[0], expected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indonesian President Suharto has asked.", [("Suharto", "PER")]),
        ("Prime Minister Viktor Chernomyrdin said.", [("Viktor Chernomyrdin", "PER")]),
        (
            "Petr Korda (Czech Republic) beat him.",
            [("Petr Korda", "PER"), ("Czech Republic", "LOC")],
        ),
        ("Sales at General Motors rose.", []),
        ("The President said so.", []),
        ("Red wine (France) sold well.", []),
        ("PRESIDENT SHEARER NAMED", []),
    ],
)
def test_people_the_model_missed_are_found_by_their_edges(text, expected):
    assert run(text, []) == expected


def test_found_people_never_replace_the_models_names():
    labelled = [("Suharto Foundation", "ORG")]
    assert run("President Suharto Foundation said.", labelled) == labelled


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SARAJEVO 1996-08-30\nVoting began.", [("SARAJEVO", "LOC")]),
        (
            "Title.\nTOFTIR, Faroe Islands 1996-08-31\nSlovakia won.",
            [("TOFTIR", "LOC"), ("Faroe Islands", "LOC")],
        ),
        ("LONDON (Reuters) - Shares fell.", [("LONDON", "LOC")]),
        (
            "CRICKET - SRI LANKA BEAT AUSTRALIA.\nText.",
            [("SRI LANKA", "LOC"), ("AUSTRALIA", "LOC")],
        ),
        ("Rosati will visit Yugoslavia soon.", [("Yugoslavia", "LOC")]),
        ("The Federal Republic of Yugoslavia is a state.", []),
        ("Results 1996-08-30\nNothing.", []),
        ("A quiet day.\nNo news here 1996-08-30", []),
    ],
)
def test_datelines_headline_countries_and_unlisted_countries_are_places(text, expected):
    assert run(text, []) == expected


def test_cricket_scorecard_names_are_people():
    text = "S. Waugh c Healy b Fleming 44\nM. Slater lbw b McGrath 9\nBowling: Gough 8-0-39-3, Mullally 6-0-30-1"
    found = run(text, [("S. Waugh", "PER"), ("M. Slater", "PER")])
    assert found == [
        ("S. Waugh", "PER"),
        ("Healy", "PER"),
        ("Fleming", "PER"),
        ("M. Slater", "PER"),
        ("McGrath", "PER"),
        ("Gough", "PER"),
        ("Mullally", "PER"),
    ]
    assert run("Plan b Northern Rail was chosen. He saw c Section 5 there.", []) == []


def test_result_labels_ordinals_and_headline_sections_are_no_names():
    text = "TENNIS - RESULTS FROM NEW YORK.\nAttendance: 2,000. He is ranked 65th."
    labelled = [("TENNIS", "PER"), ("Attendance", "PER"), ("65th", "ORG")]
    assert run(text, labelled) == []
    assert run("JAPAN - Yield fell.", [("JAPAN", "LOC")]) == [("JAPAN", "LOC")]


def test_an_event_in_a_headlines_capitals_is_misc():
    text = "SOCCER - BELARUS BEAT ESTONIA IN WORLD CUP QUALIFIER."
    assert ("WORLD CUP QUALIFIER", "MISC") in run(text, [("WORLD CUP QUALIFIER", "ORG")])
    assert run("NEW YORK CITY HALL", [("NEW YORK", "LOC")]) == [("NEW YORK", "LOC")]


@pytest.mark.parametrize(
    ("text", "labelled", "expected"),
    [
        (
            "Treasury Secretary Jacob J. Lew said so.",
            [("Jacob J.", "PER")],
            [("Jacob J. Lew", "PER")],
        ),
        (
            "Republican Carlos Lopez-Cantera said so.",
            [("Carlos Lopez", "PER"), ("Cantera", "PER")],
            [("Carlos Lopez-Cantera", "PER")],
        ),
        # a spaced dash parts two names; an initial before a place's name is the place's
        ("Smith - Jones left.", [("Smith", "PER")], [("Smith", "PER")]),
        (
            "at John F. Kennedy Airport today",
            [("John F.", "PER"), ("Kennedy Airport", "LOC")],
            [("John F.", "PER"), ("Kennedy Airport", "LOC")],
        ),
    ],
)
def test_a_persons_name_goes_on_past_an_initial_and_a_hyphen(text, labelled, expected):
    assert run(text, labelled) == expected
