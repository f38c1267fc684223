"""Quotes with their speaker, scare quotes left out, reported speech kept as a claim."""

from __future__ import annotations

from briefing.facts import extract_facts
from tests.support.facts_docs import make_doc


def _quotes(text: str, lang: str, entities: dict[str, str]) -> list[tuple[str | None, str, bool]]:
    facts = extract_facts(make_doc(text, lang, entities), lang, "2025-12-18")
    for q in facts.quotes:
        assert text[q.start : q.end] == q.text
    return [(q.speaker, q.text, q.reported) for q in facts.quotes]


def test_italian_guillemets_with_speaker_after() -> None:
    text = "«Non ci tireremo indietro di un passo», ha detto Putin ai militari."
    assert _quotes(text, "it", {"Putin": "PER"}) == [
        ("Putin", "Non ci tireremo indietro di un passo", False)
    ]


def test_reported_speech_and_quote_in_it_share_the_speaker() -> None:
    text = (
        "Il presidente Vladimir Putin, parlando a Mosca, ha ribadito che la Russia non si tirerà "
        "indietro dalla sua missione di “liberare le sue terre storiche”, aggiungendo che i “maialini” "
        "europei perderanno il potere. Putin ha poi lasciato la sala."
    )
    quotes = _quotes(
        text, "it", {"Vladimir Putin": "PER", "Mosca": "LOC", "Russia": "LOC", "Putin": "PER"}
    )
    assert ("Vladimir Putin", "liberare le sue terre storiche", False) in quotes
    claims = [(s, t) for s, t, reported in quotes if reported]
    assert claims[0] == (
        "Vladimir Putin",
        "la Russia non si tirerà indietro dalla sua missione di “liberare le sue terre storiche”",
    )
    assert claims[1][0] == "Vladimir Putin" and claims[1][1].startswith("i “maialini”")
    # "maialini" is a scare quote inside the claim, not a quote of its own.
    assert not any(t == "maialini" for _, t, _ in quotes)


def test_english_curly_quotes_with_said_before_and_after() -> None:
    text = (
        "“Real progress depends on Russia,” Steve Witkoff said on Friday. "
        'Zelensky told reporters: "The world clearly feels there is a real opportunity."'
    )
    quotes = _quotes(text, "en", {"Steve Witkoff": "PER", "Russia": "LOC", "Zelensky": "PER"})
    assert ("Steve Witkoff", "Real progress depends on Russia,", False) in quotes
    assert ("Zelensky", "The world clearly feels there is a real opportunity.", False) in quotes


def test_inverted_english_frame_and_pronoun() -> None:
    text = 'Donald Trump arrived late. "The talks were reasonably good and useful," he said.'
    quotes = _quotes(text, "en", {"Donald Trump": "PER"})
    assert quotes == [("Donald Trump", "The talks were reasonably good and useful,", False)]


def test_short_quote_closing_a_speech_clause_is_speech() -> None:
    text = 'The Kremlin said there had been "no compromise".'
    assert _quotes(text, "en", {"Kremlin": "ORG"}) == [("Kremlin", "no compromise", False)]


def test_scare_quotes_are_not_quotes() -> None:
    text = "Sul tavolo c'è un pacchetto di “garanzie di sicurezza” occidentali per Kiev."
    assert _quotes(text, "it", {"Kiev": "LOC"}) == []


def test_quote_with_an_unnamed_source() -> None:
    text = "Secondo un funzionario europeo, le truppe sarebbero dislocate a ovest “per aiutare a ricostruire le forze ucraine”."
    assert _quotes(text, "it", {}) == [
        ("funzionario europeo", "per aiutare a ricostruire le forze ucraine", False)
    ]


def test_english_reported_speech() -> None:
    text = "Zelensky said that the world clearly feels there is a real opportunity to end the war."
    quotes = _quotes(text, "en", {"Zelensky": "PER"})
    assert quotes == [
        ("Zelensky", "the world clearly feels there is a real opportunity to end the war", True)
    ]


def test_docs_without_sentence_boundaries_are_split_by_punctuation() -> None:
    import spacy

    nlp = spacy.blank("it")  # no sentencizer: a trained NER-only pipeline looks like this
    text = "Putin è arrivato. «Non cederemo mai su nulla», ha detto. Poi Rossi ha parlato a lungo."
    doc = nlp(text)
    rossi = text.index("Rossi")
    doc.ents = [doc.char_span(0, 5, label="PER"), doc.char_span(rossi, rossi + 5, label="PER")]
    facts = extract_facts(doc, "it", None)
    assert [(q.speaker, q.text) for q in facts.quotes] == [("Putin", "Non cederemo mai su nulla")]


def test_split_sentences() -> None:
    from briefing.text import split_sentences

    text = "Primo punto. «Secondo punto.» Terzo\nQuarto"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Primo punto.",
        "«Secondo punto.»",
        "Terzo",
        "Quarto",
    ]


def test_a_counted_group_and_then_they() -> None:
    text = (
        "The meeting between Witkoff and Kushner and Rustem Umerov, and Andriy Hnatov was long. "
        'In the statement the four said the priority is "securing a settlement that protects its independence". '
        'Peace is needed to "prevent renewed aggression and enable the redevelopment plan," they said.'
    )
    entities = {"Witkoff": "PER", "Kushner": "PER", "Rustem Umerov": "PER", "Andriy Hnatov": "PER"}
    quotes = [(s, t) for s, t, reported in _quotes(text, "en", entities) if not reported]
    group = "Witkoff, Kushner, Rustem Umerov, Andriy Hnatov"
    assert quotes == [
        (group, "securing a settlement that protects its independence"),
        (group, "prevent renewed aggression and enable the redevelopment plan,"),
    ]


def test_they_alone_names_no_one() -> None:
    text = 'Rossi arrived. "We will not give up on anything at all," they said.'
    assert _quotes(text, "en", {"Rossi": "PER"}) == [
        (None, "We will not give up on anything at all,", False)
    ]


def test_a_clause_after_a_noun_is_not_reported_speech() -> None:
    text = "Officials described the American demand that Sudan stop the bombing as reasonable."
    assert [q for q in _quotes(text, "en", {"Sudan": "LOC"}) if q[2]] == []


def test_reported_speech_to_a_listener_and_past_an_abbreviation() -> None:
    text = "Il ministro Rossi ha detto ai giornalisti che il piano di Mr. Smith è pronto. Poi è uscito."
    quotes = _quotes(text, "it", {"Rossi": "PER", "Smith": "PER"})
    assert quotes == [("Rossi", "il piano di Mr. Smith è pronto", True)]


def test_a_place_right_before_a_quote_is_not_its_speaker() -> None:
    text = (
        "Secondo un funzionario europeo, alcune unità sarebbero dislocate nell’Ucraina occidentale "
        "“per aiutare a ricostruire le forze ucraine”."
    )
    quotes = _quotes(text, "it", {"Ucraina occidentale": "LOC"})
    assert quotes == [("funzionario europeo", "per aiutare a ricostruire le forze ucraine", False)]


def test_a_middle_initial_does_not_end_the_claim() -> None:
    text = "Officials said that they had briefed President-elect Donald J. Trump on the plan."
    quotes = _quotes(text, "en", {})
    assert [(s, t) for s, t, _ in quotes] == [
        ("Officials", "they had briefed President-elect Donald J. Trump on the plan")
    ]


def test_split_sentences_keeps_initials_and_titles() -> None:
    from briefing.text import join_abbreviations, split_sentences

    text = "Donald J. Trump met Mr. Smith. Then he left."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Donald J. Trump met Mr. Smith.",
        "Then he left.",
    ]
    broken = [(0, 9), (10, 30), (31, 44)]  # a sentencizer that split after "J."
    assert join_abbreviations(text, broken) == [(0, 30), (31, 44)]


def test_a_quote_inside_a_quote_is_part_of_it() -> None:
    text = "«Abbiamo detto “basta” e lo ripetiamo», ha dichiarato Rossi."
    assert _quotes(text, "it", {"Rossi": "PER"}) == [
        ("Rossi", "Abbiamo detto “basta” e lo ripetiamo", False)
    ]


def test_words_on_a_banner_are_the_banners_not_a_nearby_persons() -> None:
    text = (
        "Ricordano gli adesivi di Anna Frank e lo striscione esposto in curva Nord nel derby "
        'di ritorno del 2001: "Auschwitz la vostra patria, i forni le vostre case", tra gli altri.'
    )
    quotes = _quotes(text, "it", {"Anna Frank": "PER", "Auschwitz": "LOC"})
    assert quotes == [
        (
            "striscione esposto in curva Nord",
            "Auschwitz la vostra patria, i forni le vostre case",
            False,
        )
    ]


def test_a_speech_frame_still_wins_over_a_banner_in_the_sentence() -> None:
    text = (
        "Il cartello è stato rimosso, ha detto il sindaco Gualtieri: «Una vergogna per la città»."
    )
    quotes = _quotes(text, "it", {"Gualtieri": "PER"})
    assert quotes == [("Gualtieri", "Una vergogna per la città", False)]


def test_english_placard() -> None:
    text = 'Protesters held a placard reading "No more wars in our name" outside the embassy.'
    assert _quotes(text, "en", {}) == [("placard reading", "No more wars in our name", False)]


def test_a_dash_and_a_name_after_a_quote_sign_it() -> None:
    text = (
        "“Fear. I am truly afraid of what comes next for all of us.” ― Karen Bobadilla. "
        "“Nobody listens to the people who work, and Mary Smith knows it.” ― Luis Olidem"
    )
    found = _quotes(
        text, "en", {"Karen Bobadilla": "PER", "Mary Smith": "PER", "Luis Olidem": "PER"}
    )
    assert [(speaker, reported) for speaker, _, reported in found] == [
        ("Karen Bobadilla", False),
        ("Luis Olidem", False),
    ]


def test_a_signature_the_recogniser_missed_and_a_quote_opened_with_the_closing_mark() -> None:
    # Web text: reader comments opened with ” and signed with names no entity covers.
    text = (
        "Getty.  ”He represents our greatest shame.” ― Sonya Herridge "
        "“He is ignorant of our culture.” ― Edwin G. Monroy\n"
    )
    found = _quotes(text, "en", {})
    assert [(speaker, quote) for speaker, quote, _ in found] == [
        ("Sonya Herridge", "He represents our greatest shame."),
        ("Edwin G. Monroy", "He is ignorant of our culture."),
    ]


def test_a_transcript_label_names_the_speaker_of_its_turn() -> None:
    text = (
        "Mike Pence spoke to Chris Wallace on Sunday. "
        '"PENCE: Well, look, this is serious business and the people know it."'
    )
    found = _quotes(text, "en", {"Mike Pence": "PER", "Chris Wallace": "PER"})
    assert [speaker for speaker, _, _ in found] == ["Mike Pence"]


def test_a_claim_inside_a_longer_claim_of_the_same_speaker_is_shown_once() -> None:
    from briefing.facts.quotes import _without_nested
    from briefing.models import Quote

    outer = Quote("Rossi", "he expected to be briefed by the team", 0, 38, reported=True)
    inner = Quote("Rossi", "be briefed by the team", 16, 38, reported=True)
    other = Quote("Bianchi", "be briefed by the team", 16, 38, reported=True)
    assert _without_nested([outer, inner, other]) == [outer, other]


def test_two_apostrophes_for_each_mark_make_a_quote() -> None:
    text = "''There's a lot of new complexity,'' said Mr. Burman. Don''t count this."
    found = _quotes(text, "en", {"Burman": "PER"})
    assert [quote for _, quote, _ in found] == ["There's a lot of new complexity,"]


def test_a_signature_set_off_by_no_break_spaces_still_signs() -> None:
    text = "“I am so ashamed of this.”\xa0― Jacklyn Ashley\xa0\n“Build a wall around him.” ― Steve Quinlan.\n"
    found = _quotes(text, "en", {})
    assert [speaker for speaker, _, _ in found] == ["Jacklyn Ashley", "Steve Quinlan"]


def test_a_quote_opened_curly_and_closed_straight_is_one_quote() -> None:
    text = '“Immunity deals should not be a requirement," Jason Chaffetz said, adding they went out "like candy."'
    found = _quotes(text, "en", {"Jason Chaffetz": "PER"})
    assert [(speaker, quote) for speaker, quote, reported in found if not reported] == [
        ("Jason Chaffetz", "Immunity deals should not be a requirement,"),
        ("Jason Chaffetz", "like candy."),
    ]


def test_a_quote_holding_a_quoted_word_is_one_quote() -> None:
    text = "“I’d rather live in what he calls “hell” than live in his world.” ― Adriana Rodarte\n"
    found = _quotes(text, "en", {})
    assert [(speaker, quote) for speaker, quote, _ in found] == [
        ("Adriana Rodarte", "I’d rather live in what he calls “hell” than live in his world.")
    ]


def test_a_quote_over_several_paragraphs_opens_each_and_closes_the_last() -> None:
    text = (
        "Smith spoke to the board on Monday.\n\n"
        "“In an illustration of the lack of enthusiasm, only a quarter of donors gave.\n\n"
        "“Without this network, the campaign must hold more fund-raisers,” Smith said.\n"
    )
    found = _quotes(text, "en", {"Smith": "PER"})
    assert [quote[:17] for _, quote, reported in found if not reported] == [
        "In an illustratio",
        "Without this netw",
    ]


def test_a_paragraph_opened_curly_and_closed_straight_keeps_the_frames_inside() -> None:
    # A quoted report: its own frame ("ha dichiarato") still names the speaker.
    text = (
        "Lo scrive la rete.\n“Anna Rossi, sottosegretaria, ha dichiarato a luglio che "
        "l'Artico riveste un'importanza notevole per la sicurezza della regione\".\n"
    )
    found = _quotes(text, "it", {"Anna Rossi": "PER"})
    assert not any(quote.startswith("Anna Rossi") for _, quote, _ in found)


def test_titles_in_quotes_are_not_speech_and_names_in_them_speak_no_quote() -> None:
    text = (
        "Rubio said the refugees could not be checked, Rubio said on ABC's "
        '"This Week With George Stephanopoulos." "Because there is no way to check anyone."'
    )
    quotes = _quotes(text, "en", {"Rubio": "PER", "ABC": "ORG", "George Stephanopoulos": "PER"})
    direct = [(speaker, said) for speaker, said, reported in quotes if not reported]
    assert direct == [("Rubio", "Because there is no way to check anyone.")]


def test_a_quote_opened_plain_and_closed_curly_ends_before_its_frame() -> None:
    text = (
        '"Never underestimate Trump. He is hard to predict,” Reid said on Wednesday. '
        '“A real unusual deal we have here."'
    )
    quotes = _quotes(text, "en", {"Trump": "PER", "Reid": "PER"})
    assert quotes[0] == ("Reid", "Never underestimate Trump. He is hard to predict,", False)
    assert quotes[1][1] == "A real unusual deal we have here."
