"""Which spaCy pipeline analyses a language, loading it once, with briefing's rule components.

Choice per language, first that works: the pipeline named in the config; an installed trained
spaCy package (it_core_news_lg/md/sm, en_core_web_lg/md/sm); briefing's bundled pipeline
(nlp/models/<lang>_briefing_ner); a rules-only pipeline (blank language, sentencizer, rules).
spaCy is imported only inside functions: `briefing --help` and the TUI never wait for it.
"""

from __future__ import annotations

import functools
import gc
import json
import logging
import threading
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from briefing import __version__, paths
from briefing import config as config_module

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 10 * 1024 * 1024

# Bump when a rule component, its patterns or the fact extractors change: cached analyses
# then become stale.
RULES_VERSION = "27"

TRAINED_PACKAGES = {
    "it": ("it_core_news_lg", "it_core_news_md", "it_core_news_sm"),
    "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm"),
}

# The one order rule components run in. Edges first, so every later component sees names
# trimmed to their edges; consistency sees the model's labels alone; numbers before dates so
# "quasi 4 anni" stays a QUANTITY; corrections last so the user wins over everything.
RULE_ORDER = (
    "briefing_edges",
    "briefing_openers",
    "briefing_consistency",
    "briefing_numbers",
    "briefing_dates",
    "briefing_social",
    "briefing_gazetteer",
    "briefing_towns",
    "briefing_people",
    "briefing_known_names",
    "briefing_org_cues",
    "briefing_seats",
    "briefing_org_kinds",
    "briefing_teams",
    "briefing_roles",
    "briefing_extents",
    "briefing_corrections",
)

# Which language each rule component serves: "*" for every language. A pipeline is built with
# the shared components and its own language's, nothing else, so a component never has to
# find out for itself whether it should act.
RULES: dict[str, tuple[str, ...]] = {
    "*": (
        "briefing_openers",
        "briefing_consistency",
        "briefing_numbers",
        "briefing_dates",
        "briefing_social",
        "briefing_gazetteer",
        "briefing_towns",
        "briefing_known_names",
        "briefing_seats",
        "briefing_roles",
        "briefing_corrections",
    ),
    "it": ("briefing_people", "briefing_org_kinds", "briefing_teams", "briefing_extents"),
    "en": ("briefing_edges", "briefing_org_cues"),
}


def rule_components(lang: str) -> tuple[str, ...]:
    """The rule components a pipeline for `lang` runs, in their order."""
    wanted = set(RULES["*"]) | set(RULES.get(lang, ()))
    return tuple(name for name in RULE_ORDER if name in wanted)


@dataclass(frozen=True)
class Choice:
    """Where a language's pipeline comes from, before anything is loaded."""

    kind: str  # "config", "package", "bundled" or "rules"
    target: str  # a package name or a folder; the language code for "rules"


class LoadedPipeline(NamedTuple):
    """A ready pipeline and what to record about it in each analysis."""

    nlp: Language
    name: str
    version: str


_cache: dict[tuple[str, bool, tuple[str, ...]], LoadedPipeline] = {}
_lock = threading.Lock()
_import_lock = threading.Lock()


def import_spacy() -> None:
    """Import spaCy once, in one thread: two of the reader's workers importing it at once could
    see a half-initialised module ("cannot import name 'Doc' from partially initialized module
    'spacy.tokens'")."""
    with _import_lock:
        import spacy  # noqa: F401
        import spacy.language  # noqa: F401
        import spacy.tokens  # noqa: F401
        import spacy.util  # noqa: F401


# identity() per key: asking spaCy which packages are installed reads site-packages each time.
_identities: dict[tuple[str, bool, tuple[str, ...]], tuple[str, str]] = {}


def bundled_path(lang: str) -> Path:
    """The folder of briefing's own trained pipeline for `lang` (it may not exist)."""
    return paths.bundled_models_dir() / f"{lang}_briefing_ner"


def syntax_path(lang: str) -> Path:
    """The folder of briefing's own syntax components (tagger, parser) for `lang`."""
    return paths.bundled_models_dir() / f"{lang}_briefing_syntax"


def _syntax_version(lang: str) -> str | None:
    """ "+syntax1.0.0" when the bundled syntax joins the bundled NER pipeline, else None."""
    folder = syntax_path(lang)
    if not _is_pipeline_folder(folder):
        return None
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return f"+syntax{meta.get('version', '0.0.0')}"


def _add_syntax(nlp: Language, lang: str) -> str:
    """Add the bundled syntax components after the NER model; returns the version suffix.

    They keep their own tok2vec (named syntax_tok2vec, which its listeners name as upstream),
    so the NER model's weights and entities are untouched."""
    suffix = _syntax_version(lang)
    if suffix is None or "parser" in nlp.pipe_names:
        return ""
    syntax = load_spacy(syntax_path(lang))
    for name in syntax.pipe_names:
        component = nlp.add_pipe(name, source=syntax)
        # Sourcing copies the strings but not the morphology table: the morphologizer would
        # write feature sets the Doc's vocab cannot read back.
        component.vocab = nlp.vocab
    _register_components()
    nlp.add_pipe("briefing_sentences", before="parser")
    return suffix


def _is_pipeline_folder(path: Path) -> bool:
    return (path / "config.cfg").is_file() and (path / "meta.json").is_file()


def choices(lang: str, cfg: config_module.Config | None = None) -> list[Choice]:
    """Every candidate for `lang`, best first; the last one (rules) always loads.

    Asked without importing spaCy (identity() checks a cached analysis with it: the reader
    must not pay 70 MB and a second of imports to learn its analysis is current)."""
    found: list[Choice] = []
    named = (cfg.pipelines if cfg else {}).get(lang)
    if named:
        found.append(Choice("config", named))
    for package in TRAINED_PACKAGES.get(lang, ()):
        if _is_installed(package):
            found.append(Choice("package", package))
    if _is_pipeline_folder(bundled_path(lang)):
        found.append(Choice("bundled", str(bundled_path(lang))))
    found.append(Choice("rules", lang))
    return found


def _is_installed(package: str) -> bool:
    """A pipeline package installed with pip, as spaCy's own check finds it (its distribution,
    or an entry point in spaCy's "spacy_models" group)."""
    try:
        metadata.distribution(package)
        return True
    except metadata.PackageNotFoundError:
        return package in _model_entry_points()


@functools.cache
def _model_entry_points() -> frozenset[str]:
    return frozenset(e.name for e in metadata.entry_points(group="spacy_models"))


def pipeline_name(meta: dict[str, Any], lang: str) -> str:
    """spaCy's package name for a pipeline ("it_core_news_sm"), or its own name when that
    already says the language ("briefing_it_ner")."""
    lang = meta.get("lang", lang)
    name = meta.get("name", "pipeline")
    if name.startswith(f"{lang}_") or f"_{lang}_" in f"_{name}_":
        return name
    return f"{lang}_{name}"


def rules_name(lang: str) -> str:
    """The name analyses record for the rules-only pipeline of `lang`."""
    return f"briefing_{lang}_rules"


def _register_components() -> None:
    # Importing the modules runs their @Language.factory decorators.
    from briefing.nlp import sentences  # noqa: F401
    from briefing.nlp.rules.en import edges, org_cues  # noqa: F401
    from briefing.nlp.rules.it import extents, org_kinds, people, teams  # noqa: F401
    from briefing.nlp.rules.shared import (  # noqa: F401
        consistency,
        corrections,
        gazetteer,
        openers,
        regex_rules,
        roles,
        seats,
        temporal,
        towns,
    )


def _load_model(choice: Choice, lang: str) -> tuple[Language, str, str]:
    import spacy

    if choice.kind == "rules":
        try:
            nlp = spacy.blank(lang)
        except Exception:  # spaCy has no language class for this code
            nlp = spacy.blank("xx")
        nlp.add_pipe("sentencizer")
        return nlp, rules_name(lang), __version__
    nlp = load_spacy(choice.target)
    version = str(nlp.meta.get("version", "0.0.0"))
    if choice.kind == "bundled":
        version += _add_syntax(nlp, lang)
    return nlp, pipeline_name(nlp.meta, lang), version


def load_spacy(target: str | Path) -> Language:
    """spacy.load, with numpy's BLAS for the model's matrix products.

    Thinc multiplies with blis by default; numpy's OpenBLAS does the tok2vec's products about
    1.6x faster here and the whole model about 29% (benchmarks/nlp_speed.py), same entities.
    """
    import spacy
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        return spacy.load(target)


def _add_rules(nlp: Language, lang: str) -> None:
    _register_components()
    for component in rule_components(lang):
        if component not in nlp.pipe_names:
            nlp.add_pipe(component, last=True)


def load(
    lang: str,
    *,
    rules: bool = True,
    cfg: config_module.Config | None = None,
) -> LoadedPipeline:
    """The pipeline for `lang` (cached), with briefing's rule components unless rules=False."""
    lang = (lang or "xx").lower()
    cfg = cfg if cfg is not None else _config()
    key = (lang, rules, tuple(sorted((cfg.pipelines or {}).items())))
    import_spacy()
    with _lock:  # the TUI's workers and the CLI may ask at once; load each pipeline once
        if key in _cache:
            return _cache[key]
        from briefing.nlp import batching, tokenizing
        from briefing.nlp.spans import ensure_extensions

        ensure_extensions()
        for choice in choices(lang, cfg):
            try:
                nlp, name, version = _load_model(choice, lang)
            except Exception as exc:  # a broken or missing pipeline must not stop analysis
                log.warning("cannot load %s pipeline %s: %s", choice.kind, choice.target, exc)
                continue
            # spaCy refuses texts over a million characters by default; importers accept
            # up to 10 MB, and an analysis must never crash on what was imported.
            nlp.max_length = MAX_TEXT_CHARS
            if rules:
                _add_rules(nlp, lang)
                version = f"{version}+rules{RULES_VERSION}"
            tokenizing.tune(nlp.tokenizer)  # same tokens, a cache that works
            batching.bound_tok2vecs(nlp)  # the tok2vecs' arrays kept small (batching.py)
            loaded = LoadedPipeline(nlp, name, version)
            _cache[key] = loaded
            # A loaded pipeline lives as long as the process: keep its many objects out of
            # the collector's passes, which otherwise walk them over and over while texts are
            # analysed (about a tenth of the analysis time, analysis_bench).
            gc.freeze()
            return loaded
    raise RuntimeError(f"no pipeline could be loaded for {lang!r}")  # rules never fail


def identity(lang: str, *, rules: bool = True) -> tuple[str, str]:
    """(name, version) of the pipeline `load(lang)` gives, read without loading it if possible.

    A cached analysis is checked against this, so reopening an article must not wait for a
    model to load: a pipeline folder's meta.json says what it is.
    """
    lang = (lang or "xx").lower()
    cfg = _config()
    key = (lang, rules, tuple(sorted((cfg.pipelines or {}).items())))
    if key in _cache:
        return _cache[key].name, _cache[key].version
    if key in _identities:
        return _identities[key]
    _identities[key] = found = _identity(lang, rules, cfg)
    return found


def _identity(lang: str, rules: bool, cfg: config_module.Config) -> tuple[str, str]:
    suffix = f"+rules{RULES_VERSION}" if rules else ""
    first = choices(lang, cfg)[0]
    if first.kind == "rules":
        return rules_name(lang), __version__ + suffix
    folder = Path(first.target)
    if _is_pipeline_folder(folder):
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        version = str(meta.get("version", "0.0.0"))
        if first.kind == "bundled":
            version += _syntax_version(lang) or ""
        return pipeline_name(meta, lang), version + suffix
    loaded = load(lang, rules=rules, cfg=cfg)  # an installed package: ask spaCy
    return loaded.name, loaded.version


def _config() -> config_module.Config:
    try:
        return config_module.load()
    except config_module.ConfigError as exc:
        log.warning("%s; using the default pipelines", exc)
        return config_module.Config()


def set_corrections(nlp: Language, corrections: Any) -> None:
    """Hand the user's corrections to the pipeline's corrections component, if it has one."""
    if "briefing_corrections" in nlp.pipe_names:
        nlp.get_pipe("briefing_corrections").set_corrections(list(corrections))


_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u2009\u202f"})


def make_doc(nlp: Language, text: str, published: str | None = None) -> Doc:
    """A tokenised Doc carrying the article's date, ready for nlp(doc) or nlp.pipe(docs)."""
    from briefing.nlp.rules.shared.temporal import ANCHOR_KEY
    from briefing.nlp.spans import TEXT_KEY

    # Web text's no-break and thin spaces are spaces to the tokenizer (spaCy makes a lone
    # U+00A0 a token, which the parser then reads as a word); the same length keeps offsets.
    doc = nlp.make_doc(text.translate(_SPACES))
    doc.user_data[TEXT_KEY] = text  # every character as written, at the tokens' offsets
    if published:
        doc.user_data[ANCHOR_KEY] = published
    return doc


def bundled_meta(lang: str) -> dict[str, Any] | None:
    """The bundled pipeline's meta.json (name, version, licence), or None if not shipped."""
    path = bundled_path(lang) / "meta.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def clear_cache() -> None:
    """Forget loaded pipelines (tests, or after the config changes)."""
    with _lock:
        _cache.clear()
        _identities.clear()
