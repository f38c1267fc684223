"""The countries a title names: listed countries by any name, towns only when the article's
text was linked to them."""

from __future__ import annotations

from briefing.entities.named_places import countries_named
from briefing.entities.registry import registry


def _town(name: str, cc: str) -> str:
    return next(i.id for i in registry().candidates(name) if i.kind == "geo" and i.cc == cc)


def test_a_country_is_named_by_its_name_in_either_language():
    assert countries_named("Forte scossa di terremoto in Giappone") == {"JP"}
    assert countries_named("Earthquake shakes Japan") == {"JP"}
    assert countries_named("Viaggio umanitario in Senegal e Mali") == {"SN", "ML"}
    assert countries_named("Viaggio umanitario in Costa d'Avorio") == {"CI"}


def test_a_town_counts_only_when_the_article_was_linked_to_it():
    monza = _town("Monza", "IT")
    assert countries_named("Gran premio di Monza") == frozenset()
    assert countries_named("Gran premio di Monza", [monza]) == {"IT"}


def test_a_town_stands_for_its_own_country():
    sendai = _town("Sendai", "JP")
    assert countries_named("Scossa in Giappone, tsunami a Sendai", [sendai]) == {"JP"}


def test_names_start_with_a_capital_letter():
    assert countries_named("tell us more") == frozenset()
    assert countries_named("Talks with US envoys") == {"US"}
