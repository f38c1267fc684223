"""Markdown export rendering: front matter, structure, escaping, Obsidian, templates, keep sections."""

from __future__ import annotations

import shutil

import pytest

from briefing import paths
from briefing.export import (
    ArticleBundle,
    ExportOptions,
    ExportTemplateError,
    PreserveError,
    merge_preserved,
    preserved_sections,
    render_article,
    render_briefing,
)
from briefing.export import text as mdtext
from briefing.export.render import TEMPLATES_DIR
from briefing.models import Analysis, Attribution, Facts, Highlight, NamedThing, Quote
from tests.support.export_samples import (
    NOW,
    article,
    bundle,
    headings,
    inline_text,
    parse,
    split_front_matter,
    walk,
)

PLAIN = ExportOptions()
OBSIDIAN = ExportOptions(obsidian=True)


def _edit_keep(note: str, name: str, new: str) -> str:
    """The note as a user would leave it after writing `new` into the named keep section."""
    start = f"<!-- briefing:keep {name} -->" if name else "<!-- briefing:keep -->"
    end = f"<!-- /briefing:keep {name} -->" if name else "<!-- /briefing:keep -->"
    head, rest = note.split(start + "\n", 1)
    _, tail = rest.split(end, 1)
    return head + start + "\n" + new + end + tail


# --- one article ------------------------------------------------------------------------------


def test_article_front_matter_holds_every_field():
    meta, _ = split_front_matter(render_article(bundle(), PLAIN, NOW))
    assert meta["title"] == "Il governo approva la manovra"
    assert meta["source"] == "ANSA"
    assert meta["url"] == "https://www.ansa.it/manovra.html"
    assert meta["author"] == "Redazione"
    assert meta["published"] == "2025-12-18"  # a string, not a YAML date
    assert meta["language"] == "it"
    assert meta["tags"] == ["politica", "economia"]
    assert meta["people"] == ["Giorgia Meloni"]
    assert meta["organizations"] == ["Governo italiano"]
    assert meta["places"] == ["Roma"]
    assert meta["misc"] == ["Natale"]
    assert meta["exported_at"] == "2026-01-02T09:30:00+00:00"
    assert meta["exported_by"] == "briefing"
    assert meta["briefing_id"] == "a1b2c3d4e5f6"


def test_article_body_has_headline_link_highlights_and_facts():
    _, body = split_front_matter(render_article(bundle(), PLAIN, NOW))
    tokens = parse(body)
    found = headings(tokens)
    assert found[0] == ("h1", "Il governo approva la manovra")
    assert [h for h in found if h[0] == "h3"] == [
        ("h3", "People"),
        ("h3", "Organisations"),
        ("h3", "Places"),
        ("h3", "Quotes"),
        ("h3", "Attributions"),
        ("h3", "Dates"),
    ]
    links = [t.attrGet("href") for t in walk(tokens) if t.type == "link_open"]
    assert links == ["https://www.ansa.it/manovra.html"]

    # Highlights in text order, each a blockquote, the note as the paragraph under it.
    quotes = [i for i, t in enumerate(tokens) if t.type == "blockquote_open"]
    assert len(quotes) == 2
    first_text = tokens[quotes[0] + 2]
    assert inline_text(first_text) == "Il governo ha approvato ieri la manovra."
    second_close = next(
        i for i in range(quotes[1], len(tokens)) if tokens[i].type == "blockquote_close"
    )
    assert tokens[second_close + 1].type == "paragraph_open"
    assert "Da verificare" in tokens[second_close + 2].content

    assert "- Giorgia Meloni: presidente del Consiglio" in body
    assert "- “Non aumenteremo le tasse” — Giorgia Meloni" in body
    assert "- fonti di governo **(anonymous source)**" in body
    assert "- ieri → 2025-12-17 (relative)" in body


def test_unanalysed_article_says_so_and_has_no_entities():
    note = render_article(ArticleBundle(article(), [], None), PLAIN, NOW)
    meta, body = split_front_matter(note)
    assert meta["people"] == [] and meta["misc"] == []
    assert "Not analysed yet" in body
    assert "Highlights" not in body


def test_named_attribution_and_unattributed_quote():
    facts = Facts(
        quotes=[Quote(None, "Nessun commento", 0, 15, reported=True)],
        attributions=[Attribution("secondo il ministro", "Giancarlo Giorgetti", False, 20, 39)],
    )
    b = ArticleBundle(article(), [], Analysis("a1b2c3d4e5f6", "it", "t", "1", facts=facts))
    body = render_article(b, PLAIN, NOW)
    assert "- “Nessun commento” — *unattributed* (reported)" in body
    assert "- secondo il ministro — Giancarlo Giorgetti\n" in body


def test_a_claim_its_article_credits_to_someone_unnamed_says_so():
    hearsay = Quote(None, "He reportedly met Putin", 0, 23, reported=True, how="hearsay")
    facts = Facts(quotes=[hearsay])
    b = ArticleBundle(article(), [], Analysis("a1b2c3d4e5f6", "en", "t", "1", facts=facts))
    body = render_article(b, PLAIN, NOW)
    assert "- “He reportedly met Putin” — *unnamed source* (reported)" in body


def test_article_note_is_exported_and_empty_facts_are_said():
    b = bundle(note="Richiamare il portavoce.\n\n# non un titolo")
    b.analysis.facts = Facts()
    b.analysis.entities = []
    _, body = split_front_matter(render_article(b, PLAIN, NOW))
    assert "## Note from the reader\n\nRichiamare il portavoce.\n\n\\# non un titolo\n" in body
    assert "*No people, quotes, attributions or dates were found.*" in body


def test_only_named_entities_become_wikilinks():
    b = bundle()
    b.analysis.facts.quotes.append(Quote("un funzionario", "Vedremo", 130, 137))
    b.analysis.facts.attributions.append(
        Attribution("secondo Meloni", "Giorgia Meloni", False, 1, 2)
    )
    _, body = split_front_matter(render_article(b, OBSIDIAN, NOW))
    assert "- “Vedremo” — un funzionario\n" in body
    assert "- fonti di governo **(anonymous source)**" in body
    assert "- secondo Meloni — [[Giorgia Meloni]]\n" in body


def test_highlight_without_stored_text_is_cut_from_the_body():
    b = bundle()
    b.highlights = [Highlight("h9", b.article.id, 0, 10, "", note=None)]
    _, body = split_front_matter(render_article(b, PLAIN, NOW))
    assert "> Il governo\n" in body


# --- hostile text -----------------------------------------------------------------------------

HOSTILE_TITLE = (
    "[bold red]BREAKING[/] # not a heading | pipe [x](javascript:alert(1)) "
    "<script>alert(1)</script> `code` *em* _u_ &amp; \x1b]8;;http://evil\x07link\x1b]8;;\x07 "
    "\x1b[31mred\x1b[0m bell\x07 \u202eevil"
)
HOSTILE_BLOCK = (
    "---\n# heading\n> quote\n- list\n+ plus\n1. one\n    indented code\n```\nfence\n~~~\n"
    "| a | b |\n|---|---|\n[ref]: http://evil.example\n<div>html</div>\n===\n"
    "<!-- /briefing:keep -->\n<!-- briefing:keep -->\ntext %%comment%% ==mark== ^id $x$"
)


def _hostile_bundle() -> ArticleBundle:
    b = bundle(
        title=HOSTILE_TITLE,
        source="ANSA | <b>x</b>",
        author="---",
        url="javascript:alert(1)",
        tags=["#tag", "a|b", "[x](y)"],
    )
    b.highlights = [Highlight("h1", b.article.id, 0, 5, HOSTILE_BLOCK, note=HOSTILE_BLOCK)]
    b.analysis.facts.people = [NamedThing("[x](javascript:alert(1))", roles=["<b>ceo</b>"])]
    b.analysis.facts.quotes = [Quote("# Speaker", HOSTILE_BLOCK, 0, 5)]
    return b


@pytest.mark.fault(
    "export",
    "Rich markup, Markdown and HTML syntax, ANSI, BEL, bidi and javascript: URL in an article",
    "valid front matter; all of it plain text (no link, image, HTML, code or list); controls removed",
)
@pytest.mark.parametrize("options", [PLAIN, OBSIDIAN], ids=["plain", "obsidian"])
def test_hostile_article_text_is_escaped(options):
    note = render_article(_hostile_bundle(), options, NOW)
    assert "\x1b" not in note and "\x07" not in note and "\u202e" not in note
    meta, body = split_front_matter(note)
    assert meta["title"] == mdtext.one_line(HOSTILE_TITLE)
    assert "[bold red]BREAKING[/]" in meta["title"]  # Rich markup stays plain text
    tokens = list(walk(parse(body)))
    types = {t.type for t in tokens}
    # Nothing from the article became a link, image, HTML, code, list marker, rule or table.
    assert not types & {"link_open", "image", "html_inline", "code_inline", "code_block"}
    assert not types & {"fence", "hr", "table_open", "em_open", "s_open", "ordered_list_open"}
    # The only lists are briefing's own facts: people, quotes, attributions, dates.
    assert sum(t.type == "bullet_list_open" for t in tokens) == 4
    # The only HTML blocks are briefing's own keep-section comments (3 lines).
    html = [t.content.strip() for t in tokens if t.type == "html_block"]
    assert len(html) == 3 and all(
        h.startswith("<!-- briefing") or h.startswith("<!-- /briefing") for h in html
    )
    assert preserved_sections(note) == {"": "\n"}
    # One h1, and it reads exactly as the title.
    h1 = [text for tag, text in headings(parse(body)) if tag == "h1"]
    assert h1 == [meta["title"]]
    # Every paragraph line of the highlight came through as text, not as syntax.
    quote_text = next(
        inline_text(t) for t in tokens if t.type == "inline" and t.content.startswith("\\---")
    )
    assert quote_text.split("\n")[:3] == ["---", "# heading", "> quote"]


@pytest.mark.fault(
    "export",
    "pipes and HTML in briefing table cells",
    "the table keeps 3 columns; cells read back as the text",
)
def test_hostile_table_cells_keep_three_columns():
    b = _hostile_bundle()
    note = render_briefing([b, bundle("ffffffffffff")], "q", PLAIN, NOW)
    _, body = split_front_matter(note)
    tokens = parse(body)
    rows = []
    row: list[str] = []
    for i, t in enumerate(tokens):
        if t.type == "tr_open":
            row = []
        elif t.type in ("td_open", "th_open"):
            row.append(inline_text(tokens[i + 1]))
        elif t.type == "tr_close":
            rows.append(row)
    assert rows[0] == ["Date", "Source", "Title"]
    assert rows[1] == ["2025-12-18", "ANSA | <b>x</b>", mdtext.one_line(HOSTILE_TITLE)]
    assert len(rows) == 3


@pytest.mark.fault("export", "javascript: and file:// URLs", "plain text, never links")
def test_non_http_urls_never_become_links():
    assert mdtext.link("x", "javascript:alert(1)") == "x"
    assert mdtext.link("x", "file:///etc/passwd") == "x"
    assert mdtext.link("a", "https://e.x/a b(c)<d>") == "[a](https://e.x/a%20b%28c%29%3Cd%3E)"


# --- one file for a briefing ------------------------------------------------------------------


def test_briefing_has_title_query_table_sections_and_entity_index():
    bundles = [
        bundle(),
        bundle("0123456789ab", title="Seconda notizia", source="Il Post", published="2025-12-19"),
    ]
    bundles[1].analysis.facts.people = [NamedThing("Giorgia Meloni"), NamedThing("Elly Schlein")]
    note = render_briefing(bundles, "person:Meloni", PLAIN, NOW)
    meta, body = split_front_matter(note)
    assert meta["query"] == "person:Meloni"
    assert meta["articles"] == ["a1b2c3d4e5f6", "0123456789ab"]
    assert meta["exported_by"] == "briefing"
    tokens = parse(body)
    found = headings(tokens)
    assert found[0] == ("h1", "Briefing 2026-01-02: person:Meloni")
    h2 = [text for tag, text in found if tag == "h2"]
    assert h2 == [
        "My notes",
        "Articles",
        "Il governo approva la manovra",
        "Seconda notizia",
        "Entity index",
    ]
    assert "**Query:** person:Meloni" in body
    assert sum(1 for t in tokens if t.type == "tr_open") == 3
    index = body.split("## Entity index", 1)[1]
    assert "- Giorgia Meloni: Il governo approva la manovra; Seconda notizia" in index
    assert "- Elly Schlein: Seconda notizia" in index
    assert set(preserved_sections(note)) == {"", "a1b2c3d4e5f6", "0123456789ab"}


def test_empty_briefing_is_still_valid():
    note = render_briefing([], "", PLAIN, NOW)
    meta, body = split_front_matter(note)
    assert meta["articles"] == [] and meta["query"] is None
    assert "0 articles" in body and "Entity index" not in body


# --- Obsidian ---------------------------------------------------------------------------------


def test_obsidian_tags_wikilinks_and_block_ids():
    b = bundle(tags=["politica", "economia italiana", "2025"])
    note = render_article(b, OBSIDIAN, NOW)
    meta, body = split_front_matter(note)
    assert meta["tags"] == ["politica", "economia-italiana", "_2025"]
    assert meta["people"] == ["[[Giorgia Meloni]]"]
    assert "Tags: #politica, #economia-italiana, #_2025" in body
    assert "- [[Giorgia Meloni]]: presidente del Consiglio" in body
    assert "— [[Giorgia Meloni]]" in body
    assert "[[Governo italiano]]" in body and "[[Roma]]" in body
    # A block id on its own line after each highlight's quote (Obsidian's rule for quotes).
    assert "> Non aumenteremo le tasse\n\n^hl-h2\n" in body
    assert "> Il governo ha approvato ieri la manovra.\n\n^hl-h1\n" in body


def test_plain_export_has_no_obsidian_syntax():
    _, body = split_front_matter(render_article(bundle(), PLAIN, NOW))
    assert "[[" not in body and "^hl-" not in body and "#politica" not in body


def test_wikilinks_and_tags_drop_characters_obsidian_refuses():
    assert mdtext.wikilink("a|b]]#c^d [x]") == "[[a b c d x]]"
    assert mdtext.wikilink("[]|") == ""
    assert mdtext.hashtag("new york / city") == "#new-york-/-city"
    assert mdtext.hashtag("###") == ""
    assert mdtext.block_id("Ab_9!x") == "hl-ab-9-x"


# --- templates --------------------------------------------------------------------------------


def test_default_template_is_the_shipped_file_and_a_verbatim_copy_renders_the_same(tmp_path):
    assert paths.default_template() == TEMPLATES_DIR / "article.md.j2"
    copy = tmp_path / "mine.md.j2"
    shutil.copy(paths.default_template(), copy)
    mine = render_article(bundle(), ExportOptions(template=copy), NOW)
    assert mine == render_article(bundle(), PLAIN, NOW)


def test_custom_template_changes_the_output(tmp_path):
    template = tmp_path / "short.md.j2"
    template.write_text(
        "{{ front_matter }}\n"
        "{% import 'sections.md.j2' as s %}\n"
        "# {{ article.title | md | upper }}\n\n"
        "Source: {{ link(article.source, article.url) }}\n\n"
        "extra: {{ {'k': article.title} | yaml }}\n\n"
        "{{ keep() }}\n\n"
        "{{ s.highlights(highlights, 2) }}\n",
        encoding="utf-8",
    )
    note = render_article(bundle(title="Ciao: [mondo]"), ExportOptions(template=template), NOW)
    _, body = split_front_matter(note)
    assert body.startswith("\n# CIAO: \\[MONDO\\]\n")
    assert "Source: [ANSA](https://www.ansa.it/manovra.html)" in body
    assert "extra: {k: 'Ciao: [mondo]'}" in body
    assert "## Highlights" in body and "Key facts" not in body


def test_users_copy_of_sections_next_to_their_template_wins(tmp_path):
    shutil.copy(TEMPLATES_DIR / "article.md.j2", tmp_path / "article.md.j2")
    sections = (TEMPLATES_DIR / "sections.md.j2").read_text(encoding="utf-8")
    (tmp_path / "sections.md.j2").write_text(
        sections.replace('{{ "#" * level }} Highlights', '{{ "#" * level }} Passaggi'),
        encoding="utf-8",
    )
    note = render_article(bundle(), ExportOptions(template=tmp_path / "article.md.j2"), NOW)
    assert "## Passaggi" in note and "## Highlights" not in note


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ front_matter }}\n{{ article.no_such_field }}\n", "mine.md.j2:2"),
        ("{{ front_matter }}\n\n{% if %}\n", "mine.md.j2:3"),
        ("# no front matter {{ article.title | md }}\n", "front_matter"),
        ("{{ front_matter }}\n<!-- briefing:keep -->\n", "no end line"),
        ("{{ front_matter }}\n\n\n{{ 1 // 0 }}\n", "mine.md.j2:4: integer division"),
        ("{{ front_matter }}\n{% import 'nope.j2' as x %}\n", "nope.j2"),
        ("{{ front_matter }}\n{{ md(article.title) }}\n", "mine.md.j2:2: 'md' is undefined"),
    ],
    ids=["undefined", "syntax", "no-front-matter", "unclosed-keep", "python", "import", "filter"],
)
def test_template_mistakes_give_a_clear_error(tmp_path, source, expected):
    template = tmp_path / "mine.md.j2"
    template.write_text(source, encoding="utf-8")
    with pytest.raises(ExportTemplateError, match=expected):
        render_article(bundle(), ExportOptions(template=template), NOW)


def test_mistake_inside_an_imported_template_names_that_file(tmp_path):
    (tmp_path / "sections.md.j2").write_text(
        "{% macro byline(a) %}\n\n{{ a.nope }}\n{% endmacro %}\n", encoding="utf-8"
    )
    shutil.copy(TEMPLATES_DIR / "article.md.j2", tmp_path / "article.md.j2")
    with pytest.raises(ExportTemplateError, match=r"sections\.md\.j2:3: .*nope"):
        render_article(bundle(), ExportOptions(template=tmp_path / "article.md.j2"), NOW)


def test_missing_template_file_is_an_error(tmp_path):
    with pytest.raises(ExportTemplateError, match="not found"):
        render_article(bundle(), ExportOptions(template=tmp_path / "nope.j2"), NOW)


# --- keep sections ----------------------------------------------------------------------------


def test_merge_keeps_the_edited_section_and_regenerates_the_rest():
    old = _edit_keep(render_article(bundle(), PLAIN, NOW), "", "My **own** notes\n[[Link]]\n")
    new = render_article(bundle(title="Titolo cambiato"), PLAIN, NOW)
    merged = merge_preserved(new, old)
    assert preserved_sections(merged) == {"": "My **own** notes\n[[Link]]\n"}
    assert "# Titolo cambiato" in merged and "# Il governo approva" not in merged
    assert merge_preserved(new, merged) == merged  # stable under repetition


def test_merge_without_an_old_file_or_sections_returns_the_new_text():
    new = render_article(bundle(), PLAIN, NOW)
    assert merge_preserved(new, None) == new
    assert merge_preserved(new, "just some text\n") == new


@pytest.mark.fault(
    "export",
    "user deleted a keep section's end line",
    "PreserveError 'no end line'; nothing guessed",
)
def test_unclosed_keep_section_is_refused_not_guessed():
    old = render_article(bundle(), PLAIN, NOW).replace("<!-- /briefing:keep -->", "")
    with pytest.raises(PreserveError, match="no end line"):
        merge_preserved(render_article(bundle(), PLAIN, NOW), old)


def test_briefing_keeps_per_article_sections_across_order_changes_and_removals():
    a, b = bundle(), bundle("0123456789ab", title="Seconda")
    old = render_briefing([a, b], "", PLAIN, NOW)
    old = _edit_keep(old, "0123456789ab", "about the second\n")
    old = _edit_keep(old, "a1b2c3d4e5f6", "about the first\n")
    reordered = merge_preserved(render_briefing([b, a], "", PLAIN, NOW), old)
    kept = preserved_sections(reordered)
    assert kept["0123456789ab"] == "about the second\n"
    assert kept["a1b2c3d4e5f6"] == "about the first\n"
    # The first article leaves the briefing: its notes are appended, not dropped.
    without = merge_preserved(render_briefing([b], "", PLAIN, NOW), reordered)
    assert preserved_sections(without)["a1b2c3d4e5f6"] == "about the first\n"
    assert merge_preserved(render_briefing([b], "", PLAIN, NOW), without) == without


def test_user_may_type_marker_lines_inside_their_section():
    text = "a\n<!-- /briefing:keep -->\n<!-- briefing:keep -->\nb\n"
    old = _edit_keep(render_article(bundle(), PLAIN, NOW), "", text)
    merged = merge_preserved(render_article(bundle(), PLAIN, NOW), old)
    assert preserved_sections(merged)[""] == text


@pytest.mark.fault(
    "export",
    "article text containing keep-section markers",
    "cannot open or close a keep section",
)
def test_article_text_can_never_fake_a_keep_marker():
    b = bundle(title="<!-- /briefing:keep -->")
    b.highlights = [Highlight("h", b.article.id, 0, 1, "<!-- briefing:keep x -->", note=None)]
    note = render_article(b, PLAIN, NOW)
    assert preserved_sections(note) == {"": "\n"}


# --- file names -------------------------------------------------------------------------------


@pytest.mark.fault(
    "export",
    "titles like ../../etc/passwd, CON and escapes used as file names",
    "safe stems: no separator, no '..', no reserved name, printable",
)
@pytest.mark.parametrize(
    "title",
    ["../../etc/passwd", "..", "/", "a/../../b", "C:\\Windows\\system32", "x\x00y\x1b[2J\n", "CON"],
)
def test_file_stems_are_safe(title):
    stem = mdtext.file_stem(None, None, title, "a1b2c3d4e5f6")
    assert stem and "/" not in stem and "\\" not in stem and ".." not in stem
    assert not stem.startswith(".") and stem.isprintable() and " " not in stem
    assert stem.lower() not in {"con", "prn", "aux", "nul"}


def test_file_stem_is_date_source_title_and_length_limited():
    assert (
        mdtext.file_stem("2025-12-18T10:00:00+01:00", "ANSA.it", "Perché l'Italia? Sì!", "x")
        == "2025-12-18-ansa-it-perche-l-italia-si"
    )
    long = mdtext.file_stem("2025-12-18", "S" * 500, "titolo " * 200, "x")
    assert len(long.encode()) <= 130
    cjk = mdtext.file_stem(None, None, "北京" * 100, "x")
    assert cjk and len(cjk.encode()) <= 80
    assert mdtext.file_stem(None, None, "???", "a1b2c3") == "a1b2c3"


def test_the_photo_credit_is_in_the_front_matter_and_under_the_byline():
    meta, body = split_front_matter(
        render_article(bundle(credit="Foto: X @white_lenka *ANSA*"), PLAIN, NOW)
    )
    assert meta["credit"] == "Foto: X @white_lenka *ANSA*"
    byline_and_after = body.split("\n\n", 2)[1:]
    assert byline_and_after[1].startswith("Photo: Foto: X @white\\_lenka \\*ANSA\\*")
    meta, body = split_front_matter(render_article(bundle(credit=None), PLAIN, NOW))
    assert meta.get("credit") is None and "Photo:" not in body
