"""A story's briefing: copies shown once, timeline, numbers that disagree, who said what,
sourcing per outlet, the reader's highlights and notes, kept sections; the CLI's --story."""

from __future__ import annotations

from briefing.export import ExportOptions
from briefing.export.render import ArticleBundle
from briefing.export.story import export_story, render_story
from briefing.models import Attribution, DateFact, Highlight, NumberFact, Quote
from briefing.stories import near_dups, speakers, timeline
from briefing.stories.stories import describe
from tests.stories.synth import PUTIN, WITKOFF, analysis, article

WIRE = (
    "Steve Witkoff met Vladimir Putin in Moscow on Tuesday. The Kremlin said no compromise was "
    "found on the peace plan after five hours of talks. Three people were killed in a strike on "
    "Kharkiv the same night, officials said."
)


def _items():
    first = article("Witkoff meets Putin", WIRE, "2025-12-02", source="Wire")
    copy = article(
        "BREAKING: Witkoff meets Putin", "Breaking news. " + WIRE, "2025-12-02", source="Reposter"
    )
    italian = article(
        "Witkoff da Putin",
        "Secondo fonti del Cremlino, quattro morti a Kharkiv. «Nessun compromesso», ha detto Putin.",
        "2025-12-03",
        lang="it",
        source="Esempio News",
    )
    found = []
    for item in (first, copy, italian):
        result = analysis(item, who=[WITKOFF, PUTIN])
        body = item.body
        if item is italian:
            q = body.index("«")
            result.facts.quotes = [Quote("Putin", "Nessun compromesso", q, q + 20, how="frame")]
            result.facts.attributions = [
                Attribution("Secondo fonti del Cremlino", "fonti del Cremlino", True, 0, 26)
            ]
            n = body.index("quattro")
            result.facts.numbers = [NumberFact("4 morti", "morti", n, n + 13)]
        else:
            t = body.index("Tuesday")
            result.facts.dates = [DateFact("Tuesday", "2025-12-02", t, t + 7, True)]
            result.facts.quotes = [Quote("Vladimir Putin", "no compromise", 0, 5, reported=True)]
            result.facts.attributions = [
                Attribution("officials said", "officials", True, 0, 5, source_type="official")
            ]
            k = body.index("Three")
            result.facts.numbers = [NumberFact("3 people were killed", "killed", k, k + 20)]
        result.facts.people[0].roles = ["US envoy"] if item is first else ["inviato"]
        found.append((item, result))
    return found


def test_wire_copies_are_found_and_their_changes_named():
    (first, _), (copy, _), (italian, _) = _items()
    groups = near_dups.near_duplicates({a.id: a.body for a in (first, copy, italian)})
    assert groups == [[first.id, copy.id]]
    change = near_dups.changes((first.title, first.body), (copy.title, copy.body))
    assert change.title == copy.title and change.added == ["Breaking news."]


def test_timeline_keeps_one_of_repeated_sentences_and_numbers_disagree_across_languages():
    items = _items()
    events = timeline.timeline(items)
    assert [e.iso for e in events] == ["2025-12-02"]
    assert events[0].sentence.startswith("Steve Witkoff met")
    (disagreement,) = timeline.disagreements(items)
    assert disagreement.what == "dead"
    assert {v[2] for v in disagreement.versions} == {"Wire", "Esempio News"}


def test_who_said_what_groups_by_identity_across_languages():
    items = _items()
    (putin,) = speakers.who_said_what(items)
    assert putin.key == "per:vladimir putin" and len(putin.said) == 3
    (witkoff, _) = speakers.whos_who(items)[:2]
    assert witkoff.name == "Steve Witkoff" and set(witkoff.roles) == {"US envoy", "inviato"}
    rows = {r.outlet: r for r in speakers.sourcing(items)}
    assert rows["Esempio News"].anonymous == 1 and rows["Esempio News"].quotes == 1
    kinds = {r.anonymous_kinds for r in rows.values() if r.anonymous}
    assert kinds == {"", "official 1"}  # the Italian source is untyped, the English official


def test_briefing_shows_everything_once_and_keeps_the_users_section(tmp_path):
    items = _items()
    story = describe("sabc", [a for a, _ in items], {}, None)
    first = items[0][0]
    bundles = [
        ArticleBundle(a, [Highlight("h1", a.id, 0, 13, "Steve Witkoff", note="key man")], x)
        if a is first
        else ArticleBundle(a, [], x)
        for a, x in items
    ]
    text = render_story(story, bundles, ExportOptions(obsidian=True))
    assert "## Same copy, several outlets" in text and "Reposter" in text
    assert "## Timeline" in text and "**2025-12-02**" in text
    assert "## Numbers that disagree" in text and "4 morti" in text
    assert "### [[Vladimir Putin]]" in text
    assert "| Esempio News | 1 | 0 | 1 | 1 |" in text
    assert "key man" in text and "^hl-h1" in text  # highlights, notes, Obsidian block ids

    class Store:
        def get(self, i):
            return next(a for a, _ in items if a.id == i)

        def body(self, i):
            return self.get(i).body

        def highlights(self, i=None):
            return []

        def get_analysis(self, i):
            return next(x for a, x in items if a.id == i)

    path = export_story(Store(), story, tmp_path, options=ExportOptions())
    mine = path.read_text().replace(
        "<!-- briefing:keep -->\n", "<!-- briefing:keep -->\nmy own words\n", 1
    )
    path.write_text(mine)
    again = export_story(Store(), story, tmp_path, options=ExportOptions())
    assert again == path and "my own words" in path.read_text()
