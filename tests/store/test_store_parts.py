"""The store's parts: each mixin declares what it relies on from the core and the other mixins."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from briefing.store import Store
from briefing.store.core import StoreCore

MIXINS = [part for part in Store.__mro__ if part.__name__.endswith("Mixin")]


def self_attributes(cls: type, *, assigned: bool = False) -> set[str]:
    """Every self.<name> the class's own source uses (or, with `assigned`, sets)."""
    tree = ast.parse(inspect.getsource(cls))
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
        and (not assigned or isinstance(node.ctx, ast.Store))
    }


def declared_only(cls: type) -> set[str]:
    """Names annotated at class level without a value: what the class relies on elsewhere."""
    return {name for name in cls.__dict__.get("__annotations__", {}) if name not in cls.__dict__}


def test_every_part_of_the_store_is_a_mixin_or_the_core():
    assert Store.__mro__[1:-1] == (*MIXINS, StoreCore)
    assert len(MIXINS) == 7


@pytest.mark.parametrize("mixin", MIXINS, ids=lambda m: m.__name__)
def test_a_mixin_uses_only_what_it_defines_or_declares(mixin: type):
    own = set(vars(mixin)) | self_attributes(mixin, assigned=True)
    declared = set(vars(mixin).get("__annotations__", {}))
    assert self_attributes(mixin) - own - declared == set()


@pytest.mark.parametrize("mixin", MIXINS, ids=lambda m: m.__name__)
def test_what_a_mixin_declares_is_there_on_an_open_store(mixin: type, tmp_path: Path):
    with Store.open(tmp_path / "store", backups_dir=tmp_path / "backups") as store:
        store.summaries()  # the lazy parts too (the analyses pack)
        missing = {name for name in declared_only(mixin) if not hasattr(store, name)}
    assert declared_only(mixin) and missing == set()
