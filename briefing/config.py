"""Typed user settings, read from paths.config_file() (TOML)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from briefing import paths


@dataclass
class Config:
    """Every setting briefing reads from config.toml."""

    pipelines: dict[str, str] = field(default_factory=dict)
    """spaCy pipeline per language code, e.g. {"it": "it_core_news_lg"}; wins over the defaults."""

    keys: dict[str, str] = field(default_factory=dict)
    """Key rebinding: binding id -> key(s), e.g. {"star": "S", "quit": "q,ctrl+q"}."""

    theme: str | None = None
    """A Textual theme name ("textual-dark", "nord", ...)."""

    export_dir: str | None = None
    """Where `x` and `briefing export` write when no -o is given."""

    obsidian: bool = False
    """Export tags as #tags, entities as [[wikilinks]] and block ids on highlights."""

    allow_local_urls: bool = False
    """Let the URL importer read file:// URLs (off: only http and https)."""

    refresh_on_start: bool = False
    """Refresh every feed subscription when the reader opens (as R does)."""

    display: dict[str, str] = field(default_factory=dict)
    """{"names": "en" | "it" | "as-written"}: the name export gives a person, organisation or
    place (Moscow / Mosca / as the article wrote it); default "en"."""

    @property
    def names(self) -> str:
        from briefing.entities.display import DEFAULT_MODE, MODES

        mode = self.display.get("names", DEFAULT_MODE)
        return mode if mode in MODES else DEFAULT_MODE


class ConfigError(Exception):
    """The config file cannot be read; the message names the file and the problem."""


def load(path: Path | None = None) -> Config:
    """Read the config file; a missing file gives the defaults."""
    path = path or paths.config_file()
    if not path.exists():
        return Config()
    import tomllib  # here: without a config file the reader's launch never needs it

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    known = {f.name for f in fields(Config)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s): {', '.join(unknown)}")
    return Config(**data)
