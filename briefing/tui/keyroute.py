"""Keys act on the pane they were sent to, however fast they come after a pane switch.

Textual hands a key to the focused widget, and the key comes back to the app (bubbling) for
the bindings, which it then looks up from the widget focused *at that moment*. Typed in a
burst ("3" then "j", or while a worker slows the loop), "j" was sent to one pane while "3"
already moved focus to another one, and acted there: a note opened on another article, a
stray highlight, an article marked read. Here the app notes where each key was sent and
looks its bindings up from there.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.binding import BindingsMap
from textual.dom import DOMNode
from textual.keys import key_to_character
from textual.widget import Widget


def binding_chain_from(widget: Widget, keymap: dict) -> list[tuple[DOMNode, BindingsMap]]:
    """The bindings a key meets from `widget` up to the app, as Screen._binding_chain builds
    them for the focused widget (Textual 8): keys a widget consumes are left to it, the user's
    keymap applies, and nothing past a modal screen counts."""
    chain: list[tuple[DOMNode, BindingsMap]] = []
    for node in widget.ancestors_with_self:
        bindings = node._bindings.copy()
        for below, _ in chain:
            for key in list(bindings.key_to_bindings):
                if below.check_consume_key(key, key_to_character(key)):
                    del bindings.key_to_bindings[key]
        if keymap:
            bindings.apply_keymap(keymap)
        chain.append((node, bindings))
        if node.is_modal:
            break
    return chain


class KeyRouting:
    """Mixed into the App: each key's bindings come from the widget it was handed to."""

    focused: Widget | None
    _keymap: dict

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            event.briefing_sent_to = self.focused  # type: ignore[attr-defined]
        await super().on_event(event)  # type: ignore[misc]

    async def _on_key(self, event: events.Key) -> None:
        # Textual calls the _on_key of each class along the MRO, App's after this one.
        sent_to: Any = getattr(event, "briefing_sent_to", None)
        if sent_to is None or sent_to is self.focused or not sent_to.is_attached:
            return  # App._on_key looks it up from the focused widget: the right one
        event.prevent_default()  # App._on_key must not look it up from the wrong one
        for namespace, bindings in binding_chain_from(sent_to, self._keymap):
            for binding in bindings.key_to_bindings.get(event.key, ()):
                run = self.run_action  # type: ignore[attr-defined]
                if not binding.priority and await run(binding.action, namespace):
                    return
