"""check reads what align writes (TSV, JSONL, XLSX) and plain zh/en[/note] rows; a record it cannot read is a finding."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from corpus_align import align
from corpus_align.errors import InputError
from corpus_align.io.aligned_read import input_format, open_aligned_file
from corpus_align.io.tsv_read import MalformedRow, TsvRow
from corpus_align.io.writers import render
from corpus_align.qa import check_alignment, check_file

ZH = "他二十一岁。我很好。王小明去了北京。这件事我们明天再谈。"
EN = "He is twenty-two. I am fine. Wang Xiaoming went to the the capital. We will talk tomorrow."


@pytest.fixture(scope="module")
def aligned_and_checked():
    alignment = align(ZH, EN)
    return alignment, check_alignment(alignment)


@pytest.mark.parametrize("name", ["tsv", "jsonl", "xlsx"])
def test_aligned_read_round_trip_gives_the_findings_of_the_alignment(name, aligned_and_checked, tmp_path):
    alignment, findings = aligned_and_checked
    assert {f.code for f in findings} >= {"number-mismatch", "repeated-word"}, "the fixture needs findings to compare"
    path = tmp_path / f"aligned.{name}"
    path.write_bytes(render(name, alignment, findings).as_bytes())
    report = check_file(path)
    assert report.malformed == ()
    assert list(report.findings) == findings
    assert [(r.row, r.zh, r.en, r.type) for r in report.rows] == [
        (row, *_texts(alignment, bead), bead.type) for row, bead in alignment.rows()
    ]


def _texts(alignment, bead) -> tuple[str, str]:
    from corpus_align.io.records import sentence_text

    return sentence_text(alignment.zh, bead.zh), sentence_text(alignment.en, bead.en)


def test_aligned_read_format_is_told_by_content_then_name():
    assert input_format("a.tsv", b"PK\x03\x04rest") == "xlsx"  # a workbook whatever its name
    assert input_format("a.xlsx", b"not a zip") == "xlsx"  # and the reader says it is broken
    assert input_format("a.jsonl", b"\xe4\xbd\xa0\tyou\n") == "jsonl"
    assert input_format("-", b'\n{"meta": {"beads": 1}}\n') == "jsonl"
    assert input_format("a.txt", b"\xef\xbb\xbf{\"zh\": \"x\", \"en\": \"y\"}\n") == "jsonl"  # after a BOM
    assert input_format("a", b"{note}\t{x}\n") == "tsv"
    assert input_format("a.tsv", b"\xe4\xbd\xa0\tyou\n") == "tsv"


def test_aligned_read_standard_input_in_each_format(aligned_and_checked):
    alignment, findings = aligned_and_checked
    import io

    for name in ("tsv", "jsonl", "xlsx"):
        data = render(name, alignment, findings).as_bytes()
        with open_aligned_file("-", stdin=io.BytesIO(data)) as aligned:
            assert [r.en for r in aligned.records()][:2] == ["He is twenty-two.", "I am fine."], name


def test_aligned_read_three_column_tsv_is_zh_en_note(tmp_path):
    path = tmp_path / "reviewed.tsv"
    path.write_text("他二十一岁。\tHe is twenty-two.\tchecked by Li\n我很好。\tI am fine.\t\n只有两格。\tTwo cells.\n", "utf-8")
    report = check_file(path)
    assert [(r.row, r.zh, r.en) for r in report.rows] == [(1, "他二十一岁。", "He is twenty-two."), (2, "我很好。", "I am fine.")]
    assert [f.code for f in report.findings if f.row == 1] == ["number-mismatch"]
    assert [(b.row, b.problem) for b in report.malformed] == [(3, "expected 3 tab-separated columns (zh, en, note), found 2")]


def test_aligned_read_two_column_tsv_still_reports_a_third_cell(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("我很好。\tI am fine.\n他四岁。\tHe is five.\tstray\n他很好。\tHe is fine.\n", "utf-8")
    report = check_file(path)
    assert [(b.row, b.problem) for b in report.malformed] == [(2, "expected 2 tab-separated columns, found 3")]


def test_aligned_read_broken_json_lines_are_malformed_rows_and_the_rest_checked(tmp_path):
    lines = [
        json.dumps({"meta": {"beads": 4}}),
        json.dumps({"row": 1, "zh": "他二十一岁。", "en": "He is twenty-two.", "type": "1-1", "score": 0.5}, ensure_ascii=False),
        '{"row": 2, "zh": "我很好。", "en": "I am',
        json.dumps({"row": 3, "zh": "我很好。"}, ensure_ascii=False),
        "[1, 2]",
        json.dumps({"row": 5, "zh": "他三岁。", "en": "He is four."}, ensure_ascii=False),
    ]
    path = tmp_path / "aligned.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    report = check_file(path)
    assert [(b.row, b.line) for b in report.malformed] == [(2, 3), (3, 4), (4, 5)]
    assert "not valid JSON" in report.malformed[0].problem
    assert report.malformed[1].problem == "a JSON object without 'en'"
    assert report.malformed[2].problem == "expected a JSON object with zh and en, found an array"
    assert [(f.row, f.code) for f in report.findings if f.code in ("number-mismatch", "malformed-row")] == [
        (1, "number-mismatch"), (2, "malformed-row"), (3, "malformed-row"), (4, "malformed-row"), (5, "number-mismatch")]


def test_aligned_read_an_error_cell_in_a_workbook_is_a_malformed_row(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["zh", "en", "note"])
    sheet.append(["他二十一岁。", "He is twenty-two.", "x"])
    sheet.append(["我很好。", "#REF!", ""])
    sheet["B3"].data_type = "e"
    sheet.append(["他二十岁。", 2019, None])  # a number in a text column is read as shown
    path = tmp_path / "reviewed.xlsx"
    workbook.save(path)
    report = check_file(path)
    assert [(b.row, b.lines, b.problem) for b in report.malformed] == [(2, "sheet row 3", "cell B3 holds the spreadsheet error #REF!")]
    assert [(r.row, r.en) for r in report.rows] == [(1, "He is twenty-two."), (3, "2019")]
    malformed = [f for f in report.findings if f.code == "malformed-row"]
    assert [(f.row, f.severity, f.message) for f in malformed] == [
        (2, "error", "sheet row 3: cell B3 holds the spreadsheet error #REF!; row not checked")]


def test_aligned_read_a_broken_workbook_is_an_input_error(tmp_path):
    path = tmp_path / "aligned.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match=r"aligned.xlsx: is not a readable XLSX workbook \(BadZipFile"):
        check_file(path)


def test_aligned_read_malformed_row_follows_select_and_ignore(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("我很好。\tI am fine.\nno tab here\n", "utf-8")
    assert [f.code for f in check_file(path).findings] == ["malformed-row"]
    assert check_file(path, ignore=["malformed-row"]).findings == ()
    assert check_file(path, select=["typo"]).findings == ()
    assert len(check_file(path, ignore=["malformed-row"]).malformed) == 1  # still reported as not read


def test_aligned_read_records_of_each_reader_are_the_same_kind(aligned_and_checked, tmp_path):
    alignment, findings = aligned_and_checked
    for name in ("tsv", "jsonl", "xlsx"):
        path = tmp_path / f"a.{name}"
        path.write_bytes(render(name, alignment, findings).as_bytes())
        with open_aligned_file(path) as aligned:
            records = list(aligned.records())
        assert all(isinstance(r, (TsvRow, MalformedRow)) for r in records)
        assert [(r.row, r.type, r.score) for r in records] == [(row, b.type, round(b.score, 3)) for row, b in alignment.rows()]


def test_aligned_read_tsv_and_jsonl_do_not_import_openpyxl(tmp_path):
    tsv, jsonl = tmp_path / "a.tsv", tmp_path / "a.jsonl"
    tsv.write_text("你好。\tHello.\n", "utf-8")
    jsonl.write_text('{"zh": "你好。", "en": "Hello."}\n', "utf-8")
    code = (
        "import sys\n"
        "from corpus_align.io.aligned_read import open_aligned_file\n"
        f"for path in {[str(tsv), str(jsonl)]!r}:\n"
        "    with open_aligned_file(path) as aligned:\n"
        "        assert len(list(aligned.records())) == 1\n"
        "print('openpyxl' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr
