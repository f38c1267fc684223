"""Every key binding, declared once; panes, footer, help screen and command palette read these.

Binding ids are what `config.toml` rebinds ([keys] id = "key[,key]"). Movement ids are shared by
the panes on purpose: rebinding "down" moves every pane the same way.
"""

from __future__ import annotations

from textual.binding import Binding

APP = [
    Binding("tab", "app.next_pane", "Next pane", id="next_pane"),
    Binding("1", "app.focus_pane('list')", "List", id="focus_list"),
    Binding("2", "app.focus_pane('reader')", "Reader", id="focus_reader"),
    Binding("3", "app.focus_pane('facts')", "Facts", id="focus_facts"),
    Binding("slash", "app.filter", "Filter", id="filter"),
    Binding("n", "app.next_match", "Next match", id="next_match"),
    Binding("N", "app.previous_match", "Prev match", id="previous_match"),
    Binding("t", "app.add_tag", "Tag", id="add_tag"),
    Binding("T", "app.remove_tag", "Untag", id="remove_tag"),
    Binding("s", "app.toggle_star", "Star", id="star"),
    Binding("m", "app.toggle_read", "Read/unread", id="read"),
    Binding("i", "app.import_articles", "Import", id="import"),
    Binding("x", "app.export", "Export", id="export"),
    Binding("v", "app.entity_index", "Entities", id="entity_index"),
    Binding("C", "app.corrections", "Corrections", id="corrections"),
    Binding("question_mark", "app.help", "Help", id="help"),
    Binding("q", "app.quit", "Quit", id="quit"),
    Binding("ctrl+p", "app.command_palette", "Commands", id="command_palette"),
]

MOVE = [
    Binding("j,down", "cursor_down", "Down", id="down"),
    Binding("k,up", "cursor_up", "Up", id="up"),
    Binding("g,home", "top", "Top", id="top"),
    Binding("G,end", "bottom", "Bottom", id="bottom"),
]

LIST = [
    *MOVE,
    Binding("pagedown", "page_down", "Page down", show=False, id="page_down"),
    Binding("pageup", "page_up", "Page up", show=False, id="page_up"),
    Binding("enter", "open", "Open", id="open"),
]

READER = [
    *MOVE,
    Binding("bracketright", "next_entity", "Next entity", id="next_entity"),
    Binding("bracketleft", "previous_entity", "Prev entity", id="previous_entity"),
    Binding("h", "app.highlight", "Highlight", id="highlight"),
    Binding("a", "app.note", "Note", id="note"),
    Binding("e", "app.correct_entity", "Correct entity", id="correct_entity"),
    Binding("E", "app.mark_entity", "Mark entity", id="mark_entity"),
]

FACTS = [
    *MOVE,
    Binding("enter", "select", "Show in text", id="show_fact"),
]

DIALOG = [
    Binding("escape", "cancel", "Cancel", id="cancel"),
    Binding("ctrl+s", "save", "Save", id="save"),
]

# (title, bindings) as the help screen and the command palette present them.
GROUPS: list[tuple[str, list[Binding]]] = [
    ("Everywhere", APP),
    ("Article list", LIST),
    ("Reader", READER),
    ("Facts", FACTS),
    ("Dialogs", DIALOG),
]


def key_for(binding: Binding, keymap: dict[str, str]) -> str:
    """The key(s) a binding answers to once the user's keymap is applied."""
    if binding.id and binding.id in keymap:
        return keymap[binding.id]
    return binding.key
