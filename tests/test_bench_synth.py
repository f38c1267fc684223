"""benchmarks/synth.py: deterministic, varied articles whose synthetic analyses point at real text."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from briefing.ingest import import_sources
from briefing.models import Article
from briefing.store import Store

SYNTH = Path(__file__).resolve().parent.parent / "benchmarks" / "synth.py"


@pytest.fixture(scope="module")
def synth():
    spec = importlib.util.spec_from_file_location("bench_synth", SYNTH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_synth"] = module
    spec.loader.exec_module(module)
    return module


def test_same_seed_same_articles_other_seed_others(synth) -> None:
    first = [a.body for a in synth.articles(30, seed=3)]
    assert first == [a.body for a in synth.articles(30, seed=3)]
    assert first != [a.body for a in synth.articles(30, seed=4)]


def test_bodies_are_varied_and_both_languages_present(synth) -> None:
    made = list(synth.articles(200))
    assert len({a.body for a in made}) == 200
    assert len({a.title for a in made}) > 150
    langs = {a.lang for a in made}
    assert langs == {"it", "en"}
    # Italian bodies come from the seed's sentences, with its names swapped for others
    italian = " ".join(a.body for a in made if a.lang == "it")
    assert "delegazione" in italian
    assert len({p for p in synth.PEOPLE if p in italian}) > 10
    assert any(a.tags for a in made) and any(a.note for a in made)


def test_analysis_offsets_point_at_the_entity_text(synth) -> None:
    for article in synth.articles(20, seed=5):
        analysis = synth.synthetic_analysis(article)
        assert analysis.entities
        for entity in analysis.entities:
            assert article.body[entity.start : entity.end] == entity.text
        for person in analysis.facts.people:
            for start, end in person.spans:
                assert article.body[start:end] == person.name
        for quote in analysis.facts.quotes:
            assert article.body[quote.start : quote.end] == quote.text


def test_build_writes_a_store_with_analyses_highlights_and_notes(synth, tmp_path: Path) -> None:
    figures = synth.build(tmp_path / "store", 60, seed=2)
    assert figures["count"] == 60
    with Store.open(tmp_path / "store", backups_dir=tmp_path / "b", auto_backup=False) as store:
        stored = store.articles()
        assert len(stored) == 60
        assert all(store.get_analysis(a.id) is not None for a in stored)
        assert len(store.summaries()) == 60
        assert len(store.highlights()) == 3  # one in 25, per batch
        for mark in store.highlights():
            assert store.body(mark.article_id)[mark.start : mark.end] == mark.text
        assert any(a.note for a in stored)


def test_files_import_through_the_real_importers(synth, tmp_path: Path) -> None:
    paths = synth.write_files(tmp_path / "files", 12, seed=9, shape="markdown")
    assert {p.suffix for p in paths} == {".md", ".txt"}
    results = list(import_sources([str(tmp_path / "files")]))
    imported = [r for r in results if isinstance(r, Article)]
    assert len(imported) == 12
    expected = {a.title for a in synth.articles(12, seed=9)}
    assert {a.title for a in imported} == expected


def test_seed_shaped_files_import_with_their_dates_and_languages(synth, tmp_path: Path) -> None:
    paths = synth.write_files(tmp_path / "files", 12, seed=9)
    assert {p.suffix for p in paths} == {".md", ".txt", ".html"}
    made = {f"{i:06d}": a for i, a in enumerate(synth.articles(12, seed=9))}
    for path in paths:
        results = list(import_sources([str(path)]))
        assert len(results) == 1 and isinstance(results[0], Article), path
        article, original = results[0], made[path.stem]
        # The date line (text), the meta tags (HTML) or the front matter (Markdown).
        assert (article.published or "")[:10] == original.published, path
        assert article.lang == original.lang, path
        if path.suffix == ".txt":  # the site's furniture is dropped, the body kept
            assert "Articoli Recenti" not in article.body
            assert original.body.split(".")[0] in article.body
