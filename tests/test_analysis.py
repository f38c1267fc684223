"""Analysing text and stored articles: offsets, language, corrections, the cache, the CLI."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass

import pytest

from briefing import analysis, cli
from briefing.models import Article, Correction
from briefing.nlp import pipeline

TEXT_IT = (
    "Roma, 18 Dicembre 2025. Il fondo da €90bn per Kyiv è stato discusso ieri a Berlino, "
    "dove il 19,3% dei delegati ha seguito @white_lenka su https://example.org/live."
)


# Blank pipelines plus rules, whatever models exist (built once a session: conftest.py).
pytestmark = pytest.mark.usefixtures("rules_only")


def test_entities_point_into_the_given_text():
    result = analysis.analyse_text(TEXT_IT, "it", "2025-12-19")
    assert result.entities
    for entity in result.entities:
        assert TEXT_IT[entity.start : entity.end] == entity.text
    found = {(e.text, e.label, e.value) for e in result.entities}
    assert ("18 Dicembre 2025", "DATE", "2025-12-18") in found
    assert ("ieri", "DATE", "2025-12-18") in found
    assert ("€90bn", "MONEY", "90000000000 EUR") in found
    assert ("19,3%", "PERCENT", "19.3%") in found
    assert ("@white_lenka", "HANDLE", None) in found
    assert ("https://example.org/live", "URL", None) in found
    assert {("Kyiv", "LOC"), ("Berlino", "LOC")} <= {(e.text, e.label) for e in result.entities}


def test_the_analysis_records_its_pipeline():
    result = analysis.analyse_text(TEXT_IT, "it")
    assert result.lang == "it"
    assert result.pipeline == "briefing_it_rules"
    assert result.pipeline_version.endswith("+rules" + pipeline.RULES_VERSION)
    assert result.body_hash == analysis.body_hash(TEXT_IT)


def test_language_is_detected_when_not_given():
    english = "The government said on Tuesday that the talks in Geneva would resume next week."
    assert analysis.analyse_text(english).lang == "en"
    assert analysis.analyse_text(TEXT_IT).lang == "it"
    assert analysis.detect_language("   ") == analysis.DEFAULT_LANG


def test_corrections_are_applied():
    fixes = [
        Correction(id="c", text="Berlino", label="ORG"),
        Correction(id="d", text="Kyiv", label=None),
    ]
    result = analysis.analyse_text(TEXT_IT, "it", corrections=fixes)
    labels = {e.text: (e.label, e.source) for e in result.entities}
    assert labels["Berlino"] == ("ORG", "user")
    assert "Kyiv" not in labels


def test_batches_keep_input_order_across_languages():
    items = [
        analysis.TextItem("Talks in Germany went on.", "en", article_id="a"),
        analysis.TextItem("I colloqui a Mosca.", "it", article_id="b"),
        analysis.TextItem("Paid $5m in Ohio.", "en", article_id="c"),
    ]
    results = list(analysis.analyse_texts(items, batch_size=1))
    assert [r.article_id for r in results] == ["a", "b", "c"]
    assert [r.lang for r in results] == ["en", "it", "en"]
    assert [e.text for e in results[2].entities] == ["$5m", "Ohio"]


# --- the store cache -----------------------------------------------------------------------


@pytest.fixture
def store():
    from briefing.store import Store

    with Store.open() as opened:
        yield opened


def add(store, body: str, lang: str = "it") -> str:
    import hashlib

    digest = hashlib.sha256(body.encode()).hexdigest()
    article = Article(
        id=digest[:12], title="t", body=body, lang=lang, published="2025-12-19", content_hash=digest
    )
    return store.add_article(article).article_id


def test_analyse_article_caches_until_something_changes(store, monkeypatch):
    article_id = add(store, TEXT_IT)
    first = analysis.analyse_article(store, article_id)
    assert store.get_analysis(article_id).entities == first.entities
    calls = []
    real = analysis.analyse_texts
    monkeypatch.setattr(analysis, "analyse_texts", lambda *a, **k: calls.append(1) or real(*a, **k))
    again = analysis.analyse_article(store, article_id)
    assert calls == [] and again.analysed_at == first.analysed_at  # served from the cache
    store.add_correction(Correction(id="", text="Berlino", label="ORG"))
    corrected = analysis.analyse_article(store, article_id)
    assert calls == [1]  # corrections changed: re-analysed
    assert ("Berlino", "ORG") in {(e.text, e.label) for e in corrected.entities}
    assert corrected.corrections_version == store.corrections_version()
    analysis.analyse_article(store, article_id, force=True)
    assert calls == [1, 1]


def test_analyse_many_reports_progress(store):
    ids = [add(store, TEXT_IT), add(store, "Talks in Germany went on for 3 days.", "en")]
    seen = []
    results = analysis.analyse_many(store, ids, lambda done, total: seen.append((done, total)))
    assert [r.article_id for r in results] == ids
    assert seen[-1] == (2, 2)


# --- briefing analyze ------------------------------------------------------------------------


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def run_cli(args, stdin: str, capsys, monkeypatch) -> Run:
    """`briefing ARGS` in this process, on the session's rules-only pipelines (a subprocess
    would build them again, seconds each; tests/test_analyze_hostile.py keeps the real one)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    try:
        code = cli.main(args)
    except SystemExit as stop:  # argparse's usage errors
        code = stop.code
    out, err = capsys.readouterr()
    return Run(code, out, err)


def test_analyze_jsonl_writes_one_line_per_document(capsys, monkeypatch):
    lines = [
        {"id": "x1", "lang": "it", "text": "  Il 19,3% a Kyiv\n\nieri."},
        {"id": "x2", "text": "The fund of $1.2bn went to Germany on Tuesday."},
    ]
    stdin = "".join(json.dumps(line) + "\n" for line in lines)
    proc = run_cli(["analyze", "--jsonl", "-"], stdin, capsys, monkeypatch)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["x1", "x2"]
    assert rows[1]["lang"] == "en"
    for row, given in zip(rows, lines, strict=True):
        assert {"pipeline", "entities", "facts"} <= set(row)
        for e in row["entities"]:
            assert given["text"][e["start"] : e["end"]] == e["text"]  # offsets into the raw text
    assert ("Kyiv", "LOC") in {(e["text"], e["label"]) for e in rows[0]["entities"]}


def test_analyze_jsonl_reports_bad_lines(capsys, monkeypatch):
    stdin = '{"id": "a", "text": "ok"}\nnot json\n'
    proc = run_cli(["analyze", "--jsonl", "-"], stdin, capsys, monkeypatch)
    assert proc.returncode == 1
    assert "line 2" in proc.stderr
    assert [json.loads(x)["id"] for x in proc.stdout.splitlines()] == ["a"]


def test_analyze_file_prints_the_analysis(tmp_path, capsys, monkeypatch):
    path = tmp_path / "article.txt"
    path.write_text(
        "Vertice a Mosca\n\nI colloqui a Mosca costeranno $1.2bn, secondo @white_lenka.\n",
        encoding="utf-8",
    )
    proc = run_cli(["analyze", str(path), "--lang", "it"], "", capsys, monkeypatch)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["pipeline"] == "briefing_it_rules"
    for e in data["entities"]:
        assert data["text"][e["start"] : e["end"]] == e["text"]
    assert {"MONEY", "HANDLE", "LOC"} <= {e["label"] for e in data["entities"]}


def test_analyze_without_input_is_a_usage_error(capsys, monkeypatch):
    assert run_cli(["analyze"], "", capsys, monkeypatch).returncode == 2


def test_facts_come_from_the_analysed_entities():

    fixes = [Correction(id="c", text="Steve Witkoff", label="PER")]
    text = "Steve Witkoff ha detto ieri: «Andremo a Mosca»."
    result = analysis.analyse_text(text, "it", "2025-12-18", fixes)
    assert [p.name for p in result.facts.people] == ["Steve Witkoff"]
    assert [(d.text, d.iso) for d in result.facts.dates] == [("ieri", "2025-12-17")]


def test_empty_and_very_long_texts_are_analysed():
    assert analysis.analyse_text("", "it").entities == []
    # Over spaCy's default limit of a million characters, which would raise.
    long_text = "un testo lungo senza nomi. " * 40_000 + "Il 19,3% a Kyiv."
    assert len(long_text) > 1_000_000
    (result,) = analysis.analyse_texts([analysis.TextItem(long_text, "it")], facts=False)
    assert [(e.text, e.label) for e in result.entities] == [("19,3%", "PERCENT"), ("Kyiv", "LOC")]


@pytest.mark.fault(
    "analysis",
    "a rule component or fact extraction raising on one text of a batch",
    "the other texts analysed in full; that one keeps the model's entities, marked partial",
)
def test_one_text_that_breaks_a_rule_does_not_stop_the_others(monkeypatch):
    from briefing.nlp.rules.shared.regex_rules import RegexEntities  # numbers, social handles, URLs

    real = RegexEntities.__call__

    def fragile(self, doc):
        if "BOOM" in doc.text:
            raise KeyError("a form the rule did not expect")
        return real(self, doc)

    monkeypatch.setattr(RegexEntities, "__call__", fragile)
    texts = ["Il 19,3% a Roma.", "BOOM: il 5% a Berlino.", "Il 7% a Kyiv."]
    items = [analysis.TextItem(text, "it") for text in texts]
    first, broken, last = analysis.analyse_texts(items)
    assert {"PERCENT"} <= {e.label for e in first.entities} | {e.label for e in last.entities}
    assert first.pipeline_version == last.pipeline_version
    assert not first.pipeline_version.endswith(analysis.PARTIAL)
    assert broken.pipeline_version.endswith(analysis.PARTIAL)
    assert all(e.text == texts[1][e.start : e.end] for e in broken.entities)
    assert broken.body_hash == analysis.body_hash(texts[1])


def test_one_staleness_rule_for_the_cli_and_the_reader():
    from briefing.analysis import body_hash, is_fresh
    from briefing.models import Analysis
    from briefing.tui.services import Services

    made = Analysis("a1", "it", "briefing_it_ner", "1.0", body_hash=body_hash("testo"))
    stale = Services().is_stale
    assert is_fresh(made, body_hash("testo"), 0, ("briefing_it_ner", "1.0"))
    assert not is_fresh(made, body_hash("testo"), 0, ("briefing_it_ner", "2.0"))  # upgraded
    for body, corrections in (("testo", 0), ("testo nuovo", 0), ("testo", 1)):
        fresh = is_fresh(made, body_hash(body), corrections)
        assert stale(made, body, corrections) is not fresh
    assert not is_fresh(made, body_hash("testo nuovo"), 0)
    assert not is_fresh(made, body_hash("testo"), 1)
