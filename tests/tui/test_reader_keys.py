"""Pilot tests: every key path of the reader, asserting on app state and on the store."""

from __future__ import annotations

from briefing.config import Config
from briefing.tui import bindings
from briefing.tui.app import make_app
from briefing.tui.commands import palette_entries
from briefing.tui.screens.dialogs import AskNote, AskText, Choose
from briefing.tui.screens.help import HelpScreen
from tests.tui.conftest import fake_services

SEED_ID = "178aed9a09ce"
EN_ID = "a1b2c3d4e5f6"
SHORT_ID = "0f0e0d0c0b0a"


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_three_panes_show_list_text_and_facts(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert [a.id for a in app.article_list.articles] == [SEED_ID, EN_ID, SHORT_ID]
        assert app.open_id == SEED_ID
        assert app.text_area.text.startswith("Nel fine settimana Miami")
        assert {e.text for e in app.text_area.entities} >= {"Miami", "Kirill Dmitriev"}
        headline = str(app.query_one("#headline").render())
        assert "Esempio News" in headline and "Redazione" in headline
        assert "Thu 18 Dec 2025" in headline  # as people read dates
        facts = app.facts.plain
        assert len(facts) == app.facts.option_count
        assert any(f.startswith("People") for f in facts)
        assert any("Kirill Dmitriev — capo del fondo sovrano" in f for f in facts)
        assert any("[anonymous]" in f for f in facts)


async def test_j_k_g_G_move_the_list_and_open_follows(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        assert app.open_id == EN_ID
        await pilot.press("G")
        assert app.open_id == SHORT_ID
        await pilot.press("g")
        assert app.open_id == SEED_ID
        await pilot.press("down", "up")
        assert app.article_list.cursor == 0


async def test_enter_opens_in_reader_and_marks_read(app, store):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert not store.get(SEED_ID).read
        await pilot.press("enter")
        assert app.focused is app.text_area
        assert store.get(SEED_ID).read


async def test_star_and_read_toggle_in_the_store(app, store):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        assert store.get(SEED_ID).starred
        await pilot.press("m")
        assert store.get(SEED_ID).read
        await pilot.press("m", "s")
        article = store.get(SEED_ID)
        assert not article.read and not article.starred
        assert app.by_id[SEED_ID].starred is False


async def test_tag_add_completes_existing_tags_and_remove(app, store):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("j")  # the English article has no tags
        await pilot.press("t")
        assert isinstance(app.screen, AskText)
        await pilot.press("r", "u", "s")
        await pilot.press("right")  # accept the completion "russia"
        await pilot.press("enter")
        await pilot.pause()
        assert store.get(EN_ID).tags == ["russia"]
        assert app.article_list.current.tags == ["russia"]
        await pilot.press("T")
        assert isinstance(app.screen, Choose)
        await pilot.press("enter")
        await pilot.pause()
        assert store.get(EN_ID).tags == []


async def test_filter_good_query_narrows_the_list(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"tag:russia")
        await pilot.pause()
        assert [a.id for a in app.article_list.articles] == [SHORT_ID]
        await pilot.press("enter")
        assert app.focused is app.article_list
        assert app.open_id == SHORT_ID


async def test_filter_bad_query_shows_error_in_place_and_keeps_the_list(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"(tag:russia")
        await pilot.pause()
        error = app.query_one("#filter-error")
        assert error.has_class("-shown")
        assert "^" in str(error.render())
        assert len(app.article_list.articles) == 3  # the last good list stays
        await pilot.press(")")
        await pilot.pause()
        assert not error.has_class("-shown")
        assert [a.id for a in app.article_list.articles] == [SHORT_ID]


async def test_n_and_N_jump_between_matches_of_the_filter(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"mosca")  # accent- and case-insensitive: finds "Mosca"
        await pilot.press("enter")
        await pilot.pause()
        assert app.open_id == SEED_ID
        assert len(app.matches) >= 2
        await pilot.press("n")
        first = app.text_area.cursor_offset
        assert app.text_area.text[first : first + 5] == "Mosca"
        await pilot.press("n")
        second = app.text_area.cursor_offset
        assert second > first
        await pilot.press("N")
        assert app.text_area.cursor_offset == first


async def test_entity_navigation_with_brackets(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("2", "right_square_bracket")
        assert app.text_area.entity_at_cursor().text == "Miami"
        await pilot.press("right_square_bracket")
        second = app.text_area.entity_at_cursor()
        assert second.start > app.text_area.text.index("Miami")
        await pilot.press("left_square_bracket")
        assert app.text_area.entity_at_cursor().text == "Miami"


async def test_highlight_and_note_are_saved(app, store):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("2", "h")
        highlights = store.highlights(SEED_ID)
        assert len(highlights) == 1
        first_sentence = app.text_area.text.split(". ")[0] + "."
        assert highlights[0].text == first_sentence
        assert app.text_area.user_highlights[0].id == highlights[0].id
        await pilot.press("a")
        assert isinstance(app.screen, AskNote)
        await pilot.press(*"check this")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.highlights(SEED_ID)[0].note == "check this"
        assert len(store.highlights(SEED_ID)) == 1  # the note went on the same highlight
        await pilot.press("h")  # h on a highlight removes it
        assert store.highlights(SEED_ID) == []


async def test_highlight_of_a_selection(app, store):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("2", *["shift+right"] * 3, "h")
        assert [h.text for h in store.highlights(SEED_ID)] == ["Nel"]


async def test_correct_entity_reanalyses_every_article_and_can_be_undone(app, store):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        # put the cursor on the "Mosca" entity
        offset = app.text_area.text.index("Mosca")
        app.text_area.move_cursor(app.text_area.location(offset))
        await pilot.press("e")
        assert isinstance(app.screen, Choose)
        options = app.screen.choices
        none_at = [key for key, _ in options].index("none")
        await pilot.press(*["down"] * none_at, "enter")
        await settle(pilot)
        assert [(c.text, c.label) for c in store.corrections()] == [("Mosca", None)]
        # both articles naming Mosca were re-analysed without it, and the open one redrawn
        for article_id in (SEED_ID, SHORT_ID):
            assert "Mosca" not in {e.text for e in store.get_analysis(article_id).entities}
        assert "Mosca" not in {e.text for e in app.text_area.entities}
        assert not app.status.busy
        # undo from the corrections screen
        await pilot.press("C", "down", "enter")
        await settle(pilot)
        assert store.corrections() == []
        assert "Mosca" in {e.text for e in store.get_analysis(SHORT_ID).entities}


async def test_correct_entity_label_and_extent(app, store):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("2", "right_square_bracket")  # Miami (LOC)
        await pilot.press("e")
        keys = [key for key, _ in app.screen.choices]
        await pilot.press(*["down"] * keys.index("label:ORG"), "enter")
        await settle(pilot)
        assert [(c.text, c.label) for c in store.corrections()] == [("Miami", "ORG")]
        assert {e.label for e in app.text_area.entities if e.text == "Miami"} == {"ORG"}
        # change the extent of "Casa Bianca" to "la Casa Bianca"
        offset = app.text_area.text.index("Casa Bianca")
        app.text_area.move_cursor(app.text_area.location(offset))
        await pilot.press("e")
        keys = [key for key, _ in app.screen.choices]
        await pilot.press(*["down"] * keys.index("extent"), "enter")
        assert isinstance(app.screen, AskText)
        await pilot.press("home", *"la ", "enter")
        await settle(pilot)
        added = store.corrections()[-1]
        assert (added.text, added.label, added.replaces) == ("la Casa Bianca", "ORG", "Casa Bianca")


async def test_mark_selected_text_as_entity(app, store):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        offset = app.text_area.text.index("Stati Uniti")
        app.text_area.move_cursor(app.text_area.location(offset))
        await pilot.press(*["shift+right"] * len("Stati Uniti"), "E")
        assert isinstance(app.screen, Choose)
        keys = [key for key, _ in app.screen.choices]
        await pilot.press(*["down"] * keys.index("LOC"), "enter")
        await settle(pilot)
        assert [(c.text, c.label) for c in store.corrections()] == [("Stati Uniti", "LOC")]
        assert "Stati Uniti" in {e.text for e in store.get_analysis(SEED_ID).entities}


async def test_choosing_a_fact_scrolls_to_its_sentence_and_marks_it(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        assert app.focused is app.facts
        spans = app.facts.spans
        app.facts.highlighted = next(
            i
            for i, words in enumerate(app.facts.plain)
            if "Kirill" in words and app.facts.get_option_at_index(i).id in spans
        )
        target = app.facts.get_option_at_index(app.facts.highlighted).id
        await pilot.press("enter")
        await pilot.pause()
        start, end = spans[target][0]
        assert app.text_area.cursor_offset == start
        mark_start, mark_end = app.text_area.mark
        assert mark_start <= start < end <= mark_end
        assert app.text_area.text[mark_start:mark_end].startswith("Per Washington")


async def test_entity_index_lists_entities_and_filters(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        screen = app.screen
        assert screen.counts["places"]["Moscow"] == 2  # Mosca, by its identity's name
        assert screen.counts["people"]["Ada Rossi"] == 1
        option_list = screen.query_one("#entities")
        key = next(k for k, q in screen.queries.items() if q == "place:Moscow")
        option_list.highlighted = option_list.get_option_index(key)
        await pilot.press("enter")
        await pilot.pause()
        assert app.filter_text == "place:Moscow"
        assert [a.id for a in app.article_list.articles] == [SEED_ID, SHORT_ID]


async def test_export_the_open_article(store, tmp_path):
    app = make_app(store, Config(export_dir=str(tmp_path / "notes")), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        assert isinstance(app.screen, Choose)
        await pilot.press("enter")  # this article
        await pilot.press("enter")  # to the configured folder
        await settle(pilot)
        written = list((tmp_path / "notes").glob("*.md"))
        assert len(written) == 1
        assert "Miami" in written[0].read_text(encoding="utf-8")
        assert "exported 1 article" in str(app.status.query_one("#status-text").render())


async def test_import_runs_in_a_worker_and_refreshes_the_list(store):
    calls = []

    def fake_import(store_, sources, progress, allow_local_urls=False):
        from briefing.models import Article

        calls.append(sources)
        store_.add_article(
            Article(
                id="ffffffffffff", title="Imported", body="Nuovo testo.", published="2026-01-01"
            )
        )
        progress(1, 1)
        return "imported 1"

    app = make_app(store, Config(), services=fake_services(import_sources=fake_import))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("i", *"/tmp/x.txt", "enter")
        await settle(pilot)
        assert calls == [["/tmp/x.txt"]]
        assert app.article_list.articles[0].id == "ffffffffffff"


async def test_help_screen_lists_every_binding_with_its_keys(store):
    app = make_app(store, Config(keys={"star": "S"}), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.table
        assert app.screen.query_one("#help-table").visual is not None
        from rich.console import Console

        console = Console(width=120, record=True)
        console.print(table)
        shown = console.export_text()
        for _, group in bindings.GROUPS:
            for binding in group:
                assert binding.description in shown
                assert binding.id in shown
        assert "S  " in shown or " S " in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_keys_are_rebindable_from_the_config(store):
    app = make_app(store, Config(keys={"star": "S", "down": "ctrl+n"}), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        assert not store.get(SEED_ID).starred
        await pilot.press("S")
        assert store.get(SEED_ID).starred
        await pilot.press("ctrl+n")
        assert app.open_id == EN_ID


def test_command_palette_offers_every_action():
    titles = {title for title, _, _ in palette_entries({})}
    for binding in bindings.APP + bindings.READER + [bindings.LIST[-1]]:
        if binding.id in {"command_palette", "down", "up"}:
            continue
        assert binding.description in titles


async def test_command_palette_runs_an_action(app, store):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"Star")
        await app.workers.wait_for_complete()  # the palette's search is a worker
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert store.get(SEED_ID).starred


async def test_narrow_terminal_swaps_facts_for_the_list(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        assert app.query_one("#list-pane").display
        assert not app.query_one("#facts-pane").display
        await pilot.press("3")
        await pilot.pause()
        assert app.query_one("#facts-pane").display
        assert not app.query_one("#list-pane").display
        assert app.focused is app.facts
        await pilot.press("j")
        assert app.open_id == SEED_ID  # j moved in the facts, not in the hidden list
        await pilot.press("1")
        await pilot.pause()
        assert app.query_one("#list-pane").display
        assert app.focused is app.article_list


async def test_read_only_store_reports_instead_of_crashing(store):
    store.readonly = True
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("s", "2", "h")
        assert not store.get(SEED_ID).starred
        assert store.highlights() == []
        assert app.is_running


async def test_escape_leaves_the_filter_and_keeps_it(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"tag:russia", "escape")
        assert app.focused is app.article_list
        assert [a.id for a in app.article_list.articles] == [SHORT_ID]
        await pilot.press("slash", *["backspace"] * 10, "enter")
        assert len(app.article_list.articles) == 3


async def test_filter_typed_before_the_index_is_built_applies_when_it_is(store):
    import threading

    from briefing.query.index import ArticleIndex

    gate = threading.Event()

    def slow_index(store_):
        gate.wait(10)
        return ArticleIndex.from_store(store_)

    app = make_app(store, Config(), services=fake_services(build_index=slow_index))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"tag:russia")
        assert len(app.article_list.articles) == 3  # not frozen, not yet filtered
        assert "indexing" in str(app.query_one("#list-count").render())
        gate.set()
        await settle(pilot)
        assert [a.id for a in app.article_list.articles] == [SHORT_ID]


async def test_highlights_and_notes_are_listed_in_the_facts_panel(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("2", "a", *"da verificare", "ctrl+s")
        await pilot.pause()
        prompts = app.facts.plain
        assert prompts[0] == "Your highlights (1)"
        assert prompts[1].startswith("Nel fine settimana") and "✎ da verificare" in prompts[1]
        # choosing it goes back to the highlighted sentence
        await pilot.press("G", "3")
        await pilot.pause()
        app.facts.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.text_area.cursor_offset == 0


async def test_unanalysed_article_is_analysed_in_a_worker_after_first_paint():
    from tests.tui.conftest import make_store

    store = make_store(analysed=False)
    calls = []

    def analyse(store_, article_id, force=False):
        from tests.tui.fakes import analyse as real

        calls.append((article_id, app._painted))
        return real(store_, article_id, force=force)

    app = make_app(store, Config(), services=fake_services(analyse=analyse))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert calls == [(SEED_ID, True)]  # only once painted
        assert store.get_analysis(SEED_ID) is not None
        assert {e.text for e in app.text_area.entities} >= {"Miami"}
        assert str(app.query_one("#legend").render()) != "analysing…"
        first = store.get_analysis(SEED_ID)
        await pilot.press("j", "k")  # reopening shows the cached analysis at once
        await settle(pilot)
        # ...and only checks it off the event loop: nothing was analysed again
        assert store.get_analysis(SEED_ID) is first


async def test_read_only_store_says_so(store):
    store.readonly = True
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "read-only" in str(app.query_one("#list-count").render())


async def test_tab_cycles_the_three_panes(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.focused is app.article_list
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is app.text_area
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is app.facts
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is app.article_list


async def test_entity_index_quotes_names_with_spaces(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        screen = app.screen
        key = next(k for k, q in screen.queries.items() if "Kirill" in q)
        assert screen.queries[key] == 'person:"Kirill Dmitriev"'
        option_list = screen.query_one("#entities")
        option_list.highlighted = option_list.get_option_index(key)
        await pilot.press("enter")
        await pilot.pause()
        assert [a.id for a in app.article_list.articles] == [SEED_ID]


async def test_quitting_stops_a_long_reanalysis(store):
    import threading

    started, ended = threading.Event(), threading.Event()
    outcome = []

    def endless_many(store_, ids, force, progress):
        try:
            for i in range(1, 1_000_000):
                started.set()
                progress(i, 0)
                threading.Event().wait(0.001)  # pace the fake work
            outcome.append("ran to the end")
        except BaseException as exc:
            outcome.append(type(exc).__name__)
            raise
        finally:
            ended.set()

    app = make_app(store, Config(), services=fake_services(analyse_many=endless_many))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("2", "right_square_bracket", "e", "enter")  # Not an entity
        assert started.wait(10)
        assert app.status.busy
    assert ended.wait(10)
    assert outcome == ["Cancelled"]


async def test_import_through_the_real_importers(store, tmp_path, monkeypatch):
    source = tmp_path / "nota.md"
    source.write_text(
        "---\ntitle: Una nota importata\ndate: 2026-01-02\n---\n\nTesto della nota su Roma.\n",
        encoding="utf-8",
    )
    app = make_app(store, Config(), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        monkeypatch.chdir(tmp_path)  # a short path to type: pilot waits after every key
        await pilot.press("i", *source.name, "enter")
        await settle(pilot)
        titles = [a.title for a in app.article_list.articles]
        assert titles[0] == "Una nota importata"
        assert "imported 1" in str(app.status.query_one("#status-text").render())


async def test_theme_from_the_config_and_a_bad_one(store):
    app = make_app(store, Config(theme="nord"), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
    app = make_app(store, Config(theme="no-such-theme"), services=fake_services())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.is_running and app.theme != "no-such-theme"


async def test_palette_entries_for_pane_actions_run_on_the_pane(app):
    entries = {title: action for title, action, _ in palette_entries({})}
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await app.run_action(entries["Next entity"])
        await pilot.pause()
        assert app.text_area.entity_at_cursor().text == "Miami"
        await app.run_action(entries["Bottom"])
        await pilot.pause()
        assert app.open_id == SHORT_ID  # "Bottom" is offered for the article list


async def test_the_list_draws_only_the_rows_on_screen_at_ten_thousand(monkeypatch):
    from briefing.models import Article
    from briefing.tui.widgets.article_list import ArticleList
    from tests.tui.conftest import make_store

    articles = [
        Article(
            id=f"{i:012x}",
            title=f"Article {i}",
            body=f"Testo {i}.",
            published=f"2025-01-{i % 28 + 1:02d}",
        )
        for i in range(10_000)
    ]
    store = make_store(articles, analysed=False)
    drawn = []
    original = ArticleList.row_pieces

    def counting(self, article, width):
        drawn.append(article.id)
        return original(self, article, width)

    monkeypatch.setattr(ArticleList, "row_pieces", counting)
    # the list's drawing is measured here, not 10,000 analyses in the background
    app = make_app(store, Config(), services=fake_services(analyse_missing=lambda *_: []))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        height = app.article_list.size.height
        assert len(app.article_list.articles) == 10_000
        assert len(set(drawn)) <= height + 2
        drawn.clear()
        await pilot.press("G")
        assert app.article_list.cursor == 9_999
        assert len(set(drawn)) <= height + 2


async def test_a_note_the_store_refuses_is_kept_and_offered_again(app, store, monkeypatch):
    from briefing import paths
    from briefing.store import StoreError

    def refuse(*args, **kwargs):
        raise StoreError("disk full")

    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("2", "h", "a")
        monkeypatch.setattr(store, "update_highlight", refuse)
        await pilot.press(*"do not lose me", "ctrl+s")
        await pilot.pause()
        # The box comes back with the text, and the text is in the recovery file.
        assert isinstance(app.screen, AskNote)
        assert "NOT saved" in app.screen.title_text
        assert app.screen.query_one("#note-text").text == "do not lose me"
        assert "do not lose me" in paths.unsaved_notes_file().read_text(encoding="utf-8")
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, AskNote)
        assert store.highlights(SEED_ID)[0].note == "do not lose me"


async def test_an_analysis_from_an_older_pipeline_is_redone_when_opened(store):
    from dataclasses import replace

    from tests.tui.fakes import analyse

    upgraded: list[str] = []

    def analyse_with_new_pipeline(store, article_id, force=False):
        # Stands for analysis.analyse_article after an upgrade: the cached analysis names
        # another pipeline version, so a new one is made and stored.
        cached = analyse(store, article_id, force=force)
        if cached.pipeline_version == "2":
            return cached
        upgraded.append(article_id)
        fresh = replace(cached, pipeline_version="2", analysed_at="2026-11-24T00:00:00+00:00")
        store.put_analysis(fresh)
        return fresh

    app = make_app(store, Config(), services=fake_services(analyse=analyse_with_new_pipeline))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert upgraded == [SEED_ID]  # the article open at start, checked after first paint
        assert app.analysis.pipeline_version == "2"
        await pilot.press("j")
        await settle(pilot)
        assert upgraded == [SEED_ID, EN_ID]
        assert app.analysis.pipeline_version == "2"
        await pilot.press("k")
        await settle(pilot)
        assert upgraded == [SEED_ID, EN_ID]  # current now: nothing redone
