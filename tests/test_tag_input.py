"""Tags are one line of visible text: escapes are refused by `briefing tag` and the store."""

from __future__ import annotations

import pytest

from briefing import cli
from briefing.models import Article
from briefing.store import Store
from briefing.tags import tag_problem

OSC_TITLE = "\x1b]2;pwned title\x07"
TERMINAL_ACTORS = ("\x1b", "\x07", "\x9b", "\u202e")


@pytest.mark.parametrize(
    "tag",
    [f"X{OSC_TITLE}", "a\x1b[31mred", "bell\x07", "c1\x9b2J", "bidi\u202eevil", "zero\u200bwidth",
     "line\u2028sep", "nul\x00", "tab\tbed"],
)  # fmt: skip
def test_tags_with_controls_are_refused(tag: str):
    assert tag_problem(tag) is not None


@pytest.mark.parametrize("tag", ["ucraina", "breaking news", "città", "日本", "c++", "#1"])
def test_ordinary_tags_are_fine(tag: str):
    assert tag_problem(tag) is None


def _store_with_article() -> str:
    with Store.open() as store:
        return store.add_article(Article(id="", title="T", body="Il testo.")).article_id


@pytest.mark.fault(
    "cli",
    '`briefing tag ID "+X<OSC 2 window title>"`, and other tags with ESC, BEL, C1, bidi or zero-width characters',
    "refused (exit 2) with the tag shown escaped (\\x1b), never raw; the store unchanged; the store itself refuses such a tag (ValueError)",
)
def test_tag_with_an_escape_is_refused_and_never_echoed(capsys):
    article_id = _store_with_article()
    for hostile in (f"+X{OSC_TITLE}", "+bidi\u202eevil", "+c1\x9b2J"):
        code = cli.main(["tag", article_id, "+fine", hostile])
        out, err = capsys.readouterr()
        assert code == 2
        assert (
            "is not a tag" in err
            and "U+" in err
            and ("\\x1b" in err or "\\x9b" in err or "\\u202e" in err)
        )
        assert not any(c in out + err for c in TERMINAL_ACTORS), repr(err)
    with Store.open() as store:
        assert store.get(article_id).tags == []
        with pytest.raises(ValueError, match="not a tag"):
            store.update_tags(article_id, add=["ok", f"X{OSC_TITLE}"])
        assert store.get(article_id).tags == []  # nothing of the call was written


def test_a_tag_stored_before_the_check_prints_inert(capsys):
    article_id = _store_with_article()
    with Store.open() as store:  # as an older briefing could have stored it
        store.update_article(article_id, tags=[f"old{OSC_TITLE}"])
    assert cli.main(["tag", article_id]) == 0
    out, _ = capsys.readouterr()
    assert "old" in out and not any(c in out for c in TERMINAL_ACTORS)
    assert cli.main(["tag", article_id, f"-old{OSC_TITLE}"]) == 0  # and it can be removed
    assert capsys.readouterr().out.strip() == "(no tags)"
