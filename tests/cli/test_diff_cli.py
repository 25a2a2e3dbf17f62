"""The diff command: summary, TSV and JSONL records, HTML pages, --fail-on on new findings only, bad input."""

from __future__ import annotations

import json
import re

import pytest

from corpus_align.diff import diff_releases
from corpus_align.diff.render import change_records
from corpus_align.errors import InputError
from corpus_align.io.findings import findings_to_jsonl
from corpus_align.model import Finding
from tests.batch.conftest import two_file_release
from tests.conftest import run_cli
from tests.diff.helpers import AGE, FINE, age_finding, aligned_tsv, batch_output

ATTACK = ("<script>alert(1)</script>新。", '<img src=x onerror="alert(2)"> & new.')


def typo_warning(row: int) -> Finding:
    return Finding("typo", "warning", row, "'fien' is not an English word", en_text="fien")


@pytest.fixture
def releases(tmp_path):
    old = batch_output(tmp_path / "v1", {"a": ([AGE, FINE], [age_finding(1)]), "gone": ([FINE], [])})
    new = batch_output(tmp_path / "v2", {"a": ([ATTACK, AGE, ("我很好。", "I am fien.")], [age_finding(2), typo_warning(3)]),
                                          "added": ([FINE], [])})
    return old, new


def test_cli_diff_summary_counts_per_document_and_lists_new_findings(releases):
    result = run_cli("diff", *map(str, releases), "--fail-on", "never")
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "changed  a: rows 1 en-revised, 1 new; findings 1 new, 1 open" in out
    assert "added    added: rows 1 new" in out and "removed  gone: rows 1 removed" in out
    assert "new warning typo on row 3: 'fien' is not an English word" in out
    assert out.splitlines()[-1].startswith("3 documents: 1 changed, 1 added, 1 removed, 0 unchanged;")


def test_cli_diff_fail_on_counts_new_findings_only(releases, tmp_path):
    # The open error does not fail the release; the new warning does, at --fail-on warning.
    assert run_cli("diff", *map(str, releases)).returncode == 0
    assert run_cli("diff", *map(str, releases), "--fail-on", "warning").returncode == 1
    old, _ = releases
    worse = batch_output(tmp_path / "v3", {"a": ([AGE, FINE], [age_finding(1), age_finding(2)]), "gone": ([FINE], [])})
    assert run_cli("diff", str(old), str(worse)).returncode == 1
    assert run_cli("diff", str(old), str(worse), "--fail-on", "never").returncode == 0


def test_cli_diff_baseline_accepts_a_new_finding(releases, tmp_path):
    new_typo = next(r for r in change_records(diff_releases(*releases)) if r["kind"] == "finding" and r["change"] == "new")
    baseline = tmp_path / "baseline.jsonl"
    baseline.write_text(json.dumps({"fingerprint": new_typo["identity"], "code": "typo"}) + "\n", "utf-8")
    result = run_cli("diff", *map(str, releases), "--baseline", str(baseline), "--fail-on", "warning")
    assert result.returncode == 0 and "findings 1 open, 1 accepted" in result.stdout.decode()


def test_cli_diff_jsonl_and_tsv_hold_one_record_per_change(releases):
    lines = run_cli("diff", *map(str, releases), "--format", "jsonl").stdout.decode().splitlines()
    meta, records = json.loads(lines[0])["meta"], [json.loads(line) for line in lines[1:]]
    assert meta["documents_by_status"]["added"] == 1 and meta["findings"]["new"] == 1
    revised = next(r for r in records if r["change"] == "en-revised")
    assert (revised["document"], revised["old_row"], revised["new_row"]) == ("a", 2, 3)
    assert ["-", "fine"] in revised["en_edits"] and ["+", "fien"] in revised["en_edits"]
    assert {(r["kind"], r["change"]) for r in records} == {("row", "new"), ("row", "en-revised"), ("row", "removed"),
                                                            ("finding", "new")}
    tsv = run_cli("diff", *map(str, releases), "--format", "tsv").stdout.decode().splitlines()
    assert tsv[0].startswith("document\tkind\tchange\told_row\tnew_row") and len(tsv) == len(records) + 1
    everything = run_cli("diff", *map(str, releases), "--format", "jsonl", "--unchanged").stdout.decode().splitlines()
    assert len(everything) > len(lines)  # the unchanged rows and the open finding too


def test_cli_diff_two_files_reads_the_findings_beside_them_or_runs_the_checks(tmp_path):
    (tmp_path / "v1").mkdir()
    (tmp_path / "v2").mkdir()
    (tmp_path / "v1" / "ch1.tsv").write_text(aligned_tsv([AGE, FINE]), "utf-8")
    (tmp_path / "v2" / "ch1.tsv").write_text(aligned_tsv([("他二十一歲。", AGE[1]), ("我很好。", "I am well.")]), "utf-8")
    out = run_cli("diff", str(tmp_path / "v1" / "ch1.tsv"), str(tmp_path / "v2" / "ch1.tsv")).stdout.decode()
    # No findings files: the checks run on both, and the Traditional row keeps its number-mismatch open.
    assert out.startswith("ch1: rows 1 unchanged, 1 en-revised; findings") and "open" in out
    out = run_cli("diff", str(tmp_path / "v1" / "ch1.tsv"), str(tmp_path / "v2" / "ch1.tsv"), "--no-check").stdout.decode()
    assert out.startswith("ch1: rows 1 unchanged, 1 en-revised; findings none")
    (tmp_path / "v1" / "ch1.findings.jsonl").write_text(findings_to_jsonl([age_finding(1)]), "utf-8")
    (tmp_path / "v2" / "ch1.findings.jsonl").write_text("", "utf-8")
    out = run_cli("diff", str(tmp_path / "v1" / "ch1.tsv"), str(tmp_path / "v2" / "ch1.tsv")).stdout.decode()
    assert out.startswith("ch1: rows 1 unchanged, 1 en-revised; findings 1 fixed")


def test_cli_batch_previous_writes_the_diff_and_says_what_changed(tmp_path, serial_batch):
    old_release = two_file_release(tmp_path / "r1", {"a": ("他今年二十一岁。我很好。", "He is twenty-one. I am fine."),
                                                     "gone": ("再见。", "Goodbye.")})
    new_release = two_file_release(tmp_path / "r2", {"a": ("他今年二十一岁。我很好。", "He is twenty-one. I am well."),
                                                     "added": ("谢谢。", "Thanks.")})
    assert run_cli("batch", str(old_release), "-o", str(tmp_path / "v1")).returncode == 0
    result = run_cli("batch", str(new_release), "-o", str(tmp_path / "v2"), "--previous", str(tmp_path / "v1"))
    assert result.returncode == 0, result.stderr.decode()
    said = result.stderr.decode().strip().splitlines()[-1]
    assert said.startswith(f"since {tmp_path / 'v1'}: 3 documents: 1 changed, 1 added, 1 removed, 0 unchanged; rows 1 en-revised")
    assert sorted(p.name for p in (tmp_path / "v2" / "diff").iterdir()) == [
        "a.diff.html", "added.diff.html", "gone.diff.html", "index.html", "summary.json"]
    # The diff is no document of the release, and a later diff of the folder ignores it.
    assert diff_releases(tmp_path / "v2", tmp_path / "v2").document_counts()["unchanged"] == 2


def test_cli_diff_of_folders_reads_the_release_store_and_agrees_with_the_files(tmp_path, serial_batch):
    old_release = two_file_release(tmp_path / "r1", {"a": ("他今年二十一岁。我很好。", "He is twenty-one. I am fine.")})
    new_release = two_file_release(tmp_path / "r2", {"a": ("他今年二十一岁。我很好。", "He is twenty-two. I am well.")})
    for release, out in ((old_release, "v1"), (new_release, "v2")):
        assert run_cli("batch", str(release), "-o", str(tmp_path / out)).returncode == 0
    from_store = list(change_records(diff_releases(tmp_path / "v1", tmp_path / "v2")))
    for out in ("v1", "v2"):  # the store of each folder holds the rows: with the TSVs gone, the diff is the same
        (tmp_path / out / "a.tsv").unlink()
    assert list(change_records(diff_releases(tmp_path / "v1", tmp_path / "v2"))) == from_store
    assert {r["change"] for r in from_store if r["kind"] == "row"} == {"en-revised"}
    for out in ("v1", "v2"):  # a folder written before the store: the TSVs and findings files are read instead
        (tmp_path / out / "release.sqlite").unlink()
    with pytest.raises(InputError, match="a.tsv"):
        diff_releases(tmp_path / "v1", tmp_path / "v2")


def test_cli_batch_previous_must_be_an_earlier_batch_output_checked_before_the_work(tmp_path, serial_batch):
    release = two_file_release(tmp_path / "r1", {"a": ("我很好。", "I am fine.")})
    result = run_cli("batch", str(release), "-o", str(tmp_path / "out"), "--previous", str(release))
    assert result.returncode == 2 and "no summary.json: not a batch output folder" in result.stderr.decode()
    assert not (tmp_path / "out").exists()
    result = run_cli("batch", str(release), "-o", str(tmp_path / "out"), "--previous", str(tmp_path / "out"))
    assert result.returncode == 2 and "is the output folder itself" in result.stderr.decode()


def test_cli_diff_html_pages_are_escaped_and_self_contained(releases, tmp_path):
    result = run_cli("diff", *map(str, releases), "--html", str(tmp_path / "html"))
    assert result.returncode == 0, result.stderr.decode()
    pages = sorted(p.name for p in (tmp_path / "html").iterdir())
    assert pages == ["a.diff.html", "added.diff.html", "gone.diff.html", "index.html", "summary.json"]
    page = (tmp_path / "html" / "a.diff.html").read_text("utf-8")
    assert "<script>alert" not in page and "<img" not in page
    assert "<ins>&lt;script&gt;alert(1)&lt;/script&gt;新。</ins>" in page
    assert "I am <del>fine</del><ins>fien</ins>." in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing loaded from anywhere
    assert "number-mismatch" not in page  # the open finding is counted, not listed
    index = (tmp_path / "html" / "index.html").read_text("utf-8")
    assert '<a href="a.diff.html">a</a>' in index and '<a href="gone.diff.html">gone</a>' in index
    assert json.loads((tmp_path / "html" / "summary.json").read_text("utf-8"))["documents_by_status"]["removed"] == 1


@pytest.mark.parametrize(("make", "problem"), [
    (lambda t: (t / "missing.tsv", t / "v1.tsv"), "missing.tsv: no such file or folder"),
    (lambda t: (t / "v1.tsv", t), "are not of one kind"),
    (lambda t: (t / "v1.tsv", t / "broken.tsv"), "broken.tsv: line 3: expected 2 tab-separated"),
])
def test_cli_diff_bad_input_is_one_line_and_exit_2(tmp_path, make, problem):
    (tmp_path / "v1.tsv").write_text(aligned_tsv([AGE]), "utf-8")
    (tmp_path / "broken.tsv").write_text("zh\ten\n他。\tHe.\n一\t二\t三\n", "utf-8")
    result = run_cli("diff", *map(str, make(tmp_path)))
    lines = result.stderr.decode().strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1
    assert lines[0].startswith("corpus-align: error: ") and problem in lines[0]


def test_cli_diff_bad_baseline_is_one_line_and_exit_2(releases, tmp_path):
    baseline = tmp_path / "baseline.jsonl"
    baseline.write_text("not json\n", "utf-8")
    result = run_cli("diff", *map(str, releases), "--baseline", str(baseline))
    assert result.returncode == 2
    assert result.stderr.decode().strip().startswith(f"corpus-align: error: {baseline}: line 1: not a JSON object")
    assert len(result.stderr.decode().strip().splitlines()) == 1
