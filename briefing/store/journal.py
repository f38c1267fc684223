"""The durable journal (meta.journal): every write since the last snapshot, one fsynced line
each, read back once on open."""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from briefing.store import durable
from briefing.store.durable import AppendFile
from briefing.store.errors import StoreCorrupt

# The first line names the snapshot generation the journal continues; each entry line is
# "<crc32 of the JSON, 8 hex digits> <JSON>". Lines of older briefings are bare JSON.
HEADER = b"#briefing-journal "
# What a crash can leave after the last whole line: the start of a line the store writes.
_TORN_TAIL = re.compile(rb"#[a-z-]*( [0-9]*)?|[0-9a-f]{1,8}( \[[^\n]*)?|\[[^\n]*|")
_CHECKED = re.compile(rb"([0-9a-f]{8}) ")


def header_generation(raw: bytes) -> int | None:
    if not raw.startswith(HEADER):
        return None
    number = raw[len(HEADER) : raw.find(b"\n")]
    return int(number) if number.isdigit() else None


def _checked(line: bytes) -> bytes:
    """The JSON of one entry line, its checksum verified (ValueError when it fails)."""
    if line.startswith(b"["):
        return line  # written before checksums
    match = _CHECKED.match(line)
    entry = line[9:]
    if match is None or int(match.group(1), 16) != zlib.crc32(entry):
        raise ValueError("checksum mismatch")
    return entry


def encode(ops: list[list[Any]]) -> bytes:
    """One entry line: its checksum, then the JSON of its [table, doc id, doc or None] ops."""
    entry = orjson.dumps(ops)
    return b"%08x %s\n" % (zlib.crc32(entry), entry)


class Journal:
    """meta.journal: replayed once (`replay`), then appended to (`log`) and started afresh
    after each snapshot (`restart`). Each entry is a list of [table, doc id, doc or None]; in a
    write to a lazy table nobody had parsed, the doc id is the document's key (a string)."""

    def __init__(self, path: Path, readonly: bool = False):
        self.path = path
        self.readonly = readonly
        self.header_end = 0  # where the first entry starts (after the header line)
        self._file: AppendFile | None = None  # opened by replay, at the last whole line

    def replay(
        self,
        generation: int,
        written: tuple[int, int] | None,
        apply: Callable[[str, int, dict | None], None],
    ) -> None:
        """Hand every entry to `apply`, in order; then open the file for appends.

        `generation` is the snapshot's, `written` the (generation, length) the last writer
        noted after its last sync, if known. A last line cut short by a crash is ignored.
        Anything else that is not what the store wrote (a line whose checksum fails, bytes that
        cannot begin a line, a journal emptied or deleted behind the snapshot's back) is damage:
        reported, never guessed around, and the file is left as it is for `briefing restore`.
        """
        end = self._replay(generation, written, apply)
        self._file = AppendFile(self.path, readonly=self.readonly, valid_end=end)

    def _replay(
        self,
        expected: int,
        written: tuple[int, int] | None,
        apply: Callable[[str, int, dict | None], None],
    ) -> int:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            if expected:
                raise StoreCorrupt(self.path, "missing (deleted?)") from None
            return 0
        # The first save in this format cannot find its header in the journal it continues,
        # when a crash came before the swap: older lines replay harmlessly, nothing is lost.
        older = expected == 1 and bool(raw) and not raw.startswith(HEADER)
        if expected and not (raw.startswith(HEADER) or older):
            why = "empty" if not raw else "it does not start with its header"
            raise StoreCorrupt(self.path, f"{why}; writes since the last save are lost")
        self.header_end = raw.find(b"\n") + 1 if raw.startswith(HEADER) else 0
        # Only against a journal of the same generation: a reader may meet a writer's
        # compaction between reading the snapshot and the journal.
        same = written and written[0] == expected == header_generation(raw)
        if same and len(raw) < written[1]:
            raise StoreCorrupt(
                self.path,
                f"cut short: {len(raw)} bytes where {written[1]} were saved; "
                "the writes after the cut are lost",
            )
        pos = 0
        while pos < len(raw):
            nl = raw.find(b"\n", pos)
            if nl < 0:
                if not _TORN_TAIL.fullmatch(raw[pos:]):  # NULs, random bytes: not a crash
                    raise StoreCorrupt(self.path, f"damaged bytes at byte {pos}")
                break  # torn tail: the write never returned, so nobody was told it was saved
            line = raw[pos:nl]
            try:
                if line.startswith(HEADER):
                    if pos:
                        raise ValueError("a header inside the journal")
                else:
                    for table, doc_id, doc in orjson.loads(_checked(line)):
                        apply(table, doc_id, doc)
            except (orjson.JSONDecodeError, TypeError, ValueError) as exc:
                raise StoreCorrupt(self.path, f"damaged entry at byte {pos}") from exc
            pos = nl + 1
        return pos

    @property
    def good_end(self) -> int:
        """How far the journal is synced: the store's position, with the generation."""
        return self._file.good_end

    @property
    def has_entries(self) -> bool:
        """Whether it holds writes (more than its header)."""
        return self._file.good_end > self.header_end

    def log(self, lines: list[list[list[Any]]]) -> None:
        """Append one line per logical write and fsync once; raise OSError on failure."""
        for ops in lines:
            self._file.append(encode(ops))
        self._file.sync()

    def restart(self, generation: int, carried: bytes = b"") -> None:
        """Replace the journal by one holding the header of `generation` and the `carried`
        entry lines (encoded), the writes no snapshot holds yet (raises OSError).

        Swapped in whole: from now on an empty or missing journal is damage, never "nothing
        written since". A crash before the swap leaves the old journal, whose lines replay
        harmlessly over the new snapshot.
        """
        header = HEADER + b"%d\n" % generation
        durable.atomic_write(self.path, header + carried)
        self._file.close()
        self._file = AppendFile(self.path)
        self.header_end = len(header)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
