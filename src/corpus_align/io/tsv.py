"""The aligned TSV that reviewers read: a header, then one row per bead."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Alignment
from .records import COLUMNS, bead_records

# A cell starting with one of these is a formula to Excel and LibreOffice.
FORMULA_TRIGGERS = ("=", "+", "-", "@")


def tsv_cell(value: object) -> str:
    """A cell value that cannot break the row or run as a spreadsheet formula.

    Tabs and line breaks become spaces; a leading ``= + - @`` gets an
    apostrophe in front (the OWASP advice), which ``check`` removes on reading.

    >>> tsv_cell("=SUM(A1)"), tsv_cell("a\\tb\\nc"), tsv_cell([0, 1]), tsv_cell(0.5)
    ("'=SUM(A1)", 'a b c', '0 1', '0.5')
    """
    if isinstance(value, (list, tuple)):
        text = " ".join(str(item) for item in value)
    elif isinstance(value, float):
        text = f"{value:.3f}".rstrip("0").rstrip(".") if value else "0"
    else:
        text = str(value)
    text = text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    if text.startswith(FORMULA_TRIGGERS):
        text = "'" + text
    return text


def unescape_cell(text: str) -> str:
    """Undo :func:`tsv_cell`'s formula guard.

    >>> unescape_cell("'=SUM(A1)"), unescape_cell("'quoted'")
    ('=SUM(A1)', "'quoted'")
    """
    if text.startswith("'") and text[1:2] in FORMULA_TRIGGERS and text[1:2] != "":
        return text[1:]
    return text


def to_tsv(
    alignment: Alignment, *, text: str = "original", issues: Mapping[int, Sequence[str]] | None = None
) -> str:
    """Render the alignment as TSV with the columns ``row zh en type score zh_ids en_ids issues``.

    ``zh_ids``/``en_ids`` are 0-based sentence numbers separated by spaces;
    ``issues`` holds finding codes separated by commas.

    >>> from corpus_align import align
    >>> [line.split("\\t")[:4] for line in to_tsv(align("你好。", "Hello.")).splitlines()]
    [['row', 'zh', 'en', 'type'], ['1', '你好。', 'Hello.', '1-1']]
    """
    lines = ["\t".join(COLUMNS)]
    for record in bead_records(alignment, text=text, issues=issues):
        record["issues"] = ",".join(record["issues"])
        lines.append("\t".join(tsv_cell(record[column]) for column in COLUMNS))
    return "\n".join(lines) + "\n"
