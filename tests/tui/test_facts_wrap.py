"""The facts panel shows every line of a wrapped fact once its scrollbar appears."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets.option_list import Option

import briefing.tui
from briefing.tui.widgets.facts_panel import FactsPanel, _bulleted, _quote

STYLESHEET = Path(briefing.tui.__file__).with_name("briefing.tcss")
QUOTE = "There is no reason to believe the guys in charge have changed their stripes,"


class _Panel(App):
    CSS_PATH = STYLESHEET
    # A width at which the quote takes one line more once the scrollbar takes its columns.
    CSS = "#facts { width: 35; height: 12; }"

    def compose(self) -> ComposeResult:
        yield FactsPanel(id="facts")


async def test_a_wrapped_quote_keeps_its_speaker_when_the_scrollbar_appears() -> None:
    app = _Panel()
    async with app.run_test(size=(60, 14)) as pilot:
        panel = app.query_one(FactsPanel)
        panel.add_options(
            [Option(_bulleted(_quote(QUOTE, "Eric Reeves", False)))]
            + [Option(_bulleted(_quote(f"Quote number {i} said.", "X", False))) for i in range(12)]
        )
        await pilot.pause()
        assert panel.show_vertical_scrollbar
        lines = ["".join(s.text for s in panel.render_line(y)) for y in range(6)]
        assert any("— Eric Reeves" in line for line in lines), lines


def test_a_claim_credited_to_someone_unnamed_says_so_not_unknown_speaker() -> None:
    hearsay = _quote("He reportedly met Putin", None, True, how="hearsay").plain
    assert hearsay == "≈ He reportedly met Putin — unnamed source"
    assert _quote("Nessun commento", None, True).plain.endswith("— unknown speaker")
