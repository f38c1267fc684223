"""Dropping redundant tokenizer exceptions changes no token, only how often the cache works."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.nlp.tokenizing import drop_redundant_special_cases

PIECES = [
    "—", "–", "\n", "\n\n", "\t", " ", "\u00a0", "po'", "po’", "E'", "l'art.", "dell'", "s.p.a.",
    "Mr.", "Dr.", "don't", "It's", "U.S.", "a.m.", ":)", "(:", "(—)", "«", "»", '"', "'", "''",
    "Roma", "Mosca", "2025", "1.234,5", "e-mail", "week-end", "nord-est", ".", ",", "(", ")",
    "vs.", "etc.", "ecc.", "n°", "<3", "c/c",
]  # fmt: skip


def _tokenizers(lang: str):
    plain = spacy.blank(lang).tokenizer
    lean = spacy.blank(lang).tokenizer
    return plain, lean, drop_redundant_special_cases(lean)


def _split(tokenizer, text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.norm_, t.whitespace_) for t in tokenizer(text)]


@pytest.mark.parametrize("lang", ["it", "en"])
def test_only_exceptions_the_affix_rules_reproduce_are_dropped(lang):
    plain, lean, dropped = _tokenizers(lang)
    assert {"—", "\n"} <= set(dropped)
    assert "po'" not in dropped and "Mr." not in dropped  # they would split without the rule
    assert set(dropped) <= set(plain.rules)
    assert not set(dropped) & set(lean.rules)
    for key in dropped:
        assert _split(lean, key) == _split(plain, key)


ITALIAN, ENGLISH = _tokenizers("it"), _tokenizers("en")


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=25),
    joiners=st.lists(st.sampled_from(["", " ", "\n"]), min_size=25, max_size=25),
    english=st.booleans(),
)
def test_every_text_splits_as_before(parts, joiners, english):
    plain, lean, _ = ENGLISH if english else ITALIAN
    text = "".join(part + joiner for part, joiner in zip(parts, joiners, strict=False))
    assert _split(lean, text) == _split(plain, text)


def test_a_loaded_pipeline_has_a_tuned_tokenizer(tmp_path, monkeypatch):
    from briefing.nlp import pipeline, tokenizing

    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path))
    tokenizer = pipeline.load("it").nlp.tokenizer
    assert "—" not in tokenizer.rules and "po'" in tokenizer.rules
    assert tokenizer.max_cache_size >= tokenizing.CACHE_CHUNKS
