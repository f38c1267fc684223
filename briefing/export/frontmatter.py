"""YAML front matter of exported notes: PyYAML's safe dumper and loader, never string pasting."""

from __future__ import annotations

import re
from typing import Any

import yaml

# The front matter key that marks a file as made by briefing (so re-export may replace it).
MARKER_KEY, MARKER_VALUE = "exported_by", "briefing"
# The same safe (de)serialisers as yaml.safe_dump/safe_load, in C when libyaml is there:
# the pure-Python emitter takes seconds over a 1 MB title.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_value(value: Any) -> str:
    """One YAML value on one line (the `yaml` filter for custom front matter)."""
    dumped = yaml.dump(
        value, Dumper=_DUMPER, allow_unicode=True, default_flow_style=True, width=2**30
    )
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def front_matter(data: dict[str, Any]) -> str:
    """A YAML front matter block; every value serialised by yaml.safe_dump, one line each."""
    dumped = yaml.dump(
        data,
        Dumper=_DUMPER,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=2**30,
    )
    return f"---\n{dumped}---\n"


def read_front_matter(content: str) -> dict[str, Any] | None:
    """The front matter of a Markdown file as a dict, or None when it has none or it is broken."""
    content = content.removeprefix("\ufeff").replace("\r\n", "\n")
    if not content.startswith("---\n"):
        return None
    match = re.search(r"^(?:---|\.\.\.)[ \t]*$", content[4:], re.MULTILINE)
    if not match:
        return None
    try:
        data = yaml.load(content[4 : 4 + match.start()], Loader=_LOADER)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def is_briefing_file(content: str) -> bool:
    """True when the text carries the front matter marker of a briefing export."""
    data = read_front_matter(content)
    return bool(data) and data.get(MARKER_KEY) == MARKER_VALUE
