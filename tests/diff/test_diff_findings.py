"""Findings across releases: new, fixed, still open, accepted from a baseline; identity by text, not row number."""

from __future__ import annotations

import json

import pytest

from corpus_align.baseline import finding_fingerprint
from corpus_align.diff import DiffRow, diff_alignments, diff_releases, finding_identity, read_accepted
from corpus_align.errors import InputError
from corpus_align.io.baseline import BaselineEntry, write_baseline
from corpus_align.io.findings import findings_to_jsonl
from corpus_align.io.findings_read import read_findings
from corpus_align.model import Finding, Span

from .helpers import AGE, FINE, age_finding, batch_output

CITY = ("王广成来了。", "He came.")


def entity_finding(row: int) -> Finding:
    return Finding("entity-missing", "warning", row, "Wang Guangcheng is not in the English", zh_text="王广成")


def changes(diff) -> list[tuple[str, str, int]]:
    return [(c.change, c.finding.code, c.finding.row) for c in diff.findings]


def test_diff_findings_same_finding_on_a_moved_row_is_still_open():
    diff = diff_alignments([AGE, FINE], [CITY, AGE, FINE], old_findings=[age_finding(1)],
                           new_findings=[age_finding(2), entity_finding(1)])
    assert changes(diff) == [("open", "number-mismatch", 2), ("new", "entity-missing", 1)]
    assert diff.new_findings == (entity_finding(1),)


def test_diff_findings_gone_is_fixed_and_carries_its_old_row():
    diff = diff_alignments([AGE, FINE], [("他二十二岁。", AGE[1]), FINE], old_findings=[age_finding(1)])
    assert changes(diff) == [("fixed", "number-mismatch", 1)]
    assert diff.findings[0].row.zh == AGE[0]


def test_diff_findings_on_a_revised_row_are_fixed_and_new():
    # The identity holds the row's text: the reviewer has not seen the finding on the revised text.
    revised = (AGE[0], "He is twenty-two years old.")
    diff = diff_alignments([AGE], [revised], old_findings=[age_finding(1)], new_findings=[age_finding(1)])
    assert sorted(c.change for c in diff.findings) == ["fixed", "new"]


def test_diff_findings_traditional_row_keeps_the_identity():
    traditional = ("他二十一歲。", AGE[1])
    diff = diff_alignments([AGE], [traditional], old_findings=[age_finding(1)], new_findings=[age_finding(1)])
    assert changes(diff) == [("open", "number-mismatch", 1)]


def test_diff_findings_repeated_findings_are_counted():
    diff = diff_alignments([AGE, AGE], [AGE, AGE, AGE], old_findings=[age_finding(1), age_finding(2)],
                           new_findings=[age_finding(1), age_finding(2), age_finding(3)])
    assert sorted(c.change for c in diff.findings) == ["new", "open", "open"]


def test_diff_findings_in_the_baseline_are_accepted_not_new_or_open():
    accepted = {finding_identity(age_finding(1), DiffRow(1, *AGE))}
    diff = diff_alignments([FINE], [AGE, FINE], new_findings=[age_finding(1)], accepted=accepted)
    assert changes(diff) == [("accepted", "number-mismatch", 1)] and diff.new_findings == ()
    diff = diff_alignments([AGE], [AGE], old_findings=[age_finding(1)], new_findings=[age_finding(1)], accepted=accepted)
    assert changes(diff) == [("accepted", "number-mismatch", 1)]


def test_diff_identity_is_code_row_text_and_evidence_not_row_number_or_message():
    row = DiffRow(1, *AGE)
    same = Finding("number-mismatch", "error", 40, "reworded message", zh_text="二十一", en_text="twenty-two")
    assert finding_identity(age_finding(1), row) == finding_identity(same, DiffRow(40, "他二十一歲。", AGE[1]))
    other_evidence = Finding("number-mismatch", "error", 1, "m", zh_text="二十", en_text="twenty-two")
    assert finding_identity(age_finding(1), row) != finding_identity(other_evidence, row)
    assert finding_identity(age_finding(1), row) != finding_identity(age_finding(1), DiffRow(1, AGE[0], "He is 22."))


def test_diff_identity_is_the_fingerprint_check_writes_into_a_baseline():
    assert finding_identity(age_finding(1), DiffRow(1, *AGE)) == finding_fingerprint(age_finding(7), *AGE)


def test_diff_read_accepted_takes_a_baseline_and_names_a_bad_line(tmp_path):
    path = tmp_path / "baseline.jsonl"
    write_baseline(path, [BaselineEntry("b2", "typo"), BaselineEntry("a1", "number-mismatch", reason="a name")])
    assert read_accepted(path) == {"a1", "b2"}
    path.write_text('{"fingerprint": "a1", "code": "typo"}\nnot json\n', "utf-8")
    with pytest.raises(InputError, match="line 2: not a JSON object"):
        read_accepted(path)
    with pytest.raises(InputError, match="no such file"):
        read_accepted(tmp_path / "missing.jsonl")


def test_diff_findings_file_reads_back_what_the_writer_wrote(tmp_path):
    findings = [age_finding(1), Finding("encoding-artifact", "error", 2, "m", zh_text="關(guān)于", confidence=0.5,
                                         spans=(Span("zh", 1, 7, "(guān)"),))]
    path = tmp_path / "a.findings.jsonl"
    path.write_text(findings_to_jsonl(findings), "utf-8")
    assert read_findings(path) == findings
    path.write_text('{"code": "typo"}\n', "utf-8")
    with pytest.raises(InputError, match="line 1: expected a finding"):
        read_findings(path)


def test_diff_releases_documents_matched_by_name_with_added_and_removed(tmp_path):
    old = batch_output(tmp_path / "v1", {"news/a": ([AGE, FINE], [age_finding(1)]), "gone": ([CITY], [entity_finding(1)]),
                                          "same": ([FINE], [])})
    new = batch_output(tmp_path / "v2", {"news/a": ([CITY, AGE, FINE], [entity_finding(1), age_finding(2)]),
                                          "added": ([FINE], []), "same": ([FINE], [])})
    release = diff_releases(old, new)
    assert [(d.name, d.status) for d in release.documents] == [
        ("added", "added"), ("gone", "removed"), ("news/a", "changed"), ("same", "unchanged")]
    assert release.document_counts() == {"changed": 1, "added": 1, "removed": 1, "unchanged": 1}
    assert release.row_counts()["new"] == 2 and release.row_counts()["removed"] == 1
    assert release.finding_counts() == {"new": 1, "fixed": 1, "open": 1, "accepted": 0}


def test_diff_releases_failed_documents_are_not_compared(tmp_path):
    old = batch_output(tmp_path / "v1", {"a": ([AGE], []), "b": ([FINE], [])})
    new = batch_output(tmp_path / "v2", {"a": ([AGE], [])}, failed={"b": "b.zh.txt: no Chinese text"})
    release = diff_releases(old, new)
    assert [d.name for d in release.documents] == ["a"]
    assert release.not_compared == (("b", f"failed: b.zh.txt: no Chinese text (in {new})"),)


@pytest.mark.parametrize(("summary", "problem"), [
    (None, "no summary.json: not a batch output folder"),
    ({"documents": [], "interrupted": True}, "the batch was interrupted"),
    ({"totals": {}}, "no 'documents' list"),
])
def test_diff_releases_refuses_a_folder_that_is_no_whole_batch_output(tmp_path, summary, problem):
    old = batch_output(tmp_path / "v1", {"a": ([AGE], [])})
    new = tmp_path / "v2"
    new.mkdir()
    if summary is not None:
        (new / "summary.json").write_text(json.dumps(summary), "utf-8")
    with pytest.raises(InputError, match=problem):
        diff_releases(old, new)
