"""Acronyms: an organisation's initials, or a short form defined in brackets, are the organisation."""

from __future__ import annotations

from briefing.entities import link_analysis, link_mentions
from briefing.entities.acronyms import defined_in, fits
from briefing.entities.joins import join_people
from briefing.models import Analysis, Entity, Facts


def ids(*mentions: tuple[str, str]) -> list[str | None]:
    return [link.id if link else None for link in link_mentions(list(mentions))]


def test_initials_fit_with_small_words_and_prefixes():
    assert fits("NTSB", "National Transportation Safety Board")
    assert fits("FDLR", "Fronte democratico per la liberazione del Ruanda")
    assert fits("WoW", "Women on Waves")  # a small word may give its letter
    assert fits("MiBACT", "Ministero dei beni e delle attività culturali e del turismo")
    assert fits("APEC", "Asia-Pacific Economic Cooperation")
    assert not fits("NTSB", "National Traffic Safety Bureau of Ohio")  # a word left out
    assert not fits("CBS", "Canadian Broadcasting Corporation")
    assert not fits("AS", "AS Roma")


def test_an_acronym_of_the_names_initials_in_the_same_article_links():
    name, short = ids(("National Transportation Safety Board", "ORG"), ("NTSB", "ORG"))
    assert name == short and name.startswith("org:")
    name, short = ids(("Fondo Ambiente Italiano", "ORG"), ("FAI", "ORG"))
    assert name == short


def test_an_acronym_fitting_two_names_of_the_article_stays_its_own():
    first, second, short = ids(
        ("Fondo Ambiente Italiano", "ORG"),
        ("Federazione Autotrasportatori Italiani", "ORG"),
        ("FAI", "ORG"),
    )
    assert len({first, second, short}) == 3


def test_an_acronym_is_no_person_and_no_place():
    person, short = ids(("Mario Rossi", "PER"), ("MR", "ORG"))
    assert person != short
    club, party = ids(("AS Roma", "ORG"), ("Alternativa Sociale", "ORG"))
    assert club != party


def _analysis(text: str, spans: list[tuple[str, str]]) -> Analysis:
    entities, at = [], 0
    for written, label in spans:
        start = text.index(written, at)
        entities.append(Entity(start, start + len(written), label, written))
        at = start + len(written)
    return Analysis("a1", "it", "test", "0", entities=entities, facts=Facts())


def test_a_short_form_defined_in_brackets_links_whatever_its_letters():
    text = (
        "Secondo il Servizio geologico degli Stati Uniti (USGS) la scossa era forte. "
        "L'USGS ha poi corretto il dato."
    )
    analysis = _analysis(
        text,
        [("Servizio geologico degli Stati Uniti", "ORG"), ("USGS", "ORG"), ("USGS", "ORG")],
    )
    assert defined_in(analysis.entities, text) == {"usgs": 0}
    link_analysis(analysis, text=text)
    assert len({e.id for e in analysis.entities}) == 1
    assert analysis.entities[2].canonical == "Servizio geologico degli Stati Uniti"


def test_brackets_holding_anything_else_define_nothing():
    text = "Il sindaco di Roma (Italia) e il Fondo Ambiente Italiano (FAI, 2019)."
    analysis = _analysis(
        text,
        [("Roma", "LOC"), ("Italia", "LOC"), ("Fondo Ambiente Italiano", "ORG"), ("FAI", "ORG")],
    )
    assert defined_in(analysis.entities, text) == {}


def test_an_acronym_alone_joins_across_the_store_the_one_name_it_fits():
    short, name = ids(("NTSB", "ORG"))[0], ids(("National Transportation Safety Board", "ORG"))[0]
    assert join_people([short, name]) == {short: name}
    other = ids(("National Traffic Safety Board", "ORG"))[0]
    assert join_people([short, name, other]) == {}  # two bodies fit: it stays its own
    listed, hockey = ids(("WHO", "ORG"))[0], ids(("World Hockey Organization", "ORG"))[0]
    assert listed == "org:who" and join_people([listed, hockey]) == {}  # listed: never joins
    person, firm = ids(("Trump", "PER"))[0], ids(("Trump", "ORG"))[0]
    assert join_people([person, firm, ids(("Donald Trump", "PER"))[0]]).get(firm) is None


def test_a_listed_acronym_gives_the_name_written_out_its_identity():
    name, short = ids(("Federal Aviation Authority", "ORG"), ("FAA", "ORG"))
    assert name == short == "org:faa"
    text = "Si tratta della nuova iniziativa del servizio sanitario nazionale (NHS) scozzese."
    analysis = _analysis(text, [("servizio sanitario nazionale", "ORG"), ("NHS", "ORG")])
    link_analysis(analysis, text=text)
    assert [e.id for e in analysis.entities] == ["org:nhs", "org:nhs"]
    alone = ids(("servizio sanitario nazionale", "ORG"))[0]
    assert alone != "org:nhs"  # without the short form it is Italy's, not the NHS


def test_two_letters_are_too_few_to_join_across_the_store():
    short, name = ids(("OB", "ORG"))[0], ids(("OFK Beograd", "ORG"))[0]
    assert join_people([short, name]) == {}
    short, name = ids(("BWF", "ORG"))[0], ids(("Badminton World Federation", "ORG"))[0]
    assert join_people([short, name]) == {short: name}
