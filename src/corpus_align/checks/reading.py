"""malformed-row: a record of an aligned file that could not be read as a row.

Unlike the other checks it looks at no row: the readers of ``check``
(:mod:`corpus_align.io.aligned_read`) find these records, and
:func:`corpus_align.qa.malformed_row_finding` turns each into a finding.  It is
registered here so that it has a stable code, a severity and documentation,
and is selected and ignored like every other check.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding
from .context import CheckContext
from .registry import register

MALFORMED_ROW = "malformed-row"


@register(
    MALFORMED_ROW,
    severity="error",
    family="input",
    what="A record of the checked file that is not a row: in a TSV, a line with the wrong number of "
    "tab-separated cells, a quoted cell never closed, or bytes that do not decode; in a JSONL file, a line "
    "that is not JSON or not an object with `zh` and `en` text; in an XLSX workbook, a `zh` or `en` cell "
    "holding a spreadsheet error (`#REF!`). The message names the line (or sheet row) and the problem; the "
    "same words go to standard error as a warning.",
    why="A row that cannot be read is a row nobody checked: its numbers, names and omissions go unseen. "
    "Reported as an error finding, it shows in every output format and fails `--fail-on error`, so CI "
    "does not pass a file it only partly read.",
    example=("他四岁。", "He is five.<TAB>one cell too many (a TSV line of 3 cells in a zh<TAB>en file)"),
    silence="Repair the file at the line named (a tab inside a sentence, a cut line, a stray quote). "
    "`--ignore malformed-row` keeps the warnings on standard error but drops the findings.",
    false_positives="None known: every finding is a record the reader could not take apart. A file whose "
    "first lines mislead the layout detection (a zh<TAB>en file whose first rows hold a stray tab) gives "
    "one per row; give it a header line `zh<TAB>en`.",
)
def check_malformed_rows(ctx: CheckContext) -> Iterator[Finding]:
    """No finding from rows: every row that reaches the checks was read (the readers report the others)."""
    return iter(())
