from __future__ import annotations

import io

import pytest

from corpus_align.alignment import align
from corpus_align.io.xlsx import to_xlsx
from corpus_align.model import Finding


def test_xlsx_one_row_per_bead_findings_highlighted_header_frozen():
    openpyxl = pytest.importorskip("openpyxl")
    result = align("他二十一岁。\n我很好。", "=He is twenty-two.\nI am fine.", presegmented=True)
    findings = [Finding("number-mismatch", "error", 1, "21 in the Chinese, 22 in the English")]
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(result, findings)))
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("row", "zh", "en") and len(rows) == 1 + len(result.beads)
    assert rows[1][2] == "=He is twenty-two." and sheet.cell(2, 3).data_type == "s"
    assert "number-mismatch" in rows[1][7] and "21 in the Chinese" in rows[1][8]
    assert sheet.freeze_panes == "A2"
    assert sheet.cell(2, 2).fill.fgColor.rgb.endswith("F4CCCC")
    assert sheet.cell(3, 2).fill.fgColor.rgb in (None, "00000000")
    assert sheet.cell(2, 2).alignment.wrap_text
