"""Analysis follows import: what is not analysed yet, analysed in batches that resume."""

from __future__ import annotations

import pytest

from briefing import backlog, cli
from briefing.models import Article
from briefing.store import Store

STORIES = [
    "Il Cremlino ha risposto da Mosca alla Casa Bianca sul piano per Kiev.",
    "The Kremlin said in Moscow that talks on Kyiv would go on.",
    "A Berlino i ministri della Nato hanno discusso di Donald Trump.",
]


# Blank pipelines plus rules, whatever models exist (built once a session: conftest.py).
pytestmark = pytest.mark.usefixtures("rules_only")


def _store_with_stories() -> list[str]:
    articles = [
        Article(id=f"{n:012x}", title=f"story {n}", body=body, lang="it" if n != 1 else "en")
        for n, body in enumerate(STORIES)
    ]
    with Store.open() as store:
        store.add_articles(articles)
        return [a.id for a in store.articles()]


class Stop(Exception):
    pass


def test_work_cut_short_resumes_with_what_is_left():
    ids = _store_with_stories()
    seen = []

    def stop_after_one(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 1:
            raise Stop

    with Store.open() as store:
        assert backlog.count_unanalysed(store) == 3
        with pytest.raises(Stop):
            backlog.analyse_missing(store, stop_after_one, batch=1)
        assert backlog.count_unanalysed(store) == 2
    assert seen == [(0, 3), (1, 3)]
    with Store.open() as store:  # the next start: only the rest
        seen.clear()
        done = backlog.analyse_missing(store, lambda d, t: seen.append((d, t)))
        assert len(done) == 2 and set(done) < set(ids)
        assert seen[-1] == (2, 2)
        assert backlog.count_unanalysed(store) == 0
        assert backlog.analyse_missing(store) == []
        summaries = store.summaries()
    # every article's places carry their identities: Mosca and Moscow are one
    moscow = [aid for aid, s in summaries.items() if "Moscow" in s.places]
    assert len(moscow) == 2


def test_only_the_given_ids_are_analysed():
    ids = _store_with_stories()
    with Store.open() as store:
        assert backlog.analyse_missing(store, ids=[ids[0]]) == [ids[0]]
        assert backlog.unanalysed_ids(store) == ids[1:]


def test_briefing_add_analyses_what_it_imported_unless_told_not_to(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Titolo\n" + STORIES[0] + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\n" + STORIES[1] + "\n", encoding="utf-8")
    assert cli.main(["add", "--no-analyze", str(tmp_path / "a.txt")]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["added 1, duplicates 0, failed 0"] and "analysed" not in err
    with Store.open(readonly=True) as store:
        assert backlog.count_unanalysed(store) == 1
    assert cli.main(["add", str(tmp_path / "b.txt")]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["added 1, duplicates 0, failed 0"]
    # stderr is no terminal here: one plain line, no progress bar drawn into it
    assert err.splitlines() == ["analysed 2 article(s)"] and "\x1b" not in err
    with Store.open(readonly=True) as store:
        assert backlog.count_unanalysed(store) == 0  # the earlier one too: it resumes


def test_analyses_linked_by_older_lists_are_linked_again_without_the_pipeline(monkeypatch):
    from briefing import analysis

    ids = _store_with_stories()
    with Store.open() as store:
        backlog.analyse_missing(store)
        old = store.get_analysis(ids[0])
        for entity in old.entities:
            entity.id = entity.canonical = None
        old.links_version = 0  # as a store analysed before identities existed
        store.put_analysis(old)
        assert backlog.unanalysed_ids(store) == [ids[0]]

        def no_pipeline(*_args, **_kwargs):
            raise AssertionError("a fresh analysis needs only linking")

        monkeypatch.setattr(analysis, "analyse_texts", no_pipeline)
        assert backlog.analyse_missing(store) == [ids[0]]
        again = store.get_analysis(ids[0])
        assert backlog.count_unanalysed(store) == 0
    assert again.analysed_at == old.analysed_at  # the same analysis, linked
    assert any(e.id for e in again.entities if e.label in ("PER", "ORG", "LOC"))
