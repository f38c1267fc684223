"""Markdown with and without YAML front matter."""

from __future__ import annotations

import pytest

from briefing.ingest import import_file, import_text
from tests.support.imports import only_article

POST = """---
layout: post
title: "Breaking: Talks in Moscow end without a deal"
date: 2025-12-03T01:57:20
author: "badely"
tags: [News, Ukraine]
source: Example News
url: https://example.org/news/talks
---

Here's what you need to know: five hours of **talks** between the
[two delegations](https://example.org/x) ended late on Tuesday.

![a photo](https://example.org/p.jpg)

## What comes next

Officials said they would meet again *next week*, according to a statement.

Sign up for our newsletter
"""


def test_front_matter_metadata_and_plain_body(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(POST, encoding="utf-8")
    article = only_article(import_file(path))
    assert article.title == "Breaking: Talks in Moscow end without a deal"
    assert article.published == "2025-12-03T01:57:20"
    assert article.author == "badely"
    assert article.tags == ["News", "Ukraine"]
    assert article.source == "Example News"
    assert article.url == "https://example.org/news/talks"
    assert article.lang == "en"
    assert article.origin == str(path)
    assert article.body.startswith(
        "Here's what you need to know: five hours of talks between the two delegations ended"
    )
    assert "What comes next" in article.body
    assert "**" not in article.body and "](" not in article.body and "layout" not in article.body
    assert "newsletter" not in article.body
    assert article.body.endswith("according to a statement.")


def test_date_only_front_matter_and_author_list():
    text = "---\ntitle: Una notizia\ndate: 2025-12-18\nauthors:\n  - Mario Rossi\n  - Anna Bianchi\n---\nIl testo della notizia, in italiano, con una frase completa.\n"
    article = only_article(import_text(text, kind="markdown"))
    assert article.published == "2025-12-18"
    assert article.author == "Mario Rossi, Anna Bianchi"
    assert article.lang == "it"


def test_first_heading_is_the_title_without_front_matter():
    text = "# Talks resume in Geneva\n\nDelegations met again on Monday morning, officials said.\n"
    article = only_article(import_text(text))  # sniffed as Markdown by its heading
    assert article.title == "Talks resume in Geneva"
    assert article.body == "Delegations met again on Monday morning, officials said."


@pytest.mark.fault("import", "broken YAML front matter", "the body imports without the metadata")
def test_broken_yaml_front_matter_still_imports_the_text():
    text = "---\ntitle: [unclosed\ndate: : :\n---\nThe body survives broken front matter, as it should.\n"
    article = only_article(import_text(text, kind="markdown"))
    assert article.body == "The body survives broken front matter, as it should."
    assert article.title == article.body


@pytest.mark.fault(
    "import",
    "YAML alias bomb (billion laughs) in Markdown front matter",
    "nested values ignored; at most 50 tags; the body imports",
)
def test_yaml_alias_bomb_in_front_matter_is_ignored():
    bomb = '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntitle: *d\ntags: *d\n---\nBody text of a hostile file.\n'
    article = only_article(import_text(bomb, kind="markdown"))
    assert article.title == "Body text of a hostile file."
    assert len(article.tags) <= 50


def test_markdown_without_front_matter_reads_a_seed_like_header():
    text = "18 Dicembre 2025\n\nFoto: Ansa\n\n**Colloqui a Miami**\n\nLa delegazione americana è arrivata a Miami nella notte per un nuovo round di colloqui.\n\nSeguici su Facebook\n"
    article = only_article(import_text(text, kind="markdown"))
    assert article.published == "2025-12-18"
    assert article.credit == "Foto: Ansa"
    assert article.title == "Colloqui a Miami"
    assert (
        article.body
        == "La delegazione americana è arrivata a Miami nella notte per un nuovo round di colloqui."
    )


@pytest.mark.parametrize(
    ("stated", "expected"),
    [("it", "it"), ("en-GB", "en"), ("pt_BR", "pt"), ("not a language", "en")],
)
def test_front_matter_language_wins_over_detection(stated, expected):
    text = (
        f"---\ntitle: Talks\nlang: {stated}\n---\n\n"
        "The negotiators met in Miami on Saturday and said real progress depends on Russia.\n"
    )
    assert only_article(import_text(text, kind="markdown")).lang == expected
