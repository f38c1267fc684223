"""People with roles from titles and appositions; organisations and places merged and counted."""

from __future__ import annotations

from briefing.facts import extract_facts
from tests.support.facts_docs import make_doc


def _people(text: str, lang: str, entities: dict[str, str]) -> dict[str, tuple[list[str], int]]:
    facts = extract_facts(make_doc(text, lang, entities), lang, "2025-12-18")
    return {p.name: (p.roles, p.mentions) for p in facts.people}


def test_italian_apposition_after_the_name() -> None:
    text = "La delegazione includerà Kirill Dmitriev, capo del fondo sovrano di Mosca. Poi parlerà Dmitriev."
    people = _people(text, "it", {"Kirill Dmitriev": "PER", "Dmitriev": "PER", "Mosca": "LOC"})
    assert people == {"Kirill Dmitriev": (["capo del fondo sovrano di Mosca"], 2)}


def test_italian_titles_before_the_name_and_kinship() -> None:
    text = (
        "Sono attesi l'inviato speciale Steve Witkoff e Jared Kushner, genero del presidente Trump. "
        "Mercoledì il presidente Vladimir Putin ha parlato. Witkoff e Putin si vedranno."
    )
    people = _people(
        text,
        "it",
        {
            "Steve Witkoff": "PER",
            "Jared Kushner": "PER",
            "Trump": "PER",
            "Vladimir Putin": "PER",
            "Witkoff": "PER",
            "Putin": "PER",
        },
    )
    assert people["Steve Witkoff"] == (["inviato speciale"], 2)
    assert people["Jared Kushner"] == (["genero del presidente Trump"], 1)
    assert people["Trump"] == (["presidente"], 1)
    assert people["Vladimir Putin"] == (["presidente"], 2)


def test_italian_role_before_a_comma() -> None:
    text = "La delegazione dovrebbe incontrare anche il consigliere per la sicurezza nazionale ucraino, Rustem Umerov."
    people = _people(text, "it", {"Rustem Umerov": "PER"})
    assert people["Rustem Umerov"][0] == ["consigliere per la sicurezza nazionale ucraino"]


def test_english_titles_and_appositions() -> None:
    text = (
        "Ukrainian President Volodymyr Zelensky met Rustem Umerov, the national security adviser, "
        "and US Special Envoy Steve Witkoff. Zelensky said little."
    )
    people = _people(
        text,
        "en",
        {
            "Volodymyr Zelensky": "PER",
            "Rustem Umerov": "PER",
            "Steve Witkoff": "PER",
            "Zelensky": "PER",
            "US": "LOC",
        },
    )
    assert people["Volodymyr Zelensky"] == (["Ukrainian President"], 2)
    assert people["Rustem Umerov"][0] == ["national security adviser"]
    assert people["Steve Witkoff"][0] == ["US Special Envoy"]


def test_a_clause_after_a_comma_is_not_a_role() -> None:
    text = "Vladimir Putin, parlando a vertici militari a Mosca, ha ribadito la linea. Witkoff, Kushner e Umerov sono partiti."
    people = _people(
        text,
        "it",
        {
            "Vladimir Putin": "PER",
            "Mosca": "LOC",
            "Witkoff": "PER",
            "Kushner": "PER",
            "Umerov": "PER",
        },
    )
    assert all(roles == [] for roles, _ in people.values())


def test_surnames_merge_only_when_one_full_name_fits() -> None:
    text = "Anna Rossi e Marco Rossi hanno parlato. Rossi ha poi taciuto. Anna Rossi è tornata."
    people = _people(text, "it", {"Anna Rossi": "PER", "Marco Rossi": "PER", "Rossi": "PER"})
    assert people["Anna Rossi"][1] == 2
    assert people["Marco Rossi"][1] == 1
    assert people["Rossi"][1] == 1  # ambiguous: kept apart rather than guessed


def test_organisations_and_places_merge_ignoring_case_and_accents() -> None:
    text = "La Casa Bianca tace. La casa bianca parla. A Mosca e a MOSCA, poi a Moscà."
    doc = make_doc(
        text,
        "it",
        {
            "Casa Bianca": "ORG",
            "casa bianca": "ORG",
            "Mosca": "LOC",
            "MOSCA": "LOC",
            "Moscà": "LOC",
        },
    )
    facts = extract_facts(doc, "it", None)
    assert [(o.name, o.mentions) for o in facts.organizations] == [("Casa Bianca", 2)]
    assert [(p.name, p.mentions) for p in facts.places] == [("Mosca", 3)]
    assert all(text[s:e].lower().startswith("mosc") for s, e in facts.places[0].spans)


def test_possessive_joins_the_name() -> None:
    text = "Donald Trump spoke. Trump's envoy left."
    facts = extract_facts(
        make_doc(text, "en", {"Donald Trump": "PER", "Trump's": "PER"}), "en", None
    )
    assert [(p.name, p.mentions) for p in facts.people] == [("Donald Trump", 2)]


def test_english_titles_with_possessives_and_ranks() -> None:
    text = (
        "US Special Envoy Steve Witkoff and President Donald Trump's son-in-law Jared Kushner met "
        "Ukraine's national security secretary, Rustem Umerov, and Brig Gen Andriy Hnatov. "
        "Yesterday President Emmanuel Macron spoke with Russian President Vladimir Putin."
    )
    entities = {
        "Steve Witkoff": "PER", "Donald Trump": "PER", "Jared Kushner": "PER", "Rustem Umerov": "PER",
        "Andriy Hnatov": "PER", "Emmanuel Macron": "PER", "Vladimir Putin": "PER", "US": "LOC",
        "Ukraine": "LOC", "Russian": "MISC", "Yesterday": "DATE",
    }  # fmt: skip
    people = _people(text, "en", entities)
    assert people["Steve Witkoff"][0] == ["US Special Envoy"]
    assert people["Jared Kushner"][0] == ["President Donald Trump's son-in-law"]
    assert people["Donald Trump"][0] == ["President"]
    assert people["Rustem Umerov"][0] == ["Ukraine's national security secretary"]
    assert people["Andriy Hnatov"][0] == ["Brig Gen"]
    assert people["Emmanuel Macron"][0] == ["President"]
    assert people["Vladimir Putin"][0] == ["Russian President"]


def test_a_sentence_opening_word_is_no_part_of_a_title() -> None:
    people = _people("Meanwhile President Joe Biden left.", "en", {"Joe Biden": "PER"})
    assert people["Joe Biden"][0] == ["President"]


def test_the_capitalised_form_names_the_person() -> None:
    text = "Tag: witkoff. Poi Witkoff è arrivato."
    people = _people(text, "it", {"witkoff": "PER", "Witkoff": "PER"})
    assert people == {"Witkoff": ([], 2)}


def test_english_organisations_and_places_merge() -> None:
    text = (
        "The White House spoke. Later the white house and the Kremlin met in Moscow and in MOSCOW."
    )
    entities = {
        "White House": "ORG",
        "white house": "ORG",
        "Kremlin": "ORG",
        "Moscow": "LOC",
        "MOSCOW": "LOC",
    }
    facts = extract_facts(make_doc(text, "en", entities), "en", None)
    assert [(o.name, o.mentions) for o in facts.organizations] == [
        ("White House", 2),
        ("Kremlin", 1),
    ]
    assert [(p.name, p.mentions) for p in facts.places] == [("Moscow", 2)]


def test_a_title_inside_the_person_span_becomes_a_role() -> None:
    text = (
        "US Special Envoy Steve Witkoff met President Donald Trump. Later Mr Witkoff and Trump spoke, "
        "and Mr. Trump left."
    )
    entities = {
        "Envoy Steve Witkoff": "PER", "President Donald Trump": "PER", "Mr Witkoff": "PER",
        "Trump": "PER", "Mr. Trump": "PER", "US": "LOC",
    }  # fmt: skip
    people = _people(text, "en", entities)
    assert people == {
        "Steve Witkoff": (["US Special Envoy"], 2),
        "Donald Trump": (["President"], 3),
    }


def test_a_titled_name_labelled_as_organisation_is_a_person() -> None:
    text = "Rustem Umerov and Brig Gen Andriy Hnatov met General Motors."
    entities = {"Rustem Umerov": "PER", "Brig Gen Andriy Hnatov": "ORG", "General Motors": "ORG"}
    facts = extract_facts(make_doc(text, "en", entities), "en", None)
    assert [(p.name, p.roles) for p in facts.people] == [
        ("Rustem Umerov", []),
        ("Andriy Hnatov", ["Brig Gen"]),
    ]
    assert [o.name for o in facts.organizations] == ["General Motors"]


def test_ontonotes_labels_are_read_in_the_display_scheme() -> None:
    doc = make_doc(
        "President Joe Biden visited Rome.", "en", {"Joe Biden": "PERSON", "Rome": "GPE"}
    )
    facts = extract_facts(doc, "en", None)
    assert [(p.name, p.roles) for p in facts.people] == [("Joe Biden", ["President"])]
    assert [p.name for p in facts.places] == ["Rome"]


def test_a_first_name_the_recogniser_left_between_title_and_surname() -> None:
    text = "On Wednesday, Ukrainian President Volodymyr Zelensky said the world was watching."
    assert _people(text, "en", {"Zelensky": "PER"}) == {
        "Volodymyr Zelensky": (["Ukrainian President"], 1)
    }


def test_capitalised_words_without_a_title_before_them_are_not_taken() -> None:
    text = "Nel pomeriggio Roma Capitale ha ricevuto Gualtieri in Campidoglio."
    people = _people(text, "it", {"Gualtieri": "PER"})
    assert list(people) == ["Gualtieri"]


def test_a_name_in_a_section_title_on_its_own_line_is_no_person() -> None:
    text = "Il gruppo ha suonato ieri a Roma.\nHooverphonic:\nIl concerto è stato rinviato. Rossi ha detto che tornerà.\nRossi:"
    people = _people(text, "it", {"Hooverphonic": "PER", "Rossi": "PER", "Roma": "LOC"})
    assert set(people) == {"Rossi"}
    # A name with words after the colon on the same line is a speaker's turn, not a title.
    text = "Il ministro parla.\nBianchi: il voto è valido.\n"
    assert set(_people(text, "it", {"Bianchi": "PER"})) == {"Bianchi"}


def test_an_epithet_after_a_masculine_article_and_a_saint_are_no_people() -> None:
    text = "Bocchino è la spina nel fianco del Cavaliere. La festa di San Giacomo è sospesa. Parla la Merkel."
    people = _people(
        text, "it", {"Bocchino": "PER", "Cavaliere": "PER", "San Giacomo": "PER", "Merkel": "PER"}
    )
    assert set(people) == {"Bocchino", "Merkel"}


def test_a_name_with_an_organisations_word_is_no_person() -> None:
    text = "Secondo Vibber, Cogent Communications ha ceduto gli indirizzi. I jet del 6º Stormo Diavoli Rossi."
    people = _people(
        text,
        "it",
        {"Vibber": "PER", "Cogent Communications": "PER", "Stormo Diavoli Rossi": "PER"},
    )
    assert set(people) == {"Vibber"}


def test_a_name_that_names_an_act_or_god_is_no_person_of_the_story() -> None:
    text = (
        "Sulla riforma Castelli e sul ddl Mastella ha parlato Nicola Mancino. "
        "«Mi sono pacificato con Allah», ha detto Saddam Hussein."
    )
    people = _people(
        text,
        "it",
        {n: "PER" for n in ("Castelli", "Mastella", "Nicola Mancino", "Allah", "Saddam Hussein")},
    )
    assert sorted(people) == ["Nicola Mancino", "Saddam Hussein"]


def test_a_relative_clause_after_an_apposition_is_no_part_of_the_role() -> None:
    text = (
        "Ai funerali di Chokri Belaid, il leader dell'opposizione di sinistra che è stato "
        "assassinato, c'erano migliaia di persone."
    )
    people = _people(text, "it", {"Chokri Belaid": "PER"})
    assert people["Chokri Belaid"][0] == ["leader dell'opposizione di sinistra"]


def test_vice_alone_is_a_title() -> None:
    people = _people(
        "Il suo vice Abdelhamid Jelassi ha parlato.", "it", {"Abdelhamid Jelassi": "PER"}
    )
    assert people["Abdelhamid Jelassi"][0] == ["vice"]


def test_a_court_or_a_hospital_read_as_a_person_is_a_body() -> None:
    text = "Lo ha stabilito il Tribunale speciale. Ne ha parlato Mario Rossi."
    people = _people(text, "it", {"Tribunale speciale": "PER", "Mario Rossi": "PER"})
    assert sorted(people) == ["Mario Rossi"]


def test_an_abbreviated_title_keeps_its_full_stop() -> None:
    people = _people("Sen. Bernie Sanders spoke in Ohio.", "en", {"Bernie Sanders": "PER"})
    assert people["Bernie Sanders"][0] == ["Sen."]


def test_a_role_of_someone_else_before_a_name_is_not_that_name_s_role() -> None:
    text = "Ha parlato il portavoce di Muammar Gheddafi. Poi il padre di April Jones ha parlato."
    people = _people(text, "it", {"Muammar Gheddafi": "PER", "April Jones": "PER"})
    assert people == {"Muammar Gheddafi": ([], 1), "April Jones": ([], 1)}
