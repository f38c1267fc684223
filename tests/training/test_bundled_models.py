"""The NER folders committed in the package load with plain spacy.load and say their licence."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

MODELS = Path(__file__).resolve().parents[2] / "briefing" / "nlp" / "models"
FOLDERS = {"it": MODELS / "it_briefing_ner", "en": MODELS / "en_briefing_ner"}
SENTENCES = {
    "it": (
        "Il presidente russo Vladimir Putin ha ricevuto a Mosca l'inviato Steve Witkoff.",
        [("Vladimir Putin", "PER"), ("Mosca", "LOC"), ("Steve Witkoff", "PER")],
    ),
    "en": (
        "Russian President Vladimir Putin met envoy Steve Witkoff in Moscow on Tuesday.",
        [("Vladimir Putin", "PER"), ("Steve Witkoff", "PER"), ("Moscow", "LOC")],
    ),
}


def _folder(lang: str) -> Path:
    folder = FOLDERS[lang]
    assert (folder / "meta.json").exists(), f"{folder.name} is committed: losing it must fail"
    return folder


@pytest.mark.parametrize("lang", ["it", "en"])
def test_folder_is_a_plain_spacy_pipeline_with_meta_and_licence(lang):
    folder = _folder(lang)
    nlp = spacy.load(folder)
    assert nlp.lang == lang
    assert nlp.pipe_names[:2] == ["tok2vec", "ner"]
    assert {"PER", "ORG", "LOC"} <= set(nlp.get_pipe("ner").labels)
    assert nlp.meta["name"] == f"briefing_{lang}_ner"
    assert nlp.meta["version"] == "1.0.0"
    licence = nlp.meta["license"]
    assert licence.startswith("CC BY")
    # the licence stated beside the model matches the one in meta.json
    assert licence in (folder / "LICENSE.md").read_text(encoding="utf-8")
    if lang == "it":
        assert "NC" in licence and "KIND" in (folder / "LICENSE.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["it", "en"])
def test_folder_fits_the_size_budget(lang):
    folder = _folder(lang)
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert size <= 20 * 1024 * 1024


@pytest.mark.parametrize("lang", ["it", "en"])
def test_recognises_people_and_places_in_a_news_sentence(lang):
    nlp = spacy.load(_folder(lang))
    text, expected = SENTENCES[lang]
    found = {(e.text, e.label_) for e in nlp(text).ents}
    assert set(expected) <= found
