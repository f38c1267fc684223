"""The three-pane reader: article list, article text, facts; built by make_app()."""

from __future__ import annotations

import gc
import re
from operator import attrgetter
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Footer, Input, Static, TextArea

from briefing.config import Config
from briefing.models import Analysis, Article, Highlight
from briefing.store import BodyDamaged, StoreError
from briefing.text import FoldedText, fold_with_origins
from briefing.tui import bindings
from briefing.tui.annotate import FAILED, Annotate
from briefing.tui.commands import BriefingCommands
from briefing.tui.feeds import FeedActions
from briefing.tui.keyroute import KeyRouting
from briefing.tui.malloc import one_malloc_arena
from briefing.tui.messages import (
    AnalysisReady,
    ArticlesChanged,
    IndexReady,
    JumpTo,
    ListLoaded,
    OpenArticle,
    Progress,
    TaskFinished,
)
from briefing.tui.rows import ListedRows
from briefing.tui.screens.dialogs import AskText, Choose
from briefing.tui.services import Services
from briefing.tui.stories import StoryActions
from briefing.tui.tasks import Tasks
from briefing.tui.textsafe import clean_line
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.facts_panel import FactsPanel
from briefing.tui.widgets.inert_inputs import InertInput
from briefing.tui.widgets.reader import ArticleText, Reader
from briefing.tui.widgets.status import StatusBar
from briefing.tui.wording import plural, shorten

NARROW = 100  # below this many columns the facts pane takes turns with the list

THEME_SETTING = "theme"  # the store setting that keeps the palette's choice across runs
PANES = {"list": "#articles", "reader": "#text", "facts": "#facts"}


class BriefingApp(KeyRouting, Annotate, Tasks, FeedActions, StoryActions, App):
    """Read, tag, filter, highlight, annotate and correct articles from one store."""

    CSS_PATH = "briefing.tcss"
    TITLE = "briefing"
    BINDINGS = bindings.APP
    COMMANDS = App.COMMANDS | {BriefingCommands}

    def __init__(self, store: Any, config: Config, services: Services | None = None) -> None:
        super().__init__()
        self.store = store
        self.config = config
        self.services = services or Services()
        self.keymap_config: dict[str, str] = dict(config.keys)
        self.articles: list[Article] = []
        self.by_id: dict[str, Article] = {}
        self._listed = ListedRows(self.by_id.get)  # a filter's matches as rows, per keystroke
        self.index: Any = None
        self.filter_text = ""
        self.filter_query: Any = None
        self.open_id: str | None = None
        self.body = ""
        self.analysis: Analysis | None = None
        self.matches: list[tuple[int, int]] = []
        self.highlights: list[Highlight] = []
        self._painted = False
        self._pending_analysis: str | None = None
        self._count_line = ""
        self._folded_body: FoldedText | None = None
        # Opened from its list head (Store.open(deferred=True)): the list shows the head's rows
        # until the load_list worker hands over every article (ListLoaded).
        self.list_loaded = getattr(store, "loaded", True)
        self._pending_open: OpenArticle | None = None  # asked for before the list was loaded
        self._early_changes = False  # the store was written before the list was loaded
        # No cyclic-GC passes until the first paint: loading 10,000 articles would trigger
        # full passes over them (~0.1 s); on_ready freezes what was loaded and re-enables it.
        self._gc_was_enabled = gc.isenabled()
        gc.disable()

    # layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield FilterInput(
                    placeholder="/ filter: words tag:x person:y is:unread …", id="filter"
                )
                yield Static(id="filter-error")
                yield ArticleList(id="articles")
                yield Static(id="list-count")
            yield Reader(id="reader")
            with Vertical(id="facts-pane"):
                yield Static(Text("Facts", style="bold", end=""), id="facts-title")
                yield FactsPanel(id="facts")
        yield StatusBar(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._apply_start_theme()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.set_keymap(self.keymap_config)
        if self.list_loaded:
            self.articles = self.store.articles()
            self.index = self.services.open_index(self.store)  # the filter works at first paint
        else:
            self.articles = self.store.head_articles()  # the rest is loaded after first paint
        self.by_id = {a.id: a for a in self.articles}
        self._listed = ListedRows(self.by_id.get)
        self.article_list.set_articles(self.articles)
        self._show_count()
        self._focus_now(self.article_list)  # not the filter box, which comes first
        self._layout(self.size.width)

    def _apply_start_theme(self) -> None:
        """The theme last chosen in the palette (kept in the store), else config.toml's."""
        try:
            if self.list_loaded:
                chosen = self.store.get_setting(THEME_SETTING)
            else:  # the head keeps the small settings: no load before first paint
                chosen = self.store.head.settings.get(THEME_SETTING)
        except StoreError:
            chosen = None
        if chosen in self.available_themes:
            self.theme = chosen
        elif self.config.theme:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:  # a typo in config.toml must not stop the reader from opening
                self.notify(
                    f"unknown theme {self.config.theme!r} in config.toml", severity="warning"
                )

    def _remember_theme(self, theme: Any) -> None:
        if self.store.readonly or theme.name == self.store.get_setting(THEME_SETTING):
            return
        self._write(self.store.set_setting, THEME_SETTING, theme.name)

    def on_ready(self) -> None:
        # Textual sends Ready after the first full paint: the index and spaCy load only
        # then, in workers, so the first screen never waits for them.
        self._painted = True
        if not self.list_loaded:
            one_malloc_arena()  # the worker's tables as compact as the event loop's (malloc.py)
            self.load_list()  # the workers below start once every article is listed
            return
        self._after_paint()

    def _after_paint(self) -> None:
        """What starts once the first screen is painted and every article listed."""
        self.build_index()
        if self._pending_analysis is not None:
            self.analyse_open(self._pending_analysis)
            self._pending_analysis = None
        elif self.open_id is not None and self.analysis is not None:
            self.recheck_open(self.open_id, self.analysis)
        # Everything loaded so far lives as long as the app: keep it out of the garbage
        # collector's full passes, which otherwise stall keystrokes on large stores.
        gc.freeze()
        if self._gc_was_enabled:
            gc.enable()
        if self.store.readonly:
            self.status.say("read-only: another briefing holds the store; changes are not saved")
            from briefing.backlog import unanalysed_among  # nothing analyses them here
            from briefing.entities import edits, links_version

            linked_by = links_version(edits.load(self.store))
            links = self.store.analysed_links()
            self.unanalysed_left = len(unanalysed_among(self.by_id, links, linked_by))
        else:
            self.analyse_backlog()  # new articles, or work cut short when the reader last quit
            if self.config.refresh_on_start:
                self.refresh_subscriptions()

    def on_resize(self, event) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        self.screen.set_class(width < NARROW, "-narrow")

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def text_area(self) -> ArticleText:
        return self.query_one(ArticleText)

    @property
    def facts(self) -> FactsPanel:
        return self.query_one(FactsPanel)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    def _show_count(self, *, stale: bool = False, unread: int | None = None) -> None:
        """The line under the list; `stale` while the filter box holds a query with an error,
        so the rows are still those of the last query that worked: say which."""
        shown, total = len(self.article_list.articles), len(self.articles)
        head = None if self.list_loaded else self.store.head
        if stale:
            kept = clean_line(self.filter_text).strip()
            kept = f"“{shorten(kept, 30)}”" if kept else "all articles"
            line = f"still showing {kept} ({shown})"
            if line != self._count_line:
                self._count_line = line
                self.query_one("#list-count", Static).update(Text(line, end=""), layout=False)
            return
        label = (
            f"{shown} of {plural(total, 'article')}"
            if self.filter_text
            else plural(total, "article")
        )
        if head is not None:  # the first screen, before the store is loaded
            label, unread = plural(head.count, "article"), head.unread
        elif unread is None:  # not counted with the rows (ListedRows.unread)
            rows = self.article_list.articles
            unread = len(rows) - sum(map(_IS_READ, rows))
        line = f"{label} · {unread} unread" + (" · read-only" if self.store.readonly else "")
        if self.unanalysed_left and _ENTITY_FIELDS.search(self.filter_text):
            # entity filters cannot see these yet: that matters more than unread (and the
            # list pane is narrow)
            line = f"{label} · {self.unanalysed_left:,} unanalysed"
        if line != self._count_line:
            self._count_line = line
            # One line of a fixed size: no layout pass (a reflow repaints every pane).
            self.query_one("#list-count", Static).update(Text(line, end=""), layout=False)

    # panes ------------------------------------------------------------------------------
    def _only_between_panes(self) -> None:
        """The focus keys are priority bindings (bindings.APP): where the user types text, in
        the filter box or a dialog, skipping the action leaves the key to be that text."""
        focused = self.focused
        if (
            len(self.screen_stack) > 1  # a dialog, the help or the command palette
            or isinstance(focused, Input)
            or (isinstance(focused, TextArea) and not focused.read_only)
        ):
            raise SkipAction()

    def action_focus_pane(self, pane: str) -> None:
        self._only_between_panes()
        narrow = self.screen.has_class("-narrow")
        if pane == "facts":
            self.screen.add_class("-show-facts")
        elif pane == "list" and narrow:
            self.screen.remove_class("-show-facts")
        self._focus_now(self.query_one(PANES[pane]))

    def _focus_now(self, widget: Widget) -> None:
        # Now: widget.focus() waits for the next turn of the loop, and keys already queued
        # behind this one (typed fast, or while a worker slows the loop) would go to the old
        # pane. A pane just shown by a class change takes focus before its layout has run.
        self.screen.set_focus(widget)

    def action_next_pane(self) -> None:
        self._only_between_panes()
        order = ["list", "reader", "facts"]
        focused = self.focused
        current = next(
            (p for p, sel in PANES.items() if focused is not None and focused.id == sel[1:]),
            "facts",
        )
        self.action_focus_pane(order[(order.index(current) + 1) % 3])

    def action_toggle_facts(self) -> None:
        self.screen.toggle_class("-hide-facts")

    def action_pane_action(self, group: str, action: str) -> None:
        """Run a pane's own action from the command palette."""
        target = {"Article list": self.article_list, "Reader": self.text_area, "Facts": self.facts}[
            group
        ]
        self.call_later(self.run_action, action, target)

    # opening articles -------------------------------------------------------------------
    @on(OpenArticle)
    def _open_requested(self, message: OpenArticle) -> None:
        if self._shutting_down():  # a burst of keys can leave one queued behind the quit
            return
        if not message.focus_reader and isinstance(self.focused, FilterInput):
            # While the user types a filter the reader stays put: re-rendering an article on
            # every keystroke would make typing slow. Leaving the box opens the list's choice.
            return
        if not self.list_loaded:
            self._pending_open = message  # the store is loading: opened once it is listed
            return
        if message.article_id != self.open_id:
            self.open_article(message.article_id)
        if message.focus_reader:
            article = self.by_id.get(message.article_id)
            if article is not None and not article.read:
                self._write(self.store.set_read, article.id, True)
                self._reload(article.id)
            self.text_area.focus()

    def open_article(self, article_id: str) -> None:
        article = self.by_id.get(article_id) or self.store.get(article_id)
        if article is None:
            return
        self.open_id = article_id
        try:
            self.body = self.store.body(article_id)
            self._folded_body = None
            self.analysis = self.store.get_analysis(article_id)
            self.highlights = self.store.highlights(article_id)
        except BodyDamaged as exc:
            # Shown as damaged, with the way back; the other articles keep working.
            self.body = f"[this article's text is damaged]\n\n{exc}"
            # nothing to analyse: an empty analysis, so neither pane waits for one
            self.analysis = Analysis(article_id, article.lang or "", "", "")
            self._folded_body, self.highlights = None, []
            self.reader.show(article, self.body, self.analysis, [])
            self._show_facts()
            self.notify(str(exc), title="Damaged text", severity="error", timeout=12)
            return
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self.reader.show(article, self.body, self.analysis, self.highlights)
        self._show_facts()
        self._find_matches()
        if self.analysis is None or self._stale(self.analysis):
            if self._painted:
                self.analyse_open(article_id)
            else:
                self._pending_analysis = article_id
        elif self._painted:
            # Whether the pipeline that made it is still the installed one is asked off the
            # event loop: the answer may need spaCy.
            self.recheck_open(article_id, self.analysis)

    def _show_facts(self) -> None:
        self.facts.show_facts(self.analysis.facts if self.analysis else None, self.highlights)

    def _stale(self, analysis: Analysis) -> bool:
        try:
            return self.services.is_stale(analysis, self.body, self.store.corrections_version())
        except StoreError:
            return False

    @on(AnalysisReady)
    def _analysis_ready(self, message: AnalysisReady) -> None:
        if self._shutting_down():
            return
        if message.article_id == self.open_id:
            self.analysis = message.analysis
            self.reader.set_analysis(message.analysis)
            self._show_facts()
        if self.index is not None:
            self.index.refresh(message.article_id)

    @on(JumpTo)
    def _jump(self, message: JumpTo) -> None:
        self.text_area.show_span(message.start, message.end)

    # filter -----------------------------------------------------------------------------
    def action_filter(self) -> None:
        self._only_between_panes()
        self.screen.remove_class("-show-facts")
        self._focus_now(self.query_one("#filter", Input))

    def action_leave_filter(self) -> None:
        self._leave_filter()

    def _leave_filter(self) -> None:
        self.article_list.focus()
        current = self.article_list.current
        if current is not None and current.id != self.open_id:
            self.open_article(current.id)
        else:
            self._find_matches()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.apply_filter(event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self._leave_filter()

    def apply_filter(self, text: str) -> bool:
        """Filter the list by a query; a bad query shows its error in place. True when applied."""
        error_box = self.query_one("#filter-error", Static)
        keep = self.open_id
        if not text.strip():
            self.filter_text, self.filter_query = "", None
            self._clear_error(error_box)
            self.article_list.set_articles(self.articles, keep=keep)
            self._show_count()
            self._find_matches()
            return True
        try:
            query = self.services.parse_query(text)
        except self.services.query_error() as exc:
            position = getattr(exc, "position", 0)
            message = getattr(exc, "message", str(exc))
            shown = clean_line(text)
            error_box.update(
                Text(
                    f"{shown}\n{' ' * min(position, len(shown))}^ {message}",
                    style="bold red",
                    end="",
                )
            )
            error_box.add_class("-shown")
            self._show_count(stale=True)
            return False
        self._clear_error(error_box)
        self.filter_text, self.filter_query = text, query
        if not self.list_loaded:
            self._filter_head(query, keep)
            return True
        if self.index is None:
            # The index is still being built in its worker; IndexReady applies the filter.
            self._count_line = "indexing… the filter applies in a moment"
            self.query_one("#list-count", Static).update(Text(self._count_line, end=""))
            return True
        # search() answers in the store's list order, which is ours: no pass over every row.
        rows = self._listed.matching(self.index, query)
        self.article_list.set_articles(rows, keep=keep)
        self._show_count(unread=self._listed.unread)  # counted in the same pass as the rows
        if not isinstance(self.focused, FilterInput):
            self._find_matches()  # while typing, marking matches waits until the box is left
        return True

    def _filter_head(self, query: Any, keep: str | None) -> None:
        """Before the store is loaded: the head's rows that match, counted and picked through
        the search index. They are the result's first rows (the head is the list's start);
        ListLoaded lists the rest."""
        index = self.store.early_search_index()
        if index is None:  # no index that agrees with the head: wait for the load
            line = "loading the list… the filter applies in a moment"
        else:
            found = index.matching(query)
            numbers = index.numbers_of([a.id for a in self.articles])
            rows = [a for a in self.articles if numbers.get(a.id) in found]
            self.article_list.set_articles(rows, keep=keep)
            line = f"{len(found)} of {plural(self.store.head.count, 'article')} · loading the rest…"
        self._count_line = line
        self.query_one("#list-count", Static).update(Text(line, end=""), layout=False)

    @staticmethod
    def _clear_error(error_box: Static) -> None:
        if error_box.has_class("-shown"):  # an update would reflow the screen for nothing
            error_box.update("")
            error_box.remove_class("-shown")

    def set_filter(self, text: str) -> None:
        self.query_one("#filter", Input).value = text  # Input.Changed applies it too
        self.apply_filter(text)

    def _find_matches(self) -> None:
        """The filter's words in the open article, for n and N."""
        spans: list[tuple[int, int]] = []
        terms = []
        if self.filter_query is not None and hasattr(self.filter_query, "search_terms"):
            terms = [" ".join(t) for t in self.filter_query.search_terms()]
        elif self.filter_text:
            terms = [w for w in re.findall(r'"[^"]+"|[^\s()]+', self.filter_text) if ":" not in w]
        for term in terms:
            term = term.strip('"').lstrip("-")
            if term and term.upper() not in {"AND", "OR", "NOT"}:
                if self._folded_body is None:
                    # once per article, not per keystroke
                    self._folded_body = fold_with_origins(self.body)
                spans += self._folded_body.find_all(term)
        matches = sorted(set(spans))
        if matches != self.matches or self.text_area.matches != matches:
            # Restyling the text re-renders every visible row: only when something changed.
            self.matches = matches
            self.text_area.matches = matches
            self.text_area.set_spans()

    def action_next_match(self) -> None:
        self._step_match(+1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        if not self.matches:
            self.status.say("no match in this article")
            return
        at = self.text_area.cursor_offset
        if step > 0:
            later = [m for m in self.matches if m[0] > at]
            target = later[0] if later else self.matches[0]
        else:
            earlier = [m for m in self.matches if m[0] < at]
            target = earlier[-1] if earlier else self.matches[-1]
        self.text_area.move_cursor(self.text_area.location(target[0]), center=True)
        self.status.say(f"match {self.matches.index(target) + 1} of {len(self.matches)}")

    # store writes -----------------------------------------------------------------------
    def _write(self, method, *args, **kwargs) -> Any:
        """Call a store write; a failure is shown, never raised into the event loop."""
        try:
            return method(*args, **kwargs)
        except (StoreError, OSError) as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=8)
        return FAILED

    def _reload(self, article_id: str) -> None:
        self._early_changes |= not self.list_loaded
        article = self.store.get(article_id)
        if article is None:
            return
        self.by_id[article_id] = article
        self._listed.replace(article)
        self.articles = [article if a.id == article_id else a for a in self.articles]
        self.article_list.refresh_article(article)
        if article_id == self.open_id:
            self.reader.update_header(article, len(self.text_area.user_highlights))
        if self.index is not None:
            self.index.refresh(article_id)
        self._show_count()

    @property
    def current(self) -> Article | None:
        if self.open_id is not None:
            return self.by_id.get(self.open_id)
        return self.article_list.current

    def action_toggle_star(self) -> None:
        if (article := self.current) is not None:
            self._write(self.store.set_starred, article.id, not article.starred)
            self._reload(article.id)

    def action_toggle_read(self) -> None:
        if (article := self.current) is not None:
            self._write(self.store.set_read, article.id, not article.read)
            self._reload(article.id)

    def action_add_tag(self) -> None:
        article = self.current
        if article is None:
            return
        known = sorted(self.store.tag_counts(), key=str.casefold)

        def done(tag: str | None) -> None:
            if tag:
                self._write(self.store.update_tags, article.id, add=[tag])
                self._reload(article.id)

        self.push_screen(
            AskText(f"Add a tag to “{shorten(clean_line(article.title), 50)}”", suggestions=known),
            done,
        )

    def action_remove_tag(self) -> None:
        article = self.current
        if article is None or not article.tags:
            self.status.say("this article has no tags")
            return

        def done(tag: str | None) -> None:
            if tag:
                self._write(self.store.update_tags, article.id, remove=[tag])
                self._reload(article.id)

        self.push_screen(
            Choose("Remove which tag?", [(t, "#" + clean_line(t)) for t in article.tags]), done
        )

    # screens ----------------------------------------------------------------------------
    def action_help(self) -> None:
        from briefing.tui.screens.help import HelpScreen  # screens load when first shown

        self.push_screen(HelpScreen(self.keymap_config))

    def _list_ready(self) -> bool:
        """False (and says so) while the list shows only its head: the whole list is a moment
        away, and counting or exporting the head alone would mislead."""
        if not self.list_loaded:
            self.status.say("the list is still loading: try again in a moment")
        return self.list_loaded

    def action_entity_index(self) -> None:
        if not self._list_ready():
            return

        def done(query: str | None) -> None:
            if query:
                self.set_filter(query)
                self.article_list.focus()

        from briefing.backlog import unanalysed_among
        from briefing.entities import edits, links_version
        from briefing.tui.screens.entity_index import EntityIndex

        user_edits = edits.load(self.store)
        summaries = self.store.summaries()
        links = {k: v.links_version for k, v in summaries.items()}
        unanalysed = len(unanalysed_among(self.by_id, links, links_version(user_edits)))
        self.push_screen(EntityIndex(summaries, unanalysed, self.config.names, user_edits), done)

    # import and export ------------------------------------------------------------------
    def action_import_articles(self) -> None:
        def done(answer: str | None) -> None:
            if answer:
                self.import_sources([s for s in re.split(r"\s+", answer) if s])

        self.push_screen(
            AskText("Import from (files, folders, feeds or URLs, space separated)"), done
        )

    def action_export(self) -> None:
        if not self._list_ready():
            return
        shown = [a.id for a in self.article_list.articles]
        choices = []
        if self.open_id:
            choices.append(("open", "This article"))
        listed = (
            "The article in the list"
            if len(shown) == 1
            else f"The {len(shown)} articles in the list"
        )
        choices.append(("list", f"{listed}, one file each"))
        choices.append(("one", f"{listed}, in one file"))
        default_dir = self.config.export_dir or str(Path.cwd() / "briefing-export")

        def chosen(choice: str | None) -> None:
            if choice is None:
                return
            ids = [self.open_id] if choice == "open" else shown

            def to(folder: str | None) -> None:
                if folder:
                    self.export_articles(ids, Path(folder).expanduser(), one_file=choice == "one")

            self.push_screen(AskText("Export to folder", value=default_dir), to)

        self.push_screen(Choose("Export to Markdown", choices), chosen)

    # worker reports ---------------------------------------------------------------------
    def _shutting_down(self) -> bool:
        """True once the app is shutting down: its widgets are gone, reports no longer matter."""
        return not self.query("#panes")

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        if not self._shutting_down():
            self.status.progress(message.task, message.done, message.total, message.text)

    @on(TaskFinished)
    def _finished(self, message: TaskFinished) -> None:
        if self._shutting_down():
            return
        self.status.finished(message.task, message.error or message.summary)
        if message.error:
            self.notify(message.error, title=message.task, severity="error", timeout=10)

    @on(ListLoaded)
    def _list_loaded(self, message: ListLoaded) -> None:
        if self._shutting_down() or self.list_loaded:
            return
        if message.error:
            self.exit(return_code=1, message=f"briefing: {message.error}")
            return
        articles, self.index = message.articles, message.index
        if self._early_changes:  # written meanwhile, perhaps after the worker listed them
            articles = self.store.articles()
        self.list_loaded = True
        self.articles = articles
        self.by_id = {a.id: a for a in articles}
        self._listed = ListedRows(self.by_id.get)
        current = self.article_list.current
        keep = current.id if current is not None else None
        pending, self._pending_open = self._pending_open, None
        if self.filter_text and self.filter_query is not None:
            self.apply_filter(self.filter_text)  # typed while the list was loading
        else:
            self.article_list.set_articles(self.articles, keep=keep)  # opens the cursor's row
            self._show_count()
        if pending is not None and pending.focus_reader:
            self.post_message(pending)
        self._after_paint()

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        if self.filter_text and not self._shutting_down():
            self.apply_filter(self.filter_text)

    @on(ArticlesChanged)
    def _articles_changed(self, message: ArticlesChanged) -> None:
        if self._shutting_down():
            return
        if not self.list_loaded:  # an import typed in at once: ListLoaded lists it
            self._early_changes = True
            return
        if message.analysed:  # the list and the open article are as they were
            if self.index is not None:
                for article_id in message.ids:
                    self.index.refresh(article_id)
                if self.filter_text:
                    self.apply_filter(self.filter_text)
            return
        if message.added:
            # Merge the new rows in the store's order instead of re-listing every article.
            new = [a for a in (self.store.get(i) for i in message.ids) if a is not None]
            self.articles = sorted(
                self.articles + new,
                key=lambda a: (a.published or "", a.added or ""),
                reverse=True,
            )
            self.by_id.update({a.id: a for a in new})
            self._listed.forget()
            self.analyse_backlog()
        if self.index is not None:
            for article_id in message.ids:
                self.index.refresh(article_id)
        self.apply_filter(self.filter_text)
        if self.open_id in message.ids:
            self.open_article(self.open_id)


_IS_READ = attrgetter("read")
_ENTITY_FIELDS = re.compile(r"\b(?:person|org|place|entity|quote|anonymous):", re.IGNORECASE)


class FilterInput(InertInput):
    """The filter box; Escape goes back to the list and keeps the filter."""

    BINDINGS = bindings.FILTER


def make_app(
    store: Any, config: Config | None = None, *, services: Services | None = None
) -> BriefingApp:
    """The reader over an open store; the CLI and the tests both build it here."""
    return BriefingApp(store, config or Config(), services)
