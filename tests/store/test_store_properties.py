"""Property test: any sequence of writes reads back the same after a crash and after a reopen."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.models import Analysis, Article, Correction, Entity, Highlight
from briefing.store import NotFound, Store, layout

ARTICLES = st.integers(0, 5)
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)

OPS = st.one_of(
    st.tuples(st.just("add"), ARTICLES),
    st.tuples(st.just("tag"), ARTICLES, st.sampled_from(["a", "b", "città", "x y"]), st.booleans()),
    st.tuples(st.just("note"), ARTICLES, st.one_of(st.none(), TEXT)),
    st.tuples(st.just("read"), ARTICLES, st.booleans()),
    st.tuples(st.just("delete"), ARTICLES),
    st.tuples(st.just("highlight"), ARTICLES, st.integers(0, 3)),
    st.tuples(st.just("highlight_note"), st.integers(0, 3), TEXT),
    st.tuples(st.just("unhighlight"), st.integers(0, 3)),
    st.tuples(
        st.just("setting"),
        st.sampled_from(["k1", "k2"]),
        st.one_of(st.none(), TEXT, st.integers(-(2**63), 2**64 - 1)),
    ),
    st.tuples(st.just("correct"), st.integers(0, 2)),
    st.tuples(st.just("uncorrect"), st.integers(0, 2)),
    st.tuples(st.just("compact")),
    st.tuples(st.just("analyse"), ARTICLES, st.integers(0, 9)),
    st.tuples(st.just("vacuum")),
)


def aid(n: int) -> str:
    return f"p{n:011d}"


class Model:
    """What the store should hold, kept with plain dicts."""

    def __init__(self) -> None:
        self.articles: dict[str, dict] = {}
        self.highlights: dict[str, tuple[str, str | None]] = {}
        self.settings: dict[str, object] = {}
        self.corrections: set[str] = set()
        self.analyses: dict[str, str] = {}  # article id -> pipeline_version of the latest

    def apply(self, s: Store, op: tuple) -> None:
        kind, *args = op
        if kind == "add":
            fresh = aid(args[0]) not in self.articles
            assert (
                s.add_article(Article(aid(args[0]), "t", body=f"corpo {args[0]} è")).added == fresh
            )
            self.articles.setdefault(aid(args[0]), {"tags": [], "note": None, "read": False})
        elif kind == "compact":
            s.compact()
        elif kind == "vacuum":
            s.vacuum()
        elif kind == "setting":
            s.set_setting(args[0], args[1])
            self.settings[args[0]] = args[1]
            if args[1] is None:
                del self.settings[args[0]]
        elif kind in ("correct", "uncorrect"):
            cid = f"c{args[0]}"
            if kind == "correct":
                s.add_correction(Correction(cid, "Roma", "LOC"))
                self.corrections.add(cid)
            elif cid in self.corrections:
                s.remove_correction(cid)
                self.corrections.discard(cid)
        elif kind in ("highlight_note", "unhighlight"):
            hid = f"h{args[0]}"
            if hid not in self.highlights:
                with pytest.raises(NotFound):
                    s.delete_highlight(hid)
                return
            if kind == "unhighlight":
                s.delete_highlight(hid)
                del self.highlights[hid]
            else:
                s.update_highlight(hid, note=args[1])
                self.highlights[hid] = (self.highlights[hid][0], args[1] or None)
        else:
            self.apply_to_article(s, kind, aid(args[0]), args[1:])

    def apply_to_article(self, s: Store, kind: str, article_id: str, args: list) -> None:
        art = self.articles.get(article_id)
        if art is None:
            with pytest.raises(NotFound):
                s.set_read(article_id, True)
            return
        if kind == "tag":
            tag, add = args
            s.update_tags(article_id, add=[tag] if add else [], remove=[] if add else [tag])
            if add and tag not in art["tags"]:
                art["tags"].append(tag)
            if not add and tag in art["tags"]:
                art["tags"].remove(tag)
        elif kind == "note":
            s.set_note(article_id, args[0])
            art["note"] = args[0] or None
        elif kind == "read":
            s.set_read(article_id, args[0])
            art["read"] = args[0]
        elif kind == "delete":
            s.delete_article(article_id)
            del self.articles[article_id]
            self.highlights = {h: v for h, v in self.highlights.items() if v[0] != article_id}
            self.analyses.pop(article_id, None)
        elif kind == "analyse":
            analysis = Analysis(
                article_id, "it", "p", f"v{args[0]}", [Entity(0, 5, "LOC", "corpo")]
            )
            s.put_analysis(analysis)
            self.analyses[article_id] = f"v{args[0]}"
        elif kind == "highlight":
            hid = f"h{args[0]}"
            s.add_highlight(Highlight(hid, article_id, 0, 5, "corpo"))
            self.highlights[hid] = (article_id, None)

    def check(self, s: Store) -> None:
        got = {a.id: {"tags": a.tags, "note": a.note, "read": a.read} for a in s.articles()}
        assert got == self.articles
        for article_id in self.articles:
            assert s.body(article_id) == f"corpo {int(article_id[1:])} è"
        assert {h.id: (h.article_id, h.note) for h in s.highlights()} == self.highlights
        assert {k: s.get_setting(k) for k in ("k1", "k2")} == {
            k: self.settings.get(k) for k in ("k1", "k2")
        }
        assert {c.id for c in s.corrections()} == self.corrections
        got_analyses = {a: s.get_analysis(a) for a in self.articles}
        assert {a: x.pipeline_version for a, x in got_analyses.items() if x} == self.analyses
        assert set(s.summaries()) == set(self.analyses)


@pytest.mark.fault(
    "store",
    "crash after any sequence of writes, compactions and vacuums (hypothesis)",
    "the crash image and the reopened store both hold exactly the expected state",
)
@settings(max_examples=40, deadline=None)
@given(ops=st.lists(OPS, max_size=40), small_journal=st.booleans())
def test_any_writes_survive_a_crash_and_a_reopen(ops: list[tuple], small_journal: bool):
    old_threshold = layout.COMPACT_MIN_BYTES
    layout.COMPACT_MIN_BYTES = 300 if small_journal else old_threshold
    tmp = Path(tempfile.mkdtemp(prefix="briefing-prop-"))
    try:
        model = Model()
        s = Store.open(tmp / "store", backups_dir=tmp / "backups", auto_backup=False)
        for op in ops:
            model.apply(s, op)
        model.check(s)
        crashed = tmp / "crashed"  # the files as a kill -9 right now would leave them
        crashed.mkdir()
        for name in layout.store_files(tmp / "store"):
            if (tmp / "store" / name).exists():
                shutil.copy2(tmp / "store" / name, crashed / name)
        with Store.open(crashed, readonly=True) as after_crash:
            model.check(after_crash)
        s.close()
        with Store.open(tmp / "store", readonly=True) as reopened:
            model.check(reopened)
    finally:
        layout.COMPACT_MIN_BYTES = old_threshold
        shutil.rmtree(tmp, ignore_errors=True)
