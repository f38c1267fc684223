"""Who stands behind a statement, named or anonymous."""

from __future__ import annotations

import pytest

from briefing.facts import extract_facts
from tests.support.facts_docs import make_doc


def _attributions(
    text: str, lang: str, entities: dict[str, str]
) -> list[tuple[str, str | None, bool]]:
    facts = extract_facts(make_doc(text, lang, entities), lang, "2025-12-18")
    for a in facts.attributions:
        assert text[a.start : a.end] == a.text
    return [(a.text, a.source, a.anonymous) for a in facts.attributions]


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "Secondo il Cremlino, i colloqui continuano.",
            {"Cremlino": "ORG"},
            ("Secondo il Cremlino", "Cremlino", False),
        ),
        (
            "Secondo l'amministrazione Trump, la Russia accetterà.",
            {"Trump": "PER", "Russia": "LOC"},
            ("Secondo l'amministrazione Trump", "amministrazione Trump", False),
        ),
        (
            "Sul tavolo, secondo fonti informate, ci sono concessioni.",
            {},
            ("secondo fonti informate", "fonti informate", True),
        ),
        (
            "Si incontreranno, secondo due persone a conoscenza della questione.",
            {},
            (
                "secondo due persone a conoscenza della questione",
                "due persone a conoscenza della questione",
                True,
            ),
        ),
        (
            "Tra queste, secondo indiscrezioni, c'è il Donbass.",
            {"Donbass": "LOC"},
            ("secondo indiscrezioni", "indiscrezioni", True),
        ),
        (
            "Secondo un funzionario europeo, i droni sorveglieranno il fronte.",
            {},
            ("Secondo un funzionario europeo", "funzionario europeo", True),
        ),
    ],
)
def test_italian_cues(text: str, entities: dict[str, str], expected: tuple) -> None:
    assert expected in _attributions(text, "it", entities)


def test_italian_sources_asking_for_anonymity() -> None:
    text = "Le fonti, che hanno chiesto l’anonimato per la sensibilità dei colloqui, riferiscono che tutto è pronto."
    found = _attributions(text, "it", {})
    assert found[0] == ("Le fonti, che hanno chiesto l’anonimato", "fonti", True)


def test_ordinal_secondo_is_not_a_source() -> None:
    assert _attributions("Il secondo round si terrà a Miami.", "it", {"Miami": "LOC"}) == []


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        (
            "The talks will go on, according to the White House.",
            {"White House": "ORG"},
            ("according to the White House", "White House", False),
        ),
        (
            "They will meet, according to two people familiar with the matter.",
            {},
            (
                "according to two people familiar with the matter",
                "two people familiar with the matter",
                True,
            ),
        ),
        ("The talks stalled, sources said.", {}, ("sources said", "sources", True)),
        (
            "The White House says the talks went well.",
            {"White House": "ORG"},
            ("White House says", "White House", False),
        ),
        (
            "Later the Kremlin said there was no deal.",
            {"Kremlin": "ORG"},
            ("Kremlin said", "Kremlin", False),
        ),
    ],
)
def test_english_cues(text: str, entities: dict[str, str], expected: tuple) -> None:
    assert expected in _attributions(text, "en", entities)


def test_anonymity_condition_in_english() -> None:
    text = "Two officials, speaking on condition of anonymity, described the plan."
    found = _attributions(text, "en", {})
    assert found and found[0][2] is True


def test_a_name_that_looks_like_a_verb_is_no_attribution() -> None:
    text = "For years the United States has imposed punitive measures."
    assert _attributions(text, "en", {"United States": "LOC"}) == []


def test_unnamed_officials_with_an_auxiliary() -> None:
    text = "American officials have said the sanctions will be lifted."
    assert ("American officials have said", "American officials", True) in _attributions(
        text, "en", {}
    )


def test_member_states_are_no_source() -> None:
    assert _attributions("EU member states agreed on the loan.", "en", {"EU": "ORG"}) == []


def test_secondo_cui_points_back_to_the_name() -> None:
    text = "Lo ha spiegato il ministro Mario Rossi, secondo cui la crisi è finita."
    assert ("secondo cui", "Mario Rossi", False) in _attributions(
        text, "it", {"Mario Rossi": "PER"}
    )


def test_a_detta_di() -> None:
    text = "A detta degli analisti, la crisi è finita."
    assert _attributions(text, "it", {}) == [("A detta degli analisti", "analisti", False)]


def test_according_to_needs_a_source() -> None:
    assert _attributions("According to new developments, the talks resume.", "en", {}) == []
    assert _attributions("According to analysts, the talks resume.", "en", {}) == [
        ("According to analysts", "analysts", False)
    ]


def test_a_name_the_recogniser_missed_still_speaks() -> None:
    text = "Later the Kremlin said there was no deal."
    assert ("Kremlin said", "Kremlin", False) in _attributions(text, "en", {})


def test_an_unnamed_source_is_typed_and_a_named_one_is_not() -> None:
    from briefing.facts.sourcing import source_type
    from briefing.facts.text import Article
    from briefing.models import Attribution

    def typed(text: str, source: str, lang: str, anonymous: bool = True) -> str | None:
        article = Article(text=text, lang=lang, ents=[], sents=[])
        return source_type(article, Attribution(text, source, anonymous, 0, len(text)))

    assert typed("secondo fonti vicine al Cremlino", "fonti vicine al Cremlino", "it") == "close"
    assert typed("people familiar with the talks said", "people", "en") == "familiar"
    assert typed("un alto funzionario ha detto", "alto funzionario", "it") == "official"
    assert typed("witnesses said", "witnesses", "en") == "witness"
    assert typed("si erano rincorse voci", "voci", "it") == "rumour"
    assert typed("sources said", "sources", "en") == "unspecified"
    assert typed("Rossi ha detto", "Rossi", "it", anonymous=False) is None


def test_the_panel_and_the_export_name_an_unnamed_source_s_kind() -> None:
    from briefing.tui.widgets.facts_panel import _attribution

    assert _attribution("fonti vicine", "fonti", True, "close").plain.startswith(
        "[anonymous: close] "
    )
    assert _attribution("fonti", "fonti", True, "unspecified").plain.startswith("[anonymous] ")
    assert "[anonymous" not in _attribution("Rossi ha detto", "Rossi", False).plain


def test_secondo_quanto_riferito_dalle_fonti_keeps_the_whole_source_and_its_kind() -> None:
    text = "Secondo quanto riferito dalle fonti ufficiali, il jet è rientrato alla base."
    facts = extract_facts(make_doc(text, "it", {}), "it", "2025-12-18")
    assert [(a.source, a.anonymous, a.source_type) for a in facts.attributions] == [
        ("fonti ufficiali", True, "official")
    ]


def test_a_line_opening_with_a_name_and_a_colon_is_that_name_speaking() -> None:
    text = (
        "Sanders: Clinton needs to get away from the personality stuff.\n"
        "The Latest: Trump holds a rally in Ohio tonight.\n"
        "Bernie Sanders offered advice to Hillary Clinton on Friday.\n"
    )
    entities = {"Sanders": "PER", "Clinton": "PER", "Trump": "PER", "Ohio": "LOC"}
    facts = extract_facts(make_doc(text, "en", entities), "en", "2016-09-30")
    headlines = [a for a in facts.attributions if a.text.endswith(":")]
    assert [(a.text, a.source) for a in headlines] == [("Sanders:", "Sanders")]
    start, end = headlines[0].content
    assert text[start:end] == "Clinton needs to get away from the personality stuff."


def test_a_transcripts_label_in_capitals_gives_the_turn_to_its_speaker() -> None:
    text = (
        "Mike Pence spoke to Chris Wallace.\n"
        '"WALLACE: Let us start with the news on the debate story tonight.\n'
        '"PENCE: Well, look, the question really should be why she did it.\n'
        "UPDATE: the debate starts at nine tonight.\n"
    )
    entities = {"Mike Pence": "PER", "Chris Wallace": "PER"}
    facts = extract_facts(make_doc(text, "en", entities), "en", "2016-09-30")
    turns = [(a.text, a.source) for a in facts.attributions if a.text.endswith(":")]
    assert turns == [("WALLACE:", "Chris Wallace"), ("PENCE:", "Mike Pence")]


def test_an_english_headline_s_present_tense_verb_cites_its_subject() -> None:
    text = (
        "Railing Against Trump, Sanders Vows To Eliminate Tax Breaks.\n"
        "The senator spoke in Iowa on Monday.\n"
    )
    found = _attributions(text, "en", {"Trump": "PER", "Sanders": "PER", "Iowa": "LOC"})
    assert ("Sanders Vows", "Sanders", False) in found


def test_stando_a_takes_the_whole_joined_preposition() -> None:
    # "al" is one word: the source is never "l comunicato"
    found = _attributions("Stando al comunicato del governo, la riunione è rinviata.", "it", {})
    assert [source for _, source, _ in found] == ["comunicato del governo"]
    found = _attributions("Stando ad alcuni utenti, la neve arriverà domani.", "it", {})
    assert [source for _, source, _ in found] == ["alcuni utenti"]
