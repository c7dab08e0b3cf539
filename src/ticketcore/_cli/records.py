"""Reading ticket files: one JSON document, or JSON Lines, streamed a line at a time.

A file is read as JSON Lines when its name ends in ``.jsonl`` or ``.ndjson``, or when its first
non-blank line is a complete JSON object and another non-blank line follows; otherwise it is one
JSON document (pretty-printed, say). Lines are read one at a time, each at most
`MAX_DOCUMENT_BYTES` long, so memory stays flat however long the file is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO, Final

import attrs

from ticketcore._convert import MAX_DOCUMENT_BYTES

__all__ = ["JSONL_SUFFIXES", "Record", "read_records"]

JSONL_SUFFIXES: Final = (".jsonl", ".ndjson")
_BOM: Final = b"\xef\xbb\xbf"
# Overlong input is skipped in pieces of this size, so that it is never held in memory.
_SKIP_CHUNK: Final = 1024 * 1024


@attrs.frozen
class Record:
    """One ticket's worth of input: a JSON Lines line, or a whole document.

    Attributes:
        line: The line number in a JSON Lines file (from 1); ``None`` for a whole document.
        raw: The bytes read (empty when *overflow*).
        size: How many bytes of the file the record spans, newline included.
        overflow: The record was longer than `MAX_DOCUMENT_BYTES` and was skipped.
    """

    line: int | None
    raw: bytes
    size: int
    overflow: bool = False

    @property
    def blank(self) -> bool:
        """Whether the record holds only whitespace (a blank line of a JSON Lines file)."""
        return not self.overflow and not self.raw.strip()


def read_records(stream: BinaryIO, name: str) -> Iterator[Record]:
    """Yield the records of *stream*, the file called *name* (``-`` for stdin)."""
    head: list[Record] = []
    content = 0
    while content < 2:
        record = _read_line(stream, len(head) + 1)
        if record is None:
            break
        if not head and record.raw.startswith(_BOM):
            record = attrs.evolve(record, raw=record.raw[len(_BOM) :])
        head.append(record)
        if not record.blank:
            content += 1
    first = next((r for r in head if not r.blank), None)
    lines = name.lower().endswith(JSONL_SUFFIXES) or (
        content == 2 and first is not None and _is_object(first.raw)
    )
    if lines:
        yield from head
        number = len(head) + 1
        while (record := _read_line(stream, number)) is not None:
            yield record
            number += 1
        return
    yield _document(head, stream)


def _read_line(stream: BinaryIO, number: int) -> Record | None:
    raw = stream.readline(MAX_DOCUMENT_BYTES + 1)
    if not raw:
        return None
    if len(raw) <= MAX_DOCUMENT_BYTES or raw.endswith(b"\n"):
        return Record(number, raw, len(raw))
    size = len(raw) + _skip_line(stream)
    return Record(number, b"", size, overflow=True)


def _skip_line(stream: BinaryIO) -> int:
    skipped = 0
    while piece := stream.readline(_SKIP_CHUNK):
        skipped += len(piece)
        if piece.endswith(b"\n"):
            break
    return skipped


def _document(head: list[Record], stream: BinaryIO) -> Record:
    if any(r.overflow for r in head):
        size = sum(r.size for r in head)
        return Record(None, b"", size + _skip_all(stream), overflow=True)
    start = b"".join(r.raw for r in head)
    rest = (
        stream.read(MAX_DOCUMENT_BYTES + 1 - len(start))
        if len(start) <= MAX_DOCUMENT_BYTES
        else b""
    )
    raw = start + rest
    if len(raw) > MAX_DOCUMENT_BYTES:
        return Record(None, b"", len(raw) + _skip_all(stream), overflow=True)
    return Record(None, raw, len(raw))


def _skip_all(stream: BinaryIO) -> int:
    skipped = 0
    while piece := stream.read(_SKIP_CHUNK):
        skipped += len(piece)
    return skipped


def _is_object(raw: bytes) -> bool:
    try:
        return isinstance(json.loads(raw), dict)
    except ValueError:  # not JSON, or not UTF-8
        return False
