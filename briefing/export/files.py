"""Exported notes on disk: safe unique names, kept sections, nobody else's file overwritten."""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from briefing import paths
from briefing.entities.display import rename_facts
from briefing.entities.joins import join_analysis
from briefing.export import preserve, text
from briefing.export.frontmatter import (
    MARKER_KEY,
    MARKER_VALUE,
    is_briefing_file,
    read_front_matter,
)
from briefing.export.render import (
    TEMPLATES_DIR,
    ArticleBundle,
    ExportOptions,
    render_article,
    render_briefing,
)
from briefing.models import Analysis, Article, Highlight
from briefing.store import StoreError

MARKDOWN_SUFFIXES = (".md", ".markdown")


class ExportStore(Protocol):
    """The part of briefing.store.Store that export reads."""

    def get(self, article_id: str) -> Article | None: ...
    def body(self, article_id: str) -> str: ...
    def highlights(self, article_id: str | None = None) -> list[Highlight]: ...
    def get_analysis(self, article_id: str) -> Analysis | None: ...


class ExportError(Exception):
    """Some notes could not be written; `written` lists the ones that were."""

    def __init__(self, problems: list[str], written: list[Path]):
        super().__init__("; ".join(problems))
        self.problems = problems
        self.written = written


class ExportUsageError(ValueError):
    """The request itself cannot work (e.g. many articles into one per-article FILE)."""


def default_out_dir(export_dir: str | None = None) -> Path:
    """config.Config.export_dir when set, else the current directory."""
    return Path(export_dir).expanduser() if export_dir else Path.cwd()


def user_templates_dir() -> Path:
    """Where `briefing export --copy-templates` puts the templates for the user to change."""
    return paths.config_dir() / "templates"


def user_template(one_file: bool) -> Path | None:
    """The user's changed copy of article.md.j2 (briefing.md.j2 for one file), if present."""
    mine = user_templates_dir() / ("briefing.md.j2" if one_file else "article.md.j2")
    return mine if mine.is_file() else None


def copy_templates(directory: Path) -> list[Path]:
    """Copy the shipped templates into `directory` to be changed; existing files are kept."""
    directory.mkdir(parents=True, exist_ok=True)
    copied = []
    for source in sorted(TEMPLATES_DIR.glob("*.j2")):
        target = directory / source.name
        if not target.exists():
            shutil.copyfile(source, target)
            copied.append(target)
    return copied


def load_bundle(store: ExportStore, article_id: str) -> ArticleBundle:
    """The article with its body, highlights and cached analysis; LookupError if unknown."""
    article = store.get(article_id)
    if article is None:
        raise LookupError(f"no article with id {article_id}")
    article.body = store.body(article_id)
    return ArticleBundle(article, store.highlights(article_id), store.get_analysis(article_id))


def _is_file_target(out: Path) -> bool:
    return not out.is_dir() and out.suffix.lower() in MARKDOWN_SUFFIXES


def _read(path: Path) -> str | None:
    if not _is_regular(path):
        return None  # a folder, FIFO or device is no note (opening a FIFO would wait forever)
    try:
        # newline="": the user's line endings (CRLF, lone CR) come back byte for byte.
        with open(path, encoding="utf-8", newline="") as fh:
            return fh.read()
    except UnicodeDecodeError:
        return None  # not a UTF-8 text: certainly not a note briefing wrote


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _write_atomic(path: Path, content: str, *, durable: bool) -> None:
    # Write beside the target and rename over it: a crash mid-write never leaves a
    # half-written note where the user's kept section used to be.
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8", newline="") as fh:
            fh.write(content)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_note(path: Path, content: str, *, force: bool = False) -> None:
    """Write a rendered note, keeping the keep sections of the file it replaces.

    Replaces an existing file only when briefing made it (front matter marker), when it is
    empty, or with force. Raises FileExistsError or preserve.PreserveError instead of
    losing text.
    """
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "a folder is where the note would go", str(path))
    exists = path.exists()
    if exists and not _is_regular(path):
        raise FileExistsError(errno.EEXIST, "not a regular file (a FIFO or device?)", str(path))
    old = _read(path) if exists else None  # None also for a file that is not UTF-8
    if exists and old != "":
        if (old is None or not is_briefing_file(old)) and not force:
            raise FileExistsError(
                f"{path} exists and was not written by briefing; use --force to overwrite it"
            )
        try:
            content = preserve.merge_preserved(content, old)
        except preserve.PreserveError as exc:
            if not force:
                raise preserve.PreserveError(
                    f"{path}: {exc}; fix the file or use --force to overwrite it"
                ) from exc
    # Only a replaced note can hold the user's words, so only then wait for the disk (a new
    # note cut short by a crash is empty, and an empty file may be replaced).
    _write_atomic(path, content, durable=exists)


_TMP = re.compile(r"\..+\.(\d+)-[0-9a-f]{8}\.tmp")


def remove_stale_temp_files(directory: Path) -> list[Path]:
    """Remove the temp notes of exports that were killed (their process is gone)."""
    removed = []
    for path in directory.glob(".*.tmp") if directory.is_dir() else []:
        match = _TMP.fullmatch(path.name)
        if match is None or _alive(int(match.group(1))) or not _is_regular(path):
            continue
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def describe_write_error(exc: OSError, path: Path) -> str:
    """One line naming the file and the reason (the bare OSError of a write names neither)."""
    reasons = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is exhausted"}
    reasons |= {errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied"}
    why = reasons.get(exc.errno) or exc.strerror or str(exc)
    return f"could not write {path}: {why}"


# A note cannot be written after these: every other note would fail the same way.
_STOP_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


def _front(path: Path, limit: int = 65536) -> str | None:
    """Enough of a file to read its front matter (an output folder may be a whole vault)."""
    with open(path, "rb") as fh:
        head = fh.read(limit)
        if not head.startswith(b"---"):
            return None
        if not re.search(rb"\n(?:---|\.\.\.)[ \t]*\r?\n", head) and len(head) == limit:
            head += fh.read()  # front matter longer than the limit: read it all
    return head.decode("utf-8", errors="replace")


def _exported_articles(directory: Path) -> dict[str, Path]:
    """article id -> the note briefing already wrote for it in this folder (titles change)."""
    found: dict[str, Path] = {}
    for path in sorted(directory.iterdir()) if directory.is_dir() else []:
        if path.suffix.lower() not in MARKDOWN_SUFFIXES or not path.is_file():
            continue
        try:
            content = _front(path)
        except OSError:
            continue
        data: dict[str, Any] | None = read_front_matter(content) if content else None
        if data and data.get(MARKER_KEY) == MARKER_VALUE and data.get("briefing_id"):
            found.setdefault(str(data["briefing_id"]), path)
    return found


def _note_path(
    directory: Path, article: Article, taken: set[str], existing: dict[str, Path]
) -> Path:
    if article.id in existing and existing[article.id].name.casefold() not in taken:
        return existing[article.id]
    stem = text.file_stem(article.published, article.source, article.title, article.id)
    for candidate in (stem, f"{stem}-{article.id[:8]}", f"{stem}-{article.id}"):
        path = directory / f"{candidate}.md"
        if path.name.casefold() in taken:
            continue
        if path.exists() and not _is_regular(path):
            continue  # a folder or FIFO with the note's name: never written to or read
        if path.exists() and is_briefing_file(_read(path) or ""):
            continue  # another article's note (this article's own was found above)
        return path
    return directory / f"{stem}-{article.id}-{secrets.token_hex(3)}.md"


def briefing_file_name(query: str, now: datetime | None = None) -> str:
    day = (now or datetime.now(UTC)).date().isoformat()
    slug = text.slugify(query, 60)
    return f"briefing-{day}-{slug}.md" if slug else f"briefing-{day}.md"


def export(
    store: ExportStore,
    article_ids: list[str],
    out: Path,
    *,
    one_file: bool,
    query: str = "",
    options: ExportOptions,
    progress: Callable[[int, int], None] | None = None,
    now: datetime | None = None,
) -> list[Path]:
    """Write the articles as notes (one per article, or one briefing) and return the paths.

    `out` is a folder (created if missing) or a .md file (one briefing, or a single
    article). progress(done, total) is called after each article; it may raise to stop.
    Raises ExportUsageError for an impossible request, render.ExportTemplateError for a
    broken template, and ExportError (after writing the rest) when some notes failed.
    """
    ids = list(dict.fromkeys(article_ids))
    out = Path(out).expanduser()
    to_file = _is_file_target(out)
    if to_file and not one_file and len(ids) > 1:
        raise ExportUsageError(f"{out} is one file but {len(ids)} articles were chosen")
    directory = out.parent if to_file else out
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError([f"{directory}: {exc.strerror or exc}"], []) from exc

    total = len(ids)
    written: list[Path] = []
    problems: list[str] = []
    bundles: list[ArticleBundle] = []
    remove_stale_temp_files(directory)
    existing = {} if one_file or to_file else _exported_articles(directory)
    taken: set[str] = set()
    if progress:
        progress(0, total)
    for done, article_id in enumerate(ids, 1):
        try:
            bundle = load_bundle(store, article_id)
            if hasattr(store, "people_joins"):  # "Trump" alone: the store's one Donald Trump
                join_analysis(bundle.analysis, store.people_joins(), store.person_name)
            rename_facts(bundle.analysis, options.names)  # Mosca and Moscow: one note name
        except (LookupError, OSError, StoreError) as exc:
            problems.append(str(exc) if isinstance(exc, LookupError) else f"{article_id}: {exc}")
            bundle = None
        if bundle is not None and one_file:
            bundles.append(bundle)
        elif bundle is not None:
            path = out if to_file else _note_path(directory, bundle.article, taken, existing)
            taken.add(path.name.casefold())
            try:
                write_note(path, render_article(bundle, options, now), force=options.force)
                written.append(path)
            except OSError as exc:
                problems.append(describe_write_error(exc, path))
                if exc.errno in _STOP_ERRNOS:
                    left = total - done
                    if left:
                        problems.append(f"export stopped: {left} more notes not written")
                    break
            except preserve.PreserveError as exc:
                problems.append(str(exc))
        if progress:
            progress(done, total)

    if one_file and (bundles or not problems):
        path = out if to_file else directory / briefing_file_name(query, now)
        try:
            write_note(path, render_briefing(bundles, query, options, now), force=options.force)
            written.append(path)
        except OSError as exc:
            problems.append(describe_write_error(exc, path))
        except preserve.PreserveError as exc:
            problems.append(str(exc))
    if problems:
        raise ExportError(problems, written)
    return written
