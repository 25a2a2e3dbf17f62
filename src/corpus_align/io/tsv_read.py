"""Read aligned TSV files for ``check``: the TSV that ``align`` writes, or plain ``zh<TAB>en`` pairs."""

from __future__ import annotations

import csv
from dataclasses import dataclass

from ..model import SourceText
from .tsv import unescape_cell

_HEADER_NAMES = {"zh", "en"}


@dataclass(frozen=True)
class TsvRow:
    """One data row: its 1-based ``row`` number, the file ``line`` it came from, and its cells."""

    row: int
    line: int
    zh: str
    en: str
    type: str = ""
    score: float | None = None


@dataclass(frozen=True)
class MalformedRow:
    """A line that could not be read as a row, with the reason; the rows after it are still read."""

    row: int
    line: int
    problem: str


def parse_aligned_tsv(source: SourceText) -> tuple[list[TsvRow], list[MalformedRow]]:
    """Parse an aligned TSV; a header naming ``zh`` and ``en`` columns is detected, else two columns are expected.

    Data rows are numbered from 1 (the ``row`` column wins when the file has
    one). A row with the wrong number of cells or broken quoting is returned
    as a :class:`MalformedRow` naming its line, and reading goes on.

    >>> rows, bad = parse_aligned_tsv(SourceText("a.tsv", "你好。\\tHello.\\nonly one cell\\n再见。\\tBye.\\n", "utf-8"))
    >>> [(r.row, r.en) for r in rows], [(b.line, b.problem) for b in bad]
    ([(1, 'Hello.'), (3, 'Bye.')], [(2, 'expected 2 tab-separated columns, found 1')])
    """
    lines = source.text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    columns = ["zh", "en"]
    first = 0
    if lines:
        header = [cell.strip().lower() for cell in lines[0].split("\t")]
        if _HEADER_NAMES <= set(header):
            columns, first = header, 1
    rows: list[TsvRow] = []
    bad: list[MalformedRow] = []
    data_row = 0
    for index in range(first, len(lines)):
        line_number = index + 1
        text = lines[index]
        if not text.strip():
            continue
        data_row += 1
        cells = text.split("\t")
        if len(cells) != len(columns):
            cells = _quoted_cells(text, len(columns))
        if cells is None:
            found = len(text.split("\t"))
            problem = (
                f"expected {len(columns)} tab-separated columns, found {found}"
                if '"' not in text
                else f"broken quoting or expected {len(columns)} tab-separated columns, found {found}"
            )
            bad.append(MalformedRow(data_row, line_number, problem))
            continue
        record = dict(zip(columns, (unescape_cell(cell) for cell in cells)))
        row_number = int(record["row"]) if record.get("row", "").isdigit() else data_row
        score = _float(record.get("score", ""))
        rows.append(TsvRow(row_number, line_number, record["zh"], record["en"], record.get("type", ""), score))
    return rows, bad


def _quoted_cells(line: str, expected: int) -> list[str] | None:
    if '"' not in line:
        return None
    try:
        parsed = next(csv.reader([line], delimiter="\t", quotechar='"', strict=True))
    except (csv.Error, StopIteration):
        return None
    return parsed if len(parsed) == expected else None


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
