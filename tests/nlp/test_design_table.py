"""DESIGN.md's table of rule components says what pipeline.RULES and the factories say."""

from __future__ import annotations

from pathlib import Path

import spacy

from briefing.nlp import pipeline

DESIGN = Path(__file__).resolve().parents[2] / "DESIGN.md"
HEADER = "| position | factory | module | languages | patterns | job |"


def table_rows() -> list[list[str]]:
    lines = DESIGN.read_text(encoding="utf-8").splitlines()
    start = lines.index(HEADER) + 2  # past the header and its rule
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip().strip("`") for cell in line.strip("|").split("|")])
    return rows


def declared() -> list[list[str]]:
    """position, factory, module, languages and patterns as the code has them."""
    pipeline._register_components()
    nlp = spacy.blank("xx")
    rows = []
    for position, name in enumerate(pipeline.RULE_ORDER, 1):
        module = spacy.registry.factories.get(name).__module__
        languages = ", ".join(lang for lang, names in pipeline.RULES.items() if name in names)
        config = nlp.get_factory_meta(name).default_config
        files = [
            file
            for value in config.values()
            if isinstance(value, str)
            for file in value.split()
            if file.endswith(".jsonl")
        ]
        path = module.removeprefix("briefing.nlp.").replace(".", "/") + ".py"
        rows.append([str(position), name, path, languages, "`, `".join(files)])
    return rows


def test_the_design_table_matches_the_rules():
    assert [row[:5] for row in table_rows()] == declared()


def test_every_row_says_what_the_component_is_for():
    assert all(row[5] for row in table_rows())
