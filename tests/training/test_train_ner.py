"""The training data conversion: cutting, augmenting and aligning spans never corrupts them."""

from __future__ import annotations

import json
import random

import spacy
from spacy.tokens import DocBin

from training import train_ner
from training.train_ner import Example, Recipe

ARTICLE = (
    "Putin riceve Witkoff a Mosca\n"
    "Il presidente Vladimir Putin ha incontrato Steve Witkoff al Cremlino. "
    "«Un incontro utile», ha detto Dmitriev. La Nato resta in attesa a Bruxelles."
)


def _spans(text: str, *pairs: tuple[str, str]) -> tuple[tuple[int, int, str], ...]:
    """Spans for the first occurrence at or after the previous one of each surface form."""
    out, pos = [], 0
    for surface, label in pairs:
        start = text.index(surface, pos)
        out.append((start, start + len(surface), label))
        pos = start + len(surface)
    return tuple(out)


def _article() -> Example:
    ents = _spans(
        ARTICLE,
        ("Putin", "PER"),
        ("Witkoff", "PER"),
        ("Mosca", "LOC"),
        ("Vladimir Putin", "PER"),
        ("Steve Witkoff", "PER"),
        ("Cremlino", "LOC"),
        ("Dmitriev", "PER"),
        ("Nato", "ORG"),
        ("Bruxelles", "LOC"),
    )
    return Example(ARTICLE, ents, "test")


def _surfaces(ex: Example) -> list[tuple[str, str]]:
    return [(ex.text[s:e], label) for s, e, label in ex.entities]


def test_split_keeps_every_entity_with_its_surface():
    article = _article()
    parts = list(train_ner.split_example(article))
    assert len(parts) == 4  # headline + three sentences
    assert parts[0].text == "Putin riceve Witkoff a Mosca"
    assert [pair for p in parts for pair in _surfaces(p)] == _surfaces(article)
    assert all(p.text == p.text.strip() for p in parts)


def test_split_never_cuts_inside_an_entity():
    text = "Lo ha detto il dott. Rossi. Poi A. B. Costa è partito."
    # a (made-up) entity spanning a sentence-like boundary must stay whole
    ents = _spans(text, ("Rossi. Poi A. B. Costa", "PER"))
    parts = list(train_ner.split_example(Example(text, ents)))
    kept = [pair for p in parts for pair in _surfaces(p)]
    assert kept == [("Rossi. Poi A. B. Costa", "PER")]


def test_caps_copy_keeps_offsets_and_skips_length_changes():
    article = _article()
    copy = train_ner.caps_copy(article)
    assert copy is not None and copy.text == ARTICLE.upper()
    assert [(s.upper(), lab) for s, lab in _surfaces(article)] == _surfaces(copy)
    assert train_ner.caps_copy(Example("Straße in Köln", ((10, 14, "LOC"),))) is None


def test_dateline_copies_label_the_city_and_shift_the_rest():
    recipe = Recipe(lang="en", train=[], dev=[], dateline_fraction=1.0)
    base = Example("Steve Witkoff met officials.", ((0, 13, "PER"),))
    copies = train_ner.dateline_copies([base] * 20, recipe, random.Random(3))
    assert len(copies) == 20
    for copy in copies:
        (city_s, city_e, city_label), (per_s, per_e, per_label) = copy.entities
        assert city_label == "LOC" and per_label == "PER"
        city = copy.text[city_s:city_e]
        assert city and city[0].isupper() and copy.text.endswith(base.text)
        assert copy.text[per_s:per_e] == "Steve Witkoff"


def test_docbin_spans_sit_on_tokens():
    nlp = spacy.blank("it")
    ex = _article()
    db, kept, lost = train_ner.to_docbin(nlp, [ex])
    (doc,) = db.get_docs(nlp.vocab)
    assert (kept, lost) == (len(ex.entities), 0)
    assert [(e.text, e.label_) for e in doc.ents] == _surfaces(ex)


def test_docbin_contracts_a_span_that_cuts_a_token():
    nlp = spacy.blank("en")
    # the gold span stops inside "Romans'" -> contracted to whole tokens inside it
    ex = Example("Rome and Romans'", ((0, 4, "LOC"), (9, 14, "MISC")))
    db, kept, lost = train_ner.to_docbin(nlp, [ex])
    (doc,) = db.get_docs(nlp.vocab)
    assert [e.text for e in doc.ents] == ["Rome"]
    assert (kept, lost) == (1, 1)


def test_build_corpus_holds_out_articles_and_drops_unknown_labels(tmp_path):
    data = tmp_path / "data"
    (data / "it").mkdir(parents=True)
    ex = _article()
    rows = [{"text": ex.text, "entities": [list(e) for e in ex.entities]} for _ in range(4)]
    rows.append({"text": "Il Louvre è a Parigi.", "entities": [[3, 9, "MISC"], [14, 20, "LOC"]]})
    with (data / train_ner.KIND).open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in rows)
    recipe = Recipe(lang="it", train=[train_ner.KIND], dev=[], holdout_mod=5, caps_fraction=1.0)
    counts = train_ner.build_corpus(recipe, data, tmp_path / "corpus")
    # four articles of four parts each, then one ALL-CAPS copy of each part with entities
    assert counts["train"]["examples"] == 4 * 4 * 2
    assert counts["dev"] == {"examples": 1, "spans": 1, "misaligned": 0}
    nlp = spacy.blank("it")
    dev_docs = list(DocBin().from_disk(tmp_path / "corpus" / "dev.spacy").get_docs(nlp.vocab))
    assert [(e.text, e.label_) for e in dev_docs[0].ents] == [("Parigi", "LOC")]


def test_name_variant_copy_shortens_people_only():
    ex = _article()
    copy = train_ner.name_variant_copy(ex, random.Random(0))
    assert copy is not None
    surfaces = _surfaces(copy)
    # every span still covers text of its label; multi-word people end with their surname
    assert [lab for _, lab in surfaces] == [lab for _, lab in _surfaces(ex)]
    assert surfaces[3][0] in ("Putin", "V. Putin") and surfaces[4][0] in ("Witkoff", "S. Witkoff")
    assert surfaces[6:] == _surfaces(ex)[6:]
    assert copy.text.endswith("La Nato resta in attesa a Bruxelles.")
    assert train_ner.name_variant_copy(Example("Roma", ((0, 4, "LOC"),)), random.Random(0)) is None


def test_sports_lines_label_clubs_org_and_players_per():
    people = [Example("Steve Witkoff met Jared Kushner.", ((0, 13, "PER"), (18, 31, "PER")))]
    lines = train_ner.sports_examples(people, 40, random.Random(5))
    cities = set(train_ner._cities("en"))
    assert len(lines) == 40
    for line in lines:
        assert line.entities
        for surface, label in _surfaces(line):
            if label == "PER":
                assert surface.split()[-1] in ("Witkoff", "Kushner")
            else:
                assert label in ("ORG", "LOC") and surface in cities


def test_misc_masking_leaves_capitalised_tokens_of_partial_sources_unlabelled():
    nlp = spacy.blank("en")
    text = "Steve Witkoff praised the German plan."
    partial = Example(text, ((0, 13, "PER"),), "en/btc")
    full = Example(text, ((0, 13, "PER"), (26, 32, "MISC")), "en/wikigold")
    db, _, _ = train_ner.to_docbin(nlp, [partial, full], mask_misc=True)
    masked, complete = db.get_docs(nlp.vocab)
    # "German" is unknown (missing) where the source never annotates MISC, MISC where it does
    assert [t.ent_iob_ for t in masked] == ["B", "I", "O", "O", "", "O", "O"]
    assert [(e.text, e.label_) for e in complete.ents] == [
        ("Steve Witkoff", "PER"),
        ("German", "MISC"),
    ]


def test_entity_swap_copy_puts_same_label_entities_where_the_old_ones_were():
    ex = _article()
    pools = {"PER": ["Anna Maria Bianchi"], "LOC": ["Reggio Calabria"], "ORG": ["Banca Etica"]}
    copy = train_ner.entity_swap_copy(ex, pools, random.Random(0))
    assert [copy.text[s:e] for s, e, _ in copy.entities] == [
        pools[label][0] for _, _, label in sorted(ex.entities)
    ]
    assert [label for _, _, label in copy.entities] == [
        label for _, _, label in sorted(ex.entities)
    ]
    # the words between entities are untouched
    assert copy.text.startswith("Anna Maria Bianchi riceve Anna Maria Bianchi a Reggio Calabria\n")
