"""Helpers for the importer tests: every input is written by the test itself."""

from __future__ import annotations

from briefing.ingest import ImportFailure
from briefing.models import Article


def articles(results: list) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def failures(results: list) -> list[ImportFailure]:
    return [r for r in results if isinstance(r, ImportFailure)]


def only_article(results: list) -> Article:
    assert len(results) == 1, results
    assert isinstance(results[0], Article), results[0]
    return results[0]


def only_failure(results: list) -> ImportFailure:
    assert len(results) == 1, results
    assert isinstance(results[0], ImportFailure), results[0]
    assert "\n" not in results[0].reason and results[0].reason
    return results[0]
