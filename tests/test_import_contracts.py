"""Import contracts, read from the source (every import statement, at any depth):
domain code never imports textual, rich or briefing.tui; only briefing.store imports tinydb
and sqlite3; Italian and English rule modules never import each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefing"
# The presentation layers: the terminal UI and the command line (progress bars use rich).
PRESENTATION = ("tui", "commands", "cli.py", "__main__.py")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str, module: str) -> set[str]:
    """Every module `source` imports, relative imports resolved against `module`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")[: -node.level or None]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def sources() -> dict[str, tuple[Path, set[str]]]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        found[name] = (path, imported(path.read_text(encoding="utf-8"), name))
    return found


SOURCES = sources()


def is_domain(path: Path) -> bool:
    return path.relative_to(PACKAGE).parts[0] not in PRESENTATION


def broken(contract) -> list[str]:
    return sorted(
        f"{module} imports {name}"
        for module, (path, names) in SOURCES.items()
        for name in names
        if contract(module, path, name)
    )


def no_ui_in_domain(module: str, path: Path, name: str) -> bool:
    return is_domain(path) and any(within(name, p) for p in ("textual", "rich", "briefing.tui"))


def tinydb_only_in_store(module: str, path: Path, name: str) -> bool:
    return any(within(name, p) for p in ("tinydb", "sqlite3")) and not within(
        module, "briefing.store"
    )


def languages_apart(module: str, path: Path, name: str) -> bool:
    it, en = "briefing.nlp.rules.it", "briefing.nlp.rules.en"
    return (within(module, it) and within(name, en)) or (within(module, en) and within(name, it))


@pytest.mark.parametrize("contract", [no_ui_in_domain, tinydb_only_in_store, languages_apart])
def test_contract_holds(contract):
    assert broken(contract) == []


def test_the_walk_sees_every_module_and_every_kind_of_import():
    assert {"briefing.nlp.rules.it.people", "briefing.store.tables", "briefing.text"} <= set(
        SOURCES
    )
    assert "tinydb" in {n.split(".")[0] for n in SOURCES["briefing.store.tables"][1]}
    source = "def f():\n    from textual.app import App\nfrom ..en import edges\n"
    names = imported(source, "briefing.nlp.rules.it.teams")
    assert "textual.app" in names and "briefing.nlp.rules.en.edges" in names
    path = PACKAGE / "nlp" / "rules" / "it" / "teams.py"
    assert no_ui_in_domain("briefing.nlp.rules.it.teams", path, "textual.app")
    assert languages_apart("briefing.nlp.rules.it.teams", path, "briefing.nlp.rules.en.edges")
    assert tinydb_only_in_store("briefing.analysis", PACKAGE / "analysis.py", "tinydb")
    assert not no_ui_in_domain("briefing.tui.app", PACKAGE / "tui" / "app.py", "textual.app")
