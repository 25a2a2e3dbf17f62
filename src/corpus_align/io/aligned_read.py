"""Open an aligned file for ``check``, whichever of ``align``'s formats it is in: TSV, JSONL or XLSX.

The format is told by the file's first bytes, and by its name when they
cannot tell (:func:`input_format`):

* **XLSX** when the file is a ZIP archive (``PK``), or its name ends in ``.xlsx``;
* **JSONL** when its name ends in ``.jsonl`` or ``.json``, or its first line
  that is not blank is a JSON object (``align``'s ``{"meta": ...}``);
* **TSV** otherwise: ``align``'s TSV (its header names the columns), or
  ``zh<TAB>en``, or ``zh<TAB>en<TAB>note`` rows.

Each format's reader yields the same records, :class:`~.tsv_read.TsvRow` and
:class:`~.tsv_read.MalformedRow`, so that everything after the reading is one.
A file is read by position and can be read again from the top (``check``
reads it twice); standard input and FIFOs are copied to a temporary file first.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from .read import BYTE_ORDER_MARKS, STDIN_NAME, input_too_large, max_input_bytes, open_input
from .tsv_read import BLOCK_BYTES, SAMPLE_BYTES, AlignedTsv, MalformedRow, TsvRow

INPUT_FORMATS = ("tsv", "jsonl", "xlsx")
ZIP_SIGNATURE = b"PK\x03\x04"
JSONL_SUFFIXES = (".jsonl", ".json")


class AlignedFile(Protocol):
    """What every reader offers: the file's ``name``, its ``encoding``, and its records, afresh at each call."""

    name: str
    rows_description: str

    @property
    def encoding(self) -> str: ...

    def records(self) -> Iterator[TsvRow | MalformedRow]: ...


def input_format(name: str, head: bytes) -> str:
    """``tsv``, ``jsonl`` or ``xlsx`` for a file called ``name`` that begins with the bytes ``head``.

    >>> input_format("a.tsv", b"PK\\x03\\x04..."), input_format("a.jsonl", b"not json yet")
    ('xlsx', 'jsonl')
    >>> input_format("<stdin>", b'{"meta": {"beads": 1}}\\n{"zh": "..."}'), input_format("a.txt", "你好\\tHi\\n".encode())
    ('jsonl', 'tsv')
    """
    lowered = name.lower()
    if head.startswith(ZIP_SIGNATURE) or lowered.endswith(".xlsx"):
        return "xlsx"
    if lowered.endswith(JSONL_SUFFIXES) or _opens_with_a_json_object(head):
        return "jsonl"
    return "tsv"


def _opens_with_a_json_object(head: bytes) -> bool:
    """True when the first line that is not blank is a JSON object: no TSV row is one.

    >>> _opens_with_a_json_object(b'\\n{"zh": "\\xe4\\xbd\\xa0", "en": "you"}\\n'), _opens_with_a_json_object(b"{x}\\tbraces\\n")
    (True, False)
    """
    for bom, _codec in BYTE_ORDER_MARKS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    first = next((line for line in head.splitlines() if line.strip()), b"").strip()
    if not first.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):  # ValueError covers JSON and Unicode errors
        return False


@contextlib.contextmanager
def open_aligned_file(path: str | Path, encoding: str | None = None, *, stdin: BinaryIO | None = None) -> Iterator[AlignedFile]:
    """Open an aligned TSV, JSONL or XLSX file (``-``: standard input) for reading its records, as often as needed.

    Raises :class:`~corpus_align.errors.InputError` naming the file when it
    cannot be opened, is empty, binary (and no workbook), a broken workbook,
    or in no encoding it can tell.  ``encoding`` applies to TSV and JSONL.

    >>> with open_aligned_file("aligned.jsonl") as aligned:  # doctest: +SKIP
    ...     rows = [r for r in aligned.records() if isinstance(r, TsvRow)]
    """
    with open_rereadable(path, stdin=stdin) as (stream, name):
        found = input_format(name, _head(stream))
        if found == "xlsx":
            from .xlsx_read import AlignedXlsx

            yield AlignedXlsx(stream, name)
        elif found == "jsonl":
            from .jsonl_read import AlignedJsonl

            yield AlignedJsonl(stream, name, encoding)
        else:
            yield AlignedTsv(stream, name, encoding)


def _head(stream: BinaryIO) -> bytes:
    """The first bytes of a file, read by position (its position is left alone)."""
    try:
        return os.pread(stream.fileno(), SAMPLE_BYTES, 0)
    except (OSError, AttributeError, io.UnsupportedOperation):  # an in-memory stream
        return stream.getvalue()[:SAMPLE_BYTES] if isinstance(stream, io.BytesIO) else b""


@contextlib.contextmanager
def open_rereadable(path: str | Path, *, stdin: BinaryIO | None = None) -> Iterator[tuple[BinaryIO, str]]:
    """``(stream, name)`` of an input that can be read by position, again and again: the file itself, or a copy of a pipe.

    ``-`` is standard input (``stdin`` when given), named ``<stdin>``.
    Problems opening it are :class:`~corpus_align.errors.InputError` naming it.

    >>> with open_rereadable("/dev/zero") as (stream, name):
    ...     pass
    Traceback (most recent call last):
    corpus_align.errors.InputError: /dev/zero: is a character device, not a text file
    """
    name = str(path)
    if name == "-":
        with _spooled(stdin if stdin is not None else sys.stdin.buffer, STDIN_NAME) as spool:
            yield spool, STDIN_NAME
        return
    # check streams the file, so a regular file of any size is read; a FIFO is copied to disk first
    # (it is read twice) and held to the input limit.
    with open_input(path, max_bytes=sys.maxsize) as (stream, size):
        if size is None:
            with _spooled(stream, name) as spool:
                yield spool, name
        else:
            yield stream, name


@contextlib.contextmanager
def _spooled(stream: BinaryIO, name: str) -> Iterator[BinaryIO]:
    """A temporary file holding what ``stream`` (a pipe) gives, up to :func:`~.read.max_input_bytes`."""
    limit = max_input_bytes()
    with tempfile.TemporaryFile() as spool:
        copied = 0
        while block := stream.read(min(BLOCK_BYTES, limit + 1 - copied)):
            spool.write(block)
            copied += len(block)
            if copied > limit:
                raise input_too_large(name, limit)
        spool.flush()
        yield spool
