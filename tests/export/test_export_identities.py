"""Export names entities by their identity: one note name for Mosca and Moscow."""

from __future__ import annotations

import pytest

from briefing import cli, config, paths
from briefing.entities import link_analysis
from briefing.export import ArticleBundle, ExportOptions, export
from briefing.models import Analysis, Article, Facts, NamedThing
from briefing.store import Store
from tests.support.export_samples import NOW, split_front_matter


def _store_with(analysed: bool) -> str:
    body = "Il Cremlino ha risposto da Mosca. Mosca tace."
    article = Article(id="a1b2c3d4e5f6", title="Mosca", body=body, lang="it")
    with Store.open() as store:
        store.add_articles([article])
        if analysed:
            facts = Facts(
                places=[NamedThing("Mosca", mentions=2, spans=[[26, 31], [33, 38]])],
                organizations=[NamedThing("Cremlino", mentions=1, spans=[[3, 11]])],
            )
            analysis = Analysis(article.id, "it", "test", "0", facts=facts)
            link_analysis(analysis)
            store.put_analysis(analysis)
    return article.id


@pytest.mark.parametrize(
    ("mode", "place", "org"),
    [("en", "Moscow", "Kremlin"), ("it", "Mosca", "Cremlino"), ("as-written", "Mosca", "Cremlino")],
)
def test_front_matter_and_wikilinks_follow_the_display_setting(tmp_path, mode, place, org):
    article_id = _store_with(analysed=True)
    options = ExportOptions(obsidian=True, names=mode)
    with Store.open(readonly=True) as store:
        [path] = export(store, [article_id], tmp_path, one_file=False, options=options, now=NOW)
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    assert meta["places"] == [f"[[{place}]]"]
    assert meta["organizations"] == [f"[[{org}]]"]
    assert f"[[{place}]]" in body


def test_display_names_come_from_config_toml(tmp_path):
    paths.config_file().parent.mkdir(parents=True, exist_ok=True)
    paths.config_file().write_text('[display]\nnames = "it"\n', encoding="utf-8")
    assert config.load().names == "it"
    paths.config_file().write_text('[display]\nnames = "klingon"\n', encoding="utf-8")
    assert config.load().names == "en"


def test_briefing_export_analyses_what_it_needs(tmp_path, rules_only, capsys):
    _store_with(analysed=False)
    assert cli.main(["export", "-o", str(tmp_path / "notes")]) == 0
    out, err = capsys.readouterr()
    note = (tmp_path / "notes").glob("*.md").__next__().read_text(encoding="utf-8")
    assert "Not analysed yet" not in note
    assert "analysed 1 article(s)" in err
    with Store.open(readonly=True) as store:
        assert store.get_analysis("a1b2c3d4e5f6") is not None


def test_a_bundle_without_identities_exports_as_written():
    bundle = ArticleBundle(
        Article(id="x", title="t", body="Roma"),
        [],
        Analysis("x", "it", "t", "0", facts=Facts(places=[NamedThing("Roma")])),
    )
    from briefing.export import render_article

    meta, _ = split_front_matter(render_article(bundle, ExportOptions(names="en"), NOW))
    assert meta["places"] == ["Roma"]
