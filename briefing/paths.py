"""Every filesystem location briefing uses, as small functions returning Path."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "briefing"
HOME_ENV = "BRIEFING_HOME"

# Set by the CLI's --home flag; wins over the environment variable.
_home_override: Path | None = None


def set_home(path: Path | str | None) -> None:
    """Point every location below one folder (the --home flag)."""
    global _home_override
    _home_override = Path(path).expanduser().resolve() if path else None


def home() -> Path | None:
    """The single folder that overrides the platform folders, if one is set."""
    if _home_override is not None:
        return _home_override
    env = os.environ.get(HOME_ENV)
    return Path(env).expanduser().resolve() if env else None


def _dir(kind: str) -> Path:
    base = home()
    if base is not None:
        path = base / kind
    else:
        getter = {
            "data": platformdirs.user_data_path,
            "config": platformdirs.user_config_path,
            "cache": platformdirs.user_cache_path,
        }[kind]
        path = getter(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Where the store and its backups live."""
    return _dir("data")


def unsaved_notes_file() -> Path:
    """Where the reader keeps notes the store refused, so typed text is never lost."""
    return data_dir() / "unsaved-notes.md"


def config_dir() -> Path:
    """Where config.toml and user templates live."""
    return _dir("config")


def cache_dir() -> Path:
    """Where rebuildable things live (nothing here is precious)."""
    return _dir("cache")


def store_dir() -> Path:
    """The folder holding the article store files."""
    path = data_dir() / "store"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    """Rolling backups of the store."""
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_file() -> Path:
    """The user's settings file (TOML)."""
    return config_dir() / "config.toml"


def seeds_dir() -> Path:
    """The sample articles shipped inside the package."""
    installed = Path(__file__).parent / "seeds"  # a wheel maps seeds/ into the package
    if installed.is_dir():
        return installed
    return Path(__file__).parent.parent / "seeds"  # a source checkout or editable install


def bundled_models_dir() -> Path:
    """The spaCy pipelines trained for briefing and shipped inside the package."""
    return Path(__file__).parent / "nlp" / "models"


def default_template() -> Path:
    """The Markdown export template shipped with briefing (copy it to change it)."""
    return Path(__file__).parent / "templates" / "article.md.j2"
