"""Read the XLSX that ``align`` writes, for ``check`` (openpyxl, imported only here and only when a workbook is read).

The first sheet is read.  Its first row that is not empty is a header when
it names ``zh`` and ``en`` columns (``align`` writes ``row zh en type score
zh_ids en_ids issues findings``); otherwise column A is the Chinese and
column B the English, and other columns (a note) are left alone.  A cell
holding a spreadsheet error (``#REF!``, ``#N/A``) cannot be read as text: its
row is a :class:`MalformedRow` naming the cell, and the rows after it are
still read.  Numbers in a text column are read as they are shown (``2019``).
"""

from __future__ import annotations

import datetime
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

from ..errors import InputError
from .tsv_read import MalformedRow, TsvRow

_UNIT = "sheet row"


def _cell_text(value: object) -> str:
    """A cell's value as text, as a spreadsheet shows it.

    >>> _cell_text(None), _cell_text(2019), _cell_text(3.0), _cell_text(0.25), _cell_text("你好")
    ('', '2019', '3', '0.25', '你好')
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _column_letter(index: int) -> str:
    """``A`` for 0, ``AA`` for 26.

    >>> _column_letter(0), _column_letter(1), _column_letter(26)
    ('A', 'B', 'AA')
    """
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def read_sheet_records(rows: Iterable[Sequence], *, first_row: int = 1) -> Iterator[TsvRow | MalformedRow]:
    """The rows and malformed records of a sheet's rows of cells (openpyxl's, or anything with ``value`` and
    ``data_type``), blank rows skipped; ``first_row`` is the sheet row number of the first.

    >>> from types import SimpleNamespace as Cell
    >>> def row(*values): return [Cell(value=v, data_type="e" if str(v).startswith("#") else "s") for v in values]
    >>> list(read_sheet_records([row("zh", "en"), row("你好。", "Hello."), row("好。", "#REF!")]))  # doctest: +NORMALIZE_WHITESPACE
    [TsvRow(row=1, line=2, zh='你好。', en='Hello.', type='', score=None),
     MalformedRow(row=2, line=3, problem='cell B3 holds the spreadsheet error #REF!', end_line=3, unit='sheet row')]
    """
    columns: dict[str, int] | None = None
    data_row = 0
    for line, cells in enumerate(rows, start=first_row):
        values = [cell.value for cell in cells]
        if all(value is None or str(value).strip() == "" for value in values):
            continue
        if columns is None:
            names = [_cell_text(value).strip().lower() for value in values]
            if {"zh", "en"} <= set(names):
                columns = {name: names.index(name) for name in ("row", "zh", "en", "type", "score") if name in names}
                continue
            columns = {"zh": 0, "en": 1}
        data_row += 1
        problem = None
        for name in ("zh", "en"):
            index = columns[name]
            if index < len(cells) and cells[index].data_type == "e":
                problem = f"cell {_column_letter(index)}{line} holds the spreadsheet error {cells[index].value}"
                break
        if problem is not None:
            yield MalformedRow(data_row, line, problem, line, _UNIT)
            continue
        declared, score = _value(values, columns, "row"), _value(values, columns, "score")
        if isinstance(score, str):
            try:
                score = float(score)
            except ValueError:
                score = None
        yield TsvRow(
            declared if isinstance(declared, int) and not isinstance(declared, bool) and declared > 0 else data_row,
            line,
            _cell_text(_value(values, columns, "zh")),
            _cell_text(_value(values, columns, "en")),
            _cell_text(_value(values, columns, "type")).strip(),
            float(score) if isinstance(score, (int, float)) and not isinstance(score, bool) else None,
        )


def _value(values: Sequence[object], columns: dict[str, int], name: str) -> object:
    """The value in column ``name`` of a row (None when the sheet has no such column or the row stops short)."""
    index = columns.get(name)
    return values[index] if index is not None and index < len(values) else None


class AlignedXlsx:
    """An aligned XLSX workbook opened for reading; :meth:`records` reads its first sheet afresh each time it is called.

    Raises :class:`~corpus_align.errors.InputError` naming the file when it is
    no workbook openpyxl can open.

    >>> import io
    >>> from corpus_align import align
    >>> from corpus_align.io.xlsx import to_xlsx
    >>> [r.en for r in AlignedXlsx(io.BytesIO(to_xlsx(align("你好。", "Hello."))), "a.xlsx").records()]
    ['Hello.']
    """

    rows_description = "rows with zh and en cells"
    encoding = "xlsx"  # a workbook is ZIP and XML: --encoding has nothing to choose

    def __init__(self, stream: BinaryIO, name: str):
        self.name = name
        self._stream = stream
        self._open().close()  # a broken workbook fails now, before anything is checked

    def _open(self):
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        self._stream.seek(0)
        try:
            return load_workbook(self._stream, read_only=True, data_only=True)
        # A ZIP that is no workbook lacks its parts (KeyError); damaged XML is a SyntaxError (ParseError).
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, SyntaxError) as error:
            raise InputError(self.name, f"is not a readable XLSX workbook ({type(error).__name__}: {error})") from None
        except OSError as error:
            raise InputError(self.name, f"cannot be read ({error.strerror or error})") from None

    def records(self) -> Iterator[TsvRow | MalformedRow]:
        """Every row and malformed record of the first sheet, in sheet order."""
        workbook = self._open()
        try:
            if not workbook.worksheets:
                raise InputError(self.name, "is a workbook without sheets")
            sheet = workbook.worksheets[0]
            # iter_rows starts at row 1 and column A whatever the sheet's dimensions say, so positions are cell addresses.
            yield from read_sheet_records(sheet.iter_rows())
        finally:
            workbook.close()
