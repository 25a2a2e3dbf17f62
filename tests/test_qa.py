"""The check stage end to end: the sample as the issue requires it, TSV input, exit status."""

from __future__ import annotations

import pytest

from corpus_align import align_files
from corpus_align.errors import UsageError
from corpus_align.model import Finding
from corpus_align.qa import check_alignment, check_file, issues_by_row, rows_from_alignment, should_fail


@pytest.fixture(scope="module")
def sample_findings():
    from tests.conftest import SAMPLE

    alignment = align_files(SAMPLE)
    return alignment, check_alignment(alignment)


def test_qa_sample_title_is_an_addition(sample_findings):
    alignment, findings = sample_findings
    title_row = next(row for row, bead in alignment.rows() if bead.en == (0,))
    assert alignment.beads[title_row - 1].zh == ()
    assert any(f.code == "addition" and f.row == title_row for f in findings)


def test_qa_sample_encoding_artifacts(sample_findings):
    _, findings = sample_findings
    artifacts = [f for f in findings if f.code == "encoding-artifact"]
    assert any("(guān)" in f.zh_text or "(guān)" in f.message for f in artifacts)
    assert any("Countries?went" in f.message or f.en_text == "?" or "?went" in f.en_text for f in artifacts)


def test_qa_sample_inconsistent_spelling_of_peoples(sample_findings):
    _, findings = sample_findings
    assert any(f.code == "inconsistent-spelling" and "Peoples" in f.message for f in findings)


def test_qa_sample_has_no_false_entity_or_number_findings(sample_findings):
    _, findings = sample_findings
    assert [f for f in findings if f.code in {"entity-missing", "number-mismatch"}] == []


def test_qa_rows_from_alignment_carry_damage_offsets(sample_findings):
    alignment, _ = sample_findings
    for row in rows_from_alignment(alignment):
        for damage in row.zh_damage:
            assert row.zh[damage.start : damage.end] == damage.text
        for damage in row.en_damage:
            assert row.en[damage.start : damage.end] == damage.text


def test_qa_check_file_reads_plain_pairs_and_reports_malformed_rows(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("他二十一岁。\tHe is twenty-two.\nbroken row without tab\n我很好。\tI am fine.\n", "utf-8")
    report = check_file(path)
    assert [row.row for row in report.rows] == [1, 3]
    assert [(bad.row, bad.line) for bad in report.malformed] == [(2, 2)]
    assert [(f.code, f.row) for f in report.findings if f.code == "number-mismatch"] == [("number-mismatch", 1)]


def test_qa_check_file_reads_the_align_tsv(tmp_path):
    from corpus_align.io.tsv import to_tsv
    from tests.conftest import SAMPLE

    alignment = align_files(SAMPLE)
    path = tmp_path / "aligned.tsv"
    path.write_text(to_tsv(alignment), "utf-8")
    report = check_file(path)
    assert [row.row for row in report.rows] == [row for row, _ in alignment.rows()]
    assert [row.type for row in report.rows] == [bead.type for bead in alignment.beads]
    assert report.malformed == ()


def test_qa_should_fail_and_issue_codes():
    findings = [Finding("typo", "warning", 2, "a"), Finding("typo", "warning", 2, "b"), Finding("whitespace", "info", 3, "c")]
    assert should_fail(findings, "warning") and not should_fail(findings, "error") and not should_fail(findings, "never")
    assert issues_by_row(findings) == {2: ["typo"], 3: ["whitespace"]}
    with pytest.raises(UsageError, match="choose one of error, warning, never"):
        should_fail(findings, "sometimes")


def test_qa_check_records_in_windows_give_each_row_its_own_findings_in_any_process():
    from corpus_align.io.tsv_read import TsvRow
    from corpus_align.qa import check_records, survey_records

    rows = [TsvRow(1, 2, "他二十一岁。", "He is twenty-two."), TsvRow(2, 3, "我很好。", "I am fine."),
            TsvRow(3, 4, "他三岁。", "He is four."), TsvRow(1, 5, "他二十一岁。", "He is twenty-two.")]
    survey = survey_records(rows)

    def checked(workers):
        items = check_records(rows, survey, select=["number-mismatch"], window_rows=1, workers=workers)
        return [(item.row.line, [(f.code, f.row) for f in item.findings]) for item in items]

    expected = [(2, [("number-mismatch", 1)]), (3, []), (4, [("number-mismatch", 3)]), (5, [("number-mismatch", 1)])]
    assert checked(1) == checked(2) == expected


def test_qa_damage_offsets_point_into_the_row_text_of_hard_wrapped_input():
    # Blank lines between multi-line blocks: hard-wrapped prose, whose line breaks the row text drops
    # (Chinese) or turns into a space (English); damage found in the source must still point at itself.
    from corpus_align import align
    from corpus_align.qa import rows_from_alignment

    zh = "他說雙方同意繼續合作，共同推\n動(dòng)兩地的經濟發展。\n\n王廣成率隊赴重\n慶，參加\n會議。"
    en = (
        "He said both sides agreed to keep\ncooperating to promote the\neconomic development of the two places.\n\n"
        "Wang Guangcheng led\na team to Chongqing.Then\nhe met them."
    )
    rows = rows_from_alignment(align(zh, en))
    damage = [(row.zh, d) for row in rows for d in row.zh_damage] + [(row.en, d) for row in rows for d in row.en_damage]
    assert damage, "the pinyin annotation must be found"
    for text, found in damage:
        assert text[found.start : found.end] == found.text


def test_qa_a_file_of_several_windows_is_cut_into_an_even_number_of_equal_windows():
    from corpus_align.io.tsv_read import TsvRow
    from corpus_align.qa import _windows, balanced_window_rows, survey_records

    assert balanced_window_rows(50_000, 10_000) == 8_334  # 6 windows, not 5 of which the last runs alone
    assert balanced_window_rows(40_000, 10_000) == 10_000 and balanced_window_rows(9_000, 10_000) == 10_000
    for distinct in (10_001, 30_000, 50_000, 123_457):
        size = balanced_window_rows(distinct, 10_000)
        windows = -(-distinct // size)
        assert windows % 2 == 0 and size <= 10_000 and windows * size - distinct < windows
    rows = [TsvRow(i, i + 1, f"第{i}行。", f"Line {i}.") for i in range(50)] * 2
    survey = survey_records(rows)
    assert survey.rows == 100 and survey.distinct_en == 50
    sizes = [len(w.to_check) for w in _windows(rows, balanced_window_rows(survey.distinct_en, 20)) if w.to_check]
    assert sizes == [13, 13, 13, 11]
