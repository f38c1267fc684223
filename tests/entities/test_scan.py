"""A language without a trained pipeline still gets listed places and institutions."""

from __future__ import annotations

from briefing.entities.scan import add_listed
from briefing.models import Analysis, Entity

TEXT_PT = (
    "O presidente do Brasil viajou para Moscou. A OTAN e a União Europeia reagiram; "
    "na Alemanha, o governo falou com a Casa Branca."
)


def test_listed_names_are_added_without_overlapping_what_is_there():
    analysis = Analysis(
        "x", "pt", "briefing_pt_rules", "1", entities=[Entity(35, 41, "LOC", "Moscou")]
    )
    add_listed(analysis, TEXT_PT)
    found = {(e.text, e.label) for e in analysis.entities}
    assert {
        ("Brasil", "LOC"),
        ("OTAN", "ORG"),
        ("União Europeia", "ORG"),
        ("Alemanha", "LOC"),
    } <= found
    assert [e.text for e in analysis.entities].count("Moscou") == 1
    for entity in analysis.entities:
        assert TEXT_PT[entity.start : entity.end] == entity.text
    assert "Brasil" in [p.name for p in analysis.facts.places]
    assert "us" not in {e.text for e in analysis.entities}  # case matters in running text


def test_a_portuguese_article_gets_identities_from_the_lists():
    from briefing.analysis import analyse_text

    analysis = analyse_text(TEXT_PT, "pt")
    ids = {e.text: e.id for e in analysis.entities}
    assert analysis.pipeline == "briefing_pt_rules"
    assert ids["Brasil"] == "country:BR" and ids["Alemanha"] == "country:DE"
    assert ids["OTAN"] == "org:nato" and ids["Casa Branca"] == "org:white-house"
    assert ids["Moscou"] == "geo:524901"
