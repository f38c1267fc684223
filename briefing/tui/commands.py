"""The command palette provider: every action of the reader, found by name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from briefing.tui import bindings


def palette_entries(keymap: dict[str, str]) -> list[tuple[str, str, str]]:
    """(title, action, help) for every binding that does something beyond moving a cursor."""
    entries = []
    seen = set()
    for group_title, group in bindings.GROUPS:
        if group_title in {"Dialogs", "Filter box", "Entity index"}:
            continue
        for binding in group:
            if binding.id in seen or binding.id in {"down", "up", "page_down", "page_up"}:
                continue
            seen.add(binding.id)
            if binding.action == "app.command_palette":
                continue
            # Pane actions run on the pane; the app re-targets them (see BriefingApp.run_pane_action).
            action = (
                binding.action
                if binding.action.startswith("app.")
                else f"app.pane_action({group_title!r}, {binding.action!r})"
            )
            keys = bindings.pretty_keys(bindings.key_for(binding, keymap))
            entries.append((f"{binding.description}", action, f"{group_title} · key {keys}"))
    entries.append(("Show or hide the facts pane", "app.toggle_facts", "Layout"))
    return entries


class BriefingCommands(Provider):
    """Every action of the reader for Ctrl+P."""

    def _entries(self) -> list[tuple[str, str, str]]:
        return palette_entries(getattr(self.app, "keymap_config", {}))

    async def discover(self) -> Hits:
        for title, action, help_text in self._entries():
            yield DiscoveryHit(title, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_text in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    partial(self.app.run_action, action),
                    help=help_text,
                )
