"""Property tests: import_text never raises, and always gives a titled Article or a one-line failure."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.ingest import ImportFailure, import_text
from briefing.models import Article

KINDS = st.sampled_from([None, "text", "markdown", "html", "feed"])
# Fragments that steer inputs into each importer's interesting corners.
PIECES = st.sampled_from(
    [
        "---\n", "title: x\n", "<rss>", "<item>", "<title>", "</title>", "<![CDATA[", "]]>",
        "<!DOCTYPE x [<!ENTITY a 'b'>]>", "&a;", "<html>", "<p>", "</div>", "# ", "\n", "\n\n",
        "18 Dicembre 2025\n", "Sáb, 13 Nov\n", "Foto: Ansa\n", "Articoli Recenti\n", "©", "\x1b[31m",
        "\u202e", "\x00", "Fonte: X @a\n", "[bold]", "By Jane Doe\n", "- ", "*", "```",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=25).map("".join),
)


def _check(results: list) -> None:
    assert results, "an import always says something"
    for result in results:
        if isinstance(result, Article):
            assert result.title.strip()
            assert result.body and result.body.strip()
            assert result.id == result.content_hash[:12]
            assert "\x1b" not in result.title and "\x00" not in result.body
        else:
            assert isinstance(result, ImportFailure)
            assert result.reason.strip() and "\n" not in result.reason
            assert not result.reason.startswith("unexpected error"), (
                result.reason
            )  # a bug, not bad input


@pytest.mark.fault(
    "import",
    "arbitrary text with importer-steering fragments, every importer (hypothesis)",
    "never raises: a titled article without ESC or NUL, or one one-line failure",
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, kind=KINDS)
def test_import_text_never_raises_on_text(text, kind):
    _check(import_text(text, origin="prop", kind=kind))


@pytest.mark.fault(
    "import",
    "arbitrary bytes, every importer (hypothesis)",
    "never raises: a titled article or one one-line failure",
)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), kind=KINDS)
def test_import_text_never_raises_on_bytes(data, kind):
    _check(import_text(data, origin="prop", kind=kind))
