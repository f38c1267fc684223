"""The reader's annotation actions: highlights, notes, and entity corrections (with undo)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefing import paths
from briefing.models import LABELS, Correction, Highlight
from briefing.tui.labels import KIND_PHRASES, NAMES
from briefing.tui.screens.dialogs import AskNote, AskText, Choose
from briefing.tui.textsafe import clean_line
from briefing.tui.wording import shorten

FAILED = object()  # what _write returns when the store refused a write


def keep_unsaved_note(quote: str, note: str) -> Path | None:
    """Append a note the store refused to a Markdown file of its own; None if that fails too."""
    path = paths.unsaved_notes_file()
    entry = f"## {now()}\n\n> {' '.join(quote.split())[:300]}\n\n{note.rstrip()}\n\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            out.write(entry)
            out.flush()
            os.fsync(out.fileno())
    except OSError:
        return None
    return path


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_id() -> str:
    """A short random id for highlights and corrections."""
    return os.urandom(6).hex()


class Annotate:
    """Mixed into BriefingApp: h, a, e, E and the corrections screen."""

    store: Any
    body: str
    open_id: str | None
    highlights: list[Highlight]

    # highlights and notes ---------------------------------------------------------------
    def _target_span(self) -> tuple[int, int] | None:
        return self.text_area.selection_span() or self.text_area.current_sentence()

    def action_highlight(self) -> None:
        """Highlight the selection or the sentence at the cursor; on a highlight, remove it."""
        if self.open_id is None:
            return
        existing = self.text_area.highlight_at_cursor()
        if existing is not None and self.text_area.selection_span() is None:
            self._write(self.store.delete_highlight, existing.id)
            self.status.say("highlight removed")
        else:
            self._new_highlight()
        self._refresh_highlights()

    def _new_highlight(self) -> Highlight | None:
        span = self._target_span()
        if span is None or self.open_id is None:
            return None
        start, end = span
        highlight = Highlight(
            id=new_id(),
            article_id=self.open_id,
            start=start,
            end=end,
            text=self.body[start:end],
            created=now(),
        )
        saved = self._write(self.store.add_highlight, highlight)
        if saved is FAILED:
            return None
        self.status.say("highlighted")
        return saved if isinstance(saved, Highlight) else highlight

    def _refresh_highlights(self) -> None:
        if self.open_id is None:
            return
        self.highlights = highlights = self.store.highlights(self.open_id)
        self.text_area.set_spans(highlights=highlights)
        self._show_facts()
        article = self.by_id.get(self.open_id)
        if article is not None:
            self.reader.update_header(article, len(highlights))
        if self.index is not None:
            self.index.refresh(self.open_id)

    def action_note(self) -> None:
        """Add or edit the note on the highlight at the cursor (highlighting first if needed)."""
        if self.open_id is None:
            return
        highlight = (
            self.text_area.highlight_at_cursor()
            if self.text_area.selection_span() is None
            else None
        )
        made_for_the_note = highlight is None
        if highlight is None:
            highlight = self._new_highlight()
            self._refresh_highlights()
        if highlight is None:
            return

        def done(note: str | None) -> None:
            if note is None:
                if made_for_the_note:  # cancelling the note takes back the highlight `a` made
                    self._write(self.store.delete_highlight, highlight.id)
                    self._refresh_highlights()
                    self.status.say("note cancelled; highlight removed")
                return
            saved = self._write(
                self.store.update_highlight, highlight.id, note=note.strip() or None
            )
            if saved is FAILED:
                # The typed text must survive a full disk or a read-only store: keep it in a
                # file beside the store and give it back in the box, to retry or copy.
                kept = keep_unsaved_note(highlight.text, note)
                where = f"kept in {kept}" if kept else "copy it before closing"
                self.push_screen(
                    AskNote(
                        f"Note NOT saved ({where}): ctrl+s tries again",
                        clean_line(highlight.text),
                        note,
                    ),
                    done,
                )
                return
            self._refresh_highlights()
            self.status.say("note saved")

        self.push_screen(
            AskNote("Note on the highlight", clean_line(highlight.text), highlight.note), done
        )

    def action_corrections(self) -> None:
        from briefing.tui.screens.corrections import CorrectionsScreen  # loaded when first shown

        def done(correction_id: str | None) -> None:
            if correction_id:
                undone = next((c for c in self.store.corrections() if c.id == correction_id), None)
                if (
                    self._write(self.store.remove_correction, correction_id) is not FAILED
                    and undone
                ):
                    self.reanalyse(undone.text, f"undid correction of “{clean_line(undone.text)}”")

        self.push_screen(CorrectionsScreen(self.store.corrections()), done)

    # corrections ------------------------------------------------------------------------
    def action_correct_entity(self) -> None:
        entity = self.text_area.entity_at_cursor()
        if entity is None:
            self.status.say("no entity under the cursor ( ] and [ move between entities )")
            return
        choices = [("none", "Not an entity"), ("extent", "Change its extent…")]
        choices += [
            (f"label:{label}", f"It is {KIND_PHRASES.get(label, label)} ({label})")
            for label in list(LABELS)
            if label != entity.label
        ]

        def chosen(choice: str | None) -> None:
            if choice is None:
                return
            if choice == "extent":
                self.push_screen(
                    AskText("The entity's exact text", value=entity.text),
                    lambda text: (
                        text and self._save_correction(text, entity.label, replaces=entity.text)
                    ),
                )
            elif choice == "none":
                self._save_correction(entity.text, None)
            else:
                self._save_correction(entity.text, choice.removeprefix("label:"))

        self.push_screen(
            Choose(f"Correct “{clean_line(entity.text)}” ({entity.label})", choices), chosen
        )

    def action_mark_entity(self) -> None:
        span = self.text_area.selection_span()
        if span is None:
            self.status.say("select text first (shift+arrows or the mouse), then E")
            return
        text = self.body[span[0] : span[1]].strip()

        def chosen(choice: str | None) -> None:
            if choice:
                self._save_correction(text, choice)

        self.push_screen(
            Choose(
                f"“{shorten(clean_line(text), 60)}” is a…",
                [(label, f"{NAMES.get(label, label)} ({label})") for label in list(LABELS)],
            ),
            chosen,
        )

    def _save_correction(self, text: str, label: str | None, replaces: str | None = None) -> None:
        article = self.current
        correction = Correction(
            id=new_id(),
            text=text,
            label=label,
            lang=None,
            replaces=replaces,
            created=now(),
        )
        if self._write(self.store.add_correction, correction) is FAILED:
            return
        what = f"“{clean_line(text)}” → {label or 'not an entity'}"
        self.status.say(f"correction saved: {what}")
        self.reanalyse(
            replaces or text, f"re-analysed after {what}", first=article.id if article else None
        )
