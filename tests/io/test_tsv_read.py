"""Reading aligned TSV for check: one csv reading of the whole file, quoting decided once, bad records named by line."""

from __future__ import annotations

from corpus_align.io.tsv_read import parse_aligned_tsv
from corpus_align.model import SourceText
from corpus_align.qa import check_file
from tests.conftest import MALFORMED_TSV

HEADER = "row\tzh\ten\ttype\tscore\tzh_ids\ten_ids\tissues\n"


def _parse(text: str):
    return parse_aligned_tsv(SourceText("a.tsv", text, "utf-8"))


def test_tsv_read_quoted_cell_with_newline_and_tab_is_one_cell():
    rows, bad = _parse(
        HEADER
        + '1\t"他二十一\n岁。"\t"He is\ttwenty-two."\t1-1\t0.5\t0\t0\t\n'
        + "2\t我很好。\tI am fine.\t1-1\t0.5\t1\t1\t\n"
    )
    assert bad == []
    assert [(r.row, r.line, r.zh, r.en) for r in rows] == [
        (1, 2, "他二十一\n岁。", "He is\ttwenty-two."),
        (2, 4, "我很好。", "I am fine."),
    ]


def test_tsv_read_quotes_are_read_the_same_on_every_line():
    # A spreadsheet's TSV: cells with a quote or a tab are quoted and their quotes doubled. The first
    # line has the right number of cells as written, the second only once its quoted tab is read as one.
    rows, bad = _parse('"他说""走。"""\t"He said ""go""."\n"甲\t乙"\t"A ""tab"" inside"\n')
    assert bad == []
    assert [(r.zh, r.en) for r in rows] == [('他说"走。"', 'He said "go".'), ("甲\t乙", 'A "tab" inside')]


def test_tsv_read_malformed_records_are_named_by_line_and_never_checked(tmp_path):
    path = tmp_path / "quoted.tsv"
    path.write_text(MALFORMED_TSV, "utf-8")
    report = check_file(path)
    assert [row.zh for row in report.rows] == ['他说"好"', "甲\t乙", "他二十一岁。"]
    assert [(f.code, f.row) for f in report.findings if f.code == "number-mismatch"] == [("number-mismatch", 3)]
    assert [(bad.line, bad.end_line) for bad in report.malformed] == [(5, 5), (6, 7)]
    assert "expected 2 tab-separated columns, found 3" in report.malformed[0].problem
    assert "never closed" in report.malformed[1].problem


def test_tsv_read_undecodable_line_is_malformed_and_the_rest_checked(tmp_path):
    path = tmp_path / "damaged.tsv"
    path.write_bytes(
        "他二十一岁。\tHe is twenty-two.\n".encode()
        + "他三岁。".encode() + b"\xff\xfe\tHe is four.\n"
        + "我很好。\tI am fine.\n".encode()
    )
    report = check_file(path)
    assert [(bad.row, bad.line) for bad in report.malformed] == [(2, 2)]
    assert "cannot decode as utf-8: invalid bytes ff fe" in report.malformed[0].problem
    assert [row.zh for row in report.rows] == ["他二十一岁。", "我很好。"]
    assert [f.row for f in report.findings if f.code == "number-mismatch"] == [1]


def test_tsv_read_a_cell_longer_than_the_limit_is_named_for_what_it_is():
    import csv

    too_long = "q" * (csv.field_size_limit() + 1)
    for quoted in (False, True):
        # A spreadsheet's quoting, told by the doubled quotes of the second row, or align's plain cells.
        second = '他说走。\t"He said ""go""."\n' if quoted else '他说走。\tHe said "go".\n'
        rows, bad = _parse(f"他去了北京。\t{too_long}\n{second}")
        assert [r.en for r in rows] == ['He said "go".']
        assert [(b.line, b.problem) for b in bad] == [
            (1, f"a cell of more than {csv.field_size_limit():,} characters (pages, not a sentence)")
        ]
