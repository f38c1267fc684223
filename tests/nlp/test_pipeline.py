"""Pipeline choice per language, its identity in each analysis, caching and lazy spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy

from briefing import paths
from briefing.config import Config
from briefing.nlp import pipeline

# Each test loads into a cache of its own: the pipelines other tests loaded stay loaded.
pytestmark = pytest.mark.usefixtures("own_pipeline_cache")


@pytest.fixture
def no_bundled(tmp_path, monkeypatch):
    """No bundled models: the choice falls through to the rules-only pipeline."""
    monkeypatch.setattr(paths, "bundled_models_dir", lambda: tmp_path / "no-models")


def save_pipeline(folder, lang: str, name: str, version: str):
    nlp = spacy.blank(lang)
    nlp.meta["name"] = name
    nlp.meta["version"] = version
    nlp.to_disk(folder)
    return folder


def test_unknown_language_gets_rules_only(no_bundled):
    nlp, name, version = pipeline.load("sw")
    assert name == "briefing_sw_rules"
    assert version.endswith(f"+rules{pipeline.RULES_VERSION}")
    assert "sentencizer" in nlp.pipe_names
    assert nlp.pipe_names[-1] == "briefing_corrections"
    doc = nlp("Mkutano ulifanyika @white_lenka https://example.org")
    assert [e.label_ for e in doc.ents] == ["HANDLE", "URL"]


def test_a_code_spacy_has_no_language_for_still_loads(no_bundled):
    nlp, name, _ = pipeline.load("zz")
    assert name == "briefing_zz_rules"
    assert nlp.lang == "xx"


def test_bundled_pipeline_is_used_when_present(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "bundled_models_dir", lambda: tmp_path)
    save_pipeline(tmp_path / "it_briefing_ner", "it", "briefing_ner", "1.2.3")
    kinds = [c.kind for c in pipeline.choices("it", Config())]
    assert kinds == ["bundled", "rules"]
    _, name, version = pipeline.load("it", cfg=Config())
    assert (name, version) == ("it_briefing_ner", "1.2.3+rules" + pipeline.RULES_VERSION)


def test_pipeline_names_follow_spacy_and_keep_a_name_that_says_its_language():
    assert pipeline.pipeline_name({"lang": "en", "name": "core_web_sm"}, "en") == "en_core_web_sm"
    assert (
        pipeline.pipeline_name({"lang": "it", "name": "briefing_it_ner"}, "it") == "briefing_it_ner"
    )


def test_the_config_wins_over_everything(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "bundled_models_dir", lambda: tmp_path)
    save_pipeline(tmp_path / "it_briefing_ner", "it", "briefing_ner", "1.0.0")
    mine = save_pipeline(tmp_path / "mine", "it", "my_news", "9.9.9")
    cfg = Config(pipelines={"it": str(mine)})
    assert [c.kind for c in pipeline.choices("it", cfg)] == ["config", "bundled", "rules"]
    _, name, version = pipeline.load("it", cfg=cfg, rules=False)
    assert (name, version) == ("it_my_news", "9.9.9")


def test_installed_trained_packages_come_before_the_bundled_one(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "bundled_models_dir", lambda: tmp_path)
    save_pipeline(tmp_path / "en_briefing_ner", "en", "briefing_ner", "1.0.0")
    installed = {"en_core_web_sm", "en_core_web_md"}
    monkeypatch.setattr(pipeline, "_is_installed", installed.__contains__)
    choices = pipeline.choices("en", Config())
    assert [(c.kind, c.target) for c in choices][:2] == [
        ("package", "en_core_web_md"),
        ("package", "en_core_web_sm"),
    ]
    # That package is not really installed: loading falls through to the next choice.
    _, name, _ = pipeline.load("en", cfg=Config())
    assert name == "en_briefing_ner"


def test_the_identity_of_the_bundled_pipelines_is_read_without_importing_spacy():
    # The reader checks the open article's cached analysis against it after every launch.
    script = (
        "import sys\n"
        "from briefing.nlp import pipeline\n"
        "print(pipeline.identity('it'), pipeline.identity('en'), 'spacy' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "False"
    assert "briefing_it_ner" in done.stdout or "briefing_it_rules" in done.stdout


def test_a_broken_config_pipeline_falls_through(no_bundled):
    _, name, _ = pipeline.load("it", cfg=Config(pipelines={"it": "/nowhere/at/all"}))
    assert name == "briefing_it_rules"


def test_pipelines_are_cached_per_language(no_bundled):
    first = pipeline.load("it", cfg=Config())
    assert pipeline.load("it", cfg=Config()) is first
    assert pipeline.load("en", cfg=Config()) is not first
    assert pipeline.load("it", cfg=Config(), rules=False).nlp is not first.nlp


def test_without_rules_there_are_no_rule_components(no_bundled):
    nlp, _, version = pipeline.load("it", cfg=Config(), rules=False)
    assert not [n for n in nlp.pipe_names if n.startswith("briefing_")]
    assert "+rules" not in version


def test_importing_the_nlp_and_analysis_modules_does_not_load_spacy():
    code = (
        "import sys\n"
        "import briefing.nlp.pipeline, briefing.nlp.labels, briefing.analysis\n"
        "import briefing.commands.analyze\n"
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_identity_without_loading_matches_what_load_gives(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "bundled_models_dir", lambda: tmp_path)
    save_pipeline(tmp_path / "it_briefing_ner", "it", "briefing_ner", "2.0.0")
    named = pipeline.identity("it")
    assert not pipeline._cache  # read from meta.json, nothing loaded
    assert named == tuple(pipeline.load("it"))[1:]
    assert pipeline.identity("sw", rules=False) == tuple(pipeline.load("sw", rules=False))[1:]


def test_each_language_builds_the_shared_rules_and_its_own_only():
    declared = [name for names in pipeline.RULES.values() for name in names]
    assert sorted(declared) == sorted(pipeline.RULE_ORDER)  # each rule declared once
    italian, english = pipeline.rule_components("it"), pipeline.rule_components("en")
    assert set(pipeline.RULES["it"]) <= set(italian)
    assert not set(pipeline.RULES["it"]) & set(english)
    assert not set(pipeline.RULES["en"]) & set(italian)
    assert pipeline.rule_components("fr") == pipeline.RULES["*"]
    assert list(english) == [name for name in pipeline.RULE_ORDER if name in english]


def test_workers_that_load_at_once_all_get_spacy_whole():
    # A fresh interpreter, as the reader starts: its workers may ask for spaCy in the same
    # instant; each must get a whole module, never a half-initialised one.
    import subprocess
    import sys

    code = (
        "import threading\n"
        "from briefing.nlp import pipeline\n"
        "barrier = threading.Barrier(4); errors = []\n"
        "def work(i):\n"
        "    barrier.wait()\n"
        "    try:\n"
        "        pipeline.choices('it') if i % 2 else pipeline.load('it', rules=False)\n"
        "    except Exception as exc:\n"
        "        errors.append(repr(exc))\n"
        "threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(errors)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "[]"


def test_a_no_break_space_is_a_space_to_the_tokenizer_and_the_text_keeps_it():
    from briefing.nlp.spans import doc_text

    text = "Graham has\u00a0acknowledged it.\u202fYes."
    doc = pipeline.make_doc(spacy.blank("en"), text)
    assert [t.text for t in doc] == ["Graham", "has", "acknowledged", "it", ".", "Yes", "."]
    assert doc_text(doc) == text
    assert [text[t.idx : t.idx + len(t)] for t in doc] == [t.text for t in doc]
