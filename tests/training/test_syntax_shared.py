"""The syntax recipe that listens to the NER model's tok2vec (configs/syntax_shared.cfg): its
listeners fit that tok2vec, and training them leaves the tok2vec's weights as they were."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.training.initialize import init_nlp
from spacy.util import load_config

from briefing import paths
from training import train_syntax

NER = paths.bundled_models_dir() / "en_briefing_ner"
CONFIG = train_syntax.HERE / "configs" / "syntax_shared.cfg"

pytestmark = pytest.mark.skipif(not NER.is_dir(), reason="no bundled English NER model")


def _gold(vocab) -> Doc:
    return Doc(
        vocab,
        words=["The", "minister", "said", "it", "."],
        pos=["DET", "NOUN", "VERB", "PRON", "PUNCT"],
        heads=[1, 2, 2, 2, 2],
        deps=["det", "nsubj", "ROOT", "obj", "punct"],
    )


def test_the_listeners_fit_the_ner_tok2vec():
    config = load_config(CONFIG)
    ner = load_config(NER / "config.cfg")
    width = ner["components"]["tok2vec"]["model"]["encode"]["width"]
    assert "tok2vec" in config["training"]["frozen_components"]
    assert "tok2vec" in config["training"]["annotating_components"]
    for name in ("morphologizer", "parser"):
        listener = config["components"][name]["model"]["tok2vec"]
        assert listener["upstream"] == "tok2vec"
        assert listener["width"] == width


def test_training_leaves_the_ner_tok2vec_untouched(tmp_path):
    corpus = tmp_path / "gold.spacy"
    DocBin(docs=[_gold(spacy.blank("en").vocab)]).to_disk(corpus)
    config = load_config(
        CONFIG,
        overrides={
            "paths.ner": str(NER),
            "paths.train": str(corpus),
            "paths.dev": str(corpus),
            "nlp.lang": "en",
            # one sentence: every label is rare, and rare ones would be merged away
            "components.parser.min_action_freq": 1,
        },
    )
    nlp = init_nlp(config)
    before = nlp.get_pipe("tok2vec").model.to_bytes()
    assert before == spacy.load(NER).get_pipe("tok2vec").model.to_bytes()
    parser_before = nlp.get_pipe("parser").model.to_bytes()
    optimizer = nlp.create_optimizer()
    example = Example(nlp.make_doc("The minister said it ."), _gold(nlp.vocab))
    for _ in range(3):
        nlp.update(
            [example],
            sgd=optimizer,
            exclude=config["training"]["frozen_components"],
            annotates=config["training"]["annotating_components"],
        )
    assert nlp.get_pipe("tok2vec").model.to_bytes() == before
    assert nlp.get_pipe("parser").model.to_bytes() != parser_before
