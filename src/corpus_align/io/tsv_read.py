"""Read aligned TSV files for ``check``: the TSV that ``align`` writes, or plain ``zh<TAB>en[<TAB>note]`` rows.

A file is read as a stream of records, never whole, and can be read again
from the top (``check`` reads it twice: once for document-wide counts, once
to check it).  Three decisions are made once per file:

* **Encoding**: a BOM wins; otherwise the first megabyte is tried as UTF-8
  and, when it is not, as GB18030 or Big5 (:func:`~corpus_align.io.read.decode_bytes`).
  Bytes that do not decode are kept (as lone surrogates) and the record that
  holds them is reported as malformed with its line number, instead of the
  whole file failing.
* **Header**: a first line naming ``zh`` and ``en`` columns (such as
  ``align``'s ``row zh en type score zh_ids en_ids issues``) sets the
  columns; otherwise every record must be ``zh<TAB>en``, or
  ``zh<TAB>en<TAB>note`` when most of the first lines have three cells (a
  glossary-like file with a reviewer's note; the note is not checked).
* **Quoting**: ``align`` never quotes a cell (it turns tabs and line breaks
  into spaces, so a cell may begin with an English quotation mark and is
  meant as written), while spreadsheets and CSV libraries quote cells that
  hold a tab, a line break or a quote (``"a""b"`` for ``a"b``).  The two
  readings of ``"Go!"`` differ, so the file's own lines decide which
  convention it follows (:func:`quoting_evidence`) and then every line is read
  with that one :mod:`csv` dialect (:class:`QuotedDialect` or :class:`UnquotedDialect`).

Every record the csv module returns is either a :class:`TsvRow` or a
:class:`MalformedRow` naming its line(s) and the problem: wrong number of
cells, broken quoting, a quoted cell never closed, bytes that do not decode.
A malformed record is never returned as a row.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import itertools
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, NamedTuple, cast

from ..errors import InputError
from ..model import SourceText
from .read import BYTE_ORDER_MARKS, decode_bytes, lookup_codec
from .tsv import unescape_cell

_HEADER_NAMES = {"zh", "en"}
PLAIN_COLUMNS = ("zh", "en")
NOTE_COLUMNS = ("zh", "en", "note")
# The first lines of a file without a header that decide between zh<TAB>en and zh<TAB>en<TAB>note.
LAYOUT_SAMPLE_LINES = 20
SAMPLE_BYTES = 1 << 20  # enough text to tell UTF-8 from GB18030 or Big5
BLOCK_BYTES = 1 << 20  # read at a time when looking for quotes
# A cell that is one quoted value: an opening quote, quotes inside doubled, a closing quote.
_QUOTED_CELL = re.compile(r'"(?:[^"]|"")*"')


class QuotedDialect(csv.Dialect):
    """Spreadsheet TSV: a cell holding a tab, a line break or a quote is quoted, its quotes doubled."""

    delimiter = "\t"
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL
    strict = True


class UnquotedDialect(csv.Dialect):
    """``align``'s TSV: cells are written as they are and never hold a tab or a line break."""

    delimiter = "\t"
    quotechar = None
    escapechar = None
    doublequote = False
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_NONE
    strict = True


class TsvRow(NamedTuple):
    """One data row: its 1-based ``row`` number, the file ``line`` it starts on, and its cells.

    A named tuple rather than a dataclass: a million of them are made per
    reading, and a tuple is made several times faster.
    """

    row: int
    line: int
    zh: str
    en: str
    type: str = ""
    score: float | None = None


@dataclass(frozen=True)
class MalformedRow:
    """A record that could not be read as a row, with the reason; the rows after it are still read.

    ``line`` is where the record starts and ``end_line`` where it ends (the
    same line unless a quoted cell ran over several lines); ``unit`` names
    what they count: ``line`` in a text file, ``sheet row`` in a workbook.
    """

    row: int
    line: int
    problem: str
    end_line: int = 0
    unit: str = "line"

    @property
    def lines(self) -> str:
        """``line 4`` or ``lines 4-9``, for messages.

        >>> MalformedRow(2, 4, "x").lines, MalformedRow(2, 4, "x", 9).lines, MalformedRow(2, 5, "x", unit="sheet row").lines
        ('line 4', 'lines 4-9', 'sheet row 5')
        """
        return _span(self.line, self.end_line, self.unit)


@dataclass(frozen=True)
class TsvLayout:
    """What is decided once per file: its codec, its columns, whether it has a header, its quoting."""

    codec: str
    columns: tuple[str, ...]
    header: bool
    dialect: type[csv.Dialect]


# Bytes that do not decode arrive as lone surrogates, U+DC00 plus the byte (as Python's "surrogateescape"
# does, for every byte), and the handler counts them: a reading checks its records for surrogates only once
# the count has moved, so that clean files do not pay for the search.
_UNDECODABLE = re.compile("[\udc00-\udcff]+")
_KEEP_UNDECODABLE = "corpus_align.keep_undecodable"
_undecodable_seen = [0]


def _keep_undecodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _undecodable_seen[0] += 1
    return "".join(chr(0xDC00 + byte) for byte in error.object[error.start : error.end]), error.end


codecs.register_error(_KEEP_UNDECODABLE, _keep_undecodable)


def undecodable_problem(cells: list[str], codec: str) -> str | None:
    """What is wrong with a record that holds bytes that did not decode, or None.

    >>> undecodable_problem(["ok", "bad \\udcff\\udcfe"], "utf-8")
    'cannot decode as utf-8: invalid bytes ff fe'
    """
    found = _UNDECODABLE.search("\t".join(cells))
    if found is None:
        return None
    bad = " ".join(f"{ord(char) - 0xDC00:02x}" for char in found.group()[:4])
    return f"cannot decode as {codec}: invalid bytes {bad}"


def quoting_evidence(line: str, n_columns: int) -> int:
    """How one line votes on the file's quoting: 1 quoted (spreadsheet), -1 unquoted (``align``), 0 no say.

    Unquoted: the line has the right number of cells and one of them starts
    with a quote without being one quoted value (``"Go," he said.``, or a
    quotation that goes on in the next row): no quoting writer makes that.
    Quoted: a quoted value with a doubled quote inside, or a line whose
    cells only come out right when a quoted value holds a tab or goes on to
    the next line.

    >>> quoting_evidence('1\\t"Go," he said.', 2), quoting_evidence('1\\t"He said ""go""."', 2)
    (-1, 1)
    >>> quoting_evidence('"a\\tb"\\tc', 2), quoting_evidence('"first line of a cell', 2), quoting_evidence('"Go!"\\tc', 2)
    (1, 1, 0)
    """
    line = line.rstrip("\n")
    cells = line.split("\t")
    if len(cells) == n_columns:
        vote = 0
        for cell in cells:
            if not cell.startswith('"'):
                continue
            if not _QUOTED_CELL.fullmatch(cell):
                return -1
            if '""' in cell[1:-1]:
                vote = 1
        return vote
    for start, cell in enumerate(cells):
        if cell.startswith('"') and not _QUOTED_CELL.fullmatch(cell):
            rest = "\t".join(cells[start:])
            opened = _QUOTED_CELL.match(rest)
            # The quote closes after a tab, or not on this line at all: a quoted value holds a tab or a line break.
            if opened is None or opened.end() == len(rest) or rest[opened.end()] == "\t":
                return 1
    return 0


def _header_cells(line: str) -> list[str]:
    return [cell.strip().strip('"').strip().lower() for cell in line.rstrip("\n").split("\t")]


def plain_columns(first_lines: Iterable[str]) -> tuple[str, ...]:
    """The columns of a file without a header: ``zh en note`` when most of its first lines have three cells.

    Lines with a quote are left out: their cells are only known once the
    file's quoting is.

    >>> plain_columns(["一\\tone\\n", "二\\ttwo\\n"]), plain_columns(["一\\tone\\tnote\\n", "二\\ttwo\\t\\n"])
    (('zh', 'en'), ('zh', 'en', 'note'))
    """
    cells = Counter(line.count("\t") + 1 for line in first_lines if line.strip() and '"' not in line)
    return NOTE_COLUMNS if cells[3] > cells[2] else PLAIN_COLUMNS


def detect_layout(lines: Iterable[str], codec: str) -> TsvLayout:
    """The columns, header and quoting of a file from its decoded lines (read to the end for the quoting).

    Needs the first :data:`LAYOUT_SAMPLE_LINES` lines that are not blank, then
    every line with a quote in it.

    >>> layout = detect_layout(["row\\tzh\\ten\\n", '1\\t你好\\t"Hi," she said.\\n'], "utf-8")
    >>> layout.columns, layout.header, layout.dialect.__name__
    (('row', 'zh', 'en'), True, 'UnquotedDialect')
    >>> detect_layout(['"你\\t好"\\tHi\\n'], "utf-8").dialect.__name__
    'QuotedDialect'
    >>> detect_layout(["你好\\tHi\\tgreeting\\n"], "utf-8").columns
    ('zh', 'en', 'note')
    """
    lines = iter(lines)
    first = list(itertools.islice((line for line in lines if line.strip()), LAYOUT_SAMPLE_LINES))
    columns: tuple[str, ...] | None = None
    header = False
    votes = 0
    inside_quotes = False
    for line in itertools.chain(first, lines):
        if columns is None:
            names = _header_cells(line)
            if set(names) >= _HEADER_NAMES:
                columns, header = tuple(names), True
                votes += 1 if line.lstrip().startswith('"') else 0
                continue
            columns = plain_columns(first)
        if '"' not in line:
            continue
        if inside_quotes:
            # The rest of a quoted cell that went on from an earlier line: it has no cells of its own to judge,
            # and the quoted cell ends where the quotes since it opened are even in number.
            inside_quotes = line.count('"') % 2 == 0
            continue
        vote = quoting_evidence(line, len(columns))
        votes += vote
        inside_quotes = vote > 0 and _quote_left_open(line)
    return TsvLayout(codec, columns or PLAIN_COLUMNS, header, QuotedDialect if votes > 0 else UnquotedDialect)


def _quote_left_open(line: str) -> bool:
    """True when a quoted cell opens on ``line`` and does not close on it (it goes on on the next line).

    >>> _quote_left_open('1\\t"first line'), _quote_left_open('1\\t"a\\tb"\\tc'), _quote_left_open('"a""b"\\t"c')
    (True, False, True)
    """
    line = line.rstrip("\n")
    position = 0
    while position < len(line):
        if line[position] == '"':
            closed = _QUOTED_CELL.match(line, position)
            if closed is None:
                return True
            position = closed.end()
        next_tab = line.find("\t", position)
        if next_tab < 0:
            return False
        position = next_tab + 1
    return False


def read_records(
    lines: Iterable[str], layout: TsvLayout, *, undecodable: Callable[[], bool] = lambda: True
) -> Iterator[TsvRow | MalformedRow]:
    """The rows and malformed records of the decoded ``lines`` in file order (the header skipped).

    Data records are numbered from 1 (the ``row`` column wins when the file
    has one); blank lines are skipped and not numbered.  A record holding
    bytes that did not decode (lone surrogates) is malformed; ``undecodable``
    says whether any were met yet, so that records are searched only then.

    >>> layout = detect_layout(["zh\\ten\\n"], "utf-8")
    >>> list(read_records(["zh\\ten\\n", "你好。\\tHello.\\n", "\\n", "半行\\n"], layout))  # doctest: +NORMALIZE_WHITESPACE
    [TsvRow(row=1, line=2, zh='你好。', en='Hello.', type='', score=None),
     MalformedRow(row=2, line=4, problem='expected 2 tab-separated columns, found 1', end_line=4, unit='line')]
    """
    reader = csv.reader(lines, layout.dialect)
    columns = layout.columns
    expected = len(columns)
    named = f" ({', '.join(columns)})" if columns == NOTE_COLUMNS else ""
    zh, en = columns.index("zh"), columns.index("en")
    number = columns.index("row") if "row" in columns else None
    kind = columns.index("type") if "type" in columns else None
    score = columns.index("score") if "score" in columns else None
    header_pending = layout.header
    data_row = previous = 0
    while True:
        try:
            # One loop over the reader per stretch of good records: this runs a million times a file.
            for cells in reader:
                first, previous = previous + 1, reader.line_num
                if not cells or not cells[0].strip() and not any(cell.strip() for cell in cells):
                    continue  # a blank line
                if header_pending:
                    header_pending = False
                    continue
                data_row += 1
                problem = undecodable_problem(cells, layout.codec) if undecodable() else None
                if problem or len(cells) != expected:
                    problem = problem or f"expected {expected} tab-separated columns{named}, found {len(cells)}"
                    yield MalformedRow(data_row, first, problem, previous)
                    continue
                declared = cells[number].strip() if number is not None else ""
                zh_text, en_text = cells[zh], cells[en]
                value: float | None = None
                if score is not None:
                    with contextlib.suppress(ValueError):
                        value = float(cells[score])
                yield TsvRow(
                    int(declared) if declared.isascii() and declared.isdigit() else data_row,
                    first,
                    unescape_cell(zh_text) if zh_text[:1] == "'" else zh_text,
                    unescape_cell(en_text) if en_text[:1] == "'" else en_text,
                    cells[kind].strip() if kind is not None else "",
                    value,
                )
            return
        except csv.Error as error:
            data_row += 1
            first, previous = previous + 1, reader.line_num
            if str(error) == "unexpected end of data":
                problem = f"a quoted cell opens here and is never closed; {_span(first, previous)} not read"
            elif "field larger" in str(error) and previous > first:
                problem = f"a quoted cell opens here and does not close within {csv.field_size_limit():,} characters"
            elif "field larger" in str(error):
                problem = f"a cell of more than {csv.field_size_limit():,} characters (pages, not a sentence)"
            else:
                problem = f"broken quoting ({error})"
            yield MalformedRow(data_row, first, problem, previous)


def _span(first: int, last: int, unit: str = "line") -> str:
    return f"{unit}s {first}-{last}" if last > first else f"{unit} {first}"


class _ByteRange(io.RawIOBase):
    """Bytes ``start``..``end`` of a file, read by position: readings (and processes) sharing the file share no position."""

    def __init__(self, read_at: Callable[[int, int], bytes], start: int, end: int):
        self._read_at = read_at
        self._position = start
        self._end = end

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        wanted = min(len(buffer), self._end - self._position)
        if wanted <= 0:
            return 0
        data = self._read_at(wanted, self._position)
        buffer[: len(data)] = data
        self._position += len(data)
        return len(data)


class RereadableText:
    """A text file read by position, as often as needed, in the encoding its first bytes tell (or ``encoding``).

    The common ground of the aligned files that are text (TSV, JSONL): each
    reading decodes afresh, keeping bytes that do not decode as lone
    surrogates (see :func:`read_records`).

    >>> source = RereadableText(io.BytesIO("你好\\n".encode()), "a.txt")
    >>> source.encoding, source.undecodable_watch()()
    ('utf-8', False)
    """

    #: What a row of this format is, for the message about a file without any.
    rows_description = "tab-separated zh/en rows"

    def __init__(self, stream: BinaryIO, name: str, encoding: str | None = None):
        self.name = name
        try:
            descriptor = stream.fileno()
            self.size = os.fstat(descriptor).st_size
            self._read_bytes: Callable[[int, int], bytes] = lambda size, offset: os.pread(descriptor, size, offset)
        except (OSError, AttributeError, io.UnsupportedOperation):  # an in-memory stream
            data = cast(io.BytesIO, stream).getvalue()
            self.size = len(data)
            self._read_bytes = lambda size, offset: data[offset : offset + size]
        self._codec = _detect_codec(self._read_at(SAMPLE_BYTES + 1, 0), name, encoding)

    @property
    def encoding(self) -> str:
        return self._codec

    @staticmethod
    def undecodable_watch() -> Callable[[], bool]:
        """A test that says whether a reading met bytes that do not decode since this call: records need searching only then."""
        seen = _undecodable_seen[0]
        return lambda: _undecodable_seen[0] != seen

    def _read_at(self, size: int, offset: int) -> bytes:
        try:
            return self._read_bytes(size, offset)
        except OSError as error:
            raise InputError(self.name, f"cannot be read ({error.strerror or error})") from None

    def _text(self, start: int, end: int) -> io.TextIOWrapper:
        """Bytes ``start``..``end`` as text: line ends normalized, bytes that do not decode kept as surrogates."""
        raw = io.BufferedReader(_ByteRange(self._read_at, start, end), buffer_size=1 << 16)
        return io.TextIOWrapper(raw, encoding=self._codec, errors=_KEEP_UNDECODABLE, newline=None)


class AlignedTsv(RereadableText):
    """An aligned TSV opened for reading; :meth:`records` reads it (or a stretch of it) afresh each time it is called.

    >>> data = io.BytesIO("zh\\ten\\n你好。\\tHello.\\n".encode())
    >>> [r.en for r in AlignedTsv(data, "a.tsv").records()]
    ['Hello.']
    """

    def __init__(self, stream: BinaryIO, name: str, encoding: str | None = None):
        super().__init__(stream, name, encoding)
        if self._codec.startswith(("utf-16", "utf-32")):
            with self._text(0, self.size) as text:
                self.layout = detect_layout(text, self._codec)
        else:
            self.layout = detect_layout(self._lines_that_vote(), self._codec)

    def records(self) -> Iterator[TsvRow | MalformedRow]:
        """Every row and malformed record, in file order."""
        with self._text(0, self.size) as text:
            yield from read_records(text, self.layout, undecodable=self.undecodable_watch())

    def _lines_that_vote(self) -> Iterator[str]:
        """The lines up to the :data:`LAYOUT_SAMPLE_LINES`-th that is not blank, then every line with a quote in it: all
        :func:`detect_layout` needs.

        Found in the bytes, which is many times faster than decoding every
        line: in UTF-8, GB18030 and Big5 a quote or newline byte is never
        part of another character.
        """
        position = 0
        sampled = 0
        while position < self.size:
            block = self._read_at(BLOCK_BYTES, position)
            if position + len(block) < self.size and b"\n" in block:
                block = block[: block.rfind(b"\n") + 1]  # whole lines only (unless one is longer than a block)
            position += len(block)
            start = 0
            while sampled < LAYOUT_SAMPLE_LINES and start < len(block):
                end = block.find(b"\n", start) + 1 or len(block)
                for line in _decoded_lines(block[start:end], self._codec):
                    yield line
                    sampled += bool(line.strip())
                start = end
            found = block.find(b'"', start)
            while found >= 0:
                line_start = block.rfind(b"\n", 0, found) + 1
                line_end = block.find(b"\n", found) + 1 or len(block)
                yield from _decoded_lines(block[line_start:line_end], self._codec)
                found = block.find(b'"', line_end)


def _decoded_lines(raw: bytes, codec: str) -> list[str]:
    """Decoded lines of a few bytes, line ends normalized as in a full reading.

    >>> _decoded_lines(b"a\\r\\nb\\rc", "utf-8")
    ['a\\n', 'b\\n', 'c']
    """
    text = raw.decode(codec, errors=_KEEP_UNDECODABLE).replace("\r\n", "\n").replace("\r", "\n")
    pieces = text.split("\n")
    return [piece + "\n" for piece in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])


def _detect_codec(head: bytes, name: str, encoding: str | None) -> str:
    """The codec of a file from its first bytes: ``encoding`` when given, a BOM's, UTF-8, or what they read as."""
    if not head.strip():
        raise InputError(name, "is empty")
    if encoding:
        return lookup_codec(encoding, name)
    for bom, codec in BYTE_ORDER_MARKS:
        if head.startswith(bom):
            return codec
    sample = head[:SAMPLE_BYTES]
    if len(head) > SAMPLE_BYTES:
        # Cut at a line end so the sample does not end inside a character.
        sample = sample[: sample.rfind(b"\n") + 1] or sample
    if not sample.strip():
        raise InputError(name, "is empty")
    foreign = [line for line in sample.splitlines() if not line.isascii()]
    bad = sum(1 for line in foreign if not _decodes(line, "utf-8"))
    if bad == 0:
        decode_bytes(sample, name)  # the binary and control-character checks
        return "utf-8"
    # A UTF-8 file with a damaged line or two: those lines are reported one by one. In a GB18030 or
    # Big5 file almost no line with Chinese in it is valid UTF-8.
    if len(foreign) - bad > bad:
        return "utf-8"
    return decode_bytes(sample, name).encoding


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def parse_aligned_tsv(source: SourceText) -> tuple[list[TsvRow], list[MalformedRow]]:
    """Parse an already decoded aligned TSV into its rows and its malformed records.

    The same reading as :class:`AlignedTsv` (header, quoting, numbering),
    for text that is already in memory.

    >>> rows, bad = parse_aligned_tsv(SourceText("a.tsv", "你好。\\tHello.\\nonly one cell\\n再见。\\tBye.\\n", "utf-8"))
    >>> [(r.row, r.en) for r in rows], [(b.line, b.problem) for b in bad]
    ([(1, 'Hello.'), (3, 'Bye.')], [(2, 'expected 2 tab-separated columns, found 1')])
    """
    layout = detect_layout(io.StringIO(source.text, newline=None), source.encoding)
    rows: list[TsvRow] = []
    bad: list[MalformedRow] = []
    for record in read_records(io.StringIO(source.text, newline=None), layout):
        if isinstance(record, TsvRow):
            rows.append(record)
        else:
            bad.append(record)
    return rows, bad
