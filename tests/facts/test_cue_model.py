"""The learned English cue judge: a stance verb no list names becomes a frame where its parse
says someone takes a stance, and not where a thing does something."""

from __future__ import annotations

from spacy.tokens import Doc

from briefing.facts import cue_model, extract_facts
from briefing.facts.reporting import find_frames
from briefing.facts.syntax import Parse
from briefing.facts.verbs import LEARNED, reporting_verbs
from tests.facts.test_syntax_facts import parsed

PAST = "Tense=Past|VerbForm=Fin"


def _backed(subject: list[tuple[str, str]], people: dict | None = None) -> Doc:
    """'<subject> backed the plan .': the subject's last word (word, POS) is its head."""
    n = len(subject)
    rows = [
        *[(word, n - 1, "det", pos) for word, pos in subject[:-1]],
        (subject[-1][0], n, "nsubj", subject[-1][1]),
        ("backed", n, "ROOT", "VERB", PAST), ("the", n + 2, "det", "DET"),
        ("plan", n, "obj", "NOUN"), (".", n, "punct", "PUNCT"),
    ]  # fmt: skip
    return parsed("en", rows, people)


def test_no_list_names_the_stance_verb_the_judge_is_for() -> None:
    assert "backed" not in reporting_verbs("en")


def test_a_named_person_backing_a_plan_is_a_source() -> None:
    doc = _backed([("Sanders", "PROPN")], {"Sanders": (0, 1)})
    frames = find_frames(Parse.from_doc(doc), "en", [])
    assert [(f.kind, doc.text[f.cue[0] : f.cue[1]]) for f in frames] == [(LEARNED, "backed")]
    assert [a.source for a in extract_facts(doc, "en", "2016-05-02").attributions] == ["Sanders"]


def test_a_thing_that_backs_is_no_source() -> None:
    # "A cheering section backed the team": the judge may like the verb, but no one spoke.
    doc = _backed([("The", "DET"), ("section", "NOUN")])
    assert find_frames(Parse.from_doc(doc), "en", []) == []


def test_a_verb_with_no_active_subject_is_never_judged() -> None:
    rows = [
        ("The", 1, "det", "DET"), ("plan", 3, "nsubj:pass", "NOUN"),
        ("was", 3, "aux:pass", "AUX"), ("backed", 3, "ROOT", "VERB", PAST),
        (".", 3, "punct", "PUNCT"),
    ]  # fmt: skip
    parse = Parse.from_doc(parsed("en", rows))
    assert not cue_model.candidate(parse, parse.tokens[3])
    assert not cue_model.is_cue(parse, parse.tokens[3], "en")


def test_a_word_training_never_saw_as_a_cue_is_not_guessed_from_its_parse() -> None:
    known = Parse.from_doc(_backed([("Sanders", "PROPN")], {"Sanders": (0, 1)}))
    rows = [
        ("Sanders", 1, "nsubj", "PROPN"), ("zorbled", 1, "ROOT", "VERB", PAST),
        ("the", 3, "det", "DET"), ("plan", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    unknown = Parse.from_doc(parsed("en", rows, {"Sanders": (0, 1)}))
    assert cue_model.is_cue(known, known.tokens[1], "en")
    assert not cue_model.is_cue(unknown, unknown.tokens[1], "en")


def test_features_name_the_verb_its_subject_and_its_dependents() -> None:
    parse = Parse.from_doc(_backed([("Sanders", "PROPN")], {"Sanders": (0, 1)}))
    found = cue_model.features(parse, parse.tokens[1])
    assert {"w=backed", "sk=ent:PER", "kid=obj", "kl=obj=plan", "w|kl=backed|obj=plan"} <= set(
        found
    )
    assert found == cue_model.features(parse, parse.tokens[1])


def test_italian_has_no_judge() -> None:
    rows = [
        ("Rossi", 1, "nsubj", "PROPN"), ("appoggiò", 1, "ROOT", "VERB", PAST),
        ("il", 3, "det", "DET"), ("piano", 1, "obj", "NOUN"), (".", 1, "punct", "PUNCT"),
    ]  # fmt: skip
    parse = Parse.from_doc(parsed("it", rows, {"Rossi": (0, 1)}))
    assert not cue_model.is_cue(parse, parse.tokens[1], "it")


def _who_endorsed(noun: tuple[str, str], people: dict | None = None) -> Doc:
    """'<noun> , who endorsed the plan , won .': "endorsed" is a learned cue form."""
    rows = [
        (noun[0], 8, "nsubj", noun[1]), (",", 3, "punct", "PUNCT"), ("who", 3, "nsubj", "PRON"),
        ("endorsed", 0, "acl:relcl", "VERB", PAST), ("the", 5, "det", "DET"),
        ("plan", 3, "obj", "NOUN"), (",", 3, "punct", "PUNCT"), ("easily", 8, "advmod", "ADV"),
        ("won", 8, "ROOT", "VERB", PAST), (".", 8, "punct", "PUNCT"),
    ]  # fmt: skip
    return parsed("en", rows, people)


def test_a_stance_in_a_relative_clause_on_someone_is_theirs() -> None:
    assert reporting_verbs("en")["endorsed"] == LEARNED
    doc = _who_endorsed(("Sanders", "PROPN"), {"Sanders": (0, 1)})
    found = extract_facts(doc, "en", "2016-05-02").attributions
    assert [(a.source, a.kind) for a in found] == [("Sanders", LEARNED)]


def test_a_stance_in_a_relative_clause_on_a_thing_is_no_one_s() -> None:
    doc = _who_endorsed(("measure", "NOUN"))
    assert extract_facts(doc, "en", "2016-05-02").attributions == []
