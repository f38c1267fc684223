"""The shipped seed article, analysed by the default Italian pipeline, gives the entities a reader expects."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import analysis
from briefing.nlp import pipeline

SEED_DIR = Path(__file__).resolve().parents[2] / "seeds"
PEOPLE = [
    "Steve Witkoff",
    "Jared Kushner",
    "Kirill Dmitriev",
    "Rustem Umerov",
    "Vladimir Putin",
    "Trump",
]
PLACES = ["Miami", "Mosca", "Kyiv", "Berlino", "Donbass"]
ORGS = ["Nato", "Casa Bianca"]


@pytest.fixture(scope="module")
def seed_analysis():
    assert pipeline._is_pipeline_folder(pipeline.bundled_path("it")), "the bundled model is lost"
    # The raw seed file, dateline included: the module-scoped model run is shared by all tests.
    text = next(SEED_DIR.glob("000_*.txt")).read_text(encoding="utf-8")
    return text, analysis.analyse_text(text, "it")


def labels_of(result, text: str) -> set[str]:
    return {e.label for e in result.entities if e.text == text}


def test_the_bundled_model_analyses_the_seed(seed_analysis):
    _, result = seed_analysis
    meta = pipeline.bundled_meta("it")
    assert result.pipeline == pipeline.pipeline_name(meta, "it")
    assert result.pipeline_version.startswith(meta["version"])


@pytest.mark.parametrize("name", PEOPLE)
def test_people(seed_analysis, name):
    assert labels_of(seed_analysis[1], name) == {"PER"}


@pytest.mark.parametrize("name", PLACES)
def test_places(seed_analysis, name):
    assert labels_of(seed_analysis[1], name) == {"LOC"}


@pytest.mark.parametrize("name", ORGS)
def test_organisations(seed_analysis, name):
    assert labels_of(seed_analysis[1], name) == {"ORG"}


def test_the_dateline_is_a_date_with_its_value(seed_analysis):
    text, result = seed_analysis
    dates = [e for e in result.entities if e.text == "18 Dicembre 2025"]
    assert [(e.label, e.value) for e in dates] == [("DATE", "2025-12-18")]
    assert text[dates[0].start : dates[0].end] == "18 Dicembre 2025"
