"""`briefing feed add/list/remove/import/export` and `briefing refresh`, run as a user would."""

from __future__ import annotations

import json

import pytest

from briefing import cli
from briefing.store import Store
from tests.support.feed_server import Answer, FeedServer, item, rss


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_refresh_remove(server, capsys):
    server.feed("/a.rss", rss("Agenzia", [item(1), item(2)]))
    server.routes["/down.rss"] = lambda headers: Answer(500, b"down")
    code, out, _ = run(capsys, "feed", "add", server.url("/a.rss"), "--tag", "agenzia")
    assert code == 0 and out.startswith("subscribed ")
    feed_id = out.split()[1]
    assert run(capsys, "feed", "add", server.url("/down.rss"))[0] == 0
    code, _, err = run(capsys, "feed", "add", server.url("/a.rss"))
    assert code == 1 and "already subscribed" in err
    assert run(capsys, "feed", "add", "ftp://nope")[0] == 2

    code, out, _ = run(capsys, "refresh", "--allow-local-urls")
    lines = out.splitlines()
    assert code == 1  # one feed failed: said in its own line, the other imported
    assert any(line.endswith("Agenzia: 2 new") for line in lines)
    assert any("HTTP 500" in line for line in lines)
    assert lines[-1] == "2 new article(s) from 2 feed(s); 1 failed, 0 waiting"

    code, out, _ = run(capsys, "refresh", "--allow-local-urls")
    assert "waiting until" in out and "Agenzia: no new entries" in out

    code, out, _ = run(capsys, "feed", "list", "--json")
    rows = {row["id"]: row for row in map(json.loads, out.splitlines())}
    assert (rows[feed_id]["unread"], rows[feed_id]["total"]) == (2, 2)
    assert rows[feed_id]["title"] == "Agenzia" and "seen" not in rows[feed_id]
    code, out, _ = run(capsys, "feed", "list")
    assert f"{feed_id}  2/2  Agenzia  #agenzia" in out

    code, out, _ = run(capsys, "list", f"feed:{feed_id}")
    assert code == 0 and len(out.splitlines()) == 2
    code, out, _ = run(capsys, "list", "feed:agenz")
    assert len(out.splitlines()) == 2

    assert run(capsys, "feed", "remove", "agenzia")[0] == 0
    with Store.open(readonly=True) as store:
        assert [f.url for f in store.feeds()] == [server.url("/down.rss")]
        assert store.count() == 2
    assert run(capsys, "feed", "remove", "nothing-like-it")[0] == 1


def test_refresh_one_named_feed_even_while_it_waits(server, capsys):
    server.routes["/flaky.rss"] = lambda headers: Answer(503, b"busy")
    server.feed("/other.rss", rss("Other", [item(5)]))
    run(capsys, "feed", "add", server.url("/flaky.rss"), "--title", "Flaky")
    run(capsys, "feed", "add", server.url("/other.rss"))
    assert run(capsys, "refresh", "--allow-local-urls", "Flaky")[0] == 1
    server.feed("/flaky.rss", rss("Flaky", [item(6)]))
    server.requests.clear()
    code, out, _ = run(capsys, "refresh", "--allow-local-urls", "Flaky")
    assert code == 0 and "Flaky: 1 new" in out
    assert server.paths_requested() == ["/flaky.rss"]  # only the feed named
    assert run(capsys, "refresh", "no-such-feed")[0] == 2


def test_local_feeds_are_refused_without_permission(server, capsys):
    server.feed("/a.rss", rss("A", [item(1)]))
    run(capsys, "feed", "add", server.url("/a.rss"))
    code, out, _ = run(capsys, "refresh")
    assert code == 1 and "private network" in out and server.requests == []


def test_opml_import_then_export(tmp_path, capsys):
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="Esteri">'
        '<outline text="Uno" xmlUrl="https://uno.example/rss"/>'
        '<outline text="Due" xmlUrl="https://due.example/rss"/></outline>'
        '<outline text="Bad" xmlUrl="javascript:alert(1)"/></body></opml>'
    )
    code, out, _ = run(capsys, "feed", "import", str(opml))
    assert code == 1 and out.splitlines()[0] == "subscribed 2, already subscribed 0, refused 1"
    code, out, _ = run(capsys, "feed", "import", str(opml))
    assert out.splitlines()[0] == "subscribed 0, already subscribed 2, refused 1"
    exported = tmp_path / "out.opml"
    assert run(capsys, "feed", "export", "-o", str(exported))[0] == 0
    text = exported.read_text()
    assert 'xmlUrl="https://uno.example/rss"' in text and 'category="/Esteri"' in text
    code, out, _ = run(capsys, "feed", "export")

    def undated(document: str) -> list[str]:  # dateCreated is the second each was written
        return [line for line in document.splitlines() if "dateCreated" not in line]

    assert undated(out) == undated(text)
    (tmp_path / "bad.opml").write_text("<html/>")
    assert run(capsys, "feed", "import", str(tmp_path / "bad.opml"))[0] == 1


def test_refresh_analyses_new_entries_unless_told_not_to(server, capsys):
    from briefing.backlog import count_unanalysed

    server.feed("/a.rss", rss("Agenzia", [item(1)]))
    run(capsys, "feed", "add", server.url("/a.rss"))
    assert run(capsys, "refresh", "--allow-local-urls", "--no-analyze")[0] == 0
    with Store.open(readonly=True) as store:
        assert count_unanalysed(store) == 1
    server.feed("/a.rss", rss("Agenzia", [item(1), item(2)]))
    assert run(capsys, "refresh", "--allow-local-urls")[0] == 0
    with Store.open(readonly=True) as store:
        assert store.count() == 2 and count_unanalysed(store) == 0
