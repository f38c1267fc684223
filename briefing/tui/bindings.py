"""Every key binding, declared once; panes, footer, help screen and command palette read these.

Binding ids are what `config.toml` rebinds ([keys] id = "key[,key]"). Movement ids are shared by
the panes on purpose: rebinding "down" moves every pane the same way.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding

# Related keys share one footer entry ("jkgG Move") so the footer fits a terminal.
_PANE = Binding.Group("Pane", compact=True)
_MATCH = Binding.Group("Match", compact=True)
_TAG = Binding.Group("Tag +/-", compact=True)
_MOVE = Binding.Group("Move", compact=True)
_ENTITY = Binding.Group("Entity", compact=True)
_FIX = Binding.Group("Fix entity", compact=True)
_FEEDS = Binding.Group("Feeds", compact=True)

APP = [
    Binding("question_mark", "app.help", "Help", id="help", key_display="?"),
    Binding("q", "app.quit", "Quit", id="quit"),
    # Keys that move focus are priority bindings: they act when the app reads the key, before
    # the keys behind them are handed to a pane, so those land in the new one (in an input
    # or a dialog the action skips itself and the key is typed: _only_between_panes).
    Binding("1", "app.focus_pane('list')", "List", id="focus_list", group=_PANE, priority=True),
    Binding(
        "2", "app.focus_pane('reader')", "Reader", id="focus_reader", group=_PANE, priority=True
    ),
    Binding("3", "app.focus_pane('facts')", "Facts", id="focus_facts", group=_PANE, priority=True),
    Binding("slash", "app.filter", "Filter", id="filter", key_display="/", priority=True),
    Binding("n", "app.next_match", "Next match", id="next_match", group=_MATCH),
    Binding("N", "app.previous_match", "Prev match", id="previous_match", group=_MATCH),
    Binding("t", "app.add_tag", "Tag", id="add_tag", group=_TAG),
    Binding("T", "app.remove_tag", "Untag", id="remove_tag", group=_TAG),
    Binding("s", "app.toggle_star", "Star", id="star"),
    Binding("m", "app.toggle_read", "Read/unread", id="read"),
    Binding("i", "app.import_articles", "Import", id="import"),
    Binding("x", "app.export", "Export", id="export"),
    Binding("v", "app.entity_index", "Entities", id="entity_index"),
    Binding("C", "app.corrections", "Corrections", id="corrections"),
    Binding("R", "app.refresh_feeds", "Refresh feeds", id="refresh_feeds", group=_FEEDS),
    Binding("F", "app.feeds", "Feeds", id="feeds", group=_FEEDS),
    Binding("S", "app.stories", "Stories", id="stories"),
    Binding("ctrl+p", "app.command_palette", "Commands", id="command_palette"),
]

# Tab belongs to each pane (not the app): the screen's own Tab binding would win otherwise.
NEXT_PANE = Binding("tab", "app.next_pane", "Next pane", id="next_pane", group=_PANE, priority=True)

MOVE = [
    Binding("j,down", "cursor_down", "Down", id="down", group=_MOVE, key_display="j"),
    Binding("k,up", "cursor_up", "Up", id="up", group=_MOVE, key_display="k"),
    Binding("g,home", "top", "Top", id="top", group=_MOVE, key_display="g"),
    Binding("G,end", "bottom", "Bottom", id="bottom", group=_MOVE, key_display="G"),
]

LIST = [
    NEXT_PANE,
    *MOVE,
    Binding("pagedown", "page_down", "Page down", show=False, id="page_down"),
    Binding("pageup", "page_up", "Page up", show=False, id="page_up"),
    Binding("enter", "open", "Open", id="open"),
]

READER = [
    NEXT_PANE,
    *MOVE,
    Binding(
        "right_square_bracket",
        "next_entity",
        "Next entity",
        id="next_entity",
        group=_ENTITY,
        key_display="]",
    ),
    Binding(
        "left_square_bracket",
        "previous_entity",
        "Prev entity",
        id="previous_entity",
        group=_ENTITY,
        key_display="[",
    ),
    Binding("h", "app.highlight", "Highlight", id="highlight"),
    Binding("a", "app.note", "Note", id="note"),
    Binding("e", "app.correct_entity", "Correct entity", id="correct_entity", group=_FIX),
    Binding("E", "app.mark_entity", "Mark entity", id="mark_entity", group=_FIX),
]

FACTS = [
    NEXT_PANE,
    *MOVE,
    Binding("enter", "select", "Show in text", id="show_fact"),
]

FILTER = [
    Binding("escape", "app.leave_filter", "Back to the list", id="leave_filter"),
]

# The entity index: letters go to its find box, so its own keys are not letters.
ENTITY_INDEX = [
    Binding("plus", "merge", "Merge into", id="merge_identity", key_display="+"),
    Binding("minus", "split", "Split off", id="split_identity", key_display="-"),
    Binding("ctrl+z", "undo_edit", "Undo edit", id="undo_identity"),
]

# The stories screen (its list takes j/k and Enter as every list does).
STORIES = [
    Binding("j", "move(1)", "Down", id="story_down", show=False),
    Binding("k", "move(-1)", "Up", id="story_up", show=False),
    Binding("x", "export_story", "Export story", id="export_story"),
    Binding("plus", "merge_story", "Merge into", id="merge_story", key_display="+"),
    Binding("minus", "split_story", "Split off", id="split_story", key_display="-"),
    Binding("r", "retitle_story", "Retitle", id="retitle_story"),
    Binding("ctrl+z", "undo_story_edit", "Undo edit", id="undo_story"),
]

DIALOG = [
    Binding("escape", "cancel", "Cancel", id="cancel"),
    Binding("ctrl+s", "save", "Save", id="save"),
]

# The footer shows only these (the keys a newcomer needs first); `?` and ctrl+p show the rest
# (the footer shows ctrl+p at its right end by itself).
FOOTER = {
    "help",
    "filter",
    "quit",
    "open",
    "highlight",
    "note",
    "correct_entity",
    "show_fact",
    "leave_filter",
    "cancel",
    "save",
}


def _footer_only(group: list[Binding]) -> list[Binding]:
    return [replace(b, show=b.id in FOOTER) for b in group]


APP, LIST, READER, FACTS = map(_footer_only, (APP, LIST, READER, FACTS))

# (title, bindings) as the help screen and the command palette present them.
GROUPS: list[tuple[str, list[Binding]]] = [
    ("Everywhere", APP),
    ("Article list", LIST),
    ("Reader", READER),
    ("Facts", FACTS),
    ("Filter box", FILTER),
    ("Entity index", ENTITY_INDEX),
    ("Stories", STORIES),
    ("Dialogs", DIALOG),
]


def key_for(binding: Binding, keymap: dict[str, str]) -> str:
    """The key(s) a binding answers to once the user's keymap is applied."""
    if binding.id and binding.id in keymap:
        return keymap[binding.id]
    return binding.key


_KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
}


def pretty_keys(keys: str) -> str:
    """Keys as a person types them: "j, down", "]", "ctrl+p"."""
    return ", ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))
