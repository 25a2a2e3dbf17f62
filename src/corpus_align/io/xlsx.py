"""XLSX output for reviewers who live in spreadsheets (openpyxl)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from ..model import Alignment, Finding
from .records import bead_records

HEADER = ("row", "zh", "en", "type", "score", "zh_ids", "en_ids", "issues", "findings")
WIDTHS = {"row": 6, "zh": 60, "en": 70, "type": 7, "score": 7, "zh_ids": 10, "en_ids": 10, "issues": 22, "findings": 60}
ERROR_FILL = "FFF4CCCC"
WARNING_FILL = "FFFFF2CC"
# A row whose findings a baseline accepted, all of them: looked at already, greyed.
ACCEPTED_FILL = "FFE7E7E7"


def _confidence(finding: Finding) -> str:
    return "" if finding.confidence is None else f" ({finding.confidence:.0%})"


def _finding_line(finding: Finding) -> str:
    """One finding in the findings cell; an accepted one says so, with its reason.

    >>> _finding_line(Finding("typo", "warning", 1, "m", accepted=True, reason="a name"))
    'accepted: warning typo: m (reason: a name)'
    """
    line = f"{finding.severity} {finding.code}{_confidence(finding)}: {finding.message}"
    if finding.accepted:
        return f"accepted: {line}" + (f" (reason: {finding.reason})" if finding.reason else "")
    return line


def to_xlsx(alignment: Alignment, findings: Sequence[Finding] = (), *, text: str = "original") -> bytes:
    """Render the alignment as an XLSX workbook: one row per bead, findings in a column.

    Rows with an error are filled red, rows with a warning yellow, rows whose
    findings a baseline accepted (all of them) grey; the header
    is frozen and long columns wrap. Every cell is text: a sentence starting
    with ``=`` is never a formula.

    >>> from corpus_align import align
    >>> to_xlsx(align("你好。", "Hello."))[:2]
    b'PK'
    """
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment as CellAlignment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    by_row: dict[int, list[Finding]] = {}
    for finding in findings:
        by_row.setdefault(finding.row, []).append(finding)
    issues = {row: list(dict.fromkeys(f.code for f in items)) for row, items in by_row.items()}

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "alignment"
    sheet.append(list(HEADER))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = CellAlignment(wrap_text=True, vertical="top")
    fills = {"error": PatternFill("solid", fgColor=ERROR_FILL), "warning": PatternFill("solid", fgColor=WARNING_FILL),
             "accepted": PatternFill("solid", fgColor=ACCEPTED_FILL)}
    for record in bead_records(alignment, text=text, issues=issues):
        row_findings = by_row.get(record["row"], [])
        values = [
            record["row"], record["zh"], record["en"], record["type"], record["score"],
            " ".join(map(str, record["zh_ids"])), " ".join(map(str, record["en_ids"])),
            ", ".join(record["issues"]),
            "\n".join(_finding_line(f) for f in row_findings),
        ]
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
        open_findings = [f for f in row_findings if not f.accepted]
        worst = next((s for s in ("error", "warning") if any(f.severity == s for f in open_findings)), None)
        if row_findings and not open_findings:
            worst = "accepted"
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # openpyxl reads a leading "=" as a formula; keep the author's text
                cell.data_type = "s"
            cell.alignment = wrap
            if worst:
                cell.fill = fills[worst]
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, name in enumerate(HEADER, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[name]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
