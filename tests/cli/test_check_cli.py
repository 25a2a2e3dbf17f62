from __future__ import annotations

import json

from corpus_align.io.findings import finding_record
from corpus_align.qa import check_file
from tests.conftest import ROOT, run_cli

PAIRS = "他二十一岁。\tHe is twenty-two.\n我很好。\tI am fine.\n王广成来了。\tHe came.\n"


def test_cli_check_jsonl_matches_the_api(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text(PAIRS, "utf-8")
    result = run_cli("check", str(path), "--format", "jsonl", "--fail-on", "never")
    assert result.returncode == 0, result.stderr.decode()
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert records == [finding_record(f) for f in check_file(path).findings]
    assert {"code", "severity", "row", "message"} <= set(records[0])


def test_cli_check_fail_on_sets_the_exit_code(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text(PAIRS, "utf-8")
    assert run_cli("check", str(path)).returncode == 1
    assert run_cli("check", str(path), "--fail-on", "never").returncode == 0
    assert run_cli("check", str(path), "--select", "typo").returncode == 0
    assert run_cli("check", str(path), "--ignore", "number-mismatch,entity-missing", "--fail-on", "error").returncode == 0


def test_cli_check_unknown_code_is_a_usage_error(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text(PAIRS, "utf-8")
    result = run_cli("check", str(path), "--select", "typoo")
    err = result.stderr.decode()
    assert result.returncode == 2 and "unknown check code 'typoo'" in err and "number-mismatch" in err


def test_cli_check_text_groups_by_row_and_summarises(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text(PAIRS, "utf-8")
    out = run_cli("check", str(path), "--fail-on", "never").stdout.decode()
    assert "row 1" in out and "zh: 他二十一岁。" in out and "number-mismatch" in out
    assert "finding(s) in 3 row(s)" in out


def test_cli_check_malformed_row_is_reported_and_the_rest_checked(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("他二十一岁。\tHe is twenty-two.\nno tab here\n他三岁。\tHe is four.\n", "utf-8")
    result = run_cli("check", str(path), "--format", "tsv", "--fail-on", "never")
    assert "line 2 (row 2)" in result.stderr.decode()
    rows = [line.split("\t") for line in result.stdout.decode().splitlines()[1:]]
    assert {(r[0], r[1]) for r in rows if r[1] == "number-mismatch"} == {("1", "number-mismatch"), ("3", "number-mismatch")}


def test_cli_align_fills_the_issues_column_and_no_check_leaves_it_empty():
    sample = "data/samples/000_389ae536b82fb46d.txt"
    checked = run_cli("align", sample, cwd=ROOT).stdout.decode().splitlines()[1:]
    assert any("encoding-artifact" in row.split("\t")[7] for row in checked)
    unchecked = run_cli("align", sample, "--no-check", cwd=ROOT).stdout.decode().splitlines()[1:]
    assert all(row.split("\t")[7] == "" for row in unchecked)


def test_cli_check_on_a_file_that_is_not_aligned_is_a_clear_error():
    result = run_cli("check", "data/samples/000_389ae536b82fb46d.txt", cwd=ROOT)
    err = result.stderr.decode()
    assert result.returncode == 2 and "has no tab-separated zh/en rows" in err and "corpus-align align" in err


def test_cli_check_min_confidence_filters_and_shows_the_confidence(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text(PAIRS, "utf-8")
    every = check_file(path).findings
    sure = [f for f in every if f.confidence is None or f.confidence >= 0.5]
    assert len(sure) < len(every), "the fixture needs a finding under 0.5 and one above"
    result = run_cli("check", str(path), "--format", "jsonl", "--fail-on", "never", "--min-confidence", "0.5")
    assert [json.loads(line) for line in result.stdout.decode().splitlines()] == [finding_record(f) for f in sure]
    text = run_cli("check", str(path), "--fail-on", "never").stdout.decode()
    assert any(f"{f.confidence:.0%}" in text for f in every if f.confidence is not None)
    bad = run_cli("check", str(path), "--min-confidence", "80")
    assert bad.returncode == 2 and "--min-confidence" in bad.stderr.decode() and "Traceback" not in bad.stderr.decode()


def test_cli_check_doubtful_findings_are_info_counted_apart_and_do_not_fail_the_run(tmp_path):
    path = tmp_path / "pairs.tsv"
    # A name dropped (doubtful on its own: on published text such findings are mostly renderings) and a number changed.
    path.write_text("周六警方宣布西雅图发生骚乱。\tPolice declared a riot on Saturday.\n他有三个孩子。\tHe has four children.\n", "utf-8")
    findings = check_file(path).findings
    by_code = {f.code: f for f in findings}
    assert by_code["entity-missing"].severity == "info" and by_code["entity-missing"].confidence < 0.2
    assert by_code["number-mismatch"].severity == "error"
    out = run_cli("check", str(path), "--select", "entity-missing", "--fail-on", "warning")
    assert out.returncode == 0 and "entity-missing" in out.stdout.decode() and "info" in out.stdout.decode()
    assert run_cli("check", str(path), "--fail-on", "warning").returncode == 1
